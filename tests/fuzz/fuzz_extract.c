/*
 * The whole of ir_extract on a record's text: the facts point into the
 * text, the dates are real and in order, the counts are sane, the JSON is
 * an object's members in their order, and a second run writes the same.
 */
#include <math.h>
#include <string.h>

#include "extract/extract.h"
#include "fuzz.h"
#include "json/scan.h"
#include "split/header.h"

/* The id ir-split would give the post: its header's, else a made-up one. */
static const char *
post_id(const char *text, size_t len, struct ir_header *h)
{
	const char *nl = memchr(text, '\n', len);

	return ir_header_parse(text, nl ? (size_t)(nl - text) + 1 : len, h) ? h->id : "2025-001";
}

static void
check_facts(const struct ir_extractor *x, size_t len)
{
	const struct ir_facts *f = &x->facts;
	size_t i;
	int has_pub;

	CHECK(!f->has_org || (f->org_len > 0 && f->org_off + f->org_len <= len));
	has_pub = f->published.from != IR_PUB_NONE;
	CHECK(!has_pub || f->published.raw_off + f->published.raw_len <= len);
	CHECK(!has_pub || ir_date_valid(f->published.date));
	CHECK(!f->has_subject || (f->subject_len > 0 && f->subject_off + f->subject_len <= len));
	CHECK(!f->has_discovered || (ir_date_valid(f->discovered) && f->discovered.y != 0));
	CHECK(!f->has_discovered || !has_pub ||
	      ir_date_days(f->discovered) <= ir_date_days(f->published.date));
	CHECK(!f->has_period || (ir_date_valid(f->period_from) && ir_date_valid(f->period_to)));
	CHECK(!f->has_period || f->period_from.y == 0 || f->period_to.y == 0 ||
	      ir_date_days(f->period_from) <= ir_date_days(f->period_to));
	CHECK(f->affected >= -1 && f->affected < (long)f->counts.n);
	CHECK(f->report_no >= 0);
	for (i = 0; i < f->counts.n; i++) {
		const struct ir_count *c = &f->counts.c[i];

		CHECK(c->len > 0 && c->off + c->len <= x->norm.text.len);
		CHECK(c->v.too_big ? c->n == HUGE_VAL : isfinite(c->n) && c->n >= 0);
		CHECK(i == 0 || c->off >= f->counts.c[i - 1].off + f->counts.c[i - 1].len);
	}
}

/* The members written are the fields, in their order, as JSON. */
static void
check_json(const struct ir_buf *members)
{
	static struct ir_buf obj;
	static struct ir_jobj o;
	const char *why;
	size_t at, i;

	CHECK(ir_utf8_check(members->p, members->len) == members->len);
	obj.len = 0;
	ir_buf_addc(&obj, '{');
	ir_buf_add(&obj, members->p, members->len);
	ir_buf_addc(&obj, '}');
	CHECK(ir_json_object(&o, obj.p, obj.len, &why, &at) == 0);
	CHECK(o.n == IR_EXTRACT_FIELDS);
	for (i = 0; i < o.n; i++)
		CHECK(ir_json_key_is(obj.p + o.m[i].key, o.m[i].key_len, ir_extract_fields[i]));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct ir_buf text, once, twice;
	static struct ir_extractor x;
	struct ir_header h;
	const char *t, *id;

	text.len = 0;
	ir_utf8_repair((const char *)data, size, &text);
	t = ir_buf_cstr(&text);
	id = post_id(t, text.len, &h);
	ir_extract(&x, t, text.len, id);
	check_facts(&x, x.norm.text.len);
	once.len = 0;
	ir_extract_json(&x, t, &once);
	check_json(&once);
	ir_extract(&x, t, text.len, id);
	twice.len = 0;
	ir_extract_json(&x, t, &twice);
	CHECK(once.len == twice.len && memcmp(once.p, twice.p, once.len) == 0);
	return 0;
}
