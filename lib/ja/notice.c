#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/span.h"
#include "base/utf8.h"
#include "ja/heading.h"
#include "ja/listmark.h"
#include "ja/notice.h"

const char *const ir_part_name[IR_NPARTS] = {
	"overview", "timeline", "cause", "data", "response", "prevention", "contact", "other",
};

int
ir_part_parse(const char *name, size_t n)
{
	int i;

	for (i = 0; i < IR_NPARTS; i++)
		if (strlen(ir_part_name[i]) == n && memcmp(ir_part_name[i], name, n) == 0)
			return i;
	return -1;
}

/*
 * The part a paragraph of unheaded text opens: its topic, before its
 * first は or : ("原因は…", "流出した情報は…"), or a word standing before
 * a comma ("今後、…"); or -1.  The topic is its first sentence's: a は
 * after a full stop opens nothing ("当市の窓口で書類を紛失しました。対象は…"
 * is no contact).
 */
static int
opener(const char *s, size_t n)
{
	size_t lim = n < 20 * 3 ? n : 20 * 3, end = lim;
	const char *p;

	if ((p = ir_utf8_find(s, lim, "は")) != NULL)
		end = (size_t)(p - s);
	if ((p = memchr(s, ':', end)) != NULL)
		end = (size_t)(p - s);
	if ((p = ir_utf8_find(s, end < 5 * 3 ? end : 5 * 3, "、")) != NULL)
		end = (size_t)(p - s);
	if (end == lim || end == 0 || ir_utf8_find(s, end, "。") != NULL)
		return -1;
	return ir_heading_part(s, end);
}

/*
 * What a paragraph that opens no part does: an item of a list (・, (1), ①,
 * ※) or a paragraph that opens with a connective (また、 なお、) goes on
 * with the part before it; prose returns to the account of what happened.
 */
enum { GOES_ON = -2, PROSE = -3 };

static int
goes_on(const char *s, size_t n)
{
	static const struct { const char *w; size_t n; } starts[] = {
#define S(w) {w, sizeof w - 1}
		S("・"), S("•"), S("※"), S("-"), S("*"), S("("), S("また"), S("なお"), S("さらに"),
		S("加えて"), S("併せて"), S("あわせて"), S("同時に"), S("その他"),
#undef S
	};
	size_t k;

	if (ir_listmark_item(s, n))
		return 1;
	for (k = 0; k < sizeof starts / sizeof *starts; k++)
		if (n >= starts[k].n && s[0] == starts[k].w[0] && memcmp(s, starts[k].w, starts[k].n) == 0)
			return 1;
	return 0;
}

/* The lines of the body, each read once. */
struct reader {
	const char *t;
	size_t len;
	struct ir_heading *h; /* candidate headings, in text order */
	size_t nh, caph;
	struct open { size_t line, lead, n; } *o; /* paragraph starts: the line, its text */
	size_t no, capo;
};

static void
add_head(struct reader *r, const struct ir_heading *h)
{
	if (r->nh == r->caph) {
		r->caph = r->caph ? r->caph * 2 : 16;
		r->h = ir_xrealloc(r->h, r->caph * sizeof *r->h);
	}
	r->h[r->nh++] = *h;
}

static void
add_opener(struct reader *r, size_t line, size_t lead, size_t n)
{
	if (r->no == r->capo) {
		r->capo = r->capo ? r->capo * 2 : 16;
		r->o = ir_xrealloc(r->o, r->capo * sizeof *r->o);
	}
	r->o[r->no].line = line;
	r->o[r->no].lead = lead;
	r->o[r->no++].n = n;
}

/* What the paragraph at o opens (read only while no heading has claimed the text). */
static int
paragraph(const struct reader *r, const struct open *o)
{
	const char *s = r->t + o->line + o->lead;
	int part = opener(s, o->n);

	return part >= 0 ? part : goes_on(s, o->n) ? GOES_ON : PROSE;
}

/*
 * A line 以上 closes the notice proper: what follows (a signature, a
 * date, an unrelated note) is "other", unless a heading names it.
 */
static void
add_end(struct reader *r, size_t next)
{
	struct ir_heading h = {next, 0, 0, IR_HEAD_END, 0, 0, IR_PART_OTHER, 0};

	if (next < r->len)
		add_head(r, &h);
}

static void
read_lines(struct reader *r, size_t from)
{
	size_t i = from;
	int para = 1; /* does a paragraph start here? */

	while (i < r->len) {
		const char *nl = memchr(r->t + i, '\n', r->len - i);
		size_t end = nl ? (size_t)(nl - r->t) : r->len, next = nl ? end + 1 : end;
		size_t lead = ir_utf8_span_space(r->t + i, end - i), n;
		const char *s = r->t + i + lead;
		struct ir_heading h;

		n = end - i - lead - ir_utf8_rspan_space(s, end - i - lead);
		if (n == 0) {
			para = 1;
		} else if (n == 6 && memcmp(s, "以上", 6) == 0) {
			add_end(r, next);
			para = 1;
		} else {
			if (ir_heading_read(s, n, &h)) {
				h.line = i;
				h.head_off += i + lead;
				h.indent = lead;
				add_head(r, &h);
			} else if (para) {
				add_opener(r, i, lead, n);
			}
			/* Lines that end a sentence are paragraphs of their own. */
			para = n >= 3 && memcmp(s + n - 3, "。", 3) == 0;
		}
		i = next;
	}
}

/*
 * The style of the headings that cut the notice into its parts: of the
 * marked and numbered headings that name a part, the style most of them
 * share, at the least indent it comes with; the first on a tie.
 */
