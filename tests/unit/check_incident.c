#include "stats/incident.h"
#include "stats_fixture.h"

/* Made-up notices: a company's notice, its 第2報 and the regulator's about
 * it; a regulator's notice alone; two organisations under one id (the
 * blog's numbering mistake); two notices under an id without a serial;
 * an own notice and a regulator's naming no subject. */
static const char *const notices[] = {
	"{\"kind\":\"incident\",\"id\":\"2024-010\",\"source\":\"t\",\"line\":1,"
	"\"org\":\"株式会社カワセミ電機\",\"org_type\":\"company\",\"published\":\"2024-02-01\","
	"\"discovered\":\"2024-01-20\",\"disclosure_days\":12,\"report_no\":null,"
	"\"affected\":1000,\"affected_approx\":true,"
	"\"category\":\"unauthorized_access\","
	"\"categories\":[{\"label\":\"unauthorized_access\",\"score\":5}],"
	"\"data_types\":[\"email\"]}",
	"{\"kind\":\"incident\",\"id\":\"2024-010\",\"source\":\"t\",\"line\":2,"
	"\"org\":\"株式会社カワセミ電機\",\"org_type\":\"company\",\"published\":\"2024-02-15\","
	"\"discovered\":\"2024-01-21\",\"disclosure_days\":25,\"report_no\":2,"
	"\"affected\":1500,\"affected_approx\":false,\"category\":\"ransomware\","
	"\"categories\":[{\"label\":\"ransomware\",\"score\":6}],"
	"\"data_types\":[\"email\",\"name\"]}",
	"{\"kind\":\"incident\",\"id\":\"2024-010\",\"source\":\"t\",\"line\":3,"
	"\"org\":\"個人情報保護委員会\",\"org_type\":\"national_gov\","
	"\"published\":\"2024-03-10\",\"discovered\":null,\"disclosure_days\":null,"
	"\"report_no\":null,\"affected\":1600,\"affected_approx\":false,"
	"\"category\":\"regulatory\",\"categories\":[{\"label\":\"regulatory\","
	"\"score\":5},{\"label\":\"ransomware\",\"score\":4}],"
	"\"subject_org\":\"株式会社カワセミ電機\",\"data_types\":[\"email\"]}",
	"{\"kind\":\"incident\",\"id\":\"2024-011\",\"source\":\"t\",\"line\":4,"
	"\"org\":\"個人情報保護委員会\",\"org_type\":\"national_gov\","
	"\"published\":\"2024-03-11\",\"discovered\":null,\"report_no\":null,"
	"\"affected\":200,\"affected_approx\":false,\"category\":\"regulatory\","
	"\"categories\":[{\"label\":\"regulatory\",\"score\":5},"
	"{\"label\":\"misdelivery\",\"score\":3},{\"label\":\"loss\",\"score\":3}],"
	"\"subject_org\":\"みどり市\",\"data_types\":[\"name\"]}",
	"{\"kind\":\"incident\",\"id\":\"2024-012\",\"source\":\"t\",\"line\":5,"
	"\"org\":\"セキレイ書房\",\"org_type\":\"company\",\"published\":\"2024-03-12\","
	"\"report_no\":null,\"affected\":10,\"category\":\"defacement\","
	"\"data_types\":[]}",
	"{\"kind\":\"incident\",\"id\":\"2024-012\",\"source\":\"t\",\"line\":6,"
	"\"org\":\"つばさ町\",\"org_type\":\"local_gov\",\"published\":\"2024-03-12\","
	"\"report_no\":null,\"affected\":20,\"category\":\"misdelivery\","
	"\"data_types\":[\"address\"]}",
	"{\"kind\":\"incident\",\"id\":\"2024\",\"source\":\"t\",\"line\":7,"
	"\"org\":\"ヤマガラ運輸株式会社\",\"org_type\":\"company\",\"published\":\"2024-04-02\","
	"\"report_no\":null,\"affected\":5,\"category\":\"loss\",\"data_types\":[]}",
	"{\"kind\":\"incident\",\"id\":\"2024\",\"source\":\"t\",\"line\":8,"
	"\"org\":\"ヤマガラ運輸株式会社\",\"org_type\":\"company\",\"published\":\"2024-05-09\","
	"\"report_no\":null,\"affected\":7,\"category\":\"phishing\",\"data_types\":[]}",
	"{\"kind\":\"incident\",\"id\":\"2024-013\",\"source\":\"t\",\"line\":9,"
	"\"org\":\"ひばり大学\",\"org_type\":\"education\",\"published\":\"2024-04-10\","
	"\"discovered\":\"2024-04-01\",\"disclosure_days\":9,\"report_no\":null,"
	"\"affected\":null,\"category\":\"misconfiguration\",\"data_types\":[\"name\"]}",
	"{\"kind\":\"incident\",\"id\":\"2024-013\",\"source\":\"t\",\"line\":10,"
	"\"org\":\"個人情報保護委員会\",\"org_type\":\"national_gov\","
	"\"published\":\"2024-05-20\",\"report_no\":null,\"affected\":300,"
	"\"affected_approx\":true,\"category\":\"regulatory\","
	"\"categories\":[{\"label\":\"regulatory\",\"score\":5}],"
	"\"data_types\":[\"name\"]}",
};
#define NNOTICES (sizeof notices / sizeof notices[0])

