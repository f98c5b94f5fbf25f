/* test-window-figures.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Figures page: cells edited, chosen, pasted, deleted, sorted and filtered. Drives the window as a user does; needs a display (skipped without
 * one). Shared helpers: kam-test-ui.c. */

#include "kam-test-ui.h"

typedef struct
{
  KamWindow *window;
  guint id;
  KamFigureField field;
} Focused;

/* Whether the keyboard is in the cell of this field of this figure. */
static gboolean
focus_on_cell (gpointer data)
{
  Focused *f = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  for (; focus != NULL; focus = gtk_widget_get_parent (focus))
    if (KAM_IS_CELL (focus))
      return kam_cell_get_field (focus) == (int) f->field && KAM_IS_FIGURE (kam_cell_get_item (focus))
             && kam_figure_get_id (kam_cell_get_item (focus)) == f->id;
  return FALSE;
}

static void
test_edit_and_undo (void)
{
  KamWindow *window = open_window ("good.kamlang");
  KamFigureTable *table = kam_dataset_get_figures (kam_window_get_dataset (window));
  guint id = kam_figure_table_get_id (table, 0);
  GtkWidget *cell = find_cell (window, KAM_FIGURE_FIELD_VALUE, id);

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "11,453");
  g_assert_false (title_marked (window));
  edit_cell (cell, "12,345");
  g_assert_cmpfloat (value_of (window, id), ==, 12345);
  g_assert_true (title_marked (window));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "12,345");

  /* Undo puts the keyboard on the cell it changed (issue 27), from wherever it was */
  gtk_widget_grab_focus (GTK_WIDGET (kam_figures_view_get_search_entry (kam_window_get_figures_view (window))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  iterate ();
  g_assert_cmpfloat (value_of (window, id), ==, 11453);
  {
    Focused focused = { window, id, KAM_FIGURE_FIELD_VALUE };

    g_assert_true (wait_for (focus_on_cell, &focused));
  }
  g_assert_false (title_marked (window));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "11,453");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpfloat (value_of (window, id), ==, 12345);

  /* an empty value is unknown, not zero */
  edit_cell (cell, "");
  g_assert_true (isnan (value_of (window, id)));
  close_window (window);
}

/* A figure's country is chosen from the cell's list, made when opened;
 * Undo puts the old one back in the cell. */
static void
test_choice_cell (void)
{
  KamWindow *window = open_window ("good.kamlang");
  KamFigureTable *table = kam_dataset_get_figures (kam_window_get_dataset (window));
  guint id = kam_figure_table_get_id (table, 0);
  Search search = { GTK_WIDGET (window), KAM_TYPE_CHOICE_CELL, KAM_FIGURE_FIELD_COUNTRY, id, NULL };
  GtkWidget *cell, *popover;
  GtkListBoxRow *korea;

  show_figures (window);
  g_assert_true (wait_for (cell_exists, &search));
  cell = search.found;
  g_assert_cmpstr (kam_figure_table_get_country (table, 0), ==, "JPN");
  g_assert_cmpstr (cell_says (cell), ==, "Japan");
  kam_choice_cell_popup (KAM_CHOICE_CELL (cell));
  popover = find_widget (cell, GTK_TYPE_POPOVER);
  /* (South Korea has a 2021 figure from the same source already) */
  korea = row_labelled (popover, "All destinations");
  g_assert_nonnull (korea);
  /* every choice reads whole, not "…" (issue 27: the list was as narrow as
   * its narrowest possible label) */
  {
    gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
    GtkWidget *label = find_widget (gtk_list_box_row_get_child (korea), GTK_TYPE_LABEL);

    while (g_get_monotonic_time () < until && gtk_widget_get_width (label) == 0)
      g_main_context_iteration (NULL, FALSE);
    g_assert_true (GTK_IS_LABEL (label));
    g_assert_cmpint (gtk_widget_get_width (label), >, 0);
    g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));
    if (g_getenv ("KAM_SCREENSHOTS") != NULL)
      {
        g_autofree char *path = g_build_filename (g_getenv ("KAM_SCREENSHOTS"), "country-picker.png", NULL);

        until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
        while (g_get_monotonic_time () < until) /* let it draw */
          g_main_context_iteration (NULL, FALSE);
        save_widget_png (gtk_popover_get_child (GTK_POPOVER (popover)), path);
      }
  }
  g_signal_emit_by_name (gtk_widget_get_parent (GTK_WIDGET (korea)), "row-activated", korea);
  iterate ();
  g_assert_null (kam_figure_table_get_country (table, 0));
  g_assert_cmpstr (cell_says (cell), ==, "All destinations");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  iterate ();
  g_assert_cmpstr (kam_figure_table_get_country (table, 0), ==, "JPN");
  g_assert_cmpstr (cell_says (cell), ==, "Japan");
  close_window (window);
}

