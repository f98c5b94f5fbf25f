/* kam-charts-page.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Charts page: the chart's settings on the left, the chart, and under it
 * the numbers it plots. */

#include <glib/gi18n.h>
#include "kam-charts-page.h"
#include "kam-chart-kinds.h"
#include "kam-deferred-dataset.h"
#include "kam-number.h"
#include "kam-ui-util.h"
#include "kam-dataset.h"
#include "kam-choices.h"

struct _KamChartsPage
{
  GtkWidget parent_instance;

  KamDataset *dataset;
  KamChart *chart;
  /* the drop-downs whose lists come from the dataset, bound to the chart;
   * detached while those lists are made again */
  GBindingGroup *choices;
  GBindingGroup *years_binding;

  /* template children */
  KamChartView *view;
  GtkDropDown *kind, *indicator, *year, *source, *split, *scale;
  /* the map's own: shown for a map only */
  GtkWidget *map_style_box, *map_frame_box, *map_flows_box;
  GtkDropDown *map_style, *map_frame;
  GtkCheckButton *map_flows;
  GtkStringList *year_labels, *split_labels;
  GtkMenuButton *breakdowns_button, *countries_button;
  GtkGrid *breakdowns_grid;
  GtkLabel *table; /* the numbers the chart plots */
  GtkBox *countries_box;

  /* the popovers' controls, made when the popover opens (a drop-down per
   * breakdown and a check per country cost the first frame some 20 ms) */
  guint n_dimensions; /* member filters made */
  char *dimension_labels; /* what the Split by list was made from */
  gboolean filters_stale, countries_stale;
  GtkDropDown *member_filters[KAM_MAX_DIMENSIONS];
  KamChoices indicators, sources;
  GArray *years; /* int, after "Automatic" */
  KamDeferredDataset given; /* the window's, until it is on screen */
};

G_DEFINE_FINAL_TYPE (KamChartsPage, kam_charts_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_CHART,
  PROP_DATASET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

KamChart *
kam_charts_page_get_chart (KamChartsPage *self)
{
  return self->chart;
}

KamChartView *
kam_charts_page_get_view (KamChartsPage *self)
{
  return self->view;
}

/* ---- the numbers under the chart ------------------------------------------- */

/* The numbers are one label, a line per point and a tab between columns, the
 * columns aligned by tab stops made to fit them: a fraction of a grid of
 * labels' cost in the first frame (some 20 ms), every row aligned whatever its
 * script, and what is selected copies as tab-separated text that a
 * spreadsheet takes in columns. */
typedef struct
{
  const char *title;
  gboolean numeric; /* aligned at its right */
  gboolean shown;
} TableColumn;

enum { TABLE_SERIES, TABLE_COUNTRY, TABLE_BREAKDOWN, TABLE_YEAR, TABLE_VALUE, TABLE_SOURCE, TABLE_N_COLUMNS };

#define TABLE_SPACING 18 /* px between columns */

/* cells: TABLE_N_COLUMNS texts per row */
static void
table_set (KamChartsPage *self, const TableColumn *columns, GPtrArray *cells)
{
  guint n_rows = cells->len / TABLE_N_COLUMNS;
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->table), NULL);
  g_autoptr (PangoAttrList) plain = pango_attr_list_new ();
  g_autoptr (PangoAttrList) bold = NULL;
  g_autoptr (PangoTabArray) tabs = pango_tab_array_new (0, TRUE);
  g_autoptr (GString) text = g_string_new (NULL);
  int x = 0, n_tabs = 0;

  /* measured as the label shows them: with the digits of the "numeric" style */
  pango_attr_list_insert (plain, pango_attr_font_features_new ("tnum=1"));
  bold = pango_attr_list_copy (plain);
  pango_attr_list_insert (bold, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  for (int c = 0; c < TABLE_N_COLUMNS; c++)
    {
      int width, column_width;

      if (!columns[c].shown)
        continue;
      /* the column's widest text, its title in bold */
      pango_layout_set_attributes (layout, bold);
      pango_layout_set_text (layout, columns[c].title, -1);
      pango_layout_get_pixel_size (layout, &column_width, NULL);
      pango_layout_set_attributes (layout, plain);
      for (guint r = 0; r < n_rows; r++)
        {
          pango_layout_set_text (layout, g_ptr_array_index (cells, r * TABLE_N_COLUMNS + c), -1);
          pango_layout_get_pixel_size (layout, &width, NULL);
          column_width = MAX (column_width, width);
        }
      /* a stop before every column but the first */
      if (x > 0 || columns[c].numeric)
        {
          pango_tab_array_resize (tabs, n_tabs + 1);
          pango_tab_array_set_tab (tabs, n_tabs++, columns[c].numeric ? PANGO_TAB_RIGHT : PANGO_TAB_LEFT,
                                   columns[c].numeric ? x + column_width : x);
        }
      x += column_width + TABLE_SPACING;
    }

  /* rows a little apart, as a grid's would be */
  g_string_append (text, "<span line_height=\"1.2\">");
  for (guint r = 0; r <= n_rows; r++)
    {
      gboolean first = TRUE;

      if (r > 0)
        g_string_append_c (text, '\n');
      if (r == 0)
        g_string_append (text, "<b>");
      for (int c = 0; c < TABLE_N_COLUMNS; c++)
        {
          const char *cell = r == 0 ? columns[c].title : g_ptr_array_index (cells, (r - 1) * TABLE_N_COLUMNS + c);
          g_autofree char *escaped = g_markup_escape_text (cell, -1);

          if (!columns[c].shown)
            continue;
          if (!first || columns[c].numeric)
            g_string_append_c (text, '\t');
          first = FALSE;
          g_string_append (text, escaped);
        }
      if (r == 0)
        g_string_append (text, "</b>");
    }
  g_string_append (text, "</span>");
  gtk_label_set_tabs (self->table, tabs);
  gtk_label_set_markup (self->table, text->str);
}

