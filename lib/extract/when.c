#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/cpset.h"
#include "base/utf8.h"
#include "extract/when.h"
#include "ja/rx.h"

/*
 * A date that only dates what a noun names: 3月13日に発送した「…」,
 * 4月1日に送付した書類; not the time of finding (点検を行った際に).
 */
static struct ir_rx attributive = IR_RX(
	"\\G\\s*(?:\\([^)]{0,8}\\))?\\s*に[^、。\\n]{0,20}?(?:た|ました)"
	"(?!際|時|折|後|結果|上)(?=「|[\\x{4E00}-\\x{9FFF}\\x{30A1}-\\x{30FA}])");
/* A later time: what follows is another event (…が行われたのち、…を確認); 午後 is a time of day. */
static struct ir_rx later = IR_RX("のち|(?<!午)後、|その後|以降");
/* What a date heading a line of a timeline may have beside it: a time, brackets. */
static struct ir_rx line_date_rest = IR_RX("^[\\s()0-9:時分頃ごろ午前後~-]*$");
/* A date that bounds something rather than marks an event. */
static struct ir_rx boundary = IR_RX("^\\s*(?:以前|以降|まで|より前|より後|から|時点|現在|~)");
static struct ir_rx range_end = IR_RX("(?:~|から|-)\\s*$");
static struct ir_rx learned_heading = IR_RX("(?:判明|発覚|検知|覚知|認知|発見)(?:した)?(?:日|日時)");
static struct ir_rx window = IR_RX("期間|の間|までの間|まで|にかけて|から");
/*
 * A service or system that could not be used: seen as it happens, so its
 * date is when the organisation found out, though no verb of finding
 * follows (4月6日より、システムが使用できない状態となっております).
 */
static struct ir_rx unavailable = IR_RX(
	"(?:使用|利用|接続|起動|閲覧|ログイン|アクセス)(?:が|することが)?(?:でき(?:ない|なく|ず)|不能|不可)|"
	"つながりにく|繋がりにく|つながらな");

static void
add_date(struct ir_dates *ds, size_t off, size_t len, struct ir_date d)
{
	if (ds->n == ds->cap) {
		ds->cap = ds->cap ? ds->cap * 2 : 32;
		ds->v = ir_xrealloc(ds->v, ds->cap * sizeof *ds->v);
	}
	ds->v[ds->n].off = off;
	ds->v[ds->n].len = len;
	ds->v[ds->n].d = d;
	ds->n++;
}

/* Reads "N日" (blanks allowed) at s; returns its length and sets *day, or 0. */
static size_t
day_at(const char *s, size_t n, int *day)
{
	size_t i = 0;
	int v = 0;

	while (i < n && s[i] == ' ')
		i++;
	if (i >= n || s[i] < '0' || s[i] > '9')
		return 0;
	while (i < n && s[i] >= '0' && s[i] <= '9' && v < 100)
		v = v * 10 + (s[i++] - '0');
	while (i < n && s[i] == ' ')
		i++;
	if (n - i < 3 || memcmp(s + i, "日", 3) != 0 || v < 1 || v > 31)
		return 0;
	*day = v;
	return i + 3;
}

/*
 * The day after d, when it is certain: a date without year whose next day
 * would need the year (28 February, 31 December) has none.
 */
static int
day_after(struct ir_date d, struct ir_date *next)
{
	int y = d.y != 0 ? d.y : 2001; /* a common year: 29 February needs a written one */

	if (d.y == 0 && ((d.m == 2 && d.d == 28) || (d.m == 12 && d.d == 31)))
		return 0;
	if (d.d < ir_month_days(y, d.m))
		*next = (struct ir_date){d.y, d.m, d.d + 1, NULL};
	else if (d.m < 12)
		*next = (struct ir_date){d.y, d.m + 1, 1, NULL};
	else
		*next = (struct ir_date){d.y + 1, 1, 1, NULL};
	return 1;
}

