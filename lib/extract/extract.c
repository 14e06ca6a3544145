#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/datatypes.h"
#include "extract/extract.h"
#include "extract/when.h"
#include "extract/org.h"
#include "ja/count.h"
#include "ja/date.h"
#include "ja/numeral.h"
#include "ja/rx.h"
#include "json/write.h"

const char *const ir_extract_fields[IR_EXTRACT_FIELDS] = {
	"org", "org_type", "subject_org", "published", "published_raw", "published_from",
	"report_no", "affected", "affected_approx", "counts", "data_types", "reported_to",
	"discovered", "disclosure_days", "period", "contractor", "sections", "warnings",
};

static struct ir_rx report_no = IR_RX("第\\s*([0-9]+|[一二三四五六七八九十]+)\\s*報");

/* Where a number or a date may begin: their readers share one pass for these places. */
static int
begins_number_or_date(uint32_t cp)
{
	return ir_count_may_begin(cp) || ir_dates_may_begin(cp);
}

static struct ir_cpset number_or_date = IR_CPSET_WHERE(begins_number_or_date);

static void
warn(struct ir_facts *f, const char *msg)
{
	ir_buf_add(&f->warnings, msg, strlen(msg) + 1);
	f->nwarnings++;
}

/*
 * A date written in an era that does not hold it (平成31年5月7日, the era
 * having ended on April 30) is read as the day its year counts to, and
 * said so.
 */
static void
era_warning(struct ir_facts *f, const char *what, struct ir_date d)
{
	const struct ir_era *e = d.outside_era;
	char msg[200], year[16], iso[11], bound[11];
	int before;

	if (e == NULL)
		return;
	if (d.y == e->y)
		snprintf(year, sizeof year, "元");
	else
		snprintf(year, sizeof year, "%d", d.y - e->y + 1);
	before = ir_era_holds(e, d.y, d.m, d.d) < 0;
	ir_date_iso(d, iso);
	ir_date_iso(before ? (struct ir_date){e->y, e->m, e->d, NULL} :
			     (struct ir_date){e->ly, e->lm, e->ld, NULL}, bound);
	snprintf(msg, sizeof msg, "%s date %s%s年%d月%d日 is %s %s (%s): read as %s", what, e->name,
		 year, d.m, d.d, before ? "before the first day of" : "after the last day of", e->name,
		 bound, iso);
	warn(f, msg);
}

/* The N of 第N報, in ASCII digits or kanji (第十二報); 0 when it is no number. */
static long
report_number(const char *s, size_t n)
{
	struct ir_decimal v;

	if (ir_numeral_parse(s, n, 0, &v) != n || v.too_big || v.e != 0 || v.m > (uint64_t)LONG_MAX)
		return 0;
	return (long)v.m;
}

/* Counts too large to write exactly are written as null, and said so. */
static void
too_big_counts(struct ir_facts *f, const char *t)
{
	char msg[200];
	size_t i, k;

	for (i = 0; i < f->counts.n; i++) {
		const struct ir_count *c = &f->counts.c[i];

		if (!c->v.too_big)
			continue;
		/* A long run of digits is cut, at a character's start. */
		for (k = c->len < 100 ? c->len : 100; k < c->len && (t[c->off + k] & 0xC0) == 0x80; k--)
			;
		snprintf(msg, sizeof msg, "count %.*s%s is too large to keep exactly: %s null", (int)k,
			 t + c->off, k < c->len ? "…" : "",
			 (long)i == f->affected ? "it and affected are" : "it is");
		warn(f, msg);
	}
}

