/* test-map-shapes.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The map's boundaries (issue 30): the TopoJSON reader against shapes whose
 * places are known, the bundled world's countries, bad files refused with
 * a message, and the Equal Earth projection. */

#include <gio/gio.h>
#include <math.h>
#include <string.h>
#include "kam-map-shapes.h"
#include "kam-types.h"

/* A country's outline in a file of its own: a unit square from two arcs,
 * the second given backwards (~1), positions quantized and delta-encoded. */
static const char square[] = "{\"type\": \"Topology\","
                             " \"transform\": {\"scale\": [0.5, 0.25], \"translate\": [100, 10]},"
                             " \"objects\": {\"countries\": {\"type\": \"GeometryCollection\", \"geometries\": ["
                             "  {\"type\": \"Polygon\", \"arcs\": [[0, -2]], \"properties\": {\"a3\": \"SQR\", \"name\": \"Square\"}},"
                             "  {\"type\": null, \"properties\": {\"a3\": \"NUL\"}}]}},"
                             " \"arcs\": [[[0, 0], [2, 0], [0, 4]], [[0, 0], [0, 4], [2, 0]]]}";

static void
test_decode (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KamMapShapes) shapes = kam_map_shapes_new_from_data (square, strlen (square), &error);
  const KamMapCountry *country;
  const KamMapRing *ring;
  const double *xy;
  /* arc 0: (100,10) (101,10) (101,11); arc 1 backwards: (101,11) (100,11) (100,10) */
  static const double expected[] = { 100, 10, 101, 10, 101, 11, 100, 11, 100, 10 };

  g_assert_no_error (error);
  g_assert_cmpuint (kam_map_shapes_get_n_countries (shapes), ==, 1); /* (a null shape is no country) */
  country = kam_map_shapes_find (shapes, "SQR");
  g_assert_nonnull (country);
  g_assert_cmpstr (country->name, ==, "Square");
  g_assert_cmpuint (country->n_rings, ==, 1);
  ring = kam_map_shapes_get_ring (shapes, country->first_ring);
  g_assert_cmpuint (ring->n_points, ==, 5);
  xy = kam_map_shapes_get_points (shapes) + 2 * ring->first_point;
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpfloat_with_epsilon (xy[i], expected[i], 1e-12);
  g_assert_cmpfloat (country->bbox[0], ==, 100);
  g_assert_cmpfloat (country->bbox[1], ==, 10);
  g_assert_cmpfloat (country->bbox[2], ==, 101);
  g_assert_cmpfloat (country->bbox[3], ==, 11);
  g_assert_null (kam_map_shapes_find (shapes, "NUL"));
}

static void
assert_bbox (KamMapShapes *world, const char *code, double west, double south, double east, double north)
{
  const KamMapCountry *country = kam_map_shapes_find (world, code);

  g_assert_nonnull (country);
  /* Natural Earth's extents, to a fifth of a degree (the 1:50m lines are simplified) */
  g_assert_cmpfloat (fabs (country->bbox[0] - west), <, 0.2);
  g_assert_cmpfloat (fabs (country->bbox[1] - south), <, 0.2);
  g_assert_cmpfloat (fabs (country->bbox[2] - east), <, 0.2);
  g_assert_cmpfloat (fabs (country->bbox[3] - north), <, 0.2);
}

/* The bundled world: the destinations of the datasets, the small ones too,
 * each where it is. */
