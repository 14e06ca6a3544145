#include <string.h>

#include "base/cpset.h"
#include "base/err.h"
#include "base/utf8.h"
#include "ja/calendar.h"
#include "ja/cursor.h"
#include "ja/date.h"
#include "ja/numeral.h"

static int
is_alnum(char ch)
{
	return ir_is_digit(ch) || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z');
}

/* Consumes one of the ASCII characters of set and returns it, or 0. */
static char
one_of(struct ir_cur *c, const char *set)
{
	char ch;

	if (c->i >= c->n || !ir_in_set(ch = c->s[c->i], set))
		return 0;
	c->i++;
	return ch;
}

/* A run of min..max ASCII digits that no other digit follows, or -1 (inline: read at every date's start). */
static inline int
number(struct ir_cur *c, size_t min, size_t max)
{
	int v = -1;
	size_t k = ir_numeral_digits(c->s + c->i, c->n - c->i, max, &v);

	if (k < min)
		return -1;
	c->i += k;
	return v;
}

/* 1 to 99 in kanji: 五, 十, 十二, 二十, 三十一. */
static int
kanji_number(struct ir_cur *c)
{
	int v = -1;

	c->i += ir_numeral_kanji(c->s + c->i, c->n - c->i, 99, &v);
	return v;
}

/* A month or a day: one or two ASCII digits, or kanji. */
static int
small(struct ir_cur *c)
{
	int v = number(c, 1, 2);

	return v >= 0 ? v : kanji_number(c);
}

/* 令和5, 平成元, 昭和 64: the Gregorian year, or -1. */
static int
era_year(struct ir_cur *c, const struct ir_era **e)
{
	struct ir_cur t = *c;
	size_t k;
	int y;

	for (k = 0; k < ir_neras && !ir_cur_word(&t, ir_eras[k].name); k++)
		;
	if (k == ir_neras)
		return -1;
	ir_cur_blanks(&t);
	if (ir_cur_word(&t, "元"))
		y = 1;
	else if ((y = small(&t)) < 1)
		return -1;
	*e = &ir_eras[k];
	*c = t;
	return ir_era_year(&ir_eras[k], y);
}

/* "2023年", "令和元年": the year, or -1; *e is its era or NULL. */
static int
year(struct ir_cur *c, const struct ir_era **e)
{
	struct ir_cur t = *c;
	int y;

	*e = NULL;
	if ((y = number(&t, 4, 4)) < 0 && (y = era_year(&t, e)) < 0)
		return -1;
	ir_cur_blanks(&t);
	if (!ir_cur_word(&t, "年"))
		return -1;
	*c = t;
	return y;
}

/* "8月23日", "十二月一日" (y is left alone). */
static int
month_day(struct ir_cur *c, struct ir_date *d)
{
	struct ir_cur t = *c;

	if ((d->m = small(&t)) < 0)
		return 0;
	ir_cur_blanks(&t);
	if (!ir_cur_word(&t, "月"))
		return 0;
	ir_cur_blanks(&t);
	if ((d->d = small(&t)) < 0)
		return 0;
	ir_cur_blanks(&t);
	if (!ir_cur_word(&t, "日"))
		return 0;
	*c = t;
	return 1;
}

/* Notes in d the era it was written in (e, maybe NULL) when e does not hold it. */
static void
note_era(const struct ir_era *e, struct ir_date *d)
{
	d->outside_era = e != NULL && ir_era_holds(e, d->y, d->m, d->d) != 0 ? e : NULL;
}

/* "/1/19" after a year: month and day, the same separator twice. */
static int
sep_month_day(struct ir_cur *c, const char *seps, struct ir_date *d)
{
	char sep;

	ir_cur_blanks(c);
	if ((sep = one_of(c, seps)) == 0)
		return 0;
	ir_cur_blanks(c);
	if ((d->m = number(c, 1, 2)) < 0)
		return 0;
	ir_cur_blanks(c);
	if (c->i >= c->n || c->s[c->i++] != sep)
		return 0;
	ir_cur_blanks(c);
	if ((d->d = number(c, 1, 2)) < 0)
		return 0;
	/* "2024.1.19.2" is a version number. */
	return !(c->i + 1 < c->n && c->s[c->i] == sep && ir_is_digit(c->s[c->i + 1]));
}

