/* test-window.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Drives the window as a user does: cell editors, actions, the clipboard, the
 * close button. Needs a display; without one the tests are skipped. */

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <math.h>
#include <stdlib.h>
#include <signal.h>
#include <sys/wait.h>
#include "kam-application.h"
#include "kam-chart-private.h"
#include "kam-config.h"
#include "kam-drafts.h"
#include "kam-test-utils.h"
#include "kam-window.h"
#include "kam-checks-page.h"
#include "kam-window-private.h"
#include "kam-text-cell.h"
#include "kam-choice-cell.h"
#include "kam-ui-util.h"
#include "kam-export-dialog.h"
#include "kam-items-view.h"
#include "kam-number.h"

static char *tmp_dir;

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
wait_for (gboolean (*condition) (gpointer), gpointer data)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!condition (data) && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  return condition (data);
}

static gboolean
settled (gpointer data)
{
  KamWindow *window = data;

  return !kam_window_get_loading (window) && !kam_document_get_busy (kam_window_get_document (window));
}

/* Waits for the window's file work (an open, a save) to end. */
static void
wait_settled (KamWindow *window)
{
  g_assert_true (wait_for (settled, window));
  iterate ();
}

static GFile *
fixture_copy (const char *name)
{
  return kam_test_fixture_copy (name, tmp_dir);
}

static KamWindow *
open_window (const char *fixture)
{
  KamWindow *window = kam_window_new (NULL);
  g_autoptr (GFile) file = fixture_copy (fixture);

  g_object_ref_sink (window);
  /* Xvfb leaves the pointer in the middle of the screen; GTK 4.8 runs a hover
   * timer of a destroyed window's widget when one is closed under the pointer.
   * tools/test uses a screen of 2560x1600, whose middle is outside this size. */
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 500);
  kam_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  wait_settled (window);
  g_assert_true (g_file_equal (kam_window_get_file (window), file));
  return window;
}

/* GTK 4.8 leaves hover and tooltip timers pointing at the surfaces of
 * destroyed windows (a GDK critical, fatal in tests, some milliseconds later):
 * test windows are hidden, not destroyed, and kept until the process ends. */
static GPtrArray *old_windows;

static void
close_window (KamWindow *window)
{
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  g_ptr_array_add (old_windows, window);
  iterate ();
}

/* What a cell's tooltip says (a choice cell makes its tooltip when asked). */
static const char *
cell_says (GtkWidget *cell)
{
  if (KAM_IS_CHOICE_CELL (cell))
    return kam_choice_cell_get_tooltip_text (KAM_CHOICE_CELL (cell));
  return gtk_widget_get_tooltip_text (cell);
}

typedef struct
{
  GtkWidget *root;
  GType type;
  int field;
  guint figure_id;
  GtkWidget *found;
  const char *shows; /* when set: only a cell on screen whose tooltip is this */
  const char *text;  /* when set: only a text cell whose text is this */
} Search;

static void
find_cell_in (GtkWidget *widget, Search *search)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child && !search->found;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, search->type))
        {
          gpointer figure = search->field < 0 ? NULL : kam_cell_get_item (child);

          if ((search->field < 0
               || (KAM_IS_FIGURE (figure) && kam_cell_get_field (child) == search->field
                   && kam_figure_get_id (figure) == search->figure_id))
              && (search->shows == NULL
                  || (g_strcmp0 (cell_says (child), search->shows) == 0
                      && gtk_widget_get_mapped (child)))
              && (search->text == NULL || g_str_equal (gtk_editable_get_text (GTK_EDITABLE (child)), search->text)))
            {
              search->found = child;
              return;
            }
        }
      find_cell_in (child, search);
    }
}

static gboolean
cell_exists (gpointer data)
{
  Search *search = data;

  search->found = NULL;
  find_cell_in (search->root, search);
  return search->found != NULL;
}

/* The Figures page gets its rows when it is first shown. */
static void
show_figures (KamWindow *window)
{
  adw_view_stack_set_visible_child_name (kam_window_get_stack (window), "figures");
}

/* A page of the window, shown: the lists are made when first shown, in a
 * slot of the page stack. */
static GtkWidget *
show_page (KamWindow *window, const char *name)
{
  GtkWidget *child;

  adw_view_stack_set_visible_child_name (kam_window_get_stack (window), name);
  child = adw_view_stack_get_child_by_name (kam_window_get_stack (window), name);
  return ADW_IS_BIN (child) ? adw_bin_get_child (ADW_BIN (child)) : child;
}

/* The editor of one field of one figure, once the list has made it. */
static GtkWidget *
find_cell (KamWindow *window, KamFigureField field, guint id)
{
  Search search = { GTK_WIDGET (window), KAM_TYPE_TEXT_CELL, field, id, NULL };

  show_figures (window);
  g_assert_true (wait_for (cell_exists, &search));
  return search.found;
}

static GtkWidget *
find_widget (GtkWidget *root, GType type)
{
  Search search = { root, type, -1, 0, NULL };

  g_assert_true (wait_for (cell_exists, &search));
  return search.found;
}

/* Enter in a text cell: its GtkText activates. */
static void
press_enter (GtkWidget *cell)
{
  g_signal_emit_by_name (gtk_widget_get_first_child (cell), "activate");
  iterate ();
}

