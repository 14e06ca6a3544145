/* extract/rx.h - the built-in PCRE2 patterns of the extractors.
 *
 * Patterns are written against normalised text (see ja/norm.h), in UTF mode,
 * compiled once on first use and JIT-compiled where PCRE2 can.  A built-in
 * pattern that fails to compile is a bug: the program stops and says so.
 * Match limits bound the work any input can cause.  Threads may share
 * patterns: compiling takes a lock, and each thread has its own match data.
 */
#ifndef IR_EXTRACT_RX_H
#define IR_EXTRACT_RX_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdatomic.h>
#include <stddef.h>

struct ir_rx {
	const char *pattern;
	_Atomic(pcre2_code *) code; /* compiled on first use, by any thread */
};

#define IR_RX(p) {p, NULL}

/* Offsets of a match and of its first capture group (-1 when unset). */
struct ir_rx_match {
	size_t start, end;
	size_t g1, g1end; /* group 1, or (size_t)-1 */
	int group;        /* the first group that took part, or 0: "(a)|(b)|(c)" tells which */
};

/* Finds the first match in s[from..n); returns 1 and fills *m, or 0. */
int ir_rx_find(struct ir_rx *rx, const char *s, size_t n, size_t from, struct ir_rx_match *m);
/* Does the pattern match anywhere in s[0..n)? */
int ir_rx_test(struct ir_rx *rx, const char *s, size_t n);

#endif
