/* test-window-shell.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window as a whole: its pages, menus, shortcuts, accessible names, Tab and Khmer numerals. Drives the window as a user does; needs a display (skipped without
 * one). Shared helpers: kam-test-ui.c. */

#include "kam-test-ui.h"

/* Every page of the window at 1280x800, into KAM_SCREENSHOTS (a folder) when
 * it is set: for looking at, and for the README. Each page must draw. */
static void
test_screenshots (void)
{
  static const char *const pages[] = { "charts", "figures", "countries", "sources", "agreements", "breakdowns",
                                       "checks" };
  KamWindow *window = open_window ("good.kamlang");
  const char *folder = g_getenv ("KAM_SCREENSHOTS");

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.png", pages[i]);
      g_autofree char *path = g_build_filename (folder ? folder : tmp_dir, name, NULL);

      if (g_str_equal (pages[i], "checks"))
        {
          /* something for the checks to find: a digit too many */
          KamDataset *dataset = kam_window_get_dataset (window);
          KamChecksPage *checks = KAM_CHECKS_PAGE (
            adw_view_stack_get_child_by_name (kam_window_get_stack (window), "checks"));

          g_assert_true (kam_dataset_set_figure_value (
            dataset, kam_figure_table_get_id (kam_dataset_get_figures (dataset), 1), 458660000, NULL));
          kam_checks_page_update (checks);
          g_assert_cmpuint (kam_checks_page_get_n_findings (checks), >, 0);
        }
      adw_view_stack_set_visible_child_name (kam_window_get_stack (window), pages[i]);
      iterate ();
      save_window_png (window, path);
      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  {
    /* a breakdown in use, and the Breakdowns popover */
    KamDataset *dataset = kam_window_get_dataset (window);
    int sex = kam_dataset_find_dimension (dataset, "sex");
    KamFigureRow members = { 0 };
    g_autofree char *path = g_build_filename (folder ? folder : tmp_dir, "figures-breakdowns.png", NULL);
    g_autofree char *popover_path = g_build_filename (folder ? folder : tmp_dir, "breakdowns-popover.png", NULL);
    GtkWidget *button;

    members.members[sex] = kam_dimension_find_code (kam_dataset_get_dimension (dataset, sex), "women");
    g_assert_true (kam_dataset_set_figure_field (dataset, kam_figure_table_get_id (kam_dataset_get_figures (dataset), 0),
                                                 KAM_FIGURE_FIELD_MEMBERS, &members, NULL));
    adw_view_stack_set_visible_child_name (kam_window_get_stack (window), "figures");
    iterate ();
    save_window_png (window, path);
    button = find_widget (GTK_WIDGET (kam_window_get_figures_view (window)), GTK_TYPE_MENU_BUTTON);
    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    iterate ();
    save_widget_png (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))), popover_path);
    gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  }
  {
    /* a small screen: 800 x 600 fits every page (the Figures page's filters
     * in one row made the window 906 px wide at least; they wrap now) */
    g_autofree char *path = g_build_filename (folder ? folder : tmp_dir, "charts-800x600.png", NULL);
    GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));

    gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
    adw_view_stack_set_visible_child_name (kam_window_get_stack (window), "charts");
    g_assert_true (wait_for (narrow_enough, content));
    save_window_png (window, path);
  }
  close_window (window);
}

/* A page gets the document's data when it is shown (pages off screen wait):
 * the page on screen follows a new document at once, one shown later has it
 * then. */
static void
test_pages_follow_document (void)
{
  KamWindow *window = open_window ("good.kamlang");
  AdwViewStack *stack = kam_window_get_stack (window);
  GtkWidget *figures = GTK_WIDGET (kam_window_get_figures_view (window));
  GtkColumnView *columns = GTK_COLUMN_VIEW (find_widget (figures, GTK_TYPE_COLUMN_VIEW));
  KamDataset *dataset;
  GtkWidget *sources;

  adw_view_stack_set_visible_child_name (stack, "figures");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (columns))), ==,
                    kam_figure_table_get_n_rows (kam_dataset_get_figures (kam_window_get_dataset (window))));
  kam_window_open_bundled (window);
  wait_settled (window);
  dataset = kam_window_get_dataset (window);
  g_assert_cmpuint (kam_figure_table_get_n_rows (kam_dataset_get_figures (dataset)), >, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (columns))), ==,
                    kam_figure_table_get_n_rows (kam_dataset_get_figures (dataset)));
  sources = show_page (window, "sources");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (kam_items_view_get_selection (KAM_ITEMS_VIEW (sources)))),
                    ==, g_list_model_get_n_items (kam_dataset_get_sources (dataset)));
  close_window (window);
}

