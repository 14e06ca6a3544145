#include <stdint.h>
#include <string.h>

#include "base/cpset.h"
#include "base/utf8.h"
#include "ja/count.h"
#include "ja/cursor.h"

/*
 * m × 10^e with e <= 0: "2.2万" is 22 × 10^-1 × 10^4 = 22000 exactly,
 * where doubles would give 22000.000000000004.  Mantissas stay below
 * 10^18; larger numbers are not read.
 */
struct dec {
	uint64_t m;
	int e;
};

#define DEC_MAX 1000000000000000000ULL

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

static const char KANJI_NUMERALS[] = "〇一二三四五六七八九十百千万億兆";
/* The kanji a number begins with: no 万, 億 nor 兆. */
static struct ir_cpset numerals = IR_CPSET("〇一二三四五六七八九十百千");

struct qword {
	const char *w;
	size_t len;
	enum ir_qual q;
};
#define QW(w, q) {w, sizeof w - 1, q}

/* Longer words before their prefixes. */
static const struct qword BEFORE[] = {
	QW("最大約", IR_QUAL_MAX), QW("最大", IR_QUAL_MAX),
	QW("約", IR_QUAL_ABOUT), QW("おおよそ", IR_QUAL_ABOUT), QW("およそ", IR_QUAL_ABOUT),
	QW("概ね", IR_QUAL_ABOUT), QW("おおむね", IR_QUAL_ABOUT),
	QW("合計", IR_QUAL_NONE), QW("総計", IR_QUAL_NONE), QW("計", IR_QUAL_NONE),
	QW("のべ", IR_QUAL_NONE), QW("延べ", IR_QUAL_NONE),
};
static const struct qword AFTER[] = {
	QW("以上", IR_QUAL_OVER), QW("超え", IR_QUAL_OVER), QW("超", IR_QUAL_OVER),
	QW("余り", IR_QUAL_OVER), QW("余", IR_QUAL_OVER),
	QW("未満", IR_QUAL_UNDER), QW("以下", IR_QUAL_UNDER), QW("以内", IR_QUAL_UNDER),
	QW("程度", IR_QUAL_ABOUT), QW("前後", IR_QUAL_ABOUT), QW("ほど", IR_QUAL_ABOUT),
};

enum {
	DAYS = 1,      /* a length of time: never after 月 nor kanji numerals */
	NEEDS_QUAL = 2 /* a count only when qualified: "約10日", "5日以内" */
};

struct unit {
	const char *w, *name;
	int flags;
	const char *not_before; /* characters that make the unit another word */
};

/* Longer words before their prefixes: 人分 before 人. */
static const struct unit UNITS[] = {
	{"アカウント", "アカウント", 0, NULL},
	{"ファイル", "ファイル", 0, NULL},
	{"レコード", "レコード", 0, NULL},
	{"ユーザー", "ユーザー", 0, NULL},
	{"アドレス", "アドレス", 0, NULL},
	{"人分", "人分", 0, NULL},
	{"件分", "件分", 0, NULL},
	{"名分", "名分", 0, NULL},
	{"名様", "名", 0, NULL},
	{"日分", "日分", DAYS, NULL},
	{"日間", "日間", DAYS, NULL},
	{"回線", "回線", 0, NULL},
	{"世帯", "世帯", 0, NULL},
	{"店舗", "店舗", 0, NULL},
	{"団体", "団体", 0, NULL},
	{"法人", "法人", 0, NULL},
	{"施設", "施設", 0, NULL},
	{"機関", "機関", 0, NULL},
	{"事業者", "事業者", 0, NULL},
	{"自治体", "自治体", 0, NULL},
	{"口座", "口座", 0, NULL},
	{"箇所", "箇所", 0, NULL},
	{"カ所", "カ所", 0, NULL},
	{"か所", "か所", 0, NULL},
	{"ヶ所", "ヶ所", 0, NULL},
	{"件", "件", 0, "名"},
	{"名", "名", 0, "簿義称前字"},
	{"人", "人", 0, "物"},
	{"社", "社", 0, "員長名"},
	{"通", "通", 0, "り知信常話算過行"},
	{"個", "個", 0, "人別"},
	{"台", "台", 0, "帳湾風"},
	{"枚", "枚", 0, NULL},
	{"回", "回", 0, "答収避復転"},
	{"校", "校", 0, NULL},
	{"点", "点", 0, NULL},
	{"組", "組", 0, "織"},
	{"冊", "冊", 0, NULL},
	{"ID", "ID", 0, NULL},
	{"日", "日", DAYS | NEEDS_QUAL, "本付時後前"},
};

