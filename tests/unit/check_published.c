#include "extract/extract.h"
#include "extract/published.h"
#include "reading.h"

static struct reading rd;
static struct ir_published pub;

/*
 * When raw was published, as "from date raw" and " / warning" if any, or
 * "none"; org is the publisher's name (NULL: unknown), id the post's.
 */
static const char *
read_as(const char *raw, const char *org, const char *id, int regulator)
{
	static char got[512];
	char iso[11];
	size_t org_off = 0, org_len = 0;

	reading_load(&rd, raw);
	if (org != NULL) {
		const char *o = strstr(rd.r.t, org);

		ck_assert_ptr_nonnull(o);
		org_off = (size_t)(o - rd.r.t);
		org_len = strlen(org);
	}
	ir_published(&rd.r, org_off, org_len, id, regulator, &pub);
	if (pub.from == IR_PUB_NONE) {
		ck_assert_str_eq(pub.warning, "");
		return "none";
	}
	ir_date_iso(pub.date, iso);
	snprintf(got, sizeof got, "%s %s %.*s%s%s", ir_pub_from_name(pub.from), iso, (int)pub.raw_len,
		 rd.r.t + pub.raw_off, pub.warning[0] ? " / " : "", pub.warning);
	return got;
}

/* A company's notice, its name known. */
static const char *
published(const char *raw)
{
	return read_as(raw, "架空電機株式会社", "2026-011", 0);
}

#define HEAD "【セキュリティ事件簿#2026-011】架空電機株式会社 不正アクセスについて"

START_TEST(from_the_header)
{
	ck_assert_str_eq(published(HEAD " 2026年1月14日\n本文。\n"), "header 2026-01-14 2026年1月14日");
	ck_assert_str_eq(published(HEAD " 2026/1/19更新\n本文。\n"), "header 2026-01-19 2026/1/19更新");
	ck_assert_str_eq(published(HEAD " (2026年1月19日 公開)\n本文。\n"), "header 2026-01-19 2026年1月19日 公開)");
	/* The header's date wins over the body's. */
	ck_assert_str_eq(published(HEAD " 2026年1月14日\n2026年1月15日\n架空電機株式会社\n"),
			 "header 2026-01-14 2026年1月14日");
	/* The last date, and only when it ends the header. */
	ck_assert_str_eq(published(HEAD " 2026年1月5日の障害 2026年1月14日\n本文。\n"),
			 "header 2026-01-14 2026年1月14日");
	ck_assert_str_eq(published(HEAD " 2026年1月5日発生の障害の続報\n本文。\n"), "none");
	/* A date without its year dates nothing. */
	ck_assert_str_eq(published(HEAD " 1月14日\n本文。\n"), "none");
	ck_assert_str_eq(published(HEAD "\n"), "none");
}
END_TEST

START_TEST(a_typo_in_the_year)
{
	ck_assert_str_eq(read_as(HEAD " 2006年1月14日\n", NULL, "2026-011", 0),
			 "header 2026-01-14 2006年1月14日 / published year 2006 corrected to 2026 (post 2026-011)");
	/* A post numbered in the next year: the year before is fewer digits away. */
	ck_assert_str_eq(read_as(HEAD " 2005年12月1日\n", NULL, "2026-003", 0),
			 "header 2025-12-01 2005年12月1日 / published year 2005 corrected to 2025 (post 2026-003)");
	/* A year next to the post's is no typo; nor is any, with no year in the id. */
	ck_assert_str_eq(read_as(HEAD " 2025年12月26日\n", NULL, "2026-003", 0), "header 2025-12-26 2025年12月26日");
	ck_assert_str_eq(read_as(HEAD " 2027年1月4日\n", NULL, "2026-003", 0), "header 2027-01-04 2027年1月4日");
	ck_assert_str_eq(read_as(HEAD " 2006年1月14日\n", NULL, "", 0), "header 2006-01-14 2006年1月14日");
	/* A leap day the corrected year lacks: no date, and no warning left. */
	ck_assert_str_eq(read_as(HEAD " 2020年2月29日\n", NULL, "2023-040", 0), "none");
}
END_TEST

START_TEST(a_date_line_at_the_top)
{
	ck_assert_str_eq(published(HEAD "\n2026年1月14日\n架空電機株式会社\n\n2026年1月5日、不正な通信を検知しました。\n"),
			 "body 2026-01-14 2026年1月14日");
	ck_assert_str_eq(published(HEAD "\n令和8年1月14日更新\n本文。\n"), "body 2026-01-14 令和8年1月14日");
	ck_assert_str_eq(published(HEAD "\n【2026年1月14日】\n本文。\n"), "body 2026-01-14 2026年1月14日");
	/* Beside the name on its line. */
	ck_assert_str_eq(published(HEAD "\n架空電機株式会社 2026年1月14日\n本文。\n"), "body 2026-01-14 2026年1月14日");
	ck_assert_str_eq(published(HEAD "\n2026年1月14日 架空電機株式会社\n本文。\n"), "body 2026-01-14 2026年1月14日");
	/* Other words beside it, no day, or a line too long: no date line. */
	ck_assert_str_eq(published(HEAD "\n2026年1月14日 説明会を開催\n本文。\n"), "none");
	ck_assert_str_eq(published(HEAD "\n2026年1月\n本文。\n"), "none");
	ck_assert_str_eq(published(HEAD "\n2026年1月14日 ("
				   "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん"
				   ")\n本文。\n"),
			 "none");
	/* Under the heading of the response, a date line at the top is the response's, even in a short notice. */
	ck_assert_str_eq(published(HEAD "\n【今後の対応】\n2026年1月20日\n"), "none");
	/* The top is the first three lines. */
	ck_assert_str_eq(published(HEAD "\n一。\n二。\n三。\n2026年1月14日\n四。\n五。\n六。\n七。\n"), "none");
}
END_TEST

