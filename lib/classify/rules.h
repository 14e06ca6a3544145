/* classify/rules.h - the rule files of ir-classify (see ir-rules(5)).
 *
 * A rule file holds directives and rules, one per line; '#' starts a
 * comment.  A rule says that a PCRE2 pattern, found in a part of a notice
 * (its title, its lead or all of it), is worth WEIGHT points to a label;
 * indented "unless" lines under it cancel a match that has another
 * pattern nearby.  Directives give the labels' precedence (order), their
 * VERIS action and actor, the score at which a label fits, and where the
 * lead ends.  Rule sets load from several files in turn; a fault is
 * reported as FILE:LINE:COLUMN: message.
 *
 * Each rule's pattern also yields, where it can be read off, the literal
 * words every match starts with; ir-classify looks for all of them in one
 * pass and runs only the patterns whose words occur (see classify/classify.h).
 */
#ifndef IR_CLASSIFY_RULES_H
#define IR_CLASSIFY_RULES_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>

#include "base/buf.h"
#include "ja/lexicon.h"

enum ir_scope { IR_SCOPE_TITLE, IR_SCOPE_LEAD, IR_SCOPE_BODY };

extern const char *const ir_scope_name[];

struct ir_unless {
	long line;
	int within;       /* characters on each side of the match */
	char *pattern;
	pcre2_code *code;
};

struct ir_rule {
	const char *file; /* borrowed from the rule set's list of files */
	long line;
	size_t label;     /* index into the rule set's labels */
	int weight;
	enum ir_scope scope;
	char *pattern;
	pcre2_code *code;
	struct ir_unless *unless;
	size_t nunless;
	int anchored;     /* the rule starts with one of its words (prefilter) */
};

struct ir_label {
	char *name;
	char *actions, *actors; /* VERIS, comma-separated, or NULL */
	int min_score;          /* 0: the rule set's */
	int ordered;            /* named by an order directive */
};

struct ir_ruleset {
	struct ir_label *labels; /* in precedence order */
	size_t nlabels;
	struct ir_rule *rules;
	size_t nrules;
	int min_score;
	long lead_chars;
	char *lead_end;
	pcre2_code *lead_end_code;
	long lead_end_line;
	const char *lead_end_file;
	char **files;
	size_t nfiles;
	/* the words the rules start with: id = rule index */
	struct ir_lexword *words;
	size_t nwords;
	struct ir_lexicon lexicon;
	pcre2_match_context *mctx;
};

/* An empty rule set with the built-in defaults of its settings. */
void ir_rules_init(struct ir_ruleset *rs);
/*
 * Adds the rules of text (len bytes), which came from file name.  Returns
 * 0, or -1 after reporting "PROG: NAME:LINE:COLUMN: message".
 */
int ir_rules_add(struct ir_ruleset *rs, const char *name, const char *text, size_t len);
/* Reads a rule file and adds it; -1 after a message. */
int ir_rules_load(struct ir_ruleset *rs, const char *path);
/* Builds the prefilter; call once all rules are added. */
void ir_rules_ready(struct ir_ruleset *rs);
/* Writes the rules in effect in rule-file syntax. */
void ir_rules_dump(const struct ir_ruleset *rs, struct ir_buf *out);
void ir_rules_free(struct ir_ruleset *rs);

#endif
