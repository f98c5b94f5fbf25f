/* kam-figure-query.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Filters and sorts the figures on their columns and keeps the result as an
 * array of row numbers: no GObject per figure. Country, indicator and source
 * are interned, so their labels and matches are worked out once per distinct
 * value, not once per row. With no filter and no sort, the query passes the
 * table's changes straight through. */

#include <math.h>
#include <string.h>
#include "kam-figure-query.h"

struct _KamFigureQuery
{
  GObject parent_instance;

  KamDataset *dataset;
  KamFigureTable *table;
  char *search; /* case-folded, or NULL */
  const char *country, *indicator, *source; /* interned; country "" = national total */
  int first_year, last_year;
  int sort_field;
  gboolean descending;

  GArray *rows;  /* guint table rows, when filtered or sorted; NULL for identity */
  guint n_items; /* what the last items-changed told */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KamFigureQuery, kam_figure_query, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return KAM_TYPE_FIGURE;
}

static guint
get_n_items (GListModel *model)
{
  KamFigureQuery *self = KAM_FIGURE_QUERY (model);

  return self->rows != NULL ? self->rows->len : kam_figure_table_get_n_rows (self->table);
}

static gpointer
get_item (GListModel *model, guint position)
{
  KamFigureQuery *self = KAM_FIGURE_QUERY (model);
  int row = kam_figure_query_get_table_row (self, position);

  return row < 0 ? NULL : g_list_model_get_item (G_LIST_MODEL (self->table), row);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static gboolean
is_identity (KamFigureQuery *self)
{
  return self->search == NULL && self->country == NULL && self->indicator == NULL
         && self->source == NULL && self->first_year <= KAM_YEAR_MIN
         && self->last_year >= KAM_YEAR_MAX && self->sort_field == KAM_QUERY_NO_SORT;
}

/* ---- labels and matches per distinct value ------------------------------ */

typedef struct
{
  char *key;       /* collation key of the label, for sorting */
  gboolean match;  /* the label or id contains the search */
} Label;

static void
label_free (Label *label)
{
  g_free (label->key);
  g_free (label);
}

static gboolean
text_matches (const char *text, const char *folded_needle)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, folded_needle) != NULL;
}

static Label *
make_label (KamFigureQuery *self, KamFigureField field, const char *id)
{
  Label *label = g_new0 (Label, 1);
  const char *name = id;
  const char *other = NULL, *more = NULL;

  if (field == KAM_FIGURE_FIELD_COUNTRY)
    {
      KamCountry *c = kam_dataset_lookup_country (self->dataset, id);
      name = kam_dataset_get_country_label (self->dataset, id);
      other = c != NULL ? kam_country_get_name_km (c) : NULL;
    }
  else if (field == KAM_FIGURE_FIELD_INDICATOR)
    {
      KamIndicator *i = kam_dataset_lookup_indicator (self->dataset, id);
      if (i != NULL && kam_indicator_get_name (i) != NULL)
        name = kam_indicator_get_name (i);
    }
  else if (field == KAM_FIGURE_FIELD_SOURCE)
    {
      KamSource *s = kam_dataset_lookup_source (self->dataset, id);
      if (s != NULL)
        {
          other = kam_source_get_title (s);
          more = kam_source_get_publisher (s);
        }
    }
  label->key = g_utf8_collate_key (name != NULL ? name : "", -1);
  if (self->search != NULL)
    label->match = text_matches (name, self->search) || text_matches (id, self->search)
                   || text_matches (other, self->search) || text_matches (more, self->search);
  return label;
}

/* NULL ids (no country, no source) are stored under a key of their own */
static const char none_key;

static gconstpointer
label_key (const char *id)
{
  return id != NULL ? (gconstpointer) id : &none_key;
}

static Label *
get_label (KamFigureQuery *self, GHashTable *cache, KamFigureField field, const char *id)
{
  gconstpointer key = label_key (id);
  Label *label = g_hash_table_lookup (cache, key);

  if (label == NULL)
    {
      label = make_label (self, field, id);
      g_hash_table_insert (cache, (gpointer) key, label);
    }
  return label;
}

/* ---- rebuilding --------------------------------------------------------- */

typedef struct
{
  KamFigureQuery *self;
  const double *values;
  const gint16 *years;
  const char *const *column;
  GHashTable *labels;
  const char *const *notes;
} SortContext;

