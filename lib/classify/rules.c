#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/err.h"
#include "base/utf8.h"
#include "classify/prefilter.h"
#include "classify/rules.h"

const char *const ir_mood_name[3] = {"fact", "denied", "advice"};

const char *const ir_scope_name[IR_NSCOPES] = {
	"title", "lead", "body", "overview", "timeline", "cause", "data", "response", "prevention",
	"contact", "other",
};

enum {
	DEFAULT_MIN_SCORE = 2,
	DEFAULT_LEAD_CHARS = 1500,
	DEFAULT_WITHIN = 20,
	MATCH_LIMIT = 2000000, /* well under a second of backtracking */
	DEPTH_LIMIT = 20000,
	RULES_MAX = 16 << 20, /* bytes: far beyond any rule file written by hand */
};

/* A line being parsed: its text and where its next token starts. */
struct line {
	const char *file;
	long no;
	const char *s;
	size_t n, i;
	int after_rule; /* the lines above, back to a rule, were its options */
};

static int
syntax(const struct line *l, size_t at, const char *fmt, const char *arg)
{
	char msg[256];

	snprintf(msg, sizeof msg, fmt, arg);
	ir_warn(NULL, 0, "%s:%ld:%zu: %s", l->file, l->no, ir_utf8_count(l->s, at) + 1, msg);
	return -1;
}

static void
skip_blanks(struct line *l)
{
	while (l->i < l->n && (l->s[l->i] == ' ' || l->s[l->i] == '\t'))
		l->i++;
}

/* The next blank-separated token: its start, and its length in *len. */
static size_t
token(struct line *l, size_t *len)
{
	size_t start;

	skip_blanks(l);
	start = l->i;
	while (l->i < l->n && l->s[l->i] != ' ' && l->s[l->i] != '\t')
		l->i++;
	*len = l->i - start;
	return start;
}

/* The rest of the line, trimmed: a pattern. */
static size_t
rest(struct line *l, size_t *len)
{
	size_t start, end = l->n;

	skip_blanks(l);
	start = l->i;
	while (end > start && (l->s[end - 1] == ' ' || l->s[end - 1] == '\t'))
		end--;
	l->i = l->n;
	*len = end - start;
	return start;
}

static int
is_name(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || !((s[0] >= 'a' && s[0] <= 'z') || s[0] == '_'))
		return 0;
	for (i = 1; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return 0;
	return 1;
}

/* A whole number within [lo, hi] at s, or a message and -1 (result in *v). */
static int
number(const struct line *l, size_t at, size_t n, long lo, long hi, long *v)
{
	char buf[32], *end;

	if (n == 0 || n >= sizeof buf)
		return syntax(l, at, "expected a whole number%s", "");
	memcpy(buf, l->s + at, n);
	buf[n] = '\0';
	errno = 0;
	*v = strtol(buf, &end, 10);
	if (errno != 0 || *end != '\0' || *v < lo || *v > hi)
		return syntax(l, at, "'%s' is not a whole number in range", buf);
	return 0;
}

static char *
copy(const char *s, size_t n)
{
	char *d = ir_xrealloc(NULL, n + 1);

	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

/* The index of a label, added (after the ordered ones) when new. */
static size_t
label(struct ir_ruleset *rs, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < rs->nlabels; i++)
		if (strlen(rs->labels[i].name) == n && memcmp(rs->labels[i].name, s, n) == 0)
			return i;
	rs->labels = ir_xrealloc(rs->labels, (rs->nlabels + 1) * sizeof *rs->labels);
	memset(&rs->labels[rs->nlabels], 0, sizeof *rs->labels);
	rs->labels[rs->nlabels].name = copy(s, n);
	return rs->nlabels++;
}

