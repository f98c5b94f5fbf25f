/* kam-chart.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include "kam-dataset.h"
#include "kam-palette.h"

G_BEGIN_DECLS

/* One plotted value. */
typedef struct
{
  char *label;         /* a country's name, a year, or a series' name */
  const char *country; /* interned code, NULL for the national total */
  int year;
  double value;        /* NAN: unknown, a gap */
  const char *source;  /* interned id of the figure's source */
  guint figure_id;     /* 0 for a computed value (men = total - women, Other) */
  guint figure_id2;    /* the second figure of a computed value, or 0 */
  KamQualifier qualifier; /* of the figure: marked ≈, ≥ ... on the chart */
  double base;         /* an increase's start: the level it adds to (0 for a level) */
} KamChartPoint;

typedef struct
{
  char *name;
  guint color;
  GArray *points;      /* KamChartPoint */
  gboolean increment;  /* the values are increases (a planned additional intake), not levels */
} KamChartSeries;

/* What is under a point of the drawn chart. */
typedef struct
{
  gboolean found;
  guint series;
  KamChartPoint point;  /* strings borrowed from the chart */
  char *series_name;    /* borrowed */
  gboolean usd;         /* the value is in US dollars */
  gboolean percent;     /* the value is a share (0 to 1) */
} KamChartHit;

#define KAM_TYPE_CHART (kam_chart_get_type ())
G_DECLARE_FINAL_TYPE (KamChart, kam_chart, KAM, CHART, GObject)

KamChart *kam_chart_new (KamDataset *dataset, KamChartKind kind);
KamChart *kam_chart_copy (KamChart *self);
KamDataset *kam_chart_get_dataset (KamChart *self);
void kam_chart_set_dataset (KamChart *self, KamDataset *dataset);
KamChartKind kam_chart_get_kind (KamChart *self);
void kam_chart_set_kind (KamChart *self, KamChartKind kind);
/* NULL: the kind's default (workers, remittances ...) */
const char *kam_chart_get_indicator (KamChart *self);
void kam_chart_set_indicator (KamChart *self, const char *indicator);
/* 0: the latest year with figures */
int kam_chart_get_year (KamChart *self);
void kam_chart_set_year (KamChart *self, int year);
void kam_chart_set_years (KamChart *self, int first, int last);
void kam_chart_get_years (KamChart *self, int *first, int *last);
/* NULL: a default choice; "" in the list stands for the national total */
const char *const *kam_chart_get_countries (KamChart *self);
void kam_chart_set_countries (KamChart *self, const char *const *codes);
KamScaleKind kam_chart_get_scale (KamChart *self);
void kam_chart_set_scale (KamChart *self, KamScaleKind scale);
/* Whether the scale setting changes anything for what the chart shows now. */
gboolean kam_chart_get_log_scale_applies (KamChart *self);
/* NULL: for each value, the most recently dated source that gives it */
const char *kam_chart_get_source (KamChart *self);
void kam_chart_set_source (KamChart *self, const char *source);
/* Split by a dimension (its id; NULL: no split): destinations as stacked
 * bars, trend and remittances as one line per member. */
const char *kam_chart_get_split (KamChart *self);
void kam_chart_set_split (KamChart *self, const char *dimension);
/* Only the figures of this member of a dimension (code "total" or NULL: the
 * total, which is what a chart shows by default). */
void kam_chart_set_member (KamChart *self, const char *dimension, const char *code);
const char *kam_chart_get_member (KamChart *self, const char *dimension);
/* How a map shows its values, what it frames, and whether it draws a line
 * from Cambodia to each destination (other kinds keep them for when they
 * become a map). */
KamMapStyle kam_chart_get_map_style (KamChart *self);
void kam_chart_set_map_style (KamChart *self, KamMapStyle style);
KamMapFrame kam_chart_get_map_frame (KamChart *self);
void kam_chart_set_map_frame (KamChart *self, KamMapFrame frame);
gboolean kam_chart_get_map_flows (KamChart *self);
void kam_chart_set_map_flows (KamChart *self, gboolean flows);
/* NULL: automatic */
void kam_chart_set_title (KamChart *self, const char *title);
const char *kam_chart_get_title (KamChart *self);

/* What the chart plots now, after defaults are resolved. */
GPtrArray *kam_chart_get_series (KamChart *self);
int kam_chart_get_resolved_year (KamChart *self);
/* The title and every value, in words (for a screen reader). */
char *kam_chart_describe (KamChart *self);
void kam_chart_refresh (KamChart *self);
const char *kam_chart_get_resolved_indicator (KamChart *self);
/* Every figure id behind a hit, for selecting them. */
GArray *kam_chart_hit_figures (const KamChartHit *hit);

void kam_chart_render (KamChart *self, cairo_t *cr, const KamChartStyle *style, double width,
                       double height);

/* Where one rendering drew each point: kept by whoever shows that rendering,
 * so that another rendering of the same chart (an export, a copy, a print)
 * or an edit never changes what it finds. */
typedef struct _KamChartLayout KamChartLayout;
#define KAM_TYPE_CHART_LAYOUT (kam_chart_layout_get_type ())
GType kam_chart_layout_get_type (void) G_GNUC_CONST;
KamChartLayout *kam_chart_layout_ref (KamChartLayout *self);
void kam_chart_layout_unref (KamChartLayout *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KamChartLayout, kam_chart_layout_unref)

KamChartLayout *kam_chart_render_layout (KamChart *self, cairo_t *cr, const KamChartStyle *style,
                                         double width, double height);
guint kam_chart_layout_get_n_points (KamChartLayout *self);
/* Tells what is under (x, y) in that rendering; the hit's strings are
 * borrowed from the layout. */
gboolean kam_chart_layout_hit (KamChartLayout *self, double x, double y, KamChartHit *hit);
gboolean kam_chart_layout_get_point (KamChartLayout *self, guint index, KamChartHit *hit, double rect[4]);

G_END_DECLS
