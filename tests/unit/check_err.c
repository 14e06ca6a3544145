#include <errno.h>

#include "base/err.h"
#include "unit.h"

START_TEST(progname_is_the_last_part_of_argv0)
{
	ck_assert_str_eq(ir_progname, "ir");
	ir_setprogname("/usr/local/bin/ir-extract");
	ck_assert_str_eq(ir_progname, "ir-extract");
	ir_setprogname("./bin/ir-split");
	ck_assert_str_eq(ir_progname, "ir-split");
	ir_setprogname("ir-stats");
	ck_assert_str_eq(ir_progname, "ir-stats");
	/* An exec without argv[0] keeps the name there was. */
	ir_setprogname(NULL);
	ck_assert_str_eq(ir_progname, "ir-stats");
	ir_setprogname("");
	ck_assert_str_eq(ir_progname, "ir-stats");
}
END_TEST

START_TEST(worst_status)
{
	ck_assert_int_eq(ir_worst(IR_EXIT_OK, IR_EXIT_OK), IR_EXIT_OK);
	ck_assert_int_eq(ir_worst(IR_EXIT_OK, IR_EXIT_DATA), IR_EXIT_DATA);
	ck_assert_int_eq(ir_worst(IR_EXIT_DATA, IR_EXIT_OK), IR_EXIT_DATA);
	ck_assert_int_eq(ir_worst(IR_EXIT_FAIL, IR_EXIT_DATA), IR_EXIT_FAIL);
	ck_assert_int_eq(ir_worst(IR_EXIT_DATA, IR_EXIT_FAIL), IR_EXIT_FAIL);
}
END_TEST

START_TEST(warn_shapes)
{
	ir_setprogname("/opt/ir/bin/ir-classify");
	unit_stderr_begin();
	ir_warn("2026-dump.ndjson", 3, "record %s: no %s", "2026-001", "text");
	ck_assert_str_eq(unit_stderr_end(),
			 "ir-classify: 2026-dump.ndjson:3: record 2026-001: no text\n");

	unit_stderr_begin();
	ir_warn("2026-dump.ndjson", 0, "input looks like a raw dump");
	ck_assert_str_eq(unit_stderr_end(), "ir-classify: 2026-dump.ndjson: input looks like a raw dump\n");

	/* Without a file, a line number alone would mean nothing. */
	unit_stderr_begin();
	ir_warn(NULL, 7, "--threads: 【%s】", "事件簿");
	ck_assert_str_eq(unit_stderr_end(), "ir-classify: --threads: 【事件簿】\n");
}
END_TEST

START_TEST(warn_errno_shapes)
{
	ir_setprogname("ir-split");
	unit_stderr_begin();
	ir_warn_errno(ENOENT, "notices-2026.txt", 0, "cannot open");
	ck_assert_str_eq(unit_stderr_end(),
			 "ir-split: notices-2026.txt: cannot open: No such file or directory\n");

	unit_stderr_begin();
	ir_warn_errno(EIO, "notices-2026.txt", 12, "read error");
	ck_assert_str_eq(unit_stderr_end(), "ir-split: notices-2026.txt:12: read error: Input/output error\n");

	unit_stderr_begin();
	ir_warn_errno(ENOSPC, NULL, 0, "write error on %s", "standard output");
	ck_assert_str_eq(unit_stderr_end(),
			 "ir-split: write error on standard output: No space left on device\n");

	/* errnum 0: no reason to append. */
	unit_stderr_begin();
	ir_warn_errno(0, "a.ndjson", 2, "odd");
	ck_assert_str_eq(unit_stderr_end(), "ir-split: a.ndjson:2: odd\n");
}
END_TEST

START_TEST(die_with_data_status)
{
	ir_setprogname("ir-stats");
	unit_expect_stderr("ir-stats: state.json:1: not a state file\n");
	ir_die(IR_EXIT_DATA, "state.json", 1, "not a %s file", "state");
}
END_TEST

START_TEST(die_with_fail_status)
{
	ir_setprogname("ir-extract");
	unit_expect_stderr("ir-extract: --max-record-bytes: expected a size\n");
	ir_die(IR_EXIT_FAIL, NULL, 0, "--max-record-bytes: expected a size");
}
END_TEST

START_TEST(oom_fails)
{
	ir_setprogname("ir-split");
	unit_expect_stderr("ir-split: out of memory\n");
	ir_oom();
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("err");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, progname_is_the_last_part_of_argv0);
	tcase_add_test(tc, worst_status);
	tcase_add_test(tc, warn_shapes);
	tcase_add_test(tc, warn_errno_shapes);
	tcase_add_exit_test(tc, die_with_data_status, IR_EXIT_DATA);
	tcase_add_exit_test(tc, die_with_fail_status, IR_EXIT_FAIL);
	tcase_add_exit_test(tc, oom_fails, IR_EXIT_FAIL);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
