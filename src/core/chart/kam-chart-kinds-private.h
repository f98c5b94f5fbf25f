/* kam-chart-kinds-private.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kam-chart-kinds.h"
#include "kam-chart-draw-private.h"

G_BEGIN_DECLS

/* A kind's description and how its data is built (kam-chart-<kind>.c). */
typedef struct
{
  KamChartKindInfo info;
  /* (nullable) chooses the indicator and year itself: TRUE when it did */
  gboolean (*resolve) (KamChart *chart, KamChartData *data);
  void (*build) (KamChart *chart, KamChartData *data);
  /* draws its plot in the rectangle the frame (title, legend, footnote) leaves */
  void (*draw) (KamDrawContext *ctx, double x, double y, double w, double h);
} KamChartKindClass;

const KamChartKindClass *_kam_chart_kind_get_class (KamChartKind kind);

G_END_DECLS
