/* test-cli.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Runs the real kamlang binary with no display at all. */

#include <sys/wait.h>
#include <cairo.h>
#include <glib/gstdio.h>
#include "kam-test-utils.h"

/* Runs kamlang with its messages in this language ("C": untranslated). */
static int
run_in (const char *language, const char *const *args, char **out, char **err)
{
  const char *binary = g_getenv ("KAMLANG_BINARY");
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_auto (GStrv) env = g_get_environ ();
  g_autoptr (GError) error = NULL;
  int status = -1;

  g_assert_nonnull (binary);
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_setenv (env, "LANGUAGE", language, TRUE);
  /* gettext follows LANGUAGE only outside the plain C locale */
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  g_ptr_array_add (argv, (char *) binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, out,
                               err, &status, &error));
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL) ? 0 : WEXITSTATUS (status);
}

static int
run (const char *const *args, char **out, char **err)
{
  return run_in ("C", args, out, err);
}

static void
test_check_bundled (void)
{
  const char *args[] = { "--check", NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (err, "0 errors"));
  /* GTK was never started: it would complain without a display. */
  g_assert_null (strstr (err, "Gtk"));
}

/* In Khmer, a finding names its figure in Khmer: the country and the
 * indicator by the Khmer names the dataset gives them (name-km), and the
 * words around them from the translation. */
