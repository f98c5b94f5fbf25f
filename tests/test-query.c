/* test-query.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include "kam-config.h"
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

/* The sort's order, worked out the slow way: a field of two rows compared
 * through the dataset's labels. */
typedef struct
{
  KamDataset *dataset;
  KamFigureTable *table;
  int field;
} Order;

static const char *
name_of (Order *o, guint row)
{
  switch (o->field)
    {
    case KAM_FIGURE_FIELD_COUNTRY:
      return kam_dataset_get_country_label (o->dataset, kam_figure_table_get_country (o->table, row));
    case KAM_FIGURE_FIELD_INDICATOR:
      return kam_dataset_get_indicator_label (o->dataset, kam_figure_table_get_indicator (o->table, row));
    case KAM_FIGURE_FIELD_SOURCE:
      return kam_figure_table_get_source (o->table, row);
    default:
      {
        KamFigureRow r;
        guint d = o->field - KAM_QUERY_SORT_MEMBER (0);

        kam_figure_table_get_row (o->table, row, &r);
        return kam_dimension_get_member_label (kam_dataset_get_dimension (o->dataset, d), r.members[d]);
      }
    }
}

/* Negative, zero or positive as row x sorts before, with or after row y in
 * ascending order; unknown values are compared apart (last either way). */
static int
compare_field (Order *o, guint x, guint y)
{
  switch (o->field)
    {
    case KAM_FIGURE_FIELD_VALUE:
      {
        double a = kam_figure_table_get_value (o->table, x), b = kam_figure_table_get_value (o->table, y);
        return a < b ? -1 : a > b;
      }
    case KAM_FIGURE_FIELD_YEAR:
      return kam_figure_table_get_year (o->table, x) - kam_figure_table_get_year (o->table, y);
    case KAM_FIGURE_FIELD_QUALIFIER:
      {
        KamFigureRow a, b;

        kam_figure_table_get_row (o->table, x, &a);
        kam_figure_table_get_row (o->table, y, &b);
        return (int) a.qualifier - (int) b.qualifier;
      }
    default:
      return g_utf8_collate (name_of (o, x) ? name_of (o, x) : "", name_of (o, y) ? name_of (o, y) : "");
    }
}

/* Every sort, up and down, of every figure of the bundled dataset: each row
 * in order with the next, ties in the table's order, unknown values last. */
static void
test_sorts_agree (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autoptr (KamFigureQuery) query = kam_figure_query_new (dataset);
  Order o = { dataset, kam_dataset_get_figures (dataset), 0 };
  int fields[16] = { KAM_FIGURE_FIELD_VALUE, KAM_FIGURE_FIELD_YEAR, KAM_FIGURE_FIELD_QUALIFIER,
                     KAM_FIGURE_FIELD_COUNTRY, KAM_FIGURE_FIELD_INDICATOR, KAM_FIGURE_FIELD_SOURCE };
  guint n_fields = 6, checked_ties = 0;

  g_assert_cmpuint (kam_dataset_get_n_dimensions (dataset), >, 0);
  for (guint d = 0; d < kam_dataset_get_n_dimensions (dataset) && n_fields < G_N_ELEMENTS (fields); d++)
    fields[n_fields++] = KAM_QUERY_SORT_MEMBER (d);
  for (guint f = 0; f < n_fields; f++)
    for (int descending = 0; descending <= 1; descending++)
      {
        guint n;

        o.field = fields[f];
        kam_figure_query_set_sort (query, o.field, descending);
        n = g_list_model_get_n_items (G_LIST_MODEL (query));
        g_assert_cmpuint (n, ==, kam_figure_table_get_n_rows (o.table));
        for (guint p = 1; p < n; p++)
          {
            guint x = kam_figure_query_get_table_row (query, p - 1), y = kam_figure_query_get_table_row (query, p);
            int c;

            if (o.field == KAM_FIGURE_FIELD_VALUE
                && (isnan (kam_figure_table_get_value (o.table, x)) || isnan (kam_figure_table_get_value (o.table, y))))
              {
                /* nothing known after an unknown value */
                g_assert_false (isnan (kam_figure_table_get_value (o.table, x))
                                && !isnan (kam_figure_table_get_value (o.table, y)));
                c = isnan (kam_figure_table_get_value (o.table, x)) ? 0 : -1;
              }
            else
              c = compare_field (&o, x, y) * (descending ? -1 : 1);
            if (c > 0)
              g_error ("sort by %d%s: row %u before row %u", o.field, descending ? " down" : "", x, y);
            if (c == 0)
              {
                if (x > y)
                  g_error ("sort by %d%s: tie of rows %u and %u out of order (%g, %g)", o.field, descending ? " down" : "", x, y,
                           kam_figure_table_get_value (o.table, x), kam_figure_table_get_value (o.table, y));
                checked_ties++;
              }
          }
      }
  g_assert_cmpuint (checked_ties, >, 100);
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
  /* issue 27: a year is searchable, and each word must be found (in any field) */
  kam_figure_query_set_search (query, "Japan 2021");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpstr (country_at (query, 0), ==, "JPN");
  kam_figure_query_set_search (query, "2021 japan ");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  kam_figure_query_set_search (query, "2021");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 10);
  kam_figure_query_set_search (query, "Japan 1066");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
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

