#include "stats/incident.h"
#include "stats_fixture.h"

/* Made-up notices: a town's misdelivery, its 第2報, and the regulator's
 * notice about it; a shop's notice under another id. */
static const char *const notices[] = {
	"{\"kind\":\"incident\",\"id\":\"2025-031\",\"org\":\"つばさ町\",\"org_type\":\"local_gov\","
	"\"published\":\"2025-06-02\",\"discovered\":\"2025-05-28\",\"report_no\":null,"
	"\"affected\":48,\"category\":\"misdelivery\"}",
	"{\"kind\":\"incident\",\"id\":\"2025-031\",\"org\":\"つばさ町\",\"org_type\":\"local_gov\","
	"\"published\":\"2025-06-20\",\"discovered\":\"2025-05-27\",\"report_no\":2,"
	"\"affected\":52,\"category\":\"misdelivery\"}",
	"{\"kind\":\"incident\",\"id\":\"2025-031\",\"org\":\"個人情報保護委員会\","
	"\"org_type\":\"national_gov\",\"published\":\"2025-07-01\",\"report_no\":null,"
	"\"affected\":null,\"category\":\"regulatory\",\"subject_org\":\"つばさ町\"}",
	"{\"kind\":\"incident\",\"id\":\"2025-030\",\"org\":\"オオルリ珈琲店\",\"org_type\":\"company\","
	"\"published\":\"2025-05-30\",\"report_no\":null,\"affected\":3120,"
	"\"category\":\"unauthorized_access\"}",
};
#define NNOTICES (sizeof notices / sizeof notices[0])

static struct ir_stats_conf c = IR_STATS_CONF_INIT;
static struct ir_inc_parts p;

static void
setup(void)
{
	c.incidents = 1;
	ir_inc_parts_init(&p, &c);
}

static void
teardown(void)
{
	ir_inc_parts_free(&p);
}

static void
take(const char *json, long line)
{
	struct ir_jobj o = IR_JOBJ_INIT;
	const char *why;
	char *alone = NULL;
	size_t at;

	ck_assert_int_eq(ir_json_object(&o, json, strlen(json), &why, &at), 0);
	ck_assert_int_eq(ir_inc_parts_add(&p, &o, 0, line, &alone), 1);
	ck_assert_ptr_null(alone);
	ir_jobj_free(&o);
}

/* The parts as state lines, a string to free. */
static char *
state(void)
{
	struct ir_buf b = IR_BUF_INIT;

	ir_inc_parts_write(&p, &b, NULL);
	ir_buf_addc(&b, '\0');
	return b.p;
}

/* Reads a state line into p; returns why it was refused, or NULL. */
static const char *
read_line(const char *line, size_t n)
{
	struct ir_jobj o = IR_JOBJ_INIT;
	const char *why;
	size_t at;
	int r;

	ck_assert_int_eq(ir_json_object(&o, line, n, &why, &at), 0);
	r = ir_inc_parts_read(&p, &o, &why);
	ir_jobj_free(&o);
	return r == 0 ? NULL : why;
}

/* Reads every line of text into p. */
static void
read_all(const char *text)
{
	const char *nl;

	for (; *text != '\0'; text = nl + 1) {
		const char *why;

		nl = strchr(text, '\n');
		ck_assert_ptr_nonnull(nl);
		why = read_line(text, (size_t)(nl - text));
		ck_assert_msg(why == NULL, "%s: %.*s", why, (int)(nl - text), text);
	}
}

