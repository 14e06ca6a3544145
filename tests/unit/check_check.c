#include <limits.h>

#include "stats/check.h"
#include "stats_fixture.h"

static const char *const by_month[] = {
	"-g", "category", "-g", "published:month", "--sum", "affected", "--distinct", "discovered:month",
	NULL,
};

static const char *const records[] = {
	"{\"kind\":\"incident\",\"org\":\"株式会社カワセミ電機\",\"category\":\"ransomware\","
	"\"published\":\"2024-02-01\",\"discovered\":\"2024-01-20\",\"affected\":1000}",
	"{\"kind\":\"incident\",\"org\":\"みどり市\",\"category\":\"misdelivery\","
	"\"published\":\"2024-02-19\",\"discovered\":\"2024-02-02\",\"affected\":12}",
	"{\"kind\":\"incident\",\"org\":\"ひばり大学\",\"category\":\"ransomware\","
	"\"published\":\"2024-02-28\",\"discovered\":null,\"affected\":[300,45]}",
	"{\"kind\":\"incident\",\"org\":\"セキレイ書房\",\"category\":null,"
	"\"published\":\"公表日不明\",\"affected\":null}",
};
#define NRECORDS (sizeof records / sizeof records[0])

static struct ir_stats_conf c;
static struct ir_stats st;
static struct ir_state_check k;

static void
setup(void)
{
	size_t i;

	conf_of(&c, by_month);
	ir_stats_init(&st, &c);
	for (i = 0; i < NRECORDS; i++)
		add(&st, records[i], (long)i + 1);
	ir_check_init(&k);
}

static void
teardown(void)
{
	ir_check_free(&k);
	ir_stats_free(&st);
	ir_stats_conf_free(&c);
}

static struct ir_group *
group(const char *key)
{
	struct ir_strmap_ent *e = ir_strmap_get(&st.groups, key, strlen(key));

	ck_assert_msg(e != NULL, "no group %s", key);
	return e->val;
}

START_TEST(a_state_a_run_wrote_adds_up)
{
	struct ir_group **g;
	size_t n, i;

	ck_assert_uint_eq(st.records, 4);
	ck_assert_ptr_null(ir_check_header(&k, &c, "part-1.state", 1, st.records));
	g = ir_stats_groups(&st, &n);
	ck_assert_uint_eq(n, 3);
	for (i = 0; i < n; i++)
		ck_assert_ptr_null(ir_check_group(&k, &c, g[i]));
	ck_assert_uint_eq(k.counted, 4);
	ck_assert_uint_eq(k.groups, 3);
	ck_assert_ptr_null(ir_check_end(&k, &c));
	/* The same groups under a header of fewer records. */
	ck_assert_ptr_null(ir_check_header(&k, &c, "part-2.state", 9, 1));
	ck_assert_str_eq(k.source, "part-2.state");
	ck_assert_int_eq(k.line, 9);
	ck_assert_str_eq(ir_check_group(&k, &c, group("\"ransomware\"\n\"2024-02\"")),
			 "a state line whose count exceeds its state's records");
	free(g);
}
END_TEST

START_TEST(a_state_is_checked_when_the_next_begins)
{
	struct ir_group *g = group("\"misdelivery\"\n\"2024-02\"");

	ck_assert_ptr_null(ir_check_end(&k, &c));
	ck_assert_str_eq(ir_check_group(&k, &c, g), "a state line before any state header");
	ck_assert_ptr_null(ir_check_header(&k, &c, "a.state", 1, 2));
	ck_assert_ptr_null(ir_check_group(&k, &c, g));
	ck_assert_str_eq(ir_check_group(&k, &c, g), "a state line of a group its state has already");
	ck_assert_str_eq(ir_check_header(&k, &c, "b.state", 5, 1),
			 "a state whose groups hold fewer records than its header counts");
	/* The message is the first state's, at its header. */
	ck_assert_str_eq(k.source, "a.state");
	ck_assert_int_eq(k.line, 1);
	ck_assert_str_eq(ir_check_end(&k, &c),
			 "a state whose groups hold fewer records than its header counts");
}
END_TEST

START_TEST(groups_start_afresh_with_each_state)
{
	struct ir_group *g = group("\"misdelivery\"\n\"2024-02\"");

	ck_assert_ptr_null(ir_check_header(&k, &c, "a.state", 1, 1));
	ck_assert_ptr_null(ir_check_group(&k, &c, g));
	ck_assert_ptr_null(ir_check_header(&k, &c, "a.state", 3, 1));
	ck_assert_uint_eq(k.counted, 0);
	ck_assert_ptr_null(ir_check_group(&k, &c, g));
	ck_assert_ptr_null(ir_check_end(&k, &c));
}
END_TEST

