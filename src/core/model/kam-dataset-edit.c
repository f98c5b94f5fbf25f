/* kam-dataset-edit.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Every change of a dataset goes through a mutator here, which checks it
 * against the figure rules, applies it as a command and records that command
 * in the history, so that everything can be undone and `modified` follows
 * from the history alone. */

#include <glib/gi18n-lib.h>
#include "kam-dataset-private.h"
#include "kam-dataset-commands-private.h"
#include "kam-history-private.h"
#include "kam-model-private.h"
#include <stdlib.h>
#include <string.h>

/* ---- mutators ---------------------------------------------------------- */

/**
 * kam_dataset_set_item_property:
 * @item: a #KamCountry, #KamIndicator, #KamSource or #KamAgreement of this
 *   dataset, or the dataset itself
 *
 * Sets one property as an undoable step. Nothing is recorded when the value
 * does not change.
 */
gboolean
kam_dataset_set_item_property (KamDataset *self, gpointer item, const char *property,
                               const GValue *value, GError **error)
{
  GParamSpec *pspec;
  PropCommand *command;
  g_auto (GValue) old_value = G_VALUE_INIT;

  if (!_kam_dataset_check_lists (self, error))
    return FALSE;

  g_return_val_if_fail (KAM_IS_DATASET (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (item), FALSE);

  /* a source's id is its name in every figure and agreement: they follow */
  if (KAM_IS_SOURCE (item) && g_str_equal (property, "id") && G_VALUE_HOLDS_STRING (value))
    return kam_dataset_rename_source (self, item, g_value_get_string (value), error);
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), property);
  g_return_val_if_fail (pspec != NULL && (pspec->flags & G_PARAM_WRITABLE)
                          && !(pspec->flags & G_PARAM_CONSTRUCT_ONLY), FALSE);
  if (!_kam_dataset_validate_item_property (self, item, property, value, error))
    return FALSE;

  g_value_init (&old_value, pspec->value_type);
  g_object_get_property (item, property, &old_value);
  if (g_param_values_cmp (pspec, &old_value, value) == 0)
    return TRUE;
  if (G_VALUE_HOLDS_STRING (value))
    {
      const char *a = g_value_get_string (&old_value), *b = g_value_get_string (value);
      /* "" and NULL are the same text */
      if ((a == NULL || *a == '\0') && (b == NULL || *b == '\0'))
        return TRUE;
    }

  command = _kam_command_alloc (&_kam_prop_command_class, sizeof (PropCommand), _("Edit"));
  command->item = g_object_ref (item);
  command->property = pspec->name;
  g_value_init (&command->old_value, pspec->value_type);
  g_value_copy (&old_value, &command->old_value);
  g_value_init (&command->new_value, pspec->value_type);
  g_value_copy (value, &command->new_value);
  _kam_dataset_run (self, (KamCommand *) command);
  return TRUE;
}

gboolean
kam_dataset_set_item_string (KamDataset *self, gpointer item, const char *property,
                             const char *value, GError **error)
{
  g_auto (GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_STRING);
  g_value_set_string (&v, value);
  return kam_dataset_set_item_property (self, item, property, &v, error);
}

gboolean
kam_dataset_set_title (KamDataset *self, const char *title)
{
  return kam_dataset_set_item_string (self, self, "title", title, NULL);
}

gboolean
kam_dataset_set_description (KamDataset *self, const char *description)
{
  return kam_dataset_set_item_string (self, self, "description", description, NULL);
}

static void
run_list (KamDataset *self, ListKind list, gpointer item, gboolean insert, const char *label)
{
  ListCommand *command = _kam_command_alloc (&_kam_list_command_class, sizeof (ListCommand), label);
  guint position = g_list_model_get_n_items (G_LIST_MODEL (self->lists[list]));

  if (!insert)
    g_assert (g_list_store_find (self->lists[list], item, &position));
  command->list = list;
  command->item = g_object_ref (item);
  command->position = position;
  command->insert = insert;
  _kam_dataset_run (self, (KamCommand *) command);
}

