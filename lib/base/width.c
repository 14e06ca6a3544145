#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <utf8proc.h>

#include "base/utf8.h"
#include "base/width.h"

size_t
ir_width(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, w = 0;

	while (i < n) {
		uint32_t cp;
		int k, cw;

		if (p[i] >= 0x20 && p[i] < 0x7F) {
			w++;
			i++;
			continue;
		}
		k = ir_utf8_next(p + i, n - i, &cp);
		if (k < 0) {
			w++;
			i += (size_t)-k;
			continue;
		}
		cw = utf8proc_charwidth((utf8proc_int32_t)cp);
		w += cw > 0 ? (size_t)cw : 0;
		i += (size_t)k;
	}
	return w;
}

void
ir_width_pad(struct ir_buf *b, const char *s, size_t n, size_t width, int right)
{
	size_t w = ir_width(s, n), pad = w < width ? width - w : 0;

	if (!right)
		ir_buf_add(b, s, n);
	if (pad > 0) {
		ir_buf_reserve(b, pad);
		memset(b->p + b->len, ' ', pad);
		b->len += pad;
	}
	if (right)
		ir_buf_add(b, s, n);
}

int
ir_term_columns(void)
{
	const char *env = getenv("COLUMNS");
	struct winsize ws;

	if (env != NULL && *env != '\0') {
		char *end;
		long v = strtol(env, &end, 10);

		if (*end == '\0' && v >= 1 && v <= 10000)
			return (int)v;
	}
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}
