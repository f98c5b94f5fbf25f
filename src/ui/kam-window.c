/* kam-window.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One window shows one dataset. Nothing typed may be lost: edits are undoable,
 * unsaved work is autosaved as a draft a few seconds after the last edit, and
 * closing with unsaved changes asks first. */

#include <glib/gi18n.h>
#include "kam-config.h"
#include "kam-application.h"
#include "kam-dataset-json.h"
#include "kam-document.h"
#include "kam-drafts.h"
#include "kam-charts-page.h"
#include "kam-breakdowns-page.h"
#include "kam-checks-page.h"
#include "kam-items-view.h"
#include "kam-lazy-page.h"
#include "kam-number.h"
#include "kam-ui-util.h"
#include "kam-window.h"
#include "kam-window-private.h"

struct _KamWindow
{
  AdwApplicationWindow parent_instance;

  AdwWindowTitle *title;
  AdwToastOverlay *toasts;
  AdwViewStack *stack;
  KamChartsPage *charts;
  /* the pages made when first shown */
  KamLazyPage *figures_slot;
  KamChecksPage *checks;
  GtkRevealer *loading;
  GtkProgressBar *loading_bar;
  GtkLabel *loading_label;
  GMenu *files_section;
  GMenuModel *primary_menu;
  GtkMenuButton *menu_button;
  GSettings *settings;
  KamSession *session; /* (nullable): the application's, told which files were opened */

  KamDocument *document; /* the pages' "dataset" are bound to its dataset (kam-window.ui) */
  GSignalGroup *document_signals; /* follow the current document */
  GSignalGroup *history_signals;
  guint draft_delay;
  gboolean initial; /* the empty document of a new window, untouched */
  GCancellable *load_cancellable;
  guint loading_timeout;
  gboolean close_confirmed;
  gboolean close_after_save;
  gboolean upgrade_confirmed; /* the user agreed to write a version 1 file as version 2 */
  GtkFileChooserNative *chooser;
  gboolean probe_first_frame;
  guint probe_tick;
  gint64 probe_last_tick, probe_longest_stall, probe_figures_shown;
};

G_DEFINE_FINAL_TYPE (KamWindow, kam_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_DOCUMENT,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void history_changed (KamWindow *self);

/* ---- documents ------------------------------------------------------------ */

KamDocument *
kam_window_get_document (KamWindow *self)
{
  return self->document;
}

KamDataset *
kam_window_get_dataset (KamWindow *self)
{
  return kam_document_get_dataset (self->document);
}

GFile *
kam_window_get_file (KamWindow *self)
{
  return kam_document_get_file (self->document);
}

KamFiguresView *
kam_window_get_figures_view (KamWindow *self)
{
  return KAM_FIGURES_VIEW (kam_lazy_page_get_page (self->figures_slot));
}

AdwViewStack *
kam_window_get_stack (KamWindow *self)
{
  return self->stack;
}

const char *
kam_window_get_draft_id (KamWindow *self)
{
  return kam_document_get_draft_id (self->document);
}

void
kam_window_set_draft_delay (KamWindow *self, guint delay_ms)
{
  self->draft_delay = delay_ms;
  kam_document_set_draft_delay (self->document, delay_ms);
}

static void
toast (KamWindow *self, const char *text)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
}

static void
remember_file (KamWindow *self, GFile *file)
{
  if (self->session != NULL)
    kam_session_remember_file (self->session, file);
}

static void
draft_failed (KamWindow *self, const char *message)
{
  toast (self, message);
}

/* Another program wrote the file: say so once; a save asks before it
 * overwrites their changes. */
static void
changed_on_disk (KamWindow *self)
{
  g_autofree char *text = NULL;

  if (!kam_document_get_changed_on_disk (self->document))
    return;
  text = g_strdup_printf (_("“%s” was changed by another program"),
                          kam_document_get_display_name (self->document));
  toast (self, text);
}

/* The window's title: a mark for unsaved changes, then the file name. */
static char *
title_of (gpointer unused, const char *name, gboolean modified)
{
  /* Translators: the window title: a mark for unsaved changes, then the file name */
  return modified ? g_strdup_printf (_("• %s"), name) : g_strdup (name);
}

