/* kam-charts-page.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include "kam-chart-view.h"

G_BEGIN_DECLS

#define KAM_TYPE_CHARTS_PAGE (kam_charts_page_get_type ())
G_DECLARE_FINAL_TYPE (KamChartsPage, kam_charts_page, KAM, CHARTS_PAGE, GtkWidget)

GtkWidget *kam_charts_page_new (void);
void kam_charts_page_set_dataset (KamChartsPage *self, KamDataset *dataset);
void kam_charts_page_bring_up_to_date (KamChartsPage *self);
KamChart *kam_charts_page_get_chart (KamChartsPage *self);
KamChartView *kam_charts_page_get_view (KamChartsPage *self);

G_END_DECLS
