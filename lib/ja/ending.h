/* ja/ending.h - reading a clause back from its end: the character before an offset, kana, words.
 *
 * Shared by the modules that read clauses (ja/clause, ja/predicate,
 * ja/reach), which all decide from what a clause ends with.  The text is
 * valid UTF-8 (normalised, ja/norm.h).
 */
#ifndef IR_JA_ENDING_H
#define IR_JA_ENDING_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/utf8.h"

/* A word of a list, its length known: the lists are read at every clause's end. */
struct ir_word {
	const char *s;
	size_t n;
};

#define IR_W(s) {s, sizeof s - 1}

static inline int
ir_hiragana(uint32_t cp)
{
	return cp >= 0x3041 && cp <= 0x309F;
}

/* Is cp one of the characters of set (three-byte characters, concatenated)? */
static inline int
ir_cp_in(uint32_t cp, const char *set)
{
	const unsigned char *p = (const unsigned char *)set;
	unsigned last = 0x80 | (cp & 0x3F);

	/* Compared by their last bytes first: they differ most there. */
	for (; *p != '\0'; p += 3)
		if (p[2] == last && ir_utf8_cp3(p) == cp)
			return 1;
	return 0;
}

/* The code point ending at t[end) (0 at from), and its start in *at unless at is NULL. */
static inline uint32_t
ir_cp_before(const char *t, size_t from, size_t end, size_t *at)
{
	size_t i = end;
	uint32_t cp;

	if (i <= from)
		return 0;
	do
		i--;
	while (i > from && ((unsigned char)t[i] & 0xC0) == 0x80);
	ir_utf8_next((const unsigned char *)t + i, end - i, &cp);
	if (at)
		*at = i;
	return cp;
}

/* Does t[from..end) end with w? */
static inline int
ir_ends_with(const char *t, size_t from, size_t end, const char *w)
{
	size_t k = strlen(w);

	return end - from >= k && memcmp(t + end - k, w, k) == 0;
}

#endif
