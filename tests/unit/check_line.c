#include <check.h>
#include <string.h>

#include "split/line.h"
#include "split/noise.h"
#include "unit.h"

static struct ir_noise_mark
mark(const char *s)
{
	return ir_line_list_mark(s, strlen(s));
}

START_TEST(list_marks)
{
	static const struct {
		const char *text;
		int style;
		long n;
	} cases[] = {
		{"3. 今後の対応", MARK_DIGIT, 3},  {"(2)対象となる方", MARK_PAREN, 2},
		{"④ 問い合わせ窓口", MARK_CIRCLED, 4}, {"第2 経過", MARK_DAI, 2},
		{"ウ 委託先の管理", MARK_KANA, 3},  {"二、原因", MARK_KANJI, 2},
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct ir_noise_mark m = mark(cases[i].text);

		ck_assert_msg(m.style == cases[i].style && m.n == cases[i].n, "%s", cases[i].text);
	}
	ck_assert_int_eq(mark("市民の皆様へ").style, MARK_NONE);
	ck_assert_int_eq(mark("2026年の展望").style, MARK_NONE);
}
END_TEST

START_TEST(blank_and_title)
{
	static const char blank[] = " \xc2\xa0\xe3\x80\x80\t";

	ck_assert(ir_noise_is_blank(blank, strlen(blank)));
	ck_assert(!ir_noise_is_blank(" 。", strlen(" 。")));
	ck_assert(ir_noise_is_title("山歩きで使う地図アプリの比べ方", strlen("山歩きで使う地図アプリの比べ方")));
	ck_assert(!ir_noise_is_title("3. 今後の対応", strlen("3. 今後の対応")));
	ck_assert(!ir_noise_is_title("ご不便をおかけしております。", strlen("ご不便をおかけしております。")));
}
END_TEST

/* A heading's words, first, inside or last, make a line part of the notice; a sign-off may hold them. */
START_TEST(heading_words_are_no_title)
{
	static const char *const headings[] = {
		"経緯と当面の見通し", "見本町の事象と再発防止", "図書館システムの障害状況", "会員の皆様へのお詫び",
		"申込みの受付窓口", "郵送物の範囲と件数", "市民課からのお知らせ", "外部から閲覧できた情報",
		"見本センターの判明事項", "本件のお問合せ先",
	};
	size_t i;

	for (i = 0; i < sizeof headings / sizeof *headings; i++) {
		ck_assert_msg(!ir_noise_is_title(headings[i], strlen(headings[i])), "%s", headings[i]);
		ck_assert_msg(ir_line_may_sign_off(headings[i], strlen(headings[i])), "%s", headings[i]);
	}
	ck_assert(ir_noise_is_title("週末に歩いた古い街道の記録", strlen("週末に歩いた古い街道の記録")));
}
END_TEST

START_TEST(code_points)
{
	const char s[] = "ア\xff漢";
	size_t i = 0;

	ck_assert_uint_eq(ir_line_cp(s, strlen(s), &i), 0x30a2);
	ck_assert(ir_line_is_katakana(0x30a2));
	ck_assert_uint_eq(ir_line_cp(s, strlen(s), &i), 0xfffd);
	ck_assert_uint_eq(ir_line_cp(s, strlen(s), &i), 0x6f22);
	ck_assert(ir_line_is_ideograph(0x6f22));
	ck_assert_uint_eq(i, strlen(s));
	ck_assert(ir_line_in_list(0x30fb, ir_line_bullets)); /* ・ */
	ck_assert(!ir_line_in_list(0x3042, ir_line_bullets));
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("line");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, list_marks);
	tcase_add_test(tc, blank_and_title);
	tcase_add_test(tc, heading_words_are_no_title);
	tcase_add_test(tc, code_points);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN_PREPARED(suite, ir_line_prepare)
