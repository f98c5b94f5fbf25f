/* kam-drafts.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <signal.h>
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

gboolean
kam_draft_save (const char *id, KamDataset *dataset, GFile *file, GError **error)
{
  g_autofree char *dir = drafts_dir ();
  g_autofree char *data_path = draft_path (id, ".kamlang");
  g_autofree char *info_path = draft_path (id, ".ini");
  g_autofree char *data = NULL;
  g_autofree char *info_text = NULL;
  g_autoptr (GKeyFile) info = g_key_file_new ();
  gsize length;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create the drafts folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }
  data = kam_dataset_to_data (dataset, &length);
  if (!kam_file_write (data_path, data, length, KAM_WRITE_PRIVATE, error))
    return FALSE;
  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_key_file_set_string (info, "Draft", "File", uri);
    }
  if (kam_dataset_get_title (dataset) != NULL)
    g_key_file_set_string (info, "Draft", "Title", kam_dataset_get_title (dataset));
  g_key_file_set_int64 (info, "Draft", "Process", getpid ());
  g_key_file_set_int64 (info, "Draft", "Saved", g_get_real_time () / G_USEC_PER_SEC);
  info_text = g_key_file_to_data (info, &length, NULL);
  return kam_file_write (info_path, info_text, length, KAM_WRITE_PRIVATE, error);
}

void
kam_draft_delete (const char *id)
{
  g_autofree char *data_path = draft_path (id, ".kamlang");
  g_autofree char *info_path = draft_path (id, ".ini");

  g_unlink (data_path);
  g_unlink (info_path);
}

static gboolean
process_running (gint64 pid)
{
  return pid > 0 && (kill ((pid_t) pid, 0) == 0 || errno == EPERM);
}

static int
newest_first (gconstpointer a, gconstpointer b)
{
  const KamDraftInfo *x = *(KamDraftInfo **) a, *y = *(KamDraftInfo **) b;
  return x->saved_at > y->saved_at ? -1 : x->saved_at < y->saved_at;
}

GPtrArray *
kam_drafts_find_orphans (void)
{
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) kam_draft_info_free);
  g_autofree char *dir_path = drafts_dir ();
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr (GKeyFile) info = g_key_file_new ();
      g_autofree char *path = NULL;
      g_autofree char *data_path = NULL;
      g_autofree char *id = NULL;
      KamDraftInfo *draft;

      if (!g_str_has_suffix (name, ".ini"))
        continue;
      id = g_strndup (name, strlen (name) - 4);
      path = g_build_filename (dir_path, name, NULL);
      data_path = draft_path (id, ".kamlang");
      if (!g_key_file_load_from_file (info, path, G_KEY_FILE_NONE, NULL)
          || !g_file_test (data_path, G_FILE_TEST_IS_REGULAR)
          || process_running (g_key_file_get_int64 (info, "Draft", "Process", NULL)))
        continue;
      draft = g_new0 (KamDraftInfo, 1);
      draft->id = g_steal_pointer (&id);
      draft->file_uri = g_key_file_get_string (info, "Draft", "File", NULL);
      draft->title = g_key_file_get_string (info, "Draft", "Title", NULL);
      draft->saved_at = g_key_file_get_int64 (info, "Draft", "Saved", NULL);
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
  KamDataset *dataset = kam_dataset_load_file (data_file, NULL, error);
  g_autofree char *uri = NULL;

  if (dataset == NULL)
    return NULL;
  if (g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL))
    uri = g_key_file_get_string (info, "Draft", "File", NULL);
  if (file != NULL)
    *file = uri != NULL ? g_file_new_for_uri (uri) : NULL;
  kam_dataset_mark_unsaved (dataset);
  return dataset;
}
