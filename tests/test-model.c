/* test-model.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include "kam-check.h"
#include "kam-test-utils.h"

static KamDataset *
small_dataset (void)
{
  KamDataset *dataset = kam_dataset_new ();
  g_autoptr (KamCountry) jpn = kam_country_new ("JPN");
  g_autoptr (KamCountry) kor = kam_country_new ("KOR");
  g_autoptr (KamSource) src = kam_source_new ("s1");

  kam_country_set_name (jpn, "Japan");
  kam_country_set_name (kor, "South Korea");
  g_assert_true (kam_dataset_add_country (dataset, jpn, NULL));
  g_assert_true (kam_dataset_add_country (dataset, kor, NULL));
  g_assert_true (kam_dataset_add_source (dataset, src, NULL));
  kam_dataset_mark_saved (dataset);
  return dataset;
}

static guint
add (KamDataset *dataset, const char *country, int year, const char *indicator, double value)
{
  KamFigureRow row = { country, year, indicator, value, "s1", NULL };
  g_autoptr (GError) error = NULL;
  guint id = kam_dataset_add_figure (dataset, &row, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (id, >, 0);
  return id;
}

static double
value_of (KamDataset *dataset, guint id)
{
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  int row = kam_figure_table_find_row (table, id);

  g_assert_cmpint (row, >=, 0);
  return kam_figure_table_get_value (table, row);
}

static void
test_unknown_is_not_zero (void)
{
  g_autoptr (KamDataset) dataset = small_dataset ();
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  guint unknown = add (dataset, "JPN", 2021, "workers", NAN);
  g_autoptr (KamFigure) figure = NULL;
  g_autoptr (GPtrArray) findings = NULL;

  add (dataset, "KOR", 2021, "workers", 5);
  add (dataset, NULL, 2021, "workers", 4);
  figure = g_list_model_get_item (G_LIST_MODEL (table), 0);
  g_assert_cmpuint (kam_figure_get_id (figure), ==, unknown);
  g_assert_false (kam_figure_get_known (figure));
  g_assert_true (isnan (kam_figure_get_value (figure)));
  /* The checks sum country figures: 5 (KOR) plus an unknown must be 5, above
   * the total of 4; were unknown zero or NAN summed, the sum would differ. */
  findings = kam_check_run (dataset, 2026);
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_true (strstr (kam_check_finding_get_message (findings->pdata[0], dataset), "add up to 5,") != NULL);
  /* An unknown value can be set to a number and back, and stays unknown, not 0. */
  g_assert_true (kam_dataset_set_figure_value (dataset, unknown, 12, NULL));
  g_assert_true (kam_figure_get_known (figure));
  g_assert_true (kam_dataset_undo (dataset));
  g_assert_false (kam_figure_get_known (figure));
  g_assert_cmpfloat (kam_figure_get_value (figure), !=, 0);
}

static void
test_add_undo_redo (void)
{
  g_autoptr (KamDataset) dataset = small_dataset ();
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  KamFigureRow rows[] = {
    { "JPN", 2020, "workers", 10, "s1", "a" },
    { "KOR", 2021, "workers", 20, NULL, NULL },
  };
  guint ids[2];

  g_assert_false (kam_dataset_get_modified (dataset));
  g_assert_true (kam_dataset_add_figures (dataset, rows, 2, ids, NULL));
  g_assert_cmpuint (kam_figure_table_get_n_rows (table), ==, 2);
  g_assert_true (kam_dataset_get_modified (dataset));
  g_assert_true (kam_dataset_undo (dataset));
  g_assert_cmpuint (kam_figure_table_get_n_rows (table), ==, 0);
  g_assert_false (kam_dataset_get_modified (dataset));
  g_assert_true (kam_dataset_redo (dataset));
  g_assert_cmpuint (kam_figure_table_get_n_rows (table), ==, 2);
  g_assert_cmpuint (kam_figure_table_get_id (table, 1), ==, ids[1]);
  g_assert_cmpstr (kam_figure_table_get_note (table, 0), ==, "a");
  g_assert_cmpfloat (kam_figure_table_get_value (table, 1), ==, 20);
}

