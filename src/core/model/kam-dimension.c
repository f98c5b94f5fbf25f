/* kam-dimension.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n-lib.h>
#include "kam-dimension.h"
#include "kam-model-private.h"
#include <string.h>

typedef struct
{
  char *code;
  char *name;
  char *name_km;
} Member;

struct _KamDimension
{
  GObject parent_instance;

  char *id;
  char *name;
  char *name_km;
  GArray *members; /* Member */
};

G_DEFINE_FINAL_TYPE (KamDimension, kam_dimension, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_NAME_KM,
  PROP_N_MEMBERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
member_clear (gpointer p)
{
  Member *m = p;

  g_free (m->code);
  g_free (m->name);
  g_free (m->name_km);
}

static void
kam_dimension_finalize (GObject *object)
{
  KamDimension *self = KAM_DIMENSION (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->name_km);
  g_array_unref (self->members);
  G_OBJECT_CLASS (kam_dimension_parent_class)->finalize (object);
}

static void
kam_dimension_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KamDimension *self = KAM_DIMENSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_NAME_KM:
      g_value_set_string (value, self->name_km);
      break;
    case PROP_N_MEMBERS:
      g_value_set_uint (value, self->members->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kam_dimension_set_property (GObject *object, guint prop_id, const GValue *value,
                            GParamSpec *pspec)
{
  KamDimension *self = KAM_DIMENSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      kam_dimension_set_name (self, g_value_get_string (value));
      break;
    case PROP_NAME_KM:
      kam_dimension_set_name_km (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kam_dimension_class_init (KamDimensionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kam_dimension_finalize;
  object_class->get_property = kam_dimension_get_property;
  object_class->set_property = kam_dimension_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME_KM] =
    g_param_spec_string ("name-km", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_MEMBERS] =
    g_param_spec_uint ("n-members", NULL, NULL, 0, G_MAXUINT16, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kam_dimension_init (KamDimension *self)
{
  self->members = g_array_new (FALSE, TRUE, sizeof (Member));
  g_array_set_clear_func (self->members, member_clear);
}

/**
 * kam_dimension_new:
 *
 * Returns: (transfer full): a dimension with no members yet; the first one
 *   appended is the total
 */
KamDimension *
kam_dimension_new (const char *id, const char *name, const char *name_km)
{
  return g_object_new (KAM_TYPE_DIMENSION, "id", id, "name", name, "name-km", name_km, NULL);
}

const char *
kam_dimension_get_id (KamDimension *self)
{
  g_return_val_if_fail (KAM_IS_DIMENSION (self), NULL);
  return self->id;
}

const char *
kam_dimension_get_name (KamDimension *self)
{
  g_return_val_if_fail (KAM_IS_DIMENSION (self), NULL);
  return self->name;
}

void
kam_dimension_set_name (KamDimension *self, const char *name)
{
  g_return_if_fail (KAM_IS_DIMENSION (self));
  if (_kam_set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
kam_dimension_get_name_km (KamDimension *self)
{
  g_return_val_if_fail (KAM_IS_DIMENSION (self), NULL);
  return self->name_km;
}

void
kam_dimension_set_name_km (KamDimension *self, const char *name_km)
{
  g_return_if_fail (KAM_IS_DIMENSION (self));
  if (_kam_set_string (&self->name_km, name_km))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME_KM]);
}

static gboolean
interface_is_khmer (void)
{
  /* Translators: the same switch as for country names: "km" in Khmer. */
  return g_str_equal (C_("country-names", "en"), "km");
}

static const char *
pick_label (const char *name, const char *name_km, const char *code)
{
  if (interface_is_khmer () && name_km != NULL)
    return name_km;
  return name != NULL ? name : code;
}

const char *
kam_dimension_get_label (KamDimension *self)
{
  g_return_val_if_fail (KAM_IS_DIMENSION (self), NULL);
  return pick_label (self->name, self->name_km, self->id);
}

guint
kam_dimension_get_n_members (KamDimension *self)
{
  g_return_val_if_fail (KAM_IS_DIMENSION (self), 0);
  return self->members->len;
}

#define MEMBER(i) (&g_array_index (self->members, Member, (i)))

const char *
kam_dimension_get_member_code (KamDimension *self, guint member)
{
  g_return_val_if_fail (KAM_IS_DIMENSION (self) && member < self->members->len, NULL);
  return MEMBER (member)->code;
}

const char *
kam_dimension_get_member_name (KamDimension *self, guint member)
{
  g_return_val_if_fail (KAM_IS_DIMENSION (self) && member < self->members->len, NULL);
  return MEMBER (member)->name;
}

const char *
kam_dimension_get_member_name_km (KamDimension *self, guint member)
{
  g_return_val_if_fail (KAM_IS_DIMENSION (self) && member < self->members->len, NULL);
  return MEMBER (member)->name_km;
}

const char *
kam_dimension_get_member_label (KamDimension *self, guint member)
{
  Member *m;

  g_return_val_if_fail (KAM_IS_DIMENSION (self) && member < self->members->len, NULL);
  m = MEMBER (member);
  return pick_label (m->name, m->name_km, m->code);
}

gboolean
_kam_same_text (const char *a, const char *b, gboolean any_case)
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

int
kam_dimension_find_code (KamDimension *self, const char *code)
{
  g_return_val_if_fail (KAM_IS_DIMENSION (self), -1);
  for (guint i = 0; code != NULL && i < self->members->len; i++)
    if (g_str_equal (MEMBER (i)->code, code))
      return (int) i;
  return -1;
}

int
kam_dimension_find_member (KamDimension *self, const char *text, gboolean any_case)
{
  g_return_val_if_fail (KAM_IS_DIMENSION (self), -1);
  if (text == NULL)
    return -1;
  /* codes first: a code may look like another member's name */
  for (guint i = 0; i < self->members->len; i++)
    if (_kam_same_text (MEMBER (i)->code, text, any_case))
      return (int) i;
  for (guint i = 0; i < self->members->len; i++)
    if (_kam_same_text (MEMBER (i)->name, text, any_case) || _kam_same_text (MEMBER (i)->name_km, text, any_case))
      return (int) i;
  return -1;
}

guint
kam_dimension_append_member (KamDimension *self, const char *code, const char *name,
                             const char *name_km)
{
  Member m = { g_strdup (code), NULL, NULL };

  g_return_val_if_fail (KAM_IS_DIMENSION (self), 0);
  _kam_set_string (&m.name, name);
  _kam_set_string (&m.name_km, name_km);
  g_array_append_val (self->members, m);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MEMBERS]);
  return self->members->len - 1;
}

void
_kam_dimension_drop_last_member (KamDimension *self)
{
  g_return_if_fail (self->members->len > 0);
  g_array_set_size (self->members, self->members->len - 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MEMBERS]);
}

static gboolean
code_chars_ok (const char *code, const char *extra)
{
  if (code == NULL || *code == '\0' || strlen (code) > 64)
    return FALSE;
  for (const char *p = code; *p; p++)
    if (!g_ascii_isalnum (*p) && strchr (extra, *p) == NULL)
      return FALSE;
  return TRUE;
}

gboolean
kam_member_code_is_valid (const char *code)
{
  return code_chars_ok (code, "-_+.");
}

/* Dimension ids share the columns list with country, year ...: lower case. */
gboolean
kam_dimension_id_is_valid (const char *id)
{
  if (!code_chars_ok (id, "-_"))
    return FALSE;
  for (const char *p = id; *p; p++)
    if (g_ascii_isupper (*p))
      return FALSE;
  return g_ascii_isalpha (id[0]);
}
