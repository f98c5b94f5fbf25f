/* kam-export-dialog.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Export a chart: format, size (presets or custom), resolution for PNG, a
 * transparent background, and a live preview of the chart at that shape. The
 * choices are remembered. */

#include <glib/gi18n.h>
#include <string.h>
#include "kam-config.h"
#include "kam-chart-view.h"
#include "kam-export-dialog.h"
#include "kam-ui-util.h"
#include "kam-window-private.h"

struct _KamExportDialog
{
  AdwWindow parent_instance;

  KamChart *chart;
  GtkWindow *parent;
  GtkDropDown *format, *preset;
  GtkSpinButton *width, *height, *dpi;
  GtkSwitch *transparent;
  GtkWidget *dpi_row;
  GtkAspectFrame *frame;
  GSettings *settings;
  GtkFileChooserNative *chooser;
  gboolean syncing;
};

G_DEFINE_FINAL_TYPE (KamExportDialog, kam_export_dialog, ADW_TYPE_WINDOW)

static const char *const format_ids[] = { "png", "pdf", "svg" };
/* in the order of the Size list in kam-export-dialog.ui */
static const struct
{
  const char *id;
  int width, height; /* pixels at 96 dpi */
} presets[] = {
  { "slide", 1920, 1080 },
  { "a4", 1123, 794 },
  { "letter", 1056, 816 },
  { "custom", 0, 0 },
};

static void
update_preview (KamExportDialog *self)
{
  double w = gtk_spin_button_get_value (self->width), h = gtk_spin_button_get_value (self->height);

  gtk_aspect_frame_set_ratio (self->frame, h > 0 ? w / h : 1.6);
  gtk_widget_set_visible (self->dpi_row, gtk_drop_down_get_selected (self->format) == KAM_EXPORT_PNG);
}

static void
preset_changed (KamExportDialog *self)
{
  guint i = gtk_drop_down_get_selected (self->preset);

  if (self->syncing || i >= G_N_ELEMENTS (presets) || presets[i].width == 0)
    {
      update_preview (self);
      return;
    }
  self->syncing = TRUE;
  gtk_spin_button_set_value (self->width, presets[i].width);
  gtk_spin_button_set_value (self->height, presets[i].height);
  self->syncing = FALSE;
  update_preview (self);
}

static void
size_changed (KamExportDialog *self)
{
  int w = gtk_spin_button_get_value_as_int (self->width), h = gtk_spin_button_get_value_as_int (self->height);
  guint custom = G_N_ELEMENTS (presets) - 1;

  if (!self->syncing)
    {
      /* a size typed by hand is a custom size, unless it is a preset's */
      guint match = custom;
      for (guint i = 0; i < custom; i++)
        if (presets[i].width == w && presets[i].height == h)
          match = i;
      self->syncing = TRUE;
      gtk_drop_down_set_selected (self->preset, match);
      self->syncing = FALSE;
    }
  update_preview (self);
}

void
kam_export_dialog_set_choices (KamExportDialog *self, KamExportFormat format, int width, int height, int dpi,
                               gboolean transparent)
{
  gtk_drop_down_set_selected (self->format, format);
  gtk_spin_button_set_value (self->width, width);
  gtk_spin_button_set_value (self->height, height);
  gtk_spin_button_set_value (self->dpi, dpi);
  gtk_switch_set_active (self->transparent, transparent);
}

static void
remember (KamExportDialog *self)
{
  if (self->settings == NULL)
    return;
  g_settings_set_string (self->settings, "export-format", format_ids[gtk_drop_down_get_selected (self->format)]);
  g_settings_set_string (self->settings, "export-preset", presets[gtk_drop_down_get_selected (self->preset)].id);
  g_settings_set_int (self->settings, "export-width", gtk_spin_button_get_value_as_int (self->width));
  g_settings_set_int (self->settings, "export-height", gtk_spin_button_get_value_as_int (self->height));
  g_settings_set_int (self->settings, "export-dpi", gtk_spin_button_get_value_as_int (self->dpi));
  g_settings_set_boolean (self->settings, "export-transparent", gtk_switch_get_active (self->transparent));
}

/* The format a file name asks for by its extension, or -1. */
static int
format_of_name (const char *name)
{
  const char *dot = strrchr (name, '.');

  for (guint i = 0; dot != NULL && i < G_N_ELEMENTS (format_ids); i++)
    if (g_ascii_strcasecmp (dot + 1, format_ids[i]) == 0)
      return (int) i;
  return -1;
}

/**
 * kam_export_dialog_export_to:
 *
 * Exports to @file in the chosen format, unless the file's name ends in
 * another format's extension (chart.pdf while PNG is chosen): the name then
 * chooses the format, so that a file never holds bytes its name belies. A
 * name without a known extension gets the chosen format's. In a Kamlang
 * window the chart is drawn and written in a thread, of the figures as they
 * are now; the window says when it is done (kam_window_get_loading() is TRUE
 * until then).
 */
