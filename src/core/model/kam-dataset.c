/* kam-dataset.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The document. Every change goes through a mutator here, which validates it,
 * applies it as a command and records that command in the history, so that
 * everything can be undone and `modified` follows from the history alone. */

#include <glib/gi18n-lib.h>
#include "kam-dataset-private.h"
#include "kam-history-private.h"
#include "kam-model-private.h"
#include <stdlib.h>
#include <string.h>

typedef enum
{
  LIST_COUNTRIES,
  LIST_INDICATORS,
  LIST_SOURCES,
  LIST_AGREEMENTS,
  N_LISTS
} ListKind;

struct _KamDataset
{
  GObject parent_instance;

  char *title;
  char *description;
  GListStore *lists[N_LISTS];
  GHashTable *index[N_LISTS]; /* interned code/id -> item; none for agreements */
  KamFigureTable *figures;
  KamHistory *history;
  GHashTable *extra;
  gboolean changed_pending;
};

G_DEFINE_FINAL_TYPE (KamDataset, kam_dataset, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
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

/* ---- commands ---------------------------------------------------------- */

static void
emit_changed (KamDataset *self)
{
  if (_kam_history_in_group (self->history))
    self->changed_pending = TRUE;
  else
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
run (KamDataset *self, KamCommand *command)
{
  command->klass->apply (command, self, FALSE);
  _kam_history_push (self->history, command);
  emit_changed (self);
}

/* Setting one property of an item (or of the dataset itself). */
typedef struct
{
  KamCommand parent;
  GObject *item;
  const char *property;
  GValue old_value;
  GValue new_value;
} PropCommand;

static void
prop_apply (KamCommand *command, KamDataset *dataset, gboolean undo)
{
  PropCommand *self = (PropCommand *) command;

  g_object_set_property (self->item, self->property,
                         undo ? &self->old_value : &self->new_value);
}

static void
prop_free (KamCommand *command)
{
  PropCommand *self = (PropCommand *) command;

  g_object_unref (self->item);
  g_value_unset (&self->old_value);
  g_value_unset (&self->new_value);
}

static const KamCommandClass prop_class = { prop_apply, prop_free };

/* Inserting into or removing from one of the item lists. */
typedef struct
{
  KamCommand parent;
  ListKind list;
  GObject *item;
  guint position;
  gboolean insert;
} ListCommand;

static const char *
item_key (ListKind list, gpointer item)
{
  switch (list)
    {
    case LIST_COUNTRIES:
      return g_intern_string (kam_country_get_code (item));
    case LIST_INDICATORS:
      return g_intern_string (kam_indicator_get_id (item));
    case LIST_SOURCES:
      return g_intern_string (kam_source_get_id (item));
    default:
      return NULL;
    }
}

static void
list_insert (KamDataset *self, ListKind list, guint position, GObject *item)
{
  if (self->index[list] != NULL)
    g_hash_table_insert (self->index[list], (gpointer) item_key (list, item), item);
  g_list_store_insert (self->lists[list], position, item);
}

static void
list_remove (KamDataset *self, ListKind list, guint position)
{
  g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (self->lists[list]), position);

  if (self->index[list] != NULL)
    g_hash_table_remove (self->index[list], item_key (list, item));
  g_list_store_remove (self->lists[list], position);
}

static void
list_apply (KamCommand *command, KamDataset *dataset, gboolean undo)
{
  ListCommand *self = (ListCommand *) command;

  if (self->insert != undo)
    list_insert (dataset, self->list, self->position, self->item);
  else
    list_remove (dataset, self->list, self->position);
}

static void
list_free (KamCommand *command)
{
  g_object_unref (((ListCommand *) command)->item);
}

static const KamCommandClass list_class = { list_apply, list_free };

/* Adding or removing figures: the ids stay the same across undo and redo. */
typedef struct
{
  KamCommand parent;
  gboolean add;
  guint n;
  guint32 *ids;          /* ascending */
  KamSavedFigure *saved; /* the rows while they are out of the table */
} FiguresCommand;

static void
figures_apply (KamCommand *command, KamDataset *dataset, gboolean undo)
{
  FiguresCommand *self = (FiguresCommand *) command;

  if (self->add == undo)
    {
      g_assert (self->saved == NULL);
      self->saved = g_new0 (KamSavedFigure, self->n);
      _kam_figure_table_remove (dataset->figures, self->ids, self->n, self->saved);
    }
  else
    {
      _kam_figure_table_restore (dataset->figures, self->saved, self->n);
      kam_saved_figures_free (self->saved, self->n);
      self->saved = NULL;
    }
}

static void
figures_free (KamCommand *command)
{
  FiguresCommand *self = (FiguresCommand *) command;

  g_free (self->ids);
  kam_saved_figures_free (self->saved, self->n);
}

static const KamCommandClass figures_class = { figures_apply, figures_free };

/* Changing one field of one figure. */
typedef struct
{
  KamCommand parent;
  guint32 id;
  KamFigureField field;
  KamFigureRow old_row;
  KamFigureRow new_row;
} FieldCommand;

static void
field_apply (KamCommand *command, KamDataset *dataset, gboolean undo)
{
  FieldCommand *self = (FieldCommand *) command;
  int row = kam_figure_table_find_row (dataset->figures, self->id);

  g_assert (row >= 0);
  _kam_figure_table_set_field (dataset->figures, row, self->field,
                               undo ? &self->old_row : &self->new_row);
}

static void
field_free (KamCommand *command)
{
  FieldCommand *self = (FieldCommand *) command;

  g_free ((char *) self->old_row.note);
  g_free ((char *) self->new_row.note);
}

static const KamCommandClass field_class = { field_apply, field_free };

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
  g_hash_table_unref (self->extra);
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
                                 KAM_TYPE_AGREEMENT };

  for (guint i = 0; i < N_LISTS; i++)
    {
      self->lists[i] = g_list_store_new (types[i]);
      if (i != LIST_AGREEMENTS)
        self->index[i] = g_hash_table_new (NULL, NULL);
    }
  self->figures = _kam_figure_table_new ();
  self->history = _kam_history_new ();
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

