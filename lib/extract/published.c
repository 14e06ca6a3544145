#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "extract/published.h"
#include "ja/rx.h"

/* What may follow the header's date: 更新, 公開, a closing bracket. */
static struct ir_rx date_tail = IR_RX("^\\s*(?:更新|公開|掲載|発表|付け?)?\\s*\\)?\\s*$");
/* What may stand beside a date on a line of its own. */
static struct ir_rx line_rest = IR_RX(
	"^[\\s()\\[\\]【】<>「」:・,、.。-]*(?:(?:更新|公開|掲載|発表|発行|付け?|日付)[\\s()\\[\\]【】<>:]*)*$");
/* A clause that ends in publishing: …を公表しました, …お知らせいたします. */
static struct ir_rx publishes = IR_RX(
	"(?:公表|発表|公開|お知らせ|掲載|発信)(?:を)?(?:いたし|し|致し)?(?:ます|ました|た)?(?:ので)?$");
/* A regulator's act, announced on its day: …に対し、指導等を行いました. */
static struct ir_rx regulates = IR_RX(
	"(?:指導|勧告|命令|処分|措置|対応)(?:等)?(?:を)?(?:行|実施し|講じ)(?:い|っ)?(?:ました|た)?(?:ので)?$");

enum { TOP_LINES = 3, BOTTOM_LINES = 4, DATE_LINE = 60 };

const char *
ir_pub_from_name(enum ir_pub_from from)
{
	return from == IR_PUB_HEADER ? "header" : from == IR_PUB_BODY ? "body" : NULL;
}

/* Digits that differ between two four-digit years. */
static int
digit_distance(int a, int b)
{
	int k, n = 0;

	for (k = 0; k < 4; k++, a /= 10, b /= 10)
		n += a % 10 != b % 10;
	return n;
}

/*
 * A year far from the post's (2003 on a 2023 notice) is a typo: take the
 * post's year, the one before or the next (posts are numbered by the year
 * they are republished in), whichever is fewer digits away; the post's own
 * year on a tie.
 */
static void
check_year(struct ir_published *pub, const char *id)
{
	int y = atoi(id), fixed = y, d;

	if (y < 1900 || abs(pub->date.y - y) <= 1)
		return;
	for (d = -1; d <= 1; d += 2)
		if (digit_distance(pub->date.y, y + d) < digit_distance(pub->date.y, fixed))
			fixed = y + d;
	snprintf(pub->warning, sizeof pub->warning, "published year %d corrected to %d (post %s)",
		 pub->date.y, fixed, id);
	pub->date.y = fixed;
	if (!ir_date_valid(pub->date)) {
		pub->from = IR_PUB_NONE;
		pub->warning[0] = '\0';
	}
}

/* The last date of the title, when nothing but 更新 and the like follows. */
static void
from_header(const struct ir_read *r, const char *id, struct ir_published *pub)
{
	const char *title = r->t + r->nt->title_off;
	size_t tlen = r->nt->title_len, from = 0, at, dlen, last = 0, lastlen = 0;
	struct ir_date d, keep = {0, 0, 0, NULL};

	while (from < tlen && (at = ir_date_find(title + from, tlen - from, &d, &dlen)) != (size_t)-1) {
		last = from + at;
		lastlen = dlen;
		keep = d;
		from = last + dlen;
	}
	if (lastlen == 0 || keep.y == 0 ||
	    !ir_rx_test(&date_tail, title + last + lastlen, tlen - last - lastlen))
		return;
	pub->from = IR_PUB_HEADER;
	pub->date = keep;
	pub->raw_off = r->nt->title_off + last;
	pub->raw_len = tlen - last;
	check_year(pub, id);
}

struct line {
	size_t off, len; /* trimmed */
};

/*
 * Is the line a date standing alone: a full date, and beside it only
 * brackets, 更新 and the like, or the organisation's name?
 */
static int
date_line(const struct ir_read *r, struct line l, size_t org_off, size_t org_len, struct ir_date *d,
	  size_t *at, size_t *dlen)
{
	const char *s = r->t + l.off, *org = r->t + org_off, *o;
	size_t k, before, after_off;

	if (l.len == 0 || ir_utf8_count(s, l.len) > DATE_LINE)
		return 0;
	k = ir_date_find(s, l.len, d, dlen);
	if (k == (size_t)-1 || d->y == 0 || d->d == 0)
		return 0;
	*at = l.off + k;
	before = k;
	after_off = k + *dlen;
	/* The name may stand before the date or after it. */
	if (org_len > 0 && (o = memmem(s, k, org, org_len)) != NULL)
		before = (size_t)(o - s);
	else if (org_len > 0 && memmem(s + after_off, l.len - after_off, org, org_len) != NULL)
		after_off = (size_t)((const char *)memmem(s + after_off, l.len - after_off, org, org_len) - s) +
			    org_len;
	return ir_rx_test(&line_rest, s, before) &&
	       ir_rx_test(&line_rest, s + after_off, l.len - after_off);
}

/* Does the line hold the organisation's name? */
static int
names_org(const struct ir_read *r, struct line l, size_t org_off, size_t org_len)
{
	return org_len > 0 && l.len > 0 && memmem(r->t + l.off, l.len, r->t + org_off, org_len) != NULL;
}

/*
 * Parts where a notice dates itself: its opening, its close, its
 * signature; at its bottom (after) any part but a timeline.
 */
static int
dates_itself(const struct ir_read *r, size_t off, struct ir_place *p, int bottom)
{
	const struct ir_section *s = ir_notice_at(r->nt, off, &p->section);

	return s == NULL || s->part == IR_PART_OVERVIEW || s->part == IR_PART_CONTACT ||
	       s->part == IR_PART_OTHER || (bottom && s->part != IR_PART_TIMELINE);
}

