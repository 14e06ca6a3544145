/* stats/state.h - the state file: a state written as NDJSON and read back.
 *
 * --partial writes a state (stats/groups.h) instead of rows, and --merge
 * reads such states back and merges them: a header line naming the
 * options and the number of records, then one line per group in the
 * order of their keys.  The text of the state of a set of records is the
 * same whichever way the state was made.  ir-stats(1), PARTIAL STATE,
 * describes the format.
 */
#ifndef IR_STATS_STATE_H
#define IR_STATS_STATE_H

#include "base/buf.h"
#include "base/out.h"
#include "json/scan.h"
#include "stats/groups.h"

/*
 * Writes the state to b: a header line, then one line per group.  With
 * out set (b then being ir_out_buf(out)), each line is handed to
 * ir_out_end_record.
 */
void ir_stats_write_state(struct ir_stats *st, struct ir_buf *b, struct ir_out *out);

/* The version of the format, the header's "ir_stats". */
#define IR_STATE_VERSION 2

/* What is wrong with a state, and where: the line read, or the header of its state. */
struct ir_state_fault {
	const char *why;
	const char *source;
	long line;
};

enum { IR_STATE_OK = 0, IR_STATE_BAD = -1, IR_STATE_OTHER = -2 };
/*
 * Reads one line (line line of input source) of a state into st.
 * IR_STATE_BAD: not a line of a state, or one that does not add up
 * (stats/check.h), said in *f; IR_STATE_OTHER: the header of a state
 * made with other options, which msg describes.
 */
int ir_stats_read_state(struct ir_stats *st, const struct ir_jobj *o, const char *source,
			long line, struct ir_state_fault *f, struct ir_buf *msg);
/* After the last line: IR_STATE_BAD with *f when the last state does not add up. */
int ir_stats_end_states(struct ir_stats *st, struct ir_state_fault *f);

#endif
