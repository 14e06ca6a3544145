#include <math.h>

#include "stats/state.h"
#include "stats_fixture.h"

/* Partial states ---------------------------------------------------------- */

static unsigned long long seed = 7;

static unsigned
rnd(unsigned n)
{
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((seed >> 33) % n);
}

/* A random record, of every kind of value the aggregates meet. */
static void
random_record(struct ir_buf *b)
{
	static const char *const cats[] = {"\"ransomware\"", "\"loss\"", "\"東京\"", "null", "3"};
	static const char *const tags[] = {"\"a\"", "\"b\"", "\"c\\n\"", "1.0", "{\"x\":[1,2]}"};
	unsigned k, n;

	b->len = 0;
	ir_buf_addf(b, "{\"kind\":\"%s\"", rnd(10) ? "incident" : "noise");
	if (rnd(4))
		ir_buf_addf(b, ",\"category\":%s", cats[rnd(5)]);
	switch (rnd(5)) {
	case 0: ir_buf_adds(b, ",\"published\":null"); break;
	case 1: ir_buf_adds(b, ",\"published\":\"junk\""); break;
	default:
		ir_buf_addf(b, ",\"published\":\"%04u-%02u-%02u\"", 2021 + rnd(3), 1 + rnd(12),
			    1 + rnd(28));
	}
	switch (rnd(6)) {
	case 0: ir_buf_addf(b, ",\"n\":%u", rnd(100000)); break;
	case 1: ir_buf_addf(b, ",\"n\":%.17g", (double)rnd(1000000) / 7.0 * pow(10, (int)rnd(30) - 15)); break;
	case 2: ir_buf_adds(b, ",\"n\":null"); break;
	case 3: ir_buf_addf(b, ",\"n\":[%u,%u.25]", rnd(50), rnd(50)); break;
	case 4: ir_buf_addf(b, ",\"n\":-%u", rnd(1000)); break;
	default: break;
	}
	ir_buf_adds(b, ",\"tags\":[");
	for (k = 0, n = rnd(4); k < n; k++)
		ir_buf_addf(b, "%s%s", k ? "," : "", tags[rnd(5)]);
	ir_buf_adds(b, "]}");
}

/* Reads the lines of a state in b into st. */
static void
read_state(struct ir_stats *st, const struct ir_buf *b)
{
	struct ir_buf msg = IR_BUF_INIT;
	size_t i = 0;

	struct ir_state_fault f = {NULL, NULL, 0};

	while (i < b->len) {
		const char *nl = memchr(b->p + i, '\n', b->len - i), *why = NULL;
		struct ir_jobj o = IR_JOBJ_INIT;
		size_t n = (size_t)(nl - (b->p + i)), at;

		ck_assert_int_eq(ir_json_object(&o, b->p + i, n, &why, &at), 0);
		ck_assert_msg(ir_stats_read_state(st, &o, "s", 1, &f, &msg) == IR_STATE_OK, "%s: %.*s",
			      f.why ? f.why : ir_buf_cstr(&msg), (int)n, b->p + i);
		ir_jobj_free(&o);
		i += n + 1;
	}
	ck_assert_int_eq(ir_stats_end_states(st, &f), IR_STATE_OK);
	ir_buf_free(&msg);
}

static char *
state_text(struct ir_stats *st)
{
	struct ir_buf b = IR_BUF_INIT;

	ir_stats_write_state(st, &b, NULL);
	ir_buf_addc(&b, '\0');
	return b.p;
}

