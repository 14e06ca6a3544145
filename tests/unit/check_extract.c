#include <jansson.h>

#include "extract/extract.h"
#include "unit.h"

/* A value as compact JSON (in a buffer reused by each call). */
static const char *
dump(json_t *v)
{
	static char out[256];
	char *s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);

	snprintf(out, sizeof out, "%s", s);
	free(s);
	return out;
}

/* The fields of a notice, parsed back with jansson. */
static json_t *
fields(const char *text, const char *id)
{
	static struct ir_extractor x;
	struct ir_buf b = IR_BUF_INIT;
	json_error_t e;
	json_t *j;

	ir_extract(&x, text, strlen(text), id);
	ir_buf_addc(&b, '{');
	ir_extract_json(&x, text, &b);
	ir_buf_addc(&b, '}');
	j = json_loadb(b.p, b.len, 0, &e);
	ck_assert_msg(j != NULL, "%s: %.*s", e.text, (int)b.len, b.p);
	ir_buf_free(&b);
	return j;
}

START_TEST(a_whole_notice)
{
	const char *text =
		"【セキュリティ事件簿#2025-031】株式会社ミナト精機 不正アクセスによる個人情報漏えいのお詫び(第2報) 2025年3⽉4⽇\n\n"
		"2025年2月3日、当社サーバへの不審な通信を検知しました。調査の結果、お客様の氏名、住所、電話番号(最大1,234件)が"
		"流出した可能性があることが判明いたしました。クレジットカード情報は含まれておりません。\n\n"
		"対象は2024年10月1日~2025年2月3日の期間にご登録いただいたお客様です。\n\n"
		"当社は個人情報保護委員会に報告し、所轄警察署に相談しております。\n"
		"サーバの保守を委託している事業者が設定を誤っていたことが原因です。\n";
	json_t *j = fields(text, "2025-031");

	ck_assert_str_eq(json_string_value(json_object_get(j, "org")), "株式会社ミナト精機");
	ck_assert_str_eq(json_string_value(json_object_get(j, "org_type")), "company");
	ck_assert_str_eq(json_string_value(json_object_get(j, "published")), "2025-03-04");
	ck_assert_str_eq(json_string_value(json_object_get(j, "published_raw")), "2025年3⽉4⽇");
	ck_assert_int_eq(json_integer_value(json_object_get(j, "report_no")), 2);
	ck_assert_int_eq(json_integer_value(json_object_get(j, "affected")), 1234);
	ck_assert(json_is_true(json_object_get(j, "affected_approx")));
	ck_assert_str_eq(json_string_value(json_object_get(json_array_get(json_object_get(j, "counts"), 0), "text")),
			 "最大1,234件");
	ck_assert_str_eq(dump(json_object_get(j, "data_types")), "[\"address\",\"name\",\"phone\"]");
	ck_assert_str_eq(dump(json_object_get(j, "reported_to")), "[\"police\",\"ppc\"]");
	ck_assert_str_eq(json_string_value(json_object_get(j, "discovered")), "2025-02-03");
	ck_assert_int_eq(json_integer_value(json_object_get(j, "disclosure_days")), 29);
	ck_assert_str_eq(json_string_value(json_object_get(json_object_get(j, "period"), "from")), "2024-10-01");
	ck_assert(json_is_true(json_object_get(j, "contractor")));
	ck_assert_int_eq(json_array_size(json_object_get(j, "warnings")), 0);
	ck_assert_str_eq(json_string_value(json_object_get(j, "published_from")), "header");
	ck_assert(json_is_null(json_object_get(j, "subject_org")));
	json_decref(j);
}
END_TEST

/* The sections as "name@offset+length[heading]" against the original text. */
static const char *
sections(json_t *j, const char *text)
{
	static char out[512];
	size_t i, k = 0;
	json_t *s = json_object_get(j, "sections");

	out[0] = '\0';
	for (i = 0; i < json_array_size(s) && k < sizeof out - 100; i++) {
		json_t *e = json_array_get(s, i);
		size_t off = (size_t)json_integer_value(json_object_get(e, "offset"));
		const char *h = json_string_value(json_object_get(e, "heading"));

		/* A heading is written as it stands at the section's start. */
		if (h != NULL)
			ck_assert(strncmp(text + off, h, strlen(h)) == 0);
		k += (size_t)snprintf(out + k, sizeof out - k, "%s%s@%zu+%lld[%s]", i ? " " : "",
				      json_string_value(json_object_get(e, "name")), off,
				      json_integer_value(json_object_get(e, "length")), h ? h : "");
	}
	return out;
}

