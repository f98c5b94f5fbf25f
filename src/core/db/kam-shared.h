/* kam-shared.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kam-dataset.h"

G_BEGIN_DECLS

/* A dataset opened from a server (kam-db.h) and kept in step with it: it
 * knows, for every figure and item, its row on the server and the version
 * it read, so that a save sends only what changed here, in one
 * transaction, and changes nothing when someone else changed the same
 * figure or item since (a conflict, for the user to settle); and it takes
 * others' saves, exactly those it has not seen (by the server's snapshots,
 * not by numbers that a later commit may have taken lower). The calls wait
 * for the server: run them off the main thread. */

typedef struct _KamShared KamShared;

typedef enum
{
  KAM_CONFLICT_CHANGED, /* someone else changed it since it was read */
  KAM_CONFLICT_DELETED, /* someone else deleted it */
  KAM_CONFLICT_ADDED,   /* someone else added the same figure */
} KamConflictKind;

typedef struct
{
  KamConflictKind kind;
  guint figure;         /* the figure here (its id in the dataset), or 0 for an item */
  char *item_kind;      /* an item's list ("countries" …) and key, or NULL */
  char *item_key;
  char *theirs;         /* their row or item as JSON, NULL when they deleted it */
  gint64 their_version; /* 0 when deleted */
  char *who;            /* the role that last changed it, and when (ISO 8601) */
  char *when;
} KamConflict;

void kam_conflict_free (KamConflict *conflict);

KamShared *kam_shared_ref (KamShared *self);
KamShared *kam_shared_open (const char *address, GError **error);
/* With a password (NULL: none, or libpq's own: PGPASSFILE, the address's);
 * KAM_ERROR_PASSWORD when the server asks for one, or another. */
KamShared *kam_shared_open_with_password (const char *address, const char *password, GError **error);
void kam_shared_free (KamShared *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KamShared, kam_shared_free)

KamDataset *kam_shared_get_dataset (KamShared *self);
/* Whether the connection for saves and updates is up (after a call fails:
 * whether the server went away, rather than refused). */
gboolean kam_shared_get_connected (KamShared *self);
/* What the server lets this role change, in words (NULL: everything); the
 * dataset refuses the rest (kam_dataset_set_limits()). */
const char *kam_shared_get_limits_text (KamShared *self);
/* Whether the role may change nothing (a reader). */
gboolean kam_shared_get_read_only (KamShared *self);
const char *kam_shared_get_address (KamShared *self);

/* How many figures and items differ from what the server had when last
 * read or saved. */
guint kam_shared_count_changes (KamShared *self);

/* Sends every change in one transaction, with its description (kept in the
 * history). FALSE and nothing changed on the server when a change meets
 * someone else's (*conflicts, each to settle with kam_shared_keep_mine() or
 * kam_shared_take_theirs()) or the server refuses (error). */
gboolean kam_shared_save (KamShared *self, const char *description, GPtrArray **conflicts, GError **error);

/* Settles a conflict: the next save overwrites theirs with this one's; or
 * theirs is taken here (not a step to undo). */
void kam_shared_keep_mine (KamShared *self, const KamConflict *conflict);
gboolean kam_shared_take_theirs (KamShared *self, const KamConflict *conflict, GError **error);

/* Takes the changes others saved since the last read or update, those of
 * figures this one has not changed (its own stay on top); *n_changed
 * (optional): how many figures changed here. */
gboolean kam_shared_update (KamShared *self, guint *n_changed, GError **error);

/* The same calls in phases, for a window: what to save is taken from the
 * dataset in its thread (prepare), sent in another (send: only the server
 * is touched), and the dataset told in its thread again (finish: the
 * conflicts, or NULL when saved; edits made meanwhile stay unsaved). */
typedef struct _KamSharedSave KamSharedSave;

KamSharedSave *kam_shared_save_prepare (KamShared *self, const char *description);
guint kam_shared_save_get_n_changes (KamSharedSave *save);
gboolean kam_shared_save_send (KamShared *self, KamSharedSave *save, GError **error);
GPtrArray *kam_shared_save_finish (KamShared *self, KamSharedSave *save);
void kam_shared_save_free (KamSharedSave *save);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KamSharedSave, kam_shared_save_free)

/* Others' changes since the snapshot `since` (kam_shared_get_snapshot(),
 * copied in the dataset's thread), read in another thread; applied in the
 * dataset's: how many figures changed here, and the first of them. */
typedef struct _KamSharedUpdate KamSharedUpdate;

const char *kam_shared_get_snapshot (KamShared *self);
KamSharedUpdate *kam_shared_update_fetch (KamShared *self, const char *since, GError **error);
/* The role that made the last of the changes. */
const char *kam_shared_update_get_who (KamSharedUpdate *update);
guint kam_shared_update_apply (KamShared *self, KamSharedUpdate *update, guint *first_changed);
void kam_shared_update_free (KamSharedUpdate *update);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KamSharedUpdate, kam_shared_update_free)

/* Listening for others' saves, on a connection of its own (for the main
 * loop to watch while saves and updates run in a thread): the socket to
 * watch (-1 when not connected), and whether a save was heard since the last
 * call (reading what came on the socket; a lost connection is made again,
 * and then says TRUE: what was missed meanwhile is for an update to take). */
gboolean kam_shared_listen (KamShared *self, GError **error);
int kam_shared_get_listen_socket (KamShared *self);
gboolean kam_shared_heard (KamShared *self);

/* The server's history, newest first, at most limit lines (0: all) as
 * kam_db_print_history() prints them, but for a figure's fields (what: its
 * country, year, indicator, m1 … m8 and source between \x1f); figure: "COUNTRY[,YEAR[,INDICATOR]]"
 * or NULL. On a connection of its own: any thread. */
GPtrArray *kam_shared_read_history (KamShared *self, const char *figure, guint limit, GError **error);

/* A copy of the shared dataset kept here (in the user's cache folder, or
 * folder), for opening while the server is away: the dataset with its
 * unsaved edits, and where each figure and item is on the server, so that
 * what is saved later meets others' changes as ever. Written in two phases
 * (prepare in the dataset's thread, write in any). */
typedef struct _KamSharedCache KamSharedCache;

char *kam_shared_cache_path (const char *address, const char *folder, const char *extension);
KamSharedCache *kam_shared_cache_prepare (KamShared *self);
gboolean kam_shared_cache_write (KamSharedCache *cache, const char *folder, GError **error);
void kam_shared_cache_free (KamSharedCache *cache);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KamSharedCache, kam_shared_cache_free)
gboolean kam_shared_write_cache (KamShared *self, const char *folder, GError **error);
/* The copy, opened without the server (kam_shared_get_connected() FALSE):
 * saves and updates connect once it answers. */
KamShared *kam_shared_open_cache (const char *address, const char *password, const char *folder, GError **error);

G_END_DECLS
