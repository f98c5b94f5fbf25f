/* kam-db.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A shared dataset on PostgreSQL (kam-db.h): the schema and its migrations,
 * loading a dataset into it and reading it back. The dataset crosses as the
 * file's own pieces (its settings and items as JSON objects, its figures as
 * COPY rows), so that every rule of a .kamlang file holds for it too. */

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <libpq-fe.h>
#include <stdlib.h>
#include <string.h>
#include "kam-dataset-json.h"
#include "kam-db.h"
#include "kam-db-private.h"
#include "kam-number.h"

/* ---- the schema --------------------------------------------------------------- */

/* Each migration brings the schema from the version before it to its own
 * (migrations[0] makes version 1). A later Kamlang appends, never edits. */
static const char *const migrations[] = {
  /* 1: the dataset */
  "CREATE SCHEMA kamlang;"
  "CREATE TABLE kamlang.schema_version (version integer NOT NULL);"
  "INSERT INTO kamlang.schema_version VALUES (1);"
  "CREATE TABLE kamlang.dataset ("
  "  id integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),"
  "  settings json NOT NULL,"
  "  version bigint NOT NULL DEFAULT 1);"
  "CREATE TABLE kamlang.items ("
  "  id bigserial PRIMARY KEY,"
  "  kind text NOT NULL CHECK (kind IN ('countries', 'indicators', 'dimensions', 'sources', 'agreements')),"
  "  key text,"
  "  position integer NOT NULL,"
  "  item json NOT NULL,"
  "  version bigint NOT NULL DEFAULT 1,"
  "  UNIQUE (kind, key));"
  "CREATE TABLE kamlang.figures ("
  "  id bigserial PRIMARY KEY,"
  "  country text,"
  "  year integer NOT NULL,"
  "  indicator text NOT NULL,"
  "  m1 text, m2 text, m3 text, m4 text, m5 text, m6 text, m7 text, m8 text,"
  "  value double precision,"
  "  qualifier text NOT NULL DEFAULT 'exact',"
  "  source text,"
  "  note text,"
  "  version bigint NOT NULL DEFAULT 1);"
  /* one figure for a country, year, indicator, breakdown and source: two
   * offices adding the same figure cannot both succeed */
  "CREATE UNIQUE INDEX figures_key ON kamlang.figures"
  "  (country, year, indicator, m1, m2, m3, m4, m5, m6, m7, m8, source) NULLS NOT DISTINCT;",

  /* 2: who changed what, kept by the server: a trigger records every
   * change, whoever makes it and however (not only through Kamlang) */
  "CREATE TABLE kamlang.history ("
  "  id bigserial PRIMARY KEY,"
  "  at timestamptz NOT NULL DEFAULT clock_timestamp(),"
  "  who text NOT NULL,"
  "  what text NOT NULL,"
  "  row_id bigint NOT NULL,"
  "  old json,"
  "  new json,"
  "  description text,"
  "  tx xid8 NOT NULL DEFAULT pg_current_xact_id ());"
  "CREATE INDEX history_row ON kamlang.history (what, row_id);"
  /* (the changes a reader has not seen: those of transactions its last
   * snapshot did not see, found from that snapshot's xmin) */
  "CREATE INDEX history_tx ON kamlang.history (tx);"
  "CREATE FUNCTION kamlang.record_change () RETURNS trigger"
  "  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$"
  "BEGIN"
  "  INSERT INTO kamlang.history (who, what, row_id, old, new, description)"
  "  VALUES (session_user, TG_TABLE_NAME,"
  "          CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END,"
  "          CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE to_json (OLD) END,"
  "          CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_json (NEW) END,"
  "          nullif (current_setting ('kamlang.description', true), ''));"
  "  RETURN NULL;"
  "END $$;"
  "CREATE TRIGGER figures_history AFTER INSERT OR UPDATE OR DELETE ON kamlang.figures"
  "  FOR EACH ROW EXECUTE FUNCTION kamlang.record_change ();"
  "CREATE TRIGGER items_history AFTER INSERT OR UPDATE OR DELETE ON kamlang.items"
  "  FOR EACH ROW EXECUTE FUNCTION kamlang.record_change ();"
  "CREATE TRIGGER dataset_history AFTER INSERT OR UPDATE OR DELETE ON kamlang.dataset"
  "  FOR EACH ROW EXECUTE FUNCTION kamlang.record_change ();"
  "REVOKE ALL ON kamlang.history FROM PUBLIC;"
  /* every window on the dataset hears of a save at once (one notice a
   * statement; the server folds equal ones of a transaction into one) */
  "CREATE FUNCTION kamlang.notify_change () RETURNS trigger LANGUAGE plpgsql AS $$"
  "BEGIN"
  "  PERFORM pg_notify ('kamlang', json_build_object ('who', session_user::text, 'what', TG_TABLE_NAME,"
  "                     'description', nullif (current_setting ('kamlang.description', true), ''))::text);"
  "  RETURN NULL;"
  "END $$;"
  "CREATE TRIGGER figures_notify AFTER INSERT OR UPDATE OR DELETE ON kamlang.figures"
  "  FOR EACH STATEMENT EXECUTE FUNCTION kamlang.notify_change ();"
  "CREATE TRIGGER items_notify AFTER INSERT OR UPDATE OR DELETE ON kamlang.items"
  "  FOR EACH STATEMENT EXECUTE FUNCTION kamlang.notify_change ();"
  "CREATE TRIGGER dataset_notify AFTER INSERT OR UPDATE OR DELETE ON kamlang.dataset"
  "  FOR EACH STATEMENT EXECUTE FUNCTION kamlang.notify_change ();"
  "UPDATE kamlang.schema_version SET version = 2;",

  /* 3: who may do what, kept by the server: readers, editors, and editors
   * of a province's figures or of some destinations' (row-level security:
   * whatever client sends the change). The dataset's owner may do all. */
  "CREATE TABLE kamlang.grants ("
  "  role name PRIMARY KEY,"
  "  editor boolean NOT NULL,"
  "  provinces text[],"     /* NULL: any */
  "  countries text[]);"    /* NULL: any */
  /* the member of the breakdown 'province' among a figure's members */
  "CREATE FUNCTION kamlang.province_of (m1 text, m2 text, m3 text, m4 text, m5 text, m6 text, m7 text, m8 text)"
  "  RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$"
  "  SELECT CASE (SELECT position FROM kamlang.items WHERE kind = 'dimensions' AND key = 'province')"
  "    WHEN 0 THEN m1 WHEN 1 THEN m2 WHEN 2 THEN m3 WHEN 3 THEN m4 WHEN 4 THEN m5 WHEN 5 THEN m6"
  "    WHEN 6 THEN m7 WHEN 7 THEN m8 END $$;"
  "CREATE FUNCTION kamlang.may_change (country text, m1 text, m2 text, m3 text, m4 text, m5 text, m6 text,"
  "  m7 text, m8 text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER"
  "  SET search_path = pg_catalog, pg_temp AS $$"
  "  SELECT EXISTS (SELECT 1 FROM kamlang.grants g WHERE g.role = session_user AND g.editor"
  "    AND (g.countries IS NULL OR country = ANY (g.countries))"
  "    AND (g.provinces IS NULL OR kamlang.province_of (m1, m2, m3, m4, m5, m6, m7, m8) = ANY (g.provinces))) $$;"
  "ALTER TABLE kamlang.figures ENABLE ROW LEVEL SECURITY;"
  "CREATE POLICY figures_read ON kamlang.figures FOR SELECT USING (true);"
  "CREATE POLICY figures_add ON kamlang.figures FOR INSERT"
  "  WITH CHECK (kamlang.may_change (country, m1, m2, m3, m4, m5, m6, m7, m8));"
  "CREATE POLICY figures_change ON kamlang.figures FOR UPDATE"
  "  USING (kamlang.may_change (country, m1, m2, m3, m4, m5, m6, m7, m8))"
  "  WITH CHECK (kamlang.may_change (country, m1, m2, m3, m4, m5, m6, m7, m8));"
  "CREATE POLICY figures_delete ON kamlang.figures FOR DELETE"
  "  USING (kamlang.may_change (country, m1, m2, m3, m4, m5, m6, m7, m8));"
  /* granting: the role's name is quoted by the server (format's %I) */
  "CREATE FUNCTION kamlang.grant_role (who name, editor boolean, provinces text[], countries text[])"
  "  RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$"
  "BEGIN"
  "  EXECUTE format ('GRANT USAGE ON SCHEMA kamlang TO %I', who);"
  "  EXECUTE format ('GRANT SELECT ON ALL TABLES IN SCHEMA kamlang TO %I', who);"
  "  EXECUTE format ('REVOKE INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA kamlang FROM %I', who);"
  "  IF editor THEN"
  "    EXECUTE format ('GRANT INSERT, UPDATE, DELETE ON kamlang.figures TO %I', who);"
  "    EXECUTE format ('GRANT USAGE ON ALL SEQUENCES IN SCHEMA kamlang TO %I', who);"
  "    IF provinces IS NULL AND countries IS NULL THEN"
  "      EXECUTE format ('GRANT INSERT, UPDATE, DELETE ON kamlang.items, kamlang.dataset TO %I', who);"
  "    END IF;"
  "  END IF;"
  "  EXECUTE format ('REVOKE ALL ON kamlang.history, kamlang.grants FROM %I', who);"
  "  EXECUTE format ('GRANT SELECT ON kamlang.history TO %I', who);"
  "  INSERT INTO kamlang.grants VALUES (who, editor, provinces, countries)"
  "    ON CONFLICT (role) DO UPDATE SET editor = excluded.editor, provinces = excluded.provinces,"
  "      countries = excluded.countries;"
  "END $$;"
  "UPDATE kamlang.schema_version SET version = 3;",

  /* 4: what the connected role may change, for the client to show (the
   * grants themselves stay hidden from the roles): some figures, the lists,
   * and the limits of its figures (NULL: none) */
  "CREATE FUNCTION kamlang.my_rights (OUT figures boolean, OUT lists boolean, OUT provinces text[],"
  "  OUT countries text[]) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$"
  "  WITH me AS (SELECT r.rolsuper OR r.rolbypassrls OR pg_has_role (session_user, c.relowner, 'MEMBER') AS all_rows"
  "              FROM pg_roles r, pg_class c WHERE r.rolname = session_user AND c.oid = 'kamlang.figures'::regclass)"
  "  SELECT has_table_privilege (session_user, 'kamlang.figures', 'UPDATE') AND (me.all_rows OR coalesce (g.editor, false)),"
  "         has_table_privilege (session_user, 'kamlang.items', 'UPDATE'),"
  "         CASE WHEN me.all_rows THEN NULL ELSE g.provinces END,"
  "         CASE WHEN me.all_rows THEN NULL ELSE g.countries END"
  "  FROM me LEFT JOIN kamlang.grants g ON g.role = session_user $$;"
  "UPDATE kamlang.schema_version SET version = 4;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == KAM_DB_SCHEMA_VERSION);

/* the figures' columns, in the order of COPY's rows */
#define FIGURE_COLUMNS \
  "country, year, indicator, m1, m2, m3, m4, m5, m6, m7, m8, value, qualifier, source, note"

static const char *const item_kinds[] = { "countries", "indicators", "dimensions", "sources", "agreements" };

/* ---- talking to the server ----------------------------------------------------- */

gboolean
kam_db_is_address (const char *text)
{
  if (text == NULL)
    return FALSE;
  return g_str_has_prefix (text, "postgresql://") || g_str_has_prefix (text, "postgres://")
         || (strchr (text, '=') != NULL
             && (g_str_has_prefix (text, "service=") || g_str_has_prefix (text, "host=")
                 || g_str_has_prefix (text, "dbname=") || strstr (text, " dbname=") != NULL
                 || strstr (text, " host=") != NULL));
}

char *
kam_db_describe (const char *address)
{
  PQconninfoOption *options = PQconninfoParse (address, NULL);
  const char *host = NULL, *db = NULL, *user = NULL, *service = NULL;
  char *text;

  if (options == NULL)
    return g_strdup (_("a server"));
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      if (o->val == NULL || *o->val == '\0')
        continue;
      if (g_str_equal (o->keyword, "host"))
        host = o->val;
      else if (g_str_equal (o->keyword, "dbname"))
        db = o->val;
      else if (g_str_equal (o->keyword, "user"))
        user = o->val;
      else if (g_str_equal (o->keyword, "service"))
        service = o->val;
    }
  /* a folder (a Unix socket's) is this computer */
  if (host != NULL && host[0] == '/')
    host = "localhost";
  if (service != NULL && db == NULL)
    text = g_strdup (service);
  else
    text = g_strdup_printf ("%s%s%s@%s", user ? user : "", user ? ":" : "", db ? db : "postgres",
                            host ? host : "localhost");
  PQconninfoFree (options);
  return text;
}

