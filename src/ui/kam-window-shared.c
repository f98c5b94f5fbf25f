/* kam-window-shared.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A shared dataset in the window (kam-shared.h): Open Shared Dataset, the
 * password kept in the keyring (libsecret), Save with a description in one
 * transaction, the conflicts to settle, others' saves taken as they are
 * heard, and the state in the header bar (Connected, Saving…, Offline). The
 * network is used in threads, one call at a time; the dataset only here. */

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <json-glib/json-glib.h>
#include <libsecret/secret.h>
#include "kam-db.h"
#include "kam-number.h"
#include "kam-ui-util.h"
#include "kam-window-private.h"

#define RETRY_SECONDS 5
#define MAX_CONFLICT_ROWS 200 /* (more: their choice is Keep All Mine or Take All Theirs) */

static void request_update (KamWindow *self);
static void watch_server (KamWindow *self);
static void save_now (KamWindow *self, const char *description);
static void keep_copy (KamWindow *self);

/* ---- the keyring ----------------------------------------------------------------- */

static const SecretSchema *
password_schema (void)
{
  static const SecretSchema schema = {
    "io.github.kamlang.Kamlang.Server", SECRET_SCHEMA_NONE,
    {
      { "address", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

/* ---- the state shown ------------------------------------------------------------- */

static void
show_state (KamWindow *self, const char *state)
{
  gtk_label_set_text (self->shared_status, state);
  gtk_widget_set_visible (GTK_WIDGET (self->shared_status), state != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->shared_status), GTK_ACCESSIBLE_PROPERTY_LABEL, state, -1);
}

static void
show_connected (KamWindow *self)
{
  KamDataset *dataset = self->shared ? kam_shared_get_dataset (self->shared) : NULL;
  guint waiting = self->shared ? kam_shared_count_changes (self->shared) : 0;
  g_autofree char *offline = NULL;

  if (dataset == NULL)
    {
      show_state (self, NULL);
      return;
    }
  /* what the role may change, said by the state (the cells it may not
   * change take no typing) */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->shared_status), kam_shared_get_limits_text (self->shared));
  if (!self->shared_offline)
    {
      show_state (self, !kam_dataset_get_limited (dataset)      ? _("Connected")
                        : kam_shared_get_read_only (self->shared) ? _("Connected — read only")
                          : _("Connected — some changes only"));
      if (kam_shared_get_limits_text (self->shared) != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (self->shared_status), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                        kam_shared_get_limits_text (self->shared), -1);
      return;
    }
  offline = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Offline — %u change waiting", "Offline — %u changes waiting",
                                          waiting),
                             waiting);
  show_state (self, offline);
}

KamShared *
kam_window_get_shared (KamWindow *self)
{
  g_return_val_if_fail (KAM_IS_WINDOW (self), NULL);
  return self->shared;
}

static void remove_history_page (KamWindow *self);
static void add_history_page (KamWindow *self);
static void refresh_history (KamWindow *self);

void
_kam_window_forget_shared (KamWindow *self)
{
  /* the copy kept with the last edits, for opening while the server is away */
  if (self->shared != NULL)
    kam_shared_write_cache (self->shared, NULL, NULL);
  g_clear_handle_id (&self->copy_source, g_source_remove);
  if (self->shared != NULL && self->copy_handler != 0)
    g_signal_handler_disconnect (kam_shared_get_dataset (self->shared), self->copy_handler);
  self->copy_handler = 0;
  remove_history_page (self);
  g_clear_handle_id (&self->listen_source, g_source_remove);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  g_clear_pointer (&self->shared, kam_shared_free);
  g_clear_pointer (&self->shared_address, g_free);
  g_clear_pointer (&self->waiting_save, g_free);
  g_clear_pointer (&self->queued_save, g_free);
  self->shared_offline = FALSE;
  if (self->shared_status != NULL)
    show_state (self, NULL);
}

/* ---- the copy kept here ------------------------------------------------------------ */

static void
copy_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  g_task_return_boolean (task, kam_shared_cache_write (data, NULL, NULL));
}

/* Keeps the copy of the shared dataset, with its unsaved edits, in the
 * user's cache folder (written in a thread). */
static void
keep_copy (KamWindow *self)
{
  GTask *task;

  g_clear_handle_id (&self->copy_source, g_source_remove);
  if (self->shared == NULL)
    return;
  task = g_task_new (self, NULL, NULL, NULL);
  g_task_set_task_data (task, kam_shared_cache_prepare (self->shared), (GDestroyNotify) kam_shared_cache_free);
  g_task_run_in_thread (task, copy_thread);
  g_object_unref (task);
}

static gboolean
keep_copy_now (gpointer data)
{
  KamWindow *self = data;

  self->copy_source = 0;
  keep_copy (self);
  return G_SOURCE_REMOVE;
}

/* A moment after the last edit, as a file's draft. */
static void
keep_copy_later (KamWindow *self)
{
  g_clear_handle_id (&self->copy_source, g_source_remove);
  self->copy_source = g_timeout_add (KAM_DRAFT_DELAY_MS, keep_copy_now, self);
}

/* ---- opening ----------------------------------------------------------------------- */

