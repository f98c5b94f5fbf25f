/* kam-choice-cell.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "kam-choice-cell.h"

#include <glib/gi18n.h>

struct _KamChoiceCell
{
  GtkButton parent_instance;

  GListModel *labels; /* GtkStringObject */
  GListModel *details; /* (nullable) GtkStringObject: a line under each */
  guint selected;
  GtkWidget *label;
  GtkWidget *popover; /* NULL until opened */
  GtkWidget *box;     /* the popover's list */
  GtkWidget *search;  /* and what filters it */
  char *tooltip;      /* (nullable) said instead of the choice when pointed at */
  gboolean read_only; /* shown, not chosen */
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
  self->box = NULL;
  self->search = NULL;
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
row_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  return label;
}

/* A choice: its name, and under it what tells it apart (its code, its name
 * in the other language). */
static GtkWidget *
make_row (const char *name, const char *detail)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autofree char *said = NULL;

  gtk_box_append (GTK_BOX (box), row_label (name));
  if (detail != NULL && *detail != '\0')
    {
      GtkWidget *line = row_label (detail);

      gtk_widget_add_css_class (line, "caption");
      gtk_widget_add_css_class (line, "dim-label");
      gtk_box_append (GTK_BOX (box), line);
      said = g_strdup_printf ("%s, %s", name, detail);
    }
  /* the whole name for a screen reader, however the label is cut */
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, said ? said : name, -1);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  return box;
}

/* What a row of the list says, name and details. */
static char *
row_text (GtkListBoxRow *row)
{
  GString *text = g_string_new (NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (gtk_list_box_row_get_child (row)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child))
      g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (child)));
  return g_string_free (text, FALSE);
}

/* Whether a choice reads with what is typed in the list's search, in any
 * case: "kor" finds South Korea, "KHM" Cambodia by its code. */
static gboolean
row_matches (GtkListBoxRow *row, gpointer data)
{
  KamChoiceCell *self = data;
  const char *typed = self->search != NULL ? gtk_editable_get_text (GTK_EDITABLE (self->search)) : "";
  g_autofree char *wanted = NULL, *text = NULL, *name = NULL;

  if (*typed == '\0')
    return TRUE;
  wanted = g_utf8_casefold (typed, -1);
  text = row_text (row);
  name = g_utf8_casefold (text, -1);
  return strstr (name, wanted) != NULL;
}

static GtkListBoxRow *
first_shown (KamChoiceCell *self)
{
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->box), i);

      if (row == NULL || row_matches (row, self))
        return row;
    }
}

static void
search_changed (KamChoiceCell *self)
{
  GtkListBoxRow *row;

  if (self->box == NULL || !gtk_widget_get_visible (self->popover))
    return; /* (the search's delayed signal, the list closed) */
  gtk_list_box_invalidate_filter (GTK_LIST_BOX (self->box));
  row = first_shown (self);
  if (row != NULL)
    gtk_list_box_select_row (GTK_LIST_BOX (self->box), row);
}

/* Enter in the search: the choice selected (the first that reads so). */
static void
search_activated (KamChoiceCell *self)
{
  GtkListBoxRow *row;

  if (self->box == NULL)
    return;
  row = gtk_list_box_get_selected_row (GTK_LIST_BOX (self->box));
  if (row == NULL || !row_matches (row, self))
    row = first_shown (self);
  if (row != NULL)
    g_signal_emit_by_name (self->box, "row-activated", row);
}

/* Down from the search: into the list, on the choice selected. */
static gboolean
search_key (GtkEventControllerKey *key, guint keyval, guint keycode, GdkModifierType state, KamChoiceCell *self)
{
  GtkListBoxRow *row;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  row = gtk_list_box_get_selected_row (GTK_LIST_BOX (self->box));
  if (row == NULL || !row_matches (row, self))
    row = first_shown (self);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
  return row != NULL;
}

/**
 * kam_choice_cell_set_read_only:
 *
 * A read-only cell shows its choice and opens no list (styled .read-only).
 */
void
kam_choice_cell_set_read_only (KamChoiceCell *self, gboolean read_only)
{
  self->read_only = read_only;
  if (read_only)
    gtk_widget_add_css_class (GTK_WIDGET (self), "read-only");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "read-only");
}

gboolean
kam_choice_cell_get_read_only (KamChoiceCell *self)
{
  return self->read_only;
}

