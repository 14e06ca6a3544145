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

#endif
