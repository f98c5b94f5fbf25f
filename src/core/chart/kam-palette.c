/* kam-palette.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

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
  style->transparent = FALSE;
  style->background = rgb (dark ? 0x1e1e1e : 0xffffff);
  style->foreground = rgb (dark ? 0xeeeeee : 0x1e1e1e);
  style->muted = rgb (dark ? 0xa8a8a8 : 0x5e5c64);
  style->grid = rgb (dark ? 0x3a3a3a : 0xe2e2e2);
  style->font_family = "Cantarell, Noto Sans, DejaVu Sans, Khmer OS, sans-serif";
  style->font_size = 10;
  style->min_text_px = 0;
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

  return rgb ((style->dark ? dark : light)[n % G_N_ELEMENTS (light)]);
}
