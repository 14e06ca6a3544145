#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/err.h"
#include "base/utf8.h"
#include "ja/lexicon.h"

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

static int
has(const uint64_t *bits, uint32_t cp)
{
	return bits[cp >> 6] >> (cp & 63) & 1;
}

/* has() of the three-byte character at p, read from its bytes (see base/cpset.h). */
static int
has3(const uint64_t *bits, const unsigned char *p)
{
	return bits[(p[0] & 0x0Fu) << 6 | (p[1] & 0x3Fu)] >> (p[2] & 0x3F) & 1;
}

static void
set(uint64_t *bits, uint32_t cp)
{
	bits[cp >> 6] |= 1ULL << (cp & 63);
}

/* The pairs bit of two folded characters. */
static uint32_t
pair(uint32_t a, uint32_t b)
{
	return (a * 0x9E3779B1u ^ b * 0x85EBCA77u) >> 16;
}

static uint32_t
slot_of(const struct ir_lexicon *lx, uint32_t first)
{
	return first * 0x9E3779B1u >> (32 - lx->slotbits);
}

/* Notes a word's first (folded) character, k bytes long, and what may follow it. */
static void
mark(struct ir_lexicon *lx, const struct ir_lexentry *e, int k)
{
	uint32_t second;

	if (e->first >= 0x10000)
		return;
	set(lx->starts, e->first);
	if (k <= 0 || (size_t)k >= e->len ||
	    ir_utf8_next((const unsigned char *)e->word + k, e->len - (size_t)k, &second) <= 0)
		set(lx->alone, e->first);
	else
		set(lx->pairs, pair(e->first, fold(second)));
}

/* A hash of the first characters to their first entries, after sorted. */
static void
index_firsts(struct ir_lexicon *lx, struct ir_lexentry *sorted)
{
	uint32_t mask = (1u << lx->slotbits) - 1;
	size_t i;

	lx->slots = (struct ir_lexslot *)(sorted + lx->n);
	for (i = 0; i <= mask; i++)
		lx->slots[i].first = UINT32_MAX;
	for (i = 0; i < lx->n; i++) {
		uint32_t h = slot_of(lx, sorted[i].first);

		if (i > 0 && sorted[i - 1].first == sorted[i].first)
			continue;
		while (lx->slots[h].first != UINT32_MAX)
			h = (h + 1) & mask;
		lx->slots[h].first = sorted[i].first;
		lx->slots[h].entry = (uint32_t)i;
	}
}

void
ir_lexicon_build(struct ir_lexicon *lx)
{
	struct ir_lexentry *sorted;
	size_t i;

	if (lx->sorted != NULL)
		return;
	/* At most half the slots full: probes stay short. */
	for (lx->slotbits = 4; ((size_t)1 << lx->slotbits) < 2 * lx->n; lx->slotbits++)
		;
	sorted = ir_xrealloc(NULL, lx->n * sizeof *sorted +
					   ((size_t)1 << lx->slotbits) * sizeof *lx->slots);
	for (i = 0; i < lx->n; i++) {
		struct ir_lexentry *e = &sorted[i];
		uint32_t cp;
		int k;

		e->word = lx->words[i].word;
		e->id = lx->words[i].id;
		e->len = (uint32_t)strlen(e->word);
		k = ir_utf8_next((const unsigned char *)e->word, e->len, &cp);
		e->first = fold(cp);
		mark(lx, e, k);
	}
	qsort(sorted, lx->n, sizeof *sorted, by_first_then_longest);
	index_firsts(lx, sorted);
	lx->sorted = sorted;
}

void
ir_lexicon_free(struct ir_lexicon *lx)
{
	free(lx->sorted);
	lx->sorted = NULL;
	lx->slots = NULL;
}

/* The w bytes at p (w <= 8, a constant where it is inlined), as a number. */
static inline uint64_t
bytes_at(const char *p, size_t w)
{
	uint64_t x = 0;

	memcpy(&x, p, w);
	return x;
}

/*
 * Are the n bytes at a and b the same?  Read eight (or four) at a time,
 * the last read overlapping: the words of one first character are
 * compared with the text one after another, most differ from it within
 * their first bytes, and a call to memcmp costs more than the comparison.
 */
static inline int
same(const char *a, const char *b, size_t n)
{
	size_t k;

	if (n < 4) {
		for (; n > 0; n--)
			if (*a++ != *b++)
				return 0;
		return 1;
	}
	if (n < 8)
		return bytes_at(a, 4) == bytes_at(b, 4) && bytes_at(a + n - 4, 4) == bytes_at(b + n - 4, 4);
	for (k = 0; k + 8 < n; k += 8)
		if (bytes_at(a + k, 8) != bytes_at(b + k, 8))
			return 0;
	return bytes_at(a + n - 8, 8) == bytes_at(b + n - 8, 8);
}

