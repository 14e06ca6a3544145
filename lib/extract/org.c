#include <string.h>

#include "base/utf8.h"
#include "extract/org.h"
#include "ja/date.h"
#include "ja/rx.h"

/*
 * A character of a place name: a kanji, or the kana place names take
 * (霞ヶ浦, 竜ケ崎, 三ノ宮).  Not \\p{Han}: PCRE2 matches that by script
 * extensions, which take in 「」, 、 and other punctuation CJK scripts share.
 */
#define KANJI "[\\x{3400}-\\x{4DBF}\\x{4E00}-\\x{9FFF}\\x{F900}-\\x{FAFF}々ヶケノが]"

/* Words that mark a token as the start of a sentence, not a name. */
static struct ir_rx sentence = IR_RX(
	"について|における|に関する|に関して|への|による|において|に対する|により|での|"
	"が|を|ました|ている|ます$");
/* Tags before the name: 【重要】, (お知らせ), [続報]. */
static struct ir_rx tag = IR_RX("^(?:【[^】]*】|\\([^)]*\\)|\\[[^]]*\\]|<[^>]*>)$");
static struct ir_rx legal_form = IR_RX(
	"^(?:株式会社|有限会社|合同会社|合資会社|\\(株\\)|\\(有\\)|"
	"(?:一般|公益)(?:社団|財団)法人|特定非営利活動法人|NPO法人|学校法人|医療法人|"
	"社会福祉法人|国立大学法人|独立行政法人|国立研究開発法人)$");
/* The subject of a header sentence: a name ending in a kind of body. */
static struct ir_rx subject = IR_RX(
	"^([^\\s、。「」の]{1,30}?(?:株式会社|有限会社|協会|組合|法人|機構|センター|委員会|"
	"研究所|大学|学校|病院|銀行|省|庁|府|県|都|道|市|区|町|村)"
	"(?:及び[^\\s、。「」の]{1,20}?(?:センター|研究所|委員会|省|庁|局))?)"
	"(?=の|が|を|に|は|で|と|職員|における|において|にて|への|による|から|、|:)");
static struct ir_rx whole_body = IR_RX(
	"(?:株式会社|有限会社|協会|組合|法人|機構|センター|委員会|研究所|大学|学校|病院|銀行|"
	"省|庁|府|県|都|道|市|区|町|村)$");
static struct ir_rx with_form = IR_RX(
	"^(?:株式会社|有限会社|合同会社|\\(株\\)|(?:一般|公益)(?:社団|財団)法人|学校法人|医療法人|"
	"社会福祉法人|国立大学法人|独立行政法人)|(?:株式会社|有限会社|合同会社|\\(株\\))$");
static struct ir_rx place = IR_RX("^(" KANJI "{1,4}(?:都|道|府|県|市|区|町|村))");
static struct ir_rx quoted = IR_RX("^「([^」]{1,40})」");
/* Shop words that follow a brand in a quoted shop name. */
static struct ir_rx shop_words = IR_RX(
	"\\s*(?:公式)?\\s*(?:オンライン\\s*(?:ストア|ショップ)|ネット\\s*(?:ストア|ショップ)|"
	"ウェブ\\s*(?:ストア|ショップ)|web\\s*(?:store|shop)|EC\\s*サイト|通販サイト|"
	"ショッピングサイト|ストア|ショップ|サイト)$");

/* The next blank-separated token of s at *i; returns its length. */
static size_t
token(const char *s, size_t n, size_t *i, size_t *start)
{
	size_t end;

	while (*i < n && (s[*i] == ' ' || s[*i] == '\t'))
		++*i;
	*start = *i;
	while (*i < n && s[*i] != ' ' && s[*i] != '\t')
		++*i;
	end = *i;
	return end - *start;
}

/* The first line of the body with text, trimmed. */
static void
first_line(const char *body, size_t blen, size_t *off, size_t *len)
{
	size_t i = 0;

	while (i < blen) {
		const char *nl = memchr(body + i, '\n', blen - i);
		size_t end = nl ? (size_t)(nl - body) : blen, lead, trail;

		lead = ir_utf8_span_space(body + i, end - i);
		trail = ir_utf8_rspan_space(body + i + lead, end - i - lead);
		if (end - i - lead - trail > 0) {
			*off = i + lead;
			*len = end - i - lead - trail;
			return;
		}
		i = end + 1;
	}
	*len = 0;
}

/* Is a (blank-free copy of) name a part of title? */
static int
within(const char *name, size_t nlen, const char *title, size_t tlen)
{
	return nlen > 0 && memmem(title, tlen, name, nlen) != NULL;
}

/* The subject of the text's first sentence: "見本市が開催する…". */
static int
subject_of(const char *s, size_t n, size_t *off, size_t *len)
{
	struct ir_rx_match m;

	if (!ir_rx_find(&subject, s, n, 0, &m) && !ir_rx_find(&place, s, n, 0, &m))
		return 0;
	*off = m.g1;
	*len = m.g1end - m.g1;
	return 1;
}

