/* kam-figures-cells.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Figures page's editable cells: text (year, value, note) and choices (country, indicator, source, qualifier, a breakdown's member), each bound to its row's figure. */

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>
#include "kam-figures-view-private.h"
#include "kam-cell-factory.h"
#include "kam-text-cell.h"
#include "kam-number.h"
#include "kam-paste.h"
#include "kam-ui-util.h"

gboolean
_kam_figures_is_choice_field (KamFigureField field)
{
  return field != KAM_FIGURE_FIELD_YEAR && field != KAM_FIGURE_FIELD_VALUE
         && field != KAM_FIGURE_FIELD_NOTE;
}

static int
choice_slot (KamFigureField field)
{
  return field == KAM_FIGURE_FIELD_COUNTRY ? 0 : field == KAM_FIGURE_FIELD_INDICATOR ? 1 : 2;
}

static const char *
figure_key (KamFigure *figure, KamFigureField field)
{
  switch (field)
    {
    case KAM_FIGURE_FIELD_COUNTRY:
      return kam_figure_get_country (figure);
    case KAM_FIGURE_FIELD_INDICATOR:
      return kam_figure_get_indicator (figure);
    default:
      return kam_figure_get_source (figure);
    }
}

static char *
cell_text (KamFigure *figure, KamFigureField field)
{
  switch (field)
    {
    case KAM_FIGURE_FIELD_YEAR:
      return kam_number_format_year (kam_figure_get_year (figure));
    case KAM_FIGURE_FIELD_VALUE:
      /* two decimals at most (cents); the whole value in the tooltip and
       * when edited */
      return kam_number_format (kam_figure_get_value (figure), 2);
    case KAM_FIGURE_FIELD_NOTE:
      return g_strdup (kam_figure_get_note (figure) ? kam_figure_get_note (figure) : "");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ---- editable text cells (year, value, note) ----------------------------- */

/* A value with every decimal it has, grouped: "1,003,326,430.785412". */
static char *
whole_value (double value)
{
  g_autofree char *exact = kam_number_to_text (value);
  const char *point = strchr (exact, '.');
  int decimals = point != NULL && strchr (exact, 'e') == NULL ? (int) strlen (point + 1) : 0;

  return kam_number_format (value, MIN (decimals, 17));
}

static void
show_figure_text (GtkWidget *cell, gboolean force)
{
  KamFigure *figure = kam_cell_get_item (cell);
  KamFigureField field = kam_cell_get_field (cell);
  g_autofree char *text = NULL;

  if (figure == NULL)
    return;
  text = cell_text (figure, field);
  if (force)
    kam_text_cell_reset (cell, text);
  else
    kam_text_cell_set_text (cell, text);
  if (field == KAM_FIGURE_FIELD_VALUE)
    {
      g_autofree char *whole = kam_figure_get_known (figure) ? whole_value (kam_figure_get_value (figure)) : NULL;

      kam_text_cell_set_edit_text (cell, whole ? whole : "");
      gtk_widget_set_tooltip_text (cell, whole);
      if (kam_figure_get_known (figure))
        gtk_widget_remove_css_class (cell, "dim-label");
      else
        gtk_widget_add_css_class (cell, "dim-label");
    }
}

void
_kam_figures_refresh_text_cell (GtkWidget *cell)
{
  show_figure_text (cell, FALSE);
}

static gboolean
commit_text (KamFiguresView *self, KamFigure *figure, KamFigureField field, const char *text,
             GError **error)
{
  KamFigureRow src = { 0 };
  double value;

  switch (field)
    {
    case KAM_FIGURE_FIELD_VALUE:
      if (!kam_number_parse (text, &value, error)
          || !kam_rule_check_typed_value (self->dataset, kam_figure_get_indicator (figure), value, error))
        return FALSE;
      return kam_dataset_set_figure_value (self->dataset, kam_figure_get_id (figure), value, error);
    case KAM_FIGURE_FIELD_YEAR:
      if (!kam_number_parse (text, &value, error))
        return FALSE;
      if (isnan (value) || value != floor (value))
        {
          g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("“%s” is not a year."), text);
          return FALSE;
        }
      src.year = value > G_MAXINT ? G_MAXINT : (int) value;
      break;
    case KAM_FIGURE_FIELD_NOTE:
      src.note = text;
      break;
    default:
      g_return_val_if_reached (FALSE);
    }
  return kam_dataset_set_figure_field (self->dataset, kam_figure_get_id (figure), field, &src, error);
}

static void
text_cell_started (GtkWidget *cell, gpointer data)
{
  KamFigure *figure = kam_cell_get_item (cell);
  KamFigureField field = kam_cell_get_field (cell);

  /* an unknown value is edited from empty text, not from the word "unknown" */
  if (figure != NULL && field == KAM_FIGURE_FIELD_VALUE && !kam_figure_get_known (figure))
    gtk_editable_set_text (GTK_EDITABLE (cell), "");
}

typedef struct
{
  KamFiguresView *self;
  GtkWidget *cell;
  guint id;
  double value;
  char *why;
  char *typed;
} Confirm;

static void
confirm_free (Confirm *confirm)
{
  g_object_unref (confirm->self);
  g_object_unref (confirm->cell);
  g_free (confirm->why);
  g_free (confirm->typed);
  g_free (confirm);
}

static void
confirm_response (AdwMessageDialog *dialog, const char *response, Confirm *confirm)
{
  KamDataset *dataset = confirm->self->dataset;
  KamFigureTable *table = dataset ? kam_dataset_get_figures (dataset) : NULL;
  int row = table ? kam_figure_table_find_row (table, confirm->id) : -1;

  /* one answer: closing the dialog afterwards answers again */
  g_signal_handlers_disconnect_by_data (dialog, confirm);
  if (g_str_equal (response, "keep") && row >= 0)
    {
      g_autofree char *note = kam_rule_follow_up_note (kam_figure_table_get_note (table, row), confirm->why);
      KamFigureRow src = { .note = note };

      kam_dataset_begin_group (dataset, _("Change a value"));
      kam_dataset_set_figure_value (dataset, confirm->id, confirm->value, NULL);
      kam_dataset_set_figure_field (dataset, confirm->id, KAM_FIGURE_FIELD_NOTE, &src, NULL);
      kam_dataset_end_group (dataset);
    }
  else if (gtk_widget_get_root (confirm->cell) != NULL && kam_cell_get_item (confirm->cell) != NULL
           && kam_figure_get_id (kam_cell_get_item (confirm->cell)) == confirm->id)
    kam_text_cell_edit (confirm->cell, confirm->typed); /* what was typed, to change */
  confirm_free (confirm);
}

/* A value far from what the dataset holds is kept only when the person says
 * so, and then with a follow-up line in its note. */
static gboolean
ask_if_far_off (KamFiguresView *self, GtkWidget *cell, KamFigure *figure, const char *text)
{
  KamFigureTable *table = kam_dataset_get_figures (self->dataset);
  int row = kam_figure_table_find_row (table, kam_figure_get_id (figure));
  g_autofree char *why = NULL;
  KamFigureRow key;
  GtkWidget *dialog;
  Confirm *confirm;
  double value;

  if (row < 0 || !kam_number_parse (text, &value, NULL)
      || !kam_rule_check_typed_value (self->dataset, kam_figure_get_indicator (figure), value, NULL))
    return FALSE; /* refused with its message by the commit */
  kam_figure_table_get_row (table, (guint) row, &key);
  key.value = value;
  if (kam_rule_is_plausible (self->dataset, &key, kam_figure_get_id (figure), &why))
    return FALSE;
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (cell)), _("Keep This Value?"), why);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "change", _("C_hange"), "keep",
                                    _("_Keep and Mark for Follow-Up"), NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "change");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "change");
  confirm = g_new0 (Confirm, 1);
  confirm->self = g_object_ref (self);
  confirm->cell = g_object_ref (cell);
  confirm->id = kam_figure_get_id (figure);
  confirm->value = value;
  confirm->why = g_steal_pointer (&why);
  confirm->typed = g_strdup (text);
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response), confirm);
  kam_present_dialog (dialog);
  return TRUE;
}

