/* kam-chart-destinations.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Destinations: a bar per country for one year, or stacked bars of a breakdown's members. */

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "kam-chart-build-private.h"
#include "kam-chart-draw-private.h"
#include "kam-number.h"

/* A name as it reads inside a sentence: "Sex" becomes "sex", but "MoU" or
 * "ILO" stay as they are (only a capital followed by a small letter is lowered). */
static char *
in_sentence (const char *name)
{
  const char *second = g_utf8_next_char (name);
  gunichar first = g_utf8_get_char (name);

  if (*name == '\0' || !g_unichar_isupper (first) || !g_unichar_islower (g_utf8_get_char (second)))
    return g_strdup (name);
  {
    char buf[8] = { 0 };
    g_unichar_to_utf8 (g_unichar_tolower (first), buf);
    return g_strconcat (buf, second, NULL);
  }
}

/* Destinations split by a dimension: a series per member (not the total)
 * with figures, and the rest of each total that its members do not account
 * for ("not broken down"), points aligned by country, countries by their
 * totals (or their members' sum, when it is more). */
/* The values by destination split by dimension d: a series per member (and
 * one for what the totals leave), each with the same countries in the same
 * order (by their sums, largest first; unknown where a member has none).
 * Destinations stack them as bars, the map as pies. */
void
_kam_chart_build_split_by_country (KamChart *self, KamChartData *data, int d)
{
  KamDimension *dimension = kam_dataset_get_dimension (self->dataset, d);
  guint16 members[KAM_MAX_DIMENSIONS];
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func ((GDestroyNotify) _kam_chart_series_free);
  g_autoptr (GHashTable) sums = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr (GPtrArray) order = g_ptr_array_new ();

  _kam_chart_members (self, members);
  for (guint m = 1; m < kam_dimension_get_n_members (dimension); m++)
    {
      KamChartSeries *part;

      members[d] = (guint16) m;
      part = _kam_chart_values_by_country_for (self, data, data->indicator, data->year, _kam_chart_member_color (dimension, m), members);
      g_free (part->name);
      part->name = g_strdup (kam_dimension_get_member_label (dimension, m));
      if (part->points->len == 0)
        {
          _kam_chart_series_free (part);
          continue;
        }
      for (guint k = 0; k < part->points->len; k++)
        {
          KamChartPoint *p = &g_array_index (part->points, KamChartPoint, k);
          double *sum = g_hash_table_lookup (sums, p->country);

          if (sum == NULL)
            {
              sum = g_new0 (double, 1);
              g_hash_table_insert (sums, (gpointer) p->country, sum);
              g_ptr_array_add (order, (gpointer) p->country);
            }
          *sum += p->value;
        }
      g_ptr_array_add (parts, part);
    }
  /* the totals: what their members leave is drawn as its own part */
  members[d] = KAM_MEMBER_TOTAL;
  {
    KamChartSeries *totals = _kam_chart_values_by_country_for (self, data, data->indicator, data->year, _KAM_CHART_REST_COLOR, members);
    /* Translators: in a chart split by sex (or sector ...): the part of a total that is not broken down */
    KamChartSeries *rest = _kam_chart_series_new (_("Not broken down"), _KAM_CHART_REST_COLOR);

    for (guint k = 0; k < totals->points->len; k++)
      {
        KamChartPoint *t = &g_array_index (totals->points, KamChartPoint, k);
        double *sum = g_hash_table_lookup (sums, t->country);
        double left = t->value - (sum ? *sum : 0);

        if (sum == NULL)
          {
            sum = g_new0 (double, 1);
            g_hash_table_insert (sums, (gpointer) t->country, sum);
            g_ptr_array_add (order, (gpointer) t->country);
          }
        if (left > 0)
          {
            KamChartPoint p = *t;

            p.label = g_strdup (t->label);
            p.value = left;
            g_array_append_val (rest->points, p);
            *sum += left;
          }
      }
    _kam_chart_series_free (totals);
    if (rest->points->len > 0)
      g_ptr_array_add (parts, rest);
    else
      _kam_chart_series_free (rest);
  }
  /* countries by their sum, largest first */
  for (guint i = 1; i < order->len; i++)
    for (guint j = i; j > 0; j--)
      {
        double a = *(double *) g_hash_table_lookup (sums, order->pdata[j - 1]);
        double b = *(double *) g_hash_table_lookup (sums, order->pdata[j]);
        gpointer t;

        if (a >= b)
          break;
        t = order->pdata[j];
        order->pdata[j] = order->pdata[j - 1];
        order->pdata[j - 1] = t;
      }
  for (guint s = 0; s < parts->len; s++)
    {
      KamChartSeries *part = g_ptr_array_index (parts, s);
      KamChartSeries *aligned = _kam_chart_series_new (part->name, part->color);

      for (guint i = 0; i < order->len; i++)
        {
          const char *country = order->pdata[i];
          KamChartPoint *found = NULL;

          for (guint k = 0; k < part->points->len && found == NULL; k++)
            if (g_array_index (part->points, KamChartPoint, k).country == country)
              found = &g_array_index (part->points, KamChartPoint, k);
          if (found != NULL)
            {
              KamChartPoint p = *found;
              p.label = g_strdup (found->label);
              g_array_append_val (aligned->points, p);
              _kam_chart_note_source (data, p.source);
            }
          else
            _kam_chart_add_point (aligned, kam_dataset_get_country_label (self->dataset, country), country,
                       data->year, KAM_VALUE_UNKNOWN, NULL, 0);
        }
      g_ptr_array_add (data->series, aligned);
    }
  data->stacked = TRUE;
  {
    g_autofree char *name = in_sentence (kam_dimension_get_label (dimension));
    /* Translators: chart title: an indicator, a dimension (sex, sector ...), a year */
    data->title = data->year > 0 ? g_strdup_printf (_("%s by destination and %s, %d"),
                                                    _kam_chart_indicator_name (self->dataset, data->indicator), name, data->year)
                                 /* Translators: chart title: an indicator, a dimension; no figures yet */
                                 : g_strdup_printf (_("%s by destination and %s"),
                                                    _kam_chart_indicator_name (self->dataset, data->indicator), name);
  }
}

