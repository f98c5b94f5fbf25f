/* kam-wdi.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The World Bank's WDI CSV download: UTF-8 with a byte-order mark, CRLF, four
 * lines of metadata before the header, every field quoted, "" for a missing
 * value, and a trailing comma on every row. */

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include "kam-csv.h"
#include "kam-file.h"
#include "kam-number.h"
#include "kam-wdi.h"

/* A year column's heading: "2020", or "2020.0" as a spreadsheet may save it. */
static gboolean
year_from_header (const char *text, gint64 *year)
{
  char *end = NULL;
  gint64 y;

  if (!g_ascii_isdigit (*text))
    return FALSE;
  y = g_ascii_strtoll (text, &end, 10);
  if (end - text > 6)
    return FALSE;
  if (*end == '.')
    {
      end++;
      while (*end == '0')
        end++;
    }
  if (*end != '\0')
    return FALSE;
  *year = y;
  return TRUE;
}

static const char *
field (KamCsvRecord *record, guint i)
{
  return i < record->fields->len ? g_ptr_array_index (record->fields, i) : "";
}

/* Whether the country metadata beside the data file says the code is an
 * aggregate (no Region); sets *known when the file is there. */
static gboolean
is_aggregate (const char *path, const char *code, gboolean *known, char **name)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *meta_path = g_build_filename (dir, "", NULL);
  g_autofree char *meta_name = g_strconcat ("Metadata_Country_", base, NULL);
  g_autofree char *text = NULL;
  gsize length;
  g_autoptr (GPtrArray) records = NULL;

  *known = FALSE;
  g_free (meta_path);
  meta_path = g_build_filename (dir, meta_name, NULL);
  if (!kam_file_read (meta_path, KAM_MAX_WDI_SIZE, &text, &length, NULL))
    return FALSE;
  records = kam_csv_parse (text, length, ',', NULL, NULL);
  if (records == NULL || records->len == 0)
    return FALSE;
  *known = TRUE;
  for (guint i = 1; i < records->len; i++)
    {
      KamCsvRecord *r = g_ptr_array_index (records, i);
      if (g_str_equal (field (r, 0), code))
        {
          *name = g_strdup (field (r, 4));
          return *field (r, 1) == '\0';
        }
    }
  return FALSE;
}

