#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/bytescan.h"
#include "base/span.h"
#include "base/utf8.h"
#include "ja/clause.h"
#include "ja/ending.h"
#include "ja/predicate.h"
#include "ja/reach.h"

#define PENDING (-1) /* a parenthesis without a predicate: its clause's mood */
#define LATER 3      /* a clause whose mood is worked out when it is looked up */

enum { MAX_DEPTH = 8, LONG_GROUP = 300 };

struct level {
	size_t first;          /* first entry of this level's clause or group */
	size_t open;           /* where it opens */
	size_t start;          /* where the current piece starts */
	size_t run_off, run_end; /* the last piece with text: where the predicate is */
	size_t denial;         /* end of a subjectless denial in parentheses, or 0 */
};

struct scan {
	struct ir_clauses *cl;
	const char *t;
	size_t len;
	struct level lv[MAX_DEPTH];
	int depth;
	struct ir_outer *o; /* outer clauses of the current sentence */
	size_t no, capo;
	size_t sent_start;
	size_t quote, quote_open; /* open 「 』 and where the first opened */
};

static void
add_entry(struct scan *sc, size_t off, size_t end, int mood)
{
	struct ir_clauses *cl = sc->cl;

	if (end <= off)
		return;
	if (cl->n == cl->cap) {
		cl->cap = cl->cap ? cl->cap * 2 : 64;
		cl->c = ir_xrealloc(cl->c, cl->cap * sizeof *cl->c);
	}
	cl->c[cl->n].off = off;
	cl->c[cl->n].len = end - off;
	cl->c[cl->n].sentence = cl->nsent;
	cl->c[cl->n].mood = (enum ir_mood)mood;
	cl->n++;
}

/* Ends the current piece of the innermost level at end. */
static void
end_piece(struct scan *sc, size_t end)
{
	struct level *l = &sc->lv[sc->depth];

	if (ir_predicate_end(sc->t, l->start, end) > l->start) {
		l->run_off = l->start;
		l->run_end = end;
	}
	add_entry(sc, l->start, end, PENDING);
	l->start = end;
}

static void
settle(struct ir_clauses *cl, size_t first, size_t last, int mood)
{
	size_t i;

	for (i = first; i < last; i++)
		if ((int)cl->c[i].mood == PENDING)
			cl->c[i].mood = (enum ir_mood)mood;
}

static void
open_level(struct scan *sc, size_t at)
{
	struct level *l;

	end_piece(sc, at);
	sc->depth++;
	l = &sc->lv[sc->depth];
	l->first = sc->cl->n;
	l->open = l->start = at;
	l->run_off = l->run_end = at;
	l->denial = 0;
}

/*
 * Closes the innermost parenthesis at end.  It has a mood of its own when
 * it denies or requests; otherwise it shares its clause's.  A denial
 * without a topic (…(含まれません)) speaks of the words before it.
 */
static void
close_level(struct scan *sc, size_t end)
{
	struct level *l;
	int mood;

	end_piece(sc, end);
	l = &sc->lv[sc->depth];
	mood = ir_predicate_mood(sc->t, l->run_off, l->run_end);
	if (mood == IR_MOOD_FACT)
		mood = PENDING;
	settle(sc->cl, l->first, sc->cl->n, mood);
	sc->depth--;
	sc->lv[sc->depth].start = end;
	if (mood == IR_MOOD_DENIED && ir_topic_at(sc->t, l->open, end) == 0)
		sc->lv[sc->depth].denial = end;
}

static void
add_outer(struct scan *sc, const struct ir_outer *o)
{
	if (sc->no == sc->capo) {
		sc->capo = sc->capo ? sc->capo * 2 : 16;
		sc->o = ir_xrealloc(sc->o, sc->capo * sizeof *sc->o);
	}
	sc->o[sc->no++] = *o;
}