START_TEST(partial_and_merge_give_one_run)
{
	static const char *const args[] = {
		"-g", "category", "-g", "published:quarter", "--sum", "n", "--min", "n", "--max", "n",
		"--mean", "n", "--median", "n", "--distinct", "tags", "--distinct", "published:month",
		NULL,
	};
	enum { N = 3000, PIECES = 7 };
	struct ir_stats_view views[] = {
		{1, 0, 0, 0, 0}, {1, 1, 1, 1, 0}, {0, 0, 0, 0, 5}, {1, 1, 0, 0, 3},
	};
	struct ir_stats_conf c;
	struct ir_stats one, merged, direct, piece[PIECES];
	struct ir_buf rec = IR_BUF_INIT, state = IR_BUF_INIT;
	char *a, *b, *d;
	size_t v, f;
	int i;

	conf_of(&c, args);
	ir_stats_init(&one, &c);
	ir_stats_init(&merged, &c);
	ir_stats_init(&direct, &c);
	for (i = 0; i < PIECES; i++)
		ir_stats_init(&piece[i], &c);
	for (i = 0; i < N; i++) {
		random_record(&rec);
		add(&one, ir_buf_cstr(&rec), i + 1);
		add(&piece[rnd(PIECES)], ir_buf_cstr(&rec), i + 1);
	}
	/* Through the text of the states, in reverse order ... */
	for (i = PIECES; i-- > 0;) {
		state.len = 0;
		ir_stats_write_state(&piece[i], &state, NULL);
		read_state(&merged, &state);
	}
	/* ... and merging the states themselves. */
	for (i = 0; i < PIECES; i++)
		ir_stats_merge(&direct, &piece[i]);
	ck_assert_uint_eq(merged.records, one.records);
	ck_assert_uint_eq(merged.headers, PIECES);
	a = state_text(&one);
	b = state_text(&merged);
	d = state_text(&direct);
	ck_assert_msg(strcmp(a, b) == 0, "the state read back differs");
	ck_assert_msg(strcmp(a, d) == 0, "the merged state differs");
	free(a);
	free(b);
	free(d);
	for (v = 0; v < sizeof views / sizeof views[0]; v++) {
		for (f = IR_FORMAT_TABLE; f <= IR_FORMAT_BAR; f++) {
			a = render(&one, &views[v], (enum ir_format)f);
			b = render(&merged, &views[v], (enum ir_format)f);
			d = render(&direct, &views[v], (enum ir_format)f);
			ck_assert_msg(strcmp(a, b) == 0, "view %zu, format %zu: rows differ", v, f);
			ck_assert_msg(strcmp(a, d) == 0, "view %zu, format %zu: rows differ", v, f);
			ck_assert_uint_gt(strlen(a), 100);
			free(a);
			free(b);
			free(d);
		}
	}
	ir_stats_free(&one);
	ir_stats_free(&merged);
	ir_stats_free(&direct);
	for (i = 0; i < PIECES; i++)
		ir_stats_free(&piece[i]);
	ir_stats_conf_free(&c);
	ir_buf_free(&rec);
	ir_buf_free(&state);
}
END_TEST

static int
read_line(struct ir_stats *st, const char *line, struct ir_buf *msg, const char **why)
{
	struct ir_jobj o = IR_JOBJ_INIT;
	struct ir_state_fault f = {NULL, NULL, 0};
	size_t at;
	int r;

	ck_assert_int_eq(ir_json_object(&o, line, strlen(line), why, &at), 0);
	msg->len = 0;
	r = ir_stats_read_state(st, &o, "s", 7, &f, msg);
	*why = f.why;
	ir_jobj_free(&o);
	return r;
}

