/* Japanese numbers and counts: spans inside the text, values sane. */
#include <math.h>

#include "fuzz.h"
#include "ja/count.h"
#include "ja/numeral.h"

static size_t end_of_last;

static int
seen(const struct ir_count *c, void *ctx)
{
	size_t n = *(size_t *)ctx;

	CHECK(c->len > 0 && c->off + c->len <= n);
	CHECK(c->off >= end_of_last); /* in order, not overlapping */
	CHECK(c->unit[0] != '\0');
	CHECK(c->v.too_big ? c->n == HUGE_VAL : isfinite(c->n) && c->n >= 0);
	CHECK(ir_decimal_double(c->v) == c->n);
	end_of_last = c->off + c->len;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct ir_buf b;
	static struct ir_norm n;
	const char *t;
	size_t len, i;
	struct ir_decimal v;

	fuzz_text(data, size, &b, &n);
	t = n.text.p ? n.text.p : "";
	len = n.text.len;
	end_of_last = 0;
	ir_count_scan(t, len, seen, &len);
	for (i = 0; i < len && i < 64; i++) {
		size_t k = ir_numeral_parse(t + i, len - i, 0, &v);

		CHECK(k <= len - i);
		CHECK(k == 0 || (v.too_big ? ir_decimal_double(v) == HUGE_VAL : isfinite(ir_decimal_double(v))));
	}
	return 0;
}
