/* kam-chart-years.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Lines or bars across the years: the trend, remittances and quota charts. */

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include "kam-chart-draw-private.h"
#include "kam-number.h"

/* ---- by year: trend, remittances, quota ------------------------------------ */

static void
year_range (KamDrawContext *ctx, int *lo, int *hi)
{
  *lo = G_MAXINT;
  *hi = G_MININT;
  for (guint i = 0; i < ctx->data->series->len; i++)
    {
      KamChartSeries *s = g_ptr_array_index (ctx->data->series, i);
      for (guint k = 0; k < s->points->len; k++)
        {
          int y = g_array_index (s->points, KamChartPoint, k).year;
          *lo = MIN (*lo, y);
          *hi = MAX (*hi, y);
        }
    }
}

/* A planned increase is not a level: a light bar with a dashed outline and
 * its value as "+8,000" above it (the path is the bar's rectangle). */
static void
draw_increment (KamDrawContext *ctx, KamColor color, double x, double y, double w, double h, double value)
{
  g_autofree char *number = kam_number_format (value, 0);
  /* Translators: a planned increase over a bar, e.g. +8,000 */
  g_autofree char *text = g_strdup_printf (_("+%s"), number);
  g_autoptr (PangoLayout) l = _kam_draw_text_layout (ctx, text, 0.95, TRUE);
  double dash[] = { 5 * ctx->unit, 3 * ctx->unit };

  cairo_save (ctx->cr);
  cairo_set_source_rgba (ctx->cr, color.r, color.g, color.b, 0.25);
  cairo_fill_preserve (ctx->cr);
  _kam_draw_set_color (ctx->cr, color);
  cairo_set_line_width (ctx->cr, 2 * ctx->unit);
  cairo_set_dash (ctx->cr, dash, 2, 0);
  cairo_stroke (ctx->cr);
  cairo_restore (ctx->cr);
  _kam_draw_text (ctx, l, x + w / 2, y - 3 * ctx->unit, 0.5, 1, ctx->style->foreground);
  (void) h;
}

