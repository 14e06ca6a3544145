#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ja/cursor.h"
#include "ja/numeral.h"

/*
 * m × 10^e with e <= 0: "2.2万" is 22 × 10^-1 × 10^4 = 22000 exactly,
 * where doubles would give 22000.000000000004.  The arithmetic is done in
 * 128 bits, saturating at DEC_MAX with over set, so that a number too
 * large is still read to its end; the result must fit in 63 bits.
 */
typedef unsigned __int128 u128;

struct dec {
	u128 m;
	int e;
	int over;
};

#define DEC_MAX ((u128)10000000000000000000ULL * 10000000000000000000ULL)

struct power {
	const char *w;
	int e;
};

static const char *const KANJI_DIGITS[] = {
	"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九",
};
static const struct power SMALL_UNITS[] = {{"十", 1}, {"百", 2}, {"千", 3}};
static const struct power BIG_UNITS[] = {{"万", 4}, {"億", 8}, {"兆", 12}};
#define NELEM(a) (sizeof(a) / sizeof *(a))

int
ir_arabic_digit(uint32_t cp)
{
	if (cp >= '0' && cp <= '9')
		return (int)(cp - '0');
	if (cp >= 0xFF10 && cp <= 0xFF19) /* ０ to ９ */
		return (int)(cp - 0xFF10);
	return -1;
}

long long
ir_kanji_numeral(uint32_t cp)
{
	switch (cp) {
	case 0x3007: return 0; /* 〇 */
	case 0x4E00: return 1; /* 一 */
	case 0x4E8C: return 2; /* 二 */
	case 0x4E09: return 3; /* 三 */
	case 0x56DB: return 4; /* 四 */
	case 0x4E94: return 5; /* 五 */
	case 0x516D: return 6; /* 六 */
	case 0x4E03: return 7; /* 七 */
	case 0x516B: return 8; /* 八 */
	case 0x4E5D: return 9; /* 九 */
	case 0x5341: return 10; /* 十 */
	case 0x767E: return 100; /* 百 */
	case 0x5343: return 1000; /* 千 */
	case 0x4E07: return 10000; /* 万 */
	case 0x5104: return 100000000; /* 億 */
	case 0x5146: return 1000000000000LL; /* 兆 */
	default: return -1;
	}
}

int
ir_numeral_starts(uint32_t cp)
{
	long long v = ir_kanji_numeral(cp);

	return (cp >= '0' && cp <= '9') || (v >= 0 && v <= 1000);
}

/* m × 10, saturating. */
static void
dec_times10(struct dec *d)
{
	if (d->m > DEC_MAX / 10) {
		d->m = DEC_MAX;
		d->over = 1;
	} else {
		d->m *= 10;
	}
}

/* Multiplies by 10^k. */
static void
dec_scale(struct dec *d, int k)
{
	for (; k > 0 && d->e < 0; k--)
		d->e++;
	for (; k > 0; k--)
		dec_times10(d);
}

static void
dec_add(struct dec *a, struct dec b)
{
	for (; a->e > b.e; a->e--)
		dec_times10(a);
	for (; b.e > a->e; b.e--)
		dec_times10(&b);
	a->over |= b.over;
	if (a->m > DEC_MAX - b.m) {
		a->m = DEC_MAX;
		a->over = 1;
	} else {
		a->m += b.m;
	}
}

/* Appends a digit. */
static void
dec_digit(struct dec *d, int v)
{
	dec_times10(d);
	if (d->m <= DEC_MAX - (u128)v)
		d->m += (u128)v;
}

/* Is d below 10^k? */
static int
dec_below(struct dec d, int k)
{
	u128 p = 1;

	for (k -= d.e; k > 0; k--) {
		if (p > DEC_MAX / 10)
			return !d.over;
		p *= 10;
	}
	return !d.over && d.m < p;
}

/* The value, exact when it fits in 63 bits. */
static struct ir_decimal
dec_value(struct dec d)
{
	struct ir_decimal v = {0, 0, 1};

	while (d.e < 0 && d.m % 10 == 0) {
		d.m /= 10;
		d.e++;
	}
	if (d.over || d.m > INT64_MAX)
		return v;
	v.m = (uint64_t)d.m;
	v.e = d.e;
	v.too_big = 0;
	return v;
}

double
ir_decimal_double(struct ir_decimal d)
{
	double p = 1;
	int e;

	if (d.too_big)
		return HUGE_VAL;
	/* Both exact below 2^53, so the quotient is the double nearest the
	 * decimal; above, m itself is rounded once. */
	for (e = d.e; e < 0; e++)
		p *= 10;
	return (double)d.m / p;
}

int
ir_decimal_cmp(struct ir_decimal a, struct ir_decimal b)
{
	struct dec x = {a.m, a.e, 0}, y = {b.m, b.e, 0};

	if (a.too_big || b.too_big)
		return a.too_big - b.too_big;
	/* Saturating is safe: the other mantissa is below 2^63. */
	for (; x.e > y.e; x.e--)
		dec_times10(&x);
	for (; y.e > x.e; y.e--)
		dec_times10(&y);
	return (x.m > y.m) - (x.m < y.m);
}