/* A key as the cell's text receives it: the cell's own key handler first
 * (capture phase), then, unless it took the key, what GtkText does with a
 * character: insert it at the cursor. */
static void
press_key (GtkWidget *cell, guint keyval)
{
  GtkWidget *text = gtk_widget_get_first_child (cell);
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (text);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller)
          && gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  if (!handled && keyval == GDK_KEY_Home)
    gtk_editable_set_position (GTK_EDITABLE (text), 0);
  else if (!handled && gdk_keyval_to_unicode (keyval) != 0)
    {
      char utf8[8] = { 0 };
      int position = gtk_editable_get_position (GTK_EDITABLE (text));

      g_unichar_to_utf8 (gdk_keyval_to_unicode (keyval), utf8);
      gtk_editable_insert_text (GTK_EDITABLE (text), utf8, -1, &position);
      gtk_editable_set_position (GTK_EDITABLE (text), position);
    }
}

static void
type_text (GtkWidget *cell, const char *typed)
{
  for (const char *p = typed; *p; p = g_utf8_next_char (p))
    press_key (cell, gdk_unicode_to_keyval (g_utf8_get_char (p)));
}

/* Types into a cell the way a user does: focus it, type, press Enter. */
static void
edit_cell (GtkWidget *cell, const char *text)
{
  g_assert_true (gtk_widget_grab_focus (cell));
  iterate ();
  gtk_editable_set_text (GTK_EDITABLE (cell), text);
  press_enter (cell);
}

static double
value_of (KamWindow *window, guint id)
{
  KamFigureTable *table = kam_dataset_get_figures (kam_window_get_dataset (window));
  return kam_figure_table_get_value (table, kam_figure_table_find_row (table, id));
}

static gboolean
title_marked (KamWindow *window)
{
  return strstr (gtk_window_get_title (GTK_WINDOW (window)), "•") != NULL;
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

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  iterate ();
  g_assert_cmpfloat (value_of (window, id), ==, 11453);
  g_assert_false (title_marked (window));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "11,453");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpfloat (value_of (window, id), ==, 12345);

  /* an empty value is unknown, not zero */
  edit_cell (cell, "");
  g_assert_true (isnan (value_of (window, id)));
  close_window (window);
}

static GtkListBoxRow *
row_labelled (GtkWidget *popover, const char *text)
{
  GtkWidget *box = find_widget (popover, GTK_TYPE_LIST_BOX);

  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (box), i);
      if (row == NULL)
        return NULL;
      if (g_str_equal (gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_child (row))), text))
        return row;
    }
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

static gboolean
rows_are (gpointer data)
{
  gpointer *args = data;
  return kam_figure_table_get_n_rows (args[0]) == GPOINTER_TO_UINT (args[1]);
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

/* The column of a column view with this title. */
static GtkColumnViewColumn *
column_titled (GtkColumnView *columns, const char *title)
{
  GListModel *list = gtk_column_view_get_columns (columns);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (list, i);
      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }
  g_error ("no column “%s”", title);
}

static GtkColumnViewColumn *
column_at (GtkColumnView *columns, guint position)
{
  g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (gtk_column_view_get_columns (columns), position);

  return column;
}

/* Whether the list shows a column of that title. */
static gboolean
column_shown (GtkColumnView *columns, const char *title)
{
  GListModel *list = gtk_column_view_get_columns (columns);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (list, i);
      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return gtk_column_view_column_get_visible (column);
    }
  return FALSE;
}

/* The first control under root whose accessible name is name (labels, whose
 * name is their text, are not controls). */
static GtkWidget *
find_named (GtkWidget *root, const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;
      g_autofree char *mismatch = NULL;

      if (!GTK_IS_LABEL (child)
          && gtk_test_accessible_has_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL)
          && (mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (child),
                                                             GTK_ACCESSIBLE_PROPERTY_LABEL, name)) == NULL)
        return child;
      if ((found = find_named (child, name)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
stack_shows (GtkStack *stack, const char *name)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), name) == 0;
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

static gboolean
list_scrolls (gpointer scroll)
{
  return gtk_adjustment_get_upper (scroll) - gtk_adjustment_get_page_size (scroll) > 100;
}

static gboolean
list_scrolled (gpointer scroll)
{
  return gtk_adjustment_get_value (scroll) > 100;
}

