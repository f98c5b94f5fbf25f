/* kam-dataset-json.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The .kamlang file, version 2 (version 1 is read and upgraded). The reader checks size, encoding and nesting
 * before json-glib sees the text (json-glib 1.6 overflows the stack on deep
 * nesting), then validates every field and collects every problem. The writer
 * is in kam-dataset-writer.c. */

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <inttypes.h> /* PRId64, which gettext knows in a translatable string */
#include <json-glib/json-glib.h>
#include <math.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kam-dataset-json.h"
#include "kam-dataset-json-private.h"
#include "kam-file.h"
#include "kam-json-strict.h"
#include "kam-number.h"

#define MAX_PROBLEMS 200

static const char *const known_keys[] = { "format", "version", "title", "description", "title-km", "description-km",
                                          "countries", "indicators", "dimensions", "sources",
                                          "figures", "agreements", NULL };

void
_kam_reader_problem (KamReader *r, const char *where, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  if (r->problems->len >= MAX_PROBLEMS)
    {
      r->dropped++;
      return;
    }
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (r->problems, where ? g_strdup_printf ("%s: %s", where, message)
                                      : g_steal_pointer (&message));
}

static void
offset_to_line_col (const char *data, gsize offset, guint *line, guint *col)
{
  *line = 1;
  *col = 1;
  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          (*line)++;
          *col = 1;
        }
      else if ((data[i] & 0xc0) != 0x80)
        (*col)++;
    }
}

static char *
where_line (const char *data, gsize offset)
{
  guint line, col;

  offset_to_line_col (data, offset, &line, &col);
  return g_strdup_printf (_("line %u, column %u"), line, col);
}

/* ---- typed field readers ------------------------------------------------ */

static const char *
type_name (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return _("null");
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("a list");
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("text");
    case G_TYPE_BOOLEAN:
      return _("true or false");
    default:
      return _("a number");
    }
}

static gboolean
is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node)
         && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* An optional string: absent or null give NULL; another type is a problem. */
static const char *
get_string (KamReader *r, JsonObject *obj, const char *key, const char *where, gboolean required)
{
  JsonNode *node = json_object_get_member (obj, key);
  const char *s;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        _kam_reader_problem (r, where, _("“%s” is missing"), key);
      return NULL;
    }
  if (!is_string (node))
    {
      _kam_reader_problem (r, where, _("“%s” must be text, not %s"), key, type_name (node));
      return NULL;
    }
  s = json_node_get_string (node);
  if (required && (s == NULL || *s == '\0'))
    _kam_reader_problem (r, where, _("“%s” is empty"), key);
  return s;
}

static void
check_keys (KamReader *r, JsonObject *obj, const char *where, const char *const *keys)
{
  g_autoptr (GList) members = json_object_get_members (obj);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains ((const char *const *) keys, l->data))
      _kam_reader_problem (r, where, _("unknown field “%s”"), (const char *) l->data);
}

static gboolean
get_enum (KamReader *r, JsonObject *obj, const char *key, const char *where, GType type, int *out)
{
  const char *nick = get_string (r, obj, key, where, FALSE);

  if (nick == NULL)
    return FALSE;
  if (!kam_enum_from_nick (type, nick, out))
    {
      g_autoptr (GEnumClass) klass = g_type_class_ref (type);
      g_autoptr (GString) allowed = g_string_new (NULL);

      for (guint i = 0; i < klass->n_values; i++)
        g_string_append_printf (allowed, "%s%s", i ? ", " : "", klass->values[i].value_nick);
      _kam_reader_problem (r, where, _("“%s” must be one of %s, not “%s”"), key, allowed->str, nick);
      return FALSE;
    }
  return TRUE;
}

static JsonArray *
get_array (KamReader *r, JsonObject *root, const char *key, const char *where)
{
  JsonNode *node = json_object_get_member (root, key);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      _kam_reader_problem (r, where ? where : key, _("must be a list, not %s"), type_name (node));
      return NULL;
    }
  return json_node_get_array (node);
}

