/* run/records.h - the record loop: what every tool after ir-split runs.
 *
 * ir_records_run reads the named inputs line by line, in batches that a
 * pool of threads works on (run/pool.h), checks that each line is one JSON
 * object, and hands it to the tool's callback with the worker's own
 * state; the callback appends what it writes to the batch, and the pool
 * writes the batches out in input order.  Each worker's state is a block
 * of worker_size bytes, zeroed, then given to init; after the last input
 * fini gets each in worker order (that is where a tool folds the workers'
 * results into one) and the block is freed.  init and fini run in the
 * calling thread, before any worker starts and after all have ended.
 *
 * A line that is not a JSON object is reported as "PROG: FILE:LINE: why",
 * left out of the output, copied verbatim to the rejects file when there
 * is one, and makes the exit status IR_EXIT_DATA; the loop goes on.  So
 * is a line longer than --max-record-bytes (not copied: it is not kept).
 * An input whose first line is not JSON at all is taken for a raw dump:
 * one hint ("input looks like a raw dump; run ir-split first") instead
 * of a message per line.  Blank lines are skipped.  The callback may
 * reject a record the same way (ir_record_reject).  The rejects file may
 * not be one of the inputs: that is refused before anything is opened.
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
#include "base/opt.h"
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
typedef int (*ir_record_fn)(struct ir_record *rec, struct ir_batch *b, void *worker);

struct ir_records_opts {
	ir_record_fn fn;
	size_t worker_size;                      /* bytes of each worker's state */
	void (*init)(void *worker, void *arg);   /* or NULL */
	void (*fini)(void *worker, void *arg);   /* or NULL */
	void *arg;
	const struct ir_common_opts *common;     /* threads, rejects, sizes */
	struct ir_out *out;                      /* standard output */
};

/*
 * Runs the loop over the n named inputs ("-" or none: stdin); returns the
 * worst exit status (a rejects file that cannot be written included).
 */
int ir_records_run(const struct ir_records_opts *o, char *const *names, int n);

/* Is the record (a scanned object) an incident: its kind "incident"? */
int ir_is_incident(const struct ir_jobj *o);

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