/* 月火水木金土日 with 曜 or 曜日, and 祝 and 休, which 日 may follow. */
static int
day_name(struct ir_cur *c)
{
	static const char *const names[] = {"月", "火", "水", "木", "金", "土", "日", "祝", "休"};
	size_t k;

	for (k = 0; k < sizeof names / sizeof *names; k++) {
		if (ir_cur_word(c, names[k])) {
			if (!ir_cur_word(c, "曜日"))
				ir_cur_word(c, "曜");
			return 1;
		}
	}
	return 0;
}

/* "(水)", " (水曜日)", "(火・祝)", "(土日祝)": where it ends, or 0. */
static size_t
weekday(struct ir_cur c)
{
	int k;

	ir_cur_blanks(&c);
	if (!ir_cur_word(&c, "("))
		return 0;
	ir_cur_blanks(&c);
	for (k = 0; k < 4 && day_name(&c); k++) {
		ir_cur_blanks(&c);
		if (!ir_cur_word(&c, "・") && !ir_cur_word(&c, "、"))
			one_of(&c, ",/");
		ir_cur_blanks(&c);
	}
	return k > 0 && ir_cur_word(&c, ")") ? c.i : 0;
}

/*
 * The forms of a date, each returning where the date (without weekday)
 * ends, or 0.
 */
static size_t
kanji_date(struct ir_cur c, struct ir_date *d)
{
	const struct ir_era *e;
	int y;

	if ((y = year(&c, &e)) < 0)
		return 0;
	ir_cur_blanks(&c);
	if (!month_day(&c, d))
		return 0;
	d->y = y;
	note_era(e, d);
	return c.i;
}

static size_t
numeric_date(struct ir_cur c, struct ir_date *d)
{
	if ((d->y = number(&c, 4, 4)) < 0 || !sep_month_day(&c, "/-.", d))
		return 0;
	return c.i;
}

static size_t
short_era_date(struct ir_cur c, struct ir_date *d)
{
	size_t k;
	int y;

	for (k = 0; k < ir_neras && (ir_eras[k].letter == 0 || c.i >= c.n ||
				     c.s[c.i] != ir_eras[k].letter); k++)
		;
	if (k == ir_neras)
		return 0;
	c.i++;
	if ((y = number(&c, 1, 2)) < 1 || !sep_month_day(&c, "./", d))
		return 0;
	d->y = ir_era_year(&ir_eras[k], y);
	note_era(&ir_eras[k], d);
	return c.i;
}

static size_t
yearless_date(struct ir_cur c, struct ir_date *d)
{
	d->y = 0;
	return month_day(&c, d) ? c.i : 0;
}

static size_t
slash_date(struct ir_cur c, struct ir_date *d)
{
	d->y = 0;
	if ((d->m = number(&c, 1, 2)) < 0 || !ir_cur_word(&c, "/") || (d->d = number(&c, 1, 2)) < 0)
		return 0;
	/* Only a weekday tells 7/18 from a fraction. */
	return weekday(c) ? c.i : 0;
}

static size_t (*const FORMS[])(struct ir_cur, struct ir_date *) = {
	kanji_date, numeric_date, short_era_date, yearless_date, slash_date,
};

size_t
ir_date_parse(const char *s, size_t n, struct ir_date *d)
{
	struct ir_cur c = {s, 0, n};
	struct ir_date t;
	size_t k, f, w;

	for (f = 0; f < sizeof FORMS / sizeof *FORMS; f++) {
		t.outside_era = NULL;
		if ((k = FORMS[f](c, &t)) == 0 || !ir_date_valid(t))
			continue;
		c.i = k;
		w = weekday(c);
		*d = t;
		return w ? w : k;
	}
	return 0;
}

