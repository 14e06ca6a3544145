#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "json/write.h"
#include "run/records.h"
#include "stats/check.h"
#include "stats/groups.h"

struct spans {
	struct ir_span *v;
	size_t n, cap;
};

struct nums {
	struct ir_number *v;
	size_t n, cap;
};

/* A state's own working space, so that each thread's state is its own. */
struct ir_stats_scratch {
	struct ir_jpath *bypath, *fpath; /* copies of the conf's paths */
	struct ir_jvals vals;
	struct ir_buf text;   /* canonical values of the record at hand */
	struct spans *comp;   /* per -g field: its values, in text */
	struct spans *dist;   /* per aggregate field: distinct values, in text */
	struct nums *num;     /* per aggregate field: numbers */
	size_t *idx;
	struct ir_buf key, tmp;
	struct ir_where_scratch *where; /* per condition */
	struct ir_jobj incident;        /* an incident's record, scanned */
};

static void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n + 1, size);

	if (p == NULL)
		ir_oom();
	return p;
}

void
ir_stats_init(struct ir_stats *st, const struct ir_stats_conf *c)
{
	struct ir_stats_scratch *s;
	struct ir_stats_options o;
	size_t i;

	memset(st, 0, sizeof *st);
	st->c = c;
	st->bad_by = xcalloc(c->nby, sizeof *st->bad_by);
	st->bad_field = xcalloc(c->nfields, sizeof *st->bad_field);
	st->gave_up = xcalloc(c->nwhere, sizeof *st->gave_up);
	s = st->s = xcalloc(0, sizeof *st->s);
	s->bypath = xcalloc(c->nby, sizeof *s->bypath);
	s->comp = xcalloc(c->nby, sizeof *s->comp);
	s->idx = xcalloc(c->nby, sizeof *s->idx);
	s->fpath = xcalloc(c->nfields, sizeof *s->fpath);
	s->dist = xcalloc(c->nfields, sizeof *s->dist);
	s->num = xcalloc(c->nfields, sizeof *s->num);
	for (i = 0; i < c->nby; i++)
		ir_jpath_copy(&s->bypath[i], &c->by[i].path);
	for (i = 0; i < c->nfields; i++)
		ir_jpath_copy(&s->fpath[i], &c->fields[i].path);
	s->where = xcalloc(c->nwhere, sizeof *s->where);
	for (i = 0; i < c->nwhere; i++)
		ir_where_scratch_init(&s->where[i], &c->where[i]);
	ir_seen_init(&st->seen, c);
	ir_listing_init(&st->list, c);
	ir_inc_parts_init(&st->parts, c);
	ir_stats_conf_options(c, &o);
	ir_stats_options_identity(&o, &st->identity);
	ir_stats_options_free(&o, 0);
}

struct ir_group *
ir_group_new(const struct ir_stats_conf *c)
{
	struct ir_group *g = xcalloc(0, sizeof *g);

	if (c->nby > 0)
		g->part = xcalloc(c->nby, sizeof *g->part);
	if (c->nfields > 0) {
		g->num = xcalloc(c->nfields, sizeof *g->num);
		g->distinct = xcalloc(c->nfields, sizeof *g->distinct);
	}
	return g;
}

void
ir_group_free(const struct ir_stats_conf *c, struct ir_group *g)
{
	size_t j;

	for (j = 0; j < c->nfields; j++) {
		ir_xsum_free(&g->num[j].sum);
		free(g->num[j].v);
		ir_strmap_free(&g->distinct[j]);
	}
	free(g->part);
	free(g->num);
	free(g->distinct);
	free(g);
}

void
ir_stats_free(struct ir_stats *st)
{
	const struct ir_stats_conf *c = st->c;
	struct ir_stats_scratch *s = st->s;
	size_t i;

	for (i = 0; i < st->groups.cap; i++)
		if (st->groups.e[i].key != NULL)
			ir_group_free(c, st->groups.e[i].val);
	ir_strmap_free(&st->groups);
	for (i = 0; i < c->nby; i++) {
		ir_jpath_free(&s->bypath[i]);
		free(s->comp[i].v);
	}
	for (i = 0; i < c->nfields; i++) {
		ir_jpath_free(&s->fpath[i]);
		free(s->dist[i].v);
		free(s->num[i].v);
	}
	for (i = 0; i < c->nwhere; i++)
		ir_where_scratch_free(&s->where[i]);
	free(s->where);
	free(s->bypath);
	free(s->fpath);
	free(s->comp);
	free(s->dist);
	free(s->num);
	free(s->idx);
	ir_jvals_free(&s->vals);
	ir_jobj_free(&s->incident);
	ir_buf_free(&s->text);
	ir_buf_free(&s->key);
	ir_buf_free(&s->tmp);
	free(s);
	free(st->bad_by);
	free(st->bad_field);
	free(st->gave_up);
	ir_buf_free(&st->identity);
	ir_seen_free(&st->seen);
	ir_listing_free(&st->list);
	ir_inc_parts_free(&st->parts);
	if (st->check != NULL)
		ir_check_free(st->check);
	free(st->check);
	memset(st, 0, sizeof *st);
}

