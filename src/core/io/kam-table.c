/* kam-table.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The table importer (kam-table.h): where the table is in a sheet, what its
 * columns hold, and its figures. */

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <math.h>
#include <string.h>
#include "kam-csv.h"
#include "kam-iso-countries.h"
#include "kam-number.h"
#include "kam-table.h"

#define MAX_HEADER_SEARCH 30 /* rows looked at for a header */

void
kam_table_layout_clear (KamTableLayout *layout)
{
  for (guint c = 0; c < layout->n_columns; c++)
    g_free (layout->columns[c].heading);
  g_clear_pointer (&layout->columns, g_free);
  g_clear_pointer (&layout->indicator, g_free);
  g_clear_pointer (&layout->source, g_free);
  g_clear_pointer (&layout->left_out, g_hash_table_unref);
  layout->n_columns = 0;
}

void
kam_table_problem_free (KamTableProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->sheet);
  g_free (problem->heading);
  g_free (problem->message);
  g_free (problem);
}

char *
kam_table_problem_to_string (const KamTableProblem *problem)
{
  g_autofree char *cell = NULL;

  if (problem->line > 0 && (problem->column == G_MAXUINT || problem->heading == NULL))
    return g_strdup_printf (_("Line %u: %s."), problem->line, problem->message);
  if (problem->line > 0)
    /* Translators: a line of a CSV file, a column's number and its heading, and a problem */
    return g_strdup_printf (_("Line %u, column %u (%s): %s."), problem->line, problem->column + 1, problem->heading,
                            problem->message);
  if (problem->row == G_MAXUINT)
    return g_strdup_printf ("%s: %s", problem->sheet, problem->message);
  cell = kam_sheet_cell_name (problem->row, problem->column == G_MAXUINT ? 0 : problem->column);
  if (problem->column == G_MAXUINT)
    /* Translators: a sheet, a row's number and a problem */
    return g_strdup_printf (_("%s, row %u: %s"), problem->sheet, problem->row + 1, problem->message);
  return g_strdup_printf ("%s!%s: %s", problem->sheet, cell, problem->message);
}

char *
kam_table_problems_to_text (GPtrArray *problems, guint most)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < problems->len && i < most; i++)
    {
      g_autofree char *line = kam_table_problem_to_string (g_ptr_array_index (problems, i));

      g_string_append_printf (text, "%s%s", i ? "\n" : "", line);
    }
  if (problems->len > most)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "\n… and %u more problem.", "\n… and %u more problems.",
                                               problems->len - most),
                            problems->len - most);
  return g_string_free (text, FALSE);
}

static void G_GNUC_PRINTF (5, 6)
problem (GPtrArray *problems, const KamSheet *sheet, guint row, guint column, const char *format, ...)
{
  KamTableProblem *p = g_new0 (KamTableProblem, 1);
  va_list args;
  gsize length;

  p->sheet = g_strdup (sheet->name);
  p->row = row;
  p->column = column;
  if (sheet->lines != NULL && row < sheet->n_rows)
    p->line = sheet->lines[row];
  va_start (args, format);
  p->message = g_strdup_vprintf (format, args);
  va_end (args);
  /* one wording without a full stop, whichever rule said it */
  length = strlen (p->message);
  if (length >= 2 && p->message[length - 1] == '.' && p->message[length - 2] != '.')
    p->message[length - 1] = '\0';
  g_ptr_array_add (problems, p);
}

/* The headings of the columns that problems from @from on are in. */
static void
name_problem_columns (GPtrArray *problems, guint from, const KamTableLayout *layout)
{
  for (guint i = from; i < problems->len; i++)
    {
      KamTableProblem *p = g_ptr_array_index (problems, i);

      if (p->heading == NULL && p->column < layout->n_columns)
        p->heading = g_strdup (layout->columns[p->column].heading);
    }
}

/* ---- cells ---------------------------------------------------------------- */

/* A text trimmed (of no-break spaces too); NULL when blank. */
static char *
cell_text_of (const char *text)
{
  char *trimmed;

  if (text == NULL)
    return NULL;
  trimmed = g_strstrip (g_strdup (text));
  /* a no-break space is a space too */
  while (g_str_has_prefix (trimmed, "\xc2\xa0"))
    memmove (trimmed, trimmed + 2, strlen (trimmed + 2) + 1);
  if (*trimmed == '\0')
    {
      g_free (trimmed);
      return NULL;
    }
  return trimmed;
}

/* The text of a cell, trimmed; NULL when blank. */
static char *
cell_text (const KamSheet *sheet, guint row, guint column)
{
  return cell_text_of (kam_sheet_get_text (sheet, row, column));
}

gboolean
kam_table_same_words (const char *a, const char *b)
{
  g_autofree char *fa = NULL, *fb = NULL;

  if (a == NULL || b == NULL)
    return FALSE;
  fa = g_utf8_casefold (a, -1);
  fb = g_utf8_casefold (b, -1);
  return g_str_equal (fa, fb);
}

static const char *const unknown_marks[] = { "..", "...", "…", "-", "–", "—", "n/a", "na", "n.a.", "x", "?", NULL };

static const struct
{
  const char *words;
  KamQualifier qualifier;
} qualifier_words[] = {
  { "about ", KAM_QUALIFIER_APPROXIMATE },       { "around ", KAM_QUALIFIER_APPROXIMATE },
  { "approximately ", KAM_QUALIFIER_APPROXIMATE }, { "approx. ", KAM_QUALIFIER_APPROXIMATE },
  { "some ", KAM_QUALIFIER_APPROXIMATE },        { "nearly ", KAM_QUALIFIER_APPROXIMATE },
  { "ca. ", KAM_QUALIFIER_APPROXIMATE },         { "c. ", KAM_QUALIFIER_APPROXIMATE },
  { "≈", KAM_QUALIFIER_APPROXIMATE },            { "~", KAM_QUALIFIER_APPROXIMATE },
  { "ប្រហែល", KAM_QUALIFIER_APPROXIMATE },
  { "more than ", KAM_QUALIFIER_LOWER_BOUND },   { "over ", KAM_QUALIFIER_LOWER_BOUND },
  { "at least ", KAM_QUALIFIER_LOWER_BOUND },    { "≥", KAM_QUALIFIER_LOWER_BOUND },
  { ">=", KAM_QUALIFIER_LOWER_BOUND },           { ">", KAM_QUALIFIER_LOWER_BOUND },
  { "ជាង", KAM_QUALIFIER_LOWER_BOUND },
  { "less than ", KAM_QUALIFIER_UPPER_BOUND },   { "fewer than ", KAM_QUALIFIER_UPPER_BOUND },
  { "under ", KAM_QUALIFIER_UPPER_BOUND },       { "at most ", KAM_QUALIFIER_UPPER_BOUND },
  { "up to ", KAM_QUALIFIER_UPPER_BOUND },       { "≤", KAM_QUALIFIER_UPPER_BOUND },
  { "<=", KAM_QUALIFIER_UPPER_BOUND },           { "<", KAM_QUALIFIER_UPPER_BOUND },
};

/* Takes a footnote mark off the end: "*", "**", "†", "‡", "(a)", "[1]", "¹". */
static void
strip_footnote (char *text)
{
  gboolean again = TRUE;

  while (again)
    {
      gsize n = strlen (text);
      char *open;

      again = FALSE;
      g_strchomp (text);
      n = strlen (text);
      if (n > 0 && text[n - 1] == '*')
        text[n - 1] = '\0', again = TRUE;
      else if (g_str_has_suffix (text, "†") || g_str_has_suffix (text, "‡"))
        text[n - strlen ("†")] = '\0', again = TRUE;
      else if (g_str_has_suffix (text, "¹") || g_str_has_suffix (text, "²") || g_str_has_suffix (text, "³"))
        text[n - strlen ("¹")] = '\0', again = TRUE;
      else if (n > 2 && (text[n - 1] == ')' || text[n - 1] == ']')
               && (open = strrchr (text, text[n - 1] == ')' ? '(' : '[')) != NULL && open > text
               && (gsize) (text + n - open) <= 5)
        *open = '\0', again = TRUE;
    }
}

