#include "ja/clause.h"
#include "ja/norm.h"
#include "unit.h"

static struct ir_norm n = IR_NORM_INIT;
static struct ir_clauses cl = IR_CLAUSES_INIT;

static void
load(const char *raw)
{
	ir_norm(&n, raw, strlen(raw));
	ir_clauses_read(&cl, n.text.p, n.text.len);
}

/* The mood at the first place word stands in the loaded text ('F', 'D' or 'A'). */
static char
mood(const char *word)
{
	const char *p = strstr(n.text.p, word);

	ck_assert_msg(p != NULL, "no %s in %s", word, n.text.p);
	return "FDA"[ir_mood_at(&cl, (size_t)(p - n.text.p), NULL)];
}

/* The clauses cover the text in order, each in a sentence that holds it. */
static void
check_cover(void)
{
	size_t i, at = 0;

	for (i = 0; i < cl.n; i++) {
		const struct ir_span *s = &cl.sent[cl.c[i].sentence];

		ck_assert_uint_eq(cl.c[i].off, at);
		ck_assert(cl.c[i].off >= s->off && cl.c[i].off + cl.c[i].len <= s->off + s->len);
		at += cl.c[i].len;
	}
	ck_assert_uint_eq(at, n.text.len);
}

START_TEST(denial_reaches_the_list)
{
	load("クレジットカード情報およびパスワードは含まれておりません。");
	ck_assert_int_eq(mood("クレジットカード"), 'D');
	ck_assert_int_eq(mood("パスワード"), 'D');
	load("お届け先の住所、電話番号、口座番号等は、今回の対象に含まれていないことを確認いたしました。");
	ck_assert_int_eq(mood("住所"), 'D');
	ck_assert_int_eq(mood("口座番号"), 'D');
	/* A reason ends a clause: its denial is its own (the kinds of denial: check_predicate). */
	load("委託業者による作業はなかったことから、内部の操作と判断しました。");
	ck_assert_int_eq(mood("委託業者"), 'D');
	ck_assert_int_eq(mood("内部"), 'F');
	/* A concessive ends the clause: the first half stands. */
	load("会員の氏名と生年月日が閲覧された可能性がありますが、決済に関する情報は保存しておりません。");
	ck_assert_int_eq(mood("氏名"), 'F');
	ck_assert_int_eq(mood("決済"), 'D');
	check_cover();
}
END_TEST

/* In a contrast the denial is of what ではなく follows; the object before it has the predicate's mood. */
START_TEST(contrast)
{
	load("利用者2名の申請書を、担当の窓口ではなく、別の部署へ郵送しておりました。");
	ck_assert_int_eq(mood("利用者"), 'F');
	ck_assert_int_eq(mood("担当の窓口"), 'D');
	ck_assert_int_eq(mood("別の部署"), 'F');
	check_cover();
	load("会員の氏名を、登録の宛先ではなく、外部へ送信した事実はございません。");
	ck_assert_int_eq(mood("氏名"), 'D');
	ck_assert_int_eq(mood("外部"), 'D');
	check_cover();
	/* With nothing before it, the contrast's own noun is denied. */
	load("流出したのは氏名ではなく、社員番号のみです。");
	ck_assert_int_eq(mood("氏名"), 'D');
	ck_assert_int_eq(mood("社員番号"), 'F');
	check_cover();
}
END_TEST

START_TEST(advice)
{
	load("心当たりのないメールは開かず、削除してください。当社は県警に相談しました。");
	ck_assert_int_eq(mood("メール"), 'A');
	ck_assert_int_eq(mood("県警"), 'F');
	load("他のサイトで同じパスワードをお使いの方は、変更をお願いいたします。");
	ck_assert_int_eq(mood("パスワード"), 'A');
	load("万一、不審な請求があった場合は、最寄りの警察署にご相談ください。");
	ck_assert_int_eq(mood("警察署"), 'A');
	/* A continuative leads into the request; a past request is a fact. */
	load("お手数ですが、IDを再登録していただき、ご利用ください。");
	ck_assert_int_eq(mood("ID"), 'A');
	ck_assert_int_eq(mood("お手数"), 'F');
	load("誤って送った相手先には削除をお願いしました。");
	ck_assert_int_eq(mood("相手先"), 'F');
	/* A request quoted in a lure is no request of the notice. */
	load("「口座番号を入力してください」という偽のメールが届いています。");
	ck_assert_int_eq(mood("口座番号"), 'F');
}
END_TEST

START_TEST(parentheses)
{
	load("128件の会員番号(氏名、連絡先その他の情報は含まれておりません。)が表示されました。");
	ck_assert_int_eq(mood("会員番号"), 'F');
	ck_assert_int_eq(mood("連絡先"), 'D');
	/* Without a predicate, a parenthesis shares its clause's mood. */
	load("利用者の氏名(ふりがな)、住所は含まれていません。");
	ck_assert_int_eq(mood("ふりがな"), 'D');
	ck_assert_int_eq(mood("氏名"), 'D');
	/* A denial without a topic at the end of an item speaks of the item. */
	load("・勤務先(含まれません)\n・所属部署\n");
	ck_assert_int_eq(mood("勤務先"), 'D');
	ck_assert_int_eq(mood("所属"), 'F');
	load("※受講生には別途郵便(宛名の記載なし)で案内を送付。");
	ck_assert_int_eq(mood("受講生"), 'F');
	check_cover();
}
END_TEST

