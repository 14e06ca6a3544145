#include <utf8proc.h>

#include "base/utf8.h"
#include "unit.h"

START_TEST(next_decodes_valid_sequences)
{
	uint32_t cp;

	ck_assert_int_eq(ir_utf8_next((const unsigned char *)"A", 1, &cp), 1);
	ck_assert_uint_eq(cp, 'A');
	ck_assert_int_eq(ir_utf8_next((const unsigned char *)"\xC2\xA0", 2, &cp), 2);
	ck_assert_uint_eq(cp, 0xA0);
	ck_assert_int_eq(ir_utf8_next((const unsigned char *)"漏", 3, &cp), 3);
	ck_assert_uint_eq(cp, 0x6F0F);
	ck_assert_int_eq(ir_utf8_next((const unsigned char *)"\xF0\x9F\x98\x80", 4, &cp), 4);
	ck_assert_uint_eq(cp, 0x1F600);
}
END_TEST

START_TEST(next_reports_maximal_subparts)
{
	uint32_t cp;

	/* A lone continuation byte, an overlong form, a surrogate. */
	ck_assert_int_eq(ir_utf8_next((const unsigned char *)"\x80", 1, &cp), -1);
	ck_assert_int_eq(ir_utf8_next((const unsigned char *)"\xC0\xAF", 2, &cp), -1);
	ck_assert_int_eq(ir_utf8_next((const unsigned char *)"\xED\xA0\x80", 3, &cp), -1);
	/* A three-byte sequence cut after two bytes is one subpart of two. */
	ck_assert_int_eq(ir_utf8_next((const unsigned char *)"\xE6\xBC" "A", 3, &cp), -2);
	ck_assert_int_eq(ir_utf8_next((const unsigned char *)"\xE6\xBC", 2, &cp), -2);
	ck_assert_int_eq(ir_utf8_next((const unsigned char *)"\xF4\x90\x80\x80", 4, &cp), -1);
	ck_assert_int_eq(ir_utf8_next((const unsigned char *)"\xFF", 1, &cp), -1);
}
END_TEST

START_TEST(check_finds_first_bad_byte)
{
	/* Long enough for the 16-byte blocks, with the fault at each place. */
	const char *good = "不正アクセスによる個人情報漏えいのお知らせ 2025年3月4日\n";
	char buf[256];
	size_t n = strlen(good), i;

	ck_assert_uint_eq(ir_utf8_check(good, n), n);
	for (i = 0; i < n; i++) {
		size_t start = i;

		/* Spoiling a continuation byte makes its whole character bad. */
		while (start > 0 && ((unsigned char)good[start] & 0xC0) == 0x80)
			start--;
		memcpy(buf, good, n);
		buf[i] = (char)0xFF;
		ck_assert_uint_eq(ir_utf8_check(buf, n), start);
	}
	/* A truncated character at the very end. */
	memcpy(buf, good, n - 1);
	memcpy(buf + n - 1, "\xE3\x81", 2);
	ck_assert_uint_eq(ir_utf8_check(buf, n + 1), n - 1);
	ck_assert_uint_eq(ir_utf8_check("", 0), 0);
	ck_assert_uint_eq(ir_utf8_check("\xED\xBF\xBF", 3), 0);
}
END_TEST

START_TEST(check_agrees_with_next_on_every_two_byte_pair)
{
	/*
	 * Each pair of bytes, embedded in text long enough to use the blocks:
	 * at the start, across a block boundary, inside a block, in the tail.
	 */
	static const size_t at[] = {0, 15, 20, 31, 46};
	char buf[48];
	unsigned a, b, k;

	for (k = 0; k < sizeof at / sizeof *at; k++)
	for (a = 0; a < 256; a++) {
		for (b = 0; b < 256; b++) {
			size_t want = sizeof buf, i = 0;

			memset(buf, 'x', sizeof buf);
			buf[at[k]] = (char)a;
			buf[at[k] + 1] = (char)b;
			while (i < sizeof buf) {
				uint32_t cp;
				int k = ir_utf8_next((const unsigned char *)buf + i, sizeof buf - i, &cp);

				if (k < 0) {
					want = i;
					break;
				}
				i += (size_t)k;
			}
			ck_assert_uint_eq(ir_utf8_check(buf, sizeof buf), want);
		}
	}
}
END_TEST

