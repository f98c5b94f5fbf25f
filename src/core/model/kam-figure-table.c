/* kam-figure-table.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Figures are stored by column so that a million of them cost tens of megabytes.
 * Row ids are given in increasing order and rows are only ever appended or put
 * back where they were, so the id column stays sorted and a row is found by
 * binary search. Row objects (KamFigure) are made on demand and track their id. */

#include "kam-figure-table-private.h"
#include "kam-figure-index-private.h"
#include <string.h>

struct _KamFigureTable
{
  GObject parent_instance;

  GArray *ids;                         /* guint32, ascending */
  GArray *years;                       /* gint16 */
  GArray *values;                      /* double, NAN when unknown */
  GArray *countries;                   /* const char *, interned */
  GArray *indicators;                  /* const char *, interned */
  GArray *sources;                     /* const char *, interned */
  GArray *notes;                       /* char *, owned */
  GArray *qualifiers;                  /* guint8 */
  GArray *members[KAM_MAX_DIMENSIONS]; /* guint16, NULL while all are the total */
  KamFigureIndex *index;
  guint32 next_id;
  guint64 stamp;
  GHashTable *live;    /* id -> KamFigure (not owned) */
  GHashTable *touched; /* (nullable, not owned) a watcher's set: ids of rows changed */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KamFigureTable, kam_figure_table, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

#define COL(arr, type, i) g_array_index ((arr), type, (i))

static GType
kam_figure_table_get_item_type (GListModel *model)
{
  return KAM_TYPE_FIGURE;
}

static guint
kam_figure_table_get_n_items (GListModel *model)
{
  return KAM_FIGURE_TABLE (model)->ids->len;
}

static gpointer
kam_figure_table_get_item (GListModel *model, guint position)
{
  KamFigureTable *self = KAM_FIGURE_TABLE (model);
  guint32 id;
  KamFigure *figure;

  if (position >= self->ids->len)
    return NULL;
  id = COL (self->ids, guint32, position);
  figure = g_hash_table_lookup (self->live, GUINT_TO_POINTER (id));
  if (figure != NULL)
    return g_object_ref (figure);
  figure = _kam_figure_new (self, id);
  g_hash_table_insert (self->live, GUINT_TO_POINTER (id), figure);
  return figure;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = kam_figure_table_get_item_type;
  iface->get_n_items = kam_figure_table_get_n_items;
  iface->get_item = kam_figure_table_get_item;
}

/* Called by a KamFigure when it is finalized. */
void _kam_figure_table_forget (KamFigureTable *self, guint32 id, KamFigure *figure);

void
_kam_figure_table_forget (KamFigureTable *self, guint32 id, KamFigure *figure)
{
  if (g_hash_table_lookup (self->live, GUINT_TO_POINTER (id)) == figure)
    g_hash_table_remove (self->live, GUINT_TO_POINTER (id));
}

static void
free_notes (GArray *notes, guint from, guint n)
{
  for (guint i = from; i < from + n; i++)
    g_free (COL (notes, char *, i));
}

static void
kam_figure_table_finalize (GObject *object)
{
  KamFigureTable *self = KAM_FIGURE_TABLE (object);

  g_assert (g_hash_table_size (self->live) == 0);
  free_notes (self->notes, 0, self->notes->len);
  g_array_unref (self->ids);
  g_array_unref (self->years);
  g_array_unref (self->values);
  g_array_unref (self->countries);
  g_array_unref (self->indicators);
  g_array_unref (self->sources);
  g_array_unref (self->notes);
  g_array_unref (self->qualifiers);
  for (guint d = 0; d < KAM_MAX_DIMENSIONS; d++)
    g_clear_pointer (&self->members[d], g_array_unref);
  _kam_figure_index_free (self->index);
  g_hash_table_unref (self->live);
  G_OBJECT_CLASS (kam_figure_table_parent_class)->finalize (object);
}

static void
kam_figure_table_class_init (KamFigureTableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kam_figure_table_finalize;
}

static void
kam_figure_table_init (KamFigureTable *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->years = g_array_new (FALSE, FALSE, sizeof (gint16));
  self->values = g_array_new (FALSE, FALSE, sizeof (double));
  self->countries = g_array_new (FALSE, FALSE, sizeof (const char *));
  self->indicators = g_array_new (FALSE, FALSE, sizeof (const char *));
  self->sources = g_array_new (FALSE, FALSE, sizeof (const char *));
  self->notes = g_array_new (FALSE, FALSE, sizeof (char *));
  self->qualifiers = g_array_new (FALSE, FALSE, sizeof (guint8));
  self->index = _kam_figure_index_new (self);
  self->live = g_hash_table_new (NULL, NULL);
  self->next_id = 1;
}

KamFigureTable *
_kam_figure_table_new (void)
{
  return g_object_new (KAM_TYPE_FIGURE_TABLE, NULL);
}

void
_kam_figure_table_watch (KamFigureTable *self, GHashTable *touched)
{
  self->touched = touched;
}

static void
touch (KamFigureTable *self, guint32 id)
{
  if (self->touched != NULL)
    g_hash_table_add (self->touched, GUINT_TO_POINTER (id));
}

guint
kam_figure_table_get_n_rows (KamFigureTable *self)
{
  g_return_val_if_fail (KAM_IS_FIGURE_TABLE (self), 0);
  return self->ids->len;
}

/**
 * kam_figure_table_find_row:
 *
 * Returns: the position of the row with this id, or -1 when there is none
 */
int
kam_figure_table_find_row (KamFigureTable *self, guint id)
{
  const guint32 *ids;
  guint lo = 0, hi;

  g_return_val_if_fail (KAM_IS_FIGURE_TABLE (self), -1);
  ids = (const guint32 *)self->ids->data;
  hi = self->ids->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (ids[mid] < id)
        lo = mid + 1;
      else
        hi = mid;
    }
  return (lo < self->ids->len && ids[lo] == id) ? (int)lo : -1;
}

