#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/utf8.h"
#include "extract/affected.h"
#include "extract/cues.h"
#include "extract/facts.h"
#include "ja/rx.h"

/* Counters of people and records. */
static const char *const units[] = {
	"件", "名", "人", "件分", "名分", "人分", "名様", "世帯", "アカウント",
};

/*
 * A THING cue names what was counted (mails sent, accesses, a body's whole
 * head count) and may stand this many characters before the number
 * ("送信件数 : 1,159件"); an ACTOR cue names people who did something
 * ("教諭2名", "担当者 2 名") and stands right before it.
 */
enum { THING_REACH = 8 };

/*
 * Just after the number: a head count as of a date, a count per person
 * ("1人1台"), people doing something ("二人で確認"; "1,123名で、…" is
 * data), or the calls and inquiries received ("約80件のお問い合わせ"; the
 * records of them are data: "約3万件のお問い合わせ履歴").
 */
static struct ir_rx not_data_after = IR_RX(
	"^[^。\\n]{0,30}現在|^\\s*\\d+\\s*台|^で(?![、,]|す|あ|は|ご)|"
	"^の(?:お|ご)?(?:問い合わせ|問合せ|相談|苦情|通報|電話|連絡)(?!情報|内容|履歴|記録|データ)|"
	"^を(?:削除|無効に|停止|回収)");
/*
 * Addresses that spam or lures went to ("約1,900件のアドレスあてに…偽の
 * ログインページへのリンクを送信") are not data taken; those of a mail sent
 * to the wrong people are, so the sentence must speak of spam or lures.
 */
static struct ir_rx recipients = IR_RX(
	"^(?:の[^、。\\nをがは]{0,12}?)?\\s*(?:に|へ|あてに|宛てに)");
/* ... or sent by an intruder: "何者かがログインし、約5,200名の皆様へ…配信". */
static struct ir_rx lure = IR_RX(
	"偽の|不審な|迷惑メール|スパム|フィッシング|なりすまし|詐欺|何者か|第三者が|攻撃者|不正に");
static struct ir_rx hedge = IR_RX("おそれ|恐れ|可能性");

static int
add(const struct ir_count *c, void *ctx)
{
	struct ir_counts *cs = ctx;

	if (cs->n == cs->cap) {
		cs->cap = cs->cap ? cs->cap * 2 : 16;
		cs->c = ir_xrealloc(cs->c, cs->cap * sizeof *cs->c);
	}
	cs->c[cs->n++] = *c;
	return 0;
}

void
ir_counts_scan(struct ir_counts *cs, const char *text, size_t len, const struct ir_cpmarks *marks)
{
	cs->n = 0;
	ir_count_scan_marked(text, len, marks, add, cs);
}

static int
is_people_unit(const char *unit)
{
	size_t i;

	for (i = 0; i < sizeof units / sizeof *units; i++)
		if (strcmp(unit, units[i]) == 0)
			return 1;
	return 0;
}

/* Characters (code points) in s[from..to), or more than limit. */
static size_t
chars_between(const char *s, size_t from, size_t to, size_t limit)
{
	size_t n = 0;

	for (; from < to && n <= limit; from++)
		n += ((unsigned char)s[from] & 0xC0) != 0x80;
	return n;
}

/*
 * Does a not-data cue end just before off?  *from is the first cue that
 * may: counts come in text order, so it only moves on, and only the few
 * cues of the last THING_REACH characters are looked at.
 */
static int
said_not_data(const char *text, const struct ir_cues *cues, size_t off, size_t *from)
{
	size_t i;

	while (*from < cues->n && cues->v[*from].off + cues->v[*from].len + THING_REACH * 4 < off)
		++*from;
	for (i = *from; i < cues->n && cues->v[i].off <= off; i++) {
		const struct ir_cue *c = &cues->v[i];
		size_t end = c->off + c->len;

		/* A count may open with its own: 延べ640件. */
		if (c->kind == IR_CUE_THING && c->off == off)
			return 1;
		if (end > off || (c->kind != IR_CUE_THING && c->kind != IR_CUE_ACTOR))
			continue;
		if (c->kind == IR_CUE_THING && chars_between(text, end, off, THING_REACH) <= THING_REACH &&
		    ir_utf8_find(text + end, off - end, "。") == NULL)
			return 1;
		if (c->kind == IR_CUE_ACTOR && strspn(text + end, " 約") >= off - end)
			return 1;
	}
	return 0;
}

/* Do the addresses counted at c receive spam or lures?  Read once a sentence. */
static int
lured(const struct ir_read *r, const struct ir_count *c, struct ir_place *p, size_t *last,
      int *answer)
{
	size_t end = c->off + c->len, n = r->len - end;
	struct ir_span s;

	if (!ir_rx_test(&recipients, r->t + end, n < 60 ? n : 60))
		return 0;
	s = ir_sentence_at(r, c->off, p);
	if (*last != s.off) {
		*last = s.off;
		*answer = ir_rx_test(&lure, r->t + s.off, s.len);
	}
	return *answer;
}

long
ir_affected(const struct ir_counts *cs, const struct ir_read *r, const struct ir_cues *cues,
	    int *approx)
{
	struct ir_place p = IR_PLACE_INIT;
	size_t i, from = 0, last = (size_t)-1;
	long best = -1;
	int answer = 0;

	*approx = 0;
	for (i = 0; i < cs->n; i++) {
		const struct ir_count *c = &cs->c[i];
		size_t end = c->off + c->len, n = r->len - end;

		/* Only a count larger than the one found can change the answer: the tests are for it. */
		if (!is_people_unit(c->unit) || c->n < 1 ||
		    (best >= 0 && ir_decimal_cmp(c->v, cs->c[best].v) <= 0))
			continue;
		/* A count a clause denies or only advises about is no one affected. */
		if (ir_mood_at(r->cl, c->off, &p.clause) != IR_MOOD_FACT ||
		    said_not_data(r->t, cues, c->off, &from) ||
		    ir_rx_test(&not_data_after, r->t + end, n < 120 ? n : 120) ||
		    lured(r, c, &p, &last, &answer))
			continue;
		best = (long)i;
	}
	if (best >= 0) {
		const struct ir_count *c = &cs->c[best];
		struct ir_span s = ir_sentence_at(r, c->off, &p);
		size_t at = c->off + c->len, e = s.off + s.len;

		*approx = c->qual != IR_QUAL_NONE || (e > at && ir_rx_test(&hedge, r->t + at, e - at));
	}
	return best;
}

void
ir_counts_free(struct ir_counts *cs)
{
	free(cs->c);
	memset(cs, 0, sizeof *cs);
}

static struct ir_rx *const patterns[] = {
	&not_data_after, &recipients, &lure, &hedge,
};

void
ir_affected_prepare(void)
{
	ir_rx_compile(patterns, sizeof patterns / sizeof *patterns);
}