static gboolean
list_at_top (gpointer scroll)
{
  return gtk_adjustment_get_value (scroll) == 0;
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

static void
test_save_and_reopen (void)
{
  KamWindow *window = open_window ("good.kamlang");
  KamDataset *dataset = kam_window_get_dataset (window);
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  g_autofree char *path = g_build_filename (tmp_dir, "saved.kamlang", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *expected = NULL, *reopened = NULL;
  g_autoptr (KamDataset) again = NULL;

  edit_cell (find_cell (window, KAM_FIGURE_FIELD_NOTE, kam_figure_table_get_id (table, 0)),
             "checked in the ministry's report");
  g_assert_true (title_marked (window));
  g_assert_true (kam_window_save_to_file (window, file));
  wait_settled (window);
  g_assert_false (title_marked (window));
  g_assert_true (kam_window_get_file (window) == file || g_file_equal (kam_window_get_file (window), file));
  expected = kam_dataset_to_data (dataset, NULL);
  again = kam_dataset_load_file (file, NULL, NULL);
  g_assert_nonnull (again);
  reopened = kam_dataset_to_data (again, NULL);
  g_assert_cmpstr (expected, ==, reopened);
  g_assert_cmpstr (kam_figure_table_get_note (kam_dataset_get_figures (again), 0), ==,
                   "checked in the ministry's report");
  close_window (window);
}

static AdwMessageDialog *
dialog_of (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) w = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_window_get_transient_for (w) == parent
          && gtk_widget_get_visible (GTK_WIDGET (w)))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

/* Answers a dialog as a click on its button does: the response, then it closes. */
static void
respond (gpointer dialog, const char *response)
{
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_close (GTK_WINDOW (dialog));
  iterate ();
}

/* Saving a version 1 file over itself asks first; cancelled, the file stays as it was. */
static void
test_version_1_upgrade_asks (void)
{
  KamWindow *window = open_window ("good.kamlang");
  GFile *file = kam_window_get_file (window);
  KamDataset *dataset = kam_window_get_dataset (window);
  g_autofree char *before = NULL, *after = NULL, *path = g_file_get_path (file);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  AdwMessageDialog *dialog;
  g_autoptr (KamDataset) again = NULL;

  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  g_assert_cmpuint (kam_dataset_get_format_version (dataset), ==, 1);
  g_assert_false (kam_window_save_to_file (window, file));
  dialog = dialog_of (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "upgrade"));
  respond (dialog, "cancel");
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&after, g_free);

  /* agreed: written as version 2, the old file kept as FILE~ */
  g_assert_false (kam_window_save_to_file (window, file));
  respond (dialog_of (GTK_WINDOW (window)), "upgrade");
  wait_settled (window);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_nonnull (strstr (after, "\"version\": 2,"));
  g_clear_pointer (&after, g_free);
  g_assert_true (g_file_get_contents (backup, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  /* asked once per document */
  g_assert_true (kam_window_save_to_file (window, file));
  wait_settled (window);
  g_assert_null (dialog_of (GTK_WINDOW (window)));
  close_window (window);
}

static void
test_bad_file_keeps_document (void)
{
  KamWindow *window = open_window ("good.kamlang");
  KamDataset *before = kam_window_get_dataset (window);
  g_autofree char *path = kam_test_fixture ("bad-negative.kamlang");
  g_autoptr (GFile) bad = g_file_new_for_path (path);

  AdwMessageDialog *dialog;

  kam_window_open_file (window, bad);
  wait_settled (window);
  g_assert_true (kam_window_get_dataset (window) == before);
  g_assert_cmpuint (kam_figure_table_get_n_rows (kam_dataset_get_figures (before)), ==, 3);
  /* the dialog lists the problem with its place */
  dialog = dialog_of (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  {
    GtkWidget *extra = adw_message_dialog_get_extra_child (dialog);
    GtkWidget *label = find_widget (extra, GTK_TYPE_LABEL);
    g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "figures.rows[1][3]"));
  }
  respond (dialog, "close");
  iterate ();
  close_window (window);
}

/* How many buttons with a mnemonic below root are named by their label's
 * text alone (GTK 4.8 would read "_Discard Discard"); fails on one that is not. */
static guint
check_mnemonic_buttons (GtkWidget *root)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *inner = gtk_widget_get_first_child (child);

      if (GTK_IS_BUTTON (child) && GTK_IS_LABEL (inner) && gtk_label_get_use_underline (GTK_LABEL (inner)))
        {
          g_autofree char *wrong = gtk_test_accessible_check_property (
            GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_text (GTK_LABEL (inner)));

          g_assert_null (wrong);
          g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (child),
                                                            GTK_ACCESSIBLE_RELATION_LABELLED_BY));
          n++;
        }
      n += check_mnemonic_buttons (child);
    }
  return n;
}

