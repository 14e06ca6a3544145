#include "split/dedup.h"
#include "unit.h"

START_TEST(white_space_does_not_matter)
{
	struct ir_dedup d = IR_DEDUP_INIT;
	uint64_t a, b, c;

	a = ir_dedup_hash(&d, "お詫び 申し上げます。\n\n当社は", strlen("お詫び 申し上げます。\n\n当社は"));
	b = ir_dedup_hash(&d, "お詫び\xE3\x80\x80申し上げます。\r\n当社は\xC2\xA0",
			  strlen("お詫び\xE3\x80\x80申し上げます。\r\n当社は\xC2\xA0"));
	c = ir_dedup_hash(&d, "お詫び申し上げます。当社は。", strlen("お詫び申し上げます。当社は。"));
	ck_assert(a == b);
	ck_assert(a != c);
	ir_dedup_free(&d);
}
END_TEST

START_TEST(long_texts_with_spaces_in_every_block)
{
	/* Spaces at every offset of the 16-byte blocks, and none. */
	struct ir_dedup d = IR_DEDUP_INIT;
	struct ir_buf spaced = IR_BUF_INIT, plain = IR_BUF_INIT;
	int i;

	for (i = 0; i < 200; i++) {
		ir_buf_adds(&spaced, "漏えい");
		ir_buf_adds(&plain, "漏えい");
		ir_buf_adds(&spaced, i % 3 == 0 ? " " : i % 3 == 1 ? "\xE3\x80\x80" : "\n\t");
	}
	ck_assert(ir_dedup_hash(&d, spaced.p, spaced.len) == ir_dedup_hash(&d, plain.p, plain.len));
	ir_buf_adds(&plain, "X");
	ck_assert(ir_dedup_hash(&d, spaced.p, spaced.len) != ir_dedup_hash(&d, plain.p, plain.len));
	ir_buf_free(&spaced);
	ir_buf_free(&plain);
	ir_dedup_free(&d);
}
END_TEST

START_TEST(copies_are_found_with_their_origin)
{
	struct ir_dedup d = IR_DEDUP_INIT;
	struct ir_dedup_hit hit;
	const char *post = "【セキュリティ事件簿#2025-003】見本町 誤送信について\n本文です。\n";
	const char *wrapped = "【セキュリティ事件簿#2025-003】見本町 誤送信について\n本文 です。\n\n";
	char name_a[] = "a.txt", name_b[] = "b.txt";
	int i;

	ck_assert_int_eq(ir_dedup_check(&d, "2025-003", post, strlen(post), name_a, 10, &hit), 0);
	/* Same id, other text: a numbering mistake, not a copy. */
	ck_assert_int_eq(ir_dedup_check(&d, "2025-003", "別の投稿", strlen("別の投稿"), name_a, 30, &hit), 0);
	/* Same text, other id. */
	ck_assert_int_eq(ir_dedup_check(&d, "2025-004", post, strlen(post), name_a, 50, &hit), 0);
	ck_assert_int_eq(ir_dedup_check(&d, "2025-003", wrapped, strlen(wrapped), name_b, 7, &hit), 1);
	ck_assert_str_eq(hit.source, "a.txt");
	ck_assert_int_eq(hit.line, 10);
	/* Many more posts make the table grow; the first is still found. */
	for (i = 0; i < 5000; i++) {
		char id[32];

		snprintf(id, sizeof id, "2025-%d", 1000 + i);
		ck_assert_int_eq(ir_dedup_check(&d, id, post, strlen(post), name_b, 100 + i, &hit), 0);
	}
	ck_assert_int_eq(ir_dedup_check(&d, "2025-1999", post, strlen(post), name_b, 9999, &hit), 1);
	ck_assert_str_eq(hit.source, "b.txt");
	ck_assert_int_eq(hit.line, 1099);
	ir_dedup_free(&d);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("dedup");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, white_space_does_not_matter);
	tcase_add_test(tc, long_texts_with_spaces_in_every_block);
	tcase_add_test(tc, copies_are_found_with_their_origin);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