START_TEST(a_date_line_at_the_bottom)
{
	ck_assert_str_eq(published(HEAD "\n当社サーバが攻撃を受けました。\n調査しております。\nご迷惑をおかけします。\n"
				   "以上\n2026年1月14日\n架空電機株式会社 総務部\n"),
			 "body 2026-01-14 2026年1月14日");
	/* Not in a timeline, at the bottom or at the top. */
	ck_assert_str_eq(published(HEAD "\n当社サーバが攻撃を受けました。\n調査しております。\nご迷惑をおかけします。\n"
				   "【経緯】\n2026年1月7日\n不審な通信を検知\n"),
			 "none");
	ck_assert_str_eq(published(HEAD "\n【経緯】\n2026年1月7日\n不審な通信を検知\n"), "none");
}
END_TEST

START_TEST(a_date_line_by_the_name)
{
	static const char *const text = HEAD "\n一。\n二。\n三。\n2026年1月14日\n架空電機株式会社\n"
					"四。\n五。\n六。\n七。\n";

	ck_assert_str_eq(published(text), "body 2026-01-14 2026年1月14日");
	/* The line after the name, too. */
	ck_assert_str_eq(published(HEAD "\n一。\n二。\n三。\n架空電機株式会社\n2026年1月14日\n四。\n五。\n六。\n七。\n"),
			 "body 2026-01-14 2026年1月14日");
	/* Without the name known, the line is just a line. */
	ck_assert_str_eq(read_as(text, NULL, "2026-011", 0), "none");
}
END_TEST

START_TEST(a_sentence_of_publishing)
{
	ck_assert_str_eq(read_as("【セキュリティ事件簿#2026-012】架空大学 学生情報の流出\n"
				 "令和8年1月20日、架空大学は学生の個人情報が流出したと公表しました。\n"
				 "同大学によると、1月8日に教員が誤りに気づいたという。\n",
				 "架空大学", "2026-012", 0),
			 "body 2026-01-20 令和8年1月20日");
	/* The incident's date and a former notice's are not the notice's own. */
	ck_assert_str_eq(published(HEAD "\n2026年1月5日、不正な通信を検知しました。\n"), "none");
	ck_assert_str_eq(published(HEAD "\n2026年1月9日にお知らせしましたとおり、当社サーバが攻撃を受けました。\n"), "none");
	/* A date line at the top comes first; a sentence before one at the bottom. */
	ck_assert_str_eq(published(HEAD "\n2026年1月14日\n2026年1月13日、当社は不正アクセスについて公表しました。\n"),
			 "body 2026-01-14 2026年1月14日");
	ck_assert_str_eq(published(HEAD "\n2026年1月13日、当社は不正アクセスについて公表しました。\n二。\n三。\n四。\n"
				   "2026年1月14日\n"),
			 "body 2026-01-13 2026年1月13日");
}
END_TEST

START_TEST(a_regulators_act)
{
	static const char *const text = "【セキュリティ事件簿#2024-021】個人情報保護委員会 架空ネット株式会社に対する行政上の対応について\n"
					"個人情報保護委員会は、架空ネット株式会社に対し、令和6年2月15日に指導を行いましたので、"
					"お知らせいたします。\n";

	ck_assert_str_eq(read_as(text, "個人情報保護委員会", "2024-021", 1), "body 2024-02-15 令和6年2月15日");
	/* Only a regulator's notice announces an act on its day. */
	ck_assert_str_eq(read_as(text, "個人情報保護委員会", "2024-021", 0), "none");
}
END_TEST

START_TEST(from_names)
{
	ck_assert_str_eq(ir_pub_from_name(IR_PUB_HEADER), "header");
	ck_assert_str_eq(ir_pub_from_name(IR_PUB_BODY), "body");
	ck_assert_ptr_null(ir_pub_from_name(IR_PUB_NONE));
}
END_TEST

static void
teardown(void)
{
	reading_free(&rd);
}

static Suite *
suite(void)
{
	Suite *s = suite_create("published");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, from_the_header);
	tcase_add_test(tc, a_typo_in_the_year);
	tcase_add_test(tc, a_date_line_at_the_top);
	tcase_add_test(tc, a_date_line_at_the_bottom);
	tcase_add_test(tc, a_date_line_by_the_name);
	tcase_add_test(tc, a_sentence_of_publishing);
	tcase_add_test(tc, a_regulators_act);
	tcase_add_test(tc, from_names);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN_PREPARED(suite, ir_extract_prepare)
