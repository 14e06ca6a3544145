/* classify/work.h - a rule's work on a record: counted at every call back of PCRE2, and bounded.
 *
 * The budget of a rule (or of the lead-end pattern) on a record is
 * linear in the record's length (classify/classify.h says how it is
 * counted); a match that spends it, or that reaches a limit of PCRE2's,
 * counts as no match, and the rule is noted as having given up.
 */
#ifndef IR_CLASSIFY_WORK_H
#define IR_CLASSIFY_WORK_H

#include "classify/classify.h"

/* The call back set on each classifier's match context; data is its struct ir_work. */
int ir_work_count(pcre2_callout_block *cb, void *data);

/* Starts counting the work of one rule (or lead-end) on the record. */
void ir_work_start(struct ir_classifier *c);

/* pcre2_match's answer as 1 (found), 0 (not) or -1 (a budget or limit spent). */
int ir_work_found(int rc);

/* Notes that rule (nrules: lead-end) gave up on the record. */
void ir_work_give_up(struct ir_classifier *c, size_t rule);

#endif
