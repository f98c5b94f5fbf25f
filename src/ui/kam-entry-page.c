/* kam-entry-page.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Enter Table: a grid of cells, one figure each (KamEntryTable), entered from
 * the keyboard as in a spreadsheet. A cell is an entry whose text is all
 * selected when it gets the focus, so typing replaces it; arrows, Tab and
 * Enter write the cell and move; F2 edits in place (arrows then move the
 * caret); Escape puts the text back; Delete empties the cell. Shift with the
 * arrows marks a block for Ctrl+C and Ctrl+D (fill down); Ctrl+V fills the
 * grid from the cursor with a block copied from a spreadsheet. A value far
 * from what the dataset holds is kept only when the person confirms it at the
 * cell, and then carries a follow-up line in its note. */

#include <glib/gi18n.h>
#include <math.h>
#include "kam-entry-page.h"
#include "kam-choices.h"
#include "kam-iso-countries.h"
#include "kam-number.h"
#include "kam-ui-util.h"

struct _KamEntryPage
{
  GtkWidget parent_instance;

  GtkFlowBox *settings;
  GtkDropDown *indicator, *rows, *columns, *source, *qualifier;
  GtkSpinButton *year, *last_year;
  GtkWidget *last_year_label;
  GtkGrid *grid;
  GtkScrolledWindow *scroller;
  GtkLabel *message, *add_row_label;
  GtkEntry *add_row;

  KamDataset *dataset;
  KamEntryTable *table;
  KamChoices indicators, sources;
  GtkStringList *row_axes, *column_axes;
  GPtrArray *cells; /* GtkEntry, row by row */
  GPtrArray *sums;  /* GtkLabel, the computed totals under each column */
  guint n_rows, n_columns;
  int cursor_row, cursor_column;
  int anchor_row, anchor_column; /* the other corner of the marked block; -1: none */
  gboolean editing;              /* F2: the arrows move the caret */
  gboolean settings_busy;
  GtkPopover *confirm;
};

G_DEFINE_FINAL_TYPE (KamEntryPage, kam_entry_page, GTK_TYPE_WIDGET)

static void rebuild (KamEntryPage *self);

static GtkWidget *
cell_at (KamEntryPage *self, int row, int column)
{
  if (row < 0 || column < 0 || (guint) row >= self->n_rows || (guint) column >= self->n_columns)
    return NULL;
  return g_ptr_array_index (self->cells, (guint) row * self->n_columns + (guint) column);
}

GtkWidget *
kam_entry_page_get_cell (KamEntryPage *self, guint row, guint column)
{
  return cell_at (self, (int) row, (int) column);
}

KamEntryTable *
kam_entry_page_get_table (KamEntryPage *self)
{
  return self->table;
}

const char *
kam_entry_page_get_message (KamEntryPage *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->message)) ? gtk_label_get_text (self->message) : NULL;
}

static void
say (KamEntryPage *self, const char *message)
{
  gtk_label_set_text (self->message, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), message != NULL);
}

/* A value as a cell shows it: grouped digits, two decimals at most. */
static char *
cell_text (double value)
{
  if (!kam_value_is_known (value))
    return g_strdup ("");
  return kam_number_format (value, 2);
}

static char *
cell_name (KamEntryPage *self, guint row, guint column)
{
  g_autofree char *column_label = kam_entry_table_dup_column_label (self->table, column);

  /* Translators: a cell of the Enter Table grid: its row and column, "Malaysia, Women" */
  return g_strdup_printf (_("%s, %s"), kam_entry_table_get_row_label (self->table, row), column_label);
}

/* The cells' texts, marks and the sums, from the figures. The cell being
 * typed into keeps what is typed. */
static void
refresh (KamEntryPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  for (guint r = 0; r < self->n_rows; r++)
    for (guint c = 0; c < self->n_columns; c++)
      {
        GtkWidget *cell = cell_at (self, (int) r, (int) c);
        g_autofree char *text = NULL, *name = cell_name (self, r, c), *tip = NULL;
        const char *shown = g_object_get_data (G_OBJECT (cell), "kam-shown");
        double value, difference;
        gboolean typed;

        kam_entry_table_get_cell (self->table, r, c, &value);
        text = cell_text (value);
        {
          /* (a shared dataset's role may not change every figure) */
          KamFigureRow key;
          gboolean may_change;

          kam_entry_table_get_cell_key (self->table, r, c, &key);
          may_change = kam_dataset_may_change_row (kam_entry_table_get_dataset (self->table), &key);
          if (gtk_editable_get_editable (GTK_EDITABLE (cell)) != may_change)
            {
              gtk_editable_set_editable (GTK_EDITABLE (cell), may_change);
              if (may_change)
                gtk_widget_remove_css_class (cell, "read-only");
              else
                gtk_widget_add_css_class (cell, "read-only");
            }
        }
        typed = focus != NULL && gtk_widget_is_ancestor (focus, cell)
                && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (cell)), shown) != 0;
        if (!typed && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (cell)), text) != 0)
          gtk_editable_set_text (GTK_EDITABLE (cell), text);
        g_object_set_data_full (G_OBJECT (cell), "kam-shown", g_strdup (text), g_free);
        if (kam_entry_table_get_mismatch (self->table, r, c, &difference))
          {
            g_autofree char *sum = kam_number_format (value - difference, 2);
            g_autofree char *off = kam_number_format (fabs (difference), 2);

            tip = g_strdup_printf (difference > 0 ? _("Its parts add up to %s, %s less than this total.")
                                                  : _("Its parts add up to %s, %s more than this total."),
                                   sum, off);
            gtk_widget_add_css_class (cell, "kam-mismatch");
          }
        else
          gtk_widget_remove_css_class (cell, "kam-mismatch");
        if (tip == NULL && kam_value_is_known (value))
          tip = kam_number_to_text (value); /* the whole value */
        gtk_widget_set_tooltip_text (cell, tip);
        gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tip ? tip : "", -1);
      }
  for (guint c = 0; c < self->sums->len; c++)
    {
      guint known;
      double sum = kam_entry_table_get_column_sum (self->table, c, &known);
      g_autofree char *text = known ? kam_number_format (sum, 2) : g_strdup ("");

      gtk_label_set_text (g_ptr_array_index (self->sums, c), text);
    }
}

