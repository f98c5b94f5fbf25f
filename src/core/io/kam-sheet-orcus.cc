/* kam-sheet-orcus.cc
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Workbooks read by liborcus, LibreOffice's import library (Debian's
 * liborcus-dev): the one C++ file of Kamlang, behind kam-sheet.h. liborcus
 * reads .xlsx and .ods into a spreadsheet model with formulas' cached
 * results, merged cells and hidden rows and columns, parses XML without
 * fetching or expanding any external entity, and is kept by LibreOffice's
 * developers; libgsf would have left the XML of each format to us.
 *
 * Before liborcus sees a file, its size and the sizes its zip says it
 * unzips to are checked (a zip bomb is refused before anything is
 * inflated), and an encrypted workbook (an OLE container) or a text file
 * named .xlsx is told apart. No formula is computed: a cell shows what the
 * program that saved it computed.
 *
 * liborcus 0.17 (Debian 12) reads neither inline strings nor parts named by
 * absolute paths, both of which openpyxl (and so pandas) writes, nor
 * LibreOffice's hidden="true": such a package is first given relative
 * paths, shared strings (the strings' XML copied as written) and
 * hidden="1", and an .ods's covered cells (which it skips, shifting the
 * cells after them) become empty cells (normalize()); then it is read as
 * any other; an .ods's hidden rows and columns are read from it here
 * (find_ods_hidden()). Its merged cells are not read. */

#include <cmath>
#include <cstring>
#include <exception>
#include <string>
#include <string_view>

#include <vector>
#include <zlib.h>

#include <orcus/format_detection.hpp>
#include <orcus/zip_archive.hpp>
#include <orcus/zip_archive_stream.hpp>
#include <orcus/orcus_ods.hpp>
#include <orcus/orcus_xlsx.hpp>
#include <orcus/spreadsheet/document.hpp>
#include <orcus/spreadsheet/factory.hpp>
#include <orcus/spreadsheet/sheet.hpp>
#include <ixion/cell_access.hpp>
#include <ixion/model_context.hpp>

extern "C" {
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include "kam-sheet.h"
#include "kam-types.h"
}

namespace ss = orcus::spreadsheet;

static guint32
le32 (const guchar *p)
{
  return (guint32) p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) | ((guint32) p[3] << 24);
}

static guint16
le16 (const guchar *p)
{
  return (guint16) (p[0] | (p[1] << 8));
}

/* What the zip's central directory says its files unzip to, in all; FALSE
 * when the directory cannot be read. */
static gboolean
unzipped_size (const guchar *data, gsize length, guint64 *total)
{
  gsize end, at, cd_offset;
  guint n;

  if (length < 22)
    return FALSE;
  /* the end-of-directory record, within the last 64 KiB and 22 bytes */
  for (end = length - 22;; end--)
    {
      if (le32 (data + end) == 0x06054b50)
        break;
      if (end == 0 || length - end > 65535 + 22)
        return FALSE;
    }
  n = le16 (data + end + 10);
  cd_offset = le32 (data + end + 16);
  *total = 0;
  at = cd_offset;
  for (guint i = 0; i < n; i++)
    {
      guint32 size;

      if (at + 46 > length || le32 (data + at) != 0x02014b50)
        return FALSE;
      size = le32 (data + at + 24);
      if (size == 0xffffffff) /* zip64: more than 4 GiB */
        return FALSE;
      *total += size;
      at += 46 + le16 (data + at + 28) + le16 (data + at + 30) + le16 (data + at + 32);
    }
  return TRUE;
}

/* ---- openpyxl's packages, as liborcus 0.17 reads them ------------------- */

static void
put16 (std::string &out, guint v)
{
  out.push_back ((char) (v & 0xff));
  out.push_back ((char) ((v >> 8) & 0xff));
}

static void
put32 (std::string &out, guint32 v)
{
  put16 (out, v & 0xffff);
  put16 (out, v >> 16);
}

