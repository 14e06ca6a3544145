#include "stats_fixture.h"

START_TEST(wilson)
{
	double lo, hi;

	ir_wilson(5, 20, &lo, &hi);
	ck_assert_double_eq_tol(lo, 0.1119, 1e-4);
	ck_assert_double_eq_tol(hi, 0.4687, 1e-4);
	ir_wilson(0, 10, &lo, &hi);
	ck_assert_double_eq(lo, 0);
	ck_assert_double_eq_tol(hi, 0.2775, 1e-4);
	ir_wilson(10, 10, &lo, &hi);
	ck_assert_double_eq_tol(lo, 0.7225, 1e-4);
	ck_assert_double_eq(hi, 1);
	ir_wilson(1, 1000000, &lo, &hi);
	ck_assert(lo > 0 && lo < 1e-6);
	ir_wilson(500, 1000, &lo, &hi);
	ck_assert_double_eq_tol(lo, 0.4691, 1e-4);
	ck_assert_double_eq_tol(hi, 0.5309, 1e-4);
	ir_wilson(0, 0, &lo, &hi);
	ck_assert(lo == 0 && hi == 1);
}
END_TEST

START_TEST(share_column)
{
	static const char *const args[] = {"-g", "t", NULL};
	struct ir_stats_conf c;
	struct ir_stats st;
	int i;

	conf_of(&c, args);
	ir_stats_init(&st, &c);
	for (i = 0; i < 20; i++)
		add(&st, i < 5 ? "{\"kind\":\"incident\",\"t\":[\"a\",\"b\"]}" :
				 "{\"kind\":\"incident\",\"t\":\"b\"}", i + 1);
	/* Shares of the records counted: b is in all 20, a in 5 of them. */
	expect_rows(&st, &(struct ir_stats_view){1, 0, 0, 0, 0},
		    "t\tcount\tshare\tshare_low\tshare_high\n"
		    "b\t20\t100.0\t83.9\t100.0\n"
		    "a\t5\t25.0\t11.2\t46.9\n");
	ir_stats_free(&st);
	ir_stats_conf_free(&c);
}
END_TEST

START_TEST(sort_and_top)
{
	static const char *const args[] = {"-g", "n", NULL};
	struct ir_stats_conf c;
	struct ir_stats st;

	conf_of(&c, args);
	ir_stats_init(&st, &c);
	add(&st, "{\"kind\":\"incident\",\"n\":10}", 1);
	add(&st, "{\"kind\":\"incident\",\"n\":9}", 2);
	add(&st, "{\"kind\":\"incident\",\"n\":\"9\"}", 3);
	add(&st, "{\"kind\":\"incident\",\"n\":10.0}", 4);
	add(&st, "{\"kind\":\"incident\"}", 5);
	add(&st, "{\"kind\":\"incident\",\"n\":2}", 6);
	add(&st, "{\"kind\":\"incident\",\"n\":2}", 7);
	/* By count, ties by key: numbers by value, then strings, null last. */
	expect_rows(&st, &(struct ir_stats_view){0, 0, 0, 0, 0},
		    "n\tcount\n2\t2\n10\t2\n9\t1\n9\t1\n(none)\t1\n");
	expect_rows(&st, &(struct ir_stats_view){0, 1, 0, 0, 2}, "n\tcount\n2\t2\n9\t1\n");
	expect_rows(&st, &(struct ir_stats_view){0, 0, 0, 0, 1}, "n\tcount\n2\t2\n");
	ir_stats_free(&st);
	ir_stats_conf_free(&c);
}
END_TEST

START_TEST(fill)
{
	static const char *const args[] = {"-g", "c", "-g", "published:month", "--sum", "n", NULL};
	struct ir_stats_conf c;
	struct ir_stats st;
	struct ir_buf err = IR_BUF_INIT;

	conf_of(&c, args);
	ir_stats_init(&st, &c);
	add(&st, "{\"kind\":\"incident\",\"c\":\"x\",\"published\":\"2022-11-05\",\"n\":1}", 1);
	add(&st, "{\"kind\":\"incident\",\"c\":\"y\",\"published\":\"2023-02-05\",\"n\":2}", 2);
	add(&st, "{\"kind\":\"incident\",\"c\":\"y\"}", 3);
	expect_rows(&st, &(struct ir_stats_view){0, 1, 1, 1, 0},
		    "c\tpublished:month\tcount\tsum_n\tn_n\n"
		    "x\t2022-11\t1\t1\t1\n"
		    "x\t2022-12\t0\t\t0\n"
		    "x\t2023-01\t0\t\t0\n"
		    "x\t2023-02\t0\t\t0\n"
		    "y\t2022-11\t0\t\t0\n"
		    "y\t2022-12\t0\t\t0\n"
		    "y\t2023-01\t0\t\t0\n"
		    "y\t2023-02\t1\t2\t1\n"
		    "y\t(none)\t1\t\t0\n");
	ir_stats_free(&st);
	ir_stats_conf_free(&c);
	/* Days from year 1 to 9999 are too many. */
	{
		static const char *const days[] = {"-g", "d:day", NULL};

		conf_of(&c, days);
		ir_stats_init(&st, &c);
		add(&st, "{\"kind\":\"incident\",\"d\":\"0001-01-01\"}", 1);
		add(&st, "{\"kind\":\"incident\",\"d\":\"9999-12-31\"}", 2);
		ck_assert_int_eq(ir_stats_fill(&st, 0, &err), -1);
		ck_assert_str_eq(ir_buf_cstr(&err), "--fill: too many buckets from 0001-01-01 to 9999-12-31");
		ir_stats_free(&st);
		ir_stats_conf_free(&c);
	}
	ir_buf_free(&err);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("rows");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, wilson);
	tcase_add_test(tc, share_column);
	tcase_add_test(tc, sort_and_top);
	tcase_add_test(tc, fill);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