static JsonObject *
element_object (KamReader *r, JsonArray *array, guint i, const char *where)
{
  JsonNode *node = json_array_get_element (array, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _kam_reader_problem (r, where, _("must be an object, not %s"), type_name (node));
      return NULL;
    }
  return json_node_get_object (node);
}

/* ---- sections ---------------------------------------------------------- */

/* Each section is a list of objects, read by one loop (read_section): each
 * element must be an object with known keys and, for the lists of things
 * figures refer to, a new code or id; what is particular to a section is in
 * its element reader. */
typedef struct
{
  const char *name;        /* the section's key: "countries" */
  const char *const *keys; /* the keys an element may have */
  const char *id_key;      /* "code" or "id", or NULL when elements have none */
  const char *taken;       /* the message for an id already used */
  gboolean (*is_taken) (KamReader *r, const char *id);
  /* FALSE: the element is left out (and the problem told); the section goes on */
  gboolean (*check_id) (KamReader *r, const char *id, const char *where);
  /* reads one element; FALSE stops the section */
  gboolean (*read) (KamReader *r, JsonObject *obj, const char *id, const char *where);
} Section;

static void
read_section (KamReader *r, JsonObject *root, const Section *section)
{
  JsonArray *array = get_array (r, root, section->name, NULL);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s[%u]", section->name, i);
      JsonObject *obj = element_object (r, array, i, where);
      const char *id = NULL;

      if (obj == NULL)
        continue;
      check_keys (r, obj, where, section->keys);
      if (section->id_key != NULL)
        {
          id = get_string (r, obj, section->id_key, where, TRUE);
          if (id == NULL || *id == '\0')
            continue;
          if (section->check_id != NULL && !section->check_id (r, id, where))
            continue;
          if (section->is_taken (r, id))
            {
              _kam_reader_problem (r, where, _(section->taken), id);
              continue;
            }
        }
      if (!section->read (r, obj, id, where))
        return;
    }
}

static gboolean
country_taken (KamReader *r, const char *code)
{
  return kam_dataset_lookup_country (r->dataset, code) != NULL;
}

static gboolean
check_country_code (KamReader *r, const char *code, const char *where)
{
  if (kam_country_code_is_valid (code))
    return TRUE;
  _kam_reader_problem (r, where, _("the code “%s” must be three capital letters A–Z, as in JPN"), code);
  return FALSE;
}

static gboolean
read_country (KamReader *r, JsonObject *obj, const char *code, const char *where)
{
  g_autoptr (KamCountry) country = kam_country_new (code);

  kam_country_set_name (country, get_string (r, obj, "name", where, FALSE));
  kam_country_set_name_km (country, get_string (r, obj, "name-km", where, FALSE));
  kam_country_set_region (country, get_string (r, obj, "region", where, FALSE));
  _kam_dataset_load_country (r->dataset, country);
  return TRUE;
}

static gboolean
indicator_taken (KamReader *r, const char *id)
{
  return kam_dataset_lookup_indicator (r->dataset, id) != NULL;
}

static gboolean
read_indicator (KamReader *r, JsonObject *obj, const char *id, const char *where)
{
  g_autoptr (KamIndicator) indicator = kam_indicator_new (id);
  const char *unit = get_string (r, obj, "unit", where, FALSE);
  int value;

  kam_indicator_set_name (indicator, get_string (r, obj, "name", where, FALSE));
  kam_indicator_set_definition (indicator, get_string (r, obj, "definition", where, FALSE));
  kam_indicator_set_name_km (indicator, get_string (r, obj, "name-km", where, FALSE));
  kam_indicator_set_definition_km (indicator, get_string (r, obj, "definition-km", where, FALSE));
  if (unit != NULL && g_utf8_strlen (unit, -1) > 64)
    _kam_reader_problem (r, where, _("the unit must be at most 64 characters long"));
  else
    kam_indicator_set_unit (indicator, unit);
  if (get_enum (r, obj, "kind", where, KAM_TYPE_INDICATOR_KIND, &value))
    kam_indicator_set_kind (indicator, value);
  _kam_dataset_load_indicator (r->dataset, indicator);
  return TRUE;
}

