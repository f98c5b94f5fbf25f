/* kam-items-view.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include "kam-dataset.h"

G_BEGIN_DECLS

typedef enum
{
  KAM_ITEMS_COUNTRIES,
  KAM_ITEMS_SOURCES,
  KAM_ITEMS_AGREEMENTS,
  KAM_ITEMS_DIMENSIONS, /* the breakdowns */
  KAM_ITEMS_MEMBERS,    /* the members of one breakdown: "dimension" */
} KamItemsKind;

#define KAM_TYPE_ITEMS_VIEW (kam_items_view_get_type ())
G_DECLARE_FINAL_TYPE (KamItemsView, kam_items_view, KAM, ITEMS_VIEW, GtkWidget)

GtkWidget *kam_items_view_new (KamItemsKind kind);
void kam_items_view_set_dataset (KamItemsView *self, KamDataset *dataset);
GtkSelectionModel *kam_items_view_get_selection (KamItemsView *self);
void kam_items_view_set_dimension (KamItemsView *self, KamDimension *dimension);
KamDimension *kam_items_view_get_dimension (KamItemsView *self);
/* Adds an item the way the Add button does; countries and members take a
 * code, breakdowns a name. */
gboolean kam_items_view_add (KamItemsView *self, const char *code, GError **error);

G_END_DECLS
