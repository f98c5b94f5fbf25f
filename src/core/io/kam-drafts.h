/* kam-drafts.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kam-dataset.h"

G_BEGIN_DECLS

/* Drafts keep unsaved work under the user data folder (kamlang/drafts/), one
 * set of files per document: ID.kamlang with the data, ID.ini with the file it
 * belongs to, and ID.lock, locked by the process that writes the draft for as
 * long as it runs. A draft whose lock is free was left by a crash. */

typedef struct
{
  char *id;
  char *file_uri; /* the document's file, or NULL for a new document */
  char *title;
  gint64 saved_at; /* unix time of the draft */
  gboolean details_lost; /* its .ini was missing or broken: file and title unknown */
} KamDraftInfo;

void kam_draft_info_free (KamDraftInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KamDraftInfo, kam_draft_info_free)

char *kam_draft_new_id (void);
gboolean kam_draft_save (const char *id, KamDataset *dataset, GFile *file, GError **error);
/* The writing part of kam_draft_save(), safe in any thread. */
gboolean kam_draft_write (const char *id, const char *data, gsize length, const char *file_uri,
                          const char *title, GError **error);
void kam_draft_delete (const char *id);
/* Drafts whose writing process is no longer running, newest first. */
GPtrArray *kam_drafts_find_orphans (void);
/* Loads a draft as an unsaved document; *file is the file it belongs to. A
 * draft that cannot be loaded is removed, and the error says so. */
KamDataset *kam_draft_load (const char *id, GFile **file, GError **error);

G_END_DECLS
