/* kam-chart-kinds.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The kinds of chart, each described once: its name, what it shows unless
 * told, how it is laid out, and the functions that build its data. */

#include "kam-chart-build-private.h"
#include "kam-chart-kinds-private.h"

static const KamChartKindClass kinds[] = {
  [KAM_CHART_DESTINATIONS] = { { KAM_CHART_DESTINATIONS, "destinations", "workers", FALSE, TRUE, TRUE, TRUE },
                               _kam_chart_resolve_split, _kam_chart_build_destinations, _kam_chart_draw_destinations },
  [KAM_CHART_TREND] = { { KAM_CHART_TREND, "trend", "workers", TRUE, FALSE, TRUE, TRUE }, NULL, _kam_chart_build_trend,
                        _kam_chart_draw_trend },
  [KAM_CHART_SHARE] = { { KAM_CHART_SHARE, "share", "workers", FALSE, TRUE, FALSE, FALSE }, NULL, _kam_chart_build_share,
                        _kam_chart_draw_share },
  [KAM_CHART_QUOTA] = { { KAM_CHART_QUOTA, "quota", "workers", TRUE, FALSE, FALSE, TRUE }, NULL, _kam_chart_build_quota,
                        _kam_chart_draw_quota },
  [KAM_CHART_GENDER] = { { KAM_CHART_GENDER, "gender", "workers", FALSE, TRUE, FALSE, FALSE },
                         _kam_chart_resolve_gender, _kam_chart_build_gender, _kam_chart_draw_gender },
  [KAM_CHART_REMITTANCES] = { { KAM_CHART_REMITTANCES, "remittances", "remittances", TRUE, FALSE, TRUE, TRUE }, NULL,
                              _kam_chart_build_remittances, _kam_chart_draw_remittances },
  [KAM_CHART_MAP] = { { KAM_CHART_MAP, "map", "workers", FALSE, TRUE, TRUE, FALSE }, _kam_chart_resolve_split,
                      _kam_chart_build_map, _kam_chart_draw_map },
};

const KamChartKindClass *
_kam_chart_kind_get_class (KamChartKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kinds), &kinds[KAM_CHART_DESTINATIONS]);
  return &kinds[kind];
}

/**
 * kam_chart_kind_get_info:
 *
 * Returns: (transfer none): what the kind is
 */
const KamChartKindInfo *
kam_chart_kind_get_info (KamChartKind kind)
{
  return &_kam_chart_kind_get_class (kind)->info;
}

guint
kam_chart_kind_get_n_kinds (void)
{
  return G_N_ELEMENTS (kinds);
}
