/* test-torture.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* kill -9 during saves: a child saves a dataset of 200,000 figures over the
 * previous version and is killed at a random moment, 100 times. The file is
 * always the whole old or the whole new version, and the temporary files of
 * the killed saves are gone after the next save. */

#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include "kam-file.h"
#include "kam-test-utils.h"

#define N_FIGURES 200000
#define N_KILLS 100

static KamDataset *
big_dataset (guint seed)
{
  KamDataset *dataset = kam_test_load_fixture ("good.kamlang");
  g_autoptr (GArray) rows = g_array_sized_new (FALSE, FALSE, sizeof (KamFigureRow), N_FIGURES);
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  const char *countries[] = { "JPN", "KOR", NULL };
  g_autoptr (GError) error = NULL;

  int province = kam_dataset_find_dimension (dataset, "province");
  int age = kam_dataset_find_dimension (dataset, "age");
  int sector = kam_dataset_find_dimension (dataset, "sector");

  g_assert_cmpint (MIN (province, MIN (age, sector)), >=, 0);
  for (guint i = 0; i < N_FIGURES; i++)
    {
      /* each figure its own key: by province (never the total), age, sector,
       * country and year */
      guint j = i / 25;
      KamFigureRow row = { NULL, 0, g_intern_string ("workers"),
                           floor (g_rand_double_range (rand, 0, 1e6)), g_intern_string ("s1"), NULL };

      row.members[province] = 1 + i % 25;
      row.members[age] = j % 12;
      j /= 12;
      row.members[sector] = j % 8;
      j /= 8;
      row.country = countries[j % 3];
      row.year = 1950 + j / 3;
      row.qualifier = g_rand_int_range (rand, 0, KAM_N_QUALIFIERS);
      g_array_append_val (rows, row);
    }
  g_assert_true (kam_dataset_add_figures (dataset, (KamFigureRow *) rows->data, rows->len, NULL, &error));
  g_assert_no_error (error);
  return dataset;
}

static guint
count_temporaries (const char *dir_path)
{
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (kam_file_is_temporary_for (name, "target.kamlang") || kam_file_is_temporary_for (name, "target.kamlang~"))
      {
        GStatBuf st;
        g_autofree char *path = g_build_filename (dir_path, name, NULL);

        g_stat (path, &st);
        /* which one, for a failure's message */
        g_test_message ("temporary file %s: %" G_GOFFSET_FORMAT " bytes, %u links", name, (goffset) st.st_size,
                        (guint) st.st_nlink);
        n++;
      }
  return n;
}

static void
test_kill_during_save (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kam-torture-XXXXXX", NULL);
  g_autofree char *target = g_build_filename (dir, "target.kamlang", NULL);
  g_autofree char *scratch = g_build_filename (dir, "scratch.kamlang", NULL);
  g_autoptr (KamDataset) old_dataset = big_dataset (1);
  g_autoptr (KamDataset) new_dataset = big_dataset (2);
  g_autoptr (GFile) target_file = g_file_new_for_path (target);
  g_autoptr (GFile) scratch_file = g_file_new_for_path (scratch);
  gsize old_length, new_length;
  g_autofree char *old_bytes = kam_dataset_to_data (old_dataset, &old_length);
  g_autofree char *new_bytes = kam_dataset_to_data (new_dataset, &new_length);
  g_autoptr (GError) error = NULL;
  guint outcomes[2] = { 0, 0 }, max_left = 0;
  gint64 start, save_us;

  /* how long one save takes here, to spread the kills over it */
  start = g_get_monotonic_time ();
  g_assert_true (kam_dataset_save_file (new_dataset, scratch_file, FALSE, &error));
  save_us = MAX (g_get_monotonic_time () - start, 1000);
  g_test_message ("one save of %u figures (%" G_GSIZE_FORMAT " bytes): %" G_GINT64_FORMAT " ms",
                  N_FIGURES, new_length, save_us / 1000);
  g_unlink (scratch);

  for (guint i = 0; i < N_KILLS; i++)
    {
      g_autofree char *now = NULL;
      gsize now_length = 0;
      gint64 delay = g_test_rand_int_range (0, (gint32) MIN (save_us * 13 / 10, G_MAXINT32));
      pid_t child;
      int status;

      /* the old version, written plainly (not through the writer under test,
       * which would clean up what the last kill left) */
      g_assert_true (g_file_set_contents (target, old_bytes, old_length, NULL));
      child = fork ();
      g_assert_cmpint (child, >=, 0);
      if (child == 0)
        _exit (kam_dataset_save_file (new_dataset, target_file, TRUE, NULL) ? 0 : 1);
      g_usleep (delay);
      kill (child, SIGKILL);
      g_assert_cmpint (waitpid (child, &status, 0), ==, child);

      g_assert_true (g_file_get_contents (target, &now, &now_length, NULL));
      if (now_length == old_length && memcmp (now, old_bytes, old_length) == 0)
        outcomes[0]++;
      else if (now_length == new_length && memcmp (now, new_bytes, new_length) == 0)
        outcomes[1]++;
      else
        g_error ("kill %u after %" G_GINT64_FORMAT " µs left a file that is neither version (%" G_GSIZE_FORMAT " bytes)",
                 i, delay, now_length);
      max_left = MAX (max_left, count_temporaries (dir));
    }
  g_test_message ("%u kills: old version %u times, new version %u times; at most %u temporary files left",
                  N_KILLS, outcomes[0], outcomes[1], max_left);

  /* the next save cleans up what the kills left */
  g_assert_true (kam_dataset_save_file (new_dataset, target_file, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_temporaries (dir), ==, 0);
  {
    g_autofree char *now = NULL;
    gsize now_length = 0;
    g_autofree char *backup = g_strconcat (target, "~", NULL);

    g_assert_true (g_file_get_contents (target, &now, &now_length, NULL));
    g_assert_cmpmem (now, now_length, new_bytes, new_length);
    g_unlink (backup);
  }
  g_unlink (target);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kamlang/torture/kill-during-save", test_kill_during_save);
  return g_test_run ();
}
