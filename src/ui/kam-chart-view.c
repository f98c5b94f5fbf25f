/* kam-chart-view.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A thin widget over KamChart: it draws with the same kam_chart_render() that
 * exports use, redraws when the chart says it changed, and follows the
 * desktop's dark style. */

#include <glib/gi18n.h>
#include "kam-chart-view.h"
#include "kam-number.h"

struct _KamChartView
{
  GtkWidget parent_instance;

  KamChart *chart;
  /* where the last snapshot drew each point: tooltips and clicks look here,
   * never at another rendering of the chart */
  KamChartLayout *layout;
  char *role_name; /* for a screen reader, before the title */
};

G_DEFINE_FINAL_TYPE (KamChartView, kam_chart_view, GTK_TYPE_WIDGET)

enum
{
  FIGURES_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

KamChart *
kam_chart_view_get_chart (KamChartView *self)
{
  return self->chart;
}

static void
kam_chart_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  KamChartView *self = KAM_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  KamChartStyle style;
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;
  kam_chart_style_init (&style, adw_style_manager_get_dark (adw_style_manager_get_default ()));
  /* on screen, text as large as the rest of the window's */
  style.font_size = 12;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_clear_pointer (&self->layout, kam_chart_layout_unref);
  self->layout = kam_chart_render_layout (self->chart, cr, &style, width, height);
  cairo_destroy (cr);
}

/**
 * kam_chart_view_get_layout:
 *
 * Returns: (transfer none) (nullable): where the view's last drawing put each
 *   point; NULL until drawn, or after the chart changed and before it is
 *   drawn again
 */
KamChartLayout *
kam_chart_view_get_layout (KamChartView *self)
{
  return self->layout;
}

char *
kam_chart_view_describe_at (KamChartView *self, double x, double y)
{
  KamChartHit hit;
  g_autofree char *value = NULL;
  KamSource *source;
  KamDataset *dataset = kam_chart_get_dataset (self->chart);

  if (self->layout == NULL || !kam_chart_layout_hit (self->layout, x, y, &hit))
    return NULL;
  if (hit.percent)
    {
      g_autofree char *pct = kam_number_format (hit.point.value * 100, 1);
      value = g_strdup_printf ("%s %%", pct);
    }
  else
    {
      g_autofree char *amount = kam_number_format_amount (hit.point.value, hit.usd);
      g_autofree char *number = kam_qualifier_mark_text (hit.point.qualifier, amount);
      /* Translators: a value in a chart's tooltip, with its unit */
      value = hit.usd ? g_strdup_printf (_("US$ %s"), number) : g_strdup_printf (_("%s persons"), number);
    }
  source = hit.point.source ? kam_dataset_lookup_source (dataset, hit.point.source) : NULL;
  /* Translators: a chart's tooltip: what, year, value, source */
  return g_strdup_printf (_("%s, %d (%s)\n%s\nSource: %s"), hit.point.label ? hit.point.label : "",
                          hit.point.year, hit.series_name ? hit.series_name : "", value,
                          source && kam_source_get_title (source) ? kam_source_get_title (source)
                                                                  : (hit.point.source ? hit.point.source : _("none")));
}

static gboolean
query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip)
{
  g_autofree char *text = kam_chart_view_describe_at (KAM_CHART_VIEW (widget), x, y);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

gboolean
kam_chart_view_activate_at (KamChartView *self, double x, double y)
{
  KamChartHit hit;
  g_autoptr (GArray) ids = NULL;

  if (self->layout == NULL || !kam_chart_layout_hit (self->layout, x, y, &hit))
    return FALSE;
  ids = kam_chart_hit_figures (&hit);
  if (ids->len == 0)
    return FALSE;
  g_signal_emit (self, signals[FIGURES_ACTIVATED], 0, ids->data, ids->len);
  return TRUE;
}

static void
clicked (GtkGestureClick *gesture, int n_press, double x, double y, KamChartView *self)
{
  kam_chart_view_activate_at (self, x, y);
}

/* A screen reader hears the chart's title, then its values. */
static void
update_description (KamChartView *self)
{
  g_autofree char *description = kam_chart_describe (self->chart);
  g_autofree char *label = self->role_name == NULL
                             ? g_strdup (kam_chart_get_title (self->chart))
                             /* Translators: what a chart is for (“Preview”), then its title */
                             : g_strdup_printf (_("%s: %s"), self->role_name, kam_chart_get_title (self->chart));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

static void
chart_changed (KamChartView *self)
{
  /* what was drawn is no longer what the chart shows */
  g_clear_pointer (&self->layout, kam_chart_layout_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  update_description (self);
}

static void
kam_chart_view_dispose (GObject *object)
{
  KamChartView *self = KAM_CHART_VIEW (object);

  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_object (&self->chart);
  g_clear_pointer (&self->layout, kam_chart_layout_unref);
  g_clear_pointer (&self->role_name, g_free);
  G_OBJECT_CLASS (kam_chart_view_parent_class)->dispose (object);
}

static void
kam_chart_view_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                        int *natural, int *minimum_baseline, int *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 360 : 240;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 900 : 560;
}

static void
kam_chart_view_class_init (KamChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kam_chart_view_dispose;
  widget_class->snapshot = kam_chart_view_snapshot;
  widget_class->query_tooltip = query_tooltip;
  widget_class->measure = kam_chart_view_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);

  /**
   * KamChartView::figures-activated:
   * @ids: (array length=n): the ids of the figures clicked on
   */
  signals[FIGURES_ACTIVATED] = g_signal_new ("figures-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                             NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_POINTER, G_TYPE_UINT);
}

static void
kam_chart_view_init (KamChartView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  /* a Tab stop: a screen reader then reads its description, the values */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  g_signal_connect (click, "released", G_CALLBACK (clicked), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "default");
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (gtk_widget_queue_draw), self);
}

/* Names what this view is for, before the chart's title, for a screen
 * reader: the export dialog's "Preview". */
void
kam_chart_view_set_role_name (KamChartView *self, const char *name)
{
  g_free (self->role_name);
  self->role_name = g_strdup (name);
  update_description (self);
}

GtkWidget *
kam_chart_view_new (KamChart *chart)
{
  KamChartView *self = g_object_new (KAM_TYPE_CHART_VIEW, NULL);

  self->chart = g_object_ref (chart);
  g_signal_connect_swapped (chart, "changed", G_CALLBACK (chart_changed), self);
  update_description (self);
  return GTK_WIDGET (self);
}
