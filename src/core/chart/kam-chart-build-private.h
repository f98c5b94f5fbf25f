/* kam-chart-build-private.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What builds a chart's data (kam-chart-build.c, the helpers every kind uses;
 * kam-chart-<kind>.c, each kind's): from the chart's settings and its
 * dataset to the KamChartData the renderer draws. */

#pragma once

#include "kam-chart-private.h"

G_BEGIN_DECLS

/* The chart's settings, as the builders read them (kam-chart.c keeps them). */
struct _KamChart
{
  GObject parent_instance;

  KamDataset *dataset;
  KamChartKind kind;
  char *indicator;
  int year;
  int first_year, last_year;
  GStrv countries;
  KamScaleKind scale;
  char *source;
  char *title;
  char *split;          /* dimension id */
  GHashTable *members;  /* dimension id -> member code, for the filter */
  KamMapStyle map_style;
  KamMapFrame map_frame;
  gboolean map_flows;

  KamChartData *data; /* NULL until needed */
};

/* For one indicator, the figure chosen for each (country, year): from the
 * chart's source when one is set, else from the most recently dated source. */
/* For one indicator, the figure chosen for each (country, year): from the
 * chart's source when one is set, else from the most recently dated source. */
typedef struct
{
  guint row;
} Pick;

typedef struct
{
  const char *country;
  int year;
} PickKey;

/* The palette colour of the rest of a total that is not broken down. */
#define _KAM_CHART_REST_COLOR 7

/* The key that stands for the national total in a set of countries. */
extern const char _kam_chart_national_key[];

void
_kam_chart_add_point (KamChartSeries *series, const char *label, const char *country, int year, double value,
           const char *source, guint id);

void
_kam_chart_add_row_point (KamChart *self, KamChartData *data, KamChartSeries *series, const char *label,
               const char *country, int year, guint row);

void
_kam_chart_members (KamChart *self, guint16 *members);

int
_kam_chart_compare_points_desc (gconstpointer a, gconstpointer b);

int
_kam_chart_compare_points_year (gconstpointer a, gconstpointer b);

gboolean
_kam_chart_indicator_is_usd (KamDataset *dataset, const char *id);

const char *
_kam_chart_indicator_name (KamDataset *dataset, const char *id);

int
_kam_chart_latest_year (KamChart *self, const char *indicator, guint dimension, const guint *member);

void
_kam_chart_marker_free (KamChartMarker *marker);

guint
_kam_chart_member_color (KamDimension *dimension, guint m);

void
_kam_chart_note_series_sources (KamChartData *data, KamChartSeries *series);

void
_kam_chart_note_source (KamChartData *data, const char *source);

/* Picks values of `indicator`, for one year (year > 0) or all the chart's years, for the
 * countries in `only` (NULL: all; it may hold NULL for the national total). */
GHashTable *
_kam_chart_pick_values (KamChart *self, const char *indicator, int year, GHashTable *only);

GHashTable *
_kam_chart_pick_values_for (KamChart *self, const char *indicator, int year, GHashTable *only,
                 const guint16 *members);

void
_kam_chart_series_free (KamChartSeries *series);

KamChartSeries *
_kam_chart_series_new (const char *name, guint color);

int
_kam_chart_split_dimension (KamChart *self);

KamChartSeries *
_kam_chart_values_by_country (KamChart *self, KamChartData *data, const char *indicator, int year, guint color);

KamChartSeries *
_kam_chart_values_by_country_for (KamChart *self, KamChartData *data, const char *indicator, int year,
                       guint color, const guint16 *members);

KamChartSeries *
_kam_chart_values_by_year (KamChart *self, KamChartData *data, const char *indicator, const char *country,
                const char *name, guint color);

/* Each kind's (kam-chart-<kind>.c): its data, and for some the indicator and
 * year it needs before (TRUE when it chose them). */
void _kam_chart_build_destinations (KamChart *self, KamChartData *data);
void _kam_chart_build_split_by_country (KamChart *self, KamChartData *data, int d);
gboolean _kam_chart_resolve_split (KamChart *self, KamChartData *data);
void _kam_chart_build_share (KamChart *self, KamChartData *data);
void _kam_chart_build_trend (KamChart *self, KamChartData *data);
void _kam_chart_build_remittances (KamChart *self, KamChartData *data);
void _kam_chart_build_quota (KamChart *self, KamChartData *data);
void _kam_chart_build_gender (KamChart *self, KamChartData *data);
gboolean _kam_chart_resolve_gender (KamChart *self, KamChartData *data);
void _kam_chart_build_map (KamChart *self, KamChartData *data);

/* Each kind's drawing (KamDrawContext: kam-chart-draw-private.h). */
typedef struct _KamDrawContext KamDrawContext;
void _kam_chart_draw_destinations (KamDrawContext *ctx, double x, double y, double w, double h);
void _kam_chart_draw_share (KamDrawContext *ctx, double x, double y, double w, double h);
void _kam_chart_draw_trend (KamDrawContext *ctx, double x, double y, double w, double h);
void _kam_chart_draw_remittances (KamDrawContext *ctx, double x, double y, double w, double h);
void _kam_chart_draw_quota (KamDrawContext *ctx, double x, double y, double w, double h);
void _kam_chart_draw_gender (KamDrawContext *ctx, double x, double y, double w, double h);
void _kam_chart_draw_map (KamDrawContext *ctx, double x, double y, double w, double h);

G_END_DECLS
