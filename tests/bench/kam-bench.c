/* kam-bench.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Generates a dataset of N figures and reports how long Kamlang takes to
 * save, open, filter, sort and chart it, and the memory it holds. Timings are
 * reported, never asserted: machines are shared and noisy.
 *
 *   kam-bench [--figures N] [--write FILE] [--query-only] [--conflicts]
 *
 * --conflicts: a dataset whose checks find tens of thousands of things.
 */

#include <math.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include "kam-dataset-private.h"
#include "kam-dataset-json.h"
#include "kam-json-strict.h"
#include "kam-figure-query.h"
#include "kam-chart-private.h"
#include "kam-map-shapes.h"
#include "kam-check.h"
#include "kam-figure-index-private.h"
#include <fcntl.h>
#include <json-glib/json-glib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

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

/* A dataset of n figures over 60 countries and the national total, 35 years,
 * the default indicators, 20 sources and 3 dimensions (sex, province,
 * channel), each key at most once. Values are consistent (members add up to
 * less than their total, countries to less than the national total, sources
 * agree), so that the checks find what real data would: little. */
static KamDataset *
generate (guint n)
{
  static const char *const real[] = { "THA", "KOR", "MYS", "JPN", "SGP", "HKG", "SAU" };
  static const char *const names[] = { "Thailand", "South Korea", "Malaysia", "Japan",
                                       "Singapore", "Hong Kong", "Saudi Arabia" };
  static const char *const used[] = { "sex", "province", "channel" };
  KamDataset *dataset = kam_dataset_new ();
  GListModel *indicators = kam_dataset_get_indicators (dataset);
  g_autoptr (GArray) rows = g_array_sized_new (FALSE, FALSE, sizeof (KamFigureRow), n);
  const char *codes[61], *sources[20], *ids[16];
  guint dim[3], n_members[3];
  GRand *rand = g_rand_new_with_seed (42);
  guint n_ind = MIN (g_list_model_get_n_items (indicators), G_N_ELEMENTS (ids));
  guint64 space, step = 1000003; /* a prime that divides no radix below */

  codes[60] = NULL; /* the national total */
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
      g_autofree char *date = g_strdup_printf ("20%02u-06-30", i + 5);
      g_autoptr (KamSource) source = kam_source_new (id);

      kam_source_set_title (source, title);
      kam_source_set_publisher (source, i % 2 ? "Ministry of Labour" : "World Bank");
      kam_source_set_date (source, date);
      _kam_dataset_load_source (dataset, source);
      sources[i] = g_intern_string (id);
    }
  for (guint i = 0; i < n_ind; i++)
    {
      g_autoptr (KamIndicator) indicator = g_list_model_get_item (indicators, i);
      ids[i] = g_intern_string (kam_indicator_get_id (indicator));
    }
  space = 61ull * 35 * n_ind * 20;
  for (guint d = 0; d < 3; d++)
    {
      dim[d] = (guint) kam_dataset_find_dimension (dataset, used[d]);
      n_members[d] = kam_dimension_get_n_members (kam_dataset_get_dimension (dataset, dim[d]));
      space *= n_members[d];
    }
  g_assert (space % step != 0 && n <= space);
  for (guint i = 0; i < n; i++)
    {
      /* i -> a key, one to one: i * step mod space, in mixed radix */
      guint64 k = ((guint64) i * step) % space;
      KamFigureRow row = { NULL };
      guint c = k % 61, ind, y;
      double value;

      k /= 61;
      y = k % 35;
      k /= 35;
      ind = k % n_ind;
      k /= n_ind;
      row.source = sources[k % 20];
      k /= 20;
      row.country = codes[c];
      row.year = 1990 + (int) y;
      row.indicator = ids[ind];
      /* a country's value is at most 1e6, the national total 61e6: above their sum */
      value = c == 60 ? 61e6 : floor (1e6 * (0.2 + 0.8 * (((c * 7919 + y * 104729 + ind * 31) % 1000) / 1000.0)));
      for (guint d = 0; d < 3; d++)
        {
          row.members[dim[d]] = (guint16) (k % n_members[d]);
          if (row.members[dim[d]] != 0)
            value = floor (value * 0.9 / (n_members[d] - 1));
          k /= n_members[d];
        }
      row.value = g_rand_int_range (rand, 0, 50) == 0 ? NAN : value;
      row.qualifier = g_rand_int_range (rand, 0, 10) == 0 ? KAM_QUALIFIER_APPROXIMATE : KAM_QUALIFIER_EXACT;
      row.note = g_rand_int_range (rand, 0, 10) == 0 ? "checked against the annual report" : NULL;
      g_array_append_val (rows, row);
    }
  _kam_dataset_load_figures (dataset, (KamFigureRow *) rows->data, rows->len);
  g_rand_free (rand);
  return dataset;
}

