/* kam-dataset-writer.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The .kamlang writer, hand-made so that the output is byte-for-byte
 * deterministic, in two steps so that a save can make the text in a thread:
 * a snapshot taken where the dataset lives, then its text, anywhere. */

#include <stdlib.h>
#include <string.h>
#include "kam-dataset-json.h"
#include "kam-dataset-private.h"
#include "kam-file.h"
#include "kam-number.h"

static void
append_string (GString *out, const char *s)
{
  const unsigned char *run;

  if (s == NULL)
    {
      g_string_append_len (out, "null", 4);
      return;
    }
  g_string_append_c (out, '"');
  run = (const unsigned char *) s;
  for (const unsigned char *p = run;; p++)
    {
      if (*p >= 0x20 && *p != '"' && *p != '\\')
        continue;
      /* the characters since the last escape, at once */
      g_string_append_len (out, (const char *) run, p - run);
      run = p + 1;
      switch (*p)
        {
        case '\0':
          g_string_append_c (out, '"');
          return;
        case '"':
          g_string_append_len (out, "\\\"", 2);
          break;
        case '\\':
          g_string_append_len (out, "\\\\", 2);
          break;
        case '\n':
          g_string_append_len (out, "\\n", 2);
          break;
        case '\t':
          g_string_append_len (out, "\\t", 2);
          break;
        case '\r':
          g_string_append_len (out, "\\r", 2);
          break;
        default:
          g_string_append_printf (out, "\\u%04x", *p);
        }
    }
}

static void
append_field (GString *out, gboolean *first, const char *key, const char *value)
{
  if (value == NULL)
    return;
  g_string_append (out, *first ? "{ " : ", ");
  *first = FALSE;
  append_string (out, key);
  g_string_append (out, ": ");
  append_string (out, value);
}

static void
append_object_list (GString *out, GListModel *list, const char *const *props)
{
  guint n = g_list_model_get_n_items (list);

  if (n == 0)
    {
      g_string_append (out, "[]");
      return;
    }
  g_string_append (out, "[\n");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (list, i);
      gboolean first = TRUE;

      g_string_append (out, "    ");
      for (guint k = 0; props[k] != NULL; k++)
        {
          GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), props[k]);
          g_auto (GValue) v = G_VALUE_INIT;

          g_value_init (&v, pspec->value_type);
          g_object_get_property (item, props[k], &v);
          if (G_VALUE_HOLDS_ENUM (&v))
            append_field (out, &first, props[k], kam_enum_to_nick (pspec->value_type,
                                                                   g_value_get_enum (&v)));
          else
            append_field (out, &first, props[k], g_value_get_string (&v));
        }
      g_string_append (out, first ? "{}" : " }");
      g_string_append (out, i + 1 < n ? ",\n" : "\n");
    }
  g_string_append (out, "  ]");
}

static void
append_dimensions (GString *out, KamDataset *dataset)
{
  guint n = kam_dataset_get_n_dimensions (dataset);

  if (n == 0)
    {
      g_string_append (out, "[]");
      return;
    }
  g_string_append (out, "[\n");
  for (guint d = 0; d < n; d++)
    {
      KamDimension *dimension = kam_dataset_get_dimension (dataset, d);
      gboolean first = TRUE;

      g_string_append (out, "    ");
      append_field (out, &first, "id", kam_dimension_get_id (dimension));
      append_field (out, &first, "name", kam_dimension_get_name (dimension));
      append_field (out, &first, "name-km", kam_dimension_get_name_km (dimension));
      g_string_append (out, ", \"members\": [\n");
      for (guint m = 0; m < kam_dimension_get_n_members (dimension); m++)
        {
          gboolean mfirst = TRUE;

          g_string_append (out, "        ");
          append_field (out, &mfirst, "code", kam_dimension_get_member_code (dimension, m));
          append_field (out, &mfirst, "name", kam_dimension_get_member_name (dimension, m));
          append_field (out, &mfirst, "name-km", kam_dimension_get_member_name_km (dimension, m));
          g_string_append (out, m + 1 < kam_dimension_get_n_members (dimension) ? " },\n" : " }\n");
        }
      g_string_append (out, d + 1 < n ? "      ] },\n" : "      ] }\n");
    }
  g_string_append (out, "  ]");
}

