#include <pthread.h>
#include <stdatomic.h>

#include "base/err.h"
#include "run/pool.h"
#include "unit.h"

enum { NRECORDS = 400 };

/* Record i of a fictional stream; every seventh is not an incident. */
static void
add_record(struct ir_buf *b, int i)
{
	ir_buf_addf(b,
		    "{\"kind\":\"%s\",\"id\":\"2026-%03d\",\"source\":\"dump-%d.txt\",\"line\":%d,"
		    "\"offset\":%d,\"title\":\"架空市%d 不正アクセスについて\","
		    "\"text\":\"【セキュリティ事件簿#2026-%03d】架空市%d 不正アクセスについて\"}\n",
		    i % 7 ? "incident" : "noise", i, i / 100, 3 + 9 * i, 40 + 512 * i, i, i, i);
}

/* What the workers and the emitter saw. */
struct seen {
	pthread_t main;
	struct ir_buf out, err;
	int status, batches;
	size_t bytes;              /* input bytes of the batches emitted */
	atomic_int working, most_working;
	unsigned max_sleep;        /* microseconds a record may take */
};

/* A worker's own count of records. */
struct worker {
	struct seen *seen;
	int records;
};

/* The work of a tool, in miniature: one line out per record, a message
 * and status 1 for a record that is not an incident, a few random
 * microseconds each. */
static void
work(struct ir_batch *b, void *wctx)
{
	struct worker *wk = wctx;
	unsigned seed = (unsigned)b->line * 2654435761u;
	long line = b->line;
	size_t i = 0;
	int now = atomic_fetch_add(&wk->seen->working, 1) + 1, most;

	most = atomic_load(&wk->seen->most_working);
	while (now > most && !atomic_compare_exchange_weak(&wk->seen->most_working, &most, now))
		;
	while (i < b->in.len) {
		const char *p = b->in.p + i, *nl = memchr(p, '\n', b->in.len - i);
		const char *id = strstr(p, "\"id\":\"") + 6;

		if (wk->seen->max_sleep > 0)
			usleep(rand_r(&seed) % wk->seen->max_sleep);
		ir_buf_addf(&b->out, "%s:%ld %.8s\n", b->source, line, id);
		if (strncmp(p, "{\"kind\":\"noise\"", 15) == 0) {
			ir_batch_warn(b, line, "record %.8s is not an incident", id);
			b->status = IR_EXIT_DATA;
		}
		wk->records++;
		line++;
		i = (size_t)(nl - b->in.p) + 1;
	}
	atomic_fetch_sub(&wk->seen->working, 1);
}

static void
emit(struct ir_batch *b, void *ectx)
{
	struct seen *s = ectx;

	ck_assert(pthread_equal(pthread_self(), s->main));
	/* A batch starts clean: its status is its own records'. */
	ck_assert_int_eq(b->status, memmem(b->in.p, b->in.len, "\"kind\":\"noise\"", 14) ?
					    IR_EXIT_DATA : IR_EXIT_OK);
	ir_buf_add(&s->out, b->out.p, b->out.len);
	ir_buf_add(&s->err, b->err.p, b->err.len);
	s->status = ir_worst(s->status, b->status);
	s->batches++;
	s->bytes += b->in.len;
}

/* The output one thread must write for records [0, n). */
static void
expected(struct ir_buf *out, struct ir_buf *err, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		ir_buf_addf(out, "dump.ndjson:%d 2026-%03d\n", i + 1, i);
		if (i % 7 == 0)
			ir_buf_addf(err, "ir-test: dump.ndjson:%d: record 2026-%03d is not an incident\n",
				    i + 1, i);
	}
}

/* A batch to fill, starting at line. */
static struct ir_batch *
next_batch(struct ir_pool *p, long line)
{
	struct ir_batch *b = ir_pool_batch(p);

	ck_assert_uint_eq(b->in.len, 0);
	ck_assert_uint_eq(b->out.len, 0);
	ck_assert_uint_eq(b->err.len, 0);
	b->source = "dump.ndjson";
	b->line = line;
	return b;
}

/*
 * Feeds n records in batches of 1 to most records (random sizes), as the
 * record loop does; after each submission checks that no more than
 * budget bytes and one batch are in flight.  Returns the batches.
 */
static int
feed(struct ir_pool *p, struct seen *s, int n, int most, size_t budget)
{
	struct ir_batch *b = next_batch(p, 1);
	unsigned seed = 2026;
	size_t submitted = 0, biggest = 0;
	int i, left = 1 + rand_r(&seed) % most, batches = 0;

	for (i = 0; i < n; i++) {
		add_record(&b->in, i);
		if (--left > 0 && i + 1 < n)
			continue;
		submitted += b->in.len;
		if (b->in.len > biggest)
			biggest = b->in.len;
		ir_pool_submit(p, b);
		batches++;
		if (budget > 0)
			ck_assert_uint_le(submitted - s->bytes, budget + biggest);
		b = next_batch(p, i + 2);
		left = 1 + rand_r(&seed) % most;
	}
	ir_pool_submit(p, b); /* the one last asked for, empty */
	return batches + 1;
}

