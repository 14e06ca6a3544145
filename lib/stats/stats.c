#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "json/write.h"
#include "stats/stats.h"

const char *const ir_agg_name[IR_NAGG] = {"sum", "min", "max", "mean", "median", "distinct"};

struct span {
	size_t off, len;
};

struct spans {
	struct span *v;
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
	struct ir_buf options; /* the conf as a state header gives it (canonical) */
};

/* Configuration -------------------------------------------------------- */

static int
parse_field(struct ir_field *f, const char *opt, const char *spec, int bucket_ok,
	    struct ir_buf *err)
{
	const char *colon = strchr(spec, ':');
	size_t n = colon ? (size_t)(colon - spec) : strlen(spec);

	memset(f, 0, sizeof *f);
	if (colon != NULL) {
		f->bucket = ir_bucket_parse(colon + 1, strlen(colon + 1));
		if (f->bucket == IR_BUCKET_NONE) {
			ir_buf_addf(err, "%s: unknown date bucket in '%s' (year, quarter, month, week or day)",
				    opt, spec);
			return -1;
		}
		if (!bucket_ok) {
			ir_buf_addf(err, "%s: date buckets are for -g and --distinct, not '%s'", opt, spec);
			return -1;
		}
	}
	if (n == 0 || ir_jpath_parse(&f->path, spec, n) < 0) {
		ir_buf_addf(err, "%s: '%s' is not a field (NAME or NAME.NAME..., and :BUCKET)", opt,
			    spec);
		return -1;
	}
	f->spec = ir_xstrdup(spec);
	f->name = ir_xstrdup(spec);
	f->name[n] = '\0';
	return 0;
}

static void
free_field(struct ir_field *f)
{
	free(f->spec);
	free(f->name);
	ir_jpath_free(&f->path);
}

int
ir_stats_conf_by(struct ir_stats_conf *c, const char *spec, struct ir_buf *err)
{
	struct ir_field f;

	if (parse_field(&f, "-g", spec, 1, err) < 0)
		return -1;
	c->by = ir_xrealloc(c->by, (c->nby + 1) * sizeof *c->by);
	c->by[c->nby++] = f;
	return 0;
}

int
ir_stats_conf_agg(struct ir_stats_conf *c, enum ir_agg a, const char *spec, struct ir_buf *err)
{
	static const unsigned need[IR_NAGG] = {
		IR_NEED_NUM, IR_NEED_NUM, IR_NEED_NUM, IR_NEED_NUM, IR_NEED_NUM | IR_NEED_VALUES,
		IR_NEED_DISTINCT,
	};
	char opt[16];
	struct ir_field f;
	size_t i;

	snprintf(opt, sizeof opt, "--%s", ir_agg_name[a]);
	for (i = 0; i < c->naggs; i++) {
		if (c->aggs[i].agg == a && strcmp(c->fields[c->aggs[i].field].spec, spec) == 0) {
			ir_buf_addf(err, "%s %s given twice", opt, spec);
			return -1;
		}
	}
	for (i = 0; i < c->nfields && strcmp(c->fields[i].spec, spec) != 0; i++)
		;
	if (i == c->nfields) {
		if (parse_field(&f, opt, spec, a == IR_AGG_DISTINCT, err) < 0)
			return -1;
		c->fields = ir_xrealloc(c->fields, (c->nfields + 1) * sizeof *c->fields);
		c->fields[c->nfields++] = f;
	}
	c->fields[i].need |= need[a];
	c->aggs = ir_xrealloc(c->aggs, (c->naggs + 1) * sizeof *c->aggs);
	c->aggs[c->naggs].agg = a;
	c->aggs[c->naggs++].field = i;
	return 0;
}

