/* kam-country-chooser.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include "kam-dataset.h"

G_BEGIN_DECLS

/* A dialog that offers every country of ISO 3166 with its English and Khmer
 * name (Debian's iso-codes), filtered as one types its name or code; those the
 * dataset has already are shown but cannot be chosen. Enter, a double click
 * or Add emits "chosen" with the country's code. */
#define KAM_TYPE_COUNTRY_CHOOSER (kam_country_chooser_get_type ())
G_DECLARE_FINAL_TYPE (KamCountryChooser, kam_country_chooser, KAM, COUNTRY_CHOOSER, AdwMessageDialog)

/* countries: (element-type KamIsoCountry) the list to choose from */
GtkWidget *kam_country_chooser_new (GtkWindow *parent, GPtrArray *countries, KamDataset *dataset);

G_END_DECLS
