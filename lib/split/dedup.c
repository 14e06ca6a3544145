#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/bytescan.h"
#include "base/err.h"
#include "base/utf8.h"
#include "split/dedup.h"
#include "split/header.h"

/*
 * White space, for telling copies apart, is what scraped pages vary in:
 * the spaces of ir_utf8_is_space, white space and the invisible format
 * characters.  Returns the mask of the positions where one may start
 * among the 16 bytes at p (space_len tells): the ASCII blanks, U+3000
 * and the lead bytes above 0xC1 other than those of kana and kanji.
 * 18 bytes must be readable.
 */
static ir_v16
space_starts(const unsigned char *p)
{
	ir_v16 b = ir_v16_load(p);
	ir_v16s s = (ir_v16s)b, bb = ir_v16_bias(b); /* bytes >= 0x80 are negative in s */
	ir_v16 m;

	m = (ir_v16)(s == (ir_v16s){0} + ' ') |
	    ((ir_v16)(s > (ir_v16s){0} + 8) & (ir_v16)(s < (ir_v16s){0} + 14));
	m |= IR_V16_UGT(bb, 0xC1) & ~(IR_V16_UGT(bb, 0xE2) & IR_V16_ULT(bb, 0xEA));
	m |= IR_V16_EQ(b, ir_v16_splat(0xE3)) & IR_V16_EQ(ir_v16_load(p + 1), ir_v16_splat(0x80)) &
	     IR_V16_EQ(ir_v16_load(p + 2), ir_v16_splat(0x80));
	return m;
}

/* Length in bytes of the space at p, or 0. */
static size_t
space_len(const unsigned char *p, size_t n)
{
	uint32_t cp;
	int k = ir_utf8_next(p, n, &cp);

	return k > 0 && ir_utf8_is_space(cp) ? (size_t)k : 0;
}

/* Copies text without white space into out, after skip bytes left for the caller. */
static void
strip_space(struct ir_buf *out, const char *s, size_t n, size_t skip)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run = 0;

	out->len = 0;
	ir_buf_reserve(out, skip + n);
	out->len = skip;
	for (; i + 18 <= n; i += 16) {
		struct ir_v16_lanes l;
		int lane;

		if (!ir_v16_lanes(space_starts(p + i), &l))
			continue;
		while ((lane = ir_v16_next_lane(&l)) >= 0) {
			size_t at = i + (size_t)lane;

			memcpy(out->p + out->len, s + run, at - run);
			out->len += at - run;
			run = at + space_len(p + at, n - at);
		}
	}
	for (; i < n; i++) {
		size_t k;

		if (i < run || (k = space_len(p + i, n - i)) == 0)
			continue;
		memcpy(out->p + out->len, s + run, i - run);
		out->len += i - run;
		run = i + k;
	}
	memcpy(out->p + out->len, s + run, n - run);
	out->len += n - run;
}

/* This post's id, a NUL and its text without white space, into out. */
static void
material(struct ir_buf *out, const char *id, const char *text, size_t len)
{
	size_t idlen = strlen(id);

	strip_space(out, text, len, idlen + 1);
	memcpy(out->p, id, idlen + 1);
}

static uint64_t
key_of(struct ir_dedup *d, const struct ir_buf *m)
{
	uint64_t key;

	if (!d->keyed) {
		ir_siphash_key_random(&d->key);
		d->keyed = 1;
	}
	key = ir_siphash(&d->key, m->p, m->len);
	return key + (key == 0);
}

uint64_t
ir_dedup_hash(struct ir_dedup *d, const char *text, size_t len)
{
	material(&d->scratch, "", text, len);
	return key_of(d, &d->scratch);
}

static void
grow(struct ir_dedup *d)
{
	struct ir_dedup_slot *old = d->t;
	size_t oldcap = d->cap, i;

	d->cap = d->cap ? d->cap * 2 : 1024;
	d->t = calloc(d->cap, sizeof *d->t);
	if (d->t == NULL)
		ir_oom();
	for (i = 0; i < oldcap; i++) {
		size_t h;

		if (old[i].key == 0)
			continue;
		for (h = (size_t)old[i].key & (d->cap - 1); d->t[h].key != 0; h = (h + 1) & (d->cap - 1))
			;
		d->t[h] = old[i];
	}
	free(old);
}

/*
 * A descriptor to read the posts of name again, if it is a regular file,
 * or -1.  Opened without blocking, so that a FIFO's name does not wait for
 * a writer; never read unless regular.
 */
static int
reopen(const char *name)
{
	struct stat st;
	int fd = strcmp(name, "-") == 0 ? fcntl(STDIN_FILENO, F_DUPFD_CLOEXEC, 0) :
					   open(name, O_RDONLY | O_NONBLOCK | O_CLOEXEC);

	if (fd >= 0 && (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))) {
		close(fd);
		fd = -1;
	}
	return fd;
}

