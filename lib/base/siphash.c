#include <errno.h>
#include <sys/random.h>
#include <time.h>

#include "base/siphash.h"

static uint64_t
rotl(uint64_t x, int b)
{
	return x << b | x >> (64 - b);
}

/* One SipRound: the paper's ARX network on the four state words. */
static void
sip_round(uint64_t v[4])
{
	v[0] += v[1];
	v[1] = rotl(v[1], 13);
	v[1] ^= v[0];
	v[0] = rotl(v[0], 32);
	v[2] += v[3];
	v[3] = rotl(v[3], 16);
	v[3] ^= v[2];
	v[0] += v[3];
	v[3] = rotl(v[3], 21);
	v[3] ^= v[0];
	v[2] += v[1];
	v[1] = rotl(v[1], 17);
	v[1] ^= v[2];
	v[2] = rotl(v[2], 32);
}

/* Two rounds per message word (the 2 of SipHash-2-4). */
static void
compress(uint64_t v[4], uint64_t m)
{
	v[3] ^= m;
	sip_round(v);
	sip_round(v);
	v[0] ^= m;
}

static uint64_t
le64(const unsigned char *p, size_t n)
{
	uint64_t x = 0;
	size_t i;

	for (i = 0; i < n; i++)
		x |= (uint64_t)p[i] << (8 * i);
	return x;
}

uint64_t
ir_siphash(const struct ir_siphash_key *k, const void *data, size_t n)
{
	const unsigned char *p = data;
	uint64_t v[4] = {
		k->k0 ^ 0x736f6d6570736575ULL, /* "somepseu" */
		k->k1 ^ 0x646f72616e646f6dULL, /* "dorandom" */
		k->k0 ^ 0x6c7967656e657261ULL, /* "lygenera" */
		k->k1 ^ 0x7465646279746573ULL, /* "tedbytes" */
	};
	size_t i;

	for (i = 0; i + 8 <= n; i += 8)
		compress(v, le64(p + i, 8));
	/* The last word: the bytes left, and the length's low byte on top. */
	compress(v, le64(p + i, n - i) | (uint64_t)n << 56);
	/* Four finalisation rounds (the 4). */
	v[2] ^= 0xff;
	sip_round(v);
	sip_round(v);
	sip_round(v);
	sip_round(v);
	return v[0] ^ v[1] ^ v[2] ^ v[3];
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
