/* kam-json-strict.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  KAM_JSON_OK,
  KAM_JSON_SYNTAX,       /* not JSON, or JSON that json-glib would misread */
  KAM_JSON_TOO_DEEP,     /* nested deeper than allowed */
  KAM_JSON_OUT_OF_RANGE, /* a number Kamlang cannot hold */
  KAM_JSON_TOO_LONG,     /* a text longer than KAM_MAX_TEXT */
} KamJsonProblem;

/* The longest text (a name, a note, a description) Kamlang reads, in bytes as
 * written: a longer one is surely not meant, and would cost several times its
 * size in memory before it could be refused. */
#define KAM_MAX_TEXT (1 << 20)

/* Checks that data (valid UTF-8) is one JSON text as RFC 8259 defines it, and
 * nothing json-glib would accept besides: no comments, single quotes, hex
 * numbers, invalid or lone-surrogate \u escapes, NUL characters, a second
 * document, names given twice in an object; nesting at most max_depth deep;
 * numbers that fit (whole numbers within ±2^53, others finite); texts of at
 * most KAM_MAX_TEXT bytes. On the first
 * problem returns its kind with its byte offset and a message that quotes what is
 * there as written. top_level, if given (string -> KamJsonSpan, both freed
 * with g_free), receives where each value of the root object is in data:
 * json-glib 1.6 writes some numbers in a form it cannot read back (9e+44.0),
 * so values kept without being understood are kept as they were written.
 * Spans, not copies: the root's figures may be most of a 1 GiB file. */
typedef struct
{
  gsize offset;
  gsize length;
} KamJsonSpan;

KamJsonProblem kam_json_check_strict (const char *data, gsize length, guint max_depth, gsize *offset,
                                      char **message, GHashTable *top_level);

G_END_DECLS
