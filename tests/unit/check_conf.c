#include "stats_fixture.h"

START_TEST(bad_configurations)
{
	struct ir_stats_conf c = IR_STATS_CONF_INIT;
	struct ir_buf err = IR_BUF_INIT;

	ck_assert_int_eq(ir_stats_conf_by(&c, "published:monthly", &err), -1);
	ck_assert_str_eq(ir_buf_cstr(&err),
			 "-g: unknown date bucket in 'published:monthly' (year, fy, quarter, month, week or day)");
	err.len = 0;
	ck_assert_int_eq(ir_stats_conf_by(&c, "a..b", &err), -1);
	err.len = 0;
	ck_assert_int_eq(ir_stats_conf_agg(&c, IR_AGG_SUM, "published:month", &err), -1);
	ck_assert_str_eq(ir_buf_cstr(&err),
			 "--sum: date buckets are for -g and --distinct, not 'published:month'");
	err.len = 0;
	ck_assert_int_eq(ir_stats_conf_agg(&c, IR_AGG_DISTINCT, "published:month", &err), 0);
	ck_assert_int_eq(ir_stats_conf_agg(&c, IR_AGG_SUM, "affected", &err), 0);
	ck_assert_int_eq(ir_stats_conf_agg(&c, IR_AGG_SUM, "affected", &err), -1);
	ck_assert_str_eq(ir_buf_cstr(&err), "--sum affected given twice");
	err.len = 0;
	ck_assert_int_eq(ir_stats_conf_fill_field(&c, &err), -1);
	ck_assert_str_eq(ir_buf_cstr(&err),
			 "--fill needs a date bucket to fill, such as -g published:month");
	ir_stats_conf_by(&c, "category", &err);
	ir_stats_conf_by(&c, "published:week", &err);
	err.len = 0;
	ck_assert_int_eq(ir_stats_conf_fill_field(&c, &err), 1);
	ir_stats_conf_by(&c, "discovered:week", &err);
	ck_assert_int_eq(ir_stats_conf_fill_field(&c, &err), -1);
	ck_assert_str_eq(ir_buf_cstr(&err),
			 "--fill: more than one date bucket (-g published:week, -g discovered:week)");
	err.len = 0;
	ir_stats_conf_describe(&c, &err);
	ck_assert_str_eq(ir_buf_cstr(&err), "-g category -g published:week -g discovered:week "
					    "--distinct published:month --sum affected");
	ir_buf_free(&err);
	ir_stats_conf_free(&c);
}
END_TEST

START_TEST(options_identity)
{
	static const char *const one[] = {"-g", "c", "--sum", "b", "--sum", "a", "--median", "a", NULL};
	static const char *const two[] = {"-g", "c", "--median", "a", "--sum", "a", "--sum", "b", NULL};
	static const char *const three[] = {"-g", "c", "--sum", "a", "--median", "b", NULL};
	struct ir_stats_conf c1, c2, c3;
	struct ir_stats_options o;
	struct ir_buf a = IR_BUF_INIT, b = IR_BUF_INIT, d = IR_BUF_INIT;

	conf_of(&c1, one);
	conf_of(&c2, two);
	conf_of(&c3, three);
	ir_stats_conf_options(&c1, &o);
	ir_stats_options_identity(&o, &a);
	ir_stats_options_describe(&o, &d);
	ir_stats_options_free(&o, 0);
	ck_assert_str_eq(ir_buf_cstr(&a), "[[\"c\"],[\"a\",\"b\"],[],[],[],[\"a\"],[],[],false,false]");
	ck_assert_str_eq(ir_buf_cstr(&d), "-g c --sum a --sum b --median a");
	/* The same options in another order, the same identity; others another. */
	ir_stats_conf_options(&c2, &o);
	ir_stats_options_identity(&o, &b);
	ir_stats_options_free(&o, 0);
	ck_assert_str_eq(ir_buf_cstr(&a), ir_buf_cstr(&b));
	b.len = 0;
	ir_stats_conf_options(&c3, &o);
	ir_stats_options_identity(&o, &b);
	ir_stats_options_free(&o, 0);
	ck_assert_str_ne(ir_buf_cstr(&a), ir_buf_cstr(&b));
	d.len = 0;
	memset(&o, 0, sizeof o);
	ir_stats_options_describe(&o, &d);
	ck_assert_str_eq(ir_buf_cstr(&d), "no -g and no aggregate");
	ir_buf_free(&a);
	ir_buf_free(&b);
	ir_buf_free(&d);
	ir_stats_conf_free(&c1);
	ir_stats_conf_free(&c2);
	ir_stats_conf_free(&c3);
}
END_TEST

START_TEST(conditions)
{
	struct ir_stats_conf c = IR_STATS_CONF_INIT, d = IR_STATS_CONF_INIT;
	struct ir_stats_options o;
	struct ir_buf err = IR_BUF_INIT, a = IR_BUF_INIT, b = IR_BUF_INIT;

	ck_assert_int_eq(ir_stats_conf_where(&c, "--where", "org_type=company", &err), 0);
	ck_assert_int_eq(ir_stats_conf_where(&c, "--since", "2023-04", &err), 0);
	ck_assert_int_eq(ir_stats_conf_where(&c, "--until", "2024-03", &err), 0);
	ck_assert_int_eq(ir_stats_conf_where(&c, "--until", "someday", &err), -1);
	ck_assert_str_eq(ir_buf_cstr(&err),
			 "--until: expected a date (YYYY, YYYY-MM or YYYY-MM-DD), not 'someday'");
	ck_assert_uint_eq(c.nwhere, 3);
	/* --since is a --where on published: the same options either way. */
	ck_assert_int_eq(ir_stats_conf_where(&d, "--where", "published<=2024-03", &err), 0);
	ck_assert_int_eq(ir_stats_conf_where(&d, "--where", "published>=2023-04", &err), 0);
	ck_assert_int_eq(ir_stats_conf_where(&d, "--where", "org_type=company", &err), 0);
	ir_stats_conf_options(&c, &o);
	ir_stats_options_identity(&o, &a);
	ir_stats_options_free(&o, 0);
	ir_stats_conf_options(&d, &o);
	ir_stats_options_identity(&o, &b);
	ir_stats_options_free(&o, 0);
	ck_assert_str_eq(ir_buf_cstr(&a), ir_buf_cstr(&b));
	ck_assert_str_eq(ir_buf_cstr(&a), "[[],[],[],[],[],[],[],[\"org_type=company\","
					  "\"published<=2024-03\",\"published>=2023-04\"],false,false]");
	err.len = 0;
	ir_stats_conf_describe(&c, &err);
	ck_assert_str_eq(ir_buf_cstr(&err), "--where org_type=company --where published>=2023-04 "
					    "--where published<=2024-03");
	ir_buf_free(&err);
	ir_buf_free(&a);
	ir_buf_free(&b);
	ir_stats_conf_free(&c);
	ir_stats_conf_free(&d);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("conf");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, bad_configurations);
	tcase_add_test(tc, options_identity);
	tcase_add_test(tc, conditions);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