static void
collect(const char *text, size_t n, long src, long line, void *arg)
{
	struct ir_buf *b = arg;

	(void)src;
	ir_buf_addf(b, "%ld:", line);
	ir_buf_add(b, text, n);
	ir_buf_addc(b, '\n');
}

/* Adds the notices in the order of idx; returns the incidents' texts, in order. */
static char *
incidents(const size_t *idx, int through_state)
{
	struct ir_stats_conf c = IR_STATS_CONF_INIT;
	struct ir_inc_parts p, q;
	struct ir_buf out = IR_BUF_INIT, state = IR_BUF_INIT;
	size_t i;

	c.incidents = 1;
	ck_assert_int_eq(ir_stats_conf_by(&c, "data_types", &out), 0);
	ir_inc_parts_init(&p, &c);
	ir_inc_parts_init(&q, &c);
	for (i = 0; i < NNOTICES; i++) {
		const char *n = notices[idx[i]], *why;
		struct ir_jobj o = IR_JOBJ_INIT;
		char *alone = NULL;
		size_t at;

		ck_assert_int_eq(ir_json_object(&o, n, strlen(n), &why, &at), 0);
		if (ir_inc_parts_add(i % 2 ? &q : &p, &o, 0, (long)idx[i] + 1, &alone) == 0) {
			collect(alone, strlen(alone), 0, (long)idx[i] + 1, &out);
			free(alone);
		}
		ir_jobj_free(&o);
	}
	if (through_state) {
		/* Both halves written as states and read back into one. */
		ir_inc_parts_write(&p, &state, NULL);
		ir_inc_parts_write(&q, &state, NULL);
		ir_inc_parts_free(&p);
		ir_inc_parts_free(&q);
		ir_inc_parts_init(&p, &c);
		ir_inc_parts_init(&q, &c);
		for (i = 0; i < state.len;) {
			const char *nl = memchr(state.p + i, '\n', state.len - i), *why;
			struct ir_jobj o = IR_JOBJ_INIT;
			size_t len = (size_t)(nl - state.p) - i, at;

			ck_assert_int_eq(ir_json_object(&o, state.p + i, len, &why, &at), 0);
			ck_assert_msg(ir_inc_parts_read(&p, &o, &why) == 0, "%s: %.*s", why, (int)len,
				      state.p + i);
			ir_jobj_free(&o);
			i += len + 1;
		}
	}
	ir_inc_parts_merge(&p, &q);
	ir_inc_parts_resolve(&p, collect, &out);
	ir_inc_parts_free(&p);
	ir_inc_parts_free(&q);
	ir_stats_conf_free(&c);
	ir_buf_free(&state);
	ir_buf_addc(&out, '\0');
	return out.p;
}

