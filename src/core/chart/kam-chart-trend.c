/* kam-chart-trend.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Trend and remittances: a line per country (or the national total) across the years, with the agreements marked. */

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "kam-chart-build-private.h"
#include "kam-chart-draw-private.h"
#include "kam-number.h"

/* The chart's countries, or the largest ones in the latest year. */
static GPtrArray *
chosen_countries (KamChart *self, KamChartData *data, guint max)
{
  GPtrArray *codes = g_ptr_array_new ();

  if (self->countries != NULL)
    {
      for (guint i = 0; self->countries[i] != NULL; i++)
        g_ptr_array_add (codes, *self->countries[i] ? (gpointer) g_intern_string (self->countries[i]) : NULL);
      return codes;
    }
  {
    /* the countries with known values in the most years: a trend needs years */
    KamFigureTable *table = kam_dataset_get_figures (self->dataset);
    g_autoptr (GHashTable) years = g_hash_table_new (NULL, NULL);
    g_autoptr (GPtrArray) ranked = kam_figure_table_dup_countries_of (table, data->indicator);

    for (guint i = 0; i < ranked->len; i++)
      g_hash_table_insert (years, ranked->pdata[i],
                           GUINT_TO_POINTER (kam_figure_table_count_years (table, data->indicator,
                                                                           ranked->pdata[i])));
    for (guint i = 0; i < ranked->len; i++)
      for (guint j = i + 1; j < ranked->len; j++)
        {
          guint a = GPOINTER_TO_UINT (g_hash_table_lookup (years, ranked->pdata[i]));
          guint b = GPOINTER_TO_UINT (g_hash_table_lookup (years, ranked->pdata[j]));
          if (b > a || (b == a && g_strcmp0 (ranked->pdata[j], ranked->pdata[i]) < 0))
            {
              gpointer t = ranked->pdata[i];
              ranked->pdata[i] = ranked->pdata[j];
              ranked->pdata[j] = t;
            }
        }
    for (guint i = 0; i < ranked->len && codes->len < max; i++)
      {
        /* once some countries have several years, single points add nothing to a trend */
        if (i > 0 && GPOINTER_TO_UINT (g_hash_table_lookup (years, ranked->pdata[i])) < 2
            && GPOINTER_TO_UINT (g_hash_table_lookup (years, ranked->pdata[0])) >= 2)
          break;
        g_ptr_array_add (codes, ranked->pdata[i]);
      }
    if (codes->len == 0)
      g_ptr_array_add (codes, NULL); /* the national total */
  }
  return codes;
}

static void
add_markers (KamChart *self, KamChartData *data, GPtrArray *codes)
{
  GListModel *agreements = kam_dataset_get_agreements (self->dataset);

  for (guint i = 0; i < g_list_model_get_n_items (agreements); i++)
    {
      g_autoptr (KamAgreement) a = g_list_model_get_item (agreements, i);
      const char *country = kam_agreement_get_country (a);
      const char *signed_date = kam_agreement_get_signed (a);
      gboolean national = g_ptr_array_find (codes, NULL, NULL);
      KamChartMarker *marker;

      if (signed_date == NULL
          || (!national && (country == NULL || !g_ptr_array_find (codes, g_intern_string (country), NULL))))
        continue;
      marker = g_new0 (KamChartMarker, 1);
      marker->id = country ? g_intern_string (country) : NULL;
      marker->year = atoi (signed_date);
      marker->title = kam_dataset_dup_agreement_label (self->dataset, a);
      g_ptr_array_add (data->markers, marker);
    }
}

/* A trend split by a dimension: one line per member, for one country (or the
 * national total). */
