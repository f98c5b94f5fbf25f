/* kam-bench-bare-window.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The yardstick for Kamlang's window in tools/bench: a bare libadwaita
 * application window (a header bar and a label), measured the same way, from
 * launch to its first frame drawn (kam_probe), then it quits. */

#include <adwaita.h>
#include "kam-ui-util.h"

static void
frame_drawn (GdkFrameClock *clock, GtkWindow *window)
{
  g_signal_handlers_disconnect_by_func (clock, frame_drawn, window);
  kam_probe ("document drawn");
  g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
}

static void
realized (GtkWidget *window)
{
  kam_probe ("window realized");
  g_signal_connect_after (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (frame_drawn),
                          window);
}

static void
activate (GtkApplication *app)
{
  GtkWidget *window;

  kam_probe ("GTK and libadwaita started");
  window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new ("Kamlang");

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  g_signal_connect (window, "realize", G_CALLBACK (realized), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  g_autoptr (AdwApplication) app = adw_application_new ("io.github.kamlang.BareWindow",
                                                        G_APPLICATION_NON_UNIQUE);

  kam_probe ("start");
  g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
