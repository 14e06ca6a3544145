#include "base/err.h"
#include "classify/classify.h"
#include "classify/report.h"
#include "stats/report.h"
#include "stats_fixture.h"

/* classify/report ----------------------------------------------------------- */

static struct ir_ruleset rs;
static struct ir_classifier cl;
static struct ir_buf out = IR_BUF_INIT;

static const char rules_text[] =
	"order misdelivery loss unauthorized_access\n"
	"veris misdelivery error internal\n"
	"veris loss error,physical internal,partner\n"
	"lead-end ^\\d*\\s*再発防止\n"
	"rule misdelivery 3 body BCC\n"
	"rule loss 2 body 紛失\n"
	"\tand 12 届け\n"
	"rule unauthorized_access 1 body 不正\n"
	"rule loss 2 title 書類\n"
	"rule unauthorized_access 2 body 侵入\n";

static void
classify_setup(void)
{
	ir_rules_init(&rs);
	ck_assert_int_eq(ir_rules_add(&rs, "mail.rules", rules_text, strlen(rules_text)), 0);
	ir_rules_ready(&rs);
	ir_classifier_init(&cl, &rs);
	out.len = 0;
}

static void
classify_teardown(void)
{
	ir_classifier_free(&cl);
	ir_rules_free(&rs);
	ir_buf_free(&out);
}

/* What fn writes of text, classified. */
static const char *
written(void (*fn)(const struct ir_classifier *, const char *, struct ir_buf *), const char *text)
{
	out.len = 0;
	ir_classify(&cl, text, strlen(text));
	fn(&cl, text, &out);
	return ir_buf_cstr(&out);
}

#define json_of(text) written(ir_classify_json, (text))
#define explain_of(text) written(ir_classify_explain, (text))

static const char notice[] =
	"【セキュリティ事件簿#2031-044】みどり市 申請書類の取り扱いについて\n"
	"市民課の職員が、ＢＣＣで送るべきメールを宛先に入れて送信しました。宛先の設定が不正でした。\n"
	"また、申請書類１件を紛失し、\n警察に届けました。\n";

START_TEST(json_of_a_notice)
{
	/* The category by precedence, the categories by score; the evidence
	 * as written (full-width ＢＣＣ, the line end inside a match) at its
	 * byte offset; of a label that does not fit, none. */
	ck_assert_str_eq(json_of(notice),
			 "\"category\":\"misdelivery\",\"categories\":[{\"label\":\"loss\",\"score\":4},"
			 "{\"label\":\"misdelivery\",\"score\":3}],\"evidence\":["
			 "{\"label\":\"misdelivery\",\"rule\":\"mail.rules:5\",\"match\":\"ＢＣＣ\","
			 "\"offset\":119},"
			 "{\"label\":\"loss\",\"rule\":\"mail.rules:6\",\"match\":\"紛失し、\\n警察に届け\","
			 "\"offset\":261},"
			 "{\"label\":\"loss\",\"rule\":\"mail.rules:9\",\"match\":\"書類\",\"offset\":61}],"
			 "\"veris\":{\"action\":[\"error\"],\"actor\":[\"internal\"]}");
	ck_assert_uint_eq(119, (size_t)(strstr(notice, "ＢＣＣ") - notice));
	ck_assert_uint_eq(261, (size_t)(strstr(notice, "紛失") - notice));
}
END_TEST

START_TEST(json_of_no_category)
{
	ck_assert_str_eq(json_of("【セキュリティ事件簿#2031-045】ひばり大学 お知らせ\n"
				 "本学のサイトを更新しました。\n"),
			 "\"category\":\"other\",\"categories\":[],\"evidence\":[],"
			 "\"veris\":{\"action\":[],\"actor\":[]}");
}
END_TEST

/* Equal scores keep the order of precedence; veris lists split at commas. */
START_TEST(json_ties_and_veris_lists)
{
	ck_assert_str_eq(json_of("【セキュリティ事件簿#2031-046】セキレイ書房 書類の紛失について\n"
				 "倉庫に何者かが侵入し、受注書類が持ち去られました。\n"),
			 "\"category\":\"loss\",\"categories\":[{\"label\":\"loss\",\"score\":2},"
			 "{\"label\":\"unauthorized_access\",\"score\":2}],\"evidence\":["
			 "{\"label\":\"loss\",\"rule\":\"mail.rules:9\",\"match\":\"書類\",\"offset\":61},"
			 "{\"label\":\"unauthorized_access\",\"rule\":\"mail.rules:10\",\"match\":\"侵入\","
			 "\"offset\":110}],"
			 "\"veris\":{\"action\":[\"error\",\"physical\"],\"actor\":[\"internal\",\"partner\"]}");
}
END_TEST

