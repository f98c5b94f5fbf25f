/* kam-text-cell.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include "kam-cell.h"

G_BEGIN_DECLS

/* A text cell for lists: reads like a label, edits in place, as a cell of a
 * spreadsheet does. The first character typed replaces the text (moving the
 * cursor or clicking again edits it in place instead); Enter, or leaving the
 * cell after changing the text, commits; Escape puts the text back. It is a
 * GtkEditable over its GtkText. (GtkEditableLabel of GTK 4.8 leaves a timer
 * behind when destroyed.) */
#define KAM_TYPE_TEXT_CELL (kam_text_cell_get_type ())
G_DECLARE_FINAL_TYPE (KamTextCell, kam_text_cell, KAM, TEXT_CELL, GtkWidget)

typedef void (*KamTextCellFunc) (GtkWidget *cell, gpointer data);

/* commit: called with the changed text; started: when editing begins (may be NULL) */
GtkWidget *kam_text_cell_new (KamTextCellFunc commit, KamTextCellFunc started, gpointer data);
/* Shows this text, unless the user is typing in the cell. */
void kam_text_cell_set_text (GtkWidget *cell, const char *text);
/* Shows this text even over what the user typed. */
void kam_text_cell_reset (GtkWidget *cell, const char *text);
/* The text editing begins from when it is not the one shown (a value shown
 * rounded, edited whole); NULL: the one shown. Nothing typed, the cell shows
 * its text again. */
void kam_text_cell_set_edit_text (GtkWidget *cell, const char *text);
/* Puts the cursor in the cell, editing this text (typed before, to be
 * changed): Enter commits it, Escape puts back the cell's own. */
void kam_text_cell_edit (GtkWidget *cell, const char *text);
/* Whether the cursor is placed in the text to edit it in place (moving it,
 * clicking twice, typing), rather than on the cell (a key replaces it). */
gboolean kam_text_cell_in_place (GtkWidget *cell);
/* Whether the user has typed something not yet committed. */
gboolean kam_text_cell_is_editing (GtkWidget *cell);
/* The name a screen reader gives the cell: its column's title. */
void kam_text_cell_set_label (GtkWidget *cell, const char *label);


G_END_DECLS
