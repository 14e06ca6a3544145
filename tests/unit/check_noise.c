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

/* A notice laid out as short numbered lines: none of them starts a post. */
START_TEST(numbered_lines_of_a_notice)
{
	static const char *const lines[] = {
		"【セキュリティ事件簿#2026-301】見本郡 職員の懲戒処分について 2026年7月1日",
		"",
		"1 処分を受けた者",
		"",
		"会計課 主事(20歳代)",
		"",
		"2 処分の程度",
		"",
		"戒告",
		"",
		"3 事実の概要",
		"",
		"当該職員は、年度末の繁忙期に窓口で受け付けた納付書の控えを束ねたまま自宅に持ち帰り、帰宅途中の電車の網棚に置き忘れて紛失した。",
		"",
		"控えには納付者の氏名と金額が書かれていた。鉄道会社と警察署に届け出たが、現在も見つかっていない。",
		"",
		"4 所見",
		"",
		"文書の持ち出しの禁止を改めて全職員に周知し、控えの保管場所を施錠できる書庫に改める。",
		NULL,
	};

	ck_assert_int_eq(find(lines, 1, 0), -1);
}
END_TEST

START_TEST(indented_and_list_lines_of_a_notice)
{
	static const char *const lines[] = {
		"【セキュリティ事件簿#2026-302】見本生活協同組合 配送伝票の紛失について 2026年7月2日",
		"",
		"見本生活協同組合 総務部",
		"",
		"　紛失した伝票",
		"",
		"　　組合員の氏名と住所が書かれた配送伝票 約30枚",
		"",
		"(1) 紛失の日 7月1日",
		"",
		"配送車両の点検中に、荷台の右側の箱にまとめて置いた伝票が見当たらなくなった。",
		"",
		"点検の前後で台数の記録が合わないままの状態",
		"",
		"(2) 対応 車両と倉庫を探し、運転手と倉庫の係員から聞き取りを続けている",
		NULL,
	};

	/* Under the header, indented, inside a list that goes on: none. */
	ck_assert_int_eq(find(lines, 1, 0), -1);
}
END_TEST

/* Each rule of the layout alone: the line under the header, under a heading, inside a list. */
START_TEST(each_rule_of_the_layout)
{
	static const char *const under_header[] = {
		"【セキュリティ事件簿#2026-303】見本町 学習用タブレットの紛失について 2026年7月3日",
		"",
		"見本町教育委員会",
		"",
		"町立第二小学校の教室から、児童が授業で使う端末2台が見当たらなくなった。校舎と通学路を探したが見つかっておらず、端末には児童の作文と写真が保存されていた。学校は保護者に説明の文書を配り、端末の遠隔での施錠を済ませた。",
		NULL,
	};
	static const char *const under_heading[] = {
		"【セキュリティ事件簿#2026-304】見本港湾株式会社 倉庫の入退室記録の紛失について 2026年7月4日",
		"",
		"当社倉庫の入退室記録簿の一部が見当たらなくなりました。",
		"",
		"4 保管の状況",
		"",
		"事務所の奥にある棚の最下段",
		"",
		"年度ごとに箱へまとめ、鍵のない棚に並べていた。箱の数を数えたところ一箱が足りず、運送業者の出入りが多かった週に持ち出された可能性を含めて調べている。棚のある部屋は昼の間は施錠しておらず、来客用の通路からも入れる造りだった。",
		NULL,
	};
	static const char *const inside_list[] = {
		"【セキュリティ事件簿#2026-305】見本農業協同組合 出荷台帳の誤送付について 2026年7月5日",
		"",
		"(1) 経緯",
		"",
		"出荷台帳の写しを取引先へ送る際、別の地区の台帳を封入した。",
		"",
		"封入の確認を一人で行っていた時期",
		"",
		"写しには生産者の名前と出荷量が並んでおり、先方からの電話で誤りが分かった。先方は写しを開封前の状態で返送し、組合はこれを受け取った。同じ週に送った他の封書も一通ずつ中身を確かめ、ほかに誤りのないことを確かめた。",
		"",
		"(2) 今後",
		"",
		"封入の確認を二人で行う。",
		NULL,
	};

	ck_assert_int_eq(find(under_header, 1, 0), -1);
	ck_assert_int_eq(find(under_heading, 1, 0), -1);
	ck_assert_int_eq(find(inside_list, 1, 0), -1);
}
END_TEST

START_TEST(short_and_cut_off_posts)
{
	static const char *const short_post[] = {
		NOTICE,
		"ベランダで育てたミニトマトの話",
		"",
		"今年は支柱を早めに立てたので、実が割れずにたくさん採れた。",
		NULL,
	};
	static const char *const cut_off[] = {
		NOTICE,
		"古い万年筆を直してもらった",
		"",
		"ペン先の曲がりを",
		NULL,
	};
	static const char *const signature[] = {
		NOTICE,
		"株式会社ミナト精機 代表取締役",
		"",
		"港 一郎",
		NULL,
	};
	static const char *const signed_then_post[] = {
		NOTICE,
		"代表取締役 港 一郎",
		"",
		"ベランダで育てたミニトマトの話",
		"",
		"今年は支柱を早めに立てたので、実が割れずにたくさん採れた。",
		NULL,
	};

	ck_assert_int_eq(find(short_post, 1, 0), 12);
	ck_assert_int_eq(find(cut_off, 1, 0), 12);
	ck_assert_int_eq(find(signature, 1, 0), -1);
	ck_assert_int_eq(find(signed_then_post, 1, 0), 14);
}
END_TEST

