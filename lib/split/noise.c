#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/bytescan.h"
#include "base/cpset.h"
#include "base/err.h"
#include "base/utf8.h"
#include "ja/numeral.h"
#include "split/noise.h"

/*
 * Words that incident notices use on almost every line of prose and other
 * posts hardly ever: apology, leak, personal data, the writer speaking of
 * itself as a company, and the follow-up vocabulary.  Density is measured
 * per 1000 non-blank characters.
 */
static const char *const vocab[] = {
	"個人情報", "個人データ", "詫び", "漏えい", "漏洩", "流出",
	"不正アクセス", "弊社", "当社", "本件", "お客様", "お客さま",
	"再発防止", "判明", "ご迷惑", "ご心配", "委託", "事案", "申し上げ",
};

enum {
	MIN_TITLE_CHARS = 5,
	MAX_TITLE_CHARS = 100,
	MIN_POST_CHARS = 100, /* a shorter tail must pass short_post() */
	MIN_SHORT_POST_CHARS = 20,
	MAX_HEADING_CHARS = 30,
	/* Bytes compared for shared words: the notice, and the start of the post. */
	NOTICE_WINDOW = 16384,
	POST_WINDOW = 3000,
};
/* A post scores d / MAX_DENSITY + overlap / MAX_OVERLAP; below 1 is noise. */
static const double MAX_DENSITY = 3.0, MAX_OVERLAP = 0.25, SHORT_MAX_OVERLAP = 0.1;
/* A title whose words are mostly the header's is a section of the notice. */
static const double HEADER_OVERLAP = 0.6;
/* A lone line whose words are mostly the notice's may be its sign-off. */
static const double SIGN_OFF_OVERLAP = 0.5;
/* Prose in the plain style: at least this many sentences, under this share polite. */
enum { MIN_PLAIN_SENTENCES = 4 };
static const double MAX_POLITE_SHARE = 0.25;

static uint32_t
cp_at(const char *s, size_t n, size_t *i)
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

static int
is_ideograph(uint32_t cp)
{
	return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF);
}

static int
is_katakana(uint32_t cp)
{
	return cp >= 0x30A1 && cp <= 0x30FC && cp != 0x30FB;
}

/* Is cp one of the characters of list?  (UTF-8 is self-synchronising, so
 * a whole encoded character can only match at a character boundary.) */
static int
in_list(uint32_t cp, const char *list)
{
	char enc[4];
	size_t k = ir_utf8_encode(cp, enc);

	return memmem(list, strlen(list), enc, k) != NULL;
}

/* Counters that may follow a leading number in a real title. */
static const char COUNTERS[] = "年月日件名人万億千百十時分秒歳個回点選社割倍位";
static const char BULLETS[] = "・•●○◎〇◆◇■□▼▽▲△►▶★☆※→⇒-*>+【[<《〈";
static const char CLOSERS[] = ".)．）、";

/* The styles of list numbers, for telling a list of the notice that goes on. */
enum { MARK_NONE, MARK_DIGIT, MARK_PAREN, MARK_CIRCLED, MARK_ROMAN, MARK_DAI, MARK_KANA, MARK_KANJI };

struct ir_noise_mark {
	int style;
	long n; /* its number; 0 when it has none (a kana out of order) */
};

/* Kana list numbers count in this order. */
static const char KANA_ORDER[] = "アイウエオカキクケコサシスセソタチツテト";

/* The place of a kana in KANA_ORDER, from 1; 0 if it is not there. */
static long
kana_number(uint32_t cp)
{
	size_t i = 0;
	long k;

	for (k = 1; i < sizeof KANA_ORDER - 1; k++)
		if (cp_at(KANA_ORDER, sizeof KANA_ORDER - 1, &i) == cp)
			return k;
	return 0;
}

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

		cp = cp_at(s, n, &j);
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
static struct ir_noise_mark
list_mark(const char *s, size_t n)
{
	struct ir_noise_mark m = {MARK_NONE, 0};
	size_t i = 0, j;
	uint32_t a, b;
	long v;

	if (n == 0)
		return m;
	a = cp_at(s, n, &i);
	j = i;
	b = i < n ? cp_at(s, n, &j) : 0;
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
	} else if (is_katakana(a) && (b == ' ' || b == 0x3000 || in_list(b, CLOSERS))) {
		m.style = MARK_KANA;
		m.n = kana_number(a);
	} else if (is_digit(a)) {
		i = 0;
		v = number_at(s, n, &i);
		j = i;
		b = i < n ? cp_at(s, n, &j) : 0;
		if (i < n && (b == ' ' || b == 0x3000 || in_list(b, CLOSERS) ||
			      ((is_ideograph(b) || is_katakana(b)) && !in_list(b, COUNTERS)))) {
			m.style = MARK_DIGIT;
			m.n = v;
		}
	} else if (is_kanji_count(a)) {
		i = 0;
		v = number_at(s, n, &i);
		j = i;
		b = i < n ? cp_at(s, n, &j) : 0;
		if (i < n && (b == 0x3001 || b == ' ' || b == 0x3000 || b == 0xFF0E)) { /* 、 ． */
			m.style = MARK_KANJI;
			m.n = v;
		}
	}
	return m;
}

