/* kam-figure-reader.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The figures of a .kamlang file, read straight from the text.
 *
 * Most of a large file is its figure rows. Built as a json-glib tree, each
 * cell is a node of its own, and GLib 2.74's slice allocator keeps the freed
 * nodes: reading 10^6 figures held 500 MiB after the tree was gone, and took
 * 2.4 times as long as the parse alone. The strict scanner has already
 * checked the whole text, so this reader walks the figures' text once, cell
 * by cell, with nothing kept but one row's decoded text, and hands the rows
 * to the table in batches. Only types and values can be wrong here, and each
 * problem names its place as the rest of the reader does
 * ("figures.rows[12][4]"). */

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include "kam-dataset-json-private.h"
#include "kam-number.h"

/* The figure columns other than dimensions. */
enum
{
  COL_COUNTRY,
  COL_YEAR,
  COL_INDICATOR,
  COL_VALUE,
  COL_SOURCE,
  COL_NOTE,
  COL_QUALIFIER,
  N_FIXED_COLUMNS
};

static const char *const figure_columns[N_FIXED_COLUMNS] = { "country", "year", "indicator", "value",
                                                             "source", "note", "qualifier" };

/* A row has at most N_FIXED_COLUMNS + KAM_MAX_DIMENSIONS cells; more are
 * counted, for the message, and not kept. */
#define MAX_CELLS (N_FIXED_COLUMNS + KAM_MAX_DIMENSIONS + 1)
/* Rows handed to the table at a time. */
#define BATCH 4096

typedef enum
{
  CELL_NULL,
  CELL_TEXT,
  CELL_NUMBER,
  CELL_BOOLEAN,
  CELL_LIST,
  CELL_OBJECT,
} CellKind;

typedef struct
{
  CellKind kind;
  gboolean whole; /* a number written without a fraction or an exponent */
  double number;
  gsize text; /* where its decoded text starts in the cursor's buffer */
} Cell;

typedef struct
{
  const char *p;
  GString *buffer; /* the decoded text of one row's cells, each ended by NUL */
} Cursor;

/* The figure columns of a file: where each fixed column and each dimension is. */
typedef struct
{
  int fixed[N_FIXED_COLUMNS];
  int dimension[KAM_MAX_DIMENSIONS];
  guint n;
} Columns;

gboolean
_kam_reader_is_figure_column (const char *name)
{
  for (guint c = 0; c < N_FIXED_COLUMNS; c++)
    if (g_str_equal (name, figure_columns[c]))
      return TRUE;
  return FALSE;
}

/* ---- walking checked JSON -------------------------------------------------- */

