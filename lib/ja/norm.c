#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/cpset.h"
#include "base/err.h"
#include "base/utf8.h"
#include "ja/norm.h"
#include "ja/radicals.h"

/*
 * Circled numbers and letters (① ❶ ㉑ Ⓐ) mark the items and headings of a
 * notice; NFKC would make ① a digit and "①2023年" a year of five digits.
 */
static int
is_circled(uint32_t cp)
{
	return (cp >= 0x2460 && cp <= 0x2473) || (cp >= 0x24B6 && cp <= 0x24FF) ||
	       (cp >= 0x2776 && cp <= 0x2793) || (cp >= 0x3251 && cp <= 0x325F) ||
	       (cp >= 0x32B1 && cp <= 0x32BF);
}

/*
 * Characters that NFKC leaves as they are (or that are kept as they are)
 * and that never combine with the character before them: ASCII, kana,
 * CJK ideographs, the usual Japanese punctuation and circled numbers.
 * These are copied without looking further.
 */
static int
is_inert(uint32_t cp)
{
	if (cp < 0x80)
		return 1;
	if (is_circled(cp))
		return 1;
	if (cp >= 0x3001 && cp <= 0x303F) /* but 〜, tone marks, 〶 and the Suzhou numerals */
		return cp != 0x301C && !(cp >= 0x302A && cp <= 0x302F) && !(cp >= 0x3036 && cp <= 0x303A);
	return (cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x309D && cp <= 0x309E) ||
	       (cp >= 0x30A1 && cp <= 0x30FE) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
	       (cp >= 0x3400 && cp <= 0x4DBF);
}

static struct ir_cpset inert = IR_CPSET_WHERE(is_inert);

/*
 * The length of the inert character at p[0..n), or 0: the common ones,
 * decoded inline.  Overlong forms (below U+0800, as ASCII is inert) are
 * turned away here; surrogates are not inert.
 */
static size_t
inert_len(const unsigned char *p, size_t n)
{
	uint32_t cp;

	if (p[0] < 0x80)
		return 1;
	if ((p[0] & 0xF0) != 0xE0 || n < 3 || ((p[1] ^ 0x80) | (p[2] ^ 0x80)) >= 0x40)
		return 0;
	cp = ir_utf8_cp3(p);
	return cp >= 0x800 && ir_cpset_has(&inert, cp) ? 3 : 0;
}

/* The ideograph a CJK radical form stands for, or 0. */
static uint32_t
radical(uint32_t cp)
{
	size_t lo = 0, hi = sizeof radicals / sizeof *radicals;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (radicals[mid].from == cp)
			return radicals[mid].to;
		if (radicals[mid].from < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* Range marks all become '~'. */
static int
is_range_mark(uint32_t cp)
{
	return cp == 0x301C || cp == 0xFF5E || cp == 0x223C || cp == 0x2053 || cp == 0x02DC;
}

/*
 * Notes that the original at from corresponds to the end of the text so
 * far.  An exact step starts a stretch that runs byte for byte in step
 * with the original, and is not noted when the stretch before is exact
 * and in step with it; an inexact one starts a changed stretch, whose
 * inside has no counterpart in the original.
 */
static void
step(struct ir_norm *n, size_t from, int exact)
{
	if (n->nmap > 0 && exact) {
		struct ir_norm_step *last = &n->map[n->nmap - 1];

		if (last->exact && from - last->from == n->text.len - last->to)
			return;
	}
	if (n->nmap == n->capmap) {
		n->capmap = n->capmap ? n->capmap * 2 : 64;
		n->map = ir_xrealloc(n->map, n->capmap * sizeof *n->map);
	}
	n->map[n->nmap].to = n->text.len;
	n->map[n->nmap].from = from;
	n->map[n->nmap].exact = exact;
	n->nmap++;
}

/* What quick() gives for a character that is left out. */
#define DROPPED 0x110000u

/*
 * The normal form of one character when it can be had without utf8proc:
 * full-width ASCII, the ideographic space, range marks and radical forms;
 * DROPPED for the invisible format characters (U+200B, U+2060, U+FEFF,
 * a soft hyphen...), which scraped pages strew inside words and dates.
 * Returns 0 when utf8proc is needed.
 */
static uint32_t
quick(uint32_t cp)
{
	if (ir_utf8_is_format(cp))
		return DROPPED;
	if (is_range_mark(cp))
		return '~';
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		return cp - 0xFEE0;
	if (cp == 0x3000)
		return ' ';
	if (is_inert(cp))
		return cp;
	return radical(cp);
}

/* Can every character of s[0..len) be had without utf8proc? */
static int
all_quick(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < len) {
		uint32_t cp;
		int w = ir_utf8_next(p + i, len - i, &cp);

		if (w <= 0 || quick(cp) == 0)
			return 0;
		i += (size_t)w;
	}
	return 1;
}

/* Appends the quick forms of s[0..len), noting where each one came from. */
static void
add_quick(struct ir_norm *n, const char *s, size_t len, size_t at)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < len) {
		uint32_t cp;

		step(n, at + i, 0);
		i += (size_t)ir_utf8_next(p + i, len - i, &cp);
		if (quick(cp) != DROPPED)
			ir_buf_addcp(&n->text, quick(cp));
	}
}

