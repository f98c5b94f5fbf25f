/* test-window-charts.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Charts page: its controls, the chart and the numbers under it, the keyboard and clicks on the chart, exports, copy and print. Drives the window as a user does; needs a display (skipped without
 * one). Shared helpers: kam-test-ui.c. */

#include "kam-test-ui.h"
#include "kam-map-shapes.h"

/* The Charts page: split by a dimension, keep to a member, both bound to the
 * chart's properties; the numbers under the chart name the breakdown. */
static void
test_charts_breakdowns (void)
{
  KamWindow *window = open_window ("good.kamlang");
  KamDataset *dataset = kam_window_get_dataset (window);
  KamChartsPage *page = kam_window_get_charts_page (window);
  KamChart *chart = kam_charts_page_get_chart (page);
  int sex = kam_dataset_find_dimension (dataset, "sex");
  KamDimension *sex_dimension = kam_dataset_get_dimension (dataset, sex);
  KamFigureRow rows[3] = { { "JPN", 2021, "workers", 5000, "s1", NULL }, { "KOR", 2021, "workers", 20000, "s1", NULL },
                           { "JPN", 2021, "workers", 6453, "s1", NULL } };
  GtkWidget *split, *kind, *member;
  GtkMenuButton *breakdown;
  GPtrArray *series;
  gpointer women_shown[2];
  g_autoptr (GError) error = NULL;

  rows[0].members[sex] = rows[1].members[sex] = kam_dimension_find_code (sex_dimension, "women");
  rows[2].members[sex] = kam_dimension_find_code (sex_dimension, "men");
  g_assert_true (kam_dataset_add_figures (dataset, rows, 3, NULL, &error));
  g_assert_no_error (error);
  adw_view_stack_set_visible_child_name (kam_window_get_stack (window), "charts");
  iterate ();

  split = find_named (GTK_WIDGET (page), "Split by");
  kind = find_named (GTK_WIDGET (page), "Chart");
  breakdown = open_menu (GTK_WIDGET (page), "Breakdown");
  member = find_named (GTK_WIDGET (page), "Chart only: Sex");
  g_assert_true (GTK_IS_DROP_DOWN (split));
  g_assert_true (GTK_IS_DROP_DOWN (kind));
  g_assert_true (GTK_IS_DROP_DOWN (member));
  g_assert_true (gtk_widget_get_sensitive (split));

  /* split by sex: a series per member with figures, and the rest of Korea's
   * 45,866 that its 20,000 women leave (Japan's members add up to its total) */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (split), sex + 1);
  g_assert_cmpstr (kam_chart_get_split (chart), ==, "sex");
  series = kam_chart_get_series (chart);
  g_assert_cmpuint (series->len, ==, 3);
  g_assert_cmpstr (((KamChartSeries *) g_ptr_array_index (series, 2))->name, ==, "Not broken down");
  kam_chart_set_split (chart, NULL);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (split)), ==, 0);

  /* the kind, both ways; no split for shares */
  kam_chart_set_kind (chart, KAM_CHART_SHARE);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (kind)), ==, KAM_CHART_SHARE);
  g_assert_false (gtk_widget_get_sensitive (split));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), KAM_CHART_DESTINATIONS);
  g_assert_cmpint (kam_chart_get_kind (chart), ==, KAM_CHART_DESTINATIONS);

  /* women only: the women's figures, named so under the chart */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (member), kam_dimension_find_code (sex_dimension, "women"));
  g_assert_cmpstr (kam_chart_get_member (chart, "sex"), ==, "women");
  g_assert_cmpstr (kam_chart_get_title (chart), ==, "Workers abroad by destination, 2021 (Women)");
  g_assert_cmpstr (gtk_menu_button_get_label (breakdown), !=, "Totals");
  g_assert_true (menu_label_at_start (breakdown));
  series = kam_chart_get_series (chart);
  g_assert_cmpuint (series->len, ==, 1);
  g_assert_cmpfloat (g_array_index (((KamChartSeries *) g_ptr_array_index (series, 0))->points, KamChartPoint, 0).value,
                     ==, 20000);
  women_shown[0] = page;
  women_shown[1] = "Women";
  g_assert_true (wait_for (label_shown, women_shown));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (member), 0);
  g_assert_null (kam_chart_get_member (chart, "sex"));
  g_assert_cmpfloat (g_array_index (((KamChartSeries *) g_ptr_array_index (kam_chart_get_series (chart), 0))->points,
                                    KamChartPoint, 0).value, ==, 45866);
  gtk_menu_button_popdown (breakdown);
  close_window (window);
}

