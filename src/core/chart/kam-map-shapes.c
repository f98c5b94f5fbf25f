/* kam-map-shapes.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* TopoJSON's countries as rings of points (kam-map-shapes.h). A TopoJSON
 * file keeps each border once, as an arc of quantized, delta-encoded
 * positions; a country's ring is a list of arcs (~i: arc i backwards). */

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>
#include "kam-json-strict.h"
#include "kam-map-shapes.h"
#include "kam-types.h"

/* the bundled world, packed at build time (kam-map-pack) from data/world-atlas/50m.json */
#define KAM_WORLD_RESOURCE "/io/github/kamlang/Kamlang/world-atlas/world.kmap"

struct _KamMapShapes
{
  GArray *points;    /* double: longitude, latitude pairs */
  GArray *rings;     /* KamMapRing */
  GArray *countries; /* KamMapCountry (its strings in strings) */
  GStringChunk *strings;
  GHashTable *by_code; /* code -> index + 1 */
};

void
kam_map_shapes_free (KamMapShapes *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->points);
  g_array_unref (self->rings);
  g_array_unref (self->countries);
  g_string_chunk_free (self->strings);
  g_hash_table_unref (self->by_code);
  g_free (self);
}

/* The arcs, decoded: arc i's points are points[2 * first[i] …], n[i] of them. */
typedef struct
{
  GArray *points; /* double pairs */
  GArray *first, *n; /* guint */
} Arcs;

static gboolean
fail (GError **error, const char *why)
{
  /* Translators: %s says what is wrong with the map's boundaries file */
  g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("The map’s boundaries cannot be read: %s"), why);
  return FALSE;
}

static gboolean
number_pair (JsonNode *node, double *a, double *b)
{
  JsonArray *pair;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  pair = json_node_get_array (node);
  if (json_array_get_length (pair) < 2 || !JSON_NODE_HOLDS_VALUE (json_array_get_element (pair, 0))
      || !JSON_NODE_HOLDS_VALUE (json_array_get_element (pair, 1)))
    return FALSE;
  *a = json_array_get_double_element (pair, 0);
  *b = json_array_get_double_element (pair, 1);
  return isfinite (*a) && isfinite (*b);
}

/* Douglas–Peucker on one arc (its ends kept): drops each point within
 * `tolerance` degrees of the line its kept neighbours make. Arcs are the
 * borders two countries share, so both keep the same points: no gaps. */
static guint
simplify (double *xy, guint n, double tolerance)
{
  g_autofree gboolean *keep = NULL;
  g_autoptr (GArray) todo = NULL;
  guint out = 0;

  if (n <= 2 || tolerance <= 0)
    return n;
  keep = g_new0 (gboolean, n);
  todo = g_array_new (FALSE, FALSE, sizeof (guint));
  keep[0] = keep[n - 1] = TRUE;
  {
    guint span[2] = { 0, n - 1 };

    g_array_append_vals (todo, span, 2);
  }
  while (todo->len > 0)
    {
      guint a = g_array_index (todo, guint, todo->len - 2), b = g_array_index (todo, guint, todo->len - 1);
      double ax = xy[2 * a], ay = xy[2 * a + 1], dx = xy[2 * b] - ax, dy = xy[2 * b + 1] - ay;
      double len2 = dx * dx + dy * dy, far = -1;
      guint at = 0;

      g_array_set_size (todo, todo->len - 2);
      for (guint i = a + 1; i < b; i++)
        {
          double px = xy[2 * i] - ax, py = xy[2 * i + 1] - ay;
          /* the distance to the segment (to a point when its ends meet: a closed arc) */
          double t = len2 > 0 ? CLAMP ((px * dx + py * dy) / len2, 0, 1) : 0;
          double ex = px - t * dx, ey = py - t * dy, d = ex * ex + ey * ey;

          if (d > far)
            {
              far = d;
              at = i;
            }
        }
      if (far > tolerance * tolerance)
        {
          guint spans[4] = { a, at, at, b };

          keep[at] = TRUE;
          g_array_append_vals (todo, spans, 4);
        }
    }
  for (guint i = 0; i < n; i++)
    if (keep[i])
      {
        xy[2 * out] = xy[2 * i];
        xy[2 * out + 1] = xy[2 * i + 1];
        out++;
      }
  return out;
}