static const char *
get_date (KamReader *r, JsonObject *obj, const char *key, const char *where)
{
  const char *date = get_string (r, obj, key, where, FALSE);

  if (date != NULL && !kam_partial_date_is_valid (date))
    {
      _kam_reader_problem (r, where, _("“%s” must be a date of the form YYYY, YYYY-MM or YYYY-MM-DD, not “%s”"),
                           key, date);
      return NULL;
    }
  return date;
}

static void
read_members (KamReader *r, JsonObject *obj, KamDimension *dimension, const char *where)
{
  static const char *const keys[] = { "code", "name", "name-km", NULL };
  g_autofree char *list_where = g_strdup_printf ("%s.members", where);
  JsonArray *array = get_array (r, obj, "members", list_where);

  if (array == NULL || json_array_get_length (array) == 0)
    {
      _kam_reader_problem (r, where, _("a dimension needs a list of members, the first being its total"));
      return;
    }
  if (json_array_get_length (array) > G_MAXUINT16)
    {
      _kam_reader_problem (r, list_where, _("a dimension has at most %u members"), (guint) G_MAXUINT16);
      return;
    }
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *w = g_strdup_printf ("%s.members[%u]", where, i);
      JsonObject *m = element_object (r, array, i, w);
      const char *code;

      if (m == NULL)
        continue;
      check_keys (r, m, w, keys);
      code = get_string (r, m, "code", w, TRUE);
      if (code == NULL || *code == '\0')
        continue;
      if (!kam_member_code_is_valid (code))
        _kam_reader_problem (r, w, _("the code “%s” must be letters, digits, - _ + and . only, as in KH-12 or 65+"),
                             code);
      else if (kam_dimension_find_code (dimension, code) >= 0)
        _kam_reader_problem (r, w, _("the code “%s” is already used by another member"), code);
      else
        kam_dimension_append_member (dimension, code, get_string (r, m, "name", w, FALSE),
                                     get_string (r, m, "name-km", w, FALSE));
    }
}

const char *
_kam_reader_lookup (KamReader *r, KamFigureField field, const char *id, const char *where)
{
  gboolean found = field == KAM_FIGURE_FIELD_COUNTRY     ? kam_dataset_lookup_country (r->dataset, id) != NULL
                   : field == KAM_FIGURE_FIELD_INDICATOR ? kam_dataset_lookup_indicator (r->dataset, id) != NULL
                                                         : kam_dataset_lookup_source (r->dataset, id) != NULL;

  if (!found)
    {
      g_autofree char *message = kam_rule_unknown_message (field, id);
      _kam_reader_problem (r, where, "%s", message);
      return NULL;
    }
  return g_intern_string (id);
}

/* A reference to a country or source (`what` names it); NULL (and maybe a problem). */
static const char *
get_reference (KamReader *r, JsonNode *node, const char *where, KamFigureField field, const char *what)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!is_string (node))
    {
      _kam_reader_problem (r, where, _("the %s must be text or null, not %s"), what, type_name (node));
      return NULL;
    }
  return _kam_reader_lookup (r, field, json_node_get_string (node), where);
}

/* Version 1 counted women as indicators of their own ("workers-women" beside
 * "workers"); version 2 counts them as the `women` member of the `sex`
 * dimension. Everything else stays. */