/*
 * A numbered or bulleted line is a section of the notice: a list number
 * (list_mark), a bullet, "(a)" or "a.".
 */
static int
is_enumerated(const char *s, size_t n)
{
	size_t i = 0, j;
	uint32_t a, b;

	if (n == 0)
		return 0;
	if (list_mark(s, n).style != MARK_NONE)
		return 1;
	a = cp_at(s, n, &i);
	j = i;
	b = i < n ? cp_at(s, n, &j) : 0;
	if (in_list(a, BULLETS))
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
static int
is_heading(const char *s, size_t n)
{
	static const char *const words[] = {
		"経緯", "概要", "原因", "状況", "今後", "対象", "再発防止", "可能性", "問い合わせ",
		"問合せ", "窓口", "内容", "事象", "判明", "範囲", "件数", "項目", "お詫び", "お知らせ",
	};
	size_t i;

	for (i = 0; i < sizeof words / sizeof *words; i++)
		if (memmem(s, n, words[i], strlen(words[i])) != NULL)
			return 1;
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

int
ir_noise_is_title(const char *line, size_t len)
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
	switch (cp_at(s, n, &last)) {
	case 0x3002: case 0x3001: case '.': case ',': case ':': case 0xFF1A: case 0xFF0C:
		return 0; /* 。、.,:：， end sentences and lead-ins, not titles */
	}
	chars = ir_utf8_count(s, n);
	if (chars < MIN_TITLE_CHARS || chars > MAX_TITLE_CHARS)
		return 0;
	return !is_enumerated(s, n) && !is_trailer(s, n) && !is_bare_name(s, n) && !is_heading(s, n);
}

/*
 * For each BMP code point, 1 + the index of the first vocabulary word
 * starting with it (words are looked up by their first character, so the
 * scan costs one table load per character).
 */
static unsigned char vocab_start[0x10000];
static size_t vocab_len[sizeof vocab / sizeof *vocab];

static void
vocab_init(void)
{
	size_t w;

	for (w = sizeof vocab / sizeof *vocab; w-- > 0;) {
		size_t i = 0;
		uint32_t cp = cp_at(vocab[w], strlen(vocab[w]), &i);

		vocab_len[w] = strlen(vocab[w]);
		if (cp < 0x10000)
			vocab_start[cp] = (unsigned char)(w + 1);
	}
}

/* Number of non-blank characters of a line (valid UTF-8). */
static size_t
visible_chars(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, c = 0;

	for (; i + 18 <= n; i += 16) {
		ir_v16 b = ir_v16_load(p + i), b1 = ir_v16_load(p + i + 1);
		ir_v16 lead = ~IR_V16_EQ(b & ir_v16_splat(0xC0), ir_v16_splat(0x80)) &
			      IR_V16_GE(b, ir_v16_splat('!'));
		ir_v16 blank = (IR_V16_EQ(b, ir_v16_splat(0xC2)) & IR_V16_EQ(b1, ir_v16_splat(0xA0))) |
			       (IR_V16_EQ(b, ir_v16_splat(0xE3)) & IR_V16_EQ(b1, ir_v16_splat(0x80)) &
				IR_V16_EQ(ir_v16_load(p + i + 2), ir_v16_splat(0x80)));

		c += ir_v16_count(lead) - ir_v16_count(blank);
	}
	for (; i < n; i++) {
		unsigned b = p[i];

		if (b == 0xC2 && i + 1 < n && p[i + 1] == 0xA0)
			i++;
		else if (b == 0xE3 && i + 2 < n && p[i + 1] == 0x80 && p[i + 2] == 0x80)
			i += 2;
		else
			c += b > ' ' && (b & 0xC0) != 0x80;
	}
	return c;
}

/* Number of vocabulary words in a line (valid UTF-8). */
static size_t
vocab_hits(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i, h = 0;

	for (i = 0; i + 2 < n; i++) {
		unsigned b = p[i];
		size_t w;

		if ((b & 0xF0) != 0xE0)
			continue;
		w = vocab_start[ir_utf8_cp3(p + i)];
		/* From the first word with this first character on. */
		for (; w != 0 && w <= sizeof vocab / sizeof *vocab; w++) {
			if (n - i >= vocab_len[w - 1] && memcmp(p + i, vocab[w - 1], vocab_len[w - 1]) == 0) {
				h++;
				break;
			}
		}
		i += 2;
	}
	return h;
}

/*
 * Bigrams of ideographs and katakana, kept as bits of a hashed bitmap: a
 * collision now and then only nudges a heuristic score, and a bitmap is
 * far cheaper to fill than a set.
 */
enum { GRAM_SHIFT = 15, GRAM_BITS = 1 << GRAM_SHIFT };

static int
is_word_char(uint32_t cp)
{
	return is_ideograph(cp) || is_katakana(cp);
}

static struct ir_cpset word_chars = IR_CPSET_WHERE(is_word_char);

/*
 * Adds the bigrams of s to map; counts those new to it, and of those the
 * ones also in against (if not NULL).
 */
static void
add_grams(uint64_t *map, const uint64_t *against, const char *s, size_t n,
	  size_t *fresh, size_t *shared)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t prev = 0;
	size_t i;

	for (i = 0; i + 2 < n; i++) {
		uint32_t cp;
		uint64_t key, bit, *word;
		uint32_t h;

		/* Ideographs and katakana are all three bytes long. */
		if ((p[i] & 0xF0) != 0xE0) {
			prev = (p[i] & 0xC0) == 0x80 ? prev : 0;
			continue;
		}
		cp = ir_utf8_cp3(p + i);
		i += 2;
		if (!ir_cpset_has(&word_chars, cp)) {
			prev = 0;
			continue;
		}
		key = (uint64_t)prev << 21 | cp;
		h = (uint32_t)(key * 0x9E3779B97F4A7C15ULL >> (64 - GRAM_SHIFT));
		word = &map[h >> 6];
		bit = 1ULL << (h & 63);
		if (prev != 0 && !(*word & bit)) {
			*word |= bit;
			++*fresh;
			if (against != NULL)
				*shared += against[h >> 6] >> (h & 63) & 1;
		}
		prev = cp;
	}
}