static gboolean
decode_arcs (JsonObject *root, Arcs *arcs, double tolerance, GError **error)
{
  JsonNode *transform = json_object_get_member (root, "transform");
  JsonNode *list = json_object_get_member (root, "arcs");
  double sx = 1, sy = 1, tx = 0, ty = 0;
  gboolean quantized = transform != NULL && !JSON_NODE_HOLDS_NULL (transform);
  JsonArray *all;

  if (quantized
      && (!JSON_NODE_HOLDS_OBJECT (transform)
          || !number_pair (json_object_get_member (json_node_get_object (transform), "scale"), &sx, &sy)
          || !number_pair (json_object_get_member (json_node_get_object (transform), "translate"), &tx, &ty)))
    return fail (error, _("its transform is not a scale and a translation"));
  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    return fail (error, _("it has no arcs"));
  all = json_node_get_array (list);
  for (guint i = 0; i < json_array_get_length (all); i++)
    {
      JsonNode *arc_node = json_array_get_element (all, i);
      JsonArray *arc;
      double x = 0, y = 0;
      guint first = arcs->points->len / 2, n;

      if (!JSON_NODE_HOLDS_ARRAY (arc_node))
        return fail (error, _("an arc is not a list of positions"));
      arc = json_node_get_array (arc_node);
      n = json_array_get_length (arc);
      for (guint k = 0; k < n; k++)
        {
          double dx, dy, lon, lat;

          if (!number_pair (json_array_get_element (arc, k), &dx, &dy))
            return fail (error, _("an arc’s position is not two numbers"));
          /* quantized: each position the one before plus a delta */
          x = quantized ? x + dx : dx;
          y = quantized ? y + dy : dy;
          lon = quantized ? x * sx + tx : x;
          lat = quantized ? y * sy + ty : y;
          if (lon < -180.000001 || lon > 180.000001 || lat < -90.000001 || lat > 90.000001)
            return fail (error, _("a position is not a longitude and latitude"));
          g_array_append_val (arcs->points, lon);
          g_array_append_val (arcs->points, lat);
        }
      n = simplify (&g_array_index (arcs->points, double, 2 * first), n, tolerance);
      g_array_set_size (arcs->points, 2 * (first + n));
      g_array_append_val (arcs->first, first);
      g_array_append_val (arcs->n, n);
    }
  return TRUE;
}

/* A ring across the 180th meridian (Fiji, Chukotka) made continuous: each
 * longitude within 180° of the one before (177 … 182, not 177 … -178 with a
 * line across the world), so that it can be drawn, framed and clipped as one
 * piece. A ring around a pole (Antarctica) stays as it is: it does not come
 * back to where it started. */
static void
unwrap (double *xy, guint n)
{
  g_autofree double *lon = g_new (double, MAX (n, 1));
  gboolean jumps = FALSE;

  for (guint i = 0; i < n; i++)
    {
      lon[i] = xy[2 * i];
      if (i > 0)
        {
          while (lon[i] - lon[i - 1] > 180)
            lon[i] -= 360;
          while (lon[i] - lon[i - 1] < -180)
            lon[i] += 360;
          jumps |= lon[i] != xy[2 * i];
        }
    }
  if (!jumps || n < 2 || fabs (lon[n - 1] - lon[0]) > 1e-9)
    return;
  for (guint i = 0; i < n; i++)
    xy[2 * i] = lon[i];
}

/* A ring: its arcs joined (each after the first without its first point,
 * the last point of the one before). */
