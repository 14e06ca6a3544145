#include "split/header.h"
#include "unit.h"

static const char *
title(const char *line, const struct ir_header *h)
{
	static char buf[512];

	snprintf(buf, sizeof buf, "%.*s", (int)h->title_len, line + h->title_off);
	return buf;
}

START_TEST(plain_header)
{
	const char *l = "【セキュリティ事件簿#2025-014】株式会社サンプル商事 不正アクセスに関するお知らせ 2025年3月4日\n";
	struct ir_header h;

	ck_assert_int_eq(ir_header_parse(l, strlen(l), &h), 1);
	ck_assert_str_eq(h.id, "2025-014");
	ck_assert_str_eq(title(l, &h), "株式会社サンプル商事 不正アクセスに関するお知らせ 2025年3月4日");
}
END_TEST

START_TEST(variants)
{
	struct ir_header h;
	const char *wide = "【セキュリティ事件簿＃２０２５－０４２】  架空市 メール誤送信について\r\n";
	const char *bom = "\xEF\xBB\xBF【セキュリティ事件簿#2024-1234】見本大学 お詫び";
	const char *blanks = "　【セキュリティ事件簿 # 2025 - 7 】\n";

	ck_assert_int_eq(ir_header_parse(wide, strlen(wide), &h), 1);
	ck_assert_str_eq(h.id, "2025-042");
	ck_assert_str_eq(title(wide, &h), "架空市 メール誤送信について");
	ck_assert_int_eq(ir_header_parse(bom, strlen(bom), &h), 1);
	ck_assert_str_eq(h.id, "2024-1234");
	ck_assert_str_eq(title(bom, &h), "見本大学 お詫び");
	ck_assert_int_eq(ir_header_parse(blanks, strlen(blanks), &h), 1);
	ck_assert_str_eq(h.id, "2025-7");
	ck_assert_str_eq(title(blanks, &h), "");
	ck_assert_int_eq(h.serial, 1);
	/* The longest number an id holds: 26 digits. */
	ck_assert_int_eq(ir_header_parse("【セキュリティ事件簿#2025-12345678901234567890123456】",
					 strlen("【セキュリティ事件簿#2025-12345678901234567890123456】"), &h), 1);
	ck_assert_str_eq(h.id, "2025-12345678901234567890123456");
}
END_TEST

START_TEST(after_invisible_characters)
{
	/* U+200B, U+2060, U+FEFF, a soft hyphen, an LRM: spaces, here as anywhere. */
	static const char *const lines[] = {
		"\xE2\x80\x8B【セキュリティ事件簿#2025-015】見本市 お詫び\n",
		"\xE2\x81\xA0\xEF\xBB\xBF【セキュリティ事件簿#2025-015】見本市 お詫び\n",
		"\xC2\xAD\xE2\x80\x8E 【\xE2\x80\x8Bセキュリティ事件簿\xE2\x81\xA0#2025-015\xE2\x80\x8B】"
		"\xE2\x80\x8B見本市 お詫び\xE2\x80\x8B\r\n",
	};
	struct ir_header h;
	size_t i;

	for (i = 0; i < sizeof lines / sizeof *lines; i++) {
		ck_assert_msg(ir_header_parse(lines[i], strlen(lines[i]), &h) == 1, "line %zu", i);
		ck_assert_str_eq(h.id, "2025-015");
		ck_assert_str_eq(title(lines[i], &h), "見本市 お詫び");
	}
}
END_TEST

START_TEST(other_shapes)
{
	struct ir_header h;
	const char *bare = "【セキュリティ事件簿#2022】見本工業株式会社 お知らせ\n";
	const char *spaced = "【セキュリティ事件簿#2026- 14 0】見本町 お詫び\n";
	const char *wide = "【セキュリティ事件簿＃２０２６】見本市 お詫び\n";

	/* No serial: the year alone, and the caller is told. */
	ck_assert_int_eq(ir_header_parse(bare, strlen(bare), &h), 1);
	ck_assert_str_eq(h.id, "2022");
	ck_assert_int_eq(h.serial, 0);
	ck_assert_str_eq(title(bare, &h), "見本工業株式会社 お知らせ");
	ck_assert_int_eq(ir_header_parse(wide, strlen(wide), &h), 1);
	ck_assert_str_eq(h.id, "2026");
	/* A blank inside the number. */
	ck_assert_int_eq(ir_header_parse(spaced, strlen(spaced), &h), 1);
	ck_assert_str_eq(h.id, "2026-140");
	ck_assert_int_eq(h.serial, 1);
}
END_TEST

START_TEST(not_headers)
{
	static const char *const lines[] = {
		"【本件の概要】\n",
		"【セキュリティ事件簿】見出しだけ\n",
		"【セキュリティ事件簿#25-001】年が二桁\n",
		"【セキュリティ事件簿#20250-001】年が五桁\n",
		"【セキュリティ事件簿#025-001】年が三桁\n",
		"【セキュリティ事件簿#2025-123456789012345678901234567】番号が27桁\n",
		"【セキュリティ事件簿#2025-】番号なし\n",
		"【セキュリティ事件簿#2025-12a】\n",
		"前置き【セキュリティ事件簿#2025-001】文中の言及\n",
		"【セキュリティ事件簿#2025-001\n",
		"",
		"\xE3\x80",
	};
	struct ir_header h;
	size_t i;

	for (i = 0; i < sizeof lines / sizeof *lines; i++)
		ck_assert_msg(ir_header_parse(lines[i], strlen(lines[i]), &h) == 0, "%s", lines[i]);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("header");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, plain_header);
	tcase_add_test(tc, variants);
	tcase_add_test(tc, after_invisible_characters);
	tcase_add_test(tc, other_shapes);
	tcase_add_test(tc, not_headers);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
