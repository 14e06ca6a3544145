#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/bytescan.h"
#include "base/utf8.h"
#include "json/scan.h"

/*
 * What a fault is called: any syntax error is just that; JSON the tools
 * refuse and text that is not quite JSON say what is wrong.
 */
#define STR(x) #x
#define XSTR(x) STR(x)
static const char NOT_JSON[] = "not a JSON object";
static const char LONE_SURROGATE[] = "lone surrogate (\\uD800-\\uDFFF without its pair) in a string";

struct scan {
	const unsigned char *p;
	size_t i, n;
	const char *why;
};

static void
skip_ws(struct scan *s)
{
	while (s->i < s->n && (s->p[s->i] == ' ' || s->p[s->i] == '\t' || s->p[s->i] == '\n' ||
			       s->p[s->i] == '\r'))
		s->i++;
}

static int
fail(struct scan *s, const char *why)
{
	s->why = why;
	return -1;
}

static int
hex4(const unsigned char *p, unsigned *v)
{
	int k;

	*v = 0;
	for (k = 0; k < 4; k++) {
		unsigned c = p[k], d;

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
			d = (c | 0x20) - 'a' + 10;
		else
			return -1;
		*v = *v << 4 | d;
	}
	return 0;
}

/* At the opening quote; leaves s->i after the closing one. */
static int
scan_string(struct scan *s)
{
	size_t start = ++s->i;

	for (;;) {
		unsigned c;

		/* Sixteen bytes at a time, to the first that ends the run: a quote, a backslash, a control. */
		while (s->i + 16 <= s->n) {
			ir_v16 v = ir_v16_load(s->p + s->i);
			ir_v16s sv = (ir_v16s)v;
			struct ir_v16_lanes lanes;

			if (ir_v16_lanes(((ir_v16)(sv >= (ir_v16s){0}) & (ir_v16)(sv < (ir_v16s){0} + 0x20)) |
					 IR_V16_EQ(v, ir_v16_splat('"')) | IR_V16_EQ(v, ir_v16_splat('\\')), &lanes)) {
				s->i += (size_t)ir_v16_next_lane(&lanes);
				break;
			}
			s->i += 16;
		}
		if (s->i >= s->n)
			return fail(s, NOT_JSON);
		c = s->p[s->i];
		if (c == '"')
			break;
		if (c < 0x20)
			return fail(s, "unescaped control character in a string");
		if (c != '\\') {
			s->i++;
			continue;
		}
		if (s->i + 1 >= s->n)
			return fail(s, NOT_JSON);
		c = s->p[s->i + 1];
		if (c == 'u') {
			unsigned v, w;

			if (s->i + 6 > s->n || hex4(s->p + s->i + 2, &v) < 0)
				return fail(s, NOT_JSON);
			s->i += 6;
			if (v >= 0xDC00 && v <= 0xDFFF)
				return fail(s, LONE_SURROGATE);
			if (v >= 0xD800 && v <= 0xDBFF) {
				if (s->i + 6 > s->n || s->p[s->i] != '\\' || s->p[s->i + 1] != 'u' ||
				    hex4(s->p + s->i + 2, &w) < 0 || w < 0xDC00 || w > 0xDFFF)
					return fail(s, LONE_SURROGATE);
				s->i += 6;
			}
		} else if (c == '"' || c == '\\' || c == '/' || c == 'b' || c == 'f' || c == 'n' ||
			   c == 'r' || c == 't') {
			s->i += 2;
		} else {
			return fail(s, NOT_JSON);
		}
	}
	if (ir_utf8_check((const char *)s->p + start, s->i - start) != s->i - start)
		return fail(s, "invalid UTF-8 in a string");
	s->i++;
	return 0;
}

static int
scan_digits(struct scan *s)
{
	size_t start = s->i;

	while (s->i < s->n && s->p[s->i] >= '0' && s->p[s->i] <= '9')
		s->i++;
	return s->i > start ? 0 : fail(s, NOT_JSON);
}