/* A zip of stored (uncompressed) entries. */
static std::string
write_zip (const std::vector<std::pair<std::string, std::string>> &entries)
{
  std::string out, directory;

  for (const auto &entry : entries)
    {
      guint32 crc = (guint32) crc32 (0, (const Bytef *) entry.second.data (), (uInt) entry.second.size ());
      guint32 offset = (guint32) out.size ();

      put32 (out, 0x04034b50);
      put16 (out, 20), put16 (out, 0x0800), put16 (out, 0), put16 (out, 0), put16 (out, 0);
      put32 (out, crc), put32 (out, (guint32) entry.second.size ()), put32 (out, (guint32) entry.second.size ());
      put16 (out, (guint) entry.first.size ()), put16 (out, 0);
      out += entry.first;
      out += entry.second;

      put32 (directory, 0x02014b50);
      put16 (directory, 20), put16 (directory, 20), put16 (directory, 0x0800), put16 (directory, 0);
      put16 (directory, 0), put16 (directory, 0);
      put32 (directory, crc), put32 (directory, (guint32) entry.second.size ());
      put32 (directory, (guint32) entry.second.size ());
      put16 (directory, (guint) entry.first.size ()), put16 (directory, 0), put16 (directory, 0);
      put16 (directory, 0), put16 (directory, 0), put32 (directory, 0), put32 (directory, offset);
      directory += entry.first;
    }
  {
    guint32 at = (guint32) out.size ();

    out += directory;
    put32 (out, 0x06054b50);
    put16 (out, 0), put16 (out, 0), put16 (out, (guint) entries.size ()), put16 (out, (guint) entries.size ());
    put32 (out, (guint32) directory.size ()), put32 (out, at), put16 (out, 0);
  }
  return out;
}

/* Every from replaced by to, in one pass (LibreOffice writes hidden="false"
 * on every row: replacing in place was quadratic). */
static void
replace_all (std::string &text, const std::string &from, const std::string &to)
{
  std::string out;
  size_t done = 0;

  for (size_t at = text.find (from); at != std::string::npos; at = text.find (from, at + from.size ()))
    {
      out.append (text, done, at - done).append (to);
      done = at + from.size ();
    }
  if (done == 0)
    return;
  out.append (text, done, std::string::npos);
  text.swap (out);
}

/* A sheet's inline strings (<c t="inlineStr"><is>…</is></c>) moved to the
 * shared strings (<si>…</si>, the same content as written): TRUE when
 * there were any. */
static bool
share_inline_strings (std::string &sheet, std::string &shared, guint &count)
{
  std::string out;
  size_t done = 0;
  bool any = false;

  /* one pass, the sheet written anew (replacing in place was quadratic:
   * seconds for a sheet of 10^5 cells) */
  for (size_t at = sheet.find ("<c "); at != std::string::npos; at = sheet.find ("<c ", at + 1))
    {
      size_t tag_end = sheet.find ('>', at);
      size_t type, is_start, is_end, cell_end;

      if (tag_end == std::string::npos)
        break;
      type = sheet.find (" t=\"inlineStr\"", at);
      if (type == std::string::npos || type > tag_end || sheet[tag_end - 1] == '/')
        continue;
      is_start = sheet.find ("<is>", tag_end);
      cell_end = sheet.find ("</c>", tag_end);
      is_end = sheet.find ("</is>", tag_end);
      if (is_start == std::string::npos || is_end == std::string::npos || cell_end == std::string::npos
          || is_start > cell_end || is_end > cell_end)
        continue;
      shared.append ("<si>").append (sheet, is_start + 4, is_end - is_start - 4).append ("</si>");
      out.append (sheet, done, type - done);
      out.append (" t=\"s\"");
      out.append (sheet, type + std::strlen (" t=\"inlineStr\""), tag_end + 1 - type - std::strlen (" t=\"inlineStr\""));
      out.append ("<v>").append (std::to_string (count++)).append ("</v>");
      done = cell_end;
      at = cell_end;
      any = true;
    }
  if (any)
    {
      out.append (sheet, done, std::string::npos);
      sheet.swap (out);
    }
  return any;
}

/* Hidden rows and columns of an .ods's sheets, which liborcus 0.17 does not
 * read: table-row and table-column elements with table:visibility
 * "collapse" or "filter", counted with their repeats. */
struct OdsHidden
{
  std::vector<std::vector<guint>> rows, columns; /* per sheet, pairs of first and end */
  guint64 tallest = 0; /* the most rows an .xlsx's sheet says it has (<dimension>) */
};

