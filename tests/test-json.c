/* test-json.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <math.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <fcntl.h>
#include "kam-cli.h"
#include "kam-test-utils.h"

static void
test_bundled_loads (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  static const struct
  {
    const char *code;
    double value;
  } f14[] = { { "THA", 1220197 }, { "KOR", 45866 }, { "MYS", 23027 }, { "JPN", 11453 },
              { "SGP", 821 },     { "HKG", 202 },   { "SAU", 43 } };
  double sum = 0;

  for (guint k = 0; k < G_N_ELEMENTS (f14); k++)
    {
      guint found = 0;
      for (guint i = 0; i < kam_figure_table_get_n_rows (table); i++)
        if (g_strcmp0 (kam_figure_table_get_country (table, i), f14[k].code) == 0
            && kam_figure_table_get_year (table, i) == 2021
            && g_str_equal (kam_figure_table_get_indicator (table, i), "workers"))
          {
            g_assert_cmpfloat (kam_figure_table_get_value (table, i), ==, f14[k].value);
            g_assert_cmpstr (kam_figure_table_get_source (table, i), ==, "pp-004");
            sum += kam_figure_table_get_value (table, i);
            found++;
          }
      g_assert_cmpuint (found, ==, 1);
    }
  g_assert_cmpfloat (sum, ==, 1301609);
  g_assert_false (kam_dataset_get_modified (dataset));
  /* Khmer names, every figure cites a source, the agreements are there. */
  g_assert_cmpstr (kam_country_get_name_km (kam_dataset_lookup_country (dataset, "JPN")), ==,
                   "ជប៉ុន");
  for (guint i = 0; i < kam_figure_table_get_n_rows (table); i++)
    g_assert_nonnull (kam_figure_table_get_source (table, i));
  g_assert_cmpuint (g_list_model_get_n_items (kam_dataset_get_agreements (dataset)), ==, 3);
  /* The World Bank series keeps full precision; F9's quota is unknown, not 0. */
  {
    gboolean wdi_2019 = FALSE, quota_unknown = FALSE;
    for (guint i = 0; i < kam_figure_table_get_n_rows (table); i++)
      {
        if (g_strcmp0 (kam_figure_table_get_source (table, i), "wb-wdi-2025-07-01") == 0
            && kam_figure_table_get_year (table, i) == 2019)
          wdi_2019 = kam_figure_table_get_value (table, i) == 2654393614.65735;
        if (g_str_equal (kam_figure_table_get_indicator (table, i), "quota"))
          quota_unknown = isnan (kam_figure_table_get_value (table, i));
      }
    g_assert_true (wdi_2019);
    g_assert_true (quota_unknown);
  }
}

static void
assert_round_trip (KamDataset *dataset, const char *text, gsize length)
{
  g_autofree char *again = NULL;
  gsize again_length = 0;

  again = kam_dataset_to_data (dataset, &again_length);
  g_assert_cmpmem (again, again_length, text, length);
}

static void
test_round_trip_bundled (void)
{
  g_autoptr (GFile) file = g_file_new_for_uri (KAM_BUNDLED_DATASET_URI);
  g_autoptr (GBytes) bytes = g_file_load_bytes (file, NULL, NULL, NULL);
  gsize length;
  const char *text = g_bytes_get_data (bytes, &length);
  g_autoptr (KamDataset) dataset = kam_dataset_load_data (text, length, NULL, NULL);

  g_assert_nonnull (dataset);
  /* its title and description in Khmer too (issue 27) */
  g_assert_cmpstr (kam_dataset_get_title_km (dataset), ==, "ពលករកម្ពុជាធ្វើការនៅបរទេស");
  g_assert_true (g_str_has_prefix (kam_dataset_get_description_km (dataset), "តួលេខ"));
  /* The bundled file was written by Kamlang: save(load(f)) == f, byte for byte. */
  assert_round_trip (dataset, text, length);
}

