#include <string.h>

#include "base/span.h"

static size_t
start(const void *base, size_t size, size_t at, size_t i)
{
	size_t v;

	memcpy(&v, (const char *)base + i * size + at, sizeof v);
	return v;
}

static size_t
end(const void *base, size_t size, size_t at, size_t i)
{
	size_t len;

	memcpy(&len, (const char *)base + i * size + at + sizeof len, sizeof len);
	return start(base, size, at, i) + len;
}

size_t
ir_span_find(const void *base, size_t n, size_t size, size_t at, size_t off, size_t *hint)
{
	size_t lo = 0, hi = n;

	if (n == 0 || off < start(base, size, at, 0) || off >= end(base, size, at, n - 1))
		return n;
	if (hint != NULL && *hint < n && start(base, size, at, *hint) <= off) {
		lo = *hint;
		/* A few steps ahead, then a search of what is left. */
		while (lo + 1 < n && start(base, size, at, lo + 1) <= off && lo - *hint < 4)
			lo++;
		if (lo + 1 == n || start(base, size, at, lo + 1) > off) {
			*hint = lo;
			return lo;
		}
	} else {
		lo = 0;
	}
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (start(base, size, at, mid) <= off)
			lo = mid;
		else
			hi = mid;
	}
	if (hint != NULL)
		*hint = lo;
	return lo;
}