static void
test_invalid_rows_refused (void)
{
  g_autoptr (KamDataset) dataset = small_dataset ();
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  const KamFigureRow bad[] = {
    { "JPN", 2021, "workers", -1, "s1", NULL },
    { "JPN", 1899, "workers", 1, "s1", NULL },
    { "JPN", 2101, "workers", 1, "s1", NULL },
    { "THA", 2021, "workers", 1, "s1", NULL },
    { "JPN", 2021, "nothing", 1, "s1", NULL },
    { "JPN", 2021, "workers", 1, "nowhere", NULL },
    { "JPN", 2021, "workers", INFINITY, "s1", NULL },
  };
  KamFigureRow two[] = { { "JPN", 2019, "workers", 1, "s1", NULL },
                         { "JPN", 2018, "workers", -3, "s1", NULL } };
  guint id = add (dataset, "JPN", 2021, "workers", 7);
  guint steps = kam_history_get_n_steps (kam_dataset_get_history (dataset));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_assert_cmpuint (kam_dataset_add_figure (dataset, &bad[i], &error), ==, 0);
      g_assert_error (error, KAM_ERROR, (i < 3 || i == 6 ? KAM_ERROR_INVALID : KAM_ERROR_NOT_FOUND));
    }
  {
    g_autoptr (GError) error = NULL;
    g_assert_false (kam_dataset_add_figures (dataset, two, 2, NULL, &error));
    g_assert_nonnull (strstr (error->message, "Row 2"));
  }
  {
    g_autoptr (GError) error = NULL;
    g_assert_false (kam_dataset_set_figure_value (dataset, id, -5, &error));
    g_assert_error (error, KAM_ERROR, KAM_ERROR_INVALID);
  }
  g_assert_cmpuint (kam_figure_table_get_n_rows (table), ==, 1);
  g_assert_cmpfloat (value_of (dataset, id), ==, 7);
  g_assert_cmpuint (kam_history_get_n_steps (kam_dataset_get_history (dataset)), ==, steps);
}

static void
test_set_fields_undo_redo (void)
{
  g_autoptr (KamDataset) dataset = small_dataset ();
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  guint id = add (dataset, "JPN", 2021, "workers", 11453);
  g_autoptr (KamSource) s2 = kam_source_new ("s2");
  const KamFigureRow changes[] = {
    { .country = "KOR" }, { .year = 2019 }, { .indicator = "citizens" },
    { .value = 12 }, { .source = "s2" }, { .note = "checked" },
  };
  KamFigureRow before, after;

  g_assert_true (kam_dataset_add_source (dataset, s2, NULL));
  kam_figure_table_get_row (table, 0, &before);
  for (KamFigureField f = KAM_FIGURE_FIELD_COUNTRY; f <= KAM_FIGURE_FIELD_NOTE; f++)
    {
      g_autoptr (GError) error = NULL;
      g_assert_true (kam_dataset_set_figure_field (dataset, id, f, &changes[f], &error));
      g_assert_no_error (error);
    }
  kam_figure_table_get_row (table, 0, &after);
  g_assert_cmpstr (after.country, ==, "KOR");
  g_assert_cmpint (after.year, ==, 2019);
  g_assert_cmpstr (after.indicator, ==, "citizens");
  g_assert_cmpfloat (after.value, ==, 12);
  g_assert_cmpstr (after.source, ==, "s2");
  g_assert_cmpstr (after.note, ==, "checked");

  for (guint i = 0; i < 6; i++)
    g_assert_true (kam_dataset_undo (dataset));
  kam_figure_table_get_row (table, 0, &after);
  g_assert_cmpstr (after.country, ==, before.country);
  g_assert_cmpint (after.year, ==, before.year);
  g_assert_cmpstr (after.indicator, ==, before.indicator);
  g_assert_cmpfloat (after.value, ==, before.value);
  g_assert_cmpstr (after.source, ==, before.source);
  g_assert_null (after.note);

  for (guint i = 0; i < 6; i++)
    g_assert_true (kam_dataset_redo (dataset));
  kam_figure_table_get_row (table, 0, &after);
  g_assert_cmpstr (after.country, ==, "KOR");
  g_assert_cmpstr (after.note, ==, "checked");
  g_assert_false (kam_dataset_redo (dataset));
}

