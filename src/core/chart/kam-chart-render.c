/* kam-chart-render.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Draws a chart on any Cairo surface: the screen, PNG, PDF and SVG alike. All
 * text goes through Pango, so Khmer is shaped. Every bar, point and slice
 * drawn is recorded as a region for kam_chart_layout_hit(). */

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>
#include "kam-chart-kinds.h"
#include "kam-chart-private.h"
#include "kam-number.h"
#include "kam-scale.h"

typedef struct
{
  cairo_t *cr;
  const KamChartStyle *style;
  KamChartData *data;
  GArray *regions;
  double unit; /* one "point" of the style's font size, in pixels */
  /* every text's: one context for the whole chart, not one per text */
  PangoContext *pango;
  PangoFontDescription *font;
} Ctx;

static void
set_color (cairo_t *cr, KamColor c)
{
  cairo_set_source_rgb (cr, c.r, c.g, c.b);
}

static PangoLayout *
text_layout (Ctx *ctx, const char *text, double scale, gboolean bold)
{
  PangoLayout *layout = pango_layout_new (ctx->pango);
  PangoFontDescription *font = pango_font_description_copy_static (ctx->font);

  /* text grows and shrinks with the picture; on screen, not below a size
   * that can be read (defect 9: 7 px in a window of 800 x 600) */
  pango_font_description_set_absolute_size (
    font, MAX (ctx->style->font_size * ctx->unit, ctx->style->min_text_px) * scale * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  {
    /* titles, axes and values in the numerals of the preference */
    g_autofree char *shown = kam_number_localize (text);
    pango_layout_set_text (layout, shown, -1);
  }
  return layout;
}

static void
text_size (PangoLayout *layout, double *width, double *height)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (width)
    *width = w;
  if (height)
    *height = h;
}

/* Draws text with its anchor at (x, y): xalign and yalign 0 = left/top, 1 = right/bottom. */
static void
draw_text (Ctx *ctx, PangoLayout *layout, double x, double y, double xalign, double yalign,
           KamColor color)
{
  double w, h;

  text_size (layout, &w, &h);
  set_color (ctx->cr, color);
  cairo_move_to (ctx->cr, x - w * xalign, y - h * yalign);
  pango_cairo_show_layout (ctx->cr, layout);
}

static void
add_region (Ctx *ctx, double x, double y, double w, double h, guint series, guint index)
{
  KamChartRegion r = { x, y, w, h, series, index, FALSE };

  if (ctx->regions != NULL)
    g_array_append_val (ctx->regions, r);
}

static char *
format_value (Ctx *ctx, double value, gboolean compact)
{
  if (ctx->data->percent)
    return kam_number_format_share (value);
  if (compact)
    return kam_number_format_compact (value, ctx->data->usd);
  return kam_number_format (value, 0);
}

/* A bar's value with the marks of the figures behind it: "≈ 45,000", "≥ 1,300,000". */
static char *
with_marks (Ctx *ctx, const char *number, guint index)
{
  KamQualifier q = KAM_QUALIFIER_EXACT;

  for (guint s = 0; s < ctx->data->series->len; s++)
    {
      KamChartSeries *ser = g_ptr_array_index (ctx->data->series, s);
      KamChartPoint *p = &g_array_index (ser->points, KamChartPoint, index);

      if (index < ser->points->len && kam_value_is_known (p->value) && p->qualifier != KAM_QUALIFIER_EXACT)
        q = p->qualifier;
    }
  return kam_qualifier_mark_text (q, number);
}

/* ---- frame: title, legend, footnote -------------------------------------- */

static double
draw_wrapped (Ctx *ctx, const char *text, double x, double y, double width, double scale,
              gboolean bold, KamColor color)
{
  g_autoptr (PangoLayout) layout = text_layout (ctx, text, scale, bold);
  double h;

  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  text_size (layout, NULL, &h);
  draw_text (ctx, layout, x, y, 0, 0, color);
  return h;
}

static double
measure_wrapped (Ctx *ctx, const char *text, double width, double scale)
{
  g_autoptr (PangoLayout) layout = text_layout (ctx, text, scale, FALSE);
  double h;

  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  text_size (layout, NULL, &h);
  return h;
}

