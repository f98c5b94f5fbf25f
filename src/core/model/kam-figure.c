/* kam-figure.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A KamFigure is a view on one row of a KamFigureTable, found by its id. It
 * holds no copy of the data; its properties are read from the columns and
 * notified when the dataset changes the row. Edits go through the dataset. */

#include "kam-figure-table-private.h"
#include "kam-enums.h"

void _kam_figure_table_forget (KamFigureTable *self, guint32 id, KamFigure *figure);

struct _KamFigure
{
  GObject parent_instance;

  KamFigureTable *table;
  guint32 id;
};

G_DEFINE_FINAL_TYPE (KamFigure, kam_figure, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_PRESENT,
  PROP_COUNTRY,
  PROP_YEAR,
  PROP_INDICATOR,
  PROP_VALUE,
  PROP_KNOWN,
  PROP_SOURCE,
  PROP_NOTE,
  PROP_QUALIFIER,
  PROP_MEMBERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const guint field_props[] = {
  [KAM_FIGURE_FIELD_COUNTRY] = PROP_COUNTRY,
  [KAM_FIGURE_FIELD_YEAR] = PROP_YEAR,
  [KAM_FIGURE_FIELD_INDICATOR] = PROP_INDICATOR,
  [KAM_FIGURE_FIELD_VALUE] = PROP_VALUE,
  [KAM_FIGURE_FIELD_SOURCE] = PROP_SOURCE,
  [KAM_FIGURE_FIELD_NOTE] = PROP_NOTE,
  [KAM_FIGURE_FIELD_QUALIFIER] = PROP_QUALIFIER,
  [KAM_FIGURE_FIELD_MEMBERS] = PROP_MEMBERS,
};

void
_kam_figure_notify_field (KamFigure *self, KamFigureField field, gboolean known_changed)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[field_props[field]]);
  if (known_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KNOWN]);
}

KamFigure *
_kam_figure_new (KamFigureTable *table, guint32 id)
{
  KamFigure *self = g_object_new (KAM_TYPE_FIGURE, NULL);

  self->table = g_object_ref (table);
  self->id = id;
  return self;
}

guint
kam_figure_get_id (KamFigure *self)
{
  g_return_val_if_fail (KAM_IS_FIGURE (self), 0);
  return self->id;
}

/**
 * kam_figure_get_table:
 *
 * Returns: (transfer none): the table this figure is a row of
 */
KamFigureTable *
kam_figure_get_table (KamFigure *self)
{
  g_return_val_if_fail (KAM_IS_FIGURE (self), NULL);
  return self->table;
}

/**
 * kam_figure_get_row:
 *
 * Returns: the row's current position in the table, or -1 when it was deleted
 */
int
kam_figure_get_row (KamFigure *self)
{
  g_return_val_if_fail (KAM_IS_FIGURE (self), -1);
  return kam_figure_table_find_row (self->table, self->id);
}

gboolean
kam_figure_is_present (KamFigure *self)
{
  return kam_figure_get_row (self) >= 0;
}

#define ROW_OR(fallback)                 \
  int row = kam_figure_get_row (self);   \
  if (row < 0)                           \
    return fallback;

const char *
kam_figure_get_country (KamFigure *self)
{
  ROW_OR (NULL);
  return kam_figure_table_get_country (self->table, row);
}

int
kam_figure_get_year (KamFigure *self)
{
  ROW_OR (0);
  return kam_figure_table_get_year (self->table, row);
}

const char *
kam_figure_get_indicator (KamFigure *self)
{
  ROW_OR (NULL);
  return kam_figure_table_get_indicator (self->table, row);
}

/**
 * kam_figure_get_value:
 *
 * Returns: the value, or KAM_VALUE_UNKNOWN (NAN) when it is unknown
 */
double
kam_figure_get_value (KamFigure *self)
{
  ROW_OR (KAM_VALUE_UNKNOWN);
  return kam_figure_table_get_value (self->table, row);
}

gboolean
kam_figure_get_known (KamFigure *self)
{
  return kam_value_is_known (kam_figure_get_value (self));
}

const char *
kam_figure_get_source (KamFigure *self)
{
  ROW_OR (NULL);
  return kam_figure_table_get_source (self->table, row);
}

const char *
kam_figure_get_note (KamFigure *self)
{
  ROW_OR (NULL);
  return kam_figure_table_get_note (self->table, row);
}

static void
kam_figure_finalize (GObject *object)
{
  KamFigure *self = KAM_FIGURE (object);

  _kam_figure_table_forget (self->table, self->id, self);
  g_clear_object (&self->table);
  G_OBJECT_CLASS (kam_figure_parent_class)->finalize (object);
}

static void
kam_figure_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KamFigure *self = KAM_FIGURE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_uint (value, self->id);
      break;
    case PROP_PRESENT:
      g_value_set_boolean (value, kam_figure_is_present (self));
      break;
    case PROP_COUNTRY:
      g_value_set_string (value, kam_figure_get_country (self));
      break;
    case PROP_YEAR:
      g_value_set_int (value, kam_figure_get_year (self));
      break;
    case PROP_INDICATOR:
      g_value_set_string (value, kam_figure_get_indicator (self));
      break;
    case PROP_VALUE:
      g_value_set_double (value, kam_figure_get_value (self));
      break;
    case PROP_KNOWN:
      g_value_set_boolean (value, kam_figure_get_known (self));
      break;
    case PROP_SOURCE:
      g_value_set_string (value, kam_figure_get_source (self));
      break;
    case PROP_NOTE:
      g_value_set_string (value, kam_figure_get_note (self));
      break;
    case PROP_QUALIFIER:
      g_value_set_enum (value, kam_figure_get_qualifier (self));
      break;
    case PROP_MEMBERS:
      /* a stamp: notified when any member changes; read them with get_member */
      g_value_set_uint (value, 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

KamQualifier
kam_figure_get_qualifier (KamFigure *self)
{
  ROW_OR (KAM_QUALIFIER_EXACT);
  return kam_figure_table_get_qualifier (self->table, row);
}

guint
kam_figure_get_member (KamFigure *self, guint dimension)
{
  ROW_OR (0);
  return kam_figure_table_get_member (self->table, row, dimension);
}

static void
kam_figure_class_init (KamFigureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kam_figure_finalize;
  object_class->get_property = kam_figure_get_property;

  properties[PROP_ID] = g_param_spec_uint ("id", NULL, NULL, 0, G_MAXUINT32, 0, ro);
  properties[PROP_PRESENT] = g_param_spec_boolean ("present", NULL, NULL, FALSE, ro);
  properties[PROP_COUNTRY] = g_param_spec_string ("country", NULL, NULL, NULL, ro);
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0, ro);
  properties[PROP_INDICATOR] = g_param_spec_string ("indicator", NULL, NULL, NULL, ro);
  properties[PROP_VALUE] = g_param_spec_double ("value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE,
                                                0, ro);
  properties[PROP_KNOWN] = g_param_spec_boolean ("known", NULL, NULL, FALSE, ro);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, ro);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, ro);
  properties[PROP_QUALIFIER] = g_param_spec_enum ("qualifier", NULL, NULL, KAM_TYPE_QUALIFIER,
                                                  KAM_QUALIFIER_EXACT, ro);
  properties[PROP_MEMBERS] = g_param_spec_uint ("members", NULL, NULL, 0, 0, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kam_figure_init (KamFigure *self)
{
}
