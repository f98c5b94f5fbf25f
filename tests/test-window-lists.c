/* test-window-lists.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Countries, Sources, Agreements and Breakdowns pages. Drives the window as a user does; needs a display (skipped without
 * one). Shared helpers: kam-test-ui.c. */

#include "kam-test-ui.h"

/* Adding a country: chosen from ISO 3166 by searching its name, with its
 * English and Khmer names; one the dataset has cannot be chosen again. */
static void
test_add_country (void)
{
  KamWindow *window = open_window ("good.kamlang");
  KamDataset *dataset = kam_window_get_dataset (window);
  GtkWidget *view = show_page (window, "countries");
  AdwMessageDialog *dialog;
  GtkWidget *search, *list;
  GtkListBoxRow *selected;
  KamCountry *thailand;
  gboolean japan_found = FALSE;

  g_assert_true (KAM_IS_ITEMS_VIEW (view));
  g_assert_true (gtk_widget_activate_action (view, "items.add", NULL));
  iterate ();
  dialog = dialog_of (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  search = find_named (GTK_WIDGET (dialog), "Search countries");
  list = find_named (GTK_WIDGET (dialog), "Countries");
  g_assert_true (GTK_IS_SEARCH_ENTRY (search));
  g_assert_true (GTK_IS_LIST_BOX (list));
  for (int i = 0; gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i) != NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i);
      if (g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "Japan"))
        {
          japan_found = TRUE;
          g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (row)));
        }
    }
  g_assert_true (japan_found);

  gtk_editable_set_text (GTK_EDITABLE (search), "thai");
  g_signal_emit_by_name (search, "search-changed");
  selected = gtk_list_box_get_selected_row (GTK_LIST_BOX (list));
  g_assert_nonnull (selected);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (selected)), ==, "Thailand");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  if (g_getenv ("KAM_SCREENSHOTS") != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("KAM_SCREENSHOTS"), "add-country.png", NULL);
      gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

      while (g_get_monotonic_time () < until) /* let it draw */
        g_main_context_iteration (NULL, FALSE);
      save_widget_png (gtk_window_get_child (GTK_WINDOW (dialog)), path);
    }
  respond (dialog, "add");
  thailand = kam_dataset_lookup_country (dataset, "THA");
  g_assert_nonnull (thailand);
  g_assert_cmpstr (kam_country_get_name (thailand), ==, "Thailand");
  g_assert_cmpstr (kam_country_get_name_km (thailand), ==, "ថៃ");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_null (kam_dataset_lookup_country (dataset, "THA"));
  close_window (window);
}

/* An agreement's kind and country are chosen in their cells; the country
 * cell still shows its country after the list of countries changed. */
static void
test_agreement_cells (void)
{
  KamWindow *window = open_window ("good.kamlang");
  KamDataset *dataset = kam_window_get_dataset (window);
  KamAgreement *eps = g_list_model_get_item (kam_dataset_get_agreements (dataset), 0);
  GtkWidget *view = show_page (window, "agreements");
  Search kind_search = { view, KAM_TYPE_CHOICE_CELL, -1, 0, NULL, "Programme" };
  Search country_search = { view, KAM_TYPE_CHOICE_CELL, -1, 0, NULL, "South Korea" };
  GtkWidget *kind, *country, *popover;
  GtkListBoxRow *mou;
  g_autoptr (GError) error = NULL;

  g_assert_true (wait_for (cell_exists, &kind_search));
  g_assert_true (wait_for (cell_exists, &country_search));
  kind = kind_search.found;
  country = country_search.found;
  kam_choice_cell_popup (KAM_CHOICE_CELL (kind));
  popover = find_widget (kind, GTK_TYPE_POPOVER);
  mou = row_labelled (popover, "MoU");
  g_assert_nonnull (mou);
  g_signal_emit_by_name (gtk_widget_get_parent (GTK_WIDGET (mou)), "row-activated", mou);
  iterate ();
  g_assert_cmpint (kam_agreement_get_kind (eps), ==, KAM_AGREEMENT_KIND_MOU);
  g_assert_cmpstr (cell_says (kind), ==, "MoU");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  iterate ();
  g_assert_cmpint (kam_agreement_get_kind (eps), ==, KAM_AGREEMENT_KIND_PROGRAMME);
  g_assert_cmpstr (cell_says (kind), ==, "Programme");

  /* Japan goes, before South Korea in the list of countries */
  g_assert_true (kam_dataset_remove_country (dataset, kam_dataset_lookup_country (dataset, "JPN"), TRUE, &error));
  g_assert_no_error (error);
  iterate ();
  g_assert_cmpstr (kam_agreement_get_country (eps), ==, "KOR");
  g_assert_cmpstr (cell_says (country), ==, "South Korea");
  g_object_unref (eps);
  close_window (window);
}

