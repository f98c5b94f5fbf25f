/* kam-shared.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A shared dataset kept in step with its server (kam-shared.h). Each figure
 * here is tied to its row there (its id on the server, the version read,
 * and the figure as read: its base); a save compares the dataset with the
 * bases and sends the differences, each UPDATE or DELETE only where the
 * server still has the version read. Items (countries …) the same, by their
 * JSON text. */

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "kam-dataset-json.h"
#include "kam-file.h"
#include "kam-db-private.h"
#include "kam-enums.h"
#include "kam-shared.h"
#include "kam-figure-table-private.h"

/* A figure as the server had it when last read or saved. */
typedef struct
{
  gint64 db_id, version;
  KamFigureRow base; /* ids interned; note owned */
} Tie;

static void
tie_free (Tie *tie)
{
  g_free ((char *)tie->base.note);
  g_free (tie);
}

struct _KamShared
{
  gatomicrefcount ref_count; /* the window's, and each job's in a thread */
  char *address;
  char *password; /* (nullable) as given, for the listener's connection */
  PGconn *connection;
  PGconn *listener; /* LISTEN kamlang */
  KamDataset *dataset;
  /* the figures as read at open, tied in arrays (not an object each):
   * figures first … first + n - 1, their rows there ascending */
  guint first, n_read;
  KamFigureRow *read_bases; /* (notes owned) */
  gint64 *read_server;      /* server id, version; version < 0: untied since */
  GHashTable *ties;         /* the other ties: figure id → Tie */
  GHashTable *by_db_id;     /* their server ids (gint64 *) → figure id */
  GHashTable *items;        /* "kind\nkey" → KamDbItem (agreements: by position) */
  GHashTable *touched;      /* figure ids that may differ from their ties: rows changed
                             * here (the table's watch) or ties changed; the rest are
                             * as the server has them, so a save looks at these only */
  char *snapshot;           /* what the last read saw */
  /* what the role may change, as the server said (kamlang.my_rights) */
  gboolean limited, may_figures, may_lists;
  GStrv provinces, countries; /* (nullable) */
  char *role, *limits_text;
};

void
kam_conflict_free (KamConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->item_kind);
  g_free (conflict->item_key);
  g_free (conflict->theirs);
  g_free (conflict->who);
  g_free (conflict->when);
  g_free (conflict);
}

static gint64 *
int64_key (gint64 value)
{
  return g_memdup2 (&value, sizeof value);
}

/* A figure's tie (NULL when it has none): the one in ties, or a view of
 * the one read at open, filled in view. */
static Tie *
find_tie (KamShared *self, guint figure, Tie *view)
{
  Tie *tie = g_hash_table_lookup (self->ties, GUINT_TO_POINTER (figure));
  guint i = figure - self->first;

  if (tie != NULL || figure < self->first || i >= self->n_read || self->read_server[2 * i + 1] < 0)
    return tie;
  view->db_id = self->read_server[2 * i];
  view->version = self->read_server[2 * i + 1];
  view->base = self->read_bases[i];
  return view;
}

/* The figure tied to that server row, or 0. */
static guint
figure_of_db_id (KamShared *self, gint64 db_id)
{
  gpointer found;
  guint lo = 0, hi = self->n_read;

  if (g_hash_table_lookup_extended (self->by_db_id, &db_id, NULL, &found))
    return GPOINTER_TO_UINT (found);
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->read_server[2 * mid] < db_id)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo < self->n_read && self->read_server[2 * lo] == db_id && self->read_server[2 * lo + 1] >= 0)
    return self->first + lo;
  return 0;
}

static void
untie_figure (KamShared *self, guint figure)
{
  Tie view, *tie = find_tie (self, figure, &view);

  if (tie == NULL)
    return;
  g_hash_table_add (self->touched, GUINT_TO_POINTER (figure));
  if (tie == &view)
    {
      self->read_server[2 * (figure - self->first) + 1] = -1;
      return;
    }
  g_hash_table_remove (self->by_db_id, &tie->db_id);
  g_hash_table_remove (self->ties, GUINT_TO_POINTER (figure));
}

/* (a figure not tied before, as the server has it: not touched) */
static void
tie_new_figure (KamShared *self, guint figure, gint64 db_id, gint64 version,
                const KamFigureRow *row)
{
  Tie *tie = g_new (Tie, 1);

  tie->db_id = db_id;
  tie->version = version;
  tie->base = *row;
  tie->base.note = g_strdup (row->note);
  g_hash_table_insert (self->ties, GUINT_TO_POINTER (figure), tie);
  /* (keyed by the tie's own id: no copy) */
  g_hash_table_insert (self->by_db_id, &tie->db_id, GUINT_TO_POINTER (figure));
}

static void
tie_figure (KamShared *self, guint figure, gint64 db_id, gint64 version, const KamFigureRow *row)
{
  untie_figure (self, figure);
  g_hash_table_add (self->touched, GUINT_TO_POINTER (figure));
  tie_new_figure (self, figure, db_id, version, row);
}

/* The dataset's settings, kept as an item of their own (their row is in
 * kamlang.dataset, not kamlang.items). */
#define SETTINGS_KEY "dataset\nsettings"

static gboolean
is_settings (const char *whole_key)
{
  return g_strcmp0 (whole_key, SETTINGS_KEY) == 0;
}

static char *
item_key (const char *kind, const char *key, guint position)
{
  if (key == NULL)
    return g_strdup_printf ("%s\n#%u", kind, position);
  return g_strdup_printf ("%s\n%s", kind, key);
}

static void
keep_items (KamShared *self, GPtrArray *items)
{
  g_autoptr (GHashTable) positions = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_remove_all (self->items);
  for (guint i = 0; i < items->len; i++)
    {
      KamDbItem *item = g_ptr_array_index (items, i);
      guint position = GPOINTER_TO_UINT (g_hash_table_lookup (positions, item->kind));

      g_hash_table_insert (positions, item->kind, GUINT_TO_POINTER (position + 1));
      g_hash_table_insert (self->items, item_key (item->kind, item->key, position), item);
      g_ptr_array_index (items, i) = NULL;
    }
}

/* COPY's lines of figures, into the dataset (not steps to undo), each tied
 * to its server row. */
static gboolean
take_figures (KamShared *self, GPtrArray *lines, GError **error)
{
  guint n_dimensions = MIN (kam_dataset_get_n_dimensions (self->dataset), KAM_MAX_DIMENSIONS);
  g_autoptr (GArray) rows = g_array_sized_new (FALSE, TRUE, sizeof (KamFigureRow), lines->len);
  g_autoptr (GArray) server = g_array_sized_new (FALSE, FALSE, sizeof (gint64), 2 * lines->len);
  g_autofree guint *ids = g_new0 (guint, MAX (lines->len, 1));
  GHashTable *codes[KAM_MAX_DIMENSIONS];
  guint bad = 0;
  gboolean ok = TRUE;

  for (guint d = 0; d < n_dimensions; d++)
    {
      KamDimension *dimension = kam_dataset_get_dimension (self->dataset, d);

      codes[d] = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint m = 0; m < kam_dimension_get_n_members (dimension); m++)
        g_hash_table_insert (codes[d], (gpointer)kam_dimension_get_member_code (dimension, m),
                             GUINT_TO_POINTER (m + 1));
    }
  /* (a row's texts are mostly those of the row before: looked up again only
   * when they differ) */
  const char *last_text[3] = { NULL }, *last_interned[3] = { NULL };

  for (guint i = 0; i < lines->len && ok; i++)
    {
      char *fields[17];
      KamFigureRow row = { 0 };
      int qualifier = 0;
      gint64 id, version;
      const char **interned[3] = { &row.country, &row.indicator, &row.source };
      static const guint columns[3] = { 0, 2, 13 };

      if (!_kam_db_copy_fields (g_ptr_array_index (lines, i), fields, G_N_ELEMENTS (fields))
          || fields[1] == NULL || fields[2] == NULL)
        {
          ok = FALSE;
          break;
        }
      for (guint k = 0; k < 3; k++)
        {
          const char *text = fields[columns[k]];

          if (text == NULL)
            *interned[k] = NULL;
          else if (last_text[k] != NULL && strcmp (text, last_text[k]) == 0)
            *interned[k] = last_interned[k];
          else
            *interned[k] = last_interned[k] = g_intern_string (last_text[k] = text);
        }
      row.year = atoi (fields[1]);
      for (guint d = 0; d < n_dimensions; d++)
        {
          guint m = fields[3 + d] ? GPOINTER_TO_UINT (g_hash_table_lookup (codes[d], fields[3 + d]))
                                  : 1;

          ok &= m > 0;
          row.members[d] = (guint16)(m > 0 ? m - 1 : 0);
        }
      row.value = fields[11] ? g_ascii_strtod (fields[11], NULL) : KAM_VALUE_UNKNOWN;
      ok &= kam_enum_from_nick (KAM_TYPE_QUALIFIER, fields[12] ? fields[12] : "exact", &qualifier);
      row.qualifier = qualifier;
      row.note = fields[14]; /* (the line's: kept until added) */
      id = fields[15] ? g_ascii_strtoll (fields[15], NULL, 10) : 0;
      version = fields[16] ? g_ascii_strtoll (fields[16], NULL, 10) : 0;
      g_array_append_val (rows, row);
      g_array_append_val (server, id);
      g_array_append_val (server, version);
    }
  for (guint d = 0; d < n_dimensions; d++)
    g_hash_table_unref (codes[d]);
  if (!ok)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _ ("Reading the figures: %s"),
                   _ ("a row of figures is not as Kamlang writes them"));
      return FALSE;
    }
  /* the rules a figure of a file obeys that the server does not keep
   * itself (its unique key keeps each figure once): what it names exists,
   * its year and value are in range */
  {
    g_autoptr (GHashTable) known = g_hash_table_new (NULL, NULL);
    GListModel *lists[3]
        = { kam_dataset_get_countries (self->dataset), kam_dataset_get_indicators (self->dataset),
            kam_dataset_get_sources (self->dataset) };

    for (guint l = 0; l < 3; l++)
      for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
        {
          g_autoptr (GObject) item = g_list_model_get_item (lists[l], i);
          const char *key = KAM_IS_COUNTRY (item)     ? kam_country_get_code (KAM_COUNTRY (item))
                            : KAM_IS_INDICATOR (item) ? kam_indicator_get_id (KAM_INDICATOR (item))
                                                      : kam_source_get_id (KAM_SOURCE (item));

          g_hash_table_add (known, (gpointer)g_intern_string (key));
        }
    for (bad = 0; bad < rows->len; bad++)
      {
        const KamFigureRow *row = &g_array_index (rows, KamFigureRow, bad);

        if ((row->country != NULL && !g_hash_table_contains (known, row->country))
            || !g_hash_table_contains (known, row->indicator)
            || (row->source != NULL && !g_hash_table_contains (known, row->source))
            || row->year < KAM_YEAR_MIN || row->year > KAM_YEAR_MAX || isinf (row->value)
            || signbit (row->value))
          break;
      }
    if (bad < rows->len)
      {
        g_autofree char *id
            = g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (server, gint64, 2 * bad));

        /* (no format macro inside a translatable text: xgettext cannot read it) */
        g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID,
                     _ ("The shared dataset's figure %s breaks a rule of Kamlang's figures."), id);
        return FALSE;
      }
  }
  _kam_figure_table_append (kam_dataset_get_figures (self->dataset), (KamFigureRow *)rows->data,
                            rows->len, ids);
  {
    gboolean in_order = TRUE; /* (a new table: the ids follow each other, as the rows there) */

    for (guint i = 1; i < rows->len && in_order; i++)
      in_order
          = ids[i] == ids[0] + i
            && g_array_index (server, gint64, 2 * i) > g_array_index (server, gint64, 2 * i - 2);
    if (!in_order || rows->len == 0)
      {
        for (guint i = 0; i < rows->len; i++)
          tie_new_figure (self, ids[i], g_array_index (server, gint64, 2 * i),
                          g_array_index (server, gint64, 2 * i + 1),
                          &g_array_index (rows, KamFigureRow, i));
      }
    else
      {
        self->first = ids[0];
        self->n_read = rows->len;
        for (guint i = 0; i < rows->len; i++)
          {
            KamFigureRow *row = &g_array_index (rows, KamFigureRow, i);

            row->note = row->note != NULL ? g_strdup (row->note) : NULL;
          }
        self->read_bases = (KamFigureRow *)g_array_free (g_steal_pointer (&rows), FALSE);
        self->read_server = (gint64 *)g_array_free (g_steal_pointer (&server), FALSE);
      }
  }
  kam_dataset_mark_saved (self->dataset);
  return TRUE;
}