static int
compare_rows (gconstpointer a, gconstpointer b, gpointer data)
{
  SortContext *ctx = data;
  guint x = *(const guint *) a, y = *(const guint *) b;
  int r = 0;

  switch (ctx->self->sort_field)
    {
    case KAM_FIGURE_FIELD_VALUE:
      {
        double vx = ctx->values[x], vy = ctx->values[y];
        /* unknown values sort last in either order */
        if (isnan (vx) || isnan (vy))
          return isnan (vx) - isnan (vy);
        r = vx < vy ? -1 : vx > vy;
        break;
      }
    case KAM_FIGURE_FIELD_YEAR:
      r = ctx->years[x] - ctx->years[y];
      break;
    case KAM_FIGURE_FIELD_NOTE:
      r = g_strcmp0 (ctx->notes[x], ctx->notes[y]);
      break;
    default:
      if (ctx->column[x] != ctx->column[y])
        {
          Label *lx = g_hash_table_lookup (ctx->labels, label_key (ctx->column[x]));
          Label *ly = g_hash_table_lookup (ctx->labels, label_key (ctx->column[y]));
          r = (lx && ly) ? strcmp (lx->key, ly->key) : 0;
        }
    }
  if (ctx->self->descending)
    r = -r;
  /* ties keep the table's order, so the sort is stable */
  return r != 0 ? r : (x < y ? -1 : x > y);
}

static void
rebuild (KamFigureQuery *self)
{
  guint old_n = get_n_items (G_LIST_MODEL (self));
  guint n = kam_figure_table_get_n_rows (self->table);
  g_autoptr (GHashTable) countries = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) label_free);
  g_autoptr (GHashTable) indicators = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) label_free);
  g_autoptr (GHashTable) sources = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) label_free);
  const char *const *c_col = n ? kam_figure_table_get_countries (self->table) : NULL;
  const char *const *i_col = n ? kam_figure_table_get_indicators (self->table) : NULL;
  const char *const *s_col = n ? kam_figure_table_get_sources (self->table) : NULL;
  const char *const *notes = n ? kam_figure_table_get_notes (self->table) : NULL;
  const gint16 *years = n ? kam_figure_table_get_years (self->table) : NULL;
  const char *national = g_intern_static_string ("");

  g_clear_pointer (&self->rows, g_array_unref);
  if (!is_identity (self))
    {
      self->rows = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
      for (guint r = 0; r < n; r++)
        {
          if (self->country != NULL
              && (self->country == national ? c_col[r] != NULL : c_col[r] != self->country))
            continue;
          if (self->indicator != NULL && i_col[r] != self->indicator)
            continue;
          if (self->source != NULL && s_col[r] != self->source)
            continue;
          if (years[r] < self->first_year || years[r] > self->last_year)
            continue;
          if (self->search != NULL
              && !get_label (self, countries, KAM_FIGURE_FIELD_COUNTRY, c_col[r])->match
              && !get_label (self, indicators, KAM_FIGURE_FIELD_INDICATOR, i_col[r])->match
              && !get_label (self, sources, KAM_FIGURE_FIELD_SOURCE, s_col[r])->match
              && !text_matches (notes[r], self->search))
            continue;
          g_array_append_val (self->rows, r);
        }
      if (self->sort_field != KAM_QUERY_NO_SORT && self->rows->len > 1)
        {
          SortContext ctx = { self, kam_figure_table_get_values (self->table), years, NULL, NULL,
                              notes };
          KamFigureField f = self->sort_field;

          if (f == KAM_FIGURE_FIELD_COUNTRY || f == KAM_FIGURE_FIELD_INDICATOR
              || f == KAM_FIGURE_FIELD_SOURCE)
            {
              ctx.column = f == KAM_FIGURE_FIELD_COUNTRY ? c_col
                           : f == KAM_FIGURE_FIELD_INDICATOR ? i_col : s_col;
              ctx.labels = f == KAM_FIGURE_FIELD_COUNTRY ? countries
                           : f == KAM_FIGURE_FIELD_INDICATOR ? indicators : sources;
              /* make every label once before sorting */
              for (guint k = 0; k < self->rows->len; k++)
                get_label (self, ctx.labels, f, ctx.column[g_array_index (self->rows, guint, k)]);
            }
          g_array_sort_with_data (self->rows, compare_rows, &ctx);
        }
    }
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, get_n_items (G_LIST_MODEL (self)));
}

static void
table_items_changed (KamFigureQuery *self, guint position, guint removed, guint added)
{
  if (self->rows == NULL)
    g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  else
    rebuild (self);
}

/* ---- public ------------------------------------------------------------- */

