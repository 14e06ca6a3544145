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
		uint32_t cp = ir_line_cp(vocab[w], strlen(vocab[w]), &i);

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
	return ir_line_is_ideograph(cp) || ir_line_is_katakana(cp);
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

enum { GRAM_WORDS = GRAM_BITS / 64 };

/* Share of the distinct bigrams of b that also occur in the bitmap a. */
static double
shared_with(struct ir_noise *nz, const uint64_t *a, const char *b, size_t blen)
{
	uint64_t *map = nz->grams + GRAM_WORDS;
	size_t fresh = 0, shared = 0;

	if (blen > POST_WINDOW)
		blen = POST_WINDOW;
	memset(map, 0, GRAM_BITS / 8);
	add_grams(map, a, b, blen, &fresh, &shared);
	return fresh ? (double)shared / (double)fresh : 0.0;
}

static void
grams_alloc(struct ir_noise *nz)
{
	if (nz->grams == NULL) {
		nz->grams = ir_xrealloc(NULL, 3 * GRAM_BITS / 8);
		nz->gram_text = NULL;
	}
}

/* Share of the distinct bigrams of b that also occur in a. */
static double
overlap(struct ir_noise *nz, const char *a, size_t alen, const char *b, size_t blen)
{
	uint64_t *map;
	size_t fresh = 0, shared = 0;

	grams_alloc(nz);
	map = nz->grams + 2 * GRAM_WORDS;
	if (alen > NOTICE_WINDOW)
		alen = NOTICE_WINDOW;
	memset(map, 0, GRAM_BITS / 8);
	add_grams(map, NULL, a, alen, &fresh, &shared);
	return shared_with(nz, map, b, blen);
}

/*
 * overlap() with the notice's text before line i, whose bigrams are kept
 * from one call to the next: the lines tried go down the notice, so each
 * adds only the lines since the last.  A line starts after a line end,
 * which no bigram crosses, so the bitmap is the one made in one go.
 */
static double
notice_overlap(struct ir_noise *nz, const char *text, size_t upto, const char *b, size_t blen)
{
	size_t fresh = 0, shared = 0;

	grams_alloc(nz);
	if (upto > NOTICE_WINDOW)
		upto = NOTICE_WINDOW;
	if (nz->gram_text != text || upto < nz->gram_len) {
		memset(nz->grams, 0, GRAM_BITS / 8);
		nz->gram_text = text;
		nz->gram_len = 0;
	}
	add_grams(nz->grams, NULL, text + nz->gram_len, upto - nz->gram_len, &fresh, &shared);
	nz->gram_len = upto;
	return shared_with(nz, nz->grams, b, blen);
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
		ir_line_prepare();
		prepared = 1;
	}
}

/*
 * A title under a tag in brackets, as blogs head their posts ("【書評】
 * 『…』を読んだ"): a tag of one to eight characters, then a title.  A
 * notice's bracketed lines are headings, alone or with their content
 * after them ("【対象】会員 約1,000名"), so this is tried only where the
 * notice has signed off and plain prose follows (after_sign_off).
 */
static int
tagged_title(const char *s, size_t n)
{
	size_t lead = ir_utf8_span_space(s, n), i, chars = 0;

	s += lead;
	n -= lead;
	if (n < 3 || memcmp(s, "\xE3\x80\x90", 3) != 0) /* 【 */
		return 0;
	for (i = 3; i < n && chars <= 8; chars++)
		if (ir_line_cp(s, n, &i) == 0x3011) /* 】 */
			return chars > 0 && ir_noise_is_title(s + i, n - i);
	return 0;
}

/* A post's title: a title line, or one under a tag. */
static int
post_title(const char *s, size_t n)
{
	return ir_noise_is_title(s, n) || tagged_title(s, n);
}

/* Could line i start a post: a title line after a blank one? */
static int
may_start_post(const char *text, const size_t *off, size_t i)
{
	if (i > 0 && !ir_noise_is_blank(text + off[i - 1], off[i] - off[i - 1]))
		return 0;
	return ir_noise_is_title(text + off[i], off[i + 1] - off[i]);
}

/* ... or a title under a tag after a blank line (tried after a sign-off only)? */
static int
may_start_tagged(const char *text, const size_t *off, size_t i)
{
	if (i > 0 && !ir_noise_is_blank(text + off[i - 1], off[i] - off[i - 1]))
		return 0;
	return tagged_title(text + off[i], off[i + 1] - off[i]);
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
	z = ir_line_cp(s, n, &last);
	a = ir_line_cp(s, n, &i);
	if (z == 0x3002) /* 。: a sentence */
		return 0;
	if (z == ':' || z == 0xFF1A || ir_line_list_mark(s, n).style != MARK_NONE)
		return 1;
	return ir_line_in_list(a, ir_line_bullets) && (j == 0 || line_blank(text, off, j - 1));
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

		nz->marks[i] = ir_line_list_mark(text + off[i] + lead, off[i + 1] - off[i] - lead);
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
	if (j + 1 >= n || !line_blank(text, off, j + 1) || !post_title(text + off[j], off[j + 1] - off[j]))
		return 0;
	mine = notice_overlap(nz, text, off[i], text + off[i], off[i + 1] - off[i]);
	return mine >= SIGN_OFF_OVERLAP &&
	       mine > notice_overlap(nz, text, off[i], text + off[j], off[j + 1] - off[j]);
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
	if (p == i || p < 2 || !line_blank(text, off, p - 2) ||
	    !ir_line_may_sign_off(text + off[p - 1], off[p] - off[p - 1]))
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
		if (!opens_plain_paragraph(text, off, n, i) ||
		    !(may_start_post(text, off, i) || may_start_tagged(text, off, i)))
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
	size_t t0, c0, i, start;
	int marked = 0;

	/* c0: the first title line; t0: the first line a post may start at, a tagged title's or c0. */
	for (c0 = first; c0 < n && !may_start_post(text, off, c0); c0++)
		;
	for (t0 = first; t0 < c0 && !may_start_tagged(text, off, t0); t0++)
		;
	if (t0 >= n)
		return -1;
	if (!prepared)
		ir_die(IR_EXIT_FAIL, NULL, 0, "bug: ir_noise_find before ir_noise_prepare");
	reserve(nz, n);
	nz->gram_text = NULL; /* a new text, maybe in the same buffer */
	/* Suffix sums: chars[i] and vocab[i] count lines i..n-1. */
	nz->chars[n] = nz->vocab[n] = 0;
	for (i = n; i-- > t0;)
		nz->chars[i] = nz->chars[i + 1] + visible_chars(text + off[i], off[i + 1] - off[i]);
	if (c0 >= n || nz->chars[c0] < MIN_SHORT_POST_CHARS)
		return first_after_sign_off(nz, text, off, n, t0, n, first, header, &marked);
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
		ov = notice_overlap(nz, text, off[i], text + off[i], off[n] - off[i]);
		if ((is_short ? ov < SHORT_MAX_OVERLAP : density / MAX_DENSITY + ov / MAX_OVERLAP < 1.0) &&
		    !signs_off(nz, text, off, n, i))
			break;
	}
	return first_after_sign_off(nz, text, off, n, t0, i < n && nz->chars[i] >= MIN_SHORT_POST_CHARS ? i : n,
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
