/* kam-figures-view-private.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kam-choice-cell.h"
#include "kam-choices.h"
#include "kam-figures-view.h"

G_BEGIN_DECLS

/* The Figures page's parts, for its files: kam-figures-view.c (the page, its
 * sorting and filters), kam-figures-cells.c (its editable cells),
 * kam-figures-breakdowns.c (a column and a filter per breakdown) and
 * kam-figures-actions.c (add, delete, copy and paste). */
struct _KamFiguresView
{
  GtkWidget parent_instance;

  KamDataset *dataset;
  KamFigureQuery *query;
  /* the filters, bound to the query; detached while their choices change */
  GBindingGroup *filters;
  GArray *years; /* int: the years the figures have, after "any" */
  gboolean years_khmer; /* whether their labels have Khmer numerals */

  /* template children */
  GtkMultiSelection *selection;
  GtkColumnView *view;
  GtkColumnViewColumn *country_column, *year_column, *indicator_column, *value_column, *qualifier_column,
    *source_column, *note_column;
  GtkWidget *scroller;
  GtkSearchEntry *search;
  GtkDropDown *country_filter, *indicator_filter, *source_filter;
  GtkDropDown *first_year, *last_year;
  GtkStringList *first_year_labels, *last_year_labels;
  GtkLabel *count_label;
  GtkStack *list_stack;
  GtkMenuButton *breakdowns_button;
  GtkMenuButton *selection_button; /* Change Selected */
  GtkGrid *breakdowns_grid;

  /* choices for the cells' drop-downs, and for the filters */
  KamChoices cell_choices[3];
  KamChoices filter_choices[3];
  GtkStringList *qualifier_labels;
  /* per dimension of the dataset, by position: its column, its cells'
   * members, its filter and whether its column is shown */
  guint n_dimensions;
  GtkColumnViewColumn *member_columns[KAM_MAX_DIMENSIONS];
  GtkStringList *member_labels[KAM_MAX_DIMENSIONS];
  KamChoices member_filter_choices[KAM_MAX_DIMENSIONS];
  GtkDropDown *member_filters[KAM_MAX_DIMENSIONS];
  GtkCheckButton *member_shown[KAM_MAX_DIMENSIONS];
  GtkLabel *member_names[KAM_MAX_DIMENSIONS]; /* in the Breakdowns popover */
  gboolean member_used[KAM_MAX_DIMENSIONS];
  GHashTable *dropdowns; /* the cells' drop-downs that exist now */
  GObject *probe_a, *probe_b;
  guint focus_source; /* a cell to focus once the list has made it (kam_figures_view_focus_cell) */
};

void _kam_figures_update_count (KamFiguresView *self);
void _kam_figures_member_filter_changed (KamFiguresView *self);
void _kam_figures_update_years (KamFiguresView *self);
GtkColumnViewColumn *_kam_figures_make_column (KamFiguresView *self, KamFigureField field, guint dimension, const char *title, gboolean expand, int fixed_width);
gboolean _kam_figures_is_choice_field (KamFigureField field);
void _kam_figures_refresh_text_cell (GtkWidget *cell);
void _kam_figures_sync_dropdown (KamFiguresView *self, KamChoiceCell *dropdown);
GtkListItemFactory *_kam_figures_cell_factory (KamFiguresView *self, KamFigureField field, guint dimension,
                                                const char *title);
void _kam_figures_clear_dimensions (KamFiguresView *self);
void _kam_figures_clear_filters (KamFiguresView *self);
void _kam_figures_clear_filters_action (GtkWidget *widget, const char *action, GVariant *param);
void _kam_figures_update_choices (KamFiguresView *self);
void _kam_figures_scroll_to (KamFiguresView *self, guint position);
void _kam_figures_delete_selected (GtkWidget *widget, const char *action, GVariant *param);
void _kam_figures_add_figure (GtkWidget *widget, const char *action, GVariant *param);
void _kam_figures_copy_selected (GtkWidget *widget, const char *action, GVariant *param);
void _kam_figures_paste (GtkWidget *widget, const char *action, GVariant *param);
GArray *_kam_figures_selected_ids (KamFiguresView *self);
void _kam_figures_selection_class_init (GtkWidgetClass *widget_class);
void _kam_figures_selection_init (KamFiguresView *self);

G_END_DECLS
