#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "json/xsum.h"

typedef unsigned __int128 u128;

/* The accumulator's lowest bit is 2^-FRAC_BITS. */
#define FRAC_BITS 1074
#define WORDS IR_XSUM_WORDS

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int
negative(const uint64_t *a)
{
	return (a[WORDS - 1] >> 63) != 0;
}

static void
negate(uint64_t *a)
{
	unsigned carry = 1;
	size_t k;

	for (k = 0; k < WORDS; k++) {
		a[k] = ~a[k] + carry;
		carry = carry && a[k] == 0;
	}
}

/* a += b; returns 1 when the sum does not fit (two's complement overflow). */
static int
words_add(uint64_t *a, const uint64_t *b)
{
	int sa = negative(a), sb = negative(b);
	uint64_t carry = 0;
	size_t k;

	for (k = 0; k < WORDS; k++) {
		u128 t = (u128)a[k] + b[k] + carry;

		a[k] = (uint64_t)t;
		carry = (uint64_t)(t >> 64);
	}
	return sa == sb && negative(a) != sa;
}

/* Adds ±mag × 2^bit to a (bit + 192 within the words); returns 1 on overflow. */
static int
acc_add(uint64_t *a, long bit, u128 mag, int neg)
{
	uint64_t t[WORDS] = {0};
	size_t k = (size_t)bit / 64;
	unsigned sh = (unsigned)(bit % 64);

	t[k] = (uint64_t)(mag << sh);
	t[k + 1] = (uint64_t)((mag << sh) >> 64);
	t[k + 2] = sh ? (uint64_t)(mag >> (128 - sh)) : 0;
	if (neg)
		negate(t);
	return words_add(a, t);
}

/* Adds a finite double exactly; returns 1 on overflow. */
static int
acc_add_double(uint64_t *a, double x)
{
	int e;
	double m = frexp(fabs(x), &e);
	u128 mant = (u128)(uint64_t)ldexp(m, 53);
	long bit = (long)e - 53 + FRAC_BITS;

	if (x == 0)
		return 0;
	/* Below 2^-1022 the low bits of the mantissa are zero: nothing is lost. */
	if (bit < 0) {
		mant >>= -bit;
		bit = 0;
	}
	return acc_add(a, bit, mant, x < 0);
}

static uint64_t *
acc_of(struct ir_xsum *s)
{
	if (s->acc == NULL && (s->acc = calloc(WORDS, sizeof *s->acc)) == NULL)
		ir_oom();
	return s->acc;
}

/* Puts an integer that no longer fits s->i in the accumulator. */
static void
spill(struct ir_xsum *s, __int128 v)
{
	if (acc_add(acc_of(s), FRAC_BITS, v < 0 ? -(u128)v : (u128)v, v < 0))
		s->overflow = 1;
}

static void
add_int(struct ir_xsum *s, __int128 v)
{
	__int128 r;

	if (__builtin_add_overflow(s->i, v, &r))
		spill(s, v);
	else
		s->i = r;
}

void
ir_xsum_add(struct ir_xsum *s, const struct ir_number *v)
{
	if (v->isint) {
		add_int(s, v->i);
		return;
	}
	if (++s->nfloat == 0)
		s->overflow = 1;
	if (acc_add_double(acc_of(s), v->d))
		s->overflow = 1;
}

void
ir_xsum_merge(struct ir_xsum *dst, const struct ir_xsum *src)
{
	add_int(dst, src->i);
	if (src->acc != NULL && words_add(acc_of(dst), src->acc))
		dst->overflow = 1;
	if (__builtin_add_overflow(dst->nfloat, src->nfloat, &dst->nfloat))
		dst->overflow = 1;
	dst->overflow |= src->overflow;
}

/* The whole sum in t. */
static void
total(const struct ir_xsum *s, uint64_t *t)
{
	if (s->acc != NULL)
		memcpy(t, s->acc, WORDS * sizeof *t);
	else
		memset(t, 0, WORDS * sizeof *t);
	if (s->i != 0)
		acc_add(t, FRAC_BITS, s->i < 0 ? -(u128)s->i : (u128)s->i, s->i < 0);
}

int
ir_xsum_cmp(const struct ir_xsum *a, const struct ir_xsum *b)
{
	uint64_t x[WORDS], y[WORDS];
	size_t k;

	total(a, x);
	total(b, y);
	if (negative(x) != negative(y))
		return negative(x) ? -1 : 1;
	for (k = WORDS; k-- > 0;)
		if (x[k] != y[k])
			return x[k] < y[k] ? -1 : 1;
	return 0;
}

/* The index of the top set bit of a magnitude; -1 when it is zero. */
static long
top_bit(const uint64_t *m, size_t words)
{
	size_t k;

	for (k = words; k-- > 0;)
		if (m[k] != 0)
			return (long)(k * 64 + 63 - (size_t)__builtin_clzll(m[k]));
	return -1;
}