/* Appends the normal form of s[0..len) by utf8proc, with the fix-ups. */
static void
add_nfkc(struct ir_norm *n, const char *s, size_t len)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t k;
	size_t i;

	k = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &out,
			 UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
	if (k < 0) {
		if (k == UTF8PROC_ERROR_NOMEM)
			ir_oom();
		ir_buf_add(&n->text, s, len); /* not reached on valid UTF-8 */
		return;
	}
	for (i = 0; i < (size_t)k;) {
		uint32_t cp;
		int w = ir_utf8_next(out + i, (size_t)k - i, &cp);

		if (w <= 0)
			break;
		if (quick(cp) == DROPPED)
			;
		else if (quick(cp) != 0 && quick(cp) != cp)
			ir_buf_addcp(&n->text, quick(cp));
		else
			ir_buf_add(&n->text, out + i, (size_t)w);
		i += (size_t)w;
	}
	free(out);
}

/* Old Mac line ends: a CR that no LF follows becomes one, byte for byte. */
static void
cr_line_ends(struct ir_buf *t)
{
	char *p = t->p, *end;

	if (t->len == 0)
		return;
	for (end = p + t->len; p < end && (p = memchr(p, '\r', (size_t)(end - p))) != NULL;) {
		if (p + 1 == end || p[1] != '\n')
			*p = '\n';
		p++;
	}
}

void
ir_norm(struct ir_norm *n, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run = 0, last = 0; /* last: start of the previous character */

	n->text.len = 0;
	n->nmap = 0;
	ir_buf_reserve(&n->text, len);
	step(n, 0, 1);
	while (i < len) {
		uint32_t cp;
		int w;
		size_t k, end;

		/* Nearly all characters: ASCII, kana, kanji. */
		if ((k = inert_len(p + i, len - i)) > 0) {
			last = i;
			i += k;
			continue;
		}
		w = ir_utf8_next(p + i, len - i, &cp);
		k = w > 0 ? (size_t)w : (size_t)-w;
		if (w > 0 && is_inert(cp)) {
			last = i;
			i += k;
			continue;
		}
		/*
		 * A character that may change, or combine with the one before:
		 * copy the run so far, then normalise from the previous
		 * character to the end of the changeable run.
		 */
		end = i + k;
		while (end < len) {
			w = ir_utf8_next(p + end, len - end, &cp);
			if (w > 0 && is_inert(cp))
				break;
			end += w > 0 ? (size_t)w : (size_t)-w;
		}
		if (all_quick(s + i, end - i)) {
			ir_buf_add(&n->text, s + run, i - run);
			add_quick(n, s + i, end - i, i);
		} else {
			/*
			 * utf8proc may combine the run with the character before,
			 * unless that is ASCII that no composition starts with
			 * (a blank, a line end, a digit): then the stretch starts
			 * here, and a heading's ■ keeps its own offset.
			 */
			if (last < run || last >= i || (p[last] < 0x80 && !isalpha(p[last]) &&
							 p[last] != '<' && p[last] != '=' && p[last] != '>'))
				last = i;
			ir_buf_add(&n->text, s + run, last - run);
			step(n, last, 0);
			add_nfkc(n, s + last, end - last);
		}
		step(n, end, 1);
		run = last = i = end;
	}
	ir_buf_add(&n->text, s + run, len - run);
	cr_line_ends(&n->text);
	ir_buf_cstr(&n->text); /* never NULL, and terminated for the callers' ease */
}

/* The step at or before off, the last of several at the same place. */
static size_t
step_at(const struct ir_norm *n, size_t off)
{
	size_t lo = 0, hi = n->nmap;

	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;

		if (n->map[mid].to <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Inside a changed stretch, the start of a span is rounded down to the
 * stretch's start and the end of one up to its end, so that a span maps
 * to whole characters of the original and loses none of them.
 */
static size_t
origin(const struct ir_norm *n, size_t off, int up)
{
	const struct ir_norm_step *s;
	size_t k;

	if (n->nmap == 0)
		return off;
	k = step_at(n, off);
	/* Characters left out here: a span ending here ends before them. */
	while (up && k > 0 && n->map[k - 1].to == off)
		k--;
	s = &n->map[k];
	if (s->exact || off == s->to)
		return s->from + (off - s->to);
	/* An inexact step is always followed by the exact one ending it. */
	return up ? s[1].from : s->from;
}

size_t
ir_norm_origin(const struct ir_norm *n, size_t off)
{
	return origin(n, off, 0);
}

size_t
ir_norm_origin_end(const struct ir_norm *n, size_t off)
{
	return origin(n, off, 1);
}

void
ir_norm_free(struct ir_norm *n)
{
	ir_buf_free(&n->text);
	free(n->map);
	memset(n, 0, sizeof *n);
}

void
ir_norm_prepare(void)
{
	ir_cpset_build(&inert);
}
