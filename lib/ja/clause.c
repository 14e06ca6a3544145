#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/bytescan.h"
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
 * own, the same one, or one of what came of it (影響は, 被害は).  A concessive (…ましたが、) stands alone.
 */
enum kind {
	K_FINAL,  /* ends its sentence */
	K_CONT,   /* て、 し、 り、 き、 け、 え、 せ、 れ、 み、 ち、 く、 */
	K_NEG,    /* ず、 なく、 ない、: a negative continuative */
	K_REASON, /* ため、 ので、 から、 */
	K_ALONE   /* が、 ものの、 けれども、 ところ、 とともに、 */
};

/*
 * An outer clause: its pieces, how it ends, where its predicate stands,
 * its mood.  One whose mood is worked out when it is looked up is kept in
 * cl->later, at its entry, with first and last the entries of its
 * sentence (one an outer clause).
 */
struct ir_outer {
	size_t first, last; /* entries of cl->c, parentheses included */
	enum kind kind;
	size_t open, end;   /* its text, where its topic is looked for (topic_at) when needed */
	size_t run_off, run_end; /* the last piece with text: where its predicate is */
	size_t denial;      /* end of a subjectless denial in parentheses, or 0 */
	int mood;
};

#define PENDING (-1) /* a parenthesis without a predicate: its clause's mood */
#define LATER 3      /* a clause whose mood is worked out when it is looked up */

enum { MAX_DEPTH = 8, TAIL_CHARS = 15, LONG_GROUP = 300 };

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

/* ---- reading the end of a clause ---- */

static int
is_hiragana(uint32_t cp)
{
	return cp >= 0x3041 && cp <= 0x309F;
}