/* Share of the distinct bigrams of b that also occur in a. */
static double
overlap(struct ir_noise *nz, const char *a, size_t alen, const char *b, size_t blen)
{
	size_t fresh = 0, shared = 0;

	if (alen > NOTICE_WINDOW)
		alen = NOTICE_WINDOW;
	if (blen > POST_WINDOW)
		blen = POST_WINDOW;
	if (nz->grams == NULL)
		nz->grams = ir_xrealloc(NULL, 2 * GRAM_BITS / 8);
	memset(nz->grams, 0, 2 * GRAM_BITS / 8);
	add_grams(nz->grams, NULL, a, alen, &fresh, &shared);
	fresh = 0;
	add_grams(nz->grams + GRAM_BITS / 64, nz->grams, b, blen, &fresh, &shared);
	return fresh ? (double)shared / (double)fresh : 0.0;
}

static void
reserve(struct ir_noise *nz, size_t n)
{
	if (n + 1 > nz->cap) {
		nz->cap = n + 1;
		nz->chars = ir_xrealloc(nz->chars, nz->cap * sizeof *nz->chars);
		nz->vocab = ir_xrealloc(nz->vocab, nz->cap * sizeof *nz->vocab);
		nz->marks = ir_xrealloc(nz->marks, nz->cap * sizeof *nz->marks);
		nz->before = ir_xrealloc(nz->before, nz->cap * sizeof *nz->before);
		nz->after = ir_xrealloc(nz->after, nz->cap * sizeof *nz->after);
	}
}

