#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/span.h"
#include "base/utf8.h"
#include "ja/clause.h"

/*
 * How a clause ends, which decides what it takes from the clause after
 * it in its sentence.  A continuative (調査し、 いただき、 受け、) shares
 * the request of the clause it leads into, and so does a negative one
 * (開かず、削除してください); a clause with a topic that ends
 * in a continuative or a reason (パスワードは暗号化されており、…) shares
 * the denial of the clause it leads into when that one has no topic of its
 * own.  A concessive (…ましたが、) stands alone.
 */
enum kind {
	K_FINAL,  /* ends its sentence */
	K_CONT,   /* て、 し、 り、 き、 け、 え、 せ、 れ、 み、 ち、 く、 */
	K_NEG,    /* ず、 なく、 ない、: a negative continuative */
	K_REASON, /* ため、 ので、 から、 */
	K_ALONE   /* が、 ものの、 けれども、 ところ、 とともに、 */
};

/* An outer clause: its pieces, how it ends, its mood. */
struct outer {
	size_t first, last; /* entries of cl->c, parentheses included */
	enum kind kind;
	int topic;          /* it holds a topic (…は) */
	int mood;
};

#define PENDING (-1) /* a parenthesis without a predicate: its clause's mood */

enum { MAX_DEPTH = 8, TAIL_CHARS = 40, LONG_GROUP = 300 };

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
	struct outer *o; /* outer clauses of the current sentence */
	size_t no, capo;
	size_t sent_start;
	size_t quote, quote_open; /* open 「 』 and where the first opened */
};

/* ---- reading the end of a clause ---- */

static int
is_hiragana(uint32_t cp)
{
	return cp >= 0x3041 && cp <= 0x309F;
}

/* The code point ending at t[end), and its start in *at. */
static uint32_t
cp_before(const char *t, size_t from, size_t end, size_t *at)
{
	size_t i = end;
	uint32_t cp;

	if (i <= from)
		return 0;
	do
		i--;
	while (i > from && ((unsigned char)t[i] & 0xC0) == 0x80);
	ir_utf8_next((const unsigned char *)t + i, end - i, &cp);
	if (at)
		*at = i;
	return cp;
}

static int
ends_with(const char *t, size_t from, size_t end, const char *w)
{
	size_t k = strlen(w);

	return end - from >= k && memcmp(t + end - k, w, k) == 0;
}

/* Drops what closes a clause after its predicate: blanks, stops, closing brackets. */
static size_t
strip(const char *t, size_t from, size_t end)
{
	static const char *const closers[] = {"。", "、", "」", "』", "】", ")", " ", "\t", ".", ",",
					      "!", "?", ":", ";", "\r", "\n", "]"};
	size_t i, k;

	do {
		k = end;
		for (i = 0; i < sizeof closers / sizeof *closers; i++)
			if (ends_with(t, from, end, closers[i]))
				end -= strlen(closers[i]);
	} while (end != k);
	return end;
}

/* Consumes a run of the given words at t[*i..end); returns 1 if it reached end. */
static int
only_words(const char *t, size_t i, size_t end, const char *const *words, size_t nwords)
{
	while (i < end) {
		size_t k, best = 0;

		for (k = 0; k < nwords; k++) {
			size_t n = strlen(words[k]);

			if (n > best && end - i >= n && memcmp(t + i, words[k], n) == 0)
				best = n;
		}
		if (best == 0)
			return 0;
		i += best;
	}
	return 1;
}

/*
 * What may follow a negation and leave the clause a denial: tense and
 * politeness, a nominaliser and a verb of finding or judging
 * (…ないことを確認いたしました), a connective (…ませんが).
 */
static const char *const after_neg[] = {
	"でした", "です", "である", "であり", "でしょう", "だった", "だ", "ようです", "よう",
	"そうです", "模様", "状況", "状態", "見込み", "次第", "こと", "旨", "もの", "と", "を",
	"が", "は", "も", "から", "ので", "ため", "けれども", "けれど", "ものの", "し", "て",
	"確認", "判明", "判断", "考え", "推測", "報告", "把握", "思わ", "見られ", "され", "さ",
	"いたし", "致し", "でき", "まし", "ます", "た", "おり", "おります", "いる", "い", "れ",
	"る", "ん", "ございます", "あり", "ありました", "として", "しており", "ね",
};