static void
test_close_asks_first (void)
{
  KamWindow *window = open_window ("good.kamlang");
  gtk_window_set_hide_on_close (GTK_WINDOW (window), TRUE);
  KamDataset *dataset = kam_window_get_dataset (window);
  guint id = kam_figure_table_get_id (kam_dataset_get_figures (dataset), 0);
  AdwMessageDialog *dialog;
  g_autofree char *draft = NULL;

  /* no changes: closes at once */
  g_assert_null (dialog_of (GTK_WINDOW (window)));
  edit_cell (find_cell (window, KAM_FIGURE_FIELD_VALUE, id), "1");
  gtk_window_close (GTK_WINDOW (window));
  iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  dialog = dialog_of (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  /* Cancel, Discard, Save: named for a screen reader without their underscores */
  g_assert_cmpuint (check_mnemonic_buttons (GTK_WIDGET (dialog)), >=, 3);
  respond (dialog, "cancel");
  iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpfloat (value_of (window, id), ==, 1);

  gtk_window_close (GTK_WINDOW (window));
  iterate ();
  dialog = dialog_of (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  respond (dialog, "discard");
  iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  close_window (window);
}

/* ---- a draft left by a process killed with SIGKILL -------------------------- */

static gboolean
draft_written (gpointer data)
{
  /* this window's own draft, whole, with the edit: never "any file in the
   * folder", which other windows of this process write to as well */
  KamWindow *window = data;
  const char *id = kam_window_get_draft_id (window);
  g_autofree char *name = g_strconcat (id, ".kamlang", NULL);
  g_autofree char *info_name = g_strconcat (id, ".ini", NULL);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "kamlang", "drafts", name, NULL);
  g_autofree char *info_path = g_build_filename (g_get_user_data_dir (), "kamlang", "drafts", info_name, NULL);
  g_autofree char *info = NULL;
  g_autoptr (GFile) file = g_file_new_for_path (path);
  /* read without kam_draft_load, which removes a draft it cannot read: one
   * caught between its two files would be lost */
  g_autoptr (KamDataset) draft = kam_dataset_load_file (file, NULL, NULL);
  KamFigureTable *table = draft ? kam_dataset_get_figures (draft) : NULL;

  return table != NULL && kam_figure_table_get_n_rows (table) > 0 && kam_figure_table_get_value (table, 0) == 777
         && g_file_get_contents (info_path, &info, NULL, NULL) && strstr (info, "File=") != NULL;
}

static gboolean
path_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static gboolean
draft_settled (gpointer window)
{
  return !kam_document_get_draft_pending (kam_window_get_document (window));
}

/* A session of the test's own: its recent files in the test's folder, its
 * settings in memory (GSETTINGS_BACKEND=memory). */
static KamSession *
new_session (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "recently-used.xbel", NULL);
  g_autoptr (GtkRecentManager) recent = g_object_new (GTK_TYPE_RECENT_MANAGER, "filename", path, NULL);
  GSettingsSchemaSource *schemas = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = schemas ? g_settings_schema_source_lookup (schemas, KAM_SCHEMA_ID, TRUE) : NULL;
  g_autoptr (GSettings) settings = schema ? g_settings_new (KAM_SCHEMA_ID) : NULL;

  g_assert_nonnull (settings);
  return kam_session_new (recent, settings);
}

/* The child: opens the file, edits a value through its cell and waits to be killed. */
static int
child_main (const char *path)
{
  KamWindow *window;
  g_autoptr (GFile) file = g_file_new_for_path (path);
  KamFigureTable *table;

  if (!gtk_init_check ())
    return 2;
  adw_init ();
  window = g_object_ref_sink (kam_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 500);
  kam_window_set_draft_delay (window, 50);
  kam_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_for (settled, window));
  table = kam_dataset_get_figures (kam_window_get_dataset (window));
  edit_cell (find_cell (window, KAM_FIGURE_FIELD_VALUE, kam_figure_table_get_id (table, 0)), "777");
  g_assert_true (wait_for (draft_written, window));
  g_print ("ready\n");
  for (;;)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_draft_after_kill (void)
{
  g_autoptr (GFile) file = fixture_copy ("good.kamlang");
  g_autofree char *path = g_file_get_path (file);
  const char *argv[] = { g_test_get_path () ? NULL : NULL, "--child-draft", path, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GIOChannel) channel = NULL;
  g_autofree char *line = NULL;
  g_autoptr (GPtrArray) orphans = NULL;
  KamWindow *window;
  g_autoptr (KamSession) session = NULL;
  GtkWidget *dialog;
  GPid pid;
  int out, status;

  argv[0] = g_getenv ("KAM_TEST_SELF");
  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  channel = g_io_channel_unix_new (out);
  g_io_channel_set_close_on_unref (channel, TRUE);
  g_assert_cmpint (g_io_channel_read_line (channel, &line, NULL, NULL, NULL), ==, G_IO_STATUS_NORMAL);
  g_assert_cmpstr (line, ==, "ready\n");
  /* the draft of a running process is not offered */
  orphans = kam_drafts_find_orphans ();
  g_assert_cmpuint (orphans->len, ==, 0);
  g_clear_pointer (&orphans, g_ptr_array_unref);

  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_spawn_close_pid (pid);

  /* the next launch offers to restore it */
  window = g_object_ref_sink (kam_window_new (NULL));
  gtk_window_set_hide_on_close (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 500);
  kam_window_open_bundled (window);
  gtk_window_present (GTK_WINDOW (window));
  session = new_session ();
  dialog = kam_session_offer_drafts (session, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  respond (ADW_MESSAGE_DIALOG (dialog), "restore");
  iterate ();
  g_assert_cmpfloat (value_of (window, kam_figure_table_get_id (
                                          kam_dataset_get_figures (kam_window_get_dataset (window)), 0)),
                     ==, 777);
  g_assert_true (kam_dataset_get_modified (kam_window_get_dataset (window)));
  g_assert_true (g_file_equal (kam_window_get_file (window), file));
  g_assert_true (title_marked (window));
  /* it is now this window's draft, and no longer an orphan */
  orphans = kam_drafts_find_orphans ();
  g_assert_cmpuint (orphans->len, ==, 0);

  /* a discard deletes the draft */
  {
    g_autofree char *name = g_strconcat (kam_window_get_draft_id (window), ".kamlang", NULL);
    g_autofree char *own = g_build_filename (g_get_user_data_dir (), "kamlang", "drafts", name, NULL);

    g_assert_true (wait_for (path_exists, own));
    gtk_window_close (GTK_WINDOW (window));
    iterate ();
    respond (dialog_of (GTK_WINDOW (window)), "discard");
    iterate ();
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
    g_assert_true (wait_for (draft_settled, window));
    g_assert_false (g_file_test (own, G_FILE_TEST_EXISTS));
  }
  close_window (window);
}

static gboolean
menu_has_items (gpointer menu)
{
  return g_menu_model_get_n_items (menu) > 0;
}

/* A file opened in a window of the session is offered in Open Recent and
 * opened at the next launch; a window of no session remembers nothing. */
static void
test_session_remembers (void)
{
  g_autoptr (KamSession) session = new_session ();
  g_autoptr (GFile) file = fixture_copy ("good.kamlang");
  g_autoptr (GFile) other = fixture_copy ("good.kamlang");
  g_autoptr (GFile) last = NULL;
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *target = NULL;
  GMenuModel *menu = kam_session_get_recent_menu (session);
  KamWindow *window = g_object_ref_sink (g_object_new (KAM_TYPE_WINDOW, "session", session, NULL));
  KamWindow *alone;

  g_assert_null (kam_session_dup_last_file (session));
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 0);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 500);
  kam_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  wait_settled (window);
  g_assert_true (wait_for (menu_has_items, menu));
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 1);
  g_assert_true (g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_TARGET, "s", &target));
  g_assert_cmpstr (target, ==, uri);
  last = kam_session_dup_last_file (session);
  g_assert_true (last != NULL && g_file_equal (last, file));
  close_window (window);

  /* a window on its own (as in the other tests) tells no session */
  alone = g_object_ref_sink (kam_window_new (NULL));
  g_assert_null (kam_window_get_session (alone));
  gtk_window_set_default_size (GTK_WINDOW (alone), 800, 500);
  kam_window_open_file (alone, other);
  gtk_window_present (GTK_WINDOW (alone));
  wait_settled (alone);
  g_clear_object (&last);
  last = kam_session_dup_last_file (session);
  g_assert_true (g_file_equal (last, file));
  close_window (alone);
}