START_TEST(sections_in_original_bytes)
{
	/* Full-width forms before the headings: offsets are of the original bytes. */
	const char *text = "【セキュリティ事件簿#２０２６-００７】架空町 お知らせ 2026年1月9日\n"
			   "ＡＢＣ課の職員が名簿を紛失しました。\n"
			   "１．紛失した情報\n町民の氏名\n"
			   "２．再発防止策\n保管を徹底します。\n";
	size_t body = strchr(text, '\n') + 1 - text, data = strstr(text, "１．") - text;
	size_t prev = strstr(text, "２．") - text;
	char want[256];
	json_t *j = fields(text, "2026-007");

	snprintf(want, sizeof want, "overview@%zu+%zu[] data@%zu+%zu[１．紛失した情報] prevention@%zu+%zu[２．再発防止策]",
		 body, data - body, data, prev - data, prev, strlen(text) - prev);
	ck_assert_str_eq(sections(j, text), want);
	ck_assert_str_eq(dump(json_object_get(j, "data_types")), "[\"name\"]");
	json_decref(j);
	j = fields("【セキュリティ事件簿#2026-008】架空町 お知らせ\n", "2026-008");
	ck_assert_str_eq(dump(json_object_get(j, "sections")), "[]");
	json_decref(j);
}
END_TEST

START_TEST(published_from_the_body)
{
	json_t *j;

	/* A date line at the top, beside the name. */
	j = fields("【セキュリティ事件簿#2026-011】架空電機株式会社 不正アクセスについて\n"
		   "2026年1月14日\n架空電機株式会社\n\n2026年1月5日、不正な通信を検知しました。\n", "2026-011");
	ck_assert_str_eq(json_string_value(json_object_get(j, "published")), "2026-01-14");
	ck_assert_str_eq(json_string_value(json_object_get(j, "published_from")), "body");
	ck_assert_str_eq(json_string_value(json_object_get(j, "published_raw")), "2026年1月14日");
	ck_assert_int_eq(json_integer_value(json_object_get(j, "disclosure_days")), 9);
	json_decref(j);
	/* A sentence whose date is the day of publishing. */
	j = fields("【セキュリティ事件簿#2026-012】架空大学 学生情報の流出\n"
		   "令和8年1月20日、架空大学は学生の個人情報が流出したと公表しました。\n"
		   "同大学によると、1月8日に教員が誤りに気づいたという。\n", "2026-012");
	ck_assert_str_eq(json_string_value(json_object_get(j, "published")), "2026-01-20");
	ck_assert_str_eq(json_string_value(json_object_get(j, "discovered")), "2026-01-08");
	json_decref(j);
	/* The dates of the incident and of a former notice are not the notice's own. */
	j = fields("【セキュリティ事件簿#2026-013】架空商会 続報\n"
		   "2026年1月9日にお知らせしましたとおり、当社サーバが攻撃を受けました。\n"
		   "1 経緯\n2026年1月7日\n不審な通信を検知\n", "2026-013");
	ck_assert(json_is_null(json_object_get(j, "published")));
	ck_assert(json_is_null(json_object_get(j, "published_from")));
	ck_assert_str_eq(json_string_value(json_object_get(j, "discovered")), "2026-01-07");
	json_decref(j);
}
END_TEST

START_TEST(regulators_notices)
{
	json_t *j = fields("【セキュリティ事件簿#2026-021】個人情報保護委員会 架空ネット株式会社及び架空サポート株式会社に対する行政上の対応について\n"
			   "個人情報保護委員会は、架空ネット株式会社(以下「架空ネット」という。)に対し、令和8年2月3日に指導を行いましたので、お知らせいたします。\n"
			   "1.事案の概要\n架空ネットは、令和7年11月4日、委託先からの連絡により漏えいを把握した。\n",
			   "2026-021");

	ck_assert_str_eq(json_string_value(json_object_get(j, "org")), "個人情報保護委員会");
	ck_assert_str_eq(json_string_value(json_object_get(j, "subject_org")), "架空ネット株式会社");
	ck_assert_str_eq(json_string_value(json_object_get(j, "published")), "2026-02-03");
	ck_assert_str_eq(json_string_value(json_object_get(j, "published_from")), "body");
	ck_assert_str_eq(json_string_value(json_object_get(j, "discovered")), "2025-11-04");
	ck_assert(json_is_null(json_object_get(j, "disclosure_days")));
	ck_assert_str_eq(dump(json_object_get(j, "reported_to")), "[\"ppc\"]");
	json_decref(j);
}
END_TEST

