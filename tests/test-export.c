/* test-export.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <math.h>
#include "kam-csv.h"
#include "kam-export.h"
#include "kam-palette.h"
#include "kam-test-utils.h"
#include "kam-wdi.h"

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static gboolean
have_poppler (void)
{
  g_autofree char *path = g_find_program_in_path ("pdfinfo");
  return path != NULL;
}

static char *
run_tool (const char *command)
{
  g_autofree char *out = NULL;
  int status;

  if (!g_spawn_command_line_sync (command, &out, NULL, &status, NULL) || !g_spawn_check_wait_status (status, NULL))
    return NULL;
  return g_steal_pointer (&out);
}

static void
test_png (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autoptr (KamChart) chart = kam_chart_new (dataset, KAM_CHART_DESTINATIONS);
  g_autofree char *path = tmp_path ("chart.png");
  g_autoptr (GError) error = NULL;
  cairo_surface_t *png;
  KamChartStyle style;
  KamColor bar;
  guint bar_pixels = 0;

  g_assert_true (kam_export_chart (chart, path, KAM_EXPORT_PNG, 1200, 700, 192, FALSE, &error));
  g_assert_no_error (error);
  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  /* 1200x700 at 192 dpi */
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, 2400);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, 1400);
  kam_chart_style_init (&style, FALSE);
  bar = kam_palette_color (&style, 0);
  {
    guint32 *data = (guint32 *) cairo_image_surface_get_data (png);
    int stride = cairo_image_surface_get_stride (png) / 4;
    for (int y = 0; y < 1400; y += 4)
      for (int x = 0; x < 2400; x += 4)
        {
          guint32 p = data[y * stride + x];
          if (fabs (((p >> 16) & 0xff) / 255.0 - bar.r) < 0.02 && fabs (((p >> 8) & 0xff) / 255.0 - bar.g) < 0.02
              && fabs ((p & 0xff) / 255.0 - bar.b) < 0.02)
            bar_pixels++;
        }
  }
  /* the bars are there: Thailand's alone covers thousands of sampled pixels */
  g_assert_cmpuint (bar_pixels, >, 2000);
  cairo_surface_destroy (png);
}

static void
test_transparent_png (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autoptr (KamChart) chart = kam_chart_new (dataset, KAM_CHART_DESTINATIONS);
  g_autofree char *path = tmp_path ("transparent.png");
  cairo_surface_t *png;

  g_assert_true (kam_export_chart (chart, path, KAM_EXPORT_PNG, 800, 500, 96, TRUE, NULL));
  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint ((((guint32 *) cairo_image_surface_get_data (png))[0] >> 24), ==, 0);
  cairo_surface_destroy (png);
}

static void
test_pdf (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autoptr (KamChart) chart = kam_chart_new (dataset, KAM_CHART_TREND);
  g_autofree char *path = tmp_path ("chart.pdf");
  g_autofree char *info = NULL, *fonts = NULL, *command = NULL, *png = tmp_path ("page");
  g_autofree char *page = NULL;

  g_assert_true (kam_export_chart (chart, path, KAM_EXPORT_PDF, 1600, 1000, 96, FALSE, NULL));
  if (!have_poppler ())
    {
      g_test_skip ("pdfinfo (poppler-utils) is not installed");
      return;
    }
  command = g_strdup_printf ("pdfinfo %s", path);
  info = run_tool (command);
  g_assert_nonnull (info);
  g_assert_nonnull (strstr (info, "Pages:           1"));
  g_assert_nonnull (strstr (info, "1200 x 750 pts"));
  g_free (command);
  command = g_strdup_printf ("pdffonts %s", path);
  fonts = run_tool (command);
  g_assert_nonnull (fonts);
  g_assert_nonnull (strstr (fonts, " yes yes "));  /* embedded, subset */
  g_assert_null (strstr (fonts, " no "));          /* none left out */
  g_free (command);
  command = g_strdup_printf ("pdftoppm -r 30 -png -singlefile %s %s", path, png);
  g_free (run_tool (command));
  page = g_strconcat (png, ".png", NULL);
  g_assert_true (g_file_test (page, G_FILE_TEST_EXISTS));
}

