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

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_grid_remove (self->table, child);
  table_add (self, 0, 0, _("Series"), TRUE, FALSE);
  table_add (self, 0, 1, _("Country"), TRUE, FALSE);
  table_add (self, 0, 2, _("Year"), TRUE, TRUE);
  table_add (self, 0, 3, share ? _("Share") : _("Value"), TRUE, TRUE);
  table_add (self, 0, 4, _("Source"), TRUE, FALSE);
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

          g_snprintf (year, sizeof year, "%d", p->year);
          table_add (self, row, 0, ser->name, FALSE, FALSE);
          /* charts by year label their points with the year: name the country */
          table_add (self, row, 1, by_year ? kam_dataset_get_country_label (self->dataset, p->country) : p->label,
                     FALSE, FALSE);
          table_add (self, row, 2, year, FALSE, TRUE);
          table_add (self, row, 3, shown, FALSE, TRUE);
          table_add (self, row, 4, source_text, FALSE, FALSE);
        }
    }
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
  kam_chart_set_kind (self->chart, gtk_drop_down_get_selected (self->kind));
  kam_chart_set_indicator (self->chart, kam_choices_get_key (&self->indicators,
                                                             gtk_drop_down_get_selected (self->indicator)));
  year = gtk_drop_down_get_selected (self->year);
  kam_chart_set_year (self->chart, year > 0 && year <= self->years->len
                                     ? g_array_index (self->years, int, year - 1) : 0);
  kam_chart_set_scale (self->chart, gtk_switch_get_active (self->log_scale) ? KAM_SCALE_LOG : KAM_SCALE_LINEAR);
  kam_chart_set_source (self->chart, kam_choices_get_key (&self->sources, gtk_drop_down_get_selected (self->source)));
}

static void
kind_or_indicator_changed (KamChartsPage *self)
{
  controls_changed (self);
  if (self->dataset == NULL || self->syncing)
    return;
  self->syncing = TRUE;
  update_years (self);
  self->syncing = FALSE;
}

static void
chart_changed (KamChartsPage *self)
{
  update_table (self);
  /* no logarithmic scale for shares or stacked bars */
  gtk_widget_set_sensitive (GTK_WIDGET (self->log_scale), kam_chart_get_log_scale_applies (self->chart));
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
  update_countries (self);
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
  g_array_unref (self->years);
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
  g_signal_connect_swapped (self->kind, "notify::selected", G_CALLBACK (kind_or_indicator_changed), self);
  gtk_box_append (GTK_BOX (sidebar), labelled (_("Chart"), GTK_WIDGET (self->kind)));
  self->indicator = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->indicators.labels)), NULL));
  g_signal_connect_swapped (self->indicator, "notify::selected", G_CALLBACK (kind_or_indicator_changed), self);
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

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  self->log_scale = GTK_SWITCH (gtk_switch_new ());
  g_signal_connect_swapped (self->log_scale, "notify::active", G_CALLBACK (controls_changed), self);
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
  gtk_widget_set_parent (sidebar, GTK_WIDGET (self));

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
  gtk_paned_set_position (GTK_PANED (main), 520);
  gtk_widget_set_parent (main, GTK_WIDGET (self));
}

GtkWidget *
kam_charts_page_new (void)
{
  return g_object_new (KAM_TYPE_CHARTS_PAGE, NULL);
}