/*
 * A date written against another at text[at): 同年8月1日, 同月18日, 同日 (of
 * the date before), 翌日 and 翌朝 (the day after it), 本年 and 今年 (of
 * this_year), 昨年 (the year before it).  Returns its length and sets *d,
 * or 0.
 */
static size_t
relative_date(const char *text, size_t len, size_t at, const struct ir_dates *ds, int this_year,
	      struct ir_date *d)
{
	static const char *const years[] = {"同年", "本年", "今年", "昨年"};
	const struct ir_date *last = ds->n ? &ds->v[ds->n - 1].d : NULL;
	size_t k, n;
	int day;

	for (k = 0; k < 4; k++)
		if (len - at >= 6 && memcmp(text + at, years[k], 6) == 0 &&
		    (n = ir_date_parse(text + at + 6, len - at - 6, d)) > 0 && d->y == 0) {
			d->y = k == 0 ? (last ? last->y : 0) : this_year ? this_year - (k == 3) : 0;
			return 6 + n;
		}
	if (last == NULL || last->m == 0)
		return 0;
	if (len - at >= 6 && memcmp(text + at, "同月", 6) == 0 &&
	    (n = day_at(text + at + 6, len - at - 6, &day)) > 0) {
		*d = (struct ir_date){last->y, last->m, day, NULL};
		return ir_date_valid(*d) ? 6 + n : 0;
	}
	if (len - at >= 6 && memcmp(text + at, "同日", 6) == 0 && last->d != 0) {
		*d = *last;
		return 6;
	}
	if (len - at >= 6 && (memcmp(text + at, "翌日", 6) == 0 || memcmp(text + at, "翌朝", 6) == 0) &&
	    last->d != 0 && day_after(*last, d))
		return 6;
	return 0;
}

/*
 * The next place at or after from where a relative date may start, or
 * len: 同 before 年, 月 or 日, 翌 before 日 or 朝, or 年 after 本, 今 or 昨.  Found by the
 * characters' last bytes, as 。 is (base/utf8.h).
 */
static size_t
next_relative(const char *text, size_t len, size_t from)
{
	const char *p;
	size_t best = len, i;

	for (i = from; (p = ir_utf8_find(text + i, best - i, "同")) != NULL; i = (size_t)(p - text) + 3)
		if (best - (size_t)(p - text) >= 6 && (memcmp(p + 3, "年", 3) == 0 ||
						      memcmp(p + 3, "月", 3) == 0 || memcmp(p + 3, "日", 3) == 0)) {
			best = (size_t)(p - text);
			break;
		}
	for (i = from + (from + 3 <= best ? 3 : 0); i < best && (p = ir_utf8_find(text + i, best - i, "年")) != NULL;
	     i = (size_t)(p - text) + 3)
		if ((size_t)(p - text) >= from + 3 && (memcmp(p - 3, "本", 3) == 0 ||
						      memcmp(p - 3, "今", 3) == 0 || memcmp(p - 3, "昨", 3) == 0)) {
			best = (size_t)(p - text) - 3;
			break;
		}
	for (i = from; i < best && (p = ir_utf8_find(text + i, best - i, "翌")) != NULL; i = (size_t)(p - text) + 3)
		if (len - (size_t)(p - text) >= 6 && (memcmp(p + 3, "日", 3) == 0 || memcmp(p + 3, "朝", 3) == 0)) {
			best = (size_t)(p - text);
			break;
		}
	return best;
}

/* next_relative, from the marks of a pass (all of 同 翌 本 今 昨 among them); *k the first not passed yet. */
static size_t
next_relative_marked(const char *text, size_t len, size_t from, const struct ir_cpmarks *marks, size_t *k)
{
	for (; *k < marks->n; ++*k) {
		const char *p = text + marks->at[*k];

		if (marks->at[*k] < from || marks->at[*k] + 6 > len)
			continue;
		if (memcmp(p, "同", 3) == 0 ? memcmp(p + 3, "年", 3) == 0 || memcmp(p + 3, "月", 3) == 0 ||
						 memcmp(p + 3, "日", 3) == 0 :
		    memcmp(p, "翌", 3) == 0 ? memcmp(p + 3, "日", 3) == 0 || memcmp(p + 3, "朝", 3) == 0 :
		    (memcmp(p, "本", 3) == 0 || memcmp(p, "今", 3) == 0 || memcmp(p, "昨", 3) == 0) &&
			    memcmp(p + 3, "年", 3) == 0)
			return marks->at[*k];
	}
	return len;
}

