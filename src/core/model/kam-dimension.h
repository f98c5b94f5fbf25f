/* kam-dimension.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include "kam-types.h"

G_BEGIN_DECLS

/* The member every dimension starts with: the total, not broken down. */
#define KAM_MEMBER_TOTAL 0

#define KAM_TYPE_DIMENSION (kam_dimension_get_type ())
G_DECLARE_FINAL_TYPE (KamDimension, kam_dimension, KAM, DIMENSION, GObject)

/* One member of a dimension: a code (fixed) and names, which can be edited
 * like a country's, through the dataset (kam_dataset_set_item_string). */
#define KAM_TYPE_MEMBER (kam_member_get_type ())
G_DECLARE_FINAL_TYPE (KamMember, kam_member, KAM, MEMBER, GObject)

const char *kam_member_get_code (KamMember *self);
const char *kam_member_get_name (KamMember *self);
const char *kam_member_get_name_km (KamMember *self);
const char *kam_member_get_label (KamMember *self);
/* The dimension it is a member of, or NULL while it is in none. */
KamDimension *kam_member_get_dimension (KamMember *self);
/* Its position in its dimension (0 is the total), or -1 while it is in none. */
int kam_member_get_position (KamMember *self);

/* A breakdown of the figures (sex, sector, province ...): an id, names, and
 * members, the first of which is the total. A dimension is the list model of
 * its members (KamMember). A figure names one member of
 * every dimension by its position. Members are only ever appended, so a
 * position never changes. Edits of a dimension owned by a dataset go through
 * the dataset, so that they can be undone. */
KamDimension *kam_dimension_new (const char *id, const char *name, const char *name_km);

const char *kam_dimension_get_id (KamDimension *self);
const char *kam_dimension_get_name (KamDimension *self);
void kam_dimension_set_name (KamDimension *self, const char *name);
const char *kam_dimension_get_name_km (KamDimension *self);
void kam_dimension_set_name_km (KamDimension *self, const char *name_km);
const char *kam_dimension_get_label (KamDimension *self);

guint kam_dimension_get_n_members (KamDimension *self);
KamMember *kam_dimension_get_member (KamDimension *self, guint member);
const char *kam_dimension_get_member_code (KamDimension *self, guint member);
const char *kam_dimension_get_member_name (KamDimension *self, guint member);
const char *kam_dimension_get_member_name_km (KamDimension *self, guint member);
/* The member's name for people, in Khmer when the interface is in Khmer. */
const char *kam_dimension_get_member_label (KamDimension *self, guint member);
/* By its code exactly, as files name members; -1 when there is none. */
int kam_dimension_find_code (KamDimension *self, const char *code);
/* By code, or by English or Khmer name; -1 when there is none. */
int kam_dimension_find_member (KamDimension *self, const char *text, gboolean any_case);

/* For a dimension not yet in a dataset (and for the dataset's own commands). */
guint kam_dimension_append_member (KamDimension *self, const char *code, const char *name,
                                   const char *name_km);
/* The dataset's commands: appending a member object (again, on redo) and
 * taking the last one out. */
void _kam_dimension_append (KamDimension *self, KamMember *member);
KamMember *_kam_dimension_take_last_member (KamDimension *self);

/* Member codes: letters, digits, '-', '_', '+' and '.', as in "KH-12", "15-19", "65+". */
gboolean kam_member_code_is_valid (const char *code);
gboolean kam_dimension_id_is_valid (const char *id);

G_END_DECLS
