/* kam-document.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The main thread owns the dataset; threads only ever see text taken from it
 * (a save, a draft) or a dataset that no one else has yet (a load). */

#include <glib/gi18n-lib.h>
#include "kam-dataset-json.h"
#include "kam-dataset-private.h"
#include "kam-document.h"
#include "kam-drafts.h"
#include "kam-file.h"

struct _KamDocument
{
  GObject parent_instance;

  KamDataset *dataset;
  GFile *file;
  char *display_name;
  char *draft_id;
  KamFileStamp stamp; /* the file as last read or written here */
  gboolean stamped;   /* whether stamp is known (not for a file that could not be read) */
  guint watch_serial; /* a stamp taken after a change on disk is for the latest one only */
  GFileMonitor *monitor;
  gboolean changed_on_disk;
  gboolean busy;

  guint draft_delay;
  guint draft_timeout;
  gboolean draft_writing;
  gboolean draft_again;   /* changed while a draft was being written */
  gboolean draft_discard; /* discarded while a draft was being written */
  gboolean no_drafts;     /* kam_document_set_keep_drafts (FALSE) */
};

G_DEFINE_FINAL_TYPE (KamDocument, kam_document, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_DATASET,
  PROP_FILE,
  PROP_DRAFT_ID,
  PROP_MODIFIED,
  PROP_DISPLAY_NAME,
  PROP_CHANGED_ON_DISK,
  PROP_BUSY,
  N_PROPS
};

enum
{
  DRAFT_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_changed_on_disk (KamDocument *self, gboolean changed)
{
  if (self->changed_on_disk == changed)
    return;
  self->changed_on_disk = changed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGED_ON_DISK]);
}

static void
set_busy (KamDocument *self, gboolean busy)
{
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* ---- watching the file ------------------------------------------------------ */

static void
stamp_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  KamFileStamp *stamp = g_new0 (KamFileStamp, 1);

  /* the bytes read and hashed here, not on the window's thread */
  if (kam_file_stamp_now (task_data, stamp, NULL))
    g_task_return_pointer (task, stamp, g_free);
  else
    {
      g_free (stamp);
      g_task_return_pointer (task, NULL, NULL);
    }
}

static void
stamp_taken (GObject *source, GAsyncResult *result, gpointer data)
{
  KamDocument *self = KAM_DOCUMENT (source);
  g_autofree KamFileStamp *now = g_task_propagate_pointer (G_TASK (result), NULL);

  /* a later change, or a save of ours, has its own look */
  if (GPOINTER_TO_UINT (data) != self->watch_serial || self->busy)
    return;
  if (now == NULL || !self->stamped || !kam_file_stamp_equal (now, &self->stamp))
    set_changed_on_disk (self, TRUE);
}

static void
file_changed (GFileMonitor *monitor, GFile *file, GFile *other, GFileMonitorEvent event,
              KamDocument *self)
{
  g_autoptr (GTask) task = NULL;

  if (event == G_FILE_MONITOR_EVENT_CHANGED || event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED
      || event == G_FILE_MONITOR_EVENT_PRE_UNMOUNT || self->busy)
    return; /* wait for the end of a write; our own saves are not news */
  /* the file's bytes are read and hashed in a thread */
  task = g_task_new (self, NULL, stamp_taken, GUINT_TO_POINTER (++self->watch_serial));
  g_task_set_task_data (task, g_object_ref (self->file), g_object_unref);
  g_task_run_in_thread (task, stamp_thread);
}

static void
unwatch_file (KamDocument *self)
{
  if (self->monitor == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
}

static void
watch_file (KamDocument *self)
{
  unwatch_file (self);
  if (self->file == NULL || !g_file_is_native (self->file))
    return;
  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect (self->monitor, "changed", G_CALLBACK (file_changed), self);
}

/* stamp: (nullable) what the file is, as read or written here */
static void
set_file (KamDocument *self, GFile *file, const KamFileStamp *stamp)
{
  self->watch_serial++;
  self->stamped = stamp != NULL;
  if (stamp != NULL)
    self->stamp = *stamp;
  if (file != self->file && (file == NULL || self->file == NULL || !g_file_equal (file, self->file)))
    {
      g_set_object (&self->file, file);
      g_free (self->display_name);
      self->display_name = file != NULL ? g_file_get_basename (file) : NULL;
      watch_file (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
    }
  set_changed_on_disk (self, FALSE);
}

/* ---- drafts ----------------------------------------------------------------- */

static void
draft_written (GObject *source, GAsyncResult *result, gpointer data)
{
  KamDocument *self = KAM_DOCUMENT (source);
  g_autoptr (GError) error = NULL;

  self->draft_writing = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error) && !self->draft_discard)
    {
      g_autofree char *text = g_strdup_printf (_("Unsaved changes could not be kept as a draft: %s"),
                                               error->message);
      g_signal_emit (self, signals[DRAFT_FAILED], 0, text);
    }
  if (self->draft_discard)
    {
      self->draft_discard = FALSE;
      kam_draft_delete (self->draft_id);
    }
  else if (self->draft_again)
    {
      self->draft_again = FALSE;
      kam_document_write_draft (self);
    }
}

