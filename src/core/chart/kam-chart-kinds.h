/* kam-chart-kinds.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include "kam-types.h"

G_BEGIN_DECLS

/* What a kind of chart is, said once (kam-chart-kinds.c): every part of
 * Kamlang that treats kinds differently asks here. */
typedef struct
{
  KamChartKind kind;
  const char *id;                /* its name in commands and settings: "destinations" */
  const char *default_indicator; /* what it shows unless told: "workers" */
  gboolean by_year;              /* its axis is the years */
  gboolean one_year;             /* it shows one year: the chart's, or the latest */
  gboolean splittable;           /* it can be split by a breakdown */
  gboolean log_scale;            /* a logarithmic scale can mean something for it */
} KamChartKindInfo;

const KamChartKindInfo *kam_chart_kind_get_info (KamChartKind kind);
guint kam_chart_kind_get_n_kinds (void);

G_END_DECLS
