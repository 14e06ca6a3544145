#include <math.h>

#include "stats/table.h"
#include "unit.h"

/* Two text columns and two numeric ones, with Japanese text and awkward cells. */
static void
build(struct ir_table *t)
{
	ir_table_init(t, 4);
	ir_table_head(t, 0, "org", 0);
	ir_table_head(t, 1, "type", 0);
	ir_table_head(t, 2, "count", 1);
	ir_table_head(t, 3, "mean", 1);
	ir_table_cell(t, "東京都", strlen("東京都"), "\"東京都\"", strlen("\"東京都\""));
	ir_table_cell(t, "local_gov", 9, "\"local_gov\"", 11);
	ir_table_cell(t, "12", 2, NULL, 0);
	ir_table_cell(t, "3.50", 4, NULL, 0);
	ir_table_row_end(t, 12);
	ir_table_cell(t, "a|b,\"c\"", 7, "\"a|b,\\\"c\\\"\"", strlen("\"a|b,\\\"c\\\"\""));
	ir_table_cell(t, "tab\there", 8, "\"tab\\there\"", 11);
	ir_table_cell(t, "3", 1, NULL, 0);
	ir_table_empty(t);
	ir_table_row_end(t, 3);
	ir_table_cell(t, "(none)", 6, "null", 4);
	ir_table_cell(t, "x", 1, "\"x\"", 3);
	ir_table_cell(t, "0", 1, NULL, 0);
	ir_table_empty(t);
	ir_table_row_end(t, NAN);
}

static void
expect(enum ir_format f, int columns, const char *want)
{
	struct ir_table t;
	struct ir_buf b = IR_BUF_INIT;

	build(&t);
	ir_table_write(&t, f, columns, &b, NULL);
	ck_assert_buf_eq(b.p, b.len, want);
	ir_buf_free(&b);
	ir_table_free(&t);
}

START_TEST(format_names)
{
	ck_assert_int_eq(ir_format_parse("table"), IR_FORMAT_TABLE);
	ck_assert_int_eq(ir_format_parse("markdown"), IR_FORMAT_MARKDOWN);
	ck_assert_int_eq(ir_format_parse("bar"), IR_FORMAT_BAR);
	ck_assert_int_eq(ir_format_parse("md"), -1);
	ck_assert_int_eq(ir_format_parse("TSV"), -1);
}
END_TEST

START_TEST(table)
{
	expect(IR_FORMAT_TABLE, 80,
	       "org      type       count  mean\n"
	       "東京都   local_gov     12  3.50\n"
	       "a|b,\"c\"  tab here       3     -\n"
	       "(none)   x              0     -\n");
}
END_TEST

START_TEST(tsv)
{
	expect(IR_FORMAT_TSV, 80,
	       "org\ttype\tcount\tmean\n"
	       "東京都\tlocal_gov\t12\t3.50\n"
	       "a|b,\"c\"\ttab here\t3\t\n"
	       "(none)\tx\t0\t\n");
}
END_TEST

START_TEST(csv)
{
	expect(IR_FORMAT_CSV, 80,
	       "org,type,count,mean\r\n"
	       "東京都,local_gov,12,3.50\r\n"
	       "\"a|b,\"\"c\"\"\",tab\there,3,\r\n"
	       "(none),x,0,\r\n");
}
END_TEST

START_TEST(json)
{
	expect(IR_FORMAT_JSON, 80,
	       "{\"org\":\"東京都\",\"type\":\"local_gov\",\"count\":12,\"mean\":3.50}\n"
	       "{\"org\":\"a|b,\\\"c\\\"\",\"type\":\"tab\\there\",\"count\":3,\"mean\":null}\n"
	       "{\"org\":null,\"type\":\"x\",\"count\":0,\"mean\":null}\n");
}
END_TEST

START_TEST(markdown)
{
	expect(IR_FORMAT_MARKDOWN, 80,
	       "| org      | type      | count | mean |\n"
	       "| -------- | --------- | ----: | ---: |\n"
	       "| 東京都   | local_gov |    12 | 3.50 |\n"
	       "| a\\|b,\"c\" | tab here  |     3 |    - |\n"
	       "| (none)   | x         |     0 |    - |\n");
}
END_TEST

