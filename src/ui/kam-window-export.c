/* kam-window-export.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window's export, print and import actions. */

#include <glib/gi18n.h>
#include "kam-csv.h"
#include "kam-dataset-json.h"
#include "kam-export-dialog.h"
#include "kam-ui-util.h"
#include "kam-choices.h"
#include "kam-wdi.h"
#include "kam-window.h"
#include "kam-window-private.h"
#include "kam-import-dialog.h"
#include "kam-workbook.h"

static KamChart *
current_chart (KamWindow *self)
{
  return kam_charts_page_get_chart (kam_window_get_charts_page (self));
}

static void
toast_with_folder (KamWindow *self, const char *text, GFile *file)
{
  AdwToast *toast = adw_toast_new (text);
  g_autoptr (GFile) folder = g_file_get_parent (file);

  if (folder != NULL)
    {
      g_autofree char *uri = g_file_get_uri (folder);
      adw_toast_set_button_label (toast, _("Open _Folder"));
      adw_toast_set_action_name (toast, "win.open-folder");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
    }
  kam_show_toast (GTK_WIDGET (self), toast);
}

static void
show_error (KamWindow *self, const char *heading, const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  kam_present_dialog (dialog);
}

/* ---- export chart, copy, open folder ---------------------------------------- */

static void
export_chart_action (GtkWidget *widget, const char *name, GVariant *param)
{
  GtkWidget *dialog = kam_export_dialog_new (GTK_WINDOW (widget), current_chart (KAM_WINDOW (widget)));

  gtk_window_present (GTK_WINDOW (dialog));
}

GdkTexture *
kam_window_render_chart_texture (KamWindow *self, int width, int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  g_autoptr (GBytes) bytes = NULL;
  KamChartStyle style;
  GdkTexture *texture;

  kam_chart_style_init (&style, FALSE);
  kam_chart_render (current_chart (self), cr, &style, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * height);
  /* cairo's ARGB32 is premultiplied BGRA in memory on little-endian machines */
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  return texture;
}

static void
copy_chart_action (GtkWidget *widget, const char *name, GVariant *param)
{
  g_autoptr (GdkTexture) texture = kam_window_render_chart_texture (KAM_WINDOW (widget), 1600, 1000);

  gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
  kam_show_toast (widget, adw_toast_new (_("Chart copied as an image")));
}

static void
open_folder_action (GtkWidget *widget, const char *name, GVariant *param)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (param, NULL), GDK_CURRENT_TIME);
}

/* ---- printing --------------------------------------------------------------- */

static void
draw_chart_page (GtkPrintOperation *op, GtkPrintContext *context, int page, KamWindow *self)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double w = gtk_print_context_get_width (context), h = gtk_print_context_get_height (context);
  KamChartStyle style;

  kam_chart_style_init (&style, FALSE);
  /* the chart's layout at 96 dpi, scaled into the page (in points) */
  cairo_scale (cr, 0.75, 0.75);
  kam_chart_render (current_chart (self), cr, &style, w / 0.75, h / 0.75);
}

static void
draw_report_page (GtkPrintOperation *op, GtkPrintContext *context, int page, KamReport *report)
{
  kam_report_draw_page (report, gtk_print_context_get_cairo_context (context), page,
                        gtk_print_context_get_width (context), gtk_print_context_get_height (context));
}

/* Prints the chart, or the report's pages (prepared in a thread: sorting a
 * million figures takes seconds), with GTK's dialog or into export_pdf. */