gboolean
kam_table_parse_value (const char *text, double *value, KamQualifier *qualifier, char **why)
{
  g_autofree char *copy = NULL;
  g_autofree char *folded = NULL;
  g_autoptr (GError) error = NULL;
  char *p;

  *value = NAN;
  *qualifier = KAM_QUALIFIER_EXACT;
  if (why != NULL)
    *why = NULL;
  if (text == NULL)
    return TRUE;
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    return TRUE;
  folded = g_utf8_casefold (copy, -1);
  for (guint i = 0; unknown_marks[i] != NULL; i++)
    if (g_str_equal (folded, unknown_marks[i]))
      return TRUE;
  p = copy;
  for (guint i = 0; i < G_N_ELEMENTS (qualifier_words); i++)
    {
      gsize n = strlen (qualifier_words[i].words);

      if (g_ascii_strncasecmp (p, qualifier_words[i].words, n) == 0)
        {
          *qualifier = qualifier_words[i].qualifier;
          p += n;
          while (*p == ' ')
            p++;
          break;
        }
    }
  strip_footnote (p);
  if (!kam_number_parse (p, value, &error))
    {
      *value = NAN;
      *qualifier = KAM_QUALIFIER_EXACT;
      if (why != NULL)
        *why = g_strdup_printf (_("“%s” is not a number"), text);
      return FALSE;
    }
  if (*value < 0)
    {
      if (why != NULL)
        *why = g_strdup_printf (_("“%s” is negative; counts and amounts cannot be below zero"), text);
      *value = NAN;
      return FALSE;
    }
  return TRUE;
}

int
kam_table_parse_year (const char *text, double number)
{
  /* a spreadsheet's date: days since 1899-12-30 */
  if (!isnan (number))
    {
      if (number == floor (number) && number >= KAM_YEAR_MIN && number <= KAM_YEAR_MAX)
        return (int) number;
      if (number >= 367 && number < 73051)
        {
          g_autoptr (GDate) date = g_date_new_dmy (30, G_DATE_DECEMBER, 1899);

          g_date_add_days (date, (guint) number);
          return g_date_get_year (date);
        }
      return 0;
    }
  if (text == NULL || g_utf8_strlen (text, -1) > 16)
    return 0;
  {
    /* four digits (ASCII or Khmer) among at most a few words: "Year 2024",
     * "ឆ្នាំ២០២៤", "2024-01-01", "FY2024" */
    int year = 0, digits = 0, found = 0;

    for (const char *p = text;; p = g_utf8_next_char (p))
      {
        gunichar c = g_utf8_get_char (p);
        int d = c >= '0' && c <= '9' ? (int) (c - '0') : c >= 0x17E0 && c <= 0x17E9 ? (int) (c - 0x17E0) : -1;

        if (d >= 0)
          {
            if (digits < 6) /* (more digits are no year: not counted on) */
              year = year * 10 + d;
            digits++;
            continue;
          }
        if (digits == 4 && year >= KAM_YEAR_MIN && year <= KAM_YEAR_MAX)
          {
            if (found != 0)
              return 0; /* two years: "2023-2024" */
            found = year;
          }
        year = digits = 0;
        if (c == 0)
          break;
      }
    return found;
  }
}

/* ---- what cells name -------------------------------------------------------- */

typedef struct
{
  KamFigureField field;
  const char *title; /* as the Figures page and the workbook export title it (translated) */
  const char *names[8];
} Heading;

static const Heading headings[] = {
  { KAM_FIGURE_FIELD_COUNTRY, N_("Country"), { "country", "destination", "country of destination", "ប្រទេស", "ប្រទេសគោលដៅ", NULL } },
  { KAM_FIGURE_FIELD_YEAR, N_("Year"), { "year", "ឆ្នាំ", NULL } },
  { KAM_FIGURE_FIELD_INDICATOR, N_("Indicator"), { "indicator", "សូចនាករ", NULL } },
  { KAM_FIGURE_FIELD_VALUE, N_("Value"), { "value", "number", "count", "figure", "តម្លៃ", "ចំនួន", NULL } },
  { KAM_FIGURE_FIELD_SOURCE, N_("Source"), { "source", "ប្រភព", NULL } },
  { KAM_FIGURE_FIELD_NOTE, N_("Note"), { "note", "notes", "remark", "remarks", "កំណត់ចំណាំ", NULL } },
  { KAM_FIGURE_FIELD_QUALIFIER, N_("Qualifier"), { "qualifier", "ភាពជាក់លាក់", NULL } },
};

/* The field a heading names (or a dimension's members, *dimension set), or -1. */
static int
heading_field (KamDataset *dataset, const char *text, int *dimension)
{
  *dimension = -1;
  if (text == NULL)
    return -1;
  for (guint h = 0; h < G_N_ELEMENTS (headings); h++)
    {
      if (kam_table_same_words (text, _(headings[h].title)))
        return headings[h].field;
      for (guint n = 0; headings[h].names[n] != NULL; n++)
        if (kam_table_same_words (text, headings[h].names[n]))
          return headings[h].field;
    }
  for (guint d = 0; d < kam_dataset_get_n_dimensions (dataset); d++)
    {
      KamDimension *dim = kam_dataset_get_dimension (dataset, d);

      if (kam_table_same_words (text, kam_dimension_get_id (dim)) || kam_table_same_words (text, kam_dimension_get_name (dim))
          || kam_table_same_words (text, kam_dimension_get_name_km (dim)))
        {
          *dimension = (int) d;
          return KAM_FIGURE_FIELD_MEMBERS;
        }
    }
  return -1;
}

/* The national total's name, in the interface's language, English or Khmer
 * (a workbook exported in one is read in another). */
static gboolean
is_national_label (const char *text)
{
  return kam_table_same_words (text, _("All destinations")) || kam_table_same_words (text, "All destinations")
         || kam_table_same_words (text, "គ្រប់ប្រទេសគោលដៅ");
}

static gboolean
is_total_label (const char *text)
{
  static const char *const totals[] = { "total", "totals", "grand total", "sum", "all", "សរុប", "សរុបរួម", NULL };

  for (guint i = 0; text != NULL && totals[i] != NULL; i++)
    if (kam_table_same_words (text, totals[i]))
      return TRUE;
  return FALSE;
}

/* The member a text names in some dimension other than its total (or its
 * total, when only_dimension is given): FALSE when none. */
static gboolean
member_of (KamDataset *dataset, const char *text, int only_dimension, int *dimension, int *member)
{
  if (text == NULL)
    return FALSE;
  for (guint d = 0; d < kam_dataset_get_n_dimensions (dataset); d++)
    {
      int m;

      if (only_dimension >= 0 && (int) d != only_dimension)
        continue;
      m = kam_dimension_find_member (kam_dataset_get_dimension (dataset, d), text, TRUE);
      if (m > 0 || (m == 0 && only_dimension >= 0))
        {
          *dimension = (int) d;
          *member = m;
          return TRUE;
        }
    }
  return FALSE;
}

/* A country's code from its code or name (the dataset's, else ISO 3166's);
 * *is_new when the dataset does not have it yet. */
static const char *
country_of (KamDataset *dataset, const char *text, gboolean *is_new)
{
  const char *code = kam_dataset_find_key (dataset, KAM_FIGURE_FIELD_COUNTRY, text, TRUE);
  const KamIsoCountry *iso;

  *is_new = FALSE;
  if (code != NULL || text == NULL)
    return code;
  iso = kam_iso_countries_find_text (kam_iso_countries_get_default (), text);
  if (iso == NULL)
    return NULL;
  *is_new = kam_dataset_lookup_country (dataset, iso->code) == NULL;
  return g_intern_string (iso->code);
}

