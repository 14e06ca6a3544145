#include <math.h>

#include "ja/numeral.h"
#include "unit.h"

/* Checks that s starts with a number of value v spelt as text. */
#define ck_num(s, v, text) \
	do { \
		struct ir_decimal d_; \
		size_t len_ = ir_numeral_parse(s, strlen(s), 0, &d_); \
		double v_ = len_ ? ir_decimal_double(d_) : -1; \
		ck_assert_buf_eq(s, len_, text); \
		ck_assert_msg(v_ == (v), "%s: got %.17g, want %.17g", s, v_, (double)(v)); \
	} while (0)

#define ck_no_num(s) \
	do { \
		struct ir_decimal d_ = {7, -1, 0}; \
		ck_assert_msg(ir_numeral_parse(s, strlen(s), 0, &d_) == 0, "%s", s); \
		ck_assert_msg(d_.m == 7 && d_.e == -1, "%s: value set", s); \
	} while (0)

START_TEST(digits_of_each_script)
{
	ck_assert_int_eq(ir_arabic_digit('0'), 0);
	ck_assert_int_eq(ir_arabic_digit('9'), 9);
	ck_assert_int_eq(ir_arabic_digit(0xFF17), 7); /* ７ */
	ck_assert_int_eq(ir_arabic_digit('a'), -1);
	ck_assert_int_eq(ir_arabic_digit(0x4E03), -1); /* 七 is a kanji numeral */
	ck_assert_int_eq(ir_kanji_numeral(0x3007), 0); /* 〇 */
	ck_assert_int_eq(ir_kanji_numeral(0x4E03), 7);
	ck_assert_int_eq(ir_kanji_numeral(0x5341), 10);
	ck_assert_int_eq(ir_kanji_numeral(0x5343), 1000);
	ck_assert_int_eq(ir_kanji_numeral(0x5146), 1000000000000LL);
	ck_assert_int_eq(ir_kanji_numeral(0x96F6), -1); /* 零 is not read */
	ck_assert_int_eq(ir_kanji_numeral('7'), -1);
}
END_TEST

START_TEST(what_a_number_begins_with)
{
	ck_assert(ir_numeral_starts('0'));
	ck_assert(ir_numeral_starts('9'));
	ck_assert(ir_numeral_starts(0x3007)); /* 〇, as in 二〇二三 */
	ck_assert(ir_numeral_starts(0x4E09)); /* 三 */
	ck_assert(ir_numeral_starts(0x5343)); /* 千, as in 千二百 */
	ck_assert(!ir_numeral_starts(0x4E07)); /* 万 only multiplies */
	ck_assert(!ir_numeral_starts(0x5104)); /* 億 */
	ck_assert(!ir_numeral_starts(0x5146)); /* 兆 */
	ck_assert(!ir_numeral_starts(0xFF17)); /* ７ is 7 once normalised */
	ck_assert(!ir_numeral_starts(','));
}
END_TEST

START_TEST(ascii_numbers)
{
	ck_num("596", 596, "596");
	ck_num("13,434 件", 13434, "13,434");
	ck_num("1,000,000人", 1000000, "1,000,000");
	ck_num("2, 533名", 2533, "2, 533");
	ck_num("2.2万", 22000, "2.2万");
	ck_num("0.5", 0.5, "0.5");
	ck_num("1,234.5", 1234.5, "1,234.5");
	ck_num("007", 7, "007");
	/* A comma that does not group thousands ends the number. */
	ck_num("1,2345", 1, "1");
	ck_num("12,34", 12, "12");
	ck_num("1234,567", 1234, "1234");
	ck_num("2,  533", 2, "2");
	ck_num("2, 5333", 2, "2");
	ck_num("3,", 3, "3");
	/* So does a point that does not start a fraction, or starts a version. */
	ck_num("3.", 3, "3");
	ck_num("1.2.3", 1, "1");
	ck_num("10.5%", 10.5, "10.5");
}
END_TEST

