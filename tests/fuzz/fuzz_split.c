/* ir-split's cutting: headers, noise, preamble; nothing may be lost. */
#include <string.h>

#include "fuzz.h"
#include "split/header.h"
#include "split/segment.h"

static struct ir_buf joined;

static void
collect(const struct ir_segment *seg, void *ctx)
{
	(void)ctx;
	CHECK(seg->len > 0);
	/* "2023-325", or the year alone when the header has no serial */
	CHECK(seg->kind != IR_INCIDENT || (seg->id != NULL && (strlen(seg->id) == 4 ||
							    (strlen(seg->id) >= 6 && seg->id[4] == '-'))));
	CHECK(seg->title == NULL || (seg->title >= seg->text && seg->title + seg->title_len <= seg->text + seg->len));
	ir_buf_add(&joined, seg->text, seg->len);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct ir_buf text;
	struct ir_split s;
	size_t i = 0;
	long lineno = 0;

	text.len = joined.len = 0;
	ir_utf8_repair((const char *)data, size, &text);
	ir_split_init(&s, collect, NULL);
	ir_split_begin(&s, "fuzz");
	while (i < text.len) {
		const char *nl = memchr(text.p + i, '\n', text.len - i);
		size_t len = nl ? (size_t)(nl - (text.p + i)) + 1 : text.len - i;
		struct ir_header h;

		if (ir_header_parse(text.p + i, len, &h))
			CHECK(h.title_off + h.title_len <= len);
		ir_split_line(&s, text.p + i, len, ++lineno, i);
		i += len;
	}
	ir_split_end(&s);
	ir_split_free(&s);
	/* Every byte lands in exactly one segment, in order. */
	CHECK(joined.len == text.len);
	CHECK(text.len == 0 || memcmp(joined.p, text.p, text.len) == 0);
	return 0;
}
