#include "extract/extract.h"
#include "ja/count.h"
#include "marks.h"
#include "unit.h"

enum { MAX_COUNTS = 16 };

struct counts {
	const char *text;
	struct ir_count c[MAX_COUNTS];
	size_t n, stop_after; /* stop_after 0: never stop */
};

static int
collect(const struct ir_count *c, void *ctx)
{
	struct counts *cs = ctx;

	ck_assert_uint_lt(cs->n, MAX_COUNTS);
	cs->c[cs->n++] = *c;
	return cs->stop_after != 0 && cs->n == cs->stop_after;
}

static const struct counts *
scan(const char *s)
{
	static struct counts cs;
	size_t found;

	static struct counts marked;

	memset(&cs, 0, sizeof cs);
	cs.text = s;
	found = ir_count_scan(s, strlen(s), collect, &cs);
	ck_assert_uint_eq(found, cs.n);
	/* Through the marks of a pass for several readers, the same counts. */
	memset(&marked, 0, sizeof marked);
	ck_assert_uint_eq(ir_count_scan_marked(s, strlen(s), marks_of(s, strlen(s)), collect, &marked), found);
	for (size_t i = 0; i < found; i++)
		ck_assert(marked.c[i].off == cs.c[i].off && marked.c[i].len == cs.c[i].len &&
			  marked.c[i].n == cs.c[i].n && marked.c[i].qual == cs.c[i].qual &&
			  strcmp(marked.c[i].unit, cs.c[i].unit) == 0);
	return &cs;
}

/* Checks count i: its value, unit, qualifier and exactly the text it spans. */
static void
ck_count(const struct counts *cs, size_t i, double v, const char *unit, enum ir_qual q,
	 const char *span)
{
	const struct ir_count *c = &cs->c[i];

	ck_assert_uint_lt(i, cs->n);
	ck_assert_msg(c->n == v, "%s: got %.17g, want %.17g", span, c->n, v);
	ck_assert_str_eq(c->unit, unit);
	ck_assert_int_eq(c->qual, q);
	ck_assert_uint_le(c->off + c->len, strlen(cs->text));
	ck_assert_buf_eq(cs->text + c->off, c->len, span);
}

/* The one count in s. */
#define ck_one(s, v, unit, q, span) \
	do { \
		const struct counts *cs_ = scan(s); \
		ck_assert_msg(cs_->n == 1, "%s: %zu counts", s, cs_->n); \
		ck_count(cs_, 0, v, unit, q, span); \
	} while (0)

#define ck_none(s) \
	do { \
		const char *s_ = (s); \
		const struct counts *cs_ = scan(s_); \
		ck_assert_msg(cs_->n == 0, "%s: %zu counts, the first \"%.*s\"", s_, cs_->n, \
			      cs_->n ? (int)cs_->c[0].len : 0, cs_->n ? s_ + cs_->c[0].off : ""); \
	} while (0)

START_TEST(counts_in_sentences)
{
	ck_one("外部に流出した可能性がある個人情報(下記(1)~(2)の合計 13,434 件)",
	       13434, "件", IR_QUAL_NONE, "合計 13,434 件");
	ck_one("(1)取引先様の情報(8,236 件)", 8236, "件", IR_QUAL_NONE, "8,236 件");
	ck_one("会員情報約596万件が閲覧可能な状態でした。", 5960000, "件", IR_QUAL_ABOUT, "約596万件");
	ck_one("メールアドレス約2.2万件が流出した可能性", 22000, "件", IR_QUAL_ABOUT, "約2.2万件");
	ck_one("対象となるお客様は約1万人です。", 10000, "人", IR_QUAL_ABOUT, "約1万人");
	ck_one("クレジットカード情報(最大6,907件)", 6907, "件", IR_QUAL_MAX, "最大6,907件");
	ck_one("卒業生2, 533名の氏名", 2533, "名", IR_QUAL_NONE, "2, 533名");
	ck_one("登録者約 16,000 人のうち", 16000, "人", IR_QUAL_ABOUT, "約 16,000 人");
	ck_one("不正に取得されたデータは1億8990万件にのぼり", 189900000, "件", IR_QUAL_NONE,
	       "1億8990万件");
	ck_one("利用者14万2000人に影響", 142000, "人", IR_QUAL_NONE, "14万2000人");
	ck_one("会員二千人分の住所", 2000, "人分", IR_QUAL_NONE, "二千人分");
	ck_one("合計約 38 万人分の会員データをアップロード", 380000, "人分", IR_QUAL_ABOUT,
	       "合計約 38 万人分");
	ck_one("名簿に記載された三百五十件", 350, "件", IR_QUAL_NONE, "三百五十件");
	ck_one("閲覧者は1,000名以上と推定", 1000, "名", IR_QUAL_OVER, "1,000名以上");
	ck_one("参加者100名余の名簿", 100, "名", IR_QUAL_OVER, "100名余");
	ck_one("職員48人分の給与明細", 48, "人分", IR_QUAL_NONE, "48人分");
	ck_one("対象:5,069件", 5069, "件", IR_QUAL_NONE, "5,069件");
	ck_one("児童4名の成績", 4, "名", IR_QUAL_NONE, "4名");
	ck_one("委託先社員1名が持ち出した", 1, "名", IR_QUAL_NONE, "1名");
	ck_one("取引先30社に連絡", 30, "社", IR_QUAL_NONE, "30社");
	ck_one("送信件数 1,159 件", 1159, "件", IR_QUAL_NONE, "1,159 件");
	ck_one("のべ314回にわたり不正ログイン", 314, "回", IR_QUAL_NONE, "のべ314回");
	ck_one("迷惑メール129,975通が送信された", 129975, "通", IR_QUAL_NONE, "129,975通");
}
END_TEST

