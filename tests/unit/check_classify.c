#include <stdio.h>

#include "classify/classify.h"
#include "classify/report.h"
#include "split/segment.h"
#include "unit.h"

static struct ir_ruleset rs;
static struct ir_classifier c;

static void
rules(const char *text)
{
	ir_rules_init(&rs);
	ck_assert_int_eq(ir_rules_add(&rs, "t.rules", text, strlen(text)), 0);
	ir_rules_ready(&rs);
	ir_classifier_init(&c, &rs);
}

static void
teardown(void)
{
	ir_classifier_free(&c);
	ir_rules_free(&rs);
}

static const char *
category(const char *text)
{
	ir_classify(&c, text, strlen(text));
	return c.category < 0 ? "other" : rs.labels[c.category].name;
}

START_TEST(scopes)
{
	rules("order t l b\n"
	      "lead-chars 40\n"
	      "lead-end ^\\d*\\s*再発防止\n"
	      "rule t 2 title 誤送信\n"
	      "rule l 2 lead 紛失\n"
	      "rule b 2 body 盗難\n");
	ck_assert_str_eq(category("【セキュリティ事件簿#2025-001】見本市 誤送信について\n本文\n"), "t");
	ck_assert_str_eq(category("【セキュリティ事件簿#2025-001】見本市 お知らせ\n誤送信がありました。\n"), "other");
	ck_assert_str_eq(category("【セキュリティ事件簿#2025-001】見本市 お知らせ\n書類を紛失しました。\n"), "l");
	/* The lead stops at the recurrence-prevention heading... */
	ck_assert_str_eq(category("【セキュリティ事件簿#2025-001】例\n概要です。\n3 再発防止策\n紛失しないよう…\n"), "other");
	/* ...and after lead-chars characters. */
	ck_assert_str_eq(category("【セキュリティ事件簿#2025-001】例\n"
				  "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろ"
				  "紛失\n"), "other");
	ck_assert_str_eq(category("【セキュリティ事件簿#2025-001】例\n本文\n\n5 再発防止\n盗難\n"), "b");
}
END_TEST

/* lead-chars counts characters, whatever their width: the 40th is in. */
START_TEST(lead_chars_exact)
{
	char text[512];

	rules("lead-chars 40\nrule l 2 lead 紛失\n");
	/* 38 characters of one, two and three bytes, then 紛失 as the 39th and 40th... */
	snprintf(text, sizeof text, "【セキュリティ事件簿#2025-001】例\n%s紛失\n",
		 "aéあbçいcèうdêえeëおfíかgîきhïくiñけjóこkôさlöしmú");
	ck_assert_str_eq(category(text), "l");
	/* ...or one character later, half out. */
	snprintf(text, sizeof text, "【セキュリティ事件簿#2025-001】例\n%s紛失\n",
		 "aéあbçいcèうdêえeëおfíかgîきhïくiñけjóこkôさlöしmúo");
	ck_assert_str_eq(category(text), "other");
}
END_TEST

START_TEST(unless_cancels_nearby_only)
{
	rules("rule x 2 body 不正アクセス\n\tunless 5 防止\n");
	ck_assert_str_eq(category("【セキュリティ事件簿#2025-001】例\n不正アクセスを防止する。\n"), "other");
	ck_assert_str_eq(category("【セキュリティ事件簿#2025-001】例\n不正アクセスを受けました。対策を講じ再発を防止します。\n"), "x");
	/* A cancelled match does not hide a later one. */
	ck_assert_str_eq(category("【セキュリティ事件簿#2025-001】例\n不正アクセス防止策。なお不正アクセスを受けました。\n"), "x");
}
END_TEST

