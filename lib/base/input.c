#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/err.h"
#include "base/input.h"

enum { CHUNK = 1 << 20, CR_WINDOW = 1 << 16 };

int
ir_input_open(struct ir_input *in, const char *name)
{
	memset(in, 0, sizeof *in);
	in->name = name;
	if (strcmp(name, "-") == 0) {
		in->fd = STDIN_FILENO;
	} else {
		in->fd = open(name, O_RDONLY | O_CLOEXEC);
		if (in->fd < 0)
			return -1;
	}
	return 0;
}

void
ir_input_close(struct ir_input *in)
{
	if (in->fd != STDIN_FILENO)
		close(in->fd);
	free(in->buf);
	in->buf = NULL;
}

/* Makes room after in->end, moving unread data to the front first. */
static void
make_room(struct ir_input *in)
{
	if (in->pos > 0) {
		memmove(in->buf, in->buf + in->pos, in->end - in->pos);
		in->end -= in->pos;
		in->scanned -= in->pos;
		in->pos = 0;
	}
	if (in->cap - in->end < CHUNK / 2) {
		in->cap = in->cap ? in->cap * 2 : CHUNK;
		in->buf = ir_xrealloc(in->buf, in->cap);
	}
}

static ssize_t
take(struct ir_input *in, size_t len, const char **line)
{
	*line = in->buf + in->pos;
	in->pos += len;
	in->scanned = in->pos;
	in->lineno++;
	in->offset = in->next;
	in->next += len;
	return (ssize_t)len;
}

size_t
ir_input_ahead(const struct ir_input *in, const char *line)
{
	return (size_t)(in->buf + in->end - line);
}

/* Reads more after in->end: 0 at the end, -1 on an error. */
static ssize_t
fill(struct ir_input *in)
{
	ssize_t r;

	make_room(in);
	do
		r = read(in->fd, in->buf + in->end, in->cap - in->end);
	while (r < 0 && errno == EINTR);
	if (r == 0)
		in->eof = 1;
	if (r > 0)
		in->end += (size_t)r;
	return r;
}

/*
 * The last byte of the line end of the line at in->pos, searched for from
 * in->scanned, or NULL with *resume where to search again once more is
 * read: a CR last in the buffer may be the first half of a CRLF.
 */
static char *
line_end(struct ir_input *in, size_t *resume)
{
	char *p = in->buf + in->scanned, *end = in->buf + in->end;
	char *nl = memchr(p, '\n', (size_t)(end - p)), *cr;

	*resume = in->end;
	if (!in->cr_ends || (cr = memchr(p, '\r', (size_t)((nl ? nl : end) - p))) == NULL)
		return nl;
	if (cr + 1 < end)
		return cr[1] == '\n' ? cr + 1 : cr;
	if (in->eof)
		return cr;
	*resume = (size_t)(cr - in->buf);
	return NULL;
}

/*
 * Reads on to the end of a line longer than max_line without keeping it,
 * so that memory stays at max_line whatever the input.
 */
static ssize_t
skip_long_line(struct ir_input *in, const char **line)
{
	size_t len = 0, resume;

	for (;;) {
		char *e;

		in->scanned = in->pos;
		if ((e = line_end(in, &resume)) != NULL) {
			len += (size_t)(e + 1 - (in->buf + in->pos));
			in->pos = (size_t)(e + 1 - in->buf);
			break;
		}
		len += resume - in->pos;
		in->pos = resume;
		if (in->eof)
			break;
		if (fill(in) < 0)
			return -1;
	}
	in->scanned = in->pos;
	in->lineno++;
	in->offset = in->next;
	in->next += len;
	*line = NULL;
	return (ssize_t)len;
}

/*
 * Tells an input whose first CR_WINDOW bytes (or all, if fewer) hold a CR
 * and no LF: its lines end with CR.
 */
static int
tell_cr_ends(struct ir_input *in)
{
	size_t n;

	while (!in->eof && in->end - in->pos < CR_WINDOW &&
	       (in->end == in->pos || memchr(in->buf + in->pos, '\n', in->end - in->pos) == NULL))
		if (fill(in) < 0)
			return -1;
	in->cr_detect = 0;
	n = in->end - in->pos < CR_WINDOW ? in->end - in->pos : CR_WINDOW;
	if (n > 0 && memchr(in->buf + in->pos, '\n', n) == NULL &&
	    memchr(in->buf + in->pos, '\r', n) != NULL) {
		in->cr_ends = 1;
		ir_warn(in->name, 0, "no LF line ends; CR read as the line end");
	}
	return 0;
}

ssize_t
ir_input_getline(struct ir_input *in, const char **line)
{
	if (in->cr_detect && tell_cr_ends(in) < 0)
		return -1;
	for (;;) {
		size_t resume = in->end;
		char *e = in->end > in->scanned ? line_end(in, &resume) : NULL;

		if (e != NULL && (in->max_line == 0 ||
				  (size_t)(e + 1 - (in->buf + in->pos)) <= in->max_line))
			return take(in, (size_t)(e + 1 - (in->buf + in->pos)), line);
		if (in->max_line > 0 && (e != NULL || in->end - in->pos > in->max_line))
			return skip_long_line(in, line);
		in->scanned = resume;
		if (in->eof)
			return in->end > in->pos ? take(in, in->end - in->pos, line) : 0;
		if (fill(in) < 0)
			return -1;
	}
}

int
ir_input_read_error(const struct ir_input *in, int errnum)
{
	ir_warn_errno(errnum, in->name, in->lineno + 1, "read error");
	return IR_EXIT_FAIL;
}

int
ir_input_each(char *const *names, int n, ir_input_fn fn, void *ctx)
{
	static char *const stdin_only[] = {"-"};
	int status = IR_EXIT_OK, i;

	if (n == 0) {
		names = stdin_only;
		n = 1;
	}
	for (i = 0; i < n; i++) {
		struct ir_input in;
		int s;

		if (ir_input_open(&in, names[i]) < 0) {
			ir_warn_errno(errno, names[i], 0, "cannot open");
			s = IR_EXIT_FAIL;
		} else {
			s = fn(&in, ctx);
			ir_input_close(&in);
		}
		if (s > status)
			status = s;
	}
	return status;
}