/**
 * kam_dataset_new:
 *
 * Returns: (transfer full): a new dataset with the default indicators
 */
KamDataset *
kam_dataset_new (void)
{
  static const struct
  {
    const char *id, *name, *definition;
    KamUnit unit;
    KamIndicatorKind kind;
  } defaults[] = {
    { "workers", N_("Workers abroad"),
      N_("Cambodians working in the destination country at the given time (a stock)."),
      KAM_UNIT_PERSONS, KAM_INDICATOR_KIND_STOCK },
    { "workers-women", N_("Women workers abroad"),
      N_("Women among the workers abroad (a stock)."), KAM_UNIT_PERSONS,
      KAM_INDICATOR_KIND_STOCK },
    { "deployed", N_("Workers sent"),
      N_("Workers sent abroad during the year (a flow)."), KAM_UNIT_PERSONS,
      KAM_INDICATOR_KIND_FLOW },
    { "deployed-women", N_("Women workers sent"),
      N_("Women among the workers sent abroad during the year (a flow)."), KAM_UNIT_PERSONS,
      KAM_INDICATOR_KIND_FLOW },
    { "quota", N_("Quota"),
      N_("Workers the destination country allows in for the year (a target)."),
      KAM_UNIT_PERSONS, KAM_INDICATOR_KIND_TARGET },
    { "remittances", N_("Remittances"),
      N_("Money sent home by workers abroad during the year, in US dollars."), KAM_UNIT_USD,
      KAM_INDICATOR_KIND_FLOW },
    { "citizens", N_("Citizens abroad"),
      N_("All Cambodian citizens in the country, workers, students and trainees alike."),
      KAM_UNIT_PERSONS, KAM_INDICATOR_KIND_STOCK },
  };
  KamDataset *self = kam_dataset_new_empty ();

  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    {
      g_autoptr (KamIndicator) indicator = kam_indicator_new (defaults[i].id);

      kam_indicator_set_name (indicator, g_dgettext (GETTEXT_PACKAGE, defaults[i].name));
      kam_indicator_set_definition (indicator,
                                    g_dgettext (GETTEXT_PACKAGE, defaults[i].definition));
      kam_indicator_set_unit (indicator, defaults[i].unit);
      kam_indicator_set_kind (indicator, defaults[i].kind);
      _kam_dataset_load_indicator (self, indicator);
    }
  return self;
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

static gpointer
lookup (KamDataset *self, ListKind list, const char *key)
{
  if (key == NULL)
    return NULL;
  return g_hash_table_lookup (self->index[list], g_intern_string (key));
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
  return lookup (self, LIST_COUNTRIES, code);
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
  return lookup (self, LIST_INDICATORS, id);
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
  return lookup (self, LIST_SOURCES, id);
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
  const char *name;

  if (code == NULL)
    return _("All destinations");
  country = kam_dataset_lookup_country (self, code);
  if (country == NULL)
    return code;
  /* Translators: write "km" here when translating into Khmer, so that country
   * names are shown in Khmer too. */
  if (g_str_equal (C_("country-names", "en"), "km") && kam_country_get_name_km (country) != NULL)
    return kam_country_get_name_km (country);
  name = kam_country_get_name (country);
  return name != NULL ? name : code;
}

/**
 * kam_source_dup_label:
 *
 * Returns: (transfer full): how a source is named in lists, charts and
 *   reports: "publisher, date", else the publisher, the title or the id
 */
char *
kam_source_dup_label (KamSource *source)
{
  const char *publisher = kam_source_get_publisher (source);
  const char *date = kam_source_get_date (source);
  const char *title = kam_source_get_title (source);

  if (publisher != NULL && date != NULL)
    return g_strdup_printf ("%s, %s", publisher, date);
  if (publisher != NULL)
    return g_strdup (publisher);
  if (title != NULL)
    return g_strdup (title);
  return g_strdup (kam_source_get_id (source));
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

static gboolean
same_text (const char *a, const char *b, gboolean any_case)
{
  g_autofree char *x = NULL, *y = NULL;

  if (a == NULL || b == NULL)
    return FALSE;
  if (!any_case)
    return g_utf8_collate (a, b) == 0;
  x = g_utf8_casefold (a, -1);
  y = g_utf8_casefold (b, -1);
  return g_str_equal (x, y);
}

/**
 * kam_dataset_find_key:
 * @field: KAM_FIGURE_FIELD_COUNTRY, _INDICATOR or _SOURCE
 * @any_case: whether "japan" finds Japan
 *
 * Finds a country, indicator or source by what a person or a spreadsheet
 * calls it: its code or id, or its name (a country's English or Khmer name,
 * an indicator's name, a source's title).
 *
 * Returns: (nullable): the interned code or id
 */
const char *
kam_dataset_find_key (KamDataset *self, KamFigureField field, const char *text, gboolean any_case)
{
  ListKind list = field == KAM_FIGURE_FIELD_COUNTRY     ? LIST_COUNTRIES
                  : field == KAM_FIGURE_FIELD_INDICATOR ? LIST_INDICATORS
                                                        : LIST_SOURCES;
  GListModel *items = G_LIST_MODEL (self->lists[list]);

  g_return_val_if_fail (KAM_IS_DATASET (self), NULL);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (items, i);
      const char *key = item_key (list, item);
      const char *name = NULL, *other = NULL;

      if (list == LIST_COUNTRIES)
        {
          name = kam_country_get_name (KAM_COUNTRY (item));
          other = kam_country_get_name_km (KAM_COUNTRY (item));
        }
      else if (list == LIST_INDICATORS)
        name = kam_indicator_get_name (KAM_INDICATOR (item));
      else
        name = kam_source_get_title (KAM_SOURCE (item));
      if ((any_case ? same_text (key, text, TRUE) : g_str_equal (key, text))
          || same_text (name, text, any_case) || same_text (other, text, any_case))
        return key;
    }
  return NULL;
}

/* The column of figures that refers to countries, indicators or sources. */
static const char *const *
key_column (KamDataset *self, KamFigureField field)
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
  column = key_column (self, field);
  if (n == 0 || column == NULL)
    return 0;
  key = g_intern_string (id);
  for (guint i = 0; i < n; i++)
    count += column[i] == key;
  return count;
}

