/* test-entry.c: the table of figures entered by hand (KamEntryTable) and the
 * plausibility rule that asks before a far-off value is kept.
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include "kam-check.h"
#include "kam-entry-table.h"
#include "kam-test-utils.h"

/* Deployments 2024 to destinations, split by sex: the ministry's monthly table. */
static KamEntryTable *
deployments_by_sex (KamDataset *dataset)
{
  KamEntryTable *table = kam_entry_table_new (dataset);
  int sex = kam_dataset_find_dimension (dataset, "sex");

  g_assert_cmpint (sex, >=, 0);
  kam_entry_table_set_layout (table, KAM_ENTRY_DESTINATIONS, sex);
  kam_entry_table_set_indicator (table, "deployed");
  kam_entry_table_set_years (table, 2024, 2024);
  kam_entry_table_set_source (table, "pp-000");
  return table;
}

static void
test_entry_cells_are_figures (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autoptr (KamEntryTable) table = deployments_by_sex (dataset);
  KamFigureTable *figures = kam_dataset_get_figures (dataset);
  guint n = kam_figure_table_get_n_rows (figures);
  g_autoptr (GError) error = NULL;
  int malaysia, korea;
  double value;
  guint id;
  KamFigureRow row;

  g_assert_cmpuint (kam_entry_table_get_n_columns (table), ==, 3);
  g_assert_true (kam_entry_table_column_is_total (table, 0));
  g_assert_false (kam_entry_table_column_is_total (table, 1));
  /* nothing of deployments in 2024 from this source: no rows yet */
  g_assert_cmpuint (kam_entry_table_get_n_rows (table), ==, 0);
  malaysia = kam_entry_table_add_row (table, "Malaysia", &error);
  g_assert_no_error (error);
  korea = kam_entry_table_add_row (table, "KOR", &error);
  g_assert_no_error (error);
  g_assert_cmpint (malaysia, ==, 0);
  g_assert_cmpint (korea, ==, 1);
  g_assert_cmpint (kam_entry_table_add_row (table, "malaysia", NULL), ==, malaysia);
  g_assert_cmpint (kam_entry_table_add_row (table, "Atlantis", &error), ==, -1);
  g_assert_error (error, KAM_ERROR, KAM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* women 1,200 and men 3,400 for Malaysia: two figures with their whole key */
  g_assert_true (kam_entry_table_set_cell (table, malaysia, 1, 1200, NULL, &error));
  g_assert_true (kam_entry_table_set_cell (table, malaysia, 2, 3400, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kam_figure_table_get_n_rows (figures), ==, n + 2);
  id = kam_entry_table_get_cell (table, malaysia, 2, &value);
  g_assert_cmpuint (id, !=, 0);
  g_assert_cmpfloat (value, ==, 3400);
  kam_figure_table_get_row (figures, kam_figure_table_find_row (figures, id), &row);
  g_assert_cmpstr (row.country, ==, "MYS");
  g_assert_cmpstr (row.indicator, ==, "deployed");
  g_assert_cmpstr (row.source, ==, "pp-000");
  g_assert_cmpint (row.year, ==, 2024);
  g_assert_cmpuint (row.members[kam_dataset_find_dimension (dataset, "sex")], ==, 2);
  /* Korea's cells are other figures: Malaysia's men are not overwritten */
  g_assert_true (kam_entry_table_set_cell (table, korea, 2, 5000, NULL, &error));
  kam_entry_table_get_cell (table, malaysia, 2, &value);
  g_assert_cmpfloat (value, ==, 3400);
  /* changing a cell changes its figure, not adding another */
  g_assert_true (kam_entry_table_set_cell (table, malaysia, 2, 3500, NULL, &error));
  g_assert_cmpuint (kam_figure_table_get_n_rows (figures), ==, n + 3);
  g_assert_cmpuint (kam_entry_table_get_cell (table, malaysia, 2, &value), ==, id);
  g_assert_cmpfloat (value, ==, 3500);
  /* clearing makes it unknown */
  g_assert_true (kam_entry_table_set_cell (table, malaysia, 2, KAM_VALUE_UNKNOWN, NULL, &error));
  kam_entry_table_get_cell (table, malaysia, 2, &value);
  g_assert_true (isnan (value));
  /* each cell was one undoable step */
  g_assert_true (kam_dataset_undo (dataset));
  kam_entry_table_get_cell (table, malaysia, 2, &value);
  g_assert_cmpfloat (value, ==, 3500);
  g_assert_true (kam_dataset_undo (dataset));
  g_assert_true (kam_dataset_undo (dataset));
  g_assert_true (kam_dataset_undo (dataset));
  g_assert_true (kam_dataset_undo (dataset));
  g_assert_cmpuint (kam_figure_table_get_n_rows (figures), ==, n);
  g_assert_true (kam_figure_table_check_index (figures));

  /* a bad value changes nothing */
  g_assert_false (kam_entry_table_set_cell (table, korea, 1, 12.5, NULL, &error));
  g_assert_error (error, KAM_ERROR, KAM_ERROR_INVALID);
  g_assert_cmpuint (kam_figure_table_get_n_rows (figures), ==, n);

  /* choosing the same table again finds its rows from the figures */
  g_clear_error (&error);
  g_assert_true (kam_entry_table_set_cell (table, korea, 1, 700, NULL, &error));
  kam_entry_table_set_years (table, 2024, 2024);
  g_assert_cmpuint (kam_entry_table_get_n_rows (table), ==, 1);
  g_assert_cmpstr (kam_entry_table_get_row_country (table, 0), ==, "KOR");
}

static void
test_entry_country_from_iso (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autoptr (KamEntryTable) table = deployments_by_sex (dataset);
  g_autoptr (GError) error = NULL;
  int row;

  g_assert_null (kam_dataset_lookup_country (dataset, "QAT"));
  row = kam_entry_table_add_row (table, "Qatar", &error);
  g_assert_no_error (error);
  g_assert_cmpint (row, ==, 0);
  g_assert_cmpstr (kam_entry_table_get_row_label (table, row), ==, "Qatar");
  /* the country joins the dataset with its first figure, in the same step */
  g_assert_true (kam_entry_table_set_cell (table, row, 0, 12, NULL, &error));
  g_assert_nonnull (kam_dataset_lookup_country (dataset, "QAT"));
  g_assert_true (kam_dataset_undo (dataset));
  g_assert_null (kam_dataset_lookup_country (dataset, "QAT"));
}

static void
test_entry_block_is_one_step (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autoptr (KamEntryTable) table = deployments_by_sex (dataset);
  KamFigureTable *figures = kam_dataset_get_figures (dataset);
  guint n = kam_figure_table_get_n_rows (figures);
  const double block[] = { 1200, 3400, 900, 2100 };
  const double bad[] = { 1, 2, -3, 4 };
  g_autoptr (GError) error = NULL;
  double value;

  kam_entry_table_add_row (table, "MYS", NULL);
  kam_entry_table_add_row (table, "KOR", NULL);
  /* a 2×2 block pasted at (0, women): the block's last column is men */
  g_assert_true (kam_entry_table_set_block (table, 0, 1, block, 2, 2, &error));
  g_assert_no_error (error);
  kam_entry_table_get_cell (table, 1, 2, &value);
  g_assert_cmpfloat (value, ==, 2100);
  g_assert_cmpuint (kam_figure_table_get_n_rows (figures), ==, n + 4);
  g_assert_true (kam_dataset_undo (dataset));
  g_assert_cmpuint (kam_figure_table_get_n_rows (figures), ==, n);
  /* cells beyond the table are left out */
  g_assert_true (kam_entry_table_set_block (table, 1, 2, block, 2, 2, &error));
  g_assert_cmpuint (kam_figure_table_get_n_rows (figures), ==, n + 1);
  g_assert_true (kam_dataset_undo (dataset));
  /* a block with a refused value changes nothing, and says why */
  g_assert_false (kam_entry_table_set_block (table, 0, 1, bad, 2, 2, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (kam_figure_table_get_n_rows (figures), ==, n);
}

static void
test_entry_totals (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autoptr (KamEntryTable) table = deployments_by_sex (dataset);
  double difference = 0;
  guint n_known;

  kam_entry_table_add_row (table, "MYS", NULL);
  kam_entry_table_add_row (table, "KOR", NULL);
  kam_entry_table_set_cell (table, 0, 0, 4600, NULL, NULL);
  kam_entry_table_set_cell (table, 0, 1, 1200, NULL, NULL);
  /* a part missing: a total above its parts may hold the rest */
  g_assert_false (kam_entry_table_get_mismatch (table, 0, 0, &difference));
  kam_entry_table_set_cell (table, 0, 2, 3400, NULL, NULL);
  g_assert_false (kam_entry_table_get_mismatch (table, 0, 0, &difference));
  kam_entry_table_set_cell (table, 0, 2, 3300, NULL, NULL);
  g_assert_true (kam_entry_table_get_mismatch (table, 0, 0, &difference));
  g_assert_cmpfloat (difference, ==, 100);
  /* parts are not totals */
  g_assert_false (kam_entry_table_get_mismatch (table, 0, 1, NULL));
  /* the total row against the destinations */
  kam_entry_table_set_cell (table, 1, 1, 800, NULL, NULL);
  g_assert_cmpfloat (kam_entry_table_get_column_sum (table, 1, &n_known), ==, 2000);
  g_assert_cmpuint (n_known, ==, 2);
  g_assert_cmpint (kam_entry_table_add_row (table, "", NULL), ==, -1);
}

static void
test_entry_mismatch_exact_when_complete (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autoptr (KamEntryTable) table = deployments_by_sex (dataset);
  double difference = 0;

  kam_entry_table_add_row (table, "MYS", NULL);
  kam_entry_table_set_cell (table, 0, 0, 4600, NULL, NULL);
  kam_entry_table_set_cell (table, 0, 1, 1200, NULL, NULL);
  kam_entry_table_set_cell (table, 0, 2, 3400, NULL, NULL);
  g_assert_false (kam_entry_table_get_mismatch (table, 0, 0, &difference));
  kam_entry_table_set_cell (table, 0, 0, 4000, NULL, NULL);
  g_assert_true (kam_entry_table_get_mismatch (table, 0, 0, &difference));
  g_assert_cmpfloat (difference, ==, -600);
}

static void
test_entry_plausibility (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autoptr (KamEntryTable) table = deployments_by_sex (dataset);
  g_autoptr (GPtrArray) findings = NULL;
  g_autofree char *why = NULL, *note = NULL, *line = NULL;
  KamFigureTable *figures = kam_dataset_get_figures (dataset);
  KamFigureRow key = { 0 };
  gboolean listed = FALSE;
  guint id;

  kam_entry_table_add_row (table, "JPN", NULL);
  kam_entry_table_get_cell_key (table, 0, 0, &key);
  key.value = 11000;
  g_assert_true (kam_rule_is_plausible (dataset, &key, 0, &why));
  g_assert_null (why);
  /* a digit too many: 10 times the largest value of deployments */
  key.value = 1e9;
  g_assert_false (kam_rule_is_plausible (dataset, &key, 0, &why));
  g_assert_nonnull (why);
  g_clear_pointer (&why, g_free);
  key.value = 123456789012;
  g_assert_false (kam_rule_is_plausible (dataset, &key, 0, &why));
  g_assert_nonnull (strstr (why, "persons"));
  /* a jump of more than 10 times from the year before, same key */
  kam_entry_table_set_years (table, 2023, 2023);
  kam_entry_table_add_row (table, "JPN", NULL);
  g_assert_true (kam_entry_table_set_cell (table, 0, 0, 1000, NULL, NULL));
  kam_entry_table_set_years (table, 2024, 2024);
  kam_entry_table_add_row (table, "JPN", NULL);
  kam_entry_table_get_cell_key (table, 0, 0, &key);
  key.value = 20000;
  g_clear_pointer (&why, g_free);
  g_assert_false (kam_rule_is_plausible (dataset, &key, 0, &why));
  g_assert_nonnull (strstr (why, "2023"));
  key.value = 50;
  g_clear_pointer (&why, g_free);
  g_assert_false (kam_rule_is_plausible (dataset, &key, 0, &why));
  key.value = 9000;
  g_clear_pointer (&why, g_free);
  g_assert_true (kam_rule_is_plausible (dataset, &key, 0, &why));

  /* confirmed: the figure carries a follow-up line the checks list */
  note = kam_rule_follow_up_note ("from the embassy", "20,000 is more than 10 times the year before");
  g_assert_true (kam_entry_table_set_cell (table, 0, 0, 20000, note, NULL));
  id = kam_entry_table_get_cell (table, 0, 0, NULL);
  line = kam_rule_dup_follow_up (kam_figure_table_get_note (figures, kam_figure_table_find_row (figures, id)));
  g_assert_nonnull (strstr (line, "20,000"));
  g_assert_true (g_str_has_prefix (kam_figure_table_get_note (figures, kam_figure_table_find_row (figures, id)),
                                   "from the embassy\n" KAM_FOLLOW_UP_MARK));
  findings = kam_check_run (dataset, 2026);
  for (guint i = 0; i < findings->len; i++)
    {
      KamCheckFinding *f = g_ptr_array_index (findings, i);

      if (f->kind == KAM_CHECK_FOLLOW_UP)
        {
          g_assert_cmpuint (f->figure_id, ==, id);
          g_assert_nonnull (strstr (kam_check_finding_get_message (f, dataset), "20,000 is more than 10 times"));
          listed = TRUE;
        }
    }
  g_assert_true (listed);
  g_assert_null (kam_rule_dup_follow_up ("no mark here\nnor here"));
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/entry/cells-are-figures", test_entry_cells_are_figures);
  g_test_add_func ("/entry/country-from-iso", test_entry_country_from_iso);
  g_test_add_func ("/entry/block-is-one-step", test_entry_block_is_one_step);
  g_test_add_func ("/entry/totals", test_entry_totals);
  g_test_add_func ("/entry/mismatch-exact-when-complete", test_entry_mismatch_exact_when_complete);
  g_test_add_func ("/entry/plausibility", test_entry_plausibility);
  return g_test_run ();
}
