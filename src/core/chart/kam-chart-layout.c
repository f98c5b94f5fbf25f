/* kam-chart-layout.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A chart rendered: what was drawn where (its regions, with the data they
 * index), and which point is under a place (the hit test). */

#include <math.h>
#include <string.h>
#include "kam-chart-private.h"

/* What one rendering drew where: its regions, and the data they index, kept
 * alive by the layout so that an edit or another rendering of the same chart
 * (an export, a copy, a print) never changes what they point at. */
struct _KamChartLayout
{
  gatomicrefcount ref_count;
  KamChartData *data;
  GArray *regions; /* KamChartRegion, in drawing order */
};

G_DEFINE_BOXED_TYPE (KamChartLayout, kam_chart_layout, kam_chart_layout_ref, kam_chart_layout_unref)

KamChartLayout *
kam_chart_layout_ref (KamChartLayout *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
kam_chart_layout_unref (KamChartLayout *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  _kam_chart_data_free (self->data);
  g_array_unref (self->regions);
  g_free (self);
}

const KamChartRegion *
_kam_chart_layout_get_regions (KamChartLayout *self, guint *n_regions)
{
  *n_regions = self->regions->len;
  return (const KamChartRegion *) (gpointer) self->regions->data;
}

/**
 * kam_chart_layout_get_n_points:
 *
 * Returns: how many points the rendering drew (bars, dots, slices)
 */
guint
kam_chart_layout_get_n_points (KamChartLayout *self)
{
  return self->regions->len;
}

/**
 * kam_chart_render_layout:
 *
 * Renders the chart and tells where each point went.
 *
 * Returns: (transfer full): the regions drawn, for kam_chart_layout_hit()
 */
KamChartLayout *
kam_chart_render_layout (KamChart *self, cairo_t *cr, const KamChartStyle *style, double width,
                         double height)
{
  KamChartLayout *layout;

  g_return_val_if_fail (KAM_IS_CHART (self), NULL);
  layout = g_new0 (KamChartLayout, 1);
  g_atomic_ref_count_init (&layout->ref_count);
  layout->data = _kam_chart_get_data (self);
  g_atomic_ref_count_inc (&layout->data->ref_count);
  layout->regions = g_array_new (FALSE, FALSE, sizeof (KamChartRegion));
  _kam_chart_render_data (layout->data, cr, style, width, height, layout->regions);
  return layout;
}

void
kam_chart_render (KamChart *self, cairo_t *cr, const KamChartStyle *style, double width,
                  double height)
{
  g_return_if_fail (KAM_IS_CHART (self));
  _kam_chart_render_data (_kam_chart_get_data (self), cr, style, width, height, NULL);
}

static void
fill_hit (KamChartLayout *self, const KamChartRegion *r, KamChartHit *hit)
{
  KamChartSeries *series = g_ptr_array_index (self->data->series, r->series);

  hit->found = TRUE;
  hit->series = r->series;
  hit->series_name = series->name;
  hit->point = g_array_index (series->points, KamChartPoint, r->index);
  hit->usd = self->data->usd;
  hit->percent = self->data->percent;
}

gboolean
kam_chart_layout_hit (KamChartLayout *self, double x, double y, KamChartHit *hit)
{
  memset (hit, 0, sizeof *hit);
  /* the last region drawn is on top */
  for (guint i = self->regions->len; i > 0; i--)
    {
      KamChartRegion *r = &g_array_index (self->regions, KamChartRegion, i - 1);

      if (r->wedge)
        {
          double dx = x - r->cx, dy = y - r->cy, d = sqrt (dx * dx + dy * dy);
          /* angles from 12 o'clock, clockwise */
          double a = atan2 (dx, -dy);

          if (a < 0)
            a += 2 * G_PI;
          if (d < r->r0 || d > r->r1 || a < r->a0 || a > r->a1)
            continue;
        }
      else if (x < r->x || x > r->x + r->width || y < r->y || y > r->y + r->height)
        continue;
      else if (r->country != NULL && !_kam_chart_map_contains (r, x, y))
        continue; /* (in the country's box, not in the country) */
      fill_hit (self, r, hit);
      return TRUE;
    }
  return FALSE;
}

/**
 * kam_chart_layout_get_point:
 * @index: below kam_chart_layout_get_n_points(), in the order drawn
 * @rect: (out) (optional): x, y, width and height of where it was drawn (a
 *   slice's box: a small square in its middle; a whole ring's: its box)
 *
 * What the rendering drew as its index-th point, for moving among them
 * with the keyboard; the hit's strings are borrowed from the layout.
 */
gboolean
kam_chart_layout_get_point (KamChartLayout *self, guint index, KamChartHit *hit, double rect[4])
{
  const KamChartRegion *r;

  memset (hit, 0, sizeof *hit);
  if (index >= self->regions->len)
    return FALSE;
  r = &g_array_index (self->regions, KamChartRegion, index);
  fill_hit (self, r, hit);
  if (rect != NULL && r->wedge && r->a1 - r->a0 >= 2 * G_PI - 1e-9)
    {
      /* a whole ring or disc (a map's circle): its box */
      rect[0] = r->cx - r->r1;
      rect[1] = r->cy - r->r1;
      rect[2] = rect[3] = 2 * r->r1;
    }
  else if (rect != NULL && r->wedge)
    {
      double a = (r->a0 + r->a1) / 2, d = (r->r0 + r->r1) / 2, side = MAX ((r->r1 - r->r0) / 2, 4);

      rect[0] = r->cx + d * sin (a) - side / 2;
      rect[1] = r->cy - d * cos (a) - side / 2;
      rect[2] = rect[3] = side;
    }
  else if (rect != NULL)
    {
      rect[0] = r->x;
      rect[1] = r->y;
      rect[2] = r->width;
      rect[3] = r->height;
    }
  return TRUE;
}