/* The Charts page's indicator, year and source are bound to the chart both
 * ways, and keep the chart's choice when the dataset's lists change. */
static void
test_charts_controls (void)
{
  KamWindow *window = open_window ("good.kamlang");
  KamDataset *dataset = kam_window_get_dataset (window);
  KamChartsPage *page = kam_window_get_charts_page (window);
  KamChart *chart = kam_charts_page_get_chart (page);
  GtkWidget *indicator = find_named (GTK_WIDGET (page), "Indicator");
  GtkWidget *year = find_named (GTK_WIDGET (page), "Year");
  GtkWidget *source = find_named (GTK_WIDGET (page), "Source");
  g_autofree char *report = kam_dataset_dup_source_label (dataset, "s1");
  KamFigureRow row = { "JPN", 2019, "workers", 9000, "s1", NULL };
  g_autoptr (KamIndicator) sent = kam_indicator_new ("deployed");
  g_autoptr (KamIndicator) remitted = kam_indicator_new ("remittances");
  KamIndicator *workers = kam_dataset_lookup_indicator (dataset, "workers");

  g_assert_true (GTK_IS_DROP_DOWN (indicator) && GTK_IS_DROP_DOWN (year) && GTK_IS_DROP_DOWN (source));
  g_assert_true (choose (indicator, "Workers abroad"));
  g_assert_cmpstr (kam_chart_get_indicator (chart), ==, "workers");
  /* a new indicator: the list changes under the choice, which stays */
  kam_indicator_set_name (sent, "Workers sent");
  g_assert_true (kam_dataset_add_indicator (dataset, sent, NULL));
  g_assert_cmpstr (kam_chart_get_indicator (chart), ==, "workers");
  g_assert_cmpstr (drop_down_text (indicator), ==, "Workers abroad");
  kam_chart_set_indicator (chart, "deployed");
  g_assert_cmpstr (drop_down_text (indicator), ==, "Workers sent");
  g_assert_true (choose (indicator, "Automatic"));
  g_assert_null (kam_chart_get_indicator (chart));
  g_assert_true (choose (indicator, "Workers abroad"));
  g_assert_true (choose (year, "2021"));
  g_assert_cmpint (kam_chart_get_year (chart), ==, 2021);
  g_assert_false (choose (year, "2019"));
  g_assert_true (choose (source, report));
  g_assert_cmpstr (kam_chart_get_source (chart), ==, "s1");
  kam_chart_set_source (chart, NULL);
  g_assert_cmpstr (drop_down_text (source), ==, "Most recent source");

  /* a figure of another year: the years offered follow, the choices stay */
  g_assert_cmpuint (kam_dataset_add_figure (dataset, &row, NULL), >, 0);
  g_assert_cmpstr (kam_chart_get_indicator (chart), ==, "workers");
  g_assert_cmpstr (drop_down_text (indicator), ==, "Workers abroad");
  g_assert_cmpint (kam_chart_get_year (chart), ==, 2021);
  g_assert_cmpstr (drop_down_text (year), ==, "2021");
  g_assert_true (choose (year, "2019"));
  g_assert_cmpint (kam_chart_get_year (chart), ==, 2019);
  g_assert_true (choose (year, "Automatic"));
  g_assert_cmpint (kam_chart_get_year (chart), ==, 0);

  /* countries chosen in their popover, made when it opens */
  {
    GtkMenuButton *menu = open_menu (GTK_WIDGET (page), "Countries");
    GtkWidget *japan = NULL;

    for (GtkWidget *w = find_widget (GTK_WIDGET (menu), GTK_TYPE_CHECK_BUTTON); w != NULL; w = gtk_widget_get_next_sibling (w))
      if (g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (w)), "Japan") == 0)
        japan = w;
    g_assert_nonnull (japan);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (japan), TRUE);
    g_assert_cmpstr (kam_chart_get_countries (chart)[0], ==, "JPN");
    g_assert_null (kam_chart_get_countries (chart)[1]);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (japan), FALSE);
    g_assert_null (kam_chart_get_countries (chart));
    gtk_menu_button_popdown (menu);
  }

  /* one before it goes: the choice moves up the list, and stays */
  kam_indicator_set_name (remitted, "Remittances");
  g_assert_true (kam_dataset_add_indicator (dataset, remitted, NULL));
  kam_chart_set_indicator (chart, "deployed");
  g_assert_true (kam_dataset_remove_indicator (dataset, workers, TRUE, NULL));
  g_assert_cmpstr (kam_chart_get_indicator (chart), ==, "deployed");
  g_assert_cmpstr (drop_down_text (indicator), ==, "Workers sent");
  close_window (window);
}

