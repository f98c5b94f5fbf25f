/* test-drafts.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Drafts left by a crash are found, whatever state their files are in; those
 * of a running process are not, whatever pid its .ini names. */

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include "kam-drafts.h"
#include "kam-test-utils.h"

static char *
drafts_file (const char *id, const char *extension)
{
  g_autofree char *name = g_strconcat (id, extension, NULL);

  return g_build_filename (g_get_user_data_dir (), "kamlang", "drafts", name, NULL);
}

static KamDraftInfo *
find_orphan (GPtrArray *orphans, const char *id)
{
  for (guint i = 0; i < orphans->len; i++)
    {
      KamDraftInfo *info = g_ptr_array_index (orphans, i);
      if (g_str_equal (info->id, id))
        return info;
    }
  return NULL;
}

/* A child process writes a draft and stays alive until killed. */
static pid_t
draft_in_child (const char *id, int *ready_fd)
{
  int fds[2];
  pid_t pid;

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  if (pid == 0)
    {
      g_autoptr (KamDataset) dataset = kam_test_load_fixture ("good.kamlang");
      char c = kam_draft_save (id, dataset, NULL, NULL) ? 1 : 0;

      (void) !write (fds[1], &c, 1);
      pause ();
      _exit (0);
    }
  close (fds[1]);
  *ready_fd = fds[0];
  return pid;
}

/* A draft left by a process killed with SIGKILL. */
static void
orphan_draft (const char *id)
{
  int ready;
  char c = 0;
  pid_t pid = draft_in_child (id, &ready);

  g_assert_cmpint (read (ready, &c, 1), ==, 1);
  g_assert_cmpint (c, ==, 1);
  kill (pid, SIGKILL);
  waitpid (pid, NULL, 0);
  close (ready);
}

static void
test_live_and_dead (void)
{
  g_autofree char *id = kam_draft_new_id ();
  g_autofree char *own = kam_draft_new_id ();
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("good.kamlang");
  g_autoptr (GPtrArray) while_alive = NULL;
  g_autoptr (GPtrArray) after_death = NULL;
  int ready;
  char c = 0;
  pid_t pid = draft_in_child (id, &ready);

  g_assert_cmpint (read (ready, &c, 1), ==, 1);
  g_assert_cmpint (c, ==, 1);
  /* this process's own draft is not an orphan either */
  g_assert_true (kam_draft_save (own, dataset, NULL, NULL));
  while_alive = kam_drafts_find_orphans ();
  g_assert_null (find_orphan (while_alive, id));
  g_assert_null (find_orphan (while_alive, own));

  kill (pid, SIGKILL);
  waitpid (pid, NULL, 0);
  close (ready);
  after_death = kam_drafts_find_orphans ();
  g_assert_nonnull (find_orphan (after_death, id));
  g_assert_null (find_orphan (after_death, own));
  kam_draft_delete (id);
  kam_draft_delete (own);
}

static void
test_reused_pid (void)
{
  /* The .ini of a dead process names a pid that is running again (this
   * one's): the draft is still offered. */
  g_autofree char *id = kam_draft_new_id ();
  g_autofree char *ini = drafts_file (id, ".ini");
  g_autofree char *data = drafts_file (id, ".kamlang");
  g_autofree char *lock = drafts_file (id, ".lock");
  g_autofree char *text = g_strdup_printf ("[Draft]\nProcess=%d\nSaved=1700000000\n", getpid ());
  g_autoptr (GPtrArray) orphans = NULL;

  orphan_draft (id);
  g_assert_true (g_file_set_contents (ini, text, -1, NULL));
  orphans = kam_drafts_find_orphans ();
  g_assert_nonnull (find_orphan (orphans, id));
  kam_draft_delete (id);
  g_assert_false (g_file_test (data, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
}

static void
assert_offered_without_details (const char *ini_text)
{
  g_autofree char *id = kam_draft_new_id ();
  g_autofree char *ini = drafts_file (id, ".ini");
  g_autoptr (GPtrArray) orphans = NULL;
  g_autoptr (KamDataset) restored = NULL;
  g_autoptr (GError) error = NULL;
  KamDraftInfo *info;

  orphan_draft (id);
  if (ini_text == NULL)
    g_assert_cmpint (g_unlink (ini), ==, 0);
  else
    g_assert_true (g_file_set_contents (ini, ini_text, -1, NULL));

  orphans = kam_drafts_find_orphans ();
  info = find_orphan (orphans, id);
  g_assert_nonnull (info);
  g_assert_true (info->details_lost);
  g_assert_null (info->file_uri);
  g_assert_cmpint (info->saved_at, >, 0);
  /* and its data can be restored */
  restored = kam_draft_load (id, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (restored);
  g_assert_true (kam_dataset_get_modified (restored));
  kam_draft_delete (id);
}

static void
test_missing_ini (void)
{
  assert_offered_without_details (NULL);
}

static void
test_corrupt_ini (void)
{
  assert_offered_without_details ("this is [not an ini file\n\x01\x02");
}

static void
test_leftovers_without_data_removed (void)
{
  g_autofree char *id = kam_draft_new_id ();
  g_autofree char *ini = drafts_file (id, ".ini");
  g_autoptr (GPtrArray) orphans = NULL;

  g_assert_true (g_file_set_contents (ini, "[Draft]\nSaved=1\n", -1, NULL));
  orphans = kam_drafts_find_orphans ();
  g_assert_null (find_orphan (orphans, id));
  g_assert_false (g_file_test (ini, G_FILE_TEST_EXISTS));
}

static void
test_failed_restore_removes (void)
{
  g_autofree char *id = kam_draft_new_id ();
  g_autofree char *data = drafts_file (id, ".kamlang");
  g_autofree char *ini = drafts_file (id, ".ini");
  g_autoptr (GPtrArray) orphans = NULL;
  g_autoptr (GPtrArray) again = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (KamDataset) dataset = NULL;

  g_assert_true (g_file_set_contents (data, "{ \"format\": \"kamlang\", \"versio", -1, NULL));
  g_assert_true (g_file_set_contents (ini, "[Draft]\nSaved=1\n", -1, NULL));
  orphans = kam_drafts_find_orphans ();
  g_assert_nonnull (find_orphan (orphans, id));
  dataset = kam_draft_load (id, NULL, &error);
  g_assert_null (dataset);
  g_assert_nonnull (strstr (error->message, "could not be restored and were removed"));
  g_assert_false (g_file_test (data, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (ini, G_FILE_TEST_EXISTS));
  /* not offered again at the next start */
  again = kam_drafts_find_orphans ();
  g_assert_null (find_orphan (again, id));
}

int
main (int argc, char **argv)
{
  g_autofree char *home = g_dir_make_tmp ("kam-drafts-XXXXXX", NULL);

  /* drafts of this test only, never the user's */
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  {
    g_autofree char *dir = g_build_filename (home, "kamlang", "drafts", NULL);
    g_mkdir_with_parents (dir, 0700);
  }
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kamlang/drafts/live-and-dead", test_live_and_dead);
  g_test_add_func ("/kamlang/drafts/reused-pid", test_reused_pid);
  g_test_add_func ("/kamlang/drafts/missing-ini", test_missing_ini);
  g_test_add_func ("/kamlang/drafts/corrupt-ini", test_corrupt_ini);
  g_test_add_func ("/kamlang/drafts/leftovers-without-data", test_leftovers_without_data_removed);
  g_test_add_func ("/kamlang/drafts/failed-restore-removes", test_failed_restore_removes);
  return g_test_run ();
}
