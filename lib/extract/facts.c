#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/cpset.h"
#include "base/err.h"
#include "base/utf8.h"
#include "extract/cues.h"
#include "extract/facts.h"
#include "ja/rx.h"

/*
 * Most characters begin none of the words of the patterns below, and
 * PCRE2 would try each pattern at nearly every one: each is anchored (\G)
 * and tried only at the characters its words begin with (find_at_starts),
 * gathered at start-up from the words themselves.
 */
struct starts {
	struct ir_rx rx;
	const char *words;         /* the words a match begins with: "a|b|c" */
	char firsts[64 * 4 + 1];   /* their first characters */
	struct ir_cpset set;       /* ... as a set */
};

#define STARTS(words, rest) {IR_RX("\\G(?:" words ")" rest), words, {0}, IR_CPSET(NULL)}

/* A verb of telling: 報告 (not 報告書), 届出, 相談, 通報, 被害届 … */
static struct starts told = STARTS(
	"報告(?!書)|届出|届け出|届けて|連絡(?!先)|相談(?!窓口)|通報|被害申告|被害届|申告|提出|"
	"速報|確報|情報提供", "");
/* Asking for a report is not reporting: 報告を求め, 報告するよう求める. */
static struct starts asked = STARTS("報告|提出", "(?:を|する|するよう|するように)?(?:求め|要請|命じ)");
/* Finding out, or being told: 判明, 検知, 連絡を受け, ご指摘をいただき, お知らせがあり. */
#define TOLD_NOUNS "連絡|通報|指摘|通知|情報提供|報告|申し出|申出|問い合わせ|問合せ|お知らせ|苦情|照会"
static struct starts learned = {
	IR_RX("\\G(?:判明|検知|発覚|確認し|確認され|確認いたし|確認でき|気づ|気付|把握|発見|認識し|認知|覚知|"
	      "(?:" TOLD_NOUNS ")(?:を|が)?(?:受け|いただ|頂|あり|あっ|入|届|寄せ|相次))"),
	"判明|検知|発覚|確認し|確認され|確認いたし|確認でき|気づ|気付|把握|発見|認識し|認知|覚知|" TOLD_NOUNS,
	{0}, IR_CPSET(NULL),
};

enum { RESOLVE_TAIL = 16 * 3 }; /* where a clause's predicate stands */

/* A generic name standing for the authority after it: 監督官庁である個人情報保護委員会. */
static struct ir_rx apposition = IR_RX("^\\s*(?:である|たる|の|\\(|、)");
/* ... generic, not one body's own name: "警察、農政局、個人情報保護委員会" is a list. */
static struct ir_rx generic = IR_RX("^(?:監督|所管|所轄|関係|当局)");
/* What a vendor does when it only looks into an incident, a few words after its name. */
enum { INVESTIGATES_NEAR = 15 * 3 };
static struct ir_rx investigates = IR_RX(
	"調査|調べ|解析|分析|フォレンジック|診断|助言|支援|協力|対策|検証|復旧|相談(?!員)|"
	"(?:と|に|へ)(?:の)?(?:連絡|依頼|協議)");
/*
 * Another company's system the organisation uses: a vendor, though unnamed
 * as one.  Tried only where one of its first words stands (next_use).
 */
static struct ir_rx used_system = IR_RX(
	"\\G(?:利用|使用|導入|採用)(?:する|している|しており|していた|中の)[^。、\\n]{0,30}?"
	"(?:社|会社|事業者)(?:\\([^)\\n]{0,40}\\))?の[^。、\\n]{0,20}?"
	"(?:システム|サービス|サーバ|クラウド|プラットフォーム)");
static struct ir_rx incident = IR_RX(
	"不正|流出|漏え|漏洩|漏れ|紛失|誤|攻撃|感染|侵入|持ち出|盗|ミス|不備|被害|閲覧|窃取|改ざん|"
	"暗号化|ランサム|残置|設定");

/* The first match of p at or after from in t[0..n), tried where its words may begin. */
static int
find_at_starts(const struct starts *p, const char *t, size_t n, size_t from, struct ir_rx_match *m)
{
	size_t at;

	for (at = from; (at = ir_cpset_next(&p->set, t, n, at)) < n; at += (unsigned char)t[at] < 0x80 ? 1 : 3)
		if (ir_rx_find(&p->rx, t, n, at, m))
			return 1;
	return 0;
}

/* Does p match within t[0..n)? */
static int
test_at_starts(const struct starts *p, const char *t, size_t n)
{
	struct ir_rx_match m;

	return find_at_starts(p, t, n, 0, &m);
}

