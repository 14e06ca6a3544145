/* stats/check.h - a state read by --merge is one that a run could have written.
 *
 * A state is the text of a computation, so a line that does not add up
 * (a group counted more often than its state has records, a negative
 * count, a minimum above the maximum, a sum its numbers cannot make, a
 * key that is no bucket of its -g field, a group twice) means the file
 * was cut, mixed or edited: merging it would print wrong figures.  The
 * checks name the first such line, and --merge refuses the input.
 *
 * A state runs from its header to the next header or the end of the
 * input; once it ends, its groups must hold all its records (every
 * record is in at least one group; without -g, in the one group).
 */
#ifndef IR_STATS_CHECK_H
#define IR_STATS_CHECK_H

#include "base/strmap.h"
#include "stats/conf.h"
#include "stats/groups.h"

struct ir_state_check {
	int open;                   /* a header was read */
	const char *source;         /* where the header of the state being read is */
	long line;
	unsigned long long records; /* its header's records */
	unsigned long long counted; /* the counts of its groups, added */
	size_t groups;
	struct ir_strmap keys;      /* its groups' keys */
};

void ir_check_init(struct ir_state_check *k);
void ir_check_free(struct ir_state_check *k);

/*
 * A header at source:line begins a state of records records.  Returns
 * NULL, or what is wrong with the state before, which k->source and
 * k->line then still name.
 */
const char *ir_check_header(struct ir_state_check *k, const struct ir_stats_conf *c,
			    const char *source, long line, unsigned long long records);
/* The end of the input: what is wrong with the last state, or NULL. */
const char *ir_check_end(struct ir_state_check *k, const struct ir_stats_conf *c);
/* A group line of the state being read: NULL, or what is wrong with it. */
const char *ir_check_group(struct ir_state_check *k, const struct ir_stats_conf *c,
			   const struct ir_group *g);
/* The numbers of a field of a group line (need: IR_NEED_*): NULL, or what is wrong. */
const char *ir_check_numstat(const struct ir_numstat *ns, unsigned need);

#endif
