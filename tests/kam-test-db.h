/* kam-test-db.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* For the tests of a shared dataset, on the server tests/with-postgres
 * starts: a new empty database of the test's own (its address); the first
 * value of SQL of the test's own, or NULL; the server stopped at once
 * ("stop-now") or started again ("start"). */
char *kam_test_db_new (void);
char *kam_test_db_value (const char *address, const char *sql);
void kam_test_db_control (const char *what);

G_END_DECLS
