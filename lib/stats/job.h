/* stats/job.h - one run of ir-stats: its options, the record loop, the output.
 *
 * A job gathers what the command line asks (ir_stats_job_option, by the
 * long name of each option of ir-stats' own), checks that the options go
 * together (ir_stats_job_check), both ending in a usage error when they
 * do not, then runs: records (or, with --merge,
 * states) are read by the record loop of run/records.h, one state per
 * worker, folded into one when the workers end; then the rows, or the
 * state, are written, and what was wrong said on standard error.
 *
 * Ownership: the job owns its configuration; ir_stats_job_free frees it.
 */
#ifndef IR_STATS_JOB_H
#define IR_STATS_JOB_H

#include "base/buf.h"
#include "base/opt.h"
#include "stats/conf.h"
#include "stats/groups.h"
#include "stats/rows.h"
#include "stats/table.h"

struct ir_stats_job {
	struct ir_stats_conf conf;
	struct ir_stats_view view;
	enum ir_format format;
	int partial, merge, sort_given, bom;
	const char *row_option;  /* the last option given that shapes rows */
	/* While running. */
	char *const *names;      /* the inputs, to number them */
	int nnames;
	int refused;             /* a state was refused: other options, or it does not add up */
	struct ir_stats total;   /* the workers' states, folded */
};

void ir_stats_job_init(struct ir_stats_job *j);
/*
 * Takes the option of long name name ("by", "sum", "where", "format"...)
 * and its argument (NULL for none); a bad one is a usage error
 * (ir_usage_error with synopsis).
 */
void ir_stats_job_option(struct ir_stats_job *j, const char *name, const char *arg,
			 const char *synopsis);
/* Checks the options together: a usage error when they do not go together. */
void ir_stats_job_check(struct ir_stats_job *j, const char *synopsis);
/* Reads the n named inputs and writes the output; returns the exit status. */
int ir_stats_job_run(struct ir_stats_job *j, struct ir_common_opts *co, char *const *names,
		     int n);
void ir_stats_job_free(struct ir_stats_job *j);

#endif