static int
compare_strings (const void *a, const void *b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* What a file's text is made of, taken from a dataset at once (on the thread
 * that owns it) so that the text can be written in another thread while the
 * dataset goes on changing: the parts before and after the figures as text,
 * and the figures' columns copied. Ids are interned, so they are shared. */
struct _KamDatasetSnapshot
{
  GString *head, *tail;
  guint n_rows, n_dimensions;
  gint16 *years;
  double *values;
  const char **countries, **indicators, **sources;
  char **notes;
  guint8 *qualifiers;
  guint16 *members[KAM_MAX_DIMENSIONS]; /* NULL while all are the total */
  char **codes[KAM_MAX_DIMENSIONS];     /* the members' codes, by member */
  const char *qualifier_nicks[KAM_QUALIFIER_PROVISIONAL + 1];
};

static gpointer
copy_column (gconstpointer column, guint n, gsize size)
{
  return column != NULL && n > 0 ? g_memdup2 (column, (gsize) n * size) : NULL;
}

/**
 * kam_dataset_snapshot_new:
 *
 * Takes what the file's text needs, in the dataset's thread; a million
 * figures cost tens of milliseconds here, the text itself seconds.
 *
 * Returns: (transfer full): the snapshot, for kam_dataset_snapshot_to_data()
 */
static KamDatasetSnapshot *snapshot_new (KamDataset *dataset, gboolean with_figures);

KamDatasetSnapshot *
kam_dataset_snapshot_new (KamDataset *dataset)
{
  return snapshot_new (dataset, TRUE);
}

char *
kam_dataset_lists_to_data (KamDataset *dataset)
{
  g_autoptr (KamDatasetSnapshot) snapshot = snapshot_new (dataset, FALSE);

  return kam_dataset_snapshot_lists_to_data (snapshot);
}

