#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
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

size_t
ir_cpset_next(const struct ir_cpset *set, const char *s, size_t n, size_t i)
{
	const unsigned char *p = (const unsigned char *)s;
	const uint64_t *bits = set->bits;

	if (!set->ready)
		ir_cpset_unbuilt();
	while (i + 3 <= n) {
		/* Kana and kanji first, most of a notice: each tested from its bytes. */
		while (i + 3 <= n && (p[i] & 0xF0) == 0xE0) {
			if (bits[(p[i] & 0x0Fu) << 6 | (p[i + 1] & 0x3Fu)] >> (p[i + 2] & 0x3F) & 1)
				return i;
			i += 3;
		}
		if (i + 3 > n)
			break;
		if (p[i] < 0x80 && bits[p[i] >> 6] >> (p[i] & 63) & 1)
			return i;
		i++;
	}
	/* The last two bytes: too few for a three-byte character. */
	for (; i < n; i++)
		if (p[i] < 0x80 && bits[p[i] >> 6] >> (p[i] & 63) & 1)
			return i;
	return n;
}

void
ir_cpset_marks(const struct ir_cpset *set, const char *s, size_t n, struct ir_cpmarks *m)
{
	size_t i;

	m->n = 0;
	for (i = 0; (i = ir_cpset_next(set, s, n, i)) < n; i += (unsigned char)s[i] < 0x80 ? 1 : 3) {
		if (m->n == m->cap) {
			m->cap = m->cap ? m->cap * 2 : 256;
			m->at = ir_xrealloc(m->at, m->cap * sizeof *m->at);
		}
		m->at[m->n++] = i;
	}
}

void
ir_cpmarks_free(struct ir_cpmarks *m)
{
	free(m->at);
	memset(m, 0, sizeof *m);
}

void
ir_cpset_unbuilt(void)
{
	ir_die(IR_EXIT_FAIL, NULL, 0, "bug: a character set used before its module's prepare function ran");
}
