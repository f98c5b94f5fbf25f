/* kam-drafts.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include "kam-dataset-json.h"
#include "kam-drafts.h"
#include "kam-file.h"

static char *
drafts_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "kamlang", "drafts", NULL);
}

static char *
draft_path (const char *id, const char *extension)
{
  g_autofree char *dir = drafts_dir ();
  g_autofree char *name = g_strconcat (id, extension, NULL);

  return g_build_filename (dir, name, NULL);
}

void
kam_draft_info_free (KamDraftInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->id);
  g_free (info->file_uri);
  g_free (info->title);
  g_free (info);
}

char *
kam_draft_new_id (void)
{
  return g_uuid_string_random ();
}

/* ---- who owns a draft ----------------------------------------------------------
 *
 * The process that writes a draft holds a lock (flock) on ID.lock for as long as
 * it runs; the kernel releases it when the process ends, however it ends. A
 * draft whose lock can be taken was left behind. A process id in the .ini could
 * be fooled by a reused pid; the lock cannot. */

static GHashTable *held_locks; /* id -> fd + 1 */
G_LOCK_DEFINE_STATIC (held_locks);

static gboolean
hold_lock (const char *id, GError **error)
{
  g_autofree char *lock_path = draft_path (id, ".lock");
  int fd;

  G_LOCK (held_locks);
  if (held_locks == NULL)
    held_locks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (g_hash_table_contains (held_locks, id))
    {
      G_UNLOCK (held_locks);
      return TRUE;
    }
  fd = open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0 || flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved_errno = errno;

      G_UNLOCK (held_locks);
      if (fd >= 0)
        close (fd);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not keep the draft “%s”: %s"), lock_path, g_strerror (saved_errno));
      return FALSE;
    }
  g_hash_table_insert (held_locks, g_strdup (id), GINT_TO_POINTER (fd + 1));
  G_UNLOCK (held_locks);
  return TRUE;
}

static void
release_lock (const char *id)
{
  gpointer key, fd;

  G_LOCK (held_locks);
  if (held_locks != NULL && g_hash_table_steal_extended (held_locks, id, &key, &fd))
    {
      close (GPOINTER_TO_INT (fd) - 1);
      g_free (key);
    }
  G_UNLOCK (held_locks);
}