static void
update_table (KamChartsPage *self)
{
  GPtrArray *series = kam_chart_get_series (self->chart);
  KamChartKind kind = kam_chart_get_kind (self->chart);
  gboolean share = kind == KAM_CHART_SHARE;
  gboolean by_year = kam_chart_kind_get_info (kind)->by_year;
  KamIndicator *indicator = kam_dataset_lookup_indicator (self->dataset, kam_chart_get_resolved_indicator (self->chart));
  gboolean usd = indicator != NULL && kam_unit_is (kam_indicator_get_unit (indicator), KAM_UNIT_USD);
  KamFigureTable *figures = kam_dataset_get_figures (self->dataset);
  g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  TableColumn columns[TABLE_N_COLUMNS] = {
    [TABLE_SERIES] = { _("Series"), FALSE, TRUE },
    [TABLE_COUNTRY] = { _("Country"), FALSE, TRUE },
    /* the Breakdown column only when a row has one */
    [TABLE_BREAKDOWN] = { _("Breakdown"), FALSE, FALSE },
    [TABLE_YEAR] = { _("Year"), TRUE, TRUE },
    [TABLE_VALUE] = { share ? _("Share") : _("Value"), TRUE, TRUE },
    [TABLE_SOURCE] = { _("Source"), FALSE, TRUE },
  };
  guint rows = 0;

  for (guint s = 0; s < series->len; s++)
    {
      KamChartSeries *ser = g_ptr_array_index (series, s);

      for (guint k = 0; k < ser->points->len && rows < 200; k++, rows++)
        {
          KamChartPoint *p = &g_array_index (ser->points, KamChartPoint, k);
          g_autofree char *value = share ? kam_number_format_share (p->value)
                                         : kam_number_format_amount (p->value, usd);
          g_autofree char *source_label = kam_dataset_dup_source_label (self->dataset, p->source);
          char *members = NULL;
          int figure_row = p->figure_id != 0 ? kam_figure_table_find_row (figures, p->figure_id) : -1;

          /* the figure's breakdown: "Women"; the total's is empty */
          if (figure_row >= 0)
            {
              KamFigureRow figure;

              kam_figure_table_get_row (figures, figure_row, &figure);
              members = kam_dataset_dup_members_label (self->dataset, figure.members);
            }
          columns[TABLE_BREAKDOWN].shown |= members != NULL;

          g_ptr_array_add (cells, g_strdup (ser->name));
          /* charts by year label their points with the year: name the country */
          g_ptr_array_add (cells, g_strdup (by_year ? kam_dataset_get_country_label (self->dataset, p->country)
                                                    : p->label));
          g_ptr_array_add (cells, members ? members : g_strdup (""));
          g_ptr_array_add (cells, kam_number_format_year (p->year));
          g_ptr_array_add (cells, share ? g_strdup (value) : kam_qualifier_mark_text (p->qualifier, value));
          g_ptr_array_add (cells, kam_number_localize (source_label ? source_label : "—"));
        }
    }
  table_set (self, columns, cells);
}

