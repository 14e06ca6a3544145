/* base/out.h - checked, buffered output.
 *
 * Tools build each record in the buffer (ir_out_buf) and then call
 * ir_out_end_record, which writes when the buffer is full or the output is
 * line-buffered.  A failed write ends the program with a message and
 * IR_EXIT_FAIL; EPIPE (a reader that went away, with SIGPIPE ignored) ends
 * it quietly.  ir_out_close must be called at exit: a full disk is often
 * only seen then.
 */
#ifndef IR_BASE_OUT_H
#define IR_BASE_OUT_H

#include <stddef.h>

#include "base/buf.h"

struct ir_out {
	int fd;
	const char *name; /* for messages */
	struct ir_buf b;
	int line_buffered;
};

/* Output to standard output; line-buffered when asked or on a terminal.
 * Call it before opening any file: it also guards descriptors 0-2. */
void ir_out_stdout(struct ir_out *o, int line_buffered);
/* Output to a new file (created or truncated); -1 with errno on failure. */
int ir_out_file(struct ir_out *o, const char *path);

static inline struct ir_buf *
ir_out_buf(struct ir_out *o)
{
	return &o->b;
}

void ir_out_write(struct ir_out *o, const void *p, size_t n);
void ir_out_end_record(struct ir_out *o);
void ir_out_flush(struct ir_out *o);
/* Flushes and closes; returns IR_EXIT_OK or IR_EXIT_FAIL after a message. */
int ir_out_close(struct ir_out *o);

#endif
