#include <math.h>

#include "stats/stats.h"
#include "unit.h"

/* A configuration from "-g F", "--sum F" ... words. */
static void
conf_of(struct ir_stats_conf *c, const char *const *args)
{
	struct ir_buf err = IR_BUF_INIT;
	size_t i, a;

	memset(c, 0, sizeof *c);
	for (i = 0; args[i] != NULL; i += 2) {
		if (strcmp(args[i], "-g") == 0) {
			ck_assert_msg(ir_stats_conf_by(c, args[i + 1], &err) == 0, "%s", ir_buf_cstr(&err));
			continue;
		}
		for (a = 0; a < IR_NAGG && strcmp(args[i] + 2, ir_agg_name[a]) != 0; a++)
			;
		ck_assert_uint_lt(a, IR_NAGG);
		ck_assert_msg(ir_stats_conf_agg(c, (enum ir_agg)a, args[i + 1], &err) == 0, "%s",
			      ir_buf_cstr(&err));
	}
	ir_buf_free(&err);
}

static void
add(struct ir_stats *st, const char *json, long line)
{
	struct ir_jobj o = IR_JOBJ_INIT;
	const char *why;
	size_t at;

	ck_assert_msg(ir_json_object(&o, json, strlen(json), &why, &at) == 0, "%s: %s", json, why);
	ir_stats_add(st, &o, 0, line);
	ir_jobj_free(&o);
}

/* The rows of st in format f, as a new string. */
static char *
render(struct ir_stats *st, const struct ir_stats_view *v, enum ir_format f)
{
	struct ir_buf b = IR_BUF_INIT, err = IR_BUF_INIT;
	struct ir_group **rows;
	struct ir_table t;
	size_t n;

	if (v->fill)
		ck_assert_int_eq(ir_stats_fill(st, v->fill_field, &err), 0);
	rows = ir_stats_rows(st, v, &n);
	ir_stats_table(st, v, rows, n, &t);
	ir_table_write(&t, f, 80, &b, NULL);
	ir_table_free(&t);
	free(rows);
	ir_buf_free(&err);
	ir_buf_addc(&b, '\0');
	return b.p;
}

static void
expect_rows(struct ir_stats *st, const struct ir_stats_view *v, const char *want)
{
	char *got = render(st, v, IR_FORMAT_TSV);

	ck_assert_str_eq(got, want);
	free(got);
}

static const struct ir_stats_view by_key = {0, 1, 0, 0, 0};

START_TEST(grouping)
{
	static const char *const args[] = {"-g", "category", "-g", "data_types", NULL};
	struct ir_stats_conf c;
	struct ir_stats st;

	conf_of(&c, args);
	ir_stats_init(&st, &c);
	add(&st, "{\"kind\":\"incident\",\"category\":\"a\",\"data_types\":[\"name\",\"email\"]}", 1);
	add(&st, "{\"kind\":\"incident\",\"category\":\"a\",\"data_types\":[\"name\",\"name\"]}", 2);
	add(&st, "{\"kind\":\"incident\",\"category\":\"b\",\"data_types\":[]}", 3);
	add(&st, "{\"kind\":\"incident\",\"data_types\":null}", 4);
	add(&st, "{\"kind\":\"noise\",\"category\":\"a\"}", 5);
	add(&st, "{\"kind\":\"incident\",\"category\":\"a\",\"duplicate_of\":{\"line\":1}}", 6);
	add(&st, "{\"kind\":\"incident\",\"category\":\"c\",\"duplicate_of\":null}", 7);
	ck_assert_uint_eq(st.records, 5);
	expect_rows(&st, &by_key,
		    "category\tdata_types\tcount\n"
		    "a\temail\t1\n"
		    "a\tname\t2\n"
		    "b\t(none)\t1\n"
		    "c\t(none)\t1\n"
		    "(none)\t(none)\t1\n");
	ir_stats_free(&st);
	/* --all: every record. */
	c.all = 1;
	ir_stats_init(&st, &c);
	add(&st, "{\"kind\":\"noise\",\"category\":\"a\"}", 1);
	add(&st, "{\"kind\":\"incident\",\"category\":\"a\",\"duplicate_of\":{\"line\":1}}", 2);
	add(&st, "{\"category\":2}", 3);
	ck_assert_uint_eq(st.records, 3);
	expect_rows(&st, &by_key,
		    "category\tdata_types\tcount\n"
		    "2\t(none)\t1\n"
		    "a\t(none)\t2\n");
	ir_stats_free(&st);
	ir_stats_conf_free(&c);
}
END_TEST

