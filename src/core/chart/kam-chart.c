/* kam-chart.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A chart's settings, and the values it plots. The values are worked out from
 * the figure columns in one pass (no row objects) and cached; `changed` is
 * emitted when the settings change or when an edit changes what is plotted. */

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "kam-chart-private.h"
#include "kam-number.h"

struct _KamChart
{
  GObject parent_instance;

  KamDataset *dataset;
  KamChartKind kind;
  char *indicator;
  int year;
  int first_year, last_year;
  GStrv countries;
  KamScaleKind scale;
  char *source;
  char *title;
  char *split;          /* dimension id */
  GHashTable *members;  /* dimension id -> member code, for the filter */

  KamChartData *data; /* NULL until needed */
};

G_DEFINE_FINAL_TYPE (KamChart, kam_chart, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum
{
  PROP_0,
  PROP_DATASET,
  PROP_KIND,
  PROP_INDICATOR,
  PROP_YEAR,
  PROP_FIRST_YEAR,
  PROP_LAST_YEAR,
  PROP_COUNTRIES,
  PROP_SCALE,
  PROP_SOURCE,
  PROP_SPLIT,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- data --------------------------------------------------------------- */

static void
series_free (KamChartSeries *series)
{
  for (guint i = 0; i < series->points->len; i++)
    g_free (g_array_index (series->points, KamChartPoint, i).label);
  g_array_unref (series->points);
  g_free (series->name);
  g_free (series);
}

static KamChartSeries *
series_new (const char *name, guint color)
{
  KamChartSeries *series = g_new0 (KamChartSeries, 1);

  series->name = g_strdup (name);
  series->color = color;
  series->points = g_array_new (FALSE, TRUE, sizeof (KamChartPoint));
  return series;
}

static void
marker_free (KamChartMarker *marker)
{
  g_free (marker->title);
  g_free (marker->kind);
  g_free (marker);
}

static void
data_free (KamChartData *data)
{
  if (data == NULL || !g_atomic_ref_count_dec (&data->ref_count))
    return;
  g_ptr_array_unref (data->series);
  g_ptr_array_unref (data->markers);
  g_ptr_array_unref (data->sources);
  g_free (data->title);
  g_free (data->axis_label);
  g_free (data);
}

static void
add_point (KamChartSeries *series, const char *label, const char *country, int year, double value,
           const char *source, guint id)
{
  KamChartPoint p = { g_strdup (label), country, year, value, source, id, 0, KAM_QUALIFIER_EXACT };
  g_array_append_val (series->points, p);
}

/* Adds the point of a picked figure, with its qualifier. */
static void
add_row_point (KamChart *self, KamChartData *data, KamChartSeries *series, const char *label,
               const char *country, int year, guint row)
{
  KamFigureTable *table = kam_dataset_get_figures (self->dataset);
  KamQualifier q = kam_figure_table_get_qualifier (table, row);

  add_point (series, label, country, year, kam_figure_table_get_value (table, row),
             kam_figure_table_get_source (table, row), kam_figure_table_get_id (table, row));
  g_array_index (series->points, KamChartPoint, series->points->len - 1).qualifier = q;
  if (q != KAM_QUALIFIER_EXACT && kam_value_is_known (kam_figure_table_get_value (table, row)))
    data->marks |= 1u << q;
}

/* The members the chart's figures must have: the filter, totals elsewhere. */
static void
chart_members (KamChart *self, guint16 *members)
{
  memset (members, 0, sizeof (guint16) * KAM_MAX_DIMENSIONS);
  if (self->members == NULL || self->dataset == NULL)
    return;
  for (guint d = 0; d < kam_dataset_get_n_dimensions (self->dataset) && d < KAM_MAX_DIMENSIONS; d++)
    {
      KamDimension *dimension = kam_dataset_get_dimension (self->dataset, d);
      const char *code = g_hash_table_lookup (self->members, kam_dimension_get_id (dimension));
      int m = code ? kam_dimension_find_member (dimension, code, TRUE) : -1;

      if (m > 0)
        members[d] = (guint16) m;
    }
}

/* The key that stands for the national total in a set of countries. */
static const char national_key[] = "";

/* For one indicator, the figure chosen for each (country, year): from the
 * chart's source when one is set, else from the most recently dated source. */
typedef struct
{
  guint row;
} Pick;

typedef struct
{
  const char *country;
  int year;
} PickKey;

static guint
pick_hash (gconstpointer p)
{
  const PickKey *k = p;
  return g_direct_hash (k->country) * 31 + (guint) k->year;
}

static gboolean
pick_equal (gconstpointer a, gconstpointer b)
{
  const PickKey *x = a, *y = b;
  return x->country == y->country && x->year == y->year;
}

static const char *
source_date (KamDataset *dataset, GHashTable *dates, const char *source)
{
  const char *date;

  if (source == NULL)
    return "";
  date = g_hash_table_lookup (dates, source);
  if (date == NULL)
    {
      KamSource *s = kam_dataset_lookup_source (dataset, source);
      date = s != NULL && kam_source_get_date (s) != NULL ? kam_source_get_date (s) : "";
      g_hash_table_insert (dates, (gpointer) source, (gpointer) date);
    }
  return date;
}

/* Picks values of `indicator`, for one year (year > 0) or all the chart's years, for the
 * countries in `only` (NULL: all; it may hold NULL for the national total). */
static GHashTable *
pick_values_for (KamChart *self, const char *indicator, int year, GHashTable *only,
                 const guint16 *members);

static GHashTable *
pick_values (KamChart *self, const char *indicator, int year, GHashTable *only)
{
  guint16 members[KAM_MAX_DIMENSIONS];

  chart_members (self, members);
  return pick_values_for (self, indicator, year, only, members);
}

/* Of one group of the index (one country, year and members), the row the
 * chart shows: from the chart's source when one is set, else from the most
 * recently dated source (the later row when dates are equal); -1 if none. */
static int
pick_in_group (KamChart *self, GHashTable *dates, const KamFigureRow *key)
{
  KamFigureTable *table = kam_dataset_get_figures (self->dataset);
  const char *const *sources = kam_figure_table_get_sources (table);
  const char *source = self->source ? g_intern_string (self->source) : NULL;
  const char *best_date = NULL;
  int best = -1;

  for (int r = kam_figure_table_find_group (table, key); r >= 0; r = kam_figure_table_group_next (table, r))
    {
      const char *date;
      int order;

      if (source != NULL && sources[r] != source)
        continue;
      date = source_date (self->dataset, dates, sources[r]);
      order = best < 0 ? 1 : strcmp (date, best_date);
      if (order > 0 || (order == 0 && r > best))
        {
          best = r;
          best_date = date;
        }
    }
  return best;
}

/* As pick_values, for figures with exactly these members: a look-up in the
 * index for each country and year, never a scan of the figures. */
static GHashTable *
pick_values_for (KamChart *self, const char *indicator, int year, GHashTable *only,
                 const guint16 *members)
{
  KamFigureTable *table = kam_dataset_get_figures (self->dataset);
  GHashTable *picks = g_hash_table_new_full (pick_hash, pick_equal, g_free, g_free);
  g_autoptr (GHashTable) dates = g_hash_table_new (NULL, NULL);
  g_autoptr (GPtrArray) countries = NULL;
  KamFigureRow key = { NULL };
  int first = year > 0 ? year : MAX (self->first_year, KAM_YEAR_MIN);
  int last = year > 0 ? year : MIN (self->last_year, KAM_YEAR_MAX);

  if (indicator == NULL)
    return picks;
  if (only != NULL)
    {
      GHashTableIter iter;
      gpointer code;

      countries = g_ptr_array_new ();
      g_hash_table_iter_init (&iter, only);
      while (g_hash_table_iter_next (&iter, &code, NULL))
        g_ptr_array_add (countries, code == national_key ? NULL : code);
    }
  else /* the countries with known values: a country without one shows nothing */
    countries = kam_figure_table_dup_countries_of (table, indicator);
  key.indicator = g_intern_string (indicator);
  memcpy (key.members, members, sizeof key.members);
  for (guint i = 0; i < countries->len; i++)
    for (int y = first; y <= last; y++)
      {
        PickKey pk;
        Pick *pick;
        int row;

        key.country = countries->pdata[i];
        key.year = y;
        row = pick_in_group (self, dates, &key);
        if (row < 0)
          continue;
        pk.country = key.country;
        pk.year = y;
        pick = g_new (Pick, 1);
        pick->row = (guint) row;
        g_hash_table_insert (picks, g_memdup2 (&pk, sizeof pk), pick);
      }
  return picks;
}

static const char *
indicator_name (KamDataset *dataset, const char *id)
{
  return kam_dataset_get_indicator_label (dataset, id);
}

static gboolean
indicator_is_usd (KamDataset *dataset, const char *id)
{
  KamIndicator *indicator = kam_dataset_lookup_indicator (dataset, id);

  return indicator != NULL && kam_unit_is (kam_indicator_get_unit (indicator), KAM_UNIT_USD);
}

static void
note_source (KamChartData *data, const char *source)
{
  if (source != NULL && !g_ptr_array_find (data->sources, source, NULL))
    g_ptr_array_add (data->sources, (gpointer) source);
}

/* The sources of a series' points, in their order (a series built from a
 * hash table's picks is sorted first: its sources then come in the same
 * order every time). */
static void
note_series_sources (KamChartData *data, KamChartSeries *series)
{
  for (guint k = 0; k < series->points->len; k++)
    note_source (data, g_array_index (series->points, KamChartPoint, k).source);
}

static int
compare_points_desc (gconstpointer a, gconstpointer b)
{
  const KamChartPoint *x = a, *y = b;
  return x->value < y->value ? 1 : x->value > y->value ? -1 : g_strcmp0 (x->label, y->label);
}

static int
compare_points_year (gconstpointer a, gconstpointer b)
{
  const KamChartPoint *x = a, *y = b;
  return x->year - y->year;
}

/* The year with known values of the indicator for the most countries (the
 * latest of those), so that a chart by country shows as much as it can. With
 * `member` (not NULL), only figures of that member of dimension `dimension`
 * (the chart's members elsewhere). From the index's counts, or its groups. */
static int
latest_year (KamChart *self, const char *indicator, guint dimension, const guint *member)
{
  KamFigureTable *table = kam_dataset_get_figures (self->dataset);
  g_autoptr (GArray) years = kam_figure_table_dup_years_of (table, indicator);
  g_autoptr (GPtrArray) countries = member ? kam_figure_table_dup_countries_of (table, indicator) : NULL;
  KamFigureRow key = { NULL };
  int best = 0;
  guint best_count = 0;

  if (member != NULL)
    {
      chart_members (self, key.members);
      key.members[dimension] = (guint16) *member;
      key.indicator = g_intern_string (indicator);
    }
  for (guint i = 0; i < years->len; i++)
    {
      int year = g_array_index (years, int, i);
      guint count = 0;

      if (member == NULL)
        count = kam_figure_table_count_countries (table, indicator, year);
      else
        for (guint c = 0; c < countries->len; c++)
          {
            gboolean known = FALSE;

            key.country = countries->pdata[c];
            key.year = year;
            for (int r = kam_figure_table_find_group (table, &key); r >= 0 && !known;
                 r = kam_figure_table_group_next (table, r))
              known = kam_value_is_known (kam_figure_table_get_value (table, r));
            count += known;
          }
      if (count > 0 && count >= best_count)
        {
          best = year;
          best_count = count;
        }
    }
  return best;
}

/* Known values by country for one year, largest first, of figures with these
 * members (NULL: the chart's). */
static KamChartSeries *
values_by_country_for (KamChart *self, KamChartData *data, const char *indicator, int year,
                       guint color, const guint16 *members)
{
  KamFigureTable *table = kam_dataset_get_figures (self->dataset);
  g_autoptr (GHashTable) picks = members ? pick_values_for (self, indicator, year, NULL, members)
                                         : pick_values (self, indicator, year, NULL);
  KamChartSeries *series = series_new (indicator_name (self->dataset, indicator), color);
  GHashTableIter iter;
  PickKey *key;
  Pick *pick;

  g_hash_table_iter_init (&iter, picks);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &pick))
    {
      double v = kam_figure_table_get_value (table, pick->row);

      if (key->country == NULL || !kam_value_is_known (v))
        continue;
      add_row_point (self, data, series, kam_dataset_get_country_label (self->dataset, key->country),
                     key->country, year, pick->row);
    }
  g_array_sort (series->points, compare_points_desc);
  return series;
}

