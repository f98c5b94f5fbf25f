/* test-db.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A shared dataset on a real PostgreSQL server (kam-db.h), which
 * tests/with-postgres starts for these tests and stops after them: what
 * --db-init loads reads back as it was, texts that break CSV, JSON or SQL
 * included; a database that has a dataset is never overwritten; the
 * history is kept by the server, for changes made by any client, and
 * cannot be changed by an editor; a schema of version 1 is migrated; the
 * headless commands take a server's address in place of a file. Each test
 * makes a database of its own. */

#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>
#include "kam-dataset-json.h"
#include "kam-iso-countries.h"
#include "kam-db.h"
#include "kam-shared.h"
#include "kam-test-db.h"
#include "kam-test-utils.h"

static int run_kamlang_out (const char *const *args, char **out, char **err);

/* A folder of files (a test's copies), and the folder. */
static void
remove_folder (const char *folder)
{
  GDir *dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_remove (path);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (folder);
}

static char *
text_of (KamDataset *dataset)
{
  return kam_dataset_to_data (dataset, NULL);
}

static void
assert_reads_back (KamDataset *dataset)
{
  g_autofree char *address = kam_test_db_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (KamDataset) back = NULL;
  g_autofree char *before = text_of (dataset), *after = NULL;

  if (!kam_db_init (address, dataset, &error))
    g_error ("%s", error->message);
  back = kam_db_load (address, &problems, &error);
  if (back == NULL)
    g_error ("%s", error->message);
  after = text_of (back);
  g_assert_cmpstr (after, ==, before);
}

/* The fixtures and the bundled dataset, as they were. */
static void
test_reads_back (void)
{
  const char *fixtures[] = { "good.kamlang", "entry.kamlang" };
  g_autoptr (KamDataset) bundled = kam_dataset_load_bundled (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autoptr (KamDataset) dataset = kam_test_load_fixture (fixtures[i]);

      assert_reads_back (dataset);
    }
  g_assert_nonnull (bundled);
  assert_reads_back (bundled);
}

/* Texts that spreadsheets would run, that break JSON or COPY's rows, or
 * that would be SQL if pasted into it: notes, a country's name, a source's
 * title, all stored and read back byte for byte. */
static void
test_texts_byte_for_byte (void)
{
  static const char *const texts[] = {
    "=1+1",
    "+1",
    "-1",
    "@SUM(A1)",
    "\tx",
    "\rx",
    "=HYPERLINK(\"http://x\"), and a \"quote\"\nand a line",
    "\xef\xbc\x9d"
    "1+1",
    "\xef\xbb\xbf=1+1",
    "cmd|' /C calc'!A0",
    "'-5 on revision",
    "'); DROP TABLE kamlang.figures; --",
    "Robert'); DROP TABLE students;--",
    "$$; SELECT 1; $$",
    "\\N",
    "\\",
    "a\\tb",
    "back\\slash and \\\\two",
    "\"}]}",
    "{\"rows\": [[1]]}",
    "\\u0000",
    "line\nbreak\r\nand\ttab",
    "ជប៉ុន ១២៣",
    "\xe2\x80\xa8 line separator",
    "😀 emoji",
    "%s %d %n",
    "E'\\x41'",
  };
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("good.kamlang");
  KamCountry *japan = kam_dataset_lookup_country (dataset, "JPN");
  KamSource *source = kam_dataset_lookup_source (dataset, "s1");

  g_assert_nonnull (japan);
  g_assert_nonnull (source);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      KamFigureRow row = { "JPN", 1950 + i, "workers", i, NULL, texts[i] };

      g_assert_cmpuint (kam_dataset_add_figure (dataset, &row, NULL), >, 0);
    }
  kam_country_set_name (japan, texts[11]);
  kam_source_set_title (source, texts[20]);
  assert_reads_back (dataset);
  {
    g_autofree char *address = kam_test_db_new ();
    g_autoptr (KamDataset) back = NULL;
    KamFigureTable *table;
    guint found = 0;

    g_assert_true (kam_db_init (address, dataset, NULL));
    back = kam_db_load (address, NULL, NULL);
    g_assert_nonnull (back);
    table = kam_dataset_get_figures (back);
    for (guint r = 0; r < kam_figure_table_get_n_rows (table); r++)
      for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
        found += g_strcmp0 (kam_figure_table_get_note (table, r), texts[i]) == 0;
    g_assert_cmpuint (found, ==, G_N_ELEMENTS (texts));
    g_assert_cmpstr (kam_country_get_name (kam_dataset_lookup_country (back, "JPN")), ==,
                     texts[11]);
    /* the server holds them as text, not as SQL */
    g_autofree char *count = kam_test_db_value (address, "SELECT count(*) FROM kamlang.figures");
    g_assert_cmpint (atoi (count), ==, kam_figure_table_get_n_rows (table));
    /* and a window's opening (the figures straight into the table) reads
     * the same as the file's reader */
    {
      g_autoptr (KamShared) shared = kam_shared_open (address, NULL);
      g_autofree char *read_one = text_of (back),
                      *read_two = text_of (kam_shared_get_dataset (shared));

      g_assert_cmpstr (read_two, ==, read_one);
    }
  }
}

/* A database that holds a dataset is not overwritten; one without is said
 * to have none; a server that is not there is said to be unreachable. */
static void
test_refusals (void)
{
  g_autofree char *address = kam_test_db_new ();
  g_autofree char *empty = kam_test_db_new ();
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("entry.kamlang");
  g_autoptr (KamDataset) other = kam_test_load_fixture ("good.kamlang");
  g_autoptr (KamDataset) back = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;

  g_assert_true (kam_db_init (address, dataset, &error));
  g_assert_no_error (error);
  before = kam_test_db_value (address,
                              "SELECT string_agg (id::text || ':' || coalesce (note, '') || ':' || "
                              "coalesce (value::text, ''), ',' ORDER BY id) FROM kamlang.figures");
  g_assert_false (kam_db_init (address, other, &error));
  g_assert_error (error, KAM_ERROR, KAM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already holds a shared dataset"));
  g_clear_error (&error);
  after = kam_test_db_value (address,
                             "SELECT string_agg (id::text || ':' || coalesce (note, '') || ':' || "
                             "coalesce (value::text, ''), ',' ORDER BY id) FROM kamlang.figures");
  g_assert_cmpstr (after, ==, before);

  g_assert_null (kam_db_load (empty, NULL, &error));
  g_assert_error (error, KAM_ERROR, KAM_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "--db-init"));
  g_clear_error (&error);
  /* (nothing was made in it by the attempt) */
  g_assert_null (
      kam_test_db_value (empty, "SELECT nspname FROM pg_namespace WHERE nspname = 'kamlang'"));

  g_assert_null (kam_db_load ("dbname=postgres port=1", NULL, &error));
  g_assert_error (error, KAM_ERROR, KAM_ERROR_SERVER);
  g_clear_error (&error);

  /* a schema of a newer Kamlang is not read as if it were ours */
  g_free (kam_test_db_value (address, "UPDATE kamlang.schema_version SET version = 99"));
  g_assert_null (kam_db_load (address, NULL, &error));
  g_assert_error (error, KAM_ERROR, KAM_ERROR_VERSION);
}

/* Version 1 had no history: the migration adds it, and from then on the
 * server records every change, whoever makes it, with the save's words. */
