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
#include "kam-chart-draw-private.h"
#include "kam-chart-kinds-private.h"
#include "kam-number.h"
#include "kam-scale.h"

void
_kam_draw_set_color (cairo_t *cr, KamColor c)
{
  cairo_set_source_rgb (cr, c.r, c.g, c.b);
}

PangoLayout *
_kam_draw_text_layout (KamDrawContext *ctx, const char *text, double scale, gboolean bold)
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

void
_kam_draw_text_size (PangoLayout *layout, double *width, double *height)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (width)
    *width = w;
  if (height)
    *height = h;
}

/* Draws text with its anchor at (x, y): xalign and yalign 0 = left/top, 1 = right/bottom. */
void
_kam_draw_text (KamDrawContext *ctx, PangoLayout *layout, double x, double y, double xalign, double yalign,
           KamColor color)
{
  double w, h;

  _kam_draw_text_size (layout, &w, &h);
  _kam_draw_set_color (ctx->cr, color);
  cairo_move_to (ctx->cr, x - w * xalign, y - h * yalign);
  pango_cairo_show_layout (ctx->cr, layout);
}

void
_kam_draw_add_region (KamDrawContext *ctx, double x, double y, double w, double h, guint series, guint index)
{
  KamChartRegion r = { x, y, w, h, series, index, FALSE };

  if (ctx->regions != NULL)
    g_array_append_val (ctx->regions, r);
}

char *
_kam_draw_format_value (KamDrawContext *ctx, double value, gboolean compact)
{
  if (ctx->data->percent)
    return kam_number_format_share (value);
  if (compact)
    return kam_number_format_compact (value, ctx->data->usd);
  return kam_number_format (value, 0);
}

/* A bar's value with the marks of the figures behind it: "≈ 45,000", "≥ 1,300,000". */
char *
_kam_draw_with_marks (KamDrawContext *ctx, const char *number, guint index)
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
draw_wrapped (KamDrawContext *ctx, const char *text, double x, double y, double width, double scale,
              gboolean bold, KamColor color)
{
  g_autoptr (PangoLayout) layout = _kam_draw_text_layout (ctx, text, scale, bold);
  double h;

  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  _kam_draw_text_size (layout, NULL, &h);
  _kam_draw_text (ctx, layout, x, y, 0, 0, color);
  return h;
}

static double
measure_wrapped (KamDrawContext *ctx, const char *text, double width, double scale)
{
  g_autoptr (PangoLayout) layout = _kam_draw_text_layout (ctx, text, scale, FALSE);
  double h;

  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  _kam_draw_text_size (layout, NULL, &h);
  return h;
}

static char *
marks_and_sources (KamDrawContext *ctx)
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

/* The footnote: the marks on values, the sources, and the kind's own note
 * (the map's boundaries). */
static char *
footnote_text (KamDrawContext *ctx)
{
  g_autofree char *figures = marks_and_sources (ctx);

  if (ctx->data->note == NULL)
    return g_steal_pointer (&figures);
  if (figures == NULL)
    return g_strdup (ctx->data->note);
  return g_strdup_printf ("%s %s", figures, ctx->data->note);
}