static gboolean
check_new_key (KamDataset *self, ListKind list, const char *key, GError **error)
{
  if (key == NULL || key[0] == '\0')
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("The code or id is empty."));
      return FALSE;
    }
  if (_kam_dataset_lookup (self, list, key) != NULL)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("“%s” is already in this dataset."),
                   key);
      return FALSE;
    }
  return TRUE;
}

gboolean
kam_dataset_add_country (KamDataset *self, KamCountry *country, GError **error)
{
  const char *code = kam_country_get_code (country);

  if (!_kam_dataset_check_lists (self, error))
    return FALSE;

  if (!kam_country_code_is_valid (code))
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID,
                   _("“%s” is not a country code: use three capital letters A–Z, as in JPN."),
                   code != NULL ? code : "");
      return FALSE;
    }
  if (!check_new_key (self, LIST_COUNTRIES, code, error))
    return FALSE;
  run_list (self, LIST_COUNTRIES, country, TRUE, _("Add country"));
  return TRUE;
}

gboolean
kam_dataset_add_indicator (KamDataset *self, KamIndicator *indicator, GError **error)
{
  if (!_kam_dataset_check_lists (self, error))
    return FALSE;
  if (!check_new_key (self, LIST_INDICATORS, kam_indicator_get_id (indicator), error))
    return FALSE;
  run_list (self, LIST_INDICATORS, indicator, TRUE, _("Add indicator"));
  return TRUE;
}

gboolean
kam_dataset_add_source (KamDataset *self, KamSource *source, GError **error)
{
  const char *date = kam_source_get_date (source);

  if (!_kam_dataset_check_lists (self, error))
    return FALSE;

  if (!check_new_key (self, LIST_SOURCES, kam_source_get_id (source), error))
    return FALSE;
  if (date != NULL && !kam_partial_date_is_valid (date))
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID,
                   _("“%s” is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD."), date);
      return FALSE;
    }
  run_list (self, LIST_SOURCES, source, TRUE, _("Add source"));
  return TRUE;
}

/**
 * kam_dataset_rename_source:
 *
 * Gives a source another id, and its figures and agreements with it, as one
 * undoable step. Refused (nothing changed) when the id is empty or another
 * source has it.
 */
gboolean
kam_dataset_rename_source (KamDataset *self, KamSource *source, const char *id, GError **error)
{
  g_autoptr (KamSource) renamed = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint));
  KamFigureTable *table = self->figures;
  const char *old = g_intern_string (kam_source_get_id (source));
  GListModel *agreements = G_LIST_MODEL (self->lists[LIST_AGREEMENTS]);
  guint n_properties;
  g_autofree GParamSpec **properties = g_object_class_list_properties (G_OBJECT_GET_CLASS (source), &n_properties);
  KamFigureRow src = { 0 };

  if (!_kam_dataset_check_lists (self, error))
    return FALSE;

  if (g_strcmp0 (id, old) == 0)
    return TRUE;
  if (!check_new_key (self, LIST_SOURCES, id, error))
    return FALSE;
  renamed = kam_source_new (id);
  for (guint i = 0; i < n_properties; i++)
    if (!g_str_equal (properties[i]->name, "id") && (properties[i]->flags & G_PARAM_WRITABLE)
        && !(properties[i]->flags & G_PARAM_CONSTRUCT_ONLY))
      {
        g_auto (GValue) value = G_VALUE_INIT;

        g_value_init (&value, properties[i]->value_type);
        g_object_get_property (G_OBJECT (source), properties[i]->name, &value);
        g_object_set_property (G_OBJECT (renamed), properties[i]->name, &value);
      }
  for (guint i = 0; i < kam_figure_table_get_n_rows (table); i++)
    if (kam_figure_table_get_source (table, i) == old)
      {
        guint figure = kam_figure_table_get_id (table, i);
        g_array_append_val (ids, figure);
      }
  src.source = g_intern_string (id);
  kam_dataset_begin_group (self, _("Rename a source"));
  kam_dataset_add_source (self, renamed, NULL);
  for (guint i = 0; i < ids->len; i++)
    kam_dataset_set_figure_field (self, g_array_index (ids, guint, i), KAM_FIGURE_FIELD_SOURCE, &src, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (agreements); i++)
    {
      g_autoptr (KamAgreement) agreement = g_list_model_get_item (agreements, i);

      if (g_strcmp0 (kam_agreement_get_source (agreement), old) == 0)
        kam_dataset_set_item_string (self, agreement, "source", id, NULL);
    }
  kam_dataset_remove_source (self, source, FALSE, NULL);
  kam_dataset_end_group (self);
  return TRUE;
}