/* Another program writes the file while it is open here: a save asks first. */
static void
test_changed_on_disk_asks (void)
{
  KamWindow *window = open_window ("good.kamlang");
  GFile *file = kam_window_get_file (window);
  KamDataset *dataset = kam_window_get_dataset (window);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *theirs = NULL, *now = NULL;
  AdwMessageDialog *dialog;
  g_autoptr (KamDataset) again = NULL;

  edit_cell (find_cell (window, KAM_FIGURE_FIELD_VALUE, kam_figure_table_get_id (kam_dataset_get_figures (dataset), 0)),
             "4,321");
  g_assert_true (g_file_get_contents (path, &theirs, NULL, NULL));
  theirs = g_realloc (theirs, strlen (theirs) + 2);
  strcat (theirs, "\n");
  g_usleep (10000);
  g_assert_true (g_file_set_contents (path, theirs, -1, NULL));

  /* Save asks (after the version 1 file's upgrade); Cancel writes nothing */
  g_assert_false (kam_window_save_to_file (window, file));
  respond (dialog_of (GTK_WINDOW (window)), "upgrade");
  wait_settled (window);
  dialog = dialog_of (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "overwrite"));
  respond (dialog, "cancel");
  wait_settled (window);
  g_assert_true (g_file_get_contents (path, &now, NULL, NULL));
  g_assert_cmpstr (now, ==, theirs);
  g_assert_true (title_marked (window));

  /* Save Anyway writes ours */
  g_assert_true (kam_window_save_to_file (window, file));
  wait_settled (window);
  respond (dialog_of (GTK_WINDOW (window)), "overwrite");
  wait_settled (window);
  g_assert_false (title_marked (window));
  again = kam_dataset_load_file (file, NULL, NULL);
  g_assert_cmpfloat (kam_figure_table_get_value (kam_dataset_get_figures (again), 0), ==, 4321);
  close_window (window);
}

/* Opening can be cancelled, and leaves the document as it was. */
static void
test_open_cancel (void)
{
  KamWindow *window = open_window ("good.kamlang");
  KamDocument *before = kam_window_get_document (window);
  g_autofree char *path = kam_test_fixture ("good.kamlang");
  g_autoptr (GFile) other = g_file_new_for_path (path);

  kam_window_open_file (window, other);
  g_assert_true (kam_window_get_loading (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-open", NULL));
  g_assert_false (kam_window_get_loading (window));
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE), g_usleep (2000);
  g_assert_true (kam_window_get_document (window) == before);
  g_assert_null (dialog_of (GTK_WINDOW (window)));

  /* not cancelled: the file replaces the unmodified document */
  kam_window_open_file (window, other);
  wait_settled (window);
  g_assert_true (kam_window_get_document (window) != before);
  g_assert_true (g_file_equal (kam_window_get_file (window), other));
  close_window (window);
}

static void
count_changed (KamChart *chart, guint *count)
{
  (*count)++;
}

static gboolean
chart_drawn (gpointer view)
{
  KamChartLayout *layout = kam_chart_view_get_layout (view);

  return layout != NULL && kam_chart_layout_get_n_points (layout) > 0;
}

/* Where the view drew the bar of a country, from the view's own layout. */
static KamChartRegion
drawn_region_of (KamChartView *view, const char *country)
{
  guint n;
  const KamChartRegion *regions = _kam_chart_layout_get_regions (kam_chart_view_get_layout (view), &n);

  for (guint i = 0; i < n; i++)
    {
      KamChartHit hit;

      g_assert_true (kam_chart_layout_hit (kam_chart_view_get_layout (view), regions[i].x + regions[i].width / 2,
                                           regions[i].y + regions[i].height / 2, &hit));
      if (g_strcmp0 (hit.point.country, country) == 0)
        return regions[i];
    }
  g_assert_not_reached ();
}

static KamChartPoint *
chart_point (KamChart *chart, const char *country)
{
  KamChartSeries *series = g_ptr_array_index (kam_chart_get_series (chart), 0);

  for (guint i = 0; i < series->points->len; i++)
    if (g_strcmp0 (g_array_index (series->points, KamChartPoint, i).country, country) == 0)
      return &g_array_index (series->points, KamChartPoint, i);
  return NULL;
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


static void save_widget_png (GtkWidget *content, const char *path);

/* A key pressed on a widget, as its key controllers receive it. */
static gboolean
send_key (GtkWidget *widget, guint keyval)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  iterate ();
  return handled;
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


/* Presses a key as a shortcut controller of widget receives it. */
static gboolean
press_shortcut (GtkWidget *widget, const char *trigger)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *text = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (text, trigger))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  g_assert_not_reached ();
}