static struct seen *
seen_new(unsigned max_sleep)
{
	struct seen *s = calloc(1, sizeof *s);

	s->main = pthread_self();
	s->max_sleep = max_sleep;
	return s;
}

static void
seen_free(struct seen *s)
{
	ir_buf_free(&s->out);
	ir_buf_free(&s->err);
	free(s);
}

/* Runs the records through a pool of nthreads; returns what was emitted. */
static struct seen *
run(int nthreads, int most, unsigned max_sleep, size_t budget, int *records)
{
	struct seen *s = seen_new(max_sleep);
	struct worker wk[4] = {{s, 0}, {s, 0}, {s, 0}, {s, 0}};
	void *wctx[4] = {&wk[0], &wk[1], &wk[2], &wk[3]};
	struct ir_pool p;
	int batches, i;

	ir_pool_start(&p, nthreads, work, wctx, emit, s, budget);
	batches = feed(&p, s, NRECORDS, most, budget);
	ir_pool_finish(&p);
	ck_assert_int_eq(s->batches, batches);
	for (i = 0; i < 4; i++)
		records[i] = wk[i].records;
	return s;
}

/* The length of the line at b->p + i. */
static int
line_at(const struct ir_buf *b, size_t i)
{
	const char *nl = i < b->len ? memchr(b->p + i, '\n', b->len - i) : NULL;

	return nl ? (int)(nl - (b->p + i)) : (int)(b->len - i);
}

/* Says where two texts part: the first line that differs in each. */
static void
assert_same(const struct ir_buf *got, const struct ir_buf *want)
{
	size_t i = 0, n = got->len < want->len ? got->len : want->len;

	while (i < n && got->p[i] == want->p[i])
		i++;
	while (i > 0 && got->p[i - 1] != '\n')
		i--;
	ck_assert_msg(got->len == want->len && i == n, "from byte %zu: got \"%.*s\", want \"%.*s\"", i,
		      line_at(got, i), got->p + i, line_at(want, i), want->p + i);
}

static void
assert_as_one_thread(struct seen *s)
{
	struct ir_buf out = IR_BUF_INIT, err = IR_BUF_INIT;

	expected(&out, &err, NRECORDS);
	assert_same(&s->out, &out);
	assert_same(&s->err, &err);
	ck_assert_int_eq(s->status, IR_EXIT_DATA);
	ir_buf_free(&out);
	ir_buf_free(&err);
}

START_TEST(order_kept_with_four_threads)
{
	int records[4], busy = 0, most, i;
	struct seen *serial, *threaded;

	ir_setprogname("ir-test");
	serial = run(0, 3, 0, 0, records);
	assert_as_one_thread(serial);
	ck_assert_int_eq(records[0], NRECORDS);
	threaded = run(4, 3, 400, 0, records);
	assert_as_one_thread(threaded);
	assert_same(&threaded->out, &serial->out);
	/* The work was shared, or the order was never at stake. */
	for (i = 0; i < 4; i++)
		busy += records[i] > 0;
	ck_assert_int_ge(busy, 2);
	ck_assert_int_eq(records[0] + records[1] + records[2] + records[3], NRECORDS);
	most = atomic_load(&threaded->most_working);
	ck_assert_int_ge(most, 2);
	seen_free(serial);
	seen_free(threaded);
}
END_TEST

START_TEST(drain_waits_for_every_batch)
{
	struct seen *s = seen_new(3000);
	struct worker wk[4] = {{s, 0}, {s, 0}, {s, 0}, {s, 0}};
	void *wctx[4] = {&wk[0], &wk[1], &wk[2], &wk[3]};
	struct ir_pool p;
	struct ir_batch *b;
	int i;

	ir_setprogname("ir-test");
	ir_pool_start(&p, 4, work, wctx, emit, s, 0);
	for (i = 0; i < 12; i++) {
		b = next_batch(&p, 2 * i + 1);
		add_record(&b->in, 2 * i);
		add_record(&b->in, 2 * i + 1);
		ir_pool_submit(&p, b);
	}
	/* The record loop holds a batch it is filling while it drains. */
	b = next_batch(&p, 25);
	ir_pool_drain(&p);
	ck_assert_int_eq(s->batches, 12);
	ck_assert_uint_eq(s->out.len, strlen("dump.ndjson:1 2026-000\n") * 9 +
					      strlen("dump.ndjson:10 2026-009\n") * 15);
	/* The workers stay for what follows. */
	add_record(&b->in, 24);
	ir_pool_submit(&p, b);
	ir_pool_finish(&p);
	ck_assert_int_eq(s->batches, 13);
	ck_assert(memmem(s->out.p, s->out.len, "dump.ndjson:25 2026-024\n", 24) != NULL);
	seen_free(s);
}
END_TEST