static void
test_world (void)
{
  g_autoptr (GError) error = NULL;
  KamMapShapes *world = kam_map_shapes_get_world (&error);
  static const char *const places[] = { "KHM", "THA", "KOR", "JPN", "MYS", "SGP", "HKG", "SAU", "QAT", "BHR",
                                        "ARE", "KWT", "TWN", "ISR", "USA" };
  const KamMapCountry *thailand;

  g_assert_no_error (error);
  g_assert_nonnull (world);
  g_assert_true (kam_map_shapes_get_world (NULL) == world); /* read once */
  g_assert_cmpuint (kam_map_shapes_get_n_countries (world), >, 200);
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    g_assert_nonnull (kam_map_shapes_find (world, places[i]));
  assert_bbox (world, "THA", 97.34, 5.61, 105.64, 20.42);
  assert_bbox (world, "KHM", 102.35, 10.41, 107.63, 14.70);
  assert_bbox (world, "SGP", 103.64, 1.26, 104.00, 1.45);
  /* every ring closed, and within the country's box */
  thailand = kam_map_shapes_find (world, "THA");
  for (guint r = 0; r < thailand->n_rings; r++)
    {
      const KamMapRing *ring = kam_map_shapes_get_ring (world, thailand->first_ring + r);
      const double *xy = kam_map_shapes_get_points (world) + 2 * ring->first_point;

      g_assert_cmpuint (ring->n_points, >=, 4);
      g_assert_cmpfloat (xy[0], ==, xy[2 * (ring->n_points - 1)]);
      g_assert_cmpfloat (xy[1], ==, xy[2 * (ring->n_points - 1) + 1]);
    }
}

/* The 180th meridian: a country's rings continuous (no segment across the
 * world) and its pieces on both sides kept together (Fiji some degrees
 * wide); Antarctica, around the pole, as it is. */
static void
test_antimeridian (void)
{
  KamMapShapes *world = kam_map_shapes_get_world (NULL);
  const char *const codes[] = { "FJI", "RUS", "KIR", "NZL" };
  const KamMapCountry *fiji = kam_map_shapes_find (world, "FJI");
  const KamMapCountry *antarctica = kam_map_shapes_find (world, "ATA");

  g_assert_nonnull (fiji);
  g_assert_cmpfloat (fiji->bbox[2] - fiji->bbox[0], <, 10);
  g_assert_cmpfloat (fiji->bbox[2], >, 180);
  for (guint c = 0; c < G_N_ELEMENTS (codes); c++)
    {
      const KamMapCountry *country = kam_map_shapes_find (world, codes[c]);

      for (guint r = 0; country != NULL && r < country->n_rings; r++)
        {
          const KamMapRing *ring = kam_map_shapes_get_ring (world, country->first_ring + r);
          const double *xy = kam_map_shapes_get_points (world) + 2 * ring->first_point;

          for (guint k = 1; k < ring->n_points; k++)
            g_assert_cmpfloat (fabs (xy[2 * k] - xy[2 * (k - 1)]), <=, 180);
        }
    }
  g_assert_nonnull (antarctica);
  g_assert_cmpfloat (antarctica->bbox[0], ==, -180);
  g_assert_cmpfloat (antarctica->bbox[2] - antarctica->bbox[0], >, 355);
  /* the United States kept together by moving the Aleutians west of
   * 180°W (fewer points than moving the mainland east) */
  g_assert_cmpfloat (kam_map_shapes_find (world, "USA")->bbox[2], <, -60);
  g_assert_cmpfloat (kam_map_shapes_find (world, "USA")->bbox[2] - kam_map_shapes_find (world, "USA")->bbox[0], <, 180);
}

/* The TopoJSON the bundled world is packed from (data/world-atlas/). */
static GBytes *
read_world_json (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "world-atlas", "50m.json", NULL);
  g_autoptr (GError) error = NULL;
  char *text = NULL;
  gsize length = 0;

  g_file_get_contents (path, &text, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (text, length);
}

/* Every point of a country's rings, as a set of "lon,lat". */
static GHashTable *
points_of (KamMapShapes *shapes, const char *code)
{
  const KamMapCountry *country = kam_map_shapes_find (shapes, code);
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint r = 0; r < country->n_rings; r++)
    {
      const KamMapRing *ring = kam_map_shapes_get_ring (shapes, country->first_ring + r);
      const double *xy = kam_map_shapes_get_points (shapes) + 2 * ring->first_point;

      for (guint k = 0; k < ring->n_points; k++)
        g_hash_table_add (set, g_strdup_printf ("%.6f,%.6f", xy[2 * k], xy[2 * k + 1]));
    }
  return set;
}