gboolean
kam_dataset_add_agreement (KamDataset *self, KamAgreement *agreement, GError **error)
{
  static const char *const checked[] = { "country", "source", "signed" };

  if (!_kam_dataset_check_lists (self, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (checked); i++)
    {
      g_auto (GValue) v = G_VALUE_INIT;

      g_value_init (&v, G_TYPE_STRING);
      g_object_get_property (G_OBJECT (agreement), checked[i], &v);
      if (!_kam_dataset_validate_item_property (self, agreement, checked[i], &v, error))
        return FALSE;
    }
  run_list (self, LIST_AGREEMENTS, agreement, TRUE, _("Add agreement"));
  return TRUE;
}

/**
 * kam_dataset_add_dimension:
 *
 * Adds a dimension (with its members, the first being the total) as one
 * undoable step. A dataset holds at most KAM_MAX_DIMENSIONS.
 */
gboolean
kam_dataset_add_dimension (KamDataset *self, KamDimension *dimension, GError **error)
{
  const char *id = kam_dimension_get_id (dimension);

  if (!_kam_dataset_check_lists (self, error))
    return FALSE;

  g_return_val_if_fail (KAM_IS_DATASET (self), FALSE);
  if (!kam_dimension_id_is_valid (id))
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID,
                   _("“%s” is not a dimension id: use lower-case letters, digits, - and _, starting with a letter."),
                   id != NULL ? id : "");
      return FALSE;
    }
  if (!check_new_key (self, LIST_DIMENSIONS, id, error))
    return FALSE;
  if (g_strv_contains ((const char *const[]) { "country", "year", "indicator", "value", "qualifier",
                                               "source", "note", NULL }, id))
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID,
                   _("“%s” is the name of a figure column, not a dimension."), id);
      return FALSE;
    }
  if (kam_dataset_get_n_dimensions (self) >= KAM_MAX_DIMENSIONS)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_TOO_LARGE,
                   _("A dataset has at most %d dimensions."), KAM_MAX_DIMENSIONS);
      return FALSE;
    }
  if (kam_dimension_get_n_members (dimension) == 0)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID,
                   _("The dimension “%s” has no members: it needs at least its total."), id);
      return FALSE;
    }
  run_list (self, LIST_DIMENSIONS, dimension, TRUE, _("Add dimension"));
  return TRUE;
}

/**
 * kam_dataset_add_member:
 *
 * Appends a member to a dimension of this dataset as one undoable step.
 *
 * Returns: the member's position, or -1 with an error
 */
int
kam_dataset_add_member (KamDataset *self, KamDimension *dimension, const char *code,
                        const char *name, const char *name_km, GError **error)
{
  if (!_kam_dataset_check_lists (self, error))
    return FALSE;
  MemberCommand *command;

  g_return_val_if_fail (KAM_IS_DATASET (self), -1);
  if (_kam_dataset_lookup (self, LIST_DIMENSIONS, kam_dimension_get_id (dimension)) != dimension)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_NOT_FOUND, _("“%s” is not in this dataset."),
                   kam_dimension_get_id (dimension));
      return -1;
    }
  if (!kam_member_code_is_valid (code))
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID,
                   _("“%s” is not a member code: use letters, digits, - _ + and ., as in KH-12 or 65+."),
                   code != NULL ? code : "");
      return -1;
    }
  if (!_kam_member_name_is_free (dimension, NULL, code, error)
      || !_kam_member_name_is_free (dimension, NULL, name, error)
      || !_kam_member_name_is_free (dimension, NULL, name_km, error))
    return -1;
  if (kam_dimension_get_n_members (dimension) >= G_MAXUINT16)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_TOO_LARGE, _("The dimension “%s” is full."),
                   kam_dimension_get_id (dimension));
      return -1;
    }
  command = _kam_command_alloc (&_kam_member_command_class, sizeof (MemberCommand), _("Add member"));
  command->dimension = g_object_ref (dimension);
  command->member = g_object_new (KAM_TYPE_MEMBER, "code", code, "name", name, "name-km", name_km, NULL);
  _kam_dataset_run (self, (KamCommand *) command);
  return (int) kam_dimension_get_n_members (dimension) - 1;
}

