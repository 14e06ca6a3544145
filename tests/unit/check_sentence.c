#include "base/buf.h"
#include "ja/norm.h"
#include "ja/sentence.h"
#include "unit.h"

static struct ir_norm n = IR_NORM_INIT;
static struct ir_units us = IR_UNITS_INIT;

/* Normalises raw and starts over on it; its body starts after its first line end when header is set. */
static void
load(const char *raw, int header)
{
	const char *nl;

	ir_norm(&n, raw, strlen(raw));
	nl = header ? memchr(n.text.p, '\n', n.text.len) : NULL;
	ir_units_reset(&us, n.text.p, n.text.len, nl ? (size_t)(nl - n.text.p) + 1 : 0);
}

/* Where the first of word stands in the loaded text. */
static size_t
at(const char *word)
{
	const char *p = strstr(n.text.p, word);

	ck_assert_msg(p != NULL, "no %s in %s", word, n.text.p);
	return (size_t)(p - n.text.p);
}

/* The unit holding word is want. */
static void
unit_is(const char *word, const char *want)
{
	const struct ir_unit *u = ir_unit_at(&us, at(word));

	ck_assert_buf_eq(n.text.p + u->off, u->end - u->off, want);
}

START_TEST(between_stops)
{
	load("架空商事株式会社は、倉庫で書類を紛失しました。書類には顧客の氏名が記載されていました。現在、捜索を続けております。", 0);
	unit_is("顧客", "書類には顧客の氏名が記載されていました。");
	unit_is("架空", "架空商事株式会社は、倉庫で書類を紛失しました。");
	unit_is("捜索", "現在、捜索を続けております。");
	/* The line end after a 。 belongs to neither unit: the next starts after it. */
	load("委託先から連絡がありました。\n調査の結果、誤送信と判明しました。", 0);
	unit_is("誤送信", "調査の結果、誤送信と判明しました。");
	unit_is("連絡", "委託先から連絡がありました。");
}
END_TEST

/* A 。 before a closing bracket ends no unit: the definition in parentheses, the quotation. */
START_TEST(stops_in_brackets)
{
	load("当社の配送システム（以下「本システム」という。）に障害が発生しました。", 0);
	unit_is("障害", "当社の配送システム(以下「本システム」という。)に障害が発生しました。");
	load("お客様から「見覚えのないメールが届いた。」との連絡があり、判明しました。", 0);
	unit_is("判明", "お客様から「見覚えのないメールが届いた。」との連絡があり、判明しました。");
	load("担当者は『至急確認すること。』と指示しました。以上です。", 0);
	unit_is("指示", "担当者は『至急確認すること。』と指示しました。");
}
END_TEST

/* A blank line ends a unit; so do the body's start and the text's end. */
START_TEST(paragraphs)
{
	load("【お知らせ】架空電機 記録媒体の紛失について\n■ 概要\n委託先の倉庫で記録媒体が所在不明\n\n■ 経緯\n \t\n2026年3月2日に判明", 1);
	unit_is("委託先", "■ 概要\n委託先の倉庫で記録媒体が所在不明\n");
	unit_is("判明", "2026年3月2日に判明");
	/* The header line is a unit of its own. */
	unit_is("記録媒体の", "【お知らせ】架空電機 記録媒体の紛失について\n");
	/* From within a blank line, the unit runs on past it; the places after it have their own. */
	load("前の段落\n\n次の段落です。続きです。", 0);
	ck_assert_uint_eq(ir_unit_at(&us, at("\n\n") + 1)->off, 0);
	unit_is("続き", "続きです。");
	unit_is("次", "次の段落です。");
}
END_TEST