START_TEST(nested_fields_and_values)
{
	static const char *const args[] = {"-g", "veris.action", NULL};
	struct ir_stats_conf c;
	struct ir_stats st;

	conf_of(&c, args);
	ir_stats_init(&st, &c);
	add(&st, "{\"kind\":\"incident\",\"veris\":{\"action\":[\"hacking\",\"malware\"]}}", 1);
	add(&st, "{\"kind\":\"incident\",\"veris\":{\"action\":[\"hacking\"]}}", 2);
	add(&st, "{\"kind\":\"incident\",\"veris\":{\"action\":[]}}", 3);
	add(&st, "{\"kind\":\"incident\",\"veris\":5}", 4);
	add(&st, "{\"kind\":\"incident\",\"veris\":{\"action\":\"h\\u0061cking\"}}", 5);
	expect_rows(&st, &(struct ir_stats_view){0, 0, 0, 0, 0},
		    "veris.action\tcount\n"
		    "hacking\t3\n"
		    "(none)\t2\n"
		    "malware\t1\n");
	ir_stats_free(&st);
	ir_stats_conf_free(&c);
}
END_TEST

START_TEST(date_buckets)
{
	static const char *const args[] = {"-g", "published:month", NULL};
	struct ir_stats_conf c;
	struct ir_stats st;

	conf_of(&c, args);
	ir_stats_init(&st, &c);
	add(&st, "{\"kind\":\"incident\",\"published\":\"2023-08-23\"}", 1);
	add(&st, "{\"kind\":\"incident\",\"published\":\"2023-09-01\"}", 2);
	add(&st, "{\"kind\":\"incident\",\"published\":20230823}", 3);
	add(&st, "{\"kind\":\"incident\",\"published\":\"2023-08-31\"}", 4);
	add(&st, "{\"kind\":\"incident\",\"published\":\"bad\"}", 5);
	add(&st, "{\"kind\":\"incident\",\"published\":null}", 6);
	add(&st, "{\"kind\":\"incident\",\"published\":[\"2023-10-01\",\"2023-10-02\"]}", 7);
	expect_rows(&st, &by_key,
		    "published:month\tcount\n"
		    "2023-08\t2\n"
		    "2023-09\t1\n"
		    "2023-10\t1\n"
		    "(none)\t3\n");
	/* The first bad date is kept, null is not bad. */
	ck_assert_int_eq(st.bad_by[0].line, 3);
	ir_stats_free(&st);
	ir_stats_conf_free(&c);
}
END_TEST

START_TEST(each_aggregate)
{
	static const char *const args[] = {
		"--sum", "n", "--min", "n", "--max", "n", "--mean", "n", "--median", "n",
		"--distinct", "org", "--sum", "k", "--median", "k", "--mean", "k", NULL,
	};
	struct ir_stats_conf c;
	struct ir_stats st;

	conf_of(&c, args);
	ck_assert_uint_eq(c.nfields, 3);
	ck_assert_uint_eq(c.naggs, 9);
	ir_stats_init(&st, &c);
	add(&st, "{\"kind\":\"incident\",\"n\":10,\"org\":\"x\",\"k\":1}", 1);
	add(&st, "{\"kind\":\"incident\",\"n\":20,\"org\":\"y\",\"k\":2}", 2);
	add(&st, "{\"kind\":\"incident\",\"n\":30.5,\"org\":\"x\",\"k\":3}", 3);
	add(&st, "{\"kind\":\"incident\",\"n\":null,\"org\":null,\"k\":4}", 4);
	add(&st, "{\"kind\":\"incident\",\"n\":\"many\",\"k\":null}", 5);
	add(&st, "{\"kind\":\"incident\",\"n\":[1,2],\"org\":[\"z\",\"x\"]}", 6);
	add(&st, "{\"kind\":\"incident\",\"n\":true}", 7);
	/* Values 10, 20, 30.5, 1, 2: mean 12.7, median 10; k: 1..4. */
	expect_rows(&st, &by_key,
		    "count\tsum_n\tmin_n\tmax_n\tmean_n\tmedian_n\tdistinct_org\tsum_k\tmedian_k\tmean_k\n"
		    "7\t63.5\t1\t30.5\t12.70\t10\t3\t10\t2.5\t2.50\n");
	ck_assert_int_eq(st.bad_field[0].line, 5);
	ck_assert_int_eq(st.bad_field[1].line, 0);
	ir_stats_free(&st);
	ir_stats_conf_free(&c);
}
END_TEST

