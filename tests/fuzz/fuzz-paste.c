/* fuzz-paste.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Pasting rows from a spreadsheet: never crashes, all or nothing. */

#include <string.h>
#include "fuzz-common.h"
#include "kam-paste.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  KamDataset *dataset = fuzz_bundled ();
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr (GError) error = NULL;

  before = fuzz_signature (dataset);
  if (kam_paste_apply (dataset, text, NULL, &error))
    kam_dataset_undo (dataset);
  after = fuzz_signature (dataset);
  if (strcmp (before, after) != 0)
    g_error ("a paste left the dataset changed after undo or refusal");
  return 0;
}