/* ---- validation -------------------------------------------------------- */

gboolean
kam_country_code_is_valid (const char *code)
{
  if (code == NULL || strlen (code) != 3)
    return FALSE;
  for (guint i = 0; i < 3; i++)
    if (code[i] < 'A' || code[i] > 'Z')
      return FALSE;
  return TRUE;
}

/* YYYY, YYYY-MM or YYYY-MM-DD, with a real month and day. */
gboolean
kam_partial_date_is_valid (const char *date)
{
  int y, m = 1, d = 1;
  gsize len;

  if (date == NULL)
    return FALSE;
  len = strlen (date);
  if (len != 4 && len != 7 && len != 10)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      gboolean dash = (i == 4 || i == 7);
      if (dash ? date[i] != '-' : !g_ascii_isdigit (date[i]))
        return FALSE;
    }
  y = atoi (date);
  if (len >= 7)
    m = atoi (date + 5);
  if (len == 10)
    d = atoi (date + 8);
  return y >= KAM_YEAR_MIN && y <= KAM_YEAR_MAX && g_date_valid_dmy (d, m, y);
}

/**
 * kam_dataset_validate_row:
 *
 * Checks one figure against the rules of the file format and this dataset's
 * countries, indicators and sources.
 */
gboolean
kam_dataset_validate_row (KamDataset *self, const KamFigureRow *row, GError **error)
{
  if (row->year < KAM_YEAR_MIN || row->year > KAM_YEAR_MAX)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID,
                   _("The year %d is not between %d and %d."), row->year, KAM_YEAR_MIN,
                   KAM_YEAR_MAX);
      return FALSE;
    }
  if (isinf (row->value))
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("The value is not a finite number."));
      return FALSE;
    }
  if (row->value < 0)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID,
                   _("The value is negative; counts and amounts cannot be below zero."));
      return FALSE;
    }
  if (row->indicator == NULL)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("The figure has no indicator."));
      return FALSE;
    }
  if (kam_dataset_lookup_indicator (self, row->indicator) == NULL)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_NOT_FOUND,
                   _("There is no indicator “%s” in this dataset."), row->indicator);
      return FALSE;
    }
  if (row->country != NULL && kam_dataset_lookup_country (self, row->country) == NULL)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_NOT_FOUND,
                   _("There is no country “%s” in this dataset."), row->country);
      return FALSE;
    }
  if (row->source != NULL && kam_dataset_lookup_source (self, row->source) == NULL)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_NOT_FOUND,
                   _("There is no source “%s” in this dataset."), row->source);
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_item_property (KamDataset *self, gpointer item, const char *property,
                        const GValue *value, GError **error)
{
  const char *s = G_VALUE_HOLDS_STRING (value) ? g_value_get_string (value) : NULL;

  if (s != NULL && s[0] == '\0')
    s = NULL;
  if (s != NULL && !g_utf8_validate (s, -1, NULL))
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("The text is not valid UTF-8."));
      return FALSE;
    }
  if (KAM_IS_AGREEMENT (item) && g_str_equal (property, "country") && s != NULL
      && kam_dataset_lookup_country (self, s) == NULL)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_NOT_FOUND,
                   _("There is no country “%s” in this dataset."), s);
      return FALSE;
    }
  if (KAM_IS_AGREEMENT (item) && g_str_equal (property, "source") && s != NULL
      && kam_dataset_lookup_source (self, s) == NULL)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_NOT_FOUND,
                   _("There is no source “%s” in this dataset."), s);
      return FALSE;
    }
  if (((KAM_IS_AGREEMENT (item) && g_str_equal (property, "signed"))
       || (KAM_IS_SOURCE (item) && g_str_equal (property, "date")))
      && s != NULL && !kam_partial_date_is_valid (s))
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID,
                   _("“%s” is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD."), s);
      return FALSE;
    }
  return TRUE;
}

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

  g_return_val_if_fail (KAM_IS_DATASET (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (item), FALSE);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), property);
  g_return_val_if_fail (pspec != NULL && (pspec->flags & G_PARAM_WRITABLE)
                          && !(pspec->flags & G_PARAM_CONSTRUCT_ONLY), FALSE);
  if (!validate_item_property (self, item, property, value, error))
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

  command = _kam_command_alloc (&prop_class, sizeof (PropCommand), _("Edit"));
  command->item = g_object_ref (item);
  command->property = pspec->name;
  g_value_init (&command->old_value, pspec->value_type);
  g_value_copy (&old_value, &command->old_value);
  g_value_init (&command->new_value, pspec->value_type);
  g_value_copy (value, &command->new_value);
  run (self, (KamCommand *) command);
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
  ListCommand *command = _kam_command_alloc (&list_class, sizeof (ListCommand), label);
  guint position = g_list_model_get_n_items (G_LIST_MODEL (self->lists[list]));

  if (!insert)
    g_assert (g_list_store_find (self->lists[list], item, &position));
  command->list = list;
  command->item = g_object_ref (item);
  command->position = position;
  command->insert = insert;
  run (self, (KamCommand *) command);
}

