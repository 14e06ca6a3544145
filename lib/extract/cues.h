/* extract/cues.h - the words the extractors look for, found in one pass.
 *
 * The extractors look for dozens of fixed words: kinds of personal data,
 * the authorities a notice says it told, contractors, and the words that
 * tell a count is not of data taken (mails sent, accesses, staff who did
 * something).  All of them are in one lexicon and found in one pass over
 * the normalised text; each module then reads the cues of its kind.
 */
#ifndef IR_EXTRACT_CUES_H
#define IR_EXTRACT_CUES_H

#include <stddef.h>

enum ir_cue_kind {
	IR_CUE_DATATYPE,   /* value: an IR_DT_ index */
	IR_CUE_AUTHORITY,  /* value: an IR_TOLD_ bit */
	IR_CUE_CONTRACTOR, /* 委託先, 受託者, 再委託, 業務委託, ... */
	IR_CUE_THING,      /* a count of this is not of data: 送信件数, のべ, 全校 */
	IR_CUE_ACTOR,      /* people who did something: 職員, 担当者, 教諭 */
	IR_CUE_SHIELD      /* a word that holds another and means none: 事業者 (not 業者) */
};

struct ir_cues {
	struct ir_cue {
		size_t off, len;
		unsigned char kind, value;
	} *v;
	size_t n, cap;
};

/* Finds the cues of text (normalised), leftmost-longest, in order. */
void ir_cues_scan(struct ir_cues *c, const char *text, size_t len);
void ir_cues_free(struct ir_cues *c);

/* Builds the lexicon of cues: once, at start-up, before any thread. */
void ir_cues_prepare(void);

#endif