static KamChartSeries *
values_by_country (KamChart *self, KamChartData *data, const char *indicator, int year, guint color)
{
  return values_by_country_for (self, data, indicator, year, color, NULL);
}

/* The dimension the chart is split by, or -1. */
static int
split_dimension (KamChart *self)
{
  return self->split ? kam_dataset_find_dimension (self->dataset, self->split) : -1;
}

/* A name as it reads inside a sentence: "Sex" becomes "sex", but "MoU" or
 * "ILO" stay as they are (only a capital followed by a small letter is lowered). */
static char *
in_sentence (const char *name)
{
  const char *second = g_utf8_next_char (name);
  gunichar first = g_utf8_get_char (name);

  if (*name == '\0' || !g_unichar_isupper (first) || !g_unichar_islower (g_utf8_get_char (second)))
    return g_strdup (name);
  {
    char buf[8] = { 0 };
    g_unichar_to_utf8 (g_unichar_tolower (first), buf);
    return g_strconcat (buf, second, NULL);
  }
}

/* The palette colour of a member, the same in every chart, legend and
 * export: women and men as the Women and men chart draws them, other members
 * by their position. The last colour (grey) is the rest of a total that is
 * not broken down. */
#define REST_COLOR 7
static guint
member_color (KamDimension *dimension, guint m)
{
  const char *code = kam_dimension_get_member_code (dimension, m);

  if (g_str_equal (kam_dimension_get_id (dimension), "sex"))
    {
      if (g_str_equal (code, "women"))
        return 3;
      if (g_str_equal (code, "men"))
        return 0;
    }
  return (m - 1) % REST_COLOR;
}

/* Destinations split by a dimension: a series per member (not the total)
 * with figures, and the rest of each total that its members do not account
 * for ("not broken down"), points aligned by country, countries by their
 * totals (or their members' sum, when it is more). */
