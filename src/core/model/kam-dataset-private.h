/* kam-dataset-private.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kam-dataset.h"
#include "kam-figure-table-private.h"

G_BEGIN_DECLS

/* For readers that build a dataset before anyone sees it: no history, no checks
 * beyond what the reader did itself. */
void _kam_dataset_load_country (KamDataset *self, KamCountry *country);
void _kam_dataset_load_indicator (KamDataset *self, KamIndicator *indicator);
void _kam_dataset_load_source (KamDataset *self, KamSource *source);
void _kam_dataset_load_agreement (KamDataset *self, KamAgreement *agreement);
void _kam_dataset_load_figures (KamDataset *self, const KamFigureRow *rows, guint n);
void _kam_dataset_set_loaded_text (KamDataset *self, const char *title, const char *description);

/* Top-level keys of the file that Kamlang does not know, kept for saving:
 * key -> JSON text. */
GHashTable *_kam_dataset_get_extra (KamDataset *self);

G_END_DECLS
