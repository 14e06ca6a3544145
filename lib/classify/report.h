/* classify/report.h - what a classification is written as: JSON or words.
 *
 * ir-classify adds category (the first label in precedence order that
 * fits, or "other"), categories (every label that fits, best score
 * first), evidence (each matching rule of a fitting label: label,
 * FILE:LINE, the match as written and its byte offset in the record's
 * text) and veris (the category's action and actor); --explain writes
 * the same for people to read.
 */
#ifndef IR_CLASSIFY_REPORT_H
#define IR_CLASSIFY_REPORT_H

#include "base/buf.h"
#include "classify/classify.h"

#define IR_CLASSIFY_FIELDS 4
extern const char *const ir_classify_fields[IR_CLASSIFY_FIELDS];

/* Appends `"category":…,"categories":…,"evidence":…,"veris":…`. */
void ir_classify_json(const struct ir_classifier *c, const char *text, struct ir_buf *out);
/* Appends a human-readable account: category, then each evidence line. */
void ir_classify_explain(const struct ir_classifier *c, const char *text, struct ir_buf *out);
/* Appends "rule FILE:LINE" for a rule's index, "lead-end FILE:LINE" for nrules. */
void ir_classify_name(const struct ir_ruleset *rs, size_t rule, struct ir_buf *out);

#endif
