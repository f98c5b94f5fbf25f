/* test-undo.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Undo as a property: after 1,000 random edits of every kind, undoing them all
 * saves a file byte-identical to the original, and redoing them all one
 * byte-identical to the edited dataset. The seed is printed: rerun a failure
 * with --seed. */

#include <glib/gstdio.h>
#include <math.h>
#include "kam-test-utils.h"

#define N_EDITS 1000

static char *
saved_bytes (KamDataset *dataset, const char *path, gsize *length)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  char *data = NULL;

  g_assert_true (kam_dataset_save_file (dataset, file, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, length, NULL));
  return data;
}

static gpointer
random_item (GListModel *list)
{
  guint n = g_list_model_get_n_items (list);

  return n ? g_list_model_get_item (list, g_test_rand_int_range (0, n)) : NULL;
}

static const char *
random_key (KamDataset *dataset, KamFigureField field)
{
  GListModel *list = field == KAM_FIGURE_FIELD_COUNTRY     ? kam_dataset_get_countries (dataset)
                     : field == KAM_FIGURE_FIELD_INDICATOR ? kam_dataset_get_indicators (dataset)
                                                           : kam_dataset_get_sources (dataset);
  g_autoptr (GObject) item = random_item (list);
  const char *prop = field == KAM_FIGURE_FIELD_COUNTRY ? "code" : "id";
  g_autofree char *key = NULL;

  if (item == NULL)
    return NULL;
  g_object_get (item, prop, &key, NULL);
  return g_intern_string (key);
}

static guint
random_figure_id (KamDataset *dataset)
{
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  guint n = kam_figure_table_get_n_rows (table);

  return n ? kam_figure_table_get_id (table, g_test_rand_int_range (0, n)) : 0;
}

static void
random_row (KamDataset *dataset, KamFigureRow *row, char *note)
{
  row->country = g_test_rand_bit () ? random_key (dataset, KAM_FIGURE_FIELD_COUNTRY) : NULL;
  row->year = g_test_rand_int_range (1990, 2025);
  row->indicator = random_key (dataset, KAM_FIGURE_FIELD_INDICATOR);
  row->value = g_test_rand_int_range (0, 8) == 0 ? NAN : g_test_rand_double_range (0, 2e6);
  row->source = g_test_rand_bit () ? random_key (dataset, KAM_FIGURE_FIELD_SOURCE) : NULL;
  g_snprintf (note, 32, "note %u ថ្មី", g_test_rand_int ());
  row->note = g_test_rand_bit () ? note : NULL;
  row->qualifier = g_test_rand_int_range (0, KAM_N_QUALIFIERS);
  memset (row->members, 0, sizeof row->members);
  for (guint d = 0; d < kam_dataset_get_n_dimensions (dataset); d++)
    if (g_test_rand_int_range (0, 4) == 0)
      row->members[d] = g_test_rand_int_range (0, kam_dimension_get_n_members (kam_dataset_get_dimension (dataset, d)));
}

