#include "stats_fixture.h"

START_TEST(grouping)
{
	static const char *const args[] = {"-g", "category", "-g", "data_types", NULL};
	struct ir_stats_conf c;
	struct ir_stats st;

	conf_of(&c, args);
	ir_stats_init(&st, &c);
	add(&st, "{\"kind\":\"incident\",\"category\":\"a\",\"data_types\":[\"name\",\"email\"]}", 1);
	add(&st, "{\"kind\":\"incident\",\"category\":\"a\",\"data_types\":[\"name\",\"name\"]}", 2);
	add(&st, "{\"kind\":\"incident\",\"category\":\"b\",\"data_types\":[]}", 3);
	add(&st, "{\"kind\":\"incident\",\"data_types\":null}", 4);
	add(&st, "{\"kind\":\"noise\",\"category\":\"a\"}", 5);
	add(&st, "{\"kind\":\"incident\",\"category\":\"a\",\"duplicate_of\":{\"line\":1}}", 6);
	add(&st, "{\"kind\":\"incident\",\"category\":\"c\",\"duplicate_of\":null}", 7);
	ck_assert_uint_eq(st.records, 5);
	expect_rows(&st, &by_key,
		    "category\tdata_types\tcount\n"
		    "a\temail\t1\n"
		    "a\tname\t2\n"
		    "b\t(none)\t1\n"
		    "c\t(none)\t1\n"
		    "(none)\t(none)\t1\n");
	ir_stats_free(&st);
	/* --all: every record. */
	c.all = 1;
	ir_stats_init(&st, &c);
	add(&st, "{\"kind\":\"noise\",\"category\":\"a\"}", 1);
	add(&st, "{\"kind\":\"incident\",\"category\":\"a\",\"duplicate_of\":{\"line\":1}}", 2);
	add(&st, "{\"category\":2}", 3);
	ck_assert_uint_eq(st.records, 3);
	expect_rows(&st, &by_key,
		    "category\tdata_types\tcount\n"
		    "2\t(none)\t1\n"
		    "a\t(none)\t2\n");
	ir_stats_free(&st);
	ir_stats_conf_free(&c);
}
END_TEST

START_TEST(nested_fields_and_values)
{
	static const char *const args[] = {"-g", "veris.action", NULL};
	struct ir_stats_conf c;
	struct ir_stats st;

	conf_of(&c, args);
	ir_stats_init(&st, &c);
	add(&st, "{\"kind\":\"incident\",\"veris\":{\"action\":[\"hacking\",\"malware\"]}}", 1);
	add(&st, "{\"kind\":\"incident\",\"veris\":{\"action\":[\"hacking\"]}}", 2);
	add(&st, "{\"kind\":\"incident\",\"veris\":{\"action\":[]}}", 3);
	add(&st, "{\"kind\":\"incident\",\"veris\":5}", 4);
	add(&st, "{\"kind\":\"incident\",\"veris\":{\"action\":\"h\\u0061cking\"}}", 5);
	expect_rows(&st, &(struct ir_stats_view){0, 0, 0, 0, 0},
		    "veris.action\tcount\n"
		    "hacking\t3\n"
		    "(none)\t2\n"
		    "malware\t1\n");
	ir_stats_free(&st);
	ir_stats_conf_free(&c);
}
END_TEST

START_TEST(date_buckets)
{
	static const char *const args[] = {"-g", "published:month", NULL};
	struct ir_stats_conf c;
	struct ir_stats st;

	conf_of(&c, args);
	ir_stats_init(&st, &c);
	add(&st, "{\"kind\":\"incident\",\"published\":\"2023-08-23\"}", 1);
	add(&st, "{\"kind\":\"incident\",\"published\":\"2023-09-01\"}", 2);
	add(&st, "{\"kind\":\"incident\",\"published\":20230823}", 3);
	add(&st, "{\"kind\":\"incident\",\"published\":\"2023-08-31\"}", 4);
	add(&st, "{\"kind\":\"incident\",\"published\":\"bad\"}", 5);
	add(&st, "{\"kind\":\"incident\",\"published\":null}", 6);
	add(&st, "{\"kind\":\"incident\",\"published\":[\"2023-10-01\",\"2023-10-02\"]}", 7);
	expect_rows(&st, &by_key,
		    "published:month\tcount\n"
		    "2023-08\t2\n"
		    "2023-09\t1\n"
		    "2023-10\t1\n"
		    "(none)\t3\n");
	/* The first bad date is kept, null is not bad. */
	ck_assert_int_eq(st.bad_by[0].line, 3);
	ir_stats_free(&st);
	ir_stats_conf_free(&c);
}
END_TEST

