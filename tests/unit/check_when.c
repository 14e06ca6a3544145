#include "extract/extract.h"
#include "extract/when.h"
#include "marks.h"
#include "reading.h"

static struct reading rd;
static struct ir_dates ds;

/* The dates of ds in text as "written=iso", "*" after one outside its era. */
static const char *
render(const char *text, char *got, size_t size)
{
	size_t i;
	char iso[11];

	got[0] = '\0';
	for (i = 0; i < ds.n; i++) {
		ir_date_iso(ds.v[i].d, iso);
		snprintf(got + strlen(got), size - strlen(got), "%s%.*s=%s%s", i ? " " : "", (int)ds.v[i].len,
			 text + ds.v[i].off, iso, ds.v[i].d.outside_era ? "*" : "");
	}
	return got;
}

/* The dates of text[from..), read plain and through the marks of a pass: the same. */
static const char *
dates_from(const char *text, size_t from, int this_year)
{
	static char plain[2048], marked[2048];

	ir_dates_scan(&ds, text, strlen(text), from, this_year, NULL);
	render(text, plain, sizeof plain);
	ir_dates_scan(&ds, text, strlen(text), from, this_year, marks_of(text, strlen(text)));
	ck_assert_str_eq(render(text, marked, sizeof marked), plain);
	return plain;
}

static const char *
dates(const char *text)
{
	return dates_from(text, 0, 2025);
}

START_TEST(written_dates)
{
	ck_assert_str_eq(dates("2025年2月3日(月)に検知し、令和7年2月5日に公表、2/7(金)に再開しました。"),
			 "2025年2月3日(月)=2025-02-03 令和7年2月5日=2025-02-05 2/7(金)=--02-07");
	ck_assert_str_eq(dates("平成31年5月7日付けの書類"), "平成31年5月7日=2019-05-07*");
	ck_assert_str_eq(dates(""), "");
	ck_assert_str_eq(dates("日付の記載はありません。"), "");
}
END_TEST

START_TEST(dates_against_the_one_before)
{
	ck_assert_str_eq(dates("2024年7月1日に発送し、同年8月1日に判明、同月18日に公表しました。"),
			 "2024年7月1日=2024-07-01 同年8月1日=2024-08-01 同月18日=2024-08-18");
	ck_assert_str_eq(dates("2月3日に検知し、同日、サーバを停止しました。"), "2月3日=--02-03 同日=--02-03");
	/* Blanks between 同月 and its day. */
	ck_assert_str_eq(dates("令和7年1月14日\n同月 16 日"), "令和7年1月14日=2025-01-14 同月 16 日=2025-01-16");
	/* With nothing before to count from, or a day the month lacks: no date. */
	ck_assert_str_eq(dates("同月18日に公表しました。"), "");
	ck_assert_str_eq(dates("同日中に対応しました。"), "");
	ck_assert_str_eq(dates("2025年2月3日、同月30日"), "2025年2月3日=2025-02-03");
	/* 同 before other words is no date. */
	ck_assert_str_eq(dates("2025年2月3日、同社は同様の事案を公表しました。"), "2025年2月3日=2025-02-03");
}
END_TEST

START_TEST(the_day_after)
{
	ck_assert_str_eq(dates("2月27日に発送し、翌日判明"), "2月27日=--02-27 翌日=--02-28");
	ck_assert_str_eq(dates("1月31日の夜、翌朝"), "1月31日=--01-31 翌朝=--02-01");
	ck_assert_str_eq(dates("2024年2月28日、翌日"), "2024年2月28日=2024-02-28 翌日=2024-02-29");
	ck_assert_str_eq(dates("2023年2月28日、翌日"), "2023年2月28日=2023-02-28 翌日=2023-03-01");
	ck_assert_str_eq(dates("2024年12月31日、翌朝"), "2024年12月31日=2024-12-31 翌朝=2025-01-01");
	/* Without a year, the day after 28 February or 31 December is not known. */
	ck_assert_str_eq(dates("2月28日、翌日"), "2月28日=--02-28");
	ck_assert_str_eq(dates("12月31日、翌朝"), "12月31日=--12-31");
	ck_assert_str_eq(dates("翌日に発送します。"), "");
	ck_assert_str_eq(dates("2月3日、翌週"), "2月3日=--02-03");
}
END_TEST

