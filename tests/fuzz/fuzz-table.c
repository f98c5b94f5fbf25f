/* fuzz-table.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The table importer's grid-to-figures step (kam-table.c): any grid of cells
 * (lines of tab-separated texts) never crashes it, and it is all or nothing:
 * a refused table changes nothing, an imported one is undone in one step. */

#include <string.h>
#include "fuzz-common.h"
#include "kam-table.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  KamDataset *dataset = fuzz_bundled ();
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr (KamSheet) sheet = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GError) error = NULL;
  guint added = 0;

  if (!g_utf8_validate (text, -1, NULL) || size > 65536)
    return 0;
  lines = g_strsplit (text, "\n", 2000);
  for (guint l = 0; lines[l] != NULL; l++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[l], "\t", 200);
      GPtrArray *row = g_ptr_array_new_with_free_func (g_free);

      for (guint f = 0; fields[f] != NULL; f++)
        g_ptr_array_add (row, g_strdup (fields[f]));
      g_ptr_array_add (rows, row);
    }
  sheet = kam_sheet_new_from_rows ("Fuzz", rows, NULL);
  before = fuzz_signature (dataset);
  /* the indicator given half of the time, else looked for in a title */
  if (kam_table_import_sheet (dataset, sheet, size % 2 ? "workers" : NULL, NULL, &added, NULL, &error))
    {
      if (added > 0 && !kam_dataset_undo (dataset))
        g_error ("an import of %u figures could not be undone", added);
    }
  else if (error == NULL)
    g_error ("a refused table said nothing");
  after = fuzz_signature (dataset);
  if (strcmp (before, after) != 0)
    g_error ("a table import left the dataset changed after undo or refusal");
  return 0;
}