static void
bind_title (KamWindow *self)
{
  GtkExpression *document = gtk_property_expression_new (KAM_TYPE_WINDOW, NULL, "document");
  GtkExpression *params[2] = {
    gtk_property_expression_new (KAM_TYPE_DOCUMENT, gtk_expression_ref (document), "display-name"),
    gtk_property_expression_new (KAM_TYPE_DOCUMENT, gtk_expression_ref (document), "modified"),
  };
  GtkExpression *title = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 2, params,
                                                      G_CALLBACK (title_of), NULL, NULL);
  GtkExpression *dataset = gtk_property_expression_new (KAM_TYPE_DOCUMENT, document, "dataset");
  GtkExpression *subtitle = gtk_property_expression_new (KAM_TYPE_DATASET, dataset, "title");

  gtk_expression_bind (gtk_expression_ref (title), self->title, "title", self);
  gtk_expression_bind (title, self, "title", self);
  gtk_expression_bind (subtitle, self->title, "subtitle", self);
}

static void
set_document (KamWindow *self, KamDocument *document)
{
  KamDataset *dataset = kam_document_get_dataset (document);

  self->upgrade_confirmed = FALSE;
  self->initial = FALSE;
  if (self->document != NULL)
    kam_document_discard_draft (self->document);
  g_set_object (&self->document, document);
  kam_document_set_draft_delay (document, self->draft_delay);
  g_signal_group_set_target (self->document_signals, document);
  g_signal_group_set_target (self->history_signals, kam_dataset_get_history (dataset));
  /* the pages follow, through their bindings */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  kam_probe ("document set");
  history_changed (self);
}

void
kam_window_set_document (KamWindow *self, KamDataset *dataset, GFile *file)
{
  g_autoptr (KamDocument) document = NULL;

  g_return_if_fail (KAM_IS_WINDOW (self));
  g_return_if_fail (KAM_IS_DATASET (dataset));
  document = kam_document_new (dataset, file);
  set_document (self, document);
}

void
kam_window_open_bundled (KamWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) bundled = g_file_new_for_uri (KAM_BUNDLED_DATASET_URI);
  g_autoptr (KamDataset) dataset = NULL;

  /* read while GTK started, when the application knew it would be asked for */
  if (!kam_document_take_read_ahead (bundled, &dataset, &error))
    dataset = kam_dataset_load_bundled (&error);
  kam_probe ("bundled dataset read");
  if (dataset == NULL)
    {
      g_critical ("The bundled dataset does not load: %s", error->message);
      return;
    }
  kam_dataset_mark_saved (dataset);
  kam_window_set_document (self, dataset, NULL);
}

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

/* ---- opening ------------------------------------------------------------------ */

typedef struct
{
  KamWindow *window;
  GFile *file;
} OpenData;

static void
stop_loading (KamWindow *self)
{
  /* a file still being read is dropped (once read, cancelling changes nothing) */
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_handle_id (&self->loading_timeout, g_source_remove);
  g_clear_object (&self->load_cancellable);
  gtk_revealer_set_reveal_child (self->loading, FALSE);
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

/* KAMLANG_PROBE: how long the main thread went without running its loop
 * while the file was read, the checks ran or a copy was saved (a timer every
 * 10 ms notes how late it comes). */
static gboolean
probe_tick (gpointer data)
{
  KamWindow *self = data;
  gint64 now = g_get_monotonic_time ();

  if (self->probe_last_tick != 0)
    self->probe_longest_stall = MAX (self->probe_longest_stall, now - self->probe_last_tick);
  self->probe_last_tick = now;
  return G_SOURCE_CONTINUE;
}

static void
probe_start_ticking (KamWindow *self)
{
  g_clear_handle_id (&self->probe_tick, g_source_remove);
  self->probe_last_tick = 0;
  self->probe_longest_stall = 0;
  self->probe_tick = g_timeout_add (10, probe_tick, self);
}

static void
probe_tell_longest (KamWindow *self, const char *while_doing)
{
  g_autofree char *text = NULL;

  /* the wait that ends here counts too */
  if (self->probe_last_tick != 0)
    probe_tick (self);
  text = g_strdup_printf ("longest wait of the main loop while %s: %.1f ms", while_doing,
                          self->probe_longest_stall / 1000.0);
  g_clear_handle_id (&self->probe_tick, g_source_remove);
  kam_probe (text);
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
    probe_tell_longest (self, "loading");
  kam_probe ("loaded");
  /* cancelled: another load may be under way, and its bar stays */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  stop_loading (self);
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

      set_document (window, document);
      remember_file (window, d->file);
      gtk_window_present (GTK_WINDOW (window));
    }
  else
    {
      set_document (self, document);
      remember_file (self, d->file);
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
  OpenData *d = g_new0 (OpenData, 1);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *text = g_strdup_printf (_("Opening “%s”…"), name);

  stop_loading (self);
  self->load_cancellable = g_cancellable_new ();
  gtk_label_set_label (self->loading_label, text);
  gtk_progress_bar_set_fraction (self->loading_bar, 0);
  self->loading_timeout = g_timeout_add (300, show_loading, self);
  d->window = g_object_ref (self);
  d->file = g_object_ref (file);
  kam_probe ("load starts");
  if (g_getenv ("KAMLANG_PROBE") != NULL && self->probe_tick == 0)
    probe_start_ticking (self);
  kam_document_load_async (file, self->load_cancellable, loading_progress, self, file_loaded, d);
}

gboolean
kam_window_get_loading (KamWindow *self)
{
  return self->load_cancellable != NULL;
}

static void
cancel_loading (KamWindow *self)
{
  stop_loading (self);
  if (self->initial)
    kam_window_open_bundled (self);
}

/* ---- saving ------------------------------------------------------------------- */

static gboolean close_later (gpointer data);
static void save_with_flags (KamWindow *self, GFile *file, KamDocumentSaveFlags flags);

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
  remember_file (self, kam_document_get_file (document));
  {
    g_autofree char *text = g_strdup_printf (_("Saved “%s”"), name);
    toast (self, text);
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
      toast (self, error->message);
      return FALSE;
    }
  document = kam_document_new (dataset, file);
  set_document (self, document);
  /* the restored work now belongs to this window's draft */
  kam_document_adopt_draft (document, id);
  return TRUE;
}

