#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
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
/*
 * A date that only dates what a noun names: 3月13日に発送した「…」,
 * 4月1日に送付した書類; not the time of finding (点検を行った際に).
 */
static struct ir_rx attributive = IR_RX(
	"\\G\\s*(?:\\([^)]{0,8}\\))?\\s*に[^、。\\n]{0,20}?(?:た|ました)"
	"(?!際|時|折|後|結果|上)(?=「|[\\x{4E00}-\\x{9FFF}\\x{30A1}-\\x{30FA}])");
/* A later time: what follows is another event (…が行われたのち、…を確認); 午後 is a time of day. */
static struct ir_rx later = IR_RX("のち|(?<!午)後、|その後|以降");
/* What a date heading a line of a timeline may have beside it: a time, brackets. */
static struct ir_rx line_date_rest = IR_RX("^[\\s()0-9:時分頃ごろ午前後~-]*$");
/* A date that bounds something rather than marks an event. */
static struct ir_rx boundary = IR_RX("^\\s*(?:以前|以降|まで|より前|より後|から|時点|現在|~)");
static struct ir_rx range_end = IR_RX("(?:~|から|-)\\s*$");
static struct ir_rx learned_heading = IR_RX("(?:判明|発覚|検知|覚知|認知|発見)(?:した)?(?:日|日時)");
static struct ir_rx window = IR_RX("期間|の間|までの間|まで|にかけて|から");

enum { RESOLVE_TAIL = 16 * 3 }; /* where a clause's predicate stands */

/* A generic name standing for the authority after it: 監督官庁である個人情報保護委員会. */
static struct ir_rx apposition = IR_RX("^\\s*(?:である|たる|の|\\(|、)");
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
		if (c->value == IR_TOLD_OTHER && i + 1 < cues->n &&
		    cues->v[i + 1].kind == IR_CUE_AUTHORITY && cues->v[i + 1].off - end <= 12 &&
		    ir_rx_test(&apposition, r->t + end, cues->v[i + 1].off - end))
			continue;
		if (tells(r, c->off, &p, &sent, &verb))
			got |= who;
	}
	return got;
}

static void
add_date(struct ir_dates *ds, size_t off, size_t len, struct ir_date d)
{
	if (ds->n == ds->cap) {
		ds->cap = ds->cap ? ds->cap * 2 : 32;
		ds->v = ir_xrealloc(ds->v, ds->cap * sizeof *ds->v);
	}
	ds->v[ds->n].off = off;
	ds->v[ds->n].len = len;
	ds->v[ds->n].d = d;
	ds->n++;
}

/* Reads "N日" (blanks allowed) at s; returns its length and sets *day, or 0. */
static size_t
day_at(const char *s, size_t n, int *day)
{
	size_t i = 0;
	int v = 0;

	while (i < n && s[i] == ' ')
		i++;
	if (i >= n || s[i] < '0' || s[i] > '9')
		return 0;
	while (i < n && s[i] >= '0' && s[i] <= '9' && v < 100)
		v = v * 10 + (s[i++] - '0');
	while (i < n && s[i] == ' ')
		i++;
	if (n - i < 3 || memcmp(s + i, "日", 3) != 0 || v < 1 || v > 31)
		return 0;
	*day = v;
	return i + 3;
}

/*
 * A date written against another at text[at): 同年8月1日, 同月18日, 同日 (of
 * the date before), 本年 and 今年 (of this_year), 昨年 (the year before it).
 * Returns its length and sets *d, or 0.
 */
static size_t
relative_date(const char *text, size_t len, size_t at, const struct ir_dates *ds, int this_year,
	      struct ir_date *d)
{
	static const char *const years[] = {"同年", "本年", "今年", "昨年"};
	const struct ir_date *last = ds->n ? &ds->v[ds->n - 1].d : NULL;
	size_t k, n;
	int day;

