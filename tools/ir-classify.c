/* ir-classify - say what happened in each incident, from editable PCRE2 rules */
#include <getopt.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/opt.h"
#include "base/out.h"
#include "classify/classify.h"
#include "classify/rules.h"
#include "run/pool.h"
#include "run/records.h"

static const char synopsis[] =
	"usage: ir-classify [--dump-rules] [--explain] [--line-buffered] [--no-default-rules]\n"
	"                   [-r RULES]... [--rejects FILE] [--threads N] [FILE...]\n";

enum {
	OPT_DUMP = IR_OPT_TOOL,
	OPT_EXPLAIN,
	OPT_NO_DEFAULT,
	OPT_REJECTS,
	OPT_THREADS
};

/* rules/default.rules, built in by mk/embed.sh. */
extern const char ir_default_rules[];
extern const size_t ir_default_rules_len;

/* Each thread's own scratch. */
struct worker {
	struct ir_classifier c;
	struct ir_buf text, kind, fields;
};

static struct {
	struct ir_ruleset rules;
	int explain;
	/* how many records each rule gave up on: the first is reported */
	_Atomic unsigned long *gave_up;
} run;

static _Noreturn void
usage(void)
{
	printf("%s", synopsis);
	printf("Add category, categories, evidence and veris to incident records, by\n"
	       "the rules of ir-rules(5); other records pass through.\n\n"
	       "  -r, --rules FILE     add the rules of FILE (repeatable)\n"
	       "  --no-default-rules   start without the built-in rules\n"
	       "  --dump-rules         print the rules in effect and exit\n"
	       "  --explain            print a readable account per incident, not JSON\n"
	       "  --line-buffered      write each record as soon as it is complete\n"
	       "  --rejects FILE       copy lines that are not usable records to FILE\n"
	       "  --threads N          work in N threads (default: one per CPU, at most 4)\n"
	       "  -h, --help           show this help\n"
	       "      --version        show the version\n");
	exit(fflush(stdout) == 0 ? IR_EXIT_OK : IR_EXIT_FAIL);
}

/* Reports each rule that gave up on this record. */
static int
report_gave_up(struct ir_batch *b, const struct ir_record *rec, const struct ir_classifier *c)
{
	struct ir_buf name = IR_BUF_INIT;
	size_t i;

	for (i = 0; i < c->ngave_up; i++) {
		atomic_fetch_add(&run.gave_up[c->gave_up[i]], 1);
		name.len = 0;
		ir_classify_name(&run.rules, c->gave_up[i], &name);
		ir_batch_warn(b, rec->line, "%s gave up on this record", ir_buf_cstr(&name));
	}
	ir_buf_free(&name);
	return c->ngave_up > 0 ? IR_EXIT_DATA : IR_EXIT_OK;
}

static void
explain(struct ir_batch *b, const struct ir_record *rec, const struct ir_classifier *c,
	const char *text)
{
	struct ir_buf id = IR_BUF_INIT, org = IR_BUF_INIT;

	if (ir_record_string(rec, "id", &id) != 1)
		ir_buf_adds(&id, "-");
	if (ir_record_string(rec, "org", &org) != 1 && ir_record_string(rec, "title", &org) != 1)
		ir_buf_adds(&org, "-");
	ir_buf_addf(&b->out, "%s:%ld  %.*s  %.*s\n", rec->source, rec->line, (int)id.len, id.p,
		    (int)org.len, org.p);
	ir_classify_explain(c, text, &b->out);
	ir_buf_free(&id);
	ir_buf_free(&org);
}

static int
classify(struct ir_record *rec, struct ir_batch *b, void *wctx)
{
	struct worker *w = wctx;

	w->kind.len = w->text.len = w->fields.len = 0;
	if (ir_record_string(rec, "kind", &w->kind) != 1 || w->kind.len != 8 ||
	    memcmp(w->kind.p, "incident", 8) != 0) {
		if (!run.explain)
			ir_record_pass(b, rec);
		return IR_EXIT_OK;
	}
	if (ir_record_string(rec, "text", &w->text) != 1)
		return ir_record_reject(b, rec, "incident without a text string");
	ir_classify(&w->c, w->text.p, w->text.len);
	if (run.explain) {
		explain(b, rec, &w->c, w->text.p);
	} else {
		ir_classify_json(&w->c, w->text.p, &w->fields);
		ir_record_write(&b->out, rec, ir_classify_fields, IR_CLASSIFY_FIELDS, w->fields.p,
				w->fields.len);
	}
	return report_gave_up(b, rec, &w->c);
}

