/* kam-items-edit.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Adding to the lists (a country from ISO 3166, a source, an agreement, a
 * breakdown or a member) and deleting from them, asking first when figures
 * use what goes. */

#include <glib/gi18n.h>
#include <string.h>
#include "kam-country-chooser.h"
#include "kam-items-view-private.h"
#include "kam-iso-countries.h"
#include "kam-ui-util.h"

/* ---- add and delete ------------------------------------------------------- */

static char *
unused_source_id (KamDataset *dataset)
{
  for (guint i = 1;; i++)
    {
      g_autofree char *id = g_strdup_printf ("source-%u", i);
      if (kam_dataset_lookup_source (dataset, id) == NULL)
        return g_steal_pointer (&id);
    }
}

/* A breakdown's id, made from its name: "Nationality of employer" is
 * "nationality-of-employer"; a name without Latin letters gives "breakdown". */
static char *
dimension_id_from_name (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name != NULL ? name : "", "C");
  GString *id = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0' && id->len < 40; p++)
    {
      if (g_ascii_isalnum (*p) && (id->len > 0 || g_ascii_isalpha (*p)))
        g_string_append_c (id, g_ascii_tolower (*p));
      else if (id->len > 0 && id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
    }
  while (id->len > 0 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);
  if (id->len == 0 || !kam_dimension_id_is_valid (id->str))
    g_string_assign (id, "breakdown");
  return g_string_free (id, FALSE);
}

static gboolean
add_dimension (KamItemsView *self, const char *name, GError **error)
{
  g_autofree char *base = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));

  if (*stripped == '\0')
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("A breakdown needs a name."));
      return FALSE;
    }
  base = dimension_id_from_name (stripped);
  /* the id must be new, and not a figure column's (country, year ...) */
  for (guint i = 1; i < 100; i++)
    {
      g_autofree char *id = i == 1 ? g_strdup (base) : g_strdup_printf ("%s-%u", base, i);
      g_autoptr (KamDimension) dimension = NULL;

      if (kam_dataset_find_dimension (self->dataset, id) >= 0)
        continue;
      dimension = kam_dimension_new (id, stripped, NULL);
      /* Translators: the member of a new breakdown that is not broken down */
      kam_dimension_append_member (dimension, "total", _("Total"), "សរុប");
      g_clear_error (error);
      if (kam_dataset_add_dimension (self->dataset, dimension, error))
        return TRUE;
      if (kam_dataset_get_n_dimensions (self->dataset) >= KAM_MAX_DIMENSIONS)
        return FALSE;
    }
  return FALSE;
}

gboolean
kam_items_view_add (KamItemsView *self, const char *code, GError **error)
{
  GListModel *list;
  gboolean ok;

  switch (self->kind)
    {
    case KAM_ITEMS_DIMENSIONS:
      ok = add_dimension (self, code, error);
      list = kam_dataset_get_dimensions (self->dataset);
      break;
    case KAM_ITEMS_MEMBERS:
      if (self->dimension == NULL)
        {
          g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("Choose a breakdown first."));
          return FALSE;
        }
      {
        g_autofree char *stripped = g_strstrip (g_strdup (code != NULL ? code : ""));
        ok = kam_dataset_add_member (self->dataset, self->dimension, stripped, NULL, NULL, error) >= 0;
      }
      list = G_LIST_MODEL (self->dimension);
      break;
    case KAM_ITEMS_COUNTRIES:
      {
        g_autofree char *upper = g_utf8_strup (code ? code : "", -1);
        g_autoptr (KamCountry) country = kam_country_new (g_strstrip (upper));
        const KamIsoCountry *iso = kam_iso_countries_find (kam_iso_countries_get_default (), upper);

        /* the names of ISO 3166, in English and in Khmer */
        kam_country_set_name (country, iso != NULL ? iso->name : upper);
        if (iso != NULL && iso->name_km != NULL)
          kam_country_set_name_km (country, iso->name_km);
        ok = kam_dataset_add_country (self->dataset, country, error);
        list = kam_dataset_get_countries (self->dataset);
        break;
      }
    case KAM_ITEMS_SOURCES:
      {
        g_autofree char *id = unused_source_id (self->dataset);
        g_autoptr (KamSource) source = kam_source_new (id);
        kam_source_set_title (source, _("New source"));
        ok = kam_dataset_add_source (self->dataset, source, error);
        list = kam_dataset_get_sources (self->dataset);
        break;
      }
    default:
      {
        g_autoptr (KamAgreement) agreement = g_object_new (KAM_TYPE_AGREEMENT, NULL);
        kam_agreement_set_title (agreement, _("New agreement"));
        kam_agreement_set_status (agreement, KAM_AGREEMENT_STATUS_PLANNED);
        ok = kam_dataset_add_agreement (self->dataset, agreement, error);
        list = kam_dataset_get_agreements (self->dataset);
      }
    }
  if (ok)
    gtk_single_selection_set_selected (self->selection, g_list_model_get_n_items (list) - 1);
  return ok;
}

static void
code_dialog_response (AdwMessageDialog *dialog, const char *response, KamItemsView *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr (GError) error = NULL;

  if (g_str_equal (response, "add") && !kam_items_view_add (self, gtk_editable_get_text (entry), &error))
    kam_show_toast (GTK_WIDGET (self), adw_toast_new (error->message));
}

/* A code or a name, typed: a country's code without iso-codes, a
 * breakdown's name, a member's code. */
