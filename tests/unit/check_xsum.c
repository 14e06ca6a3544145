#include <math.h>

#include "json/xsum.h"
#include "number_fixture.h"

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

/* The state's form of a sum, as text: "INT frac..." */
static void
parts_text(const struct ir_xsum *s, struct ir_buf *b)
{
	double c[IR_XSUM_PARTS];
	size_t n, k;

	b->len = 0;
	n = ir_xsum_parts(s, b, c);
	for (k = 0; k < n; k++)
		ir_buf_addf(b, " %a", c[k]);
}

START_TEST(sums_do_not_depend_on_order)
{
	enum { N = 600 };
	double x[N];
	struct ir_xsum ref = IR_XSUM_INIT;
	struct ir_buf t1 = IR_BUF_INIT, t2 = IR_BUF_INIT;
	int i, round;

	for (i = 0; i < N; i++) {
		double m = (double)(rnd() % 1000000) / 7.0;

		x[i] = ldexp(rnd() % 2 ? m : -m, (int)(rnd() % 120) - 60);
		if (i % 5 == 0)
			x[i] = (double)(rnd() % 100000); /* integers too */
		if (i % 97 == 0)
			x[i] = (i % 2 ? -1 : 1) * 1.5e308; /* and sums past a double's range */
		if (i % 89 == 0)
			x[i] = 0x1p-1074 * (double)(rnd() % 1000); /* and subnormals */
	}
	for (i = 0; i < N; i++)
		add(&ref, x[i]);
	parts_text(&ref, &t1);
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
		ck_assert_int_eq(ir_xsum_cmp(&a, &ref), 0);
		ck_assert_uint_eq(a.nfloat, ref.nfloat);
		parts_text(&a, &t2);
		ck_assert_str_eq(ir_buf_cstr(&t1), ir_buf_cstr(&t2));
		ir_xsum_free(&a);
		ir_xsum_free(&b);
	}
	ir_xsum_free(&ref);
	ir_buf_free(&t1);
	ir_buf_free(&t2);
}
END_TEST

/* Rebuilds s from its parts in t; checks the rebuilt sum equals s. */
static void
expect_rebuilt(const struct ir_xsum *s)
{
	struct ir_xsum t = IR_XSUM_INIT;
	struct ir_buf b = IR_BUF_INIT;
	double c[IR_XSUM_PARTS];
	size_t n, k;

	n = ir_xsum_parts(s, &b, c);
	ck_assert_int_eq(ir_xsum_add_int_text(&t, b.p, b.len), 0);
	for (k = 0; k < n; k++) {
		ck_assert(c[k] > 0 && c[k] < 1);
		ck_assert_int_eq(ir_xsum_add_part(&t, c[k]), 0);
	}
	ck_assert_int_eq(ir_xsum_cmp(&t, s), 0);
	ck_assert(ir_xsum_value(&t) == ir_xsum_value(s));
	ir_xsum_free(&t);
	ir_buf_free(&b);
}

START_TEST(parts_rebuild_the_sum)
{
	struct ir_xsum s = IR_XSUM_INIT, u = IR_XSUM_INIT;
	struct ir_buf b = IR_BUF_INIT;
	double c[IR_XSUM_PARTS];
	int i;

	add(&s, 1e300);
	add(&s, 3.5);
	add(&s, 1e-300);
	expect_rebuilt(&s);
	/* The floor and the rest in [0, 1): -2.25 is -3 and 0.75. */
	add(&u, -2.25);
	ck_assert_uint_eq(ir_xsum_parts(&u, &b, c), 1);
	ck_assert_str_eq(ir_buf_cstr(&b), "-3");
	ck_assert(c[0] == 0.75);
	expect_rebuilt(&u);
	for (i = 0; i < 3; i++)
		add(&u, 1.7e308);
	expect_rebuilt(&u);
	ck_assert_int_eq(ir_xsum_add_int_text(&u, "1-", 2), -1);
	ck_assert_int_eq(ir_xsum_add_int_text(&u, "-", 1), -1);
	ck_assert_int_eq(ir_xsum_add_part(&u, 1.0), -1);
	ck_assert_int_eq(ir_xsum_add_part(&u, -0.5), -1);
	ck_assert_int_eq(ir_xsum_add_part(&u, NAN), -1);
	/* 10^400 is more than the accumulator holds. */
	b.len = 0;
	ir_buf_adds(&b, "1");
	for (i = 0; i < 400; i++)
		ir_buf_addc(&b, '0');
	ck_assert_int_eq(ir_xsum_add_int_text(&u, b.p, b.len), -1);
	ir_xsum_free(&s);
	ir_xsum_free(&u);
	ir_buf_free(&b);
}
END_TEST

