/* test-chart.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Charts rendered to image surfaces, checked the way a reader looks at them:
 * bar lengths in pixels, colours, gaps. No display needed. */

#include <math.h>
#include <string.h>
#include "kam-chart-kinds.h"
#include "kam-map-shapes.h"
#include "kam-chart-private.h"
#include "kam-enums.h"
#include "kam-test-utils.h"
#include "kam-number.h"

#define W 900
#define H 560

typedef struct
{
  cairo_surface_t *surface;
  KamChartStyle style;
  KamChartLayout *layout; /* where the rendering drew each point */
} Picture;

/* Draws the chart in pic's style. */
static void
render_styled (KamChart *chart, Picture *pic)
{
  cairo_t *cr;

  g_clear_pointer (&pic->surface, cairo_surface_destroy);
  pic->surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W, H);
  cr = cairo_create (pic->surface);
  g_clear_pointer (&pic->layout, kam_chart_layout_unref);
  pic->layout = kam_chart_render_layout (chart, cr, &pic->style, W, H);
  cairo_destroy (cr);
  cairo_surface_flush (pic->surface);
}

static void
render (KamChart *chart, gboolean dark, Picture *pic)
{
  kam_chart_style_init (&pic->style, dark);
  render_styled (chart, pic);
}

static void
picture_clear (Picture *pic)
{
  g_clear_pointer (&pic->surface, cairo_surface_destroy);
  g_clear_pointer (&pic->layout, kam_chart_layout_unref);
}

static KamColor
pixel (Picture *pic, int x, int y)
{
  guint32 *data = (guint32 *) cairo_image_surface_get_data (pic->surface);
  int stride = cairo_image_surface_get_stride (pic->surface) / 4;
  guint32 p = data[y * stride + x];
  KamColor c = { ((p >> 16) & 0xff) / 255.0, ((p >> 8) & 0xff) / 255.0, (p & 0xff) / 255.0 };
  return c;
}

static gboolean
same_color (KamColor a, KamColor b)
{
  return fabs (a.r - b.r) < 0.02 && fabs (a.g - b.g) < 0.02 && fabs (a.b - b.b) < 0.02;
}

/* How many pixels of colour c run to the right from (x, y). */
static int
run_length (Picture *pic, int x, int y, KamColor c)
{
  int n = 0;

  while (x + n < W && same_color (pixel (pic, x + n, y), c))
    n++;
  return n;
}

static const KamChartRegion *
region_of (Picture *pic, guint series, guint index)
{
  guint n;
  const KamChartRegion *regions = _kam_chart_layout_get_regions (pic->layout, &n);

  for (guint i = 0; i < n; i++)
    {
      const KamChartRegion *r = &regions[i];
      if (r->series == series && r->index == index)
        return r;
    }
  g_assert_not_reached ();
}

static KamChartPoint *
point (KamChart *chart, guint series, guint index)
{
  KamChartSeries *s = g_ptr_array_index (kam_chart_get_series (chart), series);
  return &g_array_index (s->points, KamChartPoint, index);
}

static int
bar_length (KamChart *chart, Picture *pic, guint index)
{
  const KamChartRegion *r = region_of (pic, 0, index);
  return run_length (pic, (int) ceil (r->x), (int) (r->y + r->height / 2),
                     kam_palette_color (&pic->style, 0));
}

static void
test_destinations_linear (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autoptr (KamChart) chart = kam_chart_new (dataset, KAM_CHART_DESTINATIONS);
  Picture pic = { 0 };
  KamChartSeries *series;
  int thailand;

  render (chart, FALSE, &pic);
  g_assert_cmpint (kam_chart_get_resolved_year (chart), ==, 2021);
  series = g_ptr_array_index (kam_chart_get_series (chart), 0);
  g_assert_cmpuint (series->points->len, ==, 7);
  g_assert_cmpstr (point (chart, 0, 0)->country, ==, "THA");
  thailand = bar_length (chart, &pic, 0);
  g_assert_cmpint (thailand, >, 400);
  /* every bar shorter than Thailand's, and in proportion to its value */
  for (guint i = 1; i < series->points->len; i++)
    {
      int length = bar_length (chart, &pic, i);
      double expected = thailand * point (chart, 0, i)->value / point (chart, 0, 0)->value;

      g_assert_cmpint (length, <, thailand);
      g_assert_cmpfloat (fabs (length - expected), <=, 2.0);
    }
  picture_clear (&pic);
}

/* The bar of a remittances year, from the layout. */
static double
bar_height_of_year (Picture *pic, KamChart *chart, int year)
{
  KamChartSeries *series = g_ptr_array_index (kam_chart_get_series (chart), 0);

  for (guint k = 0; k < series->points->len; k++)
    if (g_array_index (series->points, KamChartPoint, k).year == year)
      return region_of (pic, 0, k)->height;
  g_assert_not_reached ();
}

/* Remittances span US$ 9 M to 2.8 B: on a log scale the small years show,
 * and the scale starts near the values rather than at 1. Shares and stacked
 * bars have no log scale. */
static void
test_log_scale_where_it_applies (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autoptr (KamChart) chart = kam_chart_new (dataset, KAM_CHART_REMITTANCES);
  Picture linear = { 0 }, log = { 0 };
  KamChartSeries *series;
  double small_linear, big_linear, small_log, big_log;
  int first_year, last_year;

  series = g_ptr_array_index (kam_chart_get_series (chart), 0);
  first_year = g_array_index (series->points, KamChartPoint, 0).year;
  last_year = g_array_index (series->points, KamChartPoint, series->points->len - 1).year;
  g_assert_true (kam_chart_get_log_scale_applies (chart));
  render (chart, FALSE, &linear);
  small_linear = bar_height_of_year (&linear, chart, first_year);
  big_linear = bar_height_of_year (&linear, chart, last_year);
  kam_chart_set_scale (chart, KAM_SCALE_LOG);
  render (chart, FALSE, &log);
  small_log = bar_height_of_year (&log, chart, first_year);
  big_log = bar_height_of_year (&log, chart, last_year);
  /* the first year's remittances are a hundredth of the last's or less */
  g_assert_cmpfloat (small_linear / big_linear, <, 0.02);
  g_assert_cmpfloat (small_log / big_log, >, 0.2);
  picture_clear (&linear);
  picture_clear (&log);

  kam_chart_set_kind (chart, KAM_CHART_QUOTA);
  g_assert_true (kam_chart_get_log_scale_applies (chart));
  kam_chart_set_kind (chart, KAM_CHART_SHARE);
  g_assert_false (kam_chart_get_log_scale_applies (chart));
  kam_chart_set_kind (chart, KAM_CHART_GENDER);
  g_assert_false (kam_chart_get_log_scale_applies (chart));
  kam_chart_set_kind (chart, KAM_CHART_DESTINATIONS);
  g_assert_true (kam_chart_get_log_scale_applies (chart));
  kam_chart_set_split (chart, "sex");
  kam_chart_set_indicator (chart, "deployed");
  kam_chart_set_year (chart, 2023);
  g_assert_false (kam_chart_get_log_scale_applies (chart));
}