/* Marks the block between the anchor and the cursor. */
static void
mark_block (KamEntryPage *self)
{
  int r0 = MIN (self->anchor_row, self->cursor_row), r1 = MAX (self->anchor_row, self->cursor_row);
  int c0 = MIN (self->anchor_column, self->cursor_column), c1 = MAX (self->anchor_column, self->cursor_column);

  for (guint r = 0; r < self->n_rows; r++)
    for (guint c = 0; c < self->n_columns; c++)
      {
        gboolean in = self->anchor_row >= 0 && (int) r >= r0 && (int) r <= r1 && (int) c >= c0 && (int) c <= c1;

        if (in)
          gtk_widget_add_css_class (cell_at (self, (int) r, (int) c), "kam-marked");
        else
          gtk_widget_remove_css_class (cell_at (self, (int) r, (int) c), "kam-marked");
      }
}

static void
block_of (KamEntryPage *self, int *r0, int *c0, int *r1, int *c1)
{
  if (self->anchor_row < 0)
    {
      *r0 = *r1 = self->cursor_row;
      *c0 = *c1 = self->cursor_column;
      return;
    }
  *r0 = MIN (self->anchor_row, self->cursor_row);
  *r1 = MAX (self->anchor_row, self->cursor_row);
  *c0 = MIN (self->anchor_column, self->cursor_column);
  *c1 = MAX (self->anchor_column, self->cursor_column);
}

static void
go_to (KamEntryPage *self, int row, int column)
{
  GtkWidget *cell = cell_at (self, row, column);

  if (cell == NULL)
    return;
  gtk_widget_grab_focus (cell);
}

/* The confirmation at a cell of a far-off value. */
typedef struct
{
  KamEntryPage *self;
  guint row, column;
  double value;
  char *why;
  int next_row, next_column;
} Confirm;

static void
confirm_free (gpointer data)
{
  Confirm *confirm = data;

  g_free (confirm->why);
  g_free (confirm);
}

static void
confirm_close (KamEntryPage *self)
{
  if (self->confirm != NULL)
    {
      GtkPopover *popover = g_steal_pointer (&self->confirm);

      gtk_popover_popdown (popover);
      gtk_widget_unparent (GTK_WIDGET (popover));
    }
}

static void
confirm_keep (GtkButton *button, Confirm *confirm)
{
  KamEntryPage *self = confirm->self;
  guint id = kam_entry_table_get_cell (self->table, confirm->row, confirm->column, NULL);
  KamFigureTable *figures = kam_dataset_get_figures (self->dataset);
  const char *old_note = id ? kam_figure_table_get_note (figures, kam_figure_table_find_row (figures, id)) : NULL;
  g_autofree char *note = kam_rule_follow_up_note (old_note, confirm->why);
  g_autoptr (GError) error = NULL;
  int row = confirm->next_row, column = confirm->next_column;

  if (!kam_entry_table_set_cell (self->table, confirm->row, confirm->column, confirm->value, note, &error))
    say (self, error->message);
  else
    say (self, NULL);
  confirm_close (self); /* frees confirm */
  refresh (self);
  go_to (self, row, column);
}

static void
confirm_change (GtkButton *button, Confirm *confirm)
{
  KamEntryPage *self = confirm->self;
  GtkWidget *cell = cell_at (self, (int) confirm->row, (int) confirm->column);

  confirm_close (self);
  if (cell != NULL)
    {
      gtk_widget_grab_focus (cell);
      gtk_editable_select_region (GTK_EDITABLE (cell), 0, -1);
    }
}

static void
ask_to_confirm (KamEntryPage *self, GtkWidget *cell, guint row, guint column, double value, const char *why,
                int next_row, int next_column)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (why);
  GtkWidget *keep = gtk_button_new_with_mnemonic (_("_Keep and Mark for Follow-Up"));
  GtkWidget *change = gtk_button_new_with_mnemonic (_("C_hange"));
  Confirm *confirm = g_new0 (Confirm, 1);

  confirm_close (self);
  confirm->self = self;
  confirm->row = row;
  confirm->column = column;
  confirm->value = value;
  confirm->why = g_strdup (why);
  confirm->next_row = next_row;
  confirm->next_column = next_column;
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (change, "suggested-action");
  gtk_box_append (GTK_BOX (buttons), change);
  gtk_box_append (GTK_BOX (buttons), keep);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_widget_set_parent (popover, cell);
  gtk_popover_set_position (GTK_POPOVER (popover), GTK_POS_BOTTOM);
  gtk_accessible_update_property (GTK_ACCESSIBLE (popover), GTK_ACCESSIBLE_PROPERTY_LABEL, why, -1);
  g_object_set_data_full (G_OBJECT (popover), "kam-confirm", confirm, confirm_free);
  g_signal_connect (keep, "clicked", G_CALLBACK (confirm_keep), confirm);
  g_signal_connect (change, "clicked", G_CALLBACK (confirm_change), confirm);
  self->confirm = GTK_POPOVER (popover);
  gtk_popover_popup (GTK_POPOVER (popover));
  gtk_widget_grab_focus (change);
}

