/* test-table.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The table importer (kam-table.h): cells as tables write them, and a wide
 * table with a title, a header of two rows, a hidden row, a totals row and
 * notes, made by openpyxl and by LibreOffice (.xlsx and .ods), read into
 * the same figures; a table with problems imports nothing. */

#include <math.h>
#include <string.h>
#include "kam-table.h"
#include "kam-test-utils.h"

static void
test_values (void)
{
  static const struct
  {
    const char *text;
    double value;
    KamQualifier qualifier;
  } good[] = {
    { "45,866", 45866, KAM_QUALIFIER_EXACT },       { "45,866*", 45866, KAM_QUALIFIER_EXACT },
    { "1,234 (a)", 1234, KAM_QUALIFIER_EXACT },     { "2,719 [1]", 2719, KAM_QUALIFIER_EXACT },
    { "about 9,000", 9000, KAM_QUALIFIER_APPROXIMATE }, { "≈ 45,000", 45000, KAM_QUALIFIER_APPROXIMATE },
    { "more than 1,300,000", 1300000, KAM_QUALIFIER_LOWER_BOUND },
    { "≥ 10,000", 10000, KAM_QUALIFIER_LOWER_BOUND }, { "less than 50", 50, KAM_QUALIFIER_UPPER_BOUND },
    { "៤៥,៨៦៦", 45866, KAM_QUALIFIER_EXACT },      { " 12 ", 12, KAM_QUALIFIER_EXACT },
  };
  static const char *const unknown[] = { "..", "-", "n/a", "N/A", "", "   ", "…" };
  static const char *const bad[] = { "many", "12 workers", "-5", "1,2,3" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      double value;
      KamQualifier qualifier;
      g_autofree char *why = NULL;

      if (!kam_table_parse_value (good[i].text, &value, &qualifier, &why))
        g_error ("“%s” refused: %s", good[i].text, why);
      g_assert_cmpfloat (value, ==, good[i].value);
      g_assert_cmpint (qualifier, ==, good[i].qualifier);
    }
  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    {
      double value;
      KamQualifier qualifier;

      g_assert_true (kam_table_parse_value (unknown[i], &value, &qualifier, NULL));
      g_assert_true (isnan (value));
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      double value;
      KamQualifier qualifier;
      g_autofree char *why = NULL;

      g_assert_false (kam_table_parse_value (bad[i], &value, &qualifier, &why));
      g_assert_nonnull (strstr (why, bad[i]));
    }
}

static void
test_years (void)
{
  g_assert_cmpint (kam_table_parse_year ("2024", NAN), ==, 2024);
  g_assert_cmpint (kam_table_parse_year (NULL, 2023), ==, 2023);
  g_assert_cmpint (kam_table_parse_year ("Year 2024", NAN), ==, 2024);
  g_assert_cmpint (kam_table_parse_year ("ឆ្នាំ២០២៤", NAN), ==, 2024);
  g_assert_cmpint (kam_table_parse_year ("2024-01-01", NAN), ==, 2024);
  g_assert_cmpint (kam_table_parse_year (NULL, 45292), ==, 2024); /* a date: 2024-01-01 */
  g_assert_cmpint (kam_table_parse_year ("2023-2024", NAN), ==, 0);
  g_assert_cmpint (kam_table_parse_year ("Women", NAN), ==, 0);
  g_assert_cmpint (kam_table_parse_year (NULL, 12.5), ==, 0);
}

static double
value_of (KamDataset *dataset, const char *country, int year, const char *member, KamQualifier *qualifier)
{
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  int sex = kam_dataset_find_dimension (dataset, "sex");
  int m = kam_dimension_find_code (kam_dataset_get_dimension (dataset, (guint) sex), member);

  for (guint i = 0; i < kam_figure_table_get_n_rows (table); i++)
    {
      KamFigureRow row;

      kam_figure_table_get_row (table, i, &row);
      if (g_strcmp0 (row.country, country) == 0 && row.year == year && row.members[sex] == m)
        {
          if (qualifier != NULL)
            *qualifier = row.qualifier;
          return row.value;
        }
    }
  return -1;
}

