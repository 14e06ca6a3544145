#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "json/number.h"
#include "json/path.h"
#include "stats/incident.h"

/* The fields the rules of an incident read, kept whatever is asked. */
static const char *const rule_fields[] = {
	"affected", "affected_approx", "categories", "category", "discovered", "disclosure_days",
	"id", "kind", "org", "org_type", "published", "report_no", "subject_org",
};

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds the first key of path p to the kept fields, once. */
static void
keep(struct ir_inc_parts *p, const char *key)
{
	size_t i;

	for (i = 0; i < p->nkeep; i++)
		if (strcmp(p->keep[i], key) == 0)
			return;
	p->keep = ir_xrealloc(p->keep, (p->nkeep + 1) * sizeof *p->keep);
	p->keep[p->nkeep++] = ir_xstrdup(key);
}

void
ir_inc_parts_init(struct ir_inc_parts *p, const struct ir_stats_conf *c)
{
	size_t i;

	memset(p, 0, sizeof *p);
	p->c = c;
	for (i = 0; i < sizeof rule_fields / sizeof rule_fields[0]; i++)
		keep(p, rule_fields[i]);
	for (i = 0; i < c->nby; i++)
		keep(p, c->by[i].path.key[0]);
	for (i = 0; i < c->nfields; i++)
		keep(p, c->fields[i].path.key[0]);
	for (i = 0; i < c->nwhere; i++)
		keep(p, c->where[i].path.key[0]);
	for (i = 0; i < c->nlist; i++)
		keep(p, c->list[i].path.key[0]);
	/* In key order: the projection of a notice is canonical JSON. */
	qsort(p->keep, p->nkeep, sizeof *p->keep, str_cmp);
}

static void
pick_free(struct ir_pick *k)
{
	free(k->published);
	free(k->text);
	memset(k, 0, sizeof *k);
}

void
ir_inc_part_free(struct ir_inc_part *t)
{
	pick_free(&t->own);
	pick_free(&t->first);
	pick_free(&t->reg);
	pick_free(&t->figure);
	free(t->published);
	free(t->discovered);
	free(t);
}

void
ir_inc_parts_free(struct ir_inc_parts *p)
{
	size_t i;

	for (i = 0; i < p->map.cap; i++)
		if (p->map.e[i].key != NULL)
			ir_inc_part_free(p->map.e[i].val);
	ir_strmap_free(&p->map);
	for (i = 0; i < p->nkeep; i++)
		free(p->keep[i]);
	free(p->keep);
	ir_buf_free(&p->tmp);
	ir_buf_free(&p->key);
	memset(p, 0, sizeof *p);
}

/* Picks ---------------------------------------------------------------------- */

/* Orders picks: the higher report, then the later date, then the text. */
static int
pick_cmp(const struct ir_pick *a, const struct ir_pick *b)
{
	int c;

	if (a->report_no != b->report_no)
		return a->report_no < b->report_no ? -1 : 1;
	if ((c = strcmp(a->published, b->published)) != 0)
		return c;
	return strcmp(a->text, b->text);
}

/* Keeps cand in dst when dst is unset or cand ranks higher (lower, when low); frees cand. */
static void
keep_pick(struct ir_pick *dst, struct ir_pick *cand, int low)
{
	int c;

	if (!cand->set)
		return;
	c = dst->set ? pick_cmp(cand, dst) : 0;
	if (!dst->set || (low ? c < 0 : c > 0)) {
		pick_free(dst);
		*dst = *cand;
		memset(cand, 0, sizeof *cand);
	} else {
		pick_free(cand);
	}
}

/* Keeps the earlier of *dst and cand (canonical JSON strings); frees cand. */
static void
keep_earliest(char **dst, char *cand)
{
	if (cand == NULL)
		return;
	if (*dst == NULL || strcmp(cand, *dst) < 0) {
		free(*dst);
		*dst = cand;
	} else {
		free(cand);
	}
}

