/* extract/facts.h - reporting facts of a notice: who was told, when the
 * organisation found out, the exposure window, whether a contractor was
 * involved.  All read normalised text. */
#ifndef IR_EXTRACT_FACTS_H
#define IR_EXTRACT_FACTS_H

#include <stddef.h>

#include "ja/date.h"

enum {
	IR_TOLD_PPC = 1,    /* 個人情報保護委員会 */
	IR_TOLD_POLICE = 2, /* 警察, 警視庁, 県警, 所轄警察署, ... */
	IR_TOLD_OTHER = 4   /* another named authority: ministries, 監督官庁, JPCERT, ... */
};

struct ir_cues;

/* The authorities the notice says were told; self_ppc: the PPC wrote it. */
unsigned ir_reported_to(const char *text, size_t len, const struct ir_cues *cues, int self_ppc);

/* The dates of a text, found once and read by the functions below. */
struct ir_dates {
	struct ir_dated {
		size_t off, len;
		struct ir_date d;
	} *v;
	size_t n, cap;
};

void ir_dates_scan(struct ir_dates *ds, const char *text, size_t len);
void ir_dates_free(struct ir_dates *ds);

/*
 * The earliest date the organisation learned of the incident (判明, 検知,
 * 発覚, 確認, 連絡を受け, ...), not after published (when it has a year).
 * A date without year takes the year of the date before it in the text,
 * or else the year that puts it on or before published.  Returns 1 and
 * sets *d, or 0.
 */
int ir_discovered(const char *text, size_t len, const struct ir_dates *ds,
		  struct ir_date published, struct ir_date *d);

/* The first stated leak or exposure window ("…~…の期間", "…から…までの間"). */
int ir_period(const char *text, size_t len, const struct ir_dates *ds, struct ir_date published,
	      struct ir_date *from, struct ir_date *to);

/* Does the notice involve a contractor or outsourcee (委託先, 受託者, 再委託, 業務委託)? */
int ir_contractor(const struct ir_cues *cues);

/* Compiles the module's patterns: once, at start-up, before any thread. */
void ir_facts_prepare(void);

#endif
