#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/span.h"
#include "base/utf8.h"
#include "ja/cursor.h"
#include "ja/lexicon.h"
#include "ja/notice.h"

const char *const ir_part_name[IR_NPARTS] = {
	"overview", "timeline", "cause", "data", "response", "prevention", "contact", "other",
};

int
ir_part_parse(const char *name, size_t n)
{
	int i;

	for (i = 0; i < IR_NPARTS; i++)
		if (strlen(ir_part_name[i]) == n && memcmp(ir_part_name[i], name, n) == 0)
			return i;
	return -1;
}

/*
 * The words of headings.  Each names a part, or says that a heading is
 * about data: a noun of data (情報 項目 データ アドレス) with a word of
 * what happened to it or of its extent (漏えい 対象 内容 範囲), or alone
 * ending the heading ("不正にダウンロードされた個人情報").  Such a heading
 * is the data part whatever else it names ("事案の概要と流出した情報"),
 * unless it is about the cause or prevention; one that names the contact
 * is the contact ("お詫びとお問い合わせ窓口").
 * Longer words win where they overlap: 今後の対応 is prevention, 対応
 * alone the response.
 */
enum { NOUN = 1 << 4, QUAL = 1 << 5, NOPART = 15 };
#define W(word, part, flags) {word, (part) | (flags)}

static const struct ir_lexword heading_words[] = {
	W("概要", IR_PART_OVERVIEW, 0), W("事案", IR_PART_OVERVIEW, 0),
	W("事象", IR_PART_OVERVIEW, 0), W("概況", IR_PART_OVERVIEW, 0),
	W("事実関係", IR_PART_OVERVIEW, 0), W("発生状況", IR_PART_OVERVIEW, QUAL),
	W("被害状況", IR_PART_OVERVIEW, QUAL), W("調査結果", IR_PART_OVERVIEW, 0),
	W("内容", IR_PART_OVERVIEW, QUAL), W("詳細", IR_PART_OVERVIEW, QUAL),
	W("経緯", IR_PART_TIMELINE, 0), W("経過", IR_PART_TIMELINE, 0),
	W("時系列", IR_PART_TIMELINE, 0), W("発覚", IR_PART_TIMELINE, 0),
	W("判明", IR_PART_TIMELINE, 0), W("日時", IR_PART_TIMELINE, 0),
	W("発生日", IR_PART_TIMELINE, 0),
	W("原因", IR_PART_CAUSE, 0), W("要因", IR_PART_CAUSE, 0), W("理由", IR_PART_CAUSE, 0),
	W("情報", NOPART, NOUN), W("項目", NOPART, NOUN), W("データ", NOPART, NOUN),
	W("件数", NOPART, QUAL), W("アドレス", NOPART, NOUN), W("対象", NOPART, NOUN | QUAL),
	W("漏えい", NOPART, QUAL), W("漏洩", NOPART, QUAL), W("漏れ", NOPART, QUAL),
	W("流出", NOPART, QUAL), W("持ち出", NOPART, QUAL), W("閲覧", NOPART, QUAL),
	W("影響", NOPART, QUAL), W("種類", NOPART, QUAL), W("範囲", NOPART, QUAL),
	W("可能性", NOPART, QUAL), W("おそれ", NOPART, QUAL), W("恐れ", NOPART, QUAL),
	W("状況", NOPART, QUAL), W("外部", NOPART, QUAL), W("該当", NOPART, QUAL),
	W("含まれ", NOPART, QUAL),
	W("対応", IR_PART_RESPONSE, 0), W("対策", IR_PART_RESPONSE, 0),
	W("措置", IR_PART_RESPONSE, 0), W("処置", IR_PART_RESPONSE, 0),
	W("報告", IR_PART_RESPONSE, 0), W("現状", IR_PART_RESPONSE, 0),
	W("現在の状況", IR_PART_RESPONSE, 0), W("復旧", IR_PART_RESPONSE, 0),
	W("再発防止", IR_PART_PREVENTION, 0), W("今後", IR_PART_PREVENTION, 0),
	W("今後の対応", IR_PART_PREVENTION, 0), W("今後の対策", IR_PART_PREVENTION, 0),
	W("改善策", IR_PART_PREVENTION, 0), W("防止策", IR_PART_PREVENTION, 0),
	W("予防", IR_PART_PREVENTION, 0),
	W("問い合わせ", IR_PART_CONTACT, 0), W("問合せ", IR_PART_CONTACT, 0),
	W("問合わせ", IR_PART_CONTACT, 0), W("窓口", IR_PART_CONTACT, 0),
	W("連絡先", IR_PART_CONTACT, 0), W("照会先", IR_PART_CONTACT, 0),
	W("お願い", IR_PART_OTHER, 0), W("注意", IR_PART_OTHER, 0), W("お詫び", IR_PART_OTHER, 0),
	W("コメント", IR_PART_OTHER, 0), W("処分", IR_PART_OTHER, 0), W("二次被害", IR_PART_OTHER, 0),
	W("業績", IR_PART_OTHER, 0), W("見解", IR_PART_OTHER, 0),
};
static struct ir_lexicon heading_lexicon = IR_LEXICON(heading_words);