static void
build_destinations_split (KamChart *self, KamChartData *data, int d)
{
  KamDimension *dimension = kam_dataset_get_dimension (self->dataset, d);
  guint16 members[KAM_MAX_DIMENSIONS];
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func ((GDestroyNotify) series_free);
  g_autoptr (GHashTable) sums = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr (GPtrArray) order = g_ptr_array_new ();

  chart_members (self, members);
  for (guint m = 1; m < kam_dimension_get_n_members (dimension); m++)
    {
      KamChartSeries *part;

      members[d] = (guint16) m;
      part = values_by_country_for (self, data, data->indicator, data->year, member_color (dimension, m), members);
      g_free (part->name);
      part->name = g_strdup (kam_dimension_get_member_label (dimension, m));
      if (part->points->len == 0)
        {
          series_free (part);
          continue;
        }
      for (guint k = 0; k < part->points->len; k++)
        {
          KamChartPoint *p = &g_array_index (part->points, KamChartPoint, k);
          double *sum = g_hash_table_lookup (sums, p->country);

          if (sum == NULL)
            {
              sum = g_new0 (double, 1);
              g_hash_table_insert (sums, (gpointer) p->country, sum);
              g_ptr_array_add (order, (gpointer) p->country);
            }
          *sum += p->value;
        }
      g_ptr_array_add (parts, part);
    }
  /* the totals: what their members leave is drawn as its own part */
  members[d] = KAM_MEMBER_TOTAL;
  {
    KamChartSeries *totals = values_by_country_for (self, data, data->indicator, data->year, REST_COLOR, members);
    /* Translators: in a chart split by sex (or sector ...): the part of a total that is not broken down */
    KamChartSeries *rest = series_new (_("Not broken down"), REST_COLOR);

    for (guint k = 0; k < totals->points->len; k++)
      {
        KamChartPoint *t = &g_array_index (totals->points, KamChartPoint, k);
        double *sum = g_hash_table_lookup (sums, t->country);
        double left = t->value - (sum ? *sum : 0);

        if (sum == NULL)
          {
            sum = g_new0 (double, 1);
            g_hash_table_insert (sums, (gpointer) t->country, sum);
            g_ptr_array_add (order, (gpointer) t->country);
          }
        if (left > 0)
          {
            KamChartPoint p = *t;

            p.label = g_strdup (t->label);
            p.value = left;
            g_array_append_val (rest->points, p);
            *sum += left;
          }
      }
    series_free (totals);
    if (rest->points->len > 0)
      g_ptr_array_add (parts, rest);
    else
      series_free (rest);
  }
  /* countries by their sum, largest first */
  for (guint i = 1; i < order->len; i++)
    for (guint j = i; j > 0; j--)
      {
        double a = *(double *) g_hash_table_lookup (sums, order->pdata[j - 1]);
        double b = *(double *) g_hash_table_lookup (sums, order->pdata[j]);
        gpointer t;

        if (a >= b)
          break;
        t = order->pdata[j];
        order->pdata[j] = order->pdata[j - 1];
        order->pdata[j - 1] = t;
      }
  for (guint s = 0; s < parts->len; s++)
    {
      KamChartSeries *part = g_ptr_array_index (parts, s);
      KamChartSeries *aligned = series_new (part->name, part->color);

      for (guint i = 0; i < order->len; i++)
        {
          const char *country = order->pdata[i];
          KamChartPoint *found = NULL;

          for (guint k = 0; k < part->points->len && found == NULL; k++)
            if (g_array_index (part->points, KamChartPoint, k).country == country)
              found = &g_array_index (part->points, KamChartPoint, k);
          if (found != NULL)
            {
              KamChartPoint p = *found;
              p.label = g_strdup (found->label);
              g_array_append_val (aligned->points, p);
              note_source (data, p.source);
            }
          else
            add_point (aligned, kam_dataset_get_country_label (self->dataset, country), country,
                       data->year, KAM_VALUE_UNKNOWN, NULL, 0);
        }
      g_ptr_array_add (data->series, aligned);
    }
  data->stacked = TRUE;
  {
    g_autofree char *name = in_sentence (kam_dimension_get_label (dimension));
    /* Translators: chart title: an indicator, a dimension (sex, sector ...), a year */
    data->title = data->year > 0 ? g_strdup_printf (_("%s by destination and %s, %d"),
                                                    indicator_name (self->dataset, data->indicator), name, data->year)
                                 /* Translators: chart title: an indicator, a dimension; no figures yet */
                                 : g_strdup_printf (_("%s by destination and %s"),
                                                    indicator_name (self->dataset, data->indicator), name);
  }
}

static void
build_destinations (KamChart *self, KamChartData *data)
{
  if (split_dimension (self) >= 0)
    {
      build_destinations_split (self, data, split_dimension (self));
      return;
    }
  KamChartSeries *series = values_by_country (self, data, data->indicator, data->year, 0);

  for (guint i = 0; i < series->points->len; i++)
    note_source (data, g_array_index (series->points, KamChartPoint, i).source);
  g_ptr_array_add (data->series, series);
  /* Translators: chart title: an indicator, then a year */
  data->title = data->year > 0 ? g_strdup_printf (_("%s by destination, %d"),
                                                  indicator_name (self->dataset, data->indicator), data->year)
                               /* Translators: chart title: an indicator; no figures yet, so no year */
                               : g_strdup_printf (_("%s by destination"), indicator_name (self->dataset, data->indicator));
}

static void
build_share (KamChart *self, KamChartData *data)
{
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) series_free);
  KamChartSeries *by_country = values_by_country (self, data, data->indicator, data->year, 0);
  KamChartSeries *series = series_new (indicator_name (self->dataset, data->indicator), 0);
  double total = 0, other = 0;
  guint n_other = 0;

  g_ptr_array_add (all, by_country);
  for (guint i = 0; i < by_country->points->len; i++)
    total += g_array_index (by_country->points, KamChartPoint, i).value;
  /* shares under 2 % are grouped as "Other", when there are two or more of them */
  for (guint i = 0; i < by_country->points->len; i++)
    n_other += total > 0 && g_array_index (by_country->points, KamChartPoint, i).value / total < 0.02;
  if (n_other < 2)
    n_other = 0;
  for (guint i = 0; i < by_country->points->len; i++)
    {
      KamChartPoint *p = &g_array_index (by_country->points, KamChartPoint, i);
      double share = total > 0 ? p->value / total : 0;

      note_source (data, p->source);
      if (n_other > 0 && share < 0.02)
        {
          other += p->value;
          continue;
        }
      add_point (series, p->label, p->country, p->year, share, p->source, p->figure_id);
    }
  if (n_other > 0)
    add_point (series, _("Other"), NULL, data->year, total > 0 ? other / total : 0, NULL, 0);
  data->total = total;
  data->percent = TRUE;
  g_ptr_array_add (data->series, series);
  /* Translators: chart title: an indicator, then a year */
  data->title = g_strdup_printf (_("%s: share by destination, %d"),
                                 indicator_name (self->dataset, data->indicator), data->year);
}

/* A series of values by year for one country (or the national total). */
static KamChartSeries *
values_by_year (KamChart *self, KamChartData *data, const char *indicator, const char *country,
                const char *name, guint color)
{
  g_autoptr (GHashTable) only = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) picks = NULL;
  KamChartSeries *series = series_new (name, color);
  GHashTableIter iter;
  PickKey *key;
  Pick *pick;

  g_hash_table_add (only, country ? (gpointer) country : (gpointer) national_key);
  picks = pick_values (self, indicator, 0, only);
  g_hash_table_iter_init (&iter, picks);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &pick))
    {
      char year_label[16];
      int y = key->year;

      g_snprintf (year_label, sizeof year_label, "%d", y);
      add_row_point (self, data, series, year_label, country, y, pick->row);
    }
  g_array_sort (series->points, compare_points_year);
  note_series_sources (data, series);
  return series;
}