typedef struct
{
  KamWindow *window;
  char *address, *password;
  gboolean store; /* a password typed: kept in the keyring once it works */
  GCancellable *cancellable;
} OpenJob;

static void
open_job_free (OpenJob *job)
{
  g_object_unref (job->window);
  g_free (job->address);
  if (job->password != NULL)
    memset (job->password, 0, strlen (job->password));
  g_free (job->password);
  g_object_unref (job->cancellable);
  g_free (job);
}

static void
open_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  OpenJob *job = data;
  GError *error = NULL;
  KamShared *shared, *copy;

  /* the copy kept here holds unsaved edits (the window closed, or Kamlang
   * stopped, before they were saved): it, brought up to date with what was
   * saved since; its edits wait for Save as ever */
  copy = kam_shared_open_cache (job->address, job->password, NULL, NULL);
  if (copy != NULL && kam_shared_count_changes (copy) > 0)
    {
      g_autoptr (GError) why = NULL;
      gboolean updated = kam_shared_update (copy, NULL, &why);

      /* the server asks for a password none was typed for: the keyring's */
      if (!updated && job->password == NULL && g_error_matches (why, KAM_ERROR, KAM_ERROR_PASSWORD))
        {
          job->password = secret_password_lookup_sync (password_schema (), cancellable, NULL, "address", job->address,
                                                       NULL);
          if (job->password != NULL)
            {
              KamShared *with_password = kam_shared_open_cache (job->address, job->password, NULL, NULL);

              if (with_password != NULL)
                {
                  kam_shared_free (copy);
                  copy = with_password;
                  updated = kam_shared_update (copy, NULL, NULL);
                }
            }
        }
      if (updated)
        kam_shared_listen (copy, NULL);
      g_task_return_pointer (task, copy, (GDestroyNotify) kam_shared_free);
      return;
    }
  g_clear_pointer (&copy, kam_shared_free);
  shared = kam_shared_open_with_password (job->address, job->password, &error);
  /* the server asks for a password none was typed for: the keyring's */
  if (shared == NULL && job->password == NULL && g_error_matches (error, KAM_ERROR, KAM_ERROR_PASSWORD))
    {
      job->password = secret_password_lookup_sync (password_schema (), cancellable, NULL, "address", job->address, NULL);
      if (job->password != NULL)
        {
          g_clear_error (&error);
          shared = kam_shared_open_with_password (job->address, job->password, &error);
        }
    }
  /* the server away: the copy kept here, if any */
  if (shared == NULL && g_error_matches (error, KAM_ERROR, KAM_ERROR_SERVER))
    {
      copy = kam_shared_open_cache (job->address, job->password, NULL, NULL);
      if (copy != NULL)
        {
          g_clear_error (&error);
          g_task_return_pointer (task, copy, (GDestroyNotify) kam_shared_free);
          return;
        }
    }
  if (shared == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  kam_shared_listen (shared, NULL);
  if (job->store && job->password != NULL)
    {
      g_autofree char *where = kam_db_describe (job->address);
      g_autofree char *label = g_strdup_printf (_("Kamlang: the shared dataset %s"), where);

      secret_password_store_sync (password_schema (), SECRET_COLLECTION_DEFAULT, label, job->password, cancellable,
                                  NULL, "address", job->address, NULL);
    }
  g_task_return_pointer (task, shared, (GDestroyNotify) kam_shared_free);
}

static void ask_address (KamWindow *self, const char *address, const char *why, gboolean want_password);

/* "Workers abroad — mlvt-db": the dataset, and where it is. */
static char *
shared_name (KamDataset *dataset, const char *address)
{
  g_autofree char *where = kam_db_describe (address);
  const char *host = strrchr (where, '@');

  return g_strdup_printf ("%s — %s", kam_dataset_get_title_label (dataset), host != NULL ? host + 1 : where);
}

static void
opened (GObject *source, GAsyncResult *result, gpointer data)
{
  KamWindow *self = KAM_WINDOW (source);
  OpenJob *job = data;
  g_autoptr (GError) error = NULL;
  KamShared *shared = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr (KamDocument) document = NULL;
  g_autofree char *name = NULL;
  KamDataset *dataset;

  _kam_window_end_work (self, job->cancellable);
  if (shared == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        ask_address (self, job->address, error->message, g_error_matches (error, KAM_ERROR, KAM_ERROR_PASSWORD));
      return;
    }
  _kam_window_forget_shared (self);
  dataset = kam_shared_get_dataset (shared);
  document = kam_document_new (dataset, NULL);
  name = shared_name (dataset, job->address);
  kam_document_set_display_name (document, name);
  _kam_window_set_document (self, document);
  /* (the copy kept of it is its draft: a file's draft would come back as a
   * new unsaved dataset, not tied to the server) */
  kam_document_set_keep_drafts (document, FALSE);
  self->shared = shared;
  self->shared_address = g_strdup (job->address);
  if (g_str_has_prefix (job->address, "postgresql://") || g_str_has_prefix (job->address, "postgres://"))
    {
      g_autoptr (GFile) file = g_file_new_for_uri (job->address);

      _kam_window_remember_file (self, file);
    }
  watch_server (self);
  show_connected (self);
  add_history_page (self);
  self->copy_handler = g_signal_connect_swapped (dataset, "changed", G_CALLBACK (keep_copy_later), self);
  if (kam_shared_get_connected (shared))
    keep_copy (self);
  else
    _kam_window_toast (self, _("The server cannot be reached: this is the copy kept on this computer. Your changes are saved once it answers."));
}

