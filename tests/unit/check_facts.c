#include "extract/extract.h"
#include "marks.h"
#include "reading.h"

static struct reading rd;
static struct ir_dates dates;

static void
load(const char *raw)
{
	static struct ir_dates marked;

	reading_load(&rd, raw);
	ir_dates_scan(&dates, rd.r.t, rd.r.len, rd.nt.body_off, 2025, NULL);
	/* Through the marks of a pass for several readers, the same dates. */
	ir_dates_scan(&marked, rd.r.t, rd.r.len, rd.nt.body_off, 2025, marks_of(rd.r.t, rd.r.len));
	ck_assert_uint_eq(marked.n, dates.n);
	for (size_t i = 0; i < dates.n; i++)
		ck_assert(marked.v[i].off == dates.v[i].off && marked.v[i].len == dates.v[i].len &&
			  marked.v[i].d.y == dates.v[i].d.y && marked.v[i].d.m == dates.v[i].d.m &&
			  marked.v[i].d.d == dates.v[i].d.d && marked.v[i].d.outside_era == dates.v[i].d.outside_era);
}

static unsigned
told(const char *raw)
{
	load(raw);
	return ir_reported_to(&rd.r, &rd.cues, 0, NULL, 0);
}

/* The discovery date of a text, or "none". */
static const char *
found(const char *raw)
{
	struct ir_date pub = {2025, 3, 4, NULL}, d;

	load(raw);
	return ir_discovered(&rd.r, &dates, pub, &d) ? iso(d) : "none";
}

static int
contractor(const char *raw)
{
	load(raw);
	return ir_contractor(&rd.r, &rd.cues);
}

START_TEST(reported)
{
	/* 監督官庁 names the PPC after it: not a third authority. */
	ck_assert_uint_eq(told("監督官庁である個人情報保護委員会には2025年1月10日に報告済みであり、"
			       "所轄警察署にも被害申告しております。"),
			  IR_TOLD_PPC | IR_TOLD_POLICE);
	ck_assert_uint_eq(told("県警から不審な通信について連絡がありました。個人情報保護委員会のガイドラインに沿って対応します。"),
			  IR_TOLD_POLICE);
	ck_assert_uint_eq(told("・1月9日 関係当局へ速報を提出\n"), IR_TOLD_OTHER);
	/* The state's regional offices and the bodies that oversee one. */
	ck_assert_uint_eq(told("所管の保健所と地方の厚生局に報告いたしました。"), IR_TOLD_OTHER);
	/* Named bodies in a list: none stands for the next, as 監督官庁 does. */
	ck_assert_uint_eq(told("警察、総務省、個人情報保護委員会へ届け出ました。"),
			  IR_TOLD_POLICE | IR_TOLD_OTHER | IR_TOLD_PPC);
	/* A generic name in a heading sums up the authorities its section names ... */
	ck_assert_uint_eq(told("本文。\n【当局への報告】\n個人情報保護委員会へ報告し、所轄の警察署にも相談しております。\n"),
			  IR_TOLD_PPC | IR_TOLD_POLICE);
	/* ... and stands for itself in a section that names none. */
	ck_assert_uint_eq(told("本文。\n【関係機関への報告】\n関係機関へ報告済みです。\n"), IR_TOLD_OTHER);
	/* Advice to readers, the contact part and a report asked for tell no one. */
	ck_assert_uint_eq(told("不審な電話があった場合は、最寄りの警察署にご相談ください。"), 0);
	ck_assert_uint_eq(told("本文。\n【お問い合わせ先】\n消費者庁 相談窓口\n"), 0);
	ck_assert_uint_eq(told("当委員会は、架空商事に対し、個人情報保護委員会への報告を求めた。"), 0);
	/* The verb must come in the clause of the name or after it. */
	ck_assert_uint_eq(told("お客様にご連絡し、カード会社その他関係機関との調整を経て公表しました。"), 0);
	/* A report in the prevention part is still a report. */
	ck_assert_uint_eq(told("本文。\n【再発防止策】\n研修を行います。なお、警察に被害届を提出しております。\n"),
			  IR_TOLD_POLICE);
	/* The publisher's own name is no authority told. */
	load("架空市教育委員会は、所管する学校の事案を報告しました。");
	{
		struct ir_span self = {(size_t)(strstr(rd.r.t, "架空市") - rd.r.t), strlen("架空市教育委員会")};

		ck_assert_uint_eq(ir_reported_to(&rd.r, &rd.cues, 0, &self, 1), 0);
		ck_assert_uint_eq(ir_reported_to(&rd.r, &rd.cues, 0, NULL, 0), IR_TOLD_OTHER);
	}
}
END_TEST