static GArray *
figures_using (KamDataset *self, KamFigureField field, const char *id)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *const *column = _kam_dataset_key_column (self, field);
  const char *key = g_intern_string (id);
  guint n = kam_figure_table_get_n_rows (self->figures);

  if (n == 0)
    return ids;
  for (guint i = 0; i < n; i++)
    if (column[i] == key)
      {
        guint fid = kam_figure_table_get_id (self->figures, i);
        g_array_append_val (ids, fid);
      }
  return ids;
}

/* Agreements that refer to a country or a source. */
static GPtrArray *
agreements_using (KamDataset *self, const char *property, const char *id)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *list = G_LIST_MODEL (self->lists[LIST_AGREEMENTS]);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      KamAgreement *agreement = g_list_model_get_item (list, i);
      const char *ref = g_str_equal (property, "country") ? kam_agreement_get_country (agreement)
                                                          : kam_agreement_get_source (agreement);

      if (g_strcmp0 (ref, id) == 0)
        g_ptr_array_add (found, agreement);
      else
        g_object_unref (agreement);
    }
  return found;
}

static gboolean
remove_keyed (KamDataset *self, ListKind list, gpointer item, KamFigureField field,
              const char *agreement_property, gboolean with_dependents, const char *label,
              GError **error)
{
  const char *key = _kam_dataset_item_key (list, item);
  g_autoptr (GArray) ids = figures_using (self, field, key);
  g_autoptr (GPtrArray) agreements = agreement_property != NULL
                                       ? agreements_using (self, agreement_property, key)
                                       : g_ptr_array_new ();

  if (!_kam_dataset_check_lists (self, error))
    return FALSE;

  if (_kam_dataset_lookup (self, list, key) != item)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_NOT_FOUND, _("“%s” is not in this dataset."), key);
      return FALSE;
    }
  if ((ids->len > 0 || agreements->len > 0) && !with_dependents)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_IN_USE,
                   g_dngettext (GETTEXT_PACKAGE, "“%s” is used by %u figure and %u agreement(s).",
                                "“%s” is used by %u figures and %u agreement(s).", ids->len),
                   key, ids->len, agreements->len);
      return FALSE;
    }

  kam_dataset_begin_group (self, label);
  kam_dataset_remove_figures (self, (const guint *) ids->data, ids->len, NULL); /* (lists may change: so may all) */
  for (guint i = 0; i < agreements->len; i++)
    {
      /* An agreement with a country removed goes too; one citing a removed
       * source just loses the citation. */
      if (g_str_equal (agreement_property, "country"))
        kam_dataset_remove_agreement (self, g_ptr_array_index (agreements, i));
      else
        kam_dataset_set_item_string (self, g_ptr_array_index (agreements, i), "source", NULL,
                                     NULL);
    }
  run_list (self, list, item, FALSE, label);
  kam_dataset_end_group (self);
  return TRUE;
}

/**
 * kam_dataset_remove_country:
 * @with_dependents: also remove the figures and agreements of this country;
 *   when FALSE and some exist, nothing is removed and KAM_ERROR_IN_USE is set
 */
gboolean
kam_dataset_remove_country (KamDataset *self, KamCountry *country, gboolean with_dependents,
                            GError **error)
{
  return remove_keyed (self, LIST_COUNTRIES, country, KAM_FIGURE_FIELD_COUNTRY, "country",
                       with_dependents, _("Delete country"), error);
}