static void
part_merge(struct ir_inc_part *dst, struct ir_inc_part *src)
{
	dst->notices += src->notices;
	if (src->src < dst->src || (src->src == dst->src && src->line < dst->line)) {
		dst->src = src->src;
		dst->line = src->line;
	}
	keep_pick(&dst->own, &src->own, 0);
	keep_pick(&dst->first, &src->first, 1);
	keep_pick(&dst->reg, &src->reg, 0);
	keep_pick(&dst->figure, &src->figure, 0);
	keep_earliest(&dst->published, src->published);
	keep_earliest(&dst->discovered, src->discovered);
	src->published = src->discovered = NULL;
	ir_inc_part_free(src);
}

/* A notice as a part ------------------------------------------------------------ */

/* The canonical JSON of member key of o, or NULL when absent (or null, with no_null). */
char *
ir_member_canonical(const struct ir_jobj *o, const char *key, int no_null)
{
	const struct ir_jmember *m = ir_json_get(o, key);
	struct ir_buf b = IR_BUF_INIT;

	if (m == NULL || (no_null && m->type == IR_JNULL))
		return NULL;
	ir_json_canonical(&b, o->text + m->val, m->val_len, m->type);
	return ir_buf_cstr(&b);
}

/* A string member's text in out (emptied); 0 when it is not a string. */
static int
string_member(const struct ir_jobj *o, const char *key, struct ir_buf *out)
{
	const struct ir_jmember *m = ir_json_get(o, key);

	out->len = 0;
	if (m == NULL || m->type != IR_JSTRING)
		return 0;
	ir_json_unescape(o->text + m->val, m->val_len, out);
	return 1;
}

/* The members of o that are kept, as canonical JSON. */
static char *
project(const struct ir_inc_parts *p, const struct ir_jobj *o)
{
	struct ir_buf b = IR_BUF_INIT;
	struct ir_jw w;
	size_t i;

	ir_jw_start(&w, &b);
	ir_jw_object(&w);
	for (i = 0; i < p->nkeep; i++) {
		const struct ir_jmember *m = ir_json_get(o, p->keep[i]);

		if (m == NULL)
			continue;
		ir_jw_key(&w, p->keep[i]);
		ir_jw_value(&w);
		ir_json_canonical(&b, o->text + m->val, m->val_len, m->type);
	}
	ir_jw_end(&w);
	return ir_buf_cstr(&b);
}

/* A pick of notice o with its rank and text. */
static void
pick_of(struct ir_pick *k, const struct ir_jobj *o, char *text)
{
	const struct ir_jmember *m = ir_json_get(o, "report_no");
	struct ir_number x;

	k->set = 1;
	k->report_no = 1;
	if (m != NULL && m->type == IR_JNUMBER && ir_number_parse(o->text + m->val, m->val_len, &x) == 0 &&
	    x.isint && x.i > 0)
		k->report_no = x.i > LLONG_MAX ? LLONG_MAX : (long long)x.i;
	m = ir_json_get(o, "published");
	k->published = m != NULL && m->type == IR_JSTRING ? ir_member_canonical(o, "published", 1) :
							     ir_xstrdup("");
	k->text = text;
}

static int
is_regulator(const struct ir_jobj *o, struct ir_buf *tmp)
{
	const struct ir_jmember *m = ir_json_get(o, "subject_org");

	if (m != NULL && m->type == IR_JSTRING)
		return 1;
	return string_member(o, "category", tmp) && strcmp(ir_buf_cstr(tmp), "regulatory") == 0;
}

