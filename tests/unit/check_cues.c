#include "extract/cues.h"
#include "extract/datatypes.h"
#include "extract/extract.h"
#include "extract/facts.h"
#include "unit.h"

static struct ir_cues cues;

/* What a cue means: its data type's or authority's name, or its kind's. */
static const char *
meaning(const struct ir_cue *c)
{
	static const char *const kinds[] = {"", "", "contractor", "thing", "actor", "shield"};

	if (c->kind == IR_CUE_DATATYPE)
		return c->value < ir_ndatatypes ? ir_datatype_names[c->value] : "?";
	if (c->kind == IR_CUE_AUTHORITY)
		return c->value == IR_TOLD_PPC ? "ppc" : c->value == IR_TOLD_POLICE ? "police" :
		       c->value == IR_TOLD_OTHER ? "other" : "?";
	return c->kind < 6 && c->value == 0 ? kinds[c->kind] : "?";
}

/* The cues of text as "word=meaning word=meaning ...". */
static const char *
scan(const char *text)
{
	static char got[1024];
	size_t i;

	ir_cues_scan(&cues, text, strlen(text));
	got[0] = '\0';
	for (i = 0; i < cues.n; i++)
		snprintf(got + strlen(got), sizeof got - strlen(got), "%s%.*s=%s", i ? " " : "",
			 (int)cues.v[i].len, text + cues.v[i].off, meaning(&cues.v[i]));
	return got;
}

START_TEST(each_kind_with_its_value)
{
	ck_assert_str_eq(scan("氏名"), "氏名=name");
	ck_assert_str_eq(scan("郵便番号"), "郵便番号=address");
	ck_assert_str_eq(scan("暗証番号"), "暗証番号=password");
	ck_assert_str_eq(scan("学籍番号"), "学籍番号=student_id");
	ck_assert_str_eq(scan("個人情報保護委員会"), "個人情報保護委員会=ppc");
	ck_assert_str_eq(scan("県警"), "県警=police");
	ck_assert_str_eq(scan("捜査機関"), "捜査機関=police");
	ck_assert_str_eq(scan("総合通信局"), "総合通信局=other");
	ck_assert_str_eq(scan("再委託"), "委託=contractor");
	ck_assert_str_eq(scan("送信件数"), "送信件数=thing");
	ck_assert_str_eq(scan("担当者"), "担当者=actor");
	ck_assert_str_eq(scan("事業者"), "事業者=shield");
}
END_TEST

START_TEST(a_sentence_in_order)
{
	ck_assert_str_eq(scan("委託先の担当者が、会員の氏名、メールアドレス及び電話番号を含むファイルを誤って送信しました。"
			      "当社は個人情報保護委員会に報告し、警察にも相談しております。"),
			 "委託=contractor 担当者=actor 氏名=name メールアドレス=email 電話番号=phone 個人情報保護委員会=ppc 警察=police");
}
END_TEST

START_TEST(leftmost_longest)
{
	/* The longer word, not the one inside it. */
	ck_assert_str_eq(scan("クレジットカード番号"), "クレジットカード番号=card_number");
	ck_assert_str_eq(scan("派遣社員"), "派遣社員=actor");
	ck_assert_str_eq(scan("申請者"), "申請者=shield");
	ck_assert_str_eq(scan("申請書"), "申請=thing");
	ck_assert_str_eq(scan("所属長"), "所属長=shield");
	ck_assert_str_eq(scan("所属部署"), "所属=occupation");
	ck_assert_str_eq(scan("送信されたメール件数"), "送信されたメール件数=thing");
	ck_assert_str_eq(scan("社員ID"), "社員ID=employee_id");
	ck_assert_str_eq(scan("ベンダー"), "ベンダー=contractor");
	/* A word that ends where the next begins: both, without overlap. */
	ck_assert_str_eq(scan("社員住所"), "社員=actor 住所=address");
}
END_TEST