START_TEST(multipliers)
{
	ck_num("596万件", 5960000, "596万");
	ck_num("1万人", 10000, "1万");
	ck_num("1億8990万件", 189900000, "1億8990万");
	ck_num("14万2000人", 142000, "14万2000");
	ck_num("6千人", 6000, "6千");
	ck_num("3万5千件", 35000, "3万5千");
	ck_num("1,000万", 10000000, "1,000万");
	ck_num("2兆5000億", 2500000000000.0, "2兆5000億");
	ck_num("1.5億", 150000000, "1.5億");
	ck_num("0.35万", 3500, "0.35万");
	/* Each part below the unit before it: 5万 then 12345 on its own. */
	/* PDF text puts blanks before the big units; only there. */
	ck_num("38 万人分", 380000, "38 万");
	ck_num("1 億 2000 万", 100000000, "1 億");
	ck_num("6 千", 6, "6");
	ck_num("5万12345", 50000, "5万");
	ck_num("1万2万", 10002, "1万2");
	ck_num("15千", 15, "15");
	ck_num("2.5千", 2.5, "2.5");
}
END_TEST

START_TEST(kanji_numbers)
{
	ck_num("二千人", 2000, "二千");
	ck_num("三百五十件", 350, "三百五十");
	ck_num("千二百", 1200, "千二百");
	ck_num("十", 10, "十");
	ck_num("十二", 12, "十二");
	ck_num("二十三", 23, "二十三");
	ck_num("百", 100, "百");
	ck_num("一万二千三百四十五", 12345, "一万二千三百四十五");
	ck_num("三十万", 300000, "三十万");
	ck_num("五億", 500000000, "五億");
	ck_num("二〇二三年", 2023, "二〇二三");
	ck_num("〇", 0, "〇");
	ck_num("千2百", 1200, "千2百");
	ck_num("百千", 100, "百");
	ck_num("十百", 10, "十");
}
END_TEST

START_TEST(exact_integers)
{
	/* 2^53 and its neighbours are exact whichever way they are written. */
	ck_num("9007199254740992", 9007199254740992.0, "9007199254740992");
	ck_num("9,007,199,254,740,991", 9007199254740991.0, "9,007,199,254,740,991");
	ck_num("9007兆1992億5474万992", 9007199254740992.0, "9007兆1992億5474万992");
	ck_num("4503.599627370496兆", 4503599627370496.0, "4503.599627370496兆");
	ck_num("123456.789万", 1234567890, "123456.789万");
	ck_num("0.1万", 1000, "0.1万");
}
END_TEST

static const char *json_of(const char *s);
#define ck_str_eq_json(s, want) ck_assert_str_eq(json_of(s), want)

/* Plain digits are read at once; what goes on after them is the whole reader's. */
START_TEST(plain_digits_and_what_follows)
{
	ck_str_eq_json("123456789012345678件", "123456789012345678");
	ck_str_eq_json("1234567890123456789件", "1234567890123456789");
	ck_str_eq_json("007件", "7");
	static const struct { const char *s; double v; const char *text; } after[] = {
		{"12万件", 120000, "12万"}, {"12 万件", 120000, "12 万"}, {"12 件", 12, "12"},
		{"3千人", 3000, "3千"}, {"5百", 500, "5百"}, {"12.5%", 12.5, "12.5"},
		{"12,345件", 12345, "12,345"}, {"2023年", 2023, "2023"}, {"12二", 12, "12"},
		{"1二三", 1, "1"},
	};
	size_t i;

	for (i = 0; i < sizeof after / sizeof *after; i++)
		ck_num(after[i].s, after[i].v, after[i].text);
}
END_TEST

/* The decimal read at the start of s, as JSON. */
static const char *
json_of(const char *s)
{
	static struct ir_buf b;
	struct ir_decimal v;

	b.len = 0;
	if (ir_numeral_parse(s, strlen(s), 0, &v) == 0)
		return "";
	ir_decimal_json(&b, v);
	ir_buf_addc(&b, '\0');
	return b.p;
}

START_TEST(exact_past_doubles)
{
	struct ir_decimal v;

	ck_assert_str_eq(json_of("9007199254740993件"), "9007199254740993");
	ck_assert_str_eq(json_of("9007兆1992億5474万993"), "9007199254740993");
	ck_assert_str_eq(json_of("9223372036854775807"), "9223372036854775807");
	ck_assert_str_eq(json_of("2.2万"), "22000");
	ck_assert_str_eq(json_of("1.50"), "1.5");
	ck_assert_str_eq(json_of("0.05"), "0.05");
	ck_assert_str_eq(json_of("1,234.5"), "1234.5");
	ck_assert_str_eq(json_of("0.0"), "0");
	/* Too large: read to the end, flagged, written as null. */
	ck_assert_str_eq(json_of("9223372036854775808"), "null");
	ck_assert_uint_eq(ir_numeral_parse("12345678901234567890件", strlen("12345678901234567890件"), 0, &v),
			  20);
	ck_assert(v.too_big);
	ck_assert(ir_decimal_double(v) == HUGE_VAL);
	ck_assert_uint_eq(ir_numeral_parse("9999999兆", strlen("9999999兆"), 0, &v), strlen("9999999兆"));
	ck_assert(v.too_big);
	ck_assert_str_eq(json_of("1234567890123456789012345678901234567890123456789"), "null");
	ck_assert_str_eq(json_of("一二三四五六七八九〇一二三四五六七八九〇"), "null");
}
END_TEST

