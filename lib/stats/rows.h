/* stats/rows.h - the groups of a state as rows: filled, ordered, cut, tabled.
 *
 * A view (struct ir_stats_view) says how the groups become rows: empty
 * date buckets added (--fill), the order (by count or by key), how many
 * rows (--top), and whether shares with their Wilson intervals are shown.
 * The rows then make a table (stats/table.h) that any format can write.
 */
#ifndef IR_STATS_ROWS_H
#define IR_STATS_ROWS_H

#include <stddef.h>

#include "base/buf.h"
#include "stats/groups.h"
#include "stats/table.h"

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

/*
 * The groups in output order, --top applied (without -g, the one group
 * of all records, made when there were none); the caller frees the array.
 */
struct ir_group **ir_stats_rows(struct ir_stats *st, const struct ir_stats_view *v, size_t *n);

/* The output table of those rows. */
void ir_stats_table(struct ir_stats *st, const struct ir_stats_view *v, struct ir_group **rows,
		    size_t n, struct ir_table *t);

/* The 95% Wilson score interval of k successes in n trials (z = 1.959964). */
void ir_wilson(unsigned long long k, unsigned long long n, double *lo, double *hi);

#endif