/* What may follow a request and leave the clause a request. */
static const char *const after_advice[] = {
	"ます", "いたします", "致します", "します", "申し上げます", "しております", "しています",
	"して", "おります", "います", "を", "です", "ませ", "いたしたく", "存じます", "ね",
	"よう",
};

/*
 * Words before a negation that make it no denial.  Right before it:
 * possibility (かもしれません, かねません, 限りません), and words that hold
 * ない without denying (少ない, 間違いない, しかない, 間もなく).
 */
static const char *const not_denial_next[] = {
	"かもしれ", "かね", "限り", "構い", "少", "危", "違い", "ほか", "しか", "間も", "かかわら",
	"関わら", "拘ら", "とどまら", "止まら", "のみなら",
};

/*
 * A few kana before it: apologies (申し訳ございません), possibility
 * (否定できません), and the negations of knowing or of recovering, which
 * leave the incident standing (特定できていません, 見つかっておりません).
 */
static const char *const not_denial_near[] = {
	"申し訳", "申訳", "否定", "排除", "特定", "判明", "分かっ", "わかっ", "把握", "見つか", "回収",
	"発見", "確定", "完了", "終了", "解決", "復旧", "取れ",
};

static const char *const negations[] = {"ません", "ない", "なかっ", "なく", "なし", "無い", "無く",
					"無し", "ず"};
static const char *const requests[] = {"ください", "下さい", "お願い", "願います", "幸いです",
				       "お勧め", "おすすめ", "推奨", "ご注意", "ご留意"};

/*
 * Does one of words end right before t[at), or (near) with nothing but
 * kana between it and at, within five characters?
 */
static int
preceded_by(const char *t, size_t from, size_t at, const char *const *words, size_t nwords, int near)
{
	size_t k, end = at, n;

	for (n = 0; n <= (near ? 5u : 0u); n++) {
		for (k = 0; k < nwords; k++)
			if (ends_with(t, from, end, words[k]))
				return 1;
		if (!is_hiragana(cp_before(t, from, end, &end)))
			return 0;
	}
	return 0;
}

/* Kana of the o row, which no negative ない follows (おこない, 伴い as ともない). */
static int
o_row(uint32_t cp)
{
	static const char row[] = "おこごそぞほぼぽよろ";
	char buf[4];

	return ir_utf8_encode(cp, buf) == 3 && memmem(row, sizeof row - 1, buf, 3) != NULL;
}

/* Is ず at t[at) a negation (おらず, 含まず), not まず, 必ず, はず, いずれ? */
static int
negative_zu(const char *t, size_t from, size_t at)
{
	static const char stems[] = "られせけさたまかが";
	size_t at2;
	uint32_t prev = cp_before(t, from, at, &at2), prev2;
	char buf[4];
	size_t k = ir_utf8_encode(prev, buf);

	if (prev == 0 || k != 3 || memmem(stems, sizeof stems - 1, buf, 3) == NULL)
		return 0;
	prev2 = cp_before(t, from, at2, NULL);
	return prev2 != 0 && prev2 != 0x3001 && prev2 != ' ';
}

/*
 * The mood of the predicate at the end of t[from..end): the last negation
 * or request in its last TAIL_CHARS characters that nothing but closing
 * words follow.
 */
