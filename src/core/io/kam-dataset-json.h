/* kam-dataset-json.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include "kam-dataset.h"
#include "kam-file.h"

G_BEGIN_DECLS

#define KAM_FORMAT_VERSION 2
#define KAM_MAX_FILE_SIZE (G_GINT64_CONSTANT (1) << 30) /* 1 GiB */
#define KAM_MAX_DEPTH 64
#define KAM_BUNDLED_DATASET_URI \
  "resource:///io/github/kamlang/Kamlang/datasets/cambodia-workers-abroad.kamlang"

/* Reading never touches an open document: it builds a new dataset, or returns
 * NULL with every problem found, each as "where: what" (where is "line L,
 * column C" for syntax, or a path such as "figures.rows[12][3]"). The error's
 * message lists them all, one per line. */
KamDataset *kam_dataset_load_file (GFile *file, GPtrArray **problems, GError **error);
KamDataset *kam_dataset_load_data (const char *data, gsize length, GPtrArray **problems,
                                   GError **error);

/* What a reader in another thread shares with the thread that waits for it. */
typedef struct
{
  GCancellable *cancellable; /* (nullable) stops the reading, with G_IO_ERROR_CANCELLED */
  int permille;              /* (atomic) how far the reading has come, 0 to 1000 */
} KamLoadControl;

/* kam_dataset_load_file() for a thread: tells its progress and stops when
 * cancelled. Safe in any thread; the dataset it returns has no signal
 * handlers and may be handed to the main thread whole. */
KamDataset *kam_dataset_load_file_full (GFile *file, KamLoadControl *control, GPtrArray **problems,
                                        GError **error);

/* The same, telling what the file was as it was read (for the check that
 * nobody else wrote it before it is saved again). */
KamDataset *kam_dataset_load_file_stamped (GFile *file, KamLoadControl *control, KamFileStamp *stamp,
                                           GPtrArray **problems, GError **error);

/* The dataset that comes with Kamlang (compiled into it), opened when the user
 * has no file of their own. */
KamDataset *kam_dataset_load_bundled (GError **error);

/* The file's text: deterministic key order, one figure per line. */
char *kam_dataset_to_data (KamDataset *dataset, gsize *length);

/* The same text in two steps, for writing it in another thread: a snapshot
 * taken in the dataset's thread (cheap: the figures' columns are copied), then
 * its text, in any thread, however the dataset changes meanwhile. */
typedef struct _KamDatasetSnapshot KamDatasetSnapshot;

KamDatasetSnapshot *kam_dataset_snapshot_new (KamDataset *dataset);
char *kam_dataset_snapshot_to_data (KamDatasetSnapshot *self, gsize *length);
void kam_dataset_snapshot_free (KamDatasetSnapshot *self);
guint kam_dataset_snapshot_get_n_rows (KamDatasetSnapshot *self);
/* The file's text without the figures' rows (its lists and settings). */
char *kam_dataset_snapshot_lists_to_data (KamDatasetSnapshot *self);
/* The same, from the dataset (its figures not copied). */
char *kam_dataset_lists_to_data (KamDataset *dataset);
/* Figures from..to as lines of PostgreSQL's COPY text format: country, year,
 * indicator, the members' codes of KAM_MAX_DIMENSIONS dimensions (\N past the
 * dataset's), value (\N unknown), qualifier, source, note. */
void kam_dataset_snapshot_append_copy_rows (KamDatasetSnapshot *self, guint from, guint to, GString *out);

/* A text as a field of PostgreSQL's COPY text format: \N for NULL; a
 * backslash, tab, line feed and carriage return escaped. */
void kam_copy_append_text (GString *out, const char *text);

/* A text as a JSON string ("null" for NULL), as the file writes it. */
void kam_json_append_string (GString *out, const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KamDatasetSnapshot, kam_dataset_snapshot_free)

/* Writes atomically (a temporary file in the same folder, then a rename),
 * keeping the previous version as FILE~ when make_backup is set. Does not mark
 * the dataset saved: the caller does, once it knows where the document lives. */
gboolean kam_dataset_save_file (KamDataset *dataset, GFile *file, gboolean make_backup,
                                GError **error);

G_END_DECLS