/* Ends the outer clause at end, of the given kind. */
static void
end_clause(struct scan *sc, size_t end, enum ir_clause_end kind)
{
	struct level *l;
	struct ir_outer o;

	end_piece(sc, end);
	if (sc->depth > 0) {
		/* Parentheses never closed were no parentheses: the predicate is the text's end. */
		struct level *in = &sc->lv[sc->depth];

		sc->lv[0].run_off = in->run_off;
		sc->lv[0].run_end = in->run_end;
		sc->depth = 0;
	}
	l = &sc->lv[0];
	o.first = l->first;
	o.last = sc->cl->n;
	o.kind = kind;
	o.open = l->open;
	o.end = end;
	o.run_off = l->run_off;
	o.run_end = l->run_end;
	o.denial = l->denial;
	o.mood = PENDING;
	if (o.last > o.first)
		add_outer(sc, &o);
	l->first = sc->cl->n;
	l->open = l->start = end;
	l->run_off = l->run_end = end;
	l->denial = 0;
}

/*
 * The sentence's clauses now end at entry w: what followed its last
 * clause (the line end of absorb) moves up behind them as it was.
 */
static void
keep_rest(struct scan *sc, size_t w)
{
	struct ir_clauses *cl = sc->cl;
	size_t i;

	for (i = sc->o[sc->no - 1].last; i < cl->n; i++)
		cl->c[w++] = cl->c[i];
	cl->n = w;
}

/*
 * Joins the pieces of each clause of the sentence that share a mood, so
 * that an entry is a whole clause unless a parenthesis of another mood
 * cuts it ("48人分のアドレス" "(氏名は含まれません)" "が表示されました").
 */
static void
merge(struct scan *sc)
{
	struct ir_clauses *cl = sc->cl;
	size_t k, i, w;

	if (sc->no == 0)
		return;
	w = sc->o[0].first;
	for (k = 0; k < sc->no; k++) {
		size_t start = w;

		for (i = sc->o[k].first; i < sc->o[k].last; i++) {
			if (w > start && cl->c[w - 1].mood == cl->c[i].mood)
				cl->c[w - 1].len = cl->c[i].off + cl->c[i].len - cl->c[w - 1].off;
			else
				cl->c[w++] = cl->c[i];
		}
	}
	keep_rest(sc, w);
}

/* Has a parenthesis of the sentence a mood of its own, which decides where its clauses are cut? */
static int
own_moods(const struct scan *sc)
{
	size_t i;

	for (i = sc->o[0].first; i < sc->cl->n; i++)
		if ((int)sc->cl->c[i].mood != PENDING)
			return 1;
	return 0;
}

/*
 * Each outer clause of the sentence becomes one entry, as merge would
 * make it, whose mood is worked out when it is looked up (work_out).
 */
static void
defer(struct scan *sc)
{
	struct ir_clauses *cl = sc->cl;
	size_t k, w = sc->o[0].first;

	if (cl->caplater < cl->cap) {
		cl->caplater = cl->cap;
		cl->later = ir_xrealloc(cl->later, cl->caplater * sizeof *cl->later);
	}
	for (k = 0; k < sc->no; k++, w++) {
		const struct ir_clause *last = &cl->c[sc->o[k].last - 1];

		cl->c[w] = cl->c[sc->o[k].first];
		cl->c[w].len = last->off + last->len - cl->c[w].off;
		cl->c[w].mood = (enum ir_mood)LATER;
		cl->later[w] = sc->o[k];
		cl->later[w].first = sc->o[0].first;
		cl->later[w].last = sc->o[0].first + sc->no;
	}
	keep_rest(sc, w);
}

/* Works out the moods of the sentence of entry i, deferred. */
static void
work_out(const struct ir_clauses *cl, size_t i)
{
	size_t from = cl->later[i].first, to = cl->later[i].last, k;

	ir_reach_moods(cl->text, &cl->later[from], to - from);
	for (k = from; k < to; k++)
		cl->c[k].mood = (enum ir_mood)cl->later[k].mood;
}

/*
 * Ends the sentence at end: its clauses' moods are worked out now when a
 * parenthesis of its own mood cuts them, else when they are looked up;
 * then each clause's pieces are joined.
 */
