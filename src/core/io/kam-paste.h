/* kam-paste.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kam-dataset.h"

G_BEGIN_DECLS

/* Reads rows copied from a spreadsheet: one figure per line, fields separated
 * by tabs in the order country, year, indicator, value[, source[, note]].
 * Country, indicator and source may be given by code/id or by name (English or
 * Khmer); an empty country is the national total; values may be written
 * "1,220,197" and empty means unknown. A first line whose year is not a number
 * is taken as a header and skipped. All or nothing: on the first bad line,
 * returns NULL and the error names the line (counted from 1) and the field. */
GArray *kam_paste_parse (KamDataset *dataset, const char *text, GError **error);

/* Adds what kam_paste_parse() read, as one undoable step. */
gboolean kam_paste_apply (KamDataset *dataset, const char *text, guint *n_added, GError **error);

void kam_paste_rows_free (GArray *rows);

G_END_DECLS
