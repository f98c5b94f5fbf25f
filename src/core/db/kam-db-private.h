/* kam-db-private.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libpq-fe.h>
#include "kam-db.h"

G_BEGIN_DECLS

/* An item as read from the server. */
typedef struct
{
  char *kind, *key; /* key: NULL for an agreement */
  gint64 id, version;
  char *json;
} KamDbItem;

void _kam_db_item_free (KamDbItem *item);

/* What a read of the shared dataset saw, besides its text: where each
 * figure and item is on the server and its version, and the snapshot (the
 * transactions it saw) to ask later for the changes it did not. */
typedef struct
{
  GArray *figure_ids;      /* gint64, in the order of the figures read */
  GArray *figure_versions; /* gint64 */
  GPtrArray *items;        /* KamDbItem */
  gint64 settings_version;
  char *settings;
  char *snapshot;          /* pg_current_snapshot() as text */
  gboolean lines_wanted;   /* the figures as COPY's lines (figure_lines), not in the text */
  GPtrArray *figure_lines; /* char *: country … note, id, version, tab-separated, escaped */
} KamDbRead;

void _kam_db_read_clear (KamDbRead *read);
/* Splits a COPY line in place into n fields, unescaped (NULL for \N);
 * FALSE when it has another number of fields. */
gboolean _kam_db_copy_fields (char *line, char **fields, guint n);

PGconn *_kam_db_connect (const char *address, GError **error);
PGconn *_kam_db_connect_with (const char *address, const char *password, GError **error);
char *_kam_db_message (const char *message);
gboolean _kam_db_run (PGconn *connection, const char *sql, GError **error);
PGresult *_kam_db_run_with (PGconn *connection, const char *sql, int n, const char *const *values, GError **error);
void _kam_db_rollback (PGconn *connection);
int _kam_db_schema_version (PGconn *connection, GError **error);
/* The schema's version when this Kamlang can use it (at least needed, not
 * newer than its own); else -1 with an error that says why. */
int _kam_db_check_schema (PGconn *connection, const char *address, int needed, GError **error);
/* In a transaction of REPEATABLE READ: the dataset as a file's text, and
 * what the read saw (read, optional). */
char *_kam_db_settings_text (JsonObject *root);
char *_kam_db_read_text (PGconn *connection, gsize *length, KamDbRead *read, GError **error);

/* The history, newest first (at most limit; 0: all), a line each as
 * kam_db_print_history() prints them; structured: a figure's what as its
 * twelve fields (country, year, indicator, m1 … m8, source) between unit
 * separators (\x1f), for a window to name. */
GPtrArray *_kam_db_history_lines (PGconn *connection, const char *address, const char *since, const char *figure,
                                  guint limit, gboolean structured, GError **error);

G_END_DECLS