/* A shared dataset of that address, its dataset yet to read. */
static KamShared *
shared_new (const char *address, const char *password)
{
  KamShared *self = g_new0 (KamShared, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->address = g_strdup (address);
  self->password = g_strdup (password);
  self->ties = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)tie_free);
  self->by_db_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->items
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)_kam_db_item_free);
  self->touched = g_hash_table_new (NULL, NULL);
  return self;
}

/* The dataset read: its table's changes are watched from now on. */
static void
watch (KamShared *self)
{
  _kam_figure_table_watch (kam_dataset_get_figures (self->dataset), self->touched);
}

/* ---- what the role may change ------------------------------------------------------ */

static GStrv
strv_from_json (const char *json)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL)
      || !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    return NULL;
  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (JSON_NODE_HOLDS_VALUE (json_array_get_element (array, i)))
      g_strv_builder_add (builder, json_array_get_string_element (array, i));
  return g_strv_builder_end (builder);
}

/* Names, "A, B and C", of the codes given, as the list names them. */
static char *
names_of (GStrv codes, const char *(*name_of) (KamDataset *dataset, const char *code, gpointer data),
          KamDataset *dataset, gpointer data)
{
  g_autoptr (GString) text = g_string_new (NULL);
  guint n = g_strv_length (codes);

  for (guint i = 0; i < n; i++)
    {
      const char *name = name_of (dataset, codes[i], data);

      if (i > 0)
        g_string_append (text, i + 1 == n ? _(" and ") : _(", "));
      g_string_append (text, name != NULL ? name : codes[i]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
country_name (KamDataset *dataset, const char *code, gpointer data)
{
  return kam_dataset_get_country_label (dataset, code);
}

static const char *
province_name (KamDataset *dataset, const char *code, gpointer data)
{
  KamDimension *dimension = data;

  for (guint m = 0; dimension != NULL && m < kam_dimension_get_n_members (dimension); m++)
    if (g_strcmp0 (kam_dimension_get_member_code (dimension, m), code) == 0)
      return kam_dimension_get_member_label (dimension, m);
  return NULL;
}

/* The role's rights, as the dataset's limits and their words. */
static void
apply_limits (KamShared *self)
{
  KamDimension *province = NULL;
  g_autofree char *what = NULL;
  KamLimits limits = { 0 };

  g_clear_pointer (&self->limits_text, g_free);
  if (!self->limited)
    {
      kam_dataset_set_limits (self->dataset, NULL);
      return;
    }
  for (guint d = 0; d < kam_dataset_get_n_dimensions (self->dataset); d++)
    if (g_strcmp0 (kam_dimension_get_id (kam_dataset_get_dimension (self->dataset, d)), "province") == 0)
      province = kam_dataset_get_dimension (self->dataset, d);
  if (!self->may_figures)
    self->limits_text = g_strdup_printf (_("The server lets %s read this dataset, not change it."), self->role);
  else if (self->provinces != NULL || self->countries != NULL)
    {
      g_autofree char *places = self->provinces ? names_of (self->provinces, province_name, self->dataset, province) : NULL;
      g_autofree char *countries = self->countries ? names_of (self->countries, country_name, self->dataset, NULL) : NULL;

      if (places != NULL && countries != NULL)
        /* TRANSLATORS: "the figures of Kampong Cham for Thailand and Japan" */
        what = g_strdup_printf (_("%s for %s"), places, countries);
      else
        what = g_strdup (places != NULL ? places : countries);
      self->limits_text = g_strdup_printf (_("The server lets %s change only the figures of %s."), self->role, what);
    }
  else
    self->limits_text = g_strdup_printf (_("The server lets %s change the figures, not the countries, indicators, sources,"
                                           " breakdowns or agreements."),
                                         self->role);
  limits.figures = self->may_figures;
  limits.lists = self->may_lists;
  limits.countries = (const char *const *) self->countries;
  limits.dimension = self->provinces != NULL ? "province" : NULL;
  limits.members = (const char *const *) self->provinces;
  limits.why = self->limits_text;
  kam_dataset_set_limits (self->dataset, &limits);
}

/* Asks the server what this role may change (a schema before version 4
 * cannot say: the server alone decides then). */
static gboolean
read_rights (KamShared *self, int version, GError **error)
{
  PGresult *result;

  g_free (self->role);
  self->role = g_strdup (PQuser (self->connection));
  if (version < 4)
    return TRUE;
  result = _kam_db_run_with (self->connection,
                             "SELECT figures, lists, array_to_json (provinces)::text, array_to_json (countries)::text"
                             " FROM kamlang.my_rights ()",
                             0, NULL, error);
  if (result == NULL)
    return FALSE;
  if (PQntuples (result) == 1)
    {
      self->may_figures = g_str_equal (PQgetvalue (result, 0, 0), "t");
      self->may_lists = g_str_equal (PQgetvalue (result, 0, 1), "t");
      g_strfreev (self->provinces);
      g_strfreev (self->countries);
      self->provinces = PQgetisnull (result, 0, 2) ? NULL : strv_from_json (PQgetvalue (result, 0, 2));
      self->countries = PQgetisnull (result, 0, 3) ? NULL : strv_from_json (PQgetvalue (result, 0, 3));
      self->limited = !self->may_figures || !self->may_lists || self->provinces != NULL || self->countries != NULL;
    }
  PQclear (result);
  return TRUE;
}

gboolean
kam_shared_get_read_only (KamShared *self)
{
  return self->limited && !self->may_figures && !self->may_lists;
}

const char *
kam_shared_get_limits_text (KamShared *self)
{
  return self->limits_text;
}

KamShared *
kam_shared_open (const char *address, GError **error)
{
  return kam_shared_open_with_password (address, NULL, error);
}

KamShared *
kam_shared_open_with_password (const char *address, const char *password, GError **error)
{
  g_autoptr (KamShared) self = shared_new (address, password);
  KamDbRead read = { 0 };
  g_autofree char *text = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  gsize length = 0;
  int version;

  if ((self->connection = _kam_db_connect_with (address, password, error)) == NULL)
    return NULL;
  if (!_kam_db_run (self->connection, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", error))
    return NULL;
  if ((version = _kam_db_check_schema (self->connection, address, 1, error)) < 0
      || !read_rights (self, version, error))
    {
      _kam_db_rollback (self->connection);
      return NULL;
    }
  /* the lists through the file's reader; the figures straight into the
   * table's columns, checked by the figure rules */
  read.lines_wanted = TRUE;
  text = _kam_db_read_text (self->connection, &length, &read, error);
  _kam_db_rollback (self->connection);
  if (text == NULL)
    return NULL;
  self->dataset = kam_dataset_load_data (text, length, &problems, error);
  if (self->dataset == NULL || !take_figures (self, read.figure_lines, error))
    {
      _kam_db_read_clear (&read);
      return NULL;
    }
  watch (self);
  apply_limits (self);

  keep_items (self, read.items);
  if (read.settings != NULL)
    {
      KamDbItem *settings = g_new0 (KamDbItem, 1);

      settings->kind = g_strdup ("dataset");
      settings->key = g_strdup ("settings");
      settings->id = 1;
      settings->version = read.settings_version;
      settings->json = g_strdup (read.settings);
      g_hash_table_insert (self->items, g_strdup (SETTINGS_KEY), settings);
    }
  self->snapshot = g_steal_pointer (&read.snapshot);
  _kam_db_read_clear (&read);
  return g_steal_pointer (&self);
}

/**
 * kam_shared_ref:
 *
 * Another reference (a job in a thread keeps the shared dataset alive while
 * the window lets it go); kam_shared_free() drops one.
 */
KamShared *
kam_shared_ref (KamShared *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
kam_shared_free (KamShared *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;
  if (self->connection != NULL)
    PQfinish (self->connection);
  if (self->listener != NULL)
    PQfinish (self->listener);
  if (self->dataset != NULL)
    _kam_figure_table_watch (kam_dataset_get_figures (self->dataset),
                             NULL); /* (the window may keep it) */
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->ties, g_hash_table_unref);
  g_clear_pointer (&self->by_db_id, g_hash_table_unref);
  for (guint i = 0; i < self->n_read; i++)
    g_free ((char *)self->read_bases[i].note);
  g_free (self->read_bases);
  g_free (self->read_server);
  g_clear_pointer (&self->items, g_hash_table_unref);
  g_clear_pointer (&self->touched, g_hash_table_unref);
  g_free (self->snapshot);
  g_strfreev (self->provinces);
  g_strfreev (self->countries);
  g_free (self->role);
  g_free (self->limits_text);
  g_free (self->address);
  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_free (self->password);
  g_free (self);
}

KamDataset *
kam_shared_get_dataset (KamShared *self)
{
  return self->dataset;
}

const char *
kam_shared_get_address (KamShared *self)
{
  return self->address;
}

/* ---- what changed here ----------------------------------------------------------- */

static gboolean
same_row (const KamFigureRow *a, const KamFigureRow *b)
{
  gboolean same_value = (isnan (a->value) && isnan (b->value)) || a->value == b->value;

  return g_strcmp0 (a->country, b->country) == 0 && a->year == b->year
         && g_strcmp0 (a->indicator, b->indicator) == 0 && same_value
         && g_strcmp0 (a->source, b->source) == 0 && g_strcmp0 (a->note, b->note) == 0
         && a->qualifier == b->qualifier && memcmp (a->members, b->members, sizeof a->members) == 0;
}

/* The items here, "kind\nkey" → JSON text as the server keeps it. */
static GHashTable *
current_items (KamShared *self)
{
  g_autofree char *text = kam_dataset_lists_to_data (self->dataset);
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  GHashTable *items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  static const char *const kinds[]
      = { "countries", "indicators", "dimensions", "sources", "agreements" };
  JsonObject *root;

  if (!json_parser_load_from_data (parser, text, -1, NULL))
    return items;
  root = json_node_get_object (json_parser_get_root (parser));
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      JsonArray *list = json_object_get_array_member (root, kinds[k]);
      const char *key_name = g_str_equal (kinds[k], "countries")    ? "code"
                             : g_str_equal (kinds[k], "agreements") ? NULL
                                                                    : "id";

      for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
        {
          JsonNode *node = json_array_get_element (list, i);
          const char *key = key_name != NULL ? json_object_get_string_member_with_default (
                                json_node_get_object (node), key_name, NULL)
                                             : NULL;

          g_hash_table_insert (items, item_key (kinds[k], key, i), json_to_string (node, FALSE));
        }
    }
  /* the title and description … (the dataset's own row) */
  g_hash_table_insert (items, g_strdup (SETTINGS_KEY), _kam_db_settings_text (root));
  return items;
}

/* Calls each (figure, its row or NULL when deleted here, its tie or NULL
 * when added here) for the figures that differ from their ties, in the
 * order of their ids; forgets the touched figures found as their ties say. */
typedef void (*ChangedFunc) (KamShared *self, guint figure, const KamFigureRow *row, Tie *tie,
                             gpointer data);

static int
compare_ids (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *)a, y = *(const guint *)b;

  return x < y ? -1 : x > y;
}

static void
foreach_changed_figure (KamShared *self, ChangedFunc func, gpointer data)
{
  KamFigureTable *table = kam_dataset_get_figures (self->dataset);
  g_autoptr (GArray) ids
      = g_array_sized_new (FALSE, FALSE, sizeof (guint), g_hash_table_size (self->touched));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->touched);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint figure = GPOINTER_TO_UINT (key);
      int r = kam_figure_table_find_row (table, figure);
      Tie view, *tie = find_tie (self, figure, &view);
      KamFigureRow row;

      if (r >= 0 && tie != NULL)
        kam_figure_table_get_row (table, (guint)r, &row);
      if ((r < 0 && tie == NULL) || (r >= 0 && tie != NULL && same_row (&row, &tie->base)))
        g_hash_table_iter_remove (&iter);
      else
        g_array_append_val (ids, figure);
    }
  g_array_sort (ids, compare_ids);
  for (guint i = 0; i < ids->len; i++)
    {
      guint figure = g_array_index (ids, guint, i);
      int r = kam_figure_table_find_row (table, figure);
      Tie view;
      KamFigureRow row;

      if (r >= 0)
        kam_figure_table_get_row (table, (guint)r, &row);
      func (self, figure, r >= 0 ? &row : NULL, find_tie (self, figure, &view), data);
    }
}

static void
count_one (KamShared *self, guint figure, const KamFigureRow *row, Tie *tie, gpointer data)
{
  (*(guint *)data)++;
}

guint
kam_shared_count_changes (KamShared *self)
{
  g_autoptr (GHashTable) items = current_items (self);
  GHashTableIter iter;
  gpointer key, value;
  guint n = 0;

  foreach_changed_figure (self, count_one, &n);
  g_hash_table_iter_init (&iter, items);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      KamDbItem *item = g_hash_table_lookup (self->items, key);

      n += item == NULL || g_strcmp0 (item->json, value) != 0;
    }
  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    n += !g_hash_table_contains (items, key);
  return n;
}