static void
items_changed_cb (GListModel *model, guint position, guint removed, guint added, GArray *log)
{
  guint entry[3] = { position, removed, added };
  g_array_append_vals (log, entry, 3);
}

static void
test_remove_undo_restores_positions (void)
{
  g_autoptr (KamDataset) dataset = small_dataset ();
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  g_autoptr (GArray) log = g_array_new (FALSE, FALSE, sizeof (guint));
  guint ids[6], remove[2];

  for (guint i = 0; i < 6; i++)
    ids[i] = add (dataset, "JPN", 2010 + i, "workers", i * 100);
  remove[0] = ids[4];
  remove[1] = ids[1];
  g_signal_connect (table, "items-changed", G_CALLBACK (items_changed_cb), log);
  kam_dataset_remove_figures (dataset, remove, 2, NULL);
  g_assert_cmpuint (kam_figure_table_get_n_rows (table), ==, 4);
  g_assert_cmpint (kam_figure_table_get_year (table, 1), ==, 2012);
  /* one change covering rows 1..4, which became rows 1..2 */
  g_assert_cmpuint (log->len, ==, 3);
  g_assert_cmpuint (g_array_index (log, guint, 0), ==, 1);
  g_assert_cmpuint (g_array_index (log, guint, 1), ==, 4);
  g_assert_cmpuint (g_array_index (log, guint, 2), ==, 2);

  g_assert_true (kam_dataset_undo (dataset));
  g_assert_cmpuint (kam_figure_table_get_n_rows (table), ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      g_assert_cmpuint (kam_figure_table_get_id (table, i), ==, ids[i]);
      g_assert_cmpint (kam_figure_table_get_year (table, i), ==, 2010 + i);
    }
  g_assert_cmpuint (log->len, ==, 6);
  g_assert_cmpuint (g_array_index (log, guint, 3), ==, 1);
  g_assert_cmpuint (g_array_index (log, guint, 4), ==, 2);
  g_assert_cmpuint (g_array_index (log, guint, 5), ==, 4);
  g_assert_true (kam_dataset_redo (dataset));
  g_assert_cmpint (kam_figure_table_find_row (table, ids[4]), ==, -1);
  g_assert_cmpint (kam_figure_table_find_row (table, ids[5]), ==, 3);
}

