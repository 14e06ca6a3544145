/* classify/words.h - where the rules' first words stand, and a pattern's next match tried only there.
 *
 * One pass of the rule set's lexicon over the stretches some rule looks
 * in marks the rules whose words occur in their scopes (the others are
 * not run) and keeps where each rule's and each "and" line's words
 * stand; a pattern that starts with its words is then tried, anchored,
 * at those places only.
 */
#ifndef IR_CLASSIFY_WORDS_H
#define IR_CLASSIFY_WORDS_H

#include <stddef.h>

#include "classify/classify.h"

/* Finds the words of the rule set in the text read into c (its zones cut); marks c->candidate. */
void ir_words_find(struct ir_classifier *c);

/*
 * The next match of code from offset from up to to, into c->md: tried
 * only where id's words stand when at (code anchored) is given, else
 * looked for anywhere.  1, 0, or -1 when the budget or a limit is spent.
 */
int ir_words_next(struct ir_classifier *c, const pcre2_code *code, const pcre2_code *at, size_t id,
		  size_t from, size_t to);

#endif
