#include <math.h>

#include "stats/list.h"
#include "stats_fixture.h"

/* The listing of records as TSV (or format f). */
static char *
listed(const char *fields, const char *const *records, int sort_key, long top, enum ir_format f)
{
	struct ir_stats_conf c = IR_STATS_CONF_INIT;
	struct ir_listing l, part;
	struct ir_buf b = IR_BUF_INIT;
	struct ir_table t;
	size_t i;

	ck_assert_int_eq(ir_stats_conf_list(&c, fields, &b), 0);
	ir_listing_init(&l, &c);
	ir_listing_init(&part, &c);
	/* Every other record through a second listing, merged: the order is the input's. */
	for (i = 0; records[i] != NULL; i++) {
		struct ir_jobj o = IR_JOBJ_INIT;
		const char *why;
		size_t at;

		ck_assert_int_eq(ir_json_object(&o, records[i], strlen(records[i]), &why, &at), 0);
		ir_listing_add(i % 2 ? &part : &l, &o, 0, (long)i + 1);
		ir_jobj_free(&o);
	}
	ir_listing_merge(&l, &part);
	ck_assert_uint_eq(part.n, 0);
	ir_listing_table(&l, sort_key, top, &t);
	b.len = 0;
	ir_table_write(&t, f, 60, &b, NULL);
	ir_buf_addc(&b, '\0');
	ir_table_free(&t);
	ir_listing_free(&l);
	ir_listing_free(&part);
	ir_stats_conf_free(&c);
	return b.p;
}

static const char *const records[] = {
	"{\"id\":\"2024-003\",\"org\":\"Kite Books\",\"affected\":48000,\"data_types\":[\"card_number\",\"name\"],"
	"\"period\":{\"from\":\"2023-11-02\"},\"published\":\"2024-03-02\"}",
	"{\"id\":\"2024-001\",\"org\":\"株式会社ミナト精機\",\"affected\":null,\"data_types\":[],"
	"\"counts\":[{\"n\":3,\"unit\":\"件\"},{\"n\":5,\"unit\":\"人\"}],\"published\":\"2024-01-15\"}",
	"{\"id\":\"2024-002\",\"org\":\"あおば市\",\"affected\":35,\"data_types\":[\"name\"],\"v\":{\"a\":1}}",
	NULL,
};

START_TEST(cells)
{
	char *got = listed("id,affected,data_types,period.from,counts.unit,published:fy,v",
			   records, 0, 0, IR_FORMAT_TSV);

	ck_assert_str_eq(got, "id\taffected\tdata_types\tperiod.from\tcounts.unit\tpublished:fy\tv\n"
			      "2024-003\t48000\tcard_number;name\t2023-11-02\t\tFY2023\t\n"
			      "2024-001\t\t\t\t件;人\tFY2023\t\n"
			      "2024-002\t35\tname\t\t\t\t{\"a\":1}\n");
	free(got);
	got = listed("id,data_types,counts.n,v", records, 0, 0, IR_FORMAT_JSON);
	ck_assert_str_eq(got, "{\"id\":\"2024-003\",\"data_types\":[\"card_number\",\"name\"],"
			      "\"counts.n\":null,\"v\":null}\n"
			      "{\"id\":\"2024-001\",\"data_types\":[],\"counts.n\":[3,5],\"v\":null}\n"
			      "{\"id\":\"2024-002\",\"data_types\":[\"name\"],\"counts.n\":null,"
			      "\"v\":{\"a\":1}}\n");
	free(got);
}
END_TEST

START_TEST(order_and_top)
{
	char *got = listed("org,affected", records, 1, 0, IR_FORMAT_TSV);

	/* By the cells: strings by code point. */
	ck_assert_str_eq(got, "org\taffected\nKite Books\t48000\nあおば市\t35\n株式会社ミナト精機\t\n");
	free(got);
	got = listed("affected,id", records, 1, 2, IR_FORMAT_TSV);
	/* Numbers by value, null last; the first two. */
	ck_assert_str_eq(got, "affected\tid\n35\t2024-002\n48000\t2024-003\n");
	free(got);
	got = listed("id,affected", records, 0, 0, IR_FORMAT_TABLE);
	/* A column of numbers is one: on the right. */
	ck_assert_str_eq(got, "id        affected\n2024-003     48000\n2024-001         -\n"
			      "2024-002        35\n");
	free(got);
}
END_TEST

START_TEST(bad_fields)
{
	struct ir_stats_conf c = IR_STATS_CONF_INIT;
	struct ir_buf err = IR_BUF_INIT;

	ck_assert_int_eq(ir_stats_conf_list(&c, "id,,org", &err), -1);
	ck_assert_str_eq(ir_buf_cstr(&err),
			 "--list: '' is not a field (NAME or NAME.NAME..., and :BUCKET)");
	err.len = 0;
	ck_assert_int_eq(ir_stats_conf_list(&c, "published:daily", &err), -1);
	ck_assert_str_eq(ir_buf_cstr(&err), "--list: unknown date bucket in 'published:daily' "
					    "(year, fy, quarter, month, week or day)");
	ir_buf_free(&err);
	ir_stats_conf_free(&c);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("list");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, cells);
	tcase_add_test(tc, order_and_top);
	tcase_add_test(tc, bad_fields);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
