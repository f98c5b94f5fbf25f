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
  gboolean high_contrast; /* the desktop's high-contrast style */
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
/* High contrast: black on white (or white on black), grid lines and every
 * series colour at 4.5:1 or more against the background. */
void kam_chart_style_set_high_contrast (KamChartStyle *style);
/* The contrast ratio of two colours (WCAG 2), 1 to 21. */
double kam_color_contrast (KamColor a, KamColor b);
/* The n-th series colour of a colour-blind-safe palette (Okabe and Ito). */
KamColor kam_palette_color (const KamChartStyle *style, guint n);

G_END_DECLS
