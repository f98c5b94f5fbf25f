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
  KamQualifier qualifier;
  guint16 members[KAM_MAX_DIMENSIONS]; /* by dimension position; 0 is the total */
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
KamQualifier kam_figure_table_get_qualifier (KamFigureTable *self, guint row);
guint kam_figure_table_get_member (KamFigureTable *self, guint row, guint dimension);
void kam_figure_table_get_row (KamFigureTable *self, guint row, KamFigureRow *out);
guint64 kam_figure_table_get_stamp (KamFigureTable *self);

/* Whole columns, for aggregation, sorting and filtering without row objects. */
const gint16 *kam_figure_table_get_years (KamFigureTable *self);
const double *kam_figure_table_get_values (KamFigureTable *self);
const char *const *kam_figure_table_get_countries (KamFigureTable *self);
const char *const *kam_figure_table_get_indicators (KamFigureTable *self);
const char *const *kam_figure_table_get_sources (KamFigureTable *self);
const char *const *kam_figure_table_get_notes (KamFigureTable *self);
const guint8 *kam_figure_table_get_qualifiers (KamFigureTable *self);
/* NULL when every figure is the total of this dimension. */
const guint16 *kam_figure_table_get_member_column (KamFigureTable *self, guint dimension);

/* The index, kept current with every change of the table.
 * A group is the figures of one (country, indicator, year, members), from any
 * source: find_group gives its first row, group_next the following ones, -1 at
 * the end. The fields of `key` other than these are ignored. */
int kam_figure_table_find_group (KamFigureTable *self, const KamFigureRow *key);
int kam_figure_table_group_next (KamFigureTable *self, guint row);
/* A row with the whole key of `key` (also its source), other than the figure
 * except_id (0: none); -1 when there is none. */
int kam_figure_table_find_same_key (KamFigureTable *self, const KamFigureRow *key, guint except_id);
/* Years with known values of an indicator, ascending (gint). */
GArray *kam_figure_table_dup_years_of (KamFigureTable *self, const char *indicator);
/* How many countries (not the national total) have known values of the
 * indicator in the year. */
guint kam_figure_table_count_countries (KamFigureTable *self, const char *indicator, int year);
/* Countries with known values of the indicator (interned codes; NULL for the
 * national total is left out), in no order. */
GPtrArray *kam_figure_table_dup_countries_of (KamFigureTable *self, const char *indicator);
/* In how many years a country (not the national total) has known values of
 * the indicator. */
guint kam_figure_table_count_years (KamFigureTable *self, const char *indicator, const char *country);
/* Every row: equal stamps mean nothing changed (for caches). Checks that the
 * index holds exactly what a rebuilt one would (for tests). */
gboolean kam_figure_table_check_index (KamFigureTable *self);

G_END_DECLS
