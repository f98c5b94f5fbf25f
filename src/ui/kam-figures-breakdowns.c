/* kam-figures-breakdowns.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Figures page's breakdowns: a column and a filter per dimension of the dataset, and the lists the cells and filters choose from. */

#include <glib/gi18n.h>
#include <math.h>
#include "kam-figures-view-private.h"
#include "kam-cell-factory.h"
#include "kam-text-cell.h"
#include "kam-number.h"
#include "kam-paste.h"
#include "kam-ui-util.h"

/* ---- breakdowns: a column and a filter per dimension ----------------------- */

/* Sets a string list to labels, only when they differ (a drop-down keeps its
 * choice, a cell its popover). */
static void
set_strings (GtkStringList *list, GPtrArray *labels)
{
  guint old_n = g_list_model_get_n_items (G_LIST_MODEL (list));
  gboolean same = old_n == labels->len;

  for (guint i = 0; same && i < labels->len; i++)
    same = g_str_equal (gtk_string_list_get_string (list, i), g_ptr_array_index (labels, i));
  if (same)
    return;
  g_ptr_array_add (labels, NULL);
  gtk_string_list_splice (list, 0, old_n, (const char *const *) labels->pdata);
  g_ptr_array_set_size (labels, labels->len - 1);
}

/* What the column, the filter and its check are called: the breakdown's
 * name, which can change on the Breakdowns page. */
static void
name_dimension (KamFiguresView *self, guint d, const char *name)
{
  g_autofree char *filter_name = g_strdup_printf (_("Filter by %s"), name);
  g_autofree char *column_name = g_strdup_printf (_("Show the %s column"), name);

  gtk_column_view_column_set_title (self->member_columns[d], name);
  gtk_label_set_label (self->member_names[d], name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->member_filters[d]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  filter_name, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->member_shown[d]), column_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->member_shown[d]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  column_name, -1);
}

static void
update_members (KamFiguresView *self)
{
  KamFigureTable *table = kam_dataset_get_figures (self->dataset);

  for (guint d = 0; d < self->n_dimensions; d++)
    {
      KamDimension *dimension = kam_dataset_get_dimension (self->dataset, d);
      g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
      gboolean used = kam_figure_table_get_member_column (table, d) != NULL;

      for (guint m = 0; m < kam_dimension_get_n_members (dimension); m++)
        g_ptr_array_add (labels, g_strdup (kam_dimension_get_member_label (dimension, m)));
      set_strings (self->member_labels[d], labels);
      /* Translators: the first choice of a breakdown's filter, e.g. "Any sex" is "Any" here */
      g_ptr_array_insert (labels, 0, g_strdup (C_("breakdown filter", "Any")));
      set_strings (GTK_STRING_LIST (gtk_drop_down_get_model (self->member_filters[d])), labels);
      /* a breakdown that comes into use shows its column */
      if (used && !self->member_used[d])
        gtk_check_button_set_active (self->member_shown[d], TRUE);
      self->member_used[d] = used;
      name_dimension (self, d, kam_dimension_get_label (dimension));
    }
}


/* A breakdown's column is in the list while it is shown, and out of it
 * otherwise: GTK 4.8 makes and fills the cells of a hidden column too (five
 * breakdowns, a thousand cells for nothing). It goes after the Indicator
 * column and the breakdowns' columns before it. */
static void
show_dimension_column (KamFiguresView *self, GParamSpec *pspec, GtkCheckButton *shown)
{
  guint position = 3;

  for (guint d = 0; d < self->n_dimensions; d++)
    {
      GtkColumnViewColumn *column = self->member_columns[d];
      gboolean in_view = gtk_column_view_column_get_column_view (column) != NULL;

      if (self->member_shown[d] != shown)
        {
          position += in_view;
          continue;
        }
      if (gtk_check_button_get_active (shown) && !in_view)
        gtk_column_view_insert_column (self->view, position, column);
      else if (!gtk_check_button_get_active (shown) && in_view)
        gtk_column_view_remove_column (self->view, column);
      return;
    }
}

void
_kam_figures_clear_dimensions (KamFiguresView *self)
{
  for (guint d = 0; d < self->n_dimensions; d++)
    {
      if (gtk_column_view_column_get_column_view (self->member_columns[d]) != NULL)
        gtk_column_view_remove_column (self->view, self->member_columns[d]);
      g_clear_object (&self->member_columns[d]);
      g_clear_object (&self->member_labels[d]);
      /* the popover's row of this breakdown, under the headings */
      gtk_grid_remove (self->breakdowns_grid, GTK_WIDGET (self->member_names[d]));
      gtk_grid_remove (self->breakdowns_grid, GTK_WIDGET (self->member_filters[d]));
      gtk_grid_remove (self->breakdowns_grid, GTK_WIDGET (self->member_shown[d]));
      self->member_filters[d] = NULL;
      self->member_shown[d] = NULL;
      self->member_names[d] = NULL;
      self->member_used[d] = FALSE;
    }
  self->n_dimensions = 0;
}

/* A column and a filter for each of the dataset's dimensions, after the
 * Indicator column; a column is shown while its dimension is in use, or when
 * the person asks for it. */
