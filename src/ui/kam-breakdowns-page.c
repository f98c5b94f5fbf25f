/* kam-breakdowns-page.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Breakdowns page: the dataset's dimensions on the left, the members of
 * the one chosen on the right. The members list follows the choice by a
 * property binding; names are edited in the cells, undoably, as on the other
 * lists. */

#include <glib/gi18n.h>
#include "kam-breakdowns-page.h"
#include "kam-ui-util.h"
#include "kam-dataset.h"
#include "kam-items-view.h"

struct _KamBreakdownsPage
{
  GtkWidget parent_instance;

  KamItemsView *dimensions;
  KamItemsView *members;
  GtkLabel *members_heading;
  KamDimension *shown; /* whose name the heading says */
  KamDataset *dataset;
};

G_DEFINE_FINAL_TYPE (KamBreakdownsPage, kam_breakdowns_page, GTK_TYPE_WIDGET)

/* "selected-item" is any object; "dimension" a breakdown. */
static gboolean
to_dimension (GBinding *binding, const GValue *from, GValue *to, gpointer data)
{
  GObject *item = g_value_get_object (from);

  g_value_set_object (to, KAM_IS_DIMENSION (item) ? item : NULL);
  return TRUE;
}

static void
update_heading (KamBreakdownsPage *self)
{
  g_autofree char *text = NULL;

  if (self->shown != NULL)
    /* Translators: the heading of the members list; %s is a breakdown, e.g. Sex */
    text = g_strdup_printf (_("Members of %s"), kam_dimension_get_label (self->shown));
  gtk_label_set_label (self->members_heading, text != NULL ? text : _("Members"));
}

static void
dimension_changed (KamBreakdownsPage *self)
{
  KamDimension *dimension = kam_items_view_get_dimension (self->members);

  if (self->shown != NULL)
    g_signal_handlers_disconnect_by_data (self->shown, self);
  g_set_object (&self->shown, dimension);
  if (dimension != NULL)
    {
      g_signal_connect_swapped (dimension, "notify::name", G_CALLBACK (update_heading), self);
      g_signal_connect_swapped (dimension, "notify::name-km", G_CALLBACK (update_heading), self);
    }
  update_heading (self);
}

void
kam_breakdowns_page_set_dataset (KamBreakdownsPage *self, KamDataset *dataset)
{
  g_return_if_fail (KAM_IS_BREAKDOWNS_PAGE (self));
  g_set_object (&self->dataset, dataset);
  kam_items_view_set_dataset (self->dimensions, dataset);
  kam_items_view_set_dataset (self->members, dataset);
}

enum
{
  PROP_0,
  PROP_DATASET,
};

static void
kam_breakdowns_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, KAM_BREAKDOWNS_PAGE (object)->dataset);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kam_breakdowns_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  KamBreakdownsPage *self = KAM_BREAKDOWNS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      if (g_value_get_object (value) != NULL && g_value_get_object (value) != self->dataset)
        {
          kam_breakdowns_page_set_dataset (self, g_value_get_object (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kam_breakdowns_page_dispose (GObject *object)
{
  KamBreakdownsPage *self = KAM_BREAKDOWNS_PAGE (object);

  if (self->shown != NULL)
    g_signal_handlers_disconnect_by_data (self->shown, self);
  g_clear_object (&self->shown);
  g_clear_object (&self->dataset);
  gtk_widget_dispose_template (GTK_WIDGET (self), KAM_TYPE_BREAKDOWNS_PAGE);
  G_OBJECT_CLASS (kam_breakdowns_page_parent_class)->dispose (object);
}

static void
kam_breakdowns_page_class_init (KamBreakdownsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kam_breakdowns_page_dispose;
  object_class->get_property = kam_breakdowns_page_get_property;
  object_class->set_property = kam_breakdowns_page_set_property;
  /* the breakdowns' dataset (bound to the window's document) */
  g_object_class_install_property (
    object_class, PROP_DATASET,
    g_param_spec_object ("dataset", NULL, NULL, KAM_TYPE_DATASET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kamlang/Kamlang/ui/kam-breakdowns-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KamBreakdownsPage, dimensions);
  gtk_widget_class_bind_template_child (widget_class, KamBreakdownsPage, members);
  gtk_widget_class_bind_template_child (widget_class, KamBreakdownsPage, members_heading);
}

static void
kam_breakdowns_page_init (KamBreakdownsPage *self)
{
  g_type_ensure (KAM_TYPE_ITEMS_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
  kam_label_inner_controls (GTK_WIDGET (self));
  g_signal_connect_swapped (self->members, "notify::dimension", G_CALLBACK (dimension_changed), self);
  g_object_bind_property_full (self->dimensions, "selected-item", self->members, "dimension",
                               G_BINDING_SYNC_CREATE, to_dimension, NULL, NULL, NULL);
}
