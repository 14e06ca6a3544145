/* Organisation heuristics (the whole extraction is fuzz_extract.c's). */
#include <string.h>

#include "extract/extract.h"
#include "extract/org.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct ir_buf b;
	static struct ir_norm n;
	const char *t, *nl;
	size_t len, tlen, off, olen;
	int in_body;

	fuzz_text(data, size, &b, &n);
	t = n.text.p ? n.text.p : "";
	len = n.text.len;
	nl = memchr(t, '\n', len);
	tlen = nl ? (size_t)(nl - t) : len;
	if (ir_org_find(t, tlen, nl ? nl + 1 : t + len, nl ? len - tlen - 1 : 0, &off, &olen, &in_body)) {
		CHECK(olen > 0);
		CHECK(off + olen <= (in_body ? len - tlen - 1 : tlen));
		CHECK(ir_org_type((in_body ? nl + 1 : t) + off, olen) != NULL);
	}
	return 0;
}