static const char want[] =
	/* The id without a serial: each notice alone, as read. */
	"7:{\"kind\":\"incident\",\"id\":\"2024\",\"notices\":1,\"org\":\"ヤマガラ運輸株式会社\","
	"\"org_type\":\"company\",\"category\":\"loss\",\"affected\":5,\"affected_approx\":null,"
	"\"published\":\"2024-04-02\",\"discovered\":null,\"disclosure_days\":null,\"data_types\":[],"
	"\"report_no\":null}\n"
	"8:{\"kind\":\"incident\",\"id\":\"2024\",\"notices\":1,\"org\":\"ヤマガラ運輸株式会社\","
	"\"org_type\":\"company\",\"category\":\"phishing\",\"affected\":7,\"affected_approx\":null,"
	"\"published\":\"2024-05-09\",\"discovered\":null,\"disclosure_days\":null,\"data_types\":[],"
	"\"report_no\":null}\n"
	/* The latest own report's category, its figure (report 2 beats the
	 * regulator's later 1600), the earliest dates, the first report's delay. */
	"1:{\"kind\":\"incident\",\"id\":\"2024-010\",\"notices\":3,\"org\":\"株式会社カワセミ電機\","
	"\"org_type\":\"company\",\"category\":\"ransomware\",\"affected\":1500,\"affected_approx\":false,"
	"\"published\":\"2024-02-01\",\"discovered\":\"2024-01-20\",\"disclosure_days\":12,"
	"\"categories\":[{\"label\":\"ransomware\",\"score\":6}],\"data_types\":[\"email\",\"name\"],"
	"\"report_no\":2}\n"
	/* The regulator's alone: its subject, its best label but regulatory. */
	"4:{\"kind\":\"incident\",\"id\":\"2024-011\",\"notices\":1,\"org\":\"みどり市\",\"org_type\":null,"
	"\"category\":\"misdelivery\",\"affected\":200,\"affected_approx\":false,"
	"\"published\":\"2024-03-11\",\"discovered\":null,\"disclosure_days\":null,"
	"\"categories\":[{\"label\":\"regulatory\",\"score\":5},{\"label\":\"misdelivery\",\"score\":3},"
	"{\"label\":\"loss\",\"score\":3}],\"data_types\":[\"name\"],\"report_no\":null,"
	"\"subject_org\":\"みどり市\"}\n"
	/* Two organisations under one id: two incidents (by the bytes of their names). */
	"6:{\"kind\":\"incident\",\"id\":\"2024-012\",\"notices\":1,\"org\":\"つばさ町\","
	"\"org_type\":\"local_gov\",\"category\":\"misdelivery\",\"affected\":20,\"affected_approx\":null,"
	"\"published\":\"2024-03-12\",\"discovered\":null,\"disclosure_days\":null,"
	"\"data_types\":[\"address\"],\"report_no\":null}\n"
	"5:{\"kind\":\"incident\",\"id\":\"2024-012\",\"notices\":1,\"org\":\"セキレイ書房\","
	"\"org_type\":\"company\",\"category\":\"defacement\",\"affected\":10,\"affected_approx\":null,"
	"\"published\":\"2024-03-12\",\"discovered\":null,\"disclosure_days\":null,\"data_types\":[],"
	"\"report_no\":null}\n"
	/* A regulator's notice naming no subject joins the one own notice of its id. */
	"9:{\"kind\":\"incident\",\"id\":\"2024-013\",\"notices\":2,\"org\":\"ひばり大学\","
	"\"org_type\":\"education\",\"category\":\"misconfiguration\",\"affected\":300,"
	"\"affected_approx\":true,\"published\":\"2024-04-10\",\"discovered\":\"2024-04-01\","
	"\"disclosure_days\":9,\"data_types\":[\"name\"],\"report_no\":null}\n";

START_TEST(the_rules)
{
	size_t idx[NNOTICES], i;
	char *got;

	for (i = 0; i < NNOTICES; i++)
		idx[i] = i;
	got = incidents(idx, 0);
	ck_assert_msg(strcmp(got, want) == 0, "got %.1500s", got);
	free(got);
}
END_TEST

