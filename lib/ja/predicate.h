/* ja/predicate.h - the mood a clause's predicate gives it, read from the clause's end.
 *
 * A predicate denies when a negation (ません ない なかっ なく なし ず
 * 無い) stands in its last characters with nothing after it but tense,
 * politeness, a nominaliser, a verb of finding or judging and
 * connectives (含まれていないことを確認いたしました); not when the words
 * before it make it no denial: possibility (かもしれません, 否定できません),
 * words that hold ない (少ない, 間違いない), apologies (申し訳ございません)
 * and the negations of knowing or recovering (特定できておりません,
 * 見つかっておりません).  It advises when a request (ください, お願い,
 * ご注意) stands there with only politeness after it.  Anything else is
 * a fact.  Works on normalised text (ja/norm.h).
 */
#ifndef IR_JA_PREDICATE_H
#define IR_JA_PREDICATE_H

#include <stddef.h>

#include "ja/clause.h"

/* The mood of the predicate at the end of t[from..end). */
enum ir_mood ir_predicate_mood(const char *t, size_t from, size_t end);

/* Where t[from..end) ends without what closes a clause after its predicate: blanks, stops, closing brackets. */
size_t ir_predicate_end(const char *t, size_t from, size_t end);

/* Does t[from..end) end in a predicate (a kana ending), not a bare noun phrase? */
int ir_has_predicate(const char *t, size_t from, size_t end);

#endif