/* The part of one notice. */
static struct ir_inc_part *
part_of(struct ir_inc_parts *p, const struct ir_jobj *o, long src, long line)
{
	struct ir_inc_part *t = calloc(1, sizeof *t);
	const struct ir_jmember *m;
	struct ir_buf b = IR_BUF_INIT;

	if (t == NULL)
		ir_oom();
	t->notices = 1;
	t->src = src;
	t->line = line;
	if (is_regulator(o, &p->tmp)) {
		pick_of(&t->reg, o, project(p, o));
	} else {
		pick_of(&t->own, o, project(p, o));
		pick_of(&t->first, o, ir_member_canonical(o, "disclosure_days", 0));
		if (t->first.text == NULL)
			t->first.text = ir_xstrdup("null");
	}
	m = ir_json_get(o, "affected");
	if (m != NULL && m->type != IR_JNULL) {
		char *approx = ir_member_canonical(o, "affected_approx", 0);

		ir_buf_addc(&b, '[');
		ir_json_canonical(&b, o->text + m->val, m->val_len, m->type);
		ir_buf_addf(&b, ",%s]", approx ? approx : "null");
		free(approx);
		pick_of(&t->figure, o, ir_buf_cstr(&b));
	}
	if ((m = ir_json_get(o, "published")) != NULL && m->type == IR_JSTRING)
		t->published = ir_member_canonical(o, "published", 1);
	if ((m = ir_json_get(o, "discovered")) != NULL && m->type == IR_JSTRING)
		t->discovered = ir_member_canonical(o, "discovered", 1);
	return t;
}

/* Does the id link notices: YYYY-NNN? */
int
ir_incident_links(const char *id, size_t n)
{
	size_t i;

	if (n < 6 || id[4] != '-')
		return 0;
	for (i = 0; i < n; i++)
		if (i != 4 && (id[i] < '0' || id[i] > '9'))
			return 0;
	return 1;
}

/* The key of o's part, "id\norg", in p->key; 0 when it links nothing. */
static int
part_key(struct ir_inc_parts *p, const struct ir_jobj *o)
{
	if (!string_member(o, "id", &p->key) || !ir_incident_links(p->key.p, p->key.len))
		return 0;
	ir_buf_addc(&p->key, '\n');
	if (is_regulator(o, &p->tmp)) {
		if (string_member(o, "subject_org", &p->tmp))
			ir_buf_add(&p->key, p->tmp.p, p->tmp.len);
	} else if (string_member(o, "org", &p->tmp)) {
		ir_buf_add(&p->key, p->tmp.p, p->tmp.len);
	}
	return 1;
}

void
ir_inc_parts_put(struct ir_inc_parts *p, const char *key, size_t n, struct ir_inc_part *t)
{
	int added;
	struct ir_strmap_ent *e = ir_strmap_put(&p->map, key, n, &added);

	if (added)
		e->val = t;
	else
		part_merge(e->val, t);
}

static char *incident_text(const struct ir_inc_part *t, const char *id, size_t idlen);

int
ir_inc_parts_add(struct ir_inc_parts *p, const struct ir_jobj *o, long src, long line, char **alone)
{
	struct ir_inc_part *t = part_of(p, o, src, line);

	if (part_key(p, o)) {
		ir_inc_parts_put(p, p->key.p, p->key.len, t);
		return 1;
	}
	string_member(o, "id", &p->key);
	*alone = incident_text(t, p->key.p ? p->key.p : "", p->key.len);
	ir_inc_part_free(t);
	return 0;
}

void
ir_inc_parts_merge(struct ir_inc_parts *dst, struct ir_inc_parts *src)
{
	size_t i;

	for (i = 0; i < src->map.cap; i++)
		if (src->map.e[i].key != NULL)
			ir_inc_parts_put(dst, src->map.e[i].key, src->map.e[i].len, src->map.e[i].val);
	ir_strmap_free(&src->map);
}

/* Incidents ------------------------------------------------------------------ */

/* Writes member key of the object text (canonical JSON), or null. */
static void
copy_member(struct ir_jw *w, const struct ir_jobj *from, const char *key)
{
	const struct ir_jmember *m = from != NULL ? ir_json_get(from, key) : NULL;

	ir_jw_key(w, key);
	if (m == NULL)
		ir_jw_null(w);
	else
		ir_jw_raw(w, from->text + m->val, m->val_len);
}

