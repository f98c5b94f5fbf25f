/* test-exact.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Exact round trips (issue 25): what --export-csv writes, an import into the
 * same dataset without figures reads back as the same figures; the same for
 * a copied selection pasted back. The datasets are made to trip a reader up:
 * ids and names with spaces around them, invisible marks and case variants,
 * names that are other items' ids, member codes that differ only in case,
 * notes that start with an apostrophe or hold a separator and a formula, every
 * qualifier, text in many scripts. The datasets are compared, not the texts. */

#include <math.h>
#include <string.h>
#include "kam-csv.h"
#include "kam-dataset-json.h"
#include "kam-figure-table.h"
#include "kam-paste.h"
#include "kam-test-utils.h"

#define N_DATASETS 1000

/* Ids that look alike, and texts that are someone else's id. */
static const char *const indicator_ids[] = { "workers", "workers ", " workers", "Workers", "workers\xe2\x80\x8b",
                                             "remittances", "=cmd|x", "'a", "a;=1", "\xe1\x9e\x96\xe1\x9e\xbb" };
static const char *const source_ids[] = { "s1", "S1", " ", "s2", "'-5", "s1 ", "@x", "\xef\xbb\xbfs1", "Report",
                                          "a,b;c" };
static const char *const country_codes[] = { "JPN", "KOR", "THA", "MYS" };
static const char *const member_codes[] = { "Women", "women", "WOMEN", "+1", "-x", "men", "a.b", "total2" };

/* Notes and names: apostrophes, separators before formulas, invisible marks,
 * quotes, line breaks, Khmer, Thai, Arabic, Han, emoji. */
static char *
random_text (void)
{
  static const char *const pieces[] = { "'", "'-5 on revision", "=1+1", ";", ",", "\t", "\n", "\r\n", "\"", " ",
                                        "\xc2\xa0", "\xe2\x80\x8b", "\xef\xbb\xbf", "a", "Z", "workers", "s1",
                                        "\xe1\x9e\x9f\xe1\x9f\x92\xe1\x9e\x8f\xe1\x9f\x92\xe1\x9e\x9a\xe1\x9e\xb8",
                                        "\xe0\xb9\x84\xe0\xb8\x97\xe0\xb8\xa2", "\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a",
                                        "\xe6\x97\xa5\xe6\x9c\xac", "\xf0\x9f\x98\x80", "@", "+", "-", "cmd|",
                                        "\xef\xbc\x9d", "..", "NA" };
  GString *out = g_string_new (NULL);
  guint n = g_test_rand_int_range (1, 6);

  for (guint i = 0; i < n; i++)
    g_string_append (out, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);
  return g_string_free (out, FALSE);
}

/* Another item's id as a name, sometimes in another case or with spaces. */
static char *
random_name (const char *const *ids, guint n_ids)
{
  const char *id = ids[g_test_rand_int_range (0, n_ids)];

  switch (g_test_rand_int_range (0, 4))
    {
    case 0:
      return g_strdup (id);
    case 1:
      return g_utf8_strup (id, -1);
    case 2:
      return g_strdup_printf (" %s ", id);
    default:
      return random_text ();
    }
}

