/* kam-ui-util.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include "kam-dataset.h"

G_BEGIN_DECLS

/* A list of choices for a GtkDropDown: labels shown, and the interned keys
 * behind them (a key may be NULL, e.g. "no country"). */
typedef struct
{
  GtkStringList *labels;
  GPtrArray *keys;
} KamChoices;

typedef enum
{
  KAM_CHOICES_COUNTRIES,
  KAM_CHOICES_INDICATORS,
  KAM_CHOICES_SOURCES,
} KamChoicesKind;

void kam_choices_init (KamChoices *choices);
void kam_choices_clear (KamChoices *choices);
/* Refills from the dataset, after the leading entries (label, key pairs,
 * NULL-terminated). Returns whether anything changed. */
gboolean kam_choices_update (KamChoices *choices, KamDataset *dataset, KamChoicesKind kind,
                             const char *first_label, ...) G_GNUC_NULL_TERMINATED;
guint kam_choices_find (KamChoices *choices, const char *key);
const char *kam_choices_get_key (KamChoices *choices, guint index);

const char *kam_indicator_label (KamDataset *dataset, const char *id);

/* Shows a message in a popover pointing at the widget. */
void kam_show_error_at (GtkWidget *widget, const char *message);
/* Shows a toast in the nearest AdwToastOverlay above the widget. */
void kam_show_toast (GtkWidget *widget, AdwToast *toast);

G_END_DECLS

G_BEGIN_DECLS

/* A text cell for lists: reads like a label, edits in place. commit is called
 * when the user presses Enter or leaves the cell after changing the text;
 * Escape puts the text back. started is called when editing begins.
 * (GtkEditableLabel of GTK 4.8 leaves a timer behind when destroyed.) */
typedef void (*KamTextCellFunc) (GtkWidget *cell, gpointer data);

GtkWidget *kam_text_cell_new (KamTextCellFunc commit, KamTextCellFunc started, gpointer data);
/* Shows this text, unless the user is typing in the cell. */
void kam_text_cell_set_text (GtkWidget *cell, const char *text);
/* Shows this text even over what the user typed. */
void kam_text_cell_reset (GtkWidget *cell, const char *text);
gboolean kam_text_cell_is_editing (GtkWidget *cell);

G_END_DECLS

G_BEGIN_DECLS
/* Presents a dialog that goes away with its parent window. */
void kam_present_dialog (GtkWidget *dialog);
G_END_DECLS