/* The best label of a regulator's categories that is not "regulatory", or null. */
static void
best_label(struct ir_jw *w, const struct ir_jobj *reg)
{
	const struct ir_jmember *m = reg != NULL ? ir_json_get(reg, "categories") : NULL;
	struct ir_jobj e = IR_JOBJ_INIT;
	const char *best = NULL, *why;
	struct ir_number top = {0, 0, 1}, x;
	size_t pos = 0, at, blen = 0;
	struct ir_jval v;

	while (m != NULL && m->type == IR_JARRAY && ir_jarr_next(reg->text + m->val, m->val_len, &pos, &v)) {
		const struct ir_jmember *l, *s;

		if (v.type != IR_JOBJECT || ir_json_object(&e, v.tok, v.len, &why, &at) < 0 ||
		    (l = ir_json_get(&e, "label")) == NULL || l->type != IR_JSTRING ||
		    ir_json_key_is(e.text + l->val, l->val_len, "regulatory") ||
		    (s = ir_json_get(&e, "score")) == NULL || s->type != IR_JNUMBER ||
		    ir_number_parse(e.text + s->val, s->val_len, &x) < 0)
			continue;
		if (best == NULL || ir_number_cmp(&x, &top) > 0) {
			best = e.text + l->val;
			blen = l->val_len;
			top = x;
		}
	}
	ir_jw_key(w, "category");
	if (best != NULL)
		ir_jw_raw(w, best, blen);
	else
		ir_jw_null(w);
	ir_jobj_free(&e);
}

/* Scans a kept text (canonical JSON object) into o; 0 when there is none. */
static int
scan(struct ir_jobj *o, const struct ir_pick *k)
{
	const char *why;
	size_t at;

	return k->set && ir_json_object(o, k->text, strlen(k->text), &why, &at) == 0;
}

static const char *const written[] = {
	"kind", "id", "notices", "org", "org_type", "category", "affected", "affected_approx",
	"published", "discovered", "disclosure_days",
};

/* The record of the incident of part t. */
static char *
incident_text(const struct ir_inc_part *t, const char *id, size_t idlen)
{
	struct ir_jobj own = IR_JOBJ_INIT, reg = IR_JOBJ_INIT, *rep;
	struct ir_buf b = IR_BUF_INIT, key = IR_BUF_INIT;
	const struct ir_jmember *m;
	struct ir_jw w;
	size_t i, k;
	int has_own = scan(&own, &t->own), has_reg = scan(&reg, &t->reg);
	struct ir_jval v;
	size_t pos = 0;

	rep = has_own ? &own : has_reg ? &reg : NULL;
	ir_jw_start(&w, &b);
	ir_jw_object(&w);
	m = rep != NULL ? ir_json_get(rep, "kind") : NULL;
	ir_jw_key(&w, "kind");
	if (m != NULL)
		ir_jw_raw(&w, rep->text + m->val, m->val_len);
	else
		ir_jw_cstr(&w, "incident");
	ir_jw_key(&w, "id");
	ir_jw_str(&w, id, idlen);
	ir_jw_key(&w, "notices");
	ir_jw_ulong(&w, t->notices);
	if (has_own) {
		copy_member(&w, &own, "org");
		copy_member(&w, &own, "org_type");
		copy_member(&w, &own, "category");
	} else {
		m = has_reg ? ir_json_get(&reg, "subject_org") : NULL;
		ir_jw_key(&w, "org");
		if (m != NULL && m->type == IR_JSTRING)
			ir_jw_raw(&w, reg.text + m->val, m->val_len);
		else
			ir_jw_null(&w);
		ir_jw_key(&w, "org_type");
		ir_jw_null(&w);
		best_label(&w, has_reg ? &reg : NULL);
	}
	/* The figure of the latest report that has one: [affected, affected_approx]. */
	ir_jw_key(&w, "affected");
	if (t->figure.set && ir_jarr_next(t->figure.text, strlen(t->figure.text), &pos, &v))
		ir_jw_raw(&w, v.tok, v.len);
	else
		ir_jw_null(&w);
	ir_jw_key(&w, "affected_approx");
	if (t->figure.set && ir_jarr_next(t->figure.text, strlen(t->figure.text), &pos, &v))
		ir_jw_raw(&w, v.tok, v.len);
	else
		ir_jw_null(&w);
	ir_jw_key(&w, "published");
	ir_jw_raw(&w, t->published ? t->published : "null", t->published ? strlen(t->published) : 4);
	ir_jw_key(&w, "discovered");
	ir_jw_raw(&w, t->discovered ? t->discovered : "null", t->discovered ? strlen(t->discovered) : 4);
	ir_jw_key(&w, "disclosure_days");
	ir_jw_raw(&w, t->first.set ? t->first.text : "null", t->first.set ? strlen(t->first.text) : 4);
	/* The rest, of the latest own notice (or the regulator's). */
	for (i = 0; rep != NULL && i < rep->n; i++) {
		const struct ir_jmember *r = &rep->m[i];

		for (k = 0; k < sizeof written / sizeof written[0]; k++)
			if (ir_json_key_is(rep->text + r->key, r->key_len, written[k]))
				break;
		if (k < sizeof written / sizeof written[0])
			continue;
		key.len = 0;
		ir_json_unescape(rep->text + r->key, r->key_len, &key);
		ir_jw_key(&w, ir_buf_cstr(&key));
		ir_jw_raw(&w, rep->text + r->val, r->val_len);
	}
	ir_jw_end(&w);
	ir_jobj_free(&own);
	ir_jobj_free(&reg);
	ir_buf_free(&key);
	return ir_buf_cstr(&b);
}

