/* ir-stats - counts, sums and timelines of records, as tables, charts or mergeable states */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/err.h"
#include "base/opt.h"
#include "stats/job.h"

static const char synopsis[] =
	"usage: ir-stats [-g FIELD]... [--sum FIELD]... [--min FIELD]... [--max FIELD]...\n"
	"                [--mean FIELD]... [--median FIELD]... [--distinct FIELD]... [--share]\n"
	"                [--where EXPR]... [--since DATE] [--until DATE] [--all] [--incidents]\n"
	"                [--list FIELD,...] [--sort count|key] [--top N] [--fill]\n"
	"                [-o FORMAT] [--bom] [--partial]\n"
	"                [--merge] [--line-buffered] [--max-record-bytes N] [--rejects FILE]\n"
	"                [--threads N] [FILE...]\n";
/* Every option of ir-stats' own: the job takes it by its long name. */
enum { OPT_STATS = IR_OPT_TOOL };

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
	       "  --incidents        count incidents, not notices: the notices of one id and\n"
	       "                     organisation (follow-ups, the regulator's) are one\n"
	       "  --list FIELD,...   one row per record, with these fields, instead of groups\n"
	       "  --sort count|key   order of the rows (default: count, largest first)\n"
	       "  --top N            only the first N rows\n"
	       "  --fill             add the empty date buckets between the first and last\n"
	       "  -o, --format FMT   table, tsv, csv, json, markdown or bar (default: table)\n"
	       "  --bom              start csv with a UTF-8 byte order mark, for Excel\n"
	       "  --partial          write the aggregation state instead of rows\n"
	       "  --merge            read states written by --partial and merge them\n");
	ir_opt_common_help(19, 1, "skip longer lines");
	exit(fflush(stdout) == 0 ? IR_EXIT_OK : IR_EXIT_FAIL);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		IR_LONGOPTS_COMMON,
		IR_LONGOPTS_RECORDS,
		{"all", no_argument, NULL, OPT_STATS},
		{"bom", no_argument, NULL, OPT_STATS},
		{"by", required_argument, NULL, 'g'},
		{"distinct", required_argument, NULL, OPT_STATS},
		{"fill", no_argument, NULL, OPT_STATS},
		{"format", required_argument, NULL, 'o'},
		{"incidents", no_argument, NULL, OPT_STATS},
		{"list", required_argument, NULL, OPT_STATS},
		{"max", required_argument, NULL, OPT_STATS},
		{"mean", required_argument, NULL, OPT_STATS},
		{"median", required_argument, NULL, OPT_STATS},
		{"merge", no_argument, NULL, OPT_STATS},
		{"min", required_argument, NULL, OPT_STATS},
		{"partial", no_argument, NULL, OPT_STATS},
		{"share", no_argument, NULL, OPT_STATS},
		{"since", required_argument, NULL, OPT_STATS},
		{"sort", required_argument, NULL, OPT_STATS},
		{"sum", required_argument, NULL, OPT_STATS},
		{"top", required_argument, NULL, OPT_STATS},
		{"until", required_argument, NULL, OPT_STATS},
		{"where", required_argument, NULL, OPT_STATS},
		{NULL, 0, NULL, 0},
	};
	struct ir_common_opts co = IR_COMMON_OPTS_INIT;
	struct ir_stats_job job;
	int c, i, status;

	ir_setprogname(argv[0]);
	ir_stats_job_init(&job);
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":g:ho:", longopts, &i)) != -1) {
		if (c == 'h')
			usage();
		else if (c == 'g' || c == 'o')
			ir_stats_job_option(&job, c == 'g' ? "by" : "format", optarg, synopsis);
		else if (c == OPT_STATS)
			ir_stats_job_option(&job, longopts[i].name, optarg, synopsis);
		else if (!ir_opt_common(c, optarg, synopsis, &co))
			ir_opt_bad(synopsis, c, argv);
	}
	ir_stats_job_check(&job, synopsis);
	status = ir_stats_job_run(&job, &co, argv + optind, argc - optind);
	ir_stats_job_free(&job);
	return status;
}
