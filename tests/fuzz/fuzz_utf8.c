/* UTF-8 checking (the vector path) against decoding one character at a time. */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct ir_buf b;
	static struct ir_norm n;
	size_t i = 0, want = size, k;

	while (i < size) {
		uint32_t cp;
		int r = ir_utf8_next(data + i, size - i, &cp);

		if (r < 0) {
			want = i;
			break;
		}
		i += (size_t)r;
	}
	CHECK(ir_utf8_check((const char *)data, size) == want);
	b.len = 0;
	ir_utf8_repair((const char *)data, size, &b);
	CHECK(ir_utf8_check(b.p, b.len) == b.len);
	/* Normalising keeps it valid, and every offset maps inside the original. */
	ir_norm(&n, b.p ? b.p : "", b.len);
	CHECK(ir_utf8_check(n.text.p, n.text.len) == n.text.len);
	for (k = 0; k <= n.text.len; k += 7)
		CHECK(ir_norm_origin(&n, k) <= b.len);
	return 0;
}