/* ---- bindings ------------------------------------------------------------------ */

static gboolean
enum_to_position (GBinding *binding, const GValue *from, GValue *to, gpointer data)
{
  g_value_set_uint (to, g_value_get_enum (from));
  return TRUE;
}

static gboolean
position_to_enum (GBinding *binding, const GValue *from, GValue *to, gpointer data)
{
  guint position = g_value_get_uint (from);

  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  g_value_set_enum (to, position);
  return TRUE;
}

/* the year: "Automatic" (0) at 0, then the years offered, latest first */
static gboolean
year_to_position (GBinding *binding, const GValue *from, GValue *to, gpointer data)
{
  KamChartsPage *self = data;
  int year = g_value_get_int (from);

  g_value_set_uint (to, 0);
  for (guint i = 0; i < self->years->len && year != 0; i++)
    if (g_array_index (self->years, int, i) == year)
      g_value_set_uint (to, i + 1);
  return TRUE;
}

static gboolean
position_to_year (GBinding *binding, const GValue *from, GValue *to, gpointer data)
{
  KamChartsPage *self = data;
  guint position = g_value_get_uint (from);

  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  g_value_set_int (to, position > 0 && position <= self->years->len ? g_array_index (self->years, int, position - 1)
                                                                    : 0);
  return TRUE;
}

/* the split: "Nothing" at 0, then the dataset's dimensions in order */
static gboolean
split_to_position (GBinding *binding, const GValue *from, GValue *to, gpointer data)
{
  KamChartsPage *self = data;
  const char *id = g_value_get_string (from);
  int d = id != NULL && self->dataset != NULL ? kam_dataset_find_dimension (self->dataset, id) : -1;

  g_value_set_uint (to, d + 1);
  return TRUE;
}

static gboolean
position_to_split (GBinding *binding, const GValue *from, GValue *to, gpointer data)
{
  KamChartsPage *self = data;
  guint position = g_value_get_uint (from);

  if (position == GTK_INVALID_LIST_POSITION || self->dataset == NULL)
    return FALSE;
  g_value_set_string (to, position > 0 && position <= kam_dataset_get_n_dimensions (self->dataset)
                            ? kam_dimension_get_id (kam_dataset_get_dimension (self->dataset, position - 1))
                            : NULL);
  return TRUE;
}

/* ---- controls ----------------------------------------------------------------- */

/* The years offered follow the kind and the indicator: the index's years with
 * known values, latest first. */
static void
update_years (KamChartsPage *self)
{
  KamFigureTable *table = kam_dataset_get_figures (self->dataset);
  g_autoptr (GArray) years = kam_figure_table_dup_years_of (table, kam_chart_get_resolved_indicator (self->chart));
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  gboolean same = years->len == self->years->len
                  && g_list_model_get_n_items (G_LIST_MODEL (self->year_labels)) == years->len + 1;

  for (guint i = 0; same && i < years->len; i++)
    same = g_array_index (years, int, years->len - 1 - i) == g_array_index (self->years, int, i);
  if (same)
    return; /* an open list stays as it is */
  g_binding_group_set_source (self->years_binding, NULL);
  g_array_set_size (self->years, 0);
  g_ptr_array_add (labels, g_strdup (_("Automatic")));
  for (guint i = years->len; i > 0; i--)
    {
      int y = g_array_index (years, int, i - 1);

      g_ptr_array_add (labels, g_strdup_printf ("%d", y));
      g_array_append_val (self->years, y);
    }
  g_ptr_array_add (labels, NULL);
  gtk_string_list_splice (self->year_labels, 0, g_list_model_get_n_items (G_LIST_MODEL (self->year_labels)),
                          (const char *const *) labels->pdata);
  g_binding_group_set_source (self->years_binding, self->chart);
}

