#include "extract/extract.h"
#include "extract/org.h"
#include "ja/norm.h"
#include "unit.h"

/* The organisation of a header title (and body), as a string. */
static const char *
org(const char *title, const char *body)
{
	static char got[256];
	size_t off, len;
	int in_body;

	if (!ir_org_find(title, strlen(title), body, strlen(body), &off, &len, &in_body))
		return "(none)";
	snprintf(got, sizeof got, "%.*s", (int)len, (in_body ? body : title) + off);
	return got;
}

START_TEST(name_first)
{
	ck_assert_str_eq(org("見本精機株式会社 不正アクセスによる個人情報流出のお知らせ 2025年3月4日", ""),
			 "見本精機株式会社");
	ck_assert_str_eq(org("株式会社かもめ堂 弊社が運営する「かもめ堂オンラインストア」への不正アクセス 2025/2/19", ""),
			 "株式会社かもめ堂");
	ck_assert_str_eq(org("ホテル見本 駅前 宿泊予約サイトからの不審なメッセージについて 2025年1月9日", ""),
			 "ホテル見本");
	ck_assert_str_eq(org("架空ホールディングス 株式会社 当社グループのクラウドへの不正アクセス 2025/2/1", ""),
			 "架空ホールディングス 株式会社");
	ck_assert_str_eq(org("【重要】 見本大学 学生情報の誤送信について", ""), "見本大学");
	/* A whole body named first, then another one: keep the first. */
	ck_assert_str_eq(org("個人情報保護委員会 株式会社 架空商事に対する行政上の対応について 2025/2/29", ""),
			 "個人情報保護委員会");
}
END_TEST

START_TEST(name_in_a_sentence)
{
	ck_assert_str_eq(org("見本県が使用していたドメインが第三者に再取得されたことについて 2025/1/19", ""), "見本県");
	ck_assert_str_eq(org("架空市のメール中継サーバの不正中継について 2025/2/22", ""), "架空市");
	ck_assert_str_eq(org("見本サイバー対策センターの電子メールシステムからの情報漏えいの可能性について", ""),
			 "見本サイバー対策センター");
	ck_assert_str_eq(org("見本庁及び見本研究所のメール機器に対する不正通信の発生について", ""),
			 "見本庁及び見本研究所");
	ck_assert_str_eq(org("内閣府職員の不正行為: 情報の持ち出しについて", ""), "内閣府");
	ck_assert_str_eq(org("架空町教育ネットワーク内における個人情報の漏洩について 2025年8月4日", ""), "架空町");
}
END_TEST

START_TEST(name_from_quotes_or_body)
{
	ck_assert_str_eq(org("「見本ヴェルデ公式オンラインストア」への不正アクセスによる個人情報漏えいについて",
			     "このたび、弊社が運営する「見本ヴェルデ公式オンラインストア」において…"),
			 "見本ヴェルデ");
	ck_assert_str_eq(org("「架空市民マラソン2025」参加申込フォームで他の申込者の情報が閲覧できる",
			     "架空市が開催する「架空市民マラソン2025」の参加申込で…"),
			 "架空市");
	/* The short name repeated on the line after the header. */
	ck_assert_str_eq(org("見本県が過去に使用したドメインについて 2025/1/5", "\n見本県\n \n本文…"), "見本県");
	ck_assert_str_eq(org("不正アクセスに関するお知らせ", "本文です。"), "(none)");
}
END_TEST

START_TEST(types)
{
	static const struct {
		const char *org, *type;
	} cases[] = {
		{"株式会社見本", "company"}, {"見本精機株式会社", "company"}, {"見本銀行", "company"},
		{"架空ホールディングス 株式会社", "company"}, {"ホテル見本", "company"},
		{"見本省", "national_gov"}, {"見本庁", "national_gov"}, {"個人情報保護委員会", "national_gov"},
		{"国立研究開発法人見本研究所", "national_gov"}, {"内閣サイバー対策室", "national_gov"},
		{"見本市", "local_gov"}, {"架空町", "local_gov"}, {"見本県教育委員会", "local_gov"},
		{"東京都", "local_gov"}, {"見本ヶ浜町", "local_gov"}, {"見本ケ崎市", "local_gov"}, {"見本大学", "education"}, {"見本県立見本高等学校", "education"},
		{"見本大学病院", "medical"}, {"見本東部病院", "medical"}, {"見本クリニック", "medical"},
		{"あおば訪問看護ステーション", "medical"}, {"みほん調剤薬局", "medical"},
		{"見本地方整備局", "national_gov"}, {"見本市交通局", "local_gov"},
		{"見本協会", "association"}, {"NPO法人見本の会協会", "association"},
		{"見本精機健康保険組合", "association"}, {"第5回見本祭実行委員会", "other"},
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof *cases; i++)
		ck_assert_msg(strcmp(ir_org_type(cases[i].org, strlen(cases[i].org)), cases[i].type) == 0,
			      "%s: %s", cases[i].org, ir_org_type(cases[i].org, strlen(cases[i].org)));
	ck_assert_str_eq(ir_org_type(NULL, 0), "other");
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("org");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, name_first);
	tcase_add_test(tc, name_in_a_sentence);
	tcase_add_test(tc, name_from_quotes_or_body);
	tcase_add_test(tc, types);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN_PREPARED(suite, ir_extract_prepare)