gboolean
kam_export_dialog_export_to (KamExportDialog *self, GFile *file, GError **error)
{
  g_autofree char *name = g_file_get_basename (file);
  int by_name = format_of_name (name);
  g_autoptr (GFile) target = NULL;
  g_autoptr (GFile) folder = g_file_get_parent (file);
  g_autofree char *folder_uri = folder ? g_file_get_uri (folder) : NULL;
  g_autofree char *path = NULL, *text = NULL;
  AdwToast *toast;

  if (by_name >= 0)
    {
      gtk_drop_down_set_selected (self->format, by_name);
      target = g_object_ref (file);
    }
  else
    {
      g_autofree char *named = g_strdup_printf ("%s.%s", name, format_ids[gtk_drop_down_get_selected (self->format)]);
      target = folder ? g_file_get_child (folder, named) : g_file_new_for_path (named);
      g_free (name);
      name = g_steal_pointer (&named);
    }
  path = g_file_get_path (target);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Kamlang can only export to a local folder."));
      return FALSE;
    }
  remember (self);
  if (KAM_IS_WINDOW (self->parent))
    {
      /* in a thread, on a copy: the window says when it is done */
      kam_window_export_chart (KAM_WINDOW (self->parent), self->chart, target, gtk_drop_down_get_selected (self->format),
                               gtk_spin_button_get_value (self->width), gtk_spin_button_get_value (self->height),
                               gtk_spin_button_get_value (self->dpi), gtk_switch_get_active (self->transparent));
      return TRUE;
    }
  if (!kam_export_chart (self->chart, path, gtk_drop_down_get_selected (self->format),
                         gtk_spin_button_get_value (self->width), gtk_spin_button_get_value (self->height),
                         gtk_spin_button_get_value (self->dpi), gtk_switch_get_active (self->transparent), error))
    return FALSE;
  text = g_strdup_printf (_("Chart exported as “%s”"), name);
  toast = adw_toast_new (text);
  if (folder_uri != NULL)
    {
      adw_toast_set_button_label (toast, _("Open _Folder"));
      adw_toast_set_action_name (toast, "win.open-folder");
      adw_toast_set_action_target_value (toast, g_variant_new_string (folder_uri));
    }
  kam_show_toast (GTK_WIDGET (self->parent), toast);
  return TRUE;
}

/**
 * kam_export_dialog_dup_default_name:
 *
 * Returns: (transfer full): the name offered for the file: the chart's
 *   title, with the format's extension
 */
char *
kam_export_dialog_dup_default_name (KamExportDialog *self)
{
  const char *title = kam_chart_get_title (self->chart);
  g_autofree char *base = g_strdup (title != NULL && *title ? title : _("chart"));

  /* a title may hold characters a file name cannot */
  g_strdelimit (base, "/\\:*?\"<>|\n", '-');
  return g_strdup_printf ("%s.%s", base, format_ids[gtk_drop_down_get_selected (self->format)]);
}

static void
chooser_response (GtkNativeDialog *chooser, int response, KamExportDialog *self)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;
  if (!kam_export_dialog_export_to (self, file, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Export the Chart"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      kam_present_dialog (dialog);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
export_clicked (KamExportDialog *self)
{
  g_autofree char *name = kam_export_dialog_dup_default_name (self);

  self->chooser = gtk_file_chooser_native_new (_("Export Chart"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
kam_export_dialog_dispose (GObject *object)
{
  KamExportDialog *self = KAM_EXPORT_DIALOG (object);

  g_clear_object (&self->chart);
  g_clear_object (&self->settings);
  g_clear_object (&self->chooser);
  G_OBJECT_CLASS (kam_export_dialog_parent_class)->dispose (object);
}

static void
kam_export_dialog_class_init (KamExportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = kam_export_dialog_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kamlang/Kamlang/ui/kam-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KamExportDialog, format);
  gtk_widget_class_bind_template_child (widget_class, KamExportDialog, preset);
  gtk_widget_class_bind_template_child (widget_class, KamExportDialog, width);
  gtk_widget_class_bind_template_child (widget_class, KamExportDialog, height);
  gtk_widget_class_bind_template_child (widget_class, KamExportDialog, dpi);
  gtk_widget_class_bind_template_child (widget_class, KamExportDialog, transparent);
  gtk_widget_class_bind_template_child (widget_class, KamExportDialog, dpi_row);
  gtk_widget_class_bind_template_child (widget_class, KamExportDialog, frame);
  gtk_widget_class_bind_template_callback (widget_class, update_preview);
  gtk_widget_class_bind_template_callback (widget_class, preset_changed);
  gtk_widget_class_bind_template_callback (widget_class, size_changed);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked);
}

static void
kam_export_dialog_init (KamExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  kam_label_inner_controls (GTK_WIDGET (self));
}

GtkWidget *
kam_export_dialog_new (GtkWindow *parent, KamChart *chart)
{
  KamExportDialog *self = g_object_new (KAM_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  GSettingsSchemaSource *schemas = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;
  GtkWidget *preview = kam_chart_view_new (chart);

  self->chart = g_object_ref (chart);
  self->parent = parent;
  if (schemas != NULL && (schema = g_settings_schema_source_lookup (schemas, KAM_SCHEMA_ID, TRUE)) != NULL)
    self->settings = g_settings_new (KAM_SCHEMA_ID);

  /* the preview shows this chart; the chart on the window is the Tab stop */
  kam_chart_view_set_role_name (KAM_CHART_VIEW (preview), _("Preview"));
  gtk_widget_set_focusable (preview, FALSE);
  gtk_widget_set_size_request (preview, 200, 120);
  gtk_widget_add_css_class (preview, "card");
  gtk_widget_set_overflow (preview, GTK_OVERFLOW_HIDDEN);
  gtk_aspect_frame_set_child (self->frame, preview);

  if (self->settings != NULL)
    {
      g_autofree char *format = g_settings_get_string (self->settings, "export-format");
      guint f = g_str_equal (format, "pdf") ? 1 : g_str_equal (format, "svg") ? 2 : 0;

      kam_export_dialog_set_choices (self, f, g_settings_get_int (self->settings, "export-width"),
                                     g_settings_get_int (self->settings, "export-height"),
                                     g_settings_get_int (self->settings, "export-dpi"),
                                     g_settings_get_boolean (self->settings, "export-transparent"));
    }
  else
    kam_export_dialog_set_choices (self, KAM_EXPORT_PNG, 1920, 1080, 96, FALSE);
  update_preview (self);
  return GTK_WIDGET (self);
}
