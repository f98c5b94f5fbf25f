/* kam-window-private.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kam-charts-page.h"
#include "kam-checks-page.h"
#include "kam-document.h"
#include "kam-export.h"
#include "kam-lazy-page.h"
#include "kam-session.h"
#include "kam-shared.h"
#include "kam-window.h"

G_BEGIN_DECLS

/* The window's parts, for its files (as gnome-text-editor's
 * editor-window-private.h): kam-window.c, kam-window-files.c,
 * kam-window-export.c and kam-window-probe.c. */
struct _KamWindow
{
  AdwApplicationWindow parent_instance;

  AdwWindowTitle *title;
  AdwToastOverlay *toasts;
  AdwViewStack *stack;
  KamChartsPage *charts;
  /* the pages made when first shown */
  KamLazyPage *figures_slot;
  KamLazyPage *entry_slot;
  KamChecksPage *checks;
  GtkRevealer *loading;
  GtkProgressBar *loading_bar;
  GtkLabel *loading_label;
  GMenu *files_section;
  GMenuModel *primary_menu;
  GtkMenuButton *menu_button;
  GSettings *settings;
  KamSession *session; /* (nullable): the application's, told which files were opened */

  KamDocument *document; /* the pages' "dataset" are bound to its dataset (kam-window.ui) */
  GSignalGroup *document_signals; /* follow the current document */
  GSignalGroup *history_signals;
  guint draft_delay;
  gboolean initial; /* the empty document of a new window, untouched */
  GCancellable *load_cancellable; /* of the file being opened, or of the work under way */
  guint loading_timeout;
  guint work_pulse;
  gboolean close_confirmed;
  gboolean close_after_save;
  gboolean upgrade_confirmed; /* the user agreed to write a version 1 file as version 2 */
  GtkFileChooserNative *chooser;
  /* a shared dataset (kam-window-shared.c) */
  KamShared *shared;        /* (nullable): the document's dataset is its */
  char *shared_address;
  GtkLabel *shared_status;  /* in the header bar */
  guint listen_source;      /* the listening socket watched */
  guint retry_source;       /* trying the server again */
  gboolean shared_busy;     /* a save or an update in a thread (one at a time) */
  gboolean update_wanted;   /* heard while busy */
  gboolean shared_offline;
  guint copy_source;            /* keeping the copy a moment after the last edit */
  gulong copy_handler;          /* the dataset's "changed" */
  char *queued_save;            /* a save asked while busy: its description, sent next */
  char *waiting_save;           /* a save the server was away for: its description, sent once it is back */
  GtkWidget *history_page;      /* the History page, while the dataset is shared */
  GtkStringList *history_lines; /* the server's history, a line a change */
  GtkEditable *history_search;
  GtkWidget *history_more;      /* said when only the newest changes are read */
  /* KAMLANG_PROBE (kam-window-probe.c) */
  gboolean probe_first_frame;
  guint probe_tick;
  gint64 probe_last_tick, probe_longest_stall, probe_figures_shown;
};

/* What a file chosen for export or import is for. */
typedef enum
{
  KAM_FILE_JOB_REPORT,
  KAM_FILE_JOB_CSV_EXPORT,
  KAM_FILE_JOB_CSV_IMPORT,
  KAM_FILE_JOB_WDI_IMPORT,
  KAM_FILE_JOB_TABLE_IMPORT, /* (the Import Table dialog reads it itself) */
  KAM_FILE_JOB_XLSX_EXPORT,
  KAM_FILE_JOB_CHART,
  KAM_FILE_JOB_PRINT_REPORT,
} KamFileJob;

/* kam-window.c */
void _kam_window_set_document (KamWindow *self, KamDocument *document);
void _kam_window_toast (KamWindow *self, const char *text);
void _kam_window_remember_file (KamWindow *self, GFile *file);

/* kam-window-files.c */
void _kam_window_install_file_actions (GtkWidgetClass *widget_class);
void _kam_window_accept_dropped_files (KamWindow *self);
void _kam_window_stop_loading (KamWindow *self);
gboolean _kam_window_ask_before_closing (KamWindow *self);
/* Long work in a thread: the window shows it (after half a second, with a
 * Cancel button that cancels the cancellable) until it ends. */
void _kam_window_begin_work (KamWindow *self, const char *text, GCancellable *cancellable);
void _kam_window_end_work (KamWindow *self, GCancellable *cancellable);

/* kam-window-shared.c */
void _kam_window_install_shared_actions (GtkWidgetClass *widget_class);
/* Saves a shared dataset (asking for the change's description); FALSE when
 * the document is not one. */
gboolean _kam_window_save_shared (KamWindow *self);
void _kam_window_forget_shared (KamWindow *self);

/* kam-window-probe.c */
void _kam_window_probe_realized (KamWindow *self);
void _kam_window_probe_start_ticking (KamWindow *self);
void _kam_window_probe_tell_longest (KamWindow *self, const char *while_doing);
void _kam_window_probe_job_done (KamWindow *self, KamFileJob job);

/* kam-window-export.c */

void _kam_window_install_export_actions (GtkWidgetClass *widget_class);

/* What the export, print and import actions do, without their file choosers. */
GdkTexture *kam_window_render_chart_texture (KamWindow *self, int width, int height);
gboolean kam_window_print (KamWindow *self, gboolean report, const char *export_pdf, GError **error);
void kam_window_export_chart (KamWindow *self, KamChart *chart, GFile *file, KamExportFormat format, double width,
                              double height, double dpi, gboolean transparent);
void kam_window_run_file_job (KamWindow *self, KamFileJob job, GFile *file, const char *country,
                                  const char *indicator);

G_END_DECLS
