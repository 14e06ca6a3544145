#include <math.h>

#include "number_fixture.h"

static void
expect_format(const char *tok, const char *want)
{
	struct ir_buf b = IR_BUF_INIT;
	struct ir_number v = num(tok);

	ir_number_format(&b, &v);
	ck_assert_buf_eq(b.p, b.len, want);
	ir_buf_free(&b);
}

START_TEST(parse)
{
	struct ir_number v;

	v = num("42");
	ck_assert(v.isint && v.i == 42);
	v = num("-7");
	ck_assert(v.isint && v.i == -7);
	v = num("2.0");
	ck_assert(v.isint && v.i == 2);
	v = num("1e3");
	ck_assert(v.isint && v.i == 1000);
	v = num("-0");
	ck_assert(v.isint && v.i == 0);
	v = num("-9223372036854775807");
	ck_assert(v.isint && v.i == -9223372036854775807LL);
	v = num("0.5");
	ck_assert(!v.isint && v.d == 0.5);
	/* Integers below 2^127 are exact, however they are written. */
	v = num("12345678901234567890");
	ck_assert(v.isint && v.i == (__int128)12345678901234567890ULL);
	v = num("9223372036854775807");
	ck_assert(v.isint && v.i == 9223372036854775807LL);
	v = num("-9223372036854775808");
	ck_assert(v.isint && v.i == -9223372036854775807LL - 1);
	v = num("1e23");
	ck_assert(v.isint && v.i == (__int128)100000000000ULL * 1000000000000ULL);
	v = num("1.5e1");
	ck_assert(v.isint && v.i == 15);
	v = num("12300e-2");
	ck_assert(v.isint && v.i == 123);
	v = num("170141183460469231731687303715884105727");
	ck_assert(v.isint && v.i == (__int128)(((unsigned __int128)1 << 127) - 1));
	v = num("-170141183460469231731687303715884105728");
	ck_assert(v.isint && v.i == -(__int128)(((unsigned __int128)1 << 127) - 1) - 1);
	/* Past 2^127: the nearest double. */
	v = num("170141183460469231731687303715884105728");
	ck_assert(!v.isint && v.d == 0x1p127);
	v = num("1e39");
	ck_assert(!v.isint && v.d == 1e39);
	v = num("1.25e-1");
	ck_assert(!v.isint && v.d == 0.125);
	ck_assert_int_eq(ir_number_parse("-", 1, &v), -1);
	ck_assert_int_eq(ir_number_parse("1.", 2, &v), -1);
	ck_assert_int_eq(ir_number_parse("1e", 2, &v), -1);
	ck_assert_int_eq(ir_number_parse("0x10", 4, &v), -1);
	ck_assert_int_eq(ir_number_parse("1e400", 5, &v), -1);
	/* The token need not end with a NUL. */
	ck_assert_int_eq(ir_number_parse("123,", 3, &v), 0);
	ck_assert(v.isint && v.i == 123);
}
END_TEST

START_TEST(compare_across_kinds)
{
	struct ir_number a = num("1"), b = num("1.5"), c = num("-0.5"), d = num("0");
	struct ir_number big = num("9007199254740993"), bigd = num("9007199254740992.5");

	ck_assert_int_lt(ir_number_cmp(&a, &b), 0);
	ck_assert_int_gt(ir_number_cmp(&b, &a), 0);
	ck_assert_int_lt(ir_number_cmp(&c, &d), 0);
	ck_assert_int_eq(ir_number_cmp(&a, &a), 0);
	/* 2^53 + 1 is not a double; as an integer it still compares right. */
	ck_assert_int_gt(ir_number_cmp(&big, &bigd), 0);
	{
		/* 2^64 + 1 against the double 2^64, both ways; and far apart. */
		struct ir_number i64 = num("18446744073709551617"), d64 = {0, 0x1p64, 0};
		struct ir_number huge = num("1e300"), neg = num("-1e300");

		ck_assert(i64.isint);
		ck_assert_int_gt(ir_number_cmp(&i64, &d64), 0);
		ck_assert_int_lt(ir_number_cmp(&d64, &i64), 0);
		ck_assert_int_lt(ir_number_cmp(&i64, &huge), 0);
		ck_assert_int_gt(ir_number_cmp(&i64, &neg), 0);
	}
}
END_TEST