/* Appended, not overwritten: a record's members come first. */
START_TEST(json_appends)
{
	ir_classify(&cl, notice, strlen(notice));
	ir_buf_adds(&out, "{\"id\":\"2031-044\",");
	ir_classify_json(&cl, notice, &out);
	ck_assert_int_eq(strncmp(ir_buf_cstr(&out), "{\"id\":\"2031-044\",\"category\":\"misdelivery\",", 42), 0);
}
END_TEST

START_TEST(explain_marks_what_fits)
{
	ck_assert_str_eq(explain_of(notice),
			 "  category: misdelivery\n"
			 "  * misdelivery        +3  mail.rules:5  \"ＢＣＣ\" at 119\n"
			 "  * loss               +2  mail.rules:6  \"紛失し、 警察に届け\" at 261\n"
			 "    unauthorized_access +1  mail.rules:8  \"不正\" at 212\n"
			 "  * loss               +2  mail.rules:9  \"書類\" at 61\n");
	ck_assert_str_eq(explain_of("【セキュリティ事件簿#2031-045】ひばり大学 お知らせ\n本文\n"),
			 "  category: other\n");
}
END_TEST

START_TEST(names_of_rules)
{
	ir_classify_name(&rs, 0, &out);
	ir_buf_addc(&out, '|');
	ir_classify_name(&rs, rs.nrules - 1, &out);
	ir_buf_addc(&out, '|');
	ir_classify_name(&rs, rs.nrules, &out);
	ck_assert_str_eq(ir_buf_cstr(&out), "rule mail.rules:5|rule mail.rules:10|lead-end mail.rules:4");
	ck_assert_str_eq(ir_classify_fields[0], "category");
	ck_assert_str_eq(ir_classify_fields[IR_CLASSIFY_FIELDS - 1], "veris");
}
END_TEST

/* stats/report -------------------------------------------------------------- */

static const char *const stats_args[] = {
	"-g", "published:month", "--sum", "affected", "--max", "affected", "--distinct",
	"discovered:month", NULL,
};
static struct ir_stats_conf sc;
static struct ir_stats st;
static char *names[] = {"2024.ndjson", "2025.ndjson"};

static void
stats_setup(void)
{
	struct ir_buf err = IR_BUF_INIT;

	conf_of(&sc, stats_args);
	ck_assert_int_eq(ir_stats_conf_where(&sc, "--where", "org_type=company", &err), 0);
	ir_buf_free(&err);
	ir_stats_init(&st, &sc);
	ir_setprogname("ir-stats");
}

static void
stats_teardown(void)
{
	ir_stats_free(&st);
	ir_stats_conf_free(&sc);
}

static int
report(char *const *n, int nn, const char **said)
{
	int status;

	unit_stderr_begin();
	status = ir_stats_report(&st, n, nn);
	*said = unit_stderr_end();
	return status;
}

START_TEST(nothing_bad_nothing_said)
{
	const char *said;

	add(&st, "{\"kind\":\"incident\",\"org_type\":\"company\",\"published\":\"2024-05-01\","
		 "\"affected\":120}", 1);
	ck_assert_int_eq(report(names, 2, &said), IR_EXIT_OK);
	ck_assert_str_eq(said, "");
}
END_TEST

static void
add_at(long src, long line, const char *json)
{
	struct ir_jobj o = IR_JOBJ_INIT;
	const char *why;
	size_t at;

	ck_assert_int_eq(ir_json_object(&o, json, strlen(json), &why, &at), 0);
	ir_stats_add(&st, &o, src, line);
	ir_jobj_free(&o);
}

static const char bad_figure[] =
	"{\"kind\":\"incident\",\"org_type\":\"company\",\"published\":\"2024-05-01\","
	"\"affected\":\"約120件\",\"discovered\":\"先月\"}";

