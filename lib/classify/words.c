#include <string.h>

#include "classify/scope.h"
#include "classify/words.h"
#include "classify/work.h"

/*
 * Looks for code from offset from up to to (the offsets are in c->md):
 * see ir_work_found().  Code compiled anchored is tried at from only.
 */
static int
find(struct ir_classifier *c, const pcre2_code *code, size_t from, size_t to)
{
	return ir_work_found(pcre2_match(code, (PCRE2_SPTR)c->norm.text.p, to, from,
					 PCRE2_NO_UTF_CHECK, c->md, c->mctx));
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

/*
 * The next match of a pattern from offset from up to to: tried only where
 * its words (id's) stand when it starts with words, else looked for
 * anywhere.  See ir_work_found().
 */
int
ir_words_next(struct ir_classifier *c, const pcre2_code *code, const pcre2_code *at, size_t id,
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
		if ((rc = find(c, at, c->occ[i], to)) != 0)
			return rc;
		from = c->occ[i] + 1;
	}
	return 0;
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
void
ir_words_find(struct ir_classifier *c)
{
	struct marking m = {c, 0, 0};
	size_t zi = 0, from, to, i, nids = c->rs->nids;

	c->nhit = 0;
	while (ir_scope_next(c, c->used, &zi, &from, &to)) {
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