/* Keyboard Shortcuts opens a shortcuts window over the window. */
static void
test_shortcuts_window (void)
{
  KamWindow *window = open_window ("good.kamlang");
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *shortcuts = NULL;
  /* GTK 4.8's shortcuts window measures one of its own labels at -3 px under
   * libadwaita's style, a warning (seen in plain GTK programs too) that GTK
   * logs in a way g_test cannot be told to expect: while it is shown only
   * criticals are fatal */
  GLogLevelFlags fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  iterate ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (toplevel) && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        shortcuts = toplevel;
    }
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  /* titled by Kamlang, translated with it (GTK's own "Shortcuts" has no
   * Khmer; issue 27) */
  g_assert_cmpstr (gtk_window_get_title (shortcuts), ==, "Keyboard Shortcuts");
  gtk_widget_set_visible (GTK_WIDGET (shortcuts), FALSE);
  iterate ();
  g_log_set_always_fatal (fatal);
  close_window (window);
}

/* The main menu is made when it first opens, and then offers the files'
 * commands; F10 opens it too. */
static void
test_main_menu (void)
{
  KamWindow *window = open_window ("good.kamlang");
  GtkWidget *button = find_named (GTK_WIDGET (window), "Main Menu");
  GtkPopover *popover;
  g_autoptr (GMenuModel) menu = NULL;
  g_autofree char *label = NULL;

  g_assert_true (GTK_IS_MENU_BUTTON (button));
  g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  iterate ();
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_true (GTK_IS_POPOVER_MENU (popover));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_object_get (popover, "menu-model", &menu, NULL);
  g_assert_nonnull (menu);
  /* the first section: the files' commands, starting with New Window */
  g_assert_cmpint (g_menu_model_get_n_items (menu), >, 1);
  g_assert_true (g_menu_model_get_item_attribute (g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION), 0,
                                                  G_MENU_ATTRIBUTE_LABEL, "s", &label));
  g_assert_cmpstr (label, ==, "_New Window");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  /* opened again: the same menu */
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  iterate ();
  g_assert_true (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)) == popover);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  close_window (window);
}

/* Tab does not go through every cell (defect 8): from a cell of a list, Tab
 * goes on to the controls after the list and Shift+Tab to those before it;
 * the numbers under the chart are one Tab stop, not one per number. */
static void
test_tab_leaves_lists (void)
{
  KamWindow *window = open_window ("good.kamlang");
  KamFigureTable *table = kam_dataset_get_figures (kam_window_get_dataset (window));
  GtkWidget *figures = GTK_WIDGET (kam_window_get_figures_view (window));
  GtkWidget *cell, *list, *focus;

  /* the numbers under the chart: one stop for them all */
  g_assert_cmpint (count_focusable_labels (GTK_WIDGET (kam_window_get_charts_page (window))), ==, 1);
  adw_view_stack_set_visible_child_name (kam_window_get_stack (window), "figures");
  cell = find_cell (window, KAM_FIGURE_FIELD_VALUE, kam_figure_table_get_id (table, 0));
  list = gtk_widget_get_ancestor (cell, GTK_TYPE_SCROLLED_WINDOW);
  g_assert_true (gtk_widget_grab_focus (cell));
  g_assert_true (press_shortcut (list, "Tab"));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_false (gtk_widget_is_ancestor (focus, list));
  g_assert_true (gtk_widget_is_ancestor (focus, figures)); /* the bar under the list */
  g_assert_true (gtk_widget_get_can_focus (list));

  g_assert_true (gtk_widget_grab_focus (cell));
  g_assert_true (press_shortcut (list, "<Shift>Tab"));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_false (gtk_widget_is_ancestor (focus, list));
  g_assert_true (gtk_widget_is_ancestor (focus, figures)); /* the filters above it */

  /* the same on the other lists */
  cell = find_widget (show_page (window, "countries"), KAM_TYPE_TEXT_CELL);
  list = gtk_widget_get_ancestor (cell, GTK_TYPE_SCROLLED_WINDOW);
  g_assert_true (gtk_widget_grab_focus (cell));
  g_assert_true (press_shortcut (list, "Tab"));
  g_assert_false (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), list));
  close_window (window);
}

/* Every icon button is named for a screen reader; the chart is an image
 * whose description gives its values, and follows an edit. */
static void
test_accessible_names (void)
{
  KamWindow *window = open_window ("good.kamlang");
  KamChartsPage *page = kam_window_get_charts_page (window);
  KamChartView *view = kam_charts_page_get_view (page);
  KamDataset *dataset = kam_window_get_dataset (window);
  g_autoptr (GString) unnamed = g_string_new (NULL);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr (GError) error = NULL;

  collect_unnamed (GTK_WIDGET (window), unnamed);
  g_assert_cmpstr (unnamed->str, ==, "");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_ROLE_IMG);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (view)));
  gtk_test_accessible_assert_property (
    GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
    "Workers abroad by destination, 2021. South Korea 45,866; Japan 11,453.");
  g_assert_true (kam_dataset_set_figure_value (dataset, kam_figure_table_get_id (kam_dataset_get_figures (dataset), 0),
                                               12000, &error));
  gtk_test_accessible_assert_property (
    GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
    "Workers abroad by destination, 2021. South Korea 45,866; Japan 12,000.");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (kam_figures_view_get_search_entry (kam_window_get_figures_view (window))),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Search figures");
  close_window (window);
}

