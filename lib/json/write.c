#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/bytescan.h"
#include "json/write.h"

/* 1 for the bytes JSON strings cannot hold as they are. */
static const unsigned char must_escape[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	['"'] = 1, ['\\'] = 1,
};

/* Mask of the bytes in the 16 at p that JSON strings cannot hold as such. */
static ir_v16
escapes(const char *p)
{
	ir_v16 v = ir_v16_load(p);
	ir_v16s s = (ir_v16s)v; /* control characters are the small non-negative bytes */

	return ((ir_v16)(s >= (ir_v16s){0}) & (ir_v16)(s < (ir_v16s){0} + 0x20)) |
	       IR_V16_EQ(v, ir_v16_splat('"')) | IR_V16_EQ(v, ir_v16_splat('\\'));
}

static void
escape_byte(struct ir_buf *b, unsigned char c)
{
	static const char hex[] = "0123456789abcdef";
	char *o;

	ir_buf_reserve(b, 6);
	o = b->p + b->len;
	o[0] = '\\';
	switch (c) {
	case '"': o[1] = '"'; break;
	case '\\': o[1] = '\\'; break;
	case '\n': o[1] = 'n'; break;
	case '\t': o[1] = 't'; break;
	case '\r': o[1] = 'r'; break;
	case '\b': o[1] = 'b'; break;
	case '\f': o[1] = 'f'; break;
	default:
		memcpy(o + 1, "u00", 3);
		o[4] = hex[c >> 4];
		o[5] = hex[c & 15];
		b->len += 6;
		return;
	}
	b->len += 2;
}

void
ir_json_str(struct ir_buf *b, const char *s, size_t n)
{
	size_t i = 0, run = 0;

	ir_buf_reserve(b, n + 2);
	b->p[b->len++] = '"';
	for (; i + 16 <= n; i += 16) {
		struct ir_v16_lanes l;
		int lane;

		if (!ir_v16_lanes(escapes(s + i), &l))
			continue;
		while ((lane = ir_v16_next_lane(&l)) >= 0) {
			size_t at = i + (size_t)lane;

			ir_buf_add(b, s + run, at - run);
			escape_byte(b, (unsigned char)s[at]);
			run = at + 1;
		}
	}
	for (; i < n; i++) {
		if (!must_escape[(unsigned char)s[i]])
			continue;
		ir_buf_add(b, s + run, i - run);
		escape_byte(b, (unsigned char)s[i]);
		run = i + 1;
	}
	ir_buf_add(b, s + run, n - run);
	ir_buf_addc(b, '"');
}

void
ir_json_double(struct ir_buf *b, double v)
{
	char tmp[32];
	int prec;

	if (!isfinite(v)) {
		ir_buf_adds(b, "null");
		return;
	}
	if (fabs(v) < 1e15 && v == (double)(long long)v) {
		ir_buf_addf(b, "%lld", (long long)v);
		return;
	}
	for (prec = 1; prec < 17; prec++) {
		snprintf(tmp, sizeof tmp, "%.*g", prec, v);
		if (strtod(tmp, NULL) == v)
			break;
	}
	snprintf(tmp, sizeof tmp, "%.*g", prec, v);
	ir_buf_adds(b, tmp);
}


/* The writer ------------------------------------------------------------ */

void
ir_jw_start(struct ir_jw *w, struct ir_buf *b)
{
	memset(w, 0, sizeof *w);
	w->b = b;
}

void
ir_jw_members(struct ir_jw *w, struct ir_buf *b, int first)
{
	ir_jw_start(w, b);
	w->depth = 1;
	w->close[1] = '}';
	w->more[1] = !first;
}

/* What stands before a value: a comma after another, nothing after a key. */
static void
before_value(struct ir_jw *w)
{
	if (w->keyed) {
		w->keyed = 0;
		return;
	}
	if (w->more[w->depth])
		ir_buf_addc(w->b, ',');
	w->more[w->depth] = 1;
}

static void
open_container(struct ir_jw *w, char open, char close)
{
	before_value(w);
	if (w->depth == IR_JW_MAX_DEPTH)
		abort(); /* the callers' nesting is fixed and shallow */
	ir_buf_addc(w->b, open);
	w->depth++;
	w->more[w->depth] = 0;
	w->close[w->depth] = close;
}

void
ir_jw_object(struct ir_jw *w)
{
	open_container(w, '{', '}');
}

void
ir_jw_array(struct ir_jw *w)
{
	open_container(w, '[', ']');
}

void
ir_jw_end(struct ir_jw *w)
{
	ir_buf_addc(w->b, w->close[w->depth]);
	w->depth--;
}

void
ir_jw_key(struct ir_jw *w, const char *key)
{
	size_t n = strlen(key), i;
	char *o;

	before_value(w);
	/* Keys are short and plain: copied as they are, unless one needs escapes. */
	ir_buf_reserve(w->b, n + 3);
	o = w->b->p + w->b->len;
	o[0] = '"';
	for (i = 0; i < n && !must_escape[(unsigned char)key[i]]; i++)
		o[i + 1] = key[i];
	if (i == n) {
		o[n + 1] = '"';
		o[n + 2] = ':';
		w->b->len += n + 3;
	} else {
		ir_json_str(w->b, key, n);
		ir_buf_addc(w->b, ':');
	}
	w->keyed = 1;
}

void
ir_jw_str(struct ir_jw *w, const char *s, size_t n)
{
	before_value(w);
	ir_json_str(w->b, s, n);
}

void
ir_jw_cstr(struct ir_jw *w, const char *s)
{
	if (s == NULL)
		ir_jw_null(w);
	else
		ir_jw_str(w, s, strlen(s));
}

void
ir_jw_cstrs(struct ir_jw *w, char *const *v, size_t n)
{
	size_t i;

	ir_jw_array(w);
	for (i = 0; i < n; i++)
		ir_jw_cstr(w, v[i]);
	ir_jw_end(w);
}

void
ir_jw_raw(struct ir_jw *w, const char *json, size_t n)
{
	before_value(w);
	ir_buf_add(w->b, json, n);
}

void
ir_jw_value(struct ir_jw *w)
{
	before_value(w);
}

void
ir_jw_null(struct ir_jw *w)
{
	ir_jw_raw(w, "null", 4);
}

void
ir_jw_bool(struct ir_jw *w, int v)
{
	if (v)
		ir_jw_raw(w, "true", 4);
	else
		ir_jw_raw(w, "false", 5);
}

/* The digits of v, without printf: records carry many offsets. */
static void
add_digits(struct ir_buf *b, unsigned long long v)
{
	char d[20];
	size_t n = sizeof d;

	do
		d[--n] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	ir_buf_add(b, d + n, sizeof d - n);
}

void
ir_jw_long(struct ir_jw *w, long long v)
{
	before_value(w);
	if (v < 0)
		ir_buf_addc(w->b, '-');
	add_digits(w->b, v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v);
}

void
ir_jw_ulong(struct ir_jw *w, unsigned long long v)
{
	before_value(w);
	add_digits(w->b, v);
}

void
ir_jw_double(struct ir_jw *w, double v)
{
	before_value(w);
	ir_json_double(w->b, v);
}