static gboolean
add_ring (KamMapShapes *self, const Arcs *arcs, JsonArray *ring, guint polygon, const char *code, GError **error)
{
  KamMapRing out = { self->points->len / 2, 0, polygon };

  for (guint i = 0; i < json_array_get_length (ring); i++)
    {
      JsonNode *node = json_array_get_element (ring, i);
      gint64 index;
      guint arc, n;
      const double *xy;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
        return fail (error, _("a ring names its arcs by something else than their numbers"));
      index = json_node_get_int (node);
      arc = (guint) (index < 0 ? ~index : index);
      if (arc >= arcs->first->len || index < -(gint64) G_MAXUINT || index > G_MAXUINT)
        {
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, index);
          /* Translators: a country's code, and the number of an arc of its border */
          g_autofree char *why = g_strdup_printf (_("%s names arc %s, which is not in the file"), code ? code : "?",
                                                  number);
          return fail (error, why);
        }
      n = g_array_index (arcs->n, guint, arc);
      xy = &g_array_index (arcs->points, double, 2 * g_array_index (arcs->first, guint, arc));
      for (guint k = i > 0 ? 1 : 0; k < n; k++)
        {
          guint at = index < 0 ? n - 1 - k : k;

          g_array_append_vals (self->points, &xy[2 * at], 2);
          out.n_points++;
        }
    }
  if (out.n_points > 0)
    {
      unwrap (&g_array_index (self->points, double, 2 * out.first_point), out.n_points);
      g_array_append_val (self->rings, out);
    }
  return TRUE;
}

static void
ring_extent (KamMapShapes *self, guint r, double *west, double *east)
{
  const KamMapRing *ring = &g_array_index (self->rings, KamMapRing, r);
  const double *xy = &g_array_index (self->points, double, 2 * ring->first_point);

  *west = G_MAXDOUBLE;
  *east = -G_MAXDOUBLE;
  for (guint k = 0; k < ring->n_points; k++)
    {
      *west = MIN (*west, xy[2 * k]);
      *east = MAX (*east, xy[2 * k]);
    }
}

/* A country in pieces on both sides of the 180th meridian (Fiji, Russia's
 * Chukotka, the Aleutians, Kiribati) kept together: the pieces of one side
 * moved by 360° to the other, the side whose move leaves the country less
 * than half the world wide and moves fewer points. */
static void
keep_together (KamMapShapes *self, guint first, guint n)
{
  double west = G_MAXDOUBLE, east = -G_MAXDOUBLE;
  double span[2] = { 0, 0 };
  guint moved[2] = { 0, 0 }, side;

  for (guint r = first; r < first + n; r++)
    {
      double w, e;

      ring_extent (self, r, &w, &e);
      west = MIN (west, w);
      east = MAX (east, e);
    }
  if (east - west <= 180)
    return;
  /* side 0: the western pieces (all below 0°) east by 360; side 1: the
   * eastern ones (all above 0°) west by 360 */
  for (guint s = 0; s < 2; s++)
    {
      double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;

      for (guint r = first; r < first + n; r++)
        {
          double w, e;

          ring_extent (self, r, &w, &e);
          if (s == 0 && e < 0)
            {
              w += 360;
              e += 360;
              moved[s] += g_array_index (self->rings, KamMapRing, r).n_points;
            }
          else if (s == 1 && w > 0)
            {
              w -= 360;
              e -= 360;
              moved[s] += g_array_index (self->rings, KamMapRing, r).n_points;
            }
          lo = MIN (lo, w);
          hi = MAX (hi, e);
        }
      span[s] = hi - lo;
    }
  if (span[0] > 180 && span[1] > 180)
    return; /* (around the world: Antarctica) */
  side = span[1] > 180 || (span[0] <= 180 && moved[0] <= moved[1]) ? 0 : 1;
  for (guint r = first; r < first + n; r++)
    {
      const KamMapRing *ring = &g_array_index (self->rings, KamMapRing, r);
      double *xy = &g_array_index (self->points, double, 2 * ring->first_point);
      double w, e;

      ring_extent (self, r, &w, &e);
      if ((side == 0 && e < 0) || (side == 1 && w > 0))
        for (guint k = 0; k < ring->n_points; k++)
          xy[2 * k] += side == 0 ? 360 : -360;
    }
}

static gboolean
add_polygon (KamMapShapes *self, const Arcs *arcs, JsonNode *rings, guint polygon, const char *code, GError **error)
{
  JsonArray *list;

  if (!JSON_NODE_HOLDS_ARRAY (rings))
    return fail (error, _("a polygon is not a list of rings"));
  list = json_node_get_array (rings);
  for (guint r = 0; r < json_array_get_length (list); r++)
    {
      JsonNode *ring = json_array_get_element (list, r);

      if (!JSON_NODE_HOLDS_ARRAY (ring))
        return fail (error, _("a ring is not a list of arcs"));
      if (!add_ring (self, arcs, json_node_get_array (ring), polygon, code, error))
        return FALSE;
    }
  return TRUE;
}