/* A dataset whose checks find much (issue 26): 200 countries and the
 * national total, 35 years, the indicators counting persons, 60 sources that
 * give each figure, in one key of 25 one of them another value; national totals of
 * 200 million, implausibly many. Tens of thousands of warnings. */
static KamDataset *
generate_conflicts (guint n)
{
  KamDataset *dataset = kam_dataset_new ();
  GListModel *indicators = kam_dataset_get_indicators (dataset);
  g_autoptr (GArray) rows = g_array_sized_new (FALSE, FALSE, sizeof (KamFigureRow), n);
  const char *codes[201], *sources[60], *ids[16];
  guint n_ind = 0;

  codes[200] = NULL;
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *code = g_strdup_printf ("%c%c%c", 'A' + i / 26 % 26, 'A' + i % 26, 'Q');
      g_autofree char *name = g_strdup_printf ("Country %u", i);
      g_autoptr (KamCountry) country = kam_country_new (code);

      kam_country_set_name (country, name);
      _kam_dataset_load_country (dataset, country);
      codes[i] = g_intern_string (code);
    }
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *id = g_strdup_printf ("source-%02u", i);
      g_autoptr (KamSource) source = kam_source_new (id);

      kam_source_set_title (source, id);
      _kam_dataset_load_source (dataset, source);
      sources[i] = g_intern_string (id);
    }
  for (guint i = 0; i < g_list_model_get_n_items (indicators) && n_ind < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr (KamIndicator) indicator = g_list_model_get_item (indicators, i);

      if (kam_unit_is (kam_indicator_get_unit (indicator), KAM_UNIT_PERSONS)
          && kam_indicator_get_kind (indicator) != KAM_INDICATOR_KIND_TARGET)
        ids[n_ind++] = g_intern_string (kam_indicator_get_id (indicator));
    }
  g_assert (n <= 201u * 35 * n_ind * 60);
  for (guint i = 0; i < n; i++)
    {
      guint s = i % 60, rest = i / 60, c = rest % 201, y = rest / 201 % 35, ind = rest / 201 / 35 % n_ind;
      KamFigureRow row = { NULL };

      row.country = codes[c];
      row.year = 1990 + (int) y;
      row.indicator = ids[ind];
      row.source = sources[s];
      row.value = c == 200 ? 2e8 : 1000 + (c * 7919 + y * 104729 + ind * 31) % 100000;
      /* in one key of 25, one source gives another value */
      if (s == 3 && (c + y * 3 + ind) % 25 == 0)
        row.value = floor (row.value * 1.13);
      g_array_append_val (rows, row);
    }
  _kam_dataset_load_figures (dataset, (KamFigureRow *) rows->data, rows->len);
  return dataset;
}

/* Runs argv, its output thrown away; wall time (ms) and peak memory (KiB). */
static gboolean
run_child (char **argv, double *ms, long *peak_kib)
{
  struct rusage usage;
  int status;
  gint64 t = g_get_monotonic_time ();
  pid_t pid = fork ();

  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);
      dup2 (null, 1);
      dup2 (null, 2);
      execv (argv[0], argv);
      _exit (127);
    }
  if (pid < 0 || wait4 (pid, &status, 0, &usage) != pid)
    return FALSE;
  *ms = ms_since (t);
  *peak_kib = usage.ru_maxrss;
  return WIFEXITED (status) && WEXITSTATUS (status) != 127;
}

