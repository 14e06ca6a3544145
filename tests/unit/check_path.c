#include "json/path.h"
#include "unit.h"

static const char rec[] =
	"{\"a\":1,\"b\":{\"c\":\"x\",\"d\":[1,2]},\"e\":[{\"f\":1},{\"f\":\"two\"},{\"g\":3},5,"
	"[{\"f\":null}]],\"n\":null,\"arr\":[],\"s\":\"\\u3042\",\"b\":{\"c\":\"last\"}}";

/* The canonical texts of the values at path, joined by spaces; found: how often it is there. */
static void
expect_found(const char *path, const char *want, size_t found)
{
	struct ir_jobj o = IR_JOBJ_INIT;
	struct ir_jpath p;
	struct ir_jvals v = {0};
	struct ir_buf b = IR_BUF_INIT;
	const char *why;
	size_t at, i;

	ck_assert_int_eq(ir_json_object(&o, rec, strlen(rec), &why, &at), 0);
	ck_assert_int_eq(ir_jpath_parse(&p, path, strlen(path)), 0);
	ir_jpath_values(&p, &o, &v);
	for (i = 0; i < v.n; i++) {
		if (i > 0)
			ir_buf_addc(&b, ' ');
		ir_json_canonical(&b, v.v[i].tok, v.v[i].len, v.v[i].type);
	}
	ck_assert_msg(b.len == strlen(want) && (b.len == 0 || memcmp(b.p, want, b.len) == 0),
		      "%s: got '%.*s', want '%s'", path, (int)b.len, b.p, want);
	ck_assert_uint_eq(v.found, found);
	ir_buf_free(&b);
	ir_jvals_free(&v);
	ir_jpath_free(&p);
	ir_jobj_free(&o);
}

static void
expect_values(const char *path, const char *want)
{
	expect_found(path, want, want[0] != '\0');
}

START_TEST(paths_parse)
{
	struct ir_jpath p;

	ck_assert_int_eq(ir_jpath_parse(&p, "veris.action", 12), 0);
	ck_assert_uint_eq(p.n, 2);
	ck_assert_str_eq(p.key[0], "veris");
	ck_assert_str_eq(p.key[1], "action");
	ir_jpath_free(&p);
	ck_assert_int_eq(ir_jpath_parse(&p, "a..b", 4), -1);
	ck_assert_int_eq(ir_jpath_parse(&p, ".a", 2), -1);
	ck_assert_int_eq(ir_jpath_parse(&p, "a.", 2), -1);
	ck_assert_int_eq(ir_jpath_parse(&p, "", 0), -1);
}
END_TEST

START_TEST(values_of_a_path)
{
	expect_values("a", "1");
	expect_values("b.c", "\"last\""); /* the last of a repeated key */
	expect_values("b", "{\"c\":\"last\"}");
	expect_found("e.f", "1 \"two\" null", 3);
	expect_values("n", "null");
	/* An empty array is there, with no value; a missing key is not there. */
	expect_found("arr", "", 1);
	expect_values("missing", "");
	expect_values("a.x", "");
	expect_values("s", "\"あ\"");
}
END_TEST

START_TEST(whole_arrays)
{
	struct ir_jobj o = IR_JOBJ_INIT;
	struct ir_jpath p;
	struct ir_jvals v = {0};
	const char *why;
	size_t at;

	ck_assert_int_eq(ir_json_object(&o, rec, strlen(rec), &why, &at), 0);
	ck_assert_int_eq(ir_jpath_parse(&p, "b.d", 3), 0);
	p.whole = 1;
	ck_assert_int_eq(p.whole, 1);
	/* The last b has no d; the array of the first is one value when whole. */
	ir_jpath_values(&p, &o, &v);
	ck_assert_uint_eq(v.n, 0);
	ir_jpath_free(&p);
	ck_assert_int_eq(ir_jpath_parse(&p, "arr", 3), 0);
	p.whole = 1;
	ir_jpath_values(&p, &o, &v);
	ck_assert_uint_eq(v.n, 1);
	ck_assert(v.v[0].type == IR_JARRAY && v.v[0].len == 2);
	ir_jvals_free(&v);
	ir_jpath_free(&p);
	ir_jobj_free(&o);
}
END_TEST

START_TEST(array_elements)
{
	const char *a = "[ 1 , \"a\" ,[2, 3] ,{} ]";
	struct ir_jval v;
	size_t pos = 0, n = 0;

	while (ir_jarr_next(a, strlen(a), &pos, &v)) {
		n++;
		if (n == 3)
			ck_assert(v.type == IR_JARRAY && v.len == 6);
	}
	ck_assert_uint_eq(n, 4);
	pos = 0;
	ck_assert_int_eq(ir_jarr_next("[]", 2, &pos, &v), 0);
	pos = 0;
	ck_assert_int_eq(ir_jarr_next(" [ ] ", 5, &pos, &v), 0);
}
END_TEST

static void
expect_canonical(const char *in, enum ir_jtype t, const char *want)
{
	struct ir_buf b = IR_BUF_INIT;

	ir_json_canonical(&b, in, strlen(in), t);
	ck_assert_buf_eq(b.p, b.len, want);
	ir_buf_free(&b);
}

START_TEST(canonical_text)
{
	expect_canonical("\"\\u3042\\/\\n\"", IR_JSTRING, "\"あ/\\n\"");
	expect_canonical("\"plain\"", IR_JSTRING, "\"plain\"");
	expect_canonical("1.0", IR_JNUMBER, "1");
	expect_canonical("1e2", IR_JNUMBER, "100");
	expect_canonical("0.50", IR_JNUMBER, "0.5");
	expect_canonical("-0", IR_JNUMBER, "0");
	expect_canonical("[ 1.0 , \"x\" ]", IR_JARRAY, "[1,\"x\"]");
	expect_canonical("{ \"b\" : 1 , \"a\" : [ 2.0 ] , \"b\" : 2 }", IR_JOBJECT,
			 "{\"a\":[2],\"b\":2}");
	expect_canonical("{}", IR_JOBJECT, "{}");
	expect_canonical("null", IR_JNULL, "null");
	expect_canonical("true", IR_JTRUE, "true");
}
END_TEST

static int
cmp(const char *a, const char *b)
{
	return ir_json_canon_cmp(a, strlen(a), b, strlen(b));
}

START_TEST(canonical_order)
{
	ck_assert_int_lt(cmp("2", "10"), 0);      /* numbers by value */
	ck_assert_int_lt(cmp("-1.5", "-1"), 0);
	ck_assert_int_lt(cmp("\"a\"", "\"b\""), 0);
	ck_assert_int_lt(cmp("\"z\"", "\"あ\""), 0); /* code points */
	ck_assert_int_lt(cmp("\"a\\\"\"", "\"a#\""), 0); /* '"' < '#', escaped or not */
	ck_assert_int_lt(cmp("99", "\"1\""), 0);  /* numbers first */
	ck_assert_int_lt(cmp("\"x\"", "false"), 0);
	ck_assert_int_lt(cmp("true", "[1]"), 0);
	ck_assert_int_lt(cmp("{}", "null"), 0);   /* null last */
	ck_assert_int_eq(cmp("\"2023-08\"", "\"2023-08\""), 0);
	ck_assert_int_gt(cmp("\"2023-10\"", "\"2023-09\""), 0);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("jpath");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, paths_parse);
	tcase_add_test(tc, values_of_a_path);
	tcase_add_test(tc, whole_arrays);
	tcase_add_test(tc, array_elements);
	tcase_add_test(tc, canonical_text);
	tcase_add_test(tc, canonical_order);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
