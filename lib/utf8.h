/* utf8.h - UTF-8 decoding, checking and repair. */
#ifndef IR_UTF8_H
#define IR_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

#define IR_REPLACEMENT 0xFFFD

/*
 * Decodes the sequence at p (n > 0 bytes).  Returns its length and sets
 * *cp, or, for an ill-formed sequence, minus the length of its maximal
 * subpart (Unicode 15, 3.9): the bytes that one U+FFFD replaces.
 */
int ir_utf8_next(const unsigned char *p, size_t n, uint32_t *cp);

/* Writes cp (at most U+10FFFF) as UTF-8; returns the length, 1 to 4. */
size_t ir_utf8_encode(uint32_t cp, char out[4]);

/* Offset of the first byte of the first ill-formed sequence, or n. */
size_t ir_utf8_check(const char *p, size_t n);

/* Appends p to out with each ill-formed sequence replaced by U+FFFD. */
void ir_utf8_repair(const char *p, size_t n, struct ir_buf *out);

/* Number of code points in valid UTF-8 text. */
size_t ir_utf8_count(const char *p, size_t n);

/* Is cp white space: ASCII blanks, NBSP, U+3000 and the other Zs? */
int ir_utf8_is_space(uint32_t cp);

/* Length of a white-space run at the start (end) of p. */
size_t ir_utf8_span_space(const char *p, size_t n);
size_t ir_utf8_rspan_space(const char *p, size_t n);

#endif
