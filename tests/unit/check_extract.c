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
		"当社は個人情報保護委員会に報告し、所轄警察署に相談しております。また、業務委託先とともに再発防止に努めます。\n";
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

static Suite *
suite(void)
{
	Suite *s = suite_create("extract");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, a_whole_notice);
	tcase_add_test(tc, typo_year_and_no_date);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN_PREPARED(suite, ir_extract_prepare)