struct found {
	int have;
	struct ir_date d;
	size_t at, len;
};

static void
keep(struct found *f, struct ir_date d, size_t at, size_t len)
{
	if (!f->have) {
		f->have = 1;
		f->d = d;
		f->at = at;
		f->len = len;
	}
}

/* Is the line a date line in a part that may date the notice (bottom: at its close)? */
static void
try_line(const struct ir_read *r, struct line l, size_t org_off, size_t org_len, int bottom,
	 struct ir_place *p, struct found *f)
{
	struct ir_date d;
	size_t at = 0, dlen = 0;

	if (!f->have && date_line(r, l, org_off, org_len, &d, &at, &dlen) &&
	    dates_itself(r, l.off, p, bottom))
		keep(f, d, at, dlen);
}

/*
 * The date lines of the body: at its top, at its bottom, next to the
 * organisation's name.  One pass over the lines; only those few are read
 * for a date, the last ones kept in a ring.
 */
static void
date_lines(const struct ir_read *r, size_t org_off, size_t org_len, struct found *top,
	   struct found *bottom, struct found *beside)
{
	struct line prev = {0, 0}, ring[BOTTOM_LINES];
	struct ir_place p = IR_PLACE_INIT;
	size_t i = r->nt->body_off, nlines = 0, k;
	int prev_named = 0;

	while (i < r->len) {
		const char *nl = memchr(r->t + i, '\n', r->len - i);
		size_t end = nl ? (size_t)(nl - r->t) : r->len;
		struct line l;
		int named;

		l.off = i + ir_utf8_span_space(r->t + i, end - i);
		l.len = end - l.off - ir_utf8_rspan_space(r->t + l.off, end - l.off);
		i = nl ? end + 1 : end;
		if (l.len == 0)
			continue;
		if (nlines < TOP_LINES)
			try_line(r, l, org_off, org_len, 0, &p, top);
		/* Next to the name: the line before holds it, or the line after. */
		named = names_org(r, l, org_off, org_len);
		if (named && nlines > 0)
			try_line(r, prev, org_off, org_len, 0, &p, beside);
		if (prev_named)
			try_line(r, l, org_off, org_len, 0, &p, beside);
		prev_named = named;
		prev = l;
		ring[nlines % BOTTOM_LINES] = l;
		nlines++;
	}
	for (k = nlines > BOTTOM_LINES ? nlines - BOTTOM_LINES : 0; k < nlines; k++)
		if (k >= TOP_LINES)
			try_line(r, ring[k % BOTTOM_LINES], org_off, org_len, 1, &p, bottom);
}

/* The end of a clause without its blanks, commas and full stops. */
static size_t
clause_end(const char *t, size_t off, size_t end)
{
	for (;;) {
		if (end > off && strchr(" \t\r\n", t[end - 1]) != NULL && t[end - 1] != '\0')
			end--;
		else if (end >= off + 3 && (memcmp(t + end - 3, "。", 3) == 0 || memcmp(t + end - 3, "、", 3) == 0))
			end -= 3;
		else
			return end;
	}
}

/*
 * A clause of the opening that starts with a date and ends in publishing
 * ("2026年1月9日、見本市は…を公表しました"), or, in a regulator's notice,
 * in the act it announces.  The clauses are read in order; a date is
 * parsed only where one opens a clause.
 */
static void
announced(const struct ir_read *r, int regulator, struct found *f)
{
	struct ir_place p = IR_PLACE_INIT;
	const struct ir_clause *first = ir_clause_at(r->cl, r->nt->body_off, NULL);
	size_t i;

	for (i = first ? (size_t)(first - r->cl->c) : r->cl->n; i < r->cl->n && !f->have; i++) {
		const struct ir_clause *c = &r->cl->c[i];
		const struct ir_section *s = ir_notice_at(r->nt, c->off, &p.section);
		size_t off = c->off + ir_utf8_span_space(r->t + c->off, c->len), end, dlen;
		struct ir_date d;

		if (s == NULL)
			continue;
		if (s->part != IR_PART_OVERVIEW)
			break; /* the opening is over */
		end = c->off + c->len;
		if (off >= end || (dlen = ir_date_parse(r->t + off, end - off, &d)) == 0 || d.y == 0 ||
		    d.d == 0)
			continue;
		end = clause_end(r->t, c->off, end);
		if (ir_rx_test(&publishes, r->t + c->off, end - c->off) ||
		    (regulator && ir_rx_test(&regulates, r->t + c->off, end - c->off)))
			keep(f, d, off, dlen);
	}
}

void
ir_published(const struct ir_read *r, size_t org_off, size_t org_len, const char *id,
	     int regulator, struct ir_published *pub)
{
	struct found top = {0, {0, 0, 0, NULL}, 0, 0}, bottom = top, beside = top, sentence = top, *use;

	memset(pub, 0, sizeof *pub);
	from_header(r, id, pub);
	if (pub->from != IR_PUB_NONE)
		return;
	date_lines(r, org_off, org_len, &top, &bottom, &beside);
	announced(r, regulator, &sentence);
	use = top.have ? &top : sentence.have ? &sentence : bottom.have ? &bottom : &beside;
	if (!use->have)
		return;
	pub->from = IR_PUB_BODY;
	pub->date = use->d;
	pub->raw_off = use->at;
	pub->raw_len = use->len;
}

static struct ir_rx *const patterns[] = {
	&date_tail, &line_rest, &publishes, &regulates,
};

void
ir_published_prepare(void)
{
	ir_rx_compile(patterns, sizeof patterns / sizeof *patterns);
}
