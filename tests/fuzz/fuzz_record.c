/* Record reading: the JSON scanner agrees with jansson on what is an object. */
#include <jansson.h>
#include <string.h>

#include "fuzz.h"
#include "json/scan.h"

/* Nesting deeper than the scanner follows (jansson goes further). */
static int
too_deep(const uint8_t *p, size_t n)
{
	size_t i, depth = 0, max = 0;

	for (i = 0; i < n; i++) {
		if (p[i] == '[' || p[i] == '{')
			max = ++depth > max ? depth : max;
		else if ((p[i] == ']' || p[i] == '}') && depth > 0)
			depth--;
	}
	return max >= IR_JSON_MAX_DEPTH;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct ir_jobj o;
	static struct ir_buf s;
	const char *why;
	size_t at, i;
	int ours;

	ours = ir_json_object(&o, (const char *)data, size, &why, &at) == 0;
	if (ours) {
		for (i = 0; i < o.n; i++) {
			CHECK(o.m[i].val + o.m[i].val_len <= size);
			s.len = 0;
			ir_json_unescape(o.text + o.m[i].key, o.m[i].key_len, &s);
			CHECK(ir_utf8_check(s.p, s.len) == s.len);
			if (o.m[i].type == IR_JSTRING) {
				s.len = 0;
				ir_json_unescape(o.text + o.m[i].val, o.m[i].val_len, &s);
			}
		}
	} else {
		CHECK(at <= size);
	}
	/* jansson refuses NUL escapes and NUL bytes by default; JSON allows escapes. */
	if (!too_deep(data, size) && memmem(data, size, "\\u0000", 6) == NULL &&
	    memchr(data, '\0', size) == NULL) {
		json_error_t e;
		json_t *j = json_loadb((const char *)data, size, 0, &e);

		/* JSON puts no bound on numbers; jansson refuses what a C
		 * number cannot hold, and the scanner rightly does not. */
		if (j == NULL && (strstr(e.text, "too big") || strstr(e.text, "overflow")))
			return 0;
		CHECK(ours == (j != NULL && json_is_object(j)));
		json_decref(j);
	}
	return 0;
}