static void
kind_or_indicator_changed (KamChartsPage *self)
{
  if (self->dataset != NULL)
    update_years (self);
}

static void
country_toggled (KamChartsPage *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) codes = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->countries_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (child)))
      g_strv_builder_add (builder, gtk_widget_get_name (child));
  codes = g_strv_builder_end (builder);
  kam_chart_set_countries (self->chart, codes[0] ? (const char *const *) codes : NULL);
}

/* A check button per country (its code as its widget name), ticked as the
 * chart has them, then listened to. */
static void
update_countries (KamChartsPage *self)
{
  GListModel *countries = kam_dataset_get_countries (self->dataset);
  const char *const *chosen = kam_chart_get_countries (self->chart);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->countries_box))) != NULL)
    gtk_box_remove (self->countries_box, child);
  for (guint i = 0; i <= g_list_model_get_n_items (countries); i++)
    {
      g_autoptr (KamCountry) country = i > 0 ? g_list_model_get_item (countries, i - 1) : NULL;
      const char *code = country ? kam_country_get_code (country) : "";
      GtkWidget *check = gtk_check_button_new_with_label (
        country ? kam_dataset_get_country_label (self->dataset, code) : _("National total"));

      gtk_widget_set_name (check, code);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), chosen != NULL && g_strv_contains (chosen, code));
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (country_toggled), self);
      gtk_box_append (self->countries_box, check);
    }
  self->countries_stale = FALSE;
}

static void
countries_popover_shown (KamChartsPage *self)
{
  if (self->countries_stale)
    update_countries (self);
}

/* ---- breakdowns: split by a dimension, or keep to a member -------------------- */

static void
member_chosen (KamChartsPage *self)
{
  g_autoptr (GString) label = g_string_new (NULL);

  for (guint d = 0; d < self->n_dimensions; d++)
    {
      KamDimension *dimension = kam_dataset_get_dimension (self->dataset, d);
      guint selected = gtk_drop_down_get_selected (self->member_filters[d]);
      guint member = selected == GTK_INVALID_LIST_POSITION ? 0 : selected;

      kam_chart_set_member (self->chart, kam_dimension_get_id (dimension),
                            kam_dimension_get_member_code (dimension, member));
      if (member > 0)
        g_string_append_printf (label, "%s%s", label->len ? ", " : "",
                                kam_dimension_get_member_label (dimension, member));
    }
  /* Translators: the button that keeps the chart to breakdowns when it has none chosen */
  kam_menu_button_set_label (self->breakdowns_button, label->len ? label->str : _("Totals"));
}

/* The Split by choices, made from the dataset's dimensions. */
static void
update_split_choices (KamChartsPage *self)
{
  guint n = MIN (kam_dataset_get_n_dimensions (self->dataset), KAM_MAX_DIMENSIONS);
  g_autoptr (GPtrArray) split_labels = g_ptr_array_new ();

  /* Translators: the chart split by nothing: one series */
  g_ptr_array_add (split_labels, (gpointer) C_("split", "Nothing"));
  for (guint d = 0; d < n; d++)
    g_ptr_array_add (split_labels, (gpointer) kam_dimension_get_label (kam_dataset_get_dimension (self->dataset, d)));
  g_ptr_array_add (split_labels, NULL);
  g_binding_group_set_source (self->choices, NULL);
  gtk_string_list_splice (self->split_labels, 0, g_list_model_get_n_items (G_LIST_MODEL (self->split_labels)),
                          (const char *const *) split_labels->pdata);
  g_binding_group_set_source (self->choices, self->chart);
}

/* The Breakdown popover's drop-downs: each shows the chart's member, then is
 * listened to. */
