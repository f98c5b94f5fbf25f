/* kam-window-files.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window's files: opening (in a thread, with a progress bar and Cancel),
 * saving (asking first where a version 1 file would be upgraded or another
 * program changed the file), Open, Save and Save As with their choosers, and
 * closing with unsaved changes. */

#include <glib/gi18n.h>
#include "kam-dataset-json.h"
#include "kam-db.h"
#include "kam-drafts.h"
#include "kam-ui-util.h"
#include "kam-window-private.h"
#include "kam-import-dialog.h"

static gboolean close_later (gpointer data);
static void save_with_flags (KamWindow *self, GFile *file, KamDocumentSaveFlags flags);
static void run_chooser (KamWindow *self, GtkFileChooserAction action);
static gboolean show_loading (gpointer data);

static void
show_problems (KamWindow *self, GFile *file, const char *message)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                              _("The file has these problems. Nothing was changed."));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *label = gtk_label_new (message);

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "monospace");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 300);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  kam_present_dialog (dialog);
}

typedef struct
{
  KamWindow *window;
  GFile *file;
} OpenData;

void
_kam_window_stop_loading (KamWindow *self)
{
  /* a file still being read is dropped (once read, cancelling changes nothing) */
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_handle_id (&self->loading_timeout, g_source_remove);
  g_clear_handle_id (&self->work_pulse, g_source_remove);
  g_clear_object (&self->load_cancellable);
  gtk_revealer_set_reveal_child (self->loading, FALSE);
}

static gboolean
pulse (gpointer data)
{
  KamWindow *self = data;

  gtk_progress_bar_pulse (self->loading_bar);
  return G_SOURCE_CONTINUE;
}

void
_kam_window_begin_work (KamWindow *self, const char *text, GCancellable *cancellable)
{
  _kam_window_stop_loading (self);
  self->load_cancellable = g_object_ref (cancellable);
  gtk_label_set_label (self->loading_label, text);
  gtk_progress_bar_set_fraction (self->loading_bar, 0);
  /* shown only for work that takes more than half a second */
  self->loading_timeout = g_timeout_add (500, show_loading, self);
  self->work_pulse = g_timeout_add (100, pulse, self);
}

void
_kam_window_end_work (KamWindow *self, GCancellable *cancellable)
{
  /* a file opened since took the bar over: it stays */
  if (self->load_cancellable != cancellable)
    return;
  g_clear_object (&self->load_cancellable);
  _kam_window_stop_loading (self);
}

static gboolean
show_loading (gpointer data)
{
  KamWindow *self = data;

  self->loading_timeout = 0;
  gtk_revealer_set_reveal_child (self->loading, TRUE);
  return G_SOURCE_REMOVE;
}

static void
loading_progress (double fraction, gpointer data)
{
  KamWindow *self = data;

  gtk_progress_bar_set_fraction (self->loading_bar, fraction);
}

static void
open_data_free (OpenData *d)
{
  g_object_unref (d->window);
  g_object_unref (d->file);
  g_free (d);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenData, open_data_free)

static void
file_loaded (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (OpenData) d = data;
  KamWindow *self = d->window;
  g_autoptr (GError) error = NULL;
  g_autoptr (KamDocument) document = kam_document_load_finish (result, &error);

  if (self->probe_tick != 0)
    _kam_window_probe_tell_longest (self, "loading");
  kam_probe ("loaded");
  /* cancelled: another load may be under way, and its bar stays */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  _kam_window_stop_loading (self);
  if (document == NULL)
    {
      show_problems (self, d->file, error->message);
      /* a new window has nothing else to show */
      if (self->initial)
        kam_window_open_bundled (self);
    }
  else if (kam_document_get_modified (self->document) || kam_document_get_busy (self->document))
    {
      /* unsaved changes stay where they are: the file opens beside them */
      KamWindow *window = kam_window_new_beside (self);

      _kam_window_set_document (window, document);
      _kam_window_remember_file (window, d->file);
      gtk_window_present (GTK_WINDOW (window));
    }
  else
    {
      _kam_window_set_document (self, document);
      _kam_window_remember_file (self, d->file);
    }
}

