#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "json/write.h"
#include "stats/check.h"
#include "stats/state.h"

/* Writing ------------------------------------------------------------------ */

static int
group_key_cmp(const void *a, const void *b)
{
	const struct ir_group *x = *(struct ir_group *const *)a, *y = *(struct ir_group *const *)b;
	size_t n = x->keylen < y->keylen ? x->keylen : y->keylen;
	int c = n ? memcmp(x->key, y->key, n) : 0;

	return c != 0 ? c : (x->keylen > y->keylen) - (x->keylen < y->keylen);
}

static int
num_cmp(const void *a, const void *b)
{
	return ir_number_cmp(a, b);
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
	double c[IR_XSUM_PARTS];
	size_t k, nc;

	ir_jw_object(w);
	ir_jw_key(w, "n");
	ir_jw_ulong(w, ns->n);
	ir_jw_key(w, "int");
	ir_jw_value(w);
	nc = ir_xsum_parts(&ns->sum, w->b, c);
	ir_jw_key(w, "frac");
	ir_jw_array(w);
	for (k = 0; k < nc; k++)
		ir_jw_double(w, c[k]);
	ir_jw_end(w);
	ir_jw_key(w, "float");
	ir_jw_ulong(w, ns->sum.nfloat);
	if (ns->sum.overflow) {
		ir_jw_key(w, "overflow");
		ir_jw_bool(w, 1);
	}
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
	size_t k, n;
	struct ir_strmap_ent **e = ir_strmap_sorted(m, &n);

	ir_jw_array(w);
	for (k = 0; k < n; k++)
		ir_jw_raw(w, e[k]->key, e[k]->len);
	ir_jw_end(w);
	free(e);
}

/* One line of the state: what the writer holds, then a line end. */
static void
end_state_line(struct ir_buf *b, struct ir_out *out)
{
	ir_buf_addc(b, '\n');
	if (out != NULL)
		ir_out_end_record(out);
}

static void
write_header(const struct ir_stats *st, struct ir_buf *b, struct ir_out *out)
{
	struct ir_stats_options o;
	struct ir_jw w;
	size_t a;

	ir_stats_conf_options(st->c, &o);
	ir_jw_start(&w, b);
	ir_jw_object(&w);
	ir_jw_key(&w, "ir_stats");
	ir_jw_long(&w, IR_STATE_VERSION);
	ir_jw_key(&w, "by");
	ir_jw_cstrs(&w, o.by, o.nby);
	for (a = 0; a < IR_NAGG; a++) {
		ir_jw_key(&w, ir_agg_name[a]);
		ir_jw_cstrs(&w, o.agg[a], o.nagg[a]);
	}
	ir_jw_key(&w, "where");
	ir_jw_cstrs(&w, o.where, o.nwhere);
	ir_jw_key(&w, "all");
	ir_jw_bool(&w, o.all);
	ir_jw_key(&w, "incidents");
	ir_jw_bool(&w, o.incidents);
	ir_seen_write(&st->seen, &w);
	ir_jw_key(&w, "records");
	ir_jw_ulong(&w, st->records);
	ir_jw_end(&w);
	end_state_line(b, out);
	ir_stats_options_free(&o, 0);
}

static void
write_group(const struct ir_stats_conf *c, struct ir_group *g, struct ir_buf *b,
	    struct ir_out *out)
{
	struct ir_jw w;
	size_t i, j;

	ir_jw_start(&w, b);
	ir_jw_object(&w);
	ir_jw_key(&w, "key");
	ir_jw_array(&w);
	for (i = 0; i < c->nby; i++)
		ir_jw_raw(&w, g->key + g->part[i].off, g->part[i].len);
	ir_jw_end(&w);
	ir_jw_key(&w, "count");
	ir_jw_ulong(&w, g->count);
	ir_jw_key(&w, "num");
	ir_jw_object(&w);
	for (j = 0; j < c->nfields; j++) {
		if (!(c->fields[j].need & IR_NEED_NUM))
			continue;
		ir_jw_key(&w, c->fields[j].spec);
		write_numstat(&w, &g->num[j], c->fields[j].need);
	}
	ir_jw_end(&w);
	ir_jw_key(&w, "distinct");
	ir_jw_object(&w);
	for (j = 0; j < c->nfields; j++) {
		if (!(c->fields[j].need & IR_NEED_DISTINCT))
			continue;
		ir_jw_key(&w, c->fields[j].spec);
		write_distinct(&w, &g->distinct[j]);
	}
	ir_jw_end(&w);
	ir_jw_end(&w);
	end_state_line(b, out);
}

