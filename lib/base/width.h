/* base/width.h - how wide text shows on a terminal.
 *
 * The table and bar formats of ir-stats line columns up with Japanese
 * text in them, so they measure text by display width, not bytes or code
 * points: East Asian wide and fullwidth characters (kanji, kana,
 * fullwidth forms, most emoji) take two columns, combining marks and
 * other zero-width characters none, the rest one (utf8proc_charwidth,
 * which counts East Asian "ambiguous" characters as one).  An ill-formed
 * UTF-8 sequence counts as the U+FFFD that would replace it: one column.
 */
#ifndef IR_BASE_WIDTH_H
#define IR_BASE_WIDTH_H

#include <stddef.h>

#include "base/buf.h"

/* Display width of the n bytes at s. */
size_t ir_width(const char *s, size_t n);

/*
 * Appends s and enough spaces to fill width columns: after s (left
 * alignment) or, when right is set, before it.  Text already as wide or
 * wider is appended as it is.
 */
void ir_width_pad(struct ir_buf *b, const char *s, size_t n, size_t width, int right);

/*
 * Columns of the output: $COLUMNS when it is a number from 1 to 10000,
 * else the width of the terminal on standard output (TIOCGWINSZ), else 80.
 */
int ir_term_columns(void);

#endif
