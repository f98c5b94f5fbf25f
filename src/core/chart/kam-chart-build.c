/* kam-chart-build.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What every kind's builder uses: series and points, the figures a chart
 * picks (one per country and year, from its source or the latest), the
 * sources it names, the years and countries it shows. */

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "kam-chart-build-private.h"
#include "kam-number.h"

void
_kam_chart_series_free (KamChartSeries *series)
{
  for (guint i = 0; i < series->points->len; i++)
    g_free (g_array_index (series->points, KamChartPoint, i).label);
  g_array_unref (series->points);
  g_free (series->name);
  g_free (series);
}

KamChartSeries *
_kam_chart_series_new (const char *name, guint color)
{
  KamChartSeries *series = g_new0 (KamChartSeries, 1);

  series->name = g_strdup (name);
  series->color = color;
  series->points = g_array_new (FALSE, TRUE, sizeof (KamChartPoint));
  return series;
}

void
_kam_chart_marker_free (KamChartMarker *marker)
{
  g_free (marker->title);
  g_free (marker->kind);
  g_free (marker);
}

void
_kam_chart_data_free (KamChartData *data)
{
  if (data == NULL || !g_atomic_ref_count_dec (&data->ref_count))
    return;
  g_ptr_array_unref (data->series);
  g_ptr_array_unref (data->markers);
  g_ptr_array_unref (data->sources);
  g_clear_pointer (&data->source_labels, g_ptr_array_unref);
  g_free (data->title);
  g_free (data->axis_label);
  g_free (data->note);
  g_clear_pointer (&data->map_paths, g_ptr_array_unref);
  g_free (data);
}

void
_kam_chart_add_point (KamChartSeries *series, const char *label, const char *country, int year, double value,
           const char *source, guint id)
{
  KamChartPoint p = { g_strdup (label), country, year, value, source, id, 0, KAM_QUALIFIER_EXACT };
  g_array_append_val (series->points, p);
}

/* Adds the point of a picked figure, with its qualifier. */
void
_kam_chart_add_row_point (KamChart *self, KamChartData *data, KamChartSeries *series, const char *label,
               const char *country, int year, guint row)
{
  KamFigureTable *table = kam_dataset_get_figures (self->dataset);
  KamQualifier q = kam_figure_table_get_qualifier (table, row);

  _kam_chart_add_point (series, label, country, year, kam_figure_table_get_value (table, row),
             kam_figure_table_get_source (table, row), kam_figure_table_get_id (table, row));
  g_array_index (series->points, KamChartPoint, series->points->len - 1).qualifier = q;
  if (q != KAM_QUALIFIER_EXACT && kam_value_is_known (kam_figure_table_get_value (table, row)))
    data->marks |= 1u << q;
}

/* The members the chart's figures must have: the filter, totals elsewhere. */
void
_kam_chart_members (KamChart *self, guint16 *members)
{
  memset (members, 0, sizeof (guint16) * KAM_MAX_DIMENSIONS);
  if (self->members == NULL || self->dataset == NULL)
    return;
  for (guint d = 0; d < kam_dataset_get_n_dimensions (self->dataset) && d < KAM_MAX_DIMENSIONS; d++)
    {
      KamDimension *dimension = kam_dataset_get_dimension (self->dataset, d);
      const char *code = g_hash_table_lookup (self->members, kam_dimension_get_id (dimension));
      int m = code ? kam_dimension_find_member (dimension, code, TRUE) : -1;

      if (m > 0)
        members[d] = (guint16) m;
    }
}

/* The key that stands for the national total in a set of countries. */
const char _kam_chart_national_key[] = "";

static guint
pick_hash (gconstpointer p)
{
  const PickKey *k = p;
  return g_direct_hash (k->country) * 31 + (guint) k->year;
}

static gboolean
pick_equal (gconstpointer a, gconstpointer b)
{
  const PickKey *x = a, *y = b;
  return x->country == y->country && x->year == y->year;
}

static const char *
source_date (KamDataset *dataset, GHashTable *dates, const char *source)
{
  const char *date;

  if (source == NULL)
    return "";
  date = g_hash_table_lookup (dates, source);
  if (date == NULL)
    {
      KamSource *s = kam_dataset_lookup_source (dataset, source);
      date = s != NULL && kam_source_get_date (s) != NULL ? kam_source_get_date (s) : "";
      g_hash_table_insert (dates, (gpointer) source, (gpointer) date);
    }
  return date;
}

GHashTable *
_kam_chart_pick_values (KamChart *self, const char *indicator, int year, GHashTable *only)
{
  guint16 members[KAM_MAX_DIMENSIONS];

  _kam_chart_members (self, members);
  return _kam_chart_pick_values_for (self, indicator, year, only, members);
}

