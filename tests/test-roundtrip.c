/* test-roundtrip.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Nothing Kamlang writes is refused by Kamlang: random datasets (names in any
 * Unicode, large and tiny values, every qualifier and member) are written,
 * read back and written again, as .kamlang and as CSV, and must come back
 * the same. */

#include <math.h>
#include <string.h>
#include "kam-csv.h"
#include "kam-dataset-json.h"
#include "kam-test-utils.h"

#define N_DATASETS 60

/* Random valid UTF-8: ASCII with quotes and backslashes, controls, Khmer,
 * astral characters (written as surrogate pairs by other tools). */
static char *
random_text (void)
{
  static const gunichar pool[] = { 'a', 'Z', '"', '\\', '/', ',', ';', '\n', '\t', 0x01, 0x7f,
                                   0xe9, 0x1780, 0x17d2, 0x17b6, 0x2028, 0x2212, 0xfeff,
                                   0x1f600, 0x10ffff, '=', '+', '-', '@', ' ', '\'' };
  GString *out = g_string_new (NULL);
  guint n = g_test_rand_int_range (1, 12);

  for (guint i = 0; i < n; i++)
    g_string_append_unichar (out, pool[g_test_rand_int_range (0, G_N_ELEMENTS (pool))]);
  return g_string_free (out, FALSE);
}

static double
random_value (void)
{
  switch (g_test_rand_int_range (0, 7))
    {
    case 0:
      return NAN;
    case 1:
      return g_test_rand_int_range (0, 2000000);
    case 2:
      return 1e15 * g_test_rand_int_range (1, 1000); /* written 1e+15 and more */
    case 3:
      return 1e300 * g_test_rand_double_range (0.1, 1.7);
    case 4:
      return 4.9e-324 * g_test_rand_int_range (1, 100); /* the tiniest doubles */
    case 5:
      return g_test_rand_double_range (0, 1) * 1e-7;
    default:
      return g_test_rand_double_range (0, 1e9);
    }
}

static KamDataset *
random_dataset (void)
{
  KamDataset *dataset = kam_dataset_new ();
  g_autoptr (KamDimension) extra = kam_dimension_new ("skill", NULL, NULL);
  g_autofree char *title = random_text ();
  const char *codes[] = { "JPN", "KOR", "THA" };
  guint n = g_test_rand_int_range (1, 80);

  kam_dataset_set_title (dataset, title);
  {
    /* an indicator's Khmer name and definition */
    g_autofree char *name_km = random_text (), *definition_km = random_text ();
    KamIndicator *workers = kam_dataset_lookup_indicator (dataset, "workers");

    kam_indicator_set_name_km (workers, name_km);
    kam_indicator_set_definition_km (workers, definition_km);
  }
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autoptr (KamCountry) country = kam_country_new (codes[i]);
      g_autofree char *name = random_text (), *name_km = random_text ();

      kam_country_set_name (country, name);
      kam_country_set_name_km (country, name_km);
      g_assert_true (kam_dataset_add_country (dataset, country, NULL));
    }
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i);
      g_autoptr (KamSource) source = kam_source_new (id);
      g_autofree char *t = random_text ();

      kam_source_set_title (source, t);
      g_assert_true (kam_dataset_add_source (dataset, source, NULL));
    }
  {
    g_autofree char *a = random_text (), *b = random_text ();
    kam_dimension_append_member (extra, "total", a, b);
    kam_dimension_append_member (extra, "high+", b, NULL);
    kam_dimension_append_member (extra, "low.1", NULL, a);
    g_assert_true (kam_dataset_add_dimension (dataset, extra, NULL));
  }
  kam_dataset_begin_group (dataset, "random");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *note = random_text ();
      KamFigureRow row = { NULL, g_test_rand_int_range (KAM_YEAR_MIN, KAM_YEAR_MAX + 1), "workers",
                           random_value (), NULL, g_test_rand_bit () ? note : NULL };
      GListModel *indicators = kam_dataset_get_indicators (dataset);
      g_autoptr (KamIndicator) indicator = g_list_model_get_item (indicators, g_test_rand_int_range (0, g_list_model_get_n_items (indicators)));

      row.country = g_test_rand_bit () ? codes[g_test_rand_int_range (0, 3)] : NULL;
      row.indicator = kam_indicator_get_id (indicator);
      row.source = g_test_rand_bit () ? (g_test_rand_bit () ? "s0" : "s1") : NULL;
      row.qualifier = g_test_rand_int_range (0, KAM_N_QUALIFIERS);
      for (guint d = 0; d < kam_dataset_get_n_dimensions (dataset); d++)
        if (g_test_rand_bit ())
          row.members[d] = g_test_rand_int_range (0, kam_dimension_get_n_members (kam_dataset_get_dimension (dataset, d)));
      kam_dataset_add_figure (dataset, &row, NULL); /* a repeated key is refused: fine */
    }
  kam_dataset_end_group (dataset);
  return dataset;
}

