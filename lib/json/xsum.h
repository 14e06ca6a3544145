/* json/xsum.h - exact sums of JSON numbers, in any order and of any size.
 *
 * ir-stats must give the same figures whether the input is read in one
 * piece, by several threads, or as partial states merged later, so its
 * sums may not depend on the order values come in.  A sum is exact: the
 * integers in a 128-bit integer while they fit, and everything else (the
 * other values, and integers that would overflow it) in a fixed-point
 * accumulator of 2304 bits whose lowest bit is 2^-1074, the smallest
 * double: every double is a whole multiple of it, and 2^64 doubles of
 * the largest size still fit (Kulisch's long accumulator).  Its value is
 * rounded once, to nearest with ties to even, when it is shown.  Only
 * more than 2^64 values, which a merged state can claim, overflow it;
 * the sum then says so.
 *
 * Ownership: a struct ir_xsum owns its accumulator; ir_xsum_free frees it.
 */
#ifndef IR_JSON_XSUM_H
#define IR_JSON_XSUM_H

#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "json/number.h"

/* The accumulator's 64-bit words, least significant first; two's complement. */
#define IR_XSUM_WORDS 36

struct ir_xsum {
	__int128 i;          /* the integers, while they fit */
	uint64_t *acc;       /* the rest, times 2^1074 (NULL: nothing yet) */
	unsigned long long nfloat; /* values that were not integers */
	int overflow;        /* the accumulator overflowed: the sum is unknown */
};

#define IR_XSUM_INIT {0, NULL, 0, 0}

void ir_xsum_add(struct ir_xsum *s, const struct ir_number *v);
/* Adds src to dst, exactly. */
void ir_xsum_merge(struct ir_xsum *dst, const struct ir_xsum *src);
/* Compares the exact sums. */
int ir_xsum_cmp(const struct ir_xsum *a, const struct ir_xsum *b);
/* The exact sum rounded once to the nearest double (infinite past its range). */
double ir_xsum_value(const struct ir_xsum *s);
/* The exact sum times 2^e, rounded once (for a mean of a sum past a double's range). */
double ir_xsum_ldexp(const struct ir_xsum *s, int e);
/*
 * Appends the sum as ir-stats prints it: the exact integer when only
 * integers were added, else the value rounded to 15 significant digits
 * as %.15g would print it (past a double's range too).
 */
void ir_xsum_format(struct ir_buf *b, const struct ir_xsum *s);

/*
 * The sum in a canonical form, for the state file: the integer part
 * (the floor of the sum) in decimal, appended to intpart, and the rest,
 * in [0, 1), as doubles in c, each the next 53 bits from the top, so
 * that their exact sum is the rest.  Returns how many (at most
 * IR_XSUM_PARTS).  The same for every order of the same values.
 */
#define IR_XSUM_PARTS 24
size_t ir_xsum_parts(const struct ir_xsum *s, struct ir_buf *intpart, double *c);
/*
 * Adds what ir_xsum_parts gave: an integer in decimal (-1 when it is not
 * one, or too large for the accumulator), and the parts of the rest (-1
 * when one is not in (0, 1)).  Neither counts in nfloat.
 */
int ir_xsum_add_int_text(struct ir_xsum *s, const char *dec, size_t n);
int ir_xsum_add_part(struct ir_xsum *s, double x);
void ir_xsum_free(struct ir_xsum *s);

#endif
