/* stats/where.h - selecting records: --where FIELD OP VALUE, --since, --until.
 *
 * An expression is a field (a dot path, json/path.h), an operator and a
 * value:
 *
 *	FIELD=VALUE   a value of the field equals VALUE: a string by its
 *	              text, a number by value when VALUE is one, true and
 *	              false by name
 *	FIELD!=VALUE  FIELD=VALUE does not hold
 *	FIELD<VALUE   also <=, >, >=: numbers by value when VALUE is a
 *	              number; strings that are dates, when VALUE is a date
 *	              (YYYY, YYYY-MM or YYYY-MM-DD), by their first characters
 *	              as far as VALUE goes, so that published<=2023-04 holds
 *	              for every day of April
 *	FIELD~REGEX   a string (or the JSON text of a number or boolean)
 *	              matches the PCRE2 pattern, in UTF-8
 *
 * A field that gives several values (an array) holds when any of them
 * does; a missing field and null never hold, so != holds for them.
 * Objects and arrays inside arrays never hold.  The field is the text
 * before the first of = ! < > ~.  --since DATE is published>=DATE and
 * --until DATE is published<=DATE: both inclusive.
 *
 * A pattern gets a bounded amount of work per record; past it, the
 * record is taken as not matching and the expression "gave up" there
 * (ir-stats reports the first place).
 *
 * Ownership: an expression owns its copies and its compiled pattern;
 * ir_where_free frees them.  Matching needs per-thread scratch.
 */
#ifndef IR_STATS_WHERE_H
#define IR_STATS_WHERE_H

#include <stddef.h>

#include "base/buf.h"
#include "json/number.h"
#include "json/path.h"
#include "json/scan.h"

enum ir_where_op { IR_WHERE_EQ, IR_WHERE_NE, IR_WHERE_LT, IR_WHERE_LE, IR_WHERE_GT,
		   IR_WHERE_GE, IR_WHERE_MATCH };

struct ir_where {
	char *text;            /* as given: "published>=2023-04" */
	char *name;            /* the field: "published" */
	struct ir_jpath path;
	enum ir_where_op op;
	char *value;           /* what follows the operator */
	size_t vlen;
	struct ir_number num;  /* value as a number, when is_num */
	int is_num, is_date;
	void *re;              /* the compiled pattern of ~ (pcre2_code) */
	void *mctx;            /* its limits (pcre2_match_context), shared by threads */
};

/*
 * Parses expr; -1 with a message naming it in err ("--where: ...").
 * opt is the option it came from, for the message.
 */
int ir_where_parse(struct ir_where *w, const char *opt, const char *expr, struct ir_buf *err);
/* The expression of --since (op IR_WHERE_GE) or --until (IR_WHERE_LE) DATE. */
int ir_where_date(struct ir_where *w, const char *opt, enum ir_where_op op, const char *date,
		  struct ir_buf *err);
void ir_where_free(struct ir_where *w);

/* One thread's working space for matching. */
struct ir_where_scratch {
	struct ir_jpath path;
	struct ir_jvals vals;
	struct ir_buf tmp;
	void *md;              /* pcre2_match_data */
};

void ir_where_scratch_init(struct ir_where_scratch *s, const struct ir_where *w);
void ir_where_scratch_free(struct ir_where_scratch *s);

/*
 * Does w hold for the record o?  *gave_up is set when the pattern ran
 * out of work on it (the answer is then no).
 */
int ir_where_holds(const struct ir_where *w, struct ir_where_scratch *s, const struct ir_jobj *o,
		   int *gave_up);

/* Is s (n bytes) a date of the --since form: YYYY, YYYY-MM or YYYY-MM-DD? */
int ir_where_is_date(const char *s, size_t n);

#endif