static void
test_kamlang_round_trip (void)
{
  for (guint k = 0; k < N_DATASETS; k++)
    {
      g_autoptr (KamDataset) dataset = random_dataset ();
      g_autoptr (KamDataset) again = NULL;
      g_autoptr (GError) error = NULL;
      gsize length, length2;
      g_autofree char *text = kam_dataset_to_data (dataset, &length);
      g_autofree char *text2 = NULL;

      again = kam_dataset_load_data (text, length, NULL, &error);
      if (again == NULL)
        g_error ("Kamlang refused what it wrote: %s\n%s", error->message, text);
      text2 = kam_dataset_to_data (again, &length2);
      g_assert_cmpmem (text, length, text2, length2);
      g_assert_nonnull (kam_indicator_get_definition_km (kam_dataset_lookup_indicator (again, "workers")));
      g_assert_cmpstr (kam_indicator_get_name_km (kam_dataset_lookup_indicator (again, "workers")), ==,
                       kam_indicator_get_name_km (kam_dataset_lookup_indicator (dataset, "workers")));
      g_assert_cmpuint (kam_figure_table_get_n_rows (kam_dataset_get_figures (again)), ==,
                        kam_figure_table_get_n_rows (kam_dataset_get_figures (dataset)));
    }
}

static void
test_csv_round_trip (void)
{
  for (guint k = 0; k < N_DATASETS; k++)
    {
      g_autoptr (KamDataset) dataset = random_dataset ();
      /* the same dataset without figures: import the CSV into it */
      g_autoptr (KamDataset) copy = kam_test_without_figures (dataset);
      g_autoptr (GError) error = NULL;
      gsize length, length2;
      g_autofree char *text = kam_csv_export_text (dataset, &length);
      g_autofree char *text2 = NULL;

      if (!kam_csv_import (copy, text, length, NULL, &error))
        g_error ("Kamlang refused the CSV it wrote: %s\n%s", error->message, text);
      text2 = kam_csv_export_text (copy, &length2);
      g_assert_cmpmem (text, length, text2, length2);
    }
}

