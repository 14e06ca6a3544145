/* stats/table.h - rows of cells written as a table, TSV, CSV, JSON, Markdown or bars.
 *
 * ir-stats builds its result as a table: a header per column, saying
 * whether the column holds numbers, and rows of cells, each with the text
 * to show and its JSON form (a string's text is shown as it is, its JSON
 * is quoted), or empty.  The formats:
 *
 *	table     columns two spaces apart, padded by display width (base/width.h);
 *	          numbers on the right; empty cells "-"
 *	tsv       a header line, then tab-separated lines; tabs and line ends
 *	          inside cells become spaces; empty cells empty
 *	csv       RFC 4180: a header line, fields quoted when they hold a comma,
 *	          a double quote or a line end (quotes doubled), CRLF line ends
 *	json      one object per row, the headers as keys; empty cells null
 *	markdown  a pipe table, numbers right-aligned; '|' escaped as "\|"
 *	bar       the text columns, then a horizontal bar of Unicode blocks
 *	          (eighths: ▏▎▍▌▋▊▉█) as long as the row's bar value, scaled so
 *	          that the largest fills what the terminal width leaves, then
 *	          the numbers; no header
 *
 * In the text formats tabs and line ends in cells show as spaces (csv
 * keeps them, quoted), and every other control character as its JSON
 * escape (a NUL as \u0000).
 *
 * Ownership: the table owns copies of everything added to it.
 */
#ifndef IR_STATS_TABLE_H
#define IR_STATS_TABLE_H

#include <stddef.h>

#include "base/buf.h"
#include "base/out.h"

enum ir_format {
	IR_FORMAT_TABLE,
	IR_FORMAT_TSV,
	IR_FORMAT_CSV,
	IR_FORMAT_JSON,
	IR_FORMAT_MARKDOWN,
	IR_FORMAT_BAR
};

/* "table" ... "bar": the format, or -1. */
int ir_format_parse(const char *name);

struct ir_table_cell {
	size_t off, len;   /* the text, in .text */
	size_t joff, jlen; /* its JSON form, in .text */
	int empty;
};

struct ir_table {
	size_t ncols;
	char **head;
	int *numeric;
	struct ir_buf text;
	struct ir_table_cell *cell; /* row by row */
	size_t ncells, cap;
	double *bar;                /* each row's bar value (NaN: none) */
	size_t nrows;
};

void ir_table_init(struct ir_table *t, size_t ncols);
void ir_table_head(struct ir_table *t, size_t col, const char *name, int numeric);
/* Adds the next cell of the row being built; json NULL: the text is its JSON too. */
void ir_table_cell(struct ir_table *t, const char *text, size_t n, const char *json, size_t jn);
void ir_table_empty(struct ir_table *t);
/* Ends the row (all ncols cells added), with the value its bar shows. */
void ir_table_row_end(struct ir_table *t, double bar);
/*
 * Appends the table in format f to b; columns is the width the bar
 * format fills.  With out set (b then being ir_out_buf(out)), each line
 * is handed to ir_out_end_record.
 */
void ir_table_write(const struct ir_table *t, enum ir_format f, int columns, struct ir_buf *b,
		    struct ir_out *out);
void ir_table_free(struct ir_table *t);

#endif
