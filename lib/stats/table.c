#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/width.h"
#include "json/write.h"
#include "stats/table.h"

static const char *const formats[] = {"table", "tsv", "csv", "json", "markdown", "bar"};

int
ir_format_parse(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof formats / sizeof formats[0]; i++)
		if (strcmp(name, formats[i]) == 0)
			return (int)i;
	return -1;
}

void
ir_table_init(struct ir_table *t, size_t ncols)
{
	memset(t, 0, sizeof *t);
	t->ncols = ncols;
	t->head = calloc(ncols ? ncols : 1, sizeof *t->head);
	t->numeric = calloc(ncols ? ncols : 1, sizeof *t->numeric);
	if (t->head == NULL || t->numeric == NULL)
		ir_oom();
}

void
ir_table_head(struct ir_table *t, size_t col, const char *name, int numeric)
{
	free(t->head[col]);
	t->head[col] = ir_xstrdup(name);
	t->numeric[col] = numeric;
}

static struct ir_table_cell *
next_cell(struct ir_table *t)
{
	if (t->ncells == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->cell = ir_xrealloc(t->cell, t->cap * sizeof *t->cell);
	}
	return &t->cell[t->ncells++];
}

void
ir_table_cell(struct ir_table *t, const char *text, size_t n, const char *json, size_t jn)
{
	struct ir_table_cell *c = next_cell(t);

	c->empty = 0;
	c->off = t->text.len;
	c->len = n;
	ir_buf_add(&t->text, text, n);
	if (json == NULL) {
		c->joff = c->off;
		c->jlen = n;
	} else {
		c->joff = t->text.len;
		c->jlen = jn;
		ir_buf_add(&t->text, json, jn);
	}
}

void
ir_table_empty(struct ir_table *t)
{
	struct ir_table_cell *c = next_cell(t);

	memset(c, 0, sizeof *c);
	c->empty = 1;
}

void
ir_table_row_end(struct ir_table *t, double bar)
{
	/* A sum past a double's range still draws the longest bar. */
	if (isinf(bar))
		bar = bar > 0 ? DBL_MAX : -DBL_MAX;
	t->bar = ir_xrealloc(t->bar, (t->nrows + 1) * sizeof *t->bar);
	t->bar[t->nrows++] = bar;
}

void
ir_table_free(struct ir_table *t)
{
	size_t i;

	for (i = 0; i < t->ncols; i++)
		free(t->head[i]);
	free(t->head);
	free(t->numeric);
	free(t->cell);
	free(t->bar);
	ir_buf_free(&t->text);
	memset(t, 0, sizeof *t);
}

/* Writing ------------------------------------------------------------ */

/*
 * The text of s as format f shows it, in out (emptied first).  Tabs and
 * line ends become spaces, but csv keeps them (quoted); every other
 * control character, C0, DEL or C1 (NUL included: the values come from
 * JSON, where \u0000 is legal), is shown as its JSON escape, so that no
 * format passes one on raw and two values never look the same.
 */
static void
show(struct ir_buf *out, const char *s, size_t n, enum ir_format f)
{
	size_t i;

	out->len = 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		/* C1 controls are U+0080 to U+009F: 0xC2 0x80 to 0xC2 0x9F. */
		int c1 = c == 0xC2 && i + 1 < n && ((unsigned char)s[i + 1] & 0xE0) == 0x80;

		if (c == '\t' || c == '\n' || c == '\r')
			ir_buf_addc(out, f == IR_FORMAT_CSV ? (char)c : ' ');
		else if (c < 0x20 || c == 0x7F || c1)
			ir_buf_addf(out, "\\u%04x", c1 ? (unsigned char)s[++i] : c);
		else if (c == '|' && f == IR_FORMAT_MARKDOWN)
			ir_buf_adds(out, "\\|");
		else
			ir_buf_addc(out, (char)c);
	}
}

static const struct ir_table_cell *
cell_at(const struct ir_table *t, size_t row, size_t col)
{
	return &t->cell[row * t->ncols + col];
}