static void
end_sentence(struct scan *sc, size_t end)
{
	struct ir_clauses *cl = sc->cl;
	size_t i;

	end_clause(sc, end, IR_END_FINAL);
	if (sc->no > 0 && !own_moods(sc)) {
		defer(sc);
	} else {
		ir_reach_moods(sc->t, sc->o, sc->no);
		for (i = 0; i < sc->no; i++)
			settle(cl, sc->o[i].first, sc->o[i].last, sc->o[i].mood);
		merge(sc);
	}
	sc->lv[0].first = cl->n;
	sc->no = 0;
	sc->quote = 0;
	if (end > sc->sent_start) {
		if (cl->nsent == cl->capsent) {
			cl->capsent = cl->capsent ? cl->capsent * 2 : 32;
			cl->sent = ir_xrealloc(cl->sent, cl->capsent * sizeof *cl->sent);
		}
		cl->sent[cl->nsent].off = sc->sent_start;
		cl->sent[cl->nsent].len = end - sc->sent_start;
		cl->nsent++;
	}
	sc->sent_start = end;
}

/* The line end right after a sentence's end joins that sentence. */
static void
absorb(struct scan *sc, size_t end)
{
	struct ir_clauses *cl = sc->cl;

	cl->c[cl->n - 1].len = end - cl->c[cl->n - 1].off;
	cl->sent[cl->nsent - 1].len = end - cl->sent[cl->nsent - 1].off;
	sc->sent_start = sc->lv[0].start = sc->lv[0].open = end;
	sc->lv[0].run_off = sc->lv[0].run_end = end;
	sc->lv[0].denial = 0;
}

/*
 * The kind of clause a comma at t[at) ends, or -1 when it ends none: a
 * comma between nouns of a list (氏名、住所) follows a kanji or katakana,
 * one after a predicate follows its kana ending.
 */
static int
comma_kind(const char *t, size_t from, size_t at)
{
	static const struct { struct ir_word end; int kind; } ends[] = {
		{IR_W("ものの"), IR_END_ALONE}, {IR_W("けれども"), IR_END_ALONE}, {IR_W("けれど"), IR_END_ALONE},
		{IR_W("けど"), IR_END_ALONE}, {IR_W("ところ"), IR_END_ALONE}, {IR_W("とともに"), IR_END_ALONE},
		{IR_W("ので"), IR_END_REASON}, {IR_W("ため"), IR_END_REASON}, {IR_W("から"), IR_END_REASON},
		{IR_W("ない"), IR_END_NEG}, {IR_W("なく"), IR_END_NEG}, {IR_W("ず"), IR_END_NEG},
	};
	/* Particles that look like endings: about, as, by, from (…について、 …より、). */
	static const struct ir_word particles[] = {
		IR_W("について"), IR_W("につき"), IR_W("として"), IR_W("により"), IR_W("より"),
	};
	static const char cont[] = "てでしりきけえせれみちく";
	size_t k, at2;
	uint32_t prev = ir_cp_before(t, from, at, &at2);

	/* Every ending is kana: a comma after a kanji or katakana is a list's. */
	if (!ir_hiragana(prev))
		return -1;
	/* Each word is compared only where its last byte is the text's. */
	for (k = 0; k < sizeof particles / sizeof *particles; k++)
		if (t[at - 1] == particles[k].s[particles[k].n - 1] && at - from >= particles[k].n &&
		    memcmp(t + at - particles[k].n, particles[k].s, particles[k].n) == 0)
			return -1;
	for (k = 0; k < sizeof ends / sizeof *ends; k++)
		if (t[at - 1] == ends[k].end.s[ends[k].end.n - 1] && at - from >= ends[k].end.n &&
		    memcmp(t + at - ends[k].end.n, ends[k].end.s, ends[k].end.n) == 0) {
			/* から after a noun says from (関係者から、). */
			if (k == 8 && !ir_hiragana(ir_cp_before(t, from, at - 6, NULL)))
				return -1;
			return ends[k].kind;
		}
	/* で after a noun says at (当社で、). */
	if (prev == 0x3067 && !ir_hiragana(ir_cp_before(t, from, at2, NULL)))
		return -1;
	if (prev == 0x304C) /* が after a predicate: ましたが, ですが, ないが */
		return ir_cp_in(ir_cp_before(t, from, at2, NULL), "たすんいるだうくぬつ") ? IR_END_ALONE : -1;
	return ir_cp_in(prev, cont) ? IR_END_CONT : -1;
}

