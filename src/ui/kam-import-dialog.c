/* kam-import-dialog.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Import Table: a workbook's sheet shown as the table importer reads it
 * (kam-table.h), before anything is added: the sheet (a workbook's sheets
 * listed), the indicator and source of its values, the header's row, what
 * was found (the layout, the rows, what is skipped), a preview of the sheet
 * with the table framed and each column's meaning above it (all of which a
 * person may change: KamTableChoices), and every problem by its cell.
 * Import adds the figures as one step for Undo; with a problem it cannot be
 * pressed, unless the rows with problems are left out. */

#include <glib/gi18n.h>
#include "kam-import-dialog.h"
#include "kam-choices.h"
#include "kam-paste.h"
#include "kam-sheet.h"
#include "kam-table.h"
#include "kam-ui-util.h"
#include "kam-window.h"

#define PREVIEW_ROWS 40
#define PREVIEW_COLUMNS 14

typedef struct
{
  KamWindow *window; /* (weak: the dialog is its transient) */
  GtkWindow *dialog;
  GPtrArray *sheets; /* KamSheet */
  KamChoices indicators, sources;
  GtkDropDown *sheet, *indicator, *source;
  GtkWidget *summary, *preview, *problems, *import;
  GtkSpinButton *header_row;
  GtkWidget *leave_out;      /* GtkCheckButton: the rows with problems left out */
  GPtrArray *meanings;       /* GtkDropDown, a column's meaning */
  GtkStringList *meaning_labels;
  KamTableChoices choices;   /* what was chosen over what was detected */
  gboolean updating;         /* (controls set from the layout, not by a person) */
  char *file_name;
} Import;

/* The meanings a column may be given, in the order of its drop-down: not
 * imported, as detected, the labels of a wide table's rows, a figure's
 * fields, and then each breakdown. */
enum
{
  MEANING_SKIP,
  MEANING_DETECTED,
  MEANING_LABELS,
  MEANING_FIRST_FIELD,
};

static const KamFigureField meaning_fields[] = { KAM_FIGURE_FIELD_COUNTRY,   KAM_FIGURE_FIELD_YEAR,
                                                 KAM_FIGURE_FIELD_INDICATOR, KAM_FIGURE_FIELD_VALUE,
                                                 KAM_FIGURE_FIELD_SOURCE,    KAM_FIGURE_FIELD_NOTE,
                                                 KAM_FIGURE_FIELD_QUALIFIER };

static void
import_free (gpointer data)
{
  Import *im = data;

  g_ptr_array_unref (im->sheets);
  g_ptr_array_unref (im->meanings);
  g_object_unref (im->meaning_labels);
  g_free (im->choices.meanings);
  if (im->choices.left_out != NULL)
    g_array_unref (im->choices.left_out);
  kam_choices_clear (&im->indicators);
  kam_choices_clear (&im->sources);
  g_free (im->file_name);
  g_free (im);
}

static const KamSheet *
chosen_sheet (Import *im)
{
  guint i = gtk_drop_down_get_selected (im->sheet);

  return i < im->sheets->len ? g_ptr_array_index (im->sheets, i) : g_ptr_array_index (im->sheets, 0);
}

/* Takes every child out of a box or grid, but the columns' meanings (kept
 * while the sheet is: the keyboard stays where it was). */
static void
clear_box (GtkWidget *box)
{
  GtkWidget *child = gtk_widget_get_first_child (box);

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (GTK_IS_BOX (box))
        gtk_box_remove (GTK_BOX (box), child);
      else if (!GTK_IS_DROP_DOWN (child))
        gtk_grid_remove (GTK_GRID (box), child);
      child = next;
    }
}

static char *
column_letters (guint column)
{
  g_autofree char *name = kam_sheet_cell_name (0, column);

  name[strlen (name) - 1] = '\0'; /* "B1" → "B" */
  return g_steal_pointer (&name);
}

/* The sheet's first rows and columns, the table framed: its header in
 * bold, its values in its colour, what is skipped dimmed. */
