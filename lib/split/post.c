#include <stdio.h>
#include <string.h>

#include "json/write.h"
#include "split/post.h"

void
ir_post_pack(struct ir_buf *b, const struct ir_segment *seg)
{
	struct ir_post h = {0};

	h.kind = seg->kind;
	h.source = seg->source;
	h.line = seg->line;
	h.offset = seg->offset;
	h.len = seg->len;
	h.has_title = seg->title != NULL;
	if (h.has_title) {
		h.title_off = (size_t)(seg->title - seg->text);
		h.title_len = seg->title_len;
	}
	if (seg->id != NULL)
		snprintf(h.id, sizeof h.id, "%s", seg->id);
	ir_buf_add(b, &h, sizeof h);
	ir_buf_add(b, seg->text, seg->len);
}

void
ir_post_unpack(const char *data, size_t *pos, struct ir_post *p, const char **text)
{
	/* Copied out: the batch's bytes have no alignment to speak of. */
	memcpy(p, data + *pos, sizeof *p);
	*text = data + *pos + sizeof *p;
	*pos += sizeof *p + p->len;
}

void
ir_post_json(struct ir_buf *b, const struct ir_post *p, const char *text,
	     const struct ir_dedup_hit *first)
{
	struct ir_jw w;

	ir_jw_start(&w, b);
	ir_jw_object(&w);
	ir_jw_key(&w, "kind");
	ir_jw_cstr(&w, ir_kind_name[p->kind]);
	if (p->kind == IR_INCIDENT) {
		ir_jw_key(&w, "id");
		ir_jw_cstr(&w, p->id);
	}
	ir_jw_key(&w, "source");
	ir_jw_cstr(&w, p->source);
	ir_jw_key(&w, "line");
	ir_jw_long(&w, p->line);
	ir_jw_key(&w, "offset");
	ir_jw_ulong(&w, p->offset);
	if (p->has_title) {
		ir_jw_key(&w, "title");
		ir_jw_str(&w, text + p->title_off, p->title_len);
	}
	if (first != NULL) {
		ir_jw_key(&w, "duplicate_of");
		ir_jw_object(&w);
		ir_jw_key(&w, "source");
		ir_jw_cstr(&w, first->source);
		ir_jw_key(&w, "line");
		ir_jw_long(&w, first->line);
		ir_jw_end(&w);
	}
	ir_jw_key(&w, "text");
	ir_jw_str(&w, text, p->len);
	ir_jw_end(&w);
	ir_buf_addc(b, '\n');
}
