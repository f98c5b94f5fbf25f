/* kam-chart-private.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kam-chart.h"

G_BEGIN_DECLS

/* A region of a rendering that a point was drawn in. */
typedef struct
{
  double x, y, width, height;
  guint series, index;
  /* a slice of a ring instead of a rectangle, when wedge is set */
  gboolean wedge;
  double cx, cy, r0, r1, a0, a1;
  /* a country's shape within the rectangle, when country is set (its points
   * projected, then x0 + x * k, y0 - y * k; a map's circles keep x0, y0, k) */
  gconstpointer country; /* KamMapCountry */
  double x0, y0, k;
} KamChartRegion;

typedef struct
{
  const char *id;
  int year;
  char *title;
  char *kind;
} KamChartMarker;

/* What a chart shows, all that drawing it needs: the renderer asks neither
 * the chart nor the dataset. */
typedef struct
{
  gatomicrefcount ref_count; /* held by the chart and by the layouts drawn from it */
  KamChartKind kind;
  KamScaleKind scale;     /* as drawn: linear where a log scale does not apply */
  GPtrArray *series;      /* KamChartSeries */
  GPtrArray *markers;     /* KamChartMarker: agreements on the time axis */
  GPtrArray *sources;     /* interned source ids used */
  GPtrArray *source_labels; /* char *: theirs, as the footnote names them */
  char *title;
  char *axis_label;
  char *note;             /* (nullable) the kind's own line in the footnote */
  /* the map's outlines as last drawn (a redraw at the same place and size,
   * as on hover, reuses them): cairo_path_t per country, NULL outside */
  GPtrArray *map_paths;
  double map_view[3];
  KamMapStyle map_style;
  KamMapFrame map_frame;
  gboolean map_flows;     /* a line from Cambodia to each destination */
  gboolean usd;
  gboolean percent;
  gboolean stacked;       /* bars of several series, one after the other */
  guint marks;            /* 1 << KamQualifier of every qualified value shown */
  int year;
  const char *indicator;
  double total;           /* a share chart's whole: what the shares divide */
} KamChartData;

KamChartData *_kam_chart_get_data (KamChart *self);
/* Drops a reference to the data (the chart's, or a layout's). */
void _kam_chart_data_free (KamChartData *data);
KamScaleKind _kam_chart_get_drawn_scale (KamChart *self);
/* The map's colours of classes, lightest first (kam-chart-map.c). */
const KamColor *_kam_chart_map_get_palette (guint *n);
/* Whether a point is inside the country of a map's region (kam-chart-map.c). */
gboolean _kam_chart_map_contains (const KamChartRegion *region, double x, double y);
const KamChartRegion *_kam_chart_layout_get_regions (KamChartLayout *self, guint *n_regions);

void _kam_chart_render_data (KamChartData *data, cairo_t *cr,
                             const KamChartStyle *style, double width, double height,
                             GArray *regions);

G_END_DECLS
