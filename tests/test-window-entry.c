/* test-window-entry.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Enter Table page, from the keyboard: keys go through the grid's own
 * key handling as a person's do. Needs a display (skipped without one).
 * Shared helpers: kam-test-ui.c. */

#include "kam-test-ui.h"
#include "kam-entry-page.h"
#include "kam-check.h"

/* A key as the grid receives it, with modifiers; unhandled printable keys
 * are typed into the focused cell, as GTK would. */
static void
key (KamEntryPage *page, guint keyval, GdkModifierType state)
{
  GtkWidget *grid;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (page));
  GtkWidget *focus = gtk_root_get_focus (root);
  gboolean handled = FALSE;
  g_autoptr (GListModel) controllers = NULL;

  grid = gtk_widget_get_parent (kam_entry_page_get_cell (page, 0, 0));
  controllers = gtk_widget_observe_controllers (grid);
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  if (!handled && keyval == GDK_KEY_Left && focus != NULL && GTK_IS_EDITABLE (focus))
    gtk_editable_set_position (GTK_EDITABLE (focus), gtk_editable_get_position (GTK_EDITABLE (focus)) - 1);
  else if (!handled && gdk_keyval_to_unicode (keyval) != 0 && focus != NULL && GTK_IS_EDITABLE (focus))
    {
      char utf8[8] = { 0 };
      int start, end;

      g_unichar_to_utf8 (gdk_keyval_to_unicode (keyval), utf8);
      if (gtk_editable_get_selection_bounds (GTK_EDITABLE (focus), &start, &end))
        gtk_editable_delete_text (GTK_EDITABLE (focus), start, end);
      start = gtk_editable_get_position (GTK_EDITABLE (focus));
      gtk_editable_insert_text (GTK_EDITABLE (focus), utf8, -1, &start);
      gtk_editable_set_position (GTK_EDITABLE (focus), start);
    }
  iterate ();
}

static void
type (KamEntryPage *page, const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    key (page, gdk_unicode_to_keyval (g_utf8_get_char (p)), 0);
}

static gboolean
cell_focused (KamEntryPage *page, guint row, guint column)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (page)));
  GtkWidget *cell = kam_entry_page_get_cell (page, row, column);

  return cell != NULL && focus != NULL && (focus == cell || gtk_widget_is_ancestor (focus, cell));
}

static double
cell_value (KamEntryPage *page, guint row, guint column)
{
  double value;

  kam_entry_table_get_cell (kam_entry_page_get_table (page), row, column, &value);
  return value;
}

static gboolean
women_known (gpointer page)
{
  return kam_value_is_known (cell_value (page, 0, 1));
}

static KamEntryPage *
entry_page (KamWindow *window)
{
  GtkWidget *page = show_page (window, "entry");

  iterate ();
  if (!KAM_IS_ENTRY_PAGE (page))
    page = find_widget (GTK_WIDGET (window), KAM_TYPE_ENTRY_PAGE);
  g_assert_true (KAM_IS_ENTRY_PAGE (page));
  return KAM_ENTRY_PAGE (page);
}

/* The trial of the issue, keys only: deployments 2024, Malaysia and South
 * Korea added by typing a few letters, women and men typed with Tab and
 * Enter, a block pasted, one undo per cell. */
