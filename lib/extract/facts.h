/* extract/facts.h - reporting facts of a notice: who was told, when the
 * organisation found out, the exposure window, whether a contractor was
 * involved; and where a notice states its facts, and the words it says
 * them with.  Its dates are extract/when.h's.
 *
 * Each fact is taken from where notices state it (ja/notice.h) and only
 * from clauses that state it (ja/clause.h): never from recurrence
 * prevention, the contact part, advice to readers or a denial.  Finders
 * walk their mentions in text order, so every lookup is by hint and each
 * finder runs in time linear in the text.
 */
#ifndef IR_EXTRACT_FACTS_H
#define IR_EXTRACT_FACTS_H

#include <stddef.h>
#include <stdint.h>

#include "ja/clause.h"
#include "ja/notice.h"

enum {
	IR_TOLD_PPC = 1,    /* 個人情報保護委員会 */
	IR_TOLD_POLICE = 2, /* 警察, 警視庁, 県警, 所轄警察署, ... */
	IR_TOLD_OTHER = 4   /* another named authority: ministries, 監督官庁, JPCERT, ... */
};

/* A notice as the finders read it: normalised text, its parts, its clauses. */
struct ir_read {
	const char *t;
	size_t len;
	const struct ir_notice *nt;
	const struct ir_clauses *cl;
};

/* The part of the header line: the title, before every section. */
enum { IR_PART_TITLE = -1 };

/* Where a reader stands: the hints of its lookups, in text order. */
struct ir_place {
	size_t section, clause;
	const struct ir_section *asked; /* the last section whose heading was read */
	int advice;                     /* ... and whether that heading asks */
	const struct ir_clause *read;   /* the last clause read for a resolve */
	int resolve;                    /* ... and whether it states one */
};

#define IR_PLACE_INIT {0, 0, NULL, 0, NULL, 0}

/*
 * Is what stands at off stated as a fact: in a clause of fact, not under
 * a heading of advice (お客様へのお願い)?  Sets *part (IR_PART_TITLE in the
 * header) either way: each finder knows which parts state its fact.
 */
int ir_stated(const struct ir_read *r, size_t off, struct ir_place *p, int *part);

/*
 * Does the clause of off state a resolve for the future, prevention in a
 * sentence (…の管理を徹底してまいります, 再発防止に努めます)?
 */
int ir_resolves(const struct ir_read *r, size_t off, struct ir_place *p);

/* The sentence holding off, as a span of r->t. */
struct ir_span ir_sentence_at(const struct ir_read *r, size_t off, struct ir_place *p);

struct ir_cues;

/*
 * The authorities the notice says were told, in any part but the contact;
 * self_ppc: the PPC wrote it.  An authority that is one of names (the
 * publisher, the body a regulator acted on) is not one told.
 */
unsigned ir_reported_to(const struct ir_read *r, const struct ir_cues *cues, int self_ppc,
			const struct ir_span *names, size_t nnames);

/*
 * Is there a word of finding out or of being told (判明, 検知, 連絡を受け,
 * ご指摘をいただき) in t[0..n), outside brackets?  A bracketed aside says
 * how an event is known, not that it was found then: "9月8日頃 攻撃者が
 * 侵入(後日の調査で判明)".
 */
int ir_learned_in(const char *t, size_t n);

/*
 * Is a contractor, outsourcee or vendor part of the incident (委託先,
 * 受託者, 再委託, 業務委託, 保守業者 …)?  Not one that only investigated,
 * one named in prevention, nor one whose clause denies it.
 */
int ir_contractor(const struct ir_read *r, const struct ir_cues *cues);

/* Compiles the module's patterns: once, at start-up, before any thread. */
void ir_facts_prepare(void);

#endif
