#include <fcntl.h>
#include <unistd.h>

#include "base/width.h"
#include "unit.h"

#define W(s) ir_width((s), strlen(s))

START_TEST(ascii_is_one_column_a_byte)
{
	ck_assert_uint_eq(W(""), 0);
	ck_assert_uint_eq(W("ransomware"), 10);
	ck_assert_uint_eq(W("a b|c"), 5);
}
END_TEST

START_TEST(east_asian_wide_is_two)
{
	ck_assert_uint_eq(W("東京都"), 6);
	ck_assert_uint_eq(W("こだま珈琲店"), 12);
	ck_assert_uint_eq(W("株式会社ABC"), 11);
	ck_assert_uint_eq(W("ＡＢ"), 4);      /* fullwidth forms */
	ck_assert_uint_eq(W("\xE3\x80\x80"), 2); /* ideographic space */
	ck_assert_uint_eq(W("ｱｲｳ"), 3);       /* halfwidth katakana */
	ck_assert_uint_eq(W("😀"), 2);
}
END_TEST

START_TEST(combining_and_ambiguous)
{
	ck_assert_uint_eq(W("e\xCC\x81"), 1);   /* e + combining acute */
	ck_assert_uint_eq(W("か\xE3\x82\x99"), 2); /* か + combining dakuten */
	ck_assert_uint_eq(W("█▏"), 2);          /* ambiguous: one column */
	ck_assert_uint_eq(W("①"), 1);
}
END_TEST

START_TEST(ill_formed_counts_as_replacement)
{
	ck_assert_uint_eq(ir_width("\xFF", 1), 1);
	ck_assert_uint_eq(ir_width("a\xE6\xBC", 3), 2); /* a cut kanji: one U+FFFD */
	ck_assert_uint_eq(ir_width("\xC0\xAF", 2), 2);  /* two subparts */
}
END_TEST

START_TEST(padding)
{
	struct ir_buf b = IR_BUF_INIT;

	ir_width_pad(&b, "東京", strlen("東京"), 6, 0);
	ir_buf_addc(&b, '|');
	ir_width_pad(&b, "12", 2, 5, 1);
	ir_buf_addc(&b, '|');
	ir_width_pad(&b, "長すぎる", strlen("長すぎる"), 4, 0);
	ir_buf_addc(&b, '|');
	ck_assert_buf_eq(b.p, b.len, "東京  |   12|長すぎる|");
	ir_buf_free(&b);
}
END_TEST

START_TEST(terminal_columns)
{
	int saved = dup(STDOUT_FILENO), null = open("/dev/null", O_WRONLY);

	ck_assert_int_ge(saved, 0);
	ck_assert_int_ge(null, 0);
	dup2(null, STDOUT_FILENO);
	setenv("COLUMNS", "123", 1);
	ck_assert_int_eq(ir_term_columns(), 123);
	setenv("COLUMNS", "12x", 1);
	ck_assert_int_eq(ir_term_columns(), 80); /* not a terminal, no usable COLUMNS */
	setenv("COLUMNS", "0", 1);
	ck_assert_int_eq(ir_term_columns(), 80);
	unsetenv("COLUMNS");
	ck_assert_int_eq(ir_term_columns(), 80);
	dup2(saved, STDOUT_FILENO);
	close(saved);
	close(null);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("width");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, ascii_is_one_column_a_byte);
	tcase_add_test(tc, east_asian_wide_is_two);
	tcase_add_test(tc, combining_and_ambiguous);
	tcase_add_test(tc, ill_formed_counts_as_replacement);
	tcase_add_test(tc, padding);
	tcase_add_test(tc, terminal_columns);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
