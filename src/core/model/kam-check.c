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

/* Whether a and b say the same: the fields their kind's words are made of. */
gboolean
kam_check_finding_equal (const KamCheckFinding *a, const KamCheckFinding *b)
{
  gboolean values = FALSE, others = FALSE, sources = FALSE;

  if (a->severity != b->severity || a->kind != b->kind || a->figure_id != b->figure_id || a->row != b->row
      || a->country != b->country || a->indicator != b->indicator || a->year != b->year
      || memcmp (a->members, b->members, sizeof a->members) != 0)
    return FALSE;
  switch (a->kind)
    {
    case KAM_CHECK_IMPLAUSIBLE:
    case KAM_CHECK_FRACTIONAL:
      return memcmp (&a->value, &b->value, sizeof a->value) == 0;
    case KAM_CHECK_NO_SOURCE:
    case KAM_CHECK_FOLLOW_UP:
      return TRUE;
    case KAM_CHECK_FUTURE:
      return a->current_year == b->current_year;
    case KAM_CHECK_PART_ABOVE_TOTAL:
    case KAM_CHECK_COUNTRIES_ADD_UP:
    case KAM_CHECK_MEMBERS_ADD_UP:
      values = others = TRUE;
      break;
    default:
      values = others = sources = TRUE;
    }
  return (!values || (memcmp (&a->value, &b->value, sizeof a->value) == 0 && a->qualifier == b->qualifier))
         && (!others
             || (memcmp (&a->other, &b->other, sizeof a->other) == 0 && a->other_qualifier == b->other_qualifier
                 && a->dimension == b->dimension))
         && (!sources || (a->source == b->source && a->other_source == b->other_source));
}