/* A notice signed off by its sender, then a post: the post starts at its title. */
START_TEST(sign_off_then_post)
{
	static const char *const signed_off[] = {
		NOTICE,
		"ミナト精機 受発注サーバ担当",
		"",
		"古いノートパソコンにSSDを載せ替えた記録",
		"",
		"五年前に買ったノートパソコンが起動に二分もかかるようになったので、週末にSSDへ載せ替えてみた。裏蓋のねじは六本で、思ったより簡単に開いた。",
		"",
		"データの移行には付属のソフトを使ったが、途中で一度止まったので、やり直しに一時間ほどかかった。起動は二十秒ほどになり、まだしばらく使えそうだ。",
		NULL,
	};
	static const char *const title_then_lead[] = {
		NOTICE,
		"古いノートパソコンにSSDを載せ替えた記録",
		"",
		"用意したもの",
		"",
		"五年前に買ったノートパソコンが起動に二分もかかるようになったので、週末にSSDへ載せ替えてみた。裏蓋のねじは六本で、思ったより簡単に開いた。",
		"",
		"データの移行には付属のソフトを使ったが、途中で一度止まったので、やり直しに一時間ほどかかった。起動は二十秒ほどになり、まだしばらく使えそうだ。",
		NULL,
	};

	ck_assert_int_eq(find(signed_off, 1, 0), 14);
	ck_assert_int_eq(find(title_then_lead, 1, 0), 12);
}
END_TEST

/* A post on security speaks the notices' words; after a sign-off, its plain style tells it. */
START_TEST(plain_post_on_security_after_sign_off)
{
	static const char *const on_security[] = {
		NOTICE,
		"ミナト精機 受発注サーバ担当",
		"",
		"情報セキュリティの読書会で報告書の書き方を学んだ",
		"",
		"先月から社外の読書会に通っている。今回の題材は、個人情報の漏えいが起きたときの報告書の書き方だった。",
		"",
		"講師は、不正アクセスの被害を受けた会社が最初の一報で何を書くべきかを順に説明した。判明した時刻、影響の範囲、まだわからないことを分けて書くのがこつらしい。",
		"",
		"後半は参加者どうしで、再発防止策の文例を読み比べた。どの文例も似た言い回しになるのが面白かった。",
		"",
		"次回は委託先の管理がテーマだという。",
		NULL,
	};
	static const char *const polite_part[] = {
		NOTICE,
		"ミナト精機 受発注サーバ担当",
		"",
		"不正アクセスの調査結果に関する補足",
		"",
		"当社は、本件の調査結果を取引先の皆様にもご説明しております。個人情報の漏えいの範囲は前述のとおりです。",
		"",
		"不正アクセスの経路は特定されており、該当する機器はすでに停止しております。判明した事実は順次お知らせいたします。",
		"",
		"再発防止策は、外部の専門機関の助言を受けて定めてまいります。ご迷惑をおかけし、申し訳ございません。",
		"",
		"今後の対応につきましては、改めてご案内いたします。",
		NULL,
	};

	ck_assert_int_eq(find(on_security, 1, 0), 14);
	ck_assert_int_eq(find(polite_part, 1, 0), -1);
}
END_TEST

/* A sign-off with the contact's words, then a post titled under a tag in brackets. */
START_TEST(tagged_post_after_contact_sign_off)
{
	static const char *const tagged[] = {
		NOTICE,
		"お問い合わせ先 ミナト精機 総務部 電話 000-000-0000",
		"",
		"【山歩き】雨上がりの尾根道を歩いてきた",
		"",
		"朝のうちに雨がやんだので、昼から近くの山へ出かけた。登り口の駐車場はがらがらだった。",
		"",
		"尾根に出ると雲が切れて、遠くの海まで見えた。ぬかるみで二度ほど滑ったが、けがはなかった。",
		"",
		"帰りに麓の店で団子を買った。次は紅葉の時期に来たい。",
		NULL,
	};
	/* A bracketed heading of the notice, with what it heads in the polite style, is no post. */
	static const char *const heading[] = {
		NOTICE,
		"お問い合わせ先 ミナト精機 総務部 電話 000-000-0000",
		"",
		"【追記】調査の結果のご報告",
		"",
		"外部の専門機関による調査が終わりましたので、ご報告いたします。流出した情報は前述の範囲にとどまります。",
		"",
		"引き続き監視を続けてまいります。",
		NULL,
	};

	ck_assert_int_eq(find(tagged, 1, 0), 14);
	ck_assert_int_eq(find(heading, 1, 0), -1);
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
	/* Invisible characters make no line less blank, no title less alone. */
	ck_assert(ir_noise_is_blank("\xE2\x80\x8B\xE2\x81\xA0\xEF\xBB\xBF\n", 10));
	ck_assert(ir_noise_is_title("\xE2\x80\x8B週末の羽田発でマイルを貯める方法\xEF\xBB\xBF",
				    strlen("\xE2\x80\x8B週末の羽田発でマイルを貯める方法\xEF\xBB\xBF")));
	ck_assert(!ir_noise_is_title("\xE2\x80\x8B" "5 再発防止策", strlen("\xE2\x80\x8B" "5 再発防止策")));
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
	tcase_add_test(tc, numbered_lines_of_a_notice);
	tcase_add_test(tc, indented_and_list_lines_of_a_notice);
	tcase_add_test(tc, each_rule_of_the_layout);
	tcase_add_test(tc, short_and_cut_off_posts);
	tcase_add_test(tc, sign_off_then_post);
	tcase_add_test(tc, plain_post_on_security_after_sign_off);
	tcase_add_test(tc, tagged_post_after_contact_sign_off);
	tcase_add_test(tc, titles);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN_PREPARED(suite, ir_noise_prepare)
