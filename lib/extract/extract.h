/* extract/extract.h - the facts ir-extract adds to an incident record.
 *
 * ir_extract reads a record's text (header line first) and id; the facts
 * point into the text or hold values.  ir_facts_json writes them as the
 * members ir-extract appends (see ir-extract(1) for each field).
 */
#ifndef IR_EXTRACT_EXTRACT_H
#define IR_EXTRACT_EXTRACT_H

#include <stddef.h>

#include "base/buf.h"
#include "base/cpset.h"
#include "extract/affected.h"
#include "extract/cues.h"
#include "extract/facts.h"
#include "extract/when.h"
#include "extract/published.h"
#include "ja/clause.h"
#include "ja/date.h"
#include "ja/norm.h"
#include "ja/notice.h"

struct ir_facts {
	int has_org, org_is_ppc;
	size_t org_off, org_len;       /* in the normalised text */
	const char *org_type;
	int has_subject;
	size_t subject_off, subject_len; /* the body a regulator acted on, normalised */
	struct ir_published published;
	long report_no;                /* 0: none */
	long affected;                 /* index into counts, or -1 */
	int affected_approx;
	struct ir_counts counts;       /* offsets in the normalised text */
	unsigned long data_types;
	unsigned reported_to;
	int has_discovered;
	struct ir_date discovered;
	int has_period;
	struct ir_date period_from, period_to;
	int contractor;
	struct ir_buf warnings;        /* NUL-separated messages */
	size_t nwarnings;
};

struct ir_extractor {
	struct ir_norm norm;
	struct ir_notice notice;
	struct ir_clauses clauses;
	struct ir_dates dates;
	struct ir_cues cues;
	struct ir_cpmarks marks; /* where a number or a date may begin */
	struct ir_facts facts;
};

#define IR_EXTRACT_FIELDS 18
extern const char *const ir_extract_fields[IR_EXTRACT_FIELDS];

/* Extracts the facts of text (valid UTF-8) into x->facts. */
void ir_extract(struct ir_extractor *x, const char *text, size_t len, const char *id);
/* Appends the fields, `"org":…,"org_type":…`, without braces. */
void ir_extract_json(const struct ir_extractor *x, const char *text, struct ir_buf *out);
void ir_extractor_free(struct ir_extractor *x);

/*
 * Builds the patterns, lexicons and character sets every extractor
 * shares: once, at start-up, before any thread starts.
 */
void ir_extract_prepare(void);

#endif
