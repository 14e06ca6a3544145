/* record.h - the NDJSON record loop of the tools after ir-split.
 *
 * ir_records_run reads the named inputs line by line, checks that each
 * line is one JSON object, and hands it to the tool's callback.  A line
 * that is not is reported as "PROG: FILE:LINE: not a JSON object", left
 * out of the output, copied verbatim to the rejects file when there is
 * one, and makes the exit status IR_EXIT_DATA; the loop goes on.  Blank
 * lines are skipped.  The callback may reject a record the same way
 * (ir_records_reject), e.g. when a contract field has the wrong type.
 *
 * ir_record_write writes a record back with fields added: the original
 * bytes go through untouched and the new members are appended; members
 * of the same names already present are dropped, so running a tool twice
 * gives the same record.
 */
#ifndef IR_RECORD_H
#define IR_RECORD_H

#include <stddef.h>

#include "buf.h"
#include "json.h"
#include "out.h"

struct ir_record {
	const char *source;
	long line;
	const char *text; /* the line without its line end; borrowed */
	size_t len;
	struct ir_jobj obj;
};

struct ir_records;
typedef int (*ir_record_fn)(struct ir_records *rs, struct ir_record *rec, void *ctx);

struct ir_records {
	ir_record_fn fn;
	void *ctx;
	struct ir_out rejects;
	int have_rejects;
	struct ir_record rec;
};

/* Sets up the loop; rejects may be NULL.  -1 with errno if it cannot be created. */
int ir_records_init(struct ir_records *rs, ir_record_fn fn, void *ctx, const char *rejects);
/* Runs fn on every record of the n named inputs ("-" or none: stdin). */
int ir_records_run(struct ir_records *rs, char *const *names, int n);
/* Reports rec as bad ("FILE:LINE: why"), copies it to the rejects file. */
int ir_records_reject(struct ir_records *rs, const struct ir_record *rec, const char *why);
/* Closes the rejects file; returns an exit status. */
int ir_records_close(struct ir_records *rs);

/*
 * A string member: 1 and its decoded value appended to out, 0 when absent
 * or null, -1 when of another type.
 */
int ir_record_string(const struct ir_record *rec, const char *key, struct ir_buf *out);

/*
 * Writes rec with the members in fields (`"k":v,"k2":v2`, no braces)
 * added; keys[0..nkeys) names them.
 */
void ir_record_write(struct ir_out *out, const struct ir_record *rec, const char *const *keys,
		     size_t nkeys, const char *fields, size_t flen);

#endif
