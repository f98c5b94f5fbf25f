/* kam-figure-query.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kam-dataset.h"

G_BEGIN_DECLS

/* KAM_QUERY_ANY: no filter on this field. For the country, "" selects the
 * national totals (figures with no country). */
#define KAM_QUERY_ANY NULL
#define KAM_QUERY_NO_SORT (-1)
/* Sorting by the members of a dimension (by its position), by their names. */
#define KAM_QUERY_SORT_MEMBER(dimension) (100 + (int) (dimension))
#define KAM_QUERY_SORT_IS_MEMBER(field) ((field) >= 100 && (field) < 100 + KAM_MAX_DIMENSIONS)

#define KAM_TYPE_FIGURE_QUERY (kam_figure_query_get_type ())
G_DECLARE_FINAL_TYPE (KamFigureQuery, kam_figure_query, KAM, FIGURE_QUERY, GObject)

KamFigureQuery *kam_figure_query_new (KamDataset *dataset);
KamDataset *kam_figure_query_get_dataset (KamFigureQuery *self);
void kam_figure_query_set_search (KamFigureQuery *self, const char *text);
void kam_figure_query_set_country (KamFigureQuery *self, const char *code);
void kam_figure_query_set_indicator (KamFigureQuery *self, const char *id);
void kam_figure_query_set_source (KamFigureQuery *self, const char *id);
void kam_figure_query_set_years (KamFigureQuery *self, int first, int last);
/* The filters set: KAM_QUERY_ANY for none. */
const char *kam_figure_query_get_country (KamFigureQuery *self);
const char *kam_figure_query_get_indicator (KamFigureQuery *self);
const char *kam_figure_query_get_source (KamFigureQuery *self);
void kam_figure_query_get_years (KamFigureQuery *self, int *first, int *last);
void kam_figure_query_set_member (KamFigureQuery *self, guint dimension, int member);
int kam_figure_query_get_member (KamFigureQuery *self, guint dimension);
void kam_figure_query_set_sort (KamFigureQuery *self, int field, gboolean descending);
int kam_figure_query_get_sort_field (KamFigureQuery *self);
gboolean kam_figure_query_get_sort_descending (KamFigureQuery *self);
/* The table row shown at a position of the query, or -1. */
int kam_figure_query_get_table_row (KamFigureQuery *self, guint position);
/* The position of a figure in the query, or -1 when it is filtered out. */
int kam_figure_query_find_id (KamFigureQuery *self, guint id);

G_END_DECLS
