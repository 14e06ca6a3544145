#include <stdlib.h>
#include <string.h>

#include "base/bytescan.h"
#include "base/err.h"
#include "base/utf8.h"
#include "split/dedup.h"

static uint64_t
rotl(uint64_t x, int r)
{
	return x << r | x >> (64 - r);
}

static uint64_t
avalanche(uint64_t x)
{
	x ^= x >> 31;
	x *= 0xD6E8FEB86659FD93ULL;
	x ^= x >> 32;
	x *= 0xD6E8FEB86659FD93ULL;
	x ^= x >> 32;
	return x;
}

/* Two independent lanes over 8-byte words keep the multiplier busy. */
static uint64_t
hash_bytes(const unsigned char *p, size_t n)
{
	const uint64_t k1 = 0x9E3779B97F4A7C15ULL, k2 = 0xC2B2AE3D27D4EB4FULL;
	uint64_t a = 0x243F6A8885A308D3ULL ^ n, b = 0x13198A2E03707344ULL;
	uint64_t w[2];
	unsigned char tail[16] = {0};

	while (n >= 16) {
		memcpy(w, p, 16);
		a = rotl(a ^ w[0] * k1, 29) * k2;
		b = rotl(b ^ w[1] * k2, 31) * k1;
		p += 16;
		n -= 16;
	}
	memcpy(tail, p, n);
	memcpy(w, tail, 16);
	a = rotl(a ^ w[0] * k1, 29) * k2;
	b = rotl(b ^ w[1] * k2, 31) * k1;
	return avalanche(a ^ rotl(b, 32));
}

/*
 * White space, for telling copies apart, is what scraped pages vary in:
 * the ASCII blanks (bytes 0x09-0x0D and 0x20), U+00A0 NO-BREAK SPACE and
 * U+3000 IDEOGRAPHIC SPACE.  Returns the mask of the positions where one
 * starts among the 16 bytes at p; 18 bytes must be readable.
 */
static ir_v16
space_starts(const unsigned char *p)
{
	ir_v16 b = ir_v16_load(p), b1 = ir_v16_load(p + 1);
	ir_v16s s = (ir_v16s)b; /* bytes >= 0x80 are negative: never ASCII blanks */
	ir_v16 m;

	m = (ir_v16)(s == (ir_v16s){0} + ' ') |
	    ((ir_v16)(s > (ir_v16s){0} + 8) & (ir_v16)(s < (ir_v16s){0} + 14));
	m |= IR_V16_EQ(b, ir_v16_splat(0xC2)) & IR_V16_EQ(b1, ir_v16_splat(0xA0));
	m |= IR_V16_EQ(b, ir_v16_splat(0xE3)) & IR_V16_EQ(b1, ir_v16_splat(0x80)) &
	     IR_V16_EQ(ir_v16_load(p + 2), ir_v16_splat(0x80));
	return m;
}

/* Length in bytes of the white-space character at p, or 0. */
static size_t
space_len(const unsigned char *p, size_t n)
{
	if ((p[0] >= '\t' && p[0] <= '\r') || p[0] == ' ')
		return 1;
	if (n >= 2 && p[0] == 0xC2 && p[1] == 0xA0)
		return 2;
	if (n >= 3 && p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80)
		return 3;
	return 0;
}

/* Copies text without white space into out. */
static void
strip_space(struct ir_buf *out, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run = 0;

	out->len = 0;
	ir_buf_reserve(out, n);
	for (; i + 18 <= n; i += 16) {
		ir_v16 m = space_starts(p + i);
		uint64_t half[2];
		int h;

		memcpy(half, &m, 16);
		if ((half[0] | half[1]) == 0)
			continue;
		for (h = 0; h < 2; h++) {
			while (half[h] != 0) {
				int bit = __builtin_ctzll(half[h]); /* lanes are 0xFF */
				size_t at = i + 8 * (size_t)h + (size_t)bit / 8;

				half[h] &= ~(0xFFULL << bit);
				memcpy(out->p + out->len, s + run, at - run);
				out->len += at - run;
				run = at + space_len(p + at, n - at);
			}
		}
	}
	for (; i < n; i++) {
		size_t k;

		if (i < run || (k = space_len(p + i, n - i)) == 0)
			continue;
		memcpy(out->p + out->len, s + run, i - run);
		out->len += i - run;
		run = i + k;
	}
	memcpy(out->p + out->len, s + run, n - run);
	out->len += n - run;
}

uint64_t
ir_dedup_hash(struct ir_dedup *d, const char *text, size_t len)
{
	strip_space(&d->scratch, text, len);
	return hash_bytes((const unsigned char *)d->scratch.p, d->scratch.len);
}

static void
grow(struct ir_dedup *d)
{
	struct ir_dedup_slot *old = d->t;
	size_t oldcap = d->cap, i;

	d->cap = d->cap ? d->cap * 2 : 1024;
	d->t = calloc(d->cap, sizeof *d->t);
	if (d->t == NULL)
		ir_oom();
	for (i = 0; i < oldcap; i++) {
		size_t h;

		if (old[i].key == 0)
			continue;
		for (h = (size_t)old[i].key & (d->cap - 1); d->t[h].key != 0; h = (h + 1) & (d->cap - 1))
			;
		d->t[h] = old[i];
	}
	free(old);
}

/* Index of source in the list of sources, added if new. */
static uint64_t
source_index(struct ir_dedup *d, const char *source)
{
	if (d->nsources == 0 || d->sources[d->nsources - 1] != source) {
		d->sources = ir_xrealloc(d->sources, (d->nsources + 1) * sizeof *d->sources);
		d->sources[d->nsources++] = source;
	}
	return d->nsources - 1;
}

int
ir_dedup_check(struct ir_dedup *d, const char *id, const char *text, size_t len,
	       const char *source, long line, struct ir_dedup_hit *first)
{
	uint64_t key = ir_dedup_hash(d, text, len);
	size_t h;

	key ^= avalanche(hash_bytes((const unsigned char *)id, strlen(id)) + d->scratch.len);
	key += key == 0;
	if (4 * (d->count + 1) > 3 * d->cap)
		grow(d);
	for (h = (size_t)key & (d->cap - 1); d->t[h].key != 0; h = (h + 1) & (d->cap - 1)) {
		if (d->t[h].key == key) {
			first->source = d->sources[d->t[h].where >> 44];
			first->line = (long)(d->t[h].where & ((1ULL << 44) - 1));
			return 1;
		}
	}
	d->t[h].key = key;
	d->t[h].where = source_index(d, source) << 44 | ((uint64_t)line & ((1ULL << 44) - 1));
	d->count++;
	return 0;
}

void
ir_dedup_free(struct ir_dedup *d)
{
	free(d->t);
	free(d->sources);
	ir_buf_free(&d->scratch);
	memset(d, 0, sizeof *d);
}
