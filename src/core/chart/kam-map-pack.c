/* kam-map-pack.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Run at build time: reads the Natural Earth TopoJSON (data/world-atlas/),
 * simplifies its borders below what any drawing can show, and writes them
 * packed (kam_map_shapes_pack), so that the first map reads them without
 * parsing 700 KB of JSON.
 *
 *   kam-map-pack IN.json OUT.kmap [TOLERANCE in degrees, default 0.01; the build uses 0.02, a quarter of a pixel of a map of Asia 1920 pixels wide]
 */

#include <stdio.h>
#include <stdlib.h>
#include "kam-map-shapes.h"

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  g_autoptr (KamMapShapes) shapes = NULL;
  g_autoptr (GBytes) packed = NULL;
  double tolerance = argc > 3 ? g_ascii_strtod (argv[3], NULL) : 0.01;
  gsize length = 0;

  if (argc < 3)
    {
      fprintf (stderr, "usage: %s IN.json OUT.kmap [TOLERANCE]\n", argv[0]);
      return 2;
    }
  if (!g_file_get_contents (argv[1], &data, &length, &error)
      || (shapes = kam_map_shapes_new_simplified (data, length, tolerance, &error)) == NULL)
    {
      fprintf (stderr, "%s: %s: %s\n", argv[0], argv[1], error->message);
      return 1;
    }
  packed = kam_map_shapes_pack (shapes);
  if (!g_file_set_contents (argv[2], g_bytes_get_data (packed, NULL), (gssize) g_bytes_get_size (packed), &error))
    {
      fprintf (stderr, "%s: %s\n", argv[0], error->message);
      return 1;
    }
  return 0;
}
