#include "base/buf.h"
#include "unit.h"

static const char record[] =
	"{\"kind\":\"incident\",\"id\":\"2026-001\",\"source\":\"x.txt\",\"line\":3,\"offset\":40,"
	"\"title\":\"架空市立図書館 利用者情報の漏えい\","
	"\"text\":\"【セキュリティ事件簿#2026-001】架空市立図書館 利用者情報の漏えい\"}";

START_TEST(add_addc_adds)
{
	struct ir_buf b = IR_BUF_INIT;

	/* Nothing added, nothing allocated. */
	ir_buf_add(&b, "", 0);
	ck_assert_ptr_null(b.p);
	ck_assert_uint_eq(b.len, 0);

	ir_buf_adds(&b, "{\"kind\":\"incident\",");
	ir_buf_add(&b, "\"id\":\"2026-001\"}garbage", strlen("\"id\":\"2026-001\"}"));
	ir_buf_addc(&b, '\n');
	ck_assert_buf_eq(b.p, b.len, "{\"kind\":\"incident\",\"id\":\"2026-001\"}\n");
	ck_assert_uint_ge(b.cap, b.len);

	/* Bytes are bytes: a NUL inside is kept and counted. */
	ir_buf_add(&b, "a\0b", 3);
	ck_assert_uint_eq(b.len, strlen("{\"kind\":\"incident\",\"id\":\"2026-001\"}\n") + 3);
	ck_assert_int_eq(b.p[b.len - 2], '\0');
	ir_buf_free(&b);
	ck_assert_ptr_null(b.p);
	ck_assert_uint_eq(b.len, 0);
	ck_assert_uint_eq(b.cap, 0);
}
END_TEST

START_TEST(addf_short_and_long)
{
	struct ir_buf b = IR_BUF_INIT, want = IR_BUF_INIT;
	int i;

	ir_buf_addf(&b, "%s:%ld: %s", "notices.ndjson", 3L, "not a JSON object");
	ck_assert_buf_eq(b.p, b.len, "notices.ndjson:3: not a JSON object");
	b.len = 0;

	/* Output far longer than what the buffer holds, appended after text. */
	ir_buf_adds(&b, "[");
	ir_buf_adds(&want, "[");
	for (i = 0; i < 200; i++)
		ir_buf_adds(&want, record);
	ir_buf_addf(&b, "%s", ir_buf_cstr(&want) + 1);
	ck_assert_uint_eq(b.len, want.len);
	ck_assert(memcmp(b.p, want.p, want.len) == 0);

	/* A width alone can make it long. */
	b.len = 0;
	ir_buf_addf(&b, "%05000d|%s", 2026, "件");
	ck_assert_uint_eq(b.len, 5000 + 1 + strlen("件"));
	ck_assert_int_eq(b.p[0], '0');
	ck_assert(memcmp(b.p + 4996, "2026|件", strlen("2026|件")) == 0);
	ir_buf_free(&b);
	ir_buf_free(&want);
}
END_TEST

START_TEST(addcp_one_to_four_bytes)
{
	struct ir_buf b = IR_BUF_INIT;

	ir_buf_addcp(&b, 'A');
	ck_assert_uint_eq(b.len, 1);
	ir_buf_addcp(&b, 0xE9); /* é */
	ck_assert_uint_eq(b.len, 3);
	ir_buf_addcp(&b, 0x4E8B); /* 事 */
	ck_assert_uint_eq(b.len, 6);
	ir_buf_addcp(&b, 0x1F512); /* 🔒 */
	ck_assert_uint_eq(b.len, 10);
	ck_assert_buf_eq(b.p, b.len, "Aé事🔒");
	b.len = 0;
	/* The ends of each length. */
	ir_buf_addcp(&b, 0x7F);
	ir_buf_addcp(&b, 0x80);
	ir_buf_addcp(&b, 0x7FF);
	ir_buf_addcp(&b, 0x800);
	ir_buf_addcp(&b, 0xFFFF);
	ir_buf_addcp(&b, 0x10000);
	ir_buf_addcp(&b, 0x10FFFF);
	ck_assert_buf_eq(b.p, b.len, "\x7F\xC2\x80\xDF\xBF\xE0\xA0\x80\xEF\xBF\xBF\xF0\x90\x80\x80"
				     "\xF4\x8F\xBF\xBF");
	ir_buf_free(&b);
}
END_TEST

START_TEST(cstr_terminates_without_counting)
{
	struct ir_buf b = IR_BUF_INIT;

	ck_assert_str_eq(ir_buf_cstr(&b), "");
	ck_assert_uint_eq(b.len, 0);
	ir_buf_adds(&b, "2026-001");
	ck_assert_str_eq(ir_buf_cstr(&b), "2026-001");
	ck_assert_uint_eq(b.len, 8);
	/* Appending goes over the NUL, as if it were not there. */
	ir_buf_adds(&b, "の続報");
	ck_assert_str_eq(ir_buf_cstr(&b), "2026-001の続報");
	ir_buf_free(&b);
}
END_TEST

START_TEST(grows_through_many_reallocations)
{
	struct ir_buf b = IR_BUF_INIT;
	size_t i, n = strlen(record), times = 20000, grown = 0, cap = 0;

	for (i = 0; i < times; i++) {
		if (i % 2)
			ir_buf_adds(&b, record);
		else
			ir_buf_add(&b, record, n);
		ir_buf_addc(&b, '\n');
		if (b.cap != cap) {
			grown++;
			cap = b.cap;
		}
		ck_assert_uint_ge(b.cap, b.len);
	}
	ck_assert_uint_eq(b.len, times * (n + 1));
	/* Doubling: a few dozen reallocations for megabytes, not one per line. */
	ck_assert_uint_ge(grown, 10);
	ck_assert_uint_le(grown, 40);
	for (i = 0; i < times; i++) {
		ck_assert(memcmp(b.p + i * (n + 1), record, n) == 0);
		ck_assert_int_eq(b.p[i * (n + 1) + n], '\n');
	}
	ir_buf_free(&b);
}
END_TEST

START_TEST(reserve_keeps_contents)
{
	struct ir_buf b = IR_BUF_INIT;

	ir_buf_adds(&b, "架空市");
	ir_buf_reserve(&b, 1 << 20);
	ck_assert_uint_ge(b.cap - b.len, 1 << 20);
	ck_assert_buf_eq(b.p, b.len, "架空市");
	ir_buf_free(&b);
}
END_TEST

START_TEST(xstrdup_copies)
{
	char *s = ir_xstrdup("見本商事株式会社");

	ck_assert_str_eq(s, "見本商事株式会社");
	free(s);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("buf");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, add_addc_adds);
	tcase_add_test(tc, addf_short_and_long);
	tcase_add_test(tc, addcp_one_to_four_bytes);
	tcase_add_test(tc, cstr_terminates_without_counting);
	tcase_add_test(tc, grows_through_many_reallocations);
	tcase_add_test(tc, reserve_keeps_contents);
	tcase_add_test(tc, xstrdup_copies);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
