/* fuzz-kamlang.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The .kamlang reader: whatever it accepts, it must write out and read back
 * the same. */

#include <string.h>
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (KamDataset) dataset = NULL;
  g_autoptr (KamDataset) again = NULL;
  g_autofree char *text = NULL, *text_again = NULL;
  gsize length, length_again;

  fuzz_init ();
  dataset = kam_dataset_load_data ((const char *) data, size, NULL, NULL);
  if (dataset == NULL)
    return 0;
  text = kam_dataset_to_data (dataset, &length);
  again = kam_dataset_load_data (text, length, NULL, NULL);
  if (again == NULL)
    g_error ("a file that was accepted was saved as one that is refused:\n%s", text);
  text_again = kam_dataset_to_data (again, &length_again);
  if (length != length_again || memcmp (text, text_again, length) != 0)
    g_error ("saving, reading back and saving again changed the file");
  return 0;
}
