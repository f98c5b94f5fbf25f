/* kam-figure-index.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The index of the figure table, kept current with every change.
 *
 * Groups: the rows of one (country, indicator, year, members), whatever their
 * source, are chained (next[row]); the first row of each group is in an
 * open-addressing hash set of row positions whose hash is worked out from
 * the row itself, so the index holds 8 bytes per slot (row and hash) and 4 per row, not a
 * copy of the key. Appending and changing a row update it in place; taking
 * rows out or putting them back moves positions, so it is rebuilt then.
 *
 * Counts: for each indicator, how many known values each year has, and how
 * many countries have known values in each year, so that year lists and
 * "the latest year with the most countries" need no scan. */

#include "kam-figure-index-private.h"
#include <string.h>

typedef struct
{
  GHashTable *year_rows;      /* year -> known rows */
  GHashTable *year_countries; /* year -> countries with known rows */
  GHashTable *country_year;   /* (country, year) -> known rows */
  GHashTable *country_rows;   /* country -> known rows */
} Counts;

typedef struct
{
  guint32 row;
  guint32 hash; /* compared before the row's key is read: probing touches one array */
} Slot;

struct _KamFigureIndex
{
  KamFigureTable *table; /* not owned: the table owns the index */
  Slot *slots;           /* a group's first row + 1 (0: empty) and its key's hash */
  guint mask;
  guint used;
  GArray *next;          /* guint32 per row: the next row + 1 of its group */
  GHashTable *counts;    /* interned indicator -> Counts */
};

typedef struct
{
  const char *country, *indicator;
  int year;
  guint16 members[KAM_MAX_DIMENSIONS];
} Key;

static void
row_key (KamFigureIndex *self, guint row, Key *key)
{
  KamFigureTable *t = self->table;

  key->country = kam_figure_table_get_countries (t)[row];
  key->indicator = kam_figure_table_get_indicators (t)[row];
  key->year = kam_figure_table_get_years (t)[row];
  for (guint d = 0; d < KAM_MAX_DIMENSIONS; d++)
    {
      const guint16 *column = kam_figure_table_get_member_column (t, d);
      key->members[d] = column ? column[row] : 0;
    }
}

static guint32
key_hash (const Key *k)
{
  /* FNV-style mixing of every field, so that keys differing in one field
   * only (the common case: the same country over many years) spread out */
  guint64 h = 1469598103934665603ull;

  h = (h ^ (guint64) (gsize) k->country) * 1099511628211ull;
  h = (h ^ (guint64) (gsize) k->indicator) * 1099511628211ull;
  h = (h ^ (guint64) (guint) k->year) * 1099511628211ull;
  for (guint d = 0; d < KAM_MAX_DIMENSIONS; d++)
    if (k->members[d] != 0)
      h = (h ^ ((guint64) k->members[d] << 8 | d)) * 1099511628211ull;
  /* murmur3's finaliser: every input bit reaches the low bits the mask keeps */
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return (guint32) h;
}

static gboolean
key_equal (const Key *a, const Key *b)
{
  return a->country == b->country && a->indicator == b->indicator && a->year == b->year
         && memcmp (a->members, b->members, sizeof a->members) == 0;
}

static void
free_counts (gpointer p)
{
  Counts *c = p;

  g_hash_table_unref (c->year_rows);
  g_hash_table_unref (c->year_countries);
  g_hash_table_unref (c->country_year);
  g_hash_table_unref (c->country_rows);
  g_free (c);
}

KamFigureIndex *
_kam_figure_index_new (KamFigureTable *table)
{
  KamFigureIndex *self = g_new0 (KamFigureIndex, 1);

  self->table = table;
  self->mask = 15;
  self->slots = g_new0 (Slot, self->mask + 1);
  self->next = g_array_new (FALSE, TRUE, sizeof (guint32));
  self->counts = g_hash_table_new_full (NULL, NULL, NULL, free_counts);
  return self;
}

void
_kam_figure_index_free (KamFigureIndex *self)
{
  if (self == NULL)
    return;
  g_free (self->slots);
  g_array_unref (self->next);
  g_hash_table_unref (self->counts);
  g_free (self);
}

