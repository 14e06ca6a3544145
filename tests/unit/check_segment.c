#include "split/segment.h"
#include "unit.h"

struct got {
	int n;
	enum ir_kind kind[16];
	long line[16];
	unsigned long long offset[16];
	char id[16][32];
	char title[16][128];
	struct ir_buf all; /* concatenated texts */
};

static void
collect(const struct ir_segment *seg, void *ctx)
{
	struct got *g = ctx;

	ck_assert_int_lt(g->n, 16);
	g->kind[g->n] = seg->kind;
	g->line[g->n] = seg->line;
	g->offset[g->n] = seg->offset;
	snprintf(g->id[g->n], sizeof g->id[0], "%s", seg->id ? seg->id : "");
	snprintf(g->title[g->n], sizeof g->title[0], "%.*s", (int)seg->title_len,
		 seg->title ? seg->title : "");
	ir_buf_add(&g->all, seg->text, seg->len);
	g->n++;
}

/* Feeds text line by line, as ir-split does. */
static void
split(const char *text, struct got *g)
{
	struct ir_split s;
	size_t i = 0, n = strlen(text);
	long lineno = 0;

	memset(g, 0, sizeof *g);
	ir_split_init(&s, collect, g);
	ir_split_begin(&s, "t.txt");
	while (i < n) {
		const char *nl = memchr(text + i, '\n', n - i);
		size_t len = nl ? (size_t)(nl - (text + i)) + 1 : n - i;

		ir_split_line(&s, text + i, len, ++lineno, i);
		i += len;
	}
	ir_split_end(&s);
	ir_split_free(&s);
	ck_assert_buf_eq(g->all.p, g->all.len, text);
}

START_TEST(preamble_and_incidents)
{
	struct got g;

	split("ラベル: セキュリティ事件簿\n\n"
	      "【セキュリティ事件簿#2025-002】見本市 メールの誤送信について 2025年1月9日\n\n本文。\n"
	      "【セキュリティ事件簿#2025-001】株式会社例 お詫び 2025/1/8\r\n本文。",
	      &g);
	ck_assert_int_eq(g.n, 3);
	ck_assert_int_eq(g.kind[0], IR_PREAMBLE);
	ck_assert_int_eq(g.line[0], 1);
	ck_assert_int_eq(g.kind[1], IR_INCIDENT);
	ck_assert_int_eq(g.line[1], 3);
	ck_assert_uint_eq(g.offset[1], strlen("ラベル: セキュリティ事件簿\n\n"));
	ck_assert_str_eq(g.id[1], "2025-002");
	ck_assert_str_eq(g.title[1], "見本市 メールの誤送信について 2025年1月9日");
	ck_assert_int_eq(g.line[2], 6);
	ck_assert_str_eq(g.title[2], "株式会社例 お詫び 2025/1/8");
	ir_buf_free(&g.all);
}
END_TEST

START_TEST(edge_inputs)
{
	struct got g;

	split("", &g);
	ck_assert_int_eq(g.n, 0);
	split("\n\n\n", &g);
	ck_assert_int_eq(g.n, 1);
	ck_assert_int_eq(g.kind[0], IR_PREAMBLE);
	ir_buf_free(&g.all);
	split("前置き\n【セキュリティ事件簿#2025-009】最後の行", &g);
	ck_assert_int_eq(g.n, 2);
	ck_assert_int_eq(g.kind[1], IR_INCIDENT);
	ck_assert_int_eq(g.line[1], 2);
	ir_buf_free(&g.all);
}
END_TEST

START_TEST(noise_after_incident)
{
	struct got g;

	split("【セキュリティ事件簿#2025-010】株式会社見本 不正アクセスによる個人情報漏えいのお詫び 2025年2月1日\n\n"
	      "当社サーバが不正アクセスを受け、お客様の個人情報が流出した可能性があることが判明いたしました。深くお詫び申し上げます。\n\n"
	      "当社は再発防止に努めてまいります。お客様にはご迷惑とご心配をおかけし、重ねてお詫び申し上げます。\n\n"
	      "出典:株式会社見本のお知らせ\n\n"
	      "ポイントサイト経由で航空券を買うと得をする話\n\n"
	      "航空券はポイントサイトを経由して買うだけで数パーセントが戻ってくる。手間はほとんどかからないので、旅行の前には必ず寄るようにしている。\n\n"
	      "戻ってきた分はまとめて電子マネーに替えておけば、旅先の買い物にもそのまま使えて便利だ。\n",
	      &g);
	ck_assert_int_eq(g.n, 2);
	ck_assert_int_eq(g.kind[0], IR_INCIDENT);
	ck_assert_int_eq(g.kind[1], IR_NOISE);
	ck_assert_int_eq(g.line[1], 9);
	ck_assert_str_eq(g.title[1], "ポイントサイト経由で航空券を買うと得をする話");
	ir_buf_free(&g.all);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("split");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, preamble_and_incidents);
	tcase_add_test(tc, edge_inputs);
	tcase_add_test(tc, noise_after_incident);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