/* Swatches and names of the series, wrapped to the width; returns its height. */
static double
draw_legend (KamDrawContext *ctx, double x, double y, double width, gboolean draw)
{
  GPtrArray *series = ctx->data->series;
  double cx = x, cy = y, row_h = 0, sw = 10 * ctx->unit, gap = 14 * ctx->unit;

  for (guint i = 0; i < series->len; i++)
    {
      KamChartSeries *s = g_ptr_array_index (series, i);
      g_autoptr (PangoLayout) layout = _kam_draw_text_layout (ctx, s->name, 1.0, FALSE);
      double w, h;

      pango_layout_set_width (layout, MAX (width - sw - 6 * ctx->unit, 10) * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      _kam_draw_text_size (layout, &w, &h);
      if (cx > x && cx + sw + 6 * ctx->unit + w > x + width)
        {
          cx = x;
          cy += row_h + 4 * ctx->unit;
          row_h = 0;
        }
      if (draw)
        {
          _kam_draw_set_color (ctx->cr, kam_palette_color (ctx->style, s->color));
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
          _kam_draw_text (ctx, layout, cx + sw + 6 * ctx->unit, cy, 0, 0, ctx->style->foreground);
        }
      cx += sw + 6 * ctx->unit + w + gap;
      row_h = MAX (row_h, h);
    }
  return cy - y + row_h;
}

static void
draw_empty (KamDrawContext *ctx, double x, double y, double w, double h)
{
  g_autoptr (PangoLayout) layout = _kam_draw_text_layout (ctx, _("No figures to draw for these settings."), 1.1, FALSE);

  _kam_draw_text (ctx, layout, x + w / 2, y + h / 2, 0.5, 0.5, ctx->style->muted);
}

/* ---- value axis ------------------------------------------------------------ */

void
_kam_draw_value_range (KamDrawContext *ctx, double *lo, double *hi, gboolean stacked)
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
void
_kam_draw_value_ticks (KamDrawContext *ctx, const KamScale *scale, gboolean horizontal, double from, double to,
                  double at)
{
  double last_end = -G_MAXDOUBLE;

  for (guint i = 0; i < scale->n_ticks; i++)
    {
      double pos = kam_scale_map (scale, scale->ticks[i]);
      g_autofree char *text = _kam_draw_format_value (ctx, scale->ticks[i], TRUE);
      g_autoptr (PangoLayout) layout = _kam_draw_text_layout (ctx, text, 0.9, FALSE);
      double w, h;

      _kam_draw_text_size (layout, &w, &h);
      /* grid line */
      _kam_draw_set_color (ctx->cr, ctx->style->grid);
      cairo_set_line_width (ctx->cr, 1);
      if (horizontal)
        {
          cairo_move_to (ctx->cr, round (pos) + 0.5, from);
          cairo_line_to (ctx->cr, round (pos) + 0.5, to);
          cairo_stroke (ctx->cr);
          if (pos - w / 2 > last_end + 4 * ctx->unit)
            {
              _kam_draw_text (ctx, layout, pos, at + 4 * ctx->unit, 0.5, 0, ctx->style->muted);
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
              _kam_draw_text (ctx, layout, at - 6 * ctx->unit, pos, 1, 0.5, ctx->style->muted);
              last_end = pos - h / 2;
            }
        }
    }
}

/* The unit, and whether the scale is logarithmic: a reader must know. */
char *
_kam_draw_axis_label (KamDrawContext *ctx)
{
  if (ctx->data->scale != KAM_SCALE_LOG)
    return g_strdup (ctx->data->axis_label);
  /* Translators: an axis label: the unit, then the kind of scale */
  return g_strdup_printf (_("%s, logarithmic scale"), ctx->data->axis_label);
}

/* ---- the whole chart ----------------------------------------------------- */

void
_kam_chart_render_data (KamChartData *data, cairo_t *cr, const KamChartStyle *style, double width, double height,
                        GArray *regions)
{
  KamDrawContext ctx = { cr, style, data, regions, 1.0, pango_cairo_create_context (cr),
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
      _kam_draw_set_color (cr, style->background);
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
        g_autoptr (PangoLayout) l = _kam_draw_text_layout (&ctx, footnote, 0.85, FALSE);
        pango_layout_set_width (l, (width - 2 * margin) * PANGO_SCALE);
        pango_layout_set_wrap (l, PANGO_WRAP_WORD_CHAR);
        _kam_draw_text (&ctx, l, margin, bottom, 0, 0, style->muted);
      }
      bottom -= 10 * ctx.unit;
    }
  if (kam_chart_kind_get_info (kind)->by_year)
    top += 16 * ctx.unit; /* room for the axis label above the plot */

  if (!has_points || bottom - top < 20)
    draw_empty (&ctx, margin, top, width - 2 * margin, MAX (bottom - top, 20));
  else
    _kam_chart_kind_get_class (kind)->draw (&ctx, margin, top, width - 2 * margin, bottom - top);
  cairo_restore (cr);
  g_object_unref (ctx.pango);
  pango_font_description_free (ctx.font);
}