/* ---- where the table is ----------------------------------------------------- */

static gboolean
row_visible (const KamSheet *sheet, guint row)
{
  return row < sheet->n_rows && !sheet->hidden_rows[row];
}

static gboolean
column_visible (const KamSheet *sheet, guint column)
{
  return column < sheet->n_columns && !sheet->hidden_columns[column];
}

static guint
next_visible_row (const KamSheet *sheet, guint row)
{
  do
    row++;
  while (row < sheet->n_rows && !row_visible (sheet, row));
  return row;
}

/* A header cell's text: its own, or the text of the merged range it is in,
 * or (left empty) the text before it in its row, from the first column
 * after the labels (a year over Women / Men / Total). */
static char *
header_text (const KamSheet *sheet, guint row, guint column, guint from)
{
  const KamSheetRange *merge = kam_sheet_get_merge (sheet, row, column);
  char *text;

  if (merge != NULL)
    return cell_text (sheet, merge->row, merge->column);
  text = cell_text (sheet, row, column);
  for (guint c = column; text == NULL && c > from; c--)
    text = cell_text (sheet, row, c - 1);
  return text;
}

/* How a header row reads across the columns after from: how many name a
 * year, a member, a field. */
typedef struct
{
  guint years, members, fields, filled;
} RowSense;

static RowSense
sense_row (KamDataset *dataset, const KamSheet *sheet, guint row, guint from)
{
  RowSense s = { 0 };

  for (guint c = from; c < sheet->n_columns; c++)
    {
      g_autofree char *text = NULL;
      int d, m;

      if (!column_visible (sheet, c) || (text = cell_text (sheet, row, c)) == NULL)
        continue;
      s.filled++;
      if (kam_table_parse_year (text, kam_sheet_get_number (sheet, row, c)) != 0)
        s.years++;
      else if (member_of (dataset, text, -1, &d, &m))
        s.members++;
      if (heading_field (dataset, text, &d) >= 0)
        s.fields++;
    }
  return s;
}

static int
find_indicator_in (KamDataset *dataset, const char *text)
{
  GListModel *list = kam_dataset_get_indicators (dataset);
  g_autofree char *folded = g_utf8_casefold (text, -1);
  int found = -1;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (KamIndicator) indicator = g_list_model_get_item (list, i);
      const char *names[] = { kam_indicator_get_name (indicator), kam_indicator_get_name_km (indicator) };

      for (guint n = 0; n < G_N_ELEMENTS (names); n++)
        {
          g_autofree char *name = names[n] != NULL ? g_utf8_casefold (names[n], -1) : NULL;

          if (name != NULL && strstr (folded, name) != NULL)
            {
              if (found >= 0 && found != (int) i)
                return -2; /* two: ask */
              found = (int) i;
            }
        }
    }
  return found;
}

/* The fields a header row names (kam_table_layout_from_header()), into
 * layout's columns; the rest of layout as it is. */
static gboolean map_header_fields (KamDataset *dataset, const KamSheet *sheet, guint header, KamTableHeader unknown,
                                   gboolean need_indicator, const KamTableChoices *choices, KamTableLayout *layout,
                                   GPtrArray *problems);

static gboolean
map_long_header (KamDataset *dataset, const KamSheet *sheet, guint header, KamTableHeader unknown,
                 gboolean need_indicator, const KamTableChoices *choices, KamTableLayout *layout, GPtrArray *problems)
{
  guint problems_before = problems->len;
  gboolean ok = map_header_fields (dataset, sheet, header, unknown, need_indicator, choices, layout, problems);

  name_problem_columns (problems, problems_before, layout);
  return ok;
}

/* The meaning a person chose for a column, or NULL. */
static const KamTableMeaning *
chosen_meaning (const KamTableChoices *choices, guint column)
{
  if (choices == NULL || column >= choices->n_meanings || choices->meanings[column].kind == KAM_TABLE_MEANING_DETECTED)
    return NULL;
  return &choices->meanings[column];
}

