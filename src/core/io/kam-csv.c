/* kam-csv.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include "kam-csv.h"
#include "kam-enums.h"
#include "kam-file.h"
#include "kam-json-strict.h"
#include "kam-number.h"
#include "kam-paste.h"
#include "kam-table.h"

void
kam_csv_record_free (KamCsvRecord *record)
{
  if (record == NULL)
    return;
  g_ptr_array_unref (record->fields);
  g_free (record);
}

static char
detect_separator (const char *p, const char *end)
{
  guint commas = 0, semicolons = 0;
  gboolean quoted = FALSE;

  for (; p < end && (quoted || (*p != '\n' && *p != '\r')); p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == ',')
        commas++;
      else if (!quoted && *p == ';')
        semicolons++;
    }
  return semicolons > commas ? ';' : ',';
}

GPtrArray *
kam_csv_parse (const char *data, gsize length, char separator, char *separator_out, GError **error)
{
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) kam_csv_record_free);
  const char *p = data, *end = data + length;
  guint line = 1;
  KamCsvRecord *record = NULL;
  g_autoptr (GString) field = g_string_new (NULL);
  guint record_line = 1;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  if (!g_utf8_validate_len (p, end - p, NULL))
    {
      const char *bad;
      g_utf8_validate_len (p, end - p, &bad);
      for (const char *q = p; q < bad; q++)
        line += *q == '\n';
      if (bad < end && *bad == '\0')
        g_set_error (error, KAM_ERROR, KAM_ERROR_SYNTAX,
                     _("Line %u: the file holds a NUL byte: it is not a text file."), line);
      else
        g_set_error (error, KAM_ERROR, KAM_ERROR_SYNTAX, _("Line %u: the text is not valid UTF-8."), line);
      return NULL;
    }
  if (separator == 0)
    separator = detect_separator (p, end);
  if (separator_out != NULL)
    *separator_out = separator;

  while (p < end)
    {
      gboolean quoted = FALSE;

      if (record == NULL)
        {
          /* blank lines between records are skipped */
          if (*p == '\n' || *p == '\r')
            {
              line += *p == '\n';
              p++;
              continue;
            }
          record = g_new0 (KamCsvRecord, 1);
          record->fields = g_ptr_array_new_with_free_func (g_free);
          record->line = line;
        }
      g_string_truncate (field, 0);
      record_line = line;
      if (*p == '"')
        {
          guint start = line;

          quoted = TRUE;
          p++;
          for (;;)
            {
              if (p >= end)
                {
                  kam_csv_record_free (record);
                  g_set_error (error, KAM_ERROR, KAM_ERROR_SYNTAX,
                               _("Line %u: a quoted field is not closed."), start);
                  return NULL;
                }
              if (*p == '"' && p + 1 < end && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p += 2;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                {
                  line += *p == '\n';
                  g_string_append_c (field, *p++);
                }
            }
        }
      while (p < end && *p != separator && *p != '\n' && *p != '\r')
        {
          if (*p == '"' || quoted)
            {
              guint index = record->fields->len + 1;

              kam_csv_record_free (record);
              g_set_error (error, KAM_ERROR, KAM_ERROR_SYNTAX,
                           _("Line %u, field %u: a quote in the middle of a field; put the whole field in quotes and double the quote."),
                           line, index);
              return NULL;
            }
          g_string_append_c (field, *p++);
        }
      if (field->len > KAM_MAX_TEXT)
        {
          guint index = record->fields->len + 1;
          kam_csv_record_free (record);
          g_set_error (error, KAM_ERROR, KAM_ERROR_TOO_LARGE,
                       _("Line %u, field %u: this text is %.1f MiB long; Kamlang reads texts of up to 1 MiB."),
                       record_line, index, field->len / 1048576.0);
          return NULL;
        }
      g_ptr_array_add (record->fields, g_strdup (field->str));
      if (p < end && *p == separator)
        {
          p++;
          if (p == end || *p == '\n' || *p == '\r')
            g_ptr_array_add (record->fields, g_strdup (""));
          else
            continue;
        }
      /* end of the record */
      if (p < end && *p == '\r')
        p++;
      if (p < end && *p == '\n')
        p++;
      line++;
      g_ptr_array_add (records, record);
      record = NULL;
    }
  if (record != NULL)
    g_ptr_array_add (records, record);
  return g_steal_pointer (&records);
}

/* ---- export ----------------------------------------------------------------- */

/* Where a spreadsheet may start a new cell inside a text: its own list
 * separator (',' or ';' depending on the locale: a ';' inside a quoted cell
 * of a ',' file starts a new cell in a spreadsheet set to ';'), a tab, and a
 * line break. */
static inline gboolean
is_cell_break (char c)
{
  return c == ',' || c == ';' || c == '\t' || c == '\r' || c == '\n';
}

/* Whether the part of a text from p to the next cell break (a "segment") is
 * one a spreadsheet may run as a formula (OWASP's CSV injection guidance):
 * its first visible character, after spaces, no-break spaces and invisible
 * marks (a zero-width space, a byte-order mark), is = + - @ or one of their
 * full-width or small forms, or it starts like a DDE call (cmd|...). */
