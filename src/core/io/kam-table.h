/* kam-table.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kam-dataset.h"
#include "kam-sheet.h"

G_BEGIN_DECLS

/* The table importer: a grid of cells (a sheet of a workbook) as people make
 * tables, turned into figures through the figure rules.
 *
 * Layouts: long (one figure per row: country, year, indicator, value …
 * under headings in English or Khmer) and wide (countries, or a breakdown's
 * members, down the side; years, or a breakdown's members, or both in a
 * header of two rows, across the top). A title and blank rows above the
 * table, a totals row and notes below it and hidden rows and columns are
 * skipped (and said); merged header cells and header cells left empty
 * carry the text before them. */

typedef enum
{
  KAM_TABLE_LONG,
  KAM_TABLE_WIDE,
} KamTableKind;

/* What a column of a table holds. */
typedef enum
{
  KAM_COLUMN_SKIP,      /* nothing taken (the labels' column of a wide table, notes) */
  KAM_COLUMN_FIELD,     /* long: a figure's field (field), or a breakdown's member (dimension) */
  KAM_COLUMN_VALUES,    /* wide: values of a year and/or a breakdown's member */
} KamColumnKind;

typedef struct
{
  KamColumnKind kind;
  KamFigureField field; /* KAM_COLUMN_FIELD: which (KAM_FIGURE_FIELD_MEMBERS: of dimension) */
  int dimension;        /* KAM_FIGURE_FIELD_MEMBERS, or the member's dimension of VALUES; -1 none */
  int member;           /* VALUES: the member, or -1 */
  int year;             /* VALUES: the year, or 0 (the table's year) */
  char *heading;        /* as the header says it */
} KamTableColumn;

typedef struct
{
  KamTableKind kind;
  guint first_row, last_row;  /* the data rows (from 0), hidden ones skipped when read */
  guint header_row, header_rows; /* the header's first row and how many (1 or 2) */
  guint label_column;         /* wide: the column of the rows' labels */
  int row_axis;               /* wide: -1 destinations, else the rows' dimension */
  int totals_row;             /* a row of totals under the data, or -1 */
  guint n_columns;
  KamTableColumn *columns;
  guint hidden_rows, hidden_columns; /* how many were skipped */
  /* for the whole table (NULL: from a column, or none) */
  char *indicator;
  char *source;
  int year;                   /* wide tables without years: the year of every value; 0 none */
  /* How cells are read. FALSE: as people write tables (names trimmed, found
   * in ISO 3166 too; "45,866*", "about 9,000", "n/a"). TRUE: exactly, as
   * Kamlang writes CSV and copies figures (texts as written, ids before
   * names, a number as a number, "", "..", "-", "NA" or "N/A" unknown), so
   * that what Kamlang wrote reads back as it was. */
  gboolean exact;
  gboolean decimal_comma;     /* exact: ',' is the decimal mark (a CSV with ';' between fields) */
  gboolean typed;             /* values typed by a person: the rules of a typed value too (whole persons) */
  GHashTable *left_out;       /* rows not read (row + 1 as pointers), or NULL */
} KamTableLayout;

void kam_table_layout_clear (KamTableLayout *layout);

/* What a person chose over what was detected (Import Table's assistant). */
typedef enum
{
  KAM_TABLE_MEANING_DETECTED, /* as detected */
  KAM_TABLE_MEANING_SKIP,     /* not imported */
  KAM_TABLE_MEANING_LABELS,   /* wide: the rows' labels (countries, or a breakdown's members) */
  KAM_TABLE_MEANING_FIELD,    /* long: a figure's field (a breakdown's members: of dimension) */
} KamTableMeaningKind;

typedef struct
{
  KamTableMeaningKind kind;
  KamFigureField field;
  int dimension;
} KamTableMeaning;

typedef struct
{
  int header_row;            /* the header's (first) row, or -1: detected */
  guint n_meanings;
  KamTableMeaning *meanings; /* each column's, from the first */
  GArray *left_out;          /* rows (guint, from 0) left out, or NULL */
} KamTableChoices;

/* A problem with a cell: where, as a spreadsheet names it, and why (one
 * wording for a problem, whatever the table came from). */
typedef struct
{
  char *sheet;
  guint row, column;  /* G_MAXUINT: the whole table, or the whole row */
  guint line;         /* a text's sheet: the row's line (from 1); else 0 */
  char *heading;      /* the column's heading, or NULL */
  char *message;      /* without a full stop */
} KamTableProblem;

void kam_table_problem_free (KamTableProblem *problem);
/* "By destination!B7: “many” is not a number"; of a text's sheet (a CSV
 * file), "Line 7, column 4 (value): “many” is not a number." */
char *kam_table_problem_to_string (const KamTableProblem *problem);
/* The first @most problems, one a line, and how many more there are. */
char *kam_table_problems_to_text (GPtrArray *problems, guint most);

/* What a heading that names no field of a figure means to
 * kam_table_layout_from_header(). */