/* Is s[0..n) nothing, or a few kana or 等 that close a phrase (について, 等)? */
static int
ends_phrase(const char *s, size_t n)
{
	size_t i = 0, k = 0;
	uint32_t cp;

	while (i < n && k <= 4) {
		int w = ir_utf8_next((const unsigned char *)s + i, n - i, &cp);

		if (w <= 0 || !((cp >= 0x3041 && cp <= 0x309F) || cp == 0x7B49 || cp == ' '))
			return 0;
		i += (size_t)w;
		k++;
	}
	return k <= 4;
}

/* The part a heading's words name, or -1. */
static int
part_named(const char *s, size_t n)
{
	size_t from = 0, off, len, noun_end = 0;
	int id, first = -1, flags = 0;

	while (ir_lexicon_next(&heading_lexicon, s, n, from, &off, &len, &id)) {
		flags |= id & (NOUN | QUAL);
		if (id & NOUN)
			noun_end = off + len;
		if ((id & 15) == IR_PART_CONTACT)
			return IR_PART_CONTACT;
		if (first < 0 && (id & 15) != NOPART)
			first = id & 15;
		from = off + len;
	}
	/* A noun alone must end the heading: "…された個人情報(について)", not "個人情報保護委員会". */
	if ((flags & NOUN) && ((flags & QUAL) || (first < 0 && ends_phrase(s + noun_end, n - noun_end))) &&
	    first != IR_PART_CAUSE && first != IR_PART_PREVENTION)
		return IR_PART_DATA;
	return first;
}

/* How a heading is marked.  Two headings of one style are of one level. */
enum style {
	S_NONE,
	S_BRACKET,  /* 【…】 */
	S_ANGLE,    /* <…> 〈…〉 《…》 ≪…≫ */
	S_SQUARE,   /* […] 〔…〕 */
	S_MARK,     /* ■ ● ◆ □ …, the mark kept in the style */
	S_DOT,      /* 1. */
	S_COMMA,    /* 1、 */
	S_RPAREN,   /* 1) */
	S_SPACE,    /* 1 経緯 */
	S_PAREN,    /* (1) */
	S_CIRCLED,  /* ① ❶ */
	S_DAI,      /* 第1 第二 */
	S_KANA,     /* ア イ ウ, then a blank, . or 、 */
	S_KANA_PAREN, /* (ア) */
	S_KANJI,    /* 一、 二. */
	S_ROMAN,    /* I. II. (Ⅰ and Ⅱ after NFKC) */
	S_SUB,      /* 1-1 1.2 */
	S_ALONE,    /* a short line of heading words alone */
	S_LABEL,    /* 原因: at the start of a line */
	S_END       /* the line after 以上 */
};