/* Writes what is typed in the cell. FALSE when it was not written (refused,
 * or waiting for a confirmation): the cursor stays. */
static gboolean
commit (KamEntryPage *self, int row, int column, int next_row, int next_column)
{
  GtkWidget *cell = cell_at (self, row, column);
  const char *text, *shown;
  g_autoptr (GError) error = NULL;
  g_autofree char *why = NULL;
  double value;
  KamFigureRow key;

  if (cell == NULL)
    return TRUE;
  text = gtk_editable_get_text (GTK_EDITABLE (cell));
  shown = g_object_get_data (G_OBJECT (cell), "kam-shown");
  if (g_strcmp0 (text, shown) == 0)
    return TRUE; /* as shown: the figure keeps every digit */
  if (!kam_number_parse (text, &value, &error)
      || !kam_rule_check_typed_value (self->dataset, kam_entry_table_get_indicator (self->table), value, &error))
    {
      g_autofree char *name = cell_name (self, (guint) row, (guint) column);
      g_autofree char *message = g_strdup_printf (_("%s: %s"), name, error->message);

      say (self, message);
      gtk_widget_add_css_class (cell, "error");
      return FALSE;
    }
  gtk_widget_remove_css_class (cell, "error");
  kam_entry_table_get_cell_key (self->table, (guint) row, (guint) column, &key);
  key.value = value;
  if (!kam_rule_is_plausible (self->dataset, &key,
                              kam_entry_table_get_cell (self->table, (guint) row, (guint) column, NULL), &why))
    {
      ask_to_confirm (self, cell, (guint) row, (guint) column, value, why, next_row, next_column);
      return FALSE;
    }
  if (!kam_entry_table_set_cell (self->table, (guint) row, (guint) column, value, NULL, &error))
    {
      say (self, error->message);
      return FALSE;
    }
  say (self, NULL);
  /* written: the cell shows it as the others ("5,000", not "5000"), also
   * when the cursor stays (Enter on the last row) */
  if ((cell = cell_at (self, row, column)) != NULL)
    {
      g_autofree char *written = NULL;

      kam_entry_table_get_cell (self->table, (guint) row, (guint) column, &value);
      written = cell_text (value);
      g_object_set_data_full (G_OBJECT (cell), "kam-shown", g_strdup (written), g_free);
      gtk_editable_set_text (GTK_EDITABLE (cell), written);
    }
  return TRUE;
}

static void
move (KamEntryPage *self, int row, int column)
{
  row = CLAMP (row, 0, (int) self->n_rows - 1);
  column = CLAMP (column, 0, (int) self->n_columns - 1);
  if (commit (self, self->cursor_row, self->cursor_column, row, column))
    {
      refresh (self);
      go_to (self, row, column);
    }
}

