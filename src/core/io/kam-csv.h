/* kam-csv.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kam-dataset.h"

G_BEGIN_DECLS

#define KAM_MAX_CSV_SIZE ((gsize) 256 << 20) /* 256 MiB: some four million figures */

/* One record of a CSV file: its fields and the line it starts on (from 1). */
typedef struct
{
  GPtrArray *fields; /* char * */
  guint line;
} KamCsvRecord;

void kam_csv_record_free (KamCsvRecord *record);

/* Reads RFC 4180 text: quoted fields, "" inside quotes, line breaks inside
 * quotes, CRLF or LF, a byte-order mark. separator 0 detects ',' or ';' from
 * the first line. Returns: (element-type KamCsvRecord) the records, or NULL
 * with an error naming the line. */
GPtrArray *kam_csv_parse (const char *data, gsize length, char separator, char *separator_out,
                          GError **error);

/* Texts made inert for spreadsheets (OWASP's CSV injection guidance): an
 * apostrophe before every part of the text that a spreadsheet could take for
 * a cell of its own (the start, and after each , ; tab or line break) and run
 * as a formula (= + - @ ..., cmd|), or that starts with an apostrophe.
 * kam_csv_unprotect() (in place) gives back exactly what was protected; it
 * leaves any other apostrophe alone. */
char *kam_csv_protect (const char *text);
char *kam_csv_unprotect (char *text);

/* Figures as CSV: UTF-8 with a byte-order mark, a header row, RFC 4180
 * quoting, numbers without separators, unknown as an empty cell, and texts
 * made inert with kam_csv_protect(). What it writes, kam_csv_import() into a
 * dataset with the same lists and no figures reads back exactly. */
char *kam_csv_export_text (KamDataset *dataset, gsize *length);
/* The same table of some rows (NULL: all), with ',' as a CSV file writes it
 * or with '\t' as the clipboard takes it (kam_paste_copy_text). */
char *kam_csv_table_text (KamDataset *dataset, const guint *rows, guint n_rows, char separator, gsize *length);
gboolean kam_csv_export_file (KamDataset *dataset, const char *path, GError **error);

/* Adds the figures of a CSV file as one undoable step, all or nothing: a bad
 * row adds nothing and the error names its line and column. */
gboolean kam_csv_import (KamDataset *dataset, const char *data, gsize length, guint *n_added,
                         GError **error);

gboolean kam_csv_import_file (KamDataset *dataset, const char *path, guint *n_added, GError **error);

G_END_DECLS