/* Breakdowns and their members, edited on their page like the other lists:
 * a member renamed (and a name taken by another refused), a member and a
 * breakdown added, each undone, and the Figures page following. */
static void
test_breakdowns_page (void)
{
  KamWindow *window = open_window ("good.kamlang");
  KamDataset *dataset = kam_window_get_dataset (window);
  AdwViewStack *stack = kam_window_get_stack (window);
  GtkWidget *page = adw_view_stack_get_child_by_name (stack, "breakdowns");
  GtkWidget *figures = GTK_WIDGET (kam_window_get_figures_view (window));
  KamDimension *sex = kam_dataset_get_dimension (dataset, kam_dataset_find_dimension (dataset, "sex"));
  guint n_dimensions = kam_dataset_get_n_dimensions (dataset);
  GtkWidget *dimensions, *members, *heading, *cell, *entry, *filter;
  AdwMessageDialog *dialog;
  KamDimension *added;

  g_assert_nonnull (page);
  adw_view_stack_set_visible_child_name (stack, "breakdowns");
  iterate ();
  dimensions = find_named (page, "Breakdowns");
  members = find_named (page, "Members");
  g_assert_true (KAM_IS_ITEMS_VIEW (gtk_widget_get_ancestor (dimensions, KAM_TYPE_ITEMS_VIEW)));
  g_assert_true (GTK_IS_COLUMN_VIEW (members));
  /* the first breakdown is chosen, its members beside it */
  g_assert_true (kam_dataset_get_dimension (dataset, 0) == sex);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (members)))),
                    ==, 3);
  heading = find_widget (gtk_widget_get_ancestor (members, GTK_TYPE_BOX), GTK_TYPE_LABEL);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (heading)), ==, "Members of Sex");

  /* a member renamed in its cell: the Figures page's filter says so */
  cell = find_text_cell (members, "Women");
  edit_cell (cell, "Female workers");
  g_assert_cmpstr (kam_dimension_get_member_name (sex, 1), ==, "Female workers");
  filter = find_named (figures, "Filter by Sex");
  g_assert_cmpstr (filter_entry (filter, 2), ==, "Female workers");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (kam_dimension_get_member_name (sex, 1), ==, "Women");
  g_assert_cmpstr (filter_entry (filter, 2), ==, "Women");
  iterate ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "Women");
  /* a name another member goes by is refused; the cell shows the name kept */
  edit_cell (cell, "men");
  g_assert_cmpstr (kam_dimension_get_member_name (sex, 1), ==, "Women");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "Women");
  g_assert_false (kam_dataset_get_modified (dataset));

  /* a member added by its code */
  g_assert_true (gtk_widget_activate_action (gtk_widget_get_ancestor (members, KAM_TYPE_ITEMS_VIEW), "items.add", NULL));
  iterate ();
  dialog = dialog_of (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  entry = find_named (GTK_WIDGET (dialog), "Member code");
  gtk_editable_set_text (GTK_EDITABLE (entry), "other");
  respond (dialog, "add");
  g_assert_cmpuint (kam_dimension_get_n_members (sex), ==, 4);
  g_assert_cmpstr (kam_dimension_get_member_code (sex, 3), ==, "other");
  g_assert_cmpstr (filter_entry (filter, 4), ==, "other");
  /* the read-only cells follow their item: its code, the breakdown's count */
  iterate ();
  g_assert_true (label_reads (members, "other"));
  g_assert_true (label_reads (dimensions, "4"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (kam_dimension_get_n_members (sex), ==, 3);
  g_assert_null (filter_entry (filter, 4));
  iterate ();
  g_assert_false (label_reads (dimensions, "4"));
  g_assert_true (label_reads (dimensions, "3"));

  /* a breakdown added by its name: it starts with its total, and is chosen */
  g_assert_true (gtk_widget_activate_action (gtk_widget_get_ancestor (dimensions, KAM_TYPE_ITEMS_VIEW), "items.add", NULL));
  iterate ();
  dialog = dialog_of (GTK_WINDOW (window));
  entry = find_named (GTK_WIDGET (dialog), "Breakdown name");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Employer's nationality");
  respond (dialog, "add");
  g_assert_cmpuint (kam_dataset_get_n_dimensions (dataset), ==, n_dimensions + 1);
  added = kam_dataset_get_dimension (dataset, n_dimensions);
  g_assert_cmpstr (kam_dimension_get_id (added), ==, "employer-s-nationality");
  g_assert_cmpstr (kam_dimension_get_name (added), ==, "Employer's nationality");
  g_assert_cmpuint (kam_dimension_get_n_members (added), ==, 1);
  g_assert_cmpstr (kam_dimension_get_member_code (added, 0), ==, "total");
  iterate ();
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (heading)), ==, "Members of Employer's nationality");
  g_assert_true (GTK_IS_DROP_DOWN (find_named (figures, "Filter by Employer's nationality")));
  /* renamed in its cell: the heading and the Figures page follow */
  cell = find_text_cell (dimensions, "Employer's nationality");
  edit_cell (cell, "Employer");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (heading)), ==, "Members of Employer");
  g_assert_true (GTK_IS_DROP_DOWN (find_named (figures, "Filter by Employer")));
  /* and the Charts page: split by it, or keep the chart to one of its members */
  {
    GtkWidget *charts = adw_view_stack_get_child_by_name (stack, "charts");
    GtkWidget *split = find_named (charts, "Split by");

    g_assert_cmpstr (filter_entry (split, n_dimensions + 1), ==, "Employer");
    GtkMenuButton *breakdown = open_menu (charts, "Breakdown");

    g_assert_true (GTK_IS_DROP_DOWN (find_named (charts, "Chart only: Employer")));
    gtk_menu_button_popdown (breakdown);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (kam_dataset_get_n_dimensions (dataset), ==, n_dimensions);
  g_assert_false (kam_dataset_get_modified (dataset));
  close_window (window);
}

