#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "classify/dump.h"
#include "classify/rules.h"
#include "unit.h"

/* Loads text as "t.rules"; returns what ir_rules_add returned, and stderr. */
static int
load(struct ir_ruleset *rs, const char *text, char *err, size_t errsize)
{
	FILE *f = tmpfile();
	int saved = dup(2), r;
	size_t n;

	fflush(stderr);
	dup2(fileno(f), 2);
	r = ir_rules_add(rs, "t.rules", text, strlen(text));
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	rewind(f);
	n = fread(err, 1, errsize - 1, f);
	err[n] = '\0';
	fclose(f);
	return r;
}

static void
fails_n(const char *text, size_t n, const char *want)
{
	struct ir_ruleset rs;
	char err[512];
	FILE *f = tmpfile();
	int saved = dup(2), r;
	size_t k;

	ir_rules_init(&rs);
	fflush(stderr);
	dup2(fileno(f), 2);
	r = ir_rules_add(&rs, "t.rules", text, n);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	rewind(f);
	k = fread(err, 1, sizeof err - 1, f);
	err[k] = '\0';
	fclose(f);
	ck_assert_int_eq(r, -1);
	ck_assert_msg(strstr(err, want) != NULL, "got %s, want %s", err, want);
	ir_rules_free(&rs);
}

static void
fails(const char *text, const char *want)
{
	struct ir_ruleset rs;
	char err[512];

	ir_rules_init(&rs);
	ck_assert_int_eq(load(&rs, text, err, sizeof err), -1);
	ck_assert_msg(strstr(err, want) != NULL, "for %s: got %s, want %s", text, err, want);
	ir_rules_free(&rs);
}

START_TEST(good_file)
{
	struct ir_ruleset rs;
	char err[512];

	ir_rules_init(&rs);
	ck_assert_int_eq(load(&rs,
			      "# a comment\n"
			      "order alpha beta\n"
			      "veris alpha hacking,malware external\n"
			      "min-score 3\n"
			      "min-score beta 1\n"
			      "lead-chars 200\n"
			      "lead-end ^再発防止\n"
			      "\n"
			      "rule beta 2 lead 誤送信|宛先を誤\n"
			      "\tunless 10 防止\n"
			      "    # an indented comment\n"
			      "rule gamma -1 title お知らせ\r\n"
			      "rule alpha 3 body 不正.{0,5}アクセス\n",
			      err, sizeof err), 0);
	ck_assert_str_eq(err, "");
	ck_assert_uint_eq(rs.nlabels, 3);
	ck_assert_str_eq(rs.labels[0].name, "alpha");
	ck_assert_str_eq(rs.labels[1].name, "beta");
	ck_assert_str_eq(rs.labels[2].name, "gamma");
	ck_assert_str_eq(rs.labels[0].actions, "hacking,malware");
	ck_assert_int_eq(rs.min_score, 3);
	ck_assert_int_eq(rs.labels[1].min_score, 1);
	ck_assert_int_eq(rs.lead_chars, 200);
	ck_assert_uint_eq(rs.nrules, 3);
	ck_assert_uint_eq(rs.rules[0].label, 1);
	ck_assert_uint_eq(rs.rules[0].scope, IR_SCOPE_BIT(IR_SCOPE_LEAD));
	ck_assert_uint_eq(rs.rules[0].ncond, 1);
	ck_assert_int_eq(rs.rules[0].cond[0].required, 0);
	ck_assert_int_eq(rs.rules[0].cond[0].reach, IR_REACH_CHARS);
	ck_assert_int_eq(rs.rules[0].cond[0].within, 10);
	ck_assert_int_eq(rs.rules[1].weight, -1);
	ck_assert_str_eq(rs.rules[1].pattern, "お知らせ");
	ck_assert_int_eq(rs.rules[1].line, 12);
	ir_rules_ready(&rs);
	ck_assert_int_eq(rs.rules[0].anchored, 1);
	ck_assert_int_eq(rs.rules[2].anchored, 1);
	ir_rules_free(&rs);
}
END_TEST

