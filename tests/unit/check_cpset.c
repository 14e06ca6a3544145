#include "base/cpset.h"
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
	tcase_add_exit_test(tc, testing_unbuilt_stops, 2);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