typedef enum
{
  KAM_TABLE_HEADER_SKIP_UNKNOWN,   /* a column not taken (a spreadsheet's own columns) */
  KAM_TABLE_HEADER_REFUSE_UNKNOWN, /* a problem (a CSV file of Kamlang's columns) */
  KAM_TABLE_HEADER_ONLY_KNOWN,     /* the row is no header of fields: FALSE without a problem */
} KamTableHeader;

/* The long layout (one figure a row) a header row names, heading by
 * heading: country, year, indicator, value, source, note, qualifier and the
 * dataset's breakdowns, by id or name, in English or Khmer, as the Figures
 * page titles them, or in other words people use ("Destination", "Number").
 * FALSE with a problem when a field is named twice or year or value is not
 * named (or indicator, when @need_indicator). The data are the rows under it. */
gboolean kam_table_layout_from_header (KamDataset *dataset, const KamSheet *sheet, guint header_row,
                                       KamTableHeader unknown, gboolean need_indicator, KamTableLayout *layout,
                                       GPtrArray *problems);
/* The long layout of a table without a header, its columns in the order
 * Kamlang copies them: country, year, indicator, value, source, note,
 * qualifier; its data from first_row. */
void kam_table_layout_in_order (const KamSheet *sheet, guint first_row, KamTableLayout *layout);

/* Whether two headings or names are the same words, in any case (NULL is
 * none): "Country" and "country", "ស្ត្រី" and "ស្ត្រី". */
gboolean kam_table_same_words (const char *a, const char *b);

/* Whether a text is only spaces, or empty, or NULL. */
gboolean kam_table_is_blank (const char *text);

/* A value as tables write it: "45,866", "1 234", Khmer digits, a footnote
 * mark ("45,866*", "1,234 (a)"), "about 9,000" or "≈ 9,000" (approximate),
 * "more than 1,300,000" or "≥ 1,300,000" (at least), "less than 50" (at
 * most). "..", "-", "n/a" and empty are unknown (NAN). FALSE with why when
 * it is not a value (or is negative). */
gboolean kam_table_parse_value (const char *text, double *value, KamQualifier *qualifier, char **why);
/* A year as a header writes it: 2024, "2024", "Year 2024", "ឆ្នាំ២០២៤", or
 * a date (a spreadsheet's date number, or 2024-01-01). 0 when none. */
int kam_table_parse_year (const char *text, double number);

/* Finds the table in a sheet and what each column holds. indicator and
 * source (NULL: detected, or none) apply to the whole table. FALSE when
 * something must be asked (no indicator, no header found): the problems
 * say what. */
gboolean kam_table_detect (KamDataset *dataset, const KamSheet *sheet, const char *indicator, const char *source,
                           KamTableLayout *layout, GPtrArray *problems);
/* The same, with what a person chose (NULL: nothing): the header's row,
 * a column's meaning, rows left out. */
gboolean kam_table_detect_chosen (KamDataset *dataset, const KamSheet *sheet, const char *indicator,
                                  const char *source, const KamTableChoices *choices, KamTableLayout *layout,
                                  GPtrArray *problems);

/* The figures the table gives, with a problem for every cell that cannot
 * be one and every figure the rules refuse (kam_dataset_validate_row); countries not in the dataset but in ISO 3166 are named in
 * new_countries (codes) to be added with them. said: what was skipped and
 * checked, in sentences ("The table's total 68,040 matches the sum of its
 * rows."). */
GArray *kam_table_read (KamDataset *dataset, const KamSheet *sheet, const KamTableLayout *layout,
                        GPtrArray *new_countries, GPtrArray *problems, GPtrArray *said);

/* The sheet of a CSV file's records (kam_csv_parse(); it takes their
 * texts), each row with its line for problems to name. */
KamSheet *kam_table_sheet_from_records (const char *name, GPtrArray *records);

/* The sheets of a workbook (kam_sheet_read_file), or of a CSV file (text:
 * one sheet named as the file, "," or ";" between fields), to import from. */
GPtrArray *kam_table_read_sheets (const char *path, GError **error);

/* Detects and reads a sheet and adds its figures (and the countries they
 * need) as one undoable step; all or nothing, as kam_table_import_file(). */
gboolean kam_table_import_sheet (KamDataset *dataset, const KamSheet *sheet, const char *indicator, const char *source,
                                 guint *n_added, GPtrArray *said, GError **error);

/* The same, with what a person chose (kam_table_detect_chosen()). */
gboolean kam_table_import_chosen (KamDataset *dataset, const KamSheet *sheet, const char *indicator,
                                  const char *source, const KamTableChoices *choices, guint *n_added, GPtrArray *said,
                                  GError **error);

/* Detects and reads a sheet of a workbook (NULL: the first with a table),
 * and adds its figures (and the countries they need) as one undoable step.
 * All or nothing: with any problem nothing is added and the error lists
 * them (sheet, cell, why). */
gboolean kam_table_import_file (KamDataset *dataset, const char *path, const char *sheet_name, const char *indicator,
                                const char *source, guint *n_added, GPtrArray *said, GError **error);

G_END_DECLS
