/* base/cpset.h - is this character one of a set?  In a handful of instructions.
 *
 * The passes over every character of a notice test each against a set: a
 * short list (digits in kanji, era names) or a class (the characters
 * normalisation leaves alone).  A switch or a chain of ranges compiles to
 * a tree of compares and mispredicted branches; a bitmap of the Basic
 * Multilingual Plane, made on first use, answers with one load.
 */
#ifndef IR_BASE_CPSET_H
#define IR_BASE_CPSET_H

#include <stdatomic.h>
#include <stdint.h>

struct ir_cpset {
	const char *chars;        /* the members, as UTF-8, or */
	int (*where)(uint32_t cp); /* the test they pass */
	atomic_int ready;
	uint64_t bits[0x10000 / 64];
};

#define IR_CPSET(chars) {chars, NULL, 0, {0}}
#define IR_CPSET_WHERE(fn) {NULL, fn, 0, {0}}

void ir_cpset_build(struct ir_cpset *set);

/* Is cp (any value) in the set? */
static inline int
ir_cpset_has(struct ir_cpset *set, uint32_t cp)
{
	if (!atomic_load_explicit(&set->ready, memory_order_acquire))
		ir_cpset_build(set);
	return cp < 0x10000 && (set->bits[cp >> 6] >> (cp & 63) & 1);
}

#endif