static void
test_destinations_log (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autoptr (KamChart) chart = kam_chart_new (dataset, KAM_CHART_DESTINATIONS);
  Picture pic = { 0 };
  int saudi, thailand;

  kam_chart_set_scale (chart, KAM_SCALE_LOG);
  render (chart, FALSE, &pic);
  g_assert_cmpstr (point (chart, 0, 6)->country, ==, "SAU");
  g_assert_cmpfloat (point (chart, 0, 6)->value, ==, 43);
  saudi = bar_length (chart, &pic, 6);
  thailand = bar_length (chart, &pic, 0);
  /* 43 is visible: on a linear scale it would be under one pixel */
  g_assert_cmpint (saudi, >, 50);
  /* log from 1: the length is in proportion to the number of digits */
  g_assert_cmpfloat (fabs ((double) saudi / thailand - log10 (43) / log10 (1220197)), <, 0.02);
  picture_clear (&pic);
}

static void
test_share (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autoptr (KamChart) chart = kam_chart_new (dataset, KAM_CHART_SHARE);
  Picture pic = { 0 };
  KamChartPoint *thailand;
  const KamChartRegion *slice;
  double mid;
  int x, y;

  render (chart, FALSE, &pic);
  /* Thailand, Korea, and Malaysia, Japan, Singapore, Hong Kong, Saudi Arabia as "Other" */
  g_assert_cmpuint (((KamChartSeries *) g_ptr_array_index (kam_chart_get_series (chart), 0))->points->len, ==, 3);
  g_assert_null (point (chart, 0, 2)->country);
  g_assert_cmpfloat (fabs (point (chart, 0, 2)->value - (23027 + 11453 + 821 + 202 + 43) / 1301609.0), <, 1e-9);
  thailand = point (chart, 0, 0);
  g_assert_cmpstr (thailand->country, ==, "THA");
  g_assert_cmpfloat (fabs (thailand->value - 0.94), <, 0.005);
  /* the middle of Thailand's slice is Thailand's colour; just before 12 o'clock is not */
  slice = region_of (&pic, 0, 0);
  g_assert_true (slice->wedge);
  mid = (slice->a0 + slice->a1) / 2;
  x = slice->cx + sin (mid) * (slice->r0 + slice->r1) / 2;
  y = slice->cy - cos (mid) * (slice->r0 + slice->r1) / 2;
  g_assert_true (same_color (pixel (&pic, x, y), kam_palette_color (&pic.style, 0)));
  x = slice->cx + sin (2 * G_PI - 0.1) * (slice->r0 + slice->r1) / 2;
  y = slice->cy - cos (2 * G_PI - 0.1) * (slice->r0 + slice->r1) / 2;
  g_assert_false (same_color (pixel (&pic, x, y), kam_palette_color (&pic.style, 0)));
  picture_clear (&pic);
}

static KamDataset *
trend_dataset (void)
{
  KamDataset *dataset = kam_test_load_fixture ("good.kamlang");
  KamFigureRow rows[] = { { "JPN", 2019, "workers", 100, "s1", NULL },
                          { "JPN", 2020, "workers", 200, "s1", NULL },
                          { "JPN", 2022, "workers", 300, "s1", NULL } };
  KamFigureRow known_2021 = { "JPN", 2021, "workers", 0, "s1", NULL };
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  int row;

  g_assert_true (kam_dataset_add_figures (dataset, rows, G_N_ELEMENTS (rows), NULL, NULL));
  /* 2021 becomes unknown: a gap */
  row = kam_figure_table_find_same_key (table, &known_2021, 0);
  g_assert_cmpint (row, >=, 0);
  g_assert_true (kam_dataset_set_figure_value (dataset, kam_figure_table_get_id (table, row), NAN, NULL));
  return dataset;
}

static void
test_trend_gap (void)
{
  g_autoptr (KamDataset) dataset = trend_dataset ();
  g_autoptr (KamChart) chart = kam_chart_new (dataset, KAM_CHART_TREND);
  const char *countries[] = { "JPN", NULL };
  Picture pic = { 0 };
  const KamChartRegion *a, *b, *d;
  double ax, ay, bx, by, dx, dy;
  KamColor line;

  kam_chart_set_countries (chart, countries);
  render (chart, FALSE, &pic);
  line = kam_palette_color (&pic.style, 0);
  /* points 0, 1, 3 are 2019, 2020, 2022; 2021 is unknown */
  g_assert_true (isnan (point (chart, 0, 2)->value));
  a = region_of (&pic, 0, 0);
  b = region_of (&pic, 0, 1);
  d = region_of (&pic, 0, 3);
  ax = a->x + a->width / 2, ay = a->y + a->height / 2;
  bx = b->x + b->width / 2, by = b->y + b->height / 2;
  dx = d->x + d->width / 2, dy = d->y + d->height / 2;
  /* 2019 to 2020: a line */
  g_assert_true (same_color (pixel (&pic, (ax + bx) / 2, (ay + by) / 2), line));
  /* 2020 to 2022 through the unknown 2021: nothing */
  for (double t = 0.2; t < 0.85; t += 0.1)
    g_assert_false (same_color (pixel (&pic, bx + t * (dx - bx), by + t * (dy - by)), line));
  picture_clear (&pic);
}

static void
test_dark_background (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autoptr (KamChart) chart = kam_chart_new (dataset, KAM_CHART_DESTINATIONS);
  Picture light = { 0 }, dark = { 0 };
  KamColor l, d;

  render (chart, FALSE, &light);
  render (chart, TRUE, &dark);
  l = pixel (&light, 3, H - 3);
  d = pixel (&dark, 3, H - 3);
  g_assert_cmpfloat (0.3 * d.r + 0.6 * d.g + 0.1 * d.b, <, 0.2);
  g_assert_cmpfloat (0.3 * l.r + 0.6 * l.g + 0.1 * l.b, >, 0.9);
  picture_clear (&light);
  picture_clear (&dark);
}

/* The high-contrast style: black on white and white on black, every series
 * colour at 4.5:1 or more against its background and distinct from the
 * others, grid lines at 3:1 or more (WCAG 2: text, graphics); and the bars
 * are drawn in it. */
