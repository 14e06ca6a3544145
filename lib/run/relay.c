#include <string.h>

#include "run/relay.h"

static void *
run(void *arg)
{
	struct ir_relay *r = arg;

	pthread_mutex_lock(&r->lock);
	for (;;) {
		while (!r->full && !r->stop)
			pthread_cond_wait(&r->changed, &r->lock);
		if (!r->full)
			break;
		pthread_mutex_unlock(&r->lock);
		r->consume(r->sent.p, r->sent.len, r->ctx);
		pthread_mutex_lock(&r->lock);
		r->sent.len = 0;
		r->full = 0;
		pthread_cond_broadcast(&r->changed);
	}
	pthread_mutex_unlock(&r->lock);
	return NULL;
}

void
ir_relay_start(struct ir_relay *r, ir_relay_fn consume, void *ctx, int synchronous)
{
	memset(r, 0, sizeof *r);
	r->consume = consume;
	r->ctx = ctx;
	if (synchronous || pthread_mutex_init(&r->lock, NULL) != 0)
		return;
	if (pthread_cond_init(&r->changed, NULL) != 0) {
		pthread_mutex_destroy(&r->lock);
		return;
	}
	if (pthread_create(&r->thread, NULL, run, r) != 0) {
		pthread_cond_destroy(&r->changed);
		pthread_mutex_destroy(&r->lock);
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
	pthread_mutex_lock(&r->lock);
	while (r->full)
		pthread_cond_wait(&r->changed, &r->lock);
	/* Swap buffers: the consumer's emptied one becomes ours to fill. */
	t = r->sent;
	r->sent = r->filling;
	r->filling = t;
	r->full = 1;
	pthread_cond_broadcast(&r->changed);
	pthread_mutex_unlock(&r->lock);
}

void
ir_relay_finish(struct ir_relay *r)
{
	ir_relay_send(r);
	if (r->threaded) {
		pthread_mutex_lock(&r->lock);
		r->stop = 1;
		pthread_cond_broadcast(&r->changed);
		pthread_mutex_unlock(&r->lock);
		pthread_join(r->thread, NULL);
		pthread_cond_destroy(&r->changed);
		pthread_mutex_destroy(&r->lock);
		r->threaded = 0;
	}
	ir_buf_free(&r->filling);
	ir_buf_free(&r->sent);
}
