#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdint.h>

#include "base/err.h"
#include "base/opt.h"
#include "unit.h"

#define SYNOPSIS \
	"usage: ir-test [--line-buffered] [--max-record-bytes N] [--rejects FILE] [--threads N]\n" \
	"               [FILE...]\n"
static const char synopsis[] = SYNOPSIS;
#define TRY "Try 'ir-test --help' for more information.\n"

static const struct option longopts[] = {
	IR_LONGOPTS_COMMON,
	IR_LONGOPTS_RECORDS,
	{NULL, 0, NULL, 0},
};

/* What a tool's main does with argv; returns optind. */
static int
parse(int argc, char **argv, struct ir_common_opts *co)
{
	int c;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1)
		if (!ir_opt_common(c, optarg, synopsis, co))
			ir_opt_bad(synopsis, c, argv);
	return optind;
}

START_TEST(each_shared_code)
{
	struct ir_common_opts co = IR_COMMON_OPTS_INIT;

	ck_assert_int_eq(co.line_buffered, 0);
	ck_assert_int_eq(co.threads, 0);
	ck_assert_ptr_null(co.rejects);
	ck_assert_uint_eq(co.max_record_bytes, (size_t)64 << 20);

	ck_assert_int_eq(ir_opt_common(IR_OPT_LINE_BUFFERED, NULL, synopsis, &co), 1);
	ck_assert_int_eq(co.line_buffered, 1);
	ck_assert_int_eq(ir_opt_common(IR_OPT_REJECTS, "rejects-2026.ndjson", synopsis, &co), 1);
	ck_assert_str_eq(co.rejects, "rejects-2026.ndjson");
	ck_assert_int_eq(ir_opt_common(IR_OPT_THREADS, "3", synopsis, &co), 1);
	ck_assert_int_eq(co.threads, 3);
	ck_assert_int_eq(ir_opt_common(IR_OPT_THREADS, "0", synopsis, &co), 1);
	ck_assert_int_eq(co.threads, 0);
	ck_assert_int_eq(ir_opt_common(IR_OPT_THREADS, "64", synopsis, &co), 1);
	ck_assert_int_eq(co.threads, 64);
}
END_TEST

static const struct {
	const char *arg;
	size_t bytes;
} sizes[] = {
	{"4096", 4096},
	{"64K", (size_t)64 << 10},
	{"2M", (size_t)2 << 20},
	{"1G", (size_t)1 << 30},
	{"1024", 1024},              /* the least */
	{"1K", 1024},
	{"4G", (size_t)4 << 30},     /* the most */
	{"4194304K", (size_t)4 << 30},
};

START_TEST(max_record_sizes)
{
	struct ir_common_opts co = IR_COMMON_OPTS_INIT;

	ck_assert_int_eq(ir_opt_common(IR_OPT_MAX_RECORD, sizes[_i].arg, synopsis, &co), 1);
	ck_assert_uint_eq(co.max_record_bytes, sizes[_i].bytes);
}
END_TEST

START_TEST(other_codes_are_the_tools)
{
	struct ir_common_opts co = IR_COMMON_OPTS_INIT;
	int codes[] = {'h', 'x', '?', ':', IR_OPT_TOOL, IR_OPT_TOOL + 3}, i;

	for (i = 0; i < (int)(sizeof codes / sizeof codes[0]); i++)
		ck_assert_int_eq(ir_opt_common(codes[i], "7", synopsis, &co), 0);
	ck_assert_int_eq(co.line_buffered, 0);
	ck_assert_int_eq(co.threads, 0);
	ck_assert_ptr_null(co.rejects);
	ck_assert_uint_eq(co.max_record_bytes, IR_MAX_RECORD_DEFAULT);
}
END_TEST

START_TEST(size_and_long_bounds)
{
	ck_assert_uint_eq(ir_opt_size(synopsis, "--buffer", "0", 0, 8192), 0);
	ck_assert_uint_eq(ir_opt_size(synopsis, "--buffer", "8K", 0, 8192), 8192);
	ck_assert_uint_eq(ir_opt_size(synopsis, "--buffer", "8192", 0, 8192), 8192);
	ck_assert_uint_eq(ir_opt_size(synopsis, "--buffer", "1M", (size_t)1 << 20, (size_t)1 << 20),
			  (size_t)1 << 20);
	ck_assert_int_eq(ir_opt_long(synopsis, "--year", "2026", 1868, 2100), 2026);
	ck_assert_int_eq(ir_opt_long(synopsis, "--year", "1868", 1868, 2100), 1868);
	ck_assert_int_eq(ir_opt_long(synopsis, "--year", "2100", 1868, 2100), 2100);
	ck_assert_int_eq(ir_opt_long(synopsis, "--shift", "-12", -12, 12), -12);
}
END_TEST

