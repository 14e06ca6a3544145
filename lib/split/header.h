/* split/header.h - recognising 【セキュリティ事件簿#YYYY-NNN】 post headers. */
#ifndef IR_SPLIT_HEADER_H
#define IR_SPLIT_HEADER_H

#include <stddef.h>

struct ir_header {
	char id[32];        /* "2023-325": ASCII digits, leading zeros kept; "2022" without serial */
	int serial;         /* the id has a serial number */
	size_t title_off;   /* the rest of the line after 】, trimmed */
	size_t title_len;
};

/*
 * Is line (len bytes, line end included or not) a post header?  Accepted
 * at line start after optional spaces (ir_utf8_is_space: white space and
 * the invisible format characters, U+200B, U+2060, U+FEFF...): 【, the
 * label, blanks, # or ＃, blanks, a four-digit year, then a hyphen or dash
 * and a number of 1 to 26 digits (or nothing: the id is the year alone),
 * blanks, 】.  Digits may be full-width, with blanks between them;
 * ir-split(1) says the same.
 * Returns 1 and fills *h, or 0.
 */
int ir_header_parse(const char *line, size_t len, struct ir_header *h);

#endif