static void
test_notify_once (void)
{
  g_autoptr (KamDataset) dataset = small_dataset ();
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  guint id = add (dataset, "JPN", 2021, "workers", 1);
  g_autoptr (KamFigure) figure = g_list_model_get_item (G_LIST_MODEL (table), 0);
  KamCountry *jpn = kam_dataset_lookup_country (dataset, "JPN");
  KamNotifyCounter value, known, year, name, title, modified;

  kam_dataset_mark_saved (dataset);
  kam_notify_counter_start (&value, figure, "value");
  kam_notify_counter_start (&known, figure, "known");
  kam_notify_counter_start (&year, figure, "year");
  kam_notify_counter_start (&name, jpn, "name");
  kam_notify_counter_start (&title, dataset, "title");
  kam_notify_counter_start (&modified, dataset, "modified");

  g_assert_true (kam_dataset_set_figure_value (dataset, id, 2, NULL));
  g_assert_cmpuint (value.count, ==, 1);
  g_assert_cmpuint (known.count, ==, 0);
  g_assert_true (kam_dataset_set_figure_value (dataset, id, 2, NULL)); /* no real change */
  g_assert_cmpuint (value.count, ==, 1);
  g_assert_true (kam_dataset_set_figure_value (dataset, id, NAN, NULL));
  g_assert_cmpuint (value.count, ==, 2);
  g_assert_cmpuint (known.count, ==, 1);
  g_assert_cmpuint (year.count, ==, 0);

  g_assert_true (kam_dataset_set_item_string (dataset, jpn, "name", "Nippon", NULL));
  g_assert_true (kam_dataset_set_item_string (dataset, jpn, "name", "Nippon", NULL));
  g_assert_cmpuint (name.count, ==, 1);
  g_assert_true (kam_dataset_undo (dataset));
  g_assert_cmpuint (name.count, ==, 2);
  g_assert_cmpstr (kam_country_get_name (jpn), ==, "Japan");

  g_assert_true (kam_dataset_set_title (dataset, "T"));
  g_assert_true (kam_dataset_set_title (dataset, "T"));
  g_assert_cmpuint (title.count, ==, 1);
  /* modified went from FALSE to TRUE once, whatever the number of edits */
  g_assert_cmpuint (modified.count, ==, 1);

  kam_notify_counter_stop (&value);
  kam_notify_counter_stop (&known);
  kam_notify_counter_stop (&year);
  kam_notify_counter_stop (&name);
  kam_notify_counter_stop (&title);
  kam_notify_counter_stop (&modified);
}

static void
changed_cb (KamDataset *dataset, guint *count)
{
  (*count)++;
}

static void
test_group_is_one_step (void)
{
  g_autoptr (KamDataset) dataset = small_dataset ();
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  KamHistory *history = kam_dataset_get_history (dataset);
  guint changed = 0;
  guint id = add (dataset, "JPN", 2021, "workers", 1);
  guint steps = kam_history_get_n_steps (history);

  g_signal_connect (dataset, "changed", G_CALLBACK (changed_cb), &changed);
  kam_dataset_begin_group (dataset, "Paste");
  add (dataset, "KOR", 2021, "workers", 2);
  add (dataset, "KOR", 2022, "workers", 3);
  g_assert_true (kam_dataset_set_figure_value (dataset, id, 10, NULL));
  kam_dataset_end_group (dataset);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (kam_history_get_n_steps (history), ==, steps + 1);
  g_assert_cmpstr (kam_history_get_undo_label (history), ==, "Paste");

  g_assert_true (kam_dataset_undo (dataset));
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpuint (kam_figure_table_get_n_rows (table), ==, 1);
  g_assert_cmpfloat (value_of (dataset, id), ==, 1);
  g_assert_true (kam_dataset_redo (dataset));
  g_assert_cmpuint (kam_figure_table_get_n_rows (table), ==, 3);
  g_assert_cmpfloat (value_of (dataset, id), ==, 10);
}

static void
test_modified_follows_saved_position (void)
{
  g_autoptr (KamDataset) dataset = small_dataset ();
  guint id = add (dataset, "JPN", 2021, "workers", 1);

  kam_dataset_mark_saved (dataset);
  g_assert_false (kam_dataset_get_modified (dataset));
  g_assert_true (kam_dataset_set_figure_value (dataset, id, 2, NULL));
  g_assert_true (kam_dataset_get_modified (dataset));
  g_assert_true (kam_dataset_undo (dataset));
  g_assert_false (kam_dataset_get_modified (dataset));
  g_assert_true (kam_dataset_undo (dataset)); /* before the save */
  g_assert_true (kam_dataset_get_modified (dataset));
  g_assert_true (kam_dataset_redo (dataset));
  g_assert_false (kam_dataset_get_modified (dataset));
  /* Undo past the save then edit: the saved state can never come back. */
  g_assert_true (kam_dataset_undo (dataset));
  add (dataset, "KOR", 2021, "workers", 3);
  g_assert_true (kam_dataset_get_modified (dataset));
  g_assert_true (kam_dataset_undo (dataset));
  g_assert_true (kam_dataset_get_modified (dataset));
}