static unsigned
top_style(const struct reader *r, size_t *indent)
{
	unsigned best = IR_MARK_NONE;
	size_t i, j, most = 0;

	/* Styles are few: count each by a scan over the candidates, stopping early. */
	for (i = 0; i < r->nh && i < 64; i++) {
		size_t k = 0, least = r->h[i].indent;

		if (r->h[i].part < 0 || r->h[i].style == IR_HEAD_ALONE || r->h[i].style == IR_HEAD_LABEL ||
		    r->h[i].style == IR_HEAD_END)
			continue;
		for (j = 0; j < r->nh; j++)
			if (r->h[j].style == r->h[i].style && r->h[j].part >= 0) {
				k++;
				if (r->h[j].indent < least)
					least = r->h[j].indent;
			}
		if (k > most) {
			most = k;
			best = r->h[i].style;
			*indent = least;
		}
	}
	return best;
}

/* Is t[0..n) only blanks and line ends? */
static int
blank(const char *t, size_t n)
{
	return ir_utf8_span_space(t, n) == n;
}

static void
add_section(struct ir_notice *nt, const char *text, int part, size_t off, size_t head_off,
	    size_t head_len)
{
	struct ir_section *s;

	if (nt->n > 0) {
		s = &nt->s[nt->n - 1];
		if (off < s->off || (off == s->off && s->head_len > 0))
			return;
		if (nt->n == 1 && s->head_len == 0 && blank(text + s->off, off - s->off)) {
			/* A heading where the body starts, blank lines before it, takes over its first section. */
			off = s->off;
			nt->n--;
		} else {
			s->len = off - s->off;
		}
	}
	if (nt->n == nt->cap) {
		nt->cap = nt->cap ? nt->cap * 2 : 8;
		nt->s = ir_xrealloc(nt->s, nt->cap * sizeof *nt->s);
	}
	s = &nt->s[nt->n++];
	s->part = (enum ir_part)part;
	s->off = off;
	s->len = 0;
	s->head_off = head_off;
	s->head_len = head_len;
}

/*
 * Is h a heading that opens a part?  One of the top style, in its order
 * when numbered (the first may be any number: what comes before it may not
 * read as a heading), opens one even when its words name none ("5.業績への
 *影響" is "other"); any other opens one only when its words name it.
 */
static int
opens(const struct ir_heading *h, unsigned top, size_t indent, int *last_num)
{
	int numbered = h->num > 0;

	if (h->style == IR_HEAD_END)
		return 1;
	if (h->style == top && h->indent <= indent &&
	    (!numbered || *last_num == 0 || (h->num > *last_num && h->num <= *last_num + 2)) &&
	    (h->part >= 0 || h->plain)) {
		if (numbered)
			*last_num = h->num;
		return 1;
	}
	return h->part >= 0 && h->style != top;
}

static void
cut(struct ir_notice *nt, const struct reader *r)
{
	size_t indent = 0, i = 0, j = 0;
	unsigned top = top_style(r, &indent);
	int last_num = 0, part = IR_PART_OVERVIEW, headed = 0;

	add_section(nt, r->t, IR_PART_OVERVIEW, nt->body_off, 0, 0);
	while (i < r->nh || j < r->no) {
		if (j >= r->no || (i < r->nh && r->h[i].line < r->o[j].line)) {
			const struct ir_heading *h = &r->h[i++];

			if (!opens(h, top, indent, &last_num))
				continue;
			/* The first heading that names nothing opens what happened. */
			part = h->part >= 0 ? h->part : headed ? IR_PART_OTHER : IR_PART_OVERVIEW;
			add_section(nt, r->t, part, h->line, h->head_off, h->head_len);
			headed = 1;
		} else {
			const struct open *o = &r->o[j++];

			/* Paragraph openers cut only text no heading has claimed. */
			int opens = headed ? GOES_ON : paragraph(r, o);
			int next = opens == PROSE ? IR_PART_OVERVIEW : opens;

			if (opens != GOES_ON && next != part) {
				part = next;
				add_section(nt, r->t, part, o->line, 0, 0);
			}
		}
	}
	nt->s[nt->n - 1].len = r->len - nt->s[nt->n - 1].off;
}

static void
title(struct ir_notice *nt, const char *text, size_t hlen)
{
	const char *close = memmem(text, hlen, "】", 3);
	size_t from = close ? (size_t)(close - text) + 3 : 0, lead, trail;

	lead = ir_utf8_span_space(text + from, hlen - from);
	trail = ir_utf8_rspan_space(text + from + lead, hlen - from - lead);
	nt->title_off = from + lead;
	nt->title_len = hlen - from - lead - trail;
}

void
ir_notice_read(struct ir_notice *nt, const char *text, size_t len)
{
	const char *nl = memchr(text, '\n', len);
	size_t hlen = nl ? (size_t)(nl - text) : len;
	struct reader r = {text, len, NULL, 0, 0, NULL, 0, 0};

	nt->n = 0;
	title(nt, text, hlen);
	nt->body_off = nl ? hlen + 1 : len;
	if (nt->body_off >= len)
		return;
	read_lines(&r, nt->body_off);
	cut(nt, &r);
	free(r.h);
	free(r.o);
}

const struct ir_section *
ir_notice_at(const struct ir_notice *nt, size_t off, size_t *hint)
{
	size_t i = ir_span_find(nt->s, nt->n, sizeof *nt->s, offsetof(struct ir_section, off), off, hint);

	return i < nt->n ? &nt->s[i] : NULL;
}

void
ir_notice_free(struct ir_notice *nt)
{
	free(nt->s);
	memset(nt, 0, sizeof *nt);
}

void
ir_notice_prepare(void)
{
	ir_heading_prepare();
}