START_TEST(precedence_scores_and_evidence)
{
	const char *text = "【セキュリティ事件簿#2025-001】株式会社見本 ＢＣＣの誤りについて\nメールをＢＣＣでなくＴＯで送りました。不正アクセスも受けました。\n";
	size_t i;

	rules("order high low\n"
	      "min-score 2\n"
	      "min-score weak 5\n"
	      "rule low 3 body BCC\n"
	      "rule high 1 body TOで\n"
	      "rule high 1 body 送りました\n"
	      "rule weak 4 body 不正アクセス\n");
	ck_assert_str_eq(category(text), "high");
	ck_assert(ir_classify_fits(&c, 0));
	ck_assert(ir_classify_fits(&c, 1));
	ck_assert(!ir_classify_fits(&c, 2)); /* 4 < its min-score 5 */
	ck_assert_uint_eq(c.nev, 4);
	for (i = 0; i < c.nev; i++)
		if (c.ev[i].rule == 0)
			/* Normalised "BCC" is the first "ＢＣＣ" as written (the title's). */
			ck_assert_uint_eq(ir_norm_origin(&c.norm, c.ev[i].off),
					  (size_t)(strstr(text, "ＢＣＣ") - text));
	teardown();
	rules("rule only 1 body BCC\n");
	ck_assert_str_eq(category(text), "other"); /* 1 < the default min-score */
}
END_TEST

static void
slurp(const char *path, struct ir_buf *b)
{
	FILE *f = fopen(path, "r");
	char chunk[4096];
	size_t n;

	ck_assert_msg(f != NULL, "%s", path);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		ir_buf_add(b, chunk, n);
	fclose(f);
}

/* Rules name the parts of a notice; a scope directive names a set of them. */
START_TEST(sections_and_named_scopes)
{
	static const char text[] = "【セキュリティ事件簿#2033-001】見本市 窓口でのお知らせ 2033年1月1日\n"
				   "当市の窓口で来庁者の申請書を預かりました。\n\n"
				   "1 原因\n職員が申請書を持ち帰りました。\n\n"
				   "2 再発防止策\n書類の盗難を防ぐ鍵付きの棚を置きます。\n";

	rules("scope story title overview cause\n"
	      "rule cause 2 cause 持ち帰\n"
	      "rule story 2 story 持ち帰|預かり\n"
	      "rule prev 2 prevention 盗難\n"
	      "rule told 2 story 盗難\n"
	      "rule both 2 title,data 窓口\n"
	      "rule dat 2 data 窓口\n");
	ck_assert_str_eq(category(text), "cause");
	ck_assert(ir_classify_fits(&c, 1));
	ck_assert(ir_classify_fits(&c, 2));  /* prevention, where it is said */
	ck_assert(!ir_classify_fits(&c, 3)); /* but never in the story */
	ck_assert(ir_classify_fits(&c, 4));  /* the title is one of its scopes */
	ck_assert(!ir_classify_fits(&c, 5)); /* the notice has no data part */
}
END_TEST

/* "and" finds its pattern in the clause, the sentence or the window of the match. */
START_TEST(and_reaches)
{
	rules("rule clause 2 body 退職者\n\tand clause 持ち出\n"
	      "rule sentence 2 body 退職者\n\tand sentence 提供\n"
	      "rule window 2 body 退職者\n\tand 6 提供\n"
	      "rule all 2 body 退職者\n\tand clause 持ち出\n\tand sentence 提供\n\tand sentence 競合\n");
	category("【セキュリティ事件簿#2033-002】例 2033年1月2日\n"
		 "退職者が顧客の名簿を持ち出し、競合する会社に提供していました。\n");
	ck_assert(ir_classify_fits(&c, 0));
	ck_assert(ir_classify_fits(&c, 1));
	ck_assert(!ir_classify_fits(&c, 2)); /* 提供 is further than 6 characters */
	ck_assert(ir_classify_fits(&c, 3));
	/* The evidence spans what the rule and its "and" lines found. */
	ck_assert_uint_eq(c.nev, 3);
	ck_assert_uint_eq(c.ev[2].len, strlen("退職者が顧客の名簿を持ち出し、競合する会社に提供"));
	category("【セキュリティ事件簿#2033-002】例 2033年1月2日\n"
		 "退職者の名簿を点検しました。後日、名簿を持ち出し、提供した者がいました。\n");
	ck_assert_uint_eq(c.nev, 0); /* another sentence, another clause */
}
END_TEST