/* Of one group of the index (one country, year and members), the row the
 * chart shows: from the chart's source when one is set, else from the most
 * recently dated source (the later row when dates are equal); -1 if none. */
static int
pick_in_group (KamChart *self, GHashTable *dates, const KamFigureRow *key)
{
  KamFigureTable *table = kam_dataset_get_figures (self->dataset);
  const char *const *sources = kam_figure_table_get_sources (table);
  const char *source = self->source ? g_intern_string (self->source) : NULL;
  const char *best_date = NULL;
  int best = -1;

  for (int r = kam_figure_table_find_group (table, key); r >= 0; r = kam_figure_table_group_next (table, r))
    {
      const char *date;
      int order;

      if (source != NULL && sources[r] != source)
        continue;
      date = source_date (self->dataset, dates, sources[r]);
      order = best < 0 ? 1 : strcmp (date, best_date);
      if (order > 0 || (order == 0 && r > best))
        {
          best = r;
          best_date = date;
        }
    }
  return best;
}

/* As _kam_chart_pick_values, for figures with exactly these members: a look-up in the
 * index for each country and year, never a scan of the figures. */
GHashTable *
_kam_chart_pick_values_for (KamChart *self, const char *indicator, int year, GHashTable *only,
                 const guint16 *members)
{
  KamFigureTable *table = kam_dataset_get_figures (self->dataset);
  GHashTable *picks = g_hash_table_new_full (pick_hash, pick_equal, g_free, g_free);
  g_autoptr (GHashTable) dates = g_hash_table_new (NULL, NULL);
  g_autoptr (GPtrArray) countries = NULL;
  KamFigureRow key = { NULL };
  int first = year > 0 ? year : MAX (self->first_year, KAM_YEAR_MIN);
  int last = year > 0 ? year : MIN (self->last_year, KAM_YEAR_MAX);

  if (indicator == NULL)
    return picks;
  if (only != NULL)
    {
      GHashTableIter iter;
      gpointer code;

      countries = g_ptr_array_new ();
      g_hash_table_iter_init (&iter, only);
      while (g_hash_table_iter_next (&iter, &code, NULL))
        g_ptr_array_add (countries, code == _kam_chart_national_key ? NULL : code);
    }
  else /* the countries with known values: a country without one shows nothing */
    countries = kam_figure_table_dup_countries_of (table, indicator);
  key.indicator = g_intern_string (indicator);
  memcpy (key.members, members, sizeof key.members);
  for (guint i = 0; i < countries->len; i++)
    for (int y = first; y <= last; y++)
      {
        PickKey pk;
        Pick *pick;
        int row;

        key.country = countries->pdata[i];
        key.year = y;
        row = pick_in_group (self, dates, &key);
        if (row < 0)
          continue;
        pk.country = key.country;
        pk.year = y;
        pick = g_new (Pick, 1);
        pick->row = (guint) row;
        g_hash_table_insert (picks, g_memdup2 (&pk, sizeof pk), pick);
      }
  return picks;
}

const char *
_kam_chart_indicator_name (KamDataset *dataset, const char *id)
{
  return kam_dataset_get_indicator_label (dataset, id);
}

gboolean
_kam_chart_indicator_is_usd (KamDataset *dataset, const char *id)
{
  KamIndicator *indicator = kam_dataset_lookup_indicator (dataset, id);

  return indicator != NULL && kam_unit_is (kam_indicator_get_unit (indicator), KAM_UNIT_USD);
}

void
_kam_chart_note_source (KamChartData *data, const char *source)
{
  if (source != NULL && !g_ptr_array_find (data->sources, source, NULL))
    g_ptr_array_add (data->sources, (gpointer) source);
}

/* The sources of a series' points, in their order (a series built from a
 * hash table's picks is sorted first: its sources then come in the same
 * order every time). */
void
_kam_chart_note_series_sources (KamChartData *data, KamChartSeries *series)
{
  for (guint k = 0; k < series->points->len; k++)
    _kam_chart_note_source (data, g_array_index (series->points, KamChartPoint, k).source);
}

int
_kam_chart_compare_points_desc (gconstpointer a, gconstpointer b)
{
  const KamChartPoint *x = a, *y = b;
  return x->value < y->value ? 1 : x->value > y->value ? -1 : g_strcmp0 (x->label, y->label);
}

int
_kam_chart_compare_points_year (gconstpointer a, gconstpointer b)
{
  const KamChartPoint *x = a, *y = b;
  return x->year - y->year;
}

/* The year with known values of the indicator for the most countries (the
 * latest of those), so that a chart by country shows as much as it can. With
 * `member` (not NULL), only figures of that member of dimension `dimension`
 * (the chart's members elsewhere). From the index's counts, or its groups. */