START_TEST(counts_exactly)
{
	const struct counts *cs = scan("9007199254740993件と99999999999999999999件");

	ck_assert_uint_eq(cs->n, 2);
	ck_assert(cs->c[0].v.m == 9007199254740993ULL && cs->c[0].v.e == 0 && !cs->c[0].v.too_big);
	ck_assert(cs->c[1].v.too_big);
	ck_assert(cs->c[1].n > cs->c[0].n);
	ck_assert_str_eq(cs->c[1].unit, "件");
}
END_TEST

START_TEST(count_units)
{
	ck_one("社員アカウント3,210アカウント", 3210, "アカウント", IR_QUAL_NONE, "3,210アカウント");
	ck_one("暗号化されたファイル約4万ファイル", 40000, "ファイル", IR_QUAL_ABOUT, "約4万ファイル");
	ck_one("USBメモリ2個を紛失", 2, "個", IR_QUAL_NONE, "2個");
	ck_one("ノートパソコン3台が盗難", 3, "台", IR_QUAL_NONE, "3台");
	ck_one("答案用紙45枚", 45, "枚", IR_QUAL_NONE, "45枚");
	ck_one("専用回線2回線が停止", 2, "回線", IR_QUAL_NONE, "2回線");
	ck_one("利用件数12件分のデータ", 12, "件分", IR_QUAL_NONE, "12件分");
	ck_one("ご来店の5名様", 5, "名", IR_QUAL_NONE, "5名様");
	ck_one("約3,000世帯に誤送付", 3000, "世帯", IR_QUAL_ABOUT, "約3,000世帯");
	ck_one("不正ログインは2万ID分", 20000, "ID", IR_QUAL_NONE, "2万ID");
	ck_one("ログは90日間保存", 90, "日間", IR_QUAL_NONE, "90日間");
	ck_one("約10日にわたり", 10, "日", IR_QUAL_ABOUT, "約10日");
	ck_one("5日以内に報告", 5, "日", IR_QUAL_UNDER, "5日以内");
	ck_one("3 日 前後 で復旧", 3, "日", IR_QUAL_ABOUT, "3 日 前後");
	ck_one("市内12校で配布", 12, "校", IR_QUAL_NONE, "12校");
}
END_TEST

START_TEST(count_qualifiers)
{
	ck_one("およそ300名", 300, "名", IR_QUAL_ABOUT, "およそ300名");
	ck_one("おおよそ300名", 300, "名", IR_QUAL_ABOUT, "おおよそ300名");
	ck_one("概ね1,200件", 1200, "件", IR_QUAL_ABOUT, "概ね1,200件");
	ck_one("最大約4万件", 40000, "件", IR_QUAL_MAX, "最大約4万件");
	ck_one("合計約1,500名", 1500, "名", IR_QUAL_ABOUT, "合計約1,500名");
	ck_one("計3名", 3, "名", IR_QUAL_NONE, "計3名");
	ck_one("延べ 38回", 38, "回", IR_QUAL_NONE, "延べ 38回");
	ck_one("1万件超の記録", 10000, "件", IR_QUAL_OVER, "1万件超");
	ck_one("5千人超えの会員", 5000, "人", IR_QUAL_OVER, "5千人超え");
	ck_one("1,000名 以上", 1000, "名", IR_QUAL_OVER, "1,000名 以上");
	ck_one("10件未満", 10, "件", IR_QUAL_UNDER, "10件未満");
	ck_one("100人以下", 100, "人", IR_QUAL_UNDER, "100人以下");
	ck_one("200件程度", 200, "件", IR_QUAL_ABOUT, "200件程度");
	ck_one("50名前後", 50, "名", IR_QUAL_ABOUT, "50名前後");
	ck_one("20件ほど", 20, "件", IR_QUAL_ABOUT, "20件ほど");
	ck_one("1,000余名", 1000, "名", IR_QUAL_OVER, "1,000余名");
	ck_one("300名余りが", 300, "名", IR_QUAL_OVER, "300名余り");
	/* 最大 wins; any other qualifier before yields to one after. */
	ck_one("最大1,000件程度", 1000, "件", IR_QUAL_MAX, "最大1,000件程度");
	ck_one("約100件以上", 100, "件", IR_QUAL_OVER, "約100件以上");
	/* A qualifier with no count after it is passed over. */
	ck_one("約半数の3名", 3, "名", IR_QUAL_NONE, "3名");
}
END_TEST