static KamMapShapes *
shapes_new (void)
{
  KamMapShapes *self = g_new0 (KamMapShapes, 1);

  self->points = g_array_new (FALSE, FALSE, sizeof (double));
  self->rings = g_array_new (FALSE, FALSE, sizeof (KamMapRing));
  self->countries = g_array_new (FALSE, FALSE, sizeof (KamMapCountry));
  self->strings = g_string_chunk_new (4096);
  self->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  return self;
}

/* A country's box, from its rings' points. */
static void
country_bbox (KamMapShapes *self, KamMapCountry *country)
{
  country->bbox[0] = country->bbox[1] = G_MAXDOUBLE;
  country->bbox[2] = country->bbox[3] = -G_MAXDOUBLE;
  for (guint r = country->first_ring; r < country->first_ring + country->n_rings; r++)
    {
      const KamMapRing *ring = &g_array_index (self->rings, KamMapRing, r);

      for (guint k = 0; k < ring->n_points; k++)
        {
          const double *xy = &g_array_index (self->points, double, 2 * (ring->first_point + k));

          country->bbox[0] = MIN (country->bbox[0], xy[0]);
          country->bbox[1] = MIN (country->bbox[1], xy[1]);
          country->bbox[2] = MAX (country->bbox[2], xy[0]);
          country->bbox[3] = MAX (country->bbox[3], xy[1]);
        }
    }
}

static gboolean
add_country (KamMapShapes *self, const Arcs *arcs, JsonNode *geometry, GError **error)
{
  JsonObject *g, *properties;
  const char *type, *code, *name;
  JsonNode *shape;
  KamMapCountry country = { NULL };

  if (!JSON_NODE_HOLDS_OBJECT (geometry))
    return fail (error, _("a country is not an object"));
  g = json_node_get_object (geometry);
  type = json_object_get_string_member_with_default (g, "type", NULL);
  properties = json_object_has_member (g, "properties") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (g, "properties"))
                 ? json_object_get_object_member (g, "properties")
                 : NULL;
  code = properties ? json_object_get_string_member_with_default (properties, "a3", NULL) : NULL;
  name = properties ? json_object_get_string_member_with_default (properties, "name", NULL) : NULL;
  if (type == NULL || code == NULL)
    return TRUE; /* (a shape without a country's code: none of the datasets' places) */
  shape = json_object_get_member (g, "arcs");
  if (shape == NULL || !JSON_NODE_HOLDS_ARRAY (shape))
    return fail (error, _("a country has no arcs"));
  country.first_ring = self->rings->len;
  if (g_str_equal (type, "Polygon"))
    {
      if (!add_polygon (self, arcs, shape, 0, code, error))
        return FALSE;
    }
  else if (g_str_equal (type, "MultiPolygon"))
    {
      JsonArray *polygons = json_node_get_array (shape);

      for (guint p = 0; p < json_array_get_length (polygons); p++)
        if (!add_polygon (self, arcs, json_array_get_element (polygons, p), p, code, error))
          return FALSE;
    }
  else
    return fail (error, _("a country is neither a polygon nor several"));
  country.n_rings = self->rings->len - country.first_ring;
  keep_together (self, country.first_ring, country.n_rings);
  country.code = g_string_chunk_insert_const (self->strings, code);
  country.name = g_string_chunk_insert_const (self->strings, name ? name : code);
  country_bbox (self, &country);
  if (country.n_rings == 0)
    return TRUE;
  g_array_append_val (self->countries, country);
  /* (a code twice: the first shape keeps it) */
  if (!g_hash_table_contains (self->by_code, country.code))
    g_hash_table_insert (self->by_code, (gpointer) country.code, GUINT_TO_POINTER (self->countries->len));
  return TRUE;
}