void
_kam_draw_by_year (KamDrawContext *ctx, double x, double y, double w, double h, gboolean bars)
{
  GPtrArray *series = ctx->data->series;
  int y0, y1, n_years, step = 1;
  double lo, hi, axis_w = 0, axis_h, left, right, slot, year_w;
  KamScale scale;
  g_autoptr (PangoLayout) probe = _kam_draw_text_layout (ctx, "2024", 0.9, FALSE);

  year_range (ctx, &y0, &y1);
  n_years = y1 - y0 + 1;
  _kam_draw_text_size (probe, &year_w, &axis_h);
  axis_h += 8 * ctx->unit;
  _kam_draw_value_range (ctx, &lo, &hi, FALSE);
  scale.from = y + h - axis_h;
  scale.to = y + 6 * ctx->unit;
  kam_scale_init (&scale, ctx->data->scale, lo, hi,
                  MAX (2, (guint) ((scale.from - scale.to) / (40 * ctx->unit))));
  for (guint i = 0; i < scale.n_ticks; i++)
    {
      g_autofree char *text = _kam_draw_format_value (ctx, scale.ticks[i], TRUE);
      g_autoptr (PangoLayout) l = _kam_draw_text_layout (ctx, text, 0.9, FALSE);
      double tw;
      _kam_draw_text_size (l, &tw, NULL);
      axis_w = MAX (axis_w, tw);
    }
  left = x + axis_w + 12 * ctx->unit;
  right = x + w - 8 * ctx->unit;
  scale.from = y + h - axis_h;
  scale.to = y + 6 * ctx->unit;
  _kam_draw_value_ticks (ctx, &scale, FALSE, left, right, left);

  slot = (right - left) / n_years;
  /* year labels: every 1, 2, 5, 10 ... years so that they do not touch */
  while (step * slot < year_w + 8 * ctx->unit)
    step = step == 1 ? 2 : step == 2 ? 5 : step * 2;
  for (int yr = y0; yr <= y1; yr++)
    {
      char text[16];
      g_autoptr (PangoLayout) l = NULL;

      if ((yr - y0) % step != 0 && !(yr % step == 0 && step > 1))
        continue;
      if (step > 1 && yr % step != 0)
        continue;
      g_snprintf (text, sizeof text, "%d", yr);
      l = _kam_draw_text_layout (ctx, text, 0.9, FALSE);
      _kam_draw_text (ctx, l, left + slot * (yr - y0 + 0.5), y + h - axis_h + 4 * ctx->unit, 0.5, 0, ctx->style->muted);
    }

  /* agreements on the time axis */
  for (guint i = 0; i < ctx->data->markers->len; i++)
    {
      KamChartMarker *m = g_ptr_array_index (ctx->data->markers, i);
      double mx = left + slot * (m->year - y0 + 0.5);
      g_autoptr (PangoLayout) l = NULL;
      double dash[] = { 4 * ctx->unit, 3 * ctx->unit };

      if (m->year < y0 || m->year > y1)
        continue;
      _kam_draw_set_color (ctx->cr, ctx->style->muted);
      cairo_set_line_width (ctx->cr, 1);
      cairo_set_dash (ctx->cr, dash, 2, 0);
      cairo_move_to (ctx->cr, round (mx) + 0.5, scale.to);
      cairo_line_to (ctx->cr, round (mx) + 0.5, scale.from);
      cairo_stroke (ctx->cr);
      cairo_set_dash (ctx->cr, NULL, 0, 0);
      l = _kam_draw_text_layout (ctx, m->title, 0.8, FALSE);
      pango_layout_set_width (l, MAX (slot * 3, 90 * ctx->unit) * PANGO_SCALE);
      pango_layout_set_ellipsize (l, PANGO_ELLIPSIZE_END);
      _kam_draw_text (ctx, l, mx + 3 * ctx->unit, scale.to + (i % 3) * 14 * ctx->unit, 0, 0, ctx->style->muted);
    }

  for (guint s = 0; s < series->len; s++)
    {
      KamChartSeries *ser = g_ptr_array_index (series, s);
      KamColor color = kam_palette_color (ctx->style, ser->color);
      double bar_w = slot * 0.7 / (bars ? series->len : 1);
      gboolean pen_down = FALSE;
      int last_year = 0;

      _kam_draw_set_color (ctx->cr, color);
      cairo_new_path (ctx->cr);
      cairo_set_line_width (ctx->cr, 2.5 * ctx->unit);
      cairo_set_line_join (ctx->cr, CAIRO_LINE_JOIN_ROUND);
      for (guint k = 0; k < ser->points->len; k++)
        {
          KamChartPoint *p = &g_array_index (ser->points, KamChartPoint, k);
          double cx = left + slot * (p->year - y0 + 0.5), py;

          if (!kam_value_is_known (p->value))
            {
              pen_down = FALSE;
              continue;
            }
          py = kam_scale_map (&scale, p->value);
          if (bars)
            {
              double bx = cx - slot * 0.35 + bar_w * s;
              double base = kam_scale_map (&scale, scale.min);

              if (ser->increment && p->base > 0)
                {
                  /* on top of the level it adds to: that level drawn faint
                   * under it, so the bar reads as workers plus the intake */
                  base = kam_scale_map (&scale, p->base);
                  py = kam_scale_map (&scale, p->base + p->value);
                  _kam_draw_set_color (ctx->cr, kam_palette_color (ctx->style, 0));
                  cairo_save (ctx->cr);
                  cairo_rectangle (ctx->cr, bx, base, bar_w, MAX (kam_scale_map (&scale, scale.min) - base, 1));
                  cairo_clip (ctx->cr);
                  cairo_paint_with_alpha (ctx->cr, 0.3);
                  cairo_restore (ctx->cr);
                  _kam_draw_set_color (ctx->cr, color);
                }
              cairo_rectangle (ctx->cr, bx, py, bar_w, MAX (base - py, 1));
              if (ser->increment)
                draw_increment (ctx, color, bx, py, bar_w, MAX (base - py, 1), p->value);
              else
                cairo_fill (ctx->cr);
              _kam_draw_add_region (ctx, bx, py, bar_w, MAX (base - py, 1), s, k);
              if (p->qualifier != KAM_QUALIFIER_EXACT && !ser->increment)
                {
                  /* the mark above a qualified bar, as on the trend's points */
                  g_autoptr (PangoLayout) l = _kam_draw_text_layout (ctx, kam_qualifier_get_mark (p->qualifier), 0.9, TRUE);

                  _kam_draw_text (ctx, l, bx + bar_w / 2, py - 2 * ctx->unit, 0.5, 1, ctx->style->foreground);
                  _kam_draw_set_color (ctx->cr, color);
                }
              continue;
            }
          /* a line only joins consecutive years: a missing or unknown year is a gap */
          if (pen_down && p->year == last_year + 1)
            cairo_line_to (ctx->cr, cx, py);
          else
            {
              cairo_stroke (ctx->cr);
              cairo_move_to (ctx->cr, cx, py);
            }
          pen_down = TRUE;
          last_year = p->year;
        }
      if (!bars)
        {
          cairo_stroke (ctx->cr);
          for (guint k = 0; k < ser->points->len; k++)
            {
              KamChartPoint *p = &g_array_index (ser->points, KamChartPoint, k);
              double cx = left + slot * (p->year - y0 + 0.5), py, r = 3.5 * ctx->unit;

              if (!kam_value_is_known (p->value))
                continue;
              py = kam_scale_map (&scale, p->value);
              cairo_arc (ctx->cr, cx, py, r, 0, 2 * G_PI);
              cairo_fill (ctx->cr);
              _kam_draw_add_region (ctx, cx - 3 * r, py - 3 * r, 6 * r, 6 * r, s, k);
              if (p->qualifier != KAM_QUALIFIER_EXACT)
                {
                  /* the mark above a qualified value: ≈, ≥ ... */
                  g_autoptr (PangoLayout) l = _kam_draw_text_layout (ctx, kam_qualifier_get_mark (p->qualifier),
                                                           0.9, TRUE);
                  _kam_draw_text (ctx, l, cx, py - 2 * r, 0.5, 1, color);
                  _kam_draw_set_color (ctx->cr, color);
                }
            }
        }
    }
  /* the axis label, above the value axis */
  {
    g_autofree char *axis = _kam_draw_axis_label (ctx);
    g_autoptr (PangoLayout) l = _kam_draw_text_layout (ctx, axis, 0.85, FALSE);
    _kam_draw_text (ctx, l, x, y - 2 * ctx->unit, 0, 1, ctx->style->muted);
  }
}
