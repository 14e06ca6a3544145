#include "classify/evidence.h"
#include "classify/scope.h"
#include "classify/words.h"

static enum ir_mood
mood_at(struct ir_classifier *c, size_t off)
{
	const struct ir_unit *u = ir_unit_clauses(&c->units, off);

	return ir_mood_at(&u->cl, off - u->off, NULL);
}

/* Does the text at [s, e) stand in clauses of the rule's moods (a fact, unless it says)? */
static int
stated(struct ir_classifier *c, const struct ir_rule *r, size_t s, size_t e)
{
	return (r->moods & 1u << mood_at(c, s)) && (e <= s + 1 || (r->moods & 1u << mood_at(c, e - 1)));
}

/*
 * Where an indented line looks for its pattern around the match [s, e):
 * [*from, *to), and where its clause or sentence starts + 1 (0 for a
 * window of characters).
 */
static size_t
reach_of(struct ir_classifier *c, const struct ir_cond *k, size_t s, size_t e, size_t *from,
	 size_t *to)
{
	const struct ir_unit *u;
	const struct ir_clause *cl;
	const struct ir_span *sent;

	if (k->reach == IR_REACH_CHARS) {
		*from = ir_step_chars(c->norm.text.p, c->norm.text.len, s, k->within, -1);
		*to = ir_step_chars(c->norm.text.p, c->norm.text.len, e, k->within, 1);
		return 0;
	}
	u = ir_unit_clauses(&c->units, s);
	if ((cl = ir_clause_at(&u->cl, s - u->off, NULL)) == NULL) {
		*from = *to = s; /* no clause: nothing to find */
		return 0;
	}
	if (k->reach == IR_REACH_CLAUSE) {
		*from = u->off + cl->off;
		*to = *from + cl->len;
		return *from + 1;
	}
	sent = &u->cl.sent[cl->sentence];
	*from = u->off + sent->off;
	*to = *from + sent->len;
	return *from + 1;
}

/*
 * Looks for an indented line's pattern in [from, to): for "and", a match
 * that is stated, its place in *seen.  1, 0, or -1 when the budget is spent.
 */
static int
look(struct ir_classifier *c, const struct ir_rule *r, const struct ir_cond *k, size_t from,
     size_t to, struct ir_cond_seen *seen)
{
	int rc;

	while ((rc = ir_words_next(c, k->code, k->anchored ? k->at : NULL, k->id, from, to)) == 1) {
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->md);

		seen->off = ov[0];
		seen->end = ov[1];
		if (!k->required || stated(c, r, ov[0], ov[1]))
			return 1;
		from = ov[1] > ov[0] ? ov[1] : ir_step_chars(c->norm.text.p, to, ov[1], 1, 1);
		if (from >= to)
			return 0;
	}
	return rc;
}

/*
 * Do the rule's indented lines let its match [s, e) in the span [lo, hi)
 * count?  Widens [*es, *ee) over what its "and" lines found.  1, 0, or -1
 * when the budget is spent.
 */
static int
conditions_hold(struct ir_classifier *c, const struct ir_rule *r, size_t s, size_t e, size_t lo,
		size_t hi, size_t *es, size_t *ee)
{
	size_t k;

	for (k = 0; k < r->ncond; k++) {
		const struct ir_cond *cond = &r->cond[k];
		struct ir_cond_seen *seen = &c->seen[k];
		size_t from, to, span = reach_of(c, cond, s, e, &from, &to);

		if (cond->required) { /* what is required lies in the rule's scope too */
			from = from > lo ? from : lo;
			to = to < hi ? to : hi;
		}
		/* A clause or sentence looked at before gives the same answer. */
		if (span == 0 || span != seen->span) {
			seen->span = span;
			if ((seen->found = look(c, r, cond, from, to, seen)) < 0)
				return -1;
		}
		if (seen->found != cond->required)
			return 0;
		if (cond->required) {
			*es = seen->off < *es ? seen->off : *es;
			*ee = seen->end > *ee ? seen->end : *ee;
		}
	}
	return 1;
}

/*
 * Can the "and" lines of a match at s in [lo, hi) hold at all: does each
 * clause or sentence pattern occur in the unit that holds s?  Reading the
 * clauses costs more than looking, and the unit is found only for a rule
 * that has such lines.  1, 0, or -1 when the budget is spent.
 */
static int
could_hold(struct ir_classifier *c, const struct ir_rule *r, size_t s, size_t lo, size_t hi)
{
	const struct ir_unit *u = NULL;
	size_t k, id = 0, from = 0, to = 0;

	for (k = 0; k < r->ncond; k++) {
		const struct ir_cond *cond = &r->cond[k];
		struct ir_cond_seen *seen = &c->seen[k];

		if (!cond->required || cond->reach == IR_REACH_CHARS)
			continue;
		if (u == NULL) {
			u = ir_unit_at(&c->units, s);
			id = (size_t)(u - c->units.unit) + 1;
			from = u->off > lo ? u->off : lo;
			to = u->end < hi ? u->end : hi;
		}
		if (seen->unit != id) {
			seen->unit = id;
			seen->in_unit = ir_words_next(c, cond->code, cond->anchored ? cond->at : NULL,
						      cond->id, from, to);
		}
		if (seen->in_unit <= 0)
			return seen->in_unit;
	}
	return 1;
}

/*
 * Looks for rule i's first match in its scope's span [lo, hi) that is
 * stated and that its indented lines let count: 1 and the evidence at
 * *ev, 0, or -1.
 */
int
ir_evidence_in(struct ir_classifier *c, const struct ir_rule *r, size_t lo, size_t hi,
	       struct ir_evidence *ev)
{
	size_t k, from = lo;
	int rc;

	/* What was found in a clause, sentence or unit held in this span only. */
	for (k = 0; k < r->ncond; k++)
		c->seen[k].span = c->seen[k].unit = 0;
	while ((rc = ir_words_next(c, r->code, r->anchored ? r->at : NULL, (size_t)(r - c->rs->rules),
				   from, hi)) == 1) {
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->md);
		size_t s = ov[0], e = ov[1], es = s, ee = e; /* the next match reuses c->md */

		if ((rc = could_hold(c, r, s, lo, hi)) < 0)
			return rc;
		if (rc > 0 && stated(c, r, s, e) &&
		    (rc = conditions_hold(c, r, s, e, lo, hi, &es, &ee)) != 0) {
			ev->off = es;
			ev->len = ee - es;
			return rc;
		}
		if (e > s)
			from = e;
		else if (e < hi)
			from = ir_step_chars(c->norm.text.p, hi, e, 1, 1);
		else
			return 0;
	}
	return rc;
}
