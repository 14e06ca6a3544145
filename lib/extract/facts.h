/* extract/facts.h - reporting facts of a notice: who was told, when the
 * organisation found out, the exposure window, whether a contractor was
 * involved; and where a notice states its facts.
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
#include "ja/date.h"
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

/* The dates of a text, found once and read by the functions below. */
struct ir_dates {
	struct ir_dated {
		size_t off, len;
		struct ir_date d;
	} *v;
	size_t n, cap;
};

/*
 * Finds the dates of text[from..len); offsets are in text.  Dates written
 * against others are read too: 同年8月1日, 同月18日 and 同日 against the
 * date before, 本年1月16日 and 今年 against this_year, 昨年 the year before
 * (this_year 0: unknown, the year left out).
 */
struct ir_cpmarks;

/* ... marks (or NULL) holding every place of text a date may begin (ir_dates_may_begin), and others. */
void ir_dates_scan(struct ir_dates *ds, const char *text, size_t len, size_t from, int this_year,
		   const struct ir_cpmarks *marks);

/* Can a date of ir_dates_scan begin with cp: a written one's (ja/date.h), or 同 本 今 昨? */
int ir_dates_may_begin(uint32_t cp);
void ir_dates_free(struct ir_dates *ds);

/*
 * The earliest date the organisation learned of the incident (判明, 検知,
 * 発覚, 確認, 連絡を受け, ...) as the overview or the timeline states it,
 * not after published (when it has a year).  A date without year takes
 * the year of the date before it in the text, or else the published year,
 * or the year before when that puts it a few months before published
 * (12月8日 in a notice of January).  Returns 1 and sets *d, or 0.
 */
int ir_discovered(const struct ir_read *r, const struct ir_dates *ds, struct ir_date published,
		  struct ir_date *d);

/* The first stated leak or exposure window ("…~…の期間", "…から…までの間"). */
int ir_period(const struct ir_read *r, const struct ir_dates *ds, struct ir_date published,
	      struct ir_date *from, struct ir_date *to);

/*
 * Is a contractor, outsourcee or vendor part of the incident (委託先,
 * 受託者, 再委託, 業務委託, 保守業者 …)?  Not one that only investigated,
 * one named in prevention, nor one whose clause denies it.
 */
int ir_contractor(const struct ir_read *r, const struct ir_cues *cues);

/* Compiles the module's patterns: once, at start-up, before any thread. */
void ir_facts_prepare(void);

#endif