static void
skip_space (Cursor *c)
{
  while (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r')
    c->p++;
}

static void
skip_string (Cursor *c)
{
  c->p++;
  while (*c->p != '"')
    c->p += *c->p == '\\' ? 2 : 1;
  c->p++;
}

/* Past one value of any kind. */
static void
skip_value (Cursor *c)
{
  int depth = 0;

  if (*c->p != '[' && *c->p != '{')
    {
      if (*c->p == '"')
        skip_string (c);
      else
        while (!strchr (",]} \t\n\r", *c->p))
          c->p++;
      return;
    }
  do
    {
      if (*c->p == '"')
        {
          skip_string (c);
          continue;
        }
      if (*c->p == '[' || *c->p == '{')
        depth++;
      else if (*c->p == ']' || *c->p == '}')
        depth--;
      c->p++;
    }
  while (depth > 0);
}

static guint
hex4 (const char *p)
{
  guint v = 0;

  for (int i = 0; i < 4; i++)
    v = v * 16 + (g_ascii_isdigit (p[i]) ? p[i] - '0' : g_ascii_tolower (p[i]) - 'a' + 10);
  return v;
}

/* Decodes the string at c->p into the buffer, NUL-ended. */
static void
read_text (Cursor *c, Cell *cell)
{
  cell->kind = CELL_TEXT;
  cell->text = c->buffer->len;
  c->p++;
  for (;;)
    {
      const char *run = c->p;

      while (*c->p != '"' && *c->p != '\\')
        c->p++;
      g_string_append_len (c->buffer, run, c->p - run);
      if (*c->p == '"')
        break;
      c->p++; /* the backslash */
      switch (*c->p)
        {
        case 'b': g_string_append_c (c->buffer, '\b'); break;
        case 'f': g_string_append_c (c->buffer, '\f'); break;
        case 'n': g_string_append_c (c->buffer, '\n'); break;
        case 'r': g_string_append_c (c->buffer, '\r'); break;
        case 't': g_string_append_c (c->buffer, '\t'); break;
        case 'u':
          {
            gunichar u = hex4 (c->p + 1);

            /* the scanner let through only whole surrogate pairs */
            if (u >= 0xD800 && u <= 0xDBFF)
              {
                u = 0x10000 + ((u - 0xD800) << 10) + (hex4 (c->p + 7) - 0xDC00);
                c->p += 6;
              }
            g_string_append_unichar (c->buffer, u);
            c->p += 4;
            break;
          }
        default: g_string_append_c (c->buffer, *c->p); break; /* " \ / */
        }
      c->p++;
    }
  c->p++;
  g_string_append_c (c->buffer, '\0');
}

/* A number as json-glib reads it: whole when written without a fraction or an
 * exponent (the scanner let through only whole numbers within ±2^53). */
static void
read_number (Cursor *c, Cell *cell)
{
  const char *start = c->p;
  gboolean negative = *c->p == '-';
  guint64 v = 0;

  cell->kind = CELL_NUMBER;
  if (negative)
    c->p++;
  while (g_ascii_isdigit (*c->p))
    v = v * 10 + (guint64) (*c->p++ - '0');
  cell->whole = *c->p != '.' && *c->p != 'e' && *c->p != 'E';
  /* -0 is 0: a figure never holds a negative zero, which would be shown and
   * written as "-0" and refused when read back from a CSV */
  if (cell->whole)
    cell->number = negative && v > 0 ? -(double) v : (double) v;
  else
    {
      char *end;
      cell->number = g_ascii_strtod (start, &end) + 0.0;
      c->p = end;
    }
}

static void
read_cell (Cursor *c, Cell *cell)
{
  switch (*c->p)
    {
    case '"':
      read_text (c, cell);
      break;
    case '[':
      cell->kind = CELL_LIST;
      skip_value (c);
      break;
    case '{':
      cell->kind = CELL_OBJECT;
      skip_value (c);
      break;
    case 'n':
      cell->kind = CELL_NULL;
      c->p += 4;
      break;
    case 't':
    case 'f':
      cell->kind = CELL_BOOLEAN;
      c->p += *c->p == 't' ? 4 : 5;
      break;
    default:
      read_number (c, cell);
      break;
    }
}

/* After a value: past the comma, if one follows. */
static void
next_item (Cursor *c)
{
  skip_space (c);
  if (*c->p == ',')
    {
      c->p++;
      skip_space (c);
    }
}

static const char *
type_name (const Cell *cell)
{
  switch (cell->kind)
    {
    case CELL_NULL: return _("null");
    case CELL_OBJECT: return _("an object");
    case CELL_LIST: return _("a list");
    case CELL_TEXT: return _("text");
    case CELL_BOOLEAN: return _("true or false");
    default: return _("a number");
    }
}

/* ---- columns and rows ------------------------------------------------------ */

typedef struct
{
  KamReader *r;
  Cursor c;
  Columns cols;
  GHashTable *refs[3];         /* text -> interned id, for country, indicator, source */
  KamFigureRow batch[BATCH];
  guint n_batch;
  GStringChunk *notes;         /* the batch's notes */
} Figures;

static const char *const ref_kinds[] = { "country", "indicator", "source" };
static const KamFigureField ref_fields[] = { KAM_FIGURE_FIELD_COUNTRY, KAM_FIGURE_FIELD_INDICATOR,
                                             KAM_FIGURE_FIELD_SOURCE };

/* A reference, looked up once per distinct text; the place (row, column) is
 * written out only for a problem. */
static const char *
reference (Figures *f, guint kind, const Cell *cell, guint row, int column, gboolean required)
{
  const char *text = NULL, *id;
  char where[64];

  if (cell->kind == CELL_TEXT)
    {
      text = f->c.buffer->str + cell->text;
      id = g_hash_table_lookup (f->refs[kind], text);
      if (id != NULL)
        return id;
    }
  g_snprintf (where, sizeof where, "figures.rows[%u][%d]", row, column);
  if (cell->kind == CELL_NULL)
    {
      if (required)
        _kam_reader_problem (f->r, where, _("the %s is missing"), ref_kinds[kind]);
      return NULL;
    }
  if (cell->kind != CELL_TEXT)
    {
      _kam_reader_problem (f->r, where, _("the %s must be text or null, not %s"), ref_kinds[kind],
                           type_name (cell));
      return NULL;
    }
  id = _kam_reader_lookup (f->r, ref_fields[kind], text, where);
  if (id != NULL)
    g_hash_table_insert (f->refs[kind], (gpointer) id, (gpointer) id);
  return id;
}

static gboolean
read_columns (Figures *f, const char *at)
{
  KamReader *r = f->r;
  Columns *cols = &f->cols;
  guint n_dimensions = kam_dataset_get_n_dimensions (r->dataset);
  gboolean ok = TRUE;

  for (guint c = 0; c < N_FIXED_COLUMNS; c++)
    cols->fixed[c] = -1;
  for (guint d = 0; d < KAM_MAX_DIMENSIONS; d++)
    cols->dimension[d] = -1;
  f->c.p = at + 1;
  skip_space (&f->c);
  for (cols->n = 0; *f->c.p != ']'; cols->n++, next_item (&f->c))
    {
      char where[64];
      Cell cell;
      const char *name;
      int *slot = NULL;
      int d;

      g_snprintf (where, sizeof where, "figures.columns[%u]", cols->n);
      g_string_truncate (f->c.buffer, 0);
      read_cell (&f->c, &cell);
      if (cell.kind != CELL_TEXT)
        {
          _kam_reader_problem (r, where, _("a column name must be text, not %s"), type_name (&cell));
          ok = FALSE;
          continue;
        }
      name = f->c.buffer->str + cell.text;
      for (guint c = 0; c < N_FIXED_COLUMNS && slot == NULL; c++)
        if (g_str_equal (name, figure_columns[c]) && (c != COL_QUALIFIER || r->version >= 2))
          slot = &cols->fixed[c];
      d = kam_dataset_find_dimension (r->dataset, name);
      if (slot == NULL && d >= 0)
        slot = &cols->dimension[d];
      if (slot == NULL)
        {
          _kam_reader_problem (r, where,
                               _("unknown column “%s”: neither a figure field nor a dimension of this file"),
                               name);
          ok = FALSE;
        }
      else if (*slot >= 0)
        {
          _kam_reader_problem (r, where, _("the column “%s” appears twice"), name);
          ok = FALSE;
        }
      else
        *slot = (int) cols->n;
    }
  for (guint c = 0; c <= COL_VALUE; c++)
    if (cols->fixed[c] < 0)
      {
        _kam_reader_problem (r, "figures.columns", _("the column “%s” is missing"), figure_columns[c]);
        ok = FALSE;
      }
  for (guint d = 0; d < n_dimensions; d++)
    if (cols->dimension[d] < 0)
      {
        _kam_reader_problem (r, "figures.columns", _("the column of the dimension “%s” is missing"),
                             kam_dimension_get_id (kam_dataset_get_dimension (r->dataset, d)));
        ok = FALSE;
      }
  return ok;
}

/* One row's cells into fr; FALSE when it has a problem. */
static gboolean
read_row (Figures *f, guint i, const Cell *cells, KamFigureRow *fr)
{
  KamReader *r = f->r;
  const Columns *cols = &f->cols;
  const char *buffer = f->c.buffer->str;
  static const Cell absent = { CELL_NULL };
  guint before = r->problems->len + r->dropped;
  char where[64];

#define CELL(c) (cols->fixed[c] >= 0 ? &cells[cols->fixed[c]] : &absent)
#define WHERE(col) (g_snprintf (where, sizeof where, "figures.rows[%u][%d]", i, (col)), where)
  {
    const Cell *n = CELL (COL_COUNTRY);
    if (n->kind != CELL_NULL)
      fr->country = reference (f, 0, n, i, cols->fixed[COL_COUNTRY], FALSE);
  }
  {
    const Cell *n = CELL (COL_YEAR);
    if (n->kind != CELL_NUMBER || !n->whole)
      _kam_reader_problem (r, WHERE (cols->fixed[COL_YEAR]), _("the year must be a whole number, not %s"),
                           n->kind == CELL_NUMBER ? _("a fraction") : type_name (n));
    else if (n->number < KAM_YEAR_MIN || n->number > KAM_YEAR_MAX)
      {
        g_autofree char *year = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) n->number);
        g_autofree char *message = kam_rule_year_range_message (year);
        _kam_reader_problem (r, WHERE (cols->fixed[COL_YEAR]), "%s", message);
      }
    else
      fr->year = (int) n->number;
  }
  fr->indicator = reference (f, 1, CELL (COL_INDICATOR), i, cols->fixed[COL_INDICATOR], TRUE);
  {
    const Cell *n = CELL (COL_VALUE);
    if (n->kind == CELL_NULL)
      fr->value = KAM_VALUE_UNKNOWN;
    else if (n->kind != CELL_NUMBER)
      _kam_reader_problem (r, WHERE (cols->fixed[COL_VALUE]), _("the value must be a number or null, not %s"),
                           type_name (n));
    else if (!isfinite (n->number))
      _kam_reader_problem (r, WHERE (cols->fixed[COL_VALUE]), _("the value must be a finite number"));
    else if (n->number < 0)
      {
        g_autofree char *text = kam_number_to_text (n->number);
        g_autofree char *message = kam_rule_negative_message (text);
        _kam_reader_problem (r, WHERE (cols->fixed[COL_VALUE]), "%s", message);
      }
    else
      fr->value = n->number;
  }
  fr->source = reference (f, 2, CELL (COL_SOURCE), i, cols->fixed[COL_SOURCE], FALSE);
  {
    const Cell *n = CELL (COL_NOTE);
    if (n->kind == CELL_TEXT)
      fr->note = buffer + n->text;
    else if (n->kind != CELL_NULL)
      _kam_reader_problem (r, WHERE (cols->fixed[COL_NOTE]), _("the note must be text or null, not %s"),
                           type_name (n));
  }
  {
    const Cell *n = CELL (COL_QUALIFIER);
    int q = KAM_QUALIFIER_EXACT;

    if (n->kind != CELL_NULL
        && (n->kind != CELL_TEXT || !kam_enum_from_nick (KAM_TYPE_QUALIFIER, buffer + n->text, &q)))
      {
        g_autofree char *what = n->kind == CELL_TEXT ? g_strdup_printf ("“%s”", buffer + n->text)
                                                     : g_strdup (type_name (n));
        _kam_reader_problem (r, WHERE (cols->fixed[COL_QUALIFIER]),
                             _("the qualifier must be one of exact, approximate, lower-bound, upper-bound, estimate, provisional, not %s"),
                             what);
      }
    fr->qualifier = q;
  }
  for (guint d = 0; d < KAM_MAX_DIMENSIONS; d++)
    {
      const Cell *n;
      KamDimension *dimension;
      int m;

      if (cols->dimension[d] < 0)
        continue;
      n = &cells[cols->dimension[d]];
      dimension = kam_dataset_get_dimension (r->dataset, d);
      if (n->kind != CELL_TEXT)
        {
          _kam_reader_problem (r, WHERE (cols->dimension[d]), _("the member of “%s” must be text, not %s"),
                               kam_dimension_get_id (dimension), type_name (n));
          continue;
        }
      m = kam_dimension_find_code (dimension, buffer + n->text);
      if (m < 0)
        _kam_reader_problem (r, WHERE (cols->dimension[d]), _("the dimension “%s” has no member “%s”"),
                             kam_dimension_get_id (dimension), buffer + n->text);
      else
        fr->members[d] = (guint16) m;
    }