static void
test_check_bundled_in_khmer (void)
{
  const char *args[] = { "--check", NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_in ("km", args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "គ្រប់ប្រទេសគោលដៅ, 2021, ប្រាក់បញ្ញើ"));
  g_assert_nonnull (strstr (err, "កំហុស 0"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* and in English, the English names */
  g_assert_cmpint (run_in ("C", args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "All destinations, 2021, Remittances"));
}

static void
test_check_bad_file (void)
{
  g_autofree char *path = kam_test_fixture ("bad-negative.kamlang");
  const char *args[] = { "--check", path, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *expected = g_strdup_printf ("%s: figures.rows[1][3]: error:", path);

  g_assert_cmpint (run (args, &out, &err), ==, 1);
  g_assert_nonnull (strstr (out, expected));
}

static void
test_check_findings (void)
{
  g_autofree char *path = kam_test_fixture ("checks.kamlang");
  const char *args[] = { "--check", path, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *women = g_strdup_printf ("%s: figures.rows[1]: error:", path);
  g_autofree char *source = g_strdup_printf ("%s: figures.rows[3]: warning:", path);

  /* errors among the findings: exit 1 */
  g_assert_cmpint (run (args, &out, &err), ==, 1);
  g_assert_nonnull (strstr (out, women));
  g_assert_nonnull (strstr (out, source));
}

static void
test_check_warnings_only (void)
{
  g_autofree char *path = kam_test_fixture ("good.kamlang");
  const char *args[] = { "--check", path, NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run (args, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "");
}

static void
test_check_missing_file (void)
{
  const char *args[] = { "--check", "/nonexistent/file.kamlang", NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run (args, &out, &err), ==, 1);
  g_assert_nonnull (strstr (out, "/nonexistent/file.kamlang: error:"));
}

static char *
tmp_file (const char *name)
{
  static char *dir;

  if (dir == NULL)
    dir = g_dir_make_tmp ("kamlang-cli-XXXXXX", NULL);
  return g_build_filename (dir, name, NULL);
}

static void
test_export_chart (void)
{
  static const char *const outputs[] = { "c.png", "c.pdf", "c.svg" };

  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      g_autofree char *path = tmp_file (outputs[i]);
      const char *args[] = { "--export-chart", "destinations", "--year", "2021", "--scale", "log",
                             "--size", "1200x800", "-o", path, NULL };
      g_autofree char *out = NULL, *err = NULL;

      g_assert_cmpint (run (args, &out, &err), ==, 0);
      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  {
    g_autofree char *path = tmp_file ("c.png");
    cairo_surface_t *png = cairo_image_surface_create_from_png (path);
    g_assert_cmpint (cairo_image_surface_get_width (png), ==, 1200);
    g_assert_cmpint (cairo_image_surface_get_height (png), ==, 800);
    cairo_surface_destroy (png);
  }
}

static void
test_bad_options (void)
{
  static const struct
  {
    const char *args[8];
    const char *message;
  } cases[] = {
    { { "--export-chart", "pie", "-o", "x.png" }, "unknown chart" },
    { { "--export-chart", "trend", "-o", "x.gif" }, ".png, .pdf or .svg" },
    { { "--export-chart", "trend", "-o", "x.png", "--size", "huge" }, "--size" },
    { { "--export-chart", "trend", "-o", "x.png", "--year", "soon" }, "--year" },
    { { "--export-chart", "trend", "-o", "x.png", "--scale", "cubic" }, "--scale" },
    { { "--export-chart", "map", "-o", "x.png", "--map", "hexagons" }, "--map must be shaded or circles" },
    { { "--export-chart", "map", "-o", "x.png", "--frame", "europe" }, "--frame must be asia or world" },
    { { "--export-chart", "trend", "-o", "x.png", "--indicator", "nothing" }, "indicator" },
    { { "--export-chart", "trend", "-o", "x.png", "--countries", "XYZ" }, "country" },
    { { "--export-chart", "trend", "--nonsense" }, "unknown option" },
    { { "--export-csv", "x.csv", "/nonexistent.kamlang" }, "error" },
    { { "--import-csv", "/nonexistent.csv", "-o", "x.kamlang" }, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL, *err = NULL;

      g_assert_cmpint (run (cases[i].args, &out, &err), ==, 1);
      if (strstr (err, cases[i].message) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, err, cases[i].message);
    }
}

static void
test_report_and_csv (void)
{
  g_autofree char *report = tmp_file ("r.pdf");
  g_autofree char *csv = tmp_file ("f.csv");
  g_autofree char *imported = tmp_file ("i.kamlang");
  g_autofree char *empty = kam_test_fixture ("good.kamlang");
  const char *report_args[] = { "--export-report", report, NULL };
  const char *csv_args[] = { "--export-csv", csv, empty, NULL };
  const char *import_args[] = { "--import-csv", csv, "-o", imported, empty, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr (GFile) file = g_file_new_for_path (imported);
  g_autoptr (KamDataset) dataset = NULL;

  g_assert_cmpint (run (report_args, &out, &err), ==, 0);
  g_assert_true (g_file_test (report, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (csv_args, &out, &err), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* the three figures once more: each key has one figure, nothing is written */
  g_assert_cmpint (run (import_args, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "already a figure for Japan, 2021, workers"));
  g_assert_false (g_file_test (imported, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* a breakdown and a qualifier: women, "about 5,000" */
  g_assert_true (g_file_set_contents (csv, "country,year,indicator,sex,value,qualifier,source\n"
                                           "JPN,2021,workers,Women,5000,approximate,s1\n"
                                           "JPN,2021,workers,men,6000,≈,s1\n", -1, NULL));
  g_assert_cmpint (run (import_args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (err, "2 figures added"));
  dataset = kam_dataset_load_file (file, NULL, NULL);
  g_assert_nonnull (dataset);
  {
    KamFigureTable *table = kam_dataset_get_figures (dataset);
    guint n = kam_figure_table_get_n_rows (table), sex, women;

    g_assert_cmpuint (n, ==, 5);
    g_assert_true (kam_dataset_find_member (dataset, "sex", "women", &sex, &women));
    g_assert_cmpuint (kam_figure_table_get_member (table, n - 2, sex), ==, women);
    g_assert_cmpint (kam_figure_table_get_qualifier (table, n - 2), ==, KAM_QUALIFIER_APPROXIMATE);
    g_assert_cmpint (kam_figure_table_get_qualifier (table, n - 1), ==, KAM_QUALIFIER_APPROXIMATE);
    g_assert_cmpfloat (kam_figure_table_get_value (table, n - 1), ==, 6000);
  }
}

static void
test_import_wdi (void)
{
  g_autofree char *wdi = g_test_build_filename (G_TEST_DIST, "fixtures", "wdi", "API_TEST_remittances.csv", NULL);
  g_autofree char *target = tmp_file ("w.kamlang");
  const char *args[] = { "--import-wdi", wdi, "--indicator", "remittances", "-o", target, NULL };
  const char *aggregate[] = { "--import-wdi", wdi, "--country", "WLD", "-o", target, NULL };
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL;

  /* into the bundled dataset, which already has the World Bank's series up to 2023: 0 new */
  g_assert_cmpint (run (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (err, "0 figures added"));
  g_assert_cmpint (run (aggregate, &out2, &err2), ==, 1);
  g_assert_nonnull (strstr (err2, "aggregate"));
}

/* Two headless imports into one file at the same moment, 50 times: each
 * waits for the other's lock, so both figures are in the file (or one import
 * failed with a message), and FILE~ is the version the second one replaced
 * (issue 25: one figure was lost in 20 runs of 20, and FILE~ was the
 * original). */
static void
test_two_imports_at_once (void)
{
  const char *binary = g_getenv ("KAMLANG_BINARY");
  g_autofree char *dir = g_dir_make_tmp ("kamlang-two-XXXXXX", NULL);
  g_autofree char *target = g_build_filename (dir, "shared.kamlang", NULL);
  g_autofree char *backup = g_strconcat (target, "~", NULL);
  g_autofree char *a = g_build_filename (dir, "a.csv", NULL), *b = g_build_filename (dir, "b.csv", NULL);
  g_autofree char *original = kam_test_fixture ("good.kamlang");
  g_autofree char *data = NULL;
  g_autoptr (GFile) file = g_file_new_for_path (target), kept = g_file_new_for_path (backup);
  gsize length;
  guint both = 0;

  g_assert_true (g_file_get_contents (original, &data, &length, NULL));
  g_assert_true (g_file_set_contents (a, "country,year,indicator,value\nJPN,2031,workers,31\n", -1, NULL));
  g_assert_true (g_file_set_contents (b, "country,year,indicator,value\nKOR,2032,workers,32\n", -1, NULL));
  for (int run = 0; run < 50; run++)
    {
      g_autoptr (GSubprocess) first = NULL, second = NULL;
      g_autofree char *err1 = NULL, *err2 = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (KamDataset) now = NULL, before = NULL;
      gboolean ok1, ok2;
      guint n, n_before;

      g_assert_true (g_file_set_contents (target, data, length, NULL));
      g_remove (backup);
      first = g_subprocess_new (G_SUBPROCESS_FLAGS_STDERR_PIPE, &error, binary, "--import-csv", a, "-o", target,
                                target, NULL);
      second = g_subprocess_new (G_SUBPROCESS_FLAGS_STDERR_PIPE, &error, binary, "--import-csv", b, "-o", target,
                                 target, NULL);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_communicate_utf8 (first, NULL, NULL, NULL, &err1, &error));
      g_assert_true (g_subprocess_communicate_utf8 (second, NULL, NULL, NULL, &err2, &error));
      ok1 = g_subprocess_get_successful (first);
      ok2 = g_subprocess_get_successful (second);
      now = kam_dataset_load_file (file, NULL, &error);
      g_assert_no_error (error);
      n = kam_figure_table_get_n_rows (kam_dataset_get_figures (now));
      if (!ok1)
        g_assert_nonnull (strstr (err1, "Run the command again"));
      if (!ok2)
        g_assert_nonnull (strstr (err2, "Run the command again"));
      g_assert_true (ok1 || ok2);
      /* 3 figures in the fixture: one more for each import that said it added one */
      g_assert_cmpuint (n, ==, 3 + ok1 + ok2);
      before = kam_dataset_load_file (kept, NULL, &error);
      g_assert_no_error (error);
      n_before = kam_figure_table_get_n_rows (kam_dataset_get_figures (before));
      /* FILE~ is the version the last import replaced */
      g_assert_cmpuint (n_before, ==, n - 1);
      if (ok1 && ok2)
        both++;
    }
  /* nothing else runs here: they take turns, they do not fail */
  g_assert_cmpuint (both, ==, 50);
  g_assert_true (g_file_test (target, G_FILE_TEST_EXISTS));
  {
    /* and the lock is gone with them */
    g_autofree char *lock = g_build_filename (dir, ".shared.kamlang.kamlang-lock", NULL);
    g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
  }
}

/* --check says how many problems it did not print (it prints 200). */
static void
test_check_many_problems (void)
{
  g_autofree char *path = tmp_file ("many.kamlang");
  GString *text = g_string_new ("{\"format\":\"kamlang\",\"version\":2,\"countries\":[],\"indicators\":[{\"id\":\"workers\"}],"
                                "\"figures\":{\"columns\":[\"country\",\"year\",\"indicator\",\"value\",\"qualifier\",\"source\",\"note\"],\"rows\":[");
  const char *args[] = { "--check", path, NULL };
  g_autofree char *out = NULL, *err = NULL;

  for (int i = 0; i < 250; i++)
    g_string_append_printf (text, "%s[\"XXX\",%d,\"workers\",1,\"exact\",null,null]", i ? "," : "", 1901 + i % 199);
  g_string_append (text, "]}}");
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  g_string_free (text, TRUE);
  g_assert_cmpint (run (args, &out, &err), ==, 1);
  g_assert_nonnull (strstr (out, "… and 50 more problems"));
}

/* A file holding a JSON list is refused with where. */
static void
test_check_list (void)
{
  g_autofree char *path = tmp_file ("list.kamlang");
  const char *args[] = { "--check", path, NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_true (g_file_set_contents (path, "\n  [1, 2]\n", -1, NULL));
  g_assert_cmpint (run (args, &out, &err), ==, 1);
  g_assert_nonnull (strstr (out, "list.kamlang: line 2, column 3: error: the file holds a JSON list"));
}

/* --import-table: a workbook's wide table into a dataset file; a table
 * with problems writes nothing and names the cells (issue 28). */
static void
test_import_table (void)
{
  g_autofree char *imported = tmp_file ("t.kamlang");
  g_autofree char *dataset_path = kam_test_fixture ("entry.kamlang");
  g_autofree char *ods = kam_test_fixture ("tables/wide-sex-libreoffice.ods");
  g_autofree char *bad = kam_test_fixture ("tables/bad.xlsx");
  const char *args[] = { "--import-table", ods, "-o", imported, dataset_path, NULL };
  const char *bad_args[] = { "--import-table", bad, "--indicator", "deployed", "-o", imported, dataset_path, NULL };
  const char *sheet_args[] = { "--import-table", ods, "--sheet", "ខ្មែរ", "-o", imported, dataset_path, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr (GFile) file = g_file_new_for_path (imported);
  g_autoptr (KamDataset) dataset = NULL;

  g_assert_cmpint (run (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (err, "23 figures added"));
  g_assert_nonnull (strstr (err, "1 hidden row was left out"));
  dataset = kam_dataset_load_file (file, NULL, NULL);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (kam_figure_table_get_n_rows (kam_dataset_get_figures (dataset)), ==, 3 + 23);
  g_assert_nonnull (kam_dataset_lookup_country (dataset, "THA"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_remove (imported) == 0);
  /* problems: each cell named, nothing written */
  g_assert_cmpint (run (bad_args, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "Bad!C2: “many” is not a number"));
  g_assert_false (g_file_test (imported, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* what must be asked is said: the indicator of a sheet that does not name it */
  g_assert_cmpint (run (sheet_args, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "--indicator"));
  g_assert_false (g_file_test (imported, G_FILE_TEST_EXISTS));
}

/* The map in Khmer, as a PDF: the destinations' Khmer names and the
 * legend's words are in it, shaped, with their font embedded. */
static void
test_map_in_khmer (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kamlang-map-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "map.pdf", NULL);
  const char *args[] = { "--export-chart", "map", "-o", pdf, NULL };
  g_autofree char *out = NULL, *err = NULL, *fonts = NULL, *text = NULL, *fonts_cmd = NULL, *text_cmd = NULL;
  g_autofree char *pdffonts = g_find_program_in_path ("pdffonts");

  g_assert_cmpint (run_in ("km", args, &out, &err), ==, 0);
  if (pdffonts == NULL)
    {
      g_remove (pdf);
      g_rmdir (dir);
      g_test_skip ("pdffonts (poppler-utils) is not installed");
      return;
    }
  fonts_cmd = g_strdup_printf ("pdffonts %s", pdf);
  text_cmd = g_strdup_printf ("pdftotext %s -", pdf);
  g_assert_true (g_spawn_command_line_sync (fonts_cmd, &fonts, NULL, NULL, NULL));
  g_assert_true (g_spawn_command_line_sync (text_cmd, &text, NULL, NULL, NULL));
  g_assert_nonnull (strstr (fonts, "Khmer"));
  g_assert_null (strstr (fonts, " no ")); /* every font embedded */
  g_assert_nonnull (strstr (text, "ថៃ"));       /* Thailand */
  /* (pdftotext cuts some Khmer clusters apart: parts of the words) */
  g_assert_nonnull (strstr (text, "តួលេខ"));  /* No figure */
  g_assert_nonnull (strstr (text, "កម្ព"));   /* Cambodia */
  g_assert_nonnull (strstr (text, "ឬច្រើនជាងនេះ")); /* the highest class: or more */
  g_remove (pdf);
  g_rmdir (dir);
}

/* --map, --frame, --flows and --split each change the map drawn. */
static void
test_map_choices (void)
{
  static const char *const choices[][5] = {
    { NULL }, { "--map", "circles", NULL }, { "--flows", NULL }, { "--frame", "world", NULL },
    { "--split", "sex", "--indicator", "deployed", NULL },
  };
  g_autoptr (GPtrArray) drawn = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      g_autofree char *name = g_strdup_printf ("map-%u.svg", i);
      g_autofree char *svg = tmp_file (name);
      g_autofree char *out = NULL, *err = NULL, *contents = NULL;
      const char *args[10] = { "--export-chart", "map", "-o", svg };
      guint n = 4;

      for (guint k = 0; choices[i][k] != NULL; k++)
        args[n++] = choices[i][k];
      g_assert_cmpint (run (args, &out, &err), ==, 0);
      g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
      for (guint k = 0; k < drawn->len; k++)
        g_assert_cmpstr (contents, !=, g_ptr_array_index (drawn, k));
      g_ptr_array_add (drawn, g_steal_pointer (&contents));
      g_remove (svg);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kamlang/cli/check-bundled", test_check_bundled);
  g_test_add_func ("/kamlang/cli/check-bundled-in-khmer", test_check_bundled_in_khmer);
  g_test_add_func ("/kamlang/cli/map-in-khmer", test_map_in_khmer);
  g_test_add_func ("/kamlang/cli/map-choices", test_map_choices);
  g_test_add_func ("/kamlang/cli/check-bad-file", test_check_bad_file);
  g_test_add_func ("/kamlang/cli/check-findings", test_check_findings);
  g_test_add_func ("/kamlang/cli/check-warnings-only", test_check_warnings_only);
  g_test_add_func ("/kamlang/cli/check-missing-file", test_check_missing_file);
  g_test_add_func ("/kamlang/cli/export-chart", test_export_chart);
  g_test_add_func ("/kamlang/cli/bad-options", test_bad_options);
  g_test_add_func ("/kamlang/cli/report-and-csv", test_report_and_csv);
  g_test_add_func ("/kamlang/cli/import-wdi", test_import_wdi);
  g_test_add_func ("/kamlang/cli/two-imports-at-once", test_two_imports_at_once);
  g_test_add_func ("/kamlang/cli/check-many-problems", test_check_many_problems);
  g_test_add_func ("/kamlang/cli/check-list", test_check_list);
  g_test_add_func ("/kamlang/cli/import-table", test_import_table);
  return g_test_run ();
}