/* Breakdowns on the Figures page: a dimension's column appears when a figure
 * uses it, its filter lists its members, the qualifier is chosen in its cell;
 * a search that finds nothing says so and offers to clear the filters; a new
 * figure cites no source. */
static void
test_figures_breakdowns (void)
{
  KamWindow *window = open_window ("good.kamlang");
  KamDataset *dataset = kam_window_get_dataset (window);
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  KamFiguresView *view = kam_window_get_figures_view (window);
  GtkColumnView *columns = GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW));
  KamFigureQuery *query = kam_figures_view_get_query (view);
  int sex = kam_dataset_find_dimension (dataset, "sex");
  int women = kam_dimension_find_code (kam_dataset_get_dimension (dataset, sex), "women");
  guint id = kam_figure_table_get_id (table, 0), second = kam_figure_table_get_id (table, 1);
  KamFigureRow members = { 0 };
  Search search = { GTK_WIDGET (view), KAM_TYPE_CHOICE_CELL, KAM_FIGURE_FIELD_MEMBERS, id, NULL, "Women" };
  Search qualifier_search = { GTK_WIDGET (window), KAM_TYPE_CHOICE_CELL, KAM_FIGURE_FIELD_QUALIFIER, second, NULL };
  GtkWidget *filter, *cell, *popover, *stack, *breakdowns;
  GtkListBoxRow *row;
  g_autofree char *approximate = g_strdup_printf ("≈  %s", kam_qualifier_get_label (KAM_QUALIFIER_APPROXIMATE));
  g_autoptr (GError) error = NULL;
  guint added;

  adw_view_stack_set_visible_child_name (kam_window_get_stack (window), "figures");
  g_assert_true (column_shown (columns, "Qualifier"));
  g_assert_false (column_shown (columns, "Sex"));

  members.members[sex] = women;
  g_assert_true (kam_dataset_set_figure_field (dataset, id, KAM_FIGURE_FIELD_MEMBERS, &members, &error));
  g_assert_no_error (error);
  g_assert_true (column_shown (columns, "Sex"));
  g_assert_true (wait_for (cell_exists, &search));
  /* a breakdown's column asked for goes after those before it; put away, it leaves the list */
  g_assert_true (column_titled (columns, "Sex") == column_at (columns, 3));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_named (GTK_WIDGET (view), "Show the Province of origin column")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_named (GTK_WIDGET (view), "Show the Economic sector column")), TRUE);
  g_assert_true (column_titled (columns, "Economic sector") == column_at (columns, 4));
  g_assert_true (column_titled (columns, "Province of origin") == column_at (columns, 5));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_named (GTK_WIDGET (view), "Show the Economic sector column")), FALSE);
  g_assert_false (column_shown (columns, "Economic sector"));
  g_assert_true (column_titled (columns, "Province of origin") == column_at (columns, 4));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_named (GTK_WIDGET (view), "Show the Province of origin column")), FALSE);

  /* the filter, in the Breakdowns popover */
  filter = find_named (GTK_WIDGET (view), "Filter by Sex");
  g_assert_true (GTK_IS_DROP_DOWN (filter));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (filter))),
                                               women + 1), ==, "Women");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (filter), women + 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (query)), ==, 1);
  breakdowns = find_widget (GTK_WIDGET (view), GTK_TYPE_MENU_BUTTON);
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (breakdowns)), ==, "Breakdowns: Women");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (filter), 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (query)), ==, 3);

  /* the qualifier, chosen in its cell, and undone */
  g_assert_true (wait_for (cell_exists, &qualifier_search));
  cell = qualifier_search.found;
  g_assert_cmpstr (cell_says (cell), ==, "Exact");
  kam_choice_cell_popup (KAM_CHOICE_CELL (cell));
  popover = find_widget (cell, GTK_TYPE_POPOVER);
  row = row_labelled (popover, approximate);
  g_assert_nonnull (row);
  g_signal_emit_by_name (gtk_widget_get_parent (GTK_WIDGET (row)), "row-activated", row);
  iterate ();
  g_assert_cmpint (kam_figure_table_get_qualifier (table, 1), ==, KAM_QUALIFIER_APPROXIMATE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (kam_figure_table_get_qualifier (table, 1), ==, KAM_QUALIFIER_EXACT);
  iterate ();
  g_assert_cmpstr (cell_says (cell), ==, "Exact");

  /* no results, then the filters cleared */
  stack = gtk_widget_get_parent (gtk_widget_get_ancestor (GTK_WIDGET (columns), GTK_TYPE_SCROLLED_WINDOW));
  g_assert_true (GTK_IS_STACK (stack));
  gtk_editable_set_text (GTK_EDITABLE (kam_figures_view_get_search_entry (view)), "nowhere at all");
  g_signal_emit_by_name (kam_figures_view_get_search_entry (view), "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (query)), ==, 0);
  g_assert_true (stack_shows (GTK_STACK (stack), "no-results"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "figures.clear-filters", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (query)), ==, 3);
  g_assert_true (stack_shows (GTK_STACK (stack), "list"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (kam_figures_view_get_search_entry (view))), ==, "");

  /* a new figure cites no source */
  added = kam_figure_table_get_n_rows (table);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "figures.add", NULL));
  g_assert_cmpuint (kam_figure_table_get_n_rows (table), ==, added + 1);
  g_assert_null (kam_figure_table_get_source (table, added));
  close_window (window);
}