/* Starts a transaction; a connection the server dropped (restarted, or the
 * session ended by an administrator) is made again first. */
static gboolean
begin (KamShared *self, const char *sql, GError **error)
{
  g_autoptr (GError) first = NULL;

  /* opened from the cache, the server away: connected the first time it answers */
  if (self->connection == NULL
      && (self->connection = _kam_db_connect_with (self->address, self->password, error)) == NULL)
    return FALSE;
  if (PQstatus (self->connection) != CONNECTION_OK)
    PQreset (self->connection);
  if (_kam_db_run (self->connection, sql, &first))
    return TRUE;
  if (PQstatus (self->connection) == CONNECTION_OK)
    {
      g_propagate_error (error, g_steal_pointer (&first));
      return FALSE;
    }
  PQreset (self->connection);
  if (PQstatus (self->connection) != CONNECTION_OK)
    {
      g_autofree char *why = _kam_db_message (PQerrorMessage (self->connection));

      g_set_error (error, KAM_ERROR, KAM_ERROR_SERVER, _ ("The server cannot be reached: %s"), why);
      return FALSE;
    }
  return _kam_db_run (self->connection, sql, error);
}

/* ---- listening ------------------------------------------------------------------- */

gboolean
kam_shared_listen (KamShared *self, GError **error)
{
  if (self->listener == NULL
      && (self->listener = _kam_db_connect_with (self->address, self->password, error)) == NULL)
    return FALSE;
  if (PQstatus (self->listener) != CONNECTION_OK)
    PQreset (self->listener);
  if (!_kam_db_run (self->listener, "LISTEN kamlang", error))
    return FALSE;
  PQsetnonblocking (self->listener, 1);
  return TRUE;
}

int
kam_shared_get_listen_socket (KamShared *self)
{
  return self->listener != NULL && PQstatus (self->listener) == CONNECTION_OK
             ? PQsocket (self->listener)
             : -1;
}

gboolean
kam_shared_heard (KamShared *self)
{
  PGnotify *notice;
  gboolean heard = FALSE;

  if (self->listener == NULL)
    return FALSE;
  if (!PQconsumeInput (self->listener) || PQstatus (self->listener) != CONNECTION_OK)
    {
      /* dropped: listen again; what was missed is for an update */
      PQsetnonblocking (self->listener, 0);
      PQreset (self->listener);
      if (PQstatus (self->listener) == CONNECTION_OK)
        {
          PGresult *result = PQexec (self->listener, "LISTEN kamlang");

          PQclear (result);
          PQsetnonblocking (self->listener, 1);
        }
      return TRUE;
    }
  while ((notice = PQnotifies (self->listener)) != NULL)
    {
      heard = TRUE;
      PQfreemem (notice);
    }
  return heard;
}

/* ---- saving ---------------------------------------------------------------------- */

/* A figure's columns as the statements' parameters $2 … $16 (country, year,
 * indicator, m1 … m8, value, qualifier, source, note); texts in strings. */
typedef struct
{
  const char *values[15];
  char year[16], value[G_ASCII_DTOSTR_BUF_SIZE];
} FigureParams;

static void
figure_params (KamDataset *dataset, const KamFigureRow *row, FigureParams *p)
{
  guint n_dimensions = kam_dataset_get_n_dimensions (dataset);

  p->values[0] = row->country;
  g_snprintf (p->year, sizeof p->year, "%d", row->year);
  p->values[1] = p->year;
  p->values[2] = row->indicator;
  for (guint d = 0; d < KAM_MAX_DIMENSIONS; d++)
    p->values[3 + d] = d < n_dimensions ? kam_dimension_get_member_code (
                           kam_dataset_get_dimension (dataset, d), row->members[d])
                                        : NULL;
  if (kam_value_is_known (row->value))
    {
      g_ascii_dtostr (p->value, sizeof p->value, row->value);
      p->values[11] = p->value;
    }
  else
    p->values[11] = NULL;
  p->values[12] = kam_enum_to_nick (KAM_TYPE_QUALIFIER, row->qualifier);
  p->values[13] = row->source;
  p->values[14] = row->note;
}

/* A statement with parameters whose result may be empty: the result, or NULL
 * with error when the server refused it. */
static PGresult *
run_sql (KamShared *self, const char *sql, int n, const char *const *values, GError **error)
{
  return _kam_db_run_with (self->connection, sql, n, values, error);
}

static KamConflict *
conflict_new (KamConflictKind kind, guint figure)
{
  KamConflict *conflict = g_new0 (KamConflict, 1);

  conflict->kind = kind;
  conflict->figure = figure;
  return conflict;
}

/* One change to send: a figure's or an item's. */
typedef enum
{
  OP_UPDATE,
  OP_INSERT,
  OP_DELETE,
} OpKind;

typedef struct
{
  OpKind kind;
  guint figure; /* a figure's id here, or 0 for an item */
  char *item;   /* an item's "kind\nkey", or NULL */
  char *json;   /* the item's JSON */
  gint64 db_id, version;
  char *params[15]; /* a figure's columns (figure_params) */
  KamFigureRow row; /* the figure as sent (note owned) */
  /* what the server said */
  gboolean done;
  gint64 new_id, new_version;
} Op;

static void
op_free (Op *op)
{
  g_free (op->item);
  g_free (op->json);
  for (guint i = 0; i < G_N_ELEMENTS (op->params); i++)
    g_free (op->params[i]);
  g_free ((char *)op->row.note);
  g_free (op);
}

struct _KamSharedSave
{
  char *description;
  GPtrArray *ops; /* Op: items' inserts and updates, figures', items' deletes */
  guint64 state;  /* the dataset's state when prepared */
  gboolean committed;
  GPtrArray *conflicts; /* KamConflict */
};

void
kam_shared_save_free (KamSharedSave *save)
{
  if (save == NULL)
    return;
  g_free (save->description);
  g_ptr_array_unref (save->ops);
  if (save->conflicts != NULL)
    g_ptr_array_unref (save->conflicts);
  g_free (save);
}

static Op *
figure_op (KamShared *self, OpKind kind, guint figure, const KamFigureRow *row, const Tie *tie)
{
  Op *op = g_new0 (Op, 1);
  FigureParams p;

  op->kind = kind;
  op->figure = figure;
  if (tie != NULL)
    {
      op->db_id = tie->db_id;
      op->version = tie->version;
    }
  if (row != NULL)
    {
      op->row = *row;
      op->row.note = g_strdup (row->note);
      figure_params (self->dataset, row, &p);
      for (guint i = 0; i < G_N_ELEMENTS (op->params); i++)
        op->params[i] = g_strdup (p.values[i]);
    }
  return op;
}

static Op *
item_op (OpKind kind, const char *key, const char *json, const KamDbItem *item)
{
  Op *op = g_new0 (Op, 1);

  op->kind = kind;
  op->item = g_strdup (key);
  op->json = g_strdup (json);
  if (item != NULL)
    {
      op->db_id = item->id;
      op->version = item->version;
    }
  return op;
}

static void
add_figure_op (KamShared *self, guint figure, const KamFigureRow *row, Tie *tie, gpointer data)
{
  GPtrArray **ops = data;
  OpKind kind = row == NULL ? OP_DELETE : tie != NULL ? OP_UPDATE : OP_INSERT;

  g_ptr_array_add (ops[kind == OP_DELETE   ? 0
                       : kind == OP_UPDATE ? 1
                                           : 2],
                   figure_op (self, kind, figure, row, tie));
}

