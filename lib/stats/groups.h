/* stats/groups.h - records added to groups, with their aggregates; states merged.
 *
 * A state (struct ir_stats) holds the groups of the records added to it.
 * States merge exactly: adding records to several states and merging
 * them gives what adding all records to one gives, in any order.  That
 * is what makes the result the same for any number of threads (each
 * thread has a state; they are merged at the end) and what --partial and
 * --merge rest on (stats/state.h).
 *
 * Grouping: each -g field gives the record's values of that field (see
 * json/path.h: arrays give their elements), each distinct value once; no
 * value, or null, is the group "(none)".  A record counts once in every
 * combination of its values (the cross product over the -g fields).
 * With a bucket, a value must be a date (stats/bucket.h) and groups by its
 * bucket; anything else is "(none)" and is reported.
 *
 * A group's key is the canonical JSON of its value for each -g field,
 * joined by '\n' (canonical JSON holds no raw line end); the spans of the
 * parts are kept beside it, so that comparing and showing keys never
 * splits them again.
 *
 * Aggregates take every value of their field (array elements included)
 * and skip null; the numeric ones report other non-numbers; their
 * arithmetic is exact (json/number.h) and medians keep every value.
 *
 * Ownership: a state borrows its configuration, which must outlive it;
 * it owns its groups.  ir_stats_merge empties its source.
 */
#ifndef IR_STATS_GROUPS_H
#define IR_STATS_GROUPS_H

#include <stddef.h>

#include "base/buf.h"
#include "base/span.h"
#include "base/strmap.h"
#include "json/number.h"
#include "json/scan.h"
#include "json/xsum.h"
#include "stats/conf.h"
#include "stats/incident.h"
#include "stats/list.h"
#include "stats/seen.h"

struct ir_state_check;

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
	struct ir_span *part;        /* per -g field: its value, in key */
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
	struct ir_stats_bad *gave_up;   /* per condition: its pattern ran out of work */
	struct ir_buf identity;  /* ir_stats_options_identity of the configuration */
	struct ir_seen seen;     /* the fields named that the records have */
	struct ir_listing list;  /* with --list: the rows, instead of groups */
	struct ir_inc_parts parts;   /* with --incidents: the notices waiting for their incident */
	struct ir_state_check *check; /* while states are read (stats/check.h) */
	struct ir_stats_scratch *s;
};

void ir_stats_init(struct ir_stats *st, const struct ir_stats_conf *c);
void ir_stats_free(struct ir_stats *st);

/*
 * Adds a record (o, scanned by ir_json_object) read at line line of
 * input number src (-1: unknown).  Returns 1 when it was counted (with
 * --incidents: taken as a notice), 0 when the record is left out (not
 * an incident, or a copy, without --all; or a condition does not hold).
 */
int ir_stats_add(struct ir_stats *st, const struct ir_jobj *o, long src, long line);

/* Moves everything of src into dst, which then holds both; src is left empty. */
void ir_stats_merge(struct ir_stats *dst, struct ir_stats *src);

/*
 * With --incidents, counts the incidents whose notices waited for all
 * input (call once all is read, before the rows).
 */
void ir_stats_finish(struct ir_stats *st);

/* Does a sum of aggregate field number field overflow in some group? */
int ir_stats_overflowed(const struct ir_stats *st, size_t field);

/* For the modules that read states and make rows. -------------------------- */

/* A new empty group (no key yet). */
struct ir_group *ir_group_new(const struct ir_stats_conf *c);
void ir_group_free(const struct ir_stats_conf *c, struct ir_group *g);
/* Sets the spans of g's parts from its key. */
void ir_group_parts(const struct ir_stats_conf *c, struct ir_group *g);
/* The group of key (len bytes), made when new. */
struct ir_group *ir_stats_group(struct ir_stats *st, const char *key, size_t len);
/* Puts g under key into st: as a new group, or merged into its own and freed. */
void ir_stats_absorb(struct ir_stats *st, struct ir_group *g, const char *key, size_t len);
/* The groups of st, in no order; the caller frees the array. */
struct ir_group **ir_stats_groups(const struct ir_stats *st, size_t *n);
/* Keeps x among the values of a median. */
void ir_numstat_keep(struct ir_numstat *ns, const struct ir_number *x);
/* Notes a bad value at src, line when it is the first so far. */
void ir_stats_mark_bad(struct ir_stats_bad *bad, long src, long line);

#endif