/* The chart's countries, or the largest ones in the latest year. */
static GPtrArray *
chosen_countries (KamChart *self, KamChartData *data, guint max)
{
  GPtrArray *codes = g_ptr_array_new ();

  if (self->countries != NULL)
    {
      for (guint i = 0; self->countries[i] != NULL; i++)
        g_ptr_array_add (codes, *self->countries[i] ? (gpointer) g_intern_string (self->countries[i]) : NULL);
      return codes;
    }
  {
    /* the countries with known values in the most years: a trend needs years */
    KamFigureTable *table = kam_dataset_get_figures (self->dataset);
    g_autoptr (GHashTable) years = g_hash_table_new (NULL, NULL);
    g_autoptr (GPtrArray) ranked = kam_figure_table_dup_countries_of (table, data->indicator);

    for (guint i = 0; i < ranked->len; i++)
      g_hash_table_insert (years, ranked->pdata[i],
                           GUINT_TO_POINTER (kam_figure_table_count_years (table, data->indicator,
                                                                           ranked->pdata[i])));
    for (guint i = 0; i < ranked->len; i++)
      for (guint j = i + 1; j < ranked->len; j++)
        {
          guint a = GPOINTER_TO_UINT (g_hash_table_lookup (years, ranked->pdata[i]));
          guint b = GPOINTER_TO_UINT (g_hash_table_lookup (years, ranked->pdata[j]));
          if (b > a || (b == a && g_strcmp0 (ranked->pdata[j], ranked->pdata[i]) < 0))
            {
              gpointer t = ranked->pdata[i];
              ranked->pdata[i] = ranked->pdata[j];
              ranked->pdata[j] = t;
            }
        }
    for (guint i = 0; i < ranked->len && codes->len < max; i++)
      {
        /* once some countries have several years, single points add nothing to a trend */
        if (i > 0 && GPOINTER_TO_UINT (g_hash_table_lookup (years, ranked->pdata[i])) < 2
            && GPOINTER_TO_UINT (g_hash_table_lookup (years, ranked->pdata[0])) >= 2)
          break;
        g_ptr_array_add (codes, ranked->pdata[i]);
      }
    if (codes->len == 0)
      g_ptr_array_add (codes, NULL); /* the national total */
  }
  return codes;
}

static void
add_markers (KamChart *self, KamChartData *data, GPtrArray *codes)
{
  GListModel *agreements = kam_dataset_get_agreements (self->dataset);

  for (guint i = 0; i < g_list_model_get_n_items (agreements); i++)
    {
      g_autoptr (KamAgreement) a = g_list_model_get_item (agreements, i);
      const char *country = kam_agreement_get_country (a);
      const char *signed_date = kam_agreement_get_signed (a);
      gboolean national = g_ptr_array_find (codes, NULL, NULL);
      KamChartMarker *marker;

      if (signed_date == NULL
          || (!national && (country == NULL || !g_ptr_array_find (codes, g_intern_string (country), NULL))))
        continue;
      marker = g_new0 (KamChartMarker, 1);
      marker->id = country ? g_intern_string (country) : NULL;
      marker->year = atoi (signed_date);
      marker->title = kam_dataset_dup_agreement_label (self->dataset, a);
      g_ptr_array_add (data->markers, marker);
    }
}

/* A trend split by a dimension: one line per member, for one country (or the
 * national total). */
static void
build_trend_split (KamChart *self, KamChartData *data, const char *country, int d)
{
  KamDimension *dimension = kam_dataset_get_dimension (self->dataset, d);
  guint16 members[KAM_MAX_DIMENSIONS];
  g_autoptr (GHashTable) only = g_hash_table_new (NULL, NULL);

  chart_members (self, members);
  g_hash_table_add (only, country ? (gpointer) country : (gpointer) national_key);
  for (guint m = 1; m < kam_dimension_get_n_members (dimension); m++)
    {
      g_autoptr (GHashTable) picks = NULL;
      KamChartSeries *series = series_new (kam_dimension_get_member_label (dimension, m),
                                           member_color (dimension, m));
      GHashTableIter iter;
      PickKey *key;
      Pick *pick;

      members[d] = (guint16) m;
      picks = pick_values_for (self, data->indicator, 0, only, members);
      g_hash_table_iter_init (&iter, picks);
      while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &pick))
        {
          char year_label[16];

          g_snprintf (year_label, sizeof year_label, "%d", key->year);
          add_row_point (self, data, series, year_label, country, key->year, pick->row);
        }
      if (series->points->len == 0)
        {
          series_free (series);
          continue;
        }
      g_array_sort (series->points, compare_points_year);
      note_series_sources (data, series);
      g_ptr_array_add (data->series, series);
    }
  /* Translators: chart title: an indicator, a country, a dimension (Sex, Sector ...) */
  data->title = g_strdup_printf (_("%s, %s, by %s"), indicator_name (self->dataset, data->indicator),
                                 kam_dataset_get_country_label (self->dataset, country),
                                 kam_dimension_get_label (dimension));
}

static void
build_trend (KamChart *self, KamChartData *data, gboolean remittances)
{
  g_autoptr (GPtrArray) codes = NULL;
  int lo = G_MAXINT, hi = 0;

  if (remittances && self->countries == NULL)
    {
      codes = g_ptr_array_new ();
      g_ptr_array_add (codes, NULL);
    }
  else
    codes = chosen_countries (self, data, 5);
  if (split_dimension (self) >= 0)
    {
      build_trend_split (self, data, g_ptr_array_index (codes, 0), split_dimension (self));
      return;
    }
  {
    /* one pass over the figures for all the countries */
    g_autoptr (GHashTable) only = g_hash_table_new (NULL, NULL);
    g_autoptr (GHashTable) picks = NULL;
    GHashTableIter iter;
    PickKey *key;
    Pick *pick;

    for (guint i = 0; i < codes->len; i++)
      {
        const char *code = g_ptr_array_index (codes, i);
        g_hash_table_insert (only, code ? (gpointer) code : (gpointer) national_key, GUINT_TO_POINTER (i));
        g_ptr_array_add (data->series, series_new (kam_dataset_get_country_label (self->dataset, code), i));
      }
    picks = pick_values (self, data->indicator, 0, only);
    g_hash_table_iter_init (&iter, picks);
    while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &pick))
      {
        guint index = GPOINTER_TO_UINT (g_hash_table_lookup (only, key->country ? key->country : national_key));
        char year_label[16];

        g_snprintf (year_label, sizeof year_label, "%d", key->year);
        add_row_point (self, data, g_ptr_array_index (data->series, index), year_label, key->country,
                       key->year, pick->row);
        lo = MIN (lo, key->year);
        hi = MAX (hi, key->year);
      }
    for (guint i = 0; i < data->series->len; i++)
      {
        g_array_sort (((KamChartSeries *) g_ptr_array_index (data->series, i))->points, compare_points_year);
        note_series_sources (data, g_ptr_array_index (data->series, i));
      }
  }
  if (!remittances)
    add_markers (self, data, codes);
  if (hi == 0)
    data->title = g_strdup (indicator_name (self->dataset, data->indicator));
  else if (lo == hi)
    data->title = g_strdup_printf ("%s, %d", indicator_name (self->dataset, data->indicator), lo);
  else
    data->title = g_strdup_printf ("%s, %d–%d", indicator_name (self->dataset, data->indicator), lo, hi);
}