KamSharedSave *
kam_shared_save_prepare (KamShared *self, const char *description)
{
  KamSharedSave *save = g_new0 (KamSharedSave, 1);
  g_autoptr (GHashTable) items = current_items (self);
  GHashTableIter iter;
  gpointer key, value;

  save->description = g_strdup (description != NULL ? description : "");
  save->ops = g_ptr_array_new_with_free_func ((GDestroyNotify)op_free);
  save->state = kam_dataset_get_state (self->dataset);
  /* items first: a new figure may need its new country */
  g_hash_table_iter_init (&iter, items);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      KamDbItem *item = g_hash_table_lookup (self->items, key);

      if (item == NULL || g_strcmp0 (item->json, value) != 0)
        g_ptr_array_add (save->ops,
                         item_op (item != NULL ? OP_UPDATE : OP_INSERT, key, value, item));
    }
  {
    /* deleted figures first (a figure added again with the same key is
     * then no conflict), then changed, then added */
    GPtrArray *ops[3] = { g_ptr_array_new (), g_ptr_array_new (), g_ptr_array_new () };

    foreach_changed_figure (self, add_figure_op, ops);
    for (guint k = 0; k < 3; k++)
      {
        for (guint i = 0; i < ops[k]->len; i++)
          g_ptr_array_add (save->ops, g_ptr_array_index (ops[k], i));
        g_ptr_array_unref (ops[k]);
      }
  }
  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (items, key))
      g_ptr_array_add (save->ops, item_op (OP_DELETE, key, NULL, value));
  return save;
}

guint
kam_shared_save_get_n_changes (KamSharedSave *save)
{
  return save->ops->len;
}

/* Sends one change; FALSE when the server refused it (error), TRUE
 * otherwise, op->done saying whether it was made (else: a conflict). */
static gboolean
send_op (KamShared *self, Op *op, GError **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, op->db_id);
  g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT, op->version);
  const char *values[17];
  PGresult *result = NULL;

  if (op->item != NULL && is_settings (op->item))
    {
      /* (the one row, always there) */
      values[0] = version;
      values[1] = op->json;
      result = run_sql (self,
                        "UPDATE kamlang.dataset SET settings = $2::json, version = version + 1"
                        " WHERE id = 1 AND version = $1::bigint RETURNING id, version",
                        2, values, error);
    }
  else if (op->item != NULL)
    {
      g_auto (GStrv) parts = g_strsplit (op->item, "\n", 2);

      if (op->kind == OP_UPDATE)
        {
          values[0] = id;
          values[1] = version;
          values[2] = op->json;
          result = run_sql (self,
                            "UPDATE kamlang.items SET item = $3::json, version = version + 1"
                            " WHERE id = $1::bigint AND version = $2::bigint RETURNING id, version",
                            3, values, error);
        }
      else if (op->kind == OP_INSERT)
        {
          values[0] = parts[0];
          values[1] = parts[1][0] == '#' ? NULL : parts[1];
          values[2] = op->json;
          result = run_sql (self,
                            "INSERT INTO kamlang.items (kind, key, position, item)"
                            " SELECT $1, $2, coalesce (max (position) + 1, 0), $3::json FROM "
                            "kamlang.items WHERE kind = $1"
                            " ON CONFLICT DO NOTHING RETURNING id, version",
                            3, values, error);
        }
      else
        {
          values[0] = id;
          values[1] = version;
          result = run_sql (self,
                            "DELETE FROM kamlang.items WHERE id = $1::bigint AND version = "
                            "$2::bigint RETURNING id, version",
                            2, values, error);
        }
    }
  else if (op->kind == OP_UPDATE)
    {
      values[0] = id;
      for (guint i = 0; i < 15; i++)
        values[1 + i] = op->params[i];
      values[16] = version;
      result = run_sql (
          self,
          "UPDATE kamlang.figures SET country = $2, year = $3::integer, indicator = $4, m1 = $5, "
          "m2 = $6,"
          " m3 = $7, m4 = $8, m5 = $9, m6 = $10, m7 = $11, m8 = $12, value = $13::double precision,"
          " qualifier = $14, source = $15, note = $16, version = version + 1"
          " WHERE id = $1::bigint AND version = $17::bigint RETURNING id, version",
          17, values, error);
    }
  else if (op->kind == OP_INSERT)
    result = run_sql (
        self,
        "INSERT INTO kamlang.figures (country, year, indicator, m1, m2, m3, m4, m5, m6, m7, m8, "
        "value,"
        " qualifier, source, note) VALUES ($1, $2::integer, $3, $4, $5, $6, $7, $8, $9, $10, $11,"
        " $12::double precision, $13, $14, $15) ON CONFLICT DO NOTHING RETURNING id, version",
        15, (const char *const *)op->params, error);
  else
    {
      values[0] = id;
      values[1] = version;
      result = run_sql (self,
                        "DELETE FROM kamlang.figures WHERE id = $1::bigint AND version = "
                        "$2::bigint RETURNING id, version",
                        2, values, error);
    }
  if (result == NULL)
    return FALSE;
  op->done = PQntuples (result) > 0;
  if (op->done)
    {
      op->new_id = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
      op->new_version = g_ascii_strtoll (PQgetvalue (result, 0, 1), NULL, 10);
    }
  PQclear (result);
  return TRUE;
}

/* Who made the last change of a row of the server's (what: "figures",
 * "items", "dataset"), and when: into the conflict. */
static void
last_change (KamShared *self, const char *what, const char *row_id, KamConflict *c)
{
  const char *values[2] = { what, row_id };
  PGresult *result = run_sql (self,
                              "SELECT who, to_char (at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM"
                              " kamlang.history WHERE what = $1 AND row_id = $2::bigint ORDER BY id DESC LIMIT 1",
                              2, values, NULL);

  if (result != NULL && PQntuples (result) == 1)
    {
      c->who = g_strdup (PQgetvalue (result, 0, 0));
      c->when = g_strdup (PQgetvalue (result, 0, 1));
    }
  g_clear_pointer (&result, PQclear);
}

/* What the server has now of a conflict's figure, and who last changed it,
 * when. */
static void
describe_conflict (KamShared *self, const Op *op, KamConflict *c)
{
  g_autofree char *id = NULL;
  PGresult *result = NULL;

  if (op->item != NULL)
    {
      g_auto (GStrv) parts = g_strsplit (op->item, "\n", 2);
      g_autofree char *db_id = g_strdup_printf ("%" G_GINT64_FORMAT, op->db_id);
      const char *values[3] = { db_id, parts[0], parts[1] != NULL && parts[1][0] != '#' ? parts[1] : NULL };
      const char *what = is_settings (op->item) ? "dataset" : "items";

      /* theirs: the row as the server has it (as its history writes it) */
      result = is_settings (op->item)
                 ? run_sql (self, "SELECT to_json (d)::text, version, id FROM kamlang.dataset d", 0, NULL, NULL)
                 : run_sql (self,
                            "SELECT to_json (i)::text, version, id FROM kamlang.items i WHERE id = $1::bigint"
                            " OR (kind = $2 AND key = $3)",
                            3, values, NULL);
      if (result != NULL && PQntuples (result) == 1)
        {
          c->theirs = g_strdup (PQgetvalue (result, 0, 0));
          c->their_version = g_ascii_strtoll (PQgetvalue (result, 0, 1), NULL, 10);
          id = g_strdup (PQgetvalue (result, 0, 2));
        }
      g_clear_pointer (&result, PQclear);
      /* who and when: the last change of that row (or its deletion) */
      last_change (self, what, id != NULL ? id : db_id, c);
      return;
    }
  if (op->kind == OP_INSERT)
    {
      /* theirs: the figure of the same key */
      const char *values[12] = { op->params[0], op->params[1], op->params[2],  op->params[3],
                                 op->params[4], op->params[5], op->params[6],  op->params[7],
                                 op->params[8], op->params[9], op->params[10], op->params[13] };

      result = run_sql (self,
                        "SELECT id::text FROM kamlang.figures WHERE country IS NOT DISTINCT FROM $1"
                        " AND year = $2::integer AND indicator = $3 AND m1 IS NOT DISTINCT FROM $4"
                        " AND m2 IS NOT DISTINCT FROM $5 AND m3 IS NOT DISTINCT FROM $6 AND m4 IS "
                        "NOT DISTINCT FROM $7"
                        " AND m5 IS NOT DISTINCT FROM $8 AND m6 IS NOT DISTINCT FROM $9 AND m7 IS "
                        "NOT DISTINCT FROM $10"
                        " AND m8 IS NOT DISTINCT FROM $11 AND source IS NOT DISTINCT FROM $12",
                        12, values, NULL);
      if (result != NULL && PQntuples (result) == 1)
        id = g_strdup (PQgetvalue (result, 0, 0));
      g_clear_pointer (&result, PQclear);
    }
  else
    id = g_strdup_printf ("%" G_GINT64_FORMAT, op->db_id);
  if (id != NULL)
    {
      const char *values[1] = { id };

      result = run_sql (
          self, "SELECT to_json (f)::text, version FROM kamlang.figures f WHERE id = $1::bigint", 1,
          values, NULL);
      if (result != NULL && PQntuples (result) == 1)
        {
          c->theirs = g_strdup (PQgetvalue (result, 0, 0));
          c->their_version = g_ascii_strtoll (PQgetvalue (result, 0, 1), NULL, 10);
        }
      g_clear_pointer (&result, PQclear);
      last_change (self, "figures", id, c);
    }
}

#define BULK_FROM 64

/* Changed figures sent by COPY to a temporary table, then one UPDATE where
 * the server still has the version read; each op done or not, as
 * send_op() would. */
static gboolean
send_updates_in_bulk (KamShared *self, GPtrArray *ops, GError **error)
{
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GString) chunk = g_string_sized_new (1 << 20);
  g_autofree char *why = NULL;
  PGresult *result;
  gboolean ok;

  if (!_kam_db_run (self->connection,
                    "CREATE TEMP TABLE kam_changes (id bigint, version bigint, country text, year "
                    "integer, indicator text,"
                    " m1 text, m2 text, m3 text, m4 text, m5 text, m6 text, m7 text, m8 text, "
                    "value double precision,"
                    " qualifier text, source text, note text) ON COMMIT DROP",
                    error))
    return FALSE;
  result = PQexec (self->connection, "COPY kam_changes FROM STDIN");
  ok = PQresultStatus (result) == PGRES_COPY_IN;
  PQclear (result);
  for (guint i = 0; ok && i < ops->len; i++)
    {
      Op *op = g_ptr_array_index (ops, i);

      g_hash_table_insert (by_id, &op->db_id, op);
      g_string_append_printf (chunk, "%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT, op->db_id,
                              op->version);
      for (guint f = 0; f < G_N_ELEMENTS (op->params); f++)
        {
          g_string_append_c (chunk, '\t');
          kam_copy_append_text (chunk, op->params[f]);
        }
      g_string_append_c (chunk, '\n');
      if (chunk->len > (1 << 20) || i + 1 == ops->len)
        {
          ok = PQputCopyData (self->connection, chunk->str, (int)chunk->len) == 1;
          g_string_truncate (chunk, 0);
        }
    }
  if (PQputCopyEnd (self->connection, ok ? NULL : "stopped") != 1)
    ok = FALSE;
  while ((result = PQgetResult (self->connection)) != NULL)
    {
      if (PQresultStatus (result) != PGRES_COMMAND_OK && why == NULL)
        why = _kam_db_message (PQresultErrorMessage (result));
      PQclear (result);
    }
  if (!ok || why != NULL)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_SERVER, _ ("The server refused: %s"),
                   why ? why : _kam_db_message (PQerrorMessage (self->connection)));
      return FALSE;
    }
  result = run_sql (
      self,
      "UPDATE kamlang.figures f SET country = c.country, year = c.year, indicator = c.indicator,"
      " m1 = c.m1, m2 = c.m2, m3 = c.m3, m4 = c.m4, m5 = c.m5, m6 = c.m6, m7 = c.m7, m8 = c.m8,"
      " value = c.value, qualifier = c.qualifier, source = c.source, note = c.note, version = "
      "f.version + 1"
      " FROM kam_changes c WHERE f.id = c.id AND f.version = c.version RETURNING f.id, f.version",
      0, NULL, error);
  if (result == NULL)
    return FALSE;
  for (int r = 0; r < PQntuples (result); r++)
    {
      gint64 id = g_ascii_strtoll (PQgetvalue (result, r, 0), NULL, 10);
      Op *op = g_hash_table_lookup (by_id, &id);

      if (op == NULL)
        continue;
      op->done = TRUE;
      op->new_id = id;
      op->new_version = g_ascii_strtoll (PQgetvalue (result, r, 1), NULL, 10);
    }
  PQclear (result);
  return TRUE;
}