START_TEST(repair_replaces_each_subpart)
{
	struct ir_buf b = IR_BUF_INIT;

	ir_utf8_repair("a\xFF" "b\xE6\xBC" "c", 6, &b);
	ck_assert_buf_eq(b.p, b.len, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c");
	b.len = 0;
	ir_utf8_repair("漏えい", strlen("漏えい"), &b);
	ck_assert_buf_eq(b.p, b.len, "漏えい");
	ir_buf_free(&b);
}
END_TEST

START_TEST(encode_round_trips)
{
	static const uint32_t cps[] = {0, 0x7F, 0x80, 0x7FF, 0x800, 0x3000, 0xFFFD, 0x10000, 0x10FFFF};
	size_t i;

	for (i = 0; i < sizeof cps / sizeof *cps; i++) {
		char u[4];
		uint32_t cp;
		size_t k = ir_utf8_encode(cps[i], u);

		ck_assert_int_eq(ir_utf8_next((const unsigned char *)u, k, &cp), (int)k);
		ck_assert_uint_eq(cp, cps[i]);
	}
}
END_TEST

START_TEST(spaces_are_trimmed)
{
	const char *s = "\xEF\xBB\xBF \xE3\x80\x80" "本文\xC2\xA0\r\n";
	size_t n = strlen(s);

	ck_assert_uint_eq(ir_utf8_span_space(s, n), 7);
	ck_assert_uint_eq(ir_utf8_rspan_space(s, n), 4);
	ck_assert_uint_eq(ir_utf8_span_space("\xE3\x80\x80", 3), 3);
	ck_assert_uint_eq(ir_utf8_rspan_space("ab", 2), 0);
	ck_assert(ir_utf8_is_space(0x3000));
	ck_assert(!ir_utf8_is_space(0x3001));
	ck_assert_uint_eq(ir_utf8_count("漏えいA", strlen("漏えいA")), 4);
}
END_TEST

/* The format characters are utf8proc's category Cf, one by one. */
START_TEST(format_characters_are_category_cf)
{
	uint32_t cp;

	for (cp = 0; cp < 0x110000; cp++)
		ck_assert_msg(ir_utf8_is_format(cp) == (utf8proc_category((utf8proc_int32_t)cp) ==
							UTF8PROC_CATEGORY_CF),
			      "U+%04X", (unsigned)cp);
}
END_TEST

START_TEST(invisible_characters_are_spaces)
{
	/* ZERO WIDTH SPACE, WORD JOINER, BOM, a soft hyphen, an LRM. */
	const char *s = "\xE2\x80\x8B\xE2\x81\xA0\xEF\xBB\xBF\xC2\xAD\xE2\x80\x8E見出し\xE2\x80\x8B\r\n";
	size_t n = strlen(s);

	ck_assert_uint_eq(ir_utf8_span_space(s, n), 14);
	ck_assert_uint_eq(ir_utf8_rspan_space(s, n), 5);
	ck_assert(ir_utf8_is_space(0x200B) && ir_utf8_is_space(0x2060) && ir_utf8_is_space(0xFEFF));
	ck_assert(ir_utf8_is_space(0xE0001));
	ck_assert(!ir_utf8_is_space(0x200A + 0x100) && !ir_utf8_is_space('a'));
}
END_TEST

/* Characters whose last byte is 。's (E3 80 82) must not be taken for it. */
START_TEST(find_matches_whole_characters)
{
	const char *s = "ア\xe3\x82\x82い\xe4\x80\x82う。え。";
	const char *p = ir_utf8_find(s, strlen(s), "。");

	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(p - s, 15);
	ck_assert_ptr_eq(ir_utf8_find(s, 18, "。"), s + 15);
	ck_assert_ptr_null(ir_utf8_find(s, 17 - 1, "。")); /* its last byte cut off */
	ck_assert_ptr_null(ir_utf8_find(s, 0, "。"));
	ck_assert_ptr_null(ir_utf8_find("ab", 2, "。"));
	ck_assert_ptr_eq(ir_utf8_find(s, strlen(s), "え"), s + 18);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("utf8");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, next_decodes_valid_sequences);
	tcase_add_test(tc, next_reports_maximal_subparts);
	tcase_add_test(tc, check_finds_first_bad_byte);
	tcase_add_test(tc, check_agrees_with_next_on_every_two_byte_pair);
	tcase_add_test(tc, repair_replaces_each_subpart);
	tcase_add_test(tc, encode_round_trips);
	tcase_add_test(tc, spaces_are_trimmed);
	tcase_add_test(tc, format_characters_are_category_cf);
	tcase_add_test(tc, invisible_characters_are_spaces);
	tcase_add_test(tc, find_matches_whole_characters);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
