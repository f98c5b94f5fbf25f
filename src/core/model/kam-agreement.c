/* kam-agreement.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "kam-agreement.h"
#include "kam-model-private.h"

#include <glib/gi18n-lib.h>

struct _KamAgreement
{
  GObject parent_instance;

  char *country;
  char *title;
  KamAgreementKind kind;
  char *signed_date;
  KamAgreementStatus status;
  char *source;
  char *note;
};

G_DEFINE_FINAL_TYPE (KamAgreement, kam_agreement, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_COUNTRY,
  PROP_TITLE,
  PROP_KIND,
  PROP_SIGNED,
  PROP_STATUS,
  PROP_SOURCE,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * kam_agreement_get_country:
 *
 * Returns: (nullable) (transfer none): the country code
 */
const char *
kam_agreement_get_country (KamAgreement *self)
{
  g_return_val_if_fail (KAM_IS_AGREEMENT (self), NULL);
  return self->country;
}

void
kam_agreement_set_country (KamAgreement *self, const char *country)
{
  g_return_if_fail (KAM_IS_AGREEMENT (self));
  if (_kam_set_string (&self->country, country))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY]);
}

/**
 * kam_agreement_get_title:
 *
 * Returns: (nullable) (transfer none): the title
 */
const char *
kam_agreement_get_title (KamAgreement *self)
{
  g_return_val_if_fail (KAM_IS_AGREEMENT (self), NULL);
  return self->title;
}

void
kam_agreement_set_title (KamAgreement *self, const char *title)
{
  g_return_if_fail (KAM_IS_AGREEMENT (self));
  if (_kam_set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
kam_agreement_kind_get_label (KamAgreementKind kind)
{
  switch (kind)
    {
    case KAM_AGREEMENT_KIND_MOU:
      return _("MoU");
    case KAM_AGREEMENT_KIND_PROGRAMME:
      return _("Programme");
    case KAM_AGREEMENT_KIND_AGREEMENT:
    default:
      return _("Agreement");
    }
}

KamAgreementKind
kam_agreement_get_kind (KamAgreement *self)
{
  g_return_val_if_fail (KAM_IS_AGREEMENT (self), KAM_AGREEMENT_KIND_MOU);
  return self->kind;
}

void
kam_agreement_set_kind (KamAgreement *self, KamAgreementKind kind)
{
  g_return_if_fail (KAM_IS_AGREEMENT (self));
  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/**
 * kam_agreement_get_signed_date:
 *
 * Returns: (nullable) (transfer none): the date signed (partial iso)
 */
const char *
kam_agreement_get_signed (KamAgreement *self)
{
  g_return_val_if_fail (KAM_IS_AGREEMENT (self), NULL);
  return self->signed_date;
}

void
kam_agreement_set_signed (KamAgreement *self, const char *signed_date)
{
  g_return_if_fail (KAM_IS_AGREEMENT (self));
  if (_kam_set_string (&self->signed_date, signed_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED]);
}

KamAgreementStatus
kam_agreement_get_status (KamAgreement *self)
{
  g_return_val_if_fail (KAM_IS_AGREEMENT (self), KAM_AGREEMENT_STATUS_SIGNED);
  return self->status;
}

void
kam_agreement_set_status (KamAgreement *self, KamAgreementStatus status)
{
  g_return_if_fail (KAM_IS_AGREEMENT (self));
  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

/**
 * kam_agreement_get_source:
 *
 * Returns: (nullable) (transfer none): the source id
 */
const char *
kam_agreement_get_source (KamAgreement *self)
{
  g_return_val_if_fail (KAM_IS_AGREEMENT (self), NULL);
  return self->source;
}

void
kam_agreement_set_source (KamAgreement *self, const char *source)
{
  g_return_if_fail (KAM_IS_AGREEMENT (self));
  if (_kam_set_string (&self->source, source))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}

/**
 * kam_agreement_get_note:
 *
 * Returns: (nullable) (transfer none): the note
 */
const char *
kam_agreement_get_note (KamAgreement *self)
{
  g_return_val_if_fail (KAM_IS_AGREEMENT (self), NULL);
  return self->note;
}

void
kam_agreement_set_note (KamAgreement *self, const char *note)
{
  g_return_if_fail (KAM_IS_AGREEMENT (self));
  if (_kam_set_string (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

static void
kam_agreement_finalize (GObject *object)
{
  KamAgreement *self = KAM_AGREEMENT (object);

  g_free (self->country);
  g_free (self->title);
  g_free (self->signed_date);
  g_free (self->source);
  g_free (self->note);
  G_OBJECT_CLASS (kam_agreement_parent_class)->finalize (object);
}

static void
kam_agreement_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KamAgreement *self = KAM_AGREEMENT (object);

  switch (prop_id)
    {
    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_SIGNED:
      g_value_set_string (value, self->signed_date);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kam_agreement_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  KamAgreement *self = KAM_AGREEMENT (object);

  switch (prop_id)
    {
    case PROP_COUNTRY:
      kam_agreement_set_country (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      kam_agreement_set_title (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      kam_agreement_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_SIGNED:
      kam_agreement_set_signed (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      kam_agreement_set_status (self, g_value_get_enum (value));
      break;
    case PROP_SOURCE:
      kam_agreement_set_source (self, g_value_get_string (value));
      break;
    case PROP_NOTE:
      kam_agreement_set_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kam_agreement_class_init (KamAgreementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kam_agreement_finalize;
  object_class->get_property = kam_agreement_get_property;
  object_class->set_property = kam_agreement_set_property;

  properties[PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, KAM_TYPE_AGREEMENT_KIND, KAM_AGREEMENT_KIND_MOU,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIGNED] =
    g_param_spec_string ("signed", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, KAM_TYPE_AGREEMENT_STATUS, KAM_AGREEMENT_STATUS_SIGNED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kam_agreement_init (KamAgreement *self)
{
  self->kind = KAM_AGREEMENT_KIND_MOU;
  self->status = KAM_AGREEMENT_STATUS_SIGNED;
}

/**
 * kam_agreement_new:
 *
 * Returns: (transfer full): a new agreement
 */
KamAgreement *
kam_agreement_new (void)
{
  return g_object_new (KAM_TYPE_AGREEMENT, NULL);
}

/**
 * kam_agreement_copy:
 *
 * Returns: (transfer full): a new agreement with the same fields
 */
KamAgreement *
kam_agreement_copy (KamAgreement *self)
{
  g_return_val_if_fail (KAM_IS_AGREEMENT (self), NULL);
  return g_object_new (KAM_TYPE_AGREEMENT, "country", self->country, "title", self->title, "kind", self->kind, "signed", self->signed_date, "status", self->status, "source", self->source, "note", self->note, NULL);
}
