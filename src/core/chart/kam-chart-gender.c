/* kam-chart-gender.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Gender: women and men of each destination, stacked bars. */

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "kam-chart-build-private.h"
#include "kam-chart-draw-private.h"
#include "kam-number.h"

static KamChartPoint *
point_of (KamChartSeries *series, const char *country)
{
  for (guint k = 0; k < series->points->len; k++)
    if (g_array_index (series->points, KamChartPoint, k).country == country)
      return &g_array_index (series->points, KamChartPoint, k);
  return NULL;
}

/* Women and men by country: the `women` and `men` members of `sex`; where a
 * country has no men figure, men are its total less its women. Countries by
 * their total (or women and men together), largest first. */
void
_kam_chart_build_gender (KamChart *self, KamChartData *data)
{
  KamChartSeries *totals = NULL, *women_all = NULL, *men_all = NULL;
  KamChartSeries *women = _kam_chart_series_new (_("Women"), 3);
  KamChartSeries *men = _kam_chart_series_new (_("Men"), 0);
  guint16 members[KAM_MAX_DIMENSIONS];
  guint sex, women_member, men_member;
  g_autoptr (GPtrArray) order = g_ptr_array_new ();

  _kam_chart_members (self, members);
  if (kam_dataset_find_member (self->dataset, "sex", "women", &sex, &women_member))
    {
      members[sex] = 0;
      totals = _kam_chart_values_by_country_for (self, data, data->indicator, data->year, 0, members);
      members[sex] = women_member;
      women_all = _kam_chart_values_by_country_for (self, data, data->indicator, data->year, 0, members);
      if (kam_dataset_find_member (self->dataset, "sex", "men", &sex, &men_member))
        {
          members[sex] = men_member;
          men_all = _kam_chart_values_by_country_for (self, data, data->indicator, data->year, 0, members);
        }
      for (guint i = 0; i < totals->points->len; i++)
        g_ptr_array_add (order, (gpointer) g_array_index (totals->points, KamChartPoint, i).country);
      /* then countries with women and men but no total */
      for (guint i = 0; men_all != NULL && i < women_all->points->len; i++)
        {
          const char *country = g_array_index (women_all->points, KamChartPoint, i).country;
          if (point_of (totals, country) == NULL && point_of (men_all, country) != NULL)
            g_ptr_array_add (order, (gpointer) country);
        }
    }
  for (guint i = 0; i < order->len; i++)
    {
      KamChartPoint *t = point_of (totals, order->pdata[i]);
      KamChartPoint *w = point_of (women_all, order->pdata[i]);
      KamChartPoint *given = men_all ? point_of (men_all, order->pdata[i]) : NULL;
      KamChartPoint *m;

      if (w == NULL)
        continue;
      _kam_chart_add_point (women, w->label, w->country, data->year, w->value, w->source, w->figure_id);
      g_array_index (women->points, KamChartPoint, women->points->len - 1).qualifier = w->qualifier;
      _kam_chart_note_source (data, w->source);
      if (given != NULL)
        {
          _kam_chart_add_point (men, given->label, given->country, data->year, given->value, given->source,
                     given->figure_id);
          g_array_index (men->points, KamChartPoint, men->points->len - 1).qualifier = given->qualifier;
          _kam_chart_note_source (data, given->source);
          continue;
        }
      _kam_chart_add_point (men, t->label, t->country, data->year, MAX (0, t->value - w->value), t->source, 0);
      m = &g_array_index (men->points, KamChartPoint, men->points->len - 1);
      m->figure_id = t->figure_id;
      m->figure_id2 = w->figure_id;
      /* men = total − women is no better than the less exact of the two */
      m->qualifier = t->qualifier != KAM_QUALIFIER_EXACT ? t->qualifier : w->qualifier;
      _kam_chart_note_source (data, t->source);
    }
  g_clear_pointer (&totals, _kam_chart_series_free);
  g_clear_pointer (&women_all, _kam_chart_series_free);
  g_clear_pointer (&men_all, _kam_chart_series_free);
  g_ptr_array_add (data->series, women);
  g_ptr_array_add (data->series, men);
  data->stacked = TRUE;
  data->title = g_strdup_printf (_("Women and men: %s, %d"),
                                 _kam_chart_indicator_name (self->dataset, data->indicator), data->year);
}

/* The year with women figures of the indicator for the most countries. */
static int
latest_women_year (KamChart *self, const char *indicator)
{
  guint sex, women;

  if (!kam_dataset_find_member (self->dataset, "sex", "women", &sex, &women))
    return 0;
  return _kam_chart_latest_year (self, indicator, sex, &women);
}

/* For the gender chart: an indicator that has women figures, and a year with both. */
gboolean
_kam_chart_resolve_gender (KamChart *self, KamChartData *data)
{
  static const char *const bases[] = { "workers", "deployed" };

  if (self->indicator != NULL)
    {
      data->indicator = g_intern_string (self->indicator);
      data->year = self->year ? self->year : latest_women_year (self, self->indicator);
      return TRUE;
    }
  data->indicator = g_intern_static_string ("workers");
  for (guint i = 0; i < G_N_ELEMENTS (bases); i++)
    {
      int year = self->year ? self->year : latest_women_year (self, bases[i]);

      if (year > 0)
        {
          data->indicator = g_intern_static_string (bases[i]);
          data->year = year;
          return TRUE;
        }
    }
  return TRUE;
}

/* Women and men of each destination, stacked. */
void
_kam_chart_draw_gender (KamDrawContext *ctx, double x, double y, double w, double h)
{
  _kam_draw_bars (ctx, x, y, w, h, TRUE);
}
