/* ja/date.h - reading the dates of Japanese notices.
 *
 * Text must be NFKC-normalised (ASCII digits and punctuation, ASCII space
 * for U+3000, 月 for ⽉) with every range marker turned into '~'; it must be
 * valid UTF-8.  ASCII spaces may stand between all parts of a date.  Dates
 * read:
 *
 *	2023年8月23日  2023 年 7 月 5 日  2023年十二月一日
 *	令和5年12月1日  令和元年5月1日  平成31年4月30日  昭和64年1月7日
 *	2024/1/19  2024-01-19  2024.1.19  (the two separators equal)
 *	R5.12.1  H31.4.30  S64.1.7  (or with '/')
 *	8月23日  十二月一日  7/18(火)  (no year: y = 0; M/D needs the weekday)
 *
 * A weekday in parentheses after the day, "(水)", "(水曜日)", "(火・祝)",
 * is part of the date and consumed.  Nothing else after the day is:
 * "2023年7月21日更新" yields 2023年7月21日.  A year of an era is read as
 * the Gregorian year it counts to, also for a day the era does not hold
 * (see ja/calendar.h): 平成31年5月7日 is 2019-05-07, as forms printed
 * before a change of era went on saying, and 平成32年 is 2020; such a date
 * notes the era it was written in, for the reader to say so.  Years are
 * 1900-2100.
 */
#ifndef IR_JA_DATE_H
#define IR_JA_DATE_H

#include <stddef.h>

#include "ja/calendar.h"

struct ir_date {
	int y, m, d; /* y == 0: the year was not written; d == 0: a month */
	/* The era it was written in, when that era does not hold it; else NULL. */
	const struct ir_era *outside_era;
};

/* Reads one date starting exactly at s; returns its length, or 0 (*d untouched). */
size_t ir_date_parse(const char *s, size_t n, struct ir_date *d);

/*
 * Reads a year and month, "2023年8月" or "令和5年8月", setting d->d to 0.
 * Returns 0 where a day follows, valid or not (2023年8月23日, 2023年2月30日).
 */
size_t ir_month_parse(const char *s, size_t n, struct ir_date *d);

/*
 * Finds the first date in s: returns its offset and sets *len, or returns
 * (size_t)-1.  A date starting with a digit must not follow an ASCII
 * letter or digit ("12023年", "x2024/1/19"), nor one starting with a kanji
 * numeral another kanji numeral; a date without year is not taken right
 * after 年 (the year before it was not a valid one).
 */
size_t ir_date_find(const char *s, size_t n, struct ir_date *d, size_t *len);

/*
 * Reads a range starting at s: "DATE ~ DATE", "DATEからDATE(まで)",
 * "DATE-DATE".  The second date may leave out the year, or the year and
 * month ("2023年7月5日~7日", "2024/1/5~1/19"), or say "同年" / "同月";
 * what it leaves out is taken from the first, a year later when it would
 * otherwise come first ("2023年12月28日~1月5日"); a first date without
 * year takes the second's, a year earlier when it would otherwise come
 * after it ("12月28日~2024年1月5日" is 2023-12-28..2024-01-05).  A time of
 * day after either date ("10時30分", "9:00") belongs to the range.  まで is consumed,
 * "の期間" is not.  A second date before the first is refused.  Returns
 * the length or 0.
 */
size_t ir_date_range_parse(const char *s, size_t n, struct ir_date *from, struct ir_date *to);

/* Is y 0 or in 1900..2100, m a month and d a day of it (y 0: Feb. 29 is)? */
int ir_date_valid(struct ir_date d);

/* Days since 1970-01-01, proleptic Gregorian; d must have a year. */
long ir_date_days(struct ir_date d);

/* "2023-08-23"; without year "--08-23" (ISO 8601's form). */
void ir_date_iso(struct ir_date d, char out[11]);

/* Builds the characters a date can start with: once, at start-up, before any thread. */
void ir_date_prepare(void);

#endif
