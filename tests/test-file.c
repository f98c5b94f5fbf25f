/* test-file.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Saving never loses the file: faults injected into the real kamlang binary
 * (a full disk, a failing disk, a file size limit, a full tmpfs), links, modes,
 * leftovers of killed saves; and reads that refuse what is not a file. */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "kam-csv.h"
#include "kam-file.h"
#include "kam-types.h"
#include "kam-test-utils.h"
#include "kam-wdi.h"

typedef struct
{
  char *dir;
  char *target;
  char *csv;
  char *original;
  gsize original_length;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *good = kam_test_fixture ("good.kamlang");
  g_autoptr (GString) csv = g_string_new ("country,year,indicator,sex,value,source,note\n");

  f->dir = g_dir_make_tmp ("kam-file-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->target = g_build_filename (f->dir, "target.kamlang", NULL);
  f->csv = g_build_filename (f->dir, "add.csv", NULL);
  g_assert_true (g_file_get_contents (good, &f->original, &f->original_length, NULL));
  g_assert_true (g_file_set_contents (f->target, f->original, f->original_length, NULL));
  g_assert_cmpint (g_chmod (f->target, 0600), ==, 0);
  /* enough new figures that the new version is much larger than the old */
  for (int year = 1900; year < 2100; year++)
    g_string_append_printf (csv, "JPN,%d,workers,men,%d,s1,a note long enough to take some room\n", year,
                            year * 7);
  g_assert_true (g_file_set_contents (f->csv, csv->str, csv->len, NULL));
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->target);
  g_free (f->csv);
  g_free (f->original);
}

static void
assert_file_is (const char *path, const char *data, gsize length)
{
  g_autofree char *now = NULL;
  gsize now_length = 0;

  g_assert_true (g_file_get_contents (path, &now, &now_length, NULL));
  g_assert_cmpmem (now, now_length, data, length);
}

/* Nothing in the folder but the given names. */
static void
assert_folder_holds (const char *path, const char *const *names)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_strv_contains (names, name))
      g_error ("unexpected file left in %s: %s", path, name);
}

static void
child_limit_file_size (gpointer data)
{
  struct rlimit limit = { GPOINTER_TO_UINT (data), GPOINTER_TO_UINT (data) };

  setrlimit (RLIMIT_FSIZE, &limit);
}

/* Runs kamlang; fault is KAM_FAULT for the preloaded injector, or NULL. */
static int
run_kamlang (const char *const *args, const char *fault, guint file_size_limit, char **err)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_auto (GStrv) env = g_get_environ ();
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  int status = -1;

  g_ptr_array_add (argv, (char *) g_getenv ("KAMLANG_BINARY"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  env = g_environ_unsetenv (env, "DISPLAY");
  if (fault != NULL)
    {
      const char *asan = g_environ_getenv (env, "ASAN_OPTIONS");
      g_autofree char *asan_options = g_strdup_printf ("%s%sverify_asan_link_order=0",
                                                       asan ? asan : "", asan ? ":" : "");

      env = g_environ_setenv (env, "LD_PRELOAD", g_getenv ("KAM_FAULT_MODULE"), TRUE);
      env = g_environ_setenv (env, "KAM_FAULT", fault, TRUE);
      env = g_environ_setenv (env, "ASAN_OPTIONS", asan_options, TRUE);
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT,
                               file_size_limit ? child_limit_file_size : NULL,
                               GUINT_TO_POINTER (file_size_limit), &out, err, &status, &error));
  g_assert_no_error (error);
  if (WIFSIGNALED (status))
    g_error ("kamlang was killed by signal %d: %s", WTERMSIG (status), *err);
  return WEXITSTATUS (status);
}

