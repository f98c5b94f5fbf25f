/* kam-chart-map.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Map: the chosen indicator and year by destination country, on the Natural
 * Earth countries (kam-map-shapes.c) in the Equal Earth projection, framed
 * on Asia and the Gulf; each country coloured by its class of values (a
 * colour-blind-safe sequential scale, classes of tens: 10 to 100, 100 to
 * 1,000 …, as the figures run from tens to millions), the countries without
 * a figure grey (said as "no figure", never as the lowest class), the
 * countries too small to see as a circle of their colour. */

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include "kam-chart-build-private.h"
#include "kam-chart-draw-private.h"
#include "kam-map-shapes.h"
#include "kam-number.h"

/* the frame: Asia and the Gulf (west, south, east, north) */
static const double asia_and_gulf[4] = { 32, -12, 148, 47 };

/* ColorBrewer's YlGnBu, 7 classes: sequential, colour-blind safe, and each
 * class tells from the next in grey too */
static const KamColor classes[] = {
  { 0xff / 255.0, 0xff / 255.0, 0xcc / 255.0 }, { 0xc7 / 255.0, 0xe9 / 255.0, 0xb4 / 255.0 },
  { 0x7f / 255.0, 0xcd / 255.0, 0xbb / 255.0 }, { 0x41 / 255.0, 0xb6 / 255.0, 0xc4 / 255.0 },
  { 0x1d / 255.0, 0x91 / 255.0, 0xc0 / 255.0 }, { 0x22 / 255.0, 0x5e / 255.0, 0xa8 / 255.0 },
  { 0x0c / 255.0, 0x2c / 255.0, 0x84 / 255.0 },
};
#define N_CLASSES ((int) G_N_ELEMENTS (classes))

const KamColor *
_kam_chart_map_get_palette (guint *n)
{
  *n = N_CLASSES;
  return classes;
}

void
_kam_chart_build_map (KamChart *self, KamChartData *data)
{
  KamChartSeries *series = _kam_chart_values_by_country (self, data, data->indicator, data->year, 0);

  _kam_chart_note_series_sources (data, series);
  g_ptr_array_add (data->series, series);
  /* Translators: chart title: an indicator, then a year */
  data->title = data->year > 0 ? g_strdup_printf (_("%s by destination, %d"),
                                                  _kam_chart_indicator_name (self->dataset, data->indicator), data->year)
                               /* Translators: chart title: an indicator; no figures yet, so no year */
                               : g_strdup_printf (_("%s by destination"), _kam_chart_indicator_name (self->dataset, data->indicator));
  data->note = g_strdup (_("Boundaries: Natural Earth; they do not imply endorsement or acceptance."));
}

/* The classes: from the power of ten at or below the least value to the
 * one above the greatest, at most N_CLASSES (the lowest widened). */
typedef struct
{
  int first;   /* 10^first … 10^(first + 1): the lowest class */
  int n;
} Classes;

static Classes
classes_of (KamChartSeries *series)
{
  double lo = G_MAXDOUBLE, hi = 0;
  Classes c = { 0, 1 };

  for (guint i = 0; i < series->points->len; i++)
    {
      double v = g_array_index (series->points, KamChartPoint, i).value;

      if (kam_value_is_known (v) && v > 0)
        {
          lo = MIN (lo, v);
          hi = MAX (hi, v);
        }
    }
  if (hi <= 0)
    return c;
  c.first = (int) floor (log10 (lo));
  c.n = MAX ((int) floor (log10 (hi)) - c.first + 1, 1);
  if (c.n > N_CLASSES)
    {
      c.first += c.n - N_CLASSES;
      c.n = N_CLASSES;
    }
  return c;
}

/* A value's class (0: the lowest), or -1 for none (unknown, or 0). */
static int
class_of (const Classes *c, double value)
{
  int k;

  if (!kam_value_is_known (value) || value <= 0)
    return -1;
  k = (int) floor (log10 (value)) - c->first;
  return CLAMP (k, 0, c->n - 1);
}