typedef struct
{
  KamWindow *window;
  guint id;
} FocusOn;

static gboolean
value_cell_focused (gpointer data)
{
  FocusOn *on = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (on->window));
  GtkWidget *cell = focus ? gtk_widget_get_ancestor (focus, KAM_TYPE_TEXT_CELL) : NULL;

  if (cell == NULL && focus != NULL && KAM_IS_TEXT_CELL (focus))
    cell = focus;
  return cell != NULL && kam_cell_get_field (cell) == KAM_FIGURE_FIELD_VALUE
         && kam_figure_get_id (kam_cell_get_item (cell)) == on->id;
}

/* Ctrl+Insert below a selected figure: a copy of its key with the value
 * empty, in the next free year (never refused), selected, the cursor in its
 * value cell. */
static void
test_figures_add_copies_selected (void)
{
  KamWindow *window = open_window ("good.kamlang");
  KamDataset *dataset = kam_window_get_dataset (window);
  KamFiguresView *view = kam_window_get_figures_view (window);
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  guint n = kam_figure_table_get_n_rows (table), japan = kam_figure_table_get_id (table, 0);
  KamFigureRow row;
  FocusOn on = { window, 0 };

  show_figures (window);
  g_assert_cmpstr (kam_figure_table_get_country (table, 0), ==, "JPN");
  kam_figures_view_select_ids (view, &japan, 1);
  iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "figures.add", NULL));
  g_assert_cmpuint (kam_figure_table_get_n_rows (table), ==, n + 1);
  kam_figure_table_get_row (table, n, &row);
  g_assert_cmpstr (row.country, ==, "JPN");
  g_assert_cmpstr (row.indicator, ==, "workers");
  g_assert_cmpstr (row.source, ==, "s1");
  g_assert_cmpint (row.year, ==, 2022); /* 2021 is Japan's */
  g_assert_true (isnan (row.value));
  on.id = kam_figure_table_get_id (table, n);
  g_assert_true (wait_for (value_cell_focused, &on));
  /* again from the new one: 2022 is taken now, 2023 is free */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "figures.add", NULL));
  g_assert_cmpuint (kam_figure_table_get_n_rows (table), ==, n + 2);
  g_assert_cmpint (kam_figure_table_get_year (table, n + 1), ==, 2023);
  close_window (window);
}

/* A value shows two decimals at most, grouped, in a column wide enough for
 * it, the whole value in its tooltip; editing begins from the whole value,
 * and leaving without typing keeps every digit. A far-off value asks first. */
