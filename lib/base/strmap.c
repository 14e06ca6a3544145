#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/err.h"
#include "base/strmap.h"

uint64_t
ir_strmap_hash(const char *k, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)k[i];
		h *= 0x100000001b3ULL;
	}
	return h ^ (h >> 29);
}

static struct ir_strmap_ent *
slot(const struct ir_strmap *m, const char *k, size_t n, uint64_t h)
{
	size_t mask = m->cap - 1, i = (size_t)h & mask;

	for (;; i = (i + 1) & mask) {
		struct ir_strmap_ent *e = &m->e[i];

		if (e->key == NULL || (e->hash == h && e->len == n && (n == 0 || memcmp(e->key, k, n) == 0)))
			return e;
	}
}

struct ir_strmap_ent *
ir_strmap_get(const struct ir_strmap *m, const char *k, size_t n)
{
	struct ir_strmap_ent *e;

	if (m->cap == 0)
		return NULL;
	e = slot(m, k, n, ir_strmap_hash(k, n));
	return e->key != NULL ? e : NULL;
}

static void
grow(struct ir_strmap *m)
{
	struct ir_strmap old = *m;
	size_t i;

	m->cap = old.cap ? old.cap * 2 : 16;
	if (m->cap > SIZE_MAX / sizeof *m->e)
		ir_oom();
	m->e = calloc(m->cap, sizeof *m->e);
	if (m->e == NULL)
		ir_oom();
	for (i = 0; i < old.cap; i++)
		if (old.e[i].key != NULL)
			*slot(m, old.e[i].key, old.e[i].len, old.e[i].hash) = old.e[i];
	free(old.e);
}

struct ir_strmap_ent *
ir_strmap_put(struct ir_strmap *m, const char *k, size_t n, int *added)
{
	uint64_t h = ir_strmap_hash(k, n);
	struct ir_strmap_ent *e;

	*added = 0;
	if (m->cap > 0) {
		e = slot(m, k, n, h);
		if (e->key != NULL)
			return e;
	}
	if ((m->n + 1) * 2 > m->cap)
		grow(m);
	e = slot(m, k, n, h);
	e->key = ir_xrealloc(NULL, n + 1);
	if (n > 0)
		memcpy(e->key, k, n);
	e->key[n] = '\0';
	e->len = n;
	e->hash = h;
	e->val = NULL;
	m->n++;
	*added = 1;
	return e;
}

void
ir_strmap_free(struct ir_strmap *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		free(m->e[i].key);
	free(m->e);
	m->e = NULL;
	m->n = m->cap = 0;
}

static int
ent_cmp(const void *a, const void *b)
{
	const struct ir_strmap_ent *x = *(struct ir_strmap_ent *const *)a;
	const struct ir_strmap_ent *y = *(struct ir_strmap_ent *const *)b;
	size_t n = x->len < y->len ? x->len : y->len;
	int c = n ? memcmp(x->key, y->key, n) : 0;

	return c != 0 ? c : (x->len > y->len) - (x->len < y->len);
}

struct ir_strmap_ent **
ir_strmap_sorted(const struct ir_strmap *m, size_t *n)
{
	struct ir_strmap_ent **e = ir_xrealloc(NULL, (m->n + 1) * sizeof *e);
	size_t i;

	*n = 0;
	for (i = 0; i < m->cap; i++)
		if (m->e[i].key != NULL)
			e[(*n)++] = &m->e[i];
	if (*n > 1)
		qsort(e, *n, sizeof *e, ent_cmp);
	return e;
}