struct head {
	size_t line;               /* where its line starts */
	size_t head_off, head_len; /* the heading as written */
	unsigned style;            /* enum style, the mark's code point above */
	int num;                   /* its number in a numbered style, else 0 */
	size_t indent;             /* blanks before it */
	int part;                  /* the part its words name, or -1 */
	int plain;                 /* short, no digits: may open a part it does not name */
};

static int
is_mark(uint32_t cp)
{
	switch (cp) {
	case 0x25A0: case 0x25A1: case 0x25C6: case 0x25C7: case 0x25CF: case 0x25CB: case 0x25CE:
	case 0x25B2: case 0x25B3: case 0x25BC: case 0x25BD: case 0x2605: case 0x2606: case 0x25B6:
	case 0x25B7: case 0x25C9: case 0x25C8: case 0x2756: case 0x25BA: case 0x2666: case 0x27A4:
	case 0x3007:
		return 1;
	default:
		return 0;
	}
}

/* ① … ⑳, ❶ … ❿, ➀ … ➉, ➊ … ➓, ㉑ … ㉟: the number, or 0. */
static int
circled(uint32_t cp)
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

/* Reads ASCII digits (at most four); returns the number, or 0. */
static int
number(struct ir_cur *c)
{
	int v = 0, k = 0;

	while (c->i < c->n && c->s[c->i] >= '0' && c->s[c->i] <= '9' && k < 5) {
		v = v * 10 + (c->s[c->i++] - '0');
		k++;
	}
	return k > 0 && k <= 4 ? v : 0;
}

/* The value of a kanji digit 一 … 十, or 0. */
static int
kanji_digit(uint32_t cp)
{
	switch (cp) {
	case 0x4E00: return 1;
	case 0x4E8C: return 2;
	case 0x4E09: return 3;
	case 0x56DB: return 4;
	case 0x4E94: return 5;
	case 0x516D: return 6;
	case 0x4E03: return 7;
	case 0x516B: return 8;
	case 0x4E5D: return 9;
	case 0x5341: return 10;
	default: return 0;
	}
}

/* Reads a kanji numeral of one to twenty: 一 … 十, 十一 … 二十. */
static int
kanji_number(struct ir_cur *c)
{
	int v = 0, k, dv, w;

	for (k = 0; k < 3 && (dv = kanji_digit(ir_cur_peek(c, &w))) != 0; k++) {
		if (dv == 10)
			v = (v ? v : 1) * 10;
		else
			v += dv;
		c->i += (size_t)w;
	}
	return v <= 20 ? v : 0;
}

/* ア イ ウ … ト: the index from one, or 0. */
static int
kana_number(uint32_t cp)
{
	static const uint32_t kana[] = {
		0x30A2, 0x30A4, 0x30A6, 0x30A8, 0x30AA, 0x30AB, 0x30AD, 0x30AF, 0x30B1, 0x30B3,
		0x30B5, 0x30B7, 0x30B9, 0x30BB, 0x30BD, 0x30BF, 0x30C1, 0x30C4, 0x30C6, 0x30C8,
	};
	size_t i;

	for (i = 0; i < sizeof kana / sizeof *kana; i++)
		if (kana[i] == cp)
			return (int)i + 1;
	return 0;
}

static int
is_blank(uint32_t cp)
{
	return cp == ' ' || cp == '\t';
}

/* Consumes what may end a number marker: ". " "、" ")" or a blank. */
static enum style
after_number(struct ir_cur *c)
{
	int w;
	uint32_t cp = ir_cur_peek(c, &w);

	if (cp == '.' || cp == 0x3001 || cp == ')') {
		c->i += (size_t)w;
		if (cp == '.' && c->i < c->n && c->s[c->i] >= '0' && c->s[c->i] <= '9')
			return S_SUB;
		return cp == '.' ? S_DOT : cp == ')' ? S_RPAREN : S_COMMA;
	}
	if (cp == '-' && c->i + 1 < c->n && c->s[c->i + 1] >= '0' && c->s[c->i + 1] <= '9')
		return S_SUB;
	if (is_blank(cp))
		return S_SPACE;
	return S_NONE;
}

