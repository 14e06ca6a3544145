#include "extract/extract.h"
#include "ja/date.h"
#include "marks.h"
#include "unit.h"

/* ir_date_parse on s: the date as ISO text, or "" if none; *len its length. */
static const char *
parse(const char *s, size_t *len)
{
	static char iso[11];
	struct ir_date d;

	*len = ir_date_parse(s, strlen(s), &d);
	if (*len == 0)
		return "";
	ir_date_iso(d, iso);
	return iso;
}

/* Checks that s starts with a date reading as iso and spelt as text. */
#define ck_date(s, iso, text) \
	do { \
		size_t len_; \
		ck_assert_str_eq(parse(s, &len_), iso); \
		ck_assert_buf_eq(s, len_, text); \
	} while (0)

/* ir_date_find_marked finds what ir_date_find does, from every place of s. */
static void
marked_agrees(const char *s, size_t off, struct ir_date d, size_t len)
{
	size_t n = strlen(s), from, k = 0;

	for (from = 0; from <= n; from += from < n && (unsigned char)s[from] >= 0xE0 ? 3 : 1) {
		struct ir_date md = {0, 0, 0, NULL}, wd = {0, 0, 0, NULL};
		size_t mlen = 0, wlen = 0, want = ir_date_find(s + from, n - from, &wd, &wlen);
		size_t got = ir_date_find_marked(s, n, from, marks_of(s, n), &k, &md, &mlen);

		ck_assert_uint_eq(got, want == (size_t)-1 ? want : from + want);
		ck_assert(mlen == wlen && md.y == wd.y && md.m == wd.m && md.d == wd.d);
		if (from == 0)
			ck_assert(got == off && (off == (size_t)-1 || (mlen == len && md.d == d.d)));
		k = 0;
	}
}

/* ir_date_find on s: "ISO@offset:text", or "" if none. */
static const char *
find(const char *s)
{
	static char buf[256];
	struct ir_date d;
	size_t off, len;
	char iso[11];

	off = ir_date_find(s, strlen(s), &d, &len);
	marked_agrees(s, off, d, len);
	if (off == (size_t)-1)
		return "";
	ir_date_iso(d, iso);
	snprintf(buf, sizeof buf, "%s@%zu:%.*s", iso, off, (int)len, s + off);
	return buf;
}

/* ir_date_range_parse on s: "FROM..TO:text", or "" if none. */
static const char *
range(const char *s)
{
	static char buf[256];
	struct ir_date a, b;
	char from[11], to[11];
	size_t len = ir_date_range_parse(s, strlen(s), &a, &b);

	if (len == 0)
		return "";
	ir_date_iso(a, from);
	ir_date_iso(b, to);
	snprintf(buf, sizeof buf, "%s..%s:%.*s", from, to, (int)len, s);
	return buf;
}

START_TEST(kanji_dates)
{
	ck_date("2023年8月23日", "2023-08-23", "2023年8月23日");
	ck_date("2023年07月12日に公表しました。", "2023-07-12", "2023年07月12日");
	ck_date("2023年7月21日更新", "2023-07-21", "2023年7月21日");
	ck_date("2023 年 7 月 5 日、当社サーバにて異常を検知", "2023-07-05", "2023 年 7 月 5 日");
	ck_date("2023 年7月 14 日 夕刻", "2023-07-14", "2023 年7月 14 日");
	ck_date("2024年2月29日", "2024-02-29", "2024年2月29日");
	ck_date("1999年12月31日", "1999-12-31", "1999年12月31日");
	ck_date("2023年十二月一日", "2023-12-01", "2023年十二月一日");
	ck_date("2023年十月二十五日", "2023-10-25", "2023年十月二十五日");
	/* Kanji digits read positionally, as vertical text writes them. */
	ck_date("2023年一〇月二〇日", "2023-10-20", "2023年一〇月二〇日");
	ck_date("令和五年三月三十一日", "2023-03-31", "令和五年三月三十一日");
	ck_date("2023年十月三十二日", "", "");
	ck_date("2023年百月一日", "", "");
}
END_TEST

START_TEST(numeric_dates)
{
	ck_date("2024/1/19", "2024-01-19", "2024/1/19");
	ck_date("2024/01/19 公開", "2024-01-19", "2024/01/19");
	ck_date("2024-01-19", "2024-01-19", "2024-01-19");
	ck_date("2024.1.19", "2024-01-19", "2024.1.19");
	ck_date("2023/ 8/ 3", "2023-08-03", "2023/ 8/ 3");
	ck_date("2024-01-19T10:00:00+09:00", "2024-01-19", "2024-01-19");
	/* The same separator twice, a four-digit year, no third dot. */
	ck_date("2024/1-19", "", "");
	ck_date("2024.1/19", "", "");
	ck_date("24/1/19", "", "");
	ck_date("2024.1.19.2", "", "");
	ck_date("2024/123/4", "", "");
}
END_TEST

