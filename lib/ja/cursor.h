/* ja/cursor.h - reading normalised text by hand, as jdate and jnum do.
 *
 * A cursor is a place in a text; the helpers consume what they match and
 * leave the cursor alone when they do not.  A reader that fails leaves the
 * cursor alone too, or was handed a copy to spoil.
 */
#ifndef IR_JA_CURSOR_H
#define IR_JA_CURSOR_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/utf8.h"

struct ir_cur {
	const char *s;
	size_t i, n;
};

static inline int
ir_is_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

static inline int
ir_in_set(char ch, const char *set)
{
	return ch != '\0' && strchr(set, ch) != NULL;
}

/* The character at the cursor, not consumed; its length in *w (0 at the end). */
static inline uint32_t
ir_cur_peek(const struct ir_cur *c, int *w)
{
	uint32_t cp = 0;

	*w = c->i < c->n ? ir_utf8_next((const unsigned char *)c->s + c->i, c->n - c->i, &cp) : 0;
	return *w > 0 ? cp : 0;
}

/* Skips ASCII blanks. */
static inline void
ir_cur_blanks(struct ir_cur *c)
{
	while (c->i < c->n && (c->s[c->i] == ' ' || c->s[c->i] == '\t'))
		c->i++;
}

/* Consumes w if the text goes on with it. */
static inline int
ir_cur_word(struct ir_cur *c, const char *w)
{
	size_t k;

	/* Most tries fail on the first byte: no need to measure w for them. */
	if (c->i >= c->n || c->s[c->i] != w[0])
		return 0;
	k = strlen(w);
	if (c->n - c->i < k || memcmp(c->s + c->i, w, k) != 0)
		return 0;
	c->i += k;
	return 1;
}

#endif
