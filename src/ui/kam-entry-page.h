/* kam-entry-page.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include "kam-dataset.h"
#include "kam-entry-table.h"

G_BEGIN_DECLS

#define KAM_TYPE_ENTRY_PAGE (kam_entry_page_get_type ())
G_DECLARE_FINAL_TYPE (KamEntryPage, kam_entry_page, KAM, ENTRY_PAGE, GtkWidget)

void kam_entry_page_set_dataset (KamEntryPage *self, KamDataset *dataset);
KamEntryTable *kam_entry_page_get_table (KamEntryPage *self);
/* The cell's entry (for tests), or NULL outside the grid. */
GtkWidget *kam_entry_page_get_cell (KamEntryPage *self, guint row, guint column);
/* The message the page shows under the grid, or NULL. */
const char *kam_entry_page_get_message (KamEntryPage *self);

G_END_DECLS
