#include <pthread.h>

#include "base/err.h"
#include "ja/norm.h"
#include "ja/rx.h"
#include "unit.h"

static struct ir_rx report_no = IR_RX("第\\s*([0-9]+|[一二三四五六七八九十]+)\\s*報");
static struct ir_rx cause = IR_RX("(不正アクセス)|(ランサムウェア)|(誤送信)");
static struct ir_rx count = IR_RX("([0-9][0-9,]*)(?:件|名|人)");
static struct ir_rx told = IR_RX("報告|届出|通報");
static struct ir_rx boundary = IR_RX("^\\s*(?:以前|以降|まで|から)");
static struct ir_rx three_chars = IR_RX("^.{3}");
/* Backtracking without end on a long enough line, but for the limits. */
static struct ir_rx runaway = IR_RX("^(\\w+\\s?)*$");

static struct ir_rx *const patterns[] = {
	&report_no, &cause, &count, &told, &boundary, &three_chars, &runaway,
};

/* What a tool does at start-up, before any thread. */
static void
prepare(void)
{
	ir_norm_prepare();
	ir_rx_compile(patterns, sizeof patterns / sizeof patterns[0]);
}

/* The text as the readers see it: normalised, NUL-terminated. */
static const char *
norm(struct ir_norm *n, const char *s)
{
	ir_norm(n, s, strlen(s));
	return ir_buf_cstr(&n->text);
}

START_TEST(group_one)
{
	struct ir_norm n = IR_NORM_INIT;
	const char *t = norm(&n, "【セキュリティ事件簿#2026-014】架空市立病院 不正アクセスについて（第２報）");
	struct ir_rx_match m;

	ck_assert_int_eq(ir_rx_find(&report_no, t, n.text.len, 0, &m), 1);
	ck_assert_buf_eq(t + m.start, m.end - m.start, "第2報");
	ck_assert_buf_eq(t + m.g1, m.g1end - m.g1, "2");
	ck_assert_int_eq(m.group, 1);

	t = norm(&n, "見本商事株式会社 ランサムウェア被害に関するお知らせ(第 三 報)");
	ck_assert_int_eq(ir_rx_find(&report_no, t, n.text.len, 0, &m), 1);
	ck_assert_buf_eq(t + m.g1, m.g1end - m.g1, "三");
	ir_norm_free(&n);
}
END_TEST

/* "(a)|(b)|(c)": which of them matched, each found from where the last ended. */
START_TEST(alternation_from_offsets)
{
	struct ir_norm n = IR_NORM_INIT;
	const char *t = norm(&n, "メールの誤送信が判明し、調査の過程でランサムウェアによる"
				 "不正アクセスも確認されました。");
	static const char *const want[] = {"誤送信", "ランサムウェア", "不正アクセス"};
	static const int groups[] = {3, 2, 1};
	struct ir_rx_match m;
	size_t from = 0;
	int i;

	for (i = 0; i < 3; i++) {
		ck_assert_int_eq(ir_rx_find(&cause, t, n.text.len, from, &m), 1);
		ck_assert_buf_eq(t + m.start, m.end - m.start, want[i]);
		ck_assert_int_eq(m.group, groups[i]);
		if (groups[i] == 1)
			ck_assert_uint_eq(m.g1, m.start);
		else
			ck_assert_uint_eq(m.g1, (size_t)-1);
		from = m.end;
	}
	ck_assert_int_eq(ir_rx_find(&cause, t, n.text.len, from, &m), 0);
	/* Only s[0..n) is read, and a start past the end finds nothing. */
	ck_assert_int_eq(ir_rx_find(&cause, t, strlen("メールの誤送"), 0, &m), 0);
	ck_assert_int_eq(ir_rx_find(&cause, t, n.text.len, n.text.len + 1, &m), 0);
	ir_norm_free(&n);
}
END_TEST

START_TEST(counts_in_full_width_text)
{
	struct ir_norm n = IR_NORM_INIT;
	const char *t = norm(&n, "会員情報１２，３４５件および従業員３８名の個人情報");
	struct ir_rx_match m;

	ck_assert_int_eq(ir_rx_find(&count, t, n.text.len, 0, &m), 1);
	ck_assert_buf_eq(t + m.g1, m.g1end - m.g1, "12,345");
	ck_assert_int_eq(ir_rx_find(&count, t, n.text.len, m.end, &m), 1);
	ck_assert_buf_eq(t + m.g1, m.g1end - m.g1, "38");
	ck_assert_buf_eq(t + m.start, m.end - m.start, "38名");
	ir_norm_free(&n);
}
END_TEST

