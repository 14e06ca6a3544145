#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"

const char *ir_progname = "ir";

void
ir_setprogname(const char *argv0)
{
	const char *slash;

	if (argv0 == NULL || *argv0 == '\0')
		return;
	slash = strrchr(argv0, '/');
	ir_progname = slash ? slash + 1 : argv0;
}

static void
vmsg(int errnum, const char *file, long line, const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: ", ir_progname);
	if (file != NULL) {
		if (line > 0)
			fprintf(stderr, "%s:%ld: ", file, line);
		else
			fprintf(stderr, "%s: ", file);
	}
	vfprintf(stderr, fmt, ap);
	if (errnum != 0)
		fprintf(stderr, ": %s", strerror(errnum));
	fputc('\n', stderr);
}

void
ir_warn(const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(0, file, line, fmt, ap);
	va_end(ap);
}

void
ir_warn_errno(int errnum, const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(errnum, file, line, fmt, ap);
	va_end(ap);
}

void
ir_die(int status, const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(0, file, line, fmt, ap);
	va_end(ap);
	exit(status);
}

void
ir_oom(void)
{
	ir_die(IR_EXIT_FAIL, NULL, 0, "out of memory");
}
