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
#include "kam-dataset-json.h"
#include "kam-drafts.h"
#include "kam-charts-page.h"
#include "kam-items-view.h"
#include "kam-ui-util.h"
#include "kam-window.h"
#include "kam-window-private.h"

#define DEFAULT_DRAFT_DELAY_MS 3000

struct _KamWindow
{
  AdwApplicationWindow parent_instance;

  AdwWindowTitle *title;
  AdwToastOverlay *toasts;
  AdwViewStack *stack;
  KamChartsPage *charts;
  KamFiguresView *figures;
  KamItemsView *countries, *sources, *agreements;
  GSettings *settings;

  KamDataset *dataset;
  GFile *file;
  char *draft_id;
  guint draft_timeout;
  guint draft_delay;
  gboolean close_confirmed;
  gboolean close_after_save;
  gboolean upgrade_confirmed; /* the user agreed to write a version 1 file as version 2 */
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (KamWindow, kam_window, ADW_TYPE_APPLICATION_WINDOW)

static void update_title (KamWindow *self);
static void history_changed (KamWindow *self);

/* ---- documents ------------------------------------------------------------ */

KamDataset *
kam_window_get_dataset (KamWindow *self)
{
  return self->dataset;
}

GFile *
kam_window_get_file (KamWindow *self)
{
  return self->file;
}

KamFiguresView *
kam_window_get_figures_view (KamWindow *self)
{
  return self->figures;
}

AdwViewStack *
kam_window_get_stack (KamWindow *self)
{
  return self->stack;
}

const char *
kam_window_get_draft_id (KamWindow *self)
{
  return self->draft_id;
}

void
kam_window_set_draft_delay (KamWindow *self, guint delay_ms)
{
  self->draft_delay = delay_ms;
}

static void
toast (KamWindow *self, const char *text)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
}

static void
remember_file (KamWindow *self, GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-file", uri);
}

static gboolean
save_draft_now (gpointer data)
{
  KamWindow *self = data;
  g_autoptr (GError) error = NULL;

  self->draft_timeout = 0;
  if (self->dataset == NULL || !kam_dataset_get_modified (self->dataset))
    return G_SOURCE_REMOVE;
  if (!kam_draft_save (self->draft_id, self->dataset, self->file, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Unsaved changes could not be kept as a draft: %s"),
                                               error->message);
      toast (self, text);
    }
  return G_SOURCE_REMOVE;
}

static void
dataset_changed (KamWindow *self)
{
  g_clear_handle_id (&self->draft_timeout, g_source_remove);
  if (kam_dataset_get_modified (self->dataset))
    self->draft_timeout = g_timeout_add (self->draft_delay, save_draft_now, self);
  else
    kam_draft_delete (self->draft_id);
  update_title (self);
}

static void
update_title (KamWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  const char *dataset_title;
  gboolean modified;

  if (self->dataset == NULL)
    return;
  dataset_title = kam_dataset_get_title (self->dataset);
  modified = kam_dataset_get_modified (self->dataset);
  name = self->file != NULL ? g_file_get_basename (self->file) : g_strdup (_("Unsaved dataset"));
  /* Translators: the window title: a mark for unsaved changes, then the file name */
  title = modified ? g_strdup_printf (_("• %s"), name) : g_strdup (name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->title, title);
  adw_window_title_set_subtitle (self->title, dataset_title ? dataset_title : "");
}

