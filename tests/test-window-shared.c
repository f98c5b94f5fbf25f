/* test-window-shared.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A shared dataset in the window, on the real server tests/with-postgres
 * starts (issue 29), driven through accessible names: Open Shared Dataset
 * (its Address), the title and the state (Connected), an edit, Save with a
 * Description, the conflict with another client's save (Keep Mine), and
 * another client's save shown here within seconds. */

#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <stdlib.h>
#include <unistd.h>
#include "kam-db.h"
#include "kam-shared.h"
#include "kam-test-db.h"
#include "kam-test-ui.h"
#include "kam-choice-cell.h"

/* A country's total on the server (a country of the test's own). */
static char *
server_value (const char *address, const char *country)
{
  g_autofree char *sql = g_strdup_printf ("SELECT value FROM kamlang.figures WHERE country = '%s' AND m1 = 'total'",
                                          country);

  return kam_test_db_value (address, sql);
}

static guint
figure_of (KamDataset *dataset, const char *country)
{
  KamFigureTable *table = kam_dataset_get_figures (dataset);

  for (guint r = 0; r < kam_figure_table_get_n_rows (table); r++)
    if (g_strcmp0 (kam_figure_table_get_country (table, r), country) == 0 && kam_figure_table_get_member (table, r, 0) == 0)
      return kam_figure_table_get_id (table, r);
  return 0;
}

static gboolean
has_shared (gpointer window)
{
  return kam_window_get_shared (window) != NULL;
}

/* Shows a window (the test keeps it) and opens the shared dataset at
 * address in it (password: NULL for none, or the keyring's), waiting until
 * it is open. */
static void
open_shared_in (KamWindow *window, const char *address, const char *password)
{
  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  kam_window_open_shared (window, address, password);
  g_assert_true (wait_for (has_shared, window));
}

typedef struct
{
  KamWindow *window;
  const char *heading;
} DialogSearch;

static gboolean
dialog_shown (gpointer data)
{
  DialogSearch *search = data;
  AdwMessageDialog *dialog = dialog_of (GTK_WINDOW (search->window));

  return dialog != NULL && g_strcmp0 (adw_message_dialog_get_heading (dialog), search->heading) == 0;
}

typedef struct
{
  const char *address, *country, *value;
} ServerSearch;

static gboolean
server_has (gpointer data)
{
  ServerSearch *search = data;
  g_autofree char *value = server_value (search->address, search->country);

  return g_strcmp0 (value, search->value) == 0;
}

typedef struct
{
  KamWindow *window;
  const char *country;
  double value;
} ValueSearch;

static gboolean
window_has (gpointer data)
{
  ValueSearch *search = data;
  KamDataset *dataset = kam_window_get_dataset (search->window);

  return value_of (search->window, figure_of (dataset, search->country)) == search->value;
}

typedef struct
{
  KamWindow *window;
  const char *text;
} HistorySearch;

/* Whether the History page shows a change with this text. */
static gboolean
history_shows (gpointer data)
{
  HistorySearch *search = data;
  GtkWidget *page = find_named (GTK_WIDGET (search->window), "Changes to the shared dataset, newest first");

  return page != NULL && label_matches (page, search->text, FALSE);
}

static gboolean
history_hides (gpointer data)
{
  return !history_shows (data);
}

