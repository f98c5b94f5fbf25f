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
  g_autoptr (GBytes) world = g_resources_lookup_data ("/io/github/kamlang/Kamlang/world-atlas/50m.json", 0, NULL);
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
  g_test_add_func ("/kamlang/map-shapes/equal-earth", test_equal_earth);
  return g_test_run ();
}