void
ir_stats_write_state(struct ir_stats *st, struct ir_buf *b, struct ir_out *out)
{
	struct ir_group **g;
	size_t i, n;

	write_header(st, b, out);
	g = ir_stats_groups(st, &n);
	if (n > 1)
		qsort(g, n, sizeof *g, group_key_cmp);
	for (i = 0; i < n; i++)
		write_group(st->c, g[i], b, out);
	free(g);
	ir_inc_parts_write(&st->parts, b, out);
}

/* Reading ------------------------------------------------------------------ */

/* A whole number >= 0 in a member of o; -1 when it is not one, -2 when it is negative. */
static int
read_count(const struct ir_jobj *o, const char *key, unsigned long long *v)
{
	const struct ir_jmember *m = ir_json_get(o, key);
	struct ir_number x;

	if (m == NULL || m->type != IR_JNUMBER ||
	    ir_number_parse(o->text + m->val, m->val_len, &x) < 0 || !x.isint ||
	    x.i > (__int128)ULLONG_MAX)
		return -1;
	if (x.i < 0)
		return -2;
	*v = (unsigned long long)x.i;
	return 0;
}

/* The why of a failed read_count r. */
static const char *
count_fault(int r, const char *bad)
{
	return r == -2 ? "a state line with a negative count" : bad;
}