void
kam_window_set_document (KamWindow *self, KamDataset *dataset, GFile *file)
{
  self->upgrade_confirmed = FALSE;
  g_return_if_fail (KAM_IS_WINDOW (self));
  g_return_if_fail (KAM_IS_DATASET (dataset));

  if (self->dataset != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->dataset, self);
      g_signal_handlers_disconnect_by_data (kam_dataset_get_history (self->dataset), self);
      g_clear_handle_id (&self->draft_timeout, g_source_remove);
      kam_draft_delete (self->draft_id);
    }
  g_set_object (&self->dataset, dataset);
  g_set_object (&self->file, file);
  g_free (self->draft_id);
  self->draft_id = kam_draft_new_id ();
  g_signal_connect_swapped (dataset, "changed", G_CALLBACK (dataset_changed), self);
  g_signal_connect_swapped (dataset, "notify::modified", G_CALLBACK (update_title), self);
  g_signal_connect_swapped (dataset, "notify::title", G_CALLBACK (update_title), self);
  g_signal_connect_swapped (kam_dataset_get_history (dataset), "notify::can-undo",
                            G_CALLBACK (history_changed), self);
  g_signal_connect_swapped (kam_dataset_get_history (dataset), "notify::can-redo",
                            G_CALLBACK (history_changed), self);
  kam_probe ("document set");
  kam_charts_page_set_dataset (self->charts, dataset);
  kam_probe ("charts page");
  kam_figures_view_set_dataset (self->figures, dataset);
  kam_probe ("figures page");
  kam_items_view_set_dataset (self->countries, dataset);
  kam_items_view_set_dataset (self->sources, dataset);
  kam_items_view_set_dataset (self->agreements, dataset);
  kam_probe ("item pages");
  update_title (self);
  history_changed (self);
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

/* Reads a file; on failure shows its problems in this window. */
static KamDataset *
load_or_show_problems (KamWindow *self, GFile *file)
{
  g_autoptr (GError) error = NULL;
  KamDataset *dataset;

  kam_probe ("load starts");
  dataset = kam_dataset_load_file (file, NULL, &error);
  kam_probe ("loaded");
  if (dataset == NULL)
    show_problems (self, file, error->message);
  else
    kam_dataset_mark_saved (dataset);
  return dataset;
}

gboolean
kam_window_open_file (KamWindow *self, GFile *file)
{
  g_autoptr (KamDataset) dataset = load_or_show_problems (self, file);

  if (dataset == NULL)
    return FALSE;
  kam_window_set_document (self, dataset, file);
  remember_file (self, file);
  return TRUE;
}

/**
 * kam_window_open_file_beside_changes:
 *
 * Opens a file in this window, or in a new one when this window has unsaved
 * changes, which stay where they are.
 */
gboolean
kam_window_open_file_beside_changes (KamWindow *self, GFile *file)
{
  g_autoptr (KamDataset) dataset = NULL;
  KamWindow *window;

  if (self->dataset == NULL || !kam_dataset_get_modified (self->dataset))
    return kam_window_open_file (self, file);
  /* a bad file's problems are shown here, where the user is looking */
  dataset = load_or_show_problems (self, file);
  if (dataset == NULL)
    return FALSE;
  window = kam_window_new (gtk_window_get_application (GTK_WINDOW (self)));
  kam_window_set_document (window, dataset, file);
  remember_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  return TRUE;
}

static gboolean close_later (gpointer data);

static void
upgrade_response (AdwMessageDialog *dialog, const char *response, KamWindow *self)
{
  gboolean close = self->close_after_save;

  self->close_after_save = FALSE;
  if (!g_str_equal (response, "upgrade") || self->file == NULL)
    return;
  self->upgrade_confirmed = TRUE;
  if (kam_window_save_to_file (self, self->file) && close)
    g_idle_add (close_later, g_object_ref (self));
}

/* A file of format version 1 is never written over as version 2 unasked. */
static gboolean
confirm_upgrade (KamWindow *self, GFile *file, const char *name)
{
  GtkWidget *dialog;
  g_autofree char *heading = NULL, *body = NULL;

  if (self->upgrade_confirmed || self->file == NULL || !g_file_equal (file, self->file)
      || kam_dataset_get_format_version (self->dataset) != 1)
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
  g_signal_connect (dialog, "response", G_CALLBACK (upgrade_response), self);
  kam_present_dialog (dialog);
  return FALSE;
}