static void
test_shared_window (void)
{
  g_autofree char *address = kam_test_db_new ();
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("entry.kamlang");
  g_autoptr (KamShared) other = NULL;
  KamWindow *window = kam_window_new (NULL);
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  KamDataset *here;
  DialogSearch search = { window, "Open Shared Dataset" };
  ServerSearch on_server = { address, "KOR", "9900" };
  ValueSearch live = { window, "MYS", 4321 };

  g_assert_true (kam_db_init (address, dataset, NULL));
  g_object_ref_sink (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 500);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  /* Open Shared Dataset: its address */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-shared", NULL));
  g_assert_true (wait_for (dialog_shown, &search));
  dialog = dialog_of (GTK_WINDOW (window));
  entry = find_named (GTK_WIDGET (dialog), "Address");
  g_assert_true (GTK_IS_EDITABLE (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), address);
  respond (dialog, "open");
  g_assert_true (wait_for (has_shared, window));
  iterate ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Deployments — localhost");
  g_assert_true (label_matches (GTK_WIDGET (window), "Connected", TRUE));
  here = kam_window_get_dataset (window);
  g_assert_cmpuint (kam_figure_table_get_n_rows (kam_dataset_get_figures (here)), ==, 3);

  /* an edit here, and another client's save of the same figure */
  g_assert_true (kam_dataset_set_figure_value (here, figure_of (here, "KOR"), 9900, NULL));
  other = kam_shared_open (address, NULL);
  g_assert_true (kam_dataset_set_figure_value (kam_shared_get_dataset (other),
                                               figure_of (kam_shared_get_dataset (other), "KOR"), 9800, NULL));
  g_assert_true (kam_shared_save (other, "the embassy's", NULL, NULL));

  /* Save: a description; the conflict; Keep Mine */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  search.heading = "Save to the Shared Dataset";
  g_assert_true (wait_for (dialog_shown, &search));
  dialog = dialog_of (GTK_WINDOW (window));
  entry = find_named (GTK_WIDGET (dialog), "Description");
  g_assert_true (GTK_IS_EDITABLE (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Korea from headquarters");
  respond (dialog, "save");
  search.heading = "Someone Else Changed These";
  g_assert_true (wait_for (dialog_shown, &search));
  dialog = dialog_of (GTK_WINDOW (window));
  g_assert_true (label_matches (GTK_WIDGET (dialog), "theirs 9,800", FALSE));
  g_assert_true (label_matches (GTK_WIDGET (dialog), "yours 9,900", FALSE));
  respond (dialog, "mine");
  g_assert_true (wait_for (server_has, &on_server));

  /* another client's save, shown here */
  g_assert_true (kam_shared_update (other, NULL, NULL));
  g_assert_true (kam_dataset_set_figure_value (kam_shared_get_dataset (other),
                                               figure_of (kam_shared_get_dataset (other), "MYS"), 4321, NULL));
  g_assert_true (kam_shared_save (other, NULL, NULL, NULL));
  g_assert_true (wait_for (window_has, &live));
  /* not the user's to undo or to save */
  g_assert_cmpuint (kam_shared_count_changes (kam_window_get_shared (window)), ==, 0);

  /* the History page: every change, newest first, searchable */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "history"));
  {
    HistorySearch history = { window, "Korea from headquarters" };
    GtkWidget *search_entry = find_named (GTK_WIDGET (window), "Search the history");

    g_assert_true (wait_for (history_shows, &history));
    history.text = "the embassy's";
    g_assert_true (history_shows (&history));
    g_assert_true (GTK_IS_EDITABLE (search_entry));
    gtk_editable_set_text (GTK_EDITABLE (search_entry), "embassy");
    history.text = "Korea from headquarters";
    g_assert_true (wait_for (history_hides, &history));
    history.text = "the embassy's";
    g_assert_true (history_shows (&history));
    /* one figure's history, from the Figures page's menu: Malaysia's change only */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.figure-history", "u",
                                               figure_of (kam_window_get_dataset (window), "MYS")));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search_entry)), ==, "Malaysia 2023, Workers sent");
    history.text = "Malaysia 2023, Workers sent (MLVT, 2025-01): value 4000 → 4321";
    g_assert_true (wait_for (history_shows, &history));
    history.text = "value 4000 → 4321";
    g_assert_true (history_shows (&history));
    history.text = "Korea from headquarters";
    g_assert_true (wait_for (history_hides, &history));
  }
  close_window (window);
}

/* A role that may change only some figures (an attaché's destination):
 * the state says so, the cells of the others take no typing and open no
 * list, its own are edited as ever. */
