/* kam-agreement.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kam-types.h"
#include "kam-enums.h"

G_BEGIN_DECLS

#define KAM_TYPE_AGREEMENT (kam_agreement_get_type ())
G_DECLARE_FINAL_TYPE (KamAgreement, kam_agreement, KAM, AGREEMENT, GObject)

/* Edits to a agreement owned by a dataset go through kam_dataset_set_item_property(),
 * so that they can be undone; the setters below are for items not yet added. */
KamAgreement *kam_agreement_new (void);
KamAgreement *kam_agreement_copy (KamAgreement *self);

const char *kam_agreement_get_country (KamAgreement *self);
void kam_agreement_set_country (KamAgreement *self, const char *country);
const char *kam_agreement_get_title (KamAgreement *self);
void kam_agreement_set_title (KamAgreement *self, const char *title);
KamAgreementKind kam_agreement_get_kind (KamAgreement *self);
/* The kind's name for people, translated ("MoU"). */
const char *kam_agreement_kind_get_label (KamAgreementKind kind);
void kam_agreement_set_kind (KamAgreement *self, KamAgreementKind kind);
const char *kam_agreement_get_signed (KamAgreement *self);
void kam_agreement_set_signed (KamAgreement *self, const char *signed_date);
KamAgreementStatus kam_agreement_get_status (KamAgreement *self);
void kam_agreement_set_status (KamAgreement *self, KamAgreementStatus status);
const char *kam_agreement_get_source (KamAgreement *self);
void kam_agreement_set_source (KamAgreement *self, const char *source);
const char *kam_agreement_get_note (KamAgreement *self);
void kam_agreement_set_note (KamAgreement *self, const char *note);

G_END_DECLS
