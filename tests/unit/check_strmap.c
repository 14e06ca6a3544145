#include "base/strmap.h"
#include "unit.h"

START_TEST(put_and_get)
{
	struct ir_strmap m = IR_STRMAP_INIT;
	struct ir_strmap_ent *e;
	int added;

	ck_assert_ptr_null(ir_strmap_get(&m, "a", 1));
	e = ir_strmap_put(&m, "a", 1, &added);
	ck_assert_int_eq(added, 1);
	e->val = &m;
	e = ir_strmap_put(&m, "a", 1, &added);
	ck_assert_int_eq(added, 0);
	ck_assert_ptr_eq(e->val, &m);
	/* Keys are bytes: NUL inside, the empty key, prefixes. */
	ir_strmap_put(&m, "a\0b", 3, &added);
	ck_assert_int_eq(added, 1);
	ir_strmap_put(&m, "", 0, &added);
	ck_assert_int_eq(added, 1);
	ir_strmap_put(&m, "ab", 2, &added);
	ck_assert_int_eq(added, 1);
	ck_assert_uint_eq(m.n, 4);
	ck_assert_ptr_nonnull(ir_strmap_get(&m, "", 0));
	ck_assert_ptr_null(ir_strmap_get(&m, "a\0", 2));
	e = ir_strmap_get(&m, "a\0b", 3);
	ck_assert_ptr_nonnull(e);
	ck_assert_uint_eq(e->len, 3);
	ck_assert_int_eq(e->key[3], '\0');
	ir_strmap_free(&m);
}
END_TEST

START_TEST(grows_and_keeps_everything)
{
	struct ir_strmap m = IR_STRMAP_INIT;
	char k[32];
	size_t i, seen = 0;
	int added;

	for (i = 0; i < 20000; i++) {
		snprintf(k, sizeof k, "key-%zu", i);
		ir_strmap_put(&m, k, strlen(k), &added)->val = (void *)(i + 1);
		ck_assert_int_eq(added, 1);
	}
	ck_assert_uint_eq(m.n, 20000);
	ck_assert_uint_ge(m.cap, 2 * m.n);
	for (i = 0; i < 20000; i++) {
		struct ir_strmap_ent *e;

		snprintf(k, sizeof k, "key-%zu", i);
		e = ir_strmap_get(&m, k, strlen(k));
		ck_assert_ptr_nonnull(e);
		ck_assert_ptr_eq(e->val, (void *)(i + 1));
	}
	for (i = 0; i < m.cap; i++)
		seen += m.e[i].key != NULL;
	ck_assert_uint_eq(seen, 20000);
	ir_strmap_free(&m);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("strmap");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, put_and_get);
	tcase_add_test(tc, grows_and_keeps_everything);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