START_TEST(each_aggregate)
{
	static const char *const args[] = {
		"--sum", "n", "--min", "n", "--max", "n", "--mean", "n", "--median", "n",
		"--distinct", "org", "--sum", "k", "--median", "k", "--mean", "k", NULL,
	};
	struct ir_stats_conf c;
	struct ir_stats st;

	conf_of(&c, args);
	ck_assert_uint_eq(c.nfields, 3);
	ck_assert_uint_eq(c.naggs, 9);
	ir_stats_init(&st, &c);
	add(&st, "{\"kind\":\"incident\",\"n\":10,\"org\":\"x\",\"k\":1}", 1);
	add(&st, "{\"kind\":\"incident\",\"n\":20,\"org\":\"y\",\"k\":2}", 2);
	add(&st, "{\"kind\":\"incident\",\"n\":30.5,\"org\":\"x\",\"k\":3}", 3);
	add(&st, "{\"kind\":\"incident\",\"n\":null,\"org\":null,\"k\":4}", 4);
	add(&st, "{\"kind\":\"incident\",\"n\":\"many\",\"k\":null}", 5);
	add(&st, "{\"kind\":\"incident\",\"n\":[1,2],\"org\":[\"z\",\"x\"]}", 6);
	add(&st, "{\"kind\":\"incident\",\"n\":true}", 7);
	/* Values 10, 20, 30.5, 1, 2: mean 12.7, median 10; k: 1..4. */
	expect_rows(&st, &by_key,
		    "count\tsum_n\tmin_n\tmax_n\tmean_n\tmedian_n\tn_n\tdistinct_org\tsum_k\tmedian_k\t"
		    "mean_k\tn_k\n"
		    "7\t63.5\t1\t30.5\t12.70\t10\t5\t3\t10\t2.5\t2.50\t4\n");
	ck_assert_int_eq(st.bad_field[0].line, 5);
	ck_assert_int_eq(st.bad_field[1].line, 0);
	ir_stats_free(&st);
	ir_stats_conf_free(&c);
}
END_TEST

START_TEST(empty_aggregates_and_json)
{
	static const char *const args[] = {"-g", "g", "--sum", "n", "--min", "n", "--median", "n",
					   NULL};
	struct ir_stats_conf c;
	struct ir_stats st;
	char *got;

	conf_of(&c, args);
	ir_stats_init(&st, &c);
	add(&st, "{\"kind\":\"incident\",\"g\":\"a\"}", 1);
	add(&st, "{\"kind\":\"incident\",\"g\":{\"x\":1.0}}", 2);
	got = render(&st, &by_key, IR_FORMAT_JSON);
	ck_assert_str_eq(got,
			 "{\"g\":\"a\",\"count\":1,\"sum_n\":null,\"min_n\":null,\"median_n\":null,"
			 "\"n_n\":0}\n"
			 "{\"g\":{\"x\":1},\"count\":1,\"sum_n\":null,\"min_n\":null,\"median_n\":null,"
			 "\"n_n\":0}\n");
	free(got);
	ir_stats_free(&st);
	ir_stats_conf_free(&c);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("groups");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, grouping);
	tcase_add_test(tc, nested_fields_and_values);
	tcase_add_test(tc, date_buckets);
	tcase_add_test(tc, each_aggregate);
	tcase_add_test(tc, empty_aggregates_and_json);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
