#include <fcntl.h>

#include "base/err.h"
#include "base/opt.h"
#include "stats/job.h"
#include "unit.h"

#define SYNOPSIS "usage: ir-stats [-g FIELD]... [-o FORMAT] [FILE...]\n"
#define TRY "Try 'ir-stats --help' for more information.\n"

static struct ir_stats_job j;

static void
setup(void)
{
	ir_setprogname("ir-stats");
	ir_stats_job_init(&j);
}

static void
teardown(void)
{
	ir_stats_job_free(&j);
}

/* Options from name, argument pairs, ending in NULL. */
static void
options(const char *const *o)
{
	for (; *o != NULL; o += 2)
		ir_stats_job_option(&j, o[0], o[1], SYNOPSIS);
}

/* Options one by one --------------------------------------------------------- */

START_TEST(defaults)
{
	ck_assert_int_eq(j.format, IR_FORMAT_TABLE);
	ck_assert_ptr_null(j.row_option);
	ck_assert_int_eq(j.partial | j.merge | j.sort_given | j.bom, 0);
	ck_assert_uint_eq(j.conf.nby, 0);
}
END_TEST

START_TEST(options_shape_the_job)
{
	static const char *const o[] = {"by", "category", "by", "published:fy", "sum", "affected",
					"median", "affected", "where", "org_type=local_gov",
					"since", "2023-04", NULL};

	options(o);
	ck_assert_uint_eq(j.conf.nby, 2);
	ck_assert_str_eq(j.conf.by[1].name, "published");
	ck_assert_uint_eq(j.conf.naggs, 2);
	ck_assert_uint_eq(j.conf.nwhere, 2);
	ck_assert_ptr_null(j.row_option);
	ir_stats_job_option(&j, "format", "csv", SYNOPSIS);
	ck_assert_int_eq(j.format, IR_FORMAT_CSV);
	ck_assert_str_eq(j.row_option, "-o");
	ir_stats_job_option(&j, "sort", "key", SYNOPSIS);
	ck_assert_int_eq(j.view.sort_key, 1);
	ck_assert_int_eq(j.sort_given, 1);
	ck_assert_str_eq(j.row_option, "--sort");
	ir_stats_job_option(&j, "sort", "count", SYNOPSIS);
	ck_assert_int_eq(j.view.sort_key, 0);
	ir_stats_job_option(&j, "top", "1000000000", SYNOPSIS);
	ck_assert_int_eq(j.view.top, 1000000000);
	ck_assert_str_eq(j.row_option, "--top");
}
END_TEST

START_TEST(flags)
{
	static const char *const names[] = {"all", "partial", "merge", "bom", "incidents"};
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		ir_stats_job_option(&j, names[i], NULL, SYNOPSIS);
	ck_assert_int_eq(j.conf.all, 1);
	ck_assert_int_eq(j.partial, 1);
	ck_assert_int_eq(j.merge, 1);
	ck_assert_int_eq(j.bom, 1);
	ck_assert_int_eq(j.conf.incidents, 1);
	ck_assert_ptr_null(j.row_option);
	ir_stats_job_option(&j, "share", NULL, SYNOPSIS);
	ck_assert_str_eq(j.row_option, "--share");
	ir_stats_job_option(&j, "fill", NULL, SYNOPSIS);
	ck_assert_int_eq(j.view.share & j.view.fill, 1);
	ck_assert_str_eq(j.row_option, "--fill");
}
END_TEST

static const struct {
	const char *name, *arg, *said;
} bad_options[] = {
	{"format", "xlsx", "-o: unknown format 'xlsx' (table, tsv, csv, json, markdown or bar)"},
	{"sort", "name", "--sort: expected count or key, not 'name'"},
	{"sort", "", "--sort: expected count or key, not ''"},
	{"colour", NULL, "unknown option --colour"},
	{"by", "published:decade", "-g: unknown date bucket in 'published:decade' (year, fy, quarter, "
				   "month, week or day)"},
	{"top", "0", "--top: expected a whole number from 1 to 1000000000, not '0'"},
};