START_TEST(topic_and_sentences)
{
	/* A topic's denial reaches back over a continuative or a reason. */
	load("暗証番号は暗号化して保管しており、流出しておりません。");
	ck_assert_int_eq(mood("暗証番号"), 'D');
	load("カード情報は、決済代行会社が管理しているため、漏えいしていません。");
	ck_assert_int_eq(mood("カード情報"), 'D');
	/* But not over a clause with its own topic. */
	load("氏名が流出し、パスワードは含まれておりません。");
	ck_assert_int_eq(mood("氏名"), 'F');
	/* A line that ends on a particle goes on; other line ends end sentences. */
	load("会員の電話番号は\n含まれておりません\n・住所\n");
	ck_assert_int_eq(mood("電話番号"), 'D');
	ck_assert_int_eq(mood("住所"), 'F');
	ck_assert_uint_eq(cl.nsent, 2);
	check_cover();
}
END_TEST

START_TEST(lookups)
{
	size_t hint = 0, at;
	const struct ir_clause *c;

	load("");
	ck_assert_uint_eq(cl.n, 0);
	ck_assert_ptr_null(ir_clause_at(&cl, 0, &hint));
	ck_assert_int_eq(ir_mood_at(&cl, 0, &hint), IR_MOOD_FACT);
	load("住所が漏れました。電話番号は漏れていません。メールにご注意ください。");
	at = (size_t)(strstr(n.text.p, "電話番号") - n.text.p);
	c = ir_clause_at(&cl, at, &hint);
	ck_assert_int_eq(c->mood, IR_MOOD_DENIED);
	ck_assert_uint_eq(c->sentence, 1);
	ck_assert_int_eq(ir_mood_at(&cl, n.text.len - 1, &hint), IR_MOOD_ADVICE);
	ck_assert_int_eq(ir_mood_at(&cl, 0, &hint), IR_MOOD_FACT);
	ck_assert_ptr_null(ir_clause_at(&cl, n.text.len, &hint));
	ck_assert_uint_eq(cl.nsent, 3);
	check_cover();
}
END_TEST

/*
 * A sentence's moods are worked out when it is first asked about: in any
 * order, they are the moods asked in text order, whether a parenthesis
 * of its own mood cuts a clause or not; a second text read into the same
 * clauses keeps nothing of the first.
 */
START_TEST(moods_in_any_order)
{
	static const char text[] =
		"パスワードは暗号化しており、流出していません。\n"
		"不審なメールは開かず、削除してください。\n"
		"48人分のアドレス(氏名は含まれません)が表示されました。\n"
		"氏名が流出した可能性がありますが、口座番号は含まれておりません。\n"
		"該当する方には、個別にご連絡いたします。";
	char want[64];
	size_t i, k;

	load(text);
	ck_assert_uint_lt(cl.n, sizeof want);
	for (i = 0; i < cl.n; i++)
		want[i] = "FDA"[ir_mood_at(&cl, cl.c[i].off, NULL)];
	for (k = 0; k < 2; k++) {
		load(k == 0 ? "委託先の端末が感染しました。" : text);
		if (k == 0) {
			ck_assert_int_eq(mood("委託先"), 'F');
			continue;
		}
		for (i = cl.n; i-- > 0;)
			ck_assert_int_eq("FDA"[ir_mood_at(&cl, cl.c[i].off, NULL)], want[i]);
	}
	ck_assert_int_eq(mood("パスワード"), 'D');
	ck_assert_int_eq(mood("開かず"), 'A');
	ck_assert_int_eq(mood("氏名は"), 'D');
	ck_assert_int_eq(mood("表示"), 'F');
	ck_assert_int_eq(mood("口座番号"), 'D');
	ck_assert_int_eq(mood("個別"), 'F');
	check_cover();
}
END_TEST

START_TEST(linear)
{
	struct ir_buf b = IR_BUF_INIT;
	size_t i;

	/* Unclosed and deep parentheses, long clauses, many lines. */
	for (i = 0; i < 30000; i++)
		ir_buf_adds(&b, i % 3 ? "((((((((((氏名、" : "所轄警察署、");
	ir_buf_adds(&b, "は含まれておりません。\n");
	for (i = 0; i < 30000; i++)
		ir_buf_adds(&b, "2026年1月9日\n");
	load(ir_buf_cstr(&b));
	check_cover();
	ck_assert_int_eq(mood("所轄"), 'D');
	ir_buf_free(&b);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("clause");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, denial_reaches_the_list);
	tcase_add_test(tc, contrast);
	tcase_add_test(tc, advice);
	tcase_add_test(tc, parentheses);
	tcase_add_test(tc, topic_and_sentences);
	tcase_add_test(tc, lookups);
	tcase_add_test(tc, moods_in_any_order);
	tcase_add_test(tc, linear);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN_PREPARED(suite, ir_norm_prepare)