/* With the interface in Khmer the list shows countries by their Khmer names,
 * and a search finds them by their English names too (and the other way in
 * English). Run in a child, with the build's Khmer catalogue. */
static void
test_search_either_name (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr (KamDataset) dataset = NULL;
      g_autoptr (KamFigureQuery) query = NULL;

      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, KAM_BUILD_LOCALEDIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      dataset = kam_test_load_bundled ();
      query = kam_figure_query_new (dataset);
      g_assert_cmpstr (kam_dataset_get_country_label (dataset, "JPN"), ==, "ជប៉ុន");
      kam_figure_query_set_search (query, "ជប៉ុន");
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (query)), ==, 5);
      kam_figure_query_set_search (query, "japan");
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (query)), ==, 5);
      return;
    }
  g_setenv ("LANGUAGE", "km", TRUE);
  /* gettext follows LANGUAGE only outside the plain C locale */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("LANGUAGE");
  g_test_trap_assert_passed ();
}

/* Filters by a dimension's member, searches members' names, sorts by members
 * and by qualifier. */
static void
test_members_and_qualifiers (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autoptr (KamFigureQuery) query = kam_figure_query_new (dataset);
  GListModel *model = G_LIST_MODEL (query);
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  guint n_all = kam_figure_table_get_n_rows (table);
  int sex = kam_dataset_find_dimension (dataset, "sex");
  int sector = kam_dataset_find_dimension (dataset, "sector");
  KamDimension *sex_dimension = kam_dataset_get_dimension (dataset, sex);
  int women = kam_dimension_find_code (sex_dimension, "women");
  int men = kam_dimension_find_code (sex_dimension, "men");
  KamFigureRow row = { "KOR", 2023, "deployed", 7059, "pp-003", NULL };
  guint women_id = 0, men_id;
  int previous = -1;

  g_assert_cmpint (sex, >=, 0);
  g_assert_cmpint (women, >, 0);
  for (guint r = 0; r < n_all; r++)
    if (kam_figure_table_get_member (table, r, sex) == (guint) women)
      women_id = kam_figure_table_get_id (table, r);
  g_assert_cmpuint (women_id, !=, 0);

  kam_figure_query_set_member (query, sex, women);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpfloat (value_at (query, 0), ==, 2719);
  kam_figure_query_set_member (query, sex, KAM_MEMBER_TOTAL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_all - 1);
  g_assert_cmpint (kam_figure_query_find_id (query, women_id), ==, -1);
  kam_figure_query_set_member (query, sex, -1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_all);
  /* a dimension no figure uses: every figure is its total */
  kam_figure_query_set_member (query, sector, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  kam_figure_query_set_member (query, sector, KAM_MEMBER_TOTAL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_all);
  kam_figure_query_set_member (query, sector, -1);

  /* the member's Khmer name finds the figure; "total" does not find them all */
  kam_figure_query_set_search (query, kam_dimension_get_member_name_km (sex_dimension, women));
  g_assert_cmpint (kam_figure_query_find_id (query, women_id), >=, 0);
  kam_figure_query_set_search (query, "total");
  g_assert_cmpuint (g_list_model_get_n_items (model), <, n_all / 2);
  kam_figure_query_set_search (query, NULL);

  /* by members' names: Men < Total < Women, and back */
  row.members[sex] = men;
  men_id = kam_dataset_add_figure (dataset, &row, NULL);
  g_assert_cmpuint (men_id, !=, 0);
  kam_figure_query_set_sort (query, KAM_QUERY_SORT_MEMBER (sex), FALSE);
  g_assert_cmpint (kam_figure_query_find_id (query, men_id), ==, 0);
  g_assert_cmpint (kam_figure_query_find_id (query, women_id), ==, (int) n_all);
  kam_figure_query_set_sort (query, KAM_QUERY_SORT_MEMBER (sex), TRUE);
  g_assert_cmpint (kam_figure_query_find_id (query, women_id), ==, 0);
  g_assert_cmpint (kam_figure_query_find_id (query, men_id), ==, (int) n_all);

  /* by qualifier: exact first, the lower bounds last */
  kam_figure_query_set_sort (query, KAM_FIGURE_FIELD_QUALIFIER, FALSE);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      int q = kam_figure_table_get_qualifier (table, kam_figure_query_get_table_row (query, i));
      g_assert_cmpint (q, >=, previous);
      previous = q;
    }
  g_assert_cmpint (previous, ==, KAM_QUALIFIER_LOWER_BOUND);
  g_assert_cmpint (kam_figure_table_get_qualifier (table, kam_figure_query_get_table_row (query, 0)), ==,
                   KAM_QUALIFIER_EXACT);
}