/* The best time and the peak memory of three runs. */
static void
measure_child (char **argv, double *ms, long *peak_kib)
{
  *ms = G_MAXDOUBLE;
  *peak_kib = 0;
  for (guint round = 0; round < 3; round++)
    {
      double t;
      long peak;

      if (!run_child (argv, &t, &peak))
        {
          g_printerr ("could not run %s\n", argv[0]);
          exit (1);
        }
      *ms = MIN (*ms, t);
      *peak_kib = MAX (*peak_kib, peak);
    }
}

static double
best_aggregation (KamDataset *dataset, KamChartKind kind, const char *split)
{
  double best = G_MAXDOUBLE;

  for (guint round = 0; round < 5; round++)
    {
      g_autoptr (KamChart) chart = kam_chart_new (dataset, kind);
      gint64 t;

      kam_chart_set_split (chart, split);
      t = g_get_monotonic_time ();
      (void) _kam_chart_get_data (chart);
      best = MIN (best, ms_since (t));
    }
  return best;
}

static double
time_checks (KamDataset *dataset, guint *n_findings)
{
  gint64 t = g_get_monotonic_time ();
  g_autoptr (GPtrArray) findings = kam_check_run (dataset, 2026);
  double ms = ms_since (t);

  *n_findings = findings->len;
  return ms;
}

