#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/err.h"
#include "json/write.h"
#include "stats/rows.h"

/* Filling ------------------------------------------------------------------ */

/* Appends the parts of g's key but part skip, joined by '\n'. */
static void
other_parts(const struct ir_stats_conf *c, const struct ir_group *g, size_t skip,
	    struct ir_buf *key)
{
	size_t k, m = 0;

	key->len = 0;
	for (k = 0; k < c->nby; k++) {
		if (k == skip)
			continue;
		if (m++ > 0)
			ir_buf_addc(key, '\n');
		ir_buf_add(key, g->key + g->part[k].off, g->part[k].len);
	}
}

/* Adds the group of bucket ord, with the other parts of ot's key. */
static void
add_bucket(struct ir_stats *st, size_t field, long ord, const struct ir_group *ot,
	   struct ir_buf *key)
{
	const struct ir_stats_conf *c = st->c;
	enum ir_bucket bk = c->by[field].bucket;
	char b[IR_BUCKET_KEY_MAX];
	size_t k;

	key->len = 0;
	for (k = 0; k < c->nby; k++) {
		if (k > 0)
			ir_buf_addc(key, '\n');
		if (k == field)
			ir_json_str(key, b, ir_bucket_key(bk, ord, b));
		else
			ir_buf_add(key, ot->key + ot->part[k].off, ot->part[k].len);
	}
	ir_stats_group(st, key->p, key->len);
}

int
ir_stats_fill(struct ir_stats *st, size_t field, struct ir_buf *err)
{
	const struct ir_stats_conf *c = st->c;
	enum ir_bucket bk = c->by[field].bucket;
	struct ir_strmap others = IR_STRMAP_INIT;
	struct ir_buf key = IR_BUF_INIT;
	struct ir_group **g;
	long lo = 0, hi = -1, ord;
	size_t i, n;
	int added, status = 0;

	/* The range of buckets, and one group of each combination of the other parts. */
	g = ir_stats_groups(st, &n);
	for (i = 0; i < n; i++) {
		const struct ir_span *p = &g[i]->part[field];
		struct ir_strmap_ent *e;

		if (p->len >= 2 && g[i]->key[p->off] == '"' &&
		    ir_bucket_of_key(bk, g[i]->key + p->off + 1, p->len - 2, &ord) == 0) {
			if (hi < lo || ord < lo)
				lo = ord;
			if (hi < lo || ord > hi)
				hi = ord;
		}
		other_parts(c, g[i], field, &key);
		e = ir_strmap_put(&others, key.len ? key.p : "", key.len, &added);
		if (added)
			e->val = g[i];
	}
	if (hi < lo)
		goto done;
	if (hi - lo + 1 > IR_STATS_FILL_MAX ||
	    (unsigned long)(hi - lo + 1) * others.n > IR_STATS_FILL_MAX + st->groups.n) {
		char a[IR_BUCKET_KEY_MAX], b[IR_BUCKET_KEY_MAX];

		ir_bucket_key(bk, lo, a);
		ir_bucket_key(bk, hi, b);
		ir_buf_addf(err, "--fill: too many buckets from %s to %s", a, b);
		status = -1;
		goto done;
	}
	for (i = 0; i < others.cap; i++)
		if (others.e[i].key != NULL)
			for (ord = lo; ord <= hi; ord++)
				add_bucket(st, field, ord, others.e[i].val, &key);
done:
	free(g);
	ir_strmap_free(&others);
	ir_buf_free(&key);
	return status;
}

/* Ordering ----------------------------------------------------------------- */

/* Orders keys part by part, by ir_json_canon_cmp. */
static int
key_cmp(const struct ir_group *x, const struct ir_group *y, size_t nby)
{
	size_t i;
	int c;

	for (i = 0; i < nby; i++) {
		c = ir_json_canon_cmp(x->key + x->part[i].off, x->part[i].len,
				      y->key + y->part[i].off, y->part[i].len);
		if (c != 0)
			return c;
	}
	return ir_bytes_cmp(x->key, x->keylen, y->key, y->keylen);
}

struct order {
	size_t nby;
	int by_key;
};