static gboolean
segment_is_formula (const char *p)
{
  gunichar c;

  for (; *p != '\0' && !is_cell_break (*p); p = g_utf8_next_char (p))
    {
      c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c) && g_unichar_type (c) != G_UNICODE_SPACE_SEPARATOR
          && g_unichar_type (c) != G_UNICODE_FORMAT && g_unichar_type (c) != G_UNICODE_CONTROL)
        break;
    }
  if (*p == '\0' || is_cell_break (*p))
    return FALSE;
  switch (g_utf8_get_char (p))
    {
    case '=': case '+': case '-': case '@':
    case 0xFF1D: case 0xFF0B: case 0xFF0D: case 0xFF20: /* full-width ＝ ＋ － ＠ */
    case 0xFE66: case 0xFE62: case 0xFE63: case 0xFE6B: /* small ﹦ ﹢ ﹣ ﹫ */
    case 0x2212:                                        /* minus sign − */
      return TRUE;
    default:
      break;
    }
  /* DDE: a program name and a bar, as in cmd|' /C calc'!A0 */
  while (*p != '\0' && (g_ascii_isalnum (*p) || *p == '_' || *p == '.' || *p == '-'))
    p++;
  return *p == '|';
}

/* A segment the export marks with an apostrophe: one that could run as a
 * formula, and one that starts with an apostrophe already (so that the
 * import, which takes one apostrophe off exactly these, gives it back as
 * written). */
static gboolean
segment_needs_mark (const char *p, gboolean at_start)
{
  /* a text that starts with a tab or a carriage return is marked at its
   * start too, as OWASP asks */
  return *p == '\'' || segment_is_formula (p) || (at_start && (*p == '\t' || *p == '\r'));
}

/**
 * kam_csv_protect:
 *
 * The text made inert for a spreadsheet: an apostrophe before every segment
 * (the text's start, and each place after a ',', ';', tab or line break)
 * that could run as a formula or starts with an apostrophe.
 * kam_csv_unprotect() gives back exactly the text.
 *
 * Returns: (transfer full): the text to write, or NULL when it needs nothing
 */
char *
kam_csv_protect (const char *text)
{
  GString *out = NULL;
  const char *copied = text;

  for (const char *p = text;; p++)
    {
      if (p == text || is_cell_break (p[-1]))
        {
          if (segment_needs_mark (p, p == text))
            {
              if (out == NULL)
                out = g_string_sized_new (strlen (text) + 4);
              g_string_append_len (out, copied, p - copied);
              g_string_append_c (out, '\'');
              copied = p;
            }
        }
      if (*p == '\0')
        break;
    }
  if (out == NULL)
    return NULL;
  g_string_append (out, copied);
  return g_string_free (out, FALSE);
}

/**
 * kam_csv_unprotect:
 *
 * Undoes kam_csv_protect(), in place: takes the apostrophe off every segment
 * that starts with one followed by what kam_csv_protect() marks. Any other
 * apostrophe is the text's own.
 *
 * Returns: text
 */
char *
kam_csv_unprotect (char *text)
{
  char *to = text;

  for (const char *p = text;;)
    {
      if ((p == text || is_cell_break (p[-1])) && *p == '\'' && segment_needs_mark (p + 1, p == text))
        p++;
      if (*p == '\0')
        break;
      *to++ = *p++;
    }
  *to = '\0';
  return text;
}

/* A cell, made inert; quoted where the separator or a line break, a quote
 * (and, in a CSV file, a ';', a space at its start or any inert mark) would
 * be misread. A tab-separated copy for the clipboard is quoted as spreadsheets
 * quote it there. */
