/* kam-figures-actions.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Figures page's actions: add a figure, delete the selected ones, copy them for a spreadsheet and paste rows from one. */

#include <glib/gi18n.h>
#include <math.h>
#include "kam-figures-view-private.h"
#include "kam-cell-factory.h"
#include "kam-text-cell.h"
#include "kam-number.h"
#include "kam-paste.h"
#include "kam-ui-util.h"
#include "kam-cell.h"

/* ---- actions ---------------------------------------------------------------- */

/* The ids of the selected figures (also for kam-figures-selection.c). */
GArray *
_kam_figures_selected_ids (KamFiguresView *self)
{
  g_autoptr (GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (guint));
  GtkBitsetIter iter;
  guint position;
  KamFigureTable *table = kam_dataset_get_figures (self->dataset);

  if (gtk_bitset_iter_init_first (&iter, set, &position))
    do
      {
        int row = kam_figure_query_get_table_row (self->query, position);
        if (row >= 0)
          {
            guint id = kam_figure_table_get_id (table, row);
            g_array_append_val (ids, id);
          }
      }
    while (gtk_bitset_iter_next (&iter, &position));
  return ids;
}

void
_kam_figures_scroll_to (KamFiguresView *self, guint position)
{
  /* GTK 4.8 has no gtk_column_view_scroll_to(): use the inner list's action. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

void
_kam_figures_delete_selected (GtkWidget *widget, const char *action, GVariant *param)
{
  KamFiguresView *self = KAM_FIGURES_VIEW (widget);
  g_autoptr (GArray) ids = NULL;
  g_autofree char *title = NULL;
  g_autoptr (GError) error = NULL;
  AdwToast *toast;

  if (self->dataset == NULL)
    return;
  ids = _kam_figures_selected_ids (self);
  if (ids->len == 0)
    return;
  if (!kam_dataset_remove_figures (self->dataset, (guint *) ids->data, ids->len, &error))
    {
      kam_show_toast (widget, adw_toast_new (error->message));
      return;
    }
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u figure deleted",
                                        "%u figures deleted", ids->len), ids->len);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  kam_show_toast (widget, toast);
}

/* The cell of a field of a figure, once the list has made it. */
static GtkWidget *
cell_of (GtkWidget *widget, KamFigureField field, guint id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (KAM_IS_CELL (child) && kam_cell_get_field (child) == (int) field && KAM_IS_FIGURE (kam_cell_get_item (child))
          && kam_figure_get_id (kam_cell_get_item (child)) == id)
        return child;
      if ((found = cell_of (child, field, id)) != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  KamFiguresView *self;
  guint id;
  KamFigureField field;
  int tries;
  GtkWidget *focus_then; /* (weak) where the keyboard was when asked */
} FocusLater;

static void
focus_later_free (gpointer data)
{
  FocusLater *later = data;

  if (later->focus_then != NULL)
    g_object_remove_weak_pointer (G_OBJECT (later->focus_then), (gpointer *) &later->focus_then);
  later->self->focus_source = 0;
  g_object_unref (later->self);
  g_free (later);
}

/* Puts the cursor in a figure's cell once the list has made it (it scrolls
 * there first); not if the keyboard went elsewhere meanwhile. */
static gboolean
focus_cell_later (gpointer data)
{
  FocusLater *later = data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (later->self));
  GtkWidget *cell;

  if (root == NULL || later->self->view == NULL || gtk_root_get_focus (root) != later->focus_then)
    return G_SOURCE_REMOVE;
  cell = cell_of (GTK_WIDGET (later->self->view), later->field, later->id);
  if (cell != NULL)
    gtk_widget_grab_focus (cell);
  return cell != NULL || --later->tries <= 0 ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

/* The first selected figure's row in the table, or -1. */
static int
selected_row (KamFiguresView *self)
{
  g_autoptr (GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  if (gtk_bitset_is_empty (set))
    return -1;
  return kam_figure_query_get_table_row (self->query, gtk_bitset_get_minimum (set));
}

/* Ctrl+Insert, +: a figure below the selected one, with its country,
 * indicator, year, source, qualifier and breakdown (the value empty); with
 * none selected, what the filters show. A key the dataset has already moves
 * on to the next free year, so adding is never refused without a way on. */
void
_kam_figures_add_figure (GtkWidget *widget, const char *action, GVariant *param)
{
  KamFiguresView *self = KAM_FIGURES_VIEW (widget);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GError) error = NULL;
  KamFigureRow row = { NULL, g_date_time_get_year (now) - 1, NULL, NAN, NULL, NULL };
  KamFigureTable *table;
  int from, year;
  guint id;

  if (self->dataset == NULL)
    return;
  table = kam_dataset_get_figures (self->dataset);
  from = selected_row (self);
  if (from >= 0)
    {
      kam_figure_table_get_row (table, (guint) from, &row);
      row.value = KAM_VALUE_UNKNOWN;
      row.note = NULL;
    }
  else
    {
      /* start from what the filters show, so the new figure stays in view */
      const char *country = kam_figure_query_get_country (self->query);
      const char *indicator = kam_figure_query_get_indicator (self->query);
      int first, last;

      kam_figure_query_get_years (self->query, &first, &last);
      row.country = country != NULL && *country ? country : NULL;
      row.indicator = indicator != NULL ? indicator : kam_choices_get_key (&self->cell_choices[1], 0);
      /* no source until the person picks one (the checks say so), rather than
       * crediting an unrelated one */
      row.source = kam_figure_query_get_source (self->query);
      for (guint d = 0; d < self->n_dimensions; d++)
        {
          guint selected = gtk_drop_down_get_selected (self->member_filters[d]);
          row.members[d] = selected != GTK_INVALID_LIST_POSITION && selected > 0 ? selected - 1 : KAM_MEMBER_TOTAL;
        }
      if (row.year < first || row.year > last)
        row.year = first;
    }
  /* the next free year, then the ones before */
  year = row.year;
  while (row.year < KAM_YEAR_MAX && kam_figure_table_find_same_key (table, &row, 0) >= 0)
    row.year++;
  if (kam_figure_table_find_same_key (table, &row, 0) >= 0)
    for (row.year = year; row.year > KAM_YEAR_MIN && kam_figure_table_find_same_key (table, &row, 0) >= 0;)
      row.year--;
  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
  id = kam_dataset_add_figure (self->dataset, &row, &error);
  if (id == 0)
    {
      kam_show_toast (widget, adw_toast_new (error->message));
      return;
    }
  kam_figures_view_focus_cell (self, id, KAM_FIGURE_FIELD_VALUE);
}

/**
 * kam_figures_view_focus_cell:
 *
 * Selects the figure, scrolls to it and puts the keyboard on its cell of
 * field (after an Undo: the cell it changed).
 */
void
kam_figures_view_focus_cell (KamFiguresView *self, guint id, KamFigureField field)
{
  FocusLater *later;
  int position = kam_figure_query_find_id (self->query, id);

  /* a selection it is in stays (Undo of a change to several figures) */
  if (position >= 0 && gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), position))
    _kam_figures_scroll_to (self, position);
  else
    kam_figures_view_select_ids (self, &id, 1);
  /* the last asked for: one at a time */
  if (self->focus_source != 0)
    g_source_remove (self->focus_source);
  later = g_new0 (FocusLater, 1);
  later->self = g_object_ref (self);
  later->id = id;
  later->field = field;
  later->tries = 50;
  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    later->focus_then = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  if (later->focus_then != NULL)
    g_object_add_weak_pointer (G_OBJECT (later->focus_then), (gpointer *) &later->focus_then);
  self->focus_source = g_timeout_add_full (G_PRIORITY_DEFAULT, 20, focus_cell_later, later, focus_later_free);
}