static void
test_remove_country_in_use (void)
{
  g_autoptr (KamDataset) dataset = small_dataset ();
  KamCountry *jpn = kam_dataset_lookup_country (dataset, "JPN");
  g_autoptr (KamAgreement) agreement = g_object_new (KAM_TYPE_AGREEMENT, "country", "JPN",
                                                     "title", "MoU", NULL);
  g_autoptr (GError) error = NULL;

  add (dataset, "JPN", 2021, "workers", 1);
  add (dataset, "KOR", 2021, "workers", 2);
  add (dataset, "JPN", 2022, "workers", 3);
  g_assert_true (kam_dataset_add_agreement (dataset, agreement, NULL));
  g_assert_cmpuint (kam_dataset_count_figures_using (dataset, KAM_FIGURE_FIELD_COUNTRY, "JPN"), ==, 2);

  g_assert_false (kam_dataset_remove_country (dataset, jpn, FALSE, &error));
  g_assert_error (error, KAM_ERROR, KAM_ERROR_IN_USE);
  g_assert_nonnull (kam_dataset_lookup_country (dataset, "JPN"));

  g_assert_true (kam_dataset_remove_country (dataset, jpn, TRUE, NULL));
  g_assert_null (kam_dataset_lookup_country (dataset, "JPN"));
  g_assert_cmpuint (kam_figure_table_get_n_rows (kam_dataset_get_figures (dataset)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (kam_dataset_get_agreements (dataset)), ==, 0);

  g_assert_true (kam_dataset_undo (dataset)); /* one step brings all back */
  g_assert_true (kam_dataset_lookup_country (dataset, "JPN") == jpn);
  g_assert_cmpuint (kam_figure_table_get_n_rows (kam_dataset_get_figures (dataset)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (kam_dataset_get_agreements (dataset)), ==, 1);
}

static void
test_add_items_validated (void)
{
  g_autoptr (KamDataset) dataset = small_dataset ();
  g_autoptr (KamCountry) bad_code = kam_country_new ("jp");
  g_autoptr (KamCountry) dup = kam_country_new ("JPN");
  g_autoptr (KamSource) bad_date = g_object_new (KAM_TYPE_SOURCE, "id", "x", "date", "2021-13",
                                                 NULL);
  g_autoptr (KamAgreement) bad_ref = g_object_new (KAM_TYPE_AGREEMENT, "country", "THA", NULL);
  KamSource *s1 = kam_dataset_lookup_source (dataset, "s1");
  g_autoptr (GError) e1 = NULL, e2 = NULL, e3 = NULL, e4 = NULL, e5 = NULL;

  g_assert_false (kam_dataset_add_country (dataset, bad_code, &e1));
  g_assert_error (e1, KAM_ERROR, KAM_ERROR_INVALID);
  g_assert_false (kam_dataset_add_country (dataset, dup, &e2));
  g_assert_error (e2, KAM_ERROR, KAM_ERROR_INVALID);
  g_assert_false (kam_dataset_add_source (dataset, bad_date, &e3));
  g_assert_error (e3, KAM_ERROR, KAM_ERROR_INVALID);
  g_assert_false (kam_dataset_add_agreement (dataset, bad_ref, &e4));
  g_assert_error (e4, KAM_ERROR, KAM_ERROR_NOT_FOUND);
  g_assert_false (kam_dataset_set_item_string (dataset, s1, "date", "March 2022", &e5));
  g_assert_error (e5, KAM_ERROR, KAM_ERROR_INVALID);
  g_assert_null (kam_source_get_date (s1));
  g_assert_true (kam_partial_date_is_valid ("2024-02-29"));
  g_assert_false (kam_partial_date_is_valid ("2023-02-29"));
  g_assert_cmpuint (g_list_model_get_n_items (kam_dataset_get_countries (dataset)), ==, 2);
}

static void
test_figure_objects_follow_rows (void)
{
  g_autoptr (KamDataset) dataset = small_dataset ();
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  guint a = add (dataset, "JPN", 2020, "workers", 1);
  guint b = add (dataset, "JPN", 2021, "workers", 2);
  g_autoptr (KamFigure) fb = g_list_model_get_item (G_LIST_MODEL (table), 1);
  g_autoptr (KamFigure) again = g_list_model_get_item (G_LIST_MODEL (table), 1);

  g_assert_true (fb == again); /* one row object per live row */
  kam_dataset_remove_figures (dataset, &a, 1, NULL);
  /* The row moved up; its object still shows it. */
  g_assert_cmpuint (kam_figure_get_id (fb), ==, b);
  g_assert_cmpint (kam_figure_get_row (fb), ==, 0);
  g_assert_cmpint (kam_figure_get_year (fb), ==, 2021);
  kam_dataset_remove_figures (dataset, &b, 1, NULL);
  g_assert_false (kam_figure_is_present (fb));
  g_assert_true (kam_dataset_undo (dataset));
  g_assert_true (kam_figure_is_present (fb));
  g_assert_cmpfloat (kam_figure_get_value (fb), ==, 2);
}

static void
count_items_changed (GListModel *list, guint position, guint removed, guint added, GString *log)
{
  g_string_append_printf (log, "%u-%u+%u;", position, removed, added);
}

/* Breakdowns are edited like the other lists: members are objects with names
 * that can be changed and undone, and a dimension is the list of them. */
static void
test_members_editable (void)
{
  g_autoptr (KamDataset) dataset = kam_dataset_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) log = g_string_new (NULL);
  KamDimension *sex;
  KamMember *women, *other;
  guint before;

  g_assert_cmpint (kam_dataset_find_dimension (dataset, "sex"), ==, 0);
  sex = kam_dataset_get_dimension (dataset, 0);
  kam_dataset_mark_saved (dataset);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sex)), ==, 3);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (sex)) == KAM_TYPE_MEMBER);
  women = kam_dimension_get_member (sex, 1);
  g_assert_cmpstr (kam_member_get_code (women), ==, "women");
  g_assert_true (kam_member_get_dimension (women) == sex);
  g_assert_cmpint (kam_member_get_position (women), ==, 1);
  g_signal_connect (sex, "items-changed", G_CALLBACK (count_items_changed), log);

  /* a rename, undone and redone */
  g_assert_true (kam_dataset_set_item_string (dataset, women, "name", "Female workers", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (kam_dimension_get_member_label (sex, 1), ==, "Female workers");
  g_assert_true (kam_dataset_get_modified (dataset));
  g_assert_cmpint (kam_dimension_find_member (sex, "female workers", TRUE), ==, 1);
  g_assert_true (kam_dataset_undo (dataset));
  g_assert_cmpstr (kam_dimension_get_member_name (sex, 1), ==, "Women");
  g_assert_false (kam_dataset_get_modified (dataset));

  /* a name another member goes by (its code, English or Khmer name, any
   * case) is refused and changes nothing */
  before = kam_dataset_get_state (dataset);
  g_assert_false (kam_dataset_set_item_string (dataset, women, "name", "MEN", &error));
  g_assert_error (error, KAM_ERROR, KAM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "MEN"));
  g_clear_error (&error);
  g_assert_false (kam_dataset_set_item_string (dataset, women, "name-km", "បុរស", &error));
  g_clear_error (&error);
  g_assert_false (kam_dataset_set_item_string (dataset, women, "name", "total", &error));
  g_clear_error (&error);
  g_assert_cmpstr (kam_dimension_get_member_name (sex, 1), ==, "Women");
  g_assert_cmpuint (kam_dataset_get_state (dataset), ==, before);
  /* its own code, in other case, is its own */
  g_assert_true (kam_dataset_set_item_string (dataset, women, "name", "WOMEN", &error));
  g_assert_true (kam_dataset_undo (dataset));

  /* a new member: the list says so; undo takes it out, redo puts the same
   * object back, so that a rename after it redoes too */
  g_assert_false (kam_dataset_add_member (dataset, sex, "female", "Women", NULL, &error) >= 0);
  g_clear_error (&error);
  g_assert_cmpint (kam_dataset_add_member (dataset, sex, "other", "Other", NULL, &error), ==, 3);
  g_assert_no_error (error);
  other = kam_dimension_get_member (sex, 3);
  g_assert_true (kam_dataset_set_item_string (dataset, other, "name-km", "ផ្សេងទៀត", &error));
  g_assert_true (kam_dataset_undo (dataset));
  g_assert_true (kam_dataset_undo (dataset));
  g_assert_cmpuint (kam_dimension_get_n_members (sex), ==, 3);
  g_assert_null (kam_member_get_dimension (other));
  g_assert_true (kam_dataset_redo (dataset));
  g_assert_true (kam_dataset_redo (dataset));
  g_assert_true (kam_dimension_get_member (sex, 3) == other);
  g_assert_cmpstr (kam_dimension_get_member_name_km (sex, 3), ==, "ផ្សេងទៀត");
  g_assert_cmpstr (log->str, ==, "3-0+1;3-1+0;3-0+1;");

  /* the breakdown's own name */
  g_assert_true (kam_dataset_set_item_string (dataset, sex, "name", "Gender", &error));
  g_assert_cmpstr (kam_dimension_get_label (sex), ==, "Gender");
  g_assert_true (kam_dataset_undo (dataset));
  g_assert_cmpstr (kam_dimension_get_label (sex), ==, "Sex");
}

