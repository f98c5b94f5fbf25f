/* kam-country.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kam-types.h"
#include "kam-enums.h"

G_BEGIN_DECLS

#define KAM_TYPE_COUNTRY (kam_country_get_type ())
G_DECLARE_FINAL_TYPE (KamCountry, kam_country, KAM, COUNTRY, GObject)

/* Edits to a country owned by a dataset go through kam_dataset_set_item_property(),
 * so that they can be undone; the setters below are for items not yet added. */
KamCountry *kam_country_new (const char *code);
KamCountry *kam_country_copy (KamCountry *self);

const char *kam_country_get_code (KamCountry *self);
const char *kam_country_get_name (KamCountry *self);
void kam_country_set_name (KamCountry *self, const char *name);
const char *kam_country_get_name_km (KamCountry *self);
void kam_country_set_name_km (KamCountry *self, const char *name_km);
const char *kam_country_get_region (KamCountry *self);
void kam_country_set_region (KamCountry *self, const char *region);

G_END_DECLS
