#include "extract/affected.h"
#include "extract/extract.h"
#include "reading.h"

/* The affected count of a (normalised here) notice body: n, or -1. */
static double
affected(const char *raw, int *approx)
{
	static struct reading rd;
	struct ir_counts cs = {0};
	long i;
	double v;

	reading_load(&rd, raw);
	ir_counts_scan(&cs, rd.r.t, rd.r.len, NULL);
	i = ir_affected(&cs, &rd.r, &rd.cues, approx);
	v = i < 0 ? -1 : cs.c[i].n;
	ir_counts_free(&cs);
	reading_free(&rd);
	return v;
}

START_TEST(totals_and_groups)
{
	int a;

	ck_assert(affected("流出した可能性がある情報(下記(1)~(2)の合計 12,345 件)\n(1)取引先の情報(8,000 件)\n(2)社員の情報(4,345 件)", &a) == 12345);
	ck_assert(affected("お客様のカード情報(1,100件)及び個人情報(最大5,432件)が漏えいした可能性があります。", &a) == 5432);
	ck_assert_int_eq(a, 1);
	ck_assert(affected("持ち出された件数は約５９６万件とわかりました。", &a) == 5960000);
	ck_assert_int_eq(a, 1);
	ck_assert(affected("対象は会員の皆様2, 533名です。", &a) == 2533);
	ck_assert_int_eq(a, 0);
	ck_assert(affected("社員の約 16,000 人分のアカウント情報が流出した可能性があります。", &a) == 16000);
	ck_assert(affected("仕入先の口座情報 約2.2万件", &a) == 22000);
}
END_TEST

START_TEST(counts_of_other_things)
{
	int a;

	/* Mails sent, accesses, a school's head count, staff who acted. */
	ck_assert(affected("利用されたアドレス: info@example.jp\n送信件数 :1,234件\n送信時間帯: 夜間", &a) == -1);
	ck_assert(affected("4 送信されたメール件数\n\n98,765件\n5 原因", &a) == -1);
	ck_assert(affected("閲覧の可能性があるアクセス回数はのべ210回でした。", &a) == -1);
	ck_assert(affected("全校で約 7,500人(2025年1月1日現在)が在籍しています。元講師が生徒5人分の情報を投稿しました。", &a) == 5);
	ck_assert(affected("システム担当者 2 名が誤って閲覧しました。利用者の情報 120 件が含まれていました。", &a) == 120);
	ck_assert(affected("送信前に職員二人で番号を確認します。", &a) == -1);
	ck_assert(affected("取引先30社に影響はありません。", &a) == -1);
	ck_assert(affected("数百件の問い合わせがありました。", &a) == -1);
	/* Calls and inquiries received, all who applied, messages an intruder sent. */
	ck_assert(affected("この件について、窓口には約40件のご相談が寄せられています。", &a) == -1);
	/* ... but the records of inquiries are data. */
	ck_assert(affected("設定の誤りで、約2.1万件のお問い合わせ履歴(氏名、電話番号、内容)が外部から見える状態でした。", &a) ==
		  21000);
	ck_assert(affected("閲覧可能だった情報\n1,870件のご相談内容および相談者の連絡先\n", &a) == 1870);
	ck_assert(affected("申込者数2,410名のうち、当選の通知に誤りがあったのは抽選番号が重なった方です。", &a) == -1);
	ck_assert(affected("乗っ取られていた間に送信されたメッセージ(約900件)はすべて削除しました。", &a) == -1);
	/* Consultations and posts counted after their noun; what the remedy dealt with. */
	ck_assert(affected("窓口には不審な電話についての相談が12件寄せられています。", &a) == -1);
	ck_assert(affected("乗っ取られたアカウントから宣伝の投稿が5件行われました。", &a) == -1);
	ck_assert(affected("点検で見つかった不要なアカウント17件を削除しました。", &a) == -1);
	/* Rates, and the addresses lures went to; but not the wrongly mailed. */
	ck_assert(affected("問い合わせは1日あたり約150件にのぼっています。", &a) == -1);
	ck_assert(affected("乗っ取られたアカウントから約2,000件のアドレスあてに偽のログインページへのリンクが送られました。", &a) == -1);
	ck_assert(affected("講座の受講者48名に、アドレスが見える形で案内を送信しました。", &a) == 48);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("affected");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, totals_and_groups);
	tcase_add_test(tc, counts_of_other_things);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN_PREPARED(suite, ir_extract_prepare)