typedef struct
{
  char *id, *uri, *title;
  KamDatasetSnapshot *snapshot;
} DraftData;

static void
draft_data_free (DraftData *d)
{
  g_free (d->id);
  kam_dataset_snapshot_free (d->snapshot);
  g_free (d->uri);
  g_free (d->title);
  g_free (d);
}

static void
write_draft_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  DraftData *d = task_data;
  GError *error = NULL;
  gsize length;
  g_autofree char *data = kam_dataset_snapshot_to_data (d->snapshot, &length);

  if (kam_draft_write (d->id, data, length, d->uri, d->title, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
kam_document_write_draft (KamDocument *self)
{
  g_autoptr (GTask) task = NULL;
  DraftData *d;

  g_return_if_fail (KAM_IS_DOCUMENT (self));
  g_clear_handle_id (&self->draft_timeout, g_source_remove);
  if (!kam_dataset_get_modified (self->dataset) || self->no_drafts)
    return;
  if (self->draft_writing)
    {
      self->draft_again = TRUE;
      return;
    }
  d = g_new0 (DraftData, 1);
  d->id = g_strdup (self->draft_id);
  d->snapshot = kam_dataset_snapshot_new (self->dataset);
  d->uri = self->file != NULL ? g_file_get_uri (self->file) : NULL;
  d->title = g_strdup (kam_dataset_get_title (self->dataset));
  self->draft_writing = TRUE;
  self->draft_discard = FALSE;
  task = g_task_new (self, NULL, draft_written, NULL);
  g_task_set_source_tag (task, kam_document_write_draft);
  g_task_set_task_data (task, d, (GDestroyNotify) draft_data_free);
  g_task_run_in_thread (task, write_draft_thread);
}

static gboolean
draft_timeout (gpointer data)
{
  KamDocument *self = data;

  self->draft_timeout = 0;
  kam_document_write_draft (self);
  return G_SOURCE_REMOVE;
}

gboolean
kam_document_get_draft_pending (KamDocument *self)
{
  g_return_val_if_fail (KAM_IS_DOCUMENT (self), FALSE);
  return self->draft_writing || self->draft_timeout != 0;
}

void
kam_document_discard_draft (KamDocument *self)
{
  g_return_if_fail (KAM_IS_DOCUMENT (self));
  g_clear_handle_id (&self->draft_timeout, g_source_remove);
  self->draft_again = FALSE;
  if (self->draft_writing)
    self->draft_discard = TRUE;
  else
    kam_draft_delete (self->draft_id);
}

void
kam_document_adopt_draft (KamDocument *self, const char *old_id)
{
  g_return_if_fail (KAM_IS_DOCUMENT (self));
  if (g_strcmp0 (old_id, self->draft_id) != 0)
    kam_draft_delete (old_id);
  kam_document_write_draft (self);
}

static void
dataset_changed (KamDocument *self)
{
  g_clear_handle_id (&self->draft_timeout, g_source_remove);
  if (self->no_drafts)
    return;
  if (kam_dataset_get_modified (self->dataset))
    self->draft_timeout = g_timeout_add (self->draft_delay, draft_timeout, self);
  else
    kam_document_discard_draft (self);
}

static void
modified_changed (KamDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* ---- loading ------------------------------------------------------------------ */

typedef struct
{
  GFile *file;
  KamLoadControl control;
  KamProgressFunc progress;
  gpointer progress_data;
  int told;
  GSource *timer;
  KamFileStamp stamp;
  gboolean stamped;
} LoadData;

static void
stop_telling_progress (LoadData *d)
{
  if (d->timer == NULL)
    return;
  g_source_destroy (d->timer);
  g_clear_pointer (&d->timer, g_source_unref);
}

static void
load_data_free (LoadData *d)
{
  g_clear_object (&d->file);
  g_clear_object (&d->control.cancellable);
  stop_telling_progress (d);
  g_free (d);
}

/* In a thread: the file's dataset, as saved, and its stamp (of the very
 * bytes read). */
static KamDataset *
read_file (GFile *file, KamLoadControl *control, KamFileStamp *stamp, GError **error)
{
  KamDataset *dataset;

  dataset = kam_dataset_load_file_stamped (file, control, stamp, NULL, error);
  if (dataset != NULL)
    kam_dataset_mark_saved (dataset);
  return dataset;
}

/* ---- reading ahead -------------------------------------------------------------- */

/* A file named on the command line is read from the start of the process,
 * while GTK starts and the window is built; the load that asks for it then
 * takes what was read (or waits for the rest) instead of reading it again. */
typedef struct
{
  GFile *file;
  KamFileStamp stamp;
  KamLoadControl control; /* its own cancellable: cancelled when the load that took it is */
  KamDataset *dataset;
  GError *error;
  gboolean done; /* under read_ahead_lock */
} ReadAhead;

static GMutex read_ahead_lock;
static GCond read_ahead_cond;
static ReadAhead *read_ahead; /* (nullable) the one not taken yet */

static void
read_ahead_clear (ReadAhead *r)
{
  g_clear_object (&r->file);
  g_clear_object (&r->control.cancellable);
  g_clear_object (&r->dataset);
  g_clear_error (&r->error);
}

static void
read_ahead_unref (ReadAhead *r)
{
  g_atomic_rc_box_release_full (r, (GDestroyNotify) read_ahead_clear);
}

static gpointer
read_ahead_thread (gpointer data)
{
  ReadAhead *r = data;
  KamFileStamp stamp = { 0 };
  GError *error = NULL;
  KamDataset *dataset = read_file (r->file, &r->control, &stamp, &error);

  g_mutex_lock (&read_ahead_lock);
  r->stamp = stamp;
  r->dataset = dataset;
  r->error = error;
  r->done = TRUE;
  g_cond_broadcast (&read_ahead_cond);
  g_mutex_unlock (&read_ahead_lock);
  read_ahead_unref (r);
  return NULL;
}

/**
 * kam_document_read_ahead:
 *
 * Starts reading @file in a thread, for a kam_document_load_async() of the
 * same file soon after. One file at a time: a file read ahead and not asked
 * for is dropped when another is read ahead.
 */
void
kam_document_read_ahead (GFile *file)
{
  ReadAhead *r = g_atomic_rc_box_new0 (ReadAhead);
  ReadAhead *old;

  g_return_if_fail (G_IS_FILE (file));
  r->file = g_object_ref (file);
  r->control.cancellable = g_cancellable_new ();
  g_mutex_lock (&read_ahead_lock);
  old = g_steal_pointer (&read_ahead);
  read_ahead = g_atomic_rc_box_acquire (r);
  g_mutex_unlock (&read_ahead_lock);
  if (old != NULL)
    {
      g_cancellable_cancel (old->control.cancellable);
      read_ahead_unref (old);
    }
  g_thread_unref (g_thread_new ("kam-read-ahead", read_ahead_thread, r));
}

/* Whether the file read ahead (if any) has been read; for tests. */
gboolean
_kam_document_read_ahead_done (void)
{
  gboolean done;

  g_mutex_lock (&read_ahead_lock);
  done = read_ahead == NULL || read_ahead->done;
  g_mutex_unlock (&read_ahead_lock);
  return done;
}

/* The dataset read ahead for @file, waited for (with @control: its progress
 * told meanwhile, and given up when cancelled), or FALSE when none was. */
static gboolean
take_read_ahead (GFile *file, KamLoadControl *control, KamFileStamp *stamp, KamDataset **dataset, GError **error)
{
  ReadAhead *r = NULL;
  gboolean cancelled = FALSE;

  g_mutex_lock (&read_ahead_lock);
  if (read_ahead != NULL && g_file_equal (read_ahead->file, file))
    r = g_steal_pointer (&read_ahead);
  while (r != NULL && !r->done
         && !(cancelled = control != NULL && g_cancellable_is_cancelled (control->cancellable)))
    {
      if (control != NULL)
        g_atomic_int_set (&control->permille, g_atomic_int_get (&r->control.permille));
      g_cond_wait_until (&read_ahead_cond, &read_ahead_lock, g_get_monotonic_time () + 20 * G_TIME_SPAN_MILLISECOND);
    }
  g_mutex_unlock (&read_ahead_lock);
  if (r == NULL)
    return FALSE;
  if (cancelled)
    {
      g_cancellable_cancel (r->control.cancellable);
      g_cancellable_set_error_if_cancelled (control->cancellable, error);
    }
  else
    {
      if (stamp != NULL)
        *stamp = r->stamp;
      *dataset = g_steal_pointer (&r->dataset);
      if (r->error != NULL)
        g_propagate_error (error, g_steal_pointer (&r->error));
    }
  read_ahead_unref (r);
  return TRUE;
}

/**
 * kam_document_take_read_ahead:
 * @dataset: (out) (transfer full) (nullable): the dataset read, or %NULL on error
 *
 * For a file read at once on the main thread (the bundled dataset): what was
 * read ahead of it, waited for.
 *
 * Returns: whether @file was being read ahead; when FALSE, nothing is set
 */
gboolean
kam_document_take_read_ahead (GFile *file, KamDataset **dataset, GError **error)
{
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (dataset != NULL, FALSE);
  *dataset = NULL;
  return take_read_ahead (file, NULL, NULL, dataset, error);
}

static void
load_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  LoadData *d = task_data;
  GError *error = NULL;
  KamDataset *dataset = NULL;

  if (!take_read_ahead (d->file, &d->control, &d->stamp, &dataset, &error))
    dataset = read_file (d->file, &d->control, &d->stamp, &error);
  if (dataset == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, dataset, g_object_unref);
}

static gboolean
tell_progress (gpointer data)
{
  LoadData *d = data;
  int now = g_atomic_int_get (&d->control.permille);

  if (now != d->told)
    {
      d->told = now;
      d->progress (now / 1000.0, d->progress_data);
    }
  return G_SOURCE_CONTINUE;
}

/**
 * kam_document_load_async:
 * @progress: (nullable) (scope notified): told how far the reading has come
 *
 * Reads @file into a new document in a thread.
 */
void
kam_document_load_async (GFile *file, GCancellable *cancellable, KamProgressFunc progress,
                         gpointer progress_data, GAsyncReadyCallback callback, gpointer data)
{
  g_autoptr (GTask) task = NULL;
  LoadData *d;

  g_return_if_fail (G_IS_FILE (file));
  d = g_new0 (LoadData, 1);
  d->file = g_object_ref (file);
  d->control.cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  d->progress = progress;
  d->progress_data = progress_data;
  d->told = -1;
  task = g_task_new (NULL, cancellable, callback, data);
  g_task_set_source_tag (task, kam_document_load_async);
  g_task_set_task_data (task, d, (GDestroyNotify) load_data_free);
  /* the result of a cancelled load is dropped, whatever the thread made */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_check_cancellable (task, TRUE);
  if (progress != NULL)
    {
      d->timer = g_timeout_source_new (50);
      g_source_set_callback (d->timer, tell_progress, d, NULL);
      g_source_attach (d->timer, g_task_get_context (task));
    }
  g_task_run_in_thread (task, load_thread);
}

/**
 * kam_document_load_finish:
 *
 * Returns: (transfer full) (nullable): the new document
 */
KamDocument *
kam_document_load_finish (GAsyncResult *result, GError **error)
{
  LoadData *d;
  g_autoptr (KamDataset) dataset = NULL;
  KamDocument *self;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  d = g_task_get_task_data (G_TASK (result));
  stop_telling_progress (d);
  dataset = g_task_propagate_pointer (G_TASK (result), error);
  if (dataset == NULL)
    return NULL;
  self = kam_document_new (dataset, NULL);
  set_file (self, d->file, &d->stamp);
  return self;
}

/* ---- saving ------------------------------------------------------------------ */

typedef struct
{
  GFile *file;
  KamDatasetSnapshot *snapshot; /* the text is made in the thread */
  guint64 state;
  gboolean check;
  gboolean unchanged; /* no edits since the file was read or saved: nothing to write */
  KamFileStamp expected;
  KamFileStamp written;
} SaveData;

static void
save_data_free (SaveData *d)
{
  g_clear_object (&d->file);
  kam_dataset_snapshot_free (d->snapshot);
  g_free (d);
}

static void
save_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  SaveData *d = task_data;
  GError *error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *path = g_file_get_path (d->file);
  g_autoptr (KamFileLock) lock = NULL;
  gsize length;

  /* one writer at a time: the check and the write under the file's lock */
  if (path != NULL && (lock = kam_file_lock (path, KAM_FILE_LOCK_TIMEOUT_MS, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (d->check)
    {
      KamFileStamp now;

      if (!kam_file_stamp_now (d->file, &now, &error))
        {
          g_task_return_error (task, error);
          return;
        }
      if (!kam_file_stamp_equal (&now, &d->expected))
        {
          g_autofree char *name = kam_file_display_name (d->file);
          g_task_return_new_error (task, KAM_ERROR, KAM_ERROR_CHANGED_ON_DISK,
                                   _("%s was changed by another program since it was opened here"),
                                   name);
          return;
        }
      if (d->unchanged)
        {
          /* the file already holds this very version: leave it and FILE~ be */
          d->written = d->expected;
          g_task_return_boolean (task, TRUE);
          return;
        }
    }
  data = kam_dataset_snapshot_to_data (d->snapshot, &length);
  if (!kam_file_write_checked (d->file, data, length, KAM_WRITE_BACKUP, lock, NULL, &d->written, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
save_written (GObject *source, GAsyncResult *result, gpointer data)
{
  KamDocument *self = KAM_DOCUMENT (source);
  g_autoptr (GTask) task = data;
  SaveData *d = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  set_busy (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, KAM_ERROR, KAM_ERROR_CHANGED_ON_DISK))
        set_changed_on_disk (self, TRUE);
      else
        kam_document_write_draft (self); /* the work is kept somewhere all the same */
      g_task_return_error (task, error);
      return;
    }
  set_file (self, d->file, &d->written);
  /* what is in the file now is the version Kamlang writes */
  _kam_dataset_set_format_version (self->dataset, KAM_FORMAT_VERSION);
  kam_dataset_mark_saved_state (self->dataset, d->state);
  if (!kam_dataset_get_modified (self->dataset))
    kam_document_discard_draft (self);
  g_task_return_boolean (task, TRUE);
}

void
kam_document_save_async (KamDocument *self, GFile *file, KamDocumentSaveFlags flags,
                         GCancellable *cancellable, GAsyncReadyCallback callback, gpointer data)
{
  GTask *task;
  g_autoptr (GTask) thread_task = NULL;
  SaveData *d;

  g_return_if_fail (KAM_IS_DOCUMENT (self));
  g_return_if_fail (file != NULL || self->file != NULL);
  task = g_task_new (self, cancellable, callback, data);
  g_task_set_source_tag (task, kam_document_save_async);
  if (self->busy)
    {
      g_task_return_new_error (task, KAM_ERROR, KAM_ERROR_BUSY, _("The dataset is being saved"));
      g_object_unref (task);
      return;
    }
  if (file == NULL)
    file = self->file;
  d = g_new0 (SaveData, 1);
  d->file = g_object_ref (file);
  d->snapshot = kam_dataset_snapshot_new (self->dataset);
  d->state = kam_dataset_get_state (self->dataset);
  d->check = !(flags & KAM_DOCUMENT_SAVE_OVERWRITE) && self->file != NULL && self->stamped
             && g_file_equal (file, self->file);
  d->expected = self->stamp;
  /* a version 1 file saved over itself is upgraded: that is a change */
  d->unchanged = d->check && !kam_dataset_get_modified (self->dataset)
                 && kam_dataset_get_format_version (self->dataset) == KAM_FORMAT_VERSION;
  set_busy (self, TRUE);
  thread_task = g_task_new (self, NULL, save_written, task);
  g_task_set_task_data (thread_task, d, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (thread_task, save_thread);
}

gboolean
kam_document_save_finish (KamDocument *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- the object ----------------------------------------------------------------- */

KamDataset *
kam_document_get_dataset (KamDocument *self)
{
  g_return_val_if_fail (KAM_IS_DOCUMENT (self), NULL);
  return self->dataset;
}

GFile *
kam_document_get_file (KamDocument *self)
{
  g_return_val_if_fail (KAM_IS_DOCUMENT (self), NULL);
  return self->file;
}

const char *
kam_document_get_draft_id (KamDocument *self)
{
  g_return_val_if_fail (KAM_IS_DOCUMENT (self), NULL);
  return self->draft_id;
}

gboolean
kam_document_get_modified (KamDocument *self)
{
  g_return_val_if_fail (KAM_IS_DOCUMENT (self), FALSE);
  return kam_dataset_get_modified (self->dataset);
}

/* The file's name, or “Unsaved dataset”. */
void
kam_document_set_display_name (KamDocument *self, const char *name)
{
  g_return_if_fail (KAM_IS_DOCUMENT (self));
  g_return_if_fail (self->file == NULL);
  g_free (self->display_name);
  self->display_name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
}

const char *
kam_document_get_display_name (KamDocument *self)
{
  g_return_val_if_fail (KAM_IS_DOCUMENT (self), NULL);
  return self->display_name != NULL ? self->display_name : _("Unsaved dataset");
}

gboolean
kam_document_get_changed_on_disk (KamDocument *self)
{
  g_return_val_if_fail (KAM_IS_DOCUMENT (self), FALSE);
  return self->changed_on_disk;
}

gboolean
kam_document_get_busy (KamDocument *self)
{
  g_return_val_if_fail (KAM_IS_DOCUMENT (self), FALSE);
  return self->busy;
}

void
kam_document_set_draft_delay (KamDocument *self, guint delay_ms)
{
  g_return_if_fail (KAM_IS_DOCUMENT (self));
  self->draft_delay = delay_ms;
}

/**
 * kam_document_set_keep_drafts:
 *
 * Whether unsaved edits are kept as a draft (TRUE, the default); a shared
 * dataset keeps its own copy instead.
 */
void
kam_document_set_keep_drafts (KamDocument *self, gboolean keep)
{
  g_return_if_fail (KAM_IS_DOCUMENT (self));
  self->no_drafts = !keep;
  if (!keep)
    {
      g_clear_handle_id (&self->draft_timeout, g_source_remove);
      kam_document_discard_draft (self);
    }
}

/**
 * kam_document_new:
 * @dataset: (nullable): the data; NULL for an empty dataset
 * @file: (nullable): where it lives; NULL for a new document
 */
KamDocument *
kam_document_new (KamDataset *dataset, GFile *file)
{
  KamDocument *self = g_object_new (KAM_TYPE_DOCUMENT, NULL);

  self->dataset = dataset != NULL ? g_object_ref (dataset) : kam_dataset_new ();
  g_signal_connect_swapped (self->dataset, "changed", G_CALLBACK (dataset_changed), self);
  g_signal_connect_swapped (self->dataset, "notify::modified", G_CALLBACK (modified_changed), self);
  if (file != NULL)
    {
      KamFileStamp stamp;

      set_file (self, file, kam_file_stamp_now (file, &stamp, NULL) ? &stamp : NULL);
    }
  return self;
}

static void
kam_document_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KamDocument *self = KAM_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_DRAFT_ID:
      g_value_set_string (value, self->draft_id);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, kam_document_get_modified (self));
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, kam_document_get_display_name (self));
      break;
    case PROP_CHANGED_ON_DISK:
      g_value_set_boolean (value, self->changed_on_disk);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kam_document_dispose (GObject *object)
{
  KamDocument *self = KAM_DOCUMENT (object);

  g_clear_handle_id (&self->draft_timeout, g_source_remove);
  if (self->dataset != NULL)
    g_signal_handlers_disconnect_by_data (self->dataset, self);
  unwatch_file (self);
  g_clear_object (&self->dataset);
  g_clear_object (&self->file);
  G_OBJECT_CLASS (kam_document_parent_class)->dispose (object);
}

static void
kam_document_finalize (GObject *object)
{
  KamDocument *self = KAM_DOCUMENT (object);

  g_free (self->display_name);
  g_free (self->draft_id);
  G_OBJECT_CLASS (kam_document_parent_class)->finalize (object);
}

static void
kam_document_class_init (KamDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->get_property = kam_document_get_property;
  object_class->dispose = kam_document_dispose;
  object_class->finalize = kam_document_finalize;

  properties[PROP_DATASET] = g_param_spec_object ("dataset", NULL, NULL, KAM_TYPE_DATASET, ro);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, ro);
  properties[PROP_DRAFT_ID] = g_param_spec_string ("draft-id", NULL, NULL, NULL, ro);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, ro);
  properties[PROP_DISPLAY_NAME] = g_param_spec_string ("display-name", NULL, NULL, NULL, ro);
  properties[PROP_CHANGED_ON_DISK] = g_param_spec_boolean ("changed-on-disk", NULL, NULL, FALSE, ro);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A draft could not be written: the message says why. */
  signals[DRAFT_FAILED] = g_signal_new ("draft-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
kam_document_init (KamDocument *self)
{
  self->draft_id = kam_draft_new_id ();
  self->draft_delay = KAM_DRAFT_DELAY_MS;
}
