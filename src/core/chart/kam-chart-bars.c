/* kam-chart-bars.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Horizontal bars by country, one series or stacked: the destinations and gender charts. */

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include "kam-chart-draw-private.h"
#include "kam-number.h"

/* ---- horizontal bars: destinations and gender ---------------------------- */


/* The value of one part of a stacked bar (women, men) inside it, where it fits. */
static void
draw_segment_value (KamDrawContext *ctx, KamColor bar, double value, double x0, double x1, double cy, double bar_h)
{
  g_autofree char *number = _kam_draw_format_value (ctx, value, ctx->data->usd && value >= 1e6);
  g_autoptr (PangoLayout) l = _kam_draw_text_layout (ctx, number, 0.85, FALSE);
  double tw, th;
  KamColor white = { 1, 1, 1 }, black = { 0, 0, 0 };
  /* white on the darker bars, black on the lighter ones (dark styles) */
  KamColor on_bar = kam_color_contrast (white, bar) >= kam_color_contrast (black, bar) ? white : black;

  _kam_draw_text_size (l, &tw, &th);
  if (tw + 8 * ctx->unit > x1 - x0 || th > bar_h)
    return;
  _kam_draw_text (ctx, l, (x0 + x1) / 2, cy, 0.5, 0.5, on_bar);
}

void
_kam_draw_bars (KamDrawContext *ctx, double x, double y, double w, double h, gboolean stacked)
{
  GPtrArray *series = ctx->data->series;
  KamChartSeries *first = g_ptr_array_index (series, 0);
  guint n = first->points->len, shown;
  double label_w = 0, band, bar_h, lo, hi, axis_h, value_room;
  KamScale scale;
  g_autoptr (PangoLayout) probe = _kam_draw_text_layout (ctx, "0", 0.9, FALSE);
  KamScaleKind kind = stacked ? KAM_SCALE_LINEAR : ctx->data->scale;

  _kam_draw_text_size (probe, NULL, &axis_h);
  /* tick labels, then the axis label with the unit */
  axis_h = axis_h * 2 + 14 * ctx->unit;
  /* as many rows as fit, at least 16 px each */
  shown = MIN (n, (guint) MAX (1, (h - axis_h) / (16 * ctx->unit)));
  for (guint i = 0; i < shown; i++)
    {
      g_autoptr (PangoLayout) l = _kam_draw_text_layout (ctx, g_array_index (first->points, KamChartPoint, i).label, 1.0, FALSE);
      double lw;
      _kam_draw_text_size (l, &lw, NULL);
      label_w = MAX (label_w, lw);
    }
  label_w = MIN (label_w, w * 0.3);
  band = (h - axis_h) / MAX (shown, 1);
  bar_h = MIN (band * 0.68, 30 * ctx->unit);

  _kam_draw_value_range (ctx, &lo, &hi, stacked);
  /* room on the right for the value labels */
  {
    g_autofree char *widest = _kam_draw_format_value (ctx, hi, ctx->data->usd && hi >= 1e6);
    g_autoptr (PangoLayout) l = _kam_draw_text_layout (ctx, widest, 0.95, FALSE);
    _kam_draw_text_size (l, &value_room, NULL);
    value_room += 8 * ctx->unit;
  }
  scale.from = x + label_w + 10 * ctx->unit;
  scale.to = x + w - value_room;
  kam_scale_init (&scale, kind, lo, hi, MAX (2, (guint) ((scale.to - scale.from) / (70 * ctx->unit))));
  scale.from = x + label_w + 10 * ctx->unit;
  scale.to = x + w - value_room;
  _kam_draw_value_ticks (ctx, &scale, TRUE, y, y + h - axis_h, y + h - axis_h);
  {
    g_autofree char *axis = _kam_draw_axis_label (ctx);
    g_autoptr (PangoLayout) l = _kam_draw_text_layout (ctx, axis, 0.85, FALSE);
    _kam_draw_text (ctx, l, (scale.from + scale.to) / 2, y + h, 0.5, 1, ctx->style->muted);
  }

  for (guint i = 0; i < shown; i++)
    {
      double cy = y + band * i + band / 2, start = kam_scale_map (&scale, scale.min), end = start, total = 0;
      KamChartPoint *p0 = &g_array_index (first->points, KamChartPoint, i);
      g_autoptr (PangoLayout) name = _kam_draw_text_layout (ctx, p0->label, 1.0, FALSE);
      g_autofree char *value_text = NULL;
      g_autoptr (PangoLayout) value_layout = NULL;

      pango_layout_set_width (name, label_w * PANGO_SCALE);
      pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (name, PANGO_ALIGN_RIGHT);
      {
        double nh;
        _kam_draw_text_size (name, NULL, &nh);
        _kam_draw_set_color (ctx->cr, ctx->style->foreground);
        cairo_move_to (ctx->cr, x, cy - nh / 2);
        pango_cairo_show_layout (ctx->cr, name);
      }
      for (guint s = 0; s < series->len; s++)
        {
          KamChartSeries *ser = g_ptr_array_index (series, s);
          KamChartPoint *p = &g_array_index (ser->points, KamChartPoint, i);
          double v = p->value, x0, x1;

          if (!kam_value_is_known (v))
            continue;
          total += v;
          x0 = stacked ? end : start;
          x1 = kam_scale_map (&scale, stacked ? total : v);
          _kam_draw_set_color (ctx->cr, kam_palette_color (ctx->style, ser->color));
          cairo_rectangle (ctx->cr, x0, cy - bar_h / 2, MAX (x1 - x0, 1), bar_h);
          cairo_fill (ctx->cr);
          _kam_draw_add_region (ctx, x0, cy - bar_h / 2, MAX (x1 - x0, 1), bar_h, s, i);
          if (stacked && series->len > 1)
            draw_segment_value (ctx, kam_palette_color (ctx->style, ser->color), v, x0, x1, cy, bar_h);
          end = MAX (end, x1);
        }
      /* exact counts; only large amounts of money are shortened */
      {
        g_autofree char *number = _kam_draw_format_value (ctx, total, ctx->data->usd && total >= 1e6);
        value_text = _kam_draw_with_marks (ctx, number, i);
      }
      value_layout = _kam_draw_text_layout (ctx, value_text, 0.95, FALSE);
      _kam_draw_text (ctx, value_layout, end + 5 * ctx->unit, cy, 0, 0.5, ctx->style->foreground);
    }
  if (shown < n)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more", n - shown),
                                               n - shown);
      g_autoptr (PangoLayout) l = _kam_draw_text_layout (ctx, more, 0.9, FALSE);
      _kam_draw_text (ctx, l, x, y + h - axis_h + 4 * ctx->unit, 0, 0, ctx->style->muted);
    }
}
