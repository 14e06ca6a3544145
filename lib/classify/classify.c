#include <stdlib.h>
#include <string.h>

#include "base/bytescan.h"
#include "base/err.h"
#include "classify/classify.h"
#include "json/write.h"

const char *const ir_classify_fields[IR_CLASSIFY_FIELDS] = {
	"category", "categories", "evidence", "veris",
};

void
ir_classifier_init(struct ir_classifier *c, const struct ir_ruleset *rs)
{
	memset(c, 0, sizeof *c);
	c->rs = rs;
	c->md = pcre2_match_data_create(16, NULL);
	c->score = calloc(rs->nlabels + 1, sizeof *c->score);
	c->candidate = calloc(rs->nrules + 1, 1);
	c->ev = calloc(rs->nrules + 1, sizeof *c->ev);
	c->gave_up = calloc(rs->nrules + 1, sizeof *c->gave_up);
	if (c->md == NULL || c->score == NULL || c->candidate == NULL || c->ev == NULL ||
	    c->gave_up == NULL)
		ir_oom();
}

/* Counts the first bytes of characters among the 16 at p. */
static unsigned
starts16(const char *p)
{
	ir_v16s b = ir_v16_bias(ir_v16_load(p));

	return 16 - ir_v16_count(IR_V16_ULT(b, 0xC0) & ~IR_V16_ULT(b, 0x80));
}

/*
 * Byte offset n characters before (dir < 0) or after off in text.  Going
 * forward is the lead's 1,500 characters in every notice: it counts the
 * characters sixteen bytes at a time while the place lies further on.
 */
static size_t
step_chars(const char *t, size_t len, size_t off, long n, int dir)
{
	unsigned long k = (unsigned long)n + 1; /* the place: the k-th start at or after off */
	unsigned c;

	if (n <= 0)
		return off;
	if (dir > 0) {
		for (; off + 16 <= len && (c = starts16(t + off)) < k; off += 16)
			k -= c;
		for (; off < len; off++)
			if (((unsigned char)t[off] & 0xC0) != 0x80 && --k == 0)
				return off;
		return len;
	}
	while (n-- > 0 && off > 0) {
		do
			off--;
		while (off > 0 && ((unsigned char)t[off] & 0xC0) == 0x80);
	}
	return off;
}

/* Title (after 】 on the first line) and lead (up to lead-end or lead-chars). */
static void
scopes(struct ir_classifier *c)
{
	const struct ir_ruleset *rs = c->rs;
	const char *t = c->norm.text.p;
	size_t n = c->norm.text.len, body, limit;
	const char *nl = memchr(t, '\n', n), *close;

	c->title_end = nl ? (size_t)(nl - t) : n;
	close = memmem(t, c->title_end, "】", 3);
	c->title = close ? (size_t)(close - t) + 3 : 0;
	body = nl ? c->title_end + 1 : n;
	limit = step_chars(t, n, body, rs->lead_chars, 1);
	c->lead_end = limit;
	if (rs->lead_end_code != NULL) {
		/* The lead stops at the start of the first line that matches lead-end. */
		size_t i = body;

		while (i < limit) {
			const char *e = memchr(t + i, '\n', n - i);
			size_t end = e ? (size_t)(e - t) : n;

			if (pcre2_match(rs->lead_end_code, (PCRE2_SPTR)(t + i), end - i, 0,
					PCRE2_NO_UTF_CHECK, c->md, rs->mctx) >= 0) {
				c->lead_end = i;
				break;
			}
			i = end + 1;
		}
	}
}

static void
scope_of(const struct ir_classifier *c, const struct ir_rule *r, size_t *from, size_t *to)
{
	switch (r->scope) {
	case IR_SCOPE_TITLE:
		*from = c->title;
		*to = c->title_end;
		break;
	case IR_SCOPE_LEAD:
		*from = 0;
		*to = c->lead_end;
		break;
	default:
		*from = 0;
		*to = c->norm.text.len;
	}
}