#define ROW_CHECK(val)                                                                             \
  g_return_val_if_fail (KAM_IS_FIGURE_TABLE (self) && row < self->ids->len, val)

guint
kam_figure_table_get_id (KamFigureTable *self, guint row)
{
  ROW_CHECK (0);
  return COL (self->ids, guint32, row);
}

int
kam_figure_table_get_year (KamFigureTable *self, guint row)
{
  ROW_CHECK (0);
  return COL (self->years, gint16, row);
}

double
kam_figure_table_get_value (KamFigureTable *self, guint row)
{
  ROW_CHECK (KAM_VALUE_UNKNOWN);
  return COL (self->values, double, row);
}

const char *
kam_figure_table_get_country (KamFigureTable *self, guint row)
{
  ROW_CHECK (NULL);
  return COL (self->countries, const char *, row);
}

const char *
kam_figure_table_get_indicator (KamFigureTable *self, guint row)
{
  ROW_CHECK (NULL);
  return COL (self->indicators, const char *, row);
}

const char *
kam_figure_table_get_source (KamFigureTable *self, guint row)
{
  ROW_CHECK (NULL);
  return COL (self->sources, const char *, row);
}

const char *
kam_figure_table_get_note (KamFigureTable *self, guint row)
{
  ROW_CHECK (NULL);
  return COL (self->notes, const char *, row);
}

KamQualifier
kam_figure_table_get_qualifier (KamFigureTable *self, guint row)
{
  ROW_CHECK (KAM_QUALIFIER_EXACT);
  return COL (self->qualifiers, guint8, row);
}

guint
kam_figure_table_get_member (KamFigureTable *self, guint row, guint dimension)
{
  ROW_CHECK (0);
  g_return_val_if_fail (dimension < KAM_MAX_DIMENSIONS, 0);
  return self->members[dimension] ? COL (self->members[dimension], guint16, row) : 0;
}

/**
 * kam_figure_table_get_row:
 * @out: (out caller-allocates): the row; its strings are borrowed from the table
 */