void
ir_group_parts(const struct ir_stats_conf *c, struct ir_group *g)
{
	size_t i, at = 0;

	for (i = 0; i < c->nby; i++) {
		const char *nl = memchr(g->key + at, '\n', g->keylen - at);
		size_t end = nl ? (size_t)(nl - g->key) : g->keylen;

		g->part[i].off = at;
		g->part[i].len = end - at;
		at = nl ? end + 1 : g->keylen;
	}
}

/* Gives g the key of entry e, and the spans of its parts. */
static void
set_key(const struct ir_stats_conf *c, struct ir_group *g, const struct ir_strmap_ent *e)
{
	g->key = e->key;
	g->keylen = e->len;
	ir_group_parts(c, g);
}

struct ir_group *
ir_stats_group(struct ir_stats *st, const char *key, size_t len)
{
	int added;
	struct ir_strmap_ent *e = ir_strmap_put(&st->groups, key, len, &added);

	if (added) {
		e->val = ir_group_new(st->c);
		set_key(st->c, e->val, e);
	}
	return e->val;
}

struct ir_group **
ir_stats_groups(const struct ir_stats *st, size_t *n)
{
	struct ir_group **g = ir_xrealloc(NULL, (st->groups.n + 1) * sizeof *g);
	size_t i;

	*n = 0;
	for (i = 0; i < st->groups.cap; i++)
		if (st->groups.e[i].key != NULL)
			g[(*n)++] = st->groups.e[i].val;
	return g;
}

int
ir_stats_overflowed(const struct ir_stats *st, size_t field)
{
	size_t i;

	for (i = 0; i < st->groups.cap; i++)
		if (st->groups.e[i].key != NULL &&
		    ((struct ir_group *)st->groups.e[i].val)->num[field].sum.overflow)
			return 1;
	return 0;
}

void
ir_stats_mark_bad(struct ir_stats_bad *bad, long src, long line)
{
	if (bad->line == 0 || src < bad->src || (src == bad->src && line < bad->line)) {
		bad->src = src;
		bad->line = line;
	}
}

/* Adding records ----------------------------------------------------------- */

static void
push_span(struct spans *l, size_t off, size_t len)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->v = ir_xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n].off = off;
	l->v[l->n++].len = len;
}

/* Keeps the canonical value just added to s->text (from off) unless l has it. */
static void
keep_once(struct ir_stats_scratch *s, struct spans *l, size_t off)
{
	size_t len = s->text.len - off, i;

	for (i = 0; i < l->n; i++) {
		if (l->v[i].len == len && memcmp(s->text.p + l->v[i].off, s->text.p + off, len) == 0) {
			s->text.len = off;
			return;
		}
	}
	push_span(l, off, len);
}

/* The values at path in o, into s->vals. */
static void
fetch(struct ir_stats_scratch *s, struct ir_jpath *path, const struct ir_jobj *o)
{
	s->vals.n = 0;
	s->vals.found = 0;
	ir_jpath_values(path, o, &s->vals);
}

/*
 * The distinct canonical values of field f fetched, into l: null and bad
 * dates (reported in bad) as null when keep_null, else left out.
 */
static void
collect_values(struct ir_stats_scratch *s, const struct ir_field *f, struct spans *l,
	       int keep_null, struct ir_stats_bad *bad, long src, long line)
{
	size_t i;

	l->n = 0;
	for (i = 0; i < s->vals.n; i++) {
		const struct ir_jval *v = &s->vals.v[i];
		size_t off = s->text.len;

		if (v->type != IR_JNULL && f->bucket != IR_BUCKET_NONE) {
			char key[IR_BUCKET_KEY_MAX];
			long ord;
			int ok = 0;

			if (v->type == IR_JSTRING) {
				s->tmp.len = 0;
				ir_json_unescape(v->tok, v->len, &s->tmp);
				ok = ir_bucket_of_date(f->bucket, s->tmp.p, s->tmp.len, &ord) == 0;
			}
			if (ok) {
				ir_json_str(&s->text, key, ir_bucket_key(f->bucket, ord, key));
			} else {
				ir_stats_mark_bad(bad, src, line);
				if (!keep_null)
					continue;
				ir_buf_adds(&s->text, "null");
			}
		} else if (v->type == IR_JNULL) {
			if (!keep_null)
				continue;
			ir_buf_adds(&s->text, "null");
		} else {
			ir_json_canonical(&s->text, v->tok, v->len, v->type);
		}
		keep_once(s, l, off);
	}
	if (l->n == 0 && keep_null) {
		push_span(l, s->text.len, 4);
		ir_buf_adds(&s->text, "null");
	}
}

