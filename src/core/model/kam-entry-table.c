/* kam-entry-table.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kam-entry-table.h"
#include "kam-iso-countries.h"
#include "kam-model-private.h"
#include "kam-number.h"

struct _KamEntryTable
{
  GObject parent_instance;

  KamDataset *dataset;
  int row_axis, column_axis;
  const char *indicator, *source, *destination; /* interned */
  int first_year, last_year;
  KamQualifier qualifier;
  /* the rows: country codes (interned; NULL for all destinations) when the
   * rows are destinations, member positions otherwise */
  GPtrArray *countries;
  GArray *members;
  GPtrArray *labels; /* of the rows, for countries not in the dataset too */
};

G_DEFINE_FINAL_TYPE (KamEntryTable, kam_entry_table, G_TYPE_OBJECT)

static void
kam_entry_table_finalize (GObject *object)
{
  KamEntryTable *self = KAM_ENTRY_TABLE (object);

  g_clear_object (&self->dataset);
  g_ptr_array_unref (self->countries);
  g_array_unref (self->members);
  g_ptr_array_unref (self->labels);
  G_OBJECT_CLASS (kam_entry_table_parent_class)->finalize (object);
}

static void
kam_entry_table_class_init (KamEntryTableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kam_entry_table_finalize;
}

static void
kam_entry_table_init (KamEntryTable *self)
{
  self->row_axis = KAM_ENTRY_DESTINATIONS;
  self->column_axis = KAM_ENTRY_YEARS;
  self->countries = g_ptr_array_new ();
  self->members = g_array_new (FALSE, FALSE, sizeof (guint));
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->first_year = self->last_year = 2024;
}

static KamDimension *
dimension_of (KamEntryTable *self, int axis)
{
  if (axis < 0 || (guint) axis >= kam_dataset_get_n_dimensions (self->dataset))
    return NULL;
  return kam_dataset_get_dimension (self->dataset, axis);
}

static const char *
iso_name (const char *code)
{
  GPtrArray *iso = kam_iso_countries_get_default ();
  const KamIsoCountry *country = iso ? kam_iso_countries_find (iso, code) : NULL;

  if (country == NULL)
    return NULL;
  return _kam_pick_label (country->name, country->name_km, code);
}

static char *
country_label (KamEntryTable *self, const char *code)
{
  const char *name;

  if (code == NULL || kam_dataset_lookup_country (self->dataset, code) != NULL)
    return g_strdup (kam_dataset_get_country_label (self->dataset, code));
  name = iso_name (code);
  return g_strdup (name ? name : code);
}

static int
compare_labels (gconstpointer a, gconstpointer b, gpointer user_data)
{
  KamEntryTable *self = user_data;
  const char *x = *(const char *const *) a, *y = *(const char *const *) b;
  g_autofree char *lx = NULL, *ly = NULL;

  if (x == NULL || y == NULL)
    return (x != NULL) - (y != NULL); /* all destinations first */
  lx = country_label (self, x);
  ly = country_label (self, y);
  return g_utf8_collate (lx, ly);
}

/* The rows again: every member of a dimension, or the destinations that have
 * a figure of the table's indicator, years and source. */
static void
choose_rows (KamEntryTable *self)
{
  KamDimension *dimension = dimension_of (self, self->row_axis);

  g_ptr_array_set_size (self->countries, 0);
  g_array_set_size (self->members, 0);
  g_ptr_array_set_size (self->labels, 0);
  if (dimension != NULL)
    {
      for (guint m = 0; m < kam_dimension_get_n_members (dimension); m++)
        {
          g_array_append_val (self->members, m);
          g_ptr_array_add (self->labels, g_strdup (kam_dimension_get_member_label (dimension, m)));
        }
      return;
    }
  if (self->indicator != NULL)
    {
      KamFigureTable *table = kam_dataset_get_figures (self->dataset);
      const char *const *countries = kam_figure_table_get_countries (table);
      const char *const *indicators = kam_figure_table_get_indicators (table);
      const char *const *sources = kam_figure_table_get_sources (table);
      const gint16 *years = kam_figure_table_get_years (table);
      g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
      gboolean total = FALSE;

      for (guint i = 0; i < kam_figure_table_get_n_rows (table); i++)
        {
          if (indicators[i] != self->indicator || sources[i] != self->source || years[i] < self->first_year
              || years[i] > self->last_year)
            continue;
          if (countries[i] == NULL)
            total = TRUE;
          else if (g_hash_table_add (seen, (gpointer) countries[i]))
            g_ptr_array_add (self->countries, (gpointer) countries[i]);
        }
      if (total)
        g_ptr_array_add (self->countries, NULL);
      g_ptr_array_sort_with_data (self->countries, compare_labels, self);
    }
  for (guint r = 0; r < self->countries->len; r++)
    g_ptr_array_add (self->labels, country_label (self, g_ptr_array_index (self->countries, r)));
}