static void
test_high_contrast (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autoptr (KamChart) chart = kam_chart_new (dataset, KAM_CHART_DESTINATIONS);
  Picture pic = { 0 };

  for (int dark = 0; dark <= 1; dark++)
    {
      KamChartStyle style;

      kam_chart_style_init (&style, dark);
      kam_chart_style_set_high_contrast (&style);
      g_assert_cmpfloat (kam_color_contrast (style.foreground, style.background), >=, 19);
      g_assert_cmpfloat (kam_color_contrast (style.muted, style.background), >=, 7);
      g_assert_cmpfloat (kam_color_contrast (style.grid, style.background), >=, 3);
      for (guint i = 0; i < 8; i++)
        {
          g_assert_cmpfloat (kam_color_contrast (kam_palette_color (&style, i), style.background), >=, 4.5);
          for (guint j = 0; j < i; j++)
            g_assert_false (same_color (kam_palette_color (&style, i), kam_palette_color (&style, j)));
        }
    }
  /* the usual palette does not reach it (its orange is 2.2:1 on white) */
  {
    KamChartStyle style;

    kam_chart_style_init (&style, FALSE);
    g_assert_cmpfloat (kam_color_contrast (kam_palette_color (&style, 1), style.background), <, 3);
  }

  kam_chart_style_init (&pic.style, FALSE);
  kam_chart_style_set_high_contrast (&pic.style);
  render_styled (chart, &pic);
  /* Thailand's bar, in the high-contrast blue, runs most of the width */
  g_assert_cmpint (bar_length (chart, &pic, 0), >, W / 2);
  picture_clear (&pic);
}

static void
count_changed (KamChart *chart, guint *count)
{
  (*count)++;
}

static void
test_follows_edits (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autoptr (KamChart) chart = kam_chart_new (dataset, KAM_CHART_DESTINATIONS);
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  Picture before = { 0 }, after = { 0 };
  guint changed = 0, japan_index = 3, japan_id;
  int old_length, new_length, remittance_row = -1;

  render (chart, FALSE, &before);
  g_assert_cmpstr (point (chart, 0, japan_index)->country, ==, "JPN");
  japan_id = point (chart, 0, japan_index)->figure_id;
  old_length = bar_length (chart, &before, japan_index);
  g_signal_connect (chart, "changed", G_CALLBACK (count_changed), &changed);

  /* an edit to a figure the chart does not draw: no change */
  for (guint i = 0; i < kam_figure_table_get_n_rows (table); i++)
    if (g_str_equal (kam_figure_table_get_indicator (table, i), "remittances"))
      remittance_row = i;
  g_assert_true (kam_dataset_set_figure_value (dataset, kam_figure_table_get_id (table, remittance_row), 1, NULL));
  g_assert_cmpuint (changed, ==, 0);

  /* an edit to Japan's bar: one change, and a longer bar */
  g_assert_true (kam_dataset_set_figure_value (dataset, japan_id, 600000, NULL));
  g_assert_cmpuint (changed, ==, 1);
  render (chart, FALSE, &after);
  g_assert_cmpstr (point (chart, 0, 1)->country, ==, "JPN"); /* now second largest */
  new_length = bar_length (chart, &after, 1);
  g_assert_cmpint (new_length, >, old_length * 10);
  picture_clear (&before);
  picture_clear (&after);
  g_assert_true (kam_dataset_undo (dataset));
  g_assert_cmpuint (changed, ==, 2);
}

static void
test_hit_bar (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autoptr (KamChart) chart = kam_chart_new (dataset, KAM_CHART_DESTINATIONS);
  Picture pic = { 0 };
  KamChartHit hit;
  g_autoptr (GArray) ids = NULL;

  render (chart, FALSE, &pic);
  for (guint i = 0; i < 7; i++)
    {
      const KamChartRegion *r = region_of (&pic, 0, i);
      g_assert_true (kam_chart_layout_hit (pic.layout, r->x + r->width / 2, r->y + r->height / 2, &hit));
      g_assert_cmpstr (hit.point.country, ==, point (chart, 0, i)->country);
      g_assert_cmpstr (hit.point.source, ==, "pp-004");
      g_assert_cmpint (hit.point.year, ==, 2021);
    }
  ids = kam_chart_hit_figures (&hit);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_false (kam_chart_layout_hit (pic.layout, 2, 2, &hit));
  picture_clear (&pic);
}

/* A layout keeps what its rendering drew: another rendering at another size
 * (an export, a copy) or a change of kind does not move it. */
static void
test_layout_survives_other_renderings (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autoptr (KamChart) chart = kam_chart_new (dataset, KAM_CHART_DESTINATIONS);
  Picture pic = { 0 }, small = { 0 };
  const KamChartRegion *korea = NULL;
  guint n;
  const KamChartRegion *regions;
  KamChartHit hit;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 300, 200);
  cairo_t *cr = cairo_create (surface);

  render (chart, FALSE, &pic);
  regions = _kam_chart_layout_get_regions (pic.layout, &n);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (point (chart, regions[i].series, regions[i].index)->country, "KOR") == 0)
      korea = &regions[i];
  g_assert_nonnull (korea);

  /* another rendering, four times smaller, as Copy Chart does */
  kam_chart_style_init (&small.style, FALSE);
  small.layout = kam_chart_render_layout (chart, cr, &small.style, 300, 200);
  g_assert_true (kam_chart_layout_hit (pic.layout, korea->x + korea->width / 2, korea->y + korea->height / 2, &hit));
  g_assert_cmpstr (hit.point.country, ==, "KOR");
  g_assert_cmpfloat (hit.point.value, ==, 45866);

  /* the chart becomes another kind: the old layout still tells what it drew */
  kam_chart_set_kind (chart, KAM_CHART_REMITTANCES);
  g_assert_cmpuint (kam_chart_get_series (chart)->len, >, 0);
  g_assert_true (kam_chart_layout_hit (pic.layout, korea->x + korea->width / 2, korea->y + korea->height / 2, &hit));
  g_assert_cmpstr (hit.point.country, ==, "KOR");
  g_assert_cmpstr (hit.point.source, ==, "pp-004");
  g_assert_false (hit.usd);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  picture_clear (&small);
  picture_clear (&pic);
}

/* Each kind described once, in step with the kinds Kamlang knows: its name
 * is its nick in commands, and the rules said of it hold of its charts. */
static void
test_kinds_described_once (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autoptr (GEnumClass) kinds = g_type_class_ref (KAM_TYPE_CHART_KIND);

  g_assert_cmpuint (kam_chart_kind_get_n_kinds (), ==, kinds->n_values);
  for (guint k = 0; k < kinds->n_values; k++)
    {
      const KamChartKindInfo *info = kam_chart_kind_get_info (kinds->values[k].value);
      g_autoptr (KamChart) chart = kam_chart_new (dataset, kinds->values[k].value);

      g_assert_cmpint (info->kind, ==, kinds->values[k].value);
      g_assert_cmpstr (info->id, ==, kinds->values[k].value_nick);
      g_assert_cmpint (kam_chart_get_log_scale_applies (chart), ==, info->log_scale);
      /* a chart of one year shows one; a chart by year, several */
      if (info->one_year)
        g_assert_cmpint (_kam_chart_get_data (chart)->year, >, 0);
      if (info->by_year)
        g_assert_cmpuint (((KamChartSeries *) g_ptr_array_index (kam_chart_get_series (chart), 0))->points->len, >, 1);
      /* unless told, its default indicator (the gender chart chooses its own) */
      if (info->kind != KAM_CHART_GENDER)
        g_assert_cmpstr (kam_chart_get_resolved_indicator (chart), ==, info->default_indicator);
    }
}

