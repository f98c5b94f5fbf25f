/* kam-paste.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include "kam-csv.h"
#include "kam-number.h"
#include "kam-paste.h"
#include "kam-table.h"

void
kam_paste_rows_free (GArray *rows)
{
  if (rows == NULL)
    return;
  for (guint i = 0; i < rows->len; i++)
    g_free ((char *) g_array_index (rows, KamFigureRow, i).note);
  g_array_unref (rows);
}

/* Splits pasted text into lines of fields as spreadsheets put them on the
 * clipboard: tabs between fields, a line break between rows, and a field
 * that holds a tab, a line break or a quote in quotes (a quote inside
 * doubled). A field that does not start with a quote is taken as it is,
 * quotes and all. Each line is a GPtrArray of fields; *lines_at, the line of
 * the text each starts on. */
static GPtrArray *
split_fields (const char *text, GArray *lines_at)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *fields = NULL;
  const char *p = text;
  guint line = 1;

  while (*p != '\0')
    {
      GString *field = g_string_new (NULL);
      gboolean quoted = FALSE;

      if (fields == NULL)
        {
          fields = g_ptr_array_new_with_free_func (g_free);
          g_array_append_val (lines_at, line);
        }
      if (*p == '"')
        {
          const char *q = p + 1;
          guint breaks = 0;

          /* a quoted field only when the quotes close before a tab or the end of a line */
          for (; *q != '\0'; q++)
            {
              if (*q == '"' && q[1] == '"')
                {
                  g_string_append_c (field, '"');
                  q++;
                }
              else if (*q == '"')
                break;
              else
                {
                  breaks += *q == '\n';
                  g_string_append_c (field, *q);
                }
            }
          if (*q == '"' && (q[1] == '\t' || q[1] == '\n' || q[1] == '\0' || (q[1] == '\r' && (q[2] == '\n' || q[2] == '\0'))))
            {
              p = q + 1;
              line += breaks;
              quoted = TRUE;
            }
          else
            g_string_truncate (field, 0);
        }
      if (!quoted)
        {
          while (*p != '\0' && *p != '\t' && *p != '\n' && !(*p == '\r' && (p[1] == '\n' || p[1] == '\0')))
            g_string_append_c (field, *p++);
        }
      g_ptr_array_add (fields, g_string_free (field, FALSE));
      if (*p == '\t')
        {
          p++;
          continue;
        }
      if (*p == '\r')
        p++;
      if (*p == '\n')
        p++;
      line++;
      g_ptr_array_add (lines, g_steal_pointer (&fields));
    }
  if (fields != NULL)
    g_ptr_array_add (lines, fields);
  return lines;
}

static gboolean
is_whole_number (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  char *end = NULL;

  g_ascii_strtoll (stripped, &end, 10);
  return end != stripped && *end == '\0';
}

/* "Line 2, value: “many” is not a number." */
static void
set_problem_error (GError **error, const KamTableProblem *problem)
{
  if (problem->line == 0)
    g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, "%s.", problem->message);
  else if (problem->column == G_MAXUINT || problem->heading == NULL)
    g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("Line %u: %s."), problem->line, problem->message);
  else
    /* Translators: a line of pasted text, a column's heading, and a problem */
    g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("Line %u, %s: %s."), problem->line, problem->heading,
                 problem->message);
}

/* Pasted rows go through the table importer (kam-table.c) as a table of one
 * figure a row, its cells read exactly and checked as typed values. */