START_TEST(empty_aggregates_and_json)
{
	static const char *const args[] = {"-g", "g", "--sum", "n", "--min", "n", "--median", "n",
					   NULL};
	struct ir_stats_conf c;
	struct ir_stats st;
	char *got;

	conf_of(&c, args);
	ir_stats_init(&st, &c);
	add(&st, "{\"kind\":\"incident\",\"g\":\"a\"}", 1);
	add(&st, "{\"kind\":\"incident\",\"g\":{\"x\":1.0}}", 2);
	got = render(&st, &by_key, IR_FORMAT_JSON);
	ck_assert_str_eq(got,
			 "{\"g\":\"a\",\"count\":1,\"sum_n\":0,\"min_n\":null,\"median_n\":null}\n"
			 "{\"g\":{\"x\":1},\"count\":1,\"sum_n\":0,\"min_n\":null,\"median_n\":null}\n");
	free(got);
	ir_stats_free(&st);
	ir_stats_conf_free(&c);
}
END_TEST

START_TEST(bad_configurations)
{
	struct ir_stats_conf c = IR_STATS_CONF_INIT;
	struct ir_buf err = IR_BUF_INIT;

	ck_assert_int_eq(ir_stats_conf_by(&c, "published:monthly", &err), -1);
	ck_assert_str_eq(ir_buf_cstr(&err),
			 "-g: unknown date bucket in 'published:monthly' (year, quarter, month, week or day)");
	err.len = 0;
	ck_assert_int_eq(ir_stats_conf_by(&c, "a..b", &err), -1);
	err.len = 0;
	ck_assert_int_eq(ir_stats_conf_agg(&c, IR_AGG_SUM, "published:month", &err), -1);
	ck_assert_str_eq(ir_buf_cstr(&err),
			 "--sum: date buckets are for -g and --distinct, not 'published:month'");
	err.len = 0;
	ck_assert_int_eq(ir_stats_conf_agg(&c, IR_AGG_DISTINCT, "published:month", &err), 0);
	ck_assert_int_eq(ir_stats_conf_agg(&c, IR_AGG_SUM, "affected", &err), 0);
	ck_assert_int_eq(ir_stats_conf_agg(&c, IR_AGG_SUM, "affected", &err), -1);
	ck_assert_str_eq(ir_buf_cstr(&err), "--sum affected given twice");
	err.len = 0;
	ck_assert_int_eq(ir_stats_conf_fill_field(&c, &err), -1);
	ck_assert_str_eq(ir_buf_cstr(&err),
			 "--fill needs a date bucket to fill, such as -g published:month");
	ir_stats_conf_by(&c, "category", &err);
	ir_stats_conf_by(&c, "published:week", &err);
	err.len = 0;
	ck_assert_int_eq(ir_stats_conf_fill_field(&c, &err), 1);
	ir_stats_conf_by(&c, "discovered:week", &err);
	ck_assert_int_eq(ir_stats_conf_fill_field(&c, &err), -1);
	ck_assert_str_eq(ir_buf_cstr(&err),
			 "--fill: more than one date bucket (-g published:week, -g discovered:week)");
	err.len = 0;
	ir_stats_conf_describe(&c, &err);
	ck_assert_str_eq(ir_buf_cstr(&err), "-g category -g published:week -g discovered:week "
					    "--distinct published:month --sum affected");
	ir_buf_free(&err);
	ir_stats_conf_free(&c);
}
END_TEST

