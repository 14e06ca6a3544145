#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "stats/seen.h"

/* How deep the walk for names goes: "counts.unit" is depth 2. */
#define NAME_DEPTH 4

/* The fields each stage adds, to say which one a missing field needs. */
static const struct {
	const char *tool;
	const char *const *fields;
} stages[] = {
	{"ir-split", (const char *const[]){"kind", "source", "line", "offset", "text", "id", "title",
					    "duplicate_of", NULL}},
	{"ir-extract", (const char *const[]){"org", "org_type", "published", "published_raw",
					      "published_from", "report_no", "affected",
					      "affected_approx", "counts", "data_types",
					      "reported_to", "discovered", "disclosure_days",
					      "period", "contractor", "warnings", "sections",
					      "subject_org", NULL}},
	{"ir-classify", (const char *const[]){"category", "categories", "evidence", "veris", NULL}},
};

/* The tool whose records have the field name (its first step), or NULL. */
static const char *
stage_of(const char *name)
{
	size_t n = strcspn(name, "."), i, k;

	for (i = 0; i < sizeof stages / sizeof stages[0]; i++)
		for (k = 0; stages[i].fields[k] != NULL; k++)
			if (strlen(stages[i].fields[k]) == n && memcmp(stages[i].fields[k], name, n) == 0)
				return stages[i].tool;
	return NULL;
}

static void
add_name(struct ir_seen *s, const struct ir_field *f, int incidents)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->f[i].name, f->name) == 0)
			return;
	/* An incident's count of notices is no notice's field. */
	if (incidents && strcmp(f->name, "notices") == 0)
		return;
	s->f = ir_xrealloc(s->f, (s->n + 1) * sizeof *s->f);
	memset(&s->f[s->n], 0, sizeof s->f[s->n]);
	s->f[s->n].name = ir_xstrdup(f->name);
	ir_jpath_copy(&s->f[s->n].path, &f->path);
	s->n++;
	s->unseen++;
}

void
ir_seen_init(struct ir_seen *s, const struct ir_stats_conf *c)
{
	size_t i;

	memset(s, 0, sizeof *s);
	for (i = 0; i < c->nby; i++)
		add_name(s, &c->by[i], c->incidents);
	for (i = 0; i < c->nfields; i++)
		add_name(s, &c->fields[i], c->incidents);
	for (i = 0; i < c->nlist; i++)
		add_name(s, &c->list[i], c->incidents);
	for (i = 0; i < c->nwhere; i++) {
		struct ir_field f = {NULL, c->where[i].name, c->where[i].path, IR_BUCKET_NONE, 0};

		add_name(s, &f, c->incidents);
	}
	s->nested = calloc(NAME_DEPTH + 1, sizeof *s->nested);
	if (s->nested == NULL)
		ir_oom();
}

void
ir_seen_free(struct ir_seen *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		free(s->f[i].name);
		free(s->f[i].nearest);
		ir_jpath_free(&s->f[i].path);
	}
	for (i = 0; s->nested != NULL && i <= NAME_DEPTH; i++)
		ir_jobj_free(&s->nested[i]);
	free(s->nested);
	free(s->f);
	ir_jvals_free(&s->vals);
	ir_buf_free(&s->name);
	memset(s, 0, sizeof *s);
}

