/* kam-window.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include "kam-dataset.h"

G_BEGIN_DECLS

#define KAM_TYPE_WINDOW (kam_window_get_type ())
G_DECLARE_FINAL_TYPE (KamWindow, kam_window, KAM, WINDOW, AdwApplicationWindow)

KamWindow *kam_window_new (GtkApplication *application);
KamDataset *kam_window_get_dataset (KamWindow *self);
GFile *kam_window_get_file (KamWindow *self);
/* Shows this dataset; file is where it lives, or NULL for a new document. */
void kam_window_set_document (KamWindow *self, KamDataset *dataset, GFile *file);
/* Opens a file; on failure shows its problems and keeps the current document. */
gboolean kam_window_open_file (KamWindow *self, GFile *file);

G_END_DECLS