/* A closing bracket for an opening one at line start, or 0. */
static uint32_t
closer(uint32_t open, enum style *st)
{
	static const uint32_t pairs[][3] = {
		{0x3010, 0x3011, S_BRACKET}, {'<', '>', S_ANGLE}, {0x3008, 0x3009, S_ANGLE},
		{0x300A, 0x300B, S_ANGLE}, {0x226A, 0x226B, S_ANGLE}, {'[', ']', S_SQUARE},
		{0x3014, 0x3015, S_SQUARE},
	};
	size_t i;

	for (i = 0; i < sizeof pairs / sizeof *pairs; i++)
		if (pairs[i][0] == open) {
			*st = (enum style)pairs[i][2];
			return pairs[i][1];
		}
	return 0;
}

/*
 * Reads the marker a heading may open with; c is left after it and the
 * blanks that follow, *num holds its number.  A bracketed heading leaves
 * *in_end at its closing bracket.
 */
static unsigned
marker(struct ir_cur *c, int *num, size_t *in_end)
{
	struct ir_cur save = *c;
	enum style st = S_NONE;
	uint32_t cp, close;
	int w;

	*num = 0;
	*in_end = 0;
	cp = ir_cur_peek(c, &w);
	if (w <= 0)
		return S_NONE;
	if ((close = closer(cp, &st)) != 0) {
		size_t k;

		c->i += (size_t)w;
		for (k = c->i; k < c->n && k - c->i <= 120; k += (size_t)w) {
			uint32_t ch;

			w = ir_utf8_next((const unsigned char *)c->s + k, c->n - k, &ch);
			if (w <= 0)
				break;
			if (ch == close) {
				*in_end = k;
				return st;
			}
		}
		*c = save;
		return S_NONE;
	}
	if (is_mark(cp)) {
		c->i += (size_t)w;
		return S_MARK | cp << 8;
	}
	if ((*num = circled(cp)) != 0) {
		c->i += (size_t)w;
		return S_CIRCLED;
	}
	if (cp >= '0' && cp <= '9') {
		*num = number(c);
		st = *num ? after_number(c) : S_NONE;
	} else if (cp == '(') {
		c->i++;
		cp = ir_cur_peek(c, &w);
		if (cp >= '0' && cp <= '9') {
			*num = number(c);
			st = S_PAREN;
		} else if ((*num = kana_number(cp)) != 0 || (*num = kanji_number(c)) != 0) {
			if (kana_number(cp))
				c->i += (size_t)w;
			st = kana_number(cp) ? S_KANA_PAREN : S_PAREN;
		}
		if (st != S_NONE && !(c->i < c->n && c->s[c->i] == ')'))
			st = S_NONE;
		c->i++;
	} else if (cp == 0x7B2C) { /* 第 */
		c->i += (size_t)w;
		*num = c->i < c->n && c->s[c->i] >= '0' && c->s[c->i] <= '9' ? number(c) : kanji_number(c);
		cp = ir_cur_peek(c, &w);
		if (*num && (cp == 0x7AE0 || cp == 0x7BC0 || cp == 0x9805)) /* 章 節 項 */
			c->i += (size_t)w, cp = ir_cur_peek(c, &w);
		st = *num && (is_blank(cp) || cp == 0x3001 || cp == '.' || cp == ':') ? S_DAI : S_NONE;
		if (st != S_NONE && !is_blank(cp))
			c->i += (size_t)w;
	} else if ((*num = kana_number(cp)) != 0) {
		c->i += (size_t)w;
		cp = ir_cur_peek(c, &w);
		st = is_blank(cp) || cp == '.' || cp == 0x3001 || cp == ')' ? S_KANA : S_NONE;
		if (st != S_NONE && !is_blank(cp))
			c->i += (size_t)w;
	} else if ((*num = kanji_number(c)) != 0) {
		cp = ir_cur_peek(c, &w);
		st = is_blank(cp) || cp == '.' || cp == 0x3001 ? S_KANJI : S_NONE;
		if (st != S_NONE && !is_blank(cp))
			c->i += (size_t)w;
	} else if (cp == 'I' || cp == 'V' || cp == 'X') {
		static const char *const roman[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};
		size_t k = c->i, r;

		while (k < c->n && (c->s[k] == 'I' || c->s[k] == 'V' || c->s[k] == 'X'))
			k++;
		for (r = 0; r < 10; r++)
			if (strlen(roman[r]) == k - c->i && memcmp(roman[r], c->s + c->i, k - c->i) == 0)
				break;
		if (r < 10 && k < c->n && (c->s[k] == '.' || is_blank(c->s[k]))) {
			*num = (int)r + 1;
			c->i = k + (c->s[k] == '.');
			st = S_ROMAN;
		}
	}
	if (st == S_NONE) {
		*c = save;
		*num = 0;
	}
	return st;
}

