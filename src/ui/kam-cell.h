/* kam-cell.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A list cell: what every kind of editable cell is (KamTextCell,
 * KamChoiceCell; a new kind implements KamCell and touches no other cell).
 * What a cell edits is one field of one item of the list. The cell knows its field from when it is made (for the
 * Figures page a KamFigureField and, for a breakdown's column, the dimension;
 * for the other lists the column's position), and holds its item while the
 * list binds it to a row, following the item's property. */
typedef struct
{
  GObject *item;
  gulong handler;
  int field;
  guint detail;
  gpointer factory; /* the column's factory that made it (kam-cell-factory.c) */
} KamCellItem;

void kam_cell_item_clear (KamCellItem *bound);

#define KAM_TYPE_CELL (kam_cell_get_type ())
G_DECLARE_INTERFACE (KamCell, kam_cell, KAM, CELL, GtkWidget)

struct _KamCellInterface
{
  GTypeInterface parent_iface;

  /* the item and field the cell edits, kept in the cell */
  KamCellItem *(*get_bound) (KamCell *self);
};

/* For every kind of cell (a GtkWidget that implements KamCell). */
void kam_cell_set_field (GtkWidget *cell, int field, guint detail);
int kam_cell_get_field (GtkWidget *cell);
guint kam_cell_get_detail (GtkWidget *cell);
void kam_cell_bind (GtkWidget *cell, gpointer item, const char *property, GCallback changed);
void kam_cell_unbind (GtkWidget *cell);
gpointer kam_cell_get_item (GtkWidget *cell);
void kam_cell_set_factory (GtkWidget *cell, gpointer factory);
gpointer kam_cell_get_factory (GtkWidget *cell);

G_END_DECLS
