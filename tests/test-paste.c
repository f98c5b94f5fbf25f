/* test-paste.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include "kam-paste.h"
#include "kam-test-utils.h"

static void
test_paste_adds_one_step (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("good.kamlang");
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  const char *text = "Country\tYear\tIndicator\tValue\tSource\tNote\r\n"
                     "Japan\t2022\tworkers\t1,220,197\ts1\tfrom a sheet\r\n"
                     "ជប៉ុន\t2023\tWorkers abroad\t\tReport\t\r\n"
                     "\t2021\tworkers\t១២\n";
  guint added = 0;
  g_autoptr (GError) error = NULL;

  g_assert_true (kam_paste_apply (dataset, text, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 3);
  g_assert_cmpuint (kam_figure_table_get_n_rows (table), ==, 6);
  g_assert_cmpstr (kam_figure_table_get_country (table, 3), ==, "JPN");
  g_assert_cmpfloat (kam_figure_table_get_value (table, 3), ==, 1220197);
  g_assert_cmpstr (kam_figure_table_get_note (table, 3), ==, "from a sheet");
  g_assert_cmpstr (kam_figure_table_get_country (table, 4), ==, "JPN");
  g_assert_true (isnan (kam_figure_table_get_value (table, 4)));
  g_assert_cmpstr (kam_figure_table_get_source (table, 4), ==, "s1");
  g_assert_null (kam_figure_table_get_country (table, 5));
  g_assert_cmpfloat (kam_figure_table_get_value (table, 5), ==, 12);
  g_assert_true (kam_dataset_undo (dataset));
  g_assert_cmpuint (kam_figure_table_get_n_rows (table), ==, 3);
}

static void
test_bad_line_adds_nothing (void)
{
  static const struct
  {
    const char *text;
    const char *message;
  } cases[] = {
    { "JPN\t2022\tworkers\t5\nJPN\t2023\tworkers\t-5\n", "Line 2, value" },
    { "JPN\t2022\tworkers\t5\nJPN\tlast year\tworkers\t5\n", "Line 2, year" },
    { "THA\t2022\tworkers\t5\n", "Line 1, country" },
    { "JPN\t2022\tworkers\t5\tnowhere\n", "Line 1, source" },
    { "JPN\t2022\tstudents\t5\n", "Line 1, indicator" },
    { "JPN\t2022\tworkers\n", "Line 1: expected 4 to 6 fields" },
    { "JPN\t1850\tworkers\t5\n", "Line 1: The year 1850" },
    { "JPN\t2022\tworkers\tmany\n", "Line 1, value" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (KamDataset) dataset = kam_test_load_fixture ("good.kamlang");
      g_autoptr (GError) error = NULL;

      g_assert_false (kam_paste_apply (dataset, cases[i].text, NULL, &error));
      g_assert_nonnull (error);
      if (!g_str_has_prefix (error->message, cases[i].message))
        g_error ("case %u: “%s” does not start with “%s”", i, error->message, cases[i].message);
      g_assert_cmpuint (kam_figure_table_get_n_rows (kam_dataset_get_figures (dataset)), ==, 3);
      g_assert_false (kam_dataset_get_modified (dataset));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kamlang/paste/adds-one-step", test_paste_adds_one_step);
  g_test_add_func ("/kamlang/paste/bad-line-adds-nothing", test_bad_line_adds_nothing);
  return g_test_run ();
}