/**
 * kam_map_shapes_new_from_data:
 *
 * Reads TopoJSON with an object "countries" whose geometries carry
 * properties.a3 (a country's code) and properties.name.
 *
 * Returns: (transfer full) (nullable): the countries, or NULL with an error
 *   that says what is wrong
 */
KamMapShapes *
kam_map_shapes_new_from_data (const char *data, gsize length, GError **error)
{
  return kam_map_shapes_new_simplified (data, length, 0, error);
}

/**
 * kam_map_shapes_new_simplified:
 * @tolerance: in degrees: each border loses the points within it of the
 *   line its kept neighbours make (0: none lost)
 *
 * As kam_map_shapes_new_from_data(), the borders simplified.
 */
KamMapShapes *
kam_map_shapes_new_simplified (const char *data, gsize length, double tolerance, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *message = NULL;
  g_autoptr (KamMapShapes) self = NULL;
  Arcs arcs = { g_array_new (FALSE, FALSE, sizeof (double)), g_array_new (FALSE, FALSE, sizeof (guint)),
                g_array_new (FALSE, FALSE, sizeof (guint)) };
  JsonObject *root, *objects;
  JsonNode *countries, *geometries;
  gsize offset = 0;
  gboolean ok = FALSE;

  /* (json-glib 1.6 overflows its stack on deep nesting: checked first; a
   * TopoJSON world nests 8 deep) */
  if (!g_utf8_validate (data, (gssize) length, NULL))
    {
      fail (error, _("it is not UTF-8 text"));
      goto out;
    }
  if (kam_json_check_strict (data, length, 16, &offset, &message, NULL) != KAM_JSON_OK)
    {
      g_autofree char *at = g_strdup_printf ("%" G_GSIZE_FORMAT, offset);
      /* Translators: where in the file (a number of bytes), and what is there */
      g_autofree char *why = g_strdup_printf (_("at byte %s: %s"), at, message);

      fail (error, why);
      goto out;
    }
  if (!json_parser_load_from_data (parser, data, (gssize) length, NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      fail (error, _("it is not a JSON object"));
      goto out;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  if (g_strcmp0 (json_object_get_string_member_with_default (root, "type", NULL), "Topology") != 0)
    {
      fail (error, _("it is not TopoJSON (its type is not “Topology”)"));
      goto out;
    }
  objects = json_object_has_member (root, "objects") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "objects"))
              ? json_object_get_object_member (root, "objects")
              : NULL;
  countries = objects ? json_object_get_member (objects, "countries") : NULL;
  geometries = countries && JSON_NODE_HOLDS_OBJECT (countries)
                 ? json_object_get_member (json_node_get_object (countries), "geometries")
                 : NULL;
  if (geometries == NULL || !JSON_NODE_HOLDS_ARRAY (geometries))
    {
      fail (error, _("it has no countries"));
      goto out;
    }
  if (!decode_arcs (root, &arcs, tolerance, error))
    goto out;
  self = shapes_new ();
  for (guint i = 0; i < json_array_get_length (json_node_get_array (geometries)); i++)
    if (!add_country (self, &arcs, json_array_get_element (json_node_get_array (geometries), i), error))
      goto out;
  if (self->countries->len == 0)
    {
      fail (error, _("it has no countries"));
      goto out;
    }
  ok = TRUE;

out:
  g_array_unref (arcs.points);
  g_array_unref (arcs.first);
  g_array_unref (arcs.n);
  return ok ? g_steal_pointer (&self) : NULL;
}

/* ---- packed: what kam-map-pack writes at build time ---------------------------------
 *
 * "KAMMAP1\n", then little-endian 32-bit words: the numbers of countries,
 * rings and points and the length of the strings; per country the offsets
 * of its code and name in the strings, its first ring and number of rings;
 * per ring its first point, number of points and polygon; per point its
 * longitude and latitude in millionths of a degree (signed); then the
 * strings, each ended by a NUL. */

#define PACKED_MAGIC "KAMMAP1\n"
#define PACKED_UNIT 1e6

static void
put_word (GByteArray *out, guint32 word)
{
  guint32 le = GUINT32_TO_LE (word);

  g_byte_array_append (out, (const guint8 *) &le, 4);
}

