/* test-iso.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include "kam-config.h"
#include "kam-iso-countries.h"
#include "kam-test-utils.h"

/* The system's iso-codes: every country, its common name, its Khmer name
 * whatever the interface's language. */
static void
test_system_countries (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) countries = kam_iso_countries_load (NULL, NULL, &error);
  const KamIsoCountry *korea, *thailand;

  g_assert_no_error (error);
  g_assert_nonnull (countries);
  g_assert_cmpuint (countries->len, >=, 240);
  korea = kam_iso_countries_find (countries, "kor");
  thailand = kam_iso_countries_find (countries, "THA");
  g_assert_nonnull (korea);
  g_assert_cmpstr (korea->name, ==, "South Korea");
  g_assert_cmpstr (thailand->name, ==, "Thailand");
  g_assert_cmpstr (thailand->name_km, ==, "ថៃ");
  g_assert_nonnull (korea->name_km);
  g_assert_null (kam_iso_countries_find (countries, "XYZ"));
  for (guint i = 1; i < countries->len; i++)
    g_assert_cmpint (g_utf8_collate (((KamIsoCountry *) g_ptr_array_index (countries, i - 1))->name,
                                     ((KamIsoCountry *) g_ptr_array_index (countries, i))->name), <=, 0);
  g_assert_true (kam_iso_countries_get_default () == kam_iso_countries_get_default ());
}

/* A catalogue that is not one, or is cut short, is refused; a list without
 * Khmer gives English names. */
static void
test_bad_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kamlang-iso-XXXXXX", NULL);
  g_autofree char *mo = g_build_filename (dir, "bad.mo", NULL);
  g_autofree char *json = g_build_filename (dir, "list.json", NULL);
  g_autofree char *real = NULL;
  gsize length;
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) table = NULL;
  g_autoptr (GPtrArray) countries = NULL;
  g_autofree char *real_mo = g_build_filename (KAM_ISO_CODES_LOCALEDIR, "km", "LC_MESSAGES", "iso_3166-1.mo", NULL);

  g_assert_true (g_file_set_contents (mo, "not a catalogue at all", -1, NULL));
  g_assert_null (kam_mo_read (mo, &error));
  g_assert_error (error, KAM_ERROR, KAM_ERROR_INVALID);
  g_clear_error (&error);
  /* the real one, cut in half: its tables point past the end */
  g_assert_true (g_file_get_contents (real_mo, &real, &length, NULL));
  table = kam_mo_read (real_mo, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (table, "Japan"), ==, "ជប៉ុន");
  g_assert_true (g_file_set_contents (mo, real, length / 2, NULL));
  g_assert_null (kam_mo_read (mo, &error));
  g_assert_error (error, KAM_ERROR, KAM_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (json, "{\"3166-1\": [{\"alpha_3\": \"JPN\", \"name\": \"Japan\"}, 7,"
                                            " {\"alpha_3\": \"XX\", \"name\": \"Short\"}]}", -1, NULL));
  countries = kam_iso_countries_load (json, dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (countries->len, ==, 1);
  g_assert_null (((KamIsoCountry *) g_ptr_array_index (countries, 0))->name_km);
  g_clear_pointer (&countries, g_ptr_array_unref);
  g_assert_true (g_file_set_contents (json, "{\"countries\": []}", -1, NULL));
  g_assert_null (kam_iso_countries_load (json, dir, &error));
  g_assert_error (error, KAM_ERROR, KAM_ERROR_INVALID);
  g_unlink (mo);
  g_unlink (json);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kamlang/iso/system-countries", test_system_countries);
  g_test_add_func ("/kamlang/iso/bad-files", test_bad_files);
  return g_test_run ();
}
