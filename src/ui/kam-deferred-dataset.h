/* kam-deferred-dataset.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include "kam-dataset.h"

G_BEGIN_DECLS

/* A dataset given to a page made with the window (Charts, Checks), applied
 * once the window is on screen: the page's "dataset" is bound to the
 * document, and a new window's empty document is then never drawn when a
 * file's dataset comes before the window is shown. A page not in a window
 * applies it at once. A dataset the page has already (its "dataset"
 * property) is not applied again; once applied, "dataset" is notified. NULL
 * is ignored. */
typedef void (*KamApplyDataset) (GtkWidget *page, KamDataset *dataset);

typedef struct
{
  GtkWidget *page;
  KamApplyDataset apply;
  KamDataset *pending; /* (nullable) not applied yet */
  GtkWidget *root;     /* whose "map" it waits for */
  gulong handler;
} KamDeferredDataset;

void kam_deferred_dataset_init (KamDeferredDataset *self, GtkWidget *page, KamApplyDataset apply);
void kam_deferred_dataset_set (KamDeferredDataset *self, KamDataset *dataset);
/* Applies what is pending now (for a page asked for before it is shown). */
void kam_deferred_dataset_flush (KamDeferredDataset *self);
void kam_deferred_dataset_clear (KamDeferredDataset *self);

G_END_DECLS
