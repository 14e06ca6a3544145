/* base/span.h - which span of a sorted array holds an offset.
 *
 * The readers of a notice (its sections, its clauses) keep arrays of
 * spans in text order, not overlapping, and answer "which holds this
 * offset?" for callers that mostly ask in text order: a hint keeps the
 * last answer, so such callers get each answer in constant time.
 */
#ifndef IR_BASE_SPAN_H
#define IR_BASE_SPAN_H

#include <stddef.h>

/* A stretch of text: its byte offset and length. */
struct ir_span {
	size_t off, len;
};

/*
 * The index of the element of base[0..n) that holds off, or n: each
 * element is size bytes, with a size_t offset at byte at and the size_t
 * length right after it.  hint, when not NULL, holds the last answer.
 */
size_t ir_span_find(const void *base, size_t n, size_t size, size_t at, size_t off, size_t *hint);

#endif
