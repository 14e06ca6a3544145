/* number_fixture.h - what the unit tests of json/number and json/xsum share. */
#ifndef IR_NUMBER_FIXTURE_H
#define IR_NUMBER_FIXTURE_H

#include "json/number.h"
#include "unit.h"

/* The number of a token that must read. */
static inline struct ir_number
num(const char *s)
{
	struct ir_number v;

	ck_assert_int_eq(ir_number_parse(s, strlen(s), &v), 0);
	return v;
}

#endif
