/* stats_fixture.h - what the unit tests of lib/stats share: configurations
 * from option words, records added from JSON text, rows rendered. */
#ifndef IR_STATS_FIXTURE_H
#define IR_STATS_FIXTURE_H

#include "stats/conf.h"
#include "stats/groups.h"
#include "stats/rows.h"
#include "unit.h"

/* A configuration from "-g F", "--sum F" ... words. */
static inline void
conf_of(struct ir_stats_conf *c, const char *const *args)
{
	struct ir_buf err = IR_BUF_INIT;
	size_t i, a;

	memset(c, 0, sizeof *c);
	for (i = 0; args[i] != NULL; i += 2) {
		if (strcmp(args[i], "-g") == 0) {
			ck_assert_msg(ir_stats_conf_by(c, args[i + 1], &err) == 0, "%s", ir_buf_cstr(&err));
			continue;
		}
		for (a = 0; a < IR_NAGG && strcmp(args[i] + 2, ir_agg_name[a]) != 0; a++)
			;
		ck_assert_uint_lt(a, IR_NAGG);
		ck_assert_msg(ir_stats_conf_agg(c, (enum ir_agg)a, args[i + 1], &err) == 0, "%s",
			      ir_buf_cstr(&err));
	}
	ir_buf_free(&err);
}

static inline void
add(struct ir_stats *st, const char *json, long line)
{
	struct ir_jobj o = IR_JOBJ_INIT;
	const char *why;
	size_t at;

	ck_assert_msg(ir_json_object(&o, json, strlen(json), &why, &at) == 0, "%s: %s", json, why);
	ir_stats_add(st, &o, 0, line);
	ir_jobj_free(&o);
}

/* The rows of st in format f, as a new string. */
static inline char *
render(struct ir_stats *st, const struct ir_stats_view *v, enum ir_format f)
{
	struct ir_buf b = IR_BUF_INIT, err = IR_BUF_INIT;
	struct ir_group **rows;
	struct ir_table t;
	size_t n;

	if (v->fill)
		ck_assert_int_eq(ir_stats_fill(st, v->fill_field, &err), 0);
	rows = ir_stats_rows(st, v, &n);
	ir_stats_table(st, v, rows, n, &t);
	ir_table_write(&t, f, 80, &b, NULL);
	ir_table_free(&t);
	free(rows);
	ir_buf_free(&err);
	ir_buf_addc(&b, '\0');
	return b.p;
}

static inline void
expect_rows(struct ir_stats *st, const struct ir_stats_view *v, const char *want)
{
	char *got = render(st, v, IR_FORMAT_TSV);

	ck_assert_str_eq(got, want);
	free(got);
}

static const struct ir_stats_view by_key = {0, 1, 0, 0, 0};

#endif
