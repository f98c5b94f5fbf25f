/* kam-ui-module.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The graphical application is a module that the kamlang executable opens only
 * when it is asked for a window: the headless commands then start without
 * loading GTK and libadwaita (4.5 ms of every export). The executable holds
 * the core library; the module uses it from there. */

#include <gmodule.h>
#include "kam-application.h"
#include "kam-ui-util.h"

G_MODULE_EXPORT int kam_ui_run (int argc, char **argv);

int
kam_ui_run (int argc, char **argv)
{
  g_autoptr (KamApplication) app = NULL;

  kam_probe ("window module loaded");
  app = kam_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
