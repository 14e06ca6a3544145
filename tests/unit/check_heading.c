#include "ja/heading.h"
#include "ja/norm.h"
#include "ja/notice.h"
#include "unit.h"

static struct ir_norm n = IR_NORM_INIT;
static struct ir_heading h;

/* Reads a line as a heading, normalised first as ja/notice does: 1 if it is one. */
static int
heading(const char *raw)
{
	ir_norm(&n, raw, strlen(raw));
	memset(&h, 0, sizeof h);
	return ir_heading_read(n.text.p, n.text.len, &h);
}

/* The part a heading line names ("-" if it names none), and what it is written as. */
#define ck_heading(raw, name, written) \
	do { \
		ck_assert_msg(heading(raw), "not a heading: %s", raw); \
		ck_assert_str_eq(h.part >= 0 ? ir_part_name[h.part] : "-", name); \
		ck_assert_buf_eq(n.text.p + h.head_off, h.head_len, written); \
	} while (0)

START_TEST(marked_headings)
{
	ck_heading("【事案の概要】", "overview", "【事案の概要】");
	ck_heading("■ 発覚までの経緯", "timeline", "■ 発覚までの経緯");
	ck_heading("2. 流出した可能性のある項目", "data", "2. 流出した可能性のある項目");
	ck_heading("(3) 再発防止策", "prevention", "(3) 再発防止策");
	ck_heading("第4 お問い合わせ窓口", "contact", "第4 お問い合わせ窓口");
	ck_assert_int_eq(h.num, 4);
	ck_assert_uint_eq(h.style, IR_MARK_DAI);
	/* A marked heading may name no part: it opens one only in the top style (ja/notice). */
	ck_heading("5. 融資の条件", "-", "5. 融資の条件");
	ck_assert(h.plain);
	/* The text run on after two blanks is not the heading's. */
	ck_heading("3.原因  保守手順の誤りです。", "cause", "3.原因");
}
END_TEST

START_TEST(words_of_parts)
{
	/* Longer words win: 今後の対応 is prevention, 対応 alone the response. */
	ck_heading("■今後の対応", "prevention", "■今後の対応");
	ck_heading("■当社の対応", "response", "■当社の対応");
	/* A heading about data is the data part, unless it is about the cause or prevention. */
	ck_heading("■事案の概要と流出した情報", "data", "■事案の概要と流出した情報");
	ck_heading("■不正に持ち出された個人情報について", "data", "■不正に持ち出された個人情報について");
	ck_heading("■情報流出の原因", "cause", "■情報流出の原因");
	ck_heading("■お詫びとお問い合わせ先", "contact", "■お詫びとお問い合わせ先");
	ck_assert_int_eq(ir_heading_part("個人情報保護委員会への報告", strlen("個人情報保護委員会への報告")),
			 IR_PART_RESPONSE);
	ck_assert_int_eq(ir_heading_part("架空市の取組", strlen("架空市の取組")), -1);
}
END_TEST

START_TEST(unmarked_headings)
{
	ck_heading("発生の経緯", "timeline", "発生の経緯");
	ck_assert_uint_eq(h.style, IR_HEAD_ALONE);
	ck_heading("原因:委託先の設定誤り", "cause", "原因");
	ck_assert_uint_eq(h.style, IR_HEAD_LABEL);
	ck_heading("対象者:約300名", "data", "対象者");
}
END_TEST

START_TEST(not_headings)
{
	static const char *const lines[] = {
		"・漏えいした情報の再確認", "※原因は調査中", "電話:000", "(1) 2,000件", "1.2026年1月9日",
		"原因を調査しております。", "■ 原因を調査しております", "個人情報流出のお知らせ",
		"今後の対応について、当社では次のとおり取り組んでまいります", "【】", "見本町役場",
		"2026年1月の経緯",
	};
	size_t i;

	for (i = 0; i < sizeof lines / sizeof *lines; i++)
		ck_assert_msg(!heading(lines[i]), "a heading: %s", lines[i]);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("heading");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, marked_headings);
	tcase_add_test(tc, words_of_parts);
	tcase_add_test(tc, unmarked_headings);
	tcase_add_test(tc, not_headings);
	suite_add_tcase(s, tc);
	return s;
}

static void
prepare(void)
{
	ir_norm_prepare();
	ir_heading_prepare();
}

UNIT_MAIN_PREPARED(suite, prepare)