START_TEST(states_are_checked)
{
	static const char *const args[] = {"-g", "category", "--sum", "affected", NULL};
	static const char *const other[] = {"-g", "category", "--median", "affected", NULL};
	struct ir_stats_conf c, c2;
	struct ir_stats st, st2;
	struct ir_buf msg = IR_BUF_INIT;
	const char *why;
	char *text, *nl;

	conf_of(&c, args);
	conf_of(&c2, other);
	ir_stats_init(&st, &c);
	ir_stats_init(&st2, &c2);
	add(&st, "{\"kind\":\"incident\",\"category\":\"loss\",\"affected\":3}", 1);
	text = state_text(&st);
	ck_assert_str_eq(text,
			 "{\"ir_stats\":2,\"by\":[\"category\"],\"sum\":[\"affected\"],\"min\":[],"
			 "\"max\":[],\"mean\":[],\"median\":[],\"distinct\":[],\"where\":[],"
			 "\"all\":false,\"incidents\":false,\"read\":1,\"unseen\":{},\"records\":1}\n"
			 "{\"key\":[\"loss\"],\"count\":1,\"num\":{\"affected\":{\"n\":1,\"int\":3,"
			 "\"frac\":[],\"float\":0,\"min\":3,\"max\":3}},\"distinct\":{}}\n");
	nl = strchr(text, '\n');
	*nl = '\0';
	ck_assert_int_eq(read_line(&st2, text, &msg, &why), IR_STATE_OTHER);
	ck_assert_str_eq(ir_buf_cstr(&msg), "-g category --sum affected");
	/* A group line without what --median keeps. */
	ck_assert_int_eq(read_line(&st2, nl + 1, &msg, &why), IR_STATE_BAD);
	ck_assert_str_eq(why, "a state line with a missing or bad member");
	ck_assert_int_eq(read_line(&st, "{\"ir_stats\":1}", &msg, &why), IR_STATE_BAD);
	ck_assert_str_eq(why, "a state of another version of ir-stats");
	ck_assert_int_eq(read_line(&st, "{\"key\":[\"a\",\"b\"],\"count\":1}", &msg, &why),
			 IR_STATE_BAD);
	ck_assert_str_eq(why, "a state line whose key has another number of fields");
	ck_assert_int_eq(read_line(&st, "{\"key\":[\"a\"],\"count\":-1,\"num\":{},\"distinct\":{}}",
				   &msg, &why), IR_STATE_BAD);
	ck_assert_str_eq(why, "a state line with a negative count");
	ck_assert_int_eq(read_line(&st, "{\"kind\":\"incident\"}", &msg, &why), IR_STATE_BAD);
	ck_assert_str_eq(why, "not a line of an ir-stats state");
	/* The same options in another order are the same options. */
	ck_assert_int_eq(read_line(&st, text, &msg, &why), IR_STATE_OK);
	ck_assert_uint_eq(st.records, 2);
	free(text);
	ir_buf_free(&msg);
	ir_stats_free(&st);
	ir_stats_free(&st2);
	ir_stats_conf_free(&c);
	ir_stats_conf_free(&c2);
}
END_TEST

/* A state to break: a header and one group of -g published:month. */
static const char good_header[] =
	"{\"ir_stats\":2,\"by\":[\"published:month\"],\"sum\":[],\"min\":[],\"max\":[],\"mean\":[],"
	"\"median\":[\"n\"],\"distinct\":[\"org\"],\"where\":[],\"all\":false,\"incidents\":false,"
	"\"read\":3,\"unseen\":{},\"records\":3}";
static const char good_group[] =
	"{\"key\":[\"2024-01\"],\"count\":3,\"num\":{\"n\":{\"n\":2,\"int\":5,\"frac\":[],\"float\":0,"
	"\"min\":2,\"max\":3,\"values\":[2,3]}},\"distinct\":{\"org\":[\"a\",\"b\"]}}";

/* Reads header then group; returns the why of the first line refused, or NULL. */
static const char *
refusal(const char *header, const char *group)
{
	static const char *const args[] = {"-g", "published:month", "--median", "n", "--distinct",
					   "org", NULL};
	struct ir_stats_conf c;
	struct ir_stats st;
	struct ir_buf msg = IR_BUF_INIT;
	struct ir_state_fault f = {NULL, NULL, 0};
	const char *why = NULL;

	conf_of(&c, args);
	ir_stats_init(&st, &c);
	if (read_line(&st, header, &msg, &why) == IR_STATE_OK &&
	    (group == NULL || read_line(&st, group, &msg, &why) == IR_STATE_OK))
		why = ir_stats_end_states(&st, &f) == IR_STATE_OK ? NULL : f.why;
	ir_buf_free(&msg);
	ir_stats_free(&st);
	ir_stats_conf_free(&c);
	return why;
}

/* good_group with from replaced by to. */
static const char *
group_with(const char *from, const char *to)
{
	static char buf[1024];
	const char *at = strstr(good_group, from);

	ck_assert_ptr_nonnull(at);
	snprintf(buf, sizeof buf, "%.*s%s%s", (int)(at - good_group), good_group, to, at + strlen(from));
	return buf;
}

