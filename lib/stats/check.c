#include <math.h>
#include <string.h>

#include "json/path.h"
#include "stats/check.h"

void
ir_check_init(struct ir_state_check *k)
{
	memset(k, 0, sizeof *k);
}

void
ir_check_free(struct ir_state_check *k)
{
	ir_strmap_free(&k->keys);
	memset(k, 0, sizeof *k);
}

const char *
ir_check_end(struct ir_state_check *k, const struct ir_stats_conf *c)
{
	if (!k->open)
		return NULL;
	if (c->nby == 0 && k->groups != (k->records > 0))
		return "a state whose records are not in its one group";
	if (k->counted < k->records)
		return "a state whose groups hold fewer records than its header counts";
	return NULL;
}

const char *
ir_check_header(struct ir_state_check *k, const struct ir_stats_conf *c, const char *source,
		long line, unsigned long long records)
{
	const char *why = ir_check_end(k, c);

	if (why != NULL)
		return why;
	ir_strmap_free(&k->keys);
	k->open = 1;
	k->source = source;
	k->line = line;
	k->records = records;
	k->counted = 0;
	k->groups = 0;
	return NULL;
}

/* Is part i of g's key a bucket of its -g field (or null)? */
static int
bucket_part(const struct ir_field *f, const struct ir_group *g, size_t i)
{
	const char *p = g->key + g->part[i].off;
	size_t n = g->part[i].len;
	long ord;

	if (f->bucket == IR_BUCKET_NONE || ir_json_canon_type(p, n) == IR_JNULL)
		return 1;
	return n >= 2 && p[0] == '"' && ir_bucket_of_key(f->bucket, p + 1, n - 2, &ord) == 0;
}

/* Are the distinct values of a bucketed field buckets? */
static int
bucket_values(const struct ir_field *f, const struct ir_strmap *m)
{
	size_t i;
	long ord;

	for (i = 0; f->bucket != IR_BUCKET_NONE && i < m->cap; i++) {
		const struct ir_strmap_ent *e = &m->e[i];

		if (e->key != NULL && (e->len < 2 || e->key[0] != '"' ||
				       ir_bucket_of_key(f->bucket, e->key + 1, e->len - 2, &ord) < 0))
			return 0;
	}
	return 1;
}

const char *
ir_check_group(struct ir_state_check *k, const struct ir_stats_conf *c, const struct ir_group *g)
{
	const char *why;
	size_t i;
	int added;

	if (!k->open)
		return "a state line before any state header";
	if (g->count == 0)
		return "a state line of a group of no records";
	if (g->count > k->records)
		return "a state line whose count exceeds its state's records";
	ir_strmap_put(&k->keys, g->keylen ? g->key : "", g->keylen, &added);
	if (!added)
		return "a state line of a group its state has already";
	for (i = 0; i < c->nby; i++)
		if (!bucket_part(&c->by[i], g, i))
			return "a state line whose key is not a bucket of its -g field";
	for (i = 0; i < c->nfields; i++) {
		if ((c->fields[i].need & IR_NEED_NUM) &&
		    (why = ir_check_numstat(&g->num[i], c->fields[i].need)) != NULL)
			return why;
		if ((c->fields[i].need & IR_NEED_DISTINCT) && !bucket_values(&c->fields[i], &g->distinct[i]))
			return "a state line whose distinct values are not buckets of their field";
	}
	if (__builtin_add_overflow(k->counted, g->count, &k->counted))
		return "a state whose counts overflow";
	k->groups++;
	return NULL;
}

/* Do the kept values agree with the rest: sorted, within the extremes, the same sum? */
static const char *
check_values(const struct ir_numstat *ns)
{
	struct ir_xsum sum = IR_XSUM_INIT;
	size_t i;
	int same;

	for (i = 0; i < ns->nv; i++) {
		if (i > 0 && ir_number_cmp(&ns->v[i - 1], &ns->v[i]) > 0) {
			ir_xsum_free(&sum);
			return "a state line whose values are not sorted";
		}
		ir_xsum_add(&sum, &ns->v[i]);
	}
	same = ns->nv == 0 || (ir_number_cmp(&ns->v[0], &ns->min) == 0 &&
			       ir_number_cmp(&ns->v[ns->nv - 1], &ns->max) == 0);
	same = same && sum.nfloat == ns->sum.nfloat && ir_xsum_cmp(&sum, &ns->sum) == 0;
	ir_xsum_free(&sum);
	return same ? NULL : "a state line whose values do not make its sum, minimum and maximum";
}

/* A number as a double times 2^-64, so that n of them cannot pass a double's range. */
static double
scaled(const struct ir_number *x)
{
	return ldexp(x->isint ? (double)x->i : x->d, -64);
}

/* Is the sum of n numbers between n times the minimum and n times the maximum? */
static int
sum_in_range(const struct ir_numstat *ns)
{
	double s = ir_xsum_ldexp(&ns->sum, -64), n = (double)ns->n;
	double lo = n * scaled(&ns->min), hi = n * scaled(&ns->max);
	/* Room for the rounding of the doubles, not for another sum. */
	double slack = 1e-12 * (fabs(lo) > fabs(hi) ? fabs(lo) : fabs(hi)) + 1e-300;

	return s >= lo - slack && s <= hi + slack;
}

/* Is the sum a whole number? */
static int
integral(const struct ir_xsum *sum)
{
	struct ir_buf b = IR_BUF_INIT;
	double c[IR_XSUM_PARTS];
	size_t n = ir_xsum_parts(sum, &b, c);

	ir_buf_free(&b);
	return n == 0;
}

const char *
ir_check_numstat(const struct ir_numstat *ns, unsigned need)
{
	if (ns->sum.overflow)
		return NULL;
	if (ns->n == 0)
		return ns->sum.nfloat == 0 && ir_xsum_value(&ns->sum) == 0 && ns->nv == 0 ? NULL :
		       "a state line with a sum of no numbers";
	if (ir_number_cmp(&ns->min, &ns->max) > 0)
		return "a state line whose minimum is above its maximum";
	if (ns->sum.nfloat > ns->n)
		return "a state line with more fractions than numbers";
	if (ns->sum.nfloat == 0 && (!ns->min.isint || !ns->max.isint || !integral(&ns->sum)))
		return "a state line of integers whose extremes or sum are not integers";
	if (need & IR_NEED_VALUES)
		return check_values(ns);
	return sum_in_range(ns) ? NULL : "a state line whose sum its minimum and maximum cannot make";
}
