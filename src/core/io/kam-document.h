/* kam-document.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include "kam-dataset.h"

G_BEGIN_DECLS

/* Milliseconds from the last edit to the draft's writing. */
#define KAM_DRAFT_DELAY_MS 3000

/* A document: one dataset, the file it lives in, its draft and whether it has
 * unsaved changes. It reads and writes files in a thread, so the main thread
 * never waits for a disk; it keeps unsaved work as a draft a moment after the
 * last edit; it watches its file and notices when another program writes it. */

#define KAM_TYPE_DOCUMENT (kam_document_get_type ())
G_DECLARE_FINAL_TYPE (KamDocument, kam_document, KAM, DOCUMENT, GObject)

typedef enum
{
  KAM_DOCUMENT_SAVE_DEFAULT = 0,
  KAM_DOCUMENT_SAVE_OVERWRITE = 1 << 0, /* even when another program changed the file */
} KamDocumentSaveFlags;

/* Called in the main context while a file is read: fraction from 0 to 1. */
typedef void (*KamProgressFunc) (double fraction, gpointer data);

KamDocument *kam_document_new (KamDataset *dataset, GFile *file);
KamDataset *kam_document_get_dataset (KamDocument *self);
GFile *kam_document_get_file (KamDocument *self);
const char *kam_document_get_draft_id (KamDocument *self);
gboolean kam_document_get_modified (KamDocument *self);
const char *kam_document_get_display_name (KamDocument *self);
/* The name of a document that has no file (a shared dataset's). */
void kam_document_set_display_name (KamDocument *self, const char *name);
gboolean kam_document_get_changed_on_disk (KamDocument *self);
gboolean kam_document_get_busy (KamDocument *self);
void kam_document_set_draft_delay (KamDocument *self, guint delay_ms);
void kam_document_set_keep_drafts (KamDocument *self, gboolean keep);

/* Reads a file into a new document, in a thread. Cancelling (or a file that
 * cannot be read) leaves everything else as it was. */
void kam_document_load_async (GFile *file, GCancellable *cancellable, KamProgressFunc progress,
                              gpointer progress_data, GAsyncReadyCallback callback, gpointer data);
KamDocument *kam_document_load_finish (GAsyncResult *result, GError **error);
/* Starts reading a file that a load will soon ask for (a file named on the
 * command line, read while GTK starts); that load takes what was read. */
void kam_document_read_ahead (GFile *file);
gboolean kam_document_take_read_ahead (GFile *file, KamDataset **dataset, GError **error);
gboolean _kam_document_read_ahead_done (void);

/* Writes the dataset as it is now to file (NULL: the document's own file), in
 * a thread, keeping the previous version as FILE~. Edits made meanwhile stay
 * unsaved. Fails with KAM_ERROR_CHANGED_ON_DISK, writing nothing, when another
 * program changed the document's file since it was read or saved, unless
 * KAM_DOCUMENT_SAVE_OVERWRITE. */
void kam_document_save_async (KamDocument *self, GFile *file, KamDocumentSaveFlags flags,
                              GCancellable *cancellable, GAsyncReadyCallback callback,
                              gpointer data);
gboolean kam_document_save_finish (KamDocument *self, GAsyncResult *result, GError **error);

/* Writes the draft now (when there are unsaved changes), in a thread. */
void kam_document_write_draft (KamDocument *self);
/* Whether a draft is due or being written. */
gboolean kam_document_get_draft_pending (KamDocument *self);
/* The document was restored from another draft: that one is removed and the
 * work kept in this document's own. */
void kam_document_adopt_draft (KamDocument *self, const char *old_id);
/* Removes the draft (after the write under way, if any): the user chose to
 * discard the changes, or closed a saved document. */
void kam_document_discard_draft (KamDocument *self);

G_END_DECLS