static char *
footnote_text (Ctx *ctx)
{
  g_autoptr (GString) text = g_string_new (NULL);
  GPtrArray *sources = ctx->data->sources;

  g_autoptr (GString) marks = g_string_new (NULL);

  /* a line that explains the marks on the values */
  for (guint q = 1; q < KAM_N_QUALIFIERS; q++)
    if (ctx->data->marks & (1u << q))
      {
        const char *what = q == KAM_QUALIFIER_APPROXIMATE   ? _("approximate")
                           : q == KAM_QUALIFIER_LOWER_BOUND ? _("more than (a lower bound)")
                           : q == KAM_QUALIFIER_UPPER_BOUND ? _("up to (an upper bound)")
                           : q == KAM_QUALIFIER_ESTIMATE    ? _("estimate")
                                                            : _("provisional");
        g_string_append_printf (marks, "%s%s %s", marks->len ? "; " : "", kam_qualifier_get_mark (q),
                                what);
      }
  if (sources->len == 0)
    return marks->len ? g_strdup_printf ("%s.", marks->str) : NULL;
  for (guint i = 0; i < sources->len; i++)
    {
      g_string_append_printf (text, "%s%s", i ? "; " : "", (char *) g_ptr_array_index (ctx->data->source_labels, i));
    }
  {
    g_autofree char *cited = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Source: %s.", "Sources: %s.",
                                                           sources->len),
                                              text->str);
    if (marks->len == 0)
      return g_steal_pointer (&cited);
    /* Translators: the marks on values (≈ approximate ...), then the sources */
    return g_strdup_printf (_("%s. %s"), marks->str, cited);
  }
}

