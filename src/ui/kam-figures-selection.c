/* kam-figures-selection.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Figures page's selection edited at once: the source, qualifier, year
 * or a breakdown's member of every selected figure, one undoable step, from
 * the Change Selected menu (Shift+F10 or the Menu key on the list). */

#include <glib/gi18n.h>
#include "kam-figures-view-private.h"
#include "kam-window.h"
#include "kam-number.h"
#include "kam-ui-util.h"

/* Sets the field of the selected figures; a refusal is said in a toast. */
static void
set_selected (KamFiguresView *self, KamFigureField field, guint dimension, const KamFigureRow *src)
{
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GError) error = NULL;

  if (self->dataset == NULL)
    return;
  ids = _kam_figures_selected_ids (self);
  if (ids->len == 0)
    return;
  if (!kam_dataset_set_figures_field (self->dataset, (guint *) ids->data, ids->len, field, dimension, src, &error))
    {
      g_autofree char *title = g_strdup_printf (_("Nothing changed: %s"), error->message);
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_set_timeout (toast, 8);
      kam_show_toast (GTK_WIDGET (self), toast);
    }
}

static void
set_source (GtkWidget *widget, const char *action, GVariant *param)
{
  const char *id = g_variant_get_string (param, NULL);
  KamFigureRow src = { .source = *id != '\0' ? g_intern_string (id) : NULL };

  set_selected (KAM_FIGURES_VIEW (widget), KAM_FIGURE_FIELD_SOURCE, 0, &src);
}

static void
set_qualifier (GtkWidget *widget, const char *action, GVariant *param)
{
  KamFigureRow src = { .qualifier = g_variant_get_int32 (param) };

  set_selected (KAM_FIGURES_VIEW (widget), KAM_FIGURE_FIELD_QUALIFIER, 0, &src);
}

static void
set_member (GtkWidget *widget, const char *action, GVariant *param)
{
  KamFigureRow src = { 0 };
  guint dimension, member;

  g_variant_get (param, "(uu)", &dimension, &member);
  if (dimension >= KAM_MAX_DIMENSIONS)
    return;
  src.members[dimension] = member;
  set_selected (KAM_FIGURES_VIEW (widget), KAM_FIGURE_FIELD_MEMBERS, dimension, &src);
}

static void
set_year (GtkWidget *widget, const char *action, GVariant *param)
{
  KamFigureRow src = { .year = g_variant_get_int32 (param) };

  set_selected (KAM_FIGURES_VIEW (widget), KAM_FIGURE_FIELD_YEAR, 0, &src);
}

/* The year asked for in a dialog, from the first selected figure's. */
static void
year_chosen (AdwMessageDialog *dialog, const char *response, KamFiguresView *self)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (adw_message_dialog_get_extra_child (dialog));

  gtk_spin_button_update (spin);
  if (g_str_equal (response, "set"))
    gtk_widget_activate_action (GTK_WIDGET (self), "figures.set-year", "i",
                                (gint32) gtk_spin_button_get_value_as_int (spin));
}

static void
year_entered (AdwMessageDialog *dialog)
{
  adw_message_dialog_response (dialog, "set");
}

static void
ask_year (GtkWidget *widget, const char *action, GVariant *param)
{
  KamFiguresView *self = KAM_FIGURES_VIEW (widget);
  g_autoptr (GArray) ids = self->dataset != NULL ? _kam_figures_selected_ids (self) : NULL;
  KamFigureTable *table;
  GtkWidget *spin;
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;
  int row;

  if (ids == NULL || ids->len == 0)
    return;
  table = kam_dataset_get_figures (self->dataset);
  row = kam_figure_table_find_row (table, g_array_index (ids, guint, 0));
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The year of the %u selected figure.",
                                       "The year of the %u selected figures.", ids->len),
                          ids->len);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       _("Set the Year"), body));
  spin = gtk_spin_button_new_with_range (KAM_YEAR_MIN, KAM_YEAR_MAX, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), row >= 0 ? kam_figure_table_get_year (table, row) : 2024);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Year"), -1);
  adw_message_dialog_set_extra_child (dialog, spin);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "set", _("_Set Year"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "set", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "set");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (year_chosen), self, 0);
  /* Enter in the year sets it (GTK 4.8's spin button has no activates-default) */
  g_signal_connect_object (gtk_editable_get_delegate (GTK_EDITABLE (spin)), "activate",
                           G_CALLBACK (year_entered), dialog, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (spin);
}

/* The menu, made when opened: the dataset's sources, the qualifiers and the
 * breakdowns in use with their members. */
