/* test-window-checks.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Checks page: its findings, and many of them. Drives the window as a user does; needs a display (skipped without
 * one). Shared helpers: kam-test-ui.c. */

#include "kam-test-ui.h"

/* The Checks page follows the edits, its badge gives the count, and a
 * finding leads to its figure. */
static void
test_checks_page (void)
{
  KamWindow *window = open_window ("good.kamlang");
  AdwViewStack *stack = kam_window_get_stack (window);
  GtkWidget *widget = adw_view_stack_get_child_by_name (stack, "checks");
  KamChecksPage *page = KAM_CHECKS_PAGE (widget);
  AdwViewStackPage *stack_page = adw_view_stack_get_page (stack, widget);
  KamDataset *dataset = kam_window_get_dataset (window);
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  guint id = kam_figure_table_get_id (table, 1);
  GtkSelectionModel *selection = kam_figures_view_get_selection (kam_window_get_figures_view (window));
  KamFigureQuery *query = kam_figures_view_get_query (kam_window_get_figures_view (window));
  g_autoptr (KamFinding) finding = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpuint (kam_checks_page_get_n_findings (page), ==, 0);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (stack_page), ==, 0);
  adw_view_stack_set_visible_child_name (stack, "checks");
  iterate ();
  g_assert_true (wait_for (label_shown, (gpointer[]){ widget, "No Problems Found" }));

  /* a digit too many: a warning appears, a moment after the edit; the page
   * says it is checking until then */
  g_assert_true (wait_for (checks_done, page));
  g_assert_true (kam_dataset_set_figure_value (dataset, id, 458660000, &error));
  g_assert_true (kam_checks_page_get_checking (page));
  g_assert_cmpuint (kam_checks_page_get_n_findings (page), ==, 0);
  g_assert_true (wait_for (checks_done, page));
  g_assert_cmpuint (kam_checks_page_get_n_findings (page), >, 0);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (stack_page), ==,
                    kam_checks_page_get_n_findings (page));
  finding = g_list_model_get_item (kam_checks_page_get_findings (page), 0);
  g_assert_cmpuint (kam_finding_get_figure_id (finding), ==, id);
  g_assert_cmpint (kam_finding_get_severity (finding), ==, KAM_SEVERITY_WARNING);
  g_assert_nonnull (strstr (kam_finding_get_figure (finding), "South Korea, 2021"));
  iterate ();
  g_assert_true (wait_for (label_shown, (gpointer[]){ widget, (gpointer) kam_finding_get_message (finding) }));

  /* activating it shows its figure, selected, on the Figures page */
  g_assert_true (gtk_widget_activate_action (find_widget (widget, GTK_TYPE_LIST_VIEW), "list.activate-item",
                                             "u", 0));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "figures");
  g_assert_true (gtk_selection_model_is_selected (selection, kam_figure_query_find_id (query, id)));

  /* undone: the finding goes */
  g_assert_true (kam_dataset_undo (dataset));
  g_assert_true (wait_for (findings_none, page));
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (stack_page), ==, 0);

  /* a figure of a breakdown is named with it */
  {
    KamFigureRow members = { 0 };
    int sex = kam_dataset_find_dimension (dataset, "sex");
    GListModel *findings = kam_checks_page_get_findings (page);
    gboolean named = FALSE;

    members.members[sex] = kam_dimension_find_code (kam_dataset_get_dimension (dataset, sex), "women");
    g_assert_true (kam_dataset_set_figure_field (dataset, id, KAM_FIGURE_FIELD_MEMBERS, &members, &error));
    g_assert_true (kam_dataset_set_figure_value (dataset, id, 458660000, &error));
    g_assert_true (wait_for (findings_at_least_one, page));
    for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
      {
        g_autoptr (KamFinding) women = g_list_model_get_item (findings, i);
        if (kam_finding_get_figure_id (women) == id)
          {
            g_assert_true (g_str_equal (kam_finding_get_figure (women), "South Korea, 2021, Workers abroad, Women"));
            named = TRUE;
          }
      }
    g_assert_true (named);
  }
  close_window (window);
}

/* Many findings: the page's list makes each row when asked for, the same
 * object each time, and a finding far down still leads to its figure. */
