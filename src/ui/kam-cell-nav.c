/* kam-cell-nav.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "kam-cell-nav.h"

#include "kam-cell.h"
#include "kam-text-cell.h"

#define LIST_ITEM_KEY "kam-cell-nav-list-item"

void
kam_cell_nav_set_list_item (GtkWidget *cell, GtkListItem *item)
{
  g_object_set_data (G_OBJECT (cell), LIST_ITEM_KEY, item);
}

static GtkWidget *
inner_list (GtkColumnView *view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

/* The KamCell a widget is in (itself, or an ancestor), or NULL. */
static GtkWidget *
cell_of (GtkWidget *widget, GtkWidget *list)
{
  for (; widget != NULL && widget != list; widget = gtk_widget_get_parent (widget))
    if (KAM_IS_CELL (widget))
      return widget;
  return NULL;
}

/* The row (a child of the inner list) a widget is in. */
static GtkWidget *
row_of (GtkWidget *widget, GtkWidget *list)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (gtk_widget_get_parent (widget) == list)
      return widget;
  return NULL;
}

static GtkWidget *
first_cell_in (GtkWidget *widget)
{
  if (KAM_IS_CELL (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_cell_in (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The row's cells, in the order of the columns (NULL where a column's cell
 * is not a KamCell). */
static GPtrArray *
cells_of_row (GtkWidget *row)
{
  GPtrArray *cells = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (row); child; child = gtk_widget_get_next_sibling (child))
    g_ptr_array_add (cells, first_cell_in (child));
  return cells;
}

static guint
position_of (GtkWidget *cell)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (cell), LIST_ITEM_KEY);

  return item != NULL ? gtk_list_item_get_position (item) : GTK_INVALID_LIST_POSITION;
}

static void
focus_cell (GtkWidget *cell)
{
  gtk_widget_grab_focus (cell);
}

/* Left (-1), Right (+1), first (-2) or last (+2) cell of the row. */
static gboolean
move_across (GtkWidget *row, GtkWidget *cell, int step)
{
  g_autoptr (GPtrArray) cells = cells_of_row (row);
  int at = -1, target = -1;

  for (guint i = 0; i < cells->len; i++)
    if (cells->pdata[i] != NULL && cells->pdata[i] == cell)
      at = (int) i;
  if (step == -2 || step == 2)
    {
      for (guint i = 0; i < cells->len; i++)
        {
          guint k = step < 0 ? i : cells->len - 1 - i;

          if (cells->pdata[k] != NULL && gtk_widget_get_visible (cells->pdata[k]))
            {
              target = (int) k;
              break;
            }
        }
    }
  else if (at < 0)
    return move_across (row, NULL, -2);
  else
    for (int k = at + step; k >= 0 && k < (int) cells->len; k += step)
      if (cells->pdata[k] != NULL && gtk_widget_get_visible (cells->pdata[k]))
        {
          target = k;
          break;
        }
  if (target >= 0)
    focus_cell (cells->pdata[target]);
  return TRUE;
}

/* The cell in this column of the row at this position, when the list made it. */
static GtkWidget *
cell_at (GtkWidget *list, guint position, guint column)
{
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    {
      g_autoptr (GPtrArray) cells = cells_of_row (row);

      if (column < cells->len && cells->pdata[column] != NULL && gtk_widget_get_child_visible (row)
          && position_of (cells->pdata[column]) == position)
        return cells->pdata[column];
    }
  return NULL;
}

typedef struct
{
  GtkWidget *list;
  guint position, column;
  int tries;
} Later;

static gboolean
focus_later (gpointer data)
{
  Later *later = data;
  GtkWidget *cell = cell_at (later->list, later->position, later->column);

  if (cell != NULL)
    focus_cell (cell);
  if (cell != NULL || --later->tries <= 0)
    {
      g_object_unref (later->list);
      g_free (later);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
move_down (GtkWidget *list, GtkWidget *row, GtkWidget *cell, int step, gboolean extend)
{
  GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (list));
  g_autoptr (GPtrArray) cells = cells_of_row (row);
  guint position = position_of (cell), column = 0, target;
  GtkWidget *found;

  if (model == NULL || position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  while (column < cells->len && cells->pdata[column] != cell)
    column++;
  if ((step < 0 && position == 0) || (step > 0 && position + 1 >= g_list_model_get_n_items (G_LIST_MODEL (model))))
    return TRUE; /* the first or last row: stay */
  target = position + step;
  if (extend) /* the selection grows from the row the keyboard leaves */
    gtk_selection_model_select_item (model, position, FALSE);
  gtk_selection_model_select_item (model, target, !extend);
  gtk_widget_activate_action (list, "list.scroll-to-item", "u", target);
  found = cell_at (list, target, column);
  if (found != NULL)
    focus_cell (found);
  else
    {
      Later *later = g_new0 (Later, 1);

      later->list = g_object_ref (list);
      later->position = target;
      later->column = column;
      later->tries = 25;
      g_timeout_add (20, focus_later, later);
    }
  return TRUE;
}

static gboolean
key_pressed (GtkEventControllerKey *key, guint keyval, guint keycode, GdkModifierType state, GtkColumnView *view)
{
  GtkWidget *list = inner_list (view);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (view));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *cell, *row;
  gboolean ctrl = (state & GDK_CONTROL_MASK) != 0, shift = (state & GDK_SHIFT_MASK) != 0;

  if (list == NULL || focus == NULL || (state & (GDK_ALT_MASK | GDK_SUPER_MASK)))
    return FALSE;
  if ((row = row_of (focus, list)) == NULL)
    return FALSE;
  cell = cell_of (focus, list);
  /* a text being edited in place keeps its keys (the cursor moves) */
  if (cell != NULL && KAM_IS_TEXT_CELL (cell) && kam_text_cell_in_place (cell)
      && keyval != GDK_KEY_Up && keyval != GDK_KEY_Down)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left:
      return move_across (row, cell, ctrl ? -2 : -1);
    case GDK_KEY_Right: case GDK_KEY_KP_Right:
      return move_across (row, cell, ctrl ? 2 : 1);
    case GDK_KEY_Up: case GDK_KEY_KP_Up:
      return cell != NULL && !ctrl && move_down (list, row, cell, -1, shift);
    case GDK_KEY_Down: case GDK_KEY_KP_Down:
      return cell != NULL && !ctrl && move_down (list, row, cell, 1, shift);
    default:
      return FALSE;
    }
}

void
kam_cell_nav_attach (GtkColumnView *view)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed), view);
  gtk_widget_add_controller (GTK_WIDGET (view), keys);
}
