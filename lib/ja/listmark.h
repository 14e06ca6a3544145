/* ja/listmark.h - the mark a heading or a list item opens with: 【…】, ■, 1., (1), ①, 第1, ア, 一、, II.
 *
 * A mark's style tells the levels of a layout apart: two headings of one
 * style are of one level.  The numbers of numbered styles are read by
 * ja/numeral.  ir_listmark_read works on normalised text (ja/norm.h).
 */
#ifndef IR_JA_LISTMARK_H
#define IR_JA_LISTMARK_H

#include <stdint.h>

#include "ja/cursor.h"

enum ir_mark {
	IR_MARK_NONE,
	IR_MARK_BRACKET,  /* 【…】 */
	IR_MARK_ANGLE,    /* <…> 〈…〉 《…》 ≪…≫ */
	IR_MARK_SQUARE,   /* […] 〔…〕 */
	IR_MARK_SYMBOL,   /* ■ ● ◆ □ …, the symbol kept above the low byte of the style */
	IR_MARK_DOT,      /* 1. */
	IR_MARK_COMMA,    /* 1、 */
	IR_MARK_RPAREN,   /* 1) */
	IR_MARK_SPACE,    /* 1 経緯 */
	IR_MARK_PAREN,    /* (1) */
	IR_MARK_CIRCLED,  /* ① ❶ */
	IR_MARK_DAI,      /* 第1 第二 */
	IR_MARK_KANA,     /* ア イ ウ, then a blank, . or 、 */
	IR_MARK_KANA_PAREN, /* (ア) */
	IR_MARK_KANJI,    /* 一、 二. */
	IR_MARK_ROMAN,    /* I. II. (Ⅰ and Ⅱ after NFKC) */
	IR_MARK_SUB,      /* 1-1 1.2 */
	IR_NMARKS
};

/* The style of a mark (the low byte of what ir_listmark_read returns). */
#define IR_MARK_STYLE(st) ((st) & 0xFF)

/*
 * Reads the mark a line may open with; c is left after it, *num holds its
 * number (0: none).  A bracketed heading leaves *in_end at its closing
 * bracket.  Returns its style, the symbol of IR_MARK_SYMBOL above the low
 * byte (■ and ● are two styles); IR_MARK_NONE with c left alone.
 */
unsigned ir_listmark_read(struct ir_cur *c, int *num, size_t *in_end);

/* Is cp a symbol a heading or an item may open with (■ ● ◆ □ ○ ◇ ▲ ★ ▶ …)? */
int ir_listmark_symbol(uint32_t cp);

/* Does a line open with what marks an item of a list: a digit, ① or a symbol? */
int ir_listmark_item(const char *s, size_t n);

#endif