static gboolean
map_header_fields (KamDataset *dataset, const KamSheet *sheet, guint header, KamTableHeader unknown,
                   gboolean need_indicator, const KamTableChoices *choices, KamTableLayout *layout,
                   GPtrArray *problems)
{
  const KamFigureField needed[] = { KAM_FIGURE_FIELD_YEAR, KAM_FIGURE_FIELD_INDICATOR, KAM_FIGURE_FIELD_VALUE };
  guint problems_before = problems->len;
  guint named = 0; /* the columns up to the last heading */

  layout->kind = KAM_TABLE_LONG;
  layout->header_row = header;
  layout->header_rows = 1;
  layout->first_row = header + 1;
  layout->last_row = sheet->n_rows > 0 ? sheet->n_rows - 1 : 0;
  layout->n_columns = sheet->n_columns;
  layout->columns = g_new0 (KamTableColumn, MAX (sheet->n_columns, 1));
  for (guint c = 0; c < sheet->n_columns; c++)
    if (kam_sheet_get_text (sheet, header, c) != NULL)
      named = c + 1;
  for (guint c = 0; c < sheet->n_columns; c++)
    {
      g_autofree char *text = column_visible (sheet, c) ? cell_text (sheet, header, c) : NULL;
      KamTableColumn *col = &layout->columns[c];
      const KamTableMeaning *chosen = chosen_meaning (choices, c);
      int d, f = heading_field (dataset, text, &d);

      col->dimension = col->member = -1;
      col->heading = g_strdup (text);
      if (chosen != NULL)
        {
          /* a person's choice, whatever the heading says */
          if (chosen->kind != KAM_TABLE_MEANING_FIELD)
            continue;
          f = (int) chosen->field;
          d = chosen->field == KAM_FIGURE_FIELD_MEMBERS ? chosen->dimension : -1;
          if (d >= (int) kam_dataset_get_n_dimensions (dataset))
            continue;
        }
      else if (c >= named)
        continue; /* cells beyond the header: not taken */
      if (f < 0 && unknown == KAM_TABLE_HEADER_ONLY_KNOWN)
        return FALSE;
      if (f < 0 && unknown == KAM_TABLE_HEADER_REFUSE_UNKNOWN && column_visible (sheet, c))
        problem (problems, sheet, header, c,
                 _("unknown column “%s” (Kamlang reads country, year, indicator, value, qualifier, source, note and the dataset’s breakdowns)"),
                 text ? text : "");
      if (f < 0)
        continue;
      for (guint k = 0; k < c; k++)
        if (layout->columns[k].kind == KAM_COLUMN_FIELD && (int) layout->columns[k].field == f
            && layout->columns[k].dimension == d)
          {
            problem (problems, sheet, header, G_MAXUINT, _("the column “%s” is given twice (columns %u and %u)"), text,
                     k + 1, c + 1);
            return FALSE;
          }
      col->kind = KAM_COLUMN_FIELD;
      col->field = f;
      col->dimension = d;
    }
  if (problems->len > problems_before)
    return FALSE;
  for (guint n = 0; n < G_N_ELEMENTS (needed); n++)
    {
      gboolean found = FALSE;

      if (needed[n] == KAM_FIGURE_FIELD_INDICATOR && !need_indicator)
        continue;
      for (guint c = 0; c < layout->n_columns; c++)
        found |= layout->columns[c].kind == KAM_COLUMN_FIELD && layout->columns[c].field == needed[n];
      if (!found)
        {
          problem (problems, sheet, header, G_MAXUINT, _("the header has no column “%s”"),
                   needed[n] == KAM_FIGURE_FIELD_YEAR ? _("Year") : needed[n] == KAM_FIGURE_FIELD_VALUE ? _("Value") : _("Indicator"));
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
kam_table_layout_from_header (KamDataset *dataset, const KamSheet *sheet, guint header_row, KamTableHeader unknown,
                              gboolean need_indicator, KamTableLayout *layout, GPtrArray *problems)
{
  memset (layout, 0, sizeof *layout);
  layout->totals_row = -1;
  layout->row_axis = -1;
  return map_long_header (dataset, sheet, header_row, unknown, need_indicator, NULL, layout, problems);
}

void
kam_table_layout_in_order (const KamSheet *sheet, guint first_row, KamTableLayout *layout)
{
  static const KamFigureField order[] = { KAM_FIGURE_FIELD_COUNTRY, KAM_FIGURE_FIELD_YEAR, KAM_FIGURE_FIELD_INDICATOR,
                                          KAM_FIGURE_FIELD_VALUE,   KAM_FIGURE_FIELD_SOURCE, KAM_FIGURE_FIELD_NOTE,
                                          KAM_FIGURE_FIELD_QUALIFIER };
  static const char *const names[] = { "country", "year", "indicator", "value", "source", "note", "qualifier" };

  memset (layout, 0, sizeof *layout);
  layout->totals_row = -1;
  layout->row_axis = -1;
  layout->kind = KAM_TABLE_LONG;
  layout->header_row = first_row;
  layout->first_row = first_row;
  layout->last_row = sheet->n_rows > 0 ? sheet->n_rows - 1 : 0;
  layout->n_columns = sheet->n_columns;
  layout->columns = g_new0 (KamTableColumn, MAX (sheet->n_columns, 1));
  for (guint c = 0; c < sheet->n_columns; c++)
    {
      KamTableColumn *col = &layout->columns[c];

      col->dimension = col->member = -1;
      if (c >= G_N_ELEMENTS (order))
        continue;
      col->kind = KAM_COLUMN_FIELD;
      col->field = order[c];
      col->heading = g_strdup (names[c]);
    }
}

gboolean
kam_table_detect (KamDataset *dataset, const KamSheet *sheet, const char *indicator, const char *source,
                  KamTableLayout *layout, GPtrArray *problems)
{
  return kam_table_detect_chosen (dataset, sheet, indicator, source, NULL, layout, problems);
}

gboolean
kam_table_detect_chosen (KamDataset *dataset, const KamSheet *sheet, const char *indicator, const char *source,
                         const KamTableChoices *choices, KamTableLayout *layout, GPtrArray *problems)
{
  guint header = G_MAXUINT, label = 0;
  gboolean wide = FALSE;
  int chosen_label = -1;
  guint search_from = 0, search_to = MIN (sheet->n_rows, MAX_HEADER_SEARCH);
  gboolean chosen = choices != NULL && choices->header_row >= 0, chosen_fields = FALSE;

  memset (layout, 0, sizeof *layout);
  layout->totals_row = -1;
  layout->row_axis = -1;
  for (guint r = 0; r < sheet->n_rows; r++)
    layout->hidden_rows += sheet->hidden_rows[r];
  for (guint c = 0; c < sheet->n_columns; c++)
    layout->hidden_columns += sheet->hidden_columns[c];
  for (guint c = 0; choices != NULL && c < choices->n_meanings; c++)
    if (choices->meanings[c].kind == KAM_TABLE_MEANING_LABELS)
      chosen_label = (int) c;
    else if (choices->meanings[c].kind == KAM_TABLE_MEANING_FIELD)
      chosen_fields = TRUE;
  if (choices != NULL && choices->header_row >= 0)
    {
      search_from = (guint) choices->header_row;
      search_to = MIN (sheet->n_rows, search_from + 1);
    }

  /* the header: the first row that names fields (long), or years or members
   * after a first column (wide); or the row a person chose */
  for (guint r = search_from; r < search_to && header == G_MAXUINT; r++)
    {
      RowSense all, after;

      if (!row_visible (sheet, r) && !chosen)
        continue;
      all = sense_row (dataset, sheet, r, 0);
      if (chosen_label >= 0)
        label = (guint) chosen_label;
      else
        for (label = 0; label < sheet->n_columns && !column_visible (sheet, label); label++)
          ;
      after = sense_row (dataset, sheet, r, label + 1);
      if (chosen)
        {
          /* the row a person chose: wide when it gives years or members
           * (unless fields were chosen), else long when it names a field */
          header = r;
          wide = after.years + after.members >= 1 && !chosen_fields;
          if (!wide && all.fields == 0 && !chosen_fields)
            header = G_MAXUINT;
          break;
        }
      if (chosen_label < 0 && all.fields >= 2 && all.fields * 2 >= all.filled)
        {
          header = r;
          break;
        }
      /* (two columns at least: a title "Workers abroad, 2024" split by a
       * CSV's comma is no header) */
      if (after.years + after.members >= 1 && after.years + after.members + 1 >= after.filled && after.filled >= 2)
        {
          header = r;
          wide = TRUE;
        }
    }
  if (header == G_MAXUINT && chosen)
    {
      problem (problems, sheet, search_from, G_MAXUINT,
               _("the header row names no column (Country, Year, Value …) and gives no year or breakdown's member"));
      return FALSE;
    }
  if (header == G_MAXUINT)
    {
      problem (problems, sheet, G_MAXUINT, 0,
               _("no table found: no row names its columns (Country, Year, Value …) or gives years or a breakdown's members across the top"));
      return FALSE;
    }
  layout->kind = wide ? KAM_TABLE_WIDE : KAM_TABLE_LONG;
  layout->header_row = header;
  layout->header_rows = 1;
  layout->n_columns = sheet->n_columns;
  layout->columns = g_new0 (KamTableColumn, sheet->n_columns);
  for (guint c = 0; c < sheet->n_columns; c++)
    layout->columns[c].dimension = layout->columns[c].member = -1;

  if (!wide)
    {
      kam_table_layout_clear (layout);
      if (!map_long_header (dataset, sheet, header, KAM_TABLE_HEADER_SKIP_UNKNOWN, FALSE, choices, layout, problems))
        return FALSE;
    }
  else
    {
      guint second = next_visible_row (sheet, header);
      RowSense top = sense_row (dataset, sheet, header, label + 1);
      RowSense below = second < sheet->n_rows ? sense_row (dataset, sheet, second, label + 1) : (RowSense){ 0 };
      g_autofree char *label_below = second < sheet->n_rows ? cell_text (sheet, second, label) : NULL;
      gboolean two = (top.years > 0 && below.members > 0) || (top.members > 0 && below.years > 0);
      int member_dimension = -1;

      /* a second header row: members under years, or years under members,
       * its first cell empty or a heading */
      if (two && (label_below == NULL || heading_field (dataset, label_below, &member_dimension) >= 0))
        layout->header_rows = 2;
      member_dimension = -1;
      /* the breakdown the header's members are of (Total is its total) */
      for (guint h = 0; h < layout->header_rows; h++)
        for (guint c = label + 1; c < sheet->n_columns && member_dimension < 0; c++)
          {
            g_autofree char *text = cell_text (sheet, h == 0 ? header : second, c);
            int d, m;

            if (member_of (dataset, text, -1, &d, &m))
              member_dimension = d;
          }
      for (guint c = label + 1; c < sheet->n_columns; c++)
        {
          KamTableColumn *col = &layout->columns[c];
          GString *heading = g_string_new (NULL);

          if (!column_visible (sheet, c))
            {
              g_string_free (heading, TRUE);
              continue;
            }
          for (guint h = 0; h < layout->header_rows; h++)
            {
              guint row = h == 0 ? header : second;
              g_autofree char *text = header_text (sheet, row, c, label + 1);
              const KamSheetRange *merge = kam_sheet_get_merge (sheet, row, c);
              double number = merge != NULL ? kam_sheet_get_number (sheet, merge->row, merge->column)
                                            : kam_sheet_get_number (sheet, row, c);
              int year = 0, d, m;

              if (text == NULL)
                continue;
              g_string_append_printf (heading, "%s%s", heading->len ? " " : "", text);
              /* (an empty cell carries the text before it: not its number) */
              if (kam_sheet_get_text (sheet, row, c) == NULL && merge == NULL)
                number = NAN;
              if ((year = kam_table_parse_year (text, number)) != 0)
                col->year = year;
              else if (member_of (dataset, text, member_dimension, &d, &m))
                {
                  col->dimension = d;
                  col->member = m;
                }
            }
          col->heading = g_string_free (heading, FALSE);
          if (col->year != 0 || col->member >= 0)
            col->kind = KAM_COLUMN_VALUES;
        }
      layout->label_column = label;
      /* what the rows are: countries, or a breakdown's members */
      {
        guint countries = 0, best = 0;
        int best_dimension = -1;
        g_autoptr (GArray) counts = g_array_sized_new (FALSE, TRUE, sizeof (guint), kam_dataset_get_n_dimensions (dataset));

        g_array_set_size (counts, kam_dataset_get_n_dimensions (dataset));
        for (guint r = header + layout->header_rows; r < sheet->n_rows; r++)
          {
            g_autofree char *text = row_visible (sheet, r) ? cell_text (sheet, r, label) : NULL;
            gboolean is_new;
            int d, m;

            if (text == NULL)
              continue;
            if (country_of (dataset, text, &is_new) != NULL)
              countries++;
            else if (member_of (dataset, text, -1, &d, &m))
              g_array_index (counts, guint, d)++;
          }
        for (guint d = 0; d < counts->len; d++)
          if (g_array_index (counts, guint, d) > best)
            best = g_array_index (counts, guint, d), best_dimension = (int) d;
        layout->row_axis = best > countries ? best_dimension : -1;
      }
    }

  /* what a person chose: columns left out, rows left out */
  for (guint c = 0; c < layout->n_columns; c++)
    {
      const KamTableMeaning *meaning = chosen_meaning (choices, c);

      if (meaning != NULL && meaning->kind == KAM_TABLE_MEANING_SKIP)
        layout->columns[c].kind = KAM_COLUMN_SKIP;
    }
  if (choices != NULL && choices->left_out != NULL && choices->left_out->len > 0)
    {
      layout->left_out = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < choices->left_out->len; i++)
        g_hash_table_add (layout->left_out, GUINT_TO_POINTER (g_array_index (choices->left_out, guint, i) + 1));
    }

  /* the data rows: after the header, up to a totals row or the notes under
   * the table (a row of text alone after a blank row, or a source line) */
  layout->first_row = next_visible_row (sheet, header + layout->header_rows - 1);
  layout->last_row = layout->first_row;
  {
    gboolean blank_before = FALSE;

    for (guint r = layout->first_row; r < sheet->n_rows; r++)
      {
        guint filled = 0;
        g_autofree char *first = NULL, *label_text = NULL;

        if (!row_visible (sheet, r))
          continue;
        for (guint c = 0; c < sheet->n_columns; c++)
          {
            g_autofree char *text = column_visible (sheet, c) ? cell_text (sheet, r, c) : NULL;

            if (text != NULL)
              {
                filled++;
                if (first == NULL)
                  first = g_steal_pointer (&text);
              }
          }
        if (filled == 0)
          {
            blank_before = TRUE;
            continue;
          }
        label_text = wide ? cell_text (sheet, r, layout->label_column) : NULL;
        if (wide && is_total_label (label_text))
          {
            layout->totals_row = (int) r;
            break;
          }
        if ((filled == 1 && blank_before) || g_str_has_prefix (first, "Source") || g_str_has_prefix (first, "Note")
            || g_str_has_prefix (first, "ប្រភព") || g_str_has_prefix (first, "*"))
          break;
        blank_before = FALSE;
        layout->last_row = r;
      }
  }

  /* what the values are */
  if (indicator != NULL)
    layout->indicator = g_strdup (indicator);
  else
    {
      gboolean has_column = FALSE;

      for (guint c = 0; c < layout->n_columns; c++)
        has_column |= layout->columns[c].kind == KAM_COLUMN_FIELD
                      && layout->columns[c].field == KAM_FIGURE_FIELD_INDICATOR;
      if (!has_column)
        {
          int found = -1;

          /* named in a title above the table */
          for (guint r = 0; r < header && found != -2; r++)
            for (guint c = 0; c < sheet->n_columns && found != -2; c++)
              {
                g_autofree char *text = cell_text (sheet, r, c);
                int here = text != NULL ? find_indicator_in (dataset, text) : -1;

                if (here == -2 || (here >= 0 && found >= 0 && here != found))
                  found = -2;
                else if (here >= 0)
                  found = here;
              }
          if (found >= 0)
            {
              g_autoptr (KamIndicator) ind = g_list_model_get_item (kam_dataset_get_indicators (dataset), (guint) found);

              layout->indicator = g_strdup (kam_indicator_get_id (ind));
            }
          else
            {
              problem (problems, sheet, G_MAXUINT, 0,
                       _("the table does not say which indicator its values are: choose one (Indicator, or --indicator ID)"));
              return FALSE;
            }
        }
    }
  if (layout->indicator != NULL && kam_dataset_lookup_indicator (dataset, layout->indicator) == NULL)
    {
      const char *id = kam_dataset_find_key (dataset, KAM_FIGURE_FIELD_INDICATOR, layout->indicator, TRUE);

      if (id == NULL)
        {
          problem (problems, sheet, G_MAXUINT, 0, _("there is no indicator “%s”"), layout->indicator);
          return FALSE;
        }
      g_free (layout->indicator);
      layout->indicator = g_strdup (id);
    }
  if (source != NULL)
    {
      const char *id = kam_dataset_find_key (dataset, KAM_FIGURE_FIELD_SOURCE, source, TRUE);

      if (id == NULL)
        {
          problem (problems, sheet, G_MAXUINT, 0, _("there is no source “%s”"), source);
          return FALSE;
        }
      layout->source = g_strdup (id);
    }
  if (wide)
    {
      gboolean values = FALSE, years = FALSE;

      for (guint c = 0; c < layout->n_columns; c++)
        if (layout->columns[c].kind == KAM_COLUMN_VALUES)
          {
            values = TRUE;
            years |= layout->columns[c].year != 0;
          }
      if (!values)
        {
          problem (problems, sheet, header, label + 1, _("no column of values: the header gives no year and no breakdown's member"));
          return FALSE;
        }
      if (!years)
        {
          /* a year in a title above the table */
          for (guint r = 0; r < header && layout->year == 0; r++)
            for (guint c = 0; c < sheet->n_columns && layout->year == 0; c++)
              {
                g_autofree char *text = cell_text (sheet, r, c);

                if (text != NULL)
                  for (char *p = text; *p && layout->year == 0; p = g_utf8_next_char (p))
                    layout->year = kam_table_parse_year (p, NAN) != 0 && g_utf8_strlen (p, -1) <= 16
                                     ? kam_table_parse_year (p, NAN) : 0;
              }
          if (layout->year == 0)
            {
              problem (problems, sheet, header, label + 1, _("the table gives no year: neither its header nor its title"));
              return FALSE;
            }
        }
    }
  return TRUE;
}

/* ---- its figures -------------------------------------------------------------- */

/* A figure's key (its ids are interned: their pointers name them). */
static guint
key_hash (gconstpointer data)
{
  const KamFigureRow *row = data;
  guint hash = g_direct_hash (row->country) ^ (g_direct_hash (row->indicator) * 31) ^ (guint) row->year * 131
               ^ g_direct_hash (row->source) * 7;

  for (guint d = 0; d < KAM_MAX_DIMENSIONS; d++)
    hash = hash * 33 + row->members[d];
  return hash;
}

static gboolean
key_equal (gconstpointer a_, gconstpointer b_)
{
  const KamFigureRow *a = a_, *b = b_;

  return a->country == b->country && a->year == b->year && a->indicator == b->indicator && a->source == b->source
         && memcmp (a->members, b->members, sizeof a->members) == 0;
}

static void
add_new_country (GPtrArray *new_countries, const char *code)
{
  for (guint i = 0; i < new_countries->len; i++)
    if (g_ptr_array_index (new_countries, i) == code)
      return;
  g_ptr_array_add (new_countries, (gpointer) code);
}

gboolean
kam_table_is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* A qualifier by its id ("approximate"), mark ("≈") or label. */
static gboolean
parse_qualifier (const char *text, KamQualifier *qualifier)
{
  if (kam_qualifier_parse (text, qualifier))
    return TRUE;
  for (guint q = 0; q < KAM_N_QUALIFIERS; q++)
    if (kam_table_same_words (text, kam_qualifier_get_label (q)))
      {
        *qualifier = q;
        return TRUE;
      }
  return FALSE;
}

/* A value as Kamlang writes it (layout->exact): a number, or unknown. */
static gboolean
parse_exact_value (const char *text, gboolean decimal_comma, double *value, char **why)
{
  static const char *const unknown[] = { "", "..", "-", "NA", "N/A", NULL };
  g_autoptr (GError) local = NULL;

  *value = NAN;
  if (g_strv_contains (unknown, text))
    return TRUE;
  if (decimal_comma)
    {
      /* with ';' between fields, ',' is the decimal mark */
      g_autofree char *dotted = g_strdelimit (g_strdup (text), ",", '.');
      char *end = NULL;

      *value = g_ascii_strtod (dotted, &end) + 0.0; /* -0 is 0 */
      if (end == dotted || *end != '\0' || !isfinite (*value))
        {
          *why = g_strdup_printf (_("“%s” is not a number."), text);
          return FALSE;
        }
    }
  else if (!kam_number_parse (text, value, &local))
    {
      *why = g_strdup (local->message);
      return FALSE;
    }
  if (signbit (*value))
    {
      *why = kam_rule_negative_message (text);
      return FALSE;
    }
  return TRUE;
}

/* A year as Kamlang writes it (a whole number), or as people do. */
static gboolean
parse_year_cell (const KamSheet *sheet, guint r, guint c, gboolean exact, int *year, char **why)
{
  g_autofree char *text = g_strstrip (g_strdup (kam_sheet_get_text (sheet, r, c) ? kam_sheet_get_text (sheet, r, c) : ""));
  gint64 number = 0;
  char *end = NULL;

  if (exact)
    {
      number = g_ascii_strtoll (text, &end, 10);
      if (*text == '\0' || *end != '\0')
        number = 0;
    }
  else
    number = kam_table_parse_year (text, kam_sheet_get_number (sheet, r, c));
  if (number == 0)
    {
      *why = g_strdup_printf (_("“%s” is not a year"), text);
      return FALSE;
    }
  if (number < KAM_YEAR_MIN || number > KAM_YEAR_MAX)
    {
      *why = kam_rule_year_range_message (text);
      return FALSE;
    }
  *year = (int) number;
  return TRUE;
}

/* A country or source as a cell names it: exactly (its id first, a text of
 * spaces only the national total or no source unless it is an id), or as
 * people write (trimmed; a country also by ISO 3166, "Total" the national
 * total). NULL with why when none. */
static const char *
find_key_cell (KamDataset *dataset, KamFigureField field, const char *raw, gboolean exact, gboolean *none, char **why)
{
  g_autofree char *trimmed = exact ? NULL : cell_text_of (raw);
  const char *text = exact ? (raw ? raw : "") : trimmed;
  g_autoptr (GError) local = NULL;
  const char *key;
  gboolean is_new;

  *none = FALSE;
  if (exact ? kam_table_is_blank (text) && (*text == '\0' || kam_dataset_find_key (dataset, field, text, FALSE) == NULL)
            : text == NULL || (field == KAM_FIGURE_FIELD_COUNTRY && (is_total_label (text) || is_national_label (text))))
    {
      *none = TRUE;
      return NULL;
    }
  if (!exact && field == KAM_FIGURE_FIELD_COUNTRY)
    {
      if ((key = country_of (dataset, text, &is_new)) == NULL)
        *why = g_strdup_printf (_("there is no country “%s”"), text);
      return key;
    }
  if ((key = kam_dataset_find_key_full (dataset, field, text, TRUE, &local)) == NULL)
    *why = g_strdup (local->message);
  return key;
}

/* A long table's row (one figure) into *row; FALSE when it has no figure,
 * a problem said for each cell that cannot be read. */
static gboolean
read_long_row (KamDataset *dataset, const KamSheet *sheet, const KamTableLayout *layout, guint r, KamFigureRow *row,
               GHashTable **found, GPtrArray *problems)
{
  gboolean any = FALSE, bad = FALSE, exact = layout->exact;
  guint value_column = G_MAXUINT;

  for (guint c = 0; c < layout->n_columns; c++)
    any |= layout->columns[c].kind == KAM_COLUMN_FIELD && column_visible (sheet, c)
           && !kam_table_is_blank (kam_sheet_get_text (sheet, r, c));
  if (!any)
    return FALSE;
  for (guint c = 0; c < layout->n_columns; c++)
    {
      const KamTableColumn *col = &layout->columns[c];
      const char *raw = kam_sheet_get_text (sheet, r, c);
      g_autofree char *text = NULL; /* trimmed; NULL when blank */
      g_autofree char *why = NULL;
      gboolean none;
      int d, m;

      if (col->kind != KAM_COLUMN_FIELD || !column_visible (sheet, c))
        continue;
      /* (exactly read, a text as written needs no copy) */
      if (!exact || col->field == KAM_FIGURE_FIELD_YEAR || col->field == KAM_FIGURE_FIELD_VALUE
          || col->field == KAM_FIGURE_FIELD_QUALIFIER)
        text = cell_text (sheet, r, c);
      switch (col->field)
        {
        case KAM_FIGURE_FIELD_COUNTRY:
        case KAM_FIGURE_FIELD_SOURCE:
        case KAM_FIGURE_FIELD_INDICATOR:
          {
            const char *key;

            GHashTable *cache = found[col->field == KAM_FIGURE_FIELD_COUNTRY     ? 0
                                      : col->field == KAM_FIGURE_FIELD_INDICATOR ? 1
                                                                                 : 2];
            gpointer cached;

            if (col->field == KAM_FIGURE_FIELD_INDICATOR && text == NULL && !exact)
              break; /* the table's indicator */
            /* (the same few texts fill a column of 10^6 rows: each found once) */
            if (raw != NULL && g_hash_table_lookup_extended (cache, raw, NULL, &cached))
              {
                key = cached;
                none = cached == NULL;
              }
            else
              {
                key = find_key_cell (dataset, col->field, raw, exact, &none, &why);
                if (raw != NULL && (key != NULL || none))
                  g_hash_table_insert (cache, g_strdup (raw), (gpointer) key);
              }
            if (key == NULL && !none)
              problem (problems, sheet, r, c, "%s", why), bad = TRUE;
            else if (col->field == KAM_FIGURE_FIELD_COUNTRY)
              row->country = key;
            else if (col->field == KAM_FIGURE_FIELD_SOURCE)
              row->source = key;
            else if (key != NULL)
              row->indicator = key;
            else
              {
                g_autofree char *message = kam_rule_unknown_message (KAM_FIGURE_FIELD_INDICATOR, raw ? raw : "");

                problem (problems, sheet, r, c, "%s", message), bad = TRUE;
              }
          }
          break;
        case KAM_FIGURE_FIELD_YEAR:
          if (!parse_year_cell (sheet, r, c, exact, &row->year, &why))
            problem (problems, sheet, r, c, "%s", why), bad = TRUE;
          break;
        case KAM_FIGURE_FIELD_VALUE:
          value_column = c;
          if (exact ? !parse_exact_value (text ? text : "", layout->decimal_comma, &row->value, &why)
                    : !kam_table_parse_value (text, &row->value, &row->qualifier, &why))
            problem (problems, sheet, r, c, "%s", why), bad = TRUE;
          break;
        case KAM_FIGURE_FIELD_NOTE:
          g_free ((char *) row->note);
          row->note = exact ? (raw != NULL ? g_strdup (raw) : NULL) : g_steal_pointer (&text);
          break;
        case KAM_FIGURE_FIELD_QUALIFIER:
          if ((text != NULL || exact) && !parse_qualifier (text ? text : "", &row->qualifier))
            problem (problems, sheet, r, c,
                     _("“%s” is not a qualifier: use exact, approximate, lower-bound, upper-bound, estimate or provisional, or the marks ≈ ≥ ≤ e p"),
                     text ? text : ""), bad = TRUE;
          break;
        case KAM_FIGURE_FIELD_MEMBERS:
          {
            KamDimension *dimension = kam_dataset_get_dimension (dataset, (guint) col->dimension);

            if (exact)
              {
                m = kam_dimension_find_member (dimension, raw ? raw : "", TRUE);
                d = col->dimension;
                if (m < 0 && kam_table_is_blank (raw))
                  break; /* the total */
              }
            else if (text == NULL || is_total_label (text))
              break;
            else if (!member_of (dataset, text, col->dimension, &d, &m))
              m = -1;
            if (m < 0)
              problem (problems, sheet, r, c, _("“%s” is not a member of “%s”"), exact ? raw : text,
                       kam_dimension_get_label (dimension)), bad = TRUE;
            else
              row->members[d] = (guint16) m;
          }
          break;
        default:
          break;
        }
    }
  if (bad)
    return FALSE;
  if (row->indicator == NULL)
    {
      problem (problems, sheet, r, G_MAXUINT, _("the row names no indicator"));
      return FALSE;
    }
  if (layout->typed && value_column != G_MAXUINT)
    {
      g_autoptr (GError) local = NULL;

      if (!kam_rule_check_typed_value (dataset, row->indicator, row->value, &local))
        {
          problem (problems, sheet, r, value_column, "%s", local->message);
          return FALSE;
        }
    }
  return TRUE;
}

/* Where a figure of the table was read: its row and column. */
typedef struct
{
  guint row, column;
} Place;

static int
compare_rows (gconstpointer a, gconstpointer b)
{
  return (int) GPOINTER_TO_UINT (a) - (int) GPOINTER_TO_UINT (b);
}

GArray *
kam_table_read (KamDataset *dataset, const KamSheet *sheet, const KamTableLayout *layout, GPtrArray *new_countries,
                GPtrArray *problems, GPtrArray *said)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (KamFigureRow));
  g_autoptr (GArray) places = g_array_new (FALSE, FALSE, sizeof (Place));
  const char *indicator = layout->indicator ? g_intern_string (layout->indicator) : NULL;
  const char *source = layout->source ? g_intern_string (layout->source) : NULL;
  guint problems_before = problems->len;
  g_autoptr (GArray) sums = g_array_new (FALSE, TRUE, sizeof (double));
  guint year_column = G_MAXUINT;

  g_array_set_size (sums, layout->n_columns);
  GHashTable *found[3]; /* text → country, indicator or source (NULL: none) */

  for (guint i = 0; i < G_N_ELEMENTS (found); i++)
    found[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint c = 0; c < layout->n_columns; c++)
    if (layout->columns[c].kind == KAM_COLUMN_FIELD && layout->columns[c].field == KAM_FIGURE_FIELD_YEAR)
      year_column = c;
  for (guint r = layout->first_row; r <= layout->last_row && r < sheet->n_rows; r++)
    {
      KamFigureRow key = { NULL, layout->year, indicator, NAN, source, NULL };
      g_autofree char *label = NULL;
      gboolean is_new;

      if (!row_visible (sheet, r)
          || (layout->left_out != NULL && g_hash_table_contains (layout->left_out, GUINT_TO_POINTER (r + 1))))
        continue;
      if (layout->kind == KAM_TABLE_WIDE)
        {
          label = cell_text (sheet, r, layout->label_column);
          if (label == NULL)
            continue;
          if (layout->row_axis >= 0)
            {
              int d, m;

              if (!member_of (dataset, label, layout->row_axis, &d, &m))
                {
                  problem (problems, sheet, r, layout->label_column, _("“%s” is not a member of “%s”"), label,
                           kam_dimension_get_label (kam_dataset_get_dimension (dataset, (guint) layout->row_axis)));
                  continue;
                }
              key.members[d] = (guint16) m;
            }
          else if (is_total_label (label) || is_national_label (label))
            key.country = NULL;
          else if ((key.country = country_of (dataset, label, &is_new)) == NULL)
            {
              problem (problems, sheet, r, layout->label_column, _("there is no country “%s”"), label);
              continue;
            }
          for (guint c = 0; c < layout->n_columns; c++)
            {
              const KamTableColumn *col = &layout->columns[c];
              KamFigureRow row = key;
              g_autofree char *why = NULL;
              const char *text = kam_sheet_get_text (sheet, r, c);
              Place place = { r, c };

              if (col->kind != KAM_COLUMN_VALUES || !column_visible (sheet, c) || text == NULL)
                continue;
              if (col->year != 0)
                row.year = col->year;
              if (col->dimension >= 0)
                row.members[col->dimension] = (guint16) col->member;
              if (!kam_table_parse_value (text, &row.value, &row.qualifier, &why))
                {
                  problem (problems, sheet, r, c, "%s", why);
                  continue;
                }
              if (kam_value_is_known (row.value))
                g_array_index (sums, double, c) += row.value;
              g_array_append_val (rows, row);
              g_array_append_val (places, place);
            }
        }
      else
        {
          Place place = { r, year_column };

          if (read_long_row (dataset, sheet, layout, r, &key, found, problems))
            {
              g_array_append_val (rows, key);
              g_array_append_val (places, place);
            }
          else
            g_free ((char *) key.note);
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (found); i++)
    g_hash_table_unref (found[i]);
  /* the rules of a figure, where the figures are known (a country to add
   * from ISO 3166 is known once added) */
  for (guint i = 0; i < rows->len; i++)
    {
      const KamFigureRow *row = &g_array_index (rows, KamFigureRow, i);
      g_autoptr (GError) local = NULL;

      if (row->country != NULL && kam_dataset_lookup_country (dataset, row->country) == NULL)
        add_new_country (new_countries, row->country);
      else if (!kam_dataset_validate_row (dataset, row, 0, &local))
        problem (problems, sheet, g_array_index (places, Place, i).row,
                 layout->kind == KAM_TABLE_WIDE ? g_array_index (places, Place, i).column : G_MAXUINT, "%s",
                 local->message);
    }
  if (rows->len == 0 && problems->len == problems_before && !layout->exact)
    problem (problems, sheet, G_MAXUINT, 0, _("the table gives no figure"));
  /* the same figure twice (by a hash of the keys: a table may have 10^6 rows) */
  {
    g_autoptr (GHashTable) seen = g_hash_table_new (key_hash, key_equal);

    for (guint i = 0; i < rows->len; i++)
      {
        KamFigureRow *row = &g_array_index (rows, KamFigureRow, i);
        const Place *here = &g_array_index (places, Place, i);
        gpointer first;

        if (g_hash_table_lookup_extended (seen, row, &first, NULL))
          {
            const Place *there = &g_array_index (places, Place, (KamFigureRow *) first - (KamFigureRow *) rows->data);

            if (sheet->lines != NULL)
              problem (problems, sheet, here->row, here->column,
                       _("the same country, year, indicator, source and breakdown as line %u"),
                       sheet->lines[there->row]);
            else
              {
                g_autofree char *cell = kam_sheet_cell_name (there->row, there->column == G_MAXUINT ? 0 : there->column);

                problem (problems, sheet, here->row, here->column,
                         _("the same country, year, indicator, source and breakdown as %s"), cell);
              }
          }
        else
          g_hash_table_add (seen, row);
      }
  }
  name_problem_columns (problems, problems_before, layout);
  /* the totals row, as a check */
  if (layout->totals_row >= 0 && problems->len == problems_before)
    {
      guint agree = 0, differ = 0;
      double shown = 0, summed = 0;

      for (guint c = 0; c < layout->n_columns; c++)
        {
          double total = kam_sheet_get_number (sheet, (guint) layout->totals_row, c);
          KamQualifier q;

          if (layout->columns[c].kind != KAM_COLUMN_VALUES)
            continue;
          if (isnan (total))
            kam_table_parse_value (kam_sheet_get_text (sheet, (guint) layout->totals_row, c), &total, &q, NULL);
          if (isnan (total))
            continue;
          if (fabs (total - g_array_index (sums, double, c)) < 0.5)
            agree++;
          else
            differ++, shown = total, summed = g_array_index (sums, double, c);
        }
      if (said != NULL && differ == 0 && agree > 0)
        g_ptr_array_add (said, g_strdup_printf (_("The table's totals row matches the sum of its rows in %u columns; it was not imported."), agree));
      else if (said != NULL && differ > 0)
        {
          g_autofree char *a = kam_number_format (shown, 0), *b = kam_number_format (summed, 0);

          g_ptr_array_add (said, g_strdup_printf (_("The table's totals row differs from the sum of its rows (%s against %s, in %u columns); it was not imported."),
                                                  a, b, differ));
        }
    }
  if (said != NULL && layout->hidden_rows > 0)
    g_ptr_array_add (said, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hidden row was left out.",
                                                         "%u hidden rows were left out.", layout->hidden_rows),
                                            layout->hidden_rows));
  if (said != NULL && layout->left_out != NULL)
    {
      g_autoptr (GList) keys = g_list_sort (g_hash_table_get_keys (layout->left_out), compare_rows);
      g_autoptr (GString) list = g_string_new (NULL);

      for (GList *k = keys; k != NULL; k = k->next)
        g_string_append_printf (list, "%s%u", list->len ? ", " : "", GPOINTER_TO_UINT (k->data));
      g_ptr_array_add (said, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Row %s was left out, as chosen.",
                                                           "Rows %s were left out, as chosen.",
                                                           g_hash_table_size (layout->left_out)),
                                              list->str));
    }
  if (said != NULL && layout->hidden_columns > 0)
    g_ptr_array_add (said, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hidden column was left out.",
                                                         "%u hidden columns were left out.", layout->hidden_columns),
                                            layout->hidden_columns));
  return rows;
}