/* The numbers under the chart: a line per point, a tab between columns, the
 * columns aligned by tab stops (text left, numbers right) that keep them apart. */
static void
test_charts_numbers (void)
{
  KamWindow *window = open_window ("good.kamlang");
  KamChartsPage *page = kam_window_get_charts_page (window);
  GtkWidget *numbers = find_named (GTK_WIDGET (page), "The numbers the chart plots");
  GtkLabel *table;
  PangoTabArray *tabs;
  g_auto (GStrv) lines = NULL;
  int previous = 0;
  const PangoTabAlign aligns[] = { PANGO_TAB_LEFT, PANGO_TAB_RIGHT, PANGO_TAB_RIGHT, PANGO_TAB_LEFT };

  adw_view_stack_set_visible_child_name (kam_window_get_stack (window), "charts");
  iterate ();
  g_assert_nonnull (numbers);
  table = GTK_LABEL (find_widget (numbers, GTK_TYPE_LABEL));
  lines = g_strsplit (gtk_label_get_text (table), "\n", -1);
  /* the title line, then Japan and South Korea in 2021 (the largest first);
   * no Breakdown column, as no figure has one */
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[0], ==, "Series\tCountry\tYear\tValue\tSource");
  g_assert_true (g_str_has_prefix (lines[1], "Workers abroad\tSouth Korea\t2021\t45,866\t"));
  g_assert_true (g_str_has_prefix (lines[2], "Workers abroad\tJapan\t2021\t11,453\t"));
  tabs = gtk_label_get_tabs (table);
  g_assert_true (pango_tab_array_get_positions_in_pixels (tabs));
  g_assert_cmpint (pango_tab_array_get_size (tabs), ==, 4);
  for (int i = 0; i < 4; i++)
    {
      PangoTabAlign align;
      int position;

      pango_tab_array_get_tab (tabs, i, &align, &position);
      g_assert_cmpint (align, ==, aligns[i]);
      /* each stop past the one before, by the spacing at least */
      g_assert_cmpint (position, >=, previous + 18);
      previous = position;
    }
  pango_tab_array_free (tabs);
  close_window (window);
}

/* The scale is a choice where it means something (a chart of values), bound
 * to the chart both ways; a share has no scale to choose. */
static void
test_charts_scale (void)
{
  KamWindow *window = open_window ("good.kamlang");
  KamChartsPage *page = kam_window_get_charts_page (window);
  KamChart *chart = kam_charts_page_get_chart (page);
  GtkWidget *scale = find_named (GTK_WIDGET (page), "Scale");

  g_assert_true (GTK_IS_DROP_DOWN (scale));
  g_assert_true (gtk_widget_get_sensitive (scale));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (scale), 1);
  g_assert_cmpint (kam_chart_get_scale (chart), ==, KAM_SCALE_LOG);
  kam_chart_set_scale (chart, KAM_SCALE_LINEAR);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (scale)), ==, 0);
  kam_chart_set_kind (chart, KAM_CHART_SHARE);
  g_assert_false (gtk_widget_get_sensitive (scale));
  kam_chart_set_kind (chart, KAM_CHART_REMITTANCES);
  g_assert_true (gtk_widget_get_sensitive (scale));
  close_window (window);
}

/* The chart can be read with the keyboard alone: the arrow keys go from bar
 * to bar, each told (drawn beside it and in the accessible description), and
 * Enter selects its figure, as a click does. */