int
ir_stated(const struct ir_read *r, size_t off, struct ir_place *p, int *part)
{
	const struct ir_section *s = ir_notice_at(r->nt, off, &p->section);
	const struct ir_clause *c;

	*part = s ? (int)s->part : IR_PART_TITLE;
	/* A heading is its own first clause: "3.お客様へのお願い" asks. */
	if (s != NULL && s != p->asked) {
		p->asked = s;
		p->advice = s->head_len > 0 && ir_mood_at(r->cl, s->head_off, NULL) == IR_MOOD_ADVICE;
	}
	if (s != NULL && p->advice)
		return 0;
	c = ir_clause_at(r->cl, off, &p->clause);
	return c == NULL || c->mood == IR_MOOD_FACT;
}

/* Can a verb of resolve_at_end's begin with cp (ま 努 徹 強 図 講 取 見 所)? */
static int
opens_resolve(uint32_t cp)
{
	switch (cp) {
	case 0x307E: case 0x52AA: case 0x5FB9: case 0x5F37: case 0x56F3: case 0x8B1B: case 0x53D6:
	case 0x898B: case 0x6240:
		return 1;
	default:
		return 0;
	}
}

/*
 * Does the predicate at the end of t[from..end) state a resolve: a verb
 * of resolving in the future tense (…を徹底いたします, …に努めてまいります,
 * …を図ります), not a past act (…を見直しました)?
 */
static int
resolve_at_end(const char *t, size_t from, size_t end)
{
	static const struct { const char *w; size_t n; } verbs[] = {
#define V(w) {w, sizeof w - 1}
		V("まいります"), V("努めます"), V("努めて"), V("徹底いたします"), V("徹底します"),
		V("徹底して"), V("強化いたします"), V("強化します"), V("強化して"), V("図ります"),
		V("図って"), V("講じます"), V("取り組みます"), V("見直します"), V("見直してまいり"),
		V("所存"),
#undef V
	};
	size_t i, k, lo = end - from > RESOLVE_TAIL ? end - RESOLVE_TAIL : from;

	/* By characters: each verb opens with one of ま 努 徹 強 図 講 取 見 所, compared only there. */
	for (i = lo; i < end && ((unsigned char)t[i] & 0xC0) == 0x80; i++)
		;
	for (; i + 3 <= end; i += (unsigned char)t[i] >= 0xE0 && (unsigned char)t[i] < 0xF0 ? 3 : 1) {
		if ((unsigned char)t[i] < 0xE3 || (unsigned char)t[i] > 0xE9 ||
		    !opens_resolve(ir_utf8_cp3((const unsigned char *)t + i)))
			continue;
		for (k = 0; k < sizeof verbs / sizeof *verbs; k++)
			if (end - i >= verbs[k].n && t[i + 2] == verbs[k].w[2] && t[i + 1] == verbs[k].w[1] &&
			    memcmp(t + i, verbs[k].w, verbs[k].n) == 0)
				return 1;
	}
	return 0;
}

int
ir_resolves(const struct ir_read *r, size_t off, struct ir_place *p)
{
	const struct ir_clause *c = ir_clause_at(r->cl, off, &p->clause);

	/* Mentions come in lists: each clause is read once. */
	if (c != NULL && c != p->read) {
		const struct ir_span *s = &r->cl->sent[c->sentence];

		p->read = c;
		/* The predicate may close the sentence, after the clause of the mention. */
		p->resolve = resolve_at_end(r->t, c->off, c->off + c->len) ||
			     resolve_at_end(r->t, s->off, s->off + s->len);
	}
	return c != NULL && p->resolve;
}

struct ir_span
ir_sentence_at(const struct ir_read *r, size_t off, struct ir_place *p)
{
	const struct ir_clause *c = ir_clause_at(r->cl, off, &p->clause);
	struct ir_span whole = {0, r->len};

	return c != NULL ? r->cl->sent[c->sentence] : whole;
}

/*
 * Is someone told in the clause of off or after it in its sentence, and
 * no one asked for a report?  The sentence is read once, for the start of
 * its last verb of telling; mentions in text order share it.
 */
static int
tells(const struct ir_read *r, size_t off, struct ir_place *p, struct ir_span *sent, size_t *verb)
{
	const struct ir_clause *c = ir_clause_at(r->cl, off, &p->clause);
	struct ir_span s = ir_sentence_at(r, off, p);
	struct ir_rx_match m;
	size_t from;

	if (sent->off != s.off || sent->len != s.len) {
		*sent = s;
		*verb = (size_t)-1;
		if (!test_at_starts(&asked, r->t + s.off, s.len))
			for (from = s.off; find_at_starts(&told, r->t, s.off + s.len, from, &m); from = m.end)
				*verb = m.start;
	}
	return *verb != (size_t)-1 && c != NULL && *verb >= c->off;
}

