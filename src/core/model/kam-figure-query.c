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
  char **words;  /* its words: a figure is found when each word is in one of its fields */
  guint all_words; /* the mask of every word */
  const char *country, *indicator, *source; /* interned; country "" = national total */
  int first_year, last_year;
  int members[KAM_MAX_DIMENSIONS]; /* by dimension position; -1: any */
  int sort_field;
  gboolean descending;

  GArray *rows;  /* guint table rows, when filtered or sorted; NULL for identity */
  guint n_items; /* what the last items-changed told */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KamFigureQuery, kam_figure_query, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum
{
  PROP_0,
  PROP_SEARCH,
  PROP_COUNTRY,
  PROP_INDICATOR,
  PROP_SOURCE,
  PROP_FIRST_YEAR,
  PROP_LAST_YEAR,
  PROP_SORT_FIELD,
  PROP_SORT_DESCENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  MEMBERS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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
filters_members (KamFigureQuery *self)
{
  for (guint d = 0; d < KAM_MAX_DIMENSIONS; d++)
    if (self->members[d] >= 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_identity (KamFigureQuery *self)
{
  return self->search == NULL && self->country == NULL && self->indicator == NULL
         && self->source == NULL && self->first_year <= KAM_YEAR_MIN
         && self->last_year >= KAM_YEAR_MAX && self->sort_field == KAM_QUERY_NO_SORT
         && !filters_members (self);
}

/* ---- labels and matches per distinct value ------------------------------ */

typedef struct
{
  char *key;       /* collation key of the label, for sorting */
  guint match;     /* which words of the search the label or id holds */
} Label;

static void
label_free (Label *label)
{
  g_free (label->key);
  g_free (label);
}

/* g_ascii_tolower, inline: a call per character was a tenth of a search */
static inline char
lower (char c)
{
  return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* Whether ASCII text holds an ASCII needle, letters in any case; FALSE at
 * the first byte that is not ASCII (*ascii then says so). */
static gboolean
ascii_matches (const char *text, const char *folded_needle, gboolean *ascii)
{
  gboolean found = FALSE;

  for (const char *p = text; *p; p++)
    {
      if ((guchar) *p >= 0x80)
        {
          *ascii = FALSE;
          return FALSE;
        }
      if (!found && lower (*p) == folded_needle[0])
        {
          gsize i = 1;

          while (folded_needle[i] && p[i] && lower (p[i]) == folded_needle[i])
            i++;
          found = folded_needle[i] == '\0';
        }
    }
  *ascii = TRUE;
  return found;
}

static gboolean
text_matches (const char *text, const char *folded_needle)
{
  g_autofree char *folded = NULL;
  gboolean ascii = FALSE;

  if (text == NULL)
    return FALSE;
  if (*folded_needle == '\0')
    return TRUE;
  /* ASCII text folds to its lower case: no folded copy of each note (a third
   * of a search keystroke at 10^6 figures) */
  {
    gboolean found = ascii_matches (text, folded_needle, &ascii);

    if (ascii)
      return found;
  }
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, folded_needle) != NULL;
}

/* Which words of the search a text holds, as a mask. */
static guint
words_in (KamFigureQuery *self, const char *text)
{
  guint mask = 0;

  if (text == NULL)
    return 0;
  for (guint w = 0; self->words[w] != NULL; w++)
    if (text_matches (text, self->words[w]))
      mask |= 1u << w;
  return mask;
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
      /* found by either name, whichever is shown */
      if (c != NULL)
        other = g_strcmp0 (name, kam_country_get_name_km (c)) == 0 ? kam_country_get_name (c)
                                                                 : kam_country_get_name_km (c);
    }
  else if (field == KAM_FIGURE_FIELD_INDICATOR)
    {
      KamIndicator *i = kam_dataset_lookup_indicator (self->dataset, id);
      name = kam_dataset_get_indicator_label (self->dataset, id);
      /* found by either name, whichever is shown */
      if (i != NULL)
        other = g_strcmp0 (name, kam_indicator_get_name_km (i)) == 0 ? kam_indicator_get_name (i)
                                                                   : kam_indicator_get_name_km (i);
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
    label->match = words_in (self, name) | words_in (self, id) | words_in (self, other) | words_in (self, more);
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

/* A value per id of a column (whether it holds the search, its place in a
 * sort): ids are interned, so a pointer names one, a few hundred distinct
 * ones at most. An open-addressed table probed inline, with the last id
 * remembered (rows often come grouped): at 10^6 rows, GHashTable's calls were
 * a large part of a search keystroke and of a sort by name. */
typedef struct
{
  gconstpointer last;
  int last_value;
  gconstpointer *keys;
  int *values;
  guint bits, n;
} IdTable;

static void
id_table_init (IdTable *t)
{
  *t = (IdTable) { NULL, 0, NULL, NULL, 6, 0 };
  t->keys = g_new0 (gconstpointer, 1u << t->bits);
  t->values = g_new0 (int, 1u << t->bits);
}

static void
id_table_clear (IdTable *t)
{
  g_free (t->keys);
  g_free (t->values);
}

static inline guint
id_slot (gconstpointer key, guint bits)
{
  return (guint) (((guint64) GPOINTER_TO_SIZE (key) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> (64 - bits));
}

/* Whether key is in the table, and its value. */
static inline gboolean
id_table_find (IdTable *t, gconstpointer key, int *value)
{
  guint mask = (1u << t->bits) - 1;

  if (key == t->last)
    {
      *value = t->last_value;
      return TRUE;
    }
  for (guint i = id_slot (key, t->bits); t->keys[i] != NULL; i = (i + 1) & mask)
    if (t->keys[i] == key)
      {
        t->last = key;
        t->last_value = *value = t->values[i];
        return TRUE;
      }
  return FALSE;
}

static void
id_table_insert (IdTable *t, gconstpointer key, int value)
{
  guint mask;
  guint i;

  /* at most half full */
  if (2 * (t->n + 1) > (1u << t->bits))
    {
      gconstpointer *keys = t->keys;
      int *values = t->values;
      guint old_size = 1u << t->bits;

      t->bits++;
      t->n = 0;
      t->keys = g_new0 (gconstpointer, 1u << t->bits);
      t->values = g_new0 (int, 1u << t->bits);
      for (guint j = 0; j < old_size; j++)
        if (keys[j] != NULL)
          id_table_insert (t, keys[j], values[j]);
      g_free (keys);
      g_free (values);
    }
  mask = (1u << t->bits) - 1;
  for (i = id_slot (key, t->bits); t->keys[i] != NULL; i = (i + 1) & mask)
    ;
  t->keys[i] = key;
  t->values[i] = value;
  t->n++;
  t->last = key;
  t->last_value = value;
}

typedef struct
{
  KamFigureQuery *self;
  GHashTable *labels;
  KamFigureField field;
  IdTable table;
} IdMatches;

static inline guint
id_matches (IdMatches *m, const char *id)
{
  gconstpointer key = label_key (id);
  int match;

  if (!id_table_find (&m->table, key, &match))
    {
      match = get_label (m->self, m->labels, m->field, id)->match;
      id_table_insert (&m->table, key, match);
    }
  return match;
}

/* ---- sorting by keys ---------------------------------------------------- */

typedef struct
{
  guint64 key;
  guint row;
} Keyed;

/* Sorts by key, ties in the order they come (LSD radix: a pass per byte,
 * skipping bytes every key shares); at 10^6 rows several times faster than
 * comparing rows through a function. */
static void
radix_sort (Keyed *a, guint n)
{
  g_autofree Keyed *buffer = g_new (Keyed, n);
  Keyed *from = a, *to = buffer;

  for (guint shift = 0; shift < 64; shift += 8)
    {
      guint count[256] = { 0 };
      guint position = 0;

      for (guint i = 0; i < n; i++)
        count[(from[i].key >> shift) & 0xff]++;
      if (count[(from[0].key >> shift) & 0xff] == n)
        continue;
      for (guint b = 0; b < 256; b++)
        {
          guint c = count[b];

          count[b] = position;
          position += c;
        }
      for (guint i = 0; i < n; i++)
        to[count[(from[i].key >> shift) & 0xff]++] = from[i];
      {
        Keyed *swap = from;

        from = to;
        to = swap;
      }
    }
  if (from != a)
    memcpy (a, from, n * sizeof (Keyed));
}

/* A value as a key that sorts as the value does; unknown values last. */
static guint64
value_key (double v, gboolean descending)
{
  guint64 bits;

  if (isnan (v))
    return G_MAXUINT64;
  if (v == 0)
    v = 0; /* -0 and 0 tie */
  memcpy (&bits, &v, sizeof bits);
  bits = (bits >> 63) ? ~bits : bits | (G_GUINT64_CONSTANT (1) << 63);
  return descending ? ~bits : bits;
}

static int
compare_indexed_keys (gconstpointer a, gconstpointer b, gpointer keys)
{
  const char *const *k = keys;

  return strcmp (k[*(const guint *) a], k[*(const guint *) b]);
}

/* Each of n collation keys' rank among them, sorted (equal keys, the same
 * rank). */
static guint *
rank_keys (const char *const *keys, guint n)
{
  g_autofree guint *order = g_new (guint, MAX (n, 1));
  guint *rank = g_new (guint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, (int) n, sizeof (guint), compare_indexed_keys, (gpointer) keys);
  for (guint s = 0; s < n; s++)
    rank[order[s]] = s > 0 && strcmp (keys[order[s - 1]], keys[order[s]]) == 0 ? rank[order[s - 1]] : s;
  return rank;
}

/* Sorts the rows by a field other than the note: keys made once per row
 * (names by their rank among the distinct names), then radix sorted. */
static void
sort_by_keys (KamFigureQuery *self, const char *const *column, GHashTable *labels, const guint16 *members,
              GPtrArray *member_keys)
{
  guint n = self->rows->len;
  const guint *rows = (const guint *) self->rows->data;
  g_autofree Keyed *keyed = g_new (Keyed, n);
  KamFigureField f = self->sort_field;
  gboolean descending = self->descending;

  if (f == KAM_FIGURE_FIELD_VALUE)
    {
      const double *values = kam_figure_table_get_values (self->table);

      for (guint i = 0; i < n; i++)
        keyed[i] = (Keyed) { value_key (values[rows[i]], descending), rows[i] };
      descending = FALSE;
    }
  else if (f == KAM_FIGURE_FIELD_YEAR)
    {
      const gint16 *years = kam_figure_table_get_years (self->table);

      for (guint i = 0; i < n; i++)
        keyed[i] = (Keyed) { (guint64) (years[rows[i]] + 32768), rows[i] };
    }
  else if (f == KAM_FIGURE_FIELD_QUALIFIER)
    {
      const guint8 *qualifiers = kam_figure_table_get_qualifiers (self->table);

      for (guint i = 0; i < n; i++)
        keyed[i] = (Keyed) { qualifiers[rows[i]], rows[i] };
    }
  else if (column != NULL)
    {
      /* each distinct id's index, then its rank by its label's collation key */
      IdTable ids;
      g_autoptr (GPtrArray) distinct = g_ptr_array_new ();
      g_autofree guint *rank = NULL;

      id_table_init (&ids);
      for (guint i = 0; i < n; i++)
        {
          gconstpointer key = label_key (column[rows[i]]);
          int index;

          if (!id_table_find (&ids, key, &index))
            {
              index = (int) distinct->len;
              g_ptr_array_add (distinct, get_label (self, labels, f, column[rows[i]])->key);
              id_table_insert (&ids, key, index);
            }
          keyed[i] = (Keyed) { (guint64) index, rows[i] };
        }
      id_table_clear (&ids);
      rank = rank_keys ((const char *const *) distinct->pdata, distinct->len);
      for (guint i = 0; i < n; i++)
        keyed[i].key = rank[keyed[i].key];
    }
  else
    {
      /* a breakdown's members, by the ranks of their labels */
      g_autofree guint *rank = rank_keys (member_keys != NULL ? (const char *const *) member_keys->pdata : NULL,
                                          member_keys != NULL ? member_keys->len : 0);

      for (guint i = 0; i < n; i++)
        keyed[i] = (Keyed) { members != NULL ? rank[members[rows[i]]] : 0, rows[i] };
    }
  if (descending)
    for (guint i = 0; i < n; i++)
      keyed[i].key = ~keyed[i].key;
  radix_sort (keyed, n);
  for (guint i = 0; i < n; i++)
    g_array_index (self->rows, guint, i) = keyed[i].row;
}

/* ---- rebuilding --------------------------------------------------------- */

typedef struct
{
  const char *const *notes;
  gboolean descending;
} NoteOrder;

static int
compare_notes (gconstpointer a, gconstpointer b, gpointer data)
{
  NoteOrder *order = data;
  guint x = *(const guint *) a, y = *(const guint *) b;
  int r = g_strcmp0 (order->notes[x], order->notes[y]);

  if (order->descending)
    r = -r;
  /* ties keep the table's order, so the sort is stable */
  return r != 0 ? r : (x < y ? -1 : x > y);
}

static gboolean
members_match (KamFigureQuery *self, const guint16 *const *member_cols, guint r)
{
  for (guint d = 0; d < KAM_MAX_DIMENSIONS; d++)
    if (self->members[d] >= 0
        && (member_cols[d] != NULL ? member_cols[d][r] : KAM_MEMBER_TOTAL) != self->members[d])
      return FALSE;
  return TRUE;
}

static guint
search_matches_member (const guint16 *const *member_cols, GPtrArray *member_matches, guint r)
{
  guint mask = 0;

  for (guint d = 0; d < member_matches->len; d++)
    {
      const guint *matches = g_ptr_array_index (member_matches, d);
      if (matches != NULL)
        mask |= matches[member_cols[d][r]];
    }
  return mask;
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
  guint n_dimensions = kam_dataset_get_n_dimensions (self->dataset);
  const guint16 *member_cols[KAM_MAX_DIMENSIONS] = { NULL };
  /* per dimension in use, whether each member's name or code holds the search */
  g_autoptr (GPtrArray) member_matches = g_ptr_array_new_with_free_func (g_free);

  for (guint d = 0; d < n_dimensions && n > 0; d++)
    {
      KamDimension *dimension = kam_dataset_get_dimension (self->dataset, d);
      guint n_members = kam_dimension_get_n_members (dimension);
      guint *matches = NULL;

      member_cols[d] = kam_figure_table_get_member_column (self->table, d);
      if (self->search != NULL && member_cols[d] != NULL)
        {
          matches = g_new0 (guint, n_members);
          /* the totals are not breakdowns: a search for "total" does not list every figure */
          for (guint m = 1; m < n_members; m++)
            matches[m] = words_in (self, kam_dimension_get_member_name (dimension, m))
                         | words_in (self, kam_dimension_get_member_name_km (dimension, m))
                         | words_in (self, kam_dimension_get_member_code (dimension, m));
        }
      g_ptr_array_add (member_matches, matches);
    }

  g_clear_pointer (&self->rows, g_array_unref);
  if (!is_identity (self))
    {
      IdMatches country_matches = { self, countries, KAM_FIGURE_FIELD_COUNTRY };
      IdMatches indicator_matches = { self, indicators, KAM_FIGURE_FIELD_INDICATOR };
      IdMatches source_matches = { self, sources, KAM_FIGURE_FIELD_SOURCE };
      gboolean by_members = filters_members (self);
      guint *kept;
      guint n_kept = 0;
      /* per year, the words of the search it is ("Japan 2021") */
      guint year_words[KAM_YEAR_MAX - KAM_YEAR_MIN + 1] = { 0 };

      if (self->search != NULL)
        for (int y = KAM_YEAR_MIN; y <= KAM_YEAR_MAX; y++)
          {
            char text[8];

            g_snprintf (text, sizeof text, "%d", y);
            for (guint w = 0; self->words[w] != NULL; w++)
              if (g_str_equal (text, self->words[w]))
                year_words[y - KAM_YEAR_MIN] |= 1u << w;
          }

      id_table_init (&country_matches.table);
      id_table_init (&indicator_matches.table);
      id_table_init (&source_matches.table);
      self->rows = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
      g_array_set_size (self->rows, n);
      kept = (guint *) self->rows->data;
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
          if (by_members && !members_match (self, member_cols, r))
            continue;
          if (self->search != NULL)
            {
              /* each word in one of the figure's fields */
              guint found = id_matches (&country_matches, c_col[r]) | id_matches (&indicator_matches, i_col[r])
                            | id_matches (&source_matches, s_col[r])
                            | search_matches_member (member_cols, member_matches, r)
                            | (years[r] >= KAM_YEAR_MIN && years[r] <= KAM_YEAR_MAX
                                 ? year_words[years[r] - KAM_YEAR_MIN] : 0);

              if (found != self->all_words && notes[r] != NULL)
                for (guint w = 0; self->words[w] != NULL; w++)
                  if (!(found & (1u << w)) && text_matches (notes[r], self->words[w]))
                    found |= 1u << w;
              if (found != self->all_words)
                continue;
            }
          kept[n_kept++] = r;
        }
      g_array_set_size (self->rows, n_kept);
      id_table_clear (&country_matches.table);
      id_table_clear (&indicator_matches.table);
      id_table_clear (&source_matches.table);
      if (self->sort_field != KAM_QUERY_NO_SORT && self->rows->len > 1)
        {
          KamFigureField f = self->sort_field;

          if (f == KAM_FIGURE_FIELD_NOTE)
            {
              NoteOrder order = { notes, self->descending };

              g_array_sort_with_data (self->rows, compare_notes, &order);
            }
          else if (KAM_QUERY_SORT_IS_MEMBER (f))
            {
              guint d = f - KAM_QUERY_SORT_MEMBER (0);
              g_autoptr (GPtrArray) member_keys = g_ptr_array_new_with_free_func (g_free);

              if (d < n_dimensions)
                {
                  KamDimension *dimension = kam_dataset_get_dimension (self->dataset, d);

                  for (guint m = 0; m < kam_dimension_get_n_members (dimension); m++)
                    g_ptr_array_add (member_keys,
                                     g_utf8_collate_key (kam_dimension_get_member_label (dimension, m), -1));
                }
              sort_by_keys (self, NULL, NULL, d < n_dimensions ? member_cols[d] : NULL, member_keys);
            }
          else if (f == KAM_FIGURE_FIELD_COUNTRY || f == KAM_FIGURE_FIELD_INDICATOR
                   || f == KAM_FIGURE_FIELD_SOURCE)
            sort_by_keys (self,
                          f == KAM_FIGURE_FIELD_COUNTRY ? c_col : f == KAM_FIGURE_FIELD_INDICATOR ? i_col : s_col,
                          f == KAM_FIGURE_FIELD_COUNTRY ? countries
                          : f == KAM_FIGURE_FIELD_INDICATOR ? indicators : sources,
                          NULL, NULL);
          else
            sort_by_keys (self, NULL, NULL, NULL, NULL);
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
  g_strfreev (self->words);
  g_clear_pointer (&self->rows, g_array_unref);
  G_OBJECT_CLASS (kam_figure_query_parent_class)->finalize (object);
}

static void
kam_figure_query_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KamFigureQuery *self = KAM_FIGURE_QUERY (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;
    case PROP_INDICATOR:
      g_value_set_string (value, self->indicator);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_FIRST_YEAR:
      g_value_set_int (value, self->first_year);
      break;
    case PROP_LAST_YEAR:
      g_value_set_int (value, self->last_year);
      break;
    case PROP_SORT_FIELD:
      g_value_set_int (value, self->sort_field);
      break;
    case PROP_SORT_DESCENDING:
      g_value_set_boolean (value, self->descending);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kam_figure_query_set_property (GObject *object, guint prop_id, const GValue *value,
                               GParamSpec *pspec)
{
  KamFigureQuery *self = KAM_FIGURE_QUERY (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      kam_figure_query_set_search (self, g_value_get_string (value));
      break;
    case PROP_COUNTRY:
      kam_figure_query_set_country (self, g_value_get_string (value));
      break;
    case PROP_INDICATOR:
      kam_figure_query_set_indicator (self, g_value_get_string (value));
      break;
    case PROP_SOURCE:
      kam_figure_query_set_source (self, g_value_get_string (value));
      break;
    case PROP_FIRST_YEAR:
      kam_figure_query_set_years (self, g_value_get_int (value), self->last_year);
      break;
    case PROP_LAST_YEAR:
      kam_figure_query_set_years (self, self->first_year, g_value_get_int (value));
      break;
    case PROP_SORT_FIELD:
      kam_figure_query_set_sort (self, g_value_get_int (value), self->descending);
      break;
    case PROP_SORT_DESCENDING:
      kam_figure_query_set_sort (self, self->sort_field, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kam_figure_query_class_init (KamFigureQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = kam_figure_query_dispose;
  object_class->finalize = kam_figure_query_finalize;
  object_class->get_property = kam_figure_query_get_property;
  object_class->set_property = kam_figure_query_set_property;

  /* case-folded and trimmed; NULL when there is no search */
  properties[PROP_SEARCH] = g_param_spec_string ("search", NULL, NULL, NULL, flags);
  /* "" for the national totals; NULL for any */
  properties[PROP_COUNTRY] = g_param_spec_string ("country", NULL, NULL, NULL, flags);
  properties[PROP_INDICATOR] = g_param_spec_string ("indicator", NULL, NULL, NULL, flags);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, flags);
  properties[PROP_FIRST_YEAR] = g_param_spec_int ("first-year", NULL, NULL, G_MININT, G_MAXINT,
                                                  KAM_YEAR_MIN, flags);
  properties[PROP_LAST_YEAR] = g_param_spec_int ("last-year", NULL, NULL, G_MININT, G_MAXINT,
                                                 KAM_YEAR_MAX, flags);
  properties[PROP_SORT_FIELD] = g_param_spec_int ("sort-field", NULL, NULL, KAM_QUERY_NO_SORT,
                                                  G_MAXINT, KAM_QUERY_NO_SORT, flags);
  properties[PROP_SORT_DESCENDING] = g_param_spec_boolean ("sort-descending", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* a member filter changed (kam_figure_query_set_member): its dimension's position */
  signals[MEMBERS_CHANGED] = g_signal_new ("members-changed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                           G_TYPE_UINT);
}

static void
kam_figure_query_init (KamFigureQuery *self)
{
  self->first_year = KAM_YEAR_MIN;
  self->last_year = KAM_YEAR_MAX;
  self->sort_field = KAM_QUERY_NO_SORT;
  for (guint d = 0; d < KAM_MAX_DIMENSIONS; d++)
    self->members[d] = -1;
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
  g_clear_pointer (&self->words, g_strfreev);
  self->all_words = 0;
  if (self->search != NULL)
    {
      g_auto (GStrv) parts = g_strsplit_set (self->search, " \t\n", -1);
      g_autoptr (GPtrArray) words = g_ptr_array_new ();

      /* up to 32 words (a mask's bits); the rest of a longer search is one */
      for (guint i = 0; parts[i] != NULL; i++)
        if (*parts[i] != '\0' && words->len < 31)
          g_ptr_array_add (words, g_strdup (parts[i]));
      g_ptr_array_add (words, NULL);
      self->words = (char **) g_ptr_array_free (g_steal_pointer (&words), FALSE);
      self->all_words = (1u << g_strv_length (self->words)) - 1;
    }
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

static void
set_interned (KamFigureQuery *self, const char **field, const char *value, int prop)
{
  const char *interned = value != NULL ? g_intern_string (value) : NULL;

  if (*field == interned)
    return;
  *field = interned;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

const char *
kam_figure_query_get_country (KamFigureQuery *self)
{
  g_return_val_if_fail (KAM_IS_FIGURE_QUERY (self), NULL);
  return self->country;
}

const char *
kam_figure_query_get_indicator (KamFigureQuery *self)
{
  g_return_val_if_fail (KAM_IS_FIGURE_QUERY (self), NULL);
  return self->indicator;
}

const char *
kam_figure_query_get_source (KamFigureQuery *self)
{
  g_return_val_if_fail (KAM_IS_FIGURE_QUERY (self), NULL);
  return self->source;
}

void
kam_figure_query_get_years (KamFigureQuery *self, int *first, int *last)
{
  g_return_if_fail (KAM_IS_FIGURE_QUERY (self));
  if (first != NULL)
    *first = self->first_year;
  if (last != NULL)
    *last = self->last_year;
}

void
kam_figure_query_set_country (KamFigureQuery *self, const char *code)
{
  set_interned (self, &self->country, code, PROP_COUNTRY);
}

void
kam_figure_query_set_indicator (KamFigureQuery *self, const char *id)
{
  set_interned (self, &self->indicator, id, PROP_INDICATOR);
}

void
kam_figure_query_set_source (KamFigureQuery *self, const char *id)
{
  set_interned (self, &self->source, id, PROP_SOURCE);
}

/**
 * kam_figure_query_set_member:
 * @dimension: a dimension's position in the dataset
 * @member: the member whose figures to show, or -1 for any
 */
void
kam_figure_query_set_member (KamFigureQuery *self, guint dimension, int member)
{
  g_return_if_fail (dimension < KAM_MAX_DIMENSIONS);
  member = MAX (member, -1);
  if (self->members[dimension] == member)
    return;
  self->members[dimension] = member;
  rebuild (self);
  g_signal_emit (self, signals[MEMBERS_CHANGED], 0, dimension);
}

int
kam_figure_query_get_member (KamFigureQuery *self, guint dimension)
{
  g_return_val_if_fail (dimension < KAM_MAX_DIMENSIONS, -1);
  return self->members[dimension];
}

void
kam_figure_query_set_years (KamFigureQuery *self, int first, int last)
{
  gboolean first_changed = self->first_year != first, last_changed = self->last_year != last;

  if (!first_changed && !last_changed)
    return;
  self->first_year = first;
  self->last_year = last;
  rebuild (self);
  if (first_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_YEAR]);
  if (last_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_YEAR]);
}

/**
 * kam_figure_query_set_sort:
 * @field: a #KamFigureField (not MEMBERS), KAM_QUERY_SORT_MEMBER (dimension) to
 *   sort by a dimension's members' names, or KAM_QUERY_NO_SORT for the table's order
 */
void
kam_figure_query_set_sort (KamFigureQuery *self, int field, gboolean descending)
{
  gboolean field_changed = self->sort_field != field, order_changed = self->descending != descending;

  if (!field_changed && !order_changed)
    return;
  self->sort_field = field;
  self->descending = descending;
  rebuild (self);
  if (field_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_FIELD]);
  if (order_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_DESCENDING]);
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
