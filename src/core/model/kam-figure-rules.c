/* kam-figure-rules.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The rules a figure and an item obey, one wording each, used by the file
 * reader, the editor, CSV and WDI import and paste. */

#include <glib/gi18n-lib.h>
#include "kam-figure-rules.h"
#include "kam-dataset-private.h"
#include "kam-model-private.h"
#include "kam-number.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- validation -------------------------------------------------------- */

gboolean
kam_country_code_is_valid (const char *code)
{
  if (code == NULL || strlen (code) != 3)
    return FALSE;
  for (guint i = 0; i < 3; i++)
    if (code[i] < 'A' || code[i] > 'Z')
      return FALSE;
  return TRUE;
}

/* YYYY, YYYY-MM or YYYY-MM-DD, with a real month and day. */
gboolean
kam_partial_date_is_valid (const char *date)
{
  int y, m = 1, d = 1;
  gsize len;

  if (date == NULL)
    return FALSE;
  len = strlen (date);
  if (len != 4 && len != 7 && len != 10)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      gboolean dash = (i == 4 || i == 7);
      if (dash ? date[i] != '-' : !g_ascii_isdigit (date[i]))
        return FALSE;
    }
  y = atoi (date);
  if (len >= 7)
    m = atoi (date + 5);
  if (len == 10)
    d = atoi (date + 8);
  return y >= KAM_YEAR_MIN && y <= KAM_YEAR_MAX && g_date_valid_dmy (d, m, y);
}

char *
kam_rule_year_range_message (const char *year)
{
  return g_strdup_printf (_("the year %s is not between %d and %d"), year, KAM_YEAR_MIN, KAM_YEAR_MAX);
}

char *
kam_rule_unknown_message (KamFigureField field, const char *id)
{
  switch (field)
    {
    case KAM_FIGURE_FIELD_COUNTRY:
      return g_strdup_printf (_("there is no country “%s” in this dataset"), id);
    case KAM_FIGURE_FIELD_INDICATOR:
      return g_strdup_printf (_("there is no indicator “%s” in this dataset"), id);
    default:
      return g_strdup_printf (_("there is no source “%s” in this dataset"), id);
    }
}

/* A message of the rules as a sentence of its own, for the editor. */
static void
set_sentence (GError **error, int code, char *message)
{
  g_autofree char *owned = message;
  g_autofree char *sentence = kam_sentence (message);

  g_set_error_literal (error, KAM_ERROR, code, sentence);
}

/**
 * kam_rule_check_typed_value:
 *
 * The rule for a value a person types or pastes, beyond the file's rules: a
 * number of persons is whole, and small enough to be held exactly.
 */
gboolean
kam_rule_check_typed_value (KamDataset *self, const char *indicator, double value, GError **error)
{
  KamIndicator *found = indicator ? kam_dataset_lookup_indicator (self, indicator) : NULL;
  g_autofree char *text = NULL;

  if (found == NULL || !kam_value_is_known (value)
      || !kam_unit_is (kam_indicator_get_unit (found), KAM_UNIT_PERSONS))
    return TRUE;
  text = kam_number_to_text (value);
  if (value > KAM_PERSONS_MAX)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID,
                   _("%s is too large to be a number of persons."), text);
      return FALSE;
    }
  if (value != floor (value))
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID,
                   _("%s is not a whole number; a number of persons has no fraction."), text);
      return FALSE;
    }
  return TRUE;
}

static const char *
unit_of (KamDataset *self, const char *indicator)
{
  KamIndicator *found = indicator ? kam_dataset_lookup_indicator (self, indicator) : NULL;

  return found ? kam_indicator_get_unit (found) : NULL;
}

