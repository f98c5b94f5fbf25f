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

/* The columns a paste may have, in the order they are taken without a header;
 * the dataset's dimensions come after them, and only under a header. */
enum
{
  COL_COUNTRY,
  COL_YEAR,
  COL_INDICATOR,
  COL_VALUE,
  COL_SOURCE,
  COL_NOTE,
  COL_QUALIFIER,
  N_FIXED,
};

static const char *const fixed_names[N_FIXED] = { "country", "year", "indicator", "value",
                                                  "source", "note", "qualifier" };

/* The Figures page's column titles, which a paste copied from it has. */
static const char *
fixed_title (guint c)
{
  switch (c)
    {
    case COL_COUNTRY:
      return _("Country");
    case COL_YEAR:
      return _("Year");
    case COL_INDICATOR:
      return _("Indicator");
    case COL_VALUE:
      return _("Value");
    case COL_SOURCE:
      return _("Source");
    case COL_NOTE:
      return _("Note");
    default:
      return _("Qualifier");
    }
}

/* The column a heading names (a fixed column, or N_FIXED + a dimension's
 * position), or -1. */
static int
heading_column (KamDataset *dataset, const char *heading)
{
  for (guint c = 0; c < N_FIXED; c++)
    if (kam_table_same_words (heading, fixed_names[c]) || kam_table_same_words (heading, fixed_title (c)))
      return c;
  for (guint d = 0; d < kam_dataset_get_n_dimensions (dataset); d++)
    {
      KamDimension *dimension = kam_dataset_get_dimension (dataset, d);
      if (kam_table_same_words (heading, kam_dimension_get_id (dimension))
          || kam_table_same_words (heading, kam_dimension_get_name (dimension))
          || kam_table_same_words (heading, kam_dimension_get_name_km (dimension)))
        return N_FIXED + d;
    }
  return -1;
}

static gboolean
is_whole_number (const char *text)
{
  char *end = NULL;

  g_ascii_strtoll (text, &end, 10);
  return end != text && *end == '\0';
}

/* A first line with no whole number in it is a header. When every heading
 * names a column, the columns are taken by their headings; otherwise the
 * header is skipped and the columns taken in their order. col[c] is the
 * field of column c, or -1. */
static gboolean
read_header (KamDataset *dataset, char **fields, int *col, gboolean *by_name, GError **error)
{
  int found[N_FIXED + KAM_MAX_DIMENSIONS];

  for (guint c = 0; c < N_FIXED + KAM_MAX_DIMENSIONS; c++)
    found[c] = -1;
  *by_name = FALSE;
  for (guint f = 0; fields[f] != NULL; f++)
    {
      int c = heading_column (dataset, fields[f]);
      if (c < 0)
        return TRUE; /* a header of the spreadsheet's own: the columns in order */
      if (found[c] >= 0)
        {
          g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID,
                       _("Line 1: the column “%s” is given twice (fields %d and %u)."), fields[f],
                       found[c] + 1, f + 1);
          return FALSE;
        }
      found[c] = f;
    }
  for (guint c = COL_YEAR; c <= COL_VALUE; c++)
    if (found[c] < 0)
      {
        g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID,
                     _("Line 1: the header has no column “%s” (a paste needs year, indicator and value)."),
                     fixed_title (c));
        return FALSE;
      }
  memcpy (col, found, sizeof found);
  *by_name = TRUE;
  return TRUE;
}

static gboolean
parse_qualifier (const char *text, KamQualifier *qualifier)
{
  if (kam_qualifier_parse (text, qualifier))
    return TRUE;
  for (guint q = 0; q < KAM_N_QUALIFIERS; q++)
    if (kam_table_same_words (text, kam_qualifier_get_label (q)))
      {
        *qualifier = q;
        return TRUE;
      }
  return FALSE;
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
is_blank (const char *text)
{
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

GArray *
kam_paste_parse (KamDataset *dataset, const char *text, GError **error)
{
  g_autoptr (GPtrArray) lines = NULL;
  g_autoptr (GArray) lines_at = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (KamFigureRow));
  gboolean first = TRUE, by_name = FALSE;
  guint n_dimensions = kam_dataset_get_n_dimensions (dataset);
  int col[N_FIXED + KAM_MAX_DIMENSIONS];
  guint n_columns = 0;

  for (guint c = 0; c < N_FIXED + KAM_MAX_DIMENSIONS; c++)
    col[c] = c < N_FIXED ? (int) c : -1;
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("The pasted text is not valid UTF-8."));
      kam_paste_rows_free (rows);
      return NULL;
    }
  lines = split_fields (text, lines_at);
  for (guint l = 0; l < lines->len; l++)
    {
      GPtrArray *line_fields = g_ptr_array_index (lines, l);
      char **fields = (char **) line_fields->pdata;
      guint line = g_array_index (lines_at, guint, l);
      KamFigureRow row = { NULL, 0, NULL, NAN, NULL, NULL };
      guint n = line_fields->len;
      g_autoptr (GError) local = NULL;
      gint64 year;
      char *end = NULL;
      const char *cell;
      gboolean blank = TRUE;

      for (guint f = 0; f < n && blank; f++)
        blank = is_blank (fields[f]);
      if (blank)
        continue; /* blank lines are skipped */
      /* undo exactly what a copy from Kamlang did to each text */
      for (guint f = 0; f < n; f++)
        kam_csv_unprotect (fields[f]);
      if (first)
        {
          gboolean header = TRUE;
          g_autofree char **stripped = g_new0 (char *, n + 1);

          first = FALSE;
          for (guint f = 0; f < n; f++)
            stripped[f] = g_strstrip (g_strdup (fields[f]));
          for (guint f = 0; f < n && header; f++)
            header = !is_whole_number (stripped[f]);
          if (header)
            {
              gboolean ok = read_header (dataset, stripped, col, &by_name, error);

              for (guint f = 0; f < n; f++)
                g_free (stripped[f]);
              if (!ok)
                goto fail;
              n_columns = by_name ? n : 0;
              continue;
            }
          for (guint f = 0; f < n; f++)
            g_free (stripped[f]);
        }
      if (by_name ? n > n_columns : n < 4 || n > N_FIXED)
        {
          if (by_name)
            g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID,
                         _("Line %u: the header names %u columns, the line has %u fields."), line,
                         n_columns, n);
          else
            g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID,
                         _("Line %u: expected 4 to 7 fields separated by tabs (country, year, indicator, value, source, note, qualifier), found %u."),
                         line, n);
          goto fail;
        }
