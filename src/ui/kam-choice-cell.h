/* kam-choice-cell.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include "kam-cell.h"

G_BEGIN_DECLS

/* A list cell that shows one of a list of choices (a figure's country,
 * indicator, source) and, when activated, offers the others in a popover.
 * Light: a flat button and a label; the popover and its list are made only
 * when opened (a GtkDropDown per cell made opening 10^5 figures slow, took
 * Tab stops and swallowed typed digits). */
#define KAM_TYPE_CHOICE_CELL (kam_choice_cell_get_type ())
G_DECLARE_FINAL_TYPE (KamChoiceCell, kam_choice_cell, KAM, CHOICE_CELL, GtkButton)

GtkWidget *kam_choice_cell_new (GListModel *labels);
guint kam_choice_cell_get_selected (KamChoiceCell *self);
void kam_choice_cell_set_selected (KamChoiceCell *self, guint position);
/* Opens the list of choices; choosing one sets "selected". */
void kam_choice_cell_popup (KamChoiceCell *self);
void kam_choice_cell_set_details (KamChoiceCell *self, GListModel *details);
void kam_choice_cell_popup_typed (KamChoiceCell *self, const char *typed);
const char *kam_choice_cell_get_tooltip_text (KamChoiceCell *self);
void kam_choice_cell_set_tooltip_text (KamChoiceCell *self, const char *text);


void kam_choice_cell_set_read_only (KamChoiceCell *self, gboolean read_only);
gboolean kam_choice_cell_get_read_only (KamChoiceCell *self);

G_END_DECLS