/* Does the cue end one of the names (the publisher's, the one a regulator acted on)? */
static int
within(const struct ir_read *r, const struct ir_cue *c, const struct ir_span *names, size_t n)
{
	size_t k, end = c->off + c->len;

	for (k = 0; k < n; k++)
		if (names[k].len >= c->len && names[k].len <= end &&
		    memcmp(r->t + end - names[k].len, r->t + names[k].off, names[k].len) == 0)
			return 1;
	return 0;
}

/*
 * Is cues[i] a generic name (当局, 関係機関) in a heading whose section
 * names an authority?  The heading then only sums up the section's names:
 * "3.当局への報告" over "個人情報保護委員会へ報告…警察署に相談".
 */
static int
heads_named(const struct ir_read *r, const struct ir_cues *cues, size_t i, struct ir_place *p)
{
	const struct ir_cue *c = &cues->v[i];
	const struct ir_section *sec = ir_notice_at(r->nt, c->off, &p->section);
	size_t k;

	if (sec == NULL || sec->head_len == 0 || c->off < sec->head_off ||
	    c->off >= sec->head_off + sec->head_len || !ir_rx_test(&generic, r->t + c->off, c->len))
		return 0;
	for (k = i + 1; k < cues->n && cues->v[k].off < sec->off + sec->len; k++)
		if (cues->v[k].kind == IR_CUE_AUTHORITY && !ir_rx_test(&generic, r->t + cues->v[k].off, cues->v[k].len))
			return 1;
	return 0;
}

unsigned
ir_reported_to(const struct ir_read *r, const struct ir_cues *cues, int self_ppc,
	       const struct ir_span *names, size_t nnames)
{
	struct ir_place p = IR_PLACE_INIT;
	struct ir_span sent = {(size_t)-1, 0};
	size_t i, verb = (size_t)-1;
	unsigned got = 0;
	int part;

	for (i = 0; i < cues->n; i++) {
		const struct ir_cue *c = &cues->v[i];
		unsigned who = c->value;
		size_t end = c->off + c->len;

		if (c->kind != IR_CUE_AUTHORITY || (who == IR_TOLD_PPC && self_ppc))
			continue;
		/* A report is a fact wherever it is told, prevention included. */
		if ((got & who) || !ir_stated(r, c->off, &p, &part) || part == IR_PART_CONTACT ||
		    within(r, c, names, nnames))
			continue;
		/* 監督官庁である個人情報保護委員会: the second names the first. */
		if (c->value == IR_TOLD_OTHER && i + 1 < cues->n && ir_rx_test(&generic, r->t + c->off, c->len) &&
		    cues->v[i + 1].kind == IR_CUE_AUTHORITY && cues->v[i + 1].off - end <= 12 &&
		    ir_rx_test(&apposition, r->t + end, cues->v[i + 1].off - end))
			continue;
		if (c->value == IR_TOLD_OTHER && heads_named(r, cues, i, &p))
			continue;
		if (tells(r, c->off, &p, &sent, &verb))
			got |= who;
	}
	return got;
}

/* An open bracket before the word with no close after it: the word is in an aside. */
int
ir_learned_in(const char *t, size_t n)
{
	struct ir_rx_match m;
	size_t from = 0;

	while (find_at_starts(&learned, t, n, from, &m)) {
		const char *open = memrchr(t, '(', m.start);

		if (open == NULL || memchr(open, ')', m.start - (size_t)(open - t)) != NULL)
			return 1;
		from = m.end;
	}
	return 0;
}

/*
 * Does the vendor named at c only look into the incident: a word of
 * investigating right after it ("保守事業者の調査により", "専門業者に依頼し"),
 * with no word of the incident between?
 */
static int
investigating(const struct ir_read *r, const struct ir_cue *c)
{
	size_t end = c->off + c->len, n = r->len - end;
	struct ir_rx_match m;

	return ir_rx_find(&investigates, r->t + end, n < INVESTIGATES_NEAR ? n : INVESTIGATES_NEAR, 0, &m) &&
	       !ir_rx_test(&incident, r->t + end, m.start);
}

/*
 * Does the clause of off have a predicate (a kana ending)?  A contractor
 * in an incident does something; one named in a clause that is only a
 * noun phrase is a group of people listed (従業員、委託業務従事者).
 */
static int
acts(const struct ir_read *r, size_t off, struct ir_place *p)
{
	const struct ir_clause *c = ir_clause_at(r->cl, off, &p->clause);
	size_t end;
	uint32_t cp = 0;

	if (c == NULL)
		return 0;
	end = c->off + c->len;
	while (end > c->off && strchr(" \t\r\n", r->t[end - 1]) != NULL)
		end--;
	/* A parenthesis at the end is a note on the phrase: (退職者を含む). */
	if (end > c->off && r->t[end - 1] == ')') {
		const char *open = memrchr(r->t + c->off, '(', end - c->off);

		if (open != NULL)
			end = (size_t)(open - r->t);
	}
	while (end >= c->off + 3 && (memcmp(r->t + end - 3, "。", 3) == 0 ||
				     memcmp(r->t + end - 3, "、", 3) == 0 ||
				     memcmp(r->t + end - 3, "」", 3) == 0))
		end -= 3;
	if (end >= c->off + 3)
		ir_utf8_next((const unsigned char *)r->t + end - 3, 3, &cp);
	return cp >= 0x3041 && cp <= 0x309F;
}

