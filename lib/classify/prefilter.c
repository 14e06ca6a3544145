#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "classify/prefilter.h"

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

static void
add_word(struct ir_ruleset *rs, size_t r, const char *w, size_t n)
{
	char *word = ir_xrealloc(NULL, n + 1);

	memcpy(word, w, n);
	word[n] = '\0';
	rs->words = ir_xrealloc(rs->words, (rs->nwords + 1) * sizeof *rs->words);
	rs->words[rs->nwords].word = word;
	rs->words[rs->nwords++].id = (int)r;
}

/*
 * Adds the words every match of one alternative (n bytes at p) starts
 * with: its leading literal, or each literal of a leading group of them,
 * as in "(?:別の|他の)方へ".  0 when there is none of two bytes or more.
 */
static int
alternative_words(struct ir_ruleset *rs, size_t r, const char *p, size_t n)
{
	size_t i = 3, start = 3, k;

	if (n < 3 || memcmp(p, "(?:", 3) != 0) {
		if ((k = leading_literal(p, n)) < 2) /* a one-byte word is no filter */
			return 0;
		add_word(rs, r, p, k);
		return 1;
	}
	while (i < n && p[i] != ')' && (p[i] == '|' || !strchr("\\.[]()?*+{}^$", p[i])))
		i++;
	if (i == n || p[i] != ')' || (i + 1 < n && strchr("?*{", p[i + 1])))
		return 0;
	for (k = 3; k <= i; k++)
		if (k == i || p[k] == '|') {
			if (k - start < 2)
				return 0;
			add_word(rs, r, p + start, k - start);
			start = k + 1;
		}
	return 1;
}

int
ir_prefilter_words(struct ir_ruleset *rs, const char *p, size_t r)
{
	size_t n = strlen(p), i = 0, start = 0, first = rs->nwords;
	int depth = 0, cls = 0;

	if (strstr(p, "(?i") != NULL)
		return 0;
	for (;;) {
		if (i == n || (p[i] == '|' && depth == 0 && !cls)) {
			if (!alternative_words(rs, r, p + start, i - start)) {
				while (rs->nwords > first)
					free((char *)rs->words[--rs->nwords].word);
				return 0;
			}
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

