/* test-sheet.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Workbooks read as grids of cells (kam-sheet.h), from files Kamlang did not
 * write (tests/fixtures/tables/make-tables); damaged and hostile files
 * refused with a message. */

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include "kam-sheet.h"
#include "kam-test-utils.h"

static KamSheet *
sheet_named (GPtrArray *sheets, const char *name)
{
  for (guint i = 0; i < sheets->len; i++)
    if (g_str_equal (((KamSheet *) g_ptr_array_index (sheets, i))->name, name))
      return g_ptr_array_index (sheets, i);
  return NULL;
}

static void
test_cell_names (void)
{
  g_autofree char *a1 = kam_sheet_cell_name (0, 0);
  g_autofree char *b7 = kam_sheet_cell_name (6, 1);
  g_autofree char *z1 = kam_sheet_cell_name (0, 25);
  g_autofree char *aa10 = kam_sheet_cell_name (9, 26);
  g_autofree char *xfd = kam_sheet_cell_name (1048575, 16383);

  g_assert_cmpstr (a1, ==, "A1");
  g_assert_cmpstr (b7, ==, "B7");
  g_assert_cmpstr (z1, ==, "Z1");
  g_assert_cmpstr (aa10, ==, "AA10");
  g_assert_cmpstr (xfd, ==, "XFD1048576");
}

/* openpyxl's workbook: texts, numbers, numbers as text, merged and hidden
 * cells, a second sheet named in Khmer; its formulas have no results (openpyxl
 * computes none), so they read as empty. */
static void
test_openpyxl_workbook (void)
{
  g_autofree char *path = kam_test_fixture ("tables/wide-sex.xlsx");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sheets = kam_sheet_read_file (path, &error);
  KamSheet *sheet, *khmer;
  const KamSheetRange *merge;

  g_assert_no_error (error);
  g_assert_nonnull (sheets);
  g_assert_cmpuint (sheets->len, ==, 2);
  sheet = sheet_named (sheets, "By destination");
  khmer = sheet_named (sheets, "ខ្មែរ");
  g_assert_nonnull (sheet);
  g_assert_nonnull (khmer);
  g_assert_cmpuint (sheet->n_rows, ==, 12);
  g_assert_cmpuint (sheet->n_columns, ==, 7);
  g_assert_cmpstr (kam_sheet_get_text (sheet, 0, 0), ==, "Cambodian workers sent abroad by destination and sex");
  g_assert_null (kam_sheet_get_text (sheet, 1, 0));
  /* the year over three columns: its number, its text, the merge */
  g_assert_cmpfloat (kam_sheet_get_number (sheet, 2, 1), ==, 2023);
  g_assert_cmpstr (kam_sheet_get_text (sheet, 2, 1), ==, "2023");
  merge = kam_sheet_get_merge (sheet, 2, 3);
  g_assert_nonnull (merge);
  g_assert_cmpuint (merge->row, ==, 2);
  g_assert_cmpuint (merge->column, ==, 1);
  g_assert_cmpuint (merge->n_columns, ==, 3);
  g_assert_nonnull (kam_sheet_get_merge (sheet, 0, 6));
  g_assert_null (kam_sheet_get_merge (sheet, 4, 1));
  /* numbers, and texts that hold numbers, as written */
  g_assert_cmpfloat (kam_sheet_get_number (sheet, 4, 1), ==, 1100);
  g_assert_cmpstr (kam_sheet_get_text (sheet, 4, 4), ==, "1,200");
  g_assert_true (isnan (kam_sheet_get_number (sheet, 4, 4)));
  g_assert_cmpstr (kam_sheet_get_text (sheet, 5, 1), ==, "2,719*");
  g_assert_cmpstr (kam_sheet_get_text (sheet, 8, 1), ==, "..");
  g_assert_null (kam_sheet_get_text (sheet, 8, 2));
  /* the hidden row */
  g_assert_true (sheet->hidden_rows[7]);
  g_assert_false (sheet->hidden_rows[6]);
  g_assert_false (sheet->hidden_columns[0]);
  /* a formula without a result: nothing */
  g_assert_null (kam_sheet_get_text (sheet, 9, 1));
  g_assert_cmpstr (kam_sheet_get_text (sheet, 9, 0), ==, "Total");
  /* Khmer texts */
  g_assert_cmpstr (kam_sheet_get_text (khmer, 0, 0), ==, "ប្រទេស");
  g_assert_cmpstr (kam_sheet_get_text (khmer, 1, 0), ==, "ម៉ាឡេស៊ី");
  g_assert_cmpfloat (kam_sheet_get_number (khmer, 2, 2), ==, 3000);
}

