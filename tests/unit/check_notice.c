#include "ja/norm.h"
#include "ja/notice.h"
#include "unit.h"

static struct ir_norm n = IR_NORM_INIT;
static struct ir_notice nt = IR_NOTICE_INIT;

/*
 * The parts of a notice as "part[heading] part …", a heading only where
 * one is written; the notice is normalised first, as the callers do.
 */
static const char *
parts(const char *raw)
{
	static char out[1024];
	size_t i, k = 0;

	ir_norm(&n, raw, strlen(raw));
	ir_notice_read(&nt, n.text.p, n.text.len);
	out[0] = '\0';
	for (i = 0; i < nt.n && k < sizeof out - 200; i++) {
		const struct ir_section *s = &nt.s[i];

		k += (size_t)snprintf(out + k, sizeof out - k, "%s%s", i ? " " : "", ir_part_name[s->part]);
		if (s->head_len > 0)
			k += (size_t)snprintf(out + k, sizeof out - k, "[%.*s]", (int)s->head_len,
					      n.text.p + s->head_off);
	}
	return out;
}

/* The sections cover the body, in order, without gaps or overlaps. */
static void
check_cover(void)
{
	size_t i, at = nt.body_off;

	for (i = 0; i < nt.n; i++) {
		ck_assert_uint_eq(nt.s[i].off, at);
		ck_assert_uint_gt(nt.s[i].len, 0);
		at += nt.s[i].len;
	}
	ck_assert_uint_eq(at, nt.n ? n.text.len : at);
}

#define HEADER "【セキュリティ事件簿#2026-101】架空精工株式会社 お知らせ 2026年1月9日\n"

START_TEST(title_and_body)
{
	ck_assert_str_eq(parts(HEADER "本文です。\n"), "overview");
	ck_assert_buf_eq(n.text.p + nt.title_off, nt.title_len, "架空精工株式会社 お知らせ 2026年1月9日");
	ck_assert_uint_eq(nt.body_off, strlen(HEADER));
	/* A header alone has no sections; a line without 】 is all title. */
	ck_assert_str_eq(parts(HEADER), "");
	ck_assert_ptr_null(ir_notice_at(&nt, 0, NULL));
	ck_assert_str_eq(parts(" 見本町からのお知らせ \n本文"), "overview");
	ck_assert_buf_eq(n.text.p + nt.title_off, nt.title_len, "見本町からのお知らせ");
}
END_TEST

START_TEST(bracket_headings)
{
	ck_assert_str_eq(parts(HEADER "平素より格別のご高配を賜り、厚く御礼申し上げます。\n\n"
				      "【事案の概要】\n当社の受注管理サーバーが外部から操作されました。\n"
				      "【流出のおそれがある項目】\n取引先の担当者名、電話番号\n"
				      "【発生の原因】\n保守用の経路に残っていた古いアカウントが悪用されました。\n"
				      "【当社の対応】\n所轄の警察署に届け出ました。\n"
				      "【再発防止策】\n全アカウントの棚卸しを毎月行います。\n"
				      "【お問い合わせ先】\n架空精工 総務部 電話 000-0000-0000\n"),
			 "overview overview[【事案の概要】] data[【流出のおそれがある項目】] "
			 "cause[【発生の原因】] response[【当社の対応】] prevention[【再発防止策】] "
			 "contact[【お問い合わせ先】]");
	check_cover();
}
END_TEST

START_TEST(mark_headings)
{
	ck_assert_str_eq(parts(HEADER "■ 何が起きたか\n学内の共有フォルダが学外から閲覧できました。\n"
				      "■ 閲覧できた情報\n受験生の氏名と志望学科\n"
				      "● 経過\n1月5日に教員が気づきました。\n"
				      "◆ 本件の問合せ窓口\n入試課\n"),
			 "overview[■ 何が起きたか] data[■ 閲覧できた情報] timeline[● 経過] "
			 "contact[◆ 本件の問合せ窓口]");
	check_cover();
	/* A heading in the top style that names no part opens one: the first what happened. */
	ck_assert_str_eq(parts(HEADER "■概要\n本文。\n■融資の条件\n本文。\n■原因\n本文。\n"),
			 "overview[■概要] other[■融資の条件] cause[■原因]");
}
END_TEST