START_TEST(org_folded)
{
	/* Compatibility forms are folded: one organisation groups as one. */
	json_t *j = fields("【セキュリティ事件簿#2026-030】株式会社ＡＢＣ⻑野 お詫び 2026年2月1日\n本文。\n", "2026-030");

	ck_assert_str_eq(json_string_value(json_object_get(j, "org")), "株式会社ABC長野");
	json_decref(j);
	/* A name standing apart after a quoted headline. */
	j = fields("【セキュリティ事件簿#2026-031】「会員ポータル」への不正ログインについて 架空ホールディングス株式会社 2026年2月2日\n本文。\n",
		   "2026-031");
	ck_assert_str_eq(json_string_value(json_object_get(j, "org")), "架空ホールディングス株式会社");
	json_decref(j);
}
END_TEST

START_TEST(denials_reach)
{
	json_t *j = fields("【セキュリティ事件簿#2026-040】架空書店 お詫び 2026年3月1日\n"
			   "会員のメールアドレスが流出しました。クレジットカード情報およびパスワードは含まれておりません。\n"
			   "ログを確認したところ、業務委託業者の作業はなかったことから、外部からの攻撃と判断しました。\n",
			   "2026-040");

	ck_assert_str_eq(dump(json_object_get(j, "data_types")), "[\"email\"]");
	ck_assert(json_is_false(json_object_get(j, "contractor")));
	json_decref(j);
}
END_TEST

START_TEST(typo_year_and_no_date)
{
	json_t *j = fields("【セキュリティ事件簿#2025-050】見本市 メールの誤送信について 2005年7月19日更新\n本文。\n",
			   "2025-050");

	ck_assert_str_eq(json_string_value(json_object_get(j, "published")), "2025-07-19");
	ck_assert_str_eq(json_string_value(json_object_get(j, "published_raw")), "2005年7月19日更新");
	ck_assert_str_eq(json_string_value(json_array_get(json_object_get(j, "warnings"), 0)),
			 "published year 2005 corrected to 2025 (post 2025-050)");
	ck_assert_str_eq(json_string_value(json_object_get(j, "org_type")), "local_gov");
	ck_assert(json_is_null(json_object_get(j, "affected")));
	json_decref(j);
	/* A post numbered in the next year: the year before is the nearer. */
	j = fields("【セキュリティ事件簿#2026-003】見本市 お詫び 2005年12月1日\n", "2026-003");
	ck_assert_str_eq(json_string_value(json_object_get(j, "published")), "2025-12-01");
	json_decref(j);
	j = fields("【セキュリティ事件簿#2025-051】見本県が使用していたドメインについて\n", "2025-051");
	ck_assert(json_is_null(json_object_get(j, "published")));
	ck_assert(json_is_null(json_object_get(j, "published_raw")));
	ck_assert(json_is_null(json_object_get(j, "report_no")));
	ck_assert_str_eq(json_string_value(json_object_get(j, "org")), "見本県");
	json_decref(j);
}
END_TEST

/* The report number of a title, or -1 for null. */
static long
report_no(const char *text)
{
	json_t *j = fields(text, "2025-060");
	json_t *v = json_object_get(j, "report_no");
	long n = json_is_null(v) ? -1 : (long)json_integer_value(v);

	json_decref(j);
	return n;
}

START_TEST(report_numbers)
{
	ck_assert_int_eq(report_no("【セキュリティ事件簿#2025-060】見本市 お詫び(第3報)\n"), 3);
	ck_assert_int_eq(report_no("【セキュリティ事件簿#2025-060】見本市 お詫び(第 12 報)\n"), 12);
	ck_assert_int_eq(report_no("【セキュリティ事件簿#2025-060】見本市 お詫び(第二報)\n"), 2);
	ck_assert_int_eq(report_no("【セキュリティ事件簿#2025-060】見本市 お詫び(第十二報)\n"), 12);
	ck_assert_int_eq(report_no("【セキュリティ事件簿#2025-060】見本市 お詫び(第二十報)\n"), 20);
	/* Not a number as kanji write one: no report number rather than a wrong one. */
	ck_assert_int_eq(report_no("【セキュリティ事件簿#2025-060】見本市 お詫び(第十十報)\n"), -1);
	ck_assert_int_eq(report_no("【セキュリティ事件簿#2025-060】見本市 お詫び\n"), -1);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("extract");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, a_whole_notice);
	tcase_add_test(tc, typo_year_and_no_date);
	tcase_add_test(tc, report_numbers);
	tcase_add_test(tc, sections_in_original_bytes);
	tcase_add_test(tc, published_from_the_body);
	tcase_add_test(tc, regulators_notices);
	tcase_add_test(tc, org_folded);
	tcase_add_test(tc, denials_reach);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN_PREPARED(suite, ir_extract_prepare)