gboolean
kam_dataset_remove_indicator (KamDataset *self, KamIndicator *indicator,
                              gboolean with_dependents, GError **error)
{
  return remove_keyed (self, LIST_INDICATORS, indicator, KAM_FIGURE_FIELD_INDICATOR, NULL,
                       with_dependents, _("Delete indicator"), error);
}

gboolean
kam_dataset_remove_source (KamDataset *self, KamSource *source, gboolean with_dependents,
                           GError **error)
{
  return remove_keyed (self, LIST_SOURCES, source, KAM_FIGURE_FIELD_SOURCE, "source",
                       with_dependents, _("Delete source"), error);
}

void
kam_dataset_remove_agreement (KamDataset *self, KamAgreement *agreement)
{
  guint position;

  g_return_if_fail (KAM_IS_DATASET (self));
  if (!g_list_store_find (self->lists[LIST_AGREEMENTS], agreement, &position) || !_kam_dataset_check_lists (self, NULL))
    return;
  run_list (self, LIST_AGREEMENTS, agreement, FALSE, _("Delete agreement"));
}

/**
 * kam_dataset_add_figures:
 * @ids_out: (nullable) (out caller-allocates): the new figures' ids, @n of them
 *
 * Adds figures as one step. When any row is invalid nothing is added and the
 * error names the row (counted from 1).
 */
gboolean
kam_dataset_add_figures (KamDataset *self, const KamFigureRow *rows, guint n, guint *ids_out,
                         GError **error)
{
  return kam_dataset_add_figures_full (self, rows, n, ids_out, NULL, NULL, error);
}

/**
 * kam_dataset_add_figures_full:
 * @bad_row: (out) (optional): the row refused (from 0); the error then does not
 *   name it, for the caller to name it its own way (a file's line)
 * @repeated_row: (out) (optional): the earlier row the refused one repeats,
 *   else G_MAXUINT
 *
 * kam_dataset_add_figures(), telling which row was refused.
 */
