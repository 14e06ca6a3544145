/* classify/classify.h - what happened, by the rules of a rule set.
 *
 * A notice is read into its parts (ja/notice.h: title, overview, cause
 * ...) and, a few sentences at a time where a match needs them, into
 * its clauses and sentences with their moods (ja/sentence.h,
 * ja/clause.h).  Where each rule may look is classify/scope.h, where its
 * words stand classify/words.h, whether a match counts
 * classify/evidence.h, and what a rule may spend classify/work.h.
 * Each rule whose pattern is found in its scope, in
 * a clause that states a fact (not one that denies it or advises readers),
 * with each of its "and" patterns stated in the same clause, sentence or
 * window and none of its "unless" patterns there, adds its weight to its
 * label; the labels whose score reaches their minimum fit, and the first
 * of them in the rule set's order is the category ("other" when none
 * fits).  Only the rules whose first words occur in their scope are run.
 *
 * A rule's work on a record is bounded, whatever its pattern: PCRE2 calls
 * back before every item of a pattern it reaches, and each call back
 * costs one, plus the characters the match moved over since the last.
 * PCRE2's own match and depth limits hold for one start position of one
 * call; this count runs across every call a rule makes on the record (its
 * pattern, its and and unless patterns), and when it passes the record's
 * budget the rule gives up there and counts as not matching.
 */
#ifndef IR_CLASSIFY_CLASSIFY_H
#define IR_CLASSIFY_CLASSIFY_H

#include <stddef.h>

#include "classify/rules.h"
#include "ja/clause.h"
#include "ja/norm.h"
#include "ja/notice.h"
#include "ja/sentence.h"

struct ir_evidence {
	size_t rule;
	size_t off, len; /* in the normalised text: the match, and its "and" matches */
};

/* The work of the rule being run on the record at hand. */
struct ir_work {
	unsigned long spent, budget;
	size_t at; /* where the match stood at the last call back */
};

/* A stretch of the text in which the same scopes hold. */
struct ir_zone {
	size_t off, end;
	unsigned scope; /* IR_SCOPE_BITs */
};

/* What an "and" or "unless" line found in the clause or sentence it looked at last. */
struct ir_cond_seen {
	size_t span;     /* where the clause or sentence starts + 1; 0: none yet */
	int found;
	size_t off, end; /* what it found */
	size_t unit;     /* the unit it looked in, clauses aside, + 1 */
	int in_unit;
};

struct ir_classifier {
	const struct ir_ruleset *rs;
	struct ir_norm norm;
	struct ir_notice notice;
	struct ir_units units;     /* the sentences around matches, with their clauses */
	struct ir_zone *zone;      /* in text order, covering it */
	size_t nzone, capzone;
	unsigned used;             /* the scopes some rule looks in */
	size_t lead_end;
	struct ir_hit {            /* a word of the rule set's lexicon, where it stands */
		size_t off, id;
	} *hit;
	size_t nhit, caphit;
	size_t *occ;               /* the hits' offsets by id, each id's in text order */
	size_t *occ_first;         /* per id, and one past: where its offsets start */
	pcre2_match_data *md;
	pcre2_match_context *mctx; /* the rule set's limits, and the count of work */
	struct ir_work work;
	struct ir_cond_seen *seen;      /* per indented line of the rule being run */
	int *score;                /* per label */
	unsigned char *candidate;  /* per rule */
	struct ir_evidence *ev;    /* per rule that matched */
	size_t nev;
	size_t *gave_up;           /* rules that spent their budget or hit a
	                            * limit; nrules stands for lead-end */
	size_t ngave_up;
	long category;             /* label index, or -1 for other */
};

void ir_classifier_init(struct ir_classifier *c, const struct ir_ruleset *rs);
/* Classifies text (valid UTF-8, header line first). */
void ir_classify(struct ir_classifier *c, const char *text, size_t len);
/* Does the label fit the text just classified? */
int ir_classify_fits(const struct ir_classifier *c, size_t label);
void ir_classifier_free(struct ir_classifier *c);


/* Builds the tables every classifier shares: once, at start-up, before
 * any thread starts (the rule set's own are built by ir_rules_ready). */
void ir_classify_prepare(void);

#endif
