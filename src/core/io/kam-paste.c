/* kam-paste.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include "kam-number.h"
#include "kam-paste.h"

void
kam_paste_rows_free (GArray *rows)
{
  if (rows == NULL)
    return;
  for (guint i = 0; i < rows->len; i++)
    g_free ((char *) g_array_index (rows, KamFigureRow, i).note);
  g_array_unref (rows);
}

GArray *
kam_paste_parse (KamDataset *dataset, const char *text, GError **error)
{
  g_auto (GStrv) lines = NULL;
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (KamFigureRow));
  gboolean seen_header = FALSE;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("The pasted text is not valid UTF-8."));
      kam_paste_rows_free (rows);
      return NULL;
    }
  lines = g_strsplit (text, "\n", -1);
  for (guint l = 0; lines[l] != NULL; l++)
    {
      g_auto (GStrv) fields = NULL;
      KamFigureRow row = { NULL, 0, NULL, NAN, NULL, NULL };
      guint n;
      g_autoptr (GError) local = NULL;
      char *line = lines[l];
      gsize len = strlen (line);
      gint64 year;
      char *end = NULL;

      if (len > 0 && line[len - 1] == '\r')
        line[--len] = '\0';
      if (line[strspn (line, " \t")] == '\0')
        continue; /* blank lines are skipped */
      fields = g_strsplit (line, "\t", -1);
      n = g_strv_length (fields);
      for (guint f = 0; f < n; f++)
        g_strstrip (fields[f]);
      if (n < 4 || n > 6)
        {
          g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID,
                       _("Line %u: expected 4 to 6 fields separated by tabs (country, year, indicator, value, source, note), found %u."),
                       l + 1, n);
          goto fail;
        }
      year = g_ascii_strtoll (fields[1], &end, 10);
      if (end == fields[1] || *end != '\0')
        {
          if (rows->len == 0 && !seen_header)
            {
              seen_header = TRUE; /* a header line */
              continue;
            }
          g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID,
                       _("Line %u, year: “%s” is not a year."), l + 1, fields[1]);
          goto fail;
        }
      row.year = (int) CLAMP (year, G_MININT, G_MAXINT);
      if (fields[0][0] != '\0')
        {
          row.country = kam_dataset_find_key (dataset, KAM_FIGURE_FIELD_COUNTRY, fields[0], TRUE);
          if (row.country == NULL)
            {
              g_set_error (error, KAM_ERROR, KAM_ERROR_NOT_FOUND,
                           _("Line %u, country: there is no country “%s” in this dataset."), l + 1,
                           fields[0]);
              goto fail;
            }
        }
      row.indicator = kam_dataset_find_key (dataset, KAM_FIGURE_FIELD_INDICATOR, fields[2], TRUE);
      if (row.indicator == NULL)
        {
          g_set_error (error, KAM_ERROR, KAM_ERROR_NOT_FOUND,
                       _("Line %u, indicator: there is no indicator “%s” in this dataset."), l + 1,
                       fields[2]);
          goto fail;
        }
      if (!kam_number_parse (fields[3], &row.value, &local)
          || !kam_rule_check_typed_value (dataset, row.indicator, row.value, &local))
        {
          g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("Line %u, value: %s"), l + 1,
                       local->message);
          goto fail;
        }
      if (n > 4 && fields[4][0] != '\0')
        {
          row.source = kam_dataset_find_key (dataset, KAM_FIGURE_FIELD_SOURCE, fields[4], TRUE);
          if (row.source == NULL)
            {
              g_set_error (error, KAM_ERROR, KAM_ERROR_NOT_FOUND,
                           _("Line %u, source: there is no source “%s” in this dataset."), l + 1,
                           fields[4]);
              goto fail;
            }
        }
      if (!kam_dataset_validate_row (dataset, &row, 0, &local))
        {
          g_prefix_error (&local, _("Line %u: "), l + 1);
          g_propagate_error (error, g_steal_pointer (&local));
          goto fail;
        }
      row.note = n > 5 && fields[5][0] != '\0' ? g_strdup (fields[5]) : NULL;
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
