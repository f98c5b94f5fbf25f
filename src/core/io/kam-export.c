/* kam-export.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <png.h>
#include <sys/stat.h>
#include <zlib.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "kam-export.h"
#include "kam-chart-kinds.h"
#include "kam-file.h"
#include "kam-number.h"

gboolean
kam_export_format_from_path (const char *path, KamExportFormat *format)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".png"))
    *format = KAM_EXPORT_PNG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = KAM_EXPORT_PDF;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = KAM_EXPORT_SVG;
  else
    return FALSE;
  return TRUE;
}

/* Cairo writes into memory; the file is written whole at the end, through
 * kam_file_write, so that a failed export never leaves half a file. */
static cairo_status_t
append_to_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
finish (cairo_surface_t *surface, GByteArray *bytes, const char *path, GError **error)
{
  cairo_status_t status;

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return kam_file_write (path, (const char *) bytes->data, bytes->len, KAM_WRITE_DEFAULT, error);
}

static void
png_append (png_structp png, png_bytep data, size_t length)
{
  g_byte_array_append (png_get_io_ptr (png), data, length);
}

static void
png_flush_nothing (png_structp png)
{
}

/* Writes an image surface as PNG with libpng at zlib's fastest level: cairo's
 * own writer spends three quarters of an export compressing harder, and a
 * chart's flat colours compress almost as well either way. */
static gboolean
write_png (cairo_surface_t *surface, const char *path, gboolean opaque, GError **error)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  int width = cairo_image_surface_get_width (surface), height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  g_autofree guchar *row = g_malloc (width * 4);
  png_structp png;
  png_infop info;
  cairo_surface_flush (surface);
  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  info = png ? png_create_info_struct (png) : NULL;
  if (info == NULL || setjmp (png_jmpbuf (png)))
    {
      png_destroy_write_struct (&png, &info);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: the PNG encoder failed."), path);
      return FALSE;
    }
  png_set_write_fn (png, bytes, png_append, png_flush_nothing);
  png_set_compression_level (png, 1);
  /* long runs of one colour: run-length matching finds them at once */
  png_set_compression_strategy (png, Z_RLE);
  png_set_filter (png, 0, PNG_FILTER_SUB);
  png_set_IHDR (png, info, width, height, 8, opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGB_ALPHA,
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info (png, info);
  for (int y = 0; y < height; y++)
    {
      const guint32 *src = (const guint32 *) (data + (gsize) y * stride);
      guchar *out = row;

      for (int x = 0; x < width; x++)
        {
          guint32 p = src[x];
          guint a = p >> 24;

          if (opaque || a == 255)
            {
              out[0] = (p >> 16) & 0xff;
              out[1] = (p >> 8) & 0xff;
              out[2] = p & 0xff;
            }
          else
            {
              /* cairo keeps colours premultiplied by alpha; PNG does not */
              out[0] = a ? ((p >> 16) & 0xff) * 255 / a : 0;
              out[1] = a ? ((p >> 8) & 0xff) * 255 / a : 0;
              out[2] = a ? (p & 0xff) * 255 / a : 0;
            }
          if (!opaque)
            out[3] = a;
          out += opaque ? 3 : 4;
        }
      png_write_row (png, row);
    }
  png_write_end (png, info);
  png_destroy_write_struct (&png, &info);
  return kam_file_write (path, (const char *) bytes->data, bytes->len, KAM_WRITE_DEFAULT, error);
}

/* Cairo draws text as glyph outlines: a <title> names the picture for search
 * and for screen readers. */
static void
add_svg_title (GByteArray *bytes, const char *title)
{
  g_autofree char *escaped = g_markup_escape_text (title ? title : "", -1);
  g_autofree char *element = g_strdup_printf ("\n<title>%s</title>", escaped);
  const guint8 *svg = memmem (bytes->data, bytes->len, "<svg", 4);
  const guint8 *end = svg ? memchr (svg, '>', bytes->data + bytes->len - svg) : NULL;

  if (end != NULL)
    {
      gsize at = end + 1 - bytes->data, n = strlen (element), tail = bytes->len - at;

      g_byte_array_set_size (bytes, bytes->len + n);
      memmove (bytes->data + at + n, bytes->data + at, tail);
      memcpy (bytes->data + at, element, n);
    }
}