static void
rows_free (GArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    g_free ((char *) g_array_index (rows, KamFigureRow, i).note);
  g_array_unref (rows);
}

gboolean
kam_table_import_sheet (KamDataset *dataset, const KamSheet *sheet, const char *indicator, const char *source,
                        guint *n_added, GPtrArray *said, GError **error)
{
  return kam_table_import_chosen (dataset, sheet, indicator, source, NULL, n_added, said, error);
}

gboolean
kam_table_import_chosen (KamDataset *dataset, const KamSheet *sheet, const char *indicator, const char *source,
                         const KamTableChoices *choices, guint *n_added, GPtrArray *said, GError **error)
{
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) kam_table_problem_free);
  g_autoptr (GPtrArray) new_countries = g_ptr_array_new ();
  KamTableLayout layout;
  GArray *rows = NULL;
  gboolean ok;

  if (n_added != NULL)
    *n_added = 0;
  if (kam_table_detect_chosen (dataset, sheet, indicator, source, choices, &layout, problems))
    rows = kam_table_read (dataset, sheet, &layout, new_countries, problems, said);
  if (problems->len > 0)
    {
      g_autofree char *text = kam_table_problems_to_text (problems, 100);

      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("Nothing was imported:\n%s"), text);
      if (rows != NULL)
        rows_free (rows);
      kam_table_layout_clear (&layout);
      return FALSE;
    }
  kam_dataset_begin_group (dataset, _("Import a table"));
  ok = TRUE;
  for (guint i = 0; i < new_countries->len && ok; i++)
    {
      const KamIsoCountry *iso = kam_iso_countries_find (kam_iso_countries_get_default (),
                                                         g_ptr_array_index (new_countries, i));
      g_autoptr (KamCountry) country = kam_country_new (g_ptr_array_index (new_countries, i));

      if (iso != NULL)
        {
          kam_country_set_name (country, iso->name);
          kam_country_set_name_km (country, iso->name_km);
        }
      ok = kam_dataset_add_country (dataset, country, error);
    }
  if (ok)
    ok = kam_dataset_add_figures (dataset, (const KamFigureRow *) rows->data, rows->len, NULL, error);
  kam_dataset_end_group (dataset);
  if (!ok)
    kam_dataset_undo (dataset);
  else if (n_added != NULL)
    *n_added = rows->len;
  rows_free (rows);
  kam_table_layout_clear (&layout);
  return ok;
}

