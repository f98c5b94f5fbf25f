/* test-bad-input.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Every fixture in tests/bad-input/ (.kamlang, CSV and WDI files, listed in
 * tests/bad-input/EXPECTED with the place and words their message must have)
 * is refused by the real kamlang binary: exit 1, a message that names the file
 * and the place, and the dataset it was to be imported into byte-identical,
 * with nothing else written beside it. How long each refusal took is reported
 * (not asserted: the machines are shared). */

#include <glib/gstdio.h>
#include <sys/wait.h>
#include "kam-test-utils.h"

typedef struct
{
  char *file;     /* relative to tests/bad-input */
  char *place;    /* what the message must contain: the place */
  char *words;    /* and what it says */
} Case;

static void
case_free (gpointer data)
{
  Case *c = data;

  g_free (c->file);
  g_free (c->place);
  g_free (c->words);
  g_free (c);
}

static GPtrArray *cases;
static gint64 slowest_us;
static char *slowest_name;

static void
load_cases (void)
{
  g_autofree char *manifest = g_test_build_filename (G_TEST_DIST, "bad-input", "EXPECTED", NULL);
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (manifest, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  cases = g_ptr_array_new_with_free_func (case_free);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) fields = NULL;
      Case *c;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      fields = g_strsplit (lines[i], "\t", 3);
      g_assert_cmpuint (g_strv_length (fields), ==, 3);
      c = g_new0 (Case, 1);
      c->file = g_strdup (fields[0]);
      c->place = g_strdup (fields[1]);
      c->words = g_strdup (fields[2]);
      g_ptr_array_add (cases, c);
    }
}

static void
test_bad_input (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "bad-input", c->file, NULL);
  g_autofree char *good = kam_test_fixture ("good.kamlang");
  g_autofree char *dir = g_dir_make_tmp ("kam-bad-XXXXXX", NULL);
  g_autofree char *target = g_build_filename (dir, "target.kamlang", NULL);
  g_autofree char *original = NULL, *after = NULL;
  g_autofree char *out = NULL, *err = NULL;
  gsize original_length, after_length;
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_auto (GStrv) env = g_environ_unsetenv (g_get_environ (), "DISPLAY");
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) listing = NULL;
  const char *name;
  int status = -1;
  gint64 start, took;

  g_assert_true (g_file_get_contents (good, &original, &original_length, NULL));
  g_assert_true (g_file_set_contents (target, original, original_length, NULL));

  g_ptr_array_add (argv, (char *) g_getenv ("KAMLANG_BINARY"));
  if (g_str_has_prefix (c->file, "kamlang/"))
    {
      g_ptr_array_add (argv, "--check");
      g_ptr_array_add (argv, path);
    }
  else
    {
      g_ptr_array_add (argv, g_str_has_prefix (c->file, "csv/") ? "--import-csv" : "--import-wdi");
      g_ptr_array_add (argv, path);
      if (g_str_has_prefix (c->file, "wdi/"))
        {
          g_ptr_array_add (argv, "--indicator");
          g_ptr_array_add (argv, "workers");
        }
      g_ptr_array_add (argv, "-o");
      g_ptr_array_add (argv, target);
      g_ptr_array_add (argv, target);
    }
  g_ptr_array_add (argv, NULL);

  start = g_get_monotonic_time ();
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, &out,
                               &err, &status, &error));
  took = g_get_monotonic_time () - start;
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_test_message ("%s (%" G_GINT64_FORMAT " ms): %s%s", c->file, took / 1000, out, err);
  if (took > slowest_us)
    {
      slowest_us = took;
      g_free (slowest_name);
      slowest_name = g_strdup (c->file);
    }

  /* the message names the file, the place, and what is wrong */
  {
    g_autofree char *all = g_strconcat (out, err, NULL);
    g_autofree char *base = g_path_get_basename (path);

    g_assert_nonnull (strstr (all, base));
    if (strstr (all, c->place) == NULL || strstr (all, c->words) == NULL)
      g_error ("%s: expected “%s” and “%s” in: %s", c->file, c->place, c->words, all);
  }

  /* nothing changed, nothing left */
  g_assert_true (g_file_get_contents (target, &after, &after_length, NULL));
  g_assert_cmpmem (after, after_length, original, original_length);
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_cmpstr (name, ==, "target.kamlang");
  g_unlink (target);
  g_rmdir (dir);
}

static void
test_enough_cases (void)
{
  guint kinds[3] = { 0, 0, 0 };

  for (guint i = 0; i < cases->len; i++)
    {
      Case *c = g_ptr_array_index (cases, i);
      kinds[g_str_has_prefix (c->file, "kamlang/") ? 0 : g_str_has_prefix (c->file, "csv/") ? 1 : 2]++;
    }
  g_test_message ("%u .kamlang, %u CSV and %u WDI fixtures; slowest refusal: %s, %" G_GINT64_FORMAT " ms",
                  kinds[0], kinds[1], kinds[2], slowest_name ? slowest_name : "-", slowest_us / 1000);
  g_assert_cmpuint (cases->len, >=, 60);
  g_assert_cmpuint (kinds[1], >, 0);
  g_assert_cmpuint (kinds[2], >, 0);
}

static void
test_every_fixture_listed (void)
{
  const char *folders[] = { "kamlang", "csv", "wdi" };

  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "bad-input", folders[f], NULL);
      g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *file = g_strdup_printf ("%s/%s", folders[f], name);
          gboolean listed = FALSE;

          for (guint i = 0; i < cases->len && !listed; i++)
            listed = g_str_equal (((Case *) g_ptr_array_index (cases, i))->file, file);
          if (!listed)
            g_error ("%s is not listed in tests/bad-input/EXPECTED", file);
        }
    }
}

int
main (int argc, char **argv)
{
  int result;

  g_test_init (&argc, &argv, NULL);
  load_cases ();
  for (guint i = 0; i < cases->len; i++)
    {
      Case *c = g_ptr_array_index (cases, i);
      g_autofree char *test_path = g_strdup_printf ("/kamlang/bad-input/%s", c->file);

      g_test_add_data_func (test_path, c, test_bad_input);
    }
  g_test_add_func ("/kamlang/bad-input/every-fixture-listed", test_every_fixture_listed);
  g_test_add_func ("/kamlang/bad-input/enough-cases", test_enough_cases);
  result = g_test_run ();
  g_ptr_array_unref (cases);
  g_free (slowest_name);
  return result;
}