/*
 * The callout before every item is how a rule's work on a record is
 * counted (classify/classify.h).  JIT ignores PCRE2_ANCHORED given at match
 * time; a pattern tried where its words stand is compiled anchored too.
 * A pattern is compiled for JIT by ir_rules_ready, once it is known to be
 * run as it was written: most JIT work at start-up went to patterns only
 * ever run anchored.
 */
static pcre2_code *
compile_as(const char *p, size_t n, uint32_t anchored, int *err, PCRE2_SIZE *off)
{
	return pcre2_compile((PCRE2_SPTR)p, n, PCRE2_UTF | PCRE2_UCP | PCRE2_AUTO_CALLOUT | anchored,
			     err, off, NULL);
}

/* The code run on the text: compiled for JIT (where PCRE2 has it). */
static pcre2_code *
jit(pcre2_code *code)
{
	pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
	return code;
}

static pcre2_code *
compile(const struct line *l, size_t at, size_t n)
{
	pcre2_code *code;
	PCRE2_SIZE off;
	int err;

	code = compile_as(l->s + at, n, 0, &err, &off);
	if (code == NULL) {
		PCRE2_UCHAR msg[256];

		pcre2_get_error_message(err, msg, sizeof msg);
		syntax(l, at + off, "%s", (const char *)msg);
		return NULL;
	}
	return code;
}

/* The anchored form of a pattern that compiled before. */
static pcre2_code *
compile_anchored(const char *p)
{
	PCRE2_SIZE off;
	int err;
	pcre2_code *code = compile_as(p, strlen(p), PCRE2_ANCHORED, &err, &off);

	if (code == NULL)
		ir_oom(); /* it compiled unanchored: nothing else can fail */
	return code;
}

static int
directive_order(struct ir_ruleset *rs, struct line *l)
{
	size_t at, n;

	while ((at = token(l, &n)), n > 0) {
		size_t k;

		if (!is_name(l->s + at, n))
			return syntax(l, at, "a label is a lowercase name%s", "");
		k = label(rs, l->s + at, n);
		if (!rs->labels[k].ordered) {
			/* Move it after the labels ordered so far. */
			struct ir_label moved = rs->labels[k];
			size_t j = k, pos = 0;

			while (pos < rs->nlabels && rs->labels[pos].ordered)
				pos++;
			for (; j > pos; j--)
				rs->labels[j] = rs->labels[j - 1];
			moved.ordered = 1;
			rs->labels[pos] = moved;
			for (j = 0; j < rs->nrules; j++) {
				size_t *lab = &rs->rules[j].label;

				if (*lab == k)
					*lab = pos;
				else if (*lab >= pos && *lab < k)
					++*lab;
			}
		}
	}
	return 0;
}

static int
directive_veris(struct ir_ruleset *rs, struct line *l)
{
	size_t at, n, aat, an, bat, bn, k;
	struct ir_label *lab;

	at = token(l, &n);
	if (!is_name(l->s + at, n))
		return syntax(l, at, "veris LABEL ACTIONS ACTORS: a label first%s", "");
	aat = token(l, &an);
	bat = token(l, &bn);
	if (an == 0 || bn == 0)
		return syntax(l, l->i, "veris LABEL ACTIONS ACTORS: actions and actors%s", "");
	k = label(rs, l->s + at, n); /* may move rs->labels */
	lab = &rs->labels[k];
	free(lab->actions);
	free(lab->actors);
	lab->actions = an == 1 && l->s[aat] == '-' ? NULL : copy(l->s + aat, an);
	lab->actors = bn == 1 && l->s[bat] == '-' ? NULL : copy(l->s + bat, bn);
	return 0;
}

static int
directive_min_score(struct ir_ruleset *rs, struct line *l)
{
	size_t at, n, at2, n2, k;
	long v;

	at = token(l, &n);
	at2 = token(l, &n2);
	if (n2 == 0) {
		if (number(l, at, n, -1000, 1000, &v) < 0)
			return -1;
		rs->min_score = (int)v;
		return 0;
	}
	if (!is_name(l->s + at, n))
		return syntax(l, at, "min-score [LABEL] N%s", "");
	if (number(l, at2, n2, -1000, 1000, &v) < 0)
		return -1;
	k = label(rs, l->s + at, n); /* may move rs->labels */
	rs->labels[k].min_score = (int)v;
	return 0;
}