START_TEST(several_counts)
{
	const char *s = "会員1,123名(うち退会者12名)、延べ697回のアクセスで計807件が閲覧された";
	const struct counts *cs = scan(s);

	ck_assert_uint_eq(cs->n, 4);
	ck_count(cs, 0, 1123, "名", IR_QUAL_NONE, "1,123名");
	ck_count(cs, 1, 12, "名", IR_QUAL_NONE, "12名");
	ck_count(cs, 2, 697, "回", IR_QUAL_NONE, "延べ697回");
	ck_count(cs, 3, 807, "件", IR_QUAL_NONE, "計807件");
	ck_assert_uint_eq(cs->c[0].off, strlen("会員"));
	ck_assert_uint_eq(cs->c[1].off, strlen("会員1,123名(うち退会者"));
}
END_TEST

START_TEST(offsets_span_the_match)
{
	const char *s = "(8,236 件) 約 16,000 人、最大6,907件、1,000名以上。";
	const struct counts *cs = scan(s);
	size_t i;

	ck_assert_uint_eq(cs->n, 4);
	ck_assert_uint_eq(cs->c[0].off, 1);
	ck_assert_uint_eq(cs->c[0].len, strlen("8,236 件"));
	ck_count(cs, 1, 16000, "人", IR_QUAL_ABOUT, "約 16,000 人");
	ck_count(cs, 2, 6907, "件", IR_QUAL_MAX, "最大6,907件");
	ck_count(cs, 3, 1000, "名", IR_QUAL_OVER, "1,000名以上");
	/* Never a blank at either end, nor an overlap. */
	for (i = 0; i < cs->n; i++) {
		ck_assert(s[cs->c[i].off] != ' ');
		ck_assert(s[cs->c[i].off + cs->c[i].len - 1] != ' ');
		if (i > 0)
			ck_assert_uint_ge(cs->c[i].off, cs->c[i - 1].off + cs->c[i - 1].len);
	}
}
END_TEST

START_TEST(vague_counts)
{
	ck_none("数万件の情報が流出したとの報道");
	ck_none("数十名の学生");
	ck_none("数百件に及ぶ");
	ck_none("数千人規模");
	ck_none("約数百件");
	ck_none("十数名の職員");
	ck_none("何万人もの利用者");
	ck_none("数10件の問い合わせ");
	/* 件数, 人数 name a count: not vague. */
	ck_one("対象件数1,159件", 1159, "件", IR_QUAL_NONE, "1,159件");
	ck_one("受講者の人数12名", 12, "名", IR_QUAL_NONE, "12名");
}
END_TEST

START_TEST(phone_numbers_and_codes)
{
	ck_none("専用窓口 0120-123-456 まで");
	ck_none("電話:03-1234-5678(平日9時~17時)");
	ck_none("092-123-4567");
	ck_none("〒123-4567 架空県見本市1-2-3");
	ck_none("123-4567");
	ck_none("03(1234)5678");
	ck_none("内線-123件");
}
END_TEST

START_TEST(dates_and_times)
{
	ck_none("2023年8月23日");
	ck_none("2023 年 8 月 23 日に公表");
	ck_none("10時31分頃");
	ck_none("7月13日(木)");
	ck_none("7 月 13 日");
	ck_none("令和5年12月1日");
	ck_none("2023年度の入学者");
	ck_none("毎月1日に更新");
	ck_none("去る3日、委託先から連絡");
	ck_none("8月1日~3日の間");
	ck_none("3月10日前後に");
	ck_none("3日後に判明");
	ck_none("四日市市の事業所");
	ck_none("二日間");
}
END_TEST

