/* kam-charts-page.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Charts page: the chart's settings on the left, the chart, and under it
 * the numbers it plots. */

#include <glib/gi18n.h>
#include "kam-charts-page.h"
#include "kam-number.h"
#include "kam-ui-util.h"

struct _KamChartsPage
{
  GtkWidget parent_instance;

  KamDataset *dataset;
  KamChart *chart;
  KamChartView *view;
  GtkDropDown *kind, *indicator, *year, *source;
  GtkSwitch *log_scale;
  GtkDropDown *split;
  GtkStringList *split_labels;
  GtkMenuButton *breakdowns_button;
  GtkGrid *breakdowns_grid;
  guint n_dimensions;
  char *dimension_labels; /* what the Breakdown popover was made from */
  GtkDropDown *member_filters[KAM_MAX_DIMENSIONS];
  GtkMenuButton *countries_button;
  GtkBox *countries_box;
  guint n_country_checks;
  GtkGrid *table;
  KamChoices indicators, sources;
  GArray *years; /* int, after "Automatic" */
  gboolean syncing;
};

G_DEFINE_FINAL_TYPE (KamChartsPage, kam_charts_page, GTK_TYPE_WIDGET)

static const char *const kind_names[] = { N_("Destinations"), N_("Trend"), N_("Share"), N_("Quota and target"),
                                          N_("Women and men"), N_("Remittances"), NULL };

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

static void
table_add (KamChartsPage *self, int row, int column, const char *text, gboolean header, gboolean numeric)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_selectable (GTK_LABEL (label), !header);
  /* not a Tab stop each: the chart itself goes through its values */
  gtk_widget_set_focusable (label, FALSE);
  if (header)
    gtk_widget_add_css_class (label, "heading");
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_grid_attach (self->table, label, column, row, 1, 1);
}

static void
update_table (KamChartsPage *self)
{
  GPtrArray *series = kam_chart_get_series (self->chart);
  GtkWidget *child;
  int row = 1;
  KamChartKind kind = kam_chart_get_kind (self->chart);
  gboolean share = kind == KAM_CHART_SHARE;
  gboolean by_year = kind == KAM_CHART_TREND || kind == KAM_CHART_REMITTANCES || kind == KAM_CHART_QUOTA;
  KamIndicator *indicator = kam_dataset_lookup_indicator (self->dataset, kam_chart_get_resolved_indicator (self->chart));
  gboolean usd = indicator != NULL && kam_unit_is (kam_indicator_get_unit (indicator), KAM_UNIT_USD);

  KamFigureTable *figures = kam_dataset_get_figures (self->dataset);
  gboolean any_breakdown = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_grid_remove (self->table, child);
  table_add (self, 0, 0, _("Series"), TRUE, FALSE);
  table_add (self, 0, 1, _("Country"), TRUE, FALSE);
  table_add (self, 0, 2, _("Breakdown"), TRUE, FALSE);
  table_add (self, 0, 3, _("Year"), TRUE, TRUE);
  table_add (self, 0, 4, share ? _("Share") : _("Value"), TRUE, TRUE);
  table_add (self, 0, 5, _("Source"), TRUE, FALSE);
  for (guint s = 0; s < series->len; s++)
    {
      KamChartSeries *ser = g_ptr_array_index (series, s);

      for (guint k = 0; k < ser->points->len && row < 200; k++, row++)
        {
          KamChartPoint *p = &g_array_index (ser->points, KamChartPoint, k);
          char year[16];
          g_autofree char *value = share ? kam_number_format (p->value * 100, 1)
                                         : kam_number_format_amount (p->value, usd);
          g_autofree char *shown = share ? g_strdup_printf ("%s %%", value)
                                         : kam_qualifier_mark_text (p->qualifier, value);
          g_autofree char *source_label = kam_dataset_dup_source_label (self->dataset, p->source);
          const char *source_text = source_label ? source_label : "—";
          g_autofree char *members = NULL;
          int figure_row = p->figure_id != 0 ? kam_figure_table_find_row (figures, p->figure_id) : -1;

          /* the figure's breakdown: "Women"; the total's is empty */
          if (figure_row >= 0)
            {
              KamFigureRow figure;

              kam_figure_table_get_row (figures, figure_row, &figure);
              members = kam_dataset_dup_members_label (self->dataset, figure.members);
            }
          any_breakdown |= members != NULL;

          g_snprintf (year, sizeof year, "%d", p->year);
          table_add (self, row, 0, ser->name, FALSE, FALSE);
          /* charts by year label their points with the year: name the country */
          table_add (self, row, 1, by_year ? kam_dataset_get_country_label (self->dataset, p->country) : p->label,
                     FALSE, FALSE);
          table_add (self, row, 2, members ? members : "", FALSE, FALSE);
          table_add (self, row, 3, year, FALSE, TRUE);
          table_add (self, row, 4, shown, FALSE, TRUE);
          table_add (self, row, 5, source_text, FALSE, FALSE);
        }
    }
  /* the Breakdown column only when a row has one */
  for (int r = 0; r < row && !any_breakdown; r++)
    gtk_widget_set_visible (gtk_grid_get_child_at (self->table, 2, r), FALSE);
}