static int
directive_lead(struct ir_ruleset *rs, struct line *l, int end)
{
	pcre2_code *code;
	size_t at, n;
	long v;

	if (!end) {
		at = token(l, &n);
		if (number(l, at, n, 1, 1000000, &v) < 0)
			return -1;
		rs->lead_chars = v;
		return 0;
	}
	at = rest(l, &n);
	if (n == 0)
		return syntax(l, at, "lead-end needs a pattern%s", "");
	/* A bad pattern leaves the lead-end before it in place. */
	if ((code = compile(l, at, n)) == NULL)
		return -1;
	pcre2_code_free(rs->lead_end_code);
	free(rs->lead_end);
	rs->lead_end_code = code;
	rs->lead_end = copy(l->s + at, n);
	rs->lead_end_file = l->file;
	rs->lead_end_line = l->no;
	return 0;
}

/* The bits of one scope's name (n bytes at s): built in or named; 0 if none. */
static unsigned
scope_bits(const struct ir_ruleset *rs, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < IR_NSCOPES; i++)
		if (strlen(ir_scope_name[i]) == n && memcmp(ir_scope_name[i], s, n) == 0)
			return IR_SCOPE_BIT(i);
	for (i = 0; i < rs->nscope_sets; i++)
		if (strlen(rs->scope_sets[i].name) == n && memcmp(rs->scope_sets[i].name, s, n) == 0)
			return rs->scope_sets[i].scope;
	return 0;
}

/* The scopes of a comma-separated list at [at, at + n) or'ed into *bits; -1 after a message. */
static int
scope_list(const struct ir_ruleset *rs, const struct line *l, size_t at, size_t n, unsigned *bits)
{
	size_t i = at, end = at + n;

	while (i <= end) {
		size_t j = i;
		unsigned b;

		while (j < end && l->s[j] != ',')
			j++;
		if ((b = scope_bits(rs, l->s + i, j - i)) == 0) {
			char *name = copy(l->s + i, j - i);
			int r = syntax(l, i, "'%s' is not a scope: title, lead, body, overview, timeline, "
				       "cause, data, response, prevention, contact, other, or a name "
				       "given by 'scope'", name);

			free(name);
			return r;
		}
		*bits |= b;
		i = j + 1;
	}
	return 0;
}

static int
directive_scope(struct ir_ruleset *rs, struct line *l)
{
	size_t at, n, sat, sn, i;
	unsigned bits = 0;

	at = token(l, &n);
	if (!is_name(l->s + at, n))
		return syntax(l, at, "scope NAME SCOPE...: a lowercase name first%s", "");
	for (i = 0; i < IR_NSCOPES; i++)
		if (strlen(ir_scope_name[i]) == n && memcmp(ir_scope_name[i], l->s + at, n) == 0)
			return syntax(l, at, "'%s' is a scope of its own: name a set otherwise",
				      ir_scope_name[i]);
	while ((sat = token(l, &sn)), sn > 0)
		if (scope_list(rs, l, sat, sn, &bits) < 0)
			return -1;
	if (bits == 0)
		return syntax(l, l->i, "scope NAME SCOPE...: the scopes it names%s", "");
	for (i = 0; i < rs->nscope_sets; i++)
		if (strlen(rs->scope_sets[i].name) == n && memcmp(rs->scope_sets[i].name, l->s + at, n) == 0)
			break;
	if (i == rs->nscope_sets) {
		rs->scope_sets = ir_xrealloc(rs->scope_sets, (i + 1) * sizeof *rs->scope_sets);
		rs->scope_sets[rs->nscope_sets++].name = copy(l->s + at, n);
	}
	rs->scope_sets[i].scope = bits; /* a later file may say it anew */
	return 0;
}

