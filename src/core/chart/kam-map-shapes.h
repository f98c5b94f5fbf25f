/* kam-map-shapes.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The countries' boundaries for the map (issue 30): read from TopoJSON (the
 * bundled Natural Earth 1:50m world, data/world-atlas/), each country a set
 * of rings of longitude, latitude pairs in degrees; a ring across the 180th
 * meridian continuous (its longitudes may pass 180), one around a pole as
 * it is. */
typedef struct _KamMapShapes KamMapShapes;

typedef struct
{
  guint first_point; /* into kam_map_shapes_get_points () */
  guint n_points;    /* the last equals the first */
  guint polygon;     /* which of its country's polygons (0 …): its first ring is the outside */
} KamMapRing;

typedef struct
{
  const char *code; /* ISO 3166-1 alpha-3, as the datasets write it */
  const char *name;
  guint first_ring, n_rings;
  /* west, south, east, north, in degrees: a ring across the 180th
   * meridian is continuous (Fiji: 177 … 182), so east may pass 180 */
  double bbox[4];
} KamMapCountry;

KamMapShapes *kam_map_shapes_new_from_data (const char *data, gsize length, GError **error);
KamMapShapes *kam_map_shapes_new_simplified (const char *data, gsize length, double tolerance, GError **error);
/* Packed (at build time, kam-map-pack): read without parsing any JSON. */
GBytes *kam_map_shapes_pack (KamMapShapes *self);
KamMapShapes *kam_map_shapes_new_from_packed (gconstpointer data, gsize length, GError **error);
/* The bundled world, read once (the same for every caller; not to be freed). */
KamMapShapes *kam_map_shapes_get_world (GError **error);
void kam_map_shapes_free (KamMapShapes *self);

guint kam_map_shapes_get_n_countries (KamMapShapes *self);
const KamMapCountry *kam_map_shapes_get_country (KamMapShapes *self, guint index);
const KamMapCountry *kam_map_shapes_find (KamMapShapes *self, const char *code);
const KamMapRing *kam_map_shapes_get_ring (KamMapShapes *self, guint index);
/* longitude, latitude pairs: a ring's are [2 * first_point, 2 * (first_point + n_points)) */
const double *kam_map_shapes_get_points (KamMapShapes *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KamMapShapes, kam_map_shapes_free)

/* The Equal Earth projection (Šavrič, Patterson and Jenny 2018, as d3-geo
 * publishes it): longitude and latitude in degrees to x (east) and y (north)
 * on a sphere of radius 1; x within ±2.7066, y within ±1.3174. */
void kam_equal_earth (double lon, double lat, double *x, double *y);

G_END_DECLS
