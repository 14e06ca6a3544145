#include <pthread.h>
#include <sys/stat.h>

#include "base/err.h"
#include "run/records.h"
#include "unit.h"

/* Records as ir-split writes them, and some as people edit them. */
#define R1 "{\"kind\":\"incident\",\"id\":\"2026-001\",\"source\":\"x.txt\",\"line\":3,\"offset\":40," \
	   "\"title\":\"見本商事株式会社 不正アクセスのお知らせ\"," \
	   "\"text\":\"【セキュリティ事件簿#2026-001】見本商事株式会社 不正アクセスのお知らせ\\n" \
	   "当社サーバーが第三者による不正アクセスを受けました。\"}"
#define R2 "{ \"kind\" : \"incident\", \"id\":\"2026-002\", \"source\":\"x.txt\", \"line\":9, " \
	   "\"offset\":512, \"title\":\"架空大学 メール誤送信\", " \
	   "\"text\":\"【セキュリティ事件簿#2026-002】架空大学 \\u30e1\\u30fc\\u30eb誤送信\" }"
#define R3 "{\"kind\":\"incident\",\"id\":\"2026-003\",\"source\":\"y.txt\",\"line\":1,\"offset\":0," \
	   "\"title\":\"架空市\",\"text\":\"【セキュリティ事件簿#2026-003】架空市\",\"tags\":[\"ransom\"]," \
	   "\"extract\":{\"org\":{\"name\":\"架空市\"},\"affected\":null}}"
#define NOTICE "{\"kind\":\"noise\",\"id\":null,\"source\":\"x.txt\",\"line\":20,\"offset\":900," \
	       "\"title\":\"ブログ更新のお知らせ\",\"text\":\"ブログを更新しました\"}"
#define RAW_DUMP "【セキュリティ事件簿#2026-031】架空市役所 個人情報を含む書類の紛失について\n" \
		 "架空市役所は、市民の個人情報を含む書類を紛失したと発表した。\n" \
		 "\n" \
		 "2026年1月5日\n"

static char dir[64];

/* dir/name, in one of a few rotating buffers. */
static const char *
path_of(const char *name)
{
	static char paths[6][128];
	static int next;
	char *p = paths[next++ % 6];

	snprintf(p, sizeof paths[0], "%s/%s", dir, name);
	return p;
}

