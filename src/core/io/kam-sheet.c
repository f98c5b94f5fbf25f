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
  g_free (sheet->lines);
  if (sheet->merges != NULL)
    g_array_unref (sheet->merges);
  g_free (sheet->name);
  g_free (sheet);
}

KamSheet *
kam_sheet_new_from_rows (const char *name, GPtrArray *rows, const guint *lines)
{
  KamSheet *sheet = g_new0 (KamSheet, 1);
  guint64 cells;

  sheet->name = g_strdup (name);
  sheet->n_rows = rows->len;
  for (guint r = 0; r < rows->len; r++)
    sheet->n_columns = MAX (sheet->n_columns, ((GPtrArray *) g_ptr_array_index (rows, r))->len);
  cells = MAX ((guint64) sheet->n_rows * sheet->n_columns, 1);
  sheet->texts = g_new0 (char *, cells);
  if (lines != NULL)
    sheet->lines = g_memdup2 (lines, MAX (rows->len, 1) * sizeof (guint));
  sheet->hidden_rows = g_new0 (gboolean, MAX (sheet->n_rows, 1));
  sheet->hidden_columns = g_new0 (gboolean, MAX (sheet->n_columns, 1));
  sheet->merges = g_array_new (FALSE, FALSE, sizeof (KamSheetRange));
  for (guint r = 0; r < rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < row->len; c++)
        {
          char *text = g_ptr_array_index (row, c);

          if (text != NULL && *text != '\0')
            {
              sheet->texts[(guint64) r * sheet->n_columns + c] = text;
              row->pdata[c] = NULL;
            }
        }
    }
  return sheet;
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
  if (row >= sheet->n_rows || column >= sheet->n_columns || sheet->numbers == NULL)
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