static gboolean
print_now (KamWindow *self, KamReport *pages, const char *export_pdf, GError **error)
{
  g_autoptr (GtkPrintOperation) op = gtk_print_operation_new ();
  g_autoptr (GtkPageSetup) setup = gtk_page_setup_new ();
  gboolean report = pages != NULL;
  GtkPrintOperationResult result;

  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (op, setup);
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (op, report ? _("Kamlang report") : kam_chart_get_title (current_chart (self)));
  if (report)
    {
      gtk_print_operation_set_n_pages (op, kam_report_get_n_pages (pages));
      g_signal_connect (op, "draw-page", G_CALLBACK (draw_report_page), pages);
    }
  else
    {
      gtk_print_operation_set_n_pages (op, 1);
      g_signal_connect (op, "draw-page", G_CALLBACK (draw_chart_page), self);
    }
  if (export_pdf != NULL)
    gtk_print_operation_set_export_filename (op, export_pdf);
  result = gtk_print_operation_run (op, export_pdf ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                   : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

static void start_print_job (KamWindow *self, const char *export_pdf);

/**
 * kam_window_print:
 * @export_pdf: (nullable): print into this PDF file instead of asking (for tests)
 *
 * The chart at once; the report once its pages are prepared in a thread
 * (kam_window_get_loading() is TRUE until then), saying what went wrong.
 */
gboolean
kam_window_print (KamWindow *self, gboolean report, const char *export_pdf, GError **error)
{
  if (!report)
    return print_now (self, NULL, export_pdf, error);
  start_print_job (self, export_pdf);
  return TRUE;
}

static void
print_action (GtkWidget *widget, const char *name, GVariant *param)
{
  g_autoptr (GError) error = NULL;

  if (!kam_window_print (KAM_WINDOW (widget), g_str_equal (name, "win.print-report"), NULL, &error))
    show_error (KAM_WINDOW (widget), _("Could Not Print"), error->message);
}

/* ---- files: report, CSV, World Bank ----------------------------------------- */


static void wdi_ask (KamWindow *self, GFile *file);

/* A job runs in a thread on a copy of the dataset, read from a snapshot taken
 * here (the figures' columns: milliseconds at 10^6 figures), so that the window
 * goes on answering while a report of a million figures is written or a file
 * is imported; an import's figures (and the World Bank's source) are then
 * added here, as one undoable step. */
typedef struct
{
  KamFileJob job;
  GFile *file;
  char *path, *country, *indicator;
  KamDatasetSnapshot *snapshot;
  /* the chart exported, or whose settings the report's charts follow: a
   * copy, given the dataset's copy in the thread */
  KamChart *chart;
  KamExportFormat format;
  double width, height, dpi;
  gboolean transparent;
  /* the report's pages to print, and where (NULL: GTK's dialog) */
  KamReport *pages;
  char *export_pdf;
  /* what an import adds */
  GArray *rows;       /* KamFigureRow, notes owned */
  GPtrArray *sources; /* KamSource */
  guint added;
} Job;

static void
job_free (Job *d)
{
  g_clear_object (&d->file);
  g_free (d->path);
  g_free (d->country);
  g_free (d->indicator);
  kam_dataset_snapshot_free (d->snapshot);
  g_clear_object (&d->chart);
  kam_report_free (d->pages);
  g_free (d->export_pdf);
  if (d->rows != NULL)
    {
      for (guint i = 0; i < d->rows->len; i++)
        g_free ((char *) g_array_index (d->rows, KamFigureRow, i).note);
      g_array_unref (d->rows);
    }
  g_clear_pointer (&d->sources, g_ptr_array_unref);
  g_free (d);
}

/* In the thread: what an import added to the copy, to add to the dataset. */
static void
take_additions (Job *d, KamDataset *copy, guint n_rows, guint n_sources)
{
  KamFigureTable *table = kam_dataset_get_figures (copy);
  GListModel *sources = kam_dataset_get_sources (copy);

  d->rows = g_array_new (FALSE, TRUE, sizeof (KamFigureRow));
  for (guint i = n_rows; i < kam_figure_table_get_n_rows (table); i++)
    {
      KamFigureRow row;

      kam_figure_table_get_row (table, i, &row);
      row.note = g_strdup (row.note);
      g_array_append_val (d->rows, row);
    }
  d->sources = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = n_sources; i < g_list_model_get_n_items (sources); i++)
    g_ptr_array_add (d->sources, kam_source_copy (g_list_model_get_item (sources, i)));
}

static void
job_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Job *d = task_data;
  GError *error = NULL;
  gsize length;
  g_autofree char *text = kam_dataset_snapshot_to_data (d->snapshot, &length);
  g_autoptr (KamDataset) copy = kam_dataset_load_data (text, length, NULL, &error);
  guint n_rows, n_sources;
  gboolean ok = FALSE;

  g_clear_pointer (&text, g_free);
  if (copy == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  n_rows = kam_figure_table_get_n_rows (kam_dataset_get_figures (copy));
  n_sources = g_list_model_get_n_items (kam_dataset_get_sources (copy));
  kam_chart_set_dataset (d->chart, copy);
  switch (d->job)
    {
    case KAM_FILE_JOB_REPORT:
      ok = kam_export_report (copy, d->chart, d->path, &error);
      break;
    case KAM_FILE_JOB_CHART:
      ok = kam_export_chart (d->chart, d->path, d->format, d->width, d->height, d->dpi, d->transparent, &error);
      break;
    case KAM_FILE_JOB_PRINT_REPORT:
      /* the pages keep the copy, for drawing them on the window's thread */
      d->pages = kam_report_new (copy, d->chart);
      ok = TRUE;
      break;
    case KAM_FILE_JOB_CSV_EXPORT:
      ok = kam_csv_export_file (copy, d->path, &error);
      break;
    case KAM_FILE_JOB_XLSX_EXPORT:
      ok = kam_workbook_export (copy, d->chart, d->path, &error);
      break;
    case KAM_FILE_JOB_CSV_IMPORT:
      ok = kam_csv_import_file (copy, d->path, &d->added, &error);
      break;
    default:
      ok = kam_wdi_import (copy, d->path, d->country, d->indicator, &d->added, &error);
    }
  /* the copy is let go here, in the thread (at 10^6 figures, some 100 MB),
   * unless the pages to print keep it */
  kam_chart_set_dataset (d->chart, NULL);
  if (!ok)
    {
      g_task_return_error (task, error);
      return;
    }
  if (d->job == KAM_FILE_JOB_CSV_IMPORT || d->job == KAM_FILE_JOB_WDI_IMPORT)
    take_additions (d, copy, n_rows, n_sources);
  g_task_return_boolean (task, TRUE);
}

/* Here again: an import's additions go into the dataset as one step. */
static gboolean
apply_import (KamWindow *self, Job *d, GError **error)
{
  KamDataset *dataset = kam_window_get_dataset (self);
  gboolean ok = TRUE;

  kam_dataset_begin_group (dataset, _("Import figures"));
  for (guint i = 0; ok && i < d->sources->len; i++)
    ok = kam_dataset_lookup_source (dataset, kam_source_get_id (g_ptr_array_index (d->sources, i))) != NULL
         || kam_dataset_add_source (dataset, g_ptr_array_index (d->sources, i), error);
  if (ok && d->rows->len > 0)
    ok = kam_dataset_add_figures (dataset, (KamFigureRow *) d->rows->data, d->rows->len, NULL, error);
  kam_dataset_end_group (dataset);
  /* the figures changed meanwhile and no longer take these: nothing stays */
  if (!ok && d->sources->len > 0)
    kam_dataset_undo (dataset);
  return ok;
}

static void
job_done (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (KamWindow) self = data;
  Job *d = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autofree char *name = d->file != NULL ? g_file_get_basename (d->file) : NULL;
  g_autofree char *text = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);
  gboolean import = d->job == KAM_FILE_JOB_CSV_IMPORT || d->job == KAM_FILE_JOB_WDI_IMPORT;
  gboolean cancelled = g_task_get_cancellable (G_TASK (result)) != NULL
                       && g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result)));

  _kam_window_end_work (self, g_task_get_cancellable (G_TASK (result)));
  if (self->probe_tick != 0)
    _kam_window_probe_job_done (self, d->job);
  if (cancelled && (import || d->job == KAM_FILE_JOB_PRINT_REPORT))
    return; /* nothing is added, or printed */
  if (ok && d->job == KAM_FILE_JOB_PRINT_REPORT)
    {
      if (!print_now (self, d->pages, d->export_pdf, &error))
        show_error (self, _("Could Not Print"), error->message);
      return;
    }
  if (ok && import)
    ok = apply_import (self, d, &error);
  if (!ok)
    {
      g_autofree char *heading = g_strdup_printf (import ? _("Nothing Was Imported From “%s”") : _("Could Not Write “%s”"),
                                                  name);
      show_error (self, heading, error->message);
      return;
    }
  switch (d->job)
    {
    case KAM_FILE_JOB_REPORT:
      text = g_strdup_printf (_("Report exported as “%s”"), name);
      toast_with_folder (self, text, d->file);
      break;
    case KAM_FILE_JOB_CSV_EXPORT:
      text = g_strdup_printf (_("Figures exported as “%s”"), name);
      toast_with_folder (self, text, d->file);
      break;
    case KAM_FILE_JOB_XLSX_EXPORT:
      text = g_strdup_printf (_("Workbook exported as “%s”"), name);
      toast_with_folder (self, text, d->file);
      break;
    case KAM_FILE_JOB_CHART:
      text = g_strdup_printf (_("Chart exported as “%s”"), name);
      toast_with_folder (self, text, d->file);
      break;
    case KAM_FILE_JOB_CSV_IMPORT:
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u figure imported", "%u figures imported", d->added),
                              d->added);
      kam_show_toast (GTK_WIDGET (self), adw_toast_new (text));
      break;
    default:
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u figure imported from the World Bank",
                                           "%u figures imported from the World Bank", d->added),
                              d->added);
      kam_show_toast (GTK_WIDGET (self), adw_toast_new (text));
    }
}

