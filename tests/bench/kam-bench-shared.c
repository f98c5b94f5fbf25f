/* kam-bench-shared.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* tools/bench's shared dataset (issue 29), on a server of tests/with-postgres:
 *   kam-bench-shared ADDRESS FILE
 * where ADDRESS holds FILE (kamlang --db-init). Prints, each the median of
 * several runs in turns: opening the shared dataset beside opening FILE;
 * saving one changed figure; how long another client takes to have a save
 * (from the save's commit to its change applied there, heard by LISTEN). */

#include <math.h>
#include "kam-dataset-json.h"
#include "kam-shared.h"

static int
compare (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values, guint n)
{
  qsort (values, n, sizeof *values, compare);
  return values[n / 2];
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

int
main (int argc, char **argv)
{
  g_autoptr (GFile) file = NULL;
  double open_shared[5], open_file[5], save[21], live[21];
  g_autoptr (KamShared) writer = NULL, follower = NULL;
  KamFigureTable *table;
  guint figure = 0;

  if (argc != 3)
    {
      g_printerr ("usage: kam-bench-shared ADDRESS FILE\n");
      return 2;
    }
  file = g_file_new_for_commandline_arg (argv[2]);
  for (guint i = 0; i < G_N_ELEMENTS (open_shared); i++)
    {
      double start = now_ms ();
      KamShared *shared = kam_shared_open (argv[1], NULL);
      KamDataset *dataset;

      g_assert (shared != NULL);
      open_shared[i] = now_ms () - start;
      kam_shared_free (shared);
      start = now_ms ();
      dataset = kam_dataset_load_file (file, NULL, NULL);
      g_assert (dataset != NULL);
      open_file[i] = now_ms () - start;
      g_object_unref (dataset);
    }
  writer = kam_shared_open (argv[1], NULL);
  follower = kam_shared_open (argv[1], NULL);
  g_assert (writer != NULL && follower != NULL && kam_shared_listen (follower, NULL));
  table = kam_dataset_get_figures (kam_shared_get_dataset (writer));
  figure = kam_figure_table_get_id (table, kam_figure_table_get_n_rows (table) / 2);
  for (guint i = 0; i < G_N_ELEMENTS (save); i++)
    {
      KamDataset *dataset = kam_shared_get_dataset (writer);
      int r = kam_figure_table_find_row (table, figure);
      double value = kam_figure_table_get_value (table, (guint) r);
      double start;
      GPollFD fd;
      guint changed = 0;

      g_assert (kam_dataset_set_figure_value (dataset, figure, (isnan (value) ? 0 : value) + 1, NULL));
      start = now_ms ();
      g_assert (kam_shared_save (writer, "bench", NULL, NULL));
      save[i] = now_ms () - start;
      /* the follower hears it, and has it */
      while (changed == 0)
        {
          fd.fd = kam_shared_get_listen_socket (follower);
          fd.events = G_IO_IN;
          g_poll (&fd, 1, 1000);
          if (kam_shared_heard (follower))
            kam_shared_update (follower, &changed, NULL);
        }
      live[i] = now_ms () - start - save[i];
    }
  g_print ("open the shared dataset      %.0f ms (the file: %.0f ms; %.2fx)\n", median (open_shared, 5),
           median (open_file, 5), median (open_shared, 5) / median (open_file, 5));
  g_print ("save one changed figure      %.1f ms\n", median (save, G_N_ELEMENTS (save)));
  g_print ("another window has the save  %.1f ms after its commit\n", median (live, G_N_ELEMENTS (live)));
  return 0;
}