size_t
ir_seen_distance(const char *a, size_t an, const char *b, size_t bn, size_t max)
{
	size_t row[3][64], i, j, best;
	size_t *prev2 = row[0], *prev = row[1], *cur = row[2], *t;

	if ((an > bn ? an - bn : bn - an) > max || an >= 63 || bn >= 63)
		return max + 1;
	for (j = 0; j <= bn; j++)
		prev[j] = j;
	for (i = 1; i <= an; i++) {
		cur[0] = best = i;
		for (j = 1; j <= bn; j++) {
			size_t cost = a[i - 1] != b[j - 1], d = prev[j - 1] + cost;

			if (prev[j] + 1 < d)
				d = prev[j] + 1;
			if (cur[j - 1] + 1 < d)
				d = cur[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    prev2[j - 2] + 1 < d)
				d = prev2[j - 2] + 1;
			cur[j] = d;
			if (d < best)
				best = d;
		}
		if (best > max)
			return max + 1;
		t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	return prev[bn] <= max ? prev[bn] : max + 1;
}

/* Keeps name (n bytes) as field f's nearest when it is near enough and nearer. */
static void
consider(struct ir_seen_field *f, const char *name, size_t n, size_t dist)
{
	if (f->nearest != NULL && (dist > f->dist || (dist == f->dist &&
						      (strlen(f->nearest) < n ||
						       (strlen(f->nearest) == n &&
							memcmp(f->nearest, name, n) <= 0)))))
		return;
	free(f->nearest);
	f->nearest = ir_xrealloc(NULL, n + 1);
	memcpy(f->nearest, name, n);
	f->nearest[n] = '\0';
	f->dist = dist;
}

/* Compares the name in s->name with every unseen field. */
static void
compare(struct ir_seen *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		struct ir_seen_field *f = &s->f[i];
		size_t len = strlen(f->name), max = (len - 1) / 2 < 2 ? (len - 1) / 2 : 2, d;

		if (f->seen)
			continue;
		d = ir_seen_distance(f->name, len, s->name.p, s->name.len, max);
		if (d <= max)
			consider(f, s->name.p, s->name.len, d);
	}
}

static void walk(struct ir_seen *s, const struct ir_jobj *o, int depth);

/* The names inside the object tok (n bytes), under the prefix in s->name. */
static void
walk_into(struct ir_seen *s, const char *tok, size_t n, int depth)
{
	const char *why;
	size_t at;

	if (depth < NAME_DEPTH && ir_json_object(&s->nested[depth], tok, n, &why, &at) == 0)
		walk(s, &s->nested[depth], depth);
}

/* Compares the name of every member of o, and of the members below, with the fields. */
static void
walk(struct ir_seen *s, const struct ir_jobj *o, int depth)
{
	size_t base = s->name.len, i;

	for (i = 0; i < o->n; i++) {
		const struct ir_jmember *m = &o->m[i];
		struct ir_jval v;
		size_t pos = 0, here;

		s->name.len = base;
		if (base > 0)
			ir_buf_addc(&s->name, '.');
		ir_json_unescape(o->text + m->key, m->key_len, &s->name);
		compare(s);
		here = s->name.len;
		if (m->type == IR_JOBJECT)
			walk_into(s, o->text + m->val, m->val_len, depth + 1);
		else if (m->type == IR_JARRAY)
			while (ir_jarr_next(o->text + m->val, m->val_len, &pos, &v))
				if (v.type == IR_JOBJECT) {
					walk_into(s, v.tok, v.len, depth + 1);
					s->name.len = here;
				}
	}
	s->name.len = base;
}

void
ir_seen_note(struct ir_seen *s, const struct ir_jobj *o)
{
	size_t i;

	s->read++;
	if (s->unseen == 0)
		return;
	for (i = 0; i < s->n; i++) {
		struct ir_seen_field *f = &s->f[i];

		if (f->seen)
			continue;
		if (!f->prefix && ir_json_get(o, f->path.key[0]) != NULL)
			f->prefix = 1;
		s->vals.n = 0;
		s->vals.found = 0;
		ir_jpath_values(&f->path, o, &s->vals);
		if (s->vals.found > 0) {
			f->seen = 1;
			free(f->nearest);
			f->nearest = NULL;
			s->unseen--;
		}
	}
	if (s->unseen > 0) {
		s->name.len = 0;
		walk(s, o, 0);
	}
}

static void
merge_field(struct ir_seen *dst, struct ir_seen_field *f, int seen, int prefix,
	    const char *nearest, size_t dist)
{
	if (f->seen)
		return;
	f->prefix |= prefix;
	if (seen) {
		f->seen = 1;
		free(f->nearest);
		f->nearest = NULL;
		dst->unseen--;
	} else if (nearest != NULL) {
		consider(f, nearest, strlen(nearest), dist);
	}
}

void
ir_seen_merge(struct ir_seen *dst, const struct ir_seen *src)
{
	size_t i;

	dst->read += src->read;
	for (i = 0; i < dst->n && i < src->n; i++)
		merge_field(dst, &dst->f[i], src->f[i].seen, src->f[i].prefix, src->f[i].nearest,
			    src->f[i].dist);
}

