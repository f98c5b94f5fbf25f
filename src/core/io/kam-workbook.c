/* kam-workbook.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A workbook with live Excel charts, written with libxlsxwriter (Debian's
 * libxlsxwriter-dev: the C library that writes .xlsx files, charts
 * included, as Excel does): see kam-workbook.h. */

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>
#include <math.h>
#include <string.h>
#include <xlsxwriter.h>
#include "kam-figure-rules.h"
#include "kam-number.h"
#include "kam-palette.h"
#include "kam-workbook.h"

typedef struct
{
  lxw_workbook *book;
  lxw_format *heading, *count, *money, *title;
  GHashTable *sheet_names; /* taken, case-folded */
} Writer;

/* A sheet's name as Excel allows it: at most 31 characters, none of
 * []:*?/\, unique in the workbook. */
static char *
sheet_name (Writer *w, const char *wanted)
{
  GString *name = g_string_new (NULL);
  g_autofree char *folded = NULL;

  for (const char *p = wanted; *p != '\0' && g_utf8_strlen (name->str, -1) < 31; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (strchr ("[]:*?/\\'", (int) (c < 128 ? c : 'a')) != NULL && c < 128)
        g_string_append_c (name, ' ');
      else
        g_string_append_unichar (name, c);
    }
  for (int n = 2;; n++)
    {
      folded = g_utf8_casefold (name->str, -1);
      if (!g_hash_table_contains (w->sheet_names, folded))
        break;
      g_free (g_steal_pointer (&folded));
      g_string_printf (name, "%.*s %d", 25, wanted, n);
    }
  g_hash_table_add (w->sheet_names, g_steal_pointer (&folded));
  return g_string_free (name, FALSE);
}

static void
write_text (lxw_worksheet *sheet, guint row, guint column, const char *text, lxw_format *format)
{
  if (text != NULL && *text != '\0')
    worksheet_write_string (sheet, row, column, text, format);
}

static void
write_value (Writer *w, lxw_worksheet *sheet, guint row, guint column, double value, gboolean usd)
{
  if (kam_value_is_known (value))
    worksheet_write_number (sheet, row, column, value, usd || value != floor (value) ? w->money : w->count);
}

static gboolean
is_usd (KamDataset *dataset, const char *indicator)
{
  KamIndicator *found = kam_dataset_lookup_indicator (dataset, indicator);

  return found != NULL && kam_unit_is (kam_indicator_get_unit (found), KAM_UNIT_USD);
}

/* Figures: one per row, with everything it says. */
static void
write_figures (Writer *w, KamDataset *dataset)
{
  g_autofree char *name = sheet_name (w, _("Figures"));
  lxw_worksheet *sheet = workbook_add_worksheet (w->book, name);
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  guint n_dimensions = kam_dataset_get_n_dimensions (dataset), n = kam_figure_table_get_n_rows (table);
  guint column = 0, last;

  write_text (sheet, 0, column++, _("Country"), w->heading);
  write_text (sheet, 0, column++, _("Year"), w->heading);
  write_text (sheet, 0, column++, _("Indicator"), w->heading);
  for (guint d = 0; d < n_dimensions; d++)
    write_text (sheet, 0, column++, kam_dimension_get_label (kam_dataset_get_dimension (dataset, d)), w->heading);
  write_text (sheet, 0, column++, _("Value"), w->heading);
  write_text (sheet, 0, column++, _("Qualifier"), w->heading);
  write_text (sheet, 0, column++, _("Source"), w->heading);
  write_text (sheet, 0, column++, _("Note"), w->heading);
  last = column - 1;
  for (guint r = 0; r < n; r++)
    {
      KamFigureRow row;

      kam_figure_table_get_row (table, r, &row);
      column = 0;
      write_text (sheet, r + 1, column++, kam_dataset_get_country_label (dataset, row.country), NULL);
      worksheet_write_number (sheet, r + 1, column++, row.year, NULL);
      write_text (sheet, r + 1, column++, kam_dataset_get_indicator_label (dataset, row.indicator), NULL);
      for (guint d = 0; d < n_dimensions; d++)
        {
          KamDimension *dimension = kam_dataset_get_dimension (dataset, d);

          /* the total is no breakdown: an empty cell */
          if (row.members[d] != KAM_MEMBER_TOTAL)
            write_text (sheet, r + 1, column, kam_dimension_get_member_label (dimension, row.members[d]), NULL);
          column++;
        }
      write_value (w, sheet, r + 1, column++, row.value, is_usd (dataset, row.indicator));
      if (row.qualifier != KAM_QUALIFIER_EXACT)
        write_text (sheet, r + 1, column, kam_qualifier_get_mark (row.qualifier), NULL);
      column++;
      write_text (sheet, r + 1, column++, row.source, NULL);
      write_text (sheet, r + 1, column++, row.note, NULL);
    }
  worksheet_freeze_panes (sheet, 1, 0);
  worksheet_autofilter (sheet, 0, 0, MAX (n, 1), (lxw_col_t) last);
  worksheet_set_column (sheet, 0, 0, 22, NULL);
  worksheet_set_column (sheet, 2, 2, 28, NULL);
  worksheet_set_column (sheet, 3, (lxw_col_t) last, 14, NULL);
}