/* Swatches and names of the series, wrapped to the width; returns its height. */
static double
draw_legend (Ctx *ctx, double x, double y, double width, gboolean draw)
{
  GPtrArray *series = ctx->data->series;
  double cx = x, cy = y, row_h = 0, sw = 10 * ctx->unit, gap = 14 * ctx->unit;

  for (guint i = 0; i < series->len; i++)
    {
      KamChartSeries *s = g_ptr_array_index (series, i);
      g_autoptr (PangoLayout) layout = text_layout (ctx, s->name, 1.0, FALSE);
      double w, h;

      pango_layout_set_width (layout, MAX (width - sw - 6 * ctx->unit, 10) * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      text_size (layout, &w, &h);
      if (cx > x && cx + sw + 6 * ctx->unit + w > x + width)
        {
          cx = x;
          cy += row_h + 4 * ctx->unit;
          row_h = 0;
        }
      if (draw)
        {
          set_color (ctx->cr, kam_palette_color (ctx->style, s->color));
          if (s->increment)
            {
              /* an increase: outlined, as its bars are */
              cairo_set_line_width (ctx->cr, 1.5 * ctx->unit);
              cairo_rectangle (ctx->cr, cx + 0.75 * ctx->unit, cy + (h - sw) / 2 + 0.75 * ctx->unit,
                               sw - 1.5 * ctx->unit, sw - 1.5 * ctx->unit);
              cairo_stroke (ctx->cr);
            }
          else
            {
              cairo_rectangle (ctx->cr, cx, cy + (h - sw) / 2, sw, sw);
              cairo_fill (ctx->cr);
            }
          draw_text (ctx, layout, cx + sw + 6 * ctx->unit, cy, 0, 0, ctx->style->foreground);
        }
      cx += sw + 6 * ctx->unit + w + gap;
      row_h = MAX (row_h, h);
    }
  return cy - y + row_h;
}

static void
draw_empty (Ctx *ctx, double x, double y, double w, double h)
{
  g_autoptr (PangoLayout) layout = text_layout (ctx, _("No figures to draw for these settings."), 1.1, FALSE);

  draw_text (ctx, layout, x + w / 2, y + h / 2, 0.5, 0.5, ctx->style->muted);
}

/* ---- value axis ------------------------------------------------------------ */

static void
value_range (Ctx *ctx, double *lo, double *hi, gboolean stacked)
{
  GPtrArray *series = ctx->data->series;

  *lo = G_MAXDOUBLE;
  *hi = 0;
  if (stacked && series->len > 0)
    {
      KamChartSeries *first = g_ptr_array_index (series, 0);
      for (guint k = 0; k < first->points->len; k++)
        {
          double sum = 0;
          for (guint i = 0; i < series->len; i++)
            {
              KamChartSeries *s = g_ptr_array_index (series, i);
              double v = g_array_index (s->points, KamChartPoint, k).value;
              if (kam_value_is_known (v))
                sum += v;
            }
          *hi = MAX (*hi, sum);
          *lo = MIN (*lo, sum > 0 ? sum : *lo);
        }
      return;
    }
  for (guint i = 0; i < series->len; i++)
    {
      KamChartSeries *s = g_ptr_array_index (series, i);
      for (guint k = 0; k < s->points->len; k++)
        {
          double v = g_array_index (s->points, KamChartPoint, k).value;
          if (!kam_value_is_known (v))
            continue;
          *hi = MAX (*hi, v + g_array_index (s->points, KamChartPoint, k).base);
          if (v > 0)
            *lo = MIN (*lo, v);
        }
    }
  if (*lo == G_MAXDOUBLE)
    *lo = 1;
}

/* Tick labels along a value axis, thinned when they would touch. */
static void
draw_value_ticks (Ctx *ctx, const KamScale *scale, gboolean horizontal, double from, double to,
                  double at)
{
  double last_end = -G_MAXDOUBLE;

  for (guint i = 0; i < scale->n_ticks; i++)
    {
      double pos = kam_scale_map (scale, scale->ticks[i]);
      g_autofree char *text = format_value (ctx, scale->ticks[i], TRUE);
      g_autoptr (PangoLayout) layout = text_layout (ctx, text, 0.9, FALSE);
      double w, h;

      text_size (layout, &w, &h);
      /* grid line */
      set_color (ctx->cr, ctx->style->grid);
      cairo_set_line_width (ctx->cr, 1);
      if (horizontal)
        {
          cairo_move_to (ctx->cr, round (pos) + 0.5, from);
          cairo_line_to (ctx->cr, round (pos) + 0.5, to);
          cairo_stroke (ctx->cr);
          if (pos - w / 2 > last_end + 4 * ctx->unit)
            {
              draw_text (ctx, layout, pos, at + 4 * ctx->unit, 0.5, 0, ctx->style->muted);
              last_end = pos + w / 2;
            }
        }
      else
        {
          cairo_move_to (ctx->cr, from, round (pos) + 0.5);
          cairo_line_to (ctx->cr, to, round (pos) + 0.5);
          cairo_stroke (ctx->cr);
          /* vertical axis: positions go up, so compare with the previous label's top */
          if (last_end == -G_MAXDOUBLE || pos + h / 2 < last_end - 2 * ctx->unit)
            {
              draw_text (ctx, layout, at - 6 * ctx->unit, pos, 1, 0.5, ctx->style->muted);
              last_end = pos - h / 2;
            }
        }
    }
}

/* ---- horizontal bars: destinations and gender ---------------------------- */

/* The unit, and whether the scale is logarithmic: a reader must know. */
static char *
axis_label (Ctx *ctx)
{
  if (ctx->data->scale != KAM_SCALE_LOG)
    return g_strdup (ctx->data->axis_label);
  /* Translators: an axis label: the unit, then the kind of scale */
  return g_strdup_printf (_("%s, logarithmic scale"), ctx->data->axis_label);
}

/* The value of one part of a stacked bar (women, men) inside it, where it fits. */
static void
draw_segment_value (Ctx *ctx, KamColor bar, double value, double x0, double x1, double cy, double bar_h)
{
  g_autofree char *number = format_value (ctx, value, ctx->data->usd && value >= 1e6);
  g_autoptr (PangoLayout) l = text_layout (ctx, number, 0.85, FALSE);
  double tw, th;
  KamColor white = { 1, 1, 1 }, black = { 0, 0, 0 };
  /* white on the darker bars, black on the lighter ones (dark styles) */
  KamColor on_bar = kam_color_contrast (white, bar) >= kam_color_contrast (black, bar) ? white : black;

  text_size (l, &tw, &th);
  if (tw + 8 * ctx->unit > x1 - x0 || th > bar_h)
    return;
  draw_text (ctx, l, (x0 + x1) / 2, cy, 0.5, 0.5, on_bar);
}

static void
draw_bars_by_country (Ctx *ctx, double x, double y, double w, double h, gboolean stacked)
{
  GPtrArray *series = ctx->data->series;
  KamChartSeries *first = g_ptr_array_index (series, 0);
  guint n = first->points->len, shown;
  double label_w = 0, band, bar_h, lo, hi, axis_h, value_room;
  KamScale scale;
  g_autoptr (PangoLayout) probe = text_layout (ctx, "0", 0.9, FALSE);
  KamScaleKind kind = stacked ? KAM_SCALE_LINEAR : ctx->data->scale;

  text_size (probe, NULL, &axis_h);
  /* tick labels, then the axis label with the unit */
  axis_h = axis_h * 2 + 14 * ctx->unit;
  /* as many rows as fit, at least 16 px each */
  shown = MIN (n, (guint) MAX (1, (h - axis_h) / (16 * ctx->unit)));
  for (guint i = 0; i < shown; i++)
    {
      g_autoptr (PangoLayout) l = text_layout (ctx, g_array_index (first->points, KamChartPoint, i).label, 1.0, FALSE);
      double lw;
      text_size (l, &lw, NULL);
      label_w = MAX (label_w, lw);
    }
  label_w = MIN (label_w, w * 0.3);
  band = (h - axis_h) / MAX (shown, 1);
  bar_h = MIN (band * 0.68, 30 * ctx->unit);

  value_range (ctx, &lo, &hi, stacked);
  /* room on the right for the value labels */
  {
    g_autofree char *widest = format_value (ctx, hi, ctx->data->usd && hi >= 1e6);
    g_autoptr (PangoLayout) l = text_layout (ctx, widest, 0.95, FALSE);
    text_size (l, &value_room, NULL);
    value_room += 8 * ctx->unit;
  }
  scale.from = x + label_w + 10 * ctx->unit;
  scale.to = x + w - value_room;
  kam_scale_init (&scale, kind, lo, hi, MAX (2, (guint) ((scale.to - scale.from) / (70 * ctx->unit))));
  scale.from = x + label_w + 10 * ctx->unit;
  scale.to = x + w - value_room;
  draw_value_ticks (ctx, &scale, TRUE, y, y + h - axis_h, y + h - axis_h);
  {
    g_autofree char *axis = axis_label (ctx);
    g_autoptr (PangoLayout) l = text_layout (ctx, axis, 0.85, FALSE);
    draw_text (ctx, l, (scale.from + scale.to) / 2, y + h, 0.5, 1, ctx->style->muted);
  }

  for (guint i = 0; i < shown; i++)
    {
      double cy = y + band * i + band / 2, start = kam_scale_map (&scale, scale.min), end = start, total = 0;
      KamChartPoint *p0 = &g_array_index (first->points, KamChartPoint, i);
      g_autoptr (PangoLayout) name = text_layout (ctx, p0->label, 1.0, FALSE);
      g_autofree char *value_text = NULL;
      g_autoptr (PangoLayout) value_layout = NULL;

      pango_layout_set_width (name, label_w * PANGO_SCALE);
      pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (name, PANGO_ALIGN_RIGHT);
      {
        double nh;
        text_size (name, NULL, &nh);
        set_color (ctx->cr, ctx->style->foreground);
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
          set_color (ctx->cr, kam_palette_color (ctx->style, ser->color));
          cairo_rectangle (ctx->cr, x0, cy - bar_h / 2, MAX (x1 - x0, 1), bar_h);
          cairo_fill (ctx->cr);
          add_region (ctx, x0, cy - bar_h / 2, MAX (x1 - x0, 1), bar_h, s, i);
          if (stacked && series->len > 1)
            draw_segment_value (ctx, kam_palette_color (ctx->style, ser->color), v, x0, x1, cy, bar_h);
          end = MAX (end, x1);
        }
      /* exact counts; only large amounts of money are shortened */
      {
        g_autofree char *number = format_value (ctx, total, ctx->data->usd && total >= 1e6);
        value_text = with_marks (ctx, number, i);
      }
      value_layout = text_layout (ctx, value_text, 0.95, FALSE);
      draw_text (ctx, value_layout, end + 5 * ctx->unit, cy, 0, 0.5, ctx->style->foreground);
    }
  if (shown < n)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more", n - shown),
                                               n - shown);
      g_autoptr (PangoLayout) l = text_layout (ctx, more, 0.9, FALSE);
      draw_text (ctx, l, x, y + h - axis_h + 4 * ctx->unit, 0, 0, ctx->style->muted);
    }
}

