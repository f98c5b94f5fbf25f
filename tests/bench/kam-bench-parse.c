/* kam-bench-parse.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What kam-bench compares `kamlang --check` with: reading a file and parsing
 * it with json-glib, nothing more.
 *
 *   kam-bench-parse FILE */

#include <json-glib/json-glib.h>

int
main (int argc, char **argv)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *text = NULL;
  gsize length;
  g_autoptr (GError) error = NULL;

  if (argc != 2)
    {
      g_printerr ("usage: kam-bench-parse FILE\n");
      return 2;
    }
  if (!g_file_get_contents (argv[1], &text, &length, &error)
      || !json_parser_load_from_data (parser, text, length, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return json_parser_get_root (parser) != NULL ? 0 : 1;
}