static void
kam_figure_query_dispose (GObject *object)
{
  KamFigureQuery *self = KAM_FIGURE_QUERY (object);

  if (self->table != NULL)
    g_signal_handlers_disconnect_by_data (self->table, self);
  g_clear_object (&self->table);
  g_clear_object (&self->dataset);
  G_OBJECT_CLASS (kam_figure_query_parent_class)->dispose (object);
}

static void
kam_figure_query_finalize (GObject *object)
{
  KamFigureQuery *self = KAM_FIGURE_QUERY (object);

  g_free (self->search);
  g_clear_pointer (&self->rows, g_array_unref);
  G_OBJECT_CLASS (kam_figure_query_parent_class)->finalize (object);
}

static void
kam_figure_query_class_init (KamFigureQueryClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kam_figure_query_dispose;
  G_OBJECT_CLASS (klass)->finalize = kam_figure_query_finalize;
}

static void
kam_figure_query_init (KamFigureQuery *self)
{
  self->first_year = KAM_YEAR_MIN;
  self->last_year = KAM_YEAR_MAX;
  self->sort_field = KAM_QUERY_NO_SORT;
}

/**
 * kam_figure_query_new:
 *
 * Returns: (transfer full): a query showing all figures, in table order
 */
KamFigureQuery *
kam_figure_query_new (KamDataset *dataset)
{
  KamFigureQuery *self = g_object_new (KAM_TYPE_FIGURE_QUERY, NULL);

  self->dataset = g_object_ref (dataset);
  self->table = g_object_ref (kam_dataset_get_figures (dataset));
  g_signal_connect_swapped (self->table, "items-changed", G_CALLBACK (table_items_changed), self);
  return self;
}

/**
 * kam_figure_query_get_dataset:
 *
 * Returns: (transfer none): the dataset
 */
KamDataset *
kam_figure_query_get_dataset (KamFigureQuery *self)
{
  return self->dataset;
}

void
kam_figure_query_set_search (KamFigureQuery *self, const char *text)
{
  g_autofree char *folded = NULL;

  if (text != NULL)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (text));
      if (*stripped != '\0')
        folded = g_utf8_casefold (stripped, -1);
    }
  if (g_strcmp0 (folded, self->search) == 0)
    return;
  g_free (self->search);
  self->search = g_steal_pointer (&folded);
  rebuild (self);
}

static void
set_interned (KamFigureQuery *self, const char **field, const char *value)
{
  const char *interned = value != NULL ? g_intern_string (value) : NULL;

  if (*field == interned)
    return;
  *field = interned;
  rebuild (self);
}

void
kam_figure_query_set_country (KamFigureQuery *self, const char *code)
{
  set_interned (self, &self->country, code);
}

void
kam_figure_query_set_indicator (KamFigureQuery *self, const char *id)
{
  set_interned (self, &self->indicator, id);
}

void
kam_figure_query_set_source (KamFigureQuery *self, const char *id)
{
  set_interned (self, &self->source, id);
}

void
kam_figure_query_set_years (KamFigureQuery *self, int first, int last)
{
  if (self->first_year == first && self->last_year == last)
    return;
  self->first_year = first;
  self->last_year = last;
  rebuild (self);
}

/**
 * kam_figure_query_set_sort:
 * @field: a #KamFigureField, or KAM_QUERY_NO_SORT for the table's order
 */
void
kam_figure_query_set_sort (KamFigureQuery *self, int field, gboolean descending)
{
  if (self->sort_field == field && self->descending == descending)
    return;
  self->sort_field = field;
  self->descending = descending;
  rebuild (self);
}

int
kam_figure_query_get_sort_field (KamFigureQuery *self)
{
  return self->sort_field;
}

gboolean
kam_figure_query_get_sort_descending (KamFigureQuery *self)
{
  return self->descending;
}

int
kam_figure_query_get_table_row (KamFigureQuery *self, guint position)
{
  if (self->rows == NULL)
    return position < kam_figure_table_get_n_rows (self->table) ? (int) position : -1;
  return position < self->rows->len ? (int) g_array_index (self->rows, guint, position) : -1;
}

int
kam_figure_query_find_id (KamFigureQuery *self, guint id)
{
  int row = kam_figure_table_find_row (self->table, id);

  if (row < 0 || self->rows == NULL)
    return row;
  for (guint i = 0; i < self->rows->len; i++)
    if (g_array_index (self->rows, guint, i) == (guint) row)
      return i;
  return -1;
}