static int
mood_of(const char *t, size_t from, size_t end)
{
	size_t lo, i, k;
	int mood = IR_MOOD_FACT;

	end = strip(t, from, end);
	lo = end - from > TAIL_CHARS * 3 ? end - TAIL_CHARS * 3 : from;
	while (lo > from && ((unsigned char)t[lo] & 0xC0) == 0x80)
		lo++;
	for (i = lo; i < end; i++) {
		if (((unsigned char)t[i] & 0xC0) == 0x80)
			continue;
		for (k = 0; k < sizeof negations / sizeof *negations; k++) {
			size_t n = strlen(negations[k]);

			if (end - i < n || memcmp(t + i, negations[k], n) != 0)
				continue;
			if (k == sizeof negations / sizeof *negations - 1 && !negative_zu(t, from, i))
				continue;
			if (k >= 1 && k <= 4 && o_row(cp_before(t, from, i, NULL)))
				continue; /* おこない, ともなく: a verb's own な */
			if (preceded_by(t, from, i, not_denial_next,
					sizeof not_denial_next / sizeof *not_denial_next, 0) ||
			    preceded_by(t, from, i, not_denial_near,
					sizeof not_denial_near / sizeof *not_denial_near, 1))
				continue;
			if (only_words(t, i + n, end, after_neg, sizeof after_neg / sizeof *after_neg))
				mood = IR_MOOD_DENIED;
		}
		for (k = 0; k < sizeof requests / sizeof *requests; k++) {
			size_t n = strlen(requests[k]);

			if (end - i >= n && memcmp(t + i, requests[k], n) == 0 &&
			    only_words(t, i + n, end, after_advice, sizeof after_advice / sizeof *after_advice))
				mood = IR_MOOD_ADVICE;
		}
	}
	return mood;
}

/* Does the text end in a predicate (a kana ending), not a bare noun phrase? */
static int
has_predicate(const char *t, size_t from, size_t end)
{
	end = strip(t, from, end);
	return is_hiragana(cp_before(t, from, end, NULL));
}

/* ---- cutting the text ---- */

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

	if (strip(sc->t, l->start, end) > l->start) {
		l->run_off = l->start;
		l->run_end = end;
	}
	add_entry(sc, l->start, end, PENDING);
	l->start = end;
}

static void
settle(struct ir_clauses *cl, size_t first, int mood)
{
	size_t i;

	for (i = first; i < cl->n; i++)
		if ((int)cl->c[i].mood == PENDING)
			cl->c[i].mood = (enum ir_mood)mood;
}

/* Is there a topic (…は after a word that is not kana) in t[from..end)? */
static int
has_topic(const char *t, size_t from, size_t end)
{
	const char *p = t + from;

	while ((p = memmem(p, (size_t)(t + end - p), "は", 3)) != NULL) {
		uint32_t prev = cp_before(t, from, (size_t)(p - t), NULL);

		if (prev != 0 && !is_hiragana(prev))
			return 1;
		p += 3;
	}
	return 0;
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
	mood = mood_of(sc->t, l->run_off, l->run_end);
	if (mood == IR_MOOD_FACT)
		mood = PENDING;
	settle(sc->cl, l->first, mood);
	sc->depth--;
	sc->lv[sc->depth].start = end;
	if (mood == IR_MOOD_DENIED && !has_topic(sc->t, l->open, end))
		sc->lv[sc->depth].denial = end;
}

static void
add_outer(struct scan *sc, const struct outer *o)
{
	if (sc->no == sc->capo) {
		sc->capo = sc->capo ? sc->capo * 2 : 16;
		sc->o = ir_xrealloc(sc->o, sc->capo * sizeof *sc->o);
	}
	sc->o[sc->no++] = *o;
}

/* Ends the outer clause at end, of the given kind. */
static void
end_clause(struct scan *sc, size_t end, enum kind kind)
{
	struct level *l;
	struct outer o;

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
	o.topic = has_topic(sc->t, l->open, end);
	o.mood = mood_of(sc->t, l->run_off, l->run_end);
	/* "・パスワード(含まれません)": the parenthesis ends the clause and denies its words. */
	if (l->denial && strip(sc->t, l->denial, end) == l->denial && o.mood == IR_MOOD_FACT &&
	    !has_predicate(sc->t, l->run_off, l->run_end))
		o.mood = IR_MOOD_DENIED;
	if (o.last > o.first)
		add_outer(sc, &o);
	l->first = sc->cl->n;
	l->open = l->start = end;
	l->run_off = l->run_end = end;
	l->denial = 0;
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
	/* What follows the last clause (the line end of absorb) stays as it was. */
	for (i = sc->o[sc->no - 1].last; i < cl->n; i++)
		cl->c[w++] = cl->c[i];
	cl->n = w;
}

/*
 * Ends the sentence at end: each clause, from the last, takes what the
 * one after it passes on (see enum kind), then its pieces get its mood.
 */