gboolean
kam_export_chart (KamChart *chart, const char *path, KamExportFormat format, double width,
                  double height, double dpi, gboolean transparent, GError **error)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  KamChartStyle style;
  double scale;

  if (width < 100 || height < 100 || width > 20000 || height > 20000)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID,
                   _("The size %.0f×%.0f is not between 100×100 and 20000×20000."), width, height);
      return FALSE;
    }
  if (dpi < 24 || dpi > 1200)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("The resolution %.0f dpi is not between 24 and 1200."), dpi);
      return FALSE;
    }
  switch (format)
    {
    case KAM_EXPORT_PNG:
      scale = dpi / 96.0;
      surface = cairo_image_surface_create (transparent ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, (int) (width * scale + 0.5),
                                            (int) (height * scale + 0.5));
      break;
    case KAM_EXPORT_PDF:
      scale = 0.75;
      surface = cairo_pdf_surface_create_for_stream (append_to_bytes, bytes, width * scale, height * scale);
      break;
    default:
      scale = 0.75;
      surface = cairo_svg_surface_create_for_stream (append_to_bytes, bytes, width * scale, height * scale);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
      break;
    }
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  kam_chart_style_init (&style, FALSE);
  style.transparent = transparent;
  kam_chart_render (chart, cr, &style, width, height);
  cairo_destroy (cr);
  if (format == KAM_EXPORT_PNG)
    {
      gboolean ok = write_png (surface, path, !transparent, error);

      cairo_surface_destroy (surface);
      return ok;
    }
  if (format == KAM_EXPORT_SVG)
    {
      cairo_surface_finish (surface);
      add_svg_title (bytes, kam_chart_get_title (chart));
    }
  return finish (surface, bytes, path, error);
}

/* ---- the report ------------------------------------------------------------ */

#define PAGE_W 842.0 /* A4 landscape, points */
#define PAGE_H 595.0
#define MARGIN 48.0

struct _KamReport
{
  KamDataset *dataset;
  KamChart *settings;
  GArray *order;        /* SortRow: figures by country, year, indicator */
  guint rows_per_page;
  int n_table_pages;
  gboolean agreements;
  GPtrArray *cited;     /* KamSource: the sources the figures cite, numbered from 1 */
  GHashTable *numbers;  /* source id → its number */
  int n_source_pages;
  char *title;
  char *today;
};

typedef struct
{
  cairo_t *cr;
  int page;
  int pages;
  const char *title;
} Report;

