/* kam-chart-draw-private.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What drawing a chart's plot needs (kam-chart-render.c draws the frame:
 * title, legend, footnote; each kind draws its plot inside it, with these). */

#pragma once

#include <pango/pangocairo.h>
#include "kam-chart-private.h"
#include "kam-scale.h"

G_BEGIN_DECLS

/* One drawing of a chart: its data (all that is drawn), the style, where the
 * points were drawn (for hit tests), and the text's context. */
struct _KamDrawContext
{
  cairo_t *cr;
  const KamChartStyle *style;
  KamChartData *data;
  GArray *regions;
  double unit; /* one "point" of the style's font size, in pixels */
  /* every text's: one context for the whole chart, not one per text */
  PangoContext *pango;
  PangoFontDescription *font;
};
typedef struct _KamDrawContext KamDrawContext;

void
_kam_draw_set_color (cairo_t *cr, KamColor c);

PangoLayout *
_kam_draw_text_layout (KamDrawContext *ctx, const char *text, double scale, gboolean bold);

void
_kam_draw_text_size (PangoLayout *layout, double *width, double *height);

void
_kam_draw_text (KamDrawContext *ctx, PangoLayout *layout, double x, double y, double xalign, double yalign,
           KamColor color);

void
_kam_draw_add_region (KamDrawContext *ctx, double x, double y, double w, double h, guint series, guint index);

char *
_kam_draw_format_value (KamDrawContext *ctx, double value, gboolean compact);

char *
_kam_draw_with_marks (KamDrawContext *ctx, const char *number, guint index);

void
_kam_draw_value_range (KamDrawContext *ctx, double *lo, double *hi, gboolean stacked);

void
_kam_draw_value_ticks (KamDrawContext *ctx, const KamScale *scale, gboolean horizontal, double from, double to,
                  double at);

char *
_kam_draw_axis_label (KamDrawContext *ctx);

/* The plots, each drawn in the rectangle x, y, w, h. */
void _kam_draw_bars (KamDrawContext *ctx, double x, double y, double w, double h, gboolean stacked);
void _kam_draw_by_year (KamDrawContext *ctx, double x, double y, double w, double h, gboolean bars);

G_END_DECLS
