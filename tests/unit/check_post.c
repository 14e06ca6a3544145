#include "split/post.h"
#include "unit.h"

static const char notice[] = "【セキュリティ事件簿#2026-014】見本町 メールの誤送信について 2026年2月3日\n"
			     "見本町は、2月2日に\"一斉メール\"を送信した際、\n";

/* Two posts packed into one batch come back as they went in. */
START_TEST(packed_and_unpacked)
{
	struct ir_segment inc = {0}, pre = {0};
	struct ir_buf b = IR_BUF_INIT;
	struct ir_post p;
	const char *text;
	size_t pos = 0;

	inc.kind = IR_INCIDENT;
	inc.source = "dump.txt";
	inc.line = 5;
	inc.offset = 321;
	inc.text = notice;
	inc.len = strlen(notice);
	inc.id = "2026-014";
	inc.title = notice + strlen("【セキュリティ事件簿#2026-014】");
	inc.title_len = strlen("見本町 メールの誤送信について 2026年2月3日");
	pre.kind = IR_PREAMBLE;
	pre.source = "dump.txt";
	pre.line = 1;
	pre.text = "ラベル: セキュリティ事件簿\n\n";
	pre.len = strlen(pre.text);
	ir_post_pack(&b, &pre);
	ir_post_pack(&b, &inc);

	ir_post_unpack(b.p, &pos, &p, &text);
	ck_assert_int_eq(p.kind, IR_PREAMBLE);
	ck_assert_int_eq(p.has_title, 0);
	ck_assert_buf_eq(text, p.len, "ラベル: セキュリティ事件簿\n\n");
	ir_post_unpack(b.p, &pos, &p, &text);
	ck_assert_int_eq(p.kind, IR_INCIDENT);
	ck_assert_str_eq(p.id, "2026-014");
	ck_assert_str_eq(p.source, "dump.txt");
	ck_assert_int_eq(p.line, 5);
	ck_assert_uint_eq(p.offset, 321);
	ck_assert_buf_eq(text, p.len, notice);
	ck_assert_buf_eq(text + p.title_off, p.title_len, "見本町 メールの誤送信について 2026年2月3日");
	ck_assert_uint_eq(pos, b.len);
	ir_buf_free(&b);
}
END_TEST

START_TEST(records_written)
{
	struct ir_post p = {0};
	struct ir_dedup_hit first = {"old.txt", 40};
	struct ir_buf b = IR_BUF_INIT;

	p.kind = IR_INCIDENT;
	p.source = "dump.txt";
	p.line = 5;
	p.offset = 321;
	p.len = strlen(notice);
	p.has_title = 1;
	p.title_off = strlen("【セキュリティ事件簿#2026-014】");
	p.title_len = strlen("見本町");
	snprintf(p.id, sizeof p.id, "2026-014");
	ir_post_json(&b, &p, notice, NULL);
	ck_assert_buf_eq(b.p, b.len,
			 "{\"kind\":\"incident\",\"id\":\"2026-014\",\"source\":\"dump.txt\",\"line\":5,"
			 "\"offset\":321,\"title\":\"見本町\",\"text\":\"【セキュリティ事件簿#2026-014】"
			 "見本町 メールの誤送信について 2026年2月3日\\n見本町は、2月2日に\\\"一斉メール\\\""
			 "を送信した際、\\n\"}\n");
	b.len = 0;
	p.len = 3;
	p.has_title = 0;
	ir_post_json(&b, &p, notice, &first);
	ck_assert_buf_eq(b.p, b.len,
			 "{\"kind\":\"incident\",\"id\":\"2026-014\",\"source\":\"dump.txt\",\"line\":5,"
			 "\"offset\":321,\"duplicate_of\":{\"source\":\"old.txt\",\"line\":40},"
			 "\"text\":\"【\"}\n");
	b.len = 0;
	p.kind = IR_NOISE;
	ir_post_json(&b, &p, "旅の話", NULL);
	ck_assert_buf_eq(b.p, b.len,
			 "{\"kind\":\"noise\",\"source\":\"dump.txt\",\"line\":5,\"offset\":321,"
			 "\"text\":\"旅\"}\n");
	ir_buf_free(&b);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("post");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, packed_and_unpacked);
	tcase_add_test(tc, records_written);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