static void
test_limited_role (void)
{
  g_autofree char *address = kam_test_db_new ();
  g_autofree char *as_attache = NULL;
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("entry.kamlang");
  KamWindow *window = kam_window_new (NULL);
  KamDataset *here;
  GtkWidget *theirs, *mine, *their_country;

  g_assert_true (kam_db_init (address, dataset, NULL));
  g_free (kam_test_db_value (address, "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'seoul')"
                                      " THEN CREATE ROLE seoul LOGIN; END IF; END $$"));
  g_free (kam_test_db_value (address, "SELECT kamlang.grant_role ('seoul', true, NULL, ARRAY['KOR'])"));
  as_attache = g_strdup_printf ("%s user=seoul", address);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 600);
  open_shared_in (window, as_attache, NULL);
  iterate ();
  g_assert_true (label_matches (GTK_WIDGET (window), "Connected — some changes only", TRUE));
  g_assert_cmpstr (kam_shared_get_limits_text (kam_window_get_shared (window)), ==,
                   "The server lets seoul change only the figures of South Korea.");
  here = kam_window_get_dataset (window);
  show_figures (window);
  theirs = find_cell (window, KAM_FIGURE_FIELD_VALUE, figure_of (here, "MYS"));
  mine = find_cell (window, KAM_FIGURE_FIELD_VALUE, figure_of (here, "KOR"));
  {
    Search search = { GTK_WIDGET (window), KAM_TYPE_CHOICE_CELL, KAM_FIGURE_FIELD_COUNTRY, figure_of (here, "MYS"), NULL };

    g_assert_true (wait_for (cell_exists, &search));
    their_country = search.found;
  }
  g_assert_nonnull (theirs);
  g_assert_nonnull (mine);
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (theirs)));
  g_assert_true (gtk_widget_has_css_class (theirs, "read-only"));
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (mine)));
  g_assert_true (KAM_IS_CHOICE_CELL (their_country));
  g_assert_true (kam_choice_cell_get_read_only (KAM_CHOICE_CELL (their_country)));
  /* typing on Malaysia's value changes nothing */
  type_text (theirs, "5");
  press_enter (theirs);
  iterate ();
  g_assert_cmpfloat (value_of (window, figure_of (here, "MYS")), ==, 4000);
  g_assert_cmpuint (kam_shared_count_changes (kam_window_get_shared (window)), ==, 0);
  /* Korea's, as ever */
  edit_cell (mine, "9,990");
  g_assert_cmpfloat (value_of (window, figure_of (here, "KOR")), ==, 9990);
  g_assert_cmpuint (kam_shared_count_changes (kam_window_get_shared (window)), ==, 1);
  close_window (window);
}

static gboolean
says_offline (gpointer window)
{
  return label_matches (GTK_WIDGET (window), "Offline — 1 change waiting", TRUE);
}

/* The server goes away: the window says Offline and how many changes wait;
 * a save then fails and keeps the edit; once the server is back, the
 * window saves what waited by itself. */