gboolean
kam_shared_save_send (KamShared *self, KamSharedSave *save, GError **error)
{
  const char *values[1] = { save->description };
  PGresult *result;

  if (save->ops->len == 0)
    {
      save->committed = TRUE;
      return TRUE;
    }
  if (!begin (self, "BEGIN", error))
    return FALSE;
  if ((result
       = run_sql (self, "SELECT set_config ('kamlang.description', $1, true)", 1, values, error))
      == NULL)
    goto fail;
  PQclear (result);
  save->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify)kam_conflict_free);
  {
    /* many changed figures: in one statement (a mass edit of 10^5 figures
     * would otherwise be 10^5 round trips) */
    g_autoptr (GPtrArray) bulk = g_ptr_array_new ();

    for (guint i = 0; i < save->ops->len; i++)
      {
        Op *op = g_ptr_array_index (save->ops, i);

        if (op->item == NULL && op->kind == OP_UPDATE)
          g_ptr_array_add (bulk, op);
      }
    if (bulk->len < BULK_FROM)
      g_ptr_array_set_size (bulk, 0);
    for (guint i = 0; i < save->ops->len; i++)
      {
        Op *op = g_ptr_array_index (save->ops, i);

        if (bulk->len > 0 && op->item == NULL && op->kind == OP_UPDATE)
          continue;
        if (!send_op (self, op, error))
          goto fail;
      }
    if (bulk->len > 0 && !send_updates_in_bulk (self, bulk, error))
      goto fail;
  }
  for (guint i = 0; i < save->ops->len; i++)
    {
      Op *op = g_ptr_array_index (save->ops, i);

      if (!op->done)
        {
          KamConflict *c = conflict_new (
              op->kind == OP_INSERT ? KAM_CONFLICT_ADDED : KAM_CONFLICT_CHANGED, op->figure);

          if (op->item != NULL)
            {
              g_auto (GStrv) parts = g_strsplit (op->item, "\n", 2);

              c->item_kind = g_strdup (parts[0]);
              c->item_key = g_strdup (parts[1]);
            }
          g_ptr_array_add (save->conflicts, c);
        }
    }
  if (save->conflicts->len > 0)
    {
      /* nothing of it: the user settles each conflict first */
      guint k = 0;
      g_autoptr (GString) refused = g_string_new (NULL);

      _kam_db_rollback (self->connection);
      for (guint i = 0; i < save->ops->len; i++)
        {
          Op *op = g_ptr_array_index (save->ops, i);
          KamConflict *c;

          if (op->done)
            continue;
          c = g_ptr_array_index (save->conflicts, k++);
          describe_conflict (self, op, c);
          if (c->kind == KAM_CONFLICT_CHANGED && c->theirs == NULL)
            c->kind = KAM_CONFLICT_DELETED;
          /* the server has it as read: not someone else's change, but a
           * figure this role may not change (row-level security) */
          if (op->item == NULL && op->kind != OP_INSERT && c->theirs != NULL
              && c->their_version == op->version && refused->len < 1000)
            g_string_append_printf (refused, "%s%s %s %s", refused->len ? ", " : "",
                                    op->row.country ? op->row.country : "",
                                    op->params[1] ? op->params[1] : "",
                                    op->row.indicator ? op->row.indicator : "");
        }
      if (refused->len > 0)
        {
          g_clear_pointer (&save->conflicts, g_ptr_array_unref);
          g_set_error (error, KAM_ERROR, KAM_ERROR_SERVER,
                       _ ("The server does not let you change these figures (your role may change "
                          "others): %s."),
                       refused->str);
          return FALSE;
        }
      g_set_error (
          error, KAM_ERROR, KAM_ERROR_CHANGED_ON_DISK,
          g_dngettext (GETTEXT_PACKAGE,
                       "Someone else changed %u of these since you opened them; nothing was saved.",
                       "Someone else changed %u of these since you opened them; nothing was saved.",
                       save->conflicts->len),
          save->conflicts->len);
      return FALSE;
    }
  if (!_kam_db_run (self->connection, "COMMIT", error))
    goto fail;
  save->committed = TRUE;
  return TRUE;

fail:
  _kam_db_rollback (self->connection);
  return FALSE;
}

GPtrArray *
kam_shared_save_finish (KamShared *self, KamSharedSave *save)
{
  if (!save->committed)
    return save->conflicts != NULL ? g_ptr_array_ref (save->conflicts) : NULL;
  /* saved: what was sent is the base of every change */
  for (guint i = 0; i < save->ops->len; i++)
    {
      Op *op = g_ptr_array_index (save->ops, i);

      if (op->item != NULL)
        {
          KamDbItem *item = g_hash_table_lookup (self->items, op->item);

          if (op->kind == OP_DELETE)
            {
              g_hash_table_remove (self->items, op->item);
              continue;
            }
          if (item == NULL)
            {
              g_auto (GStrv) parts = g_strsplit (op->item, "\n", 2);

              item = g_new0 (KamDbItem, 1);
              item->kind = g_strdup (parts[0]);
              item->key = parts[1][0] == '#' ? NULL : g_strdup (parts[1]);
              g_hash_table_insert (self->items, g_strdup (op->item), item);
            }
          g_free (item->json);
          item->json = g_strdup (op->json);
          item->id = op->new_id;
          item->version = op->new_version;
          continue;
        }
      untie_figure (self, op->figure);
      if (op->kind != OP_DELETE)
        tie_figure (self, op->figure, op->new_id, op->new_version, &op->row);
    }
  kam_dataset_mark_saved_state (self->dataset, save->state);
  return NULL;
}

gboolean
kam_shared_save (KamShared *self, const char *description, GPtrArray **conflicts_out,
                 GError **error)
{
  g_autoptr (KamSharedSave) save = kam_shared_save_prepare (self, description);
  gboolean ok = kam_shared_save_send (self, save, error);
  GPtrArray *conflicts = kam_shared_save_finish (self, save);

  if (conflicts_out != NULL)
    *conflicts_out = conflicts;
  else if (conflicts != NULL)
    g_ptr_array_unref (conflicts);
  return ok;
}

/* ---- others' changes ------------------------------------------------------------- */

/* A figure's row as the server's to_json () writes it, as a row here;
 * FALSE when it names what this dataset does not have. */
static const char *const member_columns[KAM_MAX_DIMENSIONS]
    = { "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8" };

/* A figure's row as a JSON object of the server's columns (country, year,
 * indicator, m1 … m8, value, qualifier, source, note): its note borrowed
 * from the object. FALSE when it names a member this dataset does not have. */
static gboolean
row_from_object (KamDataset *dataset, JsonObject *o, KamFigureRow *row)
{
  int qualifier = 0;

  memset (row, 0, sizeof *row);
  row->country = json_object_get_string_member_with_default (o, "country", NULL);
  row->country = row->country ? g_intern_string (row->country) : NULL;
  row->year = (int)json_object_get_int_member_with_default (o, "year", 0);
  row->indicator
      = g_intern_string (json_object_get_string_member_with_default (o, "indicator", ""));
  row->source = json_object_get_string_member_with_default (o, "source", NULL);
  row->source = row->source ? g_intern_string (row->source) : NULL;
  row->note = json_object_get_string_member_with_default (o, "note", NULL);
  row->value = json_object_has_member (o, "value") && !json_object_get_null_member (o, "value")
                   ? json_object_get_double_member (o, "value")
                   : KAM_VALUE_UNKNOWN;
  kam_enum_from_nick (KAM_TYPE_QUALIFIER,
                      json_object_get_string_member_with_default (o, "qualifier", "exact"),
                      &qualifier);
  row->qualifier = qualifier;
  for (guint d = 0; d < kam_dataset_get_n_dimensions (dataset) && d < KAM_MAX_DIMENSIONS; d++)
    {
      const char *code = json_object_get_string_member_with_default (o, member_columns[d], NULL);
      int m = code ? kam_dimension_find_code (kam_dataset_get_dimension (dataset, d), code) : 0;

      if (m < 0)
        return FALSE;
      row->members[d] = (guint16)m;
    }
  return TRUE;
}

/* A figure's row as the server's to_json () writes it, as a row here (its
 * note owned); FALSE when it names what this dataset does not have. */