void
kam_window_open_shared (KamWindow *self, const char *address, const char *password)
{
  OpenJob *job = g_new0 (OpenJob, 1);
  GTask *task;
  g_autofree char *where = kam_db_describe (address);
  g_autofree char *text = g_strdup_printf (_("Opening the shared dataset at %s…"), where);

  g_return_if_fail (KAM_IS_WINDOW (self));
  job->window = g_object_ref (self);
  job->address = g_strdup (address);
  job->password = g_strdup (password);
  job->store = password != NULL;
  job->cancellable = g_cancellable_new ();
  _kam_window_begin_work (self, text, job->cancellable);
  task = g_task_new (self, job->cancellable, opened, job);
  g_task_set_task_data (task, job, (GDestroyNotify) open_job_free);
  g_task_run_in_thread (task, open_thread);
  g_object_unref (task);
}

/* The address (and a password) of a shared dataset, asked. */
static void
address_response (AdwMessageDialog *dialog, const char *response, KamWindow *self)
{
  GtkEditable *address = g_object_get_data (G_OBJECT (dialog), "address");
  GtkEditable *password = g_object_get_data (G_OBJECT (dialog), "password");
  const char *text = gtk_editable_get_text (address);
  const char *secret = gtk_editable_get_text (password);

  if (!g_str_equal (response, "open"))
    return;
  g_strstrip ((char *) text);
  if (!kam_db_is_address (text))
    {
      ask_address (self, text,
                   _("This is not a server's address. Write it as postgresql://user@host/database, or as service=NAME."),
                   FALSE);
      return;
    }
  kam_window_open_shared (self, text, *secret != '\0' ? secret : NULL);
}

static void
ask_address (KamWindow *self, const char *address, const char *why, gboolean want_password)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Open Shared Dataset"), NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *address_entry = gtk_entry_new ();
  GtkWidget *password_entry = gtk_password_entry_new ();
  g_autofree char *body = NULL;

  body = g_strdup_printf ("%s%s%s",
                          why != NULL ? why : "", why != NULL ? "\n\n" : "",
                          _("The server's address: postgresql://user@host/database (with ?sslmode=require for TLS), "
                            "or service=NAME from pg_service.conf. The password is kept in your keyring."));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
  gtk_editable_set_text (GTK_EDITABLE (address_entry), address != NULL ? address : "");
  gtk_entry_set_activates_default (GTK_ENTRY (address_entry), TRUE);
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (password_entry), TRUE);
  g_object_set (password_entry, "activates-default", TRUE, NULL);
  gtk_box_append (GTK_BOX (box), kam_labelled (_("_Address"), address_entry,
                                               GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (box), kam_labelled (_("_Password (if the server asks)"), password_entry,
                                               GTK_ORIENTATION_VERTICAL));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "open", _("_Open"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "open");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "address", address_entry);
  g_object_set_data (G_OBJECT (dialog), "password", password_entry);
  g_signal_connect (dialog, "response", G_CALLBACK (address_response), self);
  kam_present_dialog (dialog);
  gtk_widget_grab_focus (want_password ? password_entry : address_entry);
}

static void
open_shared_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KamWindow *self = KAM_WINDOW (widget);

  ask_address (self, self->shared_address, NULL, FALSE);
}

/* ---- others' saves ------------------------------------------------------------------ */

typedef struct
{
  KamWindow *window;
  KamShared *shared; /* (the window's, while the job runs) */
  char *since;
} UpdateJob;

static void
update_job_free (UpdateJob *job)
{
  g_object_unref (job->window);
  kam_shared_free (job->shared);
  g_free (job->since);
  g_free (job);
}

static void
update_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  UpdateJob *job = data;
  GError *error = NULL;
  KamSharedUpdate *update = kam_shared_update_fetch (job->shared, job->since, &error);

  if (update == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, update, (GDestroyNotify) kam_shared_update_free);
}

static gboolean retry_server (gpointer data);

static void
went_offline (KamWindow *self)
{
  self->shared_offline = TRUE;
  show_connected (self);
  if (self->retry_source == 0)
    self->retry_source = g_timeout_add_seconds (RETRY_SECONDS, retry_server, self);
}

static void
work_done (KamWindow *self)
{
  self->shared_busy = FALSE;
  if (self->queued_save != NULL)
    {
      g_autofree char *description = g_steal_pointer (&self->queued_save);

      save_now (self, description);
      return;
    }
  if (self->update_wanted)
    {
      self->update_wanted = FALSE;
      request_update (self);
    }
}