START_TEST(bar)
{
	/* 40 columns: labels 7 + 2, 9 + 2, numbers 2 + 2, 4 + 2: 10 for the bar. */
	expect(IR_FORMAT_BAR, 40,
	       "東京都   local_gov  ██████████  12  3.50\n"
	       "a|b,\"c\"  tab here   ██▌          3     -\n"
	       "(none)   x                       0     -\n");
}
END_TEST

START_TEST(bar_eighths_and_minimum)
{
	struct ir_table t;
	struct ir_buf b = IR_BUF_INIT;
	ir_table_init(&t, 2);
	ir_table_head(&t, 0, "k", 0);
	ir_table_head(&t, 1, "n", 1);
	ir_table_cell(&t, "a", 1, NULL, 0);
	ir_table_cell(&t, "80", 2, NULL, 0);
	ir_table_row_end(&t, 80);
	ir_table_cell(&t, "b", 1, NULL, 0);
	ir_table_cell(&t, "9", 1, NULL, 0);
	ir_table_row_end(&t, 9);
	ir_table_cell(&t, "c", 1, NULL, 0);
	ir_table_cell(&t, "0.1", 3, NULL, 0);
	ir_table_row_end(&t, 0.1);
	/* Too narrow a terminal: the bar still gets 10 columns. */
	ir_table_write(&t, IR_FORMAT_BAR, 5, &b, NULL);
	ir_table_free(&t);
	ck_assert_buf_eq(b.p, b.len,
			 "a  ██████████   80\n"
			 "b  █▏            9\n"
			 "c  ▏           0.1\n");
	ir_buf_free(&b);
}
END_TEST

/* One text cell holding NUL, ESC, U+0085, a tab and a line end, in format f. */
static void
expect_controls(enum ir_format f, const char *want)
{
	static const char cell[] = "a\0b\x1b[1m\xc2\x85\t\n\xc3\xa9";
	struct ir_table t;
	struct ir_buf b = IR_BUF_INIT;

	ir_table_init(&t, 1);
	ir_table_head(&t, 0, "v", 0);
	ir_table_cell(&t, cell, sizeof cell - 1, NULL, 0);
	ir_table_row_end(&t, 1);
	ir_table_write(&t, f, 20, &b, NULL);
	ck_assert_buf_eq(b.p, b.len, want);
	ir_buf_free(&b);
	ir_table_free(&t);
}

START_TEST(control_characters)
{
	expect_controls(IR_FORMAT_TABLE, "v\na\\u0000b\\u001b[1m\\u0085  \xc3\xa9\n");
	expect_controls(IR_FORMAT_TSV, "v\na\\u0000b\\u001b[1m\\u0085  \xc3\xa9\n");
	expect_controls(IR_FORMAT_CSV, "v\r\n\"a\\u0000b\\u001b[1m\\u0085\t\n\xc3\xa9\"\r\n");
	expect_controls(IR_FORMAT_MARKDOWN, "| v                          |\n| -------------------------- |\n"
					    "| a\\u0000b\\u001b[1m\\u0085  \xc3\xa9 |\n");
	expect_controls(IR_FORMAT_BAR, "a\\u0000b\\u001b[1m\\u0085  \xc3\xa9  \xe2\x96\x88\xe2\x96\x88"
				       "\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88"
				       "\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\n");
}
END_TEST

START_TEST(no_rows)
{
	struct ir_table t;
	struct ir_buf b = IR_BUF_INIT;

	ir_table_init(&t, 2);
	ir_table_head(&t, 0, "category", 0);
	ir_table_head(&t, 1, "count", 1);
	ir_table_write(&t, IR_FORMAT_TABLE, 80, &b, NULL);
	ir_table_write(&t, IR_FORMAT_JSON, 80, &b, NULL);
	ir_table_write(&t, IR_FORMAT_BAR, 80, &b, NULL);
	ir_table_write(&t, IR_FORMAT_CSV, 80, &b, NULL);
	ck_assert_buf_eq(b.p, b.len, "category  count\ncategory,count\r\n");
	ir_buf_free(&b);
	ir_table_free(&t);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("table");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, format_names);
	tcase_add_test(tc, table);
	tcase_add_test(tc, tsv);
	tcase_add_test(tc, csv);
	tcase_add_test(tc, json);
	tcase_add_test(tc, markdown);
	tcase_add_test(tc, bar);
	tcase_add_test(tc, bar_eighths_and_minimum);
	tcase_add_test(tc, control_characters);
	tcase_add_test(tc, no_rows);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
