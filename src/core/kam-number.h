/* kam-number.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* For files: the shortest text that reads back as exactly the same double,
 * with no locale separators ("11453", "2654393614.65735"). */
char *kam_number_to_text (double value);
void kam_number_append_text (GString *out, double value);
void kam_number_append_integer (GString *out, gint64 value);

/* For people: grouped digits in the user's locale ("1,220,197"), up to
 * `decimals` decimals with trailing zeros dropped. Unknown gives "unknown". */
char *kam_number_format (double value, int decimals);

/* Khmer numerals (០១២៣៤៥៦៧៨៩) in every number formatted for people, a
 * preference of the whole process, off at start. Files, CSV and what is
 * typed into them keep ASCII digits; kam_number_parse reads both. */
void kam_number_set_khmer_digits (gboolean khmer);
gboolean kam_number_get_khmer_digits (void);
/* The text with its ASCII digits as the preference writes them. */
char *kam_number_localize (const char *text);
/* The same, taking text (freed or returned). */
char *kam_number_localize_take (char *text);
/* A year for people: "2021", or "២០២១" with Khmer numerals. */
char *kam_number_format_year (int year);

/* Compact: "1.2 M", "45.9 k", "2.8 B". With usd, "US$ 2.8 B". */
char *kam_number_format_compact (double value, gboolean usd);
/* A value as a table or tooltip shows it: whole persons, whole dollars
 * (cents only under US$ 100), "unknown" for NAN. */
char *kam_number_format_amount (double value, gboolean usd);

/* A share (0.937) as every chart, legend, table and tooltip writes it: one
 * rule, "93.7 %" (one decimal, dropped when zero). */
char *kam_number_format_share (double fraction);

/* Reads what a person typed: "1,220,197", "1 220 197", "2.5", Khmer digits.
 * Empty text is an unknown value (NAN). Refuses negatives and anything else
 * that is not a number, saying why. */
gboolean kam_number_parse (const char *text, double *value, GError **error);

/* The wording of the rule that a value is not negative, for every reader of
 * figures, given the value as written: "the value -5 is negative; counts and
 * amounts cannot be below zero" (no place, no capital). */
char *kam_rule_negative_message (const char *value);
/* A fragment of a message as a sentence: its first letter a capital, a full
 * stop at the end. */
char *kam_sentence (const char *fragment);

G_END_DECLS