START_TEST(a_bad_option_is_a_usage_error)
{
	static char want[512];

	snprintf(want, sizeof want, "ir-stats: %s\n" SYNOPSIS TRY, bad_options[_i].said);
	unit_expect_stderr(want);
	ir_stats_job_option(&j, bad_options[_i].name, bad_options[_i].arg, SYNOPSIS);
}
END_TEST

/* Options together ------------------------------------------------------------ */

START_TEST(fill_sorts_by_key_unless_told)
{
	static const char *const month[] = {"by", "published:month", "by", "category", "fill", NULL,
					    NULL};
	static const char *const week[] = {"by", "category", "by", "discovered:week", "fill", NULL,
					   "sort", "count", NULL};

	options(month);
	ir_stats_job_check(&j, SYNOPSIS);
	ck_assert_uint_eq(j.view.fill_field, 0);
	ck_assert_int_eq(j.view.sort_key, 1);
	ir_stats_job_free(&j);
	ir_stats_job_init(&j);
	options(week);
	ir_stats_job_check(&j, SYNOPSIS);
	ck_assert_uint_eq(j.view.fill_field, 1);
	ck_assert_int_eq(j.view.sort_key, 0);
}
END_TEST

START_TEST(options_that_go_together)
{
	static const char *const o[] = {"list", "org,published", "sort", "key", "format", "csv",
					"bom", NULL, NULL};

	options(o);
	ir_stats_job_check(&j, SYNOPSIS);
	ck_assert_uint_eq(j.conf.nlist, 2);
}
END_TEST

static const struct {
	const char *opts[3][2]; /* name, argument */
	const char *said;
} clashes[] = {
	{{{"list", "org"}, {"by", "category"}}, "--list prints records, not groups or states: -g goes without it"},
	{{{"list", "org"}, {"sum", "affected"}},
	 "--list prints records, not groups or states: an aggregate goes without it"},
	{{{"list", "org"}, {"share", NULL}}, "--list prints records, not groups or states: --share goes without it"},
	{{{"list", "org"}, {"fill", NULL}}, "--list prints records, not groups or states: --fill goes without it"},
	{{{"list", "org"}, {"partial", NULL}},
	 "--list prints records, not groups or states: --partial goes without it"},
	{{{"list", "org"}, {"merge", NULL}}, "--list prints records, not groups or states: --merge goes without it"},
	{{{"list", "org"}, {"sort", "count"}},
	 "--list prints records, not groups or states: --sort count goes without it"},
	{{{"bom", NULL}}, "--bom is for -o csv"},
	{{{"format", "tsv"}, {"bom", NULL}}, "--bom is for -o csv"},
	{{{"partial", NULL}, {"top", "10"}},
	 "--partial writes a state, not rows: give --top to the --merge that reads it"},
	{{{"format", "json"}, {"partial", NULL}},
	 "--partial writes a state, not rows: give -o to the --merge that reads it"},
	{{{"by", "category"}, {"fill", NULL}}, "--fill needs a date bucket to fill, such as -g published:month"},
};

START_TEST(options_that_clash)
{
	static char want[512];
	size_t k;

	snprintf(want, sizeof want, "ir-stats: %s\n" SYNOPSIS TRY, clashes[_i].said);
	for (k = 0; k < 3 && clashes[_i].opts[k][0] != NULL; k++)
		ir_stats_job_option(&j, clashes[_i].opts[k][0], clashes[_i].opts[k][1], SYNOPSIS);
	unit_expect_stderr(want);
	ir_stats_job_check(&j, SYNOPSIS);
}
END_TEST

/* Runs ---------------------------------------------------------------------------- */

static char dir[64];

/* dir/name; a few at a time can be in use. */
static const char *
path_of(const char *name)
{
	static char paths[4][128];
	static unsigned next;

	next = (next + 1) % 4;
	snprintf(paths[next], sizeof paths[next], "%s/%s", dir, name);
	return paths[next];
}

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
}