gboolean
kam_rule_is_plausible (KamDataset *self, const KamFigureRow *row, guint except_id, char **why)
{
  KamFigureTable *table = kam_dataset_get_figures (self);
  const char *const *indicators = kam_figure_table_get_indicators (table);
  const double *values = kam_figure_table_get_values (table);
  const char *indicator = g_intern_string (row->indicator);
  g_autofree char *value = NULL, *other = NULL;
  double largest = -1, before = KAM_VALUE_UNKNOWN;
  KamFigureRow previous = *row;
  int found;

  if (!kam_value_is_known (row->value) || row->value <= 0)
    return TRUE;
  value = kam_number_format (row->value, 2);
  if (kam_unit_is (unit_of (self, indicator), KAM_UNIT_PERSONS) && row->value > KAM_PERSONS_PLAUSIBLE)
    {
      other = kam_number_format (KAM_PERSONS_PLAUSIBLE, 0);
      *why = g_strdup_printf (_("%s persons is more than %s; is a digit too many?"), value, other);
      return FALSE;
    }
  for (guint i = 0; i < kam_figure_table_get_n_rows (table); i++)
    if (indicators[i] == indicator && kam_value_is_known (values[i]) && values[i] > largest
        && kam_figure_table_get_id (table, i) != except_id)
      largest = values[i];
  if (largest > 0 && row->value > 10 * largest)
    {
      other = kam_number_format (largest, 2);
      *why = g_strdup_printf (_("%s is more than 10 times the largest value of this indicator (%s)."), value,
                              other);
      return FALSE;
    }
  previous.year = row->year - 1;
  found = kam_figure_table_find_same_key (table, &previous, except_id);
  if (found < 0)
    found = kam_figure_table_find_group (table, &previous);
  if (found >= 0)
    before = values[found];
  if (kam_value_is_known (before) && before > 0 && (row->value > 10 * before || before > 10 * row->value))
    {
      other = kam_number_format (before, 2);
      *why = g_strdup_printf (row->value > before ? _("%s is more than 10 times the year before (%s in %d).")
                                                  : _("%s is less than a tenth of the year before (%s in %d)."),
                              value, other, previous.year);
      return FALSE;
    }
  return TRUE;
}

char *
kam_rule_follow_up_note (const char *note, const char *why)
{
  g_autofree char *line = g_strdup_printf (_("%s Confirmed at entry although: %s"), KAM_FOLLOW_UP_MARK, why);

  if (note == NULL || note[0] == '\0')
    return g_steal_pointer (&line);
  return g_strconcat (note, "\n", line, NULL);
}

char *
kam_rule_dup_follow_up (const char *note)
{
  const char *p = note;

  while (p != NULL && *p != '\0')
    {
      const char *end = strchr (p, '\n');

      if (g_str_has_prefix (p, KAM_FOLLOW_UP_MARK))
        {
          p += strlen (KAM_FOLLOW_UP_MARK);
          while (*p == ' ')
            p++;
          return end ? g_strndup (p, (gsize) (end - p)) : g_strdup (p);
        }
      p = end ? end + 1 : NULL;
    }
  return NULL;
}

/**
 * kam_dataset_validate_row:
 *
 * Checks one figure against the rules of the file format and this dataset's
 * countries, indicators and sources.
 */
gboolean
kam_dataset_validate_row (KamDataset *self, const KamFigureRow *row, guint except_id,
                          GError **error)
{
  guint n_dimensions = kam_dataset_get_n_dimensions (self);

  if (row->year < KAM_YEAR_MIN || row->year > KAM_YEAR_MAX)
    {
      char year[16];

      g_snprintf (year, sizeof year, "%d", row->year);
      set_sentence (error, KAM_ERROR_INVALID, kam_rule_year_range_message (year));
      return FALSE;
    }
  if (isinf (row->value))
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("The value is not a finite number."));
      return FALSE;
    }
  if (signbit (row->value))
    {
      g_autofree char *value = kam_number_to_text (row->value);

      set_sentence (error, KAM_ERROR_INVALID, kam_rule_negative_message (value));
      return FALSE;
    }
  if (row->indicator == NULL)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("The figure has no indicator."));
      return FALSE;
    }
  if (kam_dataset_lookup_indicator (self, row->indicator) == NULL)
    {
      set_sentence (error, KAM_ERROR_NOT_FOUND, kam_rule_unknown_message (KAM_FIGURE_FIELD_INDICATOR, row->indicator));
      return FALSE;
    }
  if (row->country != NULL && kam_dataset_lookup_country (self, row->country) == NULL)
    {
      set_sentence (error, KAM_ERROR_NOT_FOUND, kam_rule_unknown_message (KAM_FIGURE_FIELD_COUNTRY, row->country));
      return FALSE;
    }
  if (row->source != NULL && kam_dataset_lookup_source (self, row->source) == NULL)
    {
      set_sentence (error, KAM_ERROR_NOT_FOUND, kam_rule_unknown_message (KAM_FIGURE_FIELD_SOURCE, row->source));
      return FALSE;
    }
  if ((guint) row->qualifier >= KAM_N_QUALIFIERS)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("The qualifier is not one Kamlang knows."));
      return FALSE;
    }
  for (guint d = 0; d < KAM_MAX_DIMENSIONS; d++)
    {
      KamDimension *dimension = d < n_dimensions ? kam_dataset_get_dimension (self, d) : NULL;

      if (row->members[d] == 0)
        continue;
      if (dimension == NULL || row->members[d] >= kam_dimension_get_n_members (dimension))
        {
          g_set_error (error, KAM_ERROR, KAM_ERROR_NOT_FOUND,
                       _("The figure names a member that its dimension does not have."));
          return FALSE;
        }
    }
  if (kam_figure_table_find_same_key (self->figures, row, except_id) >= 0)
    {
      g_autofree char *members = kam_dataset_dup_members_label (self, row->members);
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID,
                   _("There is already a figure for %s, %d, %s%s%s from this source."),
                   kam_dataset_get_country_label (self, row->country), row->year, row->indicator,
                   members ? ", " : "", members ? members : "");
      return FALSE;
    }
  return TRUE;
}

