#include "ja/listmark.h"
#include "ja/norm.h"
#include "unit.h"

static struct ir_norm n = IR_NORM_INIT;

struct mark {
	unsigned style;
	int num;
	const char *rest; /* what follows the mark */
};

/* Reads the mark of a line, normalised first as ja/notice does. */
static struct mark
mark(const char *raw)
{
	struct ir_cur c;
	struct mark m;
	size_t in_end;

	ir_norm(&n, raw, strlen(raw));
	c = (struct ir_cur){n.text.p, 0, n.text.len};
	m.style = ir_listmark_read(&c, &m.num, &in_end);
	m.rest = n.text.p + c.i;
	return m;
}

#define ck_mark(raw, st, number, after) \
	do { \
		struct mark m_ = mark(raw); \
		ck_assert_msg(IR_MARK_STYLE(m_.style) == (st), "%s: style %u", raw, m_.style); \
		ck_assert_int_eq(m_.num, number); \
		ck_assert_str_eq(m_.rest, after); \
	} while (0)

START_TEST(numbered_marks)
{
	ck_mark("1. 経緯", IR_MARK_DOT, 1, " 経緯");
	ck_mark("2、原因", IR_MARK_COMMA, 2, "原因");
	ck_mark("3) 対応", IR_MARK_RPAREN, 3, " 対応");
	ck_mark("4 今後の対策", IR_MARK_SPACE, 4, " 今後の対策");
	ck_mark("1-2 詳細", IR_MARK_SUB, 1, "-2 詳細");
	ck_mark("1.2 詳細", IR_MARK_SUB, 1, "2 詳細");
	ck_mark("(5) 対象", IR_MARK_PAREN, 5, " 対象");
	ck_mark("(十二)対象", IR_MARK_PAREN, 12, "対象");
	ck_mark("(イ) 件数", IR_MARK_KANA_PAREN, 2, " 件数");
	ck_mark("③ 発生日", IR_MARK_CIRCLED, 3, " 発生日");
	ck_mark("第2 原因", IR_MARK_DAI, 2, " 原因");
	ck_mark("第三章、対応", IR_MARK_DAI, 3, "対応");
	ck_mark("ウ.経過", IR_MARK_KANA, 3, "経過");
	ck_mark("二十、窓口", IR_MARK_KANJI, 20, "窓口");
	ck_mark("IV. 予防", IR_MARK_ROMAN, 4, " 予防");
	ck_mark("Ⅱ 措置", IR_MARK_ROMAN, 2, " 措置");
}
END_TEST

START_TEST(other_marks)
{
	struct mark m = mark("■ 経過");

	ck_assert_uint_eq(IR_MARK_STYLE(m.style), IR_MARK_SYMBOL);
	ck_assert_str_eq(m.rest, " 経過");
	/* ■ and ● are marks of two styles. */
	ck_assert_uint_ne(m.style, mark("● 経過").style);
	ck_mark("【調査の結果】", IR_MARK_BRACKET, 0, "調査の結果】");
	ck_mark("<お問い合わせ先>", IR_MARK_ANGLE, 0, "お問い合わせ先>");
	ck_mark("〔原因〕", IR_MARK_SQUARE, 0, "原因〕");
	ck_assert(ir_listmark_symbol(0x25C6)); /* ◆ */
	ck_assert(!ir_listmark_symbol(0x30FB)); /* ・ is an item's, not a heading's */
	ck_assert(ir_listmark_item("② 住所", strlen("② 住所")));
	ck_assert(ir_listmark_item("3件", 4));
	ck_assert(!ir_listmark_item("なお、", strlen("なお、")));
}
END_TEST

START_TEST(no_marks)
{
	static const char *const lines[] = {
		"当社は", "経緯", "1経緯", "12345. 概要", "二十一、窓口", "三つの対策", "第一報",
		"(株)見本商会", "(1", "【閉じない括弧", "XI. 番外", "IIII. 番外", "イベント", "Ver", "",
		"第〇一 概要", "(12345) 概要",
	};
	size_t i;

	for (i = 0; i < sizeof lines / sizeof *lines; i++) {
		struct mark m = mark(lines[i]);

		ck_assert_msg(m.style == IR_MARK_NONE, "%s: style %u", lines[i], m.style);
		ck_assert_int_eq(m.num, 0);
		ck_assert_ptr_eq(m.rest, n.text.p); /* the cursor is left alone */
	}
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("listmark");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, numbered_marks);
	tcase_add_test(tc, other_marks);
	tcase_add_test(tc, no_marks);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN_PREPARED(suite, ir_norm_prepare)
