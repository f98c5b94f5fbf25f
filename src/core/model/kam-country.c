/* kam-country.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "kam-country.h"
#include "kam-model-private.h"

struct _KamCountry
{
  GObject parent_instance;

  char *code;
  char *name;
  char *name_km;
  char *region;
};

G_DEFINE_FINAL_TYPE (KamCountry, kam_country, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  PROP_NAME_KM,
  PROP_REGION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * kam_country_get_code:
 *
 * Returns: (nullable) (transfer none): the iso 3166-1 alpha-3 code
 */
const char *
kam_country_get_code (KamCountry *self)
{
  g_return_val_if_fail (KAM_IS_COUNTRY (self), NULL);
  return self->code;
}

static void
kam_country_set_code (KamCountry *self, const char *code)
{
  g_return_if_fail (KAM_IS_COUNTRY (self));
  if (_kam_set_string (&self->code, code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
}

/**
 * kam_country_get_name:
 *
 * Returns: (nullable) (transfer none): the english name
 */
const char *
kam_country_get_name (KamCountry *self)
{
  g_return_val_if_fail (KAM_IS_COUNTRY (self), NULL);
  return self->name;
}

void
kam_country_set_name (KamCountry *self, const char *name)
{
  g_return_if_fail (KAM_IS_COUNTRY (self));
  if (_kam_set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * kam_country_get_name_km:
 *
 * Returns: (nullable) (transfer none): the khmer name
 */
const char *
kam_country_get_name_km (KamCountry *self)
{
  g_return_val_if_fail (KAM_IS_COUNTRY (self), NULL);
  return self->name_km;
}

void
kam_country_set_name_km (KamCountry *self, const char *name_km)
{
  g_return_if_fail (KAM_IS_COUNTRY (self));
  if (_kam_set_string (&self->name_km, name_km))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME_KM]);
}

/**
 * kam_country_get_region:
 *
 * Returns: (nullable) (transfer none): the region
 */
const char *
kam_country_get_region (KamCountry *self)
{
  g_return_val_if_fail (KAM_IS_COUNTRY (self), NULL);
  return self->region;
}

void
kam_country_set_region (KamCountry *self, const char *region)
{
  g_return_if_fail (KAM_IS_COUNTRY (self));
  if (_kam_set_string (&self->region, region))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGION]);
}

static void
kam_country_finalize (GObject *object)
{
  KamCountry *self = KAM_COUNTRY (object);

  g_free (self->code);
  g_free (self->name);
  g_free (self->name_km);
  g_free (self->region);
  G_OBJECT_CLASS (kam_country_parent_class)->finalize (object);
}

static void
kam_country_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KamCountry *self = KAM_COUNTRY (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_NAME_KM:
      g_value_set_string (value, self->name_km);
      break;
    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kam_country_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  KamCountry *self = KAM_COUNTRY (object);

  switch (prop_id)
    {
    case PROP_CODE:
      kam_country_set_code (self, g_value_get_string (value));
      break;
    case PROP_NAME:
      kam_country_set_name (self, g_value_get_string (value));
      break;
    case PROP_NAME_KM:
      kam_country_set_name_km (self, g_value_get_string (value));
      break;
    case PROP_REGION:
      kam_country_set_region (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kam_country_class_init (KamCountryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kam_country_finalize;
  object_class->get_property = kam_country_get_property;
  object_class->set_property = kam_country_set_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME_KM] =
    g_param_spec_string ("name-km", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kam_country_init (KamCountry *self)
{
}

/**
 * kam_country_new:
 *
 * Returns: (transfer full): a new country
 */
KamCountry *
kam_country_new (const char *code)
{
  return g_object_new (KAM_TYPE_COUNTRY, "code", code, NULL);
}

/**
 * kam_country_copy:
 *
 * Returns: (transfer full): a new country with the same fields
 */
KamCountry *
kam_country_copy (KamCountry *self)
{
  g_return_val_if_fail (KAM_IS_COUNTRY (self), NULL);
  return g_object_new (KAM_TYPE_COUNTRY, "code", self->code, "name", self->name, "name-km", self->name_km, "region", self->region, NULL);
}