#undef CELL
#undef WHERE
  return before == r->problems->len + r->dropped;
}

/* Hands the batch to the table, then checks that each of its rows has a key of
 * its own: rows are in the table in the file's order, so the other row of a
 * key is an earlier one. */
static void
flush (Figures *f)
{
  KamFigureTable *table = kam_dataset_get_figures (f->r->dataset);
  guint first = kam_figure_table_get_n_rows (table);

  _kam_dataset_load_figures (f->r->dataset, f->batch, f->n_batch);
  for (guint i = first; i < first + f->n_batch; i++)
    {
      int other = kam_figure_table_find_same_key (table, &f->batch[i - first], kam_figure_table_get_id (table, i));

      if (other >= 0)
        {
          char where[64];
          g_snprintf (where, sizeof where, "figures.rows[%u]", i);
          _kam_reader_problem (f->r, where,
                               _("the same country, year, indicator, source and breakdown as figures.rows[%d]: a key may have one figure only"),
                               other);
        }
    }
  f->n_batch = 0;
  g_string_chunk_clear (f->notes);
  /* the figures are most of the reading: from 35% to 95% */
  if (f->r->text_length > 0)
    _kam_reader_progress (f->r, 350 + (int) (600.0 * (f->c.p - f->r->text) / f->r->text_length));
}

