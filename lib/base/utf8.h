/* base/utf8.h - UTF-8 decoding, checking and repair. */
#ifndef IR_BASE_UTF8_H
#define IR_BASE_UTF8_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/buf.h"

#define IR_REPLACEMENT 0xFFFD

/*
 * Decodes the sequence at p (n > 0 bytes).  Returns its length and sets
 * *cp, or, for an ill-formed sequence, minus the length of its maximal
 * subpart (Unicode 15, 3.9): the bytes that one U+FFFD replaces.
 */
int ir_utf8_next_slow(const unsigned char *p, size_t n, uint32_t *cp);

/*
 * The code point of the three-byte sequence at p, unchecked: for the
 * passes over text already known to be valid, where most characters are
 * kana and kanji.
 */
static inline uint32_t
ir_utf8_cp3(const unsigned char *p)
{
	return (p[0] & 0x0Fu) << 12 | (p[1] & 0x3Fu) << 6 | (p[2] & 0x3Fu);
}

/* ASCII and well-formed three-byte sequences (kana, kanji) inline. */
static inline int
ir_utf8_next(const unsigned char *p, size_t n, uint32_t *cp)
{
	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if ((p[0] & 0xF0) == 0xE0 && n >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80 &&
	    (p[0] != 0xE0 || p[1] >= 0xA0) && (p[0] != 0xED || p[1] < 0xA0)) {
		*cp = ir_utf8_cp3(p);
		return 3;
	}
	return ir_utf8_next_slow(p, n, cp);
}

/* Writes cp (at most U+10FFFF) as UTF-8; returns the length, 1 to 4. */
size_t ir_utf8_encode(uint32_t cp, char out[4]);

/* Offset of the first byte of the first ill-formed sequence, or n. */
size_t ir_utf8_check(const char *p, size_t n);

/* Appends p to out with each ill-formed sequence replaced by U+FFFD. */
void ir_utf8_repair(const char *p, size_t n, struct ir_buf *out);

/*
 * The first ch (two or more bytes: a character, or a short word) in
 * p[0..n), or NULL, as memmem would find it.  For the full stop that
 * bounds sentences and the words of a line: memchr finds the last byte,
 * rarer than the first, and memmem's set-up costs more than the search.
 */
static inline const char *
ir_utf8_find(const char *p, size_t n, const char *ch)
{
	size_t k = strlen(ch), i = k - 1;

	while (i < n) {
		const char *q = memchr(p + i, ch[k - 1], n - i);

		if (q == NULL)
			return NULL;
		if (memcmp(q - (k - 1), ch, k - 1) == 0)
			return q - (k - 1);
		i = (size_t)(q - p) + 1;
	}
	return NULL;
}

/* Number of code points in valid UTF-8 text. */
size_t ir_utf8_count(const char *p, size_t n);

/* Is cp a format character (category Cf: U+200B ZERO WIDTH SPACE, U+2060
 * WORD JOINER, U+FEFF, soft hyphen, bidirectional marks...)? */
int ir_utf8_is_format(uint32_t cp);

/*
 * Is cp a space where the layout is read: white space (ASCII blanks,
 * NBSP, U+3000 and the other Zs, line and paragraph separators) or a
 * format character, which scraped HTML strews and nobody sees?
 */
int ir_utf8_is_space(uint32_t cp);

/* Length of a run of spaces (ir_utf8_is_space) at the start (end) of p. */
size_t ir_utf8_span_space_at(const char *p, size_t n);
size_t ir_utf8_rspan_space_at(const char *p, size_t n);

/*
 * Could the character whose UTF-8 starts with lead (and next, its second
 * byte) not be a space: ASCII but the blanks, U+3040 to U+9FFF (kana and
 * kanji)?  Most lines start and end with one, so the spans are inline.
 */
static inline int
ir_utf8_surely_not_space(unsigned char lead, unsigned char next)
{
	return (lead > ' ' && lead < 0x80) || (lead >= 0xE4 && lead <= 0xE9) ||
	       (lead == 0xE3 && next >= 0x81);
}

static inline size_t
ir_utf8_span_space(const char *p, size_t n)
{
	if (n == 0 || (n >= 2 && ir_utf8_surely_not_space((unsigned char)p[0], (unsigned char)p[1])))
		return 0;
	return ir_utf8_span_space_at(p, n);
}

static inline size_t
ir_utf8_rspan_space(const char *p, size_t n)
{
	if (n == 0 || ((unsigned char)p[n - 1] > ' ' && (unsigned char)p[n - 1] < 0x80) ||
	    (n >= 3 && ir_utf8_surely_not_space((unsigned char)p[n - 3], (unsigned char)p[n - 2]) &&
	     (unsigned char)p[n - 3] >= 0xE3))
		return 0;
	return ir_utf8_rspan_space_at(p, n);
}

#endif
