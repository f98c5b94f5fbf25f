/* test-cli.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Runs the real kamlang binary with no display at all. */

#include <sys/wait.h>
#include "kam-test-utils.h"

static int
run (const char *const *args, char **out, char **err)
{
  const char *binary = g_getenv ("KAMLANG_BINARY");
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_auto (GStrv) env = g_get_environ ();
  g_autoptr (GError) error = NULL;
  int status = -1;

  g_assert_nonnull (binary);
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_setenv (env, "LANGUAGE", "C", TRUE);
  g_ptr_array_add (argv, (char *) binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, out,
                               err, &status, &error));
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL) ? 0 : WEXITSTATUS (status);
}

static void
test_check_bundled (void)
{
  const char *args[] = { "--check", NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (err, "0 errors"));
  /* GTK was never started: it would complain without a display. */
  g_assert_null (strstr (err, "Gtk"));
}

static void
test_check_bad_file (void)
{
  g_autofree char *path = kam_test_fixture ("bad-negative.kamlang");
  const char *args[] = { "--check", path, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *expected = g_strdup_printf ("%s: figures.rows[1][3]: error:", path);

  g_assert_cmpint (run (args, &out, &err), ==, 1);
  g_assert_nonnull (strstr (out, expected));
}

static void
test_check_findings (void)
{
  g_autofree char *path = kam_test_fixture ("checks.kamlang");
  const char *args[] = { "--check", path, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *women = g_strdup_printf ("%s: figures.rows[1]: error:", path);
  g_autofree char *source = g_strdup_printf ("%s: figures.rows[3]: warning:", path);

  /* errors among the findings: exit 1 */
  g_assert_cmpint (run (args, &out, &err), ==, 1);
  g_assert_nonnull (strstr (out, women));
  g_assert_nonnull (strstr (out, source));
}

static void
test_check_warnings_only (void)
{
  g_autofree char *path = kam_test_fixture ("good.kamlang");
  const char *args[] = { "--check", path, NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run (args, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "");
}

static void
test_check_missing_file (void)
{
  const char *args[] = { "--check", "/nonexistent/file.kamlang", NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run (args, &out, &err), ==, 1);
  g_assert_nonnull (strstr (out, "/nonexistent/file.kamlang: error:"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kamlang/cli/check-bundled", test_check_bundled);
  g_test_add_func ("/kamlang/cli/check-bad-file", test_check_bad_file);
  g_test_add_func ("/kamlang/cli/check-findings", test_check_findings);
  g_test_add_func ("/kamlang/cli/check-warnings-only", test_check_warnings_only);
  g_test_add_func ("/kamlang/cli/check-missing-file", test_check_missing_file);
  return g_test_run ();
}
