/* classify/classify.h - what happened, by the rules of a rule set.
 *
 * Each rule whose pattern is found in its part of the normalised text
 * (and not cancelled by an "unless" nearby) adds its weight to its label;
 * the labels whose score reaches their minimum fit, and the first of them
 * in the rule set's order is the category ("other" when none fits).  Only
 * the rules whose first words occur in the text are run at all.
 */
#ifndef IR_CLASSIFY_CLASSIFY_H
#define IR_CLASSIFY_CLASSIFY_H

#include <stddef.h>

#include "classify/rules.h"
#include "ja/norm.h"

struct ir_evidence {
	size_t rule;
	size_t off, len; /* in the normalised text */
};

struct ir_classifier {
	const struct ir_ruleset *rs;
	struct ir_norm norm;
	pcre2_match_data *md;
	int *score;                /* per label */
	unsigned char *candidate;  /* per rule */
	struct ir_evidence *ev;    /* per rule that matched */
	size_t nev;
	size_t *gave_up;           /* rules that hit a match limit */
	size_t ngave_up;
	size_t title, title_end, lead_end;
	long category;             /* label index, or -1 for other */
};

void ir_classifier_init(struct ir_classifier *c, const struct ir_ruleset *rs);
/* Classifies text (valid UTF-8, header line first). */
void ir_classify(struct ir_classifier *c, const char *text, size_t len);
/* Does the label fit the text just classified? */
int ir_classify_fits(const struct ir_classifier *c, size_t label);
/* Appends `"category":…,"categories":…,"evidence":…,"veris":…`. */
void ir_classify_json(const struct ir_classifier *c, const char *text, struct ir_buf *out);
/* Appends a human-readable account: category, then each evidence line. */
void ir_classify_explain(const struct ir_classifier *c, const char *text, struct ir_buf *out);
void ir_classifier_free(struct ir_classifier *c);

#define IR_CLASSIFY_FIELDS 4
extern const char *const ir_classify_fields[IR_CLASSIFY_FIELDS];

/* Builds the tables every classifier shares: once, at start-up, before
 * any thread starts (the rule set's own are built by ir_rules_ready). */
void ir_classify_prepare(void);

#endif
