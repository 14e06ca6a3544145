#include <stdlib.h>
#include <string.h>

#include "base/buf.h"

#include "base/utf8.h"
#include "extract/cues.h"
#include "extract/facts.h"
#include "ja/rx.h"

static struct ir_rx told = IR_RX("報告|届出|届け出|届けて|連絡|相談|通報|被害申告|被害届|申告");
static struct ir_rx learned = IR_RX(
	"判明|検知|発覚|確認し|確認され|確認いたし|確認でき|連絡を受け|連絡があ|連絡が入|通報を受け|"
	"通報があ|指摘を受け|指摘があ|気づ|気付|把握|発見|認識し|認知");
/* A date that bounds something rather than marks an event. */
static struct ir_rx boundary = IR_RX("^\\s*(?:以前|以降|まで|より前|より後|から|時点|現在|~)");
static struct ir_rx range_end = IR_RX("(?:~|から|-)\\s*$");
static struct ir_rx learned_heading = IR_RX("(?:判明|発覚|検知|覚知|認知|発見)(?:した)?(?:日|日時)");
static struct ir_rx window = IR_RX("期間|の間|までの間|まで|にかけて|から");

/* Bounds of the sentence around off: from after the last 。 or blank line. */
static void
sentence(const char *text, size_t len, size_t off, size_t *start, size_t *end)
{
	const char *p;
	size_t i;

	for (i = off; i > 0; i--) {
		if (i >= 3 && memcmp(text + i - 3, "。", 3) == 0)
			break;
		if (text[i - 1] == '\n' && i >= 2 && text[i - 2] == '\n')
			break;
	}
	*start = i;
	p = ir_utf8_find(text + off, len - off, "。");
	*end = p ? (size_t)(p - text) : len;
	p = memmem(text + off, *end - off, "\n\n", 2);
	if (p)
		*end = (size_t)(p - text);
}

unsigned
ir_reported_to(const char *text, size_t len, const struct ir_cues *cues, int self_ppc)
{
	unsigned r = 0;
	size_t i;

	for (i = 0; i < cues->n; i++) {
		const struct ir_cue *c = &cues->v[i];
		size_t s, e;

		if (c->kind != IR_CUE_AUTHORITY || (r & c->value) ||
		    (c->value == IR_TOLD_PPC && self_ppc))
			continue;
		sentence(text, len, c->off, &s, &e);
		if (ir_rx_test(&told, text + s, e - s))
			r |= c->value;
	}
	return r;
}

void
ir_dates_scan(struct ir_dates *ds, const char *text, size_t len)
{
	size_t from = 0, at, dlen;
	struct ir_date d;

	ds->n = 0;
	while (from < len && (at = ir_date_find(text + from, len - from, &d, &dlen)) != (size_t)-1) {
		if (ds->n == ds->cap) {
			ds->cap = ds->cap ? ds->cap * 2 : 32;
			ds->v = ir_xrealloc(ds->v, ds->cap * sizeof *ds->v);
		}
		ds->v[ds->n].off = from + at;
		ds->v[ds->n].len = dlen;
		ds->v[ds->n].d = d;
		ds->n++;
		from += at + dlen;
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

/* Does the line before the one holding off name what its date is (判明日時)? */
static int
under_heading(const char *text, size_t off)
{
	size_t end = off, start;

	while (end > 0 && text[end - 1] != '\n')
		end--;
	while (end > 0 && (text[end - 1] == '\n' || text[end - 1] == ' '))
		end--;
	for (start = end; start > 0 && text[start - 1] != '\n'; start--)
		;
	return end - start <= 40 && ir_rx_test(&learned_heading, text + start, end - start);
}

int
ir_discovered(const char *text, size_t len, const struct ir_dates *ds, struct ir_date published,
	      struct ir_date *out)
{
	int found = 0, last_year = 0;
	size_t i;

	for (i = 0; i < ds->n; i++) {
		size_t at = ds->v[i].off, end = at + ds->v[i].len, s, e;
		struct ir_date d = ds->v[i].d;

		if (d.d == 0)
			continue;
		if (d.y != 0)
			last_year = d.y;
		if (!complete(&d, last_year, published, 0))
			continue;
		if (ir_rx_test(&boundary, text + end, len - end) ||
		    ir_rx_test(&range_end, text + (at > 12 ? at - 12 : 0), at > 12 ? 12 : at))
			continue;
		sentence(text, len, at, &s, &e);
		/* The verb must come before the sentence's next date, if any. */
		if (i + 1 < ds->n && ds->v[i + 1].off < e)
			e = ds->v[i + 1].off;
		if (!ir_rx_test(&learned, text + end, e - end) && !under_heading(text, at))
			continue;
		if (published.y != 0 && before(published, d))
			continue;
		if (!found || before(d, *out))
			*out = d;
		found = 1;
	}
	return found;
}

int
ir_period(const char *text, size_t len, const struct ir_dates *ds, struct ir_date published,
	  struct ir_date *f, struct ir_date *t)
{
	int last_year = 0;
	size_t i;

	for (i = 0; i < ds->n; i++) {
		size_t at = ds->v[i].off, end = at + ds->v[i].len, s, e;

		if (ds->v[i].d.y != 0)
			last_year = ds->v[i].d.y;
		if (ir_date_range_parse(text + at, len - at, f, t) == 0)
			continue;
		sentence(text, len, at, &s, &e);
		if (!ir_rx_test(&window, text + end, e > end ? e - end : 0))
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

int
ir_contractor(const struct ir_cues *cues)
{
	size_t i;

	for (i = 0; i < cues->n; i++)
		if (cues->v[i].kind == IR_CUE_CONTRACTOR)
			return 1;
	return 0;
}

static struct ir_rx *const patterns[] = {
	&told, &learned, &boundary, &range_end, &learned_heading, &window,
};

void
ir_facts_prepare(void)
{
	ir_rx_compile(patterns, sizeof patterns / sizeof *patterns);
}