static void
upgrade_from_version_1 (KamDataset *dataset)
{
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  GListModel *indicators = kam_dataset_get_indicators (dataset);
  guint sex, women;

  kam_dataset_add_default_dimensions (dataset);
  if (!kam_dataset_find_member (dataset, "sex", "women", &sex, &women))
    return;
  for (guint i = g_list_model_get_n_items (indicators); i > 0; i--)
    {
      g_autoptr (KamIndicator) indicator = g_list_model_get_item (indicators, i - 1);
      const char *id = kam_indicator_get_id (indicator);
      g_autofree char *base = NULL;

      if (!g_str_has_suffix (id, "-women"))
        continue;
      base = g_strndup (id, strlen (id) - strlen ("-women"));
      if (kam_dataset_lookup_indicator (dataset, base) == NULL)
        continue;
      for (guint r = 0; r < kam_figure_table_get_n_rows (table); r++)
        {
          KamFigureRow row;

          if (kam_figure_table_get_indicators (table)[r] != g_intern_string (id))
            continue;
          kam_figure_table_get_row (table, r, &row);
          row.indicator = g_intern_string (base);
          row.members[sex] = women;
          _kam_figure_table_set_field (table, r, KAM_FIGURE_FIELD_INDICATOR, &row);
          _kam_figure_table_set_field (table, r, KAM_FIGURE_FIELD_MEMBERS, &row);
        }
      _kam_dataset_list_remove (dataset, LIST_INDICATORS, i - 1);
    }
}

static gboolean
source_taken (KamReader *r, const char *id)
{
  return kam_dataset_lookup_source (r->dataset, id) != NULL;
}

static gboolean
read_source (KamReader *r, JsonObject *obj, const char *id, const char *where)
{
  g_autoptr (KamSource) source = kam_source_new (id);

  kam_source_set_title (source, get_string (r, obj, "title", where, FALSE));
  kam_source_set_publisher (source, get_string (r, obj, "publisher", where, FALSE));
  kam_source_set_date (source, get_date (r, obj, "date", where));
  kam_source_set_url (source, get_string (r, obj, "url", where, FALSE));
  kam_source_set_note (source, get_string (r, obj, "note", where, FALSE));
  _kam_dataset_load_source (r->dataset, source);
  return TRUE;
}

static gboolean
dimension_taken (KamReader *r, const char *id)
{
  return kam_dataset_find_dimension (r->dataset, id) >= 0;
}

