/* kam-bench.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Generates a dataset of N figures and reports how long Kamlang takes to
 * save, open, filter, sort and chart it, and the memory it holds. Timings are
 * reported, never asserted: machines are shared and noisy.
 *
 *   kam-bench [--figures N] [--write FILE]
 */

#include <math.h>
#include <stdio.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include "kam-dataset-private.h"
#include "kam-dataset-json.h"
#include "kam-json-strict.h"
#include "kam-figure-query.h"
#include "kam-chart.h"

static long
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line ? atol (line + 6) : -1;
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* A dataset of n figures over 60 countries, 35 years, 7 indicators and 20
 * sources, with some unknown values and some notes. */
static KamDataset *
generate (guint n)
{
  static const char *const real[] = { "THA", "KOR", "MYS", "JPN", "SGP", "HKG", "SAU" };
  static const char *const names[] = { "Thailand", "South Korea", "Malaysia", "Japan",
                                       "Singapore", "Hong Kong", "Saudi Arabia" };
  KamDataset *dataset = kam_dataset_new ();
  GListModel *indicators = kam_dataset_get_indicators (dataset);
  g_autoptr (GArray) rows = g_array_sized_new (FALSE, FALSE, sizeof (KamFigureRow), n);
  const char *codes[60], *sources[20], *ids[16];
  GRand *rand = g_rand_new_with_seed (42);
  guint n_ind = g_list_model_get_n_items (indicators);

  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *code = i < 7 ? g_strdup (real[i])
                                    : g_strdup_printf ("Q%c%c", 'A' + i / 26, 'A' + i % 26);
      g_autofree char *name = i < 7 ? g_strdup (names[i]) : g_strdup_printf ("Country %u", i);
      g_autoptr (KamCountry) country = kam_country_new (code);

      kam_country_set_name (country, name);
      _kam_dataset_load_country (dataset, country);
      codes[i] = g_intern_string (code);
    }
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *id = g_strdup_printf ("source-%02u", i);
      g_autofree char *title = g_strdup_printf ("Ministry report number %u", i);
      g_autoptr (KamSource) source = kam_source_new (id);

      kam_source_set_title (source, title);
      kam_source_set_publisher (source, i % 2 ? "Ministry of Labour" : "World Bank");
      _kam_dataset_load_source (dataset, source);
      sources[i] = g_intern_string (id);
    }
  for (guint i = 0; i < n_ind && i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr (KamIndicator) indicator = g_list_model_get_item (indicators, i);
      ids[i] = g_intern_string (kam_indicator_get_id (indicator));
    }
  for (guint i = 0; i < n; i++)
    {
      KamFigureRow row;

      row.country = g_rand_int_range (rand, 0, 20) == 0 ? NULL : codes[g_rand_int_range (rand, 0, 60)];
      row.year = g_rand_int_range (rand, 1990, 2025);
      row.indicator = ids[g_rand_int_range (rand, 0, n_ind)];
      row.value = g_rand_int_range (rand, 0, 50) == 0 ? NAN : floor (g_rand_double_range (rand, 0, 2e6));
      row.source = sources[g_rand_int_range (rand, 0, 20)];
      row.note = g_rand_int_range (rand, 0, 10) == 0 ? "checked against the annual report" : NULL;
      g_array_append_val (rows, row);
    }
  _kam_dataset_load_figures (dataset, (KamFigureRow *) rows->data, rows->len);
  g_rand_free (rand);
  return dataset;
}