/* The server's message, without libpq's line break at its end. */
char *
_kam_db_message (const char *message)
{
  return g_strchomp (g_strdup (message ? message : ""));
}

PGconn *
_kam_db_connect_with (const char *address, const char *password, GError **error)
{
  const char *const keys[] = { "dbname", "client_encoding", "fallback_application_name", "password", NULL };
  const char *const values[] = { address, "UTF8", "kamlang", password, NULL };
  PGconn *connection = PQconnectdbParams (keys, values, 1);

  if (PQstatus (connection) != CONNECTION_OK)
    {
      g_autofree char *why = _kam_db_message (PQerrorMessage (connection));
      g_autofree char *where = kam_db_describe (address);

      /* (a wrong password says "password authentication failed") */
      if (PQconnectionNeedsPassword (connection) || (password != NULL && strstr (why, "password") != NULL))
        g_set_error (error, KAM_ERROR, KAM_ERROR_PASSWORD, _("The server at %s asks for a password: %s"), where, why);
      else
        g_set_error (error, KAM_ERROR, KAM_ERROR_SERVER, _("Could not reach the shared dataset at %s: %s"), where,
                     why);
      PQfinish (connection);
      return NULL;
    }
  return connection;
}

PGconn *
_kam_db_connect (const char *address, GError **error)
{
  return _kam_db_connect_with (address, NULL, error);
}