static void
build_quota (KamChart *self, KamChartData *data)
{
  static const char *const targets[] = { "quota", "intake-target" };
  g_autoptr (GPtrArray) codes = g_ptr_array_new ();
  const char *country = NULL;
  KamChartSeries *actual;

  if (self->countries != NULL && self->countries[0] != NULL)
    country = *self->countries[0] ? g_intern_string (self->countries[0]) : NULL;
  else
    {
      /* the country with quota or target figures in the most years (the
       * first by code when several have as many) */
      KamFigureTable *table = kam_dataset_get_figures (self->dataset);
      guint most = 0;

      for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
        {
          g_autoptr (GPtrArray) codes_of = kam_figure_table_dup_countries_of (table, targets[t]);

          for (guint i = 0; i < codes_of->len; i++)
            {
              const char *code = codes_of->pdata[i];
              guint n = kam_figure_table_count_years (table, targets[t], code);

              if (n > most || (n == most && g_strcmp0 (code, country) < 0))
                {
                  most = n;
                  country = code;
                }
            }
        }
    }
  actual = values_by_year (self, data, data->indicator, country, indicator_name (self->dataset, data->indicator), 0);
  g_ptr_array_add (data->series, actual);
  /* each kind of target its own series: a quota is a level to compare the
   * workers with, a planned intake an increase, drawn as one */
  for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
    {
      KamChartSeries *s = values_by_year (self, data, targets[t], country, indicator_name (self->dataset, targets[t]),
                                          1 + t);
      gboolean any = FALSE;

      for (guint k = 0; k < s->points->len; k++)
        any |= kam_value_is_known (g_array_index (s->points, KamChartPoint, k).value);
      s->increment = g_str_equal (targets[t], "intake-target");
      /* an increase adds to the latest level of workers known by its year */
      for (guint k = 0; s->increment && k < s->points->len; k++)
        {
          KamChartPoint *p = &g_array_index (s->points, KamChartPoint, k);
          int latest = 0;

          for (guint a = 0; a < actual->points->len; a++)
            {
              KamChartPoint *level = &g_array_index (actual->points, KamChartPoint, a);

              if (kam_value_is_known (level->value) && level->year <= p->year && level->year >= latest)
                {
                  latest = level->year;
                  p->base = level->value;
                }
            }
        }
      if (any)
        g_ptr_array_add (data->series, s);
      else
        series_free (s);
    }
  g_ptr_array_add (codes, (gpointer) country);
  /* Translators: chart title, %s is a country */
  data->title = g_strdup_printf (_("Quota and target against workers, %s"),
                                 kam_dataset_get_country_label (self->dataset, country));
}

static KamChartPoint *
point_of (KamChartSeries *series, const char *country)
{
  for (guint k = 0; k < series->points->len; k++)
    if (g_array_index (series->points, KamChartPoint, k).country == country)
      return &g_array_index (series->points, KamChartPoint, k);
  return NULL;
}

/* Women and men by country: the `women` and `men` members of `sex`; where a
 * country has no men figure, men are its total less its women. Countries by
 * their total (or women and men together), largest first. */
static void
build_gender (KamChart *self, KamChartData *data)
{
  KamChartSeries *totals = NULL, *women_all = NULL, *men_all = NULL;
  KamChartSeries *women = series_new (_("Women"), 3);
  KamChartSeries *men = series_new (_("Men"), 0);
  guint16 members[KAM_MAX_DIMENSIONS];
  guint sex, women_member, men_member;
  g_autoptr (GPtrArray) order = g_ptr_array_new ();

  chart_members (self, members);
  if (kam_dataset_find_member (self->dataset, "sex", "women", &sex, &women_member))
    {
      members[sex] = 0;
      totals = values_by_country_for (self, data, data->indicator, data->year, 0, members);
      members[sex] = women_member;
      women_all = values_by_country_for (self, data, data->indicator, data->year, 0, members);
      if (kam_dataset_find_member (self->dataset, "sex", "men", &sex, &men_member))
        {
          members[sex] = men_member;
          men_all = values_by_country_for (self, data, data->indicator, data->year, 0, members);
        }
      for (guint i = 0; i < totals->points->len; i++)
        g_ptr_array_add (order, (gpointer) g_array_index (totals->points, KamChartPoint, i).country);
      /* then countries with women and men but no total */
      for (guint i = 0; men_all != NULL && i < women_all->points->len; i++)
        {
          const char *country = g_array_index (women_all->points, KamChartPoint, i).country;
          if (point_of (totals, country) == NULL && point_of (men_all, country) != NULL)
            g_ptr_array_add (order, (gpointer) country);
        }
    }
  for (guint i = 0; i < order->len; i++)
    {
      KamChartPoint *t = point_of (totals, order->pdata[i]);
      KamChartPoint *w = point_of (women_all, order->pdata[i]);
      KamChartPoint *given = men_all ? point_of (men_all, order->pdata[i]) : NULL;
      KamChartPoint *m;

      if (w == NULL)
        continue;
      add_point (women, w->label, w->country, data->year, w->value, w->source, w->figure_id);
      g_array_index (women->points, KamChartPoint, women->points->len - 1).qualifier = w->qualifier;
      note_source (data, w->source);
      if (given != NULL)
        {
          add_point (men, given->label, given->country, data->year, given->value, given->source,
                     given->figure_id);
          g_array_index (men->points, KamChartPoint, men->points->len - 1).qualifier = given->qualifier;
          note_source (data, given->source);
          continue;
        }
      add_point (men, t->label, t->country, data->year, MAX (0, t->value - w->value), t->source, 0);
      m = &g_array_index (men->points, KamChartPoint, men->points->len - 1);
      m->figure_id = t->figure_id;
      m->figure_id2 = w->figure_id;
      /* men = total − women is no better than the less exact of the two */
      m->qualifier = t->qualifier != KAM_QUALIFIER_EXACT ? t->qualifier : w->qualifier;
      note_source (data, t->source);
    }
  g_clear_pointer (&totals, series_free);
  g_clear_pointer (&women_all, series_free);
  g_clear_pointer (&men_all, series_free);
  g_ptr_array_add (data->series, women);
  g_ptr_array_add (data->series, men);
  data->stacked = TRUE;
  data->title = g_strdup_printf (_("Women and men: %s, %d"),
                                 indicator_name (self->dataset, data->indicator), data->year);
}

/* The year with women figures of the indicator for the most countries. */
static int
latest_women_year (KamChart *self, const char *indicator)
{
  guint sex, women;

  if (!kam_dataset_find_member (self->dataset, "sex", "women", &sex, &women))
    return 0;
  return latest_year (self, indicator, sex, &women);
}

/* For the gender chart: an indicator that has women figures, and a year with both. */
static void
resolve_gender (KamChart *self, KamChartData *data)
{
  static const char *const bases[] = { "workers", "deployed" };

  if (self->indicator != NULL)
    {
      data->indicator = g_intern_string (self->indicator);
      data->year = self->year ? self->year : latest_women_year (self, self->indicator);
      return;
    }
  data->indicator = g_intern_static_string ("workers");
  for (guint i = 0; i < G_N_ELEMENTS (bases); i++)
    {
      int year = self->year ? self->year : latest_women_year (self, bases[i]);

      if (year > 0)
        {
          data->indicator = g_intern_static_string (bases[i]);
          data->year = year;
          return;
        }
    }
}

/* The latest year with figures of a member (not the total) of dimension d. */
static int
latest_split_year (KamChart *self, const char *indicator, int d)
{
  KamDimension *dimension = kam_dataset_get_dimension (self->dataset, d);
  int best = 0;

  for (guint m = 1; m < kam_dimension_get_n_members (dimension); m++)
    best = MAX (best, latest_year (self, indicator, (guint) d, &m));
  return best;
}

/* For destinations split by a dimension: automatic choices that consider the
 * split, an indicator (the default first) and a year with its members. */
static void
resolve_split (KamChart *self, KamChartData *data, int d)
{
  GListModel *indicators = kam_dataset_get_indicators (self->dataset);

  if (self->indicator != NULL)
    {
      data->indicator = g_intern_string (self->indicator);
      data->year = self->year ? self->year : latest_split_year (self, data->indicator, d);
      if (data->year == 0)
        data->year = latest_year (self, data->indicator, 0, NULL);
      return;
    }
  data->indicator = g_intern_static_string ("workers");
  for (guint i = 0; i <= g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr (KamIndicator) other = i > 0 ? g_list_model_get_item (indicators, i - 1) : NULL;
      const char *id = other ? kam_indicator_get_id (other) : "workers";
      int year = latest_split_year (self, id, d);

      if (year > 0 && (self->year == 0 || self->year == year))
        {
          data->indicator = g_intern_string (id);
          data->year = year;
          return;
        }
    }
  data->year = self->year ? self->year : latest_year (self, data->indicator, 0, NULL);
}

