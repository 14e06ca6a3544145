#include <stddef.h>
#include <stdint.h>

#include "base/utf8.h"
#include "ja/listmark.h"
#include "ja/numeral.h"

int
ir_listmark_symbol(uint32_t cp)
{
	switch (cp) {
	case 0x25A0: case 0x25A1: case 0x25C6: case 0x25C7: case 0x25CF: case 0x25CB: case 0x25CE:
	case 0x25B2: case 0x25B3: case 0x25BC: case 0x25BD: case 0x2605: case 0x2606: case 0x25B6:
	case 0x25B7: case 0x25C9: case 0x25C8: case 0x2756: case 0x25BA: case 0x2666: case 0x27A4:
	case 0x3007:
		return 1;
	default:
		return 0;
	}
}

int
ir_listmark_item(const char *s, size_t n)
{
	struct ir_cur c = {s, 0, n};
	int w;
	uint32_t cp = ir_cur_peek(&c, &w);

	return ir_circled_numeral(cp) || ir_is_digit(s[0]) || ir_listmark_symbol(cp);
}

/*
 * A number of a list, read on (the cursor moves even over a 0): one to
 * four ASCII digits, or one to twenty in kanji that begins with 一 … 十
 * (十一, 二十; not 〇一); 0 if none.
 */
static int
number(struct ir_cur *c, int kanji)
{
	int v = 0, w;
	size_t k = 0;

	if (!kanji)
		k = ir_numeral_digits(c->s + c->i, c->n - c->i, 4, &v);
	else if (ir_kanji_one_to_ten(ir_cur_peek(c, &w)))
		k = ir_numeral_kanji(c->s + c->i, c->n - c->i, 20, &v);
	c->i += k;
	return k > 0 ? v : 0;
}

static int
is_blank(uint32_t cp)
{
	return cp == ' ' || cp == '\t';
}

/* Consumes what may end a number mark: ". " "、" ")" or a blank. */
static enum ir_mark
after_number(struct ir_cur *c)
{
	int w;
	uint32_t cp = ir_cur_peek(c, &w);

	if (cp == '.' || cp == 0x3001 || cp == ')') {
		c->i += (size_t)w;
		if (cp == '.' && c->i < c->n && ir_is_digit(c->s[c->i]))
			return IR_MARK_SUB;
		return cp == '.' ? IR_MARK_DOT : cp == ')' ? IR_MARK_RPAREN : IR_MARK_COMMA;
	}
	if (cp == '-' && c->i + 1 < c->n && ir_is_digit(c->s[c->i + 1]))
		return IR_MARK_SUB;
	if (is_blank(cp))
		return IR_MARK_SPACE;
	return IR_MARK_NONE;
}

/* A closing bracket for an opening one at line start, or 0. */
static uint32_t
closer(uint32_t open, enum ir_mark *st)
{
	static const uint32_t pairs[][3] = {
		{0x3010, 0x3011, IR_MARK_BRACKET}, {'<', '>', IR_MARK_ANGLE}, {0x3008, 0x3009, IR_MARK_ANGLE},
		{0x300A, 0x300B, IR_MARK_ANGLE}, {0x226A, 0x226B, IR_MARK_ANGLE}, {'[', ']', IR_MARK_SQUARE},
		{0x3014, 0x3015, IR_MARK_SQUARE},
	};
	size_t i;

	for (i = 0; i < sizeof pairs / sizeof *pairs; i++)
		if (pairs[i][0] == open) {
			*st = (enum ir_mark)pairs[i][2];
			return pairs[i][1];
		}
	return 0;
}

/* 【…】 and the like: the style, *in_end at the closing bracket within 120 bytes. */
static enum ir_mark
bracketed(struct ir_cur *c, uint32_t close, enum ir_mark st, size_t *in_end)
{
	size_t k;
	int w = 0;

	for (k = c->i; k < c->n && k - c->i <= 120; k += (size_t)w) {
		uint32_t ch;

		w = ir_utf8_next((const unsigned char *)c->s + k, c->n - k, &ch);
		if (w <= 0)
			break;
		if (ch == close) {
			*in_end = k;
			return st;
		}
	}
	return IR_MARK_NONE;
}

