/* kam-window-private.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kam-window.h"
#include "kam-export.h"

G_BEGIN_DECLS

void _kam_window_install_export_actions (GtkWidgetClass *widget_class);

/* What the export, print and import actions do, without their file choosers. */
GdkTexture *kam_window_render_chart_texture (KamWindow *self, int width, int height);
gboolean kam_window_print (KamWindow *self, gboolean report, const char *export_pdf, GError **error);
/* job: 0 report, 1 CSV export, 2 CSV import, 3 World Bank import */
gboolean kam_window_run_file_job (KamWindow *self, int job, GFile *file, const char *country,
                                  const char *indicator);

G_END_DECLS