START_TEST(era_dates)
{
	ck_date("令和5年12月1日", "2023-12-01", "令和5年12月1日");
	ck_date("令和 5 年 12 月 1 日", "2023-12-01", "令和 5 年 12 月 1 日");
	ck_date("令和05年04月01日付", "2023-04-01", "令和05年04月01日");
	ck_date("令和元年5月1日", "2019-05-01", "令和元年5月1日");
	ck_date("令和五年三月十日", "2023-03-10", "令和五年三月十日");
	ck_date("平成31年4月30日", "2019-04-30", "平成31年4月30日");
	ck_date("平成元年1月8日", "1989-01-08", "平成元年1月8日");
	ck_date("昭和64年1月7日", "1989-01-07", "昭和64年1月7日");
	ck_date("昭和元年12月25日", "1926-12-25", "昭和元年12月25日");
	ck_date("大正15年12月25日", "1926-12-25", "大正15年12月25日");
	ck_date("大正元年8月1日", "1912-08-01", "大正元年8月1日");
	ck_date("明治45年7月30日", "1912-07-30", "明治45年7月30日");
	ck_date("明治33年1月1日", "1900-01-01", "明治33年1月1日");
	ck_date("令和0年1月1日", "", "");
	ck_date("明治32年12月31日", "", ""); /* 1899: out of range */
}
END_TEST

/* The era that does not hold the date s, as ir_date_parse notes it; "" for none. */
static const char *
outside(const char *s)
{
	struct ir_date d;

	ck_assert_msg(ir_date_parse(s, strlen(s), &d) > 0, "%s: no date", s);
	return d.outside_era ? d.outside_era->name : "";
}

START_TEST(days_an_era_does_not_hold)
{
	/* Read as the Gregorian day the era's year counts to, and noted. */
	ck_date("平成31年5月7日", "2019-05-07", "平成31年5月7日");
	ck_assert_str_eq(outside("平成31年5月7日"), "平成");
	ck_assert_str_eq(outside("平成32年3月31日"), "平成");
	ck_assert_str_eq(outside("昭和64年1月8日"), "昭和");
	ck_assert_str_eq(outside("昭和65年1月1日"), "昭和");
	ck_assert_str_eq(outside("大正15年12月26日"), "大正");
	ck_assert_str_eq(outside("明治45年7月31日"), "明治");
	ck_assert_str_eq(outside("H31.5.1"), "平成");
	ck_assert_str_eq(outside("S64.2.1"), "昭和");
	/* Before the era began. */
	ck_date("令和元年4月30日", "2019-04-30", "令和元年4月30日");
	ck_assert_str_eq(outside("令和元年4月30日"), "令和");
	ck_assert_str_eq(outside("R1.4.1"), "令和");
	ck_assert_str_eq(outside("平成元年1月7日"), "平成");
	ck_assert_str_eq(outside("昭和元年12月24日"), "昭和");
	/* The first and last days are the era's. */
	ck_assert_str_eq(outside("令和元年5月1日"), "");
	ck_assert_str_eq(outside("平成31年4月30日"), "");
	ck_assert_str_eq(outside("平成元年1月8日"), "");
	ck_assert_str_eq(outside("昭和64年1月7日"), "");
	ck_assert_str_eq(outside("昭和元年12月25日"), "");
	ck_assert_str_eq(outside("大正元年7月30日"), "");
	/* Other forms have no era. */
	ck_assert_str_eq(outside("2019年5月7日"), "");
	ck_assert_str_eq(outside("2019/5/7"), "");
}
END_TEST

START_TEST(short_era_dates)
{
	ck_date("R5.12.1", "2023-12-01", "R5.12.1");
	ck_date("R05/04/01", "2023-04-01", "R05/04/01");
	ck_date("H31.4.30", "2019-04-30", "H31.4.30");
	ck_date("S64.1.7", "1989-01-07", "S64.1.7");
	ck_date("T1.8.1", "", ""); /* not read: a model or a version */
	ck_date("M45.1.1", "", "");
	ck_date("R5-12-1", "", "");
	ck_date("X5.12.1", "", "");
	ck_date("R5.12", "", "");
}
END_TEST