static void
append_cell (GString *out, const char *text, char separator)
{
  g_autofree char *marked = NULL;
  gboolean quote;

  if (text == NULL || *text == '\0')
    return;
  marked = kam_csv_protect (text);
  if (marked != NULL)
    text = marked;
  if (separator == '\t')
    quote = strpbrk (text, "\t\r\n\"") != NULL;
  else
    quote = marked != NULL || strpbrk (text, ",;\"\r\n\t") != NULL || text[0] == ' ';
  if (!quote)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * kam_csv_table_text:
 * @rows: (nullable): the figure table's rows to write, NULL for all
 * @separator: ',' for a CSV file (a byte-order mark, CRLF), '\t' for the
 *   clipboard (LF)
 *
 * The figures as a table: a header of ids, then a line per figure.
 *
 * Returns: (transfer full): the text
 */
char *
kam_csv_table_text (KamDataset *dataset, const guint *rows, guint n_rows, char separator, gsize *length)
{
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  guint n = rows != NULL ? n_rows : kam_figure_table_get_n_rows (table);
  GString *out = g_string_sized_new (64 + n * 48);
  guint n_dimensions = MIN (kam_dataset_get_n_dimensions (dataset), KAM_MAX_DIMENSIONS);
  const char *line_end = separator == '\t' ? "\n" : "\r\n";
  static const char *const tail[] = { "value", "qualifier", "source", "note" };

  if (separator != '\t')
    g_string_append (out, "\xef\xbb\xbf");
  g_string_append_printf (out, "country%cyear%cindicator", separator, separator);
  for (guint d = 0; d < n_dimensions; d++)
    {
      g_string_append_c (out, separator);
      append_cell (out, kam_dimension_get_id (kam_dataset_get_dimension (dataset, d)), separator);
    }
  for (guint c = 0; c < G_N_ELEMENTS (tail); c++)
    g_string_append_printf (out, "%c%s", separator, tail[c]);
  g_string_append (out, line_end);
  for (guint i = 0; i < n; i++)
    {
      KamFigureRow row;

      kam_figure_table_get_row (table, rows != NULL ? rows[i] : i, &row);
      append_cell (out, row.country, separator);
      g_string_append_printf (out, "%c%d%c", separator, row.year, separator);
      append_cell (out, row.indicator, separator);
      for (guint d = 0; d < n_dimensions; d++)
        {
          g_string_append_c (out, separator);
          append_cell (out, kam_dimension_get_member_code (kam_dataset_get_dimension (dataset, d), row.members[d]),
                       separator);
        }
      g_string_append_c (out, separator);
      if (kam_value_is_known (row.value))
        {
          g_autofree char *value = kam_number_to_text (row.value);
          g_string_append (out, value);
        }
      g_string_append_c (out, separator);
      if (row.qualifier != KAM_QUALIFIER_EXACT)
        g_string_append (out, kam_enum_to_nick (KAM_TYPE_QUALIFIER, row.qualifier));
      g_string_append_c (out, separator);
      append_cell (out, row.source, separator);
      g_string_append_c (out, separator);
      append_cell (out, row.note, separator);
      g_string_append (out, line_end);
    }
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

char *
kam_csv_export_text (KamDataset *dataset, gsize *length)
{
  return kam_csv_table_text (dataset, NULL, 0, ',', length);
}

gboolean
kam_csv_export_file (KamDataset *dataset, const char *path, GError **error)
{
  gsize length;
  g_autofree char *text = kam_csv_export_text (dataset, &length);

  return kam_file_write (path, text, length, KAM_WRITE_DEFAULT, error);
}

/* ---- import ----------------------------------------------------------------- */

/* The figures of a CSV file go through the table importer (kam-table.c), as
 * a table of one figure a row under a header of Kamlang's columns, its
 * cells read exactly. */
gboolean
kam_csv_import (KamDataset *dataset, const char *data, gsize length, guint *n_added, GError **error)
{
  char separator;
  g_autoptr (GPtrArray) records = kam_csv_parse (data, length, 0, &separator, error);
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) kam_table_problem_free);
  g_autoptr (GPtrArray) new_countries = g_ptr_array_new ();
  g_autoptr (KamSheet) sheet = NULL;
  KamTableLayout layout;
  GArray *rows = NULL;
  gboolean ok = FALSE;

  if (records == NULL)
    return FALSE;
  if (records->len == 0)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("The file is empty."));
      return FALSE;
    }
  /* undo exactly what the export did to every text, and nothing else */
  for (guint r = 0; r < records->len; r++)
    {
      KamCsvRecord *rec = g_ptr_array_index (records, r);

      for (guint f = 0; f < rec->fields->len; f++)
        kam_csv_unprotect (g_ptr_array_index (rec->fields, f));
    }
  sheet = kam_table_sheet_from_records ("CSV", records);
  g_clear_pointer (&records, g_ptr_array_unref);
  if (kam_table_layout_from_header (dataset, sheet, 0, KAM_TABLE_HEADER_REFUSE_UNKNOWN, TRUE, &layout, problems))
    {
      layout.exact = TRUE;
      layout.decimal_comma = separator == ';';
      rows = kam_table_read (dataset, sheet, &layout, new_countries, problems, NULL);
    }
  if (problems->len > 0)
    {
      g_autofree char *text = kam_table_problems_to_text (problems, 20);

      g_set_error_literal (error, KAM_ERROR, KAM_ERROR_INVALID, text);
    }
  else
    {
      kam_dataset_begin_group (dataset, _("Import figures"));
      ok = kam_dataset_add_figures (dataset, (KamFigureRow *) rows->data, rows->len, NULL, error);
      kam_dataset_end_group (dataset);
      if (ok && n_added != NULL)
        *n_added = rows->len;
    }
  if (rows != NULL)
    kam_paste_rows_free (rows);
  kam_table_layout_clear (&layout);
  return ok;
}

/**
 * kam_csv_import_file:
 *
 * Reads a CSV file of at most KAM_MAX_CSV_SIZE bytes and imports it; the
 * message of a failure starts with the file's name.
 */
gboolean
kam_csv_import_file (KamDataset *dataset, const char *path, guint *n_added, GError **error)
{
  g_autofree char *text = NULL;
  gsize length;
  g_autoptr (GError) local = NULL;

  if (!kam_file_read (path, KAM_MAX_CSV_SIZE, &text, &length, error))
    return FALSE;
  if (!kam_csv_import (dataset, text, length, n_added, &local))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local), "%s: ", path);
      return FALSE;
    }
  return TRUE;
}