/* ---- by year: trend, remittances, quota ------------------------------------ */

static void
year_range (Ctx *ctx, int *lo, int *hi)
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
draw_increment (Ctx *ctx, KamColor color, double x, double y, double w, double h, double value)
{
  g_autofree char *number = kam_number_format (value, 0);
  /* Translators: a planned increase over a bar, e.g. +8,000 */
  g_autofree char *text = g_strdup_printf (_("+%s"), number);
  g_autoptr (PangoLayout) l = text_layout (ctx, text, 0.95, TRUE);
  double dash[] = { 5 * ctx->unit, 3 * ctx->unit };

  cairo_save (ctx->cr);
  cairo_set_source_rgba (ctx->cr, color.r, color.g, color.b, 0.25);
  cairo_fill_preserve (ctx->cr);
  set_color (ctx->cr, color);
  cairo_set_line_width (ctx->cr, 2 * ctx->unit);
  cairo_set_dash (ctx->cr, dash, 2, 0);
  cairo_stroke (ctx->cr);
  cairo_restore (ctx->cr);
  draw_text (ctx, l, x + w / 2, y - 3 * ctx->unit, 0.5, 1, ctx->style->foreground);
  (void) h;
}

static void
draw_by_year (Ctx *ctx, double x, double y, double w, double h, gboolean bars)
{
  GPtrArray *series = ctx->data->series;
  int y0, y1, n_years, step = 1;
  double lo, hi, axis_w = 0, axis_h, left, right, slot, year_w;
  KamScale scale;
  g_autoptr (PangoLayout) probe = text_layout (ctx, "2024", 0.9, FALSE);

  year_range (ctx, &y0, &y1);
  n_years = y1 - y0 + 1;
  text_size (probe, &year_w, &axis_h);
  axis_h += 8 * ctx->unit;
  value_range (ctx, &lo, &hi, FALSE);
  scale.from = y + h - axis_h;
  scale.to = y + 6 * ctx->unit;
  kam_scale_init (&scale, ctx->data->scale, lo, hi,
                  MAX (2, (guint) ((scale.from - scale.to) / (40 * ctx->unit))));
  for (guint i = 0; i < scale.n_ticks; i++)
    {
      g_autofree char *text = format_value (ctx, scale.ticks[i], TRUE);
      g_autoptr (PangoLayout) l = text_layout (ctx, text, 0.9, FALSE);
      double tw;
      text_size (l, &tw, NULL);
      axis_w = MAX (axis_w, tw);
    }
  left = x + axis_w + 12 * ctx->unit;
  right = x + w - 8 * ctx->unit;
  scale.from = y + h - axis_h;
  scale.to = y + 6 * ctx->unit;
  draw_value_ticks (ctx, &scale, FALSE, left, right, left);

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
      l = text_layout (ctx, text, 0.9, FALSE);
      draw_text (ctx, l, left + slot * (yr - y0 + 0.5), y + h - axis_h + 4 * ctx->unit, 0.5, 0, ctx->style->muted);
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
      set_color (ctx->cr, ctx->style->muted);
      cairo_set_line_width (ctx->cr, 1);
      cairo_set_dash (ctx->cr, dash, 2, 0);
      cairo_move_to (ctx->cr, round (mx) + 0.5, scale.to);
      cairo_line_to (ctx->cr, round (mx) + 0.5, scale.from);
      cairo_stroke (ctx->cr);
      cairo_set_dash (ctx->cr, NULL, 0, 0);
      l = text_layout (ctx, m->title, 0.8, FALSE);
      pango_layout_set_width (l, MAX (slot * 3, 90 * ctx->unit) * PANGO_SCALE);
      pango_layout_set_ellipsize (l, PANGO_ELLIPSIZE_END);
      draw_text (ctx, l, mx + 3 * ctx->unit, scale.to + (i % 3) * 14 * ctx->unit, 0, 0, ctx->style->muted);
    }

  for (guint s = 0; s < series->len; s++)
    {
      KamChartSeries *ser = g_ptr_array_index (series, s);
      KamColor color = kam_palette_color (ctx->style, ser->color);
      double bar_w = slot * 0.7 / (bars ? series->len : 1);
      gboolean pen_down = FALSE;
      int last_year = 0;

      set_color (ctx->cr, color);
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
                  set_color (ctx->cr, kam_palette_color (ctx->style, 0));
                  cairo_save (ctx->cr);
                  cairo_rectangle (ctx->cr, bx, base, bar_w, MAX (kam_scale_map (&scale, scale.min) - base, 1));
                  cairo_clip (ctx->cr);
                  cairo_paint_with_alpha (ctx->cr, 0.3);
                  cairo_restore (ctx->cr);
                  set_color (ctx->cr, color);
                }
              cairo_rectangle (ctx->cr, bx, py, bar_w, MAX (base - py, 1));
              if (ser->increment)
                draw_increment (ctx, color, bx, py, bar_w, MAX (base - py, 1), p->value);
              else
                cairo_fill (ctx->cr);
              add_region (ctx, bx, py, bar_w, MAX (base - py, 1), s, k);
              if (p->qualifier != KAM_QUALIFIER_EXACT && !ser->increment)
                {
                  /* the mark above a qualified bar, as on the trend's points */
                  g_autoptr (PangoLayout) l = text_layout (ctx, kam_qualifier_get_mark (p->qualifier), 0.9, TRUE);

                  draw_text (ctx, l, bx + bar_w / 2, py - 2 * ctx->unit, 0.5, 1, ctx->style->foreground);
                  set_color (ctx->cr, color);
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
              add_region (ctx, cx - 3 * r, py - 3 * r, 6 * r, 6 * r, s, k);
              if (p->qualifier != KAM_QUALIFIER_EXACT)
                {
                  /* the mark above a qualified value: ≈, ≥ ... */
                  g_autoptr (PangoLayout) l = text_layout (ctx, kam_qualifier_get_mark (p->qualifier),
                                                           0.9, TRUE);
                  draw_text (ctx, l, cx, py - 2 * r, 0.5, 1, color);
                  set_color (ctx->cr, color);
                }
            }
        }
    }
  /* the axis label, above the value axis */
  {
    g_autofree char *axis = axis_label (ctx);
    g_autoptr (PangoLayout) l = text_layout (ctx, axis, 0.85, FALSE);
    draw_text (ctx, l, x, y - 2 * ctx->unit, 0, 1, ctx->style->muted);
  }
}

