/* json/number.h - JSON numbers for ir-stats, kept exactly.
 *
 * ir-stats must give the same figures whether the input is read in one
 * piece, by several threads, or as partial states merged later, so its
 * arithmetic may not depend on the order values come in.
 *
 * A number whose value is an integer of magnitude below 2^127 is kept
 * exactly as a 128-bit integer, whatever its spelling (1, -3, 2.0, 1e3,
 * 9223372036854775807); any other as the nearest double.  Their sums are
 * json/xsum.h's.
 *
 * How numbers are printed (ir_number_format): integral values without
 * decimals, others with up to 15 significant digits (%.15g).
 */
#ifndef IR_JSON_NUMBER_H
#define IR_JSON_NUMBER_H

#include <stddef.h>

#include "base/buf.h"

struct ir_number {
	__int128 i;   /* the value, when isint */
	double d;     /* the value, otherwise */
	int isint;
};

/*
 * Reads a JSON number token; -1 when it is not one, or out of the range
 * of a double.
 */
int ir_number_parse(const char *tok, size_t n, struct ir_number *v);
/* The value, as a long double (rounded for integers past 2^64). */
long double ir_number_ld(const struct ir_number *v);
/* Compares the values exactly. */
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

#endif
