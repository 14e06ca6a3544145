#include <string.h>

#include "base/cpset.h"
#include "base/err.h"
#include "base/utf8.h"

static void
add(struct ir_cpset *set, uint32_t cp)
{
	set->bits[cp >> 6] |= 1ULL << (cp & 63);
}

void
ir_cpset_build(struct ir_cpset *set)
{
	const unsigned char *p = (const unsigned char *)set->chars;
	size_t i = 0, n = p ? strlen(set->chars) : 0;
	uint32_t cp;

	if (set->ready)
		return;
	for (cp = 0; set->where != NULL && cp < 0x10000; cp++)
		if (set->where(cp))
			add(set, cp);
	while (i < n) {
		int k = ir_utf8_next(p + i, n - i, &cp);

		if (k > 0 && cp < 0x10000)
			add(set, cp);
		i += k > 0 ? (size_t)k : 1;
	}
	set->ready = 1;
}

void
ir_cpset_unbuilt(void)
{
	ir_die(IR_EXIT_FAIL, NULL, 0, "bug: a character set used before its module's prepare function ran");
}