START_TEST(comparing_decimals)
{
	struct ir_decimal a = {9007199254740993ULL, 0, 0}, b = {9007199254740992ULL, 0, 0};
	struct ir_decimal half = {5, -1, 0}, one = {1, 0, 0}, big = {0, 0, 1};

	/* Equal as doubles, not as numbers. */
	ck_assert(ir_decimal_double(a) == ir_decimal_double(b));
	ck_assert_int_eq(ir_decimal_cmp(a, b), 1);
	ck_assert_int_eq(ir_decimal_cmp(b, a), -1);
	ck_assert_int_eq(ir_decimal_cmp(a, a), 0);
	ck_assert_int_eq(ir_decimal_cmp(half, one), -1);
	ck_assert_int_eq(ir_decimal_cmp((struct ir_decimal){10, -1, 0}, one), 0);
	ck_assert_int_eq(ir_decimal_cmp(big, a), 1);
	ck_assert_int_eq(ir_decimal_cmp(a, big), -1);
	ck_assert_int_eq(ir_decimal_cmp((struct ir_decimal){1, -30, 0}, (struct ir_decimal){0, 0, 0}), 1);
}
END_TEST

START_TEST(not_numbers)
{
	ck_no_num("");
	ck_no_num("万");
	ck_no_num("万一");
	ck_no_num("億");
	ck_no_num("数");
	ck_no_num(",123");
	ck_no_num(".5");
	ck_no_num(" 12");
	ck_no_num("件");
	ck_no_num("部");
	ck_no_num("abc");
}
END_TEST

START_TEST(numbers_within_bounds)
{
	static const char s[] = "1億8990万";
	struct ir_decimal v;
	size_t k;

	for (k = 1; k < sizeof s - 1; k++) {
		char *p = malloc(k);

		memcpy(p, s, k);
		ir_numeral_parse(p, k, 0, &v); /* reads nothing past k (ASan) */
		free(p);
	}
	ck_assert_uint_eq(ir_numeral_parse(s, sizeof s - 1, 0, &v), sizeof s - 1);
	ck_assert_uint_eq(ir_numeral_parse("13,", 2, 0, &v), 2);
	ck_assert(v.m == 13 && v.e == 0);
	ck_assert_uint_eq(ir_numeral_parse("2, 533", 5, 0, &v), 1);
	ck_assert_uint_eq(ir_numeral_parse("2.5", 2, 0, &v), 1);
}
END_TEST
START_TEST(kanji_only)
{
	struct ir_decimal v;

	ck_assert_uint_eq(ir_numeral_parse("三十一日", strlen("三十一日"), IR_NUMERAL_KANJI, &v),
			  strlen("三十一"));
	ck_assert(v.m == 31 && v.e == 0);
	ck_assert_uint_eq(ir_numeral_parse("一〇月", strlen("一〇月"), IR_NUMERAL_KANJI, &v),
			  strlen("一〇"));
	ck_assert(v.m == 10);
	ck_assert_uint_eq(ir_numeral_parse("12月", strlen("12月"), IR_NUMERAL_KANJI, &v), 0);
	/* ASCII digits after a kanji multiplier are not read either. */
	ck_assert_uint_eq(ir_numeral_parse("十2日", strlen("十2日"), IR_NUMERAL_KANJI, &v),
			  strlen("十"));
	ck_assert(v.m == 10);
	ck_assert_uint_eq(ir_numeral_parse("十2日", strlen("十2日"), 0, &v), strlen("十2"));
	ck_assert(v.m == 12);
}
END_TEST

/* Checks that s starts with a small number v, spelt as text. */
#define ck_small(read, s, v, text) \
	do { \
		int v_ = -7; \
		size_t len_ = (read); \
		ck_assert_buf_eq(s, len_, text); \
		ck_assert_int_eq(v_, len_ ? (v) : -7); \
	} while (0)

