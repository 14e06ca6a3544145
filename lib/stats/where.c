#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "stats/where.h"

/* Work a pattern may do on one value: enough for any sane pattern. */
#define MATCH_LIMIT 10000000
#define DEPTH_LIMIT 100000

static pcre2_match_context *
match_context(void)
{
	pcre2_match_context *m = pcre2_match_context_create(NULL);

	if (m == NULL)
		ir_oom();
	pcre2_set_match_limit(m, MATCH_LIMIT);
	pcre2_set_depth_limit(m, DEPTH_LIMIT);
	return m;
}

static int
digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static int
two(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

int
ir_where_is_date(const char *s, size_t n)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y, m, d;

	if (n != 4 && n != 7 && n != 10)
		return 0;
	if (!digits(s, 4) || (y = atoi(s)) < 1)
		return 0;
	if (n == 4)
		return 1;
	if (s[4] != '-' || !digits(s + 5, 2) || (m = two(s + 5)) < 1 || m > 12)
		return 0;
	if (n == 7)
		return 1;
	if (s[7] != '-' || !digits(s + 8, 2) || (d = two(s + 8)) < 1 || d > mdays[m - 1])
		return 0;
	return m != 2 || d < 29 || (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
}

/* The operator at s, and its length; 0 when there is none. */
static size_t
operator_at(const char *s, enum ir_where_op *op)
{
	static const struct {
		const char *text;
		enum ir_where_op op;
	} ops[] = {
		{"!=", IR_WHERE_NE}, {"<=", IR_WHERE_LE}, {">=", IR_WHERE_GE}, {"=", IR_WHERE_EQ},
		{"<", IR_WHERE_LT}, {">", IR_WHERE_GT}, {"~", IR_WHERE_MATCH},
	};
	size_t i, n;

	for (i = 0; i < sizeof ops / sizeof ops[0]; i++) {
		n = strlen(ops[i].text);
		if (strncmp(s, ops[i].text, n) == 0) {
			*op = ops[i].op;
			return n;
		}
	}
	return 0;
}

static int
compile(struct ir_where *w, const char *opt, struct ir_buf *err)
{
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE off;
	int code;

	w->re = pcre2_compile((PCRE2_SPTR)w->value, w->vlen, PCRE2_UTF | PCRE2_UCP, &code, &off,
			      NULL);
	if (w->re == NULL) {
		pcre2_get_error_message(code, msg, sizeof msg);
		ir_buf_addf(err, "%s: '%s': %s at offset %zu of the pattern", opt, w->text,
			    (const char *)msg, (size_t)off);
		return -1;
	}
	pcre2_jit_compile(w->re, PCRE2_JIT_COMPLETE);
	w->mctx = match_context();
	return 0;
}

int
ir_where_parse(struct ir_where *w, const char *opt, const char *expr, struct ir_buf *err)
{
	size_t at = strcspn(expr, "=!<>~"), oplen;

	memset(w, 0, sizeof *w);
	oplen = expr[at] ? operator_at(expr + at, &w->op) : 0;
	if (at == 0 || oplen == 0 || ir_jpath_parse(&w->path, expr, at) < 0) {
		ir_buf_addf(err, "%s: '%s' is not FIELD=VALUE, FIELD!=VALUE, FIELD<N, FIELD<=N, "
			    "FIELD>N, FIELD>=N or FIELD~REGEX", opt, expr);
		return -1;
	}
	w->text = ir_xstrdup(expr);
	w->name = ir_xstrdup(expr);
	w->name[at] = '\0';
	w->value = w->text + at + oplen;
	w->vlen = strlen(w->value);
	w->is_num = w->vlen > 0 && ir_number_parse(w->value, w->vlen, &w->num) == 0;
	w->is_date = ir_where_is_date(w->value, w->vlen);
	if (w->op >= IR_WHERE_LT && w->op <= IR_WHERE_GE && !w->is_num && !w->is_date) {
		ir_buf_addf(err, "%s: '%s': < <= > >= compare numbers, or dates written YYYY, "
			    "YYYY-MM or YYYY-MM-DD", opt, expr);
		ir_where_free(w);
		return -1;
	}
	if (w->op == IR_WHERE_MATCH && compile(w, opt, err) < 0) {
		ir_where_free(w);
		return -1;
	}
	return 0;
}

int
ir_where_date(struct ir_where *w, const char *opt, enum ir_where_op op, const char *date,
	      struct ir_buf *err)
{
	struct ir_buf expr = IR_BUF_INIT;
	int r;

	if (!ir_where_is_date(date, strlen(date))) {
		ir_buf_addf(err, "%s: expected a date (YYYY, YYYY-MM or YYYY-MM-DD), not '%s'", opt,
			    date);
		return -1;
	}
	ir_buf_addf(&expr, "published%s%s", op == IR_WHERE_GE ? ">=" : "<=", date);
	r = ir_where_parse(w, opt, ir_buf_cstr(&expr), err);
	ir_buf_free(&expr);
	return r;
}

void
ir_where_free(struct ir_where *w)
{
	free(w->text);
	free(w->name);
	ir_jpath_free(&w->path);
	pcre2_code_free(w->re);
	pcre2_match_context_free(w->mctx);
	memset(w, 0, sizeof *w);
}

void
ir_where_scratch_init(struct ir_where_scratch *s, const struct ir_where *w)
{
	memset(s, 0, sizeof *s);
	ir_jpath_copy(&s->path, &w->path);
	if (w->re != NULL && (s->md = pcre2_match_data_create_from_pattern(w->re, NULL)) == NULL)
		ir_oom();
}

void
ir_where_scratch_free(struct ir_where_scratch *s)
{
	ir_jpath_free(&s->path);
	ir_jvals_free(&s->vals);
	ir_buf_free(&s->tmp);
	pcre2_match_data_free(s->md);
	memset(s, 0, sizeof *s);
}

/* The order of a and b (n bytes each, already the same length). */
static int
order(const char *a, const char *b, size_t n)
{
	int c = memcmp(a, b, n);

	return (c > 0) - (c < 0);
}

/* Does the order c (-1, 0, 1) satisfy op? */
static int
satisfies(enum ir_where_op op, int c)
{
	switch (op) {
	case IR_WHERE_EQ:
		return c == 0;
	case IR_WHERE_LT:
		return c < 0;
	case IR_WHERE_LE:
		return c <= 0;
	case IR_WHERE_GT:
		return c > 0;
	case IR_WHERE_GE:
		return c >= 0;
	default:
		return 0;
	}
}

/* Compares the date at the start of s with the date value, to its precision. */
static int
date_holds(const struct ir_where *w, const char *s, size_t n)
{
	if (n < w->vlen || (n > w->vlen && s[w->vlen] != '-' && s[w->vlen] != 'T' &&
			    s[w->vlen] != ' '))
		return 0;
	if (!ir_where_is_date(s, w->vlen))
		return 0;
	return satisfies(w->op, order(s, w->value, w->vlen));
}

static int
match(const struct ir_where *w, struct ir_where_scratch *s, const char *t, size_t n,
      int *gave_up)
{
	int rc = pcre2_match(w->re, (PCRE2_SPTR)t, n, 0, 0, s->md, w->mctx);

	if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
	    rc == PCRE2_ERROR_HEAPLIMIT)
		*gave_up = 1;
	return rc >= 0;
}

