#include <errno.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include "base/siphash.h"

static inline uint64_t
rotl(uint64_t x, int b)
{
	return x << b | x >> (64 - b);
}

/*
 * One SipRound: the paper's ARX network on the four state words.  Inline,
 * on a struct passed by value, so the state stays in registers: dedup
 * hashes every byte of the input.
 */
struct sip {
	uint64_t v0, v1, v2, v3;
};

static inline struct sip
sip_round(struct sip s)
{
	s.v0 += s.v1;
	s.v1 = rotl(s.v1, 13);
	s.v1 ^= s.v0;
	s.v0 = rotl(s.v0, 32);
	s.v2 += s.v3;
	s.v3 = rotl(s.v3, 16);
	s.v3 ^= s.v2;
	s.v0 += s.v3;
	s.v3 = rotl(s.v3, 21);
	s.v3 ^= s.v0;
	s.v2 += s.v1;
	s.v1 = rotl(s.v1, 17);
	s.v1 ^= s.v2;
	s.v2 = rotl(s.v2, 32);
	return s;
}

/* One round per message word (the 1 of SipHash-1-3). */
static inline struct sip
compress(struct sip s, uint64_t m)
{
	s.v3 ^= m;
	s = sip_round(s);
	s.v0 ^= m;
	return s;
}

/* The n (at most 8) bytes at p as a little-endian word. */
static inline uint64_t
le64(const unsigned char *p, size_t n)
{
	uint64_t x = 0;
	size_t i;

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (n == 8) {
		memcpy(&x, p, 8); /* one load */
		return x;
	}
#endif
	for (i = 0; i < n; i++)
		x |= (uint64_t)p[i] << (8 * i);
	return x;
}

uint64_t
ir_siphash(const struct ir_siphash_key *k, const void *data, size_t n)
{
	const unsigned char *p = data;
	struct sip s = {
		k->k0 ^ 0x736f6d6570736575ULL, /* "somepseu" */
		k->k1 ^ 0x646f72616e646f6dULL, /* "dorandom" */
		k->k0 ^ 0x6c7967656e657261ULL, /* "lygenera" */
		k->k1 ^ 0x7465646279746573ULL, /* "tedbytes" */
	};
	size_t i;

	for (i = 0; i + 8 <= n; i += 8)
		s = compress(s, le64(p + i, 8));
	/* The last word: the bytes left, and the length's low byte on top. */
	s = compress(s, le64(p + i, n - i) | (uint64_t)n << 56);
	/* Three finalisation rounds (the 3). */
	s.v2 ^= 0xff;
	s = sip_round(sip_round(sip_round(s)));
	return s.v0 ^ s.v1 ^ s.v2 ^ s.v3;
}

void
ir_siphash_key_random(struct ir_siphash_key *k)
{
	unsigned char b[16];
	size_t got = 0;
	ssize_t r;

	while (got < sizeof b) {
		if ((r = getrandom(b + got, sizeof b - got, 0)) > 0)
			got += (size_t)r;
		else if (r == 0 || errno != EINTR)
			break;
	}
	if (got < sizeof b) {
		/*
		 * No random source (a kernel before 3.17): the clock and an
		 * address that ASLR moves.  The tables that use the key
		 * confirm every match, so a guessed key costs time, not
		 * correctness.
		 */
		struct timespec ts;

		clock_gettime(CLOCK_REALTIME, &ts);
		k->k0 = (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
		k->k1 = (uint64_t)(uintptr_t)k ^ (uint64_t)clock();
		return;
	}
	k->k0 = le64(b, 8);
	k->k1 = le64(b + 8, 8);
}
