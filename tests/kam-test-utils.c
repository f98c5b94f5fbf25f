/* kam-test-utils.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "kam-test-utils.h"
#include <string.h>
#include "kam-cli.h"

char *
kam_test_fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

KamDataset *
kam_test_load_fixture (const char *name)
{
  g_autofree char *path = kam_test_fixture (name);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  KamDataset *dataset = kam_dataset_load_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

KamDataset *
kam_test_load_bundled (void)
{
  g_autoptr (GError) error = NULL;
  KamDataset *dataset = kam_dataset_load_bundled (&error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

static void
count_cb (GObject *object, GParamSpec *pspec, KamNotifyCounter *counter)
{
  counter->count++;
}

void
kam_notify_counter_start (KamNotifyCounter *counter, gpointer object, const char *property)
{
  g_autofree char *signal = g_strdup_printf ("notify::%s", property);

  counter->count = 0;
  counter->object = object;
  counter->handler = g_signal_connect (object, signal, G_CALLBACK (count_cb), counter);
}

void
kam_notify_counter_stop (KamNotifyCounter *counter)
{
  g_clear_signal_handler (&counter->handler, counter->object);
}

gboolean
kam_test_problems_have (GPtrArray *problems, const char *where)
{
  if (problems == NULL)
    return FALSE;
  for (guint i = 0; i < problems->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (problems, i), where))
      return TRUE;
  return FALSE;
}

KamDataset *
kam_test_without_figures (KamDataset *dataset)
{
  g_autofree char *text = kam_dataset_to_data (dataset, NULL);
  KamDataset *copy = kam_dataset_load_data (text, strlen (text), NULL, NULL);
  KamFigureTable *table = kam_dataset_get_figures (copy);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < kam_figure_table_get_n_rows (table); i++)
    {
      guint id = kam_figure_table_get_id (table, i);
      g_array_append_val (ids, id);
    }
  kam_dataset_remove_figures (copy, (guint *) ids->data, ids->len, NULL);
  return copy;
}

GFile *
kam_test_fixture_copy (const char *name, const char *folder)
{
  g_autofree char *source = kam_test_fixture (name);
  g_autofree char *target = g_build_filename (folder, name, NULL);
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (source, &data, &length, NULL));
  g_assert_true (g_file_set_contents (target, data, length, NULL));
  return g_file_new_for_path (target);
}
