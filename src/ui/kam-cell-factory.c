/* kam-cell-factory.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "kam-cell.h"
#include "kam-cell-factory.h"

#include "kam-cell-nav.h"

typedef struct
{
  GType owner;
  char *property;
  KamCellMake make;
  KamCellRefresh refresh;
  gpointer column;
  GDestroyNotify free_column;
} Factory;

static void
factory_free (gpointer data, GClosure *closure)
{
  Factory *f = data;

  if (f->free_column != NULL)
    f->free_column (f->column);
  g_free (f->property);
  g_free (f);
}

static void
setup (GtkSignalListItemFactory *factory, GtkListItem *item, Factory *f)
{
  GtkWidget *cell = f->make (f->column);

  kam_cell_set_factory (cell, f);
  kam_cell_nav_set_list_item (cell, item);
  gtk_list_item_set_child (item, cell);
}

/* The item's property changed: the cell shows it, while it is in its list. */
static void
item_notify (GObject *item, GParamSpec *pspec, GtkWidget *cell)
{
  Factory *f = kam_cell_get_factory (cell);

  if (f != NULL && gtk_widget_get_ancestor (cell, f->owner) != NULL)
    f->refresh (cell, f->column);
}

static void
bind (GtkSignalListItemFactory *factory, GtkListItem *item, Factory *f)
{
  GtkWidget *cell = gtk_list_item_get_child (item);

  kam_cell_bind (cell, gtk_list_item_get_item (item), f->property, G_CALLBACK (item_notify));
  f->refresh (cell, f->column);
}

static void
unbind (GtkSignalListItemFactory *factory, GtkListItem *item, Factory *f)
{
  kam_cell_unbind (gtk_list_item_get_child (item));
}

/**
 * kam_cell_factory_new:
 *
 * Returns: (transfer full): the column's factory
 */
GtkListItemFactory *
kam_cell_factory_new (GType owner, const char *property, KamCellMake make, KamCellRefresh refresh,
                      gpointer column, GDestroyNotify free_column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  Factory *f = g_new0 (Factory, 1);

  f->owner = owner;
  f->property = g_strdup (property);
  f->make = make;
  f->refresh = refresh;
  f->column = column;
  f->free_column = free_column;
  g_signal_connect_data (factory, "setup", G_CALLBACK (setup), f, factory_free, 0);
  g_signal_connect (factory, "bind", G_CALLBACK (bind), f);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind), f);
  return factory;
}