void
ir_seen_write(const struct ir_seen *s, struct ir_jw *w)
{
	size_t *order = ir_xrealloc(NULL, (s->n + 1) * sizeof *order), i, j, k;

	ir_jw_key(w, "read");
	ir_jw_ulong(w, s->read);
	ir_jw_key(w, "unseen");
	ir_jw_object(w);
	/* By name, so that the text is the same however the fields were given. */
	for (i = 0; i < s->n; i++) {
		for (j = i; j > 0 && strcmp(s->f[order[j - 1]].name, s->f[i].name) > 0; j--)
			order[j] = order[j - 1];
		order[j] = i;
	}
	for (k = 0; k < s->n; k++) {
		const struct ir_seen_field *f = &s->f[order[k]];

		if (f->seen)
			continue;
		ir_jw_key(w, f->name);
		ir_jw_object(w);
		ir_jw_key(w, "nearest");
		ir_jw_cstr(w, f->nearest);
		ir_jw_key(w, "prefix");
		ir_jw_bool(w, f->prefix);
		ir_jw_end(w);
	}
	ir_jw_end(w);
	free(order);
}

/* An entry of "unseen": {"nearest": NAME or null, "prefix": BOOL}; -1 when bad. */
static int
read_unseen(const char *tok, size_t n, struct ir_buf *nearest, int *prefix)
{
	struct ir_jobj e = IR_JOBJ_INIT;
	const struct ir_jmember *m, *p;
	const char *why;
	size_t at;
	int status = -1;

	nearest->len = 0;
	if (ir_json_object(&e, tok, n, &why, &at) < 0)
		goto done;
	m = ir_json_get(&e, "nearest");
	p = ir_json_get(&e, "prefix");
	if (m == NULL || (m->type != IR_JNULL && m->type != IR_JSTRING) || p == NULL ||
	    (p->type != IR_JTRUE && p->type != IR_JFALSE))
		goto done;
	if (m->type == IR_JSTRING)
		ir_json_unescape(e.text + m->val, m->val_len, nearest);
	*prefix = p->type == IR_JTRUE;
	status = 0;
done:
	ir_jobj_free(&e);
	return status;
}

int
ir_seen_read(struct ir_seen *s, const struct ir_jobj *header)
{
	const struct ir_jmember *m = ir_json_get(header, "unseen"), *r = ir_json_get(header, "read");
	struct ir_jobj u = IR_JOBJ_INIT;
	struct ir_buf near = IR_BUF_INIT;
	struct ir_number x;
	const char *why;
	size_t at, i;
	int status = -1, prefix = 0;

	if (m == NULL || m->type != IR_JOBJECT || r == NULL || r->type != IR_JNUMBER ||
	    ir_number_parse(header->text + r->val, r->val_len, &x) < 0 || !x.isint || x.i < 0 ||
	    x.i > (__int128)~0ULL || ir_json_object(&u, header->text + m->val, m->val_len, &why, &at) < 0)
		goto done;
	if (__builtin_add_overflow(s->read, (unsigned long long)x.i, &s->read))
		goto done;
	for (i = 0; i < s->n; i++) {
		const struct ir_jmember *e = ir_json_get(&u, s->f[i].name);
		size_t len = strlen(s->f[i].name);

		if (e != NULL && read_unseen(u.text + e->val, e->val_len, &near, &prefix) < 0)
			goto done;
		merge_field(s, &s->f[i], e == NULL, e == NULL || prefix,
			    near.len ? ir_buf_cstr(&near) : NULL,
			    near.len ? ir_seen_distance(s->f[i].name, len, near.p, near.len, len) : 0);
	}
	status = 0;
done:
	ir_jobj_free(&u);
	ir_buf_free(&near);
	return status;
}

int
ir_seen_report(const struct ir_seen *s)
{
	size_t i;
	int status = IR_EXIT_OK;

	if (s->read == 0)
		return IR_EXIT_OK;
	for (i = 0; i < s->n; i++) {
		const struct ir_seen_field *f = &s->f[i];
		const char *tool = stage_of(f->name);

		if (f->seen)
			continue;
		if (f->nearest != NULL)
			ir_warn(NULL, 0, "no record has a field '%s' (did you mean '%s'?)", f->name,
				f->nearest);
		else if (tool != NULL && !f->prefix)
			ir_warn(NULL, 0, "no record has a field '%s' (%s adds it)", f->name, tool);
		else
			ir_warn(NULL, 0, "no record has a field '%s'", f->name);
		status = IR_EXIT_DATA;
	}
	return status;
}
