/* kam-figure-index-private.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kam-figure-table.h"

G_BEGIN_DECLS

typedef struct _KamFigureIndex KamFigureIndex;

KamFigureIndex *_kam_figure_index_new (KamFigureTable *table);
void _kam_figure_index_free (KamFigureIndex *self);
/* After a row was appended or changed (by position). */
void _kam_figure_index_add (KamFigureIndex *self, guint row);
/* Before a row changes. */
void _kam_figure_index_remove (KamFigureIndex *self, guint row);
/* After rows were taken out or put back (positions moved). */
void _kam_figure_index_rebuild (KamFigureIndex *self);

KamFigureIndex *_kam_figure_table_get_index (KamFigureTable *self);

G_END_DECLS
