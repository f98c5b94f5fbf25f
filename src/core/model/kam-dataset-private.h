/* kam-dataset-private.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kam-dataset.h"
#include "kam-figure-table-private.h"

G_BEGIN_DECLS

typedef enum
{
  LIST_COUNTRIES,
  LIST_INDICATORS,
  LIST_SOURCES,
  LIST_AGREEMENTS,
  LIST_DIMENSIONS,
  N_LISTS
} ListKind;

struct _KamDataset
{
  GObject parent_instance;

  char *title;
  char *description;
  char *title_km;       /* (nullable) the title and description in Khmer */
  char *description_km;
  GListStore *lists[N_LISTS];
  GHashTable *index[N_LISTS]; /* interned code/id -> item; none for agreements */
  KamFigureTable *figures;
  KamHistory *history;
  /* the figure and field the last undo or redo changed (G_MAXUINT: none) */
  guint stepped_figure;
  int stepped_field;
  GHashTable *extra;
  guint format_version;       /* of the file it was read from; 0 for none */
  gboolean changed_pending;
  guint unrecorded;           /* inside kam_dataset_begin_unrecorded () */
  /* (nullable) kam_dataset_set_limits ()'s, copied */
  struct
  {
    gboolean figures, lists;
    GHashTable *countries;    /* (nullable) interned codes */
    char *dimension;
    GHashTable *members;      /* (nullable) codes */
    char *why;
  } *limits;
};

gboolean _kam_dataset_check_lists (KamDataset *self, GError **error);
gboolean _kam_dataset_check_row (KamDataset *self, const KamFigureRow *row, GError **error);

void _kam_dataset_load_country (KamDataset *self, KamCountry *country);
void _kam_dataset_load_indicator (KamDataset *self, KamIndicator *indicator);
void _kam_dataset_load_source (KamDataset *self, KamSource *source);
void _kam_dataset_load_agreement (KamDataset *self, KamAgreement *agreement);
void _kam_dataset_load_dimension (KamDataset *self, KamDimension *dimension);
void _kam_dataset_load_figures (KamDataset *self, const KamFigureRow *rows, guint n);
void _kam_dataset_set_loaded_text (KamDataset *self, const char *title, const char *description,
                                   const char *title_km, const char *description_km);
void _kam_dataset_set_format_version (KamDataset *self, guint version);

GHashTable *_kam_dataset_get_extra (KamDataset *self);

/* Shared by the container, the editing code and the rules. */
void _kam_dataset_emit_changed (KamDataset *self);
void _kam_dataset_emit_changed_now (KamDataset *self);
const char *_kam_dataset_item_key (ListKind list, gpointer item);
void _kam_dataset_list_insert (KamDataset *self, ListKind list, guint position, GObject *item);
void _kam_dataset_list_remove (KamDataset *self, ListKind list, guint position);
const char *const *_kam_dataset_key_column (KamDataset *self, KamFigureField field);
gpointer _kam_dataset_lookup (KamDataset *self, ListKind list, const char *key);
gboolean _kam_dataset_check_rows (KamDataset *self, const KamFigureRow *rows, guint n, guint *bad_row,
                                  guint *repeated_row, GError **error);
gboolean _kam_member_name_is_free (KamDimension *dimension, KamMember *except, const char *text,
                                   GError **error);
gboolean _kam_dataset_validate_item_property (KamDataset *self, gpointer item,
                                              const char *property, const GValue *value,
                                              GError **error);

G_END_DECLS