/* The colours of n classes: spread over the scale, the darkest the highest. */
static KamColor
class_color (const Classes *c, int k)
{
  int at = c->n == 1 ? N_CLASSES - 2 : (int) lround ((double) k * (N_CLASSES - 1) / (c->n - 1));

  return classes[CLAMP (at, 0, N_CLASSES - 1)];
}

typedef struct
{
  double x0, y0, k; /* pixel = x0 + x * k, y0 - y * k */
} View;

static void
project (const View *view, double lon, double lat, double *px, double *py)
{
  double x, y;

  kam_equal_earth (lon, lat, &x, &y);
  *px = view->x0 + x * view->k;
  *py = view->y0 - y * view->k;
}

static void
country_path (cairo_t *cr, KamMapShapes *shapes, const KamMapCountry *country, const View *view)
{
  const double *points = kam_map_shapes_get_points (shapes);

  for (guint r = 0; r < country->n_rings; r++)
    {
      const KamMapRing *ring = kam_map_shapes_get_ring (shapes, country->first_ring + r);

      double last_x = 0, last_y = 0;

      for (guint i = 0; i < ring->n_points; i++)
        {
          const double *xy = points + 2 * (ring->first_point + i);
          double px, py;

          project (view, xy[0], xy[1], &px, &py);
          if (i == 0)
            cairo_move_to (cr, px, py);
          else if (fabs (px - last_x) + fabs (py - last_y) >= 0.5 || i + 1 == ring->n_points)
            cairo_line_to (cr, px, py);
          else
            continue; /* (within half a pixel of the last point drawn: nothing to see) */
          last_x = px;
          last_y = py;
        }
      cairo_close_path (cr);
    }
}

static void
country_box (const KamMapCountry *country, const View *view, double box[4])
{
  double lons[3] = { country->bbox[0], (country->bbox[0] + country->bbox[2]) / 2, country->bbox[2] };
  double lats[3] = { country->bbox[1], (country->bbox[1] + country->bbox[3]) / 2, country->bbox[3] };

  box[0] = box[1] = G_MAXDOUBLE;
  box[2] = box[3] = -G_MAXDOUBLE;
  for (guint i = 0; i < 3; i++)
    for (guint j = 0; j < 3; j++)
      {
        double px, py;

        project (view, lons[i], lats[j], &px, &py);
        box[0] = MIN (box[0], px);
        box[1] = MIN (box[1], py);
        box[2] = MAX (box[2], px);
        box[3] = MAX (box[3], py);
      }
}

/* Where a country's name goes: the centre of its largest piece (by area,
 * as drawn: Malaysia's on the peninsula or Borneo, not the sea between;
 * Thailand's in its middle, not down the isthmus). */
static void
country_middle (KamMapShapes *shapes, const KamMapCountry *country, const View *view, double *px, double *py)
{
  const double *points = kam_map_shapes_get_points (shapes);
  double best = -1;

  *px = *py = 0;
  for (guint r = 0; r < country->n_rings; r++)
    {
      const KamMapRing *ring = kam_map_shapes_get_ring (shapes, country->first_ring + r);
      double area = 0, cx = 0, cy = 0, ax, ay;

      project (view, points[2 * ring->first_point], points[2 * ring->first_point + 1], &ax, &ay);
      for (guint i = 1; i < ring->n_points; i++)
        {
          const double *xy = points + 2 * (ring->first_point + i);
          double bx, by, cross;

          project (view, xy[0], xy[1], &bx, &by);
          cross = ax * by - bx * ay;
          area += cross;
          cx += (ax + bx) * cross;
          cy += (ay + by) * cross;
          ax = bx;
          ay = by;
        }
      if (fabs (area) > best && area != 0)
        {
          best = fabs (area);
          *px = cx / (3 * area);
          *py = cy / (3 * area);
        }
    }
}

/* A label on the map, over a halo of the background so that it reads on
 * any colour. */