/**
 * kam_window_run_file_job:
 *
 * Starts the job in a thread; the window says how it went (a toast, or a
 * dialog that says what is wrong) and, for anything over half a second,
 * shows that it is working meanwhile. kam_window_get_loading() is TRUE until
 * it is done.
 */
static void
start_job (KamWindow *self, Job *d)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *name = d->file != NULL ? g_file_get_basename (d->file) : NULL;
  g_autofree char *text = NULL;

  d->path = d->file != NULL ? g_file_get_path (d->file) : NULL;
  d->snapshot = kam_dataset_snapshot_new (kam_window_get_dataset (self));
  switch (d->job)
    {
    case KAM_FILE_JOB_REPORT:
      text = g_strdup_printf (_("Writing the report “%s”…"), name);
      break;
    case KAM_FILE_JOB_CSV_EXPORT:
    case KAM_FILE_JOB_XLSX_EXPORT:
    case KAM_FILE_JOB_CHART:
      text = g_strdup_printf (_("Writing “%s”…"), name);
      break;
    case KAM_FILE_JOB_PRINT_REPORT:
      text = g_strdup (_("Preparing the report for printing…"));
      break;
    default:
      text = g_strdup_printf (_("Importing “%s”…"), name);
    }
  _kam_window_begin_work (self, text, cancellable);
  task = g_task_new (NULL, cancellable, job_done, g_object_ref (self));
  g_task_set_task_data (task, d, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, job_thread);
}

