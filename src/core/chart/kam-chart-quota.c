/* kam-chart-quota.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Quota: the workers of one country against the quota and the planned intake, by year. */

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "kam-chart-build-private.h"
#include "kam-chart-draw-private.h"
#include "kam-number.h"

void
_kam_chart_build_quota (KamChart *self, KamChartData *data)
{
  static const char *const targets[] = { "quota", "intake-target" };
  g_autoptr (GPtrArray) codes = g_ptr_array_new ();
  const char *country = NULL;
  KamChartSeries *actual;

  if (self->countries != NULL && self->countries[0] != NULL)
    country = *self->countries[0] ? g_intern_string (self->countries[0]) : NULL;
  else
    {
      /* the country with quota or target figures in the most years (the
       * first by code when several have as many) */
      KamFigureTable *table = kam_dataset_get_figures (self->dataset);
      guint most = 0;

      for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
        {
          g_autoptr (GPtrArray) codes_of = kam_figure_table_dup_countries_of (table, targets[t]);

          for (guint i = 0; i < codes_of->len; i++)
            {
              const char *code = codes_of->pdata[i];
              guint n = kam_figure_table_count_years (table, targets[t], code);

              if (n > most || (n == most && g_strcmp0 (code, country) < 0))
                {
                  most = n;
                  country = code;
                }
            }
        }
    }
  actual = _kam_chart_values_by_year (self, data, data->indicator, country, _kam_chart_indicator_name (self->dataset, data->indicator), 0);
  g_ptr_array_add (data->series, actual);
  /* each kind of target its own series: a quota is a level to compare the
   * workers with, a planned intake an increase, drawn as one */
  for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
    {
      KamChartSeries *s = _kam_chart_values_by_year (self, data, targets[t], country, _kam_chart_indicator_name (self->dataset, targets[t]),
                                          1 + t);
      gboolean any = FALSE;

      for (guint k = 0; k < s->points->len; k++)
        any |= kam_value_is_known (g_array_index (s->points, KamChartPoint, k).value);
      s->increment = g_str_equal (targets[t], "intake-target");
      /* an increase adds to the latest level of workers known by its year */
      for (guint k = 0; s->increment && k < s->points->len; k++)
        {
          KamChartPoint *p = &g_array_index (s->points, KamChartPoint, k);
          int latest = 0;

          for (guint a = 0; a < actual->points->len; a++)
            {
              KamChartPoint *level = &g_array_index (actual->points, KamChartPoint, a);

              if (kam_value_is_known (level->value) && level->year <= p->year && level->year >= latest)
                {
                  latest = level->year;
                  p->base = level->value;
                }
            }
        }
      if (any)
        g_ptr_array_add (data->series, s);
      else
        _kam_chart_series_free (s);
    }
  g_ptr_array_add (codes, (gpointer) country);
  /* Translators: chart title, %s is a country */
  data->title = g_strdup_printf (_("Quota and target against workers, %s"),
                                 kam_dataset_get_country_label (self->dataset, country));
}

/* The workers, the quota and the planned intake as bars across the years. */
void
_kam_chart_draw_quota (KamDrawContext *ctx, double x, double y, double w, double h)
{
  _kam_draw_by_year (ctx, x, y, w, h, TRUE);
}