void
kam_figure_table_get_row (KamFigureTable *self, guint row, KamFigureRow *out)
{
  g_return_if_fail (KAM_IS_FIGURE_TABLE (self) && row < self->ids->len);
  out->country = COL (self->countries, const char *, row);
  out->year = COL (self->years, gint16, row);
  out->indicator = COL (self->indicators, const char *, row);
  out->value = COL (self->values, double, row);
  out->source = COL (self->sources, const char *, row);
  out->note = COL (self->notes, const char *, row);
  out->qualifier = COL (self->qualifiers, guint8, row);
  for (guint d = 0; d < KAM_MAX_DIMENSIONS; d++)
    out->members[d] = self->members[d] ? COL (self->members[d], guint16, row) : 0;
}

/**
 * kam_figure_table_get_stamp:
 *
 * Returns: a number that changes whenever any row changes (for caches)
 */
guint64
kam_figure_table_get_stamp (KamFigureTable *self)
{
  return self->stamp;
}

const gint16 *
kam_figure_table_get_years (KamFigureTable *self)
{
  return (const gint16 *)self->years->data;
}

const double *
kam_figure_table_get_values (KamFigureTable *self)
{
  return (const double *)self->values->data;
}

const char *const *
kam_figure_table_get_countries (KamFigureTable *self)
{
  return (const char *const *)self->countries->data;
}

const char *const *
kam_figure_table_get_indicators (KamFigureTable *self)
{
  return (const char *const *)self->indicators->data;
}

const char *const *
kam_figure_table_get_sources (KamFigureTable *self)
{
  return (const char *const *)self->sources->data;
}

const char *const *
kam_figure_table_get_notes (KamFigureTable *self)
{
  return (const char *const *)self->notes->data;
}

const guint8 *
kam_figure_table_get_qualifiers (KamFigureTable *self)
{
  return (const guint8 *)self->qualifiers->data;
}

const guint16 *
kam_figure_table_get_member_column (KamFigureTable *self, guint dimension)
{
  g_return_val_if_fail (dimension < KAM_MAX_DIMENSIONS, NULL);
  return self->members[dimension] ? (const guint16 *)self->members[dimension]->data : NULL;
}

KamFigureIndex *
_kam_figure_table_get_index (KamFigureTable *self)
{
  return self->index;
}

/* The member column of a dimension, made (all totals) when first needed. */
static GArray *
member_column (KamFigureTable *self, guint d)
{
  if (self->members[d] == NULL)
    {
      self->members[d] = g_array_sized_new (FALSE, TRUE, sizeof (guint16), self->ids->len);
      g_array_set_size (self->members[d], self->ids->len);
    }
  return self->members[d];
}

/* Every column, to move rows about without knowing their types. */
static guint
all_columns (KamFigureTable *self, GArray **cols)
{
  guint n = 0;

  cols[n++] = self->ids;
  cols[n++] = self->years;
  cols[n++] = self->values;
  cols[n++] = self->countries;
  cols[n++] = self->indicators;
  cols[n++] = self->sources;
  cols[n++] = self->notes;
  cols[n++] = self->qualifiers;
  for (guint d = 0; d < KAM_MAX_DIMENSIONS; d++)
    if (self->members[d] != NULL)
      cols[n++] = self->members[d];
  return n;
}

#define MAX_COLUMNS (8 + KAM_MAX_DIMENSIONS)

static void
move_row (GArray **cols, guint n_cols, guint to, guint from)
{
  for (guint c = 0; c < n_cols; c++)
    {
      guint size = g_array_get_element_size (cols[c]);
      memcpy (cols[c]->data + (gsize)to * size, cols[c]->data + (gsize)from * size, size);
    }
}

static void
resize_all (KamFigureTable *self, guint len)
{
  GArray *cols[MAX_COLUMNS];
  guint n_cols = all_columns (self, cols);

  for (guint c = 0; c < n_cols; c++)
    g_array_set_size (cols[c], len);
}

static const char *
intern_or_null (const char *s)
{
  return (s != NULL && s[0] != '\0') ? g_intern_string (s) : NULL;
}

/* intern_or_null through a small cache by pointer: a batch of rows names few
 * countries, indicators and sources, most often with the same pointers, and
 * g_intern_string takes a global lock each time. */
typedef struct
{
  const char *in[64];
  const char *out[64];
} InternCache;

