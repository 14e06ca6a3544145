/* split/noise.h - finding an unrelated blog post inside a segment of a dump.
 *
 * The blog that republishes incident notices also posts about travel
 * points, tools and Linux; scraped pages put those posts between the
 * notices with no header of their own.  Such a post starts with a title
 * line (short, standing alone, not a numbered section heading) and what
 * follows it neither speaks the language of incident notices nor shares
 * the words of the notice before it.  See ir_noise_find for the measure.
 *
 * A notice's own layout never starts a post, whatever its words: an
 * indented line, the first line under the header, a line right under one
 * of the notice's headings (numbered, bulleted and alone, or ending in a
 * colon), or a line after which the notice's list goes on with its next
 * number.  Nor does a notice's sign-off: of two lone lines in a row, a
 * first one made mostly of the notice's words is its sender's name, and
 * the post's title is the second.  A post on security speaks the notice
 * vocabulary; under a sign-off that closes the notice's prose, a lone
 * title line whose prose is in the plain style (だ・である, which notices,
 * writing to their readers, hardly use) starts a post whatever its words.
 * A post may be short or cut off by the scrape; then it needs a
 * body, no word of the notice vocabulary and hardly one of the notice's.
 */
#ifndef IR_SPLIT_NOISE_H
#define IR_SPLIT_NOISE_H

#include <stddef.h>
#include <stdint.h>

struct ir_noise_mark;

struct ir_noise {
	/* scratch space, reused across calls */
	size_t *chars, *vocab;
	struct ir_noise_mark *marks; /* the list number of each line */
	long *before, *after;        /* the numbered lines before and after each */
	size_t cap;
	uint64_t *grams; /* bitmaps of bigrams: the notice's, a line's, another text's */
	/* The notice's bitmap holds the bigrams of text[0 .. gram_len) of this text. */
	const char *gram_text;
	size_t gram_len;
};

#define IR_NOISE_INIT {0}

/*
 * Looks for the title line of an unrelated post in a segment of n lines;
 * line i is text[off[i] .. off[i+1]).  Lines before `first` cannot be the
 * title; `header` is the index of the segment's header line or -1.
 * Returns the title's line index, or -1.
 */
long ir_noise_find(struct ir_noise *nz, const char *text, const size_t *off,
		   size_t n, size_t first, long header);

/* Could this line (without its line end) be the title of a post? */
int ir_noise_is_title(const char *line, size_t len);
/* Is the line blank (white space only, NBSP and U+3000 included)? */
int ir_noise_is_blank(const char *line, size_t len);

void ir_noise_free(struct ir_noise *nz);

/* Builds the module's tables: once, at start-up, before any thread. */
void ir_noise_prepare(void);

#endif
