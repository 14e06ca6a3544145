#include "ja/calendar.h"

/*
 * 大正 and 明治 have no short form here: notices do not date anything
 * then, and "T1.2.3" or "M2.5.1" is far more often a model or a version.
 */
const struct ir_era ir_eras[] = {
	{"令和", 'R', 2019, 5, 1, 0, 0, 0},
	{"平成", 'H', 1989, 1, 8, 2019, 4, 30},
	{"昭和", 'S', 1926, 12, 25, 1989, 1, 7},
	{"大正", 0, 1912, 7, 30, 1926, 12, 25},
	{"明治", 0, 1868, 1, 25, 1912, 7, 30},
};
const size_t ir_neras = sizeof ir_eras / sizeof *ir_eras;

static long
floordiv(long a, long b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
ir_month_days(int y, int m)
{
	static const unsigned char days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	return m == 2 && leap(y) ? 29 : days[m - 1];
}

long
ir_days_from_civil(int y, int m, int d)
{
	long yy = y - (m <= 2), era = floordiv(yy, 400);
	long yoe = yy - era * 400;
	long doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void
ir_civil_from_days(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = floordiv(z, 146097);
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

long
ir_iso_week(long days)
{
	/* Day 0, 1970-01-01, was a Thursday. */
	return floordiv(days + 3, 7);
}

void
ir_iso_week_name(long w, int *year, int *week)
{
	/* A week belongs to the year of its Thursday. */
	long thursday = w * 7;
	int m, d;

	ir_civil_from_days(thursday, year, &m, &d);
	*week = (int)((thursday - ir_days_from_civil(*year, 1, 1)) / 7 + 1);
}

long
ir_iso_week_one(int y)
{
	return ir_iso_week(ir_days_from_civil(y, 1, 4));
}

int
ir_era_year(const struct ir_era *e, int n)
{
	return e->y + n - 1;
}

/* -1, 0 or 1 as y-m-d is before, on or after the other. */
static int
compare(int y, int m, int d, int oy, int om, int od)
{
	long a = (long)y * 10000 + m * 100 + d, b = (long)oy * 10000 + om * 100 + od;

	return (a > b) - (a < b);
}

int
ir_era_holds(const struct ir_era *e, int y, int m, int d)
{
	if (compare(y, m, d, e->y, e->m, e->d) < 0)
		return -1;
	return e->ly != 0 && compare(y, m, d, e->ly, e->lm, e->ld) > 0;
}
