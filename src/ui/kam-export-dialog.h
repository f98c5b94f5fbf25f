/* kam-export-dialog.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include "kam-chart.h"
#include "kam-export.h"

G_BEGIN_DECLS

#define KAM_TYPE_EXPORT_DIALOG (kam_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KamExportDialog, kam_export_dialog, KAM, EXPORT_DIALOG, AdwWindow)

GtkWidget *kam_export_dialog_new (GtkWindow *parent, KamChart *chart);
/* The choices, as the dialog shows them. */
void kam_export_dialog_set_choices (KamExportDialog *self, KamExportFormat format, int width, int height,
                                    int dpi, gboolean transparent);
/* Writes the chart with the dialog's choices; on success the parent shows a
 * toast with a button that opens the folder. */
gboolean kam_export_dialog_export_to (KamExportDialog *self, GFile *file, GError **error);

char *kam_export_dialog_dup_default_name (KamExportDialog *self);

G_END_DECLS
