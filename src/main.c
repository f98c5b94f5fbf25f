/* main.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <locale.h>
#include "kam-config.h"
#include "kam-cli.h"
#include "kam-application.h"

int
main (int argc, char **argv)
{
  g_autoptr (KamApplication) app = NULL;
  const char *localedir = KAM_LOCALEDIR;

  setlocale (LC_ALL, "");
  /* Run from the build folder, use the translations built there. */
  if (!g_file_test (KAM_LOCALEDIR "/km/LC_MESSAGES/kamlang.mo", G_FILE_TEST_EXISTS))
    localedir = KAM_BUILD_LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (kam_cli_wants (argc, argv))
    return kam_cli_run (argc, argv);

  app = kam_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
