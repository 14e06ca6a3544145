#include "base/utf8.h"
#include "extract/extract.h"
#include "ja/norm.h"
#include "unit.h"

static const char *
norm(struct ir_norm *n, const char *s)
{
	ir_norm(n, s, strlen(s));
	return ir_buf_cstr(&n->text);
}

START_TEST(nfkc_and_fixups)
{
	struct ir_norm n = IR_NORM_INIT;

	ck_assert_str_eq(norm(&n, "２０２３年７⽉５⽇"), "2023年7月5日");
	ck_assert_str_eq(norm(&n, "ＢＣＣ（ブラインド）：　送信"), "BCC(ブラインド): 送信");
	ck_assert_str_eq(norm(&n, "⻑野県と国⺠"), "長野県と国民");
	ck_assert_str_eq(norm(&n, "2021年2月22日〜2023年2月10日～3月∼4月"), "2021年2月22日~2023年2月10日~3月~4月");
	ck_assert_str_eq(norm(&n, "ｶﾞｲﾄﾞ ㈱見本 ⑴"), "ガイド (株)見本 (1)");
	/* Circled numbers mark items: they stay, and stay apart from the digits after them. */
	ck_assert_str_eq(norm(&n, "①２０２３年３月、❷Ⓐ㉑"), "①2023年3月、❷Ⓐ㉑");
	/* A combining mark joins the character before it. */
	ck_assert_str_eq(norm(&n, "か\xE3\x82\x99き"), "がき");
	ck_assert_str_eq(norm(&n, "Ａ\xCC\x81"), "\xC3\x81");
	ck_assert_str_eq(norm(&n, "個人情報の漏えい"), "個人情報の漏えい");
	ck_assert_str_eq(norm(&n, ""), "");
	/* Invisible format characters are left out; spans keep clear of them. */
	ck_assert_str_eq(norm(&n, "個人\xE2\x80\x8B情報\xEF\xBB\xBF。\xC2\xAD"), "個人情報。");
	ck_assert_uint_eq(ir_norm_origin(&n, strlen("個人")), strlen("個人\xE2\x80\x8B"));
	ck_assert_uint_eq(ir_norm_origin_end(&n, strlen("個人")), strlen("個人"));
	ck_assert_uint_eq(ir_norm_origin_end(&n, strlen("個人情報。")), strlen("個人\xE2\x80\x8B情報\xEF\xBB\xBF。"));
		/* Old Mac line ends read as LF; CRLF stays. */
	ck_assert_str_eq(norm(&n, "一行目\r二行目\r\n三行目\r"), "一行目\n二行目\r\n三行目\n");
	ck_assert_uint_eq(ir_norm_origin(&n, strlen("一行目\n")), strlen("一行目\r"));
	ir_norm_free(&n);
}
END_TEST

/*
 * Characters that change, or that the quick test of whole blocks leaves to
 * the character-by-character one, at every place in runs of kana and
 * ASCII: the result is the same wherever the sixteen-byte blocks fall.
 */