/* The same wide table, as openpyxl, LibreOffice (.xlsx, .ods) and Gnumeric
 * (.xlsx, .ods) saved it: the same figures. */
static void
test_wide_table (void)
{
  const char *names[] = { "tables/wide-sex.xlsx", "tables/wide-sex-libreoffice.xlsx", "tables/wide-sex-libreoffice.ods",
                          "tables/wide-sex-gnumeric.xlsx", "tables/wide-sex-gnumeric.ods" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (KamDataset) dataset = kam_test_load_fixture ("entry.kamlang");
      g_autofree char *path = kam_test_fixture (names[i]);
      g_autoptr (GPtrArray) said = g_ptr_array_new_with_free_func (g_free);
      g_autoptr (GError) error = NULL;
      KamFigureTable *table = kam_dataset_get_figures (dataset);
      guint before = kam_figure_table_get_n_rows (table), added = 0;
      guint countries = g_list_model_get_n_items (kam_dataset_get_countries (dataset));
      KamQualifier qualifier;
      KamCountry *thailand;
      gboolean hidden_said = FALSE, totals_said = FALSE;

      g_test_message ("%s", names[i]);
      /* the indicator is named in the title: "…workers sent…" */
      if (!kam_table_import_file (dataset, path, NULL, NULL, NULL, &added, said, &error))
        g_error ("%s: %s", names[i], error->message);
      /* Malaysia, South Korea, Japan: 2 years × 3; Thailand: 5 cells */
      g_assert_cmpuint (added, ==, 23);
      g_assert_cmpuint (kam_figure_table_get_n_rows (table), ==, before + 23);
      g_assert_cmpfloat (value_of (dataset, "MYS", 2024, "women", NULL), ==, 1200);   /* "1,200", text */
      g_assert_cmpfloat (value_of (dataset, "KOR", 2023, "women", NULL), ==, 2719);   /* "2,719*" */
      g_assert_cmpfloat (value_of (dataset, "JPN", 2024, "total", NULL), ==, 11500);
      g_assert_true (isnan (value_of (dataset, "THA", 2023, "women", &qualifier)));   /* ".." */
      g_assert_cmpfloat (value_of (dataset, "THA", 2024, "total", NULL), ==, 1200000);
      g_assert_cmpfloat (value_of (dataset, "THA", 2023, "men", NULL), ==, -1);       /* empty: no figure */
      /* the hidden row's figures are not there; its country is not added */
      g_assert_null (kam_dataset_lookup_country (dataset, "Hidden row"));
      /* Japan and Thailand come from ISO 3166, with their Khmer names */
      thailand = kam_dataset_lookup_country (dataset, "THA");
      g_assert_nonnull (thailand);
      g_assert_cmpstr (kam_country_get_name (thailand), ==, "Thailand");
      g_assert_cmpuint (g_list_model_get_n_items (kam_dataset_get_countries (dataset)), ==, countries + 2);
      for (guint k = 0; k < said->len; k++)
        {
          hidden_said |= strstr (g_ptr_array_index (said, k), "1 hidden row was left out") != NULL;
          /* the totals row counts the hidden row: it differs by 2 */
          totals_said |= strstr (g_ptr_array_index (said, k), "1,219,102 against 1,219,100") != NULL;
        }
      g_assert_true (hidden_said);
      /* (openpyxl saves its formulas without results: nothing to check) */
      g_assert_true (totals_said == (i > 0));
      /* one step back */
      g_assert_true (kam_dataset_undo (dataset));
      g_assert_cmpuint (kam_figure_table_get_n_rows (table), ==, before);
      g_assert_cmpuint (g_list_model_get_n_items (kam_dataset_get_countries (dataset)), ==, countries);
    }
}

