/* kam-iso-countries.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A country of ISO 3166-1 as Debian's iso-codes gives it. */
typedef struct
{
  char *code;    /* alpha-3: "KOR" */
  char *name;    /* the common name when there is one: "South Korea" */
  char *name_km; /* from the iso_3166-1 Khmer translation; NULL when it has none */
} KamIsoCountry;

/* Every country of iso-codes' iso_3166-1.json (json_path; NULL: the system's),
 * with its Khmer name from the iso_3166-1 gettext catalogue for Khmer under
 * locale_dir (NULL: the system's), read whatever language the interface is
 * in. An array of KamIsoCountry, sorted by English name; NULL and an error
 * when the list cannot be read. */
GPtrArray *kam_iso_countries_load (const char *json_path, const char *locale_dir, GError **error);
/* The system's list, read once; NULL when it cannot be read. */
GPtrArray *kam_iso_countries_get_default (void);
const KamIsoCountry *kam_iso_countries_find (GPtrArray *countries, const char *code);
/* By its code, its name or its Khmer name, in any case. */
const KamIsoCountry *kam_iso_countries_find_text (GPtrArray *countries, const char *text);

/* The translations of a gettext catalogue (.mo) as original → translated;
 * NULL and an error when it cannot be read. */
GHashTable *kam_mo_read (const char *path, GError **error);

G_END_DECLS