static void
test_figures_values (void)
{
  KamWindow *window = open_window ("good.kamlang");
  KamDataset *dataset = kam_window_get_dataset (window);
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  guint japan = kam_figure_table_get_id (table, 0);
  GtkWidget *cell;
  AdwMessageDialog *dialog;
  g_autoptr (PangoLayout) layout = NULL;
  int width;

  g_assert_true (kam_dataset_set_figure_value (dataset, japan, 1003326430.7854, NULL));
  cell = find_cell (window, KAM_FIGURE_FIELD_VALUE, japan);
  iterate ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "1,003,326,430.79");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (cell), ==, "1,003,326,430.7854");
  layout = gtk_widget_create_pango_layout (cell, "1,003,326,430.79");
  pango_layout_get_pixel_size (layout, &width, NULL);
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (
                     column_titled (GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW)), "Value")),
                   >=, width + 24);
  /* in and out without typing: every digit kept */
  g_assert_true (gtk_widget_grab_focus (cell));
  iterate ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "1,003,326,430.7854");
  gtk_widget_grab_focus (find_cell (window, KAM_FIGURE_FIELD_NOTE, japan));
  iterate ();
  g_assert_cmpfloat (value_of (window, japan), ==, 1003326430.7854);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "1,003,326,430.79");
  g_assert_true (kam_dataset_undo (dataset));
  iterate ();

  /* 1e9 workers in Japan: asked, not taken silently; Change keeps the old value */
  edit_cell (cell, "1000000000");
  dialog = dialog_of (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpfloat (value_of (window, japan), ==, 11453);
  respond (dialog, "change");
  g_assert_cmpfloat (value_of (window, japan), ==, 11453);
  /* Keep: the value, and a follow-up line in the note, as one step */
  edit_cell (cell, "123456789012");
  dialog = dialog_of (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  respond (dialog, "keep");
  g_assert_cmpfloat (value_of (window, japan), ==, 123456789012.0);
  g_assert_nonnull (strstr (kam_figure_table_get_note (table, 0), KAM_FOLLOW_UP_MARK));
  g_assert_true (kam_dataset_undo (dataset));
  g_assert_cmpfloat (value_of (window, japan), ==, 11453);
  g_assert_null (kam_figure_table_get_note (table, 0));
  close_window (window);
}

/* The Figures page's filters are bound to its query both ways: the year
 * filters offer the figures' years, a filter on nothing shown says so and
 * clears, and the filters keep their choice while the lists change. */
static void
test_figures_filters (void)
{
  KamWindow *window = open_window ("good.kamlang");
  KamDataset *dataset = kam_window_get_dataset (window);
  KamFiguresView *view = kam_window_get_figures_view (window);
  KamFigureQuery *query = kam_figures_view_get_query (view);
  GtkWidget *from = find_named (GTK_WIDGET (view), "From year");
  GtkWidget *to = find_named (GTK_WIDGET (view), "To year");
  GtkWidget *country = find_named (GTK_WIDGET (view), "Filter by country");
  KamFigureRow row = { "JPN", 2019, "workers", 9000, "s1", NULL };
  gpointer shown[2] = { view, NULL };
  int first, last;

  show_figures (window);
  g_assert_true (GTK_IS_DROP_DOWN (from) && GTK_IS_DROP_DOWN (to) && GTK_IS_DROP_DOWN (country));
  g_assert_cmpstr (drop_down_text (from), ==, "From any year");
  g_assert_cmpstr (drop_down_text (to), ==, "To any year");
  /* the figures' years, not 1900 to 2100 */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (from))), ==, 3);
  g_assert_false (choose (from, "From 2019"));
  g_assert_true (choose (from, "From 2022"));
  kam_figure_query_get_years (query, &first, &last);
  g_assert_cmpint (first, ==, 2022);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (query)), ==, 1);
  shown[1] = "1 figure";
  g_assert_true (wait_for (label_shown, shown));

  /* nothing shown: said so, and Clear Filters shows everything again */
  g_assert_true (choose (country, "Japan"));
  g_assert_cmpstr (kam_figure_query_get_country (query), ==, "JPN");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (query)), ==, 0);
  shown[1] = "No Results Found";
  g_assert_true (wait_for (label_shown, shown));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "figures.clear-filters", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (query)), ==, 3);
  g_assert_cmpstr (drop_down_text (country), ==, "Any country");
  g_assert_cmpstr (drop_down_text (from), ==, "From any year");

  /* set on the query, shown by the filters */
  kam_figure_query_set_country (query, "KOR");
  kam_figure_query_set_years (query, KAM_YEAR_MIN, 2021);
  g_assert_cmpstr (drop_down_text (country), ==, "South Korea");
  g_assert_cmpstr (drop_down_text (to), ==, "To 2021");

  /* a figure of a new year: offered, and the filters keep their choice */
  g_assert_cmpuint (kam_dataset_add_figure (dataset, &row, NULL), >, 0);
  g_assert_cmpstr (drop_down_text (country), ==, "South Korea");
  g_assert_cmpstr (drop_down_text (to), ==, "To 2021");
  g_assert_true (choose (from, "From 2019"));
  kam_figure_query_get_years (query, &first, &last);
  g_assert_cmpint (first, ==, 2019);
  g_assert_cmpint (last, ==, 2021);
  g_assert_cmpstr (kam_figure_query_get_country (query), ==, "KOR");
  close_window (window);
}