static guint
repeat_of (const std::string &tag, const char *attribute)
{
  size_t at = tag.find (attribute);

  return at == std::string::npos ? 1 : (guint) MAX (1, atoi (tag.c_str () + at + strlen (attribute)));
}

static void
find_ods_hidden (const std::string &content, OdsHidden &hidden)
{
  guint row = 0, column = 0;

  for (size_t at = content.find ('<'); at != std::string::npos; at = content.find ('<', at + 1))
    {
      size_t end = content.find ('>', at);
      std::string tag;
      bool collapsed;

      if (end == std::string::npos)
        break;
      if (content.compare (at, 13, "<table:table ") != 0 && content.compare (at, 17, "<table:table-row ") != 0
          && content.compare (at, 17, "<table:table-row>") != 0 && content.compare (at, 20, "<table:table-column ") != 0)
        continue;
      tag = content.substr (at, end - at);
      collapsed = tag.find ("table:visibility=\"collapse\"") != std::string::npos
                  || tag.find ("table:visibility=\"filter\"") != std::string::npos;
      if (tag.compare (0, 13, "<table:table ") == 0)
        {
          hidden.rows.emplace_back ();
          hidden.columns.emplace_back ();
          row = column = 0;
        }
      else if (hidden.rows.empty ())
        continue;
      else if (tag.compare (0, 16, "<table:table-row") == 0)
        {
          guint n = repeat_of (tag, "table:number-rows-repeated=\"");

          if (collapsed)
            hidden.rows.back ().insert (hidden.rows.back ().end (), { row, row + n });
          row += n;
        }
      else
        {
          guint n = repeat_of (tag, "table:number-columns-repeated=\"");

          if (collapsed)
            hidden.columns.back ().insert (hidden.columns.back ().end (), { column, column + n });
          column += n;
        }
    }
}

/* The package, rewritten when it has what liborcus 0.17 cannot read; the
 * same bytes otherwise. An .ods's hidden rows and columns are told in
 * hidden. */