static void
show_preview (Import *im, const KamSheet *sheet, const KamTableLayout *layout, gboolean found)
{
  GtkGrid *grid = GTK_GRID (im->preview);
  guint rows = MIN (sheet->n_rows, PREVIEW_ROWS), columns = MIN (sheet->n_columns, PREVIEW_COLUMNS);

  clear_box (im->preview);
  for (guint c = 0; c < columns; c++)
    {
      g_autofree char *letters = column_letters (c);
      GtkWidget *label = gtk_label_new (letters);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (grid, label, (int) c + 1, 0, 1, 1);
    }
  for (guint r = 0; r < rows; r++)
    {
      g_autofree char *number = g_strdup_printf ("%u", r + 1);
      GtkWidget *label = gtk_label_new (number);
      gboolean header = found && r >= layout->header_row && r < layout->header_row + layout->header_rows;
      gboolean data = found && r >= layout->first_row && r <= layout->last_row && !sheet->hidden_rows[r];

      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_grid_attach (grid, label, 0, (int) r + 2, 1, 1);
      for (guint c = 0; c < columns; c++)
        {
          const char *text = kam_sheet_get_text (sheet, r, c);
          GtkWidget *cell = gtk_label_new (text);
          gboolean values = found && c < layout->n_columns && layout->columns[c].kind != KAM_COLUMN_SKIP;

          gtk_label_set_xalign (GTK_LABEL (cell), 0);
          gtk_label_set_ellipsize (GTK_LABEL (cell), PANGO_ELLIPSIZE_END);
          gtk_label_set_max_width_chars (GTK_LABEL (cell), 18);
          gtk_widget_add_css_class (cell, "kam-sheet-cell");
          if (header)
            gtk_widget_add_css_class (cell, "kam-table-header");
          else if (data && (values || (layout->kind == KAM_TABLE_WIDE && c == layout->label_column)))
            gtk_widget_add_css_class (cell, "kam-table-data");
          else
            gtk_widget_add_css_class (cell, "dim-label");
          gtk_grid_attach (grid, cell, (int) c + 1, (int) r + 2, 1, 1);
        }
    }
}

/* The position in a column's drop-down of what the layout makes of it. */
static guint
meaning_position (const KamTableLayout *layout, guint c)
{
  const KamTableColumn *col;

  if (c >= layout->n_columns)
    return MEANING_SKIP;
  col = &layout->columns[c];
  if (layout->kind == KAM_TABLE_WIDE && c == layout->label_column)
    return MEANING_LABELS;
  if (col->kind == KAM_COLUMN_VALUES)
    return MEANING_DETECTED;
  if (col->kind == KAM_COLUMN_FIELD && col->field == KAM_FIGURE_FIELD_MEMBERS && col->dimension >= 0)
    return MEANING_FIRST_FIELD + G_N_ELEMENTS (meaning_fields) + (guint) col->dimension;
  for (guint i = 0; col->kind == KAM_COLUMN_FIELD && i < G_N_ELEMENTS (meaning_fields); i++)
    if (meaning_fields[i] == col->field)
      return MEANING_FIRST_FIELD + i;
  return MEANING_SKIP;
}

static void refresh (Import *im);

/* A person gave a column a meaning: kept over what is detected, the header
 * where it is now. */
static void
meaning_chosen (GtkDropDown *drop_down, GParamSpec *pspec, Import *im)
{
  guint c = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (drop_down), "kam-column"));
  guint p = gtk_drop_down_get_selected (drop_down);
  KamTableMeaning *meaning;

  if (im->updating || c >= im->choices.n_meanings)
    return;
  meaning = &im->choices.meanings[c];
  meaning->dimension = -1;
  if (p == MEANING_SKIP)
    meaning->kind = KAM_TABLE_MEANING_SKIP;
  else if (p == MEANING_DETECTED)
    meaning->kind = KAM_TABLE_MEANING_DETECTED;
  else if (p == MEANING_LABELS)
    {
      for (guint k = 0; k < im->choices.n_meanings; k++)
        if (im->choices.meanings[k].kind == KAM_TABLE_MEANING_LABELS)
          im->choices.meanings[k].kind = KAM_TABLE_MEANING_DETECTED;
      meaning->kind = KAM_TABLE_MEANING_LABELS;
    }
  else if (p < MEANING_FIRST_FIELD + G_N_ELEMENTS (meaning_fields))
    {
      meaning->kind = KAM_TABLE_MEANING_FIELD;
      meaning->field = meaning_fields[p - MEANING_FIRST_FIELD];
    }
  else
    {
      meaning->kind = KAM_TABLE_MEANING_FIELD;
      meaning->field = KAM_FIGURE_FIELD_MEMBERS;
      meaning->dimension = (int) (p - MEANING_FIRST_FIELD - G_N_ELEMENTS (meaning_fields));
    }
  if (im->choices.header_row < 0)
    im->choices.header_row = gtk_spin_button_get_value_as_int (im->header_row) - 1;
  refresh (im);
}