static void
text_cell_commit (GtkWidget *cell, gpointer data)
{
  KamFiguresView *self = data;
  KamFigure *figure = kam_cell_get_item (cell);
  KamFigureField field = kam_cell_get_field (cell);
  g_autofree char *current = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;

  if (figure == NULL)
    return;
  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (cell)));
  current = field == KAM_FIGURE_FIELD_VALUE
              ? (kam_figure_get_known (figure) ? whole_value (kam_figure_get_value (figure)) : g_strdup (""))
              : cell_text (figure, field);
  if (!g_str_equal (text, current)
      && !(field == KAM_FIGURE_FIELD_VALUE && ask_if_far_off (self, cell, figure, text)))
    commit_text (self, figure, field, text, &error);
  /* show what the model holds now: the new value, or the old one kept; then
   * why it was kept (the message goes when the text changes) */
  show_figure_text (cell, TRUE);
  if (error != NULL)
    kam_show_error_at (cell, error->message);
}

static GtkWidget *
make_text_cell (KamFiguresView *self, KamFigureField field, const char *title)
{
  GtkWidget *cell = kam_text_cell_new (text_cell_commit, text_cell_started, self);

  kam_cell_set_field (cell, field, 0);
  kam_text_cell_set_label (cell, title);
  if (field == KAM_FIGURE_FIELD_VALUE || field == KAM_FIGURE_FIELD_YEAR)
    {
      gtk_editable_set_alignment (GTK_EDITABLE (cell), 1.0);
      gtk_widget_add_css_class (cell, "numeric");
    }
  return cell;
}

