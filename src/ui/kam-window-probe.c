/* kam-window-probe.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* KAMLANG_PROBE: timings for tools/bench, told on stderr (kam_probe). When the
 * first frame is drawn, and the first with the file's data (once it is read);
 * =quit: then quit; =figures: then show the Figures page, tell when it is
 * drawn, and quit; =checks: the same for the Checks page once its checks are
 * done; =save: tell the longest wait of the main loop while the checks run,
 * then while a copy is saved (to KAMLANG_PROBE_SAVE_TO), and quit; =report:
 * the same while the PDF report is written (to KAMLANG_PROBE_SAVE_TO). Nothing
 * here runs without KAMLANG_PROBE. */

#include "kam-ui-util.h"
#include "kam-window-private.h"

/* KAMLANG_PROBE: how long the main thread went without running its loop
 * while the file was read, the checks ran or a copy was saved (a timer every
 * 10 ms notes how late it comes). */
static gboolean
probe_tick (gpointer data)
{
  KamWindow *self = data;
  gint64 now = g_get_monotonic_time ();

  if (self->probe_last_tick != 0)
    self->probe_longest_stall = MAX (self->probe_longest_stall, now - self->probe_last_tick);
  self->probe_last_tick = now;
  return G_SOURCE_CONTINUE;
}

void
_kam_window_probe_start_ticking (KamWindow *self)
{
  g_clear_handle_id (&self->probe_tick, g_source_remove);
  self->probe_last_tick = 0;
  self->probe_longest_stall = 0;
  self->probe_tick = g_timeout_add (10, probe_tick, self);
}

void
_kam_window_probe_tell_longest (KamWindow *self, const char *while_doing)
{
  g_autofree char *text = NULL;

  /* the wait that ends here counts too */
  if (self->probe_last_tick != 0)
    probe_tick (self);
  text = g_strdup_printf ("longest wait of the main loop while %s: %.1f ms", while_doing,
                          self->probe_longest_stall / 1000.0);
  g_clear_handle_id (&self->probe_tick, g_source_remove);
  kam_probe (text);
}

static void
figures_drawn (GdkFrameClock *clock, KamWindow *self)
{
  g_autofree char *text = g_strdup_printf ("Figures page drawn, %.1f ms after it was asked for",
                                           (g_get_monotonic_time () - self->probe_figures_shown) / 1000.0);

  g_signal_handlers_disconnect_by_func (clock, figures_drawn, self);
  kam_probe (text);
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
}

static void
probe_saved (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (KamWindow) self = data;
  g_autoptr (GError) error = NULL;

  if (!kam_document_save_finish (KAM_DOCUMENT (source), result, &error))
    g_printerr ("kamlang-probe: %s\n", error->message);
  _kam_window_probe_tell_longest (self, "saving");
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
}

/* KAMLANG_PROBE=save: once the checks are done, save a copy (to
 * KAMLANG_PROBE_SAVE_TO) and tell how long the main loop waited meanwhile. */
static void
probe_checked (KamWindow *self)
{
  g_autoptr (GFile) file = g_file_new_for_path (g_getenv ("KAMLANG_PROBE_SAVE_TO"));

  if (kam_checks_page_get_checking (self->checks))
    return;
  g_signal_handlers_disconnect_by_func (self->checks, probe_checked, self);
  _kam_window_probe_tell_longest (self, "checking");
  _kam_window_probe_start_ticking (self);
  kam_probe ("save starts");
  kam_document_save_async (self->document, file, KAM_DOCUMENT_SAVE_OVERWRITE, NULL, probe_saved,
                           g_object_ref (self));
}

static void
probe_checks_drawn (GdkFrameClock *clock, KamWindow *self)
{
  g_autofree char *text = g_strdup_printf ("Checks page drawn with %u findings",
                                           kam_checks_page_get_n_findings (self->checks));

  g_signal_handlers_disconnect_by_func (clock, probe_checks_drawn, self);
  kam_probe (text);
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
}