/* Imports the CSV into the target and saves over it, with a fault. */
static void
assert_failed_save_changes_nothing (Fixture *f, const char *fault, guint file_size_limit,
                                    const char *reason)
{
  const char *args[] = { "--import-csv", f->csv, "-o", f->target, f->target, NULL };
  const char *left[] = { "target.kamlang", "add.csv", NULL };
  g_autofree char *err = NULL;
  GStatBuf st;

  g_assert_cmpint (run_kamlang (args, fault, file_size_limit, &err), ==, 1);
  g_test_message ("%s: %s", fault ? fault : "file size limit", err);
  /* the message names the file and says what happened */
  g_assert_nonnull (strstr (err, f->target));
  g_assert_nonnull (strstr (err, reason));
  g_assert_nonnull (strstr (err, "The file was not changed"));
  assert_file_is (f->target, f->original, f->original_length);
  g_assert_cmpint (g_stat (f->target, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  assert_folder_holds (f->dir, left);
}

static void
test_full_disk (Fixture *f, gconstpointer data)
{
  /* nothing written at all, a short write in the middle, a write near the end */
  assert_failed_save_changes_nothing (f, "enospc:0", 0, "the disk is full");
  assert_failed_save_changes_nothing (f, "enospc:1000", 0, "the disk is full");
  assert_failed_save_changes_nothing (f, "enospc:15000", 0, "the disk is full");
}

static void
test_failing_disk (Fixture *f, gconstpointer data)
{
  assert_failed_save_changes_nothing (f, "eio:100", 0, "the disk reported an error");
  assert_failed_save_changes_nothing (f, "fsync", 0, "the disk reported an error");
  assert_failed_save_changes_nothing (f, "close", 0, "the disk reported an error");
  assert_failed_save_changes_nothing (f, "rename", 0, "the disk reported an error");
}

static void
test_file_size_limit (Fixture *f, gconstpointer data)
{
  /* a real limit of the kernel (RLIMIT_FSIZE): kamlang ignores SIGXFSZ itself */
  assert_failed_save_changes_nothing (f, NULL, 4096, "larger than this system allows");
}

static void
test_full_tmpfs (Fixture *f, gconstpointer data)
{
  g_autofree char *mount = g_build_filename (f->dir, "small", NULL);
  g_autofree char *target = g_build_filename (mount, "target.kamlang", NULL);
  g_autofree char *filler = g_build_filename (mount, "filler", NULL);
  const char *mount_args[] = { "mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", mount, NULL };
  const char *umount_args[] = { "umount", mount, NULL };
  const char *args[] = { "--import-csv", f->csv, "-o", target, target, NULL };
  const char *left[] = { "target.kamlang", "filler", NULL };
  g_autofree char *err = NULL;
  g_autofree char *block = g_malloc0 (4096);
  int status = -1, fd;

  g_assert_cmpint (g_mkdir (mount, 0700), ==, 0);
  if (!g_spawn_sync (NULL, (char **) mount_args, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL)
      || !g_spawn_check_wait_status (status, NULL))
    {
      g_test_skip ("cannot mount a tmpfs here (not root, or no permission)");
      return;
    }
  g_assert_true (g_file_set_contents (target, f->original, f->original_length, NULL));
  /* fill the disk but for a few kilobytes */
  fd = open (filler, O_WRONLY | O_CREAT, 0600);
  while (write (fd, block, 4096) == 4096)
    ;
  /* leave 8 KB free: less than the new version needs */
  g_assert_cmpint (ftruncate (fd, lseek (fd, 0, SEEK_END) - 8192), ==, 0);
  close (fd);
  g_assert_cmpint (run_kamlang (args, NULL, 0, &err), ==, 1);
  g_test_message ("full tmpfs: %s", err);
  g_assert_nonnull (strstr (err, "the disk is full"));
  assert_file_is (target, f->original, f->original_length);
  assert_folder_holds (mount, left);
  g_spawn_sync (NULL, (char **) umount_args, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                NULL, NULL);
}

/* A good save (with the given fault, or none): the file keeps its mode 0600,
 * the previous version is FILE~ with the same mode, nothing else is left.
 * Returns the inode of the backup. */
static guint64
assert_save_keeps_mode_and_backup (Fixture *f, const char *fault)
{
  const char *args[] = { "--import-csv", f->csv, "-o", f->target, f->target, NULL };
  g_autofree char *err = NULL;
  g_autofree char *backup = g_strconcat (f->target, "~", NULL);
  const char *left[] = { "target.kamlang", "target.kamlang~", "add.csv", NULL };
  GStatBuf st;

  g_assert_cmpint (run_kamlang (args, fault, 0, &err), ==, 0);
  g_assert_cmpint (g_stat (f->target, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  assert_file_is (backup, f->original, f->original_length);
  assert_folder_holds (f->dir, left);
  return st.st_ino;
}

static void
test_save_keeps_mode_and_backup (Fixture *f, gconstpointer data)
{
  GStatBuf before;

  g_assert_cmpint (g_stat (f->target, &before), ==, 0);
  /* the backup is the original itself, hard-linked */
  g_assert_cmpuint (assert_save_keeps_mode_and_backup (f, NULL), ==, before.st_ino);
}

/* A save killed after it made the backup and before its new file took the
 * name leaves FILE~ a link to FILE itself: the next save keeps it and leaves
 * no temporary link behind (rename() of one link onto another of the same
 * file does nothing). */
static void
test_backup_already_current (Fixture *f, gconstpointer data)
{
  g_autofree char *backup = g_strconcat (f->target, "~", NULL);
  const char *left[] = { "target.kamlang", "target.kamlang~", "add.csv", NULL };
  GStatBuf before, after;

  g_assert_cmpint (link (f->target, backup), ==, 0);
  g_assert_cmpint (g_stat (f->target, &before), ==, 0);
  g_assert_true (kam_file_write (f->target, "new", 3, KAM_WRITE_BACKUP, NULL));
  assert_file_is (f->target, "new", 3);
  assert_file_is (backup, f->original, f->original_length);
  g_assert_cmpint (g_stat (backup, &after), ==, 0);
  g_assert_cmpuint (after.st_ino, ==, before.st_ino);
  assert_folder_holds (f->dir, left);
}

/* Where hard links are refused, the backup is a copy, with the same mode. */
static void
test_backup_without_hard_links (Fixture *f, gconstpointer data)
{
  GStatBuf before;

  g_assert_cmpint (g_stat (f->target, &before), ==, 0);
  g_assert_cmpuint (assert_save_keeps_mode_and_backup (f, "nolink"), !=, before.st_ino);
}

static void
test_symlink (Fixture *f, gconstpointer data)
{
  g_autofree char *real_dir = g_build_filename (f->dir, "real", NULL);
  g_autofree char *real = g_build_filename (real_dir, "data.kamlang", NULL);
  g_autofree char *link = g_build_filename (f->dir, "link.kamlang", NULL);
  g_autofree char *backup = g_strconcat (real, "~", NULL);
  const char *args[] = { "--import-csv", f->csv, "-o", link, link, NULL };
  g_autofree char *err = NULL, *err2 = NULL;
  g_autoptr (GFile) file = g_file_new_for_path (link);
  g_autoptr (KamDataset) saved = NULL;
  GStatBuf st;

  g_assert_cmpint (g_mkdir (real_dir, 0700), ==, 0);
  g_assert_cmpint (g_rename (f->target, real), ==, 0);
  g_assert_cmpint (symlink ("real/data.kamlang", link), ==, 0);

  /* a failed save through the link: the file behind it is whole */
  g_assert_cmpint (run_kamlang (args, "enospc:2000", 0, &err), ==, 1);
  assert_file_is (real, f->original, f->original_length);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));

  /* a good one: the link stays a link, the file behind it is replaced */
  g_assert_cmpint (run_kamlang (args, NULL, 0, &err2), ==, 0);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_cmpint (g_stat (real, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  assert_file_is (backup, f->original, f->original_length);
  saved = kam_dataset_load_file (file, NULL, NULL);
  g_assert_nonnull (saved);
  g_assert_cmpuint (kam_figure_table_get_n_rows (kam_dataset_get_figures (saved)), >, 200);
}

static void
test_hard_link (Fixture *f, gconstpointer data)
{
  g_autofree char *other = g_build_filename (f->dir, "other-name.kamlang", NULL);
  const char *args[] = { "--import-csv", f->csv, "-o", f->target, f->target, NULL };
  g_autofree char *err = NULL, *err2 = NULL;
  g_autofree char *now = NULL;

  g_assert_cmpint (link (f->target, other), ==, 0);
  g_assert_cmpint (run_kamlang (args, "enospc:3000", 0, &err), ==, 1);
  assert_file_is (f->target, f->original, f->original_length);
  assert_file_is (other, f->original, f->original_length);

  /* saved atomically: the other name keeps the previous version, whole */
  g_assert_cmpint (run_kamlang (args, NULL, 0, &err2), ==, 0);
  assert_file_is (other, f->original, f->original_length);
  g_assert_true (g_file_get_contents (f->target, &now, NULL, NULL));
  g_assert_cmpuint (strlen (now), >, f->original_length);
}

static void
test_stale_temporaries_removed (Fixture *f, gconstpointer data)
{
  g_autofree char *dead = g_build_filename (f->dir, ".target.kamlang.kamlang-tmp-0000dead", NULL);
  g_autofree char *busy = g_build_filename (f->dir, ".target.kamlang.kamlang-tmp-0000b05y", NULL);
  g_autofree char *other = g_build_filename (f->dir, ".other.kamlang.kamlang-tmp-0000dead", NULL);
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("good.kamlang");
  g_autoptr (GFile) file = g_file_new_for_path (f->target);
  g_autoptr (GError) error = NULL;
  int ready[2];
  pid_t child;
  char c;

  g_assert_true (g_file_set_contents (dead, "half a file", -1, NULL));
  g_assert_true (g_file_set_contents (busy, "being written", -1, NULL));
  g_assert_true (g_file_set_contents (other, "another file's", -1, NULL));
  /* another process is writing "busy" right now: it holds the lock */
  g_assert_cmpint (pipe (ready), ==, 0);
  child = fork ();
  if (child == 0)
    {
      int fd = open (busy, O_WRONLY);
      flock (fd, LOCK_EX);
      c = 1;
      (void) !write (ready[1], &c, 1);
      pause ();
      _exit (0);
    }
  g_assert_cmpint (read (ready[0], &c, 1), ==, 1);

  g_assert_true (kam_dataset_save_file (dataset, file, TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (dead, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (busy, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  kill (child, SIGKILL);
  waitpid (child, NULL, 0);
  /* its writer is gone: the next save removes it */
  g_assert_true (kam_dataset_save_file (dataset, file, TRUE, &error));
  g_assert_false (g_file_test (busy, G_FILE_TEST_EXISTS));
  close (ready[0]);
  close (ready[1]);
}

static void
test_csv_export_keeps_mode_and_link (Fixture *f, gconstpointer data)
{
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("good.kamlang");
  g_autofree char *real = g_build_filename (f->dir, "figures.csv", NULL);
  g_autofree char *link = g_build_filename (f->dir, "link.csv", NULL);
  g_autoptr (GError) error = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (real, "old", -1, NULL));
  g_assert_cmpint (g_chmod (real, 0600), ==, 0);
  g_assert_cmpint (symlink ("figures.csv", link), ==, 0);
  g_assert_true (kam_csv_export_file (dataset, link, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_cmpint (g_stat (real, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  g_assert_cmpuint (st.st_size, >, 3);
}

static void
test_write_new_file_mode (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "new.txt", NULL);
  g_autofree char *private = g_build_filename (f->dir, "private.txt", NULL);
  g_autoptr (GError) error = NULL;
  mode_t mask = umask (022);
  GStatBuf st;

  g_assert_true (kam_file_write (path, "x", 1, KAM_WRITE_BACKUP, &error));
  g_assert_true (kam_file_write (private, "x", 1, KAM_WRITE_PRIVATE, &error));
  umask (mask);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0644);
  g_assert_cmpint (g_stat (private, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  /* no backup of a file that did not exist */
  {
    g_autofree char *backup = g_strconcat (path, "~", NULL);
    g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  }
}

static void
test_write_refuses_non_files (Fixture *f, gconstpointer data)
{
  g_autofree char *fifo = g_build_filename (f->dir, "pipe", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) error2 = NULL;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_false (kam_file_write (fifo, "x", 1, KAM_WRITE_DEFAULT, &error));
  g_assert_nonnull (strstr (error->message, "named pipe"));
  g_assert_false (kam_file_write (f->dir, "x", 1, KAM_WRITE_DEFAULT, &error2));
  g_assert_nonnull (strstr (error2->message, "folder"));
}

/* ---- reading ------------------------------------------------------------------- */

static void
alarm_fired (int sig)
{
  g_error ("a read did not return within 10 seconds");
}

static void
assert_read_refused (const char *path, const char *what)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) csv_error = NULL;
  g_autoptr (GError) wdi_error = NULL;
  g_autoptr (KamDataset) dataset = NULL;
  g_autoptr (KamDataset) target = kam_test_load_fixture ("good.kamlang");
  g_autofree char *before = kam_dataset_to_data (target, NULL);
  g_autofree char *after = NULL;

  signal (SIGALRM, alarm_fired);
  alarm (10);
  dataset = kam_dataset_load_file (file, NULL, &error);
  g_assert_null (dataset);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, what));
  g_assert_false (kam_csv_import_file (target, path, NULL, &csv_error));
  g_assert_nonnull (strstr (csv_error->message, what));
  g_assert_false (kam_wdi_import (target, path, NULL, "workers", NULL, &wdi_error));
  g_assert_nonnull (strstr (wdi_error->message, what));
  alarm (0);
  after = kam_dataset_to_data (target, NULL);
  g_assert_cmpstr (before, ==, after);
}

static void
test_read_refuses_special_files (Fixture *f, gconstpointer data)
{
  g_autofree char *fifo = g_build_filename (f->dir, "pipe.kamlang", NULL);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_read_refused (fifo, "a named pipe (FIFO), not a file");
  /* the commands too: at once, not waiting for a writer that never comes */
  {
    const char *check[] = { "--check", fifo, NULL };
    const char *csv[] = { "--import-csv", fifo, "-o", f->target, f->target, NULL };
    const char *wdi[] = { "--import-wdi", fifo, "-o", f->target, f->target, NULL };
    const char *zero[] = { "--import-csv", "/dev/zero", "-o", f->target, f->target, NULL };
    const char *const *commands[] = { check, csv, wdi, zero };

    for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
      {
        g_autofree char *err = NULL;
        g_assert_cmpint (run_kamlang (commands[i], NULL, 0, &err), ==, 1);
        assert_file_is (f->target, f->original, f->original_length);
      }
  }
  assert_read_refused ("/dev/zero", "a device, not a file");
  assert_read_refused ("/dev/urandom", "a device, not a file");
  assert_read_refused (f->dir, "a folder, not a file");
}

static void
test_read_size_caps (Fixture *f, gconstpointer data)
{
  g_autofree char *huge_csv = g_build_filename (f->dir, "huge.csv", NULL);
  g_autofree char *huge_wdi = g_build_filename (f->dir, "API_huge.csv", NULL);
  g_autoptr (KamDataset) target = kam_test_load_fixture ("good.kamlang");
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) wdi_error = NULL;
  int fd;

  /* sparse: refused by its size, without reading or allocating it */
  fd = open (huge_csv, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint (ftruncate (fd, (off_t) KAM_MAX_CSV_SIZE + 1), ==, 0);
  close (fd);
  g_assert_false (kam_csv_import_file (target, huge_csv, NULL, &error));
  g_assert_error (error, KAM_ERROR, KAM_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "256 MiB"));
  g_assert_cmpint (g_rename (huge_csv, huge_wdi), ==, 0);
  g_assert_false (kam_wdi_import (target, huge_wdi, NULL, "workers", NULL, &wdi_error));
  g_assert_error (wdi_error, KAM_ERROR, KAM_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (wdi_error->message, "64 MiB"));
}

static void
test_read_proc_file (Fixture *f, gconstpointer data)
{
  /* files that say they are empty but are not: read to their end */
  g_autofree char *text = NULL;
  gsize length = 0;
  g_autoptr (GError) error = NULL;

  g_assert_true (kam_file_read ("/proc/self/status", 1 << 20, &text, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 0);
  g_assert_nonnull (strstr (text, "Name:"));
  g_assert_cmpuint (strlen (text), ==, length);
}

/* One writer at a time (issue 25): a write waits for the file's lock; a
 * lock held too long makes it give up with a message, writing nothing; the
 * lock file goes with the lock; a checked write refuses a file changed since
 * it was read (even to the same size), and tells the new file's stamp. */
static void
test_lock_and_checked_write (Fixture *f, gconstpointer data)
{
  g_autoptr (GFile) file = g_file_new_for_path (f->target);
  g_autofree char *lock_path = g_build_filename (f->dir, ".target.kamlang.kamlang-lock", NULL);
  g_autofree char *now = NULL;
  g_autoptr (GError) error = NULL;
  KamFileStamp read, after, written;
  KamFileLock *lock = kam_file_lock (f->target, 1000, &error);
  KamFileLock *second;
  gint64 t;

  g_assert_no_error (error);
  g_assert_nonnull (lock);
  g_assert_true (g_file_test (lock_path, G_FILE_TEST_EXISTS));
  /* another writer waits, then gives up */
  t = g_get_monotonic_time ();
  second = kam_file_lock (f->target, 200, &error);
  g_assert_null (second);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "target.kamlang"));
  g_assert_cmpint (g_get_monotonic_time () - t, >=, 150000);
  g_clear_error (&error);
  kam_file_unlock (lock);
  g_assert_false (g_file_test (lock_path, G_FILE_TEST_EXISTS));

  /* read, then changed in place to the same size: a checked write refuses */
  g_assert_true (kam_file_stamp_now (file, &read, NULL));
  g_assert_true (read.exists);
  g_assert_cmpuint (read.size, ==, f->original_length);
  {
    g_autofree char *changed = g_strdup (f->original);
    changed[f->original_length / 2] = changed[f->original_length / 2] == 'a' ? 'b' : 'a';
    FILE *out = fopen (f->target, "r+");
    g_assert_nonnull (out);
    g_assert_cmpuint (fwrite (changed, 1, f->original_length, out), ==, f->original_length);
    g_assert_cmpint (fclose (out), ==, 0);
  }
  g_assert_true (kam_file_stamp_now (file, &after, NULL));
  g_assert_false (kam_file_stamp_equal (&read, &after));
  g_assert_false (kam_file_write_checked (file, "new", 3, KAM_WRITE_BACKUP, NULL, &read, NULL, &error));
  g_assert_error (error, KAM_ERROR, KAM_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (f->target, &now, NULL, NULL));
  g_assert_cmpstr (now, !=, "new");
  /* as it is now: written, and its stamp is what is there */
  g_assert_true (kam_file_write_checked (file, "new", 3, KAM_WRITE_BACKUP, NULL, &after, &written, &error));
  g_assert_no_error (error);
  g_assert_true (kam_file_stamp_now (file, &read, NULL));
  g_assert_true (kam_file_stamp_equal (&read, &written));
  g_assert_false (g_file_test (lock_path, G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add ("/kamlang/file/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("full-disk", test_full_disk);
  ADD ("failing-disk", test_failing_disk);
  ADD ("file-size-limit", test_file_size_limit);
  ADD ("full-tmpfs", test_full_tmpfs);
  ADD ("keeps-mode-and-backup", test_save_keeps_mode_and_backup);
  ADD ("backup-already-current", test_backup_already_current);
  ADD ("backup-without-hard-links", test_backup_without_hard_links);
  ADD ("symlink", test_symlink);
  ADD ("hard-link", test_hard_link);
  ADD ("stale-temporaries-removed", test_stale_temporaries_removed);
  ADD ("csv-export-keeps-mode-and-link", test_csv_export_keeps_mode_and_link);
  ADD ("new-file-mode", test_write_new_file_mode);
  ADD ("write-refuses-non-files", test_write_refuses_non_files);
  ADD ("read-refuses-special-files", test_read_refuses_special_files);
  ADD ("read-size-caps", test_read_size_caps);
  ADD ("read-proc-file", test_read_proc_file);
  ADD ("lock-and-checked-write", test_lock_and_checked_write);
#undef ADD
  return g_test_run ();
}
