/* kam-chart-view.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include "kam-chart.h"

G_BEGIN_DECLS

#define KAM_TYPE_CHART_VIEW (kam_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (KamChartView, kam_chart_view, KAM, CHART_VIEW, GtkWidget)

GtkWidget *kam_chart_view_new (KamChart *chart);
/* The chart drawn (the "chart" property); NULL draws nothing. */
void kam_chart_view_set_chart (KamChartView *self, KamChart *chart);
KamChart *kam_chart_view_get_chart (KamChartView *self);
/* What a click at (x, y) does: emits figures-activated with the figures there. */
KamChartLayout *kam_chart_view_get_layout (KamChartView *self);
gboolean kam_chart_view_activate_at (KamChartView *self, double x, double y);
/* The tooltip text for (x, y), or NULL. */
char *kam_chart_view_describe_at (KamChartView *self, double x, double y);
/* The tooltip text of the point chosen with the arrow keys, or NULL. */
char *kam_chart_view_describe_focus (KamChartView *self);

void kam_chart_view_set_role_name (KamChartView *self, const char *name);

G_END_DECLS