int
ir_dates_may_begin(uint32_t cp)
{
	return ir_date_may_begin(cp) || cp == 0x540C || cp == 0x7FCC || cp == 0x672C || cp == 0x4ECA ||
	       cp == 0x6628; /* 同翌本今昨 */
}

void
ir_dates_scan(struct ir_dates *ds, const char *text, size_t len, size_t from, int this_year,
	      const struct ir_cpmarks *marks)
{
	size_t at = (size_t)-1, dlen = 0, rel = (size_t)-1, rlen, k = 0, kr = 0;
	struct ir_date d, rd;

	ds->n = 0;
	while (from < len) {
		/* The next written date and the next relative mark, each found once. */
		if (at == (size_t)-1 || at < from) {
			if (marks != NULL) {
				at = ir_date_find_marked(text, len, from, marks, &k, &d, &dlen);
			} else {
				at = ir_date_find(text + from, len - from, &d, &dlen);
				at = at == (size_t)-1 ? len : from + at;
			}
			at = at == (size_t)-1 ? len : at;
		}
		if (rel == (size_t)-1 || rel < from)
			rel = marks != NULL ? next_relative_marked(text, len, from, marks, &kr) :
					      next_relative(text, len, from);
		if (rel < at) {
			rlen = relative_date(text, len, rel, ds, this_year, &rd);
			if (rlen > 0)
				add_date(ds, rel, rlen, rd);
			from = rel + (rlen > 0 ? rlen : 3);
			continue;
		}
		if (at >= len)
			break;
		add_date(ds, at, dlen, d);
		from = at + dlen;
	}
}

void
ir_dates_free(struct ir_dates *ds)
{
	free(ds->v);
	memset(ds, 0, sizeof *ds);
}

static int
before(struct ir_date a, struct ir_date b)
{
	return ir_date_days(a) < ir_date_days(b);
}

/*
 * Gives d a year: the one of the last dated date, else the published one,
 * or the year before when a past event is meant (past) and the date would
 * fall after publication.
 */
static int
complete(struct ir_date *d, int last_year, struct ir_date published, int past)
{
	if (d->y != 0)
		return 1;
	if (last_year != 0) {
		d->y = last_year;
		return ir_date_valid(*d);
	}
	if (published.y == 0)
		return 0;
	d->y = published.y;
	if (past && before(published, *d))
		d->y--;
	return ir_date_valid(*d);
}

/* How far back a date without year may be put to stay before publication. */
enum { PAST_WITHOUT_YEAR_DAYS = 183 };

/*
 * A date written without year that the published year puts after
 * publication was found in the year before, when that is a few months
 * back: "12月8日" in a notice of January.  Later than that it is a plan
 * (8月21日に開催を予定), and is left after publication.
 */
static void
last_winter(struct ir_date *d, struct ir_date written, struct ir_date published)
{
	struct ir_date back = *d;

	if (written.y != 0 || published.y == 0 || !before(published, *d))
		return;
	back.y--;
	if (ir_date_valid(back) && ir_date_days(published) - ir_date_days(back) <= PAST_WITHOUT_YEAR_DAYS)
		*d = back;
}

/*
 * Does a heading name what the date at off is (判明日時)?  The heading of
 * its section, or the short line before its own (its sentence's).
 */