/* The slot holding the group of `key`, or the empty slot where it belongs. */
static guint
find_slot (KamFigureIndex *self, const Key *key, guint32 hash)
{
  guint i = hash & self->mask;

  while (self->slots[i].row != 0)
    {
      Key other;

      if (self->slots[i].hash == hash)
        {
          row_key (self, self->slots[i].row - 1, &other);
          if (key_equal (key, &other))
            return i;
        }
      i = (i + 1) & self->mask;
    }
  return i;
}

static void
grow (KamFigureIndex *self)
{
  Slot *old = self->slots;
  guint old_size = self->mask + 1;

  self->mask = self->mask * 2 + 1;
  self->slots = g_new0 (Slot, self->mask + 1);
  for (guint i = 0; i < old_size; i++)
    if (old[i].row != 0)
      {
        guint j = old[i].hash & self->mask;

        while (self->slots[j].row != 0)
          j = (j + 1) & self->mask;
        self->slots[j] = old[i];
      }
  g_free (old);
}

/* Linear probing's deletion: shift back the entries that probed past it. */
static void
delete_slot (KamFigureIndex *self, guint hole)
{
  guint i = hole;

  self->slots[hole].row = 0;
  for (;;)
    {
      guint home;

      i = (i + 1) & self->mask;
      if (self->slots[i].row == 0)
        break;
      home = self->slots[i].hash & self->mask;
      /* move it when its home is not cyclically within (hole, i] */
      if ((i > hole && (home <= hole || home > i)) || (i < hole && home <= hole && home > i))
        {
          self->slots[hole] = self->slots[i];
          self->slots[i].row = 0;
          hole = i;
        }
    }
  self->used--;
}

static Counts *
counts_for (KamFigureIndex *self, const char *indicator, gboolean create)
{
  Counts *c = g_hash_table_lookup (self->counts, indicator);

  if (c == NULL && create)
    {
      c = g_new0 (Counts, 1);
      c->year_rows = g_hash_table_new (NULL, NULL);
      c->year_countries = g_hash_table_new (NULL, NULL);
      c->country_year = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      c->country_rows = g_hash_table_new (NULL, NULL);
      g_hash_table_insert (self->counts, (gpointer) indicator, c);
    }
  return c;
}

/* Adds delta to a count; returns the new count. */
static guint
bump (GHashTable *table, gpointer key, int delta)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (table, key)) + delta;

  if (n == 0)
    g_hash_table_remove (table, key);
  else
    g_hash_table_insert (table, key, GUINT_TO_POINTER (n));
  return n;
}

static void count_country (Counts *c, const Key *key, int delta);

static void
count (KamFigureIndex *self, guint row, const Key *key, int delta)
{
  Counts *c;

  if (key->indicator == NULL || !kam_value_is_known (kam_figure_table_get_values (self->table)[row]))
    return;
  c = counts_for (self, key->indicator, TRUE);
  bump (c->year_rows, GINT_TO_POINTER (key->year), delta);
  if (key->country != NULL)
    count_country (c, key, delta);
  if (g_hash_table_size (c->year_rows) == 0)
    g_hash_table_remove (self->counts, key->indicator);
}

static void
count_country (Counts *c, const Key *key, int delta)
{
  gint64 cy;

  bump (c->country_rows, (gpointer) key->country, delta);
  cy = (gint64) (gsize) key->country * 4096 + key->year;
  {
    guint n = GPOINTER_TO_UINT (g_hash_table_lookup (c->country_year, &cy)) + delta;

    if (n == 0)
      g_hash_table_remove (c->country_year, &cy);
    else
      g_hash_table_replace (c->country_year, g_memdup2 (&cy, sizeof cy), GUINT_TO_POINTER (n));
    /* a country starts or stops having known values in the year */
    if ((delta > 0 && n == 1) || (delta < 0 && n == 0))
      bump (c->year_countries, GINT_TO_POINTER (key->year), delta);
  }
}