/* A drop-down of meanings above each column of the preview, made when a
 * sheet is chosen; what was chosen before is forgotten. */
static void
make_meanings (Import *im, const KamSheet *sheet)
{
  guint columns = MIN (sheet->n_columns, PREVIEW_COLUMNS);

  for (guint i = 0; i < im->meanings->len; i++)
    gtk_grid_remove (GTK_GRID (im->preview), g_ptr_array_index (im->meanings, i));
  g_ptr_array_set_size (im->meanings, 0);
  g_free (im->choices.meanings);
  im->choices.n_meanings = sheet->n_columns;
  im->choices.meanings = g_new0 (KamTableMeaning, MAX (sheet->n_columns, 1));
  im->choices.header_row = -1;
  for (guint c = 0; c < columns; c++)
    {
      GtkWidget *drop_down = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (im->meaning_labels)), NULL);
      g_autofree char *letters = column_letters (c);
      /* Translators: the accessible name of a column's meaning: "Column B" */
      g_autofree char *name = g_strdup_printf (_("Column %s"), letters);

      g_object_set_data (G_OBJECT (drop_down), "kam-column", GUINT_TO_POINTER (c));
      gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      kam_label_drop_down (GTK_DROP_DOWN (drop_down));
      gtk_widget_set_tooltip_text (drop_down, _("What the column holds"));
      g_signal_connect (drop_down, "notify::selected", G_CALLBACK (meaning_chosen), im);
      gtk_grid_attach (GTK_GRID (im->preview), drop_down, (int) c + 1, 1, 1, 1);
      g_ptr_array_add (im->meanings, drop_down);
    }
}

static void
sheet_chosen (Import *im)
{
  make_meanings (im, chosen_sheet (im));
  im->updating = TRUE;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (im->leave_out), FALSE);
  im->updating = FALSE;
  refresh (im);
}

static void
header_row_chosen (Import *im)
{
  if (im->updating)
    return;
  im->choices.header_row = gtk_spin_button_get_value_as_int (im->header_row) - 1;
  refresh (im);
}

static void
leave_out_toggled (Import *im)
{
  if (!im->updating)
    refresh (im);
}

/* The rows with problems (all of them row by row), or NULL. */
static GArray *
problem_rows (GPtrArray *problems)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < problems->len; i++)
    {
      const KamTableProblem *problem = g_ptr_array_index (problems, i);

      if (problem->row == G_MAXUINT)
        {
          g_array_unref (rows);
          return NULL;
        }
      g_array_append_val (rows, problem->row);
    }
  return rows;
}

/* Reads the chosen sheet as it would be imported, into nothing: what it
 * gives and what is wrong. */
