/* ir-split - cut raw dumps of incident notices into one JSON record per post */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/input.h"
#include "base/opt.h"
#include "base/out.h"
#include "base/utf8.h"
#include "run/pool.h"
#include "run/relay.h"
#include "split/dedup.h"
#include "split/post.h"
#include "split/segment.h"

static const char synopsis[] =
	"usage: ir-split [--line-buffered] [--max-record-bytes N] [--no-dedup] [--strict]\n"
	"                [FILE...]\n";

enum { OPT_NO_DEDUP = IR_OPT_TOOL, OPT_STRICT };

/* After this many, encoding problems in one input are only counted. */
enum { MAX_REPORTS = 20 };
/* Lines are checked ahead in stretches of whole lines up to this long. */
enum { CHECK_AHEAD = 1 << 16 };

/* The first thread cuts the input into posts and packs them (split/post.h);
 * the second looks for copies and writes the JSON. */
struct run {
	struct ir_relay relay;
	struct ir_split split;
	struct ir_buf fixed; /* a line with its ill-formed bytes replaced */
	int strict;
	struct ir_common_opts co;
	size_t batch_bytes;  /* of the records handed to the writing thread */
	int dropped;         /* a post longer than --max-record-bytes was left out */
	/* the writing thread's */
	struct ir_out out;
	struct ir_dedup dups;
	int dedup;
};

static _Noreturn void
usage(void)
{
	printf("%s", synopsis);
	printf("Cut raw dumps of incident notices into one JSON record per post.\n\n"
	       "  --no-dedup            do not look for copies of earlier incidents\n"
	       "  --strict              stop reading a file at invalid UTF-8 (exit 1)\n");
	ir_opt_common_help(22, 0, "leave out longer posts");
	printf("\nRecords have kind (incident, noise, preamble), source, line, offset,\n"
	       "text, and for incidents id, title and duplicate_of.  See ir-split(1).\n");
	exit(fflush(stdout) == 0 ? IR_EXIT_OK : IR_EXIT_FAIL);
}

static void
pack_segment(const struct ir_segment *seg, void *ctx)
{
	struct run *r = ctx;
	struct ir_buf *b = ir_relay_batch(&r->relay);

	if (seg->text == NULL) {
		ir_warn(seg->source, seg->line,
			"a post of %zu bytes, longer than --max-record-bytes (%zu); left out",
			seg->len, r->co.max_record_bytes);
		r->dropped = 1;
		return;
	}
	ir_post_pack(b, seg);
	if (b->len >= r->batch_bytes)
		ir_relay_send(&r->relay);
}

static void
write_batch(const char *data, size_t len, void *ctx)
{
	struct run *r = ctx;
	struct ir_dedup_hit first;
	struct ir_post p;
	const char *text;
	size_t pos = 0;
	int dup;

	while (pos < len) {
		ir_post_unpack(data, &pos, &p, &text);
		dup = p.kind == IR_INCIDENT && r->dedup &&
		      ir_dedup_check(&r->dups, p.id, text, p.len, p.source, p.line, p.offset, &first);
		ir_post_json(ir_out_buf(&r->out), &p, text, dup ? &first : NULL);
		ir_out_end_record(&r->out);
	}
}

/*
 * Reports an encoding problem of the line just read; returns 0 when the
 * line is fine, 1 when it had ill-formed UTF-8.
 */
static int
check_line(struct ir_input *in, const char *line, size_t len, int strict, int *reports)
{
	size_t bad = ir_utf8_check(line, len);
	const char *nul = bad == len ? memchr(line, '\0', len) : NULL;

	if (bad == len && nul == NULL)
		return 0;
	if (++*reports <= MAX_REPORTS) {
		if (bad < len)
			ir_warn(in->name, in->lineno, "invalid UTF-8 at byte %llu%s",
				in->offset + bad, strict ? "; rest of the file skipped" : "");
		else
			ir_warn(in->name, in->lineno, "NUL byte at byte %llu; is this a text file?",
				in->offset + (unsigned long long)(nul - line));
		if (*reports == MAX_REPORTS)
			ir_warn(in->name, 0, "further encoding problems in this input are not reported");
	}
	return bad < len;
}

