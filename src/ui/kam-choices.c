/* kam-choices.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The lists a drop-down of countries, indicators or sources shows, made from
 * a dataset, and bound to a key property. */

#include <glib/gi18n.h>
#include "kam-choices.h"

void
kam_choices_init (KamChoices *choices)
{
  choices->labels = gtk_string_list_new (NULL);
  choices->details = gtk_string_list_new (NULL);
  choices->keys = g_ptr_array_new ();
}

void
kam_choices_clear (KamChoices *choices)
{
  g_clear_object (&choices->labels);
  g_clear_object (&choices->details);
  g_clear_pointer (&choices->keys, g_ptr_array_unref);
}

/* "MYS · ម៉ាឡេស៊ី": the code, and the name in the language the label is not
 * in (or the whole title a short label stands for). */
static char *
detail (const char *key, const char *label, const char *name, const char *other)
{
  const char *shown = NULL;

  if (other != NULL && *other != '\0' && g_strcmp0 (label, other) != 0)
    shown = other;
  else if (name != NULL && *name != '\0' && g_strcmp0 (label, name) != 0)
    shown = name;
  if (shown == NULL)
    return g_strdup (key);
  /* TRANSLATORS: a choice's code and its other name, under its name in a
   * list of choices: "MYS · ម៉ាឡេស៊ី" */
  return g_strdup_printf (_("%s · %s"), key, shown);
}

gboolean
kam_choices_update (KamChoices *choices, KamDataset *dataset, KamChoicesKind kind,
                    const char *first_label, ...)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) details = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) keys = g_ptr_array_new ();
  GListModel *list;
  guint old_n, n;
  gboolean same;
  va_list args;

  va_start (args, first_label);
  for (const char *label = first_label; label != NULL; label = va_arg (args, const char *))
    {
      const char *key = va_arg (args, const char *);
      g_ptr_array_add (labels, g_strdup (label));
      g_ptr_array_add (details, g_strdup (""));
      g_ptr_array_add (keys, key != NULL ? (gpointer) g_intern_string (key) : NULL);
    }
  va_end (args);

  list = kind == KAM_CHOICES_COUNTRIES    ? kam_dataset_get_countries (dataset)
         : kind == KAM_CHOICES_INDICATORS ? kam_dataset_get_indicators (dataset)
                                          : kam_dataset_get_sources (dataset);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (list, i);
      const char *key;
      char *label;

      if (kind == KAM_CHOICES_COUNTRIES)
        {
          key = kam_country_get_code (KAM_COUNTRY (item));
          label = g_strdup (kam_dataset_get_country_label (dataset, key));
          g_ptr_array_add (details, detail (key, label, kam_country_get_name (KAM_COUNTRY (item)),
                                            kam_country_get_name_km (KAM_COUNTRY (item))));
        }
      else if (kind == KAM_CHOICES_INDICATORS)
        {
          key = kam_indicator_get_id (KAM_INDICATOR (item));
          label = g_strdup (kam_dataset_get_indicator_label (dataset, key));
          g_ptr_array_add (details, detail (key, label, kam_indicator_get_name (KAM_INDICATOR (item)),
                                            kam_indicator_get_name_km (KAM_INDICATOR (item))));
        }
      else
        {
          key = kam_source_get_id (KAM_SOURCE (item));
          label = kam_source_dup_label (KAM_SOURCE (item));
          g_ptr_array_add (details, detail (key, label, kam_source_get_title (KAM_SOURCE (item)), NULL));
        }
      g_ptr_array_add (labels, label);
      g_ptr_array_add (keys, (gpointer) g_intern_string (key));
    }

  old_n = g_list_model_get_n_items (G_LIST_MODEL (choices->labels));
  n = labels->len;
  same = old_n == n;
  for (guint i = 0; same && i < n; i++)
    same = g_ptr_array_index (keys, i) == g_ptr_array_index (choices->keys, i)
           && g_str_equal (gtk_string_list_get_string (choices->labels, i), g_ptr_array_index (labels, i))
           && g_str_equal (gtk_string_list_get_string (choices->details, i), g_ptr_array_index (details, i));
  if (same)
    return FALSE;

  g_ptr_array_set_size (choices->keys, 0);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (choices->keys, g_ptr_array_index (keys, i));
  g_ptr_array_add (labels, NULL);
  g_ptr_array_add (details, NULL);
  /* the details first: a cell shows its choice when the labels change */
  gtk_string_list_splice (choices->details, 0, g_list_model_get_n_items (G_LIST_MODEL (choices->details)),
                          (const char *const *) details->pdata);
  gtk_string_list_splice (choices->labels, 0, old_n, (const char *const *) labels->pdata);
  return TRUE;
}

guint
kam_choices_find (KamChoices *choices, const char *key)
{
  const char *interned = key != NULL ? g_intern_string (key) : NULL;

  for (guint i = 0; i < choices->keys->len; i++)
    if (g_ptr_array_index (choices->keys, i) == interned)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

const char *
kam_choices_get_key (KamChoices *choices, guint index)
{
  return index < choices->keys->len ? g_ptr_array_index (choices->keys, index) : NULL;
}

static gboolean
key_to_position (GBinding *binding, const GValue *from, GValue *to, gpointer choices)
{
  g_value_set_uint (to, kam_choices_find (choices, g_value_get_string (from)));
  return TRUE;
}

static gboolean
position_to_key (GBinding *binding, const GValue *from, GValue *to, gpointer choices)
{
  guint position = g_value_get_uint (from);

  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  g_value_set_string (to, kam_choices_get_key (choices, position));
  return TRUE;
}

void
kam_choices_bind (KamChoices *choices, GBindingGroup *group, const char *property, GtkDropDown *drop_down)
{
  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (choices->labels));
  g_binding_group_bind_full (group, property, drop_down, "selected", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                             key_to_position, position_to_key, choices, NULL);
}