static KamDataset *
random_dataset (void)
{
  KamDataset *dataset = kam_dataset_new ();
  g_autoptr (KamDimension) extra = kam_dimension_new ("skill", NULL, NULL);
  GListModel *indicators;
  guint n = g_test_rand_int_range (1, 40);

  /* the new dataset's indicators go: these are the only ones */
  indicators = kam_dataset_get_indicators (dataset);
  while (g_list_model_get_n_items (indicators) > 0)
    {
      g_autoptr (KamIndicator) first = g_list_model_get_item (indicators, 0);
      g_assert_true (kam_dataset_remove_indicator (dataset, first, TRUE, NULL));
    }
  for (guint i = 0; i < G_N_ELEMENTS (indicator_ids); i++)
    if (i < 2 || g_test_rand_bit ())
      {
        g_autoptr (KamIndicator) indicator = kam_indicator_new (indicator_ids[i]);
        g_autofree char *name = random_name (indicator_ids, G_N_ELEMENTS (indicator_ids));
        g_autofree char *name_km = random_name (indicator_ids, G_N_ELEMENTS (indicator_ids));

        kam_indicator_set_name (indicator, name);
        kam_indicator_set_name_km (indicator, name_km);
        /* some count money: fractions allowed */
        g_object_set (indicator, "unit", g_test_rand_bit () ? "persons" : " usd ", NULL);
        g_assert_true (kam_dataset_add_indicator (dataset, indicator, NULL));
      }
  for (guint i = 0; i < G_N_ELEMENTS (source_ids); i++)
    if (g_test_rand_bit ())
      {
        g_autoptr (KamSource) source = kam_source_new (source_ids[i]);
        g_autofree char *title = random_name (source_ids, G_N_ELEMENTS (source_ids));

        kam_source_set_title (source, title);
        g_assert_true (kam_dataset_add_source (dataset, source, NULL));
      }
  for (guint i = 0; i < G_N_ELEMENTS (country_codes); i++)
    {
      g_autoptr (KamCountry) country = kam_country_new (country_codes[i]);
      g_autofree char *name = random_name (country_codes, G_N_ELEMENTS (country_codes));
      g_autofree char *name_km = random_text ();

      kam_country_set_name (country, name);
      kam_country_set_name_km (country, name_km);
      g_assert_true (kam_dataset_add_country (dataset, country, NULL));
    }
  kam_dimension_append_member (extra, "total", "Total", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (member_codes); i++)
    {
      g_autofree char *name = random_name (member_codes, G_N_ELEMENTS (member_codes));
      g_autofree char *name_km = random_text ();

      kam_dimension_append_member (extra, member_codes[i], name, name_km);
    }
  g_assert_true (kam_dataset_add_dimension (dataset, extra, NULL));

  kam_dataset_begin_group (dataset, "random");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *note = random_text ();
      GListModel *sources = kam_dataset_get_sources (dataset);
      guint n_sources = g_list_model_get_n_items (sources);
      g_autoptr (KamIndicator) indicator = g_list_model_get_item (indicators, g_test_rand_int_range (0, g_list_model_get_n_items (indicators)));
      g_autoptr (KamSource) source = n_sources > 0 && g_test_rand_bit ()
                                       ? g_list_model_get_item (sources, g_test_rand_int_range (0, n_sources))
                                       : NULL;
      KamFigureRow row = { NULL, g_test_rand_int_range (KAM_YEAR_MIN, KAM_YEAR_MAX + 1), NULL, NAN, NULL,
                           g_test_rand_bit () ? note : NULL };
      gboolean money;

      row.country = g_test_rand_bit () ? country_codes[g_test_rand_int_range (0, G_N_ELEMENTS (country_codes))] : NULL;
      row.indicator = kam_indicator_get_id (indicator);
      money = !kam_unit_is (kam_indicator_get_unit (indicator), KAM_UNIT_PERSONS);
      switch (g_test_rand_int_range (0, 4))
        {
        case 0:
          break; /* unknown */
        case 1:
          row.value = g_test_rand_int_range (0, 2000000);
          break;
        case 2:
          row.value = money ? g_test_rand_double_range (0, 1e10) : 9007199254740992.0;
          break;
        default:
          row.value = money ? 4.9e-324 * g_test_rand_int_range (1, 100) : 0;
        }
      row.source = source != NULL ? kam_source_get_id (source) : NULL;
      row.qualifier = g_test_rand_int_range (0, KAM_N_QUALIFIERS);
      for (guint d = 0; d < kam_dataset_get_n_dimensions (dataset); d++)
        if (g_test_rand_bit ())
          row.members[d] = g_test_rand_int_range (0, kam_dimension_get_n_members (kam_dataset_get_dimension (dataset, d)));
      kam_dataset_add_figure (dataset, &row, NULL); /* a repeated key is refused: fine */
    }
  kam_dataset_end_group (dataset);
  return dataset;
}

static gboolean
same_value (double a, double b)
{
  return (isnan (a) && isnan (b)) || memcmp (&a, &b, sizeof a) == 0;
}