	for (k = 0; k < 4; k++)
		if (len - at >= 6 && memcmp(text + at, years[k], 6) == 0 &&
		    (n = ir_date_parse(text + at + 6, len - at - 6, d)) > 0 && d->y == 0) {
			d->y = k == 0 ? (last ? last->y : 0) : this_year ? this_year - (k == 3) : 0;
			return 6 + n;
		}
	if (last == NULL || last->m == 0)
		return 0;
	if (len - at >= 6 && memcmp(text + at, "同月", 6) == 0 &&
	    (n = day_at(text + at + 6, len - at - 6, &day)) > 0) {
		*d = (struct ir_date){last->y, last->m, day, NULL};
		return ir_date_valid(*d) ? 6 + n : 0;
	}
	if (len - at >= 6 && memcmp(text + at, "同日", 6) == 0 && last->d != 0) {
		*d = *last;
		return 6;
	}
	return 0;
}

/*
 * The next place at or after from where a relative date may start, or
 * len: 同 before 年, 月 or 日, or 年 after 本, 今 or 昨.  Found by the
 * characters' last bytes, as 。 is (base/utf8.h).
 */
static size_t
next_relative(const char *text, size_t len, size_t from)
{
	const char *p;
	size_t best = len, i;

	for (i = from; (p = ir_utf8_find(text + i, best - i, "同")) != NULL; i = (size_t)(p - text) + 3)
		if (best - (size_t)(p - text) >= 6 && (memcmp(p + 3, "年", 3) == 0 ||
						      memcmp(p + 3, "月", 3) == 0 || memcmp(p + 3, "日", 3) == 0)) {
			best = (size_t)(p - text);
			break;
		}
	for (i = from + (from + 3 <= best ? 3 : 0); i < best && (p = ir_utf8_find(text + i, best - i, "年")) != NULL;
	     i = (size_t)(p - text) + 3)
		if ((size_t)(p - text) >= from + 3 && (memcmp(p - 3, "本", 3) == 0 ||
						      memcmp(p - 3, "今", 3) == 0 || memcmp(p - 3, "昨", 3) == 0)) {
			best = (size_t)(p - text) - 3;
			break;
		}
	return best;
}

/* next_relative, from the marks of a pass (all of 同 本 今 昨 among them); *k the first not passed yet. */
static size_t
next_relative_marked(const char *text, size_t len, size_t from, const struct ir_cpmarks *marks, size_t *k)
{
	for (; *k < marks->n; ++*k) {
		const char *p = text + marks->at[*k];

		if (marks->at[*k] < from || marks->at[*k] + 6 > len)
			continue;
		if (memcmp(p, "同", 3) == 0 ? memcmp(p + 3, "年", 3) == 0 || memcmp(p + 3, "月", 3) == 0 ||
						 memcmp(p + 3, "日", 3) == 0 :
		    (memcmp(p, "本", 3) == 0 || memcmp(p, "今", 3) == 0 || memcmp(p, "昨", 3) == 0) &&
			    memcmp(p + 3, "年", 3) == 0)
			return marks->at[*k];
	}
	return len;
}

int
ir_dates_may_begin(uint32_t cp)
{
	return ir_date_may_begin(cp) || cp == 0x540C || cp == 0x672C || cp == 0x4ECA || cp == 0x6628; /* 同本今昨 */
}

void
ir_dates_scan(struct ir_dates *ds, const char *text, size_t len, size_t from, int this_year,
	      const struct ir_cpmarks *marks)
{
	size_t at = (size_t)-1, dlen = 0, rel = (size_t)-1, rlen, k = 0, kr = 0;
	struct ir_date d, rd;

	ds->n = 0;
	while (from < len) {
		/* The next written date and the next relative mark, each found once. */
		if (at == (size_t)-1 || at < from) {
			if (marks != NULL) {
				at = ir_date_find_marked(text, len, from, marks, &k, &d, &dlen);
			} else {
				at = ir_date_find(text + from, len - from, &d, &dlen);
				at = at == (size_t)-1 ? len : from + at;
			}
			at = at == (size_t)-1 ? len : at;
		}
		if (rel == (size_t)-1 || rel < from)
			rel = marks != NULL ? next_relative_marked(text, len, from, marks, &kr) :
					      next_relative(text, len, from);
		if (rel < at) {
			rlen = relative_date(text, len, rel, ds, this_year, &rd);
			if (rlen > 0)
				add_date(ds, rel, rlen, rd);
			from = rel + (rlen > 0 ? rlen : 3);
			continue;
		}
		if (at >= len)
			break;
		add_date(ds, at, dlen, d);
		from = at + dlen;
	}
}

