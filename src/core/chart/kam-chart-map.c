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
 * countries too small to see as a circle of their colour; or a circle on
 * each, its area the value; or, split by a breakdown, a pie on each, a
 * slice per member. Lines from Cambodia to each as a choice. */

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
  KamChartSeries *series;

  data->note = g_strdup (_("Boundaries: Natural Earth; they do not imply endorsement or acceptance."));
  /* split by a breakdown: a pie on each destination, a slice per member */
  if (_kam_chart_split_dimension (self) >= 0)
    {
      _kam_chart_build_split_by_country (self, data, _kam_chart_split_dimension (self));
      return;
    }
  series = _kam_chart_values_by_country (self, data, data->indicator, data->year, 0);
  _kam_chart_note_series_sources (data, series);
  g_ptr_array_add (data->series, series);
  /* Translators: chart title: an indicator, then a year */
  data->title = data->year > 0 ? g_strdup_printf (_("%s by destination, %d"),
                                                  _kam_chart_indicator_name (self->dataset, data->indicator), data->year)
                               /* Translators: chart title: an indicator; no figures yet, so no year */
                               : g_strdup_printf (_("%s by destination"), _kam_chart_indicator_name (self->dataset, data->indicator));
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

/* The points by value, greatest first (unknown last). */
static int
compare_by_value_desc (gconstpointer a, gconstpointer b, gpointer user_data)
{
  KamChartSeries *series = user_data;
  double va = g_array_index (series->points, KamChartPoint, *(const guint *) a).value;
  double vb = g_array_index (series->points, KamChartPoint, *(const guint *) b).value;
  gboolean ka = kam_value_is_known (va), kb = kam_value_is_known (vb);

  if (ka != kb)
    return ka ? -1 : 1;
  if (!ka || va == vb)
    return *(const guint *) a < *(const guint *) b ? -1 : 1;
  return va > vb ? -1 : 1;
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

/* A label on the map: its text and where it may go. */
typedef struct
{
  PangoLayout *layout;
  double w, h;
  double ax, ay, r; /* its mark's middle and radius (0: a country's middle) */
} Label;

static gboolean
overlaps (GArray *boxes, const double b[4])
{
  for (guint i = 0; i < boxes->len / 4; i++)
    {
      const double *o = &g_array_index (boxes, double, 4 * i);

      if (b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3])
        return TRUE;
    }
  return FALSE;
}

/* Draws a label's text at (x, y) over a halo of the background, so that it
 * reads on any colour. */
