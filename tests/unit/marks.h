/* marks.h - the places where a number or a date may begin, as ir-extract finds them, for the tests
 * that read counts and dates through them too. */
#ifndef IR_MARKS_H
#define IR_MARKS_H

#include "base/cpset.h"
#include "extract/when.h"
#include "ja/count.h"
#include "ja/date.h"

static inline int
number_or_date(uint32_t cp)
{
	return ir_count_may_begin(cp) || ir_dates_may_begin(cp);
}

/* The marks of s[0..n), kept until the next call. */
static inline const struct ir_cpmarks *
marks_of(const char *s, size_t n)
{
	static struct ir_cpset set = IR_CPSET_WHERE(number_or_date);
	static struct ir_cpmarks m = IR_CPMARKS_INIT;

	ir_cpset_build(&set);
	ir_cpset_marks(&set, s, n, &m);
	return &m;
}

#endif