/* Who published the notice, and whom a regulator's notice is about. */
static void
org_facts(struct ir_extractor *x)
{
	struct ir_facts *f = &x->facts;
	const struct ir_notice *nt = &x->notice;
	const char *t = x->norm.text.p;
	size_t n = x->norm.text.len, off, len, after = nt->title_off;
	int in_body;

	if (ir_org_find(t + nt->title_off, nt->title_len, t + nt->body_off, n - nt->body_off, &off,
			&len, &in_body)) {
		f->has_org = 1;
		f->org_off = (in_body ? nt->body_off : nt->title_off) + off;
		f->org_len = len;
		f->org_type = ir_org_type(t + f->org_off, len);
		f->org_is_ppc = memmem(t + f->org_off, len, "個人情報保護委員会",
				       strlen("個人情報保護委員会")) != NULL;
		if (!in_body)
			after = f->org_off + len;
	} else {
		f->org_type = ir_org_type(NULL, 0);
	}
	/* Regulators are bodies of government. */
	if (strcmp(f->org_type, "national_gov") == 0 || strcmp(f->org_type, "local_gov") == 0) {
		size_t tend = nt->title_off + nt->title_len;

		if (ir_org_subject(t + after, tend - after, t + nt->body_off, n - nt->body_off, &off,
				   &len, &in_body)) {
			f->has_subject = 1;
			f->subject_off = (in_body ? nt->body_off : after) + off;
			f->subject_len = len;
		}
	}
}

static void
header_facts(struct ir_extractor *x)
{
	struct ir_facts *f = &x->facts;
	const char *title = x->norm.text.p + x->notice.title_off;
	size_t tlen = x->notice.title_len;
	struct ir_rx_match m;

	if (ir_rx_find(&report_no, title, tlen, 0, &m))
		f->report_no = report_number(title + m.g1, m.g1end - m.g1);
}