/**
 * kam_map_shapes_pack:
 *
 * Returns: (transfer full): the countries, packed for
 *   kam_map_shapes_new_from_packed()
 */
GBytes *
kam_map_shapes_pack (KamMapShapes *self)
{
  GByteArray *out = g_byte_array_new ();
  g_autoptr (GByteArray) strings = g_byte_array_new ();

  g_byte_array_append (out, (const guint8 *) PACKED_MAGIC, 8);
  for (guint i = 0; i < self->countries->len; i++)
    {
      const KamMapCountry *c = &g_array_index (self->countries, KamMapCountry, i);

      g_byte_array_append (strings, (const guint8 *) c->code, strlen (c->code) + 1);
      g_byte_array_append (strings, (const guint8 *) c->name, strlen (c->name) + 1);
    }
  put_word (out, self->countries->len);
  put_word (out, self->rings->len);
  put_word (out, self->points->len / 2);
  put_word (out, strings->len);
  {
    guint32 at = 0;

    for (guint i = 0; i < self->countries->len; i++)
      {
        const KamMapCountry *c = &g_array_index (self->countries, KamMapCountry, i);

        put_word (out, at);
        at += strlen (c->code) + 1;
        put_word (out, at);
        at += strlen (c->name) + 1;
        put_word (out, c->first_ring);
        put_word (out, c->n_rings);
      }
  }
  for (guint i = 0; i < self->rings->len; i++)
    {
      const KamMapRing *r = &g_array_index (self->rings, KamMapRing, i);

      put_word (out, r->first_point);
      put_word (out, r->n_points);
      put_word (out, r->polygon);
    }
  for (guint i = 0; i < self->points->len; i++)
    put_word (out, (guint32) (gint32) lround (g_array_index (self->points, double, i) * PACKED_UNIT));
  g_byte_array_append (out, strings->data, strings->len);
  return g_byte_array_free_to_bytes (out);
}

static guint32
get_word (const guint8 *at)
{
  guint32 le;

  memcpy (&le, at, 4);
  return GUINT32_FROM_LE (le);
}

/* A string of the packed strings at `offset`: ended within them, UTF-8. */
static const char *
packed_string (const guint8 *strings, guint32 length, guint32 offset)
{
  const guint8 *end;

  if (offset >= length || (end = memchr (strings + offset, 0, length - offset)) == NULL
      || end == strings + offset || !g_utf8_validate ((const char *) strings + offset, -1, NULL))
    return NULL;
  return (const char *) strings + offset;
}

/**
 * kam_map_shapes_new_from_packed:
 *
 * Reads what kam_map_shapes_pack() wrote, checking every number against
 * the data's length.
 *
 * Returns: (transfer full) (nullable): the countries, or NULL with an error
 */