static void
test_report (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autofree char *path = tmp_path ("report.pdf");
  g_autofree char *info = NULL, *fonts = NULL, *command = NULL, *text = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (kam_export_report (dataset, NULL, path, &error));
  g_assert_no_error (error);
  if (!have_poppler ())
    {
      g_test_skip ("pdfinfo (poppler-utils) is not installed");
      return;
    }
  command = g_strdup_printf ("pdfinfo %s", path);
  info = run_tool (command);
  /* title, seven charts (the map among them), the 50 figures on two pages
   * of tables, their sources, the agreements */
  g_assert_nonnull (strstr (info, "Pages:           12"));
  g_free (command);
  command = g_strdup_printf ("pdffonts %s", path);
  fonts = run_tool (command);
  g_assert_null (strstr (fonts, " no "));
  g_free (command);
  command = g_strdup_printf ("pdftotext -layout %s -", path);
  text = run_tool (command);
  g_assert_nonnull (strstr (text, "Cambodians working abroad"));
  g_assert_nonnull (strstr (text, "Page 12 of 12"));
  /* the map's page: its footnote on the boundaries */
  g_assert_nonnull (strstr (text, "Boundaries: Natural Earth"));
  /* issue 27: the table numbers the sources (five press articles read alike
   * when cut), and the sources page gives each in full */
  g_assert_true (g_regex_match_simple ("Remittances +Total +9,000,000 +\\[6\\]", text, 0, 0));
  g_assert_true (g_regex_match_simple ("\\[1\\] +Japan to open its labour market to skilled Cambodian workers "
                                       "through a new MoU\\. The Phnom Penh Post\\. 2019", text, 0, 0));
  g_assert_true (g_regex_match_simple ("\\[3\\] +Hun Manet: 8,000 more Cambodian workers", text, 0, 0));
  g_assert_null (strstr (text, "The Phnom Penh Post, …"));
  g_assert_nonnull (strstr (text, "1,220,197"));
  g_assert_nonnull (strstr (text, "Employment Permit System"));
  /* the figures' table gives each figure's breakdown and qualifier */
  g_assert_nonnull (strstr (text, "Breakdown"));
  g_assert_nonnull (strstr (text, "≥ 1,300,000"));
  g_assert_nonnull (strstr (text, "≈ 2,800,000,000"));
  g_assert_true (g_regex_match_simple ("Workers reported for the year +Women +2,719", text, 0, 0));
  /* the Khmer names beside the countries are shaped into the PDF, with their font */
  g_assert_nonnull (strstr (text, "Thailand ថៃ"));
  g_assert_nonnull (strstr (text, "កូរ៉េខាងត្បូង"));
  g_assert_nonnull (strstr (text, "ជប៉ុន"));
  g_assert_null (strstr (text, "\xef\xbf\xbd"));
  g_assert_nonnull (strstr (fonts, "Khmer"));
}

static void
test_svg (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autoptr (KamChart) chart = kam_chart_new (dataset, KAM_CHART_SHARE);
  g_autofree char *path = tmp_path ("chart.svg");
  g_autofree char *text = NULL;
  g_autoptr (GMarkupParseContext) parser = NULL;
  static const GMarkupParser nothing = { 0 };
  g_autoptr (GError) error = NULL;
  gsize length;

  g_assert_true (kam_export_chart (chart, path, KAM_EXPORT_SVG, 900, 560, 96, FALSE, NULL));
  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  parser = g_markup_parse_context_new (&nothing, 0, NULL, NULL);
  g_assert_true (g_markup_parse_context_parse (parser, text, length, &error));
  g_assert_true (g_markup_parse_context_end_parse (parser, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "<title>Workers abroad: share by destination, 2021</title>"));
}

static void
test_bad_export_writes_nothing (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autoptr (KamChart) chart = kam_chart_new (dataset, KAM_CHART_SHARE);
  g_autofree char *path = tmp_path ("kept.png");
  g_autoptr (GError) e1 = NULL, e2 = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (path, "old", 3, NULL));
  g_assert_false (kam_export_chart (chart, path, KAM_EXPORT_PNG, 10, 10, 96, FALSE, &e1));
  g_assert_error (e1, KAM_ERROR, KAM_ERROR_INVALID);
  g_assert_false (kam_export_chart (chart, "/nonexistent-folder/x.png", KAM_EXPORT_PNG, 800, 500, 96, FALSE, &e2));
  g_assert_nonnull (e2);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "old");
}