/* The 128 bits of m from bit lo up (lo may be negative: zeros below). */
static u128
bits_at(const uint64_t *m, long lo)
{
	u128 r = 0;
	long k;

	for (k = 0; k < 128; k += 64) {
		long at = lo + k;
		uint64_t w;

		if (at >= (long)(WORDS * 64) || at <= -64)
			continue;
		if (at < 0)
			w = m[0] << -at;
		else if (at % 64 == 0)
			w = m[at / 64];
		else
			w = (m[at / 64] >> (at % 64)) |
			    (at / 64 + 1 < WORDS ? m[at / 64 + 1] << (64 - at % 64) : 0);
		r |= (u128)w << k;
	}
	return r;
}

/* Is any bit of m below bit lo set? */
static int
any_below(const uint64_t *m, long lo)
{
	long k;

	for (k = 0; k < lo / 64; k++)
		if (m[k] != 0)
			return 1;
	return lo % 64 != 0 && lo > 0 && (m[lo / 64] & ((1ULL << (lo % 64)) - 1)) != 0;
}

/*
 * The magnitude of t as top × 2^exp: its top 128 bits, with the bits
 * below jammed into the lowest (so that rounding the 128 bits to fewer
 * rounds the whole correctly).  Returns the sign.
 */
static int
magnitude(const uint64_t *t, u128 *top, long *exp)
{
	uint64_t m[WORDS];
	int neg = negative(t);
	long tb;

	memcpy(m, t, sizeof m);
	if (neg)
		negate(m);
	tb = top_bit(m, WORDS);
	if (tb < 128) {
		*top = bits_at(m, 0);
		*exp = -FRAC_BITS;
	} else {
		*top = bits_at(m, tb - 127) | (u128)any_below(m, tb - 127);
		*exp = tb - 127 - FRAC_BITS;
	}
	return neg;
}

double
ir_xsum_ldexp(const struct ir_xsum *s, int e)
{
	uint64_t t[WORDS];
	u128 top;
	long exp;
	double v;
	int neg;

	if (s->acc == NULL && e == 0)
		return (double)s->i;
	total(s, t);
	neg = magnitude(t, &top, &exp);
	/* Below 2^127 units, top is exact; a result under 2^-1022 has fewer
	 * than 53 bits, so (double)top is exact there and ldexp rounds nothing. */
	v = ldexp((double)top, (int)exp + e);
	return neg ? -v : v;
}

double
ir_xsum_value(const struct ir_xsum *s)
{
	return ir_xsum_ldexp(s, 0);
}

/* Appends the decimal of the integer in words q[0..n), two's complement. */
static void
words_decimal(struct ir_buf *b, uint64_t *q, size_t n)
{
	char tmp[WORDS * 20 + 2], *p = tmp + sizeof tmp;
	int neg = (q[n - 1] >> 63) != 0;
	size_t k, used = n;
	unsigned carry = 1;

	if (neg)
		for (k = 0; k < n; k++) {
			q[k] = ~q[k] + carry;
			carry = carry && q[k] == 0;
		}
	do {
		u128 r = 0;
		int d;

		/* q /= 10^19, r the remainder: nineteen digits a step. */
		for (k = used; k-- > 0;) {
			u128 cur = (r << 64) | q[k];

			q[k] = (uint64_t)(cur / 10000000000000000000ULL);
			r = cur % 10000000000000000000ULL;
		}
		while (used > 0 && q[used - 1] == 0)
			used--;
		for (d = 0; d < 19 && (used > 0 || r != 0 || d == 0); d++) {
			*--p = (char)('0' + (int)(r % 10));
			r /= 10;
		}
	} while (used > 0);
	if (neg)
		*--p = '-';
	ir_buf_add(b, p, (size_t)(tmp + sizeof tmp - p));
}

/* The floor of t as an integer, in q (WORDS - FRAC_BITS / 64 words). */
#define INT_WORDS (WORDS - FRAC_BITS / 64)
static void
floor_of(const uint64_t *t, uint64_t *q)
{
	size_t k;

	for (k = 0; k < INT_WORDS; k++) {
		u128 pair = (u128)t[FRAC_BITS / 64 + k] |
			    (FRAC_BITS / 64 + k + 1 < WORDS ? (u128)t[FRAC_BITS / 64 + k + 1] << 64 :
							       negative(t) ? (u128)UINT64_MAX << 64 : 0);

		q[k] = (uint64_t)(pair >> (FRAC_BITS % 64));
	}
}

/*
 * Appends, as %.15g would, a sum past a double's range: q its floor, t
 * itself (whose bits below 2^0 say whether it is more than its floor).
 * Its decimal digits are rounded to 15, ties to even.
 */