/* ---- actions ---------------------------------------------------------------- */

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

  if (kam_document_get_file (self->document) != NULL)
    kam_window_save_to_file (self, kam_document_get_file (self->document));
  else
    run_chooser (self, GTK_FILE_CHOOSER_ACTION_SAVE);
}

/* The keyboard shortcuts, made when first asked for (GtkApplication would
 * make them with every window, before its first frame). */
static void
show_shortcuts_action (GtkWidget *widget, const char *name, GVariant *param)
{
  g_autoptr (GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/kamlang/Kamlang/ui/kam-shortcuts-window.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_set_destroy_with_parent (shortcuts, TRUE);
  gtk_window_present (shortcuts);
}

static void
undo_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KamWindow *self = KAM_WINDOW (widget);

  kam_dataset_undo (kam_document_get_dataset (self->document));
}

static void
redo_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KamWindow *self = KAM_WINDOW (widget);

  kam_dataset_redo (kam_document_get_dataset (self->document));
}

static void
page_action (GtkWidget *widget, const char *name, GVariant *param)
{
  adw_view_stack_set_visible_child_name (KAM_WINDOW (widget)->stack, g_variant_get_string (param, NULL));
}

static void
cancel_open_action (GtkWidget *widget, const char *name, GVariant *param)
{
  cancel_loading (KAM_WINDOW (widget));
}

static void
find_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KamWindow *self = KAM_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->stack, "figures");
  gtk_widget_grab_focus (GTK_WIDGET (kam_figures_view_get_search_entry (kam_window_get_figures_view (self))));
}

/* ---- closing -------------------------------------------------------------- */

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

static gboolean
kam_window_close_request (GtkWindow *window)
{
  KamWindow *self = KAM_WINDOW (window);
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
  stop_loading (self);
  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }
  return GTK_WINDOW_CLASS (kam_window_parent_class)->close_request (window);
}

/* ---- drag and drop ------------------------------------------------------ */

static gboolean
drop_file (GtkDropTarget *target, const GValue *value, double x, double y, KamWindow *self)
{
  GFile *file = g_value_get_object (value);

  if (file == NULL)
    return FALSE;
  kam_window_open_file (self, file);
  return TRUE;
}

/* ---- construction ------------------------------------------------------- */

static void
kam_window_dispose (GObject *object)
{
  KamWindow *self = KAM_WINDOW (object);

  g_clear_handle_id (&self->probe_tick, g_source_remove);
  stop_loading (self);
  if (self->document_signals != NULL)
    g_signal_group_set_target (self->document_signals, NULL);
  if (self->history_signals != NULL)
    g_signal_group_set_target (self->history_signals, NULL);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->history_signals);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  g_clear_object (&self->session);
  g_clear_object (&self->chooser);
  G_OBJECT_CLASS (kam_window_parent_class)->dispose (object);
}

