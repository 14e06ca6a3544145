/* ir-stats - counts, sums and timelines of records, as tables, charts or mergeable states */
#include <getopt.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/opt.h"
#include "base/out.h"
#include "base/width.h"
#include "run/records.h"
#include "stats/conf.h"
#include "stats/groups.h"
#include "stats/report.h"
#include "stats/rows.h"
#include "stats/state.h"
#include "stats/table.h"

static const char synopsis[] =
	"usage: ir-stats [-g FIELD]... [--sum FIELD]... [--min FIELD]... [--max FIELD]...\n"
	"                [--mean FIELD]... [--median FIELD]... [--distinct FIELD]... [--share]\n"
	"                [--where EXPR]... [--since DATE] [--until DATE] [--all]\n"
	"                [--sort count|key] [--top N] [--fill] [-o FORMAT] [--partial]\n"
	"                [--merge] [--line-buffered] [--max-record-bytes N] [--rejects FILE]\n"
	"                [--threads N] [FILE...]\n";

enum {
	OPT_ALL = IR_OPT_TOOL,
	OPT_DISTINCT,
	OPT_FILL,
	OPT_MAX,
	OPT_MEAN,
	OPT_MEDIAN,
	OPT_MERGE,
	OPT_MIN,
	OPT_PARTIAL,
	OPT_SHARE,
	OPT_SINCE,
	OPT_SORT,
	OPT_SUM,
	OPT_TOP,
	OPT_UNTIL,
	OPT_WHERE
};

/* Each thread's own state. */
struct worker {
	struct ir_stats st;
	struct ir_buf msg;
};

static struct {
	char *const *names; /* the inputs, to number them */
	int nnames;
	atomic_int other;   /* a state made with other options was read */
	struct ir_stats total; /* the workers' states, merged */
} run;

static _Noreturn void
usage(void)
{
	printf("%s", synopsis);
	printf("Count incident records per group, with sums, means, medians, shares and\n"
	       "their confidence intervals, as a table, TSV, CSV, JSON, Markdown or a bar\n"
	       "chart; or save and merge partial results.\n\n"
	       "  -g, --by FIELD     group by FIELD (a.b for nested; :year, :fy, :quarter,\n"
	       "                     :month, :week or :day for a date); repeatable\n"
	       "  --sum FIELD        sum of FIELD per group (also --min, --max, --mean,\n"
	       "  --min FIELD          --median); each repeatable\n"
	       "  --max FIELD\n"
	       "  --mean FIELD\n"
	       "  --median FIELD\n"
	       "  --distinct FIELD   number of distinct values of FIELD per group\n"
	       "  --share            share of all records counted, with 95%% Wilson interval\n"
	       "  --where EXPR       only records where EXPR holds: FIELD=VALUE, FIELD!=VALUE,\n"
	       "                     FIELD<N (also <=, >, >=; numbers or dates), FIELD~REGEX;\n"
	       "                     repeatable, all must hold\n"
	       "  --since DATE       only records published on or after DATE (YYYY[-MM[-DD]])\n"
	       "  --until DATE       only records published on or before DATE\n"
	       "  --all              every record, not only incidents that are not copies\n"
	       "  --sort count|key   order of the rows (default: count, largest first)\n"
	       "  --top N            only the first N rows\n"
	       "  --fill             add the empty date buckets between the first and last\n"
	       "  -o, --format FMT   table, tsv, csv, json, markdown or bar (default: table)\n"
	       "  --partial          write the aggregation state instead of rows\n"
	       "  --merge            read states written by --partial and merge them\n"
	       "  --line-buffered    write each line as soon as it is complete\n"
	       "  --max-record-bytes N  skip longer lines (default 64M; K, M, G allowed)\n"
	       "  --rejects FILE     copy lines that are not usable records to FILE\n"
	       "  --threads N        work in N threads (default: one per CPU, at most 4)\n"
	       "  -h, --help         show this help\n"
	       "      --version      show the version\n");
	exit(fflush(stdout) == 0 ? IR_EXIT_OK : IR_EXIT_FAIL);
}

/* The number of the input a record came from, for ordering messages. */
static long
source_index(const char *source)
{
	int i;

	for (i = 0; i < run.nnames; i++)
		if (run.names[i] == source)
			return i;
	return 0;
}

static int
add_record(struct ir_record *rec, struct ir_batch *b, void *worker)
{
	struct worker *w = worker;

	(void)b;
	ir_stats_add(&w->st, &rec->obj, source_index(rec->source), rec->line);
	return IR_EXIT_OK;
}

