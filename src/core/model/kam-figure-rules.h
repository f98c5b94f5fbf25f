/* kam-figure-rules.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include "kam-types.h"
#include "kam-figure-table.h"

G_BEGIN_DECLS

/* The rules a figure keeps, shared by editing, files and imports, and the
 * qualifiers' words and marks (kam-figure-rules.c). */

/* Validation shared by editing, files and imports. */
gboolean kam_country_code_is_valid (const char *code);
gboolean kam_partial_date_is_valid (const char *date);
/* The wording of the rule a figure's year keeps, for every reader of figures
 * (file, CSV, World Bank, editor), given the year as written: "the year 20210
 * is not between 1900 and 2100". No place, no capital: the caller puts the
 * place before it. (The value's rule: kam_rule_negative_message.) */
char *kam_rule_year_range_message (const char *year);
/* The same for a country, indicator or source (field) that the dataset does
 * not have: "there is no country “XYZ” in this dataset". */
char *kam_rule_unknown_message (KamFigureField field, const char *id);
/* Checks a figure against the rules: year, value, references, members,
 * qualifier, and that no other figure (but except_id, 0 for none) has its key. */
/* Largest number of persons a figure can hold: whole numbers are exact up to 2^53. */
#define KAM_PERSONS_MAX 9007199254740992.0
/* A count of persons above this is flagged by the checks as implausible. */
#define KAM_PERSONS_PLAUSIBLE 100000000.0
gboolean kam_rule_check_typed_value (KamDataset *self, const char *indicator, double value,
                                     GError **error);
/* Whether a value typed for a figure (row: its key; except_id: the figure
 * itself, 0 when it is new) is plausible, as DHIS2 judges data entry: not
 * more than 10 times the largest value the dataset holds for the indicator,
 * not a jump of more than 10 times from the same key's figure of the year
 * before, and not above KAM_PERSONS_PLAUSIBLE persons. When it is not, why
 * says so (a sentence), and the caller asks the person to confirm. */
gboolean kam_rule_is_plausible (KamDataset *self, const KamFigureRow *row, guint except_id, char **why);
/* A line of a figure's note that starts with this mark asks for a follow-up;
 * the Checks page lists such figures until the line is taken out. */
#define KAM_FOLLOW_UP_MARK "⚑"
/* The note with a follow-up line added: "⚑ Confirmed at entry: …". */
char *kam_rule_follow_up_note (const char *note, const char *why);
/* The follow-up line of a note (without its mark), or NULL when it has none. */
char *kam_rule_dup_follow_up (const char *note);
gboolean kam_dataset_validate_row (KamDataset *self, const KamFigureRow *row, guint except_id,
                                   GError **error);
const char *kam_qualifier_get_mark (KamQualifier qualifier);
const char *kam_qualifier_get_label (KamQualifier qualifier);
/* A written number with its qualifier's mark where it goes: "≈ 45,000",
 * "12,000 e"; the number alone when exact. */
char *kam_qualifier_mark_text (KamQualifier qualifier, const char *number);
/* By nick ("lower-bound") or by the mark ("≥"); FALSE when neither. */
gboolean kam_qualifier_parse (const char *text, KamQualifier *qualifier);

G_END_DECLS