/* Runs SQL of Kamlang's own (no user's text in it). */
gboolean
_kam_db_run (PGconn *connection, const char *sql, GError **error)
{
  PGresult *result = PQexec (connection, sql);
  ExecStatusType status = PQresultStatus (result);
  gboolean ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;

  if (!ok)
    {
      g_autofree char *why = _kam_db_message (PQresultErrorMessage (result));

      g_set_error (error, KAM_ERROR, KAM_ERROR_SERVER, _("The server refused: %s"), why);
    }
  PQclear (result);
  return ok;
}

/* Runs a statement with its texts as parameters; the result, or NULL. */
PGresult *
_kam_db_run_with (PGconn *connection, const char *sql, int n, const char *const *values, GError **error)
{
  PGresult *result = PQexecParams (connection, sql, n, NULL, values, NULL, NULL, 0);
  ExecStatusType status = PQresultStatus (result);

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    {
      g_autofree char *why = _kam_db_message (PQresultErrorMessage (result));

      g_set_error (error, KAM_ERROR, KAM_ERROR_SERVER, _("The server refused: %s"), why);
      PQclear (result);
      return NULL;
    }
  return result;
}

void
_kam_db_rollback (PGconn *connection)
{
  PGresult *result = PQexec (connection, "ROLLBACK");

  PQclear (result);
}

/* The schema's version: 0 when the database has none, -1 on an error. */
int
_kam_db_schema_version (PGconn *connection, GError **error)
{
  PGresult *result = _kam_db_run_with (connection, "SELECT 1 FROM pg_namespace WHERE nspname = 'kamlang'", 0, NULL, error);
  int version;

  if (result == NULL)
    return -1;
  version = PQntuples (result);
  PQclear (result);
  if (version == 0)
    return 0;
  if ((result = _kam_db_run_with (connection, "SELECT version FROM kamlang.schema_version", 0, NULL, error)) == NULL)
    return -1;
  version = PQntuples (result) == 1 ? atoi (PQgetvalue (result, 0, 0)) : -1;
  PQclear (result);
  if (version < 0)
    g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("The schema “kamlang” has no version: it was not made by Kamlang."));
  return version;
}

