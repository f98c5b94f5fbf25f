/* kam-wdi.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kam-dataset.h"

G_BEGIN_DECLS

/* The country whose series is the national total (all destinations). */
#define KAM_HOME_COUNTRY "KHM"

/* A download for one indicator is some 200 KB; the whole WDI is under 300 MB. */
#define KAM_MAX_WDI_SIZE ((gsize) 64 << 20)

/* Imports one country's series from a World Bank WDI CSV download (API_*.csv)
 * into `indicator`, as one undoable step. When the country metadata file
 * (Metadata_Country_*.csv) is beside it, aggregates such as WLD are refused.
 * The World Bank and the file's "Last Updated Date" become the source; values
 * keep full precision; a value already there from the same source is not
 * added twice. */
gboolean kam_wdi_import (KamDataset *dataset, const char *path, const char *country,
                         const char *indicator, guint *n_added, GError **error);

G_END_DECLS