static int
read_num(const char *tok, size_t len, enum ir_jtype t, struct ir_number *x)
{
	return t == IR_JNUMBER && ir_number_parse(tok, len, x) == 0 ? 0 : -1;
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
read_bool(const struct ir_jobj *o, const char *key, int *v)
{
	const struct ir_jmember *m = ir_json_get(o, key);

	if (m == NULL || (m->type != IR_JTRUE && m->type != IR_JFALSE))
		return -1;
	*v = m->type == IR_JTRUE;
	return 0;
}

static int
read_header(struct ir_stats *st, const struct ir_jobj *o, struct ir_state_fault *f,
	    struct ir_buf *msg)
{
	const struct ir_jmember *m = ir_json_get(o, "ir_stats");
	struct ir_stats_options opts = {0};
	unsigned long long records = 0, read;
	struct ir_buf id = IR_BUF_INIT;
	int status = IR_STATE_BAD, r;
	size_t a;

	if (m->val_len != 1 || o->text[m->val] != '0' + IR_STATE_VERSION) {
		f->why = "a state of another version of ir-stats";
		return IR_STATE_BAD;
	}
	f->why = "a state header with a missing or bad member";
	if (read_strings(o, "by", &opts.by, &opts.nby) < 0)
		goto done;
	for (a = 0; a < IR_NAGG; a++)
		if (read_strings(o, ir_agg_name[a], &opts.agg[a], &opts.nagg[a]) < 0)
			goto done;
	if (read_strings(o, "where", &opts.where, &opts.nwhere) < 0)
		goto done;
	ir_stats_options_sort(&opts);
	if (read_bool(o, "all", &opts.all) < 0 || read_bool(o, "incidents", &opts.incidents) < 0)
		goto done;
	if ((r = read_count(o, "records", &records)) < 0) {
		f->why = count_fault(r, f->why);
		goto done;
	}
	ir_stats_options_identity(&opts, &id);
	if (id.len != st->identity.len || memcmp(id.p, st->identity.p, id.len) != 0) {
		ir_stats_options_describe(&opts, msg);
		status = IR_STATE_OTHER;
		goto done;
	}
	read = st->seen.read;
	if (ir_seen_read(&st->seen, o) < 0)
		goto done;
	if (st->seen.read - read < records) {
		f->why = "a state header with more records counted than read";
		goto done;
	}
	if (__builtin_add_overflow(st->records, records, &st->records)) {
		f->why = "a state whose records overflow a count";
		goto done;
	}
	/* The state before must add up; its header is then the place to name. */
	if ((f->why = ir_check_header(st->check, st->c, f->source, f->line, records)) != NULL) {
		f->source = st->check->source;
		f->line = st->check->line;
		goto done;
	}
	st->headers++;
	status = IR_STATE_OK;
done:
	ir_stats_options_free(&opts, 1);
	ir_buf_free(&id);
	return status;
}

/* The minimum or maximum of n numbers: null when n is 0, a number otherwise. */
static int
read_extreme(const struct ir_jobj *o, const char *key, unsigned long long n, struct ir_number *x)
{
	const struct ir_jmember *m = ir_json_get(o, key);

	if (m == NULL)
		return -1;
	if (n == 0)
		return m->type == IR_JNULL ? 0 : -1;
	return read_num(o->text + m->val, m->val_len, m->type, x);
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
	if (m == NULL || m->type != IR_JNUMBER ||
	    ir_xsum_add_int_text(&ns->sum, tok + m->val, m->val_len) < 0)
		goto done;
	m = ir_json_get(&o, "frac");
	if (m == NULL || m->type != IR_JARRAY)
		goto done;
	while (ir_jarr_next(tok + m->val, m->val_len, &pos, &v))
		if (read_num(v.tok, v.len, v.type, &x) < 0 || x.isint ||
		    ir_xsum_add_part(&ns->sum, x.d) < 0)
			goto done;
	m = ir_json_get(&o, "overflow");
	if (m != NULL && m->type != IR_JTRUE)
		goto done;
	ns->sum.overflow = m != NULL;
	if (read_extreme(&o, "min", ns->n, &ns->min) < 0 || read_extreme(&o, "max", ns->n, &ns->max) < 0)
		goto done;
	if (need & IR_NEED_VALUES) {
		m = ir_json_get(&o, "values");
		if (m == NULL || m->type != IR_JARRAY)
			goto done;
		pos = 0;
		while (ir_jarr_next(tok + m->val, m->val_len, &pos, &v)) {
			if (read_num(v.tok, v.len, v.type, &x) < 0)
				goto done;
			ir_numstat_keep(ns, &x);
		}
		if (ns->nv != ns->n)
			goto done;
	}
	status = 0;
done:
	ir_jobj_free(&o);
	return status;
}

/* The distinct values of a state line's array a into m; -1 when one is there twice. */
static int
read_distinct(const char *a, size_t n, struct ir_strmap *m, struct ir_buf *tmp)
{
	struct ir_jval v;
	size_t pos = 0;
	int added;

	while (ir_jarr_next(a, n, &pos, &v)) {
		tmp->len = 0;
		ir_json_canonical(tmp, v.tok, v.len, v.type);
		ir_strmap_put(m, tmp->len ? tmp->p : "", tmp->len, &added);
		if (!added)
			return -1;
	}
	return 0;
}

/* The fields' aggregates of a group line, from its "num" and "distinct" objects. */
static int
read_aggregates(const struct ir_stats_conf *c, const struct ir_jobj *num,
		const struct ir_jobj *dist, struct ir_group *g, struct ir_buf *tmp)
{
	const struct ir_jmember *m;
	size_t j;

	for (j = 0; j < c->nfields; j++) {
		const struct ir_field *f = &c->fields[j];

		if (f->need & IR_NEED_NUM) {
			m = ir_json_get(num, f->spec);
			if (m == NULL || read_numstat(num->text + m->val, m->val_len, &g->num[j], f->need) < 0)
				return -1;
		}
		if (f->need & IR_NEED_DISTINCT) {
			m = ir_json_get(dist, f->spec);
			if (m == NULL || m->type != IR_JARRAY ||
			    read_distinct(dist->text + m->val, m->val_len, &g->distinct[j], tmp) < 0)
				return -1;
		}
	}
	return 0;
}

/* Would merging g into its group of st overflow a count? */
static const char *
overflows(const struct ir_stats *st, const struct ir_group *g)
{
	const struct ir_strmap_ent *e = ir_strmap_get(&st->groups, g->keylen ? g->key : "", g->keylen);
	unsigned long long sum;

	if (e != NULL && __builtin_add_overflow(((struct ir_group *)e->val)->count, g->count, &sum))
		return "a state line whose count overflows with the states before";
	return NULL;
}

static int
read_group(struct ir_stats *st, const struct ir_jobj *o, struct ir_state_fault *f)
{
	const struct ir_stats_conf *c = st->c;
	const struct ir_jmember *m = ir_json_get(o, "key"), *nm, *dm;
	struct ir_jobj num = IR_JOBJ_INIT, dist = IR_JOBJ_INIT;
	struct ir_group *g = ir_group_new(c);
	struct ir_buf key = IR_BUF_INIT, tmp = IR_BUF_INIT;
	struct ir_jval v;
	size_t pos = 0, n = 0, at;
	const char *w;
	int status = IR_STATE_BAD, r;

	f->why = "a state line with a missing or bad member";
	if (m->type != IR_JARRAY)
		goto done;
	while (ir_jarr_next(o->text + m->val, m->val_len, &pos, &v)) {
		if (n++ > 0)
			ir_buf_addc(&key, '\n');
		ir_json_canonical(&key, v.tok, v.len, v.type);
	}
	if (n != c->nby) {
		f->why = "a state line whose key has another number of fields";
		goto done;
	}
	nm = ir_json_get(o, "num");
	dm = ir_json_get(o, "distinct");
	if ((r = read_count(o, "count", &g->count)) < 0) {
		f->why = count_fault(r, f->why);
		goto done;
	}
	if (nm == NULL || nm->type != IR_JOBJECT ||
	    dm == NULL || dm->type != IR_JOBJECT ||
	    ir_json_object(&num, o->text + nm->val, nm->val_len, &w, &at) < 0 ||
	    ir_json_object(&dist, o->text + dm->val, dm->val_len, &w, &at) < 0 ||
	    read_aggregates(c, &num, &dist, g, &tmp) < 0)
		goto done;
	g->key = key.len ? key.p : "";
	g->keylen = key.len;
	ir_group_parts(c, g);
	if ((f->why = ir_check_group(st->check, c, g)) != NULL || (f->why = overflows(st, g)) != NULL)
		goto done;
	ir_stats_absorb(st, g, key.len ? key.p : "", key.len);
	g = NULL;
	status = IR_STATE_OK;
done:
	if (g != NULL)
		ir_group_free(c, g);
	ir_jobj_free(&num);
	ir_jobj_free(&dist);
	ir_buf_free(&key);
	ir_buf_free(&tmp);
	return status;
}

int
ir_stats_read_state(struct ir_stats *st, const struct ir_jobj *o, const char *source, long line,
		    struct ir_state_fault *f, struct ir_buf *msg)
{
	if (st->check == NULL) {
		if ((st->check = malloc(sizeof *st->check)) == NULL)
			ir_oom();
		ir_check_init(st->check);
	}
	f->source = source;
	f->line = line;
	if (ir_json_get(o, "ir_stats") != NULL)
		return read_header(st, o, f, msg);
	if (ir_json_get(o, "key") != NULL)
		return read_group(st, o, f);
	if (ir_json_get(o, "incident") != NULL && st->c->incidents) {
		if (!st->check->open) {
			f->why = "a state line before any state header";
			return IR_STATE_BAD;
		}
		return ir_inc_parts_read(&st->parts, o, &f->why) == 0 ? IR_STATE_OK : IR_STATE_BAD;
	}
	f->why = "not a line of an ir-stats state";
	return IR_STATE_BAD;
}

int
ir_stats_end_states(struct ir_stats *st, struct ir_state_fault *f)
{
	if (st->check == NULL || (f->why = ir_check_end(st->check, st->c)) == NULL)
		return IR_STATE_OK;
	f->source = st->check->source;
	f->line = st->check->line;
	return IR_STATE_BAD;
}
