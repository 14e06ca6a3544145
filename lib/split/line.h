/* split/line.h - one line of a dump read alone: is it blank, could it be a
 * post's title, which list number does it open with.  ir_noise_is_title and
 * ir_noise_is_blank (split/noise.h) are its public face; the rest is shared
 * with split/noise, which reads lines in their context.
 */
#ifndef IR_SPLIT_LINE_H
#define IR_SPLIT_LINE_H

#include <stddef.h>
#include <stdint.h>

/* The styles of list numbers, for telling a list of the notice that goes on. */
enum { MARK_NONE, MARK_DIGIT, MARK_PAREN, MARK_CIRCLED, MARK_ROMAN, MARK_DAI, MARK_KANA, MARK_KANJI };

struct ir_noise_mark {
	int style;
	long n; /* its number; 0 when it has none (a kana out of order) */
};

/* Builds the tables of title lines (ir_noise_prepare calls it): before threads start. */
void ir_line_prepare(void);

/* Bullets that open a line of a list. */
extern const char ir_line_bullets[];

/* The code point at *i (U+FFFD for a bad byte), *i moved past it. */
uint32_t ir_line_cp(const char *s, size_t n, size_t *i);
int ir_line_is_ideograph(uint32_t cp);
int ir_line_is_katakana(uint32_t cp);
/* Is cp one of the characters of the UTF-8 string list? */
int ir_line_in_list(uint32_t cp, const char *list);
/*
 * Could the line be a notice's sign-off ("問い合わせ先 ○○市 総務課 電話
 * …"): a title's shape, words of a heading allowed?
 */
int ir_line_may_sign_off(const char *line, size_t len);
/* The list number the line s starts with, MARK_NONE if none. */
struct ir_noise_mark ir_line_list_mark(const char *s, size_t n);

#endif