/*
 * Found by fictional notices: a match whose "and" lines fail in the title
 * or in one clause does not hide a later match in the body or in another
 * clause of the same sentence.
 */
START_TEST(later_matches_are_tried)
{
	rules("scope story title overview\n"
	      "rule domain 2 story ドメイン\n\tand sentence 第三者\n"
	      "rule redirect 2 story 不正な|意図しない\n\tand clause サイトへ誘導\n\tand sentence ブログ\n");
	ck_assert_str_eq(category("【セキュリティ事件簿#2033-003】例 旧サイトのドメインについて 2033年1月3日\n"
				  "以前使っていたドメインが第三者に取得されました。\n"), "domain");
	ck_assert_str_eq(category("【セキュリティ事件簿#2033-003】例 お知らせ 2033年1月3日\n"
				  "ブログに何者かが不正なコードを置き、閲覧者が意図しないサイトへ誘導されました。\n"),
			 "redirect");
}
END_TEST

/* A clause that denies or advises never counts, unless the rule says so. */
START_TEST(moods)
{
	rules("rule ransom 3 body ランサムウェア\n"
	      "rule phish 3 body 不審なメール\n"
	      "rule open 2 body アクセス制限\n\tmood denied\n"
	      "rule any 2 body 不正アクセス\n\tmood fact denied advice\n");
	category("【セキュリティ事件簿#2033-004】例 2033年1月4日\n"
		 "本件はランサムウェアによるものではありません。不審なメールにご注意ください。\n"
		 "フォルダにアクセス制限をかけていませんでした。不正アクセスの形跡は確認されておりません。\n");
	ck_assert(!ir_classify_fits(&c, 0));
	ck_assert(!ir_classify_fits(&c, 1));
	ck_assert(ir_classify_fits(&c, 2));
	ck_assert(ir_classify_fits(&c, 3));
	category("【セキュリティ事件簿#2033-004】例 2033年1月4日\n"
		 "サーバーがランサムウェアに感染しました。フォルダのアクセス制限は設定済みでした。\n");
	ck_assert(ir_classify_fits(&c, 0));
	ck_assert(!ir_classify_fits(&c, 2)); /* a fact, and the rule counts only denials */
}
END_TEST

/* "unless" cancels a match by what its clause or sentence holds. */
START_TEST(unless_reaches)
{
	rules("rule c 2 body 送付\n\tunless clause 防止\n"
	      "rule s 2 body 送付\n\tunless sentence 防止\n");
	category("【セキュリティ事件簿#2033-005】例 2033年1月5日\n"
		 "別の方に書類を送付しましたが、再発防止に努めます。\n");
	ck_assert(ir_classify_fits(&c, 0));
	ck_assert(!ir_classify_fits(&c, 1));
}
END_TEST

/*
 * The built-in rules on fictional notices, one or two of each category
 * and some that are none, in words of their own: each must get the
 * category written beside it.
 */