static void
test_csv_round_trip (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autoptr (KamDataset) copy = kam_test_without_figures (dataset);
  KamFigureTable *a = kam_dataset_get_figures (dataset), *b = kam_dataset_get_figures (copy);
  KamFigureRow row = { "JPN", 2022, "workers", 0.1 + 0.2, "pp-004", "=HYPERLINK(\"http://x\"), and a \"quote\"\nand a line" };
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;
  guint added = 0;

  g_assert_cmpuint (kam_dataset_add_figure (dataset, &row, NULL), >, 0);
  text = kam_csv_export_text (dataset, &length);
  g_assert_true (g_str_has_prefix (text, "\xef\xbb\xbf" "country,year,indicator,sex,sector,province,channel,age,value,qualifier,source,note\r\n"));
  /* the formula-like note is inert: an apostrophe before "=" */
  g_assert_nonnull (strstr (text, "\"'=HYPERLINK(\"\"http://x\"\"), and a \"\"quote\"\"\nand a line\""));
  /* numbers without separators, unknown empty */
  g_assert_nonnull (strstr (text, "THA,2021,workers,total,total,total,total,total,1220197,,pp-004,"));
  g_assert_nonnull (strstr (text, "KOR,2024,quota,total,total,total,total,total,,,pp-003,"));
  /* breakdowns and qualifiers */
  g_assert_nonnull (strstr (text, "KOR,2023,deployed,women,total,total,total,total,2719,,pp-003,"));
  g_assert_nonnull (strstr (text, ",1300000,lower-bound,pp-004,"));

  g_assert_true (kam_csv_import (copy, text, length, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, kam_figure_table_get_n_rows (a));
  for (guint i = 0; i < added; i++)
    {
      KamFigureRow x, y;
      kam_figure_table_get_row (a, i, &x);
      kam_figure_table_get_row (b, i, &y);
      g_assert_cmpstr (x.country, ==, y.country);
      g_assert_cmpint (x.year, ==, y.year);
      g_assert_cmpstr (x.indicator, ==, y.indicator);
      g_assert_true ((isnan (x.value) && isnan (y.value)) || x.value == y.value);
      g_assert_cmpstr (x.source, ==, y.source);
      g_assert_cmpstr (x.note, ==, y.note);
      g_assert_cmpint (x.qualifier, ==, y.qualifier);
      g_assert_cmpmem (x.members, sizeof x.members, y.members, sizeof y.members);
    }
  /* one undo step */
  g_assert_true (kam_dataset_undo (copy));
  g_assert_cmpuint (kam_figure_table_get_n_rows (b), ==, 0);
}

static void
test_csv_semicolons (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("good.kamlang");
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  const char *text = "\xef\xbb\xbf" "Country;Year;Indicator;Value;Source;Note\r\n"
                     "Japan;2019;workers;9000,5;s1;\"semi; colon\"\r\n"
                     "KOR;2020;workers;..;;\r\n"
                     ";2021;workers;NA;s1;\r\n";
  g_autoptr (GError) error = NULL;

  g_assert_true (kam_csv_import (dataset, text, strlen (text), NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kam_figure_table_get_n_rows (table), ==, 6);
  g_assert_cmpfloat (kam_figure_table_get_value (table, 3), ==, 9000.5);
  g_assert_cmpstr (kam_figure_table_get_note (table, 3), ==, "semi; colon");
  g_assert_true (isnan (kam_figure_table_get_value (table, 4)));
  g_assert_null (kam_figure_table_get_source (table, 4));
  g_assert_null (kam_figure_table_get_country (table, 5));
}

static void
test_csv_bad_rows (void)
{
  static const struct
  {
    const char *text;
    const char *message;
  } cases[] = {
    { "country,year,indicator,value\nJPN,2020,workers,5\nJPN,2021,workers,-3\n", "Line 3, column 4" },
    { "country,year,indicator,value\nJPN,2020,workers,many\n", "Line 2, column 4" },
    { "country,year,indicator,value\nJPN,twenty,workers,5\n", "Line 2, column 2" },
    { "country,year,indicator,value\nJPN,1850,workers,5\n", "Line 2, column 2" },
    { "country,year,indicator,value\nTHA,2020,workers,5\n", "Line 2, column 1" },
    { "value,year,indicator,country\n5,2020,nothing,JPN\n", "Line 2, column 3" },
    { "country,year,indicator,value,source\nJPN,2020,workers,5,nowhere\n", "Line 2, column 5" },
    { "country,year,indicator,value\n\"JPN,2020,workers,5\n", "Line 2: a quoted field" },
    { "country,year,value\nJPN,2020,5\n", "Line 1:" },
    { "country,year,indicator,value\nJPN,2020,workers,5\r\n\"KOR\"x,2021,workers,5\n", "Line 3, field 1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (KamDataset) dataset = kam_test_load_fixture ("good.kamlang");
      g_autoptr (GError) error = NULL;

      g_assert_false (kam_csv_import (dataset, cases[i].text, strlen (cases[i].text), NULL, &error));
      g_assert_nonnull (error);
      if (!g_str_has_prefix (error->message, cases[i].message))
        g_error ("case %u: “%s” does not start with “%s”", i, error->message, cases[i].message);
      g_assert_cmpuint (kam_figure_table_get_n_rows (kam_dataset_get_figures (dataset)), ==, 3);
      g_assert_false (kam_dataset_get_modified (dataset));
    }
}

static void
test_wdi_fixture (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("good.kamlang");
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "wdi", "API_TEST_remittances.csv", NULL);
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  KamIndicator *remittances = kam_indicator_new ("remittances");
  KamSource *source;
  g_autoptr (GError) error = NULL, aggregate = NULL;
  guint added = 0;

  kam_indicator_set_unit (remittances, KAM_UNIT_USD);
  g_assert_true (kam_dataset_add_indicator (dataset, remittances, NULL));
  g_object_unref (remittances);
  kam_dataset_mark_saved (dataset);

  g_assert_true (kam_wdi_import (dataset, path, NULL, NULL, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 9); /* 2015..2023; 2024 is empty */
  g_assert_null (kam_figure_table_get_country (table, 3));  /* Cambodia: the national total */
  g_assert_cmpint (kam_figure_table_get_year (table, 3 + 4), ==, 2019);
  g_assert_cmpfloat (kam_figure_table_get_value (table, 3 + 4), ==, 2654393614.65735);
  source = kam_dataset_lookup_source (dataset, kam_figure_table_get_source (table, 3));
  g_assert_cmpstr (kam_source_get_publisher (source), ==, "World Bank");
  g_assert_cmpstr (kam_source_get_date (source), ==, "2025-07-01");
  /* once more: nothing new */
  g_assert_true (kam_wdi_import (dataset, path, "KHM", "remittances", &added, NULL));
  g_assert_cmpuint (added, ==, 0);
  /* an aggregate is not a country */
  g_assert_false (kam_wdi_import (dataset, path, "WLD", NULL, NULL, &aggregate));
  g_assert_nonnull (strstr (aggregate->message, "aggregate"));
  /* one undo step takes the import back */
  g_assert_true (kam_dataset_undo (dataset));
  g_assert_cmpuint (kam_figure_table_get_n_rows (table), ==, 3);
  g_assert_false (kam_dataset_get_modified (dataset));
}

/* OWASP's CSV injection: whatever a spreadsheet could evaluate is written
 * with an apostrophe, and the import takes it off again, in every text cell.
 * Also after a ',', ';', tab or line break inside a quoted cell: a
 * spreadsheet whose list separator is ';' (most of Europe and many Asian
 * locales) starts a new cell there (issue 25). */
static void
test_csv_injection (void)
{
  static const struct
  {
    const char *text, *written;
  } inside[] = {
    { "a;=1+1;b", "\"a;'=1+1;b\"" },
    { "x,@SUM(A1)", "\"x,'@SUM(A1)\"" },
    { "a\t-1", "\"a\t'-1\"" },
    { "note\n+1", "\"note\n'+1\"" },
    { "a; =2", "\"a;' =2\"" },
    { "a;cmd|' /C calc'!A0", "\"a;'cmd|' /C calc'!A0\"" },
    { "\t=1", "\"'\t'=1\"" },
    { "\r=1", "\"'\r'=1\"" },
    /* the text's own apostrophes before such a part come back too */
    { "'-5 on revision", "\"''-5 on revision\"" },
    { "'=1+1", "\"''=1+1\"" },
    { "a;'=1", "\"a;''=1\"" },
  };
  static const char *const dangerous[] = {
    "=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx",
    "\xef\xbc\x9d" "1+1",       /* full-width ＝ */
    "\xef\xbc\x8b" "1",         /* full-width ＋ */
    "\xef\xbc\x8d" "1",         /* full-width － */
    "\xef\xbc\xa0" "SUM(A1)",   /* full-width ＠ */
    "  =1+1",                    /* spaces before = */
    "\xc2\xa0=1+1",              /* a no-break space */
    "\xe2\x80\x8b=1+1",          /* a zero-width space */
    "\xef\xbb\xbf=1+1",          /* a byte-order mark */
    "cmd|' /C calc'!A0",         /* DDE */
    "msexcel.exe|'x'!A1",
  };
  static const char *const harmless[] = { "EPS", "a - b", "Report = 2021", "ជប៉ុន", "x | y", "it's",
                                          "Korea, Republic of", "a; b" };
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("good.kamlang");
  g_autoptr (KamDataset) copy = kam_test_without_figures (dataset);
  KamFigureTable *b = kam_dataset_get_figures (copy);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length;

  for (guint i = 0; i < G_N_ELEMENTS (dangerous); i++)
    {
      g_autoptr (KamDataset) one = kam_test_load_fixture ("good.kamlang");
      KamFigureRow row = { "JPN", 2000 + i, "workers", 1, NULL, dangerous[i] };
      g_autofree char *csv = NULL;
      g_autofree char *cell = g_strdup_printf ("\"'%s\"", dangerous[i]);

      g_assert_cmpuint (kam_dataset_add_figure (one, &row, NULL), >, 0);
      csv = kam_csv_export_text (one, NULL);
      if (strstr (csv, cell) == NULL)
        g_error ("“%s” was not made inert: %s", dangerous[i], csv);
      g_assert_cmpuint (kam_dataset_add_figure (dataset, &row, NULL), >, 0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (inside); i++)
    {
      g_autoptr (KamDataset) one = kam_test_load_fixture ("good.kamlang");
      KamFigureRow row = { "JPN", 2100 - i, "workers", 1, NULL, inside[i].text };
      g_autofree char *csv = NULL;

      g_assert_cmpuint (kam_dataset_add_figure (one, &row, NULL), >, 0);
      csv = kam_csv_export_text (one, NULL);
      if (strstr (csv, inside[i].written) == NULL)
        g_error ("“%s” was not written as %s: %s", inside[i].text, inside[i].written, csv);
      g_assert_cmpuint (kam_dataset_add_figure (dataset, &row, NULL), >, 0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (harmless); i++)
    {
      KamFigureRow row = { "KOR", 2000 + i, "workers", 1, NULL, harmless[i] };
      g_autofree char *cell = g_strdup_printf ("'%s", harmless[i]);

      g_assert_cmpuint (kam_dataset_add_figure (dataset, &row, NULL), >, 0);
      text = kam_csv_export_text (dataset, NULL);
      g_assert_null (strstr (text, cell));
      g_clear_pointer (&text, g_free);
    }

  /* every note comes back as it was */
  text = kam_csv_export_text (dataset, &length);
  g_assert_true (kam_csv_import (copy, text, length, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < kam_figure_table_get_n_rows (b); i++)
    g_assert_cmpstr (kam_figure_table_get_note (kam_dataset_get_figures (dataset), i), ==,
                     kam_figure_table_get_note (b, i));
}

/* Ids that look like formulas are protected on export and restored on import,
 * like notes. */
static void
test_csv_formula_like_ids (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("good.kamlang");
  g_autoptr (KamSource) source = kam_source_new ("=source");
  g_autoptr (KamDataset) copy = NULL;
  KamFigureRow row = { "JPN", 2023, "workers", 5, "=source", NULL };
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length;

  g_assert_true (kam_dataset_add_source (dataset, source, &error));
  g_assert_no_error (error);
  row.source = g_intern_string ("=source");
  g_assert_cmpuint (kam_dataset_add_figure (dataset, &row, &error), >, 0);
  copy = kam_test_without_figures (dataset);
  text = kam_csv_export_text (dataset, &length);
  g_assert_nonnull (strstr (text, ",\"'=source\","));
  g_assert_true (kam_csv_import (copy, text, length, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (kam_figure_table_get_source (kam_dataset_get_figures (copy), 3), ==, "=source");
}

/* A WDI file saved again by a spreadsheet: "2020.0" is the year 2020, not a
 * column to skip; a repeated "Last Updated Date" line (the last one counts). */
static void
test_wdi_spreadsheet_headings (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("good.kamlang");
  g_autofree char *path = tmp_path ("API_spreadsheet.csv");
  const char *text = "\"Data Source\",\"World Development Indicators\",\n\n"
                     "\"Last Updated Date\",\"2025-06-01\",\n"
                     "\"Last Updated Date\",\"2025-07-01\",\n\n"
                     "\"Country Name\",\"Country Code\",\"Indicator Name\",\"Indicator Code\",\"2019.0\",\"2020.0\",\n"
                     "\"Cambodia\",\"KHM\",\"Remittances\",\"BX\",\"10\",\"20\",\n";
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  g_autoptr (GError) error = NULL;
  guint added = 0;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_true (kam_wdi_import (dataset, path, NULL, "workers", &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 2);
  g_assert_cmpint (kam_figure_table_get_year (table, 4), ==, 2020);
  g_assert_cmpfloat (kam_figure_table_get_value (table, 4), ==, 20);
  g_assert_cmpstr (kam_figure_table_get_source (table, 4), ==, "wb-wdi-2025-07-01");
  g_unlink (path);
}

static void
test_wdi_real_file (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "..", "..", "shared", "data", "wdi-remittances", NULL);
  g_autofree char *path = g_build_filename (dir, "API_BX.TRF.PWKR.CD.DT_DS2_en_csv_v2_38454.csv", NULL);
  g_autoptr (KamDataset) dataset = kam_dataset_new ();
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  g_autoptr (GError) error = NULL;
  gboolean found = FALSE;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("../shared/data/wdi-remittances is not here");
      return;
    }
  g_assert_true (kam_wdi_import (dataset, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < kam_figure_table_get_n_rows (table); i++)
    if (kam_figure_table_get_year (table, i) == 2019)
      {
        g_assert_cmpfloat (kam_figure_table_get_value (table, i), ==, 2654393614.65735);
        found = TRUE;
      }
  g_assert_true (found);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("kamlang-export-XXXXXX", NULL);
  g_test_add_func ("/kamlang/export/png", test_png);
  g_test_add_func ("/kamlang/export/transparent-png", test_transparent_png);
  g_test_add_func ("/kamlang/export/pdf", test_pdf);
  g_test_add_func ("/kamlang/export/report", test_report);
  g_test_add_func ("/kamlang/export/svg", test_svg);
  g_test_add_func ("/kamlang/export/bad-export-writes-nothing", test_bad_export_writes_nothing);
  g_test_add_func ("/kamlang/csv/round-trip", test_csv_round_trip);
  g_test_add_func ("/kamlang/csv/semicolons", test_csv_semicolons);
  g_test_add_func ("/kamlang/csv/bad-rows", test_csv_bad_rows);
  g_test_add_func ("/kamlang/csv/injection", test_csv_injection);
  g_test_add_func ("/kamlang/csv/formula-like-ids", test_csv_formula_like_ids);
  g_test_add_func ("/kamlang/wdi/spreadsheet-headings", test_wdi_spreadsheet_headings);
  g_test_add_func ("/kamlang/wdi/fixture", test_wdi_fixture);
  g_test_add_func ("/kamlang/wdi/real-file", test_wdi_real_file);
  status = g_test_run ();
  {
    g_autofree char *command = g_strdup_printf ("rm -rf %s", tmp_dir);
    g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
  }
  return status;
}