KamSheet *
kam_table_sheet_from_records (const char *name, GPtrArray *records)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  g_autofree guint *lines = g_new (guint, MAX (records->len, 1));

  for (guint r = 0; r < records->len; r++)
    {
      KamCsvRecord *record = g_ptr_array_index (records, r);

      g_ptr_array_add (rows, record->fields);
      lines[r] = record->line;
    }
  return kam_sheet_new_from_rows (name, rows, lines);
}

GPtrArray *
kam_table_read_sheets (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr (GPtrArray) records = NULL;
  g_autofree char *name = NULL;
  GPtrArray *sheets;
  char head[4] = { 0 };
  FILE *file = g_fopen (path, "rb");

  /* a workbook is a zip (or, encrypted, an OLE file): the rest is text */
  if (file != NULL)
    {
      gsize n = fread (head, 1, sizeof head, file);

      fclose (file);
      if (n < 4 || memcmp (head, "PK\x03\x04", 4) == 0 || memcmp (head, "\xd0\xcf\x11\xe0", 4) == 0)
        return kam_sheet_read_file (path, error);
    }
  else
    return kam_sheet_read_file (path, error);
  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  if (length > KAM_MAX_CSV_SIZE)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_TOO_LARGE, _("The file is too large to import."));
      return NULL;
    }
  if ((records = kam_csv_parse (data, length, 0, NULL, error)) == NULL)
    return NULL;
  name = g_path_get_basename (path);
  sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) kam_sheet_free);
  g_ptr_array_add (sheets, kam_table_sheet_from_records (name, records));
  return sheets;
}

