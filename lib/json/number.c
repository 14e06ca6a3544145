#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json/number.h"
#include "json/write.h"
#include "json/scan.h"

/* 2^63: the doubles from here on do not fit a long long. */
#define TWO63 9223372036854775808.0

int
ir_number_parse(const char *tok, size_t n, struct ir_number *v)
{
	char small[64], *s = small, *end;
	size_t k = tok[0] == '-';
	double d;

	/* The usual case: a plain integer of up to 18 digits. */
	if (n > k && n - k <= 18) {
		long long x = 0;
		size_t j;

		for (j = k; j < n && tok[j] >= '0' && tok[j] <= '9'; j++)
			x = x * 10 + (tok[j] - '0');
		if (j == n) {
			v->i = k ? -x : x;
			v->d = 0;
			v->isint = 1;
			return 0;
		}
	}
	if (n >= sizeof small)
		s = malloc(n + 1);
	if (s == NULL)
		return -1;
	memcpy(s, tok, n);
	s[n] = '\0';
	if (n > k && strspn(s + k, "0123456789") == n - k) {
		long long x = strtoll(s, &end, 10);

		if (x != LLONG_MAX && x != LLONG_MIN) {
			if (s != small)
				free(s);
			v->i = x;
			v->d = 0;
			v->isint = 1;
			return 0;
		}
	}
	d = strtod(s, &end);
	if (s != small)
		free(s);
	if (!isfinite(d))
		return -1;
	if (d == floor(d) && d > -TWO63 && d < TWO63) {
		v->i = (long long)d;
		v->d = 0;
		v->isint = 1;
	} else {
		v->i = 0;
		v->d = d;
		v->isint = 0;
	}
	return 0;
}

long double
ir_number_ld(const struct ir_number *v)
{
	return v->isint ? (long double)v->i : (long double)v->d;
}

int
ir_number_cmp(const struct ir_number *a, const struct ir_number *b)
{
	long double x, y;

	if (a->isint && b->isint)
		return (a->i > b->i) - (a->i < b->i);
	x = ir_number_ld(a);
	y = ir_number_ld(b);
	return (x > y) - (x < y);
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
		ir_buf_addf(b, "%lld", v->i);
	else
		ir_number_format_ld(b, v->d);
}

void
ir_number_json(struct ir_buf *b, const struct ir_number *v)
{
	if (v->isint)
		ir_buf_addf(b, "%lld", v->i);
	else
		ir_json_double(b, v->d);
}

void
ir_i128_format(struct ir_buf *b, __int128 v)
{
	unsigned __int128 u = v < 0 ? -(unsigned __int128)v : (unsigned __int128)v;
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
	const unsigned __int128 max = ((unsigned __int128)1 << 127) - 1;
	unsigned __int128 u = 0;
	size_t i = 0;
	int neg = 0;

	if (n > 0 && s[0] == '-') {
		neg = 1;
		i = 1;
	}
	if (i == n)
		return -1;
	for (; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		if (u > (max + neg - (unsigned)(s[i] - '0')) / 10)
			return -1;
		u = u * 10 + (unsigned)(s[i] - '0');
	}
	*v = neg ? (__int128)(~u + 1) : (__int128)u;
	return 0;
}

/* Exact sums ----------------------------------------------------------- */

/* Adds x to the expansion p[0..*np), keeping it exact (Shewchuk, msum). */
static void
grow_add(double **p, size_t *np, size_t *cap, double x)
{
	size_t i = 0, j;

	for (j = 0; j < *np; j++) {
		double y = (*p)[j], hi, lo;

		if (fabs(x) < fabs(y)) {
			double t = x;

			x = y;
			y = t;
		}
		hi = x + y;
		lo = y - (hi - x);
		if (lo != 0.0)
			(*p)[i++] = lo;
		x = hi;
	}
	if (i == *cap) {
		*cap = *cap ? *cap * 2 : 4;
		*p = ir_xrealloc(*p, *cap * sizeof **p);
	}
	(*p)[i++] = x;
	*np = i;
}