START_TEST(a_command_line)
{
	struct ir_common_opts co = IR_COMMON_OPTS_INIT;
	char *argv[] = {"ir-test", "--threads", "2", "--rejects", "rejects.ndjson",
			"--max-record-bytes=2M", "--line-buffered", "incidents-2026.ndjson", NULL};

	ck_assert_int_eq(parse(8, argv, &co), 7);
	ck_assert_int_eq(co.threads, 2);
	ck_assert_str_eq(co.rejects, "rejects.ndjson");
	ck_assert_uint_eq(co.max_record_bytes, (size_t)2 << 20);
	ck_assert_int_eq(co.line_buffered, 1);
	ck_assert_str_eq(argv[optind], "incidents-2026.ndjson");
}
END_TEST

#define SIZE_ERR(arg) \
	"ir-test: --max-record-bytes: expected a size from 1024 to 4294967296 bytes " \
	"(K, M and G may follow the number), not '" arg "'\n"
#define THREADS_ERR(arg) "ir-test: --threads: expected a whole number from 0 to 64, not '" arg "'\n"
static const struct {
	int code;
	const char *arg, *msg;
} bad_values[] = {
	{IR_OPT_MAX_RECORD, "1023", SIZE_ERR("1023")},
	{IR_OPT_MAX_RECORD, "4294967297", SIZE_ERR("4294967297")},
	{IR_OPT_MAX_RECORD, "4097M", SIZE_ERR("4097M")},
	{IR_OPT_MAX_RECORD, "5G", SIZE_ERR("5G")},
	{IR_OPT_MAX_RECORD, "-1", SIZE_ERR("-1")},
	{IR_OPT_MAX_RECORD, "12KB", SIZE_ERR("12KB")},
	{IR_OPT_MAX_RECORD, "64k", SIZE_ERR("64k")},
	{IR_OPT_MAX_RECORD, "", SIZE_ERR("")},
	{IR_OPT_MAX_RECORD, "K", SIZE_ERR("K")},
	{IR_OPT_MAX_RECORD, "0x400", SIZE_ERR("0x400")},
	{IR_OPT_MAX_RECORD, "99999999999999999999", SIZE_ERR("99999999999999999999")},
	/* Small enough as a number, too large once shifted. */
	{IR_OPT_MAX_RECORD, "17179869184G", SIZE_ERR("17179869184G")},
	{IR_OPT_THREADS, "65", THREADS_ERR("65")},
	{IR_OPT_THREADS, "-1", THREADS_ERR("-1")},
	{IR_OPT_THREADS, "3x", THREADS_ERR("3x")},
	{IR_OPT_THREADS, "", THREADS_ERR("")},
	{IR_OPT_THREADS, "four", THREADS_ERR("four")},
	{IR_OPT_THREADS, "99999999999999999999", THREADS_ERR("99999999999999999999")},
};

START_TEST(bad_value_fails)
{
	struct ir_common_opts co = IR_COMMON_OPTS_INIT;
	static char want[1024];

	ir_setprogname("ir-test");
	snprintf(want, sizeof want, "%s%s" TRY, bad_values[_i].msg, synopsis);
	unit_expect_stderr(want);
	(void)ir_opt_common(bad_values[_i].code, bad_values[_i].arg, synopsis, &co);
}
END_TEST

static const struct {
	char *arg;
	const char *msg;
} bad_args[] = {
	{"--bogus", "ir-test: unknown option --bogus\n"},
	{"-z", "ir-test: unknown option -z\n"},
	{"--rejects", "ir-test: option --rejects needs an argument\n"},
	{"--threads", "ir-test: option --threads needs an argument\n"},
	{"--line-buffered=yes", "ir-test: option --line-buffered takes no argument\n"},
	{"--version=2", "ir-test: option --version takes no argument\n"},
};