gboolean
kam_dataset_add_figures_full (KamDataset *self, const KamFigureRow *rows, guint n, guint *ids_out,
                              guint *bad_row, guint *repeated_row, GError **error)
{
  FiguresCommand *command;

  g_return_val_if_fail (KAM_IS_DATASET (self), FALSE);
  if (!_kam_dataset_check_rows (self, rows, n, bad_row, repeated_row, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!_kam_dataset_check_row (self, &rows[i], error))
      {
        if (bad_row != NULL)
          *bad_row = i;
        if (repeated_row != NULL)
          *repeated_row = G_MAXUINT;
        return FALSE;
      }
  if (n == 0)
    return TRUE;

  command = _kam_command_alloc (&_kam_figures_command_class, sizeof (FiguresCommand),
                                n == 1 ? _("Add figure") : _("Add figures"));
  command->add = TRUE;
  command->n = n;
  command->ids = g_new (guint32, n);
  _kam_figure_table_append (self->figures, rows, n, command->ids);
  if (ids_out != NULL)
    for (guint i = 0; i < n; i++)
      ids_out[i] = command->ids[i];
  /* (the command is the history's now: freed there when not recorded) */
  _kam_history_push (self->history, (KamCommand *) command);
  _kam_dataset_emit_changed (self);
  return TRUE;
}

/**
 * kam_dataset_add_figure:
 *
 * Returns: the new figure's id, or 0 when the row is invalid
 */
guint
kam_dataset_add_figure (KamDataset *self, const KamFigureRow *row, GError **error)
{
  guint id = 0;

  if (!kam_dataset_add_figures (self, row, 1, &id, error))
    return 0;
  return id;
}

static gboolean
row_field_equal (const KamFigureRow *a, const KamFigureRow *b, KamFigureField field)
{
  switch (field)
    {
    case KAM_FIGURE_FIELD_COUNTRY:
      return g_strcmp0 (a->country, b->country) == 0;
    case KAM_FIGURE_FIELD_YEAR:
      return a->year == b->year;
    case KAM_FIGURE_FIELD_INDICATOR:
      return g_strcmp0 (a->indicator, b->indicator) == 0;
    case KAM_FIGURE_FIELD_VALUE:
      return (isnan (a->value) && isnan (b->value)) || a->value == b->value;
    case KAM_FIGURE_FIELD_SOURCE:
      return g_strcmp0 (a->source, b->source) == 0;
    case KAM_FIGURE_FIELD_NOTE:
      return g_strcmp0 (a->note, b->note) == 0;
    case KAM_FIGURE_FIELD_QUALIFIER:
      return a->qualifier == b->qualifier;
    case KAM_FIGURE_FIELD_MEMBERS:
      return memcmp (a->members, b->members, sizeof a->members) == 0;
    default:
      g_return_val_if_reached (TRUE);
    }
}

static void
copy_field (KamFigureRow *dst, const KamFigureRow *src, KamFigureField field)
{
  switch (field)
    {
    case KAM_FIGURE_FIELD_COUNTRY:
      dst->country = src->country != NULL && *src->country ? g_intern_string (src->country) : NULL;
      break;
    case KAM_FIGURE_FIELD_YEAR:
      dst->year = src->year;
      break;
    case KAM_FIGURE_FIELD_INDICATOR:
      dst->indicator = src->indicator != NULL ? g_intern_string (src->indicator) : NULL;
      break;
    case KAM_FIGURE_FIELD_VALUE:
      dst->value = src->value;
      break;
    case KAM_FIGURE_FIELD_SOURCE:
      dst->source = src->source != NULL && *src->source ? g_intern_string (src->source) : NULL;
      break;
    case KAM_FIGURE_FIELD_NOTE:
      dst->note = src->note != NULL && *src->note ? g_strdup (src->note) : NULL;
      break;
    case KAM_FIGURE_FIELD_QUALIFIER:
      dst->qualifier = src->qualifier;
      break;
    case KAM_FIGURE_FIELD_MEMBERS:
      memcpy (dst->members, src->members, sizeof dst->members);
      break;
    default:
      g_assert_not_reached ();
    }
}

/**
 * kam_dataset_set_figure_field:
 * @src: a row whose @field holds the new value (the other fields are ignored)
 *
 * Changes one field of a figure as an undoable step. An invalid value is
 * refused and the figure keeps its old one.
 */
gboolean
kam_dataset_set_figure_field (KamDataset *self, guint id, KamFigureField field,
                              const KamFigureRow *src, GError **error)
{
  int row;
  KamFigureRow current, changed;
  FieldCommand *command;
  static const char *const labels[] = { N_("Edit country"), N_("Edit year"),
                                        N_("Edit indicator"), N_("Edit value"),
                                        N_("Edit source"), N_("Edit note"),
                                        N_("Edit qualifier"), N_("Edit breakdown") };

  g_return_val_if_fail (KAM_IS_DATASET (self), FALSE);
  row = kam_figure_table_find_row (self->figures, id);
  if (row < 0)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_NOT_FOUND, _("The figure no longer exists."));
      return FALSE;
    }
  kam_figure_table_get_row (self->figures, row, &current);
  if (!_kam_dataset_check_row (self, &current, error))
    return FALSE;
  changed = current;
  copy_field (&changed, src, field);
  if (field == KAM_FIGURE_FIELD_NOTE)
    {
      g_autofree char *owned = (char *) changed.note;
      if (g_strcmp0 (owned, current.note) == 0)
        return TRUE;
      changed.note = g_steal_pointer (&owned);
    }
  else if (row_field_equal (&current, &changed, field))
    return TRUE;
  else if (!kam_dataset_validate_row (self, &changed, id, error) || !_kam_dataset_check_row (self, &changed, error))
    return FALSE;

  command = _kam_command_alloc (&_kam_field_command_class, sizeof (FieldCommand),
                                g_dgettext (GETTEXT_PACKAGE, labels[field]));
  command->id = id;
  command->field = field;
  copy_field (&command->old_row, &current, field);
  command->new_row = changed;
  if (field != KAM_FIGURE_FIELD_NOTE)
    command->new_row.note = NULL;
  command->old_row.note = field == KAM_FIGURE_FIELD_NOTE ? command->old_row.note : NULL;
  _kam_dataset_run (self, (KamCommand *) command);
  return TRUE;
}

