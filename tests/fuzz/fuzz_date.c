/* Japanese dates: every date found is real and lies within the text. */
#include "fuzz.h"
#include "ja/date.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct ir_buf b;
	static struct ir_norm n;
	const char *t;
	size_t len, from = 0, at, dlen;
	struct ir_date d, f, to;

	fuzz_text(data, size, &b, &n);
	t = n.text.p ? n.text.p : "";
	len = n.text.len;
	while (from < len && (at = ir_date_find(t + from, len - from, &d, &dlen)) != (size_t)-1) {
		char iso[11];

		at += from;
		CHECK(dlen > 0 && at + dlen <= len);
		CHECK(ir_date_valid(d));
		ir_date_iso(d, iso);
		if (d.y != 0 && d.d != 0)
			(void)ir_date_days(d);
		if (ir_date_range_parse(t + at, len - at, &f, &to) > 0) {
			CHECK(ir_date_valid(f) && ir_date_valid(to));
			if (f.y != 0 && to.y != 0 && f.d != 0 && to.d != 0)
				CHECK(ir_date_days(f) <= ir_date_days(to));
		}
		from = at + dlen;
	}
	return 0;
}