/* A quoted shop or service, without its shop words: 「見本公式オンラインストア」. */
static int
quoted_name(const char *title, size_t tlen, size_t *off, size_t *len)
{
	struct ir_rx_match q, w;

	if (!ir_rx_find(&quoted, title, tlen, 0, &q))
		return 0;
	*off = q.g1;
	*len = q.g1end - q.g1;
	if (ir_rx_find(&shop_words, title, q.g1end, q.g1, &w) && w.start > q.g1)
		*len = w.start - q.g1;
	return 1;
}

/* A token that is a name on its own: 株式会社見本, 見本市, 見本大学. */
static int
is_name(const char *s, size_t n)
{
	size_t d;
	struct ir_date date;

	if (n == 0 || ir_utf8_count(s, n) > 30 || ir_rx_test(&sentence, s, n) ||
	    ir_date_find(s, n, &date, &d) != (size_t)-1)
		return 0;
	return ir_rx_test(&with_form, s, n) || ir_rx_test(&whole_body, s, n);
}

/*
 * A name standing apart after a headline that opens the header: "「会員
 * サイト」への不正アクセスについて 株式会社見本 2026年1月9日".
 */
static int
name_after(const char *title, size_t tlen, size_t *off, size_t *len)
{
	size_t i = 0, start, n;

	token(title, tlen, &i, &start);
	while ((n = token(title, tlen, &i, &start)) > 0)
		if (is_name(title + start, n)) {
			*off = start;
			*len = n;
			return 1;
		}
	return 0;
}

static int
from_sentence(const char *title, size_t tlen, const char *body, size_t blen, size_t *off,
	      size_t *len, int *in_body)
{
	size_t lo, ll;

	*in_body = 0;
	/* Some dumps repeat the short name on the line after the header. */
	first_line(body, blen, &lo, &ll);
	if (ll > 0 && ll <= 45 && !ir_rx_test(&sentence, body + lo, ll) &&
	    within(body + lo, ll, title, tlen)) {
		*off = lo;
		*len = ll;
		*in_body = 1;
		return 1;
	}
	if (name_after(title, tlen, off, len) || subject_of(title, tlen, off, len))
		return 1;
	/* A quoted shop or event: its organiser opens the body, or it is the name. */
	if (ll > 0 && subject_of(body + lo, ll, off, len)) {
		*off += lo;
		*in_body = 1;
		return 1;
	}
	return quoted_name(title, tlen, off, len);
}

int
ir_org_find(const char *title, size_t tlen, const char *body, size_t blen, size_t *off,
	    size_t *len, int *in_body)
{
	size_t i = 0, start, n, start2, n2;
	struct ir_rx_match m;

	*in_body = 0;
	do
		n = token(title, tlen, &i, &start);
	while (n > 0 && ir_rx_test(&tag, title + start, n));
	if (n == 0)
		return 0;
	/* A lone token, or one that reads as a sentence: no name up front. */
	if (i >= tlen || ir_utf8_count(title + start, n) > 40 ||
	    ir_rx_test(&sentence, title + start, n)) {
		if (!from_sentence(title + start, tlen - start, body, blen, off, len, in_body))
			return 0;
		if (!*in_body)
			*off += start;
		return 1;
	}
	/* "見本府職員の不正行為:": a headline that opens with its subject. */
	if (ir_rx_find(&subject, title + start, n, 0, &m) && m.g1end < n) {
		*off = start + m.g1;
		*len = m.g1end - m.g1;
		return 1;
	}
	*off = start;
	*len = n;
	/*
	 * "見本 株式会社" and "株式会社 見本": the legal form stands apart.  But
	 * "見本委員会 株式会社例…に対する" names a second body after a whole one.
	 */
	n2 = token(title, tlen, &i, &start2);
	if (n2 > 0 && (ir_rx_test(&legal_form, title + start2, n2) ||
		       ir_rx_test(&legal_form, title + start, n)) &&
	    !ir_rx_test(&sentence, title + start2, n2) && !ir_rx_test(&whole_body, title + start, n))
		*len = start2 + n2 - start;
	return 1;
}

/* The body a regulator acted on, as its notice's header names it. */
static struct ir_rx acted_on = IR_RX("^\\s*(.+?)\\s*(?:に対する|に対して|に対し)");
static struct ir_rx regulation = IR_RX("行政上の対応|行政指導|指導|勧告|命令|処分|措置");
/* Where two bodies were acted on, the first: "見本及び例に対する". */
static struct ir_rx coordinated = IR_RX("及び|および|並びに|、|・");

/*
 * The name before "に対し" in the body's opening ("…は、株式会社見本(以下
 * 「見本」という。)に対し、…指導"), when an act of regulation follows in
 * its sentence: read back to the comma or blank before it.
 */