/* ---- share: a ring ------------------------------------------------------- */

static void
draw_share (Ctx *ctx, double x, double y, double w, double h)
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
      g_autoptr (PangoLayout) l = text_layout (ctx, text, 1.0, FALSE);

      pango_layout_set_alignment (l, PANGO_ALIGN_CENTER);
      draw_text (ctx, l, cx, cy, 0.5, 0.5, ctx->style->foreground);
    }
  for (guint k = 0; k < ser->points->len; k++)
    {
      KamChartPoint *p = &g_array_index (ser->points, KamChartPoint, k);
      KamColor color = kam_palette_color (ctx->style, k);
      double a1 = angle + p->value * 2 * G_PI;
      KamChartRegion region = { 0, 0, 0, 0, 0, k, TRUE, cx, cy, r0, r1, angle, a1 };
      g_autofree char *pct = format_value (ctx, p->value, FALSE);
      g_autofree char *text = g_strdup_printf ("%s  %s", p->label, pct);
      g_autoptr (PangoLayout) l = text_layout (ctx, text, 1.0, FALSE);

      /* slices from 12 o'clock, clockwise */
      set_color (ctx->cr, color);
      cairo_new_path (ctx->cr);
      cairo_arc (ctx->cr, cx, cy, r1, angle - G_PI / 2, a1 - G_PI / 2);
      cairo_arc_negative (ctx->cr, cx, cy, r0, a1 - G_PI / 2, angle - G_PI / 2);
      cairo_close_path (ctx->cr);
      cairo_fill_preserve (ctx->cr);
      if (ctx->style->transparent)
        cairo_new_path (ctx->cr);
      else
        {
          set_color (ctx->cr, ctx->style->background);
          cairo_set_line_width (ctx->cr, 1.5 * ctx->unit);
          cairo_stroke (ctx->cr);
        }
      if (ctx->regions != NULL)
        g_array_append_val (ctx->regions, region);
      angle = a1;

      /* legend row */
      set_color (ctx->cr, color);
      cairo_rectangle (ctx->cr, x + w - legend_w, ly + k * row_h + 4 * ctx->unit, 12 * ctx->unit, 12 * ctx->unit);
      cairo_fill (ctx->cr);
      pango_layout_set_width (l, (legend_w - 20 * ctx->unit) * PANGO_SCALE);
      pango_layout_set_ellipsize (l, PANGO_ELLIPSIZE_MIDDLE);
      draw_text (ctx, l, x + w - legend_w + 20 * ctx->unit, ly + k * row_h, 0, 0, ctx->style->foreground);
      add_region (ctx, x + w - legend_w, ly + k * row_h, legend_w, row_h, 0, k);
    }
}

