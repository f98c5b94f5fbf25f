/* main.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <gmodule.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include "kam-config.h"
#include "kam-cli.h"

/* The window's module: beside the executable in the build folder, else where
 * it was installed. */
static char *
ui_module_path (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = exe ? g_path_get_dirname (exe) : NULL;
  const char *env = g_getenv ("KAMLANG_UI_MODULE");

  if (env != NULL)
    return g_strdup (env);
  if (dir != NULL && g_str_equal (dir, KAM_BUILD_BINDIR))
    return g_strdup (KAM_BUILD_UI_MODULE);
  return g_strdup (KAM_UI_MODULE);
}

int
main (int argc, char **argv)
{
  const char *localedir = KAM_LOCALEDIR;
  g_autofree char *path = NULL;
  GModule *module;
  int (*run) (int, char **) = NULL;

  setlocale (LC_ALL, "");
  /* Past a file size limit (ulimit -f), a write should fail and the save say
   * so, not the process be killed. */
  signal (SIGXFSZ, SIG_IGN);
  /* Run from the build folder, use the translations built there. */
  if (!g_file_test (KAM_LOCALEDIR "/km/LC_MESSAGES/kamlang.mo", G_FILE_TEST_EXISTS))
    localedir = KAM_BUILD_LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (kam_cli_wants (argc, argv))
    return kam_cli_run (argc, argv);

  path = ui_module_path ();
  module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (module == NULL || !g_module_symbol (module, "kam_ui_run", (gpointer *) &run))
    {
      fprintf (stderr, _("kamlang: cannot load the window module %s: %s\n"), path, g_module_error ());
      return 1;
    }
  return run (argc, argv);
}