static void
kam_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KamWindow *self = KAM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kam_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  KamWindow *self = KAM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      /* construct-only */
      self->session = g_value_dup_object (value);
      if (self->session != NULL)
        g_menu_insert_submenu (self->files_section, 2, _("Open _Recent"),
                               kam_session_get_recent_menu (self->session));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A finding on the Checks page: show its figure. */
static void
check_figure_activated (KamWindow *self, guint id)
{
  kam_figures_view_select_ids (kam_window_get_figures_view (self), &id, 1);
  adw_view_stack_set_visible_child_name (self->stack, "figures");
}

static void
kam_window_class_init (KamWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kam_window_dispose;
  object_class->get_property = kam_window_get_property;
  object_class->set_property = kam_window_set_property;
  properties[PROP_DOCUMENT] = g_param_spec_object ("document", NULL, NULL, KAM_TYPE_DOCUMENT,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS
                                                     | G_PARAM_EXPLICIT_NOTIFY);
  /* where the files it opens are remembered; none for a window on its own */
  properties[PROP_SESSION] = g_param_spec_object ("session", NULL, NULL, KAM_TYPE_SESSION,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY
                                                    | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  GTK_WINDOW_CLASS (klass)->close_request = kam_window_close_request;

  g_type_ensure (KAM_TYPE_DOCUMENT);
  g_type_ensure (KAM_TYPE_CHARTS_PAGE);
  g_type_ensure (KAM_TYPE_CHECKS_PAGE);
  g_type_ensure (KAM_TYPE_LAZY_PAGE);
  g_type_ensure (KAM_TYPE_FIGURES_VIEW);
  g_type_ensure (KAM_TYPE_ITEMS_VIEW);
  g_type_ensure (KAM_TYPE_BREAKDOWNS_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kamlang/Kamlang/ui/kam-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KamWindow, title);
  gtk_widget_class_bind_template_child (widget_class, KamWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, KamWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, KamWindow, charts);
  gtk_widget_class_bind_template_child (widget_class, KamWindow, figures_slot);
  gtk_widget_class_bind_template_child (widget_class, KamWindow, checks);
  gtk_widget_class_bind_template_callback (widget_class, check_figure_activated);
  gtk_widget_class_bind_template_child (widget_class, KamWindow, loading);
  gtk_widget_class_bind_template_child (widget_class, KamWindow, loading_bar);
  gtk_widget_class_bind_template_child (widget_class, KamWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, KamWindow, files_section);
  gtk_widget_class_bind_template_child (widget_class, KamWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, KamWindow, menu_button);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_shortcuts_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK, "win.show-help-overlay", NULL);
  gtk_widget_class_install_action (widget_class, "win.cancel-open", NULL, cancel_open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.page", "s", page_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  _kam_window_install_export_actions (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.page", "s", "charts");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.page", "s", "figures");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.page", "s", "countries");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.page", "s", "sources");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_ALT_MASK, "win.page", "s", "agreements");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_6, GDK_ALT_MASK, "win.page", "s", "breakdowns");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_7, GDK_ALT_MASK, "win.page", "s", "checks");
}

static void
history_changed (KamWindow *self)
{
  KamHistory *history = kam_dataset_get_history (kam_document_get_dataset (self->document));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", kam_history_get_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", kam_history_get_can_redo (history));
}

/* A click on a bar selects its figures on the Figures page. */
static void
chart_figures_activated (KamWindow *self, const guint *ids, guint n)
{
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u figure selected on the Figures page",
                                                        "%u figures selected on the Figures page", n), n);
  AdwToast *toast = adw_toast_new (text);

  kam_figures_view_select_ids (kam_window_get_figures_view (self), ids, n);
  adw_toast_set_button_label (toast, _("_Show"));
  adw_toast_set_action_name (toast, "win.page");
  adw_toast_set_action_target_value (toast, g_variant_new_string ("figures"));
  adw_toast_overlay_add_toast (self->toasts, toast);
}

KamChartsPage *
kam_window_get_charts_page (KamWindow *self)
{
  kam_charts_page_bring_up_to_date (self->charts);
  return self->charts;
}