static int
mark(size_t off, size_t len, int id, void *ctx)
{
	struct ir_classifier *c = ctx;
	size_t from, to;

	if (c->candidate[id])
		return 0;
	scope_of(c, &c->rs->rules[id], &from, &to);
	if (off >= from && off + len <= to)
		c->candidate[id] = 1;
	return 0;
}

/* Is the match at [s, e) cancelled by one of the rule's unless patterns? */
static int
cancelled(struct ir_classifier *c, const struct ir_rule *r, size_t s, size_t e)
{
	const char *t = c->norm.text.p;
	size_t n = c->norm.text.len, k;

	for (k = 0; k < r->nunless; k++) {
		const struct ir_unless *u = &r->unless[k];
		size_t from = step_chars(t, n, s, u->within, -1);
		size_t to = step_chars(t, n, e, u->within, 1);

		if (pcre2_match(u->code, (PCRE2_SPTR)(t + from), to - from, 0, PCRE2_NO_UTF_CHECK,
				c->md, c->rs->mctx) >= 0)
			return 1;
	}
	return 0;
}

/* Runs rule i: its first match that is not cancelled becomes evidence. */
static void
run(struct ir_classifier *c, size_t i)
{
	const struct ir_rule *r = &c->rs->rules[i];
	const char *t = c->norm.text.p;
	size_t from, to;
	int rc;

	scope_of(c, r, &from, &to);
	for (;;) {
		PCRE2_SIZE *ov, s, e;

		rc = pcre2_match(r->code, (PCRE2_SPTR)t, to, from, PCRE2_NO_UTF_CHECK, c->md,
				 c->rs->mctx);
		if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
		    rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT) {
			c->gave_up[c->ngave_up++] = i;
			return;
		}
		if (rc < 0)
			return;
		/* cancelled() reuses the match data: keep the offsets first. */
		ov = pcre2_get_ovector_pointer(c->md);
		s = ov[0];
		e = ov[1];
		if (!cancelled(c, r, s, e)) {
			c->ev[c->nev].rule = i;
			c->ev[c->nev].off = s;
			c->ev[c->nev].len = e - s;
			c->nev++;
			c->score[r->label] += r->weight;
			return;
		}
		if (e > s)
			from = e;
		else if (e < to)
			from = step_chars(t, to, e, 1, 1);
		else
			return;
	}
}

int
ir_classify_fits(const struct ir_classifier *c, size_t label)
{
	const struct ir_label *l = &c->rs->labels[label];

	return c->score[label] > 0 && c->score[label] >= (l->min_score ? l->min_score : c->rs->min_score);
}

void
ir_classify(struct ir_classifier *c, const char *text, size_t len)
{
	const struct ir_ruleset *rs = c->rs;
	size_t i;

	ir_norm(&c->norm, text, len);
	scopes(c);
	memset(c->score, 0, rs->nlabels * sizeof *c->score);
	c->nev = c->ngave_up = 0;
	for (i = 0; i < rs->nrules; i++)
		c->candidate[i] = !rs->rules[i].anchored;
	if (rs->nwords > 0)
		ir_lexicon_each(&rs->lexicon, c->norm.text.p, c->norm.text.len,
				mark, c);
	for (i = 0; i < rs->nrules; i++)
		if (c->candidate[i])
			run(c, i);
	c->category = -1;
	for (i = 0; i < rs->nlabels && c->category < 0; i++)
		if (ir_classify_fits(c, i))
			c->category = (long)i;
}

/* The fitting labels, best score first, then in order. */
static size_t
ranked(const struct ir_classifier *c, size_t *out)
{
	size_t n = 0, i, j;

	for (i = 0; i < c->rs->nlabels; i++) {
		if (!ir_classify_fits(c, i))
			continue;
		for (j = n; j > 0 && c->score[out[j - 1]] < c->score[i]; j--)
			out[j] = out[j - 1];
		out[j] = i;
		n++;
	}
	return n;
}

/* A comma-separated list as a JSON array of strings. */
static void
list_json(struct ir_jw *w, const char *list)
{
	const char *p = list;

	ir_jw_array(w);
	while (p != NULL && *p != '\0') {
		const char *comma = strchr(p, ',');
		size_t n = comma ? (size_t)(comma - p) : strlen(p);

		ir_jw_str(w, p, n);
		p = comma ? comma + 1 : NULL;
	}
	ir_jw_end(w);
}