static int
row_cmp(const void *a, const void *b, void *arg)
{
	const struct ir_group *x = *(struct ir_group *const *)a, *y = *(struct ir_group *const *)b;
	const struct order *o = arg;

	if (!o->by_key && x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return key_cmp(x, y, o->nby);
}

struct ir_group **
ir_stats_rows(struct ir_stats *st, const struct ir_stats_view *v, size_t *n)
{
	struct ir_group **g;
	struct order o = {st->c->nby, v->sort_key};

	/* Without -g there is one row, of all records, even of none. */
	if (st->c->nby == 0)
		ir_stats_group(st, "", 0);
	g = ir_stats_groups(st, n);
	qsort_r(g, *n, sizeof *g, row_cmp, &o);
	if (v->top > 0 && (size_t)v->top < *n)
		*n = (size_t)v->top;
	return g;
}

/* The table ---------------------------------------------------------------- */

void
ir_wilson(unsigned long long k, unsigned long long n, double *lo, double *hi)
{
	const double z = 1.959964, z2 = z * z;
	double p, nn = (double)n, den, centre, half;

	if (n == 0) {
		*lo = 0;
		*hi = 1;
		return;
	}
	p = k >= n ? 1.0 : (double)k / nn;
	den = 1 + z2 / nn;
	centre = (p + z2 / (2 * nn)) / den;
	half = z / den * sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn));
	*lo = k == 0 || centre - half < 0 ? 0 : centre - half;
	*hi = k >= n || centre + half > 1 ? 1 : centre + half;
}

static void
number_cell(struct ir_table *t, struct ir_buf *s)
{
	ir_table_cell(t, s->p, s->len, NULL, 0);
}

/* Appends a mean: two decimals, or %.15g from 10^15 on. */
static void
format_mean(struct ir_buf *b, double v)
{
	if (fabs(v) < 1e15)
		ir_buf_addf(b, "%.2f", v);
	else
		ir_buf_addf(b, "%.15g", v);
}

static int
num_cmp(const void *a, const void *b)
{
	return ir_number_cmp(a, b);
}

/* Appends the median of ns (which has values); returns it. */
static double
format_median(struct ir_buf *s, struct ir_numstat *ns)
{
	long double m;

	if (ns->nv > 1)
		qsort(ns->v, ns->nv, sizeof *ns->v, num_cmp);
	if (ns->nv % 2 == 1) {
		ir_number_format(s, &ns->v[ns->nv / 2]);
		m = ir_number_ld(&ns->v[ns->nv / 2]);
	} else {
		m = (ir_number_ld(&ns->v[ns->nv / 2 - 1]) + ir_number_ld(&ns->v[ns->nv / 2])) / 2;
		ir_number_format_ld(s, m);
	}
	return (double)m;
}

/* Adds the cell of aggregate a of g; returns its value (NaN: none). */
static double
agg_cell(struct ir_table *t, struct ir_buf *s, const struct ir_stats_agg *a, struct ir_group *g)
{
	struct ir_numstat *ns = &g->num[a->field];
	double v = NAN;

	s->len = 0;
	if (a->agg == IR_AGG_DISTINCT) {
		ir_buf_addf(s, "%zu", g->distinct[a->field].n);
		number_cell(t, s);
		return (double)g->distinct[a->field].n;
	}
	if (a->agg == IR_AGG_SUM) {
		if (ns->n == 0 || ns->sum.overflow) {
			ir_table_empty(t);
			return NAN;
		}
		ir_xsum_format(s, &ns->sum);
		number_cell(t, s);
		return ir_xsum_value(&ns->sum);
	}
	if (ns->n == 0) {
		ir_table_empty(t);
		return NAN;
	}
	switch (a->agg) {
	case IR_AGG_MIN:
		ir_number_format(s, &ns->min);
		v = (double)ir_number_ld(&ns->min);
		break;
	case IR_AGG_MAX:
		ir_number_format(s, &ns->max);
		v = (double)ir_number_ld(&ns->max);
		break;
	case IR_AGG_MEAN:
		if (ns->sum.overflow) {
			ir_table_empty(t);
			return NAN;
		}
		/* A mean lies between the extremes: past a double only its sum can be. */
		v = ir_xsum_value(&ns->sum) / (double)ns->n;
		if (!isfinite(v))
			v = ldexp(ir_xsum_ldexp(&ns->sum, -64) / (double)ns->n, 64);
		format_mean(s, v);
		break;
	case IR_AGG_MEDIAN:
		v = format_median(s, ns);
		break;
	default:
		break;
	}
	number_cell(t, s);
	return v;
}

/* Adds how many numbers ns had (unknown once they overflowed a count). */
static void
n_cell(struct ir_table *t, struct ir_buf *s, const struct ir_numstat *ns)
{
	if (ns->sum.overflow) {
		ir_table_empty(t);
		return;
	}
	s->len = 0;
	ir_buf_addf(s, "%llu", ns->n);
	number_cell(t, s);
}