const char *
kam_check_finding_get_where (KamCheckFinding *f)
{
  if (f->where == NULL)
    f->where = g_strdup_printf ("figures.rows[%u]", f->row);
  return f->where;
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

/* Whether the indicator counts money (US$), whose cents a message gives. */
static gboolean
is_money (KamDataset *dataset, const char *indicator)
{
  KamIndicator *found = indicator != NULL ? kam_dataset_lookup_indicator (dataset, indicator) : NULL;

  return found != NULL && kam_unit_is (kam_indicator_get_unit (found), KAM_UNIT_USD);
}

/* A value as a message writes it: persons whole (no cents on people), money
 * with its cents. */
static char *
amount (KamDataset *dataset, const char *indicator, double value)
{
  return is_money (dataset, indicator) ? kam_number_format_amount (value, TRUE)
                                       : kam_number_format (value, value == floor (value) ? 0 : 2);
}

/* The value with its qualifier's mark, for messages: "≥ 1,300,000". */
static char *
with_mark (KamDataset *dataset, const char *indicator, double value, KamQualifier qualifier)
{
  g_autofree char *number = amount (dataset, indicator, value);

  return kam_qualifier_mark_text (qualifier, number);
}

/* A source as people know it ("The Phnom Penh Post, 2022-03"), not its id. */
static char *
source_name (KamDataset *dataset, const char *id)
{
  char *label = id != NULL ? kam_dataset_dup_source_label (dataset, id) : NULL;

  return label != NULL ? label : g_strdup (id != NULL ? id : "—");
}

/**
 * kam_check_finding_get_message:
 *
 * Returns: (transfer none): the finding in words, made on the first call
 */
const char *
kam_check_finding_get_message (KamCheckFinding *f, KamDataset *dataset)
{
  KamFigureRow row = { f->country, f->year, f->indicator, f->value, f->source, NULL };
  g_autofree char *what = NULL, *a = NULL, *b = NULL, *source = NULL, *other_source = NULL;
  const char *dimension = NULL;

  if (f->message != NULL)
    return f->message;
  row.qualifier = f->qualifier;
  memcpy (row.members, f->members, sizeof row.members);
  what = describe (dataset, &row);
  if (f->dimension >= 0 && (guint) f->dimension < kam_dataset_get_n_dimensions (dataset))
    dimension = kam_dimension_get_label (kam_dataset_get_dimension (dataset, f->dimension));
  switch (f->kind)
    {
    case KAM_CHECK_IMPLAUSIBLE:
      a = kam_number_format (f->value, 0);
      f->message = g_strdup_printf (_("%s: %s persons is implausibly many; is a digit too many?"), what, a);
      break;
    case KAM_CHECK_FRACTIONAL:
      a = kam_number_to_text (f->value);
      f->message = g_strdup_printf (_("%s: %s is not a whole number of persons"), what, a);
      break;
    case KAM_CHECK_NO_SOURCE:
      f->message = g_strdup_printf (_("%s: the figure cites no source"), what);
      break;
    case KAM_CHECK_FOLLOW_UP:
      {
        KamFigureTable *table = kam_dataset_get_figures (dataset);
        int row_now = kam_figure_table_find_row (table, f->figure_id);

        a = row_now >= 0 ? kam_rule_dup_follow_up (kam_figure_table_get_note (table, row_now)) : NULL;
        f->message = g_strdup_printf (_("%s: to follow up: %s"), what, a ? a : "");
      }
      break;
    case KAM_CHECK_FUTURE:
      f->message = g_strdup_printf (
        _("%s: the year %d is after the current year %d, but a count of people or money cannot be known yet"), what,
        f->year, f->current_year);
      break;
    case KAM_CHECK_PART_ABOVE_TOTAL:
      a = with_mark (dataset, f->indicator, f->value, f->qualifier);
      b = with_mark (dataset, f->indicator, f->other, f->other_qualifier);
      f->message = g_strdup_printf (_("%s: %s is more than the total of %s (all of “%s”) from the same source"),
                                    what, a, b, dimension ? dimension : "");
      break;
    case KAM_CHECK_COUNTRIES_ADD_UP:
      a = amount (dataset, f->indicator, f->other);
      b = with_mark (dataset, f->indicator, f->value, f->qualifier);
      f->message = g_strdup_printf (_("%s: the countries add up to %s, more than the national total of %s"), what, a,
                                    b);
      break;
    case KAM_CHECK_MEMBERS_ADD_UP:
      a = amount (dataset, f->indicator, f->other);
      b = with_mark (dataset, f->indicator, f->value, f->qualifier);
      f->message = g_strdup_printf (_("%s: the members of “%s” add up to %s, more than their total of %s"), what,
                                    dimension ? dimension : "", a, b);
      break;
    case KAM_CHECK_BOUNDS_CONFLICT:
    case KAM_CHECK_SOURCES_DIFFER:
    default:
      a = with_mark (dataset, f->indicator, f->value, f->qualifier);
      b = with_mark (dataset, f->indicator, f->other, f->other_qualifier);
      source = source_name (dataset, f->source);
      other_source = source_name (dataset, f->other_source);
      f->message = g_strdup_printf (f->kind == KAM_CHECK_BOUNDS_CONFLICT
                                      ? _("%s: %s from “%s” cannot both hold with %s from “%s”")
                                      : _("%s: %s from “%s” differs from %s from “%s”"),
                                    what, a, source, b, other_source);
      break;
    }
  return f->message;
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

typedef enum
{
  PHASE_ROWS,         /* each figure alone */
  PHASE_PARTS_SUM,    /* parts added to their totals */
  PHASE_PARTS_REPORT, /* totals their parts exceed */
  PHASE_SOURCES,      /* figures of one key from different sources */
  PHASE_DONE,
} Phase;

/* Rows checked between two looks at the clock. */
#define CHUNK 1024

struct _KamChecker
{
  KamDataset *dataset;
  KamFigureTable *table;
  int current_year;
  GPtrArray *findings;
  guint n;
  const double *values;
  const guint8 *qualifiers;
  guint64 stamp, state; /* of the figures when the run started */
  Phase phase;
  guint next;    /* the phase's next row */
  int dimension; /* whose parts: a dimension, or -1 for the countries */
  double *sums;
  guint *parts;
  guint8 *one_above;
};

/* A finding about the figure of this row, as data. */
static KamCheckFinding *
add (KamChecker *self, guint row, KamSeverity severity, KamCheckKind kind)
{
  KamCheckFinding *f = g_new0 (KamCheckFinding, 1);
  KamFigureRow r;

  kam_figure_table_get_row (self->table, row, &r);
  f->severity = severity;
  f->kind = kind;
  f->figure_id = kam_figure_table_get_id (self->table, row);
  f->row = row;
  f->country = r.country;
  f->indicator = r.indicator;
  f->source = r.source;
  f->year = r.year;
  memcpy (f->members, r.members, sizeof f->members);
  f->value = r.value;
  f->qualifier = r.qualifier;
  f->dimension = -1;
  f->current_year = self->current_year;
  g_ptr_array_add (self->findings, f);
  return f;
}

static gboolean
known (KamChecker *self, guint row)
{
  return kam_value_is_known (self->values[row]);
}

static void
check_rows (KamChecker *self, guint from, guint to)
{
  KamDataset *dataset = self->dataset;
  const char *const *indicators = kam_figure_table_get_indicators (self->table);
  const char *const *sources = kam_figure_table_get_sources (self->table);
  const gint16 *years = kam_figure_table_get_years (self->table);
  const char *const *notes = kam_figure_table_get_notes (self->table);

  for (guint i = from; i < to; i++)
    {
      KamIndicator *indicator = kam_dataset_lookup_indicator (dataset, indicators[i]);
      gboolean persons = indicator != NULL && known (self, i)
                         && kam_unit_is (kam_indicator_get_unit (indicator), KAM_UNIT_PERSONS);
      gboolean implausible = persons && self->values[i] > KAM_PERSONS_PLAUSIBLE;
      gboolean fractional = persons && self->values[i] != floor (self->values[i]);

      if (notes[i] != NULL && strstr (notes[i], KAM_FOLLOW_UP_MARK) != NULL)
        {
          g_autofree char *line = kam_rule_dup_follow_up (notes[i]);

          if (line != NULL)
            add (self, i, KAM_SEVERITY_WARNING, KAM_CHECK_FOLLOW_UP);
        }
      if (sources[i] != NULL && !implausible && !fractional
          && (years[i] <= self->current_year || indicator == NULL
              || kam_indicator_get_kind (indicator) == KAM_INDICATOR_KIND_TARGET))
        continue;
      if (implausible)
        add (self, i, KAM_SEVERITY_WARNING, KAM_CHECK_IMPLAUSIBLE);
      if (fractional)
        add (self, i, KAM_SEVERITY_WARNING, KAM_CHECK_FRACTIONAL);
      if (sources[i] == NULL)
        add (self, i, KAM_SEVERITY_WARNING, KAM_CHECK_NO_SOURCE);
      if (years[i] > self->current_year && indicator != NULL
          && kam_indicator_get_kind (indicator) != KAM_INDICATOR_KIND_TARGET)
        add (self, i, KAM_SEVERITY_ERROR, KAM_CHECK_FUTURE);
    }
}

/* Parts against their total: the members of one dimension against its total,
 * or (dimension -1) the countries against the national total. First each part
 * is added to its total's sum... */
static void
sum_parts (KamChecker *self, guint from, guint to)
{
  int dimension = self->dimension;

  for (guint i = from; i < to; i++)
    {
      KamFigureRow row;
      int total;

      kam_figure_table_get_row (self->table, i, &row);
      if (!known (self, i) || (dimension < 0 ? row.country == NULL : row.members[dimension] == 0))
        continue;
      if (dimension < 0)
        row.country = NULL;
      else
        row.members[dimension] = 0;
      total = kam_figure_table_find_same_key (self->table, &row, 0);
      if (total < 0 || !known (self, total))
        continue;
      self->sums[total] += self->values[i];
      self->parts[total]++;
      if (dimension >= 0 && self->values[i] > self->values[total]
          && self->qualifiers[total] != KAM_QUALIFIER_LOWER_BOUND)
        {
          KamCheckFinding *f = add (self, i, KAM_SEVERITY_ERROR, KAM_CHECK_PART_ABOVE_TOTAL);

          f->other = self->values[total];
          f->other_qualifier = self->qualifiers[total];
          f->dimension = dimension;
          self->one_above[total] = TRUE;
        }
    }
}

/* ... then the totals their parts exceed are told. */
static void
report_parts (KamChecker *self, guint from, guint to)
{
  int dimension = self->dimension;

  for (guint t = from; t < to; t++)
    {
      KamCheckFinding *f;

      if (self->parts[t] == 0 || self->sums[t] <= self->values[t] || self->one_above[t]
          || self->qualifiers[t] == KAM_QUALIFIER_LOWER_BOUND || (dimension >= 0 && self->parts[t] < 2))
        continue;
      if (dimension < 0)
        f = add (self, t, KAM_SEVERITY_WARNING, KAM_CHECK_COUNTRIES_ADD_UP);
      else
        f = add (self, t, KAM_SEVERITY_ERROR, KAM_CHECK_MEMBERS_ADD_UP);
      f->other = self->sums[t];
      f->dimension = dimension;
    }
}

/* Figures of one key from different sources. */
static void
check_sources (KamChecker *self, guint from, guint to)
{
  const char *const *sources = kam_figure_table_get_sources (self->table);

  for (guint i = from; i < to; i++)
    {
      KamFigureRow row;

      if (!known (self, i))
        continue;
      kam_figure_table_get_row (self->table, i, &row);
      /* against each earlier row of its group */
      for (int j = kam_figure_table_find_group (self->table, &row); j >= 0;
           j = kam_figure_table_group_next (self->table, j))
        {
          double x = self->values[i], y = self->values[j];
          KamQualifier qx = self->qualifiers[i], qy = self->qualifiers[j];
          KamCheckFinding *f = NULL;

          if ((guint) j >= i || !known (self, j) || sources[j] == sources[i])
            continue;
          if ((qx == KAM_QUALIFIER_LOWER_BOUND && qy == KAM_QUALIFIER_EXACT && x > y)
              || (qy == KAM_QUALIFIER_LOWER_BOUND && qx == KAM_QUALIFIER_EXACT && y > x))
            f = add (self, i, KAM_SEVERITY_ERROR, KAM_CHECK_BOUNDS_CONFLICT);
          else if (!agree (x, qx, y, qy))
            f = add (self, i, KAM_SEVERITY_WARNING, KAM_CHECK_SOURCES_DIFFER);
          if (f != NULL)
            {
              f->other = y;
              f->other_qualifier = qy;
              f->other_source = sources[j];
              break;
            }
        }
    }
}

/* The dimension after this one (-2: the first) whose members are in use, then
 * -1 (the countries), then -2 (none left). */
static int
next_dimension (KamChecker *self, int after)
{
  if (after == -1)
    return -2;
  for (guint d = after < 0 ? 0 : (guint) after + 1;
       d < kam_dataset_get_n_dimensions (self->dataset) && d < KAM_MAX_DIMENSIONS; d++)
    if (kam_figure_table_get_member_column (self->table, d) != NULL)
      return (int) d;
  return -1;
}

static void
start_parts (KamChecker *self, int dimension)
{
  self->dimension = dimension;
  if (dimension == -2)
    {
      self->phase = PHASE_SOURCES;
      return;
    }
  self->phase = PHASE_PARTS_SUM;
  memset (self->sums, 0, self->n * sizeof *self->sums);
  memset (self->parts, 0, self->n * sizeof *self->parts);
  memset (self->one_above, 0, self->n * sizeof *self->one_above);
}

static void
free_parts (KamChecker *self)
{
  g_clear_pointer (&self->sums, g_free);
  g_clear_pointer (&self->parts, g_free);
  g_clear_pointer (&self->one_above, g_free);
}

/* From the beginning, on the figures as they are now. */
static void
restart (KamChecker *self)
{
  g_ptr_array_set_size (self->findings, 0);
  free_parts (self);
  self->n = kam_figure_table_get_n_rows (self->table);
  self->stamp = kam_figure_table_get_stamp (self->table);
  self->state = kam_dataset_get_state (self->dataset);
  self->next = 0;
  self->phase = self->n > 0 ? PHASE_ROWS : PHASE_DONE;
  if (self->n > 0)
    {
      self->sums = g_new (double, self->n);
      self->parts = g_new (guint, self->n);
      self->one_above = g_new (guint8, self->n);
    }
}

/**
 * kam_checker_new:
 * @dataset: the dataset to check
 * @current_year: the year figures of counts cannot be after
 *
 * A run of the checks that can be done a slice at a time
 * (kam_checker_step()), so that the thread that owns the dataset can go on
 * with other work, such as drawing a window, between slices.
 */
KamChecker *
kam_checker_new (KamDataset *dataset, int current_year)
{
  KamChecker *self = g_new0 (KamChecker, 1);

  self->dataset = g_object_ref (dataset);
  self->table = kam_dataset_get_figures (dataset);
  self->current_year = current_year;
  self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) kam_check_finding_free);
  restart (self);
  return self;
}