static void
test_bad_value_refused (void)
{
  /* misplaced separators, a fraction of a person, a number too large to hold exactly */
  static const char *const bad[] = { "-5", "many", "12abc", "1,2,3", "12000.7", "99999999999999999999" };
  KamWindow *window = open_window ("good.kamlang");
  KamDataset *dataset = kam_window_get_dataset (window);
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  guint id = kam_figure_table_get_id (table, 1);
  GtkWidget *cell = find_cell (window, KAM_FIGURE_FIELD_VALUE, id);
  GtkWidget *year = find_cell (window, KAM_FIGURE_FIELD_YEAR, id);
  g_autofree char *message = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *why = NULL;

      edit_cell (cell, bad[i]);
      g_assert_cmpfloat (value_of (window, id), ==, 45866);
      /* the refusal says why, next to the cell */
      why = kam_dup_error_shown (cell);
      if (why == NULL)
        g_printerr ("no message for %s; cell says %s\n", bad[i], gtk_editable_get_text (GTK_EDITABLE (cell)));
      g_assert_nonnull (why);
      g_assert_cmpuint (strlen (why), >, 10);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "45,866");
    }

  /* after a refusal the message leaves the keyboard to the cell; Escape puts
   * the old text back, and what is typed next replaces it */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == gtk_widget_get_first_child (cell));
  press_key (cell, GDK_KEY_Escape);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "45,866");
  type_text (cell, "12000");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "12000");
  press_enter (cell);
  g_assert_cmpfloat (value_of (window, id), ==, 12000);
  /* moving the cursor first edits in place */
  press_key (cell, GDK_KEY_Home);
  type_text (cell, "1");
  press_enter (cell);
  g_assert_cmpfloat (value_of (window, id), ==, 112000);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpfloat (value_of (window, id), ==, 45866);

  edit_cell (year, "1850");
  g_assert_cmpint (kam_figure_table_get_year (table, 1), ==, 2021);
  message = kam_dup_error_shown (year);
  g_assert_nonnull (strstr (message, "1850"));
  g_assert_false (kam_dataset_get_modified (dataset));
  g_assert_false (title_marked (window));
  close_window (window);
}

static void
test_paste_one_step (void)
{
  KamWindow *window = open_window ("good.kamlang");
  KamDataset *dataset = kam_window_get_dataset (window);
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  GtkWidget *view = GTK_WIDGET (kam_window_get_figures_view (window));
  gpointer five[2] = { table, GUINT_TO_POINTER (5) };
  gpointer three[2] = { table, GUINT_TO_POINTER (3) };

  gdk_clipboard_set_text (gtk_widget_get_clipboard (view),
                          "Japan\t2022\tworkers\t1,000\ts1\n"
                          "KOR\t2023\tWorkers abroad\t2,000\ts1\tpasted\n");
  g_assert_true (gtk_widget_activate_action (view, "figures.paste", NULL));
  g_assert_true (wait_for (rows_are, five));
  g_assert_cmpfloat (kam_figure_table_get_value (table, 4), ==, 2000);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (rows_are (three));

  /* a bad line adds nothing */
  g_assert_false (kam_figures_view_paste_text (KAM_FIGURES_VIEW (view),
                                               "JPN\t2022\tworkers\t5\nJPN\t2022\tworkers\t-5\n"));
  g_assert_true (rows_are (three));
  close_window (window);
}