GArray *
kam_paste_parse (KamDataset *dataset, const char *text, GError **error)
{
  g_autoptr (GPtrArray) lines = NULL;
  g_autoptr (GArray) lines_at = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GPtrArray) kept = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GArray) kept_at = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) kam_table_problem_free);
  g_autoptr (GPtrArray) new_countries = g_ptr_array_new ();
  g_autoptr (KamSheet) sheet = NULL;
  KamTableLayout layout;
  GArray *rows = NULL;
  guint first = 0, n_header = 0;
  gboolean header = TRUE, by_name = FALSE;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("The pasted text is not valid UTF-8."));
      return NULL;
    }
  lines = split_fields (text, lines_at);
  /* blank lines are skipped; what a copy from Kamlang did to each text undone */
  for (guint l = 0; l < lines->len; l++)
    {
      GPtrArray *fields = g_ptr_array_index (lines, l);
      gboolean blank = TRUE;

      for (guint f = 0; f < fields->len && blank; f++)
        blank = kam_table_is_blank (g_ptr_array_index (fields, f));
      if (blank)
        continue;
      for (guint f = 0; f < fields->len; f++)
        kam_csv_unprotect (g_ptr_array_index (fields, f));
      g_ptr_array_add (kept, g_ptr_array_ref (fields));
      g_array_append_val (kept_at, g_array_index (lines_at, guint, l));
    }
  if (kept->len == 0)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("There are no figures in the pasted text."));
      return NULL;
    }
  /* a first line with no whole number in it is a header: by its headings
   * when each names a column, else the spreadsheet's own, skipped */
  {
    GPtrArray *fields = g_ptr_array_index (kept, 0);

    for (guint f = 0; f < fields->len && header; f++)
      header = !is_whole_number (g_ptr_array_index (fields, f));
    n_header = fields->len;
  }
  sheet = kam_sheet_new_from_rows (_("Pasted text"), kept, (const guint *) kept_at->data);
  if (header && kam_table_layout_from_header (dataset, sheet, 0, KAM_TABLE_HEADER_ONLY_KNOWN, TRUE, &layout, problems))
    {
      by_name = TRUE;
      first = 1;
    }
  else if (problems->len == 0)
    {
      if (header)
        kam_table_layout_clear (&layout);
      first = header ? 1 : 0;
      kam_table_layout_in_order (sheet, first, &layout);
    }
  /* every line's fields: as many as the header names, or 4 to 7 */
  for (guint l = first; l < kept->len && problems->len == 0; l++)
    {
      guint n = ((GPtrArray *) g_ptr_array_index (kept, l))->len;
      guint line = g_array_index (kept_at, guint, l);

      if (by_name ? n <= n_header : n >= 4 && n <= 7)
        continue;
      if (by_name)
        g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID,
                     _("Line %u: the header names %u columns, the line has %u fields."), line, n_header, n);
      else
        g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID,
                     _("Line %u: expected 4 to 7 fields separated by tabs (country, year, indicator, value, source, note, qualifier), found %u."),
                     line, n);
      kam_table_layout_clear (&layout);
      return NULL;
    }
  if (problems->len == 0)
    {
      layout.exact = TRUE;
      layout.typed = TRUE;
      rows = kam_table_read (dataset, sheet, &layout, new_countries, problems, NULL);
    }
  kam_table_layout_clear (&layout);
  if (problems->len > 0)
    {
      set_problem_error (error, g_ptr_array_index (problems, 0));
      kam_paste_rows_free (rows);
      return NULL;
    }
  if (rows->len == 0)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("There are no figures in the pasted text."));
      kam_paste_rows_free (rows);
      return NULL;
    }
  return rows;
}

char *
kam_paste_copy_text (KamDataset *dataset, const guint *rows, guint n_rows)
{
  return kam_csv_table_text (dataset, rows, n_rows, '\t', NULL);
}

gboolean
kam_paste_apply (KamDataset *dataset, const char *text, guint *n_added, GError **error)
{
  GArray *rows = kam_paste_parse (dataset, text, error);
  gboolean ok;

  if (rows == NULL)
    return FALSE;
  kam_dataset_begin_group (dataset, _("Paste figures"));
  ok = kam_dataset_add_figures (dataset, (KamFigureRow *) rows->data, rows->len, NULL, error);
  kam_dataset_end_group (dataset);
  if (ok && n_added != NULL)
    *n_added = rows->len;
  kam_paste_rows_free (rows);
  return ok;
}