/*
 * A contrast (AではなくB) ending at the comma at i denies A, not the
 * object before it: "書類を、送り先ではなく、別の事業所へ送りました" cuts
 * after 書類を、, which takes the mood of the clause after the contrast
 * (ja/reach.h).  Only a clause of one piece is cut, so that no
 * parenthesis stands across the cut.
 */
static void
cut_contrast(struct scan *sc, size_t i)
{
	static const char wo[] = "を、";
	const char *t = sc->t;
	size_t from = sc->lv[0].start, k;

	if (sc->cl->n != sc->lv[0].first ||
	    !(ir_ends_with(t, from, i, "ではなく") || ir_ends_with(t, from, i, "でなく")))
		return;
	for (k = i; k >= from + sizeof wo - 1; k--)
		if (memcmp(t + k - (sizeof wo - 1), wo, sizeof wo - 1) == 0) {
			end_clause(sc, k, IR_END_ARG);
			return;
		}
}

/* Does the line end at t[nl) go on into the next line (…は\n含まれておりません)? */
static int
line_goes_on(const char *t, size_t from, size_t nl, size_t len)
{
	size_t e = nl;
	uint32_t next;
	int w;

	while (e > from && (t[e - 1] == ' ' || t[e - 1] == '\t' || t[e - 1] == '\r'))
		e--;
	if (!ir_cp_in(ir_cp_before(t, from, e, NULL), "はがをにのともでへや、"))
		return 0;
	if (nl + 1 >= len || t[nl + 1] == '\n')
		return 0;
	w = ir_utf8_next((const unsigned char *)t + nl + 1, len - nl - 1, &next);
	return w == 3 && (ir_hiragana(next) || (next >= 0x4E00 && next <= 0x9FFF) ||
			  (next >= 0x30A1 && next <= 0x30FA));
}

/* Is E3 80 c one of 、 。 「 」 『 』? */
static int
is_stop(unsigned char c)
{
	return c == 0x81 || c == 0x82 || (c >= 0x8C && c <= 0x8F);
}

/*
 * Reads the punctuation at text[i] (。 、 「 」 『 』); returns its length.
 * A quotation is one phrase: its 。 and 、 end nothing ("「…なっている。」
 * と電話があり、発覚した"); so is a short parenthesis (…ません。).
 */
static size_t
punctuation(struct scan *sc, size_t i)
{
	unsigned char c = (unsigned char)sc->t[i + 2];

	if (c == 0x8C || c == 0x8E) {
		if (sc->quote++ == 0)
			sc->quote_open = i;
	} else if ((c == 0x8D || c == 0x8F) && sc->quote > 0) {
		sc->quote--;
	} else if (sc->quote > 0 && i - sc->quote_open <= LONG_GROUP) {
		return 3;
	} else if (c == 0x82) {
		if (sc->depth == 0 || i - sc->lv[sc->depth].open > LONG_GROUP)
			end_sentence(sc, i + 3);
	} else if (c == 0x81 && sc->depth == 0) {
		int kind = comma_kind(sc->t, sc->lv[0].start, i);

		if (kind == IR_END_NEG)
			cut_contrast(sc, i);
		if (kind >= 0)
			end_clause(sc, i + 3, (enum ir_clause_end)kind);
	}
	return 3;
}

/*
 * Where in the sixteen bytes at p the first byte stands that may end or
 * open anything: a line end, ( ) ! ?, or the punctuation of
 * U+3000-U+303F (E3 80 …); 16 when none does.  The byte after them is
 * read too, to see an E3 80 across the edge.  Each is the first byte of
 * its character, so the scan lands on whole characters.
 */