void
ir_decimal_json(struct ir_buf *b, struct ir_decimal d)
{
	char digits[24];
	int n = snprintf(digits, sizeof digits, "%" PRIu64, d.m), point = n + d.e;

	if (d.too_big) {
		ir_buf_adds(b, "null");
	} else if (d.e == 0) {
		ir_buf_add(b, digits, (size_t)n);
	} else if (point > 0) {
		ir_buf_add(b, digits, (size_t)point);
		ir_buf_addc(b, '.');
		ir_buf_add(b, digits + point, (size_t)(n - point));
	} else {
		ir_buf_adds(b, "0.");
		for (; point < 0; point++)
			ir_buf_addc(b, '0');
		ir_buf_add(b, digits, (size_t)n);
	}
}

static size_t
digits(const struct ir_cur *c, size_t i)
{
	size_t k = 0;

	while (i + k < c->n && ir_is_digit(c->s[i + k]))
		k++;
	return k;
}

/* ",434" or ", 533" at i: the length of a thousands group, or 0. */
static size_t
group(const struct ir_cur *c, size_t i)
{
	size_t j = i + 1;

	if (i >= c->n || c->s[i] != ',')
		return 0;
	if (j < c->n && c->s[j] == ' ')
		j++;
	return digits(c, j) == 3 ? j + 3 - i : 0;
}

/* ".5" at i, unless a version number goes on ("1.2.3"): its length, or 0. */
static size_t
fraction(const struct ir_cur *c, size_t i)
{
	size_t k;

	if (i >= c->n || c->s[i] != '.' || (k = digits(c, i + 1)) == 0)
		return 0;
	i += 1 + k;
	if (i + 1 < c->n && c->s[i] == '.' && ir_is_digit(c->s[i + 1]))
		return 0;
	return 1 + k;
}

/* The digits of s (commas, blanks and a point skipped) as a decimal. */
static void
accumulate(const char *s, size_t n, struct dec *d)
{
	int frac = 0;
	size_t i;

	*d = (struct dec){0, 0, 0};
	for (i = 0; i < n; i++) {
		frac |= s[i] == '.';
		if (!ir_is_digit(s[i]))
			continue;
		dec_digit(d, s[i] - '0');
		d->e -= frac;
	}
}

/* "13,434", "2, 533", "2.2", "596". */
static int
ascii_number(struct ir_cur *c, struct dec *d)
{
	size_t i = c->i, lead = digits(c, i), k;

	if (lead == 0)
		return 0;
	i += lead;
	while (lead <= 3 && (k = group(c, i)) > 0)
		i += k;
	i += fraction(c, i);
	accumulate(c->s + c->i, i - c->i, d);
	c->i = i;
	return 1;
}

static int
kanji_digit(struct ir_cur *c)
{
	int v;

	for (v = 0; v < 10; v++)
		if (ir_cur_word(c, KANJI_DIGITS[v]))
			return v;
	return -1;
}

/* A run of kanji digits, read positionally: 五, 二〇二三. */
static int
kanji_digits(struct ir_cur *c, struct dec *d)
{
	int v, k = 0;

	*d = (struct dec){0, 0, 0};
	for (; (v = kanji_digit(c)) >= 0; k++)
		dec_digit(d, v);
	return k > 0;
}

/* The exponent of the unit of table at c if below last (consumed), or 0. */
static int
power(struct ir_cur *c, const struct power *table, size_t n, int last)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (table[k].e < last && ir_cur_word(c, table[k].w))
			return table[k].e;
	return 0;
}

/*
 * One term of a section: "三百", "6千", "十" (returning the exponent of
 * the unit), or a bare "五", "13,434", "2.2" (returning 0); -1 if none.
 * A unit's own number is a single digit and the unit is below last.
 */
static int
term(struct ir_cur *c, int flags, int last, struct dec *v)
{
	struct ir_cur t = *c;
	int have = (!(flags & IR_NUMERAL_KANJI) && ascii_number(&t, v)) || kanji_digits(&t, v), u;
	struct ir_cur bare = t;

	u = power(&t, SMALL_UNITS, NELEM(SMALL_UNITS), last);
	if (u > 0 && (!have || (v->e == 0 && v->m >= 1 && v->m <= 9))) {
		if (!have)
			*v = (struct dec){1, 0, 0};
		dec_scale(v, u);
		*c = t;
		return u;
	}
	if (!have)
		return -1;
	*c = bare;
	return 0;
}

/* What a 万 or 億 may multiply: 三百五十, 千二百, 6千, 13,434, 2.2. */
static int
section(struct ir_cur *c, int flags, struct dec *sum)
{
	struct ir_cur t;
	struct dec v;
	int last = 4, u, any = 0;

	*sum = (struct dec){0, 0, 0};
	for (;;) {
		t = *c;
		if ((u = term(&t, flags, last, &v)) < 0)
			break;
		/* After 千 only 百, 十 or a figure below 千. */
		if (any && u == 0 && !dec_below(v, last))
			break;
		dec_add(sum, v);
		*c = t;
		any = 1;
		if (u == 0)
			break;
		last = u;
	}
	return any;
}