static int
acted_on_in_body(const char *body, size_t blen, size_t *off, size_t *len)
{
	size_t lim = blen < 600 ? blen : 600, at, end, start;
	const char *p = memmem(body, lim, "に対し", 9), *dot;

	if (p == NULL)
		return 0;
	at = (size_t)(p - body);
	dot = ir_utf8_find(p, blen - at, "。");
	end = dot ? (size_t)(dot - body) : blen;
	if (end - at > 120 * 3)
		end = at + 120 * 3;
	if (!ir_rx_test(&regulation, body + at, end - at))
		return 0;
	/* "(以下「見本」という。)" names it again: the name stands before it. */
	if (at > 0 && body[at - 1] == ')') {
		const char *open = memrchr(body + (at > 60 * 3 ? at - 60 * 3 : 0), '(',
					   at - (at > 60 * 3 ? at - 60 * 3 : 0));

		if (open != NULL)
			at = (size_t)(open - body);
	}
	for (start = at; start > 0 && at - start < 40 * 3;) {
		size_t prev = start - 1;

		while (prev > 0 && ((unsigned char)body[prev] & 0xC0) == 0x80)
			prev--;
		if (strchr(" \t\n", body[prev]) != NULL || memcmp(body + prev, "、", 3) == 0 ||
		    memcmp(body + prev, "。", 3) == 0 || memcmp(body + prev, "」", 3) == 0)
			break;
		start = prev;
	}
	*off = start;
	*len = at - start;
	return *len > 0;
}

int
ir_org_subject(const char *title, size_t tlen, const char *body, size_t blen, size_t *off,
	       size_t *len, int *in_body)
{
	struct ir_rx_match m, c;
	const char *s;

	*in_body = 0;
	if (memmem(title, tlen, "に対", 6) != NULL && ir_rx_find(&acted_on, title, tlen, 0, &m) &&
	    ir_rx_test(&regulation, title + m.end, tlen - m.end)) {
		*off = m.g1;
		*len = m.g1end - m.g1;
	} else if (acted_on_in_body(body, blen, off, len)) {
		*in_body = 1;
	} else {
		return 0;
	}
	if (ir_rx_find(&coordinated, *in_body ? body : title, *off + *len, *off, &c) && c.start > *off)
		*len = c.start - *off;
	/* An organisation, not a person: "職員に対し、懲戒処分を" is no regulator's act. */
	s = (*in_body ? body : title) + *off;
	return ir_rx_test(&with_form, s, *len) || ir_rx_test(&whole_body, s, *len);
}

/* org_type rules, tried in order: the first whose pattern matches wins. */
static struct {
	const char *label;
	struct ir_rx rx;
} types[] = {
	{"association", IR_RX("健康保険組合|共済組合")},
	{"national_gov", IR_RX("^(?:国立研究開発法人|独立行政法人)|個人情報保護委員会|"
			       "^内閣|(?:省|庁)$|^(?:公正取引|原子力規制|国家公安)委員会|労働局|国税局")},
	{"company", IR_RX("株式会社|有限会社|合同会社|合資会社|\\((?:株|有)\\)|ホールディングス|"
			  "銀行|信用金庫|(?i:inc\\.?|corp\\.?|co\\.,? ?ltd\\.?|llc)")},
	{"medical", IR_RX("病院|クリニック|医院|診療所|医療センター|医療法人|看護ステーション|薬局")},
	{"education", IR_RX("大学|学校|学園|高校|学院|幼稚園|保育園|学校法人")},
	{"association", IR_RX("協会|組合|財団|社団|NPO|特定非営利活動法人|連合会|協議会|"
			      "商工会|機構")},
	{"local_gov", IR_RX("^" KANJI "{1,5}?(?:都|道|府|県|市|区|町|村)"
			    "(?:教育委員会|役所|役場|議会|水道局|消防本部|警察|.{0,8}局)?$|"
			    "^" KANJI "{1,5}?(?:都|道|府|県|市|区|町|村)立")},
	/* A bureau that no prefecture or city owns is the state's: 関東財務局. */
	{"national_gov", IR_RX("省|庁|局$")},
	{"other", IR_RX("実行委員会|委員会$")},
};

const char *
ir_org_type(const char *org, size_t len)
{
	size_t i;

	if (org == NULL || len == 0)
		return "other";
	for (i = 0; i < sizeof types / sizeof *types; i++)
		if (ir_rx_test(&types[i].rx, org, len))
			return types[i].label;
	return "company";
}

static struct ir_rx *const patterns[] = {
	&sentence, &tag, &legal_form, &subject, &whole_body, &with_form, &place, &quoted, &shop_words,
	&acted_on, &regulation, &coordinated,
};

void
ir_org_prepare(void)
{
	size_t i;

	ir_rx_compile(patterns, sizeof patterns / sizeof *patterns);
	for (i = 0; i < sizeof types / sizeof *types; i++) {
		struct ir_rx *rx = &types[i].rx;

		ir_rx_compile(&rx, 1);
	}
}