gboolean
kam_window_save_to_file (KamWindow *self, GFile *file)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);

  if (!confirm_upgrade (self, file, name))
    return FALSE;

  if (!kam_dataset_save_file (self->dataset, file, TRUE, &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), name);
      g_autofree char *body = g_strdup_printf (
        _("%s\n\nYour changes are still here, and kept as a draft. Try again, or use Save As to save them somewhere else, such as another disk."),
        error->message);
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      kam_present_dialog (dialog);
      save_draft_now (self);
      self->close_after_save = FALSE;
      return FALSE;
    }
  g_set_object (&self->file, file);
  kam_dataset_mark_saved (self->dataset);
  g_clear_handle_id (&self->draft_timeout, g_source_remove);
  kam_draft_delete (self->draft_id);
  remember_file (self, file);
  update_title (self);
  {
    g_autofree char *text = g_strdup_printf (_("Saved “%s”"), name);
    toast (self, text);
  }
  return TRUE;
}

gboolean
kam_window_restore_draft (KamWindow *self, const char *id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (KamDataset) dataset = kam_draft_load (id, &file, &error);

  if (dataset == NULL)
    {
      toast (self, error->message);
      return FALSE;
    }
  kam_window_set_document (self, dataset, file);
  /* The restored work now belongs to this window's draft. */
  kam_draft_delete (id);
  save_draft_now (self);
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
      if (kam_window_save_to_file (self, file) && self->close_after_save)
        {
          self->close_confirmed = TRUE;
          gtk_window_close (GTK_WINDOW (self));
        }
      self->close_after_save = FALSE;
    }
  else
    kam_window_open_file_beside_changes (self, file);
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
      if (self->file != NULL)
        gtk_file_chooser_set_file (GTK_FILE_CHOOSER (self->chooser), self->file, NULL);
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

  if (self->file != NULL)
    kam_window_save_to_file (self, self->file);
  else
    run_chooser (self, GTK_FILE_CHOOSER_ACTION_SAVE);
}

static void
undo_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KamWindow *self = KAM_WINDOW (widget);

  if (self->dataset != NULL)
    kam_dataset_undo (self->dataset);
}

static void
redo_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KamWindow *self = KAM_WINDOW (widget);

  if (self->dataset != NULL)
    kam_dataset_redo (self->dataset);
}

static void
page_action (GtkWidget *widget, const char *name, GVariant *param)
{
  adw_view_stack_set_visible_child_name (KAM_WINDOW (widget)->stack, g_variant_get_string (param, NULL));
}

static void
find_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KamWindow *self = KAM_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->stack, "figures");
  gtk_widget_grab_focus (GTK_WIDGET (kam_figures_view_get_search_entry (self->figures)));
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
      if (self->file == NULL)
        {
          self->close_after_save = TRUE;
          run_chooser (self, GTK_FILE_CHOOSER_ACTION_SAVE);
        }
      else
        {
          /* kept for the upgrade notice, which may come first */
          self->close_after_save = TRUE;
          if (kam_window_save_to_file (self, self->file))
            {
              self->close_after_save = FALSE;
              g_idle_add (close_later, g_object_ref (self));
            }
        }
    }
}

static gboolean
kam_window_close_request (GtkWindow *window)
{
  KamWindow *self = KAM_WINDOW (window);
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  if (!self->close_confirmed && self->dataset != NULL && kam_dataset_get_modified (self->dataset))
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
  g_clear_handle_id (&self->draft_timeout, g_source_remove);
  if (self->draft_id != NULL)
    kam_draft_delete (self->draft_id);
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
  return kam_window_open_file_beside_changes (self, file);
}

/* ---- construction ------------------------------------------------------- */

static void
kam_window_dispose (GObject *object)
{
  KamWindow *self = KAM_WINDOW (object);

  g_clear_handle_id (&self->draft_timeout, g_source_remove);
  if (self->dataset != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->dataset, self);
      g_signal_handlers_disconnect_by_data (kam_dataset_get_history (self->dataset), self);
    }
  g_clear_object (&self->dataset);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);
  g_clear_object (&self->chooser);
  G_OBJECT_CLASS (kam_window_parent_class)->dispose (object);
}

