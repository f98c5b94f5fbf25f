/* kam-number.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include "kam-number.h"
#include "kam-types.h"

/* A whole number's digits, without printf (most figures are whole, and a
 * file of a million figures writes a million of them). */
void
kam_number_append_integer (GString *out, gint64 value)
{
  char buf[24];
  char *p = buf + sizeof buf;
  guint64 magnitude = value < 0 ? (guint64) -(value + 1) + 1 : (guint64) value;

  do
    {
      *--p = (char) ('0' + magnitude % 10);
      magnitude /= 10;
    }
  while (magnitude != 0);
  if (value < 0)
    *--p = '-';
  g_string_append_len (out, p, buf + sizeof buf - p);
}

/**
 * kam_number_append_text:
 *
 * Appends what kam_number_to_text() returns.
 */
void
kam_number_append_text (GString *out, double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    {
      g_string_append_len (out, "null", 4);
      return;
    }
  if (value == floor (value) && fabs (value) < 1e15)
    {
      if (value == 0 && signbit (value))
        g_string_append_len (out, "-0", 2);
      else
        kam_number_append_integer (out, (gint64) value);
      return;
    }
  for (int precision = 15; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (out, buf);
}

/* A value as files write it: the shortest text that reads back the same, whole
 * numbers without a decimal point, "null" for unknown. */
char *
kam_number_to_text (double value)
{
  GString *out = g_string_sized_new (24);

  kam_number_append_text (out, value);
  return g_string_free (out, FALSE);
}

static int khmer_digits;

void
kam_number_set_khmer_digits (gboolean khmer)
{
  g_atomic_int_set (&khmer_digits, khmer ? 1 : 0);
}

gboolean
kam_number_get_khmer_digits (void)
{
  return g_atomic_int_get (&khmer_digits) != 0;
}

/* Whether the digits from start to end are part of a word or an id rather
 * than a number: a letter just before or after them ("F8", "2nd"), or a
 * hyphen, underscore or slash joining them to letters ("pp-000", "s_2"). */
static gboolean
digits_in_word (const char *text, const char *start, const char *end)
{
  if (g_ascii_isalpha (*end))
    return TRUE;
  if (start == text)
    return FALSE;
  if (g_ascii_isalpha (start[-1]))
    return TRUE;
  if ((start[-1] == '-' || start[-1] == '_' || start[-1] == '/') && start - 1 > text)
    {
      const char *before = start - 2;

      /* back over the id's other digits: "pp-000-1" */
      while (before > text && (g_ascii_isdigit (*before) || *before == '-' || *before == '_'))
        before--;
      return g_ascii_isalpha (*before) || *before == '_';
    }
  return FALSE;
}

char *
kam_number_localize_take (char *text)
{
  GString *out;

  if (!kam_number_get_khmer_digits () || strpbrk (text, "0123456789") == NULL)
    return text;
  out = g_string_sized_new (strlen (text) * 3);
  for (const char *p = text; *p;)
    {
      const char *end = p;

      if (!g_ascii_isdigit (*p))
        {
          g_string_append_c (out, *p++);
          continue;
        }
      while (g_ascii_isdigit (*end))
        end++;
      /* only numbers become Khmer: digits inside an id or a word stay */
      if (digits_in_word (text, p, end))
        g_string_append_len (out, p, end - p);
      else
        for (; p < end; p++)
          g_string_append_unichar (out, 0x17E0 + (*p - '0'));
      p = end;
    }
  g_free (text);
  return g_string_free (out, FALSE);
}

char *
kam_number_localize (const char *text)
{
  return kam_number_localize_take (g_strdup (text));
}

char *
kam_number_format_year (int year)
{
  return kam_number_localize_take (g_strdup_printf ("%d", year));
}

static void
locale_separators (const char **thousands, const char **decimal)
{
  struct lconv *lc = localeconv ();

  *decimal = (lc->decimal_point != NULL && *lc->decimal_point) ? lc->decimal_point : ".";
  /* The C locale has no grouping; people still expect 1,220,197. */
  if (lc->thousands_sep != NULL && *lc->thousands_sep)
    *thousands = lc->thousands_sep;
  else
    *thousands = g_str_equal (*decimal, ",") ? "\u202f" : ",";
}

char *
kam_number_format (double value, int decimals)
{
  const char *thousands, *decimal;
  g_autofree char *digits = NULL;
  GString *out;
  const char *dot, *p;
  gsize int_len;

  if (isnan (value))
    return g_strdup (_("unknown"));

  locale_separators (&thousands, &decimal);
  {
    char buf[64], format[16];

    g_snprintf (format, sizeof format, "%%.%df", MAX (decimals, 0));
    g_ascii_formatd (buf, sizeof buf, format, fabs (value));
    digits = g_strdup (buf);
  }
  /* drop trailing zeros of the decimals */
  dot = strchr (digits, '.');
  if (dot != NULL)
    {
      char *end = digits + strlen (digits) - 1;
      while (end > dot && *end == '0')
        *end-- = '\0';
      if (end == dot)
        *end = '\0';
    }
  dot = strchr (digits, '.');
  int_len = dot != NULL ? (gsize) (dot - digits) : strlen (digits);

  out = g_string_new (value < 0 ? "−" : "");
  for (p = digits; (gsize) (p - digits) < int_len; p++)
    {
      gsize left = int_len - (p - digits);
      g_string_append_c (out, *p);
      if (left > 1 && (left - 1) % 3 == 0)
        g_string_append (out, thousands);
    }
  if (dot != NULL)
    {
      g_string_append (out, decimal);
      g_string_append (out, dot + 1);
    }
  return kam_number_localize_take (g_string_free (out, FALSE));
}

char *
kam_number_format_compact (double value, gboolean usd)
{
  static const struct
  {
    double scale;
    const char *suffix;
  } steps[] = {
    /* Translators: abbreviations for billion, million and thousand in compact numbers */
    { 1e9, N_("B") }, { 1e6, N_("M") }, { 1e3, N_("k") },
  };
  g_autofree char *number = NULL;
  const char *suffix = NULL;
  double a = fabs (value);

  if (isnan (value))
    return g_strdup (_("unknown"));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (a >= steps[i].scale)
      {
        double scaled = value / steps[i].scale;
        number = kam_number_format (scaled, fabs (scaled) < 100 ? 1 : 0);
        suffix = g_dgettext (GETTEXT_PACKAGE, steps[i].suffix);
        break;
      }
  if (number == NULL)
    number = kam_number_format (value, a < 10 && a != floor (a) ? 1 : 0);
  if (usd)
    return suffix ? g_strdup_printf (_("US$ %s %s"), number, suffix)
                  : g_strdup_printf (_("US$ %s"), number);
  return suffix ? g_strdup_printf ("%s %s", number, suffix) : g_strdup (number);
}

char *
kam_number_format_amount (double value, gboolean usd)
{
  return kam_number_format (value, usd && fabs (value) < 100 ? 2 : 0);
}

/* Groups of digits between thousands separators: the first of one to three
 * digits, every later one of three. */
typedef struct
{
  int lead;  /* digits before the first separator */
  int group; /* digits since the last separator; -1 before any */
} Grouping;

static gboolean
grouping_separator (Grouping *g)
{
  gboolean ok = g->group == -1 ? (g->lead >= 1 && g->lead <= 3) : g->group == 3;

  g->group = 0;
  return ok;
}

static gboolean
grouping_done (Grouping *g)
{
  return g->group == -1 || g->group == 3;
}

gboolean
kam_number_parse (const char *text, double *value, GError **error)
{
  const char *thousands, *decimal;
  g_autoptr (GString) ascii = g_string_new (NULL);
  g_autofree char *trimmed = NULL;
  gboolean seen_decimal = FALSE, seen_exponent = FALSE, misplaced = FALSE, minus = FALSE;
  Grouping grouping = { 0, -1 };
  char *end = NULL;
  double v;

  g_return_val_if_fail (text != NULL, FALSE);
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("The text is not valid UTF-8."));
      return FALSE;
    }
  locale_separators (&thousands, &decimal);
  trimmed = g_strstrip (g_strdup (text));

  for (const char *p = trimmed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c))
        {
          g_string_append_c (ascii, '0' + g_unichar_digit_value (c));
          if (!seen_decimal && !seen_exponent)
            {
              if (grouping.group >= 0)
                grouping.group++;
              else
                grouping.lead++;
            }
          continue;
        }
      /* scientific notation, as exports write very large numbers: 3.5e+57 */
      if ((c == 'e' || c == 'E') && !seen_exponent && ascii->len > 0
          && g_ascii_isdigit (ascii->str[ascii->len - 1]))
        {
          misplaced |= !seen_decimal && !grouping_done (&grouping);
          seen_exponent = TRUE;
          g_string_append_c (ascii, 'e');
          if (p[1] == '+' || p[1] == '-')
            g_string_append_c (ascii, *++p);
          continue;
        }
      if ((c == '-' || c == 0x2212) && p == trimmed)
        {
          /* -0 is 0, as in a .kamlang file; any other minus is refused below */
          minus = TRUE;
          continue;
        }
      if (c == '-' || c == 0x2212)
        {
          {
            g_autofree char *message = kam_rule_negative_message (text);
            g_autofree char *sentence = kam_sentence (message);
            g_set_error_literal (error, KAM_ERROR, KAM_ERROR_INVALID, sentence);
          }
          return FALSE;
        }
      /* The locale's decimal mark, or "." always; "," groups thousands unless it
       * is the locale's decimal mark. */
      if ((c == '.' || g_str_has_prefix (p, decimal)) && !seen_decimal && !seen_exponent
          && !(c == ',' && !g_str_equal (decimal, ",")))
        {
          misplaced |= !grouping_done (&grouping);
          seen_decimal = TRUE;
          g_string_append_c (ascii, '.');
          continue;
        }
      /* thousands: ",", the locale's separator, spaces, an apostrophe */
      if ((c == ',' || g_str_has_prefix (p, thousands) || g_unichar_isspace (c) || c == 0x202f
           || c == 0x00a0 || c == '\'')
          && !seen_decimal && !seen_exponent)
        {
          misplaced |= !grouping_separator (&grouping);
          continue;
        }
      g_string_truncate (ascii, 0);
      g_string_append (ascii, "x");
      break;
    }
  if (!seen_decimal && !seen_exponent)
    misplaced |= !grouping_done (&grouping);

  if (ascii->len == 0 && *trimmed == '\0')
    {
      *value = NAN;
      return TRUE;
    }
  v = g_ascii_strtod (ascii->str, &end);
  if (ascii->len == 0 || end == ascii->str || *end != '\0' || !isfinite (v))
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID, _("“%s” is not a number."), text);
      return FALSE;
    }
  if (misplaced)
    {
      g_set_error (error, KAM_ERROR, KAM_ERROR_INVALID,
                   /* Translators: a typed number such as 1,2,3 */
                   _("“%s” is not a number: thousands are separated in groups of three digits, as in 1,220,197."),
                   text);
      return FALSE;
    }
  if (minus && v != 0)
    {
      g_autofree char *message = kam_rule_negative_message (text);
      g_autofree char *sentence = kam_sentence (message);

      g_set_error_literal (error, KAM_ERROR, KAM_ERROR_INVALID, sentence);
      return FALSE;
    }
  /* + 0.0: never a negative zero */
  *value = v + 0.0;
  return TRUE;
}

char *
kam_rule_negative_message (const char *value)
{
  return g_strdup_printf (_("the value %s is negative; counts and amounts cannot be below zero"), value);
}

char *
kam_sentence (const char *fragment)
{
  g_autofree char *first = NULL;

  if (fragment == NULL || *fragment == '\0')
    return g_strdup ("");
  first = g_utf8_strup (fragment, g_utf8_next_char (fragment) - fragment);
  /* Translators: a message made a sentence: its first letter (made capital
   * where the script has capitals), the rest, and the full stop (Khmer: ។) */
  return g_strdup_printf (C_("sentence", "%s%s."), first, g_utf8_next_char (fragment));
}

char *
kam_number_format_share (double fraction)
{
  g_autofree char *number = kam_number_format (fraction * 100, 1);

  return g_strdup_printf ("%s %%", number);
}