/* What the bounds of the shared options do not reach: the edges of the types. */
static const struct {
	int is_size;
	const char *arg;
	long lo, hi;
	const char *msg;
} bad_edges[] = {
	{1, "-0", 0, 8192, "ir-test: --buffer: expected a size from 0 to 8192 bytes "
			   "(K, M and G may follow the number), not '-0'\n"},
	{1, "18446744073709551616", 0, -1, "ir-test: --buffer: expected a size from 0 to "
		"18446744073709551615 bytes (K, M and G may follow the number), "
		"not '18446744073709551616'\n"},
	{0, "9223372036854775808", LONG_MIN, LONG_MAX, "ir-test: --offset: expected a whole "
		"number from -9223372036854775808 to 9223372036854775807, not '9223372036854775808'\n"},
};

START_TEST(bad_edge_fails)
{
	static char want[1024];

	ir_setprogname("ir-test");
	snprintf(want, sizeof want, "%s%s" TRY, bad_edges[_i].msg, synopsis);
	unit_expect_stderr(want);
	if (bad_edges[_i].is_size)
		(void)ir_opt_size(synopsis, "--buffer", bad_edges[_i].arg, (size_t)bad_edges[_i].lo,
				  bad_edges[_i].hi < 0 ? SIZE_MAX : (size_t)bad_edges[_i].hi);
	else
		(void)ir_opt_long(synopsis, "--offset", bad_edges[_i].arg, bad_edges[_i].lo,
				  bad_edges[_i].hi);
}
END_TEST

START_TEST(bad_command_line_fails)
{
	struct ir_common_opts co = IR_COMMON_OPTS_INIT;
	char *argv[] = {"ir-test", "--line-buffered", bad_args[_i].arg, NULL};
	static char want[512];

	ir_setprogname("ir-test");
	snprintf(want, sizeof want, "%s%s" TRY, bad_args[_i].msg, synopsis);
	unit_expect_stderr(want);
	parse(3, argv, &co);
}
END_TEST

START_TEST(usage_error_without_message)
{
	ir_setprogname("ir-test");
	unit_expect_stderr(SYNOPSIS TRY);
	ir_usage_error(synopsis, NULL);
}
END_TEST

static char version_path[64];

static void
version_was_printed(void)
{
	char got[128] = "";
	FILE *f = fopen(version_path, "r");

	if (f == NULL || fgets(got, sizeof got, f) == NULL ||
	    strcmp(got, "ir-test (ir) " IR_VERSION "\n") != 0) {
		fprintf(stderr, "--version printed \"%s\"\n", got);
		_exit(99);
	}
	fclose(f);
	unlink(version_path);
}

START_TEST(version_prints_and_succeeds)
{
	struct ir_common_opts co = IR_COMMON_OPTS_INIT;
	int fd;

	ir_setprogname("/usr/bin/ir-test");
	snprintf(version_path, sizeof version_path, "/tmp/ir-check-opt.XXXXXX");
	fd = mkstemp(version_path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(dup2(fd, STDOUT_FILENO), STDOUT_FILENO);
	close(fd);
	atexit(version_was_printed);
	(void)ir_opt_common(IR_OPT_VERSION, NULL, synopsis, &co);
}
END_TEST

/* A version nobody could read is not a success. */
START_TEST(version_to_a_full_disk_fails)
{
	struct ir_common_opts co = IR_COMMON_OPTS_INIT;
	int fd = open("/dev/full", O_WRONLY);

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(dup2(fd, STDOUT_FILENO), STDOUT_FILENO);
	close(fd);
	(void)ir_opt_common(IR_OPT_VERSION, NULL, synopsis, &co);
}
END_TEST

#define N(a) (int)(sizeof(a) / sizeof((a)[0]))

static Suite *
suite(void)
{
	Suite *s = suite_create("opt");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, each_shared_code);
	tcase_add_loop_test(tc, max_record_sizes, 0, N(sizes));
	tcase_add_test(tc, other_codes_are_the_tools);
	tcase_add_test(tc, size_and_long_bounds);
	tcase_add_test(tc, a_command_line);
	tcase_add_loop_exit_test(tc, bad_value_fails, IR_EXIT_FAIL, 0, N(bad_values));
	tcase_add_loop_exit_test(tc, bad_edge_fails, IR_EXIT_FAIL, 0, N(bad_edges));
	tcase_add_loop_exit_test(tc, bad_command_line_fails, IR_EXIT_FAIL, 0, N(bad_args));
	tcase_add_exit_test(tc, usage_error_without_message, IR_EXIT_FAIL);
	tcase_add_exit_test(tc, version_prints_and_succeeds, IR_EXIT_OK);
	tcase_add_exit_test(tc, version_to_a_full_disk_fails, IR_EXIT_FAIL);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