/* Resolving ------------------------------------------------------------------ */

struct ir_strmap_ent **
ir_inc_parts_sorted(const struct ir_inc_parts *p, size_t *n)
{
	return ir_strmap_sorted(&p->map, n);
}

size_t
ir_inc_part_id_len(const struct ir_strmap_ent *e)
{
	return (size_t)((const char *)memchr(e->key, '\n', e->len) - e->key);
}

/*
 * Within the parts e[0..n) of one id: the regulator's notices whose
 * subject matched no own notice join the own notices when these are of
 * one organisation.
 */
static void
join_regulators(struct ir_strmap_ent **e, size_t n)
{
	struct ir_inc_part *own = NULL;
	size_t i, owners = 0;

	for (i = 0; i < n; i++)
		if (((struct ir_inc_part *)e[i]->val)->own.set) {
			own = e[i]->val;
			owners++;
		}
	if (owners != 1)
		return;
	for (i = 0; i < n; i++) {
		struct ir_inc_part *t = e[i]->val;

		if (!t->own.set) {
			part_merge(own, t);
			e[i]->val = NULL;
		}
	}
}

void
ir_inc_parts_resolve(struct ir_inc_parts *p,
		 void (*fn)(const char *text, size_t n, long src, long line, void *arg), void *arg)
{
	struct ir_strmap_ent **e;
	size_t n, i, j;

	e = ir_inc_parts_sorted(p, &n);
	for (i = 0; i < n; i = j) {
		size_t idn = ir_inc_part_id_len(e[i]);

		for (j = i + 1; j < n && ir_inc_part_id_len(e[j]) == idn && memcmp(e[j]->key, e[i]->key, idn) == 0; j++)
			;
		join_regulators(e + i, j - i);
		for (; i < j; i++) {
			struct ir_inc_part *t = e[i]->val;
			char *text;

			if (t == NULL)
				continue;
			text = incident_text(t, e[i]->key, idn);
			fn(text, strlen(text), t->src, t->line, arg);
			free(text);
			ir_inc_part_free(t);
			e[i]->val = NULL;
		}
	}
	free(e);
	ir_strmap_free(&p->map);
}