/* The whole key of a figure, as bytes that can be hashed and compared. */
typedef struct
{
  const char *country, *indicator, *source;
  gint32 year;
  guint16 members[KAM_MAX_DIMENSIONS];
} RowKey;

static guint
row_key_hash (gconstpointer p)
{
  const guchar *b = p;
  guint h = 2166136261u;

  for (gsize i = 0; i < sizeof (RowKey); i++)
    h = (h ^ b[i]) * 16777619u;
  return h;
}

static gboolean
row_key_equal (gconstpointer a, gconstpointer b)
{
  return memcmp (a, b, sizeof (RowKey)) == 0;
}

/**
 * _kam_dataset_check_rows:
 * @bad_row: (out) (optional): the row refused (from 0)
 * @repeated_row: (out) (optional): the earlier row it repeats, else G_MAXUINT
 *
 * Checks rows about to be added: each against the rules and the figures
 * there are, and against each other. The error names the row (from 1) when
 * there are several, unless the caller takes it as @bad_row (a reader that
 * names the row its own way: a line of a file).
 */
gboolean
_kam_dataset_check_rows (KamDataset *self, const KamFigureRow *rows, guint n, guint *bad_row,
                         guint *repeated_row, GError **error)
{
  g_autoptr (GHashTable) keys = NULL;
  g_autofree RowKey *all = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GError) local = NULL;

      if (!kam_dataset_validate_row (self, &rows[i], 0, &local))
        {
          if (bad_row != NULL)
            *bad_row = i;
          if (repeated_row != NULL)
            *repeated_row = G_MAXUINT;
          if (n > 1 && bad_row == NULL)
            g_prefix_error (&local, _("Row %u: "), i + 1);
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
    }
  if (n < 2)
    return TRUE;
  keys = g_hash_table_new (row_key_hash, row_key_equal);
  all = g_new0 (RowKey, n); /* zeroed, padding too, for memcmp */
  for (guint i = 0; i < n; i++)
    {
      RowKey *k = &all[i];
      gpointer first;

      k->country = rows[i].country && *rows[i].country ? g_intern_string (rows[i].country) : NULL;
      k->indicator = g_intern_string (rows[i].indicator);
      k->source = rows[i].source && *rows[i].source ? g_intern_string (rows[i].source) : NULL;
      k->year = rows[i].year;
      memcpy (k->members, rows[i].members, sizeof k->members);
      first = g_hash_table_lookup (keys, k);
      if (first != NULL)
        {
          if (bad_row != NULL)
            *bad_row = i;
          if (repeated_row != NULL)
            *repeated_row = (guint) ((RowKey *) first - all);
          g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID,
                       _("Row %u: the same country, year, indicator, source and breakdown as row %u."),
                       i + 1, (guint) ((RowKey *) first - all) + 1);
          return FALSE;
        }
      g_hash_table_insert (keys, k, k);
    }
  return TRUE;
}

static const struct
{
  const char *mark;
  const char *label;
} qualifiers[KAM_N_QUALIFIERS] = {
  [KAM_QUALIFIER_EXACT] = { "", N_("Exact") },
  [KAM_QUALIFIER_APPROXIMATE] = { "≈", N_("Approximate (about, around, some, nearly)") },
  [KAM_QUALIFIER_LOWER_BOUND] = { "≥", N_("Lower bound (more than, at least)") },
  [KAM_QUALIFIER_UPPER_BOUND] = { "≤", N_("Upper bound (fewer than, up to)") },
  /* the marks statistics offices use for estimated and provisional values */
  [KAM_QUALIFIER_ESTIMATE] = { "e", N_("Estimate") },
  [KAM_QUALIFIER_PROVISIONAL] = { "p", N_("Provisional") },
};

