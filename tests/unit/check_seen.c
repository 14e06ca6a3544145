#include "base/err.h"
#include "stats/seen.h"
#include "stats_fixture.h"

static void
note(struct ir_seen *s, const char *json)
{
	struct ir_jobj o = IR_JOBJ_INIT;
	const char *why;
	size_t at;

	ck_assert_int_eq(ir_json_object(&o, json, strlen(json), &why, &at), 0);
	ir_seen_note(s, &o);
	ir_jobj_free(&o);
}

static size_t
dist(const char *a, const char *b)
{
	return ir_seen_distance(a, strlen(a), b, strlen(b), 5);
}

START_TEST(edit_distance)
{
	ck_assert_uint_eq(dist("category", "category"), 0);
	ck_assert_uint_eq(dist("categroy", "category"), 1); /* one transposition */
	ck_assert_uint_eq(dist("afected", "affected"), 1);
	ck_assert_uint_eq(dist("Category", "category"), 1);
	ck_assert_uint_eq(dist("org", "org_type"), 5);
	ck_assert_uint_eq(dist("", "abc"), 3);
	ck_assert_uint_eq(dist("kitten", "sitting"), 3);
	/* Past the limit: the limit plus one, early. */
	ck_assert_uint_eq(ir_seen_distance("a", 1, "abcdefgh", 8, 2), 3);
	ck_assert_uint_eq(ir_seen_distance("abcdefgh", 8, "hgfedcba", 8, 2), 3);
}
END_TEST

/* The state of s as a header's members would give it. */
static char *
header_of(const struct ir_seen *s)
{
	struct ir_buf b = IR_BUF_INIT;
	struct ir_jw w;

	ir_jw_start(&w, &b);
	ir_jw_object(&w);
	ir_seen_write(s, &w);
	ir_jw_end(&w);
	ir_buf_addc(&b, '\0');
	return b.p;
}

START_TEST(fields_seen_and_nearest_names)
{
	static const char *const args[] = {"-g", "categroy", "-g", "published:month", "--sum",
					   "afected", "--sum", "counts.unitt", "--median", "x", NULL};
	struct ir_stats_conf c;
	struct ir_seen s;
	char *h;

	conf_of(&c, args);
	{
		struct ir_buf err = IR_BUF_INIT;

		ck_assert_int_eq(ir_stats_conf_where(&c, "--where", "veris.acton=malware", &err), 0);
		ir_buf_free(&err);
	}
	ir_seen_init(&s, &c);
	ck_assert_uint_eq(s.n, 6);
	ck_assert_uint_eq(s.unseen, 6);
	note(&s, "{\"category\":\"loss\",\"published\":null,\"affected\":3,"
		 "\"counts\":[{\"n\":3,\"unit\":\"人\"}],\"veris\":{\"action\":[\"error\"]}}");
	/* published is there, as null; the others are not. */
	ck_assert_uint_eq(s.unseen, 5);
	ck_assert_str_eq(s.f[0].nearest, "category");
	ck_assert_str_eq(s.f[2].nearest, "affected");
	ck_assert_str_eq(s.f[3].nearest, "counts.unit");
	ck_assert_str_eq(s.f[5].nearest, "veris.action");
	ck_assert_ptr_null(s.f[4].nearest); /* x: too short to guess */
	note(&s, "{\"x\":[]}");
	ck_assert_uint_eq(s.unseen, 4);
	ck_assert_uint_eq(s.read, 2);
	h = header_of(&s);
	ck_assert_str_eq(h, "{\"read\":2,\"unseen\":{"
			    "\"afected\":{\"nearest\":\"affected\",\"prefix\":false},"
			    "\"categroy\":{\"nearest\":\"category\",\"prefix\":false},"
			    "\"counts.unitt\":{\"nearest\":\"counts.unit\",\"prefix\":true},"
			    "\"veris.acton\":{\"nearest\":\"veris.action\",\"prefix\":true}}}");
	free(h);
	ir_seen_free(&s);
	ir_stats_conf_free(&c);
}
END_TEST

START_TEST(ties_and_merges)
{
	static const char *const args[] = {"-g", "abcd", NULL};
	struct ir_stats_conf c;
	struct ir_seen a, b, r;
	struct ir_jobj o = IR_JOBJ_INIT;
	const char *why;
	char *h;
	size_t at;

	conf_of(&c, args);
	ir_seen_init(&a, &c);
	ir_seen_init(&b, &c);
	ir_seen_init(&r, &c);
	/* At one distance the shortest wins, then the first in byte order. */
	note(&a, "{\"abcde\":1,\"abce\":1}");
	note(&b, "{\"abcf\":1}");
	ck_assert_str_eq(a.f[0].nearest, "abce");
	ir_seen_merge(&a, &b);
	ck_assert_str_eq(a.f[0].nearest, "abce");
	ck_assert_uint_eq(a.read, 2);
	/* Through a header, added to what r has. */
	h = header_of(&a);
	ck_assert_int_eq(ir_json_object(&o, h, strlen(h), &why, &at), 0);
	ck_assert_int_eq(ir_seen_read(&r, &o), 0);
	ck_assert_str_eq(r.f[0].nearest, "abce");
	ck_assert_uint_eq(r.read, 2);
	/* A state where it was seen makes it seen. */
	note(&b, "{\"abcd\":null}");
	ir_seen_merge(&r, &b);
	ck_assert_uint_eq(r.unseen, 0);
	ck_assert_int_eq(ir_seen_report(&r), IR_EXIT_OK);
	free(h);
	ir_jobj_free(&o);
	ir_seen_free(&a);
	ir_seen_free(&b);
	ir_seen_free(&r);
	ir_stats_conf_free(&c);
}
END_TEST

START_TEST(bad_headers)
{
	static const char *const args[] = {"-g", "abcd", NULL};
	static const char *const bad[] = {
		"{\"unseen\":{}}",
		"{\"read\":-1,\"unseen\":{}}",
		"{\"read\":1,\"unseen\":[]}",
		"{\"read\":1,\"unseen\":{\"abcd\":\"x\"}}",
		"{\"read\":1,\"unseen\":{\"abcd\":{\"nearest\":1,\"prefix\":false}}}",
		"{\"read\":1,\"unseen\":{\"abcd\":{\"nearest\":null}}}",
	};
	struct ir_stats_conf c;
	struct ir_seen s;
	size_t i;

	conf_of(&c, args);
	ir_seen_init(&s, &c);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct ir_jobj o = IR_JOBJ_INIT;
		const char *why;
		size_t at;

		ck_assert_int_eq(ir_json_object(&o, bad[i], strlen(bad[i]), &why, &at), 0);
		ck_assert_msg(ir_seen_read(&s, &o) < 0, "%s taken", bad[i]);
		ir_jobj_free(&o);
	}
	ir_seen_free(&s);
	ir_stats_conf_free(&c);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("seen");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, edit_distance);
	tcase_add_test(tc, fields_seen_and_nearest_names);
	tcase_add_test(tc, ties_and_merges);
	tcase_add_test(tc, bad_headers);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
