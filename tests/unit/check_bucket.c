#include "stats/bucket.h"
#include "unit.h"

static void
expect(enum ir_bucket b, const char *date, const char *want)
{
	char key[IR_BUCKET_KEY_MAX];
	long ord, back;

	ck_assert_msg(ir_bucket_of_date(b, date, strlen(date), &ord) == 0, "%s refused", date);
	ir_bucket_key(b, ord, key);
	ck_assert_str_eq(key, want);
	ck_assert_int_eq(ir_bucket_of_key(b, key, strlen(key), &back), 0);
	ck_assert_int_eq(back, ord);
}

START_TEST(names)
{
	ck_assert_int_eq(ir_bucket_parse("month", 5), IR_BUCKET_MONTH);
	ck_assert_int_eq(ir_bucket_parse("week", 4), IR_BUCKET_WEEK);
	ck_assert_int_eq(ir_bucket_parse("months", 6), IR_BUCKET_NONE);
	ck_assert_int_eq(ir_bucket_parse("", 0), IR_BUCKET_NONE);
	ck_assert_str_eq(ir_bucket_name(IR_BUCKET_QUARTER), "quarter");
}
END_TEST

START_TEST(each_bucket)
{
	expect(IR_BUCKET_YEAR, "2023-08-23", "2023");
	expect(IR_BUCKET_QUARTER, "2023-08-23", "2023-Q3");
	expect(IR_BUCKET_QUARTER, "2023-01-01", "2023-Q1");
	expect(IR_BUCKET_QUARTER, "2023-12-31", "2023-Q4");
	expect(IR_BUCKET_MONTH, "2023-08-23", "2023-08");
	expect(IR_BUCKET_WEEK, "2023-08-23", "2023-W34");
	expect(IR_BUCKET_DAY, "2023-08-23", "2023-08-23");
	/* A time after the date, or a month alone where the day is not needed. */
	expect(IR_BUCKET_DAY, "2023-08-23T10:00:00+09:00", "2023-08-23");
	expect(IR_BUCKET_MONTH, "2023-08", "2023-08");
	expect(IR_BUCKET_YEAR, "0001-01-01", "0001");
	expect(IR_BUCKET_DAY, "9999-12-31", "9999-12-31");
}
END_TEST

START_TEST(iso_weeks_at_year_ends)
{
	expect(IR_BUCKET_WEEK, "2021-01-01", "2020-W53"); /* a Friday */
	expect(IR_BUCKET_WEEK, "2021-01-04", "2021-W01");
	expect(IR_BUCKET_WEEK, "2023-01-01", "2022-W52"); /* a Sunday */
	expect(IR_BUCKET_WEEK, "2023-01-02", "2023-W01");
	expect(IR_BUCKET_WEEK, "2024-12-30", "2025-W01"); /* a Monday */
	expect(IR_BUCKET_WEEK, "2026-12-31", "2026-W53"); /* a Thursday */
	expect(IR_BUCKET_WEEK, "2027-01-03", "2026-W53");
	expect(IR_BUCKET_WEEK, "1970-01-01", "1970-W01");
	expect(IR_BUCKET_WEEK, "1969-12-28", "1969-W52");
}
END_TEST

START_TEST(fiscal_years)
{
	long a, b;

	ck_assert_int_eq(ir_bucket_parse("fy", 2), IR_BUCKET_FY);
	ck_assert_str_eq(ir_bucket_name(IR_BUCKET_FY), "fy");
	/* 年度 2023 runs from 2023-04-01 to 2024-03-31. */
	expect(IR_BUCKET_FY, "2023-04-01", "FY2023");
	expect(IR_BUCKET_FY, "2024-03-31", "FY2023");
	expect(IR_BUCKET_FY, "2023-03-31", "FY2022");
	expect(IR_BUCKET_FY, "2024-04-01T09:00", "FY2024");
	expect(IR_BUCKET_FY, "2023-12", "FY2023");
	expect(IR_BUCKET_FY, "2024-01", "FY2023");
	expect(IR_BUCKET_FY, "0001-02-01", "FY0000");
	/* Consecutive years have consecutive ordinals, for --fill. */
	ck_assert_int_eq(ir_bucket_of_key(IR_BUCKET_FY, "FY2022", 6, &a), 0);
	ck_assert_int_eq(ir_bucket_of_key(IR_BUCKET_FY, "FY2023", 6, &b), 0);
	ck_assert_int_eq(b - a, 1);
	ck_assert_int_lt(ir_bucket_of_key(IR_BUCKET_FY, "2023", 4, &a), 0);
	ck_assert_int_lt(ir_bucket_of_key(IR_BUCKET_FY, "FY23", 4, &a), 0);
	ck_assert_int_lt(ir_bucket_of_key(IR_BUCKET_FY, "fy2023", 6, &a), 0);
	ck_assert_int_lt(ir_bucket_of_date(IR_BUCKET_FY, "2023", 4, &a), 0);
}
END_TEST