static int
under_heading(const struct ir_read *r, size_t off, struct ir_place *p)
{
	const struct ir_section *s = ir_notice_at(r->nt, off, &p->section);
	const struct ir_clause *c = ir_clause_at(r->cl, off, &p->clause);
	const struct ir_span *prev;

	if (s != NULL && s->head_len > 0 && s->head_len <= 40 * 3 &&
	    ir_rx_test(&learned_heading, r->t + s->head_off, s->head_len))
		return 1;
	if (c == NULL || c->sentence == 0)
		return 0;
	prev = &r->cl->sent[c->sentence - 1];
	return prev->len <= 40 * 3 && ir_rx_test(&learned_heading, r->t + prev->off, prev->len);
}

/* Does the date at off open its line, after blanks and an item's mark? */
static int
opens_line(const struct ir_read *r, size_t off)
{
	size_t i = off, k = 0;

	while (i > 0 && r->t[i - 1] != '\n' && k++ < 12)
		i--;
	if (i > 0 && r->t[i - 1] != '\n')
		return 0;
	/* (1), ①, ・ and blanks may stand before it. */
	while (i < off && (strchr(" \t()0-9", r->t[i]) != NULL))
		i++;
	return off - i <= 3;
}

/* Does the date t[at..end) stand alone on its line? */
static int
alone_on_line(const struct ir_read *r, size_t at, size_t end)
{
	while (end < r->len && (r->t[end] == ' ' || r->t[end] == '\t'))
		end++;
	return (end == r->len || r->t[end] == '\n') && opens_line(r, at);
}

/* The start of the next line in t[from..to) that opens an item: (2), 2., ・, ①. */
static size_t
next_item(const struct ir_read *r, size_t from, size_t to)
{
	const char *nl;

	while ((nl = memchr(r->t + from, '\n', to - from)) != NULL) {
		size_t i = (size_t)(nl - r->t) + 1, b = i;
		uint32_t cp;

		while (i < to && (r->t[i] == ' ' || r->t[i] == '\t'))
			i++;
		if (i < to && (r->t[i] == '(' || (r->t[i] >= '0' && r->t[i] <= '9' && i + 1 < to &&
						       r->t[i + 1] == '.') ||
			       (ir_utf8_next((const unsigned char *)r->t + i, to - i, &cp) == 3 &&
				(cp == 0x30FB || (cp >= 0x2460 && cp <= 0x2473)))))
			return b;
		from = i;
		if (from >= to)
			break;
	}
	return to;
}

/*
 * Where the verb of the date ds[i] is looked for: to the sentence's end,
 * its next date or a word of a later time.  A date that heads a line of a
 * timeline alone ("(2)7月19日(水) 13時頃") governs the lines under it, up
 * to the next date heading a line; one that opens a line of the timeline
 * part, the sentences of its line (the day's entry: "5月2日 …が発生。
 * 担当者が…を確認。").
 */
static size_t
scope(const struct ir_read *r, const struct ir_dates *ds, size_t i, int part, struct ir_place *p)
{
	size_t at = ds->v[i].off, end = at + ds->v[i].len, e, k;
	struct ir_span s = ir_sentence_at(r, at, p);
	struct ir_rx_match m;

	e = s.off + s.len;
	if (opens_line(r, at) && ir_rx_test(&line_date_rest, r->t + end, e - end)) {
		const struct ir_section *sec = ir_notice_at(r->nt, at, &p->section);

		e = sec != NULL ? sec->off + sec->len : r->len;
		for (k = i + 1; k < ds->n && ds->v[k].off < e; k++)
			if (opens_line(r, ds->v[k].off)) {
				e = ds->v[k].off;
				break;
			}
		return next_item(r, end, e);
	}
	if (part == IR_PART_TIMELINE && opens_line(r, at)) {
		const char *nl = memchr(r->t + e, '\n', r->len - e);

		e = nl != NULL ? (size_t)(nl - r->t) : r->len;
	}
	if (i + 1 < ds->n && ds->v[i + 1].off < e)
		e = ds->v[i + 1].off;
	if (ir_rx_find(&later, r->t, e, end, &m))
		e = m.start;
	/* "3月13日に発送した「お知らせ」の…が判明": the date is the sending's. */
	if (ir_rx_find(&attributive, r->t, e, end, &m))
		return end;
	return e;
}