static char *
block_text (KamEntryPage *self)
{
  GString *out = g_string_new (NULL);
  int r0, c0, r1, c1;

  block_of (self, &r0, &c0, &r1, &c1);
  for (int r = r0; r <= r1; r++)
    {
      for (int c = c0; c <= c1; c++)
        {
          double value;

          kam_entry_table_get_cell (self->table, (guint) r, (guint) c, &value);
          if (c > c0)
            g_string_append_c (out, '\t');
          if (kam_value_is_known (value))
            kam_number_append_text (out, value);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* A block of values as a spreadsheet copies it: lines of tab-separated cells. */
static gboolean
paste_text (KamEntryPage *self, const char *text, GError **error)
{
  g_auto (GStrv) lines = NULL;
  g_autoptr (GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_lines, width = 0;

  if (text == NULL)
    return TRUE;
  lines = g_strsplit (text, "\n", -1);
  n_lines = g_strv_length (lines);
  while (n_lines > 0 && g_strstrip (lines[n_lines - 1])[0] == '\0')
    n_lines--;
  for (guint l = 0; l < n_lines; l++)
    {
      g_auto (GStrv) fields = g_strsplit (g_strchomp (lines[l]), "\t", -1);

      width = MAX (width, g_strv_length (fields));
    }
  for (guint l = 0; l < n_lines; l++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[l], "\t", -1);
      guint n = g_strv_length (fields);

      for (guint f = 0; f < width; f++)
        {
          double value = KAM_VALUE_UNKNOWN;
          g_autoptr (GError) local = NULL;

          if (f < n && !kam_number_parse (g_strstrip (fields[f]), &value, &local))
            {
              g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("Line %u, cell %u of the pasted text: %s"), l + 1,
                           f + 1, local->message);
              return FALSE;
            }
          g_array_append_val (values, value);
        }
    }
  if (n_lines == 0 || width == 0)
    return TRUE;
  return kam_entry_table_set_block (self->table, (guint) self->cursor_row, (guint) self->cursor_column,
                                    (const double *) values->data, n_lines, width, error);
}

static void
clipboard_read (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (KamEntryPage) self = data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  g_autoptr (GError) error = NULL;

  if (!paste_text (self, text, &error))
    say (self, error->message);
  else
    say (self, NULL);
  refresh (self);
}

/* Ctrl+D: the block's first row copied into the rows below it; with no
 * block, the cell above copied into the cursor's. */
static void
fill_down (KamEntryPage *self)
{
  int r0, c0, r1, c1;
  g_autoptr (GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GError) error = NULL;

  block_of (self, &r0, &c0, &r1, &c1);
  if (r0 == r1)
    r0--;
  if (r0 < 0)
    return;
  for (int r = r0 + 1; r <= r1; r++)
    for (int c = c0; c <= c1; c++)
      {
        double value;

        kam_entry_table_get_cell (self->table, (guint) r0, (guint) c, &value);
        g_array_append_val (values, value);
      }
  if (!kam_entry_table_set_block (self->table, (guint) r0 + 1, (guint) c0, (const double *) values->data,
                                  (guint) (r1 - r0), (guint) (c1 - c0 + 1), &error))
    say (self, error->message);
  refresh (self);
}

static gboolean
key_pressed (GtkEventControllerKey *controller, guint keyval, guint keycode, GdkModifierType state,
             KamEntryPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *cell = cell_at (self, self->cursor_row, self->cursor_column);
  gboolean shift = (state & GDK_SHIFT_MASK) != 0, ctrl = (state & GDK_CONTROL_MASK) != 0;
  int row = self->cursor_row, column = self->cursor_column;

  if (cell == NULL || focus == NULL || !gtk_widget_is_ancestor (focus, cell))
    return GDK_EVENT_PROPAGATE;
  if (shift && !ctrl && !self->editing
      && (keyval == GDK_KEY_Up || keyval == GDK_KEY_Down || keyval == GDK_KEY_Left || keyval == GDK_KEY_Right))
    {
      /* a block: the anchor stays, the cursor moves */
      if (self->anchor_row < 0)
        {
          self->anchor_row = row;
          self->anchor_column = column;
        }
      row += keyval == GDK_KEY_Down ? 1 : keyval == GDK_KEY_Up ? -1 : 0;
      column += keyval == GDK_KEY_Right ? 1 : keyval == GDK_KEY_Left ? -1 : 0;
      if (cell_at (self, row, column) != NULL && commit (self, self->cursor_row, self->cursor_column, row, column))
        {
          int anchor_row = self->anchor_row, anchor_column = self->anchor_column;

          go_to (self, row, column);
          self->anchor_row = anchor_row;
          self->anchor_column = anchor_column;
          mark_block (self);
        }
      return GDK_EVENT_STOP;
    }
  switch (keyval)
    {
    case GDK_KEY_Up:
      move (self, row - 1, column);
      return GDK_EVENT_STOP;
    case GDK_KEY_Down:
      move (self, row + 1, column);
      return GDK_EVENT_STOP;
    case GDK_KEY_Left:
    case GDK_KEY_Right:
      if (self->editing)
        return GDK_EVENT_PROPAGATE;
      move (self, row, column + (keyval == GDK_KEY_Right ? 1 : -1));
      return GDK_EVENT_STOP;
    case GDK_KEY_Tab:
    case GDK_KEY_ISO_Left_Tab:
      if (keyval == GDK_KEY_ISO_Left_Tab || shift)
        {
          if (row == 0 && column == 0)
            return commit (self, row, column, row, column) ? GDK_EVENT_PROPAGATE : GDK_EVENT_STOP;
          move (self, column == 0 ? row - 1 : row, column == 0 ? (int) self->n_columns - 1 : column - 1);
        }
      else
        {
          if (row == (int) self->n_rows - 1 && column == (int) self->n_columns - 1)
            return commit (self, row, column, row, column) ? GDK_EVENT_PROPAGATE : GDK_EVENT_STOP;
          move (self, column == (int) self->n_columns - 1 ? row + 1 : row,
                column == (int) self->n_columns - 1 ? 0 : column + 1);
        }
      return GDK_EVENT_STOP;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (row == (int) self->n_rows - 1)
        {
          /* the last row: write, and stay */
          if (commit (self, row, column, row, column))
            {
              refresh (self);
              go_to (self, row, column);
            }
        }
      else
        move (self, shift ? row - 1 : row + 1, column);
      return GDK_EVENT_STOP;
    case GDK_KEY_F2:
      self->editing = TRUE;
      gtk_editable_set_position (GTK_EDITABLE (cell), -1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Escape:
      {
        const char *shown = g_object_get_data (G_OBJECT (cell), "kam-shown");

        if (self->anchor_row >= 0)
          {
            self->anchor_row = self->anchor_column = -1;
            mark_block (self);
          }
        if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (cell)), shown) == 0 && !self->editing)
          return GDK_EVENT_PROPAGATE;
        gtk_editable_set_text (GTK_EDITABLE (cell), shown ? shown : "");
        gtk_editable_select_region (GTK_EDITABLE (cell), 0, -1);
        gtk_widget_remove_css_class (cell, "error");
        self->editing = FALSE;
        say (self, NULL);
        return GDK_EVENT_STOP;
      }
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
      if (self->editing)
        return GDK_EVENT_PROPAGATE;
      {
        int r0, c0, r1, c1;
        g_autoptr (GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
        g_autoptr (GError) error = NULL;

        block_of (self, &r0, &c0, &r1, &c1);
        for (int i = 0; i < (r1 - r0 + 1) * (c1 - c0 + 1); i++)
          {
            double unknown = KAM_VALUE_UNKNOWN;
            g_array_append_val (values, unknown);
          }
        if (!kam_entry_table_set_block (self->table, (guint) r0, (guint) c0, (const double *) values->data,
                                        (guint) (r1 - r0 + 1), (guint) (c1 - c0 + 1), &error))
          say (self, error->message);
        refresh (self);
        gtk_editable_select_region (GTK_EDITABLE (cell), 0, -1);
        return GDK_EVENT_STOP;
      }
    default:
      break;
    }
  if (ctrl && !self->editing && (keyval == GDK_KEY_c || keyval == GDK_KEY_C || keyval == GDK_KEY_Insert))
    {
      g_autofree char *text = block_text (self);

      gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
      return GDK_EVENT_STOP;
    }
  if (ctrl && !self->editing && (keyval == GDK_KEY_v || keyval == GDK_KEY_V))
    {
      if (commit (self, row, column, row, column))
        gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), NULL, clipboard_read,
                                       g_object_ref (self));
      return GDK_EVENT_STOP;
    }
  if (ctrl && (keyval == GDK_KEY_d || keyval == GDK_KEY_D))
    {
      if (commit (self, row, column, row, column))
        fill_down (self);
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
cell_focused (GtkEventControllerFocus *controller, KamEntryPage *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  guint index;

  if (!g_ptr_array_find (self->cells, cell, &index))
    return;
  self->cursor_row = (int) (index / self->n_columns);
  self->cursor_column = (int) (index % self->n_columns);
  self->editing = FALSE;
  self->anchor_row = self->anchor_column = -1;
  mark_block (self);
  gtk_editable_select_region (GTK_EDITABLE (cell), 0, -1);
}

static void
cell_left (GtkEventControllerFocus *controller, KamEntryPage *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  guint index;

  gtk_editable_select_region (GTK_EDITABLE (cell), 0, 0);
  /* a click elsewhere writes the cell too (a refused text stays, marked) */
  if (self->confirm == NULL && g_ptr_array_find (self->cells, cell, &index))
    if (commit (self, (int) (index / self->n_columns), (int) (index % self->n_columns), -1, -1))
      refresh (self);
}

static GtkWidget *
heading (const char *text, gboolean row)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), row ? 0 : 1);
  gtk_widget_add_css_class (label, "kam-entry-heading");
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  return label;
}