static void
test_delete_key_and_undo (void)
{
  KamWindow *window = open_window ("good.kamlang");
  KamFigureTable *table = kam_dataset_get_figures (kam_window_get_dataset (window));
  KamFiguresView *view = kam_window_get_figures_view (window);
  guint id = kam_figure_table_get_id (table, 1);

  kam_figures_view_select_ids (view, &id, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "figures.delete", NULL));
  g_assert_cmpuint (kam_figure_table_get_n_rows (table), ==, 2);
  g_assert_cmpint (kam_figure_table_find_row (table, id), ==, -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (kam_figure_table_find_row (table, id), ==, 1);
  close_window (window);
}

static void
test_sort_by_header (void)
{
  KamWindow *window = open_window ("good.kamlang");
  KamFiguresView *view = kam_window_get_figures_view (window);
  GtkColumnView *columns = GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW));
  GtkColumnViewColumn *value = column_titled (columns, "Value");
  KamFigureQuery *query = kam_figures_view_get_query (view);
  KamFigureTable *table = kam_dataset_get_figures (kam_window_get_dataset (window));

  gtk_column_view_sort_by_column (columns, value, GTK_SORT_DESCENDING);
  g_assert_cmpint (kam_figure_query_get_sort_field (query), ==, KAM_FIGURE_FIELD_VALUE);
  g_assert_true (kam_figure_query_get_sort_descending (query));
  g_assert_cmpfloat (kam_figure_table_get_value (table, kam_figure_query_get_table_row (query, 0)), ==, 45866);
  gtk_column_view_sort_by_column (columns, value, GTK_SORT_ASCENDING);
  g_assert_false (kam_figure_query_get_sort_descending (query));
  g_assert_cmpfloat (kam_figure_table_get_value (table, kam_figure_query_get_table_row (query, 0)), ==, 11453);

  /* a long list, scrolled to its bottom, and sorted: it shows its top */
  {
    GtkAdjustment *scroll = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (columns));

    for (int year = 1950; year < 2010; year++)
      {
        KamFigureRow row = { "JPN", year, "workers", year, "s1", NULL };
        g_assert_cmpuint (kam_dataset_add_figure (kam_window_get_dataset (window), &row, NULL), >, 0);
      }
    adw_view_stack_set_visible_child_name (kam_window_get_stack (window), "figures");
    /* once the list is laid out (scrolling before made GTK warn) */
    g_assert_true (wait_for (list_scrolls, scroll));
    gtk_adjustment_set_value (scroll, gtk_adjustment_get_upper (scroll) - gtk_adjustment_get_page_size (scroll));
    g_assert_true (wait_for (list_scrolled, scroll));
    gtk_column_view_sort_by_column (columns, value, GTK_SORT_DESCENDING);
    g_assert_true (wait_for (list_at_top, scroll));
  }
  close_window (window);
}

/* The KamCell the window's keyboard is in, or NULL. */
static GtkWidget *
focused_cell (KamWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  for (; focus != NULL; focus = gtk_widget_get_parent (focus))
    if (KAM_IS_CELL (focus))
      return focus;
  return NULL;
}

static guint
focused_figure (KamWindow *window)
{
  GtkWidget *cell = focused_cell (window);

  g_assert_nonnull (cell);
  return kam_figure_get_id (kam_cell_get_item (cell));
}

/* Issue 27: every cell of the Figures list is reached from the keyboard;
 * typing on a choice opens its list finding what is typed, Enter takes it. */