void
kam_checker_free (KamChecker *self)
{
  if (self == NULL)
    return;
  free_parts (self);
  g_ptr_array_unref (self->findings);
  g_object_unref (self->dataset);
  g_free (self);
}

/**
 * kam_checker_step:
 * @deadline: the g_get_monotonic_time() to stop at (G_MAXINT64: run to the end)
 *
 * Checks figures until the deadline passes, a thousand rows at a time. When the
 * dataset was changed since the run started, it starts again.
 *
 * Returns: %TRUE when everything is checked
 */
gboolean
kam_checker_step (KamChecker *self, gint64 deadline)
{
  if (self->stamp != kam_figure_table_get_stamp (self->table) || self->state != kam_dataset_get_state (self->dataset))
    restart (self);
  else if (self->phase == PHASE_DONE)
    return TRUE;
  self->values = kam_figure_table_get_values (self->table);
  self->qualifiers = kam_figure_table_get_qualifiers (self->table);

  while (self->phase != PHASE_DONE)
    {
      guint to = MIN (self->next + CHUNK, self->n);

      switch (self->phase)
        {
        case PHASE_ROWS:
          check_rows (self, self->next, to);
          break;
        case PHASE_PARTS_SUM:
          sum_parts (self, self->next, to);
          break;
        case PHASE_PARTS_REPORT:
          report_parts (self, self->next, to);
          break;
        case PHASE_SOURCES:
          check_sources (self, self->next, to);
          break;
        case PHASE_DONE:
        default:
          g_assert_not_reached ();
        }
      self->next = to;
      if (self->next == self->n)
        {
          self->next = 0;
          switch (self->phase)
            {
            case PHASE_ROWS:
              start_parts (self, next_dimension (self, -2));
              break;
            case PHASE_PARTS_SUM:
              self->phase = PHASE_PARTS_REPORT;
              break;
            case PHASE_PARTS_REPORT:
              start_parts (self, next_dimension (self, self->dimension));
              break;
            case PHASE_SOURCES:
              self->phase = PHASE_DONE;
              free_parts (self);
              break;
            case PHASE_DONE:
            default:
              g_assert_not_reached ();
            }
        }
      if (deadline != G_MAXINT64 && g_get_monotonic_time () >= deadline)
        break;
    }
  return self->phase == PHASE_DONE;
}

/**
 * kam_checker_take_findings:
 *
 * Once kam_checker_step() returned %TRUE; the run is then spent (a later step
 * starts again).
 *
 * Returns: (transfer full): the findings, in the figures' order
 */
GPtrArray *
kam_checker_take_findings (KamChecker *self)
{
  GPtrArray *findings = self->findings;

  g_return_val_if_fail (self->phase == PHASE_DONE, g_ptr_array_new ());
  g_ptr_array_sort (findings, compare_findings);
  self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) kam_check_finding_free);
  self->stamp = G_MAXUINT64; /* spent */
  return findings;
}

GPtrArray *
kam_check_run (KamDataset *dataset, int current_year)
{
  KamChecker *checker = kam_checker_new (dataset, current_year);
  GPtrArray *findings;

  kam_checker_step (checker, G_MAXINT64);
  findings = kam_checker_take_findings (checker);
  kam_checker_free (checker);
  return findings;
}
