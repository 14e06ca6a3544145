#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/err.h"
#include "base/opt.h"
#include "run/pool.h"

void
ir_version(void)
{
	printf("%s (ir) %s\n", ir_progname, IR_VERSION);
	exit(fflush(stdout) == 0 && !ferror(stdout) ? IR_EXIT_OK : IR_EXIT_FAIL);
}

void
ir_usage_error(const char *synopsis, const char *fmt, ...)
{
	va_list ap;

	if (fmt != NULL) {
		fprintf(stderr, "%s: ", ir_progname);
		va_start(ap, fmt);
		vfprintf(stderr, fmt, ap);
		va_end(ap);
		fputc('\n', stderr);
	}
	fprintf(stderr, "%s", synopsis);
	fprintf(stderr, "Try '%s --help' for more information.\n", ir_progname);
	exit(IR_EXIT_FAIL);
}

void
ir_opt_bad(const char *synopsis, int c, char *const argv[])
{
	const char *arg = argv[optind - 1];

	if (c == ':')
		ir_usage_error(synopsis, "option %s needs an argument", arg);
	if (optopt != 0)
		ir_usage_error(synopsis, "unknown option -%c", optopt);
	ir_usage_error(synopsis, "unknown option %s", arg);
}

long
ir_opt_long(const char *synopsis, const char *opt, const char *arg, long min, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno != 0 || end == arg || *end != '\0' || v < min || v > max)
		ir_usage_error(synopsis, "%s: expected a whole number from %ld to %ld, not '%s'",
			       opt, min, max, arg);
	return v;
}

int
ir_opt_threads(const char *synopsis, const char *arg)
{
	int n = (int)ir_opt_long(synopsis, "--threads", arg, 0, 64);

	return n > 0 ? n : ir_pool_default_threads();
}