static void
test_chart_keyboard (void)
{
  KamWindow *window = open_window ("good.kamlang");
  KamChartsPage *page = kam_window_get_charts_page (window);
  KamChartView *view = kam_charts_page_get_view (page);
  GtkSelectionModel *selection = kam_figures_view_get_selection (kam_window_get_figures_view (window));
  KamFigureQuery *query = kam_figures_view_get_query (kam_window_get_figures_view (window));
  KamFigureTable *table = kam_dataset_get_figures (kam_window_get_dataset (window));
  g_autofree char *first = NULL, *second = NULL, *last = NULL, *whole = NULL;
  char *said;

  g_assert_true (wait_for (chart_drawn, view));
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (view)));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (view)));
  g_assert_null (kam_chart_view_describe_focus (view));
  g_assert_true (send_key (GTK_WIDGET (view), GDK_KEY_Right));
  first = kam_chart_view_describe_focus (view);
  g_assert_nonnull (first);
  g_assert_nonnull (strstr (first, "South Korea")); /* the largest bar first */
  g_assert_nonnull (strstr (first, "45,866"));
  said = g_strdelimit (g_strdup (first), "\n", ' ');
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, said));
  g_free (said);
  if (g_getenv ("KAM_SCREENSHOTS") != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("KAM_SCREENSHOTS"), "chart-keyboard.png", NULL);
      gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

      while (g_get_monotonic_time () < until) /* let it draw */
        g_main_context_iteration (NULL, FALSE);
      save_widget_png (GTK_WIDGET (view), path);
    }
  g_assert_true (send_key (GTK_WIDGET (view), GDK_KEY_Right));
  second = kam_chart_view_describe_focus (view);
  g_assert_nonnull (strstr (second, "Japan"));
  g_assert_nonnull (strstr (second, "11,453"));
  /* the last bar stays the last; Home goes back to the first */
  g_assert_true (send_key (GTK_WIDGET (view), GDK_KEY_End));
  last = kam_chart_view_describe_focus (view);
  g_assert_true (send_key (GTK_WIDGET (view), GDK_KEY_Right));
  said = kam_chart_view_describe_focus (view);
  g_assert_cmpstr (said, ==, last);
  g_free (said);
  g_assert_true (send_key (GTK_WIDGET (view), GDK_KEY_Home));
  g_assert_true (send_key (GTK_WIDGET (view), GDK_KEY_Right));
  said = kam_chart_view_describe_focus (view);
  g_assert_cmpstr (said, ==, second);
  g_free (said);

  /* Enter: Japan's figure selected on the Figures page */
  g_assert_true (send_key (GTK_WIDGET (view), GDK_KEY_Return));
  g_assert_true (gtk_selection_model_is_selected (
    selection, kam_figure_query_find_id (query, kam_figure_table_get_id (table, 0))));
  g_assert_false (gtk_selection_model_is_selected (
    selection, kam_figure_query_find_id (query, kam_figure_table_get_id (table, 1))));

  /* away from the chart, its description is the whole chart again */
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  iterate ();
  whole = kam_chart_describe (kam_chart_view_get_chart (view));
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, whole));
  close_window (window);
}

static void
test_chart_follows_edit (void)
{
  KamWindow *window = open_window ("good.kamlang");
  KamChart *chart = kam_charts_page_get_chart (kam_window_get_charts_page (window));
  KamFigureTable *table = kam_dataset_get_figures (kam_window_get_dataset (window));
  guint japan = kam_figure_table_get_id (table, 0), changed = 0;

  /* the Charts page is the first page: the destinations chart of 2021 */
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (kam_window_get_stack (window)), ==, "charts");
  g_assert_true (wait_for (chart_drawn, kam_charts_page_get_view (kam_window_get_charts_page (window))));
  g_assert_cmpfloat (chart_point (chart, "JPN")->value, ==, 11453);
  g_signal_connect (chart, "changed", G_CALLBACK (count_changed), &changed);

  adw_view_stack_set_visible_child_name (kam_window_get_stack (window), "figures");
  edit_cell (find_cell (window, KAM_FIGURE_FIELD_VALUE, japan), "50,000");
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpfloat (chart_point (chart, "JPN")->value, ==, 50000);
  /* Japan now has the longest bar */
  g_assert_cmpstr (g_array_index (((KamChartSeries *) g_ptr_array_index (kam_chart_get_series (chart), 0))->points,
                                  KamChartPoint, 0).country, ==, "JPN");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpfloat (chart_point (chart, "JPN")->value, ==, 11453);
  /* the window lives on, hidden, after the test; `changed` does not */
  g_signal_handlers_disconnect_by_func (chart, count_changed, &changed);
  close_window (window);
}