static gboolean
check_dimension_id (KamReader *r, const char *id, const char *where)
{
  if (!kam_dimension_id_is_valid (id))
    {
      _kam_reader_problem (r, where, _("the id “%s” must be lower-case letters, digits, - and _, starting with a letter"), id);
      return FALSE;
    }
  if (_kam_reader_is_figure_column (id))
    {
      _kam_reader_problem (r, where, _("the id “%s” is the name of a figure column"), id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_dimension (KamReader *r, JsonObject *obj, const char *id, const char *where)
{
  g_autoptr (KamDimension) dimension = NULL;

  if (kam_dataset_get_n_dimensions (r->dataset) >= KAM_MAX_DIMENSIONS)
    {
      _kam_reader_problem (r, where, _("a dataset has at most %d dimensions"), KAM_MAX_DIMENSIONS);
      return FALSE;
    }
  dimension = kam_dimension_new (id, get_string (r, obj, "name", where, FALSE),
                                 get_string (r, obj, "name-km", where, FALSE));
  read_members (r, obj, dimension, where);
  if (kam_dimension_get_n_members (dimension) > 0)
    _kam_dataset_load_dimension (r->dataset, dimension);
  return TRUE;
}

static gboolean
read_agreement (KamReader *r, JsonObject *obj, const char *id, const char *where)
{
  g_autoptr (KamAgreement) agreement = g_object_new (KAM_TYPE_AGREEMENT, NULL);
  int value;

  kam_agreement_set_country (agreement, get_reference (r, json_object_get_member (obj, "country"),
                                                       where, KAM_FIGURE_FIELD_COUNTRY, "country"));
  kam_agreement_set_title (agreement, get_string (r, obj, "title", where, TRUE));
  if (get_enum (r, obj, "kind", where, KAM_TYPE_AGREEMENT_KIND, &value))
    kam_agreement_set_kind (agreement, value);
  kam_agreement_set_signed (agreement, get_date (r, obj, "signed", where));
  if (get_enum (r, obj, "status", where, KAM_TYPE_AGREEMENT_STATUS, &value))
    kam_agreement_set_status (agreement, value);
  kam_agreement_set_source (agreement, get_reference (r, json_object_get_member (obj, "source"),
                                                      where, KAM_FIGURE_FIELD_SOURCE, "source"));
  kam_agreement_set_note (agreement, get_string (r, obj, "note", where, FALSE));
  _kam_dataset_load_agreement (r->dataset, agreement);
  return TRUE;
}

static const char *const country_keys[] = { "code", "name", "name-km", "region", NULL };
static const char *const indicator_keys[] = { "id", "name", "name-km", "unit", "kind", "definition",
                                              "definition-km", NULL };
static const char *const source_keys[] = { "id", "title", "publisher", "date", "url", "note", NULL };
static const char *const dimension_keys[] = { "id", "name", "name-km", "members", NULL };
static const char *const agreement_keys[] = { "country", "title", "kind", "signed", "status", "source",
                                              "note", NULL };

static const Section countries = { "countries", country_keys, "code",
                                   N_("the code “%s” is already used by another country"), country_taken,
                                   check_country_code, read_country };
static const Section indicators = { "indicators", indicator_keys, "id",
                                    N_("the id “%s” is already used by another indicator"), indicator_taken,
                                    NULL, read_indicator };
static const Section sources = { "sources", source_keys, "id", N_("the id “%s” is already used by another source"),
                                 source_taken, NULL, read_source };
static const Section dimensions = { "dimensions", dimension_keys, "id",
                                    N_("the id “%s” is already used by another dimension"), dimension_taken,
                                    check_dimension_id, read_dimension };
static const Section agreements = { "agreements", agreement_keys, NULL, NULL, NULL, NULL, read_agreement };

static void
read_root (KamReader *r, JsonNode *root_node)
{
  JsonObject *root;
  JsonNode *node;
  g_autoptr (GList) members = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      _kam_reader_problem (r, NULL, _("the file must hold a JSON object, not %s"), type_name (root_node));
      return;
    }
  root = json_node_get_object (root_node);

  node = json_object_get_member (root, "format");
  if (!is_string (node) || !g_str_equal (json_node_get_string (node), "kamlang"))
    {
      _kam_reader_problem (r, "format", _("this is not a Kamlang file (“format” must be “kamlang”)"));
      return;
    }
  node = json_object_get_member (root, "version");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64
      || json_node_get_int (node) < 1)
    {
      _kam_reader_problem (r, "version", _("the format version must be a whole number from 1"));
      return;
    }
  if (json_node_get_int (node) > KAM_FORMAT_VERSION)
    {
      _kam_reader_problem (r, "version",
                           _("this file has format version %" PRId64 ", written by a newer Kamlang; this version reads version %d"),
                           (int64_t) json_node_get_int (node), KAM_FORMAT_VERSION);
      return;
    }

  r->version = json_node_get_int (node);
  _kam_dataset_set_format_version (r->dataset, (guint) r->version);
  _kam_dataset_set_loaded_text (r->dataset, get_string (r, root, "title", "title", FALSE),
                                get_string (r, root, "description", "description", FALSE),
                                get_string (r, root, "title-km", "title-km", FALSE),
                                get_string (r, root, "description-km", "description-km", FALSE));
  read_section (r, root, &countries);
  read_section (r, root, &indicators);
  if (json_object_get_member (root, "dimensions") != NULL
      && JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "dimensions")) && r->version < 2)
    _kam_reader_problem (r, "dimensions", _("dimensions need format version 2; this file says version %" PRId64),
                         (int64_t) r->version);
  else
    read_section (r, root, &dimensions);
  read_section (r, root, &sources);
  if (g_hash_table_lookup (r->top_level, "figures") != NULL)
    _kam_reader_read_figures (r, g_hash_table_lookup (r->top_level, "figures"));
  read_section (r, root, &agreements);
  if (r->version == 1 && r->problems->len == 0)
    upgrade_from_version_1 (r->dataset);

  members = json_object_get_members (root);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known_keys, l->data) && r->problems->len == 0)
      {
        /* as written: json-glib 1.6 writes 9e44 as 9e+44.0, which is not JSON */
        const KamJsonSpan *span = g_hash_table_lookup (r->top_level, l->data);

        g_hash_table_insert (_kam_dataset_get_extra (r->dataset), g_strdup (l->data),
                             span ? g_strndup (r->text + span->offset, span->length)
                                  : json_to_string (json_object_get_member (root, l->data), FALSE));
      }
}

