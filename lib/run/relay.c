#include <string.h>

#include "run/relay.h"

static int
run(void *arg)
{
	struct ir_relay *r = arg;

	mtx_lock(&r->lock);
	for (;;) {
		while (!r->full && !r->stop)
			cnd_wait(&r->changed, &r->lock);
		if (!r->full)
			break;
		mtx_unlock(&r->lock);
		r->consume(r->sent.p, r->sent.len, r->ctx);
		mtx_lock(&r->lock);
		r->sent.len = 0;
		r->full = 0;
		cnd_broadcast(&r->changed);
	}
	mtx_unlock(&r->lock);
	return 0;
}

void
ir_relay_start(struct ir_relay *r, ir_relay_fn consume, void *ctx, int synchronous)
{
	memset(r, 0, sizeof *r);
	r->consume = consume;
	r->ctx = ctx;
	if (synchronous || mtx_init(&r->lock, mtx_plain) != thrd_success)
		return;
	if (cnd_init(&r->changed) != thrd_success) {
		mtx_destroy(&r->lock);
		return;
	}
	if (thrd_create(&r->thread, run, r) != thrd_success) {
		cnd_destroy(&r->changed);
		mtx_destroy(&r->lock);
		return;
	}
	r->threaded = 1;
}

void
ir_relay_send(struct ir_relay *r)
{
	struct ir_buf t;

	if (r->filling.len == 0)
		return;
	if (!r->threaded) {
		r->consume(r->filling.p, r->filling.len, r->ctx);
		r->filling.len = 0;
		return;
	}
	mtx_lock(&r->lock);
	while (r->full)
		cnd_wait(&r->changed, &r->lock);
	/* Swap buffers: the consumer's emptied one becomes ours to fill. */
	t = r->sent;
	r->sent = r->filling;
	r->filling = t;
	r->full = 1;
	cnd_broadcast(&r->changed);
	mtx_unlock(&r->lock);
}

void
ir_relay_finish(struct ir_relay *r)
{
	ir_relay_send(r);
	if (r->threaded) {
		mtx_lock(&r->lock);
		r->stop = 1;
		cnd_broadcast(&r->changed);
		mtx_unlock(&r->lock);
		thrd_join(r->thread, NULL);
		cnd_destroy(&r->changed);
		mtx_destroy(&r->lock);
		r->threaded = 0;
	}
	ir_buf_free(&r->filling);
	ir_buf_free(&r->sent);
}
