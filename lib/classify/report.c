#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "classify/report.h"
#include "json/write.h"

const char *const ir_classify_fields[IR_CLASSIFY_FIELDS] = {
	"category", "categories", "evidence", "veris",
};

/* The fitting labels, best score first, then in order. */
static size_t
ranked(const struct ir_classifier *c, size_t *out)
{
	size_t n = 0, i, j;

	for (i = 0; i < c->rs->nlabels; i++) {
		if (!ir_classify_fits(c, i))
			continue;
		for (j = n; j > 0 && c->score[out[j - 1]] < c->score[i]; j--)
			out[j] = out[j - 1];
		out[j] = i;
		n++;
	}
	return n;
}

/* A comma-separated list as a JSON array of strings. */
static void
list_json(struct ir_jw *w, const char *list)
{
	const char *p = list;

	ir_jw_array(w);
	while (p != NULL && *p != '\0') {
		const char *comma = strchr(p, ',');
		size_t n = comma ? (size_t)(comma - p) : strlen(p);

		ir_jw_str(w, p, n);
		p = comma ? comma + 1 : NULL;
	}
	ir_jw_end(w);
}

/*
 * Where rule r stands, "FILE:LINE": written by hand, since it is written
 * for every piece of evidence and a printf cost more than the rest of the
 * record's fields together.
 */
static void
rule_place(struct ir_buf *b, const struct ir_rule *r)
{
	char digits[24];
	size_t k = sizeof digits;
	unsigned long line = (unsigned long)r->line; /* from 1 */

	ir_buf_adds(b, r->file);
	ir_buf_addc(b, ':');
	do
		digits[--k] = (char)('0' + line % 10);
	while ((line /= 10) > 0);
	ir_buf_add(b, digits + k, sizeof digits - k);
}

/* Evidence i: its rule, and the span it matched in the text as written. */
static const struct ir_rule *
evidence_at(const struct ir_classifier *c, size_t i, size_t *from, size_t *to)
{
	const struct ir_evidence *e = &c->ev[i];

	*from = ir_norm_origin(&c->norm, e->off);
	*to = ir_norm_origin_end(&c->norm, e->off + e->len);
	return &c->rs->rules[e->rule];
}

static const char *
category_name(const struct ir_classifier *c)
{
	return c->category < 0 ? "other" : c->rs->labels[c->category].name;
}

void
ir_classify_json(const struct ir_classifier *c, const char *text, struct ir_buf *out)
{
	const struct ir_ruleset *rs = c->rs;
	size_t *order = ir_xrealloc(NULL, (rs->nlabels + 1) * sizeof *order);
	size_t n = ranked(c, order), i;
	const struct ir_label *cat = c->category < 0 ? NULL : &rs->labels[c->category];
	struct ir_buf where = IR_BUF_INIT;
	struct ir_jw w;

	ir_jw_members(&w, out, 1);
	ir_jw_key(&w, "category");
	ir_jw_cstr(&w, category_name(c));
	ir_jw_key(&w, "categories");
	ir_jw_array(&w);
	for (i = 0; i < n; i++) {
		ir_jw_object(&w);
		ir_jw_key(&w, "label");
		ir_jw_cstr(&w, rs->labels[order[i]].name);
		ir_jw_key(&w, "score");
		ir_jw_long(&w, c->score[order[i]]);
		ir_jw_end(&w);
	}
	ir_jw_end(&w);
	ir_jw_key(&w, "evidence");
	ir_jw_array(&w);
	for (i = 0; i < c->nev; i++) {
		size_t from, to;
		const struct ir_rule *r = evidence_at(c, i, &from, &to);

		if (!ir_classify_fits(c, r->label))
			continue;
		ir_jw_object(&w);
		ir_jw_key(&w, "label");
		ir_jw_cstr(&w, rs->labels[r->label].name);
		ir_jw_key(&w, "rule");
		where.len = 0;
		rule_place(&where, r);
		ir_jw_str(&w, where.p, where.len);
		ir_jw_key(&w, "match");
		ir_jw_str(&w, text + from, to - from);
		ir_jw_key(&w, "offset");
		ir_jw_ulong(&w, from);
		ir_jw_end(&w);
	}
	ir_jw_end(&w);
	ir_jw_key(&w, "veris");
	ir_jw_object(&w);
	ir_jw_key(&w, "action");
	list_json(&w, cat ? cat->actions : NULL);
	ir_jw_key(&w, "actor");
	list_json(&w, cat ? cat->actors : NULL);
	ir_jw_end(&w);
	ir_buf_free(&where);
	free(order);
}

void
ir_classify_explain(const struct ir_classifier *c, const char *text, struct ir_buf *out)
{
	const struct ir_ruleset *rs = c->rs;
	size_t i;

	ir_buf_addf(out, "  category: %s\n", category_name(c));
	for (i = 0; i < c->nev; i++) {
		size_t from, to, at;
		const struct ir_rule *r = evidence_at(c, i, &from, &to);

		ir_buf_addf(out, "  %c %-18s %+d  %s:%ld  \"", ir_classify_fits(c, r->label) ? '*' : ' ',
			    rs->labels[r->label].name, r->weight, r->file, r->line);
		/* The match as written, on one line. */
		for (at = from; at < to; at++)
			ir_buf_addc(out, text[at] == '\n' ? ' ' : text[at]);
		ir_buf_addf(out, "\" at %zu\n", from);
	}
}

void
ir_classify_name(const struct ir_ruleset *rs, size_t rule, struct ir_buf *out)
{
	if (rule < rs->nrules)
		ir_buf_addf(out, "rule %s:%ld", rs->rules[rule].file, rs->rules[rule].line);
	else
		ir_buf_addf(out, "lead-end %s:%ld", rs->lead_end_file, rs->lead_end_line);
}