START_TEST(dates_against_this_year)
{
	ck_assert_str_eq(dates("本年1月16日に判明し、今年2月1日に公表しました。"),
			 "本年1月16日=2025-01-16 今年2月1日=2025-02-01");
	ck_assert_str_eq(dates("昨年12月5日に受け付けた申込"), "昨年12月5日=2024-12-05");
	/* this_year unknown: the year is left out. */
	ck_assert_str_eq(dates_from("本年1月16日、昨年12月5日", 0, 0), "本年1月16日=--01-16 昨年12月5日=--12-05");
	/* 本年度 is no date, 本年 before a written year no more. */
	ck_assert_str_eq(dates("本年度の計画"), "");
	ck_assert_str_eq(dates("本年2025年3月1日"), "2025年3月1日=2025-03-01");
}
END_TEST

START_TEST(from_an_offset)
{
	const char *text = "2025年1月5日 お知らせ\n2025年1月9日に判明しました。";
	size_t body = (size_t)(strchr(text, '\n') - text) + 1;

	ck_assert_str_eq(dates_from(text, body, 2025), "2025年1月9日=2025-01-09");
	ck_assert_uint_eq(ds.v[0].off, body);
	ck_assert_uint_eq(ds.v[0].len, strlen("2025年1月9日"));
	ck_assert_str_eq(dates_from(text, strlen(text), 2025), "");
	/* 同日 before from has no date before it to count from. */
	ck_assert_str_eq(dates_from("2025年1月5日、同日", strlen("2025年1月5日、"), 2025), "");
}
END_TEST

START_TEST(many_dates_and_free)
{
	struct ir_buf b = IR_BUF_INIT;
	size_t i;

	for (i = 0; i < 100; i++)
		ir_buf_adds(&b, "2025年1月1日、同日、");
	ir_dates_scan(&ds, b.p, b.len, 0, 2025, NULL);
	ck_assert_uint_eq(ds.n, 200);
	ck_assert_uint_eq(ds.v[199].off, b.len - strlen("同日、"));
	ck_assert_int_eq(ds.v[199].d.y, 2025);
	ir_dates_free(&ds);
	ck_assert_ptr_null(ds.v);
	ck_assert_uint_eq(ds.n, 0);
	ck_assert_uint_eq(ds.cap, 0);
	ir_buf_free(&b);
}
END_TEST

START_TEST(may_begin)
{
	static const uint32_t yes[] = {'2', 'R', 0x4EE4 /* 令 */, 0x5341 /* 十 */, 0x540C /* 同 */, 0x7FCC /* 翌 */,
				       0x672C /* 本 */, 0x4ECA /* 今 */, 0x6628 /* 昨 */};
	static const uint32_t no[] = {'a', ' ', 0x3042 /* あ */, 0x5E74 /* 年 */, 0x65E5 /* 日 */, 0x5148 /* 先 */};
	size_t i;

	for (i = 0; i < sizeof yes / sizeof *yes; i++)
		ck_assert_msg(ir_dates_may_begin(yes[i]), "U+%04X", (unsigned)yes[i]);
	for (i = 0; i < sizeof no / sizeof *no; i++)
		ck_assert_msg(!ir_dates_may_begin(no[i]), "U+%04X", (unsigned)no[i]);
}
END_TEST

/* The discovery date of a notice's body as published on pub, or "none". */
static const char *
found_by(const char *body, struct ir_date pub)
{
	struct ir_date d;

	reading_load(&rd, body);
	ir_dates_scan(&ds, rd.r.t, rd.r.len, rd.nt.body_off, pub.y, NULL);
	return ir_discovered(&rd.r, &ds, pub, &d) ? iso(d) : "none";
}

static const struct ir_date march4 = {2025, 3, 4, NULL}, unknown = {0, 0, 0, NULL};

