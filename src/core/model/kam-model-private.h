/* kam-model-private.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Replaces *field with a copy of value; returns whether it changed.
 * Empty strings are stored as NULL so that "" and null mean the same. */
static inline gboolean
_kam_set_string (char **field, const char *value)
{
  if (value != NULL && value[0] == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* Whether a name the user typed is this name: the same text (as collation
 * sees it), or with any_case the same but for case. NULL is no name. */
gboolean _kam_same_text (const char *a, const char *b, gboolean any_case);
gboolean _kam_interface_is_khmer (void);
const char *_kam_pick_label (const char *name, const char *name_km, const char *code);

G_END_DECLS
