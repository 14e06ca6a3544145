/* base/buf.h - growable byte buffers, and the one order of byte strings.
 *
 * A struct ir_buf owns its memory; ir_buf_free releases it.  Contents are
 * not NUL-terminated unless ir_buf_cstr is called.  Allocation failure
 * ends the program (ir_oom), so callers need not check.
 */
#ifndef IR_BASE_BUF_H
#define IR_BASE_BUF_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct ir_buf {
	char *p;
	size_t len, cap;
};

#define IR_BUF_INIT {NULL, 0, 0}

/* Makes room for extra more bytes; the growing is out of line. */
void ir_buf_grow(struct ir_buf *b, size_t extra);

static inline void
ir_buf_reserve(struct ir_buf *b, size_t extra)
{
	if (extra > b->cap - b->len)
		ir_buf_grow(b, extra);
}

static inline void
ir_buf_add(struct ir_buf *b, const void *p, size_t n)
{
	if (n == 0)
		return;
	ir_buf_reserve(b, n);
	memcpy(b->p + b->len, p, n);
	b->len += n;
}

void ir_buf_adds(struct ir_buf *b, const char *s);
void ir_buf_addf(struct ir_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Appends a code point as UTF-8. */
void ir_buf_addcp(struct ir_buf *b, uint32_t cp);
/* Terminates with NUL (not counted in len) and returns the contents. */
char *ir_buf_cstr(struct ir_buf *b);
void ir_buf_free(struct ir_buf *b);

/* Appends one byte: inline, since writers add bytes one at a time. */
static inline void
ir_buf_addc(struct ir_buf *b, char c)
{
	if (b->len == b->cap)
		ir_buf_reserve(b, 1);
	b->p[b->len++] = c;
}

/* Orders two byte strings as memcmp does, a prefix before what it begins: -1, 0 or 1. */
static inline int
ir_bytes_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	size_t n = an < bn ? an : bn;
	int c = n ? memcmp(a, b, n) : 0;

	return c != 0 ? (c > 0) - (c < 0) : (an > bn) - (an < bn);
}

/* realloc that ends the program on failure. */
void *ir_xrealloc(void *p, size_t n);
char *ir_xstrdup(const char *s);

#endif