static void
updated (GObject *source, GAsyncResult *result, gpointer data)
{
  KamWindow *self = KAM_WINDOW (source);
  UpdateJob *job = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (KamSharedUpdate) update = g_task_propagate_pointer (G_TASK (result), &error);
  guint n, first = 0;

  if (self->shared != job->shared)
    {
      work_done (self);
      return; /* (another dataset since) */
    }
  if (update == NULL)
    {
      work_done (self);
      went_offline (self);
      return;
    }
  self->shared_offline = FALSE;
  n = kam_shared_update_apply (self->shared, update, &first);
  if (n > 0)
    {
      KamDataset *dataset = kam_shared_get_dataset (self->shared);
      KamFigureTable *table = kam_dataset_get_figures (dataset);
      int r = kam_figure_table_find_row (table, first);
      g_autofree char *what = NULL;
      g_autofree char *text = NULL;

      if (r >= 0)
        what = g_strdup_printf ("%s %d", kam_dataset_get_country_label (dataset, kam_figure_table_get_country (table, r)),
                                kam_figure_table_get_year (table, r));
      /* Translators: who, how many figures, and one of them ("Japan 2024") */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s changed %u figure: %s", "%s changed %u figures: %s", n),
                              kam_shared_update_get_who (update), n, what != NULL ? what : "");
      _kam_window_toast (self, text);
      refresh_history (self);
      keep_copy (self);
    }
  show_connected (self);
  work_done (self);
}

static void
request_update (KamWindow *self)
{
  UpdateJob *job;
  GTask *task;

  if (self->shared == NULL)
    return;
  if (self->shared_busy)
    {
      self->update_wanted = TRUE;
      return;
    }
  self->shared_busy = TRUE;
  job = g_new0 (UpdateJob, 1);
  job->window = g_object_ref (self);
  job->shared = kam_shared_ref (self->shared);
  job->since = g_strdup (kam_shared_get_snapshot (self->shared));
  task = g_task_new (self, NULL, updated, job);
  g_task_set_task_data (task, job, (GDestroyNotify) update_job_free);
  g_task_run_in_thread (task, update_thread);
  g_object_unref (task);
}