/* The chart's data carries what drawing needs, the sources' labels among
 * them: a source's publisher renamed changes the chart (its footnote). */
static void
test_source_retitled (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autoptr (KamChart) chart = kam_chart_new (dataset, KAM_CHART_DESTINATIONS);
  KamChartData *data = _kam_chart_get_data (chart);
  KamSource *source = kam_dataset_lookup_source (dataset, g_ptr_array_index (data->sources, 0));
  guint changed = 0;

  g_assert_cmpuint (data->source_labels->len, ==, data->sources->len);
  g_signal_connect (chart, "changed", G_CALLBACK (count_changed), &changed);
  g_assert_true (kam_dataset_set_item_string (dataset, source, "publisher", "The Cambodia Daily", NULL));
  g_assert_cmpuint (changed, ==, 1);
  data = _kam_chart_get_data (chart);
  g_assert_nonnull (strstr (g_ptr_array_index (data->source_labels, 0), "The Cambodia Daily"));
}

/* The region of a map's country, by its code. */
static const KamChartRegion *
map_region_of (Picture *pic, KamChart *chart, const char *code)
{
  KamChartSeries *series = g_ptr_array_index (kam_chart_get_series (chart), 0);

  for (guint i = 0; i < series->points->len; i++)
    if (g_strcmp0 (g_array_index (series->points, KamChartPoint, i).country, code) == 0)
      return region_of (pic, 0, i);
  return NULL;
}

/* Where a longitude and latitude are drawn, by a region's projection. */
static void
map_pixel (const KamChartRegion *r, double lon, double lat, int *px, int *py)
{
  double x, y;

  kam_equal_earth (lon, lat, &x, &y);
  *px = (int) lround (r->x0 + x * r->k);
  *py = (int) lround (r->y0 - y * r->k);
}

/* The map (issue 30): Thailand (1.2 million) in the darkest class, Saudi
 * Arabia (43) in the lightest, Singapore (821) a circle of its class, a
 * country without a figure grey and not the lightest class; the hover finds
 * Thailand in Thailand, and nothing in the Gulf of Thailand, inside its box. */
static void
test_map (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autoptr (KamChart) chart = kam_chart_new (dataset, KAM_CHART_MAP);
  const KamColor *palette;
  const KamChartRegion *thailand, *saudi, *singapore;
  KamChartHit hit;
  Picture pic = { 0 };
  guint n;
  int px, py;

  palette = _kam_chart_map_get_palette (&n);
  g_assert_cmpint (_kam_chart_get_data (chart)->year, ==, 2021);
  render (chart, FALSE, &pic);
  thailand = map_region_of (&pic, chart, "THA");
  saudi = map_region_of (&pic, chart, "SAU");
  singapore = map_region_of (&pic, chart, "SGP");
  g_assert_nonnull (thailand);
  g_assert_nonnull (saudi);
  g_assert_nonnull (singapore);
  map_pixel (thailand, 99.3, 18.9, &px, &py); /* the north (away from its label) */
  g_assert_true (same_color (pixel (&pic, px, py), palette[n - 1]));
  map_pixel (thailand, 38.5, 27.5, &px, &py); /* Saudi Arabia's north-west (away from its label) */
  g_assert_true (same_color (pixel (&pic, px, py), palette[0]));
  /* too small to see: a circle, in its class's colour, not the grey of no figure */
  g_assert_cmpfloat (singapore->width, >, 4);
  g_assert_true (same_color (pixel (&pic, (int) (singapore->x + singapore->width / 2),
                                    (int) (singapore->y + singapore->height / 2)),
                             palette[1]));
  /* Viet Nam has no figure: grey, not the lightest class */
  map_pixel (thailand, 105.5, 20.5, &px, &py);
  g_assert_true (same_color (pixel (&pic, px, py), pic.style.grid));
  g_assert_false (same_color (pixel (&pic, px, py), palette[0]));
  /* every destination's name and value drawn, with room at this size:
   * text (darker than the countries under it, Borneo's teal too) over
   * Saudi Arabia's middle and Malaysia's Borneo */
  {
    static const double places[][2] = { { 44.5, 24.0 }, { 114.0, 2.5 } };

    for (guint i = 0; i < G_N_ELEMENTS (places); i++)
      {
        guint dark = 0;

        map_pixel (thailand, places[i][0], places[i][1], &px, &py);
        for (int dy = -25; dy <= 25; dy++)
          for (int dx = -40; dx <= 40; dx++)
            {
              KamColor c = pixel (&pic, px + dx, py + dy);

              dark += c.r + c.g + c.b < 1.2;
            }
        g_assert_cmpuint (dark, >, 20);
      }
  }
  /* the hover */
  map_pixel (thailand, 101.0, 15.5, &px, &py);
  g_assert_true (kam_chart_layout_hit (pic.layout, px, py, &hit));
  g_assert_cmpstr (hit.point.country, ==, "THA");
  g_assert_cmpfloat (hit.point.value, ==, 1220197);
  map_pixel (thailand, 101.0, 10.5, &px, &py); /* the Gulf of Thailand */
  g_assert_cmpint (px, >, thailand->x);
  g_assert_cmpint (px, <, thailand->x + thailand->width);
  g_assert_false (kam_chart_layout_hit (pic.layout, px, py, &hit) && g_strcmp0 (hit.point.country, "THA") == 0);
  picture_clear (&pic);
  /* drawn again at the same place and size (a hover): the outlines
   * projected the first time are drawn again, not projected anew */
  {
    KamChartData *data = _kam_chart_get_data (chart);
    GPtrArray *paths;
    gpointer some_path = NULL;

    render (chart, FALSE, &pic);
    paths = data->map_paths;
    g_assert_nonnull (paths);
    for (guint i = 0; i < paths->len; i++)
      some_path = some_path ? some_path : g_ptr_array_index (paths, i);
    g_assert_nonnull (some_path);
    render (chart, FALSE, &pic);
    g_assert_true (data->map_paths == paths);
    g_assert_true (g_ptr_array_find (data->map_paths, some_path, NULL));
    picture_clear (&pic);
  }
  /* said as the other charts say theirs */
  {
    g_autofree char *said = kam_chart_describe (chart);

    g_assert_nonnull (strstr (said, "Thailand 1,220,197"));
    g_assert_nonnull (strstr (said, "Saudi Arabia 43"));
  }
}

/* How many pixels of colour c a picture has. */
static guint
count_color (Picture *pic, KamColor c)
{
  guint n = 0;

  for (int y = 0; y < H; y++)
    for (int x = 0; x < W; x++)
      n += same_color (pixel (pic, x, y), c);
  return n;
}

/* The map's choices (issue 30): circles whose area is the value, lines
 * from Cambodia, the World, and "no figure" hatched in high contrast. */