/* A source's id can change: its figures and agreements follow, in one step. */
static void
test_rename_source (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("good.kamlang");
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  KamSource *source = kam_dataset_lookup_source (dataset, "s1");
  g_autoptr (KamAgreement) agreement = g_list_model_get_item (kam_dataset_get_agreements (dataset), 0);
  g_autoptr (GError) error = NULL;
  g_autofree char *title = g_strdup (kam_source_get_title (source));
  KamSource *renamed;

  g_assert_cmpstr (kam_agreement_get_source (agreement), ==, "s1");
  g_assert_true (kam_dataset_set_item_string (dataset, source, "id", "mlvt-2022", &error));
  g_assert_no_error (error);
  g_assert_null (kam_dataset_lookup_source (dataset, "s1"));
  renamed = kam_dataset_lookup_source (dataset, "mlvt-2022");
  g_assert_nonnull (renamed);
  g_assert_cmpstr (kam_source_get_title (renamed), ==, title);
  for (guint i = 0; i < kam_figure_table_get_n_rows (table); i++)
    g_assert_cmpstr (kam_figure_table_get_source (table, i), ==, "mlvt-2022");
  g_assert_cmpstr (kam_agreement_get_source (agreement), ==, "mlvt-2022");
  g_assert_true (kam_figure_table_check_index (table));
  /* one step back */
  g_assert_true (kam_dataset_undo (dataset));
  g_assert_nonnull (kam_dataset_lookup_source (dataset, "s1"));
  g_assert_null (kam_dataset_lookup_source (dataset, "mlvt-2022"));
  g_assert_cmpstr (kam_figure_table_get_source (table, 0), ==, "s1");
  g_assert_cmpstr (kam_agreement_get_source (agreement), ==, "s1");
  /* an empty id, or one another source has, is refused */
  g_assert_false (kam_dataset_rename_source (dataset, kam_dataset_lookup_source (dataset, "s1"), "", &error));
  g_assert_error (error, KAM_ERROR, KAM_ERROR_INVALID);
}