/* ---- drop-down cells (country, indicator, source) ------------------------- */

void
_kam_figures_sync_dropdown (KamFiguresView *self, KamChoiceCell *dropdown)
{
  KamFigure *figure = kam_cell_get_item (GTK_WIDGET (dropdown));
  KamFigureField field = kam_cell_get_field (GTK_WIDGET (dropdown));

  /* the cell's handler takes the figure's own value for no change */
  if (figure == NULL)
    return;
  if (field == KAM_FIGURE_FIELD_QUALIFIER || field == KAM_FIGURE_FIELD_MEMBERS)
    {
      guint selected = field == KAM_FIGURE_FIELD_QUALIFIER
                         ? (guint) kam_figure_get_qualifier (figure)
                         : kam_figure_get_member (figure, kam_cell_get_detail (GTK_WIDGET (dropdown)));
      kam_choice_cell_set_selected (dropdown, selected);
      /* "Exact" and "Total", the usual, step back */
      if (selected == 0)
        gtk_widget_add_css_class (GTK_WIDGET (dropdown), "dim-label");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (dropdown), "dim-label");
    }
  else
    kam_choice_cell_set_selected (dropdown, kam_choices_find (&self->cell_choices[choice_slot (field)],
                                                            figure_key (figure, field)));
}

static void
dropdown_selected_changed (KamChoiceCell *dropdown, GParamSpec *pspec, KamFiguresView *self)
{
  KamFigure *figure = kam_cell_get_item (GTK_WIDGET (dropdown));
  KamFigureField field = kam_cell_get_field (GTK_WIDGET (dropdown));
  guint selected = kam_choice_cell_get_selected (dropdown);
  KamFigureRow src = { 0 };
  const char *key;
  g_autoptr (GError) error = NULL;

  if (figure == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (field == KAM_FIGURE_FIELD_QUALIFIER)
    {
      if (selected == (guint) kam_figure_get_qualifier (figure))
        return;
      src.qualifier = selected;
    }
  else if (field == KAM_FIGURE_FIELD_MEMBERS)
    {
      guint dimension = kam_cell_get_detail (GTK_WIDGET (dropdown));

      if (selected == kam_figure_get_member (figure, dimension))
        return;
      kam_figure_table_get_row (kam_figure_get_table (figure), kam_figure_get_row (figure), &src);
      src.members[dimension] = selected;
    }
  else
    {
      key = kam_choices_get_key (&self->cell_choices[choice_slot (field)], selected);
      if (key == figure_key (figure, field))
        return;
      if (field == KAM_FIGURE_FIELD_COUNTRY)
        src.country = key;
      else if (field == KAM_FIGURE_FIELD_INDICATOR)
        src.indicator = key;
      else
        src.source = key;
    }
  if (!kam_dataset_set_figure_field (self->dataset, kam_figure_get_id (figure), field, &src, &error))
    {
      kam_show_error_at (GTK_WIDGET (dropdown), error->message);
      _kam_figures_sync_dropdown (self, dropdown);
    }
}

static void
dropdown_destroyed (KamFiguresView *self, GObject *where_the_object_was)
{
  g_hash_table_remove (self->dropdowns, where_the_object_was);
}

static GtkWidget *
make_choice_cell (KamFiguresView *self, KamFigureField field, guint dimension, const char *title)
{
  GListModel *labels = field == KAM_FIGURE_FIELD_QUALIFIER ? G_LIST_MODEL (self->qualifier_labels)
                       : field == KAM_FIGURE_FIELD_MEMBERS
                         ? G_LIST_MODEL (self->member_labels[dimension])
                         : G_LIST_MODEL (self->cell_choices[choice_slot (field)].labels);
  GtkWidget *dropdown = kam_choice_cell_new (labels);

  if (field == KAM_FIGURE_FIELD_COUNTRY || field == KAM_FIGURE_FIELD_INDICATOR || field == KAM_FIGURE_FIELD_SOURCE)
    kam_choice_cell_set_details (KAM_CHOICE_CELL (dropdown),
                                 G_LIST_MODEL (self->cell_choices[choice_slot (field)].details));
  kam_cell_set_field (dropdown, field, dimension);
  /* the button's name is its choice ("Japan"); the column says what it is */
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, title, -1);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (dropdown_selected_changed), self);
  g_hash_table_add (self->dropdowns, dropdown);
  g_object_weak_ref (G_OBJECT (dropdown), (GWeakNotify) dropdown_destroyed, self);
  return dropdown;
}