/* Sources: the id is a cell that takes what is typed (the figures follow);
 * undoing the new source's addition leaves no text of another source under
 * the keyboard. */
static void
test_source_id_and_undo (void)
{
  KamWindow *window = open_window ("good.kamlang");
  KamDataset *dataset = kam_window_get_dataset (window);
  GtkWidget *view = show_page (window, "sources");
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  GtkWidget *id, *title, *focus;

  /* the id of an existing source: typed, its figures follow */
  id = find_text_cell (view, "s1");
  edit_cell (id, "mlvt");
  g_assert_nonnull (kam_dataset_lookup_source (dataset, "mlvt"));
  g_assert_cmpstr (kam_figure_table_get_source (table, 0), ==, "mlvt");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  iterate ();
  g_assert_cmpstr (kam_figure_table_get_source (table, 0), ==, "s1");

  /* a new source, its title being typed; then undone */
  g_assert_true (gtk_widget_activate_action (view, "items.add", NULL));
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (kam_dataset_get_sources (dataset)), ==, 2);
  title = find_text_cell (view, "source-1");
  g_assert_true (KAM_IS_TEXT_CELL (title));
  g_assert_true (gtk_widget_grab_focus (title));
  iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (kam_dataset_get_sources (dataset)), ==, 1);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  /* not in a text cell of the remaining source, whose text a key would
   * replace, nor in a text left out of the window */
  if (focus != NULL)
    {
      g_assert_true (gtk_widget_get_root (focus) == GTK_ROOT (window));
      g_assert_true (gtk_widget_get_ancestor (focus, KAM_TYPE_TEXT_CELL) == NULL);
    }
  close_window (window);
}

int
main (int argc, char **argv)
{
  int status = kam_test_ui_init (&argc, &argv);

  if (status >= 0)
    return status;
  g_test_add_func ("/kamlang/window/add-country", test_add_country);
  g_test_add_func ("/kamlang/window/agreement-cells", test_agreement_cells);
  g_test_add_func ("/kamlang/window/breakdowns-page", test_breakdowns_page);
  g_test_add_func ("/kamlang/window/source-id-and-undo", test_source_id_and_undo);
  return g_test_run ();
}
