#include "ja/calendar.h"
#include "unit.h"

START_TEST(month_lengths)
{
	ck_assert_int_eq(ir_month_days(2023, 2), 28);
	ck_assert_int_eq(ir_month_days(2024, 2), 29);
	ck_assert_int_eq(ir_month_days(1900, 2), 28);
	ck_assert_int_eq(ir_month_days(2000, 2), 29);
	ck_assert_int_eq(ir_month_days(0, 2), 29);
	ck_assert_int_eq(ir_month_days(2023, 4), 30);
	ck_assert_int_eq(ir_month_days(2023, 12), 31);
}
END_TEST

START_TEST(day_numbers)
{
	long d;
	int y, m, dd;

	ck_assert_int_eq(ir_days_from_civil(1970, 1, 1), 0);
	ck_assert_int_eq(ir_days_from_civil(1969, 12, 31), -1);
	ck_assert_int_eq(ir_days_from_civil(2000, 3, 1), 11017);
	ck_assert_int_eq(ir_days_from_civil(2019, 5, 1), 18017);
	ck_assert_int_eq(ir_days_from_civil(1900, 1, 1), -25567);
	ck_assert_int_eq(ir_days_from_civil(2024, 3, 1) - ir_days_from_civil(2024, 2, 28), 2);
	/* Every day of four centuries reads back, and follows the one before. */
	for (d = ir_days_from_civil(1899, 12, 31); d <= ir_days_from_civil(2300, 1, 1); d++) {
		ir_civil_from_days(d, &y, &m, &dd);
		ck_assert_int_eq(ir_days_from_civil(y, m, dd), d);
		ck_assert_int_ge(dd, 1);
		ck_assert_int_le(dd, ir_month_days(y, m));
	}
	ir_civil_from_days(-1, &y, &m, &dd);
	ck_assert(y == 1969 && m == 12 && dd == 31);
}
END_TEST

static void
check_week(int y, int m, int d, int want_year, int want_week)
{
	int year, week;

	ir_iso_week_name(ir_iso_week(ir_days_from_civil(y, m, d)), &year, &week);
	ck_assert_msg(year == want_year && week == want_week, "%04d-%02d-%02d: %d-W%02d, want %d-W%02d",
		      y, m, d, year, week, want_year, want_week);
}

START_TEST(iso_weeks)
{
	check_week(1969, 12, 29, 1970, 1);
	check_week(2021, 1, 3, 2020, 53);
	check_week(2021, 1, 4, 2021, 1);
	check_week(2024, 12, 30, 2025, 1);
	check_week(2023, 8, 23, 2023, 34);
	check_week(2026, 12, 31, 2026, 53);
	ck_assert_int_eq(ir_iso_week(ir_days_from_civil(1969, 12, 29)), 0);
	ck_assert_int_eq(ir_iso_week(ir_days_from_civil(1969, 12, 28)), -1);
	ck_assert_int_eq(ir_iso_week_one(2021), ir_iso_week(ir_days_from_civil(2021, 1, 4)));
	ck_assert_int_eq(ir_iso_week_one(2020), ir_iso_week(ir_days_from_civil(2019, 12, 30)));
}
END_TEST

static const struct ir_era *
era(const char *name)
{
	size_t k;

	for (k = 0; k < ir_neras; k++)
		if (strcmp(ir_eras[k].name, name) == 0)
			return &ir_eras[k];
	ck_abort_msg("no era %s", name);
	return NULL;
}

START_TEST(eras)
{
	size_t k;

	/* Latest first, each beginning on or the day after the last day of the one before. */
	ck_assert_int_eq(ir_eras[0].ly, 0);
	for (k = 1; k < ir_neras; k++) {
		long gap = ir_days_from_civil(ir_eras[k - 1].y, ir_eras[k - 1].m, ir_eras[k - 1].d) -
			   ir_days_from_civil(ir_eras[k].ly, ir_eras[k].lm, ir_eras[k].ld);

		ck_assert_msg(gap == 0 || gap == 1, "%s after %s: %ld days", ir_eras[k - 1].name,
			      ir_eras[k].name, gap);
	}
	ck_assert_int_eq(ir_era_year(era("令和"), 1), 2019);
	ck_assert_int_eq(ir_era_year(era("令和"), 5), 2023);
	ck_assert_int_eq(ir_era_year(era("平成"), 31), 2019);
	ck_assert_int_eq(ir_era_year(era("昭和"), 64), 1989);
	ck_assert_int_eq(ir_era_year(era("大正"), 15), 1926);
	ck_assert_int_eq(ir_era_year(era("明治"), 45), 1912);
	ck_assert_int_eq(ir_era_holds(era("令和"), 2019, 5, 1), 0);
	ck_assert_int_eq(ir_era_holds(era("令和"), 2019, 4, 30), -1);
	ck_assert_int_eq(ir_era_holds(era("令和"), 2100, 12, 31), 0);
	ck_assert_int_eq(ir_era_holds(era("平成"), 1989, 1, 8), 0);
	ck_assert_int_eq(ir_era_holds(era("平成"), 1989, 1, 7), -1);
	ck_assert_int_eq(ir_era_holds(era("平成"), 2019, 4, 30), 0);
	ck_assert_int_eq(ir_era_holds(era("平成"), 2019, 5, 1), 1);
	ck_assert_int_eq(ir_era_holds(era("平成"), 2020, 1, 1), 1);
	ck_assert_int_eq(ir_era_holds(era("昭和"), 1926, 12, 24), -1);
	ck_assert_int_eq(ir_era_holds(era("昭和"), 1989, 1, 7), 0);
	ck_assert_int_eq(ir_era_holds(era("昭和"), 1989, 1, 8), 1);
	/* The day an emperor died is in both eras. */
	ck_assert_int_eq(ir_era_holds(era("大正"), 1926, 12, 25), 0);
	ck_assert_int_eq(ir_era_holds(era("昭和"), 1926, 12, 25), 0);
	ck_assert_int_eq(ir_era_holds(era("明治"), 1912, 7, 30), 0);
	ck_assert_int_eq(ir_era_holds(era("大正"), 1912, 7, 30), 0);
	ck_assert_int_eq(ir_era_holds(era("大正"), 1912, 7, 29), -1);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("calendar");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, month_lengths);
	tcase_add_test(tc, day_numbers);
	tcase_add_test(tc, iso_weeks);
	tcase_add_test(tc, eras);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
