/* kam-dataset.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The document: its lists, its figures and its history. The mutators are in
 * kam-dataset-edit.c, the rules in kam-figure-rules.c. */

#include <glib/gi18n-lib.h>
#include "kam-dataset-private.h"
#include "kam-history-private.h"
#include "kam-model-private.h"
#include <stdlib.h>
#include <string.h>

G_DEFINE_FINAL_TYPE (KamDataset, kam_dataset, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_TITLE_KM,
  PROP_DESCRIPTION_KM,
  PROP_MODIFIED,
  N_PROPS
};

enum
{
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- shared with the editing code ---------------------------------------- */

void
_kam_dataset_emit_changed (KamDataset *self)
{
  if (_kam_history_in_group (self->history))
    self->changed_pending = TRUE;
  else
    _kam_dataset_emit_changed_now (self);
}

void
_kam_dataset_emit_changed_now (KamDataset *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

const char *
_kam_dataset_item_key (ListKind list, gpointer item)
{
  switch (list)
    {
    case LIST_COUNTRIES:
      return g_intern_string (kam_country_get_code (item));
    case LIST_INDICATORS:
      return g_intern_string (kam_indicator_get_id (item));
    case LIST_SOURCES:
      return g_intern_string (kam_source_get_id (item));
    case LIST_DIMENSIONS:
      return g_intern_string (kam_dimension_get_id (item));
    default:
      return NULL;
    }
}

void
_kam_dataset_list_insert (KamDataset *self, ListKind list, guint position, GObject *item)
{
  if (self->index[list] != NULL)
    g_hash_table_insert (self->index[list], (gpointer) _kam_dataset_item_key (list, item), item);
  g_list_store_insert (self->lists[list], position, item);
}

void
_kam_dataset_list_remove (KamDataset *self, ListKind list, guint position)
{
  g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (self->lists[list]), position);

  if (self->index[list] != NULL)
    g_hash_table_remove (self->index[list], _kam_dataset_item_key (list, item));
  g_list_store_remove (self->lists[list], position);
}

/* ---- object ------------------------------------------------------------ */

static void
history_at_saved_cb (KamDataset *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
kam_dataset_dispose (GObject *object)
{
  KamDataset *self = KAM_DATASET (object);

  for (guint i = 0; i < N_LISTS; i++)
    {
      g_clear_pointer (&self->index[i], g_hash_table_unref);
      g_clear_object (&self->lists[i]);
    }
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->history);
  g_clear_object (&self->figures);
  G_OBJECT_CLASS (kam_dataset_parent_class)->dispose (object);
}

static void
kam_dataset_finalize (GObject *object)
{
  KamDataset *self = KAM_DATASET (object);

  g_free (self->title);
  g_free (self->description);
  g_free (self->title_km);
  g_free (self->description_km);
  g_hash_table_unref (self->extra);
  kam_dataset_set_limits (self, NULL);
  G_OBJECT_CLASS (kam_dataset_parent_class)->finalize (object);
}

static void
kam_dataset_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KamDataset *self = KAM_DATASET (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_TITLE_KM:
      g_value_set_string (value, self->title_km);
      break;
    case PROP_DESCRIPTION_KM:
      g_value_set_string (value, self->description_km);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, kam_dataset_get_modified (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Only reached through the history (PropCommand) or a loader. */
static void
kam_dataset_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  KamDataset *self = KAM_DATASET (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      if (_kam_set_string (&self->title, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_DESCRIPTION:
      if (_kam_set_string (&self->description, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_TITLE_KM:
      if (_kam_set_string (&self->title_km, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_DESCRIPTION_KM:
      if (_kam_set_string (&self->description_km, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kam_dataset_class_init (KamDatasetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kam_dataset_dispose;
  object_class->finalize = kam_dataset_finalize;
  object_class->get_property = kam_dataset_get_property;
  object_class->set_property = kam_dataset_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE_KM] =
    g_param_spec_string ("title-km", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION_KM] =
    g_param_spec_string ("description-km", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KamDataset::changed:
   *
   * Emitted once after each change of the data: an edit, an undo, a redo or a
   * whole group.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
kam_dataset_init (KamDataset *self)
{
  const GType types[N_LISTS] = { KAM_TYPE_COUNTRY, KAM_TYPE_INDICATOR, KAM_TYPE_SOURCE,
                                 KAM_TYPE_AGREEMENT, KAM_TYPE_DIMENSION };

  for (guint i = 0; i < N_LISTS; i++)
    {
      self->lists[i] = g_list_store_new (types[i]);
      if (i != LIST_AGREEMENTS)
        self->index[i] = g_hash_table_new (NULL, NULL);
    }
  self->figures = _kam_figure_table_new ();
  self->history = _kam_history_new ();
  self->stepped_figure = G_MAXUINT;
  self->extra = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_signal_connect_swapped (self->history, "notify::at-saved", G_CALLBACK (history_at_saved_cb),
                            self);
}

/**
 * kam_dataset_new_empty:
 *
 * Returns: (transfer full): a dataset with nothing in it, not even indicators
 */
KamDataset *
kam_dataset_new_empty (void)
{
  return g_object_new (KAM_TYPE_DATASET, NULL);
}

/* ---- accessors --------------------------------------------------------- */

const char *
kam_dataset_get_title (KamDataset *self)
{
  g_return_val_if_fail (KAM_IS_DATASET (self), NULL);
  return self->title;
}

const char *
kam_dataset_get_description (KamDataset *self)
{
  g_return_val_if_fail (KAM_IS_DATASET (self), NULL);
  return self->description;
}

/**
 * kam_dataset_get_modified:
 *
 * Returns: whether the data differs from what was last saved (or loaded)
 */
gboolean
kam_dataset_get_modified (KamDataset *self)
{
  g_return_val_if_fail (KAM_IS_DATASET (self), FALSE);
  return !kam_history_get_at_saved (self->history);
}

/**
 * kam_dataset_get_history:
 *
 * Returns: (transfer none): the undo history
 */
KamHistory *
kam_dataset_get_history (KamDataset *self)
{
  g_return_val_if_fail (KAM_IS_DATASET (self), NULL);
  return self->history;
}

/**
 * kam_dataset_get_countries:
 *
 * Returns: (transfer none): a list of #KamCountry
 */
GListModel *
kam_dataset_get_countries (KamDataset *self)
{
  g_return_val_if_fail (KAM_IS_DATASET (self), NULL);
  return G_LIST_MODEL (self->lists[LIST_COUNTRIES]);
}

/**
 * kam_dataset_get_indicators:
 *
 * Returns: (transfer none): a list of #KamIndicator
 */
GListModel *
kam_dataset_get_indicators (KamDataset *self)
{
  g_return_val_if_fail (KAM_IS_DATASET (self), NULL);
  return G_LIST_MODEL (self->lists[LIST_INDICATORS]);
}

/**
 * kam_dataset_get_sources:
 *
 * Returns: (transfer none): a list of #KamSource
 */
GListModel *
kam_dataset_get_sources (KamDataset *self)
{
  g_return_val_if_fail (KAM_IS_DATASET (self), NULL);
  return G_LIST_MODEL (self->lists[LIST_SOURCES]);
}

/**
 * kam_dataset_get_agreements:
 *
 * Returns: (transfer none): a list of #KamAgreement
 */
GListModel *
kam_dataset_get_agreements (KamDataset *self)
{
  g_return_val_if_fail (KAM_IS_DATASET (self), NULL);
  return G_LIST_MODEL (self->lists[LIST_AGREEMENTS]);
}

/**
 * kam_dataset_get_dimensions:
 *
 * Returns: (transfer none): a list of #KamDimension; a figure's members are
 *   by position in this list
 */
GListModel *
kam_dataset_get_dimensions (KamDataset *self)
{
  g_return_val_if_fail (KAM_IS_DATASET (self), NULL);
  return G_LIST_MODEL (self->lists[LIST_DIMENSIONS]);
}

guint
kam_dataset_get_n_dimensions (KamDataset *self)
{
  g_return_val_if_fail (KAM_IS_DATASET (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->lists[LIST_DIMENSIONS]));
}

/**
 * kam_dataset_get_dimension:
 *
 * Returns: (transfer none) (nullable): the dimension at this position
 */
KamDimension *
kam_dataset_get_dimension (KamDataset *self, guint position)
{
  g_autoptr (KamDimension) dimension = NULL;

  g_return_val_if_fail (KAM_IS_DATASET (self), NULL);
  dimension = g_list_model_get_item (G_LIST_MODEL (self->lists[LIST_DIMENSIONS]), position);
  return dimension; /* the list keeps it alive */
}

/**
 * kam_dataset_find_dimension:
 *
 * Returns: the position of the dimension with this id, or -1
 */
int
kam_dataset_find_dimension (KamDataset *self, const char *id)
{
  KamDimension *dimension;
  guint position;

  g_return_val_if_fail (KAM_IS_DATASET (self), -1);
  dimension = _kam_dataset_lookup (self, LIST_DIMENSIONS, id);
  if (dimension == NULL || !g_list_store_find (self->lists[LIST_DIMENSIONS], dimension, &position))
    return -1;
  return (int) position;
}

/**
 * kam_dataset_find_member:
 *
 * Finds a member of a dimension by their ids, as the gender chart finds
 * women (`sex`, `women`).
 *
 * Returns: FALSE when the dataset has no such dimension or member
 */
gboolean
kam_dataset_find_member (KamDataset *self, const char *dimension_id, const char *code,
                         guint *dimension_out, guint *member_out)
{
  int d = kam_dataset_find_dimension (self, dimension_id);
  int m;

  if (d < 0)
    return FALSE;
  m = kam_dimension_find_member (kam_dataset_get_dimension (self, d), code, FALSE);
  if (m < 0)
    return FALSE;
  *dimension_out = d;
  *member_out = m;
  return TRUE;
}

/**
 * kam_dataset_dup_members_label:
 * @members: (array fixed-size=8): a figure's members
 *
 * Returns: (transfer full) (nullable): the members other than totals, named
 *   for people ("Women, Construction"), or NULL when all are totals
 */
char *
kam_dataset_dup_members_label (KamDataset *self, const guint16 *members)
{
  GString *out = NULL;
  guint n = kam_dataset_get_n_dimensions (self);

  for (guint d = 0; d < n && d < KAM_MAX_DIMENSIONS; d++)
    {
      KamDimension *dimension = kam_dataset_get_dimension (self, d);

      if (members[d] == 0 || members[d] >= kam_dimension_get_n_members (dimension))
        continue;
      if (out == NULL)
        out = g_string_new (NULL);
      else
        g_string_append (out, ", ");
      g_string_append (out, kam_dimension_get_member_label (dimension, members[d]));
    }
  return out != NULL ? g_string_free (out, FALSE) : NULL;
}

/**
 * kam_dataset_get_format_version:
 *
 * Returns: the format version of the file the dataset was read from (1 for
 *   a file that will be upgraded when saved), or 0 for a new dataset
 */
guint
kam_dataset_get_format_version (KamDataset *self)
{
  g_return_val_if_fail (KAM_IS_DATASET (self), 0);
  return self->format_version;
}

void
_kam_dataset_set_format_version (KamDataset *self, guint version)
{
  self->format_version = version;
}

/**
 * kam_dataset_get_figures:
 *
 * Returns: (transfer none): the figures (a list of #KamFigure)
 */
KamFigureTable *
kam_dataset_get_figures (KamDataset *self)
{
  g_return_val_if_fail (KAM_IS_DATASET (self), NULL);
  return self->figures;
}

gpointer
_kam_dataset_lookup (KamDataset *self, ListKind list, const char *key)
{
  GQuark quark;

  if (key == NULL)
    return NULL;
  /* the index's keys are interned: a string never interned is in no index,
   * and looking up is no reason to intern it (every code ever looked up, of
   * a file, a paste or the ISO list, would stay in memory for good) */
  quark = g_quark_try_string (key);
  return quark != 0 ? g_hash_table_lookup (self->index[list], g_quark_to_string (quark)) : NULL;
}

/**
 * kam_dataset_lookup_country:
 *
 * Returns: (transfer none) (nullable): the country with this code
 */
KamCountry *
kam_dataset_lookup_country (KamDataset *self, const char *code)
{
  g_return_val_if_fail (KAM_IS_DATASET (self), NULL);
  return _kam_dataset_lookup (self, LIST_COUNTRIES, code);
}

/**
 * kam_dataset_lookup_indicator:
 *
 * Returns: (transfer none) (nullable): the indicator with this id
 */
KamIndicator *
kam_dataset_lookup_indicator (KamDataset *self, const char *id)
{
  g_return_val_if_fail (KAM_IS_DATASET (self), NULL);
  return _kam_dataset_lookup (self, LIST_INDICATORS, id);
}

/**
 * kam_dataset_lookup_source:
 *
 * Returns: (transfer none) (nullable): the source with this id
 */
KamSource *
kam_dataset_lookup_source (KamDataset *self, const char *id)
{
  g_return_val_if_fail (KAM_IS_DATASET (self), NULL);
  return _kam_dataset_lookup (self, LIST_SOURCES, id);
}

const char *
kam_dataset_get_title_km (KamDataset *self)
{
  g_return_val_if_fail (KAM_IS_DATASET (self), NULL);
  return self->title_km;
}

const char *
kam_dataset_get_description_km (KamDataset *self)
{
  g_return_val_if_fail (KAM_IS_DATASET (self), NULL);
  return self->description_km;
}

const char *
kam_dataset_get_title_label (KamDataset *self)
{
  g_return_val_if_fail (KAM_IS_DATASET (self), NULL);
  return _kam_pick_label (self->title, self->title_km, NULL);
}

const char *
kam_dataset_get_description_label (KamDataset *self)
{
  g_return_val_if_fail (KAM_IS_DATASET (self), NULL);
  return _kam_pick_label (self->description, self->description_km, NULL);
}

char *
kam_dataset_dup_agreement_label (KamDataset *self, KamAgreement *agreement)
{
  const char *title = kam_agreement_get_title (agreement);

  if (_kam_interface_is_khmer () || title == NULL || *title == '\0')
    /* TRANSLATORS: an agreement named by its kind and country: "MoU with South Korea" */
    return g_strdup_printf (_("%s with %s"), kam_agreement_kind_get_label (kam_agreement_get_kind (agreement)),
                            kam_dataset_get_country_label (self, kam_agreement_get_country (agreement)));
  return g_strdup (title);
}

/**
 * kam_dataset_get_country_label:
 *
 * Returns: (transfer none): the country's name for people, in Khmer when the
 *   user interface is in Khmer, or "All destinations" for no country
 */
const char *
kam_dataset_get_country_label (KamDataset *self, const char *code)
{
  KamCountry *country;

  if (code == NULL)
    return _("All destinations");
  country = kam_dataset_lookup_country (self, code);
  if (country == NULL)
    return code;
  return _kam_pick_label (kam_country_get_name (country), kam_country_get_name_km (country), code);
}

/**
 * kam_dataset_get_indicator_label:
 *
 * Returns: (transfer none): the indicator's name for people, in Khmer when
 *   the user interface is in Khmer and the dataset has it, else its id
 */
const char *
kam_dataset_get_indicator_label (KamDataset *self, const char *id)
{
  KamIndicator *indicator = kam_dataset_lookup_indicator (self, id);

  if (indicator == NULL)
    return id;
  return _kam_pick_label (kam_indicator_get_name (indicator), kam_indicator_get_name_km (indicator), id);
}

/**
 * kam_dataset_dup_source_label:
 *
 * Returns: (transfer full) (nullable): the label of the source with this id,
 *   the id itself when there is no such source, NULL for no id
 */
char *
kam_dataset_dup_source_label (KamDataset *self, const char *id)
{
  KamSource *source;

  if (id == NULL)
    return NULL;
  source = kam_dataset_lookup_source (self, id);
  return source != NULL ? kam_source_dup_label (source) : g_strdup (id);
}

/* The names an item of a list goes by, besides its code or id. */
static void
item_names (ListKind list, GObject *item, const char **name, const char **other)
{
  *name = *other = NULL;
  if (list == LIST_COUNTRIES)
    {
      *name = kam_country_get_name (KAM_COUNTRY (item));
      *other = kam_country_get_name_km (KAM_COUNTRY (item));
    }
  else if (list == LIST_INDICATORS)
    {
      *name = kam_indicator_get_name (KAM_INDICATOR (item));
      *other = kam_indicator_get_name_km (KAM_INDICATOR (item));
    }
  else
    *name = kam_source_get_title (KAM_SOURCE (item));
}

static gboolean
text_matches (const char *a, const char *folded_b, const char *b)
{
  g_autofree char *folded = NULL;

  if (a == NULL)
    return FALSE;
  if (folded_b == NULL)
    return g_str_equal (a, b);
  folded = g_utf8_casefold (a, -1);
  return g_str_equal (folded, folded_b);
}

/**
 * kam_dataset_find_key_full:
 * @field: KAM_FIGURE_FIELD_COUNTRY, _INDICATOR or _SOURCE
 * @any_case: whether "japan" finds Japan
 *
 * Finds a country, indicator or source by what a person or a spreadsheet
 * calls it. Its code or id as written comes first, always: what Kamlang
 * writes out reads back as the same item, whatever the other items are
 * named. Only when no id is the text are other ways tried, each only when it
 * points at one item: an id in another case (@any_case), a name (a country's
 * English or Khmer name, an indicator's name, a source's title), as written
 * and then in any case (@any_case); and last the text without spaces around
 * it. A text that names several items finds none: the error says so.
 *
 * Returns: (nullable): the interned code or id
 */
const char *
kam_dataset_find_key_full (KamDataset *self, KamFigureField field, const char *text, gboolean any_case,
                           GError **error)
{
  ListKind list = field == KAM_FIGURE_FIELD_COUNTRY     ? LIST_COUNTRIES
                  : field == KAM_FIGURE_FIELD_INDICATOR ? LIST_INDICATORS
                                                        : LIST_SOURCES;
  GListModel *items = G_LIST_MODEL (self->lists[list]);
  guint n = g_list_model_get_n_items (items);
  g_autofree char *folded = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (KAM_IS_DATASET (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (items, i);
      const char *key = _kam_dataset_item_key (list, item);

      if (g_str_equal (key, text))
        return key;
    }
  folded = g_utf8_casefold (text, -1);
  /* 0: an id in any case; 1: a name as written; 2: a name in any case */
  for (int pass = any_case ? 0 : 1; pass < (any_case ? 3 : 2); pass++)
    {
      const char *found = NULL;
      g_autoptr (GString) all = NULL;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr (GObject) item = g_list_model_get_item (items, i);
          const char *key = _kam_dataset_item_key (list, item);
          const char *name, *other;
          gboolean match;

          item_names (list, item, &name, &other);
          if (pass == 0)
            match = text_matches (key, folded, text);
          else
            match = text_matches (name, pass == 2 ? folded : NULL, text)
                    || text_matches (other, pass == 2 ? folded : NULL, text);
          if (!match)
            continue;
          if (found == NULL)
            {
              found = key;
              continue;
            }
          if (all == NULL)
            all = g_string_new (found);
          g_string_append_printf (all, ", %s", key);
        }
      if (all != NULL)
        {
          if (field == KAM_FIGURE_FIELD_COUNTRY)
            g_set_error (error, KAM_ERROR, KAM_ERROR_NOT_FOUND,
                         /* Translators: a name as written in a file, then the codes it could mean */
                         _("“%s” is the name of more than one country (%s): give its code"), text, all->str);
          else if (field == KAM_FIGURE_FIELD_INDICATOR)
            g_set_error (error, KAM_ERROR, KAM_ERROR_NOT_FOUND,
                         /* Translators: a name as written in a file, then the ids it could mean */
                         _("“%s” is the name of more than one indicator (%s): give its id"), text, all->str);
          else
            g_set_error (error, KAM_ERROR, KAM_ERROR_NOT_FOUND,
                         /* Translators: a title as written in a file, then the ids it could mean */
                         _("“%s” is the name of more than one source (%s): give its id"), text, all->str);
          return NULL;
        }
      if (found != NULL)
        return found;
    }
  stripped = g_strstrip (g_strdup (text));
  if (*stripped != '\0' && !g_str_equal (stripped, text))
    return kam_dataset_find_key_full (self, field, stripped, any_case, error);
  if (error != NULL)
    {
      g_autofree char *message = kam_rule_unknown_message (field, text);

      g_set_error_literal (error, KAM_ERROR, KAM_ERROR_NOT_FOUND, message);
    }
  return NULL;
}

/**
 * kam_dataset_find_key:
 *
 * kam_dataset_find_key_full() without the reason it found nothing.
 *
 * Returns: (nullable): the interned code or id
 */
const char *
kam_dataset_find_key (KamDataset *self, KamFigureField field, const char *text, gboolean any_case)
{
  return kam_dataset_find_key_full (self, field, text, any_case, NULL);
}

/* The column of figures that refers to countries, indicators or sources. */
const char *const *
_kam_dataset_key_column (KamDataset *self, KamFigureField field)
{
  switch (field)
    {
    case KAM_FIGURE_FIELD_COUNTRY:
      return kam_figure_table_get_countries (self->figures);
    case KAM_FIGURE_FIELD_INDICATOR:
      return kam_figure_table_get_indicators (self->figures);
    case KAM_FIGURE_FIELD_SOURCE:
      return kam_figure_table_get_sources (self->figures);
    default:
      g_return_val_if_reached (NULL);
    }
}

guint
kam_dataset_count_figures_using (KamDataset *self, KamFigureField field, const char *id)
{
  const char *const *column;
  const char *key;
  guint n, count = 0;

  g_return_val_if_fail (KAM_IS_DATASET (self), 0);
  n = kam_figure_table_get_n_rows (self->figures);
  column = _kam_dataset_key_column (self, field);
  if (n == 0 || column == NULL)
    return 0;
  key = g_intern_string (id);
  for (guint i = 0; i < n; i++)
    count += column[i] == key;
  return count;
}

/* ---- loading ----------------------------------------------------------- */

void
_kam_dataset_load_country (KamDataset *self, KamCountry *country)
{
  _kam_dataset_list_insert (self, LIST_COUNTRIES, g_list_model_get_n_items (G_LIST_MODEL (self->lists[0])),
               G_OBJECT (country));
}

void
_kam_dataset_load_indicator (KamDataset *self, KamIndicator *indicator)
{
  _kam_dataset_list_insert (self, LIST_INDICATORS,
               g_list_model_get_n_items (G_LIST_MODEL (self->lists[LIST_INDICATORS])),
               G_OBJECT (indicator));
}

void
_kam_dataset_load_source (KamDataset *self, KamSource *source)
{
  _kam_dataset_list_insert (self, LIST_SOURCES,
               g_list_model_get_n_items (G_LIST_MODEL (self->lists[LIST_SOURCES])),
               G_OBJECT (source));
}

void
_kam_dataset_load_agreement (KamDataset *self, KamAgreement *agreement)
{
  _kam_dataset_list_insert (self, LIST_AGREEMENTS,
               g_list_model_get_n_items (G_LIST_MODEL (self->lists[LIST_AGREEMENTS])),
               G_OBJECT (agreement));
}

void
_kam_dataset_load_dimension (KamDataset *self, KamDimension *dimension)
{
  _kam_dataset_list_insert (self, LIST_DIMENSIONS,
                            g_list_model_get_n_items (G_LIST_MODEL (self->lists[LIST_DIMENSIONS])),
                            G_OBJECT (dimension));
}

void
_kam_dataset_load_figures (KamDataset *self, const KamFigureRow *rows, guint n)
{
  _kam_figure_table_append (self->figures, rows, n, NULL);
}

void
_kam_dataset_set_loaded_text (KamDataset *self, const char *title, const char *description,
                              const char *title_km, const char *description_km)
{
  _kam_set_string (&self->title, title);
  _kam_set_string (&self->description, description);
  _kam_set_string (&self->title_km, title_km);
  _kam_set_string (&self->description_km, description_km);
}

GHashTable *
_kam_dataset_get_extra (KamDataset *self)
{
  return self->extra;
}

/* ---- what the user may change -------------------------------------------------- */

static GHashTable *
set_of (const char *const *texts)
{
  GHashTable *set;

  if (texts == NULL)
    return NULL;
  set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; texts[i] != NULL; i++)
    g_hash_table_add (set, g_strdup (texts[i]));
  return set;
}

/**
 * kam_dataset_set_limits:
 * @limits: (nullable): what may be changed; NULL: everything
 *
 * From now on, the edits beyond @limits are refused (KAM_ERROR_READ_ONLY);
 * others' changes (kam_dataset_begin_unrecorded()) are not.
 */
void
kam_dataset_set_limits (KamDataset *self, const KamLimits *limits)
{
  g_return_if_fail (KAM_IS_DATASET (self));
  if (self->limits != NULL)
    {
      g_clear_pointer (&self->limits->countries, g_hash_table_unref);
      g_clear_pointer (&self->limits->members, g_hash_table_unref);
      g_free (self->limits->dimension);
      g_free (self->limits->why);
      g_clear_pointer (&self->limits, g_free);
    }
  if (limits == NULL)
    return;
  self->limits = g_malloc0 (sizeof *self->limits);
  self->limits->figures = limits->figures;
  self->limits->lists = limits->lists;
  self->limits->countries = set_of (limits->countries);
  self->limits->dimension = g_strdup (limits->dimension);
  self->limits->members = limits->dimension != NULL ? set_of (limits->members) : NULL;
  self->limits->why = g_strdup (limits->why);
}

gboolean
kam_dataset_get_limited (KamDataset *self)
{
  g_return_val_if_fail (KAM_IS_DATASET (self), FALSE);
  return self->limits != NULL;
}

gboolean
kam_dataset_may_change_lists (KamDataset *self)
{
  g_return_val_if_fail (KAM_IS_DATASET (self), FALSE);
  return self->limits == NULL || self->limits->lists;
}

/**
 * kam_dataset_may_change_row:
 *
 * Whether a figure like @row may be added, changed or deleted here (as the
 * server's row-level security would decide).
 */
gboolean
kam_dataset_may_change_row (KamDataset *self, const KamFigureRow *row)
{
  g_return_val_if_fail (KAM_IS_DATASET (self), FALSE);
  if (self->limits == NULL)
    return TRUE;
  if (!self->limits->figures)
    return FALSE;
  if (self->limits->countries != NULL
      && (row->country == NULL || !g_hash_table_contains (self->limits->countries, row->country)))
    return FALSE;
  if (self->limits->members != NULL)
    {
      /* (a dataset without that breakdown has no figure of those members) */
      for (guint d = 0; d < kam_dataset_get_n_dimensions (self) && d < KAM_MAX_DIMENSIONS; d++)
        {
          KamDimension *dimension = kam_dataset_get_dimension (self, d);

          if (g_strcmp0 (kam_dimension_get_id (dimension), self->limits->dimension) == 0)
            return g_hash_table_contains (self->limits->members,
                                          kam_dimension_get_member_code (dimension, row->members[d]));
        }
      return FALSE;
    }
  return TRUE;
}

gboolean
kam_dataset_may_change_figure (KamDataset *self, guint id)
{
  int r;
  KamFigureRow row;

  g_return_val_if_fail (KAM_IS_DATASET (self), FALSE);
  if (self->limits == NULL)
    return TRUE;
  r = kam_figure_table_find_row (self->figures, id);
  if (r < 0)
    return FALSE;
  kam_figure_table_get_row (self->figures, (guint) r, &row);
  return kam_dataset_may_change_row (self, &row);
}

gboolean
_kam_dataset_check_lists (KamDataset *self, GError **error)
{
  if (self->unrecorded > 0 || kam_dataset_may_change_lists (self))
    return TRUE;
  g_set_error (error, KAM_ERROR, KAM_ERROR_READ_ONLY, _("You may not change the dataset’s lists: %s"),
               self->limits->why ? self->limits->why : "");
  return FALSE;
}

gboolean
_kam_dataset_check_row (KamDataset *self, const KamFigureRow *row, GError **error)
{
  g_autofree char *label = NULL;

  if (self->unrecorded > 0 || kam_dataset_may_change_row (self, row))
    return TRUE;
  {
    KamCountry *country = row->country ? _kam_dataset_lookup (self, LIST_COUNTRIES, row->country) : NULL;

    label = g_strdup_printf ("%s %d", country ? kam_country_get_name (country) : row->country ? row->country : "",
                             row->year);
  }
  g_set_error (error, KAM_ERROR, KAM_ERROR_READ_ONLY, _("You may not change the figure %s: %s"), g_strstrip (label),
               self->limits->why ? self->limits->why : "");
  return FALSE;
}
