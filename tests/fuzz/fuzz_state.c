/*
 * --merge's reading of states: any bytes, as lines of a state, are read
 * or refused; what is taken adds up, and written again it reads back to
 * the same state, and makes the same rows in every format.
 *
 * The first byte picks the options (grouping with buckets and every
 * aggregate, or --incidents), so that both kinds of state line are met.
 */
#include <string.h>

#include "fuzz.h"
#include "stats/rows.h"
#include "stats/state.h"

static struct ir_stats_conf confs[2];

static void
configure(void)
{
	static const char *const groups[][2] = {
		{"by", "published:month"}, {"by", "category"}, {"sum", "affected"},
		{"min", "affected"}, {"max", "affected"}, {"mean", "disclosure_days"},
		{"median", "affected"}, {"distinct", "org"}, {"distinct", "published:fy"},
	};
	struct ir_buf err = IR_BUF_INIT;
	size_t i, a;

	for (i = 0; i < sizeof groups / sizeof groups[0]; i++) {
		if (strcmp(groups[i][0], "by") == 0) {
			CHECK(ir_stats_conf_by(&confs[0], groups[i][1], &err) == 0);
			continue;
		}
		for (a = 0; a < IR_NAGG && strcmp(ir_agg_name[a], groups[i][0]) != 0; a++)
			;
		CHECK(ir_stats_conf_agg(&confs[0], (enum ir_agg)a, groups[i][1], &err) == 0);
	}
	confs[1].incidents = 1;
	CHECK(ir_stats_conf_by(&confs[1], "org_type", &err) == 0);
	CHECK(ir_stats_conf_agg(&confs[1], IR_AGG_SUM, "affected", &err) == 0);
	ir_buf_free(&err);
}

/* Reads the lines of text into st; 0 when all were taken and the states add up. */
static int
read_all(struct ir_stats *st, const char *text, size_t n)
{
	static struct ir_jobj o;
	static struct ir_buf msg;
	struct ir_state_fault f;
	size_t i = 0;
	long line = 0;

	while (i < n) {
		const char *nl = memchr(text + i, '\n', n - i), *why;
		size_t len = nl ? (size_t)(nl - text) - i : n - i, at;

		line++;
		if (ir_json_object(&o, text + i, len, &why, &at) < 0)
			return -1;
		msg.len = 0;
		if (ir_stats_read_state(st, &o, "fuzz", line, &f, &msg) != IR_STATE_OK)
			return -1;
		CHECK(f.line >= 0);
		i += len + 1;
	}
	return ir_stats_end_states(st, &f) == IR_STATE_OK ? 0 : -1;
}

/* The rows of st in every format, as one text. */
static void
rows(struct ir_stats *st, struct ir_buf *b)
{
	struct ir_stats_view v = {1, 1, 0, 0, 0};
	struct ir_group **g;
	struct ir_table t;
	size_t n, f;

	ir_stats_finish(st);
	g = ir_stats_rows(st, &v, &n);
	ir_stats_table(st, &v, g, n, &t);
	for (f = IR_FORMAT_TABLE; f <= IR_FORMAT_BAR; f++)
		ir_table_write(&t, (enum ir_format)f, 60, b, NULL);
	ir_table_free(&t);
	free(g);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct ir_buf once, again, rows1, rows2;
	static int configured;
	const struct ir_stats_conf *c;
	struct ir_stats st, back;

	if (!configured) {
		configure();
		configured = 1;
	}
	if (size == 0)
		return 0;
	c = &confs[data[0] & 1];
	ir_stats_init(&st, c);
	if (read_all(&st, (const char *)data + 1, size - 1) == 0) {
		/* Taken: written again, it reads back to the same state. */
		once.len = again.len = rows1.len = rows2.len = 0;
		ir_stats_write_state(&st, &once, NULL);
		ir_stats_init(&back, c);
		CHECK(read_all(&back, once.p, once.len) == 0);
		ir_stats_write_state(&back, &again, NULL);
		CHECK(once.len == again.len && memcmp(once.p, again.p, once.len) == 0);
		rows(&st, &rows1);
		rows(&back, &rows2);
		CHECK(rows1.len == rows2.len && memcmp(rows1.p, rows2.p, rows1.len) == 0);
		ir_stats_free(&back);
	}
	ir_stats_free(&st);
	return 0;
}