KamEntryTable *
kam_entry_table_new (KamDataset *dataset)
{
  KamEntryTable *self = g_object_new (KAM_TYPE_ENTRY_TABLE, NULL);

  self->dataset = g_object_ref (dataset);
  return self;
}

KamDataset *
kam_entry_table_get_dataset (KamEntryTable *self)
{
  return self->dataset;
}

void
kam_entry_table_set_layout (KamEntryTable *self, int rows, int columns)
{
  g_return_if_fail (rows != KAM_ENTRY_YEARS && rows != columns);
  self->row_axis = rows;
  self->column_axis = columns;
  choose_rows (self);
}

int
kam_entry_table_get_row_axis (KamEntryTable *self)
{
  return self->row_axis;
}

int
kam_entry_table_get_column_axis (KamEntryTable *self)
{
  return self->column_axis;
}

void
kam_entry_table_set_indicator (KamEntryTable *self, const char *indicator)
{
  self->indicator = g_intern_string (indicator);
  choose_rows (self);
}

const char *
kam_entry_table_get_indicator (KamEntryTable *self)
{
  return self->indicator;
}

void
kam_entry_table_set_years (KamEntryTable *self, int first, int last)
{
  self->first_year = CLAMP (first, KAM_YEAR_MIN, KAM_YEAR_MAX);
  self->last_year = CLAMP (MAX (first, last), self->first_year, MIN (self->first_year + 99, KAM_YEAR_MAX));
  choose_rows (self);
}

int
kam_entry_table_get_first_year (KamEntryTable *self)
{
  return self->first_year;
}

int
kam_entry_table_get_last_year (KamEntryTable *self)
{
  return self->column_axis == KAM_ENTRY_YEARS ? self->last_year : self->first_year;
}

void
kam_entry_table_set_source (KamEntryTable *self, const char *source)
{
  self->source = g_intern_string (source);
  choose_rows (self);
}

const char *
kam_entry_table_get_source (KamEntryTable *self)
{
  return self->source;
}

void
kam_entry_table_set_qualifier (KamEntryTable *self, KamQualifier qualifier)
{
  self->qualifier = qualifier;
}

void
kam_entry_table_set_destination (KamEntryTable *self, const char *country)
{
  self->destination = g_intern_string (country);
}

guint
kam_entry_table_get_n_rows (KamEntryTable *self)
{
  return self->labels->len;
}

guint
kam_entry_table_get_n_columns (KamEntryTable *self)
{
  KamDimension *dimension = dimension_of (self, self->column_axis);

  if (dimension != NULL)
    return kam_dimension_get_n_members (dimension);
  return (guint) (self->last_year - self->first_year + 1);
}

const char *
kam_entry_table_get_row_country (KamEntryTable *self, guint row)
{
  if (self->row_axis != KAM_ENTRY_DESTINATIONS)
    return self->destination;
  g_return_val_if_fail (row < self->countries->len, NULL);
  return g_ptr_array_index (self->countries, row);
}

const char *
kam_entry_table_get_row_label (KamEntryTable *self, guint row)
{
  g_return_val_if_fail (row < self->labels->len, "");
  return g_ptr_array_index (self->labels, row);
}

char *
kam_entry_table_dup_column_label (KamEntryTable *self, guint column)
{
  KamDimension *dimension = dimension_of (self, self->column_axis);

  if (dimension != NULL)
    return g_strdup (kam_dimension_get_member_label (dimension, column));
  return kam_number_format_year (self->first_year + (int) column);
}

gboolean
kam_entry_table_row_is_total (KamEntryTable *self, guint row)
{
  if (self->row_axis == KAM_ENTRY_DESTINATIONS)
    return row < self->countries->len && g_ptr_array_index (self->countries, row) == NULL;
  return row < self->members->len && g_array_index (self->members, guint, row) == KAM_MEMBER_TOTAL;
}