/* The Khmer numerals preference, switched on while the window is open: the
 * figures' years and values, the year filter (keeping its choice), the chart,
 * its description and the numbers under it follow at once; a Khmer value
 * typed is read; switched off, ASCII digits come back. */
static void
test_khmer_numerals (void)
{
  KamWindow *window = open_window ("good.kamlang");
  g_autoptr (GSettings) settings = g_settings_new (KAM_SCHEMA_ID);
  KamFigureTable *table = kam_dataset_get_figures (kam_window_get_dataset (window));
  guint id = kam_figure_table_get_id (table, 0);
  GtkWidget *value = find_cell (window, KAM_FIGURE_FIELD_VALUE, id);
  GtkWidget *year = find_cell (window, KAM_FIGURE_FIELD_YEAR, id);
  GtkWidget *figures = GTK_WIDGET (kam_window_get_figures_view (window));
  GtkWidget *from = find_named (figures, "From year");
  KamChartsPage *page = kam_window_get_charts_page (window);
  KamChartView *view = kam_charts_page_get_view (page);
  GtkLabel *numbers = GTK_LABEL (find_widget (find_named (GTK_WIDGET (page), "The numbers the chart plots"),
                                              GTK_TYPE_LABEL));
  g_autofree char *described = NULL;

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (value)), ==, "11,453");
  g_assert_cmpstr (filter_entry (from, 1), ==, "From 2021");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (from), 1);
  g_assert_false (kam_number_get_khmer_digits ());

  g_settings_set_boolean (settings, "khmer-numerals", TRUE);
  iterate ();
  g_assert_true (kam_number_get_khmer_digits ());
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (value)), ==, "១១,៤៥៣");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (year)), ==, "២០២១");
  g_assert_true (label_reads (figures, "៣ figures"));
  g_assert_cmpstr (filter_entry (from, 1), ==, "From ២០២១");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (from)), ==, 1);
  g_assert_nonnull (strstr (gtk_label_get_text (numbers), "Japan\t២០២១\t១១,៤៥៣"));
  described = kam_chart_describe (kam_charts_page_get_chart (page));
  g_assert_nonnull (strstr (described, "Japan ១១,៤៥៣"));
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                     described));
  /* what is typed in Khmer numerals is read */
  edit_cell (value, "១២,០០០");
  g_assert_cmpfloat (value_of (window, id), ==, 12000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (value)), ==, "១២,០០០");

  g_settings_set_boolean (settings, "khmer-numerals", FALSE);
  iterate ();
  g_assert_false (kam_number_get_khmer_digits ());
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (value)), ==, "12,000");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (year)), ==, "2021");
  g_assert_true (label_reads (figures, "3 figures"));
  g_assert_cmpstr (filter_entry (from, 1), ==, "From 2021");
  g_assert_nonnull (strstr (gtk_label_get_text (numbers), "Japan\t2021\t12,000"));
  close_window (window);
}

/* The main menu's Khmer Numerals item: the application's action toggles the
 * setting the windows follow. */
static void
test_numerals_action (void)
{
  g_autoptr (KamApplication) app = kam_application_new ();
  g_autoptr (GSettings) settings = g_settings_new (KAM_SCHEMA_ID);
  g_autoptr (GVariant) state = NULL;
  GAction *action;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  action = g_action_map_lookup_action (G_ACTION_MAP (app), "khmer-numerals");
  g_assert_nonnull (action);
  state = g_action_get_state (action);
  g_assert_false (g_variant_get_boolean (state));
  g_action_activate (action, NULL);
  g_assert_true (g_settings_get_boolean (settings, "khmer-numerals"));
  g_action_activate (action, NULL);
  g_assert_false (g_settings_get_boolean (settings, "khmer-numerals"));
}

int
main (int argc, char **argv)
{
  int status = kam_test_ui_init (&argc, &argv);

  if (status >= 0)
    return status;
  g_test_add_func ("/kamlang/window/screenshots", test_screenshots);
  g_test_add_func ("/kamlang/window/pages-follow-document", test_pages_follow_document);
  g_test_add_func ("/kamlang/window/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/kamlang/window/main-menu", test_main_menu);
  g_test_add_func ("/kamlang/window/tab-leaves-lists", test_tab_leaves_lists);
  g_test_add_func ("/kamlang/window/accessible-names", test_accessible_names);
  g_test_add_func ("/kamlang/window/khmer-numerals", test_khmer_numerals);
  g_test_add_func ("/kamlang/window/numerals-action", test_numerals_action);
  return g_test_run ();
}