gboolean
kam_dataset_set_figures_field (KamDataset *self, const guint *ids, guint n, KamFigureField field, guint dimension,
                               const KamFigureRow *src, GError **error)
{
  g_autofree char *label = NULL;
  gboolean ok = TRUE;
  guint64 before;

  g_return_val_if_fail (KAM_IS_DATASET (self), FALSE);
  g_return_val_if_fail (field != KAM_FIGURE_FIELD_MEMBERS || dimension < KAM_MAX_DIMENSIONS, FALSE);
  before = kam_dataset_get_state (self);
  if (n == 0)
    return TRUE;
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Edit %u figure", "Edit %u figures", n), n);
  kam_dataset_begin_group (self, label);
  for (guint i = 0; i < n && ok; i++)
    {
      KamFigureRow row = *src;
      int at = kam_figure_table_find_row (self->figures, ids[i]);

      if (field == KAM_FIGURE_FIELD_MEMBERS && at >= 0)
        {
          /* this figure's breakdown, but for the one member set */
          KamFigureRow current;

          kam_figure_table_get_row (self->figures, at, &current);
          memcpy (row.members, current.members, sizeof row.members);
          row.members[dimension] = src->members[dimension];
        }
      ok = kam_dataset_set_figure_field (self, ids[i], field, &row, error);
    }
  kam_dataset_end_group (self);
  if (!ok && kam_dataset_get_state (self) != before)
    kam_dataset_undo (self); /* the part done: all or none */
  return ok;
}

gboolean
kam_dataset_set_figure_value (KamDataset *self, guint id, double value, GError **error)
{
  KamFigureRow src = { .value = value };

  return kam_dataset_set_figure_field (self, id, KAM_FIGURE_FIELD_VALUE, &src, error);
}

static int
compare_uint (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  return x < y ? -1 : x > y;
}

/**
 * kam_dataset_remove_figures:
 * @ids: (array length=n): ids of the figures to remove; unknown ids are ignored
 *
 * Removes figures as one step; none when one of them may not be changed
 * (kam_dataset_set_limits()).
 */
gboolean
kam_dataset_remove_figures (KamDataset *self, const guint *ids, guint n, GError **error)
{
  FiguresCommand *command;
  g_autofree guint *sorted = NULL;
  guint kept = 0;

  g_return_val_if_fail (KAM_IS_DATASET (self), FALSE);
  if (n == 0)
    return TRUE;
  sorted = g_memdup2 (ids, n * sizeof (guint));
  qsort (sorted, n, sizeof (guint), compare_uint);
  for (guint i = 0; i < n; i++)
    {
      int r = kam_figure_table_find_row (self->figures, sorted[i]);
      KamFigureRow row;

      if (r < 0 || (kept > 0 && sorted[kept - 1] == sorted[i]))
        continue;
      kam_figure_table_get_row (self->figures, (guint) r, &row);
      if (!_kam_dataset_check_row (self, &row, error))
        return FALSE;
      sorted[kept++] = sorted[i];
    }
  if (kept == 0)
    return TRUE;

  command = _kam_command_alloc (&_kam_figures_command_class, sizeof (FiguresCommand),
                                kept == 1 ? _("Delete figure") : _("Delete figures"));
  command->add = FALSE;
  command->n = kept;
  command->ids = g_new (guint32, kept);
  for (guint i = 0; i < kept; i++)
    command->ids[i] = sorted[i];
  _kam_dataset_run (self, (KamCommand *) command);
  return TRUE;
}

/**
 * kam_dataset_begin_group:
 *
 * Starts a group of edits that undo and redo as one step (a paste, an import).
 * Groups nest; `changed` is emitted once when the outermost group ends.
 */
void
kam_dataset_begin_group (KamDataset *self, const char *label)
{
  g_return_if_fail (KAM_IS_DATASET (self));
  _kam_history_begin_group (self->history, label);
}