/**
 * kam_choice_cell_popup_typed:
 * @typed: (nullable): what was typed on the cell, to find a choice by
 *
 * Opens the list of choices, filtered by @typed: typing on a choice cell
 * opens it so, as Enter and Space open it whole.
 */
void
kam_choice_cell_popup_typed (KamChoiceCell *self, const char *typed)
{
  GtkWidget *scroller, *content;
  GtkEventController *keys;
  GtkListBoxRow *row;

  if (self->labels == NULL || self->read_only)
    return;
  drop_popover (self);
  self->popover = gtk_popover_new ();
  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->search = gtk_search_entry_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Find a choice"), -1);
  gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (self->search), self->popover);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (search_changed), self);
  g_signal_connect_swapped (self->search, "activate", G_CALLBACK (search_activated), self);
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (search_key), self);
  gtk_widget_add_controller (self->search, keys);
  gtk_box_append (GTK_BOX (content), self->search);
  scroller = gtk_scrolled_window_new ();
  self->box = gtk_list_box_new ();
  /* rows of their own, not bound to the model: a list box bound to a model
   * filters nothing; the rows keep the choices' positions */
  for (guint i = 0; i < g_list_model_get_n_items (self->labels); i++)
    {
      g_autoptr (GtkStringObject) item = g_list_model_get_item (self->labels, i);
      g_autoptr (GtkStringObject) detail = self->details != NULL ? g_list_model_get_item (self->details, i) : NULL;

      GtkWidget *choice = make_row (gtk_string_object_get_string (item),
                                    detail != NULL ? gtk_string_object_get_string (detail) : NULL);
      g_autofree char *said = NULL;

      gtk_list_box_append (GTK_LIST_BOX (self->box), choice);
      said = detail != NULL && *gtk_string_object_get_string (detail) != '\0'
               ? g_strdup_printf ("%s, %s", gtk_string_object_get_string (item), gtk_string_object_get_string (detail))
               : g_strdup (gtk_string_object_get_string (item));
      /* the row, which the screen reader reads, named as its content */
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (choice)), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      said, -1);
    }
  gtk_list_box_set_filter_func (GTK_LIST_BOX (self->box), row_matches, self, NULL);
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (self->box), TRUE);
  gtk_widget_add_css_class (self->box, "navigation-sidebar");
  g_signal_connect (self->box, "row-activated", G_CALLBACK (row_activated), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  /* as wide as its longest choice (up to 40 characters): without it the list
   * was as narrow as its labels can be, every choice a "…" */
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->box);
  gtk_box_append (GTK_BOX (content), scroller);
  gtk_popover_set_child (GTK_POPOVER (self->popover), content);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
  g_signal_connect_swapped (self->popover, "closed", G_CALLBACK (popover_closed), self);
  gtk_popover_popup (GTK_POPOVER (self->popover));
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->box), self->selected);
  if (row != NULL)
    gtk_list_box_select_row (GTK_LIST_BOX (self->box), row);
  {
    int width;

    /* as wide with a few choices found as with all of them */
    gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
    gtk_widget_set_size_request (content, width, -1);
  }
  if (typed != NULL && *typed != '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search), typed);
      gtk_widget_grab_focus (self->search);
      gtk_editable_set_position (GTK_EDITABLE (self->search), -1);
      search_changed (self);
    }
  else if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

void
kam_choice_cell_popup (KamChoiceCell *self)
{
  kam_choice_cell_popup_typed (self, NULL);
}

/* Typing on the cell opens its list, finding what is typed. */
static gboolean
key_pressed (GtkEventControllerKey *key, guint keyval, guint keycode, GdkModifierType state, KamChoiceCell *self)
{
  gunichar c = gdk_keyval_to_unicode (keyval);
  char typed[8] = { 0 };

  if (c == 0 || !g_unichar_isgraph (c) || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)))
    return FALSE;
  g_unichar_to_utf8 (c, typed);
  kam_choice_cell_popup_typed (self, typed);
  return TRUE;
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
  g_clear_object (&self->details);
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
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->selected = GTK_INVALID_LIST_POSITION;
  self->label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->label), PANGO_ELLIPSIZE_END);
  gtk_button_set_child (GTK_BUTTON (self), self->label);

  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
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

/* A line under each choice in the list (as many as the labels). */
void
kam_choice_cell_set_details (KamChoiceCell *self, GListModel *details)
{
  g_return_if_fail (KAM_IS_CHOICE_CELL (self));
  g_set_object (&self->details, details);
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