/* Any place of a unit has it, in whatever order the places are asked for; its clauses are read on demand. */
START_TEST(found_once)
{
	const struct ir_unit *a, *b, *c;

	load("第一文です。関係者へのメールに宛先を誤った添付ファイルが含まれていました。第三文です。", 0);
	a = ir_unit_at(&us, at("添付"));
	ck_assert_int_eq(a->read, 0);
	b = ir_unit_at(&us, at("関係者"));
	c = ir_unit_at(&us, at("第三"));
	ck_assert_ptr_eq(ir_unit_at(&us, at("含まれ")), b);
	ck_assert_ptr_ne(c, b);
	ck_assert_uint_eq(us.n, 2);
	ck_assert_ptr_eq(ir_unit_at(&us, at("第一")), &us.unit[2]);
	ck_assert_uint_eq(us.n, 3);
	/* Clauses: offsets from the unit's start, moods as ja/clause.h reads them. */
	load("外部への流出は確認されておりません。ご注意ください。", 0);
	a = ir_unit_clauses(&us, at("流出"));
	ck_assert_int_eq(a->read, 1);
	ck_assert_int_eq(ir_mood_at(&a->cl, at("流出") - a->off, NULL), IR_MOOD_DENIED);
	a = ir_unit_clauses(&us, at("注意"));
	ck_assert_uint_eq(a->off, at("ご注意"));
	ck_assert_int_eq(ir_mood_at(&a->cl, 0, NULL), IR_MOOD_ADVICE);
	/* A new text forgets the units of the last. */
	load("別の通知です。", 0);
	ck_assert_uint_eq(us.n, 0);
	unit_is("通知", "別の通知です。");
}
END_TEST

/* Units asked for their clauses first, as many as make their array grow. */
START_TEST(clauses_first)
{
	struct ir_buf b = IR_BUF_INIT;
	const char *p;
	size_t i;

	for (i = 0; i < 40; i++)
		ir_buf_adds(&b, i % 2 ? "個人情報は含まれておりません。" : "委託先が書類を紛失しました。");
	load(ir_buf_cstr(&b), 0);
	for (i = 0, p = n.text.p; (p = strstr(p, "た。")) != NULL; i++, p += 3) {
		const struct ir_unit *u = ir_unit_clauses(&us, (size_t)(p - n.text.p));

		ck_assert_int_eq(ir_mood_at(&u->cl, 0, NULL), IR_MOOD_FACT);
	}
	ck_assert_uint_eq(i, 20);
	ck_assert_uint_eq(us.n, 20);
	p = strstr(n.text.p, "個人");
	ck_assert_int_eq(ir_mood_at(&ir_unit_clauses(&us, (size_t)(p - n.text.p))->cl, 0, NULL), IR_MOOD_DENIED);
	ir_buf_free(&b);
}
END_TEST

/* Bounds are found sixteen bytes at a time: a 。 or a blank line at every place of a long line. */
START_TEST(every_alignment)
{
	struct ir_buf b = IR_BUF_INIT, want = IR_BUF_INIT;
	size_t k, i;

	for (k = 0; k < 40; k++) {
		b.len = want.len = 0;
		for (i = 0; i < k; i++)
			ir_buf_adds(&want, i % 3 ? "漏" : "a");
		ir_buf_adds(&want, "えい。");
		ir_buf_addf(&b, "前の文%s。%s", k % 2 ? "です" : "", ir_buf_cstr(&want));
		ir_buf_adds(&b, "後の文です。");
		load(ir_buf_cstr(&b), 0);
		unit_is("えい", ir_buf_cstr(&want));
		b.len = want.len = 0;
		for (i = 0; i < k; i++)
			ir_buf_adds(&want, i % 2 ? "情報" : "b");
		ir_buf_adds(&want, "\n");
		ir_buf_addf(&b, "%s\n\n%s", "前の段落の終わり", ir_buf_cstr(&want));
		ir_buf_adds(&b, "\n次の段落");
		load(ir_buf_cstr(&b), 0);
		if (k > 0)
			unit_is(k > 1 ? "情報" : "b", ir_buf_cstr(&want));
		unit_is("前の段落", "前の段落の終わり\n");
	}
	ir_buf_free(&b);
	ir_buf_free(&want);
}
END_TEST

static void
teardown(void)
{
	ir_units_free(&us);
}

static Suite *
suite(void)
{
	Suite *s = suite_create("sentence");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, between_stops);
	tcase_add_test(tc, stops_in_brackets);
	tcase_add_test(tc, paragraphs);
	tcase_add_test(tc, found_once);
	tcase_add_test(tc, clauses_first);
	tcase_add_test(tc, every_alignment);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN_PREPARED(suite, ir_norm_prepare)