static void
test_map_choices (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autoptr (KamChart) chart = kam_chart_new (dataset, KAM_CHART_MAP);
  const KamChartRegion *thailand, *korea, *saudi;
  KamColor flow, land;
  KamChartHit hit;
  Picture pic = { 0 };
  double asia_k;
  guint n, plain;
  int px, py;

  land = _kam_chart_map_get_palette (&n)[1];
  /* circles: each a region of its own (a whole ring), areas as the values */
  kam_chart_set_map_style (chart, KAM_MAP_CIRCLES);
  render (chart, FALSE, &pic);
  thailand = map_region_of (&pic, chart, "THA");
  korea = map_region_of (&pic, chart, "KOR");
  saudi = map_region_of (&pic, chart, "SAU");
  g_assert_true (thailand->wedge && korea->wedge && saudi->wedge);
  g_assert_cmpfloat_with_epsilon (thailand->r1 / korea->r1, sqrt (1220197.0 / 45866), 0.01);
  g_assert_cmpfloat (saudi->r1, >, 1.0); /* 43: small, never invisible */
  g_assert_cmpfloat (saudi->r1, <, korea->r1);
  g_assert_true (kam_chart_layout_hit (pic.layout, thailand->cx, thailand->cy, &hit));
  g_assert_cmpstr (hit.point.country, ==, "THA");
  /* the keyboard's focus on a circle: the circle's box, not a square inside it */
  {
    guint n_regions;
    const KamChartRegion *regions = _kam_chart_layout_get_regions (pic.layout, &n_regions);
    double rect[4];

    g_assert_true (kam_chart_layout_get_point (pic.layout, (guint) (korea - regions), &hit, rect));
    g_assert_cmpstr (hit.point.country, ==, "KOR");
    g_assert_cmpfloat_with_epsilon (rect[0], korea->cx - korea->r1, 1e-9);
    g_assert_cmpfloat_with_epsilon (rect[1], korea->cy - korea->r1, 1e-9);
    g_assert_cmpfloat_with_epsilon (rect[2], 2 * korea->r1, 1e-9);
    g_assert_cmpfloat_with_epsilon (rect[3], 2 * korea->r1, 1e-9);
    g_assert_cmpuint (n_regions, >, 0);
  }
  /* under the circles: a country with a figure tinted, one without grey */
  map_pixel (thailand, 38.5, 27.5, &px, &py); /* Saudi Arabia's north-west, off its circle */
  g_assert_true (same_color (pixel (&pic, px, py), land));
  map_pixel (thailand, 105.5, 20.5, &px, &py); /* Viet Nam */
  g_assert_true (same_color (pixel (&pic, px, py), pic.style.grid));
  picture_clear (&pic);

  /* lines from Cambodia: in their colour, and only when asked for */
  kam_chart_set_map_style (chart, KAM_MAP_SHADED);
  render (chart, FALSE, &pic);
  flow = kam_palette_color (&pic.style, 4);
  plain = count_color (&pic, flow);
  asia_k = map_region_of (&pic, chart, "THA")->k;
  picture_clear (&pic);
  kam_chart_set_map_flows (chart, TRUE);
  render (chart, FALSE, &pic);
  g_assert_cmpuint (plain, ==, 0);
  g_assert_cmpuint (count_color (&pic, flow), >, 200);
  picture_clear (&pic);
  kam_chart_set_map_flows (chart, FALSE);

  /* the World: smaller, Brazil in the picture (no figure), Antarctica not */
  kam_chart_set_map_frame (chart, KAM_MAP_FRAME_WORLD);
  render (chart, FALSE, &pic);
  thailand = map_region_of (&pic, chart, "THA");
  g_assert_cmpfloat (thailand->k, <, asia_k / 2);
  map_pixel (thailand, -50, -10, &px, &py);
  g_assert_true (px > 0 && px < W && py > 0 && py < H);
  g_assert_true (same_color (pixel (&pic, px, py), pic.style.grid));
  map_pixel (thailand, 0, -80, &px, &py);
  g_assert_true (px > 0 && px < W && py > 0 && py < H);
  g_assert_false (same_color (pixel (&pic, px, py), pic.style.grid));
  picture_clear (&pic);
  kam_chart_set_map_frame (chart, KAM_MAP_FRAME_DESTINATIONS);

  /* split by sex: a pie on South Korea (2,719 women of 9,778 sent in
   * 2023), a slice each, each found by the hover */
  kam_chart_set_indicator (chart, "deployed");
  kam_chart_set_split (chart, "sex");
  render (chart, FALSE, &pic);
  {
    guint n_regions, slices = 0;
    const KamChartRegion *regions = _kam_chart_layout_get_regions (pic.layout, &n_regions);
    g_autofree char *said = kam_chart_describe (chart);

    for (guint i = 0; i < n_regions; i++)
      {
        const KamChartRegion *r = &regions[i];
        double middle = (r->a0 + r->a1) / 2;

        g_assert_true (r->wedge);
        g_assert_true (kam_chart_layout_hit (pic.layout, r->cx + r->r1 / 2 * sin (middle),
                                             r->cy - r->r1 / 2 * cos (middle), &hit));
        g_assert_cmpstr (hit.point.country, ==, "KOR");
        g_assert_cmpuint (hit.series, ==, r->series);
        if (g_strcmp0 (hit.series_name, "Women") == 0)
          {
            g_assert_cmpfloat (hit.point.value, ==, 2719);
            g_assert_cmpfloat_with_epsilon (r->a1 - r->a0, 2 * G_PI * 2719 / 9778, 1e-9);
          }
        slices++;
      }
    g_assert_cmpuint (slices, ==, 2); /* women, and what the total leaves */
    g_assert_nonnull (strstr (said, "Women: South Korea 2,719"));
  }
  picture_clear (&pic);
  kam_chart_set_split (chart, NULL);
  kam_chart_set_indicator (chart, NULL);

  /* high contrast: no figure hatched (the text's colour and the
   * background's), a class colour still plain */
  kam_chart_style_init (&pic.style, FALSE);
  kam_chart_style_set_high_contrast (&pic.style);
  render_styled (chart, &pic);
  thailand = map_region_of (&pic, chart, "THA");
  {
    guint dark = 0, light = 0;

    map_pixel (thailand, 104.5, 21.0, &px, &py); /* Viet Nam's north */
    for (int dy = -6; dy <= 6; dy++)
      for (int dx = -6; dx <= 6; dx++)
        {
          KamColor c = pixel (&pic, px + dx, py + dy);

          dark += c.r + c.g + c.b < 1.0;
          light += c.r + c.g + c.b > 2.4;
        }
    g_assert_cmpuint (dark, >, 10);
    g_assert_cmpuint (light, >, 10);
  }
  map_pixel (thailand, 99.3, 18.9, &px, &py);
  g_assert_true (same_color (pixel (&pic, px, py), _kam_chart_map_get_palette (&n)[n - 1]));
  picture_clear (&pic);
}

