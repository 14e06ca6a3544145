/* ja/numeral.h - numerals: the digits of each script, and numbers as notices write them.
 *
 * One reader of numbers for every module: counts (ja/count), dates
 * (ja/date), report numbers (第二報) and the list numbers of a layout
 * (ja/listmark: 3, 十二, ①, ア, IV).
 *
 * ir_numeral_parse reads NFKC-normalised text (ASCII digits, ASCII
 * punctuation and space): ASCII digits with thousands commas ("13,434",
 * and "2, 533": a comma, one space, exactly three digits), a decimal part
 * ("2.2", not a version "1.2.3"), kanji numerals (二千, 三百五十, 千二百,
 * positional 二〇二三) and the multipliers 兆 億 万 千 百 十 applied to
 * what precedes them ("596万", "2.2万", "1億8990万", "14万2000", "6千";
 * blanks may come before 万, 億 and 兆: "596 万").  A multiplier must
 * follow a smaller one's number ("万一" is not a number, "1億8990万" is),
 * and the number before 十, 百 or 千 is a single digit (三百, 6千).
 * Values are decimals m × 10^e, exact while m fits in 63 bits; a number
 * too large for that is still read as far as it goes, flagged too_big.
 */
#ifndef IR_JA_NUMERAL_H
#define IR_JA_NUMERAL_H

#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"

/* 0-9 for an ASCII or full-width digit, -1 for any other character. */
int ir_arabic_digit(uint32_t cp);

/*
 * The value of a kanji numeral: 0-9 for 〇 一 … 九, 10, 100 and 1000 for
 * 十 百 千, 10^4, 10^8 and 10^12 for 万 億 兆; -1 for any other character.
 */
long long ir_kanji_numeral(uint32_t cp);

/*
 * Can a number of normalised text begin with cp: an ASCII digit, or a
 * kanji numeral but 万, 億 and 兆, which only multiply what precedes them.
 */
int ir_numeral_starts(uint32_t cp);

struct ir_decimal {
	uint64_t m;  /* the value is m × 10^e, */
	int e;       /* e <= 0, and m has no trailing zero when e < 0 */
	int too_big; /* unless the number was too large to keep exactly */
};

enum {
	IR_NUMERAL_KANJI = 1 /* kanji numerals only, no ASCII digits */
};

/* Reads a number starting exactly at s; returns its length (0: none, *v untouched). */
size_t ir_numeral_parse(const char *s, size_t n, int flags, struct ir_decimal *v);

/*
 * Small whole numbers, as list items and dates number things: each reads
 * exactly at s and returns its length, 0 when none is there (*v then
 * untouched).
 */

/*
 * A run of one to max ASCII digits that no other digit follows ("0012").
 * Inline: dates read their years, months and days with it, wherever a
 * date may begin.
 */
static inline size_t
ir_numeral_digits(const char *s, size_t n, size_t max, int *v)
{
	size_t k = 0;
	int d = 0;

	for (; k < n && s[k] >= '0' && s[k] <= '9'; k++) {
		if (k == max)
			return 0;
		d = d * 10 + (s[k] - '0');
	}
	if (k > 0)
		*v = d;
	return k;
}

/* A number from 1 to max in kanji numerals (五, 十二, 二十), read as ir_numeral_parse does. */
static inline size_t
ir_numeral_kanji(const char *s, size_t n, int max, int *v)
{
	struct ir_decimal d;
	size_t k = ir_numeral_parse(s, n, IR_NUMERAL_KANJI, &d);

	/* Kanji numerals have no fraction: e is 0, and too_big leaves m 0. */
	if (k == 0 || d.m < 1 || d.m > (uint64_t)max)
		return 0;
	*v = (int)d.m;
	return k;
}

/* Is cp one of 一 … 九 and 十, the kanji a list's numbers begin with (〇 is a placeholder there)? */
int ir_kanji_one_to_ten(uint32_t cp);

/* I, II, … X in ASCII letters (Ⅳ after NFKC): the whole run of I V X must be one. */
size_t ir_roman_numeral(const char *s, size_t n, int *v);

/* The number of ① … ⑳, ❶ … ❿, ➀ … ➉, ➊ … ➓, ㉑ … ㉟, or 0. */
int ir_circled_numeral(uint32_t cp);

/* The place from one of a katakana in the order lists count in (ア イ ウ … ト), or 0. */
int ir_kana_numeral(uint32_t cp);

/* The double nearest the decimal; infinity when it is too_big. */
double ir_decimal_double(struct ir_decimal d);

/* -1, 0 or 1 as a is below, equal to or above b (too_big above all). */
int ir_decimal_cmp(struct ir_decimal a, struct ir_decimal b);

/* Appends the decimal exactly as a JSON number ("22000", "2.5", "0.05"). */
void ir_decimal_json(struct ir_buf *b, struct ir_decimal d);

#endif
