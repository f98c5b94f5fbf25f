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

/* Without a GPU (no DRM render node: a virtual machine, a thin client, a
 * sandbox without --device=dri) GTK 4.8 draws with OpenGL in software
 * (llvmpipe), which has no buffer age: every change redraws the whole window,
 * 70–110 ms a frame at 1280×800 on two cores while a file loads. Cairo
 * redraws what changed (16–27 ms); GTK 4.14 makes the same choice itself
 * ("gsk: Don't use gpu renderers with llvmpipe"). A renderer the user chose
 * (GSK_RENDERER) stays. Called before any thread starts (setenv). */
static void
choose_renderer (void)
{
  g_autoptr (GDir) dri = NULL;
  const char *name;

  if (g_getenv ("GSK_RENDERER") != NULL)
    return;
  dri = g_dir_open ("/dev/dri", 0, NULL);
  while (dri != NULL && (name = g_dir_read_name (dri)) != NULL)
    if (g_str_has_prefix (name, "renderD"))
      return;
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
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

  choose_renderer ();
  path = ui_module_path ();
  module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (module == NULL || !g_module_symbol (module, "kam_ui_run", (gpointer *) &run))
    {
      fprintf (stderr, _("kamlang: cannot load the window module %s: %s\n"), path, g_module_error ());
      return 1;
    }
  return run (argc, argv);
}