/* The cell's text as f shows it. */
static void
show_cell(struct ir_buf *out, const struct ir_table *t, size_t row, size_t col, enum ir_format f)
{
	const struct ir_table_cell *c = cell_at(t, row, col);

	if (c->empty) {
		out->len = 0;
		if (f != IR_FORMAT_TSV && f != IR_FORMAT_CSV)
			ir_buf_addc(out, '-');
		return;
	}
	show(out, t->text.p + c->off, c->len, f);
}

static void
end_line(struct ir_buf *b, struct ir_out *out, const char *eol)
{
	ir_buf_adds(b, eol);
	if (out != NULL)
		ir_out_end_record(out);
}

/* Display widths of each column, over the header (when head) and the cells. */
static size_t *
widths(const struct ir_table *t, enum ir_format f, int head)
{
	size_t *w = calloc(t->ncols ? t->ncols : 1, sizeof *w), r, c;
	struct ir_buf s = IR_BUF_INIT;

	if (w == NULL)
		ir_oom();
	for (c = 0; c < t->ncols; c++) {
		if (head) {
			show(&s, t->head[c], strlen(t->head[c]), f);
			w[c] = ir_width(s.p, s.len);
		}
		for (r = 0; r < t->nrows; r++) {
			size_t cw;

			show_cell(&s, t, r, c, f);
			cw = ir_width(s.p, s.len);
			if (cw > w[c])
				w[c] = cw;
		}
	}
	ir_buf_free(&s);
	return w;
}

static void
write_table(const struct ir_table *t, struct ir_buf *b, struct ir_out *out)
{
	size_t *w = widths(t, IR_FORMAT_TABLE, 1), r, c;
	struct ir_buf s = IR_BUF_INIT;

	for (r = 0; r <= t->nrows; r++) {
		for (c = 0; c < t->ncols; c++) {
			int last = c + 1 == t->ncols;

			if (r == 0)
				show(&s, t->head[c], strlen(t->head[c]), IR_FORMAT_TABLE);
			else
				show_cell(&s, t, r - 1, c, IR_FORMAT_TABLE);
			if (c > 0)
				ir_buf_adds(b, "  ");
			if (last && !t->numeric[c])
				ir_buf_add(b, s.p, s.len);
			else
				ir_width_pad(b, s.p, s.len, w[c], t->numeric[c]);
		}
		end_line(b, out, "\n");
	}
	ir_buf_free(&s);
	free(w);
}

static void
write_markdown(const struct ir_table *t, struct ir_buf *b, struct ir_out *out)
{
	size_t *w = widths(t, IR_FORMAT_MARKDOWN, 1), r, c, k;
	struct ir_buf s = IR_BUF_INIT;

	for (c = 0; c < t->ncols; c++)
		if (w[c] < 3)
			w[c] = 3;
	for (r = 0; r <= t->nrows + 1; r++) {
		ir_buf_addc(b, '|');
		for (c = 0; c < t->ncols; c++) {
			ir_buf_addc(b, ' ');
			if (r == 1) {
				for (k = 0; k < w[c]; k++)
					ir_buf_addc(b, k + 1 == w[c] && t->numeric[c] ? ':' : '-');
			} else {
				if (r == 0)
					show(&s, t->head[c], strlen(t->head[c]), IR_FORMAT_MARKDOWN);
				else
					show_cell(&s, t, r - 2, c, IR_FORMAT_MARKDOWN);
				ir_width_pad(b, s.p, s.len, w[c], t->numeric[c]);
			}
			ir_buf_adds(b, " |");
		}
		end_line(b, out, "\n");
	}
	ir_buf_free(&s);
	free(w);
}

/* Does a csv field hold a comma, a double quote or a line end? */
static int
needs_quotes(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n')
			return 1;
	return 0;
}