int
_kam_db_check_schema (PGconn *connection, const char *address, int needed, GError **error)
{
  int version = _kam_db_schema_version (connection, error);

  if (version < 0)
    return -1;
  if (version == 0)
    {
      g_autofree char *where = kam_db_describe (address);

      g_set_error (error, KAM_ERROR, KAM_ERROR_NOT_FOUND, _("%s holds no shared dataset: make one with kamlang --db-init."),
                   where);
      return -1;
    }
  if (version > KAM_DB_SCHEMA_VERSION)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_VERSION,
                   _("The shared dataset's schema is of version %d, made by a newer Kamlang (this one knows %d)."),
                   version, KAM_DB_SCHEMA_VERSION);
      return -1;
    }
  if (version < needed)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_NOT_FOUND,
                   _("The shared dataset's schema is of version %d, older than this needs: run kamlang --db-migrate."),
                   version);
      return -1;
    }
  return version;
}

/* Migrations from the version after `from` up to `to`. */
static gboolean
migrate (PGconn *connection, int from, int to, GError **error)
{
  for (int v = from; v < to; v++)
    if (!_kam_db_run (connection, migrations[v], error))
      {
        g_prefix_error (error, _("Updating the schema to version %d: "), v + 1);
        return FALSE;
      }
  return TRUE;
}

/* ---- a dataset into the server -------------------------------------------------- */

/* Sends the figures by COPY, a megabyte at a time. */
static gboolean
copy_figures (PGconn *connection, KamDatasetSnapshot *snapshot, GError **error)
{
  guint n = kam_dataset_snapshot_get_n_rows (snapshot);
  g_autoptr (GString) chunk = g_string_sized_new (1 << 20);
  PGresult *result = PQexec (connection, "COPY kamlang.figures (" FIGURE_COLUMNS ") FROM STDIN");
  gboolean ok = PQresultStatus (result) == PGRES_COPY_IN;
  g_autofree char *why = NULL;

  PQclear (result);
  for (guint from = 0; ok && from < n; from += 8192)
    {
      g_string_truncate (chunk, 0);
      kam_dataset_snapshot_append_copy_rows (snapshot, from, from + 8192, chunk);
      ok = PQputCopyData (connection, chunk->str, (int) chunk->len) == 1;
    }
  if (PQputCopyEnd (connection, ok ? NULL : "stopped") != 1)
    ok = FALSE;
  while ((result = PQgetResult (connection)) != NULL)
    {
      if (PQresultStatus (result) != PGRES_COMMAND_OK && why == NULL)
        why = _kam_db_message (PQresultErrorMessage (result));
      PQclear (result);
    }
  if (why != NULL || !ok)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_SERVER, _("The server refused the figures: %s"),
                   why ? why : _kam_db_message (PQerrorMessage (connection)));
      return FALSE;
    }
  return TRUE;
}

/* The dataset's settings (its title …: what is neither a list nor the
 * figures) as the server keeps them, from the file's root object. */
char *
_kam_db_settings_text (JsonObject *root)
{
  g_autoptr (JsonObject) settings = json_object_new ();
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr (GList) members = json_object_get_members (root);

  for (GList *m = members; m != NULL; m = m->next)
    {
      const char *name = m->data;

      if (g_str_equal (name, "format") || g_str_equal (name, "version") || g_str_equal (name, "figures")
          || g_strv_contains (item_kinds, name))
        continue;
      json_object_set_member (settings, name, json_node_copy (json_object_get_member (root, name)));
    }
  json_node_set_object (node, settings);
  return json_to_string (node, FALSE);
}

/* The dataset's settings and items, from the file's text without figures. */
static gboolean
send_lists (PGconn *connection, const char *text, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *settings_text = NULL;
  JsonObject *root;
  g_autoptr (GList) members = NULL;
  const char *values[4];
  PGresult *result;

  if (!json_parser_load_from_data (parser, text, -1, error))
    return FALSE;
  root = json_node_get_object (json_parser_get_root (parser));
  members = json_object_get_members (root);
  for (GList *m = members; m != NULL; m = m->next)
    {
      const char *name = m->data;
      JsonNode *node = json_object_get_member (root, name);

      if (g_str_equal (name, "format") || g_str_equal (name, "version") || g_str_equal (name, "figures"))
        continue;
      if (g_strv_contains (item_kinds, name) && JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *items = json_node_get_array (node);

          for (guint i = 0; i < json_array_get_length (items); i++)
            {
              JsonNode *item = json_array_get_element (items, i);
              JsonObject *object = json_node_get_object (item);
              const char *key_name = g_str_equal (name, "countries") ? "code" : g_str_equal (name, "agreements") ? NULL : "id";
              g_autofree char *item_text = json_to_string (item, FALSE);
              g_autofree char *position = g_strdup_printf ("%u", i);

              values[0] = name;
              values[1] = key_name != NULL ? json_object_get_string_member_with_default (object, key_name, NULL) : NULL;
              values[2] = position;
              values[3] = item_text;
              result = _kam_db_run_with (connection,
                                 "INSERT INTO kamlang.items (kind, key, position, item) VALUES ($1, $2, $3::integer, $4::json)",
                                 4, values, error);
              if (result == NULL)
                return FALSE;
              PQclear (result);
            }
          continue;
        }
    }
  settings_text = _kam_db_settings_text (root);
  values[0] = settings_text;
  if ((result = _kam_db_run_with (connection, "INSERT INTO kamlang.dataset (settings) VALUES ($1::json)", 1, values, error))
      == NULL)
    return FALSE;
  PQclear (result);
  return TRUE;
}