static unsigned long long seed = 11;

START_TEST(any_order_any_pieces)
{
	size_t idx[NNOTICES], i, j, t, n;
	int round;

	for (round = 0; round < 30; round++) {
		char *got;

		for (i = 0; i < NNOTICES; i++)
			idx[i] = i;
		for (i = NNOTICES - 1; i > 0; i--) {
			seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
			j = (size_t)(seed >> 33) % (i + 1);
			t = idx[i];
			idx[i] = idx[j];
			idx[j] = t;
		}
		got = incidents(idx, round % 2);
		/* The same incidents; the unlinked ones come as they are read. */
		for (i = 0; want[i] != '\0'; i = (size_t)(strchr(want + i, '\n') - want) + 1) {
			const char *rec = strchr(want + i, '{');

			n = (size_t)(strchr(rec, '\n') - rec);
			ck_assert_msg(memmem(got, strlen(got), rec, n) != NULL, "lost: %.*s", (int)n, rec);
		}
		/* And no other (the place of a part read from a state is unknown: -1). */
		for (n = 0, i = 0; got[i] != '\0'; i++)
			n += got[i] == '\n';
		ck_assert_uint_eq(n, 7);
		free(got);
	}
}
END_TEST

START_TEST(bad_state_lines)
{
	static const char *const bad[] = {
		"{\"incident\":[\"2024-001\"],\"notices\":1,\"published\":null,\"discovered\":null,"
		"\"own\":null,\"first\":null,\"reg\":null,\"figure\":null}",
		"{\"incident\":[\"2024-001\",\"a\"],\"notices\":0,\"published\":null,\"discovered\":null,"
		"\"own\":null,\"first\":null,\"reg\":null,\"figure\":null}",
		"{\"incident\":[\"2024-001\",\"a\"],\"notices\":1,\"published\":null,\"discovered\":null,"
		"\"own\":null,\"first\":null,\"reg\":null,\"figure\":null}",
		"{\"incident\":[\"2024\",\"a\"],\"notices\":1,\"published\":null,\"discovered\":null,"
		"\"own\":{\"report_no\":1,\"published\":null,\"value\":{}},\"first\":null,\"reg\":null,"
		"\"figure\":null}",
		"{\"incident\":[\"2024-001\",\"a\"],\"notices\":1,\"published\":3,\"discovered\":null,"
		"\"own\":{\"report_no\":1,\"published\":null,\"value\":{}},\"first\":null,\"reg\":null,"
		"\"figure\":null}",
		"{\"incident\":[\"2024-001\",\"a\"],\"notices\":1,\"published\":null,\"discovered\":null,"
		"\"own\":{\"report_no\":0,\"published\":null,\"value\":{}},\"first\":null,\"reg\":null,"
		"\"figure\":null}",
		"{\"incident\":[\"2024-001\",\"a\"],\"notices\":1,\"published\":null,\"discovered\":null,"
		"\"own\":{\"report_no\":1,\"published\":null,\"value\":[]},\"first\":null,\"reg\":null,"
		"\"figure\":null}",
	};
	struct ir_stats_conf c = IR_STATS_CONF_INIT;
	struct ir_inc_parts p;
	size_t i;

	ir_inc_parts_init(&p, &c);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct ir_jobj o = IR_JOBJ_INIT;
		const char *why;
		size_t at;

		ck_assert_int_eq(ir_json_object(&o, bad[i], strlen(bad[i]), &why, &at), 0);
		ck_assert_msg(ir_inc_parts_read(&p, &o, &why) < 0, "taken: %s", bad[i]);
		ir_jobj_free(&o);
	}
	ck_assert_uint_eq(p.map.n, 0);
	ir_inc_parts_free(&p);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("incident");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, the_rules);
	tcase_add_test(tc, any_order_any_pieces);
	tcase_add_test(tc, bad_state_lines);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