static gboolean
heard (int fd, GIOCondition condition, gpointer data)
{
  KamWindow *self = data;
  gboolean news = kam_shared_heard (self->shared);

  if (news)
    request_update (self);
  /* the listener made again: another socket */
  if (kam_shared_get_listen_socket (self->shared) != fd)
    {
      self->listen_source = 0;
      watch_server (self);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
watch_server (KamWindow *self)
{
  int fd = self->shared != NULL ? kam_shared_get_listen_socket (self->shared) : -1;

  g_clear_handle_id (&self->listen_source, g_source_remove);
  if (fd >= 0)
    self->listen_source = g_unix_fd_add (fd, G_IO_IN, heard, self);
  else if (self->shared != NULL)
    went_offline (self);
}

static void
listen_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  g_task_return_boolean (task, kam_shared_listen (data, NULL));
}

static void
listened (GObject *source, GAsyncResult *result, gpointer data)
{
  KamWindow *self = KAM_WINDOW (source);

  self->shared_busy = FALSE;
  if (self->shared != data)
    return;
  if (g_task_propagate_boolean (G_TASK (result), NULL))
    {
      self->shared_offline = FALSE;
      watch_server (self);
      /* what waited here (its save meets what was saved meanwhile), then
       * what was saved while away */
      if (self->waiting_save != NULL && self->queued_save == NULL)
        self->queued_save = g_steal_pointer (&self->waiting_save);
      self->update_wanted = TRUE;
      work_done (self);
    }
  else
    went_offline (self);
}

static gboolean
retry_server (gpointer data)
{
  KamWindow *self = data;
  GTask *task;

  self->retry_source = 0;
  if (self->shared == NULL || self->shared_busy)
    {
      if (self->shared != NULL)
        self->retry_source = g_timeout_add_seconds (RETRY_SECONDS, retry_server, self);
      return G_SOURCE_REMOVE;
    }
  self->shared_busy = TRUE;
  task = g_task_new (self, NULL, listened, self->shared);
  /* (the task's own reference: the window may let the dataset go meanwhile) */
  g_task_set_task_data (task, kam_shared_ref (self->shared), (GDestroyNotify) kam_shared_free);
  g_task_run_in_thread (task, listen_thread);
  g_object_unref (task);
  return G_SOURCE_REMOVE;
}

/* ---- saving ----------------------------------------------------------------------- */

typedef struct
{
  KamWindow *window;
  KamShared *shared;
  KamSharedSave *save;
  char *description;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_object_unref (job->window);
  kam_shared_free (job->shared);
  kam_shared_save_free (job->save);
  g_free (job->description);
  g_free (job);
}

static void
save_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  SaveJob *job = data;
  GError *error = NULL;

  if (kam_shared_save_send (job->shared, job->save, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void save_now (KamWindow *self, const char *description);

static void
conflicts_response (AdwMessageDialog *dialog, const char *response, KamWindow *self)
{
  GPtrArray *conflicts = g_object_get_data (G_OBJECT (dialog), "conflicts");
  const char *description = g_object_get_data (G_OBJECT (dialog), "description");

  GPtrArray *choices = g_object_get_data (G_OBJECT (dialog), "choices");
  gboolean any_mine = FALSE;

  if (self->shared == NULL || g_str_equal (response, "later"))
    return;
  for (guint i = 0; i < conflicts->len; i++)
    {
      KamConflict *conflict = g_ptr_array_index (conflicts, i);
      /* as chosen, one by one (those without a choice shown: mine) */
      gboolean mine = g_str_equal (response, "mine")
                      || (g_str_equal (response, "chosen")
                          && (i >= choices->len || gtk_check_button_get_active (g_ptr_array_index (choices, i))));

      if (mine)
        kam_shared_keep_mine (self->shared, conflict);
      else
        kam_shared_take_theirs (self->shared, conflict, NULL);
      any_mine |= mine;
    }
  /* what is left to save: mine over theirs */
  if (any_mine || kam_shared_count_changes (self->shared) > 0)
    save_now (self, description);
}

/* When the server says (ISO 8601, UTC), in this computer's time:
 * "2026-12-07 16:12". */
static char *
local_time (const char *when)
{
  g_autoptr (GDateTime) utc = when != NULL ? g_date_time_new_from_iso8601 (when, NULL) : NULL;
  g_autoptr (GDateTime) here = utc != NULL ? g_date_time_to_local (utc) : NULL;

  return here != NULL ? g_date_time_format (here, "%Y-%m-%d %H:%M") : g_strdup (when != NULL ? when : "?");
}

/* "South Korea 2023, Workers sent: theirs 9,800 (Sokha, 2026-12-07 09:12), yours 9,900" */
static char *
conflict_line (KamDataset *dataset, const KamConflict *conflict)
{
  g_autofree char *at = local_time (conflict->when);
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  int r = conflict->figure ? kam_figure_table_find_row (table, conflict->figure) : -1;
  g_autofree char *what = NULL, *yours = NULL, *theirs = NULL;

  if (conflict->figure == 0)
    {
      const char *kind = g_strcmp0 (conflict->item_kind, "countries") == 0    ? _("Country")
                         : g_strcmp0 (conflict->item_kind, "indicators") == 0 ? _("Indicator")
                         : g_strcmp0 (conflict->item_kind, "dimensions") == 0 ? _("Breakdown")
                         : g_strcmp0 (conflict->item_kind, "sources") == 0    ? _("Source")
                                                                              : _("Agreement");
      const char *who = conflict->who ? conflict->who : "?", *when = at;

      if (g_strcmp0 (conflict->item_kind, "dataset") == 0)
        /* Translators: who changed the dataset's title (or description) too, and when */
        return g_strdup_printf (_("The dataset’s title and description: changed by %s (%s) too"), who, when);
      if (conflict->kind == KAM_CONFLICT_DELETED)
        /* Translators: "Country “MYS”: deleted by sokha (2026-12-07 16:12)" */
        return g_strdup_printf (_("%s “%s”: deleted by %s (%s)"), kind, conflict->item_key, who, when);
      /* Translators: "Country “MYS”: changed by sokha (2026-12-07 16:12) too" */
      return g_strdup_printf (_("%s “%s”: changed by %s (%s) too"), kind, conflict->item_key, who, when);
    }
  if (r >= 0)
    {
      what = g_strdup_printf ("%s %d, %s", kam_dataset_get_country_label (dataset, kam_figure_table_get_country (table, r)),
                              kam_figure_table_get_year (table, r),
                              kam_dataset_get_indicator_label (dataset, kam_figure_table_get_indicator (table, r)));
      yours = kam_number_format (kam_figure_table_get_value (table, r), 2);
    }
  if (conflict->theirs != NULL)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();

      if (json_parser_load_from_data (parser, conflict->theirs, -1, NULL))
        {
          JsonObject *o = json_node_get_object (json_parser_get_root (parser));
          JsonNode *value = json_object_get_member (o, "value");

          theirs = value != NULL && !JSON_NODE_HOLDS_NULL (value) ? kam_number_format (json_node_get_double (value), 2)
                                                                  : g_strdup (_("unknown"));
        }
    }
  if (conflict->kind == KAM_CONFLICT_DELETED)
    /* Translators: a figure, who deleted it and when, and the value here */
    return g_strdup_printf (_("%s: deleted by %s (%s); yours %s"), what ? what : "", conflict->who ? conflict->who : "?",
                            at, yours ? yours : "");
  /* Translators: a figure, their value, who changed it and when, and the value here */
  return g_strdup_printf (_("%s: theirs %s (%s, %s); yours %s"), what ? what : "", theirs ? theirs : "?",
                          conflict->who ? conflict->who : "?", at,
                          r >= 0 ? yours : _("deleted"));
}

static void
show_conflicts (KamWindow *self, GPtrArray *conflicts, const char *description)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Someone Else Changed These"), NULL);
  KamDataset *dataset = kam_shared_get_dataset (self->shared);
  g_autoptr (GString) body = g_string_new (NULL);
  GtkWidget *list, *scroller;
  GPtrArray *choices;

  g_string_append_printf (body,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "Nothing was saved: %u figure you changed was changed by someone else since you opened it.",
                                       "Nothing was saved: %u figures you changed were changed by someone else since you opened them.",
                                       conflicts->len),
                          conflicts->len);
  g_string_append_printf (body, " %s", _("Keep yours or take theirs, one by one or all."));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body->str);
  /* a row each: the figure, theirs (who, when) and yours, and the choice */
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  choices = g_ptr_array_new ();
  for (guint i = 0; i < conflicts->len && i < MAX_CONFLICT_ROWS; i++)
    {
      g_autofree char *line = conflict_line (dataset, g_ptr_array_index (conflicts, i));
      g_autofree char *name = g_strdup_printf (_("Keep mine: %s"), line);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *label = gtk_label_new (line);
      GtkWidget *check = gtk_check_button_new_with_label (_("Keep mine"));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_widget_set_margin_start (row, 12);
      gtk_widget_set_margin_end (row, 12);
      gtk_widget_set_margin_top (row, 6);
      gtk_widget_set_margin_bottom (row, 6);
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (GTK_BOX (row), check);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_ptr_array_add (choices, check);
    }
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), (int) MIN (conflicts->len, 4) * 72);
  /* (room for a figure, theirs and yours on a line or two) */
  gtk_window_set_default_size (GTK_WINDOW (dialog), 620, -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "later", _("_Decide Later"), "theirs",
                                    _("_Take All Theirs"), "mine", _("_Keep All Mine"), "chosen", _("_Save as Chosen"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "chosen", ADW_RESPONSE_SUGGESTED);
  g_object_set_data_full (G_OBJECT (dialog), "choices", choices, (GDestroyNotify) g_ptr_array_unref);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_object_set_data_full (G_OBJECT (dialog), "conflicts", g_ptr_array_ref (conflicts), (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (dialog), "description", g_strdup (description), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (conflicts_response), self);
  kam_present_dialog (dialog);
}

static void
saved (GObject *source, GAsyncResult *result, gpointer data)
{
  KamWindow *self = KAM_WINDOW (source);
  SaveJob *job = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) conflicts = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (self->shared != job->shared)
    {
      work_done (self);
      return;
    }
  conflicts = kam_shared_save_finish (self->shared, job->save);
  work_done (self);
  if (ok)
    {
      self->shared_offline = FALSE;
      show_connected (self);
      _kam_window_toast (self, _("Saved to the shared dataset"));
      refresh_history (self);
      keep_copy (self);
      if (self->close_after_save)
        {
          self->close_confirmed = TRUE;
          gtk_window_close (GTK_WINDOW (self));
        }
      return;
    }
  self->close_after_save = FALSE;
  if (conflicts != NULL && conflicts->len > 0)
    {
      show_connected (self);
      show_conflicts (self, conflicts, job->description);
      return;
    }
  /* the server is away, or refused: every edit is kept (and, the server
   * away, saved once it is back) */
  if (g_error_matches (error, KAM_ERROR, KAM_ERROR_SERVER) && !kam_shared_get_connected (self->shared))
    {
      g_free (self->waiting_save);
      self->waiting_save = g_strdup (job->description);
      went_offline (self);
    }
  else if (g_error_matches (error, KAM_ERROR, KAM_ERROR_SERVER))
    went_offline (self);
  else
    show_connected (self);
  {
    g_autofree char *text = g_strdup_printf (_("Not saved: %s Your changes are kept."), error->message);

    _kam_window_toast (self, text);
  }
}

