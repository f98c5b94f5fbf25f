/* kam-country-chooser.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <string.h>
#include "kam-country-chooser.h"
#include "kam-iso-countries.h"

struct _KamCountryChooser
{
  AdwMessageDialog parent_instance;

  GPtrArray *countries; /* KamIsoCountry, a row each, in their order */

  /* template children */
  GtkEditable *search;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (KamCountryChooser, kam_country_chooser, ADW_TYPE_MESSAGE_DIALOG)

enum
{
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const KamIsoCountry *
country_of (KamCountryChooser *self, GtkListBoxRow *row)
{
  return g_ptr_array_index (self->countries, gtk_list_box_row_get_index (row));
}

static gboolean
row_matches (GtkListBoxRow *row, gpointer data)
{
  KamCountryChooser *self = data;
  const KamIsoCountry *country = country_of (self, row);
  g_autofree char *needle = g_utf8_casefold (gtk_editable_get_text (self->search), -1);
  g_autofree char *name = g_utf8_casefold (country->name, -1);
  g_autofree char *code = g_utf8_casefold (country->code, -1);

  g_strstrip (needle);
  return *needle == '\0' || strstr (name, needle) != NULL || strstr (code, needle) != NULL
         || (country->name_km != NULL && strstr (country->name_km, needle) != NULL);
}

static void
kam_country_chooser_response (AdwMessageDialog *dialog, const char *response)
{
  KamCountryChooser *self = KAM_COUNTRY_CHOOSER (dialog);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);

  if (g_str_equal (response, "add") && row != NULL)
    g_signal_emit (self, signals[CHOSEN], 0, country_of (self, row)->code);
}

static void
row_selected (KamCountryChooser *self, GtkListBoxRow *row)
{
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "add", row != NULL);
}

static void
choose_now (KamCountryChooser *self)
{
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), "add");
  gtk_window_close (GTK_WINDOW (self));
}

static void
row_activated (KamCountryChooser *self, GtkListBoxRow *row)
{
  gtk_list_box_select_row (self->list, row);
  choose_now (self);
}

static void
search_changed (KamCountryChooser *self)
{
  gtk_list_box_invalidate_filter (self->list);
  /* the first country still shown is chosen, so that Enter adds it */
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, i);

      if (row == NULL)
        {
          gtk_list_box_unselect_all (self->list);
          break;
        }
      if (gtk_widget_get_sensitive (GTK_WIDGET (row)) && row_matches (row, self))
        {
          gtk_list_box_select_row (self->list, row);
          break;
        }
    }
}

static void
search_activated (KamCountryChooser *self)
{
  if (gtk_list_box_get_selected_row (self->list) != NULL)
    choose_now (self);
}

static void
kam_country_chooser_dispose (GObject *object)
{
  KamCountryChooser *self = KAM_COUNTRY_CHOOSER (object);

  /* the rows go with the list: nothing may answer for them meanwhile */
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), KAM_TYPE_COUNTRY_CHOOSER);
  g_clear_pointer (&self->countries, g_ptr_array_unref);
  G_OBJECT_CLASS (kam_country_chooser_parent_class)->dispose (object);
}

static void
kam_country_chooser_class_init (KamCountryChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kam_country_chooser_dispose;
  ADW_MESSAGE_DIALOG_CLASS (klass)->response = kam_country_chooser_response;
  /* the code of the country chosen */
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kamlang/Kamlang/ui/kam-country-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, KamCountryChooser, search);
  gtk_widget_class_bind_template_child (widget_class, KamCountryChooser, list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, search_activated);
  gtk_widget_class_bind_template_callback (widget_class, row_selected);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
}

static void
kam_country_chooser_init (KamCountryChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_filter_func (self->list, row_matches, self, NULL);
}

GtkWidget *
kam_country_chooser_new (GtkWindow *parent, GPtrArray *countries, KamDataset *dataset)
{
  KamCountryChooser *self = g_object_new (KAM_TYPE_COUNTRY_CHOOSER, "transient-for", parent, NULL);

  self->countries = g_ptr_array_ref (countries);
  for (guint i = 0; i < countries->len; i++)
    {
      KamIsoCountry *country = g_ptr_array_index (countries, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *code = gtk_label_new (country->code);
      g_autofree char *title = g_markup_escape_text (country->name, -1);
      g_autofree char *subtitle = country->name_km ? g_markup_escape_text (country->name_km, -1) : NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (subtitle != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (code, "dim-label");
      gtk_widget_add_css_class (code, "monospace");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), code);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      if (kam_dataset_lookup_country (dataset, country->code) != NULL)
        {
          gtk_widget_set_sensitive (row, FALSE);
          gtk_widget_set_tooltip_text (row, _("Already in the dataset"));
        }
      gtk_list_box_append (self->list, row);
    }
  return GTK_WIDGET (self);
}
