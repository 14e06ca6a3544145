/* ja/sentence.h - the whole sentences around an offset, found on first need and kept with their clauses.
 *
 * A reader that asks about one place of a notice at a time (ir-classify,
 * at each match of a rule) needs the clauses around it, not those of the
 * whole notice.  A unit is the stretch of whole sentences holding a
 * place: from just past the 。 before it (and that 。's line end), or a
 * blank line, or the body's start, to just past the 。 after it, or a
 * blank line, or the text's end; all of the header line before the body.
 * A 。 inside brackets ends no unit: one before ) 」 or 』, as in
 * (以下「本件」という。).  A unit is only the window that ja/clause.h's
 * reader is run on: its sentences and clauses, and their moods, are
 * clause's.  The cut is coarser than clause's sentences (every unit end
 * is a sentence end there too, but inside a bracket left open or a
 * quotation), so that but there a unit's sentences are the whole text's.
 *
 * Units are found in time linear in their length, once each: a place
 * inside a unit found before (from a character that is no blank) is
 * answered from it, by a binary search.
 * Clauses are read only for the units asked for them (ir_unit_clauses).
 *
 * Ownership: struct ir_units owns its units and their clauses; it keeps
 * a pointer to the text, which it does not own and which must stay as it
 * was from ir_units_reset on.
 */
#ifndef IR_JA_SENTENCE_H
#define IR_JA_SENTENCE_H

#include <stddef.h>

#include "ja/clause.h"

/* A stretch of whole sentences, and its clauses (offsets from its start). */
struct ir_unit {
	size_t off, end;
	int read;            /* its clauses are read */
	int covers;          /* found from a character that is no blank: every
	                      * place in [off, end) has this unit */
	struct ir_clauses cl;
};

struct ir_units {
	const char *text;
	size_t len, body;    /* the text; where its body starts */
	struct ir_unit *unit; /* in the order found: an index names one for this text */
	size_t n, cap;       /* cap of them hold clause buffers for reuse */
	size_t *by_off;      /* indices into unit, by offset */
	size_t capby;
	size_t last;         /* the unit found last, asked first */
};

#define IR_UNITS_INIT {NULL, 0, 0, NULL, 0, 0, NULL, 0, 0}

/* Forgets the units of the text before: text[0..len) (normalised, ja/norm.h), its body at body. */
void ir_units_reset(struct ir_units *u, const char *text, size_t len, size_t body);

/* The unit holding off (off <= len), its clauses not read. */
const struct ir_unit *ir_unit_at(struct ir_units *u, size_t off);

/* The unit holding off, with its clauses read. */
const struct ir_unit *ir_unit_clauses(struct ir_units *u, size_t off);

void ir_units_free(struct ir_units *u);

#endif