static std::string
normalize (std::string_view data, OdsHidden &hidden)
{
  orcus::zip_archive_stream_blob stream ((const uint8_t *) data.data (), data.size ());
  orcus::zip_archive archive (&stream);
  std::vector<std::pair<std::string, std::string>> entries;
  std::string shared;
  guint count = 0;
  bool changed = false, has_shared = false;

  archive.load ();
  for (size_t i = 0; i < archive.get_file_entry_count (); i++)
    {
      std::string name (archive.get_file_entry_name (i));
      std::vector<unsigned char> buffer;

      if (!name.empty () && name.back () == '/')
        continue;
      archive.read_file_entry (name, buffer);
      entries.emplace_back (name, std::string (buffer.begin (), buffer.end ()));
      has_shared = has_shared || name == "xl/sharedStrings.xml";
    }
  /* inline strings are added after the shared strings there are (Gnumeric
   * writes both; openpyxl one or the other) */
  for (auto &entry : entries)
    if (entry.first == "xl/sharedStrings.xml")
      for (size_t at = entry.second.find ("<si"); at != std::string::npos; at = entry.second.find ("<si", at + 3))
        if (entry.second[at + 3] == '>' || entry.second[at + 3] == ' ')
          count++;
  guint base = count;
  for (auto &entry : entries)
    {
      /* liborcus 0.17 skips the cells a merged cell covers in an .ods,
       * putting the cells after them in the wrong columns: they are read as
       * empty cells (the merge itself is lost) */
      if (entry.first == "content.xml")
        find_ods_hidden (entry.second, hidden);
      if (entry.first == "content.xml" && entry.second.find ("<table:covered-table-cell") != std::string::npos)
        {
          replace_all (entry.second, "<table:covered-table-cell", "<table:table-cell");
          replace_all (entry.second, "</table:covered-table-cell>", "</table:table-cell>");
          changed = true;
        }
      /* a workbook's defined names (Gnumeric writes each sheet's title as
       * one, a string) go into liborcus 0.17's pool of strings before the
       * shared strings, whose numbers then point at the wrong strings: they
       * are not read (Kamlang uses none) */
      if (entry.first == "xl/workbook.xml")
        {
          size_t start = entry.second.find ("<definedNames>");
          size_t end = entry.second.find ("</definedNames>");

          if (start != std::string::npos && end != std::string::npos && end > start)
            {
              entry.second.erase (start, end + strlen ("</definedNames>") - start);
              changed = true;
            }
        }
      if (entry.first == "xl/_rels/workbook.xml.rels" && entry.second.find ("Target=\"/xl/") != std::string::npos)
        {
          replace_all (entry.second, "Target=\"/xl/", "Target=\"");
          changed = true;
        }
      if (entry.first.rfind ("xl/worksheets/", 0) == 0 && entry.first.find ("/_rels/") == std::string::npos)
        {
          /* how tall the sheet says it is ("A1:C1048576"), to refuse a
           * sheet too large before liborcus reads it */
          size_t dimension = entry.second.find ("<dimension ref=\"");

          if (dimension != std::string::npos && dimension < 4096)
            {
              const char *p = entry.second.c_str () + dimension + strlen ("<dimension ref=\"");
              const char *colon = strchr (p, ':');

              if (colon != NULL && colon - p < 16)
                {
                  p = colon + 1;
                  while (g_ascii_isalpha (*p))
                    p++;
                  hidden.tallest = MAX (hidden.tallest, g_ascii_strtoull (p, NULL, 10));
                }
            }
          changed = share_inline_strings (entry.second, shared, count) || changed;
          /* LibreOffice writes hidden="true" and hidden="false", which
           * liborcus 0.17 does not read as the 1 and 0 it expects */
          if (entry.second.find (" hidden=\"true\"") != std::string::npos
              || entry.second.find (" hidden=\"false\"") != std::string::npos)
            {
              replace_all (entry.second, " hidden=\"true\"", " hidden=\"1\"");
              replace_all (entry.second, " hidden=\"false\"", " hidden=\"0\"");
              changed = true;
            }
        }
    }
  if (!changed)
    return std::string (data);
  if (count > base && has_shared)
    for (auto &entry : entries)
      {
        size_t end = entry.second.rfind ("</sst>");
        size_t unique = entry.second.find (" uniqueCount=\"");

        if (entry.first != "xl/sharedStrings.xml" || end == std::string::npos)
          continue;
        entry.second.insert (end, shared);
        /* (the count liborcus may size its table by) */
        if (unique != std::string::npos && unique < 1024)
          {
            size_t quote = entry.second.find ('"', unique + strlen (" uniqueCount=\""));

            if (quote != std::string::npos)
              entry.second.replace (unique, quote + 1 - unique, " uniqueCount=\"" + std::to_string (count) + "\"");
          }
      }
  if (count > base && !has_shared)
    for (auto &entry : entries)
      {
        size_t end;

        if (entry.first == "xl/_rels/workbook.xml.rels" && (end = entry.second.rfind ("</Relationships>")) != std::string::npos)
          entry.second.insert (end, "<Relationship Id=\"rIdKamlangStrings\" "
                                    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" "
                                    "Target=\"sharedStrings.xml\"/>");
        if (entry.first == "[Content_Types].xml" && (end = entry.second.rfind ("</Types>")) != std::string::npos)
          entry.second.insert (end, "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/"
                                    "vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>");
      }
  if (count > base && !has_shared)
    entries.emplace_back ("xl/sharedStrings.xml",
                          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                          "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\""
                            + std::to_string (count) + "\" uniqueCount=\"" + std::to_string (count) + "\">" + shared
                            + "</sst>");
  return write_zip (entries);
}