START_TEST(a_group_of_no_records)
{
	struct ir_group *g = ir_stats_group(&st, "\"loss\"\n\"2024-03\"", 16);

	ck_assert_ptr_null(ir_check_header(&k, &c, "a.state", 1, 4));
	ck_assert_str_eq(ir_check_group(&k, &c, g), "a state line of a group of no records");
	g->count = 1;
	ck_assert_ptr_null(ir_check_group(&k, &c, g));
}
END_TEST

/* A key part of a bucketed -g field is a bucket, or null. */
START_TEST(keys_are_buckets)
{
	static const struct {
		const char *key;
		int ok;
	} keys[] = {
		{"\"loss\"\nnull", 1},
		{"null\n\"2023-12\"", 1},
		{"\"loss\"\n\"2023-13\"", 0},
		{"\"loss\"\n\"2023-12-01\"", 0},
		{"\"loss\"\n\"令和5年12月\"", 0},
		{"\"loss\"\n202312", 0},
	};
	size_t i;

	ck_assert_ptr_null(ir_check_header(&k, &c, "a.state", 1, 10));
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		struct ir_group *g = ir_stats_group(&st, keys[i].key, strlen(keys[i].key));
		const char *why;

		g->count = 1;
		why = ir_check_group(&k, &c, g);
		if (keys[i].ok)
			ck_assert_msg(why == NULL, "%s: %s", keys[i].key, why);
		else
			ck_assert_msg(why != NULL && strcmp(why, "a state line whose key is not a bucket "
							"of its -g field") == 0,
				      "%s: %s", keys[i].key, why ? why : "taken");
	}
}
END_TEST

START_TEST(distinct_values_are_buckets)
{
	struct ir_group *g = group("\"ransomware\"\n\"2024-02\"");
	int added;

	ck_assert_ptr_null(ir_check_header(&k, &c, "a.state", 1, 4));
	ir_strmap_put(&g->distinct[1], "\"2024-1\"", 9, &added);
	ck_assert_int_eq(added, 1);
	ck_assert_str_eq(ir_check_group(&k, &c, g),
			 "a state line whose distinct values are not buckets of their field");
}
END_TEST

START_TEST(numbers_of_a_group_line)
{
	struct ir_group *g = group("\"ransomware\"\n\"2024-02\"");

	ck_assert_ptr_null(ir_check_header(&k, &c, "a.state", 1, 4));
	ck_assert_uint_eq(g->num[0].n, 3);
	g->num[0].n = 1;
	ck_assert_str_eq(ir_check_group(&k, &c, g),
			 "a state line whose sum its minimum and maximum cannot make");
	ck_assert_uint_eq(k.groups, 0);
}
END_TEST

/* Without -g every record is in the one group. */
START_TEST(the_one_group)
{
	struct ir_stats_conf none = IR_STATS_CONF_INIT;
	struct ir_stats one;

	ir_stats_init(&one, &none);
	add(&one, records[0], 1);
	add(&one, records[1], 2);
	ck_assert_ptr_null(ir_check_header(&k, &none, "-", 1, 2));
	ck_assert_ptr_null(ir_check_group(&k, &none, ir_stats_group(&one, "", 0)));
	ck_assert_ptr_null(ir_check_header(&k, &none, "-", 4, 0));
	ck_assert_ptr_null(ir_check_end(&k, &none));
	ck_assert_ptr_null(ir_check_header(&k, &none, "-", 5, 2));
	ck_assert_str_eq(ir_check_end(&k, &none), "a state whose records are not in its one group");
	ir_stats_free(&one);
	ir_stats_conf_free(&none);
}
END_TEST

START_TEST(counts_that_overflow)
{
	struct ir_group *a = group("\"ransomware\"\n\"2024-02\""), *b = group("null\nnull");

	a->count = ULLONG_MAX;
	ck_assert_ptr_null(ir_check_header(&k, &c, "a.state", 1, ULLONG_MAX));
	ck_assert_ptr_null(ir_check_group(&k, &c, a));
	ck_assert_str_eq(ir_check_group(&k, &c, b), "a state whose counts overflow");
}
END_TEST

/* Numbers ------------------------------------------------------------------ */

static struct ir_number
I(long long v)
{
	struct ir_number x = {v, 0, 1};

	return x;
}

static struct ir_number
D(double v)
{
	struct ir_number x = {0, v, 0};

	return x;
}

/* n integers of sum isum, between min and max. */
static struct ir_numstat
numstat(unsigned long long n, long long isum, struct ir_number min, struct ir_number max)
{
	struct ir_numstat ns;

	memset(&ns, 0, sizeof ns);
	ns.n = n;
	ns.sum.i = isum;
	ns.min = min;
	ns.max = max;
	return ns;
}