static void
save_now (KamWindow *self, const char *description)
{
  SaveJob *job;
  GTask *task;

  if (self->shared == NULL)
    return;
  if (self->shared_busy)
    {
      /* after the work under way */
      g_free (self->queued_save);
      self->queued_save = g_strdup (description != NULL ? description : "");
      show_state (self, _("Saving…"));
      return;
    }
  self->shared_busy = TRUE;
  show_state (self, _("Saving…"));
  job = g_new0 (SaveJob, 1);
  job->window = g_object_ref (self);
  job->shared = kam_shared_ref (self->shared);
  job->description = g_strdup (description);
  job->save = kam_shared_save_prepare (self->shared, description);
  task = g_task_new (self, NULL, saved, job);
  g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);
  g_task_run_in_thread (task, save_thread);
  g_object_unref (task);
}

static void
describe_response (AdwMessageDialog *dialog, const char *response, KamWindow *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "description");

  if (g_str_equal (response, "save"))
    save_now (self, gtk_editable_get_text (entry));
  else
    self->close_after_save = FALSE;
}

gboolean
_kam_window_save_shared (KamWindow *self)
{
  GtkWidget *dialog, *box, *entry;
  g_autofree char *body = NULL;
  guint n;

  if (self->shared == NULL)
    return FALSE;
  n = kam_shared_count_changes (self->shared);
  if (n == 0)
    {
      _kam_window_toast (self, _("Nothing to save: the shared dataset has every change."));
      return TRUE;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save to the Shared Dataset"), NULL);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u change is saved for everyone at once. Say what it is, for the history (optional).",
                                       "%u changes are saved for everyone at once. Say what they are, for the history (optional).",
                                       n),
                          n);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_box_append (GTK_BOX (box), kam_labelled (_("_Description"), entry,
                                               GTK_ORIENTATION_VERTICAL));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "description", entry);
  g_signal_connect (dialog, "response", G_CALLBACK (describe_response), self);
  kam_present_dialog (dialog);
  gtk_widget_grab_focus (entry);
  return TRUE;
}