/* Does a day ("23日") follow, making what went before a date? */
static int
day_follows(struct ir_cur c)
{
	ir_cur_blanks(&c);
	if (small(&c) < 0)
		return 0;
	ir_cur_blanks(&c);
	return ir_cur_word(&c, "日");
}

size_t
ir_month_parse(const char *s, size_t n, struct ir_date *d)
{
	struct ir_cur c = {s, 0, n};
	struct ir_date t;
	const struct ir_era *e;

	if ((t.y = year(&c, &e)) < 0)
		return 0;
	ir_cur_blanks(&c);
	if ((t.m = small(&c)) < 1 || t.m > 12)
		return 0;
	ir_cur_blanks(&c);
	if (!ir_cur_word(&c, "月") || day_follows(c))
		return 0;
	/* A month is in its era when one of its days is. */
	t.d = ir_month_days(t.y, t.m);
	if (!ir_date_valid(t))
		return 0;
	note_era(e, &t);
	if (t.outside_era != NULL && ir_era_holds(e, t.y, t.m, 1) == 0)
		t.outside_era = NULL;
	t.d = 0;
	*d = t;
	return c.i;
}

/* A kanji digit or 十: a character a kanji month or day begins with. */
static int
kanji_lead(uint32_t cp)
{
	long long v = ir_kanji_numeral(cp);

	return v >= 0 && v <= 10;
}

/* Does s[i] go on a kanji numeral that started earlier? */
static int
after_kanji_numeral(const char *s, size_t i)
{
	const unsigned char *p = (const unsigned char *)s;

	return i >= 3 && (p[i - 3] & 0xF0) == 0xE0 && kanji_lead(ir_utf8_cp3(p + i - 3));
}

/* The first characters of the eras' names, gathered at start-up: date_lead is asked of every character. */
static uint32_t era_firsts[16];
static size_t nera_firsts;

/* The characters a date begins with: a digit, R H S (R5.4.1), an era's, a kanji numeral. */
static int
date_lead(uint32_t cp)
{
	size_t k;

	if ((cp >= '0' && cp <= '9') || cp == 'R' || cp == 'H' || cp == 'S')
		return 1;
	for (k = 0; k < nera_firsts; k++)
		if (era_firsts[k] == cp)
			return 1;
	return kanji_lead(cp);
}

static struct ir_cpset date_leads = IR_CPSET_WHERE(date_lead);

/* May the date whose first character (one of date_leads) is s[i] start there? */
static int
may_start(const char *s, size_t i)
{
	char p;

	if (i == 0)
		return 1;
	p = s[i - 1];
	if (is_alnum(s[i]))
		/* Not inside a number, a version or an identifier. */
		return !is_alnum(p) &&
		       !(i >= 2 && ir_in_set(p, "./-:") && ir_is_digit(s[i - 2]));
	return !after_kanji_numeral(s, i);
}

/* Is a year (one that did not parse) written right before s[i]? */
static int
after_year(const char *s, size_t i)
{
	while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t'))
		i--;
	return i >= 3 && memcmp(s + i - 3, "年", 3) == 0;
}

/* Is a date at s[i] (a date's first character), and not right after a year?  Its length, or 0. */
static size_t
date_at(const char *s, size_t n, size_t i, struct ir_date *d)
{
	struct ir_date t;
	size_t k;

	if (!may_start(s, i) || (k = ir_date_parse(s + i, n - i, &t)) == 0 || (t.y == 0 && after_year(s, i)))
		return 0;
	*d = t;
	return k;
}

size_t
ir_date_find(const char *s, size_t n, struct ir_date *d, size_t *len)
{
	size_t i, k;

	/* By whole characters: s is valid UTF-8, and most of it kana and kanji. */
	for (i = 0; (i = ir_cpset_next(&date_leads, s, n, i)) < n;
	     i += (unsigned char)s[i] >= 0xE0 && (unsigned char)s[i] < 0xF0 ? 3 : 1)
		if ((k = date_at(s, n, i, d)) > 0) {
			*len = k;
			return i;
		}
	return (size_t)-1;
}

