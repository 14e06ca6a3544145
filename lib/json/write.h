/* json/write.h - writing JSON: one escaper, and a writer that keeps the commas.
 *
 * Every JSON the tools write goes through here: records, the fields the
 * stages add, ir-stats' rows and its saved state.  The escaper
 * (ir_json_str) copies valid UTF-8 as it is and escapes only what JSON
 * requires, in one pass of sixteen bytes a step.  The writer (struct
 * ir_jw) opens and closes objects and arrays and puts the commas and
 * colons where they belong, so a caller says what it writes, not how.
 *
 * A writer is started either on a whole value (ir_jw_start) or inside an
 * object whose braces are someone else's (ir_jw_members: the members a
 * stage appends to a record it passes on).  Nesting deeper than
 * IR_JW_MAX_DEPTH is a bug of the caller, not of the data: it aborts.
 *
 * Ownership: the writer borrows the buffer it appends to.
 */
#ifndef IR_JSON_WRITE_H
#define IR_JSON_WRITE_H

#include <stddef.h>

#include "base/buf.h"

/* A JSON string of s (n bytes of valid UTF-8), quotes included. */
void ir_json_str(struct ir_buf *b, const char *s, size_t n);
/* A finite double in the shortest form that reads back the same; null otherwise. */
void ir_json_double(struct ir_buf *b, double v);

#define IR_JW_MAX_DEPTH 16

struct ir_jw {
	struct ir_buf *b;
	int depth;                               /* open objects and arrays */
	unsigned char more[IR_JW_MAX_DEPTH + 1]; /* a value stands at this depth */
	char close[IR_JW_MAX_DEPTH + 1];         /* what ends it: '}' or ']' */
	unsigned char keyed;                     /* a key waits for its value */
};

/* Writes one value to b (call ir_jw_object or ir_jw_array for a container). */
void ir_jw_start(struct ir_jw *w, struct ir_buf *b);
/* Writes members into an object already open in b; first: none stands yet. */
void ir_jw_members(struct ir_jw *w, struct ir_buf *b, int first);

void ir_jw_object(struct ir_jw *w);
void ir_jw_array(struct ir_jw *w);
/* Closes the innermost object or array. */
void ir_jw_end(struct ir_jw *w);
/* A member's key; its value comes next. */
void ir_jw_key(struct ir_jw *w, const char *key);

void ir_jw_str(struct ir_jw *w, const char *s, size_t n);
/* A string, or null when s is NULL. */
void ir_jw_cstr(struct ir_jw *w, const char *s);
/* An array of the n strings of v (NULL ones as null). */
void ir_jw_cstrs(struct ir_jw *w, char *const *v, size_t n);
void ir_jw_null(struct ir_jw *w);
void ir_jw_bool(struct ir_jw *w, int v);
void ir_jw_long(struct ir_jw *w, long long v);
void ir_jw_ulong(struct ir_jw *w, unsigned long long v);
void ir_jw_double(struct ir_jw *w, double v);
/* A value that is JSON already (n bytes), copied as it is. */
void ir_jw_raw(struct ir_jw *w, const char *json, size_t n);
/* Makes room for a value the caller then appends to w->b itself (a number
 * that another module formats). */
void ir_jw_value(struct ir_jw *w);

#endif
