/* kam-check.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kam-dataset.h"

G_BEGIN_DECLS

/* One thing the data checks found, about one figure. */
typedef struct
{
  KamSeverity severity;
  guint figure_id; /* the figure it is about */
  char *where;     /* "figures.rows[12]": the figure's row */
  char *message;
} KamCheckFinding;

void kam_check_finding_free (KamCheckFinding *finding);

/* Runs every data check: for every dimension, a member above its total and
 * members adding up to more than their total; country figures adding up to
 * more than the national total; a lower bound above an exact value; figures
 * without a source; conflicting values from different sources; stocks and
 * flows dated after `current_year`; implausibly large or fractional counts of
 * persons. A total that is a lower bound may be
 * exceeded; approximate figures agree with values within their rounding.
 * Returns: (transfer full) (element-type KamCheckFinding): findings, by row */
GPtrArray *kam_check_run (KamDataset *dataset, int current_year);

/* The same checks a slice at a time, for a thread that has other work to do
 * between slices: step until it returns TRUE, then take the findings. A step
 * after the dataset changed starts again. */
typedef struct _KamChecker KamChecker;

KamChecker *kam_checker_new (KamDataset *dataset, int current_year);
gboolean kam_checker_step (KamChecker *self, gint64 deadline);
GPtrArray *kam_checker_take_findings (KamChecker *self);
void kam_checker_free (KamChecker *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KamChecker, kam_checker_free)

G_END_DECLS