static int
count_focusable_labels (GtkWidget *widget)
{
  int n = GTK_IS_LABEL (widget) && gtk_widget_get_focusable (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_focusable_labels (child);
  return n;
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

/* Whether a label below the widget shows this text: within its words, or
 * exactly. */
static gboolean
label_matches (GtkWidget *widget, const char *text, gboolean exact)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
      && (exact ? g_str_equal (gtk_label_get_label (GTK_LABEL (widget)), text)
                : strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (label_matches (child, text, exact))
      return TRUE;
  return FALSE;
}

static gboolean
label_below (GtkWidget *widget, const char *text)
{
  return label_matches (widget, text, FALSE);
}

/* Opens the menu button of this name below the widget, as a click does (a
 * popover's controls are made when it opens); returns the button. */
static GtkMenuButton *
open_menu (GtkWidget *widget, const char *name)
{
  GtkWidget *button = find_named (widget, name);

  g_assert_true (GTK_IS_MENU_BUTTON (button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  iterate ();
  return GTK_MENU_BUTTON (button);
}

/* Whether the menu button's label starts at its left, as a drop-down's does
 * (GTK 4.8 centres it, and makes it again each time it is set). */
static gboolean
menu_label_at_start (GtkMenuButton *button)
{
  GtkWidget *box = gtk_widget_get_first_child (gtk_widget_get_first_child (GTK_WIDGET (button)));
  GtkWidget *label = gtk_widget_get_first_child (box);

  return GTK_IS_LABEL (label) && gtk_label_get_xalign (GTK_LABEL (label)) == 0
         && gtk_widget_get_halign (label) == GTK_ALIGN_FILL;
}

/* Whether a label shows exactly this text below the widget. */
static gboolean
label_reads (GtkWidget *widget, const char *text)
{
  return label_matches (widget, text, TRUE);
}

/* data: { a widget, the words } */
static gboolean
label_shown (gpointer data)
{
  gpointer *pair = data;

  return label_below (pair[0], pair[1]);
}

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

  /* split by sex: a series per member with figures */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (split), sex + 1);
  g_assert_cmpstr (kam_chart_get_split (chart), ==, "sex");
  series = kam_chart_get_series (chart);
  g_assert_cmpuint (series->len, ==, 2);
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

static const char *
drop_down_text (GtkWidget *drop_down)
{
  gpointer item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (drop_down));

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

/* Picks the choice that reads so, as a click would; FALSE when none does. */
static gboolean
choose (GtkWidget *drop_down, const char *text)
{
  GListModel *choices = gtk_drop_down_get_model (GTK_DROP_DOWN (drop_down));

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr (GtkStringObject) choice = g_list_model_get_item (choices, i);

      if (g_strcmp0 (gtk_string_object_get_string (choice), text) == 0)
        {
          gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), i);
          return TRUE;
        }
    }
  return FALSE;
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
  gtk_widget_set_visible (GTK_WIDGET (shortcuts), FALSE);
  iterate ();
  g_log_set_always_fatal (fatal);
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

/* The text cell under root that shows this text, once the list made it. */
static GtkWidget *
find_text_cell (GtkWidget *root, const char *text)
{
  Search search = { root, KAM_TYPE_TEXT_CELL, -1, 0, NULL, NULL, text };

  g_assert_true (wait_for (cell_exists, &search));
  return search.found;
}

static const char *
filter_entry (GtkWidget *filter, guint position)
{
  GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (filter));

  if (position >= g_list_model_get_n_items (model))
    return NULL;
  return gtk_string_list_get_string (GTK_STRING_LIST (model), position);
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

/* What the window said it was drawn by, run as a program on the fixture
 * (with GSK_RENDERER set to renderer, or unset). */
static char *
drawn_by (const char *renderer)
{
  g_autoptr (GFile) copy = fixture_copy ("good.kamlang");
  g_autofree char *file = g_file_get_path (copy);
  g_autofree char *home = g_build_filename (tmp_dir, renderer ? renderer : "default", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  const char *argv[] = { g_getenv ("KAMLANG_BINARY"), file, NULL };
  g_auto (GStrv) env = g_get_environ ();
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  const char *line;

  g_assert_nonnull (argv[0]);
  env = g_environ_setenv (env, "KAMLANG_PROBE", "quit", TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", config, TRUE);
  env = g_environ_setenv (env, "XDG_DATA_HOME", data, TRUE);
  env = renderer ? g_environ_setenv (env, "GSK_RENDERER", renderer, TRUE) : g_environ_unsetenv (env, "GSK_RENDERER");
  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, NULL,
                               &error));
  g_assert_no_error (error);
  line = strstr (err, "window realized, drawn by ");
  g_assert_nonnull (line);
  return g_strndup (line + strlen ("window realized, drawn by "), strcspn (line + strlen ("window realized, drawn by "), " \n"));
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

static void
note_items_changed (guint *changed, guint position, guint removed, guint added)
{
  changed[0] = position;
  changed[1] = removed;
  changed[2] = added;
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
  expected = g_strdup_printf ("Japan, 2099, Workers abroad (figures.rows[%u])", kam_figure_table_get_n_rows (table) - 1);
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

static gboolean
findings_at_least_one (gpointer page)
{
  return kam_checks_page_get_n_findings (page) > 0;
}

static gboolean
findings_none (gpointer page)
{
  return kam_checks_page_get_n_findings (page) == 0;
}

static gboolean
checks_done (gpointer page)
{
  return !kam_checks_page_get_checking (page);
}

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
            g_assert_true (g_str_has_prefix (kam_finding_get_figure (women), "South Korea, 2021, Workers abroad, Women ("));
            named = TRUE;
          }
      }
    g_assert_true (named);
  }
  close_window (window);
}

