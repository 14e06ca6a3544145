/* split/segment.h - cutting raw dumps into posts.
 *
 * Lines go in one at a time; whole segments come out through a callback,
 * in input order, each exactly the bytes of its lines.  A segment ends at
 * the next header or at the end of the input, so one segment is held in
 * memory at a time: memory follows the longest post, not the input.  A
 * segment longer than max bytes is not kept: it comes out with its text
 * NULL and its length, for the caller to report.
 */
#ifndef IR_SPLIT_SEGMENT_H
#define IR_SPLIT_SEGMENT_H

#include <stddef.h>

#include "base/buf.h"
#include "split/header.h"
#include "split/noise.h"

enum ir_kind { IR_PREAMBLE, IR_INCIDENT, IR_NOISE };

extern const char *const ir_kind_name[];

struct ir_segment {
	enum ir_kind kind;
	const char *source;
	long line;                  /* 1-based number of the first line */
	unsigned long long offset;  /* byte offset of the first line */
	const char *text;           /* NULL: longer than max, not kept */
	size_t len;
	const char *id;             /* incidents; NULL otherwise */
	const char *title;          /* incidents and noise; NULL for preambles */
	size_t title_len;
};

typedef void (*ir_split_emit)(const struct ir_segment *seg, void *ctx);

struct ir_split {
	ir_split_emit emit;
	void *ctx;
	struct ir_noise noise;
	/* the segment being collected */
	const char *source;
	enum ir_kind kind;
	long line;
	unsigned long long offset;
	struct ir_header hdr;
	struct ir_buf text;
	size_t *off;                /* line starts; off[nlines] = text.len */
	size_t nlines, cap;
	size_t max;                 /* longest segment kept; 0: no limit */
	size_t dropped;             /* bytes of a segment past max, or 0 */
};

void ir_split_init(struct ir_split *s, ir_split_emit emit, void *ctx);
/* Starts an input. */
void ir_split_begin(struct ir_split *s, const char *source);
/* Adds one line (its line end included) at lineno and byte offset; a
 * line not kept by the reader (too long) comes as NULL and its length. */
void ir_split_line(struct ir_split *s, const char *line, size_t len, long lineno,
		   unsigned long long offset);
/* Ends the input: the last segment is emitted. */
void ir_split_end(struct ir_split *s);
void ir_split_free(struct ir_split *s);

#endif
