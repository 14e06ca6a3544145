/* ja/reach.h - how far a mood reaches: which clauses of a sentence take the mood of the clause after them.
 *
 * How a clause ends decides what it takes from the clause after it in
 * its sentence.  A continuative (調査し、 いただき、 受け、) shares the
 * request of the clause it leads into, and so does a negative one
 * (開かず、削除してください); a clause with a topic that ends in a
 * continuative or a reason (カード番号は保持しておらず、…) shares the
 * denial of the clause it leads into when that one has no topic of its
 * own, the same one, or one of what came of it (影響は, 被害は).  A
 * concessive (…ましたが、) stands alone.  In a contrast (書類を、A
 * ではなく、Bへ送りました) the denial is of A alone: the object before it
 * takes the mood of the clause after the contrast.  Works on normalised text
 * (ja/norm.h).
 */
#ifndef IR_JA_REACH_H
#define IR_JA_REACH_H

#include <stddef.h>

/* How a clause ends. */
enum ir_clause_end {
	IR_END_FINAL,  /* ends its sentence */
	IR_END_CONT,   /* て、 し、 り、 き、 け、 え、 せ、 れ、 み、 ち、 く、 */
	IR_END_NEG,    /* ず、 なく、 ない、: a negative continuative */
	IR_END_REASON, /* ため、 ので、 から、 */
	IR_END_ALONE,  /* が、 ものの、 けれども、 ところ、 とともに、 */
	IR_END_ARG     /* を、 cut off before a contrast (…を、AではなくBへ送った) */
};

/*
 * An outer clause: its pieces, how it ends, where its predicate stands,
 * its mood.  One whose mood is worked out when it is looked up is kept in
 * the clauses' later (ja/clause.h), at its entry, with first and last the
 * entries of its sentence (one an outer clause).
 */
struct ir_outer {
	size_t first, last; /* entries of the clauses, parentheses included */
	enum ir_clause_end kind;
	size_t open, end;   /* its text, where its topic is looked for when needed */
	size_t run_off, run_end; /* the last piece with text: where its predicate is */
	size_t denial;      /* end of a subjectless denial in parentheses, or 0 */
	int mood;           /* enum ir_mood once worked out */
};

/*
 * Works out the moods of a sentence's outer clauses o[0..no): each its
 * own (ja/predicate), then, from the last, what the one after it passes on.
 */
void ir_reach_moods(const char *t, struct ir_outer *o, size_t no);

/*
 * Where the first topic of t[from..end) ends: the offset of its は (after
 * a word that is not kana), or 0 when there is none.
 */
size_t ir_topic_at(const char *t, size_t from, size_t end);

#endif
