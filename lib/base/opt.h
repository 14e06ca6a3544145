/* base/opt.h - what every tool's option parsing shares. */
#ifndef IR_BASE_OPT_H
#define IR_BASE_OPT_H

/* getopt_long codes of the long-only options every tool has. */
enum {
	IR_OPT_VERSION = 0x100,
	IR_OPT_LINE_BUFFERED,
	IR_OPT_TOOL /* first code free for the tool's own long-only options */
};

#define IR_LONGOPTS_COMMON \
	{"help", no_argument, NULL, 'h'}, \
	{"line-buffered", no_argument, NULL, IR_OPT_LINE_BUFFERED}, \
	{"version", no_argument, NULL, IR_OPT_VERSION}

/* Prints "PROG (ir) VERSION" to stdout and exits 0. */
_Noreturn void ir_version(void);

/*
 * Reports a usage error: the message (if fmt is not NULL), then the
 * synopsis, to stderr; exits IR_EXIT_FAIL.
 */
_Noreturn void ir_usage_error(const char *synopsis, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * Reports what getopt_long rejected (call it on '?' or ':', with opterr
 * set to 0 and ':' leading the short-option string) as a usage error.
 */
_Noreturn void ir_opt_bad(const char *synopsis, int c, char *const argv[]);

/* A whole decimal number in [min, max] for option opt, or a usage error. */
long ir_opt_long(const char *synopsis, const char *opt, const char *arg, long min, long max);

/* The argument of --threads: 1 to 64, or 0 for the default (see run/pool.h). */
int ir_opt_threads(const char *synopsis, const char *arg);

#endif