/* Says how often each rule gave up, where it did more than once. */
static int
summarise_gave_up(void)
{
	struct ir_buf name = IR_BUF_INIT;
	int status = IR_EXIT_OK;
	size_t i;

	for (i = 0; i <= run.rules.nrules; i++) {
		unsigned long n = atomic_load(&run.gave_up[i]);

		if (n > 0)
			status = IR_EXIT_DATA;
		if (n > 1) {
			name.len = 0;
			ir_classify_name(&run.rules, i, &name);
			ir_warn(NULL, 0, "%s gave up on %lu records in all", ir_buf_cstr(&name), n);
		}
	}
	ir_buf_free(&name);
	return status;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		IR_LONGOPTS_COMMON,
		{"dump-rules", no_argument, NULL, OPT_DUMP},
		{"explain", no_argument, NULL, OPT_EXPLAIN},
		{"no-default-rules", no_argument, NULL, OPT_NO_DEFAULT},
		{"rejects", required_argument, NULL, OPT_REJECTS},
		{"rules", required_argument, NULL, 'r'},
		{"threads", required_argument, NULL, OPT_THREADS},
		{NULL, 0, NULL, 0},
	};
	struct ir_records_opts o = {0};
	struct worker *workers;
	struct ir_out out;
	char **files = NULL;
	size_t nfiles = 0, i;
	int c, nw, dump = 0, defaults = 1, line_buffered = 0, status, s;

	ir_setprogname(argv[0]);
	o.nthreads = ir_pool_default_threads();
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":hr:", longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			usage();
		case 'r':
			files = ir_xrealloc(files, (nfiles + 1) * sizeof *files);
			files[nfiles++] = optarg;
			break;
		case IR_OPT_LINE_BUFFERED:
			line_buffered = 1;
			break;
		case IR_OPT_VERSION:
			ir_version();
		case OPT_DUMP:
			dump = 1;
			break;
		case OPT_EXPLAIN:
			run.explain = 1;
			break;
		case OPT_NO_DEFAULT:
			defaults = 0;
			break;
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
	ir_rules_init(&run.rules);
	status = defaults ? ir_rules_add(&run.rules, "default.rules", ir_default_rules,
					 ir_default_rules_len) : 0;
	for (i = 0; i < nfiles && status == 0; i++)
		status = ir_rules_load(&run.rules, files[i]);
	free(files);
	if (status < 0) {
		ir_rules_free(&run.rules);
		return IR_EXIT_FAIL;
	}
	ir_rules_ready(&run.rules);
	ir_out_stdout(&out, line_buffered);
	if (dump) {
		ir_rules_dump(&run.rules, ir_out_buf(&out));
		ir_rules_free(&run.rules);
		return ir_out_close(&out);
	}
	run.gave_up = calloc(run.rules.nrules + 1, sizeof *run.gave_up);
	nw = o.nthreads > 1 ? o.nthreads : 1;
	workers = calloc((size_t)nw, sizeof *workers);
	o.wctx = calloc((size_t)nw, sizeof *o.wctx);
	if (run.gave_up == NULL || workers == NULL || o.wctx == NULL)
		ir_oom();
	for (c = 0; c < nw; c++) {
		ir_classifier_init(&workers[c].c, &run.rules);
		o.wctx[c] = &workers[c];
	}
	o.fn = classify;
	o.out = &out;
	status = ir_records_run(&o, argv + optind, argc - optind);
	if ((s = summarise_gave_up()) > status)
		status = s;
	for (c = 0; c < nw; c++) {
		ir_classifier_free(&workers[c].c);
		ir_buf_free(&workers[c].text);
		ir_buf_free(&workers[c].kind);
		ir_buf_free(&workers[c].fields);
	}
	free(workers);
	free(o.wctx);
	free((void *)run.gave_up);
	ir_rules_free(&run.rules);
	s = ir_out_close(&out);
	return s > status ? s : status;
}