static void
make_dimensions (KamFiguresView *self)
{
  guint n = MIN (kam_dataset_get_n_dimensions (self->dataset), KAM_MAX_DIMENSIONS);

  _kam_figures_clear_dimensions (self);
  for (guint d = 0; d < n; d++)
    {
      KamDimension *dimension = kam_dataset_get_dimension (self->dataset, d);
      const char *name = kam_dimension_get_label (dimension);
      GtkWidget *label = gtk_label_new (name);
      GtkWidget *filter = gtk_drop_down_new (G_LIST_MODEL (gtk_string_list_new (NULL)), NULL);
      GtkWidget *shown = gtk_check_button_new ();

      kam_label_drop_down (GTK_DROP_DOWN (filter));

      self->member_labels[d] = gtk_string_list_new (NULL);
      self->member_columns[d] = _kam_figures_make_column (self, KAM_FIGURE_FIELD_MEMBERS, d, name, FALSE, 130);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_grid_attach (self->breakdowns_grid, label, 0, d + 1, 1, 1);
      self->member_names[d] = GTK_LABEL (label);
      gtk_widget_set_hexpand (filter, TRUE);
      gtk_grid_attach (self->breakdowns_grid, filter, 1, d + 1, 1, 1);
      self->member_filters[d] = GTK_DROP_DOWN (filter);
      gtk_widget_set_halign (shown, GTK_ALIGN_CENTER);
      gtk_grid_attach (self->breakdowns_grid, shown, 2, d + 1, 1, 1);
      self->member_shown[d] = GTK_CHECK_BUTTON (shown);
    }
  self->n_dimensions = n;
  for (guint d = 0; d < n; d++)
    g_signal_connect_swapped (self->member_shown[d], "notify::active", G_CALLBACK (show_dimension_column), self);
  update_members (self);
  for (guint d = 0; d < n; d++)
    g_signal_connect_swapped (self->member_filters[d], "notify::selected", G_CALLBACK (_kam_figures_member_filter_changed), self);
}

void
_kam_figures_clear_filters (KamFiguresView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
  kam_figure_query_set_search (self->query, NULL); /* now, not after the entry's delay */
  kam_figure_query_set_country (self->query, KAM_QUERY_ANY);
  kam_figure_query_set_indicator (self->query, KAM_QUERY_ANY);
  kam_figure_query_set_source (self->query, KAM_QUERY_ANY);
  kam_figure_query_set_years (self->query, KAM_YEAR_MIN, KAM_YEAR_MAX);
  for (guint d = 0; d < self->n_dimensions; d++)
    gtk_drop_down_set_selected (self->member_filters[d], 0);
}

void
_kam_figures_clear_filters_action (GtkWidget *widget, const char *action, GVariant *param)
{
  _kam_figures_clear_filters (KAM_FIGURES_VIEW (widget));
}

void
_kam_figures_update_choices (KamFiguresView *self)
{
  gboolean changed = FALSE;

  if (self->dataset == NULL)
    return;
  changed |= kam_choices_update (&self->cell_choices[0], self->dataset, KAM_CHOICES_COUNTRIES,
                                 _("All destinations"), NULL, NULL);
  changed |= kam_choices_update (&self->cell_choices[1], self->dataset, KAM_CHOICES_INDICATORS, NULL, NULL);
  changed |= kam_choices_update (&self->cell_choices[2], self->dataset, KAM_CHOICES_SOURCES,
                                 _("No source"), NULL, NULL);
  /* the filters' lists: the query keeps its filters, and the drop-downs show
   * them again once re-attached */
  g_binding_group_set_source (self->filters, NULL);
  kam_choices_update (&self->filter_choices[0], self->dataset, KAM_CHOICES_COUNTRIES,
                      _("Any country"), NULL, _("All destinations"), "", NULL);
  kam_choices_update (&self->filter_choices[1], self->dataset, KAM_CHOICES_INDICATORS,
                      _("Any indicator"), NULL, NULL);
  kam_choices_update (&self->filter_choices[2], self->dataset, KAM_CHOICES_SOURCES,
                      _("Any source"), NULL, NULL);
  _kam_figures_update_years (self);
  /* a filter on something gone filters no more */
  if (kam_choices_find (&self->filter_choices[0], kam_figure_query_get_country (self->query)) == GTK_INVALID_LIST_POSITION)
    kam_figure_query_set_country (self->query, KAM_QUERY_ANY);
  if (kam_choices_find (&self->filter_choices[1], kam_figure_query_get_indicator (self->query)) == GTK_INVALID_LIST_POSITION)
    kam_figure_query_set_indicator (self->query, KAM_QUERY_ANY);
  if (kam_choices_find (&self->filter_choices[2], kam_figure_query_get_source (self->query)) == GTK_INVALID_LIST_POSITION)
    kam_figure_query_set_source (self->query, KAM_QUERY_ANY);
  g_binding_group_set_source (self->filters, self->query);
  if (kam_dataset_get_n_dimensions (self->dataset) != self->n_dimensions)
    make_dimensions (self);
  else
    update_members (self);
  if (changed)
    {
      GHashTableIter iter;
      gpointer dropdown;

      g_hash_table_iter_init (&iter, self->dropdowns);
      while (g_hash_table_iter_next (&iter, &dropdown, NULL))
        _kam_figures_sync_dropdown (self, dropdown);
    }
  _kam_figures_update_count (self);
}
