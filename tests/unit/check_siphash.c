#include "base/siphash.h"
#include "unit.h"

/*
 * The paper's key 00 01 .. 0f and the messages 00 01 .. (n-1): its
 * appendix gives n = 15; the others are those of the authors' reference
 * vectors (checked against OpenSSL's SIPHASH with an 8-byte output).
 */
START_TEST(reference_vectors)
{
	static const struct {
		size_t n;
		uint64_t want;
	} v[] = {
		{0, 0x726fdb47dd0e0e31ULL},  {1, 0x74f839c593dc67fdULL},  {2, 0x0d6c8009d9a94f5aULL},
		{3, 0x85676696d7fb7e2dULL},  {7, 0xab0200f58b01d137ULL},  {8, 0x93f5f5799a932462ULL},
		{9, 0x9e0082df0ba9e4b0ULL},  {15, 0xa129ca6149be45e5ULL}, {16, 0x3f2acc7f57c29bdbULL},
		{31, 0x32d892fad841c342ULL}, {63, 0x958a324ceb064572ULL},
	};
	struct ir_siphash_key k = {0x0706050403020100ULL, 0x0f0e0d0c0b0a0908ULL};
	unsigned char msg[64];
	size_t i;

	for (i = 0; i < sizeof msg; i++)
		msg[i] = (unsigned char)i;
	for (i = 0; i < sizeof v / sizeof *v; i++)
		ck_assert_msg(ir_siphash(&k, msg, v[i].n) == v[i].want, "n=%zu: %016llx", v[i].n,
			      (unsigned long long)ir_siphash(&k, msg, v[i].n));
}
END_TEST

START_TEST(keys_differ)
{
	struct ir_siphash_key a, b;
	static const char s[] = "【セキュリティ事件簿#2025-003】見本町 誤送信について";

	ir_siphash_key_random(&a);
	ir_siphash_key_random(&b);
	ck_assert(a.k0 != b.k0 || a.k1 != b.k1);
	ck_assert(ir_siphash(&a, s, sizeof s - 1) != ir_siphash(&b, s, sizeof s - 1));
	ck_assert(ir_siphash(&a, s, sizeof s - 1) == ir_siphash(&a, s, sizeof s - 1));
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("siphash");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, reference_vectors);
	tcase_add_test(tc, keys_differ);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