static void
test_figures_keyboard (void)
{
  KamWindow *window = open_window ("good.kamlang");
  KamFigureTable *table = kam_dataset_get_figures (kam_window_get_dataset (window));
  KamFiguresView *view = kam_window_get_figures_view (window);
  GtkWidget *columns = find_widget (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW);
  guint first = kam_figure_table_get_id (table, 0), second = kam_figure_table_get_id (table, 1);
  Search search_country = { GTK_WIDGET (window), KAM_TYPE_CHOICE_CELL, KAM_FIGURE_FIELD_COUNTRY, first, NULL };
  GtkWidget *country, *popover, *search;
  GtkListBoxRow *row;

  show_figures (window);
  g_assert_true (wait_for (cell_exists, &search_country));
  country = search_country.found;

  g_assert_true (gtk_widget_grab_focus (country));
  iterate ();
  g_assert_true (focused_cell (window) == country);
  /* Right: the year, then the indicator; Left back */
  g_assert_true (send_key (columns, GDK_KEY_Right));
  g_assert_cmpint (kam_cell_get_field (focused_cell (window)), ==, KAM_FIGURE_FIELD_YEAR);
  g_assert_cmpuint (focused_figure (window), ==, first);
  g_assert_true (send_key (columns, GDK_KEY_Right));
  g_assert_cmpint (kam_cell_get_field (focused_cell (window)), ==, KAM_FIGURE_FIELD_INDICATOR);
  g_assert_true (send_key (columns, GDK_KEY_Left));
  g_assert_cmpint (kam_cell_get_field (focused_cell (window)), ==, KAM_FIGURE_FIELD_YEAR);
  /* a text cell on which nothing was typed leaves by Right too */
  g_assert_true (send_key (columns, GDK_KEY_Right));
  g_assert_true (send_key (columns, GDK_KEY_Right));
  g_assert_cmpint (kam_cell_get_field (focused_cell (window)), ==, KAM_FIGURE_FIELD_VALUE);
  g_assert_true (send_key (columns, GDK_KEY_Right));
  g_assert_cmpint (kam_cell_get_field (focused_cell (window)), ==, KAM_FIGURE_FIELD_QUALIFIER);
  /* Ctrl+Right: the row's last cell; Ctrl+Left its first */
  {
    g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (columns);
    gboolean handled = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
      {
        g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
          g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Right, 0, GDK_CONTROL_MASK, &handled);
      }
    iterate ();
    g_assert_true (handled);
    g_assert_cmpint (kam_cell_get_field (focused_cell (window)), ==, KAM_FIGURE_FIELD_NOTE);
  }
  /* Down: the same column in the next row, which is selected */
  g_assert_true (send_key (columns, GDK_KEY_Down));
  g_assert_cmpint (kam_cell_get_field (focused_cell (window)), ==, KAM_FIGURE_FIELD_NOTE);
  g_assert_cmpuint (focused_figure (window), ==, second);
  g_assert_true (send_key (columns, GDK_KEY_Up));
  g_assert_cmpuint (focused_figure (window), ==, first);

  /* typing on the country: its list opens finding what was typed, and Enter
   * takes the first choice that reads so */
  g_assert_true (gtk_widget_grab_focus (country));
  iterate ();
  g_assert_true (send_key (country, GDK_KEY_k));
  popover = find_widget (country, GTK_TYPE_POPOVER);
  g_assert_nonnull (popover);
  search = find_widget (popover, GTK_TYPE_SEARCH_ENTRY);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "k");
  gtk_editable_set_text (GTK_EDITABLE (search), "destin");
  g_signal_emit_by_name (search, "search-changed");
  iterate ();
  row = row_labelled (popover, "Japan");
  g_assert_nonnull (row);
  g_assert_false (gtk_widget_get_child_visible (GTK_WIDGET (row)));
  /* under its name, what tells a choice apart: its code */
  {
    GtkWidget *name = gtk_widget_get_first_child (gtk_list_box_row_get_child (row));

    g_assert_true (GTK_IS_LABEL (gtk_widget_get_next_sibling (name)));
    g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (gtk_widget_get_next_sibling (name))), "JPN"));
  }
  row = row_labelled (popover, "All destinations");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_child_visible (GTK_WIDGET (row)));
  g_signal_emit_by_name (search, "activate");
  iterate ();
  g_assert_null (kam_figure_table_get_country (table, kam_figure_table_find_row (table, first)));
  close_window (window);
}

/* Issue 27: the source, qualifier, year or a breakdown's member of every
 * selected figure, set at once from the selection's menu, one step. */
