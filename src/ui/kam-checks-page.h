/* kam-checks-page.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include "kam-dataset.h"

G_BEGIN_DECLS

/* What the data checks find (kam_check_run), errors before warnings, run
 * again a moment after every edit. Activating a finding emits
 * "figure-activated" with the figure's id. "n-findings" is the count shown in
 * the page's badge; "n-errors" the errors among them; "checking" is TRUE from
 * an edit until the checks of it are done. */

#define KAM_TYPE_CHECKS_PAGE (kam_checks_page_get_type ())
G_DECLARE_FINAL_TYPE (KamChecksPage, kam_checks_page, KAM, CHECKS_PAGE, GtkWidget)

#define KAM_TYPE_FINDING (kam_finding_get_type ())
G_DECLARE_FINAL_TYPE (KamFinding, kam_finding, KAM, FINDING, GObject)

GtkWidget *kam_checks_page_new (void);
void kam_checks_page_set_dataset (KamChecksPage *self, KamDataset *dataset);
/* Starts the checks now, not after the usual moment; they run in slices
 * between frames, "checking" TRUE until they are done. */
void kam_checks_page_recheck (KamChecksPage *self);
/* Runs the checks to the end, now. */
void kam_checks_page_update (KamChecksPage *self);
gboolean kam_checks_page_get_checking (KamChecksPage *self);
guint kam_checks_page_get_n_findings (KamChecksPage *self);
guint kam_checks_page_get_n_errors (KamChecksPage *self);
/* (transfer none): a list of KamFinding */
GListModel *kam_checks_page_get_findings (KamChecksPage *self);

KamSeverity kam_finding_get_severity (KamFinding *self);
guint kam_finding_get_figure_id (KamFinding *self);
const char *kam_finding_get_message (KamFinding *self);
const char *kam_finding_get_figure (KamFinding *self);

G_END_DECLS