static void
test_chart_click_selects (void)
{
  KamWindow *window = open_window ("good.kamlang");
  KamChartsPage *page = kam_window_get_charts_page (window);
  KamChart *chart = kam_charts_page_get_chart (page);
  KamChartView *view = kam_charts_page_get_view (page);
  GtkSelectionModel *selection = kam_figures_view_get_selection (kam_window_get_figures_view (window));
  KamFigureQuery *query = kam_figures_view_get_query (kam_window_get_figures_view (window));
  KamFigureTable *table = kam_dataset_get_figures (kam_window_get_dataset (window));
  KamChartRegion korea;
  double x, y;
  g_autofree char *tip = NULL, *after_copy = NULL, *after_kind = NULL;
  int position;

  g_assert_true (wait_for (chart_drawn, view));
  korea = drawn_region_of (view, "KOR");
  x = korea.x + korea.width / 2;
  y = korea.y + korea.height / 2;
  tip = kam_chart_view_describe_at (view, x, y);
  g_assert_nonnull (strstr (tip, "45,866"));
  g_assert_nonnull (strstr (tip, "2021"));
  g_assert_nonnull (strstr (tip, "Report")); /* the source's title */

  /* Copy Chart renders the chart at another size: the screen's bars stay where they are */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-chart", NULL));
  after_copy = kam_chart_view_describe_at (view, x, y);
  g_assert_cmpstr (after_copy, ==, tip);

  g_assert_true (kam_chart_view_activate_at (view, x, y));
  position = kam_figure_query_find_id (query, kam_figure_table_get_id (table, 1));
  g_assert_cmpint (position, >=, 0);
  g_assert_true (gtk_selection_model_is_selected (selection, position));
  g_assert_false (gtk_selection_model_is_selected (selection, kam_figure_query_find_id (query, kam_figure_table_get_id (table, 0))));

  /* the chart becomes a Share with the pointer resting where Korea's bar was
   * (a crash once: the old regions indexed the new, shorter series) */
  kam_chart_set_kind (chart, KAM_CHART_SHARE);
  g_assert_null (kam_chart_view_describe_at (view, x, y));
  g_assert_false (kam_chart_view_activate_at (view, x, y));
  g_assert_true (wait_for (chart_drawn, view));
  after_kind = kam_chart_view_describe_at (view, x, y);
  g_assert_true (after_kind == NULL || strstr (after_kind, "%") != NULL);
  close_window (window);
}

/* Where the view drew a place (longitude, latitude) on its map, by the
 * projection of the view's first map region. */
static void
map_point (KamChartView *view, double lon, double lat, double *px, double *py)
{
  guint n;
  const KamChartRegion *regions = _kam_chart_layout_get_regions (kam_chart_view_get_layout (view), &n);
  double x, y;

  g_assert_cmpuint (n, >, 0);
  g_assert_cmpfloat (regions[0].k, >, 0);
  kam_equal_earth (lon, lat, &x, &y);
  *px = regions[0].x0 + x * regions[0].k;
  *py = regions[0].y0 - y * regions[0].k;
}

/* The map in the window (issue 30): its own choices shown for it alone and
 * bound to the chart; the hover tells a country's figure, a click and the
 * keyboard select it, on shaded countries and on circles. */
