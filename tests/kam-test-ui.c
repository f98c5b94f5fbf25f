/* kam-test-ui.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include "kam-test-ui.h"

char *tmp_dir;
GPtrArray *old_windows;

void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

gboolean
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

gboolean
settled (gpointer data)
{
  KamWindow *window = data;

  return !kam_window_get_loading (window) && !kam_document_get_busy (kam_window_get_document (window));
}

/* Waits for the window's file work (an open, a save) to end. */
void
wait_settled (KamWindow *window)
{
  g_assert_true (wait_for (settled, window));
  iterate ();
}

GFile *
fixture_copy (const char *name)
{
  return kam_test_fixture_copy (name, tmp_dir);
}

KamWindow *
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

void
close_window (KamWindow *window)
{
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  g_ptr_array_add (old_windows, window);
  iterate ();
}

/* What a cell's tooltip says (a choice cell makes its tooltip when asked). */
const char *
cell_says (GtkWidget *cell)
{
  if (KAM_IS_CHOICE_CELL (cell))
    return kam_choice_cell_get_tooltip_text (KAM_CHOICE_CELL (cell));
  return gtk_widget_get_tooltip_text (cell);
}

void
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

gboolean
cell_exists (gpointer data)
{
  Search *search = data;

  search->found = NULL;
  find_cell_in (search->root, search);
  return search->found != NULL;
}

/* The Figures page gets its rows when it is first shown. */
void
show_figures (KamWindow *window)
{
  adw_view_stack_set_visible_child_name (kam_window_get_stack (window), "figures");
}

/* A page of the window, shown: the lists are made when first shown, in a
 * slot of the page stack. */
GtkWidget *
show_page (KamWindow *window, const char *name)
{
  GtkWidget *child;

  adw_view_stack_set_visible_child_name (kam_window_get_stack (window), name);
  child = adw_view_stack_get_child_by_name (kam_window_get_stack (window), name);
  return ADW_IS_BIN (child) ? adw_bin_get_child (ADW_BIN (child)) : child;
}

/* The editor of one field of one figure, once the list has made it. */
GtkWidget *
find_cell (KamWindow *window, KamFigureField field, guint id)
{
  Search search = { GTK_WIDGET (window), KAM_TYPE_TEXT_CELL, field, id, NULL };

  show_figures (window);
  g_assert_true (wait_for (cell_exists, &search));
  return search.found;
}

GtkWidget *
find_widget (GtkWidget *root, GType type)
{
  Search search = { root, type, -1, 0, NULL };

  g_assert_true (wait_for (cell_exists, &search));
  return search.found;
}

/* Enter in a text cell: its GtkText activates. */
void
press_enter (GtkWidget *cell)
{
  g_signal_emit_by_name (gtk_widget_get_first_child (cell), "activate");
  iterate ();
}

/* A key as the cell's text receives it: the cell's own key handler first
 * (capture phase), then, unless it took the key, what GtkText does with a
 * character: insert it at the cursor. */
void
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

void
type_text (GtkWidget *cell, const char *typed)
{
  for (const char *p = typed; *p; p = g_utf8_next_char (p))
    press_key (cell, gdk_unicode_to_keyval (g_utf8_get_char (p)));
}

/* Types into a cell the way a user does: focus it, type, press Enter. */
void
edit_cell (GtkWidget *cell, const char *text)
{
  g_assert_true (gtk_widget_grab_focus (cell));
  iterate ();
  gtk_editable_set_text (GTK_EDITABLE (cell), text);
  press_enter (cell);
}

double
value_of (KamWindow *window, guint id)
{
  KamFigureTable *table = kam_dataset_get_figures (kam_window_get_dataset (window));
  return kam_figure_table_get_value (table, kam_figure_table_find_row (table, id));
}

gboolean
title_marked (KamWindow *window)
{
  return strstr (gtk_window_get_title (GTK_WINDOW (window)), "•") != NULL;
}

GtkListBoxRow *
row_labelled (GtkWidget *popover, const char *text)
{
  GtkWidget *box = find_widget (popover, GTK_TYPE_LIST_BOX);

  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (box), i);
      if (row == NULL)
        return NULL;
      GtkWidget *child = gtk_list_box_row_get_child (row);
      GtkWidget *label = GTK_IS_LABEL (child) ? child : find_widget (child, GTK_TYPE_LABEL);

      if (g_str_equal (gtk_label_get_text (GTK_LABEL (label)), text))
        return row;
    }
}

gboolean
rows_are (gpointer data)
{
  gpointer *args = data;
  return kam_figure_table_get_n_rows (args[0]) == GPOINTER_TO_UINT (args[1]);
}

/* The column of a column view with this title. */
GtkColumnViewColumn *
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

GtkColumnViewColumn *
column_at (GtkColumnView *columns, guint position)
{
  g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (gtk_column_view_get_columns (columns), position);

  return column;
}

/* Whether the list shows a column of that title. */
gboolean
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
GtkWidget *
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

gboolean
stack_shows (GtkStack *stack, const char *name)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), name) == 0;
}

gboolean
list_scrolls (gpointer scroll)
{
  return gtk_adjustment_get_upper (scroll) - gtk_adjustment_get_page_size (scroll) > 100;
}

gboolean
list_scrolled (gpointer scroll)
{
  return gtk_adjustment_get_value (scroll) > 100;
}

gboolean
list_at_top (gpointer scroll)
{
  return gtk_adjustment_get_value (scroll) == 0;
}

AdwMessageDialog *
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
void
respond (gpointer dialog, const char *response)
{
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_close (GTK_WINDOW (dialog));
  iterate ();
}