gboolean
kam_db_init_at_version (const char *address, KamDataset *dataset, int version, GError **error)
{
  g_autoptr (KamDatasetSnapshot) snapshot = NULL;
  g_autofree char *lists = NULL;
  PGconn *connection;
  int found;

  g_return_val_if_fail (version >= 1 && version <= KAM_DB_SCHEMA_VERSION, FALSE);
  if ((connection = _kam_db_connect (address, error)) == NULL)
    return FALSE;
  snapshot = kam_dataset_snapshot_new (dataset);
  lists = kam_dataset_snapshot_lists_to_data (snapshot);
  if (!_kam_db_run (connection, "BEGIN", error))
    goto fail;
  if ((found = _kam_db_schema_version (connection, error)) != 0)
    {
      if (found > 0)
        {
          g_autofree char *where = kam_db_describe (address);

          g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID,
                       _("%s already holds a shared dataset (the schema “kamlang”); nothing was changed."), where);
        }
      goto fail;
    }
  /* the data before the history's triggers: the first load is no change */
  if (!migrate (connection, 0, 1, error) || !send_lists (connection, lists, error)
      || !copy_figures (connection, snapshot, error) || !migrate (connection, 1, version, error)
      || !_kam_db_run (connection, "COMMIT", error))
    goto fail;
  PQfinish (connection);
  return TRUE;

fail:
  _kam_db_rollback (connection);
  PQfinish (connection);
  return FALSE;
}

gboolean
kam_db_init (const char *address, KamDataset *dataset, GError **error)
{
  return kam_db_init_at_version (address, dataset, KAM_DB_SCHEMA_VERSION, error);
}

gboolean
kam_db_migrate (const char *address, int *from, GError **error)
{
  PGconn *connection = _kam_db_connect (address, error);
  int version;

  if (connection == NULL)
    return FALSE;
  if (!_kam_db_run (connection, "BEGIN", error))
    goto fail;
  /* one migration at a time, whoever else starts one */
  if (!_kam_db_run (connection, "SELECT pg_advisory_xact_lock (hashtext ('kamlang.migrate'))", error))
    goto fail;
  if ((version = _kam_db_check_schema (connection, address, 1, error)) < 0)
    goto fail;
  if (from != NULL)
    *from = version;
  if (!migrate (connection, version, KAM_DB_SCHEMA_VERSION, error) || !_kam_db_run (connection, "COMMIT", error))
    goto fail;
  PQfinish (connection);
  return TRUE;

fail:
  _kam_db_rollback (connection);
  PQfinish (connection);
  return FALSE;
}

/* ---- the server's dataset back -------------------------------------------------- */

/* A field of a COPY text row, unescaped in place; NULL for \N. */
static char *
copy_field (char *field)
{
  char *in = field, *out = field;

  if (g_str_equal (field, "\\N"))
    return NULL;
  while (*in != '\0')
    {
      if (*in != '\\' || in[1] == '\0')
        {
          *out++ = *in++;
          continue;
        }
      in++;
      switch (*in)
        {
        case 'b': *out++ = '\b'; break;
        case 'f': *out++ = '\f'; break;
        case 'n': *out++ = '\n'; break;
        case 'r': *out++ = '\r'; break;
        case 't': *out++ = '\t'; break;
        case 'v': *out++ = '\v'; break;
        default: *out++ = *in; break;
        }
      in++;
    }
  *out = '\0';
  return field;
}

/* Digits only, without a leading zero (or "0"), short enough to be exact. */
static gboolean
is_plain_integer (const char *text)
{
  guint n = 0;

  if (text[0] == '0')
    return text[1] == '\0';
  for (; text[n] != '\0'; n++)
    if (!g_ascii_isdigit (text[n]) || n >= 15)
      return FALSE;
  return n > 0;
}

