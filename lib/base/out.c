#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/err.h"
#include "base/out.h"

enum { FLUSH_AT = 1 << 16 };

/*
 * A descriptor 0, 1 or 2 that is closed at start would be handed to the
 * next open(2), and output or messages would land in an input file.
 * Occupy 0 and 2 with /dev/null opened write-only (so that reading a closed
 * stdin still fails loudly); a closed stdout is an error right away.
 */
static void
guard_std_fds(void)
{
	int fd;

	for (fd = 0; fd <= 2; fd += 2)
		if (fcntl(fd, F_GETFD) < 0 && errno == EBADF)
			if (open("/dev/null", O_WRONLY) != fd)
				exit(IR_EXIT_FAIL);
	if (fcntl(STDOUT_FILENO, F_GETFD) < 0 && errno == EBADF)
		ir_die(IR_EXIT_FAIL, NULL, 0, "standard output is closed");
}

void
ir_out_stdout(struct ir_out *o, int line_buffered)
{
	guard_std_fds();
	o->fd = STDOUT_FILENO;
	o->name = "standard output";
	o->b = (struct ir_buf)IR_BUF_INIT;
	o->line_buffered = line_buffered || isatty(STDOUT_FILENO);
}

int
ir_out_file(struct ir_out *o, const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);

	if (fd < 0)
		return -1;
	o->fd = fd;
	o->name = path;
	o->b = (struct ir_buf)IR_BUF_INIT;
	o->line_buffered = 0;
	return 0;
}

static void
fail(struct ir_out *o, int errnum)
{
	if (errnum == EPIPE)
		exit(IR_EXIT_FAIL);
	ir_warn_errno(errnum, NULL, 0, "write error on %s", o->name);
	exit(IR_EXIT_FAIL);
}

static void
writeall(struct ir_out *o, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(o->fd, p, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			fail(o, errno);
		}
		p += w;
		n -= (size_t)w;
	}
}

void
ir_out_flush(struct ir_out *o)
{
	writeall(o, o->b.p, o->b.len);
	o->b.len = 0;
}

void
ir_out_write(struct ir_out *o, const void *p, size_t n)
{
	ir_buf_add(&o->b, p, n);
	if (o->b.len >= FLUSH_AT)
		ir_out_flush(o);
}

void
ir_out_end_record(struct ir_out *o)
{
	if (o->line_buffered || o->b.len >= FLUSH_AT)
		ir_out_flush(o);
}

int
ir_out_close(struct ir_out *o)
{
	int status = IR_EXIT_OK;

	ir_out_flush(o);
	if (close(o->fd) < 0 && errno != EINTR) {
		ir_warn_errno(errno, NULL, 0, "close error on %s", o->name);
		status = IR_EXIT_FAIL;
	}
	ir_buf_free(&o->b);
	return status;
}
