#include "classify/evidence.h"
#include "classify_fixture.h"

static struct ir_evidence ev;

static const char head[] = "【セキュリティ事件簿#2033-040】見本社 お知らせ 2033年2月1日\n";

/* Reads head + body under the rules; returns the body's offset. */
static size_t
read_body(const char *rule_text, const char *body)
{
	char text[2048];

	snprintf(text, sizeof text, "%s%s", head, body);
	rules(rule_text);
	read_words(text);
	ir_work_start(&c);
	memset(&ev, 0, sizeof ev);
	return c.notice.body_off;
}

/* Rule r's evidence in [lo, hi): its return, with ev filled when 1. */
static int
evidence(size_t r, size_t lo, size_t hi)
{
	return ir_evidence_in(&c, &rs.rules[r], lo, hi, &ev);
}

static int
evidence_all(size_t r)
{
	return evidence(r, 0, c.norm.text.len);
}

#define EVIDENCE_IS(from, to) \
	do { \
		ck_assert_uint_eq(ev.off, (from)); \
		ck_assert_uint_eq(ev.off + ev.len, (to)); \
	} while (0)

/*
 * Rule rest (its pattern and indented lines) reaches into a clause that
 * denies: no match, unless denials count too; then the evidence runs
 * from where from stands to the end of 処分.
 */
static void
counts_only_where_denials_do(const char *rest, const char *from)
{
	char text[512];

	snprintf(text, sizeof text, "rule x 2 body %s\nrule y 2 body %s\n\tmood fact denied\n", rest, rest);
	read_body(text, "退職者が名簿を持ち出しましたが、処分は行っておりません。\n");
	ck_assert_int_eq(evidence_all(0), 0);
	ck_assert_int_eq(evidence_all(1), 1);
	EVIDENCE_IS(at(from), at("は行って"));
	teardown();
}

START_TEST(stated_match_is_the_evidence)
{
	read_body("rule x 2 body 不正アクセス\n", "当社のサーバーが不正アクセスを受けました。\n");
	ck_assert_int_eq(evidence_all(0), 1);
	EVIDENCE_IS(at("不正アクセス"), at("を受け"));
	teardown();
}
END_TEST

/* A match in a clause that denies or advises is passed over for the next. */
START_TEST(moods_of_the_clause)
{
	static const char body[] = "不正アクセスの形跡は確認されておりません。"
				   "不審なメールにご注意ください。\n"
				   "その後、別のサーバーが不正アクセスを受けました。\n";

	read_body("rule x 2 body 不正アクセス\n"
		  "rule d 2 body 不正アクセス\n\tmood denied\n"
		  "rule m 2 body 不審なメール\n"
		  "rule a 2 body 不審なメール\n\tmood advice\n", body);
	ck_assert_int_eq(evidence_all(0), 1);
	EVIDENCE_IS(at_nth("不正アクセス", 1), at("を受け"));
	ck_assert_int_eq(evidence_all(1), 1);
	EVIDENCE_IS(at_nth("不正アクセス", 0), at("の形跡"));
	ck_assert_int_eq(evidence_all(2), 0);
	ck_assert_int_eq(evidence_all(3), 1);
	EVIDENCE_IS(at("不審な"), at("にご注意"));
	teardown();
	/* A match that ends in a clause of another mood. */
	counts_only_where_denials_do("持ち出.{0,10}処分", "持ち出");
}
END_TEST

/* Only matches inside [lo, hi) count: hi cuts a match, lo skips one. */
START_TEST(span_bounds_the_match)
{
	size_t first, second;

	read_body("rule x 2 body 紛失\n", "書類を紛失しました。\nまた、端末も紛失しました。\n");
	first = at_nth("紛失", 0);
	second = at_nth("紛失", 1);
	ck_assert_int_eq(evidence(0, first, c.norm.text.len), 1);
	EVIDENCE_IS(first, first + 6);
	ck_assert_int_eq(evidence(0, first + 1, c.norm.text.len), 1);
	EVIDENCE_IS(second, second + 6);
	ck_assert_int_eq(evidence(0, first + 1, second + 5), 0);
	ck_assert_int_eq(evidence(0, first + 1, second + 6), 1);
	ck_assert_int_eq(evidence(0, second, second), 0);
	ck_assert_int_eq(evidence(0, c.norm.text.len, c.norm.text.len), 0);
	teardown();
}
END_TEST

