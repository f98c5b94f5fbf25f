/* kam-text-cell.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "kam-text-cell.h"

struct _KamTextCell
{
  GtkWidget parent_instance;

  GtkWidget *text;
  char *original;    /* the text when editing began */
  char *shown;       /* the text shown when not editing */
  char *edit;        /* the text editing begins from, when not the one shown */
  gboolean editing;  /* focus is in the cell */
  gboolean fresh;    /* the next character typed replaces the text */
  KamTextCellFunc commit, started;
  gpointer data;
  KamCellItem bound;
};

static void kam_text_cell_editable_init (GtkEditableInterface *iface);
static void kam_text_cell_cell_init (KamCellInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KamTextCell, kam_text_cell, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_EDITABLE, kam_text_cell_editable_init)
                               G_IMPLEMENT_INTERFACE (KAM_TYPE_CELL, kam_text_cell_cell_init))

static GtkEditable *
get_delegate (GtkEditable *editable)
{
  return GTK_EDITABLE (KAM_TEXT_CELL (editable)->text);
}

static void
kam_text_cell_editable_init (GtkEditableInterface *iface)
{
  iface->get_delegate = get_delegate;
}

static const char *
current_text (KamTextCell *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->text));
}

gboolean
kam_text_cell_is_editing (GtkWidget *cell)
{
  KamTextCell *self = KAM_TEXT_CELL (cell);

  return self->editing && g_strcmp0 (self->original, current_text (self)) != 0;
}

gboolean
kam_text_cell_in_place (GtkWidget *cell)
{
  KamTextCell *self = KAM_TEXT_CELL (cell);

  return self->editing && !self->fresh;
}

void
kam_text_cell_reset (GtkWidget *cell, const char *text)
{
  KamTextCell *self = KAM_TEXT_CELL (cell);

  g_free (self->original);
  self->original = g_strdup (text);
  g_free (self->shown);
  self->shown = g_strdup (text);
  gtk_editable_set_text (GTK_EDITABLE (self->text), text);
  self->fresh = TRUE;
}

void
kam_text_cell_set_edit_text (GtkWidget *cell, const char *text)
{
  KamTextCell *self = KAM_TEXT_CELL (cell);

  g_free (self->edit);
  self->edit = g_strdup (text);
}

void
kam_text_cell_set_text (GtkWidget *cell, const char *text)
{
  if (!kam_text_cell_is_editing (cell))
    kam_text_cell_reset (cell, text);
}

static void
finish (KamTextCell *self)
{
  if (!self->editing || self->text == NULL) /* disposed: nothing to write from */
    return;
  self->editing = FALSE;
  if (g_strcmp0 (self->original, current_text (self)) != 0)
    self->commit (GTK_WIDGET (self), self->data);
  else if (self->edit != NULL && self->shown != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->text), self->shown); /* nothing typed: as shown */
}

static void
start (KamTextCell *self)
{
  if (self->editing || self->text == NULL)
    return;
  self->editing = TRUE;
  self->fresh = TRUE;
  if (self->edit != NULL && g_strcmp0 (self->edit, current_text (self)) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->text), self->edit);
  g_free (self->original);
  self->original = g_strdup (current_text (self));
  if (self->started != NULL)
    self->started (GTK_WIDGET (self), self->data);
}

void
kam_text_cell_edit (GtkWidget *cell, const char *text)
{
  KamTextCell *self = KAM_TEXT_CELL (cell);

  gtk_widget_grab_focus (self->text);
  start (self);
  gtk_editable_set_text (GTK_EDITABLE (self->text), text);
  gtk_editable_set_position (GTK_EDITABLE (self->text), -1);
  self->fresh = FALSE;
}

static void
focus_enter (KamTextCell *self)
{
  start (self);
}

static void
focus_leave (KamTextCell *self)
{
  finish (self);
  /* no selection drawn in a cell the keyboard left */
  if (self->text != NULL)
    gtk_editable_select_region (GTK_EDITABLE (self->text), 0, 0);
}

static void
activated (KamTextCell *self_)
{
  /* the commit may take the cell out of its list (a renamed source) */
  g_autoptr (KamTextCell) self = g_object_ref (self_);

  finish (self);
  /* stay ready for the next edit of the same cell */
  if (self->text != NULL && gtk_widget_has_focus (self->text))
    start (self);
}

/* Before the text sees the key: the first character typed replaces the
 * text; Escape puts back the text editing began with. */
