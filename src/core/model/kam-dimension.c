/* kam-dimension.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include "kam-dimension.h"
#include "kam-model-private.h"
#include <string.h>

/* ---- KamMember ------------------------------------------------------------ */

struct _KamMember
{
  GObject parent_instance;

  char *code;
  char *name;
  char *name_km;
  KamDimension *dimension; /* not owned: the dimension owns its members */
  guint position;
};

G_DEFINE_FINAL_TYPE (KamMember, kam_member, G_TYPE_OBJECT)

enum
{
  MEMBER_PROP_0,
  MEMBER_PROP_CODE,
  MEMBER_PROP_NAME,
  MEMBER_PROP_NAME_KM,
  MEMBER_N_PROPS
};

static GParamSpec *member_properties[MEMBER_N_PROPS];

static void
kam_member_finalize (GObject *object)
{
  KamMember *self = KAM_MEMBER (object);

  g_free (self->code);
  g_free (self->name);
  g_free (self->name_km);
  G_OBJECT_CLASS (kam_member_parent_class)->finalize (object);
}

static void
kam_member_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KamMember *self = KAM_MEMBER (object);

  switch (prop_id)
    {
    case MEMBER_PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case MEMBER_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case MEMBER_PROP_NAME_KM:
      g_value_set_string (value, self->name_km);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kam_member_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  KamMember *self = KAM_MEMBER (object);

  switch (prop_id)
    {
    case MEMBER_PROP_CODE:
      self->code = g_value_dup_string (value);
      break;
    case MEMBER_PROP_NAME:
      if (_kam_set_string (&self->name, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case MEMBER_PROP_NAME_KM:
      if (_kam_set_string (&self->name_km, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kam_member_class_init (KamMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kam_member_finalize;
  object_class->get_property = kam_member_get_property;
  object_class->set_property = kam_member_set_property;

  member_properties[MEMBER_PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  member_properties[MEMBER_PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  member_properties[MEMBER_PROP_NAME_KM] =
    g_param_spec_string ("name-km", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, MEMBER_N_PROPS, member_properties);
}

static void
kam_member_init (KamMember *self)
{
}

const char *
kam_member_get_code (KamMember *self)
{
  g_return_val_if_fail (KAM_IS_MEMBER (self), NULL);
  return self->code;
}

const char *
kam_member_get_name (KamMember *self)
{
  g_return_val_if_fail (KAM_IS_MEMBER (self), NULL);
  return self->name;
}

const char *
kam_member_get_name_km (KamMember *self)
{
  g_return_val_if_fail (KAM_IS_MEMBER (self), NULL);
  return self->name_km;
}

KamDimension *
kam_member_get_dimension (KamMember *self)
{
  g_return_val_if_fail (KAM_IS_MEMBER (self), NULL);
  return self->dimension;
}

int
kam_member_get_position (KamMember *self)
{
  g_return_val_if_fail (KAM_IS_MEMBER (self), -1);
  return self->dimension != NULL ? (int) self->position : -1;
}

/* ---- KamDimension --------------------------------------------------------- */

struct _KamDimension
{
  GObject parent_instance;

  char *id;
  char *name;
  char *name_km;
  GPtrArray *members; /* KamMember, owned */
};

static void kam_dimension_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KamDimension, kam_dimension, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, kam_dimension_list_model_init))

static GType
list_get_item_type (GListModel *list)
{
  return KAM_TYPE_MEMBER;
}

static guint
list_get_n_items (GListModel *list)
{
  return KAM_DIMENSION (list)->members->len;
}

static gpointer
list_get_item (GListModel *list, guint position)
{
  KamDimension *self = KAM_DIMENSION (list);

  if (position >= self->members->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->members, position));
}

static void
kam_dimension_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = list_get_item_type;
  iface->get_n_items = list_get_n_items;
  iface->get_item = list_get_item;
}

static void
member_release (gpointer p)
{
  KamMember *member = p;

  member->dimension = NULL;
  g_object_unref (member);
}

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
kam_dimension_finalize (GObject *object)
{
  KamDimension *self = KAM_DIMENSION (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->name_km);
  g_ptr_array_unref (self->members);
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
  self->members = g_ptr_array_new_with_free_func (member_release);
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

/* Whether the interface is in Khmer: then countries, indicators, breakdowns
 * and their members are named by their Khmer names where the dataset has
 * them. */
gboolean
_kam_interface_is_khmer (void)
{
  /* Translators: write "km" here when translating into Khmer, so that the
   * names of countries, indicators and breakdowns are shown in Khmer too. */
  return g_str_equal (C_("country-names", "en"), "km");
}

/* A thing's name for people: its Khmer name when the interface is in Khmer
 * and it has one, else its name, else its code. */
const char *
_kam_pick_label (const char *name, const char *name_km, const char *code)
{
  if (_kam_interface_is_khmer () && name_km != NULL)
    return name_km;
  return name != NULL ? name : code;
}

const char *
kam_dimension_get_label (KamDimension *self)
{
  g_return_val_if_fail (KAM_IS_DIMENSION (self), NULL);
  return _kam_pick_label (self->name, self->name_km, self->id);
}

guint
kam_dimension_get_n_members (KamDimension *self)
{
  g_return_val_if_fail (KAM_IS_DIMENSION (self), 0);
  return self->members->len;
}

#define MEMBER(i) ((KamMember *) g_ptr_array_index (self->members, (i)))

/**
 * kam_dimension_get_member:
 *
 * Returns: (transfer none): the member at this position
 */
KamMember *
kam_dimension_get_member (KamDimension *self, guint member)
{
  g_return_val_if_fail (KAM_IS_DIMENSION (self) && member < self->members->len, NULL);
  return MEMBER (member);
}

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
  g_return_val_if_fail (KAM_IS_DIMENSION (self) && member < self->members->len, NULL);
  return kam_member_get_label (MEMBER (member));
}

const char *
kam_member_get_label (KamMember *self)
{
  g_return_val_if_fail (KAM_IS_MEMBER (self), NULL);
  return _kam_pick_label (self->name, self->name_km, self->code);
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

static gboolean
same_or_folded (const char *a, const char *text, const char *folded)
{
  g_autofree char *x = NULL;

  if (a == NULL)
    return FALSE;
  if (folded == NULL)
    return g_str_equal (a, text);
  x = g_utf8_casefold (a, -1);
  return g_str_equal (x, folded);
}

/* The code as written first, always (codes may differ only in case, and a
 * code may look like another member's name); then, each only when it points
 * at one member: a code in any case, a name as written, a name in any case;
 * last, the text without spaces around it. */
int
kam_dimension_find_member (KamDimension *self, const char *text, gboolean any_case)
{
  g_autofree char *folded = NULL, *stripped = NULL;

  g_return_val_if_fail (KAM_IS_DIMENSION (self), -1);
  if (text == NULL)
    return -1;
  for (guint i = 0; i < self->members->len; i++)
    if (g_str_equal (MEMBER (i)->code, text))
      return (int) i;
  folded = g_utf8_casefold (text, -1);
  for (int pass = any_case ? 0 : 1; pass < (any_case ? 3 : 2); pass++)
    {
      int found = -1;
      guint count = 0;

      for (guint i = 0; i < self->members->len; i++)
        {
          gboolean match = pass == 0 ? same_or_folded (MEMBER (i)->code, text, folded)
                                     : same_or_folded (MEMBER (i)->name, text, pass == 2 ? folded : NULL)
                                         || same_or_folded (MEMBER (i)->name_km, text, pass == 2 ? folded : NULL);
          if (match && count++ == 0)
            found = (int) i;
        }
      if (count > 1)
        return -1; /* ambiguous */
      if (count == 1)
        return found;
    }
  stripped = g_strstrip (g_strdup (text));
  if (*stripped != '\0' && !g_str_equal (stripped, text))
    return kam_dimension_find_member (self, stripped, any_case);
  return -1;
}

guint
kam_dimension_append_member (KamDimension *self, const char *code, const char *name,
                             const char *name_km)
{
  g_autoptr (KamMember) member = NULL;

  g_return_val_if_fail (KAM_IS_DIMENSION (self), 0);
  member = g_object_new (KAM_TYPE_MEMBER, "code", code, "name", name, "name-km", name_km, NULL);
  _kam_dimension_append (self, member);
  return self->members->len - 1;
}

void
_kam_dimension_append (KamDimension *self, KamMember *member)
{
  g_return_if_fail (KAM_IS_MEMBER (member) && member->dimension == NULL);
  member->dimension = self;
  member->position = self->members->len;
  g_ptr_array_add (self->members, g_object_ref (member));
  g_list_model_items_changed (G_LIST_MODEL (self), member->position, 0, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MEMBERS]);
}

/* Returns: (transfer full): the member taken out */
KamMember *
_kam_dimension_take_last_member (KamDimension *self)
{
  KamMember *member;

  g_return_val_if_fail (self->members->len > 0, NULL);
  member = g_ptr_array_steal_index (self->members, self->members->len - 1);
  member->dimension = NULL;
  g_list_model_items_changed (G_LIST_MODEL (self), self->members->len, 1, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MEMBERS]);
  return member;
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
