/* split/dedup.h - remembering posts already seen, to mark later copies.
 *
 * Label pages of the blog overlap, so one post is often in several dumps.
 * A post is a copy of an earlier one when the ids are equal and the texts
 * are equal once white space is removed (ASCII blanks, no-break space,
 * ideographic space and the other spaces, and the invisible format
 * characters such as U+200B: ir_utf8_is_space), what scraping varies.
 *
 * The index keeps, per post, a SipHash-1-3 of its id and text with a key
 * drawn at random for the run, where it was first seen and where its text
 * can be read again: 32 bytes in a table kept at most 3/4 full.  Nobody
 * can build two posts whose hashes collide without the key, and a match
 * is still confirmed by comparing the texts themselves, white space left
 * out.  The earlier text is read again from its input when that is a
 * regular file (pread(2) on a descriptor the index keeps open); the posts
 * of any other input (a pipe, a terminal, a file that cannot be opened
 * again) are kept in memory, id and text without white space.  So memory
 * is about 100 bytes a post read from files (the table doubles as it
 * fills), plus the text of the posts read from pipes.  A file that no
 * longer reads as it did cannot confirm a copy: that is reported, the
 * post is not marked, and ir_dedup_status says IR_EXIT_FAIL.
 */
#ifndef IR_SPLIT_DEDUP_H
#define IR_SPLIT_DEDUP_H

#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "base/siphash.h"

struct ir_dedup_slot {
	uint64_t key;   /* 0: empty */
	uint64_t where; /* source index << 44 | line */
	uint64_t off;   /* of the post in its source, or of its id and text in the store */
	uint64_t len;   /* of the post, or of its id and text in the store */
};

struct ir_dedup_source {
	const char *name; /* borrowed: the caller keeps it alive */
	int fd;           /* for reading posts again, or -1: they are in the store */
	int failed;       /* a copy could not be confirmed (said once) */
};

struct ir_dedup {
	struct ir_siphash_key key;
	int keyed;
	struct ir_dedup_slot *t;
	size_t cap, count;
	struct ir_dedup_source *sources;
	size_t nsources;
	struct ir_buf store;   /* ids and texts of the posts of other inputs */
	struct ir_buf scratch; /* this post's id, NUL and text without white space */
	struct ir_buf earlier; /* the same of the post it may copy */
	struct ir_buf raw;     /* that post as read again */
	int status;
};

#define IR_DEDUP_INIT {0}

struct ir_dedup_hit {
	const char *source;
	long line;
};

/*
 * Returns 1 and fills *first when an earlier post had this id and text;
 * otherwise records this one (at source:line, byte offset in that input)
 * and returns 0.  text is the post as ir-split writes it: read from the
 * input with each ill-formed UTF-8 sequence replaced by U+FFFD.
 */
int ir_dedup_check(struct ir_dedup *d, const char *id, const char *text, size_t len,
		   const char *source, long line, unsigned long long offset,
		   struct ir_dedup_hit *first);

/* IR_EXIT_FAIL when a copy could not be confirmed, else IR_EXIT_OK. */
int ir_dedup_status(const struct ir_dedup *d);

/* The keyed hash of text with white space left out (exposed for tests). */
uint64_t ir_dedup_hash(struct ir_dedup *d, const char *text, size_t len);

void ir_dedup_free(struct ir_dedup *d);

#endif