int
_kam_chart_latest_year (KamChart *self, const char *indicator, guint dimension, const guint *member)
{
  KamFigureTable *table = kam_dataset_get_figures (self->dataset);
  g_autoptr (GArray) years = kam_figure_table_dup_years_of (table, indicator);
  g_autoptr (GPtrArray) countries = member ? kam_figure_table_dup_countries_of (table, indicator) : NULL;
  KamFigureRow key = { NULL };
  int best = 0;
  guint best_count = 0;

  if (member != NULL)
    {
      _kam_chart_members (self, key.members);
      key.members[dimension] = (guint16) *member;
      key.indicator = g_intern_string (indicator);
    }
  for (guint i = 0; i < years->len; i++)
    {
      int year = g_array_index (years, int, i);
      guint count = 0;

      if (member == NULL)
        count = kam_figure_table_count_countries (table, indicator, year);
      else
        for (guint c = 0; c < countries->len; c++)
          {
            gboolean known = FALSE;

            key.country = countries->pdata[c];
            key.year = year;
            for (int r = kam_figure_table_find_group (table, &key); r >= 0 && !known;
                 r = kam_figure_table_group_next (table, r))
              known = kam_value_is_known (kam_figure_table_get_value (table, r));
            count += known;
          }
      if (count > 0 && count >= best_count)
        {
          best = year;
          best_count = count;
        }
    }
  return best;
}

/* Known values by country for one year, largest first, of figures with these
 * members (NULL: the chart's). */
KamChartSeries *
_kam_chart_values_by_country_for (KamChart *self, KamChartData *data, const char *indicator, int year,
                       guint color, const guint16 *members)
{
  KamFigureTable *table = kam_dataset_get_figures (self->dataset);
  g_autoptr (GHashTable) picks = members ? _kam_chart_pick_values_for (self, indicator, year, NULL, members)
                                         : _kam_chart_pick_values (self, indicator, year, NULL);
  KamChartSeries *series = _kam_chart_series_new (_kam_chart_indicator_name (self->dataset, indicator), color);
  GHashTableIter iter;
  PickKey *key;
  Pick *pick;

  g_hash_table_iter_init (&iter, picks);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &pick))
    {
      double v = kam_figure_table_get_value (table, pick->row);

      if (key->country == NULL || !kam_value_is_known (v))
        continue;
      _kam_chart_add_row_point (self, data, series, kam_dataset_get_country_label (self->dataset, key->country),
                     key->country, year, pick->row);
    }
  g_array_sort (series->points, _kam_chart_compare_points_desc);
  return series;
}

KamChartSeries *
_kam_chart_values_by_country (KamChart *self, KamChartData *data, const char *indicator, int year, guint color)
{
  return _kam_chart_values_by_country_for (self, data, indicator, year, color, NULL);
}

/* The dimension the chart is split by, or -1. */
int
_kam_chart_split_dimension (KamChart *self)
{
  return self->split ? kam_dataset_find_dimension (self->dataset, self->split) : -1;
}

/* The palette colour of a member, the same in every chart, legend and
 * export: women and men as the Women and men chart draws them, other members
 * by their position. The last colour (grey) is the rest of a total that is
 * not broken down (_KAM_CHART_REST_COLOR). */
guint
_kam_chart_member_color (KamDimension *dimension, guint m)
{
  const char *code = kam_dimension_get_member_code (dimension, m);

  if (g_str_equal (kam_dimension_get_id (dimension), "sex"))
    {
      if (g_str_equal (code, "women"))
        return 3;
      if (g_str_equal (code, "men"))
        return 0;
    }
  return (m - 1) % _KAM_CHART_REST_COLOR;
}

/* A series of values by year for one country (or the national total). */
KamChartSeries *
_kam_chart_values_by_year (KamChart *self, KamChartData *data, const char *indicator, const char *country,
                const char *name, guint color)
{
  g_autoptr (GHashTable) only = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) picks = NULL;
  KamChartSeries *series = _kam_chart_series_new (name, color);
  GHashTableIter iter;
  PickKey *key;
  Pick *pick;

  g_hash_table_add (only, country ? (gpointer) country : (gpointer) _kam_chart_national_key);
  picks = _kam_chart_pick_values (self, indicator, 0, only);
  g_hash_table_iter_init (&iter, picks);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &pick))
    {
      char year_label[16];
      int y = key->year;

      g_snprintf (year_label, sizeof year_label, "%d", y);
      _kam_chart_add_row_point (self, data, series, year_label, country, y, pick->row);
    }
  g_array_sort (series->points, _kam_chart_compare_points_year);
  _kam_chart_note_series_sources (data, series);
  return series;
}