void
_kam_chart_build_destinations (KamChart *self, KamChartData *data)
{
  if (_kam_chart_split_dimension (self) >= 0)
    {
      _kam_chart_build_split_by_country (self, data, _kam_chart_split_dimension (self));
      return;
    }
  KamChartSeries *series = _kam_chart_values_by_country (self, data, data->indicator, data->year, 0);

  for (guint i = 0; i < series->points->len; i++)
    _kam_chart_note_source (data, g_array_index (series->points, KamChartPoint, i).source);
  g_ptr_array_add (data->series, series);
  /* Translators: chart title: an indicator, then a year */
  data->title = data->year > 0 ? g_strdup_printf (_("%s by destination, %d"),
                                                  _kam_chart_indicator_name (self->dataset, data->indicator), data->year)
                               /* Translators: chart title: an indicator; no figures yet, so no year */
                               : g_strdup_printf (_("%s by destination"), _kam_chart_indicator_name (self->dataset, data->indicator));
}

/* The latest year with figures of a member (not the total) of dimension d. */
static int
latest_split_year (KamChart *self, const char *indicator, int d)
{
  KamDimension *dimension = kam_dataset_get_dimension (self->dataset, d);
  int best = 0;

  for (guint m = 1; m < kam_dimension_get_n_members (dimension); m++)
    best = MAX (best, _kam_chart_latest_year (self, indicator, (guint) d, &m));
  return best;
}

/* For destinations split by a dimension: automatic choices that consider the
 * split, an indicator (the default first) and a year with its members. */
static void
resolve_split_by (KamChart *self, KamChartData *data, int d)
{
  GListModel *indicators = kam_dataset_get_indicators (self->dataset);

  if (self->indicator != NULL)
    {
      data->indicator = g_intern_string (self->indicator);
      data->year = self->year ? self->year : latest_split_year (self, data->indicator, d);
      if (data->year == 0)
        data->year = _kam_chart_latest_year (self, data->indicator, 0, NULL);
      return;
    }
  data->indicator = g_intern_static_string ("workers");
  for (guint i = 0; i <= g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr (KamIndicator) other = i > 0 ? g_list_model_get_item (indicators, i - 1) : NULL;
      const char *id = other ? kam_indicator_get_id (other) : "workers";
      int year = latest_split_year (self, id, d);

      if (year > 0 && (self->year == 0 || self->year == year))
        {
          data->indicator = g_intern_string (id);
          data->year = year;
          return;
        }
    }
  data->year = self->year ? self->year : _kam_chart_latest_year (self, data->indicator, 0, NULL);
}

/* Split by a breakdown, the indicator and year that have its members. */
gboolean
_kam_chart_resolve_split (KamChart *self, KamChartData *data)
{
  int d = _kam_chart_split_dimension (self);

  if (d < 0)
    return FALSE;
  resolve_split_by (self, data, d);
  return TRUE;
}

/* A bar per destination, or stacked bars of a breakdown's members. */
void
_kam_chart_draw_destinations (KamDrawContext *ctx, double x, double y, double w, double h)
{
  _kam_draw_bars (ctx, x, y, w, h, ctx->data->stacked);
}