static const char *
intern_cached (InternCache *cache, const char *s)
{
  guint slot = (guint)(((gsize)s >> 3) & 63);

  if (s == NULL)
    return NULL;
  if (cache->in[slot] != s)
    {
      cache->in[slot] = s;
      cache->out[slot] = intern_or_null (s);
    }
  return cache->out[slot];
}

static char *
dup_note (const char *s)
{
  return (s != NULL && s[0] != '\0') ? g_strdup (s) : NULL;
}

void
_kam_figure_table_append (KamFigureTable *self, const KamFigureRow *rows, guint n, guint32 *ids_out)
{
  guint old_len = self->ids->len;
  InternCache cache = { { NULL } };

  for (guint i = 0; i < n; i++)
    {
      guint32 id = self->next_id++;
      gint16 year = rows[i].year;
      const char *country = intern_cached (&cache, rows[i].country);
      const char *indicator = intern_cached (&cache, rows[i].indicator);
      const char *source = intern_cached (&cache, rows[i].source);
      char *note = dup_note (rows[i].note);
      guint8 qualifier = rows[i].qualifier;

      for (guint d = 0; d < KAM_MAX_DIMENSIONS; d++)
        if (rows[i].members[d] != 0 || self->members[d] != NULL)
          {
            GArray *column = member_column (self, d);
            g_array_set_size (column, old_len + i);
            g_array_append_val (column, rows[i].members[d]);
          }
      g_array_append_val (self->ids, id);
      g_array_append_val (self->years, year);
      g_array_append_val (self->values, rows[i].value);
      g_array_append_val (self->countries, country);
      g_array_append_val (self->indicators, indicator);
      g_array_append_val (self->sources, source);
      g_array_append_val (self->notes, note);
      g_array_append_val (self->qualifiers, qualifier);
      touch (self, id);
      if (ids_out != NULL)
        ids_out[i] = id;
    }
  for (guint d = 0; d < KAM_MAX_DIMENSIONS; d++)
    if (self->members[d] != NULL)
      g_array_set_size (self->members[d], self->ids->len);
  for (guint i = old_len; i < self->ids->len; i++)
    _kam_figure_index_add (self->index, i);
  self->stamp++;
  if (n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), old_len, 0, n);
}

void
kam_saved_figures_free (KamSavedFigure *saved, guint n)
{
  if (saved == NULL)
    return;
  for (guint i = 0; i < n; i++)
    g_free ((char *)saved[i].row.note);
  g_free (saved);
}

/* Notifies every live row object whose presence changed. */
static void
notify_present (KamFigureTable *self, guint32 id)
{
  KamFigure *figure = g_hash_table_lookup (self->live, GUINT_TO_POINTER (id));

  if (figure != NULL)
    g_object_notify (G_OBJECT (figure), "present");
}

void
_kam_figure_table_remove (KamFigureTable *self, const guint32 *ids, guint n, KamSavedFigure *saved)
{
  guint len = self->ids->len;
  guint first = G_MAXUINT, last = 0, out = 0, k = 0;
  GArray *cols[MAX_COLUMNS];
  guint n_cols = all_columns (self, cols);

  if (n == 0)
    return;

  for (guint i = 0; i < len; i++)
    {
      guint32 id = COL (self->ids, guint32, i);

      if (k < n && ids[k] == id)
        {
          KamSavedFigure *s = &saved[k];

          s->id = id;
          touch (self, id);
          kam_figure_table_get_row (self, i, &s->row);
          /* The note moves into the saved row, which now owns it. */
          first = MIN (first, i);
          last = i;
          k++;
          continue;
        }
      if (out != i)
        move_row (cols, n_cols, out, i);
      out++;
    }
  g_assert (k == n);

  resize_all (self, out);
  _kam_figure_index_rebuild (self->index);
  self->stamp++;

  g_list_model_items_changed (G_LIST_MODEL (self), first, last - first + 1, last - first + 1 - n);
  for (guint i = 0; i < n; i++)
    notify_present (self, ids[i]);
}