/* Editors that write a byte-order mark: it is skipped, columns count after it. */
START_TEST(byte_order_mark)
{
	struct ir_ruleset rs;
	char err[512];

	ir_rules_init(&rs);
	ck_assert_int_eq(load(&rs, "\xEF\xBB\xBFrule x 2 body 紛失\n", err, sizeof err), 0);
	ck_assert_str_eq(err, "");
	ck_assert_uint_eq(rs.nrules, 1);
	ck_assert_str_eq(rs.rules[0].pattern, "紛失");
	ir_rules_free(&rs);
	fails("\xEF\xBB\xBF" "frobnicate\n", "t.rules:1:1: unknown directive");
}
END_TEST

START_TEST(scopes_and_conditions)
{
	struct ir_ruleset rs;
	char err[512];
	const struct ir_rule *r;

	ir_rules_init(&rs);
	ck_assert_int_eq(load(&rs,
			      "scope story title lead,overview\n"
			      "scope story title,overview cause\n" /* a name said anew */
			      "rule insider 3 story,timeline 元従業員|退職者\n"
			      "\tand sentence 持ち出|流出\n"
			      "\tand clause 顧客\n"
			      "\tunless 8 防止\n"
			      "\tand 持ち出\n"
			      "\tunless sentence おそれ\n"
			      "\tmood denied fact\n"
			      "\tunless clause\n"
			      "rule loss 2 data,prevention 紛失\n",
			      err, sizeof err), -1);
	/* "unless clause" has no pattern; everything above it was read. */
	ck_assert_msg(strstr(err, "t.rules:10:15: 'unless' needs a pattern") != NULL, "%s", err);
	r = &rs.rules[0];
	ck_assert_uint_eq(r->scope, IR_SCOPE_BIT(IR_SCOPE_TITLE) | IR_SCOPE_BIT(IR_SCOPE_PART + IR_PART_OVERVIEW) |
					    IR_SCOPE_BIT(IR_SCOPE_PART + IR_PART_CAUSE) |
					    IR_SCOPE_BIT(IR_SCOPE_PART + IR_PART_TIMELINE));
	ck_assert_uint_eq(r->ncond, 5);
	ck_assert_int_eq(r->cond[0].required, 1);
	ck_assert_int_eq(r->cond[0].reach, IR_REACH_SENTENCE);
	ck_assert_str_eq(r->cond[0].pattern, "持ち出|流出");
	ck_assert_int_eq(r->cond[1].reach, IR_REACH_CLAUSE);
	ck_assert_int_eq(r->cond[2].required, 0);
	ck_assert_int_eq(r->cond[2].reach, IR_REACH_CHARS);
	ck_assert_int_eq(r->cond[2].within, 8);
	ck_assert_int_eq(r->cond[3].reach, IR_REACH_CHARS);
	ck_assert_int_eq(r->cond[3].within, 20); /* the default */
	ck_assert_int_eq(r->cond[4].reach, IR_REACH_SENTENCE);
	ck_assert_uint_eq(r->moods, 1u << IR_MOOD_DENIED | 1u << IR_MOOD_FACT);
	ir_rules_free(&rs);

	ir_rules_init(&rs);
	ck_assert_int_eq(load(&rs, "rule loss 2 data,prevention 紛失\n\tunless clause 防止\n", err, sizeof err), 0);
	ck_assert_uint_eq(rs.rules[0].scope, IR_SCOPE_BIT(IR_SCOPE_PART + IR_PART_DATA) |
						      IR_SCOPE_BIT(IR_SCOPE_PART + IR_PART_PREVENTION));
	ck_assert_str_eq(rs.rules[0].cond[0].pattern, "防止");
	ck_assert_uint_eq(rs.rules[0].moods, 1u << IR_MOOD_FACT); /* the default */
	ir_rules_free(&rs);
}
END_TEST

START_TEST(order_moves_labels_seen_before)
{
	struct ir_ruleset rs;
	char err[512];

	ir_rules_init(&rs);
	ck_assert_int_eq(load(&rs, "rule late 1 body x\nrule early 1 body y\norder early\n", err, sizeof err), 0);
	ck_assert_str_eq(rs.labels[0].name, "early");
	ck_assert_str_eq(rs.labels[rs.rules[0].label].name, "late");
	ck_assert_str_eq(rs.labels[rs.rules[1].label].name, "early");
	ir_rules_free(&rs);
}
END_TEST