/* The exact sum of the expansion rounded to nearest, ties to even (fsum). */
static double
round_expansion(const double *p, size_t n)
{
	double hi = 0.0, lo = 0.0;

	if (n == 0)
		return 0.0;
	hi = p[--n];
	while (n > 0) {
		double x = hi, y = p[--n], yr;

		hi = x + y;
		yr = hi - x;
		lo = y - yr;
		if (lo != 0.0)
			break;
	}
	/* Halfway between two doubles: the parts below decide. */
	if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
		double y = lo * 2.0, x = hi + y, yr = x - hi;

		if (y == yr)
			hi = x;
	}
	return hi;
}

/* Adds a 128-bit integer to the expansion in three exact pieces. */
static void
grow_add_i128(double **p, size_t *np, size_t *cap, __int128 v)
{
	unsigned __int128 u = v < 0 ? -(unsigned __int128)v : (unsigned __int128)v;
	const unsigned long long mask = (1ULL << 48) - 1;
	double piece[3];
	int k;

	piece[0] = (double)(unsigned long long)(u & mask);
	piece[1] = ldexp((double)(unsigned long long)((u >> 48) & mask), 48);
	piece[2] = ldexp((double)(unsigned long long)(u >> 96), 96);
	for (k = 0; k < 3; k++)
		if (piece[k] != 0.0)
			grow_add(p, np, cap, v < 0 ? -piece[k] : piece[k]);
}

static void
add_i128(struct ir_xsum *s, __int128 v)
{
	__int128 r;

	if (__builtin_add_overflow(s->i, v, &r))
		grow_add_i128(&s->p, &s->np, &s->cap, v);
	else
		s->i = r;
}

void
ir_xsum_add(struct ir_xsum *s, const struct ir_number *v)
{
	if (v->isint) {
		add_i128(s, v->i);
	} else {
		grow_add(&s->p, &s->np, &s->cap, v->d);
		s->nfloat++;
	}
}

void
ir_xsum_add_part(struct ir_xsum *s, double x)
{
	grow_add(&s->p, &s->np, &s->cap, x);
}

void
ir_xsum_merge(struct ir_xsum *dst, const struct ir_xsum *src)
{
	size_t j;

	add_i128(dst, src->i);
	for (j = 0; j < src->np; j++)
		grow_add(&dst->p, &dst->np, &dst->cap, src->p[j]);
	dst->nfloat += src->nfloat;
}

double
ir_xsum_value(const struct ir_xsum *s)
{
	double *p = NULL;
	size_t np = 0, cap = 0, j;
	double v;

	if (s->np == 0 && s->i >= -((__int128)1 << 53) && s->i <= ((__int128)1 << 53))
		return (double)s->i;
	for (j = 0; j < s->np; j++)
		grow_add(&p, &np, &cap, s->p[j]);
	grow_add_i128(&p, &np, &cap, s->i);
	v = round_expansion(p, np);
	free(p);
	return v;
}

size_t
ir_xsum_canonical(const struct ir_xsum *s, double *c, size_t max)
{
	double *p = NULL;
	size_t np = 0, cap = 0, j, k = 0;

	for (j = 0; j < s->np; j++)
		grow_add(&p, &np, &cap, s->p[j]);
	/* Each step takes the nearest double off what remains: at most
	 * about 40 steps from 2^1024 down to 2^-1074. */
	while (k < max) {
		double r = round_expansion(p, np);

		if (r == 0.0 || !isfinite(r))
			break;
		c[k++] = r;
		grow_add(&p, &np, &cap, -r);
	}
	free(p);
	return k;
}

void
ir_xsum_format(struct ir_buf *b, const struct ir_xsum *s)
{
	double v;

	if (s->nfloat == 0 && s->np == 0) {
		ir_i128_format(b, s->i);
		return;
	}
	v = ir_xsum_value(s);
	if (!isfinite(v))
		ir_buf_adds(b, "null");
	else
		ir_buf_addf(b, "%.15g", v);
}

void
ir_xsum_free(struct ir_xsum *s)
{
	free(s->p);
	s->p = NULL;
	s->np = s->cap = 0;
}