/* The grid again, for the table's rows and columns. */
static void
rebuild (KamEntryPage *self)
{
  GtkWidget *child;

  confirm_close (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  g_ptr_array_set_size (self->cells, 0);
  g_ptr_array_set_size (self->sums, 0);
  self->n_rows = self->table ? kam_entry_table_get_n_rows (self->table) : 0;
  self->n_columns = self->table ? kam_entry_table_get_n_columns (self->table) : 0;
  self->anchor_row = self->anchor_column = -1;
  if (self->table == NULL)
    return;
  for (guint c = 0; c < self->n_columns; c++)
    {
      g_autofree char *label = kam_entry_table_dup_column_label (self->table, c);

      gtk_grid_attach (self->grid, heading (label, FALSE), (int) c + 1, 0, 1, 1);
    }
  for (guint r = 0; r < self->n_rows; r++)
    {
      GtkWidget *row_heading = heading (kam_entry_table_get_row_label (self->table, r), TRUE);

      if (kam_entry_table_row_is_total (self->table, r))
        gtk_widget_add_css_class (row_heading, "heading");
      gtk_grid_attach (self->grid, row_heading, 0, (int) r + 1, 1, 1);
      for (guint c = 0; c < self->n_columns; c++)
        {
          GtkWidget *cell = gtk_entry_new ();
          GtkEventController *focus = gtk_event_controller_focus_new ();

          gtk_editable_set_width_chars (GTK_EDITABLE (cell), 14);
          gtk_editable_set_alignment (GTK_EDITABLE (cell), 1);
          gtk_widget_add_css_class (cell, "kam-entry-cell");
          if (kam_entry_table_row_is_total (self->table, r) || kam_entry_table_column_is_total (self->table, c))
            gtk_widget_add_css_class (cell, "kam-entry-total");
          g_signal_connect (focus, "enter", G_CALLBACK (cell_focused), self);
          g_signal_connect (focus, "leave", G_CALLBACK (cell_left), self);
          gtk_widget_add_controller (cell, focus);
          gtk_grid_attach (self->grid, cell, (int) c + 1, (int) r + 1, 1, 1);
          g_ptr_array_add (self->cells, cell);
        }
    }
  if (self->n_rows > 0)
    {
      /* Translators: the row under the Enter Table grid that adds up each column */
      GtkWidget *sum_heading = heading (_("Sum"), TRUE);

      gtk_widget_add_css_class (sum_heading, "dim-label");
      gtk_grid_attach (self->grid, sum_heading, 0, (int) self->n_rows + 1, 1, 1);
      for (guint c = 0; c < self->n_columns; c++)
        {
          GtkWidget *sum = heading ("", FALSE);
          g_autofree char *column_label = kam_entry_table_dup_column_label (self->table, c);
          /* Translators: the accessible name of a computed sum under a column: "Sum of Women" */
          g_autofree char *name = g_strdup_printf (_("Sum of %s"), column_label);

          gtk_widget_add_css_class (sum, "dim-label");
          gtk_widget_add_css_class (sum, "numeric");
          gtk_accessible_update_property (GTK_ACCESSIBLE (sum), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          gtk_grid_attach (self->grid, sum, (int) c + 1, (int) self->n_rows + 1, 1, 1);
          g_ptr_array_add (self->sums, sum);
        }
    }
  self->cursor_row = MIN (self->cursor_row, (int) self->n_rows - 1);
  self->cursor_column = MIN (self->cursor_column, (int) self->n_columns - 1);
  refresh (self);
}

/* The settings above the grid, into the table. */
static void
settings_changed (KamEntryPage *self)
{
  guint rows, columns;
  int row_axis, column_axis;
  int first, last;

  if (self->settings_busy || self->table == NULL)
    return;
  rows = gtk_drop_down_get_selected (self->rows);
  columns = gtk_drop_down_get_selected (self->columns);
  row_axis = rows == 0 || rows == GTK_INVALID_LIST_POSITION ? KAM_ENTRY_DESTINATIONS : (int) rows - 1;
  column_axis = columns == 0 || columns == GTK_INVALID_LIST_POSITION ? KAM_ENTRY_YEARS : (int) columns - 1;
  if (row_axis == column_axis)
    {
      /* rows and columns cannot be the same breakdown: the rows give way */
      self->settings_busy = TRUE;
      gtk_drop_down_set_selected (self->rows, 0);
      self->settings_busy = FALSE;
      row_axis = KAM_ENTRY_DESTINATIONS;
    }
  first = gtk_spin_button_get_value_as_int (self->year);
  last = gtk_spin_button_get_value_as_int (self->last_year);
  gtk_widget_set_visible (GTK_WIDGET (self->last_year), column_axis == KAM_ENTRY_YEARS);
  gtk_widget_set_visible (self->last_year_label, column_axis == KAM_ENTRY_YEARS);
  kam_entry_table_set_qualifier (self->table, (KamQualifier) gtk_drop_down_get_selected (self->qualifier));
  kam_entry_table_set_layout (self->table, row_axis, column_axis);
  kam_entry_table_set_indicator (self->table,
                                 kam_choices_get_key (&self->indicators, gtk_drop_down_get_selected (self->indicator)));
  kam_entry_table_set_source (self->table, kam_choices_get_key (&self->sources, gtk_drop_down_get_selected (self->source)));
  kam_entry_table_set_years (self->table, first, column_axis == KAM_ENTRY_YEARS ? MAX (last, first) : first);
  gtk_label_set_text_with_mnemonic (self->add_row_label, _("_Add a destination"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (self->add_row_label), -1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_row), row_axis == KAM_ENTRY_DESTINATIONS);
  say (self, NULL);
  rebuild (self);
}

/* How well a name matches what is typed: 3 the same, 2 starts with it, 1
 * contains it, 0 not at all (both case-folded). */
static int
match_of (const char *name, const char *folded)
{
  g_autofree char *n = name ? g_utf8_casefold (name, -1) : NULL;

  if (n == NULL)
    return 0;
  return g_str_equal (n, folded) ? 3 : g_str_has_prefix (n, folded) ? 2 : strstr (n, folded) != NULL ? 1 : 0;
}

/* The best country for what is typed: a code or name exactly; else the
 * dataset's countries before the rest of ISO 3166's, a name (English or
 * Khmer) starting with it before one containing it. */
static char *
best_country (KamEntryPage *self, const char *text)
{
  GPtrArray *iso = kam_iso_countries_get_default ();
  GListModel *countries = kam_dataset_get_countries (self->dataset);
  g_autofree char *folded = NULL;
  const char *code, *best = NULL;
  int best_match = 0;

  if (text == NULL || text[0] == '\0')
    return NULL;
  code = kam_dataset_find_key (self->dataset, KAM_FIGURE_FIELD_COUNTRY, text, TRUE);
  if (code != NULL)
    return g_strdup (code);
  folded = g_utf8_casefold (text, -1);
  for (guint i = 0; i < g_list_model_get_n_items (countries); i++)
    {
      g_autoptr (KamCountry) c = g_list_model_get_item (countries, i);
      int match = MAX (match_of (kam_country_get_name (c), folded), match_of (kam_country_get_name_km (c), folded));

      if (match > best_match)
        {
          best_match = match;
          best = kam_country_get_code (c);
        }
    }
  for (guint i = 0; best_match < 2 && iso != NULL && i < iso->len; i++)
    {
      const KamIsoCountry *c = g_ptr_array_index (iso, i);
      int match = MAX (match_of (c->name, folded), match_of (c->name_km, folded));

      if (g_ascii_strcasecmp (c->code, text) == 0)
        match = 3;
      if (match > best_match)
        {
          best_match = match;
          best = c->code;
        }
    }
  return g_strdup (best);
}

static void
add_row_changed (KamEntryPage *self)
{
  g_autofree char *code = best_country (self, gtk_editable_get_text (GTK_EDITABLE (self->add_row)));
  g_autofree char *tip = NULL;

  if (code != NULL)
    {
      const char *label = kam_dataset_get_country_label (self->dataset, code);
      GPtrArray *iso = kam_iso_countries_get_default ();
      const KamIsoCountry *c = iso ? kam_iso_countries_find (iso, code) : NULL;

      if (kam_dataset_lookup_country (self->dataset, code) == NULL && c != NULL)
        label = c->name;
      /* Translators: under the Add a destination entry: what Enter will add, "Enter adds Malaysia (MYS)" */
      tip = g_strdup_printf (_("Enter adds %s (%s)"), label, code);
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_row), tip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  tip ? tip : "", -1);
  gtk_entry_set_placeholder_text (self->add_row, NULL);
  if (tip != NULL)
    say (self, NULL);
}

static void
add_row_activated (KamEntryPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->add_row));
  g_autofree char *code = best_country (self, text);
  g_autoptr (GError) error = NULL;
  int row;

  if (self->table == NULL)
    return;
  row = kam_entry_table_add_row (self->table, code ? code : text, &error);
  if (row < 0)
    {
      say (self, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->add_row), "");
  rebuild (self);
  /* the new row's first part (a breakdown's first member after its total) */
  go_to (self, row, self->n_columns > 1 && kam_entry_table_column_is_total (self->table, 0) ? 1 : 0);
}