gboolean
_kam_reader_progress (KamReader *r, int permille)
{
  if (r->control == NULL)
    return TRUE;
  g_atomic_int_set (&r->control->permille, permille);
  if (g_cancellable_is_cancelled (r->control->cancellable))
    r->cancelled = TRUE;
  return !r->cancelled;
}

static KamDataset *
cancelled (KamReader *r, GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Opening was cancelled"));
  g_ptr_array_unref (r->problems);
  g_clear_object (&r->dataset);
  return NULL;
}

static KamDataset *
fail (KamReader *r, GPtrArray **problems, GError **error, int code)
{
  g_autoptr (GString) message = g_string_new (NULL);

  for (guint i = 0; i < r->problems->len; i++)
    g_string_append_printf (message, "%s%s", i ? "\n" : "", (char *) g_ptr_array_index (r->problems, i));
  if (r->dropped > 0)
    {
      /* in the list too: kamlang --check prints the list */
      char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… and %u more problem",
                                                 "… and %u more problems", r->dropped),
                                    r->dropped);
      g_string_append_printf (message, "\n%s", more);
      g_ptr_array_add (r->problems, more);
    }
  g_set_error_literal (error, KAM_ERROR, code, message->str);
  if (problems != NULL)
    *problems = g_ptr_array_ref (r->problems);
  g_ptr_array_unref (r->problems);
  g_clear_object (&r->dataset);
  return NULL;
}

/* A Kamlang file is a JSON object: what starts otherwise (a list, a NUL
 * byte, a picture) is refused from its first bytes, with where. Only the
 * first length bytes are looked at, which may be the head of a file. */
