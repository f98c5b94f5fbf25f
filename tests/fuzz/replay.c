/* replay.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Runs a fuzz harness over saved inputs, without libFuzzer: the seed corpus
 * and every input that once crashed, kept as regressions. TAP output, one test
 * per folder. */

#include <glib.h>
#include "fuzz-common.h"

static void
replay_folder (gconstpointer data)
{
  const char *path = data;
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  if (dir == NULL)
    {
      g_test_skip ("no such folder");
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_get_contents (file, &contents, &length, NULL))
        continue;
      LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
      n++;
    }
  g_test_message ("%u inputs from %s", n, path);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (int i = 1; i < argc; i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/kamlang/fuzz-replay/%d", i);
      g_test_add_data_func (test_path, argv[i], replay_folder);
    }
  return g_test_run ();
}
