/* ja/norm.h - the normalised text that extraction and classification read.
 *
 * Notices mix full-width and half-width forms (１２３, ＢＣＣ, ｶﾀｶﾅ), PDF
 * extraction leaves Kangxi radicals (⽉ for 月) and CJK radical forms (⻑
 * for 長), and ranges are written with 〜, ～ or ~.  Patterns are written
 * once against one form: NFKC (via utf8proc), then the radical forms NFKC
 * leaves alone mapped to their ideographs, then every range mark made '~',
 * the invisible format characters (category Cf: U+200B, U+2060, U+FEFF...)
 * left out, and a CR that no LF follows (an old Mac line end) made LF.
 * Circled numbers and letters (① ❶ Ⓐ) are kept: they mark items and
 * headings, and NFKC would run ① into the digits after it.
 * Offsets in the normalised text map back to the original, so evidence
 * can point into the record's own text.
 *
 * Most Japanese text (kana, kanji, ASCII) is already normal; it is copied
 * in runs, and only the rest goes through utf8proc.
 */
#ifndef IR_JA_NORM_H
#define IR_JA_NORM_H

#include <stddef.h>

#include "base/buf.h"

struct ir_norm {
	struct ir_buf text;   /* the normalised text */
	/* Where the two texts fall out of step: at text offset map[i].to the
	 * original is at map[i].from; when map[i].exact they run in step
	 * until the next, otherwise only the two ends correspond. */
	struct ir_norm_step { size_t to, from; int exact; } *map;
	size_t nmap, capmap;
};

#define IR_NORM_INIT {IR_BUF_INIT, NULL, 0, 0}

/* Normalises s (valid UTF-8) into n->text, replacing what was there; the
 * text is NUL-terminated (not counted in its length). */
void ir_norm(struct ir_norm *n, const char *s, size_t len);
/* The original offsets of the start and of the end of a span of the
 * normalised text; together they cover whole characters of the original. */
size_t ir_norm_origin(const struct ir_norm *n, size_t off);
size_t ir_norm_origin_end(const struct ir_norm *n, size_t off);
void ir_norm_free(struct ir_norm *n);

/* Builds the set of characters normalisation leaves alone: once, at start-up, before any thread. */
void ir_norm_prepare(void);

#endif
