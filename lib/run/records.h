/* run/records.h - the NDJSON record loop of the tools after ir-split.
 *
 * ir_records_run reads the named inputs line by line, in batches that a
 * pool of threads works on (run/pool.h), checks that each line is one JSON
 * object, and hands it to the tool's callback, which appends what it
 * writes to the batch.  A line that is not a JSON object is reported as
 * "PROG: FILE:LINE: not a JSON object", left out of the output, copied
 * verbatim to the rejects file when there is one, and makes the exit
 * status IR_EXIT_DATA; the loop goes on.  Blank lines are skipped.  The
 * callback may reject a record the same way (ir_record_reject), e.g. when
 * a contract field has the wrong type.
 *
 * ir_record_write writes a record back with fields added: the original
 * bytes go through untouched and the new members are appended; members
 * of the same names already present are dropped, so running a tool twice
 * gives the same record.
 */
#ifndef IR_RUN_RECORDS_H
#define IR_RUN_RECORDS_H

#include <stddef.h>

#include "base/buf.h"
#include "base/out.h"
#include "json/scan.h"
#include "run/pool.h"

struct ir_record {
	const char *source;
	long line;
	const char *text; /* the line without its line end; borrowed */
	size_t len;
	struct ir_jobj obj;
};

/* Works on one record, writing to b->out; returns an exit status. */
typedef int (*ir_record_fn)(struct ir_record *rec, struct ir_batch *b, void *wctx);

struct ir_records_opts {
	ir_record_fn fn;
	void **wctx;          /* one context per thread (nthreads, or 1) */
	int nthreads;         /* 0 or 1: work in the main thread */
	struct ir_out *out;   /* standard output */
	const char *rejects;  /* file for rejected lines, or NULL */
};

/*
 * Runs the loop over the n named inputs ("-" or none: stdin); returns the
 * worst exit status (a rejects file that cannot be written included).
 */
int ir_records_run(const struct ir_records_opts *o, char *const *names, int n);

/* Reports rec as bad ("FILE:LINE: why") and sets it aside. */
int ir_record_reject(struct ir_batch *b, const struct ir_record *rec, const char *why);

/* Copies the record to the output unchanged. */
void ir_record_pass(struct ir_batch *b, const struct ir_record *rec);

/*
 * A string member: 1 and its decoded value appended to out, 0 when absent
 * or null, -1 when of another type.
 */
int ir_record_string(const struct ir_record *rec, const char *key, struct ir_buf *out);

/*
 * Writes rec to out with the members in fields (`"k":v,"k2":v2`, no
 * braces) added; keys[0..nkeys) names them.
 */
void ir_record_write(struct ir_buf *out, const struct ir_record *rec, const char *const *keys,
		     size_t nkeys, const char *fields, size_t flen);

#endif