START_TEST(format)
{
	struct ir_buf b = IR_BUF_INIT;
	struct ir_number v;

	expect_format("3", "3");
	expect_format("2.50", "2.5");
	expect_format("1e20", "100000000000000000000");
	expect_format("1e40", "1e+40");
	expect_format("0.1", "0.1");
	expect_format("-1234567.125", "-1234567.125");
	ir_number_format_ld(&b, 92.5L);
	ir_buf_addc(&b, ' ');
	ir_number_format_ld(&b, 1280000.0L);
	ck_assert_buf_eq(b.p, b.len, "92.5 1280000");
	/* JSON: what reads back exactly. */
	b.len = 0;
	v = num("0.1");
	ir_number_json(&b, &v);
	ir_buf_addc(&b, ' ');
	v = num("3.141592653589793");
	ir_number_json(&b, &v);
	ck_assert_buf_eq(b.p, b.len, "0.1 3.141592653589793");
	ir_buf_free(&b);
}
END_TEST

/* What ir_number_json writes reads back to the same number, written the
 * same: a state written, read and written again is the same text. */
START_TEST(json_reads_back_the_same)
{
	static const char *const toks[] = {
		"10000000000000000000000000000.000000000000000000000002", "1e28", "2.5",
		"0.99999999999999999999", "-3e-7", "1.7e300", "123456789012345678901234567890",
	};
	struct ir_buf a = IR_BUF_INIT, b = IR_BUF_INIT;
	struct ir_number v, w;
	size_t i;

	for (i = 0; i < sizeof toks / sizeof *toks; i++) {
		a.len = b.len = 0;
		v = num(toks[i]);
		ir_number_json(&a, &v);
		ck_assert_int_eq(ir_number_parse(a.p, a.len, &w), 0);
		ck_assert_int_eq(w.isint, v.isint);
		ir_number_json(&b, &w);
		ck_assert_msg(a.len == b.len && memcmp(a.p, b.p, a.len) == 0, "%s: %.*s, then %.*s",
			      toks[i], (int)a.len, a.p, (int)b.len, b.p);
	}
	/* A decimal that rounds to a whole double is that whole number. */
	v = num("10000000000000000000000000000.000000000000000000000002");
	ck_assert(v.isint);
	a.len = 0;
	ir_number_json(&a, &v);
	ck_assert_buf_eq(a.p, a.len, "9999999999999999583119736832");
	ir_buf_free(&a);
	ir_buf_free(&b);
}
END_TEST

START_TEST(int128_text)
{
	static const char *const ok[] = {
		"0", "-1", "18446744073709551614", "170141183460469231731687303715884105727",
		"-170141183460469231731687303715884105728",
	};
	struct ir_buf b = IR_BUF_INIT;
	__int128 v;
	size_t i;

	for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		ck_assert_int_eq(ir_i128_parse(ok[i], strlen(ok[i]), &v), 0);
		b.len = 0;
		ir_i128_format(&b, v);
		ck_assert_buf_eq(b.p, b.len, ok[i]);
	}
	ck_assert_int_eq(ir_i128_parse("170141183460469231731687303715884105728", 39, &v), -1);
	ck_assert_int_eq(ir_i128_parse("-", 1, &v), -1);
	ck_assert_int_eq(ir_i128_parse("1.5", 3, &v), -1);
	ck_assert_int_eq(ir_i128_parse("", 0, &v), -1);
	ir_buf_free(&b);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("num");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, parse);
	tcase_add_test(tc, compare_across_kinds);
	tcase_add_test(tc, format);
	tcase_add_test(tc, json_reads_back_the_same);
	tcase_add_test(tc, int128_text);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