static void
test_entry_by_keyboard (void)
{
  KamWindow *window = open_window ("entry.kamlang");
  KamDataset *dataset = kam_window_get_dataset (window);
  KamFigureTable *figures = kam_dataset_get_figures (dataset);
  guint n = kam_figure_table_get_n_rows (figures);
  KamEntryPage *page = entry_page (window);
  KamEntryTable *table = kam_entry_page_get_table (page);
  GtkWidget *add = find_named (GTK_WIDGET (page), "Add a destination");
  GtkWidget *year = find_named (GTK_WIDGET (page), "Year");
  GtkWidget *cell;

  g_assert_nonnull (add);
  g_assert_nonnull (year);
  /* the settings: deployments, split by sex, the latest year; then 2024 */
  g_assert_cmpstr (kam_entry_table_get_indicator (table), ==, "deployed");
  g_assert_cmpint (kam_entry_table_get_column_axis (table), ==, kam_dataset_find_dimension (dataset, "sex"));
  g_assert_cmpint (kam_entry_table_get_first_year (table), ==, 2023);
  g_assert_cmpuint (kam_entry_table_get_n_rows (table), ==, 2);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (year), 2024);
  iterate ();
  g_assert_cmpint (kam_entry_table_get_first_year (table), ==, 2024);
  g_assert_cmpuint (kam_entry_table_get_n_rows (table), ==, 0);

  /* "Malay" and Enter: the row is added and the cursor is in its Women cell */
  gtk_widget_grab_focus (add);
  gtk_editable_set_text (GTK_EDITABLE (add), "Malay");
  g_assert_true (g_str_has_suffix (gtk_widget_get_tooltip_text (add), "Malaysia (MYS)"));
  g_signal_emit_by_name (add, "activate");
  iterate ();
  g_assert_cmpuint (kam_entry_table_get_n_rows (table), ==, 1);
  g_assert_true (cell_focused (page, 0, 1));
  /* the cell's accessible name is its row and column */
  cell = kam_entry_page_get_cell (page, 0, 1);
  g_assert_true (find_named (GTK_WIDGET (page), "Malaysia, Women") == cell);
  type (page, "1200");
  key (page, GDK_KEY_Tab, 0);
  g_assert_true (cell_focused (page, 0, 2));
  g_assert_cmpfloat (cell_value (page, 0, 1), ==, 1200);
  type (page, "3,400");
  key (page, GDK_KEY_Return, 0);
  g_assert_cmpfloat (cell_value (page, 0, 2), ==, 3400);
  g_assert_cmpuint (kam_figure_table_get_n_rows (figures), ==, n + 2);

  /* South Korea from a few letters: the dataset's Korea before ISO's others */
  gtk_widget_grab_focus (add);
  gtk_editable_set_text (GTK_EDITABLE (add), "korea");
  g_signal_emit_by_name (add, "activate");
  iterate ();
  g_assert_cmpstr (kam_entry_table_get_row_country (table, 1), ==, "KOR");
  g_assert_true (cell_focused (page, 1, 1));
  type (page, "900");
  key (page, GDK_KEY_Tab, 0);
  type (page, "2100");
  key (page, GDK_KEY_Left, 0); /* arrows write the cell and move */
  g_assert_cmpfloat (cell_value (page, 1, 2), ==, 2100);
  g_assert_true (cell_focused (page, 1, 1));
  key (page, GDK_KEY_Left, 0);
  type (page, "3000");
  key (page, GDK_KEY_Up, 0);
  g_assert_true (cell_focused (page, 0, 0));
  /* South Korea's total is 3,000 but its parts are 3,000: no mismatch; the
   * total 4,000 for Malaysia typed next has parts of 4,600 */
  type (page, "4000");
  key (page, GDK_KEY_Return, 0);
  cell = kam_entry_page_get_cell (page, 0, 0);
  g_assert_true (gtk_widget_has_css_class (cell, "kam-mismatch"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (cell), "600 more than this total"));
  g_assert_false (gtk_widget_has_css_class (kam_entry_page_get_cell (page, 1, 0), "kam-mismatch"));

  /* F2 edits in place: Left moves the caret, not the cursor; Escape puts the text back */
  g_assert_true (cell_focused (page, 1, 0));
  key (page, GDK_KEY_F2, 0);
  key (page, GDK_KEY_Left, 0);
  g_assert_true (cell_focused (page, 1, 0));
  type (page, "9");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (kam_entry_page_get_cell (page, 1, 0))), ==, "3,0090");
  key (page, GDK_KEY_Escape, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (kam_entry_page_get_cell (page, 1, 0))), ==, "3,000");
  g_assert_cmpfloat (cell_value (page, 1, 0), ==, 3000);

  /* text where a number belongs: said under the grid, nothing changed, the cursor stays */
  type (page, "many");
  key (page, GDK_KEY_Return, 0);
  g_assert_true (cell_focused (page, 1, 0));
  g_assert_nonnull (kam_entry_page_get_message (page));
  g_assert_nonnull (strstr (kam_entry_page_get_message (page), "South Korea, Total"));
  g_assert_cmpfloat (cell_value (page, 1, 0), ==, 3000);
  key (page, GDK_KEY_Escape, 0);
  g_assert_null (kam_entry_page_get_message (page));

  /* a block copied (Shift+arrows, Ctrl+C) and pasted from the cursor (Ctrl+V) */
  key (page, GDK_KEY_Up, 0);
  key (page, GDK_KEY_Right, 0); /* Malaysia, Women */
  key (page, GDK_KEY_Right, GDK_SHIFT_MASK);
  key (page, GDK_KEY_Down, GDK_SHIFT_MASK);
  g_assert_true (gtk_widget_has_css_class (kam_entry_page_get_cell (page, 1, 2), "kam-marked"));
  key (page, GDK_KEY_c, GDK_CONTROL_MASK);
  iterate ();
  /* Delete empties the marked block */
  key (page, GDK_KEY_Delete, 0);
  g_assert_true (isnan (cell_value (page, 0, 1)));
  g_assert_true (isnan (cell_value (page, 1, 2)));
  key (page, GDK_KEY_Up, 0);
  key (page, GDK_KEY_Left, 0);
  g_assert_true (cell_focused (page, 0, 1));
  key (page, GDK_KEY_v, GDK_CONTROL_MASK);
  g_assert_true (wait_for (women_known, page));
  g_assert_cmpfloat (cell_value (page, 0, 1), ==, 1200);
  g_assert_cmpfloat (cell_value (page, 0, 2), ==, 3400);
  g_assert_cmpfloat (cell_value (page, 1, 1), ==, 900);
  g_assert_cmpfloat (cell_value (page, 1, 2), ==, 2100);
  /* the paste was one step: one undo empties the block again */
  g_assert_true (kam_dataset_undo (dataset));
  iterate ();
  g_assert_true (isnan (cell_value (page, 0, 1)));
  g_assert_true (isnan (cell_value (page, 1, 2)));
  g_assert_true (kam_dataset_redo (dataset));
  iterate ();

  /* Ctrl+D: the cell above copied down */
  key (page, GDK_KEY_Down, 0);
  key (page, GDK_KEY_Delete, 0);
  g_assert_true (isnan (cell_value (page, 1, 1)));
  key (page, GDK_KEY_d, GDK_CONTROL_MASK);
  g_assert_cmpfloat (cell_value (page, 1, 1), ==, 1200);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (kam_entry_page_get_cell (page, 1, 1))), ==, "1,200");

  /* Chart This Table: the Charts page shows the table, split by its columns */
  {
    KamChart *chart = kam_charts_page_get_chart (kam_window_get_charts_page (window));
    GPtrArray *series;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-entry-table", NULL));
    iterate ();
    g_assert_cmpstr (adw_view_stack_get_visible_child_name (kam_window_get_stack (window)), ==, "charts");
    g_assert_cmpint (kam_chart_get_kind (chart), ==, KAM_CHART_DESTINATIONS);
    g_assert_cmpstr (kam_chart_get_indicator (chart), ==, "deployed");
    g_assert_cmpint (kam_chart_get_year (chart), ==, 2024);
    g_assert_cmpstr (kam_chart_get_split (chart), ==, "sex");
    series = kam_chart_get_series (chart);
    g_assert_cmpuint (series->len, >=, 2);
    g_assert_cmpstr (((KamChartSeries *) g_ptr_array_index (series, 0))->name, ==, "Women");
    g_assert_cmpstr (((KamChartSeries *) g_ptr_array_index (series, 1))->name, ==, "Men");
  }

  /* every step undone: the dataset is as it was */
  while (kam_figure_table_get_n_rows (figures) > n && kam_dataset_undo (dataset))
    ;
  iterate ();
  g_assert_cmpuint (kam_figure_table_get_n_rows (figures), ==, n);
  g_assert_true (isnan (cell_value (page, 0, 2)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (kam_entry_page_get_cell (page, 0, 2))), ==, "");
  close_window (window);
}