gboolean
kam_entry_table_column_is_total (KamEntryTable *self, guint column)
{
  return self->column_axis >= 0 && column == KAM_MEMBER_TOTAL;
}

int
kam_entry_table_add_row (KamEntryTable *self, const char *text, GError **error)
{
  KamDimension *dimension = dimension_of (self, self->row_axis);
  const char *code = NULL;

  if (dimension != NULL)
    {
      int member = kam_dimension_find_member (dimension, text, TRUE);

      for (guint r = 0; member >= 0 && r < self->members->len; r++)
        if (g_array_index (self->members, guint, r) == (guint) member)
          return (int) r;
      if (member < 0)
        {
          g_set_error (error, KAM_ERROR, KAM_ERROR_NOT_FOUND, _("“%s” is not a member of “%s”."), text,
                       kam_dimension_get_label (dimension));
          return -1;
        }
      g_array_append_val (self->members, member);
      g_ptr_array_add (self->labels, g_strdup (kam_dimension_get_member_label (dimension, member)));
      return (int) self->members->len - 1;
    }
  code = kam_dataset_find_key (self->dataset, KAM_FIGURE_FIELD_COUNTRY, text, TRUE);
  if (code == NULL && text != NULL)
    {
      const KamIsoCountry *iso = kam_iso_countries_find_text (kam_iso_countries_get_default (), text);

      if (iso != NULL)
        code = g_intern_string (iso->code);
    }
  if (code == NULL)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_NOT_FOUND, _("There is no country “%s”."), text ? text : "");
      return -1;
    }
  for (guint r = 0; r < self->countries->len; r++)
    if (g_ptr_array_index (self->countries, r) == code)
      return (int) r;
  g_ptr_array_add (self->countries, (gpointer) code);
  g_ptr_array_add (self->labels, country_label (self, code));
  return (int) self->countries->len - 1;
}

void
kam_entry_table_get_cell_key (KamEntryTable *self, guint row, guint column, KamFigureRow *key)
{
  memset (key, 0, sizeof *key);
  key->indicator = self->indicator;
  key->source = self->source;
  key->qualifier = self->qualifier;
  key->value = KAM_VALUE_UNKNOWN;
  key->year = self->first_year;
  key->country = kam_entry_table_get_row_country (self, row);
  if (self->row_axis >= 0 && row < self->members->len)
    key->members[self->row_axis] = g_array_index (self->members, guint, row);
  if (self->column_axis >= 0)
    key->members[self->column_axis] = column;
  else
    key->year = self->first_year + (int) column;
}

guint
kam_entry_table_get_cell (KamEntryTable *self, guint row, guint column, double *value)
{
  KamFigureTable *table = kam_dataset_get_figures (self->dataset);
  KamFigureRow key;
  int found;

  kam_entry_table_get_cell_key (self, row, column, &key);
  found = self->indicator ? kam_figure_table_find_same_key (table, &key, 0) : -1;
  if (value != NULL)
    *value = found >= 0 ? kam_figure_table_get_value (table, found) : KAM_VALUE_UNKNOWN;
  return found >= 0 ? kam_figure_table_get_id (table, found) : 0;
}

/* One cell, inside the caller's group. */
static gboolean
set_one (KamEntryTable *self, guint row, guint column, double value, const char *note, GError **error)
{
  KamFigureRow key;
  guint id = kam_entry_table_get_cell (self, row, column, NULL);

  if (self->indicator == NULL)
    {
      g_set_error_literal (error, KAM_ERROR, KAM_ERROR_INVALID, _("Choose an indicator first."));
      return FALSE;
    }
  if (!kam_rule_check_typed_value (self->dataset, self->indicator, value, error))
    return FALSE;
  if (id != 0)
    {
      KamFigureRow src = { .note = note };

      if (!kam_dataset_set_figure_value (self->dataset, id, value, error))
        return FALSE;
      return note == NULL || kam_dataset_set_figure_field (self->dataset, id, KAM_FIGURE_FIELD_NOTE, &src, error);
    }
  if (!kam_value_is_known (value))
    return TRUE; /* an empty cell stays empty */
  kam_entry_table_get_cell_key (self, row, column, &key);
  key.value = value;
  key.note = note;
  if (key.country != NULL && kam_dataset_lookup_country (self->dataset, key.country) == NULL)
    {
      g_autoptr (KamCountry) country = kam_country_new (key.country);
      const char *name = iso_name (key.country);
      GPtrArray *iso = kam_iso_countries_get_default ();
      const KamIsoCountry *found = iso ? kam_iso_countries_find (iso, key.country) : NULL;

      kam_country_set_name (country, found ? found->name : name ? name : key.country);
      if (found != NULL && found->name_km != NULL)
        kam_country_set_name_km (country, found->name_km);
      if (!kam_dataset_add_country (self->dataset, country, error))
        return FALSE;
    }
  return kam_dataset_add_figure (self->dataset, &key, error) != 0;
}

