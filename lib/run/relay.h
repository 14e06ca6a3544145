/* run/relay.h - handing batches of records to a second thread.
 *
 * A tool that both computes much per byte and writes much per byte can use
 * both cores of a small machine: the first thread fills a batch (any
 * bytes the tool likes: packed records) and sends it; the second thread
 * runs the consumer on each batch in order.  Two batches are in flight at
 * most, so memory stays at two batches (each as large as the largest
 * record needs).  When no thread can be started, or when the tool asks
 * for it (line-buffered output wants each record out at once), sending
 * runs the consumer right away in the calling thread.
 */
#ifndef IR_RUN_RELAY_H
#define IR_RUN_RELAY_H

#include <stddef.h>
#include <pthread.h>

#include "base/buf.h"

typedef void (*ir_relay_fn)(const char *data, size_t len, void *ctx);

struct ir_relay {
	ir_relay_fn consume;
	void *ctx;
	int threaded, stop;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t changed;
	struct ir_buf filling, sent; /* sent is the consumer's; empty when done */
	int full;                    /* sent holds a batch not yet consumed */
};

/* Starts the consumer thread unless synchronous is set. */
void ir_relay_start(struct ir_relay *r, ir_relay_fn consume, void *ctx, int synchronous);

/* The batch being filled: append to it, then call ir_relay_send. */
static inline struct ir_buf *
ir_relay_batch(struct ir_relay *r)
{
	return &r->filling;
}

/* Hands the batch over (waiting while the consumer is a batch behind). */
void ir_relay_send(struct ir_relay *r);

/* Sends what is left, waits for the consumer and ends its thread. */
void ir_relay_finish(struct ir_relay *r);

#endif
