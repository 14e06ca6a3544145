/* stats/report.h - what ir-stats says on standard error once all is read.
 *
 * Bad values are reported once per field and kind, at the first place
 * they were seen ("FILE:LINE: affected: not a number"), in input order;
 * a sum that overflowed once per field.  Each makes the exit status
 * IR_EXIT_DATA: the rows are printed, with what could not be known
 * left empty.
 */
#ifndef IR_STATS_REPORT_H
#define IR_STATS_REPORT_H

#include "stats/groups.h"

/*
 * Reports on st; names[0..nnames) are the inputs, in the numbering of
 * ir_stats_add's src.  Returns an exit status.
 */
int ir_stats_report(const struct ir_stats *st, char *const *names, int nnames);

#endif