/* A long table under Khmer headings, its countries by their Khmer names. */
static void
test_khmer_long_table (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("entry.kamlang");
  g_autofree char *path = kam_test_fixture ("tables/wide-sex.xlsx");
  g_autoptr (GError) error = NULL;
  guint added = 0;

  /* the values' indicator is asked for: the sheet does not say */
  g_assert_false (kam_table_import_file (dataset, path, "ខ្មែរ", NULL, NULL, &added, NULL, &error));
  g_assert_nonnull (strstr (error->message, "--indicator"));
  g_clear_error (&error);
  g_assert_true (kam_table_import_file (dataset, path, "ខ្មែរ", "deployed", "mlvt", &added, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 2);
  g_assert_cmpfloat (value_of (dataset, "MYS", 2024, "total", NULL), ==, 4600);
  g_assert_cmpfloat (value_of (dataset, "KOR", 2024, "total", NULL), ==, 3000);
  /* a sheet that does not exist */
  g_assert_false (kam_table_import_file (dataset, path, "Nowhere", "deployed", NULL, &added, NULL, &error));
  g_assert_error (error, KAM_ERROR, KAM_ERROR_NOT_FOUND);
}

/* A word where a number belongs and a country that does not exist: nothing
 * imported, each problem named by its cell. */
static void
test_bad_table (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("entry.kamlang");
  g_autofree char *path = kam_test_fixture ("tables/bad.xlsx");
  g_autoptr (GError) error = NULL;
  guint before = kam_figure_table_get_n_rows (kam_dataset_get_figures (dataset)), added = 7;

  g_assert_false (kam_table_import_file (dataset, path, NULL, "deployed", NULL, &added, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "Bad!C2: “many” is not a number"));
  g_assert_nonnull (strstr (error->message, "Bad!A3: there is no country “Atlantis”"));
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (kam_figure_table_get_n_rows (kam_dataset_get_figures (dataset)), ==, before);
  g_assert_false (kam_dataset_get_modified (dataset));
}

/* A wide table in a CSV file: a title split by its comma, the year in it,
 * numbers in quotes with their separators, a totals row that matches. */
static void
test_wide_csv (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("entry.kamlang");
  g_autofree char *path = kam_test_fixture ("tables/wide.csv");
  g_autoptr (GPtrArray) said = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  guint added = 0;

  if (!kam_table_import_file (dataset, path, NULL, NULL, NULL, &added, said, &error))
    g_error ("%s", error->message);
  g_assert_cmpuint (added, ==, 6);
  g_assert_cmpfloat (value_of (dataset, "MYS", 2024, "women", NULL), ==, 1200);
  g_assert_cmpfloat (value_of (dataset, "KOR", 2024, "total", NULL), ==, 3000);
  g_assert_cmpuint (said->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (said, 0), "matches the sum of its rows in 3 columns"));
}

/* A sheet of texts, rows split at '|' and cells at ','. */
static KamSheet *
sheet_of (const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "|", -1);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (guint l = 0; lines[l] != NULL; l++)
    {
      g_auto (GStrv) cells = g_strsplit (lines[l], ",", -1);
      GPtrArray *row = g_ptr_array_new_with_free_func (g_free);

      for (guint c = 0; cells[c] != NULL; c++)
        g_ptr_array_add (row, g_strdup (cells[c]));
      g_ptr_array_add (rows, row);
    }
  return kam_sheet_new_from_rows ("Chosen", rows, NULL);
}

/* What a person chooses in the assistant over what is detected: the
 * header's row and each column's meaning (headings in a language Kamlang
 * does not read), a column of values left out, the rows with problems left
 * out so that the rest imports. */