static KamDatasetSnapshot *
snapshot_new (KamDataset *dataset, gboolean with_figures)
{
  static const char *const country_props[] = { "code", "name", "name-km", "region", NULL };
  static const char *const indicator_props[] = { "id", "name", "name-km", "unit", "kind", "definition",
                                                 "definition-km", NULL };
  static const char *const source_props[] = { "id", "title", "publisher", "date", "url", "note",
                                              NULL };
  static const char *const agreement_props[] = { "country", "title", "kind", "signed", "status",
                                                 "source", "note", NULL };
  KamDatasetSnapshot *self = g_new0 (KamDatasetSnapshot, 1);
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  GHashTable *extra = _kam_dataset_get_extra (dataset);
  g_autofree const char **extra_keys = NULL;
  guint n_extra = 0, n;
  GString *out;

  n = self->n_rows = with_figures ? kam_figure_table_get_n_rows (table) : 0;
  self->n_dimensions = MIN (kam_dataset_get_n_dimensions (dataset), KAM_MAX_DIMENSIONS);

  out = self->head = g_string_sized_new (4096);
  g_string_append_printf (out, "{\n  \"format\": \"kamlang\",\n  \"version\": %d,\n  \"title\": ",
                          KAM_FORMAT_VERSION);
  append_string (out, kam_dataset_get_title (dataset));
  g_string_append (out, ",\n  \"description\": ");
  append_string (out, kam_dataset_get_description (dataset));
  /* in Khmer, when given (a file without them is written as it was) */
  if (kam_dataset_get_title_km (dataset) != NULL)
    {
      g_string_append (out, ",\n  \"title-km\": ");
      append_string (out, kam_dataset_get_title_km (dataset));
    }
  if (kam_dataset_get_description_km (dataset) != NULL)
    {
      g_string_append (out, ",\n  \"description-km\": ");
      append_string (out, kam_dataset_get_description_km (dataset));
    }
  g_string_append (out, ",\n  \"countries\": ");
  append_object_list (out, kam_dataset_get_countries (dataset), country_props);
  g_string_append (out, ",\n  \"indicators\": ");
  append_object_list (out, kam_dataset_get_indicators (dataset), indicator_props);
  g_string_append (out, ",\n  \"dimensions\": ");
  append_dimensions (out, dataset);
  g_string_append (out, ",\n  \"sources\": ");
  append_object_list (out, kam_dataset_get_sources (dataset), source_props);
  g_string_append (out, ",\n  \"figures\": {\n    \"columns\": [\"country\", \"year\", \"indicator\"");
  for (guint d = 0; d < self->n_dimensions; d++)
    {
      g_string_append (out, ", ");
      append_string (out, kam_dimension_get_id (kam_dataset_get_dimension (dataset, d)));
    }
  g_string_append (out, ", \"value\", \"qualifier\", \"source\", \"note\"],\n    \"rows\": [");

  out = self->tail = g_string_sized_new (1024);
  g_string_append (out, n ? "\n    ]\n  }" : "]\n  }");
  g_string_append (out, ",\n  \"agreements\": ");
  append_object_list (out, kam_dataset_get_agreements (dataset), agreement_props);
  extra_keys = (const char **) g_hash_table_get_keys_as_array (extra, &n_extra);
  qsort (extra_keys, n_extra, sizeof (char *), compare_strings);
  for (guint i = 0; i < n_extra; i++)
    {
      g_string_append (out, ",\n  ");
      append_string (out, extra_keys[i]);
      g_string_append (out, ": ");
      g_string_append (out, g_hash_table_lookup (extra, extra_keys[i]));
    }
  g_string_append (out, "\n}\n");

  self->years = copy_column (kam_figure_table_get_years (table), n, sizeof (gint16));
  self->values = copy_column (kam_figure_table_get_values (table), n, sizeof (double));
  self->countries = copy_column (kam_figure_table_get_countries (table), n, sizeof (char *));
  self->indicators = copy_column (kam_figure_table_get_indicators (table), n, sizeof (char *));
  self->sources = copy_column (kam_figure_table_get_sources (table), n, sizeof (char *));
  self->notes = copy_column (kam_figure_table_get_notes (table), n, sizeof (char *));
  for (guint i = 0; i < n; i++)
    if (self->notes[i] != NULL)
      self->notes[i] = g_strdup (self->notes[i]);
  self->qualifiers = copy_column (kam_figure_table_get_qualifiers (table), n, sizeof (guint8));
  for (guint d = 0; d < self->n_dimensions; d++)
    {
      KamDimension *dimension = kam_dataset_get_dimension (dataset, d);
      guint n_members = kam_dimension_get_n_members (dimension);

      self->members[d] = copy_column (kam_figure_table_get_member_column (table, d), n, sizeof (guint16));
      self->codes[d] = g_new0 (char *, n_members + 1);
      for (guint m = 0; m < n_members; m++)
        self->codes[d][m] = g_strdup (kam_dimension_get_member_code (dimension, m));
    }
  {
    /* a type class of a static type lives as long as the program: its nicks
     * can be read from the saving thread */
    g_autoptr (GEnumClass) klass = g_type_class_ref (KAM_TYPE_QUALIFIER);

    g_assert (klass->minimum == 0 && (guint) klass->maximum < G_N_ELEMENTS (self->qualifier_nicks));
    for (guint q = 0; q < klass->n_values; q++)
      self->qualifier_nicks[klass->values[q].value] = klass->values[q].value_nick;
  }
  return self;
}

void
kam_dataset_snapshot_free (KamDatasetSnapshot *self)
{
  if (self == NULL)
    return;
  g_string_free (self->head, TRUE);
  g_string_free (self->tail, TRUE);
  g_free (self->years);
  g_free (self->values);
  g_free (self->countries);
  g_free (self->indicators);
  g_free (self->sources);
  for (guint i = 0; self->notes != NULL && i < self->n_rows; i++)
    g_free (self->notes[i]);
  g_free (self->notes);
  g_free (self->qualifiers);
  for (guint d = 0; d < self->n_dimensions; d++)
    {
      g_free (self->members[d]);
      g_strfreev (self->codes[d]);
    }
  g_free (self);
}

/**
 * kam_dataset_snapshot_to_data:
 *
 * Safe in any thread: touches only the snapshot.
 *
 * Returns: (transfer full): the text of the .kamlang file
 */