static int prepared;

void
ir_noise_prepare(void)
{
	if (!prepared) {
		vocab_init();
		ir_cpset_build(&word_chars);
		prepared = 1;
	}
}

/* Could line i start a post: a title line after a blank one? */
static int
may_start_post(const char *text, const size_t *off, size_t i)
{
	if (i > 0 && !ir_noise_is_blank(text + off[i - 1], off[i] - off[i - 1]))
		return 0;
	return ir_noise_is_title(text + off[i], off[i + 1] - off[i]);
}

static int
line_blank(const char *text, const size_t *off, size_t i)
{
	return ir_noise_is_blank(text + off[i], off[i + 1] - off[i]);
}

/* Indented by an ideographic space, a tab or two spaces: a line under another. */
static int
indented(const char *s, size_t n)
{
	return n > 0 && (s[0] == '\t' || (n >= 2 && s[0] == ' ' && s[1] == ' ') ||
			 (n >= 3 && memcmp(s, "\xE3\x80\x80", 3) == 0));
}

/*
 * A heading of the notice's own: a short line that is numbered, ends in a
 * colon, or is bulleted and stands alone ("■対応", "【対象】"; a bulleted
 * line among others is an item of a list).
 */
static int
is_section_heading(const char *text, const size_t *off, size_t j)
{
	const char *s = text + off[j];
	size_t n = off[j + 1] - off[j], lead = ir_utf8_span_space(s, n), last, i = 0;
	uint32_t a, z;

	s += lead;
	n -= lead;
	n -= ir_utf8_rspan_space(s, n);
	if (n == 0 || ir_utf8_count(s, n) > MAX_HEADING_CHARS)
		return 0;
	for (last = n - 1; last > 0 && ((unsigned char)s[last] & 0xC0) == 0x80; last--)
		;
	z = cp_at(s, n, &last);
	a = cp_at(s, n, &i);
	if (z == 0x3002) /* 。: a sentence */
		return 0;
	if (z == ':' || z == 0xFF1A || list_mark(s, n).style != MARK_NONE)
		return 1;
	return in_list(a, BULLETS) && (j == 0 || line_blank(text, off, j - 1));
}

/*
 * Marks of the lines from `from` on, and for each line the last marked
 * line before it and the first after it, for the test of a list going on.
 */
static void
mark_lines(struct ir_noise *nz, const char *text, const size_t *off, size_t n, size_t from)
{
	size_t i;
	long last = -1;

	for (i = from; i < n; i++) {
		size_t lead = ir_utf8_span_space(text + off[i], off[i + 1] - off[i]);

		nz->marks[i] = list_mark(text + off[i] + lead, off[i + 1] - off[i] - lead);
		nz->before[i] = last;
		if (nz->marks[i].style != MARK_NONE)
			last = (long)i;
	}
	for (i = n, last = -1; i-- > from;) {
		nz->after[i] = last;
		if (nz->marks[i].style != MARK_NONE)
			last = (long)i;
	}
}

/*
 * Is line i, a title by itself, a part of the notice's own layout?  An
 * indented line, the first line after the header, a line right under a
 * heading of the notice, or one after which a list of the notice goes on
 * with its next number (2 … this line … 3).
 */
static int
in_notice_layout(const struct ir_noise *nz, const char *text, const size_t *off, size_t i,
		 long header)
{
	size_t j = i;
	long b = nz->before[i], a = nz->after[i];

	if (indented(text + off[i], off[i + 1] - off[i]))
		return 1;
	while (j > 0 && line_blank(text, off, j - 1))
		j--;
	if (j > 0 && ((long)j - 1 == header || is_section_heading(text, off, j - 1)))
		return 1;
	return b >= 0 && a >= 0 && nz->marks[a].style == nz->marks[b].style &&
	       nz->marks[b].n > 0 && nz->marks[a].n == nz->marks[b].n + 1;
}

/*
 * A post shorter than MIN_POST_CHARS (cut off by the scrape, or short)
 * must say more clearly that it is not the notice: it comes after a
 * notice, it has a body whose first line is no title itself (a signature
 * over a post is not its title) unless the body ends there, cut off, and
 * it has not one word of the notice vocabulary (nor, tested later, more
 * than SHORT_MAX_OVERLAP of the notice's own words).
 */
