/* kam-chart-share.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Share: the destinations as parts of one whole, a ring. */

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "kam-chart-build-private.h"
#include "kam-number.h"

void
_kam_chart_build_share (KamChart *self, KamChartData *data)
{
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) _kam_chart_series_free);
  KamChartSeries *by_country = _kam_chart_values_by_country (self, data, data->indicator, data->year, 0);
  KamChartSeries *series = _kam_chart_series_new (_kam_chart_indicator_name (self->dataset, data->indicator), 0);
  double total = 0, other = 0;
  guint n_other = 0;

  g_ptr_array_add (all, by_country);
  for (guint i = 0; i < by_country->points->len; i++)
    total += g_array_index (by_country->points, KamChartPoint, i).value;
  /* shares under 2 % are grouped as "Other", when there are two or more of them */
  for (guint i = 0; i < by_country->points->len; i++)
    n_other += total > 0 && g_array_index (by_country->points, KamChartPoint, i).value / total < 0.02;
  if (n_other < 2)
    n_other = 0;
  for (guint i = 0; i < by_country->points->len; i++)
    {
      KamChartPoint *p = &g_array_index (by_country->points, KamChartPoint, i);
      double share = total > 0 ? p->value / total : 0;

      _kam_chart_note_source (data, p->source);
      if (n_other > 0 && share < 0.02)
        {
          other += p->value;
          continue;
        }
      _kam_chart_add_point (series, p->label, p->country, p->year, share, p->source, p->figure_id);
    }
  if (n_other > 0)
    _kam_chart_add_point (series, _("Other"), NULL, data->year, total > 0 ? other / total : 0, NULL, 0);
  data->total = total;
  data->percent = TRUE;
  g_ptr_array_add (data->series, series);
  /* Translators: chart title: an indicator, then a year */
  data->title = g_strdup_printf (_("%s: share by destination, %d"),
                                 _kam_chart_indicator_name (self->dataset, data->indicator), data->year);
}