/* Does an ASCII word match s at i, case folded, standing alone if it is a word of letters? */
static int
ascii_matches(const struct ir_lexentry *e, const char *s, size_t n, size_t i, int anywhere)
{
	size_t k;

	for (k = 0; k < e->len; k++)
		if (fold((unsigned char)s[i + k]) != fold((unsigned char)e->word[k]))
			return 0;
	if (is_ascii_letter((unsigned char)e->word[0]) && !anywhere)
		return (i == 0 || !is_ascii_letter((unsigned char)s[i - 1])) &&
		       (i + e->len >= n || !is_ascii_letter((unsigned char)s[i + e->len]));
	return 1;
}

/*
 * Does word match s at i?  It is asked of every word of a first character
 * at every place that character stands: the words of Japanese are
 * compared inline, the ASCII ones apart.
 */
static inline int
matches(const struct ir_lexentry *e, const char *s, size_t n, size_t i, int anywhere)
{
	if (n - i < e->len)
		return 0;
	if ((unsigned char)e->word[0] >= 0x80)
		return same(s + i, e->word, e->len);
	return ascii_matches(e, s, n, i, anywhere);
}

/* Decodes the character at p[0..n), n > 0, the common ones inline; folded. */
static inline int
char_at(const unsigned char *p, size_t n, uint32_t *cp)
{
	/* The text is valid UTF-8: a three-byte lead needs no more checks. */
	if ((p[0] & 0xF0) == 0xE0 && n >= 3) {
		*cp = ir_utf8_cp3(p);
		return 3;
	}
	if (p[0] < 0x80) {
		*cp = fold(p[0]);
		return 1;
	}
	return ir_utf8_next(p, n, cp);
}

/* The first entry of the words that start with cp (a start: it is in the hash). */
static size_t
first_entry(const struct ir_lexicon *lx, uint32_t cp)
{
	uint32_t h;

	for (h = slot_of(lx, cp); lx->slots[h].first != cp;)
		h = (h + 1) & ((1u << lx->slotbits) - 1);
	return lx->slots[h].entry;
}

/*
 * The next place at or after i where a word may start: its first entry
 * in *e, its first character's length in *k; n at the end.
 */
static size_t
next_start(const struct ir_lexicon *lx, const char *s, size_t n, size_t i, size_t *e, int *k)
{
	const unsigned char *p = (const unsigned char *)s;

	while (i < n) {
		uint32_t cp, next;
		int w;

		/* Kana and kanji, most of a notice: most start no word, and are not decoded. */
		while (i + 3 <= n && (p[i] & 0xF0) == 0xE0 && !has3(lx->starts, p + i))
			i += 3;
		if (i >= n)
			break;
		if ((p[i] & 0xF0) == 0xE0 && n - i >= 3) {
			cp = ir_utf8_cp3(p + i);
			w = 3;
			/* Before kana or kanji too, the pair is read from the bytes. */
			if (n - i >= 6 && (p[i + 3] & 0xF0) == 0xE0) {
				if (!has(lx->alone, cp) && !has(lx->pairs, pair(cp, ir_utf8_cp3(p + i + 3)))) {
					i += 3;
					continue;
				}
				*e = first_entry(lx, cp);
				*k = w;
				return i;
			}
		} else {
			uint32_t other;

			if ((w = char_at(p + i, n - i, &other)) <= 0) {
				i++;
				continue;
			}
			cp = other;
		}
		if (cp >= 0x10000 || !has(lx->starts, cp) ||
		    (!has(lx->alone, cp) &&
		     (i + (size_t)w >= n || char_at(p + i + w, n - i - (size_t)w, &next) <= 0 ||
		      !has(lx->pairs, pair(cp, next))))) {
			i += (size_t)w;
			continue;
		}
		*e = first_entry(lx, cp);
		*k = w;
		return i;
	}
	return n;
}

static const struct ir_lexentry *
ready(const struct ir_lexicon *lx)
{
	if (lx->sorted == NULL)
		ir_die(IR_EXIT_FAIL, NULL, 0, "bug: a lexicon searched before it was built");
	return lx->sorted;
}

void
ir_lexicon_each(const struct ir_lexicon *lx, const char *s, size_t n,
		int (*fn)(size_t off, size_t len, int id, void *ctx), void *ctx)
{
	const struct ir_lexentry *sorted = ready(lx);
	size_t i = 0, e;
	int k;

	while ((i = next_start(lx, s, n, i, &e, &k)) < n) {
		uint32_t first = sorted[e].first;

		for (; e < lx->n && sorted[e].first == first; e++)
			if (matches(&sorted[e], s, n, i, lx->anywhere) && fn(i, sorted[e].len, sorted[e].id, ctx))
				return;
		i += (size_t)k;
	}
}

int
ir_lexicon_next(const struct ir_lexicon *lx, const char *s, size_t n, size_t from, size_t *off,
		size_t *len, int *id)
{
	const struct ir_lexentry *sorted = ready(lx);
	size_t i = from, e;
	int k;

	while ((i = next_start(lx, s, n, i, &e, &k)) < n) {
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
