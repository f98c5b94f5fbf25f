/* kam-workbook.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kam-chart.h"
#include "kam-dataset.h"

G_BEGIN_DECLS

/* A workbook for colleagues who work in Excel or LibreOffice, written with
 * libxlsxwriter: a Figures sheet (one figure per row, with its breakdowns,
 * qualifier, source and note; the header frozen, filters on, numbers with
 * thousands separators, unknown as an empty cell), one wide sheet per
 * indicator (countries down, years across, a row of totals), Sources and
 * Agreements, and, given a chart, a Chart sheet with its numbers and a
 * native Excel chart of them (bars, lines, ring, stacked, in Kamlang's
 * colours and with its title) that a colleague can restyle. Headings and
 * names are in the interface's language. Texts are written as text cells,
 * never as formulas. Written beside the target and then put in its place:
 * a failed export leaves any file there as it was. Its Figures sheet reads
 * back (kam_table_import_file) into the same figures. */
gboolean kam_workbook_export (KamDataset *dataset, KamChart *chart, const char *path, GError **error);

G_END_DECLS