static void
refresh (Import *im)
{
  KamDataset *dataset = kam_window_get_dataset (im->window);
  const KamSheet *sheet = chosen_sheet (im);
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) kam_table_problem_free);
  g_autoptr (GPtrArray) said = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) new_countries = g_ptr_array_new ();
  const char *indicator = kam_choices_get_key (&im->indicators, gtk_drop_down_get_selected (im->indicator));
  const char *source = kam_choices_get_key (&im->sources, gtk_drop_down_get_selected (im->source));
  KamTableLayout layout;
  GArray *rows = NULL;
  GArray *left_out;
  GString *summary = g_string_new (NULL);
  gboolean found;

  g_clear_pointer (&im->choices.left_out, g_array_unref);
  found = kam_table_detect_chosen (dataset, sheet, indicator, source, &im->choices, &layout, problems);
  if (found)
    rows = kam_table_read (dataset, sheet, &layout, new_countries, problems, said);
  left_out = problems->len > 0 ? problem_rows (problems) : NULL;
  gtk_widget_set_visible (im->leave_out, left_out != NULL);
  if (left_out != NULL && gtk_check_button_get_active (GTK_CHECK_BUTTON (im->leave_out)))
    {
      /* again, without the rows with problems */
      im->choices.left_out = g_steal_pointer (&left_out);
      g_ptr_array_set_size (problems, 0);
      g_ptr_array_set_size (said, 0);
      g_ptr_array_set_size (new_countries, 0);
      kam_paste_rows_free (rows);
      rows = NULL;
      kam_table_layout_clear (&layout);
      found = kam_table_detect_chosen (dataset, sheet, indicator, source, &im->choices, &layout, problems);
      if (found)
        rows = kam_table_read (dataset, sheet, &layout, new_countries, problems, said);
    }
  if (left_out != NULL)
    g_array_unref (left_out);
  /* the controls say what the layout is */
  im->updating = TRUE;
  gtk_spin_button_set_range (im->header_row, 1, MAX (sheet->n_rows, 1));
  if (layout.n_columns > 0)
    gtk_spin_button_set_value (im->header_row, layout.header_row + 1);
  for (guint c = 0; c < im->meanings->len; c++)
    gtk_drop_down_set_selected (g_ptr_array_index (im->meanings, c),
                                layout.n_columns > 0 ? meaning_position (&layout, c) : MEANING_DETECTED);
  im->updating = FALSE;
  if (found)
    {
      g_autofree char *first = kam_sheet_cell_name (layout.first_row, 0);
      g_autofree char *last = kam_sheet_cell_name (layout.last_row, 0);

      if (layout.kind == KAM_TABLE_WIDE)
        g_string_append_printf (summary,
                                layout.row_axis < 0 ? _("A wide table: destinations down the side, its header in %u rows.")
                                                    : _("A wide table: a breakdown's members down the side, its header in %u rows."),
                                layout.header_rows);
      else
        g_string_append (summary, _("A long table: one figure per row."));
      g_string_append_c (summary, ' ');
      /* TRANSLATORS: rows of a sheet, as a spreadsheet numbers them: "rows 5 to 9" */
      g_string_append_printf (summary, _("Rows %u to %u."), layout.first_row + 1, layout.last_row + 1);
      if (layout.indicator != NULL)
        g_string_append_printf (summary, " %s: %s.", _("Indicator"),
                                kam_dataset_get_indicator_label (dataset, layout.indicator));
    }
  if (rows != NULL && problems->len == 0)
    {
      g_string_append_c (summary, ' ');
      g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u figure to add", "%u figures to add", rows->len),
                              rows->len);
      if (new_countries->len > 0)
        g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, ", with %u new country", ", with %u new countries",
                                                      new_countries->len),
                                new_countries->len);
      g_string_append_c (summary, '.');
    }
  for (guint i = 0; i < said->len; i++)
    g_string_append_printf (summary, " %s", (char *) g_ptr_array_index (said, i));
  gtk_label_set_text (GTK_LABEL (im->summary), summary->str);
  g_string_free (summary, TRUE);

  clear_box (im->problems);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = kam_table_problem_to_string (g_ptr_array_index (problems, i));
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "error");
      gtk_box_append (GTK_BOX (im->problems), label);
    }
  gtk_widget_set_visible (im->problems, problems->len > 0);
  gtk_widget_set_sensitive (im->import, rows != NULL && rows->len > 0 && problems->len == 0);
  /* framed also when only a question is left (the indicator) */
  show_preview (im, sheet, &layout, layout.n_columns > 0);
  kam_paste_rows_free (rows);
  kam_table_layout_clear (&layout);
}