static int
short_post(const struct ir_noise *nz, const char *text, const size_t *off, size_t i, long header)
{
	size_t j = i + 1;

	if (header < 0 || nz->chars[i + 1] == 0 || nz->vocab[i] != 0)
		return 0;
	while (line_blank(text, off, j))
		j++;
	return nz->chars[j + 1] == 0 || !ir_noise_is_title(text + off[j], off[j + 1] - off[j]);
}

/*
 * Is line i, a lone line that would start a post, rather the sign-off of
 * the notice ("○○市 総務課 電話 …") over the post's title?  It is when
 * the next paragraph is a lone title line too and line i is mostly the
 * notice's words, and more so than that one: a notice ends with its
 * sender's name, a post's title (and a tag line under it) hardly shares
 * the notice's words.
 */
static int
signs_off(struct ir_noise *nz, const char *text, const size_t *off, size_t n, size_t i)
{
	size_t j = i + 1;
	double mine;

	while (j < n && line_blank(text, off, j))
		j++;
	if (j + 1 >= n || !line_blank(text, off, j + 1) ||
	    !ir_noise_is_title(text + off[j], off[j + 1] - off[j]))
		return 0;
	mine = overlap(nz, text, off[i], text + off[i], off[i + 1] - off[i]);
	return mine >= SIGN_OFF_OVERLAP &&
	       mine > overlap(nz, text, off[i], text + off[j], off[j + 1] - off[j]);
}

/* Does the sentence ending just before s[at] (its 。) end in the polite style? */
static int
polite_end(const char *s, size_t at)
{
	static const char *const ends[] = {"ます", "です", "ました", "でした", "ません", "ください", "でしょう"};
	size_t i;

	/* Closing brackets may stand before the 。: …です」。 */
	while (at >= 3 && (memcmp(s + at - 3, "\xE3\x80\x8D", 3) == 0 || memcmp(s + at - 3, "\xE3\x80\x8F", 3) == 0 ||
			   s[at - 1] == ')'))
		at -= s[at - 1] == ')' ? 1 : 3;
	for (i = 0; i < sizeof ends / sizeof *ends; i++) {
		size_t k = strlen(ends[i]);

		if (at >= k && memcmp(s + at - k, ends[i], k) == 0)
			return 1;
	}
	return 0;
}

/*
 * Is s[0..n) prose in the plain style (だ・である), as blog posts are
 * written, and notices, which address their readers, hardly ever are?
 */
static int
plain_style(const char *s, size_t n)
{
	size_t at = 0, sentences = 0, polite = 0;
	const char *p;

	if (n > POST_WINDOW)
		n = POST_WINDOW;
	while ((p = memmem(s + at, n - at, "\xE3\x80\x82", 3)) != NULL) { /* 。 */
		at = (size_t)(p - s);
		sentences++;
		polite += polite_end(s, at);
		at += 3;
	}
	return sentences >= MIN_PLAIN_SENTENCES && (double)polite < MAX_POLITE_SHARE * (double)sentences;
}

/*
 * Does the paragraph after line i end in a sentence of the plain style?
 * A cheap first test of a post's prose, made before line i is read as a
 * title.
 */
static int
opens_plain_paragraph(const char *text, const size_t *off, size_t n, size_t i)
{
	size_t j = i + 1, len;

	while (j < n && line_blank(text, off, j))
		j++;
	if (j >= n || j == i + 1)
		return 0;
	len = off[j + 1] - off[j];
	len -= ir_utf8_rspan_space(text + off[j], len);
	return len >= 3 && memcmp(text + off[j] + len - 3, "\xE3\x80\x82", 3) == 0 &&
	       !polite_end(text + off[j], len - 3);
}

/*
 * Does a post start at line i after the notice's end, whatever its words:
 * a lone title line under the notice's sign-off (signs_off), with prose in
 * the plain style under it?  A post on security speaks the notices'
 * words; its place and its style still tell it apart.
 */
static int
after_sign_off(struct ir_noise *nz, const char *text, const size_t *off, size_t n, size_t i)
{
	size_t p = i, q;

	while (p > 0 && line_blank(text, off, p - 1))
		p--;
	if (p == i || p < 2 || !may_start_post(text, off, p - 1))
		return 0;
	/* The sign-off closes the notice's prose, not a run of lone lines. */
	for (q = p - 2; q > 0 && line_blank(text, off, q); q--)
		;
	/* The cheap tests first: the words of the sign-off are counted last. */
	return !ir_noise_is_title(text + off[q], off[q + 1] - off[q]) &&
	       plain_style(text + off[i + 1], off[n] - off[i + 1]) && signs_off(nz, text, off, n, p - 1);
}