void
kam_window_run_file_job (KamWindow *self, KamFileJob job, GFile *file, const char *country, const char *indicator)
{
  Job *d = g_new0 (Job, 1);

  g_return_if_fail (job != KAM_FILE_JOB_CHART);
  d->job = job;
  d->file = g_object_ref (file);
  d->country = g_strdup (country);
  d->indicator = g_strdup (indicator);
  d->chart = kam_chart_copy (current_chart (self));
  start_job (self, d);
}

static void
start_print_job (KamWindow *self, const char *export_pdf)
{
  Job *d = g_new0 (Job, 1);

  d->job = KAM_FILE_JOB_PRINT_REPORT;
  d->export_pdf = g_strdup (export_pdf);
  d->chart = kam_chart_copy (current_chart (self));
  start_job (self, d);
}

/**
 * kam_window_export_chart:
 *
 * Exports the chart (its settings as they are now, of the dataset as it is
 * now) in a thread, as kam_window_run_file_job() does.
 */
void
kam_window_export_chart (KamWindow *self, KamChart *chart, GFile *file, KamExportFormat format, double width,
                         double height, double dpi, gboolean transparent)
{
  Job *d = g_new0 (Job, 1);

  d->job = KAM_FILE_JOB_CHART;
  d->file = g_object_ref (file);
  d->chart = kam_chart_copy (chart);
  d->format = format;
  d->width = width;
  d->height = height;
  d->dpi = dpi;
  d->transparent = transparent;
  start_job (self, d);
}