static int
scan_number(struct scan *s)
{
	if (s->p[s->i] == '-')
		s->i++;
	if (s->i < s->n && s->p[s->i] == '0')
		s->i++;
	else if (scan_digits(s) < 0)
		return -1;
	if (s->i < s->n && s->p[s->i] == '.') {
		s->i++;
		if (scan_digits(s) < 0)
			return -1;
	}
	if (s->i < s->n && (s->p[s->i] == 'e' || s->p[s->i] == 'E')) {
		s->i++;
		if (s->i < s->n && (s->p[s->i] == '+' || s->p[s->i] == '-'))
			s->i++;
		if (scan_digits(s) < 0)
			return -1;
	}
	return 0;
}

static int
scan_word(struct scan *s, const char *w, size_t k)
{
	if (s->n - s->i < k || memcmp(s->p + s->i, w, k) != 0)
		return fail(s, NOT_JSON);
	s->i += k;
	return 0;
}

/*
 * One value of any depth, without recursion: stack[d] says whether level
 * d is an object (then a key comes before each value) or an array.
 */
static int
scan_value(struct scan *s, enum ir_jtype *type)
{
	char stack[IR_JSON_MAX_DEPTH];
	int depth = 0;

	for (;;) {
		unsigned c;

		skip_ws(s);
		if (s->i >= s->n)
			return fail(s, NOT_JSON);
		c = s->p[s->i];
		if (depth == 0 && type != NULL) {
			*type = c == '{' ? IR_JOBJECT : c == '[' ? IR_JARRAY : c == '"' ? IR_JSTRING :
				c == 't' ? IR_JTRUE : c == 'f' ? IR_JFALSE : c == 'n' ? IR_JNULL : IR_JNUMBER;
		}
		if (c == '{' || c == '[') {
			if (depth >= IR_JSON_MAX_DEPTH)
				return fail(s, "JSON nested more than " XSTR(IR_JSON_MAX_DEPTH) " levels deep");
			stack[depth++] = (char)c;
			s->i++;
			skip_ws(s);
			if (s->i < s->n && s->p[s->i] == (c == '{' ? '}' : ']')) {
				s->i++;
				depth--;
				goto after_value;
			}
			if (c == '{')
				goto key;
			continue;
		}
		if (c == '"') {
			if (scan_string(s) < 0)
				return -1;
		} else if (c == '-' || (c >= '0' && c <= '9')) {
			if (scan_number(s) < 0)
				return -1;
		} else if (c == 't') {
			if (scan_word(s, "true", 4) < 0)
				return -1;
		} else if (c == 'f') {
			if (scan_word(s, "false", 5) < 0)
				return -1;
		} else if (c == 'n') {
			if (scan_word(s, "null", 4) < 0)
				return -1;
		} else {
			return fail(s, NOT_JSON);
		}
after_value:
		for (;;) {
			if (depth == 0)
				return 0;
			skip_ws(s);
			if (s->i >= s->n)
				return fail(s, NOT_JSON);
			c = s->p[s->i];
			if (c == ',') {
				s->i++;
				if (stack[depth - 1] == '{')
					goto key;
				break;
			}
			if (c != (stack[depth - 1] == '{' ? '}' : ']'))
				return fail(s, NOT_JSON);
			s->i++;
			depth--;
		}
		continue;
key:
		skip_ws(s);
		if (s->i >= s->n || s->p[s->i] != '"')
			return fail(s, NOT_JSON);
		if (scan_string(s) < 0)
			return -1;
		skip_ws(s);
		if (s->i >= s->n || s->p[s->i] != ':')
			return fail(s, NOT_JSON);
		s->i++;
	}
}

size_t
ir_json_value(const char *text, size_t n, enum ir_jtype *type, const char **why)
{
	struct scan s = {(const unsigned char *)text, 0, n, NULL};

	if (scan_value(&s, type) < 0) {
		*why = s.why;
		return 0;
	}
	return s.i;
}

static void
add_member(struct ir_jobj *o, const struct ir_jmember *m)
{
	if (o->n == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 32;
		o->m = ir_xrealloc(o->m, o->cap * sizeof *o->m);
	}
	o->m[o->n++] = *m;
}

