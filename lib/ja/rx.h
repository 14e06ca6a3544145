/* ja/rx.h - built-in PCRE2 patterns over normalised text.
 *
 * Patterns are written against normalised text (see ja/norm.h), in UTF
 * mode, and JIT-compiled where PCRE2 can.  Each module that has patterns
 * compiles them in its prepare function, which the tool calls at start-up,
 * before any thread starts; after that the patterns are only read, so
 * threads share them without locks (each thread has its own match data).
 * A built-in pattern that fails to compile, or one used before it was
 * compiled, is a bug: the program stops and says so.  Match limits bound
 * the work any input can cause.
 */
#ifndef IR_JA_RX_H
#define IR_JA_RX_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>

struct ir_rx {
	const char *pattern;
	pcre2_code *code; /* set by ir_rx_compile */
};

#define IR_RX(p) {p, NULL}

/* Compiles the n patterns (those compiled already are left alone). */
void ir_rx_compile(struct ir_rx *const *rx, size_t n);

/* Offsets of a match and of its first capture group (-1 when unset). */
struct ir_rx_match {
	size_t start, end;
	size_t g1, g1end; /* group 1, or (size_t)-1 */
	int group;        /* the first group that took part, or 0: "(a)|(b)|(c)" tells which */
};

/* Finds the first match in s[from..n); returns 1 and fills *m, or 0. */
int ir_rx_find(const struct ir_rx *rx, const char *s, size_t n, size_t from,
	       struct ir_rx_match *m);
/* Does the pattern match anywhere in s[0..n)? */
int ir_rx_test(const struct ir_rx *rx, const char *s, size_t n);

#endif