static void
test_checks_page_many_findings (void)
{
  KamWindow *window = open_window ("good.kamlang");
  AdwViewStack *stack = kam_window_get_stack (window);
  KamChecksPage *page = KAM_CHECKS_PAGE (adw_view_stack_get_child_by_name (stack, "checks"));
  KamDataset *dataset = kam_window_get_dataset (window);
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  GListModel *findings = kam_checks_page_get_findings (page);
  g_autoptr (GArray) rows = g_array_new (FALSE, TRUE, sizeof (KamFigureRow));
  g_autoptr (KamFinding) last = NULL, again = NULL;
  g_autofree char *expected = NULL;
  KamFigureQuery *query = kam_figures_view_get_query (kam_window_get_figures_view (window));
  GtkSelectionModel *selection = kam_figures_view_get_selection (kam_window_get_figures_view (window));
  guint n;

  for (int year = 1900; year < 2100; year++)
    for (guint c = 0; c < 2; c++)
      {
        KamFigureRow row = { c ? "JPN" : "KOR", year, "workers", 1000, NULL, NULL };
        g_array_append_val (rows, row);
      }
  g_assert_true (kam_dataset_add_figures (dataset, (KamFigureRow *) rows->data, rows->len, NULL, NULL));
  kam_checks_page_update (page);
  n = g_list_model_get_n_items (findings);
  g_assert_cmpuint (n, >=, rows->len);
  g_assert_false (kam_checks_page_get_checking (page));
  g_assert_null (g_list_model_get_item (findings, n));

  /* the last row: the last figure added, which cites no source */
  last = g_list_model_get_item (findings, n - 1);
  again = g_list_model_get_item (findings, n - 1);
  g_assert_true (last == again);
  g_assert_cmpuint (kam_finding_get_figure_id (last), ==,
                    kam_figure_table_get_id (table, kam_figure_table_get_n_rows (table) - 1));
  g_assert_nonnull (strstr (kam_finding_get_message (last), "cites no source"));
  /* named as people name it, not by its place in the file (issue 27) */
  expected = g_strdup ("Japan, 2099, Workers abroad");
  g_assert_cmpstr (kam_finding_get_figure (last), ==, expected);

  /* an edit that adds one finding changes one row: the others stay */
  {
    g_autoptr (KamFinding) first = g_list_model_get_item (findings, 0);
    g_autoptr (KamFinding) first_after = NULL;
    guint changed[3] = { G_MAXUINT, G_MAXUINT, G_MAXUINT };
    guint id = kam_figure_table_get_id (table, kam_figure_table_get_n_rows (table) - rows->len / 2);

    g_signal_connect_swapped (findings, "items-changed", G_CALLBACK (note_items_changed), changed);
    g_assert_true (kam_dataset_set_figure_value (dataset, id, 2e9, NULL));
    kam_checks_page_update (page);
    g_signal_handlers_disconnect_by_func (findings, note_items_changed, changed);
    g_assert_cmpuint (g_list_model_get_n_items (findings), ==, n + 1);
    g_assert_cmpuint (changed[1], ==, 0);
    g_assert_cmpuint (changed[2], ==, 1);
    g_clear_object (&again);
    again = g_list_model_get_item (findings, changed[0]);
    g_assert_cmpuint (kam_finding_get_figure_id (again), ==, id);
    g_assert_nonnull (strstr (kam_finding_get_message (again), "implausibly many"));
    first_after = g_list_model_get_item (findings, 0);
    g_assert_true (first == first_after);
    n++;
  }

  adw_view_stack_set_visible_child_name (stack, "checks");
  iterate ();
  g_assert_true (gtk_widget_activate_action (find_widget (GTK_WIDGET (page), GTK_TYPE_LIST_VIEW),
                                             "list.activate-item", "u", n - 1));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "figures");
  g_assert_true (gtk_selection_model_is_selected (selection,
                                                  kam_figure_query_find_id (query, kam_finding_get_figure_id (last))));
  close_window (window);
}

int
main (int argc, char **argv)
{
  int status = kam_test_ui_init (&argc, &argv);

  if (status >= 0)
    return status;
  g_test_add_func ("/kamlang/window/checks-page", test_checks_page);
  g_test_add_func ("/kamlang/window/checks-page-many-findings", test_checks_page_many_findings);
  return g_test_run ();
}
