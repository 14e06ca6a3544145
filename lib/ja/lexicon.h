/* ja/lexicon.h - finding the words of a fixed list in text, in one pass.
 *
 * The extractors look for dozens of words at once (data types, the
 * authorities a notice was told about).  A PCRE2 alternation of them has
 * no literal to skip ahead by and costs a full match attempt at every
 * character; a lexicon keeps a bitmap of the characters words start with
 * and compares words only there; a second bitmap, hashed on a word's
 * first two characters, rules out most places where a common first
 * character is followed by none of its words' second characters, and a
 * hash of the first characters finds the words to compare without a
 * search.  Matches are leftmost, then longest, and
 * do not overlap.  Words made of ASCII letters match without regard to
 * case and, unless anywhere is set, only as whole words ("TEL", not
 * "HOTEL").
 */
#ifndef IR_JA_LEXICON_H
#define IR_JA_LEXICON_H

#include <stddef.h>
#include <stdint.h>

struct ir_lexword {
	const char *word;
	int id;
};

struct ir_lexicon {
	const struct ir_lexword *words; /* as given */
	size_t n;
	int anywhere;                   /* ASCII words inside others match too */
	/* built by ir_lexicon_build */
	struct ir_lexentry {
		uint32_t first;
		uint32_t len;
		const char *word;
		int id;
	} *sorted;                       /* then the slots, in the same block */
	struct ir_lexslot {
		uint32_t first, entry;  /* entry: the first of sorted with it */
	} *slots;
	unsigned slotbits;               /* 1 << slotbits slots */
	uint64_t starts[0x10000 / 64];   /* BMP code points that start a word */
	uint64_t alone[0x10000 / 64];    /* ... a word of one character */
	uint64_t pairs[0x10000 / 64];    /* hashes of words' first two characters */
};

#define IR_LEXICON(words) {words, sizeof words / sizeof *words, 0, NULL, NULL, 0, {0}, {0}, {0}}

/*
 * Sorts and indexes the words: once, before the lexicon is searched and
 * before any thread starts (a lexicon built already is left alone).  A
 * search of a lexicon that was never built stops the program: a bug.
 */
void ir_lexicon_build(struct ir_lexicon *lx);
void ir_lexicon_free(struct ir_lexicon *lx);

/*
 * Finds the first word at or after from in s (valid UTF-8); returns 1 and
 * sets *off, *len and *id, or returns 0.
 */
int ir_lexicon_next(const struct ir_lexicon *lx, const char *s, size_t n, size_t from, size_t *off,
		    size_t *len, int *id);

/*
 * Calls fn for every word at every place of s, overlapping ones and
 * words that are prefixes of others included; fn returns 0 to go on.
 */
void ir_lexicon_each(const struct ir_lexicon *lx, const char *s, size_t n,
		     int (*fn)(size_t off, size_t len, int id, void *ctx), void *ctx);

#endif
