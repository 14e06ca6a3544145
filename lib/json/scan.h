/* json/scan.h - reading JSON text: checking a line, indexing its members.
 *
 * Records are mostly one long string, so the tools neither build nor walk
 * a DOM on their hot path.  Reading: ir_json_object checks a whole line
 * (RFC 8259, UTF-8 included) and notes where each top-level member's key
 * and value are; values are decoded only when asked for, and a tool that
 * adds fields copies the rest of the record through untouched.  Nested
 * values are walked by json/path.h; writing is json/write.h's.
 *
 * Ownership: struct ir_jobj borrows the text it was scanned from; the text
 * must stay put while the members are used.  Decoders append to a buffer
 * the caller owns.
 */
#ifndef IR_JSON_SCAN_H
#define IR_JSON_SCAN_H

#include <stddef.h>

#include "base/buf.h"

enum ir_jtype { IR_JNULL, IR_JFALSE, IR_JTRUE, IR_JNUMBER, IR_JSTRING, IR_JARRAY, IR_JOBJECT };

/* Deeper nesting is refused rather than followed. */
#define IR_JSON_MAX_DEPTH 512

struct ir_jmember {
	size_t key, key_len; /* the key token, quotes included */
	size_t val, val_len; /* the value token */
	enum ir_jtype type;
};

struct ir_jobj {
	const char *text;
	struct ir_jmember *m;
	size_t n, cap;
};

#define IR_JOBJ_INIT {NULL, NULL, 0, 0}

/*
 * Scans text (n bytes, a trailing newline allowed) that must hold exactly
 * one JSON object.  Returns 0, or -1 with the first fault's message in
 * *why and its byte offset in *at: "not a JSON object" for a syntax
 * error, else what is wrong with JSON that looks right: nesting deeper
 * than IR_JSON_MAX_DEPTH, a lone surrogate escape, invalid UTF-8 or an
 * unescaped control character in a string.
 */
int ir_json_object(struct ir_jobj *o, const char *text, size_t n, const char **why, size_t *at);
/* Scans one JSON value at text; returns its length, or 0 with *why set. */
size_t ir_json_value(const char *text, size_t n, enum ir_jtype *type, const char **why);
/* Does the key token (quotes included) spell key once unescaped? */
int ir_json_key_is(const char *tok, size_t n, const char *key);
/* The last member with this key, or NULL. */
const struct ir_jmember *ir_json_get(const struct ir_jobj *o, const char *key);
/* Appends the decoded contents of a string token (quotes included). */
void ir_json_unescape(const char *tok, size_t n, struct ir_buf *out);
void ir_jobj_free(struct ir_jobj *o);

#endif