static void
test_map_in_window (void)
{
  KamWindow *window = open_window ("good.kamlang");
  KamChartsPage *page = kam_window_get_charts_page (window);
  KamChart *chart = kam_charts_page_get_chart (page);
  KamChartView *view = kam_charts_page_get_view (page);
  GtkWidget *kind = find_named (GTK_WIDGET (page), "Chart");
  GtkWidget *show_as = find_named (GTK_WIDGET (page), "Show as");
  GtkWidget *frame = find_named (GTK_WIDGET (page), "Frame");
  GtkSelectionModel *selection = kam_figures_view_get_selection (kam_window_get_figures_view (window));
  KamFigureQuery *query = kam_figures_view_get_query (kam_window_get_figures_view (window));
  KamFigureTable *table = kam_dataset_get_figures (kam_window_get_dataset (window));
  g_autofree char *tip = NULL, *first = NULL, *on_circle = NULL;
  double x, y;

  g_assert_true (GTK_IS_DROP_DOWN (show_as));
  g_assert_true (GTK_IS_DROP_DOWN (frame));
  g_assert_false (gtk_widget_is_visible (show_as));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), KAM_CHART_MAP);
  g_assert_cmpint (kam_chart_get_kind (chart), ==, KAM_CHART_MAP);
  g_assert_true (gtk_widget_is_visible (show_as));
  g_assert_true (gtk_widget_is_visible (frame));
  g_assert_true (wait_for (chart_drawn, view));

  /* the hover, inside South Korea */
  map_point (view, 127.8, 36.4, &x, &y);
  tip = kam_chart_view_describe_at (view, x, y);
  g_assert_nonnull (tip);
  g_assert_nonnull (strstr (tip, "South Korea"));
  g_assert_nonnull (strstr (tip, "45,866"));
  g_assert_nonnull (strstr (tip, "2021"));
  /* the Yellow Sea is nothing */
  map_point (view, 124.0, 36.0, &x, &y);
  g_assert_null (kam_chart_view_describe_at (view, x, y));
  /* a click selects Korea's figure */
  map_point (view, 127.8, 36.4, &x, &y);
  g_assert_true (kam_chart_view_activate_at (view, x, y));
  g_assert_true (gtk_selection_model_is_selected (selection,
                                                  kam_figure_query_find_id (query, kam_figure_table_get_id (table, 1))));
  /* the keyboard: the greatest first, Enter selects it */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (view)));
  g_assert_true (send_key (GTK_WIDGET (view), GDK_KEY_Right));
  first = kam_chart_view_describe_focus (view);
  g_assert_nonnull (strstr (first, "South Korea"));

  /* circles: the choice made in the drop-down reaches the chart, and the
   * circle at Korea is Korea */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (show_as), KAM_MAP_CIRCLES);
  g_assert_cmpint (kam_chart_get_map_style (chart), ==, KAM_MAP_CIRCLES);
  kam_chart_set_map_frame (chart, KAM_MAP_FRAME_WORLD);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (frame)), ==, KAM_MAP_FRAME_WORLD);
  g_assert_true (wait_for (chart_drawn, view));
  {
    guint n;
    const KamChartRegion *regions = _kam_chart_layout_get_regions (kam_chart_view_get_layout (view), &n);
    gboolean found = FALSE;

    for (guint i = 0; i < n; i++)
      if (regions[i].wedge)
        {
          g_free (on_circle);
          on_circle = kam_chart_view_describe_at (view, regions[i].cx, regions[i].cy);
          found |= on_circle != NULL && strstr (on_circle, "South Korea") != NULL;
        }
    g_assert_true (found);
  }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), KAM_CHART_DESTINATIONS);
  g_assert_false (gtk_widget_is_visible (show_as));
  close_window (window);
}

/* Without a GPU (no /dev/dri/renderD*) the window is drawn with Cairo, not
 * with OpenGL in software; GSK_RENDERER, when set, is obeyed. */
static void
test_renderer_without_gpu (void)
{
  g_autoptr (GDir) dri = g_dir_open ("/dev/dri", 0, NULL);
  gboolean gpu = FALSE;
  const char *name;
  g_autofree char *chosen = NULL, *asked = NULL;

  while (dri != NULL && (name = g_dir_read_name (dri)) != NULL)
    gpu |= g_str_has_prefix (name, "renderD");
  chosen = drawn_by (NULL);
  if (gpu)
    g_assert_cmpstr (chosen, !=, "GskCairoRenderer");
  else
    g_assert_cmpstr (chosen, ==, "GskCairoRenderer");
  /* under ASan the tests run with GL disabled (GDK_DEBUG=gl-disable) */
  if (g_getenv ("GDK_DEBUG") != NULL && strstr (g_getenv ("GDK_DEBUG"), "gl-disable") != NULL)
    {
      g_test_message ("GL is disabled: GSK_RENDERER=gl not tried");
      return;
    }
  asked = drawn_by ("gl");
  g_assert_cmpstr (asked, ==, "GskGLRenderer");
}

