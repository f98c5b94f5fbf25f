/* kam-choice-cell.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "kam-choice-cell.h"

struct _KamChoiceCell
{
  GtkButton parent_instance;

  GListModel *labels; /* GtkStringObject */
  guint selected;
  GtkWidget *label;
  GtkWidget *popover; /* NULL until opened */
  char *tooltip;      /* (nullable) said instead of the choice when pointed at */
  KamCellItem bound;
};

static void kam_choice_cell_cell_init (KamCellInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KamChoiceCell, kam_choice_cell, GTK_TYPE_BUTTON,
                               G_IMPLEMENT_INTERFACE (KAM_TYPE_CELL, kam_choice_cell_cell_init))

enum
{
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_selected (KamChoiceCell *self)
{
  g_autoptr (GtkStringObject) item = NULL;
  const char *text = "";

  if (self->labels != NULL && self->selected < g_list_model_get_n_items (self->labels))
    {
      item = g_list_model_get_item (self->labels, self->selected);
      text = gtk_string_object_get_string (item);
    }
  gtk_label_set_text (GTK_LABEL (self->label), text);
  /* a screen reader names the button by its choice ("Japan"), its column
   * being its description; GTK 4.8 does not take a name from a button's
   * content (it said "KamChoiceCell") */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

/* The tooltip is made when asked for: setting a tooltip's text asks the X
 * server where the pointer is, some 600 times when a list shows its rows. */
static gboolean
query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip)
{
  const char *text = kam_choice_cell_get_tooltip_text (KAM_CHOICE_CELL (widget));

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/**
 * kam_choice_cell_get_tooltip_text:
 *
 * Returns: (nullable): what the cell's tooltip says: the text given to
 * kam_choice_cell_set_tooltip_text(), else the choice shown (when any)
 */
const char *
kam_choice_cell_get_tooltip_text (KamChoiceCell *self)
{
  const char *text;

  if (self->tooltip != NULL)
    return self->tooltip;
  text = gtk_label_get_text (GTK_LABEL (self->label));
  return *text != '\0' ? text : NULL;
}

void
kam_choice_cell_set_tooltip_text (KamChoiceCell *self, const char *text)
{
  g_return_if_fail (KAM_IS_CHOICE_CELL (self));
  if (g_strcmp0 (self->tooltip, text) == 0)
    return;
  g_free (self->tooltip);
  self->tooltip = g_strdup (text);
}

guint
kam_choice_cell_get_selected (KamChoiceCell *self)
{
  return self->selected;
}

void
kam_choice_cell_set_selected (KamChoiceCell *self, guint position)
{
  if (self->selected == position)
    return;
  self->selected = position;
  show_selected (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
labels_changed (KamChoiceCell *self)
{
  show_selected (self);
}

static void
drop_popover (KamChoiceCell *self)
{
  g_clear_pointer (&self->popover, gtk_widget_unparent);
}

static gboolean
drop_popover_idle (gpointer data)
{
  drop_popover (data);
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

static void
popover_closed (KamChoiceCell *self)
{
  /* not from inside the popover's own signal */
  g_idle_add (drop_popover_idle, g_object_ref (self));
}

static void
row_activated (GtkListBox *box, GtkListBoxRow *row, KamChoiceCell *self)
{
  guint position = gtk_list_box_row_get_index (row);

  gtk_popover_popdown (GTK_POPOVER (self->popover));
  kam_choice_cell_set_selected (self, position);
}

static GtkWidget *
make_row (gpointer item, gpointer data)
{
  GtkWidget *label = gtk_label_new (gtk_string_object_get_string (item));

  /* the whole name for a screen reader, however the label is cut */
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_string_object_get_string (item), -1);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_widget_set_margin_top (label, 4);
  gtk_widget_set_margin_bottom (label, 4);
  return label;
}

void
kam_choice_cell_popup (KamChoiceCell *self)
{
  GtkWidget *scroller, *box;
  GtkListBoxRow *row;

  if (self->labels == NULL)
    return;
  drop_popover (self);
  self->popover = gtk_popover_new ();
  scroller = gtk_scrolled_window_new ();
  box = gtk_list_box_new ();
  gtk_list_box_bind_model (GTK_LIST_BOX (box), self->labels, make_row, NULL, NULL);
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (box), TRUE);
  gtk_widget_add_css_class (box, "navigation-sidebar");
  g_signal_connect (box, "row-activated", G_CALLBACK (row_activated), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  /* as wide as its longest choice (up to 40 characters): without it the list
   * was as narrow as its labels can be, every choice a "…" */
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_popover_set_child (GTK_POPOVER (self->popover), scroller);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
  g_signal_connect_swapped (self->popover, "closed", G_CALLBACK (popover_closed), self);
  gtk_popover_popup (GTK_POPOVER (self->popover));
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (box), self->selected);
  if (row != NULL)
    {
      gtk_list_box_select_row (GTK_LIST_BOX (box), row);
      gtk_widget_grab_focus (GTK_WIDGET (row));
    }
}

static void
kam_choice_cell_clicked (GtkButton *button)
{
  kam_choice_cell_popup (KAM_CHOICE_CELL (button));
}

static void
kam_choice_cell_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_uint (value, KAM_CHOICE_CELL (object)->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kam_choice_cell_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SELECTED:
      kam_choice_cell_set_selected (KAM_CHOICE_CELL (object), g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kam_choice_cell_dispose (GObject *object)
{
  KamChoiceCell *self = KAM_CHOICE_CELL (object);

  kam_cell_item_clear (&self->bound);
  drop_popover (self);
  if (self->labels != NULL)
    g_signal_handlers_disconnect_by_data (self->labels, self);
  g_clear_object (&self->labels);
  g_clear_pointer (&self->tooltip, g_free);
  G_OBJECT_CLASS (kam_choice_cell_parent_class)->dispose (object);
}

static void
kam_choice_cell_class_init (KamChoiceCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = kam_choice_cell_get_property;
  object_class->set_property = kam_choice_cell_set_property;
  object_class->dispose = kam_choice_cell_dispose;
  GTK_BUTTON_CLASS (klass)->clicked = kam_choice_cell_clicked;
  GTK_WIDGET_CLASS (klass)->query_tooltip = query_tooltip;

  properties[PROP_SELECTED] = g_param_spec_uint ("selected", NULL, NULL, 0, G_MAXUINT, GTK_INVALID_LIST_POSITION,
                                                 G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                                   | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "kamchoicecell");
}

static void
kam_choice_cell_init (KamChoiceCell *self)
{
  self->selected = GTK_INVALID_LIST_POSITION;
  self->label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->label), PANGO_ELLIPSIZE_END);
  gtk_button_set_child (GTK_BUTTON (self), self->label);
  gtk_widget_add_css_class (GTK_WIDGET (self), "flat");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_HAS_POPUP, TRUE, -1);
}

GtkWidget *
kam_choice_cell_new (GListModel *labels)
{
  KamChoiceCell *self = g_object_new (KAM_TYPE_CHOICE_CELL, NULL);

  self->labels = g_object_ref (labels);
  g_signal_connect_swapped (labels, "items-changed", G_CALLBACK (labels_changed), self);
  return GTK_WIDGET (self);
}

static KamCellItem *
kam_choice_cell_get_bound (KamCell *cell)
{
  return &KAM_CHOICE_CELL (cell)->bound;
}

static void
kam_choice_cell_cell_init (KamCellInterface *iface)
{
  iface->get_bound = kam_choice_cell_get_bound;
}