/* Is cp one of the characters of set (three-byte characters, concatenated)? */
static int
one_of(uint32_t cp, const char *set)
{
	const unsigned char *p = (const unsigned char *)set;
	unsigned last = 0x80 | (cp & 0x3F);

	/* Compared by their last bytes first: they differ most there. */
	for (; *p != '\0'; p += 3)
		if (p[2] == last && ir_utf8_cp3(p) == cp)
			return 1;
	return 0;
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

/* A word of the lists below, its length known: mood_of reads every clause's end. */
struct word {
	const char *s;
	size_t n;
};

#define W(s) {s, sizeof s - 1}

/* Drops what closes a clause after its predicate: blanks, stops, closing brackets. */
static size_t
strip(const char *t, size_t from, size_t end)
{
	while (end > from) {
		const unsigned char *p = (const unsigned char *)t + end;

		switch (p[-1]) {
		case ' ': case '\t': case '\r': case '\n': case '.': case ',': case '!': case '?':
		case ':': case ';': case ')': case ']':
			end--;
			continue;
		case 0x82: case 0x81: case 0x8D: case 0x8F: case 0x91: /* 。 、 」 』 】 */
			if (end - from >= 3 && p[-3] == 0xE3 && p[-2] == 0x80) {
				end -= 3;
				continue;
			}
			return end;
		default:
			return end;
		}
	}
	return end;
}

/* Consumes a run of the given words at t[i..end); returns 1 if it reached end. */
static int
only_words(const char *t, size_t i, size_t end, const struct word *words, size_t nwords)
{
	while (i < end) {
		size_t k, best = 0;

		for (k = 0; k < nwords; k++)
			if (words[k].n > best && end - i >= words[k].n && t[i] == words[k].s[0] &&
			    memcmp(t + i, words[k].s, words[k].n) == 0)
				best = words[k].n;
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
static const struct word after_neg[] = {
	W("でした"), W("です"), W("である"), W("であり"), W("でしょう"), W("だった"), W("だ"), W("ようです"), W("よう"),
	W("そうです"), W("模様"), W("状況"), W("状態"), W("見込み"), W("次第"), W("こと"), W("旨"), W("もの"),
	W("と"), W("を"), W("が"), W("は"), W("も"), W("から"), W("ので"), W("ため"), W("けれども"), W("けれど"),
	W("ものの"), W("し"), W("て"), W("確認"), W("判明"), W("判断"), W("考え"), W("推測"), W("報告"),
	W("把握"), W("思わ"), W("見られ"), W("され"), W("さ"), W("いたし"), W("致し"), W("でき"), W("まし"),
	W("ます"), W("た"), W("おり"), W("おります"), W("いる"), W("い"), W("れ"), W("る"), W("ん"),
	W("ございます"), W("あり"), W("ありました"), W("として"), W("しており"), W("ね"), W("な"), W("っ"), W("仕組み"),
	W("仕様"), W("形"), W("という"), W("とのこと"),
};

/* What may follow a request and leave the clause a request. */
static const struct word after_advice[] = {
	W("ます"), W("いたします"), W("致します"), W("します"), W("申し上げます"), W("しております"), W("しています"),
	W("して"), W("おります"), W("います"), W("を"), W("です"), W("ませ"), W("いたしたく"), W("存じます"), W("ね"),
	W("よう"),
};

/*
 * Words before a negation that make it no denial.  Right before it:
 * possibility (かもしれません, かねません, 限りません), and words that hold
 * ない without denying (少ない, 間違いない, しかない, 間もなく).
 */
static const struct word not_denial_next[] = {
	W("かもしれ"), W("かね"), W("限り"), W("構い"), W("少"), W("危"), W("違い"), W("ほか"), W("しか"),
	W("間も"), W("かかわら"), W("関わら"), W("拘ら"), W("とどまら"), W("止まら"), W("のみなら"),
};

/*
 * A few kana before it: apologies (申し訳ございません), possibility
 * (否定できません), and the negations of knowing or of recovering, which
 * leave the incident standing (特定できていません, 見つかっておりません).
 */
static const struct word not_denial_near[] = {
	W("申し訳"), W("申訳"), W("否定"), W("排除"), W("特定"), W("判明"), W("分かっ"), W("わかっ"), W("把握"),
	W("見つか"), W("回収"), W("発見"), W("確定"), W("完了"), W("終了"), W("解決"), W("復旧"), W("取れ"),
	W("戻"), W("返却"), W("所在"),
};

static const struct word negations[] = {
	W("ません"), W("ない"), W("なかっ"), W("なく"), W("なし"), W("無い"), W("無く"), W("無し"), W("ず"),
};
static const struct word requests[] = {
	W("ください"), W("下さい"), W("お願い"), W("願います"), W("幸いです"), W("お勧め"), W("おすすめ"), W("推奨"),
	W("ご注意"), W("ご留意"),
};

/*
 * Does one of words end right before t[at), or (near) with nothing but
 * kana between it and at, within five characters?
 */
static int
preceded_by(const char *t, size_t from, size_t at, const struct word *words, size_t nwords, int near)
{
	size_t k, end = at, n;

	for (n = 0; n <= (near ? 5u : 0u); n++) {
		for (k = 0; k < nwords; k++)
			if (end - from >= words[k].n && t[end - 1] == words[k].s[words[k].n - 1] &&
			    memcmp(t + end - words[k].n, words[k].s, words[k].n) == 0)
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
	return one_of(cp, "おこごそぞほぼぽよろ");
}

/* Is ず at t[at) a negation (おらず, 含まず), not まず, 必ず, はず, いずれ? */
static int
negative_zu(const char *t, size_t from, size_t at)
{
	size_t at2;
	uint32_t prev = cp_before(t, from, at, &at2), prev2;

	if (prev == 0 || !one_of(prev, "られせけさたまかが"))
		return 0;
	prev2 = cp_before(t, from, at2, NULL);
	return prev2 != 0 && prev2 != 0x3001 && prev2 != ' ';
}

/* What a character may open: a negation (ま な 無 ず) or a request (く 下 お 願 幸 推 ご). */
enum { OPENS_NOTHING, OPENS_NEGATION, OPENS_REQUEST };

/* What the three-byte character at p may open; most fail on their last byte alone. */
static int
may_open(const unsigned char *p)
{
	switch (p[2]) {
	case 0xBE: case 0xAA: case 0xA1: case 0x9A: case 0x8F: case 0x8B: case 0x8A:
	case 0x98: case 0xB8: case 0xA8: case 0x94:
		break;
	default:
		return OPENS_NOTHING;
	}
	switch (p[0] == 0xE3 || (p[0] >= 0xE4 && p[0] <= 0xE9) ? ir_utf8_cp3(p) : 0) {
	case 0x307E: case 0x306A: case 0x7121: case 0x305A:
		return OPENS_NEGATION;
	case 0x304F: case 0x4E0B: case 0x304A: case 0x9858: case 0x5E78: case 0x63A8: case 0x3054:
		return OPENS_REQUEST;
	default:
		return OPENS_NOTHING;
	}
}

/* The mood of the negation at t[i..end), or -1 when none stands there. */
static int
denial_at(const char *t, size_t from, size_t i, size_t end)
{
	size_t k;

	for (k = 0; k < sizeof negations / sizeof *negations; k++) {
		size_t n = negations[k].n;

		if (end - i < n || t[i + 2] != negations[k].s[2] || t[i + 1] != negations[k].s[1] ||
		    memcmp(t + i, negations[k].s, n) != 0)
			continue;
		if (k == sizeof negations / sizeof *negations - 1 && !negative_zu(t, from, i))
			continue;
		if (k >= 1 && k <= 4 && o_row(cp_before(t, from, i, NULL)))
			continue; /* おこない, ともなく: a verb's own な */
		if (preceded_by(t, from, i, not_denial_next, sizeof not_denial_next / sizeof *not_denial_next, 0) ||
		    preceded_by(t, from, i, not_denial_near, sizeof not_denial_near / sizeof *not_denial_near, 1))
			continue;
		if (only_words(t, i + n, end, after_neg, sizeof after_neg / sizeof *after_neg))
			return IR_MOOD_DENIED;
	}
	return -1;
}

/* The mood of the request at t[i..end), or -1 when none stands there. */
static int
request_at(const char *t, size_t i, size_t end)
{
	size_t k;

	for (k = 0; k < sizeof requests / sizeof *requests; k++) {
		size_t n = requests[k].n;

		if (end - i >= n && t[i + 2] == requests[k].s[2] && t[i + 1] == requests[k].s[1] &&
		    memcmp(t + i, requests[k].s, n) == 0 &&
		    only_words(t, i + n, end, after_advice, sizeof after_advice / sizeof *after_advice))
			return IR_MOOD_ADVICE;
	}
	return -1;
}

/*
 * The mood of the predicate at the end of t[from..end): the last negation
 * or request in its last TAIL_CHARS characters that nothing but closing
 * words follow.  Read from the end, the first found is the last; the text
 * is valid UTF-8, so a byte E0-EF two before a character's end is the
 * start of that three-byte character.
 */
static int
mood_of(const char *t, size_t from, size_t end)
{
	const unsigned char *u = (const unsigned char *)t;
	size_t lo, i;
	int mood;

	end = strip(t, from, end);
	lo = end - from > TAIL_CHARS * 3 ? end - TAIL_CHARS * 3 : from;
	for (i = end; i >= lo + 3;) {
		if ((u[i - 3] & 0xF0) != 0xE0) {
			i--; /* ASCII, or a character of two or four bytes */
			continue;
		}
		i -= 3;
		switch (may_open(u + i)) {
		case OPENS_NEGATION:
			mood = denial_at(t, from, i, end);
			break;
		case OPENS_REQUEST:
			mood = request_at(t, i, end);
			break;
		default:
			mood = -1;
		}
		if (mood >= 0)
			return mood;
	}
	return IR_MOOD_FACT;
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
settle(struct ir_clauses *cl, size_t first, size_t last, int mood)
{
	size_t i;

	for (i = first; i < last; i++)
		if ((int)cl->c[i].mood == PENDING)
			cl->c[i].mood = (enum ir_mood)mood;
}

/*
 * Where the first topic of t[from..end) ends: the offset of its は (after
 * a word that is not kana), or 0 when there is none.
 */
static size_t
topic_at(const char *t, size_t from, size_t end)
{
	const char *p = t + from;

	while ((p = ir_utf8_find(p, (size_t)(t + end - p), "は")) != NULL) {
		uint32_t prev = cp_before(t, from, (size_t)(p - t), NULL);

		if (prev != 0 && !is_hiragana(prev))
			return (size_t)(p - t);
		p += 3;
	}
	return 0;
}

static int
has_topic(const char *t, size_t from, size_t end)
{
	return topic_at(t, from, end) != 0;
}

/*
 * May a topic's clause take the denial of the next one, whose topic is
 * at next (0: none)?  When the next has none, names the same thing
 * (パスワードは…、元のパスワードは…) or only says what came of it
 * (…管理しており、影響はございません).
 */
static int
same_topic(const char *t, size_t mine, size_t next)
{
	static const char *const outcomes[] = {"影響", "被害", "流出", "漏えい", "漏洩", "心配", "おそれ",
					       "恐れ", "問題", "事実"};
	size_t k;

	if (next == 0)
		return 1;
	for (k = 0; k < sizeof outcomes / sizeof *outcomes; k++)
		if (ends_with(t, 0, next, outcomes[k]))
			return 1;
	return mine >= 6 && next >= 6 && memcmp(t + mine - 6, t + next - 6, 6) == 0;
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
	settle(sc->cl, l->first, sc->cl->n, mood);
	sc->depth--;
	sc->lv[sc->depth].start = end;
	if (mood == IR_MOOD_DENIED && !has_topic(sc->t, l->open, end))
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
end_clause(struct scan *sc, size_t end, enum kind kind)
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
 * Works out the moods of a sentence's outer clauses: each its own, then,
 * from the last, what the one after it passes on (see enum kind).  Topics
 * matter only before a denial, and are looked for only there.
 */
static void
moods(const char *t, struct ir_outer *o, size_t no)
{
	size_t i, topic;

	for (i = 0; i < no; i++) {
		o[i].mood = mood_of(t, o[i].run_off, o[i].run_end);
		/* "・パスワード(含まれません)": the parenthesis ends the clause and denies its words. */
		if (o[i].denial && strip(t, o[i].denial, o[i].end) == o[i].denial && o[i].mood == IR_MOOD_FACT &&
		    !has_predicate(t, o[i].run_off, o[i].run_end))
			o[i].mood = IR_MOOD_DENIED;
	}
	for (i = no; i-- > 0;) {
		struct ir_outer *next = i + 1 < no ? &o[i + 1] : NULL;

		if (next == NULL || (o[i].mood != IR_MOOD_FACT && o[i].kind != K_NEG))
			continue;
		if (next->mood == IR_MOOD_ADVICE && (o[i].kind == K_CONT || o[i].kind == K_NEG))
			o[i].mood = IR_MOOD_ADVICE;
		else if (next->mood == IR_MOOD_DENIED && (o[i].kind == K_CONT || o[i].kind == K_REASON) &&
			 (topic = topic_at(t, o[i].open, o[i].end)) != 0 &&
			 same_topic(t, topic, topic_at(t, next->open, next->end)))
			o[i].mood = IR_MOOD_DENIED;
	}
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
	size_t k, i, w = sc->o[0].first;

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
	/* What follows the last clause (the line end of absorb) stays as it was. */
	for (i = sc->o[sc->no - 1].last; i < cl->n; i++)
		cl->c[w++] = cl->c[i];
	cl->n = w;
}

/* Works out the moods of the sentence of entry i, deferred. */
static void
work_out(const struct ir_clauses *cl, size_t i)
{
	size_t from = cl->later[i].first, to = cl->later[i].last, k;

	moods(cl->text, &cl->later[from], to - from);
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

	end_clause(sc, end, K_FINAL);
	if (sc->no > 0 && !own_moods(sc)) {
		defer(sc);
	} else {
		moods(sc->t, sc->o, sc->no);
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
	static const struct { struct word end; int kind; } ends[] = {
		{W("ものの"), K_ALONE}, {W("けれども"), K_ALONE}, {W("けれど"), K_ALONE}, {W("けど"), K_ALONE},
		{W("ところ"), K_ALONE}, {W("とともに"), K_ALONE}, {W("ので"), K_REASON}, {W("ため"), K_REASON},
		{W("から"), K_REASON}, {W("ない"), K_NEG}, {W("なく"), K_NEG}, {W("ず"), K_NEG},
	};
	/* Particles that look like endings: about, as, by, from (…について、 …より、). */
	static const struct word particles[] = {W("について"), W("につき"), W("として"), W("により"), W("より")};
	static const char cont[] = "てでしりきけえせれみちく";
	size_t k, at2;
	uint32_t prev = cp_before(t, from, at, &at2);

	/* Every ending is kana: a comma after a kanji or katakana is a list's. */
	if (!is_hiragana(prev))
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
			if (k == 8 && !is_hiragana(cp_before(t, from, at - 6, NULL)))
				return -1;
			return ends[k].kind;
		}
	/* で after a noun says at (当社で、). */
	if (prev == 0x3067 && !is_hiragana(cp_before(t, from, at2, NULL)))
		return -1;
	if (prev == 0x304C) /* が after a predicate: ましたが, ですが, ないが */
		return one_of(cp_before(t, from, at2, NULL), "たすんいるだうくぬつ") ? K_ALONE : -1;
	return one_of(prev, cont) ? K_CONT : -1;
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
	if (!one_of(cp_before(t, from, e, NULL), "はがをにのともでへや、"))
		return 0;
	if (nl + 1 >= len || t[nl + 1] == '\n')
		return 0;
	w = ir_utf8_next((const unsigned char *)t + nl + 1, len - nl - 1, &next);
	return w == 3 && (is_hiragana(next) || (next >= 0x4E00 && next <= 0x9FFF) ||
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

		if (kind >= 0)
			end_clause(sc, i + 3, (enum kind)kind);
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