START_TEST(faults_name_line_and_column)
{
	fails("rule x 1 body (a\n", "t.rules:1:17: missing closing parenthesis");
	fails("\n\nrule x 1 body ok\n\tunless 5 [z\n", "t.rules:4:13: missing terminating ]");
	fails("frobnicate\n", "t.rules:1:1: unknown directive");
	fails("rule X 1 body a\n", "t.rules:1:6: rule LABEL WEIGHT SCOPE PATTERN");
	fails("rule x one body a\n", "t.rules:1:8: 'one' is not a whole number");
	fails("rule x 1 everywhere a\n", "t.rules:1:10: 'everywhere' is not a scope: title, lead, body, overview");
	fails("rule x 1 title,,cause a\n", "t.rules:1:16: '' is not a scope");
	fails("rule x 1 cause,advice a\n", "t.rules:1:16: 'advice' is not a scope");
	fails("scope Story title\n", "t.rules:1:7: scope NAME SCOPE...: a lowercase name first");
	fails("scope cause title\n", "t.rules:1:7: 'cause' is a scope of its own");
	fails("scope story\n", "t.rules:1:12: scope NAME SCOPE...: the scopes it names");
	fails("scope story title advice\n", "t.rules:1:19: 'advice' is not a scope");
	fails("rule x 1 body\n", "t.rules:1:14: the rule has no pattern");
	fails("\tunless 5 a\n", "t.rules:1:2: 'unless' with no rule above it");
	fails("scope s title\n\tand clause a\n", "t.rules:2:2: 'and' with no rule above it");
	fails("rule x 1 body a\n\tand sentence\n", "t.rules:2:14: 'and' needs a pattern");
	fails("rule x 1 body a\n\tand 10001 b\n", "t.rules:2:6: '10001' is not a whole number in range");
	fails("rule x 1 body a\norder x\n\tunless a\n", "t.rules:3:2: 'unless' with no rule above it");
	fails("rule x 1 body a\n\tif b\n", "t.rules:2:2: an indented line is 'and [REACH] PATTERN', 'unless [REACH] PATTERN' or 'mood MOOD...'");
	fails("rule x 1 body a\n\tmood\n", "t.rules:2:6: mood MOOD...: fact, denied or advice");
	fails("rule x 1 body a\n\tmood fact false\n", "t.rules:2:12: a mood is fact, denied or advice");
	fails("order x\n\tmood denied\n", "t.rules:2:2: 'mood' with no rule above it");
	fails("rule x 1 body a\n\tunless 5\n", "t.rules:2:10: 'unless' needs a pattern");
	fails("order x Y\n", "t.rules:1:9: a label is a lowercase name");
	fails("veris x hacking\n", "veris LABEL ACTIONS ACTORS: actions and actors");
	fails("min-score lots\n", "'lots' is not a whole number");
	fails("lead-chars 0\n", "'0' is not a whole number in range");
	fails("lead-end\n", "lead-end needs a pattern");
	fails("lead-end (\n", "t.rules:1:11: missing closing parenthesis");
	/* Found by fuzzing: a bad lead-end after a good one freed the good
	 * one's pattern, which the clean-up freed again. */
	fails("lead-end ^以上\nlead-end (\n", "t.rules:2:11: missing closing parenthesis");
	fails("rule x 1 body \xff\n", "t.rules:1: invalid UTF-8");
	/* Found by fuzzing: a NUL went in but could not come out of --dump-rules. */
	fails_n("rule x 1 body a\0b\n", 16, "t.rules:1:16: NUL byte in a rule file");
	/* Found by fuzzing: a reach at the very end of a file read past it
	 * (the file's bytes, with no NUL after them, as read). */
	{
		static const char end[] = "rule e 2 lead 誤CC\n\tunless 5";
		char *exact = malloc(sizeof end - 1);

		ck_assert_ptr_nonnull(exact);
		memcpy(exact, end, sizeof end - 1);
		fails_n(exact, sizeof end - 1, "t.rules:2:10: 'unless' needs a pattern");
		free(exact);
	}
	/* A negative window is refused, not read as part of the pattern. */
	fails("rule x 1 body a\n\tunless -5 b\n", "t.rules:2:9: '-5' is not a whole number in range");
	/* Columns count characters, not bytes. */
	fails("rule 誤 1 body a\n", "t.rules:1:6: rule LABEL WEIGHT SCOPE PATTERN");
	fails("rule x 1 body 誤送信(\n", "t.rules:1:19: missing closing parenthesis");
}
END_TEST