static void
end_sentence(struct scan *sc, size_t end)
{
	struct ir_clauses *cl = sc->cl;
	size_t i;

	end_clause(sc, end, K_FINAL);
	for (i = sc->no; i-- > 0;) {
		struct outer *o = &sc->o[i], *next = i + 1 < sc->no ? &sc->o[i + 1] : NULL;

		if (next != NULL && (o->mood == IR_MOOD_FACT || o->kind == K_NEG)) {
			if (next->mood == IR_MOOD_ADVICE && (o->kind == K_CONT || o->kind == K_NEG))
				o->mood = IR_MOOD_ADVICE;
			else if (next->mood == IR_MOOD_DENIED && o->topic && !next->topic &&
				 (o->kind == K_CONT || o->kind == K_REASON))
				o->mood = IR_MOOD_DENIED;
		}
		settle(cl, o->first, o->mood);
	}
	merge(sc);
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
	static const struct { const char *end; int kind; } ends[] = {
		{"ものの", K_ALONE}, {"けれども", K_ALONE}, {"けれど", K_ALONE}, {"けど", K_ALONE},
		{"ところ", K_ALONE}, {"とともに", K_ALONE}, {"ので", K_REASON}, {"ため", K_REASON},
		{"から", K_REASON}, {"ない", K_NEG}, {"なく", K_NEG}, {"ず", K_NEG},
	};
	/* Particles that look like endings: about, as, by, from (…について、 …より、). */
	static const char *const particles[] = {"について", "につき", "として", "により", "より"};
	static const char cont[] = "てでしりきけえせれみちく";
	size_t k, at2;
	uint32_t prev;
	char buf[4];

	for (k = 0; k < sizeof particles / sizeof *particles; k++)
		if (ends_with(t, from, at, particles[k]))
			return -1;
	for (k = 0; k < sizeof ends / sizeof *ends; k++)
		if (ends_with(t, from, at, ends[k].end)) {
			/* から and で after a noun say from and at (関係者から、 当社で、). */
			if (strcmp(ends[k].end, "から") == 0 && !is_hiragana(cp_before(t, from, at - 6, NULL)))
				return -1;
			return ends[k].kind;
		}
	prev = cp_before(t, from, at, &at2);
	if (prev == 0x3067 && !is_hiragana(cp_before(t, from, at2, NULL)))
		return -1;
	if (prev == 0x304C) { /* が after a predicate: ましたが, ですが, ないが */
		uint32_t p2 = cp_before(t, from, at2, NULL);
		static const char verb_ends[] = "たすんいるだうくぬつ";

		k = ir_utf8_encode(p2, buf);
		return k == 3 && memmem(verb_ends, sizeof verb_ends - 1, buf, 3) ? K_ALONE : -1;
	}
	k = ir_utf8_encode(prev, buf);
	return k == 3 && memmem(cont, sizeof cont - 1, buf, 3) ? K_CONT : -1;
}

/* Does the line end at t[nl) go on into the next line (…は\n含まれておりません)? */
static int
line_goes_on(const char *t, size_t from, size_t nl, size_t len)
{
	static const char particles[] = "はがをにのともでへや、";
	size_t e = nl;
	uint32_t prev, next;
	char buf[4];
	int w;

	while (e > from && (t[e - 1] == ' ' || t[e - 1] == '\t' || t[e - 1] == '\r'))
		e--;
	prev = cp_before(t, from, e, NULL);
	if (ir_utf8_encode(prev, buf) != 3 || memmem(particles, sizeof particles - 1, buf, 3) == NULL)
		return 0;
	if (nl + 1 >= len || t[nl + 1] == '\n')
		return 0;
	w = ir_utf8_next((const unsigned char *)t + nl + 1, len - nl - 1, &next);
	return w == 3 && (is_hiragana(next) || (next >= 0x4E00 && next <= 0x9FFF) ||
			  (next >= 0x30A1 && next <= 0x30FA));
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

		if (kind >= 0)
			end_clause(sc, i + 3, (enum kind)kind);
	}
	return 3;
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
	while (i < len) {
		unsigned char ch = (unsigned char)text[i];

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
			   strchr("\x81\x82\x8C\x8D\x8E\x8F", text[i + 2]) != NULL) {
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

	return i < cl->n ? &cl->c[i] : NULL;
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
	memset(cl, 0, sizeof *cl);
}
