/* kam-breakdowns-page.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include "kam-dataset.h"

G_BEGIN_DECLS

#define KAM_TYPE_BREAKDOWNS_PAGE (kam_breakdowns_page_get_type ())
G_DECLARE_FINAL_TYPE (KamBreakdownsPage, kam_breakdowns_page, KAM, BREAKDOWNS_PAGE, GtkWidget)

void kam_breakdowns_page_set_dataset (KamBreakdownsPage *self, KamDataset *dataset);

G_END_DECLS