/* Buttons that show only an icon, without an accessible name. */
static void
collect_unnamed (GtkWidget *widget, GString *out)
{
  gboolean icon_only = (GTK_IS_BUTTON (widget) && GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (widget)))
                        && !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget))
                        && !GTK_IS_SPIN_BUTTON (gtk_widget_get_parent (widget)))
                       || (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) == NULL);

  if (icon_only && gtk_widget_get_visible (widget)
      && !gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    g_string_append_printf (out, " %s in %s (%s)", G_OBJECT_TYPE_NAME (widget), G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)),
                            gtk_widget_get_tooltip_text (widget) ? gtk_widget_get_tooltip_text (widget) : "");
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, out);
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
    g_assert_true (g_file_get_contents (pdf_path, &bytes, NULL, NULL));
    g_assert_true (g_str_has_prefix (bytes, "%PDF"));
    remembered = g_settings_get_string (settings, "export-format");
    g_assert_cmpstr (remembered, ==, "pdf");
    /* a name without an extension gets the format's */
    g_assert_true (kam_export_dialog_export_to (KAM_EXPORT_DIALOG (dialog), bare, &error));
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

static int
pdf_pages (const char *path)
{
  g_autofree char *command = g_strdup_printf ("pdfinfo %s", path);
  g_autofree char *out = NULL;
  const char *pages;

  if (!g_spawn_command_line_sync (command, &out, NULL, NULL, NULL) || out == NULL)
    return -1;
  pages = strstr (out, "Pages:");
  return pages ? atoi (pages + 6) : -1;
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
  g_assert_true (kam_window_print (window, TRUE, report, &error));
  g_assert_no_error (error);
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

static void
test_import_from_window (void)
{
  KamWindow *window = open_window ("good.kamlang");
  KamDataset *dataset = kam_window_get_dataset (window);
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  g_autofree char *good = g_build_filename (tmp_dir, "in.csv", NULL);
  g_autofree char *bad = g_build_filename (tmp_dir, "bad.csv", NULL);
  g_autofree char *wdi = g_test_build_filename (G_TEST_DIST, "fixtures", "wdi", "API_TEST_remittances.csv", NULL);
  g_autoptr (GFile) good_file = g_file_new_for_path (good);
  g_autoptr (GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr (GFile) wdi_file = g_file_new_for_path (wdi);
  g_autoptr (KamIndicator) remittances = kam_indicator_new ("remittances");

  g_assert_true (g_file_set_contents (good, "country,year,indicator,value\nJPN,2022,workers,12000\n", -1, NULL));
  g_assert_true (g_file_set_contents (bad, "country,year,indicator,value\nJPN,2022,workers,-1\n", -1, NULL));
  g_assert_true (kam_window_run_file_job (window, KAM_FILE_JOB_CSV_IMPORT, good_file, NULL, NULL));
  g_assert_cmpuint (kam_figure_table_get_n_rows (table), ==, 4);
  g_assert_true (title_marked (window));
  /* a bad file: nothing imported, and a dialog says where */
  g_assert_false (kam_window_run_file_job (window, KAM_FILE_JOB_CSV_IMPORT, bad_file, NULL, NULL));
  g_assert_cmpuint (kam_figure_table_get_n_rows (table), ==, 4);
  respond (dialog_of (GTK_WINDOW (window)), "close");
  /* World Bank data into an indicator added for it */
  g_assert_true (kam_dataset_add_indicator (dataset, remittances, NULL));
  g_assert_true (kam_window_run_file_job (window, KAM_FILE_JOB_WDI_IMPORT, wdi_file, "KHM", "remittances"));
  g_assert_cmpuint (kam_figure_table_get_n_rows (table), ==, 13);
  close_window (window);
}

/* Renders the window as it is on screen into a PNG. */
static void
save_widget_png (GtkWidget *content, const char *path)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (content);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  int w = gtk_widget_get_width (content), h = gtk_widget_get_height (content);

  g_assert_cmpint (w, >, 0);
  /* the window's background under the content */
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0.98, 0.98, 0.98, 1 }, &GRAPHENE_RECT_INIT (0, 0, w, h));
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (content)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
save_window_png (KamWindow *window, const char *path)
{
  /* the window's content (a window's own paintable draws nothing in GTK 4.8) */
  save_widget_png (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)), path);
}

