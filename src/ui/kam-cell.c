/* kam-cell.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "kam-cell.h"

G_DEFINE_INTERFACE (KamCell, kam_cell, GTK_TYPE_WIDGET)

static void
kam_cell_default_init (KamCellInterface *iface)
{
}

static KamCellItem *
bound_of (GtkWidget *cell)
{
  g_return_val_if_fail (KAM_IS_CELL (cell), NULL);
  return KAM_CELL_GET_IFACE (cell)->get_bound (KAM_CELL (cell));
}

void
kam_cell_item_clear (KamCellItem *bound)
{
  if (bound->item != NULL && bound->handler != 0)
    g_signal_handler_disconnect (bound->item, bound->handler);
  bound->handler = 0;
  g_clear_object (&bound->item);
}

/**
 * kam_cell_set_field:
 * @cell: a KamTextCell or KamChoiceCell
 * @field: what the cell edits of its item, as its list counts
 * @detail: more of it (a figure's dimension), or 0
 */
void
kam_cell_set_field (GtkWidget *cell, int field, guint detail)
{
  KamCellItem *bound = bound_of (cell);

  g_return_if_fail (bound != NULL);
  bound->field = field;
  bound->detail = detail;
}

int
kam_cell_get_field (GtkWidget *cell)
{
  KamCellItem *bound = bound_of (cell);

  g_return_val_if_fail (bound != NULL, -1);
  return bound->field;
}

guint
kam_cell_get_detail (GtkWidget *cell)
{
  KamCellItem *bound = bound_of (cell);

  g_return_val_if_fail (bound != NULL, 0);
  return bound->detail;
}

/**
 * kam_cell_bind:
 * @cell: a KamTextCell or KamChoiceCell
 * @item: (type GObject): the row's item
 * @property: the item's property the cell shows
 * @changed: called as a "notify" handler, with @cell as its data, when the
 *   property changes, until the cell is unbound
 *
 * Holds @item for the cell (instead of what it held).
 */
void
kam_cell_bind (GtkWidget *cell, gpointer item, const char *property, GCallback changed)
{
  KamCellItem *bound = bound_of (cell);
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);

  g_return_if_fail (bound != NULL && G_IS_OBJECT (item));
  kam_cell_item_clear (bound);
  bound->item = g_object_ref (item);
  bound->handler = g_signal_connect_object (item, signal, changed, cell, 0);
}

void
kam_cell_unbind (GtkWidget *cell)
{
  KamCellItem *bound = bound_of (cell);
  GtkRoot *root = gtk_widget_get_root (cell);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  g_return_if_fail (bound != NULL);
  kam_cell_item_clear (bound);
  /* its item left the row (deleted, undone): the cell will show another
   * item, whose text a keystroke must not overwrite. The keyboard leaves
   * it (see kam_text_cell_unroot). */
  if (focus != NULL && (focus == cell || gtk_widget_is_ancestor (focus, cell)))
    gtk_root_set_focus (root, NULL);
}

/**
 * kam_cell_get_item:
 *
 * Returns: (transfer none) (nullable) (type GObject): the item the cell is bound to
 */
gpointer
kam_cell_get_item (GtkWidget *cell)
{
  KamCellItem *bound = bound_of (cell);

  g_return_val_if_fail (bound != NULL, NULL);
  return bound->item;
}

void
kam_cell_set_factory (GtkWidget *cell, gpointer factory)
{
  KamCellItem *bound = bound_of (cell);

  g_return_if_fail (bound != NULL);
  bound->factory = factory;
}

gpointer
kam_cell_get_factory (GtkWidget *cell)
{
  KamCellItem *bound = bound_of (cell);

  g_return_val_if_fail (bound != NULL, NULL);
  return bound->factory;
}
