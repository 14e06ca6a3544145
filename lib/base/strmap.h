/* base/strmap.h - hash tables keyed by byte strings.
 *
 * ir-stats keeps its groups, and the distinct values of each group, in
 * these: open addressing with linear probing, the table doubling when it
 * is more than half full.  Keys may hold any bytes.
 *
 * Ownership: the table owns copies of its keys (each NUL-terminated for
 * convenience, the NUL not counted in len) and frees them; the values are
 * the caller's, who frees them before ir_strmap_free.  An entry pointer
 * stays valid until the next ir_strmap_put.
 */
#ifndef IR_BASE_STRMAP_H
#define IR_BASE_STRMAP_H

#include <stddef.h>
#include <stdint.h>

struct ir_strmap_ent {
	char *key; /* NULL: a free slot */
	size_t len;
	uint64_t hash;
	void *val;
};

struct ir_strmap {
	struct ir_strmap_ent *e;
	size_t n, cap; /* entries used, slots (0 or a power of two) */
};

#define IR_STRMAP_INIT {NULL, 0, 0}

uint64_t ir_strmap_hash(const char *k, size_t n);
/* The entry of key k, or NULL. */
struct ir_strmap_ent *ir_strmap_get(const struct ir_strmap *m, const char *k, size_t n);
/* The entry of key k, added (with val NULL, *added set) when missing. */
struct ir_strmap_ent *ir_strmap_put(struct ir_strmap *m, const char *k, size_t n, int *added);
/* The entries in the order of their keys (bytes, then length); the caller frees the array. */
struct ir_strmap_ent **ir_strmap_sorted(const struct ir_strmap *m, size_t *n);
/* Frees the keys and the table, not the values. */
void ir_strmap_free(struct ir_strmap *m);

#endif