static KamChartData *
compute (KamChart *self)
{
  KamChartData *data = g_new0 (KamChartData, 1);
  static const char *const defaults[] = {
    [KAM_CHART_DESTINATIONS] = "workers", [KAM_CHART_TREND] = "workers",
    [KAM_CHART_SHARE] = "workers",        [KAM_CHART_QUOTA] = "workers",
    [KAM_CHART_GENDER] = "workers",       [KAM_CHART_REMITTANCES] = "remittances",
  };

  g_atomic_ref_count_init (&data->ref_count);
  data->series = g_ptr_array_new_with_free_func ((GDestroyNotify) series_free);
  data->markers = g_ptr_array_new_with_free_func ((GDestroyNotify) marker_free);
  data->sources = g_ptr_array_new ();
  if (self->dataset == NULL)
    return data;

  if (self->kind == KAM_CHART_GENDER)
    resolve_gender (self, data);
  else if (self->kind == KAM_CHART_DESTINATIONS && split_dimension (self) >= 0)
    resolve_split (self, data, split_dimension (self));
  else
    {
      data->indicator = g_intern_string (self->indicator ? self->indicator : defaults[self->kind]);
      /* only the charts of one year need one */
      if (self->kind == KAM_CHART_DESTINATIONS || self->kind == KAM_CHART_SHARE)
        data->year = self->year ? self->year : latest_year (self, data->indicator, 0, NULL);
    }
  data->usd = indicator_is_usd (self->dataset, data->indicator);

  switch (self->kind)
    {
    case KAM_CHART_DESTINATIONS:
      build_destinations (self, data);
      break;
    case KAM_CHART_SHARE:
      build_share (self, data);
      break;
    case KAM_CHART_TREND:
      build_trend (self, data, FALSE);
      break;
    case KAM_CHART_REMITTANCES:
      build_trend (self, data, TRUE);
      break;
    case KAM_CHART_QUOTA:
      build_quota (self, data);
      break;
    case KAM_CHART_GENDER:
      build_gender (self, data);
      break;
    default:
      g_assert_not_reached ();
    }
  if (self->title != NULL)
    {
      g_free (data->title);
      data->title = g_strdup (self->title);
    }
  else if (self->dataset != NULL)
    {
      /* a chart kept to women says so: "Workers abroad by destination, 2021 (Women)" */
      guint16 members[KAM_MAX_DIMENSIONS];
      g_autofree char *label = NULL;

      chart_members (self, members);
      label = kam_dataset_dup_members_label (self->dataset, members);
      if (label != NULL)
        {
          g_autofree char *title = data->title;
          /* Translators: a chart's title, then the breakdown it is kept to: "…, 2021 (Women)" */
          data->title = g_strdup_printf (_("%s (%s)"), title, label);
        }
    }
  data->axis_label = g_strdup (data->percent ? _("Share of the total")
                               : data->usd   ? _("US dollars")
                                             : _("Persons"));
  return data;
}

static gboolean
same_data (KamChartData *a, KamChartData *b)
{
  if (a->series->len != b->series->len || a->markers->len != b->markers->len
      || g_strcmp0 (a->title, b->title) != 0)
    return FALSE;
  for (guint i = 0; i < a->series->len; i++)
    {
      KamChartSeries *x = g_ptr_array_index (a->series, i), *y = g_ptr_array_index (b->series, i);

      if (x->points->len != y->points->len || g_strcmp0 (x->name, y->name) != 0)
        return FALSE;
      for (guint k = 0; k < x->points->len; k++)
        {
          KamChartPoint *p = &g_array_index (x->points, KamChartPoint, k);
          KamChartPoint *q = &g_array_index (y->points, KamChartPoint, k);

          if (g_strcmp0 (p->label, q->label) != 0 || p->year != q->year || p->source != q->source
              || p->figure_id != q->figure_id || p->qualifier != q->qualifier
              || !((isnan (p->value) && isnan (q->value)) || p->value == q->value))
            return FALSE;
        }
    }
  return TRUE;
}

KamChartData *
_kam_chart_get_data (KamChart *self)
{
  if (self->data == NULL)
    self->data = compute (self);
  return self->data;
}