/* Does one value hold for the positive form of w (= for !=)? */
static int
value_holds(const struct ir_where *w, struct ir_where_scratch *s, const struct ir_jval *v,
	    int *gave_up)
{
	enum ir_where_op op = w->op == IR_WHERE_NE ? IR_WHERE_EQ : w->op;
	struct ir_number x;

	switch (v->type) {
	case IR_JSTRING:
		s->tmp.len = 0;
		ir_json_unescape(v->tok, v->len, &s->tmp);
		if (op == IR_WHERE_MATCH)
			return match(w, s, s->tmp.len ? s->tmp.p : "", s->tmp.len, gave_up);
		if (op == IR_WHERE_EQ)
			return s->tmp.len == w->vlen && memcmp(s->tmp.p, w->value, w->vlen) == 0;
		return w->is_date && date_holds(w, s->tmp.p, s->tmp.len);
	case IR_JNUMBER:
		if (op == IR_WHERE_MATCH)
			return match(w, s, v->tok, v->len, gave_up);
		if (!w->is_num || ir_number_parse(v->tok, v->len, &x) < 0)
			return 0;
		return satisfies(op, ir_number_cmp(&x, &w->num));
	case IR_JTRUE:
	case IR_JFALSE:
		if (op == IR_WHERE_MATCH)
			return match(w, s, v->tok, v->len, gave_up);
		return op == IR_WHERE_EQ && v->len == w->vlen && memcmp(v->tok, w->value, v->len) == 0;
	default:
		return 0;
	}
}

int
ir_where_holds(const struct ir_where *w, struct ir_where_scratch *s, const struct ir_jobj *o,
	       int *gave_up)
{
	size_t i;
	int any = 0;

	s->vals.n = 0;
	s->vals.found = 0;
	ir_jpath_values(&s->path, o, &s->vals);
	for (i = 0; i < s->vals.n && !any; i++)
		any = value_holds(w, s, &s->vals.v[i], gave_up);
	return w->op == IR_WHERE_NE ? !any : any;
}
