/* kam-deferred-dataset.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include "kam-deferred-dataset.h"
#include "kam-ui-util.h"

void
kam_deferred_dataset_init (KamDeferredDataset *self, GtkWidget *page, KamApplyDataset apply)
{
  memset (self, 0, sizeof *self);
  self->page = page;
  self->apply = apply;
}

static void
stop_waiting (KamDeferredDataset *self)
{
  if (self->root != NULL)
    {
      g_clear_signal_handler (&self->handler, self->root);
      g_object_remove_weak_pointer (G_OBJECT (self->root), (gpointer *) &self->root);
      self->root = NULL;
    }
}

void
kam_deferred_dataset_flush (KamDeferredDataset *self)
{
  g_autoptr (KamDataset) dataset = g_steal_pointer (&self->pending);
  g_autoptr (KamDataset) current = NULL;

  stop_waiting (self);
  if (dataset == NULL)
    return;
  g_object_get (self->page, "dataset", &current, NULL);
  if (dataset == current)
    return;
  self->apply (self->page, dataset);
  kam_probe (G_OBJECT_TYPE_NAME (self->page));
  g_object_notify (G_OBJECT (self->page), "dataset");
}

void
kam_deferred_dataset_set (KamDeferredDataset *self, KamDataset *dataset)
{
  GtkRoot *root = gtk_widget_get_root (self->page);

  if (dataset == NULL)
    return; /* a binding whose document is not there yet */
  g_set_object (&self->pending, dataset);
  if (root == NULL || gtk_widget_get_mapped (GTK_WIDGET (root)))
    {
      kam_deferred_dataset_flush (self);
      return;
    }
  if (self->root == GTK_WIDGET (root))
    return;
  stop_waiting (self);
  self->root = GTK_WIDGET (root);
  g_object_add_weak_pointer (G_OBJECT (self->root), (gpointer *) &self->root);
  self->handler = g_signal_connect_swapped (self->root, "map", G_CALLBACK (kam_deferred_dataset_flush), self);
}

void
kam_deferred_dataset_clear (KamDeferredDataset *self)
{
  stop_waiting (self);
  g_clear_object (&self->pending);
}