static gboolean
row_from_json (KamDataset *dataset, const char *json, KamFigureRow *row, gint64 *db_id,
               gint64 *version)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  JsonObject *o;

  memset (row, 0, sizeof *row);
  if (!json_parser_load_from_data (parser, json, -1, NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return FALSE;
  o = json_node_get_object (json_parser_get_root (parser));
  *db_id = json_object_get_int_member_with_default (o, "id", 0);
  *version = json_object_get_int_member_with_default (o, "version", 0);
  if (!row_from_object (dataset, o, row))
    return FALSE;
  row->note = g_strdup (row->note);
  return TRUE;
}

/* Makes figure here the row (not a step to undo). */
static gboolean
apply_row (KamShared *self, guint figure, const KamFigureRow *row, GError **error)
{
  static const KamFigureField fields[]
      = { KAM_FIGURE_FIELD_COUNTRY, KAM_FIGURE_FIELD_YEAR,   KAM_FIGURE_FIELD_INDICATOR,
          KAM_FIGURE_FIELD_SOURCE,  KAM_FIGURE_FIELD_VALUE,  KAM_FIGURE_FIELD_QUALIFIER,
          KAM_FIGURE_FIELD_NOTE,    KAM_FIGURE_FIELD_MEMBERS };
  gboolean ok = TRUE;

  kam_dataset_begin_unrecorded (self->dataset);
  for (guint f = 0; f < G_N_ELEMENTS (fields) && ok; f++)
    ok = kam_dataset_set_figure_field (self->dataset, figure, fields[f], row, error);
  kam_dataset_end_unrecorded (self->dataset);
  return ok;
}

/* An item's change: the row as after it (new), or as before it (deleted). */
typedef struct
{
  char *row;
  gboolean deleted;
} ItemChange;

static guint apply_items (KamShared *self, ItemChange **changes, guint n, gboolean force);

void
kam_shared_keep_mine (KamShared *self, const KamConflict *conflict)
{
  Tie view, *tie = conflict->figure ? find_tie (self, conflict->figure, &view) : NULL;
  KamFigureRow theirs;
  gint64 db_id = 0, version = 0;

  if (conflict->figure == 0)
    {
      g_autofree char *key = item_key (conflict->item_kind, conflict->item_key, 0);
      KamDbItem *item = g_hash_table_lookup (self->items, key);

      if (item != NULL && conflict->their_version > 0)
        item->version = conflict->their_version;
      else if (item != NULL)
        g_hash_table_remove (self->items, key);
      return;
    }
  if (conflict->theirs == NULL
      || !row_from_json (self->dataset, conflict->theirs, &theirs, &db_id, &version))
    {
      /* they deleted it: mine is added again */
      untie_figure (self, conflict->figure);
      return;
    }
  /* the next save overwrites theirs: mine is a change of theirs */
  if (tie != NULL)
    untie_figure (self, conflict->figure);
  tie_figure (self, conflict->figure, db_id, version, &theirs);
  g_free ((char *)theirs.note);
}

gboolean
kam_shared_take_theirs (KamShared *self, const KamConflict *conflict, GError **error)
{
  KamFigureRow theirs;
  gint64 db_id = 0, version = 0;
  gboolean ok;

  if (conflict->figure == 0)
    {
      /* an item: theirs here, over what was done here */
      g_autofree char *gone = NULL;
      ItemChange change = { conflict->theirs, conflict->theirs == NULL }, *changes[1] = { &change };

      if (conflict->theirs == NULL)
        {
          g_autoptr (JsonBuilder) b = json_builder_new ();
          g_autoptr (JsonNode) node = NULL;

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "kind");
          json_builder_add_string_value (b, conflict->item_kind);
          json_builder_set_member_name (b, "key");
          json_builder_add_string_value (b, conflict->item_key);
          json_builder_set_member_name (b, "item");
          json_builder_begin_object (b);
          json_builder_end_object (b);
          json_builder_end_object (b);
          node = json_builder_get_root (b);
          change.row = gone = json_to_string (node, FALSE);
        }
      apply_items (self, changes, 1, TRUE);
      return TRUE;
    }
  if (conflict->theirs == NULL)
    {
      guint id = conflict->figure;

      untie_figure (self, conflict->figure);
      kam_dataset_begin_unrecorded (self->dataset);
      kam_dataset_remove_figures (self->dataset, &id, 1, NULL);
      kam_dataset_end_unrecorded (self->dataset);
      return TRUE;
    }
  if (!row_from_json (self->dataset, conflict->theirs, &theirs, &db_id, &version))
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_NOT_FOUND,
                   _ ("Their figure names what this dataset does not have yet."));
      return FALSE;
    }
  ok = apply_row (self, conflict->figure, &theirs, error);
  if (ok)
    {
      untie_figure (self, conflict->figure);
      tie_figure (self, conflict->figure, db_id, version, &theirs);
    }
  g_free ((char *)theirs.note);
  return ok;
}

/* Others' changes, as read from the server (in a thread), to apply here
 * (in the dataset's thread). */
struct _KamSharedUpdate
{
  char *snapshot;
  GPtrArray *items;    /* ItemChange, in the order of their changes */
  GHashTable *figures; /* server id (gint64 *) → the row's JSON, NULL when deleted */
  GArray *order;       /* gint64: the server ids, in the order of their changes */
  char *who;           /* the last change's role and description */
  char *description;
};


static void
item_change_free (ItemChange *change)
{
  g_free (change->row);
  g_free (change);
}

void
kam_shared_update_free (KamSharedUpdate *update)
{
  if (update == NULL)
    return;
  g_ptr_array_unref (update->items);
  g_free (update->snapshot);
  g_hash_table_unref (update->figures);
  g_array_unref (update->order);
  g_free (update->who);
  g_free (update->description);
  g_free (update);
}

KamSharedUpdate *
kam_shared_update_fetch (KamShared *self, const char *since, GError **error)
{
  KamSharedUpdate *update;
  const char *values[1];
  PGresult *result;

  if (!begin (self, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", error))
    return NULL;
  update = g_new0 (KamSharedUpdate, 1);
  update->figures = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  update->order = g_array_new (FALSE, FALSE, sizeof (gint64));
  update->items = g_ptr_array_new_with_free_func ((GDestroyNotify)item_change_free);
  /* the snapshot of this read first; then the changes of the transactions
   * the last read did not see and this one does (committed since, whatever
   * numbers they took) */
  if ((result = run_sql (self, "SELECT pg_current_snapshot ()::text", 0, NULL, error)) == NULL)
    goto fail;
  update->snapshot = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  values[0] = since;
  /* the items' changes (countries, sources …): a new figure may need one */
  result = run_sql (
      self,
      "SELECT coalesce (new, old)::text, new IS NULL FROM kamlang.history WHERE what IN ('items', 'dataset')"
      " AND tx >= pg_snapshot_xmin ($1::pg_snapshot) AND NOT pg_visible_in_snapshot (tx, "
      "$1::pg_snapshot)"
      " ORDER BY id",
      1, values, error);
  if (result == NULL)
    goto fail;
  for (int i = 0; i < PQntuples (result); i++)
    {
      ItemChange *change = g_new0 (ItemChange, 1);

      change->row = g_strdup (PQgetvalue (result, i, 0));
      change->deleted = g_str_equal (PQgetvalue (result, i, 1), "t");
      g_ptr_array_add (update->items, change);
    }
  PQclear (result);
  result = run_sql (
      self,
      "SELECT row_id, new::text, who, description FROM kamlang.history WHERE what = 'figures'"
      " AND tx >= pg_snapshot_xmin ($1::pg_snapshot) AND NOT pg_visible_in_snapshot (tx, "
      "$1::pg_snapshot)"
      " ORDER BY id",
      1, values, error);
  if (result == NULL)
    goto fail;
  for (int i = 0; i < PQntuples (result); i++)
    {
      gint64 id = g_ascii_strtoll (PQgetvalue (result, i, 0), NULL, 10);

      if (!g_hash_table_contains (update->figures, &id))
        g_array_append_val (update->order, id);
      g_hash_table_replace (update->figures, int64_key (id),
                            PQgetisnull (result, i, 1) ? NULL
                                                       : g_strdup (PQgetvalue (result, i, 1)));
      g_free (update->who);
      g_free (update->description);
      update->who = g_strdup (PQgetvalue (result, i, 2));
      update->description
          = PQgetisnull (result, i, 3) ? NULL : g_strdup (PQgetvalue (result, i, 3));
    }
  PQclear (result);
  _kam_db_rollback (self->connection);
  return update;

fail:
  _kam_db_rollback (self->connection);
  kam_shared_update_free (update);
  return NULL;
}

const char *
kam_shared_get_snapshot (KamShared *self)
{
  return self->snapshot;
}

const char *
kam_shared_update_get_who (KamSharedUpdate *update)
{
  return update->who;
}

/* A country, indicator or source made from (or brought to) its JSON object:
 * each of its members the property of that name. */
static void
set_item_props (KamShared *self, GObject *object, JsonObject *o, gboolean recorded)
{
  g_autoptr (GList) members = json_object_get_members (o);

  for (GList *m = members; m != NULL; m = m->next)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), m->data);
      JsonNode *node = json_object_get_member (o, m->data);
      g_auto (GValue) value = G_VALUE_INIT;
      int nick = 0;

      if (pspec == NULL || (pspec->flags & G_PARAM_CONSTRUCT_ONLY)
          || !(pspec->flags & G_PARAM_WRITABLE))
        continue;
      g_value_init (&value, pspec->value_type);
      if (G_IS_PARAM_SPEC_STRING (pspec))
        g_value_set_string (&value,
                            JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL);
      else if (G_IS_PARAM_SPEC_ENUM (pspec) && JSON_NODE_HOLDS_VALUE (node)
               && kam_enum_from_nick (pspec->value_type, json_node_get_string (node), &nick))
        g_value_set_enum (&value, nick);
      else
        continue;
      if (recorded)
        kam_dataset_set_item_property (self->dataset, object, pspec->name, &value, NULL);
      else
        g_object_set_property (object, pspec->name, &value);
    }
}

/* A breakdown as theirs: its names, its members' names, and the members
 * added there (a member or breakdown deleted there stays here until the
 * dataset is opened again: figures may name it). */
static void
apply_dimension (KamShared *self, KamDimension *dimension, const char *id, JsonObject *item)
{
  JsonArray *members = json_object_get_array_member (item, "members");

  if (dimension == NULL)
    {
      g_autoptr (KamDimension) added = kam_dimension_new (id, json_object_get_string_member_with_default (item, "name", NULL),
                                                          json_object_get_string_member_with_default (item, "name-km", NULL));

      for (guint i = 0; members != NULL && i < json_array_get_length (members); i++)
        {
          JsonObject *m = json_array_get_object_element (members, i);
          const char *code = m ? json_object_get_string_member_with_default (m, "code", NULL) : NULL;

          if (code != NULL && kam_member_code_is_valid (code) && kam_dimension_find_code (added, code) < 0)
            kam_dimension_append_member (added, code, json_object_get_string_member_with_default (m, "name", NULL),
                                         json_object_get_string_member_with_default (m, "name-km", NULL));
        }
      if (kam_dimension_get_n_members (added) > 0)
        kam_dataset_add_dimension (self->dataset, added, NULL);
      return;
    }
  set_item_props (self, G_OBJECT (dimension), item, TRUE);
  for (guint i = 0; members != NULL && i < json_array_get_length (members); i++)
    {
      JsonObject *m = json_array_get_object_element (members, i);
      const char *code = m ? json_object_get_string_member_with_default (m, "code", NULL) : NULL;
      int at = code ? kam_dimension_find_code (dimension, code) : -1;

      if (code == NULL)
        continue;
      if (at >= 0)
        set_item_props (self, G_OBJECT (kam_dimension_get_member (dimension, (guint) at)), m, TRUE);
      else
        kam_dataset_add_member (self->dataset, dimension, code, json_object_get_string_member_with_default (m, "name", NULL),
                                json_object_get_string_member_with_default (m, "name-km", NULL), NULL);
    }
}

/* Applies an item's change saved elsewhere, unless it was changed here too
 * (or whatever was done here: force); TRUE when applied. */