static gboolean
check_new_key (KamDataset *self, ListKind list, const char *key, GError **error)
{
  if (key == NULL || key[0] == '\0')
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("The code or id is empty."));
      return FALSE;
    }
  if (lookup (self, list, key) != NULL)
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
  if (!check_new_key (self, LIST_INDICATORS, kam_indicator_get_id (indicator), error))
    return FALSE;
  run_list (self, LIST_INDICATORS, indicator, TRUE, _("Add indicator"));
  return TRUE;
}

gboolean
kam_dataset_add_source (KamDataset *self, KamSource *source, GError **error)
{
  const char *date = kam_source_get_date (source);

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

gboolean
kam_dataset_add_agreement (KamDataset *self, KamAgreement *agreement, GError **error)
{
  static const char *const checked[] = { "country", "source", "signed" };

  for (guint i = 0; i < G_N_ELEMENTS (checked); i++)
    {
      g_auto (GValue) v = G_VALUE_INIT;

      g_value_init (&v, G_TYPE_STRING);
      g_object_get_property (G_OBJECT (agreement), checked[i], &v);
      if (!validate_item_property (self, agreement, checked[i], &v, error))
        return FALSE;
    }
  run_list (self, LIST_AGREEMENTS, agreement, TRUE, _("Add agreement"));
  return TRUE;
}

static GArray *
figures_using (KamDataset *self, KamFigureField field, const char *id)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *const *column = key_column (self, field);
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
  const char *key = item_key (list, item);
  g_autoptr (GArray) ids = figures_using (self, field, key);
  g_autoptr (GPtrArray) agreements = agreement_property != NULL
                                       ? agreements_using (self, agreement_property, key)
                                       : g_ptr_array_new ();

  if (lookup (self, list, key) != item)
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
  kam_dataset_remove_figures (self, (const guint *) ids->data, ids->len);
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
  if (!g_list_store_find (self->lists[LIST_AGREEMENTS], agreement, &position))
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
  FiguresCommand *command;

  g_return_val_if_fail (KAM_IS_DATASET (self), FALSE);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GError) local = NULL;

      if (!kam_dataset_validate_row (self, &rows[i], &local))
        {
          if (n == 1)
            g_propagate_error (error, g_steal_pointer (&local));
          else
            g_set_error (error, KAM_ERROR, local->code, _("Row %u: %s"), i + 1, local->message);
          return FALSE;
        }
    }
  if (n == 0)
    return TRUE;

  command = _kam_command_alloc (&figures_class, sizeof (FiguresCommand),
                                n == 1 ? _("Add figure") : _("Add figures"));
  command->add = TRUE;
  command->n = n;
  command->ids = g_new (guint32, n);
  _kam_figure_table_append (self->figures, rows, n, command->ids);
  _kam_history_push (self->history, (KamCommand *) command);
  emit_changed (self);
  if (ids_out != NULL)
    for (guint i = 0; i < n; i++)
      ids_out[i] = command->ids[i];
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
                                        N_("Edit source"), N_("Edit note") };

  g_return_val_if_fail (KAM_IS_DATASET (self), FALSE);
  row = kam_figure_table_find_row (self->figures, id);
  if (row < 0)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_NOT_FOUND, _("The figure no longer exists."));
      return FALSE;
    }
  kam_figure_table_get_row (self->figures, row, &current);
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
  else if (!kam_dataset_validate_row (self, &changed, error))
    return FALSE;

  command = _kam_command_alloc (&field_class, sizeof (FieldCommand),
                                g_dgettext (GETTEXT_PACKAGE, labels[field]));
  command->id = id;
  command->field = field;
  copy_field (&command->old_row, &current, field);
  command->new_row = changed;
  if (field != KAM_FIGURE_FIELD_NOTE)
    command->new_row.note = NULL;
  command->old_row.note = field == KAM_FIGURE_FIELD_NOTE ? command->old_row.note : NULL;
  run (self, (KamCommand *) command);
  return TRUE;
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
 * Removes figures as one step.
 */
