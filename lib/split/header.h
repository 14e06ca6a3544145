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
 * at line start after optional blanks and a byte-order mark: 【, the
 * label, blanks, # or ＃, blanks, a four-digit year, then a hyphen or dash
 * and a number of one or more digits (or nothing: the id is the year
 * alone), blanks, 】.  Digits may be full-width, with blanks between them.
 * Returns 1 and fills *h, or 0.
 */
int ir_header_parse(const char *line, size_t len, struct ir_header *h);

#endif
