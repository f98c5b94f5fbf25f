/* kam-figures-view.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include "kam-dataset.h"
#include "kam-figure-query.h"

G_BEGIN_DECLS

#define KAM_TYPE_FIGURES_VIEW (kam_figures_view_get_type ())
G_DECLARE_FINAL_TYPE (KamFiguresView, kam_figures_view, KAM, FIGURES_VIEW, GtkWidget)

GtkWidget *kam_figures_view_new (void);
void kam_figures_view_set_dataset (KamFiguresView *self, KamDataset *dataset);
KamFigureQuery *kam_figures_view_get_query (KamFiguresView *self);
GtkSelectionModel *kam_figures_view_get_selection (KamFiguresView *self);
GtkSearchEntry *kam_figures_view_get_search_entry (KamFiguresView *self);
/* Writes the years, values and counts shown again (the numerals changed). */
void kam_figures_view_refresh_numbers (KamFiguresView *self);
/* Selects these figures (clearing the filters that hide them) and shows the first. */
void kam_figures_view_select_ids (KamFiguresView *self, const guint *ids, guint n);
void kam_figures_view_focus_cell (KamFiguresView *self, guint id, KamFigureField field);
/* Adds figures from tab-separated text as one step; on a bad line adds nothing
 * and tells which line and why. */
gboolean kam_figures_view_paste_text (KamFiguresView *self, const char *text);

G_END_DECLS
