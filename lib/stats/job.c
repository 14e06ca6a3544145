#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/width.h"
#include "run/records.h"
#include "stats/job.h"
#include "stats/report.h"
#include "stats/state.h"

void
ir_stats_job_init(struct ir_stats_job *j)
{
	memset(j, 0, sizeof *j);
	j->format = IR_FORMAT_TABLE;
}

void
ir_stats_job_free(struct ir_stats_job *j)
{
	ir_stats_conf_free(&j->conf);
	memset(j, 0, sizeof *j);
}

/* Options ------------------------------------------------------------------ */

static int
set_format(struct ir_stats_job *j, const char *arg, struct ir_buf *err)
{
	int f = ir_format_parse(arg);

	if (f < 0) {
		ir_buf_addf(err, "-o: unknown format '%s' (table, tsv, csv, json, markdown or bar)",
			    arg);
		return -1;
	}
	j->format = (enum ir_format)f;
	j->row_option = "-o";
	return 0;
}

static int
set_sort(struct ir_stats_job *j, const char *arg, struct ir_buf *err)
{
	if (strcmp(arg, "count") != 0 && strcmp(arg, "key") != 0) {
		ir_buf_addf(err, "--sort: expected count or key, not '%s'", arg);
		return -1;
	}
	j->view.sort_key = arg[0] == 'k';
	j->sort_given = 1;
	j->row_option = "--sort";
	return 0;
}

/* The options that take no argument; -1 when name is none of them. */
static int
set_flag(struct ir_stats_job *j, const char *name)
{
	if (strcmp(name, "all") == 0) {
		j->conf.all = 1;
	} else if (strcmp(name, "fill") == 0) {
		j->view.fill = 1;
		j->row_option = "--fill";
	} else if (strcmp(name, "share") == 0) {
		j->view.share = 1;
		j->row_option = "--share";
	} else if (strcmp(name, "partial") == 0) {
		j->partial = 1;
	} else if (strcmp(name, "merge") == 0) {
		j->merge = 1;
	} else if (strcmp(name, "bom") == 0) {
		j->bom = 1;
	} else if (strcmp(name, "incidents") == 0) {
		j->conf.incidents = 1;
	} else {
		return -1;
	}
	return 0;
}

static int
take(struct ir_stats_job *j, const char *name, const char *arg, const char *synopsis,
     struct ir_buf *err)
{
	char opt[16];
	size_t a;

	for (a = 0; a < IR_NAGG; a++)
		if (strcmp(name, ir_agg_name[a]) == 0)
			return ir_stats_conf_agg(&j->conf, (enum ir_agg)a, arg, err);
	if (strcmp(name, "by") == 0)
		return ir_stats_conf_by(&j->conf, arg, err);
	if (strcmp(name, "where") == 0 || strcmp(name, "since") == 0 || strcmp(name, "until") == 0) {
		snprintf(opt, sizeof opt, "--%s", name);
		return ir_stats_conf_where(&j->conf, opt, arg, err);
	}
	if (strcmp(name, "list") == 0)
		return ir_stats_conf_list(&j->conf, arg, err);
	if (strcmp(name, "format") == 0)
		return set_format(j, arg, err);
	if (strcmp(name, "sort") == 0)
		return set_sort(j, arg, err);
	if (strcmp(name, "top") == 0) {
		j->view.top = ir_opt_long(synopsis, "--top", arg, 1, 1000000000);
		j->row_option = "--top";
		return 0;
	}
	if (set_flag(j, name) == 0)
		return 0;
	ir_buf_addf(err, "unknown option --%s", name);
	return -1;
}

void
ir_stats_job_option(struct ir_stats_job *j, const char *name, const char *arg,
		    const char *synopsis)
{
	struct ir_buf err = IR_BUF_INIT;

	if (take(j, name, arg, synopsis, &err) < 0)
		ir_usage_error(synopsis, "%s", ir_buf_cstr(&err));
	ir_buf_free(&err);
}

/* What --list does not go with, or NULL. */
static const char *
not_with_list(const struct ir_stats_job *j)
{
	if (j->conf.nby > 0)
		return "-g";
	if (j->conf.naggs > 0)
		return "an aggregate";
	if (j->view.share)
		return "--share";
	if (j->view.fill)
		return "--fill";
	if (j->partial)
		return "--partial";
	if (j->merge)
		return "--merge";
	if (j->sort_given && !j->view.sort_key)
		return "--sort count";
	return NULL;
}

void
ir_stats_job_check(struct ir_stats_job *j, const char *synopsis)
{
	struct ir_buf err = IR_BUF_INIT;
	const char *what;
	long f;

	if (j->conf.nlist > 0 && (what = not_with_list(j)) != NULL)
		ir_usage_error(synopsis, "--list prints records, not groups or states: %s goes "
			       "without it", what);
	if (j->bom && j->format != IR_FORMAT_CSV)
		ir_usage_error(synopsis, "--bom is for -o csv");
	if (j->partial && j->row_option != NULL)
		ir_usage_error(synopsis, "--partial writes a state, not rows: give %s to the "
			       "--merge that reads it", j->row_option);
	if (j->view.fill) {
		if ((f = ir_stats_conf_fill_field(&j->conf, &err)) < 0)
			ir_usage_error(synopsis, "%s", ir_buf_cstr(&err));
		j->view.fill_field = (size_t)f;
		if (!j->sort_given)
			j->view.sort_key = 1;
	}
	ir_buf_free(&err);
}

