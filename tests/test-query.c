/* test-query.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include "kam-figure-query.h"
#include "kam-test-utils.h"

static double
value_at (KamFigureQuery *query, guint position)
{
  KamFigureTable *table = kam_dataset_get_figures (kam_figure_query_get_dataset (query));
  return kam_figure_table_get_value (table, kam_figure_query_get_table_row (query, position));
}

static const char *
country_at (KamFigureQuery *query, guint position)
{
  KamFigureTable *table = kam_dataset_get_figures (kam_figure_query_get_dataset (query));
  return kam_figure_table_get_country (table, kam_figure_query_get_table_row (query, position));
}

static void
test_sort_by_value (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autoptr (KamFigureQuery) query = kam_figure_query_new (dataset);
  guint n;

  kam_figure_query_set_indicator (query, "workers");
  kam_figure_query_set_years (query, 2021, 2021);
  kam_figure_query_set_sort (query, KAM_FIGURE_FIELD_VALUE, TRUE);
  n = g_list_model_get_n_items (G_LIST_MODEL (query));
  g_assert_cmpuint (n, ==, 8); /* seven countries and the national total */
  g_assert_cmpfloat (value_at (query, 0), ==, 1300000);
  g_assert_cmpfloat (value_at (query, 1), ==, 1220197);
  g_assert_cmpfloat (value_at (query, n - 1), ==, 43);
  for (guint i = 1; i < n; i++)
    g_assert_cmpfloat (value_at (query, i - 1), >=, value_at (query, i));

  kam_figure_query_set_sort (query, KAM_FIGURE_FIELD_VALUE, FALSE);
  g_assert_cmpfloat (value_at (query, 0), ==, 43);
}

static void
test_unknown_sorts_last (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("good.kamlang");
  g_autoptr (KamFigureQuery) query = kam_figure_query_new (dataset);

  kam_figure_query_set_sort (query, KAM_FIGURE_FIELD_VALUE, FALSE);
  g_assert_true (isnan (value_at (query, 2)));
  kam_figure_query_set_sort (query, KAM_FIGURE_FIELD_VALUE, TRUE);
  g_assert_true (isnan (value_at (query, 2)));
  g_assert_cmpfloat (value_at (query, 0), ==, 45866);
}

static void
test_sort_by_country_name (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autoptr (KamFigureQuery) query = kam_figure_query_new (dataset);

  kam_figure_query_set_indicator (query, "workers");
  kam_figure_query_set_years (query, 2021, 2021);
  kam_figure_query_set_country (query, NULL);
  kam_figure_query_set_sort (query, KAM_FIGURE_FIELD_COUNTRY, FALSE);
  /* "All destinations" < Hong Kong < Japan < Malaysia < Saudi Arabia < Singapore < South Korea < Thailand */
  g_assert_null (country_at (query, 0));
  g_assert_cmpstr (country_at (query, 1), ==, "HKG");
  g_assert_cmpstr (country_at (query, 7), ==, "THA");
}

static void
test_filters_and_search (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autoptr (KamFigureQuery) query = kam_figure_query_new (dataset);
  GListModel *model = G_LIST_MODEL (query);

  kam_figure_query_set_country (query, "JPN");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  kam_figure_query_set_country (query, "");
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_assert_null (country_at (query, i));
  kam_figure_query_set_country (query, NULL);
  kam_figure_query_set_source (query, "pp-003");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  kam_figure_query_set_source (query, NULL);

  kam_figure_query_set_search (query, "THAILAND"); /* country name, any case */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  kam_figure_query_set_search (query, "korea"); /* names, and source titles naming Korea */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 13);
  kam_figure_query_set_search (query, "ជប៉ុន"); /* Khmer name of Japan */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  kam_figure_query_set_search (query, "lower bound"); /* in notes */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  kam_figure_query_set_search (query, "World Bank"); /* source title */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 33);
  kam_figure_query_set_years (query, 2010, 2019);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 10);
  kam_figure_query_set_search (query, "");
  kam_figure_query_set_years (query, KAM_YEAR_MIN, KAM_YEAR_MAX);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==,
                    kam_figure_table_get_n_rows (kam_dataset_get_figures (dataset)));
}

static void
count_cb (GListModel *model, guint position, guint removed, guint added, guint *count)
{
  (*count)++;
}

static void
test_follows_table (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("good.kamlang");
  g_autoptr (KamFigureQuery) query = kam_figure_query_new (dataset);
  KamFigureRow row = { "JPN", 2023, "workers", 5, "s1", NULL };
  guint changes = 0, id;

  g_signal_connect (query, "items-changed", G_CALLBACK (count_cb), &changes);
  id = kam_dataset_add_figure (dataset, &row, NULL);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (query)), ==, 4);
  kam_figure_query_set_country (query, "JPN");
  g_assert_cmpint (kam_figure_query_find_id (query, id), ==, 1);
  g_assert_true (kam_dataset_undo (dataset));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (query)), ==, 1);
  g_assert_cmpint (kam_figure_query_find_id (query, id), ==, -1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kamlang/query/sort-by-value", test_sort_by_value);
  g_test_add_func ("/kamlang/query/unknown-sorts-last", test_unknown_sorts_last);
  g_test_add_func ("/kamlang/query/sort-by-country-name", test_sort_by_country_name);
  g_test_add_func ("/kamlang/query/filters-and-search", test_filters_and_search);
  g_test_add_func ("/kamlang/query/follows-table", test_follows_table);
  return g_test_run ();
}
