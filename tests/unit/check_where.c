#include "stats/where.h"
#include "unit.h"

/* A made-up record with every kind of value the conditions meet. */
static const char rec[] =
	"{\"kind\":\"incident\",\"org\":\"株式会社ミナト精機\",\"org_type\":\"company\","
	"\"published\":\"2023-04-01\",\"discovered\":\"2023-03-15T09:00\",\"affected\":1200,"
	"\"score\":0.25,\"data_types\":[\"email\",\"name\"],\"reported_to\":[],\"report_no\":null,"
	"\"contractor\":true,\"veris\":{\"action\":[\"hacking\",\"malware\"]},"
	"\"period\":{\"from\":\"2023-01\"},\"title\":\"a\\nb\"}";

/* Does expr hold for rec? */
static int
holds(const char *expr)
{
	struct ir_jobj o = IR_JOBJ_INIT;
	struct ir_where w;
	struct ir_where_scratch s;
	struct ir_buf err = IR_BUF_INIT;
	const char *why;
	size_t at;
	int r, gave_up = 0;

	ck_assert_int_eq(ir_json_object(&o, rec, strlen(rec), &why, &at), 0);
	ck_assert_msg(ir_where_parse(&w, "--where", expr, &err) == 0, "%s", ir_buf_cstr(&err));
	ir_where_scratch_init(&s, &w);
	r = ir_where_holds(&w, &s, &o, &gave_up);
	ck_assert(!gave_up);
	ir_where_scratch_free(&s);
	ir_where_free(&w);
	ir_jobj_free(&o);
	ir_buf_free(&err);
	return r;
}

struct want {
	const char *expr;
	int holds;
};

static void
expect_all(const struct want *w, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		ck_assert_msg(holds(w[i].expr) == w[i].holds, "%s: want %d", w[i].expr, w[i].holds);
}

START_TEST(equality)
{
	static const struct want cases[] = {
		{"org_type=company", 1},
		{"org_type=Company", 0},
		{"org=株式会社ミナト精機", 1},
		{"org_type!=local_gov", 1},
		{"org_type!=company", 0},
		/* Numbers by value; true and false by name. */
		{"affected=1200", 1},
		{"affected=1.2e3", 1},
		{"affected=1201", 0},
		{"score=0.250", 1},
		{"contractor=true", 1},
		{"contractor=false", 0},
		{"title=a\nb", 1},
		/* The empty value is the empty string. */
		{"org=", 0},
	};

	expect_all(cases, sizeof cases / sizeof cases[0]);
}
END_TEST

START_TEST(arrays_nulls_and_missing_fields)
{
	static const struct want cases[] = {
		/* An array holds when any element does; != when none does. */
		{"data_types=name", 1},
		{"data_types=email", 1},
		{"data_types=card_number", 0},
		{"data_types!=card_number", 1},
		{"data_types!=name", 0},
		{"veris.action=malware", 1},
		/* Null, an empty array and a missing field never hold; != holds. */
		{"report_no=null", 0},
		{"report_no>=0", 0},
		{"report_no!=2", 1},
		{"reported_to=ppc", 0},
		{"reported_to!=ppc", 1},
		{"missing=x", 0},
		{"missing~.", 0},
		{"missing!=x", 1},
		/* An object is never equal to text. */
		{"veris=hacking", 0},
	};

	expect_all(cases, sizeof cases / sizeof cases[0]);
}
END_TEST

START_TEST(numbers_ordered)
{
	static const struct want cases[] = {
		{"affected>1000", 1},
		{"affected>=1200", 1},
		{"affected>1200", 0},
		{"affected<=1200", 1},
		{"affected<1e4", 1},
		{"affected<-5", 0},
		{"score<0.3", 1},
		{"score>-1", 1},
		/* A string is not a number. */
		{"org>0", 0},
	};

	expect_all(cases, sizeof cases / sizeof cases[0]);
}
END_TEST

START_TEST(dates_ordered)
{
	static const struct want cases[] = {
		{"published>=2023-04-01", 1},
		{"published>2023-04-01", 0},
		{"published<2023-04-02", 1},
		/* As far as the value goes: all of April, all of 2023. */
		{"published<=2023-04", 1},
		{"published>=2023-04", 1},
		{"published<2023-04", 0},
		{"published>2023-03", 1},
		{"published<=2023", 1},
		{"published>2023", 0},
		{"published>=2022", 1},
		/* A date with a time; a month alone against a day. */
		{"discovered<2023-03-16", 1},
		{"discovered=2023-03-15T09:00", 1},
		{"period.from>=2023-01-01", 0},
		{"period.from<=2023-01", 1},
		/* Not a date: never in order. */
		{"org<2030", 0},
		{"org_type>1999", 0},
	};

	expect_all(cases, sizeof cases / sizeof cases[0]);
}
END_TEST

START_TEST(patterns)
{
	static const struct want cases[] = {
		{"org~^株式会社", 1},
		{"org~精機$", 1},
		{"org~^精機", 0},
		{"org~ミ.ト", 1}, /* one character, not one byte */
		{"data_types~^na", 1},
		{"affected~^12", 1}, /* a number by its JSON text */
		{"contractor~true", 1},
		{"report_no~.", 0},
		{"title~^a$", 0}, /* not multi-line */
	};

	expect_all(cases, sizeof cases / sizeof cases[0]);
}
END_TEST