static void
read_rows (Figures *f, const char *at)
{
  KamReader *r = f->r;
  Cell cells[MAX_CELLS];

  f->c.p = at + 1;
  skip_space (&f->c);
  for (guint i = 0; *f->c.p != ']' && !r->cancelled; i++, next_item (&f->c))
    {
      KamFigureRow fr = { NULL, 0, NULL, KAM_VALUE_UNKNOWN, NULL, NULL };
      char where[64];
      guint n = 0;

      g_string_truncate (f->c.buffer, 0);
      if (*f->c.p != '[')
        {
          Cell cell;

          read_cell (&f->c, &cell);
          g_snprintf (where, sizeof where, "figures.rows[%u]", i);
          _kam_reader_problem (r, where, _("a figure must be a list of %u fields, not %s"), f->cols.n,
                               type_name (&cell));
          continue;
        }
      f->c.p++;
      skip_space (&f->c);
      for (; *f->c.p != ']'; n++, next_item (&f->c))
        {
          if (n < MAX_CELLS)
            read_cell (&f->c, &cells[n]);
          else
            skip_value (&f->c);
        }
      f->c.p++;
      if (n != f->cols.n)
        {
          g_snprintf (where, sizeof where, "figures.rows[%u]", i);
          _kam_reader_problem (r, where, _("a figure must have %u fields, this one has %u"), f->cols.n, n);
          continue;
        }
      if (!read_row (f, i, cells, &fr) || r->problems->len > 0)
        continue; /* the file is refused: only its problems matter now */
      if (fr.note != NULL)
        fr.note = g_string_chunk_insert (f->notes, fr.note);
      f->batch[f->n_batch++] = fr;
      if (f->n_batch == BATCH)
        flush (f);
    }
  if (f->n_batch > 0 && r->problems->len == 0 && !r->cancelled)
    flush (f);
}