START_TEST(discovered)
{
	ck_assert_str_eq(found("2024年11月2日に不正アクセスを受け、以降2025年1月15日までの期間に入力された情報が窃取された"
			       "可能性があることが判明いたしました。\n"
			       "2025年1月20日、決済代行会社から、カード情報漏えいの懸念について連絡を受けました。"),
			 "2025-01-20");
	/* A year left out: the year of the date before, or the published year. */
	ck_assert_str_eq(found("1 判明日時\n\n2月27日(木) 10時頃\n\n2 概要\n本文。"), "2025-02-27");
	/* A date without year after publication, a few months back: the year before. */
	ck_assert_str_eq(found("11月28日、会員の方から、届いたはがきに他人の会員番号が書かれているとの申し出があり、誤りを把握しました。"),
			 "2024-11-28");
	/* A bracketed aside tells how an event is known, not when it was found. */
	ck_assert_str_eq(found("2 経緯\n1月10日頃 第三者が管理画面に侵入する(委託先の解析により判明)\n"
			       "2月9日 保守会社から不審な通信について通知を受ける\n"),
			 "2025-02-09");
	/* An event yet to come is no discovery. */
	ck_assert_str_eq(found("本学が8月21日に開催を予定している説明会の申込フォームで閲覧できる状態が確認されました。"),
			 "none");
	/* A date heading a timeline line governs the lines under it. */
	ck_assert_str_eq(found("1 経緯\n(1)2月3日(月) 9時頃\n担当者が送信しました。\n(2)2月4日(火) 14時頃\n"
			       "受信者から、宛先が見えているとの指摘がありました。\n"),
			 "2025-02-04");
	/* Dates written against others: 同月, 本年. */
	ck_assert_str_eq(found("(1) 令和7年1月 14 日\n送付しました。\n(2) 同月 16 日\n誤りが判明した。\n"), "2025-01-16");
	ck_assert_str_eq(found("先日お知らせしたとおり、本年2月1日に不審な通信を検知しました。"), "2025-02-01");
	/* A later event's verb is not the date's: …行われたのち、…確認. */
	ck_assert_str_eq(found("1月5日に侵入が行われたのち、1月8日にかけて調べ、不正を確認しました。"), "2025-01-08");
	/* 午後 is a time of the day, no later event. */
	ck_assert_str_eq(found("2月3日の午後、取引先の担当者から、届いた請求書に別の会社の明細が入っているとの連絡を受けました。"),
			 "2025-02-03");
	/* 翌日 and 翌朝: the day after the date before, across a month, a leap day and a year. */
	ck_assert_str_eq(found("2月27日(木)の夜、職員が書類の入った鞄を電車の網棚に置いたまま降りました。"
			       "翌朝に気付き、鉄道会社に届け出ました。"),
			 "2025-02-28");
	ck_assert_str_eq(found("2024年2月28日に発送した案内状について、翌日、受け取った方からの連絡で宛名の誤りが判明しました。"),
			 "2024-02-29");
	ck_assert_str_eq(found("2024年12月31日深夜にサーバが停止し、翌朝、暗号化されたファイルが見つかったことで発覚しました。"),
			 "2025-01-01");
	ck_assert_str_eq(found("1月31日に配信したメールマガジンについて、翌日、誤りに気づきました。"), "2025-02-01");
	/* Without a year, the day after 28 February is not known. */
	ck_assert_str_eq(found("2月28日に送信しました。翌日、誤送信に気付きました。"), "none");
	/* A line of the timeline opening with its date is the day's entry, all its sentences. */
	ck_assert_str_eq(found("【経緯】\n2月10日 午前3時頃、基幹サーバに接続できない障害が発生。"
			       "当直の職員が調べたところ、ファイルが暗号化されていることを確認した。\n"
			       "2月12日 警察に相談。\n"),
			 "2025-02-10");
	/* ... not a paragraph of the overview: its next sentence may be a later day's. */
	ck_assert_str_eq(found("2月10日、サーバで障害が発生しました。調査の結果、不正アクセスによるものと判明しました。"),
			 "none");
	/* The notice's own date line, over its sender's name, dates no finding ... */
	ck_assert_str_eq(found("2025年3月4日\n架空町 総務課\n\n町のホームページの一部が改ざんされていることが判明しました。\n"),
			 "none");
	/* ... but the same day alone on a line of the timeline does. */
	ck_assert_str_eq(found("【経緯】\n2025年3月4日\n保守業者から不審な通信を検知したとの連絡を受けました。\n"), "2025-03-04");
	/* An outage is seen as it begins: its date, when no finding is dated. */
	ck_assert_str_eq(found("2月6日(木)より、本所の事務系システムが使用できない状態となっております。"), "2025-02-06");
	ck_assert_str_eq(found("2月6日の正午から、予約サイトがつながりにくい状態が続きました。"), "2025-02-06");
	/* ... but a finding that is dated is the answer. */
	ck_assert_str_eq(found("2月1日から会員サイトにログインできない状態となり、2月3日に不正アクセスを検知しました。"),
			 "2025-02-03");
	ck_assert_str_eq(found("本文。\n【再発防止策】\n2月1日にシステムが利用できなくなったことを受け、機器を更新します。\n"),
			 "none");
	/* Not from recurrence prevention, nor from a denial. */
	ck_assert_str_eq(found("本文。\n【再発防止策】\n2月1日に判明した課題を改めます。\n"), "none");
	ck_assert_str_eq(found("2月1日以降、新たな不正は確認されておりません。"), "none");
}
END_TEST