static int
add_state(struct ir_record *rec, struct ir_batch *b, void *worker)
{
	struct worker *w = worker;
	const char *why;

	/* After a state of other options nothing is output: skip the rest. */
	if (atomic_load(&run.other))
		return IR_EXIT_OK;
	w->msg.len = 0;
	switch (ir_stats_read_state(&w->st, &rec->obj, &why, &w->msg)) {
	case IR_STATE_OK:
		return IR_EXIT_OK;
	case IR_STATE_OTHER:
		atomic_store(&run.other, 1);
		ir_batch_warn(b, rec->line,
			      "a state made with other options (%.*s); --merge needs the same -g, "
			      "aggregate, --where and --all options",
			      (int)w->msg.len, w->msg.p);
		return IR_EXIT_FAIL;
	default:
		return ir_record_reject(b, rec, why);
	}
}

static void
add_agg(struct ir_stats_conf *c, enum ir_agg a, const char *spec)
{
	struct ir_buf err = IR_BUF_INIT;

	if (ir_stats_conf_agg(c, a, spec, &err) < 0)
		ir_usage_error(synopsis, "%s", ir_buf_cstr(&err));
}

static void
worker_init(void *worker, void *conf)
{
	struct worker *w = worker;

	ir_stats_init(&w->st, conf);
}

/* Folds the worker's state into the total. */
static void
worker_fini(void *worker, void *conf)
{
	struct worker *w = worker;

	(void)conf;
	ir_stats_merge(&run.total, &w->st);
	ir_stats_free(&w->st);
	ir_buf_free(&w->msg);
}

/* Writes the rows (or the state) of st; returns an exit status. */
static int
output(struct ir_stats *st, const struct ir_stats_view *v, int partial, int format,
       struct ir_out *out)
{
	struct ir_buf err = IR_BUF_INIT;
	struct ir_group **rows;
	struct ir_table t;
	size_t n;