static gboolean
narrow_enough (gpointer content)
{
  return gtk_widget_get_width (content) <= 800 && gtk_widget_get_height (content) <= 600;
}

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

int
main (int argc, char **argv)
{
  g_autofree char *self_path = NULL;

  if (argc == 3 && g_str_equal (argv[1], "--child-draft"))
    return child_main (argv[2]);

  tmp_dir = g_dir_make_tmp ("kamlang-window-XXXXXX", NULL);
  {
    g_autofree char *data = g_build_filename (tmp_dir, "data", NULL);
    g_setenv ("XDG_DATA_HOME", data, TRUE);
  }
  self_path = g_canonicalize_filename (argv[0], NULL);
  g_setenv ("KAM_TEST_SELF", self_path, TRUE);

  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      printf ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();
  /* No blinking cursor: under load its timer can find a selection it did not
   * expect ("GtkText - unexpected blinking selection"), a warning g_test makes
   * fatal; what the tests check does not depend on blinking. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);
  old_windows = g_ptr_array_new_with_free_func (g_object_unref);
  g_test_add_func ("/kamlang/window/edit-and-undo", test_edit_and_undo);
  g_test_add_func ("/kamlang/window/choice-cell", test_choice_cell);
  g_test_add_func ("/kamlang/window/screenshots", test_screenshots);
  g_test_add_func ("/kamlang/window/pages-follow-document", test_pages_follow_document);
  g_test_add_func ("/kamlang/window/figures-breakdowns", test_figures_breakdowns);
  g_test_add_func ("/kamlang/window/charts-breakdowns", test_charts_breakdowns);
  g_test_add_func ("/kamlang/window/charts-controls", test_charts_controls);
  g_test_add_func ("/kamlang/window/figures-filters", test_figures_filters);
  g_test_add_func ("/kamlang/window/add-country", test_add_country);
  g_test_add_func ("/kamlang/window/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/kamlang/window/main-menu", test_main_menu);
  g_test_add_func ("/kamlang/window/charts-numbers", test_charts_numbers);
  g_test_add_func ("/kamlang/window/charts-scale", test_charts_scale);
  g_test_add_func ("/kamlang/window/session-remembers", test_session_remembers);
  g_test_add_func ("/kamlang/window/agreement-cells", test_agreement_cells);
  g_test_add_func ("/kamlang/window/breakdowns-page", test_breakdowns_page);
  g_test_add_func ("/kamlang/window/chart-keyboard", test_chart_keyboard);
  g_test_add_func ("/kamlang/window/tab-leaves-lists", test_tab_leaves_lists);
  g_test_add_func ("/kamlang/window/bad-value-refused", test_bad_value_refused);
  g_test_add_func ("/kamlang/window/paste-one-step", test_paste_one_step);
  g_test_add_func ("/kamlang/window/delete-key-and-undo", test_delete_key_and_undo);
  g_test_add_func ("/kamlang/window/sort-by-header", test_sort_by_header);
  g_test_add_func ("/kamlang/window/save-and-reopen", test_save_and_reopen);
  g_test_add_func ("/kamlang/window/bad-file-keeps-document", test_bad_file_keeps_document);
  g_test_add_func ("/kamlang/window/close-asks-first", test_close_asks_first);
  g_test_add_func ("/kamlang/window/draft-after-kill", test_draft_after_kill);
  g_test_add_func ("/kamlang/window/changed-on-disk-asks", test_changed_on_disk_asks);
  g_test_add_func ("/kamlang/window/open-cancel", test_open_cancel);
  g_test_add_func ("/kamlang/window/checks-page", test_checks_page);
  g_test_add_func ("/kamlang/window/checks-page-many-findings", test_checks_page_many_findings);
  g_test_add_func ("/kamlang/window/accessible-names", test_accessible_names);
  g_test_add_func ("/kamlang/window/chart-follows-edit", test_chart_follows_edit);
  g_test_add_func ("/kamlang/window/chart-click-selects", test_chart_click_selects);
  g_test_add_func ("/kamlang/window/khmer-numerals", test_khmer_numerals);
  g_test_add_func ("/kamlang/window/numerals-action", test_numerals_action);
  g_test_add_func ("/kamlang/window/renderer-without-gpu", test_renderer_without_gpu);
  g_test_add_func ("/kamlang/window/export-dialog", test_export_dialog);
  g_test_add_func ("/kamlang/window/copy-chart", test_copy_chart);
  g_test_add_func ("/kamlang/window/print", test_print);
  g_test_add_func ("/kamlang/window/import-from-window", test_import_from_window);
  /* run before draft-after-kill, its window's draft made the child's "any file in the drafts
   * folder" wait end early (fixed: the child waits for its own draft); kept last */
  g_test_add_func ("/kamlang/window/version-1-upgrade-asks", test_version_1_upgrade_asks);
  return g_test_run ();
}