/* How many buttons with a mnemonic below root are named by their label's
 * text alone (GTK 4.8 would read "_Discard Discard"); fails on one that is not. */
guint
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

gboolean
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

gboolean
path_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

gboolean
draft_settled (gpointer window)
{
  return !kam_document_get_draft_pending (kam_window_get_document (window));
}

/* A session of the test's own: its recent files in the test's folder, its
 * settings in memory (GSETTINGS_BACKEND=memory). */
KamSession *
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
int
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

gboolean
menu_has_items (gpointer menu)
{
  return g_menu_model_get_n_items (menu) > 0;
}

void
count_changed (KamChart *chart, guint *count)
{
  (*count)++;
}

gboolean
chart_drawn (gpointer view)
{
  KamChartLayout *layout = kam_chart_view_get_layout (view);

  return layout != NULL && kam_chart_layout_get_n_points (layout) > 0;
}

/* Where the view drew the bar of a country, from the view's own layout. */
KamChartRegion
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

KamChartPoint *
chart_point (KamChart *chart, const char *country)
{
  KamChartSeries *series = g_ptr_array_index (kam_chart_get_series (chart), 0);

  for (guint i = 0; i < series->points->len; i++)
    if (g_strcmp0 (g_array_index (series->points, KamChartPoint, i).country, country) == 0)
      return &g_array_index (series->points, KamChartPoint, i);
  return NULL;
}

/* A key pressed on a widget, as its key controllers receive it. */
gboolean
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

/* Presses a key as a shortcut controller of widget receives it. */
gboolean
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

int
count_focusable_labels (GtkWidget *widget)
{
  int n = GTK_IS_LABEL (widget) && gtk_widget_get_focusable (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_focusable_labels (child);
  return n;
}

/* Whether a label below the widget shows this text: within its words, or
 * exactly. */
gboolean
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

gboolean
label_below (GtkWidget *widget, const char *text)
{
  return label_matches (widget, text, FALSE);
}

/* Opens the menu button of this name below the widget, as a click does (a
 * popover's controls are made when it opens); returns the button. */
GtkMenuButton *
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
gboolean
menu_label_at_start (GtkMenuButton *button)
{
  GtkWidget *box = gtk_widget_get_first_child (gtk_widget_get_first_child (GTK_WIDGET (button)));
  GtkWidget *label = gtk_widget_get_first_child (box);

  return GTK_IS_LABEL (label) && gtk_label_get_xalign (GTK_LABEL (label)) == 0
         && gtk_widget_get_halign (label) == GTK_ALIGN_FILL;
}

/* Whether a label shows exactly this text below the widget. */
gboolean
label_reads (GtkWidget *widget, const char *text)
{
  return label_matches (widget, text, TRUE);
}

/* data: { a widget, the words } */
gboolean
label_shown (gpointer data)
{
  gpointer *pair = data;

  return label_below (pair[0], pair[1]);
}

const char *
drop_down_text (GtkWidget *drop_down)
{
  gpointer item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (drop_down));

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

/* Picks the choice that reads so, as a click would; FALSE when none does. */
gboolean
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

/* The text cell under root that shows this text, once the list made it. */
GtkWidget *
find_text_cell (GtkWidget *root, const char *text)
{
  Search search = { root, KAM_TYPE_TEXT_CELL, -1, 0, NULL, NULL, text };

  g_assert_true (wait_for (cell_exists, &search));
  return search.found;
}

const char *
filter_entry (GtkWidget *filter, guint position)
{
  GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (filter));

  if (position >= g_list_model_get_n_items (model))
    return NULL;
  return gtk_string_list_get_string (GTK_STRING_LIST (model), position);
}

/* What the window said it was drawn by, run as a program on the fixture
 * (with GSK_RENDERER set to renderer, or unset). */
char *
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

void
note_items_changed (guint *changed, guint position, guint removed, guint added)
{
  changed[0] = position;
  changed[1] = removed;
  changed[2] = added;
}

gboolean
findings_at_least_one (gpointer page)
{
  return kam_checks_page_get_n_findings (page) > 0;
}

gboolean
findings_none (gpointer page)
{
  return kam_checks_page_get_n_findings (page) == 0;
}

gboolean
checks_done (gpointer page)
{
  return !kam_checks_page_get_checking (page);
}

/* Buttons that show only an icon, without an accessible name. */
void
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

int
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

/* Renders the window as it is on screen into a PNG. */
void
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

void
save_window_png (KamWindow *window, const char *path)
{
  /* the window's content (a window's own paintable draws nothing in GTK 4.8) */
  save_widget_png (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)), path);
}

gboolean
narrow_enough (gpointer content)
{
  return gtk_widget_get_width (content) <= 800 && gtk_widget_get_height (content) <= 600;
}

int
kam_test_ui_init (int *argc, char ***argv)
{
  g_autofree char *self_path = NULL;

  if (*argc == 3 && g_str_equal ((*argv)[1], "--child-draft"))
    return child_main ((*argv)[2]);

  tmp_dir = g_dir_make_tmp ("kamlang-window-XXXXXX", NULL);
  {
    g_autofree char *data = g_build_filename (tmp_dir, "data", NULL);
    g_autofree char *cache = g_build_filename (tmp_dir, "cache", NULL);
    g_setenv ("XDG_DATA_HOME", data, TRUE);
    /* (a shared dataset's copy is kept there) */
    g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  }
  self_path = g_canonicalize_filename ((*argv)[0], NULL);
  g_setenv ("KAM_TEST_SELF", self_path, TRUE);

  g_test_init (argc, argv, NULL);
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
  return -1;
}