size_t
ir_date_find_marked(const char *s, size_t n, size_t from, const struct ir_cpmarks *marks, size_t *k,
		    struct ir_date *d, size_t *len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t found;

	for (; *k < marks->n; ++*k) {
		size_t at = marks->at[*k];

		if (at < from || (p[at] < 0x80 ? !ir_cpset_has(&date_leads, p[at]) :
				  at + 3 > n || !ir_cpset_has3(&date_leads, p + at)))
			continue;
		/* The text starts at from, as ir_date_find's would. */
		if ((found = date_at(s + from, n - from, at - from, d)) > 0) {
			*len = found;
			return at;
		}
	}
	return (size_t)-1;
}

int
ir_date_may_begin(uint32_t cp)
{
	return ir_cpset_has(&date_leads, cp);
}

/* Skips a time of day after a date: " 10時30分", " 9:00", "午後3時頃". */
static void
clock_time(struct ir_cur *c)
{
	struct ir_cur t = *c, u;

	ir_cur_blanks(&t);
	if (!ir_cur_word(&t, "午前"))
		ir_cur_word(&t, "午後");
	ir_cur_blanks(&t);
	if (number(&t, 1, 2) < 0)
		return;
	if (ir_cur_word(&t, ":")) {
		if (number(&t, 2, 2) < 0)
			return;
		u = t;
		if (ir_cur_word(&u, ":") && number(&u, 2, 2) >= 0)
			t = u;
	} else if (ir_cur_word(&t, "時")) {
		u = t;
		if (number(&u, 1, 2) >= 0 && ir_cur_word(&u, "分"))
			t = u;
		else
			ir_cur_word(&t, "半");
	} else {
		return;
	}
	if (!ir_cur_word(&t, "頃"))
		ir_cur_word(&t, "ごろ");
	*c = t;
}

/* What the end of a range took from its start. */
enum inherit { OWN, YEAR, MONTH };

/* "同年8月2日", "同月7日": the same year (and month) said outright. */
static int
range_end_same(struct ir_cur *c, struct ir_date a, struct ir_date *b, enum inherit *how)
{
	if (ir_cur_word(c, "同年")) {
		ir_cur_blanks(c);
		if (!month_day(c, b))
			return 0;
		b->y = a.y;
		*how = OWN;
		return 1;
	}
	if (!ir_cur_word(c, "同月"))
		return 0;
	ir_cur_blanks(c);
	if ((b->d = small(c)) < 0)
		return 0;
	ir_cur_blanks(c);
	b->y = a.y;
	b->m = a.m;
	*how = MONTH;
	return ir_cur_word(c, "日");
}

/* "1/19" or "19日" after a range marker: no weekday is needed here. */
static int
range_end_short(struct ir_cur *c, struct ir_date a, struct ir_date *b, enum inherit *how)
{
	struct ir_cur t = *c;

	b->y = a.y;
	if ((b->m = number(&t, 1, 2)) >= 0 && ir_cur_word(&t, "/") && (b->d = number(&t, 1, 2)) >= 0) {
		*how = YEAR;
		*c = t;
		return 1;
	}
	t = *c;
	b->m = a.m;
	if ((b->d = small(&t)) < 0)
		return 0;
	ir_cur_blanks(&t);
	if (!ir_cur_word(&t, "日"))
		return 0;
	*how = MONTH;
	*c = t;
	return 1;
}

