#include <stdio.h>
#include <string.h>

#include "stats/bucket.h"

static const char *const names[] = {"", "year", "quarter", "month", "week", "day", "fy"};

enum ir_bucket
ir_bucket_parse(const char *name, size_t n)
{
	size_t b;

	for (b = IR_BUCKET_YEAR; b <= IR_BUCKET_FY; b++)
		if (strlen(names[b]) == n && memcmp(names[b], name, n) == 0)
			return (enum ir_bucket)b;
	return IR_BUCKET_NONE;
}

const char *
ir_bucket_name(enum ir_bucket b)
{
	return names[b];
}

static long
floordiv(long a, long b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* H. Hinnant's days_from_civil. */
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

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	return m == 2 && leap(y) ? 29 : days[m - 1];
}

/* n ASCII digits at s; -1 if any is not one. */
static int
digits(const char *s, size_t n)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* The ordinal of a date's ISO week: Monday 1969-12-29 starts week 0. */
static long
week_of_days(long days)
{
	return floordiv(days + 3, 7);
}

int
ir_bucket_of_date(enum ir_bucket b, const char *s, size_t n, long *ord)
{
	int y, m, d = 1, have_day;

	if (n < 7 || s[4] != '-')
		return -1;
	y = digits(s, 4);
	m = digits(s + 5, 2);
	if (y < 1 || m < 1 || m > 12)
		return -1;
	have_day = n >= 10 && s[7] == '-';
	if (have_day) {
		d = digits(s + 8, 2);
		if (d < 1 || d > month_days(y, m))
			return -1;
		if (n > 10 && s[10] != 'T' && s[10] != ' ')
			return -1;
	} else if (n != 7 || b == IR_BUCKET_WEEK || b == IR_BUCKET_DAY) {
		return -1;
	}
	switch (b) {
	case IR_BUCKET_YEAR:
		*ord = y;
		break;
	case IR_BUCKET_FY:
		/* 年度: April to March, named by the year it starts in. */
		*ord = m >= 4 ? y : y - 1;
		break;
	case IR_BUCKET_QUARTER:
		*ord = y * 4L + (m - 1) / 3;
		break;
	case IR_BUCKET_MONTH:
		*ord = y * 12L + m - 1;
		break;
	case IR_BUCKET_WEEK:
		*ord = week_of_days(ir_days_from_civil(y, m, d));
		break;
	case IR_BUCKET_DAY:
		*ord = ir_days_from_civil(y, m, d);
		break;
	default:
		return -1;
	}
	return 0;
}

size_t
ir_bucket_key(enum ir_bucket b, long ord, char out[IR_BUCKET_KEY_MAX])
{
	int y, m, d, n = 0;
	long thursday;

	switch (b) {
	case IR_BUCKET_YEAR:
		n = snprintf(out, IR_BUCKET_KEY_MAX, "%04ld", ord);
		break;
	case IR_BUCKET_FY:
		n = snprintf(out, IR_BUCKET_KEY_MAX, "FY%04ld", ord);
		break;
	case IR_BUCKET_QUARTER:
		n = snprintf(out, IR_BUCKET_KEY_MAX, "%04ld-Q%ld", floordiv(ord, 4),
			     ord - floordiv(ord, 4) * 4 + 1);
		break;
	case IR_BUCKET_MONTH:
		n = snprintf(out, IR_BUCKET_KEY_MAX, "%04ld-%02ld", floordiv(ord, 12),
			     ord - floordiv(ord, 12) * 12 + 1);
		break;
	case IR_BUCKET_WEEK:
		/* The week belongs to the year of its Thursday. */
		thursday = ord * 7;
		ir_civil_from_days(thursday, &y, &m, &d);
		n = snprintf(out, IR_BUCKET_KEY_MAX, "%04d-W%02ld", y,
			     (thursday - ir_days_from_civil(y, 1, 1)) / 7 + 1);
		break;
	case IR_BUCKET_DAY:
		ir_civil_from_days(ord, &y, &m, &d);
		n = snprintf(out, IR_BUCKET_KEY_MAX, "%04d-%02d-%02d", y, m, d);
		break;
	default:
		out[0] = '\0';
	}
	return n > 0 ? (size_t)n : 0;
}

int
ir_bucket_of_key(enum ir_bucket b, const char *s, size_t n, long *ord)
{
	char again[IR_BUCKET_KEY_MAX];
	int y, q, w;
	long jan4;

	switch (b) {
	case IR_BUCKET_YEAR:
		if (n != 4 || (y = digits(s, 4)) < 1)
			return -1;
		*ord = y;
		return 0;
	case IR_BUCKET_FY:
		if (n != 6 || s[0] != 'F' || s[1] != 'Y' || (y = digits(s + 2, 4)) < 0)
			return -1;
		*ord = y;
		return 0;
	case IR_BUCKET_QUARTER:
		if (n != 7 || s[4] != '-' || s[5] != 'Q' || (y = digits(s, 4)) < 1 ||
		    (q = digits(s + 6, 1)) < 1 || q > 4)
			return -1;
		*ord = y * 4L + q - 1;
		return 0;
	case IR_BUCKET_MONTH:
	case IR_BUCKET_DAY:
		if (n != (b == IR_BUCKET_MONTH ? 7u : 10u))
			return -1;
		return ir_bucket_of_date(b, s, n, ord);
	case IR_BUCKET_WEEK:
		if (n != 8 || s[4] != '-' || s[5] != 'W' || (y = digits(s, 4)) < 1 ||
		    (w = digits(s + 6, 2)) < 1 || w > 53)
			return -1;
		/* Week 1 holds January 4th. */
		jan4 = ir_days_from_civil(y, 1, 4);
		*ord = week_of_days(jan4) + w - 1;
		/* Week 53 exists only in some years. */
		ir_bucket_key(b, *ord, again);
		return strlen(again) == n && memcmp(again, s, n) == 0 ? 0 : -1;
	default:
		return -1;
	}
}