static gboolean
check_start (KamReader *r, const char *data, gsize length, gboolean lists_too)
{
  gsize i = length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
  g_autofree char *where = NULL;

  while (i < length && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r'))
    i++;
  if (i >= length || data[i] == '{' || (data[i] == '[' && !lists_too))
    return TRUE;
  where = where_line (data, i);
  if (data[i] == '\0')
    _kam_reader_problem (r, where, _("the file holds a NUL byte: it is not a text file"));
  else if (data[i] == '[')
    _kam_reader_problem (r, where, _("the file holds a JSON list; a Kamlang file is a JSON object, which starts with “{”"));
  else
    _kam_reader_problem (r, where, _("a Kamlang file is a JSON object, which starts with “{”; this is not one"));
  return FALSE;
}

/* Reads the first bytes of a local file and refuses it when they cannot
 * start a Kamlang file, before the whole of it (up to 1 GiB) is read. */
static gboolean
refuse_from_head (GFile *file, GPtrArray **problems, GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  KamReader r = { NULL, NULL, 0, NULL, NULL };
  char head[4096];
  gssize n;
  FILE *f;

  GStatBuf st;

  /* reading it will say what is wrong, a file too large first */
  if (path == NULL || g_stat (path, &st) != 0 || !S_ISREG (st.st_mode) || (guint64) st.st_size > KAM_MAX_FILE_SIZE
      || (f = fopen (path, "rbe")) == NULL)
    return TRUE;
  n = fread (head, 1, sizeof head, f);
  fclose (f);
  r.problems = g_ptr_array_new_with_free_func (g_free);
  /* a list is let through here: its nesting is checked first */
  if (n <= 0 || check_start (&r, head, n, FALSE))
    {
      g_ptr_array_unref (r.problems);
      return TRUE;
    }
  fail (&r, problems, error, KAM_ERROR_SYNTAX);
  return FALSE;
}

/**
 * kam_dataset_load_data:
 * @problems: (out) (optional) (transfer full): on failure, the problems found
 *
 * Returns: (transfer full) (nullable): a new dataset, or NULL when the text is
 *   not a valid Kamlang file
 */
static KamDataset *
load_data (const char *data, gsize length, KamLoadControl *control, GPtrArray **problems, GError **error)
{
  KamReader r = { g_ptr_array_new_with_free_func (g_free), NULL, 0, NULL, NULL };
  const char *end = NULL;
  gsize bad = 0;
  g_autofree char *message = NULL;
  KamJsonProblem strict;
  g_autoptr (GHashTable) top_level = NULL;
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (GError) local = NULL;
  g_autoptr (GString) rest = NULL;
  gsize skip = 0;

  if (length > (guint64) KAM_MAX_FILE_SIZE)
    {
      _kam_reader_problem (&r, NULL, _("the file is larger than 1 GiB"));
      return fail (&r, problems, error, KAM_ERROR_TOO_LARGE);
    }
  r.control = control;
  if (!_kam_reader_progress (&r, 100))
    return cancelled (&r, error);
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    skip = 3;
  if (!check_start (&r, data, length, FALSE))
    return fail (&r, problems, error, KAM_ERROR_SYNTAX);
  if (!g_utf8_validate_len (data, length, &end))
    {
      g_autofree char *where = where_line (data, end - data);
      if (*end == '\0')
        _kam_reader_problem (&r, where, _("the file holds a NUL byte: it is not a text file"));
      else
        _kam_reader_problem (&r, where, _("the text is not valid UTF-8"));
      return fail (&r, problems, error, KAM_ERROR_SYNTAX);
    }
  top_level = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  strict = kam_json_check_strict (data + skip, length - skip, KAM_MAX_DEPTH, &bad, &message,
                                  top_level);
  if (strict != KAM_JSON_OK)
    {
      g_autofree char *where = where_line (data + skip, bad);
      _kam_reader_problem (&r, where, "%s", message);
      return fail (&r, problems, error,
                   strict == KAM_JSON_TOO_DEEP || strict == KAM_JSON_TOO_LONG ? KAM_ERROR_TOO_LARGE
                   : strict == KAM_JSON_OUT_OF_RANGE ? KAM_ERROR_INVALID
                                                     : KAM_ERROR_SYNTAX);
    }

  if (!check_start (&r, data, length, TRUE))
    return fail (&r, problems, error, KAM_ERROR_SYNTAX);
  if (!_kam_reader_progress (&r, 300))
    return cancelled (&r, error);
  /* json-glib reads all but the figures, which stand as null in its copy of
   * the text; the figures are read from the text itself */
  {
    const KamJsonSpan *figures = g_hash_table_lookup (top_level, "figures");

    if (figures != NULL)
      {
        rest = g_string_sized_new (length - skip - figures->length + 8);
        g_string_append_len (rest, data + skip, figures->offset);
        g_string_append (rest, "null");
        g_string_append_len (rest, data + skip + figures->offset + figures->length,
                             length - skip - figures->offset - figures->length);
      }
  }
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, rest ? rest->str : data + skip,
                                   rest ? (gssize) rest->len : (gssize) (length - skip), &local))
    {
      /* json-glib says "<data>:LINE:COL: Parse error: ..." */
      guint line = 0, col = 0;
      const char *msg = local->message;
      const char *p = strchr (msg, ':');

      if (p != NULL && sscanf (p + 1, "%u:%u", &line, &col) == 2)
        {
          const char *text = strstr (p + 1, ": ");
          g_autofree char *where = g_strdup_printf (_("line %u, column %u"), line, col);
          _kam_reader_problem (&r, where, "%s", text != NULL ? text + 2 : msg);
        }
      else
        _kam_reader_problem (&r, NULL, "%s", msg);
      return fail (&r, problems, error, KAM_ERROR_SYNTAX);
    }
  if (json_parser_get_root (parser) == NULL)
    {
      _kam_reader_problem (&r, NULL, _("the file is empty"));
      return fail (&r, problems, error, KAM_ERROR_SYNTAX);
    }

  if (!_kam_reader_progress (&r, 350))
    return cancelled (&r, error);
  r.dataset = kam_dataset_new_empty ();
  r.top_level = top_level;
  r.text = data + skip;
  r.text_length = length - skip;
  read_root (&r, json_parser_get_root (parser));
  if (r.cancelled || !_kam_reader_progress (&r, 1000))
    return cancelled (&r, error);
  /* json-glib's tree of a big file is several times the size of the figure
   * columns: give the memory back to the system once it is gone. */
  g_clear_object (&parser);
