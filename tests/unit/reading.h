/* reading.h - a notice as extract's finders read it, for their unit tests.
 *
 * Text that does not open with a header line gets a fictional one, so
 * that all of it is the body of a notice.
 */
#ifndef IR_READING_H
#define IR_READING_H

#include "base/buf.h"
#include "extract/cues.h"
#include "extract/facts.h"
#include "ja/clause.h"
#include "ja/date.h"
#include "ja/norm.h"
#include "ja/notice.h"
#include "unit.h"

struct reading {
	struct ir_buf raw;
	struct ir_norm n;
	struct ir_notice nt;
	struct ir_clauses cl;
	struct ir_cues cues;
	struct ir_read r;
};

static inline void
reading_load(struct reading *rd, const char *text)
{
	rd->raw.len = 0;
	if (strncmp(text, "【セキュリティ事件簿", strlen("【セキュリティ事件簿")) != 0)
		ir_buf_adds(&rd->raw, "【セキュリティ事件簿#2025-001】架空商事株式会社 お知らせ\n");
	ir_buf_adds(&rd->raw, text);
	ir_norm(&rd->n, rd->raw.p, rd->raw.len);
	ir_notice_read(&rd->nt, rd->n.text.p, rd->n.text.len);
	ir_clauses_read(&rd->cl, rd->n.text.p, rd->n.text.len);
	ir_cues_scan(&rd->cues, rd->n.text.p, rd->n.text.len);
	rd->r.t = rd->n.text.p;
	rd->r.len = rd->n.text.len;
	rd->r.nt = &rd->nt;
	rd->r.cl = &rd->cl;
}

/* A date as YYYY-MM-DD, in a buffer kept until the next call. */
static inline const char *
iso(struct ir_date d)
{
	static char s[11];

	ir_date_iso(d, s);
	return s;
}

static inline void
reading_free(struct reading *rd)
{
	ir_buf_free(&rd->raw);
	ir_norm_free(&rd->n);
	ir_notice_free(&rd->nt);
	ir_clauses_free(&rd->cl);
	ir_cues_free(&rd->cues);
}

#endif
