/* kam-palette.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include "kam-palette.h"

static KamColor
rgb (guint hex)
{
  KamColor c = { ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0, (hex & 0xff) / 255.0 };
  return c;
}

void
kam_chart_style_init (KamChartStyle *style, gboolean dark)
{
  style->dark = dark;
  style->high_contrast = FALSE;
  style->transparent = FALSE;
  style->background = rgb (dark ? 0x1e1e1e : 0xffffff);
  style->foreground = rgb (dark ? 0xeeeeee : 0x1e1e1e);
  style->muted = rgb (dark ? 0xa8a8a8 : 0x5e5c64);
  style->grid = rgb (dark ? 0x3a3a3a : 0xe2e2e2);
  style->font_family = "Cantarell, Noto Sans, DejaVu Sans, Khmer OS, sans-serif";
  style->font_size = 10;
  style->min_text_px = 0;
}

void
kam_chart_style_set_high_contrast (KamChartStyle *style)
{
  style->high_contrast = TRUE;
  style->background = rgb (style->dark ? 0x000000 : 0xffffff);
  style->foreground = rgb (style->dark ? 0xffffff : 0x000000);
  style->muted = style->foreground;
  style->grid = rgb (style->dark ? 0x8a8a8a : 0x767676);
}

static double
luminance (KamColor c)
{
  double v[3] = { c.r, c.g, c.b };

  for (int i = 0; i < 3; i++)
    v[i] = v[i] <= 0.03928 ? v[i] / 12.92 : pow ((v[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}

double
kam_color_contrast (KamColor a, KamColor b)
{
  double x = luminance (a), y = luminance (b);

  return (MAX (x, y) + 0.05) / (MIN (x, y) + 0.05);
}

KamColor
kam_palette_color (const KamChartStyle *style, guint n)
{
  /* Okabe & Ito's palette for colour-blind readers, in an order that keeps
   * neighbours apart; the dark style uses lighter tints of the same hues. */
  static const guint light[] = { 0x0072b2, 0xe69f00, 0x009e73, 0xcc79a7,
                                 0xd55e00, 0x56b4e9, 0x8c7a00, 0x6e6e6e };
  static const guint dark[] = { 0x4aa8e8, 0xf0b840, 0x3cc79c, 0xe09ac4,
                                0xf08040, 0x8fd0f5, 0xe6d85a, 0xb0b0b0 };

  /* high contrast: the same hues, darker or lighter, at 5.5:1 or more */
  static const guint light_hc[] = { 0x005a8c, 0x8a5a00, 0x00694d, 0xa4387f,
                                    0xa33b00, 0x2a6f97, 0x6b5e00, 0x4a4a4a };
  static const guint dark_hc[] = { 0x7cc4f2, 0xf5c24c, 0x4fe0b0, 0xf2b3da,
                                   0xff9b66, 0xb3e2fa, 0xf0e68c, 0xd0d0d0 };
  const guint *colors = style->high_contrast ? (style->dark ? dark_hc : light_hc) : (style->dark ? dark : light);

  return rgb (colors[n % G_N_ELEMENTS (light)]);
}
