#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/err.h"
#include "base/utf8.h"
#include "classify/rules.h"

const char *const ir_scope_name[] = {"title", "lead", "body"};

enum {
	DEFAULT_MIN_SCORE = 2,
	DEFAULT_LEAD_CHARS = 1500,
	DEFAULT_WITHIN = 20,
	MATCH_LIMIT = 2000000, /* well under a second of backtracking */
	DEPTH_LIMIT = 20000,
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

static pcre2_code *
compile(const struct line *l, size_t at, size_t n)
{
	pcre2_code *code;
	PCRE2_SIZE off;
	int err;

	code = pcre2_compile((PCRE2_SPTR)(l->s + at), n, PCRE2_UTF | PCRE2_UCP, &err, &off, NULL);
	if (code == NULL) {
		PCRE2_UCHAR msg[256];

		pcre2_get_error_message(err, msg, sizeof msg);
		syntax(l, at + off, "%s", (const char *)msg);
		return NULL;
	}
	pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
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

static int
rule(struct ir_ruleset *rs, struct line *l)
{
	size_t at, n, wat, wn, sat, sn, pat, pn, s;
	struct ir_rule r = {0};
	long w;

	at = token(l, &n);
	if (!is_name(l->s + at, n))
		return syntax(l, at, "rule LABEL WEIGHT SCOPE PATTERN: a lowercase label first%s", "");
	wat = token(l, &wn);
	if (number(l, wat, wn, -1000, 1000, &w) < 0)
		return -1;
	sat = token(l, &sn);
	for (s = 0; s < 3; s++)
		if (strlen(ir_scope_name[s]) == sn && memcmp(ir_scope_name[s], l->s + sat, sn) == 0)
			break;
	if (s == 3)
		return syntax(l, sat, "the scope is title, lead or body%s", "");
	pat = rest(l, &pn);
	if (pn == 0)
		return syntax(l, pat, "the rule has no pattern%s", "");
	if ((r.code = compile(l, pat, pn)) == NULL)
		return -1;
	r.file = l->file;
	r.line = l->no;
	r.label = label(rs, l->s + at, n);
	r.weight = (int)w;
	r.scope = (enum ir_scope)s;
	r.pattern = copy(l->s + pat, pn);
	rs->rules = ir_xrealloc(rs->rules, (rs->nrules + 1) * sizeof *rs->rules);
	rs->rules[rs->nrules++] = r;
	return 0;
}

static int
option(struct ir_ruleset *rs, struct line *l)
{
	size_t at, n, pat, pn;
	struct ir_unless u = {0};
	struct ir_rule *r;
	long within = DEFAULT_WITHIN;

	at = token(l, &n);
	if (n != 6 || memcmp(l->s + at, "unless", 6) != 0)
		return syntax(l, at, "an indented line is 'unless [WITHIN] PATTERN'%s", "");
	if (!l->after_rule)
		return syntax(l, at, "'unless' with no rule above it%s", "");
	skip_blanks(l);
	pat = l->i;
	while (l->i < l->n && l->s[l->i] >= '0' && l->s[l->i] <= '9')
		l->i++;
	if (l->i > pat && (l->i == l->n || l->s[l->i] == ' ' || l->s[l->i] == '\t')) {
		if (number(l, pat, l->i - pat, 0, 10000, &within) < 0)
			return -1;
	} else {
		l->i = pat;
	}
	pat = rest(l, &pn);
	if (pn == 0)
		return syntax(l, pat, "'unless' needs a pattern%s", "");
	if ((u.code = compile(l, pat, pn)) == NULL)
		return -1;
	u.line = l->no;
	u.within = (int)within;
	u.pattern = copy(l->s + pat, pn);
	r = &rs->rules[rs->nrules - 1];
	r->unless = ir_xrealloc(r->unless, (r->nunless + 1) * sizeof *r->unless);
	r->unless[r->nunless++] = u;
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
		return option(rs, l);
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
	if (IS("veris"))
		return directive_veris(rs, l);
	if (IS("min-score"))
		return directive_min_score(rs, l);
	if (IS("lead-chars"))
		return directive_lead(rs, l, 0);
	if (IS("lead-end"))
		return directive_lead(rs, l, 1);
#undef IS
	return syntax(l, at, "unknown directive (rule, order, veris, min-score, lead-chars, lead-end)%s",
		      "");
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

int
ir_rules_load(struct ir_ruleset *rs, const char *path)
{
	struct ir_buf b = IR_BUF_INIT;
	int fd = open(path, O_RDONLY | O_CLOEXEC), r;
	ssize_t k;

	if (fd < 0) {
		ir_warn_errno(errno, path, 0, "cannot open");
		return -1;
	}
	for (;;) {
		ir_buf_reserve(&b, 65536);
		k = read(fd, b.p + b.len, b.cap - b.len);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		b.len += (size_t)k;
	}
	if (k < 0) {
		ir_warn_errno(errno, path, 0, "read error");
		close(fd);
		ir_buf_free(&b);
		return -1;
	}
	close(fd);
	r = ir_rules_add(rs, path, b.p, b.len);
	ir_buf_free(&b);
	return r;
}

/*
 * The literal that every match of one alternative starts with, or an
 * empty one: characters up to the first that is special, less the last
 * when a quantifier that allows none of it follows.
 */
static size_t
leading_literal(const char *p, size_t n)
{
	size_t i = 0, last = 0;

	while (i < n && !strchr("\\.[]()?*+{}|^$", p[i])) {
		last = i;
		i += ((unsigned char)p[i] >= 0xC0) + ((unsigned char)p[i] >= 0xE0) +
		     ((unsigned char)p[i] >= 0xF0) + 1;
	}
	if (i < n && strchr("?*{", p[i]))
		i = last;
	return i > n ? n : i;
}

/*
 * Adds the words every match of rule r starts with, one per top-level
 * alternative; returns 0 (and adds none) when some alternative has none.
 */
static int
add_anchors(struct ir_ruleset *rs, size_t r)
{
	const char *p = rs->rules[r].pattern;
	size_t n = strlen(p), i = 0, start = 0, first = rs->nwords;
	int depth = 0, cls = 0;

	if (strstr(p, "(?i") != NULL)
		return 0;
	for (;;) {
		if (i == n || (p[i] == '|' && depth == 0 && !cls)) {
			size_t k = leading_literal(p + start, i - start);

			/* A one-byte word is no filter; neither is none. */
			if (k < 2) {
				while (rs->nwords > first)
					free((char *)rs->words[--rs->nwords].word);
				return 0;
			}
			rs->words = ir_xrealloc(rs->words, (rs->nwords + 1) * sizeof *rs->words);
			rs->words[rs->nwords].word = copy(p + start, k);
			rs->words[rs->nwords++].id = (int)r;
			if (i == n)
				return 1;
			start = i + 1;
		} else if (p[i] == '\\') {
			i++;
		} else if (cls) {
			cls = p[i] != ']';
		} else if (p[i] == '[') {
			cls = 1;
		} else if (p[i] == '(') {
			depth++;
		} else if (p[i] == ')') {
			depth--;
		}
		i++;
	}
}

void
ir_rules_ready(struct ir_ruleset *rs)
{
	size_t r;

	for (r = 0; r < rs->nrules; r++)
		rs->rules[r].anchored = add_anchors(rs, r);
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
ir_rules_dump(const struct ir_ruleset *rs, struct ir_buf *out)
{
	size_t i, j;

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
	ir_buf_addc(out, '\n');
	for (i = 0; i < rs->nlabels; i++)
		if (rs->labels[i].actions != NULL || rs->labels[i].actors != NULL)
			ir_buf_addf(out, "veris %s %s %s\n", rs->labels[i].name,
				    rs->labels[i].actions ? rs->labels[i].actions : "-",
				    rs->labels[i].actors ? rs->labels[i].actors : "-");
	for (i = 0; i < rs->nrules; i++) {
		const struct ir_rule *r = &rs->rules[i];

		ir_buf_addf(out, "\n# %s:%ld\nrule %s %d %s %s\n", r->file, r->line,
			    rs->labels[r->label].name, r->weight, ir_scope_name[r->scope], r->pattern);
		for (j = 0; j < r->nunless; j++)
			ir_buf_addf(out, "\tunless %d %s\n", r->unless[j].within, r->unless[j].pattern);
	}
}

void
ir_rules_free(struct ir_ruleset *rs)
{
	size_t i, j;

	for (i = 0; i < rs->nrules; i++) {
		pcre2_code_free(rs->rules[i].code);
		free(rs->rules[i].pattern);
		for (j = 0; j < rs->rules[i].nunless; j++) {
			pcre2_code_free(rs->rules[i].unless[j].code);
			free(rs->rules[i].unless[j].pattern);
		}
		free(rs->rules[i].unless);
	}
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