static gboolean
key_pressed (GtkEventControllerKey *key, guint keyval, guint keycode, GdkModifierType state,
             KamTextCell *self)
{
  gunichar c = gdk_keyval_to_unicode (keyval);

  if (!self->editing || !gtk_editable_get_editable (GTK_EDITABLE (self->text)))
    return FALSE; /* (read-only: the text takes no key) */
  if (keyval == GDK_KEY_Escape)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->text), self->original ? self->original : "");
      gtk_editable_set_position (GTK_EDITABLE (self->text), -1);
      self->fresh = TRUE;
      return TRUE;
    }
  if (c != 0 && g_unichar_isprint (c) && !(state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)))
    {
      if (self->fresh)
        gtk_editable_set_text (GTK_EDITABLE (self->text), "");
      self->fresh = FALSE;
      return FALSE;
    }
  switch (keyval)
    {
    case GDK_KEY_Tab: case GDK_KEY_ISO_Left_Tab: case GDK_KEY_Return: case GDK_KEY_KP_Enter:
    case GDK_KEY_Shift_L: case GDK_KEY_Shift_R: case GDK_KEY_Control_L: case GDK_KEY_Control_R:
    case GDK_KEY_Alt_L: case GDK_KEY_Alt_R: case GDK_KEY_Up: case GDK_KEY_Down:
      break;
    default:
      /* moving the cursor, deleting: editing in place */
      self->fresh = FALSE;
    }
  return FALSE;
}

/* As in a spreadsheet: a click chooses the cell, and what is typed next
 * replaces its text; a double click, or a click once typing has begun, places
 * the cursor to edit in place. (A single click used to edit in place when the
 * cell still had the focus from its last Enter: typing -5 made -511,453.) */
static void
pressed (GtkGestureClick *gesture, int n_press, double x, double y, KamTextCell *self)
{
  if (self->editing && n_press >= 2)
    self->fresh = FALSE;
}

static gboolean
kam_text_cell_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (KAM_TEXT_CELL (widget)->text);
}

static void
kam_text_cell_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  if (!gtk_editable_delegate_set_property (object, prop_id, value, pspec))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
kam_text_cell_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  if (!gtk_editable_delegate_get_property (object, prop_id, value, pspec))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
kam_text_cell_dispose (GObject *object)
{
  KamTextCell *self = KAM_TEXT_CELL (object);

  kam_cell_item_clear (&self->bound);
  if (self->text != NULL)
    gtk_editable_finish_delegate (GTK_EDITABLE (self));
  g_clear_pointer (&self->text, gtk_widget_unparent);
  G_OBJECT_CLASS (kam_text_cell_parent_class)->dispose (object);
}

static void
kam_text_cell_finalize (GObject *object)
{
  g_free (KAM_TEXT_CELL (object)->original);
  g_free (KAM_TEXT_CELL (object)->shown);
  g_free (KAM_TEXT_CELL (object)->edit);
  G_OBJECT_CLASS (kam_text_cell_parent_class)->finalize (object);
}

/* Taken out of the window (its item deleted or undone) while the keyboard is
 * in it: the keyboard leaves it, never stays on a text out of the window nor
 * lands in another item's text (a list gives its focus to a cell of the row
 * under its cursor, where a keystroke would replace a text): Tab then starts
 * again from the window's top. */
static void
kam_text_cell_unroot (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget)))
    gtk_root_set_focus (root, NULL);
  GTK_WIDGET_CLASS (kam_text_cell_parent_class)->unroot (widget);
}

static void
kam_text_cell_class_init (KamTextCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->set_property = kam_text_cell_set_property;
  object_class->get_property = kam_text_cell_get_property;
  object_class->dispose = kam_text_cell_dispose;
  object_class->finalize = kam_text_cell_finalize;
  widget_class->grab_focus = kam_text_cell_grab_focus;
  widget_class->unroot = kam_text_cell_unroot;
  gtk_editable_install_properties (object_class, 1);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kamtextcell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
kam_text_cell_init (KamTextCell *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->text = gtk_text_new ();
  gtk_widget_set_parent (self->text, GTK_WIDGET (self));
  gtk_editable_init_delegate (GTK_EDITABLE (self));
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (focus_enter), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_leave), self);
  gtk_widget_add_controller (self->text, focus);
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed), self);
  gtk_widget_add_controller (self->text, key);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed), self);
  gtk_widget_add_controller (self->text, GTK_EVENT_CONTROLLER (click));
  g_signal_connect_swapped (self->text, "activate", G_CALLBACK (activated), self);
}

GtkWidget *
kam_text_cell_new (KamTextCellFunc commit, KamTextCellFunc started, gpointer data)
{
  KamTextCell *self = g_object_new (KAM_TYPE_TEXT_CELL, NULL);

  self->commit = commit;
  self->started = started;
  self->data = data;
  return GTK_WIDGET (self);
}

void
kam_text_cell_set_label (GtkWidget *cell, const char *label)
{
  KamTextCell *self = KAM_TEXT_CELL (cell);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static KamCellItem *
kam_text_cell_get_bound (KamCell *cell)
{
  return &KAM_TEXT_CELL (cell)->bound;
}

static void
kam_text_cell_cell_init (KamCellInterface *iface)
{
  iface->get_bound = kam_text_cell_get_bound;
}