static void
fill_axes (KamEntryPage *self)
{
  guint n = kam_dataset_get_n_dimensions (self->dataset);
  g_autoptr (GPtrArray) rows = g_ptr_array_new (), columns = g_ptr_array_new ();

  g_ptr_array_add (rows, (gpointer) _("Destinations"));
  g_ptr_array_add (columns, (gpointer) _("Years"));
  for (guint d = 0; d < n; d++)
    {
      const char *label = kam_dimension_get_label (kam_dataset_get_dimension (self->dataset, d));

      g_ptr_array_add (rows, (gpointer) label);
      g_ptr_array_add (columns, (gpointer) label);
    }
  g_ptr_array_add (rows, NULL);
  g_ptr_array_add (columns, NULL);
  gtk_string_list_splice (self->row_axes, 0, g_list_model_get_n_items (G_LIST_MODEL (self->row_axes)),
                          (const char *const *) rows->pdata);
  gtk_string_list_splice (self->column_axes, 0, g_list_model_get_n_items (G_LIST_MODEL (self->column_axes)),
                          (const char *const *) columns->pdata);
}

static void
dataset_changed (KamEntryPage *self)
{
  const char *indicator = self->table ? kam_entry_table_get_indicator (self->table) : NULL;
  const char *source = self->table ? kam_entry_table_get_source (self->table) : NULL;
  gboolean lists;

  self->settings_busy = TRUE;
  lists = kam_choices_update (&self->indicators, self->dataset, KAM_CHOICES_INDICATORS, NULL, NULL);
  lists |= kam_choices_update (&self->sources, self->dataset, KAM_CHOICES_SOURCES, _("No source"), NULL, NULL);
  if (lists)
    {
      guint i = kam_choices_find (&self->indicators, indicator);

      gtk_drop_down_set_selected (self->indicator, i == GTK_INVALID_LIST_POSITION ? 0 : i);
      i = kam_choices_find (&self->sources, source);
      gtk_drop_down_set_selected (self->source, i == GTK_INVALID_LIST_POSITION ? 0 : i);
    }
  self->settings_busy = FALSE;
  if (lists)
    settings_changed (self);
  else
    refresh (self);
}