static gboolean
apply_item (KamShared *self, const ItemChange *change, GHashTable *here, GPtrArray *applied, gboolean force)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  GListModel *agreements = kam_dataset_get_agreements (self->dataset);
  JsonObject *row, *item;
  JsonNode *item_node;
  const char *kind, *key;
  g_autofree char *whole_key = NULL, *item_text = NULL;
  g_autoptr (GObject) agreement = NULL;
  KamDbItem *base;
  GObject *object = NULL;
  gint64 version, id, position;

  if (!json_parser_load_from_data (parser, change->row, -1, NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return FALSE;
  row = json_node_get_object (json_parser_get_root (parser));
  kind = json_object_get_string_member_with_default (row, "kind", "");
  key = json_object_get_string_member_with_default (row, "key", NULL);
  version = json_object_get_int_member_with_default (row, "version", 0);
  id = json_object_get_int_member_with_default (row, "id", 0);
  position = json_object_get_int_member_with_default (row, "position", -1);
  item_node = json_object_get_member (row, "item");
  if (json_object_has_member (row, "settings"))
    {
      /* the dataset's own row: its title … */
      kind = "dataset";
      key = "settings";
      item_node = json_object_get_member (row, "settings");
    }
  if (item_node == NULL || !JSON_NODE_HOLDS_OBJECT (item_node) || (key == NULL && !g_str_equal (kind, "agreements"))
      || (key == NULL && (position < 0 || position > G_MAXINT)))
    return FALSE;
  item = json_node_get_object (item_node);
  /* (agreements have no key: their place in the list) */
  whole_key = item_key (kind, key, (guint) MAX (position, 0));
  base = g_hash_table_lookup (self->items, whole_key);
  if (!force && base != NULL && base->version >= version && !change->deleted)
    return FALSE; /* (seen: this window's own save) */
  /* changed here too: this window's stays on top */
  if (!force && base != NULL && g_strcmp0 (g_hash_table_lookup (here, whole_key), base->json) != 0)
    return FALSE;
  if (g_str_equal (kind, "dataset"))
    object = G_OBJECT (self->dataset);
  else if (g_str_equal (kind, "countries"))
    object = (GObject *) kam_dataset_lookup_country (self->dataset, key);
  else if (g_str_equal (kind, "indicators"))
    object = (GObject *) kam_dataset_lookup_indicator (self->dataset, key);
  else if (g_str_equal (kind, "sources"))
    object = (GObject *) kam_dataset_lookup_source (self->dataset, key);
  else if (g_str_equal (kind, "dimensions"))
    {
      int d = kam_dataset_find_dimension (self->dataset, key);

      object = d >= 0 ? G_OBJECT (kam_dataset_get_dimension (self->dataset, (guint) d)) : NULL;
      if (change->deleted)
        return FALSE; /* (figures may name its members: when opened again) */
    }
  else if (g_str_equal (kind, "agreements"))
    {
      guint n = g_list_model_get_n_items (agreements);

      /* by place: one changed, one added at the end, the last deleted (one
       * deleted before others moves them: when opened again) */
      if ((guint) position > n || (change->deleted && (guint) position + 1 != n))
        return FALSE;
      object = agreement = (guint) position < n ? g_list_model_get_item (agreements, (guint) position) : NULL;
    }
  else
    return FALSE;
  item_text = json_to_string (item_node, FALSE);
  kam_dataset_begin_unrecorded (self->dataset);
  if (change->deleted)
    {
      if (object != NULL)
        {
          if (KAM_IS_COUNTRY (object))
            kam_dataset_remove_country (self->dataset, KAM_COUNTRY (object), FALSE, NULL);
          else if (KAM_IS_INDICATOR (object))
            kam_dataset_remove_indicator (self->dataset, KAM_INDICATOR (object), FALSE, NULL);
          else if (KAM_IS_SOURCE (object))
            kam_dataset_remove_source (self->dataset, KAM_SOURCE (object), FALSE, NULL);
          else if (KAM_IS_AGREEMENT (object))
            kam_dataset_remove_agreement (self->dataset, KAM_AGREEMENT (object));
        }
      g_hash_table_remove (self->items, whole_key);
    }
  else if (g_str_equal (kind, "dimensions"))
    apply_dimension (self, object ? KAM_DIMENSION (object) : NULL, key, item);
  else if (object != NULL)
    set_item_props (self, object, item, TRUE);
  else
    {
      g_autoptr (GObject) added = g_str_equal (kind, "countries")    ? G_OBJECT (kam_country_new (key))
                                  : g_str_equal (kind, "indicators") ? G_OBJECT (kam_indicator_new (key))
                                  : g_str_equal (kind, "sources")    ? G_OBJECT (kam_source_new (key))
                                                                     : G_OBJECT (kam_agreement_new ());

      set_item_props (self, added, item, FALSE);
      if (KAM_IS_COUNTRY (added))
        kam_dataset_add_country (self->dataset, KAM_COUNTRY (added), NULL);
      else if (KAM_IS_INDICATOR (added))
        kam_dataset_add_indicator (self->dataset, KAM_INDICATOR (added), NULL);
      else if (KAM_IS_SOURCE (added))
        kam_dataset_add_source (self->dataset, KAM_SOURCE (added), NULL);
      else
        kam_dataset_add_agreement (self->dataset, KAM_AGREEMENT (added), NULL);
    }
  kam_dataset_end_unrecorded (self->dataset);
  if (!change->deleted)
    {
      if (base == NULL)
        {
          base = g_new0 (KamDbItem, 1);
          base->kind = g_strdup (kind);
          base->key = g_strdup (key);
          g_hash_table_insert (self->items, g_strdup (whole_key), base);
        }
      /* (as the server has it; as this window writes it once all are in) */
      g_free (base->json);
      base->json = g_steal_pointer (&item_text);
      base->version = version;
      base->id = id;
      g_ptr_array_add (applied, g_steal_pointer (&whole_key));
    }
  return TRUE;
}

/* Applies items' changes (apply_item ()); how many were applied. */
static guint
apply_items (KamShared *self, ItemChange **changes, guint n, gboolean force)
{
  g_autoptr (GHashTable) here = current_items (self);
  g_autoptr (GPtrArray) applied = g_ptr_array_new_with_free_func (g_free);
  guint changed = 0;

  for (guint i = 0; i < n; i++)
    changed += apply_item (self, changes[i], here, applied, force);
  if (applied->len > 0)
    {
      /* the items taken, as this window writes them (its own next save
       * compares so): the lists written once for all of them */
      g_autoptr (GHashTable) now = current_items (self);

      for (guint i = 0; i < applied->len; i++)
        {
          KamDbItem *base = g_hash_table_lookup (self->items, g_ptr_array_index (applied, i));
          const char *json = g_hash_table_lookup (now, g_ptr_array_index (applied, i));

          if (base != NULL && json != NULL)
            {
              g_free (base->json);
              base->json = g_strdup (json);
            }
        }
    }
  return changed;
}

guint
kam_shared_update_apply (KamShared *self, KamSharedUpdate *update, guint *first_changed)
{
  KamFigureTable *table = kam_dataset_get_figures (self->dataset);
  guint changed = 0;

  if (first_changed != NULL)
    *first_changed = 0;
  g_free (self->snapshot);
  self->snapshot = g_strdup (update->snapshot);
  if (update->items->len > 0)
    changed += apply_items (self, (ItemChange **) update->items->pdata, update->items->len, FALSE);
  for (guint i = 0; i < update->order->len; i++)
    {
      gint64 *key = &g_array_index (update->order, gint64, i);
      const char *value = g_hash_table_lookup (update->figures, key);
      guint figure = figure_of_db_id (self, *key);
      Tie view, *tie = figure ? find_tie (self, figure, &view) : NULL;
      int r = figure ? kam_figure_table_find_row (table, figure) : -1;
      KamFigureRow here, theirs;
      gint64 db_id = 0, version = 0;
      guint touched = 0;

      if (r >= 0)
        kam_figure_table_get_row (table, r, &here);
      if (value == NULL)
        {
          /* deleted there: here too, unless changed here */
          if (tie != NULL && r >= 0 && same_row (&here, &tie->base))
            {
              untie_figure (self, figure);
              kam_dataset_begin_unrecorded (self->dataset);
              kam_dataset_remove_figures (self->dataset, &figure, 1, NULL);
              kam_dataset_end_unrecorded (self->dataset);
              changed++;
            }
          continue;
        }
      if (!row_from_json (self->dataset, value, &theirs, &db_id, &version))
        continue;
      if (tie != NULL && r >= 0)
        {
          /* changed there: here too, unless changed here (the user's own
           * edit stays on top, and its save meets theirs) */
          if (version > tie->version && same_row (&here, &tie->base)
              && apply_row (self, figure, &theirs, NULL))
            {
              untie_figure (self, figure);
              tie_figure (self, figure, db_id, version, &theirs);
              touched = figure;
            }
        }
      else if (tie == NULL && figure == 0 && kam_figure_table_find_same_key (table, &theirs, 0) < 0)
        {
          /* added there */
          guint id = 0;

          kam_dataset_begin_unrecorded (self->dataset);
          kam_dataset_add_figures (self->dataset, &theirs, 1, &id, NULL);
          kam_dataset_end_unrecorded (self->dataset);
          if (id != 0)
            {
              tie_figure (self, id, db_id, version, &theirs);
              touched = id;
            }
        }
      if (touched != 0)
        {
          changed++;
          if (first_changed != NULL && *first_changed == 0)
            *first_changed = touched;
        }
      g_free ((char *)theirs.note);
    }
  return changed;
}

gboolean
kam_shared_update (KamShared *self, guint *n_changed, GError **error)
{
  g_autoptr (KamSharedUpdate) update = kam_shared_update_fetch (self, self->snapshot, error);
  guint changed;

  if (n_changed != NULL)
    *n_changed = 0;
  if (update == NULL)
    return FALSE;
  changed = kam_shared_update_apply (self, update, NULL);
  if (n_changed != NULL)
    *n_changed = changed;
  return TRUE;
}

GPtrArray *
kam_shared_read_history (KamShared *self, const char *figure, guint limit, GError **error)
{
  PGconn *connection = _kam_db_connect_with (self->address, self->password, error);
  GPtrArray *lines;

  if (connection == NULL)
    return NULL;
  lines = _kam_db_history_lines (connection, self->address, NULL, figure, limit, TRUE, error);
  PQfinish (connection);
  return lines;
}

gboolean
kam_shared_get_connected (KamShared *self)
{
  return self->connection != NULL && PQstatus (self->connection) == CONNECTION_OK;
}

/* ---- the copy kept for opening while the server is away ------------------------ */

char *
kam_shared_cache_path (const char *address, const char *folder, const char *extension)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, address, -1);
  g_autofree char *name = g_strconcat (hash, extension, NULL);

  if (folder != NULL)
    return g_build_filename (folder, name, NULL);
  return g_build_filename (g_get_user_cache_dir (), "kamlang", "shared", name, NULL);
}

/* A figure's row as a JSON object of the server's columns (the cache's
 * bases, read back by row_from_object ()). */
static void
add_row (JsonBuilder *b, KamDataset *dataset, const KamFigureRow *row)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "country");
  json_builder_add_string_value (b, row->country);
  json_builder_set_member_name (b, "year");
  json_builder_add_int_value (b, row->year);
  json_builder_set_member_name (b, "indicator");
  json_builder_add_string_value (b, row->indicator);
  for (guint d = 0; d < kam_dataset_get_n_dimensions (dataset) && d < KAM_MAX_DIMENSIONS; d++)
    {
      json_builder_set_member_name (b, member_columns[d]);
      json_builder_add_string_value (
          b,
          kam_dimension_get_member_code (kam_dataset_get_dimension (dataset, d), row->members[d]));
    }
  json_builder_set_member_name (b, "value");
  if (kam_value_is_known (row->value))
    json_builder_add_double_value (b, row->value);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "qualifier");
  json_builder_add_string_value (b, kam_enum_to_nick (KAM_TYPE_QUALIFIER, row->qualifier));
  json_builder_set_member_name (b, "source");
  json_builder_add_string_value (b, row->source);
  json_builder_set_member_name (b, "note");
  json_builder_add_string_value (b, row->note);
  json_builder_end_object (b);
}