static void
test_export_dialog (void)
{
  KamWindow *window = open_window ("good.kamlang");
  KamChart *chart = kam_charts_page_get_chart (kam_window_get_charts_page (window));
  GtkWidget *dialog = kam_export_dialog_new (GTK_WINDOW (window), chart);
  g_autofree char *path = g_build_filename (tmp_dir, "dialog.svg", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GSettings) settings = g_settings_new ("io.github.kamlang.Kamlang");
  g_autofree char *text = NULL, *format = NULL;
  g_autoptr (GError) error = NULL;

  gtk_window_present (GTK_WINDOW (dialog));
  iterate ();
  kam_export_dialog_set_choices (KAM_EXPORT_DIALOG (dialog), KAM_EXPORT_SVG, 1123, 794, 96, FALSE);
  g_assert_true (kam_export_dialog_export_to (KAM_EXPORT_DIALOG (dialog), file, &error));
  g_assert_no_error (error);
  /* written in a thread: the window is working until then */
  g_assert_true (kam_window_get_loading (window));
  wait_settled (window);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "<title>Workers abroad by destination, 2021</title>"));
  /* the choices are remembered, and the size was recognised as A4 landscape */
  format = g_settings_get_string (settings, "export-format");
  g_assert_cmpstr (format, ==, "svg");
  g_assert_cmpint (g_settings_get_int (settings, "export-width"), ==, 1123);
  {
    g_autofree char *preset = g_settings_get_string (settings, "export-preset");
    g_assert_cmpstr (preset, ==, "a4");
  }

  /* the offered name is the chart's title */
  {
    g_autofree char *name = kam_export_dialog_dup_default_name (KAM_EXPORT_DIALOG (dialog));
    g_assert_cmpstr (name, ==, "Workers abroad by destination, 2021.svg");
  }
  /* the toast with Open Folder reaches the window under the dialog */
  g_assert_true (wait_for (label_shown, (gpointer[]) { window, "Chart exported as “dialog.svg”" }));
  /* a name ending in .pdf while SVG is chosen gets a PDF, and PDF is remembered */
  {
    g_autofree char *pdf_path = g_build_filename (tmp_dir, "named.pdf", NULL);
    g_autofree char *bytes = NULL, *remembered = NULL;
    g_autoptr (GFile) pdf = g_file_new_for_path (pdf_path);
    g_autofree char *bare_path = g_build_filename (tmp_dir, "bare", NULL);
    g_autofree char *with_ext = g_build_filename (tmp_dir, "bare.pdf", NULL);
    g_autoptr (GFile) bare = g_file_new_for_path (bare_path);

    g_assert_true (kam_export_dialog_export_to (KAM_EXPORT_DIALOG (dialog), pdf, &error));
    wait_settled (window);
    g_assert_true (g_file_get_contents (pdf_path, &bytes, NULL, NULL));
    g_assert_true (g_str_has_prefix (bytes, "%PDF"));
    remembered = g_settings_get_string (settings, "export-format");
    g_assert_cmpstr (remembered, ==, "pdf");
    /* a name without an extension gets the format's */
    g_assert_true (kam_export_dialog_export_to (KAM_EXPORT_DIALOG (dialog), bare, &error));
    wait_settled (window);
    g_assert_true (g_file_test (with_ext, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (bare_path, G_FILE_TEST_EXISTS));
  }
  /* the controls, by their names: a preset sets the size, a size typed by
   * hand is a custom one, the resolution is asked for PNG only */
  {
    GtkWidget *size = find_named (dialog, "Size");
    GtkWidget *width = find_named (dialog, "Width (pixels at 96 dpi)");
    GtkWidget *height = find_named (dialog, "Height (pixels at 96 dpi)");
    GtkWidget *kind = find_named (dialog, "Format");
    GtkWidget *dpi_row = gtk_widget_get_ancestor (find_named (dialog, "Resolution (dpi)"), ADW_TYPE_ACTION_ROW);

    g_assert_nonnull (find_named (dialog, "Transparent background"));
    gtk_drop_down_set_selected (GTK_DROP_DOWN (size), 0);
    g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (width)), ==, 1920);
    g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (height)), ==, 1080);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (width), 1000);
    g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (size)), ==, 3);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (width), 1056);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (height), 816);
    g_assert_cmpstr (gtk_string_object_get_string (GTK_STRING_OBJECT (gtk_drop_down_get_selected_item (GTK_DROP_DOWN (size)))),
                     ==, "Letter landscape");
    gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), KAM_EXPORT_PDF);
    g_assert_false (gtk_widget_get_visible (dpi_row));
    gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), KAM_EXPORT_PNG);
    g_assert_true (gtk_widget_get_visible (dpi_row));
  }
  if (g_getenv ("KAM_SCREENSHOTS") != NULL)
    {
      g_autofree char *shot = g_build_filename (g_getenv ("KAM_SCREENSHOTS"), "export-dialog.png", NULL);
      gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

      while (g_get_monotonic_time () < until) /* let it draw */
        g_main_context_iteration (NULL, FALSE);
      save_widget_png (adw_window_get_content (ADW_WINDOW (dialog)), shot);
    }
  gtk_widget_set_visible (dialog, FALSE);
  close_window (window);
}

