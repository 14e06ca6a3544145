/* ja/calendar.h - the calendar: civil dates as day numbers, ISO weeks, the eras.
 *
 * Dates are proleptic Gregorian; a day number counts days from 1970-01-01
 * (negative before it), so that the days between two dates are a
 * subtraction.  Weeks are ISO 8601's: they start on Monday, and week 1 of
 * a year is the one that holds its first Thursday (and January 4th).
 *
 * The eras are the Japanese calendar's since the Gregorian calendar was
 * taken up: a year of an era is counted from 1 (元年) in the Gregorian
 * year the era began.  An era holds the days from the one its name took
 * effect to the day before the next one's, except that the day an emperor
 * died belongs to both: 明治 1868-01-25 to 1912-07-30, 大正 1912-07-30 to
 * 1926-12-25, 昭和 1926-12-25 to 1989-01-07, 平成 1989-01-08 to
 * 2019-04-30, 令和 from 2019-05-01.  (明治 before 1873-01-01 counted
 * days by the old lunisolar calendar; its first day is given here in
 * Gregorian terms.)
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
	const char *name;  /* 令和 */
	char letter;       /* of the short form read (R5.12.1), or 0 */
	int y, m, d;       /* its first day: 元年 is year y */
	int ly, lm, ld;    /* its last day; ly 0 while it lasts */
};

/* The eras, latest first. */
extern const struct ir_era ir_eras[];
extern const size_t ir_neras;

/* The Gregorian year of year n of era e. */
int ir_era_year(const struct ir_era *e, int n);
/* -1 if y-m-d is before era e's first day, 1 if after its last, 0 if e holds it. */
int ir_era_holds(const struct ir_era *e, int y, int m, int d);

#endif