static void
update_member_filters (KamChartsPage *self)
{
  guint n = MIN (kam_dataset_get_n_dimensions (self->dataset), KAM_MAX_DIMENSIONS);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->breakdowns_grid))) != NULL)
    gtk_grid_remove (self->breakdowns_grid, child);
  for (guint d = 0; d < n; d++)
    {
      KamDimension *dimension = kam_dataset_get_dimension (self->dataset, d);
      g_autoptr (GtkStringList) members = gtk_string_list_new (NULL);
      GtkWidget *label = gtk_label_new (kam_dimension_get_label (dimension));
      GtkWidget *filter;
      const char *chosen = kam_chart_get_member (self->chart, kam_dimension_get_id (dimension));
      int selected = chosen != NULL ? kam_dimension_find_code (dimension, chosen) : 0;
      g_autofree char *name = g_strdup_printf (_("Chart only: %s"), kam_dimension_get_label (dimension));

      for (guint m = 0; m < kam_dimension_get_n_members (dimension); m++)
        gtk_string_list_append (members, kam_dimension_get_member_label (dimension, m));
      filter = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&members)), NULL);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (filter), MAX (selected, 0));
      gtk_accessible_update_property (GTK_ACCESSIBLE (filter), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      kam_label_drop_down (GTK_DROP_DOWN (filter));
      gtk_widget_set_hexpand (filter, TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_grid_attach (self->breakdowns_grid, label, 0, d, 1, 1);
      gtk_grid_attach (self->breakdowns_grid, filter, 1, d, 1, 1);
      g_signal_connect_swapped (filter, "notify::selected", G_CALLBACK (member_chosen), self);
      self->member_filters[d] = GTK_DROP_DOWN (filter);
    }
  self->n_dimensions = n;
  self->filters_stale = FALSE;
  member_chosen (self);
}

static void
breakdowns_popover_shown (KamChartsPage *self)
{
  if (self->filters_stale)
    update_member_filters (self);
}

static void
chart_changed (KamChartsPage *self)
{
  KamChartKind kind = kam_chart_get_kind (self->chart);

  if (self->dataset == NULL)
    return;
  update_table (self);
  /* no logarithmic scale for shares or stacked bars */
  gtk_widget_set_sensitive (GTK_WIDGET (self->scale), kam_chart_get_log_scale_applies (self->chart));
  /* stacked bars of destinations, a line per member for trends and remittances */
  gtk_widget_set_sensitive (GTK_WIDGET (self->split), kam_chart_kind_get_info (kind)->splittable);
  gtk_widget_set_visible (self->map_style_box, kind == KAM_CHART_MAP);
  /* split, a map draws pies: no other way to show it */
  gtk_widget_set_sensitive (GTK_WIDGET (self->map_style), kam_chart_get_split (self->chart) == NULL);
  gtk_widget_set_visible (self->map_frame_box, kind == KAM_CHART_MAP);
  gtk_widget_set_visible (self->map_flows_box, kind == KAM_CHART_MAP);
}

/* The names of the breakdowns and their members, in one string. */
static char *
dimension_labels (KamDataset *dataset)
{
  GString *labels = g_string_new (NULL);

  for (guint d = 0; d < MIN (kam_dataset_get_n_dimensions (dataset), KAM_MAX_DIMENSIONS); d++)
    {
      KamDimension *dimension = kam_dataset_get_dimension (dataset, d);

      g_string_append_printf (labels, "%s\n", kam_dimension_get_label (dimension));
      for (guint m = 0; m < kam_dimension_get_n_members (dimension); m++)
        g_string_append_printf (labels, "\t%s\n", kam_dimension_get_member_label (dimension, m));
    }
  return g_string_free (labels, FALSE);
}

static void
dataset_changed (KamChartsPage *self)
{
  g_autofree char *labels = dimension_labels (self->dataset);

  g_binding_group_set_source (self->choices, NULL);
  kam_choices_update (&self->indicators, self->dataset, KAM_CHOICES_INDICATORS, _("Automatic"), NULL, NULL);
  kam_choices_update (&self->sources, self->dataset, KAM_CHOICES_SOURCES, _("Most recent source"), NULL, NULL);
  g_binding_group_set_source (self->choices, self->chart);
  /* the popovers' controls are made again when next opened, or now if open */
  self->countries_stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self->countries_box)))
    update_countries (self);
  update_years (self);
  /* new breakdowns or members, or new names for them */
  if (g_strcmp0 (labels, self->dimension_labels) != 0)
    {
      g_free (self->dimension_labels);
      self->dimension_labels = g_steal_pointer (&labels);
      update_split_choices (self);
      self->filters_stale = TRUE;
      if (gtk_widget_get_mapped (GTK_WIDGET (self->breakdowns_grid)))
        update_member_filters (self);
    }
}