static void
import_clicked (Import *im)
{
  KamDataset *dataset = kam_window_get_dataset (im->window);
  const char *indicator = kam_choices_get_key (&im->indicators, gtk_drop_down_get_selected (im->indicator));
  const char *source = kam_choices_get_key (&im->sources, gtk_drop_down_get_selected (im->source));
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  guint added = 0;
  AdwToast *toast;

  if (!kam_table_import_chosen (dataset, chosen_sheet (im), indicator, source, &im->choices, &added, NULL, &error))
    {
      gtk_label_set_text (GTK_LABEL (im->summary), error->message);
      return;
    }
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u figure imported from “%s”",
                                        "%u figures imported from “%s”", added),
                           added, im->file_name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  kam_show_toast (GTK_WIDGET (im->window), toast);
  gtk_window_destroy (im->dialog);
}

static void
present (KamWindow *window, GPtrArray *sheets, const char *file_name)
{
  Import *im = g_new0 (Import, 1);
  KamDataset *dataset = kam_window_get_dataset (window);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *settings = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *title = g_strdup_printf (_("Import Table from “%s”"), file_name);

  im->window = window;
  im->sheets = sheets;
  im->file_name = g_strdup (file_name);
  im->dialog = GTK_WINDOW (adw_window_new ());
  gtk_window_set_title (im->dialog, _("Import Table"));
  gtk_window_set_modal (im->dialog, TRUE);
  gtk_window_set_transient_for (im->dialog, GTK_WINDOW (window));
  gtk_window_set_default_size (im->dialog, 1000, 680);
  g_object_set_data_full (G_OBJECT (im->dialog), "kam-import", im, import_free);

  for (guint i = 0; i < sheets->len; i++)
    gtk_string_list_append (names, ((KamSheet *) g_ptr_array_index (sheets, i))->name);
  im->sheet = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL));
  kam_choices_init (&im->indicators);
  kam_choices_init (&im->sources);
  kam_choices_update (&im->indicators, dataset, KAM_CHOICES_INDICATORS, _("As the table says"), NULL, NULL);
  kam_choices_update (&im->sources, dataset, KAM_CHOICES_SOURCES, _("No source"), NULL, NULL);
  im->indicator = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (im->indicators.labels)), NULL));
  im->source = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (im->sources.labels)), NULL));
  kam_label_drop_down (im->sheet);
  kam_label_drop_down (im->indicator);
  kam_label_drop_down (im->source);
  im->header_row = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 1, 1));
  gtk_box_append (GTK_BOX (settings), kam_labelled (_("_Sheet"), GTK_WIDGET (im->sheet),
                                                    GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (settings), kam_labelled (_("_Indicator"), GTK_WIDGET (im->indicator),
                                                    GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (settings), kam_labelled (_("S_ource"), GTK_WIDGET (im->source),
                                                    GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (settings), kam_labelled (_("Header _row"), GTK_WIDGET (im->header_row),
                                                    GTK_ORIENTATION_HORIZONTAL));
  im->leave_out = gtk_check_button_new_with_mnemonic (_("_Leave out the rows with problems"));
  gtk_widget_set_visible (im->leave_out, FALSE);

  /* each column's meaning */
  im->meanings = g_ptr_array_new ();
  im->meaning_labels = gtk_string_list_new (NULL);
  gtk_string_list_append (im->meaning_labels, _("Not imported"));
  gtk_string_list_append (im->meaning_labels, _("Values"));
  gtk_string_list_append (im->meaning_labels, _("Labels down the side"));
  gtk_string_list_append (im->meaning_labels, _("Country"));
  gtk_string_list_append (im->meaning_labels, _("Year"));
  gtk_string_list_append (im->meaning_labels, _("Indicator"));
  gtk_string_list_append (im->meaning_labels, _("Value"));
  gtk_string_list_append (im->meaning_labels, _("Source"));
  gtk_string_list_append (im->meaning_labels, _("Note"));
  gtk_string_list_append (im->meaning_labels, _("Qualifier"));
  for (guint d = 0; d < kam_dataset_get_n_dimensions (dataset); d++)
    gtk_string_list_append (im->meaning_labels, kam_dimension_get_label (kam_dataset_get_dimension (dataset, d)));

  im->summary = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (im->summary), TRUE);
  gtk_label_set_xalign (GTK_LABEL (im->summary), 0);
  gtk_label_set_selectable (GTK_LABEL (im->summary), FALSE);
  im->problems = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  im->preview = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (im->preview), 12);
  gtk_grid_set_row_spacing (GTK_GRID (im->preview), 2);
  gtk_widget_add_css_class (im->preview, "kam-sheet-preview");
  gtk_accessible_update_property (GTK_ACCESSIBLE (im->preview), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The sheet, its table framed"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), im->preview);
  gtk_widget_set_vexpand (scroller, TRUE);

  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_box_append (GTK_BOX (content), settings);
  gtk_box_append (GTK_BOX (content), im->summary);
  gtk_box_append (GTK_BOX (content), im->problems);
  gtk_box_append (GTK_BOX (content), im->leave_out);
  gtk_box_append (GTK_BOX (content), scroller);

  im->import = gtk_button_new_with_mnemonic (_("_Import"));
  gtk_widget_add_css_class (im->import, "suggested-action");
  g_signal_connect_swapped (im->import, "clicked", G_CALLBACK (import_clicked), im);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), im->dialog);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), im->import);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (_("Import Table"), file_name));
  gtk_box_append (GTK_BOX (outer), header);
  gtk_box_append (GTK_BOX (outer), content);
  adw_window_set_content (ADW_WINDOW (im->dialog), outer);
  gtk_accessible_update_property (GTK_ACCESSIBLE (im->dialog), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, title, -1);

  /* the first sheet with a table */
  for (guint i = 0; i < sheets->len; i++)
    {
      g_autoptr (GPtrArray) tried = g_ptr_array_new_with_free_func ((GDestroyNotify) kam_table_problem_free);
      KamTableLayout layout;
      gboolean found = kam_table_detect (dataset, g_ptr_array_index (sheets, i), NULL, NULL, &layout, tried);

      kam_table_layout_clear (&layout);
      if (found)
        {
          gtk_drop_down_set_selected (im->sheet, i);
          break;
        }
    }
  sheet_chosen (im);
  g_signal_connect_swapped (im->sheet, "notify::selected", G_CALLBACK (sheet_chosen), im);
  g_signal_connect_swapped (im->header_row, "value-changed", G_CALLBACK (header_row_chosen), im);
  g_signal_connect_swapped (im->leave_out, "toggled", G_CALLBACK (leave_out_toggled), im);
  g_signal_connect_swapped (im->indicator, "notify::selected", G_CALLBACK (refresh), im);
  g_signal_connect_swapped (im->source, "notify::selected", G_CALLBACK (refresh), im);
  gtk_window_present (im->dialog);
}

