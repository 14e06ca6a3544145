#include "classify_fixture.h"

static const char notice[] = "【セキュリティ事件簿#2033-030】見本市 書類の紛失について 2033年1月30日\n"
			     "当市の受付で書類を紛失しました。対象は3件です。\n\n"
			     "1 原因\n職員が書類を持ち帰り、紛失しました。\n";

/* Where id's words stand, in text order, as offsets of the normalised text. */
static void
occurs(size_t id, const size_t *want, size_t n)
{
	size_t i;

	ck_assert_uint_eq(c.occ_first[id + 1] - c.occ_first[id], n);
	for (i = 0; i < n; i++)
		ck_assert_uint_eq(c.occ[c.occ_first[id] + i], want[i]);
}

#define OCCURS(id, ...) \
	occurs(id, (const size_t[]){__VA_ARGS__}, sizeof (const size_t[]){__VA_ARGS__} / sizeof(size_t))

/* A rule is run only where its words stand in its scope. */
START_TEST(candidates_by_scope)
{
	rules("rule t 1 title 紛失\n"
	      "rule c 1 cause 受付\n"
	      "rule o 1 overview 受付\n"
	      "rule n 1 body \\d+件\n"
	      "rule p 1 cause 持ち帰\n"
	      "rule x 1 title 持ち帰\n"
	      "rule z 1 body 盗難\n");
	read_words(notice);
	ck_assert_int_eq(c.candidate[0], 1);
	ck_assert_int_eq(c.candidate[1], 0);
	ck_assert_int_eq(c.candidate[2], 1);
	ck_assert_int_eq(c.candidate[3], 1); /* no words: always run */
	ck_assert_int_eq(c.candidate[4], 1);
	ck_assert_int_eq(c.candidate[5], 0);
	ck_assert_int_eq(c.candidate[6], 0);
	/* Where the words stand, whether in the rule's scope or not. */
	OCCURS(0, at_nth("紛失", 0), at_nth("紛失", 1), at_nth("紛失", 2));
	OCCURS(1, at("受付"));
	OCCURS(2, at("受付"));
	OCCURS(3);
	OCCURS(4, at("持ち帰"));
	OCCURS(6);
	teardown();
}
END_TEST

/* Only the scopes some rule looks in are read; "and" lines have ids after the rules. */
START_TEST(only_where_some_rule_looks)
{
	rules("rule t 1 title 紛失|書類\n"
	      "rule o 1 overview 対象\n"
	      "\tand clause 件です|件でした\n"
	      "\tunless clause 誤り\n"
	      "\tand 10 紛失\n");
	read_words(notice);
	ck_assert_uint_eq(rs.nids, 5);
	ck_assert_int_eq(c.candidate[0], 1);
	ck_assert_int_eq(c.candidate[1], 1);
	OCCURS(0, at_nth("書類", 0), at_nth("紛失", 0), at_nth("書類", 1), at_nth("紛失", 1));
	OCCURS(2, at("件です"));
	OCCURS(3); /* an "unless" line has no words: it is looked for everywhere */
	OCCURS(4, at_nth("紛失", 0), at_nth("紛失", 1));
	teardown();
}
END_TEST

/* A word half out of the rule's scope does not count; across zones inside it, it does. */
START_TEST(word_across_the_lead_end)
{
	rules("lead-chars 4\nrule l 1 lead 受付\nrule b 1 body 受付\n");
	read_words(notice);
	ck_assert_uint_eq(c.lead_end, at("付で"));
	ck_assert_int_eq(c.candidate[0], 0);
	ck_assert_int_eq(c.candidate[1], 1);
	teardown();
	rules("lead-chars 5\nrule l 1 lead 受付\nrule b 1 body 受付\n");
	read_words(notice);
	ck_assert_int_eq(c.candidate[0], 1);
	ck_assert_int_eq(c.candidate[1], 1);
	teardown();
}
END_TEST

static int
next(size_t r, size_t from, size_t to)
{
	const struct ir_rule *rule = &rs.rules[r];

	return ir_words_next(&c, rule->code, rule->anchored ? rule->at : NULL, r, from, to);
}

static void
found(size_t off, size_t end)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c.md);

	ck_assert_uint_eq(ov[0], off);
	ck_assert_uint_eq(ov[1], end);
}

/* An anchored pattern is tried where its words stand, from the first at or after from. */
START_TEST(next_tried_where_the_words_stand)
{
	size_t first, second, third, len;

	rules("rule k 1 body 紛失し\nrule n 1 body \\d+件\n");
	read_words(notice);
	ck_assert_int_eq(rs.rules[0].anchored, 1);
	ck_assert_int_eq(rs.rules[1].anchored, 0);
	first = at_nth("紛失", 0);
	second = at_nth("紛失", 1);
	third = at_nth("紛失", 2);
	len = c.norm.text.len;
	ir_work_start(&c);
	/* The title's 紛失 is tried and fails: 紛失について. */
	ck_assert_int_eq(next(0, 0, len), 1);
	found(second, second + strlen("紛失し"));
	ck_assert_int_eq(next(0, first, len), 1);
	found(second, second + strlen("紛失し"));
	ck_assert_int_eq(next(0, second + 1, len), 1);
	found(third, third + strlen("紛失し"));
	ck_assert_int_eq(next(0, second, second), 0);
	/* The word stands before to, but the match would pass it. */
	ck_assert_int_eq(next(0, second, second + strlen("紛失")), 0);
	ck_assert_int_eq(next(0, second, second + strlen("紛失し")), 1);
	ck_assert_int_eq(next(0, third + 1, len), 0);
	/* Not anchored: looked for anywhere. */
	ck_assert_int_eq(next(1, 0, len), 1);
	found(at("3件"), at("3件") + 4);
	ck_assert_int_eq(next(1, at("3件") + 1, len), 0);
	ck_assert_int_eq(next(1, 0, at("3件") + 1), 0);
	/* With its budget spent, either gives up. */
	c.work.spent = c.work.budget;
	ck_assert_int_eq(next(0, 0, len), -1);
	ck_assert_int_eq(next(1, 0, len), -1);
	teardown();
}
END_TEST

START_TEST(notice_without_the_words)
{
	rules("rule k 1 body 紛失\n\tand sentence 書類\n");
	read_words("【セキュリティ事件簿#2033-031】お知らせ\nサイトを改ざんされました。\n");
	ck_assert_int_eq(c.candidate[0], 0);
	ck_assert_uint_eq(c.nhit, 0);
	OCCURS(0);
	OCCURS(1);
	ir_work_start(&c);
	ck_assert_int_eq(next(0, 0, c.norm.text.len), 0);
	teardown();
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("words");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, candidates_by_scope);
	tcase_add_test(tc, only_where_some_rule_looks);
	tcase_add_test(tc, word_across_the_lead_end);
	tcase_add_test(tc, next_tried_where_the_words_stand);
	tcase_add_test(tc, notice_without_the_words);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN_PREPARED(suite, ir_classify_prepare)
