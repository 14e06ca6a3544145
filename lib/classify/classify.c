#include <stdlib.h>
#include <string.h>

#include "base/bytescan.h"
#include "base/err.h"
#include "classify/classify.h"

enum {
	/* A rule's budget on a record: far more than any rule written to
	 * find words needs, and linear in the record's length. */
	WORK_BASE = 1 << 20,
	WORK_PER_BYTE = 64,
	GAVE_UP = PCRE2_ERROR_CALLOUT, /* what count_work makes pcre2_match return */
};

static int
count_work(pcre2_callout_block *cb, void *data)
{
	struct ir_work *w = data;
	size_t at = cb->current_position;

	if (cb->callout_flags & PCRE2_CALLOUT_STARTMATCH)
		w->at = cb->start_match;
	w->spent += 1 + (at > w->at ? at - w->at : w->at - at);
	w->at = at;
	return w->spent > w->budget ? GAVE_UP : 0;
}

void
ir_classifier_init(struct ir_classifier *c, const struct ir_ruleset *rs)
{
	size_t i, most = 0;

	memset(c, 0, sizeof *c);
	c->rs = rs;
	c->notice = (struct ir_notice)IR_NOTICE_INIT;
	c->units = (struct ir_units)IR_UNITS_INIT;
	for (i = 0; i < rs->nrules; i++) {
		c->used |= rs->rules[i].scope;
		if (rs->rules[i].ncond > most)
			most = rs->rules[i].ncond;
	}
	c->mctx = pcre2_match_context_copy(rs->mctx);
	if (c->mctx == NULL)
		ir_oom();
	pcre2_set_callout(c->mctx, count_work, &c->work);
	c->md = pcre2_match_data_create(16, NULL);
	c->seen = calloc(most + 1, sizeof *c->seen);
	c->score = calloc(rs->nlabels + 1, sizeof *c->score);
	c->candidate = calloc(rs->nrules + 1, 1);
	c->ev = calloc(rs->nrules + 1, sizeof *c->ev);
	c->gave_up = calloc(rs->nrules + 2, sizeof *c->gave_up);
	c->occ_first = calloc(rs->nids + 2, sizeof *c->occ_first);
	if (c->md == NULL || c->seen == NULL || c->score == NULL || c->candidate == NULL ||
	    c->ev == NULL || c->gave_up == NULL || c->occ_first == NULL)
		ir_oom();
}

/* Counts the first bytes of characters among the 16 at p. */
static unsigned
starts16(const char *p)
{
	ir_v16s b = ir_v16_bias(ir_v16_load(p));

	return 16 - ir_v16_count(IR_V16_ULT(b, 0xC0) & ~IR_V16_ULT(b, 0x80));
}

/*
 * Byte offset n characters before (dir < 0) or after off in text.  Going
 * forward is the lead's 1,500 characters in every notice: it counts the
 * characters sixteen bytes at a time while the place lies further on.
 */
static size_t
step_chars(const char *t, size_t len, size_t off, long n, int dir)
{
	unsigned long k = (unsigned long)n + 1; /* the place: the k-th start at or after off */
	unsigned c;

	if (n <= 0)
		return off;
	if (dir > 0) {
		for (; off + 16 <= len && (c = starts16(t + off)) < k; off += 16)
			k -= c;
		for (; off < len; off++)
			if (((unsigned char)t[off] & 0xC0) != 0x80 && --k == 0)
				return off;
		return len;
	}
	while (n-- > 0 && off > 0) {
		do
			off--;
		while (off > 0 && ((unsigned char)t[off] & 0xC0) == 0x80);
	}
	return off;
}

/* pcre2_match's answer as 1 (found), 0 (not) or -1 (a budget or limit spent). */
static int
found(int rc)
{
	if (rc >= 0)
		return 1;
	return rc == PCRE2_ERROR_NOMATCH ? 0 : -1; /* GAVE_UP, or a PCRE2 limit */
}

/* Looks for code from offset from up to to (the offsets are in c->md): see found(). */
static int
find(struct ir_classifier *c, const pcre2_code *code, size_t from, size_t to)
{
	return found(pcre2_match(code, (PCRE2_SPTR)c->norm.text.p, to, from, PCRE2_NO_UTF_CHECK,
				 c->md, c->mctx));
}

