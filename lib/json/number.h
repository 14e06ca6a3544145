/* json/number.h - JSON numbers for ir-stats: exact values and exact sums.
 *
 * ir-stats must give the same figures whether the input is read in one
 * piece, by several threads, or as partial states merged later, so its
 * arithmetic may not depend on the order values come in.  A number is
 * kept as a 64-bit integer when it is one (1, -3, 2.0, 1e3), as a double
 * otherwise.  A sum is kept exactly: the integers in a 128-bit integer,
 * the other values as a floating-point expansion (Shewchuk's adaptive
 * precision: a few non-overlapping doubles whose exact sum is the exact
 * sum of the values), so its value, rounded once at the end, is the
 * correctly rounded exact sum in every order.
 *
 * How numbers are printed (ir_number_format): integral values without
 * decimals, others with up to 15 significant digits (%.15g).
 *
 * Ownership: a struct ir_xsum owns its expansion; ir_xsum_free frees it.
 */
#ifndef IR_JSON_NUMBER_H
#define IR_JSON_NUMBER_H

#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"

struct ir_number {
	long long i;  /* the value, when isint */
	double d;     /* the value, otherwise */
	int isint;
};

/* Reads a JSON number token; -1 when it is out of the range of a double. */
int ir_number_parse(const char *tok, size_t n, struct ir_number *v);
/* The value, as a long double (exact for both kinds on x86-64). */
long double ir_number_ld(const struct ir_number *v);
int ir_number_cmp(const struct ir_number *a, const struct ir_number *b);
/* Appends the value as ir-stats prints it. */
void ir_number_format(struct ir_buf *b, const struct ir_number *v);
void ir_number_format_ld(struct ir_buf *b, long double v);
/* Appends the value as JSON that ir_number_parse reads back exactly. */
void ir_number_json(struct ir_buf *b, const struct ir_number *v);

/* 128-bit integers in decimal. */
void ir_i128_format(struct ir_buf *b, __int128 v);
/* Reads an optional '-' and digits; -1 when malformed or out of range. */
int ir_i128_parse(const char *s, size_t n, __int128 *v);

struct ir_xsum {
	__int128 i;         /* the sum of the integers */
	double *p;          /* the sum of the rest, increasing magnitude */
	size_t np, cap;
	unsigned long long nfloat; /* values that went to the expansion */
};

#define IR_XSUM_INIT {0, NULL, 0, 0, 0}

void ir_xsum_add(struct ir_xsum *s, const struct ir_number *v);
/* Adds a double exactly, not counted in nfloat (for reading states). */
void ir_xsum_add_part(struct ir_xsum *s, double x);
/* Adds src to dst, exactly. */
void ir_xsum_merge(struct ir_xsum *dst, const struct ir_xsum *src);
/* The exact sum rounded once to the nearest double. */
double ir_xsum_value(const struct ir_xsum *s);
/*
 * The expansion (the non-integer part) in a canonical form: c[0] the
 * nearest double to it, c[1] the nearest to what remains, and so on;
 * the same for every order of the same values.  Returns how many (at
 * most max).
 */
size_t ir_xsum_canonical(const struct ir_xsum *s, double *c, size_t max);
/*
 * Appends the sum as ir-stats prints it: the exact integer when only
 * integers were added, else the rounded value with %.15g.
 */
void ir_xsum_format(struct ir_buf *b, const struct ir_xsum *s);
void ir_xsum_free(struct ir_xsum *s);

#endif
