#include <stdlib.h>
#include <string.h>

#include "base/bytescan.h"
#include "classify/scope.h"
#include "classify/work.h"

/* Counts the first bytes of characters among the 16 at p. */
static unsigned
starts16(const char *p)
{
	ir_v16s b = ir_v16_bias(ir_v16_load(p));

	return 16 - ir_v16_count(IR_V16_ULT(b, 0xC0) & ~IR_V16_ULT(b, 0x80));
}

/*
 * Byte offset n characters before (dir < 0) or after off in text.  Going
 * forward is the lead's 1,500 characters in every notice: it counts the
 * characters sixteen bytes at a time while the place lies further on.
 */
size_t
ir_step_chars(const char *t, size_t len, size_t off, long n, int dir)
{
	unsigned long k = (unsigned long)n + 1; /* the place: the k-th start at or after off */
	unsigned c;

	if (n <= 0)
		return off;
	if (dir > 0) {
		for (; off + 16 <= len && (c = starts16(t + off)) < k; off += 16)
			k -= c;
		for (; off < len; off++)
			if (((unsigned char)t[off] & 0xC0) != 0x80 && --k == 0)
				return off;
		return len;
	}
	while (n-- > 0 && off > 0) {
		do
			off--;
		while (off > 0 && ((unsigned char)t[off] & 0xC0) == 0x80);
	}
	return off;
}

/* The lead: up to the first body line that matches lead-end, or lead-chars into the body. */
static void
find_lead(struct ir_classifier *c)
{
	const struct ir_ruleset *rs = c->rs;
	const char *t = c->norm.text.p;
	size_t n = c->norm.text.len, i = c->notice.body_off;
	int rc = 0;

	c->lead_end = ir_step_chars(t, n, i, rs->lead_chars, 1);
	if (rs->lead_end_code == NULL || !(c->used & IR_SCOPE_BIT(IR_SCOPE_LEAD)))
		return;
	ir_work_start(c);
	while (i < c->lead_end && rc == 0) {
		const char *e = memchr(t + i, '\n', n - i);
		size_t end = e ? (size_t)(e - t) : n;

		/* The line is the whole subject: ^ is its start. */
		rc = ir_work_found(pcre2_match(rs->lead_end_code, (PCRE2_SPTR)(t + i), end - i, 0,
					       PCRE2_NO_UTF_CHECK, c->md, c->mctx));
		if (rc == 1)
			c->lead_end = i;
		i = end + 1;
	}
	if (rc < 0)
		ir_work_give_up(c, rs->nrules);
}

/* Sorts the n offsets at a: the sections' come in text order, and only a few others move. */
static void
sort_offsets(size_t *a, size_t n)
{
	size_t i, j, x;

	for (i = 1; i < n; i++) {
		x = a[i];
		for (j = i; j > 0 && a[j - 1] > x; j--)
			a[j] = a[j - 1];
		a[j] = x;
	}
}

/*
 * Cuts the text into zones at every place where a scope begins or ends:
 * the title's ends, the lead's end and every section's ends.
 */
static void
find_zones(struct ir_classifier *c)
{
	const struct ir_notice *nt = &c->notice;
	size_t n = c->norm.text.len, np = 0, i, hint = 0;
	size_t *cut = ir_xrealloc(NULL, (2 * nt->n + 5) * sizeof *cut);

	cut[np++] = 0;
	cut[np++] = nt->title_off;
	cut[np++] = nt->title_off + nt->title_len;
	cut[np++] = c->lead_end;
	for (i = 0; i < nt->n; i++) {
		cut[np++] = nt->s[i].off;
		cut[np++] = nt->s[i].off + nt->s[i].len;
	}
	cut[np++] = n;
	sort_offsets(cut, np);
	c->nzone = 0;
	for (i = 0; i + 1 < np; i++) {
		const struct ir_section *sec;
		struct ir_zone *z;

		if (cut[i] == cut[i + 1])
			continue;
		if (c->nzone == c->capzone) {
			c->capzone = c->capzone ? 2 * c->capzone : 16;
			c->zone = ir_xrealloc(c->zone, c->capzone * sizeof *c->zone);
		}
		z = &c->zone[c->nzone++];
		z->off = cut[i];
		z->end = cut[i + 1];
		z->scope = IR_SCOPE_BIT(IR_SCOPE_BODY);
		if (z->off >= nt->title_off && z->end <= nt->title_off + nt->title_len)
			z->scope |= IR_SCOPE_BIT(IR_SCOPE_TITLE);
		if (z->end <= c->lead_end)
			z->scope |= IR_SCOPE_BIT(IR_SCOPE_LEAD);
		if ((sec = ir_notice_at(nt, z->off, &hint)) != NULL)
			z->scope |= IR_SCOPE_BIT(IR_SCOPE_PART + sec->part);
	}
	free(cut);
}

/*
 * The next stretch of the text, from zone *zi on, where scope holds:
 * [*from, *to), and *zi past it; 0 when there is none.
 */
int
ir_scope_next(const struct ir_classifier *c, unsigned scope, size_t *zi, size_t *from, size_t *to)
{
	size_t i = *zi;

	while (i < c->nzone && !(c->zone[i].scope & scope))
		i++;
	if (i == c->nzone)
		return 0;
	*from = c->zone[i].off;
	while (i < c->nzone && (c->zone[i].scope & scope))
		i++;
	*to = c->zone[i - 1].end;
	*zi = i;
	return 1;
}

void
ir_scope_read(struct ir_classifier *c)
{
	find_lead(c);
	find_zones(c);
}