/**
 * kam_window_open_file:
 *
 * Starts reading a file, in a thread, with a progress bar and a Cancel button
 * after a moment. Once read, it replaces this window's document, or opens in
 * a new window when this one has unsaved changes (which stay where they are).
 * A file that cannot be read leaves everything as it was and its problems are
 * shown; a new window then shows the bundled dataset.
 */
void
kam_window_open_file (KamWindow *self, GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  /* a shared dataset's address (Open Recent, the last one at start) */
  if (kam_db_is_address (uri))
    {
      kam_window_open_shared (self, uri, NULL);
      return;
    }
  {
  OpenData *d = g_new0 (OpenData, 1);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *text = g_strdup_printf (_("Opening “%s”…"), name);

  _kam_window_stop_loading (self);
  self->load_cancellable = g_cancellable_new ();
  gtk_label_set_label (self->loading_label, text);
  gtk_progress_bar_set_fraction (self->loading_bar, 0);
  self->loading_timeout = g_timeout_add (300, show_loading, self);
  d->window = g_object_ref (self);
  d->file = g_object_ref (file);
  kam_probe ("load starts");
  if (g_getenv ("KAMLANG_PROBE") != NULL && self->probe_tick == 0)
    _kam_window_probe_start_ticking (self);
  kam_document_load_async (file, self->load_cancellable, loading_progress, self, file_loaded, d);
  }
}

gboolean
kam_window_get_loading (KamWindow *self)
{
  return self->load_cancellable != NULL;
}

static void
cancel_loading (KamWindow *self)
{
  _kam_window_stop_loading (self);
  if (self->initial)
    kam_window_open_bundled (self);
}

/* The file the upgrade dialog would write. */
typedef struct
{
  KamWindow *self;
  GFile *file;
} UpgradeRequest;

static void
upgrade_request_free (gpointer data, GClosure *closure)
{
  UpgradeRequest *request = data;

  g_object_unref (request->file);
  g_free (request);
}

static void
upgrade_response (AdwMessageDialog *dialog, const char *response, UpgradeRequest *request)
{
  KamWindow *self = request->self;

  if (!g_str_equal (response, "upgrade"))
    {
      self->close_after_save = FALSE;
      return;
    }
  self->upgrade_confirmed = TRUE;
  save_with_flags (self, request->file, KAM_DOCUMENT_SAVE_DEFAULT);
}