static void
settings_changed (KamChart *self)
{
  g_clear_pointer (&self->data, data_free);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
dataset_changed (KamChart *self)
{
  KamChartData *fresh = compute (self);

  if (self->data != NULL && same_data (self->data, fresh))
    {
      data_free (fresh);
      return;
    }
  data_free (self->data);
  self->data = fresh;
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * kam_chart_refresh:
 *
 * Says the chart changed when only the way it is written did (the numerals):
 * whatever shows it draws and describes it again.
 */
void
kam_chart_refresh (KamChart *self)
{
  g_return_if_fail (KAM_IS_CHART (self));
  settings_changed (self);
}

/* ---- object ------------------------------------------------------------- */

static void
kam_chart_dispose (GObject *object)
{
  KamChart *self = KAM_CHART (object);

  if (self->dataset != NULL)
    g_signal_handlers_disconnect_by_data (self->dataset, self);
  g_clear_object (&self->dataset);
  G_OBJECT_CLASS (kam_chart_parent_class)->dispose (object);
}

static void
kam_chart_finalize (GObject *object)
{
  KamChart *self = KAM_CHART (object);

  g_free (self->indicator);
  g_free (self->source);
  g_free (self->title);
  g_free (self->split);
  g_clear_pointer (&self->members, g_hash_table_unref);
  g_strfreev (self->countries);
  g_clear_pointer (&self->data, data_free);
  G_OBJECT_CLASS (kam_chart_parent_class)->finalize (object);
}

static void
kam_chart_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KamChart *self = KAM_CHART (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_INDICATOR:
      g_value_set_string (value, self->indicator);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case PROP_FIRST_YEAR:
      g_value_set_int (value, self->first_year);
      break;
    case PROP_LAST_YEAR:
      g_value_set_int (value, self->last_year);
      break;
    case PROP_COUNTRIES:
      g_value_set_boxed (value, self->countries);
      break;
    case PROP_SCALE:
      g_value_set_enum (value, self->scale);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_SPLIT:
      g_value_set_string (value, self->split);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kam_chart_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  KamChart *self = KAM_CHART (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      kam_chart_set_dataset (self, g_value_get_object (value));
      break;
    case PROP_KIND:
      kam_chart_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_INDICATOR:
      kam_chart_set_indicator (self, g_value_get_string (value));
      break;
    case PROP_YEAR:
      kam_chart_set_year (self, g_value_get_int (value));
      break;
    case PROP_FIRST_YEAR:
      kam_chart_set_years (self, g_value_get_int (value), self->last_year);
      break;
    case PROP_LAST_YEAR:
      kam_chart_set_years (self, self->first_year, g_value_get_int (value));
      break;
    case PROP_COUNTRIES:
      kam_chart_set_countries (self, g_value_get_boxed (value));
      break;
    case PROP_SCALE:
      kam_chart_set_scale (self, g_value_get_enum (value));
      break;
    case PROP_SOURCE:
      kam_chart_set_source (self, g_value_get_string (value));
      break;
    case PROP_SPLIT:
      kam_chart_set_split (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      kam_chart_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kam_chart_class_init (KamChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kam_chart_dispose;
  object_class->finalize = kam_chart_finalize;
  object_class->get_property = kam_chart_get_property;
  object_class->set_property = kam_chart_set_property;

  {
    GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

    properties[PROP_DATASET] = g_param_spec_object ("dataset", NULL, NULL, KAM_TYPE_DATASET, flags);
    properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, KAM_TYPE_CHART_KIND,
                                               KAM_CHART_DESTINATIONS, flags);
    /* NULL: the kind's default */
    properties[PROP_INDICATOR] = g_param_spec_string ("indicator", NULL, NULL, NULL, flags);
    /* 0: the latest year with figures */
    properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0, flags);
    properties[PROP_FIRST_YEAR] = g_param_spec_int ("first-year", NULL, NULL, G_MININT, G_MAXINT,
                                                    KAM_YEAR_MIN, flags);
    properties[PROP_LAST_YEAR] = g_param_spec_int ("last-year", NULL, NULL, G_MININT, G_MAXINT,
                                                   KAM_YEAR_MAX, flags);
    /* NULL: a default choice; "" stands for the national total */
    properties[PROP_COUNTRIES] = g_param_spec_boxed ("countries", NULL, NULL, G_TYPE_STRV, flags);
    properties[PROP_SCALE] = g_param_spec_enum ("scale", NULL, NULL, KAM_TYPE_SCALE_KIND, KAM_SCALE_LINEAR,
                                                flags);
    /* NULL: for each value, the most recently dated source */
    properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, flags);
    /* a dimension's id, or NULL */
    properties[PROP_SPLIT] = g_param_spec_string ("split", NULL, NULL, NULL, flags);
    /* the title set, or NULL for the automatic one (kam_chart_get_title gives the one shown) */
    properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
    g_object_class_install_properties (object_class, N_PROPS, properties);
  }

  /**
   * KamChart::changed:
   *
   * Emitted once when a setting changes, or when an edit changes what the
   * chart plots.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
kam_chart_init (KamChart *self)
{
  self->first_year = KAM_YEAR_MIN;
  self->last_year = KAM_YEAR_MAX;
}

/**
 * kam_chart_new:
 * @dataset: (nullable): the data
 *
 * Returns: (transfer full): a new chart
 */
KamChart *
kam_chart_new (KamDataset *dataset, KamChartKind kind)
{
  KamChart *self = g_object_new (KAM_TYPE_CHART, NULL);

  self->kind = kind;
  if (dataset != NULL)
    kam_chart_set_dataset (self, dataset);
  return self;
}

/**
 * kam_chart_copy:
 *
 * A chart with every setting of this one (kind, indicator, years, countries,
 * scale, source, title, split, members) and no dataset: for drawing the same
 * chart of a copy of the dataset in another thread (kam_chart_set_dataset
 * there), while this one goes on changing.
 *
 * Returns: (transfer full): the copy
 */
KamChart *
kam_chart_copy (KamChart *self)
{
  KamChart *copy = g_object_new (KAM_TYPE_CHART, NULL);

  g_return_val_if_fail (KAM_IS_CHART (self), copy);
  copy->kind = self->kind;
  copy->indicator = g_strdup (self->indicator);
  copy->year = self->year;
  copy->first_year = self->first_year;
  copy->last_year = self->last_year;
  copy->countries = g_strdupv (self->countries);
  copy->scale = self->scale;
  copy->source = g_strdup (self->source);
  copy->title = g_strdup (self->title);
  copy->split = g_strdup (self->split);
  if (self->members != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      copy->members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_iter_init (&iter, self->members);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (copy->members, g_strdup (key), g_strdup (value));
    }
  return copy;
}

KamDataset *
kam_chart_get_dataset (KamChart *self)
{
  return self->dataset;
}

void
kam_chart_set_dataset (KamChart *self, KamDataset *dataset)
{
  if (self->dataset == dataset)
    return;
  if (self->dataset != NULL)
    g_signal_handlers_disconnect_by_data (self->dataset, self);
  g_set_object (&self->dataset, dataset);
  if (dataset != NULL)
    g_signal_connect_swapped (dataset, "changed", G_CALLBACK (dataset_changed), self);
  settings_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

KamChartKind
kam_chart_get_kind (KamChart *self)
{
  return self->kind;
}

void
kam_chart_set_kind (KamChart *self, KamChartKind kind)
{
  if (self->kind == kind)
    return;
  self->kind = kind;
  settings_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

static void
set_string (KamChart *self, char **field, const char *value, int prop)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  settings_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

const char *
kam_chart_get_indicator (KamChart *self)
{
  return self->indicator;
}

void
kam_chart_set_indicator (KamChart *self, const char *indicator)
{
  set_string (self, &self->indicator, indicator, PROP_INDICATOR);
}

int
kam_chart_get_year (KamChart *self)
{
  return self->year;
}

void
kam_chart_set_year (KamChart *self, int year)
{
  if (self->year == year)
    return;
  self->year = year;
  settings_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

void
kam_chart_set_years (KamChart *self, int first, int last)
{
  gboolean first_changed = self->first_year != first, last_changed = self->last_year != last;

  if (!first_changed && !last_changed)
    return;
  self->first_year = first;
  self->last_year = last;
  settings_changed (self);
  if (first_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_YEAR]);
  if (last_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_YEAR]);
}

void
kam_chart_get_years (KamChart *self, int *first, int *last)
{
  *first = self->first_year;
  *last = self->last_year;
}

const char *const *
kam_chart_get_countries (KamChart *self)
{
  return (const char *const *) self->countries;
}

void
kam_chart_set_countries (KamChart *self, const char *const *codes)
{
  if (codes == NULL && self->countries == NULL)
    return;
  if (codes != NULL && self->countries != NULL && g_strv_equal (codes, (const char *const *) self->countries))
    return;
  g_strfreev (self->countries);
  self->countries = g_strdupv ((char **) codes);
  settings_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRIES]);
}

KamScaleKind
kam_chart_get_scale (KamChart *self)
{
  return self->scale;
}

void
kam_chart_set_scale (KamChart *self, KamScaleKind scale)
{
  if (self->scale == scale)
    return;
  self->scale = scale;
  settings_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCALE]);
}

const char *
kam_chart_get_source (KamChart *self)
{
  return self->source;
}

void
kam_chart_set_source (KamChart *self, const char *source)
{
  set_string (self, &self->source, source, PROP_SOURCE);
}

const char *
kam_chart_get_split (KamChart *self)
{
  return self->split;
}

void
kam_chart_set_split (KamChart *self, const char *dimension)
{
  set_string (self, &self->split, dimension, PROP_SPLIT);
}

const char *
kam_chart_get_member (KamChart *self, const char *dimension)
{
  return self->members ? g_hash_table_lookup (self->members, dimension) : NULL;
}

void
kam_chart_set_member (KamChart *self, const char *dimension, const char *code)
{
  if (code != NULL && (*code == '\0' || g_str_equal (code, "total")))
    code = NULL;
  if (g_strcmp0 (kam_chart_get_member (self, dimension), code) == 0)
    return;
  if (self->members == NULL)
    self->members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (code == NULL)
    g_hash_table_remove (self->members, dimension);
  else
    g_hash_table_insert (self->members, g_strdup (dimension), g_strdup (code));
  settings_changed (self);
}

void
kam_chart_set_title (KamChart *self, const char *title)
{
  set_string (self, &self->title, title, PROP_TITLE);
}

/**
 * kam_chart_get_title:
 *
 * Returns: the title, set or automatic
 */
const char *
kam_chart_get_title (KamChart *self)
{
  return _kam_chart_get_data (self)->title;
}

/**
 * kam_chart_get_series:
 *
 * Returns: (transfer none) (element-type KamChartSeries): what the chart plots
 */
GPtrArray *
kam_chart_get_series (KamChart *self)
{
  return _kam_chart_get_data (self)->series;
}

/**
 * kam_chart_describe:
 *
 * What the chart shows, in words, for a screen reader: its title, then each
 * series' values ("Thailand 1,220,197; South Korea 45,866").
 *
 * Returns: (transfer full): the description
 */