static void
test_copy_chart (void)
{
  KamWindow *window = open_window ("good.kamlang");
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  g_autoptr (GdkTexture) texture = kam_window_render_chart_texture (window, 800, 500);

  g_assert_cmpint (gdk_texture_get_width (texture), ==, 800);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-chart", NULL));
  iterate ();
  g_assert_true (gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (clipboard), GDK_TYPE_TEXTURE));
  close_window (window);
}

static void
test_print (void)
{
  KamWindow *window = open_window ("good.kamlang");
  g_autofree char *chart = g_build_filename (tmp_dir, "printed-chart.pdf", NULL);
  g_autofree char *report = g_build_filename (tmp_dir, "printed-report.pdf", NULL);
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  KamReport *pages = kam_report_new (kam_window_get_dataset (window), NULL);
  int expected = kam_report_get_n_pages (pages);
  g_autoptr (GError) error = NULL;

  kam_report_free (pages);
  /* GTK prints into a PDF file when told to export: the same pages as on paper */
  g_assert_true (kam_window_print (window, FALSE, chart, &error));
  g_assert_no_error (error);
  /* the report's pages are prepared in a thread */
  g_assert_true (kam_window_print (window, TRUE, report, &error));
  g_assert_no_error (error);
  g_assert_true (kam_window_get_loading (window));
  wait_settled (window);
  g_assert_null (dialog_of (GTK_WINDOW (window)));
  if (pdfinfo == NULL)
    {
      g_test_skip ("pdfinfo is not installed");
      close_window (window);
      return;
    }
  g_assert_cmpint (pdf_pages (chart), ==, 1);
  g_assert_cmpint (pdf_pages (report), ==, expected);
  close_window (window);
}

int
main (int argc, char **argv)
{
  int status = kam_test_ui_init (&argc, &argv);

  if (status >= 0)
    return status;
  g_test_add_func ("/kamlang/window/charts-breakdowns", test_charts_breakdowns);
  g_test_add_func ("/kamlang/window/charts-controls", test_charts_controls);
  g_test_add_func ("/kamlang/window/charts-numbers", test_charts_numbers);
  g_test_add_func ("/kamlang/window/charts-scale", test_charts_scale);
  g_test_add_func ("/kamlang/window/chart-keyboard", test_chart_keyboard);
  g_test_add_func ("/kamlang/window/chart-follows-edit", test_chart_follows_edit);
  g_test_add_func ("/kamlang/window/chart-click-selects", test_chart_click_selects);
  g_test_add_func ("/kamlang/window/map", test_map_in_window);
  g_test_add_func ("/kamlang/window/renderer-without-gpu", test_renderer_without_gpu);
  g_test_add_func ("/kamlang/window/export-dialog", test_export_dialog);
  g_test_add_func ("/kamlang/window/copy-chart", test_copy_chart);
  g_test_add_func ("/kamlang/window/print", test_print);
  return g_test_run ();
}