/* A number as the shortest text that reads back as it: 45866, 0.5, 1e+20. */
static char *
number_text (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == std::floor (value) && std::fabs (value) < 1e15)
    return g_strdup_printf ("%.0f", value);
  for (int digits = 1; digits <= 17; digits++)
    {
      g_ascii_formatd (buffer, sizeof buffer, ("%." + std::to_string (digits) + "g").c_str (), value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  return g_strdup (buffer);
}

static KamSheet *
read_sheet (const ss::document &doc, ss::sheet_t index, GError **error)
{
  const ss::sheet *sheet = doc.get_sheet (index);
  const ixion::model_context &cxt = doc.get_model_context ();
  /* (the sheet's own get_data_range() says nothing in liborcus 0.17) */
  ixion::abs_range_t range = cxt.get_data_range (index);
  g_autoptr (KamSheet) out = g_new0 (KamSheet, 1);
  guint64 cells;

  out->name = g_strndup (doc.get_sheet_name (index).data (), doc.get_sheet_name (index).size ());
  out->merges = g_array_new (FALSE, FALSE, sizeof (KamSheetRange));
  if (!range.valid ())
    {
      out->texts = g_new0 (char *, 1);
      out->numbers = g_new0 (double, 1);
      out->hidden_rows = g_new0 (gboolean, 1);
      out->hidden_columns = g_new0 (gboolean, 1);
      return (KamSheet *) g_steal_pointer (&out);
    }
  /* from A1, so that a cell's place is the one the user sees */
  out->n_rows = (guint) range.last.row + 1;
  out->n_columns = (guint) range.last.column + 1;
  cells = (guint64) out->n_rows * out->n_columns;
  if (cells > KAM_MAX_SHEET_CELLS || out->n_rows > KAM_MAX_SHEET_ROWS)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_TOO_LARGE,
                   _("The sheet “%s” has %u rows and %u columns, more than a table Kamlang reads (%u cells)."),
                   out->name, out->n_rows, out->n_columns, (guint) KAM_MAX_SHEET_CELLS);
      return NULL;
    }
  out->texts = g_new0 (char *, cells);
  out->numbers = g_new (double, cells);
  out->hidden_rows = g_new0 (gboolean, out->n_rows);
  out->hidden_columns = g_new0 (gboolean, out->n_columns);
  for (guint r = 0; r < out->n_rows; r++)
    for (guint c = 0; c < out->n_columns; c++)
      {
        ixion::cell_access cell = cxt.get_cell_access (ixion::abs_address_t (index, r, c));
        guint64 at = (guint64) r * out->n_columns + c;

        out->numbers[at] = NAN;
        switch (cell.get_value_type ())
          {
          case ixion::cell_value_t::string:
            {
              std::string_view text = cell.get_string_value ();

              if (!text.empty ())
                out->texts[at] = g_strndup (text.data (), text.size ());
              break;
            }
          case ixion::cell_value_t::numeric:
            /* (a formula saved without its result reads as NaN: nothing) */
            if (std::isfinite (cell.get_numeric_value ()))
              {
                out->numbers[at] = cell.get_numeric_value ();
                out->texts[at] = number_text (out->numbers[at]);
              }
            break;
          case ixion::cell_value_t::boolean:
            out->texts[at] = g_strdup (cell.get_boolean_value () ? "TRUE" : "FALSE");
            break;
          default: /* empty, or a formula without a result */
            break;
          }
      }
  for (guint r = 0; r < out->n_rows; r++)
    {
      ss::row_t first = 0, last = 0;

      if (sheet->is_row_hidden ((ss::row_t) r, &first, &last))
        /* (the range's end is past its last row) */
        for (guint k = MAX ((guint) first, r); k < MIN ((guint) last, out->n_rows); k++)
          out->hidden_rows[k] = TRUE;
    }
  for (guint c = 0; c < out->n_columns; c++)
    {
      ss::col_t first = 0, last = 0;

      if (sheet->is_col_hidden ((ss::col_t) c, &first, &last))
        for (guint k = MAX ((guint) first, c); k < MIN ((guint) last, out->n_columns); k++)
          out->hidden_columns[k] = TRUE;
    }
  for (guint r = 0; r < out->n_rows; r++)
    for (guint c = 0; c < out->n_columns; c++)
      {
        ss::range_t merge = sheet->get_merge_cell_range ((ss::row_t) r, (ss::col_t) c);

        if (merge.first.row == (ss::row_t) r && merge.first.column == (ss::col_t) c
            && (merge.last.row > merge.first.row || merge.last.column > merge.first.column))
          {
            KamSheetRange m = { r, c, (guint) (merge.last.row - merge.first.row + 1),
                                (guint) (merge.last.column - merge.first.column + 1) };

            g_array_append_val (out->merges, m);
          }
      }
  return (KamSheet *) g_steal_pointer (&out);
}