START_TEST(dates_without_year)
{
	ck_date("8月23日", "--08-23", "8月23日");
	ck_date("7月13日(木)に第一報", "--07-13", "7月13日(木)");
	ck_date("7 月 13 日 (木曜日)", "--07-13", "7 月 13 日 (木曜日)");
	ck_date("十二月一日", "--12-01", "十二月一日");
	ck_date("2月29日", "--02-29", "2月29日");
	ck_date("7/18(火)", "--07-18", "7/18(火)");
	ck_date("7/18 (火) 午前", "--07-18", "7/18 (火)");
	/* Without a weekday, 7/18 is as likely a fraction. */
	ck_date("7/18", "", "");
	ck_date("1/2の確率", "", "");
	ck_date("2月30日", "", "");
	ck_date("0月1日", "", "");
}
END_TEST

START_TEST(weekdays_are_consumed)
{
	ck_date("2023年8月23日(水)", "2023-08-23", "2023年8月23日(水)");
	ck_date("2023年8月23日(水曜日)", "2023-08-23", "2023年8月23日(水曜日)");
	ck_date("2023年8月23日 (水曜)", "2023-08-23", "2023年8月23日 (水曜)");
	ck_date("2024年2月12日(月・休)", "2024-02-12", "2024年2月12日(月・休)");
	ck_date("2023年9月18日(月・祝)", "2023-09-18", "2023年9月18日(月・祝)");
	ck_date("2023年11月3日(金祝)", "2023-11-03", "2023年11月3日(金祝)");
	ck_date("2023年8月6日(日)", "2023-08-06", "2023年8月6日(日)");
	ck_date("2024/1/19(金)", "2024-01-19", "2024/1/19(金)");
	/* Other parentheses stay. */
	ck_date("2023年8月23日(予定)", "2023-08-23", "2023年8月23日");
	ck_date("2023年8月23日()", "2023-08-23", "2023年8月23日");
	ck_date("2023年8月23日(水", "2023-08-23", "2023年8月23日");
}
END_TEST

START_TEST(not_dates)
{
	static const char *const texts[] = {
		"2023年2月30日", "2023年2月29日", "2023年13月1日", "2023年4月31日",
		"2023年", "2023年8月", "2023年度", "2023年8月中旬", "令和5年", "平成元年",
		"10時31分", "1,234件", "13,434 件", "0120-123-456", "03-1234-5678",
		"092-123-4567", "1.2.3", "1.2.30", "2023年8月0日", "2023年8月32日",
		"1899年12月31日", "2101年1月1日", "12023年8月1日", "2023年8月123日",
		"8月", "23日", "月23日", "第2報", "", "年月日", "2023年八月",
	};
	struct ir_date d;
	size_t i;

	for (i = 0; i < sizeof texts / sizeof *texts; i++)
		ck_assert_msg(ir_date_parse(texts[i], strlen(texts[i]), &d) == 0, "%s", texts[i]);
}
END_TEST

START_TEST(date_within_bounds)
{
	static const char s[] = "2023年8月23日";
	struct ir_date d;
	size_t k;

	/* Each cut short of the whole is no date, and reads nothing past n. */
	for (k = 0; k < sizeof s - 1; k++) {
		char *p = malloc(k ? k : 1);

		memcpy(p, s, k);
		ck_assert_uint_eq(ir_date_parse(p, k, &d), 0);
		free(p);
	}
	ck_assert_uint_eq(ir_date_parse(s, sizeof s - 1, &d), sizeof s - 1);
}
END_TEST

