/* ir-extract - add organisation, dates, counts and reporting facts to incident records */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/opt.h"
#include "base/out.h"
#include "extract/extract.h"
#include "run/pool.h"
#include "run/records.h"

static const char synopsis[] =
	"usage: ir-extract [--line-buffered] [--rejects FILE] [--threads N] [FILE...]\n";

enum { OPT_REJECTS = IR_OPT_TOOL, OPT_THREADS };

/* Each thread's own scratch. */
struct worker {
	struct ir_extractor x;
	struct ir_buf text, id, kind, fields;
};

static _Noreturn void
usage(void)
{
	printf("%s", synopsis);
	printf("Add organisation, dates, affected counts, data types and reporting facts\n"
	       "to the incident records of ir-split; other records pass through.\n\n"
	       "  --line-buffered  write each record as soon as it is complete\n"
	       "  --rejects FILE   copy lines that are not usable records to FILE\n"
	       "  --threads N      work in N threads (default: one per CPU, at most 4)\n"
	       "  -h, --help       show this help\n"
	       "      --version    show the version\n\n"
	       "Fields: org, org_type, subject_org, published, published_raw,\n"
	       "published_from, report_no, affected, affected_approx, counts, data_types,\n"
	       "reported_to, discovered, disclosure_days, period, contractor, sections,\n"
	       "warnings.  See ir-extract(1).\n");
	exit(fflush(stdout) == 0 ? IR_EXIT_OK : IR_EXIT_FAIL);
}

static int
extract(struct ir_record *rec, struct ir_batch *b, void *wctx)
{
	struct worker *w = wctx;

	w->kind.len = w->text.len = w->id.len = w->fields.len = 0;
	if (ir_record_string(rec, "kind", &w->kind) != 1 || w->kind.len != 8 ||
	    memcmp(w->kind.p, "incident", 8) != 0) {
		ir_record_pass(b, rec);
		return IR_EXIT_OK;
	}
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

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		IR_LONGOPTS_COMMON,
		{"rejects", required_argument, NULL, OPT_REJECTS},
		{"threads", required_argument, NULL, OPT_THREADS},
		{NULL, 0, NULL, 0},
	};
	struct ir_records_opts o = {0};
	struct worker *workers;
	struct ir_out out;
	int c, i, nw, line_buffered = 0, status, s;

	ir_setprogname(argv[0]);
	o.nthreads = ir_pool_default_threads();
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			usage();
		case IR_OPT_LINE_BUFFERED:
			line_buffered = 1;
			break;
		case IR_OPT_VERSION:
			ir_version();
		case OPT_REJECTS:
			o.rejects = optarg;
			break;
		case OPT_THREADS:
			o.nthreads = ir_opt_threads(synopsis, optarg);
			break;
		default:
			ir_opt_bad(synopsis, c, argv);
		}
	}
	ir_out_stdout(&out, line_buffered);
	nw = o.nthreads > 1 ? o.nthreads : 1;
	workers = calloc((size_t)nw, sizeof *workers);
	o.wctx = calloc((size_t)nw, sizeof *o.wctx);
	if (workers == NULL || o.wctx == NULL)
		ir_oom();
	for (i = 0; i < nw; i++)
		o.wctx[i] = &workers[i];
	o.fn = extract;
	o.out = &out;
	status = ir_records_run(&o, argv + optind, argc - optind);
	for (i = 0; i < nw; i++) {
		ir_extractor_free(&workers[i].x);
		ir_buf_free(&workers[i].text);
		ir_buf_free(&workers[i].id);
		ir_buf_free(&workers[i].kind);
		ir_buf_free(&workers[i].fields);
	}
	free(workers);
	free(o.wctx);
	s = ir_out_close(&out);
	return s > status ? s : status;
}
