#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "json/write.h"
#include "stats/conf.h"

const char *const ir_agg_name[IR_NAGG] = {"sum", "min", "max", "mean", "median", "distinct"};

static int
parse_field(struct ir_field *f, const char *opt, const char *spec, int bucket_ok,
	    struct ir_buf *err)
{
	const char *colon = strchr(spec, ':');
	size_t n = colon ? (size_t)(colon - spec) : strlen(spec);

	memset(f, 0, sizeof *f);
	if (colon != NULL) {
		f->bucket = ir_bucket_parse(colon + 1, strlen(colon + 1));
		if (f->bucket == IR_BUCKET_NONE) {
			ir_buf_addf(err, "%s: unknown date bucket in '%s' (year, fy, quarter, month, week or day)",
				    opt, spec);
			return -1;
		}
		if (!bucket_ok) {
			ir_buf_addf(err, "%s: date buckets are for -g and --distinct, not '%s'", opt, spec);
			return -1;
		}
	}
	if (n == 0 || ir_jpath_parse(&f->path, spec, n) < 0) {
		ir_buf_addf(err, "%s: '%s' is not a field (NAME or NAME.NAME..., and :BUCKET)", opt,
			    spec);
		return -1;
	}
	f->spec = ir_xstrdup(spec);
	f->name = ir_xstrdup(spec);
	f->name[n] = '\0';
	return 0;
}

static void
free_field(struct ir_field *f)
{
	free(f->spec);
	free(f->name);
	ir_jpath_free(&f->path);
}

int
ir_stats_conf_by(struct ir_stats_conf *c, const char *spec, struct ir_buf *err)
{
	struct ir_field f;

	if (parse_field(&f, "-g", spec, 1, err) < 0)
		return -1;
	c->by = ir_xrealloc(c->by, (c->nby + 1) * sizeof *c->by);
	c->by[c->nby++] = f;
	return 0;
}

int
ir_stats_conf_agg(struct ir_stats_conf *c, enum ir_agg a, const char *spec, struct ir_buf *err)
{
	static const unsigned need[IR_NAGG] = {
		IR_NEED_NUM, IR_NEED_NUM, IR_NEED_NUM, IR_NEED_NUM, IR_NEED_NUM | IR_NEED_VALUES,
		IR_NEED_DISTINCT,
	};
	char opt[16];
	struct ir_field f;
	size_t i;

	snprintf(opt, sizeof opt, "--%s", ir_agg_name[a]);
	for (i = 0; i < c->naggs; i++) {
		if (c->aggs[i].agg == a && strcmp(c->fields[c->aggs[i].field].spec, spec) == 0) {
			ir_buf_addf(err, "%s %s given twice", opt, spec);
			return -1;
		}
	}
	for (i = 0; i < c->nfields && strcmp(c->fields[i].spec, spec) != 0; i++)
		;
	if (i == c->nfields) {
		if (parse_field(&f, opt, spec, a == IR_AGG_DISTINCT, err) < 0)
			return -1;
		c->fields = ir_xrealloc(c->fields, (c->nfields + 1) * sizeof *c->fields);
		c->fields[c->nfields++] = f;
	}
	c->fields[i].need |= need[a];
	c->aggs = ir_xrealloc(c->aggs, (c->naggs + 1) * sizeof *c->aggs);
	c->aggs[c->naggs].agg = a;
	c->aggs[c->naggs++].field = i;
	return 0;
}

int
ir_stats_conf_where(struct ir_stats_conf *c, const char *opt, const char *arg, struct ir_buf *err)
{
	struct ir_where w;
	int r;

	if (strcmp(opt, "--where") == 0)
		r = ir_where_parse(&w, opt, arg, err);
	else
		r = ir_where_date(&w, opt, strcmp(opt, "--since") == 0 ? IR_WHERE_GE : IR_WHERE_LE,
				  arg, err);
	if (r < 0)
		return -1;
	c->where = ir_xrealloc(c->where, (c->nwhere + 1) * sizeof *c->where);
	c->where[c->nwhere++] = w;
	return 0;
}

int
ir_stats_conf_list(struct ir_stats_conf *c, const char *arg, struct ir_buf *err)
{
	const char *at = arg;

	for (;;) {
		size_t n = strcspn(at, ",");
		char *spec = ir_xrealloc(NULL, n + 1);
		struct ir_field f;
		int r;

		memcpy(spec, at, n);
		spec[n] = '\0';
		r = parse_field(&f, "--list", spec, 1, err);
		free(spec);
		if (r < 0)
			return -1;
		c->list = ir_xrealloc(c->list, (c->nlist + 1) * sizeof *c->list);
		c->list[c->nlist++] = f;
		if (at[n] == '\0')
			return 0;
		at += n + 1;
	}
}

long
ir_stats_conf_fill_field(const struct ir_stats_conf *c, struct ir_buf *err)
{
	long found = -1;
	size_t i;

	for (i = 0; i < c->nby; i++) {
		if (c->by[i].bucket == IR_BUCKET_NONE)
			continue;
		if (found >= 0) {
			ir_buf_addf(err, "--fill: more than one date bucket (-g %s, -g %s)",
				    c->by[found].spec, c->by[i].spec);
			return -1;
		}
		found = (long)i;
	}
	if (found < 0)
		ir_buf_adds(err, "--fill needs a date bucket to fill, such as -g published:month");
	return found;
}

