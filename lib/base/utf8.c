#include <string.h>

#include "base/bytescan.h"
#include "base/utf8.h"

int
ir_utf8_next_slow(const unsigned char *p, size_t n, uint32_t *cp)
{
	unsigned c = p[0];
	unsigned lo = 0x80, hi = 0xBF;
	int need, i;
	uint32_t v;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1;
		v = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2;
		v = c & 0x0F;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3;
		v = c & 0x07;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else {
		return -1;
	}
	for (i = 1; i <= need; i++) {
		if ((size_t)i >= n || p[i] < lo || p[i] > hi)
			return -i;
		v = v << 6 | (p[i] & 0x3F);
		lo = 0x80;
		hi = 0xBF;
	}
	*cp = v;
	return need + 1;
}

size_t
ir_utf8_encode(uint32_t cp, char u[4])
{
	if (cp < 0x80) {
		u[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		u[0] = (char)(0xC0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		u[0] = (char)(0xE0 | cp >> 12);
		u[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	u[0] = (char)(0xF0 | cp >> 18);
	u[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	u[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	u[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

static size_t
check_scalar(const unsigned char *p, size_t n)
{
	size_t i = 0;
	uint32_t cp;

	while (i < n) {
		int k;

		if (p[i] < 0x80) {
			i++;
			continue;
		}
		k = ir_utf8_next(p + i, n - i, &cp);
		if (k < 0)
			return i;
		i += (size_t)k;
	}
	return n;
}

/*
 * Are the 16 bytes at p well placed, given the three bytes before them?
 * A byte must be a continuation byte exactly when one of the three before
 * it announced one, must not be one of the bytes UTF-8 never uses, and the
 * byte after E0, ED, F0 and F4 has a narrower range (no overlong forms,
 * surrogates or code points past U+10FFFF).
 */
static int
block_ok(const unsigned char *p)
{
	ir_v16 b = ir_v16_load(p), b1 = ir_v16_load(p - 1);
	ir_v16s s = ir_v16_bias(b), s1 = ir_v16_bias(b1);
	ir_v16s s2 = ir_v16_bias(ir_v16_load(p - 2)), s3 = ir_v16_bias(ir_v16_load(p - 3));
	ir_v16 cont = IR_V16_ULT(s, 0xC0) & ~IR_V16_ULT(s, 0x80);
	ir_v16 want = IR_V16_UGT(s1, 0xBF) | IR_V16_UGT(s2, 0xDF) | IR_V16_UGT(s3, 0xEF);
	ir_v16 err = cont ^ want;

	err |= IR_V16_EQ(b & ir_v16_splat(0xFE), ir_v16_splat(0xC0)) | IR_V16_UGT(s, 0xF4);
	/* Leads whose next byte has a narrower range are rare in Japanese. */
	if (ir_v16_any(IR_V16_EQ(b1, ir_v16_splat(0xE0)) | IR_V16_EQ(b1, ir_v16_splat(0xED)) |
		       IR_V16_UGT(s1, 0xEF))) {
		err |= IR_V16_EQ(b1, ir_v16_splat(0xE0)) & IR_V16_ULT(s, 0xA0);
		err |= IR_V16_EQ(b1, ir_v16_splat(0xED)) & IR_V16_UGT(s, 0x9F);
		err |= IR_V16_EQ(b1, ir_v16_splat(0xF0)) & IR_V16_ULT(s, 0x90);
		err |= IR_V16_EQ(b1, ir_v16_splat(0xF4)) & IR_V16_UGT(s, 0x8F);
	}
	return !ir_v16_any(err);
}

size_t
ir_utf8_check(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned char head[19] = {0};
	size_t i;

	if (n < 19)
		return check_scalar(p, n);
	memcpy(head + 3, p, 16);
	if (!block_ok(head + 3))
		return check_scalar(p, n);
	for (i = 16; i + 16 <= n; i += 16)
		if (!block_ok(p + i))
			return check_scalar(p, n);
	if (i < n && !block_ok(p + n - 16))
		return check_scalar(p, n);
	/* The last character must be complete. */
	if (p[n - 1] >= 0xC0 || p[n - 2] >= 0xE0 || p[n - 3] >= 0xF0)
		return check_scalar(p, n);
	return n;
}

void
ir_utf8_repair(const char *s, size_t n, struct ir_buf *out)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		size_t ok = ir_utf8_check(s + i, n - i);
		uint32_t cp;
		int k;

		ir_buf_add(out, s + i, ok);
		i += ok;
		if (i >= n)
			break;
		k = ir_utf8_next(p + i, n - i, &cp);
		ir_buf_addcp(out, IR_REPLACEMENT);
		i += (size_t)-k;
	}
}

size_t
ir_utf8_count(const char *s, size_t n)
{
	size_t i = 0, count = 0;

	/* Every byte but a continuation byte (80-BF) starts a character. */
	for (; i + 16 <= n; i += 16) {
		ir_v16s b = ir_v16_bias(ir_v16_load(s + i));

		count += 16 - ir_v16_count(~IR_V16_ULT(b, 0x80) & IR_V16_ULT(b, 0xC0));
	}
	for (; i < n; i++)
		count += ((unsigned char)s[i] & 0xC0) != 0x80;
	return count;
}

int
ir_utf8_is_format(uint32_t cp)
{
	/* General category Cf, Unicode 15.0 (DerivedGeneralCategory.txt). */
	static const uint32_t cf[][2] = {
		{0x00AD, 0x00AD}, {0x0600, 0x0605}, {0x061C, 0x061C}, {0x06DD, 0x06DD},
		{0x070F, 0x070F}, {0x0890, 0x0891}, {0x08E2, 0x08E2}, {0x180E, 0x180E},
		{0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x2064}, {0x2066, 0x206F},
		{0xFEFF, 0xFEFF}, {0xFFF9, 0xFFFB}, {0x110BD, 0x110BD}, {0x110CD, 0x110CD},
		{0x13430, 0x1343F}, {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A}, {0xE0001, 0xE0001},
		{0xE0020, 0xE007F},
	};
	size_t k;

	for (k = 0; k < sizeof cf / sizeof *cf && cp >= cf[k][0]; k++)
		if (cp <= cf[k][1])
			return 1;
	return 0;
}

int
ir_utf8_is_space(uint32_t cp)
{
	/* Kana and kanji, most of what is asked about, lie between the spaces and U+FEFF. */
	if (cp > 0x3000 && cp < 0xFEFF)
		return 0;
	switch (cp) {
	case ' ': case '\t': case '\n': case '\v': case '\f': case '\r':
	case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029:
	case 0x202F: case 0x205F: case 0x3000:
		return 1;
	default:
		return (cp >= 0x2000 && cp <= 0x200A) || (cp >= 0xAD && ir_utf8_is_format(cp));
	}
}

size_t
ir_utf8_span_space_at(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	uint32_t cp;

	while (i < n) {
		int k = ir_utf8_next(p + i, n - i, &cp);

		if (k < 0 || !ir_utf8_is_space(cp))
			break;
		i += (size_t)k;
	}
	return i;
}

size_t
ir_utf8_rspan_space_at(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t end = n;

	while (end > 0) {
		size_t start = end - 1;
		uint32_t cp;
		int k;

		while (start > 0 && end - start < 4 && (p[start] & 0xC0) == 0x80)
			start--;
		k = ir_utf8_next(p + start, end - start, &cp);
		if (k != (int)(end - start) || !ir_utf8_is_space(cp))
			break;
		end = start;
	}
	return n - end;
}
