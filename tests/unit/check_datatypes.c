#include "extract/cues.h"
#include "extract/datatypes.h"
#include "ja/norm.h"
#include "extract/extract.h"
#include "unit.h"

/* The data types of a text, as "a,b,c". */
static const char *
types(const char *raw)
{
	static char got[512];
	struct ir_norm n = IR_NORM_INIT;
	struct ir_cues cues = {0};
	unsigned long bits;
	size_t i;

	ir_norm(&n, raw, strlen(raw));
	ir_cues_scan(&cues, n.text.p, n.text.len);
	bits = ir_datatypes(n.text.p, n.text.len, &cues);
	got[0] = '\0';
	for (i = 0; i < ir_ndatatypes; i++)
		if (bits & 1UL << i)
			snprintf(got + strlen(got), sizeof got - strlen(got), "%s%s", got[0] ? "," : "",
				 ir_datatype_names[i]);
	ir_cues_free(&cues);
	ir_norm_free(&n);
	return got;
}

START_TEST(listed_items)
{
	ck_assert_str_eq(types("・氏名\n・住所\n・電話番号\n・メールアドレス\n・生年月日"),
			 "address,birth_date,email,name,phone");
	ck_assert_str_eq(types("カード名義人名、クレジットカード番号、有効期限、セキュリティコード"),
			 "card_cvc,card_expiry,card_holder,card_number");
	ck_assert_str_eq(types("ユーザーID、パスワード、学籍番号、ＴＥＬ"), "login_id,password,phone,student_id");
	ck_assert_str_eq(types("E-mail, HOTEL name"), "email");
	ck_assert_str_eq(types("受診歴や病名、マイナンバーの写し"), "health,my_number");
}
END_TEST

START_TEST(denials_and_advice)
{
	ck_assert_str_eq(types("氏名とメールアドレスが流出しました。クレジットカード情報は含まれておりません。"),
			 "email,name");
	ck_assert_str_eq(types("念のためパスワードの変更をお願いします。"), "");
	ck_assert_str_eq(types("口座番号は保持しておりません。"), "");
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("datatypes");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, listed_items);
	tcase_add_test(tc, denials_and_advice);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN_PREPARED(suite, ir_extract_prepare)
