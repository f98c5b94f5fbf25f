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
#include <string.h>
#include "kam-dataset-json.h"
#include "kam-figure-table.h"

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

/* Fails unless the figures of a and b are the same, row by row, field by
 * field (values bit for bit, notes byte for byte): a round trip compares
 * datasets, not texts, which could be the same both times and both wrong. */
static inline void
fuzz_assert_same_figures (KamDataset *a, KamDataset *b, const char *what)
{
  KamFigureTable *x = kam_dataset_get_figures (a), *y = kam_dataset_get_figures (b);
  guint n = kam_figure_table_get_n_rows (x);

  if (n != kam_figure_table_get_n_rows (y))
    g_error ("%s: %u figures came back as %u", what, n, kam_figure_table_get_n_rows (y));
  for (guint i = 0; i < n; i++)
    {
      KamFigureRow r, s;

      kam_figure_table_get_row (x, i, &r);
      kam_figure_table_get_row (y, i, &s);
      if (g_strcmp0 (r.country, s.country) != 0 || r.year != s.year || g_strcmp0 (r.indicator, s.indicator) != 0
          || !(memcmp (&r.value, &s.value, sizeof r.value) == 0 || (r.value != r.value && s.value != s.value))
          || g_strcmp0 (r.source, s.source) != 0 || r.qualifier != s.qualifier
          || g_strcmp0 (r.note ? r.note : "", s.note ? s.note : "") != 0
          || memcmp (r.members, s.members, sizeof r.members) != 0)
        g_error ("%s: figure %u came back changed", what, i);
    }
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
      kam_dataset_remove_figures (dataset, (guint *) ids->data, ids->len, NULL);
      kam_dataset_mark_saved (dataset);
    }
  return dataset;
}
