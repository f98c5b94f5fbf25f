/* fuzz-common.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Shared by the libFuzzer harnesses. Each defines LLVMFuzzerTestOneInput; the
 * same file built with replay.c runs saved inputs (the seed corpus and every
 * crash found, kept as regressions) in the ordinary test suite. */

#pragma once

#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include "kam-dataset-json.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* g_error() and fatal criticals stop with SIGTRAP, which libFuzzer does not
 * catch: turn it into an abort, so that the input is saved. */
static void
fuzz_trap_to_abort (int sig)
{
  abort ();
}

static inline void
fuzz_init (void)
{
  static gboolean done;

  if (!done)
    {
      signal (SIGTRAP, fuzz_trap_to_abort);
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      done = TRUE;
    }
}

/* The bundled dataset, loaded once: harnesses undo what they did to it. */
static inline KamDataset *
fuzz_bundled (void)
{
  static KamDataset *dataset;

  if (dataset == NULL)
    {
      fuzz_init ();
      dataset = kam_dataset_load_bundled (NULL);
      g_assert (dataset != NULL);
      kam_dataset_mark_saved (dataset);
    }
  return dataset;
}

/* A cheap fingerprint of what an import could change: whole-text comparison of
 * the bundled dataset would take most of the time of each run. */
static inline char *
fuzz_signature (KamDataset *dataset)
{
  return g_strdup_printf ("%u figures, %u countries, %u indicators, %u sources, modified %d",
                          kam_figure_table_get_n_rows (kam_dataset_get_figures (dataset)),
                          g_list_model_get_n_items (kam_dataset_get_countries (dataset)),
                          g_list_model_get_n_items (kam_dataset_get_indicators (dataset)),
                          g_list_model_get_n_items (kam_dataset_get_sources (dataset)),
                          kam_dataset_get_modified (dataset));
}

/* The bundled dataset without its figures, for reading back an export. */
static inline KamDataset *
fuzz_bundled_without_figures (void)
{
  static KamDataset *dataset;

  if (dataset == NULL)
    {
      KamFigureTable *table;
      g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint));

      dataset = kam_dataset_load_bundled (NULL);
      table = kam_dataset_get_figures (dataset);
      for (guint i = 0; i < kam_figure_table_get_n_rows (table); i++)
        {
          guint id = kam_figure_table_get_id (table, i);
          g_array_append_val (ids, id);
        }
      kam_dataset_remove_figures (dataset, (guint *) ids->data, ids->len);
      kam_dataset_mark_saved (dataset);
    }
  return dataset;
}
