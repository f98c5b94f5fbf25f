/* kam-test-ui.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the window's tests (tests/test-window-*.c) share: opening a window on
 * a fixture, finding cells, controls and dialogs by their accessible names,
 * typing and pressing keys, waiting for the window to settle. */

#pragma once

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <math.h>
#include <stdlib.h>
#include <signal.h>
#include <sys/wait.h>
#include "kam-application.h"
#include "kam-chart-private.h"
#include "kam-config.h"
#include "kam-drafts.h"
#include "kam-test-utils.h"
#include "kam-window.h"
#include "kam-checks-page.h"
#include "kam-window-private.h"
#include "kam-text-cell.h"
#include "kam-choice-cell.h"
#include "kam-ui-util.h"
#include "kam-export-dialog.h"
#include "kam-items-view.h"
#include "kam-number.h"

G_BEGIN_DECLS

/* What find_cell_in() looks for. */
typedef struct
{
  GtkWidget *root;
  GType type;
  int field;
  guint figure_id;
  GtkWidget *found;
  const char *shows; /* when set: only a cell on screen whose tooltip is this */
  const char *text;  /* when set: only a text cell whose text is this */
} Search;

/* The folder of this test run, and the windows closed so far (kept until the end). */
extern char *tmp_dir;
/* GTK 4.8 leaves hover and tooltip timers pointing at the surfaces of
 * destroyed windows (a GDK critical, fatal in tests, some milliseconds later):
 * test windows are hidden, not destroyed, and kept until the process ends. */
extern GPtrArray *old_windows;

/* Sets up a window test program: its own folders, GTK and libadwaita.
 * Returns -1 to run the tests, else the exit status to return at once (no
 * display: skipped; the draft test's child: done). */
int kam_test_ui_init (int *argc, char ***argv);

void iterate (void);
gboolean wait_for (gboolean (*condition) (gpointer), gpointer data);
gboolean settled (gpointer data);
void wait_settled (KamWindow *window);
GFile *fixture_copy (const char *name);
KamWindow *open_window (const char *fixture);
void close_window (KamWindow *window);
const char *cell_says (GtkWidget *cell);
void find_cell_in (GtkWidget *widget, Search *search);
gboolean cell_exists (gpointer data);
void show_figures (KamWindow *window);
GtkWidget *show_page (KamWindow *window, const char *name);
GtkWidget *find_cell (KamWindow *window, KamFigureField field, guint id);
GtkWidget *find_widget (GtkWidget *root, GType type);
void press_enter (GtkWidget *cell);
void press_key (GtkWidget *cell, guint keyval);
void type_text (GtkWidget *cell, const char *typed);
void edit_cell (GtkWidget *cell, const char *text);
double value_of (KamWindow *window, guint id);
gboolean title_marked (KamWindow *window);
GtkListBoxRow *row_labelled (GtkWidget *popover, const char *text);
gboolean rows_are (gpointer data);
GtkColumnViewColumn *column_titled (GtkColumnView *columns, const char *title);
GtkColumnViewColumn *column_at (GtkColumnView *columns, guint position);
gboolean column_shown (GtkColumnView *columns, const char *title);
GtkWidget *find_named (GtkWidget *root, const char *name);
gboolean stack_shows (GtkStack *stack, const char *name);
gboolean list_scrolls (gpointer scroll);
gboolean list_scrolled (gpointer scroll);
gboolean list_at_top (gpointer scroll);
AdwMessageDialog *dialog_of (GtkWindow *parent);
void respond (gpointer dialog, const char *response);
guint check_mnemonic_buttons (GtkWidget *root);
gboolean draft_written (gpointer data);
gboolean path_exists (gpointer path);
gboolean draft_settled (gpointer window);
KamSession *new_session (void);
int child_main (const char *path);
gboolean menu_has_items (gpointer menu);
void count_changed (KamChart *chart, guint *count);
gboolean chart_drawn (gpointer view);
KamChartRegion drawn_region_of (KamChartView *view, const char *country);
KamChartPoint *chart_point (KamChart *chart, const char *country);
gboolean send_key (GtkWidget *widget, guint keyval);
gboolean press_shortcut (GtkWidget *widget, const char *trigger);
int count_focusable_labels (GtkWidget *widget);
gboolean label_matches (GtkWidget *widget, const char *text, gboolean exact);
gboolean label_below (GtkWidget *widget, const char *text);
GtkMenuButton *open_menu (GtkWidget *widget, const char *name);
gboolean menu_label_at_start (GtkMenuButton *button);
gboolean label_reads (GtkWidget *widget, const char *text);
gboolean label_shown (gpointer data);
const char *drop_down_text (GtkWidget *drop_down);
gboolean choose (GtkWidget *drop_down, const char *text);
GtkWidget *find_text_cell (GtkWidget *root, const char *text);
const char *filter_entry (GtkWidget *filter, guint position);
char *drawn_by (const char *renderer);
void note_items_changed (guint *changed, guint position, guint removed, guint added);
gboolean findings_at_least_one (gpointer page);
gboolean findings_none (gpointer page);
gboolean checks_done (gpointer page);
void collect_unnamed (GtkWidget *widget, GString *out);
int pdf_pages (const char *path);
void save_widget_png (GtkWidget *content, const char *path);
void save_window_png (KamWindow *window, const char *path);
gboolean narrow_enough (gpointer content);

G_END_DECLS