/* What the file chooser is for. */
typedef struct
{
  KamWindow *self;
  KamFileJob job;
} FileRequest;

static void
chooser_response (GtkNativeDialog *chooser, int response, FileRequest *request)
{
  KamWindow *self = request->self;
  KamFileJob job = request->job;
  g_autoptr (GFile) file = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;

  if (file != NULL && job == KAM_FILE_JOB_WDI_IMPORT)
    wdi_ask (self, file);
  else if (file != NULL && job == KAM_FILE_JOB_TABLE_IMPORT)
    kam_import_dialog_run (self, file);
  else if (file != NULL)
    kam_window_run_file_job (self, job, file, NULL, NULL);
  g_object_unref (chooser);
}

static void
file_action (GtkWidget *widget, const char *name, GVariant *param)
{
  static const struct
  {
    const char *action;
    KamFileJob job;
    const char *title, *file, *pattern;
  } jobs[] = {
    { "win.export-report", KAM_FILE_JOB_REPORT, N_("Export Report"), N_("report.pdf"), "*.pdf" },
    { "win.export-csv", KAM_FILE_JOB_CSV_EXPORT, N_("Export Figures as CSV"), N_("figures.csv"), "*.csv" },
    { "win.export-xlsx", KAM_FILE_JOB_XLSX_EXPORT, N_("Export Workbook"), N_("figures.xlsx"), "*.xlsx" },
    { "win.import-csv", KAM_FILE_JOB_CSV_IMPORT, N_("Import Figures from CSV"), NULL, "*.csv" },
    { "win.import-wdi", KAM_FILE_JOB_WDI_IMPORT, N_("Import World Bank Data"), NULL, "*.csv" },
    { "win.import-table", KAM_FILE_JOB_TABLE_IMPORT, N_("Import Table"), NULL, "*.xlsx" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      GtkFileChooserNative *chooser;
      FileRequest *request;
      g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
      gboolean saving = jobs[i].file != NULL;

      if (!g_str_equal (name, jobs[i].action))
        continue;
      chooser = gtk_file_chooser_native_new (_(jobs[i].title), GTK_WINDOW (widget),
                                             saving ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                             saving ? _("_Export") : _("_Import"), _("_Cancel"));
      gtk_file_filter_add_pattern (filter, jobs[i].pattern);
      if (jobs[i].job == KAM_FILE_JOB_TABLE_IMPORT)
        {
          gtk_file_filter_add_pattern (filter, "*.ods");
          gtk_file_filter_add_pattern (filter, "*.csv");
          gtk_file_filter_add_pattern (filter, "*.XLSX");
          gtk_file_filter_add_pattern (filter, "*.ODS");
        }
      gtk_file_filter_set_name (filter, jobs[i].job == KAM_FILE_JOB_TABLE_IMPORT ? _("Tables (.xlsx, .ods, .csv)")
                                                                                 : jobs[i].pattern);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      if (saving)
        gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _(jobs[i].file));
      request = g_new (FileRequest, 1);
      request->self = KAM_WINDOW (widget);
      request->job = jobs[i].job;
      g_signal_connect_data (chooser, "response", G_CALLBACK (chooser_response), request, kam_closure_data_free, 0);
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
    }
}