char *
kam_dataset_snapshot_to_data (KamDatasetSnapshot *self, gsize *length)
{
  GString *out = g_string_sized_new (self->head->len + self->tail->len + (gsize) self->n_rows * 64);

  g_string_append_len (out, self->head->str, self->head->len);
  for (guint i = 0; i < self->n_rows; i++)
    {
      g_string_append_len (out, i ? ",\n      [" : "\n      [", i ? 9 : 8);
      append_string (out, self->countries[i]);
      g_string_append_len (out, ", ", 2);
      kam_number_append_integer (out, self->years[i]);
      g_string_append_len (out, ", ", 2);
      append_string (out, self->indicators[i]);
      for (guint d = 0; d < self->n_dimensions; d++)
        {
          g_string_append_len (out, ", ", 2);
          append_string (out, self->codes[d][self->members[d] != NULL ? self->members[d][i] : 0]);
        }
      g_string_append_len (out, ", ", 2);
      kam_number_append_text (out, self->values[i]);
      g_string_append_len (out, ", ", 2);
      append_string (out, self->qualifier_nicks[self->qualifiers[i]]);
      g_string_append_len (out, ", ", 2);
      append_string (out, self->sources[i]);
      g_string_append_len (out, ", ", 2);
      append_string (out, self->notes[i]);
      g_string_append_c (out, ']');
    }
  g_string_append_len (out, self->tail->str, self->tail->len);
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

void
kam_json_append_string (GString *out, const char *text)
{
  append_string (out, text);
}

guint
kam_dataset_snapshot_get_n_rows (KamDatasetSnapshot *self)
{
  return self->n_rows;
}

char *
kam_dataset_snapshot_lists_to_data (KamDatasetSnapshot *self)
{
  GString *out = g_string_sized_new (self->head->len + self->tail->len);

  g_string_append_len (out, self->head->str, self->head->len);
  g_string_append_len (out, self->tail->str, self->tail->len);
  return g_string_free (out, FALSE);
}

/* A text as a field of PostgreSQL's COPY text format: \N for none, a
 * backslash before a backslash, and tab, line feed and carriage return
 * written as \t \n \r. */
void
kam_copy_append_text (GString *out, const char *text)
{
  if (text == NULL)
    {
      g_string_append_len (out, "\\N", 2);
      return;
    }
  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '\\':
        g_string_append_len (out, "\\\\", 2);
        break;
      case '\t':
        g_string_append_len (out, "\\t", 2);
        break;
      case '\n':
        g_string_append_len (out, "\\n", 2);
        break;
      case '\r':
        g_string_append_len (out, "\\r", 2);
        break;
      default:
        g_string_append_c (out, *p);
      }
}

void
kam_dataset_snapshot_append_copy_rows (KamDatasetSnapshot *self, guint from, guint to, GString *out)
{
  for (guint i = from; i < to && i < self->n_rows; i++)
    {
      kam_copy_append_text (out, self->countries[i]);
      g_string_append_c (out, '\t');
      kam_number_append_integer (out, self->years[i]);
      g_string_append_c (out, '\t');
      kam_copy_append_text (out, self->indicators[i]);
      for (guint d = 0; d < KAM_MAX_DIMENSIONS; d++)
        {
          guint16 m = d < self->n_dimensions && self->members[d] != NULL ? self->members[d][i] : 0;

          g_string_append_c (out, '\t');
          kam_copy_append_text (out, d < self->n_dimensions ? self->codes[d][m] : NULL);
        }
      g_string_append_c (out, '\t');
      if (kam_value_is_known (self->values[i]))
        kam_number_append_text (out, self->values[i]);
      else
        g_string_append_len (out, "\\N", 2);
      g_string_append_c (out, '\t');
      kam_copy_append_text (out, self->qualifier_nicks[self->qualifiers[i]]);
      g_string_append_c (out, '\t');
      kam_copy_append_text (out, self->sources[i]);
      g_string_append_c (out, '\t');
      kam_copy_append_text (out, self->notes[i]);
      g_string_append_c (out, '\n');
    }
}

/**
 * kam_dataset_to_data:
 *
 * Returns: (transfer full): the dataset as the text of a .kamlang file
 */
char *
kam_dataset_to_data (KamDataset *dataset, gsize *length)
{
  KamDatasetSnapshot *snapshot = kam_dataset_snapshot_new (dataset);
  char *data = kam_dataset_snapshot_to_data (snapshot, length);

  kam_dataset_snapshot_free (snapshot);
  return data;
}

gboolean
kam_dataset_save_file (KamDataset *dataset, GFile *file, gboolean make_backup, GError **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (KAM_IS_DATASET (dataset), FALSE);
  data = kam_dataset_to_data (dataset, &length);
  return kam_file_write_gfile (file, data, length, make_backup ? KAM_WRITE_BACKUP : KAM_WRITE_DEFAULT,
                               error);
}