/* Each word of finding out and of being told, right after the date and further on. */
START_TEST(words_of_finding_out)
{
	static const char *const words[] = {
		"判明", "検知", "発覚", "確認し", "確認され", "確認いたし", "確認でき", "気づ", "気付", "把握",
		"発見", "認識し", "認知", "覚知", "連絡を受け", "通報があり", "指摘をいただ", "通知が届",
		"情報提供を受け", "報告があっ", "申し出があり", "申出を受け", "問い合わせが入", "問合せが相次",
		"お知らせをいただ", "苦情が寄せ", "照会を頂",
	};
	char text[256];
	size_t i;

	for (i = 0; i < sizeof words / sizeof *words; i++) {
		snprintf(text, sizeof text, "2月3日%sました。", words[i]);
		ck_assert_msg(strcmp(found(text), "2025-02-03") == 0, "%s", text);
		snprintf(text, sizeof text, "当社は、2月3日に外部の方から%sました。", words[i]);
		ck_assert_msg(strcmp(found(text), "2025-02-03") == 0, "%s", text);
	}
	/* A word may begin right after the first character of another (お知らせ, 問い合わせ). */
	ck_assert_str_eq(found("2月3日、お客様からのお問い合わせを受けました。"), "2025-02-03");
	/* A word of being told needs its verb, and none of them is read past the sentence. */
	ck_assert_str_eq(found("2月3日に連絡先を変更しました。"), "none");
	ck_assert_str_eq(found("2月3日に訪問しました。\n判明"), "none");
}
END_TEST

START_TEST(period)
{
	struct ir_date pub = {2025, 3, 4, NULL}, f, t;

	load("2023年4月21日~2025年1月3日の期間に本件サイトで購入されたお客様が対象です。");
	ck_assert(ir_period(&rd.r, &dates, pub, &f, &t));
	ck_assert_str_eq(iso(f), "2023-04-21");
	ck_assert_str_eq(iso(t), "2025-01-03");
	load("令和7年1月20日(月曜日)10時00分から1月27日(月曜日)16時20分までの間、閲覧できる状態でした。");
	ck_assert(ir_period(&rd.r, &dates, pub, &f, &t));
	ck_assert_str_eq(iso(f), "2025-01-20");
	ck_assert_str_eq(iso(t), "2025-01-27");
	/* An end before its start in the same month is a slip: no period, no reversed one. */
	load("1月28日~1月5日の間、閲覧できる状態でした。");
	ck_assert(!ir_period(&rd.r, &dates, pub, &f, &t));
	load("6月14~15日 当該システムの状況を確認");
	ck_assert(!ir_period(&rd.r, &dates, pub, &f, &t));
}
END_TEST

