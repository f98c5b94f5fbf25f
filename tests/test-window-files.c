/* test-window-files.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Files: saving and opening again, bad files, closing with unsaved changes, drafts after a crash, another program's changes, cancelling, the session, imports. Drives the window as a user does; needs a display (skipped without
 * one). Shared helpers: kam-test-ui.c. */

#include "kam-csv.h"
#include "kam-sheet.h"
#include "kam-test-ui.h"

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
  /* in a thread: the window is working until it is done, and the figures come then */
  kam_window_run_file_job (window, KAM_FILE_JOB_CSV_IMPORT, good_file, NULL, NULL);
  g_assert_true (kam_window_get_loading (window));
  g_assert_cmpuint (kam_figure_table_get_n_rows (table), ==, 3);
  wait_settled (window);
  g_assert_cmpuint (kam_figure_table_get_n_rows (table), ==, 4);
  g_assert_true (title_marked (window));
  g_assert_null (dialog_of (GTK_WINDOW (window)));
  /* one step to undo */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (kam_figure_table_get_n_rows (table), ==, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpuint (kam_figure_table_get_n_rows (table), ==, 4);
  /* a bad file: nothing imported, and a dialog says where */
  kam_window_run_file_job (window, KAM_FILE_JOB_CSV_IMPORT, bad_file, NULL, NULL);
  wait_settled (window);
  g_assert_cmpuint (kam_figure_table_get_n_rows (table), ==, 4);
  g_assert_nonnull (dialog_of (GTK_WINDOW (window)));
  respond (dialog_of (GTK_WINDOW (window)), "close");
  /* World Bank data into an indicator added for it, with its source, as one step */
  g_assert_true (kam_dataset_add_indicator (dataset, remittances, NULL));
  kam_window_run_file_job (window, KAM_FILE_JOB_WDI_IMPORT, wdi_file, "KHM", "remittances");
  wait_settled (window);
  g_assert_null (dialog_of (GTK_WINDOW (window)));
  g_assert_cmpuint (kam_figure_table_get_n_rows (table), ==, 13);
  g_assert_nonnull (kam_dataset_lookup_source (dataset, kam_figure_table_get_source (table, 12)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (kam_figure_table_get_n_rows (table), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (kam_dataset_get_sources (dataset)), ==, 1);
  close_window (window);
}

/* The report and the CSV export are written in a thread from a snapshot: an
 * edit made meanwhile is not in them, and the window says when they are done. */
static void
test_exports_in_thread (void)
{
  KamWindow *window = open_window ("good.kamlang");
  KamDataset *dataset = kam_window_get_dataset (window);
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  guint id = kam_figure_table_get_id (table, 0);
  g_autofree char *csv = g_build_filename (tmp_dir, "thread.csv", NULL);
  g_autofree char *pdf = g_build_filename (tmp_dir, "thread.pdf", NULL);
  g_autoptr (GFile) csv_file = g_file_new_for_path (csv), pdf_file = g_file_new_for_path (pdf);
  g_autofree char *expected = kam_csv_export_text (dataset, NULL);
  g_autofree char *written = NULL, *head = NULL;
  gsize length;

  g_remove (csv);
  g_remove (pdf);
  kam_window_run_file_job (window, KAM_FILE_JOB_CSV_EXPORT, csv_file, NULL, NULL);
  g_assert_true (kam_window_get_loading (window));
  g_assert_true (kam_dataset_set_figure_value (dataset, id, 777, NULL));
  wait_settled (window);
  g_assert_null (dialog_of (GTK_WINDOW (window)));
  g_assert_true (g_file_get_contents (csv, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, expected);
  kam_window_run_file_job (window, KAM_FILE_JOB_REPORT, pdf_file, NULL, NULL);
  wait_settled (window);
  g_assert_null (dialog_of (GTK_WINDOW (window)));
  g_assert_true (g_file_get_contents (pdf, &head, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (head, "%PDF"));
  /* Export Workbook (issue 28): the figures as they are, read back */
  {
    g_autofree char *xlsx = g_build_filename (tmp_dir, "thread.xlsx", NULL);
    g_autoptr (GFile) xlsx_file = g_file_new_for_path (xlsx);
    g_autoptr (GPtrArray) sheets = NULL;
    g_autoptr (GError) error = NULL;
    KamSheet *figures;

    g_remove (xlsx);
    kam_window_run_file_job (window, KAM_FILE_JOB_XLSX_EXPORT, xlsx_file, NULL, NULL);
    wait_settled (window);
    g_assert_null (dialog_of (GTK_WINDOW (window)));
    sheets = kam_sheet_read_file (xlsx, &error);
    g_assert_no_error (error);
    figures = g_ptr_array_index (sheets, 0);
    g_assert_cmpstr (figures->name, ==, "Figures");
    g_assert_cmpuint (figures->n_rows, ==, kam_figure_table_get_n_rows (table) + 1);
    g_assert_cmpstr (kam_sheet_get_text (figures, 1, 0), ==, "Japan");
    g_assert_cmpfloat (kam_sheet_get_number (figures, 1, kam_dataset_get_n_dimensions (dataset) + 3), ==, 777);
  }
  close_window (window);
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

/* The Import Table dialog over the window, for a workbook (as when it is
 * dropped): its sheet and indicator found, Import adds the figures in one
 * step, the chart shows them, Undo takes them back (issue 28). */
typedef struct
{
  GtkWindow *parent;
  GtkWindow *found;
} ImportSearch;

static gboolean
import_dialog_shown (gpointer data)
{
  ImportSearch *search = data;
  g_autoptr (GListModel) toplevels = NULL;

  toplevels = g_object_ref (gtk_window_get_toplevels ());
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && search->found == NULL; i++)
    {
      g_autoptr (GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (w) == search->parent && g_strcmp0 (gtk_window_get_title (w), "Import Table") == 0
          && gtk_widget_get_visible (GTK_WIDGET (w)))
        search->found = w;
    }
  return search->found != NULL;
}

static GtkWidget *
button_labelled (GtkWidget *root, const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      if ((found = button_labelled (child, label)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_import_table_dialog (void)
{
  KamWindow *window = open_window ("entry.kamlang");
  KamDataset *dataset = kam_window_get_dataset (window);
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  guint before = kam_figure_table_get_n_rows (table);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "tables", "wide-sex-libreoffice.xlsx", NULL);
  ImportSearch search = { GTK_WINDOW (window), NULL };
  GtkWidget *sheet, *indicator, *import;
  KamChart *chart = kam_charts_page_get_chart (kam_window_get_charts_page (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-table-file", "s", path));
  g_assert_true (wait_for (import_dialog_shown, &search));
  sheet = find_named (GTK_WIDGET (search.found), "Sheet");
  indicator = find_named (GTK_WIDGET (search.found), "Indicator");
  g_assert_true (GTK_IS_DROP_DOWN (sheet));
  g_assert_true (GTK_IS_DROP_DOWN (indicator));
  /* the first sheet has the table; its title names the indicator */
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (sheet)), ==, 0);
  import = button_labelled (GTK_WIDGET (search.found), "_Import");
  g_assert_nonnull (import);
  g_assert_true (gtk_widget_get_sensitive (import));
  /* the Khmer sheet, a long table, does not name its indicator: Import waits */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (sheet), 1);
  iterate ();
  g_assert_false (gtk_widget_get_sensitive (import));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (sheet), 0);
  iterate ();
  g_assert_true (gtk_widget_get_sensitive (import));
  g_signal_emit_by_name (import, "clicked");
  iterate ();
  g_assert_cmpuint (kam_figure_table_get_n_rows (table), ==, before + 23);
  g_assert_nonnull (kam_dataset_lookup_country (dataset, "THA"));
  /* the chart of workers sent in 2024 shows Thailand's new figure */
  kam_chart_set_indicator (chart, "deployed");
  kam_chart_set_year (chart, 2024);
  iterate ();
  g_assert_nonnull (chart_point (chart, "THA"));
  g_assert_cmpfloat (chart_point (chart, "THA")->value, ==, 1200000);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  iterate ();
  g_assert_cmpuint (kam_figure_table_get_n_rows (table), ==, before);
  g_assert_null (kam_dataset_lookup_country (dataset, "THA"));
  g_assert_null (chart_point (chart, "THA"));
  close_window (window);
}

static GtkWidget *
check_labelled (GtkWidget *root, const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_CHECK_BUTTON (child) && g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (child)), label) == 0)
        return child;
      if ((found = check_labelled (child, label)) != NULL)
        return found;
    }
  return NULL;
}

