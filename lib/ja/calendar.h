/* ja/calendar.h - the calendar: civil dates as day numbers, ISO weeks, the eras.
 *
 * Dates are proleptic Gregorian; a day number counts days from 1970-01-01
 * (negative before it), so that the days between two dates are a
 * subtraction.  Weeks are ISO 8601's: they start on Monday, and week 1 of
 * a year is the one that holds its first Thursday (and January 4th).
 *
 * The eras are the Japanese calendar's since the Gregorian calendar was
 * taken up: a year of an era is counted from 1 (元年) in the Gregorian
 * year the era began, and an era begins on the day its name took effect.
 */
#ifndef IR_JA_CALENDAR_H
#define IR_JA_CALENDAR_H

#include <stddef.h>

/* Days in month m of year y (year 0 is a leap year, as proleptic 1 BC is). */
int ir_month_days(int y, int m);

/* The day number of y-m-d, and back (after H. Hinnant's days_from_civil). */
long ir_days_from_civil(int y, int m, int d);
void ir_civil_from_days(long days, int *y, int *m, int *d);

/* The ordinal of the ISO week a day number falls in: Monday 1969-12-29 starts week 0. */
long ir_iso_week(long days);
/* The year (of its Thursday) and number (1-53) of ISO week ordinal w. */
void ir_iso_week_name(long w, int *year, int *week);
/* The ordinal of week 1 of ISO year y. */
long ir_iso_week_one(int y);

struct ir_era {
	const char *name; /* 令和 */
	char letter;      /* of the short form R5.12.1 */
	int y, m, d;      /* its first day: 元年 is year y */
};

/* The eras, latest first. */
extern const struct ir_era ir_eras[];
extern const size_t ir_neras;

/* The Gregorian year of year n of era e. */
int ir_era_year(const struct ir_era *e, int n);
/* Is y-m-d on or after the first day of era e? */
int ir_era_begun(const struct ir_era *e, int y, int m, int d);

#endif