static void
draw_label (KamDrawContext *ctx, const char *text, double x, double y, double xalign, gboolean bold)
{
  g_autoptr (PangoLayout) layout = _kam_draw_text_layout (ctx, text, 0.85, bold);
  double w, h;

  pango_layout_set_alignment (layout, xalign == 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_CENTER);
  _kam_draw_text_size (layout, &w, &h);
  cairo_save (ctx->cr);
  cairo_move_to (ctx->cr, x - w * xalign, y - h / 2);
  pango_cairo_layout_path (ctx->cr, layout);
  _kam_draw_set_color (ctx->cr, ctx->style->background);
  cairo_set_line_width (ctx->cr, 3 * ctx->unit);
  cairo_set_line_join (ctx->cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (ctx->cr);
  cairo_restore (ctx->cr);
  _kam_draw_text (ctx, layout, x - w * xalign, y - h / 2, 0, 0, ctx->style->foreground);
}

/* A row of the legend: a swatch of a colour and its words at (x, y);
 * returns the row's width and, in height, its height. */
static double
legend_row (KamDrawContext *ctx, KamColor color, const char *text, double x, double y, gboolean draw, double *height)
{
  g_autoptr (PangoLayout) layout = _kam_draw_text_layout (ctx, text, 0.9, FALSE);
  double sw = 12 * ctx->unit, w, h;

  _kam_draw_text_size (layout, &w, &h);
  if (draw)
    {
      _kam_draw_set_color (ctx->cr, color);
      cairo_rectangle (ctx->cr, x, y + (h - sw) / 2, sw, sw);
      cairo_fill_preserve (ctx->cr);
      _kam_draw_set_color (ctx->cr, ctx->style->muted);
      cairo_set_line_width (ctx->cr, 0.5 * ctx->unit);
      cairo_stroke (ctx->cr);
      _kam_draw_text (ctx, layout, x + sw + 6 * ctx->unit, y, 0, 0, ctx->style->foreground);
    }
  *height = h;
  return sw + 6 * ctx->unit + w;
}

/* The legend: a swatch and the range of each class, highest first, then
 * "No figure"; returns its width. */
static double
draw_classes (KamDrawContext *ctx, const Classes *c, double x, double y, gboolean draw)
{
  double widest = 0, cy = y, h;

  for (int k = c->n - 1; k >= 0; k--)
    {
      g_autofree char *from = _kam_draw_format_value (ctx, pow (10, c->first + k), FALSE);
      g_autofree char *to = _kam_draw_format_value (ctx, pow (10, c->first + k + 1), FALSE);
      /* Translators: a class of values on the map: "1,000 to 10,000"; the
       * lowest "up to 100", the highest "100,000 or more" */
      g_autofree char *text = k == 0 && c->n > 1 ? g_strdup_printf (_("up to %s"), to)
                              : k == c->n - 1    ? g_strdup_printf (_("%s or more"), from)
                                                 : g_strdup_printf (_("%s to %s"), from, to);

      double row = legend_row (ctx, class_color (c, k), text, x, cy, draw, &h); /* (MAX reads twice) */

      widest = MAX (widest, row);
      cy += h + 4 * ctx->unit;
    }
  {
    double row = legend_row (ctx, ctx->style->grid, _("No figure"), x, cy, draw, &h);

    return MAX (widest, row);
  }
}

void
_kam_chart_draw_map (KamDrawContext *ctx, double x, double y, double w, double h)
{
  cairo_t *cr = ctx->cr;
  KamMapShapes *shapes = kam_map_shapes_get_world (NULL);
  KamChartSeries *series = ctx->data->series->len > 0 ? g_ptr_array_index (ctx->data->series, 0) : NULL;
  Classes c = series ? classes_of (series) : (Classes) { 0, 1 };
  double legend_w = draw_classes (ctx, &c, 0, 0, FALSE), gap = 14 * ctx->unit;
  double fx0 = G_MAXDOUBLE, fy0 = G_MAXDOUBLE, fx1 = -G_MAXDOUBLE, fy1 = -G_MAXDOUBLE;
  double map_w = MAX (w - legend_w - gap, 10);
  View view;
  GPtrArray *paths;
  g_autoptr (GHashTable) shown = g_hash_table_new (g_str_hash, g_str_equal);

  if (series == NULL)
    return;
  if (shapes == NULL)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PangoLayout) layout = NULL;

      kam_map_shapes_get_world (&error);
      layout = _kam_draw_text_layout (ctx, error ? error->message : "", 1.0, FALSE);
      pango_layout_set_width (layout, w * PANGO_SCALE);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      _kam_draw_text (ctx, layout, x, y + h / 2, 0, 0.5, ctx->style->muted);
      return;
    }
  /* the frame, projected (its edges are curves: measured along them) */
  for (guint i = 0; i <= 16; i++)
    {
      double lon = asia_and_gulf[0] + (asia_and_gulf[2] - asia_and_gulf[0]) * i / 16;
      double lat = asia_and_gulf[1] + (asia_and_gulf[3] - asia_and_gulf[1]) * i / 16;
      double px[4], py[4];

      kam_equal_earth (lon, asia_and_gulf[1], &px[0], &py[0]);
      kam_equal_earth (lon, asia_and_gulf[3], &px[1], &py[1]);
      kam_equal_earth (asia_and_gulf[0], lat, &px[2], &py[2]);
      kam_equal_earth (asia_and_gulf[2], lat, &px[3], &py[3]);
      for (guint k = 0; k < 4; k++)
        {
          fx0 = MIN (fx0, px[k]);
          fx1 = MAX (fx1, px[k]);
          fy0 = MIN (fy0, py[k]);
          fy1 = MAX (fy1, py[k]);
        }
    }
  view.k = MIN (map_w / (fx1 - fx0), h / (fy1 - fy0));
  view.x0 = x + (map_w - (fx1 - fx0) * view.k) / 2 - fx0 * view.k;
  view.y0 = y + (h - (fy1 - fy0) * view.k) / 2 + fy1 * view.k;

  for (guint i = 0; i < series->points->len; i++)
    {
      KamChartPoint *p = &g_array_index (series->points, KamChartPoint, i);

      if (p->country != NULL)
        g_hash_table_insert (shown, (gpointer) p->country, p);
    }
  /* the outlines projected the last time, if at the same place and size */
  if (ctx->data->map_paths == NULL || ctx->data->map_view[0] != view.x0 || ctx->data->map_view[1] != view.y0
      || ctx->data->map_view[2] != view.k)
    {
      g_clear_pointer (&ctx->data->map_paths, g_ptr_array_unref);
      ctx->data->map_paths = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_path_destroy);
      g_ptr_array_set_size (ctx->data->map_paths, kam_map_shapes_get_n_countries (shapes));
      ctx->data->map_view[0] = view.x0;
      ctx->data->map_view[1] = view.y0;
      ctx->data->map_view[2] = view.k;
    }
  paths = ctx->data->map_paths;
  cairo_save (cr);
  cairo_rectangle (cr, x, y, map_w, h);
  cairo_clip (cr);
  /* every country: its class's colour, or grey (no figure); white borders */
  for (guint i = 0; i < kam_map_shapes_get_n_countries (shapes); i++)
    {
      const KamMapCountry *country = kam_map_shapes_get_country (shapes, i);
      KamChartPoint *p = g_hash_table_lookup (shown, country->code);
      int k = p ? class_of (&c, p->value) : -1;
      double box[4];

      country_box (country, &view, box);
      if (box[2] < x || box[0] > x + map_w || box[3] < y || box[1] > y + h)
        continue;
      if (g_ptr_array_index (paths, i) == NULL)
        {
          country_path (cr, shapes, country, &view);
          g_ptr_array_index (paths, i) = cairo_copy_path (cr);
        }
      else
        cairo_append_path (cr, g_ptr_array_index (paths, i));
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      /* Cambodia, where they come from: darker */
      _kam_draw_set_color (cr, k >= 0                               ? class_color (&c, k)
                               : g_str_equal (country->code, "KHM") ? ctx->style->muted
                                                                    : ctx->style->grid);
      cairo_fill_preserve (cr);
      _kam_draw_set_color (cr, ctx->style->background);
      cairo_set_line_width (cr, 0.6 * ctx->unit);
      cairo_stroke (cr);
    }
  /* the countries with a figure: where they are (for the hover and the
   * keyboard), and a circle where a country is too small to see */
  for (guint i = 0; i < series->points->len; i++)
    {
      KamChartPoint *p = &g_array_index (series->points, KamChartPoint, i);
      const KamMapCountry *country = p->country ? kam_map_shapes_find (shapes, p->country) : NULL;
      int k = class_of (&c, p->value);
      double box[4], small = 8 * ctx->unit;

      if (country == NULL)
        continue;
      country_box (country, &view, box);
      if (box[2] - box[0] < small && box[3] - box[1] < small)
        {
          double cx = (box[0] + box[2]) / 2, cy = (box[1] + box[3]) / 2, r = 4.5 * ctx->unit;

          cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
          _kam_draw_set_color (cr, k >= 0 ? class_color (&c, k) : ctx->style->grid);
          cairo_fill_preserve (cr);
          _kam_draw_set_color (cr, ctx->style->foreground);
          cairo_set_line_width (cr, 1.0 * ctx->unit);
          cairo_stroke (cr);
          _kam_draw_add_region (ctx, cx - r, cy - r, 2 * r, 2 * r, 0, i);
        }
      else if (ctx->regions != NULL)
        {
          KamChartRegion region = { box[0], box[1], box[2] - box[0], box[3] - box[1], 0, i };

          region.country = country;
          region.x0 = view.x0;
          region.y0 = view.y0;
          region.k = view.k;
          g_array_append_val (ctx->regions, region);
        }
    }
  /* names and values: the country's, with the marks of its figure */
  for (guint i = 0; i < series->points->len; i++)
    {
      KamChartPoint *p = &g_array_index (series->points, KamChartPoint, i);
      const KamMapCountry *country = p->country ? kam_map_shapes_find (shapes, p->country) : NULL;
      g_autofree char *number = NULL, *marked = NULL, *text = NULL;
      double box[4], px, py, small = 8 * ctx->unit;

      if (country == NULL || !kam_value_is_known (p->value))
        continue;
      number = _kam_draw_format_value (ctx, p->value, FALSE);
      marked = _kam_draw_with_marks (ctx, number, i);
      text = g_strdup_printf ("%s\n%s", p->label, marked);
      country_box (country, &view, box);
      if (box[2] - box[0] < small && box[3] - box[1] < small)
        draw_label (ctx, text, box[2] + 6 * ctx->unit, (box[1] + box[3]) / 2, 0, FALSE);
      else
        {
          country_middle (shapes, country, &view, &px, &py);
          draw_label (ctx, text, px, py, 0.5, FALSE);
        }
    }
  {
    const KamMapCountry *cambodia = kam_map_shapes_find (shapes, "KHM");
    double px, py;

    if (cambodia != NULL && !g_hash_table_contains (shown, "KHM"))
      {
        double box[4];

        /* under it, in the sea: Thailand's name and figure take the middle
         * of the land around it */
        country_middle (shapes, cambodia, &view, &px, &py);
        country_box (cambodia, &view, box);
        draw_label (ctx, _("Cambodia"), px, box[3] + 8 * ctx->unit, 0.5, TRUE);
      }
  }
  cairo_restore (cr);
  draw_classes (ctx, &c, x + map_w + gap, y, TRUE);
}

/* Whether (px, py) is inside a country drawn with region's projection
 * (even-odd, as it is filled). */
gboolean
_kam_chart_map_contains (const KamChartRegion *region, double px, double py)
{
  KamMapShapes *shapes = kam_map_shapes_get_world (NULL);
  const KamMapCountry *country = region->country;
  const double *points;
  gboolean inside = FALSE;
  View view = { region->x0, region->y0, region->k };

  if (shapes == NULL || country == NULL)
    return FALSE;
  points = kam_map_shapes_get_points (shapes);
  for (guint r = 0; r < country->n_rings; r++)
    {
      const KamMapRing *ring = kam_map_shapes_get_ring (shapes, country->first_ring + r);
      double ax, ay;

      project (&view, points[2 * ring->first_point], points[2 * ring->first_point + 1], &ax, &ay);
      for (guint i = 1; i < ring->n_points; i++)
        {
          const double *xy = points + 2 * (ring->first_point + i);
          double bx, by;

          project (&view, xy[0], xy[1], &bx, &by);
          if ((ay > py) != (by > py) && px < ax + (py - ay) * (bx - ax) / (by - ay))
            inside = !inside;
          ax = bx;
          ay = by;
        }
    }
  return inside;
}