START_TEST(numbered_headings)
{
	const char *text = HEADER "このたびの件について、下記のとおりご報告いたします。\n\n"
				  "1. 経過\n12月20日、委託先から連絡がありました。\n"
				  "2. 漏えいした可能性のある情報\n"
				  "  1. 会員の氏名\n  2. 会員のメールアドレス\n"
				  "3. 業績への影響\n軽微です。\n"
				  "4. 今後の対応\n点検を続けます。\n";

	ck_assert_str_eq(parts(text), "overview timeline[1. 経過] data[2. 漏えいした可能性のある情報] "
				      "other[3. 業績への影響] prevention[4. 今後の対応]");
	check_cover();
	/* (1), ①, 第1 and ア numberings; items in them do not cut the part. */
	ck_assert_str_eq(parts(HEADER "(1) 事象\n本文。\n(2) 対象となる情報\n(1) 氏名\n(2) 住所\n(3) 原因\n本文。\n"),
			 "overview[(1) 事象] data[(2) 対象となる情報] cause[(3) 原因]");
	ck_assert_str_eq(parts(HEADER "① 発生の経緯\n本文。\n② 影響を受けた個人情報\n③ 対応状況\n本文。\n"),
			 "timeline[① 発生の経緯] data[② 影響を受けた個人情報] response[③ 対応状況]");
	ck_assert_str_eq(parts(HEADER "第1 事案の概要\n本文。\n第2 原因\n本文。\n第三者機関による調査を行いました。\n"
				      "第3 再発防止策\n本文。\n"),
			 "overview[第1 事案の概要] cause[第2 原因] prevention[第3 再発防止策]");
	ck_assert_str_eq(parts(HEADER "ア 概要\n本文。\nイ 処分の内容\n減給。\nウ 市長のコメント\n本文。\n"),
			 "overview[ア 概要] other[イ 処分の内容] other[ウ 市長のコメント]");
	ck_assert_str_eq(parts(HEADER "1 経緯\n本文。\n2 流出情報\n48人分のメールアドレス\n3 発生後の対応\n本文。\n"),
			 "timeline[1 経緯] data[2 流出情報] response[3 発生後の対応]");
	check_cover();
}
END_TEST

START_TEST(sub_headings_and_labels)
{
	/* A heading of another style opens a part only when its words name one. */
	ck_assert_str_eq(parts(HEADER "1.調査結果\n(1)原因\n本文。\n(2)株式会社見本について\n本文。\n"
				      "2.再発防止策\n本文。\n"),
			 "overview[1.調査結果] cause[(1)原因] prevention[2.再発防止策]");
	ck_assert_str_eq(parts(HEADER "本文。\n原因:作業手順の誤り\n対象者:約300名\n問合せ先:広報課\n"),
			 "overview cause[原因] data[対象者] contact[問合せ先]");
}
END_TEST

START_TEST(heading_shapes_on_one_line)
{
	char line[1024];

	/* Blank lines before the first heading belong to its part. */
	ck_assert_str_eq(parts(HEADER "\n\n【原因】\n本文。\n"), "cause[【原因】]");
	ck_assert_uint_eq(nt.s[0].off, nt.body_off);
	/* A heading run into its text after two blanks, however long the line. */
	snprintf(line, sizeof line, HEADER "前文。\n3.判明の経緯  4月15日、%s判明しました。\n4.原因  手順の誤り\n",
		 "受け取られた方から、別の方の書類が入っているとのご連絡をいただき、確認したところ、封入の誤りが");
	ck_assert_str_eq(parts(line), "overview timeline[3.判明の経緯] cause[4.原因]");
}
END_TEST