/* The evidence widens over what the "and" lines found, before or after the match. */
START_TEST(and_lines_widen_the_evidence)
{
	read_body("rule c 2 body 退職者\n\tand clause 持ち出\n"
		  "rule w 2 body 流出\n\tand 8 個人情報\n"
		  "rule s 2 body 退職者\n\tand sentence 提供\n\tand 3 が顧客\n",
		  "退職者が顧客の名簿を持ち出し、競合する会社に提供していました。"
		  "これにより個人情報が外部へ流出しました。\n");
	ck_assert_int_eq(evidence_all(0), 1);
	EVIDENCE_IS(at("退職者"), at("し、競合"));
	ck_assert_int_eq(evidence_all(1), 1);
	EVIDENCE_IS(at("個人情報"), at("しました"));
	ck_assert_int_eq(evidence_all(2), 1);
	EVIDENCE_IS(at("退職者"), at("していました"));
	teardown();
}
END_TEST

/* An "and" line's pattern must be in reach, inside the span, and stated. */
START_TEST(and_lines_that_fail)
{
	read_body("rule c 2 body 退職者\n\tand clause 提供\n"
		  "rule w 2 body 流出\n\tand 3 個人情報\n"
		  "rule s 2 body 退職者\n\tand sentence 流出\n",
		  "退職者が顧客の名簿を持ち出し、競合する会社に提供していました。"
		  "これにより個人情報が外部へ流出しました。\n");
	ck_assert_int_eq(evidence_all(0), 0); /* another clause */
	ck_assert_int_eq(evidence_all(1), 0); /* further than 3 characters */
	ck_assert_int_eq(evidence_all(2), 0); /* another sentence */
	teardown();
	/* Its clause denies: that counts only when the rule's moods say so. */
	counts_only_where_denials_do("退職者\n\tand sentence 処分", "退職者");
	read_body("rule c 2 body 退職者\n\tand clause 持ち出\n",
		  "退職者が顧客の名簿を持ち出し、競合する会社に提供していました。\n");
	ck_assert_int_eq(evidence(0, 0, at("持ち出") + 6), 0);
	ck_assert_int_eq(evidence(0, 0, at("持ち出") + 9), 1);
	teardown();
	/* In the window, but before the span's start. */
	read_body("rule w 2 body 流出\n\tand 8 個人情報\n", "これにより個人情報が外部へ流出しました。\n");
	ck_assert_int_eq(evidence(0, at("個人情報"), c.norm.text.len), 1);
	ck_assert_int_eq(evidence(0, at("個人情報") + 1, c.norm.text.len), 0);
	teardown();
}
END_TEST

/* An "unless" line cancels a match, even from past the span's end. */
START_TEST(unless_lines_cancel)
{
	read_body("rule c 2 body 送付\n\tunless clause 防止\n"
		  "rule w 2 body 送付\n\tunless 9 誤り\n"
		  "rule n 2 body 送付\n\tunless 8 誤り\n",
		  "別の方に書類を送付しましたが、再発防止に努めます。\n"
		  "メールを送付した際、宛先に誤りがありました。\n");
	ck_assert_int_eq(evidence_all(0), 1);
	EVIDENCE_IS(at_nth("送付", 0), at_nth("送付", 0) + 6);
	ck_assert_int_eq(evidence_all(1), 1);
	EVIDENCE_IS(at_nth("送付", 0), at_nth("送付", 0) + 6);
	/* From the second 送付: 誤り ends 9 characters on, past hi too. */
	ck_assert_int_eq(evidence(1, at_nth("送付", 1), at_nth("送付", 1) + 6), 0);
	ck_assert_int_eq(evidence(0, at_nth("送付", 1), at_nth("送付", 1) + 6), 1);
	ck_assert_int_eq(evidence(2, at_nth("送付", 1), at_nth("送付", 1) + 6), 1); /* り is the 9th */
	teardown();
}
END_TEST

START_TEST(budget_spent)
{
	read_body("rule x 2 body 不正アクセス\n\tand clause 受け\n", "当社のサーバーが不正アクセスを受けました。\n");
	c.work.spent = c.work.budget;
	ck_assert_int_eq(evidence_all(0), -1);
	teardown();
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("evidence");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, stated_match_is_the_evidence);
	tcase_add_test(tc, moods_of_the_clause);
	tcase_add_test(tc, span_bounds_the_match);
	tcase_add_test(tc, and_lines_widen_the_evidence);
	tcase_add_test(tc, and_lines_that_fail);
	tcase_add_test(tc, unless_lines_cancel);
	tcase_add_test(tc, budget_spent);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN_PREPARED(suite, ir_classify_prepare)