static int
rule(struct ir_ruleset *rs, struct line *l)
{
	size_t at, n, wat, wn, sat, sn, pat, pn;
	struct ir_rule r = {0};
	long w;

	at = token(l, &n);
	if (!is_name(l->s + at, n))
		return syntax(l, at, "rule LABEL WEIGHT SCOPE PATTERN: a lowercase label first%s", "");
	wat = token(l, &wn);
	if (number(l, wat, wn, -1000, 1000, &w) < 0)
		return -1;
	sat = token(l, &sn);
	if (scope_list(rs, l, sat, sn, &r.scope) < 0)
		return -1;
	pat = rest(l, &pn);
	if (pn == 0)
		return syntax(l, pat, "the rule has no pattern%s", "");
	if ((r.code = compile(l, pat, pn)) == NULL)
		return -1;
	r.file = l->file;
	r.line = l->no;
	r.label = label(rs, l->s + at, n);
	r.weight = (int)w;
	r.moods = 1u << IR_MOOD_FACT;
	r.pattern = copy(l->s + pat, pn);
	rs->rules = ir_xrealloc(rs->rules, (rs->nrules + 1) * sizeof *rs->rules);
	rs->rules[rs->nrules++] = r;
	return 0;
}

/*
 * The reach of an indented line, read from l (a number of characters,
 * "clause" or "sentence"), or none: then 20 characters and l is left
 * where it was.  -1 after a message.
 */
static int
reach(struct line *l, struct ir_cond *c)
{
	size_t at, n, save, sign, k;
	long within = DEFAULT_WITHIN;

	skip_blanks(l);
	save = l->i;
	at = token(l, &n);
	sign = n > 1 && l->s[at] == '-'; /* "-5" is a window, and refused; never a pattern */
	for (k = sign; k < n && l->s[at + k] >= '0' && l->s[at + k] <= '9'; k++)
		; /* the line is not NUL-terminated: no strspn */
	c->reach = IR_REACH_CHARS;
	if (n == 6 && memcmp(l->s + at, "clause", 6) == 0) {
		c->reach = IR_REACH_CLAUSE;
	} else if (n == 8 && memcmp(l->s + at, "sentence", 8) == 0) {
		c->reach = IR_REACH_SENTENCE;
	} else if (n > 0 && k == n) {
		if (number(l, at, n, 0, 10000, &within) < 0)
			return -1;
	} else {
		l->i = save;
	}
	c->within = (int)within;
	return 0;
}

/* "mood MOOD...": the moods in which the rule above counts. */
static int
moods(struct line *l, struct ir_rule *r)
{
	size_t at, n, m;

	r->moods = 0;
	while ((at = token(l, &n)), n > 0) {
		for (m = 0; m < 3; m++)
			if (strlen(ir_mood_name[m]) == n && memcmp(ir_mood_name[m], l->s + at, n) == 0)
				break;
		if (m == 3)
			return syntax(l, at, "a mood is fact, denied or advice%s", "");
		r->moods |= 1u << m;
	}
	if (r->moods == 0)
		return syntax(l, l->i, "mood MOOD...: fact, denied or advice%s", "");
	return 0;
}