/* The workbook is read in a thread: the window goes on answering. */
static void
read_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  g_autofree char *path = g_file_get_path (data);
  GError *error = NULL;
  GPtrArray *sheets = path != NULL ? kam_table_read_sheets (path, &error) : NULL;

  if (sheets == NULL && error == NULL)
    g_set_error (&error, KAM_ERROR, KAM_ERROR_NOT_FOUND, _("The file is not on this computer."));
  if (sheets != NULL)
    g_task_return_pointer (task, sheets, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

static void
read_done (GObject *source, GAsyncResult *result, gpointer data)
{
  KamWindow *window = KAM_WINDOW (source);
  GFile *file = data;
  g_autoptr (GError) error = NULL;
  GPtrArray *sheets = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *name = g_file_get_basename (file);

  if (sheets == NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Nothing was imported"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      kam_present_dialog (dialog);
    }
  else
    present (window, sheets, name);
  g_object_unref (file);
}

void
kam_import_dialog_run (KamWindow *window, GFile *file)
{
  GTask *task = g_task_new (window, NULL, read_done, g_object_ref (file));

  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, read_in_thread);
  g_object_unref (task);
}

gboolean
kam_import_dialog_accepts (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = name != NULL ? g_ascii_strdown (name, -1) : NULL;

  return lower != NULL && (g_str_has_suffix (lower, ".xlsx") || g_str_has_suffix (lower, ".ods"));
}