/* The bundled world is the TopoJSON simplified and packed at build time:
 * the same countries, fewer points, borders still shared point for point
 * (Thailand and Cambodia: no gap between them), every point within the
 * tolerance of the original's; packing and reading back changes nothing. */
static void
test_packed (void)
{
  g_autoptr (GBytes) json = read_world_json ();
  g_autoptr (GError) error = NULL;
  g_autoptr (KamMapShapes) full = kam_map_shapes_new_from_data (g_bytes_get_data (json, NULL),
                                                                g_bytes_get_size (json), &error);
  g_autoptr (KamMapShapes) simple = kam_map_shapes_new_simplified (g_bytes_get_data (json, NULL),
                                                                   g_bytes_get_size (json), 0.02, &error);
  g_autoptr (GBytes) packed = NULL;
  g_autoptr (KamMapShapes) back = NULL;
  KamMapShapes *world = kam_map_shapes_get_world (&error);
  g_autoptr (GHashTable) full_tha = NULL, full_khm = NULL, simple_tha = NULL, simple_khm = NULL;
  guint n_full = 0, n_simple = 0, shared = 0;
  GHashTableIter iter;
  gpointer key;

  g_assert_no_error (error);
  g_assert_cmpuint (kam_map_shapes_get_n_countries (world), ==, kam_map_shapes_get_n_countries (full));
  for (guint i = 0; i < kam_map_shapes_get_n_countries (full); i++)
    {
      const KamMapCountry *a = kam_map_shapes_get_country (full, i), *b = kam_map_shapes_get_country (world, i);

      g_assert_cmpstr (a->code, ==, b->code);
      g_assert_cmpstr (a->name, ==, b->name);
      g_assert_cmpuint (a->n_rings, ==, b->n_rings);
      /* (a country on both sides of 180°, Kiribati, may be kept together
       * on the other side: the same places, 360° on) */
      {
        double shift = fabs (a->bbox[0] - b->bbox[0]) > 180 ? b->bbox[0] - a->bbox[0] : 0;

        g_assert_cmpfloat (fabs (fabs (shift) - (fabs (shift) > 0 ? 360 : 0)), <, 1e-6);
        g_assert_cmpfloat (fabs (a->bbox[0] + shift - b->bbox[0]), <=, 0.02 + 1e-6);
        g_assert_cmpfloat (fabs (a->bbox[2] + shift - b->bbox[2]), <=, 0.02 + 1e-6);
        g_assert_cmpfloat (fabs (a->bbox[1] - b->bbox[1]), <=, 0.02 + 1e-6);
        g_assert_cmpfloat (fabs (a->bbox[3] - b->bbox[3]), <=, 0.02 + 1e-6);
      }
      for (guint r = 0; r < a->n_rings; r++)
        {
          n_full += kam_map_shapes_get_ring (full, a->first_ring + r)->n_points;
          n_simple += kam_map_shapes_get_ring (world, b->first_ring + r)->n_points;
        }
    }
  g_assert_cmpuint (n_simple, <, n_full * 9 / 10);
  /* the build's packing is this one's */
  packed = kam_map_shapes_pack (simple);
  back = kam_map_shapes_new_from_packed (g_bytes_get_data (packed, NULL), g_bytes_get_size (packed), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < kam_map_shapes_get_n_countries (simple); i++)
    {
      const KamMapCountry *a = kam_map_shapes_get_country (simple, i), *b = kam_map_shapes_get_country (back, i);

      g_assert_cmpstr (a->code, ==, b->code);
      g_assert_cmpuint (a->first_ring, ==, b->first_ring);
      g_assert_cmpuint (a->n_rings, ==, b->n_rings);
    }
  for (guint r = 0; r < kam_map_shapes_get_country (simple, 0)->n_rings; r++)
    {
      const KamMapRing *a = kam_map_shapes_get_ring (simple, r), *b = kam_map_shapes_get_ring (back, r);

      g_assert_cmpuint (a->n_points, ==, b->n_points);
      for (guint k = 0; k < 2 * a->n_points; k++)
        g_assert_cmpfloat (fabs (kam_map_shapes_get_points (simple)[2 * a->first_point + k]
                                 - kam_map_shapes_get_points (back)[2 * b->first_point + k]),
                           <=, 0.5e-6 + 1e-12);
    }
  /* a shared border stays shared: each point of Cambodia's that was also
   * Thailand's and is kept is kept in Thailand's too */
  full_tha = points_of (full, "THA");
  full_khm = points_of (full, "KHM");
  simple_tha = points_of (simple, "THA");
  simple_khm = points_of (simple, "KHM");
  g_hash_table_iter_init (&iter, simple_khm);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_hash_table_contains (full_tha, key))
      {
        g_assert_true (g_hash_table_contains (simple_tha, key));
        shared++;
      }
  g_assert_cmpuint (shared, >, 10);
  g_assert_cmpuint (g_hash_table_size (simple_khm), <, g_hash_table_size (full_khm));
}