void
ir_extract(struct ir_extractor *x, const char *text, size_t len, const char *id)
{
	struct ir_facts *f = &x->facts;
	struct ir_counts counts = f->counts;
	struct ir_buf warnings = f->warnings;
	struct ir_date pub;
	struct ir_read r;
	struct ir_span names[2];

	memset(f, 0, sizeof *f);
	f->counts = counts;
	f->warnings = warnings;
	f->warnings.len = 0;
	f->affected = -1;
	ir_norm(&x->norm, text, len);
	r.t = x->norm.text.p;
	r.len = x->norm.text.len;
	ir_notice_read(&x->notice, r.t, r.len);
	ir_clauses_read(&x->clauses, r.t, r.len);
	r.nt = &x->notice;
	r.cl = &x->clauses;
	org_facts(x);
	header_facts(x);
	ir_published(&r, f->org_off, f->has_org ? f->org_len : 0, id, f->has_subject, &f->published);
	if (f->published.warning[0] != '\0')
		warn(f, f->published.warning);
	if (f->published.from != IR_PUB_NONE)
		era_warning(f, "published", f->published.date);
	ir_cues_scan(&x->cues, r.t, r.len);
	ir_cpset_marks(&number_or_date, r.t, r.len, &x->marks);
	ir_counts_scan(&f->counts, r.t, r.len, &x->marks);
	f->affected = ir_affected(&f->counts, &r, &x->cues, &f->affected_approx);
	too_big_counts(f, r.t);
	f->data_types = ir_datatypes(&r, &x->cues);
	names[0].off = f->org_off;
	names[0].len = f->has_org ? f->org_len : 0;
	names[1].off = f->subject_off;
	names[1].len = f->has_subject ? f->subject_len : 0;
	f->reported_to = ir_reported_to(&r, &x->cues, f->org_is_ppc, names, 2);
	/* The PPC acting on an organisation: the incident came before it. */
	if (f->org_is_ppc && f->has_subject)
		f->reported_to |= IR_TOLD_PPC;
	pub = f->published.from != IR_PUB_NONE ? f->published.date : (struct ir_date){0, 0, 0, NULL};
	ir_dates_scan(&x->dates, r.t, r.len, x->notice.body_off, pub.y, &x->marks);
	f->has_discovered = ir_discovered(&r, &x->dates, pub, &f->discovered);
	f->has_period = ir_period(&r, &x->dates, pub, &f->period_from, &f->period_to);
	f->contractor = ir_contractor(&r, &x->cues);
	if (f->has_discovered)
		era_warning(f, "discovered", f->discovered);
	if (f->has_period) {
		era_warning(f, "period from", f->period_from);
		era_warning(f, "period to", f->period_to);
	}
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

/* A span of the normalised text, written as the original has it. */
static void
text_json(const struct ir_extractor *x, const char *text, struct ir_jw *w, size_t off, size_t len)
{
	size_t from = ir_norm_origin(&x->norm, off);

	ir_jw_str(w, text + from, ir_norm_origin_end(&x->norm, off + len) - from);
}

static void
sections_json(const struct ir_extractor *x, const char *text, struct ir_jw *w)
{
	const struct ir_notice *nt = &x->notice;
	size_t i;

	ir_jw_array(w);
	for (i = 0; i < nt->n; i++) {
		const struct ir_section *s = &nt->s[i];
		size_t from = ir_norm_origin(&x->norm, s->off);

		ir_jw_object(w);
		ir_jw_key(w, "name");
		ir_jw_cstr(w, ir_part_name[s->part]);
		ir_jw_key(w, "heading");
		if (s->head_len > 0)
			text_json(x, text, w, s->head_off, s->head_len);
		else
			ir_jw_null(w);
		ir_jw_key(w, "offset");
		ir_jw_ulong(w, from);
		ir_jw_key(w, "length");
		ir_jw_ulong(w, ir_norm_origin_end(&x->norm, s->off + s->len) - from);
		ir_jw_end(w);
	}
	ir_jw_end(w);
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
		ir_jw_value(w);
		ir_decimal_json(w->b, c->v);
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
	const char *t = x->norm.text.p;
	int has_pub = f->published.from != IR_PUB_NONE;
	struct ir_jw w;
	size_t i, off;

	ir_jw_members(&w, out, 1);
	ir_jw_key(&w, "org");
	if (f->has_org)
		ir_jw_str(&w, t + f->org_off, f->org_len);
	else
		ir_jw_null(&w);
	ir_jw_key(&w, "org_type");
	ir_jw_cstr(&w, f->org_type);
	ir_jw_key(&w, "subject_org");
	if (f->has_subject)
		ir_jw_str(&w, t + f->subject_off, f->subject_len);
	else
		ir_jw_null(&w);
	ir_jw_key(&w, "published");
	date_json(&w, has_pub, f->published.date);
	ir_jw_key(&w, "published_raw");
	if (has_pub)
		text_json(x, text, &w, f->published.raw_off, f->published.raw_len);
	else
		ir_jw_null(&w);
	ir_jw_key(&w, "published_from");
	if (has_pub)
		ir_jw_cstr(&w, ir_pub_from_name(f->published.from));
	else
		ir_jw_null(&w);
	ir_jw_key(&w, "report_no");
	if (f->report_no > 0)
		ir_jw_long(&w, f->report_no);
	else
		ir_jw_null(&w);
	ir_jw_key(&w, "affected");
	if (f->affected >= 0) {
		ir_jw_value(&w);
		ir_decimal_json(w.b, f->counts.c[f->affected].v);
	} else {
		ir_jw_null(&w);
	}
	ir_jw_key(&w, "affected_approx");
	ir_jw_bool(&w, f->affected >= 0 && !f->counts.c[f->affected].v.too_big && f->affected_approx);
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
	/* A regulator's date says nothing of the victim's delay. */
	ir_jw_key(&w, "disclosure_days");
	if (f->has_discovered && has_pub && !f->has_subject)
		ir_jw_long(&w, ir_date_days(f->published.date) - ir_date_days(f->discovered));
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
	ir_jw_key(&w, "sections");
	sections_json(x, text, &w);
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
	ir_notice_free(&x->notice);
	ir_clauses_free(&x->clauses);
	ir_dates_free(&x->dates);
	ir_cues_free(&x->cues);
	ir_cpmarks_free(&x->marks);
	ir_counts_free(&x->facts.counts);
	ir_buf_free(&x->facts.warnings);
}

void
ir_extract_prepare(void)
{
	static struct ir_rx *const patterns[] = {&report_no};

	ir_norm_prepare();
	ir_notice_prepare();
	ir_date_prepare();
	ir_count_prepare();
	ir_cues_prepare();
	ir_org_prepare();
	ir_affected_prepare();
	ir_datatypes_prepare();
	ir_facts_prepare();
	ir_when_prepare();
	ir_published_prepare();
	ir_cpset_build(&number_or_date); /* after the count's and the date's sets */
	ir_rx_compile(patterns, sizeof patterns / sizeof *patterns);
}