/* a text as written; a number or a word with the spaces around it taken off */
#define TEXT(c) (col[c] >= 0 && (guint) col[c] < n ? fields[col[c]] : "")
#define CELL(c) (col[c] >= 0 && (guint) col[c] < n ? g_strstrip (fields[col[c]]) : "")
      cell = CELL (COL_YEAR);
      year = g_ascii_strtoll (cell, &end, 10);
      if (end == cell || *end != '\0')
        {
          g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID,
                       _("Line %u, year: “%s” is not a year."), line, cell);
          goto fail;
        }
      row.year = (int) CLAMP (year, G_MININT, G_MAXINT);
      cell = TEXT (COL_COUNTRY);
      if (!is_blank (cell) || (cell[0] != '\0' && kam_dataset_find_key (dataset, KAM_FIGURE_FIELD_COUNTRY, cell, FALSE)))
        {
          row.country = kam_dataset_find_key_full (dataset, KAM_FIGURE_FIELD_COUNTRY, cell, TRUE, &local);
          if (row.country == NULL)
            {
              g_set_error (error, KAM_ERROR, KAM_ERROR_NOT_FOUND, _("Line %u, country: %s."), line,
                           local->message);
              goto fail;
            }
        }
      cell = TEXT (COL_INDICATOR);
      row.indicator = kam_dataset_find_key_full (dataset, KAM_FIGURE_FIELD_INDICATOR, cell, TRUE, &local);
      if (row.indicator == NULL)
        {
          g_set_error (error, KAM_ERROR, KAM_ERROR_NOT_FOUND, _("Line %u, indicator: %s."), line,
                       local->message);
          goto fail;
        }
      if (!kam_number_parse (CELL (COL_VALUE), &row.value, &local)
          || !kam_rule_check_typed_value (dataset, row.indicator, row.value, &local))
        {
          g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("Line %u, value: %s"), line,
                       local->message);
          goto fail;
        }
      cell = TEXT (COL_SOURCE);
      if (!is_blank (cell) || (cell[0] != '\0' && kam_dataset_find_key (dataset, KAM_FIGURE_FIELD_SOURCE, cell, FALSE)))
        {
          row.source = kam_dataset_find_key_full (dataset, KAM_FIGURE_FIELD_SOURCE, cell, TRUE, &local);
          if (row.source == NULL)
            {
              g_set_error (error, KAM_ERROR, KAM_ERROR_NOT_FOUND, _("Line %u, source: %s."), line,
                           local->message);
              goto fail;
            }
        }
      cell = CELL (COL_QUALIFIER);
      if (!parse_qualifier (cell, &row.qualifier))
        {
          g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID,
                       _("Line %u, qualifier: “%s” is not a qualifier: use exact, approximate, lower-bound, upper-bound, estimate or provisional, or the marks ≈ ≥ ≤ e p."),
                       line, cell);
          goto fail;
        }
      for (guint d = 0; d < n_dimensions; d++)
        {
          KamDimension *dimension = kam_dataset_get_dimension (dataset, d);
          int member;

          cell = TEXT (N_FIXED + d);
          member = kam_dimension_find_member (dimension, cell, TRUE);
          if (member < 0 && is_blank (cell))
            continue; /* the total */
          if (member < 0)
            {
              g_set_error (error, KAM_ERROR, KAM_ERROR_NOT_FOUND,
                           _("Line %u, %s: “%s” is none of its members."), line,
                           kam_dimension_get_label (dimension), cell);
              goto fail;
            }
          row.members[d] = (guint16) member;
        }
      if (!kam_dataset_validate_row (dataset, &row, 0, &local))
        {
          g_prefix_error (&local, _("Line %u: "), line);
          g_propagate_error (error, g_steal_pointer (&local));
          goto fail;
        }
      cell = TEXT (COL_NOTE);
      row.note = cell[0] != '\0' ? g_strdup (cell) : NULL;
#undef TEXT
#undef CELL
      g_array_append_val (rows, row);
    }
  if (rows->len == 0)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("There are no figures in the pasted text."));
      goto fail;
    }
  return rows;

fail:
  kam_paste_rows_free (rows);
  return NULL;
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