static void
test_round_trip_keeps_everything (void)
{
  g_autoptr (KamDataset) first = kam_test_load_fixture ("extra-keys.kamlang");
  g_autofree char *text = NULL;
  gsize length;
  g_autoptr (KamDataset) second = NULL;
  KamFigureTable *table;

  text = kam_dataset_to_data (first, &length);
  /* kept as written: json-glib 1.6 would write 9e44 as 9e+44.0, which is not JSON */
  g_assert_nonnull (strstr (text, "\"x-ministry\": {\n  \"office\": \"Planning\""));
  g_assert_nonnull (strstr (text, "   9e44,\n"));
  g_assert_nonnull (strstr (text, "\"aaa\": true"));
  g_assert_cmpint (strstr (text, "\"aaa\"") - strstr (text, "\"x-ministry\""), <, 0);
  g_assert_nonnull (strstr (text, "[\"KOR\", 2022, \"workers\", \"total\", \"total\", \"total\", \"total\", \"total\", null, \"exact\", \"s1\", null]"));
  second = kam_dataset_load_data (text, length, NULL, NULL);
  g_assert_nonnull (second);
  assert_round_trip (second, text, length);
  table = kam_dataset_get_figures (second);
  g_assert_cmpuint (kam_figure_table_get_n_rows (table), ==, 3);
  g_assert_cmpstr (kam_figure_table_get_note (table, 1), ==, "note");
  g_assert_true (isnan (kam_figure_table_get_value (table, 2)));
  g_assert_cmpstr (kam_country_get_name_km (kam_dataset_lookup_country (second, "JPN")), ==,
                   "ជប៉ុន");
}

/* A snapshot for a save in another thread holds what the dataset held when it
 * was taken, whatever is done to the dataset afterwards, even freeing it. */
static void
test_snapshot_outlives_edits (void)
{
  KamDataset *dataset = kam_test_load_bundled ();
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  g_autofree char *before = kam_dataset_to_data (dataset, NULL);
  g_autofree char *text = NULL, *edited = NULL;
  g_autoptr (KamDatasetSnapshot) snapshot = kam_dataset_snapshot_new (dataset);
  KamDimension *sex = kam_dataset_get_dimension (dataset, 0);
  KamFigureRow row = { 0 };
  guint n = kam_figure_table_get_n_rows (table), noted = 0, with_member = 0, last;
  gsize length;

  for (guint i = 0; i < n; i++)
    {
      if (kam_figure_table_get_note (table, i) != NULL)
        noted = kam_figure_table_get_id (table, i);
      if (kam_figure_table_get_member (table, i, 0) != 0)
        with_member = kam_figure_table_get_id (table, i);
    }
  g_assert_cmpuint (noted, >, 0);
  g_assert_cmpuint (with_member, >, 0);
  g_assert_true (kam_dataset_set_figure_value (dataset, kam_figure_table_get_id (table, 0), 123456, NULL));
  row.note = "another note";
  g_assert_true (kam_dataset_set_figure_field (dataset, noted, KAM_FIGURE_FIELD_NOTE, &row, NULL));
  g_assert_cmpint (kam_dataset_add_member (dataset, sex, "other", "Other", NULL, NULL), >, 0);
  g_assert_true (kam_dataset_set_title (dataset, "Another title"));
  last = kam_figure_table_get_id (table, n - 1);
  kam_dataset_remove_figures (dataset, &last, 1, NULL);
  edited = kam_dataset_to_data (dataset, NULL);
  g_assert_cmpstr (edited, !=, before);
  g_object_unref (dataset);

  text = kam_dataset_snapshot_to_data (snapshot, &length);
  g_assert_cmpuint (length, ==, strlen (before));
  g_assert_cmpstr (text, ==, before);
}

