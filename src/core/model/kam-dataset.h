/* kam-dataset.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include "kam-types.h"
#include "kam-enums.h"
#include "kam-country.h"
#include "kam-indicator.h"
#include "kam-source.h"
#include "kam-agreement.h"
#include "kam-dimension.h"
#include "kam-figure-table.h"
#include "kam-figure.h"
#include "kam-history.h"
#include "kam-figure-rules.h"

G_BEGIN_DECLS

#define KAM_TYPE_DATASET (kam_dataset_get_type ())
G_DECLARE_FINAL_TYPE (KamDataset, kam_dataset, KAM, DATASET, GObject)

KamDataset *kam_dataset_new (void);
KamDataset *kam_dataset_new_empty (void);

const char *kam_dataset_get_title (KamDataset *self);
const char *kam_dataset_get_description (KamDataset *self);
const char *kam_dataset_get_title_km (KamDataset *self);
const char *kam_dataset_get_description_km (KamDataset *self);
/* The title and description for people: in Khmer when the user interface is
 * in Khmer and the dataset has them. */
const char *kam_dataset_get_title_label (KamDataset *self);
const char *kam_dataset_get_description_label (KamDataset *self);
/* An agreement's name for people: its title, or in a Khmer interface its
 * kind and country in Khmer (an agreement's title is in English). */
char *kam_dataset_dup_agreement_label (KamDataset *self, KamAgreement *agreement);
gboolean kam_dataset_get_modified (KamDataset *self);
KamHistory *kam_dataset_get_history (KamDataset *self);

GListModel *kam_dataset_get_countries (KamDataset *self);
GListModel *kam_dataset_get_indicators (KamDataset *self);
GListModel *kam_dataset_get_sources (KamDataset *self);
GListModel *kam_dataset_get_agreements (KamDataset *self);
KamFigureTable *kam_dataset_get_figures (KamDataset *self);
GListModel *kam_dataset_get_dimensions (KamDataset *self);
guint kam_dataset_get_n_dimensions (KamDataset *self);
KamDimension *kam_dataset_get_dimension (KamDataset *self, guint position);
int kam_dataset_find_dimension (KamDataset *self, const char *id);
gboolean kam_dataset_find_member (KamDataset *self, const char *dimension_id, const char *code,
                                  guint *dimension_out, guint *member_out);
guint kam_dataset_get_format_version (KamDataset *self);
/* "Women, Construction" for a figure's members other than totals; NULL when all are totals. */
char *kam_dataset_dup_members_label (KamDataset *self, const guint16 *members);

KamCountry *kam_dataset_lookup_country (KamDataset *self, const char *code);
KamIndicator *kam_dataset_lookup_indicator (KamDataset *self, const char *id);
KamSource *kam_dataset_lookup_source (KamDataset *self, const char *id);
const char *kam_dataset_get_country_label (KamDataset *self, const char *code);
const char *kam_dataset_get_indicator_label (KamDataset *self, const char *id);
char *kam_dataset_dup_source_label (KamDataset *self, const char *id);
const char *kam_dataset_find_key (KamDataset *self, KamFigureField field, const char *text,
                                  gboolean any_case);
const char *kam_dataset_find_key_full (KamDataset *self, KamFigureField field, const char *text,
                                       gboolean any_case, GError **error);
guint kam_dataset_count_figures_using (KamDataset *self, KamFigureField field, const char *id);

/* Mutators: each is one undoable step (or part of the open group). */
gboolean kam_dataset_set_item_property (KamDataset *self, gpointer item, const char *property,
                                        const GValue *value, GError **error);
gboolean kam_dataset_set_item_string (KamDataset *self, gpointer item, const char *property,
                                      const char *value, GError **error);
gboolean kam_dataset_rename_source (KamDataset *self, KamSource *source, const char *id, GError **error);
gboolean kam_dataset_set_title (KamDataset *self, const char *title);
gboolean kam_dataset_set_description (KamDataset *self, const char *description);

