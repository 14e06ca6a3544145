#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "json/number.h"
#include "json/path.h"
#include "json/write.h"

int
ir_jpath_parse(struct ir_jpath *p, const char *s, size_t n)
{
	size_t i = 0;

	p->key = NULL;
	p->n = 0;
	p->scratch = NULL;
	p->whole = 0;
	for (;;) {
		const char *dot = memchr(s + i, '.', n - i);
		size_t end = dot ? (size_t)(dot - s) : n;

		if (end == i) {
			ir_jpath_free(p);
			return -1;
		}
		p->key = ir_xrealloc(p->key, (p->n + 1) * sizeof *p->key);
		p->key[p->n] = ir_xrealloc(NULL, end - i + 1);
		memcpy(p->key[p->n], s + i, end - i);
		p->key[p->n++][end - i] = '\0';
		if (dot == NULL)
			break;
		i = end + 1;
	}
	p->scratch = calloc(p->n, sizeof *p->scratch);
	if (p->scratch == NULL)
		ir_oom();
	return 0;
}

void
ir_jpath_copy(struct ir_jpath *dst, const struct ir_jpath *src)
{
	size_t i;

	dst->n = src->n;
	dst->whole = src->whole;
	dst->key = ir_xrealloc(NULL, (src->n ? src->n : 1) * sizeof *dst->key);
	for (i = 0; i < src->n; i++)
		dst->key[i] = ir_xstrdup(src->key[i]);
	dst->scratch = calloc(src->n ? src->n : 1, sizeof *dst->scratch);
	if (dst->scratch == NULL)
		ir_oom();
}

void
ir_jpath_free(struct ir_jpath *p)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		free(p->key[i]);
		if (p->scratch != NULL)
			ir_jobj_free(&p->scratch[i]);
	}
	free(p->key);
	free(p->scratch);
	p->key = NULL;
	p->scratch = NULL;
	p->n = 0;
}

void
ir_jvals_free(struct ir_jvals *v)
{
	free(v->v);
	v->v = NULL;
	v->n = v->cap = 0;
}

static void
push(struct ir_jvals *out, const char *tok, size_t len, enum ir_jtype t)
{
	if (out->n == out->cap) {
		out->cap = out->cap ? out->cap * 2 : 8;
		out->v = ir_xrealloc(out->v, out->cap * sizeof *out->v);
	}
	out->v[out->n].tok = tok;
	out->v[out->n].len = len;
	out->v[out->n++].type = t;
}

static size_t
skip_ws(const char *a, size_t n, size_t i)
{
	while (i < n && (a[i] == ' ' || a[i] == '\t' || a[i] == '\n' || a[i] == '\r'))
		i++;
	return i;
}

int
ir_jarr_next(const char *a, size_t n, size_t *pos, struct ir_jval *v)
{
	size_t i = *pos, len;
	const char *why;

	if (i == 0)
		i = skip_ws(a, n, 0) + 1; /* past '[' */
	i = skip_ws(a, n, i);
	if (i < n && a[i] == ',')
		i = skip_ws(a, n, i + 1);
	if (i >= n || a[i] == ']') {
		*pos = n;
		return 0;
	}
	len = ir_json_value(a + i, n - i, &v->type, &why);
	if (len == 0) {
		*pos = n;
		return 0;
	}
	v->tok = a + i;
	v->len = len;
	*pos = i + len;
	return 1;
}

/* The value tok (type t) at step k of the path: looks key k up in it. */
static void
walk(struct ir_jpath *p, size_t k, const char *tok, size_t len, enum ir_jtype t,
     struct ir_jvals *out)
{
	const struct ir_jmember *m;
	struct ir_jobj *o;
	const char *why;
	size_t at;

	if (k == p->n) {
		out->found++;
		if (t == IR_JARRAY && !p->whole) {
			struct ir_jval v;
			size_t pos = 0;

			while (ir_jarr_next(tok, len, &pos, &v))
				push(out, v.tok, v.len, v.type);
		} else {
			push(out, tok, len, t);
		}
		return;
	}
	if (t == IR_JARRAY) {
		struct ir_jval v;
		size_t pos = 0;

		while (ir_jarr_next(tok, len, &pos, &v))
			if (v.type == IR_JOBJECT || v.type == IR_JARRAY)
				walk(p, k, v.tok, v.len, v.type, out);
		return;
	}
	if (t != IR_JOBJECT)
		return;
	o = &p->scratch[k];
	if (ir_json_object(o, tok, len, &why, &at) < 0)
		return;
	m = ir_json_get(o, p->key[k]);
	if (m != NULL)
		walk(p, k + 1, tok + m->val, m->val_len, m->type, out);
}

void
ir_jpath_values(struct ir_jpath *p, const struct ir_jobj *o, struct ir_jvals *out)
{
	const struct ir_jmember *m = ir_json_get(o, p->key[0]);

	if (m != NULL)
		walk(p, 1, o->text + m->val, m->val_len, m->type, out);
}

/* Canonical text ----------------------------------------------------- */

struct member {
	struct ir_buf key, val;
	size_t order;
};

