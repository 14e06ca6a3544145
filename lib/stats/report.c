#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "stats/report.h"

struct bad {
	long src, line;
	const char *name, *what;
};

static int
bad_cmp(const void *a, const void *b)
{
	const struct bad *x = a, *y = b;

	if (x->src != y->src)
		return x->src < y->src ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* Keeps the first place of each field's kind of bad value. */
static void
note_bad(struct bad *list, size_t *n, const struct ir_stats_bad *at, const char *name,
	 const char *what)
{
	size_t i;

	if (at->line == 0)
		return;
	for (i = 0; i < *n; i++) {
		if (strcmp(list[i].name, name) == 0 && strcmp(list[i].what, what) == 0) {
			if (at->src < list[i].src || (at->src == list[i].src && at->line < list[i].line)) {
				list[i].src = at->src;
				list[i].line = at->line;
			}
			return;
		}
	}
	list[*n].src = at->src;
	list[*n].line = at->line;
	list[*n].name = name;
	list[(*n)++].what = what;
}

/* Reports the values that were not numbers or dates, each field once. */
static int
report_bad(const struct ir_stats *st, char *const *names, int nnames)
{
	const struct ir_stats_conf *c = st->c;
	struct bad *list = ir_xrealloc(NULL, (c->nby + c->nfields + c->nwhere + 1) * sizeof *list);
	char **expr = ir_xrealloc(NULL, (c->nwhere + 1) * sizeof *expr);
	size_t i, n = 0;

	for (i = 0; i < c->nby; i++)
		note_bad(list, &n, &st->bad_by[i], c->by[i].name, "not a date");
	for (i = 0; i < c->nfields; i++)
		note_bad(list, &n, &st->bad_field[i], c->fields[i].name,
			 c->fields[i].bucket != IR_BUCKET_NONE ? "not a date" : "not a number");
	for (i = 0; i < c->nwhere; i++) {
		struct ir_buf b = IR_BUF_INIT;

		ir_buf_addf(&b, "--where '%s'", c->where[i].text);
		expr[i] = ir_buf_cstr(&b);
		note_bad(list, &n, &st->gave_up[i], expr[i],
			 "gave up on this record (taken as not matching)");
	}
	if (n > 1)
		qsort(list, n, sizeof *list, bad_cmp);
	/* An incident merged from states has no place: said without one. */
	for (i = 0; i < n; i++)
		ir_warn(list[i].src < 0 ? NULL : nnames > 0 ? names[list[i].src] : "-",
			list[i].src < 0 ? 0 : list[i].line, "%s: %s", list[i].name, list[i].what);
	for (i = 0; i < c->nwhere; i++)
		free(expr[i]);
	free(expr);
	free(list);
	return n > 0 ? IR_EXIT_DATA : IR_EXIT_OK;
}

/* Reports each field whose sum overflowed somewhere. */
static int
report_overflow(const struct ir_stats *st)
{
	const struct ir_stats_conf *c = st->c;
	int status = IR_EXIT_OK;
	size_t j;

	for (j = 0; j < c->nfields; j++) {
		if ((c->fields[j].need & IR_NEED_NUM) && ir_stats_overflowed(st, j)) {
			ir_warn(NULL, 0, "%s: the sum overflows (more than 2^64 numbers); its n, "
				"sum and mean are left empty", c->fields[j].spec);
			status = IR_EXIT_DATA;
		}
	}
	return status;
}

int
ir_stats_report(const struct ir_stats *st, char *const *names, int nnames)
{
	int a = report_bad(st, names, nnames), b = report_overflow(st);

	return a > b ? a : b;
}