	if (partial) {
		ir_stats_write_state(st, ir_out_buf(out), out);
		return IR_EXIT_OK;
	}
	if (v->fill && ir_stats_fill(st, v->fill_field, &err) < 0) {
		ir_warn(NULL, 0, "%s", ir_buf_cstr(&err));
		ir_buf_free(&err);
		return IR_EXIT_FAIL;
	}
	rows = ir_stats_rows(st, v, &n);
	ir_stats_table(st, v, rows, n, &t);
	ir_table_write(&t, (enum ir_format)format,
		       format == IR_FORMAT_BAR ? ir_term_columns() : 80, ir_out_buf(out), out);
	ir_table_free(&t);
	free(rows);
	return IR_EXIT_OK;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		IR_LONGOPTS_COMMON,
		IR_LONGOPTS_RECORDS,
		{"all", no_argument, NULL, OPT_ALL},
		{"by", required_argument, NULL, 'g'},
		{"distinct", required_argument, NULL, OPT_DISTINCT},
		{"fill", no_argument, NULL, OPT_FILL},
		{"format", required_argument, NULL, 'o'},
		{"max", required_argument, NULL, OPT_MAX},
		{"mean", required_argument, NULL, OPT_MEAN},
		{"median", required_argument, NULL, OPT_MEDIAN},
		{"merge", no_argument, NULL, OPT_MERGE},
		{"min", required_argument, NULL, OPT_MIN},
		{"partial", no_argument, NULL, OPT_PARTIAL},
		{"share", no_argument, NULL, OPT_SHARE},
		{"since", required_argument, NULL, OPT_SINCE},
		{"sort", required_argument, NULL, OPT_SORT},
		{"sum", required_argument, NULL, OPT_SUM},
		{"top", required_argument, NULL, OPT_TOP},
		{"until", required_argument, NULL, OPT_UNTIL},
		{"where", required_argument, NULL, OPT_WHERE},
		{NULL, 0, NULL, 0},
	};
	struct ir_common_opts co = IR_COMMON_OPTS_INIT;
	struct ir_stats_conf conf = IR_STATS_CONF_INIT;
	struct ir_stats_view view = {0};
	struct ir_records_opts o = {0};
	struct ir_buf err = IR_BUF_INIT;
	struct ir_out out;
	const char *output_opt = NULL;
	int c, line_buffered, merge = 0, partial = 0, sort_given = 0;
	int format = IR_FORMAT_TABLE, status;

	ir_setprogname(argv[0]);
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":g:ho:", longopts, NULL)) != -1) {
		switch (c) {
		case 'g':
			if (ir_stats_conf_by(&conf, optarg, &err) < 0)
				ir_usage_error(synopsis, "%s", ir_buf_cstr(&err));
			break;
		case 'h':
			usage();
		case 'o':
			format = ir_format_parse(optarg);
			if (format < 0)
				ir_usage_error(synopsis, "-o: unknown format '%s' (table, tsv, csv, "
					       "json, markdown or bar)", optarg);
			output_opt = "-o";
			break;
		case OPT_ALL:
			conf.all = 1;
			break;
		case OPT_DISTINCT:
			add_agg(&conf, IR_AGG_DISTINCT, optarg);
			break;
		case OPT_FILL:
			view.fill = 1;
			output_opt = "--fill";
			break;
		case OPT_MAX:
			add_agg(&conf, IR_AGG_MAX, optarg);
			break;
		case OPT_MEAN:
			add_agg(&conf, IR_AGG_MEAN, optarg);
			break;
		case OPT_MEDIAN:
			add_agg(&conf, IR_AGG_MEDIAN, optarg);
			break;
		case OPT_MERGE:
			merge = 1;
			break;
		case OPT_MIN:
			add_agg(&conf, IR_AGG_MIN, optarg);
			break;
		case OPT_PARTIAL:
			partial = 1;
			break;
		case OPT_SHARE:
			view.share = 1;
			output_opt = "--share";
			break;
		case OPT_SORT:
			if (strcmp(optarg, "count") != 0 && strcmp(optarg, "key") != 0)
				ir_usage_error(synopsis, "--sort: expected count or key, not '%s'",
					       optarg);
			view.sort_key = optarg[0] == 'k';
			sort_given = 1;
			output_opt = "--sort";
			break;
		case OPT_SUM:
			add_agg(&conf, IR_AGG_SUM, optarg);
			break;
		case OPT_TOP:
			view.top = ir_opt_long(synopsis, "--top", optarg, 1, 1000000000);
			output_opt = "--top";
			break;
		case OPT_SINCE:
		case OPT_UNTIL:
		case OPT_WHERE:
			if (ir_stats_conf_where(&conf, c == OPT_WHERE ? "--where" :
					        c == OPT_SINCE ? "--since" : "--until", optarg, &err) < 0)
				ir_usage_error(synopsis, "%s", ir_buf_cstr(&err));
			break;
		default:
			if (!ir_opt_common(c, optarg, synopsis, &co))
				ir_opt_bad(synopsis, c, argv);
		}
	}
	if (partial && output_opt != NULL)
		ir_usage_error(synopsis, "--partial writes a state, not rows: give %s to the "
			       "--merge that reads it", output_opt);
	if (view.fill) {
		long f = ir_stats_conf_fill_field(&conf, &err);

		if (f < 0)
			ir_usage_error(synopsis, "%s", ir_buf_cstr(&err));
		view.fill_field = (size_t)f;
		if (!sort_given)
			view.sort_key = 1;
	}
	ir_buf_free(&err);

	ir_out_stdout(&out, co.line_buffered);
	line_buffered = out.line_buffered;
	out.line_buffered = 0; /* nothing is written while reading */
	co.line_buffered = 0;
	run.names = argv + optind;
	run.nnames = argc - optind;
	/* States are small, and read in order a wrong one is reported once. */
	if (merge)
		co.threads = 1;
	ir_stats_init(&run.total, &conf);
	o.fn = merge ? add_state : add_record;
	o.worker_size = sizeof(struct worker);
	o.init = worker_init;
	o.fini = worker_fini;
	o.arg = &conf;
	o.common = &co;
	o.out = &out;
	status = ir_records_run(&o, argv + optind, argc - optind);
	status = ir_worst(status, ir_stats_report(&run.total, run.names, run.nnames));
	out.line_buffered = line_buffered;
	if (status < IR_EXIT_FAIL && merge && run.total.headers == 0 && run.total.groups.n > 0) {
		ir_warn(NULL, 0, "no state header in the input: the number of records is unknown");
		status = IR_EXIT_FAIL;
	}
	/* After an unreadable input or a state of other options the figures would be wrong. */
	if (status < IR_EXIT_FAIL)
		status = ir_worst(status, output(&run.total, &view, partial, format, &out));
	ir_stats_free(&run.total);
	ir_stats_conf_free(&conf);
	return ir_worst(status, ir_out_close(&out));
}