static int
cond(struct ir_ruleset *rs, struct line *l)
{
	size_t at, n, pat, pn;
	struct ir_cond c = {0};
	struct ir_rule *r;
	const char *what;

	at = token(l, &n);
	what = n == 3 && memcmp(l->s + at, "and", 3) == 0      ? "and"
	       : n == 6 && memcmp(l->s + at, "unless", 6) == 0 ? "unless"
	       : n == 4 && memcmp(l->s + at, "mood", 4) == 0   ? "mood"
							       : NULL;
	if (what == NULL)
		return syntax(l, at, "an indented line is 'and [REACH] PATTERN', 'unless [REACH] PATTERN' or 'mood MOOD...'%s", "");
	if (!l->after_rule)
		return syntax(l, at, "'%s' with no rule above it", what);
	r = &rs->rules[rs->nrules - 1];
	if (what[0] == 'm')
		return moods(l, r);
	c.required = what[0] == 'a';
	if (reach(l, &c) < 0)
		return -1;
	pat = rest(l, &pn);
	if (pn == 0)
		return syntax(l, pat, "'%s' needs a pattern", what);
	if ((c.code = compile(l, pat, pn)) == NULL)
		return -1;
	c.line = l->no;
	c.pattern = copy(l->s + pat, pn);
	r->cond = ir_xrealloc(r->cond, (r->ncond + 1) * sizeof *r->cond);
	r->cond[r->ncond++] = c;
	return 0;
}

static int
parse_line(struct ir_ruleset *rs, struct line *l)
{
	size_t at, n;

	if (l->n > 0 && (l->s[0] == ' ' || l->s[0] == '\t')) {
		skip_blanks(l);
		if (l->i == l->n || l->s[l->i] == '#')
			return 0;
		l->i = 0;
		return cond(rs, l);
	}
	at = token(l, &n);
	if (n == 0 || l->s[at] == '#')
		return 0;
	l->after_rule = 0;
#define IS(w) (n == sizeof w - 1 && memcmp(l->s + at, w, n) == 0)
	if (IS("rule")) {
		l->after_rule = 1;
		return rule(rs, l);
	}
	if (IS("order"))
		return directive_order(rs, l);
	if (IS("scope"))
		return directive_scope(rs, l);
	if (IS("veris"))
		return directive_veris(rs, l);
	if (IS("min-score"))
		return directive_min_score(rs, l);
	if (IS("lead-chars"))
		return directive_lead(rs, l, 0);
	if (IS("lead-end"))
		return directive_lead(rs, l, 1);
#undef IS
	return syntax(l, at,
		      "unknown directive (rule, order, veris, min-score, scope, lead-chars, lead-end)%s", "");
}

void
ir_rules_init(struct ir_ruleset *rs)
{
	memset(rs, 0, sizeof *rs);
	rs->min_score = DEFAULT_MIN_SCORE;
	rs->lead_chars = DEFAULT_LEAD_CHARS;
}

int
ir_rules_add(struct ir_ruleset *rs, const char *name, const char *text, size_t len)
{
	struct line l = {0};
	size_t i = 0;

	if (ir_utf8_check(text, len) != len) {
		l.file = name;
		l.no = 1;
		for (i = 0; i < ir_utf8_check(text, len); i++)
			l.no += text[i] == '\n';
		ir_warn(NULL, 0, "%s:%ld: invalid UTF-8", name, l.no);
		return -1;
	}
	/* Editors on some systems start UTF-8 files with a byte-order mark. */
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	rs->files = ir_xrealloc(rs->files, (rs->nfiles + 1) * sizeof *rs->files);
	rs->files[rs->nfiles] = ir_xstrdup(name);
	l.file = rs->files[rs->nfiles++];
	while (i < len) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - text) : len;

		l.no++;
		l.s = text + i;
		l.n = end - i;
		l.i = 0;
		if (l.n > 0 && l.s[l.n - 1] == '\r')
			l.n--;
		if (memchr(l.s, '\0', l.n) != NULL)
			return syntax(&l, (size_t)((const char *)memchr(l.s, '\0', l.n) - l.s),
				      "NUL byte in a rule file%s", "");
		if (parse_line(rs, &l) < 0)
			return -1;
		i = end + 1;
	}
	return 0;
}

/*
 * Reads a rule file whole, but no further than its first NUL byte (a
 * device such as /dev/zero never ends) or past RULES_MAX bytes.
 */
