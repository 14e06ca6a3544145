/* classify/prefilter.h - the words every match of a pattern starts with.
 *
 * ir-classify runs a rule only where the words its pattern must start
 * with stand (found for all rules in one lexicon pass, classify.h); a
 * pattern whose every match starts with a literal gives its words here.
 * The literal of each top-level alternative is read off the pattern's
 * text: characters up to the first special one ("誤送信|BCC"), or each
 * literal of a leading group ("(?:別の|他の)方へ").  A pattern some of
 * whose alternatives start with no literal of two bytes or more, or that
 * sets (?i), has no words: it runs on every notice.
 */
#ifndef IR_CLASSIFY_PREFILTER_H
#define IR_CLASSIFY_PREFILTER_H

#include <stddef.h>

#include "classify/rules.h"

/*
 * Adds to rs->words, with id r, the words that every match of pattern p
 * starts with; returns 1, or 0 (adding none) when it has none.
 */
int ir_prefilter_words(struct ir_ruleset *rs, const char *p, size_t r);

#endif
