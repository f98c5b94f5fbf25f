/* kam-choices.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include "kam-dataset.h"

G_BEGIN_DECLS

/* A list of choices for a GtkDropDown: labels shown, and the interned keys
 * behind them (a key may be NULL, e.g. "no country"). */
typedef struct
{
  GtkStringList *labels;
  GtkStringList *details; /* what tells a choice apart, for a picker's list:
                           * its code and its name in the other language */
  GPtrArray *keys;
} KamChoices;

typedef enum
{
  KAM_CHOICES_COUNTRIES,
  KAM_CHOICES_INDICATORS,
  KAM_CHOICES_SOURCES,
} KamChoicesKind;

void kam_choices_init (KamChoices *choices);
void kam_choices_clear (KamChoices *choices);
/* Refills from the dataset, after the leading entries (label, key pairs,
 * NULL-terminated). Returns whether anything changed. */
gboolean kam_choices_update (KamChoices *choices, KamDataset *dataset, KamChoicesKind kind,
                             const char *first_label, ...) G_GNUC_NULL_TERMINATED;
guint kam_choices_find (KamChoices *choices, const char *key);
const char *kam_choices_get_key (KamChoices *choices, guint index);
/* Binds the drop-down showing these choices to a string property of the
 * group's source that holds a key, both ways. A key not among the choices
 * shows no choice. Detach the group while the choices are made again. */
void kam_choices_bind (KamChoices *choices, GBindingGroup *group, const char *property, GtkDropDown *drop_down);

G_END_DECLS
