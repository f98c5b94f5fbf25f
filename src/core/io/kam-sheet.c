/* kam-sheet.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A sheet's cells, once read (kam-sheet-orcus.cc reads them). */

#include <math.h>
#include "kam-sheet.h"

void
kam_sheet_free (KamSheet *sheet)
{
  if (sheet == NULL)
    return;
  if (sheet->texts != NULL)
    for (guint64 i = 0; i < (guint64) sheet->n_rows * sheet->n_columns; i++)
      g_free (sheet->texts[i]);
  g_free (sheet->texts);
  g_free (sheet->numbers);
  g_free (sheet->hidden_rows);
  g_free (sheet->hidden_columns);
  if (sheet->merges != NULL)
    g_array_unref (sheet->merges);
  g_free (sheet->name);
  g_free (sheet);
}

const char *
kam_sheet_get_text (const KamSheet *sheet, guint row, guint column)
{
  if (row >= sheet->n_rows || column >= sheet->n_columns)
    return NULL;
  return sheet->texts[(guint64) row * sheet->n_columns + column];
}

double
kam_sheet_get_number (const KamSheet *sheet, guint row, guint column)
{
  if (row >= sheet->n_rows || column >= sheet->n_columns)
    return NAN;
  return sheet->numbers[(guint64) row * sheet->n_columns + column];
}

const KamSheetRange *
kam_sheet_get_merge (const KamSheet *sheet, guint row, guint column)
{
  for (guint i = 0; i < sheet->merges->len; i++)
    {
      const KamSheetRange *m = &g_array_index (sheet->merges, KamSheetRange, i);

      if (row >= m->row && row < m->row + m->n_rows && column >= m->column && column < m->column + m->n_columns)
        return m;
    }
  return NULL;
}

char *
kam_sheet_cell_name (guint row, guint column)
{
  char letters[8];
  int n = 0;

  /* bijective base 26: A … Z, AA … */
  column++;
  while (column > 0 && n < (int) sizeof letters - 1)
    {
      column--;
      letters[n++] = (char) ('A' + column % 26);
      column /= 26;
    }
  {
    char reversed[8];

    for (int i = 0; i < n; i++)
      reversed[i] = letters[n - 1 - i];
    reversed[n] = '\0';
    return g_strdup_printf ("%s%u", reversed, row + 1);
  }
}