/* The first of id's words that stands at or after off: an index into c->occ. */
static size_t
occ_from(const struct ir_classifier *c, size_t id, size_t off)
{
	size_t lo = c->occ_first[id], hi = c->occ_first[id + 1];

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (c->occ[mid] < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Tries anchored code at offset at only, up to to: see found(). */
static int
find_at(struct ir_classifier *c, const pcre2_code *code, size_t at, size_t to)
{
	return found(pcre2_match(code, (PCRE2_SPTR)c->norm.text.p, to, at, PCRE2_NO_UTF_CHECK, c->md,
				 c->mctx));
}

/*
 * The next match of a pattern from offset from up to to: tried only where
 * its words (id's) stand when it starts with words, else looked for
 * anywhere.  See found().
 */
static int
next_match(struct ir_classifier *c, const pcre2_code *code, const pcre2_code *at, size_t id,
	   size_t from, size_t to)
{
	size_t i, end;
	int rc;

	if (at == NULL)
		return find(c, code, from, to);
	end = c->occ_first[id + 1];
	for (i = occ_from(c, id, from); i < end && c->occ[i] < to; i++) {
		if (c->occ[i] < from) /* another word at the place just tried */
			continue;
		if ((rc = find_at(c, at, c->occ[i], to)) != 0)
			return rc;
		from = c->occ[i] + 1;
	}
	return 0;
}

/* Starts counting the work of one rule (or lead-end) on the record. */
static void
budget(struct ir_classifier *c)
{
	c->work.spent = 0;
	c->work.budget = WORK_BASE + WORK_PER_BYTE * (unsigned long)c->norm.text.len;
}

static void
give_up(struct ir_classifier *c, size_t rule)
{
	c->gave_up[c->ngave_up++] = rule;
}

/* The lead: up to the first body line that matches lead-end, or lead-chars into the body. */
static void
find_lead(struct ir_classifier *c)
{
	const struct ir_ruleset *rs = c->rs;
	const char *t = c->norm.text.p;
	size_t n = c->norm.text.len, i = c->notice.body_off;
	int rc = 0;

	c->lead_end = step_chars(t, n, i, rs->lead_chars, 1);
	if (rs->lead_end_code == NULL || !(c->used & IR_SCOPE_BIT(IR_SCOPE_LEAD)))
		return;
	budget(c);
	while (i < c->lead_end && rc == 0) {
		const char *e = memchr(t + i, '\n', n - i);
		size_t end = e ? (size_t)(e - t) : n;

		/* The line is the whole subject: ^ is its start. */
		rc = found(pcre2_match(rs->lead_end_code, (PCRE2_SPTR)(t + i), end - i, 0,
				       PCRE2_NO_UTF_CHECK, c->md, c->mctx));
		if (rc == 1)
			c->lead_end = i;
		i = end + 1;
	}
	if (rc < 0)
		give_up(c, rs->nrules);
}

static int
by_offset(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return (x > y) - (x < y);
}

/*
 * Cuts the text into zones at every place where a scope begins or ends:
 * the title's ends, the lead's end and every section's ends.
 */
static void
find_zones(struct ir_classifier *c)
{
	const struct ir_notice *nt = &c->notice;
	size_t n = c->norm.text.len, np = 0, i, hint = 0;
	size_t *cut = ir_xrealloc(NULL, (2 * nt->n + 5) * sizeof *cut);

	cut[np++] = 0;
	cut[np++] = nt->title_off;
	cut[np++] = nt->title_off + nt->title_len;
	cut[np++] = c->lead_end;
	for (i = 0; i < nt->n; i++) {
		cut[np++] = nt->s[i].off;
		cut[np++] = nt->s[i].off + nt->s[i].len;
	}
	cut[np++] = n;
	qsort(cut, np, sizeof *cut, by_offset);
	c->nzone = 0;
	for (i = 0; i + 1 < np; i++) {
		const struct ir_section *sec;
		struct ir_zone *z;

		if (cut[i] == cut[i + 1])
			continue;
		if (c->nzone == c->capzone) {
			c->capzone = c->capzone ? 2 * c->capzone : 16;
			c->zone = ir_xrealloc(c->zone, c->capzone * sizeof *c->zone);
		}
		z = &c->zone[c->nzone++];
		z->off = cut[i];
		z->end = cut[i + 1];
		z->scope = IR_SCOPE_BIT(IR_SCOPE_BODY);
		if (z->off >= nt->title_off && z->end <= nt->title_off + nt->title_len)
			z->scope |= IR_SCOPE_BIT(IR_SCOPE_TITLE);
		if (z->end <= c->lead_end)
			z->scope |= IR_SCOPE_BIT(IR_SCOPE_LEAD);
		if ((sec = ir_notice_at(nt, z->off, &hint)) != NULL)
			z->scope |= IR_SCOPE_BIT(IR_SCOPE_PART + sec->part);
	}
	free(cut);
}

/*
 * The next stretch of the text, from zone *zi on, where scope holds:
 * [*from, *to), and *zi past it; 0 when there is none.
 */
static int
next_span(const struct ir_classifier *c, unsigned scope, size_t *zi, size_t *from, size_t *to)
{
	size_t i = *zi;

	while (i < c->nzone && !(c->zone[i].scope & scope))
		i++;
	if (i == c->nzone)
		return 0;
	*from = c->zone[i].off;
	while (i < c->nzone && (c->zone[i].scope & scope))
		i++;
	*to = c->zone[i - 1].end;
	*zi = i;
	return 1;
}

struct marking {
	struct ir_classifier *c;
	size_t base, zi; /* the span's offset in the text; the zone of the last word */
};

/* Keeps where a word stands; a rule's word in the rule's scope makes it a candidate. */
static int
mark(size_t off, size_t len, int id, void *ctx)
{
	struct marking *m = ctx;
	struct ir_classifier *c = m->c;
	const struct ir_zone *z;

	off += m->base;
	if (c->nhit == c->caphit) {
		c->caphit = c->caphit ? 2 * c->caphit : 256;
		c->hit = ir_xrealloc(c->hit, c->caphit * sizeof *c->hit);
	}
	c->hit[c->nhit].off = off;
	c->hit[c->nhit++].id = (size_t)id;
	if ((size_t)id >= c->rs->nrules || c->candidate[id])
		return 0;
	while (c->zone[m->zi].end <= off) /* words come in text order */
		m->zi++;
	/* The word lies in the rule's scope from one zone's start to another's end. */
	for (z = &c->zone[m->zi]; z < c->zone + c->nzone && (z->scope & c->rs->rules[id].scope); z++)
		if (z->end >= off + len) {
			c->candidate[id] = 1;
			break;
		}
	return 0;
}

/*
 * Finds the words of the rule set where some rule looks: marks the rules
 * whose words occur in their scopes, and keeps where each id's words
 * stand, grouped by id (a counting sort keeps each group in text order).
 */
static void
prefilter(struct ir_classifier *c)
{
	struct marking m = {c, 0, 0};
	size_t zi = 0, from, to, i, nids = c->rs->nids;

	c->nhit = 0;
	while (next_span(c, c->used, &zi, &from, &to)) {
		m.base = from;
		ir_lexicon_each(&c->rs->lexicon, c->norm.text.p + from, to - from, mark, &m);
	}
	c->occ = ir_xrealloc(c->occ, (c->nhit + 1) * sizeof *c->occ);
	memset(c->occ_first, 0, (nids + 1) * sizeof *c->occ_first);
	for (i = 0; i < c->nhit; i++)
		c->occ_first[c->hit[i].id + 1]++;
	for (i = 0; i < nids; i++)
		c->occ_first[i + 1] += c->occ_first[i];
	for (i = 0; i < c->nhit; i++) /* occ_first[id] runs ahead, then is put back */
		c->occ[c->occ_first[c->hit[i].id]++] = c->hit[i].off;
	for (i = nids; i > 0; i--)
		c->occ_first[i] = c->occ_first[i - 1];
	c->occ_first[0] = 0;
}

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
		*from = step_chars(c->norm.text.p, c->norm.text.len, s, k->within, -1);
		*to = step_chars(c->norm.text.p, c->norm.text.len, e, k->within, 1);
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

	while ((rc = next_match(c, k->code, k->anchored ? k->at : NULL, k->id, from, to)) == 1) {
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->md);

		seen->off = ov[0];
		seen->end = ov[1];
		if (!k->required || stated(c, r, ov[0], ov[1]))
			return 1;
		from = ov[1] > ov[0] ? ov[1] : step_chars(c->norm.text.p, to, ov[1], 1, 1);
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
 * clauses costs more than looking.  1, 0, or -1 when the budget is spent.
 */
static int
could_hold(struct ir_classifier *c, const struct ir_rule *r, size_t s, size_t lo, size_t hi)
{
	const struct ir_unit *u = ir_unit_at(&c->units, s);
	size_t k, id = (size_t)(u - c->units.unit) + 1;

	for (k = 0; k < r->ncond; k++) {
		const struct ir_cond *cond = &r->cond[k];
		struct ir_cond_seen *seen = &c->seen[k];
		size_t from = u->off > lo ? u->off : lo, to = u->end < hi ? u->end : hi;

		if (!cond->required || cond->reach == IR_REACH_CHARS)
			continue;
		if (seen->unit != id) {
			seen->unit = id;
			seen->in_unit = next_match(c, cond->code, cond->anchored ? cond->at : NULL, cond->id,
						    from, to);
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
static int
run_span(struct ir_classifier *c, const struct ir_rule *r, size_t lo, size_t hi,
	 struct ir_evidence *ev)
{
	size_t k, from = lo;
	int rc;

	/* What was found in a clause, sentence or unit held in this span only. */
	for (k = 0; k < r->ncond; k++)
		c->seen[k].span = c->seen[k].unit = 0;
	while ((rc = next_match(c, r->code, r->anchored ? r->at : NULL,
					(size_t)(r - c->rs->rules), from, hi)) == 1) {
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
			from = step_chars(c->norm.text.p, hi, e, 1, 1);
		else
			return 0;
	}
	return rc;
}

/* Runs rule i over each stretch of its scope: its first match that counts is its evidence. */
static void
run(struct ir_classifier *c, size_t i)
{
	const struct ir_rule *r = &c->rs->rules[i];
	struct ir_evidence *ev = &c->ev[c->nev];
	size_t zi = 0, from, to;
	int rc = 0;

	budget(c);
	while (rc == 0 && next_span(c, r->scope, &zi, &from, &to))
		rc = run_span(c, r, from, to, ev);
	if (rc < 0) {
		give_up(c, i);
	} else if (rc > 0) {
		ev->rule = i;
		c->nev++;
		c->score[r->label] += r->weight;
	}
}

int
ir_classify_fits(const struct ir_classifier *c, size_t label)
{
	const struct ir_label *l = &c->rs->labels[label];

	return c->score[label] > 0 && c->score[label] >= (l->min_score ? l->min_score : c->rs->min_score);
}

void
ir_classify(struct ir_classifier *c, const char *text, size_t len)
{
	const struct ir_ruleset *rs = c->rs;
	size_t i;

	ir_norm(&c->norm, text, len);
	ir_notice_read(&c->notice, c->norm.text.p, c->norm.text.len);
	ir_units_reset(&c->units, c->norm.text.p, c->norm.text.len, c->notice.body_off);
	c->nev = c->ngave_up = 0;
	find_lead(c);
	find_zones(c);
	memset(c->score, 0, rs->nlabels * sizeof *c->score);
	for (i = 0; i < rs->nrules; i++)
		c->candidate[i] = !rs->rules[i].anchored;
	if (rs->nwords > 0)
		prefilter(c);
	for (i = 0; i < rs->nrules; i++)
		if (c->candidate[i])
			run(c, i);
	c->category = -1;
	for (i = 0; i < rs->nlabels && c->category < 0; i++)
		if (ir_classify_fits(c, i))
			c->category = (long)i;
}

void
ir_classifier_free(struct ir_classifier *c)
{
	ir_norm_free(&c->norm);
	ir_notice_free(&c->notice);
	ir_units_free(&c->units);
	free(c->zone);
	free(c->seen);
	free(c->hit);
	free(c->occ);
	free(c->occ_first);
	pcre2_match_data_free(c->md);
	pcre2_match_context_free(c->mctx);
	free(c->score);
	free(c->candidate);
	free(c->ev);
	free(c->gave_up);
	memset(c, 0, sizeof *c);
}

void
ir_classify_prepare(void)
{
	ir_norm_prepare();
	ir_notice_prepare();
}
