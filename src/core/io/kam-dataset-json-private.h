/* kam-dataset-json-private.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kam-dataset-private.h"
#include "kam-dataset-json.h"
#include "kam-json-strict.h"

G_BEGIN_DECLS

/* What the .kamlang reader carries from section to section. */
typedef struct
{
  GPtrArray *problems;
  KamDataset *dataset;
  guint dropped;
  GHashTable *top_level; /* where the root's values are in text */
  const char *text;      /* the JSON text, after any byte-order mark */
  gint64 version;
  KamLoadControl *control; /* (nullable) */
  gsize text_length;
  gboolean cancelled;
} KamReader;

/* Tells how far the reading has come (0 to 1000), and whether it goes on:
 * FALSE once the reading was cancelled. */
gboolean _kam_reader_progress (KamReader *r, int permille);

/* Adds "WHERE: MESSAGE" to the reader's problems (at most 200 are kept). */
void _kam_reader_problem (KamReader *r, const char *where, const char *format, ...) G_GNUC_PRINTF (3, 4);
/* The interned id of a defined country, indicator or source (field), or NULL
 * with a problem at `where`. */
const char *_kam_reader_lookup (KamReader *r, KamFigureField field, const char *id, const char *where);
/* Whether a dimension id would be taken for a figure column. */
gboolean _kam_reader_is_figure_column (const char *name);
/* Reads the value of the root's "figures" (at span in r->text) straight from
 * the text, without a json-glib tree: most of a large file is figures. The
 * text has passed kam_json_check_strict, so only types and values can be
 * wrong here. */
void _kam_reader_read_figures (KamReader *r, const KamJsonSpan *span);

G_END_DECLS