void
_kam_reader_read_figures (KamReader *r, const KamJsonSpan *span)
{
  g_autofree Figures *f = g_new0 (Figures, 1);
  const char *columns = NULL, *rows = NULL;
  gboolean has_columns = FALSE;
  Cell cell;

  f->r = r;
  f->c.p = r->text + span->offset;
  f->c.buffer = g_string_new (NULL);
  if (*f->c.p == 'n')
    goto out;
  if (*f->c.p != '{')
    {
      read_cell (&f->c, &cell);
      _kam_reader_problem (r, "figures", _("must be an object with “columns” and “rows”, not %s"),
                           type_name (&cell));
      goto out;
    }
  f->c.p++;
  skip_space (&f->c);
  while (*f->c.p != '}')
    {
      const char *key;

      g_string_truncate (f->c.buffer, 0);
      read_text (&f->c, &cell);
      key = f->c.buffer->str;
      skip_space (&f->c);
      f->c.p++; /* the colon */
      skip_space (&f->c);
      if (g_str_equal (key, "columns"))
        {
          has_columns = TRUE;
          columns = f->c.p;
        }
      else if (g_str_equal (key, "rows"))
        rows = f->c.p;
      else
        _kam_reader_problem (r, "figures", _("unknown field “%s”"), key);
      skip_value (&f->c);
      next_item (&f->c);
    }
  /* null stands for absent; another kind of value is a problem */
  for (guint k = 0; k < 2; k++)
    {
      const char **at = k == 0 ? &columns : &rows;
      if (*at == NULL || **at == '[')
        continue;
      f->c.p = *at;
      g_string_truncate (f->c.buffer, 0);
      read_cell (&f->c, &cell);
      if (cell.kind != CELL_NULL)
        _kam_reader_problem (r, k == 0 ? "figures.columns" : "figures.rows", _("must be a list, not %s"),
                             type_name (&cell));
      *at = NULL;
    }
  if (columns == NULL)
    {
      if (rows != NULL || !has_columns)
        _kam_reader_problem (r, "figures.columns", _("the list of columns is missing"));
      goto out;
    }
  if (!read_columns (f, columns) || rows == NULL)
    goto out;

  for (guint k = 0; k < G_N_ELEMENTS (f->refs); k++)
    f->refs[k] = g_hash_table_new (g_str_hash, g_str_equal);
  f->notes = g_string_chunk_new (64 * 1024);
  read_rows (f, rows);
  for (guint k = 0; k < G_N_ELEMENTS (f->refs); k++)
    g_hash_table_unref (f->refs[k]);
  g_string_chunk_free (f->notes);
out:
  g_string_free (f->c.buffer, TRUE);
}