START_TEST(without_headings)
{
	/* The order notices follow, and the words that open paragraphs. */
	ck_assert_str_eq(parts(HEADER "当組合の職員が、組合員名簿を入れた鞄を電車内に置き忘れました。\n\n"
				      "紛失した名簿に記載されていた情報は、組合員の氏名と住所です。\n\n"
				      "原因は、持ち出しの手続を守らなかったことにあります。\n\n"
				      "今後は、名簿の持ち出しを禁止いたします。\n"
				      "なお、名簿の所在は現在も分かっておりません。\n\n"
				      "本件のお問い合わせは総務課までお寄せください。\n"),
			 "overview data cause prevention contact");
	check_cover();
	/* The topic is the first sentence's: a word of a heading before a full stop opens nothing. */
	ck_assert_str_eq(parts(HEADER "窓口で証明書を取り違えました。対象は1名です。\n\n"
				      "原因は、封入時の確認不足です。\n"),
			 "overview cause");
	check_cover();
	/* A line 以上 closes the notice: what follows is other. */
	ck_assert_str_eq(parts(HEADER "本文。\n以上\n\n2026年1月9日 見本町長\n"), "overview other");
}
END_TEST

START_TEST(lookups)
{
	const struct ir_section *s;
	size_t hint = 0, at;

	parts(HEADER "前文。\n【原因】\n本文。\n【今後の対策】\n本文。\n");
	ck_assert_uint_eq(nt.n, 3);
	ck_assert_ptr_null(ir_notice_at(&nt, 3, &hint));
	at = (size_t)(strstr(n.text.p, "【原因】") - n.text.p);
	s = ir_notice_at(&nt, at, &hint);
	ck_assert_int_eq(s->part, IR_PART_CAUSE);
	ck_assert_uint_eq(hint, 1);
	s = ir_notice_at(&nt, n.text.len - 1, &hint);
	ck_assert_int_eq(s->part, IR_PART_PREVENTION);
	/* Without a hint, and with one that is ahead of the answer. */
	ck_assert_int_eq(ir_notice_at(&nt, at, NULL)->part, IR_PART_CAUSE);
	ck_assert_int_eq(ir_notice_at(&nt, nt.body_off, &hint)->part, IR_PART_OVERVIEW);
	ck_assert_ptr_null(ir_notice_at(&nt, n.text.len, &hint));
	ck_assert_int_eq(ir_part_parse("contact", 7), IR_PART_CONTACT);
	ck_assert_int_eq(ir_part_parse("contacts", 8), -1);
	ck_assert_str_eq(ir_part_name[IR_PART_DATA], "data");
}
END_TEST

START_TEST(linear)
{
	struct ir_buf b = IR_BUF_INIT;
	size_t i;

	/* Many headings of one style and many of another: one pass each. */
	ir_buf_adds(&b, HEADER);
	for (i = 0; i < 20000; i++)
		ir_buf_adds(&b, i % 2 ? "■原因\n本文。\n" : "(1)対象となる情報\n");
	parts(ir_buf_cstr(&b));
	ck_assert_uint_ge(nt.n, 10000);
	check_cover();
	ir_buf_free(&b);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("notice");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, title_and_body);
	tcase_add_test(tc, bracket_headings);
	tcase_add_test(tc, mark_headings);
	tcase_add_test(tc, numbered_headings);
	tcase_add_test(tc, sub_headings_and_labels);
	tcase_add_test(tc, heading_shapes_on_one_line);
	tcase_add_test(tc, without_headings);
	tcase_add_test(tc, lookups);
	tcase_add_test(tc, linear);
	suite_add_tcase(s, tc);
	return s;
}

static void
prepare(void)
{
	ir_norm_prepare();
	ir_notice_prepare();
}

UNIT_MAIN_PREPARED(suite, prepare)
