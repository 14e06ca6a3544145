/* classify/evidence.h - whether a rule's match counts: stated in its clause, its "and" and "unless" lines holding around it.
 *
 * A match counts when the clause at its start (and at its end) has one of
 * the rule's moods (a fact, unless it says), each "and" line's pattern is
 * found, stated too, in the same clause, sentence or window of
 * characters, and no "unless" line's pattern is found there.  The
 * sentences and clauses around a match are read on first need
 * (ja/sentence.h).
 */
#ifndef IR_CLASSIFY_EVIDENCE_H
#define IR_CLASSIFY_EVIDENCE_H

#include <stddef.h>

#include "classify/classify.h"

/*
 * Looks for rule r's first match in the span [lo, hi) of its scope that
 * counts: 1 and its evidence at *ev, 0, or -1 when the budget is spent.
 */
int ir_evidence_in(struct ir_classifier *c, const struct ir_rule *r, size_t lo, size_t hi,
		   struct ir_evidence *ev);

#endif
