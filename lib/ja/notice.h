/* ja/notice.h - the parts of a notice: its title, and its sections.
 *
 * Notices put each fact in a predictable place: what happened in the
 * overview (概要, 事案の概要, 事象), how it unfolded in the timeline (経緯,
 * 時系列, これまでの経過), why in the cause (原因), what leaked in the data
 * part (漏えいした情報, 対象となる情報, 流出した可能性のある項目), what was
 * done in the response (対応, 対応状況), what will be done in prevention
 * (再発防止策, 今後の対応) and whom to ask in the contact (お問い合わせ).
 * Headings come in many layouts: 【…】, ■ ● ◆ □ ○ ◇ marks, 1. (1) ① 第1
 * ア numbering (ja/listmark), a short line standing alone, a label before
 * a colon; a heading's words say which part it opens (ja/heading).  This
 * module puts the headings together: the headings of the style most
 * part-naming headings share cut the notice (in their order, when
 * numbered); one of them that names no part opens the overview when it
 * comes first and "other" after; a heading of another style cuts only
 * where its words name a part, so the items of a list stay in their part.
 * Where a notice has no headings, the parts are found from the order
 * notices follow (what happened comes first) and from the topic that opens
 * a paragraph (原因は…, 今後は…).  What follows a line 以上 is "other".
 *
 * ir_notice_read works on normalised text (ja/norm.h) whose first line is
 * the post's header; offsets are in that text.  It reads the text once,
 * in time linear in its length.
 *
 * Ownership: struct ir_notice owns its array of sections.
 */
#ifndef IR_JA_NOTICE_H
#define IR_JA_NOTICE_H

#include <stddef.h>

enum ir_part {
	IR_PART_OVERVIEW,
	IR_PART_TIMELINE,
	IR_PART_CAUSE,
	IR_PART_DATA,
	IR_PART_RESPONSE,
	IR_PART_PREVENTION,
	IR_PART_CONTACT,
	IR_PART_OTHER,
	IR_NPARTS
};

/* "overview", "timeline", "cause", "data", "response", "prevention",
 * "contact", "other": the names ir-extract writes and rules use. */
extern const char *const ir_part_name[IR_NPARTS];

/* An ir_part by name (n bytes), or -1. */
int ir_part_parse(const char *name, size_t n);

struct ir_section {
	enum ir_part part;
	size_t off, len;           /* the section, its heading included */
	size_t head_off, head_len; /* the heading as written; head_len 0: none */
};

struct ir_notice {
	size_t title_off, title_len; /* the header line after 】, trimmed */
	size_t body_off;             /* where the line after the header starts */
	struct ir_section *s;        /* in text order, not overlapping, covering the body */
	size_t n, cap;
};

#define IR_NOTICE_INIT {0, 0, 0, NULL, 0, 0}

void ir_notice_read(struct ir_notice *nt, const char *text, size_t len);

/* Builds the words of headings: at start-up, before threads (lib/README.md). */
void ir_notice_prepare(void);

/*
 * The section holding offset off, or NULL (the header line).  hint, when
 * not NULL, holds the index of the last answer: callers that ask in text
 * order get each answer in constant time.
 */
const struct ir_section *ir_notice_at(const struct ir_notice *nt, size_t off, size_t *hint);

void ir_notice_free(struct ir_notice *nt);

#endif