static void
test_units_any_case (void)
{
  const char *text =
    "{\"format\":\"kamlang\",\"version\":2,\"indicators\":["
    "{\"id\":\"a\",\"unit\":\"USD\"},{\"id\":\"b\",\"unit\":\"usd\"},{\"id\":\"c\",\"unit\":\"Usd\"},"
    "{\"id\":\"d\",\"unit\":\"KHR\"},{\"id\":\"e\",\"unit\":\"hectares\"},"
    "{\"id\":\"f\",\"unit\":\" USD \"},{\"id\":\"g\",\"unit\":\"\"},{\"id\":\"h\",\"unit\":\"  \"}]}";
  g_autoptr (GError) error = NULL;
  g_autoptr (KamDataset) dataset = kam_dataset_load_data (text, strlen (text), NULL, &error);
  g_autofree char *written = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (kam_indicator_get_unit (kam_dataset_lookup_indicator (dataset, "a")), ==, "USD");
  /* kept as written (issue 25: saving changed them), matched in any case */
  g_assert_cmpstr (kam_indicator_get_unit (kam_dataset_lookup_indicator (dataset, "b")), ==, "usd");
  g_assert_cmpstr (kam_indicator_get_unit (kam_dataset_lookup_indicator (dataset, "c")), ==, "Usd");
  g_assert_cmpstr (kam_indicator_get_unit (kam_dataset_lookup_indicator (dataset, "e")), ==, "hectares");
  g_assert_cmpstr (kam_indicator_get_unit (kam_dataset_lookup_indicator (dataset, "f")), ==, " USD ");
  g_assert_cmpstr (kam_indicator_get_unit (kam_dataset_lookup_indicator (dataset, "g")), ==, "");
  g_assert_true (kam_unit_is (kam_indicator_get_unit (kam_dataset_lookup_indicator (dataset, "b")), KAM_UNIT_USD));
  g_assert_true (kam_unit_is (kam_indicator_get_unit (kam_dataset_lookup_indicator (dataset, "f")), KAM_UNIT_USD));
  g_assert_false (kam_unit_is (kam_indicator_get_unit (kam_dataset_lookup_indicator (dataset, "e")), KAM_UNIT_USD));
  /* a blank unit is persons, and stays blank */
  g_assert_true (kam_unit_is (kam_indicator_get_unit (kam_dataset_lookup_indicator (dataset, "g")), KAM_UNIT_PERSONS));
  g_assert_true (kam_unit_is (kam_indicator_get_unit (kam_dataset_lookup_indicator (dataset, "h")), KAM_UNIT_PERSONS));
  written = kam_dataset_to_data (dataset, NULL);
  g_assert_nonnull (strstr (written, "\"unit\": \"usd\""));
  g_assert_nonnull (strstr (written, "\"unit\": \" USD \""));
  g_assert_nonnull (strstr (written, "\"unit\": \"\""));
  g_assert_nonnull (strstr (written, "\"unit\": \"  \""));
}

static void
test_version_1_upgraded (void)
{
  g_autoptr (KamDataset) v1 = kam_test_load_fixture ("checks.kamlang");
  KamFigureTable *table = kam_dataset_get_figures (v1);
  guint sex, women, n_women = 0;
  g_autofree char *text = NULL;
  g_autoptr (KamDataset) again = NULL;

  g_assert_cmpuint (kam_dataset_get_format_version (v1), ==, 1);
  g_assert_null (kam_dataset_lookup_indicator (v1, "workers-women"));
  g_assert_true (kam_dataset_find_member (v1, "sex", "women", &sex, &women));
  for (guint i = 0; i < kam_figure_table_get_n_rows (table); i++)
    if (kam_figure_table_get_member (table, i, sex) == women)
      {
        n_women++;
        g_assert_cmpstr (kam_figure_table_get_indicator (table, i), ==, "workers");
        g_assert_cmpfloat (kam_figure_table_get_value (table, i), ==, 150);
        g_assert_cmpstr (kam_figure_table_get_source (table, i), ==, "s1");
      }
  g_assert_cmpuint (n_women, ==, 1);
  text = kam_dataset_to_data (v1, NULL);
  g_assert_nonnull (strstr (text, "\"version\": 2,"));
  again = kam_dataset_load_data (text, strlen (text), NULL, NULL);
  g_assert_nonnull (again);
  g_assert_cmpuint (kam_dataset_get_format_version (again), ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kamlang/roundtrip/kamlang", test_kamlang_round_trip);
  g_test_add_func ("/kamlang/roundtrip/csv", test_csv_round_trip);
  g_test_add_func ("/kamlang/roundtrip/units-any-case", test_units_any_case);
  g_test_add_func ("/kamlang/roundtrip/version-1-upgraded", test_version_1_upgraded);
  return g_test_run ();
}