/* One random edit; returns whether it made a step (some are refused). */
static gboolean
random_edit (KamDataset *dataset, guint serial)
{
  g_autoptr (GError) error = NULL;
  KamFigureRow row;
  char note[32];
  guint id = random_figure_id (dataset);

  switch (g_test_rand_int_range (0, 14))
    {
    case 12:
      random_row (dataset, &row, note);
      return id && kam_dataset_set_figure_field (dataset, id, KAM_FIGURE_FIELD_QUALIFIER, &row, &error);
    case 13:
      random_row (dataset, &row, note);
      return id && kam_dataset_set_figure_field (dataset, id, KAM_FIGURE_FIELD_MEMBERS, &row, &error);
    case 0:
    case 1:
      return id && kam_dataset_set_figure_value (dataset, id, g_test_rand_bit () ? NAN : g_test_rand_double_range (0, 1e7), &error);
    case 2:
      random_row (dataset, &row, note);
      return id && kam_dataset_set_figure_field (dataset, id, KAM_FIGURE_FIELD_NOTE, &row, &error);
    case 3:
      random_row (dataset, &row, note);
      return id && kam_dataset_set_figure_field (dataset, id, KAM_FIGURE_FIELD_YEAR, &row, &error);
    case 4:
      random_row (dataset, &row, note);
      return id && kam_dataset_set_figure_field (dataset, id, KAM_FIGURE_FIELD_COUNTRY, &row, &error);
    case 5:
      random_row (dataset, &row, note);
      return id && kam_dataset_set_figure_field (dataset, id, KAM_FIGURE_FIELD_SOURCE, &row, &error);
    case 6:
      random_row (dataset, &row, note);
      return kam_dataset_add_figure (dataset, &row, &error) != 0;
    case 7:
      {
        guint ids[3] = { random_figure_id (dataset), random_figure_id (dataset), random_figure_id (dataset) };
        guint n = g_test_rand_int_range (1, 4);

        if (ids[0] == 0)
          return FALSE;
        /* the same figure twice is fine: it is removed once */
        kam_dataset_remove_figures (dataset, ids, n, NULL);
        return TRUE;
      }
    case 8:
      {
        g_autoptr (GObject) country = random_item (kam_dataset_get_countries (dataset));
        g_autofree char *name = g_strdup_printf ("Country %u", serial);

        return country && kam_dataset_set_item_string (dataset, country, "name", name, &error);
      }
    case 9:
      {
        g_autoptr (GObject) source = random_item (kam_dataset_get_sources (dataset));
        g_autofree char *title = g_strdup_printf ("Source title %u", serial);

        return source && kam_dataset_set_item_string (dataset, source, "title", title, &error);
      }
    case 10:
      {
        /* a new source and figures citing it, as one step */
        g_autofree char *source_id = g_strdup_printf ("new-source-%u", serial);
        g_autoptr (KamSource) source = kam_source_new (source_id);
        gboolean ok;

        kam_dataset_begin_group (dataset, "group");
        ok = kam_dataset_add_source (dataset, source, &error);
        for (int i = 0; ok && i < 3; i++)
          {
            random_row (dataset, &row, note);
            row.source = g_intern_string (source_id);
            ok = kam_dataset_add_figure (dataset, &row, &error) != 0;
          }
        kam_dataset_end_group (dataset);
        return ok;
      }
    default:
      {
        /* now and then a whole source goes, with the figures citing it */
        g_autoptr (GObject) source = g_test_rand_int_range (0, 4) == 0
                                         ? random_item (kam_dataset_get_sources (dataset)) : NULL;

        if (source != NULL)
          return kam_dataset_remove_source (dataset, KAM_SOURCE (source), TRUE, &error);
        return kam_dataset_set_title (dataset, g_test_rand_bit () ? NULL : "Edited title");
      }
    }
}

static void
test_undo_all_redo_all (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kam-undo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "undo.kamlang", NULL);
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autofree char *original = NULL, *edited = NULL, *undone = NULL, *redone = NULL;
  gsize original_length, edited_length, undone_length, redone_length;
  guint steps = 0, undos = 0, redos = 0;

  original = saved_bytes (dataset, path, &original_length);
  for (guint i = 0; i < N_EDITS; i++)
    {
      steps += random_edit (dataset, i);
      /* the index follows every edit: the same as one built afresh */
      g_assert_true (kam_figure_table_check_index (kam_dataset_get_figures (dataset)));
    }
  g_test_message ("%u edits made %u steps", N_EDITS, steps);
  /* some edits are refused: a figure with the key of another one, ... */
  g_assert_cmpuint (steps, >, N_EDITS / 4);
  edited = saved_bytes (dataset, path, &edited_length);
  g_assert_false (original_length == edited_length && memcmp (original, edited, edited_length) == 0);

  while (kam_dataset_undo (dataset))
    {
      undos++;
      g_assert_true (kam_figure_table_check_index (kam_dataset_get_figures (dataset)));
    }
  /* an edit to the value a field already has is no step */
  g_test_message ("%u steps undone", undos);
  g_assert_cmpuint (undos, <=, steps);
  g_assert_cmpuint (undos, >, N_EDITS / 4);
  undone = saved_bytes (dataset, path, &undone_length);
  g_assert_cmpmem (undone, undone_length, original, original_length);

  while (kam_dataset_redo (dataset))
    {
      redos++;
      g_assert_true (kam_figure_table_check_index (kam_dataset_get_figures (dataset)));
    }
  g_assert_cmpuint (redos, ==, undos);
  redone = saved_bytes (dataset, path, &redone_length);
  g_assert_cmpmem (redone, redone_length, edited, edited_length);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kamlang/undo/all-then-redo-all", test_undo_all_redo_all);
  return g_test_run ();
}