/* ---- the whole chart ----------------------------------------------------- */

void
_kam_chart_render_data (KamChartData *data, cairo_t *cr, const KamChartStyle *style, double width, double height,
                        GArray *regions)
{
  Ctx ctx = { cr, style, data, regions, 1.0, pango_cairo_create_context (cr),
              pango_font_description_from_string (style->font_family) };
  double margin, top, bottom, title_h, legend_h = 0, foot_h = 0;
  g_autofree char *footnote = footnote_text (&ctx);
  gboolean has_points = FALSE;
  KamChartKind kind = data->kind;

  /* text and strokes grow with the picture, from a 900 px wide base */
  ctx.unit = CLAMP (MIN (width / 900.0, height / 560.0), 0.6, 3.0);
  margin = 18 * ctx.unit;

  cairo_save (cr);
  if (!style->transparent)
    {
      set_color (cr, style->background);
      cairo_paint (cr);
    }
  for (guint i = 0; i < data->series->len; i++)
    has_points |= ((KamChartSeries *) g_ptr_array_index (data->series, i))->points->len > 0;

  top = margin;
  title_h = draw_wrapped (&ctx, data->title ? data->title : "", margin, top, width - 2 * margin, 1.5, TRUE,
                          style->foreground);
  top += title_h + 8 * ctx.unit;
  if ((data->series->len > 1 || data->stacked) && has_points)
    {
      legend_h = draw_legend (&ctx, margin, top, width - 2 * margin, TRUE);
      top += legend_h + 10 * ctx.unit;
    }
  bottom = height - margin;
  if (footnote != NULL)
    {
      foot_h = measure_wrapped (&ctx, footnote, width - 2 * margin, 0.85);
      bottom -= foot_h;
      {
        g_autoptr (PangoLayout) l = text_layout (&ctx, footnote, 0.85, FALSE);
        pango_layout_set_width (l, (width - 2 * margin) * PANGO_SCALE);
        pango_layout_set_wrap (l, PANGO_WRAP_WORD_CHAR);
        draw_text (&ctx, l, margin, bottom, 0, 0, style->muted);
      }
      bottom -= 10 * ctx.unit;
    }
  if (kam_chart_kind_get_info (kind)->by_year)
    top += 16 * ctx.unit; /* room for the axis label above the plot */

  if (!has_points || bottom - top < 20)
    draw_empty (&ctx, margin, top, width - 2 * margin, MAX (bottom - top, 20));
  else
    switch (kind)
      {
      case KAM_CHART_DESTINATIONS:
        draw_bars_by_country (&ctx, margin, top, width - 2 * margin, bottom - top, data->stacked);
        break;
      case KAM_CHART_GENDER:
        draw_bars_by_country (&ctx, margin, top, width - 2 * margin, bottom - top, TRUE);
        break;
      case KAM_CHART_SHARE:
        draw_share (&ctx, margin, top, width - 2 * margin, bottom - top);
        break;
      case KAM_CHART_TREND:
        draw_by_year (&ctx, margin, top, width - 2 * margin, bottom - top, FALSE);
        break;
      case KAM_CHART_REMITTANCES:
        draw_by_year (&ctx, margin, top, width - 2 * margin, bottom - top, data->series->len == 1);
        break;
      case KAM_CHART_QUOTA:
        draw_by_year (&ctx, margin, top, width - 2 * margin, bottom - top, TRUE);
        break;
      default:
        break;
      }
  cairo_restore (cr);
  g_object_unref (ctx.pango);
  pango_font_description_free (ctx.font);
}
