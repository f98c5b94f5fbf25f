/* test-check.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "kam-check.h"
#include "kam-test-utils.h"

static KamCheckFinding *
finding_at (GPtrArray *findings, const char *where, const char *words)
{
  for (guint i = 0; i < findings->len; i++)
    {
      KamCheckFinding *f = g_ptr_array_index (findings, i);
      if (g_str_equal (f->where, where) && strstr (f->message, words) != NULL)
        return f;
    }
  return NULL;
}

static void
test_checks_find_each_kind (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("checks.kamlang");
  g_autoptr (GPtrArray) findings = kam_check_run (dataset, 2026);
  KamCheckFinding *f;

  /* rows: 0 KOR workers 100, 1 KOR women 150, 2 JPN 2099, 3 JPN no source,
   * 4 JPN 9 from s2 against 7, 5 national total 50 */
  f = finding_at (findings, "figures.rows[1]", "women");
  g_assert_nonnull (f);
  g_assert_cmpint (f->severity, ==, KAM_SEVERITY_ERROR);
  f = finding_at (findings, "figures.rows[2]", "2099");
  g_assert_nonnull (f);
  g_assert_cmpint (f->severity, ==, KAM_SEVERITY_ERROR);
  f = finding_at (findings, "figures.rows[3]", "no source");
  g_assert_nonnull (f);
  g_assert_cmpint (f->severity, ==, KAM_SEVERITY_WARNING);
  f = finding_at (findings, "figures.rows[4]", "differs");
  g_assert_nonnull (f);
  g_assert_cmpint (f->severity, ==, KAM_SEVERITY_WARNING);
  /* s1 countries: KOR 100 (JPN 2099 is another year) = 100 > 50 */
  f = finding_at (findings, "figures.rows[5]", "add up to 100");
  g_assert_nonnull (f);
  g_assert_cmpuint (findings->len, ==, 5);
}

static void
test_clean_data_has_no_findings (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("good.kamlang");
  g_autoptr (GPtrArray) findings = kam_check_run (dataset, 2026);

  g_assert_cmpuint (findings->len, ==, 0);
}

static void
test_checks_follow_edits (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("checks.kamlang");
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  g_autoptr (GPtrArray) after = NULL;

  /* Lowering the women to below the total removes that error. */
  g_assert_true (kam_dataset_set_figure_value (dataset, kam_figure_table_get_id (table, 1), 40, NULL));
  after = kam_check_run (dataset, 2026);
  g_assert_null (finding_at (after, "figures.rows[1]", "women"));
  g_assert_cmpuint (after->len, ==, 4);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kamlang/check/finds-each-kind", test_checks_find_each_kind);
  g_test_add_func ("/kamlang/check/clean-data-has-no-findings", test_clean_data_has_no_findings);
  g_test_add_func ("/kamlang/check/follows-edits", test_checks_follow_edits);
  return g_test_run ();
}
