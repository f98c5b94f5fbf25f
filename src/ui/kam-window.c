/* kam-window.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include "kam-window.h"
#include "kam-dataset-json.h"

struct _KamWindow
{
  AdwApplicationWindow parent_instance;

  AdwWindowTitle *title;
  GtkLabel *summary;
  KamDataset *dataset;
  GFile *file;
};

G_DEFINE_FINAL_TYPE (KamWindow, kam_window, ADW_TYPE_APPLICATION_WINDOW)

static void
update_title (KamWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  const char *dataset_title = kam_dataset_get_title (self->dataset);

  name = self->file != NULL ? g_file_get_basename (self->file) : g_strdup (_("New dataset"));
  title = kam_dataset_get_modified (self->dataset) ? g_strdup_printf ("• %s", name)
                                                    : g_strdup (name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->title, dataset_title ? dataset_title : name);
  adw_window_title_set_subtitle (self->title, title);
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u figure", "%u figures",
                                          kam_figure_table_get_n_rows (
                                            kam_dataset_get_figures (self->dataset))),
                             kam_figure_table_get_n_rows (kam_dataset_get_figures (self->dataset)));
  gtk_label_set_label (self->summary, summary);
}

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

void
kam_window_set_document (KamWindow *self, KamDataset *dataset, GFile *file)
{
  g_return_if_fail (KAM_IS_WINDOW (self));
  g_return_if_fail (KAM_IS_DATASET (dataset));

  if (self->dataset != NULL)
    g_signal_handlers_disconnect_by_data (self->dataset, self);
  g_set_object (&self->dataset, dataset);
  g_set_object (&self->file, file);
  g_signal_connect_swapped (dataset, "notify::modified", G_CALLBACK (update_title), self);
  g_signal_connect_swapped (dataset, "notify::title", G_CALLBACK (update_title), self);
  g_signal_connect_swapped (dataset, "changed", G_CALLBACK (update_title), self);
  update_title (self);
}

gboolean
kam_window_open_file (KamWindow *self, GFile *file)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KamDataset) dataset = kam_dataset_load_file (file, NULL, &error);

  if (dataset == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *heading = g_strdup_printf (_("Could not open “%s”"), name);
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return FALSE;
    }
  kam_dataset_mark_saved (dataset);
  kam_window_set_document (self, dataset, file);
  return TRUE;
}

static void
kam_window_dispose (GObject *object)
{
  KamWindow *self = KAM_WINDOW (object);

  if (self->dataset != NULL)
    g_signal_handlers_disconnect_by_data (self->dataset, self);
  g_clear_object (&self->dataset);
  g_clear_object (&self->file);
  G_OBJECT_CLASS (kam_window_parent_class)->dispose (object);
}

static void
kam_window_class_init (KamWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kam_window_dispose;
}

static void
kam_window_init (KamWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *status = adw_status_page_new ();

  self->title = ADW_WINDOW_TITLE (adw_window_title_new ("", ""));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (box), header);
  self->summary = GTK_LABEL (gtk_label_new (NULL));
  adw_status_page_set_child (ADW_STATUS_PAGE (status), GTK_WIDGET (self->summary));
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "x-office-spreadsheet-symbolic");
  gtk_widget_set_vexpand (status, TRUE);
  gtk_box_append (GTK_BOX (box), status);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), box);
  gtk_window_set_default_size (GTK_WINDOW (self), 1100, 720);

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