/* Whether a running process (this one included) owns the draft. */
static gboolean
draft_is_live (const char *id)
{
  g_autofree char *lock_path = draft_path (id, ".lock");
  int fd = open (lock_path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  gboolean live;

  if (fd < 0)
    return FALSE;
  live = flock (fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  close (fd);
  return live;
}

/**
 * kam_draft_write:
 * @data: the dataset's text (kam_dataset_to_data())
 * @file_uri: (nullable): the document's file
 * @title: (nullable): the dataset's title
 *
 * Writes a draft from what was taken of the dataset: safe in any thread.
 */
gboolean
kam_draft_write (const char *id, const char *data, gsize length, const char *file_uri,
                 const char *title, GError **error)
{
  g_autofree char *dir = drafts_dir ();
  g_autofree char *data_path = draft_path (id, ".kamlang");
  g_autofree char *info_path = draft_path (id, ".ini");
  g_autofree char *info_text = NULL;
  g_autoptr (GKeyFile) info = g_key_file_new ();
  gsize info_length;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create the drafts folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }
  if (!hold_lock (id, error))
    return FALSE;
  if (!kam_file_write (data_path, data, length, KAM_WRITE_PRIVATE, error))
    return FALSE;
  if (file_uri != NULL)
    g_key_file_set_string (info, "Draft", "File", file_uri);
  if (title != NULL)
    g_key_file_set_string (info, "Draft", "Title", title);
  g_key_file_set_int64 (info, "Draft", "Saved", g_get_real_time () / G_USEC_PER_SEC);
  info_text = g_key_file_to_data (info, &info_length, NULL);
  return kam_file_write (info_path, info_text, info_length, KAM_WRITE_PRIVATE, error);
}

gboolean
kam_draft_save (const char *id, KamDataset *dataset, GFile *file, GError **error)
{
  g_autofree char *data = NULL;
  g_autofree char *uri = file != NULL ? g_file_get_uri (file) : NULL;
  gsize length;

  data = kam_dataset_to_data (dataset, &length);
  return kam_draft_write (id, data, length, uri, kam_dataset_get_title (dataset), error);
}

void
kam_draft_delete (const char *id)
{
  g_autofree char *data_path = draft_path (id, ".kamlang");
  g_autofree char *info_path = draft_path (id, ".ini");
  g_autofree char *lock_path = draft_path (id, ".lock");

  g_unlink (data_path);
  g_unlink (info_path);
  g_unlink (lock_path);
  release_lock (id);
}

static int
newest_first (gconstpointer a, gconstpointer b)
{
  const KamDraftInfo *x = *(KamDraftInfo **) a, *y = *(KamDraftInfo **) b;
  return x->saved_at > y->saved_at ? -1 : x->saved_at < y->saved_at;
}

static gboolean
valid_id (const char *id)
{
  return *id != '\0' && strspn (id, "0123456789abcdef-") == strlen (id);
}

/**
 * kam_drafts_find_orphans:
 *
 * Drafts left by a process that is gone, newest first. A draft whose .ini is
 * missing or broken is offered all the same, with what is known (its time);
 * a leftover .ini or lock without the draft's data holds nothing to restore
 * and is removed.
 *
 * Returns: (transfer full) (element-type KamDraftInfo): the drafts
 */
GPtrArray *
kam_drafts_find_orphans (void)
{
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) kam_draft_info_free);
  g_autofree char *dir_path = drafts_dir ();
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr (GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  const char *name;
  char *id;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      const char *dot = strrchr (name, '.');

      if (dot != NULL && (g_str_equal (dot, ".ini") || g_str_equal (dot, ".kamlang")
                          || g_str_equal (dot, ".lock")))
        {
          g_autofree char *candidate = g_strndup (name, dot - name);
          if (valid_id (candidate))
            g_hash_table_add (ids, g_steal_pointer (&candidate));
        }
    }

  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    {
      g_autoptr (GKeyFile) info = g_key_file_new ();
      g_autofree char *info_path = draft_path (id, ".ini");
      g_autofree char *data_path = draft_path (id, ".kamlang");
      GStatBuf st;
      KamDraftInfo *draft;

      if (draft_is_live (id))
        continue;
      if (g_stat (data_path, &st) != 0 || !S_ISREG (st.st_mode))
        {
          /* nothing left to restore */
          kam_draft_delete (id);
          continue;
        }
      draft = g_new0 (KamDraftInfo, 1);
      draft->id = g_strdup (id);
      draft->saved_at = st.st_mtime;
      if (g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL))
        {
          draft->file_uri = g_key_file_get_string (info, "Draft", "File", NULL);
          draft->title = g_key_file_get_string (info, "Draft", "Title", NULL);
          if (g_key_file_has_key (info, "Draft", "Saved", NULL))
            draft->saved_at = g_key_file_get_int64 (info, "Draft", "Saved", NULL);
        }
      else
        draft->details_lost = TRUE;
      g_ptr_array_add (found, draft);
    }
  g_ptr_array_sort (found, newest_first);
  return found;
}

KamDataset *
kam_draft_load (const char *id, GFile **file, GError **error)
{
  g_autofree char *data_path = draft_path (id, ".kamlang");
  g_autofree char *info_path = draft_path (id, ".ini");
  g_autoptr (GFile) data_file = g_file_new_for_path (data_path);
  g_autoptr (GKeyFile) info = g_key_file_new ();
  g_autoptr (GError) local = NULL;
  KamDataset *dataset = kam_dataset_load_file (data_file, NULL, &local);
  g_autofree char *uri = NULL;

  if (dataset == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local),
                                  _("The unsaved changes could not be restored and were removed: "));
      kam_draft_delete (id);
      return NULL;
    }
  if (g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL))
    uri = g_key_file_get_string (info, "Draft", "File", NULL);
  if (file != NULL)
    *file = uri != NULL ? g_file_new_for_uri (uri) : NULL;
  kam_dataset_mark_unsaved (dataset);
  return dataset;
}