/* ---- controls ----------------------------------------------------------------- */

static void
update_years (KamChartsPage *self)
{
  KamFigureTable *table = kam_dataset_get_figures (self->dataset);
  g_autoptr (GArray) years = kam_figure_table_dup_years_of (table, kam_chart_get_resolved_indicator (self->chart));
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  g_array_set_size (self->years, 0);
  gtk_string_list_append (labels, _("Automatic"));
  /* the index's years with known values, latest first */
  for (guint i = years->len; i > 0; i--)
    {
      int y = g_array_index (years, int, i - 1);
      char text[16];

      g_snprintf (text, sizeof text, "%d", y);
      gtk_string_list_append (labels, text);
      g_array_append_val (self->years, y);
      if (y == kam_chart_get_year (self->chart))
        selected = self->years->len;
    }
  gtk_drop_down_set_model (self->year, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->year, selected);
}

static void
country_toggled (KamChartsPage *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) codes = NULL;

  if (self->syncing)
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->countries_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (child)))
      g_strv_builder_add (builder, g_object_get_data (G_OBJECT (child), "kam-code"));
  codes = g_strv_builder_end (builder);
  kam_chart_set_countries (self->chart, codes[0] ? (const char *const *) codes : NULL);
}

static void
update_countries (KamChartsPage *self)
{
  GListModel *countries = kam_dataset_get_countries (self->dataset);
  const char *const *chosen = kam_chart_get_countries (self->chart);
  GtkWidget *child;

  self->syncing = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->countries_box))) != NULL)
    gtk_box_remove (self->countries_box, child);
  for (guint i = 0; i <= g_list_model_get_n_items (countries); i++)
    {
      g_autoptr (KamCountry) country = i > 0 ? g_list_model_get_item (countries, i - 1) : NULL;
      const char *code = country ? kam_country_get_code (country) : "";
      GtkWidget *check = gtk_check_button_new_with_label (
        country ? kam_dataset_get_country_label (self->dataset, code) : _("National total"));

      g_object_set_data_full (G_OBJECT (check), "kam-code", g_strdup (code), g_free);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   chosen != NULL && g_strv_contains (chosen, code));
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (country_toggled), self);
      gtk_box_append (self->countries_box, check);
    }
  self->n_country_checks = g_list_model_get_n_items (countries) + 1;
  self->syncing = FALSE;
}

static void
controls_changed (KamChartsPage *self)
{
  guint year;

  if (self->syncing || self->dataset == NULL)
    return;
  kam_chart_set_indicator (self->chart, kam_choices_get_key (&self->indicators,
                                                             gtk_drop_down_get_selected (self->indicator)));
  year = gtk_drop_down_get_selected (self->year);
  kam_chart_set_year (self->chart, year > 0 && year <= self->years->len
                                     ? g_array_index (self->years, int, year - 1) : 0);
  kam_chart_set_source (self->chart, kam_choices_get_key (&self->sources, gtk_drop_down_get_selected (self->source)));
}

static void
indicator_chosen (KamChartsPage *self)
{
  controls_changed (self);
}