static void
test_offline_then_back (void)
{
  g_autofree char *address = kam_test_db_new ();
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("entry.kamlang");
  KamWindow *window = kam_window_new (NULL);
  ServerSearch on_server = { address, "MYS", "4444" };
  DialogSearch search = { window, "Save to the Shared Dataset" };
  KamDataset *here;

  g_assert_true (kam_db_init (address, dataset, NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 500);
  open_shared_in (window, address, NULL);
  here = kam_window_get_dataset (window);
  g_assert_true (kam_dataset_set_figure_value (here, figure_of (here, "MYS"), 4444, NULL));

  kam_test_db_control ("stop-now");
  g_assert_true (wait_for (says_offline, window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (wait_for (dialog_shown, &search));
  respond (dialog_of (GTK_WINDOW (window)), "save");
  g_assert_true (wait_for (says_offline, window));
  g_assert_cmpuint (kam_shared_count_changes (kam_window_get_shared (window)), ==, 1);

  kam_test_db_control ("start");
  g_assert_true (wait_for (server_has, &on_server));
  close_window (window);

  /* the copy kept here: with the server away, a new window opens it, with
   * an edit made there and closed unsaved; the edit reaches the server once
   * it is back */
  {
    KamWindow *second = kam_window_new (NULL);
    g_autoptr (KamDataset) other = kam_test_load_fixture ("entry.kamlang");

    open_shared_in (second, address, NULL);
    here = kam_window_get_dataset (second);
    g_assert_true (kam_dataset_set_figure_value (here, figure_of (here, "MYS"), 5555, NULL));
    /* (left without saving, for another document: the copy keeps the edit) */
    kam_window_set_document (second, other, NULL);
    g_assert_null (kam_window_get_shared (second));
    close_window (second);
  }
  kam_test_db_control ("stop-now");
  {
    KamWindow *third = kam_window_new (NULL);
    ServerSearch edited = { address, "MYS", "5555" };

    open_shared_in (third, address, NULL);
    here = kam_window_get_dataset (third);
    g_assert_cmpfloat (value_of (third, figure_of (here, "MYS")), ==, 5555);
    g_assert_true (wait_for (says_offline, third));
    kam_test_db_control ("start");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (third), "win.save", NULL));
    search.window = third;
    g_assert_true (wait_for (dialog_shown, &search));
    respond (dialog_of (GTK_WINDOW (third)), "save");
    g_assert_true (wait_for (server_has, &edited));
    close_window (third);
  }
}

/* Edits left unsaved when the window went (as when Kamlang stops) come back
 * with the server up, on top of what others saved meanwhile; they are kept
 * in the shared dataset's copy, never as a file's draft. */
static void
test_unsaved_edits_come_back (void)
{
  g_autofree char *address = kam_test_db_new ();
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("entry.kamlang");
  g_autoptr (KamDataset) other_document = kam_test_load_fixture ("entry.kamlang");
  g_autoptr (KamShared) other = NULL;
  KamWindow *first = kam_window_new (NULL), *second;
  KamDataset *here;

  g_assert_true (kam_db_init (address, dataset, NULL));
  kam_window_set_draft_delay (first, 50);
  open_shared_in (first, address, NULL);
  here = kam_window_get_dataset (first);
  g_assert_true (kam_dataset_set_figure_value (here, figure_of (here, "MYS"), 6666, NULL));
  /* (a file's draft would be written by now: the window's own draft file) */
  for (guint i = 0; i < 10; i++)
    {
      g_usleep (50 * 1000);
      iterate ();
    }
  {
    g_autofree char *name = g_strconcat (kam_window_get_draft_id (first), ".kamlang", NULL);
    g_autofree char *path = g_build_filename (g_get_user_data_dir (), "kamlang", "drafts", name, NULL);

    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }
  kam_window_set_document (first, other_document, NULL);
  close_window (first);

  /* someone else saves Korea meanwhile */
  other = kam_shared_open (address, NULL);
  g_assert_true (kam_dataset_set_figure_value (kam_shared_get_dataset (other),
                                               figure_of (kam_shared_get_dataset (other), "KOR"), 9111, NULL));
  g_assert_true (kam_shared_save (other, NULL, NULL, NULL));

  second = kam_window_new (NULL);
  open_shared_in (second, address, NULL);
  here = kam_window_get_dataset (second);
  g_assert_cmpfloat (value_of (second, figure_of (here, "MYS")), ==, 6666);
  g_assert_cmpfloat (value_of (second, figure_of (here, "KOR")), ==, 9111);
  g_assert_cmpuint (kam_shared_count_changes (kam_window_get_shared (second)), ==, 1);
  g_assert_true (label_matches (GTK_WIDGET (second), "Connected", TRUE));
  g_assert_true (kam_shared_save (kam_window_get_shared (second), NULL, NULL, NULL));
  {
    g_autofree char *value = server_value (address, "MYS");

    g_assert_cmpstr (value, ==, "6666");
  }
  close_window (second);
}

/* The keyring path (run by tests/with-keyring, a D-Bus session and a GNOME
 * keyring of its own): a password typed once is kept in the keyring once
 * it works, never in a file; opened again, the server asks and the keyring
 * answers. */
static void
test_keyring (void)
{
  g_autofree char *address = kam_test_db_new ();
  g_autofree char *as_keyuser = NULL;
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("entry.kamlang");
  g_autoptr (GError) error = NULL;
  KamWindow *window;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL || g_getenv ("KAM_TEST_KEYRING") == NULL)
    {
      g_test_skip ("no keyring of the test's own (tests/with-keyring)");
      return;
    }
  g_assert_true (kam_db_init (address, dataset, NULL));
  g_free (kam_test_db_value (address, "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'keyuser')"
                                      " THEN CREATE ROLE keyuser LOGIN PASSWORD 'open sesame'; END IF; END $$"));
  g_free (kam_test_db_value (address, "SELECT kamlang.grant_role ('keyuser', true, NULL, NULL)"));
  kam_test_db_control ("password-for keyuser");
  as_keyuser = g_strdup_printf ("%s user=keyuser", address);
  /* the server asks */
  g_assert_null (kam_shared_open (as_keyuser, &error));
  g_assert_error (error, KAM_ERROR, KAM_ERROR_PASSWORD);
  g_clear_error (&error);

  /* typed once: opened, and kept */
  window = kam_window_new (NULL);
  open_shared_in (window, as_keyuser, "open sesame");
  close_window (window);

  /* opened again without it: the keyring's */
  window = kam_window_new (NULL);
  open_shared_in (window, as_keyuser, NULL);
  g_assert_true (label_matches (GTK_WIDGET (window), "Connected", TRUE));
  /* an edit left unsaved: opened again, the copy with it, connected by the
   * keyring's password */
  {
    g_autoptr (KamDataset) other = kam_test_load_fixture ("entry.kamlang");
    KamDataset *here = kam_window_get_dataset (window);

    g_assert_true (kam_dataset_set_figure_value (here, figure_of (here, "MYS"), 4242, NULL));
    kam_window_set_document (window, other, NULL);
  }
  close_window (window);
  window = kam_window_new (NULL);
  open_shared_in (window, as_keyuser, NULL);
  g_assert_cmpfloat (value_of (window, figure_of (kam_window_get_dataset (window), "MYS")), ==, 4242);
  g_assert_true (kam_shared_get_connected (kam_window_get_shared (window)));
  g_assert_true (label_matches (GTK_WIDGET (window), "Connected", TRUE));
  close_window (window);
  /* never in a file of Kamlang's: settings, caches, drafts */
  {
    const char *const folders[] = { g_get_user_cache_dir (), g_get_user_config_dir (), NULL };

    for (guint f = 0; folders[f] != NULL; f++)
      {
        g_autofree char *out = NULL;
        g_autofree char *command = g_strdup_printf ("grep -rl 'open sesame' %s", folders[f]);
        int status = 0;

        g_assert_true (g_spawn_command_line_sync (command, &out, NULL, &status, NULL));
        g_assert_cmpstr (out, ==, "");
      }
  }
}

