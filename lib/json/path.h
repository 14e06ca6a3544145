/* json/path.h - the values of a field of a record, and canonical JSON text.
 *
 * A field is named by a dot path: "category", "veris.action",
 * "period.from".  Each step looks a key up in an object (the last member
 * of that name, as ir_json_get does); an array met on the way is walked
 * into, each of its elements taking the rest of the path, and an array
 * at the end gives its elements.  So "data_types" gives each data type,
 * "veris.action" each action and "counts.unit" the unit of each count.
 * A path that leads nowhere gives no value; null is a value.
 *
 * Grouping and counting distinct values compare values by their
 * canonical JSON text: strings escaped as ir_json_str does, numbers as
 * ir_number_json writes them (1, 1.0 and 1e0 are all "1"), object members
 * sorted by key with only the last of a repeated key, no white space.
 *
 * Ownership: values point into the record text they came from (borrowed);
 * struct ir_jpath and struct ir_jvals own their arrays.
 */
#ifndef IR_JSON_PATH_H
#define IR_JSON_PATH_H

#include <stddef.h>

#include "base/buf.h"
#include "json/scan.h"

struct ir_jpath {
	char **key;
	size_t n;
	struct ir_jobj *scratch; /* one scanned object per step below the top */
	int whole;               /* an array at the end is one value, not its elements */
};

struct ir_jval {
	const char *tok;
	size_t len;
	enum ir_jtype type;
};

struct ir_jvals {
	struct ir_jval *v;
	size_t n, cap;
	size_t found; /* times the path reached its field: 0 when it is missing */
};

/* Splits "a.b.c" (n bytes); -1 when a step is empty. */
int ir_jpath_parse(struct ir_jpath *p, const char *s, size_t n);
void ir_jpath_free(struct ir_jpath *p);

/*
 * Appends to out the values at path p in the top-level object o (scanned
 * by ir_json_object), and adds to out->found the times the path reached
 * its last key (a null or an empty array is found, and gives no value or
 * null).  Not thread-safe for one p: each thread needs its
 * own copy of the scratch (ir_jpath_copy).
 */
void ir_jpath_values(struct ir_jpath *p, const struct ir_jobj *o, struct ir_jvals *out);
/* A copy of p with its own scratch. */
void ir_jpath_copy(struct ir_jpath *dst, const struct ir_jpath *src);
void ir_jvals_free(struct ir_jvals *v);

/*
 * Iterates the elements of a checked array token a (n bytes): *pos is 0
 * at first; returns 1 with the next element in *v, 0 at the end.
 */
int ir_jarr_next(const char *a, size_t n, size_t *pos, struct ir_jval *v);

/* Appends the canonical text of a checked JSON value token. */
void ir_json_canonical(struct ir_buf *b, const char *tok, size_t n, enum ir_jtype t);

/*
 * Orders canonical values: numbers by value, then strings by their
 * code points, false, true, arrays, objects, null last.
 */
int ir_json_canon_cmp(const char *a, size_t an, const char *b, size_t bn);

/* The type of a canonical value, from its first byte. */
enum ir_jtype ir_json_canon_type(const char *s, size_t n);

#endif