static PangoLayout *
report_text (Report *r, const char *text, double size, gboolean bold, double width)
{
  PangoLayout *layout = pango_cairo_create_layout (r->cr);
  PangoFontDescription *font = pango_font_description_from_string ("Noto Sans, DejaVu Sans, Khmer OS, sans-serif");

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  {
    /* every number of the report as the preference writes them */
    g_autofree char *shown = kam_number_localize (text ? text : "");
    pango_layout_set_text (layout, shown, -1);
  }
  if (width > 0)
    {
      pango_layout_set_width (layout, width * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  return layout;
}

static double
report_show (Report *r, const char *text, double x, double y, double size, gboolean bold, double width)
{
  g_autoptr (PangoLayout) layout = report_text (r, text, size, bold, width);
  int h;

  cairo_set_source_rgb (r->cr, 0.12, 0.12, 0.12);
  cairo_move_to (r->cr, x, y);
  pango_cairo_show_layout (r->cr, layout);
  pango_layout_get_pixel_size (layout, NULL, &h);
  return h;
}

static void
page_footer (Report *r)
{
  g_autofree char *number = g_strdup_printf (_("Page %d of %d"), r->page, r->pages);
  g_autoptr (PangoLayout) layout = report_text (r, number, 8, FALSE, 0);
  g_autoptr (PangoLayout) title = report_text (r, r->title, 8, FALSE, PAGE_W / 2);
  int w;

  pango_layout_get_pixel_size (layout, &w, NULL);
  cairo_set_source_rgb (r->cr, 0.4, 0.4, 0.4);
  cairo_move_to (r->cr, PAGE_W - MARGIN - w, PAGE_H - MARGIN / 2 - 8);
  pango_cairo_show_layout (r->cr, layout);
  cairo_move_to (r->cr, MARGIN, PAGE_H - MARGIN / 2 - 8);
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  pango_cairo_show_layout (r->cr, title);
}

typedef struct
{
  guint row;
  const char *label;   /* for sorting */
  const char *khmer;   /* the Khmer name, shown beside it when different */
} SortRow;

static KamFigureTable *sort_table;

static int
compare_report_rows (gconstpointer a, gconstpointer b)
{
  const SortRow *x = a, *y = b;
  int c = g_utf8_collate (x->label, y->label);

  if (c != 0)
    return c;
  c = kam_figure_table_get_year (sort_table, x->row) - kam_figure_table_get_year (sort_table, y->row);
  if (c != 0)
    return c;
  return g_strcmp0 (kam_figure_table_get_indicator (sort_table, x->row),
                    kam_figure_table_get_indicator (sort_table, y->row));
}

#define ROW_H 13.0
#define SOURCES_PER_PAGE 14
#define TABLE_TOP (MARGIN + 40)

KamReport *
kam_report_new (KamDataset *dataset, KamChart *settings)
{
  KamReport *report = g_new0 (KamReport, 1);
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  guint n = kam_figure_table_get_n_rows (table);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  report->dataset = g_object_ref (dataset);
  report->settings = settings ? g_object_ref (settings) : NULL;
  report->order = g_array_sized_new (FALSE, FALSE, sizeof (SortRow), n);
  for (guint i = 0; i < n; i++)
    {
      const char *code = kam_figure_table_get_country (table, i);
      KamCountry *country = code ? kam_dataset_lookup_country (dataset, code) : NULL;
      SortRow row = { i, kam_dataset_get_country_label (dataset, code), country ? kam_country_get_name_km (country) : NULL };

      if (row.khmer != NULL && g_strcmp0 (row.khmer, row.label) == 0)
        row.khmer = NULL;
      g_array_append_val (report->order, row);
    }
  sort_table = table;
  g_array_sort (report->order, compare_report_rows);
  report->rows_per_page = (guint) ((PAGE_H - TABLE_TOP - MARGIN) / ROW_H);
  report->n_table_pages = (n + report->rows_per_page - 1) / report->rows_per_page;
  report->agreements = g_list_model_get_n_items (kam_dataset_get_agreements (dataset)) > 0;
  /* the sources cited, numbered as the dataset lists them: the table gives a
   * figure's number, the end of the report each source in full */
  report->cited = g_ptr_array_new_with_free_func (g_object_unref);
  report->numbers = g_hash_table_new (g_str_hash, g_str_equal);
  {
    GListModel *sources = kam_dataset_get_sources (dataset);
    g_autoptr (GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < n; i++)
      if (kam_figure_table_get_source (table, i) != NULL)
        g_hash_table_add (used, (gpointer) kam_figure_table_get_source (table, i));
    for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
      {
        KamSource *source = g_list_model_get_item (sources, i);

        if (!g_hash_table_contains (used, kam_source_get_id (source)))
          {
            g_object_unref (source);
            continue;
          }
        g_ptr_array_add (report->cited, source);
        g_hash_table_insert (report->numbers, (gpointer) kam_source_get_id (source),
                             GUINT_TO_POINTER (report->cited->len));
      }
  }
  report->n_source_pages = report->cited->len > 0 ? (report->cited->len + SOURCES_PER_PAGE - 1) / SOURCES_PER_PAGE : 0;
  report->title = g_strdup (kam_dataset_get_title_label (dataset) ? kam_dataset_get_title_label (dataset) : _("Dataset"));
  report->today = g_date_time_format (now, "%Y-%m-%d");
  return report;
}

void
kam_report_free (KamReport *report)
{
  if (report == NULL)
    return;
  g_object_unref (report->dataset);
  g_clear_object (&report->settings);
  g_array_unref (report->order);
  g_ptr_array_unref (report->cited);
  g_hash_table_unref (report->numbers);
  g_free (report->title);
  g_free (report->today);
  g_free (report);
}

int
kam_report_get_n_pages (KamReport *report)
{
  return 1 + (int) kam_chart_kind_get_n_kinds () + report->n_table_pages + report->n_source_pages
         + (report->agreements ? 1 : 0);
}

static void
draw_title_page (KamReport *report, Report *r)
{
  double y = PAGE_H / 3;
  g_autofree char *date = g_strdup_printf (_("Report of %s"), report->today);

  y += report_show (r, report->title, MARGIN, y, 28, TRUE, PAGE_W - 2 * MARGIN) + 16;
  y += report_show (r, kam_dataset_get_description_label (report->dataset), MARGIN, y, 12, FALSE, PAGE_W - 2 * MARGIN) + 16;
  report_show (r, date, MARGIN, y, 11, FALSE, 0);
}

static void
draw_chart_page (KamReport *report, Report *r, KamChartKind kind)
{
  g_autoptr (KamChart) chart = kam_chart_new (report->dataset, kind);
  KamChart *settings = report->settings;
  KamChartStyle style;

  if (settings != NULL)
    {
      int first, last;
      kam_chart_set_scale (chart, kind == KAM_CHART_DESTINATIONS ? kam_chart_get_scale (settings) : KAM_SCALE_LINEAR);
      kam_chart_set_source (chart, kam_chart_get_source (settings));
      kam_chart_get_years (settings, &first, &last);
      kam_chart_set_years (chart, first, last);
      if (kind == kam_chart_get_kind (settings))
        {
          kam_chart_set_indicator (chart, kam_chart_get_indicator (settings));
          kam_chart_set_year (chart, kam_chart_get_year (settings));
          kam_chart_set_countries (chart, kam_chart_get_countries (settings));
        }
    }
  kam_chart_style_init (&style, FALSE);
  cairo_save (r->cr);
  cairo_translate (r->cr, MARGIN / 2, MARGIN / 2);
  /* the chart's own layout, at 96 dpi, scaled into the page */
  cairo_scale (r->cr, 0.75, 0.75);
  kam_chart_render (chart, r->cr, &style, (PAGE_W - MARGIN) / 0.75, (PAGE_H - MARGIN * 1.2) / 0.75);
  cairo_restore (r->cr);
}

static void
draw_table_page (KamReport *report, Report *r, guint start)
{
  static const double columns[] = { MARGIN, MARGIN + 165, MARGIN + 210, MARGIN + 370, MARGIN + 500, MARGIN + 620 };
  static const char *headers[] = { N_("Country"), N_("Year"), N_("Indicator"), N_("Breakdown"), N_("Value"),
                                   N_("Source") };
  KamDataset *dataset = report->dataset;
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  guint n = report->order->len;

  report_show (r, _("Figures"), MARGIN, MARGIN, 14, TRUE, 0);
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    report_show (r, _(headers[c]), columns[c], TABLE_TOP - ROW_H - 4, 9, TRUE, 0);
  for (guint i = start; i < MIN (n, start + report->rows_per_page); i++)
    {
      SortRow *sorted = &g_array_index (report->order, SortRow, i);
      guint row = sorted->row;
      double y = TABLE_TOP + (i - start) * ROW_H;
      /* ministry reports are read in both languages */
      g_autofree char *country = sorted->khmer ? g_strdup_printf ("%s  %s", sorted->label, sorted->khmer)
                                               : g_strdup (sorted->label);
      KamIndicator *indicator = kam_dataset_lookup_indicator (dataset, kam_figure_table_get_indicator (table, row));
      g_autofree char *year = kam_number_format_year (kam_figure_table_get_year (table, row));
      g_autofree char *number = kam_number_format_amount (
        kam_figure_table_get_value (table, row),
        indicator != NULL && kam_unit_is (kam_indicator_get_unit (indicator), KAM_UNIT_USD));
      g_autofree char *value = kam_value_is_known (kam_figure_table_get_value (table, row))
                                 ? kam_qualifier_mark_text (kam_figure_table_get_qualifier (table, row), number)
                                 : g_strdup (number);
      KamFigureRow members;
      g_autofree char *breakdown = NULL;
      const char *source_id = kam_figure_table_get_source (table, row);
      /* the source by its number: press sources read alike when cut */
      g_autofree char *source_text = source_id != NULL && g_hash_table_contains (report->numbers, source_id)
                                       ? kam_number_localize_take (g_strdup_printf (
                                           "[%u]", GPOINTER_TO_UINT (g_hash_table_lookup (report->numbers, source_id))))
                                       : NULL;
      const char *cells[] = { country, year,
                              kam_dataset_get_indicator_label (dataset, kam_figure_table_get_indicator (table, row)),
                              NULL, value, source_text ? source_text : "—" };

      kam_figure_table_get_row (table, row, &members);
      breakdown = kam_dataset_dup_members_label (dataset, members.members);
      /* Translators: the breakdown of a figure that is broken down by nothing */
      cells[3] = breakdown ? breakdown : _("Total");

      for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
        {
          double width = (c + 1 < G_N_ELEMENTS (columns) ? columns[c + 1] - columns[c] : PAGE_W - MARGIN - columns[c]) - 8;
          g_autoptr (PangoLayout) layout = report_text (r, cells[c], 9, FALSE, width);
          int w;

          pango_layout_set_wrap (layout, PANGO_WRAP_CHAR);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          pango_layout_get_pixel_size (layout, &w, NULL);
          cairo_set_source_rgb (r->cr, 0.12, 0.12, 0.12);
          /* values right-aligned */
          cairo_move_to (r->cr, c == 4 ? columns[5] - 16 - w : columns[c], y);
          pango_cairo_show_layout (r->cr, layout);
        }
    }
}

/* The sources the table numbers, each in full: title, publisher, date, URL. */
static void
draw_sources_page (KamReport *report, Report *r, guint start)
{
  double y = MARGIN + 30;

  report_show (r, _("Sources"), MARGIN, MARGIN, 14, TRUE, 0);
  for (guint i = start; i < MIN (report->cited->len, start + SOURCES_PER_PAGE); i++)
    {
      KamSource *source = g_ptr_array_index (report->cited, i);
      g_autofree char *number = kam_number_localize_take (g_strdup_printf ("[%u]", i + 1));
      GString *line = g_string_new (kam_source_get_title (source) ? kam_source_get_title (source)
                                                                   : kam_source_get_id (source));
      const char *parts[] = { kam_source_get_publisher (source), kam_source_get_date (source),
                              kam_source_get_url (source) };

      for (guint k = 0; k < G_N_ELEMENTS (parts); k++)
        if (parts[k] != NULL && *parts[k] != '\0')
          g_string_append_printf (line, ". %s", parts[k]);
      report_show (r, number, MARGIN, y, 10, TRUE, 0);
      y += report_show (r, line->str, MARGIN + 36, y, 10, FALSE, PAGE_W - 2 * MARGIN - 36) + 10;
      g_string_free (line, TRUE);
    }
}

static void
draw_agreements_page (KamReport *report, Report *r)
{
  GListModel *agreements = kam_dataset_get_agreements (report->dataset);
  double y = MARGIN + 30;

  report_show (r, _("Agreements"), MARGIN, MARGIN, 14, TRUE, 0);
  for (guint i = 0; i < g_list_model_get_n_items (agreements) && y < PAGE_H - MARGIN - 20; i++)
    {
      g_autoptr (KamAgreement) a = g_list_model_get_item (agreements, i);
      g_autofree char *line = g_strdup_printf ("%s — %s (%s)%s%s",
                                               kam_dataset_get_country_label (report->dataset, kam_agreement_get_country (a)),
                                               kam_agreement_get_title (a) ? kam_agreement_get_title (a) : "",
                                               kam_agreement_get_signed (a) ? kam_agreement_get_signed (a) : "?",
                                               kam_agreement_get_note (a) ? ". " : "",
                                               kam_agreement_get_note (a) ? kam_agreement_get_note (a) : "");
      y += report_show (r, line, MARGIN, y, 10, FALSE, PAGE_W - 2 * MARGIN) + 8;
    }
}

/**
 * kam_report_draw_page:
 * @page: from 0
 *
 * Draws one page, scaled to fit width x height (points, as on a PDF surface
 * or a print context).
 */
void
kam_report_draw_page (KamReport *report, cairo_t *cr, int page, double width, double height)
{
  Report r = { cr, page + 1, kam_report_get_n_pages (report), report->title };
  double scale = MIN (width / PAGE_W, height / PAGE_H);
  int charts = (int) kam_chart_kind_get_n_kinds (); /* a page each, in the kinds' order */

  cairo_save (cr);
  cairo_translate (cr, (width - PAGE_W * scale) / 2, (height - PAGE_H * scale) / 2);
  cairo_scale (cr, scale, scale);
  if (page == 0)
    draw_title_page (report, &r);
  else if (page <= charts)
    draw_chart_page (report, &r, KAM_CHART_DESTINATIONS + page - 1);
  else if (page <= charts + report->n_table_pages)
    draw_table_page (report, &r, (page - charts - 1) * report->rows_per_page);
  else if (page <= charts + report->n_table_pages + report->n_source_pages)
    draw_sources_page (report, &r, (page - charts - 1 - report->n_table_pages) * SOURCES_PER_PAGE);
  else
    draw_agreements_page (report, &r);
  page_footer (&r);
  cairo_restore (cr);
}

gboolean
kam_export_report (KamDataset *dataset, KamChart *settings, const char *path, GError **error)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  KamReport *report;
  cairo_surface_t *surface;
  cairo_t *cr;

  report = kam_report_new (dataset, settings);
  surface = cairo_pdf_surface_create_for_stream (append_to_bytes, bytes, PAGE_W, PAGE_H);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, report->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Kamlang");
  cr = cairo_create (surface);
  for (int page = 0; page < kam_report_get_n_pages (report); page++)
    {
      kam_report_draw_page (report, cr, page, PAGE_W, PAGE_H);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  kam_report_free (report);
  return finish (surface, bytes, path, error);
}