/* LibreOffice's saves: the formulas' results read as numbers. */
static void
test_libreoffice_workbooks (void)
{
  const char *names[] = { "tables/wide-sex-libreoffice.ods", "tables/wide-sex-libreoffice.xlsx" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = kam_test_fixture (names[i]);
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) sheets = kam_sheet_read_file (path, &error);
      KamSheet *sheet;

      g_assert_no_error (error);
      g_test_message ("%s", names[i]);
      sheet = sheet_named (sheets, "By destination");
      g_assert_nonnull (sheet);
      /* =SUM(G5:G9): 4,600 + 3,000 + 11,500 + 2 (the hidden row) + 1,200,000 */
      g_assert_cmpfloat (kam_sheet_get_number (sheet, 9, 6), ==, 1219102);
      g_assert_cmpstr (kam_sheet_get_text (sheet, 9, 6), ==, "1219102");
      g_assert_cmpstr (kam_sheet_get_text (sheet, 4, 4), ==, "1,200");
      /* 2024 over its own columns (liborcus 0.17 shifted an .ods's cells
       * after a merged one) */
      g_assert_cmpstr (kam_sheet_get_text (sheet, 2, 4), ==, "2024");
      g_assert_null (kam_sheet_get_text (sheet, 2, 2));
      /* the hidden row, and only it */
      for (guint r = 0; r < sheet->n_rows; r++)
        g_assert_true (sheet->hidden_rows[r] == (r == 7));
      /* (liborcus 0.17 does not read an .ods's merged cells: the table
       * importer does not count on them) */
      if (g_str_has_suffix (names[i], ".xlsx"))
        g_assert_nonnull (kam_sheet_get_merge (sheet, 2, 5));
      g_assert_nonnull (sheet_named (sheets, "ខ្មែរ"));
    }
}

static char *folder; /* this run's own */

static char *
write_bad (const char *name, const char *data, gsize length)
{
  char *path = g_build_filename (folder, name, NULL);

  g_assert_true (g_file_set_contents (path, data, length, NULL));
  return path;
}

static void
assert_refused (const char *path, const char *words)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sheets = NULL;
  gint64 start = g_get_monotonic_time ();

  sheets = kam_sheet_read_file (path, &error);
  g_assert_null (sheets);
  g_assert_nonnull (error);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” refused with “%s”, not a message with “%s”", path, error->message, words);
  g_test_message ("%s: %s (%.0f ms)", path, error->message, (g_get_monotonic_time () - start) / 1000.0);
}

/* Damaged and hostile files: refused, with a message that says what. */
static void
test_bad_workbooks (void)
{
  g_autofree char *good = kam_test_fixture ("tables/wide-sex.xlsx");
  g_autofree char *data = NULL;
  gsize length;
  g_autofree char *csv = write_bad ("kam-sheet-csv.xlsx", "country,year,value\nJPN,2021,11453\n", 34);
  g_autofree char *ole = write_bad ("kam-sheet-encrypted.xlsx", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 rest of it", 20);
  g_autofree char *truncated = NULL, *bomb = NULL, *empty = write_bad ("kam-sheet-empty.xlsx", "", 0);

  g_assert_true (g_file_get_contents (good, &data, &length, NULL));
  truncated = write_bad ("kam-sheet-truncated.xlsx", data, length / 2);
  /* a zip whose directory says a file unzips to 768 MiB */
  {
    g_autofree char *copy = g_memdup2 (data, length);

    for (gsize at = 0; at + 46 < length; at++)
      if (memcmp (copy + at, "PK\x01\x02", 4) == 0)
        {
          memcpy (copy + at + 24, "\x00\x00\x00\x30", 4);
          break;
        }
    bomb = write_bad ("kam-sheet-bomb.xlsx", copy, length);
  }
  assert_refused (csv, "import it as CSV");
  assert_refused (ole, "encrypted");
  assert_refused (truncated, "damaged");
  assert_refused (bomb, "unzips to");
  assert_refused (empty, "not an .xlsx or .ods");
  assert_refused ("/nonexistent/kam.xlsx", "no such file");
  /* made by make-tables: a sheet as tall as Excel allows, refused before its
   * cells are read; an external entity, never fetched nor expanded */
  {
    g_autofree char *tall = kam_test_fixture ("tables/tall.xlsx");
    g_autofree char *entity = kam_test_fixture ("tables/entity.xlsx");

    assert_refused (tall, "1048576 rows");
    assert_refused (entity, "damaged");
  }
  for (const char **p = (const char *[]){ csv, ole, truncated, bomb, empty, NULL }; *p != NULL; p++)
    g_unlink (*p);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  folder = g_dir_make_tmp ("kam-sheet-XXXXXX", NULL);
  g_test_add_func ("/kamlang/sheet/cell-names", test_cell_names);
  g_test_add_func ("/kamlang/sheet/openpyxl-workbook", test_openpyxl_workbook);
  g_test_add_func ("/kamlang/sheet/libreoffice-workbooks", test_libreoffice_workbooks);
  g_test_add_func ("/kamlang/sheet/bad-workbooks", test_bad_workbooks);
  {
    int status = g_test_run ();

    g_rmdir (folder);
    g_free (folder);
    return status;
  }
}