/* Figure i of a and row b are one figure, field by field. */
static void
assert_same_row (KamDataset *dataset, const KamFigureRow *a, const KamFigureRow *b, const char *text)
{
  gboolean same = g_strcmp0 (a->country, b->country) == 0 && a->year == b->year
                  && g_strcmp0 (a->indicator, b->indicator) == 0 && same_value (a->value, b->value)
                  && g_strcmp0 (a->source, b->source) == 0 && a->qualifier == b->qualifier
                  && g_strcmp0 (a->note ? a->note : "", b->note ? b->note : "") == 0
                  && memcmp (a->members, b->members, sizeof a->members) == 0;

  if (!same)
    g_error ("not read back as written:\n  %s|%d|%s|%.17g|%s|%d|%s\n  %s|%d|%s|%.17g|%s|%d|%s\nfrom:\n%s",
             a->country, a->year, a->indicator, a->value, a->source, a->qualifier, a->note, b->country, b->year,
             b->indicator, b->value, b->source, b->qualifier, b->note, text);
}

static void
test_csv_exact (void)
{
  for (guint k = 0; k < N_DATASETS; k++)
    {
      g_autoptr (KamDataset) dataset = random_dataset ();
      g_autoptr (KamDataset) copy = kam_test_without_figures (dataset);
      KamFigureTable *a = kam_dataset_get_figures (dataset), *b = kam_dataset_get_figures (copy);
      g_autoptr (GError) error = NULL;
      gsize length;
      g_autofree char *text = kam_csv_export_text (dataset, &length);

      if (!kam_csv_import (copy, text, length, NULL, &error))
        g_error ("Kamlang refused the CSV it wrote: %s\n%s", error->message, text);
      g_assert_cmpuint (kam_figure_table_get_n_rows (b), ==, kam_figure_table_get_n_rows (a));
      for (guint i = 0; i < kam_figure_table_get_n_rows (a); i++)
        {
          KamFigureRow x, y;

          kam_figure_table_get_row (a, i, &x);
          kam_figure_table_get_row (b, i, &y);
          assert_same_row (dataset, &x, &y, text);
        }
    }
}

static void
test_paste_exact (void)
{
  for (guint k = 0; k < N_DATASETS; k++)
    {
      g_autoptr (KamDataset) dataset = random_dataset ();
      g_autoptr (KamDataset) copy = kam_test_without_figures (dataset);
      KamFigureTable *a = kam_dataset_get_figures (dataset);
      guint n = kam_figure_table_get_n_rows (a);
      g_autofree guint *rows = g_new (guint, n);
      g_autofree char *text = NULL;
      g_autoptr (GError) error = NULL;
      GArray *pasted;

      for (guint i = 0; i < n; i++)
        rows[i] = i;
      text = kam_paste_copy_text (dataset, rows, n);
      pasted = kam_paste_parse (copy, text, &error);
      if (pasted == NULL)
        g_error ("Kamlang refused the rows it copied: %s\n%s", error->message, text);
      g_assert_cmpuint (pasted->len, ==, n);
      for (guint i = 0; i < n; i++)
        {
          KamFigureRow x;

          kam_figure_table_get_row (a, i, &x);
          assert_same_row (dataset, &x, &g_array_index (pasted, KamFigureRow, i), text);
        }
      kam_paste_rows_free (pasted);
    }
}

