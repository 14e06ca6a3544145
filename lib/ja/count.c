#include <stdint.h>
#include <string.h>

#include "base/cpset.h"
#include "base/err.h"
#include "base/utf8.h"
#include "ja/count.h"
#include "ja/cursor.h"
#include "ja/numeral.h"

static struct ir_cpset numerals = IR_CPSET_WHERE(ir_numeral_starts);

#define NELEM(a) (sizeof(a) / sizeof *(a))

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

/* The first characters of the units, gathered from UNITS at start-up. */
static char unit_firsts[NELEM(UNITS) * 4 + 1];
static struct ir_cpset unit_starts = IR_CPSET(unit_firsts);

static const struct unit *
unit(struct ir_cur *c)
{
	size_t k;
	int w;

	/* Most numbers have no unit after them (2023年, 10時): one test says so. */
	if (!ir_cpset_has(&unit_starts, ir_cur_peek(c, &w)) || w == 0)
		return NULL;
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

/* Is the character before s[i] a kanji numeral (all are three bytes long)? */
static int
after_kanji_numeral(const char *s, size_t i)
{
	const unsigned char *p = (const unsigned char *)s;

	return i >= 3 && (p[i - 3] & 0xF0) == 0xE0 && ir_kanji_numeral(ir_utf8_cp3(p + i - 3)) >= 0;
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
	return !before_in(s, i, 0, "〒") && !after_kanji_numeral(s, i);
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

/* Is a character a number begins with at s[i]?  No qualifier begins with one. */
static int
numeral_at(const char *s, size_t n, size_t i)
{
	const unsigned char *p = (const unsigned char *)s;

	if (i >= n)
		return 0;
	if (p[i] < 0x80)
		return ir_cpset_has(&numerals, p[i]);
	return (p[i] & 0xF0) == 0xE0 && n - i >= 3 && ir_cpset_has3(&numerals, p + i);
}

/* Where the places a number may begin come from: the scan's own pass, or marks found before. */
struct places {
	const struct ir_cpmarks *marks; /* NULL: the scan's own */
	size_t k;                       /* the first mark not passed yet */
};

/* Where the next digit or kanji numeral at or after i starts, or n. */
static size_t
next_numeral(const char *s, size_t n, size_t i, struct places *pl)
{
	const struct ir_cpmarks *m = pl->marks;

	if (m == NULL)
		return ir_cpset_next(&numerals, s, n, i);
	for (; pl->k < m->n; pl->k++)
		if (m->at[pl->k] >= i && numeral_at(s, n, m->at[pl->k]))
			return m->at[pl->k];
	return n;
}

/* The last bytes of the qualifiers (BEFORE), noted at start-up. */
static unsigned char qualifier_ends[256];

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
		/* Most numbers follow no qualifier: the last byte says so for most. */
		if (j == from || !qualifier_ends[(unsigned char)s[j - 1]])
			break;
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

/* The last run of what numbers are written with that unit_may_follow read, and its answer. */
struct run {
	size_t from, end;
	int unit;
};

/*
 * May a unit follow the number at s[i]?  A number is read from a run of
 * what numbers are written with (digits, kanji numerals, , . and
 * blanks), and neither a unit nor 余 begins with one of those: when none
 * stands right after the run, none follows the number.  Most numbers of a
 * notice (2023年, 一部, 10時) are turned away here, before they are read.
 * Every number inside the run last read has its answer: each run is read
 * once, however many numbers it holds.
 */
static int
unit_may_follow(const char *s, size_t n, size_t i, struct run *last)
{
	const unsigned char *p = (const unsigned char *)s;
	struct ir_cur c = {s, 0, n};
	uint32_t cp;
	int w;

	if (i >= last->from && i < last->end)
		return last->unit;
	last->from = i;
	while (i < n) {
		if (ir_is_digit(s[i]) || s[i] == ',' || s[i] == '.' || s[i] == ' ' || s[i] == '\t')
			i++;
		else if ((p[i] & 0xF0) == 0xE0 && n - i >= 3 && ir_kanji_numeral(ir_utf8_cp3(p + i)) >= 0)
			i += 3;
		else
			break;
	}
	c.i = last->end = i;
	cp = ir_cur_peek(&c, &w);
	last->unit = w > 0 && (cp == 0x4F59 || ir_cpset_has(&unit_starts, cp)); /* 余 */
	return last->unit;
}

/* The count starting at s[i] into *out: its length, or 0. */
static size_t
count_at(const char *s, size_t n, size_t i, struct run *run, struct ir_count *out)
{
	struct ir_cur c = {s, i, n};
	enum ir_qual before = numeral_at(s, n, i) ? IR_QUAL_NONE : prefix(&c), after, q;
	const struct unit *u;
	size_t num = c.i, k;
	struct ir_decimal v;
	int surplus;

	/* Most numbers have no unit: that test first, the others after. */
	if (!unit_may_follow(s, n, num, run) || (k = ir_numeral_parse(s + num, n - num, 0, &v)) == 0)
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
	out->n = ir_decimal_double(v);
	out->v = v;
	strcpy(out->unit, u->name);
	out->qual = q;
	out->off = i;
	out->len = c.i - i;
	return out->len;
}

size_t
ir_count_scan_marked(const char *s, size_t n, const struct ir_cpmarks *marks,
		     int (*fn)(const struct ir_count *c, void *ctx), void *ctx)
{
	struct ir_count c;
	struct run run = {0, 0, 0};
	struct places pl = {marks, 0};
	size_t i = 0, found = 0, from = 0;

	/* Counts are found by their numbers; qualifiers are looked for behind. */
	while ((i = next_numeral(s, n, i, &pl)) < n) {
		size_t start;

		/* Inside a number no count starts (see boundary), and most
		 * numerals are there: skip them before the costlier tests. */
		if (i > 0 && ir_is_digit(s[i - 1]) && ir_is_digit(s[i])) {
			i++;
			continue;
		}
		start = qualified_start(s, from, i);

		if ((start == i || count_at(s, n, start, &run, &c) == 0) && count_at(s, n, i, &run, &c) == 0) {
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

size_t
ir_count_scan(const char *s, size_t n, int (*fn)(const struct ir_count *c, void *ctx), void *ctx)
{
	return ir_count_scan_marked(s, n, NULL, fn, ctx);
}

int
ir_count_may_begin(uint32_t cp)
{
	return ir_cpset_has(&numerals, cp);
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
	size_t k, len = 0;

	for (k = 0; k < NELEM(UNITS) && !unit_starts.ready; k++) {
		size_t w = char_len(UNITS[k].w, strlen(UNITS[k].w), 0);

		/* unit_may_follow counts on it. */
		if (strchr("0123456789,. \t", UNITS[k].w[0]) != NULL ||
		    (w == 3 && ir_kanji_numeral(ir_utf8_cp3((const unsigned char *)UNITS[k].w)) >= 0))
			ir_die(IR_EXIT_FAIL, NULL, 0, "bug: the unit %s begins as a number does", UNITS[k].w);
		memcpy(unit_firsts + len, UNITS[k].w, w);
		len += w;
	}
	for (k = 0; k < NELEM(BEFORE); k++)
		qualifier_ends[(unsigned char)BEFORE[k].w[BEFORE[k].len - 1]] = 1;
	ir_cpset_build(&numerals);
	ir_cpset_build(&unit_starts);
}