void
kam_charts_page_set_dataset (KamChartsPage *self, KamDataset *dataset)
{
  if (self->dataset != NULL)
    g_signal_handlers_disconnect_by_data (self->dataset, self);
  g_set_object (&self->dataset, dataset);
  kam_chart_set_dataset (self->chart, dataset);
  kam_chart_set_countries (self->chart, NULL);
  kam_chart_set_split (self->chart, NULL);
  for (guint d = 0; d < kam_dataset_get_n_dimensions (dataset); d++)
    kam_chart_set_member (self->chart, kam_dimension_get_id (kam_dataset_get_dimension (dataset, d)), NULL);
  /* another dataset: its member filters, whatever their names */
  g_clear_pointer (&self->dimension_labels, g_free);
  self->n_dimensions = 0;
  kam_menu_button_set_label (self->breakdowns_button, _("Totals"));
  g_signal_connect_swapped (dataset, "changed", G_CALLBACK (dataset_changed), self);
  dataset_changed (self);
  chart_changed (self);
}

/* ---- construction ---------------------------------------------------------- */

static void
kam_charts_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, KAM_CHARTS_PAGE (object)->chart);
      break;
    case PROP_DATASET:
      g_value_set_object (value, KAM_CHARTS_PAGE (object)->dataset);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
apply_dataset (GtkWidget *page, KamDataset *dataset)
{
  kam_charts_page_set_dataset (KAM_CHARTS_PAGE (page), dataset);
}

static void
kam_charts_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  KamChartsPage *self = KAM_CHARTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      kam_deferred_dataset_set (&self->given, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The dataset the page was last given, applied now if it waited for the
 * window to be shown. */
void
kam_charts_page_bring_up_to_date (KamChartsPage *self)
{
  g_return_if_fail (KAM_IS_CHARTS_PAGE (self));
  kam_deferred_dataset_flush (&self->given);
}

static void
kam_charts_page_dispose (GObject *object)
{
  KamChartsPage *self = KAM_CHARTS_PAGE (object);

  kam_deferred_dataset_clear (&self->given);
  if (self->dataset != NULL)
    g_signal_handlers_disconnect_by_data (self->dataset, self);
  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);
  if (self->choices != NULL)
    g_binding_group_set_source (self->choices, NULL);
  if (self->years_binding != NULL)
    g_binding_group_set_source (self->years_binding, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KAM_TYPE_CHARTS_PAGE);
  g_clear_object (&self->choices);
  g_clear_object (&self->years_binding);
  g_clear_object (&self->dataset);
  g_clear_object (&self->chart);
  G_OBJECT_CLASS (kam_charts_page_parent_class)->dispose (object);
}

static void
kam_charts_page_finalize (GObject *object)
{
  KamChartsPage *self = KAM_CHARTS_PAGE (object);

  kam_choices_clear (&self->indicators);
  kam_choices_clear (&self->sources);
  g_array_unref (self->years);
  g_free (self->dimension_labels);
  G_OBJECT_CLASS (kam_charts_page_parent_class)->finalize (object);
}

