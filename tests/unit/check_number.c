#include <math.h>

#include "json/number.h"
#include "unit.h"

static struct ir_number
num(const char *s)
{
	struct ir_number v;

	ck_assert_int_eq(ir_number_parse(s, strlen(s), &v), 0);
	return v;
}

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
	v = num("12345678901234567890");
	ck_assert(!v.isint && v.d == 12345678901234567890.0);
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
	/* 2^53 + 1 is not a double; as a long long it still compares right. */
	ck_assert_int_gt(ir_number_cmp(&big, &bigd), 0);
}
END_TEST

START_TEST(format)
{
	struct ir_buf b = IR_BUF_INIT;
	struct ir_number v;

	expect_format("3", "3");
	expect_format("2.50", "2.5");
	expect_format("1e20", "1e+20");
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

static void
add(struct ir_xsum *s, double x)
{
	struct ir_number v;
	char tmp[40];

	snprintf(tmp, sizeof tmp, "%.17g", x);
	v = num(tmp);
	ir_xsum_add(s, &v);
}

START_TEST(sums_are_exact)
{
	struct ir_xsum s = IR_XSUM_INIT, t = IR_XSUM_INIT, u = IR_XSUM_INIT;
	struct ir_buf b = IR_BUF_INIT;
	int i;

	/* A naive sum gives 0 here. */
	add(&s, 1e100);
	add(&s, 0.5);
	add(&s, -1e100);
	ck_assert(ir_xsum_value(&s) == 0.5);
	/* Ten tenths: naively 0.9999999999999999. */
	for (i = 0; i < 10; i++)
		add(&t, 0.1);
	ck_assert(ir_xsum_value(&t) == 1.0);
	ir_xsum_format(&b, &t);
	ck_assert_buf_eq(b.p, b.len, "1");
	/* Integers stay integers, past 64 bits. */
	for (i = 0; i < 4; i++) {
		struct ir_number v = num("9223372036854775806");

		ir_xsum_add(&u, &v);
	}
	b.len = 0;
	ir_xsum_format(&b, &u);
	ck_assert_buf_eq(b.p, b.len, "36893488147419103224");
	ck_assert_uint_eq(u.nfloat, 0);
	ir_xsum_free(&s);
	ir_xsum_free(&t);
	ir_xsum_free(&u);
	ir_buf_free(&b);
}
END_TEST

static unsigned long long seed = 42;

static unsigned long
rnd(void)
{
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned long)(seed >> 33);
}

START_TEST(sums_do_not_depend_on_order)
{
	enum { N = 600 };
	double x[N], c1[64], c2[64];
	struct ir_xsum ref = IR_XSUM_INIT;
	size_t n1, n2;
	int i, round;

	for (i = 0; i < N; i++) {
		double m = (double)(rnd() % 1000000) / 7.0;

		x[i] = ldexp(rnd() % 2 ? m : -m, (int)(rnd() % 120) - 60);
		if (i % 5 == 0)
			x[i] = (double)(rnd() % 100000); /* integers too */
	}
	for (i = 0; i < N; i++)
		add(&ref, x[i]);
	n1 = ir_xsum_canonical(&ref, c1, 64);
	ck_assert_uint_gt(n1, 0);
	for (round = 0; round < 20; round++) {
		struct ir_xsum a = IR_XSUM_INIT, b = IR_XSUM_INIT;
		int cut = (int)(rnd() % N);

		for (i = N - 1; i > 0; i--) {
			int j = (int)(rnd() % (unsigned)(i + 1));
			double t = x[i];

			x[i] = x[j];
			x[j] = t;
		}
		for (i = 0; i < N; i++)
			add(i < cut ? &a : &b, x[i]);
		ir_xsum_merge(&a, &b);
		ck_assert(ir_xsum_value(&a) == ir_xsum_value(&ref));
		ck_assert(a.i == ref.i);
		ck_assert_uint_eq(a.nfloat, ref.nfloat);
		n2 = ir_xsum_canonical(&a, c2, 64);
		ck_assert_uint_eq(n1, n2);
		ck_assert(memcmp(c1, c2, n1 * sizeof *c1) == 0);
		ir_xsum_free(&a);
		ir_xsum_free(&b);
	}
	ir_xsum_free(&ref);
}
END_TEST

START_TEST(canonical_parts_rebuild_the_sum)
{
	struct ir_xsum s = IR_XSUM_INIT, t = IR_XSUM_INIT;
	double c[64];
	size_t n, k;

	add(&s, 1e300);
	add(&s, 3.5);
	add(&s, 1e-300);
	n = ir_xsum_canonical(&s, c, 64);
	ck_assert_uint_eq(n, 3);
	ck_assert(c[0] == 1e300 && c[1] == 3.5 && c[2] == 1e-300);
	for (k = 0; k < n; k++)
		ir_xsum_add_part(&t, c[k]);
	ck_assert(ir_xsum_value(&t) == ir_xsum_value(&s));
	ir_xsum_free(&s);
	ir_xsum_free(&t);
}
END_TEST

START_TEST(integer_overflow_spills_exactly)
{
	struct ir_xsum s = IR_XSUM_INIT;
	struct ir_number v = num("5");
	double want = ldexp(1.0, 127);
	const __int128 max = (__int128)(((unsigned __int128)1 << 127) - 1);

	s.i = max - 2;       /* 2^127 - 3 */
	ir_xsum_add(&s, &v); /* would pass 2^127 - 1 */
	ck_assert(s.i == max - 2);
	ck_assert_uint_eq(s.np, 1);
	ck_assert(fabs(ir_xsum_value(&s) - want) <= want * 1e-15);
	ir_xsum_free(&s);
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
	tcase_add_test(tc, int128_text);
	tcase_add_test(tc, sums_are_exact);
	tcase_add_test(tc, sums_do_not_depend_on_order);
	tcase_add_test(tc, canonical_parts_rebuild_the_sum);
	tcase_add_test(tc, integer_overflow_spills_exactly);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
