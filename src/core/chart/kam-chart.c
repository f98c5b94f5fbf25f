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
#include "kam-chart-build-private.h"
#include "kam-chart-kinds-private.h"
#include "kam-number.h"


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
  PROP_MAP_STYLE,
  PROP_MAP_FRAME,
  PROP_MAP_FLOWS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- data --------------------------------------------------------------- */
static KamChartData *
compute (KamChart *self)
{
  KamChartData *data = g_new0 (KamChartData, 1);
  const KamChartKindClass *kind = _kam_chart_kind_get_class (self->kind);

  g_atomic_ref_count_init (&data->ref_count);
  data->kind = self->kind;
  data->map_style = self->map_style;
  data->map_frame = self->map_frame;
  data->map_flows = self->map_flows;
  data->series = g_ptr_array_new_with_free_func ((GDestroyNotify) _kam_chart_series_free);
  data->markers = g_ptr_array_new_with_free_func ((GDestroyNotify) _kam_chart_marker_free);
  data->sources = g_ptr_array_new ();
  data->source_labels = g_ptr_array_new_with_free_func (g_free);
  if (self->dataset == NULL)
    return data;

  if (kind->resolve == NULL || !kind->resolve (self, data))
    {
      data->indicator = g_intern_string (self->indicator ? self->indicator : kind->info.default_indicator);
      /* only the charts of one year need one */
      if (kind->info.one_year)
        data->year = self->year ? self->year : _kam_chart_latest_year (self, data->indicator, 0, NULL);
    }
  data->usd = _kam_chart_indicator_is_usd (self->dataset, data->indicator);
  kind->build (self, data);
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

      _kam_chart_members (self, members);
      label = kam_dataset_dup_members_label (self->dataset, members);
      if (label != NULL)
        {
          g_autofree char *title = data->title;
          /* Translators: a chart's title, then the breakdown it is kept to: "…, 2021 (Women)" */
          data->title = g_strdup_printf (_("%s (%s)"), title, label);
        }
    }
  for (guint i = 0; i < data->sources->len; i++)
    g_ptr_array_add (data->source_labels, kam_dataset_dup_source_label (self->dataset, g_ptr_array_index (data->sources, i)));
  /* (no logarithmic scale for parts of one whole, nor for stacked bars) */
  data->scale = kind->info.log_scale && !data->stacked ? self->scale : KAM_SCALE_LINEAR;
  data->axis_label = g_strdup (data->percent ? _("Share of the total")
                               : data->usd   ? _("US dollars")
                                             : _("Persons"));
  return data;
}

static gboolean
same_data (KamChartData *a, KamChartData *b)
{
  if (a->series->len != b->series->len || a->markers->len != b->markers->len
      || g_strcmp0 (a->title, b->title) != 0 || a->source_labels->len != b->source_labels->len)
    return FALSE;
  /* (a source retitled: the footnote changes) */
  for (guint i = 0; i < a->source_labels->len; i++)
    if (g_strcmp0 (g_ptr_array_index (a->source_labels, i), g_ptr_array_index (b->source_labels, i)) != 0)
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
  g_clear_pointer (&self->data, _kam_chart_data_free);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
dataset_changed (KamChart *self)
{
  KamChartData *fresh = compute (self);

  if (self->data != NULL && same_data (self->data, fresh))
    {
      _kam_chart_data_free (fresh);
      return;
    }
  _kam_chart_data_free (self->data);
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
  g_clear_pointer (&self->data, _kam_chart_data_free);
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
    case PROP_MAP_STYLE:
      g_value_set_enum (value, self->map_style);
      break;
    case PROP_MAP_FRAME:
      g_value_set_enum (value, self->map_frame);
      break;
    case PROP_MAP_FLOWS:
      g_value_set_boolean (value, self->map_flows);
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
    case PROP_MAP_STYLE:
      kam_chart_set_map_style (self, g_value_get_enum (value));
      break;
    case PROP_MAP_FRAME:
      kam_chart_set_map_frame (self, g_value_get_enum (value));
      break;
    case PROP_MAP_FLOWS:
      kam_chart_set_map_flows (self, g_value_get_boolean (value));
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
    properties[PROP_MAP_STYLE] = g_param_spec_enum ("map-style", NULL, NULL, KAM_TYPE_MAP_STYLE, KAM_MAP_SHADED,
                                                    flags);
    properties[PROP_MAP_FRAME] = g_param_spec_enum ("map-frame", NULL, NULL, KAM_TYPE_MAP_FRAME,
                                                    KAM_MAP_FRAME_DESTINATIONS, flags);
    properties[PROP_MAP_FLOWS] = g_param_spec_boolean ("map-flows", NULL, NULL, FALSE, flags);
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
  copy->map_style = self->map_style;
  copy->map_frame = self->map_frame;
  copy->map_flows = self->map_flows;
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

KamMapStyle
kam_chart_get_map_style (KamChart *self)
{
  return self->map_style;
}

void
kam_chart_set_map_style (KamChart *self, KamMapStyle style)
{
  if (self->map_style == style)
    return;
  self->map_style = style;
  settings_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAP_STYLE]);
}

KamMapFrame
kam_chart_get_map_frame (KamChart *self)
{
  return self->map_frame;
}

void
kam_chart_set_map_frame (KamChart *self, KamMapFrame frame)
{
  if (self->map_frame == frame)
    return;
  self->map_frame = frame;
  settings_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAP_FRAME]);
}

gboolean
kam_chart_get_map_flows (KamChart *self)
{
  return self->map_flows;
}

void
kam_chart_set_map_flows (KamChart *self, gboolean flows)
{
  flows = !!flows;
  if (self->map_flows == flows)
    return;
  self->map_flows = flows;
  settings_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAP_FLOWS]);
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

  return kam_chart_kind_get_info (self->kind)->log_scale && !data->stacked;
}

/* The scale the chart is drawn with: the one set, where it applies. */
KamScaleKind
_kam_chart_get_drawn_scale (KamChart *self)
{
  return _kam_chart_get_data (self)->scale;
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
