/* split/dedup.h - remembering posts already seen, to mark later copies.
 *
 * Label pages of the blog overlap, so one post is often in several dumps.
 * A post is a copy of an earlier one when the ids are equal and the texts
 * are equal once white space is removed: ASCII blanks (0x09-0x0D, space),
 * no-break space and ideographic space, the characters scraping varies.
 *
 * The index keeps a 64-bit hash of id, length and text per post and where
 * it was first seen, 16 bytes in a table kept at most 3/4 full: about 24
 * bytes a post, never the text.  Two different posts would be taken for
 * copies only if their hashes collided; among a million posts the odds
 * are about 1 in 36 million.
 */
#ifndef IR_SPLIT_DEDUP_H
#define IR_SPLIT_DEDUP_H

#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"

struct ir_dedup_slot {
	uint64_t key;   /* 0: empty */
	uint64_t where; /* source index << 44 | line */
};

struct ir_dedup {
	struct ir_dedup_slot *t;
	size_t cap, count;
	const char **sources; /* borrowed: the caller keeps them alive */
	size_t nsources;
	struct ir_buf scratch;
};

#define IR_DEDUP_INIT {0}

struct ir_dedup_hit {
	const char *source;
	long line;
};

/*
 * Returns 1 and fills *first when an earlier post had this id and text;
 * otherwise records this one (at source:line) and returns 0.
 */
int ir_dedup_check(struct ir_dedup *d, const char *id, const char *text, size_t len,
		   const char *source, long line, struct ir_dedup_hit *first);

/* The hash of text with white space left out (exposed for tests). */
uint64_t ir_dedup_hash(struct ir_dedup *d, const char *text, size_t len);

void ir_dedup_free(struct ir_dedup *d);

#endif
