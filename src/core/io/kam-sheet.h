/* kam-sheet.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The sheets of a workbook (.xlsx, .ods) as grids of cells, as the table
 * importer reads them: each cell's text (a number as its shortest text, a
 * formula as its cached result) and number, which rows and columns are
 * hidden, and which cells are merged. Read by liborcus
 * (kam-sheet-orcus.cc); nothing else of the file is kept. */

#define KAM_MAX_WORKBOOK_SIZE ((gsize) 64 << 20)      /* 64 MiB on disk */
#define KAM_MAX_WORKBOOK_UNZIPPED ((guint64) 512 << 20) /* 512 MiB unzipped */
#define KAM_MAX_SHEET_CELLS ((guint64) 4 << 20)         /* four million cells a sheet */
#define KAM_MAX_SHEET_ROWS 1000000                      /* a million rows a sheet */

typedef struct
{
  guint row, column, n_rows, n_columns;
} KamSheetRange;

typedef struct
{
  char *name;
  guint n_rows, n_columns;
  char **texts;          /* n_rows × n_columns, row by row; NULL: empty */
  double *numbers;       /* the same cells' numbers; NAN: not a number */
  gboolean *hidden_rows; /* n_rows */
  gboolean *hidden_columns; /* n_columns */
  GArray *merges;        /* KamSheetRange */
  guint *lines;          /* a text's sheet: the line each row starts on (from 1); else NULL */
} KamSheet;

void kam_sheet_free (KamSheet *sheet);
/* A sheet of texts (a CSV's records, pasted lines): rows is a GPtrArray of
 * rows, each a GPtrArray of char *, which the sheet takes (each left NULL).
 * lines (NULL: none): the line of the text each row starts on, for problems
 * to name. Numbers are not told. */
KamSheet *kam_sheet_new_from_rows (const char *name, GPtrArray *rows, const guint *lines);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KamSheet, kam_sheet_free)

/* The cell's text, or NULL when it is empty or outside the sheet. */
const char *kam_sheet_get_text (const KamSheet *sheet, guint row, guint column);
double kam_sheet_get_number (const KamSheet *sheet, guint row, guint column);
/* The merged range a cell is in (its top-left cell holds the text), or NULL. */
const KamSheetRange *kam_sheet_get_merge (const KamSheet *sheet, guint row, guint column);
/* A cell as spreadsheets name it: "A1", "B7", "AA10". */
char *kam_sheet_cell_name (guint row, guint column);

/* Reads every sheet of a workbook: .xlsx (Excel) or .ods (LibreOffice),
 * told by its content, not its name. A file that is not one, damaged,
 * encrypted, larger than KAM_MAX_WORKBOOK_SIZE, that unzips to more than
 * KAM_MAX_WORKBOOK_UNZIPPED, or has a sheet of more than KAM_MAX_SHEET_CELLS
 * cells is refused with an error that says which. Returns: (element-type
 * KamSheet) the sheets in their order. */
GPtrArray *kam_sheet_read_file (const char *path, GError **error);

G_END_DECLS