static void
test_migration_and_history (void)
{
  g_autofree char *address = kam_test_db_new ();
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("entry.kamlang");
  g_autoptr (GError) error = NULL;
  g_autoptr (KamDataset) back = NULL;
  g_autofree char *version = NULL, *history = NULL, *who = NULL, *old_value = NULL,
                  *description = NULL;
  int from = 0;

  g_assert_true (kam_db_init_at_version (address, dataset, 1, &error));
  g_assert_no_error (error);
  version = kam_test_db_value (address, "SELECT version FROM kamlang.schema_version");
  g_assert_cmpstr (version, ==, "1");
  g_assert_null (kam_test_db_value (address, "SELECT to_regclass ('kamlang.history')::text"));
  /* version 1 reads as well */
  back = kam_db_load (address, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);

  g_assert_true (kam_db_migrate (address, &from, &error));
  g_assert_no_error (error);
  g_assert_cmpint (from, ==, 1);
  g_free (version);
  version = kam_test_db_value (address, "SELECT version FROM kamlang.schema_version");
  g_assert_cmpint (atoi (version), ==, KAM_DB_SCHEMA_VERSION);
  /* nothing to do the second time */
  g_assert_true (kam_db_migrate (address, &from, &error));
  g_assert_cmpint (from, ==, KAM_DB_SCHEMA_VERSION);
  /* the first load is no change */
  history = kam_test_db_value (address, "SELECT count(*) FROM kamlang.history");
  g_assert_cmpstr (history, ==, "0");

  /* a change made outside Kamlang, in plain SQL, is recorded too */
  g_free (kam_test_db_value (
      address, "BEGIN; SELECT set_config ('kamlang.description', 'Korea corrected', true);"
               "UPDATE kamlang.figures SET value = 9779, version = version + 1"
               " WHERE country = 'KOR' AND m1 = 'total'; COMMIT"));
  who = kam_test_db_value (address, "SELECT who FROM kamlang.history");
  old_value = kam_test_db_value (
      address, "SELECT (old ->> 'value') || ' → ' || (new ->> 'value') FROM kamlang.history");
  description = kam_test_db_value (address, "SELECT description FROM kamlang.history");
  g_assert_cmpstr (who, ==, "kamlang_admin");
  g_assert_cmpstr (old_value, ==, "9778 → 9779");
  g_assert_cmpstr (description, ==, "Korea corrected");
  {
    /* kamlang --history: the change, by the figure asked for, and not by another */
    const char *args[] = { "--history", address, "--figure", "KOR,2023", NULL };
    const char *other[] = { "--history", address, "--figure", "MYS", NULL };
    g_autofree char *out = NULL, *err = NULL, *none = NULL;

    g_assert_cmpint (run_kamlang_out (args, &out, &err), ==, 0);
    g_assert_nonnull (strstr (
        out, "\tkamlang_admin\tKOR 2023 deployed mlvt\tvalue 9778 → 9779\t“Korea corrected”"));
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_kamlang_out (other, &none, &err), ==, 0);
    g_assert_cmpstr (none, ==, "");
  }
}

/* An editor may change figures; the history records the editor, and the
 * editor can neither change nor delete it (the server's privileges). */
static void
test_history_not_for_editors (void)
{
  g_autofree char *address = kam_test_db_new ();
  g_autofree char *as_editor = NULL, *who = NULL, *count = NULL;
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("entry.kamlang");
  PGconn *editor;
  PGresult *result;

  g_assert_true (kam_db_init (address, dataset, NULL));
  g_free (kam_test_db_value (
      address,
      "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kam_editor') THEN"
      " CREATE ROLE kam_editor LOGIN; END IF; END $$"));
  g_assert_true (kam_db_grant (address, "kam_editor", TRUE, NULL, NULL, NULL));
  as_editor = g_strdup_printf ("%s user=kam_editor", address);
  editor = PQconnectdb (as_editor);
  g_assert_cmpint (PQstatus (editor), ==, CONNECTION_OK);
  result = PQexec (editor, "UPDATE kamlang.figures SET note = 'checked' WHERE country = 'MYS'");
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_COMMAND_OK);
  PQclear (result);
  result = PQexec (editor, "DELETE FROM kamlang.history");
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_FATAL_ERROR);
  g_assert_nonnull (strstr (PQresultErrorMessage (result), "permission denied"));
  PQclear (result);
  result = PQexec (editor, "UPDATE kamlang.history SET who = 'someone else'");
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_FATAL_ERROR);
  PQclear (result);
  PQfinish (editor);
  who = kam_test_db_value (address, "SELECT string_agg (who, ',') FROM kamlang.history");
  g_assert_cmpstr (who, ==, "kam_editor");
  count = kam_test_db_value (
      address, "SELECT count(*) FROM kamlang.history WHERE new ->> 'note' = 'checked'");
  g_assert_cmpstr (count, ==, "1");
}

/* Runs kamlang; its exit status. */
static int run_kamlang_out (const char *const *args, char **out, char **err);

static int
run_kamlang (const char *const *args, char **err)
{
  return run_kamlang_out (args, NULL, err);
}

static int
run_kamlang_out (const char *const *args, char **out, char **err)
{
  const char *binary = g_getenv ("KAMLANG_BINARY");
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  int status = -1;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (char *)binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *)args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, NULL,
                               out != NULL ? G_SPAWN_DEFAULT : G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                               NULL, out, err, &status, &error));
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL) ? 0 : 1;
}

/* The headless commands: --db-init, --db-export that reads back equal to the
 * file, and --check, --export-csv and --export-chart on the address. */
static void
test_headless (void)
{
  g_autofree char *address = kam_test_db_new ();
  g_autofree char *file = kam_test_fixture ("good.kamlang");
  g_autofree char *dir = g_dir_make_tmp ("kamlang-db-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "out.kamlang", NULL);
  g_autofree char *csv = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *csv_file = g_build_filename (dir, "file.csv", NULL);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autoptr (KamDataset) original = kam_test_load_fixture ("good.kamlang");
  g_autoptr (KamDataset) exported = NULL;
  g_autofree char *a = NULL, *b = NULL, *err = NULL;
  g_autofree char *csv_a = NULL, *csv_b = NULL;
  g_autoptr (GFile) out_file = NULL;

  {
    const char *args[] = { "--db-init", address, file, NULL };
    g_assert_cmpint (run_kamlang (args, &err), ==, 0);
    g_assert_nonnull (strstr (err, "figures"));
    g_clear_pointer (&err, g_free);
  }
  {
    /* the second time: refused, the dataset kept */
    const char *args[] = { "--db-init", address, file, NULL };
    g_assert_cmpint (run_kamlang (args, &err), ==, 1);
    g_assert_nonnull (strstr (err, "already holds"));
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { "--db-export", address, "-o", out, NULL };
    g_assert_cmpint (run_kamlang (args, &err), ==, 0);
    g_clear_pointer (&err, g_free);
  }
  out_file = g_file_new_for_path (out);
  exported = kam_dataset_load_file (out_file, NULL, NULL);
  g_assert_nonnull (exported);
  a = text_of (original);
  b = text_of (exported);
  g_assert_cmpstr (a, ==, b);
  {
    const char *args[] = { "--check", address, NULL };
    g_assert_cmpint (run_kamlang (args, &err), ==, 0);
    g_assert_nonnull (strstr (err, "figures, 0 errors"));
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { "--export-csv", csv, address, NULL };
    const char *file_args[] = { "--export-csv", csv_file, file, NULL };
    g_assert_cmpint (run_kamlang (args, &err), ==, 0);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_kamlang (file_args, &err), ==, 0);
    g_clear_pointer (&err, g_free);
    g_assert_true (g_file_get_contents (csv, &csv_a, NULL, NULL));
    g_assert_true (g_file_get_contents (csv_file, &csv_b, NULL, NULL));
    g_assert_cmpstr (csv_a, ==, csv_b);
  }
  {
    const char *args[] = { "--export-chart", "destinations", "-o", png, address, NULL };
    g_assert_cmpint (run_kamlang (args, &err), ==, 0);
    g_clear_pointer (&err, g_free);
    g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));
  }
  g_remove (png);
  g_remove (csv);
  g_remove (csv_file);
  g_remove (out);
  g_rmdir (dir);
}

/* The figure of a country and year here (the total of every breakdown). */
static guint
figure_of (KamDataset *dataset, const char *country, int year)
{
  KamFigureTable *table = kam_dataset_get_figures (dataset);

  for (guint r = 0; r < kam_figure_table_get_n_rows (table); r++)
    if (g_strcmp0 (kam_figure_table_get_country (table, r), country) == 0
        && kam_figure_table_get_year (table, r) == year
        && kam_figure_table_get_member (table, r, 0) == 0)
      return kam_figure_table_get_id (table, r);
  return 0;
}

static double
value_here (KamDataset *dataset, const char *country, int year)
{
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  int r = kam_figure_table_find_row (table, figure_of (dataset, country, year));

  return r >= 0 ? kam_figure_table_get_value (table, (guint)r) : -1;
}

/* Two clients change the same figure: the first save wins, the second
 * changes nothing and says whose change it met; once the second keeps its
 * own, its save succeeds, and the history has both. */
