/* kam-entry-table.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kam-dataset.h"

G_BEGIN_DECLS

/* A table of figures to enter by hand, as a spreadsheet shows them: one
 * indicator, one source and qualifier for the whole table; rows are
 * destinations or the members of a breakdown, columns the members of a
 * breakdown or years. Every cell is one figure (found by its whole key,
 * source included): setting a cell changes that figure or adds it; clearing
 * it makes its value unknown. The rows and columns are chosen here; the
 * figures stay in the dataset, so undo and every other view follow. */

/* What the rows or columns are: the destinations, years, or (0 and up) the
 * members of the dimension at that position. */
#define KAM_ENTRY_DESTINATIONS (-1)
#define KAM_ENTRY_YEARS (-2)

#define KAM_TYPE_ENTRY_TABLE (kam_entry_table_get_type ())
G_DECLARE_FINAL_TYPE (KamEntryTable, kam_entry_table, KAM, ENTRY_TABLE, GObject)

KamEntryTable *kam_entry_table_new (KamDataset *dataset);
KamDataset *kam_entry_table_get_dataset (KamEntryTable *self);

/* The layout. Rows: KAM_ENTRY_DESTINATIONS or a dimension; columns:
 * KAM_ENTRY_YEARS or a dimension (not the rows' one). Changing the layout
 * or the indicator, years or source chooses the rows again: those with a
 * figure in the table. */
void kam_entry_table_set_layout (KamEntryTable *self, int rows, int columns);
int kam_entry_table_get_row_axis (KamEntryTable *self);
int kam_entry_table_get_column_axis (KamEntryTable *self);
void kam_entry_table_set_indicator (KamEntryTable *self, const char *indicator);
const char *kam_entry_table_get_indicator (KamEntryTable *self);
/* One year, or (when the columns are years) the first and last. */
void kam_entry_table_set_years (KamEntryTable *self, int first, int last);
int kam_entry_table_get_first_year (KamEntryTable *self);
int kam_entry_table_get_last_year (KamEntryTable *self);
/* NULL: no source cited. */
void kam_entry_table_set_source (KamEntryTable *self, const char *source);
const char *kam_entry_table_get_source (KamEntryTable *self);
/* The qualifier of the figures the table adds. */
void kam_entry_table_set_qualifier (KamEntryTable *self, KamQualifier qualifier);
/* The destination of every figure when the rows are not destinations (NULL:
 * all destinations). */
void kam_entry_table_set_destination (KamEntryTable *self, const char *country);

guint kam_entry_table_get_n_rows (KamEntryTable *self);
guint kam_entry_table_get_n_columns (KamEntryTable *self);
/* The row's key: a country code (NULL for all destinations) or a member's
 * position; its label for people. */
const char *kam_entry_table_get_row_country (KamEntryTable *self, guint row);
const char *kam_entry_table_get_row_label (KamEntryTable *self, guint row);
char *kam_entry_table_dup_column_label (KamEntryTable *self, guint column);
/* Whether the row or column is the total of the others (all destinations, a
 * dimension's total). */
gboolean kam_entry_table_row_is_total (KamEntryTable *self, guint row);
gboolean kam_entry_table_column_is_total (KamEntryTable *self, guint column);
/* Adds a row for a country (a code of the dataset's or of ISO 3166's) or a
 * member (its code or name); returns its position, or -1 with an error when
 * there is no such country or member. A row already there is not added
 * twice: its position is returned. */
int kam_entry_table_add_row (KamEntryTable *self, const char *text, GError **error);

/* The figure a cell stands for: its whole key (value unknown). */
void kam_entry_table_get_cell_key (KamEntryTable *self, guint row, guint column, KamFigureRow *key);
/* The figure's id (0 when there is none) and value (unknown when none). */
guint kam_entry_table_get_cell (KamEntryTable *self, guint row, guint column, double *value);
/* Sets the cell: changes its figure's value or adds the figure (and the row's
 * country to the dataset when it is not there yet), one undoable step. An
 * unknown value clears the cell's figure. The value must keep the rules
 * (kam_rule_check_typed_value); a note, when not NULL, is set too. */
gboolean kam_entry_table_set_cell (KamEntryTable *self, guint row, guint column, double value,
                                   const char *note, GError **error);
/* Sets a block of cells from the cell (row, column) on, as one undoable step
 * (a paste): values[r * n_columns + c]; cells outside the table are left
 * out. Stops at the first refused value, changing nothing. */
gboolean kam_entry_table_set_block (KamEntryTable *self, guint row, guint column, const double *values,
                                    guint n_rows, guint n_columns, GError **error);

/* The sum of the column's known values in the rows that are not a total,
 * and how many there are. */
double kam_entry_table_get_column_sum (KamEntryTable *self, guint column, guint *n_known);
/* Whether a total cell disagrees with its parts (the other cells of its row
 * or column): parts that add up to more than the total, or, when every part
 * of a breakdown is known, to a different number. difference is the total
 * less the sum. */
gboolean kam_entry_table_get_mismatch (KamEntryTable *self, guint row, guint column, double *difference);

G_END_DECLS