START_TEST(integers_past_128_bits_stay_exact)
{
	struct ir_xsum s = IR_XSUM_INIT, t = IR_XSUM_INIT;
	struct ir_buf b = IR_BUF_INIT;
	struct ir_number max = num("170141183460469231731687303715884105727");
	struct ir_number one = num("1"), m64 = num("-9223372036854775808");
	struct ir_number p64 = num("9223372036854775807");
	int i;

	/* The old sums read both as floats and gave 0. */
	ir_xsum_add(&t, &p64);
	ir_xsum_add(&t, &m64);
	ir_xsum_format(&b, &t);
	ck_assert_str_eq(ir_buf_cstr(&b), "-1");
	for (i = 0; i < 3; i++)
		ir_xsum_add(&s, &max);
	ir_xsum_add(&s, &one);
	ck_assert_ptr_nonnull(s.acc);
	b.len = 0;
	ir_xsum_format(&b, &s);
	ck_assert_str_eq(ir_buf_cstr(&b), "510423550381407695195061911147652317182");
	expect_rebuilt(&s);
	/* Text of 40 digits reads into the accumulator, and back. */
	ck_assert_int_eq(ir_xsum_add_int_text(&t, "-1000000000000000000000000000000000000000", 41), 0);
	b.len = 0;
	ir_xsum_format(&b, &t);
	ck_assert_str_eq(ir_buf_cstr(&b), "-1000000000000000000000000000000000000001");
	ir_xsum_free(&s);
	ir_xsum_free(&t);
	ir_buf_free(&b);
}
END_TEST

START_TEST(sums_past_a_double)
{
	struct ir_xsum s = IR_XSUM_INIT, t = IR_XSUM_INIT;
	struct ir_buf b = IR_BUF_INIT;
	int i;

	/* Any order gives 1e308: the old sums gave nothing or inf for some. */
	add(&s, 1e308);
	add(&s, 1e308);
	add(&s, -1e308);
	ck_assert(ir_xsum_value(&s) == 1e308);
	add(&t, 1.7976931348623157e308);
	add(&t, 1.7976931348623157e308);
	ck_assert(isinf(ir_xsum_value(&t)));
	ir_xsum_format(&b, &t);
	ck_assert_str_eq(ir_buf_cstr(&b), "3.59538626972463e+308");
	ck_assert(!t.overflow);
	/* Its digits are rounded as %.15g rounds: ten times 1e308 is 1e+309. */
	ir_xsum_free(&t);
	memset(&t, 0, sizeof t);
	for (i = 0; i < 10; i++)
		add(&t, 1e308);
	b.len = 0;
	ir_xsum_format(&b, &t);
	ck_assert_str_eq(ir_buf_cstr(&b), "1e+309");
	/* Scaled into a double's range, for a mean: rounded once. */
	ck_assert(ir_xsum_ldexp(&t, -64) == ldexp(1e308, -64) * 10);
	/* The smallest doubles add exactly. */
	ir_xsum_free(&s);
	memset(&s, 0, sizeof s);
	add(&s, 0x1p-1074);
	add(&s, 0x1p-1074);
	add(&s, 0x1p-1073);
	ck_assert(ir_xsum_value(&s) == 0x1p-1072);
	ir_xsum_free(&s);
	ir_xsum_free(&t);
	ir_buf_free(&b);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("xsum");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, sums_are_exact);
	tcase_add_test(tc, sums_do_not_depend_on_order);
	tcase_add_test(tc, parts_rebuild_the_sum);
	tcase_add_test(tc, integers_past_128_bits_stay_exact);
	tcase_add_test(tc, sums_past_a_double);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
