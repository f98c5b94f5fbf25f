/* kam-source.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kam-types.h"
#include "kam-enums.h"

G_BEGIN_DECLS

#define KAM_TYPE_SOURCE (kam_source_get_type ())
G_DECLARE_FINAL_TYPE (KamSource, kam_source, KAM, SOURCE, GObject)

/* Edits to a source owned by a dataset go through kam_dataset_set_item_property(),
 * so that they can be undone; the setters below are for items not yet added. */
KamSource *kam_source_new (const char *id);
KamSource *kam_source_copy (KamSource *self);

const char *kam_source_get_id (KamSource *self);
const char *kam_source_get_title (KamSource *self);
void kam_source_set_title (KamSource *self, const char *title);
const char *kam_source_get_publisher (KamSource *self);
void kam_source_set_publisher (KamSource *self, const char *publisher);
const char *kam_source_get_date (KamSource *self);
void kam_source_set_date (KamSource *self, const char *date);
const char *kam_source_get_url (KamSource *self);
void kam_source_set_url (KamSource *self, const char *url);
const char *kam_source_get_note (KamSource *self);
void kam_source_set_note (KamSource *self, const char *note);
/* "publisher, date", else the publisher, the title or the id: how a source
 * is named in lists, charts and reports. */
char *kam_source_dup_label (KamSource *source);

G_END_DECLS
