#include <string.h>

#include "base/utf8.h"
#include "ja/numeral.h"
#include "split/header.h"

static const char LABEL[] = "セキュリティ事件簿";

struct cursor {
	const unsigned char *p;
	size_t i, n;
};

static uint32_t
peek(const struct cursor *c, int *len)
{
	uint32_t cp = 0;

	*len = c->i < c->n ? ir_utf8_next(c->p + c->i, c->n - c->i, &cp) : 0;
	return *len > 0 ? cp : 0;
}

static int
accept(struct cursor *c, uint32_t a, uint32_t b)
{
	int len;
	uint32_t cp = peek(c, &len);

	if (len <= 0 || (cp != a && cp != b))
		return 0;
	c->i += (size_t)len;
	return 1;
}

static void
skip_blanks(struct cursor *c)
{
	c->i += ir_utf8_span_space((const char *)c->p + c->i, c->n - c->i);
}

/* Digit value of an ASCII or full-width digit, or -1. */
static int
digit(const struct cursor *c, int *len)
{
	uint32_t cp = peek(c, len);

	return *len > 0 ? ir_arabic_digit(cp) : -1;
}

/*
 * Copies up to max digits into out as ASCII; returns how many.  A blank
 * between two digits is dropped: scraped ids come as "2026-1 40".
 */
static size_t
digits(struct cursor *c, char *out, size_t max)
{
	size_t k = 0, at;
	int d, len;

	while (k < max && (d = digit(c, &len)) >= 0) {
		out[k++] = (char)('0' + d);
		c->i += (size_t)len;
		at = c->i;
		skip_blanks(c);
		if (digit(c, &len) < 0)
			c->i = at;
	}
	return k;
}

static int
is_dash(uint32_t cp)
{
	return cp == '-' || cp == 0xFF0D || cp == 0x2010 || cp == 0x2011 ||
	       cp == 0x2012 || cp == 0x2013 || cp == 0x2014 || cp == 0x2015 ||
	       cp == 0x2212 || cp == 0x30FC || cp == 0xFF70;
}

int
ir_header_parse(const char *line, size_t len, struct ir_header *h)
{
	struct cursor c = {(const unsigned char *)line, 0, len};
	size_t k, end;
	int dlen;
	uint32_t cp;

	/* Nearly every line fails here: it starts with ASCII, kana or kanji,
	 * neither 【 nor a space or an invisible format character. */
	if (len < 3 || (c.p[0] > ' ' && c.p[0] < 0x80) || (c.p[0] >= 0xE4 && c.p[0] <= 0xE9) ||
	    (c.p[0] == 0xE3 && !(c.p[1] == 0x80 && (c.p[2] == 0x90 || c.p[2] == 0x80))))
		return 0;
	skip_blanks(&c);
	if (!accept(&c, 0x3010, 0x3010)) /* 【 */
		return 0;
	skip_blanks(&c);
	if (c.n - c.i < sizeof LABEL - 1 || memcmp(c.p + c.i, LABEL, sizeof LABEL - 1) != 0)
		return 0;
	c.i += sizeof LABEL - 1;
	skip_blanks(&c);
	if (!accept(&c, '#', 0xFF03))
		return 0;
	skip_blanks(&c);
	if (digits(&c, h->id, 4) != 4 || digit(&c, &dlen) >= 0)
		return 0;
	skip_blanks(&c);
	cp = peek(&c, &dlen);
	h->serial = dlen > 0 && is_dash(cp);
	if (h->serial) {
		c.i += (size_t)dlen;
		skip_blanks(&c);
		h->id[4] = '-';
		k = digits(&c, h->id + 5, sizeof h->id - 6);
		if (k == 0 || digit(&c, &dlen) >= 0)
			return 0;
		h->id[5 + k] = '\0';
		skip_blanks(&c);
	} else {
		h->id[4] = '\0'; /* 【セキュリティ事件簿#2022】: the year alone */
	}
	if (!accept(&c, 0x3011, 0x3011)) /* 】 */
		return 0;
	c.i += ir_utf8_span_space(line + c.i, len - c.i);
	end = len - ir_utf8_rspan_space(line + c.i, len - c.i);
	h->title_off = c.i;
	h->title_len = end - c.i;
	return 1;
}
