/* kam-test-utils.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kam-dataset.h"
#include "kam-dataset-json.h"

G_BEGIN_DECLS

char *kam_test_fixture (const char *name);
KamDataset *kam_test_load_fixture (const char *name);
/* A copy of a fixture in folder, so that saving does not touch the original. */
GFile *kam_test_fixture_copy (const char *name, const char *folder);
KamDataset *kam_test_load_bundled (void);
/* A copy of the dataset with no figures: the same countries, indicators,
 * dimensions and sources (to import figures into). */
KamDataset *kam_test_without_figures (KamDataset *dataset);

/* Counts the notify emissions of one property. */
typedef struct
{
  guint count;
  gulong handler;
  GObject *object;
} KamNotifyCounter;

void kam_notify_counter_start (KamNotifyCounter *counter, gpointer object, const char *property);
void kam_notify_counter_stop (KamNotifyCounter *counter);

/* Whether any problem in the list starts with the given place. */
gboolean kam_test_problems_have (GPtrArray *problems, const char *where);

G_END_DECLS
