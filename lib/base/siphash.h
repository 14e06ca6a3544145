/* base/siphash.h - SipHash-1-3: a keyed hash whose collisions cannot be steered.
 *
 * J.-P. Aumasson and D. J. Bernstein, "SipHash: a fast short-input PRF"
 * (2012).  Without the 128-bit key, nobody can build inputs that collide,
 * so a table keyed by it cannot be filled with forged look-alikes.  A
 * random key per run (ir_siphash_key_random) is drawn from getrandom(2).
 * One round per word and three to finish (1-3, not the paper's 2-4), as
 * CPython's and Rust's hash tables use it: the tables need collisions
 * nobody can steer, not a MAC, and confirm every match by its text; dedup
 * hashes every byte of its input, and 1-3 does it in about half the work.
 */
#ifndef IR_BASE_SIPHASH_H
#define IR_BASE_SIPHASH_H

#include <stddef.h>
#include <stdint.h>

struct ir_siphash_key {
	uint64_t k0, k1; /* the key's bytes 0-7 and 8-15, little-endian */
};

/* A key from the kernel's random source. */
void ir_siphash_key_random(struct ir_siphash_key *k);

uint64_t ir_siphash(const struct ir_siphash_key *k, const void *p, size_t n);

#endif