/* A chart's sources come in the order of its points (a line chart's: by
 * year), the same every time: a trend's points are picked through a hash
 * table, whose order changes from run to run with the figures' addresses. */
static void
test_sources_in_order (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  KamChartKind kinds[] = { KAM_CHART_QUOTA, KAM_CHART_TREND, KAM_CHART_REMITTANCES };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr (KamChart) chart = kam_chart_new (dataset, kinds[k]);
      KamChartData *data = _kam_chart_get_data (chart);
      g_autoptr (GPtrArray) expected = g_ptr_array_new ();

      for (guint s = 0; s < data->series->len; s++)
        {
          KamChartSeries *series = g_ptr_array_index (data->series, s);

          for (guint i = 0; i < series->points->len; i++)
            {
              const char *source = g_array_index (series->points, KamChartPoint, i).source;

              if (source != NULL && !g_ptr_array_find (expected, source, NULL))
                g_ptr_array_add (expected, (gpointer) source);
            }
        }
      g_assert_cmpuint (data->sources->len, >, 0);
      g_assert_cmpuint (data->sources->len, ==, expected->len);
      for (guint i = 0; i < expected->len; i++)
        g_assert_cmpstr (g_ptr_array_index (data->sources, i), ==, g_ptr_array_index (expected, i));
    }
}

/* The planned additional intake of 8,000 is an increase, its own series
 * named for its indicator, not a "quota or target" level below the stock;
 * the share chart knows the whole it divides. */
static void
test_quota_and_share_say_what_they_are (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autoptr (KamChart) chart = kam_chart_new (dataset, KAM_CHART_QUOTA);
  GPtrArray *series = kam_chart_get_series (chart);
  KamChartSeries *intake;
  Picture pic = { 0 };

  g_assert_cmpuint (series->len, ==, 2);
  intake = g_ptr_array_index (series, 1);
  g_assert_cmpstr (intake->name, ==, "Planned additional intake");
  g_assert_true (intake->increment);
  g_assert_false (((KamChartSeries *) g_ptr_array_index (series, 0))->increment);
  g_assert_cmpfloat (g_array_index (intake->points, KamChartPoint, 0).value, ==, 8000);
  /* drawn lighter than a level: the middle of its bar is not the series' colour */
  render (chart, FALSE, &pic);
  {
    const KamChartRegion *r = region_of (&pic, 1, 0);
    KamColor full = kam_palette_color (&pic.style, intake->color);
    const KamChartRegion *level = region_of (&pic, 0, 2); /* 2021: 11,453 */
    g_assert_false (same_color (pixel (&pic, (int) (r->x + r->width / 2), (int) (r->y + r->height / 2)), full));
    /* an increase on top of the latest level of workers (Japan, 2021:
     * 11,453), not a bar of 8,000 from zero: it starts where that level's
     * bar ends, and is 8,000 / 11,453 of its height */
    g_assert_cmpfloat (g_array_index (intake->points, KamChartPoint, 0).base, ==, 11453);
    g_assert_cmpfloat (fabs ((r->y + r->height) - level->y), <, 1.5);
    g_assert_cmpfloat (fabs (r->height / level->height - 8000.0 / 11453.0), <, 0.02);
  }
  picture_clear (&pic);

  kam_chart_set_kind (chart, KAM_CHART_SHARE);
  g_assert_cmpfloat (_kam_chart_get_data (chart)->total, ==, 1301609);
  /* one rounding rule for shares: the description (as the legend and the
   * table) says Thailand's 93.7 %, not 94 % in one place and 93.7 % in another */
  {
    g_autofree char *description = kam_chart_describe (chart);
    g_autofree char *share = kam_number_format_share (0.937);

    g_assert_cmpstr (share, ==, "93.7 %");
    g_assert_nonnull (strstr (description, "Thailand 93.7 %"));
  }
}

static void
test_every_kind_draws (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();

  for (KamChartKind kind = KAM_CHART_DESTINATIONS; kind <= KAM_CHART_REMITTANCES; kind++)
    {
      g_autoptr (KamChart) chart = kam_chart_new (dataset, kind);
      Picture pic = { 0 };

      render (chart, FALSE, &pic);
      g_assert_cmpuint (kam_chart_layout_get_n_points (pic.layout), >, 0);
      g_assert_nonnull (kam_chart_get_title (chart));
      picture_clear (&pic);
    }
}

static void
test_gender_stacks (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autoptr (KamChart) chart = kam_chart_new (dataset, KAM_CHART_GENDER);
  Picture pic = { 0 };
  const KamChartRegion *women, *men;

  render (chart, FALSE, &pic);
  g_assert_cmpstr (kam_chart_get_resolved_indicator (chart), ==, "deployed");
  g_assert_cmpfloat (point (chart, 0, 0)->value, ==, 2719);
  g_assert_cmpfloat (point (chart, 1, 0)->value, ==, 9778 - 2719);
  women = region_of (&pic, 0, 0);
  men = region_of (&pic, 1, 0);
  /* men start where women end, and the lengths are in proportion */
  g_assert_cmpfloat (fabs (men->x - (women->x + women->width)), <, 1);
  g_assert_cmpfloat (fabs (men->width / women->width - 7059.0 / 2719.0), <, 0.02);
  picture_clear (&pic);
}

/* A men figure, where there is one, is shown as given, not as total − women;
 * a country with women and men but no total is shown too. */
static void
test_gender_uses_men_member (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autoptr (KamChart) chart = NULL;
  guint sex, women, men;
  KamFigureRow rows[] = { { "KOR", 2023, "deployed", 7000, "pp-003", NULL, KAM_QUALIFIER_APPROXIMATE },
                          { "JPN", 2023, "deployed", 500, "pp-003", NULL },
                          { "JPN", 2023, "deployed", 600, "pp-003", NULL } };
  KamChartPoint *p;

  g_assert_true (kam_dataset_find_member (dataset, "sex", "women", &sex, &women));
  g_assert_true (kam_dataset_find_member (dataset, "sex", "men", &sex, &men));
  rows[0].members[sex] = men;
  rows[1].members[sex] = women;
  rows[2].members[sex] = men;
  g_assert_true (kam_dataset_add_figures (dataset, rows, 3, NULL, NULL));
  chart = kam_chart_new (dataset, KAM_CHART_GENDER);
  g_assert_cmpstr (kam_chart_get_resolved_indicator (chart), ==, "deployed");
  g_assert_cmpint (kam_chart_get_resolved_year (chart), ==, 2023);
  /* KOR first (it has a total), then JPN */
  p = point (chart, 1, 0);
  g_assert_cmpstr (p->country, ==, "KOR");
  g_assert_cmpfloat (p->value, ==, 7000); /* not 9778 − 2719 */
  g_assert_cmpint (p->qualifier, ==, KAM_QUALIFIER_APPROXIMATE);
  g_assert_cmpfloat (point (chart, 0, 0)->value, ==, 2719);
  g_assert_cmpstr (point (chart, 0, 1)->country, ==, "JPN");
  g_assert_cmpfloat (point (chart, 0, 1)->value, ==, 500);
  g_assert_cmpfloat (point (chart, 1, 1)->value, ==, 600);
}

