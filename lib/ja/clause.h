/* ja/clause.h - what a clause says of what it names: that it happened,
 * that it did not, or only what readers should do.
 *
 * A mention of a kind of data, an authority, a contractor or an act is a
 * fact only when its clause states it.  The clause is cancelled when its
 * predicate denies it (含まれておりません, 確認されておりません, はなかった,
 * ではない, おそれはありません, 事実はございません), and the denial reaches
 * every item of a coordinated list before it (AおよびB、C等は含まれて
 * おりません).  A clause of advice or request to readers (ご注意ください,
 * 変更をお願いいたします, ご相談ください) states no fact either.  A
 * possibility (可能性があります, おそれがあります) is still a fact for the
 * notice's purposes: the data may have leaked, and so is a negation of
 * knowing or of recovering (特定できておりません, 見つかっておりません).
 * A predicate's own mood is read by ja/predicate, how far it reaches in
 * its sentence by ja/reach; this module cuts the text into sentences and
 * clauses and answers the lookups.
 *
 * Clauses end at 。, at a line end that does not go on mid-phrase, and at
 * a comma after a predicate (…ましたが、 …しており、 …ため、); a comma
 * between nouns of a list does not end one.  A parenthesis that denies or
 * requests has that mood of its own (…アドレス(氏名は含まれません)); any
 * other shares its clause's.  A continuative leads into the request after
 * it (開かず、削除してください), and a topic's clause into the denial after
 * it (パスワードは暗号化しており、流出していません).
 *
 * Every field of ir-extract and the rules of ir-classify ask this one
 * module, so that a notice's "not" is read the same way everywhere.
 *
 * ir_clauses_read works on normalised text (ja/norm.h) in one pass, in
 * time linear in its length; lookups by offset are cheap when made in
 * text order (hint, as in ja/notice.h).  Most sentences are never asked
 * about: the moods of a sentence whose layout does not depend on them are
 * worked out when one of its clauses is first looked up, so a clause's
 * mood is read through ir_clause_at or ir_mood_at, and the text must stay
 * as it was read while its clauses are looked up.
 *
 * Ownership: struct ir_clauses owns its arrays; it keeps a pointer to the
 * text, which it does not own.
 */
#ifndef IR_JA_CLAUSE_H
#define IR_JA_CLAUSE_H

#include <stddef.h>

#include "base/span.h"

enum ir_mood {
	IR_MOOD_FACT,   /* states that it happened, or may have */
	IR_MOOD_DENIED, /* states that it did not, or was not involved */
	IR_MOOD_ADVICE  /* tells readers what to do: no fact */
};

struct ir_clause {
	size_t off, len;   /* the clause: up to its predicate and what closes it */
	size_t sentence;   /* index of its sentence */
	enum ir_mood mood;
};

struct ir_clauses {
	struct ir_clause *c; /* in text order, covering the text */
	size_t n, cap;
	struct ir_span *sent;  /* sentences, in text order */
	size_t nsent, capsent;
	const char *text;    /* what was read, for the moods worked out later */
	struct ir_outer *later; /* for each clause whose mood is not worked out yet, its outer clause */
	size_t caplater;
};

#define IR_CLAUSES_INIT {NULL, 0, 0, NULL, 0, 0, NULL, NULL, 0}

void ir_clauses_read(struct ir_clauses *cl, const char *text, size_t len);

/* The clause holding off (hint: see ja/notice.h). */
const struct ir_clause *ir_clause_at(const struct ir_clauses *cl, size_t off, size_t *hint);

/* The mood of what stands at off: its clause's. */
enum ir_mood ir_mood_at(const struct ir_clauses *cl, size_t off, size_t *hint);

void ir_clauses_free(struct ir_clauses *cl);

#endif
