/* fuzz-csv.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* CSV import: whatever it accepts, exported and imported again, gives the same
 * figures (compared as figures, not as texts); and what it refuses changes
 * nothing. */

#include <string.h>
#include "fuzz-common.h"
#include "kam-csv.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  KamDataset *dataset = fuzz_bundled ();
  KamDataset *empty = fuzz_bundled_without_figures ();
  g_autofree char *before = NULL, *after = NULL, *exported = NULL;
  gsize length;
  g_autoptr (GError) error = NULL;

  before = fuzz_signature (dataset);
  if (!kam_csv_import (dataset, (const char *) data, size, NULL, &error))
    {
      after = fuzz_signature (dataset);
      if (strcmp (before, after) != 0)
        g_error ("a refused CSV changed the dataset: %s", error->message);
      return 0;
    }
  exported = kam_csv_export_text (dataset, &length);
  if (!kam_csv_import (empty, exported, length, NULL, &error))
    g_error ("an exported CSV was refused: %s\n%s", error->message, exported);
  fuzz_assert_same_figures (dataset, empty, "exported and imported again");
  kam_dataset_undo (empty);
  kam_dataset_undo (dataset);
  return 0;
}
