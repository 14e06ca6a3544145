/* extract/affected.h - how many people or records a notice says were affected.
 *
 * The headline number is the notice's own total when it gives one, else
 * its largest affected group.  Counts of other things are left out by
 * their unit (mails 通, companies 社, times 回, devices 台, ...) and by what
 * stands right before or after them: mails sent (送信件数), messages an
 * intruder sent (送られたメッセージ), posts (投稿が3件), accesses and
 * logins, inquiries and consultations received ("約80件のお問い合わせ",
 * 相談が1件), what a remedy dealt with ("43件を削除"), people who did
 * something rather than had data taken (職員2名), and head counts of a
 * whole body ("全校で約8,700人(1月1日現在)", 応募総数).
 */
#ifndef IR_EXTRACT_AFFECTED_H
#define IR_EXTRACT_AFFECTED_H

#include <stddef.h>

#include "ja/count.h"

struct ir_counts {
	struct ir_count *c;
	size_t n, cap;
};

struct ir_cues;
struct ir_read;

struct ir_cpmarks;

/* Every count of text (normalised), in order; marks as ir_count_scan_marked's, or NULL. */
void ir_counts_scan(struct ir_counts *cs, const char *text, size_t len, const struct ir_cpmarks *marks);

/*
 * The index in cs of the headline affected count, or -1 when none is
 * stated; *approx tells whether it is qualified (約, 最大, 以上, or a
 * sentence of おそれ / 可能性).  Linear in the text: counts and cues are
 * both read in text order.
 */
long ir_affected(const struct ir_counts *cs, const struct ir_read *r, const struct ir_cues *cues,
		 int *approx);

void ir_counts_free(struct ir_counts *cs);

/* Compiles the module's patterns: once, at start-up, before any thread. */
void ir_affected_prepare(void);

#endif
