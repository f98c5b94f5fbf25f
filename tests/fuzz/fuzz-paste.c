/* fuzz-paste.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Pasting rows from a spreadsheet: never crashes, all or nothing; and what it
 * pastes, copied and pasted again, gives the same figures. */

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
    {
      KamDataset *empty = fuzz_bundled_without_figures ();
      KamFigureTable *table = kam_dataset_get_figures (dataset);
      guint n = kam_figure_table_get_n_rows (table);
      g_autofree guint *rows = g_new (guint, n);
      g_autofree char *copied = NULL;

      for (guint i = 0; i < n; i++)
        rows[i] = i;
      copied = kam_paste_copy_text (dataset, rows, n);
      if (!kam_paste_apply (empty, copied, NULL, &error))
        g_error ("copied rows were refused: %s\n%s", error->message, copied);
      fuzz_assert_same_figures (dataset, empty, "copied and pasted again");
      kam_dataset_undo (empty);
      kam_dataset_undo (dataset);
    }
  after = fuzz_signature (dataset);
  if (strcmp (before, after) != 0)
    g_error ("a paste left the dataset changed after undo or refusal");
  return 0;
}
