#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/utf8.h"
#include "ja/clause.h"
#include "ja/ending.h"
#include "ja/predicate.h"
#include "ja/reach.h"

size_t
ir_topic_at(const char *t, size_t from, size_t end)
{
	const char *p = t + from;

	while ((p = ir_utf8_find(p, (size_t)(t + end - p), "は")) != NULL) {
		uint32_t prev = ir_cp_before(t, from, (size_t)(p - t), NULL);

		if (prev != 0 && !ir_hiragana(prev))
			return (size_t)(p - t);
		p += 3;
	}
	return 0;
}

/*
 * May a topic's clause take the denial of the next one, whose topic is
 * at next (0: none)?  When the next has none, names the same thing
 * (パスワードは…、元のパスワードは…) or only says what came of it
 * (…管理しており、影響はございません).
 */
static int
same_topic(const char *t, size_t mine, size_t next)
{
	static const char *const outcomes[] = {"影響", "被害", "流出", "漏えい", "漏洩", "心配", "おそれ",
					       "恐れ", "問題", "事実"};
	size_t k;

	if (next == 0)
		return 1;
	for (k = 0; k < sizeof outcomes / sizeof *outcomes; k++)
		if (ir_ends_with(t, 0, next, outcomes[k]))
			return 1;
	return mine >= 6 && next >= 6 && memcmp(t + mine - 6, t + next - 6, 6) == 0;
}

/* Topics matter only before a denial, and are looked for only there. */
void
ir_reach_moods(const char *t, struct ir_outer *o, size_t no)
{
	size_t i, topic;

	for (i = 0; i < no; i++) {
		o[i].mood = ir_predicate_mood(t, o[i].run_off, o[i].run_end);
		/* "・パスワード(含まれません)": the parenthesis ends the clause and denies its words. */
		if (o[i].denial && ir_predicate_end(t, o[i].denial, o[i].end) == o[i].denial &&
		    o[i].mood == IR_MOOD_FACT && !ir_has_predicate(t, o[i].run_off, o[i].run_end))
			o[i].mood = IR_MOOD_DENIED;
	}
	for (i = no; i-- > 0;) {
		struct ir_outer *next = i + 1 < no ? &o[i + 1] : NULL;

		if (o[i].kind == IR_END_ARG && i + 2 < no) {
			o[i].mood = o[i + 2].mood;
			continue;
		}
		if (next == NULL || (o[i].mood != IR_MOOD_FACT && o[i].kind != IR_END_NEG))
			continue;
		if (next->mood == IR_MOOD_ADVICE && (o[i].kind == IR_END_CONT || o[i].kind == IR_END_NEG))
			o[i].mood = IR_MOOD_ADVICE;
		else if (next->mood == IR_MOOD_DENIED && (o[i].kind == IR_END_CONT || o[i].kind == IR_END_REASON) &&
			 (topic = ir_topic_at(t, o[i].open, o[i].end)) != 0 &&
			 same_topic(t, topic, ir_topic_at(t, next->open, next->end)))
			o[i].mood = IR_MOOD_DENIED;
	}
}

