/* kam-lazy-page.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include "kam-dataset.h"

G_BEGIN_DECLS

/* A page of the window made when it is first shown, and given the window's
 * dataset (its "dataset", bound to the document in kam-window.ui) whenever it
 * is shown: a page not on screen costs nothing, and one not shown since the
 * dataset changed is brought up to date when it is shown again. The page is
 * of "page-type" (with "kind" for the lists that take one), and has a
 * "dataset" property. */
#define KAM_TYPE_LAZY_PAGE (kam_lazy_page_get_type ())
G_DECLARE_FINAL_TYPE (KamLazyPage, kam_lazy_page, KAM, LAZY_PAGE, AdwBin)

/* The page, made now if it was not yet, with the dataset as it is now. */
GtkWidget *kam_lazy_page_get_page (KamLazyPage *self);
/* The page if it was made, else NULL. */
GtkWidget *kam_lazy_page_peek_page (KamLazyPage *self);

G_END_DECLS