START_TEST(changes_wherever_the_blocks_fall)
{
	static const char *const cases[][2] = {
		{"〜", "~"}, {"ｶﾞ", "ガ"}, {"Ａ", "A"}, {"\xE3\x80\x80", " "}, {"か\xE3\x82\x99", "が"},
		{"\xE2\x80\x8B", ""}, {"ゝゞ", "ゝゞ"}, {"゠ヿ", "゠コト"}, {"\xE3\x81\x80", "\xE3\x81\x80"},
		{"①", "①"}, {"\xE4\xB7\x80", "\xE4\xB7\x80"}, {"〪〰〻", "〪〰〻"}, {"、。「」【】", "、。「」【】"},
		{"\xE3\x82\x9B", " \xE3\x82\x99"}, {"⽇", "日"},
	};
	struct ir_norm n = IR_NORM_INIT;
	struct ir_buf in = IR_BUF_INIT, want = IR_BUF_INIT;
	size_t c, k;
	int ascii;

	for (c = 0; c < sizeof cases / sizeof *cases; c++)
		for (ascii = 0; ascii < 2; ascii++)
			for (k = 0; k < 18; k++) {
				in.len = want.len = 0;
				for (size_t j = 0; j < k; j++)
					ir_buf_adds(&in, ascii ? "a" : "あ");
				ir_buf_add(&want, in.p, in.len);
				ir_buf_adds(&in, cases[c][0]);
				ir_buf_adds(&want, cases[c][1]);
				ir_buf_adds(&in, "いろはにほへと漢字カタカナいろはにほへと");
				ir_buf_adds(&want, "いろはにほへと漢字カタカナいろはにほへと");
				ck_assert_str_eq(norm(&n, ir_buf_cstr(&in)), ir_buf_cstr(&want));
			}
	ir_norm_free(&n);
	ir_buf_free(&in);
	ir_buf_free(&want);
}
END_TEST

START_TEST(offsets_map_back)
{
	struct ir_norm n = IR_NORM_INIT;
	const char *s = "（１）約５９６万件が流出";
	const char *t = norm(&n, s);
	const char *at = strstr(t, "596");

	ck_assert_str_eq(t, "(1)約596万件が流出");
	/* "596" starts where "５" was. */
	ck_assert_uint_eq(ir_norm_origin(&n, (size_t)(at - t)), (size_t)(strstr(s, "５") - s));
	/* "が流出" is in step again. */
	at = strstr(t, "流出");
	ck_assert_uint_eq(ir_norm_origin(&n, (size_t)(at - t)), (size_t)(strstr(s, "流出") - s));
	ck_assert_uint_eq(ir_norm_origin(&n, 0), 0);
	ir_norm_free(&n);
}
END_TEST

/*
 * A changed stretch as long as its original ("㉀㉀" grows by four bytes,
 * "ＡＢ" shrinks by four) used to be taken for one in step, and spans
 * inside it mapped to the middle of a character (found by fuzz_org).
 */
START_TEST(spans_map_to_whole_characters)
{
	struct ir_norm n = IR_NORM_INIT;
	const char *s = "社名㉀㉀ＡＢ株式会社";
	const char *t = norm(&n, s);
	size_t k, at = (size_t)(strstr(t, "AB") - t);

	ck_assert_str_eq(t, "社名(祭)(祭)AB株式会社");
	for (k = 0; k <= n.text.len; k++) {
		if (ir_utf8_check(t, k) != k)
			continue; /* spans are of whole characters */
		size_t a = ir_norm_origin(&n, k), b = ir_norm_origin_end(&n, k);

		ck_assert_uint_le(a, b);
		ck_assert_uint_eq(ir_utf8_check(s, a), a);
		ck_assert_uint_eq(ir_utf8_check(s, b), b);
	}
	/* "B" alone covers the whole changed stretch it lies in, which
	 * starts a character early since utf8proc may combine with it. */
	ck_assert_uint_eq(ir_norm_origin(&n, at + 1), (size_t)(strstr(s, "名") - s));
	ck_assert_uint_eq(ir_norm_origin_end(&n, at + 2), (size_t)(strstr(s, "株") - s));
	/* In step again after it. */
	at = (size_t)(strstr(t, "会社") - t);
	ck_assert_uint_eq(ir_norm_origin(&n, at), (size_t)(strstr(s, "会社") - s));
	ck_assert_uint_eq(ir_norm_origin_end(&n, at), (size_t)(strstr(s, "会社") - s));
	ir_norm_free(&n);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("norm");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, nfkc_and_fixups);
	tcase_add_test(tc, changes_wherever_the_blocks_fall);
	tcase_add_test(tc, offsets_map_back);
	tcase_add_test(tc, spans_map_to_whole_characters);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN_PREPARED(suite, ir_extract_prepare)