int
main (int argc, char **argv)
{
  guint n = 100000;
  const char *write_to = NULL;
  gboolean query_only = FALSE, conflicts = FALSE;
  g_autoptr (KamDataset) generated = NULL, loaded = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (KamFigureQuery) query = NULL;
  g_autofree char *path = NULL, *save_line = NULL, *here = g_path_get_dirname (argv[0]);
  g_autofree char *kamlang = g_build_filename (here, "..", "..", "src", "kamlang", NULL);
  g_autofree char *parse = g_build_filename (here, "kam-bench-parse", NULL);
  long rss_before, rss_loaded;
  double file_mib, open_ms, parse_ms;
  gint64 t;
  static const char *const typing[] = { "t", "th", "tha", "thai", "thail", "thaila", "thailand" };

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--figures") && i + 1 < argc)
        n = (guint) g_ascii_strtoull (argv[++i], NULL, 10);
      else if (g_str_equal (argv[i], "--write") && i + 1 < argc)
        write_to = argv[++i];
      else if (g_str_equal (argv[i], "--query-only"))
        query_only = TRUE;
      else if (g_str_equal (argv[i], "--conflicts"))
        conflicts = TRUE;
      else
        {
          g_printerr ("usage: kam-bench [--figures N] [--write FILE] [--query-only] [--conflicts]\n");
          return 1;
        }
    }

  generated = conflicts ? generate_conflicts (n) : generate (n);
  if (query_only)
    {
      /* searching, sorting and filtering alone, on the figures as made */
      loaded = g_steal_pointer (&generated);
      goto query;
    }
  path = write_to ? g_strdup (write_to) : g_build_filename (g_get_tmp_dir (), "kam-bench.kamlang", NULL);
  file = g_file_new_for_path (path);
  /* what a save costs the window's thread (the snapshot), and the text made
   * in the saving thread */
  {
    double snapshot_ms = G_MAXDOUBLE, text_ms = G_MAXDOUBLE;

    for (int k = 0; k < 3; k++)
      {
        g_autoptr (KamDatasetSnapshot) snapshot = NULL;
        g_autofree char *text = NULL;

        t = g_get_monotonic_time ();
        snapshot = kam_dataset_snapshot_new (generated);
        snapshot_ms = MIN (snapshot_ms, ms_since (t));
        t = g_get_monotonic_time ();
        text = kam_dataset_snapshot_to_data (snapshot, NULL);
        text_ms = MIN (text_ms, ms_since (t));
      }
    save_line = g_strdup_printf ("  on the window's thread %8.1f ms  (the snapshot; the text: %.1f ms in the saving thread)\n",
                                 snapshot_ms, text_ms);
  }
  t = g_get_monotonic_time ();
  if (!kam_dataset_save_file (generated, file, FALSE, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  {
    GStatBuf st;
    g_stat (path, &st);
    file_mib = st.st_size / 1048576.0;
  }
  g_print (conflicts ? "figures                  %u (200 countries, 60 sources that often disagree)\n" : "figures                  %u (3 dimensions: sex, province, channel)\n", n);
  g_print ("file                     %8.1f MiB\n", file_mib);
  g_print ("save                     %8.1f ms\n", ms_since (t));
  g_print ("%s", save_line);
  g_clear_object (&generated);

  /* whole programs, side by side: kamlang --check against a program that
   * only parses the same file with json-glib */
  {
    char *check_argv[] = { kamlang, "--check", path, NULL };
    char *parse_argv[] = { parse, path, NULL };
    double check_ms, json_ms;
    long check_peak, json_peak;

    measure_child (parse_argv, &json_ms, &json_peak);
    measure_child (check_argv, &check_ms, &check_peak);
    g_print ("kamlang --check          %8.1f ms  peak %6.1f MiB (%.2fx the file)\n", check_ms,
             check_peak / 1024.0, check_peak / 1024.0 / file_mib);
    g_print ("  json-glib parse only   %8.1f ms  peak %6.1f MiB   --check / parse: %.2fx\n", json_ms,
             json_peak / 1024.0, check_ms / json_ms);
  }

#ifdef __GLIBC__
  malloc_trim (0); /* what the generated figures and the save's texts left with malloc */
#endif
  rss_before = rss_kib ();
  t = g_get_monotonic_time ();
  loaded = kam_dataset_load_file (file, NULL, &error);
  if (loaded == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  open_ms = ms_since (t);
  rss_loaded = rss_kib ();
  {
    g_autofree char *text = NULL;
    gsize length;
    g_autoptr (JsonParser) parser = json_parser_new_immutable ();

    g_file_get_contents (path, &text, &length, NULL);
    t = g_get_monotonic_time ();
    json_parser_load_from_data (parser, text, length, NULL);
    parse_ms = ms_since (t);
  }
  g_print ("open                     %8.1f ms  (json-glib parse of the text %.1f ms)\n", open_ms,
           parse_ms);
  g_print ("memory held after open   %8.1f MiB (+%.1f MiB)\n", rss_loaded / 1024.0,
           (rss_loaded - rss_before) / 1024.0);
  {
    KamFigureTable *table = kam_dataset_get_figures (loaded);

    t = g_get_monotonic_time ();
    _kam_figure_index_rebuild (_kam_figure_table_get_index (table));
    g_print ("  index build            %8.1f ms  (%.2f of open)\n", ms_since (t), ms_since (t) / open_ms);
  }

  /* the strict JSON check, part of open; and the refusal of the same file with
   * a bad last figure (the worst place for it): both against open */
  {
    g_autofree char *text = NULL;
    gsize length, bad = 0;
    g_autofree char *message = NULL;
    double check_ms, refuse_ms;
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

  /* checks: linear when half the figures take half the time. Against a tenth
   * the ratio is larger: a tenth's index fits in the processor's caches. */
  {
    guint found;
    double all = time_checks (loaded, &found);

    g_print ("checks                   %8.1f ms  (%u findings; %.2f us per figure)\n", all, found,
             all * 1000 / n);
    for (guint part = 2; part <= 10; part += 8)
      {
        g_autoptr (KamDataset) smaller = generate (n / part);
        guint found_part;
        double ms = time_checks (smaller, &found_part);

        g_print ("  on 1/%-2u of them        %8.1f ms  (%u findings; %.2f us per figure; ratio %.1f)\n",
                 part, ms, found_part, ms * 1000 / MAX (n / part, 1), all / ms);
      }
  }

  /* a chart's aggregation, without drawing */
  g_print ("aggregate destinations   %8.2f ms  (best of 5)\n",
           best_aggregation (loaded, KAM_CHART_DESTINATIONS, NULL));
  g_print ("aggregate dest. by sex   %8.2f ms\n", best_aggregation (loaded, KAM_CHART_DESTINATIONS, "sex"));
  g_print ("aggregate trend          %8.2f ms\n", best_aggregation (loaded, KAM_CHART_TREND, NULL));
  g_print ("aggregate women and men  %8.2f ms\n", best_aggregation (loaded, KAM_CHART_GENDER, NULL));
  g_print ("aggregate remittances    %8.2f ms\n", best_aggregation (loaded, KAM_CHART_REMITTANCES, NULL));

query:
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
  /* the map (issue 30, target: under 50 ms at 1920x1080) beside the
   * destinations bars of the same figures: the bundled dataset, its data
   * worked out first, drawing only. The first map also reads the world's
   * boundaries (packed at build time; the TopoJSON they come from timed
   * beside), and projects them (a first draw: a chart of its own each
   * round); a redraw (the hover) reuses the projected outlines. */
  {
    g_autoptr (KamDataset) bundled = kam_dataset_load_bundled (NULL);
    static const struct
    {
      const char *name;
      KamChartKind kind;
      KamMapStyle style;
      gboolean flows, high_contrast;
    } charts[] = {
      { "destinations", KAM_CHART_DESTINATIONS },
      { "map", KAM_CHART_MAP },
      { "map, circles, lines", KAM_CHART_MAP, KAM_MAP_CIRCLES, TRUE },
      { "map, high contrast", KAM_CHART_MAP, KAM_MAP_SHADED, FALSE, TRUE },
    };
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1920, 1080);
    cairo_t *cr = cairo_create (surface);
    KamChartStyle style;
    double packed, json = -1;

    kam_chart_style_init (&style, FALSE);
    t = g_get_monotonic_time ();
    (void) kam_map_shapes_get_world (NULL);
    packed = ms_since (t);
    {
      g_autofree char *text = NULL;
      gsize length;

      if (g_file_get_contents (KAM_WORLD_JSON, &text, &length, NULL))
        {
          g_autoptr (KamMapShapes) shapes = NULL;

          t = g_get_monotonic_time ();
          shapes = kam_map_shapes_new_from_data (text, length, NULL);
          json = ms_since (t);
        }
    }
    for (guint k = 0; k < G_N_ELEMENTS (charts); k++)
      {
        double best = G_MAXDOUBLE, first = G_MAXDOUBLE;

        kam_chart_style_init (&style, FALSE);
        if (charts[k].high_contrast)
          kam_chart_style_set_high_contrast (&style);

        for (guint round = 0; round < 5; round++)
          {
            g_autoptr (KamChart) chart = kam_chart_new (bundled, charts[k].kind);

            kam_chart_set_map_style (chart, charts[k].style);
            kam_chart_set_map_flows (chart, charts[k].flows);
            (void) _kam_chart_get_data (chart);
            t = g_get_monotonic_time ();
            kam_chart_render (chart, cr, &style, 1920, 1080);
            first = MIN (first, ms_since (t));
            for (guint again = 0; again < 3; again++)
              {
                t = g_get_monotonic_time ();
                kam_chart_render (chart, cr, &style, 1920, 1080);
                best = MIN (best, ms_since (t));
              }
          }
        g_print ("draw %-21s %8.1f ms first, %5.1f ms again  (best of 5 and 15, 1920x1080, the bundled dataset)\n",
                 charts[k].name, first, best);
      }
    g_print ("read the map's boundaries %8.1f ms  (once, the first map; packed at build time)\n", packed);
    if (json >= 0)
      g_print ("  the TopoJSON they come from %6.1f ms  (what packing spares)\n", json);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
  if (write_to == NULL)
    g_unlink (path);
  return 0;
}
