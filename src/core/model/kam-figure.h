/* kam-figure.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kam-figure-table.h"

G_BEGIN_DECLS

#define KAM_TYPE_FIGURE (kam_figure_get_type ())
G_DECLARE_FINAL_TYPE (KamFigure, kam_figure, KAM, FIGURE, GObject)

guint kam_figure_get_id (KamFigure *self);
KamFigureTable *kam_figure_get_table (KamFigure *self);
gboolean kam_figure_is_present (KamFigure *self);
int kam_figure_get_row (KamFigure *self);
const char *kam_figure_get_country (KamFigure *self);
int kam_figure_get_year (KamFigure *self);
const char *kam_figure_get_indicator (KamFigure *self);
double kam_figure_get_value (KamFigure *self);
gboolean kam_figure_get_known (KamFigure *self);
const char *kam_figure_get_source (KamFigure *self);
const char *kam_figure_get_note (KamFigure *self);
KamQualifier kam_figure_get_qualifier (KamFigure *self);
guint kam_figure_get_member (KamFigure *self, guint dimension);

G_END_DECLS