void
kam_entry_page_set_dataset (KamEntryPage *self, KamDataset *dataset)
{
  guint deployed;
  g_autoptr (GArray) years = NULL;
  KamFigureTable *figures = dataset ? kam_dataset_get_figures (dataset) : NULL;
  const char *indicator;

  g_return_if_fail (KAM_IS_ENTRY_PAGE (self));
  if (self->dataset != NULL)
    g_signal_handlers_disconnect_by_data (self->dataset, self);
  g_set_object (&self->dataset, dataset);
  g_clear_object (&self->table);
  if (dataset == NULL)
    {
      rebuild (self);
      return;
    }
  self->table = kam_entry_table_new (dataset);
  self->settings_busy = TRUE;
  fill_axes (self);
  kam_choices_update (&self->indicators, dataset, KAM_CHOICES_INDICATORS, NULL, NULL);
  kam_choices_update (&self->sources, dataset, KAM_CHOICES_SOURCES, _("No source"), NULL, NULL);
  /* the ministry's monthly table: deployments, split by sex, in the latest year */
  deployed = kam_choices_find (&self->indicators, "deployed");
  gtk_drop_down_set_selected (self->indicator, deployed == GTK_INVALID_LIST_POSITION ? 0 : deployed);
  {
    int sex = kam_dataset_find_dimension (dataset, "sex");

    gtk_drop_down_set_selected (self->columns, sex >= 0 ? (guint) sex + 1 : 0);
  }
  indicator = kam_choices_get_key (&self->indicators, gtk_drop_down_get_selected (self->indicator));
  years = kam_figure_table_dup_years_of (figures, indicator);
  if (years != NULL && years->len > 0)
    {
      int latest = g_array_index (years, int, years->len - 1);
      const char *const *indicators = kam_figure_table_get_indicators (figures);
      const gint16 *all_years = kam_figure_table_get_years (figures);
      guint source = GTK_INVALID_LIST_POSITION;

      gtk_spin_button_set_value (self->year, latest);
      gtk_spin_button_set_value (self->last_year, latest);
      /* the source the latest figures of the indicator cite */
      for (guint i = kam_figure_table_get_n_rows (figures); i-- > 0 && source == GTK_INVALID_LIST_POSITION;)
        if (indicators[i] == g_intern_string (indicator) && all_years[i] == latest)
          source = kam_choices_find (&self->sources, kam_figure_table_get_source (figures, i));
      if (source != GTK_INVALID_LIST_POSITION)
        gtk_drop_down_set_selected (self->source, source);
    }
  self->settings_busy = FALSE;
  g_signal_connect_swapped (dataset, "changed", G_CALLBACK (dataset_changed), self);
  settings_changed (self);
}

enum
{
  PROP_0,
  PROP_DATASET,
};

