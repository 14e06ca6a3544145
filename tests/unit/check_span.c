#include <stddef.h>

#include "base/span.h"
#include "unit.h"

struct item {
	int tag;
	size_t off, len;
};

static const struct item items[] = {{0, 10, 5}, {1, 15, 1}, {2, 16, 20}, {3, 36, 4}, {4, 40, 60},
				    {5, 100, 1}, {6, 101, 9}};
enum { N = sizeof items / sizeof *items };

static size_t
find(size_t off, size_t *hint)
{
	return ir_span_find(items, N, sizeof *items, offsetof(struct item, off), off, hint);
}

START_TEST(finds_the_holder)
{
	size_t off, hint = 0, i;

	/* Outside the spans: none. */
	ck_assert_uint_eq(find(9, NULL), N);
	ck_assert_uint_eq(find(110, &hint), N);
	ck_assert_uint_eq(ir_span_find(items, 0, sizeof *items, offsetof(struct item, off), 12, NULL), 0);
	/* Every offset, in order with a hint, and without. */
	for (off = 10; off < 110; off++) {
		size_t want = 0;

		for (i = 0; i < N; i++)
			if (items[i].off <= off && off < items[i].off + items[i].len)
				want = i;
		ck_assert_uint_eq(find(off, &hint), want);
		ck_assert_uint_eq(hint, want);
		ck_assert_uint_eq(find(off, NULL), want);
	}
	/* A hint ahead of the answer, or far behind it. */
	hint = 6;
	ck_assert_uint_eq(find(12, &hint), 0);
	hint = 0;
	ck_assert_uint_eq(find(105, &hint), 6);
	hint = 99;
	ck_assert_uint_eq(find(37, &hint), 3);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("span");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, finds_the_holder);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
