#include <string.h>

#include "extract/cues.h"
#include "extract/datatypes.h"
#include "ja/rx.h"

const char *const ir_datatype_names[] = {
	"address", "age", "bank_account", "birth_date", "card_cvc", "card_expiry",
	"card_holder", "card_number", "email", "employee_id", "gender", "health",
	"login_id", "member_id", "my_number", "name", "occupation", "password",
	"phone", "photo", "purchase_history", "student_id",
};
const size_t ir_ndatatypes = sizeof ir_datatype_names / sizeof *ir_datatype_names;

/*
 * A mention that is not data taken but the object of another act: a
 * remedy (パスワードの変更, 暗証番号を再設定), a tool of the intruder
 * (パスワードを推測し, パスワードでログインし), a name worn by a lure
 * (メールアドレスを装った), a number called (電話番号に電話をし).  The
 * act may follow the rest of a list the mention opens (IDとパスワードを
 * 推測し).
 */
enum { OTHER_ACT = 40 * 3 }; /* how far after a mention the act is looked for */
#define LIST_REST "(?:\\s*(?:と|や|及び|および|並びに|・|、)\\s*[^、。\\sをでとや・の]{1,12})*+"
static struct ir_rx other_act = IR_RX(
	"^(?:(?:の|を)?(?:ご?変更|再設定|リセット|再発行)|に(?:電話|架電|発信)|"
	LIST_REST "(?:等|など)?(?:を(?:推測|使用|使い|用い|利用|装|かた|騙|偽|入力させ)|"
	"の入力を(?:求め|促)|で[^、。\\n]{0,20}?(?:ログイン|アクセス|侵入)))");

/*
 * Credentials are named as often for the way in (初期のままのパスワード
 * が使われていた) as for what leaked: outside the data part, a password
 * or login ID counts only in a sentence that says something was taken,
 * seen or given away, and never in the cause, which tells the way in.
 */
static struct ir_rx taken = IR_RX(
	"流出|漏え|漏洩|漏れ|窃取|盗|閲覧|抜き取|詐取|入力|不正に取得|取得され|持ち出|読み取|"
	"外部に送|送信され|公開され|表示され");

static int
is_credential(const struct ir_cue *c)
{
	return c->value == IR_DT_PASSWORD || c->value == IR_DT_LOGIN_ID;
}

/* Does the sentence of the mention say something was taken?  Read once a sentence. */
static int
says_taken(const struct ir_read *r, size_t off, struct ir_place *p, struct ir_span *last, int *answer)
{
	struct ir_span s = ir_sentence_at(r, off, p);

	if (s.off != last->off || s.len != last->len) {
		*last = s;
		*answer = ir_rx_test(&taken, r->t + s.off, s.len);
	}
	return *answer;
}

unsigned long
ir_datatypes(const struct ir_read *r, const struct ir_cues *cues)
{
	struct ir_place p = IR_PLACE_INIT;
	struct ir_span sent = {(size_t)-1, 0};
	unsigned long data = 0, overview = 0, timeline = 0, rest = 0;
	size_t i;
	int part, answer = 0;

	for (i = 0; i < cues->n; i++) {
		const struct ir_cue *c = &cues->v[i];
		size_t end = c->off + c->len;
		unsigned long *got;

		if (c->kind != IR_CUE_DATATYPE || !ir_stated(r, c->off, &p, &part) ||
		    part == IR_PART_PREVENTION || part == IR_PART_CONTACT)
			continue;
		got = part == IR_PART_DATA ? &data :
		      part == IR_PART_OVERVIEW || part == IR_PART_TITLE ? &overview : &rest;
		/* A kind already found in its part: the tests below cannot change the answer. */
		if ((*got & 1UL << c->value) ||
		    ir_rx_test(&other_act, r->t + end, r->len - end < OTHER_ACT ? r->len - end : OTHER_ACT) ||
		    ir_resolves(r, c->off, &p) ||
		    (is_credential(c) && part != IR_PART_DATA &&
		     (part == IR_PART_CAUSE || !says_taken(r, c->off, &p, &sent, &answer))))
			continue;
		*got |= 1UL << c->value;
		if (part == IR_PART_TIMELINE)
			timeline |= 1UL << c->value;
	}
	/*
	 * The part that lists what leaked and what happened; a notice without
	 * such a list tells the details in its timeline; else the rest.
	 */
	if (data)
		return data | overview;
	return overview ? overview | timeline : rest;
}

static struct ir_rx *const patterns[] = {
	&other_act, &taken,
};

void
ir_datatypes_prepare(void)
{
	ir_rx_compile(patterns, sizeof patterns / sizeof *patterns);
}
