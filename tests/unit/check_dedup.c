#include <unistd.h>

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
	/* Nor do the invisible characters scraping strews. */
	ck_assert(a == ir_dedup_hash(&d, "お\xE2\x80\x8B詫び申し上げます。\xEF\xBB\xBF\n当社は\xE2\x81\xA0",
				     strlen("お\xE2\x80\x8B詫び申し上げます。\xEF\xBB\xBF\n当社は\xE2\x81\xA0")));
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
	/* Names that cannot be opened: the posts are kept in memory. */
	char name_a[] = "/nonexistent/a.txt", name_b[] = "/nonexistent/b.txt";
	int i;

	ck_assert_int_eq(ir_dedup_check(&d, "2025-003", post, strlen(post), name_a, 10, 0, &hit), 0);
	/* Same id, other text: a numbering mistake, not a copy. */
	ck_assert_int_eq(ir_dedup_check(&d, "2025-003", "別の投稿", strlen("別の投稿"), name_a, 30, 0, &hit), 0);
	/* Same text, other id. */
	ck_assert_int_eq(ir_dedup_check(&d, "2025-004", post, strlen(post), name_a, 50, 0, &hit), 0);
	ck_assert_int_eq(ir_dedup_check(&d, "2025-003", wrapped, strlen(wrapped), name_b, 7, 0, &hit), 1);
	ck_assert_str_eq(hit.source, "/nonexistent/a.txt");
	ck_assert_int_eq(hit.line, 10);
	/* Many more posts make the table grow; the first is still found. */
	for (i = 0; i < 5000; i++) {
		char id[32];

		snprintf(id, sizeof id, "2025-%d", 1000 + i);
		ck_assert_int_eq(ir_dedup_check(&d, id, post, strlen(post), name_b, 100 + i, 0, &hit), 0);
	}
	ck_assert_int_eq(ir_dedup_check(&d, "2025-1999", post, strlen(post), name_b, 9999, 0, &hit), 1);
	ck_assert_str_eq(hit.source, "/nonexistent/b.txt");
	ck_assert_int_eq(hit.line, 1099);
	ir_dedup_free(&d);
}
END_TEST

/* Writes s to a new file in the scratch folder; returns its name. */
static const char *
file_with(const char *s)
{
	static char name[64];
	FILE *f;

	snprintf(name, sizeof name, "/tmp/check_dedup.%ld", (long)getpid());
	ck_assert((f = fopen(name, "w")) != NULL);
	ck_assert_int_eq(fputs(s, f) >= 0, 1);
	ck_assert_int_eq(fclose(f), 0);
	return name;
}

START_TEST(earlier_posts_are_read_again_from_files)
{
	struct ir_dedup d = IR_DEDUP_INIT;
	struct ir_dedup_hit hit;
	const char *pre = "ラベル: セキュリティ事件簿\n\n";
	const char *post = "【セキュリティ事件簿#2025-011】架空町 名簿の紛失について\n名簿を紛失しました。\n";
	const char *other = "【セキュリティ事件簿#2025-011】架空町 名簿の紛失について\n名簿を誤送付しました。\n";
	char dump[512], name[64], elsewhere[] = "/nonexistent/later.txt";

	snprintf(dump, sizeof dump, "%s%s", pre, post);
	snprintf(name, sizeof name, "%s", file_with(dump));
	ck_assert_int_eq(ir_dedup_check(&d, "2025-011", post, strlen(post), name, 3, strlen(pre), &hit), 0);
	ck_assert_int_eq(ir_dedup_check(&d, "2025-011", post, strlen(post), elsewhere, 9, 0, &hit), 1);
	ck_assert_str_eq(hit.source, name);
	ck_assert_int_eq(hit.line, 3);
	ck_assert_int_eq(ir_dedup_check(&d, "2025-011", other, strlen(other), elsewhere, 20, 0, &hit), 0);
	ck_assert_int_eq(ir_dedup_status(&d), 0);
	/* The file changes: the copy cannot be confirmed, and that is said. */
	snprintf(dump, sizeof dump, "%s%s", pre, other);
	file_with(dump);
	ck_assert_int_eq(ir_dedup_check(&d, "2025-011", post, strlen(post), elsewhere, 30, 0, &hit), 0);
	ck_assert_int_eq(ir_dedup_status(&d), 2);
	unlink(name);
	ir_dedup_free(&d);
}
END_TEST

START_TEST(repaired_posts_are_read_again_alike)
{
	struct ir_dedup d = IR_DEDUP_INIT;
	struct ir_dedup_hit hit;
	/* One ill-formed byte, written as U+FFFD (three bytes) by ir-split. */
	const char *raw = "【セキュリティ事件簿#2025-012】架空村 お詫び\n文字\xff化け\n";
	const char *fixed = "【セキュリティ事件簿#2025-012】架空村 お詫び\n文字\xef\xbf\xbd化け\n";
	char name[64], elsewhere[] = "/nonexistent/later.txt";

	snprintf(name, sizeof name, "%s", file_with(raw));
	ck_assert_int_eq(ir_dedup_check(&d, "2025-012", fixed, strlen(fixed), name, 1, 0, &hit), 0);
	ck_assert_int_eq(ir_dedup_check(&d, "2025-012", fixed, strlen(fixed), elsewhere, 5, 0, &hit), 1);
	ck_assert_int_eq(ir_dedup_status(&d), 0);
	unlink(name);
	ir_dedup_free(&d);
}
END_TEST

START_TEST(keys_are_drawn_per_run)
{
	struct ir_dedup a = IR_DEDUP_INIT, b = IR_DEDUP_INIT;
	const char *post = "【セキュリティ事件簿#2025-013】架空市 お詫び\n";

	ck_assert(ir_dedup_hash(&a, post, strlen(post)) != ir_dedup_hash(&b, post, strlen(post)));
	ir_dedup_free(&a);
	ir_dedup_free(&b);
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
	tcase_add_test(tc, earlier_posts_are_read_again_from_files);
	tcase_add_test(tc, repaired_posts_are_read_again_alike);
	tcase_add_test(tc, keys_are_drawn_per_run);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
