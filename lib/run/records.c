#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/err.h"
#include "base/input.h"
#include "run/records.h"

/* What the main thread keeps while reading. */
struct loop {
	const struct ir_records_opts *o;
	struct ir_pool pool;
	struct ir_batch *b;
	size_t batch_bytes;
	int quiet;        /* this input is a raw dump: its lines are rejected unsaid */
	struct ir_out rejects;
	int have_rejects, status;
};

/* What each worker keeps: the tool's state follows, in the same block. */
struct worker {
	const struct ir_records_opts *o;
	struct ir_record rec;
	max_align_t state[];
};

static int
set_aside(struct ir_batch *b, const struct ir_record *rec)
{
	ir_buf_add(&b->rej, rec->text, rec->len);
	ir_buf_addc(&b->rej, '\n');
	return IR_EXIT_DATA;
}

int
ir_record_reject(struct ir_batch *b, const struct ir_record *rec, const char *why)
{
	ir_batch_warn(b, rec->line, "%s", why);
	return set_aside(b, rec);
}

void
ir_record_pass(struct ir_batch *b, const struct ir_record *rec)
{
	ir_buf_add(&b->out, rec->text, rec->len);
	ir_buf_addc(&b->out, '\n');
}

int
ir_is_incident(const struct ir_jobj *o)
{
	const struct ir_jmember *m = ir_json_get(o, "kind");

	return m != NULL && m->type == IR_JSTRING &&
	       ir_json_key_is(o->text + m->val, m->val_len, "incident");
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
			s = b->quiet ? set_aside(b, rec) : ir_record_reject(b, rec, why);
		else
			s = wk->o->fn(rec, b, wk->state);
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

/* Hands the batch over; the next starts at the line after in's last. */
static void
submit(struct loop *l, const struct ir_input *in)
{
	l->b->quiet = l->quiet;
	ir_pool_submit(&l->pool, l->b);
	l->b = ir_pool_batch(&l->pool);
	l->b->source = in->name;
	l->b->line = in->lineno + 1;
}

/* A line too long to keep: said in its place among the batches' messages. */
static void
too_long(struct loop *l, const struct ir_input *in, size_t len)
{
	submit(l, in);
	ir_batch_warn(l->b, in->lineno,
		      "a line of %zu bytes, longer than --max-record-bytes (%zu); skipped", len,
		      l->o->common->max_record_bytes);
	l->b->status = IR_EXIT_DATA;
	l->b->line = in->lineno + 1;
}

/*
 * Could the line be meant as JSON: an object, maybe cut short, or any
 * other JSON value?  The first line of a raw dump is neither.
 */
static int
json_like(const char *line, size_t len)
{
	size_t lead = strspn(line, " \t");
	enum ir_jtype t;
	const char *why;

	return line[lead] == '{' || ir_json_value(line + lead, len - lead, &t, &why) > 0;
}

/* A record's length: the line without its line end (LF or CRLF). */
static size_t
record_len(const char *line, size_t len)
{
	if (len > 0 && line[len - 1] == '\n')
		len--;
	if (len > 0 && line[len - 1] == '\r')
		len--;
	return len;
}

static int
each_input(struct ir_input *in, void *ctx)
{
	struct loop *l = ctx;
	const char *line;
	ssize_t len;
	int errnum, first = 1;

	in->max_line = l->o->common->max_record_bytes + 2; /* the line end too */
	l->b->source = in->name;
	l->b->line = 1;
	l->quiet = 0;
	while ((len = ir_input_getline(in, &line)) > 0) {
		if (line == NULL || record_len(line, (size_t)len) > l->o->common->max_record_bytes) {
			too_long(l, in, (size_t)len);
			continue;
		}
		if (first && strspn(line, " \t\r\n") < (size_t)len) {
			first = 0;
			if (!json_like(line, (size_t)len)) {
				ir_warn(in->name, in->lineno,
					"input looks like a raw dump; run ir-split first");
				l->quiet = 1;
			}
		}
		ir_buf_add(&l->b->in, line, (size_t)len);
		if (line[len - 1] != '\n')
			ir_buf_addc(&l->b->in, '\n');
		if (l->b->in.len >= l->batch_bytes || l->o->out->line_buffered)
			submit(l, in);
	}
	errnum = errno;
	submit(l, in);
	if (len < 0) {
		/* The records before the error are written before its message. */
		ir_pool_drain(&l->pool);
		return ir_input_read_error(in, errnum);
	}
	return IR_EXIT_OK;
}

/*
 * Refuses a rejects file that is one of the inputs: creating it would
 * empty the input before it is read.
 */
static int
rejects_is_input(const char *rejects, char *const *names, int n)
{
	struct stat r, st;
	int i;

	if (stat(rejects, &r) < 0)
		return 0;
	for (i = 0; i < (n > 0 ? n : 1); i++) {
		const char *name = n > 0 ? names[i] : "-";
		int ok = strcmp(name, "-") == 0 ? fstat(STDIN_FILENO, &st) : stat(name, &st);

		if (ok == 0 && st.st_dev == r.st_dev && st.st_ino == r.st_ino) {
			ir_warn(NULL, 0, "--rejects %s is also an input (%s); refused", rejects, name);
			return 1;
		}
	}
	return 0;
}

/* Allocates and initialises the workers' states, one per thread. */
static struct worker **
workers_new(const struct ir_records_opts *o, int nw)
{
	struct worker **w = ir_xrealloc(NULL, (size_t)nw * sizeof *w);
	int i;

	for (i = 0; i < nw; i++) {
		w[i] = calloc(1, sizeof **w + o->worker_size);
		if (w[i] == NULL)
			ir_oom();
		w[i]->o = o;
		if (o->init != NULL)
			o->init(w[i]->state, o->arg);
	}
	return w;
}

static void
workers_free(const struct ir_records_opts *o, struct worker **w, int nw)
{
	int i;

	for (i = 0; i < nw; i++) {
		if (o->fini != NULL)
			o->fini(w[i]->state, o->arg);
		ir_jobj_free(&w[i]->rec.obj);
		free(w[i]);
	}
	free(w);
}

int
ir_records_run(const struct ir_records_opts *o, char *const *names, int n)
{
	const struct ir_common_opts *co = o->common;
	int nthreads = co->line_buffered || o->out->line_buffered ? 0 :
		       co->threads > 0 ? co->threads : ir_pool_default_threads();
	int nw = nthreads > 1 ? nthreads : 1, status, s;
	struct loop l = {0};
	struct worker **workers;

	l.o = o;
	l.batch_bytes = ir_pool_batch_bytes();
	if (co->rejects != NULL) {
		if (rejects_is_input(co->rejects, names, n))
			return IR_EXIT_FAIL;
		if (ir_out_file(&l.rejects, co->rejects) < 0) {
			ir_warn_errno(errno, co->rejects, 0, "cannot create");
			return IR_EXIT_FAIL;
		}
		l.have_rejects = 1;
	}
	workers = workers_new(o, nw);
	/* In flight: a few batches, or two of the longest records. */
	ir_pool_start(&l.pool, nthreads, work_batch, (void **)workers, emit_batch, &l,
		      2 * co->max_record_bytes > 4 * l.batch_bytes ? 2 * co->max_record_bytes :
								     4 * l.batch_bytes);
	l.b = ir_pool_batch(&l.pool);
	status = ir_input_each(names, n, each_input, &l);
	ir_pool_submit(&l.pool, l.b); /* the batch last asked for */
	ir_pool_finish(&l.pool);
	workers_free(o, workers, nw);
	if (l.status > status)
		status = l.status;
	if (l.have_rejects && (s = ir_out_close(&l.rejects)) > status)
		status = s;
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
