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
    { "JPN\t2022\tworkers\n", "Line 1: expected 4 to 7 fields" },
    { "JPN\t2022\tworkers\t5\t\t\tsome\n", "Line 1, qualifier" },
    { "Year\tIndicator\tValue\tSex\n2022\tworkers\t5\tgirls\n", "Line 2, Sex" },
    { "Year\tIndicator\tSex\n2022\tworkers\twomen\n", "Line 1: the header has no column “Value”" },
    { "Year\tIndicator\tValue\tyear\n", "Line 1: the column “year” is given twice" },
    { "Year\tIndicator\tValue\n2022\tworkers\t5\t6\n", "Line 2: the header names 3 columns" },
    { "JPN\t1850\tworkers\t5\n", "Line 1, year: the year 1850" },
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

/* Under a header that names them, columns come in any order, and carry
 * dimensions' members and qualifiers. */
static void
test_paste_members_and_qualifiers (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  guint n = kam_figure_table_get_n_rows (table);
  int sex = kam_dataset_find_dimension (dataset, "sex");
  int sector = kam_dataset_find_dimension (dataset, "sector");
  KamDimension *sex_dimension = kam_dataset_get_dimension (dataset, sex);
  const char *text = "Value\tQualifier\tsex\tIndicator\tYear\tCountry\tSector\n"
                     "12,000\t≈\tWomen\tworkers\t2030\tJPN\t\n"
                     "8000\tlower-bound\tបុរស\tworkers\t2030\tJapan\tconstruction\n"
                     "500\t\t\tworkers\t2030\tJPN\n";
  guint added = 0;
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (sex, >=, 0);
  g_assert_cmpint (sector, >=, 0);
  g_assert_true (kam_paste_apply (dataset, text, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 3);
  g_assert_cmpfloat (kam_figure_table_get_value (table, n), ==, 12000);
  g_assert_cmpint (kam_figure_table_get_qualifier (table, n), ==, KAM_QUALIFIER_APPROXIMATE);
  g_assert_cmpuint (kam_figure_table_get_member (table, n, sex), ==,
                    kam_dimension_find_code (sex_dimension, "women"));
  g_assert_cmpuint (kam_figure_table_get_member (table, n, sector), ==, KAM_MEMBER_TOTAL);
  g_assert_cmpint (kam_figure_table_get_qualifier (table, n + 1), ==, KAM_QUALIFIER_LOWER_BOUND);
  g_assert_cmpuint (kam_figure_table_get_member (table, n + 1, sex), ==,
                    kam_dimension_find_code (sex_dimension, "men"));
  g_assert_cmpstr (kam_dimension_get_member_code (kam_dataset_get_dimension (dataset, sector),
                                                  kam_figure_table_get_member (table, n + 1, sector)),
                   ==, "construction");
  g_assert_cmpint (kam_figure_table_get_qualifier (table, n + 2), ==, KAM_QUALIFIER_EXACT);
  g_assert_cmpuint (kam_figure_table_get_member (table, n + 2, sex), ==, KAM_MEMBER_TOTAL);
  g_assert_cmpstr (kam_figure_table_get_country (table, n + 2), ==, "JPN");

  /* without a header naming them, the seventh field is the qualifier */
  g_assert_true (kam_paste_apply (dataset, "Land\tJahr\tx\ty\tz\tw\tv\nJPN\t2031\tworkers\t5\t\t\t≥\n",
                                  &added, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kam_figure_table_get_qualifier (table, n + 3), ==, KAM_QUALIFIER_LOWER_BOUND);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kamlang/paste/adds-one-step", test_paste_adds_one_step);
  g_test_add_func ("/kamlang/paste/bad-line-adds-nothing", test_bad_line_adds_nothing);
  g_test_add_func ("/kamlang/paste/members-and-qualifiers", test_paste_members_and_qualifiers);
  return g_test_run ();
}