static void
kam_charts_page_class_init (KamChartsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = kam_charts_page_get_property;
  object_class->set_property = kam_charts_page_set_property;
  object_class->dispose = kam_charts_page_dispose;
  object_class->finalize = kam_charts_page_finalize;

  /**
   * KamChartsPage:chart:
   * The chart this page sets and shows (its view is bound to it).
   */
  properties[PROP_CHART] = g_param_spec_object ("chart", NULL, NULL, KAM_TYPE_CHART,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * KamChartsPage:dataset:
   * The dataset charted (bound to the window's document), applied once the
   * window is on screen.
   */
  properties[PROP_DATASET] = g_param_spec_object ("dataset", NULL, NULL, KAM_TYPE_DATASET,
                                                  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                                    | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kamlang/Kamlang/ui/kam-charts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KamChartsPage, view);
  gtk_widget_class_bind_template_child (widget_class, KamChartsPage, kind);
  gtk_widget_class_bind_template_child (widget_class, KamChartsPage, indicator);
  gtk_widget_class_bind_template_child (widget_class, KamChartsPage, year);
  gtk_widget_class_bind_template_child (widget_class, KamChartsPage, year_labels);
  gtk_widget_class_bind_template_child (widget_class, KamChartsPage, source);
  gtk_widget_class_bind_template_child (widget_class, KamChartsPage, split);
  gtk_widget_class_bind_template_child (widget_class, KamChartsPage, split_labels);
  gtk_widget_class_bind_template_child (widget_class, KamChartsPage, scale);
  gtk_widget_class_bind_template_child (widget_class, KamChartsPage, map_style_box);
  gtk_widget_class_bind_template_child (widget_class, KamChartsPage, map_frame_box);
  gtk_widget_class_bind_template_child (widget_class, KamChartsPage, map_flows_box);
  gtk_widget_class_bind_template_child (widget_class, KamChartsPage, map_style);
  gtk_widget_class_bind_template_child (widget_class, KamChartsPage, map_frame);
  gtk_widget_class_bind_template_child (widget_class, KamChartsPage, map_flows);
  gtk_widget_class_bind_template_child (widget_class, KamChartsPage, breakdowns_button);
  gtk_widget_class_bind_template_child (widget_class, KamChartsPage, breakdowns_grid);
  gtk_widget_class_bind_template_child (widget_class, KamChartsPage, countries_button);
  gtk_widget_class_bind_template_child (widget_class, KamChartsPage, countries_box);
  gtk_widget_class_bind_template_child (widget_class, KamChartsPage, table);
  gtk_widget_class_bind_template_callback (widget_class, countries_popover_shown);
  gtk_widget_class_bind_template_callback (widget_class, breakdowns_popover_shown);
}

static void
kam_charts_page_init (KamChartsPage *self)
{
  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  kam_deferred_dataset_init (&self->given, GTK_WIDGET (self), apply_dataset);
  kam_choices_init (&self->indicators);
  kam_choices_init (&self->sources);
  /* before the template: its view is bound to the chart */
  self->chart = kam_chart_new (NULL, KAM_CHART_DESTINATIONS);

  g_type_ensure (KAM_TYPE_CHART_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
  kam_label_inner_controls (GTK_WIDGET (self));
  kam_menu_button_align_label (self->countries_button);
  kam_menu_button_align_label (self->breakdowns_button);

  g_object_bind_property_full (self->chart, "kind", self->kind, "selected",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE, enum_to_position,
                               position_to_enum, NULL, NULL);
  g_object_bind_property_full (self->chart, "scale", self->scale, "selected",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE, enum_to_position,
                               position_to_enum, NULL, NULL);
  g_object_bind_property_full (self->chart, "map-style", self->map_style, "selected",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE, enum_to_position,
                               position_to_enum, NULL, NULL);
  g_object_bind_property_full (self->chart, "map-frame", self->map_frame, "selected",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE, enum_to_position,
                               position_to_enum, NULL, NULL);
  g_object_bind_property (self->chart, "map-flows", self->map_flows, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  self->choices = g_binding_group_new ();
  kam_choices_bind (&self->indicators, self->choices, "indicator", self->indicator);
  kam_choices_bind (&self->sources, self->choices, "source", self->source);
  g_binding_group_bind_full (self->choices, "split", self->split, "selected",
                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE, split_to_position,
                             position_to_split, self, NULL);
  self->years_binding = g_binding_group_new ();
  g_binding_group_bind_full (self->years_binding, "year", self->year, "selected",
                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE, year_to_position,
                             position_to_year, self, NULL);
  g_signal_connect_swapped (self->chart, "changed", G_CALLBACK (chart_changed), self);
  g_signal_connect_swapped (self->chart, "notify::kind", G_CALLBACK (kind_or_indicator_changed), self);
  g_signal_connect_swapped (self->chart, "notify::indicator", G_CALLBACK (kind_or_indicator_changed), self);
}

GtkWidget *
kam_charts_page_new (void)
{
  return g_object_new (KAM_TYPE_CHARTS_PAGE, NULL);
}
