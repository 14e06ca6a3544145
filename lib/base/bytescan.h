/* base/bytescan.h - sixteen bytes at a time, for the passes over every byte.
 *
 * ir-split must keep up with the disk, so the loops that look at every
 * byte (UTF-8 checking, white space, JSON escaping, character counts)
 * test 16 bytes per step with GCC/Clang vector extensions, which compile
 * to SSE2 on x86-64 and to NEON on ARM without any intrinsics.  Results of
 * comparisons are masks: 0xFF where true, 0 where false.
 */
#ifndef IR_BASE_BYTESCAN_H
#define IR_BASE_BYTESCAN_H

#include <stdint.h>
#include <string.h>

typedef unsigned char ir_v16 __attribute__((vector_size(16)));

static inline ir_v16
ir_v16_load(const void *p)
{
	ir_v16 v;

	memcpy(&v, p, sizeof v);
	return v;
}

static inline ir_v16
ir_v16_splat(unsigned char c)
{
	return (ir_v16){0} + c;
}

typedef signed char ir_v16s __attribute__((vector_size(16)));

#define IR_V16_EQ(a, b) ((ir_v16)((a) == (b)))
#define IR_V16_LE(a, b) ((ir_v16)((a) <= (b)))
#define IR_V16_GE(a, b) ((ir_v16)((a) >= (b)))

/*
 * SSE2 compares bytes as signed numbers only; unsigned <= and >= cost
 * three instructions each.  Flipping the top bit maps unsigned order onto
 * signed order, so a block is biased once and then compared cheaply:
 * IR_V16_UGT(ir_v16_bias(b), 0xBF) is b > 0xBF.
 */
static inline ir_v16s
ir_v16_bias(ir_v16 v)
{
	return (ir_v16s)(v ^ ir_v16_splat(0x80));
}

#define IR_V16_UGT(biased, c) ((ir_v16)((biased) > (ir_v16s){0} + (signed char)((c) ^ 0x80)))
#define IR_V16_ULT(biased, c) ((ir_v16)((biased) < (ir_v16s){0} + (signed char)((c) ^ 0x80)))

static inline int
ir_v16_any(ir_v16 m)
{
	uint64_t lo, hi;

	memcpy(&lo, &m, 8);
	memcpy(&hi, (const char *)&m + 8, 8);
	return (lo | hi) != 0;
}

/* The true lanes of a mask, to be taken one at a time, in order. */
struct ir_v16_lanes {
	uint64_t half[2];
};

/* Loads the lanes of m; 0 when none is true. */
static inline int
ir_v16_lanes(ir_v16 m, struct ir_v16_lanes *l)
{
	memcpy(l->half, &m, 16);
	return (l->half[0] | l->half[1]) != 0;
}

/* Takes the first true lane out: its index, 0 to 15; -1 when none is left. */
static inline int
ir_v16_next_lane(struct ir_v16_lanes *l)
{
	int h = l->half[0] == 0, bit;

	if (l->half[h] == 0)
		return -1;
	bit = __builtin_ctzll(l->half[h]); /* lanes are 0xFF */
	l->half[h] &= ~(0xFFULL << bit);
	return 8 * h + bit / 8;
}

/* Number of true lanes in a mask. */
static inline unsigned
ir_v16_count(ir_v16 m)
{
	uint64_t lo, hi;

	m &= ir_v16_splat(1);
	memcpy(&lo, &m, 8);
	memcpy(&hi, (const char *)&m + 8, 8);
	/* Each byte is 0 or 1: the multiply sums them into the top byte. */
	return (unsigned)(((lo + hi) * 0x0101010101010101ULL) >> 56);
}

#endif
