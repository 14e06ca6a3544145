#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/bytescan.h"
#include "base/cpset.h"
#include "base/err.h"
#include "base/utf8.h"
#include "ja/numeral.h"
#include "split/line.h"
#include "split/noise.h"

enum {
	MIN_TITLE_CHARS = 5,
	MAX_TITLE_CHARS = 100,
};

uint32_t
ir_line_cp(const char *s, size_t n, size_t *i)
{
	uint32_t cp;
	int k = ir_utf8_next((const unsigned char *)s + *i, n - *i, &cp);

	if (k < 0) {
		*i += (size_t)-k;
		return IR_REPLACEMENT;
	}
	*i += (size_t)k;
	return cp;
}

int
ir_noise_is_blank(const char *line, size_t len)
{
	return ir_utf8_span_space(line, len) == len;
}

static int
is_digit(uint32_t cp)
{
	return ir_arabic_digit(cp) >= 0;
}

/* 一 to 九 and 十, as list numbers are written in kanji (〇 is a placeholder there). */
static int
is_kanji_count(uint32_t cp)
{
	long long v = ir_kanji_numeral(cp);

	return v >= 1 && v <= 10;
}

int
ir_line_is_ideograph(uint32_t cp)
{
	return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF);
}

int
ir_line_is_katakana(uint32_t cp)
{
	return cp >= 0x30A1 && cp <= 0x30FC && cp != 0x30FB;
}

/* Is cp one of the characters of list?  (UTF-8 is self-synchronising, so
 * a whole encoded character can only match at a character boundary.) */
int
ir_line_in_list(uint32_t cp, const char *list)
{
	char enc[4];
	size_t k = ir_utf8_encode(cp, enc);

	return memmem(list, strlen(list), enc, k) != NULL;
}

/* Counters that may follow a leading number in a real title. */
static const char COUNTERS[] = "年月日件名人万億千百十時分秒歳個回点選社割倍位";
const char ir_line_bullets[] = "・•●○◎〇◆◇■□▼▽▲△►▶★☆※→⇒-*>+【[<《〈";
static const char CLOSERS[] = ".)．）、";


/* The number written at s[*i] in digits or kanji, read on; 0 if none. */
static long
number_at(const char *s, size_t n, size_t *i)
{
	struct ir_decimal v;
	size_t k = 0;
	long d = 0;
	uint32_t cp;

	while (*i + k < n) {
		size_t j = *i + k;
		int dv;

		cp = ir_line_cp(s, n, &j);
		if ((dv = ir_arabic_digit(cp)) < 0)
			break;
		d = d < 100000 ? d * 10 + dv : d;
		k = j - *i;
	}
	if (k == 0 && (k = ir_numeral_parse(s + *i, n - *i, IR_NUMERAL_KANJI, &v)) > 0)
		d = v.too_big || v.m > 100000 ? 100000 : (long)v.m;
	*i += k;
	return d;
}

/*
 * The list number a line starts with: "5 再発防止策", "3.", "1第三者に…"
 * (its dot lost in scraping), "(2)経緯", "⑶", "③", "Ⅱ", "第3", "ウ ",
 * "三、".
 */
struct ir_noise_mark
ir_line_list_mark(const char *s, size_t n)
{
	struct ir_noise_mark m = {MARK_NONE, 0};
	size_t i = 0, j;
	uint32_t a, b;
	long v;

	if (n == 0)
		return m;
	a = ir_line_cp(s, n, &i);
	j = i;
	b = i < n ? ir_line_cp(s, n, &j) : 0;
	if (a >= 0x2460 && a <= 0x24FF) { /* ① ⑴ ⒈ and the rest of the block */
		m.style = a <= 0x2473 ? MARK_CIRCLED : a <= 0x2487 ? MARK_PAREN : MARK_DIGIT;
		m.n = a <= 0x249B ? (long)(a - (a <= 0x2473 ? 0x245F : a <= 0x2487 ? 0x2473 : 0x2487)) : 0;
	} else if ((a >= 0x2160 && a <= 0x217F) || (a >= 0x3220 && a <= 0x3243) ||
		   (a >= 0x3280 && a <= 0x32B0)) { /* Ⅰ ⅰ ㈠ ㊀ */
		m.style = a < 0x2180 ? MARK_ROMAN : a < 0x3244 ? MARK_PAREN : MARK_CIRCLED;
		m.n = a <= 0x216B ? (long)(a - 0x215F) : a >= 0x2170 && a <= 0x217B ? (long)(a - 0x216F) :
		      a >= 0x3220 && a <= 0x3229 ? (long)(a - 0x321F) :
		      a >= 0x3280 && a <= 0x3289 ? (long)(a - 0x327F) : 0;
	} else if ((a == '(' || a == 0xFF08) && (is_digit(b) || is_kanji_count(b))) {
		m.style = MARK_PAREN;
		m.n = number_at(s, n, &i);
	} else if (a == 0x7B2C && (is_digit(b) || is_kanji_count(b))) { /* 第 */
		m.style = MARK_DAI;
		m.n = number_at(s, n, &i);
	} else if (ir_line_is_katakana(a) && (b == ' ' || b == 0x3000 || ir_line_in_list(b, CLOSERS))) {
		m.style = MARK_KANA;
		m.n = ir_kana_numeral(a);
	} else if (is_digit(a)) {
		i = 0;
		v = number_at(s, n, &i);
		j = i;
		b = i < n ? ir_line_cp(s, n, &j) : 0;
		if (i < n && (b == ' ' || b == 0x3000 || ir_line_in_list(b, CLOSERS) ||
			      ((ir_line_is_ideograph(b) || ir_line_is_katakana(b)) && !ir_line_in_list(b, COUNTERS)))) {
			m.style = MARK_DIGIT;
			m.n = v;
		}
	} else if (is_kanji_count(a)) {
		i = 0;
		v = number_at(s, n, &i);
		j = i;
		b = i < n ? ir_line_cp(s, n, &j) : 0;
		if (i < n && (b == 0x3001 || b == ' ' || b == 0x3000 || b == 0xFF0E)) { /* 、 ． */
			m.style = MARK_KANJI;
			m.n = v;
		}
	}
	return m;
}