/* A chart's years keep its trend lines to them. */
static void
test_trend_keeps_to_years (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autoptr (KamChart) chart = kam_chart_new (dataset, KAM_CHART_REMITTANCES);
  KamChartSeries *series;

  kam_chart_set_years (chart, 2010, 2015);
  series = g_ptr_array_index (kam_chart_get_series (chart), 0);
  g_assert_cmpuint (series->points->len, ==, 6);
  for (guint i = 0; i < series->points->len; i++)
    g_assert_cmpint (g_array_index (series->points, KamChartPoint, i).year, ==, 2010 + (int) i);
}

static void
test_remittances_prefers_recent_source (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autoptr (KamChart) chart = kam_chart_new (dataset, KAM_CHART_REMITTANCES);
  KamChartSeries *series = g_ptr_array_index (kam_chart_get_series (chart), 0);

  for (guint i = 0; i < series->points->len; i++)
    {
      KamChartPoint *p = &g_array_index (series->points, KamChartPoint, i);
      if (p->year == 2021)
        g_assert_cmpstr (p->source, ==, "wb-wdi-2025-07-01");
    }
  /* unless the user picks the ministry's source */
  kam_chart_set_source (chart, "pp-004");
  series = g_ptr_array_index (kam_chart_get_series (chart), 0);
  g_assert_cmpuint (series->points->len, ==, 1);
  g_assert_cmpfloat (g_array_index (series->points, KamChartPoint, 0).value, ==, 2.8e9);
}

/* Destinations split by sex: stacked bars whose parts are as long as their values. */
static void
test_destinations_split (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("good.kamlang");
  g_autoptr (KamChart) chart = NULL;
  Picture pic = { 0 };
  guint sex, women, men;
  KamFigureRow rows[] = { { "JPN", 2023, "workers", 3000, "s1", NULL },
                          { "JPN", 2023, "workers", 1000, "s1", NULL, KAM_QUALIFIER_APPROXIMATE },
                          { "KOR", 2023, "workers", 2000, "s1", NULL } };
  const KamChartRegion *w, *m, *k;
  int y;

  g_assert_true (kam_dataset_find_member (dataset, "sex", "women", &sex, &women));
  g_assert_true (kam_dataset_find_member (dataset, "sex", "men", &sex, &men));
  rows[0].members[sex] = women;
  rows[1].members[sex] = men;
  rows[2].members[sex] = women;
  g_assert_true (kam_dataset_add_figures (dataset, rows, 3, NULL, NULL));
  chart = kam_chart_new (dataset, KAM_CHART_DESTINATIONS);
  kam_chart_set_year (chart, 2023);
  kam_chart_set_split (chart, "sex");
  render (chart, FALSE, &pic);
  /* series: women (0), men (1); countries by their sum: JPN, KOR; women and
   * men in the colours of the Women and men chart */
  g_assert_cmpuint (kam_chart_get_series (chart)->len, ==, 2);
  /* the dimension's name is lowered inside the title's sentence */
  g_assert_nonnull (strstr (kam_chart_get_title (chart), "by destination and sex, 2023"));
  w = region_of (&pic, 0, 0);
  m = region_of (&pic, 1, 0);
  k = region_of (&pic, 0, 1);
  /* stacked: men start where women end, three times shorter */
  g_assert_cmpfloat (fabs (m->x - (w->x + w->width)), <, 1.5);
  g_assert_cmpfloat (fabs (w->width / m->width - 3.0), <, 0.05);
  g_assert_cmpfloat (fabs (w->width / k->width - 1.5), <, 0.05);
  /* and so are the pixels (above the values written inside the parts) */
  y = (int) (w->y + 2);
  g_assert_cmpint (abs (run_length (&pic, (int) w->x + 1, y, kam_palette_color (&pic.style, 3)) - (int) w->width), <=, 2);
  g_assert_cmpint (abs (run_length (&pic, (int) m->x + 1, y, kam_palette_color (&pic.style, 0)) - (int) m->width), <=, 2);
  /* each part says its own value inside it: across its middle, the bar's
   * colour is interrupted by the text */
  y = (int) (w->y + w->height / 2);
  g_assert_cmpint (run_length (&pic, (int) w->x + 1, y, kam_palette_color (&pic.style, 3)), <, (int) w->width - 10);
  picture_clear (&pic);

  /* filtered to women only: one series, women's values */
  kam_chart_set_split (chart, NULL);
  kam_chart_set_member (chart, "sex", "women");
  g_assert_true (g_str_has_suffix (kam_chart_get_title (chart), " (Women)"));
  g_assert_cmpuint (kam_chart_get_series (chart)->len, ==, 1);
  g_assert_cmpuint (((KamChartSeries *) g_ptr_array_index (kam_chart_get_series (chart), 0))->points->len, ==, 2);
  g_assert_cmpfloat (g_array_index (((KamChartSeries *) g_ptr_array_index (kam_chart_get_series (chart), 0))->points,
                                    KamChartPoint, 0).value, ==, 3000);
}

/* A split chart shows the rest of each total that its members leave, as its
 * own part with a legend; women keep their colour from chart to chart; the
 * automatic indicator and year are those with figures split so. */