/* Does the text read as a sentence rather than a heading: a full stop, or a polite predicate at its end? */
static int
sentence_like(const char *s, size_t n)
{
	static const char *const ends[] = {"ます", "ました", "です", "でした", "ません", "ください"};
	size_t i, k;

	if (ir_utf8_find(s, n, "。") != NULL)
		return 1;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == ')'))
		n--;
	for (i = 0; i < sizeof ends / sizeof *ends; i++) {
		k = strlen(ends[i]);
		if (n >= k && memcmp(s + n - k, ends[i], k) == 0)
			return 1;
	}
	return 0;
}

static int
has_digit(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return 1;
	return 0;
}

enum {
	MAX_HEADING = 40,  /* characters of a marked heading's words */
	MAX_ALONE = 20,    /* ... of an unmarked one */
	MAX_LABEL = 16,    /* ... of a label before a colon */
	MAX_PLAIN = 25     /* ... of a heading that names no part */
};

/* A label "原因:" opening a line: its length, or 0. */
static size_t
label(const char *s, size_t n)
{
	const char *colon = memchr(s, ':', n < MAX_LABEL * 3 ? n : MAX_LABEL * 3);

	if (colon == NULL || colon == s)
		return 0;
	return (size_t)(colon - s);
}

/*
 * Reads a line (content s[0..n), without its indent) as a heading;
 * returns 1 and fills *h.  Offsets are relative to s.
 */
static int
heading(const char *s, size_t n, struct head *h)
{
	struct ir_cur c = {s, 0, n};
	size_t in_end, words, wlen, k = 0;
	const char *gap;
	unsigned st = marker(&c, &h->num, &in_end);

	h->head_off = 0;
	h->head_len = n;
	if ((st & 0xFF) == S_BRACKET || (st & 0xFF) == S_ANGLE || (st & 0xFF) == S_SQUARE) {
		uint32_t cp;

		words = c.i;
		wlen = in_end - c.i;
		h->head_len = in_end + (size_t)ir_utf8_next((const unsigned char *)s + in_end, n - in_end, &cp);
		if (wlen == 0)
			return 0;
	} else if (st != S_NONE) {
		while (c.i < c.n && is_blank(c.s[c.i]))
			c.i++;
		words = c.i;
		wlen = n - c.i;
		/* "1.2023年7月" and "(1) 2,000件" are items, not headings. */
		if (wlen == 0 || (s[words] >= '0' && s[words] <= '9'))
			return 0;
		/* "3.判明の経緯  4月15日、…": the text runs on after two blanks. */
		if ((gap = memmem(s + words, wlen, "  ", 2)) != NULL) {
			wlen = (size_t)(gap - (s + words));
			h->head_len = words + wlen;
		}
	} else if (s[0] == '-' || s[0] == '*' || memcmp(s, "・", 3) == 0 || memcmp(s, "※", 3) == 0 ||
		   memcmp(s, "•", 3) == 0) {
		return 0; /* an item of a list, or a note */
	} else if ((k = label(s, n)) > 0) {
		st = S_LABEL;
		words = 0;
		wlen = k;
		h->head_len = k;
	} else {
		if (n > MAX_ALONE * 4)
			return 0; /* most lines: too long to stand alone as a heading */
		st = S_ALONE;
		words = 0;
		wlen = n;
	}
	/* The cheap tests first: most lines are tried as a heading standing alone. */
	if (wlen > MAX_HEADING * 4 || ir_utf8_count(s + words, wlen) > MAX_HEADING ||
	    (st == S_ALONE && (ir_utf8_count(s, n) > MAX_ALONE || has_digit(s, n))) ||
	    (st == S_LABEL && ir_utf8_count(s, k) > MAX_LABEL))
		return 0;
	h->style = st;
	h->part = part_named(s + words, wlen);
	if (((st == S_ALONE || st == S_LABEL) && h->part < 0) || sentence_like(s + words, wlen))
		return 0;
	/* "個人情報流出のお知らせ" alone on a line repeats the title. */
	if (st == S_ALONE && (memmem(s, n, "お知らせ", 12) != NULL || memmem(s, n, "ご報告", 9) != NULL))
		return 0;
	h->plain = ir_utf8_count(s + words, wlen) <= MAX_PLAIN && !has_digit(s + words, wlen) &&
		   memmem(s + words, wlen, "、", 3) == NULL;
	return 1;
}