static const char *
category_name(const struct ir_classifier *c)
{
	return c->category < 0 ? "other" : c->rs->labels[c->category].name;
}

void
ir_classify_json(const struct ir_classifier *c, const char *text, struct ir_buf *out)
{
	const struct ir_ruleset *rs = c->rs;
	size_t *order = ir_xrealloc(NULL, (rs->nlabels + 1) * sizeof *order);
	size_t n = ranked(c, order), i;
	const struct ir_label *cat = c->category < 0 ? NULL : &rs->labels[c->category];
	struct ir_buf where = IR_BUF_INIT;
	struct ir_jw w;

	ir_jw_members(&w, out, 1);
	ir_jw_key(&w, "category");
	ir_jw_cstr(&w, category_name(c));
	ir_jw_key(&w, "categories");
	ir_jw_array(&w);
	for (i = 0; i < n; i++) {
		ir_jw_object(&w);
		ir_jw_key(&w, "label");
		ir_jw_cstr(&w, rs->labels[order[i]].name);
		ir_jw_key(&w, "score");
		ir_jw_long(&w, c->score[order[i]]);
		ir_jw_end(&w);
	}
	ir_jw_end(&w);
	ir_jw_key(&w, "evidence");
	ir_jw_array(&w);
	for (i = 0; i < c->nev; i++) {
		const struct ir_evidence *e = &c->ev[i];
		const struct ir_rule *r = &rs->rules[e->rule];
		size_t from = ir_norm_origin(&c->norm, e->off);
		size_t to = ir_norm_origin_end(&c->norm, e->off + e->len);

		if (!ir_classify_fits(c, r->label))
			continue;
		ir_jw_object(&w);
		ir_jw_key(&w, "label");
		ir_jw_cstr(&w, rs->labels[r->label].name);
		ir_jw_key(&w, "rule");
		where.len = 0;
		ir_buf_addf(&where, "%s:%ld", r->file, r->line);
		ir_jw_str(&w, where.p, where.len);
		ir_jw_key(&w, "match");
		ir_jw_str(&w, text + from, to - from);
		ir_jw_key(&w, "offset");
		ir_jw_ulong(&w, from);
		ir_jw_end(&w);
	}
	ir_jw_end(&w);
	ir_jw_key(&w, "veris");
	ir_jw_object(&w);
	ir_jw_key(&w, "action");
	list_json(&w, cat ? cat->actions : NULL);
	ir_jw_key(&w, "actor");
	list_json(&w, cat ? cat->actors : NULL);
	ir_jw_end(&w);
	ir_buf_free(&where);
	free(order);
}

void
ir_classify_explain(const struct ir_classifier *c, const char *text, struct ir_buf *out)
{
	const struct ir_ruleset *rs = c->rs;
	size_t i;

	ir_buf_addf(out, "  category: %s\n", category_name(c));
	for (i = 0; i < c->nev; i++) {
		const struct ir_evidence *e = &c->ev[i];
		const struct ir_rule *r = &rs->rules[e->rule];
		size_t from = ir_norm_origin(&c->norm, e->off);
		size_t to = ir_norm_origin_end(&c->norm, e->off + e->len);

		ir_buf_addf(out, "  %c %-18s %+d  %s:%ld  \"", ir_classify_fits(c, r->label) ? '*' : ' ',
			    rs->labels[r->label].name, r->weight, r->file, r->line);
		/* The match as written, on one line. */
		for (; from < to; from++)
			ir_buf_addc(out, text[from] == '\n' ? ' ' : text[from]);
		ir_buf_addf(out, "\" at %zu\n", ir_norm_origin(&c->norm, e->off));
	}
}

void
ir_classifier_free(struct ir_classifier *c)
{
	ir_norm_free(&c->norm);
	pcre2_match_data_free(c->md);
	free(c->score);
	free(c->candidate);
	free(c->ev);
	free(c->gave_up);
	memset(c, 0, sizeof *c);
}

void
ir_classify_prepare(void)
{
	ir_norm_prepare();
}