static void
collect_numbers(struct ir_stats_scratch *s, struct nums *l, struct ir_stats_bad *bad, long src,
		long line)
{
	size_t i;

	l->n = 0;
	for (i = 0; i < s->vals.n; i++) {
		const struct ir_jval *v = &s->vals.v[i];
		struct ir_number x;

		if (v->type == IR_JNULL)
			continue;
		if (v->type != IR_JNUMBER || ir_number_parse(v->tok, v->len, &x) < 0) {
			ir_stats_mark_bad(bad, src, line);
			continue;
		}
		if (l->n == l->cap) {
			l->cap = l->cap ? l->cap * 2 : 8;
			l->v = ir_xrealloc(l->v, l->cap * sizeof *l->v);
		}
		l->v[l->n++] = x;
	}
}

void
ir_numstat_keep(struct ir_numstat *ns, const struct ir_number *x)
{
	if (ns->nv == ns->cap) {
		ns->cap = ns->cap ? ns->cap * 2 : 4;
		ns->v = ir_xrealloc(ns->v, ns->cap * sizeof *ns->v);
	}
	ns->v[ns->nv++] = *x;
}

static void
add_number(struct ir_numstat *ns, const struct ir_number *x, unsigned need)
{
	if (ns->n == 0 || ir_number_cmp(x, &ns->min) < 0)
		ns->min = *x;
	if (ns->n == 0 || ir_number_cmp(x, &ns->max) > 0)
		ns->max = *x;
	ns->n++;
	ir_xsum_add(&ns->sum, x);
	if (need & IR_NEED_VALUES)
		ir_numstat_keep(ns, x);
}

/* Counts the record at hand in g. */
static void
count_in(struct ir_stats *st, struct ir_group *g)
{
	const struct ir_stats_conf *c = st->c;
	struct ir_stats_scratch *s = st->s;
	size_t j, k;
	int added;

	g->count++;
	for (j = 0; j < c->nfields; j++) {
		unsigned need = c->fields[j].need;

		if (need & IR_NEED_NUM)
			for (k = 0; k < s->num[j].n; k++)
				add_number(&g->num[j], &s->num[j].v[k], need);
		if (need & IR_NEED_DISTINCT)
			for (k = 0; k < s->dist[j].n; k++)
				ir_strmap_put(&g->distinct[j], s->text.p + s->dist[j].v[k].off,
					      s->dist[j].v[k].len, &added);
	}
}

/* Is o an incident that is not a copy? */
static int
counted_kind(const struct ir_jobj *o)
{
	const struct ir_jmember *m;

	if (!ir_is_incident(o))
		return 0;
	m = ir_json_get(o, "duplicate_of");
	return m == NULL || m->type == IR_JNULL;
}

/* Do the conditions hold for o? */
static int
selected(struct ir_stats *st, const struct ir_jobj *o, long src, long line)
{
	const struct ir_stats_conf *c = st->c;
	size_t k;
	int gave_up;

	for (k = 0; k < c->nwhere; k++) {
		gave_up = 0;
		if (!ir_where_holds(&c->where[k], &st->s->where[k], o, &gave_up)) {
			if (gave_up)
				ir_stats_mark_bad(&st->gave_up[k], src, line);
			return 0;
		}
	}
	return 1;
}

/* Counts the record o (a notice, or an incident's record) when it is selected. */
static int
count_record(struct ir_stats *st, const struct ir_jobj *o, long src, long line)
{
	const struct ir_stats_conf *c = st->c;
	struct ir_stats_scratch *s = st->s;
	size_t i, j;

	if (!selected(st, o, src, line))
		return 0;
	st->records++;
	if (c->nlist > 0) {
		ir_listing_add(&st->list, o, src, line);
		return 1;
	}
	s->text.len = 0;
	for (i = 0; i < c->nby; i++) {
		fetch(s, &s->bypath[i], o);
		collect_values(s, &c->by[i], &s->comp[i], 1, &st->bad_by[i], src, line);
	}
	for (j = 0; j < c->nfields; j++) {
		fetch(s, &s->fpath[j], o);
		if (c->fields[j].need & IR_NEED_NUM)
			collect_numbers(s, &s->num[j], &st->bad_field[j], src, line);
		if (c->fields[j].need & IR_NEED_DISTINCT)
			collect_values(s, &c->fields[j], &s->dist[j], 0, &st->bad_field[j], src,
				       line);
	}
	/* Every combination of the -g fields' values. */
	memset(s->idx, 0, c->nby * sizeof *s->idx);
	for (;;) {
		s->key.len = 0;
		for (i = 0; i < c->nby; i++) {
			const struct ir_span *v = &s->comp[i].v[s->idx[i]];

			if (i > 0)
				ir_buf_addc(&s->key, '\n');
			ir_buf_add(&s->key, s->text.p + v->off, v->len);
		}
		count_in(st, ir_stats_group(st, s->key.len ? s->key.p : "", s->key.len));
		for (i = c->nby; i-- > 0;) {
			if (++s->idx[i] < s->comp[i].n)
				break;
			s->idx[i] = 0;
		}
		if (i == (size_t)-1)
			break;
	}
	return 1;
}