/*
 * A numbered or bulleted line is a section of the notice: a list number
 * (ir_line_list_mark), a bullet, "(a)" or "a.".
 */
static int
is_enumerated(const char *s, size_t n)
{
	size_t i = 0, j;
	uint32_t a, b;

	if (n == 0)
		return 0;
	if (ir_line_list_mark(s, n).style != MARK_NONE)
		return 1;
	a = ir_line_cp(s, n, &i);
	j = i;
	b = i < n ? ir_line_cp(s, n, &j) : 0;
	if (ir_line_in_list(a, ir_line_bullets))
		return 1;
	if (a == '(' || a == 0xFF08)
		return b < 0x80 && b != 0 && b != ' ';
	return a < 0x80 && (a | 0x20) >= 'a' && (a | 0x20) <= 'z' && (b == '.' || b == ')');
}

/* Lines that close a republished notice, never a post's title. */
static int
is_trailer(const char *s, size_t n)
{
	static const char *const marks[] = {
		"リリース文アーカイブ", "出典", "引用元", "参考", "Source", "以上",
	};
	size_t i;

	for (i = 0; i < sizeof marks / sizeof *marks; i++) {
		size_t k = strlen(marks[i]);

		if (n >= k && memcmp(s, marks[i], k) == 0)
			return 1;
	}
	return 0;
}

/*
 * Words of the section headings of notices ("対象となる情報", "発生の経緯",
 * "お問い合わせ窓口"): a line with one is a part of the notice, not the
 * title of another post.
 */
static const char *const heading_words[] = {
	"経緯", "概要", "原因", "状況", "今後", "対象", "再発防止", "可能性", "問い合わせ",
	"問合せ", "窓口", "内容", "事象", "判明", "範囲", "件数", "項目", "お詫び", "お知らせ",
};

/*
 * Their first characters, gathered from the words at start-up: a line is
 * read once, and its words compared only where one stands.  Each is kana
 * or kanji, three bytes, which ir_cpset_next finds.
 */
static char heading_firsts[sizeof heading_words / sizeof *heading_words * 3 + 1];
static struct ir_cpset heading_starts = IR_CPSET(heading_firsts);

void
ir_line_prepare(void)
{
	size_t w;

	if (heading_starts.ready)
		return;
	for (w = 0; w < sizeof heading_words / sizeof *heading_words; w++)
		memcpy(heading_firsts + 3 * w, heading_words[w], 3);
	ir_cpset_build(&heading_starts);
}

static int
is_heading(const char *s, size_t n)
{
	size_t i, w;

	for (i = ir_cpset_next(&heading_starts, s, n, 0); i < n; i = ir_cpset_next(&heading_starts, s, n, i + 3))
		for (w = 0; w < sizeof heading_words / sizeof *heading_words; w++) {
			size_t k = strlen(heading_words[w]);

			if (n - i >= k && memcmp(s + i, heading_words[w], k) == 0)
				return 1;
		}
	/* "取得された可能性がある情報", "流出した情報" */
	return n >= 6 && memcmp(s + n - 6, "情報", 6) == 0;
}

/* A bare file name, address or URL ("photo_1.jpg", "example.jp"). */
static int
is_bare_name(const char *s, size_t n)
{
	int mark = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c <= ' ' || c >= 0x7F)
			return 0;
		mark |= c == '.' || c == '/' || c == '@';
	}
	return mark;
}

/* A title's shape: its length, no sentence's end, no list; words of a heading allowed when heading_ok. */
static int
title_shaped(const char *line, size_t len, int heading_ok)
{
	size_t lead = ir_utf8_span_space(line, len);
	const char *s = line + lead;
	size_t n = len - lead, chars, last;

	n -= ir_utf8_rspan_space(s, n);
	/* Cheap tests first: this runs on every paragraph of every notice. */
	if (n < MIN_TITLE_CHARS || n > 4 * MAX_TITLE_CHARS)
		return 0;
	for (last = n - 1; last > 0 && ((unsigned char)s[last] & 0xC0) == 0x80; last--)
		;
	switch (ir_line_cp(s, n, &last)) {
	case 0x3002: case 0x3001: case '.': case ',': case ':': case 0xFF1A: case 0xFF0C:
		return 0; /* 。、.,:：， end sentences and lead-ins, not titles */
	}
	chars = ir_utf8_count(s, n);
	if (chars < MIN_TITLE_CHARS || chars > MAX_TITLE_CHARS)
		return 0;
	return !is_enumerated(s, n) && !is_trailer(s, n) && !is_bare_name(s, n) && (heading_ok || !is_heading(s, n));
}

int
ir_noise_is_title(const char *line, size_t len)
{
	return title_shaped(line, len, 0);
}

int
ir_line_may_sign_off(const char *line, size_t len)
{
	return title_shaped(line, len, 1);
}