void
ir_dates_free(struct ir_dates *ds)
{
	free(ds->v);
	memset(ds, 0, sizeof *ds);
}

static int
before(struct ir_date a, struct ir_date b)
{
	return ir_date_days(a) < ir_date_days(b);
}

/*
 * Gives d a year: the one of the last dated date, else the published one,
 * or the year before when a past event is meant (past) and the date would
 * fall after publication.
 */
static int
complete(struct ir_date *d, int last_year, struct ir_date published, int past)
{
	if (d->y != 0)
		return 1;
	if (last_year != 0) {
		d->y = last_year;
		return ir_date_valid(*d);
	}
	if (published.y == 0)
		return 0;
	d->y = published.y;
	if (past && before(published, *d))
		d->y--;
	return ir_date_valid(*d);
}

/* How far back a date without year may be put to stay before publication. */
enum { PAST_WITHOUT_YEAR_DAYS = 183 };

/*
 * A date written without year that the published year puts after
 * publication was found in the year before, when that is a few months
 * back: "12月8日" in a notice of January.  Later than that it is a plan
 * (8月21日に開催を予定), and is left after publication.
 */
static void
last_winter(struct ir_date *d, struct ir_date written, struct ir_date published)
{
	struct ir_date back = *d;

	if (written.y != 0 || published.y == 0 || !before(published, *d))
		return;
	back.y--;
	if (ir_date_valid(back) && ir_date_days(published) - ir_date_days(back) <= PAST_WITHOUT_YEAR_DAYS)
		*d = back;
}

/*
 * Does a heading name what the date at off is (判明日時)?  The heading of
 * its section, or the short line before its own (its sentence's).
 */
static int
under_heading(const struct ir_read *r, size_t off, struct ir_place *p)
{
	const struct ir_section *s = ir_notice_at(r->nt, off, &p->section);
	const struct ir_clause *c = ir_clause_at(r->cl, off, &p->clause);
	const struct ir_span *prev;

	if (s != NULL && s->head_len > 0 && s->head_len <= 40 * 3 &&
	    ir_rx_test(&learned_heading, r->t + s->head_off, s->head_len))
		return 1;
	if (c == NULL || c->sentence == 0)
		return 0;
	prev = &r->cl->sent[c->sentence - 1];
	return prev->len <= 40 * 3 && ir_rx_test(&learned_heading, r->t + prev->off, prev->len);
}

/* Does the date at off open its line, after blanks and an item's mark? */
static int
opens_line(const struct ir_read *r, size_t off)
{
	size_t i = off, k = 0;

	while (i > 0 && r->t[i - 1] != '\n' && k++ < 12)
		i--;
	if (i > 0 && r->t[i - 1] != '\n')
		return 0;
	/* (1), ①, ・ and blanks may stand before it. */
	while (i < off && (strchr(" \t()0-9", r->t[i]) != NULL))
		i++;
	return off - i <= 3;
}

/* The start of the next line in t[from..to) that opens an item: (2), 2., ・, ①. */
static size_t
next_item(const struct ir_read *r, size_t from, size_t to)
{
	const char *nl;

	while ((nl = memchr(r->t + from, '\n', to - from)) != NULL) {
		size_t i = (size_t)(nl - r->t) + 1, b = i;
		uint32_t cp;

		while (i < to && (r->t[i] == ' ' || r->t[i] == '\t'))
			i++;
		if (i < to && (r->t[i] == '(' || (r->t[i] >= '0' && r->t[i] <= '9' && i + 1 < to &&
						       r->t[i + 1] == '.') ||
			       (ir_utf8_next((const unsigned char *)r->t + i, to - i, &cp) == 3 &&
				(cp == 0x30FB || (cp >= 0x2460 && cp <= 0x2473)))))
			return b;
		from = i;
		if (from >= to)
			break;
	}
	return to;
}

/*
 * Where the verb of the date ds[i] is looked for: to the sentence's end,
 * its next date or a word of a later time.  A date that heads a line of a
 * timeline alone ("(2)7月19日(水) 13時頃") governs the lines under it, up
 * to the next date heading a line.
 */