void
_kam_figure_index_add (KamFigureIndex *self, guint row)
{
  Key key;
  guint slot;
  guint32 hash;

  if (self->next->len <= row)
    g_array_set_size (self->next, kam_figure_table_get_n_rows (self->table));
  row_key (self, row, &key);
  hash = key_hash (&key);
  slot = find_slot (self, &key, hash);
  if (self->slots[slot].row == 0)
    {
      self->slots[slot].row = row + 1;
      self->slots[slot].hash = hash;
      g_array_index (self->next, guint32, row) = 0;
      if (++self->used * 2 > self->mask)
        grow (self);
    }
  else
    {
      /* second in its group, after the first */
      guint head = self->slots[slot].row - 1;
      g_array_index (self->next, guint32, row) = g_array_index (self->next, guint32, head);
      g_array_index (self->next, guint32, head) = row + 1;
    }
  count (self, row, &key, +1);
}

void
_kam_figure_index_remove (KamFigureIndex *self, guint row)
{
  Key key;
  guint slot, head;
  guint32 *next = (guint32 *) self->next->data;

  row_key (self, row, &key);
  count (self, row, &key, -1);
  slot = find_slot (self, &key, key_hash (&key));
  g_return_if_fail (self->slots[slot].row != 0);
  head = self->slots[slot].row - 1;
  if (head == row)
    {
      if (next[row] != 0)
        self->slots[slot].row = next[row]; /* same key, same hash, same slot */
      else
        delete_slot (self, slot);
    }
  else
    {
      guint prev = head;
      while (next[prev] != 0 && next[prev] - 1 != row)
        prev = next[prev] - 1;
      g_return_if_fail (next[prev] != 0);
      next[prev] = next[row];
    }
  next[row] = 0;
}

void
_kam_figure_index_rebuild (KamFigureIndex *self)
{
  guint n = kam_figure_table_get_n_rows (self->table);
  guint size = 16;

  while (size < n * 2 + 2)
    size *= 2;
  g_free (self->slots);
  self->mask = size - 1;
  self->slots = g_new0 (Slot, size);
  self->used = 0;
  g_array_set_size (self->next, 0);
  g_array_set_size (self->next, n);
  g_hash_table_remove_all (self->counts);
  for (guint i = 0; i < n; i++)
    _kam_figure_index_add (self, i);
}

/* ---- queries ------------------------------------------------------------- */

static void
key_from_row (const KamFigureRow *row, Key *key)
{
  key->country = row->country && *row->country ? g_intern_string (row->country) : NULL;
  key->indicator = row->indicator ? g_intern_string (row->indicator) : NULL;
  key->year = row->year;
  memcpy (key->members, row->members, sizeof key->members);
}

int
kam_figure_table_find_group (KamFigureTable *table, const KamFigureRow *row)
{
  KamFigureIndex *self = _kam_figure_table_get_index (table);
  Key key;
  guint slot;

  key_from_row (row, &key);
  slot = find_slot (self, &key, key_hash (&key));
  return self->slots[slot].row != 0 ? (int) self->slots[slot].row - 1 : -1;
}

int
kam_figure_table_group_next (KamFigureTable *table, guint row)
{
  KamFigureIndex *self = _kam_figure_table_get_index (table);

  g_return_val_if_fail (row < self->next->len, -1);
  return (int) g_array_index (self->next, guint32, row) - 1;
}

int
kam_figure_table_find_same_key (KamFigureTable *table, const KamFigureRow *row, guint except_id)
{
  const char *source = row->source && *row->source ? g_intern_string (row->source) : NULL;

  for (int r = kam_figure_table_find_group (table, row); r >= 0;
       r = kam_figure_table_group_next (table, r))
    if (kam_figure_table_get_sources (table)[r] == source
        && kam_figure_table_get_id (table, r) != except_id)
      return r;
  return -1;
}

static int
compare_int (gconstpointer a, gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

GArray *
kam_figure_table_dup_years_of (KamFigureTable *table, const char *indicator)
{
  KamFigureIndex *self = _kam_figure_table_get_index (table);
  GArray *years = g_array_new (FALSE, FALSE, sizeof (int));
  Counts *c = indicator ? counts_for (self, g_intern_string (indicator), FALSE) : NULL;
  GHashTableIter iter;
  gpointer key;

  if (c == NULL)
    return years;
  g_hash_table_iter_init (&iter, c->year_rows);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      int y = GPOINTER_TO_INT (key);
      g_array_append_val (years, y);
    }
  g_array_sort (years, compare_int);
  return years;
}