START_TEST(default_rules_categories)
{
	struct ir_buf text = IR_BUF_INIT, want = IR_BUF_INIT;
	const char *p, *end, *w;
	size_t n, checked = 0;

	slurp("rules/default.rules", &text);
	ir_rules_init(&rs);
	ck_assert_int_eq(ir_rules_add(&rs, "default.rules", text.p, text.len), 0);
	ir_rules_ready(&rs);
	ir_classifier_init(&c, &rs);
	text.len = 0;
	slurp("tests/fixtures/categories.txt", &text);
	slurp("tests/fixtures/categories.want", &want);
	w = ir_buf_cstr(&want);
	for (p = strstr(ir_buf_cstr(&text), "【セキュリティ事件簿"); p != NULL; p = end) {
		const char *nl = strchr(w, '\n');

		ck_assert_ptr_nonnull(nl);
		end = strstr(p + 3, "\n【セキュリティ事件簿");
		n = end ? (size_t)(end - p) + 1 : strlen(p);
		ir_classify(&c, p, n);
		ck_assert_msg(strncmp(w, c.category < 0 ? "other" : rs.labels[c.category].name,
				      (size_t)(nl - w)) == 0 &&
				      strlen(c.category < 0 ? "other" : rs.labels[c.category].name) ==
					      (size_t)(nl - w),
			      "%.60s: want %.*s, got %s", p, (int)(nl - w), w,
			      c.category < 0 ? "other" : rs.labels[c.category].name);
		w = nl + 1;
		checked++;
		if (end)
			end++;
	}
	ck_assert_str_eq(w, "");
	ck_assert_uint_ge(checked, 120);
	ir_buf_free(&text);
	ir_buf_free(&want);
}
END_TEST

/* Every incident of the sample gets the same verdict with and without the prefilter. */
START_TEST(prefilter_changes_nothing)
{
	struct ir_buf text = IR_BUF_INIT, json = IR_BUF_INIT, json2 = IR_BUF_INIT;
	struct ir_ruleset all;
	struct ir_classifier every;
	static const char *const dumps[] = {"examples/sample.txt", "examples/heldout.txt",
					    "examples/unseen.txt", "tests/fixtures/categories.txt"};
	size_t n, r, k, d, checked = 0;
	const char *p, *end;

	slurp("rules/default.rules", &text);
	ir_rules_init(&rs);
	ir_rules_init(&all);
	ck_assert_int_eq(ir_rules_add(&rs, "default.rules", text.p, text.len), 0);
	ck_assert_int_eq(ir_rules_add(&all, "default.rules", text.p, text.len), 0);
	ir_rules_ready(&rs);
	ir_rules_ready(&all);
	/* Run every rule on every text, and look for its patterns everywhere. */
	for (r = 0; r < all.nrules; r++) {
		all.rules[r].anchored = 0;
		for (k = 0; k < all.rules[r].ncond; k++)
			all.rules[r].cond[k].anchored = 0;
	}
	ir_classifier_init(&c, &rs);
	ir_classifier_init(&every, &all);
	for (d = 0; d < sizeof dumps / sizeof *dumps; d++) {
		text.len = 0;
		slurp(dumps[d], &text);
		/* Each post, from its header to the next. */
		for (p = strstr(ir_buf_cstr(&text), "【セキュリティ事件簿"); p != NULL; p = end) {
			end = strstr(p + 3, "\n【セキュリティ事件簿");
			n = end ? (size_t)(end - p) + 1 : strlen(p);
			json.len = json2.len = 0;
			ir_classify(&c, p, n);
			ir_classify_json(&c, p, &json);
			ir_classify(&every, p, n);
			ir_classify_json(&every, p, &json2);
			ck_assert_str_eq(ir_buf_cstr(&json), ir_buf_cstr(&json2));
			checked++;
			if (end)
				end++;
		}
	}
	ck_assert_uint_ge(checked, 200);
	ir_classifier_free(&every);
	ir_rules_free(&all);
	ir_buf_free(&text);
	ir_buf_free(&json);
	ir_buf_free(&json2);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("classify");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, scopes);
	tcase_add_test(tc, lead_chars_exact);
	tcase_add_test(tc, unless_cancels_nearby_only);
	tcase_add_test(tc, precedence_scores_and_evidence);
	tcase_add_test(tc, sections_and_named_scopes);
	tcase_add_test(tc, and_reaches);
	tcase_add_test(tc, later_matches_are_tried);
	tcase_add_test(tc, moods);
	tcase_add_test(tc, unless_reaches);
	tcase_add_test(tc, default_rules_categories);
	tcase_add_test(tc, prefilter_changes_nothing);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN_PREPARED(suite, ir_classify_prepare)