static void
test_conflict (void)
{
  g_autofree char *address = kam_test_db_new ();
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("entry.kamlang");
  g_autoptr (KamShared) a = NULL, b = NULL;
  g_autoptr (GPtrArray) conflicts = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *on_server = NULL, *history = NULL;
  KamConflict *conflict;

  g_assert_true (kam_db_init (address, dataset, NULL));
  a = kam_shared_open (address, &error);
  g_assert_no_error (error);
  b = kam_shared_open (address, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kam_shared_count_changes (a), ==, 0);
  g_assert_true (kam_dataset_set_figure_value (
      kam_shared_get_dataset (a), figure_of (kam_shared_get_dataset (a), "KOR", 2023), 9800, NULL));
  g_assert_true (kam_dataset_set_figure_value (
      kam_shared_get_dataset (b), figure_of (kam_shared_get_dataset (b), "KOR", 2023), 9900, NULL));
  g_assert_cmpuint (kam_shared_count_changes (a), ==, 1);
  g_assert_true (kam_shared_save (a, "Korea from the embassy", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kam_shared_count_changes (a), ==, 0);
  g_assert_false (kam_dataset_get_modified (kam_shared_get_dataset (a)));

  g_assert_false (kam_shared_save (b, "Korea from headquarters", &conflicts, &error));
  g_assert_error (error, KAM_ERROR, KAM_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);
  g_assert_nonnull (conflicts);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpint (conflict->kind, ==, KAM_CONFLICT_CHANGED);
  g_assert_cmpuint (conflict->figure, ==, figure_of (kam_shared_get_dataset (b), "KOR", 2023));
  g_assert_nonnull (strstr (conflict->theirs, "9800"));
  g_assert_cmpstr (conflict->who, ==, "kamlang_admin");
  g_assert_nonnull (conflict->when);
  /* nothing of b's on the server */
  on_server = kam_test_db_value (
      address, "SELECT value FROM kamlang.figures WHERE country = 'KOR' AND m1 = 'total'");
  g_assert_cmpstr (on_server, ==, "9800");
  g_assert_cmpuint (kam_shared_count_changes (b), ==, 1);

  kam_shared_keep_mine (b, conflict);
  g_assert_true (kam_shared_save (b, "Korea from headquarters", NULL, &error));
  g_assert_no_error (error);
  g_free (on_server);
  on_server = kam_test_db_value (
      address, "SELECT value FROM kamlang.figures WHERE country = 'KOR' AND m1 = 'total'");
  g_assert_cmpstr (on_server, ==, "9900");
  history = kam_test_db_value (
      address, "SELECT string_agg (description || ':' || (new ->> 'value'), ',' ORDER BY id)"
               " FROM kamlang.history WHERE what = 'figures'");
  g_assert_cmpstr (history, ==, "Korea from the embassy:9800,Korea from headquarters:9900");

  /* a takes b's change (its figure was not changed since) */
  {
    guint n = 0;

    g_assert_true (kam_shared_update (a, &n, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n, ==, 1);
    g_assert_cmpfloat (value_here (kam_shared_get_dataset (a), "KOR", 2023), ==, 9900);
    /* not a step of a's to undo, nor a change of a's to save */
    g_assert_false (kam_dataset_get_modified (kam_shared_get_dataset (a)));
    g_assert_cmpuint (kam_shared_count_changes (a), ==, 0);
  }

  /* taking theirs: b and a change Malaysia; a saves; b takes a's */
  g_ptr_array_unref (g_steal_pointer (&conflicts));
  g_assert_true (kam_dataset_set_figure_value (
      kam_shared_get_dataset (a), figure_of (kam_shared_get_dataset (a), "MYS", 2023), 4100, NULL));
  g_assert_true (kam_dataset_set_figure_value (
      kam_shared_get_dataset (b), figure_of (kam_shared_get_dataset (b), "MYS", 2023), 4200, NULL));
  g_assert_true (kam_shared_save (a, NULL, NULL, NULL));
  g_assert_false (kam_shared_save (b, NULL, &conflicts, NULL));
  g_assert_true (kam_shared_take_theirs (b, g_ptr_array_index (conflicts, 0), &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (value_here (kam_shared_get_dataset (b), "MYS", 2023), ==, 4100);
  g_assert_cmpuint (kam_shared_count_changes (b), ==, 0);
}

/* A save looks only at the figures changed since the last one, and finds
 * each kind of change: a change, one undone, one made and changed back, a
 * deleted figure, a figure added again under the key of one deleted, an
 * undone deletion. What the server ends with is the dataset here. */
static void
test_only_changes (void)
{
  g_autofree char *address = kam_test_db_new ();
  g_autoptr (KamDataset) fixture = kam_test_load_fixture ("entry.kamlang");
  g_autoptr (KamShared) a = NULL;
  g_autoptr (KamDataset) back = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *here = NULL, *there = NULL, *history = NULL;
  KamDataset *dataset;
  KamFigureTable *table;
  KamFigureRow row;
  guint kor, mys, women, added;
  double old;

  g_assert_true (kam_db_init (address, fixture, NULL));
  a = kam_shared_open (address, &error);
  g_assert_no_error (error);
  dataset = kam_shared_get_dataset (a);
  table = kam_dataset_get_figures (dataset);
  kor = figure_of (dataset, "KOR", 2023);
  mys = figure_of (dataset, "MYS", 2023);
  women = 0; /* (Korea's women: the fixture's one figure of a breakdown) */
  for (guint r = 0; r < kam_figure_table_get_n_rows (table); r++)
    if (kam_figure_table_get_member (table, r, 0) != 0)
      women = kam_figure_table_get_id (table, r);
  g_assert_true (kor && mys && women);

  /* changed, then changed back: nothing to save */
  old = value_here (dataset, "KOR", 2023);
  g_assert_true (kam_dataset_set_figure_value (dataset, kor, 1234, NULL));
  g_assert_cmpuint (kam_shared_count_changes (a), ==, 1);
  g_assert_true (kam_dataset_set_figure_value (dataset, kor, old, NULL));
  g_assert_cmpuint (kam_shared_count_changes (a), ==, 0);
  /* changed, undone, redone */
  g_assert_true (kam_dataset_set_figure_value (dataset, mys, 4321, NULL));
  g_assert_true (kam_dataset_undo (dataset));
  g_assert_cmpuint (kam_shared_count_changes (a), ==, 0);
  g_assert_true (kam_dataset_redo (dataset));
  g_assert_cmpuint (kam_shared_count_changes (a), ==, 1);
  /* deleted, undone: nothing; deleted again and added again with its key */
  kam_figure_table_get_row (table, (guint)kam_figure_table_find_row (table, women), &row);
  row.note = g_strdup (row.note);
  kam_dataset_remove_figures (dataset, &women, 1, NULL);
  g_assert_cmpuint (kam_shared_count_changes (a), ==, 2);
  g_assert_true (kam_dataset_undo (dataset));
  g_assert_cmpuint (kam_shared_count_changes (a), ==, 1);
  kam_dataset_remove_figures (dataset, &women, 1, NULL);
  row.value = 2800;
  added = kam_dataset_add_figure (dataset, &row, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (added, !=, 0);
  g_free ((char *)row.note);
  g_assert_cmpuint (kam_shared_count_changes (a), ==, 3);

  g_assert_true (kam_shared_save (a, "three changes", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kam_shared_count_changes (a), ==, 0);
  history = kam_test_db_value (
      address, "SELECT string_agg (CASE WHEN old IS NULL THEN 'INSERT' WHEN new IS NULL"
               " THEN 'DELETE' ELSE 'UPDATE' END, ',' ORDER BY id) FROM kamlang.history"
               " WHERE what = 'figures'");
  g_assert_cmpstr (history, ==, "DELETE,UPDATE,INSERT");
  back = kam_db_load (address, NULL, &error);
  g_assert_no_error (error);
  here = text_of (dataset);
  there = text_of (back);
  g_assert_cmpstr (there, ==, here);
}

/* The dataset's title is saved, arrives live, and meets a conflict as a
 * figure does; a country changed by both: theirs, who and when, and
 * taking theirs puts it here. */
static void
test_items_and_settings (void)
{
  g_autofree char *address = kam_test_db_new ();
  g_autoptr (KamDataset) fixture = kam_test_load_fixture ("entry.kamlang");
  g_autoptr (KamShared) a = NULL, b = NULL, c = NULL;
  g_autoptr (GPtrArray) conflicts = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  KamConflict *conflict;
  guint n = 0;

  g_assert_true (kam_db_init (address, fixture, NULL));
  a = kam_shared_open (address, &error);
  g_assert_no_error (error);
  b = kam_shared_open (address, NULL);
  c = kam_shared_open (address, NULL);
  g_assert_cmpuint (kam_shared_count_changes (a), ==, 0);

  /* the title: saved, and arriving in another window */
  g_assert_true (kam_dataset_set_title (kam_shared_get_dataset (a), "Deployments 2023"));
  g_assert_cmpuint (kam_shared_count_changes (a), ==, 1);
  g_assert_true (kam_shared_save (a, "retitled", NULL, &error));
  g_assert_no_error (error);
  title = kam_test_db_value (address, "SELECT settings ->> 'title' FROM kamlang.dataset");
  g_assert_cmpstr (title, ==, "Deployments 2023");
  g_assert_true (kam_shared_update (c, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (kam_dataset_get_title (kam_shared_get_dataset (c)), ==, "Deployments 2023");
  g_assert_false (kam_dataset_get_modified (kam_shared_get_dataset (c)));
  g_assert_cmpuint (kam_shared_count_changes (c), ==, 0);

  /* a breakdown's new member and renamed one, a new agreement, then that
   * agreement changed: each arrives in the other window */
  {
    KamDataset *here = kam_shared_get_dataset (a), *there = kam_shared_get_dataset (c);
    KamDimension *sex = kam_dataset_get_dimension (here, (guint) kam_dataset_find_dimension (here, "sex"));
    g_autoptr (KamAgreement) mou = kam_agreement_new ();
    KamDimension *sex_there;

    g_assert_true (kam_dataset_add_member (here, sex, "other", "Other", NULL, &error));
    g_assert_no_error (error);
    g_assert_true (kam_dataset_set_item_string (here, kam_dimension_get_member (sex, 1), "name", "Women workers", NULL));
    kam_agreement_set_country (mou, "KOR");
    kam_agreement_set_title (mou, "Employment Permit System");
    kam_agreement_set_signed (mou, "2006");
    g_assert_true (kam_dataset_add_agreement (here, mou, &error));
    g_assert_no_error (error);
    g_assert_true (kam_shared_save (a, "breakdown and agreement", NULL, &error));
    g_assert_no_error (error);
    g_assert_true (kam_shared_update (c, &n, &error));
    g_assert_no_error (error);
    sex_there = kam_dataset_get_dimension (there, (guint) kam_dataset_find_dimension (there, "sex"));
    g_assert_cmpint (kam_dimension_find_code (sex_there, "other"), ==, (int) kam_dimension_get_n_members (sex_there) - 1);
    g_assert_cmpstr (kam_dimension_get_member_name (sex_there, 1), ==, "Women workers");
    g_assert_cmpuint (g_list_model_get_n_items (kam_dataset_get_agreements (there)), ==, 1);
    g_assert_cmpuint (kam_shared_count_changes (c), ==, 0);
    g_assert_true (kam_dataset_set_item_string (here, mou, "title", "EPS (Korea)", NULL));
    g_assert_true (kam_shared_save (a, NULL, NULL, &error));
    g_assert_true (kam_shared_update (c, &n, &error));
    {
      g_autoptr (KamAgreement) arrived = g_list_model_get_item (kam_dataset_get_agreements (there), 0);

      g_assert_cmpstr (kam_agreement_get_title (arrived), ==, "EPS (Korea)");
    }
    g_assert_cmpuint (kam_shared_count_changes (c), ==, 0);
    g_assert_false (kam_dataset_get_modified (there));
  }

  /* b retitled too, without having seen a's: a conflict, theirs and who */
  g_assert_true (kam_dataset_set_title (kam_shared_get_dataset (b), "Workers sent"));
  g_assert_false (kam_shared_save (b, NULL, &conflicts, &error));
  g_assert_error (error, KAM_ERROR, KAM_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (conflict->item_kind, ==, "dataset");
  g_assert_nonnull (strstr (conflict->theirs, "Deployments 2023"));
  g_assert_cmpstr (conflict->who, ==, "kamlang_admin");
  g_assert_nonnull (conflict->when);
  g_assert_true (kam_shared_take_theirs (b, conflict, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (kam_dataset_get_title (kam_shared_get_dataset (b)), ==, "Deployments 2023");
  g_assert_cmpuint (kam_shared_count_changes (b), ==, 0);
  g_clear_pointer (&conflicts, g_ptr_array_unref);

  /* a country renamed by both: theirs, who, when; keep mine saves mine */
  {
    KamCountry *mys_a = kam_dataset_lookup_country (kam_shared_get_dataset (a), "MYS");
    KamCountry *mys_b = kam_dataset_lookup_country (kam_shared_get_dataset (b), "MYS");
    g_autofree char *name = NULL;

    g_assert_true (kam_dataset_set_item_string (kam_shared_get_dataset (a), mys_a, "name", "Malaysia (a)", NULL));
    g_assert_true (kam_shared_save (a, NULL, NULL, NULL));
    g_assert_true (kam_dataset_set_item_string (kam_shared_get_dataset (b), mys_b, "name", "Malaysia (b)", NULL));
    g_assert_false (kam_shared_save (b, NULL, &conflicts, NULL));
    g_assert_cmpuint (conflicts->len, ==, 1);
    conflict = g_ptr_array_index (conflicts, 0);
    g_assert_cmpstr (conflict->item_kind, ==, "countries");
    g_assert_cmpstr (conflict->item_key, ==, "MYS");
    g_assert_nonnull (strstr (conflict->theirs, "Malaysia (a)"));
    g_assert_cmpstr (conflict->who, ==, "kamlang_admin");
    kam_shared_keep_mine (b, conflict);
    g_assert_true (kam_shared_save (b, NULL, NULL, &error));
    g_assert_no_error (error);
    name = kam_test_db_value (address, "SELECT item ->> 'name' FROM kamlang.items WHERE key = 'MYS'");
    g_assert_cmpstr (name, ==, "Malaysia (b)");
  }
}

/* Two clients save different figures, their transactions committing in the
 * opposite order to the one in which they started (so the one committed
 * last has the lower number): a third client, following, ends with both. */
static void
test_commits_out_of_order (void)
{
  g_autofree char *address = kam_test_db_new ();
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("entry.kamlang");
  g_autoptr (KamShared) follower = NULL;
  g_autoptr (GError) error = NULL;
  PGconn *first, *second;
  PGresult *result;
  guint n = 0;

  g_assert_true (kam_db_init (address, dataset, NULL));
  follower = kam_shared_open (address, &error);
  g_assert_no_error (error);
  first = PQconnectdb (address);
  second = PQconnectdb (address);
  /* the first to start takes the lower transaction number */
  result = PQexec (first, "BEGIN; UPDATE kamlang.figures SET value = 4444, version = version + 1"
                          " WHERE country = 'MYS'");
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_COMMAND_OK);
  PQclear (result);
  result = PQexec (second, "BEGIN; UPDATE kamlang.figures SET value = 9999, version = version + 1"
                           " WHERE country = 'KOR' AND m1 = 'total'; COMMIT");
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_COMMAND_OK);
  PQclear (result);
  g_assert_true (kam_shared_update (follower, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpfloat (value_here (kam_shared_get_dataset (follower), "KOR", 2023), ==, 9999);
  g_assert_cmpfloat (value_here (kam_shared_get_dataset (follower), "MYS", 2023), ==, 4000);
  /* the first commits now, after the follower read past its number */
  result = PQexec (first, "COMMIT");
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_COMMAND_OK);
  PQclear (result);
  g_assert_true (kam_shared_update (follower, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpfloat (value_here (kam_shared_get_dataset (follower), "MYS", 2023), ==, 4444);
  /* and nothing twice */
  g_assert_true (kam_shared_update (follower, &n, &error));
  g_assert_cmpuint (n, ==, 0);
  PQfinish (first);
  PQfinish (second);
}

/* Others' saves do not overwrite an edit not yet saved here; figures added
 * and deleted elsewhere come and go here. */
static void
test_own_edits_on_top (void)
{
  g_autofree char *address = kam_test_db_new ();
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("entry.kamlang");
  g_autoptr (KamShared) a = NULL, b = NULL;
  g_autoptr (GPtrArray) conflicts = NULL;
  g_autoptr (GError) error = NULL;
  KamDataset *here;
  KamFigureRow added = { "MYS", 2024, "deployed", 5000, "mlvt", "added elsewhere" };
  guint n = 0, korea;

  g_assert_true (kam_db_init (address, dataset, NULL));
  a = kam_shared_open (address, NULL);
  b = kam_shared_open (address, NULL);
  here = kam_shared_get_dataset (b);
  g_assert_true (kam_dataset_set_figure_value (here, figure_of (here, "MYS", 2023), 1, NULL));
  g_assert_true (kam_dataset_set_figure_value (
      kam_shared_get_dataset (a), figure_of (kam_shared_get_dataset (a), "MYS", 2023), 2, NULL));
  g_assert_cmpuint (kam_dataset_add_figure (kam_shared_get_dataset (a), &added, NULL), >, 0);
  korea = figure_of (kam_shared_get_dataset (a), "KOR", 2023);
  kam_dataset_remove_figures (kam_shared_get_dataset (a), &korea, 1, NULL);
  g_assert_true (kam_shared_save (a, "three changes", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (kam_shared_update (b, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);                               /* the new figure, and Korea's gone */
  g_assert_cmpfloat (value_here (here, "MYS", 2023), ==, 1); /* b's own edit */
  g_assert_cmpfloat (value_here (here, "MYS", 2024), ==, 5000);
  g_assert_cmpuint (figure_of (here, "KOR", 2023), ==, 0);
  {
    /* a new country and a figure of it, a source renamed: they come too,
     * and are no change of b's to save */
    g_autoptr (KamCountry) japan = kam_country_new ("JPN");
    KamFigureRow japanese = { "JPN", 2024, "deployed", 11453, "mlvt", NULL };
    g_auto (GValue) title = G_VALUE_INIT;

    kam_country_set_name (japan, "Japan");
    g_assert_true (kam_dataset_add_country (kam_shared_get_dataset (a), japan, NULL));
    g_assert_cmpuint (kam_dataset_add_figure (kam_shared_get_dataset (a), &japanese, NULL), >, 0);
    g_value_init (&title, G_TYPE_STRING);
    g_value_set_string (&title, "Monthly deployments (revised)");
    g_assert_true (kam_dataset_set_item_property (
        kam_shared_get_dataset (a), kam_dataset_lookup_source (kam_shared_get_dataset (a), "mlvt"),
        "title", &title, NULL));
    g_assert_true (kam_shared_save (a, "Japan", NULL, &error));
    g_assert_no_error (error);
    g_assert_true (kam_shared_update (b, &n, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (kam_country_get_name (kam_dataset_lookup_country (here, "JPN")), ==, "Japan");
    g_assert_cmpfloat (value_here (here, "JPN", 2024), ==, 11453);
    g_assert_cmpstr (kam_source_get_title (kam_dataset_lookup_source (here, "mlvt")), ==,
                     "Monthly deployments (revised)");
    g_assert_cmpuint (kam_shared_count_changes (b), ==, 1); /* (b's own Malaysia edit only) */
  }
  /* b's edit meets a's on saving */
  g_assert_false (kam_shared_save (b, NULL, &conflicts, NULL));
  g_assert_cmpuint (conflicts->len, ==, 1);
  /* deleting a figure someone else changed is a conflict too */
  g_ptr_array_unref (g_steal_pointer (&conflicts));
  {
    g_autoptr (KamShared) c = kam_shared_open (address, NULL);
    guint mys = figure_of (kam_shared_get_dataset (c), "MYS", 2024);

    g_assert_true (kam_dataset_set_figure_value (
        kam_shared_get_dataset (a), figure_of (kam_shared_get_dataset (a), "MYS", 2024), 5100,
        NULL));
    g_assert_true (kam_shared_save (a, NULL, NULL, NULL));
    kam_dataset_remove_figures (kam_shared_get_dataset (c), &mys, 1, NULL);
    g_assert_false (kam_shared_save (c, NULL, &conflicts, NULL));
    g_assert_cmpuint (conflicts->len, ==, 1);
    g_assert_nonnull (strstr (((KamConflict *)g_ptr_array_index (conflicts, 0))->theirs, "5100"));
  }
}

/* Whether a save is heard within a second (what comes on the socket may be
 * something else first). */
static gboolean
heard_within_a_second (KamShared *shared)
{
  gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      GPollFD fd = { kam_shared_get_listen_socket (shared), G_IO_IN, 0 };

      if (fd.fd >= 0 && g_poll (&fd, 1, 50) == 1 && kam_shared_heard (shared))
        return TRUE;
      if (fd.fd < 0)
        g_usleep (50000);
    }
  return FALSE;
}

/* Ends (from another thread) the session of a client busy saving, once
 * there is one. */
static gpointer
kill_later (gpointer data)
{
  g_autofree char *address = data;

  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *killed = NULL;

      g_usleep (50000);
      killed = kam_test_db_value (address,
                                  "SELECT count (pg_terminate_backend (pid)) FROM pg_stat_activity"
                                  " WHERE application_name = 'kamlang' AND state = 'active'");
      if (g_strcmp0 (killed, "0") != 0)
        break;
    }
  return NULL;
}

/* A save is heard at once by a window listening on the dataset. */
static void
test_live (void)
{
  g_autofree char *address = kam_test_db_new ();
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("entry.kamlang");
  g_autoptr (KamShared) a = NULL, b = NULL;
  g_autoptr (GError) error = NULL;
  guint n = 0;

  g_assert_true (kam_db_init (address, dataset, NULL));
  a = kam_shared_open (address, NULL);
  b = kam_shared_open (address, NULL);
  g_assert_true (kam_shared_listen (a, &error));
  g_assert_no_error (error);
  g_assert_false (kam_shared_heard (a));
  g_assert_true (kam_dataset_set_figure_value (
      kam_shared_get_dataset (b), figure_of (kam_shared_get_dataset (b), "KOR", 2023), 1, NULL));
  g_assert_true (kam_shared_save (b, "heard?", NULL, NULL));
  g_assert_true (heard_within_a_second (a));
  g_assert_true (kam_shared_update (a, &n, NULL));
  g_assert_cmpuint (n, ==, 1);
  g_assert_false (kam_shared_heard (a));
}

/* The server ends the client's sessions (an administrator's
 * pg_terminate_backend) while it is idle, and while it saves: it connects
 * again, listens again, misses no change made meanwhile, and keeps the
 * edit whose save was cut. */
static void
test_connection_killed (void)
{
  g_autofree char *address = kam_test_db_new ();
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("entry.kamlang");
  g_autoptr (KamShared) a = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *killed = NULL;
  guint n = 0;

  g_assert_true (kam_db_init (address, dataset, NULL));
  a = kam_shared_open (address, NULL);
  g_assert_true (kam_shared_listen (a, NULL));
  killed = kam_test_db_value (address,
                              "SELECT count (pg_terminate_backend (pid)) FROM pg_stat_activity"
                              " WHERE application_name = 'kamlang'");
  g_assert_cmpstr (killed, ==, "2");
  {
    /* a change while a is cut off */
    g_autoptr (KamShared) b = kam_shared_open (address, NULL);

    g_assert_true (kam_dataset_set_figure_value (
        kam_shared_get_dataset (b), figure_of (kam_shared_get_dataset (b), "KOR", 2023), 7, NULL));
    g_assert_true (kam_shared_save (b, NULL, NULL, NULL));
  }
  /* the listener's loss is heard; it listens again */
  g_assert_true (heard_within_a_second (a));
  g_assert_true (kam_shared_update (a, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpfloat (value_here (kam_shared_get_dataset (a), "KOR", 2023), ==, 7);
  {
    g_autoptr (KamShared) b = kam_shared_open (address, NULL);

    g_assert_true (kam_dataset_set_figure_value (
        kam_shared_get_dataset (b), figure_of (kam_shared_get_dataset (b), "KOR", 2023), 8, NULL));
    g_assert_true (kam_shared_save (b, NULL, NULL, NULL));
    g_assert_true (heard_within_a_second (a));
  }

  /* cut while saving: a trigger holds the save until the session is ended */
  g_free (kam_test_db_value (address,
                             "CREATE FUNCTION public.slow () RETURNS trigger LANGUAGE plpgsql AS $$"
                             " BEGIN PERFORM pg_sleep (30); RETURN NEW; END $$;"
                             "CREATE TRIGGER slow BEFORE UPDATE ON kamlang.figures FOR EACH ROW "
                             "EXECUTE FUNCTION public.slow ()"));
  g_assert_true (kam_dataset_set_figure_value (
      kam_shared_get_dataset (a), figure_of (kam_shared_get_dataset (a), "MYS", 2023), 4321, NULL));
  g_assert_true (kam_shared_update (a, &n, NULL)); /* (takes 8 first) */
  {
    char *kill_sql = g_strdup_printf ("%s", address);
    GThread *thread;
    gboolean saved;

    /* the kill comes from another thread after the save has begun */
    thread = g_thread_new ("kill", kill_later, kill_sql);
    saved = kam_shared_save (a, NULL, NULL, &error);
    g_thread_join (thread);
    g_assert_false (saved);
    g_assert_error (error, KAM_ERROR, KAM_ERROR_SERVER);
    g_clear_error (&error);
  }
  /* the edit is kept, and saved once the server lets it */
  g_assert_cmpuint (kam_shared_count_changes (a), ==, 1);
  g_free (kam_test_db_value (address, "DROP TRIGGER slow ON kamlang.figures"));
  g_assert_true (kam_shared_save (a, NULL, NULL, &error));
  g_assert_no_error (error);
  g_free (killed);
  killed = kam_test_db_value (address, "SELECT value FROM kamlang.figures WHERE country = 'MYS'");
  g_assert_cmpstr (killed, ==, "4321");
}

/* Roles granted by kam_db_grant: an editor saves through Kamlang; a reader
 * opens the dataset, and the server refuses its save, which keeps the edit
 * and says why. */
static void
test_roles (void)
{
  g_autofree char *address = kam_test_db_new ();
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("entry.kamlang");
  g_autofree char *as_editor = NULL, *as_reader = NULL, *who = NULL;
  g_autoptr (KamShared) editor = NULL, reader = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (kam_db_init (address, dataset, NULL));
  g_free (kam_test_db_value (address, "DO $$ BEGIN"
                                      " IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                                      "'sokha') THEN CREATE ROLE sokha LOGIN; END IF;"
                                      " IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                                      "'reader') THEN CREATE ROLE reader LOGIN; END IF;"
                                      " END $$"));
  g_assert_true (kam_db_grant (address, "sokha", TRUE, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (kam_db_grant (address, "reader", FALSE, NULL, NULL, &error));
  g_assert_no_error (error);
  as_editor = g_strdup_printf ("%s user=sokha", address);
  as_reader = g_strdup_printf ("%s user=reader", address);
  editor = kam_shared_open (as_editor, &error);
  g_assert_no_error (error);
  g_assert_null (kam_shared_get_limits_text (editor)); /* (an editor of everything) */
  g_assert_true (kam_dataset_may_change_lists (kam_shared_get_dataset (editor)));
  g_assert_true (kam_dataset_set_figure_value (
      kam_shared_get_dataset (editor), figure_of (kam_shared_get_dataset (editor), "KOR", 2023),
      9801, NULL));
  {
    KamFigureRow added = { "MYS", 2024, "deployed", 5000, "mlvt", NULL };

    g_assert_cmpuint (kam_dataset_add_figure (kam_shared_get_dataset (editor), &added, NULL), >, 0);
  }
  g_assert_true (kam_shared_save (editor, "by an editor", NULL, &error));
  g_assert_no_error (error);
  who = kam_test_db_value (address, "SELECT string_agg (DISTINCT who, ',') FROM kamlang.history");
  g_assert_cmpstr (who, ==, "sokha");

  reader = kam_shared_open (as_reader, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (value_here (kam_shared_get_dataset (reader), "KOR", 2023), ==, 9801);
  /* the window knows: a reader's edits are refused here, with why */
  g_assert_cmpstr (kam_shared_get_limits_text (reader), ==, "The server lets reader read this dataset, not change it.");
  g_assert_false (kam_dataset_may_change_figure (kam_shared_get_dataset (reader),
                                                 figure_of (kam_shared_get_dataset (reader), "KOR", 2023)));
  g_assert_false (kam_dataset_set_figure_value (
      kam_shared_get_dataset (reader), figure_of (kam_shared_get_dataset (reader), "KOR", 2023), 1,
      &error));
  g_assert_error (error, KAM_ERROR, KAM_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "South Korea 2023"));
  g_clear_error (&error);
  g_assert_false (kam_dataset_set_title (kam_shared_get_dataset (reader), "Mine"));
  g_assert_cmpuint (kam_shared_count_changes (reader), ==, 0);
  /* the copy kept for offline work knows it too */
  {
    g_autofree char *folder = g_dir_make_tmp ("kamlang-rights-XXXXXX", NULL);
    g_autoptr (KamShared) copy = NULL;

    g_assert_true (kam_shared_write_cache (reader, folder, &error));
    g_assert_no_error (error);
    copy = kam_shared_open_cache (as_reader, NULL, folder, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (kam_shared_get_limits_text (copy), ==, kam_shared_get_limits_text (reader));
    g_assert_false (kam_dataset_set_figure_value (
        kam_shared_get_dataset (copy), figure_of (kam_shared_get_dataset (copy), "KOR", 2023), 1, NULL));
    remove_folder (folder);
  }
  /* and when it does not (rights taken away after it read them), the server
   * refuses: said, and the edit kept */
  kam_dataset_set_limits (kam_shared_get_dataset (reader), NULL);
  g_assert_true (kam_dataset_set_figure_value (
      kam_shared_get_dataset (reader), figure_of (kam_shared_get_dataset (reader), "KOR", 2023), 1,
      NULL));
  g_assert_false (kam_shared_save (reader, NULL, NULL, &error));
  g_assert_error (error, KAM_ERROR, KAM_ERROR_SERVER);
  g_assert_nonnull (strstr (error->message, "permission denied"));
  g_assert_cmpuint (kam_shared_count_changes (reader), ==, 1);
}

/* An editor of one province's figures (kamlang --db-grant … --province):
 * the server lets it change those, and no other, whether through Kamlang
 * or in plain SQL with its role; the window's save says so and keeps the
 * edit. */
static void
test_province_editor (void)
{
  g_autofree char *address = kam_test_db_new ();
  g_autoptr (KamDataset) dataset = kam_test_load_bundled ();
  g_autoptr (KamShared) editor = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *as_editor = NULL, *err = NULL, *value = NULL;
  int province = kam_dataset_find_dimension (dataset, "province");
  KamDimension *dimension = kam_dataset_get_dimension (dataset, (guint)province);
  KamFigureRow mine = { "THA", 2030, "workers", 100, NULL, NULL }, theirs = mine;
  KamFigureTable *table;
  guint mine_id = 0, theirs_id = 0;
  PGconn *raw;
  PGresult *result;

  g_assert_cmpint (province, >=, 0);
  mine.members[province] = (guint16)kam_dimension_find_code (dimension, "KH-12");
  theirs.members[province] = (guint16)kam_dimension_find_code (dimension, "KH-1");
  g_assert_cmpuint (kam_dataset_add_figure (dataset, &mine, NULL), >, 0);
  g_assert_cmpuint (kam_dataset_add_figure (dataset, &theirs, NULL), >, 0);
  g_assert_true (kam_db_init (address, dataset, NULL));
  g_free (kam_test_db_value (
      address, "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kh12') THEN"
               " CREATE ROLE kh12 LOGIN; END IF; END $$"));
  {
    const char *args[] = { "--db-grant", address, "kh12", "--province", "KH-12", NULL };

    g_assert_cmpint (run_kamlang (args, &err), ==, 0);
    g_assert_nonnull (
        strstr (err, "kh12 may read the shared dataset and change the figures of KH-12"));
  }
  as_editor = g_strdup_printf ("%s user=kh12", address);
  editor = kam_shared_open (as_editor, &error);
  g_assert_no_error (error);
  table = kam_dataset_get_figures (kam_shared_get_dataset (editor));
  for (guint r = 0; r < kam_figure_table_get_n_rows (table); r++)
    if (kam_figure_table_get_year (table, r) == 2030)
      {
        if (kam_figure_table_get_member (table, r, (guint)province) == mine.members[province])
          mine_id = kam_figure_table_get_id (table, r);
        else
          theirs_id = kam_figure_table_get_id (table, r);
      }
  /* its own province: saved */
  g_assert_cmpstr (kam_shared_get_limits_text (editor), ==, "The server lets kh12 change only the figures of Phnom Penh.");
  g_assert_true (kam_dataset_may_change_figure (kam_shared_get_dataset (editor), mine_id));
  g_assert_false (kam_dataset_may_change_figure (kam_shared_get_dataset (editor), theirs_id));
  g_assert_true (
      kam_dataset_set_figure_value (kam_shared_get_dataset (editor), mine_id, 120, NULL));
  g_assert_true (kam_shared_save (editor, "Kampot's figure", NULL, &error));
  g_assert_no_error (error);
  /* another province's: refused here, with why; nor moved into its province,
   * nor added, nor deleted; nor the lists */
  g_assert_false (kam_dataset_set_figure_value (kam_shared_get_dataset (editor), theirs_id, 999, &error));
  g_assert_error (error, KAM_ERROR, KAM_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "Thailand 2030"));
  g_assert_nonnull (strstr (error->message, "only the figures of Phnom Penh"));
  g_clear_error (&error);
  {
    KamFigureRow moved = mine;

    moved.members[province] = theirs.members[province];
    g_assert_false (kam_dataset_set_figure_field (kam_shared_get_dataset (editor), mine_id, KAM_FIGURE_FIELD_MEMBERS,
                                                  &moved, NULL));
    moved.year = 2031;
    g_assert_cmpuint (kam_dataset_add_figure (kam_shared_get_dataset (editor), &moved, NULL), ==, 0);
    moved.members[province] = mine.members[province];
    g_assert_cmpuint (kam_dataset_add_figure (kam_shared_get_dataset (editor), &moved, NULL), >, 0);
    g_assert_true (kam_dataset_undo (kam_shared_get_dataset (editor)));
  }
  g_assert_false (kam_dataset_remove_figures (kam_shared_get_dataset (editor), &theirs_id, 1, &error));
  g_assert_error (error, KAM_ERROR, KAM_ERROR_READ_ONLY);
  g_clear_error (&error);
  {
    g_autoptr (KamCountry) country = kam_country_new ("FJI");

    g_assert_false (kam_dataset_add_country (kam_shared_get_dataset (editor), country, &error));
    g_assert_error (error, KAM_ERROR, KAM_ERROR_READ_ONLY);
    g_clear_error (&error);
  }
  g_assert_cmpuint (kam_shared_count_changes (editor), ==, 0);
  /* a client that does not know (rights changed after reading them): the
   * server refuses, said, kept */
  kam_dataset_set_limits (kam_shared_get_dataset (editor), NULL);
  g_assert_true (
      kam_dataset_set_figure_value (kam_shared_get_dataset (editor), theirs_id, 999, NULL));
  g_assert_false (kam_shared_save (editor, NULL, NULL, &error));
  g_assert_error (error, KAM_ERROR, KAM_ERROR_SERVER);
  g_assert_nonnull (strstr (error->message, "does not let you change"));
  g_assert_nonnull (strstr (error->message, "THA 2030 workers"));
  g_clear_error (&error);
  g_assert_cmpuint (kam_shared_count_changes (editor), ==, 1);
  value = kam_test_db_value (address,
                             "SELECT value FROM kamlang.figures WHERE year = 2030 AND m3 = 'KH-1'");
  g_assert_cmpstr (value, ==, "100");

  /* the same in plain SQL, with the editor's role */
  raw = PQconnectdb (as_editor);
  g_assert_cmpint (PQstatus (raw), ==, CONNECTION_OK);
  result = PQexec (raw, "UPDATE kamlang.figures SET value = 1 WHERE year = 2030");
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_COMMAND_OK);
  g_assert_cmpstr (PQcmdTuples (result), ==, "1"); /* its own only */
  PQclear (result);
  result = PQexec (raw, "INSERT INTO kamlang.figures (country, year, indicator, m3) VALUES ('THA', "
                        "2031, 'workers', 'KH-1')");
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_FATAL_ERROR);
  g_assert_nonnull (strstr (PQresultErrorMessage (result), "row-level security"));
  PQclear (result);
  result = PQexec (raw, "UPDATE kamlang.items SET version = version + 1");
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_FATAL_ERROR);
  g_assert_nonnull (strstr (PQresultErrorMessage (result), "permission denied"));
  PQclear (result);
  PQfinish (raw);
  g_free (value);
  value = kam_test_db_value (address,
                             "SELECT value FROM kamlang.figures WHERE year = 2030 AND m3 = 'KH-1'");
  g_assert_cmpstr (value, ==, "100");
}

/* The copy kept here: with the server away, the dataset opens from it with
 * its unsaved edits; once the server is back, the edits are saved, meeting
 * what others saved meanwhile as ever. */
static void
test_offline_copy (void)
{
  g_autofree char *address = kam_test_db_new ();
  g_autofree char *folder = g_dir_make_tmp ("kamlang-cache-XXXXXX", NULL);
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("entry.kamlang");
  g_autoptr (KamShared) a = NULL, offline = NULL;
  g_autoptr (GPtrArray) conflicts = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *value = NULL;
  KamSharedCache *early;
  guint korea;

  g_assert_true (kam_db_init (address, dataset, NULL));
  a = kam_shared_open (address, NULL);
  /* a copy made before the edits (as a window makes one when it opens),
   * written only after the one made with them: it does not overwrite it */
  early = kam_shared_cache_prepare (a);
  korea = figure_of (kam_shared_get_dataset (a), "KOR", 2023);
  g_assert_true (kam_dataset_set_figure_value (
      kam_shared_get_dataset (a), figure_of (kam_shared_get_dataset (a), "MYS", 2023), 4100, NULL));
  kam_dataset_remove_figures (kam_shared_get_dataset (a), &korea, 1, NULL);
  g_assert_true (kam_shared_write_cache (a, folder, &error));
  g_assert_no_error (error);
  g_assert_true (kam_shared_cache_write (early, folder, &error));
  g_assert_no_error (error);
  g_clear_pointer (&early, kam_shared_cache_free);
  g_clear_pointer (&a, kam_shared_free);

  /* the server away: the copy opens, with both edits to save */
  kam_test_db_control ("stop-now");
  g_assert_null (kam_shared_open (address, &error));
  g_assert_error (error, KAM_ERROR, KAM_ERROR_SERVER);
  g_clear_error (&error);
  offline = kam_shared_open_cache (address, NULL, folder, &error);
  g_assert_no_error (error);
  g_assert_false (kam_shared_get_connected (offline));
  g_assert_cmpuint (kam_shared_count_changes (offline), ==, 2);
  g_assert_cmpfloat (value_here (kam_shared_get_dataset (offline), "MYS", 2023), ==, 4100);
  g_assert_false (kam_shared_save (offline, NULL, NULL, &error));
  g_assert_error (error, KAM_ERROR, KAM_ERROR_SERVER);
  g_clear_error (&error);

  /* back: someone else saves Malaysia first; then the copy's save meets it */
  kam_test_db_control ("start");
  {
    g_autoptr (KamShared) b = kam_shared_open (address, NULL);

    g_assert_true (kam_dataset_set_figure_value (
        kam_shared_get_dataset (b), figure_of (kam_shared_get_dataset (b), "MYS", 2023), 4200,
        NULL));
    g_assert_true (kam_shared_save (b, NULL, NULL, NULL));
  }
  g_assert_false (kam_shared_save (offline, "from the copy", &conflicts, &error));
  g_assert_error (error, KAM_ERROR, KAM_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  kam_shared_keep_mine (offline, g_ptr_array_index (conflicts, 0));
  g_assert_true (kam_shared_save (offline, "from the copy", NULL, &error));
  g_assert_no_error (error);
  value = kam_test_db_value (
      address,
      "SELECT value || ',' || (SELECT count (*) FROM kamlang.figures WHERE country = 'KOR')"
      " FROM kamlang.figures WHERE country = 'MYS'");
  g_assert_cmpstr (value, ==, "4100,1");
  remove_folder (folder);
}

typedef struct
{
  KamShared *shared;
  gboolean saved;
  GError *error;
} SaveJob;

static gpointer
save_in_thread (gpointer data)
{
  SaveJob *job = data;

  job->saved = kam_shared_save (job->shared, "all of them", NULL, &job->error);
  return NULL;
}

/* The server stops at once (pg_ctl stop -m immediate) while 10^5 changed
 * figures are being saved: started again, it has all of them or none; the
 * client says the save failed and keeps every edit; a later save succeeds. */
static void
test_server_stopped_during_save (void)
{
  g_autofree char *address = kam_test_db_new ();
  g_autoptr (KamDataset) dataset = kam_test_load_fixture ("entry.kamlang");
  g_autoptr (KamShared) a = NULL;
  g_autoptr (GArray) rows = g_array_new (FALSE, TRUE, sizeof (KamFigureRow));
  g_autoptr (GArray) ids = NULL;
  GPtrArray *iso = kam_iso_countries_get_default ();
  KamFigureRow changed = { 0 };
  g_autofree char *count = NULL, *stopped = NULL, *started = NULL;
  SaveJob job = { 0 };
  GThread *thread;
  KamFigureTable *table;
  const char *control = g_getenv ("KAM_PG_CONTROL");
  int status = 0;

  g_assert_nonnull (control);
  /* 10^5 figures: countries × 201 years × 3 members */
  for (guint i = 0; i < iso->len; i++)
    {
      const KamIsoCountry *country = g_ptr_array_index (iso, i);
      g_autoptr (KamCountry) item = NULL;

      if (kam_dataset_lookup_country (dataset, country->code) != NULL)
        continue;
      item = kam_country_new (country->code);
      kam_country_set_name (item, country->name);
      g_assert_true (kam_dataset_add_country (dataset, item, NULL));
    }
  for (guint i = 0; i < iso->len; i++)
    for (int year = KAM_YEAR_MIN; year <= KAM_YEAR_MAX; year++)
      for (guint16 m = 0; m <= 2 && rows->len < 100000; m++)
        {
          const char *code = ((KamIsoCountry *)g_ptr_array_index (iso, i))->code;

          if (g_str_equal (code, "KOR") || g_str_equal (code, "MYS"))
            continue; /* (the fixture's own) */
          {
            KamFigureRow row
                = { g_intern_string (((KamIsoCountry *)g_ptr_array_index (iso, i))->code),
                    year,
                    g_intern_static_string ("deployed"),
                    1,
                    g_intern_static_string ("mlvt"),
                    NULL };

            row.members[0] = m;
            g_array_append_val (rows, row);
          }
        }
  if (!kam_dataset_add_figures (dataset, (KamFigureRow *)rows->data, rows->len, NULL, &job.error))
    g_error ("%s", job.error->message);
  g_assert_true (kam_db_init (address, dataset, NULL));
  a = kam_shared_open (address, NULL);
  g_assert_nonnull (a);
  table = kam_dataset_get_figures (kam_shared_get_dataset (a));
  ids = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint r = 0; r < kam_figure_table_get_n_rows (table); r++)
    if (kam_figure_table_get_value (table, r) == 1)
      {
        guint id = kam_figure_table_get_id (table, r);
        g_array_append_val (ids, id);
      }
  g_assert_cmpuint (ids->len, >=, 100000);
  changed.value = 2;
  g_assert_true (kam_dataset_set_figures_field (kam_shared_get_dataset (a), (guint *)ids->data,
                                                ids->len, KAM_FIGURE_FIELD_VALUE, 0, &changed,
                                                NULL));
  g_assert_cmpuint (kam_shared_count_changes (a), ==, ids->len);

  /* (the save held on the server until the stop: a statement trigger
   * sleeps, so that the stop comes while it is under way) */
  g_free (kam_test_db_value (address,
                             "CREATE FUNCTION public.hold () RETURNS trigger LANGUAGE plpgsql AS $$"
                             " BEGIN PERFORM pg_sleep (5); RETURN NULL; END $$;"
                             "CREATE TRIGGER hold BEFORE UPDATE ON kamlang.figures"
                             " FOR EACH STATEMENT EXECUTE FUNCTION public.hold ()"));
  job.shared = a;
  thread = g_thread_new ("save", save_in_thread, &job);
  /* once the save is well under way */
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *busy = NULL;
      g_autofree char *address_count = g_strdup_printf ("%s", address);

      g_usleep (50000);
      busy = kam_test_db_value (
          address_count, "SELECT count (*) FROM pg_stat_activity WHERE application_name = 'kamlang'"
                         " AND xact_start < now () - interval '300 milliseconds'");
      if (g_strcmp0 (busy, "0") != 0)
        break;
    }
  {
    const char *argv[] = { control, "stop-now", NULL };
    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                                 &status, NULL));
  }
  g_thread_join (thread);
  g_assert_false (job.saved);
  g_assert_error (job.error, KAM_ERROR, KAM_ERROR_SERVER);
  g_clear_error (&job.error);
  {
    const char *argv[] = { control, "start", NULL };
    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                                 &status, NULL));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  /* all or none: none, as it was not committed */
  count = kam_test_db_value (address, "SELECT count (*) FROM kamlang.figures WHERE value = 2");
  g_assert_cmpstr (count, ==, "0");
  /* every edit kept, and saved now */
  g_free (kam_test_db_value (address, "DROP TRIGGER hold ON kamlang.figures"));
  g_assert_cmpuint (kam_shared_count_changes (a), ==, ids->len);
  g_assert_true (kam_shared_save (a, "all of them, again", NULL, &job.error));
  g_assert_no_error (job.error);
  g_free (count);
  count = kam_test_db_value (address, "SELECT count (*) FROM kamlang.figures WHERE value = 2");
  g_assert_cmpint (atoi (count), ==, ids->len);
  g_assert_cmpuint (kam_shared_count_changes (a), ==, 0);

  /* 10^5 changes in one statement meet one figure someone else changed:
   * nothing of them is saved, and the conflict names that figure */
  {
    g_autoptr (KamShared) b = kam_shared_open (address, NULL);
    g_autoptr (GPtrArray) conflicts = NULL;
    KamFigureTable *b_table = kam_dataset_get_figures (kam_shared_get_dataset (b));
    guint one = kam_figure_table_get_id (b_table, kam_figure_table_get_n_rows (b_table) - 1);

    g_assert_true (kam_dataset_set_figure_value (kam_shared_get_dataset (b), one, 7, NULL));
    g_assert_true (kam_shared_save (b, NULL, NULL, NULL));
    changed.value = 3;
    g_assert_true (kam_dataset_set_figures_field (kam_shared_get_dataset (a), (guint *)ids->data,
                                                  ids->len, KAM_FIGURE_FIELD_VALUE, 0, &changed,
                                                  NULL));
    g_assert_false (kam_shared_save (a, NULL, &conflicts, NULL));
    g_assert_nonnull (conflicts);
    g_assert_cmpuint (conflicts->len, ==, 1);
    g_free (count);
    count = kam_test_db_value (address, "SELECT count (*) FROM kamlang.figures WHERE value = 3");
    g_assert_cmpstr (count, ==, "0");
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (g_getenv ("PGHOST") == NULL)
    {
      g_test_skip ("no server: run under tests/with-postgres");
      return g_test_run ();
    }
  g_test_add_func ("/kamlang/db/reads-back", test_reads_back);
  g_test_add_func ("/kamlang/db/texts-byte-for-byte", test_texts_byte_for_byte);
  g_test_add_func ("/kamlang/db/refusals", test_refusals);
  g_test_add_func ("/kamlang/db/migration-and-history", test_migration_and_history);
  g_test_add_func ("/kamlang/db/history-not-for-editors", test_history_not_for_editors);
  g_test_add_func ("/kamlang/db/headless", test_headless);
  g_test_add_func ("/kamlang/db/conflict", test_conflict);
  g_test_add_func ("/kamlang/db/only-changes", test_only_changes);
  g_test_add_func ("/kamlang/db/items-and-settings", test_items_and_settings);
  g_test_add_func ("/kamlang/db/commits-out-of-order", test_commits_out_of_order);
  g_test_add_func ("/kamlang/db/own-edits-on-top", test_own_edits_on_top);
  g_test_add_func ("/kamlang/db/live", test_live);
  g_test_add_func ("/kamlang/db/roles", test_roles);
  g_test_add_func ("/kamlang/db/province-editor", test_province_editor);
  g_test_add_func ("/kamlang/db/offline-copy", test_offline_copy);
  g_test_add_func ("/kamlang/db/connection-killed", test_connection_killed);
  g_test_add_func ("/kamlang/db/server-stopped-during-save", test_server_stopped_during_save);
  return g_test_run ();
}
