/* kam-figure-table.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <math.h>
#include "kam-types.h"

G_BEGIN_DECLS

/* An unknown value is NAN: it is not zero, never summed, never drawn. */
#define KAM_VALUE_UNKNOWN NAN
#define kam_value_is_known(v) (!isnan (v))

/* One figure as plain data. Strings are interned (g_intern_string) except note. */
typedef struct
{
  const char *country;   /* NULL: national total, all destinations */
  int year;
  const char *indicator;
  double value;          /* KAM_VALUE_UNKNOWN when unknown */
  const char *source;    /* NULL: no source cited */
  const char *note;
} KamFigureRow;

#define KAM_TYPE_FIGURE_TABLE (kam_figure_table_get_type ())
G_DECLARE_FINAL_TYPE (KamFigureTable, kam_figure_table, KAM, FIGURE_TABLE, GObject)

guint kam_figure_table_get_n_rows (KamFigureTable *self);
int kam_figure_table_find_row (KamFigureTable *self, guint id);
guint kam_figure_table_get_id (KamFigureTable *self, guint row);
int kam_figure_table_get_year (KamFigureTable *self, guint row);
double kam_figure_table_get_value (KamFigureTable *self, guint row);
const char *kam_figure_table_get_country (KamFigureTable *self, guint row);
const char *kam_figure_table_get_indicator (KamFigureTable *self, guint row);
const char *kam_figure_table_get_source (KamFigureTable *self, guint row);
const char *kam_figure_table_get_note (KamFigureTable *self, guint row);
void kam_figure_table_get_row (KamFigureTable *self, guint row, KamFigureRow *out);
guint64 kam_figure_table_get_stamp (KamFigureTable *self);

/* Whole columns, for aggregation, sorting and filtering without row objects. */
const gint16 *kam_figure_table_get_years (KamFigureTable *self);
const double *kam_figure_table_get_values (KamFigureTable *self);
const char *const *kam_figure_table_get_countries (KamFigureTable *self);
const char *const *kam_figure_table_get_indicators (KamFigureTable *self);
const char *const *kam_figure_table_get_sources (KamFigureTable *self);
const char *const *kam_figure_table_get_notes (KamFigureTable *self);

G_END_DECLS
