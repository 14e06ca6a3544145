#include "classify_fixture.h"

#define BIT(s) IR_SCOPE_BIT(IR_SCOPE_##s)
#define PART(p) IR_SCOPE_BIT(IR_SCOPE_PART + IR_PART_##p)

static const char notice[] = "【セキュリティ事件簿#2033-020】見本市 書類の紛失について 2033年1月20日\n"
			     "当市の窓口で書類を紛失しました。\n\n"
			     "1 原因\n職員が書類を持ち帰りました。\n\n"
			     "2 再発防止策\n鍵付きの棚を置きます。\n";

START_TEST(step_chars_forward)
{
	static const char t[] = "aéあ𝄞b"; /* characters of 1, 2, 3, 4 and 1 bytes */
	size_t n = strlen(t);

	ck_assert_uint_eq(ir_step_chars(t, n, 0, 0, 1), 0);
	ck_assert_uint_eq(ir_step_chars(t, n, 3, -2, 1), 3);
	ck_assert_uint_eq(ir_step_chars(t, n, 0, 1, 1), 1);
	ck_assert_uint_eq(ir_step_chars(t, n, 0, 2, 1), 3);
	ck_assert_uint_eq(ir_step_chars(t, n, 0, 3, 1), 6);
	ck_assert_uint_eq(ir_step_chars(t, n, 0, 4, 1), 10);
	ck_assert_uint_eq(ir_step_chars(t, n, 3, 2, 1), 10);
	ck_assert_uint_eq(ir_step_chars(t, n, 0, 5, 1), n);
	ck_assert_uint_eq(ir_step_chars(t, n, 0, 99, 1), n);
	ck_assert_uint_eq(ir_step_chars(t, 6, 0, 3, 1), 6); /* the length given is the end */
	ck_assert_uint_eq(ir_step_chars(t, 6, 0, 4, 1), 6);
	ck_assert_uint_eq(ir_step_chars(t, n, n, 1, 1), n);
	ck_assert_uint_eq(ir_step_chars("", 0, 0, 1, 1), 0);
}
END_TEST

/* Sixteen bytes at a time while the place is further on, then one by one: the same place. */
START_TEST(step_chars_forward_over_long_text)
{
	char t[512] = "";
	size_t n, k, off, want;
	int i;

	for (i = 0; i < 20; i++)
		strcat(t, "漏えaé");
	n = strlen(t); /* 20 × (3 + 3 + 1 + 2) bytes, 4 characters each */
	ck_assert_uint_eq(n, 180);
	for (k = 0; k <= 81; k++) {
		want = k >= 80 ? n : k / 4 * 9 + (size_t[]){0, 3, 6, 7}[k % 4];
		ck_assert_msg(ir_step_chars(t, n, 0, (long)k, 1) == want, "%zu characters", k);
	}
	/* From a place not on a 16-byte boundary, as from a body's start. */
	for (off = 0; off < 36; off += 9)
		ck_assert_uint_eq(ir_step_chars(t, n, off, 17, 1), off + 4 * 9 + 3);
	ck_assert_uint_eq(ir_step_chars(t, n, 7, 76, 1), n - 2);
	ck_assert_uint_eq(ir_step_chars(t, n, 7, 77, 1), n);
}
END_TEST

START_TEST(step_chars_backward)
{
	static const char t[] = "aéあ𝄞b";
	size_t n = strlen(t);

	ck_assert_uint_eq(ir_step_chars(t, n, n, 1, -1), 10);
	ck_assert_uint_eq(ir_step_chars(t, n, n, 2, -1), 6);
	ck_assert_uint_eq(ir_step_chars(t, n, n, 4, -1), 1);
	ck_assert_uint_eq(ir_step_chars(t, n, n, 5, -1), 0);
	ck_assert_uint_eq(ir_step_chars(t, n, n, 50, -1), 0);
	ck_assert_uint_eq(ir_step_chars(t, n, 6, 1, -1), 3);
	ck_assert_uint_eq(ir_step_chars(t, n, 6, 0, -1), 6);
	ck_assert_uint_eq(ir_step_chars(t, n, 0, 1, -1), 0);
}
END_TEST

struct want_zone {
	const char *from; /* the zone starts where this stands; NULL: at 0 */
	unsigned scope;
};

/* The title's ends, the lead's end and the parts' ends cut the text. */
START_TEST(zones_of_a_notice)
{
	const struct want_zone want[] = {
		{NULL, BIT(LEAD) | BIT(BODY)},
		{"見本市", BIT(TITLE) | BIT(LEAD) | BIT(BODY)},
		{"\n当市", BIT(LEAD) | BIT(BODY)},
		{"当市", BIT(LEAD) | BIT(BODY) | PART(OVERVIEW)},
		{"失しました", BIT(BODY) | PART(OVERVIEW)}, /* lead-chars 10: 当市の窓口で書類を紛 */
		{"1 原因", BIT(BODY) | PART(CAUSE)},
		{"2 再発", BIT(BODY) | PART(PREVENTION)},
	};
	size_t i;

	rules("lead-chars 10\nrule a 1 title 紛失\n");
	read_notice(notice);
	ck_assert_uint_eq(c.notice.n, 3);
	ck_assert_uint_eq(c.lead_end, at("失しました"));
	ck_assert_uint_eq(c.nzone, sizeof want / sizeof *want);
	for (i = 0; i < c.nzone; i++) {
		ck_assert_uint_eq(c.zone[i].off, want[i].from ? at(want[i].from) : 0);
		ck_assert_uint_eq(c.zone[i].end, i + 1 < c.nzone ? c.zone[i + 1].off : c.norm.text.len);
		ck_assert_msg(c.zone[i].scope == want[i].scope, "zone %zu: %x, want %x", i,
			      c.zone[i].scope, want[i].scope);
	}
	teardown();
}
END_TEST

