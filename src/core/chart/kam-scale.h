/* kam-scale.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include "kam-types.h"

G_BEGIN_DECLS

/* A value axis: maps values to a pixel range, and gives round ticks (1-2-5
 * steps on a linear scale, decades on a log scale). */
typedef struct
{
  KamScaleKind kind;
  double min, max;     /* the domain, after rounding to ticks */
  double from, to;     /* the pixel range */
  double ticks[32];
  guint n_ticks;
} KamScale;

/* Sets the domain to cover [0 or lowest, highest] with round ends. */
void kam_scale_init (KamScale *scale, KamScaleKind kind, double lowest, double highest,
                     guint max_ticks);
double kam_scale_map (const KamScale *scale, double value);

G_END_DECLS
