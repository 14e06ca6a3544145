/* base/input.h - reading the named inputs line by line, knowing where we are.
 *
 * Tools take FILE... operands, "-" meaning standard input, and standard
 * input when there are none.  ir_input_each opens each in turn, reports
 * the ones that cannot be opened, and hands the others to a callback that
 * reads lines with ir_input_getline.  Every line comes with its file name,
 * 1-based number and byte offset, so that messages can name the place.
 */
#ifndef IR_BASE_INPUT_H
#define IR_BASE_INPUT_H

#include <stddef.h>
#include <sys/types.h>

struct ir_input {
	const char *name;      /* as given on the command line; "-" for stdin */
	int fd;
	char *buf;
	size_t cap, pos, end, scanned;
	int eof;
	size_t max_line;       /* longer lines are read through, not kept; 0: no limit */
	int cr_detect;         /* set before reading to tell old Mac files; cleared once told */
	int cr_ends;           /* CR alone ends lines in this input (and that was said) */
	long lineno;           /* of the line last returned (0 before the first) */
	unsigned long long offset; /* byte offset of the line last returned */
	unsigned long long next;   /* byte offset of the next line */
};

int ir_input_open(struct ir_input *in, const char *name);
/*
 * Returns the length of the next line, '\n' included (the last line may
 * lack it), and points *line at it until the next call; 0 at the end;
 * -1 with errno set on a read error.  Lines may be of any length: the
 * buffer grows to hold the longest, up to max_line when that is set; a
 * longer line is read through and its length returned with *line NULL.
 *
 * With cr_detect set, an input whose first 64 KiB (or all of it, if less)
 * hold a CR and no LF is taken for one with CR line ends, as old Mac files
 * have: a line then ends with CR, LF or CRLF, and that is said once
 * ("FILE: no LF line ends; CR read as the line end").
 */
ssize_t ir_input_getline(struct ir_input *in, const char **line);
/*
 * How many bytes are read already from the line last returned on, that
 * line included: a caller may check what comes next in one pass (valid
 * UTF-8, say) rather than line by line.  Good until the next call.
 */
size_t ir_input_ahead(const struct ir_input *in, const char *line);
void ir_input_close(struct ir_input *in);

typedef int (*ir_input_fn)(struct ir_input *in, void *ctx);

/*
 * Runs fn on each of the n names (or on "-" when n is 0).  fn returns an
 * exit status; the result is the worst of those and of the open errors
 * (reported here, IR_EXIT_FAIL).
 */
int ir_input_each(char *const *names, int n, ir_input_fn fn, void *ctx);

/* Reports a failed ir_input_getline at the current place. */
int ir_input_read_error(const struct ir_input *in, int errnum);

#endif