/* Adds the cells of g's key. */
static void
key_cells(struct ir_table *t, struct ir_buf *s, const struct ir_stats_conf *c,
	  const struct ir_group *g)
{
	size_t i;

	for (i = 0; i < c->nby; i++) {
		const char *k = g->key + g->part[i].off;
		size_t len = g->part[i].len;

		switch (ir_json_canon_type(k, len)) {
		case IR_JNULL:
			ir_table_cell(t, "(none)", 6, "null", 4);
			break;
		case IR_JSTRING:
			s->len = 0;
			ir_json_unescape(k, len, s);
			ir_table_cell(t, s->len ? s->p : "", s->len, k, len);
			break;
		default:
			ir_table_cell(t, k, len, NULL, 0);
		}
	}
}

/* Adds the share of g in the records, and its interval. */
static void
share_cells(struct ir_table *t, struct ir_buf *s, const struct ir_stats *st,
	    const struct ir_group *g)
{
	double lo, hi;

	if (st->records == 0) {
		ir_table_empty(t);
		ir_table_empty(t);
		ir_table_empty(t);
		return;
	}
	ir_wilson(g->count, st->records, &lo, &hi);
	s->len = 0;
	ir_buf_addf(s, "%.1f", 100.0 * (double)g->count / (double)st->records);
	number_cell(t, s);
	s->len = 0;
	ir_buf_addf(s, "%.1f", 100.0 * lo);
	number_cell(t, s);
	s->len = 0;
	ir_buf_addf(s, "%.1f", 100.0 * hi);
	number_cell(t, s);
}

/*
 * Is aggregate i the last numeric one of its field?  The column n_FIELD,
 * how many numbers the field had, follows it.
 */
static int
last_numeric(const struct ir_stats_conf *c, size_t i)
{
	size_t j;

	if (c->aggs[i].agg == IR_AGG_DISTINCT)
		return 0;
	for (j = i + 1; j < c->naggs; j++)
		if (c->aggs[j].field == c->aggs[i].field && c->aggs[j].agg != IR_AGG_DISTINCT)
			return 0;
	return 1;
}

/* The fields of numeric aggregates: each has an n_FIELD column. */
static size_t
numeric_fields(const struct ir_stats_conf *c)
{
	size_t i, n = 0;

	for (i = 0; i < c->nfields; i++)
		n += (c->fields[i].need & IR_NEED_NUM) != 0;
	return n;
}

static void
heads(struct ir_table *t, const struct ir_stats_conf *c, const struct ir_stats_view *v)
{
	struct ir_buf name = IR_BUF_INIT;
	size_t i, col = 0;

	for (i = 0; i < c->nby; i++)
		ir_table_head(t, col++, c->by[i].spec, 0);
	ir_table_head(t, col++, "count", 1);
	for (i = 0; i < c->naggs; i++) {
		name.len = 0;
		ir_buf_addf(&name, "%s_%s", ir_agg_name[c->aggs[i].agg],
			    c->fields[c->aggs[i].field].spec);
		ir_table_head(t, col++, ir_buf_cstr(&name), 1);
		if (last_numeric(c, i)) {
			name.len = 0;
			ir_buf_addf(&name, "n_%s", c->fields[c->aggs[i].field].spec);
			ir_table_head(t, col++, ir_buf_cstr(&name), 1);
		}
	}
	if (v->share) {
		ir_table_head(t, col++, "share", 1);
		ir_table_head(t, col++, "share_low", 1);
		ir_table_head(t, col++, "share_high", 1);
	}
	ir_buf_free(&name);
}

void
ir_stats_table(struct ir_stats *st, const struct ir_stats_view *v, struct ir_group **rows,
	       size_t n, struct ir_table *t)
{
	const struct ir_stats_conf *c = st->c;
	struct ir_buf s = IR_BUF_INIT;
	size_t i, r;

	ir_table_init(t, c->nby + 1 + c->naggs + numeric_fields(c) + (v->share ? 3 : 0));
	heads(t, c, v);
	for (r = 0; r < n; r++) {
		struct ir_group *g = rows[r];
		double bar = (double)g->count, x;

		key_cells(t, &s, c, g);
		s.len = 0;
		ir_buf_addf(&s, "%llu", g->count);
		number_cell(t, &s);
		for (i = 0; i < c->naggs; i++) {
			x = agg_cell(t, &s, &c->aggs[i], g);
			if (i == 0)
				bar = x;
			if (last_numeric(c, i))
				n_cell(t, &s, &g->num[c->aggs[i].field]);
		}
		if (v->share)
			share_cells(t, &s, st, g);
		ir_table_row_end(t, bar);
	}
	ir_buf_free(&s);
}