static void
ask_text (KamItemsView *self, const char *heading, const char *body, const char *entry_name, int max_length)
{
  GtkWidget *dialog, *entry;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body);
  entry = gtk_entry_new ();
  gtk_entry_set_max_length (GTK_ENTRY (entry), max_length);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, entry_name, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "add",
                                    _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (code_dialog_response), self, 0);
  kam_present_dialog (dialog);
  gtk_widget_grab_focus (entry);
}

/* A country of ISO 3166 chosen in the dialog (kam-country-chooser.c). */
static void
iso_country_chosen (KamItemsView *self, const char *code)
{
  g_autoptr (GError) error = NULL;

  if (!kam_items_view_add (self, code, &error))
    kam_show_toast (GTK_WIDGET (self), adw_toast_new (error->message));
}

static void
choose_iso_country (KamItemsView *self, GPtrArray *countries)
{
  GtkWidget *dialog = kam_country_chooser_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), countries,
                                               self->dataset);

  g_signal_connect_object (dialog, "chosen", G_CALLBACK (iso_country_chosen), self, G_CONNECT_SWAPPED);
  kam_present_dialog (dialog);
}

void
_kam_items_view_add_item (GtkWidget *widget, const char *action, GVariant *param)
{
  KamItemsView *self = KAM_ITEMS_VIEW (widget);
  GPtrArray *countries;

  if (self->dataset == NULL)
    return;
  if (self->kind == KAM_ITEMS_DIMENSIONS)
    {
      ask_text (self, _("Add a Breakdown"),
                _("Type the name of the new breakdown of the figures, such as “Employer's nationality”. "
                  "It starts with its total; add its members on the right."),
                _("Breakdown name"), 80);
      return;
    }
  if (self->kind == KAM_ITEMS_MEMBERS)
    {
      g_autofree char *body = NULL;

      if (self->dimension == NULL)
        return;
      body = g_strdup_printf (_("Type the code of the new member of “%s”, as files and pasted tables name it: "
                                "letters, digits, - _ + and ., such as KH-26 or 65+. Its names can be "
                                "typed in the list."),
                              kam_dimension_get_label (self->dimension));
      ask_text (self, _("Add a Member"), body, _("Member code"), 64);
      return;
    }
  if (self->kind != KAM_ITEMS_COUNTRIES)
    {
      g_autoptr (GError) error = NULL;
      if (!kam_items_view_add (self, NULL, &error))
        kam_show_toast (widget, adw_toast_new (error->message));
      return;
    }
  countries = kam_iso_countries_get_default ();
  if (countries != NULL && countries->len > 0)
    choose_iso_country (self, countries);
  else
    ask_text (self, _("Add a Country"),
              _("Type the country's ISO 3166-1 code of three letters, such as THA for Thailand."),
              _("Country code"), 3);
}

static void
delete_item_now (KamItemsView *self, GObject *item, gboolean with_dependents)
{
  g_autoptr (GError) error = NULL;
  gboolean ok = TRUE;

  if (KAM_IS_COUNTRY (item))
    ok = kam_dataset_remove_country (self->dataset, KAM_COUNTRY (item), with_dependents, &error);
  else if (KAM_IS_SOURCE (item))
    ok = kam_dataset_remove_source (self->dataset, KAM_SOURCE (item), with_dependents, &error);
  else
    kam_dataset_remove_agreement (self->dataset, KAM_AGREEMENT (item));
  if (ok)
    {
      AdwToast *toast = adw_toast_new (_("Deleted"));
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
      kam_show_toast (GTK_WIDGET (self), toast);
    }
  else
    kam_show_toast (GTK_WIDGET (self), adw_toast_new (error->message));
}

/* What the dialog asks to delete. */
typedef struct
{
  KamItemsView *self;
  GObject *item;
} DeleteRequest;

static void
delete_request_free (gpointer data, GClosure *closure)
{
  DeleteRequest *request = data;

  g_object_unref (request->item);
  g_free (request);
}

static void
delete_dialog_response (AdwMessageDialog *dialog, const char *response, DeleteRequest *request)
{
  if (g_str_equal (response, "delete"))
    delete_item_now (request->self, request->item, TRUE);
}

void
_kam_items_view_delete_item (GtkWidget *widget, const char *action, GVariant *param)
{
  KamItemsView *self = KAM_ITEMS_VIEW (widget);
  GObject *item = gtk_single_selection_get_selected_item (self->selection);
  guint figures = 0;
  const char *key = NULL;
  GtkWidget *dialog;
  DeleteRequest *request;
  g_autofree char *heading = NULL, *body = NULL;

  if (item == NULL)
    return;
  if (KAM_IS_COUNTRY (item))
    {
      key = kam_country_get_code (KAM_COUNTRY (item));
      figures = kam_dataset_count_figures_using (self->dataset, KAM_FIGURE_FIELD_COUNTRY, key);
    }
  else if (KAM_IS_SOURCE (item))
    {
      key = kam_source_get_id (KAM_SOURCE (item));
      figures = kam_dataset_count_figures_using (self->dataset, KAM_FIGURE_FIELD_SOURCE, key);
    }
  if (figures == 0)
    {
      delete_item_now (self, item, TRUE);
      return;
    }
  /* Translators: %s is a country code or a source id */
  heading = g_strdup_printf (_("Delete “%s” and Its Figures?"), key);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u figure uses it. Deleting it deletes that figure too; you can undo this.",
                                       "%u figures use it. Deleting it deletes those figures too; you can undo this.",
                                       figures),
                          figures);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete",
                                    _("_Delete All"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  request = g_new (DeleteRequest, 1);
  request->self = self;
  request->item = g_object_ref (item);
  g_signal_connect_data (dialog, "response", G_CALLBACK (delete_dialog_response), request, delete_request_free, 0);
  kam_present_dialog (dialog);
}