void
_kam_figure_table_restore (KamFigureTable *self, const KamSavedFigure *saved, guint n)
{
  guint old_len = self->ids->len, new_len = old_len + n;
  guint first = G_MAXUINT, last = 0;
  int i = (int)old_len - 1, k = (int)n - 1;
  GArray *cols[MAX_COLUMNS];
  guint n_cols;

  if (n == 0)
    return;

  /* member columns the saved rows need */
  for (guint j = 0; j < n; j++)
    for (guint d = 0; d < KAM_MAX_DIMENSIONS; d++)
      if (saved[j].row.members[d] != 0)
        member_column (self, d);
  n_cols = all_columns (self, cols);
  resize_all (self, new_len);

  /* Merge from the end, as both the table and saved are sorted by id. */
  for (int out = (int)new_len - 1; out >= 0; out--)
    {
      if (k >= 0 && (i < 0 || saved[k].id > COL (self->ids, guint32, i)))
        {
          const KamSavedFigure *s = &saved[k--];

          COL (self->ids, guint32, out) = s->id;
          touch (self, s->id);
          COL (self->years, gint16, out) = s->row.year;
          COL (self->values, double, out) = s->row.value;
          COL (self->countries, const char *, out) = s->row.country;
          COL (self->indicators, const char *, out) = s->row.indicator;
          COL (self->sources, const char *, out) = s->row.source;
          COL (self->notes, char *, out) = g_strdup (s->row.note);
          COL (self->qualifiers, guint8, out) = s->row.qualifier;
          for (guint d = 0; d < KAM_MAX_DIMENSIONS; d++)
            if (self->members[d] != NULL)
              COL (self->members[d], guint16, out) = s->row.members[d];
          first = (guint)out;
          last = MAX (last, (guint)out);
        }
      else
        move_row (cols, n_cols, out, i--);
    }
  _kam_figure_index_rebuild (self->index);
  self->stamp++;
  g_list_model_items_changed (G_LIST_MODEL (self), first, last - first + 1 - n, last - first + 1);
  for (guint j = 0; j < n; j++)
    notify_present (self, saved[j].id);
}

void
_kam_figure_table_set_field (KamFigureTable *self, guint row, KamFigureField field,
                             const KamFigureRow *src)
{
  gboolean known_changed = FALSE;
  KamFigure *figure;

  g_return_if_fail (row < self->ids->len);

  _kam_figure_index_remove (self->index, row);
  switch (field)
    {
    case KAM_FIGURE_FIELD_COUNTRY:
      COL (self->countries, const char *, row) = intern_or_null (src->country);
      break;
    case KAM_FIGURE_FIELD_YEAR:
      COL (self->years, gint16, row) = src->year;
      break;
    case KAM_FIGURE_FIELD_INDICATOR:
      COL (self->indicators, const char *, row) = intern_or_null (src->indicator);
      break;
    case KAM_FIGURE_FIELD_VALUE:
      known_changed
          = kam_value_is_known (COL (self->values, double, row)) != kam_value_is_known (src->value);
      COL (self->values, double, row) = src->value;
      break;
    case KAM_FIGURE_FIELD_SOURCE:
      COL (self->sources, const char *, row) = intern_or_null (src->source);
      break;
    case KAM_FIGURE_FIELD_NOTE:
      g_free (COL (self->notes, char *, row));
      COL (self->notes, char *, row) = dup_note (src->note);
      break;
    case KAM_FIGURE_FIELD_QUALIFIER:
      COL (self->qualifiers, guint8, row) = src->qualifier;
      break;
    case KAM_FIGURE_FIELD_MEMBERS:
      for (guint d = 0; d < KAM_MAX_DIMENSIONS; d++)
        if (src->members[d] != 0 || self->members[d] != NULL)
          COL (member_column (self, d), guint16, row) = src->members[d];
      break;
    default:
      g_assert_not_reached ();
    }
  _kam_figure_index_add (self->index, row);
  self->stamp++;
  touch (self, COL (self->ids, guint32, row));

  figure = g_hash_table_lookup (self->live, GUINT_TO_POINTER (COL (self->ids, guint32, row)));
  if (figure != NULL)
    _kam_figure_notify_field (figure, field, known_changed);
}