static size_t
scope(const struct ir_read *r, const struct ir_dates *ds, size_t i, struct ir_place *p)
{
	size_t at = ds->v[i].off, end = at + ds->v[i].len, e, k;
	struct ir_span s = ir_sentence_at(r, at, p);
	struct ir_rx_match m;

	e = s.off + s.len;
	if (opens_line(r, at) && ir_rx_test(&line_date_rest, r->t + end, e - end)) {
		const struct ir_section *sec = ir_notice_at(r->nt, at, &p->section);

		e = sec != NULL ? sec->off + sec->len : r->len;
		for (k = i + 1; k < ds->n && ds->v[k].off < e; k++)
			if (opens_line(r, ds->v[k].off)) {
				e = ds->v[k].off;
				break;
			}
		return next_item(r, end, e);
	}
	if (i + 1 < ds->n && ds->v[i + 1].off < e)
		e = ds->v[i + 1].off;
	if (ir_rx_find(&later, r->t, e, end, &m))
		e = m.start;
	/* "3月13日に発送した「お知らせ」の…が判明": the date is the sending's. */
	if (ir_rx_find(&attributive, r->t, e, end, &m))
		return end;
	return e;
}

/*
 * Is there a word of finding out in t[0..n) outside brackets?  A bracketed
 * aside says how an event is known, not that it was found then: "9月8日頃
 * 攻撃者が侵入(後日の調査で判明)".
 */
static int
learned_in(const char *t, size_t n)
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

/* Where notices say when they found out: what happened, and how it unfolded. */
static int
tells_discovery(int part)
{
	return part == IR_PART_TITLE || part == IR_PART_OVERVIEW || part == IR_PART_TIMELINE;
}

int
ir_discovered(const struct ir_read *r, const struct ir_dates *ds, struct ir_date published,
	      struct ir_date *out)
{
	struct ir_place p = IR_PLACE_INIT;
	int found = 0, last_year = 0, part;
	size_t i;

	for (i = 0; i < ds->n; i++) {
		size_t at = ds->v[i].off, end = at + ds->v[i].len, e;
		struct ir_date d = ds->v[i].d;

		if (d.d == 0)
			continue;
		if (d.y != 0)
			last_year = d.y;
		/* Only an earlier date than the one found can change the answer: the tests are for it. */
		if (!complete(&d, last_year, published, 0))
			continue;
		last_winter(&d, ds->v[i].d, published);
		if (found && !before(d, *out))
			continue;
		if (!ir_stated(r, at, &p, &part) || !tells_discovery(part))
			continue;
		if (ir_rx_test(&boundary, r->t + end, r->len - end) ||
		    ir_rx_test(&range_end, r->t + (at > 12 ? at - 12 : 0), at > 12 ? 12 : at))
			continue;
		e = scope(r, ds, i, &p);
		if (!learned_in(r->t + end, e - end) && !under_heading(r, at, &p))
			continue;
		if (published.y != 0 && before(published, d))
			continue;
		if (!found || before(d, *out))
			*out = d;
		found = 1;
	}
	return found;
}

int
ir_period(const struct ir_read *r, const struct ir_dates *ds, struct ir_date published,
	  struct ir_date *f, struct ir_date *t)
{
	struct ir_place p = IR_PLACE_INIT;
	int last_year = 0;
	size_t i;

	for (i = 0; i < ds->n; i++) {
		size_t at = ds->v[i].off, end = at + ds->v[i].len, e;
		struct ir_span s;

		if (ds->v[i].d.y != 0)
			last_year = ds->v[i].d.y;
		if (ir_date_range_parse(r->t + at, r->len - at, f, t) == 0)
			continue;
		s = ir_sentence_at(r, at, &p);
		e = s.off + s.len;
		/* What the range bounds is said before the date after it. */
		if (i + 2 < ds->n && ds->v[i + 2].off < e)
			e = ds->v[i + 2].off;
		if (!ir_rx_test(&window, r->t + end, e > end ? e - end : 0))
			continue;
		if (f->y == 0) {
			int span = t->y == 0;

			if (!complete(f, last_year, published, 1))
				continue;
			if (span)
				t->y = f->y + (t->m < f->m);
		}
		return 1;
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
	&told.rx, &asked.rx, &learned.rx, &later, &attributive, &line_date_rest, &boundary, &range_end,
	&learned_heading, &window, &apposition, &investigates, &used_system, &incident,
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