#ifdef __GLIBC__
  if (length > 16 * 1024 * 1024)
    malloc_trim (0);
#endif
  if (r.problems->len > 0)
    {
      gboolean version = FALSE;
      for (guint i = 0; i < r.problems->len; i++)
        version |= g_str_has_prefix (g_ptr_array_index (r.problems, i), "version:");
      return fail (&r, problems, error, version ? KAM_ERROR_VERSION : KAM_ERROR_INVALID);
    }
  g_ptr_array_unref (r.problems);
  if (problems != NULL)
    *problems = NULL;
  return r.dataset;
}

KamDataset *
kam_dataset_load_data (const char *data, gsize length, GPtrArray **problems, GError **error)
{
  return load_data (data, length, NULL, problems, error);
}

/**
 * kam_dataset_load_file:
 * @problems: (out) (optional) (transfer full): on failure, the problems found
 *
 * Returns: (transfer full) (nullable): a new dataset read from @file
 */
KamDataset *
kam_dataset_load_file (GFile *file, GPtrArray **problems, GError **error)
{
  return kam_dataset_load_file_full (file, NULL, problems, error);
}

/**
 * kam_dataset_load_file_full:
 * @control: (nullable): progress and cancellation, shared with another thread
 * @problems: (out) (optional) (transfer full): on failure, the problems found
 *
 * Returns: (transfer full) (nullable): a new dataset read from @file
 */
KamDataset *
kam_dataset_load_file_full (GFile *file, KamLoadControl *control, GPtrArray **problems, GError **error)
{
  return kam_dataset_load_file_stamped (file, control, NULL, problems, error);
}

/**
 * kam_dataset_load_file_stamped:
 * @stamp: (out) (optional): the file as it was read
 *
 * Returns: (transfer full) (nullable): a new dataset read from @file
 */
KamDataset *
kam_dataset_load_file_stamped (GFile *file, KamLoadControl *control, KamFileStamp *stamp,
                               GPtrArray **problems, GError **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  if (problems != NULL)
    *problems = NULL;
  if (!refuse_from_head (file, problems, error))
    return NULL;
  if (!kam_file_read_stamped (file, KAM_MAX_FILE_SIZE, &data, &length, stamp, error))
    return NULL;
  return load_data (data, length, control, problems, error);
}

/**
 * kam_dataset_load_bundled:
 *
 * Returns: (transfer full) (nullable): the bundled dataset
 */
KamDataset *
kam_dataset_load_bundled (GError **error)
{
  g_autoptr (GFile) file = g_file_new_for_uri (KAM_BUNDLED_DATASET_URI);

  return kam_dataset_load_file (file, NULL, error);
}