static void
test_round_trip_after_edits (void)
{
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("good.kamlang");
  KamFigureRow row = { NULL, 2020, "workers", 0.1 + 0.2, NULL, "quote \" back\\slash\nline\ttab" };
  g_autofree char *text = NULL;
  gsize length;
  g_autoptr (KamDataset) again = NULL;
  KamFigureTable *table;

  g_assert_cmpuint (kam_dataset_add_figure (dataset, &row, NULL), >, 0);
  text = kam_dataset_to_data (dataset, &length);
  again = kam_dataset_load_data (text, length, NULL, NULL);
  g_assert_nonnull (again);
  table = kam_dataset_get_figures (again);
  g_assert_cmpfloat (kam_figure_table_get_value (table, 3), ==, 0.1 + 0.2);
  g_assert_cmpstr (kam_figure_table_get_note (table, 3), ==, row.note);
  g_assert_null (kam_figure_table_get_country (table, 3));
  assert_round_trip (again, text, length);
}

typedef struct
{
  const char *fixture;
  const char *where;
  int code;
} BadCase;

static const BadCase bad_cases[] = {
  { "bad-syntax.kamlang", "line 4, column 18", KAM_ERROR_SYNTAX },
  { "bad-deep.kamlang", "line 5, column 80", KAM_ERROR_TOO_LARGE },
  { "bad-utf8.kamlang", "line 4, column 14", KAM_ERROR_SYNTAX },
  { "bad-version.kamlang", "version:", KAM_ERROR_VERSION },
  { "bad-type.kamlang", "countries:", KAM_ERROR_INVALID },
  { "bad-year-fraction.kamlang", "figures.rows[1][1]:", KAM_ERROR_INVALID },
  { "bad-year-range.kamlang", "figures.rows[2][1]:", KAM_ERROR_INVALID },
  { "bad-value-text.kamlang", "figures.rows[0][3]:", KAM_ERROR_INVALID },
  { "bad-negative.kamlang", "figures.rows[1][3]:", KAM_ERROR_INVALID },
  { "bad-nonfinite.kamlang", "line 53, column 5", KAM_ERROR_INVALID },
  { "bad-country-ref.kamlang", "figures.rows[0][0]:", KAM_ERROR_INVALID },
  { "bad-indicator-ref.kamlang", "figures.rows[1][2]:", KAM_ERROR_INVALID },
  { "bad-source-ref.kamlang", "figures.rows[2][4]:", KAM_ERROR_INVALID },
  { "bad-duplicate-country.kamlang", "countries[2]:", KAM_ERROR_INVALID },
  { "bad-duplicate-id.kamlang", "indicators[2]:", KAM_ERROR_INVALID },
  { "bad-country-code.kamlang", "countries[1]:", KAM_ERROR_INVALID },
};

static void
test_bad_file (gconstpointer data)
{
  const BadCase *c = data;
  /* The open document, which a bad file must not touch. */
  g_autoptr (KamDataset) open_document = kam_test_load_fixture ("good.kamlang");
  g_autofree char *before = kam_dataset_to_data (open_document, NULL);
  g_autofree char *after = NULL;
  g_autofree char *path = kam_test_fixture (c->fixture);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (KamDataset) dataset = kam_dataset_load_file (file, &problems, &error);

  g_assert_null (dataset);
  g_assert_error (error, KAM_ERROR, c->code);
  g_assert_nonnull (problems);
  if (!kam_test_problems_have (problems, c->where))
    g_error ("%s: no problem at “%s” in:\n%s", c->fixture, c->where, error->message);
  g_assert_nonnull (strstr (error->message, c->where));
  after = kam_dataset_to_data (open_document, NULL);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (kam_dataset_get_modified (open_document));
}

