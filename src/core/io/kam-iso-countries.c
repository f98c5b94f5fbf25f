/* kam-iso-countries.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The countries of ISO 3166-1 from Debian's iso-codes (the well-kept list
 * that GNOME and others use): their codes and English names from its JSON,
 * their Khmer names from its gettext catalogue for Khmer, read directly so
 * that the Khmer name is there whatever language the interface is in. */

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include "kam-config.h"
#include "kam-iso-countries.h"
#include "kam-types.h"

static guint32
read_u32 (const guint8 *p, gboolean swap)
{
  guint32 v;

  memcpy (&v, p, 4);
  return swap ? GUINT32_SWAP_LE_BE (v) : v;
}

GHashTable *
kam_mo_read (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  gsize length;
  const guint8 *bytes;
  gboolean swap;
  guint32 n, originals, translations;
  g_autoptr (GHashTable) table = NULL;

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  bytes = (const guint8 *) data;
  if (length < 20 || (read_u32 (bytes, FALSE) != 0x950412de && read_u32 (bytes, TRUE) != 0x950412de))
    goto bad;
  swap = read_u32 (bytes, FALSE) != 0x950412de;
  n = read_u32 (bytes + 8, swap);
  originals = read_u32 (bytes + 12, swap);
  translations = read_u32 (bytes + 16, swap);
  if (originals > length || translations > length || n > (length - originals) / 8
      || n > (length - translations) / 8)
    goto bad;
  table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint32 i = 0; i < n; i++)
    {
      guint32 o_len = read_u32 (bytes + originals + 8 * i, swap);
      guint32 o_off = read_u32 (bytes + originals + 8 * i + 4, swap);
      guint32 t_len = read_u32 (bytes + translations + 8 * i, swap);
      guint32 t_off = read_u32 (bytes + translations + 8 * i + 4, swap);

      if (o_off > length || o_len > length - o_off || t_off > length || t_len > length - t_off)
        goto bad;
      /* the header (empty original) and plural forms are not names */
      if (o_len == 0 || memchr (data + o_off, '\0', o_len) != NULL)
        continue;
      g_hash_table_insert (table, g_strndup (data + o_off, o_len), g_strndup (data + t_off, t_len));
    }
  return g_steal_pointer (&table);

bad:
  g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("“%s” is not a gettext catalogue."), path);
  return NULL;
}

static void
iso_country_free (KamIsoCountry *country)
{
  g_free (country->code);
  g_free (country->name);
  g_free (country->name_km);
  g_free (country);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  const KamIsoCountry *x = *(KamIsoCountry **) a, *y = *(KamIsoCountry **) b;

  return g_utf8_collate (x->name, y->name);
}

GPtrArray *
kam_iso_countries_load (const char *json_path, const char *locale_dir, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *mo_path = NULL;
  g_autoptr (GHashTable) khmer = NULL;
  g_autoptr (GPtrArray) countries = g_ptr_array_new_with_free_func ((GDestroyNotify) iso_country_free);
  JsonNode *root;
  JsonArray *list;

  json_path = json_path != NULL ? json_path : KAM_ISO_CODES_JSON;
  locale_dir = locale_dir != NULL ? locale_dir : KAM_ISO_CODES_LOCALEDIR;
  if (!json_parser_load_from_file (parser, json_path, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root)
      || !json_object_has_member (json_node_get_object (root), "3166-1")
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (root), "3166-1")))
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("%s: there is no list “3166-1” of countries."), json_path);
      return NULL;
    }
  /* without the Khmer catalogue the countries come with English names only */
  mo_path = g_build_filename (locale_dir, "km", "LC_MESSAGES", "iso_3166-1.mo", NULL);
  khmer = kam_mo_read (mo_path, NULL);
  list = json_node_get_array (json_object_get_member (json_node_get_object (root), "3166-1"));
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *code, *name, *common;
      KamIsoCountry *country;

      if (object == NULL)
        continue;
      code = json_object_get_string_member_with_default (object, "alpha_3", NULL);
      name = json_object_get_string_member_with_default (object, "name", NULL);
      common = json_object_get_string_member_with_default (object, "common_name", NULL);
      if (code == NULL || name == NULL || strlen (code) != 3)
        continue;
      country = g_new0 (KamIsoCountry, 1);
      country->code = g_strdup (code);
      country->name = g_strdup (common != NULL ? common : name);
      if (khmer != NULL)
        {
          const char *km = common != NULL ? g_hash_table_lookup (khmer, common) : NULL;
          if (km == NULL)
            km = g_hash_table_lookup (khmer, name);
          country->name_km = km != NULL && *km != '\0' ? g_strdup (km) : NULL;
        }
      g_ptr_array_add (countries, country);
    }
  g_ptr_array_sort (countries, compare_names);
  return g_steal_pointer (&countries);
}

GPtrArray *
kam_iso_countries_get_default (void)
{
  static GPtrArray *countries;
  static gsize loaded;

  if (g_once_init_enter (&loaded))
    {
      countries = kam_iso_countries_load (NULL, NULL, NULL);
      g_once_init_leave (&loaded, 1);
    }
  return countries;
}

const KamIsoCountry *
kam_iso_countries_find (GPtrArray *countries, const char *code)
{
  if (countries == NULL || code == NULL)
    return NULL;
  for (guint i = 0; i < countries->len; i++)
    {
      const KamIsoCountry *country = g_ptr_array_index (countries, i);
      if (g_ascii_strcasecmp (country->code, code) == 0)
        return country;
    }
  return NULL;
}

const KamIsoCountry *
kam_iso_countries_find_text (GPtrArray *countries, const char *text)
{
  const KamIsoCountry *found;
  g_autofree char *folded = NULL;

  if (countries == NULL || text == NULL)
    return NULL;
  if ((found = kam_iso_countries_find (countries, text)) != NULL)
    return found;
  folded = g_utf8_casefold (text, -1);
  for (guint i = 0; i < countries->len; i++)
    {
      const KamIsoCountry *country = g_ptr_array_index (countries, i);
      g_autofree char *name = g_utf8_casefold (country->name, -1);

      if (g_str_equal (name, folded) || g_strcmp0 (country->name_km, text) == 0)
        return country;
    }
  return NULL;
}