static void
draw_label_at (KamDrawContext *ctx, Label *label, double x, double y)
{
  cairo_save (ctx->cr);
  cairo_move_to (ctx->cr, x, y);
  pango_cairo_layout_path (ctx->cr, label->layout);
  _kam_draw_set_color (ctx->cr, ctx->style->background);
  cairo_set_line_width (ctx->cr, 3 * ctx->unit);
  cairo_set_line_join (ctx->cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (ctx->cr);
  cairo_restore (ctx->cr);
  _kam_draw_text (ctx, label->layout, x, y, 0, 0, ctx->style->foreground);
}

/* Whether a label's box at (x, y) is free (within the clip, over no label
 * put before); if so, it is taken. */
static gboolean
take_box (KamDrawContext *ctx, Label *label, GArray *boxes, const double clip[4], double x, double y)
{
  double pad = 1.5 * ctx->unit;
  double box[4] = { x - pad, y - pad, x + label->w + pad, y + label->h + pad };

  if (box[0] < clip[0] || box[2] > clip[2] || box[1] < clip[1] || box[3] > clip[3] || overlaps (boxes, box))
    return FALSE;
  g_array_append_vals (boxes, box, 4);
  return TRUE;
}

/* Puts a label where it overlaps no label put before it (over its mark,
 * then right of it, left, below, above; a small mark is never covered),
 * else farther off, joined to its mark by a leader line (a callout); a
 * label with no room anywhere near is not drawn (its value is in the
 * hover, the table and the description). */
static void
place_label (KamDrawContext *ctx, Label *label, GArray *boxes, const double clip[4])
{
  double gap = 4 * ctx->unit, w = label->w, h = label->h;
  double tries[5][2] = {
    { label->ax - w / 2, label->ay - h / 2 },
    { label->ax + label->r + gap, label->ay - h / 2 },
    { label->ax - label->r - gap - w, label->ay - h / 2 },
    { label->ax - w / 2, label->ay + label->r + gap },
    { label->ax - w / 2, label->ay - label->r - gap - h },
  };
  guint first = label->r > 0 && 2 * label->r < h ? 1 : 0;

  for (guint i = first; i < 5; i++)
    if (take_box (ctx, label, boxes, clip, tries[i][0], tries[i][1]))
      {
        draw_label_at (ctx, label, tries[i][0], tries[i][1]);
        return;
      }
  /* a callout: eight ways round, a little farther each time */
  for (guint step = 1; step <= 3; step++)
    for (guint k = 0; k < 8; k++)
      {
        double a = k * G_PI / 4, c = cos (a), s = sin (a), reach = label->r + gap + step * 1.2 * h;
        /* the box's near corner or edge middle at `reach` from the mark */
        double x = label->ax + c * reach - (c > 0.3 ? 0 : c < -0.3 ? w : w / 2);
        double y = label->ay + s * reach - (s > 0.3 ? 0 : s < -0.3 ? h : h / 2);

        if (!take_box (ctx, label, boxes, clip, x, y))
          continue;
        /* the leader: from the mark's edge to the box's nearest point */
        cairo_move_to (ctx->cr, label->ax + c * label->r, label->ay + s * label->r);
        cairo_line_to (ctx->cr, CLAMP (label->ax, x, x + w), CLAMP (label->ay, y, y + h));
        _kam_draw_set_color (ctx->cr, ctx->style->muted);
        cairo_set_line_width (ctx->cr, 0.8 * ctx->unit);
        cairo_stroke (ctx->cr);
        draw_label_at (ctx, label, x, y);
        return;
      }
}

static Label
make_label (KamDrawContext *ctx, const char *text, double ax, double ay, double r, gboolean bold)
{
  Label label = { _kam_draw_text_layout (ctx, text, 0.85, bold), 0, 0, ax, ay, r };

  pango_layout_set_alignment (label.layout, PANGO_ALIGN_CENTER);
  _kam_draw_text_size (label.layout, &label.w, &label.h);
  return label;
}

/* High contrast's "no figure": a hatch (a grey of its own could be read as
 * a class), one tile of it repeated; made once for a drawing. */
static cairo_pattern_t *
make_hatch (KamDrawContext *ctx)
{
  double step = 5 * ctx->unit;
  cairo_rectangle_t extents = { 0, 0, step, step };
  cairo_surface_t *tile = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cairo_t *tcr = cairo_create (tile);
  cairo_pattern_t *pattern;

  _kam_draw_set_color (tcr, ctx->style->background);
  cairo_paint (tcr);
  _kam_draw_set_color (tcr, ctx->style->foreground);
  cairo_set_line_width (tcr, 0.8 * ctx->unit);
  /* a diagonal, and its ends again at the corners so that tiles join */
  cairo_move_to (tcr, -1, step + 1);
  cairo_line_to (tcr, step + 1, -1);
  cairo_move_to (tcr, -1, 1);
  cairo_line_to (tcr, 1, -1);
  cairo_move_to (tcr, step - 1, step + 1);
  cairo_line_to (tcr, step + 1, step - 1);
  cairo_stroke (tcr);
  cairo_destroy (tcr);
  pattern = cairo_pattern_create_for_surface (tile);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_surface_destroy (tile);
  return pattern;
}

typedef struct
{
  gboolean circles; /* circles or pies (split), not shaded countries */
  Classes classes;
  double greatest;  /* the greatest value (circles) */
  double largest;   /* its circle's radius */
  double least;     /* the smallest circle's radius */
  KamColor circle;  /* the circles' colour */
  KamColor land;    /* a country with a figure, under its circle */
  KamColor flow;
  cairo_pattern_t *hatch; /* "no figure" in high contrast, NULL otherwise */
} Look;

/* "No figure": grey, or in high contrast hatched. */
static void
set_no_figure (KamDrawContext *ctx, const Look *look)
{
  if (look->hatch != NULL)
    cairo_set_source (ctx->cr, look->hatch);
  else
    _kam_draw_set_color (ctx->cr, ctx->style->grid);
}

/* A row of the legend: a swatch (filled with `color`, or "No figure" when
 * color is NULL, or a line when `line` is set) and its words at (x, y);
 * returns the row's width and, in height, its height. */
static double
legend_row (KamDrawContext *ctx, const Look *look, const KamColor *color, gboolean line, const char *text, double x,
            double y, gboolean draw, double *height)
{
  g_autoptr (PangoLayout) layout = _kam_draw_text_layout (ctx, text, 0.9, FALSE);
  double sw = 12 * ctx->unit, w, h;

  _kam_draw_text_size (layout, &w, &h);
  if (draw)
    {
      if (line)
        {
          cairo_move_to (ctx->cr, x, y + h / 2);
          cairo_line_to (ctx->cr, x + sw, y + h / 2);
          _kam_draw_set_color (ctx->cr, *color);
          cairo_set_line_width (ctx->cr, 3 * ctx->unit);
          cairo_stroke (ctx->cr);
        }
      else
        {
          if (color != NULL)
            _kam_draw_set_color (ctx->cr, *color);
          else
            set_no_figure (ctx, look);
          cairo_rectangle (ctx->cr, x, y + (h - sw) / 2, sw, sw);
          cairo_fill_preserve (ctx->cr);
          _kam_draw_set_color (ctx->cr, ctx->style->muted);
          cairo_set_line_width (ctx->cr, 0.5 * ctx->unit);
          cairo_stroke (ctx->cr);
        }
      _kam_draw_text (ctx, layout, x + sw + 6 * ctx->unit, y, 0, 0, ctx->style->foreground);
    }
  *height = h;
  return sw + 6 * ctx->unit + w;
}

/* The proportional circles' scale: the largest round value (1, 2 or 5
 * times a power of ten) at or below the greatest, then a tenth and a
 * hundredth of it. */
static int
circle_steps (double greatest, double steps[3])
{
  double p, nice;
  int n = 0;

  if (!(greatest > 0))
    return 0;
  p = pow (10, floor (log10 (greatest)));
  nice = greatest >= 5 * p ? 5 * p : greatest >= 2 * p ? 2 * p : p;
  for (int i = 0; i < 3 && nice >= 1; i++, nice /= 10)
    steps[n++] = nice;
  return n;
}

static double
circle_radius (double value, double greatest, double largest, double least)
{
  if (!kam_value_is_known (value) || value <= 0 || !(greatest > 0))
    return 0;
  return MAX (largest * sqrt (value / greatest), least);
}



/* The legend: shaded, a swatch and the range of each class, highest
 * first; circles, three circles one in another with their values; then
 * "No figure", and the flows' line when drawn. Returns its width. */
static double
draw_legend (KamDrawContext *ctx, const Look *look, double x, double y, gboolean draw)
{
  const Classes *c = &look->classes;
  double widest = 0, cy = y, h, row;

  if (look->circles)
    {
      double steps[3], text_x = x + 2 * look->largest + 8 * ctx->unit, bottom = y + 2 * look->largest;
      int n = circle_steps (look->greatest, steps);

      for (int i = 0; i < n; i++)
        {
          double r = circle_radius (steps[i], look->greatest, look->largest, look->least);
          g_autofree char *text = _kam_draw_format_value (ctx, steps[i], FALSE);
          g_autoptr (PangoLayout) layout = _kam_draw_text_layout (ctx, text, 0.9, FALSE);
          double w, th;

          _kam_draw_text_size (layout, &w, &th);
          widest = MAX (widest, text_x - x + w);
          if (!draw)
            continue;
          cairo_new_path (ctx->cr);
          cairo_arc (ctx->cr, x + look->largest, bottom - r, r, 0, 2 * G_PI);
          cairo_set_line_width (ctx->cr, 1.0 * ctx->unit);
          _kam_draw_set_color (ctx->cr, ctx->style->muted);
          cairo_stroke (ctx->cr);
          /* a leader from the circle's top to its value */
          cairo_move_to (ctx->cr, x + look->largest, bottom - 2 * r);
          cairo_line_to (ctx->cr, text_x - 2 * ctx->unit, bottom - 2 * r);
          cairo_set_line_width (ctx->cr, 0.5 * ctx->unit);
          cairo_stroke (ctx->cr);
          _kam_draw_text (ctx, layout, text_x, bottom - 2 * r, 0, 0.5, ctx->style->foreground);
        }
      cy = bottom + 10 * ctx->unit;
      /* Translators: the map's legend: the colour of a country with a figure, under its circle */
      row = legend_row (ctx, look, &look->land, FALSE, _("With a figure"), x, cy, draw, &h);
      widest = MAX (widest, row);
      cy += h + 4 * ctx->unit;
    }
  else
    for (int k = c->n - 1; k >= 0; k--)
      {
        g_autofree char *from = _kam_draw_format_value (ctx, pow (10, c->first + k), FALSE);
        g_autofree char *to = _kam_draw_format_value (ctx, pow (10, c->first + k + 1), FALSE);
        /* Translators: a class of values on the map: "1,000 to 10,000"; the
         * lowest "up to 100", the highest "100,000 or more" */
        g_autofree char *text = k == 0 && c->n > 1 ? g_strdup_printf (_("up to %s"), to)
                                : k == c->n - 1    ? g_strdup_printf (_("%s or more"), from)
                                                   : g_strdup_printf (_("%s to %s"), from, to);
        KamColor color = class_color (c, k);

        row = legend_row (ctx, look, &color, FALSE, text, x, cy, draw, &h); /* (MAX reads twice) */
        widest = MAX (widest, row);
        cy += h + 4 * ctx->unit;
      }
  row = legend_row (ctx, look, NULL, FALSE, _("No figure"), x, cy, draw, &h);
  widest = MAX (widest, row);
  cy += h + 4 * ctx->unit;
  if (ctx->data->map_flows)
    {
      /* Translators: the map's legend: the lines drawn from Cambodia to each destination */
      row = legend_row (ctx, look, &look->flow, TRUE, _("From Cambodia"), x, cy, draw, &h);
      widest = MAX (widest, row);
    }
  return widest;
}

/* The frames: Asia and the Gulf, or the world without Antarctica (west,
 * south, east, north). */
static const double world[4] = { -180, -56, 180, 84 };

/* The Equal Earth outline of the whole globe (the ±180° meridians). */
static void
globe_path (cairo_t *cr, const View *view)
{
  double px, py;

  for (int i = 0; i <= 36; i++)
    {
      project (view, 180, 90 - 5 * i, &px, &py);
      if (i == 0)
        cairo_move_to (cr, px, py);
      else
        cairo_line_to (cr, px, py);
    }
  for (int i = 0; i <= 36; i++)
    {
      project (view, -180, -90 + 5 * i, &px, &py);
      cairo_line_to (cr, px, py);
    }
  cairo_close_path (cr);
}

/* Where each point goes: its country, its mark's middle and radius. */
typedef struct
{
  const KamMapCountry *country;
  double box[4];  /* the country's, as drawn */
  double x, y, r;
  gboolean small; /* too small to see: a circle of its own */
} Place;

/* A line from Cambodia to a destination, bowed to one side, its width by
 * the value, with an arrowhead at the end (short of the mark). */
static void
draw_flow (KamDrawContext *ctx, const Look *look, double x0, double y0, const Place *to, double value)
{
  cairo_t *cr = ctx->cr;
  double dx = to->x - x0, dy = to->y - y0, d = sqrt (dx * dx + dy * dy);
  double width = MAX (8 * ctx->unit * sqrt (value / look->greatest), 1.2 * ctx->unit);
  double head = 3 * ctx->unit + 1.5 * width, end, cx, cy, ex, ey, tx, ty, t;

  if (d < head * 2)
    return;
  /* the control point: off the middle, to the left of the way */
  cx = x0 + dx / 2 + dy * 0.25;
  cy = y0 + dy / 2 - dx * 0.25;
  /* stop at the mark's edge (a circle's) or at the country's middle */
  end = MIN (to->r, d / 3);
  t = 1 - (end + head) / (d * 1.1);
  t = CLAMP (t, 0.5, 1);
  /* the point at t on the curve, and the way it goes there */
  ex = (1 - t) * (1 - t) * x0 + 2 * (1 - t) * t * cx + t * t * to->x;
  ey = (1 - t) * (1 - t) * y0 + 2 * (1 - t) * t * cy + t * t * to->y;
  tx = 2 * (1 - t) * (cx - x0) + 2 * t * (to->x - cx);
  ty = 2 * (1 - t) * (cy - y0) + 2 * t * (to->y - cy);
  d = sqrt (tx * tx + ty * ty);
  tx /= d;
  ty /= d;
  cairo_move_to (cr, x0, y0);
  /* the curve from 0 to t, as a cubic */
  {
    double qx = (1 - t) * x0 + t * cx, qy = (1 - t) * y0 + t * cy;

    cairo_curve_to (cr, x0 + 2.0 / 3 * (qx - x0), y0 + 2.0 / 3 * (qy - y0), ex + 2.0 / 3 * (qx - ex),
                    ey + 2.0 / 3 * (qy - ey), ex, ey);
  }
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, width + 2 * ctx->unit);
  _kam_draw_set_color (cr, ctx->style->background);
  cairo_stroke_preserve (cr);
  cairo_set_line_width (cr, width);
  _kam_draw_set_color (cr, look->flow);
  cairo_stroke (cr);
  cairo_move_to (cr, ex + tx * head, ey + ty * head);
  cairo_line_to (cr, ex - ty * head * 0.6, ey + tx * head * 0.6);
  cairo_line_to (cr, ex + ty * head * 0.6, ey - tx * head * 0.6);
  cairo_close_path (cr);
  cairo_fill (cr);
}

