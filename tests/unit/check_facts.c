#include "extract/cues.h"
#include "extract/facts.h"
#include "ja/norm.h"
#include "extract/extract.h"
#include "unit.h"

static struct ir_norm n = IR_NORM_INIT;
static struct ir_cues cues;
static struct ir_dates dates;

static void
load(const char *raw)
{
	ir_norm(&n, raw, strlen(raw));
	ir_cues_scan(&cues, n.text.p, n.text.len);
	ir_dates_scan(&dates, n.text.p, n.text.len);
}

static const char *
iso(struct ir_date d)
{
	static char s[11];

	ir_date_iso(d, s);
	return s;
}

START_TEST(told)
{
	load("監督官庁である個人情報保護委員会には2025年1月10日に報告済みであり、所轄警察署にも被害申告しております。");
	ck_assert_uint_eq(ir_reported_to(n.text.p, n.text.len, &cues, 0), IR_TOLD_PPC | IR_TOLD_POLICE | IR_TOLD_OTHER);
	load("県警から不審な通信について連絡がありました。個人情報保護委員会のガイドラインに沿って対応します。");
	ck_assert_uint_eq(ir_reported_to(n.text.p, n.text.len, &cues, 0), IR_TOLD_POLICE);
	load("個人情報保護委員会は、架空商事に対し指導を行い、報告を求めた。");
	ck_assert_uint_eq(ir_reported_to(n.text.p, n.text.len, &cues, 1), 0);
}
END_TEST

START_TEST(discovered)
{
	struct ir_date pub = {2025, 3, 4}, d;

	load("2024年11月2日に不正アクセスを受け、以降2025年1月15日までの期間に入力された情報が窃取された可能性があることが判明いたしました。\n"
	     "2025年1月20日、決済代行会社から、カード情報漏えいの懸念について連絡を受けました。");
	ck_assert(ir_discovered(n.text.p, n.text.len, &dates, pub, &d));
	ck_assert_str_eq(iso(d), "2025-01-20");
	/* A year left out: the year of the date before, or the published year. */
	load("1 判明日時\n\n2月27日(木) 10時頃\n\n2 概要\n本文。");
	ck_assert(ir_discovered(n.text.p, n.text.len, &dates, pub, &d));
	ck_assert_str_eq(iso(d), "2025-02-27");
	/* An event yet to come is no discovery. */
	load("本学が8月21日に開催を予定している説明会の申込フォームで閲覧できる状態が確認されました。");
	ck_assert(!ir_discovered(n.text.p, n.text.len, &dates, pub, &d));
}
END_TEST

START_TEST(period)
{
	struct ir_date pub = {2025, 3, 4}, f, t;

	load("2023年4月21日~2025年1月3日の期間に本件サイトで購入されたお客様が対象です。");
	ck_assert(ir_period(n.text.p, n.text.len, &dates, pub, &f, &t));
	ck_assert_str_eq(iso(f), "2023-04-21");
	ck_assert_str_eq(iso(t), "2025-01-03");
	load("令和7年1月20日(月曜日)10時00分から1月27日(月曜日)16時20分までの間、閲覧できる状態でした。");
	ck_assert(ir_period(n.text.p, n.text.len, &dates, pub, &f, &t));
	ck_assert_str_eq(iso(f), "2025-01-20");
	ck_assert_str_eq(iso(t), "2025-01-27");
	load("6月14~15日 当該システムの状況を確認");
	ck_assert(!ir_period(n.text.p, n.text.len, &dates, pub, &f, &t));
}
END_TEST

START_TEST(contractor)
{
	load("運営業務の委託先からさらに再委託を受けた事業者が設定を誤りました。");
	ck_assert(ir_contractor(&cues));
	load("当社は外部の専門機関に調査を依頼しました。");
	ck_assert(!ir_contractor(&cues));
}
END_TEST

static void
teardown(void)
{
	ir_norm_free(&n);
	ir_cues_free(&cues);
	ir_dates_free(&dates);
}

static Suite *
suite(void)
{
	Suite *s = suite_create("facts");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, told);
	tcase_add_test(tc, discovered);
	tcase_add_test(tc, period);
	tcase_add_test(tc, contractor);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN_PREPARED(suite, ir_extract_prepare)