static void
count_notify (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

/* Every setting is a property that tells when it changes, and only then, so
 * that controls can bind to it. */
static void
test_properties_notify (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("good.kamlang");
  g_autoptr (KamFigureQuery) query = kam_figure_query_new (dataset);
  guint country = 0, first = 0, last = 0, sort = 0, search = 0;
  g_autofree char *code = NULL;

  g_signal_connect (query, "notify::country", G_CALLBACK (count_notify), &country);
  g_signal_connect (query, "notify::first-year", G_CALLBACK (count_notify), &first);
  g_signal_connect (query, "notify::last-year", G_CALLBACK (count_notify), &last);
  g_signal_connect (query, "notify::sort-field", G_CALLBACK (count_notify), &sort);
  g_signal_connect (query, "notify::search", G_CALLBACK (count_notify), &search);
  kam_figure_query_set_country (query, "JPN");
  kam_figure_query_set_country (query, "JPN");
  g_assert_cmpuint (country, ==, 1);
  g_object_get (query, "country", &code, NULL);
  g_assert_cmpstr (code, ==, "JPN");
  g_object_set (query, "country", NULL, NULL);
  g_assert_cmpuint (country, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (query)), ==, 3);
  g_object_set (query, "first-year", 2022, NULL);
  g_assert_cmpuint (first, ==, 1);
  g_assert_cmpuint (last, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (query)), ==, 1);
  kam_figure_query_set_sort (query, KAM_FIGURE_FIELD_YEAR, FALSE);
  kam_figure_query_set_sort (query, KAM_FIGURE_FIELD_YEAR, TRUE);
  g_assert_cmpuint (sort, ==, 1);
  kam_figure_query_set_search (query, "  ");
  g_assert_cmpuint (search, ==, 0);
  kam_figure_query_set_search (query, "Korea");
  g_assert_cmpuint (search, ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kamlang/query/sort-by-value", test_sort_by_value);
  g_test_add_func ("/kamlang/query/sorts-agree", test_sorts_agree);
  g_test_add_func ("/kamlang/query/unknown-sorts-last", test_unknown_sorts_last);
  g_test_add_func ("/kamlang/query/sort-by-country-name", test_sort_by_country_name);
  g_test_add_func ("/kamlang/query/filters-and-search", test_filters_and_search);
  g_test_add_func ("/kamlang/query/search-either-name", test_search_either_name);
  g_test_add_func ("/kamlang/query/follows-table", test_follows_table);
  g_test_add_func ("/kamlang/query/members-and-qualifiers", test_members_and_qualifiers);
  g_test_add_func ("/kamlang/query/properties-notify", test_properties_notify);
  return g_test_run ();
}