static int
range_end(struct ir_cur *c, struct ir_date a, struct ir_date *b, enum inherit *how)
{
	struct ir_cur t = *c;
	size_t k, w;

	if ((k = ir_date_parse(c->s + c->i, c->n - c->i, b)) > 0) {
		c->i += k;
		*how = b->y != 0 ? OWN : YEAR;
		if (b->y == 0)
			b->y = a.y;
		return 1;
	}
	if (!range_end_same(&t, a, b, how) && !range_end_short(&t, a, b, how))
		return 0;
	*c = t;
	if ((w = weekday(t)) > 0)
		c->i = w;
	return 1;
}

static long
order(struct ir_date d)
{
	return (long)d.y * 10000 + d.m * 100 + d.d;
}

/* Puts b after a, a year later if its year was a's; 0 if it cannot be. */
static int
range_order(struct ir_date a, struct ir_date *b, enum inherit how)
{
	if (order(*b) >= order(a))
		return ir_date_valid(*b);
	/*
	 * An end before its start crosses into the next year only from an
	 * earlier month (12月28日~1月5日); "1月28日~1月5日" is a slip, not
	 * a year and a week.
	 */
	if (how != YEAR || b->m >= a.m)
		return 0;
	if (a.y != 0)
		b->y++;
	/* 2月29日 need not exist the next year. */
	return ir_date_valid(*b);
}

/* A start without year takes the end's: "12月28日~2024年1月5日" began in 2023. */
static int
start_year(struct ir_date *a, struct ir_date b)
{
	if (a->y != 0 || b.y == 0)
		return 1;
	a->y = b.y;
	if (order(*a) > order(b))
		a->y--;
	return ir_date_valid(*a);
}

size_t
ir_date_range_parse(const char *s, size_t n, struct ir_date *from, struct ir_date *to)
{
	struct ir_cur c = {s, 0, n};
	struct ir_date a, b = {0, 0, 0, NULL};
	enum inherit how;
	size_t end;

	if ((c.i = ir_date_parse(s, n, &a)) == 0)
		return 0;
	clock_time(&c);
	ir_cur_blanks(&c);
	if (!ir_cur_word(&c, "~") && !ir_cur_word(&c, "から") && !ir_cur_word(&c, "-"))
		return 0;
	ir_cur_blanks(&c);
	if (!range_end(&c, a, &b, &how) || !range_order(a, &b, how) || !start_year(&a, b))
		return 0;
	clock_time(&c);
	end = c.i;
	ir_cur_blanks(&c);
	if (ir_cur_word(&c, "まで"))
		end = c.i;
	*from = a;
	*to = b;
	return end;
}

int
ir_date_valid(struct ir_date d)
{
	if (d.y != 0 && (d.y < 1900 || d.y > 2100))
		return 0;
	/* Year 0 counts as a leap year: 2月29日 without year may be real. */
	return d.m >= 1 && d.m <= 12 && d.d >= 1 && d.d <= ir_month_days(d.y, d.m);
}

long
ir_date_days(struct ir_date d)
{
	return ir_days_from_civil(d.y, d.m, d.d);
}

static void
put_digits(char *p, unsigned v, int width)
{
	while (width-- > 0) {
		p[width] = (char)('0' + v % 10);
		v /= 10;
	}
}

void
ir_date_iso(struct ir_date d, char out[11])
{
	if (d.y == 0) {
		memcpy(out, "--", 2);
		out += 2;
	} else {
		put_digits(out, (unsigned)d.y, 4);
		out[4] = '-';
		out += 5;
	}
	put_digits(out, (unsigned)d.m, 2);
	out[2] = '-';
	put_digits(out + 3, (unsigned)d.d, 2);
	out[5] = '\0';
}

void
ir_date_prepare(void)
{
	if (date_leads.ready)
		return;
	if (ir_neras > sizeof era_firsts / sizeof *era_firsts)
		ir_die(IR_EXIT_FAIL, NULL, 0, "bug: more eras than date_lead holds");
	for (nera_firsts = 0; nera_firsts < ir_neras; nera_firsts++)
		era_firsts[nera_firsts] = ir_utf8_cp3((const unsigned char *)ir_eras[nera_firsts].name);
	ir_cpset_build(&date_leads);
}
