#include "classify_fixture.h"

START_TEST(found_as_one_zero_or_minus_one)
{
	ck_assert_int_eq(ir_work_found(0), 1); /* found, ovector too small */
	ck_assert_int_eq(ir_work_found(1), 1);
	ck_assert_int_eq(ir_work_found(3), 1);
	ck_assert_int_eq(ir_work_found(PCRE2_ERROR_NOMATCH), 0);
	ck_assert_int_eq(ir_work_found(PCRE2_ERROR_CALLOUT), -1);
	ck_assert_int_eq(ir_work_found(PCRE2_ERROR_MATCHLIMIT), -1);
	ck_assert_int_eq(ir_work_found(PCRE2_ERROR_DEPTHLIMIT), -1);
	ck_assert_int_eq(ir_work_found(PCRE2_ERROR_PARTIAL), -1);
}
END_TEST

START_TEST(budget_linear_in_the_record)
{
	rules("rule x 1 body 漏えい\n");
	c.work.spent = 12345;
	c.norm.text.len = 0;
	ir_work_start(&c);
	ck_assert_uint_eq(c.work.spent, 0);
	ck_assert_uint_eq(c.work.budget, 1ul << 20);
	c.norm.text.len = 1000;
	ir_work_start(&c);
	ck_assert_uint_eq(c.work.budget, (1ul << 20) + 64000);
	teardown();
}
END_TEST

static int
count(struct ir_work *w, uint32_t flags, size_t start, size_t pos)
{
	pcre2_callout_block cb;

	memset(&cb, 0, sizeof cb);
	cb.callout_flags = flags;
	cb.start_match = start;
	cb.current_position = pos;
	return ir_work_count(&cb, w);
}

/* One per call back, and one per byte moved, either way. */
START_TEST(count_costs_one_and_the_bytes_moved)
{
	struct ir_work w = {0, 20, 0};

	ck_assert_int_eq(count(&w, PCRE2_CALLOUT_STARTMATCH, 9, 9), 0);
	ck_assert_uint_eq(w.spent, 1);
	ck_assert_uint_eq(w.at, 9);
	ck_assert_int_eq(count(&w, 0, 9, 12), 0);
	ck_assert_uint_eq(w.spent, 5);
	ck_assert_int_eq(count(&w, 0, 9, 10), 0); /* back over two */
	ck_assert_uint_eq(w.spent, 8);
	/* A new start is not a move from the last place. */
	ck_assert_int_eq(count(&w, PCRE2_CALLOUT_STARTMATCH, 30, 30), 0);
	ck_assert_uint_eq(w.spent, 9);
	ck_assert_int_eq(count(&w, 0, 30, 40), 0); /* 20: the budget reached, not passed */
	ck_assert_uint_eq(w.spent, 20);
	ck_assert_int_eq(count(&w, 0, 30, 40), PCRE2_ERROR_CALLOUT);
	ck_assert_uint_eq(w.spent, 21);
}
END_TEST

/* The count on a real match, through a match context as the classifier sets it. */
START_TEST(count_on_a_match)
{
	static const char text[] = "xx誤送信";
	pcre2_code *code;
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	struct ir_work w = {0, 1000, 0};
	PCRE2_SIZE off;
	int err;

	code = pcre2_compile((PCRE2_SPTR) "誤送信", PCRE2_ZERO_TERMINATED,
			     PCRE2_UTF | PCRE2_AUTO_CALLOUT, &err, &off, NULL);
	ck_assert_ptr_nonnull(code);
	md = pcre2_match_data_create(4, NULL);
	mctx = pcre2_match_context_create(NULL);
	pcre2_set_callout(mctx, ir_work_count, &w);
	ck_assert_int_eq(ir_work_found(pcre2_match(code, (PCRE2_SPTR)text, strlen(text), 0, 0, md, mctx)), 1);
	/* Before 誤 (at 2), 送, 信 and the end: 1, then 1 + 3 three times. */
	ck_assert_uint_eq(w.spent, 13);
	ck_assert_uint_eq(w.at, strlen(text));
	w.spent = 0;
	w.budget = 12;
	ck_assert_int_eq(ir_work_found(pcre2_match(code, (PCRE2_SPTR)text, strlen(text), 0, 0, md, mctx)), -1);
	pcre2_match_context_free(mctx);
	pcre2_match_data_free(md);
	pcre2_code_free(code);
}
END_TEST

/* A pattern that backtracks without end gives up; the rules after it still run. */
START_TEST(gives_up_and_notes_the_rule)
{
	char text[512] = "【セキュリティ事件簿#2033-010】例 2033年1月10日\n";
	int i;

	for (i = 0; i < 40; i++)
		strcat(text, "あ");
	strcat(text, "。不正アクセスを受けました。\n");
	rules("rule slow 2 body (?:あ|ああ)+$\n"
	      "rule fast 2 body 不正アクセス\n");
	ir_classify(&c, text, strlen(text));
	ck_assert_uint_eq(c.ngave_up, 1);
	ck_assert_uint_eq(c.gave_up[0], 0);
	ck_assert_uint_eq(c.nev, 1);
	ck_assert_uint_eq(c.ev[0].rule, 1);
	ck_assert_int_eq(c.category, 1);
	teardown();
	/* The lead-end pattern, noted as rule nrules. */
	rules("lead-end (?:あ|ああ)+$\nrule l 2 lead 不正アクセス\n");
	ir_classify(&c, text, strlen(text));
	ck_assert_uint_eq(c.ngave_up, 1);
	ck_assert_uint_eq(c.gave_up[0], rs.nrules);
	ck_assert_int_eq(c.category, 0); /* the lead is then lead-chars long */
	teardown();
	/* A record with nothing to give up on notes nothing. */
	rules("rule fast 2 body 不正アクセス\n");
	ir_classify(&c, text, strlen(text));
	ck_assert_uint_eq(c.ngave_up, 0);
	ir_work_give_up(&c, 0);
	ck_assert_uint_eq(c.ngave_up, 1);
	ck_assert_uint_eq(c.gave_up[0], 0);
	teardown();
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("work");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, found_as_one_zero_or_minus_one);
	tcase_add_test(tc, budget_linear_in_the_record);
	tcase_add_test(tc, count_costs_one_and_the_bytes_moved);
	tcase_add_test(tc, count_on_a_match);
	tcase_add_test(tc, gives_up_and_notes_the_rule);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN_PREPARED(suite, ir_classify_prepare)