/* (1) (ア) (三): the cursor is after the (. */
static enum ir_mark
in_parens(struct ir_cur *c, int *num)
{
	enum ir_mark st = IR_MARK_NONE;
	int w;
	uint32_t cp = ir_cur_peek(c, &w);

	if (cp >= '0' && cp <= '9') {
		*num = number(c, 0);
		st = IR_MARK_PAREN;
	} else if ((*num = ir_kana_numeral(cp)) != 0) {
		c->i += (size_t)w;
		st = IR_MARK_KANA_PAREN;
	} else if ((*num = number(c, 1)) != 0) {
		st = IR_MARK_PAREN;
	}
	if (st != IR_MARK_NONE && !(c->i < c->n && c->s[c->i] == ')'))
		st = IR_MARK_NONE;
	c->i++;
	return st;
}

/* 第1 第二, maybe with 章 節 項, then a blank, 、 . or :; the cursor is after 第. */
static enum ir_mark
dai(struct ir_cur *c, int *num)
{
	enum ir_mark st;
	int w;
	uint32_t cp;

	*num = number(c, !(c->i < c->n && ir_is_digit(c->s[c->i])));
	cp = ir_cur_peek(c, &w);
	if (*num && (cp == 0x7AE0 || cp == 0x7BC0 || cp == 0x9805)) /* 章 節 項 */
		c->i += (size_t)w, cp = ir_cur_peek(c, &w);
	st = *num && (is_blank(cp) || cp == 0x3001 || cp == '.' || cp == ':') ? IR_MARK_DAI : IR_MARK_NONE;
	if (st != IR_MARK_NONE && !is_blank(cp))
		c->i += (size_t)w;
	return st;
}

/* What may follow a kana or kanji number: a blank, or . 、 and (paren) ) consumed. */
static enum ir_mark
then_stop(struct ir_cur *c, enum ir_mark st, int paren)
{
	int w;
	uint32_t cp = ir_cur_peek(c, &w);

	if (is_blank(cp))
		return st;
	if (cp != '.' && cp != 0x3001 && !(paren && cp == ')'))
		return IR_MARK_NONE;
	c->i += (size_t)w;
	return st;
}

/* I. II. IV: the whole run of I V X one numeral, then a point or a blank. */
static enum ir_mark
roman(struct ir_cur *c, int *num)
{
	size_t k = ir_roman_numeral(c->s + c->i, c->n - c->i, num), end = c->i + k;

	if (k == 0 || end >= c->n || !(c->s[end] == '.' || is_blank((unsigned char)c->s[end])))
		return IR_MARK_NONE;
	c->i = end + (c->s[end] == '.');
	return IR_MARK_ROMAN;
}

unsigned
ir_listmark_read(struct ir_cur *c, int *num, size_t *in_end)
{
	struct ir_cur save = *c;
	enum ir_mark st = IR_MARK_NONE;
	uint32_t cp, close;
	int w;

	*num = 0;
	*in_end = 0;
	cp = ir_cur_peek(c, &w);
	if (w <= 0)
		return IR_MARK_NONE;
	/* Most lines open with kana or kanji that mark nothing: none of those below but 第 and 一 … 十. */
	if ((cp >= 0x3041 && cp <= 0x309F) ||
	    (cp >= 0x4E00 && cp <= 0x9FFF && cp != 0x7B2C && !ir_kanji_one_to_ten(cp)))
		return IR_MARK_NONE;
	if ((close = closer(cp, &st)) != 0) {
		c->i += (size_t)w;
		st = bracketed(c, close, st, in_end);
	} else if (ir_listmark_symbol(cp)) {
		c->i += (size_t)w;
		return IR_MARK_SYMBOL | cp << 8;
	} else if ((*num = ir_circled_numeral(cp)) != 0) {
		c->i += (size_t)w;
		return IR_MARK_CIRCLED;
	} else if (cp >= '0' && cp <= '9') {
		*num = number(c, 0);
		st = *num ? after_number(c) : IR_MARK_NONE;
	} else if (cp == '(') {
		c->i++;
		st = in_parens(c, num);
	} else if (cp == 0x7B2C) { /* 第 */
		c->i += (size_t)w;
		st = dai(c, num);
	} else if ((*num = ir_kana_numeral(cp)) != 0) {
		c->i += (size_t)w;
		st = then_stop(c, IR_MARK_KANA, 1);
	} else if ((*num = number(c, 1)) != 0) {
		st = then_stop(c, IR_MARK_KANJI, 0);
	} else if (cp == 'I' || cp == 'V' || cp == 'X') {
		st = roman(c, num);
	}
	if (st == IR_MARK_NONE) {
		*c = save;
		*num = 0;
	}
	return st;
}
