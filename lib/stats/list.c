#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "json/write.h"
#include "stats/list.h"

void
ir_listing_init(struct ir_listing *l, const struct ir_stats_conf *c)
{
	size_t i;

	memset(l, 0, sizeof *l);
	l->c = c;
	l->path = calloc(c->nlist + 1, sizeof *l->path);
	if (l->path == NULL)
		ir_oom();
	for (i = 0; i < c->nlist; i++) {
		ir_jpath_copy(&l->path[i], &c->list[i].path);
		l->path[i].whole = 1;
	}
}

void
ir_listing_free(struct ir_listing *l)
{
	size_t i;

	for (i = 0; l->path != NULL && i < l->c->nlist; i++)
		ir_jpath_free(&l->path[i]);
	free(l->path);
	free(l->row);
	ir_buf_free(&l->text);
	ir_buf_free(&l->tmp);
	ir_jvals_free(&l->vals);
	memset(l, 0, sizeof *l);
}

/* Appends the canonical JSON of value v of field f: its bucket's name, or null. */
static void
cell_value(struct ir_listing *l, const struct ir_field *f, const struct ir_jval *v)
{
	char key[IR_BUCKET_KEY_MAX];
	long ord;

	if (f->bucket == IR_BUCKET_NONE || v->type == IR_JNULL) {
		ir_json_canonical(&l->text, v->tok, v->len, v->type);
		return;
	}
	l->tmp.len = 0;
	if (v->type == IR_JSTRING)
		ir_json_unescape(v->tok, v->len, &l->tmp);
	if (v->type == IR_JSTRING && ir_bucket_of_date(f->bucket, l->tmp.p, l->tmp.len, &ord) == 0)
		ir_json_str(&l->text, key, ir_bucket_key(f->bucket, ord, key));
	else
		ir_buf_adds(&l->text, "null");
}

void
ir_listing_add(struct ir_listing *l, const struct ir_jobj *o, long src, long line)
{
	const struct ir_stats_conf *c = l->c;
	struct ir_list_row *r;
	size_t i, k;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->row = ir_xrealloc(l->row, l->cap * sizeof *l->row);
	}
	r = &l->row[l->n++];
	r->src = src;
	r->line = line;
	r->off = l->text.len;
	for (i = 0; i < c->nlist; i++) {
		if (i > 0)
			ir_buf_addc(&l->text, '\n');
		l->vals.n = 0;
		ir_jpath_values(&l->path[i], o, &l->vals);
		if (l->vals.n == 0)
			ir_buf_adds(&l->text, "null");
		if (l->vals.n > 1)
			ir_buf_addc(&l->text, '[');
		for (k = 0; k < l->vals.n; k++) {
			if (k > 0)
				ir_buf_addc(&l->text, ',');
			cell_value(l, &c->list[i], &l->vals.v[k]);
		}
		if (l->vals.n > 1)
			ir_buf_addc(&l->text, ']');
	}
	r->len = l->text.len - r->off;
}

void
ir_listing_merge(struct ir_listing *dst, struct ir_listing *src)
{
	size_t i;

	for (i = 0; i < src->n; i++) {
		struct ir_list_row r = src->row[i];

		if (dst->n == dst->cap) {
			dst->cap = dst->cap ? dst->cap * 2 : 64;
			dst->row = ir_xrealloc(dst->row, dst->cap * sizeof *dst->row);
		}
		r.off = dst->text.len;
		ir_buf_add(&dst->text, src->text.p + src->row[i].off, r.len);
		dst->row[dst->n++] = r;
	}
	src->n = 0;
	src->text.len = 0;
}

/* Rows ---------------------------------------------------------------------- */

struct order {
	const struct ir_listing *l;
	int by_cells;
};

/* The span of cell k of row r. */
static void
cell_at(const struct ir_listing *l, const struct ir_list_row *r, size_t k, const char **p,
	size_t *n)
{
	const char *s = l->text.p + r->off, *end = s + r->len, *nl;

	for (; k > 0; k--)
		s = memchr(s, '\n', (size_t)(end - s)) + 1;
	nl = memchr(s, '\n', (size_t)(end - s));
	*p = s;
	*n = (size_t)((nl ? nl : end) - s);
}

static int
row_cmp(const void *a, const void *b, void *arg)
{
	const struct ir_list_row *x = a, *y = b;
	const struct order *o = arg;
	const char *xp, *yp;
	size_t k, xn, yn;
	int c;

	for (k = 0; o->by_cells && k < o->l->c->nlist; k++) {
		cell_at(o->l, x, k, &xp, &xn);
		cell_at(o->l, y, k, &yp, &yn);
		if ((c = ir_json_canon_cmp(xp, xn, yp, yn)) != 0)
			return c;
	}
	if (x->src != y->src)
		return x->src < y->src ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

/* Appends the text of canonical value v: a string's text, JSON for the rest. */
static void
value_text(struct ir_buf *b, const char *v, size_t n)
{
	if (ir_json_canon_type(v, n) == IR_JSTRING)
		ir_json_unescape(v, n, b);
	else
		ir_buf_add(b, v, n);
}

/* Adds the cell of canonical JSON v; returns its number, or NaN. */
static double
add_cell(struct ir_table *t, struct ir_buf *s, const char *v, size_t n)
{
	struct ir_jval e;
	size_t pos = 0, k = 0;

	s->len = 0;
	switch (ir_json_canon_type(v, n)) {
	case IR_JNULL:
		ir_table_empty(t);
		return NAN;
	case IR_JARRAY:
		while (ir_jarr_next(v, n, &pos, &e)) {
			if (k++ > 0)
				ir_buf_addc(s, ';');
			value_text(s, e.tok, e.len);
		}
		break;
	default:
		value_text(s, v, n);
	}
	ir_table_cell(t, s->len ? s->p : "", s->len, v, n);
	return ir_json_canon_type(v, n) == IR_JNUMBER ? strtod(ir_buf_cstr(s), NULL) : NAN;
}

/* Is column k numbers only (nulls aside)? */
static int
numeric_column(const struct ir_listing *l, size_t k)
{
	const char *p;
	size_t i, n;
	int any = 0;

	for (i = 0; i < l->n; i++) {
		cell_at(l, &l->row[i], k, &p, &n);
		switch (ir_json_canon_type(p, n)) {
		case IR_JNULL:
			break;
		case IR_JNUMBER:
			any = 1;
			break;
		default:
			return 0;
		}
	}
	return any;
}

void
ir_listing_table(struct ir_listing *l, int sort_key, long top, struct ir_table *t)
{
	const struct ir_stats_conf *c = l->c;
	struct order o = {l, sort_key};
	struct ir_buf s = IR_BUF_INIT;
	size_t i, k, n = l->n;
	long bar_col = -1;

	if (l->n > 1)
		qsort_r(l->row, l->n, sizeof *l->row, row_cmp, &o);
	if (top > 0 && (size_t)top < n)
		n = (size_t)top;
	ir_table_init(t, c->nlist);
	for (k = 0; k < c->nlist; k++) {
		int numeric = numeric_column(l, k);

		ir_table_head(t, k, c->list[k].spec, numeric);
		if (numeric && bar_col < 0)
			bar_col = (long)k;
	}
	for (i = 0; i < n; i++) {
		double bar = NAN, x;

		for (k = 0; k < c->nlist; k++) {
			const char *p;
			size_t len;

			cell_at(l, &l->row[i], k, &p, &len);
			x = add_cell(t, &s, p, len);
			if ((long)k == bar_col)
				bar = x;
		}
		ir_table_row_end(t, bar);
	}
	ir_buf_free(&s);
}
