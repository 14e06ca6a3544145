/* stats/conf.h - what ir-stats is asked for: the -g fields and the aggregates.
 *
 * A configuration (struct ir_stats_conf) says which records to take
 * (--where, --since, --until: stats/where.h), what to group them by (-g
 * FIELD[:BUCKET]...) and what to compute per group (count always; sum,
 * min, max, mean, median of numeric fields; the number of distinct
 * values of a field).  Two states can be merged only when they were made
 * with the same configuration: its identity is a canonical JSON text
 * (ir_stats_conf_identity), the same for the same options in any order
 * of the aggregates.
 *
 * Ownership: the configuration owns its fields; ir_stats_conf_free frees
 * them.
 */
#ifndef IR_STATS_CONF_H
#define IR_STATS_CONF_H

#include <stddef.h>

#include "base/buf.h"
#include "json/path.h"
#include "stats/bucket.h"
#include "stats/where.h"

enum ir_agg { IR_AGG_SUM, IR_AGG_MIN, IR_AGG_MAX, IR_AGG_MEAN, IR_AGG_MEDIAN, IR_AGG_DISTINCT };
#define IR_NAGG 6

/* "sum", "min", "max", "mean", "median", "distinct" */
extern const char *const ir_agg_name[IR_NAGG];

/* What a field's state keeps. */
enum { IR_NEED_NUM = 1, IR_NEED_VALUES = 2, IR_NEED_DISTINCT = 4 };

struct ir_field {
	char *spec;            /* as given: "published:month" */
	char *name;            /* the path: "published" */
	struct ir_jpath path;
	enum ir_bucket bucket;
	unsigned need;         /* IR_NEED_*, for aggregate fields */
};

struct ir_stats_agg {
	enum ir_agg agg;
	size_t field; /* in fields[] */
};

struct ir_stats_conf {
	struct ir_field *by;
	size_t nby;
	struct ir_field *fields; /* the aggregates' fields, each spec once */
	size_t nfields;
	struct ir_stats_agg *aggs; /* in the order given */
	size_t naggs;
	struct ir_where *where;    /* all must hold */
	size_t nwhere;
	struct ir_field *list;     /* --list: records out, not groups */
	size_t nlist;
	int all;       /* every record, not only incidents that are not copies */
	int incidents; /* count incidents, not notices (stats/incident.h) */
};

#define IR_STATS_CONF_INIT {NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, 0, 0}

/* Adds a -g field; -1 with a message in err when spec is not one. */
int ir_stats_conf_by(struct ir_stats_conf *c, const char *spec, struct ir_buf *err);
/* Adds an aggregate; -1 with a message in err. */
int ir_stats_conf_agg(struct ir_stats_conf *c, enum ir_agg a, const char *spec,
		      struct ir_buf *err);
/*
 * Adds a condition: opt is "--where" (arg an expression), "--since" or
 * "--until" (arg a date); -1 with a message in err.
 */
int ir_stats_conf_where(struct ir_stats_conf *c, const char *opt, const char *arg,
			struct ir_buf *err);
/* Adds the fields of --list FIELD,FIELD,...; -1 with a message in err. */
int ir_stats_conf_list(struct ir_stats_conf *c, const char *arg, struct ir_buf *err);
/*
 * The -g field --fill works on: its index, or -1 with a message in err
 * (no date bucket, or more than one).
 */
long ir_stats_conf_fill_field(const struct ir_stats_conf *c, struct ir_buf *err);
/* The options as given on a command line: "-g category --sum affected". */
void ir_stats_conf_describe(const struct ir_stats_conf *c, struct ir_buf *b);
void ir_stats_conf_free(struct ir_stats_conf *c);

/*
 * The options of a configuration, or of a state header, as lists: the -g
 * specs in order, and each aggregate's specs sorted.
 */
struct ir_stats_options {
	char **by;
	size_t nby;
	char **agg[IR_NAGG];
	size_t nagg[IR_NAGG];
	char **where;          /* the expressions, sorted */
	size_t nwhere;
	int all, incidents;
};

/* The options of c; the lists borrow c's strings. */
void ir_stats_conf_options(const struct ir_stats_conf *c, struct ir_stats_options *o);
/* Sorts each aggregate's list and the conditions, as ir_stats_conf_options gives them. */
void ir_stats_options_sort(struct ir_stats_options *o);
/* Appends the canonical JSON identity of o: equal texts, equal options. */
void ir_stats_options_identity(const struct ir_stats_options *o, struct ir_buf *b);
/* Appends o as a command line would give it ("no -g and no aggregate" if empty). */
void ir_stats_options_describe(const struct ir_stats_options *o, struct ir_buf *b);
/* Frees the lists, and their strings when owned. */
void ir_stats_options_free(struct ir_stats_options *o, int owned);

#endif
