/* kam-chart-share.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Share: the destinations as parts of one whole, a ring. */

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "kam-chart-build-private.h"
#include "kam-chart-draw-private.h"
#include "kam-number.h"

void
_kam_chart_build_share (KamChart *self, KamChartData *data)
{
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) _kam_chart_series_free);
  KamChartSeries *by_country = _kam_chart_values_by_country (self, data, data->indicator, data->year, 0);
  KamChartSeries *series = _kam_chart_series_new (_kam_chart_indicator_name (self->dataset, data->indicator), 0);
  double total = 0, other = 0;
  guint n_other = 0;

  g_ptr_array_add (all, by_country);
  for (guint i = 0; i < by_country->points->len; i++)
    total += g_array_index (by_country->points, KamChartPoint, i).value;
  /* shares under 2 % are grouped as "Other", when there are two or more of them */
  for (guint i = 0; i < by_country->points->len; i++)
    n_other += total > 0 && g_array_index (by_country->points, KamChartPoint, i).value / total < 0.02;
  if (n_other < 2)
    n_other = 0;
  for (guint i = 0; i < by_country->points->len; i++)
    {
      KamChartPoint *p = &g_array_index (by_country->points, KamChartPoint, i);
      double share = total > 0 ? p->value / total : 0;

      _kam_chart_note_source (data, p->source);
      if (n_other > 0 && share < 0.02)
        {
          other += p->value;
          continue;
        }
      _kam_chart_add_point (series, p->label, p->country, p->year, share, p->source, p->figure_id);
    }
  if (n_other > 0)
    _kam_chart_add_point (series, _("Other"), NULL, data->year, total > 0 ? other / total : 0, NULL, 0);
  data->total = total;
  data->percent = TRUE;
  g_ptr_array_add (data->series, series);
  /* Translators: chart title: an indicator, then a year */
  data->title = g_strdup_printf (_("%s: share by destination, %d"),
                                 _kam_chart_indicator_name (self->dataset, data->indicator), data->year);
}

/* ---- share: a ring ------------------------------------------------------- */

void
_kam_chart_draw_share (KamDrawContext *ctx, double x, double y, double w, double h)
{
  KamChartSeries *ser = g_ptr_array_index (ctx->data->series, 0);
  double legend_w = MIN (w * 0.45, 320 * ctx->unit);
  double r1 = MIN ((w - legend_w) / 2, h / 2) - 8 * ctx->unit, r0 = r1 * 0.55;
  double cx = x + (w - legend_w) / 2, cy = y + h / 2, angle = 0, ly;
  double row_h = 22 * ctx->unit;

  ly = cy - row_h * ser->points->len / 2;
  /* the whole the shares are of */
  if (ctx->data->total > 0)
    {
      g_autofree char *number = kam_number_format (ctx->data->total, 0);
      /* Translators: in the middle of the share chart's ring: the whole */
      g_autofree char *text = g_strdup_printf (_("Total\n%s"), number);
      g_autoptr (PangoLayout) l = _kam_draw_text_layout (ctx, text, 1.0, FALSE);

      pango_layout_set_alignment (l, PANGO_ALIGN_CENTER);
      _kam_draw_text (ctx, l, cx, cy, 0.5, 0.5, ctx->style->foreground);
    }
  for (guint k = 0; k < ser->points->len; k++)
    {
      KamChartPoint *p = &g_array_index (ser->points, KamChartPoint, k);
      KamColor color = kam_palette_color (ctx->style, k);
      double a1 = angle + p->value * 2 * G_PI;
      KamChartRegion region = { 0, 0, 0, 0, 0, k, TRUE, cx, cy, r0, r1, angle, a1 };
      g_autofree char *pct = _kam_draw_format_value (ctx, p->value, FALSE);
      g_autofree char *text = g_strdup_printf ("%s  %s", p->label, pct);
      g_autoptr (PangoLayout) l = _kam_draw_text_layout (ctx, text, 1.0, FALSE);

      /* slices from 12 o'clock, clockwise */
      _kam_draw_set_color (ctx->cr, color);
      cairo_new_path (ctx->cr);
      cairo_arc (ctx->cr, cx, cy, r1, angle - G_PI / 2, a1 - G_PI / 2);
      cairo_arc_negative (ctx->cr, cx, cy, r0, a1 - G_PI / 2, angle - G_PI / 2);
      cairo_close_path (ctx->cr);
      cairo_fill_preserve (ctx->cr);
      if (ctx->style->transparent)
        cairo_new_path (ctx->cr);
      else
        {
          _kam_draw_set_color (ctx->cr, ctx->style->background);
          cairo_set_line_width (ctx->cr, 1.5 * ctx->unit);
          cairo_stroke (ctx->cr);
        }
      if (ctx->regions != NULL)
        g_array_append_val (ctx->regions, region);
      angle = a1;

      /* legend row */
      _kam_draw_set_color (ctx->cr, color);
      cairo_rectangle (ctx->cr, x + w - legend_w, ly + k * row_h + 4 * ctx->unit, 12 * ctx->unit, 12 * ctx->unit);
      cairo_fill (ctx->cr);
      pango_layout_set_width (l, (legend_w - 20 * ctx->unit) * PANGO_SCALE);
      pango_layout_set_ellipsize (l, PANGO_ELLIPSIZE_MIDDLE);
      _kam_draw_text (ctx, l, x + w - legend_w + 20 * ctx->unit, ly + k * row_h, 0, 0, ctx->style->foreground);
      _kam_draw_add_region (ctx, x + w - legend_w, ly + k * row_h, legend_w, row_h, 0, k);
    }
}