int
ir_json_object(struct ir_jobj *o, const char *text, size_t n, const char **why, size_t *at)
{
	struct scan s = {(const unsigned char *)text, 0, n, NULL};

	o->text = text;
	o->n = 0;
	skip_ws(&s);
	if (s.i >= s.n || s.p[s.i] != '{') {
		s.why = NOT_JSON;
		goto bad;
	}
	s.i++;
	skip_ws(&s);
	if (s.i < s.n && s.p[s.i] == '}') {
		s.i++;
	} else {
		for (;;) {
			struct ir_jmember m;

			skip_ws(&s);
			if (s.i >= s.n || s.p[s.i] != '"') {
				s.why = NOT_JSON;
				goto bad;
			}
			m.key = s.i;
			if (scan_string(&s) < 0)
				goto bad;
			m.key_len = s.i - m.key;
			skip_ws(&s);
			if (s.i >= s.n || s.p[s.i] != ':') {
				s.why = NOT_JSON;
				goto bad;
			}
			s.i++;
			skip_ws(&s);
			m.val = s.i;
			if (scan_value(&s, &m.type) < 0)
				goto bad;
			m.val_len = s.i - m.val;
			add_member(o, &m);
			skip_ws(&s);
			if (s.i < s.n && s.p[s.i] == ',') {
				s.i++;
				continue;
			}
			if (s.i < s.n && s.p[s.i] == '}') {
				s.i++;
				break;
			}
			s.why = NOT_JSON;
			goto bad;
		}
	}
	skip_ws(&s);
	if (s.i == s.n)
		return 0;
	s.why = NOT_JSON;
bad:
	*why = s.why;
	*at = s.i;
	return -1;
}

/* ir_json_key_is, the key's length known. */
static int
key_is(const char *tok, size_t n, const char *key, size_t k)
{
	/* Each escape is longer than what it stands for: lengths rule most keys out. */
	if (n < k + 2)
		return 0;
	if (n == k + 2)
		return memcmp(tok + 1, key, k) == 0 && memchr(tok, '\\', n) == NULL;
	if (memchr(tok, '\\', n) == NULL)
		return 0;
	{
		struct ir_buf b = IR_BUF_INIT;
		int same;

		ir_json_unescape(tok, n, &b);
		same = b.len == k && memcmp(b.p, key, k) == 0;
		ir_buf_free(&b);
		return same;
	}
}

int
ir_json_key_is(const char *tok, size_t n, const char *key)
{
	return key_is(tok, n, key, strlen(key));
}

const struct ir_jmember *
ir_json_get(const struct ir_jobj *o, const char *key)
{
	size_t i, k = strlen(key);

	for (i = o->n; i-- > 0;)
		if (key_is(o->text + o->m[i].key, o->m[i].key_len, key, k))
			return &o->m[i];
	return NULL;
}

void
ir_json_unescape(const char *tok, size_t n, struct ir_buf *out)
{
	size_t i = 1, end = n - 1, run = 1;

	ir_buf_reserve(out, n);
	while (i < end) {
		const char *bs = memchr(tok + i, '\\', end - i);
		unsigned v, w;
		char c;

		if (bs == NULL)
			break;
		i = (size_t)(bs - tok);
		ir_buf_add(out, tok + run, i - run);
		c = tok[i + 1];
		i += 2;
		switch (c) {
		case 'b': ir_buf_addc(out, '\b'); break;
		case 'f': ir_buf_addc(out, '\f'); break;
		case 'n': ir_buf_addc(out, '\n'); break;
		case 'r': ir_buf_addc(out, '\r'); break;
		case 't': ir_buf_addc(out, '\t'); break;
		case 'u':
			hex4((const unsigned char *)tok + i, &v);
			i += 4;
			if (v >= 0xD800 && v <= 0xDBFF && i + 6 <= end &&
			    hex4((const unsigned char *)tok + i + 2, &w) == 0) {
				v = 0x10000 + ((v - 0xD800) << 10) + (w - 0xDC00);
				i += 6;
			}
			ir_buf_addcp(out, v);
			break;
		default: ir_buf_addc(out, c); break;
		}
		run = i;
	}
	ir_buf_add(out, tok + run, end - run);
}

void
ir_jobj_free(struct ir_jobj *o)
{
	free(o->m);
	*o = (struct ir_jobj)IR_JOBJ_INIT;
}