START_TEST(wilson)
{
	double lo, hi;

	ir_wilson(5, 20, &lo, &hi);
	ck_assert_double_eq_tol(lo, 0.1119, 1e-4);
	ck_assert_double_eq_tol(hi, 0.4687, 1e-4);
	ir_wilson(0, 10, &lo, &hi);
	ck_assert_double_eq(lo, 0);
	ck_assert_double_eq_tol(hi, 0.2775, 1e-4);
	ir_wilson(10, 10, &lo, &hi);
	ck_assert_double_eq_tol(lo, 0.7225, 1e-4);
	ck_assert_double_eq(hi, 1);
	ir_wilson(1, 1000000, &lo, &hi);
	ck_assert(lo > 0 && lo < 1e-6);
	ir_wilson(500, 1000, &lo, &hi);
	ck_assert_double_eq_tol(lo, 0.4691, 1e-4);
	ck_assert_double_eq_tol(hi, 0.5309, 1e-4);
	ir_wilson(0, 0, &lo, &hi);
	ck_assert(lo == 0 && hi == 1);
}
END_TEST

START_TEST(share_column)
{
	static const char *const args[] = {"-g", "t", NULL};
	struct ir_stats_conf c;
	struct ir_stats st;
	int i;

	conf_of(&c, args);
	ir_stats_init(&st, &c);
	for (i = 0; i < 20; i++)
		add(&st, i < 5 ? "{\"kind\":\"incident\",\"t\":[\"a\",\"b\"]}" :
				 "{\"kind\":\"incident\",\"t\":\"b\"}", i + 1);
	/* Shares of the records counted: b is in all 20, a in 5 of them. */
	expect_rows(&st, &(struct ir_stats_view){1, 0, 0, 0, 0},
		    "t\tcount\tshare\tshare_low\tshare_high\n"
		    "b\t20\t100.0\t83.9\t100.0\n"
		    "a\t5\t25.0\t11.2\t46.9\n");
	ir_stats_free(&st);
	ir_stats_conf_free(&c);
}
END_TEST

START_TEST(sort_and_top)
{
	static const char *const args[] = {"-g", "n", NULL};
	struct ir_stats_conf c;
	struct ir_stats st;

	conf_of(&c, args);
	ir_stats_init(&st, &c);
	add(&st, "{\"kind\":\"incident\",\"n\":10}", 1);
	add(&st, "{\"kind\":\"incident\",\"n\":9}", 2);
	add(&st, "{\"kind\":\"incident\",\"n\":\"9\"}", 3);
	add(&st, "{\"kind\":\"incident\",\"n\":10.0}", 4);
	add(&st, "{\"kind\":\"incident\"}", 5);
	add(&st, "{\"kind\":\"incident\",\"n\":2}", 6);
	add(&st, "{\"kind\":\"incident\",\"n\":2}", 7);
	/* By count, ties by key: numbers by value, then strings, null last. */
	expect_rows(&st, &(struct ir_stats_view){0, 0, 0, 0, 0},
		    "n\tcount\n2\t2\n10\t2\n9\t1\n9\t1\n(none)\t1\n");
	expect_rows(&st, &(struct ir_stats_view){0, 1, 0, 0, 2}, "n\tcount\n2\t2\n9\t1\n");
	expect_rows(&st, &(struct ir_stats_view){0, 0, 0, 0, 1}, "n\tcount\n2\t2\n");
	ir_stats_free(&st);
	ir_stats_conf_free(&c);
}
END_TEST

