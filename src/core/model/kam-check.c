/* kam-check.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Data checks: things that are allowed in a file but that a careful analyst
 * wants to know about. Totals and groups are found through the figure
 * table's index; one pass per rule, linear in the number of figures. */

#include <glib/gi18n-lib.h>
#include "kam-check.h"
#include <math.h>
#include <string.h>
#include "kam-number.h"

void
kam_check_finding_free (KamCheckFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->where);
  g_free (finding->message);
  g_free (finding);
}

G_GNUC_PRINTF (5, 6)
static void
add (GPtrArray *findings, KamFigureTable *table, guint row, KamSeverity severity,
     const char *format, ...)
{
  KamCheckFinding *f = g_new0 (KamCheckFinding, 1);
  va_list args;

  f->severity = severity;
  f->figure_id = kam_figure_table_get_id (table, row);
  f->where = g_strdup_printf ("figures.rows[%u]", row);
  va_start (args, format);
  f->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (findings, f);
}

static int
compare_findings (gconstpointer a, gconstpointer b)
{
  const KamCheckFinding *x = *(KamCheckFinding **) a, *y = *(KamCheckFinding **) b;
  return x->figure_id < y->figure_id ? -1 : x->figure_id > y->figure_id;
}

/* "Thailand, 2021, Workers abroad" or "Thailand, 2021, Workers abroad, Women":
 * what a finding is about, named as the interface names them (in Khmer too). */
static char *
describe (KamDataset *dataset, const KamFigureRow *row)
{
  g_autofree char *members = kam_dataset_dup_members_label (dataset, row->members);

  return g_strdup_printf ("%s, %d, %s%s%s", kam_dataset_get_country_label (dataset, row->country),
                          row->year, kam_dataset_get_indicator_label (dataset, row->indicator), members ? ", " : "",
                          members ? members : "");
}

/* The value with its qualifier's mark, for messages: "≥ 1,300,000". */
static char *
with_mark (double value, KamQualifier qualifier)
{
  g_autofree char *number = kam_number_format (value, 2);

  return kam_qualifier_mark_text (qualifier, number);
}

/* The unit of the last significant digit of a rounded figure: 1,000 for
 * "about 45,000", 100,000,000 for "about 2,800,000,000". */
static double
rounding_of (double value)
{
  double unit = 1;

  if (value <= 0 || value >= 1e15 || value != floor (value))
    return 0;
  while (fmod (value, unit * 10) == 0)
    unit *= 10;
  return unit;
}

/* Whether two values of one key from two sources say the same thing. */
static gboolean
agree (double a, KamQualifier qa, double b, KamQualifier qb)
{
  if (a == b)
    return TRUE;
  if ((qa == KAM_QUALIFIER_LOWER_BOUND && b >= a) || (qb == KAM_QUALIFIER_LOWER_BOUND && a >= b))
    return TRUE;
  if ((qa == KAM_QUALIFIER_UPPER_BOUND && b <= a) || (qb == KAM_QUALIFIER_UPPER_BOUND && a <= b))
    return TRUE;
  if (qa == KAM_QUALIFIER_APPROXIMATE && fabs (a - b) < rounding_of (a))
    return TRUE;
  if (qb == KAM_QUALIFIER_APPROXIMATE && fabs (a - b) < rounding_of (b))
    return TRUE;
  return FALSE;
}

typedef struct
{
  KamDataset *dataset;
  KamFigureTable *table;
  GPtrArray *findings;
  guint n;
  const double *values;
  const guint8 *qualifiers;
} Run;

static gboolean
known (Run *run, guint row)
{
  return kam_value_is_known (run->values[row]);
}

/* Parts against their total: the members of one dimension against its total,
 * or (dimension -1) the countries against the national total. */
static void
check_parts (Run *run, int dimension)
{
  g_autofree double *sums = g_new0 (double, run->n);
  g_autofree guint *parts = g_new0 (guint, run->n);
  g_autofree guint8 *one_above = g_new0 (guint8, run->n);

  for (guint i = 0; i < run->n; i++)
    {
      KamFigureRow row;
      int total;

      kam_figure_table_get_row (run->table, i, &row);
      if (!known (run, i) || (dimension < 0 ? row.country == NULL : row.members[dimension] == 0))
        continue;
      if (dimension < 0)
        row.country = NULL;
      else
        row.members[dimension] = 0;
      total = kam_figure_table_find_same_key (run->table, &row, 0);
      if (total < 0 || !known (run, total))
        continue;
      sums[total] += run->values[i];
      parts[total]++;
      if (dimension >= 0 && run->values[i] > run->values[total]
          && run->qualifiers[total] != KAM_QUALIFIER_LOWER_BOUND)
        {
          KamDimension *dim = kam_dataset_get_dimension (run->dataset, dimension);
          KamFigureRow part;
          g_autofree char *what = NULL, *p = NULL, *t = NULL;

          kam_figure_table_get_row (run->table, i, &part);
          what = describe (run->dataset, &part);
          p = with_mark (run->values[i], run->qualifiers[i]);
          t = with_mark (run->values[total], run->qualifiers[total]);
          add (run->findings, run->table, i, KAM_SEVERITY_ERROR,
               _("%s: %s is more than the total of %s (all of “%s”) from the same source"), what, p,
               t, kam_dimension_get_label (dim));
          one_above[total] = TRUE;
        }
    }
  for (guint t = 0; t < run->n; t++)
    {
      KamFigureRow row;
      g_autofree char *what = NULL, *s = NULL, *v = NULL;

      if (parts[t] == 0 || sums[t] <= run->values[t] || one_above[t]
          || run->qualifiers[t] == KAM_QUALIFIER_LOWER_BOUND || (dimension >= 0 && parts[t] < 2))
        continue;
      kam_figure_table_get_row (run->table, t, &row);
      what = describe (run->dataset, &row);
      s = kam_number_format (sums[t], 2);
      v = with_mark (run->values[t], run->qualifiers[t]);
      if (dimension < 0)
        add (run->findings, run->table, t, KAM_SEVERITY_WARNING,
             _("%s: the countries add up to %s, more than the national total of %s"), what, s, v);
      else
        add (run->findings, run->table, t, KAM_SEVERITY_ERROR,
             _("%s: the members of “%s” add up to %s, more than their total of %s"), what,
             kam_dimension_get_label (kam_dataset_get_dimension (run->dataset, dimension)), s, v);
    }
}

