#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "classify/classify.h"
#include "classify/evidence.h"
#include "classify/scope.h"
#include "classify/words.h"
#include "classify/work.h"

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
	pcre2_set_callout(c->mctx, ir_work_count, &c->work);
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

/* Runs rule i over each stretch of its scope: its first match that counts is its evidence. */
static void
run(struct ir_classifier *c, size_t i)
{
	const struct ir_rule *r = &c->rs->rules[i];
	struct ir_evidence *ev = &c->ev[c->nev];
	size_t zi = 0, from, to;
	int rc = 0;

	ir_work_start(c);
	while (rc == 0 && ir_scope_next(c, r->scope, &zi, &from, &to))
		rc = ir_evidence_in(c, r, from, to, ev);
	if (rc < 0) {
		ir_work_give_up(c, i);
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
	ir_scope_read(c);
	memset(c->score, 0, rs->nlabels * sizeof *c->score);
	for (i = 0; i < rs->nrules; i++)
		c->candidate[i] = !rs->rules[i].anchored;
	if (rs->nwords > 0)
		ir_words_find(c);
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