/* A pie on a destination, a slice per member clockwise from 12 o'clock,
 * each a region of its own (the slice's series, the country's index). */
static void
draw_pie (KamDrawContext *ctx, const Place *place, guint i, const KamChartPoint *total)
{
  cairo_t *cr = ctx->cr;
  double a = 0;

  if (!kam_value_is_known (total->value) || total->value <= 0)
    return;
  for (guint s = 0; s < ctx->data->series->len; s++)
    {
      KamChartSeries *part = g_ptr_array_index (ctx->data->series, s);
      double v = i < part->points->len ? g_array_index (part->points, KamChartPoint, i).value : KAM_VALUE_UNKNOWN;
      double span;

      if (!kam_value_is_known (v) || v <= 0)
        continue;
      span = 2 * G_PI * v / total->value;
      cairo_new_path (cr);
      cairo_move_to (cr, place->x, place->y);
      cairo_arc (cr, place->x, place->y, place->r, a - G_PI / 2, a + span - G_PI / 2);
      cairo_close_path (cr);
      _kam_draw_set_color (cr, kam_palette_color (ctx->style, part->color));
      cairo_fill_preserve (cr);
      _kam_draw_set_color (cr, ctx->style->background);
      cairo_set_line_width (cr, 0.8 * ctx->unit);
      cairo_stroke (cr);
      if (ctx->regions != NULL)
        {
          KamChartRegion region = { place->x - place->r, place->y - place->r, 2 * place->r, 2 * place->r, s, i, TRUE,
                                    place->x, place->y, 0, place->r, a, a + span };

          g_array_append_val (ctx->regions, region);
        }
      a += span;
    }
}

