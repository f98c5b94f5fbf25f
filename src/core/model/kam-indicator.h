/* kam-indicator.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kam-types.h"
#include "kam-enums.h"

G_BEGIN_DECLS

#define KAM_TYPE_INDICATOR (kam_indicator_get_type ())
G_DECLARE_FINAL_TYPE (KamIndicator, kam_indicator, KAM, INDICATOR, GObject)

/* Edits to a indicator owned by a dataset go through kam_dataset_set_item_property(),
 * so that they can be undone; the setters below are for items not yet added. */
KamIndicator *kam_indicator_new (const char *id);
KamIndicator *kam_indicator_copy (KamIndicator *self);

const char *kam_indicator_get_id (KamIndicator *self);
const char *kam_indicator_get_name (KamIndicator *self);
void kam_indicator_set_name (KamIndicator *self, const char *name);
const char *kam_indicator_get_unit (KamIndicator *self);
void kam_indicator_set_unit (KamIndicator *self, const char *unit);
KamIndicatorKind kam_indicator_get_kind (KamIndicator *self);
void kam_indicator_set_kind (KamIndicator *self, KamIndicatorKind kind);
const char *kam_indicator_get_definition (KamIndicator *self);
void kam_indicator_set_definition (KamIndicator *self, const char *definition);
const char *kam_indicator_get_name_km (KamIndicator *self);
void kam_indicator_set_name_km (KamIndicator *self, const char *name_km);
const char *kam_indicator_get_definition_km (KamIndicator *self);
void kam_indicator_set_definition_km (KamIndicator *self, const char *definition_km);

/* Units are open text, kept as written. These are known: formatted (US$ 2.8
 * B, ៛, %) and matched without regard to case and to spaces around them
 * (" usd" is USD); a blank unit is persons. */
#define KAM_UNIT_PERSONS "persons"
#define KAM_UNIT_USD "USD"
#define KAM_UNIT_KHR "KHR"
#define KAM_UNIT_PERCENT "percent"

/* The unit as written, interned; "persons" for none (NULL). */
const char *kam_unit_normalize (const char *unit);
gboolean kam_unit_is (const char *unit, const char *known);

G_END_DECLS
