/* kam-figure-table-private.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kam-figure-table.h"
#include "kam-figure.h"

G_BEGIN_DECLS

/* A row taken out of the table (for undo): its id, its fields, an owned note. */
typedef struct
{
  guint32 id;
  KamFigureRow row;
} KamSavedFigure;

void kam_saved_figures_free (KamSavedFigure *saved, guint n);

KamFigureTable *_kam_figure_table_new (void);
/* Every row appended, removed, restored or changed from now on has its id
 * added to touched (a set of GUINT_TO_POINTER ids, not owned); NULL stops. */
void _kam_figure_table_watch (KamFigureTable *self, GHashTable *touched);
/* Appends rows with new ids (written to ids_out when not NULL). */
void _kam_figure_table_append (KamFigureTable *self, const KamFigureRow *rows, guint n,
                               guint32 *ids_out);
/* Removes the rows with these ids (sorted ascending); fills saved (n entries). */
void _kam_figure_table_remove (KamFigureTable *self, const guint32 *ids, guint n,
                               KamSavedFigure *saved);
/* Puts saved rows back where their ids belong (saved sorted by id). */
void _kam_figure_table_restore (KamFigureTable *self, const KamSavedFigure *saved, guint n);
/* Sets one field of a row from src; notifies a live row object. */
void _kam_figure_table_set_field (KamFigureTable *self, guint row, KamFigureField field,
                                  const KamFigureRow *src);

KamFigure *_kam_figure_new (KamFigureTable *table, guint32 id);
void _kam_figure_notify_field (KamFigure *self, KamFigureField field, gboolean known_changed);

G_END_DECLS