/*
 * The part a paragraph of unheaded text opens: its topic, before its
 * first は or : ("原因は…", "流出した情報は…"), or a word standing before
 * a comma ("今後、…"); or -1.
 */
static int
opener(const char *s, size_t n)
{
	size_t lim = n < 20 * 3 ? n : 20 * 3, end = lim;
	const char *p;

	if ((p = ir_utf8_find(s, lim, "は")) != NULL)
		end = (size_t)(p - s);
	if ((p = memchr(s, ':', end)) != NULL)
		end = (size_t)(p - s);
	if ((p = ir_utf8_find(s, end < 5 * 3 ? end : 5 * 3, "、")) != NULL)
		end = (size_t)(p - s);
	return end < lim && end > 0 ? part_named(s, end) : -1;
}

/*
 * What a paragraph that opens no part does: an item of a list (・, (1), ①,
 * ※) or a paragraph that opens with a connective (また、 なお、) goes on
 * with the part before it; prose returns to the account of what happened.
 */
enum { GOES_ON = -2, PROSE = -3 };

static int
goes_on(const char *s, size_t n)
{
	static const struct { const char *w; size_t n; } starts[] = {
#define S(w) {w, sizeof w - 1}
		S("・"), S("•"), S("※"), S("-"), S("*"), S("("), S("また"), S("なお"), S("さらに"),
		S("加えて"), S("併せて"), S("あわせて"), S("同時に"), S("その他"),
#undef S
	};
	struct ir_cur c = {s, 0, n};
	uint32_t cp;
	size_t k;
	int w;

	cp = ir_cur_peek(&c, &w);
	if (circled(cp) || (s[0] >= '0' && s[0] <= '9') || is_mark(cp))
		return 1;
	for (k = 0; k < sizeof starts / sizeof *starts; k++)
		if (n >= starts[k].n && s[0] == starts[k].w[0] && memcmp(s, starts[k].w, starts[k].n) == 0)
			return 1;
	return 0;
}

/* The lines of the body, each read once. */
struct reader {
	const char *t;
	size_t len;
	struct head *h; /* candidate headings, in text order */
	size_t nh, caph;
	struct open { size_t line, lead, n; } *o; /* paragraph starts: the line, its text */
	size_t no, capo;
};

static void
add_head(struct reader *r, const struct head *h)
{
	if (r->nh == r->caph) {
		r->caph = r->caph ? r->caph * 2 : 16;
		r->h = ir_xrealloc(r->h, r->caph * sizeof *r->h);
	}
	r->h[r->nh++] = *h;
}

