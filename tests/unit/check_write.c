#include "json/write.h"
#include "unit.h"

START_TEST(strings_are_escaped)
{
	struct ir_buf b = IR_BUF_INIT;
	struct ir_buf in = IR_BUF_INIT, want = IR_BUF_INIT;
	int i;

	ir_json_str(&b, "改行\n\"引用\" \\ タブ\t\x01\x1f\r\b\f", strlen("改行\n\"引用\" \\ タブ\t\x01\x1f\r\b\f"));
	ck_assert_buf_eq(b.p, b.len, "\"改行\\n\\\"引用\\\" \\\\ タブ\\t\\u0001\\u001f\\r\\b\\f\"");
	b.len = 0;
	ir_json_str(&b, "a\0b", 3);
	ck_assert_buf_eq(b.p, b.len, "\"a\\u0000b\"");
	/* Escapes at every offset of the 16-byte blocks. */
	ir_buf_addc(&want, '"');
	for (i = 0; i < 100; i++) {
		ir_buf_adds(&in, i % 7 ? "あ" : "\n");
		ir_buf_adds(&want, i % 7 ? "あ" : "\\n");
	}
	ir_buf_addc(&want, '"');
	b.len = 0;
	ir_json_str(&b, in.p, in.len);
	ck_assert_buf_eq(b.p, b.len, ir_buf_cstr(&want));
	ir_buf_free(&b);
	ir_buf_free(&in);
	ir_buf_free(&want);
}
END_TEST

START_TEST(numbers)
{
	struct ir_buf b = IR_BUF_INIT;
	struct ir_jw w;

	ir_jw_start(&w, &b);
	ir_jw_array(&w);
	ir_jw_long(&w, -42);
	ir_jw_ulong(&w, 18446744073709551615ULL);
	ir_jw_double(&w, 0.1);
	ir_jw_double(&w, 5960000);
	ir_jw_double(&w, 1.0 / 0.0);
	ir_jw_double(&w, 1e300);
	ir_jw_long(&w, 0);
	ir_jw_long(&w, -9223372036854775807LL - 1);
	ir_jw_ulong(&w, 0);
	ir_jw_end(&w);
	ck_assert_buf_eq(b.p, b.len, "[-42,18446744073709551615,0.1,5960000,null,1e+300,0,-9223372036854775808,0]");
	ir_buf_free(&b);
}
END_TEST

START_TEST(nested_values_get_their_commas)
{
	struct ir_buf b = IR_BUF_INIT;
	struct ir_jw w;

	ir_jw_start(&w, &b);
	ir_jw_object(&w);
	ir_jw_key(&w, "kind");
	ir_jw_cstr(&w, "noise");
	ir_jw_key(&w, "counts");
	ir_jw_array(&w);
	ir_jw_object(&w);
	ir_jw_key(&w, "n");
	ir_jw_long(&w, 3);
	ir_jw_key(&w, "unit");
	ir_jw_cstr(&w, "件");
	ir_jw_end(&w);
	ir_jw_object(&w);
	ir_jw_end(&w);
	ir_jw_array(&w);
	ir_jw_end(&w);
	ir_jw_end(&w);
	ir_jw_key(&w, "org");
	ir_jw_cstr(&w, NULL);
	ir_jw_key(&w, "ok");
	ir_jw_bool(&w, 1);
	ir_jw_key(&w, "raw");
	ir_jw_raw(&w, "{\"a\":[1]}", 9);
	ir_jw_key(&w, "k\"ey");
	ir_jw_bool(&w, 0);
	ir_jw_end(&w);
	ck_assert_buf_eq(b.p, b.len,
			 "{\"kind\":\"noise\",\"counts\":[{\"n\":3,\"unit\":\"件\"},{},[]],"
			 "\"org\":null,\"ok\":true,\"raw\":{\"a\":[1]},\"k\\\"ey\":false}");
	ir_buf_free(&b);
}
END_TEST

/* What a stage appends to a record it passes on: members, no braces. */
START_TEST(members_of_an_open_object)
{
	struct ir_buf b = IR_BUF_INIT;
	struct ir_jw w;

	ir_jw_members(&w, &b, 1);
	ir_jw_key(&w, "a");
	ir_jw_long(&w, 1);
	ir_jw_key(&w, "b");
	ir_jw_array(&w);
	ir_jw_cstr(&w, "x");
	ir_jw_end(&w);
	ck_assert_buf_eq(b.p, b.len, "\"a\":1,\"b\":[\"x\"]");
	b.len = 0;
	ir_jw_members(&w, &b, 0);
	ir_jw_key(&w, "c");
	ir_jw_null(&w);
	ck_assert_buf_eq(b.p, b.len, ",\"c\":null");
	ir_buf_free(&b);
}
END_TEST

/* A value another module formats into the buffer itself. */
START_TEST(values_formatted_elsewhere)
{
	struct ir_buf b = IR_BUF_INIT;
	struct ir_jw w;

	ir_jw_start(&w, &b);
	ir_jw_array(&w);
	ir_jw_value(&w);
	ir_buf_adds(&b, "170141183460469231731687303715884105727");
	ir_jw_value(&w);
	ir_buf_adds(&b, "2");
	ir_jw_end(&w);
	ck_assert_buf_eq(b.p, b.len, "[170141183460469231731687303715884105727,2]");
	ir_buf_free(&b);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("write");
	TCase *tc = tcase_create("write");

	tcase_add_test(tc, strings_are_escaped);
	tcase_add_test(tc, numbers);
	tcase_add_test(tc, nested_values_get_their_commas);
	tcase_add_test(tc, members_of_an_open_object);
	tcase_add_test(tc, values_formatted_elsewhere);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