/* The cases of the issue, one by one. */
static void
test_named_like_another (void)
{
  g_autoptr (KamDataset) dataset = kam_dataset_new ();
  g_autoptr (KamIndicator) workers = NULL;
  g_autoptr (KamSource) s1 = kam_source_new ("s1"), s2 = kam_source_new ("s2"), s3 = kam_source_new ("s3");
  g_autoptr (KamDataset) copy = NULL;
  g_autoptr (GError) error = NULL;
  KamFigureRow row = { NULL, 2024, "remittances", 5, "s2", "'-5 on revision" };
  KamFigureRow row2 = { NULL, 2024, "remittances", 6, "s1", "'=1+1" };
  KamFigureTable *table;
  g_autofree char *text = NULL;
  gsize length;

  workers = g_object_ref (kam_dataset_lookup_indicator (dataset, "workers"));
  kam_indicator_set_name (workers, "remittances");
  kam_source_set_title (s1, "s2");
  kam_source_set_title (s2, "x");
  kam_source_set_title (s3, "x");
  g_assert_true (kam_dataset_add_source (dataset, s1, NULL));
  g_assert_true (kam_dataset_add_source (dataset, s2, NULL));
  g_assert_true (kam_dataset_add_source (dataset, s3, NULL));
  g_assert_cmpuint (kam_dataset_add_figure (dataset, &row, &error), >, 0);
  g_assert_cmpuint (kam_dataset_add_figure (dataset, &row2, &error), >, 0);
  copy = kam_test_without_figures (dataset);
  text = kam_csv_export_text (dataset, &length);
  g_assert_true (kam_csv_import (copy, text, length, NULL, &error));
  g_assert_no_error (error);
  table = kam_dataset_get_figures (copy);
  g_assert_cmpstr (kam_figure_table_get_indicator (table, 0), ==, "remittances");
  g_assert_cmpstr (kam_figure_table_get_source (table, 0), ==, "s2");
  g_assert_cmpstr (kam_figure_table_get_note (table, 0), ==, "'-5 on revision");
  g_assert_cmpstr (kam_figure_table_get_note (table, 1), ==, "'=1+1");

  /* a name is a fallback, and only when it names one item */
  {
    const char *by_name = "year,indicator,value,source\n2025,remittances,1,x\n";
    const char *by_title = "year,indicator,value,source\n2025,workers,1,s2\n";
    g_autoptr (KamDataset) other = kam_test_without_figures (dataset);

    g_assert_false (kam_csv_import (other, by_name, strlen (by_name), NULL, &error));
    g_assert_nonnull (strstr (error->message, "more than one source (s2, s3)"));
    g_assert_nonnull (strstr (error->message, "Line 2, column 4"));
    g_clear_error (&error);
    g_assert_true (kam_csv_import (other, by_title, strlen (by_title), NULL, &error));
    g_assert_cmpstr (kam_figure_table_get_source (kam_dataset_get_figures (other), 0), ==, "s2");
  }
}

/* A repeated row names both lines of the file and a column; -0 is 0. */
static void
test_messages (void)
{
  g_autoptr (KamDataset) dataset = kam_dataset_new ();
  const char *repeated = "country,year,indicator,value\n\n\"JPN\",2021,workers,1\n"
                         "KOR,2021,workers,2\n\nJPN,2021,workers,3\n";
  const char *minus_zero = "year,indicator,value\n2021,workers,-0\n2022,workers,-0.0\n";
  const char *minus = "year,indicator,value\n2021,workers,-5\n";
  g_autoptr (KamCountry) jpn = kam_country_new ("JPN"), kor = kam_country_new ("KOR");
  g_autoptr (GError) error = NULL;
  KamFigureTable *table = kam_dataset_get_figures (dataset);

  g_assert_true (kam_dataset_add_country (dataset, jpn, NULL));
  g_assert_true (kam_dataset_add_country (dataset, kor, NULL));
  g_assert_false (kam_csv_import (dataset, repeated, strlen (repeated), NULL, &error));
  g_assert_cmpstr (error->message, ==,
                   "Line 6, column 2 (year): the same country, year, indicator, source and breakdown as line 3.");
  g_clear_error (&error);
  g_assert_cmpuint (kam_figure_table_get_n_rows (table), ==, 0);

  g_assert_true (kam_csv_import (dataset, minus_zero, strlen (minus_zero), NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (kam_figure_table_get_value (table, 0), ==, 0);
  g_assert_false (signbit (kam_figure_table_get_value (table, 0)));
  g_assert_false (signbit (kam_figure_table_get_value (table, 1)));
  g_assert_false (kam_csv_import (dataset, minus, strlen (minus), NULL, &error));
  g_assert_nonnull (strstr (error->message, "negative"));
  g_clear_error (&error);

  /* a text of more than 1 MiB is refused where it is */
  {
    GString *text = g_string_new ("year,indicator,value,note\n2023,workers,1,\"");
    g_string_set_size (text, text->len + (2 << 20));
    memset (text->str + text->len - (2 << 20), 'x', 2 << 20);
    g_string_append (text, "\"\n");
    g_assert_false (kam_csv_import (dataset, text->str, text->len, NULL, &error));
    g_assert_error (error, KAM_ERROR, KAM_ERROR_TOO_LARGE);
    g_assert_nonnull (strstr (error->message, "Line 2, field 4: this text is 2.0 MiB long"));
    g_string_free (text, TRUE);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kamlang/exact/csv", test_csv_exact);
  g_test_add_func ("/kamlang/exact/paste", test_paste_exact);
  g_test_add_func ("/kamlang/exact/named-like-another", test_named_like_another);
  g_test_add_func ("/kamlang/exact/messages", test_messages);
  return g_test_run ();
}
