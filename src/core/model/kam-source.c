/* kam-source.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "kam-source.h"
#include "kam-model-private.h"

struct _KamSource
{
  GObject parent_instance;

  char *id;
  char *title;
  char *publisher;
  char *date;
  char *url;
  char *note;
};

G_DEFINE_FINAL_TYPE (KamSource, kam_source, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_PUBLISHER,
  PROP_DATE,
  PROP_URL,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * kam_source_get_id:
 *
 * Returns: (nullable) (transfer none): the identifier
 */
const char *
kam_source_get_id (KamSource *self)
{
  g_return_val_if_fail (KAM_IS_SOURCE (self), NULL);
  return self->id;
}

static void
kam_source_set_id (KamSource *self, const char *id)
{
  g_return_if_fail (KAM_IS_SOURCE (self));
  if (_kam_set_string (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/**
 * kam_source_get_title:
 *
 * Returns: (nullable) (transfer none): the title
 */
const char *
kam_source_get_title (KamSource *self)
{
  g_return_val_if_fail (KAM_IS_SOURCE (self), NULL);
  return self->title;
}

void
kam_source_set_title (KamSource *self, const char *title)
{
  g_return_if_fail (KAM_IS_SOURCE (self));
  if (_kam_set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * kam_source_get_publisher:
 *
 * Returns: (nullable) (transfer none): the publisher
 */
const char *
kam_source_get_publisher (KamSource *self)
{
  g_return_val_if_fail (KAM_IS_SOURCE (self), NULL);
  return self->publisher;
}

void
kam_source_set_publisher (KamSource *self, const char *publisher)
{
  g_return_if_fail (KAM_IS_SOURCE (self));
  if (_kam_set_string (&self->publisher, publisher))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLISHER]);
}

/**
 * kam_source_get_date:
 *
 * Returns: (nullable) (transfer none): the date (partial iso)
 */
const char *
kam_source_get_date (KamSource *self)
{
  g_return_val_if_fail (KAM_IS_SOURCE (self), NULL);
  return self->date;
}

void
kam_source_set_date (KamSource *self, const char *date)
{
  g_return_if_fail (KAM_IS_SOURCE (self));
  if (_kam_set_string (&self->date, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

/**
 * kam_source_get_url:
 *
 * Returns: (nullable) (transfer none): the address
 */
const char *
kam_source_get_url (KamSource *self)
{
  g_return_val_if_fail (KAM_IS_SOURCE (self), NULL);
  return self->url;
}

void
kam_source_set_url (KamSource *self, const char *url)
{
  g_return_if_fail (KAM_IS_SOURCE (self));
  if (_kam_set_string (&self->url, url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
}

/**
 * kam_source_get_note:
 *
 * Returns: (nullable) (transfer none): the note
 */
const char *
kam_source_get_note (KamSource *self)
{
  g_return_val_if_fail (KAM_IS_SOURCE (self), NULL);
  return self->note;
}

void
kam_source_set_note (KamSource *self, const char *note)
{
  g_return_if_fail (KAM_IS_SOURCE (self));
  if (_kam_set_string (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

static void
kam_source_finalize (GObject *object)
{
  KamSource *self = KAM_SOURCE (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->publisher);
  g_free (self->date);
  g_free (self->url);
  g_free (self->note);
  G_OBJECT_CLASS (kam_source_parent_class)->finalize (object);
}

static void
kam_source_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KamSource *self = KAM_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_PUBLISHER:
      g_value_set_string (value, self->publisher);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kam_source_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  KamSource *self = KAM_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      kam_source_set_id (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      kam_source_set_title (self, g_value_get_string (value));
      break;
    case PROP_PUBLISHER:
      kam_source_set_publisher (self, g_value_get_string (value));
      break;
    case PROP_DATE:
      kam_source_set_date (self, g_value_get_string (value));
      break;
    case PROP_URL:
      kam_source_set_url (self, g_value_get_string (value));
      break;
    case PROP_NOTE:
      kam_source_set_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kam_source_class_init (KamSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kam_source_finalize;
  object_class->get_property = kam_source_get_property;
  object_class->set_property = kam_source_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PUBLISHER] =
    g_param_spec_string ("publisher", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kam_source_init (KamSource *self)
{
}

/**
 * kam_source_new:
 *
 * Returns: (transfer full): a new source
 */
KamSource *
kam_source_new (const char *id)
{
  return g_object_new (KAM_TYPE_SOURCE, "id", id, NULL);
}

/**
 * kam_source_copy:
 *
 * Returns: (transfer full): a new source with the same fields
 */
KamSource *
kam_source_copy (KamSource *self)
{
  g_return_val_if_fail (KAM_IS_SOURCE (self), NULL);
  return g_object_new (KAM_TYPE_SOURCE, "id", self->id, "title", self->title, "publisher", self->publisher, "date", self->date, "url", self->url, "note", self->note, NULL);
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
