/* base/cpset.h - is this character one of a set?  In a handful of instructions.
 *
 * The passes over every character of a notice test each against a set: a
 * short list (digits in kanji, era names) or a class (the characters
 * normalisation leaves alone).  A switch or a chain of ranges compiles to
 * a tree of compares and mispredicted branches; a bitmap of the Basic
 * Multilingual Plane answers with one load.  A module builds its sets in
 * its prepare function, at start-up, before any thread starts; after that
 * they are only read.  Testing a set that was never built is a bug, and
 * stops the program rather than answer "no" to everything.
 */
#ifndef IR_BASE_CPSET_H
#define IR_BASE_CPSET_H

#include <stddef.h>
#include <stdint.h>

struct ir_cpset {
	const char *chars;        /* the members, as UTF-8, or */
	int (*where)(uint32_t cp); /* the test they pass */
	int ready;
	uint64_t bits[0x10000 / 64];
};

#define IR_CPSET(chars) {chars, NULL, 0, {0}}
#define IR_CPSET_WHERE(fn) {NULL, fn, 0, {0}}

/* Builds the bitmap (a set built already is left alone). */
void ir_cpset_build(struct ir_cpset *set);

_Noreturn void ir_cpset_unbuilt(void);

/* Is cp (any value) in the set? */
static inline int
ir_cpset_has(const struct ir_cpset *set, uint32_t cp)
{
	if (!set->ready)
		ir_cpset_unbuilt();
	return cp < 0x10000 && (set->bits[cp >> 6] >> (cp & 63) & 1);
}

/*
 * Is the three-byte character at p (a lead byte E0-EF and two
 * continuation bytes) in the set?  As ir_cpset_has of its code point, read
 * from the bytes: the lead's low four bits and the second byte's low six
 * pick the word, the last byte's low six the bit.
 */
static inline int
ir_cpset_has3(const struct ir_cpset *set, const unsigned char *p)
{
	if (!set->ready)
		ir_cpset_unbuilt();
	return set->bits[(p[0] & 0x0Fu) << 6 | (p[1] & 0x3Fu)] >> (p[2] & 0x3F) & 1;
}

/*
 * The first place at or after i in s[0..n) (valid UTF-8) where a member
 * of the set starts, or n: the scan of a pass that looks for a few
 * characters (digits, kanji numerals).  ASCII and three-byte characters
 * are tested; the bytes of others are stepped over one at a time and never
 * found.
 */
size_t ir_cpset_next(const struct ir_cpset *set, const char *s, size_t n, size_t i);

/*
 * The places of a set's members in a text (as ir_cpset_next finds them),
 * in order: found in one pass, for the passes that would each look for
 * some of them (counts and dates).
 */
struct ir_cpmarks {
	size_t *at;
	size_t n, cap;
};

#define IR_CPMARKS_INIT {NULL, 0, 0}

void ir_cpset_marks(const struct ir_cpset *set, const char *s, size_t n, struct ir_cpmarks *m);
void ir_cpmarks_free(struct ir_cpmarks *m);

#endif