static void
make_dir(void)
{
	snprintf(dir, sizeof dir, "/tmp/ir-check-records.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void
remove_dir(void)
{
	static const char *const names[] = {"in.ndjson", "in2.ndjson", "raw.txt", "link.ndjson",
					    "out.ndjson", "rejects.ndjson"};
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		unlink(path_of(names[i]));
	ck_assert_int_eq(rmdir(dir), 0);
}

static const char *
file_with(const char *name, const char *text)
{
	const char *p = path_of(name);
	FILE *f = fopen(p, "wb");

	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(text, 1, strlen(text), f), strlen(text));
	ck_assert_int_eq(fclose(f), 0);
	return p;
}

/* The whole file, NUL-terminated; the caller frees it. */
static char *
slurp(const char *p)
{
	FILE *f = fopen(p, "rb");
	struct ir_buf b = IR_BUF_INIT;
	char chunk[4096];
	size_t n;

	ck_assert_ptr_nonnull(f);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		ir_buf_add(&b, chunk, n);
	fclose(f);
	return ir_buf_cstr(&b);
}

/* What a run wrote. */
struct got {
	int status;
	char *out, *rejects, *err;
};

static void
got_free(struct got *g)
{
	free(g->out);
	free(g->rejects);
	free(g->err);
}

/* Runs the loop over names, output to dir/out.ndjson, stderr caught. */
static void
run(struct ir_records_opts *o, const struct ir_common_opts *co, char *const *names, int n,
    struct got *g)
{
	struct ir_out out;

	ck_assert_int_eq(ir_out_file(&out, path_of("out.ndjson")), 0);
	out.line_buffered = co->line_buffered; /* as ir_out_stdout does */
	o->common = co;
	o->out = &out;
	ir_setprogname("ir-test");
	unit_stderr_begin();
	g->status = ir_records_run(o, names, n);
	g->err = ir_xstrdup(unit_stderr_end());
	ck_assert_int_eq(ir_out_close(&out), IR_EXIT_OK);
	g->out = slurp(path_of("out.ndjson"));
	g->rejects = co->rejects != NULL ? slurp(co->rejects) : NULL;
}

static int
pass(struct ir_record *rec, struct ir_batch *b, void *worker)
{
	(void)worker;
	ir_record_pass(b, rec);
	return IR_EXIT_OK;
}

/* A tool that takes incidents only and turns the rest away itself. */
static int
incidents_only(struct ir_record *rec, struct ir_batch *b, void *worker)
{
	(void)worker;
	if (!ir_is_incident(&rec->obj))
		return ir_record_reject(b, rec, "not an incident record");
	ir_record_pass(b, rec);
	return IR_EXIT_OK;
}

/* Many records, in many batches, through 1 and 4 threads and line by line. */
START_TEST(records_pass_byte_for_byte)
{
	static const char *const shapes[] = {R1, R2, R3, NOTICE};
	struct ir_buf in = IR_BUF_INIT;
	struct ir_common_opts co = IR_COMMON_OPTS_INIT;
	struct ir_records_opts o = {0};
	char *names[1];
	struct got g;
	int i, threads[] = {1, 4, 4};

	make_dir();
	for (i = 0; i < 120; i++) {
		ir_buf_adds(&in, shapes[i % 4]);
		ir_buf_addc(&in, '\n');
	}
	names[0] = (char *)file_with("in.ndjson", ir_buf_cstr(&in));
	setenv("IR_BATCH_BYTES", "700", 1);
	o.fn = pass;
	for (i = 0; i < 3; i++) {
		co.threads = threads[i];
		co.line_buffered = i == 2;
		run(&o, &co, names, 1, &g);
		ck_assert_int_eq(g.status, IR_EXIT_OK);
		ck_assert_str_eq(g.err, "");
		ck_assert_str_eq(g.out, in.p);
		got_free(&g);
	}
	ir_buf_free(&in);
	remove_dir();
}
END_TEST

START_TEST(blank_lines_skipped)
{
	struct ir_common_opts co = IR_COMMON_OPTS_INIT;
	struct ir_records_opts o = {0};
	char *names[1];
	struct got g;

	make_dir();
	/* CRLF ends a line like LF; the last line may lack its end. */
	names[0] = (char *)file_with("in.ndjson", "\n \t\n" R1 "\n\n   \n\t\n" R2 "\r\n\r\n" R3);
	o.fn = pass;
	run(&o, &co, names, 1, &g);
	ck_assert_int_eq(g.status, IR_EXIT_OK);
	ck_assert_str_eq(g.err, "");
	ck_assert_str_eq(g.out, R1 "\n" R2 "\n" R3 "\n");
	got_free(&g);
	remove_dir();
}
END_TEST

/* Bad lines among good ones, over many small batches: each said in its
 * place, kept in the rejects file, status 1; the good ones go on. */
START_TEST(bad_lines_rejected_in_order)
{
	struct ir_common_opts co = IR_COMMON_OPTS_INIT;
	struct ir_records_opts o = {0};
	struct ir_buf in = IR_BUF_INIT, out = IR_BUF_INIT, rej = IR_BUF_INIT, err = IR_BUF_INIT;
	static const char *const bad[] = {
		"{\"kind\":\"incident\",\"id\":\"2026-004\",\"title\":\"架空",
		"[\"incident\",\"2026-005\"]",
		"{\"kind\":\"incident\",\"id\":\"2026-006\"}}",
	};
	char *names[1];
	struct got g;
	int i;

	make_dir();
	for (i = 0; i < 60; i++) {
		const char *line = i % 5 == 1 ? bad[i % 3] : i % 5 == 3 ? NOTICE : R1;

		ir_buf_adds(&in, line);
		ir_buf_addc(&in, '\n');
		if (i % 5 == 1 || i % 5 == 3) {
			ir_buf_addf(&err, "ir-test: %s/in.ndjson:%d: %s\n", dir, i + 1,
				    i % 5 == 1 ? "not a JSON object" : "not an incident record");
			ir_buf_adds(&rej, line);
			ir_buf_addc(&rej, '\n');
		} else {
			ir_buf_adds(&out, line);
			ir_buf_addc(&out, '\n');
		}
	}
	names[0] = (char *)file_with("in.ndjson", ir_buf_cstr(&in));
	setenv("IR_BATCH_BYTES", "500", 1);
	co.threads = 4;
	co.rejects = path_of("rejects.ndjson");
	o.fn = incidents_only;
	run(&o, &co, names, 1, &g);
	ck_assert_int_eq(g.status, IR_EXIT_DATA);
	ck_assert_str_eq(g.err, ir_buf_cstr(&err));
	ck_assert_str_eq(g.out, ir_buf_cstr(&out));
	ck_assert_str_eq(g.rejects, ir_buf_cstr(&rej));
	got_free(&g);
	ir_buf_free(&in);
	ir_buf_free(&out);
	ir_buf_free(&rej);
	ir_buf_free(&err);
	remove_dir();
}
END_TEST

/* A first line cut short is a broken record, not a raw dump. */
START_TEST(broken_first_line_is_not_a_dump)
{
	struct ir_common_opts co = IR_COMMON_OPTS_INIT;
	struct ir_records_opts o = {0};
	char *names[1];
	struct got g;
	char want[256];

	make_dir();
	names[0] = (char *)file_with("in.ndjson", "{\"kind\":\"incident\",\"id\":\"2026-0\n" R2 "\n");
	o.fn = pass;
	run(&o, &co, names, 1, &g);
	ck_assert_int_eq(g.status, IR_EXIT_DATA);
	snprintf(want, sizeof want, "ir-test: %s: not a JSON object\n", path_of("in.ndjson:1"));
	ck_assert_str_eq(g.err, want);
	ck_assert_str_eq(g.out, R2 "\n");
	got_free(&g);
	remove_dir();
}
END_TEST

static int
kind_is_incident(const char *line)
{
	struct ir_record rec = {"t.ndjson", 1, line, strlen(line), IR_JOBJ_INIT};
	const char *why;
	size_t at;
	int r;

	ck_assert_int_eq(ir_json_object(&rec.obj, line, rec.len, &why, &at), 0);
	r = ir_is_incident(&rec.obj);
	ir_jobj_free(&rec.obj);
	return r;
}

START_TEST(is_incident)
{
	ck_assert_int_eq(kind_is_incident(R1), 1);
	ck_assert_int_eq(kind_is_incident(R2), 1);
	ck_assert_int_eq(kind_is_incident("{\"id\":\"2026-001\",\"kind\":\"incid\\u0065nt\"}"), 1);
	ck_assert_int_eq(kind_is_incident(NOTICE), 0);
	ck_assert_int_eq(kind_is_incident("{\"kind\":1,\"id\":\"2026-001\"}"), 0);
	ck_assert_int_eq(kind_is_incident("{\"kind\":[\"incident\"]}"), 0);
	ck_assert_int_eq(kind_is_incident("{\"kind\":null}"), 0);
	ck_assert_int_eq(kind_is_incident("{\"id\":\"2026-001\",\"title\":\"incident\"}"), 0);
	ck_assert_int_eq(kind_is_incident("{\"kind\":\"incidents\"}"), 0);
	ck_assert_int_eq(kind_is_incident("{\"kind\":\"Incident\"}"), 0);
	ck_assert_int_eq(kind_is_incident("{}"), 0);
}
END_TEST

/* The tool's own state: what init, the records and fini did to it. */
struct state {
	int inits, finis, records, batches;
	void *arg;
	const char *source; /* of the batch last seen */
	long line;
};

struct tally {
	pthread_t main;
	int inits, finis, records, batches, busy;
};

static void
state_init(void *worker, void *arg)
{
	struct state *st = worker;
	struct tally *t = arg;

	ck_assert(pthread_equal(pthread_self(), t->main));
	ck_assert_int_eq(st->inits + st->finis + st->records + st->batches, 0); /* zeroed */
	ck_assert_ptr_null(st->arg);
	st->inits++;
	st->arg = arg;
	t->inits++;
}

static void
state_fini(void *worker, void *arg)
{
	struct state *st = worker;
	struct tally *t = arg;

	ck_assert(pthread_equal(pthread_self(), t->main));
	ck_assert_int_eq(st->inits, 1);
	ck_assert_int_eq(st->finis, 0);
	ck_assert_ptr_eq(st->arg, arg);
	st->finis++;
	t->finis++;
	t->records += st->records;
	t->batches += st->batches;
	t->busy += st->records > 0;
}

static int
count(struct ir_record *rec, struct ir_batch *b, void *worker)
{
	struct state *st = worker;

	ck_assert_int_eq(st->inits, 1);
	st->records++;
	if (b->source != st->source || b->line != st->line)
		st->batches++;
	st->source = b->source;
	st->line = b->line;
	usleep(200);
	ir_record_pass(b, rec);
	return IR_EXIT_OK;
}

static void
init_and_fini(int threads, int line_buffered, int workers)
{
	struct ir_common_opts co = IR_COMMON_OPTS_INIT;
	struct ir_records_opts o = {0};
	struct tally t = {pthread_self(), 0, 0, 0, 0, 0};
	struct ir_buf in = IR_BUF_INIT;
	char *names[2];
	struct got g;
	int i;

	make_dir();
	for (i = 0; i < 40; i++)
		ir_buf_adds(&in, i % 2 ? R1 "\n" : R3 "\n");
	names[0] = (char *)file_with("in.ndjson", ir_buf_cstr(&in));
	names[1] = (char *)file_with("in2.ndjson", R2 "\n" R2 "\n");
	setenv("IR_BATCH_BYTES", "300", 1);
	co.threads = threads;
	co.line_buffered = line_buffered;
	o.fn = count;
	o.worker_size = sizeof(struct state);
	o.init = state_init;
	o.fini = state_fini;
	o.arg = &t;
	run(&o, &co, names, 2, &g);
	ck_assert_int_eq(g.status, IR_EXIT_OK);
	ck_assert_int_eq(t.inits, workers);
	ck_assert_int_eq(t.finis, workers);
	ck_assert_int_eq(t.records, 42);
	/* Batches of about a record (IR_BATCH_BYTES), shared out. */
	ck_assert_int_ge(t.batches, 20);
	ck_assert_int_ge(t.busy, workers > 1 ? 2 : 1);
	got_free(&g);
	ir_buf_free(&in);
	remove_dir();
}

START_TEST(init_and_fini_once_per_worker)
{
	init_and_fini(3, 0, 3);
}
END_TEST

START_TEST(one_worker_when_line_buffered)
{
	init_and_fini(4, 1, 1);
}
END_TEST

/* Line-buffered output: each record is out before the next is read. */
static int
written_so_far(struct ir_record *rec, struct ir_batch *b, void *worker)
{
	size_t *bytes = worker;
	struct stat st;

	ck_assert_int_eq(stat(path_of("out.ndjson"), &st), 0);
	ck_assert_int_eq(st.st_size, (off_t)*bytes);
	*bytes += rec->len + 1;
	ir_record_pass(b, rec);
	return IR_EXIT_OK;
}

START_TEST(line_buffered_writes_each_record)
{
	struct ir_common_opts co = IR_COMMON_OPTS_INIT;
	struct ir_records_opts o = {0};
	char *names[1];
	struct got g;

	make_dir();
	names[0] = (char *)file_with("in.ndjson", R1 "\n" R2 "\n\n" R3 "\n" R1 "\n");
	co.line_buffered = 1;
	o.fn = written_so_far;
	o.worker_size = sizeof(size_t);
	run(&o, &co, names, 1, &g);
	ck_assert_int_eq(g.status, IR_EXIT_OK);
	ck_assert_str_eq(g.out, R1 "\n" R2 "\n" R3 "\n" R1 "\n");
	got_free(&g);
	remove_dir();
}
END_TEST

START_TEST(raw_dump_then_records)
{
	struct ir_common_opts co = IR_COMMON_OPTS_INIT;
	struct ir_records_opts o = {0};
	char *names[2];
	struct got g;
	char want[256];

	make_dir();
	names[0] = (char *)file_with("raw.txt", "\n" RAW_DUMP);
	names[1] = (char *)file_with("in.ndjson", R1 "\n" R2 "\n");
	co.threads = 2;
	co.rejects = path_of("rejects.ndjson");
	o.fn = pass;
	run(&o, &co, names, 2, &g);
	ck_assert_int_eq(g.status, IR_EXIT_DATA);
	/* One hint, at the first line that is not blank; no message per line. */
	snprintf(want, sizeof want, "ir-test: %s: input looks like a raw dump; run ir-split first\n",
		 path_of("raw.txt:2"));
	ck_assert_str_eq(g.err, want);
	ck_assert_str_eq(g.rejects,
			 "【セキュリティ事件簿#2026-031】架空市役所 個人情報を含む書類の紛失について\n"
			 "架空市役所は、市民の個人情報を含む書類を紛失したと発表した。\n"
			 "2026年1月5日\n");
	ck_assert_str_eq(g.out, R1 "\n" R2 "\n");
	got_free(&g);
	remove_dir();
}
END_TEST

/* A record of n bytes: R1 with its text padded. */
static void
record_of(struct ir_buf *b, size_t n)
{
	size_t len = strlen(R1);

	ck_assert_uint_ge(n, len);
	ir_buf_add(b, R1, len - 2);
	while (b->len + strlen("。") <= n - 2)
		ir_buf_adds(b, "。");
	while (b->len < n - 2)
		ir_buf_addc(b, ' ');
	ir_buf_adds(b, "\"}");
	ck_assert_uint_eq(b->len, n);
}

START_TEST(long_line_skipped)
{
	struct ir_common_opts co = IR_COMMON_OPTS_INIT;
	struct ir_records_opts o = {0};
	struct ir_buf in = IR_BUF_INIT, fits = IR_BUF_INIT, big = IR_BUF_INIT;
	char *names[1];
	struct got g;
	char want[512];

	make_dir();
	record_of(&fits, 1024);
	record_of(&big, 2000);
	ir_buf_adds(&in, R1 "\n");
	ir_buf_add(&in, big.p, big.len);
	ir_buf_adds(&in, "\n" R2 "\n");
	ir_buf_add(&in, fits.p, fits.len);
	ir_buf_adds(&in, "\r\n");
	names[0] = (char *)file_with("in.ndjson", ir_buf_cstr(&in));
	co.max_record_bytes = 1024;
	co.threads = 2;
	co.rejects = path_of("rejects.ndjson");
	o.fn = pass;
	run(&o, &co, names, 1, &g);
	ck_assert_int_eq(g.status, IR_EXIT_DATA);
	snprintf(want, sizeof want,
		 "ir-test: %s: a line of 2001 bytes, longer than --max-record-bytes (1024); skipped\n",
		 path_of("in.ndjson:2"));
	ck_assert_str_eq(g.err, want);
	/* Not kept, so not copied either. */
	ck_assert_str_eq(g.rejects, "");
	ck_assert(strncmp(g.out, R1 "\n" R2 "\n", strlen(R1 "\n" R2 "\n")) == 0);
	ck_assert_uint_eq(strlen(g.out), strlen(R1 "\n" R2 "\n") + 1025);
	ck_assert(memcmp(g.out + strlen(R1 "\n" R2 "\n"), fits.p, fits.len) == 0);
	got_free(&g);
	ir_buf_free(&in);
	ir_buf_free(&fits);
	ir_buf_free(&big);
	remove_dir();
}
END_TEST

/* The rejects file would be emptied before it is read: refused first. */
static void
rejects_is_input(const char *rejects_name, int from_stdin)
{
	struct ir_common_opts co = IR_COMMON_OPTS_INIT;
	struct ir_records_opts o = {0};
	const char *in = file_with("in.ndjson", R1 "\nnot json\n");
	char *names[1] = {(char *)in};
	char want[512];
	char *after;
	struct got g;

	if (strcmp(rejects_name, "in.ndjson") != 0)
		ck_assert_int_eq(link(in, path_of(rejects_name)), 0);
	co.rejects = path_of(rejects_name);
	if (from_stdin) {
		ck_assert_ptr_nonnull(freopen(in, "rb", stdin));
		names[0] = "-";
	}
	o.fn = pass;
	run(&o, &co, names, 1, &g);
	ck_assert_int_eq(g.status, IR_EXIT_FAIL);
	snprintf(want, sizeof want, "ir-test: --rejects %s is also an input (%s); refused\n",
		 co.rejects, names[0]);
	ck_assert_str_eq(g.err, want);
	ck_assert_str_eq(g.out, "");
	after = slurp(in);
	ck_assert_str_eq(after, R1 "\nnot json\n");
	free(after);
	got_free(&g);
}

/* One byte past the bound, with a line end or without one. */
START_TEST(one_byte_too_long_skipped)
{
	struct ir_common_opts co = IR_COMMON_OPTS_INIT;
	struct ir_records_opts o = {0};
	struct ir_buf in = IR_BUF_INIT, over = IR_BUF_INIT;
	char *names[1];
	struct got g;

	make_dir();
	record_of(&over, 1025);
	ir_buf_add(&in, over.p, over.len);
	ir_buf_adds(&in, "\n");
	ir_buf_add(&in, over.p, over.len);
	ir_buf_adds(&in, " ");
	ir_buf_free(&over);
	names[0] = (char *)file_with("in.ndjson", ir_buf_cstr(&in));
	co.max_record_bytes = 1024;
	o.fn = pass;
	run(&o, &co, names, 1, &g);
	ck_assert_int_eq(g.status, IR_EXIT_DATA);
	ck_assert_str_eq(g.out, "");
	got_free(&g);
	ir_buf_free(&in);
	remove_dir();
}
END_TEST

START_TEST(rejects_that_is_an_input_refused)
{
	make_dir();
	rejects_is_input("in.ndjson", 0);
	/* Another name for the same file. */
	rejects_is_input("link.ndjson", 0);
	remove_dir();
}
END_TEST

START_TEST(rejects_that_is_stdin_refused)
{
	make_dir();
	rejects_is_input("link.ndjson", 1);
	remove_dir();
}
END_TEST

static struct ir_record *
record(const char *line)
{
	static struct ir_record rec;
	const char *why;
	size_t at;

	ir_jobj_free(&rec.obj);
	rec = (struct ir_record){"t.ndjson", 1, line, strlen(line), IR_JOBJ_INIT};
	ck_assert_int_eq(ir_json_object(&rec.obj, line, rec.len, &why, &at), 0);
	return &rec;
}

START_TEST(record_string)
{
	struct ir_buf b = IR_BUF_INIT;

	ck_assert_int_eq(ir_record_string(record(R2), "text", &b), 1);
	ck_assert_buf_eq(b.p, b.len, "【セキュリティ事件簿#2026-002】架空大学 メール誤送信");
	b.len = 0;
	ck_assert_int_eq(ir_record_string(record(R1), "text", &b), 1);
	ck_assert_buf_eq(b.p, b.len, "【セキュリティ事件簿#2026-001】見本商事株式会社 不正アクセスのお知らせ\n"
				     "当社サーバーが第三者による不正アクセスを受けました。");
	b.len = 0;
	ck_assert_int_eq(ir_record_string(record(R1), "id", &b), 1);
	ck_assert_buf_eq(b.p, b.len, "2026-001");
	b.len = 0;
	ck_assert_int_eq(ir_record_string(record("{\"t\\u0069tle\":\"\\\"架空\\\"\\t市\"}"), "title", &b), 1);
	ck_assert_buf_eq(b.p, b.len, "\"架空\"\t市");
	b.len = 0;
	ck_assert_int_eq(ir_record_string(record(NOTICE), "id", &b), 0);
	ck_assert_int_eq(ir_record_string(record(R1), "org", &b), 0);
	ck_assert_int_eq(ir_record_string(record(R1), "line", &b), -1);
	ck_assert_int_eq(ir_record_string(record(R3), "tags", &b), -1);
	ck_assert_int_eq(ir_record_string(record(R3), "extract", &b), -1);
	ck_assert_uint_eq(b.len, 0);
	ir_buf_free(&b);
	ir_jobj_free(&record("{}")->obj);
}
END_TEST

static const char *const added[] = {"org", "affected"};
#define ADDED "\"org\":{\"name\":\"見本商事株式会社\"},\"affected\":1200"

/* rec with ADDED written in; the result, NUL-terminated, in b. */
static const char *
write_added(struct ir_buf *b, const char *line)
{
	b->len = 0;
	ir_record_write(b, record(line), added, 2, ADDED, strlen(ADDED));
	return ir_buf_cstr(b);
}

START_TEST(record_write_adds)
{
	struct ir_buf b = IR_BUF_INIT;

	ck_assert_str_eq(write_added(&b, "{\"kind\":\"incident\",\"id\":\"2026-001\"}"),
			 "{\"kind\":\"incident\",\"id\":\"2026-001\"," ADDED "}\n");
	/* The original bytes go through as they were, spaces and escapes too. */
	ck_assert_str_eq(write_added(&b, R2),
			 "{ \"kind\" : \"incident\", \"id\":\"2026-002\", \"source\":\"x.txt\", \"line\":9, "
			 "\"offset\":512, \"title\":\"架空大学 メール誤送信\", "
			 "\"text\":\"【セキュリティ事件簿#2026-002】架空大学 \\u30e1\\u30fc\\u30eb誤送信\" ,"
			 ADDED "}\n");
	ck_assert_str_eq(write_added(&b, "{}"), "{" ADDED "}\n");
	ck_assert_str_eq(write_added(&b, " { } "), " { " ADDED "} \n");
	/* Nothing to add: the record as it was. */
	b.len = 0;
	ir_record_write(&b, record(R3), NULL, 0, "", 0);
	ck_assert_str_eq(ir_buf_cstr(&b), R3 "\n");
	ir_buf_free(&b);
	ir_jobj_free(&record("{}")->obj);
}
END_TEST

START_TEST(record_write_replaces)
{
	struct ir_buf b = IR_BUF_INIT, again = IR_BUF_INIT;

	ck_assert_str_eq(write_added(&b, "{\"kind\":\"incident\",\"org\":\"旧社名\",\"id\":\"2026-001\","
					 "\"affected\":null}"),
			 "{\"kind\":\"incident\",\"id\":\"2026-001\"," ADDED "}\n");
	/* A key spelt with an escape is the same key. */
	ck_assert_str_eq(write_added(&b, "{\"o\\u0072g\":\"旧\",\"kind\" : \"incident\"}"),
			 "{\"kind\" : \"incident\"," ADDED "}\n");
	ck_assert_str_eq(write_added(&b, "{\"org\":{\"name\":\"旧\"},\"affected\":[1,2]}"),
			 "{" ADDED "}\n");
	/* Run twice, the same record. */
	write_added(&b, R1);
	b.p[--b.len] = '\0';
	write_added(&again, b.p);
	ck_assert_str_eq(again.p, write_added(&b, R1));
	ir_buf_free(&b);
	ir_buf_free(&again);
	ir_jobj_free(&record("{}")->obj);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("records");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, records_pass_byte_for_byte);
	tcase_add_test(tc, blank_lines_skipped);
	tcase_add_test(tc, bad_lines_rejected_in_order);
	tcase_add_test(tc, broken_first_line_is_not_a_dump);
	tcase_add_test(tc, is_incident);
	tcase_add_test(tc, init_and_fini_once_per_worker);
	tcase_add_test(tc, one_worker_when_line_buffered);
	tcase_add_test(tc, line_buffered_writes_each_record);
	tcase_add_test(tc, raw_dump_then_records);
	tcase_add_test(tc, long_line_skipped);
	tcase_add_test(tc, one_byte_too_long_skipped);
	tcase_add_test(tc, rejects_that_is_an_input_refused);
	tcase_add_test(tc, rejects_that_is_stdin_refused);
	tcase_add_test(tc, record_string);
	tcase_add_test(tc, record_write_adds);
	tcase_add_test(tc, record_write_replaces);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