static void
test_split_shows_rest (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autoptr (KamChart) chart = kam_chart_new (dataset, KAM_CHART_DESTINATIONS);
  g_autoptr (KamChart) gender = kam_chart_new (dataset, KAM_CHART_GENDER);
  KamChartSeries *women = NULL, *rest = NULL, *gender_women = NULL;
  GPtrArray *series;
  Picture pic = { 0 };
  const KamChartRegion *wr, *rr;

  /* South Korea, 2023, workers reported for the year: 9,778 of whom 2,719 women (F10) */
  kam_chart_set_indicator (chart, "deployed");
  kam_chart_set_year (chart, 2023);
  kam_chart_set_split (chart, "sex");
  series = kam_chart_get_series (chart);
  for (guint i = 0; i < series->len; i++)
    {
      KamChartSeries *s = g_ptr_array_index (series, i);

      if (g_str_equal (s->name, "Women"))
        women = s;
      if (g_str_equal (s->name, "Not broken down"))
        rest = s;
    }
  g_assert_nonnull (women);
  g_assert_nonnull (rest);
  for (guint i = 0; i < rest->points->len; i++)
    {
      KamChartPoint *p = &g_array_index (rest->points, KamChartPoint, i);

      if (g_strcmp0 (p->country, "KOR") == 0)
        {
          g_assert_cmpfloat (p->value, ==, 9778 - 2719);
          g_assert_cmpfloat (g_array_index (women->points, KamChartPoint, i).value, ==, 2719);
        }
    }
  /* drawn: the rest follows women in Korea's bar, in its own colour */
  render (chart, FALSE, &pic);
  {
    guint kor = 0, ws = 0, rs = 0;

    for (guint i = 0; i < rest->points->len; i++)
      if (g_strcmp0 (g_array_index (rest->points, KamChartPoint, i).country, "KOR") == 0)
        kor = i;
    g_assert_true (g_ptr_array_find (series, women, &ws));
    g_assert_true (g_ptr_array_find (series, rest, &rs));
    wr = region_of (&pic, ws, kor);
    rr = region_of (&pic, rs, kor);
    g_assert_cmpfloat (fabs (rr->x - (wr->x + wr->width)), <, 1.5);
    g_assert_cmpfloat (fabs (rr->width / wr->width - 7059.0 / 2719.0), <, 0.05);
    g_assert_cmpint (abs (run_length (&pic, (int) rr->x + 1, (int) rr->y + 2, kam_palette_color (&pic.style, rest->color))
                          - (int) rr->width), <=, 2);
    g_assert_cmpuint (rest->color, !=, women->color);
  }
  picture_clear (&pic);

  /* the same women colour in Women and men */
  kam_chart_set_indicator (gender, "deployed");
  kam_chart_set_year (gender, 2023);
  series = kam_chart_get_series (gender);
  for (guint i = 0; i < series->len; i++)
    if (g_str_equal (((KamChartSeries *) g_ptr_array_index (series, i))->name, "Women"))
      gender_women = g_ptr_array_index (series, i);
  g_assert_nonnull (gender_women);
  g_assert_cmpuint (gender_women->color, ==, women->color);

  /* automatic indicator and year: those with figures split by sex */
  kam_chart_set_indicator (chart, NULL);
  kam_chart_set_year (chart, 0);
  g_assert_cmpuint (kam_chart_get_series (chart)->len, >=, 1);
  g_assert_nonnull (strstr (kam_chart_get_title (chart), "by destination and sex"));
}

static void
count_notify (GObject *object, GParamSpec *pspec, GPtrArray *names)
{
  g_ptr_array_add (names, (gpointer) g_param_spec_get_name (pspec));
}

/* Every setting is a property that tells when it changes, and only then. */
static void
test_properties_notify (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autoptr (KamChart) chart = kam_chart_new (dataset, KAM_CHART_DESTINATIONS);
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  const char *const countries[] = { "JPN", "KOR", NULL };
  const char *const expected[] = { "kind", "year", "scale", "countries", "split", "indicator", "first-year", "title" };
  g_autofree char *split = NULL;
  KamChartKind kind;

  g_signal_connect (chart, "notify", G_CALLBACK (count_notify), names);
  kam_chart_set_kind (chart, KAM_CHART_TREND);
  kam_chart_set_kind (chart, KAM_CHART_TREND);
  kam_chart_set_year (chart, 2021);
  kam_chart_set_scale (chart, KAM_SCALE_LOG);
  kam_chart_set_countries (chart, countries);
  kam_chart_set_countries (chart, countries);
  g_object_set (chart, "split", "sex", "indicator", "workers", "source", "", NULL);
  kam_chart_set_split (chart, "sex");
  kam_chart_set_years (chart, 2010, KAM_YEAR_MAX);
  kam_chart_set_title (chart, "Mine");
  /* each once (g_object_set tells its several in an order of its own) */
  g_assert_cmpuint (names->len, ==, 8);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      guint n = 0;
      for (guint k = 0; k < names->len; k++)
        n += g_str_equal (g_ptr_array_index (names, k), expected[i]);
      if (n != 1)
        g_error ("“%s” told %u times", expected[i], n);
    }
  g_object_get (chart, "split", &split, "kind", &kind, NULL);
  g_assert_cmpstr (split, ==, "sex");
  g_assert_cmpint (kind, ==, KAM_CHART_TREND);
  g_assert_cmpstr (kam_chart_get_split (chart), ==, "sex");
}

/* With no figures there is no year to name: the title does not say "0". */
static void
test_empty_title_has_no_year (void)
{
  g_autoptr (KamDataset) dataset = kam_dataset_new ();
  g_autoptr (KamChart) chart = kam_chart_new (dataset, KAM_CHART_DESTINATIONS);

  g_assert_cmpint (kam_chart_get_resolved_year (chart), <=, 0);
  g_assert_false (g_str_has_suffix (kam_chart_get_title (chart), ", 0"));
  g_assert_true (strstr (kam_chart_get_title (chart), "by destination") != NULL);
  kam_chart_set_split (chart, "sex");
  g_assert_false (g_str_has_suffix (kam_chart_get_title (chart), ", 0"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kamlang/chart/destinations-linear", test_destinations_linear);
  g_test_add_func ("/kamlang/chart/destinations-log", test_destinations_log);
  g_test_add_func ("/kamlang/chart/destinations-split", test_destinations_split);
  g_test_add_func ("/kamlang/chart/split-shows-rest", test_split_shows_rest);
  g_test_add_func ("/kamlang/chart/share", test_share);
  g_test_add_func ("/kamlang/chart/trend-gap", test_trend_gap);
  g_test_add_func ("/kamlang/chart/dark-background", test_dark_background);
  g_test_add_func ("/kamlang/chart/high-contrast", test_high_contrast);
  g_test_add_func ("/kamlang/chart/follows-edits", test_follows_edits);
  g_test_add_func ("/kamlang/chart/hit-bar", test_hit_bar);
  g_test_add_func ("/kamlang/chart/log-scale-where-it-applies", test_log_scale_where_it_applies);
  g_test_add_func ("/kamlang/chart/quota-and-share-say-what-they-are", test_quota_and_share_say_what_they_are);
  g_test_add_func ("/kamlang/chart/sources-in-order", test_sources_in_order);
  g_test_add_func ("/kamlang/chart/map", test_map);
  g_test_add_func ("/kamlang/chart/map-choices", test_map_choices);
  g_test_add_func ("/kamlang/chart/source-retitled", test_source_retitled);
  g_test_add_func ("/kamlang/chart/kinds-described-once", test_kinds_described_once);
  g_test_add_func ("/kamlang/chart/layout-survives-other-renderings", test_layout_survives_other_renderings);
  g_test_add_func ("/kamlang/chart/every-kind-draws", test_every_kind_draws);
  g_test_add_func ("/kamlang/chart/gender-stacks", test_gender_stacks);
  g_test_add_func ("/kamlang/chart/gender-uses-men-member", test_gender_uses_men_member);
  g_test_add_func ("/kamlang/chart/trend-keeps-to-years", test_trend_keeps_to_years);
  g_test_add_func ("/kamlang/chart/remittances-prefers-recent-source", test_remittances_prefers_recent_source);
  g_test_add_func ("/kamlang/chart/properties-notify", test_properties_notify);
  g_test_add_func ("/kamlang/chart/empty-title-has-no-year", test_empty_title_has_no_year);
  return g_test_run ();
}
