#include "base/buf.h"
#include "split/noise.h"
#include "unit.h"

/* Builds a segment from lines; off[] gets the line starts. */
struct seg {
	struct ir_buf text;
	size_t off[256];
	size_t n;
};

static void
seg_lines(struct seg *s, const char *const *lines)
{
	s->text = (struct ir_buf)IR_BUF_INIT;
	for (s->n = 0; lines[s->n] != NULL; s->n++) {
		s->off[s->n] = s->text.len;
		ir_buf_adds(&s->text, lines[s->n]);
		ir_buf_addc(&s->text, '\n');
	}
	s->off[s->n] = s->text.len;
}

static long
find(const char *const *lines, size_t first, long header)
{
	struct ir_noise nz = IR_NOISE_INIT;
	struct seg s;
	long r;

	seg_lines(&s, lines);
	r = ir_noise_find(&nz, s.text.p, s.off, s.n, first, header);
	ir_noise_free(&nz);
	ir_buf_free(&s.text);
	return r;
}

/* A fictional notice: every paragraph speaks of the incident. */
#define NOTICE \
	"【セキュリティ事件簿#2025-031】株式会社ミナト精機 当社サーバへの不正アクセスに関するお詫び 2025年2月3日", \
	"", \
	"このたび、当社の受発注サーバが第三者による不正アクセスを受け、お客様の個人情報が流出した可能性があることが判明いたしました。お客様には多大なご迷惑とご心配をおかけし、深くお詫び申し上げます。", \
	"", \
	"当社の対応", \
	"", \
	"当社は不正アクセスを確認した直後にサーバをネットワークから切り離し、外部の専門機関に調査を委託いたしました。現時点で個人情報の不正利用は確認されておりません。", \
	"", \
	"再発防止策", \
	"", \
	"当社は本件を重く受け止め、監視体制の強化と従業員教育を徹底し、再発防止に努めてまいります。改めて深くお詫び申し上げます。", \
	""

START_TEST(notice_alone_has_no_post)
{
	static const char *const lines[] = {NOTICE, "お問い合わせ窓口", "電話 0120-000-000(平日9時から17時)", NULL};

	ck_assert_int_eq(find(lines, 1, 0), -1);
}
END_TEST

START_TEST(travel_post_after_notice)
{
	static const char *const lines[] = {
		NOTICE,
		"リリース文アーカイブ",
		"",
		"週末の羽田発で航空会社のマイルを効率よく貯める方法",
		"\xC2\xA0",
		"",
		"羽田空港から地方へ飛ぶなら、まずは提携カードの入会特典を確かめたい。今月は搭乗ごとにボーナスが付くキャンペーンが始まっており、往復するだけで通常の倍近くが積算される。",
		"",
		"もうひとつの手は、買い物で貯まったポイントをマイルに移すやり方だ。交換レートは時期によって変わるので、レートが上がる月を待ってからまとめて移すのが得策である。",
		"",
		"空港ラウンジの利用条件も年度ごとに見直されるので、旅に出る前に一度は確認しておくとよい。",
		NULL,
	};

	ck_assert_int_eq(find(lines, 1, 0), 14);
}
END_TEST

START_TEST(section_restating_header_is_not_a_post)
{
	/* A short notice whose list section shares the header's words. */
	static const char *const lines[] = {
		"【セキュリティ事件簿#2025-040】見本県が使用していたドメインが第三者に再取得されたことについて 2025/2/19",
		"",
		"見本県が以前に使用していたドメインが、第三者に再取得されていることが判明しました。",
		"",
		"第三者に再取得されたドメインの一覧",
		"",
		"  • mihon-kanko.example(観光キャンペーン)【観光課】",
		"  • mihon-event.example(県民イベント)【文化振興課】",
		"  • mihon-shoku.example(食の魅力発信事業)【農政課】",
		"  • mihon-iju.example(移住相談窓口)【地域振興課】",
		"",
		"上記のドメインを使用したウェブサイトは本県とは関係がありませんので、閲覧しないようご注意ください。",
		NULL,
	};

	ck_assert_int_eq(find(lines, 1, 0), -1);
}
END_TEST

START_TEST(post_in_preamble)
{
	static const char *const lines[] = {
		"コマンドラインでログを素早く絞り込む小技",
		"",
		"大量のログから目的の行だけを拾うなら、まずは grep の固定文字列検索を試すとよい。正規表現を使わないぶん速く、結果も読みやすい。",
		"",
		"grep -F 'timeout' app.log | sort | uniq -c",
		"",
		"さらに集計したければ awk で列を切り出して数えればよい。慣れてしまえばスクリプトを書くより早く答えが出る。",
		NULL,
	};

	ck_assert_int_eq(find(lines, 0, -1), 0);
}
END_TEST

START_TEST(titles)
{
	ck_assert(ir_noise_is_title("週末の羽田発でマイルを貯める方法", strlen("週末の羽田発でマイルを貯める方法")));
	ck_assert(ir_noise_is_title(" 無料で使える調査ツール5選\n", strlen(" 無料で使える調査ツール5選\n")));
	ck_assert(!ir_noise_is_title("当社は調査を続けております。", strlen("当社は調査を続けております。")));
	ck_assert(!ir_noise_is_title("5 再発防止策", strlen("5 再発防止策")));
	ck_assert(!ir_noise_is_title("(2)漏えいした情報", strlen("(2)漏えいした情報")));
	ck_assert(!ir_noise_is_title("1第三者に再取得されたドメイン", strlen("1第三者に再取得されたドメイン")));
	ck_assert(!ir_noise_is_title("ア 組織的安全管理措置", strlen("ア 組織的安全管理措置")));
	ck_assert(!ir_noise_is_title("・氏名、住所、電話番号", strlen("・氏名、住所、電話番号")));
	ck_assert(!ir_noise_is_title("リリース文アーカイブ)", strlen("リリース文アーカイブ)")));
	ck_assert(!ir_noise_is_title("photo_01.jpg", strlen("photo_01.jpg")));
	ck_assert(!ir_noise_is_title("詳細は以下のとおりです:", strlen("詳細は以下のとおりです:")));
	ck_assert(!ir_noise_is_title("短い", strlen("短い")));
	/* Section headings of notices. */
	ck_assert(!ir_noise_is_title("取得された可能性がある情報", strlen("取得された可能性がある情報")));
	ck_assert(!ir_noise_is_title("本件に関するお問い合わせ窓口", strlen("本件に関するお問い合わせ窓口")));
	ck_assert(ir_noise_is_blank("\xC2\xA0 \xE3\x80\x80\r\n", 8));
	ck_assert(!ir_noise_is_blank("。", 3));
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("noise");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, notice_alone_has_no_post);
	tcase_add_test(tc, travel_post_after_notice);
	tcase_add_test(tc, section_restating_header_is_not_a_post);
	tcase_add_test(tc, post_in_preamble);
	tcase_add_test(tc, titles);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN_PREPARED(suite, ir_noise_prepare)