struct _KamSharedCache
{
  KamDatasetSnapshot *snapshot;
  JsonNode *meta;
  char *address;
  guint64 made; /* the order copies were prepared in */
};

/* Copies are written in threads: one prepared earlier never overwrites one
 * prepared later (the copy made when a window opened, written after the one
 * made when it closed with an edit, would lose the edit), and a copy's two
 * files are written together. */
static GMutex cache_lock;
static guint64 caches_made;
static GHashTable *caches_written; /* data file's path -> guint64 made, of the copy written there */

void
kam_shared_cache_free (KamSharedCache *cache)
{
  if (cache == NULL)
    return;
  kam_dataset_snapshot_free (cache->snapshot);
  json_node_unref (cache->meta);
  g_free (cache->address);
  g_free (cache);
}

KamSharedCache *
kam_shared_cache_prepare (KamShared *self)
{
  KamSharedCache *cache = g_new0 (KamSharedCache, 1);
  KamFigureTable *table = kam_dataset_get_figures (self->dataset);
  g_autoptr (JsonBuilder) b = json_builder_new ();
  GHashTableIter iter;
  gpointer key, value;

  cache->address = g_strdup (self->address);
  g_mutex_lock (&cache_lock);
  cache->made = ++caches_made;
  g_mutex_unlock (&cache_lock);
  cache->snapshot = kam_dataset_snapshot_new (self->dataset);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "address");
  json_builder_add_string_value (b, self->address);
  json_builder_set_member_name (b, "snapshot");
  json_builder_add_string_value (b, self->snapshot);
  /* what the role may change, as the server last said */
  json_builder_set_member_name (b, "rights");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "role");
  json_builder_add_string_value (b, self->role);
  json_builder_set_member_name (b, "limited");
  json_builder_add_boolean_value (b, self->limited);
  json_builder_set_member_name (b, "figures");
  json_builder_add_boolean_value (b, self->may_figures);
  json_builder_set_member_name (b, "lists");
  json_builder_add_boolean_value (b, self->may_lists);
  for (guint l = 0; l < 2; l++)
    {
      GStrv codes = l == 0 ? self->provinces : self->countries;

      json_builder_set_member_name (b, l == 0 ? "provinces" : "countries");
      if (codes == NULL)
        json_builder_add_null_value (b);
      else
        {
          json_builder_begin_array (b);
          for (guint i = 0; codes[i] != NULL; i++)
            json_builder_add_string_value (b, codes[i]);
          json_builder_end_array (b);
        }
    }
  json_builder_end_object (b);
  /* each figure's server row and version, in the cached dataset's order;
   * the base of a figure changed here, by its row */
  json_builder_set_member_name (b, "figures");
  json_builder_begin_array (b);
  for (guint r = 0; r < kam_figure_table_get_n_rows (table); r++)
    {
      Tie view, *tie = find_tie (self, kam_figure_table_get_id (table, r), &view);
      KamFigureRow row;

      json_builder_begin_array (b);
      json_builder_add_int_value (b, tie ? tie->db_id : 0);
      json_builder_add_int_value (b, tie ? tie->version : 0);
      kam_figure_table_get_row (table, r, &row);
      if (tie != NULL && !same_row (&row, &tie->base))
        add_row (b, self->dataset, &tie->base);
      json_builder_end_array (b);
    }
  json_builder_end_array (b);
  /* deleted here, not yet on the server */
  json_builder_set_member_name (b, "deleted");
  json_builder_begin_array (b);
  /* (a deleted figure stays touched while it has a tie) */
  g_hash_table_iter_init (&iter, self->touched);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      Tie view, *tie = find_tie (self, GPOINTER_TO_UINT (key), &view);

      if (tie != NULL && kam_figure_table_find_row (table, GPOINTER_TO_UINT (key)) < 0)
        {
          json_builder_begin_array (b);
          json_builder_add_int_value (b, tie->db_id);
          json_builder_add_int_value (b, tie->version);
          json_builder_end_array (b);
        }
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      KamDbItem *item = value;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "whole-key");
      json_builder_add_string_value (b, key);
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, item->kind);
      json_builder_set_member_name (b, "key");
      json_builder_add_string_value (b, item->key);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, item->id);
      json_builder_set_member_name (b, "version");
      json_builder_add_int_value (b, item->version);
      json_builder_set_member_name (b, "json");
      json_builder_add_string_value (b, item->json);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  cache->meta = json_builder_get_root (b);
  return cache;
}

gboolean
kam_shared_cache_write (KamSharedCache *cache, const char *folder, GError **error)
{
  g_autofree char *data_path = kam_shared_cache_path (cache->address, folder, ".kamlang");
  g_autofree char *meta_path = kam_shared_cache_path (cache->address, folder, ".json");
  g_autofree char *dir = g_path_get_dirname (data_path);
  g_autofree char *data = NULL, *meta = NULL;
  g_autoptr (GMutexLocker) locker = NULL;
  gpointer written;
  gsize length = 0;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "%s: %s", dir,
                   g_strerror (errno));
      return FALSE;
    }
  data = kam_dataset_snapshot_to_data (cache->snapshot, &length);
  meta = json_to_string (cache->meta, FALSE);
  locker = g_mutex_locker_new (&cache_lock);
  if (caches_written == NULL)
    caches_written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  written = g_hash_table_lookup (caches_written, data_path);
  if (written != NULL && *(guint64 *) written > cache->made)
    return TRUE; /* (a later copy is there already) */
  g_hash_table_insert (caches_written, g_strdup (data_path), g_memdup2 (&cache->made, sizeof cache->made));
  /* the dataset first: a copy's meta never names rows it does not have */
  return kam_file_write (data_path, data, length, KAM_WRITE_PRIVATE, error)
         && kam_file_write (meta_path, meta, strlen (meta), KAM_WRITE_PRIVATE, error);
}

gboolean
kam_shared_write_cache (KamShared *self, const char *folder, GError **error)
{
  KamSharedCache *cache = kam_shared_cache_prepare (self);
  gboolean ok = kam_shared_cache_write (cache, folder, error);

  kam_shared_cache_free (cache);
  return ok;
}

KamShared *
kam_shared_open_cache (const char *address, const char *password, const char *folder,
                       GError **error)
{
  g_autofree char *data_path = kam_shared_cache_path (address, folder, ".kamlang");
  g_autofree char *meta_path = kam_shared_cache_path (address, folder, ".json");
  g_autoptr (GFile) data_file = g_file_new_for_path (data_path);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (KamShared) self = shared_new (address, password);
  KamFigureTable *table;
  JsonObject *meta;
  JsonArray *figures, *deleted, *items;
  guint fake = G_MAXUINT;

  if (!json_parser_load_from_file (parser, meta_path, error))
    return NULL;
  meta = json_node_get_object (json_parser_get_root (parser));
  if (meta == NULL
      || g_strcmp0 (json_object_get_string_member_with_default (meta, "address", NULL), address)
             != 0)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_NOT_FOUND,
                   _ ("There is no copy of this shared dataset here."));
      return NULL;
    }
  self->snapshot = g_strdup (json_object_get_string_member_with_default (meta, "snapshot", NULL));
  if ((self->dataset = kam_dataset_load_file (data_file, NULL, error)) == NULL)
    return NULL;
  watch (self);
  if (json_object_has_member (meta, "rights") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (meta, "rights")))
    {
      JsonObject *rights = json_object_get_object_member (meta, "rights");

      self->role = g_strdup (json_object_get_string_member_with_default (rights, "role", ""));
      self->limited = json_object_get_boolean_member_with_default (rights, "limited", FALSE);
      self->may_figures = json_object_get_boolean_member_with_default (rights, "figures", TRUE);
      self->may_lists = json_object_get_boolean_member_with_default (rights, "lists", TRUE);
      for (guint l = 0; l < 2; l++)
        {
          JsonNode *node = json_object_get_member (rights, l == 0 ? "provinces" : "countries");
          g_autofree char *json = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_to_string (node, FALSE) : NULL;

          *(l == 0 ? &self->provinces : &self->countries) = strv_from_json (json);
        }
      apply_limits (self);
    }
  table = kam_dataset_get_figures (self->dataset);
  /* (figures added here have no tie: each is looked at by the next save) */
  for (guint r = 0; r < kam_figure_table_get_n_rows (table); r++)
    g_hash_table_add (self->touched, GUINT_TO_POINTER (kam_figure_table_get_id (table, r)));
  figures = json_object_get_array_member (meta, "figures");
  if (figures == NULL || json_array_get_length (figures) != kam_figure_table_get_n_rows (table)
      || self->snapshot == NULL)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID,
                   _ ("The copy of this shared dataset is damaged."));
      return NULL;
    }
  for (guint r = 0; r < json_array_get_length (figures); r++)
    {
      JsonArray *tie = json_array_get_array_element (figures, r);
      gint64 db_id = json_array_get_int_element (tie, 0);
      KamFigureRow row;

      if (db_id == 0)
        continue; /* added here */
      kam_figure_table_get_row (table, r, &row);
      if (json_array_get_length (tie) > 2)
        {
          KamFigureRow base;

          if (row_from_object (self->dataset, json_array_get_object_element (tie, 2), &base))
            row = base;
        }
      tie_figure (self, kam_figure_table_get_id (table, r), db_id,
                  json_array_get_int_element (tie, 1), &row);
    }
  deleted = json_object_get_array_member (meta, "deleted");
  for (guint i = 0; deleted != NULL && i < json_array_get_length (deleted); i++)
    {
      JsonArray *tie = json_array_get_array_element (deleted, i);
      KamFigureRow none = { NULL, 0, "", NAN, NULL, NULL };

      /* (ids no figure has: their deletion is sent as a change) */
      tie_figure (self, fake--, json_array_get_int_element (tie, 0),
                  json_array_get_int_element (tie, 1), &none);
    }
  items = json_object_get_array_member (meta, "items");
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *o = json_array_get_object_element (items, i);
      KamDbItem *item = g_new0 (KamDbItem, 1);

      item->kind = g_strdup (json_object_get_string_member_with_default (o, "kind", ""));
      item->key = g_strdup (json_object_get_string_member_with_default (o, "key", NULL));
      item->id = json_object_get_int_member_with_default (o, "id", 0);
      item->version = json_object_get_int_member_with_default (o, "version", 0);
      item->json = g_strdup (json_object_get_string_member_with_default (o, "json", NULL));
      g_hash_table_insert (
          self->items, g_strdup (json_object_get_string_member_with_default (o, "whole-key", "")),
          item);
    }
  /* what the file says is the dataset as it was here: saved, but for the
   * changes the ties know */
  kam_dataset_mark_saved (self->dataset);
  return g_steal_pointer (&self);
}