gboolean
kam_figures_view_paste_text (KamFiguresView *self, const char *text)
{
  g_autoptr (GError) error = NULL;
  guint added = 0;
  g_autofree char *title = NULL;

  if (!kam_paste_apply (self->dataset, text, &added, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (
        GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _("Nothing was pasted"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      kam_present_dialog (dialog);
      return FALSE;
    }
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u figure pasted", "%u figures pasted",
                                        added), added);
  kam_show_toast (GTK_WIDGET (self), adw_toast_new (title));
  return TRUE;
}

static void
clipboard_read (GObject *clipboard, GAsyncResult *result, gpointer data)
{
  g_autoptr (KamFiguresView) self = data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, NULL);

  if (text != NULL && self->dataset != NULL)
    kam_figures_view_paste_text (self, text);
}

/* The selected figures, as a spreadsheet takes them and as a paste reads
 * them back (kam_paste_copy_text). */
void
_kam_figures_copy_selected (GtkWidget *widget, const char *action, GVariant *param)
{
  KamFiguresView *self = KAM_FIGURES_VIEW (widget);
  g_autoptr (GtkBitset) set = NULL;
  g_autoptr (GArray) rows = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  GtkBitsetIter iter;
  guint position;

  if (self->dataset == NULL)
    return;
  set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  rows = g_array_new (FALSE, FALSE, sizeof (guint));
  if (gtk_bitset_iter_init_first (&iter, set, &position))
    do
      {
        int row = kam_figure_query_get_table_row (self->query, position);
        if (row >= 0)
          g_array_append_val (rows, row);
      }
    while (gtk_bitset_iter_next (&iter, &position));
  if (rows->len == 0)
    return;
  text = kam_paste_copy_text (self->dataset, (const guint *) rows->data, rows->len);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u figure copied", "%u figures copied", rows->len),
                           rows->len);
  kam_show_toast (widget, adw_toast_new (title));
}

void
_kam_figures_paste (GtkWidget *widget, const char *action, GVariant *param)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, clipboard_read,
                                 g_object_ref (widget));
}
