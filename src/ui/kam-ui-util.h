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
/* Binds the drop-down showing these choices to a string property of the
 * group's source that holds a key, both ways. A key not among the choices
 * shows no choice. Detach the group while the choices are made again. */
void kam_choices_bind (KamChoices *choices, GBindingGroup *group, const char *property, GtkDropDown *drop_down);


/* Shows a message in a popover pointing at the widget. */
void kam_show_error_at (GtkWidget *widget, const char *message);
char *kam_dup_error_shown (GtkWidget *widget);
/* Shows a toast in the nearest AdwToastOverlay above the widget. */
gboolean kam_show_toast (GtkWidget *widget, AdwToast *toast);

G_END_DECLS

#include "kam-text-cell.h"

G_BEGIN_DECLS
/* With KAMLANG_PROBE set, tells on stderr when each step came. */
void kam_probe (const char *step);

void kam_menu_button_align_label (GtkMenuButton *button);
void kam_label_inner_controls (GtkWidget *root);
void kam_label_drop_down (GtkDropDown *drop_down);
void kam_menu_button_set_label (GtkMenuButton *button, const char *label);

/* A GClosureNotify that g_free()s the handler's data. */
void kam_closure_data_free (gpointer data, GClosure *closure);

/* Presents a dialog that goes away with its parent window. */
void kam_present_dialog (GtkWidget *dialog);
GtkWidget *kam_icon_button_new (const char *icon, const char *name, const char *tooltip,
                                const char *action);
/* Tab and Shift+Tab leave a list of cells: one Tab stop for the list. */
void kam_list_tab_leaves (GtkWidget *list);
G_END_DECLS