/* ---- the History page ------------------------------------------------------------ */

#define HISTORY_LIMIT 5000

typedef struct
{
  KamWindow *window;
  KamShared *shared;
  char *figure; /* (nullable) "COUNTRY,YEAR,INDICATOR": that figure's changes, all of them */
} HistoryJob;

static void
history_job_free (HistoryJob *job)
{
  kam_shared_free (job->shared);
  g_free (job->figure);
  g_free (job);
}

static void
history_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  HistoryJob *job = data;
  GError *error = NULL;
  GPtrArray *lines = kam_shared_read_history (job->shared, job->figure, job->figure ? 0 : HISTORY_LIMIT, &error);

  if (lines == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, lines, (GDestroyNotify) g_ptr_array_unref);
}

static void
history_read (GObject *source, GAsyncResult *result, gpointer data)
{
  KamWindow *self = KAM_WINDOW (source);
  HistoryJob *job = data;
  g_autoptr (GPtrArray) lines = g_task_propagate_pointer (G_TASK (result), NULL);

  if (lines == NULL || self->shared != job->shared || self->history_lines == NULL)
    return;
  if (job->figure != NULL)
    {
      /* one figure's changes older than the newest read: after them (the
       * list stays newest first) */
      GListModel *shown = G_LIST_MODEL (self->history_lines);
      g_autoptr (GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
        g_hash_table_add (known, g_strdup (gtk_string_list_get_string (self->history_lines, i)));
      for (guint i = 0; i < lines->len; i++)
        if (!g_hash_table_contains (known, g_ptr_array_index (lines, i)))
          gtk_string_list_append (self->history_lines, g_ptr_array_index (lines, i));
      return;
    }
  gtk_widget_set_visible (self->history_more, lines->len >= HISTORY_LIMIT);
  g_ptr_array_add (lines, NULL);
  gtk_string_list_splice (self->history_lines, 0, g_list_model_get_n_items (G_LIST_MODEL (self->history_lines)),
                          (const char *const *) lines->pdata);
}

static void
read_history (KamWindow *self, const char *figure)
{
  HistoryJob *job;
  GTask *task;

  if (self->shared == NULL || self->history_page == NULL)
    return;
  job = g_new0 (HistoryJob, 1);
  job->window = self;
  job->shared = kam_shared_ref (self->shared);
  job->figure = g_strdup (figure);
  task = g_task_new (self, NULL, history_read, job);
  g_task_set_task_data (task, job, (GDestroyNotify) history_job_free);
  g_task_run_in_thread (task, history_thread);
  g_object_unref (task);
}

static void
refresh_history (KamWindow *self)
{
  read_history (self, NULL);
}

/* A change: what and how on a line; when, who and the description under. */
static void
history_setup (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *what = gtk_label_new (NULL), *when = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (what), 0);
  gtk_label_set_xalign (GTK_LABEL (when), 0);
  gtk_label_set_wrap (GTK_LABEL (what), TRUE);
  gtk_widget_add_css_class (when, "dim-label");
  gtk_widget_add_css_class (when, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), what);
  gtk_box_append (GTK_BOX (box), when);
  gtk_list_item_set_child (item, box);
}

/* "South Korea 2023, Workers sent, Women (Monthly deployments)": a figure
 * as the history names it (its fields between \x1f), by the dataset's names. */
static char *
figure_label (KamDataset *dataset, const char *fields_text)
{
  g_auto (GStrv) fields = g_strsplit (fields_text, "\x1f", 12);
  GString *out = g_string_new (NULL);

  if (g_strv_length (fields) < 12)
    {
      g_string_free (out, TRUE);
      return g_strdelimit (g_strdup (fields_text), "\x1f", ' ');
    }
  g_string_append_printf (out, "%s %s, %s", kam_dataset_get_country_label (dataset, *fields[0] ? fields[0] : NULL),
                          fields[1], kam_dataset_get_indicator_label (dataset, fields[2]));
  for (guint d = 0; d < kam_dataset_get_n_dimensions (dataset) && d < 8; d++)
    {
      KamDimension *dimension = kam_dataset_get_dimension (dataset, d);
      int m = *fields[3 + d] ? kam_dimension_find_code (dimension, fields[3 + d]) : 0;

      if (m > 0)
        g_string_append_printf (out, ", %s", kam_dimension_get_member_label (dimension, (guint) m));
      else if (m < 0)
        g_string_append_printf (out, ", %s", fields[3 + d]);
    }
  if (*fields[11])
    {
      KamSource *source = kam_dataset_lookup_source (dataset, fields[11]);
      g_autofree char *label = source ? kam_source_dup_label (source) : g_strdup (fields[11]);

      g_string_append_printf (out, " (%s)", label);
    }
  return g_string_free (out, FALSE);
}