static void
assert_packed_refused (const guint8 *data, gsize length, const char *says)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KamMapShapes) shapes = kam_map_shapes_new_from_packed (data, length, &error);

  g_assert_null (shapes);
  g_assert_error (error, KAM_ERROR, KAM_ERROR_INVALID);
  if (strstr (error->message, says) == NULL)
    g_error ("“%s” does not say “%s”", error->message, says);
}

static void
put (guint8 *at, guint32 word)
{
  word = GUINT32_TO_LE (word);
  memcpy (at, &word, 4);
}

/* A damaged packed world: refused, saying what is wrong. */
static void
test_packed_damaged (void)
{
  g_autoptr (KamMapShapes) shapes = kam_map_shapes_new_from_data (square, strlen (square), NULL);
  g_autoptr (GBytes) packed = kam_map_shapes_pack (shapes);
  gsize length = g_bytes_get_size (packed);
  g_autofree guint8 *copy = g_memdup2 (g_bytes_get_data (packed, NULL), length);
  /* one country (16 bytes), one ring (12), five points (40), "SQR\0Square\0" */
  guint8 *country = copy + 24, *ring = country + 16, *point = ring + 12;

  g_assert_cmpuint (length, ==, 24 + 16 + 12 + 40 + 11);
  assert_packed_refused (copy, 7, "not a packed map");
  assert_packed_refused ((const guint8 *) "KAMMAP2\n0000000000000000", 24, "not a packed map");
  assert_packed_refused (copy, length - 1, "length");
  put (ring + 4, 6);
  assert_packed_refused (copy, length, "ring’s points");
  put (ring + 4, 5);
  put (country + 12, 2);
  assert_packed_refused (copy, length, "country’s rings");
  put (country + 12, 1);
  put (country, 11);
  assert_packed_refused (copy, length, "code or name");
  put (country, 0);
  copy[length - 1] = 'x'; /* the name not ended */
  assert_packed_refused (copy, length, "code or name");
  copy[length - 1] = 0;
  put (point + 4, (guint32) (gint32) 91000000); /* latitude 91 */
  assert_packed_refused (copy, length, "longitude and latitude");
  put (point + 4, (guint32) (gint32) 10000000);
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (KamMapShapes) again = kam_map_shapes_new_from_packed (copy, length, &error);

    g_assert_no_error (error);
    g_assert_cmpfloat (kam_map_shapes_find (again, "SQR")->bbox[2], ==, 101);
  }
}