START_TEST(discovered_earliest_before_publication)
{
	ck_assert_str_eq(found_by("2025年2月10日に不正アクセスを確認しました。なお、2025年1月20日に不審な通信を検知しておりました。",
				  march4),
			 "2025-01-20");
	ck_assert_str_eq(found_by("2025年3月4日に判明しました。", march4), "2025-03-04");
	ck_assert_str_eq(found_by("2025年3月5日に判明しました。", march4), "none");
	ck_assert_str_eq(found_by("", march4), "none");
	/* Published unknown: a written year still dates a finding, a date without one does not. */
	ck_assert_str_eq(found_by("2025年3月5日に判明しました。", unknown), "2025-03-05");
	ck_assert_str_eq(found_by("2月3日に判明しました。", unknown), "none");
	/* A date that bounds a window is not a finding's. */
	ck_assert_str_eq(found_by("1月10日~2月3日にかけて不正なログインを確認しました。", march4), "none");
	ck_assert_str_eq(found_by("【発覚日】\n2月3日\n【概要】\n本文。\n", march4), "2025-02-03");
}
END_TEST

START_TEST(discovered_last_winter)
{
	/* A date without year after publication: the year before, up to 183 days back. */
	ck_assert_str_eq(found_by("9月2日に判明しました。", march4), "2024-09-02");
	ck_assert_str_eq(found_by("9月1日に判明しました。", march4), "none");
	ck_assert_str_eq(found_by("3月5日に判明しました。", march4), "none");
	ck_assert_str_eq(found_by("3月4日に判明しました。", march4), "2025-03-04");
	/* A year written before lends its year, and the date is not moved. */
	ck_assert_str_eq(found_by("2024年8月1日に発送した書類について、12月8日に判明しました。", march4), "2024-12-08");
}
END_TEST

/* The window of a notice's body as published on pub, as "from..to", or "none". */
static const char *
period_by(const char *body, struct ir_date pub)
{
	static char got[32];
	struct ir_date f, t;

	reading_load(&rd, body);
	ir_dates_scan(&ds, rd.r.t, rd.r.len, rd.nt.body_off, pub.y, NULL);
	if (!ir_period(&rd.r, &ds, pub, &f, &t))
		return "none";
	snprintf(got, sizeof got, "%s..", iso(f));
	strcat(got, iso(t));
	return got;
}

START_TEST(periods)
{
	ck_assert_str_eq(period_by("2025年1月20日から2025年1月27日までの間、閲覧できる状態でした。", march4),
			 "2025-01-20..2025-01-27");
	ck_assert_str_eq(period_by("2024年12月28日~1月5日の期間に入力された情報", march4), "2024-12-28..2025-01-05");
	/* Without a year: the published year, or the one before for a window after publication. */
	ck_assert_str_eq(period_by("1月6日~1月9日の期間に入力された情報", march4), "2025-01-06..2025-01-09");
	ck_assert_str_eq(period_by("12月20日~1月5日の期間に入力された情報", march4), "2024-12-20..2025-01-05");
	/* ... or the year of a date written before. */
	ck_assert_str_eq(period_by("2023年5月1日に開設したサイトで、6月1日~6月3日の間に登録された方", march4),
			 "2023-06-01..2023-06-03");
	ck_assert_str_eq(period_by("1月6日~1月9日の期間に入力された情報", unknown), "none");
	/* The first window only, and a range that bounds nothing is none. */
	ck_assert_str_eq(period_by("2024年4月1日~2024年4月3日の期間、および2024年5月1日~2024年5月2日の期間", march4),
			 "2024-04-01..2024-04-03");
	ck_assert_str_eq(period_by("2025年1月20日~1月27日に実施したアンケート", march4), "none");
	ck_assert_str_eq(period_by("2025年1月20日に閲覧できる状態でした。", march4), "none");
	ck_assert_str_eq(period_by("", march4), "none");
}
END_TEST

static void
teardown(void)
{
	ir_dates_free(&ds);
	reading_free(&rd);
}

static Suite *
suite(void)
{
	Suite *s = suite_create("when");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, written_dates);
	tcase_add_test(tc, dates_against_the_one_before);
	tcase_add_test(tc, the_day_after);
	tcase_add_test(tc, dates_against_this_year);
	tcase_add_test(tc, from_an_offset);
	tcase_add_test(tc, many_dates_and_free);
	tcase_add_test(tc, may_begin);
	tcase_add_test(tc, discovered_earliest_before_publication);
	tcase_add_test(tc, discovered_last_winter);
	tcase_add_test(tc, periods);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN_PREPARED(suite, ir_extract_prepare)