START_TEST(small_numbers)
{
	ck_small(ir_numeral_digits("12月", strlen("12月"), 2, &v_), "12月", 12, "12");
	ck_small(ir_numeral_digits("0012.", 5, 4, &v_), "0012.", 12, "0012");
	ck_small(ir_numeral_digits("2026年", strlen("2026年"), 2, &v_), "2026年", 0, "");
	ck_small(ir_numeral_digits("x1", 2, 4, &v_), "x1", 0, "");
	ck_small(ir_numeral_digits("31", 1, 2, &v_), "31", 3, "3"); /* nothing past n */
	ck_small(ir_numeral_kanji("十二、", strlen("十二、"), 20, &v_), "十二、", 12, "十二");
	ck_small(ir_numeral_kanji("三十一日", strlen("三十一日"), 99, &v_), "三十一日", 31, "三十一");
	ck_small(ir_numeral_kanji("二十一、", strlen("二十一、"), 20, &v_), "二十一、", 0, "");
	ck_small(ir_numeral_kanji("〇、", strlen("〇、"), 20, &v_), "〇、", 0, "");
	ck_small(ir_numeral_kanji("3.", 2, 20, &v_), "3.", 0, "");
	ck_small(ir_roman_numeral("IV. 対策", strlen("IV. 対策"), &v_), "IV. 対策", 4, "IV");
	ck_small(ir_roman_numeral("X 窓口", strlen("X 窓口"), &v_), "X 窓口", 10, "X");
	ck_small(ir_roman_numeral("VIII", 3, &v_), "VIII", 7, "VII");
	ck_small(ir_roman_numeral("IIII.", 5, &v_), "IIII.", 0, "");
	ck_small(ir_roman_numeral("VX.", 3, &v_), "VX.", 0, "");
}
END_TEST

START_TEST(list_numbers)
{
	ck_assert_int_eq(ir_circled_numeral(0x2460), 1);  /* ① */
	ck_assert_int_eq(ir_circled_numeral(0x2473), 20); /* ⑳ */
	ck_assert_int_eq(ir_circled_numeral(0x2777), 2);  /* ❷ */
	ck_assert_int_eq(ir_circled_numeral(0x2789), 10); /* ➉ */
	ck_assert_int_eq(ir_circled_numeral(0x278A), 1);  /* ➊ */
	ck_assert_int_eq(ir_circled_numeral(0x3251), 21); /* ㉑ */
	ck_assert_int_eq(ir_circled_numeral(0x325F), 35); /* ㉟ */
	ck_assert_int_eq(ir_circled_numeral(0x24B6), 0);  /* Ⓐ is no number */
	ck_assert_int_eq(ir_circled_numeral('1'), 0);
	ck_assert_int_eq(ir_kana_numeral(0x30A2), 1);  /* ア */
	ck_assert_int_eq(ir_kana_numeral(0x30AB), 6);  /* カ */
	ck_assert_int_eq(ir_kana_numeral(0x30C8), 20); /* ト */
	ck_assert_int_eq(ir_kana_numeral(0x30A1), 0);  /* ァ */
	ck_assert_int_eq(ir_kana_numeral(0x3042), 0);  /* あ */
	ck_assert(ir_kanji_one_to_ten(0x4E00));  /* 一 */
	ck_assert(ir_kanji_one_to_ten(0x5341));  /* 十 */
	ck_assert(!ir_kanji_one_to_ten(0x3007)); /* 〇 */
	ck_assert(!ir_kanji_one_to_ten(0x767E)); /* 百 */
	ck_assert(!ir_kanji_one_to_ten('1'));
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("numeral");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, digits_of_each_script);
	tcase_add_test(tc, what_a_number_begins_with);
	tcase_add_test(tc, ascii_numbers);
	tcase_add_test(tc, multipliers);
	tcase_add_test(tc, kanji_numbers);
	tcase_add_test(tc, exact_integers);
	tcase_add_test(tc, plain_digits_and_what_follows);
	tcase_add_test(tc, exact_past_doubles);
	tcase_add_test(tc, comparing_decimals);
	tcase_add_test(tc, not_numbers);
	tcase_add_test(tc, numbers_within_bounds);
	tcase_add_test(tc, kanji_only);
	tcase_add_test(tc, small_numbers);
	tcase_add_test(tc, list_numbers);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
