/* kam-indicator.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include "kam-indicator.h"
#include "kam-model-private.h"

struct _KamIndicator
{
  GObject parent_instance;

  char *id;
  char *name;
  const char *unit; /* interned */
  KamIndicatorKind kind;
  char *definition;
  char *name_km, *definition_km; /* (nullable) */
};

G_DEFINE_FINAL_TYPE (KamIndicator, kam_indicator, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_UNIT,
  PROP_KIND,
  PROP_DEFINITION,
  PROP_NAME_KM,
  PROP_DEFINITION_KM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * kam_indicator_get_id:
 *
 * Returns: (nullable) (transfer none): the identifier
 */
const char *
kam_indicator_get_id (KamIndicator *self)
{
  g_return_val_if_fail (KAM_IS_INDICATOR (self), NULL);
  return self->id;
}

static void
kam_indicator_set_id (KamIndicator *self, const char *id)
{
  g_return_if_fail (KAM_IS_INDICATOR (self));
  if (_kam_set_string (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/**
 * kam_indicator_get_name:
 *
 * Returns: (nullable) (transfer none): the name
 */
const char *
kam_indicator_get_name (KamIndicator *self)
{
  g_return_val_if_fail (KAM_IS_INDICATOR (self), NULL);
  return self->name;
}

void
kam_indicator_set_name (KamIndicator *self, const char *name)
{
  g_return_if_fail (KAM_IS_INDICATOR (self));
  if (_kam_set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
kam_unit_normalize (const char *unit)
{
  return g_intern_string (unit != NULL ? unit : KAM_UNIT_PERSONS);
}

/* A blank unit counts as persons, the unit of an indicator that names none. */
gboolean
kam_unit_is (const char *unit, const char *known)
{
  gsize start = 0, end;

  if (unit == NULL)
    return FALSE;
  end = strlen (unit);
  while (start < end && g_ascii_isspace (unit[start]))
    start++;
  while (end > start && g_ascii_isspace (unit[end - 1]))
    end--;
  if (start == end)
    return g_str_equal (known, KAM_UNIT_PERSONS);
  return end - start == strlen (known) && g_ascii_strncasecmp (unit + start, known, end - start) == 0;
}

/**
 * kam_indicator_get_unit:
 *
 * Returns: (transfer none): the unit, interned ("persons", "USD" ...)
 */
const char *
kam_indicator_get_unit (KamIndicator *self)
{
  g_return_val_if_fail (KAM_IS_INDICATOR (self), KAM_UNIT_PERSONS);
  return self->unit;
}

void
kam_indicator_set_unit (KamIndicator *self, const char *unit)
{
  const char *normal = kam_unit_normalize (unit);

  g_return_if_fail (KAM_IS_INDICATOR (self));
  if (self->unit == normal)
    return;
  self->unit = normal;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
}

KamIndicatorKind
kam_indicator_get_kind (KamIndicator *self)
{
  g_return_val_if_fail (KAM_IS_INDICATOR (self), KAM_INDICATOR_KIND_STOCK);
  return self->kind;
}

void
kam_indicator_set_kind (KamIndicator *self, KamIndicatorKind kind)
{
  g_return_if_fail (KAM_IS_INDICATOR (self));
  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/**
 * kam_indicator_get_definition:
 *
 * Returns: (nullable) (transfer none): the what is counted
 */
const char *
kam_indicator_get_definition (KamIndicator *self)
{
  g_return_val_if_fail (KAM_IS_INDICATOR (self), NULL);
  return self->definition;
}

void
kam_indicator_set_definition (KamIndicator *self, const char *definition)
{
  g_return_if_fail (KAM_IS_INDICATOR (self));
  if (_kam_set_string (&self->definition, definition))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEFINITION]);
}

/**
 * kam_indicator_get_name_km:
 *
 * Returns: (nullable) (transfer none): the name in Khmer
 */
const char *
kam_indicator_get_name_km (KamIndicator *self)
{
  g_return_val_if_fail (KAM_IS_INDICATOR (self), NULL);
  return self->name_km;
}

void
kam_indicator_set_name_km (KamIndicator *self, const char *name_km)
{
  g_return_if_fail (KAM_IS_INDICATOR (self));
  if (_kam_set_string (&self->name_km, name_km))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME_KM]);
}

/**
 * kam_indicator_get_definition_km:
 *
 * Returns: (nullable) (transfer none): what is counted, in Khmer
 */
const char *
kam_indicator_get_definition_km (KamIndicator *self)
{
  g_return_val_if_fail (KAM_IS_INDICATOR (self), NULL);
  return self->definition_km;
}

void
kam_indicator_set_definition_km (KamIndicator *self, const char *definition_km)
{
  g_return_if_fail (KAM_IS_INDICATOR (self));
  if (_kam_set_string (&self->definition_km, definition_km))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEFINITION_KM]);
}

static void
kam_indicator_finalize (GObject *object)
{
  KamIndicator *self = KAM_INDICATOR (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->definition);
  g_free (self->name_km);
  g_free (self->definition_km);
  G_OBJECT_CLASS (kam_indicator_parent_class)->finalize (object);
}

static void
kam_indicator_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KamIndicator *self = KAM_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_DEFINITION:
      g_value_set_string (value, self->definition);
      break;
    case PROP_NAME_KM:
      g_value_set_string (value, self->name_km);
      break;
    case PROP_DEFINITION_KM:
      g_value_set_string (value, self->definition_km);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kam_indicator_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  KamIndicator *self = KAM_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      kam_indicator_set_id (self, g_value_get_string (value));
      break;
    case PROP_NAME:
      kam_indicator_set_name (self, g_value_get_string (value));
      break;
    case PROP_UNIT:
      kam_indicator_set_unit (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      kam_indicator_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_DEFINITION:
      kam_indicator_set_definition (self, g_value_get_string (value));
      break;
    case PROP_NAME_KM:
      kam_indicator_set_name_km (self, g_value_get_string (value));
      break;
    case PROP_DEFINITION_KM:
      kam_indicator_set_definition_km (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kam_indicator_class_init (KamIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kam_indicator_finalize;
  object_class->get_property = kam_indicator_get_property;
  object_class->set_property = kam_indicator_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL, KAM_UNIT_PERSONS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, KAM_TYPE_INDICATOR_KIND, KAM_INDICATOR_KIND_STOCK,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEFINITION] =
    g_param_spec_string ("definition", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NAME_KM] =
    g_param_spec_string ("name-km", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEFINITION_KM] =
    g_param_spec_string ("definition-km", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kam_indicator_init (KamIndicator *self)
{
  self->unit = g_intern_static_string (KAM_UNIT_PERSONS);
  self->kind = KAM_INDICATOR_KIND_STOCK;
}

/**
 * kam_indicator_new:
 *
 * Returns: (transfer full): a new indicator
 */
KamIndicator *
kam_indicator_new (const char *id)
{
  return g_object_new (KAM_TYPE_INDICATOR, "id", id, NULL);
}

/**
 * kam_indicator_copy:
 *
 * Returns: (transfer full): a new indicator with the same fields
 */
KamIndicator *
kam_indicator_copy (KamIndicator *self)
{
  g_return_val_if_fail (KAM_IS_INDICATOR (self), NULL);
  return g_object_new (KAM_TYPE_INDICATOR, "id", self->id, "name", self->name, "unit", self->unit, "kind", self->kind, "definition", self->definition, "name-km", self->name_km, "definition-km", self->definition_km, NULL);
}
