/* extract/published.h - when a notice was published.
 *
 * The header ends with the date ("… 2023年8月23日", "…2024/1/19更新"); a
 * year far from the post id's is a typo and is corrected, with a
 * warning.  When the header has none, the notice's own date as its body
 * gives it: a line holding only a date (and perhaps the organisation's
 * name or 更新, 公開, 発表) among the first lines of the body or the last
 * ones, or in a line next to the organisation's name; or a sentence whose
 * date belongs to the act of publishing ("2026年1月9日、見本市は…を
 * 公表しました"; in a regulator's notice, the act it announces: "…に対し、
 * 令和6年2月15日に指導を行いましたので、お知らせいたします").  Never a
 * date of the incident or of the response: those are in the timeline, or
 * belong to other verbs.
 */
#ifndef IR_EXTRACT_PUBLISHED_H
#define IR_EXTRACT_PUBLISHED_H

#include <stddef.h>

#include "extract/facts.h"
#include "ja/date.h"

enum ir_pub_from { IR_PUB_NONE, IR_PUB_HEADER, IR_PUB_BODY };

struct ir_published {
	enum ir_pub_from from;
	struct ir_date date;
	size_t raw_off, raw_len;   /* the date as written (in the header, with what follows) */
	char warning[160];         /* a correction made, or "" */
};

/*
 * Reads the date of a notice: r is the notice, org its publisher's name
 * in r->t (len 0: unknown), id the post id, regulator whether the notice
 * is a regulator's.
 */
void ir_published(const struct ir_read *r, size_t org_off, size_t org_len, const char *id,
		  int regulator, struct ir_published *pub);

/* Compiles the patterns: at start-up, before threads. */
void ir_published_prepare(void);

/* "header", "body", or NULL. */
const char *ir_pub_from_name(enum ir_pub_from from);

#endif
