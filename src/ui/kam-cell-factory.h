/* kam-cell-factory.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The factory of a column of editable cells (KamCell), shared by the Figures
 * page and the other lists: it makes a cell with make (column), binds it to
 * its row's item (the item's property followed) and calls refresh (cell,
 * column) when bound and whenever the property changes while the cell is in
 * a widget of type owner; unbinding lets the item go. column is the list's
 * own data for the column, freed with free_column. */
typedef GtkWidget *(*KamCellMake) (gpointer column);
typedef void (*KamCellRefresh) (GtkWidget *cell, gpointer column);

GtkListItemFactory *kam_cell_factory_new (GType owner, const char *property, KamCellMake make,
                                          KamCellRefresh refresh, gpointer column, GDestroyNotify free_column);

G_END_DECLS
