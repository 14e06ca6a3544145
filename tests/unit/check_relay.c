#include <pthread.h>
#include <stdatomic.h>

#include "run/relay.h"
#include "unit.h"

enum { NBATCHES = 300 };

/* What the consumer saw. */
struct seen {
	pthread_t main;
	struct ir_buf all;
	atomic_int batches;
	int other_thread;   /* batches consumed off the main thread */
	unsigned seed, max_sleep;
};

static int
consumed(struct seen *s)
{
	return atomic_load(&s->batches);
}

static void
consume(const char *data, size_t len, void *ctx)
{
	struct seen *s = ctx;

	if (!pthread_equal(pthread_self(), s->main))
		s->other_thread++;
	if (s->max_sleep > 0)
		usleep(rand_r(&s->seed) % s->max_sleep);
	ir_buf_add(&s->all, data, len);
	atomic_fetch_add(&s->batches, 1);
}

/* Batch k: one or two packed records, as ir-split packs them. */
static void
fill(struct ir_buf *b, int k)
{
	int i;

	for (i = 0; i <= k % 2; i++)
		ir_buf_addf(b,
			    "{\"kind\":\"incident\",\"id\":\"2026-%03d\",\"source\":\"x.txt\",\"line\":%d,"
			    "\"offset\":%d,\"title\":\"見本商事株式会社 不正アクセス\","
			    "\"text\":\"【セキュリティ事件簿#2026-%03d】見本商事株式会社 不正アクセス\"}\n",
			    k, 3 + k, 40 * k + i, k);
}

/* The consumer saw batches 0..n-1, whole and in order, and no more. */
static void
assert_consumed(struct seen *s, int n)
{
	struct ir_buf want = IR_BUF_INIT;
	int k;

	for (k = 0; k < n; k++)
		fill(&want, k);
	ck_assert_int_eq(atomic_load(&s->batches), n);
	ck_assert_uint_eq(s->all.len, want.len);
	ck_assert(memcmp(s->all.p, want.p, want.len) == 0);
	ir_buf_free(&want);
	ir_buf_free(&s->all);
}

static void
seen_init(struct seen *s, unsigned max_sleep)
{
	memset(s, 0, sizeof *s);
	s->main = pthread_self();
	s->seed = 14;
	s->max_sleep = max_sleep;
}

START_TEST(in_order_on_the_second_thread)
{
	struct ir_relay r;
	struct seen s;
	int k;

	seen_init(&s, 300);
	ir_relay_start(&r, consume, &s, 0);
	ck_assert_int_eq(r.threaded, 1);
	for (k = 0; k < NBATCHES; k++) {
		fill(ir_relay_batch(&r), k);
		ir_relay_send(&r);
		/* Two batches in flight at most: the one just sent, the one to fill;
		 * all before them are consumed. */
		ck_assert_int_ge(consumed(&s), k);
	}
	ir_relay_finish(&r);
	ck_assert_int_eq(s.other_thread, NBATCHES);
	assert_consumed(&s, NBATCHES);
}
END_TEST

/* Line-buffered output: each batch is consumed before send returns. */
START_TEST(synchronous_consumes_at_once)
{
	struct ir_relay r;
	struct seen s;
	int k;

	seen_init(&s, 0);
	ir_relay_start(&r, consume, &s, 1);
	ck_assert_int_eq(r.threaded, 0);
	for (k = 0; k < 20; k++) {
		fill(ir_relay_batch(&r), k);
		ir_relay_send(&r);
		ck_assert_int_eq(consumed(&s), k + 1);
		ck_assert_uint_eq(ir_relay_batch(&r)->len, 0);
	}
	ir_relay_finish(&r);
	ck_assert_int_eq(s.other_thread, 0);
	assert_consumed(&s, 20);
}
END_TEST

static void
finish_sends_the_rest(int synchronous)
{
	struct ir_relay r;
	struct seen s;

	seen_init(&s, 1000);
	ir_relay_start(&r, consume, &s, synchronous);
	fill(ir_relay_batch(&r), 0);
	ir_relay_send(&r);
	/* Filled, never sent: finish must not drop it. */
	fill(ir_relay_batch(&r), 1);
	ir_relay_finish(&r);
	assert_consumed(&s, 2);
}

START_TEST(finish_sends_what_is_left)
{
	finish_sends_the_rest(0);
}
END_TEST

START_TEST(finish_sends_what_is_left_synchronously)
{
	finish_sends_the_rest(1);
}
END_TEST

/* An empty batch is not a batch: the consumer is not called for it. */
START_TEST(empty_batches_are_not_sent)
{
	struct ir_relay r;
	struct seen s;

	seen_init(&s, 0);
	ir_relay_start(&r, consume, &s, 0);
	ir_relay_send(&r);
	fill(ir_relay_batch(&r), 0);
	ir_relay_send(&r);
	ir_relay_send(&r);
	ir_relay_finish(&r);
	assert_consumed(&s, 1);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("relay");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, in_order_on_the_second_thread);
	tcase_add_test(tc, synchronous_consumes_at_once);
	tcase_add_test(tc, finish_sends_what_is_left);
	tcase_add_test(tc, finish_sends_what_is_left_synchronously);
	tcase_add_test(tc, empty_batches_are_not_sent);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
