/* Organisation heuristics and the whole extraction of a notice. */
#include <string.h>

#include "extract/extract.h"
#include "extract/org.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct ir_buf b, json;
	static struct ir_norm n;
	static struct ir_extractor x;
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
	/* The extraction of the repaired text as a record's text. */
	ir_extract(&x, b.p ? b.p : "", b.len, "2025-001");
	json.len = 0;
	ir_extract_json(&x, b.p ? b.p : "", &json);
	CHECK(ir_utf8_check(json.p, json.len) == json.len);
	return 0;
}
