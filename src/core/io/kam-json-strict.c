/* kam-json-strict.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* json-glib 1.6 is lenient (comments, single quotes, 0x10, \uZZZZ, a second
 * document after the first are all taken) and overflows the stack on deep
 * nesting; what it takes silently changes the data. This scanner runs first
 * and lets through only RFC 8259 JSON, saying where and what the first problem
 * is. Recursion is bounded by max_depth. */

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "kam-json-strict.h"

typedef struct
{
  const char *data;
  const char *p;
  const char *end;
  guint max_depth;
  const char *bad;
  char *message;
  KamJsonProblem kind;
  GHashTable *top_level; /* name -> KamJsonSpan of its value, for the root object */
} Scanner;

G_GNUC_PRINTF (3, 4)
static gboolean
fail_at (Scanner *s, const char *where, const char *format, ...)
{
  va_list args;

  if (s->message != NULL)
    return FALSE;
  va_start (args, format);
  s->message = g_strdup_vprintf (format, args);
  va_end (args);
  s->bad = where;
  return FALSE;
}

static void
skip_space (Scanner *s)
{
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
    s->p++;
}

/* What stands at p, quoted for a message: the character, or its code point
 * when it cannot be seen. */
static char *
describe_char (Scanner *s, const char *p)
{
  gunichar c;

  if (p >= s->end)
    return g_strdup (_("the end of the file"));
  c = g_utf8_get_char (p);
  if (g_unichar_isgraph (c))
    {
      char buf[8] = { 0 };
      g_unichar_to_utf8 (c, buf);
      return g_strdup_printf ("“%s”", buf);
    }
  return g_strdup_printf ("U+%04X", c);
}