static int
compare_years (gconstpointer a, gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

/* An indicator's totals: countries down, years across, a totals row. Where
 * several sources give a figure, the latest source's. */
static void
write_indicator (Writer *w, KamDataset *dataset, KamIndicator *indicator)
{
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  const char *id = kam_indicator_get_id (indicator);
  g_autoptr (GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr (GPtrArray) countries = g_ptr_array_new ();
  g_autoptr (GHashTable) cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *name = NULL;
  lxw_worksheet *sheet;
  gboolean usd = is_usd (dataset, id), national = FALSE;
  guint n = kam_figure_table_get_n_rows (table), below;

  for (guint r = 0; r < n; r++)
    {
      KamFigureRow row;
      gboolean total = TRUE;
      g_autofree char *key = NULL;
      gpointer before;

      kam_figure_table_get_row (table, r, &row);
      for (guint d = 0; d < KAM_MAX_DIMENSIONS; d++)
        total &= row.members[d] == KAM_MEMBER_TOTAL;
      if (g_strcmp0 (row.indicator, id) != 0 || !total)
        continue;
      if (row.country == NULL)
        national = TRUE;
      else if (!g_ptr_array_find (countries, row.country, NULL))
        g_ptr_array_add (countries, (gpointer) row.country);
      {
        gboolean seen = FALSE;

        for (guint y = 0; y < years->len && !seen; y++)
          seen = g_array_index (years, int, y) == row.year;
        if (!seen)
          g_array_append_val (years, row.year);
      }
      key = g_strdup_printf ("%s/%d", row.country ? row.country : "", row.year);
      if ((before = g_hash_table_lookup (cells, key)) != NULL)
        {
          KamSource *old = kam_dataset_lookup_source (dataset, kam_figure_table_get_source (table, GPOINTER_TO_UINT (before) - 1));
          KamSource *new = kam_dataset_lookup_source (dataset, row.source);

          if (new == NULL || (old != NULL && g_strcmp0 (kam_source_get_date (old), kam_source_get_date (new)) >= 0))
            continue;
        }
      g_hash_table_insert (cells, g_steal_pointer (&key), GUINT_TO_POINTER (r + 1));
    }
  if (countries->len == 0 && !national)
    return;
  g_array_sort (years, compare_years);
  name = sheet_name (w, kam_dataset_get_indicator_label (dataset, id));
  sheet = workbook_add_worksheet (w->book, name);
  write_text (sheet, 0, 0, _("Country"), w->heading);
  for (guint y = 0; y < years->len; y++)
    worksheet_write_number (sheet, 0, y + 1, g_array_index (years, int, y), w->heading);
  for (guint c = 0; c < countries->len; c++)
    {
      const char *code = g_ptr_array_index (countries, c);

      write_text (sheet, c + 1, 0, kam_dataset_get_country_label (dataset, code), NULL);
      for (guint y = 0; y < years->len; y++)
        {
          g_autofree char *key = g_strdup_printf ("%s/%d", code, g_array_index (years, int, y));
          guint r = GPOINTER_TO_UINT (g_hash_table_lookup (cells, key));

          if (r > 0)
            write_value (w, sheet, c + 1, y + 1, kam_figure_table_get_value (table, r - 1), usd);
        }
    }
  /* the totals of the countries, as formulas (with their results, for
   * programs that do not compute); the national figures under them */
  below = countries->len + 1;
  if (countries->len > 0)
    write_text (sheet, below++, 0, _("Total"), w->heading);
  if (national)
    {
      write_text (sheet, below, 0, kam_dataset_get_country_label (dataset, NULL), NULL);
      for (guint y = 0; y < years->len; y++)
        {
          g_autofree char *key = g_strdup_printf ("/%d", g_array_index (years, int, y));
          guint r = GPOINTER_TO_UINT (g_hash_table_lookup (cells, key));

          if (r > 0)
            write_value (w, sheet, below, y + 1, kam_figure_table_get_value (table, r - 1), usd);
        }
    }
  for (guint y = 0; y < years->len && countries->len > 0; y++)
    {
      char from[16], to[16];
      g_autofree char *formula = NULL;
      double sum = 0;

      lxw_rowcol_to_cell (from, 1, (lxw_col_t) (y + 1));
      lxw_rowcol_to_cell (to, (lxw_row_t) countries->len, (lxw_col_t) (y + 1));
      formula = g_strdup_printf ("=SUM(%s:%s)", from, to);
      for (guint c = 0; c < countries->len; c++)
        {
          g_autofree char *key = g_strdup_printf ("%s/%d", (char *) g_ptr_array_index (countries, c),
                                                  g_array_index (years, int, y));
          guint r = GPOINTER_TO_UINT (g_hash_table_lookup (cells, key));

          if (r > 0 && kam_value_is_known (kam_figure_table_get_value (table, r - 1)))
            sum += kam_figure_table_get_value (table, r - 1);
        }
      worksheet_write_formula_num (sheet, countries->len + 1, y + 1, formula, usd ? w->money : w->count, sum);
    }
  worksheet_freeze_panes (sheet, 1, 1);
  worksheet_set_column (sheet, 0, 0, 22, NULL);
  worksheet_set_column (sheet, 1, (lxw_col_t) years->len, usd ? 16 : 11, NULL);
}

static void
write_sources (Writer *w, KamDataset *dataset)
{
  g_autofree char *name = sheet_name (w, _("Sources"));
  lxw_worksheet *sheet = workbook_add_worksheet (w->book, name);
  GListModel *sources = kam_dataset_get_sources (dataset);
  const char *headings[] = { _("Id"), _("Title"), _("Publisher"), _("Date"), _("Address"), _("Note") };

  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    write_text (sheet, 0, c, headings[c], w->heading);
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr (KamSource) s = g_list_model_get_item (sources, i);
      const char *cells[] = { kam_source_get_id (s), kam_source_get_title (s), kam_source_get_publisher (s),
                              kam_source_get_date (s), kam_source_get_url (s), kam_source_get_note (s) };

      for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
        write_text (sheet, i + 1, c, cells[c], NULL);
    }
  worksheet_freeze_panes (sheet, 1, 0);
  worksheet_set_column (sheet, 1, 1, 48, NULL);
}

static void
write_agreements (Writer *w, KamDataset *dataset)
{
  GListModel *agreements = kam_dataset_get_agreements (dataset);
  g_autofree char *name = NULL;
  lxw_worksheet *sheet;
  const char *headings[] = { _("Country"), _("Title"), _("Kind"), _("Signed"), _("Source"), _("Note") };

  if (g_list_model_get_n_items (agreements) == 0)
    return;
  name = sheet_name (w, _("Agreements"));
  sheet = workbook_add_worksheet (w->book, name);
  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    write_text (sheet, 0, c, headings[c], w->heading);
  for (guint i = 0; i < g_list_model_get_n_items (agreements); i++)
    {
      g_autoptr (KamAgreement) a = g_list_model_get_item (agreements, i);
      const char *cells[] = { kam_dataset_get_country_label (dataset, kam_agreement_get_country (a)),
                              kam_agreement_get_title (a),
                              kam_agreement_kind_get_label (kam_agreement_get_kind (a)),
                              kam_agreement_get_signed (a), kam_agreement_get_source (a), kam_agreement_get_note (a) };

      for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
        write_text (sheet, i + 1, c, cells[c], NULL);
    }
  worksheet_set_column (sheet, 1, 1, 40, NULL);
}

static lxw_color_t
color_of (guint n)
{
  KamChartStyle style;
  KamColor c;

  kam_chart_style_init (&style, FALSE);
  c = kam_palette_color (&style, n);
  return ((lxw_color_t) lround (c.r * 255) << 16) | ((lxw_color_t) lround (c.g * 255) << 8)
         | (lxw_color_t) lround (c.b * 255);
}

/* The chart's numbers on a sheet of their own (categories down, a column
 * per series) and a native chart of them beside. */
static void
write_chart (Writer *w, KamChart *chart)
{
  GPtrArray *series = kam_chart_get_series (chart);
  KamChartKind kind = kam_chart_get_kind (chart);
  g_autoptr (GPtrArray) categories = g_ptr_array_new ();
  g_autofree char *name = NULL;
  lxw_worksheet *sheet;
  lxw_chart *native;
  guint8 type;
  gboolean split = kam_chart_get_split (chart) != NULL;

  if (series == NULL || series->len == 0)
    return;
  /* the categories: the points' labels, in their order */
  for (guint s = 0; s < series->len; s++)
    {
      KamChartSeries *ser = g_ptr_array_index (series, s);

      for (guint p = 0; p < ser->points->len; p++)
        {
          const char *label = g_array_index (ser->points, KamChartPoint, p).label;
          gboolean seen = FALSE;

          for (guint k = 0; k < categories->len && !seen; k++)
            seen = g_str_equal (g_ptr_array_index (categories, k), label);
          if (!seen)
            g_ptr_array_add (categories, (gpointer) label);
        }
    }
  name = sheet_name (w, _("Chart"));
  sheet = workbook_add_worksheet (w->book, name);
  write_text (sheet, 0, 0, kam_chart_get_title (chart), w->title);
  for (guint s = 0; s < series->len; s++)
    write_text (sheet, 1, s + 1, ((KamChartSeries *) g_ptr_array_index (series, s))->name, w->heading);
  for (guint k = 0; k < categories->len; k++)
    write_text (sheet, k + 2, 0, g_ptr_array_index (categories, k), NULL);
  for (guint s = 0; s < series->len; s++)
    {
      KamChartSeries *ser = g_ptr_array_index (series, s);

      for (guint p = 0; p < ser->points->len; p++)
        {
          KamChartPoint *point = &g_array_index (ser->points, KamChartPoint, p);

          for (guint k = 0; k < categories->len; k++)
            if (g_str_equal (g_ptr_array_index (categories, k), point->label))
              write_value (w, sheet, k + 2, s + 1, point->value, kind == KAM_CHART_REMITTANCES);
        }
    }
  switch (kind)
    {
    case KAM_CHART_TREND:
      type = LXW_CHART_LINE;
      break;
    case KAM_CHART_SHARE:
      type = LXW_CHART_DOUGHNUT;
      break;
    case KAM_CHART_GENDER:
      type = LXW_CHART_BAR_STACKED;
      break;
    case KAM_CHART_QUOTA:
    case KAM_CHART_REMITTANCES:
      type = split ? LXW_CHART_COLUMN_STACKED : LXW_CHART_COLUMN;
      break;
    case KAM_CHART_DESTINATIONS:
    default:
      type = split ? LXW_CHART_BAR_STACKED : LXW_CHART_BAR;
    }
  native = workbook_add_chart (w->book, type);
  chart_title_set_name (native, kam_chart_get_title (chart));
  for (guint s = 0; s < series->len; s++)
    {
      KamChartSeries *ser = g_ptr_array_index (series, s);
      lxw_chart_series *out = chart_add_series (native, NULL, NULL);
      lxw_chart_fill fill = { .color = color_of (ser->color) };
      lxw_chart_line line = { .color = color_of (ser->color), .width = 2.25 };

      chart_series_set_categories (out, name, 2, 0, (lxw_row_t) (categories->len + 1), 0);
      chart_series_set_values (out, name, 2, (lxw_col_t) (s + 1), (lxw_row_t) (categories->len + 1),
                               (lxw_col_t) (s + 1));
      chart_series_set_name_range (out, name, 1, (lxw_col_t) (s + 1));
      if (type == LXW_CHART_LINE)
        chart_series_set_line (out, &line);
      else if (type == LXW_CHART_DOUGHNUT)
        {
          /* a colour per slice, as the ring has */
          g_autofree lxw_chart_fill *fills = g_new0 (lxw_chart_fill, categories->len);
          g_autofree lxw_chart_point *points = g_new0 (lxw_chart_point, categories->len);
          g_autofree lxw_chart_point **list = g_new0 (lxw_chart_point *, categories->len + 1);

          for (guint k = 0; k < categories->len; k++)
            {
              fills[k].color = color_of (k);
              points[k].fill = &fills[k];
              list[k] = &points[k];
            }
          chart_series_set_points (out, list);
        }
      else
        chart_series_set_fill (out, &fill);
    }
  if (series->len == 1 && type != LXW_CHART_DOUGHNUT)
    chart_legend_set_position (native, LXW_CHART_LEGEND_NONE);
  worksheet_set_column (sheet, 0, 0, 24, NULL);
  {
    lxw_chart_options options = { .x_scale = 1.6, .y_scale = 1.6 };

    worksheet_insert_chart_opt (sheet, 1, (lxw_col_t) (series->len + 2), native, &options);
  }
}

gboolean
kam_workbook_export (KamDataset *dataset, KamChart *chart, const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *temp = g_strdup_printf ("%s/.%s.%u.tmp", dir, base, (guint) g_random_int ());
  g_autofree char *shown = g_filename_display_basename (path);
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = NULL };
  Writer w = { 0 };
  GListModel *indicators = kam_dataset_get_indicators (dataset);
  lxw_error status;

  /* (libxlsxwriter would print its own error first) */
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR) || g_access (dir, W_OK) != 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, _("Could not write “%s”: %s."), shown,
                   g_strerror (g_file_test (dir, G_FILE_TEST_IS_DIR) ? EACCES : ENOENT));
      return FALSE;
    }
  w.book = workbook_new_opt (temp, &options);
  if (w.book == NULL)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("Could not write “%s”."), shown);
      return FALSE;
    }
  w.sheet_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  w.heading = workbook_add_format (w.book);
  format_set_bold (w.heading);
  w.title = workbook_add_format (w.book);
  format_set_bold (w.title);
  format_set_font_size (w.title, 14);
  w.count = workbook_add_format (w.book);
  format_set_num_format (w.count, "#,##0");
  w.money = workbook_add_format (w.book);
  format_set_num_format (w.money, "#,##0.00");
  workbook_set_properties (w.book, &(lxw_doc_properties){ .title = (char *) kam_dataset_get_title_label (dataset),
                                                           .comments = (char *) "Kamlang" });
  write_figures (&w, dataset);
  if (chart != NULL)
    write_chart (&w, chart);
  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr (KamIndicator) indicator = g_list_model_get_item (indicators, i);

      write_indicator (&w, dataset, indicator);
    }
  write_sources (&w, dataset);
  write_agreements (&w, dataset);
  status = workbook_close (w.book);
  g_hash_table_unref (w.sheet_names);
  if (status != LXW_NO_ERROR)
    {
      g_unlink (temp);
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("Could not write “%s”: %s."), shown, lxw_strerror (status));
      return FALSE;
    }
  if (g_rename (temp, path) != 0)
    {
      int saved = errno;

      g_unlink (temp);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), _("Could not write “%s”: %s."), shown,
                   g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
