/* kam-palette.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double r, g, b;
} KamColor;

/* How a chart looks: light or dark, and the text size. */
typedef struct
{
  gboolean dark;
  gboolean transparent;   /* no background (exports) */
  KamColor background;
  KamColor foreground;
  KamColor muted;         /* axes labels, footnote */
  KamColor grid;
  const char *font_family;
  double font_size;       /* points, for body text */
  double min_text_px;     /* on screen: body text never smaller (0: as the picture shrinks) */
} KamChartStyle;

void kam_chart_style_init (KamChartStyle *style, gboolean dark);
/* The n-th series colour of a colour-blind-safe palette (Okabe and Ito). */
KamColor kam_palette_color (const KamChartStyle *style, guint n);

G_END_DECLS