/* A file of format version 1 is never written over as version 2 unasked. */
static gboolean
confirm_upgrade (KamWindow *self, GFile *file, const char *name)
{
  GtkWidget *dialog;
  UpgradeRequest *request;
  g_autofree char *heading = NULL, *body = NULL;
  GFile *current = kam_document_get_file (self->document);

  if (self->upgrade_confirmed || current == NULL || !g_file_equal (file, current)
      || kam_dataset_get_format_version (kam_document_get_dataset (self->document)) != 1)
    return TRUE;
  heading = g_strdup_printf (_("Upgrade “%s”?"), name);
  body = g_strdup_printf (
    _("This file has format version 1. Saving it writes format version 2, with breakdowns and qualifiers, which older versions of Kamlang cannot open. Women counted as separate indicators are now the “Women” breakdown. The version 1 file is kept as “%s~”."),
    name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "upgrade",
                                    _("_Upgrade and Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "upgrade",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "upgrade");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  request = g_new (UpgradeRequest, 1);
  request->self = self;
  request->file = g_object_ref (file);
  g_signal_connect_data (dialog, "response", G_CALLBACK (upgrade_response), request, upgrade_request_free, 0);
  kam_present_dialog (dialog);
  return FALSE;
}

static void
overwrite_response (AdwMessageDialog *dialog, const char *response, KamWindow *self)
{
  if (g_str_equal (response, "overwrite"))
    save_with_flags (self, kam_document_get_file (self->document), KAM_DOCUMENT_SAVE_OVERWRITE);
  else
    self->close_after_save = FALSE;
}

/* Another program wrote the file since it was opened: overwrite their changes? */
static void
confirm_overwrite (KamWindow *self)
{
  const char *name = kam_document_get_display_name (self->document);
  g_autofree char *heading = g_strdup_printf (_("“%s” Changed on Disk"), name);
  GtkWidget *dialog = adw_message_dialog_new (
    GTK_WINDOW (self), heading,
    _("Another program changed this file since you opened it. Saving now replaces its changes with yours; the file as it is now is kept as a backup (a “~” after its name)."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "overwrite",
                                    _("_Save Anyway"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (overwrite_response), self);
  kam_present_dialog (dialog);
}

static void
saved (GObject *source, GAsyncResult *result, gpointer data)
{
  KamWindow *self = data;
  KamDocument *document = KAM_DOCUMENT (source);
  g_autoptr (GError) error = NULL;
  const char *name = kam_document_get_display_name (document);

  if (!kam_document_save_finish (document, result, &error))
    {
      /* the window has another document since: this one's failure is old news */
      if (document != self->document)
        ;
      else if (g_error_matches (error, KAM_ERROR, KAM_ERROR_CHANGED_ON_DISK))
        confirm_overwrite (self);
      else
        {
          g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), name);
          g_autofree char *body = g_strdup_printf (
            _("%s\n\nYour changes are still here, and kept as a draft. Try again, or use Save As to save them somewhere else, such as another disk."),
            error->message);
          GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
          kam_present_dialog (dialog);
          self->close_after_save = FALSE;
        }
      g_object_unref (self);
      return;
    }
  _kam_window_remember_file (self, kam_document_get_file (document));
  {
    g_autofree char *text = g_strdup_printf (_("Saved “%s”"), name);
    _kam_window_toast (self, text);
  }
  if (self->close_after_save && !kam_document_get_modified (document))
    g_idle_add (close_later, g_object_ref (self));
  self->close_after_save = FALSE;
  g_object_unref (self);
}

static void
save_with_flags (KamWindow *self, GFile *file, KamDocumentSaveFlags flags)
{
  kam_document_save_async (self->document, file, flags, NULL, saved, g_object_ref (self));
}

/**
 * kam_window_save_to_file:
 *
 * Saves to file, in a thread, asking first where it must (a version 1 file
 * becomes version 2; another program changed the file). On failure it says
 * why; the old file and the draft stay. Returns FALSE when it asks first.
 */
gboolean
kam_window_save_to_file (KamWindow *self, GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  if (!confirm_upgrade (self, file, name))
    return FALSE;
  save_with_flags (self, file, KAM_DOCUMENT_SAVE_DEFAULT);
  return TRUE;
}

gboolean
kam_window_restore_draft (KamWindow *self, const char *id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (KamDataset) dataset = kam_draft_load (id, &file, &error);
  g_autoptr (KamDocument) document = NULL;

  if (dataset == NULL)
    {
      _kam_window_toast (self, error->message);
      return FALSE;
    }
  document = kam_document_new (dataset, file);
  _kam_window_set_document (self, document);
  /* the restored work now belongs to this window's draft */
  kam_document_adopt_draft (document, id);
  return TRUE;
}

static void
chooser_response (GtkNativeDialog *chooser, int response, KamWindow *self)
{
  g_autoptr (GFile) file = NULL;
  gboolean saving = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    {
      self->close_after_save = FALSE;
      return;
    }
  if (saving)
    {
      g_autofree char *path = g_file_get_path (file);
      if (path != NULL && !g_str_has_suffix (path, ".kamlang"))
        {
          g_autofree char *with_extension = g_strconcat (path, ".kamlang", NULL);
          g_set_object (&file, g_file_new_for_path (with_extension));
        }
      /* closes once saved, when the user chose Save on closing */
      kam_window_save_to_file (self, file);
    }
  else
    kam_window_open_file (self, file);
}

static void
run_chooser (KamWindow *self, GtkFileChooserAction action)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  gboolean saving = action == GTK_FILE_CHOOSER_ACTION_SAVE;

  gtk_file_filter_set_name (filter, _("Kamlang datasets"));
  gtk_file_filter_add_pattern (filter, "*.kamlang");
  gtk_file_filter_add_mime_type (filter, "application/x-kamlang");
  self->chooser = gtk_file_chooser_native_new (saving ? _("Save Dataset") : _("Open Dataset"),
                                               GTK_WINDOW (self), action,
                                               saving ? _("_Save") : _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  if (saving)
    {
      GFile *current = kam_document_get_file (self->document);

      if (current != NULL)
        gtk_file_chooser_set_file (GTK_FILE_CHOOSER (self->chooser), current, NULL);
      else
        gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _("dataset.kamlang"));
    }
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
open_action (GtkWidget *widget, const char *name, GVariant *param)
{
  run_chooser (KAM_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
save_as_action (GtkWidget *widget, const char *name, GVariant *param)
{
  run_chooser (KAM_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SAVE);
}

static void
save_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KamWindow *self = KAM_WINDOW (widget);

  if (_kam_window_save_shared (self))
    return;
  if (kam_document_get_file (self->document) != NULL)
    kam_window_save_to_file (self, kam_document_get_file (self->document));
  else
    run_chooser (self, GTK_FILE_CHOOSER_ACTION_SAVE);
}

static void
cancel_open_action (GtkWidget *widget, const char *name, GVariant *param)
{
  cancel_loading (KAM_WINDOW (widget));
}

/* Closing from inside the dialog's own signal leaves GDK pointing at a
 * destroyed surface: close once the dialog is gone. */
static gboolean
close_later (gpointer data)
{
  KamWindow *self = data;

  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static void
close_dialog_response (AdwMessageDialog *dialog, const char *response, KamWindow *self)
{
  if (g_str_equal (response, "discard"))
    g_idle_add (close_later, g_object_ref (self));
  else if (g_str_equal (response, "save") && self->shared != NULL)
    {
      /* to the server: the window closes once saved there */
      self->close_after_save = TRUE;
      _kam_window_save_shared (self);
    }
  else if (g_str_equal (response, "save"))
    {
      GFile *file = kam_document_get_file (self->document);

      /* the window closes once saved; the questions on the way (where to,
       * upgrade, overwrite another program's changes) may cancel it */
      self->close_after_save = TRUE;
      if (file == NULL)
        run_chooser (self, GTK_FILE_CHOOSER_ACTION_SAVE);
      else
        kam_window_save_to_file (self, file);
    }
}

/* Whether closing waits for the user's answer (unsaved changes); else the
 * window is made ready to close. */
gboolean
_kam_window_ask_before_closing (KamWindow *self)
{
  GtkWindow *window = GTK_WINDOW (self);
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  if (!self->close_confirmed && kam_document_get_modified (self->document))
    {
      dialog = adw_message_dialog_new (window, _("Save Changes?"),
                                       _("This dataset has changes that are not saved. If you do not save them, they are lost."));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                        "discard", _("_Discard"), "save", _("_Save"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect (dialog, "response", G_CALLBACK (close_dialog_response), self);
      kam_present_dialog (dialog);
      return TRUE;
    }

  /* a clean close: the draft is no longer needed */
  kam_document_discard_draft (self->document);
  _kam_window_stop_loading (self);
  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }
  return FALSE;
}

static gboolean
drop_file (GtkDropTarget *target, const GValue *value, double x, double y, KamWindow *self)
{
  GFile *file = g_value_get_object (value);

  if (file == NULL)
    return FALSE;
  /* a workbook dropped: its table, to import */
  if (kam_import_dialog_accepts (file))
    kam_import_dialog_run (self, file);
  else
    kam_window_open_file (self, file);
  return TRUE;
}

void
_kam_window_accept_dropped_files (KamWindow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);

  g_signal_connect (drop, "drop", G_CALLBACK (drop_file), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

void
_kam_window_install_file_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-open", NULL, cancel_open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
}