static void
test_figures_edit_selection (void)
{
  KamWindow *window = open_window ("good.kamlang");
  KamDataset *dataset = kam_window_get_dataset (window);
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  KamFiguresView *view = kam_window_get_figures_view (window);
  GtkSelectionModel *selection = kam_figures_view_get_selection (view);
  g_autoptr (KamSource) s2 = kam_source_new ("s2");
  GtkWidget *button;
  GtkPopover *popover;
  AdwMessageDialog *dialog;

  show_figures (window);
  g_assert_true (kam_dataset_add_source (dataset, s2, NULL));
  iterate ();
  button = find_named (GTK_WIDGET (view), "Change Selected Figures");
  g_assert_true (GTK_IS_MENU_BUTTON (button));
  /* nothing selected: nothing to change */
  gtk_selection_model_unselect_all (selection);
  iterate ();
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_true (gtk_selection_model_select_range (selection, 0, 3, TRUE));
  iterate ();
  g_assert_true (gtk_widget_get_sensitive (button));

  /* Shift+F10 opens the menu: sources, qualifiers, the year */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "figures.selection-menu", NULL));
  iterate ();
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_true (GTK_IS_POPOVER_MENU (popover));
  {
    GMenuModel *menu = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover));
    GMenuModel *first = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
    GMenuModel *sources = g_menu_model_get_item_link (first, 0, G_MENU_LINK_SUBMENU);
    g_autofree char *label = NULL;

    g_assert_cmpint (g_menu_model_get_n_items (sources), ==, 3); /* s1, s2, no source */
    g_assert_true (g_menu_model_get_item_attribute (sources, 1, G_MENU_ATTRIBUTE_LABEL, "s", &label));
    g_assert_cmpstr (label, ==, "s2");
    g_object_unref (sources);
    g_object_unref (first);
  }
  gtk_popover_popdown (popover);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "figures.set-source", "s", "s2"));
  iterate ();
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (kam_figure_table_get_source (table, i), ==, "s2");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (kam_figure_table_get_source (table, i), ==, "s1");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "figures.set-qualifier", "i", KAM_QUALIFIER_APPROXIMATE));
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (kam_figure_table_get_qualifier (table, i), ==, KAM_QUALIFIER_APPROXIMATE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));

  /* the year of the two 2021 figures, asked for; then 2022, where Korea has
   * a figure: nothing changes (a toast says why) */
  g_assert_true (gtk_selection_model_select_range (selection, 0, 2, TRUE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "figures.ask-year", NULL));
  iterate ();
  dialog = dialog_of (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (adw_message_dialog_get_extra_child (dialog)), 2023);
  respond (dialog, "set");
  iterate ();
  for (guint i = 0; i < 2; i++)
    g_assert_cmpint (kam_figure_table_get_year (table, i), ==, 2023);
  g_assert_cmpint (kam_figure_table_get_year (table, 2), ==, 2022);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "figures.set-year", "i", 2022));
  g_assert_cmpint (kam_figure_table_get_year (table, 0), ==, 2021);
  g_assert_cmpint (kam_figure_table_get_year (table, 1), ==, 2021);
  close_window (window);
}

int
main (int argc, char **argv)
{
  int status = kam_test_ui_init (&argc, &argv);

  if (status >= 0)
    return status;
  g_test_add_func ("/kamlang/window/edit-and-undo", test_edit_and_undo);
  g_test_add_func ("/kamlang/window/choice-cell", test_choice_cell);
  g_test_add_func ("/kamlang/window/figures-keyboard", test_figures_keyboard);
  g_test_add_func ("/kamlang/window/figures-edit-selection", test_figures_edit_selection);
  g_test_add_func ("/kamlang/window/figures-breakdowns", test_figures_breakdowns);
  g_test_add_func ("/kamlang/window/figures-filters", test_figures_filters);
  g_test_add_func ("/kamlang/window/figures-add-copies-selected", test_figures_add_copies_selected);
  g_test_add_func ("/kamlang/window/figures-values", test_figures_values);
  g_test_add_func ("/kamlang/window/bad-value-refused", test_bad_value_refused);
  g_test_add_func ("/kamlang/window/paste-one-step", test_paste_one_step);
  g_test_add_func ("/kamlang/window/delete-key-and-undo", test_delete_key_and_undo);
  g_test_add_func ("/kamlang/window/sort-by-header", test_sort_by_header);
  return g_test_run ();
}