int
main (int argc, char **argv)
{
  guint n = 100000;
  const char *write_to = NULL;
  g_autoptr (KamDataset) generated = NULL, loaded = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (KamFigureQuery) query = NULL;
  g_autofree char *path = NULL;
  long rss_before, rss_loaded;
  gint64 t;
  static const char *const typing[] = { "t", "th", "tha", "thai", "thail", "thaila", "thailand" };

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--figures") && i + 1 < argc)
        n = (guint) g_ascii_strtoull (argv[++i], NULL, 10);
      else if (g_str_equal (argv[i], "--write") && i + 1 < argc)
        write_to = argv[++i];
      else
        {
          g_printerr ("usage: kam-bench [--figures N] [--write FILE]\n");
          return 1;
        }
    }

  generated = generate (n);
  path = write_to ? g_strdup (write_to) : g_build_filename (g_get_tmp_dir (), "kam-bench.kamlang", NULL);
  file = g_file_new_for_path (path);
  t = g_get_monotonic_time ();
  if (!kam_dataset_save_file (generated, file, FALSE, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("figures                  %u\n", n);
  g_print ("save                     %8.1f ms\n", ms_since (t));
  g_clear_object (&generated);

  rss_before = rss_kib ();
  t = g_get_monotonic_time ();
  loaded = kam_dataset_load_file (file, NULL, &error);
  if (loaded == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("open                     %8.1f ms\n", ms_since (t));
  rss_loaded = rss_kib ();
  g_print ("memory after open        %8.1f MiB (+%.1f MiB)\n", rss_loaded / 1024.0,
           (rss_loaded - rss_before) / 1024.0);

  /* the strict JSON check, part of open; and the refusal of the same file with
   * a bad last figure (the worst place for it): both against open */
  {
    g_autofree char *text = NULL;
    gsize length, bad = 0;
    g_autofree char *message = NULL;
    double open_ms = 0, check_ms, refuse_ms;
    char *last;
    g_autoptr (KamDataset) again = NULL;
    g_autoptr (GError) refused = NULL;

    g_file_get_contents (path, &text, &length, NULL);
    t = g_get_monotonic_time ();
    again = kam_dataset_load_data (text, length, NULL, NULL);
    open_ms = ms_since (t);
    t = g_get_monotonic_time ();
    kam_json_check_strict (text, length, KAM_MAX_DEPTH, &bad, &message, NULL);
    check_ms = ms_since (t);
    last = g_strrstr (text, "\"workers\", ");
    if (last != NULL)
      last[strlen ("\"workers\", ")] = '-';
    t = g_get_monotonic_time ();
    g_assert_null (kam_dataset_load_data (text, length, NULL, &refused));
    refuse_ms = ms_since (t);
    g_print ("open from memory         %8.1f ms\n", open_ms);
    g_print ("  strict JSON check      %8.1f ms  (%.2f of open)\n", check_ms, check_ms / open_ms);
    g_print ("refuse: last value bad   %8.1f ms  (%.2f of open)\n", refuse_ms, refuse_ms / open_ms);
  }

  query = kam_figure_query_new (loaded);
  for (guint i = 0; i < G_N_ELEMENTS (typing); i++)
    {
      t = g_get_monotonic_time ();
      kam_figure_query_set_search (query, typing[i]);
      g_print ("search \"%s\"%*s %8.1f ms  (%u figures)\n", typing[i], (int) (14 - strlen (typing[i])), "",
               ms_since (t), g_list_model_get_n_items (G_LIST_MODEL (query)));
    }
  kam_figure_query_set_search (query, NULL);
  t = g_get_monotonic_time ();
  kam_figure_query_set_sort (query, KAM_FIGURE_FIELD_VALUE, FALSE);
  g_print ("sort by value            %8.1f ms\n", ms_since (t));
  t = g_get_monotonic_time ();
  kam_figure_query_set_sort (query, KAM_FIGURE_FIELD_VALUE, TRUE);
  g_print ("sort by value, reversed  %8.1f ms\n", ms_since (t));
  t = g_get_monotonic_time ();
  kam_figure_query_set_sort (query, KAM_FIGURE_FIELD_COUNTRY, FALSE);
  g_print ("sort by country name     %8.1f ms\n", ms_since (t));
  t = g_get_monotonic_time ();
  kam_figure_query_set_country (query, "THA");
  g_print ("filter by country        %8.1f ms  (%u figures)\n", ms_since (t),
           g_list_model_get_n_items (G_LIST_MODEL (query)));
  {
    /* what scrolling asks of the model: a screenful of row objects */
    guint total = g_list_model_get_n_items (G_LIST_MODEL (query));
    t = g_get_monotonic_time ();
    for (guint i = 0; i < 1000 && i < total; i++)
      {
        g_autoptr (KamFigure) figure = g_list_model_get_item (G_LIST_MODEL (query), i);
        (void) kam_figure_get_value (figure);
      }
    g_print ("1000 row objects (scroll)%8.1f ms\n", ms_since (t));
  }
  /* charts at 1600x1000, aggregation included (a fresh chart each time) */
  {
    static const KamChartKind kinds[] = { KAM_CHART_DESTINATIONS, KAM_CHART_TREND };
    static const char *const names[] = { "destinations", "trend" };
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1600, 1000);
    cairo_t *cr = cairo_create (surface);
    KamChartStyle style;

    kam_chart_style_init (&style, FALSE);
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      {
        double best = G_MAXDOUBLE;
        for (guint round = 0; round < 5; round++)
          {
            g_autoptr (KamChart) chart = kam_chart_new (loaded, kinds[k]);
            t = g_get_monotonic_time ();
            kam_chart_render (chart, cr, &style, 1600, 1000);
            best = MIN (best, ms_since (t));
          }
        g_print ("chart %-13s      %8.1f ms  (best of 5, 1600x1000)\n", names[k], best);
      }
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
  if (write_to == NULL)
    g_unlink (path);
  return 0;
}