START_TEST(no_groups)
{
	const char *t = "所管の警察署に通報し、個人情報保護委員会へ報告しました。";
	struct ir_rx_match m;

	ck_assert_int_eq(ir_rx_find(&told, t, strlen(t), 0, &m), 1);
	ck_assert_buf_eq(t + m.start, m.end - m.start, "通報");
	ck_assert_uint_eq(m.g1, (size_t)-1);
	ck_assert_uint_eq(m.g1end, (size_t)-1);
	ck_assert_int_eq(m.group, 0);
	ck_assert_int_eq(ir_rx_test(&told, t, strlen(t)), 1);
	ck_assert_int_eq(ir_rx_test(&told, t, strlen("所管の警察署に")), 0);
	ck_assert_int_eq(ir_rx_test(&told, "", 0), 0);
}
END_TEST

/* In UTF mode a dot is a character, not a byte. */
START_TEST(characters_not_bytes)
{
	const char *t = "事件簿の続報";
	struct ir_rx_match m;

	ck_assert_int_eq(ir_rx_find(&three_chars, t, strlen(t), 0, &m), 1);
	ck_assert_buf_eq(t + m.start, m.end - m.start, "事件簿");
}
END_TEST

/* "^" is the start of the text given, not the offset to start from. */
START_TEST(anchor_is_the_subject_start)
{
	const char *t = "2026年1月5日 以前";
	size_t at = strlen("2026年1月5日");
	struct ir_rx_match m;

	ck_assert_int_eq(ir_rx_test(&boundary, t + at, strlen(t) - at), 1);
	ck_assert_int_eq(ir_rx_find(&boundary, t, strlen(t), at, &m), 0);
}
END_TEST

START_TEST(limits_bound_the_work)
{
	struct ir_buf b = IR_BUF_INIT;
	int i;

	for (i = 0; i < 40; i++)
		ir_buf_adds(&b, "架空 ");
	ir_buf_adds(&b, "。");
	/* Without a limit this would not end in the time Check allows. */
	ck_assert_int_eq(ir_rx_test(&runaway, b.p, b.len), 0);
	ir_buf_free(&b);
}
END_TEST

START_TEST(compiling_again_keeps_the_code)
{
	pcre2_code *code = cause.code;

	ck_assert_ptr_nonnull(code);
	ir_rx_compile(patterns, sizeof patterns / sizeof patterns[0]);
	ck_assert_ptr_eq(cause.code, code);
}
END_TEST

/* Each thread has its own match data: no thread sees another's offsets. */
static void *
find_many(void *arg)
{
	const char *t = arg;
	long i, bad = 0;

	for (i = 0; i < 3000; i++) {
		struct ir_rx_match m;
		size_t want = (size_t)(strstr(t, "第") - t);

		if (ir_rx_find(&report_no, t, strlen(t), 0, &m) != 1 || m.start != want ||
		    m.g1 != want + strlen("第"))
			bad++;
	}
	return (void *)bad;
}

START_TEST(threads_share_the_patterns)
{
	static const char *const texts[] = {
		"第1報",
		"架空大学 第12報",
		"見本商事株式会社 不正アクセス(第3報)",
		"【セキュリティ事件簿#2026-020】架空県 メール誤送信について 第4報",
	};
	pthread_t t[4];
	void *bad;
	int i;

	for (i = 0; i < 4; i++)
		ck_assert_int_eq(pthread_create(&t[i], NULL, find_many, (void *)texts[i]), 0);
	for (i = 0; i < 4; i++) {
		ck_assert_int_eq(pthread_join(t[i], &bad), 0);
		ck_assert_ptr_null(bad);
	}
}
END_TEST

START_TEST(used_before_compile_stops)
{
	static struct ir_rx late = IR_RX("漏えい|流出");

	ir_setprogname("ir-extract");
	unit_expect_stderr("ir-extract: bug: built-in pattern /漏えい|流出/ used before its "
			   "module's prepare function ran\n");
	(void)ir_rx_test(&late, "顧客情報が流出", strlen("顧客情報が流出"));
}
END_TEST

START_TEST(bad_pattern_stops)
{
	static struct ir_rx broken = IR_RX("第(報");
	static struct ir_rx *const list[] = {&broken};

	ir_setprogname("ir-extract");
	unit_expect_stderr("ir-extract: built-in pattern /第(報/ at 7: missing closing parenthesis\n");
	ir_rx_compile(list, 1);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("rx");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, group_one);
	tcase_add_test(tc, alternation_from_offsets);
	tcase_add_test(tc, counts_in_full_width_text);
	tcase_add_test(tc, no_groups);
	tcase_add_test(tc, characters_not_bytes);
	tcase_add_test(tc, anchor_is_the_subject_start);
	tcase_add_test(tc, limits_bound_the_work);
	tcase_add_test(tc, compiling_again_keeps_the_code);
	tcase_add_test(tc, threads_share_the_patterns);
	tcase_add_exit_test(tc, used_before_compile_stops, IR_EXIT_FAIL);
	tcase_add_exit_test(tc, bad_pattern_stops, IR_EXIT_FAIL);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN_PREPARED(suite, prepare)
