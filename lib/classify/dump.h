/* classify/dump.h - a rule set written back as a rule file (--dump-rules).
 *
 * The rules in effect, from every file loaded, in the syntax of
 * ir-rules(5): each rule's scope spelt out and preceded by the file and
 * line it came from, so that the dump reads back to the same rule set
 * and can be edited as a copy.
 */
#ifndef IR_CLASSIFY_DUMP_H
#define IR_CLASSIFY_DUMP_H

#include "base/buf.h"
#include "classify/rules.h"

void ir_rules_dump(const struct ir_ruleset *rs, struct ir_buf *out);

#endif
