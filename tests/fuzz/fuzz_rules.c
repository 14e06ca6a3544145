/* Rule files: any text is parsed or refused, never crashes; what is
 * accepted dumps to a text that reads back, and classifies. */
#include <string.h>

#include "classify/classify.h"
#include "classify/dump.h"
#include "classify/rules.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char notice[] = "【セキュリティ事件簿#2025-001】見本 誤送信について\n本文です。BCCで送るべきところ。\n";
	struct ir_ruleset rs, again;
	struct ir_buf dump = IR_BUF_INIT;
	struct ir_classifier c;

	ir_rules_init(&rs);
	if (ir_rules_add(&rs, "fuzz.rules", (const char *)data, size) == 0) {
		ir_rules_ready(&rs);
		ir_rules_dump(&rs, &dump);
		ir_rules_init(&again);
		CHECK(ir_rules_add(&again, "dump.rules", dump.p, dump.len) == 0);
		CHECK(again.nrules == rs.nrules);
		ir_rules_free(&again);
		ir_classifier_init(&c, &rs);
		ir_classify(&c, notice, sizeof notice - 1);
		CHECK(c.category < (long)rs.nlabels);
		ir_classifier_free(&c);
	}
	ir_rules_free(&rs);
	ir_buf_free(&dump);
	return 0;
}