/* Counts an incident's record, text (n bytes) from stats/incident.c. */
static void
count_incident(const char *text, size_t n, long src, long line, void *arg)
{
	struct ir_stats *st = arg;
	const char *why;
	size_t at;

	if (ir_json_object(&st->s->incident, text, n, &why, &at) == 0)
		count_record(st, &st->s->incident, src, line);
}

int
ir_stats_add(struct ir_stats *st, const struct ir_jobj *o, long src, long line)
{
	const struct ir_stats_conf *c = st->c;
	char *alone;

	if (!c->all && !counted_kind(o))
		return 0;
	ir_seen_note(&st->seen, o);
	if (!c->incidents)
		return count_record(st, o, src, line);
	if (ir_inc_parts_add(&st->parts, o, src, line, &alone) == 0) {
		count_incident(alone, strlen(alone), src, line, st);
		free(alone);
	}
	return 1;
}

void
ir_stats_finish(struct ir_stats *st)
{
	ir_inc_parts_resolve(&st->parts, count_incident, st);
}

/* Merging ------------------------------------------------------------------ */

static void
merge_numstat(struct ir_numstat *dst, const struct ir_numstat *src)
{
	size_t k;

	if (src->n == 0)
		return;
	if (dst->n == 0 || ir_number_cmp(&src->min, &dst->min) < 0)
		dst->min = src->min;
	if (dst->n == 0 || ir_number_cmp(&src->max, &dst->max) > 0)
		dst->max = src->max;
	ir_xsum_merge(&dst->sum, &src->sum);
	/* More numbers than a count holds: the sum and mean are unknown. */
	if (__builtin_add_overflow(dst->n, src->n, &dst->n)) {
		dst->n = ULLONG_MAX;
		dst->sum.overflow = 1;
	}
	for (k = 0; k < src->nv; k++)
		ir_numstat_keep(dst, &src->v[k]);
}

static void
merge_group(const struct ir_stats_conf *c, struct ir_group *dst, const struct ir_group *src)
{
	size_t j, k;
	int added;

	dst->count += src->count;
	for (j = 0; j < c->nfields; j++) {
		merge_numstat(&dst->num[j], &src->num[j]);
		for (k = 0; k < src->distinct[j].cap; k++)
			if (src->distinct[j].e[k].key != NULL)
				ir_strmap_put(&dst->distinct[j], src->distinct[j].e[k].key,
					      src->distinct[j].e[k].len, &added);
	}
}

void
ir_stats_absorb(struct ir_stats *st, struct ir_group *g, const char *key, size_t len)
{
	int added;
	struct ir_strmap_ent *e = ir_strmap_put(&st->groups, key, len, &added);

	if (added) {
		set_key(st->c, g, e);
		e->val = g;
	} else {
		merge_group(st->c, e->val, g);
		ir_group_free(st->c, g);
	}
}

void
ir_stats_merge(struct ir_stats *dst, struct ir_stats *src)
{
	const struct ir_stats_conf *c = dst->c;
	size_t i;

	for (i = 0; i < src->groups.cap; i++) {
		struct ir_strmap_ent *e = &src->groups.e[i];

		if (e->key != NULL)
			ir_stats_absorb(dst, e->val, e->key, e->len);
	}
	ir_strmap_free(&src->groups);
	ir_seen_merge(&dst->seen, &src->seen);
	ir_listing_merge(&dst->list, &src->list);
	ir_inc_parts_merge(&dst->parts, &src->parts);
	dst->records += src->records;
	dst->headers += src->headers;
	src->records = 0;
	src->headers = 0;
	for (i = 0; i < c->nby; i++)
		if (src->bad_by[i].line > 0)
			ir_stats_mark_bad(&dst->bad_by[i], src->bad_by[i].src, src->bad_by[i].line);
	for (i = 0; i < c->nfields; i++)
		if (src->bad_field[i].line > 0)
			ir_stats_mark_bad(&dst->bad_field[i], src->bad_field[i].src,
					  src->bad_field[i].line);
	for (i = 0; i < c->nwhere; i++)
		if (src->gave_up[i].line > 0)
			ir_stats_mark_bad(&dst->gave_up[i], src->gave_up[i].src, src->gave_up[i].line);
}