static void
test_all_problems_reported (void)
{
  const char *text =
    "{\"format\":\"kamlang\",\"version\":1,\"countries\":[{\"code\":\"JPN\"}],"
    "\"indicators\":[{\"id\":\"workers\",\"unit\":42}],"
    "\"figures\":{\"columns\":[\"country\",\"year\",\"indicator\",\"value\",\"source\",\"note\"],"
    "\"rows\":[[\"JPN\",2021,\"workers\",-1,null,null],[\"XXX\",1800,\"workers\",\"5\",null,7]]}}";
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (KamDataset) dataset = kam_dataset_load_data (text, strlen (text), &problems, &error);

  g_assert_null (dataset);
  g_assert_true (kam_test_problems_have (problems, "indicators[0]:"));
  g_assert_true (kam_test_problems_have (problems, "figures.rows[0][3]:"));
  g_assert_true (kam_test_problems_have (problems, "figures.rows[1][0]:"));
  g_assert_true (kam_test_problems_have (problems, "figures.rows[1][1]:"));
  g_assert_true (kam_test_problems_have (problems, "figures.rows[1][3]:"));
  g_assert_true (kam_test_problems_have (problems, "figures.rows[1][5]:"));
  g_assert_cmpuint (problems->len, ==, 6);
}

/* The figures are read from the text, not from a json-glib tree: keys in any
 * order, every escape, numbers in every form, and a problem for every cell of
 * the wrong kind, each at its place. */
static void
test_figures_read_from_text (void)
{
  const char *good =
    "{\"format\":\"kamlang\",\"version\":1,\"countries\":[{\"code\":\"JPN\"}],"
    "\"indicators\":[{\"id\":\"workers\"}],"
    "\"figures\" : { \"rows\" : [ [ \"JPN\" , 2021 , \"workers\" , 1.5e3 , null , "
    "\"a \\\"quoted\\\" \\\\ \\/ \\b\\f\\n\\r\\t \\u00e9 \\u17a2 \\ud83d\\ude00 note\" ] ,\n"
    "  [null,2020,\"workers\",-0,null,null], [\"JPN\",2019,\"workers\",12345678901234,null,null] ],"
    " \"columns\" : [\"country\",\"year\",\"indicator\",\"value\",\"source\",\"note\"] } }";
  const char *bad =
    "{\"format\":\"kamlang\",\"version\":1,\"countries\":[{\"code\":\"JPN\"}],"
    "\"indicators\":[{\"id\":\"workers\"}],"
    "\"figures\":{\"columns\":[\"country\",\"year\",\"indicator\",\"value\",\"source\",\"note\"],"
    "\"extra\":[[1]],\"rows\":[[{\"a\":[1,\"]\"]},2021.5,true,[\"x\"],\"s\",{}],"
    "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20],7,"
    "[\"JPN\",2021,\"workers\",\"12\",null,null]]}}";
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (KamDataset) dataset = kam_dataset_load_data (good, strlen (good), NULL, &error);
  KamFigureTable *table;
  g_autoptr (KamDataset) refused = NULL;

  g_assert_no_error (error);
  table = kam_dataset_get_figures (dataset);
  g_assert_cmpuint (kam_figure_table_get_n_rows (table), ==, 3);
  g_assert_cmpfloat (kam_figure_table_get_value (table, 0), ==, 1500);
  g_assert_cmpstr (kam_figure_table_get_note (table, 0), ==,
                   "a \"quoted\" \\ / \b\f\n\r\t \u00e9 \u17a2 \U0001F600 note");
  g_assert_null (kam_figure_table_get_countries (table)[1]);
  g_assert_cmpfloat (kam_figure_table_get_value (table, 1), ==, 0);
  g_assert_false (signbit (kam_figure_table_get_value (table, 1)));
  g_assert_cmpfloat (kam_figure_table_get_value (table, 2), ==, 12345678901234.0);
  g_assert_true (kam_figure_table_check_index (table));

  refused = kam_dataset_load_data (bad, strlen (bad), &problems, &error);
  g_assert_null (refused);
  g_assert_true (kam_test_problems_have (problems, "figures: unknown field “extra”"));
  g_assert_true (kam_test_problems_have (problems, "figures.rows[0][0]: the country must be text or null, not an object"));
  g_assert_true (kam_test_problems_have (problems, "figures.rows[0][1]: the year must be a whole number, not a fraction"));
  g_assert_true (kam_test_problems_have (problems, "figures.rows[0][2]: the indicator must be text or null, not true or false"));
  g_assert_true (kam_test_problems_have (problems, "figures.rows[0][3]: the value must be a number or null, not a list"));
  g_assert_true (kam_test_problems_have (problems, "figures.rows[0][4]: there is no source “s” in this dataset"));
  g_assert_true (kam_test_problems_have (problems, "figures.rows[0][5]: the note must be text or null, not an object"));
  g_assert_true (kam_test_problems_have (problems, "figures.rows[1]: a figure must have 6 fields, this one has 20"));
  g_assert_true (kam_test_problems_have (problems, "figures.rows[2]: a figure must be a list of 6 fields, not a number"));
  g_assert_true (kam_test_problems_have (problems, "figures.rows[3][3]: the value must be a number or null, not text"));
  g_assert_cmpuint (problems->len, ==, 10);
}

