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
 * (メールアドレスを装った), a number called (電話番号に電話をし).
 */
static struct ir_rx other_act = IR_RX(
	"^(?:の|を)?(?:ご?変更|再設定|リセット|再発行)|"
	"^(?:等|など)?を(?:推測|入力|使用|使い|用い|利用|装|かた|騙|偽)|"
	"^(?:等|など)?で[^、。\\n]{0,20}?(?:ログイン|アクセス|侵入)|"
	"^に(?:電話|架電|発信)");

unsigned long
ir_datatypes(const struct ir_read *r, const struct ir_cues *cues)
{
	struct ir_place p = IR_PLACE_INIT;
	unsigned long data = 0, overview = 0, rest = 0;
	size_t i;
	int part;

	for (i = 0; i < cues->n; i++) {
		const struct ir_cue *c = &cues->v[i];
		size_t end = c->off + c->len;

		if (c->kind != IR_CUE_DATATYPE || !ir_stated(r, c->off, &p, &part) ||
		    part == IR_PART_PREVENTION || part == IR_PART_CONTACT ||
		    ir_rx_test(&other_act, r->t + end, r->len - end) || ir_resolves(r, c->off, &p))
			continue;
		if (part == IR_PART_DATA)
			data |= 1UL << c->value;
		else if (part == IR_PART_OVERVIEW || part == IR_PART_TITLE)
			overview |= 1UL << c->value;
		else
			rest |= 1UL << c->value;
	}
	/* The part that lists what leaked and what happened; else the rest. */
	return data | overview ? data | overview : rest;
}

static struct ir_rx *const patterns[] = {
	&other_act,
};

void
ir_datatypes_prepare(void)
{
	ir_rx_compile(patterns, sizeof patterns / sizeof *patterns);
}