/**
 * kam_dataset_begin_unrecorded:
 *
 * The edits until kam_dataset_end_unrecorded() are not steps to undo: they
 * are others' (a shared dataset's changes saved by someone else), and the
 * user's own steps stay as they were.
 */
void
kam_dataset_begin_unrecorded (KamDataset *self)
{
  g_return_if_fail (KAM_IS_DATASET (self));
  self->unrecorded++;
  _kam_history_set_recording (self->history, FALSE);
}

void
kam_dataset_end_unrecorded (KamDataset *self)
{
  g_return_if_fail (KAM_IS_DATASET (self));
  g_return_if_fail (self->unrecorded > 0);
  self->unrecorded--;
  _kam_history_set_recording (self->history, self->unrecorded == 0);
}

void
kam_dataset_end_group (KamDataset *self)
{
  g_return_if_fail (KAM_IS_DATASET (self));
  _kam_history_end_group (self->history);
  if (!_kam_history_in_group (self->history) && self->changed_pending)
    {
      self->changed_pending = FALSE;
      _kam_dataset_emit_changed_now (self);
    }
}

/**
 * kam_dataset_get_stepped_figure:
 * @field: (out) (optional): the field it changed
 *
 * Returns: the id of the figure whose field the last undo or redo changed
 *   (the last one, for a step of several), or G_MAXUINT when it changed none
 */
guint
kam_dataset_get_stepped_figure (KamDataset *self, KamFigureField *field)
{
  g_return_val_if_fail (KAM_IS_DATASET (self), G_MAXUINT);
  if (field != NULL)
    *field = (KamFigureField) self->stepped_field;
  return self->stepped_figure;
}

gboolean
kam_dataset_undo (KamDataset *self)
{
  KamCommand *command;

  g_return_val_if_fail (KAM_IS_DATASET (self), FALSE);
  command = _kam_history_undo_step (self->history);
  if (command == NULL)
    return FALSE;
  self->stepped_figure = G_MAXUINT;
  command->klass->apply (command, self, TRUE);
  _kam_dataset_emit_changed_now (self);
  return TRUE;
}

gboolean
kam_dataset_redo (KamDataset *self)
{
  KamCommand *command;

  g_return_val_if_fail (KAM_IS_DATASET (self), FALSE);
  command = _kam_history_redo_step (self->history);
  if (command == NULL)
    return FALSE;
  self->stepped_figure = G_MAXUINT;
  command->klass->apply (command, self, FALSE);
  _kam_dataset_emit_changed_now (self);
  return TRUE;
}

/**
 * kam_dataset_mark_saved:
 *
 * Records that the current state is what the file on disk holds.
 */
void
kam_dataset_mark_saved (KamDataset *self)
{
  g_return_if_fail (KAM_IS_DATASET (self));
  _kam_history_mark_saved (self->history);
}

/**
 * kam_dataset_get_state:
 *
 * Returns: a name for the current state of the data, never given to another
 *   state, for kam_dataset_mark_saved_state()
 */
guint64
kam_dataset_get_state (KamDataset *self)
{
  g_return_val_if_fail (KAM_IS_DATASET (self), 0);
  return _kam_history_get_state (self->history);
}

/**
 * kam_dataset_mark_saved_state:
 *
 * Records that the file on disk holds the state named @state (see
 * kam_dataset_get_state()): edits made while it was being written still
 * count as unsaved, and if that state can no longer be reached by undo or
 * redo, the data counts as modified.
 */
void
kam_dataset_mark_saved_state (KamDataset *self, guint64 state)
{
  g_return_if_fail (KAM_IS_DATASET (self));
  _kam_history_mark_saved_state (self->history, state);
}

/**
 * kam_dataset_mark_unsaved:
 *
 * Records that no file holds the current state (a restored draft), so that
 * the dataset counts as modified until it is saved.
 */
void
kam_dataset_mark_unsaved (KamDataset *self)
{
  g_return_if_fail (KAM_IS_DATASET (self));
  _kam_history_mark_unsaved (self->history);
}