static gboolean
unexpected (Scanner *s, const char *expected)
{
  g_autofree char *what = NULL;

  if (s->p >= s->end)
    return fail_at (s, s->p, _("the file ends too early: %s is missing"), expected);
  switch (*s->p)
    {
    case '\'':
      return fail_at (s, s->p, _("text must be in double quotes (\"), not single quotes"));
    case '/':
      return fail_at (s, s->p, _("comments are not allowed in a Kamlang file"));
    default:
      what = describe_char (s, s->p);
      return fail_at (s, s->p, _("%s where %s was expected"), what, expected);
    }
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Reads \uXXXX at p (p at the backslash); -1 if the four digits are not hex. */
static int
read_u_escape (Scanner *s, const char *p)
{
  int v = 0;

  if (p + 6 > s->end || p[0] != '\\' || p[1] != 'u')
    return -1;
  for (int i = 2; i < 6; i++)
    {
      int h = hex_value (p[i]);
      if (h < 0)
        return -1;
      v = v * 16 + h;
    }
  return v;
}

static gboolean
scan_string (Scanner *s)
{
  const char *start = s->p;

  s->p++; /* the opening quote */
  while (s->p < s->end)
    {
      unsigned char c = *s->p;

      if (c == '"')
        {
          s->p++;
          if (s->p - start > KAM_MAX_TEXT + 2)
            {
              fail_at (s, start, _("this text is %.1f MiB long; Kamlang reads texts of up to 1 MiB"),
                       (s->p - start - 2) / 1048576.0);
              s->kind = KAM_JSON_TOO_LONG;
              return FALSE;
            }
          return TRUE;
        }
      if (c == '\n' || c == '\r')
        return fail_at (s, start, _("this text is not closed with a double quote before the end of the line"));
      if (c < 0x20)
        return fail_at (s, s->p, _("a control character (U+%04X) inside text; write it as an escape such as \\n or \\t"), c);
      if (c != '\\')
        {
          s->p++;
          continue;
        }
      if (s->p + 1 >= s->end)
        break;
      switch (s->p[1])
        {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          s->p += 2;
          break;
        case 'u':
          {
            int v = read_u_escape (s, s->p);

            if (v < 0)
              {
                g_autofree char *text = g_strndup (s->p, MIN (6, s->end - s->p));
                return fail_at (s, s->p, _("“%s” is not a valid escape: \\u needs four hexadecimal digits"), text);
              }
            if (v == 0)
              return fail_at (s, s->p, _("text may not contain the NUL character (\\u0000)"));
            if (v >= 0xDC00 && v <= 0xDFFF)
              return fail_at (s, s->p, _("\\u%04x is half of a character (a lone low surrogate) and means nothing alone"), v);
            if (v >= 0xD800 && v <= 0xDBFF)
              {
                int low = read_u_escape (s, s->p + 6);

                if (low < 0xDC00 || low > 0xDFFF)
                  return fail_at (s, s->p, _("\\u%04x is half of a character (a high surrogate) without the second half"), v);
                s->p += 12;
              }
            else
              s->p += 6;
            break;
          }
        default:
          {
            g_autofree char *text = g_strndup (s->p, g_utf8_next_char (s->p + 1) - s->p);
            return fail_at (s, s->p, _("“%s” is not a valid escape"), text);
          }
        }
    }
  return fail_at (s, start, _("this text is not closed with a double quote"));
}

static gboolean
scan_number (Scanner *s)
{
  const char *start = s->p;
  gboolean whole = TRUE;
  guint digits = 0;
  g_autofree char *text = NULL;

  if (*s->p == '-')
    s->p++;
  if (s->p >= s->end || !g_ascii_isdigit (*s->p))
    {
      if (s->end - s->p >= 8 && strncmp (s->p, "Infinity", 8) == 0)
        return fail_at (s, start, _("Infinity is not a number in JSON"));
      return fail_at (s, start, _("a minus sign must be followed by digits"));
    }
  if (*s->p == '0')
    {
      s->p++;
      if (s->p < s->end && (*s->p == 'x' || *s->p == 'X'))
        return fail_at (s, start, _("hexadecimal numbers (0x…) are not allowed; write the number in decimal"));
      if (s->p < s->end && g_ascii_isdigit (*s->p))
        return fail_at (s, start, _("a number may not start with 0 (write 10, not 010)"));
      digits = 1;
    }
  else
    while (s->p < s->end && g_ascii_isdigit (*s->p))
      {
        s->p++;
        digits++;
      }
  if (s->p < s->end && *s->p == '.')
    {
      whole = FALSE;
      s->p++;
      if (s->p >= s->end || !g_ascii_isdigit (*s->p))
        return fail_at (s, start, _("a decimal point must be followed by digits"));
      while (s->p < s->end && g_ascii_isdigit (*s->p))
        s->p++;
    }
  if (s->p < s->end && (*s->p == 'e' || *s->p == 'E'))
    {
      whole = FALSE;
      s->p++;
      if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
        s->p++;
      if (s->p >= s->end || !g_ascii_isdigit (*s->p))
        return fail_at (s, start, _("an exponent must be followed by digits"));
      while (s->p < s->end && g_ascii_isdigit (*s->p))
        s->p++;
    }
  text = g_strndup (start, s->p - start);
  if (whole)
    {
      /* json-glib keeps whole numbers as 64-bit integers, which overflow
       * without a word; Kamlang's numbers are doubles, exact to 2^53 */
      if (digits > 16 || (digits == 16 && fabs (g_ascii_strtod (text, NULL)) > 9007199254740992.0))
        {
          s->kind = KAM_JSON_OUT_OF_RANGE;
          return fail_at (s, start, _("the number %s is too large: whole numbers can be at most 9007199254740992"), text);
        }
    }
  else if (!isfinite (g_ascii_strtod (text, NULL)))
    {
      s->kind = KAM_JSON_OUT_OF_RANGE;
      return fail_at (s, start, _("the number %s is too large"), text);
    }
  return TRUE;
}

static gboolean scan_value (Scanner *s, guint depth);

static gboolean
scan_literal (Scanner *s, const char *word)
{
  gsize n = strlen (word);

  if ((gsize) (s->end - s->p) >= n && strncmp (s->p, word, n) == 0
      && (s->p + n == s->end || !g_ascii_isalnum (s->p[n])))
    {
      s->p += n;
      return TRUE;
    }
  return FALSE;
}

/* A missing comma is reported where it belongs, right after the value before
 * it, not where the next thing starts (perhaps on another line). */
static gboolean
missing_separator (Scanner *s, const char *after_value, const char *closing)
{
  g_autofree char *what = NULL;

  if (s->p >= s->end || *s->p == '\'' || *s->p == '/')
    {
      g_autofree char *expected = g_strdup_printf (_("a comma or “%s”"), closing);
      return unexpected (s, expected);
    }
  what = describe_char (s, s->p);
  return fail_at (s, after_value, _("a comma or “%s” is missing here, before %s"), closing, what);
}

typedef enum
{
  MORE,   /* a comma: another element follows */
  CLOSED, /* the closing bracket */
  FAILED,
} Next;

/* What follows an element of an object or a list. */
static Next
after_element (Scanner *s, char closing)
{
  const char *after = s->p;
  char close_text[2] = { closing, '\0' };

  skip_space (s);
  if (s->p < s->end && *s->p == ',')
    {
      s->p++;
      skip_space (s);
      if (s->p < s->end && *s->p == closing)
        {
          fail_at (s, s->p, _("a comma before “%s” is not allowed"), close_text);
          return FAILED;
        }
      return MORE;
    }
  if (s->p < s->end && *s->p == closing)
    {
      s->p++;
      return CLOSED;
    }
  missing_separator (s, after, close_text);
  return FAILED;
}

static gboolean
scan_object (Scanner *s, guint depth)
{
  g_autoptr (GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  s->p++;
  skip_space (s);
  if (s->p < s->end && *s->p == '}')
    {
      s->p++;
      return TRUE;
    }
  for (;;)
    {
      const char *name_start, *value_start;
      char *name;
      Next next;

      skip_space (s);
      if (s->p >= s->end || *s->p != '"')
        return unexpected (s, _("a name in double quotes"));
      name_start = s->p;
      if (!scan_string (s))
        return FALSE;
      name = g_strndup (name_start + 1, s->p - name_start - 2);
      if (!g_hash_table_add (names, name))
        return fail_at (s, name_start, _("the name “%s” appears twice in the same object"), name);
      skip_space (s);
      if (s->p >= s->end || *s->p != ':')
        return unexpected (s, _("a colon (:) after the name"));
      s->p++;
      skip_space (s);
      value_start = s->p;
      if (!scan_value (s, depth))
        return FALSE;
      /* names with escapes are rare; they are looked up by their raw text */
      if (depth == 1 && s->top_level != NULL)
        {
          KamJsonSpan *span = g_new (KamJsonSpan, 1);

          span->offset = value_start - s->data;
          span->length = s->p - value_start;
          g_hash_table_insert (s->top_level, g_strdup (name), span);
        }
      next = after_element (s, '}');
      if (next != MORE)
        return next == CLOSED;
    }
}

static gboolean
scan_array (Scanner *s, guint depth)
{
  s->p++;
  skip_space (s);
  if (s->p < s->end && *s->p == ']')
    {
      s->p++;
      return TRUE;
    }
  for (;;)
    {
      Next next;

      if (!scan_value (s, depth))
        return FALSE;
      next = after_element (s, ']');
      if (next != MORE)
        return next == CLOSED;
    }
}

static gboolean
scan_value (Scanner *s, guint depth)
{
  skip_space (s);
  if (s->p >= s->end)
    return unexpected (s, _("a value"));
  switch (*s->p)
    {
    case '{':
    case '[':
      if (depth + 1 > s->max_depth)
        s->kind = KAM_JSON_TOO_DEEP;
      if (depth + 1 > s->max_depth)
        return fail_at (s, s->p, _("the data is nested more than %u levels deep"), s->max_depth);
      return *s->p == '{' ? scan_object (s, depth + 1) : scan_array (s, depth + 1);
    case '"':
      return scan_string (s);
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return scan_number (s);
    default:
      if (scan_literal (s, "true") || scan_literal (s, "false") || scan_literal (s, "null"))
        return TRUE;
      {
        const char *start = s->p;

        if (scan_literal (s, "NaN") || scan_literal (s, "Infinity"))
          return fail_at (s, start, _("NaN and Infinity are not numbers in JSON"));
      }
      return unexpected (s, _("a value"));
    }
}

/**
 * kam_json_check_strict:
 * @offset: (out): where the first problem is
 * @message: (out) (transfer full): what it is
 * @top_level: (nullable): filled with where each value of the root object is
 *   in @data, by name
 *
 * Returns: KAM_JSON_OK when @data is strict JSON that Kamlang can read exactly,
 *   else the kind of the first problem
 */
KamJsonProblem
kam_json_check_strict (const char *data, gsize length, guint max_depth, gsize *offset,
                       char **message, GHashTable *top_level)
{
  Scanner s = { data, data, data + length, max_depth, NULL, NULL, KAM_JSON_SYNTAX, top_level };

  skip_space (&s);
  if (s.p >= s.end)
    {
      *offset = length;
      *message = g_strdup (_("the file is empty"));
      return KAM_JSON_SYNTAX;
    }
  if (scan_value (&s, 0))
    {
      skip_space (&s);
      if (s.p < s.end)
        fail_at (&s, s.p, _("there is more after the end of the data (only one JSON document is allowed)"));
    }
  if (s.message == NULL)
    return KAM_JSON_OK;
  *offset = s.bad - data;
  *message = s.message;
  return s.kind;
}
