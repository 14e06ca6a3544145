/* stats/stats.h - ir-stats: groups, aggregates, their mergeable state, and rows.
 *
 * A configuration (struct ir_stats_conf) says what to group by (-g
 * FIELD[:BUCKET]...) and what to compute per group (count always; sum,
 * min, max, mean, median of numeric fields; the number of distinct
 * values of a field).  A state (struct ir_stats) holds the groups of the
 * records added to it.  States merge exactly: adding records to several
 * states and merging them gives what adding all records to one gives, in
 * any order.  That is what makes the result the same for any number of
 * threads (each thread has a state; they are merged at the end) and what
 * --partial and --merge rest on: ir_stats_write_state writes a state as
 * NDJSON, ir_stats_read_state reads such lines back into a state.
 *
 * Grouping: each -g field gives the record's values of that field (see
 * json/path.h: arrays give their elements), each distinct value once; no
 * value, or null, is the group "(none)".  A record counts once in every
 * combination of its values (the cross product over the -g fields).
 * With a bucket, a value must be a date (stats/bucket.h) and groups by its
 * bucket; anything else is "(none)" and is reported.
 *
 * Aggregates take every value of their field (array elements included)
 * and skip null; the numeric ones report other non-numbers; their
 * arithmetic is exact (json/number.h) and medians keep every value.
 *
 * Ownership: a state borrows its configuration, which must outlive it;
 * it owns its groups.  ir_stats_merge empties its source.
 */
#ifndef IR_STATS_STATS_H
#define IR_STATS_STATS_H

#include <stddef.h>

#include "base/buf.h"
#include "base/out.h"
#include "base/strmap.h"
#include "json/number.h"
#include "json/path.h"
#include "json/scan.h"
#include "stats/bucket.h"
#include "stats/table.h"

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
	int all; /* every record, not only incidents that are not copies */
};

#define IR_STATS_CONF_INIT {NULL, 0, NULL, 0, NULL, 0, 0}

/* Adds a -g field; -1 with a message in err when spec is not one. */
int ir_stats_conf_by(struct ir_stats_conf *c, const char *spec, struct ir_buf *err);
/* Adds an aggregate; -1 with a message in err. */
int ir_stats_conf_agg(struct ir_stats_conf *c, enum ir_agg a, const char *spec,
		      struct ir_buf *err);
/*
 * The -g field --fill works on: its index, or -1 with a message in err
 * (no date bucket, or more than one).
 */
long ir_stats_conf_fill_field(const struct ir_stats_conf *c, struct ir_buf *err);
/* The options as given on a command line: "-g category --sum affected". */
void ir_stats_conf_describe(const struct ir_stats_conf *c, struct ir_buf *b);
void ir_stats_conf_free(struct ir_stats_conf *c);

struct ir_numstat {
	unsigned long long n; /* numeric values seen */
	struct ir_xsum sum;
	struct ir_number min, max;
	struct ir_number *v; /* every value, for the median */
	size_t nv, cap;
};

struct ir_group {
	const char *key; /* the canonical values joined by '\n' (the map's copy) */
	size_t keylen;
	unsigned long long count;
	struct ir_numstat *num;      /* per field of conf->fields */
	struct ir_strmap *distinct;  /* per field of conf->fields */
};

/* Where a bad value was first seen: input number and line (0: never). */
struct ir_stats_bad {
	long src, line;
};

struct ir_stats {
	const struct ir_stats_conf *c;
	struct ir_strmap groups; /* key -> struct ir_group */
	unsigned long long records;
	unsigned long headers;   /* state headers read */
	struct ir_stats_bad *bad_by;    /* per -g field: not a date */
	struct ir_stats_bad *bad_field; /* per aggregate field: not a number, not a date */
	struct ir_stats_scratch *s;
};

void ir_stats_init(struct ir_stats *st, const struct ir_stats_conf *c);
void ir_stats_free(struct ir_stats *st);

/*
 * Adds a record (o, scanned by ir_json_object) read at line line of
 * input number src.  Returns 1 when it was counted, 0 when the record
 * is left out (not an incident, or a copy, without --all).
 */
int ir_stats_add(struct ir_stats *st, const struct ir_jobj *o, long src, long line);

/* Moves everything of src into dst, which then holds both; src is left empty. */
void ir_stats_merge(struct ir_stats *dst, struct ir_stats *src);

/*
 * Writes the state as NDJSON: a header line, then one line per group in
 * the order of their keys.  See ir-stats(1), PARTIAL STATE.
 */
void ir_stats_write_state(struct ir_stats *st, struct ir_buf *b, struct ir_out *out);

enum { IR_STATE_OK = 0, IR_STATE_BAD = -1, IR_STATE_OTHER = -2 };
/*
 * Reads one line of a state into st.  IR_STATE_BAD: not a line of a
 * state (*why says what is wrong); IR_STATE_OTHER: the header of a state
 * made with other options, which msg describes.
 */
int ir_stats_read_state(struct ir_stats *st, const struct ir_jobj *o, const char **why,
			struct ir_buf *msg);

struct ir_stats_view {
	int share;        /* add share, share_low, share_high */
	int sort_key;     /* by key, not by count */
	int fill;         /* empty buckets: fill_field is set */
	size_t fill_field;
	long top;         /* 0: all rows */
};

/* How many empty buckets --fill adds at most. */
#define IR_STATS_FILL_MAX 1000000L

/*
 * Adds the empty buckets of --fill to st.  -1 with a message in err when
 * there would be more than IR_STATS_FILL_MAX.
 */
int ir_stats_fill(struct ir_stats *st, size_t field, struct ir_buf *err);

/* The groups in output order, --top applied; the caller frees the array. */
struct ir_group **ir_stats_rows(struct ir_stats *st, const struct ir_stats_view *v, size_t *n);

/* The output table of those rows. */
void ir_stats_table(struct ir_stats *st, const struct ir_stats_view *v, struct ir_group **rows,
		    size_t n, struct ir_table *t);

/* The 95% Wilson score interval of k successes in n trials (z = 1.959964). */
void ir_wilson(unsigned long long k, unsigned long long n, double *lo, double *hi);

#endif
