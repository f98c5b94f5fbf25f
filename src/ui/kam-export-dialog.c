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
static const struct
{
  const char *id;
  const char *label;
  int width, height; /* pixels at 96 dpi */
} presets[] = {
  { "slide", N_("Slide, 1920 × 1080"), 1920, 1080 },
  { "a4", N_("A4 landscape"), 1123, 794 },
  { "letter", N_("Letter landscape"), 1056, 816 },
  { "custom", N_("Custom size"), 0, 0 },
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
 * name without a known extension gets the chosen format's.
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
  if (!kam_export_chart (self->chart, path, gtk_drop_down_get_selected (self->format),
                         gtk_spin_button_get_value (self->width), gtk_spin_button_get_value (self->height),
                         gtk_spin_button_get_value (self->dpi), gtk_switch_get_active (self->transparent), error))
    return FALSE;
  remember (self);
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

static GtkWidget *
row (const char *title, GtkWidget *control)
{
  GtkWidget *r = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r), title);
  gtk_widget_set_valign (control, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (r), control);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (r), control);
  gtk_accessible_update_property (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return r;
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
  G_OBJECT_CLASS (klass)->dispose = kam_export_dialog_dispose;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kam_export_dialog_init (KamExportDialog *self)
{
}

GtkWidget *
kam_export_dialog_new (GtkWindow *parent, KamChart *chart)
{
  KamExportDialog *self = g_object_new (KAM_TYPE_EXPORT_DIALOG, "modal", TRUE, "transient-for", parent,
                                        "title", _("Export Chart"), "default-width", 900, "default-height", 560,
                                        "destroy-with-parent", TRUE, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *export = gtk_button_new_with_mnemonic (_("_Export…"));
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *group = adw_preferences_group_new ();
  g_autoptr (GtkStringList) formats = gtk_string_list_new ((const char *[]) { "PNG", "PDF", "SVG", NULL });
  g_autoptr (GtkStringList) sizes = gtk_string_list_new (NULL);
  GSettingsSchemaSource *schemas = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;
  GtkWidget *preview;

  self->chart = g_object_ref (chart);
  self->parent = parent;
  if (schemas != NULL && (schema = g_settings_schema_source_lookup (schemas, KAM_SCHEMA_ID, TRUE)) != NULL)
    self->settings = g_settings_new (KAM_SCHEMA_ID);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  gtk_widget_add_css_class (export, "suggested-action");
  g_signal_connect_swapped (export, "clicked", G_CALLBACK (export_clicked), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), export);
  gtk_box_append (GTK_BOX (box), header);

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    gtk_string_list_append (sizes, _(presets[i].label));
  self->format = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&formats)), NULL));
  self->preset = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&sizes)), NULL));
  self->width = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (100, 20000, 10));
  self->height = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (100, 20000, 10));
  self->dpi = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (24, 1200, 24));
  self->transparent = GTK_SWITCH (gtk_switch_new ());
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row (_("Format"), GTK_WIDGET (self->format)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row (_("Size"), GTK_WIDGET (self->preset)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row (_("Width (pixels at 96 dpi)"), GTK_WIDGET (self->width)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row (_("Height (pixels at 96 dpi)"), GTK_WIDGET (self->height)));
  self->dpi_row = row (_("Resolution (dpi)"), GTK_WIDGET (self->dpi));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->dpi_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row (_("Transparent background"), GTK_WIDGET (self->transparent)));
  gtk_widget_set_size_request (group, 340, -1);
  gtk_widget_set_valign (group, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (body), group);

  /* the live preview: the same chart, in the export's shape */
  self->frame = GTK_ASPECT_FRAME (gtk_aspect_frame_new (0.5, 0.5, 1.6, FALSE));
  preview = kam_chart_view_new (chart);
  kam_chart_view_set_role_name (KAM_CHART_VIEW (preview), _("Preview"));
  /* the chart on the window is the Tab stop; the preview only shows */
  gtk_widget_set_focusable (preview, FALSE);
  gtk_widget_set_size_request (preview, 200, 120);
  gtk_aspect_frame_set_child (self->frame, preview);
  gtk_widget_set_hexpand (GTK_WIDGET (self->frame), TRUE);
  gtk_widget_add_css_class (preview, "card");
  gtk_widget_set_overflow (preview, GTK_OVERFLOW_HIDDEN);
  gtk_box_append (GTK_BOX (body), GTK_WIDGET (self->frame));
  gtk_widget_set_margin_start (body, 18);
  gtk_widget_set_margin_end (body, 18);
  gtk_widget_set_margin_top (body, 18);
  gtk_widget_set_margin_bottom (body, 18);
  gtk_widget_set_vexpand (body, TRUE);
  gtk_box_append (GTK_BOX (box), body);
  adw_window_set_content (ADW_WINDOW (self), box);

  g_signal_connect_swapped (self->format, "notify::selected", G_CALLBACK (update_preview), self);
  g_signal_connect_swapped (self->preset, "notify::selected", G_CALLBACK (preset_changed), self);
  g_signal_connect_swapped (self->width, "value-changed", G_CALLBACK (size_changed), self);
  g_signal_connect_swapped (self->height, "value-changed", G_CALLBACK (size_changed), self);
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