static void
format_big(struct ir_buf *b, uint64_t *q, const uint64_t *t)
{
	struct ir_buf d = IR_BUF_INIT;
	const char *p;
	size_t n, k, last;
	int neg, up, more = 0;
	char m[16];

	words_decimal(&d, q, INT_WORDS);
	neg = d.p[0] == '-';
	p = d.p + neg;
	n = d.len - (size_t)neg;
	/* Anything after the 16th digit, a fraction included, breaks a tie upward. */
	for (k = 0; k <= FRAC_BITS / 64; k++)
		more |= (k < FRAC_BITS / 64 ? t[k] : t[k] & ((1ULL << (FRAC_BITS % 64)) - 1)) != 0;
	for (k = 16; k < n; k++)
		more |= p[k] != '0';
	memcpy(m, p, 15);
	up = p[15] > '5' || (p[15] == '5' && (more || (p[14] - '0') % 2 == 1));
	for (k = 15; up && k-- > 0;) {
		up = m[k] == '9';
		m[k] = up ? '0' : (char)(m[k] + 1);
	}
	for (last = 15; last > 1 && m[last - 1] == '0'; last--)
		;
	/* Carried past the first digit: 999... became 1000...; one more digit. */
	ir_buf_addf(b, "%s%c", neg ? "-" : "", up ? '1' : m[0]);
	if (!up && last > 1)
		ir_buf_addf(b, ".%.*s", (int)(last - 1), m + 1);
	ir_buf_addf(b, "e+%zu", n - 1 + (size_t)up);
	ir_buf_free(&d);
}

void
ir_xsum_format(struct ir_buf *b, const struct ir_xsum *s)
{
	uint64_t t[WORDS], q[INT_WORDS];
	double v;

	if (s->nfloat == 0) {
		if (s->acc == NULL) {
			ir_i128_format(b, s->i);
			return;
		}
		total(s, t);
		floor_of(t, q);
		words_decimal(b, q, INT_WORDS);
		return;
	}
	v = ir_xsum_value(s);
	if (isfinite(v)) {
		ir_buf_addf(b, "%.15g", v);
		return;
	}
	total(s, t);
	floor_of(t, q);
	format_big(b, q, t);
}

size_t
ir_xsum_parts(const struct ir_xsum *s, struct ir_buf *intpart, double *c)
{
	uint64_t t[WORDS], q[INT_WORDS];
	size_t k, n = 0;
	long tb;

	total(s, t);
	floor_of(t, q);
	words_decimal(intpart, q, INT_WORDS);
	/* The rest: the bits below 2^0, non-negative below a floor. */
	for (k = FRAC_BITS / 64 + 1; k < WORDS; k++)
		t[k] = 0;
	t[FRAC_BITS / 64] &= (1ULL << (FRAC_BITS % 64)) - 1;
	while ((tb = top_bit(t, FRAC_BITS / 64 + 1)) >= 0 && n < IR_XSUM_PARTS) {
		long lo = tb >= 52 ? tb - 52 : 0;
		uint64_t mant = (uint64_t)bits_at(t, lo) & ((1ULL << (tb - lo + 1)) - 1);

		c[n++] = ldexp((double)mant, (int)(lo - FRAC_BITS));
		acc_add(t, lo, mant, 1);
	}
	return n;
}

int
ir_xsum_add_int_text(struct ir_xsum *s, const char *dec, size_t n)
{
	uint64_t t[WORDS] = {0};
	size_t i = n > 0 && dec[0] == '-', k;
	int neg = (int)i;
	__int128 small;

	if (ir_i128_parse(dec, n, &small) == 0) {
		add_int(s, small);
		return 0;
	}
	if (i == n)
		return -1;
	/* The magnitude, times 10 a digit, in the words above 2^0. */
	for (; i < n; i++) {
		uint64_t carry = (uint64_t)(dec[i] - '0');

		if (!is_digit(dec[i]))
			return -1;
		for (k = FRAC_BITS / 64; k < WORDS; k++) {
			u128 x = (u128)t[k] * 10 + carry;

			t[k] = (uint64_t)x;
			carry = (uint64_t)(x >> 64);
		}
		if (carry != 0 || negative(t))
			return -1;
	}
	/* That was the magnitude times 2^(64 * (FRAC_BITS / 64)); make it times 2^FRAC_BITS. */
	for (k = WORDS - 1; k >= FRAC_BITS / 64; k--) {
		if (t[k] >> (64 - FRAC_BITS % 64) != 0 && k == WORDS - 1)
			return -1;
		t[k] = t[k] << (FRAC_BITS % 64) | (k > 0 ? t[k - 1] >> (64 - FRAC_BITS % 64) : 0);
	}
	if (negative(t))
		return -1;
	if (neg)
		negate(t);
	if (words_add(acc_of(s), t))
		s->overflow = 1;
	return 0;
}

int
ir_xsum_add_part(struct ir_xsum *s, double x)
{
	if (!(x > 0 && x < 1))
		return -1;
	acc_add_double(acc_of(s), x);
	return 0;
}

void
ir_xsum_free(struct ir_xsum *s)
{
	free(s->acc);
	s->acc = NULL;
}