START_TEST(anchors_only_where_certain)
{
	static const struct {
		const char *pattern;
		int anchored;
	} cases[] = {
		{"誤送信|宛先を誤", 1}, {"BCC|Bcc", 1}, {"不正.{0,5}アクセス", 1},
		{"ランサムウ[ェエ]ア", 1}, {"(?:誤|間違)送信", 1}, {"a|誤送信", 0},
		{"(?:別の|他の)方へ|誤送信", 1}, {"(?:別の|他の)?方へ", 0}, {"(?:別の|他の)*方", 0},
		{"(?:別の|a)方", 0}, {"(?:別の|他(?:の))方", 0}, {"(?:別の|他の)+方", 1},
		{"(?:別の|[他]の)方", 0},
		{"誤送信|a", 0}, /* found by fuzzing: the first word leaked */
		{"誤?送信", 0}, {"送信された?", 1}, {"(?i)bcc", 0}, {"\\d+件", 0}, {".*", 0},
		{"TO\\(宛先\\)", 1},
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct ir_ruleset rs;
		char text[256], err[512];

		snprintf(text, sizeof text, "rule x 1 body %s\n", cases[i].pattern);
		ir_rules_init(&rs);
		ck_assert_int_eq(load(&rs, text, err, sizeof err), 0);
		ir_rules_ready(&rs);
		ck_assert_msg(rs.rules[0].anchored == cases[i].anchored, "%s", cases[i].pattern);
		ir_rules_free(&rs);
	}
}
END_TEST

START_TEST(dump_reads_back)
{
	struct ir_ruleset rs, again;
	struct ir_buf a = IR_BUF_INIT, b = IR_BUF_INIT;
	char err[512];

	ir_rules_init(&rs);
	ck_assert_int_eq(load(&rs, "order b a\nveris a x -\nscope what title cause\n"
			      "rule a 2 lead 誤送信\n\tunless 3 防止\n"
			      "rule b 1 what,data y\n\tmood advice\n\tand clause z\n\tunless sentence w\n",
			      err, sizeof err), 0);
	ir_rules_dump(&rs, &a);
	ir_rules_init(&again);
	ck_assert_int_eq(load(&again, ir_buf_cstr(&a), err, sizeof err), 0);
	ir_rules_dump(&again, &b);
	/* The same rules, though from another file. */
	ck_assert_uint_eq(again.nrules, 2);
	ck_assert_str_eq(again.rules[0].pattern, "誤送信");
	ck_assert_str_eq(again.labels[0].name, "b");
	ck_assert_ptr_null(again.labels[1].actors);
	ck_assert_uint_eq(again.rules[1].scope, rs.rules[1].scope);
	ck_assert_uint_eq(again.rules[1].ncond, 2);
	ck_assert_int_eq(again.rules[1].cond[0].reach, IR_REACH_CLAUSE);
	ck_assert_int_eq(again.rules[1].cond[1].reach, IR_REACH_SENTENCE);
	ck_assert_uint_eq(again.rules[1].moods, 1u << IR_MOOD_ADVICE);
	ir_rules_free(&rs);
	ir_rules_free(&again);
	ir_buf_free(&a);
	ir_buf_free(&b);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("rules");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, good_file);
	tcase_add_test(tc, byte_order_mark);
	tcase_add_test(tc, scopes_and_conditions);
	tcase_add_test(tc, order_moves_labels_seen_before);
	tcase_add_test(tc, faults_name_line_and_column);
	tcase_add_test(tc, anchors_only_where_certain);
	tcase_add_test(tc, dump_reads_back);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