START_TEST(not_dates)
{
	static const char *const bad[] = {
		"2023-13-01", "2023-00-10", "2023-02-29", "2023-04-31", "23-08-23", "2023/08/23",
		"2023-08-23x", "2023-8-23", "0000-01-01", "abcd-01-01", "2023", "", "2023-08-2",
	};
	size_t i;
	long ord;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(ir_bucket_of_date(IR_BUCKET_DAY, bad[i], strlen(bad[i]), &ord) < 0,
			      "%s taken for a date", bad[i]);
	ck_assert_int_eq(ir_bucket_of_date(IR_BUCKET_DAY, "2024-02-29", 10, &ord), 0);
	ck_assert_int_eq(ir_bucket_of_date(IR_BUCKET_DAY, "2000-02-29", 10, &ord), 0);
	ck_assert_int_lt(ir_bucket_of_date(IR_BUCKET_DAY, "1900-02-29", 10, &ord), 0);
	/* A month will do for months, not for weeks or days. */
	ck_assert_int_eq(ir_bucket_of_date(IR_BUCKET_QUARTER, "2023-08", 7, &ord), 0);
	ck_assert_int_lt(ir_bucket_of_date(IR_BUCKET_WEEK, "2023-08", 7, &ord), 0);
	ck_assert_int_lt(ir_bucket_of_date(IR_BUCKET_DAY, "2023-08", 7, &ord), 0);
}
END_TEST

static void
expect_next(enum ir_bucket b, const char *key, const char *want)
{
	char out[IR_BUCKET_KEY_MAX];
	long ord;

	ck_assert_msg(ir_bucket_of_key(b, key, strlen(key), &ord) == 0, "%s refused", key);
	ir_bucket_key(b, ord + 1, out);
	ck_assert_str_eq(out, want);
}

START_TEST(ordinals_count_one_by_one)
{
	expect_next(IR_BUCKET_YEAR, "2023", "2024");
	expect_next(IR_BUCKET_QUARTER, "2023-Q4", "2024-Q1");
	expect_next(IR_BUCKET_MONTH, "2023-12", "2024-01");
	expect_next(IR_BUCKET_WEEK, "2020-W53", "2021-W01");
	expect_next(IR_BUCKET_WEEK, "2023-W52", "2024-W01");
	expect_next(IR_BUCKET_DAY, "2024-02-28", "2024-02-29");
	expect_next(IR_BUCKET_DAY, "2023-12-31", "2024-01-01");
}
END_TEST

START_TEST(keys_read_back)
{
	long ord;

	ck_assert_int_lt(ir_bucket_of_key(IR_BUCKET_WEEK, "2021-W53", 8, &ord), 0);
	ck_assert_int_eq(ir_bucket_of_key(IR_BUCKET_WEEK, "2020-W53", 8, &ord), 0);
	ck_assert_int_lt(ir_bucket_of_key(IR_BUCKET_QUARTER, "2023-Q5", 7, &ord), 0);
	ck_assert_int_lt(ir_bucket_of_key(IR_BUCKET_MONTH, "2023-08-01", 10, &ord), 0);
	ck_assert_int_lt(ir_bucket_of_key(IR_BUCKET_YEAR, "23", 2, &ord), 0);
	ck_assert_int_lt(ir_bucket_of_key(IR_BUCKET_DAY, "2023-02-30", 10, &ord), 0);
}
END_TEST

START_TEST(civil_days)
{
	long d;
	int y, m, dd;

	ck_assert_int_eq(ir_days_from_civil(1970, 1, 1), 0);
	ck_assert_int_eq(ir_days_from_civil(2000, 3, 1), 11017);
	ck_assert_int_eq(ir_days_from_civil(1969, 12, 31), -1);
	for (d = ir_days_from_civil(1, 1, 1); d <= ir_days_from_civil(9999, 12, 31); d += 97) {
		ir_civil_from_days(d, &y, &m, &dd);
		ck_assert_int_eq(ir_days_from_civil(y, m, dd), d);
	}
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("bucket");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, names);
	tcase_add_test(tc, each_bucket);
	tcase_add_test(tc, iso_weeks_at_year_ends);
	tcase_add_test(tc, fiscal_years);
	tcase_add_test(tc, not_dates);
	tcase_add_test(tc, ordinals_count_one_by_one);
	tcase_add_test(tc, keys_read_back);
	tcase_add_test(tc, civil_days);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
