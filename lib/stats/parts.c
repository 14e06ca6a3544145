#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "json/number.h"
#include "stats/incident.h"

/*
 * The lines of a state for the incidents whose notices wait for the
 * rest (ir-stats(1), PARTIAL STATE), written and read back.
 */

static void
write_pick(struct ir_jw *w, const char *name, const struct ir_pick *k)
{
	ir_jw_key(w, name);
	if (!k->set) {
		ir_jw_null(w);
		return;
	}
	ir_jw_object(w);
	ir_jw_key(w, "report_no");
	ir_jw_long(w, k->report_no);
	ir_jw_key(w, "published");
	if (k->published[0] != '\0')
		ir_jw_raw(w, k->published, strlen(k->published));
	else
		ir_jw_null(w);
	ir_jw_key(w, "value");
	ir_jw_raw(w, k->text, strlen(k->text));
	ir_jw_end(w);
}

static void
write_date(struct ir_jw *w, const char *name, const char *v)
{
	ir_jw_key(w, name);
	if (v != NULL)
		ir_jw_raw(w, v, strlen(v));
	else
		ir_jw_null(w);
}

void
ir_inc_parts_write(struct ir_inc_parts *p, struct ir_buf *b, struct ir_out *out)
{
	struct ir_strmap_ent **e;
	size_t n, i, idn;
	struct ir_jw w;

	e = ir_inc_parts_sorted(p, &n);
	for (i = 0; i < n; i++) {
		const struct ir_inc_part *t = e[i]->val;

		idn = ir_inc_part_id_len(e[i]);
		ir_jw_start(&w, b);
		ir_jw_object(&w);
		ir_jw_key(&w, "incident");
		ir_jw_array(&w);
		ir_jw_str(&w, e[i]->key, idn);
		ir_jw_str(&w, e[i]->key + idn + 1, e[i]->len - idn - 1);
		ir_jw_end(&w);
		ir_jw_key(&w, "notices");
		ir_jw_ulong(&w, t->notices);
		write_date(&w, "published", t->published);
		write_date(&w, "discovered", t->discovered);
		write_pick(&w, "own", &t->own);
		write_pick(&w, "first", &t->first);
		write_pick(&w, "reg", &t->reg);
		write_pick(&w, "figure", &t->figure);
		ir_jw_end(&w);
		ir_buf_addc(b, '\n');
		if (out != NULL)
			ir_out_end_record(out);
	}
	free(e);
}

/* A string or null member into *v (canonical, or NULL); -1 when it is neither. */
static int
read_date(const struct ir_jobj *o, const char *key, char **v)
{
	const struct ir_jmember *m = ir_json_get(o, key);

	*v = NULL;
	if (m == NULL || (m->type != IR_JNULL && m->type != IR_JSTRING))
		return -1;
	if (m->type == IR_JSTRING)
		*v = ir_member_canonical(o, key, 1);
	return 0;
}

/* A pick, or null; want: the type its value must have (-1: any). */
static int
read_pick(const struct ir_jobj *o, const char *key, struct ir_pick *k, int want)
{
	const struct ir_jmember *m = ir_json_get(o, key), *r, *v;
	struct ir_jobj e = IR_JOBJ_INIT;
	struct ir_number x;
	const char *why;
	size_t at;
	int status = -1;

	if (m == NULL)
		return -1;
	if (m->type == IR_JNULL)
		return 0;
	if (m->type != IR_JOBJECT || ir_json_object(&e, o->text + m->val, m->val_len, &why, &at) < 0)
		goto done;
	r = ir_json_get(&e, "report_no");
	v = ir_json_get(&e, "value");
	if (r == NULL || r->type != IR_JNUMBER || ir_number_parse(e.text + r->val, r->val_len, &x) < 0 ||
	    !x.isint || x.i < 1 || x.i > LLONG_MAX || v == NULL || (want >= 0 && v->type != (enum ir_jtype)want) ||
	    read_date(&e, "published", &k->published) < 0)
		goto done;
	if (k->published == NULL)
		k->published = ir_xstrdup("");
	k->report_no = (long long)x.i;
	k->text = ir_member_canonical(&e, "value", 0);
	k->set = 1;
	status = 0;
done:
	ir_jobj_free(&e);
	return status;
}

int
ir_inc_parts_read(struct ir_inc_parts *p, const struct ir_jobj *o, const char **why)
{
	const struct ir_jmember *m = ir_json_get(o, "incident");
	struct ir_inc_part *t = calloc(1, sizeof *t);
	struct ir_number x;
	struct ir_jval id, org;
	size_t pos = 0;

	if (t == NULL)
		ir_oom();
	*why = "a state line of an incident with a missing or bad member";
	/* Read from a state: the place of its first notice is unknown. */
	t->src = -1;
	t->line = -1;
	p->key.len = 0;
	if (m == NULL || m->type != IR_JARRAY ||
	    !ir_jarr_next(o->text + m->val, m->val_len, &pos, &id) || id.type != IR_JSTRING ||
	    !ir_jarr_next(o->text + m->val, m->val_len, &pos, &org) || org.type != IR_JSTRING ||
	    ir_jarr_next(o->text + m->val, m->val_len, &pos, &org))
		goto bad;
	m = ir_json_get(o, "notices");
	if (m == NULL || m->type != IR_JNUMBER || ir_number_parse(o->text + m->val, m->val_len, &x) < 0 ||
	    !x.isint || x.i < 1 || x.i > (__int128)ULLONG_MAX)
		goto bad;
	t->notices = (unsigned long long)x.i;
	if (read_date(o, "published", &t->published) < 0 ||
	    read_date(o, "discovered", &t->discovered) < 0 ||
	    read_pick(o, "own", &t->own, IR_JOBJECT) < 0 || read_pick(o, "first", &t->first, -1) < 0 ||
	    read_pick(o, "reg", &t->reg, IR_JOBJECT) < 0 ||
	    read_pick(o, "figure", &t->figure, IR_JARRAY) < 0)
		goto bad;
	/* Every part has a notice of its own or of the regulator. */
	if (!t->own.set && !t->reg.set) {
		*why = "a state line of an incident without a notice";
		goto bad;
	}
	ir_json_unescape(id.tok, id.len, &p->key);
	if (!ir_incident_links(p->key.p, p->key.len)) {
		*why = "a state line of an incident whose id links nothing";
		goto bad;
	}
	ir_buf_addc(&p->key, '\n');
	ir_json_unescape(org.tok, org.len, &p->key);
	ir_inc_parts_put(p, p->key.p, p->key.len, t);
	return 0;
bad:
	ir_inc_part_free(t);
	return -1;
}
