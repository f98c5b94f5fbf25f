/* kam-test-db.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <libpq-fe.h>
#include <unistd.h>
#include "kam-test-db.h"

char *
kam_test_db_new (void)
{
  static guint n;
  g_autofree char *name = g_strdup_printf ("kam_test_%u_%u", (guint) getpid (), ++n);
  g_autofree char *sql = g_strdup_printf ("CREATE DATABASE %s", name); /* (a name of the test's own) */
  PGconn *admin = PQconnectdb ("dbname=postgres");
  PGresult *result;

  g_assert_cmpint (PQstatus (admin), ==, CONNECTION_OK);
  result = PQexec (admin, sql);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    g_error ("%s", PQresultErrorMessage (result));
  PQclear (result);
  PQfinish (admin);
  return g_strdup_printf ("dbname=%s", name);
}

char *
kam_test_db_value (const char *address, const char *sql)
{
  PGconn *connection = PQconnectdb (address);
  PGresult *result;
  char *value = NULL;

  g_assert_cmpint (PQstatus (connection), ==, CONNECTION_OK);
  result = PQexec (connection, sql);
  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  if (PQntuples (result) > 0 && !PQgetisnull (result, 0, 0))
    value = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  PQfinish (connection);
  return value;
}

void
kam_test_db_control (const char *what)
{
  g_auto (GStrv) words = g_strsplit (what, " ", 2); /* "password-for ROLE" */
  const char *argv[] = { g_getenv ("KAM_PG_CONTROL"), words[0], words[1], NULL };
  int status = 0;

  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}
