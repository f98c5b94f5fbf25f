/* kam-check.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kam-dataset.h"

G_BEGIN_DECLS

/* What a finding is about. */
typedef enum
{
  KAM_CHECK_IMPLAUSIBLE,      /* a count of persons above 100 million */
  KAM_CHECK_FRACTIONAL,       /* a count of persons with a fraction */
  KAM_CHECK_NO_SOURCE,        /* a figure that cites no source */
  KAM_CHECK_FUTURE,           /* a stock or flow after the current year */
  KAM_CHECK_PART_ABOVE_TOTAL, /* a member above its total (other: the total) */
  KAM_CHECK_COUNTRIES_ADD_UP, /* countries above the national total (other: their sum) */
  KAM_CHECK_MEMBERS_ADD_UP,   /* members above their total (other: their sum) */
  KAM_CHECK_BOUNDS_CONFLICT,  /* a lower bound above an exact value (other: it) */
  KAM_CHECK_SOURCES_DIFFER,   /* another source's different value (other: it) */
  KAM_CHECK_FOLLOW_UP,        /* a note asks for a follow-up (KAM_FOLLOW_UP_MARK) */
} KamCheckKind;

/* One thing the data checks found, about one figure: made as data, put into
 * words only when shown or printed (kam_check_finding_get_message), so that
 * checks that find tens of thousands of things stay as fast as those that
 * find none. It keeps what its words need, so they can be made later. */
typedef struct
{
  KamSeverity severity;
  KamCheckKind kind;
  guint figure_id; /* the figure it is about */
  guint row;       /* its row when checked */
  /* the figure */
  const char *country, *indicator, *source; /* interned */
  int year;
  guint16 members[KAM_MAX_DIMENSIONS];
  double value;
  KamQualifier qualifier;
  /* the other side: a total, a sum, another source's value */
  double other;
  KamQualifier other_qualifier;
  const char *other_source;
  int dimension;    /* whose members, for the parts' kinds */
  int current_year; /* for KAM_CHECK_FUTURE */
  /* the words, made when first asked for */
  char *where;
  char *message;
} KamCheckFinding;

void kam_check_finding_free (KamCheckFinding *finding);
/* "figures.rows[12]": the figure's row. */
const char *kam_check_finding_get_where (KamCheckFinding *finding);
/* What was found, in words, the dataset's names in the interface's language:
 * "Thailand, 2021, Workers abroad: the figure cites no source". */
const char *kam_check_finding_get_message (KamCheckFinding *finding, KamDataset *dataset);
/* Whether two findings say the same thing (their words would be the same). */
gboolean kam_check_finding_equal (const KamCheckFinding *a, const KamCheckFinding *b);

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