void
_kam_chart_draw_map (KamDrawContext *ctx, double x, double y, double w, double h)
{
  cairo_t *cr = ctx->cr;
  KamChartData *data = ctx->data;
  KamMapShapes *shapes = kam_map_shapes_get_world (NULL);
  KamChartSeries *series = data->series->len > 0 ? g_ptr_array_index (data->series, 0) : NULL;
  gboolean circles = data->map_style == KAM_MAP_CIRCLES;
  const double *frame = data->map_frame == KAM_MAP_FRAME_WORLD ? world : asia_and_gulf;
  double legend_w, gap = 14 * ctx->unit, clip[4];
  double fx0 = G_MAXDOUBLE, fy0 = G_MAXDOUBLE, fx1 = -G_MAXDOUBLE, fy1 = -G_MAXDOUBLE, map_w, khm_x = 0, khm_y = 0;
  View view;
  GPtrArray *paths;
  Look look = { FALSE, { 0, 1 }, 0, 0, 0 };
  const KamMapCountry *cambodia;
  g_autoptr (GHashTable) shown = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GArray) boxes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree Place *places = NULL;
  g_autofree guint *order = NULL;
  KamChartSeries *sums = NULL; /* (sums and look.hatch freed at the end: no early return after they are made) */
  guint n;

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
  if (data->stacked)
    {
      /* split: each destination's total, its pie's size (the series share
       * their countries, in the same order) */
      KamChartSeries *first = series;

      sums = _kam_chart_series_new (NULL, 0);
      for (guint i = 0; i < first->points->len; i++)
        {
          KamChartPoint *p = &g_array_index (first->points, KamChartPoint, i);
          double sum = KAM_VALUE_UNKNOWN;

          for (guint s = 0; s < data->series->len; s++)
            {
              KamChartSeries *part = g_ptr_array_index (data->series, s);
              double v = i < part->points->len ? g_array_index (part->points, KamChartPoint, i).value : KAM_VALUE_UNKNOWN;

              if (kam_value_is_known (v))
                sum = kam_value_is_known (sum) ? sum + v : v;
            }
          _kam_chart_add_point (sums, p->label, p->country, p->year, sum, NULL, 0);
        }
      series = sums;
      circles = TRUE;
    }
  n = series->points->len;
  look.circles = circles;
  look.classes = classes_of (series);
  for (guint i = 0; i < n; i++)
    {
      double v = g_array_index (series->points, KamChartPoint, i).value;

      if (kam_value_is_known (v))
        look.greatest = MAX (look.greatest, v);
    }
  look.largest = MIN (w, h) * 0.07;
  look.least = 2 * ctx->unit;
  look.circle = kam_palette_color (ctx->style, 0);
  look.land = classes[1];
  look.flow = kam_palette_color (ctx->style, 4);
  look.hatch = ctx->style->high_contrast ? make_hatch (ctx) : NULL;
  legend_w = draw_legend (ctx, &look, 0, 0, FALSE);
  map_w = MAX (w - legend_w - gap, 10);

  /* the frame, projected (its edges are curves: measured along them) */
  for (guint i = 0; i <= 16; i++)
    {
      double lon = frame[0] + (frame[2] - frame[0]) * i / 16;
      double lat = frame[1] + (frame[3] - frame[1]) * i / 16;
      double px[4], py[4];

      kam_equal_earth (lon, frame[1], &px[0], &py[0]);
      kam_equal_earth (lon, frame[3], &px[1], &py[1]);
      kam_equal_earth (frame[0], lat, &px[2], &py[2]);
      kam_equal_earth (frame[2], lat, &px[3], &py[3]);
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
  clip[0] = x;
  clip[1] = y;
  clip[2] = x + map_w;
  clip[3] = y + h;
  if (data->map_frame == KAM_MAP_FRAME_WORLD)
    {
      /* the world: no more than the frame's latitudes (no Antarctica) */
      clip[1] = MAX (clip[1], view.y0 - fy1 * view.k);
      clip[3] = MIN (clip[3], view.y0 - fy0 * view.k);
    }

  for (guint i = 0; i < n; i++)
    {
      KamChartPoint *p = &g_array_index (series->points, KamChartPoint, i);

      if (p->country != NULL)
        g_hash_table_insert (shown, (gpointer) p->country, p);
    }
  /* the outlines projected the last time, if at the same place and size */
  if (data->map_paths == NULL || data->map_view[0] != view.x0 || data->map_view[1] != view.y0
      || data->map_view[2] != view.k)
    {
      g_clear_pointer (&data->map_paths, g_ptr_array_unref);
      data->map_paths = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_path_destroy);
      g_ptr_array_set_size (data->map_paths, kam_map_shapes_get_n_countries (shapes));
      data->map_view[0] = view.x0;
      data->map_view[1] = view.y0;
      data->map_view[2] = view.k;
    }
  paths = data->map_paths;
  cairo_save (cr);
  cairo_rectangle (cr, clip[0], clip[1], clip[2] - clip[0], clip[3] - clip[1]);
  cairo_clip (cr);
  if (data->map_frame == KAM_MAP_FRAME_WORLD)
    {
      /* the globe's edge: nothing beyond ±180° (Chukotka, the Aleutians) */
      globe_path (cr, &view);
      _kam_draw_set_color (cr, ctx->style->grid);
      cairo_set_line_width (cr, 1.0 * ctx->unit);
      cairo_stroke_preserve (cr);
      cairo_clip (cr);
    }
  /* every country: its class's colour (shaded) or a tint (circles), or "no
   * figure"; borders in the background's colour (high contrast: the text's) */
  for (guint i = 0; i < kam_map_shapes_get_n_countries (shapes); i++)
    {
      const KamMapCountry *country = kam_map_shapes_get_country (shapes, i);
      KamChartPoint *p = g_hash_table_lookup (shown, country->code);
      int k = p ? class_of (&look.classes, p->value) : -1;
      double box[4];

      country_box (country, &view, box);
      if (box[2] < clip[0] || box[0] > clip[2] || box[3] < clip[1] || box[1] > clip[3])
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
      if (k >= 0)
        {
          KamColor fill = circles ? look.land : class_color (&look.classes, k);

          _kam_draw_set_color (cr, fill);
        }
      else if (g_str_equal (country->code, "KHM"))
        _kam_draw_set_color (cr, ctx->style->muted);
      else
        set_no_figure (ctx, &look);
      cairo_fill_preserve (cr);
      _kam_draw_set_color (cr, ctx->style->high_contrast ? ctx->style->foreground : ctx->style->background);
      cairo_set_line_width (cr, (ctx->style->high_contrast ? 0.8 : 0.6) * ctx->unit);
      cairo_stroke (cr);
    }

  /* where each point's mark goes */
  places = g_new0 (Place, n);
  for (guint i = 0; i < n; i++)
    {
      KamChartPoint *p = &g_array_index (series->points, KamChartPoint, i);
      Place *place = &places[i];
      double *box = place->box, small = 8 * ctx->unit;

      place->country = p->country ? kam_map_shapes_find (shapes, p->country) : NULL;
      if (place->country == NULL)
        continue;
      country_box (place->country, &view, box);
      place->small = box[2] - box[0] < small && box[3] - box[1] < small;
      if (place->small)
        {
          place->x = (box[0] + box[2]) / 2;
          place->y = (box[1] + box[3]) / 2;
          place->r = 4.5 * ctx->unit;
        }
      else
        country_middle (shapes, place->country, &view, &place->x, &place->y);
      if (circles)
        place->r = circle_radius (p->value, look.greatest, look.largest, look.least);
    }
  cambodia = kam_map_shapes_find (shapes, "KHM");
  if (cambodia != NULL)
    country_middle (shapes, cambodia, &view, &khm_x, &khm_y);

  /* the flows, under the marks: the smallest last, on top */
  order = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, n, sizeof (guint), compare_by_value_desc, series);
  if (data->map_flows && cambodia != NULL && look.greatest > 0)
    for (guint j = 0; j < n; j++)
      {
        guint i = order[j];
        KamChartPoint *p = &g_array_index (series->points, KamChartPoint, i);

        if (places[i].country != NULL && places[i].country != cambodia && kam_value_is_known (p->value)
            && p->value > 0)
          draw_flow (ctx, &look, khm_x, khm_y, &places[i], p->value);
      }

  /* the marks: circles (the largest first, so that none hides another),
   * or the countries too small to see as a circle of their colour; and
   * where each is, for the hover and the keyboard */
  for (guint j = 0; j < n; j++)
    {
      guint i = order[j];
      KamChartPoint *p = &g_array_index (series->points, KamChartPoint, i);
      Place *place = &places[i];
      int k = class_of (&look.classes, p->value);

      if (place->country == NULL)
        continue;
      if (data->stacked && place->r > 0)
        draw_pie (ctx, place, i, &g_array_index (series->points, KamChartPoint, i));
      else if (circles ? place->r > 0 : place->small)
        {
          /* (a whole ring: hit inside the circle; the projection kept, as
           * for a country) */
          KamChartRegion region = { place->x - place->r, place->y - place->r, 2 * place->r, 2 * place->r, 0, i, TRUE,
                                    place->x, place->y, 0, place->r, 0, 2 * G_PI, NULL, view.x0, view.y0, view.k };

          cairo_new_path (cr);
          cairo_arc (cr, place->x, place->y, place->r, 0, 2 * G_PI);
          if (circles)
            cairo_set_source_rgba (cr, look.circle.r, look.circle.g, look.circle.b, 0.8);
          else if (k >= 0)
            _kam_draw_set_color (cr, class_color (&look.classes, k));
          else
            set_no_figure (ctx, &look);
          cairo_fill_preserve (cr);
          _kam_draw_set_color (cr, circles ? ctx->style->background : ctx->style->foreground);
          cairo_set_line_width (cr, 1.0 * ctx->unit);
          cairo_stroke (cr);
          if (ctx->regions != NULL)
            g_array_append_val (ctx->regions, region);
        }
      else if (ctx->regions != NULL && !circles)
        {
          KamChartRegion region = { place->box[0], place->box[1], place->box[2] - place->box[0],
                                    place->box[3] - place->box[1], 0, i };

          region.country = place->country;
          region.x0 = view.x0;
          region.y0 = view.y0;
          region.k = view.k;
          g_array_append_val (ctx->regions, region);
        }
    }

  /* names: Cambodia's first, then the countries' with their values (the
   * marks of their figures), the greatest first, each where it has room
   * and where it hides no small mark */
  for (guint i = 0; i < n; i++)
    if (places[i].country != NULL && places[i].r > 0 && places[i].r < 6 * ctx->unit)
      {
        double box[4] = { places[i].x - places[i].r, places[i].y - places[i].r, places[i].x + places[i].r,
                          places[i].y + places[i].r };

        g_array_append_vals (boxes, box, 4);
      }
  if (cambodia != NULL && !g_hash_table_contains (shown, "KHM"))
    {
      double box[4];
      Label label;

      /* under it, in the sea: Thailand's name and figure take the middle
       * of the land around it */
      country_box (cambodia, &view, box);
      label = make_label (ctx, _("Cambodia"), khm_x, box[3] + 8 * ctx->unit, 0, TRUE);
      place_label (ctx, &label, boxes, clip);
      g_object_unref (label.layout);
    }
  for (guint j = 0; j < n; j++)
    {
      guint i = order[j];
      KamChartPoint *p = &g_array_index (series->points, KamChartPoint, i);
      g_autofree char *number = NULL, *marked = NULL, *text = NULL;
      Label label;

      if (places[i].country == NULL || !kam_value_is_known (p->value))
        continue;
      number = _kam_draw_format_value (ctx, p->value, FALSE);
      marked = _kam_draw_with_marks (ctx, number, i);
      text = g_strdup_printf ("%s\n%s", p->label, marked);
      label = make_label (ctx, text, places[i].x, places[i].y, places[i].r, FALSE);
      place_label (ctx, &label, boxes, clip);
      g_object_unref (label.layout);
    }
  cairo_restore (cr);
  draw_legend (ctx, &look, x + map_w + gap, y, TRUE);
  g_clear_pointer (&sums, _kam_chart_series_free);
  g_clear_pointer (&look.hatch, cairo_pattern_destroy);
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
