#include "ja/norm.h"
#include "ja/predicate.h"
#include "unit.h"

static struct ir_norm n = IR_NORM_INIT;

/* The mood of the predicate that ends a clause, normalised first ('F', 'D' or 'A'). */
static char
mood(const char *raw)
{
	ir_norm(&n, raw, strlen(raw));
	return "FDA"[ir_predicate_mood(n.text.p, 0, n.text.len)];
}

START_TEST(kinds_of_denial)
{
	static const char *const denied[] = {
		"漏えいの事実は確認されておりません。", "外部への送信はなかった。",
		"今回の事案は標的型の攻撃ではない。", "二次被害のおそれはありません。",
		"委託業者による作業はなかったことから、", "流出したとの報告は受けておらず、",
		"当該端末に顧客データは無い。", "対象項目:なし", "不正利用は認められませんでした。",
		"口座番号は含まれていないことを確認いたしました。",
	};
	static const char *const standing[] = {
		"誠に申し訳ございません。", "流出した可能性は否定できません。",
		"流出した項目は特定できておりません。", "紛失したUSBメモリは、現在も見つかっておりません。",
		"データが少なく、", "情報が漏れたことは間違いない。", "二度と発生しないよう努めてまいります。",
		"調査をおこないました。", "まず、必ずご確認を。", "確認することなく送信しました。",
		"盗まれたかもしれません。", "委託業者による作業はなかったことから、内部の操作と判断しました。",
	};
	size_t i;

	for (i = 0; i < sizeof denied / sizeof *denied; i++)
		ck_assert_msg(mood(denied[i]) == 'D', "not denied: %s", denied[i]);
	for (i = 0; i < sizeof standing / sizeof *standing; i++)
		ck_assert_msg(mood(standing[i]) == 'F', "not a fact: %s", standing[i]);
}
END_TEST

START_TEST(requests)
{
	ck_assert_int_eq(mood("不審なメールは削除してください。"), 'A');
	ck_assert_int_eq(mood("パスワードの変更をお願いいたします。"), 'A');
	ck_assert_int_eq(mood("偽のサイトにご注意ください"), 'A');
	/* A request done in the past is a fact; so is one the text runs on after. */
	ck_assert_int_eq(mood("誤送信先には削除をお願いしました。"), 'F');
	ck_assert_int_eq(mood("ご注意くださいとの案内を掲示しました。"), 'F');
}
END_TEST

START_TEST(the_end_of_a_predicate)
{
	static const char s[] = "含まれません。)】 \n";

	/* What closes a clause after its predicate is not read. */
	ck_assert_uint_eq(ir_predicate_end(s, 0, sizeof s - 1), strlen("含まれません"));
	ck_assert_uint_eq(ir_predicate_end(s, 3, 3), 3);
	ck_assert_uint_eq(ir_predicate_end("。。", 0, 6), 0);
	ck_assert(ir_has_predicate(s, 0, sizeof s - 1));
	ck_assert(!ir_has_predicate("会員のメールアドレス。", 0, strlen("会員のメールアドレス。")));
	ck_assert(!ir_has_predicate("", 0, 0));
	/* Only the part of the text asked about is read: its end, not the text's. */
	ck_assert_int_eq(ir_predicate_mood(s, 0, strlen("含まれ")), IR_MOOD_FACT);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("predicate");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, kinds_of_denial);
	tcase_add_test(tc, requests);
	tcase_add_test(tc, the_end_of_a_predicate);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN_PREPARED(suite, ir_norm_prepare)
