#include "classify/work.h"

enum {
	/* A rule's budget on a record: far more than any rule written to
	 * find words needs, and linear in the record's length. */
	WORK_BASE = 1 << 20,
	WORK_PER_BYTE = 64,
	GAVE_UP = PCRE2_ERROR_CALLOUT, /* what ir_work_count makes pcre2_match return */
};

int
ir_work_count(pcre2_callout_block *cb, void *data)
{
	struct ir_work *w = data;
	size_t at = cb->current_position;

	if (cb->callout_flags & PCRE2_CALLOUT_STARTMATCH)
		w->at = cb->start_match;
	w->spent += 1 + (at > w->at ? at - w->at : w->at - at);
	w->at = at;
	return w->spent > w->budget ? GAVE_UP : 0;
}

/* pcre2_match's answer as 1 (found), 0 (not) or -1 (a budget or limit spent). */
int
ir_work_found(int rc)
{
	if (rc >= 0)
		return 1;
	return rc == PCRE2_ERROR_NOMATCH ? 0 : -1; /* GAVE_UP, or a PCRE2 limit */
}

/* Starts counting the work of one rule (or lead-end) on the record. */
void
ir_work_start(struct ir_classifier *c)
{
	c->work.spent = 0;
	c->work.budget = WORK_BASE + WORK_PER_BYTE * (unsigned long)c->norm.text.len;
}

void
ir_work_give_up(struct ir_classifier *c, size_t rule)
{
	c->gave_up[c->ngave_up++] = rule;
}