static gboolean
history_says_newest (gpointer window)
{
  return label_matches (GTK_WIDGET (window), "The newest 5,000 changes are shown", FALSE);
}

/* A long history: the page reads the newest 5,000 changes and says so;
 * History of the Figure brings that figure's older ones too. */
static void
test_long_history (void)
{
  g_autofree char *address = kam_test_db_new ();
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("entry.kamlang");
  KamWindow *window = kam_window_new (NULL);
  HistorySearch early = { window, "value 4000 → 4321" };

  g_assert_true (kam_db_init (address, dataset, NULL));
  /* Malaysia's one change, then 5,200 of Korea's */
  g_free (kam_test_db_value (address, "SELECT set_config ('kamlang.description', 'early', false);"
                                      " UPDATE kamlang.figures SET value = 4321 WHERE country = 'MYS';"
                                      " DO $$ BEGIN FOR i IN 1..2600 LOOP"
                                      "   UPDATE kamlang.figures SET value = value + 1 WHERE country = 'KOR';"
                                      " END LOOP; END $$;"
                                      " SELECT count (*) FROM kamlang.history"));
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 500);
  open_shared_in (window, address, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "history"));
  g_assert_true (wait_for (history_says_newest, window));
  g_assert_false (history_shows (&early));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.figure-history", "u",
                                             figure_of (kam_window_get_dataset (window), "MYS")));
  g_assert_true (wait_for (history_shows, &early));
  close_window (window);
}