/* KAMLANG_PROBE=checks: the Checks page shown, once its checks are done, tell
 * when the next frame is drawn, and quit. */
static void
probe_checks_shown (KamWindow *self)
{
  if (kam_checks_page_get_checking (self->checks))
    return;
  g_signal_handlers_disconnect_by_func (self->checks, probe_checks_shown, self);
  kam_probe ("checks done, the page shown");
  g_signal_connect_after (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                          G_CALLBACK (probe_checks_drawn), self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* KAMLANG_PROBE: tell when the first frame is drawn, and the first with the
 * file's data (once it is read); =quit: then quit; =figures: then show the
 * Figures page, tell when it is drawn, and quit; =checks: the same for the
 * Checks page once its checks are done; =save: tell the longest wait of the
 * main loop while the checks run, then while a copy is saved, and quit. */
static void
frame_drawn (GdkFrameClock *clock, KamWindow *self)
{
  if (!self->probe_first_frame)
    kam_probe ("first frame");
  self->probe_first_frame = TRUE;
  if (kam_window_get_loading (self))
    return;
  g_signal_handlers_disconnect_by_func (clock, frame_drawn, self);
  kam_probe ("document drawn");
  if (g_strcmp0 (g_getenv ("KAMLANG_PROBE"), "figures") == 0)
    {
      /* then the Figures page, shown for the first time */
      self->probe_figures_shown = g_get_monotonic_time ();
      adw_view_stack_set_visible_child_name (self->stack, "figures");
      g_signal_connect_after (clock, "after-paint", G_CALLBACK (figures_drawn), self);
    }
  else if (g_strcmp0 (g_getenv ("KAMLANG_PROBE"), "quit") == 0)
    g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  else if (g_strcmp0 (g_getenv ("KAMLANG_PROBE"), "checks") == 0)
    {
      adw_view_stack_set_visible_child_name (self->stack, "checks");
      g_signal_connect_swapped (self->checks, "notify::checking", G_CALLBACK (probe_checks_shown), self);
      probe_checks_shown (self);
    }
  else if (g_strcmp0 (g_getenv ("KAMLANG_PROBE"), "report") == 0 && g_getenv ("KAMLANG_PROBE_SAVE_TO") != NULL)
    {
      g_autoptr (GFile) file = g_file_new_for_path (g_getenv ("KAMLANG_PROBE_SAVE_TO"));

      /* the report written in its thread, the main loop watched meanwhile */
      _kam_window_probe_start_ticking (self);
      kam_probe ("report starts");
      kam_window_run_file_job (self, KAM_FILE_JOB_REPORT, file, NULL, NULL);
    }
  else if (g_strcmp0 (g_getenv ("KAMLANG_PROBE"), "save") == 0 && g_getenv ("KAMLANG_PROBE_SAVE_TO") != NULL)
    {
      _kam_window_probe_start_ticking (self);
      g_signal_connect_swapped (self->checks, "notify::checking", G_CALLBACK (probe_checked), self);
      probe_checked (self);
    }
}

void
_kam_window_probe_realized (KamWindow *self)
{
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (self));
  g_autofree char *text = g_strdup_printf ("window realized, drawn by %s",
                                           renderer != NULL ? G_OBJECT_TYPE_NAME (renderer) : "nothing");

  kam_probe (text);
  g_signal_connect_after (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                          G_CALLBACK (frame_drawn), self);
}

/* KAMLANG_PROBE=report: the report is written; how long the main loop waited
 * meanwhile, and quit. */
void
_kam_window_probe_job_done (KamWindow *self, KamFileJob job)
{
  if (job != KAM_FILE_JOB_REPORT || g_strcmp0 (g_getenv ("KAMLANG_PROBE"), "report") != 0)
    return;
  _kam_window_probe_tell_longest (self, "writing the report");
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
}
