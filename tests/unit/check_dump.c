#include "classify/dump.h"
#include "unit.h"

static struct ir_ruleset rs;
static struct ir_buf out = IR_BUF_INIT;

static const char *
dump(const char *text)
{
	ir_rules_init(&rs);
	ck_assert_int_eq(ir_rules_add(&rs, "t.rules", text, strlen(text)), 0);
	out.len = 0;
	ir_rules_dump(&rs, &out);
	return ir_buf_cstr(&out);
}

static void
teardown(void)
{
	ir_rules_free(&rs);
	ir_buf_free(&out);
}

START_TEST(empty_rule_set_gives_the_defaults)
{
	ck_assert_str_eq(dump(""), "# The rules in effect (see ir-rules(5)).\n\n"
				   "order\n"
				   "min-score 2\n"
				   "lead-chars 1500\n"
				   "\n");
}
END_TEST

START_TEST(settings_and_a_rule)
{
	ck_assert_str_eq(dump("# 誤送信の規則\n"
			      "order misdelivery loss\n"
			      "min-score 3\n"
			      "min-score loss 4\n"
			      "lead-chars 200\n"
			      "lead-end ^\\d*\\s*再発防止\n"
			      "veris misdelivery error internal\n"
			      "rule misdelivery 2 title,lead 誤送信|宛先を誤\n"),
			 "# The rules in effect (see ir-rules(5)).\n\n"
			 "order misdelivery loss\n"
			 "min-score 3\n"
			 "min-score loss 4\n"
			 "lead-chars 200\n"
			 "# t.rules:6\n"
			 "lead-end ^\\d*\\s*再発防止\n"
			 "\n"
			 "veris misdelivery error internal\n"
			 "\n"
			 "# t.rules:8\n"
			 "rule misdelivery 2 title,lead 誤送信|宛先を誤\n");
}
END_TEST

/* Named scopes are spelt out in the rules; the names stay for the reader. */
START_TEST(scopes_moods_and_conditions_spelt_out)
{
	ck_assert_str_eq(dump("scope story title overview cause\n"
			      "veris loss - internal\n"
			      "rule loss 3 story,data,other 紛失\n"
			      "\tmood fact advice\n"
			      "\tand clause 書類|USB\n"
			      "\tand 10 持ち出\n"
			      "\tunless sentence 訓練\n"
			      "rule theft -1 body 盗難\n"
			      "\tmood denied\n"),
			 "# The rules in effect (see ir-rules(5)).\n\n"
			 "order loss theft\n"
			 "min-score 2\n"
			 "lead-chars 1500\n"
			 "scope story title,overview,cause\n"
			 "\n"
			 "veris loss - internal\n"
			 "\n"
			 "# t.rules:3\n"
			 "rule loss 3 title,overview,cause,data,other 紛失\n"
			 "\tmood fact advice\n"
			 "\tand clause 書類|USB\n"
			 "\tand 10 持ち出\n"
			 "\tunless sentence 訓練\n"
			 "\n"
			 "# t.rules:8\n"
			 "rule theft -1 body 盗難\n"
			 "\tmood denied\n");
}
END_TEST

START_TEST(rules_of_several_files_name_theirs)
{
	static const char more[] = "veris theft physical -\nrule theft 2 body 盗まれ\n";

	dump("rule loss 2 body 紛失\n");
	ck_assert_int_eq(ir_rules_add(&rs, "more.rules", more, strlen(more)), 0);
	out.len = 0;
	ir_rules_dump(&rs, &out);
	ck_assert_str_eq(ir_buf_cstr(&out), "# The rules in effect (see ir-rules(5)).\n\n"
					    "order loss theft\n"
					    "min-score 2\n"
					    "lead-chars 1500\n"
					    "\n"
					    "veris theft physical -\n"
					    "\n"
					    "# t.rules:1\n"
					    "rule loss 2 body 紛失\n"
					    "\n"
					    "# more.rules:2\n"
					    "rule theft 2 body 盗まれ\n");
}
END_TEST

/* The dump, read back, dumps the same but for the files and lines it names. */
START_TEST(dump_of_a_dump)
{
	struct ir_ruleset again;
	struct ir_buf b = IR_BUF_INIT;
	const char *a = dump("order b a\nveris a hacking external\nscope what title cause\n"
			     "min-score a 5\nlead-end ^再発防止\n"
			     "rule a 2 lead 不正アクセス\n\tunless 3 防止\n"
			     "rule b 1 what,data 流出\n\tmood advice\n\tand clause 個人情報\n");

	ir_rules_init(&again);
	ck_assert_int_eq(ir_rules_add(&again, "t.rules", a, strlen(a)), 0);
	ir_rules_dump(&again, &b);
	ck_assert_str_eq(ir_buf_cstr(&b), "# The rules in effect (see ir-rules(5)).\n\n"
					  "order b a\n"
					  "min-score 2\n"
					  "min-score a 5\n"
					  "lead-chars 1500\n"
					  "# t.rules:8\n"
					  "lead-end ^再発防止\n"
					  "scope what title,cause\n"
					  "\n"
					  "veris a hacking external\n"
					  "\n"
					  "# t.rules:14\n"
					  "rule a 2 lead 不正アクセス\n"
					  "\tunless 3 防止\n"
					  "\n"
					  "# t.rules:18\n"
					  "rule b 1 title,cause,data 流出\n"
					  "\tmood advice\n"
					  "\tand clause 個人情報\n");
	ir_rules_free(&again);
	ir_buf_free(&b);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("dump");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, empty_rule_set_gives_the_defaults);
	tcase_add_test(tc, settings_and_a_rule);
	tcase_add_test(tc, scopes_moods_and_conditions_spelt_out);
	tcase_add_test(tc, rules_of_several_files_name_theirs);
	tcase_add_test(tc, dump_of_a_dump);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