char *
kam_chart_describe (KamChart *self)
{
  KamChartData *data = _kam_chart_get_data (self);
  GString *text = g_string_new (kam_chart_get_title (self));

  g_string_append_c (text, '.');
  for (guint s = 0; s < data->series->len; s++)
    {
      KamChartSeries *series = g_ptr_array_index (data->series, s);
      gboolean first = TRUE;

      g_string_append_c (text, ' ');
      if (data->series->len > 1 && series->name != NULL)
        g_string_append_printf (text, "%s: ", series->name);
      for (guint i = 0; i < series->points->len; i++)
        {
          KamChartPoint *p = &g_array_index (series->points, KamChartPoint, i);
          g_autofree char *value = NULL;

          if (isnan (p->value))
            continue;
          value = data->percent ? kam_number_format_share (p->value)
                                : kam_number_format_amount (p->value, data->usd);
          g_string_append_printf (text, "%s%s %s", first ? "" : "; ", p->label, value);
          first = FALSE;
        }
      if (first)
        /* Translators: a series of a chart with no known value */
        g_string_append (text, _("no values"));
      g_string_append_c (text, '.');
    }
  return kam_number_localize_take (g_string_free (text, FALSE));
}

int
kam_chart_get_resolved_year (KamChart *self)
{
  return _kam_chart_get_data (self)->year;
}

const char *
kam_chart_get_resolved_indicator (KamChart *self)
{
  return _kam_chart_get_data (self)->indicator;
}

/**
 * kam_chart_get_log_scale_applies:
 *
 * Returns: whether a logarithmic scale means something for what the chart
 *   shows now: not for shares (parts of one whole) nor for stacked bars
 *   (whose parts add up only on a linear scale)
 */
gboolean
kam_chart_get_log_scale_applies (KamChart *self)
{
  KamChartData *data = _kam_chart_get_data (self);

  return self->kind != KAM_CHART_SHARE && self->kind != KAM_CHART_GENDER && !data->stacked;
}

/* The scale the chart is drawn with: the one set, where it applies. */
KamScaleKind
_kam_chart_get_drawn_scale (KamChart *self)
{
  return kam_chart_get_log_scale_applies (self) ? self->scale : KAM_SCALE_LINEAR;
}

/**
 * kam_chart_hit_figures:
 *
 * Returns: (transfer full) (element-type guint): the figures behind a hit
 */
GArray *
kam_chart_hit_figures (const KamChartHit *hit)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (guint));

  if (hit->found && hit->point.figure_id)
    g_array_append_val (ids, hit->point.figure_id);
  if (hit->found && hit->point.figure_id2)
    g_array_append_val (ids, hit->point.figure_id2);
  return ids;
}

/* ---- layout ------------------------------------------------------------- */

/* What one rendering drew where: its regions, and the data they index, kept
 * alive by the layout so that an edit or another rendering of the same chart
 * (an export, a copy, a print) never changes what they point at. */
struct _KamChartLayout
{
  gatomicrefcount ref_count;
  KamChartData *data;
  GArray *regions; /* KamChartRegion, in drawing order */
};

G_DEFINE_BOXED_TYPE (KamChartLayout, kam_chart_layout, kam_chart_layout_ref, kam_chart_layout_unref)

KamChartLayout *
kam_chart_layout_ref (KamChartLayout *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
kam_chart_layout_unref (KamChartLayout *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  data_free (self->data);
  g_array_unref (self->regions);
  g_free (self);
}

const KamChartRegion *
_kam_chart_layout_get_regions (KamChartLayout *self, guint *n_regions)
{
  *n_regions = self->regions->len;
  return (const KamChartRegion *) (gpointer) self->regions->data;
}

/**
 * kam_chart_layout_get_n_points:
 *
 * Returns: how many points the rendering drew (bars, dots, slices)
 */
guint
kam_chart_layout_get_n_points (KamChartLayout *self)
{
  return self->regions->len;
}

/**
 * kam_chart_render_layout:
 *
 * Renders the chart and tells where each point went.
 *
 * Returns: (transfer full): the regions drawn, for kam_chart_layout_hit()
 */
KamChartLayout *
kam_chart_render_layout (KamChart *self, cairo_t *cr, const KamChartStyle *style, double width,
                         double height)
{
  KamChartLayout *layout;

  g_return_val_if_fail (KAM_IS_CHART (self), NULL);
  layout = g_new0 (KamChartLayout, 1);
  g_atomic_ref_count_init (&layout->ref_count);
  layout->data = _kam_chart_get_data (self);
  g_atomic_ref_count_inc (&layout->data->ref_count);
  layout->regions = g_array_new (FALSE, FALSE, sizeof (KamChartRegion));
  _kam_chart_render_data (self, layout->data, cr, style, width, height, layout->regions);
  return layout;
}

void
kam_chart_render (KamChart *self, cairo_t *cr, const KamChartStyle *style, double width,
                  double height)
{
  g_return_if_fail (KAM_IS_CHART (self));
  _kam_chart_render_data (self, _kam_chart_get_data (self), cr, style, width, height, NULL);
}

static void
fill_hit (KamChartLayout *self, const KamChartRegion *r, KamChartHit *hit)
{
  KamChartSeries *series = g_ptr_array_index (self->data->series, r->series);

  hit->found = TRUE;
  hit->series = r->series;
  hit->series_name = series->name;
  hit->point = g_array_index (series->points, KamChartPoint, r->index);
  hit->usd = self->data->usd;
  hit->percent = self->data->percent;
}

gboolean
kam_chart_layout_hit (KamChartLayout *self, double x, double y, KamChartHit *hit)
{
  memset (hit, 0, sizeof *hit);
  /* the last region drawn is on top */
  for (guint i = self->regions->len; i > 0; i--)
    {
      KamChartRegion *r = &g_array_index (self->regions, KamChartRegion, i - 1);

      if (r->wedge)
        {
          double dx = x - r->cx, dy = y - r->cy, d = sqrt (dx * dx + dy * dy);
          /* angles from 12 o'clock, clockwise */
          double a = atan2 (dx, -dy);

          if (a < 0)
            a += 2 * G_PI;
          if (d < r->r0 || d > r->r1 || a < r->a0 || a > r->a1)
            continue;
        }
      else if (x < r->x || x > r->x + r->width || y < r->y || y > r->y + r->height)
        continue;
      fill_hit (self, r, hit);
      return TRUE;
    }
  return FALSE;
}

/**
 * kam_chart_layout_get_point:
 * @index: below kam_chart_layout_get_n_points(), in the order drawn
 * @rect: (out) (optional): x, y, width and height of where it was drawn (a
 *   slice's box: a small square in its middle)
 *
 * What the rendering drew as its index-th point, for moving among them
 * with the keyboard; the hit's strings are borrowed from the layout.
 */
gboolean
kam_chart_layout_get_point (KamChartLayout *self, guint index, KamChartHit *hit, double rect[4])
{
  const KamChartRegion *r;

  memset (hit, 0, sizeof *hit);
  if (index >= self->regions->len)
    return FALSE;
  r = &g_array_index (self->regions, KamChartRegion, index);
  fill_hit (self, r, hit);
  if (rect != NULL && r->wedge)
    {
      double a = (r->a0 + r->a1) / 2, d = (r->r0 + r->r1) / 2, side = MAX ((r->r1 - r->r0) / 2, 4);

      rect[0] = r->cx + d * sin (a) - side / 2;
      rect[1] = r->cy - d * cos (a) - side / 2;
      rect[2] = rect[3] = side;
    }
  else if (rect != NULL)
    {
      rect[0] = r->x;
      rect[1] = r->y;
      rect[2] = r->width;
      rect[3] = r->height;
    }
  return TRUE;
}