/* 万, 億 or 兆 below last, maybe after blanks ("596 万", as PDFs space it). */
static int
big_unit(struct ir_cur *c, int last)
{
	struct ir_cur t = *c;
	int e;

	ir_cur_blanks(&t);
	if ((e = power(&t, BIG_UNITS, NELEM(BIG_UNITS), last)) > 0)
		*c = t;
	return e;
}

/* Is a multiplier (十 百 千 万 億 兆) written at s[0..n)? */
static int
multiplier_at(const char *s, size_t n)
{
	size_t k;

	for (k = 0; k < NELEM(SMALL_UNITS); k++)
		if (n >= 3 && memcmp(s, SMALL_UNITS[k].w, 3) == 0)
			return 1;
	for (k = 0; k < NELEM(BIG_UNITS); k++)
		if (n >= 3 && memcmp(s, BIG_UNITS[k].w, 3) == 0)
			return 1;
	return 0;
}

/*
 * Most numbers are a few ASCII digits that nothing goes on ("2023年",
 * "15件"): their length, read at once, or 0 when what follows them (a
 * comma, a point, a blank, a multiplier, more digits than fit) needs the
 * whole reader below.
 */
static size_t
plain_digits(const char *s, size_t n, struct ir_decimal *v)
{
	uint64_t m = 0;
	size_t k = 0;

	while (k < n && k < 18 && ir_is_digit(s[k]))
		m = m * 10 + (uint64_t)(s[k++] - '0');
	if (k < n && (ir_is_digit(s[k]) || s[k] == ',' || s[k] == '.' || s[k] == ' ' ||
		      s[k] == '\t' || multiplier_at(s + k, n - k)))
		return 0;
	*v = (struct ir_decimal){m, 0, 0};
	return k;
}

/* Could a number start at s[0..n), n > 0: a digit, a kanji digit, 十 百 千? */
static int
may_start(const char *s, size_t n, int flags)
{
	const unsigned char *p = (const unsigned char *)s;
	long long v;

	if (ir_is_digit(s[0]))
		return !(flags & IR_NUMERAL_KANJI);
	if ((p[0] & 0xF0) != 0xE0 || n < 3)
		return 0;
	v = ir_kanji_numeral(ir_utf8_cp3(p));
	return v >= 0 && v <= 1000;
}

size_t
ir_numeral_parse(const char *s, size_t n, int flags, struct ir_decimal *v)
{
	struct ir_cur c = {s, 0, n}, t;
	struct dec total = {0, 0, 0}, sec;
	int last = 16, big, any = 0;
	size_t k;

	if (n == 0 || !may_start(s, n, flags))
		return 0;
	if (!(flags & IR_NUMERAL_KANJI) && (k = plain_digits(s, n, v)) > 0)
		return k;
	for (;;) {
		t = c;
		if (!section(&t, flags, &sec))
			break;
		big = big_unit(&t, last);
		dec_scale(&sec, big);
		/* 1億8990万: each part below the unit before it. */
		if (any && !dec_below(sec, last))
			break;
		dec_add(&total, sec);
		c = t;
		any = 1;
		if (big == 0)
			break;
		last = big;
	}
	if (!any)
		return 0;
	*v = dec_value(total);
	return c.i;
}

int
ir_kanji_one_to_ten(uint32_t cp)
{
	long long v = ir_kanji_numeral(cp);

	return v >= 1 && v <= 10;
}

size_t
ir_roman_numeral(const char *s, size_t n, int *v)
{
	static const char *const roman[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};
	size_t k = 0, r;

	while (k < n && (s[k] == 'I' || s[k] == 'V' || s[k] == 'X'))
		k++;
	for (r = 0; r < NELEM(roman); r++)
		if (k > 0 && strlen(roman[r]) == k && memcmp(roman[r], s, k) == 0) {
			*v = (int)r + 1;
			return k;
		}
	return 0;
}

int
ir_circled_numeral(uint32_t cp)
{
	if (cp >= 0x2460 && cp <= 0x2473)
		return (int)(cp - 0x2460 + 1);
	if (cp >= 0x2776 && cp <= 0x277F)
		return (int)(cp - 0x2776 + 1);
	if (cp >= 0x2780 && cp <= 0x2793)
		return (int)((cp - 0x2780) % 10 + 1);
	if (cp >= 0x3251 && cp <= 0x325F)
		return (int)(cp - 0x3251 + 21);
	return 0;
}

int
ir_kana_numeral(uint32_t cp)
{
	static const uint32_t kana[] = {
		0x30A2, 0x30A4, 0x30A6, 0x30A8, 0x30AA, 0x30AB, 0x30AD, 0x30AF, 0x30B1, 0x30B3,
		0x30B5, 0x30B7, 0x30B9, 0x30BB, 0x30BD, 0x30BF, 0x30C1, 0x30C4, 0x30C6, 0x30C8,
	};
	size_t i;

	if (cp < kana[0] || cp > kana[NELEM(kana) - 1])
		return 0; /* most characters asked about, read before the table */
	for (i = 0; i < NELEM(kana); i++)
		if (kana[i] == cp)
			return (int)i + 1;
	return 0;
}