/*
 * The first line from c0 before `until` that starts a post after the
 * notice's sign-off (after_sign_off), else `until` (n: none, so -1).
 * Its words are not counted, so it may stand before the lines that the
 * count of words let ir_noise_find try.
 */
static long
first_after_sign_off(struct ir_noise *nz, const char *text, const size_t *off, size_t n, size_t c0,
		     size_t until, size_t first, long header, int *marked)
{
	size_t i;

	for (i = c0; i < until && nz->chars[i] >= MIN_POST_CHARS; i++) {
		if (!opens_plain_paragraph(text, off, n, i) || !may_start_post(text, off, i))
			continue;
		if (!*marked) {
			mark_lines(nz, text, off, n, first);
			*marked = 1;
		}
		if (!in_notice_layout(nz, text, off, i, header) && after_sign_off(nz, text, off, n, i))
			return (long)i;
	}
	return until < n ? (long)until : -1;
}

long
ir_noise_find(struct ir_noise *nz, const char *text, const size_t *off,
	      size_t n, size_t first, long header)
{
	size_t c0, i, start;
	int marked = 0;

	for (c0 = first; c0 < n && !may_start_post(text, off, c0); c0++)
		;
	if (c0 >= n)
		return -1;
	if (!prepared)
		ir_die(IR_EXIT_FAIL, NULL, 0, "bug: ir_noise_find before ir_noise_prepare");
	reserve(nz, n);
	/* Suffix sums: chars[i] and vocab[i] count lines i..n-1. */
	nz->chars[n] = nz->vocab[n] = 0;
	for (i = n; i-- > c0;)
		nz->chars[i] = nz->chars[i + 1] + visible_chars(text + off[i], off[i + 1] - off[i]);
	if (nz->chars[c0] < MIN_SHORT_POST_CHARS)
		return -1;
	/*
	 * Count words from the end back.  Once the tail from line i holds as
	 * many as a post from c0 may have, no title at or before i can pass,
	 * so most notices are read only near their end.
	 */
	start = c0;
	for (i = n; i-- > c0;) {
		nz->vocab[i] = nz->vocab[i + 1] + vocab_hits(text + off[i], off[i + 1] - off[i]);
		if (1000.0 * (double)nz->vocab[i] >= MAX_DENSITY * (double)nz->chars[c0]) {
			start = i + 1;
			break;
		}
	}
	for (i = start; i < n && nz->chars[i] >= MIN_SHORT_POST_CHARS; i++) {
		const char *line = text + off[i];
		size_t len = off[i + 1] - off[i];
		double density, ov;
		int is_short;

		if (!may_start_post(text, off, i))
			continue;
		if (!marked) {
			mark_lines(nz, text, off, n, first);
			marked = 1;
		}
		is_short = nz->chars[i] < MIN_POST_CHARS;
		if (in_notice_layout(nz, text, off, i, header) ||
		    (is_short && !short_post(nz, text, off, i, header)))
			continue;
		density = 1000.0 * (double)nz->vocab[i] / (double)nz->chars[i];
		if (density >= MAX_DENSITY)
			continue;
		if (header >= 0 &&
		    overlap(nz, text + off[header], off[header + 1] - off[header], line, len) >=
			    HEADER_OVERLAP)
			continue;
		ov = overlap(nz, text, off[i], text + off[i], off[n] - off[i]);
		if ((is_short ? ov < SHORT_MAX_OVERLAP : density / MAX_DENSITY + ov / MAX_OVERLAP < 1.0) &&
		    !signs_off(nz, text, off, n, i))
			break;
	}
	return first_after_sign_off(nz, text, off, n, c0, i < n && nz->chars[i] >= MIN_SHORT_POST_CHARS ? i : n,
				    first, header, &marked);
}

void
ir_noise_free(struct ir_noise *nz)
{
	free(nz->chars);
	free(nz->vocab);
	free(nz->marks);
	free(nz->before);
	free(nz->after);
	free(nz->grams);
	memset(nz, 0, sizeof *nz);
}
