/* kam-scale.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include "kam-scale.h"

/* The round step (1, 2 or 5 times a power of ten) that cuts range into at
 * most max_ticks parts. */
static double
nice_step (double range, guint max_ticks)
{
  double raw = range / MAX (max_ticks, 1);
  double power = pow (10, floor (log10 (raw)));
  double fraction = raw / power;

  if (fraction <= 1)
    return power;
  if (fraction <= 2)
    return 2 * power;
  if (fraction <= 5)
    return 5 * power;
  return 10 * power;
}

void
kam_scale_init (KamScale *scale, KamScaleKind kind, double lowest, double highest,
                guint max_ticks)
{
  scale->kind = kind;
  scale->n_ticks = 0;
  max_ticks = CLAMP (max_ticks, 2, 30);

  if (kind == KAM_SCALE_LOG)
    {
      /* decades from the one below the smallest positive value */
      double lo = lowest > 0 ? floor (log10 (lowest)) : 0;
      double hi = highest > 0 ? ceil (log10 (highest)) : 1;
      double every;

      /* start at 1, so that bar lengths tell the number of digits, unless the
       * values sit so high (remittances in millions and billions) that most
       * of the axis would be empty */
      if (lowest > 0 && lo > 0 && hi - lo >= lo)
        lo = 0;
      if (hi <= lo)
        hi = lo + 1;
      every = ceil ((hi - lo) / max_ticks);
      scale->min = pow (10, lo);
      scale->max = pow (10, hi);
      for (double d = lo; d <= hi + 1e-9 && scale->n_ticks < G_N_ELEMENTS (scale->ticks); d += every)
        scale->ticks[scale->n_ticks++] = pow (10, d);
      return;
    }

  if (!isfinite (highest) || highest <= 0)
    highest = 1;
  lowest = MIN (0, lowest);
  {
    double step = nice_step (highest - lowest, max_ticks);

    scale->min = floor (lowest / step) * step;
    scale->max = ceil (highest / step) * step;
    if (scale->max <= scale->min)
      scale->max = scale->min + step;
    for (double v = scale->min; v <= scale->max + step * 1e-9 && scale->n_ticks < G_N_ELEMENTS (scale->ticks);
         v += step)
      scale->ticks[scale->n_ticks++] = fabs (v) < step * 1e-9 ? 0 : v;
  }
}

double
kam_scale_map (const KamScale *scale, double value)
{
  double t;

  if (scale->kind == KAM_SCALE_LOG)
    {
      double v = MAX (value, scale->min);
      t = (log10 (v) - log10 (scale->min)) / (log10 (scale->max) - log10 (scale->min));
    }
  else
    t = (value - scale->min) / (scale->max - scale->min);
  return scale->from + t * (scale->to - scale->from);
}