gboolean
_kam_db_copy_fields (char *line, char **fields, guint n)
{
  guint found = 0;
  char *p = line;

  for (fields[found++] = p; *p != '\0'; p++)
    if (*p == '\t')
      {
        if (found == n)
          return FALSE;
        *p = '\0';
        fields[found++] = p + 1;
      }
  if (found != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    fields[i] = copy_field (fields[i]);
  return TRUE;
}

/* A COPY row of the figures as a row of the file's "rows". */
static gboolean
append_figure_row (GString *out, char *line, guint n_dimensions, KamDbRead *read)
{
  char *fields[17];
  guint n = 0;
  char *p = line;
  double value;

  for (fields[n++] = p; *p != '\0' && n < G_N_ELEMENTS (fields); p++)
    if (*p == '\t')
      {
        *p = '\0';
        fields[n++] = p + 1;
      }
  if (n != G_N_ELEMENTS (fields))
    return FALSE;
  for (guint i = 0; i < n; i++)
    fields[i] = copy_field (fields[i]);
  g_string_append_c (out, '[');
  kam_json_append_string (out, fields[0]);
  g_string_append_len (out, ", ", 2);
  g_string_append (out, fields[1] ? fields[1] : "null");
  g_string_append_len (out, ", ", 2);
  kam_json_append_string (out, fields[2]);
  for (guint d = 0; d < n_dimensions; d++)
    {
      g_string_append_len (out, ", ", 2);
      kam_json_append_string (out, fields[3 + d]);
    }
  g_string_append_len (out, ", ", 2);
  if (fields[11] == NULL)
    g_string_append_len (out, "null", 4);
  else if (is_plain_integer (fields[11]))
    g_string_append (out, fields[11]); /* (as the file writes it: no need to read it) */
  else
    {
      value = g_ascii_strtod (fields[11], NULL);
      kam_number_append_text (out, value);
    }
  for (guint i = 12; i < 15; i++)
    {
      g_string_append_len (out, ", ", 2);
      kam_json_append_string (out, fields[i]);
    }
  g_string_append_c (out, ']');
  if (read != NULL)
    {
      gint64 id = fields[15] ? g_ascii_strtoll (fields[15], NULL, 10) : 0;
      gint64 version = fields[16] ? g_ascii_strtoll (fields[16], NULL, 10) : 0;

      g_array_append_val (read->figure_ids, id);
      g_array_append_val (read->figure_versions, version);
    }
  return TRUE;
}

/* The settings object's members, without its braces. */
static void
append_settings (GString *out, const char *settings)
{
  const char *start = strchr (settings, '{'), *end = strrchr (settings, '}');

  if (start == NULL || end == NULL || end <= start)
    return;
  start++;
  while (start < end && g_ascii_isspace (*start))
    start++;
  if (start == end)
    return;
  g_string_append_len (out, start, end - start);
  g_string_append_len (out, ",\n", 2);
}

void
_kam_db_item_free (KamDbItem *item)
{
  if (item == NULL)
    return;
  g_free (item->kind);
  g_free (item->key);
  g_free (item->json);
  g_free (item);
}

void
_kam_db_read_clear (KamDbRead *read)
{
  g_clear_pointer (&read->figure_ids, g_array_unref);
  g_clear_pointer (&read->figure_versions, g_array_unref);
  g_clear_pointer (&read->items, g_ptr_array_unref);
  g_clear_pointer (&read->settings, g_free);
  g_clear_pointer (&read->snapshot, g_free);
  g_clear_pointer (&read->figure_lines, g_ptr_array_unref);
}

/* The shared dataset as the text of a .kamlang file. */
char *
_kam_db_read_text (PGconn *connection, gsize *length, KamDbRead *read, GError **error)
{
  g_autoptr (GString) out = g_string_sized_new (1 << 16);
  g_autoptr (GPtrArray) dimensions = g_ptr_array_new_with_free_func (g_free);
  PGresult *result;
  char *line = NULL;
  int got;
  gboolean first = TRUE;
  g_autofree char *why = NULL;

  if (read != NULL)
    {
      gboolean lines_wanted = read->lines_wanted;

      memset (read, 0, sizeof *read);
      read->lines_wanted = lines_wanted;
      if (lines_wanted)
        read->figure_lines = g_ptr_array_new_with_free_func (g_free);
      read->figure_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      read->figure_versions = g_array_new (FALSE, FALSE, sizeof (gint64));
      read->items = g_ptr_array_new_with_free_func ((GDestroyNotify) _kam_db_item_free);
      /* first: the snapshot the whole read is of */
      if ((result = _kam_db_run_with (connection, "SELECT pg_current_snapshot ()::text", 0, NULL, error)) == NULL)
        return NULL;
      read->snapshot = g_strdup (PQgetvalue (result, 0, 0));
      PQclear (result);
    }
  if ((result = _kam_db_run_with (connection, "SELECT settings::text, version FROM kamlang.dataset", 0, NULL, error))
      == NULL)
    return NULL;
  g_string_append_printf (out, "{\"format\": \"kamlang\", \"version\": %d,\n", KAM_FORMAT_VERSION);
  if (PQntuples (result) == 1)
    {
      append_settings (out, PQgetvalue (result, 0, 0));
      if (read != NULL)
        {
          read->settings = g_strdup (PQgetvalue (result, 0, 0));
          read->settings_version = g_ascii_strtoll (PQgetvalue (result, 0, 1), NULL, 10);
        }
    }
  PQclear (result);
  for (guint k = 0; k < G_N_ELEMENTS (item_kinds); k++)
    {
      const char *values[1] = { item_kinds[k] };

      result = _kam_db_run_with (connection,
                                 "SELECT key, item::text, id, version FROM kamlang.items WHERE kind = $1 ORDER BY position, id",
                                 1, values, error);
      if (result == NULL)
        return NULL;
      g_string_append_printf (out, "\"%s\": [", item_kinds[k]);
      for (int i = 0; i < PQntuples (result); i++)
        {
          g_string_append (out, i ? ",\n" : "\n");
          g_string_append (out, PQgetvalue (result, i, 1));
          if (g_str_equal (item_kinds[k], "dimensions"))
            g_ptr_array_add (dimensions, g_strdup (PQgetvalue (result, i, 0)));
          if (read != NULL)
            {
              KamDbItem *item = g_new0 (KamDbItem, 1);

              item->kind = g_strdup (item_kinds[k]);
              item->key = PQgetisnull (result, i, 0) ? NULL : g_strdup (PQgetvalue (result, i, 0));
              item->json = g_strdup (PQgetvalue (result, i, 1));
              item->id = g_ascii_strtoll (PQgetvalue (result, i, 2), NULL, 10);
              item->version = g_ascii_strtoll (PQgetvalue (result, i, 3), NULL, 10);
              g_ptr_array_add (read->items, item);
            }
        }
      g_string_append (out, "],\n");
      PQclear (result);
    }
  g_string_append (out, "\"figures\": {\"columns\": [\"country\", \"year\", \"indicator\"");
  for (guint d = 0; d < dimensions->len; d++)
    {
      g_string_append_len (out, ", ", 2);
      kam_json_append_string (out, g_ptr_array_index (dimensions, d));
    }
  g_string_append (out, ", \"value\", \"qualifier\", \"source\", \"note\"],\n\"rows\": [");
  result = PQexec (connection, "COPY (SELECT " FIGURE_COLUMNS ", id, version FROM kamlang.figures ORDER BY id) TO STDOUT");
  if (PQresultStatus (result) != PGRES_COPY_OUT)
    {
      why = _kam_db_message (PQresultErrorMessage (result));
      PQclear (result);
      g_set_error (error, KAM_ERROR, KAM_ERROR_SERVER, _("The server refused: %s"), why);
      return NULL;
    }
  PQclear (result);
  while ((got = PQgetCopyData (connection, &line, 0)) > 0)
    {
      if (got > 0 && line[got - 1] == '\n')
        line[got - 1] = '\0';
      if (read != NULL && read->lines_wanted)
        {
          /* (the caller takes them straight into the figures' columns) */
          g_ptr_array_add (read->figure_lines, g_strdup (line));
          PQfreemem (line);
          continue;
        }
      g_string_append (out, first ? "\n" : ",\n");
      first = FALSE;
      if (!append_figure_row (out, line, MIN (dimensions->len, KAM_MAX_DIMENSIONS), read) && why == NULL)
        why = g_strdup (_("a row of figures is not as Kamlang writes them"));
      PQfreemem (line);
    }
  while ((result = PQgetResult (connection)) != NULL)
    {
      if (PQresultStatus (result) != PGRES_COMMAND_OK && why == NULL)
        why = _kam_db_message (PQresultErrorMessage (result));
      PQclear (result);
    }
  if (got == -2 && why == NULL)
    why = _kam_db_message (PQerrorMessage (connection));
  if (why != NULL)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_SERVER, _("Reading the figures: %s"), why);
      return NULL;
    }
  g_string_append (out, "]}}\n");
  *length = out->len;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

