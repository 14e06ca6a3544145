/* run/pool.h - batches of lines worked on by a pool of threads, kept in order.
 *
 * The record tools spend their time per record and records do not depend
 * on one another, so the main thread reads lines into batches and worker
 * threads turn each batch into output, messages and rejected lines; the
 * main thread then writes the results batch by batch in input order.  The
 * output is byte for byte what one thread would write.  At most a few
 * batches per worker are in flight, and no more input bytes than the
 * budget (past one batch), so memory stays bounded by a figure the caller
 * chooses, whatever the size of the records.
 *
 * With one thread (or when asked: line-buffered output) a submitted batch
 * is worked on and emitted at once in the calling thread.
 */
#ifndef IR_RUN_POOL_H
#define IR_RUN_POOL_H

#include <stddef.h>
#include <pthread.h>

#include "base/buf.h"

struct ir_batch {
	const char *source;  /* input name */
	long line;           /* number of the first line in .in */
	struct ir_buf in;    /* whole lines */
	struct ir_buf out;   /* for standard output */
	struct ir_buf err;   /* messages, ready to print */
	struct ir_buf rej;   /* lines for the rejects file */
	int status;          /* the worst exit status of the batch */
	int quiet;           /* for the tool: reject bad lines without a message */
	int state;
};

/* Works on one batch; wctx is the worker's own context. */
typedef void (*ir_pool_fn)(struct ir_batch *b, void *wctx);
/* Writes out a finished batch (in the main thread, in order). */
typedef void (*ir_emit_fn)(struct ir_batch *b, void *ectx);

struct ir_pool {
	ir_pool_fn work;
	ir_emit_fn emit;
	void *ectx;
	int nthreads, stop;
	pthread_t *threads;
	void **wctx;
	pthread_mutex_t lock;
	pthread_cond_t changed;
	struct ir_batch *ring;
	size_t nring, head, tail; /* head: oldest in flight; tail: next to fill */
	size_t budget, inflight;  /* input bytes allowed and submitted, not emitted */
};

/*
 * Starts nthreads workers (0 or 1: none), worker i with wctx[i] (wctx[0]
 * alone is used without threads); budget: the input bytes in flight past
 * which ir_pool_batch waits (0: no limit but the number of batches).
 */
void ir_pool_start(struct ir_pool *w, int nthreads, ir_pool_fn work, void **wctx,
		   ir_emit_fn emit, void *ectx, size_t budget);
/* An empty batch to fill; emits finished batches, waits while all are
 * busy or the budget is spent. */
struct ir_batch *ir_pool_batch(struct ir_pool *w);
/* Hands the batch just filled to the workers. */
void ir_pool_submit(struct ir_pool *w, struct ir_batch *b);
/* Waits until every submitted batch is emitted; the workers stay. */
void ir_pool_drain(struct ir_pool *w);
/* Waits for every batch, emits them, ends the workers. */
void ir_pool_finish(struct ir_pool *w);

/* Formats a message ("PROG: FILE:LINE: ...") into the batch. */
void ir_batch_warn(struct ir_batch *b, long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The number of threads to use by default: the CPUs online, at most 4. */
int ir_pool_default_threads(void);

/*
 * How many bytes of input make a batch: 256 KiB, or IR_BATCH_BYTES from
 * the environment (for tests: batches of a few records make the order of
 * the output depend on the pool keeping it).
 */
size_t ir_pool_batch_bytes(void);

#endif