static void
write_separated(const struct ir_table *t, enum ir_format f, struct ir_buf *b, struct ir_out *out)
{
	const char *eol = f == IR_FORMAT_CSV ? "\r\n" : "\n";
	char sep = f == IR_FORMAT_CSV ? ',' : '\t';
	struct ir_buf s = IR_BUF_INIT;
	size_t r, c, i;

	for (r = 0; r <= t->nrows; r++) {
		for (c = 0; c < t->ncols; c++) {
			if (c > 0)
				ir_buf_addc(b, sep);
			if (r == 0)
				show(&s, t->head[c], strlen(t->head[c]), f);
			else
				show_cell(&s, t, r - 1, c, f);
			if (f == IR_FORMAT_CSV && needs_quotes(s.p, s.len)) {
				ir_buf_addc(b, '"');
				for (i = 0; i < s.len; i++) {
					if (s.p[i] == '"')
						ir_buf_addc(b, '"');
					ir_buf_addc(b, s.p[i]);
				}
				ir_buf_addc(b, '"');
			} else {
				ir_buf_add(b, s.p, s.len);
			}
		}
		end_line(b, out, eol);
	}
	ir_buf_free(&s);
}

static void
write_json(const struct ir_table *t, struct ir_buf *b, struct ir_out *out)
{
	struct ir_jw w;
	size_t r, c;

	for (r = 0; r < t->nrows; r++) {
		ir_jw_start(&w, b);
		ir_jw_object(&w);
		for (c = 0; c < t->ncols; c++) {
			const struct ir_table_cell *x = cell_at(t, r, c);

			ir_jw_key(&w, t->head[c]);
			if (x->empty)
				ir_jw_null(&w);
			else
				ir_jw_raw(&w, t->text.p + x->joff, x->jlen);
		}
		ir_jw_end(&w);
		end_line(b, out, "\n");
	}
}

/* A bar of e eighths of a column. */
static void
add_bar(struct ir_buf *b, long e)
{
	static const char *const part[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
	long k;

	for (k = 0; k < e / 8; k++)
		ir_buf_adds(b, "█");
	ir_buf_adds(b, part[e % 8]);
}

static void
write_bar(const struct ir_table *t, int columns, struct ir_buf *b, struct ir_out *out)
{
	size_t *w = widths(t, IR_FORMAT_BAR, 0), r, c;
	struct ir_buf s = IR_BUF_INIT;
	long fixed = 0, room;
	double max = 0;

	for (c = 0; c < t->ncols; c++) {
		fixed += (long)w[c] + 2;
	}
	room = columns - fixed;
	if (room < 10)
		room = 10;
	for (r = 0; r < t->nrows; r++)
		if (t->bar[r] > max)
			max = t->bar[r];
	for (r = 0; r < t->nrows; r++) {
		size_t before;
		long e = 0;

		for (c = 0; c < t->ncols; c++) {
			if (t->numeric[c])
				continue;
			show_cell(&s, t, r, c, IR_FORMAT_BAR);
			ir_width_pad(b, s.p, s.len, w[c], 0);
			ir_buf_adds(b, "  ");
		}
		if (t->bar[r] > 0 && max > 0) {
			e = lround(t->bar[r] / max * (double)room * 8);
			if (e == 0)
				e = 1;
		}
		before = b->len;
		add_bar(b, e);
		ir_width_pad(b, "", 0, (size_t)room - ir_width(b->p + before, b->len - before), 0);
		for (c = 0; c < t->ncols; c++) {
			if (!t->numeric[c])
				continue;
			show_cell(&s, t, r, c, IR_FORMAT_BAR);
			ir_buf_adds(b, "  ");
			ir_width_pad(b, s.p, s.len, w[c], 1);
		}
		end_line(b, out, "\n");
	}
	ir_buf_free(&s);
	free(w);
}

void
ir_table_write(const struct ir_table *t, enum ir_format f, int columns, struct ir_buf *b,
	       struct ir_out *out)
{
	switch (f) {
	case IR_FORMAT_TABLE:
		write_table(t, b, out);
		break;
	case IR_FORMAT_TSV:
	case IR_FORMAT_CSV:
		write_separated(t, f, b, out);
		break;
	case IR_FORMAT_JSON:
		write_json(t, b, out);
		break;
	case IR_FORMAT_MARKDOWN:
		write_markdown(t, b, out);
		break;
	case IR_FORMAT_BAR:
		write_bar(t, columns, b, out);
		break;
	}
}
