/* ja/count.h - reading the numbers and counts of Japanese notices.
 *
 * Text must be NFKC-normalised (ASCII digits, ASCII punctuation, ASCII
 * space for U+3000, '~' for every range marker) and valid UTF-8.
 *
 * Numbers are read by ja/numeral ("13,434", "2.2万", "1億8990万", 三百五十),
 * exactly up to 2^63 - 1; a larger one is still a count, flagged too_big.
 *
 * A count is "QUALIFIER? NUMBER 余? UNIT QUALIFIER?", ASCII spaces allowed
 * between the parts:
 *   before: 最大, 最大約 (max); 約, およそ, おおよそ, 概ね, おおむね (about);
 *           合計, 総計, 計, のべ, 延べ (no qualifier, but part of the match);
 *           two may follow each other ("合計約").
 *   after:  以上, 超, 超え, 余, 余り (over); 未満, 以下, 以内 (under);
 *           程度, 前後, ほど (about).  "100余名" is over too.
 * 最大 wins over a qualifier after the unit; any other is overridden by it.
 * Units: 件 名 人 社 通 個 台 枚 回 校 点 組 冊 ID, 人分 件分 名分 日分 日間 日,
 * 回線 世帯 店舗 団体 法人 施設 機関 事業者 自治体 口座 箇所 カ所 か所 ヶ所,
 * アカウント ファイル レコード ユーザー アドレス; 名様 is reported as 名.
 *
 * Not counts: a vague 数 before the number (数万件, 数十名, 数百件; "件数
 * 1,159件" is a count), ordinals (第2報, 1件目, 2回目), a number that
 * follows an ASCII letter or digit, '-', '_', '/', '#', '〒', a comma or
 * point after a digit, or "No:"/"No."; a day after 月; money, percentages,
 * ages, years and times (円, %, 歳, 年, 時 are not units).  The unit 日 is
 * read as a length of time only when a qualifier says so ("約10日",
 * "5日以内") or as 日間/日分; "7月13日" and "去る3日" are dates.  A kanji
 * numeral alone as 一 is not a count (一部, 一日も早く, 同一人物), and kanji
 * numerals never count days (四日市).
 */
#ifndef IR_JA_COUNT_H
#define IR_JA_COUNT_H

#include <stddef.h>

#include "ja/numeral.h"

enum ir_qual {
	IR_QUAL_NONE,
	IR_QUAL_ABOUT, /* 約, およそ, 概ね, 程度, 前後 */
	IR_QUAL_MAX,   /* 最大 */
	IR_QUAL_OVER,  /* 以上, 超, 余 */
	IR_QUAL_UNDER  /* 未満, 以下, 以内 */
};

struct ir_count {
	struct ir_decimal v; /* the value, exactly unless v.too_big */
	double n;            /* the value to compare: rounded past 2^53, HUGE_VAL if too big */
	char unit[16];       /* the counter, UTF-8: "件", "名", "人分", "アカウント" */
	enum ir_qual qual;
	size_t off, len;     /* qualifier, number, unit and qualifier in the text */
};

/*
 * Finds every count in s, in order, and calls fn (if not NULL) on each;
 * fn returns nonzero to stop.  Returns how many were found, the one that
 * stopped the scan included.
 */
size_t ir_count_scan(const char *s, size_t n,
		     int (*fn)(const struct ir_count *c, void *ctx), void *ctx);

/* NULL, "about", "max", "over", "under". */
const char *ir_qual_name(enum ir_qual q);

/* Builds the set of kanji numerals: once, at start-up, before any thread. */
void ir_count_prepare(void);

#endif
