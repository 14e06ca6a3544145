#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "json/number.h"
#include "json/write.h"

typedef unsigned __int128 u128;

#define I128_MAX ((__int128)(((u128)1 << 127) - 1))
/* 2^63: the doubles from here on do not fit a long long. */
#define TWO63 9223372036854775808.0

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Where the parts of a JSON number token are. */
struct numtok {
	size_t int0, intn, frac0, fracn;
	long long exp; /* saturated far beyond any integer of 128 bits */
	int neg;
};

/* Splits a number token; -1 when it is not one. */
static int
split_number(const char *t, size_t n, struct numtok *p)
{
	size_t i = 0;
	int eneg = 0;

	memset(p, 0, sizeof *p);
	if (i < n && t[i] == '-') {
		p->neg = 1;
		i++;
	}
	for (p->int0 = i; i < n && is_digit(t[i]); i++)
		;
	if ((p->intn = i - p->int0) == 0)
		return -1;
	if (i < n && t[i] == '.') {
		for (p->frac0 = ++i; i < n && is_digit(t[i]); i++)
			;
		if ((p->fracn = i - p->frac0) == 0)
			return -1;
	}
	if (i < n && (t[i] == 'e' || t[i] == 'E')) {
		if (++i < n && (t[i] == '+' || t[i] == '-'))
			eneg = t[i++] == '-';
		if (i == n || !is_digit(t[i]))
			return -1;
		for (; i < n && is_digit(t[i]); i++)
			if (p->exp < 100000000)
				p->exp = p->exp * 10 + (t[i] - '0');
		if (eneg)
			p->exp = -p->exp;
	}
	return i == n ? 0 : -1;
}

/* Digit k of the integer and fraction parts taken as one string. */
static int
digit(const char *t, const struct numtok *p, size_t k)
{
	return t[k < p->intn ? p->int0 + k : p->frac0 + k - p->intn] - '0';
}

/* The value when it is an integer of magnitude below 2^127 (2^127 if negative); else -1. */
static int
exact_integer(const char *t, const struct numtok *p, __int128 *out)
{
	u128 u = 0, lim = p->neg ? (u128)1 << 127 : (u128)I128_MAX;
	size_t first = 0, last = p->intn + p->fracn, k;
	long long e = p->exp - (long long)p->fracn;

	while (first < last && digit(t, p, first) == 0)
		first++;
	if (first == last) {
		*out = 0;
		return 0;
	}
	for (; digit(t, p, last - 1) == 0; last--)
		e++;
	if (e < 0 || (long long)(last - first) + e > 39)
		return -1;
	for (k = first; k < last; k++) {
		unsigned d = (unsigned)digit(t, p, k);

		if (u > (lim - d) / 10)
			return -1;
		u = u * 10 + d;
	}
	for (; e > 0; e--) {
		if (u > lim / 10)
			return -1;
		u *= 10;
	}
	*out = p->neg ? (__int128)(~u + 1) : (__int128)u;
	return 0;
}

int
ir_number_parse(const char *tok, size_t n, struct ir_number *v)
{
	char small[64], *s = small;
	struct numtok p;
	size_t k = n > 0 && tok[0] == '-';
	double d;

	/* The usual case: a plain integer of up to 18 digits. */
	if (n > k && n - k <= 18) {
		long long x = 0;
		size_t j;

		for (j = k; j < n && is_digit(tok[j]); j++)
			x = x * 10 + (tok[j] - '0');
		if (j == n) {
			v->i = k ? -x : x;
			v->d = 0;
			v->isint = 1;
			return 0;
		}
	}
	if (split_number(tok, n, &p) < 0)
		return -1;
	if (exact_integer(tok, &p, &v->i) == 0) {
		v->d = 0;
		v->isint = 1;
		return 0;
	}
	if (n >= sizeof small && (s = malloc(n + 1)) == NULL)
		ir_oom();
	memcpy(s, tok, n);
	s[n] = '\0';
	d = strtod(s, NULL);
	if (s != small)
		free(s);
	if (!isfinite(d))
		return -1;
	/* A decimal that rounds to a whole double (1e28 plus a fraction too
	 * small to keep) is that whole number: written as its digits, it
	 * reads back as the same integer, so a state written twice is the
	 * same text. */
	if (d == trunc(d) && fabs(d) < 0x1p126) {
		v->i = (__int128)d;
		v->d = 0;
		v->isint = 1;
		return 0;
	}
	v->i = 0;
	v->d = d;
	v->isint = 0;
	return 0;
}

long double
ir_number_ld(const struct ir_number *v)
{
	return v->isint ? (long double)v->i : (long double)v->d;
}

/* Compares an integer with a double, exactly. */
static int
int_double_cmp(__int128 i, double d)
{
	double t, f;
	__int128 ti;

	if (d >= 0x1p127)
		return -1;
	if (d < -0x1p127)
		return 1;
	t = trunc(d);
	ti = (__int128)t;
	if (i != ti)
		return i < ti ? -1 : 1;
	f = d - t;
	return (f < 0) - (f > 0);
}

int
ir_number_cmp(const struct ir_number *a, const struct ir_number *b)
{
	if (a->isint && b->isint)
		return (a->i > b->i) - (a->i < b->i);
	if (a->isint)
		return int_double_cmp(a->i, b->d);
	if (b->isint)
		return -int_double_cmp(b->i, a->d);
	return (a->d > b->d) - (a->d < b->d);
}

void
ir_number_format_ld(struct ir_buf *b, long double v)
{
	if (!isfinite(v))
		ir_buf_adds(b, "null");
	else if (v == floorl(v) && v > -(long double)TWO63 && v < (long double)TWO63)
		ir_buf_addf(b, "%lld", (long long)v);
	else
		ir_buf_addf(b, "%.15Lg", v);
}

void
ir_number_format(struct ir_buf *b, const struct ir_number *v)
{
	if (v->isint)
		ir_i128_format(b, v->i);
	else
		ir_number_format_ld(b, v->d);
}

void
ir_number_json(struct ir_buf *b, const struct ir_number *v)
{
	if (v->isint)
		ir_i128_format(b, v->i);
	else
		ir_json_double(b, v->d);
}

void
ir_i128_format(struct ir_buf *b, __int128 v)
{
	u128 u = v < 0 ? -(u128)v : (u128)v;
	char tmp[48], *p = tmp + sizeof tmp;

	do {
		*--p = (char)('0' + (int)(u % 10));
		u /= 10;
	} while (u != 0);
	if (v < 0)
		*--p = '-';
	ir_buf_add(b, p, (size_t)(tmp + sizeof tmp - p));
}

int
ir_i128_parse(const char *s, size_t n, __int128 *v)
{
	const u128 max = (u128)I128_MAX;
	u128 u = 0;
	size_t i = 0;
	int neg = 0;

	if (n > 0 && s[0] == '-') {
		neg = 1;
		i = 1;
	}
	if (i == n)
		return -1;
	for (; i < n; i++) {
		if (!is_digit(s[i]))
			return -1;
		if (u > (max + neg - (unsigned)(s[i] - '0')) / 10)
			return -1;
		u = u * 10 + (unsigned)(s[i] - '0');
	}
	*v = neg ? (__int128)(~u + 1) : (__int128)u;
	return 0;
}