static void
add_opener(struct reader *r, size_t line, size_t lead, size_t n)
{
	if (r->no == r->capo) {
		r->capo = r->capo ? r->capo * 2 : 16;
		r->o = ir_xrealloc(r->o, r->capo * sizeof *r->o);
	}
	r->o[r->no].line = line;
	r->o[r->no].lead = lead;
	r->o[r->no++].n = n;
}

/* What the paragraph at o opens (read only while no heading has claimed the text). */
static int
paragraph(const struct reader *r, const struct open *o)
{
	const char *s = r->t + o->line + o->lead;
	int part = opener(s, o->n);

	return part >= 0 ? part : goes_on(s, o->n) ? GOES_ON : PROSE;
}

/*
 * A line 以上 closes the notice proper: what follows (a signature, a
 * date, an unrelated note) is "other", unless a heading names it.
 */
static void
add_end(struct reader *r, size_t next)
{
	struct head h = {next, 0, 0, S_END, 0, 0, IR_PART_OTHER, 0};

	if (next < r->len)
		add_head(r, &h);
}

static void
read_lines(struct reader *r, size_t from)
{
	size_t i = from;
	int para = 1; /* does a paragraph start here? */

	while (i < r->len) {
		const char *nl = memchr(r->t + i, '\n', r->len - i);
		size_t end = nl ? (size_t)(nl - r->t) : r->len, next = nl ? end + 1 : end;
		size_t lead = ir_utf8_span_space(r->t + i, end - i), n;
		const char *s = r->t + i + lead;
		struct head h;

		n = end - i - lead - ir_utf8_rspan_space(s, end - i - lead);
		if (n == 0) {
			para = 1;
		} else if (n == 6 && memcmp(s, "以上", 6) == 0) {
			add_end(r, next);
			para = 1;
		} else {
			if (heading(s, n, &h)) {
				h.line = i;
				h.head_off += i + lead;
				h.indent = lead;
				add_head(r, &h);
			} else if (para) {
				add_opener(r, i, lead, n);
			}
			/* Lines that end a sentence are paragraphs of their own. */
			para = n >= 3 && memcmp(s + n - 3, "。", 3) == 0;
		}
		i = next;
	}
}

/*
 * The style of the headings that cut the notice into its parts: of the
 * marked and numbered headings that name a part, the style most of them
 * share, at the least indent it comes with; the first on a tie.
 */
static unsigned
top_style(const struct reader *r, size_t *indent)
{
	unsigned best = S_NONE;
	size_t i, j, most = 0;

	/* Styles are few: count each by a scan over the candidates, stopping early. */
	for (i = 0; i < r->nh && i < 64; i++) {
		size_t k = 0, least = r->h[i].indent;

		if (r->h[i].part < 0 || r->h[i].style == S_ALONE || r->h[i].style == S_LABEL ||
		    r->h[i].style == S_END)
			continue;
		for (j = 0; j < r->nh; j++)
			if (r->h[j].style == r->h[i].style && r->h[j].part >= 0) {
				k++;
				if (r->h[j].indent < least)
					least = r->h[j].indent;
			}
		if (k > most) {
			most = k;
			best = r->h[i].style;
			*indent = least;
		}
	}
	return best;
}

/* Is t[0..n) only blanks and line ends? */
static int
blank(const char *t, size_t n)
{
	return ir_utf8_span_space(t, n) == n;
}

static void
add_section(struct ir_notice *nt, const char *text, int part, size_t off, size_t head_off,
	    size_t head_len)
{
	struct ir_section *s;

	if (nt->n > 0) {
		s = &nt->s[nt->n - 1];
		if (off < s->off || (off == s->off && s->head_len > 0))
			return;
		if (nt->n == 1 && s->head_len == 0 && blank(text + s->off, off - s->off)) {
			/* A heading where the body starts, blank lines before it, takes over its first section. */
			off = s->off;
			nt->n--;
		} else {
			s->len = off - s->off;
		}
	}
	if (nt->n == nt->cap) {
		nt->cap = nt->cap ? nt->cap * 2 : 8;
		nt->s = ir_xrealloc(nt->s, nt->cap * sizeof *nt->s);
	}
	s = &nt->s[nt->n++];
	s->part = (enum ir_part)part;
	s->off = off;
	s->len = 0;
	s->head_off = head_off;
	s->head_len = head_len;
}

