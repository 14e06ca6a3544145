#include <string.h>

#include "base/cpset.h"
#include "base/utf8.h"
#include "unit.h"

static int
is_kana(uint32_t cp)
{
	return cp >= 0x3041 && cp <= 0x30FF;
}

START_TEST(members)
{
	static struct ir_cpset set = IR_CPSET("〇一二十A");

	ir_cpset_build(&set);
	ck_assert(ir_cpset_has(&set, 0x3007));
	ck_assert(ir_cpset_has(&set, 0x4E00));
	ck_assert(ir_cpset_has(&set, 0x5341));
	ck_assert(ir_cpset_has(&set, 'A'));
	ck_assert(!ir_cpset_has(&set, 0x4E09));
	ck_assert(!ir_cpset_has(&set, 'a'));
	ck_assert(!ir_cpset_has(&set, 0x14E00)); /* beyond the plane, not wrapped */
	ir_cpset_build(&set); /* a second build changes nothing */
	ck_assert(ir_cpset_has(&set, 0x4E00));
}
END_TEST

START_TEST(members_by_test)
{
	static struct ir_cpset set = IR_CPSET_WHERE(is_kana);

	ir_cpset_build(&set);
	ck_assert(ir_cpset_has(&set, 0x3042)); /* あ */
	ck_assert(ir_cpset_has(&set, 0x30A2)); /* ア */
	ck_assert(!ir_cpset_has(&set, 0x4E00));
	ck_assert(!ir_cpset_has(&set, 'a'));
}
END_TEST

START_TEST(members_by_bytes)
{
	static struct ir_cpset set = IR_CPSET("〇一二十A");
	static const char *const chars[] = {"〇", "一", "二", "三", "十", "千", "あ", "ア", "ー", "\xEF\xBC\x91"};
	size_t i;

	ir_cpset_build(&set);
	for (i = 0; i < sizeof chars / sizeof *chars; i++) {
		uint32_t cp = ir_utf8_cp3((const unsigned char *)chars[i]);

		ck_assert_int_eq(ir_cpset_has3(&set, (const unsigned char *)chars[i]), ir_cpset_has(&set, cp));
	}
}
END_TEST

START_TEST(next_member)
{
	static struct ir_cpset set = IR_CPSET("一二3é😀");
	const char *s = "約é😀三百3件と二名、一";

	ir_cpset_build(&set);
	/* é and 😀 are members, but only ASCII and three-byte characters are found. */
	ck_assert_uint_eq(ir_cpset_next(&set, s, strlen(s), 0), strlen("約é😀三百"));
	ck_assert_uint_eq(ir_cpset_next(&set, s, strlen(s), strlen("約é😀三百3")), strlen("約é😀三百3件と"));
	ck_assert_uint_eq(ir_cpset_next(&set, s, strlen(s), strlen("約é😀三百3件と二")),
			  strlen("約é😀三百3件と二名、"));
	ck_assert_uint_eq(ir_cpset_next(&set, s, strlen(s), strlen(s)), strlen(s));
	/* A member cut off at the end of the text is not found. */
	ck_assert_uint_eq(ir_cpset_next(&set, s, strlen(s) - 1, strlen("約é😀三百3件と二名、")),
			  strlen(s) - 1);
	ck_assert_uint_eq(ir_cpset_next(&set, "abc", 3, 0), 3);
}
END_TEST

/* A set nobody built would answer "no" to everything: a bug, so it stops. */
START_TEST(testing_unbuilt_stops)
{
	static struct ir_cpset set = IR_CPSET("一");

	(void)ir_cpset_has(&set, 0x4E00);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("cpset");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, members);
	tcase_add_test(tc, members_by_test);
	tcase_add_test(tc, members_by_bytes);
	tcase_add_test(tc, next_member);
	tcase_add_exit_test(tc, testing_unbuilt_stops, 2);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
