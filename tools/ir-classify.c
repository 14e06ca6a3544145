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
#include "classify/dump.h"
#include "classify/report.h"
#include "classify/rules.h"
#include "run/records.h"

static const char synopsis[] =
	"usage: ir-classify [--dump-rules] [--explain] [--line-buffered] [--max-record-bytes N]\n"
	"                   [--no-default-rules] [-r RULES]... [--rejects FILE] [--threads N]\n"
	"                   [FILE...]\n";

enum { OPT_DUMP = IR_OPT_TOOL, OPT_EXPLAIN, OPT_NO_DEFAULT };

/* rules/default.rules, built in by mk/embed.sh. */
extern const char ir_default_rules[];
extern const size_t ir_default_rules_len;

/* Each thread's own scratch. */
struct worker {
	struct ir_classifier c;
	struct ir_buf text, fields;
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
	       "  -r, --rules FILE      add the rules of FILE (repeatable)\n"
	       "  --no-default-rules    start without the built-in rules\n"
	       "  --dump-rules          print the rules in effect and exit\n"
	       "  --explain             print a readable account per incident, not JSON\n");
	ir_opt_common_help(22, 1, "skip longer lines");
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
classify(struct ir_record *rec, struct ir_batch *b, void *worker)
{
	struct worker *w = worker;

	if (!ir_is_incident(&rec->obj)) {
		if (!run.explain)
			ir_record_pass(b, rec);
		return IR_EXIT_OK;
	}
	w->text.len = w->fields.len = 0;
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

static void
worker_init(void *worker, void *arg)
{
	struct worker *w = worker;

	ir_classifier_init(&w->c, arg);
}

static void
worker_free(void *worker, void *arg)
{
	struct worker *w = worker;

	(void)arg;
	ir_classifier_free(&w->c);
	ir_buf_free(&w->text);
	ir_buf_free(&w->fields);
}

/* The built-in rules unless refused, then each -r file; exits on a bad one. */
static void
load_rules(int defaults, char **files, size_t nfiles)
{
	int status = 0;
	size_t i;

	ir_rules_init(&run.rules);
	if (defaults)
		status = ir_rules_add(&run.rules, "default.rules", ir_default_rules,
				      ir_default_rules_len);
	for (i = 0; i < nfiles && status == 0; i++)
		status = ir_rules_load(&run.rules, files[i]);
	free(files);
	if (status < 0) {
		ir_rules_free(&run.rules);
		exit(IR_EXIT_FAIL);
	}
	ir_rules_ready(&run.rules);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		IR_LONGOPTS_COMMON,
		IR_LONGOPTS_RECORDS,
		{"dump-rules", no_argument, NULL, OPT_DUMP},
		{"explain", no_argument, NULL, OPT_EXPLAIN},
		{"no-default-rules", no_argument, NULL, OPT_NO_DEFAULT},
		{"rules", required_argument, NULL, 'r'},
		{NULL, 0, NULL, 0},
	};
	struct ir_common_opts co = IR_COMMON_OPTS_INIT;
	struct ir_records_opts o = {0};
	struct ir_out out;
	char **files = NULL;
	size_t nfiles = 0;
	int c, dump = 0, defaults = 1, status;

	ir_setprogname(argv[0]);
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":hr:", longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			usage();
		case 'r':
			files = ir_xrealloc(files, (nfiles + 1) * sizeof *files);
			files[nfiles++] = optarg;
			break;
		case OPT_DUMP:
			dump = 1;
			break;
		case OPT_EXPLAIN:
			run.explain = 1;
			break;
		case OPT_NO_DEFAULT:
			defaults = 0;
			break;
		default:
			if (!ir_opt_common(c, optarg, synopsis, &co))
				ir_opt_bad(synopsis, c, argv);
		}
	}
	ir_out_stdout(&out, co.line_buffered);
	load_rules(defaults, files, nfiles);
	ir_classify_prepare();
	if (dump) {
		ir_rules_dump(&run.rules, ir_out_buf(&out));
		ir_rules_free(&run.rules);
		return ir_out_close(&out);
	}
	run.gave_up = calloc(run.rules.nrules + 1, sizeof *run.gave_up);
	if (run.gave_up == NULL)
		ir_oom();
	o.fn = classify;
	o.worker_size = sizeof(struct worker);
	o.init = worker_init;
	o.fini = worker_free;
	o.arg = &run.rules;
	o.common = &co;
	o.out = &out;
	status = ir_records_run(&o, argv + optind, argc - optind);
	status = ir_worst(status, summarise_gave_up());
	free((void *)run.gave_up);
	ir_rules_free(&run.rules);
	return ir_worst(status, ir_out_close(&out));
}