gboolean
kam_table_import_file (KamDataset *dataset, const char *path, const char *sheet_name, const char *indicator,
                       const char *source, guint *n_added, GPtrArray *said, GError **error)
{
  g_autoptr (GPtrArray) sheets = kam_table_read_sheets (path, error);
  const KamSheet *sheet = NULL;

  if (n_added != NULL)
    *n_added = 0;
  if (sheets == NULL)
    return FALSE;
  for (guint i = 0; i < sheets->len && sheet == NULL; i++)
    {
      const KamSheet *s = g_ptr_array_index (sheets, i);

      if (sheet_name != NULL)
        {
          if (g_str_equal (s->name, sheet_name))
            sheet = s;
        }
      else
        {
          /* the first sheet with a table */
          g_autoptr (GPtrArray) tried = g_ptr_array_new_with_free_func ((GDestroyNotify) kam_table_problem_free);
          KamTableLayout layout;

          if (kam_table_detect (dataset, s, indicator, source, &layout, tried))
            sheet = s;
          kam_table_layout_clear (&layout);
        }
    }
  if (sheet == NULL && sheet_name != NULL)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_NOT_FOUND, _("There is no sheet “%s”."), sheet_name);
      return FALSE;
    }
  if (sheet == NULL)
    sheet = g_ptr_array_index (sheets, 0);
  return kam_table_import_sheet (dataset, sheet, indicator, source, n_added, said, error);
}
