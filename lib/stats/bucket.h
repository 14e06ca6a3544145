/* stats/bucket.h - date buckets: year, fiscal year, quarter, month, ISO week, day.
 *
 * ir-stats groups by `published:month` and the like.  A date is a string
 * "YYYY-MM-DD" (what ir-extract writes), possibly followed by a time
 * ("T10:00:00" or " 10:00"); for the year, fiscal year, quarter and
 * month buckets "YYYY-MM" will do too.  Years run from 0001 to 9999.  Buckets are named
 * by strings that sort as they follow each other:
 *
 *	year     2023
 *	fy       FY2023     (年度, the Japanese fiscal year: 2023-04-01 to
 *	                     2024-03-31)
 *	quarter  2023-Q3
 *	month    2023-08
 *	week     2023-W34   (ISO 8601: weeks start on Monday, and week 1 is
 *	                     the one with the year's first Thursday)
 *	day      2023-08-23
 *
 * Each bucket also has an ordinal, a number that grows by one from one
 * bucket to the next, so that the buckets between two can be listed.
 */
#ifndef IR_STATS_BUCKET_H
#define IR_STATS_BUCKET_H

#include <stddef.h>

#include "ja/calendar.h"

enum ir_bucket {
	IR_BUCKET_NONE,
	IR_BUCKET_YEAR,
	IR_BUCKET_QUARTER,
	IR_BUCKET_MONTH,
	IR_BUCKET_WEEK,
	IR_BUCKET_DAY,
	IR_BUCKET_FY
};

/* The longest bucket name, with its NUL. */
#define IR_BUCKET_KEY_MAX 16

/* "year", "fy", "quarter", "month", "week", "day" (n bytes): the bucket, or IR_BUCKET_NONE. */
enum ir_bucket ir_bucket_parse(const char *name, size_t n);
const char *ir_bucket_name(enum ir_bucket b);

/* The ordinal of the bucket the date s (n bytes) falls in; -1 if s is not a date. */
int ir_bucket_of_date(enum ir_bucket b, const char *s, size_t n, long *ord);
/* Writes the name of bucket ord ("2023-W34"), NUL-terminated; returns its length. */
size_t ir_bucket_key(enum ir_bucket b, long ord, char out[IR_BUCKET_KEY_MAX]);
/* The ordinal of a bucket name; -1 when s is not one. */
int ir_bucket_of_key(enum ir_bucket b, const char *s, size_t n, long *ord);

#endif
