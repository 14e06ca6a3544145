/* classify/rules.h - the rule files of ir-classify (see ir-rules(5)).
 *
 * A rule file holds directives and rules, one per line; '#' starts a
 * comment.  A rule says that a PCRE2 pattern, found in some parts of a
 * notice (its title, its lead, all of it, or sections such as its
 * overview and cause: ja/notice.h), is worth WEIGHT points to a label.
 * Indented lines under it refine a match: "and" lines require another
 * pattern in the same clause or sentence (ja/clause.h) or within some
 * characters, "unless" lines cancel the match when their pattern is
 * there, a "mood" line says whether it counts where a clause denies or
 * advises (by default only where it states a fact).  Directives give the labels' precedence (order), their VERIS
 * action and actor, the score at which a label fits, names for sets of
 * scopes, and where the lead ends.  Rule sets load from several files in
 * turn; a fault is reported as FILE:LINE:COLUMN: message.
 *
 * Each rule's pattern, and each "and" line's, also yields where it can be
 * read off the literal words every match starts with; ir-classify looks
 * for all of them in one pass, runs only the rules whose words occur, and
 * tries their patterns only where the words stand (classify/classify.h).
 */
#ifndef IR_CLASSIFY_RULES_H
#define IR_CLASSIFY_RULES_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>

#include "base/buf.h"
#include "ja/clause.h"
#include "ja/lexicon.h"
#include "ja/notice.h"

/* Where a rule looks: a set of these, one bit each (IR_SCOPE_BIT). */
enum ir_scope {
	IR_SCOPE_TITLE,
	IR_SCOPE_LEAD,
	IR_SCOPE_BODY,
	IR_SCOPE_PART /* + an enum ir_part: that part of the notice */
};

#define IR_NSCOPES (IR_SCOPE_PART + IR_NPARTS)
#define IR_SCOPE_BIT(s) (1u << (s))

/* "title", "lead", "body", then the names of ja/notice.h's parts. */
extern const char *const ir_scope_name[IR_NSCOPES];

/* "fact", "denied", "advice": the names of ja/clause.h's moods. */
extern const char *const ir_mood_name[3];

/* How far from a rule's match an indented line's pattern is looked for. */
enum ir_reach {
	IR_REACH_CHARS,   /* within some characters before or after it */
	IR_REACH_CLAUSE,  /* in the clause that holds its start */
	IR_REACH_SENTENCE /* in that clause's sentence */
};

/* An indented line: "and" (required) or "unless" (cancels). */
struct ir_cond {
	long line;
	int required;
	enum ir_reach reach;
	int within;       /* characters on each side, for IR_REACH_CHARS */
	char *pattern;
	pcre2_code *code; /* compiled for JIT by ir_rules_ready unless anchored */
	size_t id;        /* its words' id in the lexicon (see below) */
	int anchored;     /* an "and" line that starts with one of its words */
	pcre2_code *at;   /* when anchored: the pattern compiled anchored, for JIT */
};

struct ir_rule {
	const char *file; /* borrowed from the rule set's list of files */
	long line;
	size_t label;     /* index into the rule set's labels */
	int weight;
	unsigned scope;   /* IR_SCOPE_BITs */
	char *pattern;
	pcre2_code *code; /* compiled for JIT by ir_rules_ready unless anchored */
	struct ir_cond *cond;
	size_t ncond;
	unsigned moods;   /* 1 << enum ir_mood: where its matches count; default a fact */
	int anchored;     /* the rule starts with one of its words (prefilter) */
	pcre2_code *at;   /* when anchored: the pattern compiled anchored, for JIT */
};

/* A name given to a set of scopes by a scope directive. */
struct ir_scope_set {
	char *name;
	unsigned scope;
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
	struct ir_scope_set *scope_sets;
	size_t nscope_sets;
	long lead_chars;
	char *lead_end;
	pcre2_code *lead_end_code;
	long lead_end_line;
	const char *lead_end_file;
	char **files;
	size_t nfiles;
	/* the words the rules and their "and" lines start with: the id of a
	 * rule's is its index, that of an "and" line's nrules and up */
	size_t nids;
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
void ir_rules_free(struct ir_ruleset *rs);

#endif
