#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/err.h"
#include "base/utf8.h"

void *
ir_xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		ir_oom();
	return p;
}

char *
ir_xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(ir_xrealloc(NULL, n), s, n);
}

void
ir_buf_grow(struct ir_buf *b, size_t extra)
{
	size_t want;

	if (extra <= b->cap - b->len)
		return;
	if (extra > SIZE_MAX / 2 - b->len)
		ir_oom();
	want = b->cap ? b->cap : 256;
	while (want - b->len < extra)
		want *= 2;
	b->p = ir_xrealloc(b->p, want);
	b->cap = want;
}

void
ir_buf_adds(struct ir_buf *b, const char *s)
{
	ir_buf_add(b, s, strlen(s));
}

void
ir_buf_addf(struct ir_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	ir_buf_reserve(b, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void
ir_buf_addcp(struct ir_buf *b, uint32_t cp)
{
	char u[4];

	ir_buf_add(b, u, ir_utf8_encode(cp, u));
}

char *
ir_buf_cstr(struct ir_buf *b)
{
	ir_buf_reserve(b, 1);
	b->p[b->len] = '\0';
	return b->p;
}

void
ir_buf_free(struct ir_buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}