/* Where notices say when they found out: what happened, and how it unfolded. */
static int
tells_discovery(int part)
{
	return part == IR_PART_TITLE || part == IR_PART_OVERVIEW || part == IR_PART_TIMELINE;
}

/*
 * The earliest date the notice says it found out (a verb of finding in
 * the date's scope, or a heading naming the date), else the earliest
 * that an outage began (unavailable), which nobody has to find out.
 */
int
ir_discovered(const struct ir_read *r, const struct ir_dates *ds, struct ir_date published,
	      struct ir_date *out)
{
	struct ir_place p = IR_PLACE_INIT;
	struct ir_date outage = {0, 0, 0, NULL};
	int found = 0, last_year = 0, part, stated;
	size_t i;

	for (i = 0; i < ds->n; i++) {
		size_t at = ds->v[i].off, end = at + ds->v[i].len, e;
		struct ir_date d = ds->v[i].d;

		if (d.d == 0)
			continue;
		if (d.y != 0)
			last_year = d.y;
		/* Only an earlier date than the one found can change the answer: the tests are for it. */
		if (!complete(&d, last_year, published, 0))
			continue;
		last_winter(&d, ds->v[i].d, published);
		if (found && !before(d, *out))
			continue;
		stated = ir_stated(r, at, &p, &part);
		if (!tells_discovery(part))
			continue;
		/* "…が使用できない状態となっております" reads as a denial, and states an outage. */
		if (!stated && (found || p.advice || ir_mood_at(r->cl, at, &p.clause) != IR_MOOD_DENIED))
			continue;
		if (ir_rx_test(&boundary, r->t + end, r->len - end) ||
		    ir_rx_test(&range_end, r->t + (at > 12 ? at - 12 : 0), at > 12 ? 12 : at))
			continue;
		if (published.y != 0 && before(published, d))
			continue;
		/* The notice's own date line, over its sender's name, dates no finding. */
		if (part != IR_PART_TIMELINE && published.y != 0 && !before(d, published) &&
		    alone_on_line(r, at, end))
			continue;
		e = scope(r, ds, i, part, &p);
		if (!stated || (!ir_learned_in(r->t + end, e - end) && !under_heading(r, at, &p))) {
			if (!found && (outage.y == 0 || before(d, outage)) &&
			    ir_rx_test(&unavailable, r->t + end, e - end))
				outage = d;
			continue;
		}
		if (!found || before(d, *out))
			*out = d;
		found = 1;
	}
	if (!found && outage.y != 0) {
		*out = outage;
		found = 1;
	}
	return found;
}

int
ir_period(const struct ir_read *r, const struct ir_dates *ds, struct ir_date published,
	  struct ir_date *f, struct ir_date *t)
{
	struct ir_place p = IR_PLACE_INIT;
	int last_year = 0;
	size_t i;

	for (i = 0; i < ds->n; i++) {
		size_t at = ds->v[i].off, end = at + ds->v[i].len, e;
		struct ir_span s;

		if (ds->v[i].d.y != 0)
			last_year = ds->v[i].d.y;
		if (ir_date_range_parse(r->t + at, r->len - at, f, t) == 0)
			continue;
		s = ir_sentence_at(r, at, &p);
		e = s.off + s.len;
		/* What the range bounds is said before the date after it. */
		if (i + 2 < ds->n && ds->v[i + 2].off < e)
			e = ds->v[i + 2].off;
		if (!ir_rx_test(&window, r->t + end, e > end ? e - end : 0))
			continue;
		if (f->y == 0) {
			int span = t->y == 0;

			if (!complete(f, last_year, published, 1))
				continue;
			if (span)
				t->y = f->y + (t->m < f->m);
		}
		return 1;
	}
	return 0;
}

static struct ir_rx *const patterns[] = {
	&later, &attributive, &line_date_rest, &boundary, &range_end, &learned_heading, &window, &unavailable,
};

void
ir_when_prepare(void)
{
	ir_rx_compile(patterns, sizeof patterns / sizeof *patterns);
}
