/* ja/heading.h - one line read as a heading: its mark, its words, and the part they name.
 *
 * A heading is a marked line (ja/listmark) whose words are few and read
 * as no sentence, a short line of heading words standing alone, or a
 * label before a colon (原因:).  Its words say which part of a notice it
 * opens (ja/notice.h: 概要 the overview, 原因 the cause, …), if any.
 * Works on normalised text (ja/norm.h), one line at a time.
 */
#ifndef IR_JA_HEADING_H
#define IR_JA_HEADING_H

#include <stddef.h>

#include "ja/listmark.h"

/* The styles of headings without a mark, after those of ja/listmark. */
enum {
	IR_HEAD_ALONE = IR_NMARKS, /* a short line of heading words alone */
	IR_HEAD_LABEL,             /* 原因: at the start of a line */
	IR_HEAD_END                /* the line after 以上 (ja/notice) */
};

struct ir_heading {
	size_t line;               /* where its line starts */
	size_t head_off, head_len; /* the heading as written */
	unsigned style;            /* enum ir_mark or IR_HEAD_*, with ir_listmark_read's symbol */
	int num;                   /* its number in a numbered style, else 0 */
	size_t indent;             /* blanks before it */
	int part;                  /* the enum ir_part its words name, or -1 */
	int plain;                 /* short, no digits: may open a part it does not name */
};

/*
 * Reads a line (its content s[0..n), n > 0, without its indent) as a
 * heading: 1 with style, num, part, plain and head_off/head_len (relative
 * to s) filled, or 0.
 */
int ir_heading_read(const char *s, size_t n, struct ir_heading *h);

/* The part (enum ir_part) the words s[0..n) name, or -1. */
int ir_heading_part(const char *s, size_t n);

/* Builds the words of headings: at start-up, before threads (lib/README.md). */
void ir_heading_prepare(void);

#endif
