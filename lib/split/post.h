/* split/post.h - a post as ir-split hands it on, and as it writes it.
 *
 * ir-split cuts the input in one thread and writes JSON in another (see
 * run/relay.h).  A segment crosses between them packed: a struct ir_post,
 * then the post's bytes, appended to the relay's batch.  The writing
 * thread unpacks each and writes its record: kind, id, source, line,
 * offset, title, duplicate_of (when it repeats an earlier post) and text,
 * in that order.
 *
 * Ownership: a packed post holds the source name as a pointer: the
 * caller keeps the names alive until the batch is written.
 */
#ifndef IR_SPLIT_POST_H
#define IR_SPLIT_POST_H

#include <stddef.h>

#include "base/buf.h"
#include "split/dedup.h"
#include "split/segment.h"

struct ir_post {
	enum ir_kind kind;
	const char *source;
	long line;
	unsigned long long offset;
	size_t len;
	int has_title;
	size_t title_off, title_len; /* within the text */
	char id[sizeof ((struct ir_header *)0)->id];
};

/* Appends the segment (which has its text) to b, packed. */
void ir_post_pack(struct ir_buf *b, const struct ir_segment *seg);

/*
 * Unpacks the post at data[*pos] into *p and points *text at its bytes;
 * advances *pos past it.
 */
void ir_post_unpack(const char *data, size_t *pos, struct ir_post *p, const char **text);

/* Appends the post's record and a line end; first: the earlier copy, or NULL. */
void ir_post_json(struct ir_buf *b, const struct ir_post *p, const char *text,
		  const struct ir_dedup_hit *first);

#endif