KamDataset *
kam_db_load (const char *address, GPtrArray **problems, GError **error)
{
  PGconn *connection = _kam_db_connect (address, error);
  g_autofree char *text = NULL;
  gsize length = 0;

  if (problems != NULL)
    *problems = NULL;
  if (connection == NULL)
    return NULL;
  /* one consistent picture of the dataset, whatever is saved meanwhile */
  if (!_kam_db_run (connection, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", error)
      || _kam_db_check_schema (connection, address, 1, error) < 0)
    goto fail;
  if ((text = _kam_db_read_text (connection, &length, NULL, error)) == NULL)
    goto fail;
  _kam_db_rollback (connection);
  PQfinish (connection);
  return kam_dataset_load_data (text, length, problems, error);

fail:
  _kam_db_rollback (connection);
  PQfinish (connection);
  return NULL;
}

/* ---- history ------------------------------------------------------------------- */

/* "value 9778 → 9800, note — → checked": what differs between two rows. */
static char *
describe_change (const char *old_text, const char *new_text, gboolean structured, char **what)
{
  g_autoptr (JsonParser) old_parser = json_parser_new ();
  g_autoptr (JsonParser) new_parser = json_parser_new ();
  JsonObject *old = NULL, *new = NULL, *any;
  GString *out = g_string_new (NULL);
  g_autoptr (GList) members = NULL;

  if (old_text != NULL && json_parser_load_from_data (old_parser, old_text, -1, NULL))
    old = json_node_get_object (json_parser_get_root (old_parser));
  if (new_text != NULL && json_parser_load_from_data (new_parser, new_text, -1, NULL))
    new = json_node_get_object (json_parser_get_root (new_parser));
  any = new != NULL ? new : old;
  if (any == NULL)
    {
      *what = g_strdup ("?");
      return g_string_free (out, FALSE);
    }
  /* what it is: a figure by its country, year, indicator and members; an item by its kind and key */
  if (json_object_has_member (any, "indicator"))
    {
      GString *key = g_string_new (NULL);
      static const char *const fields[] = { "country", "year", "indicator", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "source" };

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          JsonNode *node = json_object_get_member (any, fields[f]);
          g_autofree char *text = NULL;

          if (node == NULL || JSON_NODE_HOLDS_NULL (node))
            {
              if (structured)
                g_string_append (key, f ? "\x1f" : "");
              continue;
            }
          text = json_node_get_value_type (node) == G_TYPE_STRING ? g_strdup (json_node_get_string (node))
                                                                   : g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
          /* structured: each field, for the window to name (a unit separator between) */
          if (structured)
            {
              g_string_append_printf (key, "%s%s", f ? "\x1f" : "", text);
              continue;
            }
          if (g_str_has_prefix (fields[f], "m") && g_str_equal (text, "total"))
            continue;
          g_string_append_printf (key, "%s%s", key->len ? " " : "", text);
        }
      *what = g_string_free (key, FALSE);
    }
  else
    *what = g_strdup_printf ("%s %s", json_object_get_string_member_with_default (any, "kind", ""),
                             json_object_get_string_member_with_default (any, "key", ""));
  if (old == NULL || new == NULL)
    return g_string_free (out, FALSE);
  members = json_object_get_members (new);
  for (GList *m = members; m != NULL; m = m->next)
    {
      const char *name = m->data;
      JsonNode *a = json_object_get_member (old, name), *b = json_object_get_member (new, name);
      g_autoptr (JsonGenerator) generator = json_generator_new ();
      g_autofree char *from = NULL, *to = NULL;

      if (g_str_equal (name, "version") || g_str_equal (name, "id") || a == NULL)
        continue;
      json_generator_set_root (generator, a);
      from = json_generator_to_data (generator, NULL);
      json_generator_set_root (generator, b);
      to = json_generator_to_data (generator, NULL);
      if (!g_str_equal (from, to))
        g_string_append_printf (out, "%s%s %s → %s", out->len ? ", " : "", name, from, to);
    }
  return g_string_free (out, FALSE);
}