static const char written[] =
	"{\"incident\":[\"2025-030\",\"オオルリ珈琲店\"],\"notices\":1,\"published\":\"2025-05-30\","
	"\"discovered\":null,\"own\":{\"report_no\":1,\"published\":\"2025-05-30\",\"value\":"
	"{\"affected\":3120,\"category\":\"unauthorized_access\",\"id\":\"2025-030\","
	"\"kind\":\"incident\",\"org\":\"オオルリ珈琲店\",\"org_type\":\"company\","
	"\"published\":\"2025-05-30\",\"report_no\":null}},"
	"\"first\":{\"report_no\":1,\"published\":\"2025-05-30\",\"value\":null},\"reg\":null,"
	"\"figure\":{\"report_no\":1,\"published\":\"2025-05-30\",\"value\":[3120,null]}}\n"
	/* The 第2報's text and figure, the first report's date, the earliest discovery. */
	"{\"incident\":[\"2025-031\",\"つばさ町\"],\"notices\":3,\"published\":\"2025-06-02\","
	"\"discovered\":\"2025-05-27\",\"own\":{\"report_no\":2,\"published\":\"2025-06-20\","
	"\"value\":{\"affected\":52,\"category\":\"misdelivery\",\"discovered\":\"2025-05-27\","
	"\"id\":\"2025-031\",\"kind\":\"incident\",\"org\":\"つばさ町\",\"org_type\":\"local_gov\","
	"\"published\":\"2025-06-20\",\"report_no\":2}},"
	"\"first\":{\"report_no\":1,\"published\":\"2025-06-02\",\"value\":null},"
	"\"reg\":{\"report_no\":1,\"published\":\"2025-07-01\",\"value\":{\"affected\":null,"
	"\"category\":\"regulatory\",\"id\":\"2025-031\",\"kind\":\"incident\","
	"\"org\":\"個人情報保護委員会\",\"org_type\":\"national_gov\",\"published\":\"2025-07-01\","
	"\"report_no\":null,\"subject_org\":\"つばさ町\"}},"
	"\"figure\":{\"report_no\":2,\"published\":\"2025-06-20\",\"value\":[52,null]}}\n";

static void
take_all(void)
{
	size_t i;

	for (i = 0; i < NNOTICES; i++)
		take(notices[i], (long)i + 1);
}

START_TEST(parts_as_state_lines_in_key_order)
{
	char *got;

	take_all();
	got = state();
	ck_assert_str_eq(got, written);
	free(got);
}
END_TEST

START_TEST(no_parts_no_lines)
{
	char *got = state();

	ck_assert_str_eq(got, "");
	free(got);
}
END_TEST

START_TEST(read_back_writes_the_same)
{
	const struct ir_strmap_ent *e;
	const struct ir_inc_part *t;
	char *got;

	read_all(written);
	ck_assert_uint_eq(p.map.n, 2);
	e = ir_strmap_get(&p.map, "2025-031\nつばさ町", strlen("2025-031\nつばさ町"));
	ck_assert_ptr_nonnull(e);
	t = e->val;
	ck_assert_uint_eq(t->notices, 3);
	/* Read from a state, the first notice's place is unknown. */
	ck_assert_int_eq(t->src, -1);
	ck_assert_int_eq(t->line, -1);
	ck_assert_str_eq(t->published, "\"2025-06-02\"");
	ck_assert_int_eq(t->own.report_no, 2);
	ck_assert_str_eq(t->first.text, "null");
	ck_assert_str_eq(t->figure.text, "[52,null]");
	got = state();
	ck_assert_str_eq(got, written);
	free(got);
}
END_TEST

/* The same lines twice are the same notices twice: counted, not told apart. */
START_TEST(a_part_read_twice_is_merged)
{
	const struct ir_strmap_ent *e;
	const struct ir_inc_part *t;

	read_all(written);
	read_all(written);
	ck_assert_uint_eq(p.map.n, 2);
	e = ir_strmap_get(&p.map, "2025-031\nつばさ町", strlen("2025-031\nつばさ町"));
	t = e->val;
	ck_assert_uint_eq(t->notices, 6);
	ck_assert_str_eq(t->discovered, "\"2025-05-27\"");
	ck_assert_int_eq(t->own.report_no, 2);
}
END_TEST

/* A state line from its members, each a JSON text. */
static const char *
line_of(const char *incident, const char *notices_, const char *published, const char *own,
	const char *reg, const char *figure)
{
	static char b[1024];

	snprintf(b, sizeof b,
		 "{\"incident\":%s,\"notices\":%s,\"published\":%s,\"discovered\":null,\"own\":%s,"
		 "\"first\":null,\"reg\":%s,\"figure\":%s}",
		 incident, notices_, published, own, reg, figure);
	return b;
}