static void
refused(const char *opt, const char *expr, const char *want)
{
	struct ir_where w;
	struct ir_buf err = IR_BUF_INIT;
	int r;

	if (strcmp(opt, "--where") == 0)
		r = ir_where_parse(&w, opt, expr, &err);
	else
		r = ir_where_date(&w, opt, IR_WHERE_GE, expr, &err);
	ck_assert_int_eq(r, -1);
	ck_assert_str_eq(ir_buf_cstr(&err), want);
	ir_buf_free(&err);
}

START_TEST(bad_expressions)
{
	refused("--where", "category", "--where: 'category' is not FIELD=VALUE, FIELD!=VALUE, "
				       "FIELD<N, FIELD<=N, FIELD>N, FIELD>=N or FIELD~REGEX");
	refused("--where", "=x", "--where: '=x' is not FIELD=VALUE, FIELD!=VALUE, FIELD<N, "
				 "FIELD<=N, FIELD>N, FIELD>=N or FIELD~REGEX");
	refused("--where", "a..b=1", "--where: 'a..b=1' is not FIELD=VALUE, FIELD!=VALUE, "
				     "FIELD<N, FIELD<=N, FIELD>N, FIELD>=N or FIELD~REGEX");
	refused("--where", "a!~x", "--where: 'a!~x' is not FIELD=VALUE, FIELD!=VALUE, FIELD<N, "
				   "FIELD<=N, FIELD>N, FIELD>=N or FIELD~REGEX");
	refused("--where", "org<M", "--where: 'org<M': < <= > >= compare numbers, or dates "
				    "written YYYY, YYYY-MM or YYYY-MM-DD");
	refused("--where", "published<2023-02-30", "--where: 'published<2023-02-30': < <= > >= "
						   "compare numbers, or dates written YYYY, "
						   "YYYY-MM or YYYY-MM-DD");
	refused("--where", "org~(x", "--where: 'org~(x': missing closing parenthesis at offset 2 "
				     "of the pattern");
	refused("--since", "2023/04", "--since: expected a date (YYYY, YYYY-MM or YYYY-MM-DD), "
				      "not '2023/04'");
	refused("--since", "2023-13", "--since: expected a date (YYYY, YYYY-MM or YYYY-MM-DD), "
				      "not '2023-13'");
}
END_TEST

START_TEST(since_and_until)
{
	struct ir_where w;
	struct ir_buf err = IR_BUF_INIT;

	ck_assert_int_eq(ir_where_date(&w, "--since", IR_WHERE_GE, "2024-02-29", &err), 0);
	ck_assert_str_eq(w.text, "published>=2024-02-29");
	ir_where_free(&w);
	ck_assert_int_eq(ir_where_date(&w, "--until", IR_WHERE_LE, "2023", &err), 0);
	ck_assert_str_eq(w.text, "published<=2023");
	ck_assert_int_eq(w.op, IR_WHERE_LE);
	ir_where_free(&w);
	ck_assert(ir_where_is_date("2024-02-29", 10));
	ck_assert(!ir_where_is_date("2023-02-29", 10));
	ck_assert(!ir_where_is_date("1900-02-29", 10));
	ck_assert(!ir_where_is_date("0000", 4));
	ck_assert(!ir_where_is_date("2023-1", 6));
	ir_buf_free(&err);
}
END_TEST

START_TEST(a_pattern_that_runs_out_of_work)
{
	static const char text[] = "{\"t\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab\",\"u\":\"aaa\"}";
	struct ir_jobj o = IR_JOBJ_INIT;
	struct ir_where w;
	struct ir_where_scratch s;
	struct ir_buf err = IR_BUF_INIT;
	const char *why;
	size_t at;
	int gave_up = 0;

	ck_assert_int_eq(ir_json_object(&o, text, strlen(text), &why, &at), 0);
	ck_assert_int_eq(ir_where_parse(&w, "--where", "t~^(a|aa)+$", &err), 0);
	ir_where_scratch_init(&s, &w);
	ck_assert_int_eq(ir_where_holds(&w, &s, &o, &gave_up), 0);
	ck_assert(gave_up);
	ir_where_scratch_free(&s);
	ir_where_free(&w);
	/* The same pattern on a short value just matches. */
	ck_assert_int_eq(ir_where_parse(&w, "--where", "u~^(a|aa)+$", &err), 0);
	ir_where_scratch_init(&s, &w);
	gave_up = 0;
	ck_assert_int_eq(ir_where_holds(&w, &s, &o, &gave_up), 1);
	ck_assert(!gave_up);
	ir_where_scratch_free(&s);
	ir_where_free(&w);
	ir_jobj_free(&o);
	ir_buf_free(&err);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("where");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, equality);
	tcase_add_test(tc, arrays_nulls_and_missing_fields);
	tcase_add_test(tc, numbers_ordered);
	tcase_add_test(tc, dates_ordered);
	tcase_add_test(tc, patterns);
	tcase_add_test(tc, bad_expressions);
	tcase_add_test(tc, since_and_until);
	tcase_add_test(tc, a_pattern_that_runs_out_of_work);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
