#include <jansson.h>

#include "json/scan.h"
#include "unit.h"

static int
is_object(const char *t)
{
	struct ir_jobj o = IR_JOBJ_INIT;
	const char *why;
	size_t at;
	int r = ir_json_object(&o, t, strlen(t), &why, &at);

	ir_jobj_free(&o);
	return r == 0;
}

START_TEST(objects_accepted_and_refused)
{
	static const char *const good[] = {
		"{}", " {\"a\":1}\n", "{\"kind\":\"incident\",\"line\":3,\"x\":[1,{\"y\":null},true,false,-0.5e+3]}",
		"{\"t\":\"\\u6f0f\\ud83d\\ude00\\n\\\"\"}", "{\"\":{}}", "{\"a\":[]}\r\n",
		"{\"文\":\"漏えい\"}",
	};
	static const char *const bad[] = {
		"", "[]", "5", "\"s\"", "null", "{", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{a:1}",
		"{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":tru}", "{\"a\":\"x}", "{\"a\":1} x",
		"{\"a\":\"\\x\"}", "{\"a\":\"\\ud800\"}", "{\"a\":\"\\udc00\"}", "{\"a\":\"\x01\"}",
		"{\"a\":\"\xff\"}", "{\"a\":[1,2}", "{\"a\":{\"b\":1]}", "{\"a\":1}}",
	};
	size_t i;

	for (i = 0; i < sizeof good / sizeof *good; i++)
		ck_assert_msg(is_object(good[i]), "refused %s", good[i]);
	for (i = 0; i < sizeof bad / sizeof *bad; i++)
		ck_assert_msg(!is_object(bad[i]), "accepted %s", bad[i]);
}
END_TEST

/* The message ir_json_object gives for t, or "" when it is an object. */
static const char *
fault(const char *t)
{
	struct ir_jobj o = IR_JOBJ_INIT;
	const char *why = "";
	size_t at;

	if (ir_json_object(&o, t, strlen(t), &why, &at) == 0)
		why = "";
	ir_jobj_free(&o);
	return why;
}

START_TEST(faults_say_what_is_wrong)
{
	static const char *const syntax[] = {"[]", "{\"a\":}", "{\"a\":1} x", "{\"a\":\"\\x\"}", "{a:1}"};
	char deep[600 + 8];
	size_t i;

	for (i = 0; i < sizeof syntax / sizeof *syntax; i++)
		ck_assert_str_eq(fault(syntax[i]), "not a JSON object");
	ck_assert_str_eq(fault("{\"a\":\"x\\ud800y\"}"), "lone surrogate (\\uD800-\\uDFFF without its pair) in a string");
	ck_assert_str_eq(fault("{\"a\":\"\\udfff\"}"), "lone surrogate (\\uD800-\\uDFFF without its pair) in a string");
	ck_assert_str_eq(fault("{\"\\ud83d\\u0041\":1}"), "lone surrogate (\\uD800-\\uDFFF without its pair) in a string");
	ck_assert_str_eq(fault("{\"a\":\"\xe6\xbc\"}"), "invalid UTF-8 in a string");
	ck_assert_str_eq(fault("{\"a\xff\":1}"), "invalid UTF-8 in a string");
	ck_assert_str_eq(fault("{\"a\":\"\t\"}"), "unescaped control character in a string");
	/* 513 levels: valid JSON, refused, and said so. */
	strcpy(deep, "{\"a\":");
	for (i = 0; i < 513; i++)
		deep[5 + i] = '[';
	deep[5 + i] = '\0';
	ck_assert_str_eq(fault(deep), "JSON nested more than 512 levels deep");
	deep[5 + 512] = '\0';
	ck_assert_str_eq(fault(deep), "not a JSON object"); /* 512 open: only cut short */
}
END_TEST

START_TEST(deep_nesting_is_refused_not_followed)
{
	size_t n = 100000, i;
	char *t = malloc(2 * n + 8);

	strcpy(t, "{\"a\":");
	for (i = 0; i < n; i++)
		t[6 + i] = '[';
	for (i = 0; i < n; i++)
		t[6 + n + i] = ']';
	strcpy(t + 6 + 2 * n, "}");
	ck_assert(!is_object(t));
	free(t);
}
END_TEST

START_TEST(members_and_strings)
{
	const char *t = "{\"kind\":\"incident\",\"text\":\"行1\\n\\u884c2\",\"kind\":\"noise\",\"n\":[1, 2]}";
	struct ir_jobj o = IR_JOBJ_INIT;
	struct ir_buf b = IR_BUF_INIT;
	const struct ir_jmember *m;
	const char *why;
	size_t at;

	ck_assert_int_eq(ir_json_object(&o, t, strlen(t), &why, &at), 0);
	ck_assert_uint_eq(o.n, 4);
	m = ir_json_get(&o, "kind");
	ck_assert_ptr_nonnull(m);
	ck_assert_buf_eq(t + m->val, m->val_len, "\"noise\"");
	m = ir_json_get(&o, "text");
	ck_assert_int_eq(m->type, IR_JSTRING);
	ir_json_unescape(t + m->val, m->val_len, &b);
	ck_assert_buf_eq(b.p, b.len, "行1\n行2");
	m = ir_json_get(&o, "n");
	ck_assert_int_eq(m->type, IR_JARRAY);
	ck_assert_buf_eq(t + m->val, m->val_len, "[1, 2]");
	ck_assert_ptr_null(ir_json_get(&o, "missing"));
	ir_buf_free(&b);
	ir_jobj_free(&o);
}
END_TEST

/* Mutated records must be accepted exactly when jansson accepts them. */
START_TEST(agrees_with_jansson)
{
	const char *base = "{\"kind\":\"incident\",\"id\":\"2025-001\",\"line\":12,\"x\":[1.5e3,{\"y\":null,\"z\":false}],"
			   "\"text\":\"見本市\\nお詫び\\t\\\"引用\\\" \\u3042\"}";
	size_t n = strlen(base);
	char *t = malloc(n + 1);
	unsigned seed = 12345;
	int round;

	for (round = 0; round < 20000; round++) {
		int k, edits = 1 + round % 3;
		json_error_t e;
		json_t *j;
		int want;

		memcpy(t, base, n + 1);
		for (k = 0; k < edits; k++) {
			seed = seed * 1103515245 + 12345;
			t[(seed >> 8) % n] = "{}[]\":,\\0123456789.eE+-tfnaxu \x80\xe3"[(seed >> 20) % 32];
		}
		if (strstr(t, "\\u0000") != NULL)
			continue; /* jansson refuses NUL escapes by default; JSON allows them */
		j = json_loadb(t, n, 0, &e);
		want = j != NULL && json_is_object(j);
		json_decref(j);
		ck_assert_msg(is_object(t) == want, "disagree on %s", t);
	}
	free(t);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("scan");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, objects_accepted_and_refused);
	tcase_add_test(tc, faults_say_what_is_wrong);
	tcase_add_test(tc, deep_nesting_is_refused_not_followed);
	tcase_add_test(tc, members_and_strings);
	tcase_add_test(tc, agrees_with_jansson);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
