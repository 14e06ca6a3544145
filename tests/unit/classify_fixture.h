/* classify_fixture.h - what the unit tests of lib/classify share: a rule
 * set from text, and a notice read as ir_classify reads it before it runs
 * the rules. */
#ifndef IR_CLASSIFY_FIXTURE_H
#define IR_CLASSIFY_FIXTURE_H

#include "classify/classify.h"
#include "classify/scope.h"
#include "classify/words.h"
#include "classify/work.h"
#include "unit.h"

static struct ir_ruleset rs;
static struct ir_classifier c;

static inline void
rules(const char *text)
{
	ir_rules_init(&rs);
	ck_assert_int_eq(ir_rules_add(&rs, "t.rules", text, strlen(text)), 0);
	ir_rules_ready(&rs);
	ir_classifier_init(&c, &rs);
}

static inline void
teardown(void)
{
	ir_classifier_free(&c);
	ir_rules_free(&rs);
}

/* The text normalised, read as a notice, its lead found and its zones cut. */
static inline void
read_notice(const char *text)
{
	ir_norm(&c.norm, text, strlen(text));
	ir_notice_read(&c.notice, c.norm.text.p, c.norm.text.len);
	ir_units_reset(&c.units, c.norm.text.p, c.norm.text.len, c.notice.body_off);
	c.nev = c.ngave_up = 0;
	ir_scope_read(&c);
}

/* ...and the rule set's words found in it, as ir_classify finds them. */
static inline void
read_words(const char *text)
{
	size_t i;

	read_notice(text);
	for (i = 0; i < rs.nrules; i++)
		c.candidate[i] = !rs.rules[i].anchored;
	ir_words_find(&c);
}

/* Where the n-th (from 0) s stands in the normalised text. */
static inline size_t
at_nth(const char *s, int n)
{
	const char *t = c.norm.text.p, *p = t;
	size_t len = c.norm.text.len;

	for (;;) {
		p = memmem(p, len - (size_t)(p - t), s, strlen(s));
		ck_assert_msg(p != NULL, "no %s in the text", s);
		if (n-- == 0)
			return (size_t)(p - t);
		p++;
	}
}

static inline size_t
at(const char *s)
{
	return at_nth(s, 0);
}

#endif
