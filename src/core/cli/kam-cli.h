/* kam-cli.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include "kam-dataset-json.h"

G_BEGIN_DECLS

/* Whether the command line asks for a headless command (then GTK is never
 * initialised). */
gboolean kam_cli_wants (int argc, char **argv);

/* Runs the headless command; returns the process exit status. */
int kam_cli_run (int argc, char **argv);

G_END_DECLS