KamMapShapes *
kam_map_shapes_new_from_packed (gconstpointer data, gsize length, GError **error)
{
  const guint8 *bytes = data;
  g_autoptr (KamMapShapes) self = NULL;
  guint64 n_countries, n_rings, n_points, n_strings, need;
  const guint8 *at, *strings;

  if (length < 24 || memcmp (bytes, PACKED_MAGIC, 8) != 0)
    {
      fail (error, _("it is not a packed map"));
      return NULL;
    }
  n_countries = get_word (bytes + 8);
  n_rings = get_word (bytes + 12);
  n_points = get_word (bytes + 16);
  n_strings = get_word (bytes + 20);
  need = 24 + 16 * n_countries + 12 * n_rings + 8 * n_points + n_strings;
  if (need != length)
    {
      fail (error, _("its length is not what its counts say"));
      return NULL;
    }
  if (n_countries == 0)
    {
      fail (error, _("it has no countries"));
      return NULL;
    }
  self = shapes_new ();
  strings = bytes + need - n_strings;
  at = bytes + 24 + 16 * n_countries;
  g_array_set_size (self->rings, n_rings);
  for (guint i = 0; i < n_rings; i++, at += 12)
    {
      KamMapRing *r = &g_array_index (self->rings, KamMapRing, i);

      r->first_point = get_word (at);
      r->n_points = get_word (at + 4);
      r->polygon = get_word (at + 8);
      if ((guint64) r->first_point + r->n_points > n_points)
        {
          fail (error, _("a ring’s points are not in the file"));
          return NULL;
        }
    }
  g_array_set_size (self->points, 2 * n_points);
  for (guint i = 0; i < 2 * n_points; i++, at += 4)
    {
      double v = (gint32) get_word (at) / PACKED_UNIT;

      if (fabs (v) > (i % 2 == 0 ? 540 : 90.000001))
        {
          fail (error, _("a position is not a longitude and latitude"));
          return NULL;
        }
      g_array_index (self->points, double, i) = v;
    }
  at = bytes + 24;
  for (guint i = 0; i < n_countries; i++, at += 16)
    {
      KamMapCountry c = { NULL };
      const char *code = packed_string (strings, n_strings, get_word (at));
      const char *name = packed_string (strings, n_strings, get_word (at + 4));

      c.first_ring = get_word (at + 8);
      c.n_rings = get_word (at + 12);
      if (code == NULL || name == NULL)
        {
          fail (error, _("a country’s code or name is not in the file"));
          return NULL;
        }
      if (c.n_rings == 0 || (guint64) c.first_ring + c.n_rings > n_rings)
        {
          fail (error, _("a country’s rings are not in the file"));
          return NULL;
        }
      c.code = g_string_chunk_insert_const (self->strings, code);
      c.name = g_string_chunk_insert_const (self->strings, name);
      country_bbox (self, &c);
      g_array_append_val (self->countries, c);
      if (!g_hash_table_contains (self->by_code, c.code))
        g_hash_table_insert (self->by_code, (gpointer) c.code, GUINT_TO_POINTER (self->countries->len));
    }
  return g_steal_pointer (&self);
}

/**
 * kam_map_shapes_get_world:
 *
 * Returns: (transfer none) (nullable): the bundled world (Natural Earth
 *   1:50m), read the first time it is asked for
 */
KamMapShapes *
kam_map_shapes_get_world (GError **error)
{
  static KamMapShapes *world;
  static GMutex lock;
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&lock);

  if (world == NULL)
    {
      g_autoptr (GBytes) bytes = g_resources_lookup_data (KAM_WORLD_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      gsize length = 0;
      const char *data = bytes ? g_bytes_get_data (bytes, &length) : NULL;

      if (data == NULL)
        return NULL;
      world = kam_map_shapes_new_from_packed (data, length, error);
    }
  return world;
}

guint
kam_map_shapes_get_n_countries (KamMapShapes *self)
{
  return self->countries->len;
}

const KamMapCountry *
kam_map_shapes_get_country (KamMapShapes *self, guint index)
{
  g_return_val_if_fail (index < self->countries->len, NULL);
  return &g_array_index (self->countries, KamMapCountry, index);
}

const KamMapCountry *
kam_map_shapes_find (KamMapShapes *self, const char *code)
{
  guint at = code ? GPOINTER_TO_UINT (g_hash_table_lookup (self->by_code, code)) : 0;

  return at > 0 ? &g_array_index (self->countries, KamMapCountry, at - 1) : NULL;
}

const KamMapRing *
kam_map_shapes_get_ring (KamMapShapes *self, guint index)
{
  g_return_val_if_fail (index < self->rings->len, NULL);
  return &g_array_index (self->rings, KamMapRing, index);
}

const double *
kam_map_shapes_get_points (KamMapShapes *self)
{
  return (const double *) (gpointer) self->points->data;
}

/* ---- Equal Earth ---------------------------------------------------------------- */

#define EE_A1 1.340264
#define EE_A2 (-0.081106)
#define EE_A3 0.000893
#define EE_A4 0.003796

void
kam_equal_earth (double lon, double lat, double *x, double *y)
{
  const double m = sqrt (3) / 2;
  double l = asin (m * sin (lat * G_PI / 180)), l2 = l * l, l6 = l2 * l2 * l2;

  *x = lon * G_PI / 180 * cos (l) / (m * (EE_A1 + 3 * EE_A2 * l2 + l6 * (7 * EE_A3 + 9 * EE_A4 * l2)));
  *y = l * (EE_A1 + EE_A2 * l2 + l6 * (EE_A3 + EE_A4 * l2));
}