/* Import Table of a file named by its path (a dropped file, a test). */
static void
import_table_file_action (GtkWidget *widget, const char *name, GVariant *param)
{
  g_autoptr (GFile) file = g_file_new_for_path (g_variant_get_string (param, NULL));

  kam_import_dialog_run (KAM_WINDOW (widget), file);
}

/* For World Bank data: which country's series, into which indicator. */
typedef struct
{
  KamWindow *self;
  GFile *file;
  GtkEditable *country;
  GtkDropDown *indicator;
  KamChoices choices;
} WdiRequest;

static void
wdi_request_free (gpointer data, GClosure *closure)
{
  WdiRequest *request = data;

  kam_choices_clear (&request->choices);
  g_object_unref (request->file);
  g_free (request);
}

static void
wdi_response (AdwMessageDialog *dialog, const char *response, WdiRequest *request)
{
  g_autofree char *code = g_utf8_strup (gtk_editable_get_text (request->country), -1);

  if (g_str_equal (response, "import"))
    kam_window_run_file_job (request->self, KAM_FILE_JOB_WDI_IMPORT, request->file, g_strstrip (code),
                             kam_choices_get_key (&request->choices,
                                                  gtk_drop_down_get_selected (request->indicator)));
}

static void
wdi_ask (KamWindow *self, GFile *file)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Import World Bank Data"),
                                              _("Which country's series, into which indicator? Cambodia (KHM) is the national total."));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *country = gtk_entry_new ();
  WdiRequest *request = g_new0 (WdiRequest, 1);
  KamChoices *choices = &request->choices;
  GtkWidget *indicator;
  guint remittances;

  kam_choices_init (choices);
  kam_choices_update (choices, kam_window_get_dataset (self), KAM_CHOICES_INDICATORS, NULL, NULL);
  indicator = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (choices->labels)), NULL);
  kam_label_drop_down (GTK_DROP_DOWN (indicator));
  remittances = kam_choices_find (choices, "remittances");
  if (remittances != GTK_INVALID_LIST_POSITION)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (indicator), remittances);
  gtk_editable_set_text (GTK_EDITABLE (country), KAM_HOME_COUNTRY);
  gtk_entry_set_max_length (GTK_ENTRY (country), 3);
  gtk_accessible_update_property (GTK_ACCESSIBLE (country), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Country code"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (indicator), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Indicator"), -1);
  gtk_box_append (GTK_BOX (box), country);
  gtk_box_append (GTK_BOX (box), indicator);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "import", _("_Import"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  request->self = self;
  request->file = g_object_ref (file);
  request->country = GTK_EDITABLE (country);
  request->indicator = GTK_DROP_DOWN (indicator);
  g_signal_connect_data (dialog, "response", G_CALLBACK (wdi_response), request, wdi_request_free, 0);
  kam_present_dialog (dialog);
}

void
_kam_window_install_export_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-chart", NULL, export_chart_action);
  gtk_widget_class_install_action (widget_class, "win.copy-chart", NULL, copy_chart_action);
  gtk_widget_class_install_action (widget_class, "win.open-folder", "s", open_folder_action);
  gtk_widget_class_install_action (widget_class, "win.print-chart", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.print-report", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, file_action);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, file_action);
  gtk_widget_class_install_action (widget_class, "win.export-xlsx", NULL, file_action);
  gtk_widget_class_install_action (widget_class, "win.import-csv", NULL, file_action);
  gtk_widget_class_install_action (widget_class, "win.import-wdi", NULL, file_action);
  gtk_widget_class_install_action (widget_class, "win.import-table", NULL, file_action);
  gtk_widget_class_install_action (widget_class, "win.import-table-file", "s", import_table_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-chart", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.copy-chart", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print-chart", NULL);
}
