/* stats/seen.h - the fields the records have, and the nearest to one they lack.
 *
 * A field named by -g, an aggregate, --list or --where that no record has is
 * almost always a typo (categroy) or a stage not run (category without
 * ir-classify), and its figures would quietly be "(none)" and empty.  So
 * each state notes, for every field named, whether a record read (an
 * incident that is not a copy, or any record with --all; conditions do
 * not matter) has it, null and empty arrays included; and, for the ones
 * never seen, the nearest name the records do have: keys and dotted
 * paths to nested keys, by edit distance (optimal string alignment, at
 * most 2, and less than half the name), ties to the shortest, then the
 * first in byte order.  A field of a stage (category: ir-classify) with
 * no such name, and whose first key no record has, is said to need that
 * stage.
 * Records are looked through only while some field is unseen, so the
 * check costs nothing once every field was met.
 *
 * The nearest name of a field is the same whichever way the records are
 * cut into states: while a field is unseen in a state, every record of
 * it was looked through.
 *
 * Ownership: ir_seen owns its names and copies; ir_seen_free frees them.
 */
#ifndef IR_STATS_SEEN_H
#define IR_STATS_SEEN_H

#include <stddef.h>

#include "base/buf.h"
#include "json/path.h"
#include "json/scan.h"
#include "json/write.h"
#include "stats/conf.h"

struct ir_seen_field {
	char *name;            /* the field's path: "published" for published:month */
	struct ir_jpath path;
	int seen;
	int prefix;            /* its first key was met (counts of counts.unit) */
	char *nearest;         /* while unseen: the nearest name met, or NULL */
	size_t dist;
};

struct ir_seen {
	struct ir_seen_field *f;
	size_t n, unseen;
	unsigned long long read; /* records looked at */
	struct ir_jvals vals;
	struct ir_buf name;
	struct ir_jobj *nested;  /* one scanned object per depth of the walk */
};

/* The fields named by c, each once. */
void ir_seen_init(struct ir_seen *s, const struct ir_stats_conf *c);
void ir_seen_free(struct ir_seen *s);
/* Notes a record read. */
void ir_seen_note(struct ir_seen *s, const struct ir_jobj *o);
/* Folds src into dst (both of the same configuration). */
void ir_seen_merge(struct ir_seen *dst, const struct ir_seen *src);

/* Writes the members "read" and "unseen" of a state header. */
void ir_seen_write(const struct ir_seen *s, struct ir_jw *w);
/* Reads them from a state header into s (added to it); -1 when they are bad. */
int ir_seen_read(struct ir_seen *s, const struct ir_jobj *header);

/*
 * Says, for each field no record read has, "no record has a field
 * 'categroy' (did you mean 'category'?)", or the stage that adds it;
 * nothing when no record was read.  Returns an exit status.
 */
int ir_seen_report(const struct ir_seen *s);

/* The edit distance of a and b (optimal string alignment), or max + 1 past max. */
size_t ir_seen_distance(const char *a, size_t an, const char *b, size_t bn, size_t max);

#endif
