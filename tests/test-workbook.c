/* test-workbook.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The workbook export (kam-workbook.h): what Kamlang writes, it reads back;
 * the chart is a native chart whose series point at the numbers beside it. */

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include "kam-sheet.h"
#include "kam-table.h"
#include "kam-workbook.h"
#include "kam-test-utils.h"

static char *folder;

static gboolean
same_row (const KamFigureRow *a, const KamFigureRow *b)
{
  return a->country == b->country && a->year == b->year && a->indicator == b->indicator && a->source == b->source
         && memcmp (a->members, b->members, sizeof a->members) == 0 && a->qualifier == b->qualifier
         && g_strcmp0 (a->note, b->note) == 0
         && ((isnan (a->value) && isnan (b->value)) || a->value == b->value);
}

static void
test_round_trip (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autoptr (KamChart) chart = kam_chart_new (dataset, KAM_CHART_DESTINATIONS);
  g_autofree char *path = g_build_filename (folder, "bundled.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sheets = NULL;
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  guint n = kam_figure_table_get_n_rows (table), added = 0;
  g_autoptr (GArray) before = g_array_new (FALSE, TRUE, sizeof (KamFigureRow));
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint));

  g_assert_true (kam_workbook_export (dataset, chart, path, &error));
  g_assert_no_error (error);
  sheets = kam_sheet_read_file (path, &error);
  g_assert_no_error (error);
  /* Figures, Chart, a sheet per indicator with figures, Sources, Agreements */
  g_assert_cmpstr (((KamSheet *) g_ptr_array_index (sheets, 0))->name, ==, "Figures");
  g_assert_cmpstr (((KamSheet *) g_ptr_array_index (sheets, 1))->name, ==, "Chart");
  g_assert_cmpuint (sheets->len, ==, 10);
  {
    KamSheet *remittances = NULL, *workers = NULL;

    for (guint i = 0; i < sheets->len; i++)
      {
        KamSheet *s = g_ptr_array_index (sheets, i);

        if (g_str_equal (s->name, "Remittances"))
          remittances = s;
        if (g_str_equal (s->name, "Workers abroad"))
          workers = s;
      }
    g_assert_nonnull (remittances);
    g_assert_nonnull (workers);
    /* the totals row's formulas carry their results */
    g_assert_cmpstr (kam_sheet_get_text (workers, 8, 0), ==, "Total");
    g_assert_cmpfloat (kam_sheet_get_number (workers, 8, 3), ==, 1220197 + 45866 + 23027 + 11453 + 821 + 202 + 43);
    g_assert_cmpstr (kam_sheet_get_text (remittances, 1, 0), ==, "All destinations");
  }

  /* the Figures sheet read back into the dataset without its figures: the same figures */
  for (guint r = 0; r < n; r++)
    {
      KamFigureRow row;
      guint id = kam_figure_table_get_id (table, r);

      kam_figure_table_get_row (table, r, &row);
      row.note = g_strdup (row.note);
      g_array_append_val (before, row);
      g_array_append_val (ids, id);
    }
  kam_dataset_remove_figures (dataset, (guint *) ids->data, ids->len, NULL);
  g_assert_cmpuint (kam_figure_table_get_n_rows (table), ==, 0);
  if (!kam_table_import_file (dataset, path, "Figures", NULL, NULL, &added, NULL, &error))
    g_error ("%s", error->message);
  g_assert_cmpuint (added, ==, n);
  for (guint i = 0; i < n; i++)
    {
      KamFigureRow *want = &g_array_index (before, KamFigureRow, i);
      gboolean found = FALSE;

      for (guint r = 0; r < n && !found; r++)
        {
          KamFigureRow row;

          kam_figure_table_get_row (table, r, &row);
          found = same_row (want, &row);
        }
      if (!found)
        g_error ("figure %u (%s, %d, %s, %g) did not come back", i, want->country, want->year, want->indicator,
                 want->value);
      g_free ((char *) want->note);
    }
}

/* The chart: a native bar chart whose values are the Chart sheet's. */
static void
test_native_chart (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autoptr (KamChart) chart = kam_chart_new (dataset, KAM_CHART_DESTINATIONS);
  g_autofree char *path = g_build_filename (folder, "chart.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *xml = NULL, *command = NULL;
  int status = 0;

  g_assert_true (kam_workbook_export (dataset, chart, path, &error));
  if (!g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("no /usr/bin/python3 to unzip the workbook");
      return;
    }
  command = g_strdup_printf ("/usr/bin/python3 -c \"import zipfile,sys; "
                             "sys.stdout.write(zipfile.ZipFile('%s').read('xl/charts/chart1.xml').decode())\"",
                             path);
  g_assert_true (g_spawn_command_line_sync (command, &xml, NULL, &status, NULL));
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (xml, "<c:barChart>"));
  g_assert_nonnull (strstr (xml, "Chart!$B$3:$B$"));
  g_assert_nonnull (strstr (xml, "Workers abroad by destination, 2021"));
  /* in the colour the chart has in Kamlang (its palette's first: blue) */
  g_assert_nonnull (strstr (xml, "0072B2"));
}

/* A workbook that cannot be written leaves the file there as it was. */
static void
test_failed_export (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autoptr (GError) error = NULL;

  g_assert_false (kam_workbook_export (dataset, NULL, "/nonexistent/folder/out.xlsx", &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test ("/nonexistent/folder/out.xlsx", G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  folder = g_dir_make_tmp ("kam-workbook-XXXXXX", NULL);
  g_test_add_func ("/kamlang/workbook/round-trip", test_round_trip);
  g_test_add_func ("/kamlang/workbook/native-chart", test_native_chart);
  g_test_add_func ("/kamlang/workbook/failed-export", test_failed_export);
  status = g_test_run ();
  {
    g_autofree char *a = g_build_filename (folder, "bundled.xlsx", NULL), *b = g_build_filename (folder, "chart.xlsx", NULL);

    g_unlink (a);
    g_unlink (b);
    g_rmdir (folder);
  }
  return status;
}
