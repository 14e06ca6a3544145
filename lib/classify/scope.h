/* classify/scope.h - where each rule may look: the lead, and the zones of the text in which the same scopes hold.
 *
 * The text is cut at every place where a scope begins or ends (the
 * title's ends, the lead's end, each part's ends); a rule looks in each
 * longest stretch of zones that are all in its scope.
 */
#ifndef IR_CLASSIFY_SCOPE_H
#define IR_CLASSIFY_SCOPE_H

#include <stddef.h>

#include "classify/classify.h"

/* Finds the lead of the notice read into c, and cuts its text into zones. */
void ir_scope_read(struct ir_classifier *c);

/*
 * The next stretch of the text, from zone *zi on, where scope holds:
 * [*from, *to), and *zi past it; 0 when there is none.
 */
int ir_scope_next(const struct ir_classifier *c, unsigned scope, size_t *zi, size_t *from, size_t *to);

/* Byte offset n characters before (dir < 0) or after off in t[0..len). */
size_t ir_step_chars(const char *t, size_t len, size_t off, long n, int dir);

#endif
