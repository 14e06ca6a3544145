/* ir-extract - add organisation, dates, counts and reporting facts to incident records */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/opt.h"
#include "base/out.h"
#include "extract/extract.h"
#include "run/records.h"

static const char synopsis[] =
	"usage: ir-extract [--line-buffered] [--max-record-bytes N] [--rejects FILE]\n"
	"                  [--threads N] [FILE...]\n";

/* Each thread's own scratch. */
struct worker {
	struct ir_extractor x;
	struct ir_buf text, id, fields;
};

static _Noreturn void
usage(void)
{
	printf("%s", synopsis);
	printf("Add organisation, dates, affected counts, data types and reporting facts\n"
	       "to the incident records of ir-split; other records pass through.\n\n");
	ir_opt_common_help(22, 1, "skip longer lines");
	printf("\nFields: org, org_type, subject_org, published, published_raw,\n"
	       "published_from, report_no, affected, affected_approx, counts, data_types,\n"
	       "reported_to, discovered, disclosure_days, period, contractor, sections,\n"
	       "warnings.  See ir-extract(1).\n");
	exit(fflush(stdout) == 0 ? IR_EXIT_OK : IR_EXIT_FAIL);
}

static int
extract(struct ir_record *rec, struct ir_batch *b, void *worker)
{
	struct worker *w = worker;

	if (!ir_is_incident(&rec->obj)) {
		ir_record_pass(b, rec);
		return IR_EXIT_OK;
	}
	w->text.len = w->id.len = w->fields.len = 0;
	if (ir_record_string(rec, "text", &w->text) != 1)
		return ir_record_reject(b, rec, "incident without a text string");
	if (ir_record_string(rec, "id", &w->id) < 0)
		return ir_record_reject(b, rec, "incident whose id is not a string");
	ir_extract(&w->x, w->text.p, w->text.len, ir_buf_cstr(&w->id));
	ir_extract_json(&w->x, w->text.p, &w->fields);
	ir_record_write(&b->out, rec, ir_extract_fields, IR_EXTRACT_FIELDS, w->fields.p,
			w->fields.len);
	return IR_EXIT_OK;
}

static void
worker_free(void *worker, void *arg)
{
	struct worker *w = worker;

	(void)arg;
	ir_extractor_free(&w->x);
	ir_buf_free(&w->text);
	ir_buf_free(&w->id);
	ir_buf_free(&w->fields);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		IR_LONGOPTS_COMMON,
		IR_LONGOPTS_RECORDS,
		{NULL, 0, NULL, 0},
	};
	struct ir_common_opts co = IR_COMMON_OPTS_INIT;
	struct ir_records_opts o = {0};
	struct ir_out out;
	int c, status;

	ir_setprogname(argv[0]);
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		if (c == 'h')
			usage();
		if (!ir_opt_common(c, optarg, synopsis, &co))
			ir_opt_bad(synopsis, c, argv);
	}
	ir_out_stdout(&out, co.line_buffered);
	ir_extract_prepare();
	o.fn = extract;
	o.worker_size = sizeof(struct worker);
	o.fini = worker_free;
	o.common = &co;
	o.out = &out;
	status = ir_records_run(&o, argv + optind, argc - optind);
	return ir_worst(status, ir_out_close(&out));
}
