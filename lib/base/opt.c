#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/opt.h"

void
ir_opt_help(int width, const char *opt, const char *what)
{
	if ((int)strlen(opt) < width)
		printf("  %-*s%s\n", width, opt, what);
	else
		printf("  %s\n  %-*s%s\n", opt, width, "", what);
}

void
ir_opt_common_help(int width, int records, const char *limit)
{
	char what[100];

	ir_opt_help(width, "--line-buffered", "write each record as soon as it is complete");
	snprintf(what, sizeof what, "%s (default 64M; K, M, G allowed)", limit);
	ir_opt_help(width, "--max-record-bytes N", what);
	if (records) {
		ir_opt_help(width, "--rejects FILE", "copy lines that are not usable records to FILE");
		ir_opt_help(width, "--threads N", "work in N threads (default: one per CPU, at most 4)");
	}
	ir_opt_help(width, "-h, --help", "show this help");
	ir_opt_help(width, "    --version", "show the version");
}

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
	/* glibc sets optopt to the code of a long option given a value it takes not */
	if (optopt != 0 && strncmp(arg, "--", 2) == 0)
		ir_usage_error(synopsis, "option %.*s takes no argument", (int)strcspn(arg, "="),
			       arg);
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

size_t
ir_opt_size(const char *synopsis, const char *opt, const char *arg, size_t min, size_t max)
{
	unsigned long long v;
	char *end;
	int shift = 0;

	errno = 0;
	v = strtoull(arg, &end, 10);
	if (end != arg && end[0] != '\0' && end[1] == '\0') {
		switch (end[0]) {
		case 'K': shift = 10; end++; break;
		case 'M': shift = 20; end++; break;
		case 'G': shift = 30; end++; break;
		}
	}
	if (errno != 0 || end == arg || *end != '\0' || arg[0] == '-' || v > max >> shift ||
	    v << shift < min)
		ir_usage_error(synopsis, "%s: expected a size from %zu to %zu bytes (K, M and G "
			       "may follow the number), not '%s'", opt, min, max, arg);
	return (size_t)(v << shift);
}

int
ir_opt_common(int c, const char *arg, const char *synopsis, struct ir_common_opts *co)
{
	switch (c) {
	case IR_OPT_VERSION:
		ir_version();
	case IR_OPT_LINE_BUFFERED:
		co->line_buffered = 1;
		return 1;
	case IR_OPT_MAX_RECORD:
		co->max_record_bytes = ir_opt_size(synopsis, "--max-record-bytes", arg, 1024,
						   (size_t)4 << 30);
		return 1;
	case IR_OPT_REJECTS:
		co->rejects = arg;
		return 1;
	case IR_OPT_THREADS:
		co->threads = (int)ir_opt_long(synopsis, "--threads", arg, 0, 64);
		return 1;
	default:
		return 0;
	}
}
