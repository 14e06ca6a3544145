#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "ja/ending.h"
#include "ja/predicate.h"

enum { TAIL_CHARS = 15 }; /* how far from its end a predicate's negation or request may stand */

size_t
ir_predicate_end(const char *t, size_t from, size_t end)
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
only_words(const char *t, size_t i, size_t end, const struct ir_word *words, size_t nwords)
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
static const struct ir_word after_neg[] = {
	IR_W("でした"), IR_W("です"), IR_W("である"), IR_W("であり"), IR_W("でしょう"), IR_W("だった"), IR_W("だ"), IR_W("ようです"), IR_W("よう"),
	IR_W("そうです"), IR_W("模様"), IR_W("状況"), IR_W("状態"), IR_W("見込み"), IR_W("次第"), IR_W("こと"), IR_W("旨"), IR_W("もの"),
	IR_W("と"), IR_W("を"), IR_W("が"), IR_W("は"), IR_W("も"), IR_W("から"), IR_W("ので"), IR_W("ため"), IR_W("けれども"), IR_W("けれど"),
	IR_W("ものの"), IR_W("し"), IR_W("て"), IR_W("確認"), IR_W("判明"), IR_W("判断"), IR_W("考え"), IR_W("推測"), IR_W("報告"),
	IR_W("把握"), IR_W("思わ"), IR_W("見られ"), IR_W("され"), IR_W("さ"), IR_W("いたし"), IR_W("致し"), IR_W("でき"), IR_W("まし"),
	IR_W("ます"), IR_W("た"), IR_W("おり"), IR_W("おります"), IR_W("いる"), IR_W("い"), IR_W("れ"), IR_W("る"), IR_W("ん"),
	IR_W("ございます"), IR_W("あり"), IR_W("ありました"), IR_W("として"), IR_W("しており"), IR_W("ね"), IR_W("な"), IR_W("っ"), IR_W("仕組み"),
	IR_W("仕様"), IR_W("形"), IR_W("という"), IR_W("とのこと"),
};

/* What may follow a request and leave the clause a request. */
static const struct ir_word after_advice[] = {
	IR_W("ます"), IR_W("いたします"), IR_W("致します"), IR_W("します"), IR_W("申し上げます"), IR_W("しております"), IR_W("しています"),
	IR_W("して"), IR_W("おります"), IR_W("います"), IR_W("を"), IR_W("です"), IR_W("ませ"), IR_W("いたしたく"), IR_W("存じます"), IR_W("ね"),
	IR_W("よう"),
};

/*
 * Words before a negation that make it no denial.  Right before it:
 * possibility (かもしれません, かねません, 限りません), and words that hold
 * ない without denying (少ない, 間違いない, しかない, 間もなく).
 */
static const struct ir_word not_denial_next[] = {
	IR_W("かもしれ"), IR_W("かね"), IR_W("限り"), IR_W("構い"), IR_W("少"), IR_W("危"), IR_W("違い"), IR_W("ほか"), IR_W("しか"),
	IR_W("間も"), IR_W("かかわら"), IR_W("関わら"), IR_W("拘ら"), IR_W("とどまら"), IR_W("止まら"), IR_W("のみなら"),
};

/*
 * A few kana before it: apologies (申し訳ございません), possibility
 * (否定できません), and the negations of knowing or of recovering, which
 * leave the incident standing (特定できていません, 見つかっておりません).
 */
static const struct ir_word not_denial_near[] = {
	IR_W("申し訳"), IR_W("申訳"), IR_W("否定"), IR_W("排除"), IR_W("特定"), IR_W("判明"), IR_W("分かっ"), IR_W("わかっ"), IR_W("把握"),
	IR_W("見つか"), IR_W("回収"), IR_W("発見"), IR_W("確定"), IR_W("完了"), IR_W("終了"), IR_W("解決"), IR_W("復旧"), IR_W("取れ"),
	IR_W("戻"), IR_W("返却"), IR_W("所在"),
};

static const struct ir_word negations[] = {
	IR_W("ません"), IR_W("ない"), IR_W("なかっ"), IR_W("なく"), IR_W("なし"), IR_W("無い"), IR_W("無く"), IR_W("無し"), IR_W("ず"),
};
static const struct ir_word requests[] = {
	IR_W("ください"), IR_W("下さい"), IR_W("お願い"), IR_W("願います"), IR_W("幸いです"), IR_W("お勧め"), IR_W("おすすめ"), IR_W("推奨"),
	IR_W("ご注意"), IR_W("ご留意"),
};

/*
 * Does one of words end right before t[at), or (near) with nothing but
 * kana between it and at, within five characters?
 */
static int
preceded_by(const char *t, size_t from, size_t at, const struct ir_word *words, size_t nwords, int near)
{
	size_t k, end = at, n;

	for (n = 0; n <= (near ? 5u : 0u); n++) {
		for (k = 0; k < nwords; k++)
			if (end - from >= words[k].n && t[end - 1] == words[k].s[words[k].n - 1] &&
			    memcmp(t + end - words[k].n, words[k].s, words[k].n) == 0)
				return 1;
		if (!ir_hiragana(ir_cp_before(t, from, end, &end)))
			return 0;
	}
	return 0;
}

/* Kana of the o row, which no negative ない follows (おこない, 伴い as ともない). */
static int
o_row(uint32_t cp)
{
	return ir_cp_in(cp, "おこごそぞほぼぽよろ");
}

/* Is ず at t[at) a negation (おらず, 含まず), not まず, 必ず, はず, いずれ? */
static int
negative_zu(const char *t, size_t from, size_t at)
{
	size_t at2;
	uint32_t prev = ir_cp_before(t, from, at, &at2), prev2;

	if (prev == 0 || !ir_cp_in(prev, "られせけさたまかが"))
		return 0;
	prev2 = ir_cp_before(t, from, at2, NULL);
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
		if (k >= 1 && k <= 4 && o_row(ir_cp_before(t, from, i, NULL)))
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
enum ir_mood
ir_predicate_mood(const char *t, size_t from, size_t end)
{
	const unsigned char *u = (const unsigned char *)t;
	size_t lo, i;
	int mood;

	end = ir_predicate_end(t, from, end);
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
			return (enum ir_mood)mood;
	}
	return IR_MOOD_FACT;
}

int
ir_has_predicate(const char *t, size_t from, size_t end)
{
	end = ir_predicate_end(t, from, end);
	return ir_hiragana(ir_cp_before(t, from, end, NULL));
}