/* A value far off asks at the cell; kept, the figure carries a follow-up
 * line the Checks page lists; changed, nothing is written. */
static void
test_entry_confirms_far_off_values (void)
{
  KamWindow *window = open_window ("entry.kamlang");
  KamDataset *dataset = kam_window_get_dataset (window);
  KamEntryPage *page = entry_page (window);
  KamFigureTable *figures = kam_dataset_get_figures (dataset);
  GtkWidget *popover, *change, *keep;
  g_autoptr (GPtrArray) findings = NULL;
  gboolean listed = FALSE;
  guint id;

  /* 2023: South Korea's total is 9,778 (row 1 after Malaysia) */
  g_assert_cmpstr (kam_entry_table_get_row_country (kam_entry_page_get_table (page), 1), ==, "KOR");
  gtk_widget_grab_focus (kam_entry_page_get_cell (page, 1, 2));
  iterate ();
  type (page, "123456789012");
  key (page, GDK_KEY_Return, 0);
  g_assert_true (isnan (cell_value (page, 1, 2)));
  popover = find_widget (kam_entry_page_get_cell (page, 1, 2), GTK_TYPE_POPOVER);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  change = find_widget (popover, GTK_TYPE_BUTTON); /* the first: Change */
  g_assert_nonnull (change);
  g_assert_true (gtk_widget_has_css_class (change, "suggested-action"));
  keep = gtk_widget_get_next_sibling (change);
  g_assert_true (GTK_IS_BUTTON (keep));
  /* Change: back in the cell, nothing written */
  g_signal_emit_by_name (change, "clicked");
  iterate ();
  g_assert_true (cell_focused (page, 1, 2));
  g_assert_true (isnan (cell_value (page, 1, 2)));
  /* 80,000 men: more than 10 times Malaysia's 4,000? no, 9,778 is the largest: 97,780 is the bound */
  gtk_editable_set_text (GTK_EDITABLE (kam_entry_page_get_cell (page, 1, 2)), "100000");
  key (page, GDK_KEY_Return, 0);
  popover = find_widget (kam_entry_page_get_cell (page, 1, 2), GTK_TYPE_POPOVER);
  g_assert_nonnull (popover);
  keep = gtk_widget_get_next_sibling (find_widget (popover, GTK_TYPE_BUTTON));
  g_signal_emit_by_name (keep, "clicked");
  iterate ();
  g_assert_cmpfloat (cell_value (page, 1, 2), ==, 100000);
  id = kam_entry_table_get_cell (kam_entry_page_get_table (page), 1, 2, NULL);
  g_assert_true (g_str_has_prefix (kam_figure_table_get_note (figures, kam_figure_table_find_row (figures, id)),
                                   KAM_FOLLOW_UP_MARK));
  findings = kam_check_run (dataset, 2026);
  for (guint i = 0; i < findings->len; i++)
    listed |= ((KamCheckFinding *) g_ptr_array_index (findings, i))->kind == KAM_CHECK_FOLLOW_UP;
  g_assert_true (listed);
  close_window (window);
}

int
main (int argc, char **argv)
{
  int status = kam_test_ui_init (&argc, &argv);

  if (status >= 0)
    return status;
  g_test_add_func ("/kamlang/window/entry-by-keyboard", test_entry_by_keyboard);
  g_test_add_func ("/kamlang/window/entry-confirms-far-off-values", test_entry_confirms_far_off_values);
  return g_test_run ();
}