START_TEST(offsets_in_bytes)
{
	const char *text = "当社の職員が氏名を";

	ir_cues_scan(&cues, text, strlen(text));
	ck_assert_uint_eq(cues.n, 2);
	ck_assert_uint_eq(cues.v[0].off, 9);
	ck_assert_uint_eq(cues.v[0].len, 6);
	ck_assert_uint_eq(cues.v[0].kind, IR_CUE_ACTOR);
	ck_assert_uint_eq(cues.v[1].off, 18);
	ck_assert_uint_eq(cues.v[1].len, 6);
	ck_assert_uint_eq(cues.v[1].kind, IR_CUE_DATATYPE);
	ck_assert_uint_eq(cues.v[1].value, IR_DT_NAME);
}
END_TEST

START_TEST(ascii_words_whole_and_any_case)
{
	ck_assert_str_eq(scan("TEL 000-0000"), "TEL=phone");
	ck_assert_str_eq(scan("Tel:000-0000"), "Tel=phone");
	ck_assert_str_eq(scan("HOTEL name"), "");
	ck_assert_str_eq(scan("E-mail"), "E-mail=email");
	ck_assert_str_eq(scan("IDEA"), "");
	ck_assert_str_eq(scan("IDとパスワード"), "ID=login_id パスワード=password");
	ck_assert_str_eq(scan("JPCERT/CCへ連絡"), "JPCERT=other");
}
END_TEST

START_TEST(nothing_to_find)
{
	ck_assert_str_eq(scan(""), "");
	ck_assert_str_eq(scan("本日はお日柄もよく"), "");
	/* A scan starts over: nothing is left from the one before. */
	ck_assert_str_eq(scan("氏名"), "氏名=name");
	ck_assert_str_eq(scan("お詫び"), "");
	ck_assert_uint_eq(cues.n, 0);
}
END_TEST

START_TEST(only_within_len)
{
	const char *text = "氏名と住所";

	ir_cues_scan(&cues, text, strlen("氏名と"));
	ck_assert_uint_eq(cues.n, 1);
	ck_assert_uint_eq(cues.v[0].off, 0);
	/* A word cut by len is no word. */
	ir_cues_scan(&cues, "電話番号", strlen("電話番"));
	ck_assert_uint_eq(cues.n, 0);
	ir_cues_scan(&cues, text, 0);
	ck_assert_uint_eq(cues.n, 0);
}
END_TEST

START_TEST(many_cues_and_free)
{
	struct ir_buf b = IR_BUF_INIT;
	size_t i;

	/* More than the first allocation holds. */
	for (i = 0; i < 300; i++)
		ir_buf_adds(&b, "氏名、");
	ir_cues_scan(&cues, b.p, b.len);
	ck_assert_uint_eq(cues.n, 300);
	ck_assert_uint_ge(cues.cap, 300);
	for (i = 0; i < cues.n; i++)
		ck_assert(cues.v[i].off == i * 9 && cues.v[i].len == 6 && cues.v[i].value == IR_DT_NAME);
	ir_cues_free(&cues);
	ck_assert_ptr_null(cues.v);
	ck_assert_uint_eq(cues.n, 0);
	ck_assert_uint_eq(cues.cap, 0);
	ir_buf_free(&b);
}
END_TEST

static void
teardown(void)
{
	ir_cues_free(&cues);
}

static Suite *
suite(void)
{
	Suite *s = suite_create("cues");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, each_kind_with_its_value);
	tcase_add_test(tc, a_sentence_in_order);
	tcase_add_test(tc, leftmost_longest);
	tcase_add_test(tc, offsets_in_bytes);
	tcase_add_test(tc, ascii_words_whole_and_any_case);
	tcase_add_test(tc, nothing_to_find);
	tcase_add_test(tc, only_within_len);
	tcase_add_test(tc, many_cues_and_free);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN_PREPARED(suite, ir_cues_prepare)