static void
kam_window_finalize (GObject *object)
{
  g_free (KAM_WINDOW (object)->draft_id);
  G_OBJECT_CLASS (kam_window_parent_class)->finalize (object);
}

static void
kam_window_class_init (KamWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kam_window_dispose;
  object_class->finalize = kam_window_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = kam_window_close_request;

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
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
}

static void
history_changed (KamWindow *self)
{
  KamHistory *history = kam_dataset_get_history (self->dataset);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", kam_history_get_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", kam_history_get_can_redo (history));
}

static GtkWidget *
icon_button (const char *icon, const char *tooltip, const char *action)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

static GMenuModel *
primary_menu (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr (GMenu) files = g_menu_new ();
  g_autoptr (GMenu) help = g_menu_new ();
  GApplication *app = g_application_get_default ();
  GMenuModel *recent = app != NULL ? g_object_get_data (G_OBJECT (app), "kam-recent-menu") : NULL;

  g_menu_append (files, _("_New Window"), "app.new");
  g_menu_append (files, _("_Open…"), "win.open");
  if (recent != NULL)
    g_menu_append_submenu (files, _("Open _Recent"), recent);
  g_menu_append (files, _("Save _As…"), "win.save-as");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (files));
  {
    g_autoptr (GMenu) output = g_menu_new ();
    g_autoptr (GMenu) input = g_menu_new ();

    g_menu_append (output, _("_Export Chart…"), "win.export-chart");
    g_menu_append (output, _("_Copy Chart"), "win.copy-chart");
    g_menu_append (output, _("_Print Chart…"), "win.print-chart");
    g_menu_append (output, _("Export _Report…"), "win.export-report");
    g_menu_append (output, _("Print R_eport…"), "win.print-report");
    g_menu_append_section (menu, NULL, G_MENU_MODEL (output));
    g_menu_append (input, _("Export Figures as CS_V…"), "win.export-csv");
    g_menu_append (input, _("_Import Figures from CSV…"), "win.import-csv");
    g_menu_append (input, _("Import _World Bank Data…"), "win.import-wdi");
    g_menu_append_section (menu, NULL, G_MENU_MODEL (input));
  }
  g_menu_append (help, _("_Keyboard Shortcuts"), "win.show-help-overlay");
  g_menu_append (help, _("_About Kamlang"), "app.about");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (help));
  return G_MENU_MODEL (menu);
}

/* A click on a bar selects its figures on the Figures page. */
static void
chart_figures_activated (KamWindow *self, const guint *ids, guint n)
{
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u figure selected on the Figures page",
                                                        "%u figures selected on the Figures page", n), n);
  AdwToast *toast = adw_toast_new (text);

  kam_figures_view_select_ids (self->figures, ids, n);
  adw_toast_set_button_label (toast, _("_Show"));
  adw_toast_set_action_name (toast, "win.page");
  adw_toast_set_action_target_value (toast, g_variant_new_string ("figures"));
  adw_toast_overlay_add_toast (self->toasts, toast);
}

KamChartsPage *
kam_window_get_charts_page (KamWindow *self)
{
  return self->charts;
}

static void
add_page (KamWindow *self, GtkWidget *child, const char *name, const char *title, const char *icon)
{
  AdwViewStackPage *page = adw_view_stack_add_titled (self->stack, child, name, title);

  adw_view_stack_page_set_icon_name (page, icon);
}

/* KAMLANG_PROBE: tell when the first frame is drawn; =quit: then quit. */
static void
first_frame_drawn (GdkFrameClock *clock, KamWindow *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_drawn, self);
  kam_probe ("first frame");
  if (g_strcmp0 (g_getenv ("KAMLANG_PROBE"), "quit") == 0)
    g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
}

static void
probe_realized (KamWindow *self)
{
  kam_probe ("window realized");
  g_signal_connect_after (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                          G_CALLBACK (first_frame_drawn), self);
}