/* Are the three bytes at p one of the (three-byte) characters of set? */
static int
one_of(const char *p, const char *set)
{
	for (; *set != '\0'; set += 3)
		if (memcmp(p, set, 3) == 0)
			return 1;
	return 0;
}

/*
 * Where 利用, 使用, 採用 or 導入 (the words used_system begins with) next
 * starts at or after from, or len.  Each is found by its last character;
 * at[] keeps where the last one found of each starts (SIZE_MAX: not yet
 * looked for), so that the body is read once for each.
 */
static size_t
next_use(const struct ir_read *r, size_t from, size_t at[2])
{
	static const char *const tail[2] = {"用", "入"}, *const head[2] = {"利使採", "導"};
	size_t k, i, best = r->len;
	const char *p;

	for (k = 0; k < 2; k++) {
		if (at[k] == SIZE_MAX || at[k] < from) {
			at[k] = r->len;
			for (i = from + 3; i < r->len && (p = ir_utf8_find(r->t + i, r->len - i, tail[k])) != NULL;
			     i = (size_t)(p - r->t) + 3)
				if (one_of(p - 3, head[k])) {
					at[k] = (size_t)(p - r->t) - 3;
					break;
				}
		}
		if (at[k] < best)
			best = at[k];
	}
	return best;
}

/* Is a system of another company the organisation uses hit ("利用する見本社の予約システムが…")? */
static int
vendor_system(const struct ir_read *r)
{
	struct ir_place p = IR_PLACE_INIT;
	struct ir_rx_match m;
	size_t from = r->nt->body_off, at[2] = {SIZE_MAX, SIZE_MAX}, use;
	int part;

	while ((use = next_use(r, from, at)) < r->len) {
		const struct ir_clause *c;

		if (!ir_rx_find(&used_system, r->t, r->len, use, &m)) {
			from = use + 3;
			continue;
		}
		c = ir_clause_at(r->cl, m.start, &p.clause);
		from = m.end;
		if (ir_stated(r, m.start, &p, &part) && part != IR_PART_PREVENTION &&
		    part != IR_PART_CONTACT && c != NULL &&
		    ir_rx_test(&incident, r->t + m.end, c->off + c->len - m.end))
			return 1;
	}
	return 0;
}

int
ir_contractor(const struct ir_read *r, const struct ir_cues *cues)
{
	struct ir_place p = IR_PLACE_INIT;
	size_t i;
	int part;

	for (i = 0; i < cues->n; i++) {
		const struct ir_cue *c = &cues->v[i];

		/* In the data part a contractor is whose data leaked (協力会社社員の…). */
		if (c->kind != IR_CUE_CONTRACTOR || !ir_stated(r, c->off, &p, &part) ||
		    part == IR_PART_PREVENTION || part == IR_PART_CONTACT || part == IR_PART_DATA ||
		    ir_resolves(r, c->off, &p) || investigating(r, c) || !acts(r, c->off, &p))
			continue;
		return 1;
	}
	return vendor_system(r);
}

static struct ir_rx *const patterns[] = {
	&told.rx, &asked.rx, &learned.rx, &apposition, &generic, &investigates, &used_system, &incident,
};

/* Writes the first character of each of the words "a|b|c" to out (of size bytes). */
static void
first_chars(const char *words, char *out, size_t size)
{
	const char *w = words;
	size_t len = 0;
	uint32_t cp;

	for (;;) {
		int k = ir_utf8_next((const unsigned char *)w, strlen(w), &cp);

		if (k <= 0 || len + (size_t)k >= size)
			ir_die(IR_EXIT_FAIL, NULL, 0, "bug: the first characters of /%s/ do not fit", words);
		memcpy(out + len, w, (size_t)k);
		len += (size_t)k;
		if ((w = strchr(w, '|')) == NULL)
			break;
		w++;
	}
	out[len] = '\0';
}

void
ir_facts_prepare(void)
{
	static struct starts *const anchored[] = {&told, &asked, &learned};
	size_t k;

	for (k = 0; k < sizeof anchored / sizeof *anchored; k++) {
		struct starts *p = anchored[k];

		if (p->set.ready)
			continue;
		first_chars(p->words, p->firsts, sizeof p->firsts);
		p->set.chars = p->firsts;
		ir_cpset_build(&p->set);
	}
	ir_rx_compile(patterns, sizeof patterns / sizeof *patterns);
}
