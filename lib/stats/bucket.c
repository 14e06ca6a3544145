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
		if (d < 1 || d > ir_month_days(y, m))
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
		*ord = ir_iso_week(ir_days_from_civil(y, m, d));
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
		ir_iso_week_name(ord, &y, &d);
		n = snprintf(out, IR_BUCKET_KEY_MAX, "%04d-W%02d", y, d);
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
		*ord = ir_iso_week_one(y) + w - 1;
		/* Week 53 exists only in some years. */
		ir_bucket_key(b, *ord, again);
		return strlen(again) == n && memcmp(again, s, n) == 0 ? 0 : -1;
	default:
		return -1;
	}
}