/* The position of an item in a drop-down's list of strings. */
static guint
item_position (GtkWidget *drop_down, const char *text)
{
  GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (drop_down));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), text) == 0)
      return i;
  g_error ("no item “%s”", text);
  return 0;
}

/* In the assistant a person changes what was detected: a column of values
 * left out, the rows with problems left out; Import then takes the rest,
 * and only it (issue 28). */
static void
test_import_table_choices (void)
{
  KamWindow *window = open_window ("entry.kamlang");
  KamDataset *dataset = kam_window_get_dataset (window);
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  guint before = kam_figure_table_get_n_rows (table);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "tables", "bad.xlsx", NULL);
  ImportSearch search = { GTK_WINDOW (window), NULL };
  GtkWidget *indicator, *import, *column_c, *leave_out, *header_row;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-table-file", "s", path));
  g_assert_true (wait_for (import_dialog_shown, &search));
  indicator = find_named (GTK_WIDGET (search.found), "Indicator");
  column_c = find_named (GTK_WIDGET (search.found), "Column C");
  header_row = find_named (GTK_WIDGET (search.found), "Header row");
  leave_out = check_labelled (GTK_WIDGET (search.found), "_Leave out the rows with problems");
  import = button_labelled (GTK_WIDGET (search.found), "_Import");
  g_assert_true (GTK_IS_DROP_DOWN (column_c));
  g_assert_true (GTK_IS_SPIN_BUTTON (header_row));
  g_assert_nonnull (leave_out);
  /* detected: the header in row 1, column C a column of values */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (header_row)), ==, 1);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (column_c)), ==, item_position (column_c, "Values"));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (indicator), item_position (indicator, "Workers sent"));
  iterate ();
  /* “many” in C2 and Atlantis in A3: nothing can be imported */
  g_assert_false (gtk_widget_get_sensitive (import));
  g_assert_true (gtk_widget_get_visible (leave_out));
  /* 2023 left out: Atlantis is still a problem */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (column_c), item_position (column_c, "Not imported"));
  iterate ();
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (column_c)), ==, item_position (column_c, "Not imported"));
  g_assert_false (gtk_widget_get_sensitive (import));
  /* and its row: Malaysia 2022 alone */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (leave_out), TRUE);
  iterate ();
  g_assert_true (gtk_widget_get_sensitive (import));
  g_signal_emit_by_name (import, "clicked");
  iterate ();
  g_assert_cmpuint (kam_figure_table_get_n_rows (table), ==, before + 1);
  g_assert_null (kam_dataset_lookup_country (dataset, "Atlantis"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (kam_figure_table_get_n_rows (table), ==, before);
  close_window (window);
}

int
main (int argc, char **argv)
{
  int status = kam_test_ui_init (&argc, &argv);

  if (status >= 0)
    return status;
  g_test_add_func ("/kamlang/window/session-remembers", test_session_remembers);
  g_test_add_func ("/kamlang/window/save-and-reopen", test_save_and_reopen);
  g_test_add_func ("/kamlang/window/bad-file-keeps-document", test_bad_file_keeps_document);
  g_test_add_func ("/kamlang/window/close-asks-first", test_close_asks_first);
  g_test_add_func ("/kamlang/window/draft-after-kill", test_draft_after_kill);
  g_test_add_func ("/kamlang/window/changed-on-disk-asks", test_changed_on_disk_asks);
  g_test_add_func ("/kamlang/window/open-cancel", test_open_cancel);
  g_test_add_func ("/kamlang/window/import-from-window", test_import_from_window);
  g_test_add_func ("/kamlang/window/import-table-dialog", test_import_table_dialog);
  g_test_add_func ("/kamlang/window/import-table-choices", test_import_table_choices);
  g_test_add_func ("/kamlang/window/exports-in-thread", test_exports_in_thread);
  g_test_add_func ("/kamlang/window/version-1-upgrade-asks", test_version_1_upgrade_asks);
  return g_test_run ();
}
