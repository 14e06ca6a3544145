#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/bytescan.h"
#include "ja/sentence.h"

/* Does a sentence end with the 。 at i: not one inside brackets, as in (以下「本件」という。)? */
static int
stop_at(const char *t, size_t n, size_t i)
{
	return i + 3 <= n && memcmp(t + i, "。", 3) == 0 && (i + 3 == n || t[i + 3] != ')') &&
	       (i + 6 > n || (memcmp(t + i + 3, "」", 3) != 0 && memcmp(t + i + 3, "』", 3) != 0));
}

static int
blank(unsigned char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r';
}

/* Where a 。 starts among the sixteen bytes at p (read to p + 17): a lane each. */
static inline ir_v16
stops16(const char *p)
{
	return IR_V16_EQ(ir_v16_load(p), ir_v16_splat(0xE3)) &
	       IR_V16_EQ(ir_v16_load(p + 1), ir_v16_splat(0x80)) &
	       IR_V16_EQ(ir_v16_load(p + 2), ir_v16_splat(0x82));
}

/* Do the sixteen bytes at p hold no line end and a byte that is no blank? */
static inline int
quiet16(const char *p)
{
	ir_v16 v = ir_v16_load(p);
	ir_v16 sp = IR_V16_EQ(v, ir_v16_splat(' ')) | IR_V16_EQ(v, ir_v16_splat('\t')) |
		    IR_V16_EQ(v, ir_v16_splat('\r'));

	return !ir_v16_any(IR_V16_EQ(v, ir_v16_splat('\n'))) && ir_v16_any(~sp);
}

/*
 * Where the sentences holding off start: just past the 。 before off (and
 * its line end), or after a blank line, or at the body's start.  Sixteen
 * bytes are passed over at a time where no 。 ends and no line does: the
 * line they stand in is not blank either.
 */
static size_t
unit_start(const char *t, size_t n, size_t body, size_t off)
{
	size_t i = off, nl = 0;
	int blank_so_far = 0; /* the line after the last line end passed */

	while (i > body) {
		unsigned char ch = (unsigned char)t[i - 1];

		if (i >= body + 18 && quiet16(t + i - 16) && !ir_v16_any(stops16(t + i - 18))) {
			blank_so_far = 0;
			i -= 16;
			continue;
		}
		if (ch == '\n') {
			if (blank_so_far)
				return nl + 1;
			nl = i - 1;
			blank_so_far = 1;
		} else if (!blank(ch)) {
			blank_so_far = 0;
			if (ch == 0x82 && i >= 3 && stop_at(t, n, i - 3)) /* 。 ends in 0x82 */
				return i < n && t[i] == '\n' ? i + 1 : i;
		}
		i--;
	}
	return body;
}

/*
 * Where they end: just past the 。 at or after off, or before a blank
 * line, or at the end; sixteen bytes at a time where no 。 starts.
 */
static size_t
unit_end(const char *t, size_t n, size_t off)
{
	size_t i = off, line = off;
	int blank_so_far = 0;

	while (i < n) {
		if (i + 18 <= n && quiet16(t + i) && !ir_v16_any(stops16(t + i))) {
			blank_so_far = 0;
			i += 16;
			continue;
		}
		if (t[i] == '\n') {
			if (blank_so_far)
				return line;
			line = i + 1;
			blank_so_far = 1;
		} else if (!blank((unsigned char)t[i])) {
			blank_so_far = 0;
			if ((unsigned char)t[i] == 0xE3 && stop_at(t, n, i)) /* 。 starts with 0xE3 */
				return i + 3;
		}
		i++;
	}
	return n;
}

/*
 * Does the unit found from off hold every place of it?  It does when off
 * starts a character that is not blank: from within a blank line, the
 * search back sees a blank line that the one forward did not.
 */
static int
covers(const char *t, size_t n, size_t off)
{
	unsigned char ch = off < n ? (unsigned char)t[off] : '\n';

	return ch != '\n' && !blank(ch) && (ch & 0xC0) != 0x80;
}

void
ir_units_reset(struct ir_units *u, const char *text, size_t len, size_t body)
{
	u->text = text;
	u->len = len;
	u->body = body;
	u->n = 0;
	u->last = 0;
}

/* How many units start at or before off: where one starting at off would go in by_off. */
static size_t
units_upto(const struct ir_units *u, size_t off)
{
	size_t lo = 0, hi = u->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (u->unit[u->by_off[mid]].off <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* A new unit [from, end), its place k in by_off: its index. */
static size_t
add_unit(struct ir_units *u, size_t k, size_t from, size_t end, int whole)
{
	size_t i;

	if (u->n == u->cap) {
		u->cap = u->cap ? 2 * u->cap : 8;
		u->unit = ir_xrealloc(u->unit, u->cap * sizeof *u->unit);
		u->by_off = ir_xrealloc(u->by_off, u->cap * sizeof *u->by_off);
		for (i = u->n; i < u->cap; i++)
			u->unit[i].cl = (struct ir_clauses)IR_CLAUSES_INIT;
	}
	memmove(u->by_off + k + 1, u->by_off + k, (u->n - k) * sizeof *u->by_off);
	u->by_off[k] = u->n;
	u->unit[u->n].off = from;
	u->unit[u->n].end = end;
	u->unit[u->n].read = 0;
	u->unit[u->n].covers = whole;
	return u->n++;
}

/*
 * The index of the unit holding off: the one found last, one found before
 * that covers off, or the one starting where off's sentences start (found
 * before, or new).  Matches come in text order, so each unit is found once.
 */
static size_t
unit_index(struct ir_units *u, size_t off)
{
	const struct ir_unit *x;
	size_t k, from, to;

	if (u->last < u->n && off >= u->unit[u->last].off && off < u->unit[u->last].end)
		return u->last;
	k = units_upto(u, off);
	if (k > 0 && (x = &u->unit[u->by_off[k - 1]])->covers && off < x->end)
		return u->by_off[k - 1];
	from = off < u->body ? 0 : unit_start(u->text, u->len, u->body, off);
	k = units_upto(u, from);
	if (k > 0 && u->unit[u->by_off[k - 1]].off == from)
		return u->by_off[k - 1];
	to = off < u->body ? u->body : unit_end(u->text, u->len, off);
	return add_unit(u, k, from, to > off ? to : off + 1, covers(u->text, u->len, off));
}

const struct ir_unit *
ir_unit_at(struct ir_units *u, size_t off)
{
	u->last = unit_index(u, off);
	return &u->unit[u->last];
}

/* Most of a notice holds no match that needs its clauses, and they are never read. */
const struct ir_unit *
ir_unit_clauses(struct ir_units *u, size_t off)
{
	struct ir_unit *x;

	u->last = unit_index(u, off); /* before u->unit is read: it may move */
	x = &u->unit[u->last];
	if (!x->read)
		ir_clauses_read(&x->cl, u->text + x->off, x->end - x->off);
	x->read = 1;
	return x;
}

void
ir_units_free(struct ir_units *u)
{
	size_t i;

	for (i = 0; i < u->cap; i++)
		ir_clauses_free(&u->unit[i].cl);
	free(u->unit);
	free(u->by_off);
	memset(u, 0, sizeof *u);
}