#define ID "[\"2025-031\",\"つばさ町\"]"
#define PICK "{\"report_no\":1,\"published\":\"2025-06-02\",\"value\":{\"affected\":48}}"
#define BAD "a state line of an incident with a missing or bad member"

static const struct {
	const char *incident, *notices, *published, *own, *reg, *figure;
	const char *why; /* NULL: taken */
} lines[] = {
	{ID, "1", "\"2025-06-02\"", PICK, "null", "null", NULL},
	{ID, "1", "null", "null", PICK, "null", NULL},
	{ID, "18446744073709551615", "null", PICK, "null", "null", NULL},
	{ID, "18446744073709551616", "null", PICK, "null", "null", BAD},
	{ID, "0", "null", PICK, "null", "null", BAD},
	{ID, "1.5", "null", PICK, "null", "null", BAD},
	{ID, "\"1\"", "null", PICK, "null", "null", BAD},
	{"[\"2025-031\"]", "1", "null", PICK, "null", "null", BAD},
	{"[\"2025-031\",\"つばさ町\",\"x\"]", "1", "null", PICK, "null", "null", BAD},
	{"[2025031,\"つばさ町\"]", "1", "null", PICK, "null", "null", BAD},
	{"\"2025-031\"", "1", "null", PICK, "null", "null", BAD},
	{ID, "1", "20250602", PICK, "null", "null", BAD},
	{ID, "1", "null", "{\"report_no\":0,\"published\":null,\"value\":{}}", "null", "null", BAD},
	{ID, "1", "null", "{\"report_no\":1,\"published\":null,\"value\":[48]}", "null", "null", BAD},
	{ID, "1", "null", "{\"report_no\":1,\"published\":null}", "null", "null", BAD},
	{ID, "1", "null", PICK, "null", "{\"report_no\":1,\"published\":null,\"value\":48}", BAD},
	{ID, "1", "null", PICK, "[]", "null", BAD},
	{ID, "1", "null", "null", "null",
	 "{\"report_no\":1,\"published\":null,\"value\":[48,null]}",
	 "a state line of an incident without a notice"},
	{"[\"2025\",\"つばさ町\"]", "1", "null", PICK, "null", "null",
	 "a state line of an incident whose id links nothing"},
	{"[\"第2025-031号\",\"つばさ町\"]", "1", "null", PICK, "null", "null",
	 "a state line of an incident whose id links nothing"},
};

START_TEST(state_lines_taken_and_refused)
{
	const char *l = line_of(lines[_i].incident, lines[_i].notices, lines[_i].published,
				lines[_i].own, lines[_i].reg, lines[_i].figure);
	const char *why = read_line(l, strlen(l));

	if (lines[_i].why == NULL) {
		ck_assert_msg(why == NULL, "%s: %s", why, l);
		ck_assert_uint_eq(p.map.n, 1);
	} else {
		ck_assert_msg(why != NULL && strcmp(why, lines[_i].why) == 0, "%s: %s",
			      why ? why : "taken", l);
		ck_assert_uint_eq(p.map.n, 0);
	}
}
END_TEST

/* Escapes in the id and the organisation are read as what they stand for. */
START_TEST(escaped_names_are_unescaped)
{
	const char *l = line_of("[\"2025\\u002d031\",\"\\u3064\\u3070\\u3055\\u753a\"]", "1",
				"null", PICK, "null", "null");
	const struct ir_strmap_ent *e;

	ck_assert_ptr_null(read_line(l, strlen(l)));
	e = ir_strmap_get(&p.map, "2025-031\nつばさ町", strlen("2025-031\nつばさ町"));
	ck_assert_ptr_nonnull(e);
	ck_assert_uint_eq(ir_inc_part_id_len(e), 8);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("parts");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, parts_as_state_lines_in_key_order);
	tcase_add_test(tc, no_parts_no_lines);
	tcase_add_test(tc, read_back_writes_the_same);
	tcase_add_test(tc, a_part_read_twice_is_merged);
	tcase_add_loop_test(tc, state_lines_taken_and_refused, 0, sizeof lines / sizeof lines[0]);
	tcase_add_test(tc, escaped_names_are_unescaped);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
