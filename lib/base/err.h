/* base/err.h - messages and exit statuses shared by every ir tool.
 *
 * Every message has one shape: "PROG: FILE:LINE: message[: strerror]",
 * with FILE and LINE left out when they are unknown (NULL, 0).
 */
#ifndef IR_BASE_ERR_H
#define IR_BASE_ERR_H

/* The one exit-status table; every man page prints it. */
enum ir_exit {
	IR_EXIT_OK = 0,   /* everything was read and written */
	IR_EXIT_DATA = 1, /* bad input data was seen, reported and skipped */
	IR_EXIT_FAIL = 2  /* usage error, unreadable input, failed output */
};

extern const char *ir_progname;

void ir_setprogname(const char *argv0);

#define IR_PRINTF(f, a) __attribute__((format(printf, f, a)))

void ir_warn(const char *file, long line, const char *fmt, ...) IR_PRINTF(3, 4);
/* As ir_warn, with ": strerror(errnum)" appended. */
void ir_warn_errno(int errnum, const char *file, long line, const char *fmt, ...)
	IR_PRINTF(4, 5);
_Noreturn void ir_die(int status, const char *file, long line, const char *fmt, ...)
	IR_PRINTF(4, 5);
/* For allocation failures: there is nothing sensible left to do. */
_Noreturn void ir_oom(void);

/* The worse of two exit statuses. */
static inline int
ir_worst(int a, int b)
{
	return a > b ? a : b;
}

#endif