START_TEST(months)
{
	struct ir_date d = {1, 1, 1, NULL};
	const char *s;

	s = "2023年8月に発生した事案";
	ck_assert_uint_eq(ir_month_parse(s, strlen(s), &d), strlen("2023年8月"));
	ck_assert_int_eq(d.y, 2023);
	ck_assert_int_eq(d.m, 8);
	ck_assert_int_eq(d.d, 0);
	s = "令和 5 年 12 月分";
	ck_assert_uint_eq(ir_month_parse(s, strlen(s), &d), strlen("令和 5 年 12 月"));
	ck_assert_int_eq(d.y, 2023);
	ck_assert_int_eq(d.m, 12);
	s = "平成元年1月";
	ck_assert_uint_eq(ir_month_parse(s, strlen(s), &d), strlen(s));
	ck_assert_int_eq(d.y, 1989);
	/* A day follows: a date (or no date), not a month. */
	s = "2023年8月23日";
	ck_assert_uint_eq(ir_month_parse(s, strlen(s), &d), 0);
	s = "2023年2月30日";
	ck_assert_uint_eq(ir_month_parse(s, strlen(s), &d), 0);
	s = "2023年13月";
	ck_assert_uint_eq(ir_month_parse(s, strlen(s), &d), 0);
	/* A month its era does not hold is read, and noted. */
	s = "令和元年4月";
	ck_assert_uint_eq(ir_month_parse(s, strlen(s), &d), strlen(s));
	ck_assert_int_eq(d.y, 2019);
	ck_assert_str_eq(d.outside_era->name, "令和");
	s = "平成31年5月";
	ck_assert_uint_eq(ir_month_parse(s, strlen(s), &d), strlen(s));
	ck_assert_str_eq(d.outside_era->name, "平成");
	/* One of its days is enough. */
	s = "令和元年5月";
	ck_assert_uint_eq(ir_month_parse(s, strlen(s), &d), strlen(s));
	ck_assert_ptr_null(d.outside_era);
	s = "昭和64年1月";
	ck_assert_uint_eq(ir_month_parse(s, strlen(s), &d), strlen(s));
	ck_assert_ptr_null(d.outside_era);
	s = "平成元年1月";
	ck_assert_uint_eq(ir_month_parse(s, strlen(s), &d), strlen(s));
	ck_assert_ptr_null(d.outside_era);
	s = "2023年度";
	ck_assert_uint_eq(ir_month_parse(s, strlen(s), &d), 0);
	s = "8月";
	ck_assert_uint_eq(ir_month_parse(s, strlen(s), &d), 0);
	/* 〇日 holds the place of a day not given: the month is what is known. */
	s = "2023年8月〇日";
	ck_assert_uint_eq(ir_month_parse(s, strlen(s), &d), strlen("2023年8月"));
	ck_assert_int_eq(d.m, 8);
}
END_TEST

START_TEST(find_in_sentences)
{
	ck_assert_str_eq(find("【セキュリティ事件簿#2025-014】架空商事株式会社 不正アクセスに関するお知らせ 2025年3月4日"),
			 "2025-03-04@110:2025年3月4日");
	ck_assert_str_eq(find("当社は、2023 年 8 月 16 日にサーバへの攻撃を検知しました。"),
			 "2023-08-16@12:2023 年 8 月 16 日");
	ck_assert_str_eq(find("公開日:2024/01/19(金) 担当:広報課"), "2024-01-19@10:2024/01/19(金)");
	ck_assert_str_eq(find("8月6日(日)早朝、委託先から連絡を受けました。"), "--08-06@0:8月6日(日)");
	ck_assert_str_eq(find("第3報(令和5年12月1日)"), "2023-12-01@8:令和5年12月1日");
	ck_assert_str_eq(find("更新日 R5.12.1"), "2023-12-01@10:R5.12.1");
	/* The first one wins, a later one is found from its offset on. */
	ck_assert_str_eq(find("2023年7月5日に検知し、7月13日(木)に公表"), "2023-07-05@0:2023年7月5日");
	ck_assert_str_eq(find("受付件数1,234件、10時31分現在。7/18(火)に再開"), "--07-18@42:7/18(火)");
	ck_assert_str_eq(find("お問い合わせ 0120-123-456(平日9時~17時)"), "");
	ck_assert_str_eq(find(""), "");
}
END_TEST

START_TEST(find_respects_boundaries)
{
	/* Inside longer digit runs and identifiers. */
	ck_assert_str_eq(find("12023年8月1日"), "");
	ck_assert_str_eq(find("x2024/1/19"), "");
	ck_assert_str_eq(find("ID42024/1/19"), "");
	ck_assert_str_eq(find("ver1.2024.1.19"), "");
	ck_assert_str_eq(find("NoR5.12.1"), "");
	ck_assert_str_eq(find("二十二月一日"), "");
	/* A year-less date right after a year that did not parse is no date. */
	ck_assert_str_eq(find("1899年8月1日"), "");
	ck_assert_str_eq(find("2023年2月30日"), "");
	ck_assert_str_eq(find("2023年 2月30日、3月1日"), "--03-01@20:3月1日");
	/* But punctuation and kana are boundaries. */
	ck_assert_str_eq(find("(2024/1/19)"), "2024-01-19@1:2024/1/19");
	ck_assert_str_eq(find("日付は2024-01-19です"), "2024-01-19@9:2024-01-19");
	ck_assert_str_eq(find("第1報:2023年8月1日"), "2023-08-01@8:2023年8月1日");
}
END_TEST