static inline unsigned
next_stop(const char *p)
{
	ir_v16 v = ir_v16_load(p), w = ir_v16_load(p + 1);
	ir_v16 m = IR_V16_EQ(v, ir_v16_splat('\n')) | IR_V16_EQ(v, ir_v16_splat('(')) |
		   IR_V16_EQ(v, ir_v16_splat(')')) | IR_V16_EQ(v, ir_v16_splat('!')) |
		   IR_V16_EQ(v, ir_v16_splat('?')) |
		   (IR_V16_EQ(v, ir_v16_splat(0xE3)) & IR_V16_EQ(w, ir_v16_splat(0x80)));
	struct ir_v16_lanes lanes;

	return ir_v16_lanes(m, &lanes) ? (unsigned)ir_v16_next_lane(&lanes) : 16;
}

/*
 * How far to step over a byte that cannot end or open anything: 0 for
 * the line end, ( ) ! ? and the lead byte of U+3000-U+30FF (punctuation
 * and kana, told apart by the caller); the length of the character
 * otherwise.  For the last bytes of the text, too few for next_stop.
 */
static inline size_t
skip(unsigned char ch)
{
	if (ch < 0x80)
		return ch == '\n' || ch == '(' || ch == ')' || ch == '!' || ch == '?' ? 0 : 1;
	if (ch < 0xE0)
		return ch < 0xC0 ? 1 : 2;
	if (ch < 0xF0)
		return ch == 0xE3 ? 0 : 3;
	return 4;
}

void
ir_clauses_read(struct ir_clauses *cl, const char *text, size_t len)
{
	struct scan sc;
	size_t i = 0;

	memset(&sc, 0, sizeof sc);
	sc.cl = cl;
	sc.t = text;
	sc.len = len;
	cl->n = cl->nsent = 0;
	cl->text = text;
	while (i < len) {
		unsigned char ch;

		/* Most characters say nothing here: kanji, kana, letters. */
		if (i + 17 <= len) {
			unsigned k = next_stop(text + i);

			i += k;
			if (k == 16)
				continue;
		}
		ch = (unsigned char)text[i];
		if (skip(ch) != 0) {
			i += skip(ch);
			continue;
		}
		if (ch == 0xE3 && i + 1 < len && (unsigned char)text[i + 1] != 0x80) {
			i += 3;
			continue;
		}
		if (ch == '\n') {
			if (i == sc.sent_start && cl->n > 0)
				absorb(&sc, i + 1);
			else if (!line_goes_on(text, sc.sent_start, i, len))
				end_sentence(&sc, i + 1);
			i++;
		} else if (ch == '(' && sc.depth + 1 < MAX_DEPTH) {
			open_level(&sc, i);
			i++;
		} else if (ch == ')' && sc.depth > 0) {
			close_level(&sc, i + 1);
			i++;
		} else if ((ch == '!' || ch == '?') && i > 0 && (unsigned char)text[i - 1] >= 0x80 &&
			   sc.quote == 0) {
			end_sentence(&sc, i + 1);
			i++;
		} else if (ch == 0xE3 && i + 2 < len && (unsigned char)text[i + 1] == 0x80 &&
			   is_stop((unsigned char)text[i + 2])) {
			i += punctuation(&sc, i);
		} else {
			i++;
		}
	}
	end_sentence(&sc, len);
	free(sc.o);
}

const struct ir_clause *
ir_clause_at(const struct ir_clauses *cl, size_t off, size_t *hint)
{
	size_t i = ir_span_find(cl->c, cl->n, sizeof *cl->c, offsetof(struct ir_clause, off), off, hint);

	if (i >= cl->n)
		return NULL;
	if ((int)cl->c[i].mood == LATER)
		work_out(cl, i);
	return &cl->c[i];
}

enum ir_mood
ir_mood_at(const struct ir_clauses *cl, size_t off, size_t *hint)
{
	const struct ir_clause *c = ir_clause_at(cl, off, hint);

	return c != NULL ? c->mood : IR_MOOD_FACT;
}

void
ir_clauses_free(struct ir_clauses *cl)
{
	free(cl->c);
	free(cl->sent);
	free(cl->later);
	memset(cl, 0, sizeof *cl);
}