/* Each field's kind of bad value once, at its first place, in input order. */
START_TEST(first_places_in_input_order)
{
	const char *said;

	add_at(1, 1, "{\"kind\":\"incident\",\"org_type\":\"company\",\"published\":\"令和6年\","
		     "\"affected\":\"不明\"}");
	add_at(0, 9, bad_figure);
	add_at(0, 4, bad_figure);
	add_at(0, 2, "{\"kind\":\"incident\",\"org_type\":\"company\",\"published\":\"2024-06-03\","
		     "\"affected\":[30,\"数十\"]}");
	ir_stats_mark_bad(&st.gave_up[0], 0, 3);
	ir_stats_mark_bad(&st.gave_up[0], 1, 2);
	ck_assert_int_eq(report(names, 2, &said), IR_EXIT_DATA);
	ck_assert_str_eq(said,
			 "ir-stats: 2024.ndjson:2: affected: not a number\n"
			 "ir-stats: 2024.ndjson:3: --where 'org_type=company': gave up on this record "
			 "(taken as not matching)\n"
			 "ir-stats: 2024.ndjson:4: discovered: not a date\n"
			 "ir-stats: 2025.ndjson:1: published: not a date\n");
}
END_TEST

/* On one line, by the field's name. */
START_TEST(one_line_by_name)
{
	const char *said;

	add_at(0, 7, "{\"kind\":\"incident\",\"org_type\":\"company\",\"published\":\"不明\","
		     "\"affected\":\"多数\",\"discovered\":\"昨年\"}");
	ck_assert_int_eq(report(names, 2, &said), IR_EXIT_DATA);
	ck_assert_str_eq(said,
			 "ir-stats: 2024.ndjson:7: affected: not a number\n"
			 "ir-stats: 2024.ndjson:7: discovered: not a date\n"
			 "ir-stats: 2024.ndjson:7: published: not a date\n");
}
END_TEST

/* Standard input has no name; an incident merged from states has no place. */
START_TEST(no_name_and_no_place)
{
	const char *said;

	add_at(0, 5, bad_figure);
	ir_stats_mark_bad(&st.gave_up[0], -1, -1);
	ck_assert_int_eq(report(NULL, 0, &said), IR_EXIT_DATA);
	ck_assert_str_eq(said,
			 "ir-stats: --where 'org_type=company': gave up on this record (taken as not "
			 "matching)\n"
			 "ir-stats: -:5: affected: not a number\n"
			 "ir-stats: -:5: discovered: not a date\n");
}
END_TEST

START_TEST(a_sum_that_overflowed)
{
	struct ir_group **g;
	const char *said;
	size_t n;

	add_at(0, 1, "{\"kind\":\"incident\",\"org_type\":\"company\",\"published\":\"2024-05-01\","
		     "\"affected\":120}");
	add_at(0, 2, "{\"kind\":\"incident\",\"org_type\":\"company\",\"published\":\"2024-07-01\","
		     "\"affected\":7}");
	ck_assert(!ir_stats_overflowed(&st, 0));
	g = ir_stats_groups(&st, &n);
	ck_assert_uint_eq(n, 2);
	g[1]->num[0].sum.overflow = 1;
	free(g);
	ck_assert_int_eq(report(names, 2, &said), IR_EXIT_DATA);
	ck_assert_str_eq(said, "ir-stats: affected: the sum overflows (more than 2^64 numbers); its n, "
			       "sum and mean are left empty\n");
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("classify");
	TCase *stats = tcase_create("stats");

	tcase_add_checked_fixture(tc, classify_setup, classify_teardown);
	tcase_add_test(tc, json_of_a_notice);
	tcase_add_test(tc, json_of_no_category);
	tcase_add_test(tc, json_ties_and_veris_lists);
	tcase_add_test(tc, json_appends);
	tcase_add_test(tc, explain_marks_what_fits);
	tcase_add_test(tc, names_of_rules);
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(stats, stats_setup, stats_teardown);
	tcase_add_test(stats, nothing_bad_nothing_said);
	tcase_add_test(stats, first_places_in_input_order);
	tcase_add_test(stats, one_line_by_name);
	tcase_add_test(stats, no_name_and_no_place);
	tcase_add_test(stats, a_sum_that_overflowed);
	suite_add_tcase(s, stats);
	return s;
}

UNIT_MAIN_PREPARED(suite, ir_classify_prepare)