/* Figures of one key from different sources. */
static void
check_sources (Run *run)
{
  for (guint i = 0; i < run->n; i++)
    {
      KamFigureRow row;
      const char *const *sources = kam_figure_table_get_sources (run->table);

      if (!known (run, i))
        continue;
      kam_figure_table_get_row (run->table, i, &row);
      /* against each earlier row of its group */
      for (int j = kam_figure_table_find_group (run->table, &row); j >= 0;
           j = kam_figure_table_group_next (run->table, j))
        {
          g_autofree char *what = NULL, *a = NULL, *b = NULL;
          double x = run->values[i], y = run->values[j];
          KamQualifier qx = run->qualifiers[i], qy = run->qualifiers[j];

          if ((guint) j >= i || !known (run, j) || sources[j] == sources[i])
            continue;
          what = describe (run->dataset, &row);
          a = with_mark (x, qx);
          b = with_mark (y, qy);
          if ((qx == KAM_QUALIFIER_LOWER_BOUND && qy == KAM_QUALIFIER_EXACT && x > y)
              || (qy == KAM_QUALIFIER_LOWER_BOUND && qx == KAM_QUALIFIER_EXACT && y > x))
            {
              add (run->findings, run->table, i, KAM_SEVERITY_ERROR,
                   _("%s: %s from “%s” cannot both hold with %s from “%s”"), what, a,
                   sources[i] ? sources[i] : "—", b, sources[j] ? sources[j] : "—");
              break;
            }
          if (!agree (x, qx, y, qy))
            {
              add (run->findings, run->table, i, KAM_SEVERITY_WARNING,
                   _("%s: %s from “%s” differs from %s from “%s”"), what, a,
                   sources[i] ? sources[i] : "—", b, sources[j] ? sources[j] : "—");
              break;
            }
        }
    }
}

GPtrArray *
kam_check_run (KamDataset *dataset, int current_year)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func ((GDestroyNotify) kam_check_finding_free);
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  Run run = { dataset, table, findings, kam_figure_table_get_n_rows (table), NULL, NULL };
  const char *const *indicators, *const *sources;
  const gint16 *years;

  if (run.n == 0)
    return findings;
  run.values = kam_figure_table_get_values (table);
  run.qualifiers = kam_figure_table_get_qualifiers (table);
  indicators = kam_figure_table_get_indicators (table);
  sources = kam_figure_table_get_sources (table);
  years = kam_figure_table_get_years (table);

  for (guint i = 0; i < run.n; i++)
    {
      KamIndicator *indicator = kam_dataset_lookup_indicator (dataset, indicators[i]);
      KamFigureRow row;
      g_autofree char *what = NULL;
      gboolean persons = indicator != NULL && known (&run, i)
                         && kam_unit_is (kam_indicator_get_unit (indicator), KAM_UNIT_PERSONS);
      gboolean implausible = persons && run.values[i] > KAM_PERSONS_PLAUSIBLE;
      gboolean fractional = persons && run.values[i] != floor (run.values[i]);

      if (sources[i] != NULL && !implausible && !fractional
          && (years[i] <= current_year || indicator == NULL
              || kam_indicator_get_kind (indicator) == KAM_INDICATOR_KIND_TARGET))
        continue;
      kam_figure_table_get_row (table, i, &row);
      what = describe (dataset, &row);
      if (implausible)
        {
          g_autofree char *value = kam_number_format (run.values[i], 0);
          add (findings, table, i, KAM_SEVERITY_WARNING,
               _("%s: %s persons is implausibly many; is a digit too many?"), what, value);
        }
      if (fractional)
        {
          g_autofree char *value = kam_number_to_text (run.values[i]);
          add (findings, table, i, KAM_SEVERITY_WARNING,
               _("%s: %s is not a whole number of persons"), what, value);
        }
      if (sources[i] == NULL)
        add (findings, table, i, KAM_SEVERITY_WARNING, _("%s: the figure cites no source"), what);
      if (years[i] > current_year && indicator != NULL
          && kam_indicator_get_kind (indicator) != KAM_INDICATOR_KIND_TARGET)
        add (findings, table, i, KAM_SEVERITY_ERROR,
             _("%s: the year %d is after the current year %d, but a count of people or money cannot be known yet"),
             what, years[i], current_year);
    }
  for (guint d = 0; d < kam_dataset_get_n_dimensions (dataset) && d < KAM_MAX_DIMENSIONS; d++)
    if (kam_figure_table_get_member_column (table, d) != NULL)
      check_parts (&run, (int) d);
  check_parts (&run, -1);
  check_sources (&run);

  g_ptr_array_sort (findings, compare_findings);
  return findings;
}