static void
build_trend_split (KamChart *self, KamChartData *data, const char *country, int d)
{
  KamDimension *dimension = kam_dataset_get_dimension (self->dataset, d);
  guint16 members[KAM_MAX_DIMENSIONS];
  g_autoptr (GHashTable) only = g_hash_table_new (NULL, NULL);

  _kam_chart_members (self, members);
  g_hash_table_add (only, country ? (gpointer) country : (gpointer) _kam_chart_national_key);
  for (guint m = 1; m < kam_dimension_get_n_members (dimension); m++)
    {
      g_autoptr (GHashTable) picks = NULL;
      KamChartSeries *series = _kam_chart_series_new (kam_dimension_get_member_label (dimension, m),
                                           _kam_chart_member_color (dimension, m));
      GHashTableIter iter;
      PickKey *key;
      Pick *pick;

      members[d] = (guint16) m;
      picks = _kam_chart_pick_values_for (self, data->indicator, 0, only, members);
      g_hash_table_iter_init (&iter, picks);
      while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &pick))
        {
          char year_label[16];

          g_snprintf (year_label, sizeof year_label, "%d", key->year);
          _kam_chart_add_row_point (self, data, series, year_label, country, key->year, pick->row);
        }
      if (series->points->len == 0)
        {
          _kam_chart_series_free (series);
          continue;
        }
      g_array_sort (series->points, _kam_chart_compare_points_year);
      _kam_chart_note_series_sources (data, series);
      g_ptr_array_add (data->series, series);
    }
  /* Translators: chart title: an indicator, a country, a dimension (Sex, Sector ...) */
  data->title = g_strdup_printf (_("%s, %s, by %s"), _kam_chart_indicator_name (self->dataset, data->indicator),
                                 kam_dataset_get_country_label (self->dataset, country),
                                 kam_dimension_get_label (dimension));
}

static void
build_trend (KamChart *self, KamChartData *data, gboolean remittances)
{
  g_autoptr (GPtrArray) codes = NULL;
  int lo = G_MAXINT, hi = 0;

  if (remittances && self->countries == NULL)
    {
      codes = g_ptr_array_new ();
      g_ptr_array_add (codes, NULL);
    }
  else
    codes = chosen_countries (self, data, 5);
  if (_kam_chart_split_dimension (self) >= 0)
    {
      build_trend_split (self, data, g_ptr_array_index (codes, 0), _kam_chart_split_dimension (self));
      return;
    }
  {
    /* one pass over the figures for all the countries */
    g_autoptr (GHashTable) only = g_hash_table_new (NULL, NULL);
    g_autoptr (GHashTable) picks = NULL;
    GHashTableIter iter;
    PickKey *key;
    Pick *pick;

    for (guint i = 0; i < codes->len; i++)
      {
        const char *code = g_ptr_array_index (codes, i);
        g_hash_table_insert (only, code ? (gpointer) code : (gpointer) _kam_chart_national_key, GUINT_TO_POINTER (i));
        g_ptr_array_add (data->series, _kam_chart_series_new (kam_dataset_get_country_label (self->dataset, code), i));
      }
    picks = _kam_chart_pick_values (self, data->indicator, 0, only);
    g_hash_table_iter_init (&iter, picks);
    while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &pick))
      {
        guint index = GPOINTER_TO_UINT (g_hash_table_lookup (only, key->country ? key->country : _kam_chart_national_key));
        char year_label[16];

        g_snprintf (year_label, sizeof year_label, "%d", key->year);
        _kam_chart_add_row_point (self, data, g_ptr_array_index (data->series, index), year_label, key->country,
                       key->year, pick->row);
        lo = MIN (lo, key->year);
        hi = MAX (hi, key->year);
      }
    for (guint i = 0; i < data->series->len; i++)
      {
        g_array_sort (((KamChartSeries *) g_ptr_array_index (data->series, i))->points, _kam_chart_compare_points_year);
        _kam_chart_note_series_sources (data, g_ptr_array_index (data->series, i));
      }
  }
  if (!remittances)
    add_markers (self, data, codes);
  if (hi == 0)
    data->title = g_strdup (_kam_chart_indicator_name (self->dataset, data->indicator));
  else if (lo == hi)
    data->title = g_strdup_printf ("%s, %d", _kam_chart_indicator_name (self->dataset, data->indicator), lo);
  else
    data->title = g_strdup_printf ("%s, %d–%d", _kam_chart_indicator_name (self->dataset, data->indicator), lo, hi);
}

void
_kam_chart_build_trend (KamChart *self, KamChartData *data)
{
  build_trend (self, data, FALSE);
}

void
_kam_chart_build_remittances (KamChart *self, KamChartData *data)
{
  build_trend (self, data, TRUE);
}

/* A line per country across the years. */
void
_kam_chart_draw_trend (KamDrawContext *ctx, double x, double y, double w, double h)
{
  _kam_draw_by_year (ctx, x, y, w, h, FALSE);
}

/* The national total as bars across the years; several as lines. */
void
_kam_chart_draw_remittances (KamDrawContext *ctx, double x, double y, double w, double h)
{
  _kam_draw_by_year (ctx, x, y, w, h, ctx->data->series->len == 1);
}
