#include "extract/datatypes.h"
#include "extract/extract.h"
#include "reading.h"

/* The data types of a text, as "a,b,c". */
static const char *
types(const char *raw)
{
	static char got[512];
	static struct reading rd;
	unsigned long bits;
	size_t i;

	reading_load(&rd, raw);
	bits = ir_datatypes(&rd.r, &rd.cues);
	got[0] = '\0';
	for (i = 0; i < ir_ndatatypes; i++)
		if (bits & 1UL << i)
			snprintf(got + strlen(got), sizeof got - strlen(got), "%s%s", got[0] ? "," : "",
				 ir_datatype_names[i]);
	reading_free(&rd);
	return got;
}

START_TEST(listed_items)
{
	ck_assert_str_eq(types("・氏名\n・住所\n・電話番号\n・メールアドレス\n・生年月日"),
			 "address,birth_date,email,name,phone");
	ck_assert_str_eq(types("カード名義人名、クレジットカード番号、有効期限、セキュリティコード"),
			 "card_cvc,card_expiry,card_holder,card_number");
	ck_assert_str_eq(types("【漏えいした情報】\nユーザーID、パスワード、学籍番号、ＴＥＬ"),
			 "login_id,password,phone,student_id");
	ck_assert_str_eq(types("E-mail, HOTEL name"), "email");
	ck_assert_str_eq(types("受診歴や病名、マイナンバーの写し"), "health,my_number");
}
END_TEST

START_TEST(where_and_how)
{
	/* The data part and the overview; other parts only when those name none. */
	ck_assert_str_eq(types("会員の氏名が流出しました。\n【対象となる情報】\n・住所\n【経緯】\n電話番号を確認しました。\n"),
			 "address,name");
	ck_assert_str_eq(types("本文。\n【経緯】\n電話番号が流出しました。\n"), "phone");
	/* With no data part, the timeline tells what leaked as well as the overview. */
	ck_assert_str_eq(types("当店の通販サイトにおいて、お客様のクレジットカード情報が漏えいした可能性があります。\n\n"
			       "経緯としましては、2月に決済代行会社から連絡を受けて調査したところ、"
			       "カード名義人名、有効期限が窃取されていたことがわかりました。\n"),
			 "card_expiry,card_holder,card_number");
	/* Never prevention, the contact part or a resolve. */
	ck_assert_str_eq(types("本文。\n【再発防止策】\n氏名の管理を見直します。\n【お問い合わせ】\n電話番号 000\n"), "");
	ck_assert_str_eq(types("今後は、住所録の管理を徹底してまいります。"), "");
	/* Credentials named as the way in, not as data taken. */
	ck_assert_str_eq(types("管理画面に、初期のままのパスワードが使われていました。"), "");
	ck_assert_str_eq(types("本文。\n【原因】\n担当者のIDとパスワードが偽の画面に入力され、悪用されました。\n"), "");
	ck_assert_str_eq(types("偽のサイトにIDとパスワードを入力してしまったお客様がいらっしゃいます。"), "login_id,password");
	/* The intruder's tool, through the rest of a list; a lure asking for input. */
	ck_assert_str_eq(types("職員のIDとパスワードを推測し、名簿を閲覧しました。"), "");
	ck_assert_str_eq(types("偽の画面は、住所や電話番号の入力を求めるものでした。"), "");
	ck_assert_str_eq(types("市のメールアドレスを装った不審なメールが送られています。"), "");
}
END_TEST

START_TEST(denials_and_advice)
{
	ck_assert_str_eq(types("氏名とメールアドレスが流出しました。クレジットカード情報は含まれておりません。"),
			 "email,name");
	ck_assert_str_eq(types("念のためパスワードの変更をお願いします。"), "");
	ck_assert_str_eq(types("口座番号は保持しておりません。"), "");
	/* A denial reaches every item of the list before it. */
	ck_assert_str_eq(types("氏名が流出しました。クレジットカード情報およびパスワードは含まれておりません。"), "name");
	ck_assert_str_eq(types("48人分のメールアドレス(氏名、会社名、電話番号等の個人情報は含まれておりません。)"), "email");
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("datatypes");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, listed_items);
	tcase_add_test(tc, where_and_how);
	tcase_add_test(tc, denials_and_advice);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN_PREPARED(suite, ir_extract_prepare)
