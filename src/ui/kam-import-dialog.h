/* kam-import-dialog.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kam-window.h"

G_BEGIN_DECLS

/* Reads a workbook (in a thread) and shows the Import Table dialog over the
 * window, or why it cannot be read. */
void kam_import_dialog_run (KamWindow *window, GFile *file);
/* Whether a file is one the dialog takes (.xlsx, .ods): a dropped one. */
gboolean kam_import_dialog_accepts (GFile *file);

G_END_DECLS