static int
member_cmp(const void *a, const void *b)
{
	const struct member *x = a, *y = b;
	size_t n = x->key.len < y->key.len ? x->key.len : y->key.len;
	int c = n ? memcmp(x->key.p, y->key.p, n) : 0;

	if (c == 0)
		c = (x->key.len > y->key.len) - (x->key.len < y->key.len);
	if (c == 0)
		c = (x->order > y->order) - (x->order < y->order);
	return c;
}

static void
canonical_object(struct ir_buf *b, const char *tok, size_t n)
{
	struct ir_jobj o = IR_JOBJ_INIT;
	struct member *m;
	const char *why;
	size_t at, i, k = 0;

	if (ir_json_object(&o, tok, n, &why, &at) < 0) {
		ir_buf_add(b, tok, n);
		return;
	}
	m = calloc(o.n ? o.n : 1, sizeof *m);
	if (m == NULL)
		ir_oom();
	for (i = 0; i < o.n; i++) {
		ir_json_canonical(&m[i].key, tok + o.m[i].key, o.m[i].key_len, IR_JSTRING);
		ir_json_canonical(&m[i].val, tok + o.m[i].val, o.m[i].val_len, o.m[i].type);
		m[i].order = i;
	}
	if (o.n > 1)
		qsort(m, o.n, sizeof *m, member_cmp);
	ir_buf_addc(b, '{');
	for (i = 0; i < o.n; i++) {
		/* Of members with one key, the last one counts. */
		if (i + 1 < o.n && m[i].key.len == m[i + 1].key.len &&
		    memcmp(m[i].key.p, m[i + 1].key.p, m[i].key.len) == 0)
			continue;
		if (k++ > 0)
			ir_buf_addc(b, ',');
		ir_buf_add(b, m[i].key.p, m[i].key.len);
		ir_buf_addc(b, ':');
		ir_buf_add(b, m[i].val.p, m[i].val.len);
	}
	ir_buf_addc(b, '}');
	for (i = 0; i < o.n; i++) {
		ir_buf_free(&m[i].key);
		ir_buf_free(&m[i].val);
	}
	free(m);
	ir_jobj_free(&o);
}

void
ir_json_canonical(struct ir_buf *b, const char *tok, size_t n, enum ir_jtype t)
{
	struct ir_number num;

	switch (t) {
	case IR_JSTRING:
		if (memchr(tok, '\\', n) == NULL) {
			ir_buf_add(b, tok, n);
		} else {
			struct ir_buf s = IR_BUF_INIT;

			ir_json_unescape(tok, n, &s);
			ir_json_str(b, s.p, s.len);
			ir_buf_free(&s);
		}
		break;
	case IR_JNUMBER:
		if (ir_number_parse(tok, n, &num) == 0)
			ir_number_json(b, &num);
		else
			ir_buf_add(b, tok, n);
		break;
	case IR_JARRAY: {
		struct ir_jval v;
		size_t pos = 0;
		int first = 1;

		ir_buf_addc(b, '[');
		while (ir_jarr_next(tok, n, &pos, &v)) {
			if (!first)
				ir_buf_addc(b, ',');
			ir_json_canonical(b, v.tok, v.len, v.type);
			first = 0;
		}
		ir_buf_addc(b, ']');
		break;
	}
	case IR_JOBJECT:
		canonical_object(b, tok, n);
		break;
	case IR_JNULL:
		ir_buf_adds(b, "null");
		break;
	case IR_JTRUE:
		ir_buf_adds(b, "true");
		break;
	case IR_JFALSE:
		ir_buf_adds(b, "false");
		break;
	}
}

enum ir_jtype
ir_json_canon_type(const char *s, size_t n)
{
	if (n == 0)
		return IR_JNULL;
	switch (s[0]) {
	case '"': return IR_JSTRING;
	case '{': return IR_JOBJECT;
	case '[': return IR_JARRAY;
	case 't': return IR_JTRUE;
	case 'f': return IR_JFALSE;
	case 'n': return IR_JNULL;
	default: return IR_JNUMBER;
	}
}

static int
rank(enum ir_jtype t)
{
	switch (t) {
	case IR_JNUMBER: return 0;
	case IR_JSTRING: return 1;
	case IR_JFALSE: return 2;
	case IR_JTRUE: return 3;
	case IR_JARRAY: return 4;
	case IR_JOBJECT: return 5;
	default: return 6;
	}
}

int
ir_json_canon_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	enum ir_jtype ta = ir_json_canon_type(a, an), tb = ir_json_canon_type(b, bn);
	int c;

	if (rank(ta) != rank(tb))
		return rank(ta) < rank(tb) ? -1 : 1;
	if (ta == IR_JNUMBER) {
		struct ir_number x, y;

		if (ir_number_parse(a, an, &x) == 0 && ir_number_parse(b, bn, &y) == 0 &&
		    (c = ir_number_cmp(&x, &y)) != 0)
			return c;
	} else if (ta == IR_JSTRING && (memchr(a, '\\', an) || memchr(b, '\\', bn))) {
		struct ir_buf x = IR_BUF_INIT, y = IR_BUF_INIT;

		ir_json_unescape(a, an, &x);
		ir_json_unescape(b, bn, &y);
		c = ir_bytes_cmp(x.p, x.len, y.p, y.len);
		ir_buf_free(&x);
		ir_buf_free(&y);
		if (c != 0)
			return c;
	}
	return ir_bytes_cmp(a, an, b, bn);
}