guint
kam_figure_table_count_countries (KamFigureTable *table, const char *indicator, int year)
{
  KamFigureIndex *self = _kam_figure_table_get_index (table);
  Counts *c = indicator ? counts_for (self, g_intern_string (indicator), FALSE) : NULL;

  return c ? GPOINTER_TO_UINT (g_hash_table_lookup (c->year_countries, GINT_TO_POINTER (year))) : 0;
}

GPtrArray *
kam_figure_table_dup_countries_of (KamFigureTable *table, const char *indicator)
{
  KamFigureIndex *self = _kam_figure_table_get_index (table);
  Counts *c = indicator ? counts_for (self, g_intern_string (indicator), FALSE) : NULL;
  GPtrArray *out = g_ptr_array_new ();

  if (c != NULL)
    {
      g_autoptr (GList) keys = g_hash_table_get_keys (c->country_rows);
      for (GList *l = keys; l != NULL; l = l->next)
        g_ptr_array_add (out, l->data);
    }
  return out;
}

guint
kam_figure_table_count_years (KamFigureTable *table, const char *indicator, const char *country)
{
  KamFigureIndex *self = _kam_figure_table_get_index (table);
  Counts *c = indicator ? counts_for (self, g_intern_string (indicator), FALSE) : NULL;
  const char *code;
  GHashTableIter iter;
  gpointer year;
  guint n = 0;

  g_return_val_if_fail (country != NULL && *country != '\0', 0);
  code = g_intern_string (country);
  if (c == NULL)
    return 0;
  g_hash_table_iter_init (&iter, c->year_rows);
  while (g_hash_table_iter_next (&iter, &year, NULL))
    {
      gint64 cy = (gint64) (gsize) code * 4096 + GPOINTER_TO_INT (year);

      if (g_hash_table_contains (c->country_year, &cy))
        n++;
    }
  return n;
}

static gboolean
same_counts (GHashTable *a, GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_hash_table_lookup (b, key) != value)
      return FALSE;
  return TRUE;
}

/**
 * kam_figure_table_check_index:
 *
 * Compares the index with one built from scratch: every group holds exactly
 * the rows of its key, and the counts agree. For tests.
 */
gboolean
kam_figure_table_check_index (KamFigureTable *table)
{
  KamFigureIndex *self = _kam_figure_table_get_index (table);
  KamFigureIndex *fresh = _kam_figure_index_new (table);
  guint n = kam_figure_table_get_n_rows (table);
  g_autofree guint8 *seen = g_new0 (guint8, n + 1);
  gboolean ok = TRUE;
  GHashTableIter iter;
  gpointer indicator;
  Counts *c;

  _kam_figure_index_rebuild (fresh);
  ok &= fresh->used == self->used;
  for (guint i = 0; ok && i < n; i++)
    {
      Key key, other;
      guint slot;
      guint steps = 0;

      row_key (self, i, &key);
      slot = find_slot (self, &key, key_hash (&key));
      if (self->slots[slot].row == 0)
        {
          ok = FALSE;
          break;
        }
      /* i must be in its group's chain exactly once */
      for (guint r = self->slots[slot].row; r != 0 && steps <= n;
           r = g_array_index (self->next, guint32, r - 1), steps++)
        {
          row_key (self, r - 1, &other);
          ok &= key_equal (&key, &other);
          if (r - 1 == i)
            seen[i]++;
        }
      ok &= seen[i] == 1;
    }
  ok &= g_hash_table_size (fresh->counts) == g_hash_table_size (self->counts);
  g_hash_table_iter_init (&iter, fresh->counts);
  while (ok && g_hash_table_iter_next (&iter, &indicator, (gpointer *) &c))
    {
      Counts *mine = g_hash_table_lookup (self->counts, indicator);
      ok &= mine != NULL && same_counts (c->year_rows, mine->year_rows)
            && same_counts (c->year_countries, mine->year_countries)
            && same_counts (c->country_rows, mine->country_rows)
            && g_hash_table_size (c->country_year) == g_hash_table_size (mine->country_year);
    }
  _kam_figure_index_free (fresh);
  return ok;
}
