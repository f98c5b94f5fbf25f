/* kam-cell-nav.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Moving between the cells of a list of KamCells (the Figures page, the
 * Sources, Countries … lists) as in a spreadsheet: Left / Right to the cell
 * beside (unless editing a text in place), Up / Down to the same column's
 * cell in the row above or below (Shift: the selection grows), Ctrl+Left /
 * Ctrl+Right to the row's first or last cell. From the row itself, Left or
 * Right enters its first cell. */
void kam_cell_nav_attach (GtkColumnView *view);

/* For the cell factory: the list item showing the cell (its position). */
void kam_cell_nav_set_list_item (GtkWidget *cell, GtkListItem *item);

G_END_DECLS