GPtrArray *
_kam_db_history_lines (PGconn *connection, const char *address, const char *since, const char *figure, guint limit,
                       gboolean structured, GError **error)
{
  g_auto (GStrv) parts = figure != NULL ? g_strsplit (figure, ",", 3) : NULL;
  g_autofree char *most = limit > 0 ? g_strdup_printf ("%u", limit) : NULL;
  const char *values[5] = { since, NULL, NULL, NULL, most };
  GPtrArray *lines;
  PGresult *result;

  /* (the history came with version 2) */
  if (_kam_db_check_schema (connection, address, 2, error) < 0)
    return NULL;
  /* --figure COUNTRY[,YEAR[,INDICATOR]] */
  for (guint i = 0; parts != NULL && parts[i] != NULL && i < 3; i++)
    values[1 + i] = *g_strstrip (parts[i]) != '\0' ? parts[i] : NULL;
  result = _kam_db_run_with (connection,
                             "SELECT to_char (at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), who, what,"
                             " old::text, new::text, description FROM kamlang.history h"
                             " WHERE ($1::timestamptz IS NULL OR at >= $1::timestamptz)"
                             " AND ($2::text IS NULL OR coalesce (new, old) ->> 'country' = $2)"
                             " AND ($3::text IS NULL OR coalesce (new, old) ->> 'year' = $3)"
                             " AND ($4::text IS NULL OR coalesce (new, old) ->> 'indicator' = $4)"
                             " AND ($2::text IS NULL OR what = 'figures')"
                             " ORDER BY id DESC LIMIT $5::bigint",
                             5, values, error);
  if (result == NULL)
    return NULL;
  lines = g_ptr_array_new_with_free_func (g_free);
  for (int i = 0; i < PQntuples (result); i++)
    {
      g_autofree char *what = NULL;
      g_autofree char *change = describe_change (PQgetisnull (result, i, 3) ? NULL : PQgetvalue (result, i, 3),
                                                 PQgetisnull (result, i, 4) ? NULL : PQgetvalue (result, i, 4), structured,
                                                 &what);
      const char *how = PQgetisnull (result, i, 3) ? _("added") : PQgetisnull (result, i, 4) ? _("deleted") : change;

      g_ptr_array_add (lines, g_strdup_printf ("%s\t%s\t%s\t%s%s%s%s", PQgetvalue (result, i, 0), PQgetvalue (result, i, 1),
                                               what, how, PQgetisnull (result, i, 5) ? "" : "\t“",
                                               PQgetisnull (result, i, 5) ? "" : PQgetvalue (result, i, 5),
                                               PQgetisnull (result, i, 5) ? "" : "”"));
    }
  PQclear (result);
  return lines;
}

gboolean
kam_db_print_history (const char *address, const char *since, const char *figure, FILE *out, GError **error)
{
  PGconn *connection = _kam_db_connect (address, error);
  g_autoptr (GPtrArray) lines = NULL;

  if (connection == NULL)
    return FALSE;
  lines = _kam_db_history_lines (connection, address, since, figure, 0, FALSE, error);
  PQfinish (connection);
  if (lines == NULL)
    return FALSE;
  for (guint i = 0; i < lines->len; i++)
    fprintf (out, "%s\n", (char *) g_ptr_array_index (lines, i));
  return TRUE;
}

/* ---- who may do what ------------------------------------------------------------- */

gboolean
kam_db_grant (const char *address, const char *role, gboolean editor, const char *provinces, const char *countries,
              GError **error)
{
  PGconn *connection = _kam_db_connect (address, error);
  g_autofree char *province_array = NULL, *country_array = NULL;
  const char *values[4];
  PGresult *result;

  if (connection == NULL)
    return FALSE;
  if (_kam_db_check_schema (connection, address, KAM_DB_SCHEMA_VERSION, error) < 0)
    goto fail;
  /* "KH-12,KH-7" as an array literal, each element quoted */
  if (provinces != NULL || countries != NULL)
    {
      const char *lists[2] = { provinces, countries };
      char **arrays[2] = { &province_array, &country_array };

      for (guint l = 0; l < 2; l++)
        {
          g_auto (GStrv) parts = lists[l] ? g_strsplit (lists[l], ",", -1) : NULL;
          GString *array;

          if (parts == NULL)
            continue;
          array = g_string_new ("{");
          for (guint i = 0; parts[i] != NULL; i++)
            {
              g_string_append (array, i ? ",\"" : "\"");
              for (const char *p = g_strstrip (parts[i]); *p; p++)
                {
                  if (*p == '"' || *p == '\\')
                    g_string_append_c (array, '\\');
                  g_string_append_c (array, *p);
                }
              g_string_append_c (array, '"');
            }
          g_string_append_c (array, '}');
          *arrays[l] = g_string_free (array, FALSE);
        }
    }
  values[0] = role;
  values[1] = editor ? "true" : "false";
  values[2] = province_array;
  values[3] = country_array;
  result = _kam_db_run_with (connection, "SELECT kamlang.grant_role ($1::name, $2::boolean, $3::text[], $4::text[])", 4,
                             values, error);
  if (result == NULL)
    goto fail;
  PQclear (result);
  PQfinish (connection);
  return TRUE;

fail:
  PQfinish (connection);
  return FALSE;
}