START_TEST(fill)
{
	static const char *const args[] = {"-g", "c", "-g", "published:month", "--sum", "n", NULL};
	struct ir_stats_conf c;
	struct ir_stats st;
	struct ir_buf err = IR_BUF_INIT;

	conf_of(&c, args);
	ir_stats_init(&st, &c);
	add(&st, "{\"kind\":\"incident\",\"c\":\"x\",\"published\":\"2022-11-05\",\"n\":1}", 1);
	add(&st, "{\"kind\":\"incident\",\"c\":\"y\",\"published\":\"2023-02-05\",\"n\":2}", 2);
	add(&st, "{\"kind\":\"incident\",\"c\":\"y\"}", 3);
	expect_rows(&st, &(struct ir_stats_view){0, 1, 1, 1, 0},
		    "c\tpublished:month\tcount\tsum_n\n"
		    "x\t2022-11\t1\t1\n"
		    "x\t2022-12\t0\t0\n"
		    "x\t2023-01\t0\t0\n"
		    "x\t2023-02\t0\t0\n"
		    "y\t2022-11\t0\t0\n"
		    "y\t2022-12\t0\t0\n"
		    "y\t2023-01\t0\t0\n"
		    "y\t2023-02\t1\t2\n"
		    "y\t(none)\t1\t0\n");
	ir_stats_free(&st);
	ir_stats_conf_free(&c);
	/* Days from year 1 to 9999 are too many. */
	{
		static const char *const days[] = {"-g", "d:day", NULL};

		conf_of(&c, days);
		ir_stats_init(&st, &c);
		add(&st, "{\"kind\":\"incident\",\"d\":\"0001-01-01\"}", 1);
		add(&st, "{\"kind\":\"incident\",\"d\":\"9999-12-31\"}", 2);
		ck_assert_int_eq(ir_stats_fill(&st, 0, &err), -1);
		ck_assert_str_eq(ir_buf_cstr(&err), "--fill: too many buckets from 0001-01-01 to 9999-12-31");
		ir_stats_free(&st);
		ir_stats_conf_free(&c);
	}
	ir_buf_free(&err);
}
END_TEST

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

	while (i < b->len) {
		const char *nl = memchr(b->p + i, '\n', b->len - i), *why = NULL;
		struct ir_jobj o = IR_JOBJ_INIT;
		size_t n = (size_t)(nl - (b->p + i)), at;

		ck_assert_int_eq(ir_json_object(&o, b->p + i, n, &why, &at), 0);
		ck_assert_msg(ir_stats_read_state(st, &o, &why, &msg) == IR_STATE_OK, "%s: %.*s",
			      why ? why : ir_buf_cstr(&msg), (int)n, b->p + i);
		ir_jobj_free(&o);
		i += n + 1;
	}
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
	size_t at;
	int r;

	ck_assert_int_eq(ir_json_object(&o, line, strlen(line), why, &at), 0);
	msg->len = 0;
	r = ir_stats_read_state(st, &o, why, msg);
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
			 "{\"ir_stats\":1,\"by\":[\"category\"],\"sum\":[\"affected\"],\"min\":[],"
			 "\"max\":[],\"mean\":[],\"median\":[],\"distinct\":[],\"all\":false,\"records\":1}\n"
			 "{\"key\":[\"loss\"],\"count\":1,\"num\":{\"affected\":{\"n\":1,\"int\":3,"
			 "\"frac\":[],\"float\":0,\"min\":3,\"max\":3}},\"distinct\":{}}\n");
	nl = strchr(text, '\n');
	*nl = '\0';
	ck_assert_int_eq(read_line(&st2, text, &msg, &why), IR_STATE_OTHER);
	ck_assert_str_eq(ir_buf_cstr(&msg), "-g category --sum affected");
	/* A group line without what --median keeps. */
	ck_assert_int_eq(read_line(&st2, nl + 1, &msg, &why), IR_STATE_BAD);
	ck_assert_str_eq(why, "a state line with a missing or bad member");
	ck_assert_int_eq(read_line(&st, "{\"ir_stats\":2}", &msg, &why), IR_STATE_BAD);
	ck_assert_str_eq(why, "a state of another version of ir-stats");
	ck_assert_int_eq(read_line(&st, "{\"key\":[\"a\",\"b\"],\"count\":1}", &msg, &why),
			 IR_STATE_BAD);
	ck_assert_str_eq(why, "a state line whose key has another number of fields");
	ck_assert_int_eq(read_line(&st, "{\"key\":[\"a\"],\"count\":-1,\"num\":{},\"distinct\":{}}",
				   &msg, &why), IR_STATE_BAD);
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

static Suite *
suite(void)
{
	Suite *s = suite_create("stats");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, grouping);
	tcase_add_test(tc, nested_fields_and_values);
	tcase_add_test(tc, date_buckets);
	tcase_add_test(tc, each_aggregate);
	tcase_add_test(tc, empty_aggregates_and_json);
	tcase_add_test(tc, bad_configurations);
	tcase_add_test(tc, wilson);
	tcase_add_test(tc, share_column);
	tcase_add_test(tc, sort_and_top);
	tcase_add_test(tc, fill);
	tcase_add_test(tc, partial_and_merge_give_one_run);
	tcase_add_test(tc, states_are_checked);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
