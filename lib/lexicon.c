#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "lexicon.h"
#include "work.h"
#include "utf8.h"

static uint32_t
fold(uint32_t c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int
is_ascii_letter(unsigned c)
{
	return (c | 32) >= 'a' && (c | 32) <= 'z';
}

static int
by_first_then_longest(const void *a, const void *b)
{
	const struct ir_lexentry *x = a, *y = b;

	if (x->first != y->first)
		return x->first < y->first ? -1 : 1;
	return x->len > y->len ? -1 : x->len < y->len;
}

/* Sorts the words and marks their first characters (once, by any thread). */
static void
build(struct ir_lexicon *lx)
{
	struct ir_lexentry *sorted;
	size_t i;

	ir_lazy_lock();
	if (atomic_load(&lx->sorted) != NULL) {
		ir_lazy_unlock();
		return;
	}
	sorted = ir_xrealloc(NULL, lx->n * sizeof *sorted);
	for (i = 0; i < lx->n; i++) {
		struct ir_lexentry *e = &sorted[i];
		uint32_t cp;

		e->word = lx->words[i].word;
		e->id = lx->words[i].id;
		e->len = (uint32_t)strlen(e->word);
		ir_utf8_next((const unsigned char *)e->word, e->len, &cp);
		e->first = fold(cp);
		if (cp < 0x10000) {
			uint32_t f = fold(cp), u = cp & ~32u;

			lx->starts[f >> 6] |= 1ULL << (f & 63);
			if (cp < 0x80 && is_ascii_letter(cp))
				lx->starts[u >> 6] |= 1ULL << (u & 63);
		}
	}
	qsort(sorted, lx->n, sizeof *sorted, by_first_then_longest);
	atomic_store(&lx->sorted, sorted);
	ir_lazy_unlock();
}

/* Does word match s at i (ASCII case folded), standing alone if ASCII? */
static int
matches(const struct ir_lexentry *e, const char *s, size_t n, size_t i, int anywhere)
{
	size_t k;

	if (n - i < e->len)
		return 0;
	if ((unsigned char)e->word[0] >= 0x80)
		return memcmp(s + i, e->word, e->len) == 0;
	for (k = 0; k < e->len; k++)
		if (fold((unsigned char)s[i + k]) != fold((unsigned char)e->word[k]))
			return 0;
	if (is_ascii_letter((unsigned char)e->word[0]) && !anywhere)
		return (i == 0 || !is_ascii_letter((unsigned char)s[i - 1])) &&
		       (i + e->len >= n || !is_ascii_letter((unsigned char)s[i + e->len]));
	return 1;
}

/* The first entry for a folded first character, or n. */
static size_t
first_entry(const struct ir_lexentry *sorted, size_t n, uint32_t cp)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (sorted[mid].first < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * The next place at or after i where a word may start: its first entry
 * in *e, its folded first character consumed to *k bytes; n at the end.
 */
static size_t
next_start(struct ir_lexicon *lx, const struct ir_lexentry *sorted, const char *s, size_t n,
	   size_t i, size_t *e, int *k)
{
	const unsigned char *p = (const unsigned char *)s;

	while (i < n) {
		uint32_t cp;

		/* Most of the text is three-byte characters, decoded here without
		 * the checks of ir_utf8_next: the text is valid UTF-8. */
		if ((p[i] & 0xF0) == 0xE0 && i + 2 < n) {
			cp = (p[i] & 0x0Fu) << 12 | (p[i + 1] & 0x3Fu) << 6 | (p[i + 2] & 0x3Fu);
			if (!(lx->starts[cp >> 6] >> (cp & 63) & 1)) {
				i += 3;
				continue;
			}
		}
		*k = ir_utf8_next(p + i, n - i, &cp);
		if (*k <= 0) {
			*k = 1;
			i++;
			continue;
		}
		cp = fold(cp);
		if (cp < 0x10000 && lx->starts[cp >> 6] >> (cp & 63) & 1) {
			*e = first_entry(sorted, lx->n, cp);
			return i;
		}
		i += (size_t)*k;
	}
	return n;
}

static const struct ir_lexentry *
ready(struct ir_lexicon *lx)
{
	if (atomic_load(&lx->sorted) == NULL)
		build(lx);
	return atomic_load(&lx->sorted);
}

void
ir_lexicon_each(struct ir_lexicon *lx, const char *s, size_t n,
		int (*fn)(size_t off, size_t len, int id, void *ctx), void *ctx)
{
	const struct ir_lexentry *sorted = ready(lx);
	size_t i = 0, e;
	int k;

	while ((i = next_start(lx, sorted, s, n, i, &e, &k)) < n) {
		uint32_t first = sorted[e].first;

		for (; e < lx->n && sorted[e].first == first; e++)
			if (matches(&sorted[e], s, n, i, lx->anywhere) && fn(i, sorted[e].len, sorted[e].id, ctx))
				return;
		i += (size_t)k;
	}
}

int
ir_lexicon_next(struct ir_lexicon *lx, const char *s, size_t n, size_t from, size_t *off,
		size_t *len, int *id)
{
	const struct ir_lexentry *sorted = ready(lx);
	size_t i = from, e;
	int k;

	while ((i = next_start(lx, sorted, s, n, i, &e, &k)) < n) {
		uint32_t first = sorted[e].first;

		/* Entries for one first character run longest first. */
		for (; e < lx->n && sorted[e].first == first; e++) {
			if (matches(&sorted[e], s, n, i, lx->anywhere)) {
				*off = i;
				*len = sorted[e].len;
				*id = sorted[e].id;
				return 1;
			}
		}
		i += (size_t)k;
	}
	return 0;
}