/*
 * Is the line just read inside a stretch known to be valid UTF-8 without
 * NUL?  Checking whole lines ahead in one pass costs less than a check
 * per line; a line not known good is checked alone (check_line), so a
 * problem is still reported at its own line.  *good_to: where the
 * stretch checked so far ends, as a byte offset of the input.
 */
static int
known_good(struct ir_input *in, const char *line, size_t len, unsigned long long *good_to)
{
	size_t n, ok;
	const char *nl, *nul;

	if (in->offset + len <= *good_to)
		return 1;
	n = ir_input_ahead(in, line);
	if (n > CHECK_AHEAD)
		n = CHECK_AHEAD;
	nl = memrchr(line, '\n', n);
	ok = ir_utf8_check(line, nl ? (size_t)(nl + 1 - line) : 0);
	if ((nul = memchr(line, '\0', ok)) != NULL)
		ok = (size_t)(nul - line);
	*good_to = in->offset + ok;
	return len <= ok;
}

static int
split_input(struct ir_input *in, void *ctx)
{
	struct run *r = ctx;
	int reports = 0, status = IR_EXIT_OK;
	unsigned long long good_to = 0;
	const char *line;
	ssize_t len;

	in->max_line = r->co.max_record_bytes;
	in->cr_detect = 1;
	ir_split_begin(&r->split, in->name);
	while ((len = ir_input_getline(in, &line)) > 0) {
		if (line != NULL && !known_good(in, line, (size_t)len, &good_to) &&
		    check_line(in, line, (size_t)len, r->strict, &reports)) {
			if (r->strict) {
				status = IR_EXIT_DATA;
				break;
			}
			r->fixed.len = 0;
			ir_utf8_repair(line, (size_t)len, &r->fixed);
			line = r->fixed.p;
			len = (ssize_t)r->fixed.len;
		}
		ir_split_line(&r->split, line, (size_t)len, in->lineno, in->offset);
	}
	if (len < 0)
		status = ir_input_read_error(in, errno);
	ir_split_end(&r->split);
	if (reports > MAX_REPORTS)
		ir_warn(in->name, 0, "%d lines with encoding problems in all", reports);
	return status;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		IR_LONGOPTS_COMMON,
		{"no-dedup", no_argument, NULL, OPT_NO_DEDUP},
		{"strict", no_argument, NULL, OPT_STRICT},
		{NULL, 0, NULL, 0},
	};
	static struct run r = {.co = IR_COMMON_OPTS_INIT, .dedup = 1};
	int c, status;

	ir_setprogname(argv[0]);
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			usage();
		case OPT_NO_DEDUP:
			r.dedup = 0;
			break;
		case OPT_STRICT:
			r.strict = 1;
			break;
		default:
			if (!ir_opt_common(c, optarg, synopsis, &r.co))
				ir_opt_bad(synopsis, c, argv);
		}
	}
	ir_out_stdout(&r.out, r.co.line_buffered);
	r.batch_bytes = ir_pool_batch_bytes();
	/* Line-buffered output wants each record out at once: no batches. */
	ir_relay_start(&r.relay, write_batch, &r, r.out.line_buffered);
	ir_split_init(&r.split, pack_segment, &r);
	r.split.max = r.co.max_record_bytes;
	status = ir_input_each(argv + optind, argc - optind, split_input, &r);
	ir_split_free(&r.split);
	ir_relay_finish(&r.relay);
	status = ir_worst(status, ir_dedup_status(&r.dups));
	ir_dedup_free(&r.dups);
	ir_buf_free(&r.fixed);
	if (r.dropped)
		status = ir_worst(status, IR_EXIT_DATA);
	return ir_worst(status, ir_out_close(&r.out));
}