START_TEST(ranges)
{
	ck_assert_str_eq(range("2023年7月5日 ~ 2023年8月2日の期間"),
			 "2023-07-05..2023-08-02:2023年7月5日 ~ 2023年8月2日");
	ck_assert_str_eq(range("2018年4月19日から2023年7月20日までの間"),
			 "2018-04-19..2023-07-20:2018年4月19日から2023年7月20日まで");
	ck_assert_str_eq(range("2023年7月5日~7月9日"), "2023-07-05..2023-07-09:2023年7月5日~7月9日");
	ck_assert_str_eq(range("2023年7月5日~9日に"), "2023-07-05..2023-07-09:2023年7月5日~9日");
	ck_assert_str_eq(range("2024/1/5-1/19"), "2024-01-05..2024-01-19:2024/1/5-1/19");
	ck_assert_str_eq(range("2024/1/5 - 2024/1/19"), "2024-01-05..2024-01-19:2024/1/5 - 2024/1/19");
	ck_assert_str_eq(range("令和5年1月1日から4月 21日までの間に"),
			 "2023-01-01..2023-04-21:令和5年1月1日から4月 21日まで");
	ck_assert_str_eq(range("2023年7月5日(水)10時~同年7月6日(木)15時30分の期間"),
			 "2023-07-05..2023-07-06:2023年7月5日(水)10時~同年7月6日(木)15時30分");
	ck_assert_str_eq(range("2023年7月5日~同月9日"), "2023-07-05..2023-07-09:2023年7月5日~同月9日");
	ck_assert_str_eq(range("2024/3/1 9:00~3/4 17:30"), "2024-03-01..2024-03-04:2024/3/1 9:00~3/4 17:30");
	ck_assert_str_eq(range("8月1日~8月31日"), "--08-01..--08-31:8月1日~8月31日");
	ck_assert_str_eq(range("8月30日(水)~9月2日(土)まで"), "--08-30..--09-02:8月30日(水)~9月2日(土)まで");
	ck_assert_str_eq(range("2023年7月5日~7日"), "2023-07-05..2023-07-07:2023年7月5日~7日");
}
END_TEST

START_TEST(range_crossing_the_year)
{
	ck_assert_str_eq(range("2023年12月28日から1月5日まで"),
			 "2023-12-28..2024-01-05:2023年12月28日から1月5日まで");
	ck_assert_str_eq(range("2023/12/28~1/5"), "2023-12-28..2024-01-05:2023/12/28~1/5");
	/* The year is known: no guessing. */
	ck_assert_str_eq(range("12月28日~1月5日"), "--12-28..--01-05:12月28日~1月5日");
	/* 2月29日 in the year after: real in 2024, not in 2023. */
	ck_assert_str_eq(range("2023年3月1日~2月29日"), "2023-03-01..2024-02-29:2023年3月1日~2月29日");
	ck_assert_str_eq(range("2022年3月1日~2月29日"), "");
	/* A start without year takes the end's, or the year before it. */
	ck_assert_str_eq(range("12月28日~2024年1月5日"), "2023-12-28..2024-01-05:12月28日~2024年1月5日");
	ck_assert_str_eq(range("1月8日から令和元年4月30日まで"),
			 "2019-01-08..2019-04-30:1月8日から令和元年4月30日まで");
	ck_assert_str_eq(range("2月29日~2023年3月1日"), ""); /* 2023-02-29 never was */
}
END_TEST

START_TEST(not_ranges)
{
	static const char *const texts[] = {
		"2023年7月5日", "2023年7月5日~", "2023年7月5日~3日", "2023年8月2日~2023年7月5日",
		"2023年2月1日~2月29日", "2023年2月1日~30日", "2023年7月5日~同月3日",
		"2023年7月5日 から 10時", "7/18~7/19", "2023年7月5日、7月6日",
		"2023年7月5日~同年7月3日", "~2023年7月5日", "1月28日~1月5日", "2023年3月9日~3月2日",
	};
	struct ir_date a, b;
	size_t i;

	for (i = 0; i < sizeof texts / sizeof *texts; i++)
		ck_assert_msg(ir_date_range_parse(texts[i], strlen(texts[i]), &a, &b) == 0, "%s",
			      texts[i]);
}
END_TEST

