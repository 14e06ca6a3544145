#include <stdint.h>
#include <string.h>

#include "base/utf8.h"
#include "ja/heading.h"
#include "ja/lexicon.h"
#include "ja/notice.h"

/*
 * The words of headings.  Each names a part, or says that a heading is
 * about data: a noun of data (情報 項目 データ アドレス) with a word of
 * what happened to it or of its extent (漏えい 対象 内容 範囲), or alone
 * ending the heading ("外部に持ち出された会員情報").  Such a heading
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
int
ir_heading_part(const char *s, size_t n)
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

static int
is_blank(char ch)
{
	return ch == ' ' || ch == '\t';
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

int
ir_heading_read(const char *s, size_t n, struct ir_heading *h)
{
	struct ir_cur c = {s, 0, n};
	size_t in_end, words, wlen, k = 0;
	const char *gap;
	unsigned st = ir_listmark_read(&c, &h->num, &in_end);

	h->head_off = 0;
	h->head_len = n;
	if (IR_MARK_STYLE(st) == IR_MARK_BRACKET || IR_MARK_STYLE(st) == IR_MARK_ANGLE ||
	    IR_MARK_STYLE(st) == IR_MARK_SQUARE) {
		uint32_t cp;

		words = c.i;
		wlen = in_end - c.i;
		h->head_len = in_end + (size_t)ir_utf8_next((const unsigned char *)s + in_end, n - in_end, &cp);
		if (wlen == 0)
			return 0;
	} else if (st != IR_MARK_NONE) {
		while (c.i < c.n && is_blank(c.s[c.i]))
			c.i++;
		words = c.i;
		wlen = n - c.i;
		/* "1.2023年7月" and "(1) 2,000件" are items, not headings. */
		if (wlen == 0 || (s[words] >= '0' && s[words] <= '9'))
			return 0;
		/* "3.判明の経緯  4月15日、…": the text runs on after two blanks. */
		if ((gap = ir_utf8_find(s + words, wlen, "  ")) != NULL) {
			wlen = (size_t)(gap - (s + words));
			h->head_len = words + wlen;
		}
	} else if (s[0] == '-' || s[0] == '*' || memcmp(s, "・", 3) == 0 || memcmp(s, "※", 3) == 0 ||
		   memcmp(s, "•", 3) == 0) {
		return 0; /* an item of a list, or a note */
	} else if ((k = label(s, n)) > 0) {
		st = IR_HEAD_LABEL;
		words = 0;
		wlen = k;
		h->head_len = k;
	} else {
		if (n > MAX_ALONE * 4)
			return 0; /* most lines: too long to stand alone as a heading */
		st = IR_HEAD_ALONE;
		words = 0;
		wlen = n;
	}
	/* The cheap tests first: most lines are tried as a heading standing alone. */
	if (wlen > MAX_HEADING * 4 || ir_utf8_count(s + words, wlen) > MAX_HEADING ||
	    (st == IR_HEAD_ALONE && (ir_utf8_count(s, n) > MAX_ALONE || has_digit(s, n))) ||
	    (st == IR_HEAD_LABEL && ir_utf8_count(s, k) > MAX_LABEL))
		return 0;
	h->style = st;
	h->part = ir_heading_part(s + words, wlen);
	if (((st == IR_HEAD_ALONE || st == IR_HEAD_LABEL) && h->part < 0) || sentence_like(s + words, wlen))
		return 0;
	/* "個人情報流出のお知らせ" alone on a line repeats the title. */
	if (st == IR_HEAD_ALONE && (ir_utf8_find(s, n, "お知らせ") != NULL || ir_utf8_find(s, n, "ご報告") != NULL))
		return 0;
	h->plain = ir_utf8_count(s + words, wlen) <= MAX_PLAIN && !has_digit(s + words, wlen) &&
		   ir_utf8_find(s + words, wlen, "、") == NULL;
	return 1;
}

void
ir_heading_prepare(void)
{
	ir_lexicon_build(&heading_lexicon);
}
