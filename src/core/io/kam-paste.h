/* kam-paste.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kam-dataset.h"

G_BEGIN_DECLS

/* Reads rows copied from a spreadsheet: one figure per line, fields separated
 * by tabs in the order country, year, indicator, value[, source[, note[,
 * qualifier]]]. A first line with no whole number in it is a header: when each
 * of its headings names a column (country, year, indicator, value, source,
 * note, qualifier, in English or as the Figures page titles them, or a
 * dimension by id or name), the columns are taken by heading, in any order, and
 * the dimensions' members may be given; otherwise it is skipped.
 * Country, indicator, source and members may be given by code/id or by name
 * (English or Khmer); an empty country is the national total, an empty member
 * the dimension's total; values may be written "1,220,197" and empty means
 * unknown; a qualifier by name ("approximate") or mark ("≈"). All or nothing:
 * on the first bad line, returns NULL and the error names the line (counted
 * from 1) and the field. */
GArray *kam_paste_parse (KamDataset *dataset, const char *text, GError **error);

/* Adds what kam_paste_parse() read, as one undoable step. */
gboolean kam_paste_apply (KamDataset *dataset, const char *text, guint *n_added, GError **error);

void kam_paste_rows_free (GArray *rows);

G_END_DECLS