START_TEST(validity)
{
	ck_assert_int_eq(ir_date_valid((struct ir_date){2024, 2, 29, NULL}), 1);
	ck_assert_int_eq(ir_date_valid((struct ir_date){2023, 2, 29, NULL}), 0);
	ck_assert_int_eq(ir_date_valid((struct ir_date){2000, 2, 29, NULL}), 1);
	ck_assert_int_eq(ir_date_valid((struct ir_date){1900, 2, 29, NULL}), 0);
	ck_assert_int_eq(ir_date_valid((struct ir_date){2100, 2, 29, NULL}), 0);
	ck_assert_int_eq(ir_date_valid((struct ir_date){0, 2, 29, NULL}), 1);
	ck_assert_int_eq(ir_date_valid((struct ir_date){0, 2, 30, NULL}), 0);
	ck_assert_int_eq(ir_date_valid((struct ir_date){2023, 4, 31, NULL}), 0);
	ck_assert_int_eq(ir_date_valid((struct ir_date){2023, 12, 31, NULL}), 1);
	ck_assert_int_eq(ir_date_valid((struct ir_date){2023, 13, 1, NULL}), 0);
	ck_assert_int_eq(ir_date_valid((struct ir_date){2023, 0, 1, NULL}), 0);
	ck_assert_int_eq(ir_date_valid((struct ir_date){2023, 1, 0, NULL}), 0);
	ck_assert_int_eq(ir_date_valid((struct ir_date){1900, 1, 1, NULL}), 1);
	ck_assert_int_eq(ir_date_valid((struct ir_date){1899, 12, 31, NULL}), 0);
	ck_assert_int_eq(ir_date_valid((struct ir_date){2100, 12, 31, NULL}), 1);
	ck_assert_int_eq(ir_date_valid((struct ir_date){2101, 1, 1, NULL}), 0);
	ck_assert_int_eq(ir_date_valid((struct ir_date){-2023, 1, 1, NULL}), 0);
}
END_TEST

START_TEST(days)
{
	ck_assert_int_eq(ir_date_days((struct ir_date){1970, 1, 1, NULL}), 0);
	ck_assert_int_eq(ir_date_days((struct ir_date){1969, 12, 31, NULL}), -1);
	ck_assert_int_eq(ir_date_days((struct ir_date){2000, 3, 1, NULL}), 11017);
	ck_assert_int_eq(ir_date_days((struct ir_date){2019, 5, 1, NULL}), 18017);
	ck_assert_int_eq(ir_date_days((struct ir_date){2023, 8, 23, NULL}), 19592);
	ck_assert_int_eq(ir_date_days((struct ir_date){1900, 1, 1, NULL}), -25567);
	ck_assert_int_eq(ir_date_days((struct ir_date){2100, 12, 31, NULL}), 47846);
	/* Consecutive across a leap day and a year end. */
	ck_assert_int_eq(ir_date_days((struct ir_date){2024, 3, 1, NULL}) -
			 ir_date_days((struct ir_date){2024, 2, 28, NULL}), 2);
	ck_assert_int_eq(ir_date_days((struct ir_date){2024, 1, 1, NULL}) -
			 ir_date_days((struct ir_date){2023, 12, 31, NULL}), 1);
}
END_TEST

START_TEST(iso)
{
	char out[11];

	ir_date_iso((struct ir_date){2023, 8, 23, NULL}, out);
	ck_assert_str_eq(out, "2023-08-23");
	ir_date_iso((struct ir_date){1989, 1, 8, NULL}, out);
	ck_assert_str_eq(out, "1989-01-08");
	ir_date_iso((struct ir_date){0, 7, 13, NULL}, out);
	ck_assert_str_eq(out, "--07-13");
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("jdate");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, kanji_dates);
	tcase_add_test(tc, numeric_dates);
	tcase_add_test(tc, era_dates);
	tcase_add_test(tc, days_an_era_does_not_hold);
	tcase_add_test(tc, short_era_dates);
	tcase_add_test(tc, dates_without_year);
	tcase_add_test(tc, weekdays_are_consumed);
	tcase_add_test(tc, not_dates);
	tcase_add_test(tc, date_within_bounds);
	tcase_add_test(tc, months);
	tcase_add_test(tc, find_in_sentences);
	tcase_add_test(tc, find_respects_boundaries);
	tcase_add_test(tc, ranges);
	tcase_add_test(tc, range_crossing_the_year);
	tcase_add_test(tc, not_ranges);
	tcase_add_test(tc, validity);
	tcase_add_test(tc, days);
	tcase_add_test(tc, iso);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN_PREPARED(suite, ir_extract_prepare)
