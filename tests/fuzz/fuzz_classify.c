/* Classifying any text by the built-in rules: it never crashes, its
 * evidence lies in the text, and the verdict is the same when each
 * pattern is tried only where its words stand as when it is looked for
 * everywhere. */
#include <string.h>

#include "classify/classify.h"
#include "classify/report.h"
#include "fuzz.h"

static struct ir_ruleset anchored, everywhere;
static struct ir_classifier fast, slow;

/* rules/default.rules, from the top of the tree (where make fuzz runs). */
static void
load(struct ir_ruleset *rs)
{
	ir_rules_init(rs);
	CHECK(ir_rules_load(rs, "rules/default.rules") == 0);
	ir_rules_ready(rs);
}

static void
start(void)
{
	size_t r, k;

	load(&anchored);
	load(&everywhere);
	for (r = 0; r < everywhere.nrules; r++) {
		everywhere.rules[r].anchored = 0;
		for (k = 0; k < everywhere.rules[r].ncond; k++)
			everywhere.rules[r].cond[k].anchored = 0;
	}
	ir_classifier_init(&fast, &anchored);
	ir_classifier_init(&slow, &everywhere);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct ir_buf text, a, b;
	static int started;
	size_t i;

	if (!started)
		start();
	started = 1;
	/* A header first, as every incident's text has. */
	text.len = 0;
	ir_buf_adds(&text, "【セキュリティ事件簿#2030-001】見本 お知らせ 2030年1月1日\n");
	ir_utf8_repair((const char *)data, size, &text);
	a.len = b.len = 0;
	ir_classify(&fast, text.p, text.len);
	ir_classify_json(&fast, text.p, &a);
	ir_classify(&slow, text.p, text.len);
	ir_classify_json(&slow, text.p, &b);
	CHECK(fast.category < (long)anchored.nlabels);
	for (i = 0; i < fast.nev; i++)
		CHECK(fast.ev[i].off + fast.ev[i].len <= fast.norm.text.len);
	/* A rule that gave up may have spent its budget differently. */
	if (fast.ngave_up == 0 && slow.ngave_up == 0)
		CHECK(a.len == b.len && memcmp(a.p, b.p, a.len) == 0);
	return 0;
}
