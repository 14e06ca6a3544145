/* stats/list.h - records out: --list FIELD,FIELD,... as rows.
 *
 * Instead of groups, one row per record selected (or, with --incidents,
 * per incident), a column per field: a dot path, with an optional date
 * bucket (published:fy gives FY2023).  A cell holds the field's value as
 * canonical JSON: null when the field is missing or null, the value when
 * there is one, an array when there are several (an array field, or a
 * path through an array of objects).  Shown as text, strings are their
 * text, an array's elements are joined with ';', an object is compact
 * JSON; in -o json the cell stays JSON.
 *
 * Rows come in input order (of the record, or of an incident's first
 * notice), or by their cells with --sort key; --top keeps the first N.
 * Every row is kept until the output: memory grows with the records
 * listed (only their cells).
 *
 * Ownership: a listing owns its rows and its copies of the paths.
 */
#ifndef IR_STATS_LIST_H
#define IR_STATS_LIST_H

#include <stddef.h>

#include "base/buf.h"
#include "json/path.h"
#include "json/scan.h"
#include "stats/conf.h"
#include "stats/table.h"

struct ir_list_row {
	long src, line;   /* where the record was read: the input order */
	size_t off, len;  /* its cells in text: canonical JSON joined by '\n' */
};

struct ir_listing {
	const struct ir_stats_conf *c;
	struct ir_list_row *row;
	size_t n, cap;
	struct ir_buf text;
	struct ir_jpath *path;  /* copies of the conf's list paths, whole arrays */
	struct ir_jvals vals;
	struct ir_buf tmp;
};

void ir_listing_init(struct ir_listing *l, const struct ir_stats_conf *c);
void ir_listing_free(struct ir_listing *l);
/* Adds the row of record o read at line line of input number src. */
void ir_listing_add(struct ir_listing *l, const struct ir_jobj *o, long src, long line);
/* Moves the rows of src to dst. */
void ir_listing_merge(struct ir_listing *dst, struct ir_listing *src);
/*
 * The rows as a table: in input order, or by their cells (sort_key);
 * top > 0 keeps the first top.
 */
void ir_listing_table(struct ir_listing *l, int sort_key, long top, struct ir_table *t);

#endif