/* The record loop ------------------------------------------------------------ */

/* Each thread's own state. */
struct worker {
	struct ir_stats_job *job;
	struct ir_stats st;
	struct ir_buf msg;
};

/* The number of the input a record came from, for ordering messages. */
static long
source_index(const struct ir_stats_job *j, const char *source)
{
	int i;

	for (i = 0; i < j->nnames; i++)
		if (j->names[i] == source)
			return i;
	return 0;
}

static int
add_record(struct ir_record *rec, struct ir_batch *b, void *worker)
{
	struct worker *w = worker;

	(void)b;
	ir_stats_add(&w->st, &rec->obj, source_index(w->job, rec->source), rec->line);
	return IR_EXIT_OK;
}

static int
add_state(struct ir_record *rec, struct ir_batch *b, void *worker)
{
	struct worker *w = worker;
	struct ir_state_fault f;

	/* After a state refused nothing is output: skip the rest. */
	if (w->job->refused)
		return IR_EXIT_OK;
	w->msg.len = 0;
	switch (ir_stats_read_state(&w->st, &rec->obj, rec->source, rec->line, &f, &w->msg)) {
	case IR_STATE_OK:
		return IR_EXIT_OK;
	case IR_STATE_OTHER:
		ir_batch_warn(b, rec->line,
			      "a state made with other options (%.*s); --merge needs the same -g, "
			      "aggregate, --where, --all and --incidents options",
			      (int)w->msg.len, w->msg.p);
		break;
	default:
		ir_warn(f.source, f.line, "%s", f.why);
	}
	w->job->refused = 1;
	return IR_EXIT_FAIL;
}

static void
worker_init(void *worker, void *job)
{
	struct worker *w = worker;

	w->job = job;
	ir_stats_init(&w->st, &w->job->conf);
}

/* Folds the worker's state into the total; after states, the last must add up. */
static void
worker_fini(void *worker, void *job)
{
	struct worker *w = worker;
	struct ir_state_fault f;

	(void)job;
	if (w->job->merge && !w->job->refused && ir_stats_end_states(&w->st, &f) != IR_STATE_OK) {
		ir_warn(f.source, f.line, "%s", f.why);
		w->job->refused = 1;
	}
	ir_stats_merge(&w->job->total, &w->st);
	ir_stats_free(&w->st);
	ir_buf_free(&w->msg);
}

/* Output ------------------------------------------------------------------- */

/* Writes the rows (or the state) of the total; returns an exit status. */
static int
output(struct ir_stats_job *j, struct ir_out *out)
{
	struct ir_buf err = IR_BUF_INIT;
	struct ir_group **rows;
	struct ir_table t;
	size_t n;

	if (j->partial) {
		ir_stats_write_state(&j->total, ir_out_buf(out), out);
		return IR_EXIT_OK;
	}
	ir_stats_finish(&j->total);
	if (j->view.fill && ir_stats_fill(&j->total, j->view.fill_field, &err) < 0) {
		ir_warn(NULL, 0, "%s", ir_buf_cstr(&err));
		ir_buf_free(&err);
		return IR_EXIT_FAIL;
	}
	if (j->conf.nlist > 0) {
		ir_listing_table(&j->total.list, j->view.sort_key, j->view.top, &t);
	} else {
		rows = ir_stats_rows(&j->total, &j->view, &n);
		ir_stats_table(&j->total, &j->view, rows, n, &t);
		free(rows);
	}
	/* Excel reads csv as UTF-8 only after a byte order mark. */
	if (j->bom)
		ir_buf_adds(ir_out_buf(out), "\xEF\xBB\xBF");
	ir_table_write(&t, j->format, j->format == IR_FORMAT_BAR ? ir_term_columns() : 80,
		       ir_out_buf(out), out);
	ir_table_free(&t);
	return IR_EXIT_OK;
}

int
ir_stats_job_run(struct ir_stats_job *j, struct ir_common_opts *co, char *const *names, int n)
{
	struct ir_records_opts o = {0};
	struct ir_out out;
	int status, line_buffered;

	ir_out_stdout(&out, co->line_buffered);
	line_buffered = out.line_buffered;
	out.line_buffered = 0; /* nothing is written while reading */
	co->line_buffered = 0;
	j->names = names;
	j->nnames = n;
	/* States are small, and read in order a wrong one is reported once. */
	if (j->merge)
		co->threads = 1;
	ir_stats_init(&j->total, &j->conf);
	o.fn = j->merge ? add_state : add_record;
	o.worker_size = sizeof(struct worker);
	o.init = worker_init;
	o.fini = worker_fini;
	o.arg = j;
	o.common = co;
	o.out = &out;
	status = ir_records_run(&o, names, n);
	/* A state refused, or a line of one that is not JSON: the figures would be wrong. */
	if (j->merge && (j->refused || status == IR_EXIT_DATA))
		status = IR_EXIT_FAIL;
	status = ir_worst(status, ir_stats_report(&j->total, names, n));
	/* A piece without a field is no mistake; the merge of all pieces says it. */
	if (!j->partial)
		status = ir_worst(status, ir_seen_report(&j->total.seen));
	out.line_buffered = line_buffered;
	/* After an unreadable input or a state of other options the figures would be wrong. */
	if (status < IR_EXIT_FAIL)
		status = ir_worst(status, output(j, &out));
	ir_stats_free(&j->total);
	return ir_worst(status, ir_out_close(&out));
}