START_TEST(lead_ends_at_lead_end_or_lead_chars)
{
	static const struct {
		const char *rules;
		const char *end; /* where the lead ends; NULL: the text's end */
	} cases[] = {
		{"lead-end ^\\d*\\s*原因\nrule l 1 lead 紛失\n", "1 原因"},
		/* lead-chars first: the body's 5th character. */
		{"lead-end ^\\d*\\s*原因\nlead-chars 4\nrule l 1 lead 紛失\n", "口で書類"},
		/* A line that holds the pattern further in does not end the lead. */
		{"lead-end ^再発\nrule l 1 lead 紛失\n", NULL},
		/* With no rule looking in the lead, lead-end is not run. */
		{"lead-end ^\\d*\\s*原因\nlead-chars 4\nrule b 1 body 紛失\n", "口で書類"},
		{"lead-end ^\\d*\\s*原因\nrule b 1 body 紛失\n", NULL},
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		rules(cases[i].rules);
		read_notice(notice);
		ck_assert_uint_eq(c.lead_end, cases[i].end ? at(cases[i].end) : c.norm.text.len);
		ck_assert_uint_eq(c.ngave_up, 0);
		teardown();
	}
}
END_TEST

/* Each longest stretch of zones in the scope, in turn, then none. */
START_TEST(next_stretch_of_a_scope)
{
	static const struct {
		unsigned scope;
		const char *stretch[3][2]; /* where each starts and ends; NULL: the text's end */
	} cases[] = {
		{BIT(TITLE), {{"見本市", "\n当市"}}},
		{BIT(LEAD), {{"【", "失しました"}}},
		{BIT(BODY), {{"【", NULL}}},
		{PART(CAUSE), {{"1 原因", "2 再発"}}},
		{PART(OVERVIEW) | PART(PREVENTION), {{"当市", "1 原因"}, {"2 再発", NULL}}},
		{BIT(TITLE) | PART(CAUSE), {{"見本市", "\n当市"}, {"1 原因", "2 再発"}}},
		{PART(CONTACT), {{NULL}}},
		{0, {{NULL}}},
	};
	size_t i, k, zi, from, to;

	rules("lead-chars 10\nrule a 1 title 紛失\n");
	read_notice(notice);
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		zi = 0;
		for (k = 0; cases[i].stretch[k][0] != NULL; k++) {
			ck_assert_msg(ir_scope_next(&c, cases[i].scope, &zi, &from, &to), "%zu: %zu", i, k);
			ck_assert_uint_eq(from, at(cases[i].stretch[k][0]));
			ck_assert_uint_eq(to, cases[i].stretch[k][1] ? at(cases[i].stretch[k][1]) : c.norm.text.len);
		}
		ck_assert_int_eq(ir_scope_next(&c, cases[i].scope, &zi, &from, &to), 0);
		ck_assert_int_eq(ir_scope_next(&c, cases[i].scope, &zi, &from, &to), 0);
	}
	zi = c.nzone;
	ck_assert_int_eq(ir_scope_next(&c, BIT(BODY), &zi, &from, &to), 0);
	teardown();
}
END_TEST

/* A notice with only its header line: its mark, its title, its newline. */
START_TEST(header_only)
{
	rules("rule a 1 title 紛失\n");
	read_notice("【セキュリティ事件簿#2033-021】書類の紛失\n");
	ck_assert_uint_eq(c.lead_end, c.norm.text.len);
	ck_assert_uint_eq(c.nzone, 3);
	ck_assert_uint_eq(c.zone[2].scope, BIT(LEAD) | BIT(BODY)); /* the newline */
	ck_assert_uint_eq(c.zone[0].off, 0);
	ck_assert_uint_eq(c.zone[c.nzone - 1].end, c.norm.text.len);
	ck_assert_uint_eq(c.zone[1].off, at("書類"));
	ck_assert_uint_eq(c.zone[1].scope, BIT(TITLE) | BIT(LEAD) | BIT(BODY));
	teardown();
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("scope");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, step_chars_forward);
	tcase_add_test(tc, step_chars_forward_over_long_text);
	tcase_add_test(tc, step_chars_backward);
	tcase_add_test(tc, zones_of_a_notice);
	tcase_add_test(tc, lead_ends_at_lead_end_or_lead_chars);
	tcase_add_test(tc, next_stretch_of_a_scope);
	tcase_add_test(tc, header_only);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN_PREPARED(suite, ir_classify_prepare)
