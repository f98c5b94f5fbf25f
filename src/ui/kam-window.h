/* kam-window.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include "kam-dataset.h"
#include "kam-shared.h"
#include "kam-document.h"
#include "kam-figures-view.h"
#include "kam-charts-page.h"
#include "kam-session.h"

G_BEGIN_DECLS

#define KAM_TYPE_WINDOW (kam_window_get_type ())
G_DECLARE_FINAL_TYPE (KamWindow, kam_window, KAM, WINDOW, AdwApplicationWindow)

/* A window of the application (whose session it joins), or of none. */
KamWindow *kam_window_new (GtkApplication *application);
KamSession *kam_window_get_session (KamWindow *self);
KamWindow *kam_window_new_beside (KamWindow *self);
KamDocument *kam_window_get_document (KamWindow *self);
KamDataset *kam_window_get_dataset (KamWindow *self);
GFile *kam_window_get_file (KamWindow *self);
KamFiguresView *kam_window_get_figures_view (KamWindow *self);
KamChartsPage *kam_window_get_charts_page (KamWindow *self);
AdwViewStack *kam_window_get_stack (KamWindow *self);
const char *kam_window_get_draft_id (KamWindow *self);

/* Shows this dataset; file is where it lives, or NULL for a new document. */
void kam_window_set_document (KamWindow *self, KamDataset *dataset, GFile *file);
/* Loads the bundled dataset into the window as a new, unsaved document. */
void kam_window_open_bundled (KamWindow *self);
/* Opens a file in a thread, with progress and Cancel; once read it replaces
 * the document, or opens in a new window when this one has unsaved changes.
 * On failure it shows the file's problems and keeps the current document. */
void kam_window_open_file (KamWindow *self, GFile *file);
/* Whether a file is being opened. */
gboolean kam_window_get_loading (KamWindow *self);
/* Saves in a thread; on failure says why, keeps the old file and the draft.
 * Returns FALSE when it first asks (a version 1 file). */
gboolean kam_window_save_to_file (KamWindow *self, GFile *file);
/* Replaces the document with a draft left by a crash. */
gboolean kam_window_restore_draft (KamWindow *self, const char *id);
/* Milliseconds between the last edit and the autosave of the draft. */
void kam_window_set_draft_delay (KamWindow *self, guint delay_ms);

/* Opens a shared dataset (kam-db.h) in a thread, the password given or
 * (NULL) the one the keyring keeps for the address, asking when the server
 * wants one; it replaces this window's document as a file would. */
void kam_window_open_shared (KamWindow *self, const char *address, const char *password);
KamShared *kam_window_get_shared (KamWindow *self);

G_END_DECLS
