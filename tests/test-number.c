/* test-number.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>
#include "kam-number.h"
#include "kam-types.h"

static void
test_parse (void)
{
  static const struct
  {
    const char *text;
    double value;
  } good[] = {
    { "1,220,197", 1220197 }, { "1220197", 1220197 }, { " 45 866 ", 45866 },
    { "2.5", 2.5 },           { "០១២៣", 123 },         { "១,២២០,១៩៧", 1220197 },
    { "0", 0 },               { "12,000.5", 12000.5 }, { "1'220'197", 1220197 },
    { "999", 999 },           { "1,000", 1000 },
    /* what kam_number_to_text writes for very large numbers reads back */
    { "3.000011111111111e+57", 3.000011111111111e+57 }, { "2E6", 2e6 }, { "1.5e-3", 1.5e-3 },
  };
  static const char *const bad[] = { "-5", "−5", "abc", "12a", "1.2.3", "1.5,3", "1e", "e5",
                                     "1e5e5", "1e5.5", "1e999",
                                     /* separators out of place */
                                     "1,2,3", "12,00", "1,2345", ",123", "1,000,00", "1 2 3",
                                     "1,000,0000.5", "1,23e5" };
  double v;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr (GError) error = NULL;
      g_assert_true (kam_number_parse (good[i].text, &v, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat (v, ==, good[i].value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_assert_false (kam_number_parse (bad[i], &v, &error));
      g_assert_error (error, KAM_ERROR, KAM_ERROR_INVALID);
    }
  {
    g_autoptr (GError) error = NULL;
    g_assert_false (kam_number_parse ("1,2,3", &v, &error));
    g_assert_nonnull (strstr (error->message, "groups of three"));
  }
  g_assert_true (kam_number_parse ("", &v, NULL));
  g_assert_true (isnan (v));
  g_assert_true (kam_number_parse ("  ", &v, NULL));
  g_assert_true (isnan (v));
}

static void
test_format (void)
{
  g_autofree char *a = kam_number_format (1220197, 0);
  g_autofree char *b = kam_number_format (2.5, 2);
  g_autofree char *c = kam_number_format_compact (1220197, FALSE);
  g_autofree char *d = kam_number_format_compact (2.8e9, TRUE);
  g_autofree char *e = kam_number_format (43, 0);
  g_autofree char *f = kam_number_to_text (2654393614.65735);
  g_autofree char *g = kam_number_to_text (11453);
  g_autofree char *h = kam_number_to_text (0.1 + 0.2);

  g_assert_cmpstr (a, ==, "1,220,197");
  g_assert_cmpstr (b, ==, "2.5");
  g_assert_cmpstr (c, ==, "1.2 M");
  g_assert_cmpstr (d, ==, "US$ 2.8 B");
  g_assert_cmpstr (e, ==, "43");
  g_assert_cmpstr (f, ==, "2654393614.65735");
  g_assert_cmpstr (g, ==, "11453");
  g_assert_cmpfloat (g_ascii_strtod (h, NULL), ==, 0.1 + 0.2);
}

/* The Khmer numerals preference: numbers and years for people change, what
 * goes to files does not, and what it writes reads back. */
static void
test_khmer_digits (void)
{
  double v;

  g_assert_false (kam_number_get_khmer_digits ());
  kam_number_set_khmer_digits (TRUE);
  {
    g_autofree char *a = kam_number_format (1220197, 0);
    g_autofree char *b = kam_number_format_compact (2.8e9, TRUE);
    g_autofree char *c = kam_number_format_amount (45.5, TRUE);
    g_autofree char *year = kam_number_format_year (2021);
    g_autofree char *text = kam_number_localize ("Thailand, 2021: 1.2 M");
    g_autofree char *file = kam_number_to_text (11453);

    g_assert_true (kam_number_get_khmer_digits ());
    g_assert_cmpstr (a, ==, "១,២២០,១៩៧");
    g_assert_cmpstr (b, ==, "US$ ២.៨ B");
    g_assert_cmpstr (c, ==, "៤៥.៥");
    g_assert_cmpstr (year, ==, "២០២១");
    g_assert_cmpstr (text, ==, "Thailand, ២០២១: ១.២ M");
    /* issue 27: digits inside ids and words stay as written */
    {
      g_autofree char *ids = kam_number_localize ("pp-000, F8: 2nd, s_2, pp-2024-03 and 2024-03");

      g_assert_cmpstr (ids, ==, "pp-000, F8: 2nd, s_2, pp-2024-03 and ២០២៤-០៣");
    }
    g_assert_cmpstr (file, ==, "11453");
    g_assert_true (kam_number_parse (a, &v, NULL));
    g_assert_cmpfloat (v, ==, 1220197);
  }
  kam_number_set_khmer_digits (FALSE);
  {
    g_autofree char *a = kam_number_format (1220197, 0);
    g_autofree char *year = kam_number_format_year (2021);
    g_autofree char *text = kam_number_localize ("2021");

    g_assert_cmpstr (a, ==, "1,220,197");
    g_assert_cmpstr (year, ==, "2021");
    g_assert_cmpstr (text, ==, "2021");
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kamlang/number/parse", test_parse);
  g_test_add_func ("/kamlang/number/format", test_format);
  g_test_add_func ("/kamlang/number/khmer-digits", test_khmer_digits);
  return g_test_run ();
}
