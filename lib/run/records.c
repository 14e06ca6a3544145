#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/input.h"
#include "run/records.h"

enum { BATCH = 1 << 18 };

/* What the main thread keeps while reading. */
struct loop {
	const struct ir_records_opts *o;
	struct ir_pool work;
	struct ir_batch *b;
	struct ir_out rejects;
	int have_rejects, status;
};

/* What each worker keeps. */
struct worker {
	const struct ir_records_opts *o;
	void *wctx;
	struct ir_record rec;
};

int
ir_record_reject(struct ir_batch *b, const struct ir_record *rec, const char *why)
{
	ir_batch_warn(b, rec->line, "%s", why);
	ir_buf_add(&b->rej, rec->text, rec->len);
	ir_buf_addc(&b->rej, '\n');
	return IR_EXIT_DATA;
}

void
ir_record_pass(struct ir_batch *b, const struct ir_record *rec)
{
	ir_buf_add(&b->out, rec->text, rec->len);
	ir_buf_addc(&b->out, '\n');
}

static void
work_batch(struct ir_batch *b, void *arg)
{
	struct worker *wk = arg;
	struct ir_record *rec = &wk->rec;
	size_t i = 0;
	long line = b->line;

	while (i < b->in.len) {
		const char *p = b->in.p + i, *nl = memchr(p, '\n', b->in.len - i);
		size_t n = (size_t)(nl - p), at;
		const char *why;
		int s;

		i += n + 1;
		rec->source = b->source;
		rec->line = line++;
		if (n > 0 && p[n - 1] == '\r')
			n--;
		rec->text = p;
		rec->len = n;
		if (strspn(p, " \t\r") >= n)
			continue;
		if (ir_json_object(&rec->obj, p, n, &why, &at) < 0)
			s = ir_record_reject(b, rec, "not a JSON object");
		else
			s = wk->o->fn(rec, b, wk->wctx);
		if (s > b->status)
			b->status = s;
	}
}

static void
emit_batch(struct ir_batch *b, void *arg)
{
	struct loop *l = arg;
	struct ir_out *out = l->o->out;

	if (b->out.len > 0) {
		ir_out_write(out, b->out.p, b->out.len);
		ir_out_end_record(out);
	}
	if (b->err.len > 0)
		fwrite(b->err.p, 1, b->err.len, stderr);
	if (b->rej.len > 0 && l->have_rejects)
		ir_out_write(&l->rejects, b->rej.p, b->rej.len);
	if (b->status > l->status)
		l->status = b->status;
}

static void
submit(struct loop *l)
{
	ir_pool_submit(&l->work, l->b);
	l->b = ir_pool_batch(&l->work);
}

static int
each_input(struct ir_input *in, void *ctx)
{
	struct loop *l = ctx;
	const char *line;
	ssize_t len;
	int errnum;

	l->b->source = in->name;
	l->b->line = 1;
	while ((len = ir_input_getline(in, &line)) > 0) {
		ir_buf_add(&l->b->in, line, (size_t)len);
		if (line[len - 1] != '\n')
			ir_buf_addc(&l->b->in, '\n');
		if (l->b->in.len >= BATCH || l->o->out->line_buffered) {
			submit(l);
			l->b->source = in->name;
			l->b->line = in->lineno + 1;
		}
	}
	errnum = errno;
	submit(l);
	if (len < 0) {
		/* The records before the error are written before its message. */
		ir_pool_drain(&l->work);
		return ir_input_read_error(in, errnum);
	}
	return IR_EXIT_OK;
}

int
ir_records_run(const struct ir_records_opts *o, char *const *names, int n)
{
	int nw = o->nthreads > 1 ? o->nthreads : 1, i, status, s;
	struct worker *workers = calloc((size_t)nw, sizeof *workers);
	void **wctx = calloc((size_t)nw, sizeof *wctx);
	struct loop l = {0};

	if (workers == NULL || wctx == NULL)
		ir_oom();
	l.o = o;
	if (o->rejects != NULL) {
		if (ir_out_file(&l.rejects, o->rejects) < 0) {
			ir_warn_errno(errno, o->rejects, 0, "cannot create");
			free(workers);
			free(wctx);
			return IR_EXIT_FAIL;
		}
		l.have_rejects = 1;
	}
	for (i = 0; i < nw; i++) {
		workers[i].o = o;
		workers[i].wctx = o->wctx[i];
		wctx[i] = &workers[i];
	}
	ir_pool_start(&l.work, o->out->line_buffered ? 0 : o->nthreads, work_batch, wctx,
		      emit_batch, &l);
	l.b = ir_pool_batch(&l.work);
	status = ir_input_each(names, n, each_input, &l);
	ir_pool_submit(&l.work, l.b); /* the empty batch last asked for */
	ir_pool_finish(&l.work);
	if (l.status > status)
		status = l.status;
	if (l.have_rejects && (s = ir_out_close(&l.rejects)) > status)
		status = s;
	for (i = 0; i < nw; i++)
		ir_jobj_free(&workers[i].rec.obj);
	free(workers);
	free(wctx);
	return status;
}

int
ir_record_string(const struct ir_record *rec, const char *key, struct ir_buf *out)
{
	const struct ir_jmember *m = ir_json_get(&rec->obj, key);

	if (m == NULL || m->type == IR_JNULL)
		return 0;
	if (m->type != IR_JSTRING)
		return -1;
	ir_json_unescape(rec->text + m->val, m->val_len, out);
	return 1;
}

/* Is the member one of the keys being written? */
static int
replaced(const struct ir_record *rec, const struct ir_jmember *m, const char *const *keys,
	 size_t nkeys)
{
	size_t k;

	for (k = 0; k < nkeys; k++)
		if (ir_json_key_is(rec->text + m->key, m->key_len, keys[k]))
			return 1;
	return 0;
}

void
ir_record_write(struct ir_buf *b, const struct ir_record *rec, const char *const *keys,
		size_t nkeys, const char *fields, size_t flen)
{
	int clash = 0, first = 1;
	size_t k, i;

	for (k = 0; k < nkeys && !clash; k++)
		clash = ir_json_get(&rec->obj, keys[k]) != NULL;
	if (!clash) {
		/* The usual case: everything up to the closing brace, as it was. */
		const char *close = memrchr(rec->text, '}', rec->len);
		size_t head = (size_t)(close - rec->text);

		ir_buf_add(b, rec->text, head);
		if (rec->obj.n > 0 && flen > 0)
			ir_buf_addc(b, ',');
		ir_buf_add(b, fields, flen);
		ir_buf_add(b, close, rec->len - head);
		ir_buf_addc(b, '\n');
		return;
	}
	ir_buf_addc(b, '{');
	for (i = 0; i < rec->obj.n; i++) {
		const struct ir_jmember *m = &rec->obj.m[i];

		if (replaced(rec, m, keys, nkeys))
			continue;
		if (!first)
			ir_buf_addc(b, ',');
		ir_buf_add(b, rec->text + m->key, m->val + m->val_len - m->key);
		first = 0;
	}
	if (!first && flen > 0)
		ir_buf_addc(b, ',');
	ir_buf_add(b, fields, flen);
	ir_buf_adds(b, "}\n");
}
