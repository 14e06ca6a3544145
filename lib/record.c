#include <errno.h>
#include <string.h>

#include "err.h"
#include "input.h"
#include "record.h"

int
ir_records_init(struct ir_records *rs, ir_record_fn fn, void *ctx, const char *rejects)
{
	memset(rs, 0, sizeof *rs);
	rs->fn = fn;
	rs->ctx = ctx;
	if (rejects != NULL) {
		if (ir_out_file(&rs->rejects, rejects) < 0)
			return -1;
		rs->have_rejects = 1;
	}
	return 0;
}

int
ir_records_reject(struct ir_records *rs, const struct ir_record *rec, const char *why)
{
	ir_warn(rec->source, rec->line, "%s", why);
	if (rs->have_rejects) {
		ir_out_write(&rs->rejects, rec->text, rec->len);
		ir_out_write(&rs->rejects, "\n", 1);
	}
	return IR_EXIT_DATA;
}

static int
each_input(struct ir_input *in, void *ctx)
{
	struct ir_records *rs = ctx;
	struct ir_record *rec = &rs->rec;
	int status = IR_EXIT_OK;
	const char *line;
	ssize_t len;

	while ((len = ir_input_getline(in, &line)) > 0) {
		const char *why;
		size_t n = (size_t)len, at;
		int s;

		if (line[n - 1] == '\n')
			n--;
		if (n > 0 && line[n - 1] == '\r')
			n--;
		rec->source = in->name;
		rec->line = in->lineno;
		rec->text = line;
		rec->len = n;
		if (strspn(line, " \t\r") >= n)
			continue;
		if (ir_json_object(&rec->obj, line, n, &why, &at) < 0)
			s = ir_records_reject(rs, rec, "not a JSON object");
		else
			s = rs->fn(rs, rec, rs->ctx);
		if (s > status)
			status = s;
	}
	if (len < 0)
		return ir_input_read_error(in, errno);
	return status;
}

int
ir_records_run(struct ir_records *rs, char *const *names, int n)
{
	return ir_input_each(names, n, each_input, rs);
}

int
ir_records_close(struct ir_records *rs)
{
	int status = IR_EXIT_OK;

	if (rs->have_rejects)
		status = ir_out_close(&rs->rejects);
	ir_jobj_free(&rs->rec.obj);
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
ir_record_write(struct ir_out *out, const struct ir_record *rec, const char *const *keys,
		size_t nkeys, const char *fields, size_t flen)
{
	struct ir_buf *b = ir_out_buf(out);
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
		ir_out_end_record(out);
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
	ir_out_end_record(out);
}