/* Batches larger than the budget: one at a time, never two. */
START_TEST(budget_smaller_than_a_batch)
{
	int records[4], most;
	struct seen *s;

	ir_setprogname("ir-test");
	s = run(4, 3, 300, 200, records);
	assert_as_one_thread(s);
	most = atomic_load(&s->most_working);
	ck_assert_int_eq(most, 1);
	seen_free(s);
}
END_TEST

/* A budget of a few batches: no more than that, and one batch, in flight. */
START_TEST(budget_of_a_few_batches)
{
	int records[4];
	struct seen *s;

	ir_setprogname("ir-test");
	s = run(4, 2, 500, 1500, records);
	assert_as_one_thread(s);
	seen_free(s);
}
END_TEST

/* No threads: each batch is worked on and emitted at once, in this thread. */
static void
in_the_calling_thread(int nthreads)
{
	struct seen *s = seen_new(0);
	struct worker wk = {s, 0};
	void *wctx[1] = {&wk};
	struct ir_pool p;
	struct ir_batch *b;
	int i;

	ir_setprogname("ir-test");
	ir_pool_start(&p, nthreads, work, wctx, emit, s, 0);
	ck_assert_int_eq(p.nthreads, 0);
	for (i = 0; i < 20; i++) {
		b = next_batch(&p, i + 1);
		add_record(&b->in, i);
		ir_pool_submit(&p, b);
		ck_assert_int_eq(s->batches, i + 1);
		ck_assert_int_eq(wk.records, i + 1);
	}
	ir_pool_drain(&p);
	ir_pool_finish(&p);
	ck_assert_int_eq(s->batches, 20);
	ck_assert(memmem(s->out.p, s->out.len, "dump.ndjson:20 2026-019\n", 24) != NULL);
	seen_free(s);
}

START_TEST(zero_threads_work_here)
{
	in_the_calling_thread(0);
}
END_TEST

START_TEST(one_thread_works_here)
{
	in_the_calling_thread(1);
}
END_TEST

START_TEST(batch_warn_shape)
{
	struct ir_batch b = {0};

	ir_setprogname("/usr/bin/ir-classify");
	b.source = "incidents-2026.ndjson";
	ir_batch_warn(&b, 42, "record %s: no %s", "2026-001", "text");
	ir_batch_warn(&b, 43, "【%s】", "事件簿");
	ck_assert_buf_eq(b.err.p, b.err.len,
			 "ir-classify: incidents-2026.ndjson:42: record 2026-001: no text\n"
			 "ir-classify: incidents-2026.ndjson:43: 【事件簿】\n");
	ir_buf_free(&b.err);
}
END_TEST

START_TEST(default_threads)
{
	int n = ir_pool_default_threads();

	ck_assert_int_ge(n, 1);
	ck_assert_int_le(n, 4);
}
END_TEST

START_TEST(batch_bytes_from_the_environment)
{
	unsetenv("IR_BATCH_BYTES");
	ck_assert_uint_eq(ir_pool_batch_bytes(), (size_t)256 << 10);
	setenv("IR_BATCH_BYTES", "", 1);
	ck_assert_uint_eq(ir_pool_batch_bytes(), (size_t)256 << 10);
	setenv("IR_BATCH_BYTES", "512", 1);
	ck_assert_uint_eq(ir_pool_batch_bytes(), 512);
	setenv("IR_BATCH_BYTES", "1", 1);
	ck_assert_uint_eq(ir_pool_batch_bytes(), 1);
}
END_TEST

static const char *const bad_batch_bytes[] = {"0", "-5", "12k", "1 000", "abc", "64K", "+5",
						  "99999999999999999999"};

START_TEST(bad_batch_bytes_fails)
{
	static char want[256];

	ir_setprogname("ir-test");
	snprintf(want, sizeof want, "ir-test: IR_BATCH_BYTES: expected a number of bytes, not '%s'\n",
		 bad_batch_bytes[_i]);
	setenv("IR_BATCH_BYTES", bad_batch_bytes[_i], 1);
	unit_expect_stderr(want);
	(void)ir_pool_batch_bytes();
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("pool");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, order_kept_with_four_threads);
	tcase_add_test(tc, drain_waits_for_every_batch);
	tcase_add_test(tc, budget_smaller_than_a_batch);
	tcase_add_test(tc, budget_of_a_few_batches);
	tcase_add_test(tc, zero_threads_work_here);
	tcase_add_test(tc, one_thread_works_here);
	tcase_add_test(tc, batch_warn_shape);
	tcase_add_test(tc, default_threads);
	tcase_add_test(tc, batch_bytes_from_the_environment);
	tcase_add_loop_exit_test(tc, bad_batch_bytes_fails, IR_EXIT_FAIL, 0,
				 (int)(sizeof bad_batch_bytes / sizeof bad_batch_bytes[0]));
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