static void
history_bind (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  KamWindow *self = data;
  GtkWidget *box = gtk_list_item_get_child (item);
  const char *line = gtk_string_object_get_string (gtk_list_item_get_item (item));
  g_auto (GStrv) fields = g_strsplit (line, "\t", 5);
  g_autofree char *what = NULL, *when = NULL, *name = NULL, *figure = NULL;
  guint n = g_strv_length (fields);

  figure = n > 2 && self->shared != NULL ? figure_label (kam_shared_get_dataset (self->shared), fields[2])
                                         : g_strdup (n > 2 ? fields[2] : "");
  what = g_strdup_printf ("%s: %s", figure, n > 3 ? fields[3] : "");
  when = g_strdup_printf ("%s · %s%s%s", n > 0 ? fields[0] : "", n > 1 ? fields[1] : "", n > 4 ? " · " : "",
                          n > 4 ? fields[4] : "");
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)), what);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (box)), when);
  name = g_strdup_printf ("%s. %s", what, when);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* What the search finds a change by: its words as shown, and the codes. */
static char *
searchable (GObject *item, const char *line, gpointer data)
{
  KamWindow *self = data;
  g_auto (GStrv) fields = line != NULL ? g_strsplit (line, "\t", 5) : NULL;
  g_autofree char *figure = NULL;

  if (fields == NULL || g_strv_length (fields) < 3 || self->shared == NULL)
    return g_strdup (line);
  figure = figure_label (kam_shared_get_dataset (self->shared), fields[2]);
  return g_strconcat (figure, "\t", line, NULL);
}

static void
add_history_page (KamWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *search = gtk_search_entry_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkExpression *string = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  GtkStringFilter *filter = gtk_string_filter_new (gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1, &string,
                                                                                G_CALLBACK (searchable), self, NULL));
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkFilterListModel *filtered;
  GtkWidget *list;
  AdwViewStackPage *page;

  if (self->history_page != NULL)
    return;
  self->history_lines = gtk_string_list_new (NULL);
  gtk_string_filter_set_ignore_case (filter, TRUE);
  gtk_string_filter_set_match_mode (filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  g_object_bind_property (search, "text", filter, "search", G_BINDING_DEFAULT);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->history_lines)), GTK_FILTER (filter));
  g_signal_connect (factory, "setup", G_CALLBACK (history_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (history_bind), self);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (filtered))), factory);
  gtk_widget_add_css_class (list, "rich-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Changes to the shared dataset, newest first"), -1);
  g_object_set (search, "placeholder-text", _("Search the history: a country, a person, a word"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (search), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search the history"), -1);
  gtk_widget_set_margin_start (search, 12);
  gtk_widget_set_margin_end (search, 12);
  gtk_widget_set_margin_top (search, 12);
  gtk_widget_set_margin_bottom (search, 6);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), search);
  gtk_box_append (GTK_BOX (box), scroller);
  self->history_more = gtk_label_new (_("The newest 5,000 changes are shown (and all of a figure’s, from History of the"
                                        " Figure); kamlang --history prints every one."));
  gtk_label_set_wrap (GTK_LABEL (self->history_more), TRUE);
  gtk_widget_add_css_class (self->history_more, "dim-label");
  gtk_widget_set_margin_top (self->history_more, 6);
  gtk_widget_set_margin_bottom (self->history_more, 6);
  gtk_widget_set_visible (self->history_more, FALSE);
  gtk_box_append (GTK_BOX (box), self->history_more);
  self->history_search = GTK_EDITABLE (search);
  self->history_page = box;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.figure-history", TRUE);
  page = adw_view_stack_add_titled (self->stack, box, "history", _("History"));
  adw_view_stack_page_set_icon_name (page, "document-open-recent-symbolic");
  refresh_history (self);
}

static void
remove_history_page (KamWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.figure-history", FALSE);
  if (self->history_page == NULL)
    return;
  if (self->stack != NULL)
    adw_view_stack_remove (self->stack, self->history_page);
  self->history_page = NULL;
  self->history_search = NULL;
  self->history_more = NULL;
  g_clear_object (&self->history_lines);
}

/* The History page, showing one figure's changes (the Figures page's menu). */
static void
figure_history_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KamWindow *self = KAM_WINDOW (widget);
  KamDataset *dataset = kam_window_get_dataset (self);
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  int r = kam_figure_table_find_row (table, g_variant_get_uint32 (param));
  g_autofree char *search = NULL;

  if (self->history_page == NULL || r < 0)
    return;
  /* as the History page names a figure: "South Korea 2023, Workers sent" */
  search = g_strdup_printf ("%s %d, %s", kam_dataset_get_country_label (dataset, kam_figure_table_get_country (table, r)),
                            kam_figure_table_get_year (table, r),
                            kam_dataset_get_indicator_label (dataset, kam_figure_table_get_indicator (table, r)));
  gtk_editable_set_text (self->history_search, search);
  adw_view_stack_set_visible_child_name (self->stack, "history");
  /* its changes older than the newest read too */
  if (gtk_widget_get_visible (self->history_more))
    {
      g_autofree char *figure = g_strdup_printf ("%s,%d,%s", kam_figure_table_get_country (table, r) ? kam_figure_table_get_country (table, r) : "",
                                                 kam_figure_table_get_year (table, r), kam_figure_table_get_indicator (table, r));

      read_history (self, figure);
    }
}

void
_kam_window_install_shared_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-shared", NULL, open_shared_action);
  gtk_widget_class_install_action (widget_class, "win.figure-history", "u", figure_history_action);
}
