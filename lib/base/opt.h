/* base/opt.h - the options every tool shares, parsed in one place.
 *
 * A tool's main runs getopt_long over its own option table, which starts
 * with IR_LONGOPTS_COMMON (and IR_LONGOPTS_RECORDS for the tools that read
 * records), handles -h and its own options, and hands every other code to
 * ir_opt_common; what that does not know either is a usage error
 * (ir_opt_bad).  Give getopt_long a short-option string that starts with
 * ':' and set opterr to 0, so that the messages are ours.
 */
#ifndef IR_BASE_OPT_H
#define IR_BASE_OPT_H

#include <stddef.h>

/* getopt_long codes of the long-only options the tools share. */
enum {
	IR_OPT_VERSION = 0x100,
	IR_OPT_LINE_BUFFERED,
	IR_OPT_MAX_RECORD,
	IR_OPT_REJECTS,
	IR_OPT_THREADS,
	IR_OPT_TOOL /* first code free for the tool's own long-only options */
};

#define IR_LONGOPTS_COMMON \
	{"help", no_argument, NULL, 'h'}, \
	{"line-buffered", no_argument, NULL, IR_OPT_LINE_BUFFERED}, \
	{"max-record-bytes", required_argument, NULL, IR_OPT_MAX_RECORD}, \
	{"version", no_argument, NULL, IR_OPT_VERSION}

#define IR_LONGOPTS_RECORDS \
	{"rejects", required_argument, NULL, IR_OPT_REJECTS}, \
	{"threads", required_argument, NULL, IR_OPT_THREADS}

/* Far above any real post (the longest seen are a few hundred KiB). */
#define IR_MAX_RECORD_DEFAULT ((size_t)64 << 20)

struct ir_common_opts {
	int line_buffered;
	int threads;             /* 0: the default, one per CPU (run/pool.h) */
	const char *rejects;     /* file for rejected lines, or NULL */
	size_t max_record_bytes; /* longest record (or post) read */
};

#define IR_COMMON_OPTS_INIT {0, 0, NULL, IR_MAX_RECORD_DEFAULT}

/*
 * Takes getopt_long's code c (and its optarg) if it is a shared option:
 * returns 1, or exits for --version and for a bad argument; returns 0 for
 * any other code.
 */
int ir_opt_common(int c, const char *arg, const char *synopsis, struct ir_common_opts *co);

/*
 * Prints, for --help, the lines of the shared options to stdout, their
 * texts starting width columns after the two-blank indent; records: with
 * those of the record tools (--rejects, --threads); limit: what
 * --max-record-bytes does to a longer record ("skip longer lines").
 */
void ir_opt_common_help(int width, int records, const char *limit);
/* One line of --help: opt, then what it does, from column width + 2. */
void ir_opt_help(int width, const char *opt, const char *what);

/* Prints "PROG (ir) VERSION" to stdout and exits 0. */
_Noreturn void ir_version(void);

/*
 * Reports a usage error: the message (if fmt is not NULL), then the
 * synopsis, to stderr; exits IR_EXIT_FAIL.
 */
_Noreturn void ir_usage_error(const char *synopsis, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Reports what getopt_long rejected, or a code nobody took, as a usage error. */
_Noreturn void ir_opt_bad(const char *synopsis, int c, char *const argv[]);

/* A whole decimal number in [min, max] for option opt, or a usage error. */
long ir_opt_long(const char *synopsis, const char *opt, const char *arg, long min, long max);

/*
 * A size in bytes for option opt: digits with an optional K, M or G
 * (binary multiples), in [min, max]; or a usage error.
 */
size_t ir_opt_size(const char *synopsis, const char *opt, const char *arg, size_t min,
		   size_t max);

#endif