/* Index of source in the list of sources, added if new. */
static uint64_t
source_index(struct ir_dedup *d, const char *source)
{
	if (d->nsources == 0 || d->sources[d->nsources - 1].name != source) {
		struct ir_dedup_source *s;

		d->sources = ir_xrealloc(d->sources, (d->nsources + 1) * sizeof *d->sources);
		s = &d->sources[d->nsources++];
		s->name = source;
		s->fd = reopen(source);
		s->failed = 0;
	}
	return d->nsources - 1;
}

/* The post of slot, as read again, into d->earlier as material(); 0 if it cannot be. */
static int
read_again(struct ir_dedup *d, const struct ir_dedup_source *src, const struct ir_dedup_slot *slot)
{
	const char *text, *eol;
	size_t got = 0;
	struct ir_header h;
	ssize_t k;

	d->raw.len = 0;
	ir_buf_reserve(&d->raw, slot->len);
	while (got < slot->len &&
	       (k = pread(src->fd, d->raw.p + got, slot->len - got, (off_t)(slot->off + got))) != 0) {
		if (k < 0 && errno != EINTR)
			return 0;
		got += k > 0 ? (size_t)k : 0;
	}
	text = d->raw.p;
	/*
	 * The post was written with its ill-formed sequences replaced, which
	 * only lengthens it, so its raw bytes are a prefix of these; a line
	 * end ends every sequence, so repairing these repairs them alike.
	 */
	if (ir_utf8_check(text, got) < got) {
		d->earlier.len = 0;
		ir_utf8_repair(text, got, &d->earlier);
		d->raw.len = 0;
		ir_buf_add(&d->raw, d->earlier.p, d->earlier.len);
		text = d->raw.p;
		got = d->raw.len;
	}
	if (got < slot->len)
		return 0;
	eol = memchr(text, '\n', slot->len);
	if (!ir_header_parse(text, eol ? (size_t)(eol - text) + 1 : slot->len, &h))
		return 0;
	material(&d->earlier, h.id, text, slot->len);
	return 1;
}

/* Is the post of slot the one whose material is in d->scratch? */
static int
same_post(struct ir_dedup *d, const struct ir_dedup_slot *slot)
{
	struct ir_dedup_source *src = &d->sources[slot->where >> 44];
	const char *m;

	if (src->fd < 0) {
		m = d->store.p + slot->off;
		return slot->len == d->scratch.len && memcmp(m, d->scratch.p, slot->len) == 0;
	}
	if (read_again(d, src, slot) && d->earlier.len == d->scratch.len &&
	    memcmp(d->earlier.p, d->scratch.p, d->scratch.len) == 0)
		return 1;
	/* Equal keys and other texts: the file changed since it was read. */
	if (!src->failed)
		ir_warn(src->name, 0, "changed since it was read: a copy of its post at line %llu "
				      "is not marked",
			(unsigned long long)(slot->where & ((1ULL << 44) - 1)));
	src->failed = 1;
	d->status = IR_EXIT_FAIL;
	return 0;
}

int
ir_dedup_check(struct ir_dedup *d, const char *id, const char *text, size_t len,
	       const char *source, long line, unsigned long long offset,
	       struct ir_dedup_hit *first)
{
	struct ir_dedup_slot *slot;
	uint64_t key, at = source_index(d, source);
	size_t h;

	material(&d->scratch, id, text, len);
	key = key_of(d, &d->scratch);
	if (4 * (d->count + 1) > 3 * d->cap)
		grow(d);
	for (h = (size_t)key & (d->cap - 1); d->t[h].key != 0; h = (h + 1) & (d->cap - 1)) {
		if (d->t[h].key == key && same_post(d, &d->t[h])) {
			first->source = d->sources[d->t[h].where >> 44].name;
			first->line = (long)(d->t[h].where & ((1ULL << 44) - 1));
			return 1;
		}
	}
	slot = &d->t[h];
	slot->key = key;
	slot->where = at << 44 | ((uint64_t)line & ((1ULL << 44) - 1));
	if (d->sources[at].fd >= 0) {
		slot->off = offset;
		slot->len = len;
	} else {
		slot->off = d->store.len;
		slot->len = d->scratch.len;
		ir_buf_add(&d->store, d->scratch.p, d->scratch.len);
	}
	d->count++;
	return 0;
}

int
ir_dedup_status(const struct ir_dedup *d)
{
	return d->status;
}

void
ir_dedup_free(struct ir_dedup *d)
{
	size_t i;

	for (i = 0; i < d->nsources; i++)
		if (d->sources[i].fd >= 0)
			close(d->sources[i].fd);
	free(d->t);
	free(d->sources);
	ir_buf_free(&d->store);
	ir_buf_free(&d->scratch);
	ir_buf_free(&d->earlier);
	ir_buf_free(&d->raw);
	memset(d, 0, sizeof *d);
}