gboolean kam_dataset_add_country (KamDataset *self, KamCountry *country, GError **error);
gboolean kam_dataset_add_indicator (KamDataset *self, KamIndicator *indicator, GError **error);
gboolean kam_dataset_add_source (KamDataset *self, KamSource *source, GError **error);
gboolean kam_dataset_add_agreement (KamDataset *self, KamAgreement *agreement, GError **error);
gboolean kam_dataset_add_dimension (KamDataset *self, KamDimension *dimension, GError **error);
int kam_dataset_add_member (KamDataset *self, KamDimension *dimension, const char *code,
                            const char *name, const char *name_km, GError **error);
/* The five dimensions a new dataset starts with: sex, sector, province, channel, age. */
void kam_dataset_add_default_dimensions (KamDataset *self);
gboolean kam_dataset_remove_country (KamDataset *self, KamCountry *country,
                                     gboolean with_dependents, GError **error);
gboolean kam_dataset_remove_indicator (KamDataset *self, KamIndicator *indicator,
                                       gboolean with_dependents, GError **error);
gboolean kam_dataset_remove_source (KamDataset *self, KamSource *source,
                                    gboolean with_dependents, GError **error);
void kam_dataset_remove_agreement (KamDataset *self, KamAgreement *agreement);

gboolean kam_dataset_add_figures (KamDataset *self, const KamFigureRow *rows, guint n,
                                  guint *ids_out, GError **error);
gboolean kam_dataset_add_figures_full (KamDataset *self, const KamFigureRow *rows, guint n, guint *ids_out,
                                       guint *bad_row, guint *repeated_row, GError **error);
guint kam_dataset_add_figure (KamDataset *self, const KamFigureRow *row, GError **error);
gboolean kam_dataset_set_figure_field (KamDataset *self, guint id, KamFigureField field,
                                       const KamFigureRow *src, GError **error);
gboolean kam_dataset_set_figure_value (KamDataset *self, guint id, double value, GError **error);
/* Sets one field of several figures at once, one undoable step: all of them,
 * or (one refused) none. For KAM_FIGURE_FIELD_MEMBERS, only the member of
 * dimension is set. */
gboolean kam_dataset_set_figures_field (KamDataset *self, const guint *ids, guint n, KamFigureField field,
                                        guint dimension, const KamFigureRow *src, GError **error);
gboolean kam_dataset_remove_figures (KamDataset *self, const guint *ids, guint n, GError **error);

/* What the user may change (a shared dataset's role, as the server grants
 * it): the edits beyond it are refused, with why. */
typedef struct
{
  gboolean figures;            /* some figures at least */
  gboolean lists;              /* countries, indicators, sources, breakdowns, agreements, title */
  const char *const *countries; /* (nullable) only the figures of these destinations */
  const char *dimension;       /* (nullable) and of these members of this breakdown: */
  const char *const *members;  /* (nullable) */
  const char *why;             /* said with each refusal */
} KamLimits;

void kam_dataset_set_limits (KamDataset *self, const KamLimits *limits);
gboolean kam_dataset_get_limited (KamDataset *self);
gboolean kam_dataset_may_change_lists (KamDataset *self);
gboolean kam_dataset_may_change_row (KamDataset *self, const KamFigureRow *row);
gboolean kam_dataset_may_change_figure (KamDataset *self, guint id);

void kam_dataset_begin_group (KamDataset *self, const char *label);
void kam_dataset_end_group (KamDataset *self);
/* Edits that are not steps to undo: others' changes to a shared dataset. */
void kam_dataset_begin_unrecorded (KamDataset *self);
void kam_dataset_end_unrecorded (KamDataset *self);
gboolean kam_dataset_undo (KamDataset *self);
guint kam_dataset_get_stepped_figure (KamDataset *self, KamFigureField *field);
gboolean kam_dataset_redo (KamDataset *self);
void kam_dataset_mark_saved (KamDataset *self);
void kam_dataset_mark_unsaved (KamDataset *self);
guint64 kam_dataset_get_state (KamDataset *self);
void kam_dataset_mark_saved_state (KamDataset *self, guint64 state);

G_END_DECLS
