#include "ja/clause.h"
#include "ja/reach.h"
#include "unit.h"

enum { MAX = 8 };

static char text[1024];
static struct ir_outer o[MAX];

/*
 * A sentence of clauses given one by one, each ending as kinds says
 * (ja/clause finds where and how they end); returns their moods as 'F',
 * 'D' or 'A', one a clause.  The text is already normal.
 */
static const char *
moods(const char *const *clauses, const enum ir_clause_end *kinds, size_t n)
{
	static char out[MAX + 1];
	size_t i, at = 0;

	for (i = 0; i < n; i++) {
		size_t k = strlen(clauses[i]);

		memcpy(text + at, clauses[i], k);
		o[i] = (struct ir_outer){i, i + 1, kinds[i], at, at + k, at, at + k, 0, -1};
		at += k;
	}
	text[at] = '\0';
	ir_reach_moods(text, o, n);
	for (i = 0; i < n; i++)
		out[i] = "FDA"[o[i].mood];
	out[n] = '\0';
	return out;
}

#define ck_moods(want, ...) \
	do { \
		static const char *const c_[] = {__VA_ARGS__}; \
		ck_assert_uint_eq(sizeof c_ / sizeof *c_, sizeof k_ / sizeof *k_); \
		ck_assert_str_eq(moods(c_, k_, sizeof c_ / sizeof *c_), want); \
	} while (0)

/* The object cut off before a contrast takes the mood of the clause after the contrast. */
START_TEST(object_before_a_contrast)
{
	static const enum ir_clause_end k_[] = {IR_END_ARG, IR_END_NEG, IR_END_FINAL};

	ck_moods("FDF", "会員3名の書類を、", "本来の宛先ではなく、", "別の住所へ送付しました。");
	ck_moods("DDD", "会員3名の書類を、", "本来の宛先ではなく、", "別の住所へ送付した事実はありません。");
	ck_moods("AAA", "書類を、", "窓口ではなく、", "郵送でお送りください。");
}
END_TEST

START_TEST(requests_reach_back)
{
	{
		static const enum ir_clause_end k_[] = {IR_END_NEG, IR_END_FINAL};

		ck_moods("AA", "心当たりのないメールは開かず、", "削除してください。");
	}
	{
		static const enum ir_clause_end k_[] = {IR_END_CONT, IR_END_CONT, IR_END_FINAL};

		ck_moods("AAA", "お手数ですが一度ログアウトし、", "アプリを再度起動していただき、",
			 "ご利用ください。");
	}
	{
		/* A concessive or a reason stands alone before a request. */
		static const enum ir_clause_end k_[] = {IR_END_ALONE, IR_END_FINAL};

		ck_moods("FA", "ご迷惑をおかけしますが、", "ご理解をお願いいたします。");
	}
	{
		static const enum ir_clause_end k_[] = {IR_END_REASON, IR_END_FINAL};

		ck_moods("FA", "サイトを停止しているため、", "電話でお問い合わせください。");
	}
}
END_TEST

START_TEST(denials_reach_a_topic)
{
	{
		static const enum ir_clause_end k_[] = {IR_END_CONT, IR_END_FINAL};

		/* The next clause without a topic of its own, with the same one, or with what came of it. */
		ck_moods("DD", "暗証番号は暗号化して保管しており、", "流出しておりません。");
		ck_moods("DD", "会員のパスワードは変更済みで、", "旧パスワードは無効のため使えません。");
		ck_moods("DD", "決済情報は外部の事業者が管理しており、", "影響はございません。");
		/* Not over a clause with a topic of its own, nor into a clause without one. */
		ck_moods("FD", "住所は閲覧された可能性があり、", "電話番号は含まれておりません。");
		ck_moods("FD", "委託先が調査を行い、", "不正な操作はありませんでした。");
	}
	{
		static const enum ir_clause_end k_[] = {IR_END_REASON, IR_END_FINAL};

		ck_moods("DD", "カード情報は、決済代行会社が管理しているため、", "漏えいしていません。");
	}
	{
		static const enum ir_clause_end k_[] = {IR_END_ALONE, IR_END_FINAL};

		ck_moods("FD", "氏名は表示されましたが、", "住所は表示されていません。");
	}
}
END_TEST

START_TEST(own_moods)
{
	/* A denial in parentheses at the end of an item denies the item. */
	static const char s[] = "・勤務先(含まれません)";
	struct ir_outer one = {0, 3, IR_END_FINAL, 0, sizeof s - 1, 0, strlen("・勤務先"),
			       sizeof s - 1, -1};

	ir_reach_moods(s, &one, 1);
	ck_assert_int_eq(one.mood, IR_MOOD_DENIED);
	one.denial = 0;
	ir_reach_moods(s, &one, 1);
	ck_assert_int_eq(one.mood, IR_MOOD_FACT);
	ir_reach_moods(s, &one, 0); /* nothing to do */
}
END_TEST

START_TEST(topics)
{
	static const char s[] = "流出はしていないが、当社のサーバーは停止しました";

	/* The first は after a word that is not kana: "流出は", not "はして". */
	ck_assert_uint_eq(ir_topic_at(s, 0, sizeof s - 1), strlen("流出"));
	ck_assert_uint_eq(ir_topic_at(s, strlen("流出は"), sizeof s - 1), strlen("流出はしていないが、当社のサーバー"));
	ck_assert_uint_eq(ir_topic_at("はい、それは", 0, strlen("はい、それは")), 0);
	ck_assert_uint_eq(ir_topic_at(s, 0, strlen("流出")), 0);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("reach");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, requests_reach_back);
	tcase_add_test(tc, object_before_a_contrast);
	tcase_add_test(tc, denials_reach_a_topic);
	tcase_add_test(tc, own_moods);
	tcase_add_test(tc, topics);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
