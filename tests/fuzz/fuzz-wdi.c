/* fuzz-wdi.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* World Bank WDI import, from a file in memory (memfd): it never crashes, and
 * what it refuses changes nothing. */

#define _GNU_SOURCE
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "fuzz-common.h"
#include "kam-wdi.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  KamDataset *dataset = fuzz_bundled ();
  g_autofree char *before = NULL, *after = NULL, *path = NULL;
  g_autoptr (GError) error = NULL;
  int fd = memfd_create ("API_fuzz.csv", MFD_CLOEXEC);

  g_assert (fd >= 0);
  g_assert (write (fd, data, size) == (ssize_t) size);
  path = g_strdup_printf ("/proc/self/fd/%d", fd);
  before = fuzz_signature (dataset);
  if (kam_wdi_import (dataset, path, NULL, NULL, NULL, &error))
    kam_dataset_undo (dataset);
  after = fuzz_signature (dataset);
  if (strcmp (before, after) != 0)
    g_error ("a WDI import left the dataset changed after undo or refusal");
  close (fd);
  return 0;
}
