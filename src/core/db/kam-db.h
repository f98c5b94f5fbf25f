/* kam-db.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdio.h>
#include "kam-dataset.h"

G_BEGIN_DECLS

/* A shared dataset on a PostgreSQL server (libpq), in the schema "kamlang":
 *
 *   schema_version  the schema's version (KAM_DB_SCHEMA_VERSION once
 *                   migrated; kam_db_migrate() brings an older one up)
 *   dataset         one row: the dataset's own settings (title, description
 *                   …) as the file writes them, a JSON object
 *   items           countries, indicators, dimensions, sources, agreements:
 *                   each a row (kind, key, position) with its JSON object as
 *                   the file writes it, and a version
 *   figures         a figure a row: country, year, indicator, the members'
 *                   codes (m1 … m8, NULL for the total), value, qualifier,
 *                   source, note, and a version
 *   history         every change to items and figures, recorded by a
 *                   trigger of the server: what, old and new, who (the
 *                   PostgreSQL role), when, and the save's description
 *   grants          who may do what: readers, editors, editors of some
 *                   provinces' or destinations' figures (row-level
 *                   security on figures, whatever client sends a change)
 *
 * Every text of a user goes to the server as a parameter or through COPY,
 * never inside SQL. An address is anything libpq accepts: a URI
 * (postgresql://user@host/db?sslmode=require) or key=value words
 * (service=mlvt, host=… dbname=…). */

#define KAM_DB_SCHEMA_VERSION 4

/* Whether a dataset's name is a server's address rather than a file. */
gboolean kam_db_is_address (const char *text);

/* Creates the schema in a database that has none and loads the dataset
 * into it, all in one transaction: on any error nothing is left. */
gboolean kam_db_init (const char *address, KamDataset *dataset, GError **error);
/* The same with the schema of an earlier version (to test migrations). */
gboolean kam_db_init_at_version (const char *address, KamDataset *dataset, int version, GError **error);

/* Brings the schema up to KAM_DB_SCHEMA_VERSION, in one transaction;
 * *from (optional) is the version it had. */
gboolean kam_db_migrate (const char *address, int *from, GError **error);

/* Reads the shared dataset as the file reader reads a file: every rule of
 * a file applies. NULL with the problems (or an error: no server, no
 * schema, a schema of a newer Kamlang). */
KamDataset *kam_db_load (const char *address, GPtrArray **problems, GError **error);

/* Prints the history, newest first, a change a line: when (UTC), who, what
 * (a figure by its country, year, indicator, members and source; an item by
 * its list and key), how (added, deleted, or each field from → to), and the
 * save's description. since: an ISO 8601 date or time, or NULL; figure:
 * "COUNTRY[,YEAR[,INDICATOR]]", or NULL. */
gboolean kam_db_print_history (const char *address, const char *since, const char *figure, FILE *out, GError **error);

/* Lets a role (an existing PostgreSQL role) read the shared dataset, or
 * edit it: all of it, or (provinces and/or countries, "KH-12,KH-7",
 * "THA,MYS") only the figures of those provinces of origin or destinations;
 * a limited editor changes no countries, sources or other lists. Granted
 * again, a role's rights are replaced. */
gboolean kam_db_grant (const char *address, const char *role, gboolean editor, const char *provinces,
                       const char *countries, GError **error);

/* The address without its password, to show and to print. */
char *kam_db_describe (const char *address);

G_END_DECLS
