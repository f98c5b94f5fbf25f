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
  /* the point chosen with the keyboard, in the layout's order, or -1 */
  int focus_point;
};

G_DEFINE_FINAL_TYPE (KamChartView, kam_chart_view, GTK_TYPE_WIDGET)

enum
{
  FIGURES_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum
{
  PROP_0,
  PROP_CHART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

KamChart *
kam_chart_view_get_chart (KamChartView *self)
{
  return self->chart;
}

static char *describe_hit (KamChartView *self, const KamChartHit *hit);

/* The arrow keys go through the points in the order they were drawn: each
 * series' points in the chart's order (bars from the largest, lines by year,
 * slices clockwise), then the next series. */
static int
n_points (KamChartView *self)
{
  return self->layout != NULL ? (int) kam_chart_layout_get_n_points (self->layout) : 0;
}

/* A new drawing may have fewer points than the one the choice was made on. */
static void
clamp_focus_point (KamChartView *self)
{
  self->focus_point = MIN (self->focus_point, n_points (self) - 1);
}

/* A ring around the point chosen with the keyboard, and what it is in a
 * box beside it, as its tooltip says. */
static void
draw_focus_point (KamChartView *self, cairo_t *cr, gboolean dark)
{
  KamChartHit hit;
  double rect[4], x, y, w, h;
  int width = gtk_widget_get_width (GTK_WIDGET (self)), height = gtk_widget_get_height (GTK_WIDGET (self));
  g_autofree char *text = NULL;
  g_autoptr (PangoLayout) layout = NULL;
  PangoRectangle extents;

  if (!kam_chart_layout_get_point (self->layout, (guint) self->focus_point, &hit, rect))
    return;
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.21, 0.52, 0.89); /* the accent blue */
  cairo_set_line_width (cr, 2);
  cairo_rectangle (cr, rect[0] - 3, rect[1] - 3, rect[2] + 6, rect[3] + 6);
  cairo_stroke (cr);

  text = describe_hit (self, &hit);
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  pango_layout_get_pixel_extents (layout, NULL, &extents);
  w = extents.width + 16;
  h = extents.height + 12;
  /* above the point, or below it when there is no room */
  x = CLAMP (rect[0] + rect[2] / 2 - w / 2, 4, MAX (4, width - w - 4));
  y = rect[1] - h - 10;
  if (y < 4)
    y = MIN (rect[1] + rect[3] + 10, height - h - 4);
  cairo_rectangle (cr, x, y, w, h);
  if (dark)
    cairo_set_source_rgba (cr, 0.18, 0.18, 0.18, 0.95);
  else
    cairo_set_source_rgba (cr, 1, 1, 1, 0.95);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  if (dark)
    cairo_set_source_rgb (cr, 1, 1, 1);
  else
    cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, x + 8, y + 6);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
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
  if (adw_style_manager_get_high_contrast (adw_style_manager_get_default ()))
    kam_chart_style_set_high_contrast (&style);
  /* on screen, text as large as the rest of the window's */
  style.font_size = 12;
  style.min_text_px = 11;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_clear_pointer (&self->layout, kam_chart_layout_unref);
  self->layout = kam_chart_render_layout (self->chart, cr, &style, width, height);
  clamp_focus_point (self);
  if (self->focus_point >= 0 && gtk_widget_has_focus (widget))
    draw_focus_point (self, cr, style.dark);
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

  if (self->layout == NULL || !kam_chart_layout_hit (self->layout, x, y, &hit))
    return NULL;
  return describe_hit (self, &hit);
}

/* What a point is, as its tooltip says. */
static char *
describe_hit (KamChartView *self, const KamChartHit *hit_)
{
  KamChartHit hit = *hit_;
  g_autofree char *value = NULL;
  KamSource *source;
  KamDataset *dataset = kam_chart_get_dataset (self->chart);

  if (hit.percent)
    value = kam_number_format_share (hit.point.value);
  else
    {
      g_autofree char *amount = kam_number_format_amount (hit.point.value, hit.usd);
      g_autofree char *number = kam_qualifier_mark_text (hit.point.qualifier, amount);
      /* Translators: a value in a chart's tooltip, with its unit */
      value = hit.usd ? g_strdup_printf (_("US$ %s"), number) : g_strdup_printf (_("%s persons"), number);
    }
  source = hit.point.source ? kam_dataset_lookup_source (dataset, hit.point.source) : NULL;
  /* Translators: a chart's tooltip: what, year, value, source */
  return kam_number_localize_take (
    g_strdup_printf (_("%s, %d (%s)\n%s\nSource: %s"), hit.point.label ? hit.point.label : "", hit.point.year,
                     hit.series_name ? hit.series_name : "", value,
                     source && kam_source_get_title (source) ? kam_source_get_title (source)
                                                             : (hit.point.source ? hit.point.source : _("none"))));
}