static void
kam_window_init (KamWindow *self)
{
  GtkWidget *box, *header, *menu_button, *switcher, *switcher_bar, *undo_box;
  g_autoptr (GMenuModel) menu = primary_menu ();
  GSettingsSchemaSource *schemas = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;
  GtkDropTarget *drop;

  kam_probe ("window init");
  if (g_getenv ("KAMLANG_PROBE") != NULL)
    g_signal_connect (self, "realize", G_CALLBACK (probe_realized), NULL);
  /* our icons, also when the window is made without the application */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/io/github/kamlang/Kamlang/icons");
  self->draft_delay = DEFAULT_DRAFT_DELAY_MS;
#if KAM_DEVELOPMENT
  /* libadwaita's striped header bar: this is not the stable Kamlang */
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
  if (schemas != NULL && (schema = g_settings_schema_source_lookup (schemas, KAM_SCHEMA_ID, TRUE)) != NULL)
    self->settings = g_settings_new (KAM_SCHEMA_ID);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  self->title = ADW_WINDOW_TITLE (adw_window_title_new ("", ""));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header),
                             icon_button ("document-open-symbolic", _("Open a dataset (Ctrl+O)"), "win.open"));
  undo_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (undo_box, "linked");
  gtk_box_append (GTK_BOX (undo_box), icon_button ("edit-undo-symbolic", _("Undo (Ctrl+Z)"), "win.undo"));
  gtk_box_append (GTK_BOX (undo_box), icon_button ("edit-redo-symbolic", _("Redo (Shift+Ctrl+Z)"), "win.redo"));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), undo_box);
  menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "open-menu-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), menu);
  gtk_menu_button_set_primary (GTK_MENU_BUTTON (menu_button), TRUE);
  gtk_widget_set_tooltip_text (menu_button, _("Main Menu"));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), menu_button);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header),
                           icon_button ("document-save-symbolic", _("Save (Ctrl+S)"), "win.save"));
  gtk_box_append (GTK_BOX (box), header);

  self->stack = ADW_VIEW_STACK (adw_view_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  self->charts = KAM_CHARTS_PAGE (kam_charts_page_new ());
  g_signal_connect_swapped (kam_charts_page_get_view (self->charts), "figures-activated",
                            G_CALLBACK (chart_figures_activated), self);
  self->figures = KAM_FIGURES_VIEW (kam_figures_view_new ());
  self->countries = KAM_ITEMS_VIEW (kam_items_view_new (KAM_ITEMS_COUNTRIES));
  self->sources = KAM_ITEMS_VIEW (kam_items_view_new (KAM_ITEMS_SOURCES));
  self->agreements = KAM_ITEMS_VIEW (kam_items_view_new (KAM_ITEMS_AGREEMENTS));
  add_page (self, GTK_WIDGET (self->charts), "charts", _("Charts"), "kam-chart-symbolic");
  add_page (self, GTK_WIDGET (self->figures), "figures", _("Figures"), "view-list-symbolic");
  add_page (self, GTK_WIDGET (self->countries), "countries", _("Countries"), "mark-location-symbolic");
  add_page (self, GTK_WIDGET (self->sources), "sources", _("Sources"), "accessories-dictionary-symbolic");
  add_page (self, GTK_WIDGET (self->agreements), "agreements", _("Agreements"), "emblem-documents-symbolic");

  switcher = adw_view_switcher_new ();
  adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (switcher), self->stack);
  adw_view_switcher_set_policy (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_SWITCHER_POLICY_WIDE);
  gtk_widget_set_halign (switcher, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (switcher, 6);
  gtk_widget_set_margin_bottom (switcher, 6);
  gtk_box_append (GTK_BOX (box), switcher);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  switcher_bar = adw_view_switcher_bar_new ();
  adw_view_switcher_bar_set_stack (ADW_VIEW_SWITCHER_BAR (switcher_bar), self->stack);
  gtk_box_append (GTK_BOX (box), switcher_bar);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, box);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), GTK_WIDGET (self->toasts));

  drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_file), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  if (self->settings != NULL)
    {
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
}

KamWindow *
kam_window_new (GtkApplication *application)
{
  return g_object_new (KAM_TYPE_WINDOW, "application", application, NULL);
}
