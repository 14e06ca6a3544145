/* extract/org.h - who published a notice, and what kind of body it is. */
#ifndef IR_EXTRACT_ORG_H
#define IR_EXTRACT_ORG_H

#include <stddef.h>

/*
 * Finds the publishing organisation in a normalised notice: title is the
 * header after 】 (date included), body the text after the header line.
 * Returns 1 and the span of the name in title (*in_body 0) or in body
 * (*in_body 1), or 0 when none can be told.
 *
 * Headers mostly start with the name and a blank ("株式会社見本 お詫び…",
 * "見本ホールディングス 株式会社 …"); some are a sentence about the
 * publisher ("見本県が使用していたドメインが…", "見本市のメール中継サーバの…",
 * "「見本公式オンラインストア」への…"), and then the name is the subject of
 * the sentence, a place name, a name standing apart after the headline
 * ("「会員サイト」への不正アクセスについて 株式会社見本 2026年1月9日"), the
 * quoted shop without its shop words, or the short name that some dumps
 * repeat on the line after the header.
 */
int ir_org_find(const char *title, size_t tlen, const char *body, size_t blen, size_t *off,
		size_t *len, int *in_body);

/*
 * The organisation a regulator's notice is about: the body its header
 * says it acted on ("…委員会 株式会社見本に対する…行政上の対応について"),
 * the first of several, or the one its opening sentence names ("…は、
 * 株式会社見本(以下「見本」という。)に対し、…指導等を行いました").  title
 * is the header after the publisher's name.  Returns 1 and the span (in
 * body when *in_body), or 0.
 */
int ir_org_subject(const char *title, size_t tlen, const char *body, size_t blen, size_t *off,
		   size_t *len, int *in_body);

/* The org_type label of a normalised organisation name (NULL: "other"). */
const char *ir_org_type(const char *org, size_t len);

/* Compiles the module's patterns: once, at start-up, before any thread. */
void ir_org_prepare(void);

#endif
