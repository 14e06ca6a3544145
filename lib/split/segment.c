#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/utf8.h"
#include "split/segment.h"

const char *const ir_kind_name[] = {"preamble", "incident", "noise"};

void
ir_split_init(struct ir_split *s, ir_split_emit emit, void *ctx)
{
	memset(s, 0, sizeof *s);
	s->emit = emit;
	s->ctx = ctx;
	ir_noise_prepare();
}

void
ir_split_begin(struct ir_split *s, const char *source)
{
	s->source = source;
	s->nlines = 0;
	s->text.len = 0;
}

static void
emit_part(struct ir_split *s, enum ir_kind kind, size_t from, size_t to)
{
	struct ir_segment seg = {0};
	const char *line = s->text.p + s->off[from];
	size_t len = s->off[from + 1] - s->off[from];

	seg.kind = kind;
	seg.source = s->source;
	seg.line = s->line + (long)from;
	seg.offset = s->offset + s->off[from];
	seg.text = line;
	seg.len = s->off[to] - s->off[from];
	if (kind == IR_INCIDENT) {
		seg.id = s->hdr.id;
		seg.title = line + s->hdr.title_off;
		seg.title_len = s->hdr.title_len;
	} else if (kind == IR_NOISE) {
		size_t lead = ir_utf8_span_space(line, len);

		seg.title = line + lead;
		seg.title_len = len - lead - ir_utf8_rspan_space(line + lead, len - lead);
	}
	s->emit(&seg, s->ctx);
}

/* A segment too long to keep: said by a segment without its text. */
static void
emit_dropped(struct ir_split *s)
{
	struct ir_segment seg = {0};

	seg.kind = s->kind;
	seg.source = s->source;
	seg.line = s->line;
	seg.offset = s->offset;
	seg.len = s->dropped;
	s->emit(&seg, s->ctx);
	s->dropped = 0;
}

static void
flush(struct ir_split *s)
{
	long cut;

	if (s->dropped > 0) {
		emit_dropped(s);
		return;
	}
	if (s->nlines == 0)
		return;
	s->off[s->nlines] = s->text.len;
	if (s->kind == IR_INCIDENT)
		cut = ir_noise_find(&s->noise, s->text.p, s->off, s->nlines, 1, 0);
	else
		cut = ir_noise_find(&s->noise, s->text.p, s->off, s->nlines, 0, -1);
	if (cut < 0) {
		emit_part(s, s->kind, 0, s->nlines);
	} else {
		if (cut > 0)
			emit_part(s, s->kind, 0, (size_t)cut);
		emit_part(s, IR_NOISE, (size_t)cut, s->nlines);
	}
	s->nlines = 0;
	s->text.len = 0;
}

/* Past the limit the segment is only measured, so memory stays bounded. */
static void
drop_line(struct ir_split *s, size_t len)
{
	if (s->dropped == 0)
		s->dropped = s->text.len;
	s->dropped += len;
	s->nlines = 0;
	s->text.len = 0;
}

static void
keep_line(struct ir_split *s, const char *line, size_t len)
{
	if (s->nlines + 2 > s->cap) {
		s->cap = s->cap ? s->cap * 2 : 1024;
		s->off = ir_xrealloc(s->off, s->cap * sizeof *s->off);
	}
	s->off[s->nlines++] = s->text.len;
	ir_buf_add(&s->text, line, len);
}

void
ir_split_line(struct ir_split *s, const char *line, size_t len, long lineno,
	      unsigned long long offset)
{
	struct ir_header h;
	int is_header = line != NULL && ir_header_parse(line, len, &h);

	if (is_header || (s->nlines == 0 && s->dropped == 0)) {
		flush(s);
		s->kind = is_header ? IR_INCIDENT : IR_PREAMBLE;
		s->line = lineno;
		s->offset = offset;
		if (is_header)
			s->hdr = h;
		if (is_header && !h.serial)
			ir_warn(s->source, lineno, "header without a serial number; id is %s", h.id);
	}
	if (s->dropped == 0 && line != NULL && (s->max == 0 || s->text.len + len <= s->max))
		keep_line(s, line, len);
	else
		drop_line(s, len);
}

void
ir_split_end(struct ir_split *s)
{
	flush(s);
}

void
ir_split_free(struct ir_split *s)
{
	ir_noise_free(&s->noise);
	ir_buf_free(&s->text);
	free(s->off);
}