static void
figures_drawn (GdkFrameClock *clock, KamWindow *self)
{
  g_autofree char *text = g_strdup_printf ("Figures page drawn, %.1f ms after it was asked for",
                                           (g_get_monotonic_time () - self->probe_figures_shown) / 1000.0);

  g_signal_handlers_disconnect_by_func (clock, figures_drawn, self);
  kam_probe (text);
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
}

static void
probe_saved (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (KamWindow) self = data;
  g_autoptr (GError) error = NULL;

  if (!kam_document_save_finish (KAM_DOCUMENT (source), result, &error))
    g_printerr ("kamlang-probe: %s\n", error->message);
  probe_tell_longest (self, "saving");
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
}

/* KAMLANG_PROBE=save: once the checks are done, save a copy (to
 * KAMLANG_PROBE_SAVE_TO) and tell how long the main loop waited meanwhile. */
static void
probe_checked (KamWindow *self)
{
  g_autoptr (GFile) file = g_file_new_for_path (g_getenv ("KAMLANG_PROBE_SAVE_TO"));

  if (kam_checks_page_get_checking (self->checks))
    return;
  g_signal_handlers_disconnect_by_func (self->checks, probe_checked, self);
  probe_tell_longest (self, "checking");
  probe_start_ticking (self);
  kam_probe ("save starts");
  kam_document_save_async (self->document, file, KAM_DOCUMENT_SAVE_OVERWRITE, NULL, probe_saved,
                           g_object_ref (self));
}

static void
probe_checks_drawn (GdkFrameClock *clock, KamWindow *self)
{
  g_autofree char *text = g_strdup_printf ("Checks page drawn with %u findings",
                                           kam_checks_page_get_n_findings (self->checks));

  g_signal_handlers_disconnect_by_func (clock, probe_checks_drawn, self);
  kam_probe (text);
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
}

/* KAMLANG_PROBE=checks: the Checks page shown, once its checks are done, tell
 * when the next frame is drawn, and quit. */
