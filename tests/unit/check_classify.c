#include <stdio.h>

#include "classify/classify.h"
#include "split/segment.h"
#include "unit.h"

static struct ir_ruleset rs;
static struct ir_classifier c;

static void
rules(const char *text)
{
	ir_rules_init(&rs);
	ck_assert_int_eq(ir_rules_add(&rs, "t.rules", text, strlen(text)), 0);
	ir_rules_ready(&rs);
	ir_classifier_init(&c, &rs);
}

static void
teardown(void)
{
	ir_classifier_free(&c);
	ir_rules_free(&rs);
}

static const char *
category(const char *text)
{
	ir_classify(&c, text, strlen(text));
	return c.category < 0 ? "other" : rs.labels[c.category].name;
}

START_TEST(scopes)
{
	rules("order t l b\n"
	      "lead-chars 40\n"
	      "lead-end ^\\d*\\s*再発防止\n"
	      "rule t 2 title 誤送信\n"
	      "rule l 2 lead 紛失\n"
	      "rule b 2 body 盗難\n");
	ck_assert_str_eq(category("【セキュリティ事件簿#2025-001】見本市 誤送信について\n本文\n"), "t");
	ck_assert_str_eq(category("【セキュリティ事件簿#2025-001】見本市 お知らせ\n誤送信がありました。\n"), "other");
	ck_assert_str_eq(category("【セキュリティ事件簿#2025-001】見本市 お知らせ\n書類を紛失しました。\n"), "l");
	/* The lead stops at the recurrence-prevention heading... */
	ck_assert_str_eq(category("【セキュリティ事件簿#2025-001】例\n概要です。\n3 再発防止策\n紛失しないよう…\n"), "other");
	/* ...and after lead-chars characters. */
	ck_assert_str_eq(category("【セキュリティ事件簿#2025-001】例\n"
				  "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろ"
				  "紛失\n"), "other");
	ck_assert_str_eq(category("【セキュリティ事件簿#2025-001】例\n本文\n\n5 再発防止\n盗難\n"), "b");
}
END_TEST

/* lead-chars counts characters, whatever their width: the 40th is in. */
START_TEST(lead_chars_exact)
{
	char text[512];

	rules("lead-chars 40\nrule l 2 lead 紛失\n");
	/* 38 characters of one, two and three bytes, then 紛失 as the 39th and 40th... */
	snprintf(text, sizeof text, "【セキュリティ事件簿#2025-001】例\n%s紛失\n",
		 "aéあbçいcèうdêえeëおfíかgîきhïくiñけjóこkôさlöしmú");
	ck_assert_str_eq(category(text), "l");
	/* ...or one character later, half out. */
	snprintf(text, sizeof text, "【セキュリティ事件簿#2025-001】例\n%s紛失\n",
		 "aéあbçいcèうdêえeëおfíかgîきhïくiñけjóこkôさlöしmúo");
	ck_assert_str_eq(category(text), "other");
}
END_TEST

START_TEST(unless_cancels_nearby_only)
{
	rules("rule x 2 body 不正アクセス\n\tunless 5 防止\n");
	ck_assert_str_eq(category("【セキュリティ事件簿#2025-001】例\n不正アクセスを防止する。\n"), "other");
	ck_assert_str_eq(category("【セキュリティ事件簿#2025-001】例\n不正アクセスを受けました。対策を講じ再発を防止します。\n"), "x");
	/* A cancelled match does not hide a later one. */
	ck_assert_str_eq(category("【セキュリティ事件簿#2025-001】例\n不正アクセス防止策。なお不正アクセスを受けました。\n"), "x");
}
END_TEST

START_TEST(precedence_scores_and_evidence)
{
	const char *text = "【セキュリティ事件簿#2025-001】株式会社見本 ＢＣＣの誤りについて\nメールをＢＣＣでなくＴＯで送りました。不正アクセスはありません。\n";
	size_t i;

	rules("order high low\n"
	      "min-score 2\n"
	      "min-score weak 5\n"
	      "rule low 3 body BCC\n"
	      "rule high 1 body TOで\n"
	      "rule high 1 body 送りました\n"
	      "rule weak 4 body 不正アクセス\n");
	ck_assert_str_eq(category(text), "high");
	ck_assert(ir_classify_fits(&c, 0));
	ck_assert(ir_classify_fits(&c, 1));
	ck_assert(!ir_classify_fits(&c, 2)); /* 4 < its min-score 5 */
	ck_assert_uint_eq(c.nev, 4);
	for (i = 0; i < c.nev; i++)
		if (c.ev[i].rule == 0)
			/* Normalised "BCC" is the first "ＢＣＣ" as written (the title's). */
			ck_assert_uint_eq(ir_norm_origin(&c.norm, c.ev[i].off),
					  (size_t)(strstr(text, "ＢＣＣ") - text));
	teardown();
	rules("rule only 1 body BCC\n");
	ck_assert_str_eq(category(text), "other"); /* 1 < the default min-score */
}
END_TEST

static void
slurp(const char *path, struct ir_buf *b)
{
	FILE *f = fopen(path, "r");
	char chunk[4096];
	size_t n;

	ck_assert_msg(f != NULL, "%s", path);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		ir_buf_add(b, chunk, n);
	fclose(f);
}

/* Every incident of the sample gets the same verdict with and without the prefilter. */
START_TEST(prefilter_changes_nothing)
{
	struct ir_buf text = IR_BUF_INIT, json = IR_BUF_INIT, json2 = IR_BUF_INIT;
	struct ir_ruleset all;
	struct ir_classifier every;
	size_t n, r, checked = 0;
	const char *p, *end;

	slurp("rules/default.rules", &text);
	ir_rules_init(&rs);
	ir_rules_init(&all);
	ck_assert_int_eq(ir_rules_add(&rs, "default.rules", text.p, text.len), 0);
	ck_assert_int_eq(ir_rules_add(&all, "default.rules", text.p, text.len), 0);
	ir_rules_ready(&rs);
	ir_rules_ready(&all);
	for (r = 0; r < all.nrules; r++)
		all.rules[r].anchored = 0; /* run every rule on every text */
	ir_classifier_init(&c, &rs);
	ir_classifier_init(&every, &all);
	text.len = 0;
	slurp("examples/sample.txt", &text);
	/* Each post, from its header to the next. */
	for (p = strstr(ir_buf_cstr(&text), "【セキュリティ事件簿"); p != NULL; p = end) {
		end = strstr(p + 3, "\n【セキュリティ事件簿");
		n = end ? (size_t)(end - p) + 1 : strlen(p);
		json.len = json2.len = 0;
		ir_classify(&c, p, n);
		ir_classify_json(&c, p, &json);
		ir_classify(&every, p, n);
		ir_classify_json(&every, p, &json2);
		ck_assert_str_eq(ir_buf_cstr(&json), ir_buf_cstr(&json2));
		checked++;
		if (end)
			end++;
	}
	ck_assert_uint_ge(checked, 20);
	ir_classifier_free(&every);
	ir_rules_free(&all);
	ir_buf_free(&text);
	ir_buf_free(&json);
	ir_buf_free(&json2);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("classify");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, scopes);
	tcase_add_test(tc, lead_chars_exact);
	tcase_add_test(tc, unless_cancels_nearby_only);
	tcase_add_test(tc, precedence_scores_and_evidence);
	tcase_add_test(tc, prefilter_changes_nothing);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN_PREPARED(suite, ir_classify_prepare)