/* ---- a column's cells (kam-cell-factory.c) ------------------------------ */

static const char *const field_names[] = { "country", "year", "indicator", "value", "source",
                                           "note", "qualifier", "members" };

/* What a column's cells edit: a field (for a breakdown's column, its dimension). */
typedef struct
{
  KamFiguresView *self;
  KamFigureField field;
  guint dimension;
  char *title;
} ColumnCells;

static void
column_cells_free (gpointer data)
{
  ColumnCells *cells = data;

  g_free (cells->title);
  g_free (cells);
}

static GtkWidget *
make_cell (gpointer data)
{
  ColumnCells *cells = data;

  return _kam_figures_is_choice_field (cells->field)
           ? make_choice_cell (cells->self, cells->field, cells->dimension, cells->title)
           : make_text_cell (cells->self, cells->field, cells->title);
}

/* The cell shows its figure's field (when bound, and when it changes). */
static void
show_figure (GtkWidget *cell, gpointer data)
{
  ColumnCells *cells = data;
  KamFiguresView *self = cells->self;
  KamFigure *shown = kam_cell_get_item (cell);
  /* (a shared dataset's role may not change every figure) */
  gboolean may_change = shown == NULL || kam_dataset_may_change_figure (self->dataset, kam_figure_get_id (shown));

  if (KAM_IS_CHOICE_CELL (cell))
    kam_choice_cell_set_read_only (KAM_CHOICE_CELL (cell), !may_change);
  else if (gtk_editable_get_editable (GTK_EDITABLE (cell)) != may_change)
    {
      gtk_editable_set_editable (GTK_EDITABLE (cell), may_change);
      if (may_change)
        gtk_widget_remove_css_class (cell, "read-only");
      else
        gtk_widget_add_css_class (cell, "read-only");
    }
  if (KAM_IS_CHOICE_CELL (cell))
    {
      _kam_figures_sync_dropdown (self, KAM_CHOICE_CELL (cell));
      if (cells->field == KAM_FIGURE_FIELD_SOURCE)
        {
          KamFigure *figure = kam_cell_get_item (cell);
          KamSource *source = figure != NULL ? kam_dataset_lookup_source (self->dataset, kam_figure_get_source (figure)) : NULL;

          kam_choice_cell_set_tooltip_text (KAM_CHOICE_CELL (cell), source ? kam_source_get_title (source) : NULL);
        }
    }
  else
    _kam_figures_refresh_text_cell (cell);
}

GtkListItemFactory *
_kam_figures_cell_factory (KamFiguresView *self, KamFigureField field, guint dimension, const char *title)
{
  ColumnCells *cells = g_new0 (ColumnCells, 1);

  cells->self = self;
  cells->field = field;
  cells->dimension = dimension;
  cells->title = g_strdup (title);
  return kam_cell_factory_new (KAM_TYPE_FIGURES_VIEW, field_names[field], make_cell, show_figure, cells,
                               column_cells_free);
}