/* the years offered follow the kind and the indicator */
static void
kind_or_indicator_changed (KamChartsPage *self)
{
  if (self->dataset == NULL || self->syncing)
    return;
  self->syncing = TRUE;
  update_years (self);
  self->syncing = FALSE;
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

static gboolean
scale_to_active (GBinding *binding, const GValue *from, GValue *to, gpointer data)
{
  g_value_set_boolean (to, g_value_get_enum (from) == KAM_SCALE_LOG);
  return TRUE;
}

static gboolean
active_to_scale (GBinding *binding, const GValue *from, GValue *to, gpointer data)
{
  g_value_set_enum (to, g_value_get_boolean (from) ? KAM_SCALE_LOG : KAM_SCALE_LINEAR);
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

/* ---- breakdowns: split by a dimension, or keep to a member -------------------- */

static void
member_chosen (KamChartsPage *self)
{
  g_autoptr (GString) label = g_string_new (NULL);

  if (self->syncing || self->dataset == NULL)
    return;
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
  gtk_menu_button_set_label (self->breakdowns_button, label->len ? label->str : _("Totals"));
}

static void
update_dimensions (KamChartsPage *self)
{
  guint n = MIN (kam_dataset_get_n_dimensions (self->dataset), KAM_MAX_DIMENSIONS);
  g_autoptr (GPtrArray) split_labels = g_ptr_array_new ();
  GtkWidget *child;
  gboolean was_syncing = self->syncing;

  self->syncing = TRUE;
  /* Translators: the chart split by nothing: one series */
  g_ptr_array_add (split_labels, (gpointer) C_("split", "Nothing"));
  for (guint d = 0; d < n; d++)
    g_ptr_array_add (split_labels, (gpointer) kam_dimension_get_label (kam_dataset_get_dimension (self->dataset, d)));
  g_ptr_array_add (split_labels, NULL);
  {
    /* the drop-down loses its choice when its list changes: keep the chart's */
    g_autofree char *split = g_strdup (kam_chart_get_split (self->chart));

    gtk_string_list_splice (self->split_labels, 0, g_list_model_get_n_items (G_LIST_MODEL (self->split_labels)),
                            (const char *const *) split_labels->pdata);
    kam_chart_set_split (self->chart, split);
    g_object_notify (G_OBJECT (self->chart), "split"); /* the binding chooses again */
  }

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
      gtk_widget_set_hexpand (filter, TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_grid_attach (self->breakdowns_grid, label, 0, d, 1, 1);
      gtk_grid_attach (self->breakdowns_grid, filter, 1, d, 1, 1);
      g_signal_connect_swapped (filter, "notify::selected", G_CALLBACK (member_chosen), self);
      self->member_filters[d] = GTK_DROP_DOWN (filter);
    }
  self->n_dimensions = n;
  self->syncing = was_syncing;
  member_chosen (self);
}

static void
chart_changed (KamChartsPage *self)
{
  KamChartKind kind = kam_chart_get_kind (self->chart);

  update_table (self);
  /* no logarithmic scale for shares or stacked bars */
  gtk_widget_set_sensitive (GTK_WIDGET (self->log_scale), kam_chart_get_log_scale_applies (self->chart));
  /* stacked bars of destinations, a line per member for trends and remittances */
  gtk_widget_set_sensitive (GTK_WIDGET (self->split), kind == KAM_CHART_DESTINATIONS || kind == KAM_CHART_TREND
                                                        || kind == KAM_CHART_REMITTANCES);
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
  guint indicator = gtk_drop_down_get_selected (self->indicator);
  guint source = gtk_drop_down_get_selected (self->source);
  const char *indicator_key = kam_choices_get_key (&self->indicators, indicator);
  const char *source_key = kam_choices_get_key (&self->sources, source);

  self->syncing = TRUE;
  kam_choices_update (&self->indicators, self->dataset, KAM_CHOICES_INDICATORS, _("Automatic"), NULL, NULL);
  kam_choices_update (&self->sources, self->dataset, KAM_CHOICES_SOURCES, _("Most recent source"), NULL, NULL);
  gtk_drop_down_set_selected (self->indicator, MIN (kam_choices_find (&self->indicators, indicator_key), 10000));
  gtk_drop_down_set_selected (self->source, MIN (kam_choices_find (&self->sources, source_key), 10000));
  if (g_list_model_get_n_items (kam_dataset_get_countries (self->dataset)) + 1 != self->n_country_checks)
    update_countries (self);
  self->syncing = FALSE;
  {
    /* new breakdowns or members, or new names for them */
    g_autofree char *labels = dimension_labels (self->dataset);

    if (kam_dataset_get_n_dimensions (self->dataset) != self->n_dimensions
        || g_strcmp0 (labels, self->dimension_labels) != 0)
      {
        g_free (self->dimension_labels);
        self->dimension_labels = g_steal_pointer (&labels);
        update_dimensions (self);
      }
  }
}

void
kam_charts_page_set_dataset (KamChartsPage *self, KamDataset *dataset)
{
  if (self->dataset != NULL)
    g_signal_handlers_disconnect_by_data (self->dataset, self);
  g_set_object (&self->dataset, dataset);
  self->syncing = TRUE;
  kam_chart_set_dataset (self->chart, dataset);
  kam_chart_set_countries (self->chart, NULL);
  kam_chart_set_split (self->chart, NULL);
  for (guint d = 0; d < kam_dataset_get_n_dimensions (dataset); d++)
    kam_chart_set_member (self->chart, kam_dimension_get_id (kam_dataset_get_dimension (dataset, d)), NULL);
  update_countries (self);
  self->n_dimensions = G_MAXUINT; /* made again in dataset_changed */
  self->syncing = FALSE;
  g_signal_connect_swapped (dataset, "changed", G_CALLBACK (dataset_changed), self);
  dataset_changed (self);
  self->syncing = TRUE;
  update_years (self);
  self->syncing = FALSE;
  update_table (self);
}

/* ---- construction ---------------------------------------------------------- */

static GtkWidget *
labelled (const char *label, GtkWidget *control)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (label);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "caption-heading");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), control);
  gtk_accessible_update_property (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return box;
}