static void
test_huge_file_refused_unread (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kamlang-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.kamlang", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (KamDataset) dataset = NULL;
  int fd = g_open (path, O_CREAT | O_WRONLY, 0600);

  /* A sparse file just over 1 GiB: reading it whole would take a second and a gigabyte. */
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, KAM_MAX_FILE_SIZE + 1), ==, 0);
  close (fd);
  dataset = kam_dataset_load_file (file, &problems, &error);
  g_assert_null (dataset);
  g_assert_error (error, KAM_ERROR, KAM_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "1 GiB"));
  g_unlink (path);
  g_rmdir (dir);
}

/* A file of NUL bytes at the size cap is refused from its first bytes, not
 * read whole (issue 25: 1 GB and 2.6 s): the peak memory of the process
 * grows by far less than the file. */
static void
test_nul_file_refused_from_head (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kamlang-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "zeros.kamlang", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (KamDataset) dataset = NULL;
  struct rusage before, after;
  int fd = g_open (path, O_CREAT | O_WRONLY, 0600);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, KAM_MAX_FILE_SIZE), ==, 0);
  close (fd);
  g_assert_cmpint (getrusage (RUSAGE_SELF, &before), ==, 0);
  dataset = kam_dataset_load_file (file, &problems, &error);
  g_assert_cmpint (getrusage (RUSAGE_SELF, &after), ==, 0);
  g_assert_null (dataset);
  g_assert_error (error, KAM_ERROR, KAM_ERROR_SYNTAX);
  g_assert_true (kam_test_problems_have (problems, "line 1, column 1: the file holds a NUL byte"));
  /* ru_maxrss is in KiB: reading the file would have added a million */
  g_assert_cmpint (after.ru_maxrss - before.ru_maxrss, <, 200 * 1024);
  g_unlink (path);
  g_rmdir (dir);
}

/* A text of more than 1 MiB is refused where it starts, before json-glib or
 * the figures' reader copy it (issue 25: a 64 MiB text cost 265 MB); one of
 * 1 MiB is read. */
static void
test_long_text_refused (void)
{
  for (int note = 0; note < 2; note++)
    for (int over = 0; over < 2; over++)
      {
        gsize n = (1 << 20) + over;
        g_autofree char *text = g_malloc (n + 1);
        g_autofree char *data = NULL;
        g_autoptr (GError) error = NULL;
        g_autoptr (GPtrArray) problems = NULL;
        g_autoptr (KamDataset) dataset = NULL;

        memset (text, 'x', n);
        text[n] = '\0';
        data = g_strdup_printf ("{\"format\":\"kamlang\",\"version\":2,\"title\":\"%s\",\n"
                                "\"indicators\":[{\"id\":\"workers\"}],\"figures\":{\"columns\":"
                                "[\"country\",\"year\",\"indicator\",\"value\",\"qualifier\",\"source\",\"note\"],"
                                "\"rows\":[\n[null,2020,\"workers\",1,\"exact\",null,\"%s\"]]}}",
                                note ? "t" : text, note ? text : "n");
        dataset = kam_dataset_load_data (data, strlen (data), &problems, &error);
        if (!over)
          {
            g_assert_no_error (error);
            g_assert_nonnull (dataset);
            continue;
          }
        g_assert_null (dataset);
        g_test_message ("%s", error->message);
        g_assert_error (error, KAM_ERROR, KAM_ERROR_TOO_LARGE);
        g_assert_true (kam_test_problems_have (problems, note ? "line 3, column 37: this text is 1.0 MiB long"
                                                              : "line 1, column 41: this text is 1.0 MiB long"));
      }
}

