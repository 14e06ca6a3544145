/* extract/when.h - when a notice says things happened: the dates of its
 * text, when the organisation found out, and the exposure window.
 *
 * Dates are read from where notices state them (extract/facts.h) and
 * only from clauses that state them; finders walk the dates in text
 * order, so each runs in time linear in the text.
 */
#ifndef IR_EXTRACT_WHEN_H
#define IR_EXTRACT_WHEN_H

#include <stddef.h>
#include <stdint.h>

#include "extract/facts.h"
#include "ja/date.h"

/* The dates of a text, found once and read by the functions below. */
struct ir_dates {
	struct ir_dated {
		size_t off, len;
		struct ir_date d;
	} *v;
	size_t n, cap;
};

/*
 * Finds the dates of text[from..len); offsets are in text.  Dates written
 * against others are read too: 同年8月1日, 同月18日 and 同日 against the
 * date before, 本年1月16日 and 今年 against this_year, 昨年 the year before
 * (this_year 0: unknown, the year left out).
 */
struct ir_cpmarks;

/* ... marks (or NULL) holding every place of text a date may begin (ir_dates_may_begin), and others. */
void ir_dates_scan(struct ir_dates *ds, const char *text, size_t len, size_t from, int this_year,
		   const struct ir_cpmarks *marks);

/* Can a date of ir_dates_scan begin with cp: a written one's (ja/date.h), or 同 本 今 昨? */
int ir_dates_may_begin(uint32_t cp);
void ir_dates_free(struct ir_dates *ds);

/*
 * The earliest date the organisation learned of the incident (判明, 検知,
 * 発覚, 確認, 連絡を受け, ...) as the overview or the timeline states it,
 * not after published (when it has a year).  A date without year takes
 * the year of the date before it in the text, or else the published year,
 * or the year before when that puts it a few months before published
 * (12月8日 in a notice of January).  Returns 1 and sets *d, or 0.
 */
int ir_discovered(const struct ir_read *r, const struct ir_dates *ds, struct ir_date published,
		  struct ir_date *d);

/* The first stated leak or exposure window ("…~…の期間", "…から…までの間"). */
int ir_period(const struct ir_read *r, const struct ir_dates *ds, struct ir_date published,
	      struct ir_date *from, struct ir_date *to);

/* Compiles the module's patterns: once, at start-up, before any thread. */
void ir_when_prepare(void);

#endif
