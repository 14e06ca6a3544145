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
 * Soon after a mention, its sentence says it was not involved, or the
 * mention only asks for a change ("パスワードの変更").
 */
static struct ir_rx denied = IR_RX(
	"^[^。\\n]{0,20}?(?:含まれ(?:て)?(?:おりません|いません|ない|ず)|対象外|"
	"(?:流出|漏えい|漏洩)(?:して|は)?(?:おりません|いません|ございません|ありません)|"
	"(?:保持|保有|取得|管理)(?:して)?おりません)|"
	"^(?:の|を)?(?:ご?変更|再設定|リセット)");

unsigned long
ir_datatypes(const char *text, size_t len, const struct ir_cues *cues)
{
	unsigned long bits = 0;
	size_t i;

	for (i = 0; i < cues->n; i++) {
		const struct ir_cue *c = &cues->v[i];
		size_t end = c->off + c->len;

		if (c->kind == IR_CUE_DATATYPE && !(bits & 1UL << c->value) &&
		    !ir_rx_test(&denied, text + end, len - end))
			bits |= 1UL << c->value;
	}
	return bits;
}

static struct ir_rx *const patterns[] = {
	&denied,
};

void
ir_datatypes_prepare(void)
{
	ir_rx_compile(patterns, sizeof patterns / sizeof *patterns);
}
