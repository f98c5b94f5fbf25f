/* kam-export.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kam-chart.h"

G_BEGIN_DECLS

typedef enum
{
  KAM_EXPORT_PNG,
  KAM_EXPORT_PDF,
  KAM_EXPORT_SVG,
} KamExportFormat;

/* The format a file name asks for (.png, .pdf, .svg); FALSE if none. */
gboolean kam_export_format_from_path (const char *path, KamExportFormat *format);

/* Writes the chart with the same renderer as the screen. width and height are
 * pixels at 96 dpi: a PNG is drawn at `dpi` (so 1600x1000 at 192 dpi gives
 * 3200x2000 pixels); a PDF or SVG page has the same size in points (1 px =
 * 0.75 pt), vector, with its fonts embedded. The file is written whole or not
 * at all. */
gboolean kam_export_chart (KamChart *chart, const char *path, KamExportFormat format, double width,
                           double height, double dpi, gboolean transparent, GError **error);

/* A PDF report: a title page, one page per chart kind with the chart's
 * settings, the figures by country and year with their sources, the
 * agreements, page numbers. */
gboolean kam_export_report (KamDataset *dataset, KamChart *settings, const char *path, GError **error);

/* The report as pages, for printing: drawn one at a time on any cairo_t. */
typedef struct _KamReport KamReport;
KamReport *kam_report_new (KamDataset *dataset, KamChart *settings);
int kam_report_get_n_pages (KamReport *report);
void kam_report_draw_page (KamReport *report, cairo_t *cr, int page, double width, double height);
void kam_report_free (KamReport *report);

G_END_DECLS