static void
test_chosen (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("entry.kamlang");
  g_autoptr (KamSheet) german = sheet_of ("Arbeitskräfte im Ausland|Land,Jahr,Anzahl,Bemerkung|Malaysia,2022,51000,x|Japan,2023,62000,y");
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) kam_table_problem_free);
  g_autoptr (GPtrArray) said = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  KamTableMeaning meanings[4] = {
    { KAM_TABLE_MEANING_FIELD, KAM_FIGURE_FIELD_COUNTRY, -1 },
    { KAM_TABLE_MEANING_FIELD, KAM_FIGURE_FIELD_YEAR, -1 },
    { KAM_TABLE_MEANING_FIELD, KAM_FIGURE_FIELD_VALUE, -1 },
    { KAM_TABLE_MEANING_SKIP, 0, -1 },
  };
  KamTableChoices choices = { 1, G_N_ELEMENTS (meanings), meanings, NULL };
  KamTableLayout layout;
  guint added = 0;

  /* detected: no row names its columns */
  g_assert_false (kam_table_detect (dataset, german, "deployed", NULL, &layout, problems));
  kam_table_layout_clear (&layout);
  g_assert_cmpuint (problems->len, ==, 1);
  /* chosen: the header in row 2, its columns country, year, value */
  g_assert_true (kam_table_detect_chosen (dataset, german, "deployed", NULL, &choices, &layout, problems));
  g_assert_cmpint (layout.kind, ==, KAM_TABLE_LONG);
  g_assert_cmpuint (layout.header_row, ==, 1);
  g_assert_cmpuint (layout.first_row, ==, 2);
  g_assert_cmpint (layout.columns[3].kind, ==, KAM_COLUMN_SKIP);
  kam_table_layout_clear (&layout);
  g_assert_true (kam_table_import_chosen (dataset, german, "deployed", NULL, &choices, &added, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 2);
  g_assert_cmpfloat (value_of (dataset, "MYS", 2022, "total", NULL), ==, 51000);
  /* the note column left out: no note */
  {
    KamFigureTable *table = kam_dataset_get_figures (dataset);

    for (guint r = 0; r < kam_figure_table_get_n_rows (table); r++)
      g_assert_cmpstr (kam_figure_table_get_note (table, r), !=, "x");
  }
  g_assert_true (kam_dataset_undo (dataset));

  /* the same column named twice by a person */
  meanings[3] = meanings[2];
  g_ptr_array_set_size (problems, 0);
  g_assert_false (kam_table_detect_chosen (dataset, german, "deployed", NULL, &choices, &layout, problems));
  kam_table_layout_clear (&layout);
  g_assert_nonnull (strstr (((KamTableProblem *) g_ptr_array_index (problems, 0))->message, "twice"));

  /* a wide table: a column of values left out, and the rows with problems */
  {
    g_autofree char *path = kam_test_fixture ("tables/bad.xlsx");
    g_autoptr (GPtrArray) sheets = kam_table_read_sheets (path, &error);
    const KamSheet *bad;
    KamTableMeaning skip_2023[3] = { { 0 }, { 0 }, { KAM_TABLE_MEANING_SKIP, 0, -1 } };
    KamTableChoices wide = { -1, G_N_ELEMENTS (skip_2023), skip_2023, NULL };
    g_autoptr (GArray) left_out = g_array_new (FALSE, FALSE, sizeof (guint));
    guint atlantis = 2;
    gboolean left_said = FALSE;

    g_assert_no_error (error);
    bad = g_ptr_array_index (sheets, 0);
    /* without 2023's column, only Atlantis is wrong */
    g_assert_false (kam_table_import_chosen (dataset, bad, "deployed", NULL, &wide, &added, NULL, &error));
    g_assert_nonnull (strstr (error->message, "Bad!A3: there is no country “Atlantis”"));
    g_assert_null (strstr (error->message, "many"));
    g_clear_error (&error);
    /* and without Atlantis's row, Malaysia 2022 imports */
    g_array_append_val (left_out, atlantis);
    wide.left_out = left_out;
    g_assert_true (kam_table_import_chosen (dataset, bad, "deployed", NULL, &wide, &added, said, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (added, ==, 1);
    g_assert_cmpfloat (value_of (dataset, "MYS", 2022, "total", NULL), ==, 1000);
    g_assert_cmpfloat (value_of (dataset, "MYS", 2023, "total", NULL), ==, 4000); /* the dataset's own */
    for (guint k = 0; k < said->len; k++)
      left_said |= strstr (g_ptr_array_index (said, k), "Row 3 was left out") != NULL;
    g_assert_true (left_said);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kamlang/table/values", test_values);
  g_test_add_func ("/kamlang/table/years", test_years);
  g_test_add_func ("/kamlang/table/wide-table", test_wide_table);
  g_test_add_func ("/kamlang/table/khmer-long-table", test_khmer_long_table);
  g_test_add_func ("/kamlang/table/bad-table", test_bad_table);
  g_test_add_func ("/kamlang/table/wide-csv", test_wide_csv);
  g_test_add_func ("/kamlang/table/chosen", test_chosen);
  return g_test_run ();
}