static void
kam_entry_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, KAM_ENTRY_PAGE (object)->dataset);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kam_entry_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  KamEntryPage *self = KAM_ENTRY_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      if (g_value_get_object (value) != NULL && g_value_get_object (value) != self->dataset)
        {
          kam_entry_page_set_dataset (self, g_value_get_object (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kam_entry_page_dispose (GObject *object)
{
  KamEntryPage *self = KAM_ENTRY_PAGE (object);

  confirm_close (self);
  if (self->dataset != NULL)
    g_signal_handlers_disconnect_by_data (self->dataset, self);
  g_clear_object (&self->dataset);
  g_clear_object (&self->table);
  kam_choices_clear (&self->indicators);
  kam_choices_clear (&self->sources);
  g_clear_object (&self->row_axes);
  g_clear_object (&self->column_axes);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->sums, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), KAM_TYPE_ENTRY_PAGE);
  G_OBJECT_CLASS (kam_entry_page_parent_class)->dispose (object);
}

/* Ctrl+Plus (Excel's "insert rows"): the cursor to "Add a destination", in
 * any language (a Khmer mnemonic cannot be typed on an English keyboard). */
static void
add_destination_action (GtkWidget *widget, const char *action, GVariant *param)
{
  KamEntryPage *self = KAM_ENTRY_PAGE (widget);

  if (gtk_widget_get_sensitive (GTK_WIDGET (self->add_row)))
    gtk_widget_grab_focus (GTK_WIDGET (self->add_row));
}

static void
kam_entry_page_class_init (KamEntryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kam_entry_page_dispose;
  object_class->get_property = kam_entry_page_get_property;
  object_class->set_property = kam_entry_page_set_property;
  /* the table's dataset (bound to the window's document) */
  g_object_class_install_property (
    object_class, PROP_DATASET,
    g_param_spec_object ("dataset", NULL, NULL, KAM_TYPE_DATASET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kamlang/Kamlang/ui/kam-entry-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KamEntryPage, settings);
  gtk_widget_class_bind_template_child (widget_class, KamEntryPage, indicator);
  gtk_widget_class_bind_template_child (widget_class, KamEntryPage, rows);
  gtk_widget_class_bind_template_child (widget_class, KamEntryPage, columns);
  gtk_widget_class_bind_template_child (widget_class, KamEntryPage, source);
  gtk_widget_class_bind_template_child (widget_class, KamEntryPage, qualifier);
  gtk_widget_class_bind_template_child (widget_class, KamEntryPage, year);
  gtk_widget_class_bind_template_child (widget_class, KamEntryPage, last_year);
  gtk_widget_class_bind_template_child (widget_class, KamEntryPage, last_year_label);
  gtk_widget_class_bind_template_child (widget_class, KamEntryPage, grid);
  gtk_widget_class_bind_template_child (widget_class, KamEntryPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, KamEntryPage, message);
  gtk_widget_class_bind_template_child (widget_class, KamEntryPage, add_row);
  gtk_widget_class_bind_template_child (widget_class, KamEntryPage, add_row_label);
  gtk_widget_class_install_action (widget_class, "entry.add-destination", NULL, add_destination_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "entry.add-destination", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "entry.add-destination", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "entry.add-destination", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "entry.add-destination", NULL);
}

static void
kam_entry_page_init (KamEntryPage *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  g_autoptr (GtkStringList) qualifiers = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cells = g_ptr_array_new ();
  self->sums = g_ptr_array_new ();
  self->anchor_row = self->anchor_column = -1;
  kam_choices_init (&self->indicators);
  kam_choices_init (&self->sources);
  self->row_axes = gtk_string_list_new (NULL);
  self->column_axes = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->indicator, G_LIST_MODEL (self->indicators.labels));
  gtk_drop_down_set_model (self->source, G_LIST_MODEL (self->sources.labels));
  gtk_drop_down_set_model (self->rows, G_LIST_MODEL (self->row_axes));
  gtk_drop_down_set_model (self->columns, G_LIST_MODEL (self->column_axes));
  for (guint q = 0; q < KAM_N_QUALIFIERS; q++)
    gtk_string_list_append (qualifiers, kam_qualifier_get_label ((KamQualifier) q));
  gtk_drop_down_set_model (self->qualifier, G_LIST_MODEL (qualifiers));
  /* the settings' boxes are not stops of Tab, their controls are; each
   * drop-down is named by its label's text (GTK 4.8 does not follow a
   * mnemonic's label from the drop-down's button) */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->settings)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *box = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      gtk_widget_set_focusable (child, FALSE);
      for (GtkWidget *w = gtk_widget_get_first_child (box); w != NULL; w = gtk_widget_get_next_sibling (w))
        if (GTK_IS_LABEL (w) && GTK_IS_DROP_DOWN (gtk_label_get_mnemonic_widget (GTK_LABEL (w))))
          gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_label_get_mnemonic_widget (GTK_LABEL (w))),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_text (GTK_LABEL (w)), -1);
    }
  kam_label_inner_controls (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->year), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Year"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->last_year), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Last year"),
                                  -1);
  /* named once: GTK 4.8 says a control's label and then the label its
   * mnemonic comes from ("Year Year") */
  for (GtkWidget **w = (GtkWidget *[]){ GTK_WIDGET (self->year), GTK_WIDGET (self->last_year),
                                        GTK_WIDGET (self->add_row), GTK_WIDGET (self->indicator),
                                        GTK_WIDGET (self->rows), GTK_WIDGET (self->columns),
                                        GTK_WIDGET (self->source), GTK_WIDGET (self->qualifier), NULL };
       *w != NULL; w++)
    gtk_accessible_reset_relation (GTK_ACCESSIBLE (*w), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  for (GtkDropDown **d = (GtkDropDown *[]){ self->indicator, self->rows, self->columns, self->source, self->qualifier, NULL };
       *d != NULL; d++)
    g_signal_connect_swapped (*d, "notify::selected", G_CALLBACK (settings_changed), self);
  g_signal_connect_swapped (self->year, "value-changed", G_CALLBACK (settings_changed), self);
  g_signal_connect_swapped (self->last_year, "value-changed", G_CALLBACK (settings_changed), self);
  g_signal_connect_swapped (self->add_row, "changed", G_CALLBACK (add_row_changed), self);
  g_signal_connect_swapped (self->add_row, "activate", G_CALLBACK (add_row_activated), self);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->grid), keys);
}