static void
kam_charts_page_dispose (GObject *object)
{
  KamChartsPage *self = KAM_CHARTS_PAGE (object);
  GtkWidget *child;

  if (self->dataset != NULL)
    g_signal_handlers_disconnect_by_data (self->dataset, self);
  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
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
  g_clear_object (&self->split_labels);
  g_array_unref (self->years);
  g_free (self->dimension_labels);
  G_OBJECT_CLASS (kam_charts_page_parent_class)->finalize (object);
}

static void
kam_charts_page_class_init (KamChartsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kam_charts_page_dispose;
  object_class->finalize = kam_charts_page_finalize;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BOX_LAYOUT);
}

static void
kam_charts_page_init (KamChartsPage *self)
{
  GtkWidget *sidebar, *main, *scroller, *popover, *row;
  g_autoptr (GtkStringList) kinds = gtk_string_list_new (NULL);

  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  kam_choices_init (&self->indicators);
  kam_choices_init (&self->sources);
  self->chart = kam_chart_new (NULL, KAM_CHART_DESTINATIONS);
  g_signal_connect_swapped (self->chart, "changed", G_CALLBACK (chart_changed), self);

  sidebar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 14);
  gtk_widget_set_size_request (sidebar, 230, -1);
  gtk_widget_set_margin_start (sidebar, 12);
  gtk_widget_set_margin_end (sidebar, 6);
  gtk_widget_set_margin_top (sidebar, 12);
  for (guint i = 0; kind_names[i] != NULL; i++)
    gtk_string_list_append (kinds, _(kind_names[i]));
  self->kind = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&kinds)), NULL));
  g_object_bind_property_full (self->chart, "kind", self->kind, "selected",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE, enum_to_position,
                               position_to_enum, NULL, NULL);
  g_signal_connect_swapped (self->chart, "notify::kind", G_CALLBACK (kind_or_indicator_changed), self);
  g_signal_connect_swapped (self->chart, "notify::indicator", G_CALLBACK (kind_or_indicator_changed), self);
  gtk_box_append (GTK_BOX (sidebar), labelled (_("Chart"), GTK_WIDGET (self->kind)));
  self->indicator = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->indicators.labels)), NULL));
  g_signal_connect_swapped (self->indicator, "notify::selected", G_CALLBACK (indicator_chosen), self);
  gtk_box_append (GTK_BOX (sidebar), labelled (_("Indicator"), GTK_WIDGET (self->indicator)));
  self->year = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  g_signal_connect_swapped (self->year, "notify::selected", G_CALLBACK (controls_changed), self);
  gtk_box_append (GTK_BOX (sidebar), labelled (_("Year"), GTK_WIDGET (self->year)));

  self->countries_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 2));
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->countries_box));
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), scroller);
  self->countries_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_label (self->countries_button, _("Choose countries…"));
  gtk_menu_button_set_popover (self->countries_button, popover);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->countries_button),
                               _("For the trend, quota and remittance charts; none chosen: the most complete"));
  gtk_box_append (GTK_BOX (sidebar), labelled (_("Countries"), GTK_WIDGET (self->countries_button)));

  self->split_labels = gtk_string_list_new (NULL);
  self->split = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->split_labels)), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->split),
                               _("Destinations as stacked bars, trends and remittances as a line per member"));
  g_object_bind_property_full (self->chart, "split", self->split, "selected",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE, split_to_position,
                               position_to_split, self, NULL);
  gtk_box_append (GTK_BOX (sidebar), labelled (_("Split by"), GTK_WIDGET (self->split)));
  self->breakdowns_grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (self->breakdowns_grid, 6);
  gtk_grid_set_column_spacing (self->breakdowns_grid, 12);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->breakdowns_grid));
  self->breakdowns_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_label (self->breakdowns_button, _("Totals"));
  gtk_menu_button_set_popover (self->breakdowns_button, popover);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->breakdowns_button),
                               _("Keep the chart to women, a sector, a province…"));
  gtk_box_append (GTK_BOX (sidebar), labelled (_("Breakdown"), GTK_WIDGET (self->breakdowns_button)));

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  self->log_scale = GTK_SWITCH (gtk_switch_new ());
  g_object_bind_property_full (self->chart, "scale", self->log_scale, "active",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE, scale_to_active,
                               active_to_scale, NULL, NULL);
  gtk_box_append (GTK_BOX (row), gtk_label_new (_("Logarithmic scale")));
  gtk_widget_set_hexpand (gtk_widget_get_first_child (row), TRUE);
  gtk_widget_set_halign (gtk_widget_get_first_child (row), GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->log_scale), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Logarithmic scale"), -1);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->log_scale));
  gtk_box_append (GTK_BOX (sidebar), row);
  self->source = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->sources.labels)), NULL));
  g_signal_connect_swapped (self->source, "notify::selected", G_CALLBACK (controls_changed), self);
  gtk_box_append (GTK_BOX (sidebar), labelled (_("Source"), GTK_WIDGET (self->source)));
  /* the settings scroll in a small window rather than making it taller */
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_widget_set_margin_bottom (sidebar, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), sidebar);
  gtk_widget_set_parent (scroller, GTK_WIDGET (self));

  main = gtk_paned_new (GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_hexpand (main, TRUE);
  self->view = KAM_CHART_VIEW (kam_chart_view_new (self->chart));
  gtk_widget_set_margin_start (GTK_WIDGET (self->view), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (self->view), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->view), 6);
  gtk_paned_set_start_child (GTK_PANED (main), GTK_WIDGET (self->view));
  gtk_paned_set_resize_start_child (GTK_PANED (main), TRUE);
  self->table = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->table, 18);
  gtk_grid_set_row_spacing (self->table, 2);
  gtk_widget_set_margin_start (GTK_WIDGET (self->table), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->table), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->table), 8);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->table), 8);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->table));
  gtk_widget_set_size_request (scroller, -1, 120);
  gtk_accessible_update_property (GTK_ACCESSIBLE (scroller), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The numbers the chart plots"), -1);
  gtk_paned_set_end_child (GTK_PANED (main), scroller);
  gtk_paned_set_resize_end_child (GTK_PANED (main), FALSE);
  /* the numbers stay in sight in a small window: the chart gives way */
  gtk_paned_set_shrink_end_child (GTK_PANED (main), FALSE);
  gtk_paned_set_position (GTK_PANED (main), 520);
  gtk_widget_set_parent (main, GTK_WIDGET (self));
}

GtkWidget *
kam_charts_page_new (void)
{
  return g_object_new (KAM_TYPE_CHARTS_PAGE, NULL);
}