static GMenuModel *
make_menu (KamFiguresView *self)
{
  GMenu *menu = g_menu_new ();
  GMenu *section = g_menu_new ();
  GMenu *sources = g_menu_new (), *qualifiers = g_menu_new ();
  GListModel *list = kam_dataset_get_sources (self->dataset);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (KamSource) source = g_list_model_get_item (list, i);
      g_autofree char *label = kam_source_dup_label (source);
      g_autoptr (GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "figures.set-source",
                                               g_variant_new_string (kam_source_get_id (source)));
      g_menu_append_item (sources, item);
    }
  {
    g_autoptr (GMenuItem) none = g_menu_item_new (_("No source"), NULL);

    g_menu_item_set_action_and_target_value (none, "figures.set-source", g_variant_new_string (""));
    g_menu_append_item (sources, none);
  }
  for (guint q = 0; q < KAM_N_QUALIFIERS; q++)
    {
      g_autoptr (GMenuItem) item = g_menu_item_new (gtk_string_list_get_string (self->qualifier_labels, q), NULL);

      g_menu_item_set_action_and_target_value (item, "figures.set-qualifier", g_variant_new_int32 ((gint32) q));
      g_menu_append_item (qualifiers, item);
    }
  g_menu_append_submenu (section, _("Source"), G_MENU_MODEL (sources));
  g_menu_append_submenu (section, _("Qualifier"), G_MENU_MODEL (qualifiers));
  g_menu_append (section, _("Year…"), "figures.ask-year");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (sources);
  g_object_unref (qualifiers);
  g_object_unref (section);

  section = g_menu_new ();
  for (guint d = 0; d < kam_dataset_get_n_dimensions (self->dataset) && d < KAM_MAX_DIMENSIONS; d++)
    {
      KamDimension *dimension = kam_dataset_get_dimension (self->dataset, d);
      GMenu *members;

      if (!self->member_used[d])
        continue;
      members = g_menu_new ();
      for (guint m = 0; m < kam_dimension_get_n_members (dimension); m++)
        {
          g_autoptr (GMenuItem) item = g_menu_item_new (kam_dimension_get_member_label (dimension, m), NULL);

          g_menu_item_set_action_and_target_value (item, "figures.set-member", g_variant_new ("(uu)", d, m));
          g_menu_append_item (members, item);
        }
      g_menu_append_submenu (section, kam_dimension_get_label (dimension), G_MENU_MODEL (members));
      g_object_unref (members);
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (section)) > 0)
    g_menu_append_section (menu, _("Breakdowns"), G_MENU_MODEL (section));
  g_object_unref (section);
  {
    /* a shared dataset's: who changed the (first) selected figure, and when */
    g_autoptr (GArray) ids = _kam_figures_selected_ids (self);
    g_autoptr (GMenu) history = g_menu_new ();
    g_autoptr (GMenuItem) item = g_menu_item_new (_("_History of the Figure"), NULL);

    GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), KAM_TYPE_WINDOW);

    if (ids->len > 0 && window != NULL && kam_window_get_shared (KAM_WINDOW (window)) != NULL)
      {
        g_menu_item_set_action_and_target_value (item, "win.figure-history",
                                                 g_variant_new_uint32 (g_array_index (ids, guint, 0)));
        g_menu_append_item (history, item);
        g_menu_append_section (menu, NULL, G_MENU_MODEL (history));
      }
  }
  return G_MENU_MODEL (menu);
}

static void
create_popup (GtkMenuButton *button, gpointer data)
{
  KamFiguresView *self = data;
  g_autoptr (GMenuModel) menu = NULL;

  if (self->dataset == NULL)
    return;
  menu = make_menu (self);
  gtk_menu_button_set_menu_model (button, menu);
}

/* Shift+F10 or the Menu key: the menu of the selection. */
static void
open_menu (GtkWidget *widget, const char *action, GVariant *param)
{
  KamFiguresView *self = KAM_FIGURES_VIEW (widget);

  if (gtk_widget_get_sensitive (GTK_WIDGET (self->selection_button)))
    gtk_menu_button_popup (self->selection_button);
}

/* Whether anything is selected: the menu and its actions only then. */
static void
selection_changed (KamFiguresView *self)
{
  g_autoptr (GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  gboolean any = !gtk_bitset_is_empty (set);

  gtk_widget_set_sensitive (GTK_WIDGET (self->selection_button), any);
}

void
_kam_figures_selection_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "figures.set-source", "s", set_source);
  gtk_widget_class_install_action (widget_class, "figures.set-qualifier", "i", set_qualifier);
  gtk_widget_class_install_action (widget_class, "figures.set-member", "(uu)", set_member);
  gtk_widget_class_install_action (widget_class, "figures.set-year", "i", set_year);
  gtk_widget_class_install_action (widget_class, "figures.ask-year", NULL, ask_year);
  gtk_widget_class_install_action (widget_class, "figures.selection-menu", NULL, open_menu);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "figures.selection-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "figures.selection-menu", NULL);
}

void
_kam_figures_selection_init (KamFiguresView *self)
{
  gtk_menu_button_set_create_popup_func (self->selection_button, create_popup, self, NULL);
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (selection_changed), self);
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (selection_changed), self);
  selection_changed (self);
}