static void
test_save_atomic_with_backup (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kamlang-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "data.kamlang", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("good.kamlang");
  g_autofree char *first = NULL, *second = NULL, *on_disk = NULL, *old = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (kam_dataset_save_file (dataset, file, TRUE, &error));
  g_assert_no_error (error);
  first = kam_dataset_to_data (dataset, NULL);
  g_assert_true (kam_dataset_set_title (dataset, "Second"));
  g_assert_true (kam_dataset_save_file (dataset, file, TRUE, &error));
  second = kam_dataset_to_data (dataset, NULL);
  g_assert_true (g_file_get_contents (path, &on_disk, NULL, NULL));
  g_assert_true (g_file_get_contents (backup, &old, NULL, NULL));
  g_assert_cmpstr (on_disk, ==, second);
  g_assert_cmpstr (old, ==, first);

  /* A folder that cannot be written to: the save fails and the file stays. */
  if (geteuid () != 0)
    {
      g_autoptr (GError) denied = NULL;
      g_autofree char *still = NULL;

      g_chmod (dir, 0500);
      g_assert_true (kam_dataset_set_title (dataset, "Third"));
      g_assert_false (kam_dataset_save_file (dataset, file, TRUE, &denied));
      g_assert_nonnull (denied);
      g_assert_true (g_file_get_contents (path, &still, NULL, NULL));
      g_assert_cmpstr (still, ==, second);
      g_chmod (dir, 0700);
    }
  g_unlink (path);
  g_unlink (backup);
  g_rmdir (dir);
}

static void
test_save_to_missing_folder_fails (void)
{
  g_autoptr (GFile) file = g_file_new_for_path ("/nonexistent-kamlang-folder/x.kamlang");
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("good.kamlang");
  g_autoptr (GError) error = NULL;

  g_assert_false (kam_dataset_save_file (dataset, file, TRUE, &error));
  g_assert_nonnull (error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kamlang/json/bundled-loads", test_bundled_loads);
  g_test_add_func ("/kamlang/json/round-trip-bundled", test_round_trip_bundled);
  g_test_add_func ("/kamlang/json/round-trip-keeps-everything", test_round_trip_keeps_everything);
  g_test_add_func ("/kamlang/json/round-trip-after-edits", test_round_trip_after_edits);
  g_test_add_func ("/kamlang/json/snapshot-outlives-edits", test_snapshot_outlives_edits);
  g_test_add_func ("/kamlang/json/all-problems-reported", test_all_problems_reported);
  g_test_add_func ("/kamlang/json/figures-read-from-text", test_figures_read_from_text);
  g_test_add_func ("/kamlang/json/huge-file-refused-unread", test_huge_file_refused_unread);
  g_test_add_func ("/kamlang/json/nul-file-refused-from-head", test_nul_file_refused_from_head);
  g_test_add_func ("/kamlang/json/long-text-refused", test_long_text_refused);
  g_test_add_func ("/kamlang/json/save-atomic-with-backup", test_save_atomic_with_backup);
  g_test_add_func ("/kamlang/json/save-to-missing-folder-fails", test_save_to_missing_folder_fails);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *name = g_strndup (bad_cases[i].fixture, strlen (bad_cases[i].fixture) - 8);
      g_autofree char *test_path = g_strdup_printf ("/kamlang/json/refused/%s", name);
      g_test_add_data_func (test_path, &bad_cases[i], test_bad_file);
    }
  return g_test_run ();
}