int
ir_rules_load(struct ir_ruleset *rs, const char *path)
{
	struct ir_buf b = IR_BUF_INIT;
	int fd = open(path, O_RDONLY | O_CLOEXEC), r = -1;
	const char *nul = NULL;
	ssize_t k = 0;

	if (fd < 0) {
		ir_warn_errno(errno, path, 0, "cannot open");
		return -1;
	}
	while (nul == NULL && b.len <= RULES_MAX) {
		ir_buf_reserve(&b, 65536);
		k = read(fd, b.p + b.len, b.cap - b.len);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		nul = memchr(b.p + b.len, '\0', (size_t)k);
		b.len += (size_t)k;
	}
	if (k < 0)
		ir_warn_errno(errno, path, 0, "read error");
	else if (nul != NULL) /* the parse stops there, at its line and column */
		r = ir_rules_add(rs, path, b.p, (size_t)(nul - b.p) + 1);
	else if (b.len > RULES_MAX)
		ir_warn(path, 0, "larger than %d MiB: not a rule file", RULES_MAX >> 20);
	else
		r = ir_rules_add(rs, path, b.p, b.len);
	close(fd);
	ir_buf_free(&b);
	return r;
}

void
ir_rules_ready(struct ir_ruleset *rs)
{
	size_t r, k;

	for (r = 0; r < rs->nrules; r++)
		if ((rs->rules[r].anchored = ir_prefilter_words(rs, rs->rules[r].pattern, r)))
			rs->rules[r].at = jit(compile_anchored(rs->rules[r].pattern));
		else
			jit(rs->rules[r].code);
	rs->nids = rs->nrules;
	for (r = 0; r < rs->nrules; r++)
		for (k = 0; k < rs->rules[r].ncond; k++) {
			struct ir_cond *c = &rs->rules[r].cond[k];

			c->id = rs->nids++;
			if ((c->anchored = c->required && ir_prefilter_words(rs, c->pattern, c->id)))
				c->at = jit(compile_anchored(c->pattern));
			else
				jit(c->code);
		}
	if (rs->lead_end_code != NULL)
		jit(rs->lead_end_code);
	rs->lexicon.words = rs->words;
	rs->lexicon.n = rs->nwords;
	rs->lexicon.anywhere = 1; /* patterns match inside words too */
	ir_lexicon_build(&rs->lexicon);
	rs->mctx = pcre2_match_context_create(NULL);
	if (rs->mctx == NULL)
		ir_oom();
	pcre2_set_match_limit(rs->mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(rs->mctx, DEPTH_LIMIT);
}

void
ir_rules_free(struct ir_ruleset *rs)
{
	size_t i, j;

	for (i = 0; i < rs->nrules; i++) {
		pcre2_code_free(rs->rules[i].code);
		pcre2_code_free(rs->rules[i].at);
		free(rs->rules[i].pattern);
		for (j = 0; j < rs->rules[i].ncond; j++) {
			pcre2_code_free(rs->rules[i].cond[j].code);
			pcre2_code_free(rs->rules[i].cond[j].at);
			free(rs->rules[i].cond[j].pattern);
		}
		free(rs->rules[i].cond);
	}
	for (i = 0; i < rs->nscope_sets; i++)
		free(rs->scope_sets[i].name);
	free(rs->scope_sets);
	for (i = 0; i < rs->nlabels; i++) {
		free(rs->labels[i].name);
		free(rs->labels[i].actions);
		free(rs->labels[i].actors);
	}
	for (i = 0; i < rs->nwords; i++)
		free((char *)rs->words[i].word);
	for (i = 0; i < rs->nfiles; i++)
		free(rs->files[i]);
	free(rs->files);
	free(rs->words);
	free(rs->rules);
	free(rs->labels);
	free(rs->lead_end);
	pcre2_code_free(rs->lead_end_code);
	pcre2_match_context_free(rs->mctx);
	ir_lexicon_free(&rs->lexicon);
	memset(rs, 0, sizeof *rs);
}