START_TEST(ordinals_and_identifiers)
{
	ck_none("第2報");
	ck_none("第146条第1項");
	ck_none("第 3 回");
	ck_none("1件目の事案");
	ck_none("2回目の不正アクセス");
	ck_none("3人目");
	ck_none("ID12345件");
	ck_none("PC3台");
	ck_none("No:2737152号");
	ck_none("No.12件");
	ck_none("会員番号A-1234件");
	ck_none("file_20件");
	ck_none("#123件");
	ck_none("1 件 名 コンピュータの不適正使用");
	ck_none("version 1.2.3件");
}
END_TEST

START_TEST(not_counts)
{
	ck_none("2.5");
	ck_none("1,234");
	ck_none("割合は20%です");
	ck_none("100円");
	ck_none("5万円の被害");
	ck_none("20歳の男性");
	ck_none("30代の職員");
	ck_none("一部のお客様");
	ck_none("一日も早い復旧");
	ck_none("同一人物");
	ck_none("万一の場合");
	ck_none("十分な対策");
	ck_none("以下の3通りの方法");
	ck_none("5個人情報");
	ck_none("千葉県");
	ck_none("1.5倍");
	ck_none("");
}
END_TEST

START_TEST(list_numbers_and_ranges)
{
	ck_none("1.2,345名");
	ck_one("100~200件", 200, "件", IR_QUAL_NONE, "200件");
	ck_one("(2)当社社員12名", 12, "名", IR_QUAL_NONE, "12名");
	ck_one("2)個人3名", 3, "名", IR_QUAL_NONE, "3名");
}
END_TEST

START_TEST(callback_stops)
{
	const char *s = "1名、2名、3名";
	struct counts cs;

	memset(&cs, 0, sizeof cs);
	cs.text = s;
	cs.stop_after = 2;

	ck_assert_uint_eq(ir_count_scan(s, strlen(s), collect, &cs), 2);
	ck_assert_uint_eq(cs.n, 2);
	ck_assert_uint_eq(ir_count_scan(s, strlen(s), NULL, NULL), 3);
	/* Only the first n bytes: "1名、2" has one count. */
	ck_assert_uint_eq(ir_count_scan(s, strlen("1名、2"), NULL, NULL), 1);
}
END_TEST

START_TEST(qualifier_names)
{
	ck_assert_ptr_null(ir_qual_name(IR_QUAL_NONE));
	ck_assert_str_eq(ir_qual_name(IR_QUAL_ABOUT), "about");
	ck_assert_str_eq(ir_qual_name(IR_QUAL_MAX), "max");
	ck_assert_str_eq(ir_qual_name(IR_QUAL_OVER), "over");
	ck_assert_str_eq(ir_qual_name(IR_QUAL_UNDER), "under");
}
END_TEST

/* What follows a run of numerals decides; a long run is read once, not once a numeral. */
START_TEST(runs_of_numerals)
{
	struct ir_buf b = IR_BUF_INIT;
	size_t i;

	ck_one("1 2 3件", 3, "件", IR_QUAL_NONE, "3件");
	ck_one("一、二、三件", 3, "件", IR_QUAL_NONE, "三件");
	ck_one("1.5 万件", 15000, "件", IR_QUAL_NONE, "1.5 万件");
	ck_one("三十余名", 30, "名", IR_QUAL_OVER, "三十余名");
	ck_none("1 2 3年");
	for (i = 0; i < 100000; i++)
		ir_buf_adds(&b, "1 十,");
	ir_buf_adds(&b, "年");
	ck_assert_uint_eq(ir_count_scan(b.p, b.len, NULL, NULL), 0);
	b.len = 0;
	for (i = 0; i < 100000; i++)
		ir_buf_adds(&b, "一");
	ir_buf_adds(&b, "月");
	ck_assert_uint_eq(ir_count_scan(b.p, b.len, NULL, NULL), 0);
	ir_buf_free(&b);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("jnum");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, counts_in_sentences);
	tcase_add_test(tc, counts_exactly);
	tcase_add_test(tc, count_units);
	tcase_add_test(tc, count_qualifiers);
	tcase_add_test(tc, several_counts);
	tcase_add_test(tc, offsets_span_the_match);
	tcase_add_test(tc, vague_counts);
	tcase_add_test(tc, phone_numbers_and_codes);
	tcase_add_test(tc, dates_and_times);
	tcase_add_test(tc, ordinals_and_identifiers);
	tcase_add_test(tc, not_counts);
	tcase_add_test(tc, list_numbers_and_ranges);
	tcase_add_test(tc, callback_stops);
	tcase_add_test(tc, qualifier_names);
	tcase_add_test(tc, runs_of_numerals);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN_PREPARED(suite, ir_extract_prepare)