/* What the point chosen with the keyboard is, or NULL when there is none. */
char *
kam_chart_view_describe_focus (KamChartView *self)
{
  KamChartHit hit;

  g_return_val_if_fail (KAM_IS_CHART_VIEW (self), NULL);
  if (self->layout == NULL || self->focus_point < 0
      || !kam_chart_layout_get_point (self->layout, (guint) self->focus_point, &hit, NULL))
    return NULL;
  return describe_hit (self, &hit);
}

static gboolean
query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip)
{
  g_autofree char *text = keyboard ? kam_chart_view_describe_focus (KAM_CHART_VIEW (widget))
                                   : kam_chart_view_describe_at (KAM_CHART_VIEW (widget), x, y);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* A click or Enter on a point: its figures are told, to be selected. */
static gboolean
activate_hit (KamChartView *self, const KamChartHit *hit)
{
  g_autoptr (GArray) ids = kam_chart_hit_figures (hit);

  if (ids->len == 0)
    return FALSE;
  g_signal_emit (self, signals[FIGURES_ACTIVATED], 0, ids->data, ids->len);
  return TRUE;
}

gboolean
kam_chart_view_activate_at (KamChartView *self, double x, double y)
{
  KamChartHit hit;

  if (self->layout == NULL || !kam_chart_layout_hit (self->layout, x, y, &hit))
    return FALSE;
  return activate_hit (self, &hit);
}

static void
clicked (GtkGestureClick *gesture, int n_press, double x, double y, KamChartView *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  kam_chart_view_activate_at (self, x, y);
}

static void update_description (KamChartView *self);

/* Left and Right (or Up and Down) go from point to point, Home and End to
 * the first and the last; Enter selects the point's figures, as a click. */
static gboolean
key_pressed (GtkEventControllerKey *controller, guint keyval, guint keycode, GdkModifierType state,
             KamChartView *self)
{
  int n = n_points (self);
  int point = self->focus_point;

  if (self->layout == NULL || n == 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Right:
    case GDK_KEY_KP_Down:
      point = point < 0 ? 0 : MIN (point + 1, n - 1);
      break;
    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Left:
    case GDK_KEY_KP_Up:
      point = point < 0 ? n - 1 : MAX (point - 1, 0);
      break;
    case GDK_KEY_Home:
      point = 0;
      break;
    case GDK_KEY_End:
      point = n - 1;
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      {
        KamChartHit hit;

        if (point < 0 || !kam_chart_layout_get_point (self->layout, (guint) point, &hit, NULL))
          return FALSE;
        activate_hit (self, &hit);
        return TRUE;
      }
    default:
      return FALSE;
    }
  self->focus_point = point;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

static void
focus_changed (KamChartView *self)
{
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A screen reader hears the chart's title, then its values; while the arrow
 * keys go through the points, the one chosen. */
static void
update_description (KamChartView *self)
{
  g_autofree char *focus = NULL;
  g_autofree char *description = NULL;
  g_autofree char *label = NULL;

  if (self->chart == NULL)
    return;
  focus = gtk_widget_has_focus (GTK_WIDGET (self)) ? kam_chart_view_describe_focus (self) : NULL;
  description = focus != NULL ? g_strdelimit (g_steal_pointer (&focus), "\n", ' ') : kam_chart_describe (self->chart);
  label = self->role_name == NULL ? g_strdup (kam_chart_get_title (self->chart))
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
kam_chart_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, KAM_CHART_VIEW (object)->chart);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kam_chart_view_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CHART:
      kam_chart_view_set_chart (KAM_CHART_VIEW (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
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
  object_class->get_property = kam_chart_view_get_property;
  object_class->set_property = kam_chart_view_set_property;
  widget_class->snapshot = kam_chart_view_snapshot;
  widget_class->query_tooltip = query_tooltip;
  widget_class->measure = kam_chart_view_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);

  properties[PROP_CHART] = g_param_spec_object ("chart", NULL, NULL, KAM_TYPE_CHART,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->focus_point = -1;
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (focus_changed), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  /* a Tab stop: a screen reader then reads its description, the values */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  g_signal_connect (click, "released", G_CALLBACK (clicked), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "default");
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (gtk_widget_queue_draw), self);
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::high-contrast",
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
  return g_object_new (KAM_TYPE_CHART_VIEW, "chart", chart, NULL);
}

void
kam_chart_view_set_chart (KamChartView *self, KamChart *chart)
{
  g_return_if_fail (KAM_IS_CHART_VIEW (self));
  g_return_if_fail (chart == NULL || KAM_IS_CHART (chart));

  if (self->chart == chart)
    return;
  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);
  g_set_object (&self->chart, chart);
  if (chart != NULL)
    g_signal_connect_swapped (chart, "changed", G_CALLBACK (chart_changed), self);
  self->focus_point = -1;
  chart_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}