char *
kam_qualifier_mark_text (KamQualifier qualifier, const char *number)
{
  const char *mark = kam_qualifier_get_mark (qualifier);

  if (*mark == '\0')
    return g_strdup (number);
  if (qualifier == KAM_QUALIFIER_ESTIMATE || qualifier == KAM_QUALIFIER_PROVISIONAL)
    return g_strdup_printf ("%s %s", number, mark);
  return g_strdup_printf ("%s %s", mark, number);
}

/**
 * kam_qualifier_get_mark:
 *
 * Returns: what lists and charts write beside a value: "≈" before it for
 *   approximate, "≥" for a lower bound, "≤" for an upper bound, "e" and "p"
 *   after it for estimates and provisional values; "" for exact
 */
const char *
kam_qualifier_get_mark (KamQualifier qualifier)
{
  g_return_val_if_fail ((guint) qualifier < KAM_N_QUALIFIERS, "");
  return qualifiers[qualifier].mark;
}

const char *
kam_qualifier_get_label (KamQualifier qualifier)
{
  g_return_val_if_fail ((guint) qualifier < KAM_N_QUALIFIERS, "");
  return g_dgettext (GETTEXT_PACKAGE, qualifiers[qualifier].label);
}

gboolean
kam_qualifier_parse (const char *text, KamQualifier *qualifier)
{
  int value;
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*trimmed == '\0')
    {
      *qualifier = KAM_QUALIFIER_EXACT;
      return TRUE;
    }
  if (kam_enum_from_nick (KAM_TYPE_QUALIFIER, trimmed, &value))
    {
      *qualifier = value;
      return TRUE;
    }
  for (guint i = 1; i < KAM_N_QUALIFIERS; i++)
    if (g_str_equal (trimmed, qualifiers[i].mark))
      {
        *qualifier = i;
        return TRUE;
      }
  return FALSE;
}

/* Whether text (a code or a name) would name no member of the dimension but
 * except: codes, English and Khmer names are all looked up by, in any case. */
gboolean
_kam_member_name_is_free (KamDimension *dimension, KamMember *except, const char *text,
                          GError **error)
{
  if (text == NULL || text[0] == '\0')
    return TRUE;
  for (guint i = 0; i < kam_dimension_get_n_members (dimension); i++)
    {
      KamMember *member = kam_dimension_get_member (dimension, i);

      if (member == except)
        continue;
      if (_kam_same_text (kam_member_get_code (member), text, TRUE)
          || _kam_same_text (kam_member_get_name (member), text, TRUE)
          || _kam_same_text (kam_member_get_name_km (member), text, TRUE))
        {
          /* Translators: the first %s is a member's code or name, the second a breakdown's, e.g. Sex */
          g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("“%s” already names a member of “%s”."),
                       text, kam_dimension_get_label (dimension));
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
_kam_dataset_validate_item_property (KamDataset *self, gpointer item, const char *property,
                        const GValue *value, GError **error)
{
  const char *s = G_VALUE_HOLDS_STRING (value) ? g_value_get_string (value) : NULL;

  if (s != NULL && s[0] == '\0')
    s = NULL;
  if (s != NULL && !g_utf8_validate (s, -1, NULL))
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("The text is not valid UTF-8."));
      return FALSE;
    }
  if (KAM_IS_AGREEMENT (item) && g_str_equal (property, "country") && s != NULL
      && kam_dataset_lookup_country (self, s) == NULL)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_NOT_FOUND,
                   _("There is no country “%s” in this dataset."), s);
      return FALSE;
    }
  if (KAM_IS_AGREEMENT (item) && g_str_equal (property, "source") && s != NULL
      && kam_dataset_lookup_source (self, s) == NULL)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_NOT_FOUND,
                   _("There is no source “%s” in this dataset."), s);
      return FALSE;
    }
  if (KAM_IS_MEMBER (item) && kam_member_get_dimension (item) != NULL
      && !_kam_member_name_is_free (kam_member_get_dimension (item), item, s, error))
    return FALSE;
  if (((KAM_IS_AGREEMENT (item) && g_str_equal (property, "signed"))
       || (KAM_IS_SOURCE (item) && g_str_equal (property, "date")))
      && s != NULL && !kam_partial_date_is_valid (s))
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID,
                   _("“%s” is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD."), s);
      return FALSE;
    }
  return TRUE;
}
