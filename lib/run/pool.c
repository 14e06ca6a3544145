#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/err.h"
#include "run/pool.h"

enum { FREE, FILLING, QUEUED, WORKING, DONE };
enum { PER_THREAD = 3 }; /* batches in flight per worker */

static void *
run(void *arg)
{
	struct ir_pool *w = ((void **)arg)[0];
	void *wctx = ((void **)arg)[1];

	free(arg);
	pthread_mutex_lock(&w->lock);
	for (;;) {
		struct ir_batch *b = NULL;
		size_t i;

		for (i = w->head; i != w->tail; i = (i + 1) % w->nring)
			if (w->ring[i].state == QUEUED) {
				b = &w->ring[i];
				break;
			}
		if (b == NULL) {
			if (w->stop)
				break;
			pthread_cond_wait(&w->changed, &w->lock);
			continue;
		}
		b->state = WORKING;
		pthread_mutex_unlock(&w->lock);
		w->work(b, wctx);
		pthread_mutex_lock(&w->lock);
		b->state = DONE;
		pthread_cond_broadcast(&w->changed);
	}
	pthread_mutex_unlock(&w->lock);
	return NULL;
}

static void
reset(struct ir_batch *b)
{
	b->in.len = b->out.len = b->err.len = b->rej.len = 0;
	b->status = b->quiet = 0;
}

void
ir_pool_start(struct ir_pool *w, int nthreads, ir_pool_fn work, void **wctx, ir_emit_fn emit,
	      void *ectx, size_t budget)
{
	int i;

	memset(w, 0, sizeof *w);
	w->budget = budget;
	w->work = work;
	w->emit = emit;
	w->ectx = ectx;
	w->wctx = wctx;
	w->nring = nthreads > 1 ? (size_t)nthreads * PER_THREAD + 1 : 1;
	w->ring = calloc(w->nring, sizeof *w->ring);
	if (w->ring == NULL)
		ir_oom();
	if (nthreads <= 1 || pthread_mutex_init(&w->lock, NULL) != 0)
		return;
	if (pthread_cond_init(&w->changed, NULL) != 0) {
		pthread_mutex_destroy(&w->lock);
		return;
	}
	w->threads = calloc((size_t)nthreads, sizeof *w->threads);
	if (w->threads == NULL)
		ir_oom();
	for (i = 0; i < nthreads; i++) {
		void **arg = malloc(2 * sizeof *arg);

		if (arg == NULL)
			ir_oom();
		arg[0] = w;
		arg[1] = wctx[i];
		if (pthread_create(&w->threads[i], NULL, run, arg) != 0) {
			free(arg);
			break;
		}
		w->nthreads++;
	}
	if (w->nthreads == 0) {
		/* No thread could start: work in this one. */
		free(w->threads);
		w->threads = NULL;
		pthread_cond_destroy(&w->changed);
		pthread_mutex_destroy(&w->lock);
	}
}

/* Emits the finished batches at the head, in order.  Called locked. */
static void
emit_done(struct ir_pool *w)
{
	while (w->head != w->tail && w->ring[w->head].state == DONE) {
		struct ir_batch *b = &w->ring[w->head];

		pthread_mutex_unlock(&w->lock);
		w->emit(b, w->ectx);
		pthread_mutex_lock(&w->lock);
		w->inflight -= b->in.len;
		b->state = FREE;
		w->head = (w->head + 1) % w->nring;
	}
}

struct ir_batch *
ir_pool_batch(struct ir_pool *w)
{
	struct ir_batch *b;

	if (w->nthreads == 0) {
		b = &w->ring[0];
		reset(b);
		return b;
	}
	pthread_mutex_lock(&w->lock);
	for (;;) {
		emit_done(w);
		if ((w->tail + 1) % w->nring != w->head &&
		    (w->budget == 0 || w->inflight < w->budget || w->head == w->tail))
			break;
		pthread_cond_wait(&w->changed, &w->lock);
	}
	b = &w->ring[w->tail];
	w->tail = (w->tail + 1) % w->nring;
	b->state = FILLING;
	pthread_mutex_unlock(&w->lock);
	reset(b);
	return b;
}

void
ir_pool_submit(struct ir_pool *w, struct ir_batch *b)
{
	if (w->nthreads == 0) {
		w->work(b, w->wctx[0]);
		w->emit(b, w->ectx);
		return;
	}
	pthread_mutex_lock(&w->lock);
	w->inflight += b->in.len;
	b->state = QUEUED;
	pthread_cond_broadcast(&w->changed);
	pthread_mutex_unlock(&w->lock);
}

void
ir_pool_drain(struct ir_pool *w)
{
	if (w->nthreads == 0)
		return;
	pthread_mutex_lock(&w->lock);
	for (;;) {
		emit_done(w);
		/* Only the newest batch can be filling; the rest must be out. */
		if (w->head == w->tail || w->ring[w->head].state == FILLING)
			break;
		pthread_cond_wait(&w->changed, &w->lock);
	}
	pthread_mutex_unlock(&w->lock);
}

void
ir_pool_finish(struct ir_pool *w)
{
	size_t i;
	int t;

	if (w->nthreads > 0) {
		pthread_mutex_lock(&w->lock);
		while (w->head != w->tail) {
			emit_done(w);
			if (w->head != w->tail)
				pthread_cond_wait(&w->changed, &w->lock);
		}
		w->stop = 1;
		pthread_cond_broadcast(&w->changed);
		pthread_mutex_unlock(&w->lock);
		for (t = 0; t < w->nthreads; t++)
			pthread_join(w->threads[t], NULL);
		free(w->threads);
		pthread_cond_destroy(&w->changed);
		pthread_mutex_destroy(&w->lock);
	}
	for (i = 0; i < w->nring; i++) {
		ir_buf_free(&w->ring[i].in);
		ir_buf_free(&w->ring[i].out);
		ir_buf_free(&w->ring[i].err);
		ir_buf_free(&w->ring[i].rej);
	}
	free(w->ring);
}

void
ir_batch_warn(struct ir_batch *b, long line, const char *fmt, ...)
{
	va_list ap;
	int n;

	ir_buf_addf(&b->err, "%s: %s:%ld: ", ir_progname, b->source, line);
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n > 0) {
		ir_buf_reserve(&b->err, (size_t)n + 1);
		va_start(ap, fmt);
		vsnprintf(b->err.p + b->err.len, (size_t)n + 1, fmt, ap);
		va_end(ap);
		b->err.len += (size_t)n;
	}
	ir_buf_addc(&b->err, '\n');
}

int
ir_pool_default_threads(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 4 ? 4 : (int)n;
}

size_t
ir_pool_batch_bytes(void)
{
	const char *env = getenv("IR_BATCH_BYTES");
	char *end;
	unsigned long long v;

	if (env == NULL || *env == '\0')
		return (size_t)1 << 18;
	errno = 0;
	v = strtoull(env, &end, 10);
	if (errno != 0 || *end != '\0' || v == 0 || !(env[0] >= '0' && env[0] <= '9'))
		ir_die(IR_EXIT_FAIL, NULL, 0, "IR_BATCH_BYTES: expected a number of bytes, not '%s'",
		       env);
	return (size_t)v;
}
