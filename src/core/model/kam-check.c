/* kam-check.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Data checks: things that are allowed in a file but that a careful analyst
 * wants to know about. They read the figure columns directly. */

#include <glib/gi18n-lib.h>
#include "kam-check.h"
#include <string.h>
#include "kam-number.h"

void
kam_check_finding_free (KamCheckFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->where);
  g_free (finding->message);
  g_free (finding);
}

G_GNUC_PRINTF (5, 6)
static void
add (GPtrArray *findings, KamFigureTable *table, guint row, KamSeverity severity,
     const char *format, ...)
{
  KamCheckFinding *f = g_new0 (KamCheckFinding, 1);
  va_list args;

  f->severity = severity;
  f->figure_id = kam_figure_table_get_id (table, row);
  f->where = g_strdup_printf ("figures.rows[%u]", row);
  va_start (args, format);
  f->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (findings, f);
}

/* A key for (country, indicator, year, source): interned pointers and a year. */
typedef struct
{
  const char *country, *indicator, *source;
  int year;
} Key;

static guint
key_hash (gconstpointer p)
{
  const Key *k = p;
  return g_direct_hash (k->country) ^ (g_direct_hash (k->indicator) * 31)
         ^ (g_direct_hash (k->source) * 17) ^ (guint) k->year * 2654435761u;
}

static gboolean
key_equal (gconstpointer a, gconstpointer b)
{
  const Key *x = a, *y = b;
  return x->country == y->country && x->indicator == y->indicator && x->source == y->source
         && x->year == y->year;
}

static Key *
key_new (const char *country, const char *indicator, int year, const char *source)
{
  Key *k = g_new (Key, 1);
  k->country = country;
  k->indicator = indicator;
  k->year = year;
  k->source = source;
  return k;
}

static int
compare_findings (gconstpointer a, gconstpointer b)
{
  const KamCheckFinding *x = *(KamCheckFinding **) a, *y = *(KamCheckFinding **) b;
  return x->figure_id < y->figure_id ? -1 : x->figure_id > y->figure_id;
}

GPtrArray *
kam_check_run (KamDataset *dataset, int current_year)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func ((GDestroyNotify) kam_check_finding_free);
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  guint n = kam_figure_table_get_n_rows (table);
  g_autoptr (GHashTable) by_key = g_hash_table_new_full (key_hash, key_equal, g_free, NULL);
  g_autoptr (GHashTable) by_key_any_source = g_hash_table_new_full (key_hash, key_equal, g_free,
                                                                    NULL);
  g_autoptr (GHashTable) sums = g_hash_table_new_full (key_hash, key_equal, g_free, g_free);
  const char *const *countries, *const *indicators, *const *sources;
  const double *values;
  const gint16 *years;

  if (n == 0)
    return findings;
  countries = kam_figure_table_get_countries (table);
  indicators = kam_figure_table_get_indicators (table);
  sources = kam_figure_table_get_sources (table);
  values = kam_figure_table_get_values (table);
  years = kam_figure_table_get_years (table);

  /* Index rows by (country, indicator, year, source), and sum country figures
   * by (indicator, year, source). Row positions are stored +1. */
  for (guint i = 0; i < n; i++)
    {
      g_hash_table_insert (by_key, key_new (countries[i], indicators[i], years[i], sources[i]),
                           GUINT_TO_POINTER (i + 1));
      if (countries[i] != NULL && kam_value_is_known (values[i]))
        {
          Key k = { NULL, indicators[i], sources[i], years[i] };
          double *sum = g_hash_table_lookup (sums, &k);
          if (sum == NULL)
            {
              sum = g_new0 (double, 1);
              g_hash_table_insert (sums, key_new (NULL, indicators[i], years[i], sources[i]), sum);
            }
          *sum += values[i];
        }
    }

  for (guint i = 0; i < n; i++)
    {
      KamIndicator *indicator = kam_dataset_lookup_indicator (dataset, indicators[i]);
      const char *label = kam_dataset_get_country_label (dataset, countries[i]);

      if (sources[i] == NULL)
        add (findings, table, i, KAM_SEVERITY_WARNING,
             _("%s, %d, %s: the figure cites no source"), label, years[i], indicators[i]);

      if (years[i] > current_year && indicator != NULL
          && kam_indicator_get_kind (indicator) != KAM_INDICATOR_KIND_TARGET)
        add (findings, table, i, KAM_SEVERITY_ERROR,
             _("%s, %s: the year %d is after the current year %d, but a count of people or money cannot be known yet"),
             label, indicators[i], years[i], current_year);

      /* women above the total: "X-women" against "X" */
      if (kam_value_is_known (values[i]) && g_str_has_suffix (indicators[i], "-women"))
        {
          g_autofree char *base = g_strndup (indicators[i], strlen (indicators[i]) - 6);
          Key k = { countries[i], g_intern_string (base), sources[i], years[i] };
          guint total = GPOINTER_TO_UINT (g_hash_table_lookup (by_key, &k));

          if (total > 0 && kam_value_is_known (values[total - 1]) && values[i] > values[total - 1])
            {
              g_autofree char *w = kam_number_format (values[i], 2);
              g_autofree char *t = kam_number_format (values[total - 1], 2);
              add (findings, table, i, KAM_SEVERITY_ERROR,
                   _("%s, %d: %s women is more than the total of %s in “%s” from the same source"),
                   label, years[i], w, t, base);
            }
        }

      /* a national total below the sum of its countries */
      if (countries[i] == NULL && kam_value_is_known (values[i]))
        {
          Key k = { NULL, indicators[i], sources[i], years[i] };
          double *sum = g_hash_table_lookup (sums, &k);

          if (sum != NULL && *sum > values[i])
            {
              g_autofree char *s = kam_number_format (*sum, 2);
              g_autofree char *t = kam_number_format (values[i], 2);
              add (findings, table, i, KAM_SEVERITY_WARNING,
                   _("%d, %s: the countries add up to %s, more than the national total of %s"),
                   years[i], indicators[i], s, t);
            }
        }

      /* different values from different sources for one key */
      if (kam_value_is_known (values[i]))
        {
          Key k = { countries[i], indicators[i], NULL, years[i] };
          guint first = GPOINTER_TO_UINT (g_hash_table_lookup (by_key_any_source, &k));

          if (first == 0)
            g_hash_table_insert (by_key_any_source,
                                 key_new (countries[i], indicators[i], years[i], NULL),
                                 GUINT_TO_POINTER (i + 1));
          else if (sources[first - 1] != sources[i] && values[first - 1] != values[i])
            {
              g_autofree char *a = kam_number_format (values[first - 1], 2);
              g_autofree char *b = kam_number_format (values[i], 2);
              add (findings, table, i, KAM_SEVERITY_WARNING,
                   _("%s, %d, %s: %s from “%s” differs from %s from “%s”"), label, years[i],
                   indicators[i], b, sources[i] ? sources[i] : "—", a,
                   sources[first - 1] ? sources[first - 1] : "—");
            }
        }
    }

  g_ptr_array_sort (findings, compare_findings);
  return findings;
}