gboolean
kam_wdi_import (KamDataset *dataset, const char *path, const char *country, const char *indicator,
                guint *n_added, GError **error)
{
  g_autofree char *text = NULL;
  gsize length;
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GArray) rows = g_array_new (FALSE, TRUE, sizeof (KamFigureRow));
  g_autofree char *updated = NULL, *source_id = NULL, *aggregate_name = NULL;
  KamCsvRecord *header = NULL, *data = NULL;
  const char *figure_country;
  gboolean known_meta, ok;
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  g_autoptr (GHashTable) years_seen = g_hash_table_new (NULL, NULL);
  g_autoptr (GError) local = NULL;

  country = country ? country : KAM_HOME_COUNTRY;
  indicator = indicator ? indicator : "remittances";
  if (kam_dataset_lookup_indicator (dataset, indicator) == NULL)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_NOT_FOUND, _("There is no indicator “%s” in this dataset."), indicator);
      return FALSE;
    }
  if (!kam_file_read (path, KAM_MAX_WDI_SIZE, &text, &length, error))
    return FALSE;
  records = kam_csv_parse (text, length, ',', NULL, &local);
  if (records == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local), "%s: ", path);
      return FALSE;
    }
  for (guint i = 0; i < records->len; i++)
    {
      KamCsvRecord *r = g_ptr_array_index (records, i);

      if (g_str_equal (field (r, 0), "Last Updated Date"))
        {
          g_free (updated);
          updated = g_strdup (field (r, 1));
        }
      else if (header == NULL && g_str_equal (field (r, 0), "Country Name") && g_str_equal (field (r, 1), "Country Code"))
        header = r;
      else if (header != NULL && g_str_equal (field (r, 1), country))
        data = r;
    }
  if (header == NULL)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID,
                   _("%s is not a World Bank WDI download: there is no header line starting with “Country Name”, “Country Code”."),
                   path);
      return FALSE;
    }
  if (data == NULL)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_NOT_FOUND, _("%s has no row for the country code “%s”."), path, country);
      return FALSE;
    }
  if (is_aggregate (path, country, &known_meta, &aggregate_name))
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID,
                   _("“%s” (%s) is an aggregate of countries, not a country."), country,
                   aggregate_name ? aggregate_name : "");
      return FALSE;
    }
  if (updated == NULL || !kam_partial_date_is_valid (updated))
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("%s has no valid “Last Updated Date”."), path);
      return FALSE;
    }

  /* the home country's series is the national total */
  if (g_str_equal (country, KAM_HOME_COUNTRY))
    figure_country = NULL;
  else if (kam_country_code_is_valid (country))
    figure_country = g_intern_string (country);
  else
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID,
                   _("“%s” is not a country code: use three capital letters A–Z, as in JPN."), country);
      return FALSE;
    }
  source_id = g_strdup_printf ("wb-wdi-%s", updated);

  for (guint c = 4; c < header->fields->len; c++)
    {
      const char *year_text = field (header, c), *value_text = field (data, c);
      gint64 year;
      char *end = NULL;
      KamFigureRow row = { figure_country, 0, g_intern_string (indicator), NAN, g_intern_string (source_id), NULL };
      gboolean duplicate = FALSE;

      /* the download ends every line with a comma: an empty last column */
      if (*year_text == '\0')
        continue;
      if (!year_from_header (year_text, &year))
        {
          g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID,
                       _("%s: line %u, column %u: the column heading “%s” is not a year."), path,
                       header->line, c + 1, year_text);
          return FALSE;
        }
      if (year < KAM_YEAR_MIN || year > KAM_YEAR_MAX)
        {
          g_autofree char *message = kam_rule_year_range_message (year_text);
          /* Translators: a file, a line, a column, then what is wrong there */
          g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("%s: line %u, column %u: %s."), path,
                       header->line, c + 1, message);
          return FALSE;
        }
      if (g_hash_table_contains (years_seen, GINT_TO_POINTER ((int) year)))
        {
          g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID,
                       _("%s: line %u, column %u: the year %s has a column already."), path,
                       header->line, c + 1, year_text);
          return FALSE;
        }
      g_hash_table_add (years_seen, GINT_TO_POINTER ((int) year));
      if (*value_text == '\0')
        continue;
      row.year = (int) year;
      row.value = g_ascii_strtod (value_text, &end);
      if (*end != '\0' || !isfinite (row.value))
        {
          g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("%s: line %u, column %u (%s): “%s” is not a number."),
                       path, data->line, c + 1, year_text, value_text);
          return FALSE;
        }
      if (signbit (row.value))
        {
          g_autofree char *message = kam_rule_negative_message (value_text);
          /* Translators: a file, a line, a column, its year, then what is wrong there */
          g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("%s: line %u, column %u (%s): %s."), path,
                       data->line, c + 1, year_text, message);
          return FALSE;
        }
      /* the same key from the same source (the index finds it): the same value
       * is not added twice; another value is a conflict the user must see */
      {
        int there = kam_figure_table_find_same_key (table, &row, 0);

        if (there >= 0 && kam_figure_table_get_value (table, there) != row.value)
          {
            g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID,
                         _("%s: line %u, column %u (%s): the dataset already has another value from this source for that year."),
                         path, data->line, c + 1, year_text);
            return FALSE;
          }
        duplicate = there >= 0;
      }
      if (!duplicate)
        g_array_append_val (rows, row);
    }

  kam_dataset_begin_group (dataset, _("Import World Bank data"));
  ok = TRUE;
  if (kam_dataset_lookup_source (dataset, source_id) == NULL)
    {
      g_autoptr (KamSource) source = kam_source_new (source_id);
      g_autofree char *title = g_strdup_printf (_("World Development Indicators: %s (%s)"), field (data, 2), field (data, 3));
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *note = g_strdup_printf (_("Imported from %s. Last Updated Date %s."), base, updated);

      kam_source_set_title (source, title);
      kam_source_set_publisher (source, "World Bank");
      kam_source_set_date (source, updated);
      kam_source_set_note (source, note);
      ok = kam_dataset_add_source (dataset, source, error);
    }
  if (ok && figure_country != NULL && kam_dataset_lookup_country (dataset, figure_country) == NULL)
    {
      g_autoptr (KamCountry) new_country = kam_country_new (figure_country);
      kam_country_set_name (new_country, field (data, 0));
      ok = kam_dataset_add_country (dataset, new_country, error);
    }
  if (ok)
    ok = kam_dataset_add_figures (dataset, (KamFigureRow *) rows->data, rows->len, NULL, error);
  kam_dataset_end_group (dataset);
  /* everything was checked above: nothing in the group can fail */
  g_return_val_if_fail (ok, FALSE);
  if (n_added != NULL)
    *n_added = rows->len;
  (void) known_meta;
  return TRUE;
}