static void
probe_checks_shown (KamWindow *self)
{
  if (kam_checks_page_get_checking (self->checks))
    return;
  g_signal_handlers_disconnect_by_func (self->checks, probe_checks_shown, self);
  kam_probe ("checks done, the page shown");
  g_signal_connect_after (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                          G_CALLBACK (probe_checks_drawn), self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* KAMLANG_PROBE: tell when the first frame is drawn, and the first with the
 * file's data (once it is read); =quit: then quit; =figures: then show the
 * Figures page, tell when it is drawn, and quit; =checks: the same for the
 * Checks page once its checks are done; =save: tell the longest wait of the
 * main loop while the checks run, then while a copy is saved, and quit. */
static void
frame_drawn (GdkFrameClock *clock, KamWindow *self)
{
  if (!self->probe_first_frame)
    kam_probe ("first frame");
  self->probe_first_frame = TRUE;
  if (kam_window_get_loading (self))
    return;
  g_signal_handlers_disconnect_by_func (clock, frame_drawn, self);
  kam_probe ("document drawn");
  if (g_strcmp0 (g_getenv ("KAMLANG_PROBE"), "figures") == 0)
    {
      /* then the Figures page, shown for the first time */
      self->probe_figures_shown = g_get_monotonic_time ();
      adw_view_stack_set_visible_child_name (self->stack, "figures");
      g_signal_connect_after (clock, "after-paint", G_CALLBACK (figures_drawn), self);
    }
  else if (g_strcmp0 (g_getenv ("KAMLANG_PROBE"), "quit") == 0)
    g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  else if (g_strcmp0 (g_getenv ("KAMLANG_PROBE"), "checks") == 0)
    {
      adw_view_stack_set_visible_child_name (self->stack, "checks");
      g_signal_connect_swapped (self->checks, "notify::checking", G_CALLBACK (probe_checks_shown), self);
      probe_checks_shown (self);
    }
  else if (g_strcmp0 (g_getenv ("KAMLANG_PROBE"), "save") == 0 && g_getenv ("KAMLANG_PROBE_SAVE_TO") != NULL)
    {
      probe_start_ticking (self);
      g_signal_connect_swapped (self->checks, "notify::checking", G_CALLBACK (probe_checked), self);
      probe_checked (self);
    }
}

/* The main menu is made when it first opens, not with every window before its
 * first frame (some 3 ms). */
static void
make_primary_menu (GtkMenuButton *button, gpointer data)
{
  KamWindow *self = data;

  if (gtk_menu_button_get_popover (button) != NULL)
    return;
  gtk_menu_button_set_menu_model (button, self->primary_menu);
  /* else a screen reader hears "GtkPopoverMenu" */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_menu_button_get_popover (button)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Main Menu"), -1);
}

static void
probe_realized (KamWindow *self)
{
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (self));
  g_autofree char *text = g_strdup_printf ("window realized, drawn by %s",
                                           renderer != NULL ? G_OBJECT_TYPE_NAME (renderer) : "nothing");

  kam_probe (text);
  g_signal_connect_after (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                          G_CALLBACK (frame_drawn), self);
}

/* The numerals preference changed, here or in another window: every number
 * shown is written again. */
static void
numerals_changed (KamWindow *self)
{
  GtkWidget *figures = kam_lazy_page_peek_page (self->figures_slot);

  kam_number_set_khmer_digits (g_settings_get_boolean (self->settings, "khmer-numerals"));
  kam_chart_refresh (kam_charts_page_get_chart (self->charts));
  if (figures != NULL)
    kam_figures_view_refresh_numbers (KAM_FIGURES_VIEW (figures));
  kam_checks_page_recheck (self->checks);
}

static void
kam_window_init (KamWindow *self)
{
  GSettingsSchemaSource *schemas = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;
  GtkDropTarget *drop;

  kam_probe ("window init");
  if (g_getenv ("KAMLANG_PROBE") != NULL)
    g_signal_connect (self, "realize", G_CALLBACK (probe_realized), NULL);
  /* our icons, also when the window is made without the application */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/io/github/kamlang/Kamlang/icons");
  self->draft_delay = KAM_DRAFT_DELAY_MS;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->menu_button, make_primary_menu, self, NULL);
#if KAM_DEVELOPMENT
  /* libadwaita's striped header bar: this is not the stable Kamlang */
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
  if (schemas != NULL && (schema = g_settings_schema_source_lookup (schemas, KAM_SCHEMA_ID, TRUE)) != NULL)
    self->settings = g_settings_new (KAM_SCHEMA_ID);
  g_signal_connect_swapped (kam_charts_page_get_view (self->charts), "figures-activated",
                            G_CALLBACK (chart_figures_activated), self);

  /* the window follows its document */
  self->document_signals = g_signal_group_new (KAM_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "draft-failed", G_CALLBACK (draft_failed), self);
  g_signal_group_connect_swapped (self->document_signals, "notify::changed-on-disk",
                                  G_CALLBACK (changed_on_disk), self);
  self->history_signals = g_signal_group_new (KAM_TYPE_HISTORY);
  g_signal_group_connect_swapped (self->history_signals, "notify::can-undo", G_CALLBACK (history_changed),
                                  self);
  g_signal_group_connect_swapped (self->history_signals, "notify::can-redo", G_CALLBACK (history_changed),
                                  self);
  bind_title (self);

  drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_file), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  if (self->settings != NULL)
    {
      kam_number_set_khmer_digits (g_settings_get_boolean (self->settings, "khmer-numerals"));
      g_signal_connect_swapped (self->settings, "changed::khmer-numerals", G_CALLBACK (numerals_changed), self);
      gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
  else
    gtk_window_set_default_size (GTK_WINDOW (self), 1200, 760);

  {
    g_autoptr (KamDataset) empty = kam_dataset_new ();
    kam_window_set_document (self, empty, NULL);
  }
  self->initial = TRUE;
}

/**
 * kam_window_get_session:
 *
 * Returns: (transfer none) (nullable): the session the window tells which files it opened
 */
KamSession *
kam_window_get_session (KamWindow *self)
{
  g_return_val_if_fail (KAM_IS_WINDOW (self), NULL);
  return self->session;
}

/**
 * kam_window_new_beside:
 *
 * Returns: (transfer none): a new window of the same application and session
 */
KamWindow *
kam_window_new_beside (KamWindow *self)
{
  g_return_val_if_fail (KAM_IS_WINDOW (self), NULL);
  return g_object_new (KAM_TYPE_WINDOW, "application", gtk_window_get_application (GTK_WINDOW (self)), "session",
                       self->session, NULL);
}

KamWindow *
kam_window_new (GtkApplication *application)
{
  KamSession *session = KAM_IS_APPLICATION (application)
                          ? kam_application_get_session (KAM_APPLICATION (application)) : NULL;

  return g_object_new (KAM_TYPE_WINDOW, "application", application, "session", session, NULL);
}