static gboolean
set_cells (KamEntryTable *self, guint row, guint column, const double *values, guint n_rows, guint n_columns,
           const char *note, GError **error)
{
  guint rows = kam_entry_table_get_n_rows (self), columns = kam_entry_table_get_n_columns (self);
  guint64 state = kam_dataset_get_state (self->dataset);
  gboolean ok = TRUE;

  /* every value first, so that a refused one changes nothing */
  for (guint i = 0; i < n_rows * n_columns; i++)
    if (!kam_rule_check_typed_value (self->dataset, self->indicator, values[i], error))
      return FALSE;
  kam_dataset_begin_group (self->dataset, n_rows * n_columns == 1 ? _("Enter a figure") : _("Paste figures"));
  for (guint r = 0; ok && r < n_rows && row + r < rows; r++)
    for (guint c = 0; ok && c < n_columns && column + c < columns; c++)
      ok = set_one (self, row + r, column + c, values[r * n_columns + c], note, error);
  kam_dataset_end_group (self->dataset);
  if (!ok && kam_dataset_get_state (self->dataset) != state)
    kam_dataset_undo (self->dataset); /* the part of the group done */
  return ok;
}

gboolean
kam_entry_table_set_cell (KamEntryTable *self, guint row, guint column, double value, const char *note,
                          GError **error)
{
  return set_cells (self, row, column, &value, 1, 1, note, error);
}

gboolean
kam_entry_table_set_block (KamEntryTable *self, guint row, guint column, const double *values, guint n_rows,
                           guint n_columns, GError **error)
{
  return set_cells (self, row, column, values, n_rows, n_columns, NULL, error);
}

double
kam_entry_table_get_column_sum (KamEntryTable *self, guint column, guint *n_known)
{
  double sum = 0;
  guint n = 0;

  for (guint r = 0; r < kam_entry_table_get_n_rows (self); r++)
    {
      double value;

      if (kam_entry_table_row_is_total (self, r))
        continue;
      kam_entry_table_get_cell (self, r, column, &value);
      if (kam_value_is_known (value))
        {
          sum += value;
          n++;
        }
    }
  if (n_known != NULL)
    *n_known = n;
  return sum;
}

gboolean
kam_entry_table_get_mismatch (KamEntryTable *self, guint row, guint column, double *difference)
{
  double total, sum = 0;
  guint parts = 0, known = 0;
  gboolean complete;

  kam_entry_table_get_cell (self, row, column, &total);
  if (!kam_value_is_known (total))
    return FALSE;
  if (kam_entry_table_column_is_total (self, column))
    {
      guint columns = kam_entry_table_get_n_columns (self);

      for (guint c = 1; c < columns; c++)
        {
          double value;

          kam_entry_table_get_cell (self, row, c, &value);
          parts++;
          if (kam_value_is_known (value))
            {
              sum += value;
              known++;
            }
        }
      complete = known == parts; /* a breakdown's members are all its parts */
    }
  else if (kam_entry_table_row_is_total (self, row))
    {
      sum = kam_entry_table_get_column_sum (self, column, &known);
      /* the destinations listed need not be all there are */
      complete = self->row_axis >= 0 && known + 1 == kam_entry_table_get_n_rows (self);
    }
  else
    return FALSE;
  if (known == 0)
    return FALSE;
  if (difference != NULL)
    *difference = total - sum;
  if (self->qualifier == KAM_QUALIFIER_LOWER_BOUND)
    return FALSE;
  return sum > total || (complete && sum != total);
}
