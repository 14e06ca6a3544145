#include "classify/prefilter.h"
#include "unit.h"

static struct ir_ruleset rs;

static void
setup(void)
{
	ir_rules_init(&rs);
}

static void
teardown(void)
{
	ir_rules_free(&rs);
}

/* The words pattern p gives, "|"-joined, or NULL when it gives none; each must have id r. */
static const char *
words(const char *p, size_t r)
{
	static char joined[256];
	size_t first = rs.nwords, i;

	if (!ir_prefilter_words(&rs, p, r)) {
		ck_assert_uint_eq(rs.nwords, first);
		return NULL;
	}
	ck_assert_uint_gt(rs.nwords, first);
	joined[0] = '\0';
	for (i = first; i < rs.nwords; i++) {
		ck_assert_int_eq(rs.words[i].id, (int)r);
		if (i > first)
			strcat(joined, "|");
		strcat(joined, rs.words[i].word);
	}
	return joined;
}

START_TEST(literal_alternatives)
{
	static const struct {
		const char *pattern, *words;
	} cases[] = {
		{"誤送信", "誤送信"},
		{"誤送信|BCC", "誤送信|BCC"},
		{"不正.{0,5}アクセス", "不正"},
		{"ランサムウ[ェエ]ア", "ランサムウ"},
		{"TO\\(宛先\\)", "TO"},
		{"漏えい$", "漏えい"},
		{"(?:別の|他の)方へ", "別の|他の"},
		{"(?:別の|他の)+方|誤送信", "別の|他の|誤送信"},
		/* An alternative's bars inside a class or a group are not the pattern's. */
		{"宛先[|]誤|紛失(?:し|さ)た", "宛先|紛失"},
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		const char *got = words(cases[i].pattern, i);

		ck_assert_msg(got != NULL && strcmp(got, cases[i].words) == 0, "%s: got %s, want %s",
			      cases[i].pattern, got ? got : "none", cases[i].words);
	}
}
END_TEST

/* A quantifier that allows none of the last character leaves it out. */
START_TEST(optional_last_character_left_out)
{
	ck_assert_str_eq(words("送信された?", 0), "送信され");
	ck_assert_str_eq(words("漏えい*", 1), "漏え");
	ck_assert_str_eq(words("誤送信{0,1}", 2), "誤送");
	ck_assert_str_eq(words("BCC?", 3), "BC");
	ck_assert_str_eq(words("流出+", 4), "流出"); /* at least one: kept */
}
END_TEST

START_TEST(no_words)
{
	static const char *const none[] = {
		"", "(?i)bcc", "BCC|(?i)bcc", "\\d+件", ".*", "[誤]送信", "a|誤送信", "誤送信|a",
		"誤?送信", "aB?", "(?:別の|他の)?方へ", "(?:別の|他の)*方", "(?:別の|他の){0,2}方",
		"(?:別の|a)方", "(?:別の|他(?:の))方", "(?:別の|[他]の)方", "(?:別の|他の", "^誤送信",
		"(誤送信)",
	};
	size_t i;

	for (i = 0; i < sizeof none / sizeof *none; i++)
		ck_assert_msg(words(none[i], i) == NULL, "%s gave %s", none[i], words(none[i], i));
}
END_TEST

/* Words already added stay; a pattern that gives none takes back only its own. */
START_TEST(failure_keeps_the_words_before)
{
	ck_assert_str_eq(words("誤送信|宛先を誤", 0), "誤送信|宛先を誤");
	ck_assert_ptr_null(words("紛失|盗難|x", 1));
	ck_assert_uint_eq(rs.nwords, 2);
	ck_assert_str_eq(rs.words[0].word, "誤送信");
	ck_assert_str_eq(rs.words[1].word, "宛先を誤");
	ck_assert_str_eq(words("紛失", 7), "紛失");
	ck_assert_uint_eq(rs.nwords, 3);
	ck_assert_int_eq(rs.words[2].id, 7);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("prefilter");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, literal_alternatives);
	tcase_add_test(tc, optional_last_character_left_out);
	tcase_add_test(tc, no_words);
	tcase_add_test(tc, failure_keeps_the_words_before);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
