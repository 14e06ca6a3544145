/* stats/incident.h - notices combined into incidents: --incidents.
 *
 * The blog posts the notices of one incident under one id: the
 * organisation's own notice, its follow-ups (第2報), a corrected re-post,
 * and the regulator's notice about the case.  Counting notices counts an
 * incident, and the people it affected, several times.  With --incidents
 * each incident is counted once, as one record made from its notices:
 *
 *	org, org_type  of the organisation's own notices; with none, org is
 *	               the regulator's subject_org (null when unknown)
 *	category       of the latest own notice; with none, the regulator's
 *	               best label that is not "regulatory" (categories)
 *	affected       (and affected_approx) of the latest report that has a
 *	               figure: never a sum over the notices
 *	published,     the earliest of the notices
 *	discovered
 *	disclosure_days  of the first own notice
 *	notices        how many notices it has
 *	anything else  of the latest own notice, else the latest regulator's
 *
 * "Latest" is the highest report_no (none counts as 1, a first report),
 * then the latest published; ties go by the notices' text, so that the
 * choice never depends on the order the notices come in.  A regulator's
 * notice is one whose category is "regulatory" or that names a
 * subject_org.
 *
 * Which notices are one incident (the link): those with the same id of
 * the form YYYY-NNN and the same organisation, the regulator's notices
 * standing for their subject_org.  Different organisations' own notices
 * under one id are kept apart: the data does not say they are one (the
 * blog numbers some posts twice).  A regulator's notice whose subject
 * matches no own notice joins the id's own notices when they are of one
 * organisation, and stands alone otherwise.  An id without a serial
 * (2022) or no id links nothing: such a notice is an incident alone.
 * Links across ids (既報, 第1報 referred to) could be added as another
 * step of resolve, on the parts below, without guessing here.
 *
 * The notices of a linked id wait as a part (struct ir_inc_part, a few
 * projected fields each) until all are read: memory grows with the
 * incidents, not the records.  Parts merge like groups, exactly and in
 * any order, so that --partial and --merge give what one run gives.
 *
 * Ownership: the parts are their table's; ir_inc_parts_free frees them.
 */
#ifndef IR_STATS_INCIDENT_H
#define IR_STATS_INCIDENT_H

#include <stddef.h>

#include "base/buf.h"
#include "base/out.h"
#include "base/strmap.h"
#include "json/scan.h"
#include "json/write.h"
#include "stats/conf.h"

/* One notice chosen among several, by rank. */
struct ir_pick {
	int set;
	long long report_no;   /* 1 when the notice has none */
	char *published;       /* canonical JSON, "" when none */
	char *text;            /* what is kept of the notice (canonical JSON) */
};

struct ir_inc_part {
	unsigned long long notices;
	long src, line;                /* the first notice read, for --list's order */
	struct ir_pick own, first, reg, figure;
	char *published, *discovered;  /* the earliest, canonical; NULL when none */
};

struct ir_inc_parts {
	const struct ir_stats_conf *c;
	struct ir_strmap map;          /* "id\norg" -> struct ir_inc_part */
	char **keep;                   /* the fields kept of a notice, sorted */
	size_t nkeep;
	struct ir_buf tmp, key;
};

void ir_inc_parts_init(struct ir_inc_parts *p, const struct ir_stats_conf *c);
void ir_inc_parts_free(struct ir_inc_parts *p);

/*
 * Takes the notice o.  Returns 1 when it waits for the other notices of
 * its id; 0 when it links nothing, and *alone is the text of its
 * incident (to be freed).
 */
int ir_inc_parts_add(struct ir_inc_parts *p, const struct ir_jobj *o, long src, long line,
		 char **alone);
/* Moves the parts of src into dst. */
void ir_inc_parts_merge(struct ir_inc_parts *dst, struct ir_inc_parts *src);

/*
 * Resolves the parts into incidents, in the order of their keys: fn gets
 * each incident's text (a JSON object) and the place of its first notice.
 * The parts are emptied.
 */
void ir_inc_parts_resolve(struct ir_inc_parts *p,
		      void (*fn)(const char *text, size_t n, long src, long line, void *arg),
		      void *arg);

/* For the state file (stats/parts.c) ------------------------------------------ */

void ir_inc_part_free(struct ir_inc_part *t);
/* Puts t under key into p: as a new part, or merged into its own and freed. */
void ir_inc_parts_put(struct ir_inc_parts *p, const char *key, size_t n, struct ir_inc_part *t);
/* The entries of the parts in the order of their keys; the caller frees the array. */
struct ir_strmap_ent **ir_inc_parts_sorted(const struct ir_inc_parts *p, size_t *n);
/* The length of the id in a part's key. */
size_t ir_inc_part_id_len(const struct ir_strmap_ent *e);
/* Does the id (n bytes) link notices: YYYY-NNN? */
int ir_incident_links(const char *id, size_t n);
/* The canonical JSON of member key of o, new; NULL when absent (or null, with no_null). */
char *ir_member_canonical(const struct ir_jobj *o, const char *key, int no_null);

/*
 * Writes each part as a state line, in the order of their keys (see
 * ir-stats(1), PARTIAL STATE); with out set, each line is handed to
 * ir_out_end_record.
 */
void ir_inc_parts_write(struct ir_inc_parts *p, struct ir_buf *b, struct ir_out *out);
/* Reads a state line of a part; -1 with *why when it is not one. */
int ir_inc_parts_read(struct ir_inc_parts *p, const struct ir_jobj *o, const char **why);

#endif
