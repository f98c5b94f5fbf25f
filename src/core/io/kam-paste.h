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
 * Fields may be quoted as spreadsheets quote them on the clipboard; texts
 * are taken as written (never trimmed), and what kam_csv_protect() did to
 * them is undone. Country, indicator, source and members are found by
 * code/id first, then by name (English or Khmer) when only one has it; an empty country is the national total, an empty member
 * the dimension's total; values may be written "1,220,197" and empty means
 * unknown; a qualifier by name ("approximate") or mark ("≈"). All or nothing:
 * on the first bad line, returns NULL and the error names the line (counted
 * from 1) and the field. */
GArray *kam_paste_parse (KamDataset *dataset, const char *text, GError **error);

/* Figures (rows of the figure table) as a spreadsheet takes them from the
 * clipboard: a header of ids, tabs between fields, texts made inert as in a
 * CSV export, in quotes when they hold a tab, a line break or a quote. What
 * it copies, kam_paste_parse() reads back exactly into a dataset with the
 * same lists. */
char *kam_paste_copy_text (KamDataset *dataset, const guint *rows, guint n_rows);

/* Adds what kam_paste_parse() read, as one undoable step. */
gboolean kam_paste_apply (KamDataset *dataset, const char *text, guint *n_added, GError **error);

void kam_paste_rows_free (GArray *rows);

G_END_DECLS
