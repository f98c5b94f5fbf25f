/* test-window.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gtk/gtk.h>
#include "kam-test-utils.h"
#include "kam-window.h"

static void
test_window_shows_dataset (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  KamWindow *window = g_object_ref_sink (kam_window_new (NULL));
  const char *title;

  kam_window_set_document (window, dataset, NULL);
  title = gtk_window_get_title (GTK_WINDOW (window));
  g_assert_nonnull (title);
  g_assert_null (strstr (title, "•"));
  g_assert_true (kam_window_get_dataset (window) == dataset);

  /* An edit marks the title as unsaved. */
  g_assert_true (kam_dataset_set_figure_value (
    dataset, kam_figure_table_get_id (kam_dataset_get_figures (dataset), 0), 1, NULL));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "•"));
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_test_skip ("no display");
      printf ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();
  g_test_add_func ("/kamlang/window/shows-dataset", test_window_shows_dataset);
  return g_test_run ();
}