START_TEST(states_that_do_not_add_up)
{
	static const struct {
		const char *from, *to, *why;
	} broken[] = {
		{"\"count\":3", "\"count\":4", "a state line whose count exceeds its state's records"},
		{"\"count\":3", "\"count\":0", "a state line of a group of no records"},
		{"\"count\":3", "\"count\":-3", "a state line with a negative count"},
		{"\"2024-01\"", "\"2024-13\"", "a state line whose key is not a bucket of its -g field"},
		{"\"2024-01\"", "\"January\"", "a state line whose key is not a bucket of its -g field"},
		{"\"min\":2,\"max\":3", "\"min\":3,\"max\":2", "a state line whose minimum is above its maximum"},
		{"\"int\":5", "\"int\":6", "a state line whose values do not make its sum, minimum and maximum"},
		{"\"values\":[2,3]", "\"values\":[3,2]", "a state line whose values are not sorted"},
		{"\"n\":2,", "\"n\":0,", "a state line with a missing or bad member"},
		{"\"frac\":[]", "\"frac\":[0.5]", "a state line of integers whose extremes or sum are not integers"},
		{"[\"a\",\"b\"]", "[\"a\",\"a\"]", "a state line with a missing or bad member"},
	};
	size_t i;

	ck_assert_ptr_null(refusal(good_header, good_group));
	for (i = 0; i < sizeof broken / sizeof broken[0]; i++) {
		const char *why = refusal(good_header, group_with(broken[i].from, broken[i].to));

		ck_assert_msg(why != NULL && strcmp(why, broken[i].why) == 0, "%s -> %s: %s",
			      broken[i].from, broken[i].to, why ? why : "taken");
	}
	/* A group before any header; the header's records not all in groups. */
	ck_assert_str_eq(refusal(good_group, NULL), "a state line before any state header");
	ck_assert_str_eq(refusal(good_header, NULL),
			 "a state whose groups hold fewer records than its header counts");
}
END_TEST

START_TEST(empty_aggregates_through_states)
{
	static const char *const args[] = {"-g", "g", "--sum", "n", "--mean", "n", "--median", "n",
					   "--min", "n", NULL};
	struct ir_stats_conf c;
	struct ir_stats a, b, merged;
	struct ir_buf state = IR_BUF_INIT;
	char *got;

	conf_of(&c, args);
	ir_stats_init(&a, &c);
	ir_stats_init(&b, &c);
	ir_stats_init(&merged, &c);
	/* x has numbers in one piece only; y in none. */
	add(&a, "{\"kind\":\"incident\",\"g\":\"x\",\"n\":null}", 1);
	add(&a, "{\"kind\":\"incident\",\"g\":\"y\"}", 2);
	add(&b, "{\"kind\":\"incident\",\"g\":\"x\",\"n\":[4,6]}", 3);
	add(&b, "{\"kind\":\"incident\",\"g\":\"y\",\"n\":null}", 4);
	ir_stats_write_state(&a, &state, NULL);
	ir_stats_write_state(&b, &state, NULL);
	read_state(&merged, &state);
	got = render(&merged, &by_key, IR_FORMAT_TSV);
	ck_assert_str_eq(got, "g\tcount\tsum_n\tmean_n\tmedian_n\tmin_n\tn_n\n"
			      "x\t2\t10\t5.00\t5\t4\t2\n"
			      "y\t2\t\t\t\t\t0\n");
	free(got);
	got = render(&merged, &by_key, IR_FORMAT_JSON);
	ck_assert_str_eq(got, "{\"g\":\"x\",\"count\":2,\"sum_n\":10,\"mean_n\":5.00,\"median_n\":5,"
			      "\"min_n\":4,\"n_n\":2}\n"
			      "{\"g\":\"y\",\"count\":2,\"sum_n\":null,\"mean_n\":null,\"median_n\":null,"
			      "\"min_n\":null,\"n_n\":0}\n");
	free(got);
	ir_stats_free(&a);
	ir_stats_free(&b);
	ir_stats_free(&merged);
	ir_stats_conf_free(&c);
	ir_buf_free(&state);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("state");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, partial_and_merge_give_one_run);
	tcase_add_test(tc, states_are_checked);
	tcase_add_test(tc, empty_aggregates_through_states);
	tcase_add_test(tc, states_that_do_not_add_up);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