/* The whole file, NUL-terminated, to free. */
static char *
read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *p;
	long n;

	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	ck_assert_int_ge(n, 0);
	rewind(f);
	p = malloc((size_t)n + 1);
	ck_assert_ptr_nonnull(p);
	ck_assert_uint_eq(fread(p, 1, (size_t)n, f), (size_t)n);
	p[n] = '\0';
	fclose(f);
	return p;
}

static void
run_setup(void)
{
	setup();
	snprintf(dir, sizeof dir, "/tmp/ir-check-job.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void
run_teardown(void)
{
	static const char *const names[] = {"a.ndjson", "b.ndjson", "out", "part.state"};
	size_t i;

	teardown();
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		unlink(path_of(names[i]));
	rmdir(dir);
}

struct result {
	int status;
	char *out;
	const char *err;
};

/* Runs the job on the named inputs of dir; standard output goes to dir/out. */
static struct result
run(const char *const *inputs, int n)
{
	struct ir_common_opts co = IR_COMMON_OPTS_INIT;
	char *names[4];
	struct result r;
	int fd, saved, i;

	for (i = 0; i < n; i++)
		names[i] = (char *)path_of(inputs[i]);
	co.threads = 1;
	ir_stats_job_check(&j, SYNOPSIS);
	fflush(stdout);
	saved = dup(STDOUT_FILENO);
	fd = open(path_of("out"), O_WRONLY | O_CREAT | O_TRUNC, 0600);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(dup2(fd, STDOUT_FILENO), STDOUT_FILENO);
	close(fd);
	unit_stderr_begin();
	r.status = ir_stats_job_run(&j, &co, names, n);
	r.err = unit_stderr_end();
	dup2(saved, STDOUT_FILENO);
	close(saved);
	r.out = read_file(path_of("out"));
	return r;
}

#define REC(org, type, pub, aff) \
	"{\"kind\":\"incident\",\"org\":\"" org "\",\"org_type\":\"" type "\",\"published\":\"" pub \
	"\",\"affected\":" aff "}\n"

static const char notices_a[] =
	REC("みどり市", "local_gov", "2024-04-12", "48")
	REC("株式会社カワセミ電機", "company", "2024-04-30", "12000")
	"{\"kind\":\"noise\",\"org\":null,\"published\":\"2024-05-01\"}\n"
	REC("つばさ町", "local_gov", "2024-06-03", "\"約300件\"");
static const char notices_b[] =
	REC("ひばり大学", "education", "2024-05-20", "1500")
	REC("セキレイ書房", "company", "2024-06-11", "null");

static const char *const by_type[] = {"by", "org_type", "sum", "affected", "format", "tsv",
				      "sort", "key", NULL};
static const char *const both[] = {"a.ndjson", "b.ndjson"};

static const char rows_by_type[] =
	"org_type\tcount\tsum_affected\tn_affected\n"
	"company\t2\t12000\t1\n"
	"education\t1\t1500\t1\n"
	"local_gov\t2\t48\t1\n";

static void
write_inputs(void)
{
	write_file(path_of("a.ndjson"), notices_a);
	write_file(path_of("b.ndjson"), notices_b);
}

/* What is said of the one figure of the inputs that is not a number. */
static const char *
not_a_number(void)
{
	static char want[256];

	snprintf(want, sizeof want, "ir-stats: %s: affected: not a number\n", path_of("a.ndjson:4"));
	return want;
}

/* The figures that are known, and a word on the one that is not. */
START_TEST(rows_of_the_records)
{
	struct result r;

	write_inputs();
	options(by_type);
	r = run(both, 2);
	ck_assert_int_eq(r.status, IR_EXIT_DATA);
	ck_assert_str_eq(r.err, not_a_number());
	ck_assert_str_eq(r.out, rows_by_type);
	free(r.out);
}
END_TEST

START_TEST(partial_then_merge)
{
	static const char *const partial[] = {"by", "org_type", "sum", "affected", "partial", NULL, NULL};
	static const char *const merge[] = {"merge", NULL, NULL};
	static const char *const state[] = {"part.state"};
	struct result r;
	write_inputs();
	options(partial);
	r = run(both, 2);
	ck_assert_int_eq(r.status, IR_EXIT_DATA);
	ck_assert_str_eq(r.out,
			 "{\"ir_stats\":2,\"by\":[\"org_type\"],\"sum\":[\"affected\"],\"min\":[],\"max\":[],"
			 "\"mean\":[],\"median\":[],\"distinct\":[],\"where\":[],\"all\":false,"
			 "\"incidents\":false,\"read\":5,\"unseen\":{},\"records\":5}\n"
			 "{\"key\":[\"company\"],\"count\":2,\"num\":{\"affected\":{\"n\":1,\"int\":12000,"
			 "\"frac\":[],\"float\":0,\"min\":12000,\"max\":12000}},\"distinct\":{}}\n"
			 "{\"key\":[\"education\"],\"count\":1,\"num\":{\"affected\":{\"n\":1,\"int\":1500,"
			 "\"frac\":[],\"float\":0,\"min\":1500,\"max\":1500}},\"distinct\":{}}\n"
			 "{\"key\":[\"local_gov\"],\"count\":2,\"num\":{\"affected\":{\"n\":1,\"int\":48,"
			 "\"frac\":[],\"float\":0,\"min\":48,\"max\":48}},\"distinct\":{}}\n");
	ck_assert_str_eq(r.err, not_a_number());
	write_file(path_of("part.state"), r.out);
	free(r.out);
	ir_stats_job_free(&j);
	ir_stats_job_init(&j);
	options(by_type);
	options(merge);
	r = run(state, 1);
	ck_assert_int_eq(r.status, IR_EXIT_OK);
	ck_assert_str_eq(r.err, "");
	ck_assert_str_eq(r.out, rows_by_type);
	free(r.out);
}
END_TEST

static const char state_text[] =
	"{\"ir_stats\":2,\"by\":[\"org_type\"],\"sum\":[],\"min\":[],\"max\":[],\"mean\":[],"
	"\"median\":[],\"distinct\":[],\"where\":[],\"all\":false,\"incidents\":false,\"read\":3,"
	"\"unseen\":{},\"records\":3}\n"
	"{\"key\":[\"company\"],\"count\":2,\"num\":{},\"distinct\":{}}\n"
	"{\"key\":[\"local_gov\"],\"count\":1,\"num\":{},\"distinct\":{}}\n";

static const char *const state_in[] = {"part.state"};
static const char *const merge_by_type[] = {"merge", NULL, "by", "org_type", "format", "tsv", NULL};

static const char *const merge_by_cat[] = {"merge", NULL, "by", "category", NULL};

static const struct {
	const char *const *opts;
	const char *from, *to;  /* state_text with from replaced by to */
	int status;
	const char *said;       /* after "ir-stats: DIR/part.state:" */
	const char *out;
} states[] = {
	{merge_by_type, "", "", IR_EXIT_OK, NULL, "org_type\tcount\ncompany\t2\nlocal_gov\t1\n"},
	{merge_by_cat, "", "", IR_EXIT_FAIL,
	 "1: a state made with other options (-g org_type); --merge needs the same -g, aggregate, "
	 "--where, --all and --incidents options\n", ""},
	{merge_by_type, "\"count\":1", "\"count\":4", IR_EXIT_FAIL,
	 "3: a state line whose count exceeds its state's records\n", ""},
	{merge_by_type, "3,\"unseen\":{},\"records\":3", "4,\"unseen\":{},\"records\":4", IR_EXIT_FAIL,
	 "1: a state whose groups hold fewer records than its header counts\n", ""},
	{merge_by_type, "\"local_gov\"", "\"company\"", IR_EXIT_FAIL,
	 "3: a state line of a group its state has already\n", ""},
};

START_TEST(merged_states)
{
	struct ir_buf text = IR_BUF_INIT;
	const char *at = strstr(state_text, states[_i].from);
	char want[512];
	struct result r;

	ck_assert_ptr_nonnull(at);
	ir_buf_add(&text, state_text, (size_t)(at - state_text));
	ir_buf_adds(&text, states[_i].to);
	ir_buf_adds(&text, at + strlen(states[_i].from));
	write_file(path_of("part.state"), ir_buf_cstr(&text));
	ir_buf_free(&text);
	options(states[_i].opts);
	r = run(state_in, 1);
	ck_assert_int_eq(r.status, states[_i].status);
	if (states[_i].said == NULL)
		ck_assert_str_eq(r.err, "");
	else {
		snprintf(want, sizeof want, "ir-stats: %s%s", path_of("part.state:"), states[_i].said);
		ck_assert_str_eq(r.err, want);
	}
	ck_assert_str_eq(r.out, states[_i].out);
	free(r.out);
}
END_TEST

/* After an input that cannot be read the figures would be wrong: none are written. */
START_TEST(an_unreadable_input)
{
	static const char *const in[] = {"a.ndjson", "missing.ndjson"};
	struct result r;
	char want[512];

	write_inputs();
	options(by_type);
	r = run(in, 2);
	ck_assert_int_eq(r.status, IR_EXIT_FAIL);
	snprintf(want, sizeof want, "ir-stats: %s: cannot open: No such file or directory\n%s",
		 path_of("missing.ndjson"), not_a_number());
	ck_assert_str_eq(r.err, want);
	ck_assert_str_eq(r.out, "");
	free(r.out);
}
END_TEST

/* --list prints the records' fields; csv with --bom after Excel's byte order mark. */
START_TEST(a_listing)
{
	static const char *const list[] = {"list", "org,published", "sort", "key", "format", "csv",
					   "bom", NULL, NULL};
	struct result r;

	write_inputs();
	options(list);
	r = run(both, 2);
	ck_assert_int_eq(r.status, IR_EXIT_OK);
	ck_assert_str_eq(r.err, "");
	ck_assert_str_eq(r.out, "\xEF\xBB\xBF" "org,published\r\n"
			 "つばさ町,2024-06-03\r\n"
			 "ひばり大学,2024-05-20\r\n"
			 "みどり市,2024-04-12\r\n"
			 "セキレイ書房,2024-06-11\r\n"
			 "株式会社カワセミ電機,2024-04-30\r\n");
	free(r.out);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("job");
	TCase *opts = tcase_create("options");
	TCase *runs = tcase_create("runs");
	/* An exit test ends the process without a fork (valgrind runs CK_FORK=no). */
	const char *fork = getenv("CK_FORK");
	int forks = fork == NULL || strcmp(fork, "no") != 0;

	tcase_add_checked_fixture(opts, setup, teardown);
	tcase_add_test(opts, defaults);
	tcase_add_test(opts, options_shape_the_job);
	tcase_add_test(opts, flags);
	tcase_add_test(opts, fill_sorts_by_key_unless_told);
	tcase_add_test(opts, options_that_go_together);
	if (forks) {
		tcase_add_loop_exit_test(opts, a_bad_option_is_a_usage_error, IR_EXIT_FAIL, 0,
					 sizeof bad_options / sizeof bad_options[0]);
		tcase_add_loop_exit_test(opts, options_that_clash, IR_EXIT_FAIL, 0,
					 sizeof clashes / sizeof clashes[0]);
	}
	suite_add_tcase(s, opts);
	tcase_add_checked_fixture(runs, run_setup, run_teardown);
	tcase_add_test(runs, rows_of_the_records);
	tcase_add_test(runs, partial_then_merge);
	tcase_add_loop_test(runs, merged_states, 0, sizeof states / sizeof states[0]);
	tcase_add_test(runs, an_unreadable_input);
	tcase_add_test(runs, a_listing);
	suite_add_tcase(s, runs);
	return s;
}

UNIT_MAIN(suite)
