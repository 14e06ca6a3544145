#include "ja/lexicon.h"
#include "unit.h"

/* A lexicon with the shapes the filters must not lose: one-character
 * words, words sharing a first character, ASCII in either case. */
static const struct ir_lexword words[] = {
	{"盗", 1},      {"盗難", 2},   {"紛失", 3},   {"紛争", 4},     {"TEL", 5},
	{"e-mail", 6}, {"Eメール", 7}, {"個人情報", 8}, {"個人番号", 9},
};

static int
next(struct ir_lexicon *lx, const char *s, size_t from, size_t *off, size_t *len)
{
	int id = 0;

	ir_lexicon_build(lx);

	if (!ir_lexicon_next(lx, s, strlen(s), from, off, len, &id))
		return 0;
	return id;
}

START_TEST(leftmost_longest)
{
	static struct ir_lexicon lx = IR_LEXICON(words);
	const char *s = "書類の紛失と盗難、盗まれた個人番号。";
	size_t off, len;

	ck_assert_int_eq(next(&lx, s, 0, &off, &len), 3);
	ck_assert_buf_eq(s + off, len, "紛失");
	ck_assert_int_eq(next(&lx, s, off + len, &off, &len), 2);
	ck_assert_buf_eq(s + off, len, "盗難");
	/* A word of one character, where no two-character word goes on. */
	ck_assert_int_eq(next(&lx, s, off + len, &off, &len), 1);
	ck_assert_buf_eq(s + off, len, "盗");
	ck_assert_int_eq(next(&lx, s, off + len, &off, &len), 9);
	ck_assert_int_eq(next(&lx, s, off + len, &off, &len), 0);
	/* A first character whose second is none of its words'. */
	ck_assert_int_eq(next(&lx, "紛れ込み、個人の", 0, &off, &len), 0);
	/* At the very end, a first character with nothing after it. */
	ck_assert_int_eq(next(&lx, "個人情報と紛", 0, &off, &len), 8);
	ck_assert_int_eq(next(&lx, "個人情報と紛", off + len, &off, &len), 0);
}
END_TEST

START_TEST(ascii_words)
{
	static struct ir_lexicon lx = IR_LEXICON(words);
	size_t off, len;

	ck_assert_int_eq(next(&lx, "連絡先 tel: 03", 0, &off, &len), 5);
	ck_assert_int_eq(off, 10);
	ck_assert_int_eq(next(&lx, "HOTEL", 0, &off, &len), 0);
	ck_assert_int_eq(next(&lx, "E-Mail", 0, &off, &len), 6);
	ck_assert_int_eq(next(&lx, "eメールで", 0, &off, &len), 7);
	ck_assert_int_eq(next(&lx, "E", 0, &off, &len), 0);
}
END_TEST

static int
count(size_t off, size_t len, int id, void *ctx)
{
	int *seen = ctx;

	(void)off;
	(void)len;
	seen[id]++;
	return 0;
}

START_TEST(each_sees_prefixes)
{
	static struct ir_lexicon lx = IR_LEXICON(words);
	int seen[10] = {0};
	const char *s = "盗難届、紛失届。";

	ir_lexicon_build(&lx);
	ir_lexicon_each(&lx, s, strlen(s), count, seen);
	ck_assert_int_eq(seen[1], 1);
	ck_assert_int_eq(seen[2], 1);
	ck_assert_int_eq(seen[3], 1);
	ck_assert_int_eq(seen[4], 0);
}
END_TEST

/* A lexicon nobody built would find nothing: that is a bug, not an answer. */
START_TEST(searching_unbuilt_stops)
{
	static struct ir_lexicon lx = IR_LEXICON(words);
	size_t off, len;
	int id;

	ir_lexicon_next(&lx, "紛失", strlen("紛失"), 0, &off, &len, &id);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("lexicon");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, leftmost_longest);
	tcase_add_test(tc, ascii_words);
	tcase_add_test(tc, each_sees_prefixes);
	tcase_add_exit_test(tc, searching_unbuilt_stops, 2);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
