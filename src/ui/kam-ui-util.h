/* kam-ui-util.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Shows a message in a popover pointing at the widget. */
void kam_show_error_at (GtkWidget *widget, const char *message);
char *kam_dup_error_shown (GtkWidget *widget);
/* Shows a toast in the nearest AdwToastOverlay above the widget. */
gboolean kam_show_toast (GtkWidget *widget, AdwToast *toast);

/* With KAMLANG_PROBE set, tells on stderr when each step came. */
void kam_probe (const char *step);

void kam_menu_button_align_label (GtkMenuButton *button);
void kam_label_inner_controls (GtkWidget *root);
void kam_label_drop_down (GtkDropDown *drop_down);
void kam_menu_button_set_label (GtkMenuButton *button, const char *label);

/* A GClosureNotify that g_free()s the handler's data. */
/* The width in pixels of the widest of these texts (NULL-terminated) as the
 * widget's font draws them: a column sized for its words in any language. */
int kam_widest_text (GtkWidget *widget, const char *const *texts);
void kam_closure_data_free (gpointer data, GClosure *closure);

/* Presents a dialog that goes away with its parent window. */
void kam_present_dialog (GtkWidget *dialog);
/* A control with its mnemonic label before (or above) it, named by it. */
GtkWidget *kam_labelled (const char *mnemonic, GtkWidget *control, GtkOrientation orientation);
GtkWidget *kam_icon_button_new (const char *icon, const char *name, const char *tooltip,
                                const char *action);
/* Tab and Shift+Tab leave a list of cells: one Tab stop for the list. */
void kam_list_tab_leaves (GtkWidget *list);
G_END_DECLS