/* A field of several figures set at once: one step, all or none. */
static void
test_set_figures_field (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("good.kamlang");
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  g_autoptr (KamSource) s2 = kam_source_new ("s2");
  g_autoptr (GError) error = NULL;
  guint ids[3];
  KamFigureRow src = { 0 };
  int sex = kam_dataset_find_dimension (dataset, "sex");
  guint64 state;

  g_assert_cmpint (sex, >=, 0);
  for (guint i = 0; i < 3; i++)
    ids[i] = kam_figure_table_get_id (table, i);
  g_assert_true (kam_dataset_add_source (dataset, s2, NULL));
  state = kam_dataset_get_state (dataset);

  /* the source of all three, in one step */
  src.source = "s2";
  g_assert_true (kam_dataset_set_figures_field (dataset, ids, 3, KAM_FIGURE_FIELD_SOURCE, 0, &src, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (kam_figure_table_get_source (table, i), ==, "s2");
  g_assert_true (kam_dataset_undo (dataset));
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (kam_figure_table_get_source (table, i), ==, "s1");
  g_assert_cmpuint (kam_dataset_get_state (dataset), ==, state);

  /* one member of a breakdown, the others kept */
  src.members[sex] = kam_dimension_find_code (kam_dataset_get_dimension (dataset, sex), "women");
  g_assert_true (kam_dataset_set_figures_field (dataset, ids, 2, KAM_FIGURE_FIELD_MEMBERS, sex, &src, &error));
  {
    KamFigureRow row;

    kam_figure_table_get_row (table, 1, &row);
    g_assert_cmpint (row.members[sex], ==, src.members[sex]);
    kam_figure_table_get_row (table, 2, &row);
    g_assert_cmpint (row.members[sex], ==, KAM_MEMBER_TOTAL);
  }
  g_assert_true (kam_dataset_undo (dataset));

  /* the year 2022 for Japan and Korea 2021: Korea 2022 exists, so neither
   * changes, and the error says why */
  src.year = 2022;
  g_assert_false (kam_dataset_set_figures_field (dataset, ids, 2, KAM_FIGURE_FIELD_YEAR, 0, &src, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (kam_figure_table_get_year (table, 0), ==, 2021);
  g_assert_cmpint (kam_figure_table_get_year (table, 1), ==, 2021);
  g_assert_cmpuint (kam_dataset_get_state (dataset), ==, state);
  g_assert_true (kam_figure_table_check_index (table));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kamlang/model/set-figures-field", test_set_figures_field);
  g_test_add_func ("/kamlang/model/unknown-is-not-zero", test_unknown_is_not_zero);
  g_test_add_func ("/kamlang/model/add-undo-redo", test_add_undo_redo);
  g_test_add_func ("/kamlang/model/invalid-rows-refused", test_invalid_rows_refused);
  g_test_add_func ("/kamlang/model/set-fields-undo-redo", test_set_fields_undo_redo);
  g_test_add_func ("/kamlang/model/remove-undo-restores-positions",
                   test_remove_undo_restores_positions);
  g_test_add_func ("/kamlang/model/notify-once", test_notify_once);
  g_test_add_func ("/kamlang/model/group-is-one-step", test_group_is_one_step);
  g_test_add_func ("/kamlang/model/modified-follows-saved-position",
                   test_modified_follows_saved_position);
  g_test_add_func ("/kamlang/model/remove-country-in-use", test_remove_country_in_use);
  g_test_add_func ("/kamlang/model/add-items-validated", test_add_items_validated);
  g_test_add_func ("/kamlang/model/figure-objects-follow-rows", test_figure_objects_follow_rows);
  g_test_add_func ("/kamlang/model/members-editable", test_members_editable);
  g_test_add_func ("/kamlang/model/rename-source", test_rename_source);
  return g_test_run ();
}
