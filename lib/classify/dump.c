#include "classify/dump.h"

/* Appends the built-in names of a set of scopes, comma-separated. */
static void
dump_scope(unsigned bits, struct ir_buf *out)
{
	const char *sep = "";
	size_t i;

	for (i = 0; i < IR_NSCOPES; i++)
		if (bits & IR_SCOPE_BIT(i)) {
			ir_buf_addf(out, "%s%s", sep, ir_scope_name[i]);
			sep = ",";
		}
}

static void
dump_rule(const struct ir_ruleset *rs, const struct ir_rule *r, struct ir_buf *out)
{
	size_t j;

	ir_buf_addf(out, "\n# %s:%ld\nrule %s %d ", r->file, r->line, rs->labels[r->label].name,
		    r->weight);
	dump_scope(r->scope, out);
	ir_buf_addf(out, " %s\n", r->pattern);
	if (r->moods != 1u << IR_MOOD_FACT) {
		ir_buf_adds(out, "\tmood");
		for (j = 0; j < 3; j++)
			if (r->moods & 1u << j)
				ir_buf_addf(out, " %s", ir_mood_name[j]);
		ir_buf_addc(out, '\n');
	}
	for (j = 0; j < r->ncond; j++) {
		const struct ir_cond *c = &r->cond[j];

		ir_buf_addf(out, "\t%s ", c->required ? "and" : "unless");
		if (c->reach == IR_REACH_CHARS)
			ir_buf_addf(out, "%d", c->within);
		else
			ir_buf_adds(out, c->reach == IR_REACH_CLAUSE ? "clause" : "sentence");
		ir_buf_addf(out, " %s\n", c->pattern);
	}
}

void
ir_rules_dump(const struct ir_ruleset *rs, struct ir_buf *out)
{
	size_t i;

	ir_buf_adds(out, "# The rules in effect (see ir-rules(5)).\n\norder");
	for (i = 0; i < rs->nlabels; i++)
		ir_buf_addf(out, " %s", rs->labels[i].name);
	ir_buf_addf(out, "\nmin-score %d\n", rs->min_score);
	for (i = 0; i < rs->nlabels; i++)
		if (rs->labels[i].min_score != 0)
			ir_buf_addf(out, "min-score %s %d\n", rs->labels[i].name, rs->labels[i].min_score);
	ir_buf_addf(out, "lead-chars %ld\n", rs->lead_chars);
	if (rs->lead_end != NULL)
		ir_buf_addf(out, "# %s:%ld\nlead-end %s\n", rs->lead_end_file, rs->lead_end_line,
			    rs->lead_end);
	/* The rules below spell their scopes out; the names are for reading. */
	for (i = 0; i < rs->nscope_sets; i++) {
		ir_buf_addf(out, "scope %s ", rs->scope_sets[i].name);
		dump_scope(rs->scope_sets[i].scope, out);
		ir_buf_addc(out, '\n');
	}
	ir_buf_addc(out, '\n');
	for (i = 0; i < rs->nlabels; i++)
		if (rs->labels[i].actions != NULL || rs->labels[i].actors != NULL)
			ir_buf_addf(out, "veris %s %s %s\n", rs->labels[i].name,
				    rs->labels[i].actions ? rs->labels[i].actions : "-",
				    rs->labels[i].actors ? rs->labels[i].actors : "-");
	for (i = 0; i < rs->nrules; i++)
		dump_rule(rs, &rs->rules[i], out);
}
