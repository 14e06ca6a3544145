#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/err.h"
#include "run/pool.h"

enum { FREE, FILLING, QUEUED, WORKING, DONE };
enum { PER_THREAD = 3 }; /* batches in flight per worker */

static int
run(void *arg)
{
	struct ir_pool *w = ((void **)arg)[0];
	void *wctx = ((void **)arg)[1];

	free(arg);
	mtx_lock(&w->lock);
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
			cnd_wait(&w->changed, &w->lock);
			continue;
		}
		b->state = WORKING;
		mtx_unlock(&w->lock);
		w->work(b, wctx);
		mtx_lock(&w->lock);
		b->state = DONE;
		cnd_broadcast(&w->changed);
	}
	mtx_unlock(&w->lock);
	return 0;
}

static void
reset(struct ir_batch *b)
{
	b->in.len = b->out.len = b->err.len = b->rej.len = 0;
	b->status = 0;
}

void
ir_pool_start(struct ir_pool *w, int nthreads, ir_pool_fn work, void **wctx, ir_emit_fn emit,
	      void *ectx)
{
	int i;

	memset(w, 0, sizeof *w);
	w->work = work;
	w->emit = emit;
	w->ectx = ectx;
	w->wctx = wctx;
	w->nring = nthreads > 1 ? (size_t)nthreads * PER_THREAD + 1 : 1;
	w->ring = calloc(w->nring, sizeof *w->ring);
	if (w->ring == NULL)
		ir_oom();
	if (nthreads <= 1 || mtx_init(&w->lock, mtx_plain) != thrd_success)
		return;
	if (cnd_init(&w->changed) != thrd_success) {
		mtx_destroy(&w->lock);
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
		if (thrd_create(&w->threads[i], run, arg) != thrd_success) {
			free(arg);
			break;
		}
		w->nthreads++;
	}
	if (w->nthreads == 0) {
		/* No thread could start: work in this one. */
		free(w->threads);
		w->threads = NULL;
		cnd_destroy(&w->changed);
		mtx_destroy(&w->lock);
	}
}

/* Emits the finished batches at the head, in order.  Called locked. */
static void
emit_done(struct ir_pool *w)
{
	while (w->head != w->tail && w->ring[w->head].state == DONE) {
		struct ir_batch *b = &w->ring[w->head];

		mtx_unlock(&w->lock);
		w->emit(b, w->ectx);
		mtx_lock(&w->lock);
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
	mtx_lock(&w->lock);
	for (;;) {
		emit_done(w);
		if ((w->tail + 1) % w->nring != w->head)
			break;
		cnd_wait(&w->changed, &w->lock);
	}
	b = &w->ring[w->tail];
	w->tail = (w->tail + 1) % w->nring;
	b->state = FILLING;
	mtx_unlock(&w->lock);
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
	mtx_lock(&w->lock);
	b->state = QUEUED;
	cnd_broadcast(&w->changed);
	mtx_unlock(&w->lock);
}

void
ir_pool_drain(struct ir_pool *w)
{
	if (w->nthreads == 0)
		return;
	mtx_lock(&w->lock);
	for (;;) {
		emit_done(w);
		/* Only the newest batch can be filling; the rest must be out. */
		if (w->head == w->tail || w->ring[w->head].state == FILLING)
			break;
		cnd_wait(&w->changed, &w->lock);
	}
	mtx_unlock(&w->lock);
}

void
ir_pool_finish(struct ir_pool *w)
{
	size_t i;
	int t;

	if (w->nthreads > 0) {
		mtx_lock(&w->lock);
		while (w->head != w->tail) {
			emit_done(w);
			if (w->head != w->tail)
				cnd_wait(&w->changed, &w->lock);
		}
		w->stop = 1;
		cnd_broadcast(&w->changed);
		mtx_unlock(&w->lock);
		for (t = 0; t < w->nthreads; t++)
			thrd_join(w->threads[t], NULL);
		free(w->threads);
		cnd_destroy(&w->changed);
		mtx_destroy(&w->lock);
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

static once_flag lazy_once = ONCE_FLAG_INIT;
static mtx_t lazy;

static void
lazy_init(void)
{
	if (mtx_init(&lazy, mtx_plain) != thrd_success)
		ir_die(IR_EXIT_FAIL, NULL, 0, "cannot create a lock");
}

void
ir_lazy_lock(void)
{
	call_once(&lazy_once, lazy_init);
	mtx_lock(&lazy);
}

void
ir_lazy_unlock(void)
{
	mtx_unlock(&lazy);
}

int
ir_pool_default_threads(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 4 ? 4 : (int)n;
}
