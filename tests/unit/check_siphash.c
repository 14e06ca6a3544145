#include "base/siphash.h"
#include "unit.h"

/*
 * SipHash-1-3 with the key 0 and the messages 00 01 .. (n-1), as CPython
 * computes them for hash(bytes(range(n))) under PYTHONHASHSEED=0, which
 * sets its SipHash-1-3 key to zero: an implementation of its own.
 */
START_TEST(reference_vectors)
{
	static const struct {
		size_t n;
		uint64_t want;
	} v[] = {
		{1, 0x68a914128e01e473ULL},  {2, 0x010bac45c41e3669ULL},  {3, 0x4d4c9a4a8ef6e0adULL},
		{7, 0x2f098ab0c751325aULL},  {8, 0xead411e67ebe2eeaULL},  {9, 0x75927f9d95124362ULL},
		{15, 0xf30eb725bb91c9eaULL}, {16, 0x8972188433a5c5b7ULL}, {31, 0x169739443111d49bULL},
		{63, 0x385d3e39e5f37359ULL},
	};
	struct ir_siphash_key k = {0, 0};
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
