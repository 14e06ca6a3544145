#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/err.h"
#include "ja/rx.h"

/* One set of limits for all built-in patterns; match data per thread. */
static pcre2_match_context *mctx;
static _Thread_local pcre2_match_data *md;
/* Frees a worker thread's match data when the thread ends; made with the context, at start-up. */
static pthread_key_t md_key;

static void
md_free(void *p)
{
	pcre2_match_data_free(p);
}

static pcre2_match_data *
match_data(void)
{
	if (md == NULL) {
		if ((md = pcre2_match_data_create(32, NULL)) == NULL)
			ir_oom();
		pthread_setspecific(md_key, md);
	}
	return md;
}

static void
compile(struct ir_rx *rx)
{
	int code;
	PCRE2_SIZE at;

	rx->code = pcre2_compile((PCRE2_SPTR)rx->pattern, PCRE2_ZERO_TERMINATED,
				 PCRE2_UTF | PCRE2_NO_UTF_CHECK | PCRE2_UCP, &code, &at, NULL);
	if (rx->code == NULL) {
		PCRE2_UCHAR msg[256];

		pcre2_get_error_message(code, msg, sizeof msg);
		ir_die(IR_EXIT_FAIL, NULL, 0, "built-in pattern /%s/ at %zu: %s", rx->pattern,
		       (size_t)at, (char *)msg);
	}
	pcre2_jit_compile(rx->code, PCRE2_JIT_COMPLETE);
}

void
ir_rx_compile(struct ir_rx *const *rx, size_t n)
{
	size_t i;

	if (mctx == NULL) {
		if ((mctx = pcre2_match_context_create(NULL)) == NULL)
			ir_oom();
		pcre2_set_match_limit(mctx, 1000000);
		pcre2_set_depth_limit(mctx, 10000);
		if (pthread_key_create(&md_key, md_free) != 0)
			ir_oom();
	}
	for (i = 0; i < n; i++)
		if (rx[i]->code == NULL)
			compile(rx[i]);
}

int
ir_rx_find(const struct ir_rx *rx, const char *s, size_t n, size_t from, struct ir_rx_match *m)
{
	PCRE2_SIZE *ov;
	int rc;

	if (rx->code == NULL)
		ir_die(IR_EXIT_FAIL, NULL, 0,
		       "bug: built-in pattern /%s/ used before its module's prepare function ran",
		       rx->pattern);
	if (from > n)
		return 0;
	rc = pcre2_match(rx->code, (PCRE2_SPTR)s, n, from, PCRE2_NO_UTF_CHECK, match_data(),
			 mctx);
	if (rc < 0)
		return 0; /* no match, or a limit hit: either way nothing usable */
	ov = pcre2_get_ovector_pointer(md);
	m->start = ov[0];
	m->end = ov[1];
	m->g1 = rc > 1 && ov[2] != PCRE2_UNSET ? ov[2] : (size_t)-1;
	m->g1end = rc > 1 && ov[2] != PCRE2_UNSET ? ov[3] : (size_t)-1;
	for (m->group = 1; m->group < rc && ov[2 * m->group] == PCRE2_UNSET; m->group++)
		;
	if (m->group >= rc)
		m->group = 0;
	return 1;
}

int
ir_rx_test(const struct ir_rx *rx, const char *s, size_t n)
{
	struct ir_rx_match m;

	return ir_rx_find(rx, s, n, 0, &m);
}