/*
 * Is h a heading that opens a part?  One of the top style, in its order
 * when numbered (the first may be any number: what comes before it may not
 * read as a heading), opens one even when its words name none ("5.業績への
 *影響" is "other"); any other opens one only when its words name it.
 */
static int
opens(const struct head *h, unsigned top, size_t indent, int *last_num)
{
	int numbered = h->num > 0;

	if (h->style == S_END)
		return 1;
	if (h->style == top && h->indent <= indent &&
	    (!numbered || *last_num == 0 || (h->num > *last_num && h->num <= *last_num + 2)) &&
	    (h->part >= 0 || h->plain)) {
		if (numbered)
			*last_num = h->num;
		return 1;
	}
	return h->part >= 0 && h->style != top;
}

static void
cut(struct ir_notice *nt, const struct reader *r)
{
	size_t indent = 0, i = 0, j = 0;
	unsigned top = top_style(r, &indent);
	int last_num = 0, part = IR_PART_OVERVIEW, headed = 0;

	add_section(nt, r->t, IR_PART_OVERVIEW, nt->body_off, 0, 0);
	while (i < r->nh || j < r->no) {
		if (j >= r->no || (i < r->nh && r->h[i].line < r->o[j].line)) {
			const struct head *h = &r->h[i++];

			if (!opens(h, top, indent, &last_num))
				continue;
			/* The first heading that names nothing opens what happened. */
			part = h->part >= 0 ? h->part : headed ? IR_PART_OTHER : IR_PART_OVERVIEW;
			add_section(nt, r->t, part, h->line, h->head_off, h->head_len);
			headed = 1;
		} else {
			const struct open *o = &r->o[j++];

			/* Paragraph openers cut only text no heading has claimed. */
			int opens = headed ? GOES_ON : paragraph(r, o);
			int next = opens == PROSE ? IR_PART_OVERVIEW : opens;

			if (opens != GOES_ON && next != part) {
				part = next;
				add_section(nt, r->t, part, o->line, 0, 0);
			}
		}
	}
	nt->s[nt->n - 1].len = r->len - nt->s[nt->n - 1].off;
}

static void
title(struct ir_notice *nt, const char *text, size_t hlen)
{
	const char *close = memmem(text, hlen, "】", 3);
	size_t from = close ? (size_t)(close - text) + 3 : 0, lead, trail;

	lead = ir_utf8_span_space(text + from, hlen - from);
	trail = ir_utf8_rspan_space(text + from + lead, hlen - from - lead);
	nt->title_off = from + lead;
	nt->title_len = hlen - from - lead - trail;
}

void
ir_notice_read(struct ir_notice *nt, const char *text, size_t len)
{
	const char *nl = memchr(text, '\n', len);
	size_t hlen = nl ? (size_t)(nl - text) : len;
	struct reader r = {text, len, NULL, 0, 0, NULL, 0, 0};

	nt->n = 0;
	title(nt, text, hlen);
	nt->body_off = nl ? hlen + 1 : len;
	if (nt->body_off >= len)
		return;
	read_lines(&r, nt->body_off);
	cut(nt, &r);
	free(r.h);
	free(r.o);
}

const struct ir_section *
ir_notice_at(const struct ir_notice *nt, size_t off, size_t *hint)
{
	size_t i = ir_span_find(nt->s, nt->n, sizeof *nt->s, offsetof(struct ir_section, off), off, hint);

	return i < nt->n ? &nt->s[i] : NULL;
}

void
ir_notice_free(struct ir_notice *nt)
{
	free(nt->s);
	memset(nt, 0, sizeof *nt);
}

void
ir_notice_prepare(void)
{
	ir_lexicon_build(&heading_lexicon);
}
