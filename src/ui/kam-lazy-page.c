/* kam-lazy-page.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Pages not on screen are made, and get the document's data, when they are
 * first shown: a window opens on one page; the others' widgets would cost the
 * first frame their making and their styles (some 40 ms), and the Figures
 * page makes some 200 rows of cells for whatever data it is given (a quarter
 * of a second at 10^5 figures). */

#include "kam-lazy-page.h"
#include "kam-ui-util.h"

struct _KamLazyPage
{
  AdwBin parent_instance;

  GType page_type;
  int kind;            /* the page's "kind", or -1 when it has none */
  KamDataset *dataset; /* the window's */
  KamDataset *given;   /* what the page was last given (not a reference: only compared) */
};

G_DEFINE_FINAL_TYPE (KamLazyPage, kam_lazy_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_PAGE_TYPE,
  PROP_KIND,
  PROP_DATASET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The page gets the dataset, if it has not got it yet. */
static void
bring_up_to_date (KamLazyPage *self)
{
  GtkWidget *page = adw_bin_get_child (ADW_BIN (self));

  if (page == NULL || self->given == self->dataset)
    return;
  self->given = self->dataset;
  g_object_set (page, "dataset", self->dataset, NULL);
  kam_probe (G_OBJECT_TYPE_NAME (page));
}

GtkWidget *
kam_lazy_page_get_page (KamLazyPage *self)
{
  g_return_val_if_fail (KAM_IS_LAZY_PAGE (self), NULL);
  if (adw_bin_get_child (ADW_BIN (self)) == NULL)
    {
      GtkWidget *page = self->kind >= 0 ? g_object_new (self->page_type, "kind", self->kind, NULL)
                                        : g_object_new (self->page_type, NULL);

      self->given = NULL;
      adw_bin_set_child (ADW_BIN (self), page);
    }
  bring_up_to_date (self);
  return adw_bin_get_child (ADW_BIN (self));
}

GtkWidget *
kam_lazy_page_peek_page (KamLazyPage *self)
{
  g_return_val_if_fail (KAM_IS_LAZY_PAGE (self), NULL);
  return adw_bin_get_child (ADW_BIN (self));
}

static void
kam_lazy_page_map (GtkWidget *widget)
{
  /* shown: made, and up to date, before its first frame */
  kam_lazy_page_get_page (KAM_LAZY_PAGE (widget));
  GTK_WIDGET_CLASS (kam_lazy_page_parent_class)->map (widget);
}

static void
kam_lazy_page_dispose (GObject *object)
{
  KamLazyPage *self = KAM_LAZY_PAGE (object);

  g_clear_object (&self->dataset);
  G_OBJECT_CLASS (kam_lazy_page_parent_class)->dispose (object);
}

static void
kam_lazy_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KamLazyPage *self = KAM_LAZY_PAGE (object);

  switch (prop_id)
    {
    case PROP_PAGE_TYPE:
      g_value_set_gtype (value, self->page_type);
      break;
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kam_lazy_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  KamLazyPage *self = KAM_LAZY_PAGE (object);

  switch (prop_id)
    {
    case PROP_PAGE_TYPE:
      self->page_type = g_value_get_gtype (value);
      break;
    case PROP_KIND:
      self->kind = g_value_get_int (value);
      break;
    case PROP_DATASET:
      if (g_set_object (&self->dataset, g_value_get_object (value)))
        {
          /* a page on screen follows at once; the others when shown again */
          if (gtk_widget_get_mapped (GTK_WIDGET (self)))
            bring_up_to_date (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kam_lazy_page_class_init (KamLazyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kam_lazy_page_dispose;
  object_class->get_property = kam_lazy_page_get_property;
  object_class->set_property = kam_lazy_page_set_property;
  widget_class->map = kam_lazy_page_map;
  properties[PROP_PAGE_TYPE] = g_param_spec_gtype ("page-type", NULL, NULL, GTK_TYPE_WIDGET,
                                                   G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY
                                                     | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, -1, G_MAXINT, -1,
                                            G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATASET] = g_param_spec_object ("dataset", NULL, NULL, KAM_TYPE_DATASET,
                                                  G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS
                                                    | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kam_lazy_page_init (KamLazyPage *self)
{
  self->kind = -1;
}