extern "C" GPtrArray *
kam_sheet_read_file (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  guint64 unzipped = 0;
  g_autoptr (GPtrArray) sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) kam_sheet_free);
  g_autofree char *name = g_filename_display_basename (path);
  orcus::format_t format;
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_NOT_FOUND, _("Could not open “%s”: there is no such file."), name);
      return NULL;
    }
  if ((gsize) st.st_size > KAM_MAX_WORKBOOK_SIZE)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_TOO_LARGE,
                   _("“%s” is larger than a workbook Kamlang reads (%u MiB)."), name,
                   (guint) (KAM_MAX_WORKBOOK_SIZE >> 20));
      return NULL;
    }
  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  if (length >= 8 && memcmp (data, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) == 0)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID,
                   _("“%s” is an encrypted workbook or an old Excel file (.xls): save it unprotected as .xlsx or .ods."),
                   name);
      return NULL;
    }
  if (length < 4 || memcmp (data, "PK\x03\x04", 4) != 0)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID,
                   _("“%s” is not an .xlsx or .ods workbook (a workbook is a zip file); if it is text, import it as CSV."),
                   name);
      return NULL;
    }
  if (!unzipped_size ((const guchar *) data, length, &unzipped))
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("“%s” is damaged: its zip directory cannot be read."),
                   name);
      return NULL;
    }
  if (unzipped > KAM_MAX_WORKBOOK_UNZIPPED)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_TOO_LARGE,
                   _("“%s” unzips to %u MiB, more than a workbook Kamlang reads (%u MiB)."), name,
                   (guint) MIN (unzipped >> 20, G_MAXUINT), (guint) (KAM_MAX_WORKBOOK_UNZIPPED >> 20));
      return NULL;
    }
  try
    {
      format = orcus::detect ((const unsigned char *) data, length);
      if (format != orcus::format_t::xlsx && format != orcus::format_t::ods)
        {
          g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("“%s” is a zip file, but not an .xlsx or .ods workbook."),
                       name);
          return NULL;
        }
      ss::document doc{ ss::range_size_t{ 1048576, 16384 } };
      OdsHidden hidden;
      ss::import_factory factory{ doc };
      std::string_view stream{ data, length };

      if (format == orcus::format_t::xlsx)
        {
          std::string normal = normalize (stream, hidden);
          orcus::orcus_xlsx loader (&factory);

          if (hidden.tallest > KAM_MAX_SHEET_ROWS)
            {
              g_set_error (error, KAM_ERROR, KAM_ERROR_TOO_LARGE,
                           _("“%s” has a sheet of %u rows, more than Kamlang reads (%u)."), name,
                           (guint) hidden.tallest, (guint) KAM_MAX_SHEET_ROWS);
              return NULL;
            }
          loader.read_stream (normal);
        }
      else
        {
          std::string normal = normalize (stream, hidden);
          orcus::orcus_ods loader (&factory);

          loader.read_stream (normal);
        }
      for (ss::sheet_t i = 0; i < (ss::sheet_t) doc.get_sheet_count (); i++)
        {
          KamSheet *sheet = read_sheet (doc, i, error);

          if (sheet == NULL)
            return NULL;
          if (i < (ss::sheet_t) hidden.rows.size ())
            {
              const std::vector<guint> &rows = hidden.rows[i], &columns = hidden.columns[i];

              for (size_t k = 0; k + 1 < rows.size (); k += 2)
                for (guint r = rows[k]; r < rows[k + 1] && r < sheet->n_rows; r++)
                  sheet->hidden_rows[r] = TRUE;
              for (size_t k = 0; k + 1 < columns.size (); k += 2)
                for (guint c = columns[k]; c < columns[k + 1] && c < sheet->n_columns; c++)
                  sheet->hidden_columns[c] = TRUE;
            }
          g_ptr_array_add (sheets, sheet);
        }
    }
  catch (const std::exception &e)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("“%s” is damaged and cannot be read (%s)."), name, e.what ());
      return NULL;
    }
  if (sheets->len == 0)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("“%s” has no sheet."), name);
      return NULL;
    }
  return (GPtrArray *) g_steal_pointer (&sheets);
}