START_TEST(sums_extremes_and_counts)
{
	static const char cannot[] = "a state line whose sum its minimum and maximum cannot make";
	struct ir_numstat ns;
	struct ir_number half = D(0.5);

	ns = numstat(3, 1345, I(45), I(1000));
	ck_assert_ptr_null(ir_check_numstat(&ns, IR_NEED_NUM));
	ns = numstat(0, 0, I(0), I(0));
	ck_assert_ptr_null(ir_check_numstat(&ns, IR_NEED_NUM));
	ns = numstat(0, 12, I(0), I(0));
	ck_assert_str_eq(ir_check_numstat(&ns, IR_NEED_NUM), "a state line with a sum of no numbers");
	ns = numstat(2, 1045, I(1000), I(45));
	ck_assert_str_eq(ir_check_numstat(&ns, IR_NEED_NUM),
			 "a state line whose minimum is above its maximum");
	/* Boundaries: n times the minimum and n times the maximum can be made... */
	ns = numstat(3, 135, I(45), I(1000));
	ck_assert_ptr_null(ir_check_numstat(&ns, IR_NEED_NUM));
	ns = numstat(3, 3000, I(45), I(1000));
	ck_assert_ptr_null(ir_check_numstat(&ns, IR_NEED_NUM));
	/* ...one less or one more cannot. */
	ns = numstat(3, 134, I(45), I(1000));
	ck_assert_str_eq(ir_check_numstat(&ns, IR_NEED_NUM), cannot);
	ns = numstat(3, 3001, I(45), I(1000));
	ck_assert_str_eq(ir_check_numstat(&ns, IR_NEED_NUM), cannot);
	ns = numstat(1, -7, I(-7), I(-7));
	ck_assert_ptr_null(ir_check_numstat(&ns, IR_NEED_NUM));
	ns = numstat(2, 1, half, I(1));
	ck_assert_str_eq(ir_check_numstat(&ns, IR_NEED_NUM),
			 "a state line of integers whose extremes or sum are not integers");
	ns = numstat(1, 3, I(3), I(3));
	ns.sum.nfloat = 2;
	ck_assert_str_eq(ir_check_numstat(&ns, IR_NEED_NUM),
			 "a state line with more fractions than numbers");
	/* A sum that overflowed is unknown: nothing to check it by. */
	ns = numstat(0, 5, I(9), I(1));
	ns.sum.overflow = 1;
	ck_assert_ptr_null(ir_check_numstat(&ns, IR_NEED_NUM));
}
END_TEST

/* With --median the values are kept: they must make the rest. */
START_TEST(kept_values)
{
	struct ir_number v[3] = {I(12), I(45), I(300)};
	struct ir_numstat ns = numstat(3, 357, I(12), I(300));

	ns.v = v;
	ns.nv = ns.cap = 3;
	ck_assert_ptr_null(ir_check_numstat(&ns, IR_NEED_NUM | IR_NEED_VALUES));
	v[0] = I(45);
	v[1] = I(12);
	ck_assert_str_eq(ir_check_numstat(&ns, IR_NEED_NUM | IR_NEED_VALUES),
			 "a state line whose values are not sorted");
	v[0] = I(12);
	v[1] = I(46);
	ck_assert_str_eq(ir_check_numstat(&ns, IR_NEED_NUM | IR_NEED_VALUES),
			 "a state line whose values do not make its sum, minimum and maximum");
	v[1] = I(45);
	ns.max = I(301);
	ck_assert_str_eq(ir_check_numstat(&ns, IR_NEED_NUM | IR_NEED_VALUES),
			 "a state line whose values do not make its sum, minimum and maximum");
	/* Without the values only the range is checked: 357 is within 3*12..3*301. */
	ck_assert_ptr_null(ir_check_numstat(&ns, IR_NEED_NUM));
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("check");
	TCase *tc = tcase_create("states");
	TCase *num = tcase_create("numbers");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, a_state_a_run_wrote_adds_up);
	tcase_add_test(tc, a_state_is_checked_when_the_next_begins);
	tcase_add_test(tc, groups_start_afresh_with_each_state);
	tcase_add_test(tc, a_group_of_no_records);
	tcase_add_test(tc, keys_are_buckets);
	tcase_add_test(tc, distinct_values_are_buckets);
	tcase_add_test(tc, numbers_of_a_group_line);
	tcase_add_test(tc, the_one_group);
	tcase_add_test(tc, counts_that_overflow);
	suite_add_tcase(s, tc);
	tcase_add_test(num, sums_extremes_and_counts);
	tcase_add_test(num, kept_values);
	suite_add_tcase(s, num);
	return s;
}

UNIT_MAIN(suite)