static void
assert_refused (const char *data, gsize length, const char *says)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KamMapShapes) shapes = kam_map_shapes_new_from_data (data, length, &error);

  g_assert_null (shapes);
  g_assert_error (error, KAM_ERROR, KAM_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "The map’s boundaries cannot be read: "));
  if (strstr (error->message, says) == NULL)
    g_error ("“%s” does not say “%s”", error->message, says);
}

/* Damaged files: refused, saying what is wrong, never a crash. */
static void
test_bad_files (void)
{
  g_autoptr (GBytes) world = read_world_json ();
  gsize length = 0;
  const char *data = g_bytes_get_data (world, &length);
  g_autofree char *deep = NULL;
  g_autofree char *bad_arc = NULL;
  GString *nested = g_string_new ("{\"type\": \"Topology\", \"arcs\": ");

  assert_refused ("", 0, "");
  assert_refused ("not json", 8, "at byte 0");
  /* the bundled file cut in half */
  assert_refused (data, length / 2, "at byte");
  assert_refused ("{\"type\": \"FeatureCollection\"}", 29, "not TopoJSON");
  assert_refused ("{\"type\": \"Topology\", \"objects\": {}, \"arcs\": []}", 47, "no countries");
  bad_arc = g_strdup (square);
  memcpy (strstr (bad_arc, "[[0, -2]]"), "[[0, -9]]", 9);
  assert_refused (bad_arc, strlen (bad_arc), "SQR names arc -9, which is not in the file");
  /* nesting that would overflow json-glib's stack */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (nested, '[');
  deep = g_string_free (nested, FALSE);
  assert_refused (deep, strlen (deep), "at byte");
  assert_refused ("{\"type\": \"Topology\", \"transform\": {\"scale\": 1}, \"objects\": {\"countries\":"
                  " {\"geometries\": []}}, \"arcs\": []}",
                  strlen ("{\"type\": \"Topology\", \"transform\": {\"scale\": 1}, \"objects\": {\"countries\":"
                          " {\"geometries\": []}}, \"arcs\": []}"),
                  "transform");
}

/* Equal Earth: the published extents (x ±2.7066, y ±1.3173627591574) and
 * its symmetries. */
static void
test_equal_earth (void)
{
  double x, y, x2, y2;

  kam_equal_earth (0, 0, &x, &y);
  g_assert_cmpfloat (fabs (x), <, 1e-15);
  g_assert_cmpfloat (fabs (y), <, 1e-15);
  kam_equal_earth (180, 0, &x, &y);
  g_assert_cmpfloat (fabs (x - 2.70663), <, 1e-5);
  kam_equal_earth (0, 90, &x, &y);
  g_assert_cmpfloat (fabs (y - 1.3173627591574), <, 1e-12);
  kam_equal_earth (104.9, 11.55, &x, &y); /* Phnom Penh */
  kam_equal_earth (-104.9, -11.55, &x2, &y2);
  g_assert_cmpfloat (x, ==, -x2);
  g_assert_cmpfloat (y, ==, -y2);
  g_assert_cmpfloat (x, >, 0);
  g_assert_cmpfloat (y, >, 0);
  /* meridians bend in: at 60° north, 180° east is nearer the middle */
  kam_equal_earth (180, 60, &x2, &y2);
  kam_equal_earth (180, 0, &x, &y);
  g_assert_cmpfloat (x2, <, x);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kamlang/map-shapes/decode", test_decode);
  g_test_add_func ("/kamlang/map-shapes/world", test_world);
  g_test_add_func ("/kamlang/map-shapes/antimeridian", test_antimeridian);
  g_test_add_func ("/kamlang/map-shapes/bad-files", test_bad_files);
  g_test_add_func ("/kamlang/map-shapes/packed", test_packed);
  g_test_add_func ("/kamlang/map-shapes/packed-damaged", test_packed_damaged);
  g_test_add_func ("/kamlang/map-shapes/equal-earth", test_equal_earth);
  return g_test_run ();
}