static int
is_alpha(char ch)
{
	return (ch | 0x20) >= 'a' && (ch | 0x20) <= 'z';
}

/* Length of the UTF-8 character at s[i], within n. */
static size_t
char_len(const char *s, size_t n, size_t i)
{
	unsigned char b = (unsigned char)s[i];
	size_t k = b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;

	return k < n - i ? k : n - i;
}

/* Is the character at s[i] one of list's?  (A short loop: memmem's set-up
 * costs more than these lists of a few characters.) */
static int
char_in(const char *s, size_t n, size_t i, const char *list)
{
	size_t k, j;

	if (list == NULL || i >= n)
		return 0;
	k = char_len(s, n, i);
	for (j = 0; list[j] != '\0'; j++)
		/* A whole character's bytes match only at a character of list. */
		if (list[j] == s[i] && strncmp(list + j, s + i, k) == 0)
			return 1;
	return 0;
}

/* Is the character before s[i] (and before blanks, if skip) one of list's? */
static int
before_in(const char *s, size_t i, int skip, const char *list)
{
	size_t j;

	while (skip && i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t'))
		i--;
	if (i == 0)
		return 0;
	for (j = i - 1; j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80; j--)
		;
	return char_in(s, i, j, list);
}

/* Multiplies by 10^k. */
static int
dec_scale(struct dec *d, int k)
{
	for (; k > 0 && d->e < 0; k--)
		d->e++;
	for (; k > 0; k--) {
		if (d->m > DEC_MAX / 10)
			return 0;
		d->m *= 10;
	}
	return 1;
}

static int
dec_add(struct dec *a, struct dec b)
{
	for (; a->e > b.e; a->e--) {
		if (a->m > DEC_MAX / 10)
			return 0;
		a->m *= 10;
	}
	for (; b.e > a->e; b.e--) {
		if (b.m > DEC_MAX / 10)
			return 0;
		b.m *= 10;
	}
	if (a->m > DEC_MAX - b.m)
		return 0;
	a->m += b.m;
	return 1;
}

/* Is d below 10^k? */
static int
dec_below(struct dec d, int k)
{
	uint64_t p = 1;

	for (k -= d.e; k > 0; k--) {
		if (p > DEC_MAX / 10)
			return 1;
		p *= 10;
	}
	return d.m < p;
}

static double
dec_value(struct dec d)
{
	double p = 1;
	int e;

	/* Both exact, so the quotient is the double nearest the decimal. */
	for (e = d.e; e < 0; e++)
		p *= 10;
	return (double)d.m / p;
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
static int
accumulate(const char *s, size_t n, struct dec *d)
{
	int frac = 0;
	size_t i;

	d->m = 0;
	d->e = 0;
	for (i = 0; i < n; i++) {
		frac |= s[i] == '.';
		if (!ir_is_digit(s[i]))
			continue;
		if (d->m > (DEC_MAX - 9) / 10)
			return 0;
		d->m = d->m * 10 + (uint64_t)(s[i] - '0');
		d->e -= frac;
	}
	return 1;
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
	if (!accumulate(c->s + c->i, i - c->i, d))
		return 0;
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
	struct ir_cur t = *c;
	int v, k = 0;

	d->m = 0;
	d->e = 0;
	for (; (v = kanji_digit(&t)) >= 0; k++) {
		if (d->m > (DEC_MAX - 9) / 10)
			return 0;
		d->m = d->m * 10 + (uint64_t)v;
	}
	*c = t;
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
term(struct ir_cur *c, int last, struct dec *v)
{
	struct ir_cur t = *c;
	int have = ascii_number(&t, v) || kanji_digits(&t, v), u;
	struct ir_cur bare = t;

	u = power(&t, SMALL_UNITS, NELEM(SMALL_UNITS), last);
	if (u > 0 && (!have || (v->e == 0 && v->m >= 1 && v->m <= 9))) {
		if (!have)
			*v = (struct dec){1, 0};
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
section(struct ir_cur *c, struct dec *sum)
{
	struct ir_cur t;
	struct dec v;
	int last = 4, u, any = 0;

	*sum = (struct dec){0, 0};
	for (;;) {
		t = *c;
		if ((u = term(&t, last, &v)) < 0)
			break;
		/* After 千 only 百, 十 or a figure below 千. */
		if (any && u == 0 && !dec_below(v, last))
			break;
		if (!dec_add(sum, v))
			break;
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

size_t
ir_num_parse(const char *s, size_t n, double *v)
{
	struct ir_cur c = {s, 0, n}, t;
	struct dec total = {0, 0}, sec;
	int last = 16, big, any = 0;

	for (;;) {
		t = c;
		if (!section(&t, &sec))
			break;
		big = big_unit(&t, last);
		/* 1億8990万: each part below the unit before it. */
		if (!dec_scale(&sec, big) || (any && !dec_below(sec, last)) ||
		    !dec_add(&total, sec))
			break;
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

/* 最大, 約, 合計約…: the qualifier, consumed with the blanks after it. */
static enum ir_qual
prefix(struct ir_cur *c)
{
	enum ir_qual q = IR_QUAL_NONE;
	size_t k;
	int words;

	for (words = 0; words < 2; words++) {
		for (k = 0; k < NELEM(BEFORE) && !ir_cur_word(c, BEFORE[k].w); k++)
			;
		if (k == NELEM(BEFORE))
			break;
		/* Among these, a larger value is the stronger: MAX > ABOUT > NONE. */
		if (BEFORE[k].q > q)
			q = BEFORE[k].q;
		ir_cur_blanks(c);
	}
	return q;
}

static enum ir_qual
suffix(struct ir_cur *c)
{
	struct ir_cur t = *c;
	size_t k;

	ir_cur_blanks(&t);
	for (k = 0; k < NELEM(AFTER); k++) {
		if (ir_cur_word(&t, AFTER[k].w)) {
			*c = t;
			return AFTER[k].q;
		}
	}
	return IR_QUAL_NONE;
}

static const struct unit *
unit(struct ir_cur *c)
{
	size_t k;

	for (k = 0; k < NELEM(UNITS); k++) {
		struct ir_cur t = *c;

		if (!ir_cur_word(&t, UNITS[k].w))
			continue;
		/* "ID" must end there, not go on as "IDs". */
		if (is_alpha(UNITS[k].w[0]) && t.i < t.n &&
		    (is_alpha(t.s[t.i]) || ir_is_digit(t.s[t.i])))
			continue;
		*c = t;
		return &UNITS[k];
	}
	return NULL;
}

/* May the number of a count start at s[i], given what comes before it? */
static int
boundary(const char *s, size_t i)
{
	char p, pp;

	if (i == 0)
		return 1;
	p = s[i - 1];
	pp = i >= 2 ? s[i - 2] : ' ';
	if (is_alpha(p) || ir_is_digit(p) || ir_in_set(p, "-_/#@+=&$\\^|"))
		return 0;
	if ((ir_in_set(p, ",.") && ir_is_digit(pp)) || (ir_in_set(p, ":.") && is_alpha(pp)))
		return 0;
	return !before_in(s, i, 0, "〒") && !before_in(s, i, 0, KANJI_NUMERALS);
}

/* 数十名, 数百件, 何万人: no number, though one is written.  件数 is not. */
static int
vague(const char *s, size_t i)
{
	if (!before_in(s, i, 0, "数何幾"))
		return 0;
	return !before_in(s, i, 0, "数") || i < 3 ||
	       !before_in(s, i - 3, 0, "件人総回台個社通枚点口帯者名");
}

/* Is the number s[i..i+k) one that a count may have? */
static int
countable(const char *s, size_t i, size_t k)
{
	if (vague(s, i) || before_in(s, i, 1, "第"))
		return 0;
	/* 一 alone is an idiom far more often than a count: 一部, 一日も早く. */
	return !(k == 3 && memcmp(s + i, "一", 3) == 0);
}

/* Days are dates after 月 and places after kanji: 7月13日, 四日市. */
static int
unit_fits(const char *s, size_t i, const struct unit *u)
{
	if (!(u->flags & DAYS))
		return 1;
	return ir_is_digit(s[i]) && !before_in(s, i, 1, "月");
}

/*
 * Does the unit go on as another word?  1件目 and 2回目 are ordinals, 3通り
 * and 5個人 other words, and "1 件 名" a spaced-out 件名 (a subject line).
 */
static int
other_word(struct ir_cur c, const struct unit *u)
{
	struct ir_cur t = c;

	ir_cur_blanks(&t);
	return ir_cur_word(&c, "目") || char_in(t.s, t.n, t.i, u->not_before);
}

static enum ir_qual
qualify(enum ir_qual before, int surplus, enum ir_qual after)
{
	if (before == IR_QUAL_MAX)
		return before;
	if (after != IR_QUAL_NONE)
		return after;
	return surplus ? IR_QUAL_OVER : before;
}

/* Where the next digit or kanji numeral at or after i starts, or n. */
static size_t
next_numeral(const char *s, size_t n, size_t i)
{
	const unsigned char *p = (const unsigned char *)s;

	while (i < n) {
		if (p[i] < 0x80) {
			if (ir_is_digit(s[i]))
				return i;
			i++;
		} else if ((p[i] & 0xF0) == 0xE0 && i + 2 < n) {
			if (ir_cpset_has(&numerals, ir_utf8_cp3(p + i)))
				return i;
			i += 3;
		} else {
			i++;
		}
	}
	return n;
}

/*
 * Where a count whose number starts at i may start: before the qualifiers
 * (BEFORE, up to two, with blanks) that end right before it, but not
 * before from.
 */
static size_t
qualified_start(const char *s, size_t from, size_t i)
{
	int words;

	for (words = 0; words < 2; words++) {
		size_t j = i, k, len = 0;

		while (j > from && (s[j - 1] == ' ' || s[j - 1] == '\t'))
			j--;
		for (k = 0; k < NELEM(BEFORE); k++) {
			len = BEFORE[k].len;
			if (j - from >= len && s[j - 1] == BEFORE[k].w[len - 1] &&
			    memcmp(s + j - len, BEFORE[k].w, len) == 0)
				break;
		}
		if (k == NELEM(BEFORE))
			break;
		i = j - len;
	}
	return i;
}

/* The count starting at s[i] into *out: its length, or 0. */
static size_t
count_at(const char *s, size_t n, size_t i, struct ir_count *out)
{
	struct ir_cur c = {s, i, n};
	enum ir_qual before = prefix(&c), after, q;
	const struct unit *u;
	size_t num = c.i, k;
	double v;
	int surplus;

	/* Most numbers have no unit: that test first, the others after. */
	if ((k = ir_num_parse(s + num, n - num, &v)) == 0)
		return 0;
	c.i += k;
	ir_cur_blanks(&c);
	surplus = ir_cur_word(&c, "余");
	if ((u = unit(&c)) == NULL || (num == i && !boundary(s, i)) || !countable(s, num, k) ||
	    !unit_fits(s, num, u))
		return 0;
	if ((after = suffix(&c)) == IR_QUAL_NONE && other_word(c, u))
		return 0;
	q = qualify(before, surplus, after);
	if ((u->flags & NEEDS_QUAL) && q == IR_QUAL_NONE)
		return 0;
	out->n = v;
	strcpy(out->unit, u->name);
	out->qual = q;
	out->off = i;
	out->len = c.i - i;
	return out->len;
}

size_t
ir_count_scan(const char *s, size_t n, int (*fn)(const struct ir_count *c, void *ctx), void *ctx)
{
	struct ir_count c;
	size_t i = 0, found = 0, from = 0;

	/* Counts are found by their numbers; qualifiers are looked for behind. */
	while ((i = next_numeral(s, n, i)) < n) {
		size_t start;

		/* Inside a number no count starts (see boundary), and most
		 * numerals are there: skip them before the costlier tests. */
		if (i > 0 && ir_is_digit(s[i - 1]) && ir_is_digit(s[i])) {
			i++;
			continue;
		}
		start = qualified_start(s, from, i);

		if ((start == i || count_at(s, n, start, &c) == 0) && count_at(s, n, i, &c) == 0) {
			i += char_len(s, n, i);
			continue;
		}
		found++;
		if (fn != NULL && fn(&c, ctx) != 0)
			break;
		i = from = c.off + c.len;
	}
	return found;
}

const char *
ir_qual_name(enum ir_qual q)
{
	switch (q) {
	case IR_QUAL_ABOUT:
		return "about";
	case IR_QUAL_MAX:
		return "max";
	case IR_QUAL_OVER:
		return "over";
	case IR_QUAL_UNDER:
		return "under";
	default:
		return NULL;
	}
}

void
ir_count_prepare(void)
{
	ir_cpset_build(&numerals);
}