long
ir_stats_conf_fill_field(const struct ir_stats_conf *c, struct ir_buf *err)
{
	long found = -1;
	size_t i;

	for (i = 0; i < c->nby; i++) {
		if (c->by[i].bucket == IR_BUCKET_NONE)
			continue;
		if (found >= 0) {
			ir_buf_addf(err, "--fill: more than one date bucket (-g %s, -g %s)",
				    c->by[found].spec, c->by[i].spec);
			return -1;
		}
		found = (long)i;
	}
	if (found < 0)
		ir_buf_adds(err, "--fill needs a date bucket to fill, such as -g published:month");
	return found;
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The specs of one aggregate, sorted. */
static size_t
agg_specs(const struct ir_stats_conf *c, enum ir_agg a, char ***out)
{
	size_t i, n = 0;

	*out = ir_xrealloc(NULL, (c->naggs + 1) * sizeof **out);
	for (i = 0; i < c->naggs; i++)
		if (c->aggs[i].agg == a)
			(*out)[n++] = c->fields[c->aggs[i].field].spec;
	if (n > 1)
		qsort(*out, n, sizeof **out, str_cmp);
	return n;
}

void
ir_stats_conf_describe(const struct ir_stats_conf *c, struct ir_buf *b)
{
	size_t i;

	for (i = 0; i < c->nby; i++)
		ir_buf_addf(b, "%s-g %s", b->len ? " " : "", c->by[i].spec);
	for (i = 0; i < c->naggs; i++)
		ir_buf_addf(b, "%s--%s %s", b->len ? " " : "", ir_agg_name[c->aggs[i].agg],
			    c->fields[c->aggs[i].field].spec);
	if (c->all)
		ir_buf_addf(b, "%s--all", b->len ? " " : "");
}

void
ir_stats_conf_free(struct ir_stats_conf *c)
{
	size_t i;

	for (i = 0; i < c->nby; i++)
		free_field(&c->by[i]);
	for (i = 0; i < c->nfields; i++)
		free_field(&c->fields[i]);
	free(c->by);
	free(c->fields);
	free(c->aggs);
	memset(c, 0, sizeof *c);
}

/*
 * The options of a state as JSON, lists of aggregates sorted: two states
 * were made with the same options when these texts are equal.
 */
static void
options_json(struct ir_buf *b, char **by, size_t nby, char **agg[IR_NAGG],
	     const size_t nagg[IR_NAGG], int all)
{
	struct ir_jw w;
	size_t i, a;

	ir_jw_start(&w, b);
	ir_jw_array(&w);
	ir_jw_array(&w);
	for (i = 0; i < nby; i++)
		ir_jw_cstr(&w, by[i]);
	ir_jw_end(&w);
	for (a = 0; a < IR_NAGG; a++) {
		ir_jw_array(&w);
		for (i = 0; i < nagg[a]; i++)
			ir_jw_cstr(&w, agg[a][i]);
		ir_jw_end(&w);
	}
	ir_jw_bool(&w, all);
	ir_jw_end(&w);
}

static void
describe_options(struct ir_buf *b, char **by, size_t nby, char **agg[IR_NAGG],
		 const size_t nagg[IR_NAGG], int all)
{
	size_t i, a;

	for (i = 0; i < nby; i++)
		ir_buf_addf(b, "%s-g %s", b->len ? " " : "", by[i]);
	for (a = 0; a < IR_NAGG; a++)
		for (i = 0; i < nagg[a]; i++)
			ir_buf_addf(b, "%s--%s %s", b->len ? " " : "", ir_agg_name[a], agg[a][i]);
	if (all)
		ir_buf_addf(b, "%s--all", b->len ? " " : "");
	if (b->len == 0)
		ir_buf_adds(b, "no -g and no aggregate");
}

/* States and groups ------------------------------------------------------ */

void
ir_stats_init(struct ir_stats *st, const struct ir_stats_conf *c)
{
	struct ir_stats_scratch *s;
	char **by, **agg[IR_NAGG];
	size_t i, nagg[IR_NAGG];

	memset(st, 0, sizeof *st);
	st->c = c;
	st->bad_by = calloc(c->nby + 1, sizeof *st->bad_by);
	st->bad_field = calloc(c->nfields + 1, sizeof *st->bad_field);
	s = st->s = calloc(1, sizeof *st->s);
	if (st->bad_by == NULL || st->bad_field == NULL || s == NULL)
		ir_oom();
	s->bypath = calloc(c->nby + 1, sizeof *s->bypath);
	s->comp = calloc(c->nby + 1, sizeof *s->comp);
	s->idx = calloc(c->nby + 1, sizeof *s->idx);
	s->fpath = calloc(c->nfields + 1, sizeof *s->fpath);
	s->dist = calloc(c->nfields + 1, sizeof *s->dist);
	s->num = calloc(c->nfields + 1, sizeof *s->num);
	if (s->bypath == NULL || s->comp == NULL || s->idx == NULL || s->fpath == NULL ||
	    s->dist == NULL || s->num == NULL)
		ir_oom();
	for (i = 0; i < c->nby; i++)
		ir_jpath_copy(&s->bypath[i], &c->by[i].path);
	for (i = 0; i < c->nfields; i++)
		ir_jpath_copy(&s->fpath[i], &c->fields[i].path);
	by = ir_xrealloc(NULL, (c->nby + 1) * sizeof *by);
	for (i = 0; i < c->nby; i++)
		by[i] = c->by[i].spec;
	for (i = 0; i < IR_NAGG; i++)
		nagg[i] = agg_specs(c, (enum ir_agg)i, &agg[i]);
	options_json(&s->options, by, c->nby, agg, nagg, c->all);
	for (i = 0; i < IR_NAGG; i++)
		free(agg[i]);
	free(by);
}

static struct ir_group *
new_group(const struct ir_stats_conf *c)
{
	struct ir_group *g = calloc(1, sizeof *g);

	if (g == NULL)
		ir_oom();
	if (c->nfields > 0) {
		g->num = calloc(c->nfields, sizeof *g->num);
		g->distinct = calloc(c->nfields, sizeof *g->distinct);
		if (g->num == NULL || g->distinct == NULL)
			ir_oom();
	}
	return g;
}

static void
free_group(const struct ir_stats_conf *c, struct ir_group *g)
{
	size_t j;

	for (j = 0; j < c->nfields; j++) {
		ir_xsum_free(&g->num[j].sum);
		free(g->num[j].v);
		ir_strmap_free(&g->distinct[j]);
	}
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
			free_group(c, st->groups.e[i].val);
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
	free(s->bypath);
	free(s->fpath);
	free(s->comp);
	free(s->dist);
	free(s->num);
	free(s->idx);
	ir_jvals_free(&s->vals);
	ir_buf_free(&s->text);
	ir_buf_free(&s->key);
	ir_buf_free(&s->tmp);
	ir_buf_free(&s->options);
	free(s);
	free(st->bad_by);
	free(st->bad_field);
	memset(st, 0, sizeof *st);
}

/* The group of key, made when new. */
static struct ir_group *
get_group(struct ir_stats *st, const char *key, size_t len)
{
	int added;
	struct ir_strmap_ent *e = ir_strmap_put(&st->groups, key, len, &added);

	if (added) {
		struct ir_group *g = new_group(st->c);

		g->key = e->key;
		g->keylen = len;
		e->val = g;
	}
	return e->val;
}

static void
mark_bad(struct ir_stats_bad *bad, long src, long line)
{
	if (bad->line == 0 || src < bad->src || (src == bad->src && line < bad->line)) {
		bad->src = src;
		bad->line = line;
	}
}

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

/*
 * The distinct canonical values of field f in o, into l: null and bad
 * dates (reported in bad) as null when keep_null, else left out.
 */
static void
collect_values(struct ir_stats *st, struct ir_jpath *path, const struct ir_field *f,
	       const struct ir_jobj *o, struct spans *l, int keep_null, struct ir_stats_bad *bad,
	       long src, long line)
{
	struct ir_stats_scratch *s = st->s;
	size_t i;

	l->n = 0;
	s->vals.n = 0;
	ir_jpath_values(path, o, &s->vals);
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
				mark_bad(bad, src, line);
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
collect_numbers(struct ir_stats *st, struct ir_jpath *path, const struct ir_jobj *o,
		struct nums *l, struct ir_stats_bad *bad, long src, long line)
{
	struct ir_stats_scratch *s = st->s;
	size_t i;

	l->n = 0;
	s->vals.n = 0;
	ir_jpath_values(path, o, &s->vals);
	for (i = 0; i < s->vals.n; i++) {
		const struct ir_jval *v = &s->vals.v[i];
		struct ir_number x;

		if (v->type == IR_JNULL)
			continue;
		if (v->type != IR_JNUMBER || ir_number_parse(v->tok, v->len, &x) < 0) {
			mark_bad(bad, src, line);
			continue;
		}
		if (l->n == l->cap) {
			l->cap = l->cap ? l->cap * 2 : 8;
			l->v = ir_xrealloc(l->v, l->cap * sizeof *l->v);
		}
		l->v[l->n++] = x;
	}
}

static void
push_value(struct ir_numstat *ns, const struct ir_number *x)
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
		push_value(ns, x);
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

int
ir_stats_add(struct ir_stats *st, const struct ir_jobj *o, long src, long line)
{
	const struct ir_stats_conf *c = st->c;
	struct ir_stats_scratch *s = st->s;
	const struct ir_jmember *m;
	size_t i, j;

	if (!c->all) {
		m = ir_json_get(o, "kind");
		if (m == NULL || m->type != IR_JSTRING ||
		    !ir_json_key_is(o->text + m->val, m->val_len, "incident"))
			return 0;
		m = ir_json_get(o, "duplicate_of");
		if (m != NULL && m->type != IR_JNULL)
			return 0;
	}
	st->records++;
	s->text.len = 0;
	for (i = 0; i < c->nby; i++)
		collect_values(st, &s->bypath[i], &c->by[i], o, &s->comp[i], 1, &st->bad_by[i], src,
			       line);
	for (j = 0; j < c->nfields; j++) {
		if (c->fields[j].need & IR_NEED_NUM)
			collect_numbers(st, &s->fpath[j], o, &s->num[j], &st->bad_field[j], src,
					line);
		if (c->fields[j].need & IR_NEED_DISTINCT)
			collect_values(st, &s->fpath[j], &c->fields[j], o, &s->dist[j], 0,
				       &st->bad_field[j], src, line);
	}
	/* Every combination of the -g fields' values. */
	memset(s->idx, 0, c->nby * sizeof *s->idx);
	for (;;) {
		s->key.len = 0;
		for (i = 0; i < c->nby; i++) {
			const struct span *v = &s->comp[i].v[s->idx[i]];

			if (i > 0)
				ir_buf_addc(&s->key, '\n');
			ir_buf_add(&s->key, s->text.p + v->off, v->len);
		}
		count_in(st, get_group(st, s->key.len ? s->key.p : "", s->key.len));
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

/* Merging ---------------------------------------------------------------- */

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
	dst->n += src->n;
	ir_xsum_merge(&dst->sum, &src->sum);
	for (k = 0; k < src->nv; k++)
		push_value(dst, &src->v[k]);
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

/* Puts g (keyed by key) into st: as a new group, or merged into its own. */
static void
absorb(struct ir_stats *st, struct ir_group *g, const char *key, size_t len)
{
	int added;
	struct ir_strmap_ent *e = ir_strmap_put(&st->groups, key, len, &added);

	if (added) {
		g->key = e->key;
		g->keylen = len;
		e->val = g;
	} else {
		merge_group(st->c, e->val, g);
		free_group(st->c, g);
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
			absorb(dst, e->val, e->key, e->len);
	}
	ir_strmap_free(&src->groups);
	dst->records += src->records;
	dst->headers += src->headers;
	src->records = 0;
	src->headers = 0;
	for (i = 0; i < c->nby; i++)
		if (src->bad_by[i].line > 0)
			mark_bad(&dst->bad_by[i], src->bad_by[i].src, src->bad_by[i].line);
	for (i = 0; i < c->nfields; i++)
		if (src->bad_field[i].line > 0)
			mark_bad(&dst->bad_field[i], src->bad_field[i].src, src->bad_field[i].line);
}

/* Partial state ----------------------------------------------------------- */

static int
group_key_cmp(const void *a, const void *b)
{
	const struct ir_group *x = *(struct ir_group *const *)a, *y = *(struct ir_group *const *)b;
	size_t n = x->keylen < y->keylen ? x->keylen : y->keylen;
	int c = n ? memcmp(x->key, y->key, n) : 0;

	return c != 0 ? c : (x->keylen > y->keylen) - (x->keylen < y->keylen);
}

static struct ir_group **
all_groups(const struct ir_stats *st, size_t *n)
{
	struct ir_group **g = ir_xrealloc(NULL, (st->groups.n + 1) * sizeof *g);
	size_t i;

	*n = 0;
	for (i = 0; i < st->groups.cap; i++)
		if (st->groups.e[i].key != NULL)
			g[(*n)++] = st->groups.e[i].val;
	return g;
}

static int
num_cmp(const void *a, const void *b)
{
	return ir_number_cmp(a, b);
}

static int
strmap_key_cmp(const void *a, const void *b)
{
	const struct ir_strmap_ent *x = *(struct ir_strmap_ent *const *)a;
	const struct ir_strmap_ent *y = *(struct ir_strmap_ent *const *)b;
	size_t n = x->len < y->len ? x->len : y->len;
	int c = n ? memcmp(x->key, y->key, n) : 0;

	return c != 0 ? c : (x->len > y->len) - (x->len < y->len);
}

/* The n components of key (canonical JSON each, '\n' between them). */
static void
add_components(struct ir_jw *w, const char *key, size_t len, size_t n)
{
	size_t i = 0;

	while (n > 0) {
		const char *nl = memchr(key + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - key) : len;

		ir_jw_raw(w, key + i, end - i);
		i = end + 1;
		if (nl == NULL)
			break;
	}
}

static void
number_json(struct ir_jw *w, const struct ir_number *x)
{
	ir_jw_value(w);
	ir_number_json(w->b, x);
}

static void
write_numstat(struct ir_jw *w, struct ir_numstat *ns, unsigned need)
{
	double c[64];
	size_t k, nc = ir_xsum_canonical(&ns->sum, c, 64);

	ir_jw_object(w);
	ir_jw_key(w, "n");
	ir_jw_ulong(w, ns->n);
	ir_jw_key(w, "int");
	ir_jw_value(w);
	ir_i128_format(w->b, ns->sum.i);
	ir_jw_key(w, "frac");
	ir_jw_array(w);
	for (k = 0; k < nc; k++)
		ir_jw_double(w, c[k]);
	ir_jw_end(w);
	ir_jw_key(w, "float");
	ir_jw_ulong(w, ns->sum.nfloat);
	ir_jw_key(w, "min");
	if (ns->n > 0)
		number_json(w, &ns->min);
	else
		ir_jw_null(w);
	ir_jw_key(w, "max");
	if (ns->n > 0)
		number_json(w, &ns->max);
	else
		ir_jw_null(w);
	if (need & IR_NEED_VALUES) {
		if (ns->nv > 1)
			qsort(ns->v, ns->nv, sizeof *ns->v, num_cmp);
		ir_jw_key(w, "values");
		ir_jw_array(w);
		for (k = 0; k < ns->nv; k++)
			number_json(w, &ns->v[k]);
		ir_jw_end(w);
	}
	ir_jw_end(w);
}

static void
write_distinct(struct ir_jw *w, const struct ir_strmap *m)
{
	struct ir_strmap_ent **e = ir_xrealloc(NULL, (m->n + 1) * sizeof *e);
	size_t k, n = 0;

	for (k = 0; k < m->cap; k++)
		if (m->e[k].key != NULL)
			e[n++] = &m->e[k];
	if (n > 1)
		qsort(e, n, sizeof *e, strmap_key_cmp);
	ir_jw_array(w);
	for (k = 0; k < n; k++)
		ir_jw_raw(w, e[k]->key, e[k]->len);
	ir_jw_end(w);
	free(e);
}

static void
write_list(struct ir_jw *w, const char *name, char **v, size_t n)
{
	size_t i;

	ir_jw_key(w, name);
	ir_jw_array(w);
	for (i = 0; i < n; i++)
		ir_jw_cstr(w, v[i]);
	ir_jw_end(w);
}

/* One line of the state: what the writer holds, then a line end. */
static void
end_state_line(struct ir_buf *b, struct ir_out *out)
{
	ir_buf_addc(b, '\n');
	if (out != NULL)
		ir_out_end_record(out);
}

void
ir_stats_write_state(struct ir_stats *st, struct ir_buf *b, struct ir_out *out)
{
	const struct ir_stats_conf *c = st->c;
	struct ir_group **g;
	struct ir_jw w;
	char **by, **agg;
	size_t i, j, n, a;

	ir_jw_start(&w, b);
	ir_jw_object(&w);
	ir_jw_key(&w, "ir_stats");
	ir_jw_long(&w, 1);
	by = ir_xrealloc(NULL, (c->nby + 1) * sizeof *by);
	for (i = 0; i < c->nby; i++)
		by[i] = c->by[i].spec;
	write_list(&w, "by", by, c->nby);
	free(by);
	for (a = 0; a < IR_NAGG; a++) {
		n = agg_specs(c, (enum ir_agg)a, &agg);
		write_list(&w, ir_agg_name[a], agg, n);
		free(agg);
	}
	ir_jw_key(&w, "all");
	ir_jw_bool(&w, c->all);
	ir_jw_key(&w, "records");
	ir_jw_ulong(&w, st->records);
	ir_jw_end(&w);
	end_state_line(b, out);
	g = all_groups(st, &n);
	if (n > 1)
		qsort(g, n, sizeof *g, group_key_cmp);
	for (i = 0; i < n; i++) {
		ir_jw_start(&w, b);
		ir_jw_object(&w);
		ir_jw_key(&w, "key");
		ir_jw_array(&w);
		add_components(&w, g[i]->key, g[i]->keylen, c->nby);
		ir_jw_end(&w);
		ir_jw_key(&w, "count");
		ir_jw_ulong(&w, g[i]->count);
		ir_jw_key(&w, "num");
		ir_jw_object(&w);
		for (j = 0; j < c->nfields; j++) {
			if (!(c->fields[j].need & IR_NEED_NUM))
				continue;
			ir_jw_key(&w, c->fields[j].spec);
			write_numstat(&w, &g[i]->num[j], c->fields[j].need);
		}
		ir_jw_end(&w);
		ir_jw_key(&w, "distinct");
		ir_jw_object(&w);
		for (j = 0; j < c->nfields; j++) {
			if (!(c->fields[j].need & IR_NEED_DISTINCT))
				continue;
			ir_jw_key(&w, c->fields[j].spec);
			write_distinct(&w, &g[i]->distinct[j]);
		}
		ir_jw_end(&w);
		ir_jw_end(&w);
		end_state_line(b, out);
	}
	free(g);
}

/* A whole number >= 0 in a member of o; -1 when it is not one. */
static int
read_count(const struct ir_jobj *o, const char *key, unsigned long long *v)
{
	const struct ir_jmember *m = ir_json_get(o, key);
	struct ir_number x;

	if (m == NULL || m->type != IR_JNUMBER ||
	    ir_number_parse(o->text + m->val, m->val_len, &x) < 0 || !x.isint || x.i < 0)
		return -1;
	*v = (unsigned long long)x.i;
	return 0;
}

static int
read_num(const char *tok, size_t len, enum ir_jtype t, struct ir_number *x)
{
	return t == IR_JNUMBER && ir_number_parse(tok, len, x) == 0 ? 0 : -1;
}

static void
free_strings(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* An array of strings into a new array of new strings; -1 when it is not one. */
static int
read_strings(const struct ir_jobj *o, const char *key, char ***out, size_t *n)
{
	const struct ir_jmember *m = ir_json_get(o, key);
	struct ir_buf s = IR_BUF_INIT;
	struct ir_jval v;
	size_t pos = 0;

	*out = NULL;
	*n = 0;
	if (m == NULL || m->type != IR_JARRAY)
		return -1;
	while (ir_jarr_next(o->text + m->val, m->val_len, &pos, &v)) {
		if (v.type != IR_JSTRING) {
			ir_buf_free(&s);
			free_strings(*out, *n);
			*out = NULL;
			*n = 0;
			return -1;
		}
		s.len = 0;
		ir_json_unescape(v.tok, v.len, &s);
		*out = ir_xrealloc(*out, (*n + 1) * sizeof **out);
		(*out)[(*n)++] = ir_xstrdup(ir_buf_cstr(&s));
	}
	ir_buf_free(&s);
	return 0;
}

static int
read_header(struct ir_stats *st, const struct ir_jobj *o, const char **why, struct ir_buf *msg)
{
	const struct ir_jmember *m = ir_json_get(o, "ir_stats");
	char **by, **agg[IR_NAGG] = {0};
	size_t nby, nagg[IR_NAGG] = {0}, a;
	unsigned long long records;
	struct ir_buf opts = IR_BUF_INIT;
	int status = IR_STATE_BAD, all;

	if (m->val_len != 1 || o->text[m->val] != '1') {
		*why = "a state of another version of ir-stats";
		return IR_STATE_BAD;
	}
	*why = "a state header with a missing or bad member";
	if (read_strings(o, "by", &by, &nby) < 0)
		return IR_STATE_BAD;
	for (a = 0; a < IR_NAGG; a++) {
		if (read_strings(o, ir_agg_name[a], &agg[a], &nagg[a]) < 0)
			goto done;
		if (nagg[a] > 1)
			qsort(agg[a], nagg[a], sizeof *agg[a], str_cmp);
	}
	m = ir_json_get(o, "all");
	if (m == NULL || (m->type != IR_JTRUE && m->type != IR_JFALSE) ||
	    read_count(o, "records", &records) < 0)
		goto done;
	all = m->type == IR_JTRUE;
	options_json(&opts, by, nby, agg, nagg, all);
	if (opts.len != st->s->options.len || memcmp(opts.p, st->s->options.p, opts.len) != 0) {
		describe_options(msg, by, nby, agg, nagg, all);
		status = IR_STATE_OTHER;
		goto done;
	}
	st->records += records;
	st->headers++;
	status = IR_STATE_OK;
done:
	free_strings(by, nby);
	for (a = 0; a < IR_NAGG; a++)
		free_strings(agg[a], nagg[a]);
	ir_buf_free(&opts);
	return status;
}

static int
read_numstat(const char *tok, size_t len, struct ir_numstat *ns, unsigned need)
{
	struct ir_jobj o = IR_JOBJ_INIT;
	const struct ir_jmember *m;
	struct ir_jval v;
	struct ir_number x;
	const char *why;
	size_t at, pos = 0;
	int status = -1;

	if (ir_json_object(&o, tok, len, &why, &at) < 0 || read_count(&o, "n", &ns->n) < 0 ||
	    read_count(&o, "float", &ns->sum.nfloat) < 0)
		goto done;
	m = ir_json_get(&o, "int");
	if (m == NULL || m->type != IR_JNUMBER || ir_i128_parse(tok + m->val, m->val_len, &ns->sum.i) < 0)
		goto done;
	m = ir_json_get(&o, "frac");
	if (m == NULL || m->type != IR_JARRAY)
		goto done;
	while (ir_jarr_next(tok + m->val, m->val_len, &pos, &v)) {
		if (read_num(v.tok, v.len, v.type, &x) < 0)
			goto done;
		ir_xsum_add_part(&ns->sum, x.isint ? (double)x.i : x.d);
	}
	m = ir_json_get(&o, "min");
	if (m == NULL || (ns->n > 0 && read_num(tok + m->val, m->val_len, m->type, &ns->min) < 0))
		goto done;
	m = ir_json_get(&o, "max");
	if (m == NULL || (ns->n > 0 && read_num(tok + m->val, m->val_len, m->type, &ns->max) < 0))
		goto done;
	if (need & IR_NEED_VALUES) {
		m = ir_json_get(&o, "values");
		if (m == NULL || m->type != IR_JARRAY)
			goto done;
		pos = 0;
		while (ir_jarr_next(tok + m->val, m->val_len, &pos, &v)) {
			if (read_num(v.tok, v.len, v.type, &x) < 0)
				goto done;
			push_value(ns, &x);
		}
		if (ns->nv != ns->n)
			goto done;
	}
	status = 0;
done:
	ir_jobj_free(&o);
	return status;
}

static int
read_group(struct ir_stats *st, const struct ir_jobj *o, const char **why)
{
	const struct ir_stats_conf *c = st->c;
	struct ir_stats_scratch *s = st->s;
	const struct ir_jmember *m = ir_json_get(o, "key"), *nm, *dm;
	struct ir_jobj num = IR_JOBJ_INIT, dist = IR_JOBJ_INIT;
	struct ir_group *g = new_group(c);
	struct ir_jval v;
	size_t pos = 0, n = 0, j, at;
	const char *w;
	int added;

	*why = "a state line with a missing or bad member";
	s->key.len = 0;
	if (m->type != IR_JARRAY)
		goto bad;
	while (ir_jarr_next(o->text + m->val, m->val_len, &pos, &v)) {
		if (n++ > 0)
			ir_buf_addc(&s->key, '\n');
		ir_json_canonical(&s->key, v.tok, v.len, v.type);
	}
	if (n != c->nby) {
		*why = "a state line whose key has another number of fields";
		goto bad;
	}
	nm = ir_json_get(o, "num");
	dm = ir_json_get(o, "distinct");
	if (read_count(o, "count", &g->count) < 0 || nm == NULL || nm->type != IR_JOBJECT ||
	    dm == NULL || dm->type != IR_JOBJECT ||
	    ir_json_object(&num, o->text + nm->val, nm->val_len, &w, &at) < 0 ||
	    ir_json_object(&dist, o->text + dm->val, dm->val_len, &w, &at) < 0)
		goto bad;
	for (j = 0; j < c->nfields; j++) {
		const struct ir_field *f = &c->fields[j];

		if (f->need & IR_NEED_NUM) {
			m = ir_json_get(&num, f->spec);
			if (m == NULL || read_numstat(num.text + m->val, m->val_len, &g->num[j], f->need) < 0)
				goto bad;
		}
		if (f->need & IR_NEED_DISTINCT) {
			m = ir_json_get(&dist, f->spec);
			if (m == NULL || m->type != IR_JARRAY)
				goto bad;
			pos = 0;
			while (ir_jarr_next(dist.text + m->val, m->val_len, &pos, &v)) {
				s->tmp.len = 0;
				ir_json_canonical(&s->tmp, v.tok, v.len, v.type);
				ir_strmap_put(&g->distinct[j], s->tmp.len ? s->tmp.p : "", s->tmp.len,
					      &added);
			}
		}
	}
	ir_jobj_free(&num);
	ir_jobj_free(&dist);
	absorb(st, g, s->key.len ? s->key.p : "", s->key.len);
	return IR_STATE_OK;
bad:
	ir_jobj_free(&num);
	ir_jobj_free(&dist);
	free_group(c, g);
	return IR_STATE_BAD;
}

int
ir_stats_read_state(struct ir_stats *st, const struct ir_jobj *o, const char **why,
		    struct ir_buf *msg)
{
	if (ir_json_get(o, "ir_stats") != NULL)
		return read_header(st, o, why, msg);
	if (ir_json_get(o, "key") != NULL)
		return read_group(st, o, why);
	*why = "not a line of an ir-stats state";
	return IR_STATE_BAD;
}

/* Rows -------------------------------------------------------------------- */

/* The span of component i of a key. */
static void
component(const char *key, size_t len, size_t i, size_t *off, size_t *n)
{
	size_t at = 0;

	while (i-- > 0) {
		const char *nl = memchr(key + at, '\n', len - at);

		at = nl ? (size_t)(nl - key) + 1 : len;
	}
	{
		const char *nl = memchr(key + at, '\n', len - at);

		*off = at;
		*n = (nl ? (size_t)(nl - key) : len) - at;
	}
}

int
ir_stats_fill(struct ir_stats *st, size_t field, struct ir_buf *err)
{
	const struct ir_stats_conf *c = st->c;
	enum ir_bucket bk = c->by[field].bucket;
	struct ir_strmap others = IR_STRMAP_INIT;
	struct ir_buf key = IR_BUF_INIT;
	long lo = 0, hi = -1, ord;
	size_t i, k, m, off, n;
	int added, status = 0;

	for (i = 0; i < st->groups.cap; i++) {
		const struct ir_strmap_ent *e = &st->groups.e[i];

		if (e->key == NULL)
			continue;
		component(e->key, e->len, field, &off, &n);
		if (n >= 2 && e->key[off] == '"' &&
		    ir_bucket_of_key(bk, e->key + off + 1, n - 2, &ord) == 0) {
			if (hi < lo || ord < lo)
				lo = ord;
			if (hi < lo || ord > hi)
				hi = ord;
		}
		/* The other components, in order. */
		key.len = 0;
		for (k = 0, m = 0; k < c->nby; k++) {
			size_t o2, n2;

			if (k == field)
				continue;
			component(e->key, e->len, k, &o2, &n2);
			if (m++ > 0)
				ir_buf_addc(&key, '\n');
			ir_buf_add(&key, e->key + o2, n2);
		}
		ir_strmap_put(&others, key.len ? key.p : "", key.len, &added);
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
	for (i = 0; i < others.cap; i++) {
		const struct ir_strmap_ent *e = &others.e[i];

		if (e->key == NULL)
			continue;
		for (ord = lo; ord <= hi; ord++) {
			char b[IR_BUCKET_KEY_MAX];
			size_t oi = 0;

			key.len = 0;
			for (k = 0; k < c->nby; k++) {
				if (k > 0)
					ir_buf_addc(&key, '\n');
				if (k == field) {
					ir_json_str(&key, b, ir_bucket_key(bk, ord, b));
					continue;
				}
				component(e->key, e->len, oi++, &off, &n);
				ir_buf_add(&key, e->key + off, n);
			}
			get_group(st, key.p, key.len);
		}
	}
done:
	ir_strmap_free(&others);
	ir_buf_free(&key);
	return status;
}

/* Orders keys field by field, by ir_json_canon_cmp. */
static int
key_cmp(const struct ir_group *x, const struct ir_group *y, size_t nby)
{
	size_t i, xo, xn, yo, yn;
	int c;

	for (i = 0; i < nby; i++) {
		component(x->key, x->keylen, i, &xo, &xn);
		component(y->key, y->keylen, i, &yo, &yn);
		c = ir_json_canon_cmp(x->key + xo, xn, y->key + yo, yn);
		if (c != 0)
			return c;
	}
	return group_key_cmp(&x, &y);
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
	struct ir_group **g = all_groups(st, n);
	struct order o = {st->c->nby, v->sort_key};

	qsort_r(g, *n, sizeof *g, row_cmp, &o);
	if (v->top > 0 && (size_t)v->top < *n)
		*n = (size_t)v->top;
	return g;
}

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

/* Adds the cell of aggregate a of g; returns its value (NaN: none). */
static double
agg_cell(struct ir_table *t, struct ir_buf *s, const struct ir_stats_conf *c,
	 const struct ir_stats_agg *a, struct ir_group *g)
{
	struct ir_numstat *ns = &g->num[a->field];
	double v = NAN;
	long double m;

	s->len = 0;
	if (a->agg == IR_AGG_DISTINCT) {
		ir_buf_addf(s, "%zu", g->distinct[a->field].n);
		number_cell(t, s);
		return (double)g->distinct[a->field].n;
	}
	if (a->agg == IR_AGG_SUM) {
		v = ir_xsum_value(&ns->sum);
		if (!isfinite(v)) {
			ir_table_empty(t);
			return NAN;
		}
		ir_xsum_format(s, &ns->sum);
		number_cell(t, s);
		return v;
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
		v = ir_xsum_value(&ns->sum) / (double)ns->n;
		if (!isfinite(v)) {
			ir_table_empty(t);
			return NAN;
		}
		format_mean(s, v);
		break;
	case IR_AGG_MEDIAN:
		if (ns->nv > 1)
			qsort(ns->v, ns->nv, sizeof *ns->v, num_cmp);
		if (ns->nv % 2 == 1) {
			ir_number_format(s, &ns->v[ns->nv / 2]);
			m = ir_number_ld(&ns->v[ns->nv / 2]);
		} else {
			m = (ir_number_ld(&ns->v[ns->nv / 2 - 1]) + ir_number_ld(&ns->v[ns->nv / 2])) / 2;
			ir_number_format_ld(s, m);
		}
		v = (double)m;
		break;
	default:
		break;
	}
	(void)c;
	number_cell(t, s);
	return v;
}

void
ir_stats_table(struct ir_stats *st, const struct ir_stats_view *v, struct ir_group **rows,
	       size_t n, struct ir_table *t)
{
	const struct ir_stats_conf *c = st->c;
	size_t ncols = c->nby + 1 + c->naggs + (v->share ? 3 : 0), i, r, col = 0;
	struct ir_buf s = IR_BUF_INIT, name = IR_BUF_INIT;

	ir_table_init(t, ncols);
	for (i = 0; i < c->nby; i++)
		ir_table_head(t, col++, c->by[i].spec, 0);
	ir_table_head(t, col++, "count", 1);
	for (i = 0; i < c->naggs; i++) {
		name.len = 0;
		ir_buf_addf(&name, "%s_%s", ir_agg_name[c->aggs[i].agg],
			    c->fields[c->aggs[i].field].spec);
		ir_table_head(t, col++, ir_buf_cstr(&name), 1);
	}
	if (v->share) {
		ir_table_head(t, col++, "share", 1);
		ir_table_head(t, col++, "share_low", 1);
		ir_table_head(t, col++, "share_high", 1);
	}
	for (r = 0; r < n; r++) {
		struct ir_group *g = rows[r];
		double bar = (double)g->count, x;

		for (i = 0; i < c->nby; i++) {
			size_t off, len;
			const char *k;

			component(g->key, g->keylen, i, &off, &len);
			k = g->key + off;
			switch (ir_json_canon_type(k, len)) {
			case IR_JNULL:
				ir_table_cell(t, "(none)", 6, "null", 4);
				break;
			case IR_JSTRING:
				s.len = 0;
				ir_json_unescape(k, len, &s);
				ir_table_cell(t, s.len ? s.p : "", s.len, k, len);
				break;
			default:
				ir_table_cell(t, k, len, NULL, 0);
			}
		}
		s.len = 0;
		ir_buf_addf(&s, "%llu", g->count);
		number_cell(t, &s);
		for (i = 0; i < c->naggs; i++) {
			x = agg_cell(t, &s, c, &c->aggs[i], g);
			if (i == 0)
				bar = x;
		}
		if (v->share) {
			double lo, hi;

			if (st->records == 0) {
				ir_table_empty(t);
				ir_table_empty(t);
				ir_table_empty(t);
			} else {
				ir_wilson(g->count, st->records, &lo, &hi);
				s.len = 0;
				ir_buf_addf(&s, "%.1f", 100.0 * (double)g->count / (double)st->records);
				number_cell(t, &s);
				s.len = 0;
				ir_buf_addf(&s, "%.1f", 100.0 * lo);
				number_cell(t, &s);
				s.len = 0;
				ir_buf_addf(&s, "%.1f", 100.0 * hi);
				number_cell(t, &s);
			}
		}
		ir_table_row_end(t, bar);
	}
	ir_buf_free(&s);
	ir_buf_free(&name);
}