START_TEST(contractors)
{
	ck_assert(contractor("運営業務の委託先からさらに再委託を受けた事業者が設定を誤りました。"));
	ck_assert(contractor("本学がカウンセリングを委託している事業者の相談員が、記録を紛失しました。"));
	ck_assert(contractor("当社が利用している架空社の予約管理システムが不正アクセスを受けました。"));
	/* Each word of using, after others that are not, and an unused one before it. */
	ck_assert(contractor("社内で使用した資料です。当館で使用している見本株式会社のサービスに不正アクセスがありました。"));
	ck_assert(contractor("新たに導入した機器とは別に、導入中の架空会社のクラウドで設定の誤りがありました。"));
	ck_assert(contractor("採用された方へ。採用している見本社のプラットフォームが攻撃を受けました。"));
	ck_assert(!contractor("当社が利用している架空社の予約管理システムは、引き続きご利用いただけます。"));
	/* One that only investigated, one denied, one in prevention, one whose staff's data leaked. */
	ck_assert(!contractor("当社は外部の専門業者に調査を依頼しました。"));
	ck_assert(!contractor("ログを調べたところ、当院職員および業務委託業者の作業はなかったことから、"
			      "第三者による操作と判断しました。"));
	ck_assert(!contractor("本文。\n【再発防止策】\n委託先の管理を徹底いたします。\n"));
	ck_assert(!contractor("本文。\n【漏えいした情報】\n協力会社社員の氏名\n"));
	ck_assert(!contractor("事業者の皆様と従業者の方々にお詫び申し上げます。"));
}
END_TEST

/* Does the clause of the first 氏名 in raw state a resolve? */
static int
resolves(const char *raw)
{
	struct ir_place p = IR_PLACE_INIT;

	load(raw);
	return ir_resolves(&rd.r, (size_t)(strstr(rd.r.t, "氏名") - rd.r.t), &p);
}

START_TEST(resolves_for_the_future)
{
	static const struct { const char *text; int resolve; } cases[] = {
		{"氏名の管理に努めてまいります。", 1}, {"氏名の管理に努めます。", 1}, {"氏名の管理に努めて参ります。", 1},
		{"氏名の管理を徹底いたします。", 1}, {"氏名の管理を徹底します。", 1}, {"氏名の管理を徹底して参ります。", 1},
		{"氏名の管理を強化いたします。", 1}, {"氏名の管理を強化します。", 1}, {"氏名の管理を強化して参ります。", 1},
		{"氏名の保護を図ります。", 1}, {"氏名の保護を図って参ります。", 1}, {"氏名の保護に万全の措置を講じます。", 1},
		{"氏名の保護に取り組みます。", 1}, {"氏名の扱いを見直します。", 1}, {"氏名の扱いを見直してまいります。", 1},
		{"氏名の保護に努める所存です。", 1}, {"氏名の保護のため、手順の周知を図ります。", 1},
		/* Past acts. */
		{"氏名の管理を見直しました。", 0}, {"氏名が流出しました。", 0}, {"氏名の保護を図りました。", 0},
		{"氏名を取り出しました。", 0},
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof *cases; i++)
		ck_assert_msg(resolves(cases[i].text) == cases[i].resolve, "%s", cases[i].text);
}
END_TEST

START_TEST(linear)
{
	struct ir_buf b = IR_BUF_INIT;
	struct ir_date pub = {2025, 3, 4, NULL}, d;
	size_t i;

	/* Mentions and dates by the thousand, in one sentence and on many lines. */
	for (i = 0; i < 20000; i++)
		ir_buf_adds(&b, "所轄警察署、委託先、");
	ir_buf_adds(&b, "\n");
	for (i = 0; i < 20000; i++)
		ir_buf_adds(&b, "2025年1月1日 同月2日 判明\n");
	load(ir_buf_cstr(&b));
	ck_assert_uint_eq(ir_reported_to(&rd.r, &rd.cues, 0, NULL, 0), 0);
	ck_assert(ir_discovered(&rd.r, &dates, pub, &d));
	ck_assert_uint_eq(dates.n, 40000);
	ir_buf_free(&b);
}
END_TEST

static void
teardown(void)
{
	reading_free(&rd);
	ir_dates_free(&dates);
}

static Suite *
suite(void)
{
	Suite *s = suite_create("facts");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, reported);
	tcase_add_test(tc, discovered);
	tcase_add_test(tc, words_of_finding_out);
	tcase_add_test(tc, period);
	tcase_add_test(tc, contractors);
	tcase_add_test(tc, resolves_for_the_future);
	tcase_add_test(tc, linear);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN_PREPARED(suite, ir_extract_prepare)