static void
collect_checks (GtkWidget *widget, GPtrArray *found)
{
  if (GTK_IS_CHECK_BUTTON (widget))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_checks (child, found);
}

/* Two conflicts settled one by one: mine for Korea, theirs for Malaysia. */
static void
test_conflicts_one_by_one (void)
{
  g_autofree char *address = kam_test_db_new ();
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("entry.kamlang");
  g_autoptr (KamShared) other = NULL;
  g_autoptr (GPtrArray) checks = g_ptr_array_new ();
  KamWindow *window = kam_window_new (NULL);
  DialogSearch search = { window, "Save to the Shared Dataset" };
  ServerSearch korea = { address, "KOR", "1111" };
  ValueSearch malaysia = { window, "MYS", 2222 };
  AdwMessageDialog *dialog;
  KamDataset *here;

  g_assert_true (kam_db_init (address, dataset, NULL));
  open_shared_in (window, address, NULL);
  here = kam_window_get_dataset (window);
  g_assert_true (kam_dataset_set_figure_value (here, figure_of (here, "KOR"), 1111, NULL));
  g_assert_true (kam_dataset_set_figure_value (here, figure_of (here, "MYS"), 1112, NULL));
  other = kam_shared_open (address, NULL);
  g_assert_true (kam_dataset_set_figure_value (kam_shared_get_dataset (other),
                                               figure_of (kam_shared_get_dataset (other), "KOR"), 2221, NULL));
  g_assert_true (kam_dataset_set_figure_value (kam_shared_get_dataset (other),
                                               figure_of (kam_shared_get_dataset (other), "MYS"), 2222, NULL));
  g_assert_true (kam_shared_save (other, NULL, NULL, NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (wait_for (dialog_shown, &search));
  respond (dialog_of (GTK_WINDOW (window)), "save");
  search.heading = "Someone Else Changed These";
  g_assert_true (wait_for (dialog_shown, &search));
  dialog = dialog_of (GTK_WINDOW (window));
  collect_checks (GTK_WIDGET (dialog), checks);
  g_assert_cmpuint (checks->len, ==, 2);
  /* Korea's first (the figures' order), each "Keep mine" at first */
  g_assert_true (gtk_check_button_get_active (g_ptr_array_index (checks, 0)));
  gtk_check_button_set_active (g_ptr_array_index (checks, 1), FALSE);
  respond (dialog, "chosen");
  g_assert_true (wait_for (server_has, &korea));
  g_assert_true (wait_for (window_has, &malaysia));
  {
    g_autofree char *mys = server_value (address, "MYS");

    g_assert_cmpstr (mys, ==, "2222");
  }
  close_window (window);
}

int
main (int argc, char **argv)
{
  int status = kam_test_ui_init (&argc, &argv);

  if (status >= 0)
    return status;
  if (g_getenv ("PGHOST") == NULL)
    {
      g_test_skip ("no server: run under tests/with-postgres");
      return g_test_run ();
    }
  g_test_add_func ("/kamlang/window/shared", test_shared_window);
  g_test_add_func ("/kamlang/window/shared-offline", test_offline_then_back);
  g_test_add_func ("/kamlang/window/shared-conflicts-one-by-one", test_conflicts_one_by_one);
  g_test_add_func ("/kamlang/window/shared-limited-role", test_limited_role);
  g_test_add_func ("/kamlang/window/shared-long-history", test_long_history);
  g_test_add_func ("/kamlang/window/shared-keyring", test_keyring);
  g_test_add_func ("/kamlang/window/shared-unsaved-edits-come-back", test_unsaved_edits_come_back);
  return g_test_run ();
}