void
ir_stats_conf_describe(const struct ir_stats_conf *c, struct ir_buf *b)
{
	size_t i;

	for (i = 0; i < c->nby; i++)
		ir_buf_addf(b, "%s-g %s", b->len ? " " : "", c->by[i].spec);
	for (i = 0; i < c->naggs; i++)
		ir_buf_addf(b, "%s--%s %s", b->len ? " " : "", ir_agg_name[c->aggs[i].agg],
			    c->fields[c->aggs[i].field].spec);
	for (i = 0; i < c->nwhere; i++)
		ir_buf_addf(b, "%s--where %s", b->len ? " " : "", c->where[i].text);
	if (c->all)
		ir_buf_addf(b, "%s--all", b->len ? " " : "");
	if (c->incidents)
		ir_buf_addf(b, "%s--incidents", b->len ? " " : "");
}

void
ir_stats_conf_free(struct ir_stats_conf *c)
{
	size_t i;

	for (i = 0; i < c->nby; i++)
		free_field(&c->by[i]);
	for (i = 0; i < c->nfields; i++)
		free_field(&c->fields[i]);
	for (i = 0; i < c->nwhere; i++)
		ir_where_free(&c->where[i]);
	for (i = 0; i < c->nlist; i++)
		free_field(&c->list[i]);
	free(c->list);
	free(c->by);
	free(c->fields);
	free(c->aggs);
	free(c->where);
	memset(c, 0, sizeof *c);
}

/* Options ------------------------------------------------------------------ */

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void
ir_stats_conf_options(const struct ir_stats_conf *c, struct ir_stats_options *o)
{
	size_t i, a;

	memset(o, 0, sizeof *o);
	o->by = ir_xrealloc(NULL, (c->nby + 1) * sizeof *o->by);
	for (i = 0; i < c->nby; i++)
		o->by[i] = c->by[i].spec;
	o->nby = c->nby;
	for (a = 0; a < IR_NAGG; a++) {
		o->agg[a] = ir_xrealloc(NULL, (c->naggs + 1) * sizeof *o->agg[a]);
		for (i = 0; i < c->naggs; i++)
			if (c->aggs[i].agg == (enum ir_agg)a)
				o->agg[a][o->nagg[a]++] = c->fields[c->aggs[i].field].spec;
	}
	o->where = ir_xrealloc(NULL, (c->nwhere + 1) * sizeof *o->where);
	for (i = 0; i < c->nwhere; i++)
		o->where[i] = c->where[i].text;
	o->nwhere = c->nwhere;
	o->all = c->all;
	o->incidents = c->incidents;
	ir_stats_options_sort(o);
}

void
ir_stats_options_sort(struct ir_stats_options *o)
{
	size_t a;

	for (a = 0; a < IR_NAGG; a++)
		if (o->nagg[a] > 1)
			qsort(o->agg[a], o->nagg[a], sizeof *o->agg[a], str_cmp);
	if (o->nwhere > 1)
		qsort(o->where, o->nwhere, sizeof *o->where, str_cmp);
}

void
ir_stats_options_identity(const struct ir_stats_options *o, struct ir_buf *b)
{
	struct ir_jw w;
	size_t a;

	ir_jw_start(&w, b);
	ir_jw_array(&w);
	ir_jw_cstrs(&w, o->by, o->nby);
	for (a = 0; a < IR_NAGG; a++)
		ir_jw_cstrs(&w, o->agg[a], o->nagg[a]);
	ir_jw_cstrs(&w, o->where, o->nwhere);
	ir_jw_bool(&w, o->all);
	ir_jw_bool(&w, o->incidents);
	ir_jw_end(&w);
}

void
ir_stats_options_describe(const struct ir_stats_options *o, struct ir_buf *b)
{
	size_t start = b->len, i, a;

	for (i = 0; i < o->nby; i++)
		ir_buf_addf(b, "%s-g %s", b->len > start ? " " : "", o->by[i]);
	for (a = 0; a < IR_NAGG; a++)
		for (i = 0; i < o->nagg[a]; i++)
			ir_buf_addf(b, "%s--%s %s", b->len > start ? " " : "", ir_agg_name[a],
				    o->agg[a][i]);
	for (i = 0; i < o->nwhere; i++)
		ir_buf_addf(b, "%s--where %s", b->len > start ? " " : "", o->where[i]);
	if (o->all)
		ir_buf_addf(b, "%s--all", b->len > start ? " " : "");
	if (o->incidents)
		ir_buf_addf(b, "%s--incidents", b->len > start ? " " : "");
	if (b->len == start)
		ir_buf_adds(b, "no -g and no aggregate");
}

static void
free_list(char **v, size_t n, int owned)
{
	size_t i;

	if (owned)
		for (i = 0; i < n; i++)
			free(v[i]);
	free(v);
}

void
ir_stats_options_free(struct ir_stats_options *o, int owned)
{
	size_t a;

	free_list(o->by, o->nby, owned);
	for (a = 0; a < IR_NAGG; a++)
		free_list(o->agg[a], o->nagg[a], owned);
	free_list(o->where, o->nwhere, owned);
	memset(o, 0, sizeof *o);
}
