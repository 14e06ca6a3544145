#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/datatypes.h"
#include "extract/extract.h"
#include "extract/facts.h"
#include "extract/org.h"
#include "ja/rx.h"
#include "json/write.h"

const char *const ir_extract_fields[IR_EXTRACT_FIELDS] = {
	"org", "org_type", "published", "published_raw", "report_no", "affected",
	"affected_approx", "counts", "data_types", "reported_to", "discovered",
	"disclosure_days", "period", "contractor", "warnings",
};

static struct ir_rx date_tail = IR_RX("^\\s*(?:更新|公開|掲載|発表|付け?)?\\s*\\)?\\s*$");
static struct ir_rx report_no = IR_RX("第\\s*([0-9]+|[一二三四五六七八九十]+)\\s*報");

static void
warn(struct ir_facts *f, const char *msg)
{
	ir_buf_add(&f->warnings, msg, strlen(msg) + 1);
	f->nwarnings++;
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
check_year(struct ir_facts *f, const char *id)
{
	int y = atoi(id), fixed = y, d;
	char msg[160];

	if (y < 1900 || f->published.y == 0 || abs(f->published.y - y) <= 1)
		return;
	for (d = -1; d <= 1; d += 2)
		if (digit_distance(f->published.y, y + d) < digit_distance(f->published.y, fixed))
			fixed = y + d;
	snprintf(msg, sizeof msg, "published year %d corrected to %d (post %s)", f->published.y,
		 fixed, id);
	f->published.y = fixed;
	if (!ir_date_valid(f->published)) {
		f->has_published = 0;
		return;
	}
	warn(f, msg);
}

/* The last date of the title, when nothing but 更新 and the like follows. */
static void
published(struct ir_extractor *x, const char *title, size_t tlen, const char *id)
{
	struct ir_facts *f = &x->facts;
	size_t from = 0, at, dlen, last = 0, lastlen = 0;
	struct ir_date d, keep = {0, 0, 0};
	const char *t = x->norm.text.p;

	while (from < tlen && (at = ir_date_find(title + from, tlen - from, &d, &dlen)) != (size_t)-1) {
		last = from + at;
		lastlen = dlen;
		keep = d;
		from = last + dlen;
	}
	if (lastlen == 0 || keep.y == 0 || !ir_rx_test(&date_tail, title + last + lastlen,
							tlen - last - lastlen))
		return;
	f->has_published = 1;
	f->published = keep;
	/* published_raw: the date and what follows it, as written. */
	f->praw_off = ir_norm_origin(&x->norm, (size_t)(title - t) + last);
	f->praw_len = ir_norm_origin_end(&x->norm, (size_t)(title - t) + tlen) - f->praw_off;
	check_year(f, id);
}

static long
kanji_number(const char *s, size_t n)
{
	static const char digits[] = "一二三四五六七八九";
	long v = 0, cur = 0;
	size_t i;

	for (i = 0; i + 3 <= n; i += 3) {
		const char *p = memmem(digits, sizeof digits - 1, s + i, 3);

		if (p != NULL)
			cur = (p - digits) / 3 + 1;
		else if (memcmp(s + i, "十", 3) == 0) {
			v += (cur ? cur : 1) * 10;
			cur = 0;
		}
	}
	return v + cur;
}

static void
header_facts(struct ir_extractor *x, const char *id, size_t *body)
{
	struct ir_facts *f = &x->facts;
	const char *t = x->norm.text.p;
	size_t n = x->norm.text.len;
	const char *nl = memchr(t, '\n', n);
	size_t hlen = nl ? (size_t)(nl - t) : n;
	const char *close = memmem(t, hlen, "】", 3);
	const char *title = close ? close + 3 : t;
	size_t tlen = hlen - (size_t)(title - t), off, len;
	struct ir_rx_match m;
	int in_body;

	*body = nl ? hlen + 1 : n;
	while (tlen > 0 && (title[tlen - 1] == ' ' || title[tlen - 1] == '\r'))
		tlen--;
	if (ir_org_find(title, tlen, t + *body, n - *body, &off, &len, &in_body)) {
		size_t at = (in_body ? *body : (size_t)(title - t)) + off;

		f->has_org = 1;
		f->org_type = ir_org_type(t + at, len);
		f->org_is_ppc = memmem(t + at, len, "個人情報保護委員会",
				       strlen("個人情報保護委員会")) != NULL;
		f->org_off = ir_norm_origin(&x->norm, at);
		f->org_len = ir_norm_origin_end(&x->norm, at + len) - f->org_off;
	} else {
		f->org_type = ir_org_type(NULL, 0);
	}
	published(x, title, tlen, id);
	if (ir_rx_find(&report_no, title, tlen, 0, &m))
		f->report_no = title[m.g1] >= '0' && title[m.g1] <= '9' ? atol(title + m.g1) :
			       kanji_number(title + m.g1, m.g1end - m.g1);
}

void
ir_extract(struct ir_extractor *x, const char *text, size_t len, const char *id)
{
	struct ir_facts *f = &x->facts;
	struct ir_counts counts = f->counts;
	struct ir_buf warnings = f->warnings;
	struct ir_date pub;
	const char *t;
	size_t n, body;

	memset(f, 0, sizeof *f);
	f->counts = counts;
	f->warnings = warnings;
	f->warnings.len = 0;
	f->affected = -1;
	ir_norm(&x->norm, text, len);
	t = x->norm.text.p;
	n = x->norm.text.len;
	header_facts(x, id, &body);
	ir_cues_scan(&x->cues, t, n);
	ir_counts_scan(&f->counts, t, n);
	f->affected = ir_affected(&f->counts, t, n, &x->cues, &f->affected_approx);
	f->data_types = ir_datatypes(t, n, &x->cues);
	f->reported_to = ir_reported_to(t, n, &x->cues, f->org_is_ppc);
	ir_dates_scan(&x->dates, t + body, n - body);
	pub = f->has_published ? f->published : (struct ir_date){0, 0, 0};
	f->has_discovered = ir_discovered(t + body, n - body, &x->dates, pub, &f->discovered);
	f->has_period = ir_period(t + body, n - body, &x->dates, pub, &f->period_from,
				  &f->period_to);
	f->contractor = ir_contractor(&x->cues);
}

static void
date_json(struct ir_jw *w, int has, struct ir_date d)
{
	char iso[11];

	if (!has) {
		ir_jw_null(w);
		return;
	}
	ir_date_iso(d, iso);
	ir_jw_cstr(w, iso);
}

static void
counts_json(const struct ir_extractor *x, const char *text, struct ir_jw *w)
{
	const struct ir_counts *cs = &x->facts.counts;
	size_t i;

	ir_jw_array(w);
	for (i = 0; i < cs->n; i++) {
		const struct ir_count *c = &cs->c[i];
		size_t from = ir_norm_origin(&x->norm, c->off);
		size_t to = ir_norm_origin_end(&x->norm, c->off + c->len);

		ir_jw_object(w);
		ir_jw_key(w, "n");
		ir_jw_double(w, c->n);
		ir_jw_key(w, "unit");
		ir_jw_cstr(w, c->unit);
		ir_jw_key(w, "qualifier");
		ir_jw_cstr(w, ir_qual_name(c->qual));
		ir_jw_key(w, "text");
		ir_jw_str(w, text + from, to - from);
		ir_jw_end(w);
	}
	ir_jw_end(w);
}

void
ir_extract_json(const struct ir_extractor *x, const char *text, struct ir_buf *out)
{
	static const char *const told[] = {"other", "police", "ppc"};
	static const unsigned told_bit[] = {IR_TOLD_OTHER, IR_TOLD_POLICE, IR_TOLD_PPC};
	const struct ir_facts *f = &x->facts;
	struct ir_jw w;
	size_t i, off;

	ir_jw_members(&w, out, 1);
	ir_jw_key(&w, "org");
	if (f->has_org)
		ir_jw_str(&w, text + f->org_off, f->org_len);
	else
		ir_jw_null(&w);
	ir_jw_key(&w, "org_type");
	ir_jw_cstr(&w, f->org_type);
	ir_jw_key(&w, "published");
	date_json(&w, f->has_published, f->published);
	ir_jw_key(&w, "published_raw");
	if (f->has_published)
		ir_jw_str(&w, text + f->praw_off, f->praw_len);
	else
		ir_jw_null(&w);
	ir_jw_key(&w, "report_no");
	if (f->report_no > 0)
		ir_jw_long(&w, f->report_no);
	else
		ir_jw_null(&w);
	ir_jw_key(&w, "affected");
	if (f->affected >= 0)
		ir_jw_double(&w, f->counts.c[f->affected].n);
	else
		ir_jw_null(&w);
	ir_jw_key(&w, "affected_approx");
	ir_jw_bool(&w, f->affected >= 0 && f->affected_approx);
	ir_jw_key(&w, "counts");
	counts_json(x, text, &w);
	ir_jw_key(&w, "data_types");
	ir_jw_array(&w);
	for (i = 0; i < ir_ndatatypes; i++)
		if (f->data_types & 1UL << i)
			ir_jw_cstr(&w, ir_datatype_names[i]);
	ir_jw_end(&w);
	ir_jw_key(&w, "reported_to");
	ir_jw_array(&w);
	for (i = 0; i < 3; i++)
		if (f->reported_to & told_bit[i])
			ir_jw_cstr(&w, told[i]);
	ir_jw_end(&w);
	ir_jw_key(&w, "discovered");
	date_json(&w, f->has_discovered, f->discovered);
	ir_jw_key(&w, "disclosure_days");
	if (f->has_discovered && f->has_published)
		ir_jw_long(&w, ir_date_days(f->published) - ir_date_days(f->discovered));
	else
		ir_jw_null(&w);
	ir_jw_key(&w, "period");
	if (f->has_period) {
		ir_jw_object(&w);
		ir_jw_key(&w, "from");
		date_json(&w, 1, f->period_from);
		ir_jw_key(&w, "to");
		date_json(&w, 1, f->period_to);
		ir_jw_end(&w);
	} else {
		ir_jw_null(&w);
	}
	ir_jw_key(&w, "contractor");
	ir_jw_bool(&w, f->contractor);
	ir_jw_key(&w, "warnings");
	ir_jw_array(&w);
	for (i = 0, off = 0; i < f->nwarnings; i++) {
		ir_jw_cstr(&w, f->warnings.p + off);
		off += strlen(f->warnings.p + off) + 1;
	}
	ir_jw_end(&w);
}

void
ir_extractor_free(struct ir_extractor *x)
{
	ir_norm_free(&x->norm);
	ir_dates_free(&x->dates);
	ir_cues_free(&x->cues);
	ir_counts_free(&x->facts.counts);
	ir_buf_free(&x->facts.warnings);
}

void
ir_extract_prepare(void)
{
	static struct ir_rx *const patterns[] = {&date_tail, &report_no};

	ir_norm_prepare();
	ir_date_prepare();
	ir_count_prepare();
	ir_cues_prepare();
	ir_org_prepare();
	ir_affected_prepare();
	ir_datatypes_prepare();
	ir_facts_prepare();
	ir_rx_compile(patterns, sizeof patterns / sizeof *patterns);
}