void
kam_dataset_remove_figures (KamDataset *self, const guint *ids, guint n)
{
  FiguresCommand *command;
  g_autofree guint *sorted = NULL;
  guint kept = 0;

  g_return_if_fail (KAM_IS_DATASET (self));
  if (n == 0)
    return;
  sorted = g_memdup2 (ids, n * sizeof (guint));
  qsort (sorted, n, sizeof (guint), compare_uint);
  for (guint i = 0; i < n; i++)
    if ((kept == 0 || sorted[kept - 1] != sorted[i])
        && kam_figure_table_find_row (self->figures, sorted[i]) >= 0)
      sorted[kept++] = sorted[i];
  if (kept == 0)
    return;

  command = _kam_command_alloc (&figures_class, sizeof (FiguresCommand),
                                kept == 1 ? _("Delete figure") : _("Delete figures"));
  command->add = FALSE;
  command->n = kept;
  command->ids = g_new (guint32, kept);
  for (guint i = 0; i < kept; i++)
    command->ids[i] = sorted[i];
  run (self, (KamCommand *) command);
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

void
kam_dataset_end_group (KamDataset *self)
{
  g_return_if_fail (KAM_IS_DATASET (self));
  _kam_history_end_group (self->history);
  if (!_kam_history_in_group (self->history) && self->changed_pending)
    {
      self->changed_pending = FALSE;
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

gboolean
kam_dataset_undo (KamDataset *self)
{
  KamCommand *command;

  g_return_val_if_fail (KAM_IS_DATASET (self), FALSE);
  command = _kam_history_undo_step (self->history);
  if (command == NULL)
    return FALSE;
  command->klass->apply (command, self, TRUE);
  g_signal_emit (self, signals[CHANGED], 0);
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
  command->klass->apply (command, self, FALSE);
  g_signal_emit (self, signals[CHANGED], 0);
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

/* ---- loading ----------------------------------------------------------- */

void
_kam_dataset_load_country (KamDataset *self, KamCountry *country)
{
  list_insert (self, LIST_COUNTRIES, g_list_model_get_n_items (G_LIST_MODEL (self->lists[0])),
               G_OBJECT (country));
}

void
_kam_dataset_load_indicator (KamDataset *self, KamIndicator *indicator)
{
  list_insert (self, LIST_INDICATORS,
               g_list_model_get_n_items (G_LIST_MODEL (self->lists[LIST_INDICATORS])),
               G_OBJECT (indicator));
}

void
_kam_dataset_load_source (KamDataset *self, KamSource *source)
{
  list_insert (self, LIST_SOURCES,
               g_list_model_get_n_items (G_LIST_MODEL (self->lists[LIST_SOURCES])),
               G_OBJECT (source));
}

void
_kam_dataset_load_agreement (KamDataset *self, KamAgreement *agreement)
{
  list_insert (self, LIST_AGREEMENTS,
               g_list_model_get_n_items (G_LIST_MODEL (self->lists[LIST_AGREEMENTS])),
               G_OBJECT (agreement));
}

void
_kam_dataset_load_figures (KamDataset *self, const KamFigureRow *rows, guint n)
{
  _kam_figure_table_append (self->figures, rows, n, NULL);
}

void
_kam_dataset_set_loaded_text (KamDataset *self, const char *title, const char *description)
{
  _kam_set_string (&self->title, title);
  _kam_set_string (&self->description, description);
}

GHashTable *
_kam_dataset_get_extra (KamDataset *self)
{
  return self->extra;
}
